//! A skill's evidence as links, from any page of the book.

use crate::model::file::TechnicalFile;
use crate::model::ids::Texts;
use crate::referential::SkillId;

/// One line of evidence for a skill, as seen from the page `from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceLink {
    /// "Report title › Section".
    pub label: String,
    pub href: String,
    pub date: Option<String>,
    /// A claim of the report as a whole, not of one of its sections.
    pub whole_report: bool,
    /// A few words around the claim, when asked for and there are some.
    pub excerpt: Option<String>,
}

/// The evidence of a skill as links from the page `from` (to the `.html`
/// pages, as the links may be written as raw HTML), with excerpts read
/// from the reports' texts when they are given.
pub fn links(
    file: &TechnicalFile,
    skill: SkillId,
    from: &str,
    excerpts: Option<&Texts>,
) -> Vec<EvidenceLink> {
    file.matrix.evidence[skill]
        .iter()
        .map(|evidence| {
            let report = &file.reports[evidence.report];
            let page = file.report_href(evidence.report, from);
            let (label, href) = match evidence.heading {
                Some(h) => (
                    format!("{} › {}", report.title, report.heading_label(h)),
                    format!("{page}#{}", report.anchors[h]),
                ),
                None => (report.title.clone(), page),
            };
            let excerpt = excerpts.and_then(|texts| {
                let claim = &report.claims[evidence.claim];
                report.excerpt(&texts[evidence.report].text, claim, file.config.flavor)
            });
            EvidenceLink {
                label,
                href,
                date: report.date().map(|d| d.written(file.config.words())),
                whole_report: evidence.heading.is_none(),
                excerpt,
            }
        })
        .collect()
}
