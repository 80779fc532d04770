//! What harper sees of a text: its prose, with everything else blanked.
//!
//! Only prose is checked: the [`Scan::prose`] runs of a report or a chapter
//! (text outside code blocks, inline code, raw HTML and image
//! descriptions), minus our `{{#skill ...}}` / `{{#skill-evidence ...}}`
//! markers, any other `{{#...}}` directive (`{{#include}}`) and URL-looking
//! words. Front matter is never prose. Inline code, markers and URLs are
//! shown to harper as opaque tokens (as harper's own Markdown parser
//! does), so "an `nginx` pod" is not read as "an pod"; every block
//! (paragraph, list item, table cell, heading) is its own paragraph for
//! harper, so words in two table cells are never "repeated words".
//!
//! Harper sees a copy of the file in which everything that is not prose is
//! blanked: each character is replaced by as many spaces as it has bytes
//! (line breaks are kept), so byte offsets are the same in both texts.

use crate::lang::Lang;
use crate::model::chapter::Chapter;
use crate::model::report::Report;
use crate::syntax::directive;
use crate::syntax::markdown::Scan;
use crate::text::source::SourceFile;
use std::ops::Range;

/// A text to check: a file, its structure, where its prose starts, and
/// ranges that are not prose even though the scan says they are (our
/// markers).
#[derive(Debug, Clone)]
pub struct Target<'a> {
    pub source: &'a SourceFile,
    pub scan: &'a Scan,
    pub from: usize,
    pub skip: Vec<Range<usize>>,
    /// The text's language when it is not the book's (`lang` in a
    /// report's front matter); `Some(None)` for one the tool has no rules
    /// for, which gets no spelling.
    pub lang: Option<Option<Lang>>,
}

impl<'a> Target<'a> {
    /// A report: its prose after the front matter, without its markers.
    pub fn report(report: &'a Report, source: &'a SourceFile) -> Target<'a> {
        Target {
            source,
            scan: &report.scan,
            from: report.front_matter_range.end,
            skip: report.markers.iter().map(|m| m.range.clone()).collect(),
            lang: report.front_matter.lang.as_ref().map(|l| l.value),
        }
    }

    /// A hand-written chapter, after its front matter, without its markers.
    pub fn chapter(chapter: &'a Chapter) -> Target<'a> {
        Target {
            source: &chapter.source,
            scan: &chapter.scan,
            from: chapter.body_start,
            skip: chapter.markers.iter().map(|m| m.range.clone()).collect(),
            lang: chapter.lang,
        }
    }

    /// Findings in this target's text, as diagnostics.
    pub fn diagnostics(&self, findings: &[super::Finding]) -> Vec<crate::diagnostic::Diagnostic> {
        findings.iter().map(|f| f.diagnostic(self.source)).collect()
    }
}

/// What kind of text a piece of a blanked file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PieceKind {
    /// Words to check.
    Prose,
    /// Inline code, a marker or a URL: a word that is not checked.
    Opaque,
}

/// A piece of the text harper sees, with the block it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Piece {
    pub range: Range<usize>,
    pub kind: PieceKind,
    /// The start of the innermost block (paragraph, item, cell, heading):
    /// pieces of different blocks are different paragraphs for harper.
    pub block: usize,
}

/// A text prepared for harper: the blanked copy and its pieces.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Blanked {
    /// The text with everything but prose replaced by spaces (as many as
    /// the character's bytes; line breaks kept), so offsets are unchanged.
    pub text: String,
    /// In order, not overlapping.
    pub pieces: Vec<Piece>,
}

/// Prepares a target: what is prose, what is an opaque word, what is
/// neither.
pub fn blank(target: &Target) -> Blanked {
    let text = target.source.text.as_str();
    let scan = target.scan;
    // Prose before `from` (a chapter's front matter) is not checked.
    let prose = &scan.prose[scan.prose.partition_point(|r| r.start < target.from)..];
    let holes = holes(target, prose);
    let pieces = pieces(scan, prose, &holes);
    Blanked {
        text: blanked_text(text, &pieces),
        pieces,
    }
}

