//! The two commands that write into a book, and say so: `new` (a report
//! template in the reports folder) and `install` (the preprocessor's
//! settings in `book.toml`, edited in place with toml_edit so comments and
//! formatting survive, and the stylesheet next to it).

use crate::config::NAME;
use crate::lang::Catalogue;
use crate::referential::Referential;
use crate::syntax::frontmatter::Date;
use crate::text::{is_kebab_case, kebab_case, readable_stem};
use toml_edit::{Array, DocumentMut, Item, Table, Value};

/// The stylesheet for badges, boxes and print, installed as `additional-css`.
pub const STYLESHEET: &str = include_str!("../assets/technical-file.css");
/// Its file name, next to `book.toml`.
pub const STYLESHEET_NAME: &str = "technical-file.css";

/// Whether a project name is lower-case kebab-case (`terraform-aws`).
pub fn valid_project_name(name: &str) -> Result<(), String> {
    if is_kebab_case(name) {
        Ok(())
    } else {
        Err(format!(
            "`{name}` is not a lower-case kebab-case name; try `{}`",
            kebab_case(name)
        ))
    }
}

/// The text of a new report: front matter and the expected sections, each
/// with one line of guidance (an HTML comment, invisible in the book).
pub fn report_template(
    name: &str,
    today: Date,
    referential: &Referential,
    words: &Catalogue,
) -> String {
    let title = readable_stem(name);
    // Each key's comment starts in the same column.
    let line = |key: String, comment: &str| format!("{key:<34}# {}\n", words.text(comment));
    let mut out = String::new();
    out.push_str("+++\n");
    out.push_str(&format!("title = {}\n", toml_string(&title)));
    out.push_str(&line(format!("date = {today}"), "new-date"));
    out.push_str(&line("team = []".to_owned(), "new-team"));
    out.push_str(&line("role = \"\"".to_owned(), "new-role"));
    out.push_str(&line("skills = []".to_owned(), "new-skills"));
    out.push_str(&line("# draft = true".to_owned(), "new-draft"));
    out.push_str("+++\n\n");
    out.push_str(&format!("# {title}\n\n"));
    for section in &referential.sections {
        out.push_str(&format!("## {}\n\n", section.title));
        if !section.guidance.is_empty() {
            out.push_str(&format!(
                "<!-- {} -->\n\n",
                section.guidance.replace("--", "-")
            ));
        }
    }
    let marker = words.format("new-marker", &[("marker", "\\{{#skill C2.1}}".into())]);
    out.push_str(&format!("<!-- {marker} -->\n"));
    out
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    Value::from(text).to_string().trim().to_owned()
}

/// What `install` changed in `book.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    /// The new text of `book.toml` (equal to the old one when nothing changed).
    pub book_toml: String,
    /// One line per change, for people.
    pub changes: Vec<String>,
    /// Whether `additional-css` lists the stylesheet (so it should be written).
    pub wants_stylesheet: bool,
}

/// Adds or updates the preprocessor's table (run before `links`),
/// `build.extra-watch-dirs` (the reports folder) and the stylesheet in
/// `output.html.additional-css`. Comments and formatting are kept; running
/// it twice changes nothing the second time. A `book.toml` that does not
/// parse is an error and is not touched.
pub fn install(book_toml: &str) -> Result<Installed, String> {
    let mut doc: DocumentMut = book_toml.parse().map_err(|e: toml_edit::TomlError| {
        format!("book.toml cannot be parsed, so it was not changed:\n{e}")
    })?;
    let mut changes = Vec::new();

    let preprocessor = table_at(&mut doc, &["preprocessor", NAME], &mut changes)?;
    let reports = preprocessor
        .get("reports")
        .and_then(Item::as_str)
        .unwrap_or("reports")
        .to_owned();
    if ensure_in_array(preprocessor, "before", "links")? {
        changes.push(format!("set [preprocessor.{NAME}] before = [\"links\"] (reports' {{{{#include}}}} and escapes need it)"));
    }
    if let Some(after) = preprocessor.get_mut("after").and_then(Item::as_array_mut) {
        let before = after.len();
        after.retain(|v| v.as_str() != Some("links"));
        if after.len() != before {
            changes.push(format!(
                "removed \"links\" from [preprocessor.{NAME}] after (it must run before links)"
            ));
        }
    }

    let build = table_at(&mut doc, &["build"], &mut changes)?;
    if ensure_in_array(build, "extra-watch-dirs", &reports)? {
        changes.push(format!("added \"{reports}\" to [build] extra-watch-dirs (mdbook serve rebuilds on report edits)"));
    }

    // The stylesheet goes in [output.html], unless the book renders only
    // other formats (adding [output.html] would add a renderer).
    let outputs = doc.get("output").and_then(Item::as_table_like);
    let has_html = outputs.is_some_and(|o| o.get("html").is_some());
    let has_other = outputs.is_some_and(|o| o.iter().any(|(k, _)| k != "html"));
    let mut wants_stylesheet = false;
    if has_html || !has_other {
        let html = table_at(&mut doc, &["output", "html"], &mut changes)?;
        if ensure_in_array(html, "additional-css", STYLESHEET_NAME)? {
            changes.push(format!(
                "added \"{STYLESHEET_NAME}\" to [output.html] additional-css (badges, boxes, print)"
            ));
        }
        wants_stylesheet = true;
    }
    Ok(Installed {
        book_toml: doc.to_string(),
        changes,
        wants_stylesheet,
    })
}

