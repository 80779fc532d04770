//! A report's optional front matter: TOML between `+++` lines or YAML
//! between `---` lines at the very top of the file.
//!
//! Every key is checked on its own so that one wrong value gives one
//! precise diagnostic and the rest of the front matter still counts.

use crate::diagnostic::{Diagnostic, Locate, Said, did_you_mean_said, nearest};
use crate::lang::Lang;
use crate::syntax::value::{Key, Spanned, Value, parse_toml, parse_yaml};
use crate::text::source::SourceFile;
use std::fmt;
use std::ops::Range;

/// The keys a report's front matter may have.
pub const KNOWN_KEYS: [&str; 7] = ["title", "date", "team", "role", "skills", "draft", "lang"];

/// A value and the byte range it came from in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// A calendar day, the validation date of a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day exists.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |r: Range<usize>| -> Option<u32> {
            let part = &text[r];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month).contains(&day).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl Date {
    /// Days since 1970-01-01 (negative before), for placing dates on a
    /// time axis.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil, with March as the first month.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date of a day count since 1970-01-01, the inverse of `days`
    /// (Howard Hinnant's `civil_from_days`); years beyond 0–9999 are
    /// clamped to them.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: year.clamp(0, 9999) as u16,
            month: month as u8,
            day: day as u8,
        }
    }

    /// The first day of the month `months` after this date's month.
    pub fn first_of_month_after(self, months: u32) -> Date {
        let index = u32::from(self.year) * 12 + u32::from(self.month) - 1 + months;
        Date {
            year: (index / 12) as u16,
            month: (index % 12 + 1) as u8,
            day: 1,
        }
    }
}

impl Date {
    /// The day as a sentence of this catalogue's language writes it
    /// ("14 octobre 2026"); English keeps `2026-10-14`.
    pub fn written(&self, words: &crate::lang::Catalogue) -> String {
        words.date(self.year, self.month, self.day, &self.to_string())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The front matter syntax, told by its fence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Toml,
    Yaml,
}

/// What a report's front matter says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<Located<String>>,
    pub date: Option<Located<Date>>,
    /// Empty for an individual project.
    pub team: Vec<Located<String>>,
    pub role: Option<Located<String>>,
    /// Skill ids or slugs as written; resolved against the referential later.
    pub skills: Vec<Located<String>>,
    pub draft: bool,
    /// `lang = "en"`: the report is written in another language than the
    /// book's. `Some(None)` for a tag the tool does not support (warned:
    /// the report then gets no spelling, never another language's rules).
    pub lang: Option<Located<Option<Lang>>>,
}

/// The result of reading the top of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub front_matter: FrontMatter,
    /// The bytes of the front matter, fences and final line ending
    /// included; empty when there is none. The page never shows them.
    pub range: Range<usize>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the front matter at the top of `source`, if any.
pub fn parse(source: &SourceFile) -> Parsed {
    let text = source.text.as_str();
    let mut parsed = Parsed {
        front_matter: FrontMatter::default(),
        range: 0..0,
        diagnostics: Vec::new(),
    };
    let Some((syntax, fence)) = opening_fence(text) else {
        return parsed;
    };
    let first_line_end = line_end(text, 0);
    let body_start = after_line_ending(text, first_line_end);
    let Some((inner_end, close_end)) = closing_fence(text, body_start, syntax) else {
        let fence_text = &text[..first_line_end];
        parsed.diagnostics.push(
            source
                .error(
                    "unterminated-front-matter",
                    0..first_line_end,
                    Said::new("unterminated-front-matter").arg("fence", fence_text),
                )
                .with_suggestion(Said::new("unterminated-front-matter-help").arg("fence", fence)),
        );
        return parsed;
    };
    parsed.range = 0..close_end;
    let inner = &text[body_start..inner_end];
    let root = match syntax {
        Syntax::Toml => parse_toml(inner),
        Syntax::Yaml => parse_yaml(inner),
    };
    let root = match root {
        Ok(root) => root,
        Err(error) => {
            let span = shift(&error.span, body_start);
            let language = match syntax {
                Syntax::Toml => "TOML",
                Syntax::Yaml => "YAML",
            };
            parsed.diagnostics.push(
                source.error(
                    "malformed-front-matter",
                    span,
                    Said::new("malformed-front-matter")
                        .arg("language", language)
                        .arg("error", first_line(&error.message)),
                ),
            );
            return parsed;
        }
    };
    let Value::Table(entries) = root.value else {
        return parsed;
    };
    let mut reader = Reader {
        source,
        base: body_start,
        diagnostics: &mut parsed.diagnostics,
    };
    for (key, value) in entries {
        reader.entry(&mut parsed.front_matter, &key, value);
    }
    parsed
}

