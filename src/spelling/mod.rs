//! Spelling and grammar of the prose, with [harper-core] (offline, with its
//! embedded curated dictionary), for students who write English as a second
//! language: "infrastucture", "recieve", "it's configuration",
//! "informations", "allows to", "a API", "the the".
//!
//! `prose` decides what harper sees, `harper` runs it (with `learner`'s
//! rules), `cache` keeps its results on disk by content, `background` fills
//! that cache while `mdbook serve` previews and then stays up as the warm
//! lint `service`, and `session` keeps a warm linter and per-paragraph
//! results for long-lived processes (the language server, the service). [`check`] is the one entry point: what a
//! [`Store`] has is reused, the rest linted on every core.
//!
//! Words are accepted if they are in harper's dictionary for the chosen
//! English (`english = "american" | "british" | "canadian" | "australian"`)
//! or in the project word list (`dictionary = "words.txt"`: one word a
//! line, relative to the book root; blank lines and `#` comments are
//! ignored). Words with a digit (`C1.3`, `S3`, `k3s`, `EC2`) are
//! identifiers, never spelling mistakes. Findings are warnings: `spelling`
//! for a word harper does not know, `grammar` for everything else.
//!
//! # Rules switched off
//!
//! Harper's curated rule set, minus the rules that fire on normal technical
//! prose or are house style rather than mistakes ([`DISABLED_RULES`]; each
//! was tried on the example book and on sample student sentences):
//!
//! - `LongSentences`: sentence length is style.
//! - `OxfordComma`, `NoOxfordComma`: both conventions are correct (the
//!   first fired on "Manage authentication, cookies and sessions").
//! - `DiscourseMarkers`: wants a comma after "Thus", "Indeed"...; a
//!   convention, not a mistake.
//! - `SpelledNumbers`: "spell out numbers below ten"; reports are full of
//!   measured quantities.
//! - `UseTitleCase`: headings are in sentence case in reports.
//! - `SentenceCapitalization`: fires on list items and table cells, which
//!   are not sentences ("- the login page").
//! - `ExpandMemoryShorthands`, `ExpandTimeShorthands`, `ExpandMinimum`:
//!   "512 MB", "5 min", "200 ms" are normal in technical writing.
//! - `ExpandConfiguration`, `ExpandDependencies`, `ExpandDirectory`,
//!   `ExpandStandardInputAndOutput`, `ExpandParameter`, `ExpandArgument`,
//!   `ExpandPointer`, `ExpandAlloc`, `ExpandDecl`, `ExpandDereference`,
//!   `ExpandControl`: "config", "deps", "dir", "stdout", "param", "Ctrl"
//!   are the names of things in computing (the informal ones, "cuz",
//!   "thru", "ppl", "w/o", stay on).
//! - `Dashes`, `NumericRangeEnDash`, `EllipsisLength`, `UseEllipsisCharacter`,
//!   `FootInchMinuteSecondSymbols`, `QuoteSpacing`, `UnclosedQuotes`:
//!   typography; Markdown sources use plain ASCII punctuation, and a quote
//!   next to inline code can look unclosed.
//! - `BoringWords`, `FillerWords`, `Hedging`, `AvoidContractions`: style
//!   advice, not mistakes.
//! - `MergeWords`, `SplitWords`: "cron job" → "cronjob", "stdout" →
//!   "std out", "informations" → "in formations".
//! - `NoFrenchSpaces`, `Spaces`: two spaces after a full stop, or between
//!   words, in the Markdown source never show in the page.
//! - `CompoundNouns`: "data source" → "datasource", "log file" →
//!   "logfile"; both are correct.
//! - `MissingPreposition`, `OrthographicConsistency`: on the spelling
//!   benchmark's professionally edited DevOps docs (`benches/spelling/`),
//!   they fired on correct English ("want Terraform to", product names
//!   written as their projects write them) and caught no learner error.
//!
//! Style advice (harper's `Style`, `Redundancy`, `Enhancement`,
//! `Readability` and `Regionalism` kinds: "all of the" → "all the", "and
//! also", "have a look") is off unless `style = true`.
//!
//! Everything else stays on: spelling, its/it's, "allows to", uncountable
//! nouns ("informations"), a/an ("a SLA"), repeated words, agreement,
//! then/than, "setup" used as a verb, "data base" → "database", "40 €" →
//! "€40", and the space French writers put before `!`, `?` and `,`.
//!
//! Without the `spelling` Cargo feature nothing is checked, and a book that
//! asks for spelling gets one warning saying so.
//!
//! [harper-core]: https://docs.rs/harper-core

