//! The layering of ARCHITECTURE.md, checked on the sources: every
//! `crate::` path outside unit tests goes down the layers (never up, never
//! sideways), and no two modules import each other, even through others.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The top-level modules, lowest layer first. A module may use the modules
/// of lower layers only.
const LAYERS: &[&[&str]] = &[
    &["text", "work", "lang"],
    &["diagnostic"],
    &["syntax"],
    &["config", "referential"],
    &["model"],
    &["render", "spelling"],
    &["pipeline", "cohort"],
    &["book"],
    &["lsp"],
    &["cli", "testing"],
];

/// Every module of `src/` (as `model::report`; the crate root is ``) and
/// its source without its unit tests.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path
                    .strip_prefix(crate::support::repo_root().join("src"))
                    .unwrap();
                let name = relative
                    .with_extension("")
                    .to_string_lossy()
                    .replace('\\', "/");
                let name = name.trim_end_matches("/mod");
                let name = if name == "lib" || name == "main" {
                    ""
                } else {
                    name
                };
                let text = fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
                out.insert(name.replace('/', "::"), code.to_owned());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&crate::support::repo_root().join("src"), &mut out);
    out
}

/// The paths a source names with `crate::`, `use crate::{a::b, c}` groups
/// expanded.
fn crate_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let end = path_end(rest);
        expand("", &rest[..end], &mut paths);
        rest = &rest[end..];
    }
    paths
}

/// Where the path at the start of `text` ends (after its `{...}` group).
fn path_end(text: &str) -> usize {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':') => return i,
            _ => {}
        }
    }
    text.len()
}

fn expand(prefix: &str, path: &str, out: &mut Vec<String>) {
    let Some(open) = path.find('{') else {
        let path = path
            .split(" as ")
            .next()
            .unwrap()
            .trim()
            .trim_end_matches("::self");
        out.push(format!("{prefix}{path}"));
        return;
    };
    let head = format!("{prefix}{}", &path[..open]);
    let inner = &path[open + 1..path.len() - 1];
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&head, inner[start..i].trim(), out);
                start = i + 1;
            }
            _ => {}
        }
    }
    if !inner[start..].trim().is_empty() {
        expand(&head, inner[start..].trim(), out);
    }
}

/// The module a path lands in: its longest prefix that is a module.
fn module_of<'a>(path: &str, modules: &'a BTreeMap<String, String>) -> Option<&'a str> {
    let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    (1..=parts.len())
        .rev()
        .find_map(|n| modules.get_key_value(&parts[..n].join("::")))
        .map(|(name, _)| name.as_str())
}

fn layer(module: &str) -> usize {
    let top = module.split("::").next().unwrap();
    LAYERS
        .iter()
        .position(|layer| layer.contains(&top))
        .unwrap_or_else(|| panic!("`{top}` is in no layer: add it to LAYERS and ARCHITECTURE.md"))
}

/// The edges between modules (a module's own children aside).
fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, code) in &modules {
        for path in crate_paths(code) {
            if let Some(target) = module_of(&path, &modules)
                && target != name
                && !target.is_empty()
                && !name.starts_with(&format!("{target}::"))
            {
                edges
                    .entry(name.clone())
                    .or_default()
                    .insert(target.to_owned());
            }
        }
    }
    edges
}

#[test]
fn imports_go_down_the_layers_only() {
    let edges = edges();
    assert!(edges.len() > 30, "too few modules seen: {edges:#?}");
    let mut wrong = Vec::new();
    for (from, targets) in &edges {
        if from.is_empty() {
            continue; // lib.rs declares and re-exports every module
        }
        for to in targets {
            let same_top = from.split("::").next() == to.split("::").next();
            if !same_top && layer(to) >= layer(from) {
                wrong.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that go up or sideways: {wrong:#?}"
    );
}

#[test]
fn no_module_depends_on_itself_through_others() {
    let edges = edges();
    // Depth-first search; a back edge is a cycle.
    fn visit<'a>(
        module: &'a str,
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| *m == module) {
            let mut cycle: Vec<String> = path[at..].iter().map(|m| m.to_string()).collect();
            cycle.push(module.to_owned());
            return Some(cycle);
        }
        if !done.insert(module) {
            return None;
        }
        path.push(module);
        for next in edges.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for module in edges.keys().filter(|m| !m.is_empty()) {
        let cycle = visit(module, &edges, &mut Vec::new(), &mut done);
        assert!(
            cycle.is_none(),
            "import cycle: {}",
            cycle.unwrap().join(" → ")
        );
    }
}

#[test]
fn the_checker_sees_groups_and_upward_imports() {
    let mut paths = crate_paths(
        "use crate::model::{file::TechnicalFile, ids::{ReportId, Texts}};\nlet x = crate::text::plural(2);",
    );
    paths.sort();
    assert_eq!(
        paths,
        [
            "model::file::TechnicalFile",
            "model::ids::ReportId",
            "model::ids::Texts",
            "text::plural"
        ]
    );
    assert!(layer("text::source") < layer("syntax::markdown"));
    assert!(layer("render::md") > layer("model::report"));
}
