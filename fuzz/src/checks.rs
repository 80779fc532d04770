//! What each fuzz target checks, one function per target. The targets in
//! `fuzz_targets/` call these, and the main crate's
//! `tests/it/fuzz_regressions.rs` includes this file (`#[path]`) to replay the
//! inputs kept in `tests/fuzz-regressions/<target>/` with `cargo test`, so
//! a check is written once and a crash found here stays fixed.
//!
//! `tests/it/preserve.rs` uses it too, for `two_reports` and `without`.
//! Only crates that both the fuzz crate and the main crate's tests have
//! are used: the tool itself, `mdbook-preprocessor`, `serde_json`, `toml`
//! and `tempfile`.

use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::config::Config as MdBookConfig;
use mdbook_technical_file::pipeline::ReportInput;
use mdbook_technical_file::testing::{Target, apply_tracked, blank, report_edits};
use mdbook_technical_file::{
    Config, Diagnostic, Flavor, Outcome, PageContext, Referential, Report, SourceFile,
    TechnicalFile, Texts, decode, decode_owned, normalize_heading, parse_input, process,
};
use std::collections::HashSet;
use std::ops::Range;
use std::path::{Component, Path};
use std::sync::LazyLock;

static REFERENTIAL: LazyLock<Referential> = LazyLock::new(Referential::embedded);

/// Arbitrary bytes as a report file: decoding, front matter, Markdown
/// scan, markers, claims, anchors, labels, excerpts and the spelling
/// blanking must never panic, and what they compute must hold together.
pub fn report(data: &[u8]) {
    const PATH: &str = "reports/fuzz.md";
    let referential = &*REFERENTIAL;
    let (report, source) = parse_report(PATH, "fuzz", decode_owned(data.to_vec()), referential);
    let text = source.text.as_str();
    let headings = report.scan.headings.len();

    assert!(text.get(report.front_matter_range.clone()).is_some());
    for marker in &report.markers {
        assert!(text.get(marker.range.clone()).is_some(), "{marker:?}");
    }

    // Labels and final heading texts.
    assert_eq!(report.labels.len(), headings);
    for h in report.scan.headings.ids() {
        let _ = report.heading_label(h);
        let _ = report.heading_text(text, h, referential);
    }

    // Anchors: one per heading; automatic ones (and the added title's)
    // never repeat.
    assert_eq!(report.anchors.len(), headings);
    let mut automatic = HashSet::new();
    // The title the tool adds has an id no element of the page has.
    if let Some(id) = &report.added_title_id {
        assert!(!report.anchors.iter().any(|a| a == id), "{id} is taken");
    }
    for (h, anchor) in report.anchors.iter_enumerated() {
        if report.scan.headings[h].explicit_id.is_none() {
            assert!(
                automatic.insert(anchor.clone()),
                "duplicate anchor {anchor:?}"
            );
        }
    }

    // Claims: a known skill, a real heading, a span of the text, and an
    // excerpt of at most 30 words without markers.
    for claim in &report.claims {
        assert!(referential.skills.get(claim.skill).is_some());
        assert!(claim.heading.is_none_or(|h| h.index() < headings));
        assert!(
            text.get(claim.span.clone()).is_some(),
            "claim span {:?} outside the text ({} bytes)",
            claim.span,
            text.len()
        );
        if let Some(block) = &claim.excerpt {
            assert!(text.get(block.clone()).is_some(), "{block:?}");
        }
        if let Some(excerpt) = report.excerpt(text, claim, Flavor::default()) {
            assert!(!excerpt.trim().is_empty());
            assert!(excerpt.split_whitespace().count() <= 30, "{excerpt:?}");
            assert!(!excerpt.contains("{{#skill"), "{excerpt:?}");
        }
    }
    assert!(
        report
            .sections
            .iter()
            .flatten()
            .all(|&h| h.index() < headings)
    );
    assert_eq!(report.section_words.len(), headings);

    check_diagnostics(PATH, text, &report.diagnostics);

    // What harper would see: the same length, pieces in order.
    let blanked = blank(&Target::report(&report, &source));
    assert_eq!(blanked.text.len(), text.len());
    let mut at = 0;
    for piece in &blanked.pieces {
        assert!(piece.range.start >= at && piece.range.end <= text.len());
        assert!(text.get(piece.range.clone()).is_some());
        at = piece.range.end;
    }
}

