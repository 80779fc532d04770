//! French grammar rules as data: `src/lang/fr/grammar.rules`, read once.
//!
//! A rule is a block of `key: value` lines (see the file's header):
//! `rule` (its id), `pattern` (a sequence of token tests, the one in
//! brackets being the mistake), `fix` (what replaces it), `message`, and
//! any number of `wrong` / `fixed` pairs (a real sentence with the mistake
//! and the same sentence corrected) and `right` lines (correct look-alikes
//! the rule must leave alone); both are run as tests.
//!
//! Token tests: `word`, `a|b|c` (any of these words, case-insensitively),
//! `~a|b` (a token that is none of these, or the start of the text: only
//! first), `*` (any word), and classes: `@inf` (an infinitive in -er whose
//! participle in -é is a word), `@pp` (a participle in -é whose infinitive
//! is a word), `@sg` (a singular word whose plural in -s/-x is a word),
//! `@pl` (a plural in -s whose singular is a word), `@same` (the previous
//! word again). Fixes: a word (`à`), `-er +é` (take off, put on), `+s`,
//! `+es|+s` (the first that gives a word), `remove` (the word and the space
//! before it).

use super::super::{Finding, FindingKind};
use super::words::{Token, TokenKind};
use spellbook::Dictionary;
use std::sync::OnceLock;

const RULES: &str = include_str!("../../lang/fr/grammar.rules");

/// Words that never take the plural `s` of a rule (function words,
/// adverbs), so that "sont le", "les plus" are not read as agreement.
const INVARIABLE: &[&str] = &[
    "le", "la", "un", "une", "du", "au", "ce", "ça", "leur", "notre", "votre", "son", "sa", "mon",
    "ton", "plus", "moins", "peu", "très", "bien", "mal", "tout", "toute", "même", "si", "aussi",
    "en", "de", "à", "pas", "point", "lors", "mi", "demi", "non", "cas", "fois", "part",
    // The verb « avoir »: "les a réglées" is a pronoun and a verb.
    "a",
];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Test {
    Words(Vec<String>),
    Not(Vec<String>),
    Any,
    Inf,
    Pp,
    Sg,
    Pl,
    Same,
    /// A participle agreed in the plural (-és, -ées) whose -er infinitive is a word.
    PpPlural,
    /// Any of these tests (`été|eu|@pp`).
    Either(Vec<Test>),
}

/// One rule of the file.
#[derive(Debug, Clone, Default)]
pub struct Rule {
    /// Named in test failures.
    #[cfg_attr(not(test), allow(dead_code))]
    pub id: String,
    tests: Vec<Test>,
    target: usize,
    pub fix: String,
    pub message: String,
    pub wrong: Vec<(String, String)>,
    pub right: Vec<String>,
}

/// The rules of `grammar.rules`, parsed once.
pub fn rules() -> &'static [Rule] {
    static RULES_PARSED: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES_PARSED.get_or_init(|| parse(RULES).expect("grammar.rules is well formed"))
}

/// Reads the rule file; an error names the line.
pub fn parse(text: &str) -> Result<Vec<Rule>, String> {
    let mut rules: Vec<Rule> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| format!("grammar.rules:{}: expected `key: value`", n + 1))?;
        let value = value.trim().to_owned();
        if key == "rule" {
            rules.push(Rule {
                id: value,
                ..Rule::default()
            });
            continue;
        }
        let rule = rules
            .last_mut()
            .ok_or_else(|| format!("grammar.rules:{}: `{key}` before any `rule`", n + 1))?;
        match key {
            "pattern" => {
                (rule.tests, rule.target) =
                    pattern(&value).map_err(|e| format!("grammar.rules:{}: {e}", n + 1))?
            }
            "fix" => rule.fix = value,
            "message" => rule.message = value,
            "wrong" => rule.wrong.push((value, String::new())),
            "fixed" => match rule.wrong.last_mut() {
                Some(pair) if pair.1.is_empty() => pair.1 = value,
                _ => {
                    return Err(format!(
                        "grammar.rules:{}: `fixed` without its `wrong`",
                        n + 1
                    ));
                }
            },
            "right" => rule.right.push(value),
            _ => return Err(format!("grammar.rules:{}: unknown key `{key}`", n + 1)),
        }
    }
    Ok(rules)
}

fn pattern(text: &str) -> Result<(Vec<Test>, usize), String> {
    let mut tests = Vec::new();
    let mut target = None;
    for part in text.split_whitespace() {
        let (part, is_target) = match part.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
            Some(inner) => (inner, true),
            None => (part, false),
        };
        if is_target {
            target = Some(tests.len());
        }
        let words = |p: &str| p.split('|').map(str::to_lowercase).collect();
        tests.push(match part {
            "*" => Test::Any,
            p if p.starts_with('@') && !p.contains('|') => class(p)?,
            p => match p.strip_prefix('~') {
                Some(rest) if tests.is_empty() => Test::Not(words(rest)),
                Some(_) => return Err("`~` only comes first".into()),
                // Words and classes mixed: `été|eu|@pp`.
                None if p.contains('@') => {
                    let (classes, plain): (Vec<&str>, Vec<&str>) =
                        p.split('|').partition(|a| a.starts_with('@'));
                    let mut either = vec![Test::Words(
                        plain.iter().map(|w| w.to_lowercase()).collect(),
                    )];
                    for c in classes {
                        either.push(class(c)?);
                    }
                    Test::Either(either)
                }
                None => Test::Words(words(p)),
            },
        });
    }
    target
        .map(|t| (tests, t))
        .ok_or_else(|| "no [target]".into())
}

