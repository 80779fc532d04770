//! One student's data: the coverage document their book publishes
//! (`render::published`, docs/coverage.schema.json), read from untrusted
//! bytes. What a dashboard cannot use is a [`Problem`] with its reason,
//! never a panic: bytes that are not JSON, another `schema`, another
//! referential, a document without the fields it needs.

use crate::lang::{Arg, Catalogue};
use crate::referential::Referential;
use crate::render::published::SCHEMA;
use crate::syntax::frontmatter::Date;
use serde::Deserialize;

/// What the dashboard reads of a coverage document (other fields are
/// ignored, as the format allows).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Document {
    pub schema: u64,
    pub tool: Tool,
    pub student: Option<String>,
    pub title: String,
    pub site: Option<String>,
    pub referential: ReferentialInfo,
    pub page_estimate: f64,
    pub checks: Checks,
    pub links: Links,
    pub skills: Vec<SkillEntry>,
    pub reports: Vec<ReportEntry>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Tool {
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ReferentialInfo {
    pub title: String,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Checks {
    pub errors: usize,
    pub warnings: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Links {
    pub appendix: String,
    pub jury_grid: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SkillEntry {
    pub id: String,
    /// How many reports evidence it.
    pub reports: usize,
    pub anchor: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ReportEntry {
    pub title: String,
    pub page: String,
    pub date: Option<String>,
    pub kind: String,
    /// The skills it evidences, by id.
    pub skills: Vec<String>,
}

impl ReportEntry {
    pub fn date(&self) -> Option<Date> {
        self.date.as_deref().and_then(Date::parse)
    }
}

/// Why a student's data cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// It could not be read or fetched (the reason from the edge).
    Unreachable(String),
    NotJson(String),
    /// Another version of the format (or none).
    Schema(String),
    /// Made with another referential than the cohort's: its title…
    OtherTitle {
        found: String,
        expected: String,
    },
    /// …or its skills (ids joined with ", ").
    OtherSkills {
        found: String,
        expected: String,
    },
    /// JSON of the right version, without what the dashboard needs.
    Invalid(String),
}

impl Problem {
    /// The reason, after "data", in the language of `words`.
    pub fn reason(&self, words: &Catalogue) -> String {
        let (id, args): (&str, Vec<(&str, Arg<'_>)>) = match self {
            Problem::Unreachable(why) => (
                "cohort-problem-unreachable",
                vec![("why", why.as_str().into())],
            ),
            Problem::NotJson(why) => (
                "cohort-problem-not-json",
                vec![("why", why.as_str().into())],
            ),
            Problem::Schema(found) => (
                "cohort-problem-schema",
                vec![
                    ("found", found.as_str().into()),
                    ("schema", (SCHEMA as usize).into()),
                ],
            ),
            Problem::OtherTitle { found, expected } => (
                "cohort-problem-title",
                vec![
                    ("found", found.as_str().into()),
                    ("expected", expected.as_str().into()),
                ],
            ),
            Problem::OtherSkills { found, expected } => (
                "cohort-problem-skills",
                vec![
                    ("found", found.as_str().into()),
                    ("expected", expected.as_str().into()),
                ],
            ),
            Problem::Invalid(why) => ("cohort-problem-invalid", vec![("why", why.as_str().into())]),
        };
        words.format(id, &args)
    }
}

/// Reads a coverage document and checks it was made with `referential`
/// (same title, same skills in the same order).
pub fn read(bytes: &[u8], referential: &Referential) -> Result<Document, Problem> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| Problem::NotJson(e.to_string()))?;
    match value.get("schema") {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(SCHEMA) => {}
        Some(other) => return Err(Problem::Schema(other.to_string())),
        None => return Err(Problem::Schema("none".to_owned())),
    }
    let document: Document =
        serde_json::from_value(value).map_err(|e| Problem::Invalid(e.to_string()))?;
    let expected: Vec<&str> = referential.skills.iter().map(|s| s.id.as_str()).collect();
    if document.referential.title != referential.source_title {
        return Err(Problem::OtherTitle {
            found: document.referential.title,
            expected: referential.source_title.clone(),
        });
    }
    if document.referential.skills != expected
        || document
            .skills
            .iter()
            .map(|s| s.id.as_str())
            .ne(expected.iter().copied())
    {
        return Err(Problem::OtherSkills {
            found: document.referential.skills.join(", "),
            expected: expected.join(", "),
        });
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_cannot_be_used_says_why() {
        let referential = Referential::embedded();
        let problem = |text: &str| read(text.as_bytes(), &referential).unwrap_err();
        assert!(matches!(problem("<html>"), Problem::NotJson(_)));
        assert_eq!(problem("{\"schema\": 2}"), Problem::Schema("2".to_owned()));
        assert_eq!(problem("{}"), Problem::Schema("none".to_owned()));
        assert!(matches!(problem("{\"schema\": 1}"), Problem::Invalid(_)));
        assert_eq!(
            Problem::Schema("2".to_owned()).reason(crate::lang::Lang::En.catalogue()),
            "has schema 2, this tool reads schema 1"
        );
    }
}
