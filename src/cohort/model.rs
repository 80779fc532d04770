//! The cohort as figures: every student's skills (or why their data cannot
//! be used), the share of the cohort that evidences each skill and block,
//! who needs attention and why, and how the cohort's coverage grew month
//! by month. Pure: the date of today is given.

use crate::cohort::data::{Document, Problem};
use crate::cohort::file::Thresholds;
use crate::lang::{Catalogue, Lang};
use crate::referential::{BlockId, Referential, SkillId};
use crate::syntax::frontmatter::Date;
use crate::text::index::IdVec;

/// A student of the cohort file, with their data or why there is none.
#[derive(Debug, Clone)]
pub struct Student {
    /// As the cohort file names them.
    pub name: String,
    /// The address or path their data came from, as the cohort file says.
    pub source: String,
    pub data: Result<Loaded, Problem>,
}

/// A student's data and the figures made from it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub document: Document,
    /// The published book's address (`https://…/`) links lead to; `None`
    /// when it is not known, and nothing links.
    pub base: Option<String>,
    /// Reports per skill, in referential order.
    pub reports: IdVec<SkillId, usize>,
    pub covered: usize,
    pub gaps: Vec<SkillId>,
    pub last_report: Option<Date>,
}

impl Loaded {
    /// `document`'s skills are the referential's, in its order (checked by
    /// `data::read`); `site` is where it was fetched from, if it was.
    pub fn new(document: Document, site: Option<String>) -> Loaded {
        let reports: IdVec<SkillId, usize> = document.skills.iter().map(|s| s.reports).collect();
        let gaps: Vec<SkillId> = reports.ids().filter(|&s| reports[s] == 0).collect();
        let base = site
            .or_else(|| document.site.clone())
            .filter(|s| crate::cohort::file::followed(s))
            .map(|s| format!("{}/", s.trim_end_matches('/')));
        Loaded {
            covered: reports.len() - gaps.len(),
            last_report: document.reports.iter().filter_map(|r| r.date()).max(),
            document,
            base,
            reports,
            gaps,
        }
    }

    /// A link into the student's book, from a page path relative to it.
    pub fn link(&self, page: &str, anchor: Option<&str>) -> Option<String> {
        let base = self.base.as_deref()?;
        let page = page.trim_start_matches('/');
        Some(match anchor {
            Some(anchor) => format!("{base}{page}#{anchor}"),
            None => format!("{base}{page}"),
        })
    }

    /// The link to a skill's entry in the book's appendix.
    pub fn skill_link(&self, skill: SkillId) -> Option<String> {
        let entry = &self.document.skills[skill.index()];
        self.link(&self.document.links.appendix, Some(&entry.anchor))
    }

    pub fn group_reports(&self) -> usize {
        self.document
            .reports
            .iter()
            .filter(|r| r.kind == "group")
            .count()
    }
}

/// One month of the cohort's progression.
#[derive(Debug, Clone, PartialEq)]
pub struct Month {
    /// Its first day.
    pub start: Date,
    /// Skills evidenced per student by the month's end, on average, per block.
    pub mean: IdVec<BlockId, f64>,
}

/// The whole dashboard's figures.
#[derive(Debug, Clone)]
pub struct Cohort {
    pub name: String,
    /// The dashboard's language (`language` in the cohort file).
    pub lang: Lang,
    pub today: Date,
    pub referential: Referential,
    pub thresholds: Thresholds,
    /// In the cohort file's order.
    pub students: Vec<Student>,
    /// How many students (with data) evidence each skill.
    pub skill_students: IdVec<SkillId, usize>,
    /// Per block, the share of (student, skill) pairs evidenced.
    pub block_share: IdVec<BlockId, f64>,
    pub progression: Vec<Month>,
}

/// The longest progression shown, in months (a typo in a year would
/// otherwise make thousands).
pub const MAX_MONTHS: usize = 48;

impl Cohort {
    pub fn build(
        name: String,
        lang: Lang,
        today: Date,
        referential: Referential,
        thresholds: Thresholds,
        students: Vec<Student>,
    ) -> Cohort {
        let mut skill_students: IdVec<SkillId, usize> =
            referential.skills.iter().map(|_| 0).collect();
        let mut block_covered: IdVec<BlockId, usize> =
            referential.blocks.iter().map(|_| 0).collect();
        for loaded in students.iter().filter_map(|s| s.data.as_ref().ok()) {
            for skill in referential.skills.ids() {
                if loaded.reports[skill] > 0 {
                    skill_students[skill] += 1;
                    block_covered[referential.skills[skill].block] += 1;
                }
            }
        }
        let with_data = students.iter().filter(|s| s.data.is_ok()).count();
        let block_share = referential
            .blocks
            .iter_enumerated()
            .map(|(id, block)| share(block_covered[id], with_data * block.skills().len()))
            .collect();
        let progression = progression(&referential, &students, today);
        Cohort {
            name,
            lang,
            today,
            referential,
            thresholds,
            students,
            skill_students,
            block_share,
            progression,
        }
    }