pub mod background;
pub mod cache;
#[cfg(feature = "spelling")]
pub mod french;
#[cfg(feature = "spelling")]
mod harper;
mod learner;
pub mod prose;
pub mod service;
pub mod session;

use crate::config::English;
use crate::diagnostic::{Diagnostic, Locate};
use crate::lang::Lang;
use crate::model::chapter::Chapter;
use crate::model::file::TechnicalFile;
use crate::model::ids::Texts;
use crate::text::source::SourceFile;
use prose::{Blanked, PieceKind, Target, blank};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

/// Harper rules that are switched off: noise on technical prose, or house
/// style rather than mistakes. See the module documentation for why.
pub const DISABLED_RULES: &[&str] = &[
    "LongSentences",
    "OxfordComma",
    "NoOxfordComma",
    "DiscourseMarkers",
    "SpelledNumbers",
    "UseTitleCase",
    "SentenceCapitalization",
    "ExpandMemoryShorthands",
    "ExpandTimeShorthands",
    "ExpandMinimum",
    "ExpandConfiguration",
    "ExpandDependencies",
    "ExpandDirectory",
    "ExpandStandardInputAndOutput",
    "ExpandParameter",
    "ExpandArgument",
    "ExpandPointer",
    "ExpandAlloc",
    "ExpandDecl",
    "ExpandDereference",
    "ExpandControl",
    "Dashes",
    "NumericRangeEnDash",
    "EllipsisLength",
    "UseEllipsisCharacter",
    "FootInchMinuteSecondSymbols",
    "QuoteSpacing",
    "UnclosedQuotes",
    "BoringWords",
    "FillerWords",
    "Hedging",
    "AvoidContractions",
    "MergeWords",
    "SplitWords",
    "NoFrenchSpaces",
    "Spaces",
    "CompoundNouns",
    "MissingPreposition",
    "OrthographicConsistency",
];

/// How much work a check did: texts linted by harper, and texts whose
/// result came from the store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpellStats {
    pub linted: usize,
    pub cached: usize,
    /// Texts left for a background check (while previewing).
    pub pending: usize,
}

/// Whether this binary was built with spelling support.
pub const fn available() -> bool {
    cfg!(feature = "spelling")
}

/// What to check against.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Settings {
    pub english: English,
    /// The project's own words, accepted as written.
    pub words: Vec<String>,
    /// Style advice too, not only mistakes (`style = true`).
    pub style: bool,
    /// Whether the book chose its English (`english = ...`): then the
    /// spellings of the others are mistakes; otherwise any English is fine.
    pub strict_english: bool,
    /// The language of the texts: French gets the French dictionary and
    /// rules ([`french`]), English harper's.
    #[serde(default)]
    pub lang: crate::lang::Lang,
}

impl Settings {
    /// The same settings for texts in `lang`.
    pub fn in_language(&self, lang: Lang) -> Settings {
        Settings {
            lang,
            ..self.clone()
        }
    }
}

/// Whether a finding is about a word harper does not know, or anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    Spelling,
    Grammar,
}

impl FindingKind {
    /// The diagnostic code.
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::Spelling => "spelling",
            FindingKind::Grammar => "grammar",
        }
    }
}

/// A finding before it becomes a diagnostic: what a store keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Byte range in the text.
    pub range: Range<usize>,
    pub kind: FindingKind,
    pub message: String,
    pub suggestion: Option<String>,
}

impl Finding {
    pub fn diagnostic(&self, source: &SourceFile) -> Diagnostic {
        let d = source.warning(self.kind.code(), self.range.clone(), self.message.clone());
        match &self.suggestion {
            Some(s) => d.with_suggestion(s.clone()),
            None => d,
        }
    }
}