/// The table at a dotted path, created (as a `[header]` table) if missing.
fn table_at<'a>(
    doc: &'a mut DocumentMut,
    path: &[&str],
    changes: &mut Vec<String>,
) -> Result<&'a mut Table, String> {
    let mut table = doc.as_table_mut();
    for (depth, key) in path.iter().enumerate() {
        if !table.contains_key(key) {
            let mut new = Table::new();
            // Parents of the table we want need no header of their own.
            new.set_implicit(depth + 1 < path.len());
            table.insert(key, Item::Table(new));
            if depth + 1 == path.len() {
                changes.push(format!("added [{}]", path.join(".")));
            }
        }
        let item = table
            .get_mut(key)
            .ok_or_else(|| format!("cannot create [{}]", path.join(".")))?;
        if let Item::Value(Value::InlineTable(inline)) = item {
            // `key = { ... }`: turn it into a regular table to edit it.
            let converted = std::mem::take(inline).into_table();
            *item = Item::Table(converted);
        }
        table = item
            .as_table_mut()
            .ok_or_else(|| format!("`{}` in book.toml is not a table", path[..=depth].join(".")))?;
    }
    Ok(table)
}

/// Makes sure `table[key]` is an array containing `value`; returns whether
/// it changed anything.
fn ensure_in_array(table: &mut Table, key: &str, value: &str) -> Result<bool, String> {
    match table.get_mut(key) {
        None => {
            let mut array = Array::new();
            array.push(value);
            table.insert(key, Item::Value(Value::Array(array)));
            Ok(true)
        }
        Some(item) => {
            let array = item
                .as_array_mut()
                .ok_or_else(|| format!("`{key}` in book.toml must be a list"))?;
            if array.iter().any(|v| v.as_str() == Some(value)) {
                Ok(false)
            } else {
                array.push(value);
                Ok(true)
            }
        }
    }
}

/// Today's date (UTC).
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days((seconds / 86_400) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMENTED: &str = "# My technical file\n[book]\ntitle = \"T\"   # the title\nsrc = \"book\"\n\n# builds go to target\n[build]\nbuild-dir = \"target/book\"\n\n[output.html]\ngit-repository-url = \"https://example.org\"  # keep me\n";

    #[test]
    fn install_keeps_comments_and_is_idempotent() {
        let first = install(COMMENTED).unwrap();
        assert!(
            first
                .book_toml
                .starts_with("# My technical file\n[book]\ntitle = \"T\"   # the title\n")
        );
        assert!(first.book_toml.contains("# builds go to target\n[build]\nbuild-dir = \"target/book\"\nextra-watch-dirs = [\"reports\"]\n"));
        assert!(first.book_toml.contains("git-repository-url = \"https://example.org\"  # keep me\nadditional-css = [\"technical-file.css\"]\n"));
        assert!(
            first
                .book_toml
                .contains("[preprocessor.technical-file]\nbefore = [\"links\"]\n")
        );
        assert_eq!(first.changes.len(), 4, "{:?}", first.changes);
        let second = install(&first.book_toml).unwrap();
        assert_eq!(second.book_toml, first.book_toml);
        assert!(second.changes.is_empty(), "{:?}", second.changes);
    }

    #[test]
    fn install_respects_existing_settings_and_refuses_broken_files() {
        let text = "[book]\n[preprocessor.technical-file]\nreports = \"projects\"\nafter = [\"links\"]\n[output.pdf]\n";
        let done = install(text).unwrap();
        assert!(
            done.book_toml.contains("extra-watch-dirs = [\"projects\"]"),
            "{}",
            done.book_toml
        );
        assert!(done.book_toml.contains("after = []"), "{}", done.book_toml);
        assert!(
            !done.book_toml.contains("[output.html]"),
            "{}",
            done.book_toml
        );
        assert!(!done.wants_stylesheet);
        assert!(
            install("[book\ntitle = 1")
                .unwrap_err()
                .starts_with("book.toml cannot be parsed")
        );
    }

    #[test]
    fn template_has_front_matter_and_the_eight_sections() {
        let referential = Referential::embedded();
        let text = report_template(
            "terraform-aws",
            Date::parse("2026-11-28").unwrap(),
            &referential,
            crate::lang::Lang::En.catalogue(),
        );
        assert!(text.starts_with("+++\ntitle = \"Terraform aws\"\ndate = 2026-11-28 "));
        for section in &referential.sections {
            assert!(text.contains(&format!("\n## {}\n", section.title)));
        }
        // The template itself is a valid report with no error.
        let input = crate::pipeline::ReportInput {
            path: "reports/terraform-aws.md".to_owned(),
            stem: "terraform-aws".to_owned(),
            content: Ok(crate::text::source::decode(text.as_bytes())),
        };
        let (report, _) = input.parse(&referential, crate::syntax::markdown::Flavor::default());
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
        assert_eq!(report.sections.iter().filter(|s| s.is_some()).count(), 8);
    }

    #[test]
    fn names_and_dates() {
        assert!(valid_project_name("gitlab-ci-2").is_ok());
        assert_eq!(
            valid_project_name("GitLab CI").unwrap_err(),
            "`GitLab CI` is not a lower-case kebab-case name; try `gitlab-ci`"
        );
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(20_785).to_string(), "2026-11-28");
        assert_eq!(Date::from_days(11_016).to_string(), "2000-02-29");
    }
}
