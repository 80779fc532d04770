//! The commands for people: `build`, `check`, `coverage`, `new`, `install`
//! and the background half of spelling (`pdf` has a module of its own).

use crate::book::engine::{self, Outcome};
use crate::book::load;
use crate::book::preprocessor::TechnicalFilePreprocessor;
use crate::cli::{Exit, scaffold};
use crate::config::NAME;
use crate::diagnostic::{Diagnostic, Tally};
use anyhow::Context;
use std::path::{Path, PathBuf};

use crate::book::load::load_book;

/// `build`: builds the book in-process with the preprocessor registered;
/// returns where the HTML went.
pub fn build(dir: &Path, color: bool) -> anyhow::Result<PathBuf> {
    let mut book = load_book(dir)?;
    let table = format!("preprocessor.{NAME}");
    if book
        .config
        .get::<toml::Value>(&table)
        .ok()
        .flatten()
        .is_none()
    {
        eprintln!(
            "note: book.toml has no [{table}] table; building with it anyway (run `mdbook-technical-file install` so `mdbook build` uses it too)"
        );
    }
    book.with_preprocessor(TechnicalFilePreprocessor { color });
    book.build().context("the build failed")?;
    Ok(book.build_dir_for("html"))
}

/// Runs everything but rendering the HTML.
pub fn analyze(dir: &Path) -> anyhow::Result<Outcome> {
    let book = load_book(dir)?;
    Ok(engine::process(
        &book.root,
        &book.config,
        book.book.clone(),
    )?)
}

/// `coverage --format json`: the document a book publishes beside its
/// pages (`render::published`), with the book's title and `check`'s counts.
pub fn published(dir: &Path, outcome: &Outcome) -> anyhow::Result<serde_json::Value> {
    let title = load::book_config(dir)?.book.title.unwrap_or_default();
    let tally = outcome.tally();
    let facts = crate::render::published::Facts {
        title: &title,
        page_estimate: &outcome.pages,
        errors: tally.errors,
        warnings: tally.warnings,
    };
    Ok(crate::render::published::document(&outcome.file, &facts))
}

/// The background half of spelling under `mdbook serve`: lints what the
/// cache lacks (the analysis is synchronous outside `serve`), then removes
/// the lock that kept a second one from starting.
pub fn fill_spelling_cache(dir: &Path, lock: &Path) {
    let _ = analyze(dir);
    let release = || {
        let _ = std::fs::remove_file(lock);
    };
    // Then stay up as the warm lint service of this book, so that the next
    // saves under `mdbook serve` get their findings at once. The lock stays
    // until the service listens: a save meanwhile waits for it.
    let Some(cache_dir) = crate::spelling::cache::dir_from_env() else {
        release();
        return;
    };
    let store = crate::spelling::cache::DiskCache::open(&cache_dir)
        .map(|c| Box::new(c) as Box<dyn crate::spelling::Store + Send>);
    let mut session = crate::spelling::session::Session::with_store(store);
    if crate::book::editor::analyze(dir, &Default::default(), &mut session).is_ok() {
        crate::spelling::service::serve(
            &crate::spelling::service::socket(&cache_dir, dir),
            session,
            release,
        );
    } else {
        release();
    }
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    Human,
    Json,
}

/// `check`: prints diagnostics; findings when there are errors (or
/// warnings with `deny_warnings`).
pub fn check(
    dir: &Path,
    format: CheckFormat,
    deny_warnings: bool,
    color: bool,
) -> anyhow::Result<Exit> {
    let outcome = analyze(dir)?;
    let tally = outcome.tally();
    match format {
        CheckFormat::Human => engine::report_to_stderr(&outcome, color),
        CheckFormat::Json => println!(
            "{}",
            diagnostics_json(&outcome.diagnostics, &outcome.summary_line())
        ),
    }
    Ok(
        if tally.errors > 0 || (deny_warnings && tally.warnings > 0) {
            Exit::Findings
        } else {
            Exit::Clean
        },
    )
}

/// `check --format json`'s output: a summary and every diagnostic.
pub fn diagnostics_json(diagnostics: &[Diagnostic], line: &str) -> String {
    let tally = Tally::of(diagnostics);
    let json = serde_json::json!({
        "summary": {
            "errors": tally.errors,
            "warnings": tally.warnings,
            "line": line,
        },
        "diagnostics": diagnostics.iter().map(Diagnostic::to_json).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&json).unwrap_or_default()
}

/// `new`: writes `reports/<name>.md` from the template; refuses to
/// overwrite. Returns the path written.
pub fn new_report(dir: &Path, name: &str) -> anyhow::Result<PathBuf> {
    scaffold::valid_project_name(name).map_err(anyhow::Error::msg)?;
    let (config, _) = crate::config::Config::from_mdbook(&load::book_config(dir)?);
    let referential = load::read_referential(dir, &config)
        .map_err(|diagnostics| engine::Fatal { diagnostics })?
        .0;
    let folder = dir.join(&config.reports);
    let path = folder.join(format!("{name}.md"));
    if path.exists() {
        anyhow::bail!("{} already exists; it was not changed", path.display());
    }
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    let text = scaffold::report_template(name, scaffold::today(), &referential, config.words());
    // `create_new` refuses to overwrite even if the file appeared meanwhile.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// `install`: updates `book.toml` and writes the stylesheet. Returns one
/// line per change (empty when everything was already in place).
pub fn install(dir: &Path) -> anyhow::Result<Vec<String>> {
    let toml = dir.join("book.toml");
    let text = std::fs::read_to_string(&toml)
        .with_context(|| format!("cannot read {} (run `mdbook init` first)", toml.display()))?;
    let installed = scaffold::install(&text).map_err(anyhow::Error::msg)?;
    let mut changes = Vec::new();
    if installed.book_toml != text {
        std::fs::write(&toml, &installed.book_toml)
            .with_context(|| format!("cannot write {}", toml.display()))?;
        changes.extend(
            installed
                .changes
                .into_iter()
                .map(|c| format!("book.toml: {c}")),
        );
    }
    if installed.wants_stylesheet {
        let css = dir.join(scaffold::STYLESHEET_NAME);
        let current = std::fs::read_to_string(&css).ok();
        if current.as_deref() != Some(scaffold::STYLESHEET) {
            std::fs::write(&css, scaffold::STYLESHEET)
                .with_context(|| format!("cannot write {}", css.display()))?;
            changes.push(format!(
                "{} {}",
                if current.is_some() {
                    "updated"
                } else {
                    "wrote"
                },
                scaffold::STYLESHEET_NAME
            ));
        }
    }
    Ok(changes)
}
