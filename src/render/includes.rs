//! mdBook's include directives in reports (`{{#include}}`,
//! `{{#rustdoc_include}}`, `{{#playground}}`). Their paths are written
//! relative to the report, but mdBook's `links` preprocessor resolves them
//! from the report's chapter folder under the book's source folder, which
//! does not exist for reports: each path is replaced by the file's real
//! path, which `links` (running right after the tool) replaces by the
//! file's content. When `links` does not run after the tool, nothing is
//! rewritten and each include is an error, so an absolute path never
//! reaches a page. An include that leads out of the book folder, or to
//! nothing readable, is refused: escaped, so that mdBook prints it as text
//! instead of reading the file.

use crate::diagnostic::{Diagnostic, Locate};
use crate::model::assets::{Include, Includes, Reach};
use crate::text::slash;
use crate::text::source::SourceFile;
use crate::text::splice::Edit;

/// The edits for a report's includes, and the problems found.
pub fn edits(
    source: &SourceFile,
    found: &[Include],
    before_links: bool,
    reach: &Includes,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    for include in found {
        let span = include.span.clone();
        let written = &source.text[span.clone()];
        if !before_links {
            problems.push(
                source
                    .error(
                        "include-not-run",
                        span,
                        "mdBook runs its `links` preprocessor before this tool, so this include is printed as text",
                    )
                    .with_suggestion(
                        "add `before = [\"links\"]` to [preprocessor.technical-file] in book.toml (or run `mdbook-technical-file install`)",
                    ),
            );
            continue;
        }
        let refused = match &include.target {
            None => (
                "an absolute path is never published: the include is not read".to_owned(),
                "write the path relative to the report, to a file inside the book folder",
            ),
            Some(target) => match reach.get(target) {
                Some(Reach::Inside(real)) if !real.contains(char::is_whitespace) && !real.contains(':') => {
                    edits.push(Edit::replace(span, slash(std::path::Path::new(real))));
                    continue;
                }
                Some(Reach::Inside(_)) => (
                    "mdBook cannot include this file: the path of the book folder contains a space or a colon".to_owned(),
                    "move the book to a folder whose path has no spaces or colons",
                ),
                Some(Reach::Outside(real)) => (
                    format!("`{written}` leads outside the book folder, to `{real}`: the include is not read"),
                    "move the file into the book folder (a symbolic link must point inside it too)",
                ),
                Some(Reach::Unreadable(why)) => (
                    format!("`{written}` cannot be included: {why}"),
                    "check the path: it is relative to the report",
                ),
                None => (
                    format!("`{written}` was not checked, so it is not included"),
                    "build the book with mdBook or this tool's `build`",
                ),
            },
        };
        let (message, suggestion) = refused;
        problems.push(
            source
                .error("include-outside-book", span, message)
                .with_suggestion(suggestion),
        );
        // mdBook prints an escaped directive as text, without reading it.
        edits.push(Edit::insert(include.start, "\\".to_owned()));
    }
    edits
}
