//! The traceability matrix: for each skill, the report sections that
//! evidence it; and what follows from it (gaps, block figures, related
//! reports).

use crate::model::ids::{ReportId, Texts};
use crate::model::report::{ClaimId, Report};
use crate::referential::{Referential, SkillId};
use crate::syntax::markdown::HeadingId;
use crate::text::index::IdVec;
use std::collections::BTreeMap;

/// One piece of evidence: a section of a report (or the whole report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    pub report: ReportId,
    /// The evidencing section's heading, `None` for the whole report.
    pub heading: Option<HeadingId>,
    /// Line of the claim in the report file.
    pub line: usize,
    /// Byte offset of the claim in the report file.
    pub offset: usize,
    pub claim: ClaimId,
}

/// Skills × reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageMatrix {
    /// Per skill, evidence in book order, then by line.
    pub evidence: IdVec<SkillId, Vec<Evidence>>,
    /// Per report, the skills it evidences, in referential order.
    pub report_skills: IdVec<ReportId, Vec<SkillId>>,
    /// Per skill, the distinct reports evidencing it, in book order.
    skill_reports: IdVec<SkillId, Vec<ReportId>>,
}

/// Covered and total skills of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockCoverage {
    pub id: String,
    pub covered: usize,
    pub total: usize,
}

/// The headline figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub covered: usize,
    pub total: usize,
    pub blocks: Vec<BlockCoverage>,
}

impl Summary {
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.covered as f64 / self.total as f64
        }
    }
}

impl BlockCoverage {
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.covered as f64 / self.total as f64
        }
    }
}

/// How many neighbours, on each side in book order, are looked at per
/// shared skill when finding related reports. Keeps the search linear.
const RELATED_WINDOW: usize = 4;

impl CoverageMatrix {
    /// Builds the matrix from reports in book order. Linear in the number
    /// of claims.
    pub fn build(
        referential: &Referential,
        reports: &IdVec<ReportId, Report>,
        texts: &Texts,
    ) -> CoverageMatrix {
        let mut evidence: IdVec<SkillId, Vec<Evidence>> =
            referential.skills.iter().map(|_| Vec::new()).collect();
        let mut report_skills: IdVec<ReportId, Vec<SkillId>> = IdVec::new();
        for (index, report) in reports.iter_enumerated() {
            let mut skills: Vec<SkillId> = Vec::new();
            crate::work::add(crate::work::Step::MatrixClaim, report.claims.len() as u64);
            for (claim_index, claim) in report.claims.iter_enumerated() {
                evidence[claim.skill].push(Evidence {
                    claim: claim_index,
                    report: index,
                    heading: claim.heading,
                    line: texts[index].position(claim.span.start).line,
                    offset: claim.span.start,
                });
                skills.push(claim.skill);
            }
            skills.sort_unstable();
            skills.dedup();
            report_skills.push(skills);
        }
        for list in evidence.iter_mut() {
            list.sort();
        }
        let skill_reports = evidence
            .iter()
            .map(|list| {
                let mut reports: Vec<ReportId> = list.iter().map(|e| e.report).collect();
                reports.dedup();
                reports
            })
            .collect();
        CoverageMatrix {
            evidence,
            report_skills,
            skill_reports,
        }
    }

    pub fn is_covered(&self, skill: SkillId) -> bool {
        !self.evidence[skill].is_empty()
    }

    /// Skills without evidence, in referential order.
    pub fn gaps(&self) -> Vec<SkillId> {
        self.evidence
            .ids()
            .filter(|&s| !self.is_covered(s))
            .collect()
    }

    /// The distinct reports evidencing a skill, in book order.
    pub fn reports_of(&self, skill: SkillId) -> &[ReportId] {
        &self.skill_reports[skill]
    }

    /// Evidence of one skill in one report.
    pub fn cell(&self, skill: SkillId, report: ReportId) -> &[Evidence] {
        crate::work::add(crate::work::Step::MatrixCell, 1);
        let list = &self.evidence[skill];
        let start = list.partition_point(|e| e.report < report);
        let end = list.partition_point(|e| e.report <= report);
        &list[start..end]
    }

    pub fn summary(&self, referential: &Referential) -> Summary {
        let blocks: Vec<BlockCoverage> = referential
            .blocks
            .iter()
            .map(|block| BlockCoverage {
                id: block.id.clone(),
                covered: block.skills().filter(|&s| self.is_covered(s)).count(),
                total: block.skills().len(),
            })
            .collect();
        Summary {
            covered: blocks.iter().map(|b| b.covered).sum(),
            total: blocks.iter().map(|b| b.total).sum(),
            blocks,
        }
    }

    /// Up to `limit` reports sharing skills with `report`, most shared
    /// skills first, then book order; each with the shared skills.
    ///
    /// Candidates are the nearest reports (in book order) evidencing each
    /// of the report's skills, so a book of thousands of reports costs a
    /// bounded amount per report.
    pub fn related(&self, report: ReportId, limit: usize) -> Vec<(ReportId, Vec<SkillId>)> {
        let mut shared: BTreeMap<ReportId, Vec<SkillId>> = BTreeMap::new();
        for &skill in &self.report_skills[report] {
            let reports = self.reports_of(skill);
            let at = reports.partition_point(|&r| r < report);
            let from = at.saturating_sub(RELATED_WINDOW);
            let to = (at + 1 + RELATED_WINDOW).min(reports.len());
            crate::work::add(crate::work::Step::RelatedCandidate, (to - from) as u64);
            for &other in &reports[from..to] {
                if other != report {
                    shared.entry(other).or_default().push(skill);
                }
            }
        }
        let mut related: Vec<(ReportId, Vec<SkillId>)> = shared.into_iter().collect();
        related.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        related.truncate(limit);
        related
    }
}
