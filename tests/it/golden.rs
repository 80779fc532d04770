//! Golden files: the generated appendix (and its progression chart alone),
//! the jury grid, report pages, a synthesis chapter,
//! the coverage as JSON and CSV, and the diagnostics as text and JSON, on a
//! book with duplicate and non-ASCII headings, markers in code and in a
//! heading, CRLF line endings, report-level claims and a report without a
//! title. Set `UPDATE_GOLDEN=1` to rewrite them after an intended change.

use mdbook_preprocessor::book::BookItem;
use mdbook_technical_file::export;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    crate::support::repo_root().join("tests/fixtures/golden")
}

fn golden(name: &str, actual: &str) {
    let path = crate::support::repo_root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
            path.display()
        )
    });
    if expected != actual {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .enumerate()
            .filter(|(_, (e, a))| e != a)
            .take(5)
            .map(|(i, (e, a))| format!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1))
            .collect();
        panic!(
            "{} differs from the output ({} vs {} lines):\n{}\n(run with UPDATE_GOLDEN=1 to accept)",
            path.display(),
            expected.lines().count(),
            actual.lines().count(),
            diff.join("\n")
        );
    }
}

/// Chapter contents by path, after the preprocessor.
fn chapters(root: &Path) -> std::collections::BTreeMap<String, String> {
    let outcome = mdbook_technical_file::analyze(root).unwrap();
    outcome
        .book
        .iter()
        .filter_map(|item| match item {
            BookItem::Chapter(ch) => {
                Some((ch.path.as_ref()?.display().to_string(), ch.content.clone()))
            }
            _ => None,
        })
        .collect()
}

/// The absolute root would make goldens machine-specific.
fn portable(text: &str, root: &Path) -> String {
    text.replace(&root.display().to_string(), "<root>")
}

#[test]
fn generated_chapters_match_their_golden_files() {
    let root = fixture();
    let chapters = chapters(&root);
    golden("appendix.md", &chapters["skill-coverage.md"]);
    // The chart on its own, a file any browser or SVG viewer opens.
    let appendix = &chapters["skill-coverage.md"];
    let svg = &appendix[appendix.find("<svg").expect("a chart")
        ..appendix.find("</svg>").expect("the chart's end") + "</svg>".len()];
    golden("progression.svg", &format!("{svg}\n"));
    golden("jury-grid.md", &chapters["jury-grid.md"]);
    golden(
        "report-accents-et-doublons.md",
        &portable(&chapters["reports/accents-et-doublons.md"], &root),
    );
    golden("report-no-title.md", &chapters["reports/no-title.md"]);
    golden(
        "report-whole-report.md",
        &chapters["reports/whole-report.md"],
    );
    golden("synthesis.md", &chapters["synthesis.md"]);
    golden("intro.md", &chapters["intro.md"]);
}

#[test]
fn coverage_exports_match_their_golden_files() {
    let outcome = mdbook_technical_file::analyze(&fixture()).unwrap();
    golden(
        "coverage.json",
        &(serde_json::to_string_pretty(&export::json(&outcome.file)).unwrap() + "\n"),
    );
    golden("coverage.csv", &export::csv(&outcome.file));
    golden("coverage.txt", &export::table(&outcome.file, false));
}

#[test]
fn diagnostics_match_their_golden_files() {
    let outcome = mdbook_technical_file::analyze(&fixture()).unwrap();
    let human: String = outcome
        .diagnostics
        .iter()
        .map(|d| d.render_human(false) + "\n")
        .chain([outcome.summary_line() + "\n"])
        .collect();
    golden("check.txt", &human);
    let json: Vec<serde_json::Value> = outcome.diagnostics.iter().map(|d| d.to_json()).collect();
    golden(
        "check.json",
        &(serde_json::to_string_pretty(&json).unwrap() + "\n"),
    );
}

#[test]
fn every_link_of_the_golden_book_lands() {
    let copy = crate::support::copy_book(&fixture());
    let out = mdbook_technical_file::build(copy.path(), false).unwrap();
    let (checked, broken) = crate::support::broken_links(&out);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    assert!(checked > 40, "only {checked} links checked");
}

#[test]
fn the_authors_bytes_outside_the_edits_are_kept() {
    // The CRLF report keeps its CRLF line endings and every byte of its
    // body except the markers and the inserted boxes.
    let root = fixture();
    let source = std::fs::read_to_string(root.join("reports/accents-et-doublons.md")).unwrap();
    let chapters = chapters(&root);
    let page = &chapters["reports/accents-et-doublons.md"];
    for line in source
        .split("\r\n")
        .filter(|l| !l.contains("{{#skill") && !l.is_empty())
    {
        if line.starts_with("+++") || line.contains(" = ") {
            assert!(!page.contains(line), "front matter line kept: {line}");
        } else {
            assert!(
                page.contains(&format!("{line}\r\n")),
                "line lost or changed: {line}"
            );
        }
    }
}