/// Ranges inside prose that are not words to check, merged and in order:
/// opaque words (`true`), and the spaces or backslash of a hard line break.
fn holes(target: &Target, prose: &[Range<usize>]) -> Vec<(Range<usize>, bool)> {
    let text = target.source.text.as_str();
    let mut holes: Vec<(Range<usize>, bool)> = target
        .skip
        .iter()
        .filter(|r| r.start >= target.from)
        .map(|r| (r.clone(), true))
        .collect();
    for run in prose {
        holes.extend(directives(text, run.clone()).into_iter().map(|r| (r, true)));
        holes.extend(urls(text, run.clone()).into_iter().map(|r| (r, true)));
        holes.extend(long_tokens(text, run.clone()).map(|r| (r, true)));
        holes.extend(
            code_like_tokens(text, run.clone())
                .into_iter()
                .map(|r| (r, true)),
        );
        holes.extend(line_ends(text, run.clone()).into_iter().map(|r| (r, false)));
    }
    holes.extend(
        target
            .scan
            .code
            .iter()
            .filter(|r| r.start >= target.from && is_inline_code(text, r))
            .map(|r| (r.clone(), true)),
    );
    holes.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<(Range<usize>, bool)> = Vec::new();
    for (r, opaque) in holes {
        match merged.last_mut() {
            Some((last, last_opaque)) if r.start < last.end => {
                last.end = last.end.max(r.end);
                *last_opaque |= opaque;
            }
            _ => merged.push((r, opaque)),
        }
    }
    merged
}

/// The prose runs cut around the holes, and the opaque holes, in order
/// and without overlaps.
fn pieces(scan: &Scan, prose: &[Range<usize>], holes: &[(Range<usize>, bool)]) -> Vec<Piece> {
    let block_of = |offset: usize| scan.container_at(offset).map_or(usize::MAX, |r| r.start);
    let mut pieces = Vec::new();
    let mut next = holes.iter().map(|(r, _)| r).peekable();
    for run in prose {
        let mut at = run.start;
        while at < run.end {
            while next.peek().is_some_and(|h| h.end <= at) {
                next.next();
            }
            let hole = next.peek().filter(|h| h.start < run.end);
            let prose_end = hole.map_or(run.end, |h| h.start.max(at));
            if prose_end > at {
                pieces.push(Piece {
                    range: at..prose_end,
                    kind: PieceKind::Prose,
                    block: block_of(at),
                });
            }
            at = prose_end;
            if let Some(hole) = hole {
                at = at.max(hole.end.min(run.end));
            }
        }
    }
    // Opaque pieces: inline code between prose, markers and URLs in it.
    for (hole, opaque) in holes {
        if *opaque {
            pieces.push(Piece {
                range: hole.clone(),
                kind: PieceKind::Opaque,
                block: block_of(hole.start),
            });
        }
    }
    pieces.sort_by_key(|p| (p.range.start, p.range.end));
    // A hole may overlap a prose piece only if it sticks out of prose
    // (a marker across a run boundary): drop what would overlap.
    let mut clean: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if clean
            .last()
            .is_some_and(|l| piece.range.start < l.range.end)
        {
            continue;
        }
        clean.push(piece);
    }
    clean
}

/// The text with everything but the prose pieces blanked, byte for byte
/// (line breaks kept, so positions stay the same).
fn blanked_text(text: &str, pieces: &[Piece]) -> String {
    let mut blanked = String::with_capacity(text.len());
    let mut prose = pieces
        .iter()
        .filter(|p| p.kind == PieceKind::Prose)
        .peekable();
    for (i, c) in text.char_indices() {
        while prose.peek().is_some_and(|p| p.range.end <= i) {
            prose.next();
        }
        let in_prose = prose.peek().is_some_and(|p| p.range.start <= i);
        match c {
            '\n' => blanked.push('\n'),
            '\r' | '\t' => blanked.push(' '),
            c if in_prose => blanked.push(c),
            c => blanked.extend(std::iter::repeat_n(' ', c.len_utf8())),
        }
    }
    blanked
}

/// Prefixes written with a hyphen (`pre-calculated`, `non-empty`): the
/// prefix alone is not a word to check.
const PREFIXES: [&str; 22] = [
    "pre", "re", "non", "multi", "co", "sub", "de", "un", "anti", "self", "cross", "inter", "post",
    "semi", "auto", "micro", "over", "under", "super", "out", "hyper", "meta",
];

/// Tokens that are code, not words: snake_case identifiers
/// (`max_connections`), paths and file names (`values.yaml`, `a/b`), the
/// possessive after inline code (`` `Application`'s ``), and hyphen
/// prefixes (`pre-` of `pre-calculated`). (Acronyms and CamelCase names
/// stay visible to grammar, "a API", and are only never spelling
/// mistakes: see `is_name`.)
fn code_like_tokens(text: &str, run: Range<usize>) -> Vec<Range<usize>> {
    let piece = &text[run.clone()];
    let mut found = Vec::new();
    for token in piece.split(char::is_whitespace) {
        let trimmed = token.trim_matches(|c: char| {
            matches!(
                c,
                '(' | ')' | '[' | ']' | ',' | ';' | ':' | '!' | '?' | '"' | '“' | '”'
            )
        });
        let trimmed = trimmed.trim_end_matches('.');
        if trimmed.is_empty() {
            continue;
        }
        let start = run.start + (trimmed.as_ptr() as usize - piece.as_ptr() as usize);
        if is_code(trimmed) || matches!(trimmed, "'s" | "’s") || is_unit(trimmed) {
            found.push(start..start + trimmed.len());
        } else if let Some((prefix, rest)) = trimmed.split_once('-')
            && !rest.is_empty()
            && PREFIXES.contains(&prefix.to_lowercase().as_str())
        {
            found.push(start..start + prefix.len() + 1);
        }
    }
    found
}