/// Where results are kept between runs, by key.
pub trait Store: Sync {
    /// The findings stored for `key`, if they are sound for `text`.
    fn get(&self, key: &str, text: &str) -> Option<Vec<Finding>>;
    fn put(&self, key: &str, findings: &[Finding]);
}

/// Whether what the store lacks is linted now or left pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode<'a> {
    Now,
    /// Under `mdbook serve`, where a save never starts harper itself: what
    /// the store lacks is linted by the warm lint service at this endpoint
    /// if it answers in time, waiting for it while it starts (findings on
    /// the save that caused them), else left pending for the background
    /// process.
    Serve(&'a service::Endpoint),
}

/// Checks every target (what `store` has from it, the rest on every core);
/// returns each target's findings, in the targets' order, or `None` for a
/// target left pending.
pub fn check(
    targets: &[Target],
    settings: &Settings,
    store: Option<&dyn Store>,
    mode: Mode,
) -> (Vec<Option<Vec<Diagnostic>>>, SpellStats) {
    let prefix = settings_digest(settings);
    let prepared: Vec<(Blanked, String)> = targets
        .iter()
        .map(|t| {
            let blanked = blank(t);
            let key = key(&prefix, &blanked);
            (blanked, key)
        })
        .collect();
    let mut results: Vec<Option<Vec<Finding>>> = prepared
        .iter()
        .zip(targets)
        .map(|((_, key), target)| store.and_then(|s| s.get(key, &target.source.text)))
        .collect();
    let cached = results.iter().filter(|r| r.is_some()).count();
    let todo: Vec<usize> = (0..targets.len())
        .filter(|&i| results[i].is_none())
        .collect();
    let linted = match mode {
        Mode::Now => lint_all(&todo, &prepared, targets, settings),
        Mode::Serve(endpoint) => {
            let items: Vec<(&Blanked, &str)> = todo
                .iter()
                .map(|&i| (&prepared[i].0, targets[i].source.text.as_str()))
                .collect();
            service::ask(endpoint, settings, &items)
                .map(|found| todo.iter().copied().zip(found).collect())
                .unwrap_or_default()
        }
    };
    let done = linted.len();
    for (i, findings) in linted {
        if let Some(store) = store {
            store.put(&prepared[i].1, &findings);
        }
        results[i] = Some(findings);
    }
    let pending = todo.len() - done;
    let diagnostics = results
        .into_iter()
        .zip(targets)
        .map(|(findings, target)| {
            let findings = match mode {
                Mode::Serve(_) => findings?,
                Mode::Now => findings.unwrap_or_default(),
            };
            Some(target.diagnostics(&findings))
        })
        .collect();
    let stats = SpellStats {
        linted: done,
        cached,
        pending,
    };
    (diagnostics, stats)
}

/// Lints the targets `todo`, one linter per thread.
#[cfg(feature = "spelling")]
fn lint_all(
    todo: &[usize],
    prepared: &[(Blanked, String)],
    targets: &[Target],
    settings: &Settings,
) -> Vec<(usize, Vec<Finding>)> {
    if todo.is_empty() {
        return Vec::new();
    }
    if settings.lang == crate::lang::Lang::Fr {
        let known = french::EnglishAndProject::new(&settings.words);
        return french::lint_all(todo, prepared, targets, &known);
    }
    let dictionary = harper::dictionary(&settings.words);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(todo.len());
    let chunks: Vec<&[usize]> = todo.chunks(todo.len().div_ceil(threads)).collect();
    let done = crate::text::parallel::map(&chunks, |chunk| {
        let mut linter = harper::Linter::new(dictionary.clone(), settings);
        chunk
            .iter()
            .map(|&i| (i, linter.lint(&prepared[i].0, &targets[i].source.text)))
            .collect::<Vec<_>>()
    });
    done.into_iter().flatten().collect()
}

#[cfg(not(feature = "spelling"))]
fn lint_all(
    todo: &[usize],
    _: &[(Blanked, String)],
    _: &[Target],
    _: &Settings,
) -> Vec<(usize, Vec<Finding>)> {
    todo.iter().map(|&i| (i, Vec::new())).collect()
}

