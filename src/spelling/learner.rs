//! Rules for the mistakes learners of English actually make, that harper
//! misses or flags without a fix: French-speaker constructions ("permits
//! to", "depending of", "responsible of", "must to", "explains us"),
//! confusions (loosing/losing, to/too, than/then, your/you're,
//! effected/affected) and agreement after a pronoun ("it contain").
//! Each rule matches a short sequence of words of one sentence part (no
//! punctuation, code or paragraph break between them) and says what to
//! write instead. Every rule was tried on the spelling benchmark's correct
//! prose (`benches/spelling/`): one that fired there is narrowed or gone.

use super::prose::{Blanked, PieceKind};
use super::{Finding, FindingKind};
use crate::diagnostic::did_you_mean;
use crate::lang::learner::PhraseRule;
use std::ops::Range;

/// A word of prose, lower-cased, with its range; `None` is a break.
type Word = Option<(String, Range<usize>)>;

/// The words of a blanked text's prose, with breaks at punctuation, code
/// and paragraph changes.
fn words(blanked: &Blanked, original: &str) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut block = None;
    for piece in &blanked.pieces {
        if piece.kind == PieceKind::Opaque || block != Some(piece.block) {
            words.push(None);
            block = Some(piece.block);
            if piece.kind == PieceKind::Opaque {
                continue;
            }
        }
        let text = &original[piece.range.clone()];
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let in_word = c.is_alphanumeric() || (c == '\'' || c == '’') && start.is_some();
            match (start, in_word) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    let word = text[s..i].trim_end_matches(['\'', '’']);
                    let at = piece.range.start + s;
                    words.push(Some((word.to_lowercase(), at..at + word.len())));
                    start = None;
                }
                _ => {}
            }
            if !in_word && !c.is_whitespace() && c != '-' {
                words.push(None);
            }
        }
    }
    words
}

/// Verbs whose base form after "it", "this" or "that" is a mistake.
const VERBS: [&str; 30] = [
    "contain", "support", "create", "make", "need", "provide", "allow", "require", "define",
    "include", "deploy", "send", "handle", "mean", "keep", "store", "return", "expose", "trigger",
    "produce", "receive", "reduce", "remove", "replace", "run", "use", "work", "take", "show",
    "generate",
];

/// Words after which a pronoun may be followed by a base verb ("does it
/// contain", "to make it work").
const AUXILIARIES: [&str; 18] = [
    "do", "does", "did", "can", "could", "will", "would", "should", "may", "might", "must", "to",
    "let", "make", "makes", "help", "helps", "why",
];

/// A finding on `range` that suggests `options`.
fn finding(range: Range<usize>, message: &str, options: &[String]) -> Finding {
    Finding {
        range,
        kind: FindingKind::Grammar,
        message: message.to_owned(),
        suggestion: (!options.is_empty()).then(|| did_you_mean(options)),
    }
}

/// Keeps the case of the first letter of `written` in `replacement`.
fn cased(written: &str, replacement: &str) -> String {
    if written.starts_with(char::is_uppercase) {
        let mut chars = replacement.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    } else {
        replacement.to_owned()
    }
}

/// `template` with `{0}`, `{1}`... replaced by the words matched there.
fn fill(template: &str, matched: &[&str]) -> String {
    let mut out = template.to_owned();
    for (k, w) in matched.iter().enumerate() {
        out = out.replace(&format!("{{{k}}}"), w);
    }
    out
}

/// The findings of the rules given as data (`lang::<language>::learner`).
fn phrase_findings(words: &[Word], original: &str, rules: &[PhraseRule]) -> Vec<Finding> {
    let mut found = Vec::new();
    for i in 0..words.len() {
        for rule in rules {
            let matched: Option<Vec<&str>> = (0..rule.words.len())
                .map(|k| {
                    let (w, _) = words.get(i + k)?.as_ref()?;
                    rule.words[k].contains(&w.as_str()).then_some(w.as_str())
                })
                .collect();
            let Some(matched) = matched else {
                continue;
            };
            let at = |k: usize| {
                words[i + k]
                    .as_ref()
                    .map(|(_, r)| r.clone())
                    .unwrap_or_default()
            };
            let range = at(rule.flag.0).start..at(rule.flag.1).end;
            let written = &original[range.clone()];
            let options: Vec<String> = rule
                .fixes
                .iter()
                .map(|f| cased(written, &fill(f, &matched)))
                .collect();
            found.push(finding(range, &fill(rule.message, &matched), &options));
        }
    }
    found
}

