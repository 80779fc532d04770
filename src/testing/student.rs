//! Books that look like what students write, for the preprocessor
//! benchmark: every report differs in shape the way real ones do. Front
//! matter in TOML, in YAML or absent; dated and undated reports (the
//! progression chart), a few drafts; markers by id and by slug, in
//! paragraphs and list items; an architecture diagram next to each report
//! (an SVG file in `reports/img/`, embedded in the page), screenshots
//! shared by several; raw HTML (`<details>` with logs, `<kbd>`, `<br>`);
//! `{{#include}}` of the CI file of the project's topic; links to other
//! reports' sections and to files; code blocks and tables. Deterministic
//! for a given seed. The plain variant lists the same reports (and copies
//! the same files) as ordinary chapters, for the pass-through baseline.

use crate::referential::Referential;
use crate::testing::synthetic::{Rng, TOPICS, paragraph, stem};

/// The shared screenshots (several reports show the same dashboard).
const SCREENSHOTS: usize = 8;

/// The text of report `i` of `n`, as a student would have written it.
pub fn report(i: usize, n: usize, referential: &Referential, seed: u64) -> String {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let topic = TOPICS[i % TOPICS.len()];
    let title = format!("Project {i}: {topic} platform");
    let mut text = String::with_capacity(16_000);
    front_matter(&mut text, i, &title, referential, &mut rng);
    text.push_str(&format!("# {title}\n\n"));
    let skills = referential.skills.as_slice();
    for (s, section) in referential.sections.iter().enumerate() {
        text.push_str(&format!("## {}\n\n", section.title));
        for p in 0..3 {
            let sentences = 4 + rng.below(3);
            text.push_str(&paragraph(&mut rng, sentences));
            if p == 1 && s % 2 == 0 {
                let skill = &skills[rng.below(skills.len())];
                let name = if rng.below(4) == 0 {
                    &skill.slug
                } else {
                    &skill.id
                };
                text.push_str(&format!(" {{{{#skill {name}}}}}"));
            }
            text.push_str("\n\n");
        }
        section_extras(&mut text, i, n, s, topic, &mut rng);
    }
    text
}

/// TOML (most), YAML (one in four) or none (one in seven); an undated
/// report one in nine; a draft one in fifty.
fn front_matter(
    text: &mut String,
    i: usize,
    title: &str,
    referential: &Referential,
    rng: &mut Rng,
) {
    if i % 7 == 3 {
        return;
    }
    let yaml = i % 4 == 1;
    let date = (i % 9 != 4).then(|| {
        format!(
            "20{:02}-{:02}-{:02}",
            20 + (i / 336) % 10,
            1 + (i / 28) % 12,
            1 + i % 28
        )
    });
    let team = i.is_multiple_of(3);
    let skills: Vec<&str> = (0..rng.below(3))
        .map(|_| referential.skills.as_slice()[rng.below(18)].id.as_str())
        .collect();
    let list = skills
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ");
    if yaml {
        text.push_str(&format!("---\ntitle: \"{title}\"\n"));
        if let Some(date) = &date {
            text.push_str(&format!("date: {date}\n"));
        }
        if team {
            text.push_str("team:\n  - Camille Moreau\n  - Yanis Benali\nrole: I wrote the Helm charts and the alerts.\n");
        }
        if i % 50 == 49 {
            text.push_str("draft: true\n");
        }
        text.push_str(&format!("skills: [{list}]\n---\n\n"));
    } else {
        text.push_str(&format!("+++\ntitle = \"{title}\"\n"));
        if let Some(date) = &date {
            text.push_str(&format!("date = {date}\n"));
        }
        if team {
            text.push_str("team = [\"Camille Moreau\", \"Yanis Benali\", \"Sofia Marchetti\"]\nrole = \"I wrote the pipeline and the deployment scripts.\"\n");
        }
        if i % 50 == 49 {
            text.push_str("draft = true\n");
        }
        text.push_str(&format!("skills = [{list}]\n+++\n\n"));
    }
}

