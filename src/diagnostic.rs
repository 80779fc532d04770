//! One model for every problem the tool reports, and its two renderings:
//! rustc-like text for people and JSON for machines.
//!
//! A diagnostic carries the line it points into, so it can be rendered
//! without going back to the file (which may have changed since).

use crate::lang::Catalogue;
use crate::text::source::{LineIndex, Position, SourceFile, floor_char_boundary};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;
use std::ops::Range;

mod said;
pub use said::{Message, Said, SaidArg};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The book is wrong or incomplete; `strict` and `check` fail on it.
    Error,
    /// Worth fixing before handing the file in.
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The source line a diagnostic points into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The whole line, without its line ending.
    pub line_text: String,
    /// The byte range within `line_text` that the diagnostic is about.
    pub span: Range<usize>,
}

/// A problem found in the book's sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable kebab-case name for the kind of problem, e.g. `unknown-skill`.
    pub code: &'static str,
    /// The file, as a path relative to the book root with `/` separators.
    pub file: String,
    /// Where in the file, when the problem has a place.
    pub position: Option<Position>,
    pub excerpt: Option<Excerpt>,
    pub message: String,
    /// A fix to propose, e.g. "did you mean `observability`?".
    pub suggestion: Option<String>,
    /// The catalogue messages `message` and `suggestion` were written from,
    /// so that [`Diagnostic::localize`] says them in the book's language.
    pub said: Option<Said>,
    pub suggestion_said: Option<Said>,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        code: &'static str,
        file: impl Into<String>,
        message: impl Into<Message>,
    ) -> Diagnostic {
        let message = message.into();
        Diagnostic {
            severity,
            code,
            file: file.into(),
            position: None,
            excerpt: None,
            message: message.text,
            suggestion: None,
            said: message.said,
            suggestion_said: None,
        }
    }

    pub fn error(code: &'static str, file: impl Into<String>, message: impl Into<Message>) -> Self {
        Diagnostic::new(Severity::Error, code, file, message)
    }

    pub fn warning(
        code: &'static str,
        file: impl Into<String>,
        message: impl Into<Message>,
    ) -> Self {
        Diagnostic::new(Severity::Warning, code, file, message)
    }

    /// Points the diagnostic at a byte range of `text`.
    pub fn at(mut self, text: &str, index: &LineIndex, span: Range<usize>) -> Self {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let position = index.position(text, start);
        let line = index.line_range(text, position.line);
        let end = floor_char_boundary(text, span.end.clamp(start, line.end.max(start)));
        let local_start = start.saturating_sub(line.start).min(line.len());
        let local_end = end
            .saturating_sub(line.start)
            .clamp(local_start, line.len());
        self.position = Some(position);
        self.excerpt = Some(Excerpt {
            line_text: text[line].to_owned(),
            span: local_start..local_end,
        });
        self
    }

    /// Points the diagnostic at a line and column without an excerpt.
    pub fn at_position(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }

    pub fn with_suggestion(mut self, suggestion: impl Into<Message>) -> Self {
        let suggestion = suggestion.into();
        self.suggestion = Some(suggestion.text);
        self.suggestion_said = suggestion.said;
        self
    }

    /// Says the message and the suggestion in the language of `words`, when
    /// they were written from the catalogue (the code does not change).
    pub fn localize(&mut self, words: &Catalogue) {
        if let Some(said) = &self.said {
            self.message = said.in_words(words);
        }
        if let Some(said) = &self.suggestion_said {
            self.suggestion = Some(said.in_words(words));
        }
    }

    /// `file:line:col`, or just `file`.
    pub fn location(&self) -> String {
        match self.position {
            Some(p) => format!("{}:{}:{}", self.file, p.line, p.column),
            None => self.file.clone(),
        }
    }

    /// The rustc-like rendering, with a source excerpt and a caret.
    pub fn render_human(&self, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(&self.message).id(self.code);
        let primary = match (&self.excerpt, self.position) {
            (Some(excerpt), Some(position)) => {
                let span = if excerpt.span.is_empty() {
                    // Point at one character so the caret shows.
                    let end = excerpt.line_text[excerpt.span.start..]
                        .chars()
                        .next()
                        .map_or(excerpt.span.start, |c| excerpt.span.start + c.len_utf8());
                    excerpt.span.start..end
                } else {
                    excerpt.span.clone()
                };
                title.element(
                    Snippet::source(excerpt.line_text.as_str())
                        .line_start(position.line)
                        .path(self.file.as_str())
                        .annotation(AnnotationKind::Primary.span(span)),
                )
            }
            (_, Some(position)) => title.element(
                Origin::path(self.file.as_str())
                    .line(position.line)
                    .char_column(position.column),
            ),
            _ => title.element(Origin::path(self.file.as_str())),
        };
        let mut report = vec![primary];
        if let Some(suggestion) = &self.suggestion {
            report.push(Group::with_title(Level::HELP.secondary_title(suggestion)));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&report).to_string()
    }

    /// The replacements a "did you mean `a`, `b` or `c`?" suggestion
    /// offers, for tools and editors.
    pub fn suggestions(&self) -> Vec<String> {
        self.suggestion.as_deref().map(options).unwrap_or_default()
    }

    /// Where the diagnostic ends (1-based line and column, exclusive), when
    /// it has an excerpt.
    pub fn end(&self) -> Option<Position> {
        let (position, excerpt) = (self.position?, self.excerpt.as_ref()?);
        let span = excerpt.line_text.get(excerpt.span.clone())?;
        Some(Position {
            line: position.line,
            column: position.column + span.chars().count(),
        })
    }

    pub fn to_json(&self) -> serde_json::Value {
        let end = self.end();
        serde_json::json!({
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "line": self.position.map(|p| p.line),
            "column": self.position.map(|p| p.column),
            "end_line": end.map(|p| p.line),
            "end_column": end.map(|p| p.column),
            "message": self.message,
            "suggestion": self.suggestion,
            "suggestions": self.suggestions(),
        })
    }
}

