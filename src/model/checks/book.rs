//! Checks of the book as a whole: coverage thresholds and the page budget
//! of the hand-written chapters.

use crate::diagnostic::{Diagnostic, Said, SaidArg};
use crate::model::file::TechnicalFile;

/// A hand-written chapter's size, for the page estimate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChapterSize {
    pub path: String,
    pub words: usize,
    pub code_lines: usize,
}

/// The page estimate of the hand-written chapters, chapter by chapter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageEstimate {
    /// In the book's order.
    pub chapters: Vec<ChapterPages>,
    /// The whole pages they take printed.
    pub total: f64,
}

/// A hand-written chapter's words and pages.
#[derive(Debug, Clone, PartialEq)]
pub struct ChapterPages {
    pub path: String,
    pub words: usize,
    pub code_lines: usize,
    /// The pages its text fills.
    pub pages: f64,
    /// The whole pages it takes printed: mdBook's print page starts every
    /// chapter on a new page, so a chapter of a page and a half takes two.
    pub printed: f64,
}

/// Estimated A4 pages of the hand-written chapters: on the example book
/// the total matches the real count of `pdf`.
pub fn estimate_pages(file: &TechnicalFile, chapters: &[ChapterSize]) -> PageEstimate {
    let chapters: Vec<ChapterPages> = chapters
        .iter()
        .map(|c| {
            let pages = c.words as f64 / file.config.words_per_page
                + c.code_lines as f64 / file.config.code_lines_per_page;
            ChapterPages {
                path: c.path.clone(),
                words: c.words,
                code_lines: c.code_lines,
                pages,
                // The estimate is not precise to a line: a chapter a few
                // words over a page boundary counts as fitting.
                printed: (pages - 0.02).ceil().max(1.0),
            }
        })
        .collect();
    // Not `sum()`: it starts at -0.0, shown as "~-0.0 pages".
    let total = chapters.iter().fold(0.0, |total, c| total + c.printed);
    PageEstimate { chapters, total }
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
    let estimate = estimate_pages(file, chapters);
    let pages = estimate.total;
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
                .decimal("lines", file.config.code_lines_per_page, None)
                .arg("chapters", by_chapter(&estimate)),
        ),
    )
}

/// Where the pages go: each chapter's estimate, the largest first.
fn by_chapter(estimate: &PageEstimate) -> SaidArg {
    let mut chapters: Vec<&ChapterPages> = estimate.chapters.iter().collect();
    chapters.sort_by(|a, b| {
        b.pages
            .total_cmp(&a.pages)
            .then_with(|| a.path.cmp(&b.path))
    });
    SaidArg::List(
        chapters
            .into_iter()
            .map(|c| {
                Said::new("page-budget-chapter")
                    .arg("path", &c.path)
                    .decimal("pages", c.pages, Some(1))
                    .arg("printed", c.printed as usize)
                    .arg("words", c.words)
            })
            .collect(),
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
        let pages = estimate_pages(&file, &[]).total;
        assert_eq!(format!("{pages:.1}"), "0.0");
    }

    #[test]
    fn over_budget_the_warning_says_which_chapters_hold_the_pages() {
        let (file, _) = TechnicalFile::assemble(
            crate::config::Config::default(),
            crate::referential::Referential::embedded(),
            Vec::new(),
            Vec::new(),
        );
        let size = |path: &str, words| ChapterSize {
            path: path.into(),
            words,
            code_lines: 0,
        };
        let chapters = [
            size("introduction.md", 300),
            size("block-1.md", 1400),
            size("block-2.md", 2100),
            size("conclusion.md", 700),
        ];
        let estimate = estimate_pages(&file, &chapters);
        assert_eq!(estimate.total, 1.0 + 4.0 + 6.0 + 2.0);
        assert_eq!(estimate.chapters[1].pages, 4.0);
        let mut warning = page_budget(&file, &chapters, "book").unwrap();
        let help = |d: &Diagnostic| d.suggestion.clone().unwrap_or_default();
        assert!(
            help(&warning).ends_with(
                "By chapter: block-2.md ~6.0 (2100 words, 6 pages printed); block-1.md ~4.0 (1400 words, 4 pages printed); conclusion.md ~2.0 (700 words, 2 pages printed); introduction.md ~0.9 (300 words, 1 page printed)"
            ),
            "{}",
            help(&warning)
        );
        warning.localize(crate::lang::Lang::Fr.catalogue());
        assert!(
            help(&warning).contains("Par chapitre\u{a0}: block-2.md ~6,0 (2100 mots, 6 pages imprimées)\u{202f}; block-1.md"),
            "{}",
            help(&warning)
        );
        // Within the budget, nothing is said.
        assert!(page_budget(&file, &[size("file.md", 3000)], "book").is_none());
    }
}
