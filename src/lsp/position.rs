//! Byte offsets ↔ LSP positions, in the encoding negotiated with the
//! client (UTF-16 unless the client offers another).

use lsp_types::{Position, PositionEncodingKind, Range};

/// How LSP columns count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    /// The first encoding the client offers that we know; UTF-16 (the
    /// protocol's default) otherwise.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        offered
            .unwrap_or_default()
            .iter()
            .find_map(|kind| match kind.as_str() {
                "utf-8" => Some(Encoding::Utf8),
                "utf-16" => Some(Encoding::Utf16),
                "utf-32" => Some(Encoding::Utf32),
                _ => None,
            })
            .unwrap_or(Encoding::Utf16)
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    /// How many units `text` is.
    pub fn units(self, text: &str) -> u32 {
        let n = match self {
            Encoding::Utf8 => text.len(),
            Encoding::Utf16 => text.encode_utf16().count(),
            Encoding::Utf32 => text.chars().count(),
        };
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// The LSP position of a byte offset of `text`.
    pub fn position(self, text: &str, offset: usize) -> Position {
        let offset = crate::text::source::floor_char_boundary(text, offset.min(text.len()));
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: u32::try_from(text[..offset].matches('\n').count()).unwrap_or(u32::MAX),
            character: self.units(&text[line_start..offset]),
        }
    }

    pub fn range(self, text: &str, range: std::ops::Range<usize>) -> Range {
        Range {
            start: self.position(text, range.start),
            end: self.position(text, range.end),
        }
    }

    /// The byte offset of an LSP position of `text` (clamped to its line
    /// and to the text).
    pub fn offset(self, text: &str, position: Position) -> usize {
        let mut line_start = 0;
        for _ in 0..position.line {
            match text[line_start..].find('\n') {
                Some(i) => line_start += i + 1,
                None => return text.len(),
            }
        }
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let mut units = 0;
        for (i, c) in text[line_start..line_end].char_indices() {
            if units >= position.character {
                return line_start + i;
            }
            units += match self {
                Encoding::Utf8 => c.len_utf8() as u32,
                Encoding::Utf16 => c.len_utf16() as u32,
                Encoding::Utf32 => 1,
            };
        }
        line_end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_surrogate_pairs_and_accents() {
        let text = "# Déploiement 🚀\nle réseau est prêt\n";
        let offset = text.find("réseau").unwrap();
        let position = Encoding::Utf16.position(text, offset);
        assert_eq!(
            position,
            Position {
                line: 1,
                character: 3
            }
        );
        assert_eq!(Encoding::Utf16.offset(text, position), offset);
        let end = Encoding::Utf16.position(text, text.find('\n').unwrap());
        assert_eq!(end.character, 16, "🚀 is two UTF-16 units");
        assert_eq!(
            Encoding::Utf8
                .position(text, text.find('\n').unwrap())
                .character,
            19
        );
        assert_eq!(
            Encoding::Utf32
                .position(text, text.find('\n').unwrap())
                .character,
            15
        );
        assert_eq!(
            Encoding::Utf16.offset(
                text,
                Position {
                    line: 9,
                    character: 0
                }
            ),
            text.len()
        );
        assert_eq!(
            Encoding::negotiate(Some(&[
                PositionEncodingKind::new("x"),
                PositionEncodingKind::UTF8
            ])),
            Encoding::Utf8
        );
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
