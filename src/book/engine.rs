//! The whole run on an mdBook book, as a list of named steps: read the
//! settings and the reports, analyse (pure), check the spelling (with its
//! cache and background work), read the files reports link to, render
//! (pure), and put the pages into mdBook's book. Used by the preprocessor,
//! `build`, `check` and `coverage` alike, so they can never disagree.

use crate::book::assemble::{self, Placement};
use crate::book::confine::BookRoot;
use crate::book::load;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Tally};
use crate::model::assets;
use crate::model::file::TechnicalFile;
use crate::pipeline::{self, Analysis, ChapterInput, Input};
use crate::referential::Referential;
use crate::render::report_page::PageContext;
use crate::spelling::{self, Mode, SpellStats, Store, background, cache, service};
use crate::text::slash;
use mdbook_preprocessor::book::{Book, BookItem};
use std::fmt;
use std::path::Path;

/// A problem that stops the run: the referential cannot be used.
#[derive(Debug, Clone)]
pub struct Fatal {
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{}", d.render_human(false))?;
        }
        write!(
            f,
            "the technical file cannot be built until the referential is fixed"
        )
    }
}

impl std::error::Error for Fatal {}

/// What a run produced.
#[derive(Debug)]
pub struct Outcome {
    /// The book with the reports and the appendix in it.
    pub book: Book,
    pub file: TechnicalFile,
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Estimated A4 pages of the hand-written chapters.
    pub pages: crate::model::checks::PageEstimate,
    pub placement: Placement,
    /// What the spelling check did (zero when it is off).
    pub spelling: SpellStats,
}

impl Outcome {
    pub fn tally(&self) -> Tally {
        Tally::of(&self.diagnostics)
    }

    /// One line for the end of every build, e.g.
    /// `technical-file: 7 reports, 17/18 skills (B1 7/7, B2 5/5, B3 5/6), gaps: C3.2, ~9.1 pages, 3 warnings`.
    pub fn summary_line(&self) -> String {
        let file = &self.file;
        let summary = file.matrix.summary(&file.referential);
        let blocks: Vec<String> = summary
            .blocks
            .iter()
            .map(|b| format!("{} {}/{}", b.id, b.covered, b.total))
            .collect();
        let gaps = file.gap_ids();
        let tally = self.tally();
        let words = file.config.words();
        let mut parts = vec![words.format(
            "build-reports-skills",
            &[
                ("reports", file.reports.len().into()),
                ("covered", summary.covered.into()),
                ("total", summary.total.into()),
                ("blocks", blocks.join(", ").into()),
            ],
        )];
        if !gaps.is_empty() {
            parts.push(words.format("build-gaps", &[("gaps", gaps.join(" ").into())]));
        }
        let pages = words.decimal(self.pages.total, 1);
        parts.push(words.format("build-pages", &[("pages", pages.into())]));
        if self.spelling.pending > 0 {
            let files = self.spelling.pending;
            parts.push(words.format("build-spelling-pending", &[("files", files.into())]));
        }
        if tally.errors > 0 {
            parts.push(words.format("build-errors", &[("errors", tally.errors.into())]));
        }
        let warnings = tally.warnings;
        parts.push(words.format("build-warnings", &[("warnings", warnings.into())]));
        let line = format!("technical-file: {}", parts.join(", "));
        line
    }
}

/// Runs everything on `book` (as loaded by mdBook from SUMMARY.md).
///
/// `root` is the book root; `book_config` is mdBook's configuration.
pub fn process(
    root: &Path,
    book_config: &mdbook_preprocessor::config::Config,
    mut book: Book,
) -> Result<Outcome, Fatal> {
    let input = read(root, book_config, &book)?;
    let mut analysis = pipeline::analyze(input);
    let spelling = check_spelling(root, &mut analysis);
    let context = page_context(root, &analysis);
    let rendered = pipeline::render(analysis, &context);
    for (path, content) in rendered.chapters {
        if let Some(chapter) = assemble::find_chapter_mut(&mut book.items, &path) {
            chapter.content = content;
        }
    }
    let file = rendered.file;
    let placement = assemble::insert(
        &mut book,
        &file.config.placeholder,
        &file.config.part_title(),
        rendered.reports,
        rendered.appendix,
        rendered.jury_grid,
    );
    Ok(Outcome {
        book,
        file,
        diagnostics: rendered.diagnostics,
        pages: rendered.pages,
        placement,
        spelling,
    })
}

