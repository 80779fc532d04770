//! The cohort file, `COHORT.toml`: the cohort's name, its referential, the
//! thresholds of "needs attention", and one `[[student]]` per student with
//! where their technical file's data is (`site`, the published address, or
//! `path`, a local book folder or coverage JSON file). Every problem names
//! its `file:line:col`.

use crate::diagnostic::{Diagnostic, Locate};
use crate::lang::Lang;
use crate::syntax::frontmatter::Date;
use crate::syntax::value::{Key, Spanned, Value, parse_toml};
use crate::text::source::SourceFile;
use std::ops::Range;

/// What the cohort file says.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortFile {
    pub name: String,
    /// `language`: the dashboard's language (English when unset).
    pub language: Lang,
    /// A referential TOML file, relative to the cohort file; `None` for the
    /// embedded one.
    pub referential: Option<String>,
    pub attention: Thresholds,
    pub students: Vec<StudentEntry>,
}

/// When a student "needs attention" (each rule can be left out).
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Fewer skills than this evidenced…
    pub min_skills: Option<usize>,
    /// …from this date on (always, when `None`).
    pub by: Option<Date>,
    /// No report dated in the last this many days.
    pub max_days_without_report: Option<i64>,
    /// A page estimate outside this range.
    pub pages: Option<(f64, f64)>,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            min_skills: None,
            by: None,
            max_days_without_report: Some(60),
            pages: Some((8.0, 10.0)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudentEntry {
    pub name: String,
    pub source: Source,
}

/// Where a student's data is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The published book's address (`https://…/`, ending in `/`); its data
    /// is `coverage.json` there.
    Site(String),
    /// A book folder or a coverage JSON file, relative to the cohort file.
    Path(String),
}

