//! Files a report reads: the files next to it that its page embeds and
//! the files its `{{#include}}`s pull in; which ones it asks for, and what
//! reading them gave (the reading itself is at the edge, under one
//! confinement rule: see `book::confine`).

use crate::model::file::TechnicalFile;
use crate::model::ids::ReportId;
use crate::model::report::Report;
use crate::syntax::directive;
use crate::text::paths;
use std::collections::HashMap;
use std::ops::Range;

/// Where a path written in a report really leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// To a file inside the book folder, at this real (absolute) path.
    Inside(String),
    /// Outside the book folder, to this real path: refused.
    Outside(String),
    /// Nowhere readable, and why (no such file, a loop of symbolic links...).
    Unreadable(String),
}

/// A file linked from a report, as read by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asset {
    Bytes(Vec<u8>),
    /// Larger than `MAX_ASSET` (its size in bytes); not read.
    TooLarge(u64),
    /// Why it could not be read.
    Unreadable(String),
    /// Its real path is outside the book folder, there: not read.
    Outside(String),
}

/// Files linked from reports: path relative to the book root → the file.
pub type Assets = HashMap<String, Asset>;

/// Where the files reports include lead: path relative to the book root →
/// where it really leads.
pub type Includes = HashMap<String, Reach>;

/// mdBook's directives that read a file.
const INCLUDES: [&str; 3] = ["include", "rustdoc_include", "playground"];

/// An include directive of a report (`{{#include path:anchor}}`...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Include {
    /// Where the directive starts (its `{{#`).
    pub start: usize,
    /// The path as written.
    pub span: Range<usize>,
    /// The path relative to the book root; `None` when it is absolute.
    pub target: Option<String>,
}

/// The include directives of a report's body, in order (escaped ones and
/// those in code are not directives).
pub fn includes(report: &Report, text: &str) -> Vec<Include> {
    let from = report.front_matter_range.end;
    let dir = paths::parent(&report.path);
    let mut found = Vec::new();
    for directive in directive::scan(text, from..text.len()) {
        let name = directive.name(text);
        if directive.escaped
            || !INCLUDES.contains(&name)
            || !text[directive.name.end..].starts_with(char::is_whitespace)
        {
            continue;
        }
        let Some(end) = directive.end(text, text.len()) else {
            continue;
        };
        let args = &text[directive.name.end..end - 2];
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
        if path.is_empty() {
            continue;
        }
        let start = directive.name.end + path_offset;
        let absolute = path.starts_with('/')
            || path.starts_with('\\')
            || path.get(1..3) == Some(":\\")
            || path.get(1..3) == Some(":/");
        found.push(Include {
            start: directive.start,
            span: start..start + path.len(),
            target: (!absolute).then(|| paths::join(dir, path)),
        });
    }
    found
}

/// Assets above this size are embedded with a warning.
pub const LARGE_ASSET: usize = 1024 * 1024;
/// Assets above this size are not embedded.
pub const MAX_ASSET: usize = 10 * 1024 * 1024;

/// The files a report links to that must be embedded: local links that are
/// not chapters, as paths relative to the book root.
pub fn requests(file: &TechnicalFile, report: ReportId) -> Vec<String> {
    let report = &file.reports[report];
    let dir = paths::parent(&report.path);
    let mut requests: Vec<String> = report
        .scan
        .links
        .iter()
        .filter_map(|link| path_of(dir, &link.dest))
        .collect();
    requests.sort();
    requests.dedup();
    requests
}

/// The book-root-relative path of a link to a local file to embed,
/// written in a file of the folder `dir`: not a chapter (`.md`), not a web
/// page (`.html`, a page of the site the book is published on), not a
/// folder.
pub fn path_of(dir: &str, dest: &str) -> Option<String> {
    let target = paths::local_target(dest)?;
    let lower = target.path.to_ascii_lowercase();
    if target.path.is_empty()
        || [".md", ".html", ".htm", "/"]
            .iter()
            .any(|end| lower.ends_with(end))
    {
        return None;
    }
    Some(paths::join(dir, &target.path))
}
