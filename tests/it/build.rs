//! Real books built with mdBook (mdbook-driver, in-process): reports become
//! chapters, in order, numbered like mdBook, with their front matter hidden.

use crate::support::{TestBook, binary, hrefs, ids, preprocessor_input, run_preprocessor};

const SUMMARY: &str = "# Summary\n\n[Introduction](intro.md)\n\n- [Block one](b1.md)\n- [Project reports](reports.md)\n";

fn base_files() -> Vec<(&'static str, &'static str)> {
    vec![
        ("book/SUMMARY.md", SUMMARY),
        ("book/intro.md", "# Introduction\n\nHello.\n"),
        ("book/b1.md", "# Block one\n\nSynthesis.\n"),
        ("book/reports.md", "# Project reports\n\nThe reports.\n"),
    ]
}

#[test]
fn reports_go_under_the_placeholder_in_date_order_with_mdbook_numbers() {
    let mut files = base_files();
    files.extend([
        ("reports/zeta-late.md", "+++\ntitle = \"Late project\"\ndate = 2026-03-01\n+++\n# Late project\n\nText.\n"),
        ("reports/alpha-early.md", "+++\ntitle = \"Early project\"\ndate = 2025-10-01\nteam = [\"Ana Silva\", \"Camille Moreau\"]\nrole = \"I wrote the <pipeline>.\"\n+++\n# Early project\n\nText.\n"),
        ("reports/undated-one.md", "# Undated heading title\n\nNo front matter.\n"),
        ("reports/wip.md", "+++\ntitle = \"Work in progress\"\ndraft = true\n+++\n# WIP\n"),
    ]);
    let book = TestBook::new(&files);
    book.build();
    assert_eq!(
        book.toc(),
        [
            "Introduction",
            "1. Block one",
            "2. Project reports",
            "2.1. Early project",
            "2.2. Late project",
            "2.3. Undated heading title",
            "Skill coverage",
        ]
    );
    // Every report has its page, the draft has none.
    assert!(!book.root().join("out/reports/wip.html").exists());
    let early = book.page("reports/alpha-early.html");
    assert!(early.contains(">Early project</a></h1>"), "{early}");
    assert!(!early.contains("title ="), "front matter shown: {early}");
    assert!(!early.contains("+++"), "front matter fence shown: {early}");
    // The team and role header, with the role escaped.
    assert!(
        early.contains("Group project</span> — team: Ana Silva, Camille Moreau"),
        "{early}"
    );
    assert!(
        early.contains("My role</span> I wrote the &lt;pipeline&gt;."),
        "{early}"
    );
    let late = book.page("reports/zeta-late.html");
    assert!(late.contains("Individual project"), "{late}");
    // The appendix says a draft was left out.
    let appendix = book.page("skill-coverage.html");
    assert!(
        appendix.contains("1 draft report is left out."),
        "{appendix}"
    );
}

#[test]
fn without_a_placeholder_reports_form_a_part_after_the_numbered_chapters() {
    let files = [
        (
            "book/SUMMARY.md",
            "# Summary\n\n[Introduction](intro.md)\n\n- [Block one](b1.md)\n- [Block two](b2.md)\n\n[Glossary](glossary.md)\n",
        ),
        ("book/intro.md", "# Introduction\n"),
        ("book/b1.md", "# Block one\n"),
        ("book/b2.md", "# Block two\n"),
        ("book/glossary.md", "# Glossary\n"),
        ("reports/b-report.md", "# Report B\n"),
        ("reports/a-report.md", "# Report A\n"),
    ];
    let book = TestBook::new(&files);
    book.build();
    assert_eq!(
        book.toc(),
        [
            "Introduction",
            "1. Block one",
            "2. Block two",
            "# Project reports",
            "3. Report A",
            "4. Report B",
            "Glossary",
            "Skill coverage",
        ]
    );
}

