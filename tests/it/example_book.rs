//! The repository's own example book, built for real: every generated link
//! lands on an existing page and id, and two builds are identical.

use crate::support::{main_of, repo_root, snapshot};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn copy_example() -> tempfile::TempDir {
    crate::support::copy_book(&repo_root())
}

fn build(dir: &Path) -> PathBuf {
    mdbook_technical_file::build(dir, false).expect("the example book builds")
}

#[test]
fn every_link_in_the_example_book_lands_on_a_page_and_an_id() {
    let dir = copy_example();
    let out = build(dir.path());
    let (checked, broken) = crate::support::broken_links(&out);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    assert!(checked > 300, "only {checked} links checked");
}

#[test]
fn the_appendix_links_each_skill_to_its_evidence_and_flags_the_gap() {
    let dir = copy_example();
    let out = build(dir.path());
    let appendix = main_of(&fs::read_to_string(out.join("skill-coverage.html")).unwrap());
    let referential = mdbook_technical_file::Referential::embedded();
    for skill in &referential.skills {
        assert!(
            appendix.contains(&format!("id=\"{}\"", skill.anchor())),
            "no entry for {}",
            skill.id
        );
    }
    assert!(
        appendix.contains("<strong>17 of 18 skills</strong>"),
        "{appendix}"
    );
    assert!(
        appendix.contains("Gap: no report evidences C3.2 yet."),
        "{appendix}"
    );
    // No French sentence of ours in the English book.
    let french = crate::support::phrases_of(
        mdbook_technical_file::testing::Lang::Fr,
        &crate::support::html_pages(&out),
    );
    assert!(
        french.is_empty(),
        "French of ours in an English book:\n{}",
        french.join("\n")
    );
    // Every report page links back to the appendix from its header box.
    for page in crate::support::html_files(&out.join("reports")) {
        let html = fs::read_to_string(&page).unwrap();
        assert!(html.contains("Skills evidenced here"), "{}", page.display());
        assert!(
            html.contains("../skill-coverage.html#skill-"),
            "{}",
            page.display()
        );
    }
}

#[test]
fn two_builds_give_identical_files() {
    let dir = copy_example();
    let out = build(dir.path());
    let first: BTreeMap<PathBuf, Vec<u8>> = snapshot(&out)
        .into_iter()
        .map(|(p, (c, _))| (p, c))
        .collect();
    let out = build(dir.path());
    let second: BTreeMap<PathBuf, Vec<u8>> = snapshot(&out)
        .into_iter()
        .map(|(p, (c, _))| (p, c))
        .collect();
    assert_eq!(first.len(), second.len());
    for (path, content) in &first {
        assert!(
            second.get(path) == Some(content),
            "{} differs between builds",
            path.display()
        );
    }
}

/// The French example book (`examples/fr`), built in a copy whose output
/// stays in it: `check --deny warnings` passes (French rules on the French
/// reports, English ones on the report that says `lang = "en"`), every link
/// lands, every word the tool wrote is French, and none of its English.
#[test]
fn the_french_example_book_checks_clean_builds_and_speaks_french() {
    let dir = crate::support::copy_book(&repo_root().join("examples/fr"));
    let book_toml = dir.path().join("book.toml");
    let config = fs::read_to_string(&book_toml).unwrap();
    assert!(config.contains("build-dir = \"../../target/book-fr\""));
    fs::write(
        &book_toml,
        config.replace("../../target/book-fr", "target/book"),
    )
    .unwrap();

    let check = crate::support::binary()
        .args(["check", "--deny", "warnings"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(0), "{said}");
    assert!(
        said.contains("technical-file: 6 rapports, 17/18 compétences (B1 6/7, B2 5/5, B3 6/6), lacunes\u{a0}: C1.4, ~10,0 pages, 0 avertissement"),
        "{said}"
    );

    let out = build(dir.path());
    let (checked, broken) = crate::support::broken_links(&out);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    assert!(checked > 200, "only {checked} links checked");
    let appendix =
        main_of(&fs::read_to_string(out.join("couverture-des-competences.html")).unwrap());
    for expected in [
        "<h1 id=\"couverture-des-compétences\">",
        "<strong>17 compétences sur 18</strong> sont attestées par 6 rapports (94\u{202f}%).",
        "Lacune\u{a0}: aucun rapport n’atteste encore C1.4.",
        "Liste de contrôle des rapports",
    ] {
        assert!(appendix.contains(expected), "{expected}\n{appendix}");
    }
    let group = fs::read_to_string(out.join("reports/plateforme-kubernetes-argo-cd.html")).unwrap();
    assert!(
        group.contains("Projet de groupe"),
        "the group project's header box"
    );
    assert!(group.contains(">6 février 2026</time>"), "a French date");
    assert!(group.contains("Compétences attestées ici"));
    let pages = crate::support::html_pages(&out);
    assert!(pages.len() >= 14, "{} pages", pages.len());
    crate::support::assert_no_english_of_ours(&pages);
}

/// The stylesheet `init` and `install` write, and the copies the example
/// books use (mdBook reads an `additional-css` only inside the book): a
/// stale copy would show the examples unlike a student's book.
#[test]
fn the_example_books_use_the_stylesheet_the_tool_writes() {
    let root = repo_root();
    let written = fs::read(root.join("src/assets/technical-file.css")).unwrap();
    for copy in ["technical-file.css", "examples/fr/technical-file.css"] {
        assert!(
            fs::read(root.join(copy)).unwrap() == written,
            "{copy} differs from src/assets/technical-file.css: copy it again"
        );
    }
}
