//! A report renders as plain mdBook renders the same file: its title, the
//! ids of its headings, its raw HTML images. The three defects of the
//! fidelity issue, each as a real book built with mdBook.

use crate::support::{TestBook, broken_links, ids, main_of};
use std::fs;

const SUMMARY: &str = "# Summary\n\n- [Project reports](reports.md)\n";

fn book(reports: &[(&str, &str)]) -> TestBook {
    let book = TestBook::new(&[
        ("book/SUMMARY.md", SUMMARY),
        ("book/reports.md", "# Project reports\n"),
    ]);
    for (path, text) in reports {
        book.write(&format!("reports/{path}"), text.as_bytes());
    }
    book
}

/// The `<h1>`s of a page's `<main>`, as `id` values.
fn h1_ids(main: &str) -> Vec<String> {
    main.split("<h1 ")
        .skip(1)
        .filter_map(|tag| ids(&format!("<h1 {tag}")).into_iter().next())
        .collect()
}

#[test]
fn a_title_after_a_comment_or_a_rule_line_is_the_only_title_and_keeps_its_id() {
    let book = book(&[
        (
            "paths.md",
            "<!-- a comment -->\n\n# Paths\n\nText. {{#skill C1.1}}\n\n## Paths\n\nMore.\n",
        ),
        (
            "rules.md",
            "r[rules]\n\n# Rules\n\n## Constraints\n\nText {{#skill C1.2}}.\n",
        ),
    ]);
    book.build();
    let paths = book.page("reports/paths.html");
    assert_eq!(h1_ids(&paths), ["paths"], "{paths}");
    assert!(
        paths.contains("id=\"paths-1\""),
        "the second Paths is paths-1, as in plain mdBook"
    );
    // The header box comes after the title, the comment before it stays.
    let comment = paths.find("<!-- a comment -->").unwrap();
    let title = paths.find("<h1 id=\"paths\"").unwrap();
    let header = paths.find("tf-report-header").unwrap();
    assert!(comment < title && title < header, "{paths}");
    let rules = book.page("reports/rules.html");
    assert_eq!(h1_ids(&rules), ["rules"], "{rules}");
    // The evidence anchors are plain mdBook's ids.
    let appendix = book.page("skill-coverage.html");
    assert!(
        appendix.contains("reports/paths.html#paths\""),
        "{appendix}"
    );
    assert!(
        appendix.contains("reports/rules.html#constraints\""),
        "{appendix}"
    );
}

#[test]
fn the_added_title_never_takes_an_id_from_the_authors_headings() {
    let book = book(&[
        ("summary.md", "## Summary\n\nText. {{#skill C1.1}}\n"),
        (
            "constraints.md",
            "+++\ntitle = \"Constraints\"\n+++\n\n## Constraints\n\nText {{#skill C1.2}}. See [the summary](summary.md#summary).\n",
        ),
    ]);
    book.build();
    let summary = book.page("reports/summary.html");
    assert_eq!(h1_ids(&summary), ["tf-title"], "{summary}");
    assert!(summary.contains("<h2 id=\"summary\""), "{summary}");
    let constraints = book.page("reports/constraints.html");
    assert!(
        constraints.contains("<h2 id=\"constraints\""),
        "{constraints}"
    );
    let (checked, broken) = broken_links(&book.root().join("out"));
    assert!(checked > 10 && broken.is_empty(), "{broken:?}");
    let appendix = book.page("skill-coverage.html");
    assert!(
        appendix.contains("reports/summary.html#summary\""),
        "{appendix}"
    );
}

const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><rect width=\"4\" height=\"4\"/></svg>";

#[test]
fn raw_html_images_and_links_to_files_are_embedded_but_not_in_code() {
    let report = "# Diagrams\n\n## Technological choices\n\nText {{#skill C1.1}}.\n\n<img src=\"img/arch.svg\" width=\"600\">\n\n<div align=\"center\">\n  <IMG SRC=img/arch.svg ALT=\"upper case, unquoted\">\n</div>\n\nInline <a href=\"files/notes.txt\">notes</a> and <video poster=\"img/arch.svg\" controls><source src=\"files/clip.webm\"></video>.\n\n```html\n<img src=\"img/arch.svg\">\n```\n\n`<img src=\"img/arch.svg\">`\n\n<img src=\"javascript:alert(1)\"> <img src=\"/site/absolute.png\"> <img src=\"https://example.org/x.png\">\n";
    let book = book(&[("diagrams.md", report)]);
    book.write("reports/img/arch.svg", SVG.as_bytes());
    book.write("reports/files/notes.txt", b"notes\n");
    book.write("reports/files/clip.webm", b"\x1aE\xdf\xa3");
    let outcome = mdbook_technical_file::analyze(book.root()).unwrap();
    let problems: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.contains("asset"))
        .map(|d| format!("{} {}", d.location(), d.message))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    book.build();
    let page = book.page("reports/diagrams.html");
    assert_eq!(
        page.matches("data:image/svg+xml;base64,").count(),
        3,
        "{page}"
    );
    assert!(page.contains("width=\"600\""));
    assert!(
        page.contains("download=\"notes.txt\" href=\"data:text/plain;base64,"),
        "{page}"
    );
    assert!(
        page.contains("src=\"data:application/octet-stream;base64,"),
        "{page}"
    );
    // Code is the author's text, untouched.
    assert_eq!(
        page.matches("&lt;img src=\"img/arch.svg\"&gt;").count(),
        2,
        "{page}"
    );
    // Not files of the book: left as written.
    for kept in [
        "javascript:alert(1)",
        "/site/absolute.png",
        "https://example.org/x.png",
    ] {
        assert!(page.contains(kept), "{kept}");
    }
    // And in print.html, which the PDF is printed from.
    let print = main_of(&fs::read_to_string(book.root().join("out/print.html")).unwrap());
    assert!(print.matches("data:image/svg+xml;base64,").count() >= 3);
}

#[test]
fn raw_html_that_leaves_the_book_or_is_too_large_gets_the_existing_limits() {
    let book = book(&[(
        "big.md",
        "# Big\n\n## Constraints\n\nText {{#skill C1.1}}.\n\n<img src=\"../../outside.png\">\n\n<img src=\"img/huge.png\">\n\n<img src=\"img/missing.png\">\n",
    )]);
    book.write("reports/img/huge.png", &vec![0u8; 11 * 1024 * 1024]);
    let outcome = mdbook_technical_file::analyze(book.root()).unwrap();
    let problems: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.contains("asset"))
        .map(|d| format!("{} {} {}", d.code, d.location(), d.message))
        .collect();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].starts_with("asset-outside-book reports/big.md:7:11 `../../outside.png` leads outside the book folder"), "{problems:#?}");
    assert!(
        problems[1]
            .starts_with("large-asset reports/big.md:9:11 `img/huge.png` is 11.5 MB, too large"),
        "{problems:#?}"
    );
    assert!(
        problems[2].starts_with(
            "missing-asset reports/big.md:11:11 `img/missing.png` cannot be read: no such file"
        ),
        "{problems:#?}"
    );
}
