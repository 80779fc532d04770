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
