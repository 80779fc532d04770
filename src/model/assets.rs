//! Files next to reports that their pages embed: which ones a report asks
//! for, and what reading them gave (the reading itself is at the edge).

use crate::model::file::TechnicalFile;
use crate::model::ids::ReportId;
use crate::text::paths;
use std::collections::HashMap;

/// A file linked from a report, as read by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asset {
    Bytes(Vec<u8>),
    /// Larger than `MAX_ASSET` (its size in bytes); not read.
    TooLarge(u64),
    /// Why it could not be read.
    Unreadable(String),
}

/// Files linked from reports: path relative to the book root → the file.
pub type Assets = HashMap<String, Asset>;

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

/// The book-root-relative path of a link to a local non-Markdown file,
/// written in a file of the folder `dir`.
pub fn path_of(dir: &str, dest: &str) -> Option<String> {
    let target = paths::local_target(dest)?;
    if target.path.is_empty() || target.path.ends_with(".md") || target.path.ends_with('/') {
        return None;
    }
    Some(paths::join(dir, &target.path))
}
