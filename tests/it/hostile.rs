//! Hostile and broken input: each case asserts the exact outcome (the
//! diagnostic and its place, or what the page shows). Nothing panics, every
//! problem is reported, and the other reports still render.

use crate::support::TestBook;

const BOOK_TOML: &str = "[book]\nsrc = \"book\"\n[build]\nbuild-dir = \"out\"\n[preprocessor.technical-file]\nbefore = [\"links\"]\nspelling = false\npages = false\n";

/// Diagnostic codes that most cases do not care about.
const NOISE: [&str; 5] = [
    "missing-sections",
    "no-skill",
    "single-evidence",
    "thin-evidence",
    "page-budget",
];

/// A book with the given reports (path under `reports/`, bytes).
fn book_with(reports: &[(&str, &[u8])]) -> TestBook {
    let book = TestBook::new(&[
        ("book.toml", BOOK_TOML),
        (
            "book/SUMMARY.md",
            "# Summary\n\n- [Project reports](reports.md)\n",
        ),
        ("book/reports.md", "# Project reports\n"),
    ]);
    for (path, bytes) in reports {
        book.write(&format!("reports/{path}"), bytes);
    }
    book
}

/// "code file:line:col message" for every diagnostic but the noise.
fn diagnostics(book: &TestBook) -> Vec<String> {
    let outcome = mdbook_technical_file::analyze(book.root()).expect("analysis runs");
    outcome
        .diagnostics
        .iter()
        .filter(|d| !NOISE.contains(&d.code))
        .map(|d| format!("{} {} {}", d.code, d.location(), d.message))
        .collect()
}

fn one_report(name: &str, text: &str) -> TestBook {
    book_with(&[(name, text.as_bytes())])
}

#[test]
fn empty_file() {
    let book = one_report("empty.md", "");
    assert_eq!(diagnostics(&book), Vec::<String>::new());
    book.build();
    assert!(book.page("reports/empty.html").contains(">Empty</a></h1>"));
}

#[test]
fn front_matter_only() {
    let book = one_report(
        "only-fm.md",
        "+++\ntitle = \"Only front matter\"\ndate = 2025-10-01\n+++\n",
    );
    assert_eq!(diagnostics(&book), Vec::<String>::new());
    book.build();
    let page = book.page("reports/only-fm.html");
    assert!(page.contains(">Only front matter</a></h1>"), "{page}");
    assert!(!page.contains("title ="));
}

#[test]
fn unterminated_toml_and_yaml_front_matter() {
    let book = book_with(&[
        ("toml-open.md", b"+++\ntitle = \"x\"\n# Body\n"),
        ("yaml-open.md", b"---\ntitle: x\n# Body\n"),
    ]);
    assert_eq!(
        diagnostics(&book),
        [
            "unterminated-front-matter reports/toml-open.md:1:1 front matter opened with `+++` is never closed",
            "unterminated-front-matter reports/yaml-open.md:1:1 front matter opened with `---` is never closed",
        ]
    );
}

#[test]
fn invalid_toml_and_yaml() {
    let book = book_with(&[
        ("bad-toml.md", b"+++\ntitle = \"x\"\ndate = \n+++\n# T\n"),
        (
            "bad-yaml.md",
            b"---\ntitle: [unclosed\ndate: 2025-01-01\n---\n# T\n",
        ),
    ]);
    let found = diagnostics(&book);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("malformed-front-matter reports/bad-toml.md:3:"),
        "{found:?}"
    );
    assert!(found[0].contains("invalid TOML front matter"), "{found:?}");
    assert!(
        found[1].starts_with("malformed-front-matter reports/bad-yaml.md:"),
        "{found:?}"
    );
    assert!(found[1].contains("invalid YAML front matter"), "{found:?}");
}

#[test]
fn wrong_types_in_front_matter() {
    let book = one_report(
        "types.md",
        "+++\ndate = 12\nteam = \"x\"\ndraft = \"yes\"\nskills = [1]\n+++\n# T\n",
    );
    assert_eq!(
        diagnostics(&book),
        [
            "front-matter-type reports/types.md:2:8 `date` must be a date like 2025-11-14, found an integer",
            "front-matter-type reports/types.md:3:8 `team` must be a list of names, found a string",
            "front-matter-type reports/types.md:4:9 `draft` must be true or false, found a string",
            "front-matter-type reports/types.md:5:11 every item of `skills` must be a string, found an integer",
        ]
    );
}