#[test]
fn toml_and_yaml_front_matter_with_crlf_and_bom() {
    let mut files = base_files();
    files.extend([
        ("reports/toml-crlf.md", "\u{FEFF}+++\r\ntitle = \"TOML with CRLF\"\r\ndate = 2025-11-02\r\nskills = [\"C1.1\"]\r\n+++\r\n# TOML with CRLF\r\n\r\n## Constraints\r\n\r\nWe configured {{#skill C2.2}} things.\r\n"),
        ("reports/yaml-lf.md", "---\ntitle: YAML report\ndate: 2025-11-03\nteam: [Ana, Bo]\nrole: Helm charts\nskills:\n  - observability\n---\n# YAML report\n\nBody {{#skill containers}}.\n"),
    ]);
    let book = TestBook::new(&files);
    book.build();
    assert_eq!(
        &book.toc()[3..5],
        ["2.1. TOML with CRLF", "2.2. YAML report"]
    );
    let toml = book.page("reports/toml-crlf.html");
    assert!(!toml.contains("+++") && !toml.contains("title ="), "{toml}");
    assert!(!toml.contains('\u{FEFF}'), "BOM shown");
    assert!(
        toml.contains(
            r#"<a class="tf-skill" href="../skill-coverage.html#skill-config-automation""#
        ),
        "{toml}"
    );
    let yaml = book.page("reports/yaml-lf.html");
    assert!(!yaml.contains("title: YAML"), "{yaml}");
    assert!(
        yaml.contains("Group project</span> — team: Ana, Bo"),
        "{yaml}"
    );
    assert!(yaml.contains("My role</span> Helm charts"), "{yaml}");
    assert!(yaml.contains(">C1.5</a>"), "{yaml}");
    // The header lists report-level claims too.
    assert!(
        yaml.contains(">C1.3</a> Set up observability systems"),
        "{yaml}"
    );
}

/// A 1×1 transparent PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

