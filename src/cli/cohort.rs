//! `cohort COHORT.toml`: the edge of the cohort dashboard. Reads the
//! cohort file and its referential, gets each student's coverage document
//! (a local book, analysed here; a local JSON file; or `coverage.json` at
//! the student's https address), hands the bytes to the pure `cohort`
//! modules and writes `index.html`, `cohort.csv` and `cohort.json`.
//! `cohort init` writes a cohort file and a workflow that publishes the
//! dashboard. Fetching: at most [`CONCURRENCY`] requests at once, each
//! with a [`TIMEOUT`], https only (redirects too), at most [`MAX_BYTES`].

use crate::cli::{Exit, commands};
use crate::cohort::data::{self, Problem};
use crate::cohort::file::{self, CohortFile, Source};
use crate::cohort::model::{Cohort, Loaded, Student};
use crate::cohort::{export, page};
use crate::referential::Referential;
use crate::syntax::frontmatter::Date;
use crate::text::source::SourceFile;
use anyhow::Context;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Requests under way at once: enough to hide latency, few enough to be a
/// polite client of one host (GitHub Pages).
pub const CONCURRENCY: usize = 16;
/// For one request, from connecting to the last byte.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// A coverage document is a few kilobytes; a student's is capped at this.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// The example cohort file and the workflow `cohort init` writes.
const COHORT_EXAMPLE: &str = include_str!("../assets/COHORT.toml");
const COHORT_WORKFLOW: &str = include_str!("../assets/cohort.yml");

/// `cohort`: builds the dashboard; findings when a student's data could
/// not be used, failure when the cohort file or referential cannot.
pub fn run(
    cohort_path: &Path,
    output: Option<&Path>,
    today: Date,
    color: bool,
) -> anyhow::Result<Exit> {
    let text = std::fs::read_to_string(cohort_path)
        .with_context(|| format!("cannot read the cohort file {}", cohort_path.display()))?;
    let source = SourceFile::new(crate::text::slash(cohort_path), text);
    let cohort = match file::parse(&source) {
        Ok(cohort) => cohort,
        Err(diagnostics) => return Ok(unusable(&diagnostics, color, "the cohort file")),
    };
    let folder = cohort_path.parent().unwrap_or(Path::new("")).to_path_buf();
    let referential = match read_referential(&folder, &cohort) {
        Ok(referential) => referential,
        Err(diagnostics) => return Ok(unusable(&diagnostics, color, "the referential")),
    };
    let students = gather(&cohort, &folder, &referential);
    let words = cohort.language.catalogue();
    let failed: Vec<&Student> = students.iter().filter(|s| s.data.is_err()).collect();
    for student in &failed {
        if let Err(problem) = &student.data {
            let said = words.format(
                "cohort-source-problem",
                &[
                    ("source", student.source.to_string().into()),
                    ("reason", problem.reason(words).into()),
                ],
            );
            eprintln!("warning: {}: {said}", student.name);
        }
    }
    let failed = failed.len();
    let dashboard = Cohort::build(
        cohort.name,
        cohort.language,
        today,
        referential.in_language(cohort.language),
        cohort.attention,
        students,
    );
    let out = output.map_or_else(|| folder.join("dashboard"), Path::to_path_buf);
    write(&out, &dashboard)?;
    let summary = words.format(
        "cohort-summary",
        &[
            ("students", dashboard.students.len().into()),
            ("with-data", dashboard.with_data().into()),
            ("failed", failed.into()),
            ("path", out.join("index.html").display().to_string().into()),
        ],
    );
    eprintln!("technical-file: {summary}");
    Ok(if failed > 0 {
        Exit::Findings
    } else {
        Exit::Clean
    })
}

fn unusable(diagnostics: &[crate::diagnostic::Diagnostic], color: bool, what: &str) -> Exit {
    for d in diagnostics {
        eprintln!("{}", d.render_human(color));
    }
    eprintln!("error: the dashboard cannot be made until {what} is fixed");
    Exit::Failure
}

fn read_referential(
    folder: &Path,
    cohort: &CohortFile,
) -> Result<Referential, Vec<crate::diagnostic::Diagnostic>> {
    let Some(name) = &cohort.referential else {
        return Ok(Referential::embedded());
    };
    let path = folder.join(name);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        vec![crate::diagnostic::Diagnostic::error(
            "missing-referential",
            crate::text::slash(&path),
            format!("cannot read the cohort's referential: {e}"),
        )]
    })?;
    Referential::parse(&SourceFile::new(crate::text::slash(&path), text)).map(|(r, _)| r)
}

