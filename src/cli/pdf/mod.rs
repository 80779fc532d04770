//! `pdf`: the book printed to an A4 PDF by headless Chromium, and the real
//! page count of the hand-written technical file against its budget.
//!
//! How the technical-file part is measured: the book is built as usual
//! (`commands::build`) and its `print.html` is printed, which gives the PDF
//! and the total page count. The hand-written chapters are then built a
//! second time, in-process, into a temporary folder, with the reports and
//! the appendix taken out after the preprocessor ran (so the chapters are
//! exactly those of the real build, `{{#skill-evidence}}` lists included),
//! and that print page is printed too. mdBook's print page starts every
//! chapter on a new page, so this count is the number of pages the
//! hand-written chapters fill in the book, wherever `SUMMARY.md` puts them,
//! without reading headings back out of the PDF or parsing mdBook's HTML.
//!
//! Both print pages get `@page { size: A4 }` (the book's own stylesheet may
//! not set it); the pure parts (`document`, `print_page`,
//! `file_url`) are unit-tested, the rest needs a browser.

mod browser;
pub(crate) mod document;
mod front;
mod summary;

use crate::book::{engine, load};
use crate::cli::commands;
use crate::config::{Config, JURY_GRID_PATH, NAME};
use crate::text::slash;
use anyhow::{Context, bail};
pub use browser::Network;
use browser::{find_chromium, print_to_pdf, write_print_page};
use document::{Metadata, PrintedPdf, with_metadata};
use front::{ChapterStart, Contents, Cover};
use mdbook_driver::book::{Book, BookItem};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
pub use summary::{ChapterPages, JuryGridSummary, PdfSummary};

/// The file name of the PDF when no output is given.
pub const DEFAULT_FILE_NAME: &str = "technical-file.pdf";
/// The same for `pdf --jury`.
pub const JURY_GRID_FILE_NAME: &str = "jury-grid.pdf";

/// Builds the book, prints it to an A4 PDF with headless Chromium and
/// counts the pages of the whole book and of the hand-written chapters.
///
/// `output` (relative to the current directory) defaults to
/// `technical-file.pdf` next to the build folder: `target/technical-file.pdf`
/// for `build-dir = "target/book"`. It is never written into the book's
/// sources or reports.
pub fn pdf(
    book_dir: &Path,
    output: Option<&Path>,
    color: bool,
    network: Network,
) -> anyhow::Result<PdfSummary> {
    // Before building: a missing browser is the likeliest problem.
    let chromium = find_chromium()?;

    let html_dir = commands::build(book_dir, color)?;
    let print_html = html_dir.join("print.html");
    if !print_html.is_file() {
        bail!(
            "{} was not written, and the PDF is printed from it: remove `enable = false` from `[output.html.print]` in book.toml",
            print_html.display()
        );
    }

    let book_config = load::book_config(book_dir)?;
    let (config, _) = Config::from_mdbook(&book_config);
    let out = output_path(book_dir, &book_config, &config, output, DEFAULT_FILE_NAME)?;

    let work = work_folder(&out)?;
    let front = front_pages(book_dir, &book_config, &config)?;
    let html = read_page(&print_html)?;
    let bytes = print_book(
        &chromium,
        &print_html,
        &html,
        &front,
        &out,
        work.path(),
        network,
    )?;
    let bytes = describe(&out, bytes, &html, &book_config, &config)?;
    let printed = PrintedPdf::read(&bytes).with_context(|| format!("in {}", out.display()))?;
    let links = printed.links();

    let (hand_written_dir, estimate) =
        build_hand_written(book_dir, &work.path().join("hand-written"))?;
    let hand_written_page = hand_written_dir.join("print.html");
    let hand_written_html = read_page(&hand_written_page)?;
    let hand_written = print(
        &chromium,
        &hand_written_page,
        &hand_written_html,
        &work.path().join("hand-written.pdf"),
        work.path(),
        "hand-written",
        network,
    )?;
    let hand_written =
        PrintedPdf::read(&hand_written).context("in the PDF of the hand-written chapters")?;
    let chapters = chapter_pages(&front::chapter_starts(&hand_written_html)?, &hand_written);

    Ok(PdfSummary {
        pdf: out,
        total_pages: printed.pages(),
        technical_file_pages: hand_written.pages(),
        bookmarks: printed.bookmarks().len(),
        chapters,
        budget: config.pages,
        estimate,
        lang: config.language.unwrap_or_default(),
        page_size: printed.page_size(),
        link_targets: links.inside().collect::<BTreeSet<_>>().len(),
        unresolved_links: links
            .unresolved()
            .into_iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(str::to_owned)
            .collect(),
    })
}