/// What a section holds besides prose, by section.
fn section_extras(text: &mut String, i: usize, n: usize, s: usize, topic: &str, rng: &mut Rng) {
    let name = stem(i);
    match s {
        0 => text.push_str(&format!(
            "![Architecture of the {topic} platform](img/{name}.svg)\n\n"
        )),
        2 => {
            if i.is_multiple_of(4) {
                text.push_str(&format!(
                    "The pipeline, as committed:\n\n```yaml\n{{{{#include files/{topic}-ci.yml}}}}\n```\n\n"
                ));
            } else {
                text.push_str("```yaml\nstages:\n  - lint\n  - test\n  - build\ntest:\n  stage: test\n  script:\n    - make test\n```\n\n");
            }
            text.push_str("- Linting and unit tests on every push {{#skill C2.4}}\n- Image build and scan before the merge\n- Deployment to staging on `main`\n\n");
        }
        3 => text.push_str(&format!(
            "![The deployment dashboard](img/screenshot-{}.svg)\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop the port-forward.<br>\nThe job logs of the first run:\n\n<details>\n<summary>Job logs</summary>\n\n```text\n$ helm upgrade --install app ./chart\nRelease \"app\" has been upgraded. Happy Helming!\nREVISION: {}\n```\n\n</details>\n\n",
            i % SCREENSHOTS,
            1 + rng.below(40)
        )),
        5 => text.push_str("| Option | Chosen | Why |\n|---|---|---|\n| Managed service | yes | less operations work |\n| Self-hosted | no | more control, more toil |\n\n"),
        6 if n > 1 => {
            let next = stem((i + 1) % n);
            let earlier = stem((i + n - 7 % n.max(1)) % n);
            text.push_str(&format!(
                "The same approach is used in [the next project]({next}.md#continuous-integration), and [an earlier one]({earlier}.md) had the same constraints; the full pipeline is in [this file](files/{topic}-ci.yml).\n\n"
            ));
        }
        _ => {}
    }
}

/// An architecture diagram: boxes and arrows, a few kilobytes, like an
/// export from a diagram editor.
fn diagram(label: &str, boxes: usize) -> String {
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"120\" viewBox=\"0 0 {} 120\">\n<title>{label}</title>\n",
        boxes * 140,
        boxes * 140
    );
    for b in 0..boxes {
        let x = 10 + b * 140;
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"30\" width=\"110\" height=\"60\" rx=\"6\" fill=\"#e8f0fe\" stroke=\"#1a73e8\"/>\n<text x=\"{}\" y=\"65\" font-family=\"sans-serif\" font-size=\"12\" text-anchor=\"middle\">{label} {b}</text>\n",
            x + 55
        ));
        if b + 1 < boxes {
            svg.push_str(&format!(
                "<path d=\"M{} 60 L{} 60\" stroke=\"#5f6368\" marker-end=\"url(#a)\"/>\n",
                x + 110,
                x + 140
            ));
        }
    }
    svg.push_str("</svg>\n");
    svg
}

/// The files next to the reports, under `folder` (`reports` or
/// `book/reports`): a diagram per report, the shared screenshots, a CI
/// file per topic.
fn report_files(n: usize, folder: &str) -> Vec<(String, String)> {
    let mut files = Vec::with_capacity(n + SCREENSHOTS + TOPICS.len());
    for i in 0..n {
        files.push((
            format!("{folder}/img/{}.svg", stem(i)),
            diagram(TOPICS[i % TOPICS.len()], 4 + i % 5),
        ));
    }
    for k in 0..SCREENSHOTS {
        files.push((
            format!("{folder}/img/screenshot-{k}.svg"),
            diagram("panel", 12),
        ));
    }
    for topic in TOPICS {
        files.push((
            format!("{folder}/files/{topic}-ci.yml"),
            format!("stages: [lint, test, build, deploy]\nlint:\n  stage: lint\n  script: [make lint]\ntest:\n  stage: test\n  script: [make test]\nbuild:\n  stage: build\n  script: [docker build -t {topic} .]\ndeploy:\n  stage: deploy\n  script: [helm upgrade --install {topic} ./chart]\n  environment: staging\n"),
        ));
    }
    files
}

