//! mdBook's include directives in reports (`{{#include}}`,
//! `{{#rustdoc_include}}`, `{{#playground}}`): their paths are written
//! relative to the report, and mdBook resolves them from the book's source
//! folder, so they are made absolute for mdBook's `links` preprocessor.

use crate::diagnostic::{Diagnostic, Locate};
use crate::syntax::directive;
use crate::text::source::SourceFile;
use crate::text::splice::Edit;

const INCLUDES: [&str; 3] = ["include", "rustdoc_include", "playground"];

/// The edits that make a report's include paths absolute, given the
/// reports folder's absolute path (with `/` separators), from `from` on.
pub fn edits(
    source: &SourceFile,
    from: usize,
    reports_dir_abs: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Edit> {
    if reports_dir_abs.is_empty() {
        return Vec::new();
    }
    let text = source.text.as_str();
    let base = reports_dir_abs.trim_end_matches('/');
    let mut edits = Vec::new();
    for found in directive::scan(text, from..text.len()) {
        let name = found.name(text);
        if found.escaped
            || !INCLUDES.contains(&name)
            || !text[found.name.end..].starts_with(char::is_whitespace)
        {
            continue;
        }
        let Some(end) = found.end(text, text.len()) else {
            continue;
        };
        let args = &text[found.name.end..end - 2];
        let Some(path_offset) = args.find(|c: char| !c.is_whitespace()) else {
            continue;
        };
        let token = args[path_offset..]
            .split_whitespace()
            .next()
            .unwrap_or_default();
        let path = if name == "playground" {
            token
        } else {
            token.split(':').next().unwrap_or_default()
        };
        if path.is_empty() || path.starts_with('/') {
            continue;
        }
        let path_start = found.name.end + path_offset;
        let span = path_start..path_start + path.len();
        if base.contains(char::is_whitespace) || base.contains(':') {
            problems.push(
                source
                    .error(
                        "include-path",
                        span,
                        "mdBook cannot include this file: the path of the reports folder contains a space or a colon",
                    )
                    .with_suggestion("move the book to a folder whose path has no spaces or colons"),
            );
            continue;
        }
        edits.push(Edit::replace(span, format!("{base}/{path}")));
    }
    edits
}
