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
