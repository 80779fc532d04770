//! A report's page: its text with the front matter removed, a title when
//! it has none, the header box, badges for its markers, absolute include
//! paths, embedded files and its related reports. Every change is an edit
//! at a byte offset of the author's text.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::assets::{self as model_assets, Assets, Includes};
use crate::model::file::TechnicalFile;
use crate::model::ids::ReportId;
use crate::render::md::Markdown;
use crate::render::{assets, badges, boxes, includes};
use crate::syntax::marker::DirectiveKind;
use crate::text::paths;
use crate::text::source::SourceFile;
use crate::text::splice::{self, Edit};

/// What the caller provides beyond the model.
#[derive(Debug, Clone, Default)]
pub struct PageContext {
    /// The files reports embed, read.
    pub assets: Assets,
    /// Where the files reports include lead.
    pub includes: Includes,
}

/// A report's page, made in its text's own buffer (read with room to
/// grow), and the problems found while making it (missing assets,
/// includes that cannot work).
pub fn render(
    file: &TechnicalFile,
    index: ReportId,
    source: SourceFile,
    context: &PageContext,
) -> (String, Vec<Diagnostic>) {
    let (edits, problems) = edits(file, index, &source, context);
    let mut text = source.into_text();
    let (_, dropped) = splice::apply_in_place(&mut text, edits);
    debug_assert_eq!(
        dropped, 0,
        "overlapping edits in {}",
        file.reports[index].path
    );
    (text, problems)
}

/// The edits that make a report's page, and the problems found on the way.
pub fn edits(
    file: &TechnicalFile,
    index: ReportId,
    source: &SourceFile,
    context: &PageContext,
) -> (Vec<Edit>, Vec<Diagnostic>) {
    let report = &file.reports[index];
    let text = source.text.as_str();
    let appendix_href = paths::html_page(&paths::relative(
        file.report_path(index),
        &file.config.appendix,
    ));
    let mut edits = Vec::new();
    let mut problems = Vec::new();

    // The front matter is never shown.
    let body = report.front_matter_range.end;
    if body > 0 {
        edits.push(Edit::delete(0..body));
    }
    // Markers become badges.
    for marker in report
        .markers
        .iter()
        .filter(|m| m.kind == DirectiveKind::Skill)
    {
        let badges = badges::html(
            marker,
            &file.referential,
            file.config.words(),
            &appendix_href,
        );
        edits.push(Edit::replace(marker.range.clone(), badges));
    }
    edits.extend(includes::edits(
        source,
        &model_assets::includes(report, text),
        file.config.before_links,
        &context.includes,
        &mut problems,
    ));
    edits.extend(assets::edits(
        report,
        source,
        &context.assets,
        &mut problems,
    ));
    // Found while making the page, after the book's were localized.
    for problem in &mut problems {
        problem.localize(file.config.words());
    }
    edits.push(header(file, index, text, &appendix_href, &problems));
    edits.extend(footer(file, index, text));
    (edits, problems)
}

/// The title (when the report has none of its own), the header box and
/// the problems shown in the page, after the title.
fn header(
    file: &TechnicalFile,
    index: ReportId,
    text: &str,
    appendix_href: &str,
    problems: &[Diagnostic],
) -> Edit {
    let report = &file.reports[index];
    let mut header = String::new();
    let at = if let Some(title) = report.title_heading {
        let end = report.scan.headings[title].range.end;
        if !text[..end].ends_with(['\n', '\r']) {
            header.push('\n');
        }
        end
    } else {
        let mut title = Markdown::new();
        title.heading(1, &report.title, report.added_title_id.as_deref());
        header.push_str(title.finish(file.config.flavor).trim_end());
        header.push_str("\n\n");
        report.front_matter_range.end
    };
    header.push_str(&boxes::header(file, index, appendix_href));
    header.push_str("\n\n");
    let mut shown: Vec<&Diagnostic> = file
        .report_diagnostics(index)
        .chain(problems)
        .filter(|d| d.severity == Severity::Error || file.config.warnings_in_pages())
        .collect();
    shown.sort_by_key(|d| (d.position, d.severity));
    if !shown.is_empty() {
        header.push_str(&boxes::report_problems(
            &shown,
            file.config.words(),
            file.config.flavor,
        ));
        header.push_str("\n\n");
    }
    Edit::insert(at, header)
}

/// Related reports at the end, unless the text ends inside a block that
/// would swallow them (an unclosed code fence or HTML block).
fn footer(file: &TechnicalFile, index: ReportId, text: &str) -> Option<Edit> {
    let report = &file.reports[index];
    let body = report.front_matter_range.end;
    let swallowed = report.scan.code.iter().chain(&report.scan.raw).any(|r| {
        r.end >= text.trim_end().len() && r.start >= body && text[r.clone()].contains('\n')
    });
    let related = boxes::related(file, index);
    if related.is_empty() || swallowed {
        return None;
    }
    let mut tail = String::new();
    if !text.ends_with(['\n', '\r']) {
        tail.push('\n');
    }
    tail.push('\n');
    tail.push_str(&related);
    tail.push('\n');
    Some(Edit::insert(text.len(), tail))
}
