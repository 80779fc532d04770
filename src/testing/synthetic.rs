//! Realistic synthetic books for benchmarks and scaling tests: N reports
//! with front matter, the eight sections, markers, code blocks, tables and
//! links between reports. Deterministic for a given seed.

use crate::referential::Referential;

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SUBJECTS: [&str; 12] = [
    "The pipeline",
    "Our team",
    "The cluster",
    "The release process",
    "Every merge request",
    "The staging environment",
    "The database migration",
    "The monitoring stack",
    "The deployment job",
    "The product owner",
    "The runbook",
    "The Terraform module",
];
const VERBS: [&str; 12] = [
    "reduced",
    "automated",
    "documented",
    "measured",
    "replaced",
    "secured",
    "validated",
    "simplified",
    "monitored",
    "versioned",
    "tested",
    "deployed",
];
const OBJECTS: [&str; 12] = [
    "the manual steps of the release",
    "every configuration change",
    "the recovery time after an incident",
    "the access rights of each service account",
    "the build time of the container images",
    "the alerts sent to the team",
    "the rollback of a failed deployment",
    "the schema changes of the database",
    "the secrets used by the application",
    "the cost of the test environments",
    "the review of each change",
    "the knowledge shared with the other students",
];
const ENDINGS: [&str; 8] = [
    "within the time we had.",
    "before the end of the sprint.",
    "with a clear rollback plan.",
    "and the results were measured every week.",
    "without interrupting the service.",
    "so that a reviewer could follow every step.",
    "with tests that ran on every change.",
    "after a discussion with the whole team.",
];
pub(crate) const TOPICS: [&str; 10] = [
    "terraform",
    "kubernetes",
    "gitlab-ci",
    "observability",
    "postgres",
    "security",
    "ansible",
    "serverless",
    "backup",
    "networking",
];

pub(crate) fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {}",
        rng.pick(&SUBJECTS),
        rng.pick(&VERBS),
        rng.pick(&OBJECTS),
        rng.pick(&ENDINGS)
    )
}

pub(crate) fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The file stem of report `i`.
pub fn stem(i: usize) -> String {
    format!("{}-project-{i:05}", TOPICS[i % TOPICS.len()])
}

/// The text of report `i` of `n` (about 13 KB, like real reports).
pub fn report(i: usize, n: usize, referential: &Referential, seed: u64) -> String {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let skills = referential.skills.as_slice();
    let mut text = String::with_capacity(14_000);
    let title = format!("Project {i}: {} platform", TOPICS[i % TOPICS.len()]);
    text.push_str("+++\n");
    text.push_str(&format!("title = \"{title}\"\n"));
    text.push_str(&format!(
        "date = 20{:02}-{:02}-{:02}\n",
        20 + (i / 336) % 10,
        1 + (i / 28) % 12,
        1 + i % 28
    ));
    if i.is_multiple_of(3) {
        text.push_str("team = [\"Camille Moreau\", \"Yanis Benali\", \"Sofia Marchetti\"]\n");
        text.push_str("role = \"I wrote the pipeline and the deployment scripts.\"\n");
    }
    text.push_str(&format!(
        "skills = [\"{}\"]\n",
        skills[rng.below(skills.len())].id
    ));
    text.push_str("+++\n\n");
    text.push_str(&format!("# {title}\n\n"));
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
        match s {
            2 => {
                text.push_str("```yaml\nstages:\n  - lint\n  - test\n  - build\ntest:\n  stage: test\n  script:\n    - make test\n```\n\n");
            }
            5 => {
                text.push_str("| Option | Chosen | Why |\n|---|---|---|\n| Managed service | yes | less operations work |\n| Self-hosted | no | more control, more toil |\n\n");
            }
            6 if n > 1 => {
                let other = stem((i + 1) % n);
                text.push_str(&format!(
                    "The same approach is used in [the next project]({other}.md#continuous-integration), with `make test` as the entry point.\n\n"
                ));
            }
            _ => {}
        }
    }
    text
}

/// A whole book as (path, content) pairs: `book.toml`, `book/` with an
/// introduction and the placeholder chapter, and `reports/`.
pub fn book(n: usize, seed: u64, spelling: bool) -> Vec<(String, String)> {
    let referential = Referential::embedded();
    let mut files = vec![
        (
            "book.toml".to_owned(),
            format!(
                "[book]\ntitle = \"Synthetic technical file\"\nsrc = \"book\"\n\n[build]\nbuild-dir = \"target/book\"\nextra-watch-dirs = [\"reports\"]\n\n[preprocessor.technical-file]\nbefore = [\"links\"]\nspelling = {spelling}\npages = false\n"
            ),
        ),
        (
            "book/SUMMARY.md".to_owned(),
            "# Summary\n\n[Introduction](introduction.md)\n\n- [Project reports](reports.md)\n"
                .to_owned(),
        ),
        (
            "book/introduction.md".to_owned(),
            format!("# Introduction\n\n{}\n", paragraph(&mut Rng::new(seed), 10)),
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
    files
}

/// The same reports as ordinary chapters listed in `SUMMARY.md` (no
/// preprocessor): the input of the pass-through baseline and of other
/// preprocessors, for comparisons on the same content.
pub fn plain_book(n: usize, seed: u64) -> Vec<(String, String)> {
    let referential = Referential::embedded();
    let mut summary = String::from(
        "# Summary\n\n[Introduction](introduction.md)\n\n- [Project reports](reports.md)\n",
    );
    let mut files = vec![
        (
            "book.toml".to_owned(),
            "[book]\ntitle = \"Synthetic technical file\"\nsrc = \"book\"\n\n[build]\nbuild-dir = \"target/book\"\n".to_owned(),
        ),
        (
            "book/introduction.md".to_owned(),
            format!("# Introduction\n\n{}\n", paragraph(&mut Rng::new(seed), 10)),
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
    files.push(("book/SUMMARY.md".to_owned(), summary));
    files
}

/// Writes files under `root`.
pub fn write(root: &std::path::Path, files: &[(String, String)]) -> std::io::Result<()> {
    for (path, content) in files {
        let full = root.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(full, content)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::markdown::Flavor;
    use crate::text::source::decode;

    #[test]
    fn reports_are_deterministic_realistic_and_clean() {
        let referential = Referential::embedded();
        let a = report(7, 100, &referential, 42);
        assert_eq!(a, report(7, 100, &referential, 42));
        assert_ne!(a, report(7, 100, &referential, 43));
        assert!((10_000..17_000).contains(&a.len()), "{} bytes", a.len());
        let input = crate::pipeline::ReportInput {
            path: "reports/x.md".to_owned(),
            stem: "x".to_owned(),
            content: Ok(decode(a.as_bytes())),
        };
        let (parsed, _) = input.parse(&referential, Flavor::default());
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        assert_eq!(parsed.sections.iter().filter(|s| s.is_some()).count(), 8);
        assert!(parsed.claims.len() >= 2);
    }
}
