//! One rule for every command's exit status: 0 clean, 1 findings, 2 when
//! the command cannot do its work (a usage error; a book.toml, referential
//! or cohort file that is missing or unusable).

use crate::support::{TestBook, binary};
use std::path::Path;
use std::process::Output;

const SUMMARY: &str = "# Summary\n\n- [Project reports](reports.md)\n";

fn run(dir: &Path, args: &[&str]) -> Output {
    binary().args(args).current_dir(dir).output().unwrap()
}

fn code(output: &Output) -> Option<i32> {
    output.status.code()
}

#[test]
fn a_book_whose_referential_is_missing_or_broken_exits_2_on_every_command() {
    for referential in [None, Some("title = \n")] {
        let book = TestBook::new(&[
            (
                "book.toml",
                "[book]\nsrc = \"book\"\n[build]\nbuild-dir = \"out\"\n[preprocessor.technical-file]\nspelling = false\nreferential = \"mine.toml\"\n",
            ),
            ("book/SUMMARY.md", SUMMARY),
            ("book/reports.md", "# Project reports\n"),
            (
                "reports/a.md",
                "# A\n\n## The problem\n\nText. {{#skill C1.1}}\n",
            ),
        ]);
        if let Some(text) = referential {
            book.write("mine.toml", text.as_bytes());
        }
        for args in [
            &["check"][..],
            &["check", "--format", "json"],
            &["coverage"],
            &["coverage", "--format", "json"],
            &["build"],
            &["new", "next-project"],
        ] {
            let output = run(book.root(), args);
            assert_eq!(
                code(&output),
                Some(2),
                "{args:?} with {referential:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        // `check --format json` still says why, as JSON.
        let output = run(book.root(), &["check", "--format", "json"]);
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert!(json["summary"]["errors"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn an_unreadable_book_toml_exits_2_and_findings_exit_1() {
    let book = TestBook::new(&[
        ("book.toml", "[book\nsrc = \"book\"\n"),
        ("book/SUMMARY.md", SUMMARY),
    ]);
    for args in [
        &["check"][..],
        &["coverage"],
        &["build"],
        &["install"],
        &["new", "x"],
    ] {
        assert_eq!(code(&run(book.root(), args)), Some(2), "{args:?}");
    }
    // Errors in a report are findings.
    let book = TestBook::new(&[
        ("book/SUMMARY.md", SUMMARY),
        ("book/reports.md", "# Project reports\n"),
        ("reports/a.md", "# A\n\n## The problem\n\n{{#skill C9.9}}\n"),
    ]);
    assert_eq!(code(&run(book.root(), &["check"])), Some(1));
    // `coverage` reports the coverage, whatever it is: clean.
    assert_eq!(code(&run(book.root(), &["coverage"])), Some(0));
    assert_eq!(code(&run(book.root(), &["supports", "html"])), Some(0));
    assert_eq!(code(&run(book.root(), &["no-such-command"])), Some(2));
}

#[test]
fn cohort_exits_0_1_or_2_and_points_at_the_cohort_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // No cohort file, or one with mistakes: 2, with file:line:col.
    assert_eq!(code(&run(root, &["cohort", "COHORT.toml"])), Some(2));
    std::fs::write(
        root.join("COHORT.toml"),
        "name = \"C\"\n[[student]]\nname = \"Ana\"\nsite = \"http://ana.example/\"\n",
    )
    .unwrap();
    let output = run(root, &["cohort", "COHORT.toml"]);
    assert_eq!(code(&output), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("--> COHORT.toml:4:8"), "{said}");
    assert!(said.contains("use `https://ana.example/`"), "{said}");
    // A referential that does not exist: 2.
    std::fs::write(root.join("COHORT.toml"), "name = \"C\"\nreferential = \"none.toml\"\n[[student]]\nname = \"Ana\"\npath = \"ana.json\"\n").unwrap();
    assert_eq!(code(&run(root, &["cohort", "COHORT.toml"])), Some(2));
    // A student whose data cannot be read: 1, and the dashboard is written.
    std::fs::write(
        root.join("COHORT.toml"),
        "name = \"C\"\n[[student]]\nname = \"Ana\"\npath = \"ana.json\"\n",
    )
    .unwrap();
    let output = run(root, &["cohort", "COHORT.toml"]);
    assert_eq!(
        code(&output),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(root.join("dashboard/index.html").is_file());
    // All read: 0.
    let book = TestBook::new(&[
        ("book/SUMMARY.md", SUMMARY),
        ("book/reports.md", "# Project reports\n"),
        (
            "reports/a.md",
            "+++\ndate = 2026-01-05\n+++\n# A\n\n## The problem\n\nText. {{#skill C1.1}}\n",
        ),
    ]);
    let coverage = run(book.root(), &["coverage", "--format", "json"]);
    std::fs::write(root.join("ana.json"), &coverage.stdout).unwrap();
    let output = run(root, &["cohort", "COHORT.toml", "--output", "out"]);
    assert_eq!(
        code(&output),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(root.join("out/cohort.csv").is_file());
    // A bad date is a usage error.
    assert_eq!(
        code(&run(
            root,
            &["cohort", "COHORT.toml", "--date", "2026-13-01"]
        )),
        Some(2)
    );
    // `cohort init`: 0, and a second one keeps what exists.
    let fresh = tempfile::tempdir().unwrap();
    let output = run(fresh.path(), &["cohort", "init"]);
    assert_eq!(code(&output), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("wrote .github/workflows/cohort.yml"));
    let output = run(fresh.path(), &["cohort", "init"]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("kept COHORT.toml (it exists)"));
}
