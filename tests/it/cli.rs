//! The commands for people, run as a user would run them: exit codes,
//! output, and what they write (and refuse to write).

use crate::support::TestBook;
use std::path::Path;
use std::process::Output;

fn run(dir: &Path, args: &[&str]) -> Output {
    crate::support::binary()
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const SUMMARY: &str = "# Summary\n\n- [Project reports](reports.md)\n";

#[test]
fn check_reports_unknown_skills_with_lines_and_suggestions_and_exits_1() {
    let book = TestBook::new(&[
        ("book/SUMMARY.md", SUMMARY),
        ("book/reports.md", "# Project reports\n"),
        (
            "reports/typos.md",
            "# Typos\n\n## Constraints\n\nFirst {{#skill C9.9}} then\n{{#skill obsrvability}}.\n",
        ),
    ]);
    let output = run(book.root(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("error[unknown-skill]: unknown skill `C9.9`\n --> reports/typos.md:5:16"),
        "{err}"
    );
    assert!(
        err.contains(
            "error[unknown-skill]: unknown skill `obsrvability`\n --> reports/typos.md:6:10"
        ),
        "{err}"
    );
    assert!(err.contains("help: did you mean `observability`?"), "{err}");
    assert!(
        err.contains("technical-file: 1 report, 0/18 skills"),
        "{err}"
    );

    let output = run(book.root(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors: Vec<(String, u64, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["message"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("unknown skill `C9.9`".to_owned(), 5, 16),
            ("unknown skill `obsrvability`".to_owned(), 6, 10)
        ]
    );
}

#[test]
fn check_exit_codes_clean_warnings_and_usage() {
    let clean = "# Clean\n\n## The problem\n\nA long enough paragraph about the problem we solved for the product team, with enough words to be real evidence of the skill in question, since thin evidence is reported as a warning by the check command and this test wants a clean book with no warning at all. {{#skill C1.1}}\n";
    let book = TestBook::new(&[
        (
            "book.toml",
            "[book]\nsrc = \"book\"\n[build]\nbuild-dir = \"out\"\n[preprocessor.technical-file]\nbefore = [\"links\"]\nspelling = false\npages = false\n",
        ),
        ("book/SUMMARY.md", SUMMARY),
        ("book/reports.md", "# Project reports\n"),
        ("reports/clean.md", clean),
    ]);
    // Warnings only (missing sections, single evidence): exit 0, or 1 when denied.
    let output = run(book.root(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("warning[missing-sections]"));
    let output = run(book.root(), &["check", "--deny", "warnings"]);
    assert_eq!(output.status.code(), Some(1));
    // Usage errors: exit 2.
    let output = run(book.root(), &["check", "--format", "xml"]);
    assert_eq!(output.status.code(), Some(2));
    let output = run(book.root(), &["new", "Not Kebab"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("try `not-kebab`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn install_twice_leaves_book_toml_byte_identical_and_keeps_comments() {
    let commented = "# Camille's technical file\n[book]\ntitle = \"Technical file\"  # shown in the header\nsrc = \"book\"\n\n[build]\n# output under target/\nbuild-dir = \"target/book\"\n";
    let book = TestBook::new(&[
        ("book.toml", commented),
        ("book/SUMMARY.md", SUMMARY),
        ("book/reports.md", "# R\n"),
    ]);
    let first = run(book.root(), &["install"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let out = stdout(&first);
    assert!(
        out.contains("book.toml: added [preprocessor.technical-file]"),
        "{out}"
    );
    assert!(
        out.contains("book.toml: added \"reports\" to [build] extra-watch-dirs"),
        "{out}"
    );
    assert!(out.contains("wrote technical-file.css"), "{out}");
    let after_first = std::fs::read(book.root().join("book.toml")).unwrap();
    let text = String::from_utf8(after_first.clone()).unwrap();
    assert!(text.starts_with("# Camille's technical file\n[book]\ntitle = \"Technical file\"  # shown in the header\n"), "{text}");
    assert!(text.contains("# output under target/\nbuild-dir = \"target/book\"\nextra-watch-dirs = [\"reports\"]\n"), "{text}");

    let second = run(book.root(), &["install"]);
    assert!(second.status.success());
    assert_eq!(
        stdout(&second),
        "nothing to change: the technical-file preprocessor is installed\n"
    );
    assert_eq!(
        std::fs::read(book.root().join("book.toml")).unwrap(),
        after_first
    );
    // The installed book builds with the preprocessor in place.
    book.build();
}

#[test]
fn install_refuses_a_book_toml_it_cannot_parse_without_touching_it() {
    let broken = "[book\ntitle = \"x\"\n";
    let book = TestBook::new(&[("book.toml", broken)]);
    let output = run(book.root(), &["install"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("book.toml cannot be parsed, so it was not changed"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(book.root().join("book.toml")).unwrap(),
        broken
    );
    assert!(!book.root().join("technical-file.css").exists());
}

#[test]
fn the_example_book_is_installed_and_its_stylesheet_is_current() {
    let copy = crate::support::copy_book(&crate::support::repo_root());
    let before = std::fs::read(copy.path().join("book.toml")).unwrap();
    let output = run(copy.path(), &["install"]);
    assert_eq!(
        stdout(&output),
        "nothing to change: the technical-file preprocessor is installed\n"
    );
    assert_eq!(
        std::fs::read(copy.path().join("book.toml")).unwrap(),
        before
    );
}

#[test]
fn new_writes_a_template_and_refuses_to_overwrite() {
    let book = TestBook::new(&[("book/SUMMARY.md", SUMMARY), ("book/reports.md", "# R\n")]);
    let output = run(book.root(), &["new", "terraform-aws"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let path = book.root().join("reports/terraform-aws.md");
    assert_eq!(
        stdout(&output).trim(),
        Path::new(".")
            .join("reports/terraform-aws.md")
            .display()
            .to_string()
    );
    let template = std::fs::read_to_string(&path).unwrap();
    assert!(
        template.starts_with("+++\ntitle = \"Terraform aws\"\ndate = "),
        "{template}"
    );
    assert!(
        template.contains("\n## Expected and actual problems\n"),
        "{template}"
    );

    std::fs::write(&path, "my own words").unwrap();
    let again = run(book.root(), &["new", "terraform-aws"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists; it was not changed"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my own words");

    // The template's report is a valid chapter of the book.
    let fresh = run(book.root(), &["new", "kubernetes-platform", "--dir", "."]);
    assert!(fresh.status.success());
    book.build();
    assert!(
        book.page("reports/kubernetes-platform.html")
            .contains("Kubernetes platform")
    );
}

#[test]
fn coverage_formats() {
    let book = TestBook::new(&[
        ("book/SUMMARY.md", SUMMARY),
        ("book/reports.md", "# R\n"),
        (
            "reports/one.md",
            "+++\ndate = 2025-10-01\n+++\n# One\n\n## Constraints\n\nText, \"quoted\" {{#skill C1.1}}.\n",
        ),
    ]);
    let table = stdout(&run(book.root(), &["coverage"]));
    assert!(
        table.contains("B1 Knowledge of cloud infrastructure — 1/7"),
        "{table}"
    );
    assert!(
        table.contains("C1.2   GAP  Be responsible for the choice of hyperscalers"),
        "{table}"
    );
    assert!(
        table.contains("1/18 skills evidenced by 1 reports; gaps: C1.2"),
        "{table}"
    );
    let csv = stdout(&run(book.root(), &["coverage", "--format", "csv"]));
    assert!(
        csv.starts_with("skill,slug,block,skill_title,report,report_title,section,anchor,line\n")
    );
    assert!(csv.contains("C1.1,security-services,B1,Understand and configure security services,one,One,Constraints,constraints,8\n"), "{csv}");
    assert!(
        csv.contains("C1.2,hyperscalers,B1,Be responsible for the choice of hyperscalers,,,,,\n"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&run(book.root(), &["coverage", "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(json["summary"]["covered"], 1);
    assert_eq!(json["skills"][0]["evidence"][0]["anchor"], "constraints");
    assert_eq!(
        json["reports"][0]["missing_sections"]
            .as_array()
            .unwrap()
            .len(),
        7
    );
}
