//! Finding `{{#skill ID ...}}` markers and `{{#skill-evidence ID}}`
//! directives in a chapter's prose.
//!
//! Only prose counts: a marker in a code block or inline code is text, a
//! marker written `\{{#skill ...}}` is text (mdBook's escape, which
//! Markdown renders without the backslash), and a marker inside raw HTML
//! or an image description is reported, because it cannot become a badge
//! there.

use crate::syntax::directive::{self, Directive};
use crate::syntax::frontmatter::Located;
use crate::syntax::markdown::Scan;
use std::ops::Range;

/// The two directives this tool reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `{{#skill ID ...}}`: the enclosing section evidences these skills.
    Skill,
    /// `{{#skill-evidence ID}}`: expands to the evidence list of a skill.
    SkillEvidence,
}

impl DirectiveKind {
    /// Which of ours a directive is, if it is one of ours.
    pub fn of(text: &str, directive: &Directive) -> Option<DirectiveKind> {
        [DirectiveKind::Skill, DirectiveKind::SkillEvidence]
            .into_iter()
            .find(|kind| directive.is(text, kind.name()))
    }

    pub fn name(self) -> &'static str {
        match self {
            DirectiveKind::Skill => "skill",
            DirectiveKind::SkillEvidence => "skill-evidence",
        }
    }
}

/// A directive found in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub kind: DirectiveKind,
    /// From `{{` to `}}` inclusive.
    pub range: Range<usize>,
    /// The ids as written, each with its span.
    pub ids: Vec<Located<String>>,
    /// Inside a link's text, where a badge must not be a link itself.
    pub in_link: bool,
    /// Alone in its paragraph (for `skill-evidence`: expand as a block).
    pub alone: bool,
}

/// A directive that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// `{{#skill` without a closing `}}` in the same paragraph.
    Unclosed {
        kind: DirectiveKind,
        range: Range<usize>,
    },
    /// `{{#skill` whose `}}` is on the same line but after formatting or
    /// HTML that cut the prose (`{{#skill <b>x</b>}}`, `{{#skill *C1.1*}}`).
    Interrupted {
        kind: DirectiveKind,
        range: Range<usize>,
    },
    /// `{{#skill}}` with no id.
    Empty {
        kind: DirectiveKind,
        range: Range<usize>,
    },
    /// A directive inside raw HTML or an image description.
    Unread {
        kind: DirectiveKind,
        range: Range<usize>,
    },
}

/// Finds the directives of `text` (whose structure `scan` describes),
/// starting at byte `from` (after the front matter).
pub fn find(text: &str, scan: &Scan, from: usize) -> (Vec<Marker>, Vec<Problem>) {
    let mut markers = Vec::new();
    let mut problems = Vec::new();
    let mut prose = scan.prose.iter().peekable();
    let mut raw = scan.raw.iter().peekable();
    let mut links = scan.link_text.clone();
    links.sort_by_key(|r| r.start);
    // A marker taken whole hides the `{{#` written in its arguments.
    let mut taken_to = from;
    for directive in directive::scan(text, from..text.len()) {
        let start = directive.start;
        if start < taken_to || directive.escaped {
            continue;
        }
        let Some(kind) = DirectiveKind::of(text, &directive) else {
            continue;
        };
        // Ranges are sorted and starts only grow: advance the cursors.
        while prose.peek().is_some_and(|r| r.end <= start) {
            prose.next();
        }
        while raw.peek().is_some_and(|r| r.end <= start) {
            raw.next();
        }
        let in_prose = prose.peek().filter(|r| r.start <= start).cloned();
        let Some(run) = in_prose else {
            let in_raw = raw.peek().is_some_and(|r| r.start <= start);
            if in_raw {
                let end = directive.end(text, text.len()).unwrap_or(start + 3);
                problems.push(Problem::Unread {
                    kind,
                    range: start..end,
                });
            }
            continue;
        };
        let name_end = directive.name.end;
        // The prose run can end inside the name: in `# A {{#skill x}` the
        // heading's `{#skill x}` is read as attributes, so the run is `{`.
        let Some(end) = directive.end(text, run.end) else {
            let line_end = text[start..]
                .find(['\n', '\r'])
                .map_or(text.len(), |i| start + i);
            let range = start..line_end.min(run.end).max(name_end);
            if text[name_end..line_end].contains("}}") {
                problems.push(Problem::Interrupted { kind, range });
            } else {
                problems.push(Problem::Unclosed { kind, range });
            }
            continue;
        };
        let ids = split_ids(text, name_end..end - 2);
        taken_to = end;
        if ids.is_empty() {
            problems.push(Problem::Empty {
                kind,
                range: start..end,
            });
            continue;
        }
        let in_link = links.iter().any(|l| l.start <= start && end <= l.end);
        markers.push(Marker {
            kind,
            range: start..end,
            ids,
            in_link,
            alone: alone_in_paragraph(text, start..end),
        });
    }
    (markers, problems)
}