    pub fn with_data(&self) -> usize {
        self.students.iter().filter(|s| s.data.is_ok()).count()
    }

    /// The share of the students with data who evidence a skill.
    pub fn skill_share(&self, skill: SkillId) -> f64 {
        share(self.skill_students[skill], self.with_data())
    }

    /// The catalogue of the dashboard's language.
    pub fn words(&self) -> &'static Catalogue {
        self.lang.catalogue()
    }

    /// Why a student needs attention (empty when they do not).
    pub fn attention(&self, student: &Student) -> Vec<String> {
        let words = self.words();
        let loaded = match &student.data {
            Ok(loaded) => loaded,
            Err(problem) => {
                return vec![words.format(
                    "cohort-reason-data",
                    &[("reason", problem.reason(words).into())],
                )];
            }
        };
        let rules = &self.thresholds;
        let total = self.referential.skills.len();
        let mut reasons = Vec::new();
        if let Some(min) = rules.min_skills {
            let due = rules.by.is_none_or(|by| self.today >= by);
            if due && loaded.covered < min {
                let by = rules
                    .by
                    .map_or_else(|| "none".to_owned(), |d| d.written(words));
                reasons.push(words.format(
                    "cohort-reason-skills",
                    &[
                        ("covered", loaded.covered.into()),
                        ("total", total.into()),
                        ("min", min.into()),
                        ("by", by.into()),
                    ],
                ));
            }
        }
        if let Some(days) = rules.max_days_without_report {
            match loaded.last_report {
                None => reasons.push(words.text("cohort-reason-undated")),
                Some(last) if self.today.days() - last.days() > days => reasons.push(words.format(
                    "cohort-reason-silent",
                    &[
                        ("days", ((self.today.days() - last.days()) as usize).into()),
                        ("last", last.written(words).into()),
                    ],
                )),
                Some(_) => {}
            }
        }
        if let Some((min, max)) = rules.pages {
            let pages = loaded.document.page_estimate;
            if pages < min || pages > max {
                reasons.push(words.format(
                    "cohort-reason-pages",
                    &[
                        ("pages", words.decimal(pages, 1).into()),
                        ("min", words.number(&number(min)).into()),
                        ("max", words.number(&number(max)).into()),
                    ],
                ));
            }
        }
        let errors = loaded.document.checks.errors;
        if errors > 0 {
            reasons.push(words.format("cohort-reason-errors", &[("errors", errors.into())]));
        }
        reasons
    }
}

