//! The technical file as a whole: the published reports in book order, the
//! coverage matrix, and the problems that only show across reports.

use crate::config::{Config, Order};
use crate::coverage::CoverageMatrix;
use crate::diagnostic::Diagnostic;
use crate::paths;
use crate::referential::Referential;
use crate::report::Report;
use std::collections::{HashMap, HashSet};

/// Everything needed to render the reports, the appendix and the checks.
#[derive(Debug, Clone)]
pub struct TechnicalFile {
    pub config: Config,
    pub referential: Referential,
    /// Published reports, in book order.
    pub reports: Vec<Report>,
    /// Each report's chapter path in the book, `reports/<stem>.md`.
    paths: Vec<String>,
    /// How many reports are drafts, left out.
    pub drafts: usize,
    pub matrix: CoverageMatrix,
    /// Problems that concern the book rather than one report's text
    /// (configuration, referential, reports folder, duplicate names).
    pub book_diagnostics: Vec<Diagnostic>,
}

impl TechnicalFile {
    /// Orders reports, drops drafts and duplicates, and builds the matrix.
    ///
    /// `chapters` are the paths of the book's own chapters (relative to the
    /// book's source folder), so links from reports to them are known good.
    pub fn assemble(
        config: Config,
        referential: Referential,
        reports: Vec<Report>,
        chapters: &HashSet<String>,
        mut book_diagnostics: Vec<Diagnostic>,
    ) -> TechnicalFile {
        let mut reports = reports;
        // Duplicate stems (case-folded) would give one page to two reports,
        // or clash on case-insensitive file systems: keep the first by name.
        reports.sort_by(|a, b| a.stem.cmp(&b.stem));
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut kept = Vec::with_capacity(reports.len());
        for report in reports {
            let folded = report.stem.to_lowercase();
            if let Some(first) = seen.get(&folded) {
                book_diagnostics.push(
                    Diagnostic::error(
                        "duplicate-report",
                        report.source.path.as_str(),
                        format!(
                            "`{}` and `{first}` differ only by case; both would be the page `{}/{}.html`, so this one is left out",
                            report.source.path, config.reports, folded
                        ),
                    )
                    .with_suggestion("rename one of the two files"),
                );
                continue;
            }
            seen.insert(folded, report.source.path.clone());
            kept.push(report);
        }
        // Drafts are left out; their errors are still worth knowing.
        let (draft_reports, mut reports): (Vec<Report>, Vec<Report>) =
            kept.into_iter().partition(Report::is_draft);
        let drafts = draft_reports.len();
        for draft in draft_reports {
            book_diagnostics.extend(
                draft
                    .diagnostics
                    .into_iter()
                    .filter(|d| d.severity == crate::diagnostic::Severity::Error),
            );
        }
        match config.order {
            Order::Date => reports.sort_by(|a, b| {
                // Dated reports first, oldest first; then by file name.
                (a.date().is_none(), a.date(), &a.stem).cmp(&(
                    b.date().is_none(),
                    b.date(),
                    &b.stem,
                ))
            }),
            Order::Name => reports.sort_by(|a, b| a.stem.cmp(&b.stem)),
        }
        let folder = config.reports.trim_end_matches('/').to_owned();
        let paths = reports
            .iter()
            .map(|r| format!("{folder}/{}.md", r.stem))
            .collect();
        let matrix = CoverageMatrix::build(&referential, &reports);
        let mut file = TechnicalFile {
            config,
            referential,
            reports,
            paths,
            drafts,
            matrix,
            book_diagnostics,
        };
        file.check_links(chapters);
        file
    }

    /// The chapter path of a report in the book: `reports/<stem>.md`.
    pub fn report_path(&self, report: usize) -> &str {
        &self.paths[report]
    }

    /// The folder of report pages in the book.
    pub fn reports_dir(&self) -> &str {
        self.config.reports.trim_end_matches('/')
    }

    /// Reports links between reports (and to chapters) that do not land:
    /// a missing file, a draft, or a missing heading id.
    fn check_links(&mut self, chapters: &HashSet<String>) {
        let by_path: HashMap<String, usize> = (0..self.reports.len())
            .map(|i| (self.report_path(i).to_owned(), i))
            .collect();
        let reports_dir = self.reports_dir().to_owned();
        let appendix = self.config.appendix.clone();
        let mut found = Vec::new();
        for (index, report) in self.reports.iter().enumerate() {
            let own_anchors: HashSet<&str> = report.anchors.iter().map(String::as_str).collect();
            crate::work::add(crate::work::Step::LinkCheck, report.scan.links.len() as u64);
            for link in report.scan.links.iter().filter(|l| !l.is_image) {
                let Some(target) = paths::local_target(&link.dest) else {
                    continue;
                };
                let span = link.dest_range.clone().unwrap_or(link.range.clone());
                if target.path.is_empty() {
                    if let Some(anchor) = &target.anchor
                        && !own_anchors.contains(anchor.as_str())
                        && !report_box_anchor(anchor)
                    {
                        found.push((index, broken_anchor(report, span, anchor, &report.anchors)));
                    }
                    continue;
                }
                if !target.path.ends_with(".md") {
                    continue;
                }
                let resolved = paths::join(&reports_dir, &target.path);
                match by_path.get(&resolved) {
                    Some(&other) => {
                        if let Some(anchor) = &target.anchor {
                            let anchors = &self.reports[other].anchors;
                            if !anchors.iter().any(|a| a == anchor) {
                                found.push((index, broken_anchor(report, span, anchor, anchors)));
                            }
                        }
                    }
                    None if chapters.contains(&resolved) || resolved == appendix => {}
                    None => {
                        let mut d = report.source.warning(
                            "broken-link",
                            span,
                            format!("link to `{}`, which is not a page of the book", target.path),
                        );
                        let stems = by_path.keys().map(String::as_str);
                        if let Some(near) = crate::diagnostic::nearest(&resolved, stems) {
                            d = d.with_suggestion(format!(
                                "did you mean `{}`?",
                                paths::relative(self.report_path(index), near)
                            ));
                        }
                        found.push((index, d));
                    }
                }
            }
        }
        for (index, d) in found {
            self.reports[index].diagnostics.push(d);
        }
    }

    /// Every diagnostic: the book's, then each report's, sorted.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all = self.book_diagnostics.clone();
        for report in &self.reports {
            all.extend(report.diagnostics.iter().cloned());
        }
        crate::diagnostic::sort(&mut all);
        all
    }
}

/// Anchors the tool itself adds to report pages.
fn report_box_anchor(anchor: &str) -> bool {
    anchor.starts_with("tf-")
}

fn broken_anchor(
    report: &Report,
    span: std::ops::Range<usize>,
    anchor: &str,
    anchors: &[String],
) -> Diagnostic {
    let mut d = report.source.warning(
        "broken-link",
        span,
        format!("link to the heading `#{anchor}`, which does not exist"),
    );
    if let Some(near) = crate::diagnostic::nearest(anchor, anchors.iter().map(String::as_str)) {
        d = d.with_suggestion(format!("did you mean `#{near}`?"));
    }
    d
}
