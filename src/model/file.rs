//! The technical file as a whole: the published reports in book order, the
//! coverage matrix, and the problems found once reports are put together.

use crate::config::{Config, Order};
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::model::coverage::CoverageMatrix;
use crate::model::ids::{ReportId, Texts};
use crate::model::report::Report;
use crate::referential::Referential;
use crate::text::index::IdVec;
use crate::text::source::SourceFile;
use std::collections::HashMap;

/// Everything needed to render the reports, the appendix and the checks.
#[derive(Debug, Clone)]
pub struct TechnicalFile {
    pub config: Config,
    pub referential: Referential,
    /// Published reports, in book order.
    pub reports: IdVec<ReportId, Report>,
    /// Each report's chapter path in the book, `reports/<stem>.md`.
    paths: IdVec<ReportId, String>,
    /// How many reports are drafts, left out.
    pub drafts: usize,
    pub matrix: CoverageMatrix,
    pub findings: Findings,
}

/// Problems found after parsing, by where they show.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// About the book rather than one report's text: configuration,
    /// referential, reports folder, duplicate names, drafts' errors,
    /// coverage thresholds, the page budget.
    pub book: Vec<Diagnostic>,
    /// About each report, after those found while parsing it: links,
    /// checks, spelling.
    pub reports: IdVec<ReportId, Vec<Diagnostic>>,
    /// Reports whose spelling is being checked in the background.
    pub spelling_pending: IdVec<ReportId, bool>,
}

impl TechnicalFile {
    /// Orders reports, drops drafts and duplicates, and builds the matrix.
    /// Returns the model and the published reports' texts.
    pub fn assemble(
        config: Config,
        referential: Referential,
        reports: Vec<(Report, SourceFile)>,
        mut book_diagnostics: Vec<Diagnostic>,
    ) -> (TechnicalFile, Texts) {
        let kept = without_duplicates(reports, &config, &mut book_diagnostics);
        // Drafts are left out; their errors are still worth knowing.
        let (drafts, mut published): (Vec<_>, Vec<_>) =
            kept.into_iter().partition(|(r, _)| r.is_draft());
        for (draft, _) in &drafts {
            book_diagnostics.extend(
                draft
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .cloned(),
            );
        }
        sort_in_book_order(&mut published, config.order);
        let (reports, texts): (IdVec<ReportId, Report>, Texts) = published.into_iter().unzip();
        let folder = config.reports.trim_end_matches('/').to_owned();
        let paths = reports
            .iter()
            .map(|r| format!("{folder}/{}.md", r.stem))
            .collect();
        let matrix = CoverageMatrix::build(&referential, &reports, &texts);
        let findings = Findings {
            book: book_diagnostics,
            reports: reports.iter().map(|_| Vec::new()).collect(),
            spelling_pending: reports.iter().map(|_| false).collect(),
        };
        let file = TechnicalFile {
            config,
            referential,
            reports,
            paths,
            drafts: drafts.len(),
            matrix,
            findings,
        };
        (file, texts)
    }

    /// The chapter path of a report in the book: `reports/<stem>.md`.
    pub fn report_path(&self, report: ReportId) -> &str {
        &self.paths[report]
    }

    /// The link to a report's page from the page `from` (both paths in the
    /// book): to the `.html` page, as links may be written as raw HTML.
    pub fn report_href(&self, report: ReportId, from: &str) -> String {
        crate::text::paths::html_page(&crate::text::paths::relative(
            from,
            self.report_path(report),
        ))
    }

    /// The folder of report pages in the book.
    pub fn reports_dir(&self) -> &str {
        self.config.reports.trim_end_matches('/')
    }

    /// A report's problems: those found while parsing it, then the others.
    pub fn report_diagnostics(&self, report: ReportId) -> impl Iterator<Item = &Diagnostic> {
        self.reports[report]
            .diagnostics
            .iter()
            .chain(&self.findings.reports[report])
    }

    /// The ids of the skills no report evidences, in referential order.
    pub fn gap_ids(&self) -> Vec<&str> {
        self.referential.skill_ids(&self.matrix.gaps())
    }

    /// Says every diagnostic in the book's language (English's are written
    /// in English already: nothing to do).
    pub fn localize_diagnostics(&mut self, others: &mut [Diagnostic]) {
        let words = self.config.words();
        if words.lang() == crate::lang::Lang::En {
            return;
        }
        let reports = self
            .reports
            .iter_mut()
            .flat_map(|r| r.diagnostics.iter_mut());
        let findings = self.findings.reports.iter_mut().flatten();
        for d in reports
            .chain(findings)
            .chain(self.findings.book.iter_mut())
            .chain(others.iter_mut())
        {
            d.localize(words);
        }
    }

    /// Every diagnostic: the book's, then each report's, sorted.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all = self.findings.book.clone();
        for report in self.reports.ids() {
            all.extend(self.report_diagnostics(report).cloned());
        }
        diagnostic::sort(&mut all);
        all
    }
}

/// Duplicate stems (case-folded) would give one page to two reports, or
/// clash on case-insensitive file systems: the first by name is kept.
fn without_duplicates(
    mut reports: Vec<(Report, SourceFile)>,
    config: &Config,
    book_diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(Report, SourceFile)> {
    reports.sort_by(|a, b| a.0.stem.cmp(&b.0.stem));
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut kept = Vec::with_capacity(reports.len());
    for (report, source) in reports {
        let folded = report.stem.to_lowercase();
        if let Some(first) = seen.get(&folded) {
            book_diagnostics.push(
                Diagnostic::error(
                    "duplicate-report",
                    report.path.as_str(),
                    format!(
                        "`{}` and `{first}` differ only by case; both would be the page `{}/{}.html`, so this one is left out",
                        report.path, config.reports, folded
                    ),
                )
                .with_suggestion("rename one of the two files"),
            );
            continue;
        }
        seen.insert(folded, report.path.clone());
        kept.push((report, source));
    }
    kept
}

/// By date (dated reports first, oldest first, then by file name) or by
/// file name.
fn sort_in_book_order(reports: &mut [(Report, SourceFile)], order: Order) {
    match order {
        Order::Date => reports.sort_by(|(a, _), (b, _)| {
            (a.date().is_none(), a.date(), &a.stem).cmp(&(b.date().is_none(), b.date(), &b.stem))
        }),
        Order::Name => reports.sort_by(|(a, _), (b, _)| a.stem.cmp(&b.stem)),
    }
}
