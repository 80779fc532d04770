//! The harper adapter: harper's curated dictionary and rules for the
//! chosen English, a parser that reads a blanked text as harper's own
//! Markdown parser would read the original, and harper's lints turned into
//! findings in byte offsets of the original text.
//!
//! Harper's spans count characters; they are mapped back to bytes through
//! the blanked copy, so a line with accents before a mistake still gets the
//! right `line:column`.

use super::prose::{Blanked, Piece, PieceKind};
use super::{DISABLED_RULES, Finding, FindingKind, Settings};
use crate::config::English;
use crate::diagnostic::did_you_mean;
use harper_core::linting::{Lint, LintGroup, LintKind, Linter as _, Suggestion};
use harper_core::parsers::{Parser, PlainEnglish};
use harper_core::spell::{Dictionary as _, FstDictionary, MergedDictionary, MutableDictionary};
use harper_core::{Dialect, DictWordMetadata, Document, Lrc, Span, Token, TokenKind};
use std::sync::Arc;

/// The version of harper-core, part of every cache key.
pub fn version() -> String {
    harper_core::core_version().to_string()
}

/// A linter for one thread: building one takes a while, and harper's
/// lint groups are not `Send`.
pub struct Linter {
    dictionary: Arc<MergedDictionary>,
    group: LintGroup,
    style: bool,
    strict_english: bool,
}

impl Linter {
    pub fn new(dictionary: Arc<MergedDictionary>, settings: &Settings) -> Linter {
        Linter {
            group: lint_group(dictionary.clone(), settings.english),
            dictionary,
            style: settings.style,
            strict_english: settings.strict_english,
        }
    }

    pub fn lint(&mut self, blanked: &Blanked, original: &str) -> Vec<Finding> {
        let ours = super::learner::check(blanked, original);
        let mut found = lint(
            blanked,
            original,
            &mut self.group,
            &self.dictionary,
            self.style,
            self.strict_english,
        );
        // Where a learner rule fires, its fix is the one to show.
        found.retain(|f| {
            !ours
                .iter()
                .any(|o| o.range.start < f.range.end && f.range.start < o.range.end)
        });
        found.extend(ours);
        found.sort_by_key(|f| (f.range.start, f.range.end));
        found
    }
}

fn dialect(english: English) -> Dialect {
    match english {
        English::American => Dialect::American,
        English::British => Dialect::British,
        English::Canadian => Dialect::Canadian,
        English::Australian => Dialect::Australian,
    }
}

/// The field's words that harper's dictionary lacks (see VOCABULARY.md).
const VOCABULARY: &str = include_str!("vocabulary.txt");

/// Harper's dictionary plus the field's vocabulary and the project's words.
pub fn dictionary(words: &[String]) -> Arc<MergedDictionary> {
    let mut project = MutableDictionary::new();
    for word in VOCABULARY.lines().chain(words.iter().map(String::as_str)) {
        project.append_word_str(word, DictWordMetadata::default());
    }
    let mut merged = MergedDictionary::new();
    merged.add_dictionary(FstDictionary::curated());
    merged.add_dictionary(Arc::new(project));
    Arc::new(merged)
}

/// Harper's curated rules for this English, minus [`DISABLED_RULES`].
pub fn lint_group(dictionary: Arc<MergedDictionary>, english: English) -> LintGroup {
    let mut group = LintGroup::new_curated(dictionary, dialect(english));
    for rule in DISABLED_RULES {
        group.config.set_rule_enabled(*rule, false);
    }
    group
}

/// Reads blanked text as harper's Markdown parser would read the
/// original: prose pieces are plain English, opaque pieces are
/// unlintable tokens, and each block is a paragraph.
struct ProseParser {
    /// Char ranges, kinds and blocks.
    pieces: Vec<(usize, usize, PieceKind, usize)>,
}

impl Parser for ProseParser {
    fn parse(&self, source: &[char]) -> Vec<Token> {
        let mut tokens: Vec<Token> = Vec::new();
        let mut block = None;
        for &(start, end, kind, in_block) in &self.pieces {
            if block != Some(in_block) {
                if let Some(last) = tokens.last() {
                    let at = last.span.end;
                    tokens.push(Token::new(Span::empty(at), TokenKind::ParagraphBreak));
                }
                block = Some(in_block);
            }
            match kind {
                PieceKind::Prose => {
                    let mut found = PlainEnglish.parse(&source[start..end]);
                    for token in &mut found {
                        token.span.push_by(start);
                    }
                    tokens.append(&mut found);
                }
                PieceKind::Opaque => {
                    tokens.push(Token::new(Span::new(start, end), TokenKind::Unlintable));
                }
            }
        }
        tokens
    }
}

