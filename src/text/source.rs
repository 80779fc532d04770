//! Turning a file's bytes into text, and byte offsets into `line:column`.
//!
//! Reports come from students' editors: UTF-8 with or without a BOM, CRLF
//! or mixed line endings, sometimes UTF-16 or Windows-1252. Decoding never
//! fails: what cannot be read exactly is read as well as possible and
//! reported, so one bad file never stops a preview.

use std::ops::Range;

/// What decoding had to do to a file's bytes, for a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeNote {
    /// The file is UTF-16 (it has a UTF-16 byte order mark); it was converted.
    Utf16 { big_endian: bool },
    /// The file is not valid UTF-8; invalid bytes were replaced by U+FFFD.
    /// `offset` is the position of the first invalid byte in the decoded text.
    InvalidUtf8 { offset: usize },
}

/// A file's text after decoding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decoded {
    /// The text without any byte order mark.
    pub text: String,
    /// Whether a UTF-8 byte order mark was removed.
    pub had_bom: bool,
    /// What had to be done to read it, if anything.
    pub note: Option<DecodeNote>,
}

/// Decodes a file's bytes, removing a UTF-8 BOM as mdBook does for chapters.
pub fn decode(bytes: &[u8]) -> Decoded {
    decode_owned(bytes.to_vec())
}

/// Like `decode`, reusing the buffer of valid UTF-8 files (no copy).
pub fn decode_owned(mut bytes: Vec<u8>) -> Decoded {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        let mut decoded = decode_utf8(bytes);
        decoded.had_bom = true;
        return decoded;
    }
    if !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF") {
        return decode_utf8(bytes);
    }
    decode_utf16(&bytes)
}

fn decode_utf16(bytes: &[u8]) -> Decoded {
    let utf16 = if bytes.starts_with(b"\xFF\xFE") {
        Some((encoding_rs::UTF_16LE, false))
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some((encoding_rs::UTF_16BE, true))
    } else {
        None
    };
    if let Some((encoding, big_endian)) = utf16 {
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        return Decoded {
            text: text.into_owned(),
            had_bom: false,
            note: Some(DecodeNote::Utf16 { big_endian }),
        };
    }
    decode_utf8(bytes.to_vec())
}

fn decode_utf8(bytes: Vec<u8>) -> Decoded {
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            had_bom: false,
            note: None,
        },
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            Decoded {
                text,
                had_bom: false,
                // Everything before the first invalid byte is unchanged, so
                // its offset is the same in the lossy text.
                note: Some(DecodeNote::InvalidUtf8 { offset: valid }),
            }
        }
    }
}

/// Maps byte offsets of a text to 1-based lines and columns.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as CommonMark and editors
/// count them. Columns count characters, not bytes, so that a line with
/// accents points at the right place.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    len: usize,
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 60 + 1);
        starts.push(0);
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // A `\r` followed by `\n` ends its line at the `\n`.
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// The 0-based line that contains `offset`.
    fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset.min(self.len)) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The position of a byte offset (clamped to the text).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        Position {
            line: line + 1,
            column: text[start..offset].chars().count() + 1,
        }
    }

    /// The byte range of a 1-based line, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let index = line.saturating_sub(1).min(self.starts.len() - 1);
        let start = self.starts[index];
        let mut end = self.starts.get(index + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        let index = line.saturating_sub(1).min(self.starts.len() - 1);
        self.starts[index]
    }

    /// The byte offset of a 1-based line and a column counted in characters.
    pub fn offset_of(&self, text: &str, line: usize, column: usize) -> usize {
        let range = self.line_range(text, line);
        text[range.clone()]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(range.end, |(i, _)| range.start + i)
    }
}

/// A decoded file with its display path and line index: everything needed
/// to point a diagnostic at a place in it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the book root, with `/` separators.
    pub path: String,
    pub text: String,
    /// Made on the first diagnostic: most reports have none, and a book of
    /// a thousand reports would hold a thousand indexes for nothing.
    index: std::sync::OnceLock<LineIndex>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
            index: std::sync::OnceLock::new(),
        }
    }

    /// The line index of the text, made on first use.
    pub fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(&self.text))
    }

    pub fn position(&self, offset: usize) -> Position {
        self.index().position(&self.text, offset)
    }

    /// The text, giving up the file: for a page made in the text's own
    /// buffer.
    pub fn into_text(self) -> String {
        self.text
    }
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_removed_and_remembered() {
        let decoded = decode(b"\xEF\xBB\xBF# Title\n");
        assert_eq!(decoded.text, "# Title\n");
        assert!(decoded.had_bom);
        assert_eq!(decoded.note, None);
    }

    #[test]
    fn utf16_little_endian_is_converted() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "# Été\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes);
        assert_eq!(decoded.text, "# Été\n");
        assert_eq!(decoded.note, Some(DecodeNote::Utf16 { big_endian: false }));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_located() {
        let decoded = decode(b"ok\ncaf\xE9 au lait\n");
        assert_eq!(decoded.text, "ok\ncaf\u{FFFD} au lait\n");
        assert_eq!(decoded.note, Some(DecodeNote::InvalidUtf8 { offset: 6 }));
        let index = LineIndex::new(&decoded.text);
        assert_eq!(
            index.position(&decoded.text, 6),
            Position { line: 2, column: 4 }
        );
    }

    #[test]
    fn positions_count_characters_and_all_line_endings() {
        let text = "a\r\nb\rc\nété x";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(index.position(text, 3), Position { line: 2, column: 1 });
        assert_eq!(index.position(text, 5), Position { line: 3, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(index.position(text, x), Position { line: 4, column: 5 });
        assert_eq!(&text[index.line_range(text, 1)], "a");
        assert_eq!(&text[index.line_range(text, 4)], "été x");
        assert_eq!(index.offset_of(text, 4, 5), x);
    }
}