/// The settings, the referential, the reports from disk and the chapters
/// from mdBook's book.
pub fn read(
    root: &Path,
    book_config: &mdbook_preprocessor::config::Config,
    book: &Book,
) -> Result<Input, Fatal> {
    let (config, mut diagnostics) = Config::from_mdbook(book_config);
    let (referential, warnings): (Referential, _) =
        load::read_referential(root, &config).map_err(|diagnostics| Fatal { diagnostics })?;
    diagnostics.extend(warnings);
    let (files, folder_problems) = load::list_reports(root, &config);
    diagnostics.extend(folder_problems);
    // Under mdBook itself (the preview's path) `create-missing` made them
    // and there is nothing to look for; our loader turns it off.
    if !book_config.build.create_missing {
        diagnostics.extend(load::missing_chapters(root, book_config));
    }
    let mut chapters = Vec::new();
    for item in book.iter() {
        if let BookItem::Chapter(ch) = item
            && let Some(path) = &ch.path
        {
            chapters.push(ChapterInput {
                path: slash(path),
                content: ch.content.clone(),
            });
        }
    }
    Ok(Input {
        config,
        referential,
        diagnostics,
        reports: load::read_reports(&files),
        chapter_paths: chapters.iter().map(|c| c.path.clone()).collect(),
        chapters,
        source_dir: slash(&book_config.book.src),
    })
}

/// Spelling and grammar of the reports (into the model, so their pages
/// show them) and of the hand-written chapters. Under `mdbook serve`, what
/// the cache lacks is checked by the warm lint service; the first build
/// starts it in the background (its findings show at the next save), and a
/// save while it starts waits for it.
fn check_spelling(root: &Path, analysis: &mut Analysis) -> SpellStats {
    let Some(settings) = spelling_settings(root, analysis) else {
        return SpellStats::default();
    };
    let config = &analysis.file.config;
    let cache_dir = cache::dir_from_env();
    // The background process itself must not defer.
    let filling = std::env::var_os(background::FILLING_ENV).is_some();
    // Under `mdbook serve`, the warm lint service (the background process,
    // once it has filled the cache) answers for what the cache lacks.
    let endpoint = cache_dir
        .as_deref()
        .map(|dir| service::Endpoint::of(dir, root));
    let mode = match &endpoint {
        Some(endpoint) if config.serving && !filling => Mode::Serve(endpoint),
        _ => Mode::Now,
    };
    let store = cache_dir.as_deref().and_then(cache::DiskCache::open);
    let store = store.as_ref().map(|s| s as &dyn Store);
    let (found, stats) = spelling::check_book(
        &mut analysis.file,
        &analysis.texts,
        &analysis.chapters,
        |targets, lang| spelling::check(targets, &settings.in_language(lang), store, mode),
    );
    analysis.chapter_diagnostics.extend(found);
    if stats.pending > 0 {
        background::fill_cache_in_background(root, cache_dir.as_deref());
    }
    stats
}

/// What spelling checks against, or `None` when it is off (or not built
/// in: then a warning says so).
pub fn spelling_settings(root: &Path, analysis: &mut Analysis) -> Option<spelling::Settings> {
    let config = &analysis.file.config;
    if !config.spelling {
        return None;
    }
    // A text in a language the tool has no rules for gets no spelling
    // (never English rules on it): `spelling::check_book` leaves it out,
    // and the configuration warned once. Each text's language is set
    // per group there; this is the book's.
    let lang = config.language.unwrap_or_default();
    if !spelling::available() {
        analysis.chapter_diagnostics.push(spelling::unavailable());
        return None;
    }
    let words = match &config.dictionary {
        Some(path) => load::read_word_list(root, path).unwrap_or_else(|problem| {
            analysis.chapter_diagnostics.push(*problem);
            Vec::new()
        }),
        None => Vec::new(),
    };
    Some(spelling::Settings {
        english: config.english,
        words,
        style: config.style,
        strict_english: config.english_chosen,
        lang,
    })
}

/// The files reports embed, read, and where the files they include lead:
/// everything under the one confinement rule of `confine`.
pub fn page_context(root: &Path, analysis: &Analysis) -> PageContext {
    let file = &analysis.file;
    let book = BookRoot::new(root);
    let requests = file.reports.ids().flat_map(|r| assets::requests(file, r));
    let includes = file
        .reports
        .iter_enumerated()
        .flat_map(|(id, report)| assets::includes(report, &analysis.texts[id].text))
        .filter_map(|include| include.target)
        .map(|target| {
            let reach = book.reach_readable(&target);
            (target, reach)
        })
        .collect();
    PageContext {
        assets: load::read_assets(&book, requests.collect::<Vec<_>>()),
        includes,
    }
}

/// Writes diagnostics and the summary line to stderr.
pub fn report_to_stderr(outcome: &Outcome, color: bool) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    for d in &outcome.diagnostics {
        let _ = writeln!(err, "{}", d.render_human(color));
    }
    let _ = writeln!(err, "{}", outcome.summary_line());
}
