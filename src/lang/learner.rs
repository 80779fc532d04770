//! The shape of a learner rule as data, the same for every language: a
//! short sequence of words to look for, what to say and what to write
//! instead, with examples of the mistake and of correct look-alikes that the
//! tests run. A language's rules are a `RULES` table in its folder
//! (`en/learner.rs`); the engine that applies them is
//! `spelling::learner`, which knows no language.
//!
//! Matching: one word per entry of `words`, lower-cased, inside one sentence
//! part (no punctuation, code or paragraph break between them); each entry
//! lists the words accepted there. The words
//! `flag.0..=flag.1` are the span flagged. In `message` and `fixes`, `{0}`,
//! `{1}`... stand for the words matched at those places; a fix keeps the
//! capital of the flagged text's first letter.

/// One learner rule.
#[derive(Debug)]
pub struct PhraseRule {
    /// The words to match, one entry per word: its alternatives.
    pub words: &'static [&'static [&'static str]],
    /// The first and last word flagged (indices into `words`).
    pub flag: (usize, usize),
    /// Why it is wrong, in the language of the text.
    pub message: &'static str,
    /// What to write instead of the flagged words, best first.
    pub fixes: &'static [&'static str],
    /// Sentences with the mistake: (sentence, flagged text, the first fix).
    /// Read by the tests only.
    #[cfg_attr(not(test), allow(dead_code))]
    pub mistakes: &'static [(&'static str, &'static str, &'static str)],
    /// Correct sentences that look alike and must stay quiet.
    #[cfg_attr(not(test), allow(dead_code))]
    pub correct: &'static [&'static str],
}
