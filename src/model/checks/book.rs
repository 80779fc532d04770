//! Checks of the book as a whole: coverage thresholds and the page budget
//! of the hand-written chapters.

use crate::diagnostic::{Diagnostic, Said};
use crate::model::file::TechnicalFile;

/// A hand-written chapter's size, for the page estimate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChapterSize {
    pub path: String,
    pub words: usize,
    pub code_lines: usize,
}

/// Estimated A4 pages of the hand-written chapters. mdBook's print page
/// starts every chapter on a new page, so each chapter counts whole pages
/// (a chapter of a page and a half takes two): on the example book this
/// matches the real count of `pdf`.
pub fn estimate_pages(file: &TechnicalFile, chapters: &[ChapterSize]) -> f64 {
    chapters
        .iter()
        .map(|c| {
            let pages = c.words as f64 / file.config.words_per_page
                + c.code_lines as f64 / file.config.code_lines_per_page;
            // The estimate is not precise to a line: a chapter a few words
            // over a page boundary counts as fitting.
            (pages - 0.02).ceil().max(1.0)
        })
        // Not `sum()`: it starts at -0.0, shown as "~-0.0 pages".
        .fold(0.0, |total, pages| total + pages)
}

/// A jury grid whose links cannot lead back from paper: without the book's
/// full address (`site-url`), they are relative to the book.
pub fn jury_grid_links(file: &TechnicalFile) -> Option<Diagnostic> {
    if !file.config.jury_grid || file.config.published_url().is_some() {
        return None;
    }
    let message = match &file.config.site_url {
        Some(url) => Said::new("jury-grid-relative-links-partial").arg("url", url),
        None => Said::new("jury-grid-relative-links"),
    };
    Some(
        Diagnostic::warning("jury-grid-relative-links", "book.toml", message)
            .with_suggestion(Said::new("jury-grid-relative-links-help")),
    )
}

/// `min-coverage` and `min-block-coverage`.
pub fn coverage(file: &TechnicalFile) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let summary = file.matrix.summary(&file.referential);
    if let Some(min) = file.config.min_coverage
        && summary.ratio() + 1e-9 < min
    {
        found.push(
            Diagnostic::error(
                "coverage",
                "book.toml",
                Said::new("coverage")
                    .arg("covered", summary.covered)
                    .arg("total", summary.total)
                    .decimal("percent", summary.ratio() * 100.0, Some(0))
                    .decimal("min", min, None),
            )
            .with_suggestion(gap_hint(file)),
        );
    }
    for block in &summary.blocks {
        let min = file
            .config
            .min_block_coverage
            .get(&block.id)
            .or_else(|| file.config.min_block_coverage.get("*"));
        if let Some(&min) = min
            && block.ratio() + 1e-9 < min
        {
            found.push(Diagnostic::error(
                "coverage",
                "book.toml",
                Said::new("block-coverage")
                    .arg("block", &block.id)
                    .arg("covered", block.covered)
                    .arg("total", block.total)
                    .decimal("percent", block.ratio() * 100.0, Some(0))
                    .decimal("min", min, None),
            ));
        }
    }
    found
}

/// Names of the gaps, for a suggestion.
fn gap_hint(file: &TechnicalFile) -> Said {
    Said::new("coverage-help").arg("gaps", file.gap_ids().join(", "))
}

/// The page budget of the hand-written technical file.
pub fn page_budget(
    file: &TechnicalFile,
    chapters: &[ChapterSize],
    source_dir: &str,
) -> Option<Diagnostic> {
    let (min, max) = file.config.pages?;
    let pages = estimate_pages(file, chapters);
    let words: usize = chapters.iter().map(|c| c.words).sum();
    let side = if pages < min {
        "below"
    } else if pages > max {
        "above"
    } else {
        return None;
    };
    Some(
        Diagnostic::warning(
            "page-budget",
            source_dir,
            Said::new("page-budget")
                .decimal("pages", pages, Some(1))
                .arg("words", words)
                .arg("side", side)
                .decimal("min", min, None)
                .decimal("max", max, None),
        )
        .with_suggestion(
            Said::new("page-budget-help")
                .decimal("words", file.config.words_per_page, None)
                .decimal("lines", file.config.code_lines_per_page, None),
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_book_without_chapters_is_zero_pages_not_minus_zero() {
        let (file, _) = TechnicalFile::assemble(
            crate::config::Config::default(),
            crate::referential::Referential::embedded(),
            Vec::new(),
            Vec::new(),
        );
        let pages = estimate_pages(&file, &[]);
        assert_eq!(format!("{pages:.1}"), "0.0");
    }
}
