use super::grammar::{self, rules};
use super::*;
use std::collections::HashSet;

struct Words(HashSet<&'static str>);

impl Known for Words {
    fn is_known(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

fn english() -> Words {
    Words(
        [
            "pipeline",
            "pipelines",
            "runner",
            "merge",
            "request",
            "rollback",
            "cluster",
            "namespace",
            "build",
            "commit",
            "pod",
            "pods",
            "Helm",
        ]
        .into_iter()
        .collect(),
    )
}

/// The findings of `text` taken as one paragraph of prose.
fn lint(text: &str) -> Vec<Finding> {
    lint_knowing(&english(), text)
}

/// The same, with these English words known.
fn lint_knowing(known: &dyn Known, text: &str) -> Vec<Finding> {
    let blanked = Blanked {
        text: text.to_owned(),
        pieces: vec![crate::spelling::prose::Piece {
            range: 0..text.len(),
            kind: PieceKind::Prose,
            block: 0,
        }],
    };
    Linter::new(known).lint(&blanked, text)
}

/// The first suggestion of a finding put in place of its range.
fn apply(text: &str, f: &Finding) -> String {
    let s = f.suggestion.as_deref().unwrap_or("");
    let fix = if s.starts_with("supprimez") {
        String::new()
    } else {
        s.split('`').nth(1).unwrap_or("").to_owned()
    };
    format!("{}{fix}{}", &text[..f.range.start], &text[f.range.end..])
}

#[test]
fn every_rule_fixes_its_mistakes_and_leaves_its_look_alikes_alone() {
    let dict = dictionary();
    assert!(rules().len() >= 15);
    let mut failures = Vec::new();
    for rule in rules() {
        assert!(
            !rule.wrong.is_empty() && !rule.right.is_empty(),
            "{}: examples",
            rule.id
        );
        let of_rule = |text: &str| -> Vec<Finding> {
            grammar::check(&tokens(text, 0), dict)
                .into_iter()
                .filter(|f| f.message.ends_with(&rule.message))
                .collect()
        };
        for (wrong, fixed) in &rule.wrong {
            let found = of_rule(wrong);
            if !found.iter().any(|f| apply(wrong, f) == *fixed) {
                failures.push(format!("{}: `{wrong}` gives {found:?}", rule.id));
            }
        }
        for right in &rule.right {
            let found = of_rule(right);
            if !found.is_empty() {
                failures.push(format!("{}: `{right}` gives {found:?}", rule.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_sessions_three_mistakes_are_found_with_the_right_fix() {
    let text = "Avant ce projet, les déploiements étaient long. Les erreurs étaient frequentes \
                et le taux de réussite restait inférieure a 80 %.";
    let found = lint(text);
    let fixed: Vec<String> = found.iter().map(|f| apply(text, f)).collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        fixed.iter().any(|t| t.contains("étaient longs.")),
        "{fixed:?}"
    );
    assert!(
        fixed.iter().any(|t| t.contains("étaient fréquentes")),
        "{fixed:?}"
    );
    assert!(
        fixed.iter().any(|t| t.contains("inférieure à 80 %")),
        "{fixed:?}"
    );
}

#[test]
fn correct_french_with_english_elisions_hyphens_ordinals_and_inclusive_writing_is_clean() {
    let text = "Nous avons mis en place un pipeline : chaque merge request lance un runner \
                dédié, et l’équipe peut faire un rollback jusqu'à la 2e version du cluster, \
                c'est-à-dire en quelques minutes. Le 1er namespace est peut-être le plus \
                utilisé par les développeur·euses eux-mêmes au XXIe siècle. Qu'il s'agisse \
                d'Ansible ou de Terraform, aujourd'hui tout est versionné.";
    assert_eq!(lint(text), vec![]);
}

#[test]
fn a_missing_accent_is_suggested_first() {
    let dict = dictionary();
    for (wrong, right) in [
        ("frequentes", "fréquentes"),
        ("deploiement", "déploiement"),
        ("securite", "sécurité"),
        ("modele", "modèle"),
    ] {
        assert_eq!(with_accents(wrong, dict).as_deref(), Some(right));
    }
    let found = lint("Un modele simple.");
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].suggestion.as_deref(),
        Some("vouliez-vous dire `modèle`\u{202f}?")
    );
}

#[test]
fn elisions_are_tokens_of_their_own() {
    let words: Vec<String> = tokens("l’équipe jusqu'ici aujourd'hui", 0)
        .into_iter()
        .map(|t| t.text)
        .collect();
    assert_eq!(words, ["l'", "équipe", "jusqu'", "ici", "aujourd'hui"]);
}

#[test]
fn the_rule_file_reports_its_mistakes_with_their_line() {
    assert_eq!(
        grammar::parse("pattern: [a]").unwrap_err(),
        "grammar.rules:1: `pattern` before any `rule`"
    );
    assert_eq!(
        grammar::parse("rule: x\npattern: a b").unwrap_err(),
        "grammar.rules:2: no [target]"
    );
}

/// A paragraph in English inside a French text (a quotation, a page left
/// in English) is not read with French rules; French prose full of the
/// field's English words still is.
#[test]
fn a_paragraph_in_english_is_not_read_with_french_rules() {
    let known = EnglishAndProject::new(&[]);
    let one_block = |text: &str| lint_knowing(&known, text);
    for english in [
        "Evidence in the reports:",
        "One chapter per validated project follows, each with the skills it evidences.",
        "The team said: \"the deployment is done\".",
    ] {
        assert_eq!(one_block(english), [], "{english}");
    }
    let french = one_block("Le pipeline de la merge request était frequentes.");
    assert_eq!(french.len(), 1, "{french:?}");
    assert!(french[0].message.contains("frequentes"));
    let french = one_block("Nous avons déployer le cluster avec Helm.");
    assert_eq!(french.len(), 1, "{french:?}");
}