impl Reader<'_> {
    /// Reads one `key = value` into the front matter.
    fn entry(&mut self, fm: &mut FrontMatter, key: &Key, value: Spanned) {
        match key.name.as_str() {
            "title" => {
                fm.title = self
                    .string(key, value)
                    .filter(|t| !t.value.trim().is_empty())
            }
            "role" => {
                fm.role = self
                    .string(key, value)
                    .filter(|t| !t.value.trim().is_empty())
            }
            "date" => fm.date = self.date(key, value),
            "team" => {
                fm.team = self.list(key, value, "names", "[\"Ana Silva\", \"Camille Moreau\"]")
            }
            "skills" => {
                fm.skills = self.list(key, value, "skill-ids", "[\"C1.1\", \"observability\"]")
            }
            "draft" => fm.draft = self.bool(key, value).unwrap_or(false),
            "lang" => fm.lang = self.lang(key, value),
            other => {
                let mut d = self.source.warning(
                    "unknown-front-matter-key",
                    shift(&key.span, self.base),
                    Said::new("unknown-front-matter-key").arg("key", other),
                );
                if let Some(known) = nearest(other, KNOWN_KEYS) {
                    d = d.with_suggestion(did_you_mean_said(known));
                } else {
                    d = d.with_suggestion(
                        Said::new("unknown-front-matter-key-help")
                            .arg("keys", KNOWN_KEYS.join(", ")),
                    );
                }
                self.diagnostics.push(d);
            }
        }
    }
}

/// Checks each key's type, reporting the first problem of each.
struct Reader<'a> {
    source: &'a SourceFile,
    base: usize,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn wrong_type(&mut self, key: &Key, value: &Spanned, expected: &str, example: &str) {
        let d = self
            .source
            .error(
                "front-matter-type",
                shift(&value.span, self.base),
                Said::new("front-matter-type")
                    .arg("key", &key.name)
                    .arg("expected", expected)
                    .arg("found", value.value.kind()),
            )
            .with_suggestion(
                Said::new("front-matter-type-help")
                    .arg("key", &key.name)
                    .arg("example", example),
            );
        self.diagnostics.push(d);
    }

    fn string(&mut self, key: &Key, value: Spanned) -> Option<Located<String>> {
        match value.value {
            Value::String(s) => Some(Located {
                value: s,
                span: shift(&value.span, self.base),
            }),
            _ => {
                self.wrong_type(key, &value, "string", "\"...\"");
                None
            }
        }
    }

    /// A language tag (`"fr"`, `"en-GB"`); one the tool does not support is
    /// a warning, kept as `None` so that no rules apply to the report.
    fn lang(&mut self, key: &Key, value: Spanned) -> Option<Located<Option<Lang>>> {
        let tag = self.string(key, value)?;
        let lang = Lang::from_tag(&tag.value).ok();
        if lang.is_none() {
            let supported: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            let d = self
                .source
                .warning(
                    "unsupported-language",
                    tag.span.clone(),
                    Said::new("unsupported-report-language").arg("tag", tag.value.trim()),
                )
                .with_suggestion(
                    Said::new("unsupported-language-help").arg("supported", supported.join(", ")),
                );
            self.diagnostics.push(d);
        }
        Some(Located {
            value: lang,
            span: tag.span,
        })
    }

    fn bool(&mut self, key: &Key, value: Spanned) -> Option<bool> {
        match value.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.wrong_type(key, &value, "boolean", "true");
                None
            }
        }
    }

    fn date(&mut self, key: &Key, value: Spanned) -> Option<Located<Date>> {
        let written = match &value.value {
            Value::String(s) | Value::Datetime(s) => s.clone(),
            _ => {
                self.wrong_type(key, &value, "date", "2025-11-14");
                return None;
            }
        };
        match Date::parse(written.trim()) {
            Some(date) => Some(Located {
                value: date,
                span: shift(&value.span, self.base),
            }),
            None => {
                let d = self
                    .source
                    .error(
                        "front-matter-date",
                        shift(&value.span, self.base),
                        Said::new("front-matter-date").arg("written", &written),
                    )
                    .with_suggestion(Said::new("front-matter-date-help"));
                self.diagnostics.push(d);
                None
            }
        }
    }

    fn list(
        &mut self,
        key: &Key,
        value: Spanned,
        what: &str,
        example: &str,
    ) -> Vec<Located<String>> {
        let items = match value.value {
            Value::Array(items) => items,
            Value::Null => return Vec::new(),
            _ => {
                self.wrong_type(key, &value, what, example);
                return Vec::new();
            }
        };
        let mut strings = Vec::new();
        for item in items {
            match item.value {
                Value::String(s) => strings.push(Located {
                    value: s,
                    span: shift(&item.span, self.base),
                }),
                _ => {
                    let d = self.source.error(
                        "front-matter-type",
                        shift(&item.span, self.base),
                        Said::new("front-matter-item-type")
                            .arg("key", &key.name)
                            .arg("found", item.value.kind()),
                    );
                    self.diagnostics.push(d);
                }
            }
        }
        strings
    }
}

fn shift(span: &Range<usize>, by: usize) -> Range<usize> {
    span.start + by..span.end + by
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

/// The syntax and fence string when the first line opens front matter.
fn opening_fence(text: &str) -> Option<(Syntax, &'static str)> {
    let first = &text[..line_end(text, 0)];
    match first.trim_end() {
        "+++" => Some((Syntax::Toml, "+++")),
        "---" => Some((Syntax::Yaml, "---")),
        _ => None,
    }
}

/// The end of the line starting at `start`, before its line ending.
fn line_end(text: &str, start: usize) -> usize {
    text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i)
}