/// Lints one blanked text; findings are in byte offsets.
fn lint(
    blanked: &Blanked,
    original: &str,
    group: &mut LintGroup,
    dictionary: &MergedDictionary,
    style: bool,
    strict_english: bool,
) -> Vec<Finding> {
    // Byte offset of every char of the blanked text, and the end.
    let mut char_to_byte: Vec<usize> = blanked.text.char_indices().map(|(i, _)| i).collect();
    char_to_byte.push(blanked.text.len());
    let byte_to_char = |byte: usize| char_to_byte.partition_point(|&b| b < byte);
    let pieces = blanked
        .pieces
        .iter()
        .map(|p: &Piece| {
            (
                byte_to_char(p.range.start),
                byte_to_char(p.range.end),
                p.kind,
                p.block,
            )
        })
        .collect();
    let chars: Lrc<[char]> = blanked.text.chars().collect();
    let document = Document::new_from_chars(chars.clone(), &ProseParser { pieces }, dictionary);
    let mut lints = group.lint(&document);
    harper_core::remove_overlaps(&mut lints);
    let mut findings: Vec<Finding> = lints
        .into_iter()
        .filter_map(|lint| {
            let start = *char_to_byte.get(lint.span.start)?;
            let end = *char_to_byte.get(lint.span.end.max(lint.span.start))?;
            if !style && is_style(lint.lint_kind) {
                return None;
            }
            let written = original.get(start..end)?;
            // A word of another English ("relabelling", "specialised" in an
            // American book) is not a mistake, unless the book chose its
            // English.
            if !strict_english
                && lint.lint_kind == LintKind::Spelling
                && dictionary.contains_word_str(written)
            {
                return None;
            }
            finding(&lint, written, start..end)
        })
        .collect();
    findings.sort_by_key(|f| (f.range.start, f.range.end));
    findings
}

/// Advice about style rather than a mistake: off unless `style = true`.
fn is_style(kind: LintKind) -> bool {
    matches!(
        kind,
        LintKind::Style
            | LintKind::Redundancy
            | LintKind::Enhancement
            | LintKind::Readability
            | LintKind::Regionalism
    )
}

/// A harper lint on `written` (at `range` of the text) as a finding, or
/// none if it is not worth showing.
fn finding(lint: &Lint, written: &str, range: std::ops::Range<usize>) -> Option<Finding> {
    let spelling = lint.lint_kind == LintKind::Spelling;
    // Words with digits are identifiers (C1.3, S3, k3s, EC2); acronyms and
    // CamelCase words are names (RBAC, ConfigMap).
    if spelling && (written.chars().any(|c| c.is_ascii_digit()) || super::prose::is_name(written)) {
        return None;
    }
    let replacements: Vec<String> = lint
        .suggestions
        .iter()
        .map(|s| match s {
            Suggestion::ReplaceWith(chars) => chars.iter().collect::<String>(),
            Suggestion::InsertAfter(chars) => {
                format!("{written}{}", chars.iter().collect::<String>())
            }
            Suggestion::Remove => String::new(),
        })
        .take(3)
        .collect();
    let (message, suggestion) = if spelling {
        (
            format!("possible spelling mistake: `{written}`"),
            Some(if replacements.is_empty() {
                format!(
                    "if `{written}` is right, add it to the project word list (`dictionary` in book.toml)"
                )
            } else {
                did_you_mean(&replacements)
            }),
        )
    } else {
        let suggestion = if replacements.iter().any(String::is_empty) {
            Some(format!("remove `{written}`"))
        } else if replacements.is_empty() {
            None
        } else {
            Some(did_you_mean(&replacements))
        };
        (sentence_to_message(&lint.message), suggestion)
    };
    Some(Finding {
        range,
        kind: if spelling {
            FindingKind::Spelling
        } else {
            FindingKind::Grammar
        },
        message,
        suggestion,
    })
}

/// Harper writes sentences, sometimes two ("Use `its` for possession.
/// The word `it's` is a contraction..."); diagnostics are one
/// lower-case phrase like rustc's.
fn sentence_to_message(sentence: &str) -> String {
    let sentence = sentence.trim();
    let first = sentence
        .match_indices(". ")
        .find(|(i, _)| sentence[i + 2..].starts_with(char::is_uppercase))
        .map_or(sentence, |(i, _)| &sentence[..i]);
    let trimmed = first.trim_end_matches('.');
    let mut chars = trimmed.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
            .to_lowercase()
            .chain(trimmed[first.len_utf8()..].chars())
            .collect(),
        _ => trimmed.to_owned(),
    }
}
