//! The whole run, in one direction: read → parse → model → check → render
//! → splice into the book. Used by the preprocessor, `build`, `check` and
//! `coverage` alike, so they can never disagree.

use crate::appendix;
use crate::assemble::{self, NewChapter, Placement};
use crate::checks::{self, ChapterSize};
use crate::config::Config;
use crate::diagnostic::{self, Diagnostic, Severity, Tally};
use crate::load;
use crate::markdown;
use crate::model::TechnicalFile;
use crate::page::{self, PageContext};
use crate::paths;
use crate::spelling::{self, SpellStats};
use mdbook_preprocessor::book::{Book, BookItem};
use std::collections::{HashMap, HashSet};
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
    pub pages: f64,
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
        let summary = self.file.matrix.summary(&self.file.referential);
        let blocks: Vec<String> = summary
            .blocks
            .iter()
            .map(|b| format!("{} {}/{}", b.id, b.covered, b.total))
            .collect();
        let gaps: Vec<&str> = self
            .file
            .matrix
            .gaps()
            .into_iter()
            .map(|s| self.file.referential.skills[s].id.as_str())
            .collect();
        let tally = self.tally();
        let mut line = format!(
            "technical-file: {} report{}, {}/{} skills ({})",
            self.file.reports.len(),
            plural(self.file.reports.len()),
            summary.covered,
            summary.total,
            blocks.join(", ")
        );
        if !gaps.is_empty() {
            line.push_str(&format!(", gaps: {}", gaps.join(" ")));
        }
        line.push_str(&format!(", ~{:.1} pages", self.pages));
        if self.spelling.pending > 0 {
            line.push_str(&format!(
                ", spelling of {} file{} checking in the background",
                self.spelling.pending,
                plural(self.spelling.pending)
            ));
        }
        if tally.errors > 0 {
            line.push_str(&format!(", {} error{}", tally.errors, plural(tally.errors)));
        }
        line.push_str(&format!(
            ", {} warning{}",
            tally.warnings,
            plural(tally.warnings)
        ));
        line
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Runs everything on `book` (as loaded by mdBook from SUMMARY.md).
///
/// `root` is the book root; `book_config` is mdBook's configuration.
pub fn process(
    root: &Path,
    book_config: &mdbook_preprocessor::config::Config,
    mut book: Book,
) -> Result<Outcome, Fatal> {
    let (config, mut book_diagnostics) = Config::from_mdbook(book_config);
    let (referential, referential_warnings) = match load::read_referential(root, &config) {
        Ok(found) => found,
        Err(diagnostics) => return Err(Fatal { diagnostics }),
    };
    book_diagnostics.extend(referential_warnings);

    let (files, folder_diagnostics) = load::list_reports(root, &config);
    book_diagnostics.extend(folder_diagnostics);
    let reports = load::read_reports(&files, &referential, config.flavor);

    let source_dir = book_config.book.src.to_string_lossy().replace('\\', "/");
    let chapter_paths: HashSet<String> = assemble::chapter_paths(&book).into_iter().collect();
    let mut file = TechnicalFile::assemble(
        config,
        referential,
        reports,
        &chapter_paths,
        book_diagnostics,
    );

    // Hand-written chapters: directives expanded, sizes counted.
    let mut sizes = Vec::new();
    let mut chapter_diagnostics = Vec::new();
    let mut expanded: HashMap<String, String> = HashMap::new();
    let mut spell_chapters = Vec::new();
    for item in book.iter() {
        let BookItem::Chapter(ch) = item else {
            continue;
        };
        let Some(path) = ch
            .path
            .as_ref()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
        else {
            continue;
        };
        if path == file.config.appendix {
            continue;
        }
        let shown = format!("{source_dir}/{path}");
        if file.config.spelling && spelling::available() {
            spell_chapters.push(spelling::Chapter::new(
                &shown,
                &ch.content,
                file.config.flavor,
            ));
        }
        let (content, diagnostics) = page::expand_chapter(&file, &path, &shown, &ch.content);
        chapter_diagnostics.extend(diagnostics);
        let scan = markdown::scan(&content, file.config.flavor);
        sizes.push(ChapterSize {
            path: path.clone(),
            words: scan.words(&content),
            code_lines: scan.code_lines,
        });
        if content != ch.content {
            expanded.insert(path, content);
        }
    }
    book.for_each_chapter_mut(|ch| {
        if let Some(path) = ch
            .path
            .as_ref()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            && let Some(content) = expanded.remove(&path)
        {
            ch.content = content;
        }
    });

    checks::run(&mut file, &sizes, &source_dir);
    let pages = checks::estimate_pages(&file, &sizes);

    // Spelling and grammar of the reports (into their diagnostics, so the
    // pages show them) and of the hand-written chapters.
    // Under `mdbook serve`, what the cache lacks is checked by a process
    // in the background, so a save never waits for harper; its results
    // show at the next save.
    let spelling = if file.config.spelling {
        let cache_dir = spelling::cache_dir_from_env();
        // The background process itself must not defer.
        let filling = std::env::var_os(spelling::FILLING_ENV).is_some();
        let defer = file.config.serving && cache_dir.is_some() && !filling;
        let (found, stats) =
            spelling::check_book(root, &mut file, &spell_chapters, cache_dir.clone(), defer);
        chapter_diagnostics.extend(found);
        if stats.pending > 0 {
            spelling::fill_cache_in_background(root, cache_dir.as_deref());
        }
        stats
    } else {
        SpellStats::default()
    };

    // The analysis is done: its working data can go before pages are made.
    for report in &mut file.reports {
        report.scan.release_analysis();
    }

    // The appendix first: it needs the model only (its excerpts were made
    // while parsing), so its working memory is gone before the pages exist.
    // It shows the book-level problems (errors always, warnings while
    // previewing); the problems found while making pages are all about
    // reports, so none of them would show there.
    let mut diagnostics = file.diagnostics();
    diagnostics.extend(chapter_diagnostics);
    let report_files: HashSet<String> =
        file.reports.iter().map(|r| r.source.path.clone()).collect();
    let shown: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| !report_files.contains(&d.file))
        .filter(|d| d.severity == Severity::Error || file.config.warnings_in_pages())
        .collect();
    let appendix = NewChapter {
        name: file.config.appendix_title.clone(),
        path: file.config.appendix.clone(),
        source_path: None,
        content: appendix::render(&file, &shown),
    };

    // Report pages, on every core.
    let requests = (0..file.reports.len()).flat_map(|i| page::asset_requests(&file, i));
    let context = PageContext {
        reports_dir_abs: absolute(&root.join(file.reports_dir())),
        assets: load::read_assets(root, requests.collect::<Vec<_>>()),
    };
    // Each report's text moves into the task that makes its page, which is
    // spliced in the text's own buffer: the book is never in memory twice.
    let texts: Vec<(usize, String)> = file
        .reports
        .iter_mut()
        .map(|r| std::mem::take(&mut r.source.text))
        .enumerate()
        .collect();
    let pages_out = crate::parallel::map_owned(texts, |(i, text)| {
        page::report_page(&file, i, text, &context)
    });
    let mut chapters = Vec::with_capacity(pages_out.len());
    for (i, (content, problems)) in pages_out.into_iter().enumerate() {
        diagnostics.extend(problems);
        let report = &file.reports[i];
        chapters.push(NewChapter {
            name: report.title.clone(),
            path: file.report_path(i).to_owned(),
            source_path: Some(paths::relative(
                &format!("{source_dir}/x"),
                &report.source.path,
            )),
            content,
        });
    }
    diagnostic::sort(&mut diagnostics);

    let placement = assemble::insert(
        &mut book,
        &file.config.placeholder,
        &file.config.part_title,
        chapters,
        appendix,
    );

    Ok(Outcome {
        book,
        file,
        diagnostics,
        pages,
        placement,
        spelling,
    })
}

/// An absolute path as a string with `/` separators.
fn absolute(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    absolute.to_string_lossy().replace('\\', "/")
}

/// Writes diagnostics and the summary line to stderr.
pub fn report_to_stderr(outcome: &Outcome) {
    use std::io::{IsTerminal, Write};
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut err = std::io::stderr().lock();
    for d in &outcome.diagnostics {
        let _ = writeln!(err, "{}", d.render_human(color));
    }
    let _ = writeln!(err, "{}", outcome.summary_line());
}
