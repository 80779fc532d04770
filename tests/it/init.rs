//! `init`: from an empty folder to a book that builds with the real mdBook,
//! passes `check`, and is left alone by a second `init`; in an existing
//! mdBook, the author's files are kept.

use crate::support::{binary, snapshot};
use std::fs;
use std::path::Path;

fn init(dir: &Path) -> String {
    let output = binary()
        .args(["init", "--author", "Ana Silva"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn init_makes_a_book_that_builds_checks_and_stays_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("my-technical-file");
    let said = init(&root);
    assert!(
        said.contains("wrote book/SUMMARY.md") && said.contains("wrote reports/first-project.md"),
        "{said}"
    );
    // The Pages workflow installs prebuilt binaries with the action, not by
    // compiling (what it passes the action: tests/it/distribution.rs).
    let workflow = fs::read_to_string(root.join(".github/workflows/pages.yml")).unwrap();
    assert!(
        workflow.contains("uses: mdbook-technical-file/mdbook-technical-file@v1")
            && !workflow.contains("cargo install"),
        "{workflow}"
    );

    // `check` exits 0: warnings only (the empty report, the gaps).
    let check = binary().arg("check").current_dir(&root).output().unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    // The real mdbook CLI builds it, with the tool on its PATH.
    if crate::support::mdbook_cli() {
        crate::support::mdbook_build(&root);
        let out = root.join("target/book");
        let block =
            fs::read_to_string(out.join("block-1-knowledge-of-cloud-infrastructure.html")).unwrap();
        assert_eq!(
            block.matches("Evidence in the reports").count(),
            7,
            "one per skill of block 1"
        );
        assert!(out.join("reports/first-project.html").is_file());
        let appendix = fs::read_to_string(out.join("skill-coverage.html")).unwrap();
        assert!(appendix.contains("id=\"skill-security-services\""));
        // What the French book's test looks for is there in English.
        let pages = crate::support::html_pages(&out);
        let english = crate::support::english_of_ours(&pages);
        assert!(english.len() > 20, "{english:?}");
        // And no French sentence of ours in an English book.
        let french = crate::support::phrases_of(mdbook_technical_file::testing::Lang::Fr, &pages);
        assert!(
            french.is_empty(),
            "French of ours in an English book:\n{}",
            french.join("\n")
        );
    }

    // A second `init` changes nothing and says what it kept.
    let before = snapshot(&root);
    let said = init(&root);
    assert!(!said.contains("wrote"), "{said}");
    assert!(said.contains("kept book.toml (it exists)"), "{said}");
    let after = snapshot(&root);
    let changed: Vec<_> = before
        .keys()
        .filter(|p| before.get(*p) != after.get(*p))
        .collect();
    assert!(
        changed.is_empty() && before.len() == after.len(),
        "{changed:?}"
    );
}

#[test]
fn init_in_an_existing_mdbook_keeps_its_files_and_adds_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let book_toml = "[book]\n# my own comment\ntitle = \"Mine\"\nsrc = \"src\"\n";
    fs::write(root.join("book.toml"), book_toml).unwrap();
    fs::create_dir_all(root.join("src")).unwrap();
    fs::write(
        root.join("src/SUMMARY.md"),
        "# Summary\n\n- [Chapter 1](chapter_1.md)\n",
    )
    .unwrap();
    fs::write(root.join("src/chapter_1.md"), "# Chapter 1\n\nMine.\n").unwrap();
    let said = init(root);
    assert!(said.contains("kept src/SUMMARY.md (it exists)"), "{said}");
    assert!(
        said.contains("wrote src/block-1-knowledge-of-cloud-infrastructure.md"),
        "{said}"
    );
    assert_eq!(
        fs::read_to_string(root.join("src/SUMMARY.md")).unwrap(),
        "# Summary\n\n- [Chapter 1](chapter_1.md)\n"
    );
    assert_eq!(
        fs::read_to_string(root.join("src/chapter_1.md")).unwrap(),
        "# Chapter 1\n\nMine.\n"
    );
    // book.toml: every line the author wrote is still there, the
    // preprocessor's settings are added.
    let toml = fs::read_to_string(root.join("book.toml")).unwrap();
    for line in book_toml.lines() {
        assert!(toml.contains(line), "{line} lost:\n{toml}");
    }
    assert!(toml.contains("[preprocessor.technical-file]"), "{toml}");
    assert!(
        !root.join("book").exists(),
        "chapters go to the book's own src"
    );
}

/// A small curriculum of another training, two blocks of two skills.
const OTHER_CURRICULUM: &str = r#"title = "Data Engineer"

[[blocks]]
id = "D1"
title = "Pipelines"

[[blocks.skills]]
id = "P1"
slug = "ingestion"
title = "Ingest data from heterogeneous sources"

[[blocks.skills]]
id = "P2"
slug = "orchestration"
title = "Orchestrate batch and streaming jobs"

[[blocks]]
id = "D2"
title = "Data quality"

[[blocks.skills]]
id = "Q1"
slug = "validation"
title = "Validate data against contracts"

[[blocks.skills]]
id = "Q2"
slug = "lineage"
title = "Trace the lineage of datasets"
"#;

#[test]
fn init_with_another_referential_makes_its_chapters_and_the_book_uses_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data-engineer.toml");
    fs::write(&file, OTHER_CURRICULUM).unwrap();
    let root = dir.path().join("book");
    let output = binary()
        .args(["init", "--author", "Ana Silva", "--referential"])
        .arg(&file)
        .arg(&root)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        fs::read_to_string(root.join("referential.toml")).unwrap(),
        OTHER_CURRICULUM
    );
    let toml: toml::Table = fs::read_to_string(root.join("book.toml"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        toml["preprocessor"]["technical-file"]["referential"].as_str(),
        Some("referential.toml")
    );
    let summary = fs::read_to_string(root.join("book/SUMMARY.md")).unwrap();
    assert!(
        summary.contains("- [Block 1 — Pipelines](block-1-pipelines.md)")
            && summary.contains("- [Block 2 — Data quality](block-2-data-quality.md)"),
        "{summary}"
    );
    let block = fs::read_to_string(root.join("book/block-2-data-quality.md")).unwrap();
    assert!(
        block.contains("## Q2 Trace the lineage of datasets")
            && block.contains("{{#skill-evidence Q2}}"),
        "{block}"
    );
    // The book is of that curriculum: its appendix counts its four skills.
    let outcome = mdbook_technical_file::analyze(&root).unwrap();
    assert_eq!(outcome.file.referential.skills.len(), 4);
    assert!(
        outcome
            .diagnostics
            .iter()
            .all(|d| d.code != "unknown-skill"),
        "{:?}",
        outcome.diagnostics
    );
}