fn class(name: &str) -> Result<Test, String> {
    Ok(match name {
        "@inf" => Test::Inf,
        "@pp" => Test::Pp,
        "@sg" => Test::Sg,
        "@pl" => Test::Pl,
        "@same" => Test::Same,
        "@ppl" => Test::PpPlural,
        other => return Err(format!("unknown class `{other}`")),
    })
}

fn is_word(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Elision)
}

fn plain(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.text.chars().all(char::is_lowercase)
}

fn test(test: &Test, tokens: &[Token], i: usize, dict: &Dictionary) -> bool {
    let t = &tokens[i];
    let w = t.lower();
    let word = &t.text;
    match test {
        Test::Words(list) => is_word(t) && list.contains(&w.replace('’', "'")),
        Test::Not(list) => !(is_word(t) && list.contains(&w.replace('’', "'"))),
        Test::Any => is_word(t),
        Test::Inf => {
            plain(t)
                && word.ends_with("er")
                && dict.check(word)
                && dict.check(&format!("{}é", &word[..word.len() - 2]))
        }
        Test::Pp => {
            plain(t)
                && word.ends_with('é')
                && dict.check(word)
                && dict.check(&format!("{}er", &word[..word.len() - 2]))
        }
        Test::Sg => {
            plain(t)
                && !INVARIABLE.contains(&w.as_str())
                && !word.ends_with(['s', 'x', 'z'])
                && !word.ends_with("er")
                && !word.ends_with("ir")
                && !word.ends_with("ment")
                && dict.check(word)
                && plural(word, dict).is_some()
        }
        Test::Pl => {
            plain(t)
                && word.ends_with('s')
                && word.len() > 3
                && dict.check(word)
                && dict.check(&word[..word.len() - 1])
        }
        Test::PpPlural => {
            let stem = word.strip_suffix("ées").or_else(|| word.strip_suffix("és"));
            plain(t)
                && dict.check(word)
                && stem.is_some_and(|stem| !stem.is_empty() && dict.check(&format!("{stem}er")))
        }
        Test::Either(tests) => tests.iter().any(|one| self::test(one, tokens, i, dict)),
        Test::Same => {
            t.kind == TokenKind::Word
                && i > 0
                && tokens[i - 1].kind == TokenKind::Word
                && tokens[i - 1].lower() == w
                && !matches!(w.as_str(), "nous" | "vous")
        }
    }
}

fn plural(word: &str, dict: &Dictionary) -> Option<String> {
    let candidate = if word.ends_with("au") || word.ends_with("eu") {
        format!("{word}x")
    } else {
        format!("{word}s")
    };
    dict.check(&candidate).then_some(candidate)
}

impl Rule {
    /// The token index the rule flags when it matches at `start`.
    fn matches(&self, tokens: &[Token], start: isize, dict: &Dictionary) -> Option<usize> {
        for (k, t) in self.tests.iter().enumerate() {
            let i = start + k as isize;
            if i < 0 {
                if matches!(t, Test::Not(_)) {
                    continue;
                }
                return None;
            }
            let i = i as usize;
            if i >= tokens.len() || !test(t, tokens, i, dict) {
                return None;
            }
        }
        Some((start + self.target as isize) as usize)
    }

    fn replacement(&self, word: &str, dict: &Dictionary) -> Option<String> {
        let fix = self.fix.as_str();
        if fix == "remove" {
            return Some(String::new());
        }
        for option in fix.split('|') {
            let mut out = word.to_owned();
            let mut edited = false;
            for op in option.split_whitespace() {
                if let Some(cut) = op.strip_prefix('-') {
                    out = out.strip_suffix(cut)?.to_owned();
                    edited = true;
                } else if let Some(add) = op.strip_prefix('+') {
                    out.push_str(add);
                    edited = true;
                }
            }
            if !edited {
                return Some(same_case(word, option.trim_start_matches('<')));
            }
            if dict.check(&out) {
                return Some(out);
            }
        }
        None
    }
}

/// `fix` written with the capital `word` had.
fn same_case(word: &str, fix: &str) -> String {
    if word.chars().next().is_some_and(char::is_uppercase) {
        let mut c = fix.chars();
        c.next()
            .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
    } else {
        fix.to_owned()
    }
}

/// The findings of every rule on one block's tokens.
pub fn check(tokens: &[Token], dict: &Dictionary) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in rules() {
        for start in -1..tokens.len() as isize {
            let Some(i) = rule.matches(tokens, start, dict) else {
                continue;
            };
            let token = &tokens[i];
            let Some(fix) = rule.replacement(&token.text, dict) else {
                continue;
            };
            let (range, flagged) = if rule.fix == "remove" {
                (tokens[i - 1].range.end..token.range.end, token.text.clone())
            } else if rule.fix.starts_with('<') && i > 0 {
                let before = &tokens[i - 1];
                (
                    before.range.start..token.range.end,
                    format!("{}{}", before.text, token.text),
                )
            } else {
                (token.range.clone(), token.text.clone())
            };
            let fix = match flagged.chars().next() {
                Some(c) if c.is_uppercase() => same_case(&flagged, &fix),
                _ => fix,
            };
            out.push(Finding {
                range,
                kind: FindingKind::Grammar,
                message: format!("`{flagged}`\u{a0}: {}", rule.message),
                suggestion: Some(if fix.is_empty() {
                    format!("supprimez `{}`", token.text)
                } else {
                    super::did_you_mean(&[fix])
                }),
            });
        }
    }
    out
}
