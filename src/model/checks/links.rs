//! Links from reports to other reports, to their headings and to the
//! book's chapters: a missing file, a draft, or a missing heading id.

use crate::diagnostic::{Diagnostic, Locate, Said, did_you_mean_said, nearest};
use crate::model::file::TechnicalFile;
use crate::model::ids::{ReportId, Texts};
use crate::text::paths;
use crate::text::source::SourceFile;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Each link that does not land, with the report it is in.
pub fn broken(
    file: &TechnicalFile,
    texts: &Texts,
    chapters: &HashSet<String>,
) -> Vec<(ReportId, Diagnostic)> {
    let by_path: HashMap<&str, ReportId> = file
        .reports
        .ids()
        .map(|r| (file.report_path(r), r))
        .collect();
    let mut found = Vec::new();
    for (index, report) in file.reports.iter_enumerated() {
        let source = &texts[index];
        let own_anchors: HashSet<&str> = report.anchors.iter().map(String::as_str).collect();
        crate::work::add(crate::work::Step::LinkCheck, report.scan.links.len() as u64);
        for link in report
            .scan
            .links
            .iter()
            .filter(|l| !l.is_image && l.html.is_none())
        {
            let Some(target) = paths::local_target(&link.dest) else {
                continue;
            };
            let span = link.dest_range.clone().unwrap_or(link.range.clone());
            if target.path.is_empty() {
                if let Some(anchor) = &target.anchor
                    && !own_anchors.contains(anchor.as_str())
                    && !report_box_anchor(anchor)
                {
                    found.push((
                        index,
                        broken_anchor(source, span, anchor, report.anchors.as_slice()),
                    ));
                }
                continue;
            }
            if !target.path.ends_with(".md") {
                continue;
            }
            let resolved = paths::join(file.reports_dir(), &target.path);
            match by_path.get(resolved.as_str()) {
                Some(&other) => {
                    let anchors = &file.reports[other].anchors;
                    if let Some(anchor) = &target.anchor
                        && !anchors.iter().any(|a| a == anchor)
                    {
                        found.push((
                            index,
                            broken_anchor(source, span, anchor, anchors.as_slice()),
                        ));
                    }
                }
                None if chapters.contains(&resolved)
                    || file.config.is_generated_page(&resolved) => {}
                None => {
                    let mut d = source.warning(
                        "broken-link",
                        span,
                        Said::new("broken-link-page").arg("path", &target.path),
                    );
                    // In book order, so a tie always suggests the same report.
                    let pages = file.reports.ids().map(|r| file.report_path(r));
                    if let Some(near) = nearest(&resolved, pages) {
                        d = d.with_suggestion(did_you_mean_said(&paths::relative(
                            file.report_path(index),
                            near,
                        )));
                    }
                    found.push((index, d));
                }
            }
        }
    }
    found
}

/// Anchors the tool itself adds to report pages.
fn report_box_anchor(anchor: &str) -> bool {
    anchor.starts_with("tf-")
}

fn broken_anchor(
    source: &SourceFile,
    span: Range<usize>,
    anchor: &str,
    anchors: &[String],
) -> Diagnostic {
    let mut d = source.warning(
        "broken-link",
        span,
        Said::new("broken-link-heading").arg("anchor", anchor),
    );
    if let Some(near) = nearest(anchor, anchors.iter().map(String::as_str)) {
        d = d.with_suggestion(did_you_mean_said(&format!("#{near}")));
    }
    d
}