#[test]
fn non_utf8_file() {
    let book = book_with(&[("latin1.md", b"# Caf\xE9\n\nText.\n")]);
    assert_eq!(
        diagnostics(&book),
        [
            "encoding reports/latin1.md:1:6 the file is not valid UTF-8; unreadable bytes are shown as \u{FFFD}"
        ]
    );
    book.build();
    assert!(book.page("reports/latin1.html").contains("Caf\u{FFFD}"));
}

#[test]
fn utf16_with_bom() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "+++\r\ntitle = \"Été\"\r\n+++\r\n# Été\r\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let book = book_with(&[("utf16.md", &bytes)]);
    assert_eq!(
        diagnostics(&book),
        [
            "encoding reports/utf16.md the file is UTF-16 (little endian); it was converted, but mdBook and most tools expect UTF-8"
        ]
    );
    book.build();
    assert!(book.toc().contains(&"1.1. Été".to_owned()));
}

#[test]
fn crlf_mixed_line_endings_and_tabs() {
    let text = "+++\r\ntitle\t=\t\"Mixed\"\n+++\r# Mixed\r\n\r\n##\tConstraints\n\nLine\r{{#skill C1.1}}\r\n{{#skill C9.9}}\n";
    let book = one_report("mixed.md", text);
    assert_eq!(
        diagnostics(&book),
        ["unknown-skill reports/mixed.md:10:10 unknown skill `C9.9`"]
    );
    let outcome = mdbook_technical_file::analyze(book.root()).unwrap();
    let report = &outcome.file.reports.as_slice()[0];
    assert_eq!(report.title, "Mixed");
    assert_eq!(report.anchors.as_slice(), ["mixed", "constraints"]);
    assert_eq!(report.claims.len(), 1);
    assert_eq!(
        report.claims.as_slice()[0].heading.map(|h| h.index()),
        Some(1)
    );
}

#[test]
fn a_10_mb_report() {
    let paragraph = "This paragraph is long enough to describe a real piece of work in the project, and it repeats. ";
    let mut text = String::from("# Huge\n\n## Constraints\n\n");
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    text.push_str("The end {{#skill C1.1}}.\n");
    let book = one_report("huge.md", &text);
    let outcome = mdbook_technical_file::analyze(book.root()).unwrap();
    assert_eq!(outcome.file.reports.as_slice()[0].claims.len(), 1);
    assert_eq!(
        outcome.file.matrix.evidence.as_slice()[0][0].line,
        text.lines().count()
    );
}

#[test]
fn ten_thousand_markers_in_one_report() {
    let mut text = String::from("# Many\n\n## Constraints\n\n");
    for i in 0..10_000 {
        let id = ["C1.1", "C2.2", "observability", "C3.4"][i % 4];
        text.push_str(&format!("Claim {i} {{{{#skill {id}}}}}.\n"));
    }
    let book = one_report("many.md", &text);
    let outcome = mdbook_technical_file::analyze(book.root()).unwrap();
    let report = &outcome.file.reports.as_slice()[0];
    assert_eq!(report.markers.len(), 10_000);
    // One claim per skill and section.
    assert_eq!(report.claims.len(), 4);
    book.build();
    assert_eq!(
        book.page("reports/many.html")
            .matches("class=\"tf-skill\"")
            .count(),
        10_000 + 4
    );
}