#[test]
fn init_refuses_a_broken_referential_with_its_place_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.toml");
    fs::write(
        &file,
        OTHER_CURRICULUM.replace("slug = \"lineage\"", "slug = \"Lineage Of Data\""),
    )
    .unwrap();
    let root = dir.path().join("book");
    let output = binary()
        .args(["init", "--referential"])
        .arg(&file)
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("is not a usable referential") && stderr.contains("broken.toml:"),
        "{stderr}"
    );
    assert!(!root.exists());
}

/// `init` on a terminal asks for the author and the title (here through
/// `script`, which gives it a pseudo-terminal; an empty answer keeps the
/// default).
#[cfg(unix)]
#[test]
fn init_on_a_terminal_asks_for_the_author_and_the_title() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` (util-linux) to give init a terminal");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("asked");
    let command = format!(
        "{} init {}",
        env!("CARGO_BIN_EXE_mdbook-technical-file"),
        root.display()
    );
    let mut child = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"Camille Moreau\n").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        stdin.write_all(b"\n").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    let output = child.wait_with_output().unwrap();
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{shown}");
    assert!(
        shown.contains("Your name (the book's author) [Your Name]:"),
        "{shown}"
    );
    let toml: toml::Table = fs::read_to_string(root.join("book.toml"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(toml["book"]["authors"][0].as_str(), Some("Camille Moreau"));
    assert_eq!(
        toml["book"]["title"].as_str(),
        Some("Technical file — Camille Moreau")
    );
}

/// `init --lang fr`: French chapters, guidance and book.toml; `check`
/// finds no spelling or grammar mistake in what `init` wrote (so French
/// rules read French text) and exits 0; the real mdBook builds it, and no
/// page holds an English sentence of ours.
#[test]
fn init_in_french_writes_a_french_book_that_checks_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("dossier");
    let output = binary()
        .args(["init", "--lang", "fr-FR", "--author", "Inès Marchand"])
        .arg(&root)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{said}");
    assert!(said.contains("wrote reports/premier-projet.md"), "{said}");
    assert!(said.contains("ensuite\u{a0}: écrivez"), "{said}");
    let book_toml = fs::read_to_string(root.join("book.toml")).unwrap();
    assert!(book_toml.contains("language = \"fr\""), "{book_toml}");
    assert!(book_toml.contains("title = \"Dossier technique — Inès Marchand\""));
    let report = fs::read_to_string(root.join("reports/premier-projet.md")).unwrap();
    assert!(report.contains("\n## Le problème\n") && report.contains("# le jour où le projet"));

    let check = binary().arg("check").current_dir(&root).output().unwrap();
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(0), "{stderr}");
    for code in ["spelling", "grammar", "missing-sections"] {
        assert!(!stderr.contains(&format!("[{code}]")), "{stderr}");
    }
    assert!(
        stderr.contains("technical-file: 1 rapport, 0/18 compétences"),
        "{stderr}"
    );

    if crate::support::mdbook_cli() {
        crate::support::mdbook_build(&root);
        let out = root.join("target/book");
        let block =
            fs::read_to_string(out.join("block-1-connaissance-de-l-infrastructure-cloud.html"))
                .unwrap();
        assert_eq!(block.matches("Preuves dans les rapports").count(), 7);
        let appendix = fs::read_to_string(out.join("skill-coverage.html")).unwrap();
        assert!(appendix.contains("Couverture des compétences"));
        assert!(
            appendix.contains("id=\"skill-security-services\""),
            "ids do not change"
        );
        let pages = crate::support::html_pages(&out);
        assert!(pages.len() >= 8, "{}", pages.len());
        crate::support::assert_no_english_of_ours(&pages);
        // The control: the search finds the French book's own words.
        let french = crate::support::phrases_of(mdbook_technical_file::testing::Lang::Fr, &pages);
        assert!(french.len() > 20, "{french:?}");
    }
}
