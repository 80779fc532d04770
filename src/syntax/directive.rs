//! The one scanner for mdBook-style directives, `{{#name args}}`: ours
//! (`{{#skill}}`, `{{#skill-evidence}}`) and mdBook's (`{{#include}}`,
//! `{{#rustdoc_include}}`, `{{#playground}}`). Markers, include paths and
//! the spelling checker's holes all find directives through it, so they
//! agree on what one is.

use std::ops::Range;

/// `{{#` found in a text, and the name after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The offset of `{{`.
    pub start: usize,
    /// Written `\{{#...}}`: mdBook's escape, which renders it as text.
    pub escaped: bool,
    /// The name: letters, digits, `_` and `-` right after `{{#`.
    pub name: Range<usize>,
}

impl Directive {
    pub fn name<'a>(&self, text: &'a str) -> &'a str {
        &text[self.name.clone()]
    }

    /// Whether the name is `name` and is followed by whitespace, `}` or the
    /// end of the text (so `{{#skill.` and `{{#skillset}}` are not `skill`).
    pub fn is(&self, text: &str, name: &str) -> bool {
        self.name(text) == name
            && text[self.name.end..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == '}')
    }

    /// The offset just after the first `}}` that follows the name and ends
    /// at or before `limit`, if any.
    pub fn end(&self, text: &str, limit: usize) -> Option<usize> {
        let close = text.get(self.name.end..limit)?.find("}}")?;
        Some(self.name.end + close + 2)
    }
}

/// The directives of `text[range]`, in order. Each `{{#` is reported,
/// even one inside another directive's arguments: a reader that takes a
/// directive whole skips those that start before its end.
pub fn scan(text: &str, range: Range<usize>) -> impl Iterator<Item = Directive> + '_ {
    let bytes = text.as_bytes();
    let end = range.end.min(text.len());
    let start = range.start.min(end);
    memchr::memmem::find_iter(&bytes[start..end], b"{{#").map(move |found| {
        let at = start + found;
        let name_start = at + 3;
        let name_len = text[name_start..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(text.len() - name_start);
        Directive {
            start: at,
            escaped: at > 0 && bytes[at - 1] == b'\\',
            name: name_start..name_start + name_len,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_escapes_and_ends() {
        let text = "a {{#skill C1.1}} \\{{#include x.md}} {{#skillset}} {{#skill";
        let found: Vec<Directive> = scan(text, 0..text.len()).collect();
        let names: Vec<&str> = found.iter().map(|d| d.name(text)).collect();
        assert_eq!(names, ["skill", "include", "skillset", "skill"]);
        assert!(found[0].is(text, "skill"));
        assert!(!found[2].is(text, "skill"));
        assert!(found[3].is(text, "skill"));
        assert!(found[1].escaped && !found[0].escaped);
        assert_eq!(
            &text[found[0].start..found[0].end(text, text.len()).unwrap()],
            "{{#skill C1.1}}"
        );
        assert_eq!(found[0].end(text, 10), None);
        assert_eq!(found[3].end(text, text.len()), None);
    }
}
