//! French spelling and grammar: the Dicollecte dictionary (Debian's
//! hunspell-fr, embedded from `src/lang/fr/dictionary/`) read by
//! spellbook, the field's English vocabulary, and the French rules of
//! `src/lang/fr/grammar.rules` ([`grammar`]).
//!
//! French technical prose is full of English: a word the French dictionary
//! does not know is accepted when the English dictionary, the field's
//! vocabulary or the project's words know it, unless the same word with
//! accents is French ("frequentes" is "fréquentes", not English). Words with
//! digits (1er, 2e, v1.2), acronyms and CamelCase names are never checked;
//! an unknown capitalised word is a name unless it is a French word missing
//! its accents. Elisions (l', d', qu', jusqu') are split off, hyphenated
//! forms are known whole or part by part, and inclusive writing
//! (développeur·euse) is checked on its first part.
//!
//! The dictionary is parsed once per process, on the first French text
//! (an English book never loads it).

pub mod grammar;
mod words;

use super::Finding;
use super::FindingKind;
use super::prose::{Blanked, PieceKind};
use std::collections::HashMap;
use std::sync::OnceLock;
pub use words::{Token, tokens};

const AFF: &str = include_str!("../../lang/fr/dictionary/fr.aff");
const DIC: &str = include_str!("../../lang/fr/dictionary/fr.dic");

/// The French dictionary, parsed on first use.
pub fn dictionary() -> &'static spellbook::Dictionary {
    static DICTIONARY: OnceLock<spellbook::Dictionary> = OnceLock::new();
    DICTIONARY.get_or_init(|| {
        spellbook::Dictionary::new(AFF, DIC).expect("the embedded French dictionary parses")
    })
}

/// What a French linter knows besides the French dictionary: whether a word
/// is English (the English dictionary, the field's vocabulary, the project's
/// words).
pub trait Known {
    fn is_known(&self, word: &str) -> bool;

    /// A word of the project's list: right as written, even where a French
    /// word with accents exists (`Molecule` the tool, not « molécule »).
    fn is_project_word(&self, _word: &str) -> bool {
        false
    }
}

/// The English dictionary (with the field's vocabulary) and the project's
/// own words, as the French linter consults them.
pub struct EnglishAndProject {
    pub english: std::sync::Arc<harper_core::spell::MergedDictionary>,
    /// Lower-cased.
    project: std::collections::HashSet<String>,
}

impl EnglishAndProject {
    pub fn new(words: &[String]) -> EnglishAndProject {
        EnglishAndProject {
            english: super::harper::dictionary(words),
            project: words.iter().map(|w| w.trim().to_lowercase()).collect(),
        }
    }
}

impl Known for EnglishAndProject {
    fn is_known(&self, word: &str) -> bool {
        self.english.is_known(word)
    }

    fn is_project_word(&self, word: &str) -> bool {
        self.project.contains(&word.to_lowercase())
    }
}

/// At least this many English words, eight in ten of the words, and one
/// that is not also French make a block English ("Evidence in the
/// reports" is; « Le pipeline GitLab du projet » is not: le, du, projet).
const ENGLISH_BLOCK_WORDS: usize = 3;

/// A block of prose being read: its tokens, its spelling findings, and
/// how many of its words are English only.
#[derive(Default)]
struct Block {
    tokens: Vec<Token>,
    spelling: Vec<Finding>,
    words: usize,
    /// Words the English dictionary knows; of them, those French does not.
    english: usize,
    english_only: usize,
}

/// Lints French prose.
pub struct Linter<'a> {
    known: &'a dyn Known,
    /// Spelling verdicts already reached in this text, by word.
    seen: HashMap<String, Option<Vec<String>>>,
}

