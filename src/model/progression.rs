//! How coverage grew over time: the reports in order of their validation
//! dates, and after each one the skills evidenced so far in every block.
//! Undated reports come last, kept apart so a chart can show them as such.

use crate::model::file::TechnicalFile;
use crate::model::ids::ReportId;
use crate::referential::{BlockId, SkillId};
use crate::syntax::frontmatter::Date;
use crate::text::index::IdVec;

/// One report's place in the progression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub report: ReportId,
    /// The validation date; `None` for an undated report (always after the
    /// dated ones).
    pub date: Option<Date>,
    /// The skills this report evidences first, in referential order.
    pub new_skills: Vec<SkillId>,
    /// Skills evidenced so far (this report included), per block, in
    /// referential order.
    pub covered: IdVec<BlockId, usize>,
}

/// The steps of the progression, dated reports first by date (then book
/// order), then undated ones in book order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progression {
    pub steps: Vec<Step>,
    /// Skills per block, in referential order.
    pub totals: IdVec<BlockId, usize>,
}

impl Step {
    /// Its date as the chart and its table write it.
    pub fn when(&self, words: &crate::lang::Catalogue) -> String {
        self.date
            .map_or_else(|| words.text("chart-undated"), |d| d.written(words))
    }
}

impl Progression {
    /// Linear in the number of claims (plus sorting the reports by date).
    pub fn build(file: &TechnicalFile) -> Progression {
        let referential = &file.referential;
        let mut order: Vec<ReportId> = file.reports.ids().collect();
        // Dated first (by date, stable on book order), undated last.
        order.sort_by_key(|&r| (file.reports[r].date().is_none(), file.reports[r].date()));
        let mut seen: IdVec<SkillId, bool> = referential.skills.ids().map(|_| false).collect();
        let mut covered: IdVec<BlockId, usize> = referential.blocks.ids().map(|_| 0).collect();
        let steps = order
            .into_iter()
            .map(|report| {
                let mut new_skills = Vec::new();
                for &skill in &file.matrix.report_skills[report] {
                    if !seen[skill] {
                        seen[skill] = true;
                        covered[referential.skills[skill].block] += 1;
                        new_skills.push(skill);
                    }
                }
                Step {
                    report,
                    date: file.reports[report].date(),
                    new_skills,
                    covered: covered.clone(),
                }
            })
            .collect();
        Progression {
            steps,
            totals: referential
                .blocks
                .iter()
                .map(|b| b.skills().len())
                .collect(),
        }
    }

    /// The dated steps, in date order.
    pub fn dated(&self) -> &[Step] {
        let end = self.steps.partition_point(|s| s.date.is_some());
        &self.steps[..end]
    }

    /// The undated steps, in book order.
    pub fn undated(&self) -> &[Step] {
        &self.steps[self.dated().len()..]
    }
}
