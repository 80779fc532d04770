//! The pure core, as two functions: `analyze` turns the book's files
//! (already read) into the technical file and its diagnostics; `render`
//! turns that into pages. Neither reads a file, an environment variable or
//! a clock, nor starts a process: `book::engine` does that around them, and
//! any other front end (a language server, a test) can call them with text
//! it holds.

use crate::config::{Config, JURY_GRID_PATH};
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::model::chapter::Chapter;
use crate::model::checks::{self, ChapterSize};
use crate::model::file::TechnicalFile;
use crate::model::ids::Texts;
use crate::model::report::Report;
use crate::referential::Referential;
use crate::render::report_page::{self, PageContext};
use crate::render::{appendix, chapter, jury};
use crate::syntax::markdown;
use crate::text::paths;
use crate::text::source::{Decoded, SourceFile};
use std::collections::HashSet;

/// A report file as read: its path relative to the book root, its stem,
/// and its decoded text or why it could not be read.
#[derive(Debug, Clone)]
pub struct ReportInput {
    pub path: String,
    pub stem: String,
    pub content: Result<Decoded, String>,
}

/// A chapter of the book as mdBook loaded it.
#[derive(Debug, Clone)]
pub struct ChapterInput {
    /// Its path in the book, relative to the source folder.
    pub path: String,
    pub content: String,
}

/// Everything the analysis needs.
#[derive(Debug, Clone)]
pub struct Input {
    pub config: Config,
    pub referential: Referential,
    /// Problems found while reading: configuration, referential warnings,
    /// the reports folder.
    pub diagnostics: Vec<Diagnostic>,
    pub reports: Vec<ReportInput>,
    /// The hand-written chapters, in book order (the appendix excluded).
    pub chapters: Vec<ChapterInput>,
    /// The paths of every chapter of the book: links to them land.
    pub chapter_paths: HashSet<String>,
    /// The book's source folder relative to its root, e.g. `book`.
    pub source_dir: String,
}

/// The technical file, its reports' texts and its chapters, analysed.
#[derive(Debug)]
pub struct Analysis {
    pub file: TechnicalFile,
    pub texts: Texts,
    pub chapters: Vec<Chapter>,
    /// Each chapter's text for the book, when its directives changed it.
    pub expanded: Vec<Option<String>>,
    /// Problems of the hand-written chapters.
    pub chapter_diagnostics: Vec<Diagnostic>,
    /// Estimated A4 pages of the hand-written chapters.
    pub pages: checks::PageEstimate,
    /// The book's source folder relative to its root.
    pub source_dir: String,
}

/// Parses every report and chapter once, puts the technical file together
/// and runs every check.
pub fn analyze(input: Input) -> Analysis {
    let flavor = input.config.flavor;
    let reports = parse_reports(input.reports, &input.referential, flavor);
    let (mut file, texts) =
        TechnicalFile::assemble(input.config, input.referential, reports, input.diagnostics);
    checks::links(&mut file, &texts, &input.chapter_paths);
    let chapters = parse_chapters(&file, input.chapters, &input.source_dir);
    let expanded: Vec<Option<String>> =
        chapters.iter().map(|c| chapter::expand(&file, c)).collect();
    let sizes = chapter_sizes(&file, &chapters, &expanded);
    checks::run(&mut file, &texts, &sizes, &input.source_dir);
    let pages = checks::estimate_pages(&file, &sizes);
    let chapter_diagnostics = chapters
        .iter()
        .flat_map(|c| c.diagnostics.iter().cloned())
        .collect();
    Analysis {
        file,
        texts,
        chapters,
        expanded,
        chapter_diagnostics,
        pages,
        source_dir: input.source_dir,
    }
}

/// Parses reports on every core.
fn parse_reports(
    inputs: Vec<ReportInput>,
    referential: &Referential,
    flavor: markdown::Flavor,
) -> Vec<(Report, SourceFile)> {
    crate::text::parallel::map_owned(inputs, |input| input.parse(referential, flavor))
}

impl ReportInput {
    /// Parses the report. A file that could not be read becomes an empty
    /// report carrying the error, so its page still exists and says what
    /// is wrong.
    pub fn parse(
        self,
        referential: &Referential,
        flavor: markdown::Flavor,
    ) -> (Report, SourceFile) {
        let (decoded, unreadable) = match self.content {
            Ok(decoded) => (decoded, None),
            Err(error) => (Decoded::default(), Some(error)),
        };
        let source = SourceFile::new(self.path, decoded.text);
        let mut report = Report::parse(
            &source,
            &self.stem,
            decoded.had_bom,
            decoded.note.as_ref(),
            referential,
            flavor,
        );
        if let Some(error) = unreadable {
            report.diagnostics.push(
                Diagnostic::error(
                    "unreadable-report",
                    source.path.as_str(),
                    format!("the report cannot be read: {error}"),
                )
                .with_suggestion(
                    "check the file's permissions, or remove it from the reports folder",
                ),
            );
        }
        (report, source)
    }
}

