use super::*;

#[test]
fn embedded_referential_has_18_skills_in_3_blocks_and_8_sections() {
    let r = Referential::embedded();
    assert_eq!(r.blocks.len(), 3);
    assert_eq!(r.skills.len(), 18);
    let sizes: Vec<usize> = r.blocks.iter().map(|b| b.skills.len()).collect();
    assert_eq!(sizes, [7, 5, 6]);
    let ids: Vec<&str> = r.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "problem",
            "constraints",
            "continuous-integration",
            "continuous-delivery",
            "quality-control",
            "technological-choices",
            "results",
            "problems"
        ]
    );
    assert_eq!(r.resolve("c1.3"), r.resolve("Observability"));
    assert_eq!(
        r.skills[r.resolve("C3.2").unwrap()].slug,
        "performance-data"
    );
    assert_eq!(r.suggest("obsrvability"), Some("observability"));
}

#[test]
fn headings_map_to_sections_without_confusing_problem_and_problems() {
    let r = Referential::embedded();
    let section = |h: &str| r.section_of_heading(h).map(|i| r.sections[i].id.as_str());
    assert_eq!(section("The problem"), Some("problem"));
    assert_eq!(section("Problem statement"), Some("problem"));
    assert_eq!(section("2. Problems"), Some("problems"));
    assert_eq!(section("Expected and actual problems"), Some("problems"));
    assert_eq!(section("Expected & actual results"), Some("results"));
    assert_eq!(
        section("Continuous integration (GitLab CI)"),
        Some("continuous-integration")
    );
    assert_eq!(section("Problematic"), None);
    assert_eq!(section("Lessons learned"), None);
}

#[test]
fn duplicate_ids_and_empty_blocks_are_errors_naming_lines() {
    let text = "[[blocks]]\nid = \"B1\"\ntitle = \"One\"\n[[blocks.skills]]\nid = \"S1\"\nslug = \"one\"\ntitle = \"x\"\n[[blocks.skills]]\nid = \"s1\"\nslug = \"two\"\ntitle = \"y\"\n[[blocks]]\nid = \"B2\"\ntitle = \"Empty\"\n";
    let errors = Referential::parse(&SourceFile::new("ref.toml", text)).unwrap_err();
    let messages: Vec<String> = errors
        .iter()
        .map(|d| format!("{} {}", d.location(), d.message))
        .collect();
    assert_eq!(
        messages,
        [
            "ref.toml:9:6 duplicate skill id or slug `s1` (first used on line 5)",
            "ref.toml:12:1 block `B2` has no skills; add `[[blocks.skills]]` entries or remove it",
        ]
    );
}

#[test]
fn french_headings_map_to_sections_with_or_without_article_and_accents() {
    let r = Referential::embedded();
    let section = |h: &str| r.section_of_heading(h).map(|i| r.sections[i].id.as_str());
    for (heading, id) in [
        ("Le problème", "problem"),
        ("Problématique", "problem"),
        ("la problematique", "problem"),
        ("Contraintes", "constraints"),
        ("Intégration continue", "continuous-integration"),
        (
            "L'intégration continue (GitLab CI)",
            "continuous-integration",
        ),
        ("Livraison continue", "continuous-delivery"),
        ("Déploiement continu", "continuous-delivery"),
        ("CONTRÔLE QUALITÉ", "quality-control"),
        ("Choix technologiques", "technological-choices"),
        ("3. Résultats attendus et obtenus", "results"),
        ("Problemes attendus et rencontres", "problems"),
        ("Problèmes attendus et rencontrés", "problems"),
    ] {
        assert_eq!(section(heading), Some(id), "{heading}");
    }
    assert_eq!(section("Leçons apprises"), None);
}