#[test]
fn a_thousand_headings_with_the_same_text() {
    let mut text = String::from("# Same\n\n");
    for _ in 0..1000 {
        text.push_str("## Notes\n\nText.\n\n");
    }
    text.push_str("## Last\n\nSee {{#skill C1.1}}.\n\n[last notes](#notes-999)\n");
    let book = one_report("same.md", &text);
    assert_eq!(diagnostics(&book), Vec::<String>::new());
    book.build();
    let page = std::fs::read_to_string(book.root().join("out/reports/same.html")).unwrap();
    assert!(page.contains("id=\"notes-999\""));
    assert!(!page.contains("id=\"notes-1000\""));
    let (_, broken) = crate::support::broken_links(&book.root().join("out"));
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn markers_in_every_kind_of_block() {
    let text = "# Blocks\n\n## Lists\n\n- outer\n  - nested {{#skill C1.1}}\n\n## Quotes\n\n> quoted {{#skill C1.2}}\n\n## Tables\n\n| a | b |\n|---|---|\n| {{#skill C1.3}} | x |\n\n## Footnotes\n\nText[^n].\n\n[^n]: In a footnote {{#skill C1.4}}.\n\n## Html\n\n<div>{{#skill C1.5}}</div>\n\n## Links\n\n[text {{#skill C1.6}}](https://example.org)\n\n## Heading {{#skill C1.7}}\n";
    let book = one_report("blocks.md", text);
    assert_eq!(
        diagnostics(&book),
        [
            "marker-in-html reports/blocks.md:26:6 `{{#skill}}` inside raw HTML or an image description is not read"
        ]
    );
    let outcome = mdbook_technical_file::analyze(book.root()).unwrap();
    let report = &outcome.file.reports.as_slice()[0];
    let claimed: Vec<(String, String)> = report
        .claims
        .iter()
        .map(|c| {
            (
                outcome.file.referential.skills[c.skill].id.clone(),
                report.anchors[c.heading.unwrap()].clone(),
            )
        })
        .collect();
    assert_eq!(
        claimed,
        [
            ("C1.1".to_owned(), "lists".to_owned()),
            ("C1.2".to_owned(), "quotes".to_owned()),
            ("C1.3".to_owned(), "tables".to_owned()),
            ("C1.4".to_owned(), "footnotes".to_owned()),
            ("C1.6".to_owned(), "links".to_owned()),
            ("C1.7".to_owned(), "heading-c17".to_owned()),
        ]
    );
    book.build();
    let page = book.page("reports/blocks.html");
    // Inside a link the badge is a label, not a nested link.
    assert!(
        page.contains(
            "<span class=\"tf-skill\" title=\"C1.6 — Install and manage Linux servers\">C1.6</span>"
        ),
        "{page}"
    );
    assert!(page.contains("<div>{{#skill C1.5}}</div>"), "{page}");
    let (_, broken) = crate::support::broken_links(&book.root().join("out"));
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn pipes_in_titles_and_headings_keep_the_tables_whole() {
    let text =
        "+++\ntitle = \"A | B report\"\n+++\n# A | B\n\n## Build | test\n\nText {{#skill C1.1}}.\n";
    let book = one_report("pipes.md", text);
    book.build();
    let appendix = book.page("skill-coverage.html");
    // The B1 matrix keeps 8 columns in every row.
    let table = &appendix[appendix.find("id=\"tf-matrix-b1\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    for row in table.split("<tr>").skip(1) {
        assert_eq!(
            row.matches("<td").count() + row.matches("<th").count(),
            8,
            "{row}"
        );
    }
    assert!(
        appendix.contains("A | B report › Build | test"),
        "{appendix}"
    );
    let (_, broken) = crate::support::broken_links(&book.root().join("out"));
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn unclosed_and_empty_markers() {
    let book = one_report(
        "unclosed.md",
        "# U\n\nOpen {{#skill C1.1 and no end\n\nEmpty {{#skill}} here.\n",
    );
    assert_eq!(
        diagnostics(&book),
        [
            "unclosed-marker reports/unclosed.md:3:6 `{{#skill` is not closed in this paragraph",
            "empty-marker reports/unclosed.md:5:7 `{{#skill}}` names no skill",
        ]
    );
}

#[test]
fn ids_with_markup_and_braces_are_escaped() {
    let book = one_report(
        "ids.md",
        "# Ids\n\nA {{#skill <b>x</b>}} B {{#skill \"q\"}} C {{#skill a}}b}}.\n",
    );
    assert_eq!(
        diagnostics(&book),
        [
            "interrupted-marker reports/ids.md:3:3 `{{#skill` is interrupted by formatting or HTML before its `}}`",
            "unknown-skill reports/ids.md:3:34 unknown skill `q`",
            "unknown-skill reports/ids.md:3:51 unknown skill `a`",
        ]
    );
    book.build();
    let page = book.page("reports/ids.html");
    // The author's own `<b>` stays theirs; the ids the tool shows are escaped.
    assert!(page.contains("{{#skill <b>x</b>}}"), "{page}");
    assert!(
        page.contains("⚠ &quot;q&quot;") || page.contains("⚠ \"q\""),
        "{page}"
    );
}

#[test]
fn script_and_img_onerror_in_titles_headings_and_front_matter() {
    let text = "+++\ntitle = \"<img src=x onerror=alert(1)>\"\nteam = [\"<script>alert(2)</script>\"]\nrole = \"<img src=y onerror=alert(3)>\"\n+++\n# Title <script>alert(4)</script>\n\n## Section <img src=z onerror=alert(5)>\n\nText {{#skill C1.1}}.\n";
    let book = one_report("xss.md", text);
    book.build();
    let out = book.root().join("out");
    for page in crate::support::html_files(&out) {
        let html = std::fs::read_to_string(&page).unwrap();
        for (n, payload) in [
            "<img src=x onerror",
            "<script>alert(2)",
            "<img src=y onerror",
        ]
        .iter()
        .enumerate()
        {
            assert!(
                !html.contains(payload),
                "payload {n} unescaped in {}",
                page.display()
            );
        }
    }
    // The author's own raw HTML in headings is theirs (mdBook keeps it), but
    // nothing the tool generated from it is markup.
    let appendix = book.page("skill-coverage.html");
    assert!(
        appendix.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{appendix}"
    );
    assert!(!appendix.contains("<img src=z"), "{appendix}");
    assert!(
        book.toc()
            .iter()
            .any(|t| t.contains("<img src=x onerror=alert(1)>"))
    );
}

#[test]
fn file_names_with_spaces_upper_case_non_ascii_and_reserved_names() {
    let book = book_with(&[
        ("My Report.md", b"# Spaces\n"),
        ("UPPER.md", b"# Upper\n"),
        ("déploiement.md", b"# Accents\n"),
        ("index.md", b"# Index\n"),
        ("print.md", b"# Print\n"),
        ("SUMMARY.md", b"# Summary report\n"),
    ]);
    let found = diagnostics(&book);
    assert_eq!(
        found,
        [
            "report-name reports/My Report.md report file names should be lower-case words joined by `-`, like the brief's `project-name.md`; `My Report.md` is not",
            "report-name reports/SUMMARY.md report file names should be lower-case words joined by `-`, like the brief's `project-name.md`; `SUMMARY.md` is not",
            "report-name reports/UPPER.md report file names should be lower-case words joined by `-`, like the brief's `project-name.md`; `UPPER.md` is not",
            "report-name reports/déploiement.md report file names should be lower-case words joined by `-`, like the brief's `project-name.md`; `déploiement.md` is not",
        ]
    );
    book.build();
    for page in [
        "My Report",
        "UPPER",
        "déploiement",
        "index",
        "print",
        "SUMMARY",
    ] {
        assert!(
            book.root()
                .join(format!("out/reports/{page}.html"))
                .exists(),
            "{page}"
        );
    }
    let (_, broken) = crate::support::broken_links(&book.root().join("out"));
    assert!(broken.is_empty(), "{broken:?}");
}

#[test]
fn two_stems_that_differ_only_by_case() {
    let book = book_with(&[("Report.md", b"# First\n"), ("report.md", b"# Second\n")]);
    let found = diagnostics(&book);
    assert!(
        found.contains(&"duplicate-report reports/report.md `reports/report.md` and `reports/Report.md` differ only by case; both would be the page `reports/report.html`, so this one is left out".to_owned()),
        "{found:?}"
    );
    book.build();
    assert!(book.toc().contains(&"1.1. First".to_owned()));
    assert!(!book.toc().contains(&"1.2. Second".to_owned()));
}

#[test]
fn reports_folder_missing_or_a_file() {
    let book = book_with(&[]);
    assert_eq!(
        diagnostics(&book),
        [
            "reports-folder reports the reports folder `reports` does not exist, so the book has no report"
        ]
    );
    book.build();
    assert!(book.page("skill-coverage.html").contains("0 of 18 skills"));

    book.write("reports", b"not a folder");
    assert_eq!(
        diagnostics(&book),
        [
            "reports-folder reports `reports` is a file, but the reports folder must be a folder of Markdown files"
        ]
    );
    book.build();
}

#[cfg(unix)]
#[test]
fn symlink_loop_and_unreadable_files() {
    let book = book_with(&[("fine.md", b"# Fine\n")]);
    let reports = book.root().join("reports");
    std::os::unix::fs::symlink("loop.md", reports.join("loop.md")).unwrap();
    std::os::unix::fs::symlink("missing-target.md", reports.join("dangling.md")).unwrap();
    std::os::unix::fs::symlink(".", reports.join("sub")).unwrap();
    let found = diagnostics(&book);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with(
            "unreadable-report reports/dangling.md the report cannot be read: No such file"
        ),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("unreadable-report reports/loop.md the report cannot be read:"),
        "{found:?}"
    );
    book.build();
    assert!(
        book.page("reports/loop.html")
            .contains("the report cannot be read")
    );
    assert!(book.page("reports/fine.html").contains("Fine"));
}

fn referential_book(referential: &str) -> TestBook {
    let book = TestBook::new(&[
        (
            "book.toml",
            &format!("{BOOK_TOML}referential = \"skills.toml\"\n"),
        ),
        (
            "book/SUMMARY.md",
            "# Summary\n\n- [Project reports](reports.md)\n",
        ),
        ("book/reports.md", "# Project reports\n"),
        ("reports/one.md", "# One\n\nText {{#skill S1}}.\n"),
    ]);
    book.write("skills.toml", referential.as_bytes());
    book
}

#[test]
fn referential_with_duplicate_ids_or_an_empty_block_stops_with_lines() {
    let duplicate = "[[blocks]]\nid = \"B1\"\ntitle = \"One\"\n[[blocks.skills]]\nid = \"S1\"\nslug = \"s-one\"\ntitle = \"First\"\n[[blocks.skills]]\nid = \"s1\"\nslug = \"s-two\"\ntitle = \"Second\"\n";
    let book = referential_book(duplicate);
    let error = mdbook_technical_file::analyze(book.root()).unwrap_err();
    let message = format!("{error:#}");
    assert!(
        message.contains("duplicate skill id or slug `s1` (first used on line 5)"),
        "{message}"
    );
    assert!(message.contains("skills.toml:9:6"), "{message}");
    let build = mdbook_technical_file::build(book.root(), false).unwrap_err();
    assert!(
        format!("{build:#}")
            .contains("the technical file cannot be built until the referential is fixed")
    );

    let empty_block = "[[blocks]]\nid = \"B1\"\ntitle = \"One\"\n[[blocks.skills]]\nid = \"S1\"\nslug = \"s-one\"\ntitle = \"First\"\n[[blocks]]\nid = \"B2\"\ntitle = \"Empty\"\n";
    let book = referential_book(empty_block);
    let message = format!(
        "{:#}",
        mdbook_technical_file::analyze(book.root()).unwrap_err()
    );
    assert!(message.contains("block `B2` has no skills"), "{message}");
    assert!(message.contains("skills.toml:8:1"), "{message}");
}

#[test]
fn referential_with_ten_thousand_skills() {
    let mut referential = String::from("title = \"Huge\"\n");
    for block in 0..4 {
        referential.push_str(&format!(
            "[[blocks]]\nid = \"B{block}\"\ntitle = \"Block {block}\"\n"
        ));
        for skill in 0..2500 {
            let n = block * 2500 + skill;
            referential.push_str(&format!(
                "[[blocks.skills]]\nid = \"S{n}\"\nslug = \"skill-{n}\"\ntitle = \"Skill number {n}\"\n"
            ));
        }
    }
    let book = referential_book(&referential);
    let outcome = mdbook_technical_file::analyze(book.root()).unwrap();
    assert_eq!(outcome.file.referential.skills.len(), 10_000);
    assert_eq!(
        outcome
            .file
            .matrix
            .summary(&outcome.file.referential)
            .covered,
        1
    );
    book.write(
        "reports/one.md",
        b"# One\n\nText {{#skill S1 skill-9999}}.\n",
    );
    book.build();
    let appendix = book.page("skill-coverage.html");
    assert!(
        appendix.contains("<strong>2 of 10000 skills</strong>"),
        "{}",
        &appendix[..500]
    );
    // Large blocks are split into tables of 10 skills.
    assert!(appendix.contains("id=\"tf-matrix-b3-250\""));
}

#[test]
fn garbage_on_stdin_gets_the_version_message() {
    let output = crate::support::run_preprocessor(crate::support::binary(), b"\x00\xFFnot json");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("requires mdBook ^0.5.4, but was run by an unknown version"),
        "{stderr}"
    );
}
