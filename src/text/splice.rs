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
pub fn apply_tracked(text: &str, edits: Vec<Edit>) -> (String, Vec<Range<usize>>, usize) {
    let mut out =
        String::with_capacity(text.len() + edits.iter().map(|e| e.text.len()).sum::<usize>());
    out.push_str(text);
    let (inserted, dropped) = apply_in_place(&mut out, edits);
    (out, inserted, dropped)
}

/// Applies edits inside `text`'s own buffer: the author's bytes are moved
/// (each once) to where they end up and the edits' texts written between
/// them, so a report and its page never both sit in memory. Returns the
/// output ranges of the applied edits and the number of dropped edits.
pub fn apply_in_place(text: &mut String, mut edits: Vec<Edit>) -> (Vec<Range<usize>>, usize) {
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut at = 0;
    let mut dropped = 0;
    edits.retain(|edit| {
        let Range { start, end } = edit.range;
        let valid = start >= at
            && start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end);
        if valid {
            at = end;
        } else {
            dropped += 1;
        }
        valid
    });
    let old_len = text.len();
    let new_len = (old_len + edits.iter().map(|e| e.text.len()).sum::<usize>())
        - edits.iter().map(|e| e.range.len()).sum::<usize>();

    // The author's segments between edits, with where each starts now and
    // where it goes.
    let mut segments: Vec<(usize, usize, usize)> = Vec::with_capacity(edits.len() + 1);
    let mut inserted = Vec::with_capacity(edits.len());
    let (mut from, mut to) = (0, 0);
    for edit in &edits {
        segments.push((from, edit.range.start, to));
        to += edit.range.start - from;
        inserted.push(to..to + edit.text.len());
        to += edit.text.len();
        from = edit.range.end;
    }
    segments.push((from, old_len, to));

    let mut bytes = std::mem::take(text).into_bytes();
    if new_len > old_len {
        // Exactly what the page needs: files are read without room to
        // spare, and amortized growth would double a large report.
        bytes.reserve_exact(new_len - old_len);
        bytes.resize(new_len, 0);
    }
    // Segments moving left go first, left to right; then those moving
    // right, right to left: no segment is overwritten before it moves.
    for &(start, end, target) in segments.iter().filter(|s| s.2 < s.0) {
        bytes.copy_within(start..end, target);
    }
    for &(start, end, target) in segments.iter().rev().filter(|s| s.2 > s.0) {
        bytes.copy_within(start..end, target);
    }
    for (edit, range) in edits.iter().zip(&inserted) {
        bytes[range.clone()].copy_from_slice(edit.text.as_bytes());
    }
    bytes.truncate(new_len);
    // Whole characters were moved and valid UTF-8 written: this holds.
    *text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (inserted, dropped)
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
    fn in_place_matches_a_copy_when_growing_and_shrinking() {
        let text = "0123456789abcdefghij";
        let edits = vec![
            Edit::delete(0..4),
            Edit::replace(6..7, "SIX-LONG"),
            Edit::insert(10, "+"),
            Edit::replace(12..18, ""),
            Edit::insert(20, "END"),
        ];
        let mut in_place = String::with_capacity(8);
        in_place.push_str(text);
        let (inserted, dropped) = apply_in_place(&mut in_place, edits);
        assert_eq!(dropped, 0);
        assert_eq!(in_place, "45SIX-LONG789+abijEND");
        let pieces: Vec<&str> = inserted.iter().map(|r| &in_place[r.clone()]).collect();
        assert_eq!(pieces, ["", "SIX-LONG", "+", "", "END"]);
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