fn write(out: &Path, cohort: &Cohort) -> anyhow::Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let json = serde_json::to_string_pretty(&export::json(cohort))? + "\n";
    for (name, content) in [
        ("index.html", page::render(cohort)),
        ("cohort.csv", export::csv(cohort)),
        ("cohort.json", json),
    ] {
        let path = out.join(name);
        std::fs::write(&path, content)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// Every student's data, in the cohort file's order, [`CONCURRENCY`] at a
/// time: workers take the next student as they finish one.
fn gather(cohort: &CohortFile, folder: &Path, referential: &Referential) -> Vec<Student> {
    let agent = agent();
    let next = AtomicUsize::new(0);
    let entries = &cohort.students;
    let mut results: Vec<(usize, Student)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..CONCURRENCY.min(entries.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(entry) = entries.get(index) else {
                            return done;
                        };
                        let (source, data) = match &entry.source {
                            Source::Site(site) => (site.clone(), fetch(&agent, site, referential)),
                            Source::Path(path) => {
                                (path.clone(), local(&folder.join(path), referential))
                            }
                        };
                        done.push((
                            index,
                            Student {
                                name: entry.name.clone(),
                                source,
                                data,
                            },
                        ));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, student)| student).collect()
}

/// The client: https only (a redirect to `http:` fails), a timeout per
/// request, no proxy from the environment, status codes as values. Test
/// builds alone also follow `http://127.0.0.1:` (`file::followed`).
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .https_only(!cfg!(feature = "test-support"))
        .timeout_global(Some(TIMEOUT))
        .max_redirects(4)
        .http_status_as_error(false)
        .proxy(None)
        .user_agent(concat!(
            env!("CARGO_PKG_NAME"),
            "/",
            env!("CARGO_PKG_VERSION")
        ))
        .build()
        .into()
}

fn fetch(agent: &ureq::Agent, site: &str, referential: &Referential) -> Result<Loaded, Problem> {
    let address = format!("{site}coverage.json");
    let mut response = agent
        .get(&address)
        .call()
        .map_err(|e| Problem::Unreachable(format!("{address}: {e}")))?;
    let status = response.status();
    if !status.is_success() {
        return Err(Problem::Unreachable(format!(
            "{address}: HTTP {}",
            status.as_u16()
        )));
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| Problem::Unreachable(format!("{address}: {e}")))?;
    let document = data::read(&bytes, referential)?;
    Ok(Loaded::new(document, Some(site.to_owned())))
}

/// A book folder (analysed as `coverage --format json` would) or a JSON file.
fn local(path: &Path, referential: &Referential) -> Result<Loaded, Problem> {
    let unreachable =
        |e: &dyn std::fmt::Display| Problem::Unreachable(format!("{}: {e:#}", path.display()));
    let bytes = if path.is_dir() {
        let outcome = commands::analyze(path).map_err(|e| unreachable(&e))?;
        let document = commands::published(path, &outcome).map_err(|e| unreachable(&e))?;
        serde_json::to_vec(&document).map_err(|e| unreachable(&e))?
    } else {
        let file = std::fs::File::open(path).map_err(|e| unreachable(&e))?;
        let mut bytes = Vec::new();
        file.take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| unreachable(&e))?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(unreachable(&format!("larger than {MAX_BYTES} bytes")));
        }
        bytes
    };
    Ok(Loaded::new(data::read(&bytes, referential)?, None))
}

/// `cohort init [DIR]`: COHORT.toml and the workflow, never overwriting.
pub fn init(dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut said = Vec::new();
    for (path, content) in [
        ("COHORT.toml", COHORT_EXAMPLE),
        (".github/workflows/cohort.yml", COHORT_WORKFLOW),
    ] {
        let target: PathBuf = dir.join(path);
        if target.exists() {
            said.push(format!("kept {path} (it exists)"));
            continue;
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&target, content)
            .with_context(|| format!("cannot write {}", target.display()))?;
        said.push(format!("wrote {path}"));
    }
    Ok(said)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_cohort_file_is_valid() {
        let cohort = file::parse(&SourceFile::new("COHORT.toml", COHORT_EXAMPLE)).unwrap();
        assert_eq!(cohort.students.len(), 2);
        assert_eq!(cohort.attention.min_skills, Some(12));
        assert!(
            COHORT_WORKFLOW.contains("mdbook-technical-file cohort COHORT.toml --output dashboard")
        );
    }
}