/// A page count as people write it: `8`, `8.5`.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value:.1}")
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Month by month up to today's, from the first dated report (at most
/// [`MAX_MONTHS`]): the skills evidenced by each block's reports dated up
/// to the month's end, averaged over the students with data. Linear in
/// the students' reports and skills.
fn progression(referential: &Referential, students: &[Student], today: Date) -> Vec<Month> {
    let loaded: Vec<&Loaded> = students
        .iter()
        .filter_map(|s| s.data.as_ref().ok())
        .collect();
    let month_index = |d: Date| i64::from(d.year) * 12 + i64::from(d.month) - 1;
    let end = month_index(today);
    let Some(first) = loaded
        .iter()
        .flat_map(|l| l.document.reports.iter().filter_map(|r| r.date()))
        .filter(|d| *d <= today)
        .min()
    else {
        return Vec::new();
    };
    let start = month_index(first).max(end - MAX_MONTHS as i64 + 1);
    let months = (end - start + 1) as usize;
    // New skills per month and block, then running sums.
    let mut gained: Vec<IdVec<BlockId, usize>> = (0..months)
        .map(|_| referential.blocks.iter().map(|_| 0).collect())
        .collect();
    for student in &loaded {
        let mut first_month: IdVec<SkillId, Option<i64>> =
            referential.skills.iter().map(|_| None).collect();
        for report in &student.document.reports {
            let Some(date) = report.date().filter(|d| *d <= today) else {
                continue;
            };
            let month = month_index(date).max(start);
            for id in &report.skills {
                if let Some(skill) = referential.skills.position(|s| &s.id == id) {
                    let seen = &mut first_month[skill];
                    *seen = Some(seen.map_or(month, |m| m.min(month)));
                }
            }
        }
        for (skill, month) in first_month.iter_enumerated() {
            if let Some(month) = month {
                gained[(month - start) as usize][referential.skills[skill].block] += 1;
            }
        }
    }
    let mut running: IdVec<BlockId, usize> = referential.blocks.iter().map(|_| 0).collect();
    let count = loaded.len().max(1) as f64;
    gained
        .into_iter()
        .enumerate()
        .map(|(n, gains)| {
            for (block, gain) in gains.iter_enumerated() {
                running[block] += gain;
            }
            let index = start + n as i64;
            Month {
                start: Date {
                    year: (index / 12) as u16,
                    month: (index % 12 + 1) as u8,
                    day: 1,
                },
                mean: running.iter().map(|&n| n as f64 / count).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cohort::data;
    use serde_json::json;

    /// A coverage document evidencing the first `covered` skills, one
    /// report per given date (each evidencing all of them).
    fn document(referential: &Referential, covered: usize, dates: &[&str], pages: f64) -> Document {
        let ids: Vec<&str> = referential.skills.iter().map(|s| s.id.as_str()).collect();
        let value = json!({
            "schema": 1,
            "tool": { "version": "0.1.0" },
            "student": null,
            "title": "T",
            "site": "https://x.github.io/t/",
            "referential": { "title": referential.title, "skills": ids },
            "page_estimate": pages,
            "checks": { "errors": 0, "warnings": 2 },
            "links": { "appendix": "skill-coverage.html", "jury_grid": null },
            "skills": ids.iter().enumerate().map(|(n, id)| json!({
                "id": id, "reports": if n < covered { dates.len() } else { 0 }, "anchor": format!("skill-{n}")
            })).collect::<Vec<_>>(),
            "reports": dates.iter().map(|d| json!({
                "title": "R", "page": "reports/r.html", "date": d, "kind": "individual",
                "skills": &ids[..covered],
            })).collect::<Vec<_>>(),
        });
        data::read(value.to_string().as_bytes(), referential).unwrap()
    }

    #[test]
    fn attention_shares_and_progression() {
        let referential = Referential::embedded();
        let today = Date::parse("2026-05-15").unwrap();
        let student = |name: &str, document: Document| Student {
            name: name.to_owned(),
            source: String::new(),
            data: Ok(Loaded::new(document, None)),
        };
        let students = vec![
            student("Ana", document(&referential, 18, &["2026-04-20"], 9.0)),
            student("Bo", document(&referential, 3, &["2026-01-10"], 4.2)),
            Student {
                name: "Cy".to_owned(),
                source: "cy.json".to_owned(),
                data: Err(Problem::Schema("2".to_owned())),
            },
        ];
        let thresholds = Thresholds {
            min_skills: Some(12),
            by: Date::parse("2026-05-01"),
            ..Thresholds::default()
        };
        let cohort = Cohort::build(
            "C".to_owned(),
            Lang::En,
            today,
            referential,
            thresholds,
            students,
        );
        assert_eq!(cohort.with_data(), 2);
        assert!(cohort.attention(&cohort.students[0]).is_empty());
        assert_eq!(
            cohort.attention(&cohort.students[1]),
            [
                "3 of 18 skills evidenced, 12 expected by 2026-05-01",
                "no report for 125 days (the last is of 2026-01-10)",
                "~4.2 pages, outside 8–10",
            ]
        );
        assert_eq!(
            cohort.attention(&cohort.students[2]),
            ["their data has schema 2, this tool reads schema 1"]
        );
        let first = SkillId::new(0);
        assert_eq!(cohort.skill_share(first), 1.0);
        assert_eq!(cohort.skill_share(SkillId::new(17)), 0.5);
        // B1 (7 skills): Ana 7, Bo 3.
        assert!((cohort.block_share[BlockId::new(0)] - 10.0 / 14.0).abs() < 1e-9);
        // January to May; Bo's 3 B1 skills from January, Ana's 7 from April.
        let months: Vec<String> = cohort
            .progression
            .iter()
            .map(|m| m.start.to_string())
            .collect();
        assert_eq!(
            months,
            [
                "2026-01-01",
                "2026-02-01",
                "2026-03-01",
                "2026-04-01",
                "2026-05-01"
            ]
        );
        assert_eq!(cohort.progression[0].mean[BlockId::new(0)], 1.5);
        assert_eq!(cohort.progression[3].mean[BlockId::new(0)], 5.0);
        // Links lead into the student's book, at the skill's entry.
        let ana = cohort.students[0].data.as_ref().unwrap();
        assert_eq!(
            ana.skill_link(first).as_deref(),
            Some("https://x.github.io/t/skill-coverage.html#skill-0")
        );
    }

    #[test]
    fn a_document_cannot_make_a_link_that_is_not_https() {
        let referential = Referential::embedded();
        let mut document = document(&referential, 1, &[], 9.0);
        document.site = Some("javascript:alert(1)//".to_owned());
        assert_eq!(
            Loaded::new(document, None).skill_link(SkillId::new(0)),
            None
        );
    }
}