impl<'a> Linter<'a> {
    pub fn new(known: &'a dyn Known) -> Linter<'a> {
        Linter {
            known,
            seen: HashMap::new(),
        }
    }

    /// The findings of the prose of `blanked` (`text` is the original).
    /// A block (paragraph, item, cell, heading) written in English — most
    /// of its words English and not French — is English quoted in French
    /// prose, or a page left in English: neither French spelling nor French
    /// grammar reads it (`<!-- lang: en -->` or `lang = "en"` check a whole
    /// text as English).
    pub fn lint(&mut self, blanked: &Blanked, text: &str) -> Vec<Finding> {
        let mut findings = Vec::new();
        let mut block = Block::default();
        let mut current = usize::MAX;
        for piece in &blanked.pieces {
            if piece.block != current {
                self.end_block(&mut block, &mut findings);
                current = piece.block;
            }
            match piece.kind {
                PieceKind::Prose => {
                    let found = tokens(&text[piece.range.clone()], piece.range.start);
                    for token in &found {
                        self.count(token, &mut block);
                        if let Some(f) = self.spell(token) {
                            block.spelling.push(f);
                        }
                    }
                    block.tokens.extend(found);
                }
                PieceKind::Opaque => block.tokens.push(Token::opaque(piece.range.clone())),
            }
        }
        self.end_block(&mut block, &mut findings);
        findings.sort_by_key(|f| (f.range.start, f.range.end));
        findings.dedup_by(|a, b| a.range.start < b.range.end && b.range.start < a.range.end);
        findings
    }

    /// Counts a checked word of the block, and whether it is English only.
    fn count(&self, token: &Token, block: &mut Block) {
        if !token.is_checked_word() {
            return;
        }
        block.words += 1;
        let lower = token.text.to_lowercase();
        if self.known.is_known(&lower) {
            block.english += 1;
            if !is_french(&lower, dictionary()) {
                block.english_only += 1;
            }
        }
    }

    /// The findings of a finished block, unless it is English.
    fn end_block(&self, block: &mut Block, findings: &mut Vec<Finding>) {
        let english = block.english >= ENGLISH_BLOCK_WORDS
            && block.english_only > 0
            && block.english * 10 >= block.words * 8;
        if !english {
            findings.append(&mut block.spelling);
            findings.extend(grammar::check(&block.tokens, dictionary()));
        }
        *block = Block::default();
    }

    fn spell(&mut self, token: &Token) -> Option<Finding> {
        if !token.is_checked_word() {
            return None;
        }
        let word = token.text.as_str();
        if !self.seen.contains_key(word) {
            let verdict = verdict(word, self.known);
            self.seen.insert(word.to_owned(), verdict);
        }
        let suggestions = self.seen[word].as_ref()?;
        Some(Finding {
            range: token.range.clone(),
            kind: FindingKind::Spelling,
            message: format!("faute d’orthographe possible\u{a0}: `{word}`"),
            suggestion: Some(if suggestions.is_empty() {
                format!(
                    "si `{word}` est juste, ajoutez-le à la liste de mots du projet (`dictionary` dans book.toml)"
                )
            } else {
                did_you_mean(suggestions)
            }),
        })
    }
}

impl Known for harper_core::spell::MergedDictionary {
    fn is_known(&self, word: &str) -> bool {
        use harper_core::spell::Dictionary as _;
        self.contains_word_str(word)
    }
}

/// Lints the French targets `todo`, on every core (the dictionary is
/// parsed before, once).
pub(super) fn lint_all(
    todo: &[usize],
    prepared: &[(Blanked, String)],
    targets: &[super::prose::Target],
    known: &EnglishAndProject,
) -> Vec<(usize, Vec<Finding>)> {
    dictionary();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(todo.len().max(1));
    let chunks: Vec<&[usize]> = todo.chunks(todo.len().div_ceil(threads).max(1)).collect();
    let done = crate::text::parallel::map(&chunks, |chunk| {
        let mut linter = Linter::new(known);
        chunk
            .iter()
            .map(|&i| (i, linter.lint(&prepared[i].0, &targets[i].source.text)))
            .collect::<Vec<_>>()
    });
    done.into_iter().flatten().collect()
}

/// "vouliez-vous dire `a`, `b` ?"
pub fn did_you_mean(words: &[String]) -> String {
    let list: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    format!("vouliez-vous dire {}\u{202f}?", list.join(", "))
}

/// `None` when the word is right, else the suggestions (best first).
fn verdict(word: &str, known: &dyn Known) -> Option<Vec<String>> {
    let dict = dictionary();
    if is_french(word, dict) || known.is_project_word(word) {
        return None;
    }
    if let Some(fixed) = with_accents(word, dict) {
        return Some(vec![fixed]);
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    if known.is_known(word)
        || known.is_known(&word.to_lowercase())
        || word
            .split('-')
            .all(|part| known.is_known(part) || is_french(part, dict))
        || capitalised
    {
        return None;
    }
    let mut out = Vec::new();
    dict.suggest(word, &mut out);
    out.truncate(3);
    Some(out)
}

/// Known to the French dictionary: whole, part by part when hyphenated,
/// by its first part when in inclusive writing.
fn is_french(word: &str, dict: &spellbook::Dictionary) -> bool {
    let word = word.split('·').next().unwrap_or(word);
    dict.check(word)
        || (word.contains('-') && word.split('-').all(|p| !p.is_empty() && dict.check(p)))
}

/// The word with one or two of its letters given the accent they lack
/// ("frequentes" → "fréquentes"), when that is a French word.
pub fn with_accents(word: &str, dict: &spellbook::Dictionary) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let spots: Vec<usize> = (0..chars.len())
        .filter(|&i| !variants(chars[i]).is_empty())
        .collect();
    let try_word = |c: &[char]| {
        let s: String = c.iter().collect();
        dict.check(&s).then_some(s)
    };
    for &i in &spots {
        for &v in variants(chars[i]) {
            let mut c = chars.clone();
            c[i] = v;
            if let Some(s) = try_word(&c) {
                return Some(s);
            }
        }
    }
    for (k, &i) in spots.iter().enumerate() {
        for &j in &spots[k + 1..] {
            for &v in variants(chars[i]) {
                for &w in variants(chars[j]) {
                    let mut c = chars.clone();
                    c[i] = v;
                    c[j] = w;
                    if let Some(s) = try_word(&c) {
                        return Some(s);
                    }
                }
            }
        }
    }
    None
}

/// The accented letters a French writer may have typed without accent.
fn variants(c: char) -> &'static [char] {
    match c {
        'e' => &['é', 'è', 'ê'],
        'E' => &['É', 'È', 'Ê'],
        'a' => &['à', 'â'],
        'A' => &['À'],
        'u' => &['ù', 'û'],
        'i' => &['î', 'ï'],
        'o' => &['ô'],
        'c' => &['ç'],
        _ => &[],
    }
}

#[cfg(test)]
mod tests;
