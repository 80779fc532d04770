//! The checks that need the whole technical file. Each is a function of the
//! model (and the reports' texts, to point at places in them) that returns
//! diagnostics; `run` calls them in a fixed order, so a page lists its
//! problems the same way every time.
//!
//! To add a check: write it in `reports` (one report at a time) or `book`
//! (the book as a whole), and call it from `run`.

mod book;
mod links;
mod reports;

use crate::model::file::TechnicalFile;
use crate::model::ids::Texts;

pub use book::{ChapterSize, PageEstimate, estimate_pages};

/// Words below which a section is too thin to evidence a skill.
pub const THIN_EVIDENCE_WORDS: usize = 40;

/// Links between reports (and to the book's chapters): run first, as they
/// concern what was written. `chapters` are the paths of the book's own
/// chapters, relative to its source folder.
pub fn links(
    file: &mut TechnicalFile,
    texts: &Texts,
    chapters: &std::collections::HashSet<String>,
) {
    for (report, found) in links::broken(file, texts, chapters) {
        file.findings.reports[report].push(found);
    }
}

/// Every other check: each report's, then the book's.
/// `chapters` are the hand-written chapters' sizes; `source_dir` is the
/// book's source folder, where the page budget's warning points.
pub fn run(file: &mut TechnicalFile, texts: &Texts, chapters: &[ChapterSize], source_dir: &str) {
    let per_report = reports::run(file, texts);
    for (report, found) in file.findings.reports.iter_mut().zip(per_report) {
        report.extend(found);
    }
    let mut found = book::coverage(file);
    found.extend(book::page_budget(file, chapters, source_dir));
    found.extend(book::jury_grid_links(file));
    file.findings.book.extend(found);
}
