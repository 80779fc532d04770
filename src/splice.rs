//! Changing an author's text only where we mean to: a list of edits at byte
//! offsets, applied in one pass. Every byte outside the edits is copied as
//! is; the author's Markdown is never re-serialized.

use std::ops::Range;

/// Replace `range` of the text with `text` (an empty range inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

impl Edit {
    pub fn insert(at: usize, text: impl Into<String>) -> Edit {
        Edit {
            range: at..at,
            text: text.into(),
        }
    }

    pub fn replace(range: Range<usize>, text: impl Into<String>) -> Edit {
        Edit {
            range,
            text: text.into(),
        }
    }

    pub fn delete(range: Range<usize>) -> Edit {
        Edit {
            range,
            text: String::new(),
        }
    }
}

/// Applies edits to `text`. Edits are sorted by position (stable, so two
/// insertions at one offset keep their order); an edit that overlaps an
/// earlier one or falls outside the text is dropped rather than corrupting
/// the text. Returns the new text and the number of dropped edits.
pub fn apply(text: &str, edits: Vec<Edit>) -> (String, usize) {
    let (out, _, dropped) = apply_tracked(text, edits);
    (out, dropped)
}

/// Like `apply`, and also returns, for each applied edit in order, the
/// range of the output that its text occupies, so what the tool inserted
/// can be told apart from the author's bytes.
pub fn apply_tracked(text: &str, mut edits: Vec<Edit>) -> (String, Vec<Range<usize>>, usize) {
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let added: usize = edits.iter().map(|e| e.text.len()).sum();
    let mut out = String::with_capacity(text.len() + added);
    let mut at = 0;
    let mut dropped = 0;
    let mut inserted = Vec::with_capacity(edits.len());
    for edit in edits {
        let Range { start, end } = edit.range;
        let valid = start >= at
            && start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end);
        if !valid {
            dropped += 1;
            continue;
        }
        out.push_str(&text[at..start]);
        let from = out.len();
        out.push_str(&edit.text);
        inserted.push(from..out.len());
        at = end;
    }
    out.push_str(&text[at..]);
    (out, inserted, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_in_order_and_keep_other_bytes() {
        let text = "+++\nx = 1\n+++\r\n# Été\r\nSee {{#skill C1.1}}.\r\n";
        let fm_end = text.find("# ").unwrap();
        let m = text.find("{{").unwrap();
        let m_end = text.find("}}").unwrap() + 2;
        let edits = vec![
            Edit::replace(m..m_end, "<b>C1.1</b>"),
            Edit::delete(0..fm_end),
            Edit::insert(fm_end + "# Été\r\n".len(), "BOX\r\n"),
        ];
        let (out, dropped) = apply(text, edits);
        assert_eq!(dropped, 0);
        assert_eq!(out, "# Été\r\nBOX\r\nSee <b>C1.1</b>.\r\n");
    }

    #[test]
    fn overlapping_or_out_of_bounds_edits_are_dropped() {
        let (out, dropped) = apply(
            "abcdef",
            vec![
                Edit::replace(1..4, "X"),
                Edit::replace(2..3, "Y"),
                Edit::insert(99, "Z"),
            ],
        );
        assert_eq!(out, "aXef");
        assert_eq!(dropped, 2);
    }
}