/// "did you mean `x`?" in the catalogue's words ([`options`] reads it
/// back in every language).
pub fn did_you_mean_said(option: &str) -> Said {
    Said::new("did-you-mean").arg("option", format!("`{option}`"))
}

/// "did you mean `a`, `b` or `c`?": the suggestion [`options`] reads back.
pub fn did_you_mean(options: &[String]) -> String {
    let quoted: Vec<String> = options.iter().map(|o| format!("`{o}`")).collect();
    match quoted.as_slice() {
        [one] => format!("did you mean {one}?"),
        [init @ .., last] => format!("did you mean {} or {last}?", init.join(", ")),
        [] => String::new(),
    }
}

/// The replacements of a "did you mean `a`, `b` or `c`?" suggestion.
pub fn options(suggestion: &str) -> Vec<String> {
    let Some(rest) = suggestion
        .strip_prefix("did you mean ")
        .or_else(|| suggestion.strip_prefix("vouliez-vous dire "))
    else {
        return Vec::new();
    };
    rest.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Diagnostics pointing into a file: `source.error(code, span, message)`.
pub trait Locate {
    /// A diagnostic pointing at `span` of this file.
    fn diagnostic(
        &self,
        severity: Severity,
        code: &'static str,
        span: Range<usize>,
        message: impl Into<Message>,
    ) -> Diagnostic;

    fn error(
        &self,
        code: &'static str,
        span: Range<usize>,
        message: impl Into<Message>,
    ) -> Diagnostic {
        self.diagnostic(Severity::Error, code, span, message)
    }

    fn warning(
        &self,
        code: &'static str,
        span: Range<usize>,
        message: impl Into<Message>,
    ) -> Diagnostic {
        self.diagnostic(Severity::Warning, code, span, message)
    }
}

impl Locate for SourceFile {
    fn diagnostic(
        &self,
        severity: Severity,
        code: &'static str,
        span: Range<usize>,
        message: impl Into<Message>,
    ) -> Diagnostic {
        Diagnostic::new(severity, code, self.path.as_str(), message).at(
            &self.text,
            self.index(),
            span,
        )
    }
}

/// Sorts diagnostics by file, position, then severity, for stable output.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.position, a.severity, a.code, &a.message)
            .cmp(&(&b.file, b.position, b.severity, b.code, &b.message))
    });
}

/// Counts of errors and warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of(diagnostics: &[Diagnostic]) -> Tally {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Tally {
            errors,
            warnings: diagnostics.len() - errors,
        }
    }
}