/// Units and lone letters, never words to correct: `ns`, `µs`, `GiB`, the
/// `s` of a plural written after inline code (`` `Pod`s ``).
fn is_unit(token: &str) -> bool {
    const UNITS: [&str; 11] = [
        "s", "ns", "µs", "ms", "kb", "mb", "gb", "tb", "kib", "mib", "gib",
    ];
    UNITS.contains(&token.to_lowercase().as_str())
}

/// Whether a token is code: a path, a file name, an identifier.
fn is_code(token: &str) -> bool {
    let inner_dot = token
        .char_indices()
        .any(|(i, c)| c == '.' && i > 0 && token[i + 1..].starts_with(char::is_alphanumeric));
    inner_dot || token.contains(['_', '/', '\\', '=', '<', '>', '@'])
}

/// Whether a word is a name, never a spelling mistake: an acronym (`RBAC`,
/// `CRDs`) or a CamelCase name (`ConfigMap`, `kubeProxy`, `OpenTofu's`).
pub fn is_name(word: &str) -> bool {
    let word = word.trim_end_matches("'s").trim_end_matches("’s");
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    let acronym = upper >= 2 && (lower == 0 || (lower == 1 && word.ends_with('s')));
    let camel = word
        .chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    acronym || camel
}

/// Tokens longer than any word (hashes, base64, a pasted blob): opaque.
/// Harper's suggestions cost the square of a word's length, and nobody
/// misspells a 60-letter word.
fn long_tokens(text: &str, run: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    const LONGEST_WORD: usize = 60;
    let piece = &text[run.clone()];
    piece
        .split(char::is_whitespace)
        .filter(|token| token.len() > LONGEST_WORD)
        .map(move |token| {
            let start = run.start + (token.as_ptr() as usize - piece.as_ptr() as usize);
            start..start + token.len()
        })
}

/// `{{#...}}` directives (ours, `{{#include}}` ...) in a prose run, with an
/// escaping backslash.
fn directives(text: &str, run: Range<usize>) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    for directive in directive::scan(text, run.clone()) {
        if found.last().is_some_and(|last| directive.start < last.end) {
            continue;
        }
        let end = directive.end(text, run.end).unwrap_or(run.end);
        let start = if directive.escaped && directive.start > run.start {
            directive.start - 1
        } else {
            directive.start
        };
        found.push(start..end);
    }
    found
}

/// Spaces, tabs and a backslash just before a line ending in a prose run:
/// a hard line break, or trailing spaces nobody sees.
fn line_ends(text: &str, run: Range<usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (i, b) in text[run.clone()].bytes().enumerate() {
        if b != b'\n' && b != b'\r' {
            continue;
        }
        let end = run.start + i;
        let mut start = end;
        while start > run.start && matches!(bytes[start - 1], b' ' | b'\t' | b'\\' | b'\r') {
            start -= 1;
        }
        if start < end {
            found.push(start..end);
        }
    }
    found
}

/// URL-looking words in a prose run (`https://...`, `www....`, `mailto:...`),
/// without the punctuation that ends a sentence or closes a parenthesis.
fn urls(text: &str, run: Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let slice = &text[run.clone()];
    let mut offset = 0;
    for word in slice.split_inclusive(char::is_whitespace) {
        let start = run.start + offset;
        offset += word.len();
        let trimmed = word.trim_end();
        let lead = trimmed.len() - trimmed.trim_start_matches(['(', '<', '"', '\'', '[']).len();
        let core = &trimmed[lead..];
        let looks_like_url =
            core.contains("://") || core.starts_with("www.") || core.starts_with("mailto:");
        if !looks_like_url {
            continue;
        }
        let core = core.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '\'']);
        found.push(start + lead..start + lead + core.len());
    }
    found
}

/// Whether a range of `Scan::code` is inline code (not a code block).
fn is_inline_code(text: &str, range: &Range<usize>) -> bool {
    let Some(code) = text.get(range.clone()) else {
        return false;
    };
    if code.starts_with([' ', '\t']) || code.starts_with("~~~") {
        return false;
    }
    let ticks = code.len() - code.trim_start_matches('`').len();
    if ticks == 0 {
        return false;
    }
    if ticks < 3 {
        return true;
    }
    // A fence's info string cannot contain a backtick; inline code of three
    // backticks closes on its own line.
    let first_line = code[ticks..].split(['\n', '\r']).next().unwrap_or("");
    first_line.contains('`')
}
