//! French words of a prose piece, with their byte ranges: elisions
//! (`l'`, `qu’`, `jusqu'`) are tokens of their own, hyphens and the
//! inclusive-writing dot (`·`) stay inside a word, punctuation is a token
//! (so that a rule never matches across a comma).

use std::ops::Range;

/// The elided words French writes with an apostrophe.
const ELISIONS: &[&str] = &[
    "l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// `l'`, `qu'`: written with a straight apostrophe whatever the text had.
    Elision,
    Punctuation,
    /// Inline code, a marker, a URL.
    Opaque,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub text: String,
    pub kind: TokenKind,
}

impl Token {
    pub fn opaque(range: Range<usize>) -> Token {
        Token {
            range,
            text: String::new(),
            kind: TokenKind::Opaque,
        }
    }

    /// A word spelling looks at: no digits (1er, 2e, v1), more than one
    /// letter, not an acronym or a CamelCase name.
    pub fn is_checked_word(&self) -> bool {
        self.kind == TokenKind::Word
            && self.text.chars().count() > 1
            && !self.text.chars().any(|c| c.is_ascii_digit())
            && !super::super::prose::is_name(&self.text)
            && !self.text.chars().all(|c| !c.is_lowercase())
    }

    /// The word in lower case (`l'` for an elision).
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '·'
}

/// The tokens of `text`, whose first byte is at `offset` in the file.
pub fn tokens(text: &str, offset: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if is_word_char(c) {
            let mut j = i;
            let mut begin = start;
            while j < chars.len() {
                let (at, ch) = chars[j];
                let next_is_word = chars.get(j + 1).is_some_and(|&(_, n)| is_word_char(n));
                if is_word_char(ch) || (ch == '-' && next_is_word) {
                    j += 1;
                } else if (ch == '\'' || ch == '’') && next_is_word {
                    let head = &text[begin..at];
                    if ELISIONS.contains(&head.to_lowercase().as_str()) {
                        out.push(Token {
                            range: offset + begin..offset + at + ch.len_utf8(),
                            text: format!("{head}'"),
                            kind: TokenKind::Elision,
                        });
                        begin = at + ch.len_utf8();
                    }
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |&(at, _)| at);
            if begin < end {
                out.push(Token {
                    range: offset + begin..offset + end,
                    text: text[begin..end].to_owned(),
                    kind: TokenKind::Word,
                });
            }
            i = j;
        } else {
            if !c.is_whitespace() {
                out.push(Token {
                    range: offset + start..offset + start + c.len_utf8(),
                    text: c.to_string(),
                    kind: TokenKind::Punctuation,
                });
            }
            i += 1;
        }
    }
    out
}