#[test]
fn relative_images_files_and_includes_next_to_reports_work() {
    let mut files = base_files();
    files.extend([
        ("reports/files/pipeline.yml", "stages:\n  - test\n"),
        (
            "reports/with-assets.md",
            "# With assets\n\n![architecture](img/arch.png)\n\nThe [pipeline file](files/pipeline.yml).\n\n```yaml\n{{#include files/pipeline.yml}}\n```\n\n![missing](img/nope.png)\n",
        ),
    ]);
    let book = TestBook::new(&files);
    book.write("reports/img/arch.png", PNG);
    book.build();
    let page = book.page("reports/with-assets.html");
    use base64::Engine;
    let png = base64::engine::general_purpose::STANDARD.encode(PNG);
    assert!(
        page.contains(&format!(r#"src="data:image/png;base64,{png}""#)),
        "{page}"
    );
    assert!(
        page.contains(r#"download="pipeline.yml">pipeline file</a>"#),
        "{page}"
    );
    // mdBook's own {{#include}}, relative to the report.
    assert!(page.contains("stages:"), "{page}");
    assert!(!page.contains("{{#include"), "{page}");
    // Nothing was copied next to the pages: the files travel inside them.
    assert!(!book.root().join("out/reports/img").exists());
    // The missing image is reported in the page's box (errors and warnings
    // are listed there while previewing; here only errors, so no box).
    let outcome = mdbook_technical_file::analyze(book.root()).unwrap();
    let missing: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == "missing-asset")
        .map(|d| format!("{} {}", d.location(), d.message))
        .collect();
    assert_eq!(
        missing,
        ["reports/with-assets.md:11:12 `img/nope.png` cannot be read: no such file"]
    );
}

#[test]
fn a_broken_report_shows_its_error_and_the_others_still_render() {
    let mut files = base_files();
    files.extend([
        (
            "reports/good.md",
            "+++\ndate = 2025-10-01\n+++\n# Good\n\nFine {{#skill C1.1}}.\n",
        ),
        (
            "reports/bad-front-matter.md",
            "+++\ntitle = \"Bad\"\ndate = 2025-10-0x\n+++\n# Bad\n\nBody text survives.\n",
        ),
        (
            "reports/bad-marker.md",
            "# Marker\n\nSee {{#skill C9.9}} and {{#skill obsrvability}}.\n",
        ),
    ]);
    let book = TestBook::new(&files);
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        book.root().join("reports/nowhere.md"),
        book.root().join("reports/dangling.md"),
    )
    .unwrap();
    book.build();
    let good = book.page("reports/good.html");
    assert!(good.contains(">C1.1</a>"), "{good}");
    let bad = book.page("reports/bad-front-matter.html");
    assert!(
        bad.contains("blockquote-tag-caution"),
        "no error box: {bad}"
    );
    assert!(
        bad.contains("<code>reports/bad-front-matter.md:3:8</code>"),
        "{bad}"
    );
    assert!(bad.contains("Body text survives."), "{bad}");
    let marker = book.page("reports/bad-marker.html");
    assert!(marker.contains("⚠ C9.9"), "{marker}");
    assert!(marker.contains("did you mean `observability`?"), "{marker}");
    #[cfg(unix)]
    {
        let dangling = book.page("reports/dangling.html");
        assert!(dangling.contains("the report cannot be read"), "{dangling}");
    }
}

#[test]
fn strict_mode_fails_the_build_on_errors() {
    let mut files = base_files();
    files.push(("reports/bad.md", "# Bad\n\n{{#skill C9.9}}\n"));
    files.push(("book.toml", "[book]\nsrc = \"book\"\n[build]\nbuild-dir = \"out\"\n[preprocessor.technical-file]\nbefore = [\"links\"]\nstrict = true\nspelling = false\n"));
    let book = TestBook::new(&files);
    let error = mdbook_technical_file::build(book.root(), false).unwrap_err();
    let chain = format!("{error:#}");
    assert!(
        chain.contains("1 error and `strict = true`: the build fails"),
        "{chain}"
    );
}

#[test]
fn supports_answers_every_renderer() {
    for renderer in ["html", "markdown"] {
        let status = binary().args(["supports", renderer]).status().unwrap();
        assert!(status.success());
    }
}

#[test]
fn mdbook_04_input_gets_a_clear_version_message() {
    let json = r##"[{"root":"/tmp/book","config":{"book":{"title":"x","src":"src"}},"renderer":"html","mdbook_version":"0.4.40"},{"sections":[{"Chapter":{"name":"Intro","content":"# Intro","number":null,"sub_items":[],"path":"intro.md","source_path":"intro.md","parent_names":[]}}],"__non_exhaustive":null}]"##;
    let output = run_preprocessor(binary(), json.as_bytes());
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .contains("mdbook-technical-file requires mdBook ^0.5.4, but was run by mdBook 0.4.40"),
        "{stderr}"
    );
    assert!(
        stderr.contains("cargo install mdbook --version 0.5.4 --locked"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn the_json_protocol_adds_reports_and_the_appendix() {
    let mut files = base_files();
    files.push((
        "reports/one.md",
        "+++\ndate = 2025-10-01\n+++\n# One\n\n## Constraints\n\nText {{#skill C1.1}}.\n",
    ));
    let book = TestBook::new(&files);
    let mut command = binary();
    command.current_dir(book.root());
    let output = run_preprocessor(command, &preprocessor_input(book.root()));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("technical-file: 1 report, 1/18 skills"),
        "{stderr}"
    );
    let out: mdbook_preprocessor::book::Book = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<String> = out
        .iter()
        .filter_map(|item| match item {
            mdbook_preprocessor::book::BookItem::Chapter(ch) => {
                ch.path.as_ref().map(|p| p.display().to_string())
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        paths,
        [
            "intro.md",
            "b1.md",
            "reports.md",
            "reports/one.md",
            "skill-coverage.md"
        ]
    );
}

#[test]
fn links_between_reports_work_and_broken_ones_are_reported() {
    let mut files = base_files();
    files.extend([
        ("reports/first.md", "+++\ndate = 2025-10-01\n+++\n# First\n\nSee [the second](second.md#constraints), [intro](../intro.md)\nand [nothing](secnd.md) or [no heading](second.md#nope).\n"),
        ("reports/second.md", "+++\ndate = 2025-10-02\n+++\n# Second\n\n## Constraints\n\nBack to [first](first.md).\n"),
    ]);
    let book = TestBook::new(&files);
    book.build();
    let first = book.page("reports/first.html");
    assert!(
        hrefs(&first).contains(&"second.html#constraints".to_owned()),
        "{first}"
    );
    let second = std::fs::read_to_string(book.root().join("out/reports/second.html")).unwrap();
    assert!(ids(&second).contains(&"constraints".to_owned()));
    let outcome = mdbook_technical_file::analyze(book.root()).unwrap();
    let broken: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == "broken-link")
        .map(|d| format!("{} {} {:?}", d.location(), d.message, d.suggestion))
        .collect();
    assert_eq!(
        broken,
        [
            "reports/first.md:7:15 link to `secnd.md`, which is not a page of the book Some(\"did you mean `second.md`?\")",
            "reports/first.md:7:41 link to the heading `#nope`, which does not exist None",
        ]
    );
}
