//! The commands for people: `build`, `check` and `coverage` (the binary's
//! `main.rs` only parses arguments and calls these).

use crate::config::NAME;
use crate::diagnostic::Diagnostic;
use crate::engine::{self, Outcome};
use crate::preprocessor::TechnicalFilePreprocessor;
use anyhow::Context;
use mdbook_driver::MDBook;
use mdbook_preprocessor::config::Config as BookConfig;
use std::path::{Path, PathBuf};

/// Loads a book the way mdBook does, but never creates missing chapter
/// files: this tool does not write into the book's sources.
pub fn load_book(dir: &Path) -> anyhow::Result<MDBook> {
    let toml = dir.join("book.toml");
    let mut config = if toml.exists() {
        BookConfig::from_disk(&toml).with_context(|| format!("cannot read {}", toml.display()))?
    } else {
        BookConfig::default()
    };
    config
        .update_from_env()
        .context("cannot apply MDBOOK_* environment variables")?;
    config.build.create_missing = false;
    MDBook::load_with_config(dir, config)
        .with_context(|| format!("cannot load the book in {}", dir.display()))
}

/// Builds the book in-process with the preprocessor registered; returns
/// where the HTML went.
pub fn build(dir: &Path) -> anyhow::Result<PathBuf> {
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
    book.with_preprocessor(TechnicalFilePreprocessor);
    book.build().context("the build failed")?;
    Ok(book.build_dir_for("html"))
}

/// Runs everything but rendering.
pub fn analyze(dir: &Path) -> anyhow::Result<Outcome> {
    let book = load_book(dir)?;
    Ok(engine::process(
        &book.root,
        &book.config,
        book.book.clone(),
    )?)
}

/// The background half of spelling under `mdbook serve`: lints what the
/// cache lacks (the analysis is synchronous outside `serve`), then removes
/// the lock that kept a second one from starting.
pub fn fill_spelling_cache(dir: &Path, lock: &Path) {
    let _ = analyze(dir);
    let _ = std::fs::remove_file(lock);
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    Human,
    Json,
}

/// `check`: prints diagnostics; returns the exit code (0 clean, 1 errors,
/// or warnings with `deny_warnings`).
pub fn check(dir: &Path, format: CheckFormat, deny_warnings: bool) -> anyhow::Result<i32> {
    let outcome = analyze(dir)?;
    let tally = outcome.tally();
    match format {
        CheckFormat::Human => engine::report_to_stderr(&outcome),
        CheckFormat::Json => {
            let json = serde_json::json!({
                "summary": {
                    "errors": tally.errors,
                    "warnings": tally.warnings,
                    "line": outcome.summary_line(),
                },
                "diagnostics": outcome.diagnostics.iter().map(Diagnostic::to_json).collect::<Vec<_>>(),
            });
            println!("{}", serde_json::to_string_pretty(&json)?);
        }
    }
    Ok(i32::from(
        tally.errors > 0 || (deny_warnings && tally.warnings > 0),
    ))
}

/// `new`: writes `reports/<name>.md` from the template; refuses to
/// overwrite. Returns the path written.
pub fn new_report(dir: &Path, name: &str) -> anyhow::Result<PathBuf> {
    crate::scaffold::valid_project_name(name).map_err(anyhow::Error::msg)?;
    let toml = dir.join("book.toml");
    let config = if toml.exists() {
        let book = BookConfig::from_disk(&toml)
            .with_context(|| format!("cannot read {}", toml.display()))?;
        let table = book
            .get::<toml::Value>(&format!("preprocessor.{NAME}"))
            .ok()
            .flatten();
        crate::config::Config::from_toml(table.as_ref()).0
    } else {
        crate::config::Config::default()
    };
    let referential = crate::load::read_referential(dir, &config)
        .map_err(|diagnostics| engine::Fatal { diagnostics })?
        .0;
    let folder = dir.join(&config.reports);
    let path = folder.join(format!("{name}.md"));
    if path.exists() {
        anyhow::bail!("{} already exists; it was not changed", path.display());
    }
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    let text = crate::scaffold::report_template(name, crate::scaffold::today(), &referential);
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
    let installed = crate::scaffold::install(&text).map_err(anyhow::Error::msg)?;
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
        let css = dir.join(crate::scaffold::STYLESHEET_NAME);
        let current = std::fs::read_to_string(&css).ok();
        if current.as_deref() != Some(crate::scaffold::STYLESHEET) {
            std::fs::write(&css, crate::scaffold::STYLESHEET)
                .with_context(|| format!("cannot write {}", css.display()))?;
            changes.push(format!(
                "{} {}",
                if current.is_some() {
                    "updated"
                } else {
                    "wrote"
                },
                crate::scaffold::STYLESHEET_NAME
            ));
        }
    }
    Ok(changes)
}