/// Splits a directive's argument list on whitespace and commas.
fn split_ids(text: &str, range: Range<usize>) -> Vec<Located<String>> {
    let args = &text[range.clone()];
    let mut ids = Vec::new();
    let mut start = None;
    for (i, c) in args.char_indices().chain([(args.len(), ' ')]) {
        let separator = c.is_whitespace() || c == ',';
        match (start, separator) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                ids.push(Located {
                    value: args[s..i].to_owned(),
                    span: range.start + s..range.start + i,
                });
                start = None;
            }
            _ => {}
        }
    }
    ids
}

/// Whether a range is the only thing on its line(s), with blank lines or
/// the text's ends around it: a paragraph of its own.
fn alone_in_paragraph(text: &str, range: Range<usize>) -> bool {
    let before = &text[..range.start];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let after = &text[range.end..];
    let line_end = after.find(['\n', '\r']).map_or(after.len(), |i| i);
    before[line_start..].trim().is_empty() && after[..line_end].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::markdown::{Flavor, scan};

    fn markers(text: &str) -> (Vec<Marker>, Vec<Problem>) {
        find(text, &scan(text, Flavor::default()), 0)
    }

    #[test]
    fn markers_in_prose_count_and_code_does_not() {
        let text = "Intro {{#skill C1.1 observability}}.\n\n`{{#skill C2.2}}`\n\n```\n{{#skill C2.3}}\n```\n\n\\{{#skill C2.4}} is how you write one.\n";
        let (found, problems) = markers(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(found.len(), 1);
        let ids: Vec<_> = found[0].ids.iter().map(|i| i.value.as_str()).collect();
        assert_eq!(ids, ["C1.1", "observability"]);
        assert_eq!(&text[found[0].ids[1].span.clone()], "observability");
        assert_eq!(
            &text[found[0].range.clone()],
            "{{#skill C1.1 observability}}"
        );
    }

    #[test]
    fn markers_in_headings_links_lists_and_quotes() {
        let text = "## CI {{#skill C2.1}}\n\n- item {{#skill C2.4}}\n\n> quoted {{#skill C3.6}}\n\n[see {{#skill C1.1}}](x.md)\n\n| a | b |\n|---|---|\n| {{#skill C1.2}} | x |\n";
        let (found, problems) = markers(text);
        assert!(problems.is_empty(), "{problems:?}");
        let ids: Vec<_> = found.iter().map(|m| m.ids[0].value.as_str()).collect();
        assert_eq!(ids, ["C2.1", "C2.4", "C3.6", "C1.1", "C1.2"]);
        assert!(found[3].in_link);
        assert!(!found[0].in_link);
    }

    #[test]
    fn problems_are_reported() {
        let text = "Unclosed {{#skill C1.1 here\n\nEmpty {{#skill}} here\n\n<div title=\"{{#skill C1.1}}\"></div>\n\n![{{#skill C1.2}}](a.png)\n";
        let (found, problems) = markers(text);
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(matches!(problems[0], Problem::Unclosed { .. }));
        assert!(matches!(problems[1], Problem::Empty { .. }));
        assert!(matches!(problems[2], Problem::Unread { .. }));
        assert!(matches!(problems[3], Problem::Unread { .. }));
    }

    #[test]
    fn a_heading_whose_attributes_swallow_the_marker_is_unclosed() {
        // Found by fuzzing: the prose run is `{` alone (`{#skill x}` reads
        // as heading attributes), shorter than the directive's name.
        let (found, problems) = markers("# A {{#skill x}\n");
        assert!(found.is_empty(), "{found:?}");
        assert!(
            matches!(problems[..], [Problem::Unclosed { .. }]),
            "{problems:?}"
        );
    }

    #[test]
    fn evidence_directive_alone_or_inline() {
        let text = "Para\n\n{{#skill-evidence C1.1}}\n\nInline {{#skill-evidence C1.2}} here.\n";
        let (found, _) = markers(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].kind, DirectiveKind::SkillEvidence);
        assert!(found[0].alone);
        assert!(!found[1].alone);
    }
}
