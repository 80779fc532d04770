//! Spelling for a long-lived process (the language server): one warm
//! harper linter, and results kept per paragraph in memory, so an edit
//! re-lints only the paragraphs it changed. Only the paragraphs of the
//! latest check are kept, so memory does not grow with edits. With a
//! [`Store`] (the disk cache), paragraphs linted by an earlier server are
//! reused: a warm start needs no linter at all.

use super::prose::{Blanked, Piece, PieceKind, Target, blank};
use super::{Finding, Settings, SpellStats, Store, settings_digest};
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

/// A paragraph's key: the settings and its blanked text and pieces.
type Key = [u8; 32];

/// A warm linter per language and the findings of the paragraphs each
/// last saw (a book in French with a report in English is checked one
/// language at a time: neither forgets the other's paragraphs).
#[derive(Default)]
pub struct Session {
    #[cfg(feature = "spelling")]
    linters: BTreeMap<Lang, (Vec<u8>, Warm)>,
    paragraphs: BTreeMap<Lang, HashMap<Key, Vec<Finding>>>,
    store: Option<Box<dyn Store + Send>>,
}

/// What lints a language's paragraphs: harper for English, the French
/// dictionary and rules (with the English words French prose uses).
#[cfg(feature = "spelling")]
enum Warm {
    English(Box<super::harper::Linter>),
    French(super::french::EnglishAndProject),
}

impl Session {
    /// A session that also reads and fills `store`.
    pub fn with_store(store: Option<Box<dyn Store + Send>>) -> Session {
        Session {
            store,
            ..Session::default()
        }
    }

    /// Checks every target now; `linted` counts the paragraphs linted,
    /// `cached` those reused.
    pub fn check(
        &mut self,
        targets: &[Target],
        settings: &Settings,
    ) -> (Vec<Option<Vec<Diagnostic>>>, SpellStats) {
        let blanked: Vec<Blanked> = targets.iter().map(blank).collect();
        let items: Vec<(&Blanked, &str)> = blanked
            .iter()
            .zip(targets)
            .map(|(b, t)| (b, t.source.text.as_str()))
            .collect();
        let (found, stats) = self.check_blanked(&items, settings);
        let diagnostics = found
            .iter()
            .zip(targets)
            .map(|(findings, target)| Some(target.diagnostics(findings)))
            .collect();
        (diagnostics, stats)
    }

    /// Checks texts already blanked (with their original text), paragraph
    /// by paragraph: what the warm lint service does for `mdbook serve`.
    pub fn check_blanked(
        &mut self,
        items: &[(&Blanked, &str)],
        settings: &Settings,
    ) -> (Vec<Vec<Finding>>, SpellStats) {
        let digest = settings_digest(settings);
        let mut stats = SpellStats::default();
        let mut kept = HashMap::new();
        let mut found = Vec::with_capacity(items.len());
        for &(blanked, original) in items {
            let mut findings = Vec::new();
            for (range, pieces) in paragraphs(blanked) {
                let key = key(&digest, &blanked.text[range.clone()], &pieces);
                let text = &original[range.clone()];
                let stored = |session: &Session| {
                    let store = session.store.as_ref()?;
                    store.get(&crate::text::hex(&key), text)
                };
                let relative = match self
                    .paragraphs
                    .entry(settings.lang)
                    .or_default()
                    .remove(&key)
                    .or_else(|| kept.get(&key).cloned())
                    .or_else(|| stored(self))
                {
                    Some(cached) => {
                        stats.cached += 1;
                        cached
                    }
                    None => {
                        stats.linted += 1;
                        let paragraph = Blanked {
                            text: blanked.text[range.clone()].to_owned(),
                            pieces,
                        };
                        let found = self.lint(&digest, settings, &paragraph, text);
                        if let Some(store) = &self.store {
                            store.put(&crate::text::hex(&key), &found);
                        }
                        found
                    }
                };
                findings.extend(relative.iter().map(|f| Finding {
                    range: f.range.start + range.start..f.range.end + range.start,
                    ..f.clone()
                }));
                kept.insert(key, relative);
            }
            found.push(findings);
        }
        // What this check did not see is gone: no growth per edit.
        self.paragraphs.insert(settings.lang, kept);
        (found, stats)
    }

    /// The findings of one paragraph, relative to its start.
    #[cfg(feature = "spelling")]
    fn lint(
        &mut self,
        digest: &[u8],
        settings: &Settings,
        paragraph: &Blanked,
        original: &str,
    ) -> Vec<Finding> {
        let stale = self
            .linters
            .get(&settings.lang)
            .is_none_or(|(d, _)| d != digest);
        if stale {
            let warm = match settings.lang {
                Lang::En => {
                    let dictionary = super::harper::dictionary(&settings.words);
                    Warm::English(Box::new(super::harper::Linter::new(dictionary, settings)))
                }
                Lang::Fr => Warm::French(super::french::EnglishAndProject::new(&settings.words)),
            };
            self.linters.insert(settings.lang, (digest.to_vec(), warm));
        }
        match &mut self.linters.get_mut(&settings.lang).expect("just made").1 {
            Warm::English(linter) => linter.lint(paragraph, original),
            Warm::French(known) => super::french::Linter::new(known).lint(paragraph, original),
        }
    }

    #[cfg(not(feature = "spelling"))]
    fn lint(&mut self, _: &[u8], _: &Settings, _: &Blanked, _: &str) -> Vec<Finding> {
        Vec::new()
    }
}

/// The paragraphs (blocks) of a blanked text: each one's byte range and
/// its pieces, relative to that range.
fn paragraphs(blanked: &Blanked) -> Vec<(std::ops::Range<usize>, Vec<Piece>)> {
    let mut out: Vec<(std::ops::Range<usize>, Vec<Piece>)> = Vec::new();
    for piece in &blanked.pieces {
        match out.last_mut() {
            Some((range, pieces))
                if pieces
                    .last()
                    .is_some_and(|p: &Piece| p.block == piece.block) =>
            {
                range.end = piece.range.end;
                pieces.push(piece.clone());
            }
            _ => out.push((piece.range.clone(), vec![piece.clone()])),
        }
    }
    for (range, pieces) in &mut out {
        for piece in pieces.iter_mut() {
            piece.range = piece.range.start - range.start..piece.range.end - range.start;
        }
    }
    out
}

fn key(digest: &[u8], text: &str, pieces: &[Piece]) -> Key {
    let mut hasher = Sha256::new();
    hasher.update(digest);
    hasher.update((text.len() as u64).to_le_bytes());
    hasher.update(text.as_bytes());
    for piece in pieces {
        hasher.update([u8::from(piece.kind == PieceKind::Opaque)]);
        for n in [piece.range.start, piece.range.end] {
            hasher.update((n as u64).to_le_bytes());
        }
    }
    hasher.finalize().into()
}
