//! What `pdf` and `pdf --jury` report: the pages against the budget, the
//! links inside the PDF, one line for the end of the command.

use super::document::{self, is_a4};
use super::shown_path;
use crate::lang::Lang;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// What `pdf` produced.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfSummary {
    /// Where the PDF was written.
    pub pdf: PathBuf,
    /// Pages of the whole book.
    pub total_pages: usize,
    /// Pages of the hand-written chapters (everything but the reports and
    /// the appendix).
    pub technical_file_pages: usize,
    /// The `pages` budget of `book.toml`, if any.
    pub budget: Option<(f64, f64)>,
    /// The words-based estimate that `build` and `check` print.
    pub estimate: f64,
    /// Width and height of the first page, in points.
    pub page_size: Option<(f64, f64)>,
    /// The places links inside the PDF lead to (evidence, cross-references,
    /// the contents), each counted once however many links lead there.
    pub link_targets: usize,
    /// Those among them the PDF does not define: links that lead nowhere.
    pub unresolved_links: Vec<String>,
    /// The book's language, which the line speaks.
    pub lang: Lang,
    /// The bookmarks of the PDF's outline.
    pub bookmarks: usize,
    /// The real pages of each hand-written chapter, in the book's order.
    pub chapters: Vec<ChapterPages>,
}

/// A hand-written chapter as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChapterPages {
    /// Its first heading.
    pub title: String,
    /// From its first page to the next chapter's; `None` when the PDF has
    /// no destination for its heading.
    pub pages: Option<usize>,
}

/// Where the technical-file part stands against the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// No page budget is set.
    Unset,
    Below,
    Within,
    Above,
}

impl PdfSummary {
    pub fn budget_status(&self) -> Budget {
        match self.budget {
            None => Budget::Unset,
            Some((min, _)) if (self.technical_file_pages as f64) < min => Budget::Below,
            Some((_, max)) if (self.technical_file_pages as f64) > max => Budget::Above,
            Some(_) => Budget::Within,
        }
    }

    /// One line for the end of the command, like the build's summary line:
    /// `technical-file: target/technical-file.pdf: technical file 13 pages
    /// (above the 8–10 pages asked for; estimate ~9.8), 53 pages in total`.
    pub fn line(&self) -> String {
        let words = self.lang.catalogue();
        let separator = words.text("clause-separator");
        let side = match self.budget_status() {
            Budget::Below => "below",
            Budget::Above => "above",
            Budget::Within => "within",
            Budget::Unset => "unset",
        };
        let (min, max) = self.budget.unwrap_or_default();
        let shown = shown_path(&self.pdf);
        let mut line = words.format(
            "pdf-summary",
            &[
                ("pdf", shown.display().to_string().into()),
                ("pages", self.technical_file_pages.into()),
                ("side", side.into()),
                ("min", words.number(&min.to_string()).into()),
                ("max", words.number(&max.to_string()).into()),
                ("estimate", words.decimal(self.estimate, 1).into()),
                ("total", self.total_pages.into()),
            ],
        );
        line.push_str(&separator);
        if self.unresolved_links.is_empty() {
            line.push_str(
                &words.format("pdf-links-found", &[("places", self.link_targets.into())]),
            );
        } else {
            let shown: Vec<&str> = self
                .unresolved_links
                .iter()
                .take(5)
                .map(String::as_str)
                .collect();
            line.push_str(&words.format(
                "pdf-links-nowhere",
                &[
                    ("broken", self.unresolved_links.len().into()),
                    ("places", self.link_targets.into()),
                    ("anchors", format!("#{}", shown.join(", #")).into()),
                ],
            ));
        }
        if self.bookmarks == 0 {
            line.push_str(&separator);
            line.push_str(&words.text("pdf-no-outline"));
        }
        if let Some((w, h)) = self.page_size.filter(|&size| !is_a4(size)) {
            line.push_str(&separator);
            line.push_str(&words.format(
                "pdf-not-a4",
                &[
                    ("width", format!("{w:.0}").into()),
                    ("height", format!("{h:.0}").into()),
                ],
            ));
        }
        format!("technical-file: {line}")
    }