/// Where to write a PDF: `output` (relative to the current directory), or
/// `file_name` next to the build folder; never among the book's sources
/// or reports. Its folder is created.
fn output_path(
    book_dir: &Path,
    book_config: &mdbook_preprocessor::config::Config,
    config: &Config,
    output: Option<&Path>,
    file_name: &str,
) -> anyhow::Result<PathBuf> {
    let root = std::path::absolute(book_dir).unwrap_or_else(|_| book_dir.to_path_buf());
    let forbidden = [root.join(&book_config.book.src), root.join(&config.reports)];
    let out = match output {
        Some(path) => {
            let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            if let Some(dir) = forbidden.iter().find(|dir| inside(&path, dir)) {
                bail!(
                    "{} is inside {}: the PDF is never written among the book's sources or reports",
                    path.display(),
                    dir.display()
                );
            }
            path
        }
        None => default_output(
            &root.join(&book_config.build.build_dir),
            &forbidden,
            file_name,
        ),
    };
    if let Some(parent) = out.parent() {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    Ok(out)
}

/// Builds the book and prints its jury grid page alone to an A4 PDF.
pub fn jury_grid(
    book_dir: &Path,
    output: Option<&Path>,
    color: bool,
    network: Network,
) -> anyhow::Result<JuryGridSummary> {
    let chromium = find_chromium()?;
    let book_config = load::book_config(book_dir)?;
    let (config, _) = Config::from_mdbook(&book_config);
    if !config.jury_grid {
        bail!(
            "the book has no jury grid: add `jury-grid = true` under `[preprocessor.{NAME}]` in book.toml"
        );
    }
    let html_dir = commands::build(book_dir, color)?;
    let page = html_dir.join(crate::text::paths::html_page(JURY_GRID_PATH));
    if !page.is_file() {
        bail!("{} was not written", page.display());
    }
    let out = output_path(book_dir, &book_config, &config, output, JURY_GRID_FILE_NAME)?;
    let work = work_folder(&out)?;
    let html = read_page(&page)?;
    let bytes = print(
        &chromium,
        &page,
        &html,
        &out,
        work.path(),
        "jury-grid",
        network,
    )?;
    let bytes = describe(&out, bytes, &html, &book_config, &config)?;
    let printed = PrintedPdf::read(&bytes).with_context(|| format!("in {}", out.display()))?;
    Ok(JuryGridSummary {
        pages: printed.pages(),
        links: printed.links(),
        published_url: config.published_url(),
        lang: config.language.unwrap_or_default(),
        pdf: out,
    })
}

/// A temporary folder for a print's work files, next to the PDF rather than
/// in /tmp: Ubuntu's snap Chromium cannot see the system's /tmp.
fn work_folder(pdf: &Path) -> anyhow::Result<tempfile::TempDir> {
    let parent = pdf.parent().unwrap_or(Path::new("."));
    tempfile::Builder::new()
        .prefix(".technical-file-pdf-")
        .tempdir_in(parent)
        .with_context(|| format!("cannot create a work folder in {}", parent.display()))
}

fn read_page(page: &Path) -> anyhow::Result<String> {
    fs::read_to_string(page).with_context(|| format!("cannot read {}", page.display()))
}

/// Prints `html`, a page of the built book at `page`, to `pdf` on A4 (a
/// copy of it, with a base URL back to the book, in `work`) and returns the
/// PDF's bytes.
fn print(
    chromium: &Path,
    page: &Path,
    html: &str,
    pdf: &Path,
    work: &Path,
    name: &str,
    network: Network,
) -> anyhow::Result<Vec<u8>> {
    let copy = work.join(format!("print-{name}.html"));
    write_print_page(page, html, &copy)?;
    print_to_pdf(
        chromium,
        &copy,
        pdf,
        &work.join(format!("profile-{name}")),
        network,
    )?;
    fs::read(pdf).with_context(|| format!("cannot read {}", pdf.display()))
}

/// The front pages book.toml asks for, in the book's language.
struct FrontPages {
    cover: Option<Cover>,
    contents: Option<String>,
}

fn front_pages(
    book_dir: &Path,
    book_config: &mdbook_preprocessor::config::Config,
    config: &Config,
) -> anyhow::Result<FrontPages> {
    let words = config.words();
    let cover = if config.print.cover {
        let referential = load::read_referential(book_dir, config)
            .map_err(|diagnostics| engine::Fatal { diagnostics })?
            .0
            .in_language(config.language.unwrap_or_default());
        let date = config
            .print
            .date
            .unwrap_or_else(crate::cli::scaffold::today);
        Some(Cover {
            title: book_config.book.title.clone().unwrap_or_default(),
            student: config.authors.clone(),
            training: referential.title,
            school: config.print.school.clone(),
            date: date.written(words),
        })
    } else {
        None
    };
    let contents = config.print.contents.then(|| words.text("contents-title"));
    Ok(FrontPages { cover, contents })
}

/// How many printings may pass before the contents' numbers settle: the
/// first has blank numbers, the second the real ones, which lay out the
/// same lines; a third only if they moved a chapter.
const PRINTINGS: usize = 3;

/// Prints the book's print page (`html`, read from `print_html`) with its
/// front pages; with a table of
/// contents, prints it again until its numbers are the pages where the
/// chapters start.
fn print_book(
    chromium: &Path,
    print_html: &Path,
    html: &str,
    front: &FrontPages,
    out: &Path,
    work: &Path,
    network: Network,
) -> anyhow::Result<Vec<u8>> {
    let chapters = match front.contents {
        Some(_) => front::chapter_starts(html)
            .with_context(|| format!("{} has no chapters", print_html.display()))?,
        None => Vec::new(),
    };
    let mut pages: Vec<Option<usize>> = vec![None; chapters.len()];
    for _ in 0..PRINTINGS {
        let contents = front.contents.as_deref().map(|heading| Contents {
            heading,
            chapters: &chapters,
            pages: &pages,
        });
        let page = front::with_front_pages(html, front.cover.as_ref(), contents)?;
        let bytes = print(chromium, print_html, &page, out, work, "book", network)?;
        if front.contents.is_none() {
            return Ok(bytes);
        }
        let printed = PrintedPdf::read(&bytes).with_context(|| format!("in {}", out.display()))?;
        let found = start_pages(&chapters, &printed);
        if found == pages {
            return Ok(bytes);
        }
        pages = found;
    }
    bail!(
        "the table of contents' page numbers still moved after {PRINTINGS} printings; set `contents = false` under `[preprocessor.{NAME}.pdf]` in book.toml"
    )
}

/// The page where each chapter starts, from the PDF's named destinations
/// (mdBook links every heading to itself, and Chromium keeps the targets).
fn start_pages(chapters: &[ChapterStart], printed: &PrintedPdf) -> Vec<Option<usize>> {
    let destinations = printed.destination_pages();
    chapters
        .iter()
        .map(|c| destinations.get(&c.id).copied())
        .collect()
}

/// The real pages of each chapter: from its start to the next one's.
fn chapter_pages(chapters: &[ChapterStart], printed: &PrintedPdf) -> Vec<ChapterPages> {
    let starts = start_pages(chapters, printed);
    let mut next = printed.pages() + 1;
    let mut found = Vec::with_capacity(chapters.len());
    for (chapter, start) in chapters.iter().zip(&starts).rev() {
        let pages = start.map(|start| {
            let pages = next.saturating_sub(start);
            next = start;
            pages
        });
        found.push(ChapterPages {
            title: front::plain_text(&chapter.title),
            pages,
        });
    }
    found.reverse();
    found
}

/// Gives the printed PDF at `out` the book's title, authors, description
/// and keywords (Chromium gives it the title and `[book] language`), and
/// returns its bytes.
fn describe(
    out: &Path,
    bytes: Vec<u8>,
    html: &str,
    book_config: &mdbook_preprocessor::config::Config,
    config: &Config,
) -> anyhow::Result<Vec<u8>> {
    let metadata = Metadata {
        title: book_config.book.title.clone(),
        authors: config.authors.clone(),
        subject: book_config.book.description.clone(),
        keywords: config.keywords.clone(),
        language: book_config.book.language.clone(),
        headings: front::heading_texts(html),
    };
    let described =
        with_metadata(&bytes, &metadata).with_context(|| format!("in {}", out.display()))?;
    fs::write(out, &described).with_context(|| format!("cannot write {}", out.display()))?;
    Ok(described)
}

/// A path relative to the current folder when it is inside it.
pub(crate) fn shown_path(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

/// `technical-file.pdf` next to the build folder, or in it if that would
/// land among the sources (a book whose build folder is at its root while
/// its sources are the root itself).
pub fn default_output(build_dir: &Path, forbidden: &[PathBuf], file_name: &str) -> PathBuf {
    let beside = build_dir
        .parent()
        .map_or_else(|| build_dir.join(file_name), |p| p.join(file_name));
    if forbidden.iter().any(|dir| inside(&beside, dir)) {
        build_dir.join(file_name)
    } else {
        beside
    }
}

/// Whether `path` is `dir` or inside it (lexically, on absolute paths).
fn inside(path: &Path, dir: &Path) -> bool {
    let normal = |p: &Path| -> PathBuf {
        let mut out = PathBuf::new();
        for c in p.components() {
            match c {
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir => {
                    out.pop();
                }
                other => out.push(other),
            }
        }
        out
    };
    normal(path).starts_with(normal(dir))
}

/// Builds only the hand-written chapters, with the HTML renderer (print page
/// on, search off), into `out_dir`; returns the HTML folder and the words-
/// based page estimate.
fn build_hand_written(book_dir: &Path, out_dir: &Path) -> anyhow::Result<(PathBuf, f64)> {
    let mut config = load::book_config(book_dir)?;
    config.build.build_dir = out_dir.to_path_buf();
    let html: toml::Value = config
        .get("output.html")
        .ok()
        .flatten()
        .unwrap_or_else(|| toml::Value::Table(toml::Table::new()));
    let mut outputs = toml::Table::new();
    outputs.insert("html".to_owned(), html);
    config.set("output", toml::Value::Table(outputs))?;
    config.set("output.html.print.enable", true)?;
    config.set("output.html.search.enable", false)?;

    let mut book = load::load_book_with(book_dir, config)?;
    let estimate = Arc::new(Mutex::new(0.0));
    book.with_preprocessor(HandWrittenOnly {
        estimate: Arc::clone(&estimate),
    });
    book.build()
        .context("the build of the hand-written chapters failed")?;
    let estimate = *estimate.lock().unwrap_or_else(|e| e.into_inner());
    Ok((book.build_dir_for("html"), estimate))
}

/// The tool's preprocessor, minus the reports and the appendix it adds.
struct HandWrittenOnly {
    estimate: Arc<Mutex<f64>>,
}

impl Preprocessor for HandWrittenOnly {
    fn name(&self) -> &str {
        NAME
    }

    fn run(&self, ctx: &PreprocessorContext, book: Book) -> anyhow::Result<Book> {
        // The diagnostics were already printed by the real build.
        let outcome = engine::process(&ctx.root, &ctx.config, book)?;
        let file = &outcome.file;
        let mut generated: HashSet<String> = file
            .reports
            .ids()
            .map(|r| file.report_path(r).to_owned())
            .collect();
        generated.extend(file.config.generated_pages().map(str::to_owned));
        *self.estimate.lock().unwrap_or_else(|e| e.into_inner()) = outcome.pages.total;
        let mut book = outcome.book;
        remove_chapters(&mut book.items, &generated);
        Ok(book)
    }

    fn supports_renderer(&self, _renderer: &str) -> anyhow::Result<bool> {
        Ok(true)
    }
}

/// Removes the chapters whose path is in `paths`, with their sub-chapters.
fn remove_chapters(items: &mut Vec<BookItem>, paths: &HashSet<String>) {
    items.retain(|item| match item {
        BookItem::Chapter(ch) => !ch.path.as_ref().is_some_and(|p| paths.contains(&slash(p))),
        _ => true,
    });
    for item in items.iter_mut() {
        if let BookItem::Chapter(ch) = item {
            remove_chapters(&mut ch.sub_items, paths);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_output_is_next_to_the_build_folder_never_in_the_sources() {
        let root = Path::new("/b");
        let forbidden = [root.join("book"), root.join("reports")];
        assert_eq!(
            default_output(&root.join("target/book"), &forbidden, DEFAULT_FILE_NAME),
            Path::new("/b/target/technical-file.pdf")
        );
        // mdBook's default build folder `book` at the root, sources in `src`.
        assert_eq!(
            default_output(
                &root.join("book"),
                &[root.join("src"), root.join("reports")],
                DEFAULT_FILE_NAME
            ),
            Path::new("/b/technical-file.pdf")
        );
        // Sources at the root: the PDF goes into the build folder instead.
        assert_eq!(
            default_output(&root.join("out"), &[root.to_path_buf()], DEFAULT_FILE_NAME),
            Path::new("/b/out/technical-file.pdf")
        );
        assert!(inside(
            Path::new("/b/book/../book/x.pdf"),
            Path::new("/b/book")
        ));
        assert!(!inside(Path::new("/b/booklet/x.pdf"), Path::new("/b/book")));
    }
}