/// Arbitrary text as a report, next to a second report sharing a skill
/// (as in tests/it/preserve.rs): the page's edits never overlap, and the page
/// minus the tool's insertions is the input minus the edited ranges, byte
/// for byte.
pub fn splice(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (file, texts) = two_reports(&text);
    // A draft (`draft = true`) is left out of the book: nothing to check.
    let Some(index) = file.reports.position(|r| r.stem == "generated") else {
        return;
    };
    let (edits, _) = report_edits(&file, index, &texts[index], &PageContext::default());
    let source = texts[index].text.as_str();
    let mut edited: Vec<Range<usize>> = edits.iter().map(|e| e.range.clone()).collect();
    edited.sort_by_key(|r| (r.start, r.end));
    let (page, inserted, dropped) = apply_tracked(source, edits);
    assert_eq!(dropped, 0, "overlapping or invalid edits: {edited:?}");
    assert_eq!(without(&page, &inserted), without(source, &edited));
}

/// A technical file of the report `reports/generated.md` holding `text`
/// and a second report sharing a skill with most, so that a page gets every
/// kind of insertion (title or header box, badges, related reports).
pub fn two_reports(text: &str) -> (TechnicalFile, Texts) {
    let referential = REFERENTIAL.clone();
    let generated = parse_report(
        "reports/generated.md",
        "generated",
        decode(text.as_bytes()),
        &referential,
    );
    let other = parse_report(
        "reports/other.md",
        "other",
        decode(b"+++\ndate = 2030-01-01\nskills = [\"C1.1\"]\n+++\n# Other\n"),
        &referential,
    );
    TechnicalFile::assemble(
        Config::default(),
        referential,
        vec![generated, other],
        Vec::new(),
    )
}

/// A report of the default flavour, parsed from its decoded text.
fn parse_report(
    path: &str,
    stem: &str,
    decoded: mdbook_technical_file::Decoded,
    referential: &Referential,
) -> (Report, SourceFile) {
    let input = ReportInput {
        path: path.to_owned(),
        stem: stem.to_owned(),
        content: Ok(decoded),
    };
    input.parse(referential, Flavor::default())
}

/// `text` without the given sorted, disjoint ranges.
pub fn without(text: &str, ranges: &[Range<usize>]) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut at = 0;
    for range in ranges {
        kept.push_str(&text[at..range.start]);
        at = range.end;
    }
    kept.push_str(&text[at..]);
    kept
}

/// Arbitrary bytes as a referential file: parsing never panics, its
/// diagnostics point inside the file, and a referential that is accepted
/// resolves its own names and matches headings to its sections.
pub fn referential(data: &[u8]) {
    const PATH: &str = "referential.toml";
    let source = SourceFile::new(PATH, decode(data).text);
    let referential = match Referential::parse(&source) {
        Ok((referential, warnings)) => {
            check_diagnostics(PATH, &source.text, &warnings);
            referential
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            check_diagnostics(PATH, &source.text, &errors);
            return;
        }
    };
    assert!(!referential.blocks.is_empty());
    let mut next = 0;
    for (b, block) in referential.blocks.iter_enumerated() {
        assert!(block.skills().len() > 0, "block {} has no skill", block.id);
        for s in block.skills() {
            assert_eq!(s.index(), next, "blocks cover the skills in order");
            assert_eq!(referential.skills[s].block, b);
            assert_eq!(referential.block_of(s).id, block.id);
            next += 1;
        }
    }
    assert_eq!(next, referential.skills.len());
    for (index, skill) in referential.skills.iter_enumerated() {
        assert_eq!(referential.resolve(&skill.id), Some(index), "{}", skill.id);
        assert_eq!(
            referential.resolve(&skill.slug),
            Some(index),
            "{}",
            skill.slug
        );
        let mut typo = skill.slug.clone();
        typo.pop();
        // One letter off its own slug: some name is suggested.
        assert!(
            typo.is_empty() || referential.suggest(&typo).is_some(),
            "{typo}"
        );
        let _ = skill.anchor();
    }
    for section in &referential.sections {
        if !normalize_heading(&section.title).is_empty() {
            let found = referential.section_of_heading(&section.title);
            assert!(
                found.is_some(),
                "section `{}` misses its own title",
                section.title
            );
        }
    }
    // Names and headings taken from the input itself.
    for piece in source.text.split(['\n', '=', '"', '[', ']']).take(64) {
        let _ = referential.resolve(piece);
        let _ = referential.suggest(piece);
        if let Some(s) = referential.section_of_heading(piece) {
            assert!(referential.sections.get(s).is_some());
        }
    }
}