/// The start of the next line after a line that ends at `end`.
fn after_line_ending(text: &str, end: usize) -> usize {
    let rest = &text.as_bytes()[end..];
    match rest {
        [b'\r', b'\n', ..] => end + 2,
        [b'\r' | b'\n', ..] => end + 1,
        _ => end,
    }
}

/// Finds the closing fence: returns where the inner text ends and where the
/// front matter (closing line included) ends.
fn closing_fence(text: &str, mut start: usize, syntax: Syntax) -> Option<(usize, usize)> {
    while start < text.len() {
        let end = line_end(text, start);
        let line = text[start..end].trim_end();
        let closes = match syntax {
            Syntax::Toml => line == "+++",
            Syntax::Yaml => line == "---" || line == "...",
        };
        if closes {
            return Some((start, after_line_ending(text, end)));
        }
        let next = after_line_ending(text, end);
        if next == start {
            break;
        }
        start = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Parsed {
        parse(&SourceFile::new("reports/x.md", text))
    }

    #[test]
    fn dates_count_days_from_1970_and_step_by_months() {
        let day = |s: &str| Date::parse(s).unwrap();
        assert_eq!(day("1970-01-01").days(), 0);
        assert_eq!(day("1969-12-31").days(), -1);
        assert_eq!(day("2000-03-01").days() - day("2000-02-28").days(), 2);
        assert_eq!(day("2026-12-01").days(), 20_788);
        assert_eq!(day("2025-11-14").first_of_month_after(0), day("2025-11-01"));
        assert_eq!(day("2025-11-14").first_of_month_after(2), day("2026-01-01"));
        assert_eq!(
            day("2025-12-31").first_of_month_after(13),
            day("2027-01-01")
        );
    }

    #[test]
    fn toml_front_matter_is_read_and_its_range_covers_the_fences() {
        let text = "+++\r\ntitle = \"K8s\"\r\ndate = 2025-11-14\r\nteam = [\"Ana\", \"Camille\"]\r\nrole = \"CI\"\r\nskills = [\"C1.1\"]\r\n+++\r\n# Body\r\n";
        let parsed = read(text);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let fm = &parsed.front_matter;
        assert_eq!(fm.title.as_ref().unwrap().value, "K8s");
        assert_eq!(fm.date.as_ref().unwrap().value.to_string(), "2025-11-14");
        assert_eq!(fm.team.len(), 2);
        assert_eq!(&text[fm.skills[0].span.clone()], "\"C1.1\"");
        assert_eq!(&text[parsed.range.end..], "# Body\r\n");
    }

    #[test]
    fn yaml_front_matter_is_read() {
        let text =
            "---\ntitle: Databases\ndate: 2026-02-20\nskills: [C1.7]\ndraft: true\n---\nBody\n";
        let parsed = read(text);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        assert!(parsed.front_matter.draft);
        assert_eq!(&text[parsed.range.end..], "Body\n");
    }

    #[test]
    fn wrong_types_and_unknown_keys_are_reported_with_lines() {
        let text = "+++\ntitle = \"x\"\ndate = 12\nteam = \"Ana\"\nskils = [\"C1.1\"]\n+++\n";
        let parsed = read(text);
        let messages: Vec<String> = parsed
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.location(), d.message))
            .collect();
        assert_eq!(
            messages,
            [
                "reports/x.md:3:8 `date` must be a date like 2025-11-14, found an integer",
                "reports/x.md:4:8 `team` must be a list of names, found a string",
                "reports/x.md:5:1 unknown front matter key `skils`; it is ignored",
            ]
        );
        assert_eq!(
            parsed.diagnostics[2].suggestion.as_deref(),
            Some("did you mean `skills`?")
        );
    }

    #[test]
    fn unterminated_and_malformed_front_matter_are_errors() {
        let parsed = read("+++\ntitle = \"x\"\n# Body\n");
        assert_eq!(parsed.range, 0..0);
        assert_eq!(parsed.diagnostics[0].code, "unterminated-front-matter");
        assert_eq!(parsed.diagnostics[0].location(), "reports/x.md:1:1");

        let parsed = read("+++\ntitle = \"x\"\ndate = 2025-13-01\nteam = [\n+++\nBody\n");
        assert_eq!(parsed.diagnostics[0].code, "malformed-front-matter");
        assert_eq!(parsed.diagnostics[0].position.unwrap().line, 4);
        assert_eq!(
            parsed.range.end,
            "+++\ntitle = \"x\"\ndate = 2025-13-01\nteam = [\n+++\n".len()
        );

        let parsed = read("+++\ndate = \"2025-02-30\"\n+++\n");
        assert_eq!(parsed.diagnostics[0].code, "front-matter-date");
    }

    #[test]
    fn dates_are_validated() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2025-02-29").is_none());
        assert!(Date::parse("2025-1-01").is_none());
        assert!(Date::parse("+025-01-01").is_none());
    }
}