/// The whole book: `book.toml`, `book/` (an introduction, a synthesis
/// chapter that expands evidence lists, the placeholder) and `reports/`.
pub fn book(n: usize, seed: u64, spelling: bool) -> Vec<(String, String)> {
    let referential = Referential::embedded();
    let mut files = vec![
        (
            "book.toml".to_owned(),
            format!(
                "[book]\ntitle = \"A student's technical file\"\nauthors = [\"Camille Moreau\"]\nsrc = \"book\"\n\n[build]\nbuild-dir = \"target/book\"\nextra-watch-dirs = [\"reports\"]\n\n[preprocessor.technical-file]\nbefore = [\"links\"]\nspelling = {spelling}\npages = false\n"
            ),
        ),
        (
            "book/SUMMARY.md".to_owned(),
            "# Summary\n\n[Introduction](introduction.md)\n\n- [Cloud infrastructure](block-1.md)\n- [Project reports](reports.md)\n".to_owned(),
        ),
        (
            "book/introduction.md".to_owned(),
            format!("# Introduction\n\n{}\n", paragraph(&mut Rng::new(seed), 10)),
        ),
        (
            "book/block-1.md".to_owned(),
            format!(
                "# Cloud infrastructure\n\n{}\n\n## Security services\n\n{{{{#skill-evidence C1.1}}}}\n\n## Containers\n\n{{{{#skill-evidence C1.5}}}}\n",
                paragraph(&mut Rng::new(seed + 1), 6)
            ),
        ),
        (
            "book/reports.md".to_owned(),
            "# Project reports\n\nThe reports follow.\n".to_owned(),
        ),
    ];
    for i in 0..n {
        files.push((
            format!("reports/{}.md", stem(i)),
            report(i, n, &referential, seed),
        ));
    }
    files.extend(report_files(n, "reports"));
    files
}

/// The same reports and files as ordinary chapters listed in `SUMMARY.md`
/// (no preprocessor), for the pass-through baseline and other
/// preprocessors.
pub fn plain_book(n: usize, seed: u64) -> Vec<(String, String)> {
    let referential = Referential::embedded();
    let mut summary = String::from(
        "# Summary\n\n[Introduction](introduction.md)\n\n- [Cloud infrastructure](block-1.md)\n- [Project reports](reports.md)\n",
    );
    let mut files = vec![
        (
            "book.toml".to_owned(),
            "[book]\ntitle = \"A student's technical file\"\nsrc = \"book\"\n\n[build]\nbuild-dir = \"target/book\"\n".to_owned(),
        ),
        (
            "book/introduction.md".to_owned(),
            format!("# Introduction\n\n{}\n", paragraph(&mut Rng::new(seed), 10)),
        ),
        (
            "book/block-1.md".to_owned(),
            format!(
                "# Cloud infrastructure\n\n{}\n\n## Security services\n\n## Containers\n",
                paragraph(&mut Rng::new(seed + 1), 6)
            ),
        ),
        ("book/reports.md".to_owned(), "# Project reports\n\nThe reports follow.\n".to_owned()),
    ];
    for i in 0..n {
        let name = stem(i);
        summary.push_str(&format!("  - [Project {i}](reports/{name}.md)\n"));
        files.push((
            format!("book/reports/{name}.md"),
            report(i, n, &referential, seed),
        ));
    }
    files.extend(report_files(n, "book/reports"));
    files.push(("book/SUMMARY.md".to_owned(), summary));
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::markdown::Flavor;
    use crate::text::source::decode;

    #[test]
    fn reports_vary_like_students_reports_and_parse_cleanly() {
        let referential = Referential::embedded();
        let parse = |i: usize| {
            let text = report(i, 100, &referential, 2026);
            let input = crate::pipeline::ReportInput {
                path: format!("reports/{}.md", stem(i)),
                stem: stem(i),
                content: Ok(decode(text.as_bytes())),
            };
            (text, input.parse(&referential, Flavor::default()).0)
        };
        let (toml, parsed) = parse(0);
        assert!(toml.starts_with("+++\n") && toml.contains("{{#include files/"));
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        assert_eq!(parsed.sections.iter().filter(|s| s.is_some()).count(), 8);
        assert!(parsed.claims.len() >= 3, "paragraph and list-item markers");
        let (yaml, parsed) = parse(1);
        assert!(yaml.starts_with("---\n") && yaml.contains("<details>"));
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let (bare, parsed) = parse(3);
        assert!(bare.starts_with("# Project 3"));
        assert_eq!(parsed.title, "Project 3: observability platform");
        assert!(parse(4).1.date().is_none(), "one report in nine is undated");
        assert!(parse(49).0.contains("draft: true"), "YAML front matter");
        assert!(parse(99).0.contains("draft = true"), "TOML front matter");
        assert_eq!(
            report(5, 100, &referential, 2026),
            report(5, 100, &referential, 2026)
        );
        let files = book(20, 2026, false);
        assert!(
            files
                .iter()
                .any(|(p, _)| p == "reports/img/screenshot-3.svg")
        );
        assert!(
            files
                .iter()
                .any(|(p, _)| p == "reports/files/terraform-ci.yml")
        );
    }
}