/// Parses the hand-written chapters (the appendix is the tool's own).
fn parse_chapters(
    file: &TechnicalFile,
    inputs: Vec<ChapterInput>,
    source_dir: &str,
) -> Vec<Chapter> {
    inputs
        .into_iter()
        .filter(|c| !file.config.is_generated_page(&c.path))
        .map(|c| {
            let shown = format!("{source_dir}/{}", c.path);
            Chapter::parse(
                &c.path,
                &shown,
                c.content,
                &file.referential,
                file.config.flavor,
            )
        })
        .collect()
}

/// The size of each chapter as the book shows it: its own scan, or, when
/// its directives were expanded, what they expanded to.
fn chapter_sizes(
    file: &TechnicalFile,
    chapters: &[Chapter],
    expanded: &[Option<String>],
) -> Vec<ChapterSize> {
    chapters
        .iter()
        .zip(expanded)
        .map(|(chapter, expanded)| {
            let (words, code_lines) = match expanded {
                None => (
                    chapter.scan.words(&chapter.source.text),
                    chapter.scan.code_lines,
                ),
                Some(text) => {
                    let scan = markdown::scan(text, file.config.flavor);
                    (scan.words(text), scan.code_lines)
                }
            };
            ChapterSize {
                path: chapter.path.clone(),
                words,
                code_lines,
            }
        })
        .collect()
}

/// A page the tool adds to the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub name: String,
    /// Path in the book (decides the page's URL).
    pub path: String,
    /// The file it comes from, relative to the book's source folder.
    pub source_path: Option<String>,
    pub content: String,
}

/// What rendering produced. The reports' texts became their pages.
#[derive(Debug)]
pub struct Rendered {
    pub file: TechnicalFile,
    /// A page per report, in book order.
    pub reports: Vec<Page>,
    pub appendix: Page,
    /// The jury grid, when `jury-grid = true`.
    pub jury_grid: Option<Page>,
    /// Each hand-written chapter's path and its text for the book, when
    /// its directives changed it.
    pub chapters: Vec<(String, String)>,
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
    pub pages: checks::PageEstimate,
}

/// Renders the appendix (while the reports' texts are there for its
/// excerpts), then each report's page in its own text's buffer, on every
/// core: the book is never in memory twice.
pub fn render(analysis: Analysis, context: &PageContext) -> Rendered {
    let Analysis {
        mut file,
        texts,
        chapters,
        expanded,
        chapter_diagnostics,
        pages,
        source_dir,
    } = analysis;
    // What only the analysis needed goes before the pages are made: a book
    // of thousands of reports then holds its structure once, not twice.
    for report in file.reports.iter_mut() {
        report.scan.release_analysis();
    }
    let mut chapter_diagnostics = chapter_diagnostics;
    file.localize_diagnostics(&mut chapter_diagnostics);
    let mut diagnostics = file.diagnostics();
    diagnostics.extend(chapter_diagnostics);
    let appendix = appendix_page(&file, &texts, &diagnostics);
    let jury_grid = file.config.jury_grid.then(|| Page {
        name: jury::title(file.config.words()),
        path: JURY_GRID_PATH.to_owned(),
        source_path: None,
        content: jury::render(&file, JURY_GRID_PATH),
    });
    let made = crate::text::parallel::map_owned(
        file.reports.ids().zip(texts).collect(),
        |(id, source)| report_page::render(&file, id, source, context),
    );
    let mut reports = Vec::with_capacity(made.len());
    for (id, (content, problems)) in file.reports.ids().zip(made) {
        diagnostics.extend(problems);
        let report = &file.reports[id];
        reports.push(Page {
            name: report.title.clone(),
            path: file.report_path(id).to_owned(),
            source_path: Some(paths::relative(&format!("{source_dir}/x"), &report.path)),
            content,
        });
    }
    diagnostic::sort(&mut diagnostics);
    let chapters = chapters
        .into_iter()
        .zip(expanded)
        .filter_map(|(chapter, text)| Some((chapter.path, text?)))
        .collect();
    Rendered {
        file,
        reports,
        appendix,
        jury_grid,
        chapters,
        diagnostics,
        pages,
    }
}

/// The appendix, with the book-level problems (errors always, warnings
/// while previewing); the problems of reports show in their pages.
fn appendix_page(file: &TechnicalFile, texts: &Texts, diagnostics: &[Diagnostic]) -> Page {
    let report_files: HashSet<&str> = file.reports.iter().map(|r| r.path.as_str()).collect();
    let shown: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| !report_files.contains(d.file.as_str()))
        .filter(|d| d.severity == Severity::Error || file.config.warnings_in_pages())
        .collect();
    Page {
        name: file.config.appendix_title(),
        path: file.config.appendix.clone(),
        source_path: None,
        content: appendix::render(file, texts, &shown),
    }
}
