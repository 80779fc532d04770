//! The book as an editor sees it: the texts of open documents (saved or
//! not) over the disk's, analysed by the same pipeline as a build, with
//! every diagnostic `check` gives, spelling from a warm session.

use crate::book::engine::{self, Fatal};
use crate::diagnostic::{self, Diagnostic};
use crate::model::checks::PageEstimate;
use crate::model::file::TechnicalFile;
use crate::pipeline::{self, ReportInput};
use crate::spelling::{self, session::Session};
use crate::text::paths;
use crate::text::source::decode_owned;
use std::collections::HashMap;
use std::path::Path;

/// The book analysed with unsaved texts.
#[derive(Debug)]
pub struct EditorView {
    pub file: TechnicalFile,
    /// Every diagnostic, sorted, as `check` gives them.
    pub diagnostics: Vec<Diagnostic>,
    /// The page estimate of the hand-written chapters.
    pub pages: PageEstimate,
    /// The book's source folder relative to its root (`book`).
    pub source_dir: String,
}

/// Why the book cannot be analysed: a broken book.toml or SUMMARY.md, or
/// a broken referential; as diagnostics.
pub fn fatal(error: &anyhow::Error) -> Vec<Diagnostic> {
    if let Some(fatal) = error.downcast_ref::<Fatal>() {
        return fatal.diagnostics.clone();
    }
    vec![
        Diagnostic::error(
            "book",
            "book.toml",
            format!("the book cannot be loaded: {error:#}"),
        )
        .with_suggestion("fix book.toml and SUMMARY.md, then save"),
    ]
}

/// Analyses the book at `root`; `open` maps paths relative to the root to
/// the editor's text of those files.
pub fn analyze(
    root: &Path,
    open: &HashMap<String, String>,
    session: &mut Session,
) -> anyhow::Result<EditorView> {
    // Never `MDBook::load`: it creates the chapters SUMMARY.md lists and
    // lacks, and the editor writes nothing.
    let md = super::load::load_book(root)?;
    let mut input = engine::read(root, &md.config, &md.book)?;
    let source_dir = input.source_dir.clone();
    for chapter in &mut input.chapters {
        if let Some(text) = open.get(&paths::join(&source_dir, &chapter.path)) {
            chapter.content = text.clone();
        }
    }
    let reports_dir = input.config.reports.trim_end_matches('/').to_owned();
    for report in &mut input.reports {
        if let Some(text) = open.get(&report.path) {
            report.content = Ok(decode_owned(text.clone().into_bytes()));
        }
    }
    // A new report not saved yet is a report too.
    for (path, text) in open {
        let Some(name) = path.strip_prefix(&format!("{reports_dir}/")) else {
            continue;
        };
        if let Some(stem) = name.strip_suffix(".md")
            && !name.contains('/')
            && !input.reports.iter().any(|r| &r.path == path)
        {
            input.reports.push(ReportInput {
                path: path.clone(),
                stem: stem.to_owned(),
                content: Ok(decode_owned(text.clone().into_bytes())),
            });
        }
    }
    let mut analysis = pipeline::analyze(input);
    if let Some(settings) = engine::spelling_settings(root, &mut analysis) {
        let (found, _) = spelling::check_book(
            &mut analysis.file,
            &analysis.texts,
            &analysis.chapters,
            |targets, lang| session.check(targets, &settings.in_language(lang)),
        );
        analysis.chapter_diagnostics.extend(found);
    }
    let context = engine::page_context(root, &analysis);
    let rendered = pipeline::render(analysis, &context);
    let mut diagnostics = rendered.diagnostics;
    diagnostic::sort(&mut diagnostics);
    Ok(EditorView {
        file: rendered.file,
        diagnostics,
        pages: rendered.pages,
        source_dir,
    })
}