/// Every learner mistake found in a blanked text.
pub fn check(blanked: &Blanked, original: &str) -> Vec<Finding> {
    let words = words(blanked, original);
    let mut found = phrase_findings(&words, original, crate::lang::en::learner::RULES);
    let word = |i: usize| -> Option<&str> { words.get(i)?.as_ref().map(|(w, _)| w.as_str()) };
    let range = |i: usize| {
        words[i]
            .as_ref()
            .map(|(_, r)| r.clone())
            .unwrap_or_default()
    };
    let span = |from: usize, to: usize| range(from).start..range(to).end;
    let mut push = |from: usize, to: usize, message: &str, options: &[&str]| {
        let r = span(from, to);
        let written = &original[r.clone()];
        let options: Vec<String> = options.iter().map(|o| cased(written, o)).collect();
        found.push(finding(r, message, &options));
    };
    for (i, entry) in words.iter().enumerate() {
        let Some((w, _)) = entry else {
            continue;
        };
        let w = w.as_str();
        let next = word(i + 1);
        let after = word(i + 2);
        let before = i.checked_sub(1).and_then(word);
        match (w, next) {
            ("permits" | "permit" | "allows" | "allow" | "enables" | "enable", Some("to"))
                if after.is_some() =>
            {
                let verb = w;
                let users = format!("{verb} users to");
                push(
                    i,
                    i + 1,
                    &format!("`{verb} to` needs an object in English"),
                    &[&users, "makes it possible to"],
                );
            }
            ("explains" | "explained" | "explain", Some("us")) if after.is_some() => {
                let third = after.unwrap_or_default();
                push(
                    i,
                    i + 2,
                    &format!("`{w}` takes no `us`: something is explained to someone"),
                    &[&format!("{w} {third}")],
                );
            }
            ("according", Some(n)) if n != "to" => {
                push(i, i, "`according` needs `to`", &["according to"])
            }
            ("waiting" | "wait" | "waits" | "waited", Some("a" | "an" | "the"))
                if !matches!(
                    after,
                    Some(
                        "few"
                            | "minute"
                            | "minutes"
                            | "moment"
                            | "second"
                            | "seconds"
                            | "while"
                            | "bit"
                            | "little"
                            | "day"
                            | "couple"
                            | "long"
                    )
                ) =>
            {
                let article = next.unwrap_or_default();
                push(
                    i,
                    i + 1,
                    "one waits `for` something",
                    &[&format!("{w} for {article}")],
                );
            }
            ("effected", _)
                if matches!(
                    before,
                    Some("is" | "are" | "be" | "been" | "was" | "were" | "not")
                ) =>
            {
                push(
                    i,
                    i,
                    "the verb is `affect`: something is affected",
                    &["affected"],
                );
            }
            ("affect", _) if matches!(before, Some("any" | "an" | "no" | "the" | "little")) => {
                push(i, i, "the noun is `effect`", &["effect"]);
            }
            ("your", Some(n))
                if n.ends_with("ing")
                    && matches!(
                        after,
                        Some(
                            "a" | "an"
                                | "the"
                                | "this"
                                | "that"
                                | "it"
                                | "them"
                                | "with"
                                | "to"
                                | "for"
                                | "on"
                                | "from"
                                | "your"
                                | "our"
                                | "my"
                        )
                    ) =>
            {
                push(
                    i,
                    i,
                    "`your` is possessive; here it is `you are`",
                    &["you're", "you are"],
                );
            }
            ("to", Some(n))
                if matches!(
                    before,
                    Some(
                        "is" | "are" | "be" | "was" | "were" | "seems" | "get" | "gets" | "become"
                    )
                ) && matches!(
                    n,
                    "big"
                        | "large"
                        | "small"
                        | "slow"
                        | "fast"
                        | "long"
                        | "short"
                        | "many"
                        | "much"
                        | "high"
                        | "low"
                        | "granular"
                        | "complex"
                        | "late"
                        | "early"
                        | "old"
                        | "expensive"
                        | "heavy"
                        | "strict"
                        | "broad"
                        | "narrow"
                ) =>
            {
                push(i, i, "`to` before an adjective is `too` (excess)", &["too"]);
            }
            // Not `that`: "tools that work" is right. `this` only before
            // verbs that are not nouns too ("to fix this use").
            ("it" | "this", Some(verb))
                if VERBS.contains(&verb)
                    && (w == "it" || matches!(verb, "make" | "mean" | "require" | "contain"))
                    && !before.is_some_and(|b| AUXILIARIES.contains(&b))
                    && after.is_some() =>
            {
                let third = if verb == "do" {
                    "does".to_owned()
                } else {
                    format!("{verb}s")
                };
                push(
                    i,
                    i + 1,
                    &format!("after `{w}`, the verb takes an `s`"),
                    &[&format!("{w} {third}")],
                );
            }
            ("it", Some("do")) if !before.is_some_and(|b| AUXILIARIES.contains(&b)) => {
                push(i, i + 1, "after `it`, the verb is `does`", &["it does"]);
            }
            _ => {}
        }
        // "Some libraries is", "most components is": a plural subject, marked
        // plural by its determiner, before `is` (a bare "renderers is" can be
        // the end of a gerund subject: "using untrusted renderers is").
        // ... but not after `of`: "one of these settings is" is right.
        let plural_determiner = |j: usize| {
            matches!(
                j.checked_sub(1).and_then(word),
                Some(
                    "some"
                        | "most"
                        | "many"
                        | "all"
                        | "these"
                        | "those"
                        | "several"
                        | "both"
                        | "few"
                )
            ) && j.checked_sub(2).and_then(word) != Some("of")
        };
        if next == Some("is")
            && (plural_determiner(i) || (i > 0 && plural_determiner(i - 1)))
            && w.len() > 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("ics")
            && !w.ends_with("ous")
            && words[i]
                .as_ref()
                .is_some_and(|(_, r)| original[r.clone()].starts_with(char::is_lowercase))
        {
            push(
                i,
                i + 1,
                "a plural subject takes `are`",
                &[&format!("{w} are")],
            );
        }
    }
    found.sort_by_key(|f| (f.range.start, f.range.end));
    found.dedup_by(|a, b| a.range == b.range);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spelling::prose::Piece;

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        let blanked = Blanked {
            text: text.to_owned(),
            pieces: vec![Piece {
                range: 0..text.len(),
                kind: PieceKind::Prose,
                block: 0,
            }],
        };
        check(&blanked, text)
            .into_iter()
            .map(|f| (text[f.range].to_owned(), f.suggestion))
            .collect()
    }

    #[test]
    fn learner_mistakes_are_caught_with_the_fix() {
        for (text, wrong, fix) in [
            (
                "Argo CD permits to customize the sync.",
                "permits to",
                "`permits users to` or `makes it possible to`",
            ),
            (
                "It runs depending of the event.",
                "depending of",
                "`depending on`",
            ),
            (
                "Jenkins is responsible of building images.",
                "responsible of",
                "`responsible for`",
            ),
            (
                "The ecosystem consists in multiple components.",
                "consists in",
                "`consists of`",
            ),
            ("Each chart must to be installed.", "must to", "`must`"),
            (
                "This guide explains us how to do so.",
                "explains us how",
                "`explains how`",
            ),
            (
                "In the other hand, it fails.",
                "In the other hand",
                "`On the other hand`",
            ),
            ("without loosing your data", "loosing", "`losing`"),
            ("It contain some metadata.", "It contain", "`It contains`"),
            (
                "Some libraries is thin clients.",
                "libraries is",
                "`libraries are`",
            ),
            ("OpenTofu will than create it.", "than", "`then`"),
            ("if they may be to granular", "to", "`too`"),
            (
                "If your familiar with Go, read on.",
                "your",
                "`you're` or `you are`",
            ),
            ("It has a release of it's own.", "it's", "`its`"),
            (
                "waiting the CI pipeline to execute",
                "waiting the",
                "`waiting for the`",
            ),
        ] {
            let f = found(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].0, wrong, "{text}");
            assert_eq!(
                f[0].1.as_deref(),
                Some(format!("did you mean {fix}?").as_str()),
                "{text}"
            );
        }
    }

    /// Every rule given as data: its mistakes found with its first fix,
    /// its look-alikes quiet.
    #[test]
    fn every_english_rule_passes_its_own_examples() {
        for rule in crate::lang::en::learner::RULES {
            for (text, wrong, fix) in rule.mistakes {
                let f = found(text);
                assert_eq!(f.len(), 1, "{text}: {f:?}");
                assert_eq!(f[0].0, *wrong, "{text}");
                let said = f[0].1.clone().unwrap_or_default();
                assert!(
                    said.starts_with(&format!("did you mean `{fix}`")),
                    "{text}: {said}"
                );
            }
            for text in rule.correct {
                assert_eq!(found(text), Vec::new(), "{text}");
            }
        }
    }

    #[test]
    fn correct_english_is_left_alone() {
        for text in [
            "Does it contain secrets? Can this make sense?",
            "Wait a few seconds, then wait a moment.",
            "The status is green and the analysis is done; Kubernetes is fine.",
            "It is too big to fit, so it is split into two.",
            "Your existing cluster keeps its own configuration.",
            "According to the docs, you're done.",
            "This allows you to deploy, and it allows the team to ship.",
            "Tools that work with Flux; traces that contain an error.",
            "Using untrusted renderers is not recommended. To fix this use a patch.",
        ] {
            assert_eq!(found(text), Vec::new(), "{text}");
        }
    }
}