/// The nearest candidate to a mistyped name, if one is close enough to be a
/// plausible typo. Ties go to the first candidate. Each candidate is only
/// measured as far as it could still beat the best so far, so asking among
/// the thousand reports of a big book costs about a tenth of measuring
/// each one in full (`within`).
pub fn nearest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong: Vec<char> = wrong.to_lowercase().chars().collect();
    let mut best: Option<(usize, &str)> = None;
    let mut other = Vec::new();
    for candidate in candidates {
        let bound = match best {
            Some((0, _)) => break,
            Some((d, _)) => d - 1,
            None => usize::MAX,
        };
        other.clear();
        other.extend(candidate.to_lowercase().chars());
        if let Some(distance) = within(&wrong, &other, bound) {
            best = Some((distance, candidate));
        }
    }
    let (distance, candidate) = best?;
    let limit = (wrong.len().max(candidate.chars().count()) / 3).max(1);
    (distance <= limit).then_some(candidate)
}

/// The Levenshtein distance between `a` and `b` if it is at most `bound`:
/// only the diagonal band of width `2 * bound + 1` can hold such a path,
/// and a row whose every cell is over the bound ends the search.
fn within(a: &[char], b: &[char], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let over = bound.saturating_add(1);
    let mut previous: Vec<usize> = (0..=b.len()).map(|j| j.min(over)).collect();
    let mut current = vec![over; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        let row = i + 1;
        let from = row.saturating_sub(bound).max(1);
        let to = row.saturating_add(bound).min(b.len());
        current.fill(over);
        current[0] = row.min(over);
        let mut lowest = current[0];
        for j in from..=to {
            let substitution = previous[j - 1] + usize::from(ca != b[j - 1]);
            let cell = substitution
                .min(previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(over);
            current[j] = cell;
            lowest = lowest.min(cell);
        }
        if lowest > bound {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous[b.len()];
    (distance <= bound).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bounded_distance_agrees_with_strsim_and_nearest_keeps_its_choices() {
        let words = [
            "",
            "a",
            "ab",
            "observability",
            "obsrvability",
            "reports/terraform-project-00049.md",
            "reports/terraform-project-00048.md",
            "reports/kubernetes-project-00001.md",
            "kitten",
            "sitting",
            "déploiement",
            "deploiement",
            "C1.3",
            "c1.2",
            "#continuous-integration",
        ];
        for a in words {
            for b in words {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let exact = strsim::levenshtein(a, b);
                for bound in [0, 1, 2, 3, 5, 8, 40, usize::MAX] {
                    let expected = (exact <= bound).then_some(exact);
                    assert_eq!(
                        within(&ca, &cb, bound),
                        expected,
                        "{a:?} {b:?} within {bound}"
                    );
                }
            }
        }
        let pages = [
            "reports/a-00047.md",
            "reports/a-00048.md",
            "reports/a-00050.md",
        ];
        assert_eq!(
            nearest("reports/a-00049.md", pages),
            Some("reports/a-00047.md"),
            "first of a tie"
        );
        assert_eq!(
            nearest("Obsrvability", ["security", "observability"]),
            Some("observability")
        );
        assert_eq!(nearest("zzzzzzzz", ["security", "observability"]), None);
    }

    #[test]
    fn human_rendering_points_at_the_span() {
        let text = "intro\nSee {{#skill C9.9}} here\n";
        let index = LineIndex::new(text);
        let start = text.find("C9.9").unwrap();
        let d = Diagnostic::error("unknown-skill", "reports/x.md", "unknown skill `C9.9`")
            .at(text, &index, start..start + 4)
            .with_suggestion("did you mean `C1.1`?");
        assert_eq!(d.location(), "reports/x.md:2:14");
        let rendered = d.render_human(false);
        assert!(
            rendered.contains("error[unknown-skill]: unknown skill `C9.9`"),
            "{rendered}"
        );
        assert!(rendered.contains("reports/x.md:2:14"), "{rendered}");
        assert!(
            rendered.contains("2 | See {{#skill C9.9}} here"),
            "{rendered}"
        );
        assert!(rendered.contains("^^^^"), "{rendered}");
        assert!(
            rendered.contains("help: did you mean `C1.1`?"),
            "{rendered}"
        );
    }

    #[test]
    fn nearest_accepts_typos_and_rejects_strangers() {
        let names = ["observability", "containers", "C1.3"];
        assert_eq!(nearest("obsrvability", names), Some("observability"));
        assert_eq!(nearest("c1.4", names), Some("C1.3"));
        assert_eq!(nearest("kubernetes", names), None);
    }
}