/// What every result depends on besides the text itself: the versions, the
/// code that decides what harper sees and how findings read (any change to
/// it, without a version bump, is a new cache), the English, the rules and
/// the project's words.
fn settings_digest(settings: &Settings) -> Vec<u8> {
    let mut hasher = Sha256::new();
    #[cfg(feature = "spelling")]
    let harper = harper::version();
    #[cfg(not(feature = "spelling"))]
    let harper = "none";
    hasher.update(
        format!(
            "mdbook-technical-file {} harper-core {harper}\n",
            env!("CARGO_PKG_VERSION"),
        )
        .as_bytes(),
    );
    for source in [
        include_str!("mod.rs"),
        include_str!("prose.rs"),
        include_str!("harper.rs"),
        include_str!("learner.rs"),
        include_str!("../lang/en/learner.rs"),
        include_str!("vocabulary.txt"),
        include_str!("french/mod.rs"),
        include_str!("french/grammar.rs"),
        include_str!("french/words.rs"),
        include_str!("../lang/fr/grammar.rules"),
    ] {
        hasher.update(source.as_bytes());
    }
    hasher.update(
        format!(
            "{:?} style {} strict {} lang {}\n",
            settings.english, settings.style, settings.strict_english, settings.lang
        )
        .as_bytes(),
    );
    for rule in DISABLED_RULES {
        hasher.update(rule.as_bytes());
        hasher.update(b"\n");
    }
    let mut words = settings.words.clone();
    words.sort();
    words.dedup();
    hasher.update(b"words\n");
    for word in &words {
        hasher.update(word.as_bytes());
        hasher.update(b"\n");
    }
    hasher.finalize().to_vec()
}

/// The key of a text: the settings, the blanked text and its pieces (which
/// are all that harper sees).
fn key(prefix: &[u8], blanked: &Blanked) -> String {
    let mut hasher = Sha256::new();
    hasher.update(prefix);
    hasher.update((blanked.text.len() as u64).to_le_bytes());
    hasher.update(blanked.text.as_bytes());
    for piece in &blanked.pieces {
        let kind = match piece.kind {
            PieceKind::Prose => 0u8,
            PieceKind::Opaque => 1u8,
        };
        hasher.update([kind]);
        for n in [piece.range.start, piece.range.end, piece.block] {
            hasher.update((n as u64).to_le_bytes());
        }
    }
    crate::text::hex(&hasher.finalize())
}

