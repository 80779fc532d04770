//! What `pdf` and `pdf --jury` report: the pages against the budget, the
//! links inside the PDF, one line for the end of the command.

use super::document::{self, is_a4};
use super::shown_path;
use crate::text::counted;
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
        let verdict = match (self.budget_status(), self.budget) {
            (Budget::Below, Some((min, max))) => format!("below the {min}–{max} pages asked for"),
            (Budget::Above, Some((min, max))) => format!("above the {min}–{max} pages asked for"),
            (Budget::Within, Some((min, max))) => format!("within the {min}–{max} pages asked for"),
            _ => "no page budget".to_owned(),
        };
        let shown = shown_path(&self.pdf);
        let mut line = format!(
            "technical-file: {}: technical file {} ({verdict}; estimate ~{:.1}), {} in total",
            shown.display(),
            counted(self.technical_file_pages, "page"),
            self.estimate,
            counted(self.total_pages, "page"),
        );
        if self.unresolved_links.is_empty() {
            line.push_str(&format!(
                "; links to {} inside it, all found",
                counted(self.link_targets, "place")
            ));
        } else {
            let shown: Vec<&str> = self
                .unresolved_links
                .iter()
                .take(5)
                .map(String::as_str)
                .collect();
            line.push_str(&format!(
                "; warning: links to {} of its {} lead nowhere (#{})",
                self.unresolved_links.len(),
                counted(self.link_targets, "place"),
                shown.join(", #")
            ));
        }
        if let Some((w, h)) = self.page_size.filter(|&size| !is_a4(size)) {
            line.push_str(&format!(
                "; warning: pages are {w:.0} × {h:.0} pt, not A4 (595 × 842 pt)"
            ));
        }
        line
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
        let where_to = match &self.published_url {
            Some(url) if !sections.is_empty() => format!(
                "links to {} of the reports at {url}",
                counted(sections.len(), "section")
            ),
            _ => "links to the evidence in the built book only (set `site-url` under `[output.html]` to the published address for links that work from paper)".to_owned(),
        };
        format!(
            "technical-file: {}: jury grid, {}, {where_to}",
            shown.display(),
            counted(self.pages, "page")
        )
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
        };
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