    /// One line per hand-written chapter with its real pages, to follow
    /// the summary line: where the technical file's pages go.
    pub fn chapter_lines(&self) -> Vec<String> {
        let words = self.lang.catalogue();
        self.chapters
            .iter()
            .map(|chapter| match chapter.pages {
                // Indented under the summary line (Fluent trims a value's
                // leading spaces).
                Some(pages) => words.format(
                    "pdf-chapter",
                    &[
                        ("title", chapter.title.as_str().into()),
                        ("pages", pages.into()),
                    ],
                ),
                None => words.format(
                    "pdf-chapter-unknown",
                    &[("title", chapter.title.as_str().into())],
                ),
            })
            .map(|line| format!("  {line}"))
            .collect()
    }
}

/// What `pdf --jury` produced.
#[derive(Debug, Clone, PartialEq)]
pub struct JuryGridSummary {
    pub pdf: PathBuf,
    pub pages: usize,
    /// Where the grid's evidence links lead.
    pub links: document::Links,
    /// The published book's address, when `site-url` gives it.
    pub published_url: Option<String>,
    /// The book's language, which the line speaks.
    pub lang: Lang,
}

impl JuryGridSummary {
    /// `technical-file: target/jury-grid.pdf: jury grid, 4 pages, 31 links
    /// to the evidence at https://…/`.
    pub fn line(&self) -> String {
        let shown = shown_path(&self.pdf);
        // The introduction's link to the book itself is not evidence; a
        // link over two lines is two areas of the PDF, to one place.
        let sections: BTreeSet<&str> = self
            .links
            .uris()
            .filter(|u| Some(*u) != self.published_url.as_deref())
            .collect();
        let words = self.lang.catalogue();
        let where_to = match &self.published_url {
            Some(url) if !sections.is_empty() => words.format(
                "pdf-jury-links",
                &[
                    ("sections", sections.len().into()),
                    ("url", url.as_str().into()),
                ],
            ),
            _ => words.text("pdf-jury-links-local"),
        };
        let grid = words.format(
            "pdf-jury",
            &[
                ("pdf", shown.display().to_string().into()),
                ("pages", self.pages.into()),
            ],
        );
        format!("technical-file: {grid}, {where_to}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_line_compares_real_pages_with_the_budget() {
        let mut summary = PdfSummary {
            pdf: PathBuf::from("target/technical-file.pdf"),
            total_pages: 53,
            technical_file_pages: 13,
            budget: Some((8.0, 10.0)),
            estimate: 9.84,
            page_size: Some((594.96, 841.92)),
            link_targets: 211,
            unresolved_links: Vec::new(),
            lang: Lang::En,
            bookmarks: 120,
            chapters: vec![
                ChapterPages {
                    title: "Introduction".into(),
                    pages: Some(1),
                },
                ChapterPages {
                    title: "Block 1 & more".into(),
                    pages: Some(3),
                },
                ChapterPages {
                    title: "Conclusion".into(),
                    pages: None,
                },
            ],
        };
        assert_eq!(
            summary.chapter_lines(),
            [
                "  Introduction: 1 page",
                "  Block 1 & more: 3 pages",
                "  Conclusion: its first page is not in the PDF"
            ]
        );
        assert_eq!(summary.budget_status(), Budget::Above);
        assert_eq!(
            summary.line(),
            "technical-file: target/technical-file.pdf: technical file 13 pages (above the 8–10 pages asked for; estimate ~9.8), 53 pages in total; links to 211 places inside it, all found"
        );
        summary.unresolved_links = vec!["a".into(), "b".into()];
        assert!(
            summary
                .line()
                .ends_with("; warning: links to 2 of its 211 places lead nowhere (#a, #b)"),
            "{}",
            summary.line()
        );
        summary.unresolved_links.clear();
        summary.technical_file_pages = 9;
        assert_eq!(summary.budget_status(), Budget::Within);
        summary.technical_file_pages = 1;
        summary.budget = Some((1.0, 1.0));
        assert_eq!(summary.budget_status(), Budget::Within);
        assert!(summary.line().contains("technical file 1 page ("));
        summary.budget = None;
        summary.page_size = Some((612.0, 792.0));
        let line = summary.line();
        assert!(
            line.contains("no page budget") && line.contains("not A4"),
            "{line}"
        );
    }
}
