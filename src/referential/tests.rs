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

#[test]
fn the_embedded_referential_has_every_title_in_french_and_keeps_its_ids() {
    let english = Referential::embedded();
    let (_, problems) = embedded_wording(Lang::Fr, &english).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(english.languages().collect::<Vec<_>>(), [Lang::Fr]);
    let french = english.in_language(Lang::Fr);
    assert_eq!(french.title, "Expert Cloud DevOps (titre RNCP de niveau 7)");
    assert_eq!(french.source_title, english.title);
    for (fr, en) in french.blocks.iter().zip(english.blocks.iter()) {
        assert_eq!(fr.id, en.id);
        assert_ne!(fr.title, en.title, "block {} untranslated", en.id);
    }
    for (fr, en) in french.skills.iter().zip(english.skills.iter()) {
        assert_eq!((&fr.id, &fr.slug), (&en.id, &en.slug));
        assert_ne!(fr.title, en.title, "skill {} untranslated", en.id);
    }
    for (fr, en) in french.sections.iter().zip(english.sections.iter()) {
        assert_eq!(fr.id, en.id);
        assert_ne!(fr.title, en.title, "section {} untranslated", en.id);
        assert_ne!(fr.guidance, en.guidance, "section {} untranslated", en.id);
    }
    let skill = french.resolve("observability").unwrap();
    assert_eq!(french.skills[skill].id, "C1.3");
    assert!(french.skills[skill].title.starts_with("Mettre en place"));
    // A book in English, or in a language without a wording, keeps its words.
    assert_eq!(english.in_language(Lang::En), english);
    let section =
        |r: &Referential, h: &str| r.section_of_heading(h).map(|i| r.sections[i].id.clone());
    for r in [&english, &french] {
        assert_eq!(section(r, "Le problème").as_deref(), Some("problem"));
        assert_eq!(section(r, "The problem").as_deref(), Some("problem"));
    }
}

#[test]
fn a_school_file_gives_its_own_wording_per_language_and_unknown_ids_are_warned() {
    let text = "title = \"Ops\"\n[wording.fr]\ntitle = \"Exploitation\"\nblocks = { B1 = \"Bloc un\" }\n[wording.fr.skills]\n\"S1\" = \"Surveiller\"\n\"S9\" = \"Rien\"\n[wording.fr.sections.intro]\ntitle = \"Préambule\"\n[wording.de]\ntitle = \"Betrieb\"\n[[blocks]]\nid = \"B1\"\ntitle = \"Block one\"\n[[blocks.skills]]\nid = \"S1\"\nslug = \"monitor\"\ntitle = \"Monitor\"\n[[sections]]\nid = \"intro\"\ntitle = \"Introduction\"\n";
    let (r, warnings) = Referential::parse(&SourceFile::new("school.toml", text)).unwrap();
    let messages: Vec<String> = warnings
        .iter()
        .map(|d| {
            format!(
                "{}:{} {}",
                d.code,
                d.position.as_ref().map_or(0, |p| p.line),
                d.message
            )
        })
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with("unknown-referential-key:7 unknown key `S9`"),
        "{messages:?}"
    );
    assert_eq!(
        warnings[0].suggestion.as_deref(),
        Some("did you mean `S1`?")
    );
    assert!(
        messages[1].starts_with("unknown-referential-key:10 unknown key `de`"),
        "{messages:?}"
    );
    let fr = r.in_language(Lang::Fr);
    assert_eq!(
        (fr.title.as_str(), fr.source_title.as_str()),
        ("Exploitation", "Ops")
    );
    assert_eq!(fr.blocks[BlockId::new(0)].title, "Bloc un");
    assert_eq!(fr.skills[SkillId::new(0)].title, "Surveiller");
    assert_eq!(fr.sections[SectionId::new(0)].title, "Préambule");
    assert_eq!(fr.sections[SectionId::new(0)].guidance, "");
    // The French title is a heading of the section in either language.
    assert_eq!(r.section_of_heading("Préambule"), Some(SectionId::new(0)));
    assert_eq!(r.in_language(Lang::En).title, "Ops");
}