/// The words of a word list: one a line; blank lines, lines starting with
/// `#` and ` # trailing comments` are ignored.
pub fn parse_word_list(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let line = line.trim_start_matches('\u{feff}');
            let line = match line.find(" #").or_else(|| line.find("\t#")) {
                Some(i) => &line[..i],
                None => line,
            };
            line.trim()
        })
        .filter(|word| !word.is_empty() && !word.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// The warning of a book that asks for spelling from a binary without it.
pub fn unavailable() -> Diagnostic {
    Diagnostic::warning(
        "spelling",
        "book.toml",
        "spelling and grammar are not checked: this binary was built without spelling support",
    )
    .with_suggestion(
        "install it with the default features (the `spelling` feature), or set `spelling = false` in [preprocessor.technical-file]",
    )
}

/// Checks the reports (their findings go into the model, so their pages
/// show them; a report left pending is marked so) and the hand-written
/// chapters (their findings are returned) with `lint`: [`check`] with a
/// store, or a [`session::Session`].
pub fn check_book(
    file: &mut TechnicalFile,
    texts: &Texts,
    chapters: &[Chapter],
    mut lint: impl FnMut(&[Target], Lang) -> (Vec<Option<Vec<Diagnostic>>>, SpellStats),
) -> (Vec<Diagnostic>, SpellStats) {
    let mut targets: Vec<Target> = file
        .reports
        .iter_enumerated()
        .map(|(id, report)| Target::report(report, &texts[id]))
        .collect();
    targets.extend(chapters.iter().map(Target::chapter));
    let known = code_words(&targets);
    let (mut found, stats) = lint_by_language(&targets, file.config.language, &mut lint);
    let titles: Vec<&str> = file
        .referential
        .skills
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    for diagnostics in found.iter_mut().flatten() {
        diagnostics.retain(|d| !is_code_word(d, &known) && !in_skill_title(d, &titles));
    }
    let chapter_found = found.split_off(file.reports.len());
    for (id, found) in file.reports.ids().zip(found) {
        match found {
            Some(found) => file.findings.reports[id].extend(found),
            None => file.findings.spelling_pending[id] = true,
        }
    }
    (
        chapter_found.into_iter().flatten().flatten().collect(),
        stats,
    )
}

/// Lints each language's texts with its rules, once per language present:
/// a text in the book's language, or in its own (`lang` in a report's
/// front matter); a text in a language the tool has no rules for gets none.
fn lint_by_language(
    targets: &[Target],
    book: Option<Lang>,
    lint: &mut impl FnMut(&[Target], Lang) -> (Vec<Option<Vec<Diagnostic>>>, SpellStats),
) -> (Vec<Option<Vec<Diagnostic>>>, SpellStats) {
    let mut groups: BTreeMap<Lang, Vec<usize>> = BTreeMap::new();
    for (i, target) in targets.iter().enumerate() {
        if let Some(lang) = target.lang.unwrap_or(book) {
            groups.entry(lang).or_default().push(i);
        }
    }
    // The usual book: one language for every text, linted as it is.
    if groups.len() == 1
        && let Some((&lang, indices)) = groups.iter().next()
        && indices.len() == targets.len()
    {
        return lint(targets, lang);
    }
    let mut found: Vec<Option<Vec<Diagnostic>>> = vec![Some(Vec::new()); targets.len()];
    let mut stats = SpellStats::default();
    for (lang, indices) in groups {
        let group: Vec<Target> = indices.iter().map(|&i| targets[i].clone()).collect();
        let (results, group_stats) = lint(&group, lang);
        for (i, result) in indices.into_iter().zip(results) {
            found[i] = result;
        }
        stats.linted += group_stats.linted;
        stats.cached += group_stats.cached;
        stats.pending += group_stats.pending;
    }
    (found, stats)
}

/// The book's own vocabulary: the words of its code blocks and inline
/// code, lower-cased. A word the book writes as code (`kustomize`,
/// `argocd`, `values.yaml`) is a known word in its prose.
fn code_words(targets: &[Target]) -> HashSet<String> {
    let mut words = HashSet::new();
    for target in targets {
        for range in &target.scan.code {
            let code = &target.source.text[range.clone()];
            for word in code.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
                if word.len() > 1 && word.len() <= 40 {
                    words.insert(word.to_lowercase());
                }
            }
        }
    }
    words
}

/// Whether a finding is inside a skill's wording quoted as written (`## C3.2
/// Collect and analyse ...`): the referential's words, not the student's.
fn in_skill_title(d: &Diagnostic, titles: &[&str]) -> bool {
    d.excerpt.as_ref().is_some_and(|e| {
        titles.iter().any(|title| {
            e.line_text
                .match_indices(title)
                .any(|(at, _)| at <= e.span.start && e.span.end <= at + title.len())
        })
    })
}