/// Arbitrary bytes on the preprocessor's standard input: `parse_input`
/// never panics; what parses runs through the whole engine in a fresh,
/// empty book root, and the book it returns serializes.
pub fn preprocessor_json(data: &[u8]) {
    let root = tempfile::tempdir().expect("a temporary folder");
    let _ = run_engine(data, root.path());
}

/// The `[context, book]` JSON that `preprocessor_book` made, run in `root`
/// (which holds the book's files): only a referential file of the book's
/// own can stop the engine, and every report and the appendix become
/// chapters of the book returned.
pub fn book(json: &[u8], root: &Path) {
    let has_referential = root.join("referential.toml").exists();
    let Some((book, outcome)) = run_engine(json, root) else {
        assert!(has_referential, "only a referential file can be fatal");
        return;
    };
    let has_chapter = |path: &str| {
        book.iter().any(|item| {
            matches!(item, BookItem::Chapter(ch) if ch.path.as_deref() == Some(Path::new(path)))
        })
    };
    let appendix = &outcome.file.config.appendix;
    assert!(has_chapter(appendix), "no appendix chapter `{appendix}`");
    for (i, report) in outcome.file.reports.iter_enumerated() {
        let path = outcome.file.report_path(i);
        assert!(has_chapter(path), "no chapter for {}", report.path);
    }
}

/// Parses mdBook's JSON, runs the engine in `root` with the sandboxed
/// configuration, and reads the book it returns back from JSON. `None`
/// when the input is refused or the engine stops (a fatal diagnostic).
fn run_engine(json: &[u8], root: &Path) -> Option<(Book, Outcome)> {
    let (mut ctx, book) = parse_input(json).ok()?;
    if !sandbox(&mut ctx.config) {
        return None;
    }
    ctx.root = root.to_path_buf();
    let outcome = process(&ctx.root, &ctx.config, book).ok()?;
    let _ = outcome.summary_line();
    for d in &outcome.diagnostics {
        let _ = d.render_human(false);
    }
    let out = serde_json::to_vec(&outcome.book).expect("the book serializes");
    let back: Book = serde_json::from_slice(&out).expect("and reads back");
    Some((back, outcome))
}

/// Makes a fuzzed configuration safe to run in a fresh temporary root:
/// the paths the tool reads (`reports`, `referential`, `dictionary`) are
/// kept only if they stay inside the root (otherwise replaced by a name
/// that does not exist there), and spelling is off (harper is not ours,
/// takes ~0.1 s a run, and writes a cache). Returns false when the
/// configuration cannot be changed (then the run is skipped).
pub fn sandbox(config: &mut MdBookConfig) -> bool {
    const KEY: &str = "preprocessor.technical-file";
    let mut table = match config.get::<toml::Value>(KEY) {
        Ok(Some(toml::Value::Table(table))) => table,
        Ok(_) => toml::Table::new(),
        Err(_) => return false,
    };
    for (key, fallback) in [
        ("reports", "reports"),
        ("referential", "referential.toml"),
        ("dictionary", "words.txt"),
    ] {
        if let Some(toml::Value::String(path)) = table.get(key)
            && !confined(path)
        {
            table.insert(key.to_owned(), fallback.into());
        }
    }
    table.insert("spelling".to_owned(), false.into());
    config.set(KEY, table).is_ok()
}

/// A relative path that cannot leave the folder it is joined to.
fn confined(path: &str) -> bool {
    Path::new(path)
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// Diagnostics name the file, point at a line and column inside it, and
/// render both ways.
fn check_diagnostics(path: &str, text: &str, diagnostics: &[Diagnostic]) {
    let lines = line_count(text);
    for d in diagnostics {
        assert_eq!(d.file, path);
        if let Some(p) = d.position {
            assert!(
                p.line >= 1 && p.line <= lines,
                "{}: line {} of {lines}",
                d.message,
                p.line
            );
            assert!(p.column >= 1);
        }
        if let Some(excerpt) = &d.excerpt {
            assert!(excerpt.line_text.get(excerpt.span.clone()).is_some());
        }
        let _ = d.render_human(false);
        let _ = d.to_json();
    }
}

/// Lines as the tool counts them: ended by `\n`, `\r\n` or a lone `\r`.
fn line_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    1 + bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}
