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

use crate::diagnostic::{Diagnostic, Locate, Said};
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
                    .error("include-not-run", span, Said::new("include-not-run"))
                    .with_suggestion(Said::new("include-not-run-help")),
            );
            continue;
        }
        let refused = match &include.target {
            None => (
                Said::new("include-absolute"),
                Said::new("include-absolute-help"),
            ),
            Some(target) => match reach.get(target) {
                Some(Reach::Inside(real))
                    if !real.contains(char::is_whitespace) && !real.contains(':') =>
                {
                    edits.push(Edit::replace(span, slash(std::path::Path::new(real))));
                    continue;
                }
                Some(Reach::Inside(_)) => (
                    Said::new("include-path-space"),
                    Said::new("include-path-space-help"),
                ),
                Some(Reach::Outside(real)) => (
                    Said::new("include-outside-book")
                        .arg("include", written)
                        .arg("real", real.as_str()),
                    Said::new("include-outside-book-help"),
                ),
                Some(Reach::Unreadable(why)) => (
                    Said::new("include-unreadable")
                        .arg("include", written)
                        .arg("why", why.as_str()),
                    Said::new("include-unreadable-help"),
                ),
                None => (
                    Said::new("include-unchecked").arg("include", written),
                    Said::new("include-unchecked-help"),
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