/// Whether a spelling finding is about a word of the book's code.
fn is_code_word(d: &Diagnostic, known: &HashSet<String>) -> bool {
    d.code == FindingKind::Spelling.code()
        && d.excerpt.as_ref().is_some_and(|e| {
            let word = e.line_text[e.span.clone()].trim_end_matches("'s");
            known.contains(&word.to_lowercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referential::Referential;
    use crate::syntax::markdown::Flavor;

    fn chapter(text: &str) -> Chapter {
        Chapter::parse(
            "chapter.md",
            "book/chapter.md",
            text.to_owned(),
            &Referential::embedded(),
            Flavor::default(),
        )
    }

    #[test]
    fn blanking_keeps_offsets_and_only_prose() {
        let text = "+++\ntitle = \"Recieve\"\n+++\n# Été\n\nSee `recieve` and https://exemple.com/recieve, {{#skill C1.1}}.\n\n```\nrecieve\n```\n";
        let c = chapter(text);
        let blanked = blank(&Target::chapter(&c));
        assert_eq!(blanked.text.len(), text.len());
        assert_eq!(blanked.text.lines().count(), text.lines().count());
        assert!(!blanked.text.contains("recieve"), "{}", blanked.text);
        assert!(!blanked.text.contains("Recieve"), "{}", blanked.text);
        assert!(!blanked.text.contains("skill"), "{}", blanked.text);
        assert!(blanked.text.contains("# Été") || blanked.text.contains("Été"));
        assert!(blanked.text.contains("See "));
        let opaque: Vec<&str> = blanked
            .pieces
            .iter()
            .filter(|p| p.kind == PieceKind::Opaque)
            .map(|p| &text[p.range.clone()])
            .collect();
        assert_eq!(
            opaque,
            [
                "`recieve`",
                "https://exemple.com/recieve",
                "{{#skill C1.1}}"
            ]
        );
    }

    #[cfg(feature = "spelling")]
    #[test]
    fn a_huge_token_is_opaque_not_a_word_to_correct() {
        // Harper's suggestions for a 100,000-letter word would need 77 GB.
        let text = format!(
            "# Blob\n\nThe key is {} and it is recieved.\n",
            "a".repeat(100_000)
        );
        let c = chapter(&text);
        let blanked = blank(&Target::chapter(&c));
        assert!(
            blanked
                .pieces
                .iter()
                .any(|p| p.kind == PieceKind::Opaque && p.range.len() == 100_000)
        );
        let settings = Settings {
            english: English::American,
            words: Vec::new(),
            style: false,
            strict_english: false,
            lang: Default::default(),
        };
        let (found, _) = check(&[Target::chapter(&c)], &settings, None, Mode::Now);
        let found: Vec<String> = found[0]
            .iter()
            .flatten()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(found, ["possible spelling mistake: `recieved`"]);
    }

    #[cfg(feature = "spelling")]
    #[test]
    fn correct_devops_english_is_quiet_and_the_mistake_is_not() {
        let text = "# Notes\n\nThe relabelling is specialised: each `Pod`s spec, 100 ns of latencies, an over-complicated RBAC rule in a ConfigMap, the CRDs of argo-cd and its non-empty values.yaml. We recieved it.\n";
        let c = chapter(text);
        let settings = Settings {
            english: English::American,
            words: Vec::new(),
            style: false,
            strict_english: false,
            lang: Default::default(),
        };
        let (found, _) = check(&[Target::chapter(&c)], &settings, None, Mode::Now);
        let found: Vec<String> = found[0]
            .iter()
            .flatten()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(found, ["possible spelling mistake: `recieved`"]);
    }

    #[test]
    fn word_lists_ignore_comments_and_blank_lines() {
        assert_eq!(
            parse_word_list("# project words\n\nKubernetes\n  kubectl  # the CLI\nC#\n"),
            ["Kubernetes", "kubectl", "C#"]
        );
    }

    #[cfg(feature = "spelling")]
    mod harper {
        use super::*;

        fn settings(english: English, words: &[&str]) -> Settings {
            Settings {
                english,
                words: words.iter().map(|w| w.to_string()).collect(),
                style: false,
                strict_english: true,
                lang: Default::default(),
            }
        }

        fn findings(text: &str, english: English, words: &[&str]) -> Vec<String> {
            let c = chapter(text);
            let (found, stats) = check(
                &[Target::chapter(&c)],
                &settings(english, words),
                None,
                Mode::Now,
            );
            assert_eq!(
                stats,
                SpellStats {
                    linted: 1,
                    cached: 0,
                    pending: 0
                }
            );
            found[0]
                .iter()
                .flatten()
                .map(|d| {
                    format!(
                        "{} {} {} | {}",
                        d.location(),
                        d.code,
                        d.message,
                        d.suggestion.as_deref().unwrap_or("-")
                    )
                })
                .collect()
        }

        #[test]
        fn disabled_rules_exist() {
            let group = super::super::harper::lint_group(
                super::super::harper::dictionary(&[]),
                English::American,
            );
            let keys: std::collections::HashSet<&str> = group.iter_keys().collect();
            for rule in DISABLED_RULES {
                assert!(keys.contains(rule), "harper has no rule `{rule}`");
            }
        }

        #[test]
        fn mistakes_are_found_where_they_are() {
            let text = "# Deployment\n\nThe infrastucture is ready.\nOur café in «Paris» did recieve the servers.\nThe tool keeps it's configuration in Git.\nWe collected informations about the outage.\n";
            let found = findings(text, English::American, &[]);
            assert_eq!(found.len(), 4, "{found:#?}");
            assert!(found[0].starts_with("book/chapter.md:3:5 spelling possible spelling mistake: `infrastucture` | did you mean `infrastructure`"), "{found:#?}");
            assert!(found[1].starts_with("book/chapter.md:4:25 spelling possible spelling mistake: `recieve` | did you mean `receive`"), "{found:#?}");
            assert!(
                found[2].starts_with("book/chapter.md:5:16 grammar"),
                "{found:#?}"
            );
            assert!(found[2].contains("`its`"), "{found:#?}");
            assert!(found[3].starts_with("book/chapter.md:6:14"), "{found:#?}");
            assert!(found[3].contains("`information`"), "{found:#?}");
            assert!(found.iter().all(|f| !f.ends_with("| -")), "{found:#?}");
        }

        #[test]
        fn grammar_rules_that_matter_are_on() {
            let text = "This tool allows to deploy faster.\n\nWe call a API.\n\nWe deployed the the cluster.\n";
            let found = findings(text, English::American, &[]);
            eprintln!("{found:#?}");
            assert_eq!(found.len(), 3, "{found:#?}");
            assert!(
                found[0].starts_with("book/chapter.md:1:11 grammar"),
                "{found:#?}"
            );
            assert!(
                found[1].starts_with("book/chapter.md:3:9 grammar"),
                "{found:#?}"
            );
            assert!(found[1].contains("`an`"), "{found:#?}");
            assert!(
                found[2].starts_with("book/chapter.md:5:13 grammar"),
                "{found:#?}"
            );
        }

        #[test]
        fn code_urls_markers_and_front_matter_are_not_checked() {
            let text = "+++\ntitle = \"Recieve the infrastucture\"\n+++\n\n# Title\n\nRun `recieve --infrastucture` first, then read https://exemple.org/recieve-infrastucture or <https://exemple.org/deployement>. {{#skill C1.1 recieve}}\n\nAn `nginx` pod starts. \\{{#include files/infrastucture.yml}}\n\n```text\nWe recieve informations.\n```\n\n    indented recieve\n\n<div>recieve</div>\n\n![a recieve diagram](img/infrastucture.png)\n";
            let found = findings(text, English::American, &[]);
            assert_eq!(found, Vec::<String>::new());
        }

        #[test]
        fn project_words_are_accepted() {
            let text = "We deployed Zorglub on every server.\n";
            let found = findings(text, English::American, &[]);
            assert_eq!(found.len(), 1, "{found:#?}");
            assert!(found[0].contains("`Zorglub`"), "{found:#?}");
            assert_eq!(
                findings(text, English::American, &["Zorglub"]),
                Vec::<String>::new()
            );
        }

        #[test]
        fn british_and_american_spellings_follow_the_setting() {
            // Without `english` in book.toml, any English is fine.
            let mut loose = settings(English::American, &[]);
            loose.strict_english = false;
            let c = chapter("# Notes\n\nThe colour of the dashboard changed.\n");
            let (found, _) = check(&[Target::chapter(&c)], &loose, None, Mode::Now);
            assert!(found[0].iter().flatten().next().is_none(), "{found:#?}");
            // A book that chose its English gets the other's spellings.
            let text = "The colour of the dashboard changed.\n";
            let american = findings(text, English::American, &[]);
            assert_eq!(american.len(), 1, "{american:#?}");
            assert!(american[0].contains("`color`"), "{american:#?}");
            assert_eq!(findings(text, English::British, &[]), Vec::<String>::new());
            let text = "The color of the dashboard changed.\n";
            assert_eq!(findings(text, English::American, &[]), Vec::<String>::new());
            let british = findings(text, English::British, &[]);
            assert_eq!(british.len(), 1, "{british:#?}");
            assert!(british[0].contains("`colour`"), "{british:#?}");
        }
    }
}
