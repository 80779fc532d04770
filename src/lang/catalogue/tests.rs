use super::*;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use std::collections::{BTreeMap, BTreeSet};

/// Message id → the variables its value uses, for one language.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut messages = BTreeMap::new();
    for source in lang.catalogue_sources() {
        let resource = parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("{lang}: Fluent syntax errors: {errors:?}"));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut variables);
                }
                let id = message.id.name.to_owned();
                assert!(
                    messages.insert(id.clone(), variables).is_none(),
                    "{lang}: `{id}` is defined twice"
                );
            }
        }
    }
    messages
}

fn pattern_variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn every_language_has_every_message_and_no_other() {
    let english = messages(Lang::En);
    assert!(english.len() > 100, "{} messages", english.len());
    for lang in Lang::ALL {
        let theirs = messages(lang);
        let ids: BTreeSet<&String> = theirs.keys().collect();
        let reference: BTreeSet<&String> = english.keys().collect();
        let missing: Vec<_> = reference.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&reference).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, not in English {extra:?}"
        );
    }
}

/// A translation may leave a variable out (English writes the ISO date,
/// French the month's name) but never use one the code does not pass,
/// which Fluent would print as `{$name}`: every message formats without
/// an error when given the variables any language uses.
#[test]
fn every_message_formats_without_error_in_every_language() {
    let mut variables: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for lang in Lang::ALL {
        for (id, vars) in messages(lang) {
            variables.entry(id).or_default().extend(vars);
        }
    }
    for lang in Lang::ALL {
        let catalogue = lang.catalogue();
        for (id, vars) in &variables {
            for number in [0, 1, 2, 12] {
                let mut args = FluentArgs::new();
                for var in vars {
                    args.set(var.as_str(), number);
                }
                let message = catalogue.bundle.get_message(id).unwrap();
                let mut errors = Vec::new();
                let text = catalogue.bundle.format_pattern(
                    message.value().unwrap(),
                    Some(&args),
                    &mut errors,
                );
                assert!(errors.is_empty(), "{lang} `{id}`: {errors:?}");
                assert!(!text.contains("{$"), "{lang} `{id}`: {text}");
            }
        }
    }
}

/// French puts a no-break space before `: ; ! ? %` and inside « », so that
/// a line never starts with the sign; a plain space there is a typo.
#[test]
fn french_text_has_its_no_break_spaces() {
    for source in Lang::Fr.catalogue_sources() {
        for (n, line) in source.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            for bad in [" :", " ;", " !", " ?", " %", "« ", " »"] {
                assert!(
                    !line.contains(bad),
                    "fr line {}: `{bad}` wants a no-break space: {line}",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn numbers_dates_and_plurals_follow_the_language() {
    let (en, fr) = (Lang::En.catalogue(), Lang::Fr.catalogue());
    assert_eq!(en.decimal(6.04, 1), "6.0");
    assert_eq!(fr.decimal(6.04, 1), "6,0");
    assert_eq!(en.percent(0.944), "94 %");
    assert_eq!(fr.percent(0.944), "94\u{202F}%");
    assert_eq!(en.date(2026, 10, 14, "2026-10-14"), "2026-10-14");
    assert_eq!(fr.date(2026, 10, 14, "2026-10-14"), "14 octobre 2026");
    assert_eq!(fr.date(2026, 5, 1, "2026-05-01"), "1er mai 2026");
    // French counts 0 and 1 in the singular, English only 1.
    let warnings = |c: &Catalogue, n: usize| c.format("build-warnings", &[("warnings", n.into())]);
    assert_eq!(warnings(en, 0), "0 warnings");
    assert_eq!(warnings(en, 1), "1 warning");
    assert_eq!(warnings(fr, 0), "0 avertissement");
    assert_eq!(warnings(fr, 2), "2 avertissements");
}

#[test]
fn phrases_are_the_fixed_words_of_the_messages() {
    let phrases = Lang::En.catalogue().phrases();
    assert!(phrases.contains(&"Every skill has evidence.".to_owned()));
    assert!(phrases.contains(&"to the section of a report that proves it, or list".to_owned()));
    assert!(!phrases.iter().any(|p| p.contains('$')));
    let french = Lang::Fr.catalogue().phrases();
    assert!(french.contains(&"Chaque compétence est attestée.".to_owned()));
}

#[test]
fn pieces_put_the_spans_where_the_language_wants_them() {
    let pieces = Lang::Fr
        .catalogue()
        .pieces("chapter-see-appendix", &[], &["appendix"]);
    assert_eq!(
        pieces,
        [
            Piece::Text("Voir ".into()),
            Piece::Span(0),
            Piece::Text(".".into())
        ]
    );
    // A message no catalogue has is its id, never a panic.
    assert_eq!(
        Lang::Fr.catalogue().text("no-such-message"),
        "no-such-message"
    );
}