/// Whether an address is one the dashboard fetches and links to:
/// `https://` only. Test builds (the `test-support` feature, never a
/// release) also take `http://127.0.0.1:`, for books served by the tests'
/// local server (SECURITY.md).
pub fn followed(address: &str) -> bool {
    let starts = |prefix: &str| {
        address.len() > prefix.len() && address[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    starts("https://") || (cfg!(feature = "test-support") && starts("http://127.0.0.1:"))
}

const KEYS: [&str; 5] = ["name", "language", "referential", "attention", "student"];
const ATTENTION_KEYS: [&str; 4] = ["min-skills", "by", "max-days-without-report", "pages"];
const STUDENT_KEYS: [&str; 3] = ["name", "site", "path"];

/// Reads a cohort file; any error makes it unusable.
pub fn parse(source: &SourceFile) -> Result<CohortFile, Vec<Diagnostic>> {
    let root = parse_toml(&source.text).map_err(|e| {
        vec![source.error(
            "malformed-cohort",
            e.span,
            format!(
                "invalid TOML: {}",
                e.message.lines().next().unwrap_or_default()
            ),
        )]
    })?;
    let mut reader = Reader {
        source,
        errors: Vec::new(),
    };
    let cohort = reader.cohort(root);
    if reader.errors.is_empty() {
        Ok(cohort)
    } else {
        Err(reader.errors)
    }
}

struct Reader<'a> {
    source: &'a SourceFile,
    errors: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn error(&mut self, span: Range<usize>, message: String, suggestion: Option<String>) {
        let mut diagnostic = self.source.error("invalid-cohort", span, message);
        if let Some(suggestion) = suggestion {
            diagnostic = diagnostic.with_suggestion(suggestion);
        }
        self.errors.push(diagnostic);
    }

    fn unknown_key(&mut self, key: &Key, known: &[&str]) {
        let suggestion = crate::diagnostic::nearest(&key.name, known.iter().copied())
            .map(|k| format!("did you mean `{k}`?"));
        self.error(
            key.span.clone(),
            format!("unknown key `{}` (known: {})", key.name, known.join(", ")),
            suggestion,
        );
    }

    fn string(&mut self, key: &Key, value: &Spanned) -> Option<String> {
        match &value.value {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::String(_) => {
                self.error(value.span.clone(), format!("`{}` is empty", key.name), None);
                None
            }
            other => {
                self.error(
                    value.span.clone(),
                    format!(
                        "`{}` must be a string, found {}",
                        key.name,
                        other.type_name()
                    ),
                    None,
                );
                None
            }
        }
    }

    fn count(&mut self, key: &Key, value: &Spanned) -> Option<i64> {
        match value.value {
            Value::Integer(n) if n >= 0 => Some(n),
            ref other => {
                self.error(
                    value.span.clone(),
                    format!(
                        "`{}` must be a whole number, found {}",
                        key.name,
                        other.type_name()
                    ),
                    None,
                );
                None
            }
        }
    }

    fn cohort(&mut self, root: Spanned) -> CohortFile {
        let Value::Table(entries) = root.value else {
            unreachable!("a TOML document is a table")
        };
        let mut name = None;
        let mut cohort = CohortFile {
            name: String::new(),
            language: Lang::En,
            referential: None,
            attention: Thresholds::default(),
            students: Vec::new(),
        };
        for (key, value) in &entries {
            match key.name.as_str() {
                "name" => name = self.string(key, value),
                "language" => {
                    if let Some(lang) = self.language(value) {
                        cohort.language = lang;
                    }
                }
                "referential" => cohort.referential = self.string(key, value),
                "attention" => cohort.attention = self.attention(value),
                "student" => cohort.students = self.students(value),
                _ => self.unknown_key(key, &KEYS),
            }
        }
        match name {
            Some(name) => cohort.name = name,
            None if !entries.iter().any(|(k, _)| k.name == "name") => self.error(
                0..0,
                "the cohort has no `name`".to_owned(),
                Some("add `name = \"Cloud DevOps Expert 2026\"` at the top".to_owned()),
            ),
            None => {}
        }
        if cohort.students.is_empty() && self.errors.is_empty() {
            self.error(
                0..0,
                "the cohort has no student".to_owned(),
                Some("add a `[[student]]` table with `name` and `site` or `path`".to_owned()),
            );
        }
        cohort
    }

    fn language(&mut self, value: &Spanned) -> Option<Lang> {
        let Value::String(tag) = &value.value else {
            self.error(
                value.span.clone(),
                "`language` must be a string such as \"fr\"".to_owned(),
                None,
            );
            return None;
        };
        match Lang::from_tag(tag) {
            Ok(lang) => Some(lang),
            Err(_) => {
                let supported: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
                self.error(
                    value.span.clone(),
                    format!("`language = \"{tag}\"` is not a language the tool supports"),
                    Some(format!("supported: {}", supported.join(", "))),
                );
                None
            }
        }
    }

    fn attention(&mut self, value: &Spanned) -> Thresholds {
        let mut thresholds = Thresholds::default();
        let Value::Table(entries) = &value.value else {
            self.error(
                value.span.clone(),
                "`attention` must be a table".to_owned(),
                None,
            );
            return thresholds;
        };
        for (key, value) in entries {
            match key.name.as_str() {
                "min-skills" => thresholds.min_skills = self.count(key, value).map(|n| n as usize),
                "max-days-without-report" => {
                    thresholds.max_days_without_report = self.count(key, value)
                }
                "by" => thresholds.by = self.date(value),
                "pages" => thresholds.pages = self.pages(value),
                _ => self.unknown_key(key, &ATTENTION_KEYS),
            }
        }
        thresholds
    }

    fn date(&mut self, value: &Spanned) -> Option<Date> {
        let text = match &value.value {
            Value::Datetime(text) | Value::String(text) => text.as_str(),
            _ => "",
        };
        let date = Date::parse(text);
        if date.is_none() {
            self.error(
                value.span.clone(),
                "`by` must be a date, YYYY-MM-DD".to_owned(),
                Some("for example `by = 2026-06-30`".to_owned()),
            );
        }
        date
    }

    fn pages(&mut self, value: &Spanned) -> Option<(f64, f64)> {
        let number = |v: &Spanned| match v.value {
            Value::Integer(n) => Some(n as f64),
            Value::Float(f) if f.is_finite() => Some(f),
            _ => None,
        };
        match &value.value {
            Value::Bool(false) => None,
            Value::Array(items) if items.len() == 2 => match (number(&items[0]), number(&items[1]))
            {
                (Some(min), Some(max)) if 0.0 <= min && min <= max => Some((min, max)),
                _ => self.bad_pages(value.span.clone()),
            },
            _ => self.bad_pages(value.span.clone()),
        }
    }

    fn bad_pages(&mut self, span: Range<usize>) -> Option<(f64, f64)> {
        self.error(
            span,
            "`pages` must be [min, max] (or false)".to_owned(),
            Some("for example `pages = [8, 10]`".to_owned()),
        );
        None
    }

    fn students(&mut self, value: &Spanned) -> Vec<StudentEntry> {
        let Value::Array(items) = &value.value else {
            self.error(
                value.span.clone(),
                "`student` must be tables: write `[[student]]`".to_owned(),
                None,
            );
            return Vec::new();
        };
        let mut students: Vec<StudentEntry> = Vec::new();
        for item in items {
            let Some(student) = self.student(item) else {
                continue;
            };
            if students.iter().any(|s| s.name == student.name) {
                self.error(
                    item.span.clone(),
                    format!("two students are named `{}`", student.name),
                    Some("give each student a distinct name".to_owned()),
                );
                continue;
            }
            students.push(student);
        }
        students
    }

    fn student(&mut self, item: &Spanned) -> Option<StudentEntry> {
        let Value::Table(entries) = &item.value else {
            self.error(
                item.span.clone(),
                "a student must be a table".to_owned(),
                None,
            );
            return None;
        };
        let (mut name, mut site, mut path) = (None, None, None);
        for (key, value) in entries {
            match key.name.as_str() {
                "name" => name = self.string(key, value),
                "site" => site = self.string(key, value).map(|s| (s, value.span.clone())),
                "path" => path = self.string(key, value),
                _ => self.unknown_key(key, &STUDENT_KEYS),
            }
        }
        let Some(name) = name else {
            self.error(
                item.span.clone(),
                "a student has no `name`".to_owned(),
                None,
            );
            return None;
        };
        let source = match (site, path) {
            (Some((site, span)), None) => Source::Site(self.site(&site, span)?),
            (None, Some(path)) => Source::Path(path),
            (Some(_), Some(_)) => {
                self.error(
                    item.span.clone(),
                    format!("`{name}` has both `site` and `path`"),
                    Some("keep one: the published address, or a local folder or file".to_owned()),
                );
                return None;
            }
            (None, None) => {
                self.error(
                    item.span.clone(),
                    format!("`{name}` has neither `site` nor `path`"),
                    Some("add `site = \"https://<user>.github.io/<repository>/\"`".to_owned()),
                );
                return None;
            }
        };
        Some(StudentEntry { name, source })
    }

    /// Only `https` addresses are followed; the address gets its final `/`.
    fn site(&mut self, site: &str, span: Range<usize>) -> Option<String> {
        let site = site.trim();
        if !followed(site) || site.contains(char::is_whitespace) {
            let suggestion = site
                .strip_prefix("http://")
                .map(|rest| format!("use `https://{rest}`"));
            self.error(
                span,
                format!("`site` must be an https:// address, not `{site}`"),
                suggestion,
            );
            return None;
        }
        Some(format!("{}/", site.trim_end_matches('/')))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        parse(&SourceFile::new("COHORT.toml", text))
            .unwrap_err()
            .iter()
            .map(|d| format!("{} {}", d.location(), d.message))
            .collect()
    }

    #[test]
    fn a_cohort_file_is_read_with_its_defaults() {
        let text = "name = \"DevOps 2026\"\n[attention]\nmin-skills = 12\nby = 2026-06-30\n\n[[student]]\nname = \"Ana\"\nsite = \"https://ana.github.io/file\"\n\n[[student]]\nname = \"Bo\"\npath = \"books/bo\"\n";
        let cohort = parse(&SourceFile::new("COHORT.toml", text)).unwrap();
        assert_eq!(cohort.name, "DevOps 2026");
        assert_eq!(cohort.attention.min_skills, Some(12));
        assert_eq!(cohort.attention.by, Date::parse("2026-06-30"));
        assert_eq!(cohort.attention.max_days_without_report, Some(60));
        assert_eq!(cohort.attention.pages, Some((8.0, 10.0)));
        assert_eq!(
            cohort.students[0].source,
            Source::Site("https://ana.github.io/file/".to_owned())
        );
        assert_eq!(
            cohort.students[1].source,
            Source::Path("books/bo".to_owned())
        );
    }

    #[test]
    fn problems_name_their_line_and_column() {
        let text = "name = \"C\"\nreferentiel = \"r.toml\"\n[[student]]\nname = \"Ana\"\nsite = \"http://ana.github.io/\"\n[[student]]\nname = \"Bo\"\n[attention]\npages = [10, 8]\n";
        assert_eq!(
            errors(text),
            [
                "COHORT.toml:2:1 unknown key `referentiel` (known: name, language, referential, attention, student)",
                "COHORT.toml:5:8 `site` must be an https:// address, not `http://ana.github.io/`",
                "COHORT.toml:6:1 `Bo` has neither `site` nor `path`",
                "COHORT.toml:9:9 `pages` must be [min, max] (or false)",
            ]
        );
        assert_eq!(
            errors("name = \"C\"\n[[student\n")[0].split(' ').next(),
            Some("COHORT.toml:2:10")
        );
    }
}
