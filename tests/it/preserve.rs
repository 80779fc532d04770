//! Property tests over generated Markdown: the tool's page is the author's
//! text with the tool's insertions added, byte for byte, and the author's
//! part renders to the same HTML as the report on its own.

// The fuzz targets' checks: the same two-report book as the `splice`
// target, and `without` to take ranges out of a text.
use crate::fuzz_checks as checks;

use mdbook_markdown::pulldown_cmark::{Parser, html};
use mdbook_technical_file::testing::{apply_tracked, report_edits};
use mdbook_technical_file::{Flavor, PageContext};
use proptest::prelude::*;

/// Words, including ones that need care (non-ASCII, Markdown punctuation).
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,8}",
        Just("déploiement".to_owned()),
        Just("naïve".to_owned()),
        Just("`code`".to_owned()),
        Just("*em*".to_owned()),
        Just("**strong**".to_owned()),
        Just("[link](other.md)".to_owned()),
        Just("<span>x</span>".to_owned()),
        Just("&amp;".to_owned()),
        Just("\"quoted\"".to_owned()),
        Just("a--b".to_owned()),
        Just("\\{{#skill C1.1}}".to_owned()),
        Just("{{#include missing.txt}}".to_owned()),
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..8).prop_map(|w| w.join(" "))
}

/// One block of Markdown, without its trailing blank line.
fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        (1..4usize, sentence()).prop_map(|(level, text)| format!("{} {text}", "#".repeat(level))),
        sentence(),
        (sentence(), sentence()).prop_map(|(a, b)| format!("{a}\n{b}")),
        prop::collection::vec(sentence(), 1..4).prop_map(|items| items
            .iter()
            .map(|i| format!("- {i}"))
            .collect::<Vec<_>>()
            .join("\n")),
        (sentence(), sentence()).prop_map(|(a, b)| format!("- {a}\n  - {b}")),
        sentence().prop_map(|t| format!("> {t}")),
        sentence().prop_map(|t| format!("```text\n{t}\n{{{{#skill C2.1}}}}\n```")),
        sentence().prop_map(|t| format!("~~~~\n{t}\n~~~~")),
        (sentence(), sentence()).prop_map(|(a, b)| format!("| h |\n|---|\n| {a} |\n| {b} |")),
        sentence().prop_map(|t| format!("<div class=\"x\">\n{t}\n</div>")),
        Just("---".to_owned()),
        sentence().prop_map(|t| format!("{t}\n===")),
        sentence().prop_map(|t| format!("Term {t}\n: definition")),
        sentence().prop_map(|t| format!("Note[^n].\n\n[^n]: {t}")),
    ]
}

/// A report: optional front matter, blocks, a line-ending style, and
/// whether it ends in an unclosed code fence.
fn report_text() -> impl Strategy<Value = String> {
    (
        prop::bool::ANY,
        prop::collection::vec(block(), 0..12),
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(|(front_matter, blocks, crlf, unclosed)| {
            let mut text = String::new();
            if front_matter {
                text.push_str("+++\ntitle = \"Generated\"\nskills = [\"C1.1\"]\n+++\n");
            }
            text.push_str(&blocks.join("\n\n"));
            if unclosed {
                text.push_str("\n\n```\nunclosed fence");
            } else if !text.is_empty() {
                text.push('\n');
            }
            if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            }
        })
}

fn render(markdown: &str) -> String {
    let mut out = String::new();
    html::push_html(
        &mut out,
        Parser::new_ext(markdown, Flavor::default().cmark_options()),
    );
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn authors_bytes_are_kept_and_render_the_same(text in report_text()) {
        let (file, texts) = checks::two_reports(&text);
        let index = file.reports.position(|r| r.stem == "generated").unwrap();
        let report = &file.reports[index];
        let source = &texts[index];
        let (edits, _) = report_edits(&file, index, source, &PageContext::default());
        let mut edited: Vec<std::ops::Range<usize>> = edits.iter().map(|e| e.range.clone()).collect();
        edited.sort_by_key(|r| r.start);
        let (page, inserted, dropped) = apply_tracked(&source.text, edits);
        prop_assert_eq!(dropped, 0);

        // 1. The page minus the tool's insertions is the input minus the
        //    ranges the tool replaced (front matter, markers), byte for byte.
        let kept_page = checks::without(&page, &inserted);
        let kept_input = checks::without(&source.text, &edited);
        prop_assert_eq!(&kept_page, &kept_input);

        // 2. The author's part (the body, markers aside: the generator
        //    writes none outside code) renders to the same HTML with the
        //    insertions as without them.
        let body = &source.text[report.front_matter_range.end..];
        let expected = render(body);
        let mut actual = render(&page);
        for range in &inserted {
            let piece = render(&page[range.clone()]);
            if piece.trim().is_empty() {
                continue;
            }
            let found = actual.find(piece.trim_end());
            prop_assert!(found.is_some(), "insertion not rendered as itself: {:?}\nin {:?}", piece, actual);
            let start = found.unwrap_or_default();
            actual.replace_range(start..start + piece.trim_end().len(), "");
        }
        let normalize = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert_eq!(normalize(&actual), normalize(&expected));
    }
}
