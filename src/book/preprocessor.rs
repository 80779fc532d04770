//! The mdBook side: the `Preprocessor` implementation (used in-process by
//! `build`) and the JSON protocol of `mdbook build` / `mdbook serve`.

use crate::book::engine;
use crate::config::NAME;
use crate::text::counted;
use mdbook_preprocessor::book::Book;
use mdbook_preprocessor::{MDBOOK_VERSION, Preprocessor, PreprocessorContext};
use semver::{Version, VersionReq};
use std::io::Read;

/// The preprocessor. It runs before mdBook's `links` preprocessor so that
/// `{{#include}}` in reports is expanded by mdBook itself (with paths made
/// relative to the report) and `\{{#skill}}` escapes are still visible.
#[derive(Debug, Default, Clone, Copy)]
pub struct TechnicalFilePreprocessor {
    /// Whether diagnostics on stderr are in colour.
    pub color: bool,
}

/// A build with errors while `strict = true`.
#[derive(Debug, Clone, Copy)]
pub struct StrictFailure {
    pub errors: usize,
}

impl std::fmt::Display for StrictFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "technical-file: {} and `strict = true`: the build fails",
            counted(self.errors, "error")
        )
    }
}

impl std::error::Error for StrictFailure {}

impl Preprocessor for TechnicalFilePreprocessor {
    fn name(&self) -> &str {
        NAME
    }

    fn run(&self, ctx: &PreprocessorContext, book: Book) -> anyhow::Result<Book> {
        let outcome = engine::process(&ctx.root, &ctx.config, book)?;
        engine::report_to_stderr(&outcome, self.color);
        let errors = outcome.tally().errors;
        if outcome.file.config.strict && errors > 0 {
            return Err(StrictFailure { errors }.into());
        }
        Ok(outcome.book)
    }

    /// Badges and boxes are plain Markdown and HTML: every renderer that
    /// reads CommonMark can use the result.
    fn supports_renderer(&self, _renderer: &str) -> anyhow::Result<bool> {
        Ok(true)
    }
}

/// The caret requirement on the running mdBook, from the version we build
/// against.
pub fn version_requirement() -> VersionReq {
    VersionReq::parse(&format!("^{MDBOOK_VERSION}")).unwrap_or(VersionReq::STAR)
}

/// Reads mdBook's `[context, book]` JSON. Input that does not parse gets
/// a message naming the mdBook version required and the one found.
pub fn parse_input(input: &[u8]) -> anyhow::Result<(PreprocessorContext, Book)> {
    let required = version_requirement();
    match serde_json::from_slice::<(PreprocessorContext, Book)>(input) {
        Ok(parsed) => Ok(parsed),
        Err(error) => {
            // Only now, to name the version that sent it.
            let found = serde_json::from_slice::<serde_json::Value>(input)
                .ok()
                .and_then(|v| v.get(0)?.get("mdbook_version")?.as_str().map(str::to_owned));
            let found = found.map_or("an unknown version".to_owned(), |v| format!("mdBook {v}"));
            anyhow::bail!(
                "mdbook-technical-file requires mdBook {required}, but was run by {found}: its input could not be read ({error}). Install mdBook {MDBOOK_VERSION} with `cargo install mdbook --version {MDBOOK_VERSION} --locked`."
            )
        }
    }
}

/// A warning when the running mdBook is not the one we build against.
pub fn version_warning(running: &str) -> Option<String> {
    let required = version_requirement();
    match Version::parse(running) {
        Ok(version) if required.matches(&version) => None,
        Ok(_) => Some(format!(
            "warning: mdbook-technical-file was built against mdBook {MDBOOK_VERSION} (requires {required}), but is being run by mdBook {running}"
        )),
        Err(_) => Some(format!(
            "warning: mdbook-technical-file cannot read the mdBook version `{running}`; it requires {required}"
        )),
    }
}

/// The whole preprocessor protocol: JSON in on stdin, book out on stdout.
pub fn run_protocol(
    mut stdin: impl Read,
    stdout: impl std::io::Write,
    color: bool,
) -> anyhow::Result<()> {
    let mut input = Vec::new();
    stdin.read_to_end(&mut input)?;
    let (ctx, book) = parse_input(&input)?;
    if let Some(warning) = version_warning(&ctx.mdbook_version) {
        eprintln!("{warning}");
    }
    drop(input);
    let book = TechnicalFilePreprocessor { color }.run(&ctx, book)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    serde_json::to_writer(&mut out, &book)?;
    std::io::Write::flush(&mut out)?;
    Ok(())
}
