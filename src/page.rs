//! What a page of the book becomes: a report with its header box, badges,
//! embedded assets and related reports; a hand-written chapter with its
//! badges and evidence lists. Every change is an edit at a byte offset of
//! the author's text.

use crate::diagnostic::{Diagnostic, Severity};
use crate::html::Html;
use crate::markdown::{self, Flavor};
use crate::marker::{self, DirectiveKind, Marker};
use crate::md::Markdown;
use crate::model::TechnicalFile;
use crate::paths;
use crate::referential::Referential;
use crate::report::Report;
use crate::source::SourceFile;
use crate::splice::{self, Edit};
use mdbook_markdown::pulldown_cmark::BlockQuoteKind;
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

/// What the caller provides beyond the model.
#[derive(Debug, Clone, Default)]
pub struct PageContext {
    /// The absolute path of the reports folder, for `{{#include}}` paths
    /// (mdBook resolves them from the book's source folder).
    pub reports_dir_abs: String,
    pub assets: Assets,
}

/// The label a marker's badges show, which is also what they add to the
/// text (and so to the id) of a heading they sit in.
pub fn badge_label(marker: &Marker, referential: &Referential) -> String {
    marker
        .ids
        .iter()
        .map(|id| match referential.resolve(&id.value) {
            Some(skill) => referential.skills[skill].id.clone(),
            None => format!("⚠ {}", id.value),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The badges of a marker as inline HTML: a link to each skill's entry in
/// the appendix (a plain label inside a link's text, where links cannot
/// nest), and a warning label for unknown ids.
fn badges_html(marker: &Marker, referential: &Referential, appendix_href: &str) -> String {
    let mut html = Html::new();
    for (i, id) in marker.ids.iter().enumerate() {
        if i > 0 {
            html.inline_text(" ");
        }
        match referential.resolve(&id.value) {
            Some(index) => {
                let skill = &referential.skills[index];
                let title = format!("{} — {}", skill.id, skill.title);
                let href = format!("{appendix_href}#{}", skill.anchor());
                if marker.in_link {
                    html.inline_element(
                        "span",
                        &[("class", "tf-skill"), ("title", &title)],
                        &skill.id,
                    );
                } else {
                    html.inline_element(
                        "a",
                        &[("class", "tf-skill"), ("href", &href), ("title", &title)],
                        &skill.id,
                    );
                }
            }
            None => {
                html.inline_element(
                    "span",
                    &[
                        ("class", "tf-skill tf-unknown"),
                        ("title", "unknown skill: see the build's diagnostics"),
                    ],
                    &format!("⚠ {}", id.value),
                );
            }
        }
    }
    html.finish()
}

/// The files a report links to that must be embedded: local links that are
/// not chapters, as paths relative to the book root.
pub fn asset_requests(file: &TechnicalFile, report: usize) -> Vec<String> {
    let report = &file.reports[report];
    let dir = paths::parent(&report.source.path);
    let mut requests: Vec<String> = report
        .scan
        .links
        .iter()
        .filter_map(|link| asset_path(dir, &link.dest))
        .collect();
    requests.sort();
    requests.dedup();
    requests
}

/// The book-root-relative path of a link to a local non-Markdown file.
fn asset_path(dir: &str, dest: &str) -> Option<String> {
    let target = paths::local_target(dest)?;
    if target.path.is_empty() || target.path.ends_with(".md") || target.path.ends_with('/') {
        return None;
    }
    Some(paths::join(dir, &target.path))
}

/// A MIME type from a file name, for data URIs.
fn mime_type(path: &str) -> &'static str {
    let extension = path
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "bmp" => "image/bmp",
        "pdf" => "application/pdf",
        "txt" | "log" => "text/plain",
        "csv" => "text/csv",
        "json" => "application/json",
        "yml" | "yaml" => "application/yaml",
        _ => "application/octet-stream",
    }
}

fn data_uri(path: &str, bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "data:{};base64,{}",
        mime_type(path),
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// A report's page: the text the book gets, and the problems found while
/// making it (missing assets, includes that cannot work).
pub fn report_page(
    file: &TechnicalFile,
    index: usize,
    mut text: String,
    context: &PageContext,
) -> (String, Vec<Diagnostic>) {
    let (edits, problems) = report_edits(file, index, &text, context);
    let report = &file.reports[index];
    // The page is made in the text's own buffer (read with room to grow).
    let (_, dropped) = splice::apply_in_place(&mut text, edits);
    debug_assert_eq!(dropped, 0, "overlapping edits in {}", report.source.path);
    (text, problems)
}

/// The edits that make a report's page, and the problems found on the way.
/// `text` is the report's text (the engine moves texts out of the model
/// while pages are made, so each can be freed as soon as its page exists).
pub fn report_edits(
    file: &TechnicalFile,
    index: usize,
    text: &str,
    context: &PageContext,
) -> (Vec<Edit>, Vec<Diagnostic>) {
    let report = &file.reports[index];
    let referential = &file.referential;
    let page_path = file.report_path(index).to_owned();
    let appendix_href = paths::html_page(&paths::relative(&page_path, &file.config.appendix));
    let mut edits = Vec::new();
    let mut problems = Vec::new();

    // The front matter is never shown.
    let body = report.front_matter_range.end;
    if body > 0 {
        edits.push(Edit::delete(0..body));
    }

    // Title (when the report has none of its own) and the header box.
    let mut header = String::new();
    let header_at = if report.starts_with_title {
        let end = report.scan.headings[0].range.end;
        if !text[..end].ends_with(['\n', '\r']) {
            header.push('\n');
        }
        end
    } else {
        let mut title = Markdown::new();
        title.heading(1, &report.title, None);
        header.push_str(title.finish(file.config.flavor).trim_end());
        header.push_str("\n\n");
        body
    };
    header.push_str(&header_box(file, index, &appendix_href));
    header.push_str("\n\n");

    // Markers become badges.
    for marker in report
        .markers
        .iter()
        .filter(|m| m.kind == DirectiveKind::Skill)
    {
        edits.push(Edit::replace(
            marker.range.clone(),
            badges_html(marker, referential, &appendix_href),
        ));
    }

    // `{{#include}}` paths are relative to the report; mdBook resolves them
    // from the book's source folder, so they become absolute.
    edits.extend(include_edits(
        report,
        text,
        &context.reports_dir_abs,
        &mut problems,
    ));

    // Linked local files are embedded, so they work in `mdbook serve`, on
    // GitHub Pages and in print, without copying anything anywhere.
    edits.extend(asset_edits(report, text, &context.assets, &mut problems));

    // Problems shown in the page.
    let mut shown: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .chain(&problems)
        .filter(|d| d.severity == Severity::Error || file.config.warnings_in_pages())
        .collect();
    shown.sort_by_key(|d| (d.position, d.severity));
    if !shown.is_empty() {
        header.push_str(&diagnostics_box(&shown, file.config.flavor));
        header.push_str("\n\n");
    }
    edits.push(Edit::insert(header_at, header));

    // Related reports at the end, unless the text ends inside a block that
    // would swallow them (an unclosed code fence or HTML block).
    let swallowed = report.scan.code.iter().chain(&report.scan.raw).any(|r| {
        r.end >= text.trim_end().len() && r.start >= body && text[r.clone()].contains('\n')
    });
    let footer = related_box(file, index);
    if !footer.is_empty() && !swallowed {
        let mut tail = String::new();
        if !text.ends_with(['\n', '\r']) {
            tail.push('\n');
        }
        tail.push('\n');
        tail.push_str(&footer);
        tail.push('\n');
        edits.push(Edit::insert(text.len(), tail));
    }

    (edits, problems)
}

/// The box under the title: date, team and role, and the skills evidenced
/// here with links to the appendix and to the sections.
fn header_box(file: &TechnicalFile, index: usize, appendix_href: &str) -> String {
    let report = &file.reports[index];
    let referential = &file.referential;
    let fm = &report.front_matter;
    let mut html = Html::new();
    html.open("div", &[("class", "tf-report-header")]).newline();
    html.open("p", &[("class", "tf-meta")]);
    if let Some(date) = &fm.date {
        html.element("span", &[("class", "tf-label")], "Validated")
            .text(" ")
            .element(
                "time",
                &[("datetime", &date.value.to_string())],
                &date.value.to_string(),
            )
            .text(" · ");
    }
    if fm.team.is_empty() {
        html.element("span", &[("class", "tf-label")], "Individual project");
    } else {
        let names: Vec<&str> = fm.team.iter().map(|t| t.value.as_str()).collect();
        html.element("span", &[("class", "tf-label")], "Group project")
            .text(" — team: ")
            .text(&names.join(", "));
    }
    html.close("p").newline();
    if let Some(role) = &fm.role {
        html.open("p", &[("class", "tf-meta tf-role")])
            .element("span", &[("class", "tf-label")], "My role")
            .text(" ")
            .text(role.value.trim())
            .close("p")
            .newline();
    }
    if report.spelling_pending {
        html.element(
            "p",
            &[("class", "tf-meta tf-pending")],
            "Spelling and grammar are being checked in the background; the results show at your next save.",
        )
        .newline();
    }
    let skills = &file.matrix.report_skills[index];
    if skills.is_empty() {
        html.element(
            "p",
            &[("class", "tf-meta tf-none")],
            "No skill is claimed in this report yet.",
        )
        .newline();
    } else {
        html.element("p", &[("class", "tf-label")], "Skills evidenced here")
            .newline();
        html.open("ul", &[("class", "tf-skill-list")]).newline();
        for &skill_index in skills {
            let skill = &referential.skills[skill_index];
            let title = format!("{} — {}", skill.id, skill.title);
            html.open("li", &[]);
            html.element(
                "a",
                &[
                    ("class", "tf-skill"),
                    ("href", &format!("{appendix_href}#{}", skill.anchor())),
                    ("title", &title),
                ],
                &skill.id,
            );
            html.text(" ").text(&skill.title).text(" — ");
            let cell = file.matrix.cell(skill_index, index);
            for (i, evidence) in cell.iter().enumerate() {
                if i > 0 {
                    html.text(", ");
                }
                match evidence.heading {
                    Some(h) => {
                        let name = report.heading_label(h).to_owned();
                        html.element("a", &[("href", &format!("#{}", report.anchors[h]))], &name);
                    }
                    None => {
                        html.text("the whole report");
                    }
                }
            }
            html.close("li").newline();
        }
        html.close("ul").newline();
    }
    html.close("div");
    html.finish()
}

/// Related reports: those sharing the most skills.
fn related_box(file: &TechnicalFile, index: usize) -> String {
    let related = file.matrix.related(index, 5);
    if related.is_empty() {
        return String::new();
    }
    let page = file.report_path(index);
    let mut html = Html::new();
    html.open("div", &[("class", "tf-related")]).newline();
    html.element("p", &[("class", "tf-label")], "Related reports")
        .newline();
    html.open("ul", &[]).newline();
    for (other, skills) in related {
        let href = paths::html_page(&paths::relative(page, file.report_path(other)));
        let ids: Vec<&str> = skills
            .iter()
            .map(|&s| file.referential.skills[s].id.as_str())
            .collect();
        html.open("li", &[])
            .element("a", &[("href", &href)], &file.reports[other].title)
            .text(" — also evidences ")
            .text(&ids.join(", "))
            .close("li")
            .newline();
    }
    html.close("ul").newline().close("div");
    html.finish()
}

/// A warning box listing problems with their `line:column`.
fn diagnostics_box(diagnostics: &[&Diagnostic], flavor: Flavor) -> String {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let kind = if errors > 0 {
        BlockQuoteKind::Caution
    } else {
        BlockQuoteKind::Warning
    };
    let mut md = Markdown::new();
    md.admonition(kind, |m| {
        m.paragraph(|p| {
            let count = diagnostics.len();
            p.strong(&format!(
                "technical-file found {count} problem{} in this file",
                if count == 1 { "" } else { "s" }
            ));
            p.text(" (this box is not part of the report; fix the problems and it goes away).");
        });
        m.list(diagnostics.iter(), |item, d| {
            item.code(&d.location());
            item.text(" ");
            item.text(d.severity.as_str());
            item.text(": ");
            item.text(&d.message);
            if let Some(s) = &d.suggestion {
                item.text(" — ");
                item.text(s);
            }
        });
    });
    md.finish(flavor).trim_end().to_owned()
}

/// Rewrites the paths of mdBook's include directives to absolute paths.
fn include_edits(
    report: &Report,
    text: &str,
    reports_dir_abs: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Edit> {
    if reports_dir_abs.is_empty() {
        return Vec::new();
    }
    let base = reports_dir_abs.trim_end_matches('/');
    let mut edits = Vec::new();
    let finder = memchr::memmem::Finder::new("{{#");
    let mut search = report.front_matter_range.end;
    while let Some(found) = finder.find(&text.as_bytes()[search..]) {
        let start = search + found;
        search = start + 3;
        if start > 0 && text.as_bytes()[start - 1] == b'\\' {
            continue;
        }
        let rest = &text[start + 3..];
        let Some(name) = ["include", "rustdoc_include", "playground"]
            .into_iter()
            .find(|n| rest.starts_with(n) && rest[n.len()..].starts_with(char::is_whitespace))
        else {
            continue;
        };
        let args_start = start + 3 + name.len();
        let Some(close) = text[args_start..].find("}}") else {
            continue;
        };
        let args = &text[args_start..args_start + close];
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
        let absolute = format!("{base}/{path}");
        let path_start = args_start + path_offset;
        if base.contains(char::is_whitespace) || base.contains(':') {
            problems.push(
                located(report, text, Severity::Error,
                        "include-path",
                        path_start..path_start + path.len(),
                        "mdBook cannot include this file: the path of the reports folder contains a space or a colon",
                    )
                    .with_suggestion("move the book to a folder whose path has no spaces or colons"),
            );
            continue;
        }
        edits.push(Edit::replace(path_start..path_start + path.len(), absolute));
    }
    edits
}

/// Embeds linked local files: images get a `data:` URI as their source,
/// other files become a download link carrying the file.
fn asset_edits(
    report: &Report,
    text: &str,
    assets: &Assets,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Edit> {
    let dir = paths::parent(&report.source.path);
    let mut edits = Vec::new();
    for link in &report.scan.links {
        let Some(path) = asset_path(dir, &link.dest) else {
            continue;
        };
        let span = link.dest_range.clone().unwrap_or(link.range.clone());
        if path.starts_with("../") || path == ".." {
            problems.push(
                located(
                    report,
                    text,
                    Severity::Warning,
                    "asset-outside-book",
                    span,
                    format!(
                        "`{}` is outside the book folder, so it is not published",
                        link.dest
                    ),
                )
                .with_suggestion("move the file next to the reports, e.g. into `reports/img/`"),
            );
            continue;
        }
        let bytes = match assets.get(&path) {
            Some(Asset::Bytes(bytes)) => bytes,
            Some(Asset::TooLarge(size)) => {
                problems.push(
                    located(
                        report,
                        text,
                        Severity::Warning,
                        "large-asset",
                        span,
                        format!(
                            "`{}` is {:.1} MB, too large to embed in the page",
                            link.dest,
                            *size as f64 / 1e6
                        ),
                    )
                    .with_suggestion(
                        "publish it elsewhere and link to it, or make it smaller than 10 MB",
                    ),
                );
                continue;
            }
            Some(Asset::Unreadable(why)) => {
                problems.push(
                    located(
                        report,
                        text,
                        Severity::Warning,
                        "missing-asset",
                        span,
                        format!("`{}` cannot be read: {why}", link.dest),
                    )
                    .with_suggestion(format!("check the path: it is read from `{path}`")),
                );
                continue;
            }
            None => continue,
        };
        if bytes.len() > LARGE_ASSET {
            problems.push(
                located(
                    report,
                    text,
                    Severity::Warning,
                    "large-asset",
                    span.clone(),
                    format!(
                        "`{}` is {:.1} MB; every page view downloads it",
                        link.dest,
                        bytes.len() as f64 / 1e6
                    ),
                )
                .with_suggestion("compress the image (e.g. PNG → WebP) or reduce its size"),
            );
        }
        let Some(dest_range) = link.dest_range.clone() else {
            problems.push(
                located(
                    report,
                    text,
                    Severity::Warning,
                    "asset-reference-link",
                    link.range.clone(),
                    "a reference-style link to a local file cannot be embedded",
                )
                .with_suggestion(format!("write it inline: `({})`", link.dest)),
            );
            continue;
        };
        let uri = data_uri(&path, bytes);
        if link.is_image {
            edits.push(Edit::replace(dest_range, uri));
        } else {
            // `[text](file)` → `<a href="data:..." download="file">text</a>`:
            // the link text stays the author's Markdown.
            let source = &text[link.range.clone()];
            let Some(close) = source.rfind("](") else {
                continue;
            };
            if !source.starts_with('[') {
                continue;
            }
            let name = path.rsplit('/').next().unwrap_or(&path);
            let mut open = Html::new();
            open.open("a", &[("href", &uri), ("download", name)]);
            edits.push(Edit::replace(
                link.range.start..link.range.start + 1,
                open.finish(),
            ));
            edits.push(Edit::replace(
                link.range.start + close..link.range.end,
                "</a>",
            ));
        }
    }
    edits
}

/// A diagnostic at `span` of a report whose text is given separately.
fn located(
    report: &Report,
    text: &str,
    severity: Severity,
    code: &'static str,
    span: std::ops::Range<usize>,
    message: impl Into<String>,
) -> Diagnostic {
    Diagnostic::new(severity, code, report.source.path.as_str(), message).at(
        text,
        report.source.index_of(text),
        span,
    )
}

/// One line of evidence for a skill, as seen from the page `from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceLink {
    /// "Report title › Section".
    pub label: String,
    pub href: String,
    pub date: Option<String>,
    /// A claim of the report as a whole, not of one of its sections.
    pub whole_report: bool,
    /// A few words around the claim, when asked for and there are some.
    pub excerpt: Option<String>,
}

/// The evidence of a skill as links from the page `from` (to the `.html`
/// pages, as the links may be written as raw HTML), with `excerpts` or not.
/// Excerpts read the reports' text: ask for them before the pages are made.
pub fn evidence_links(
    file: &TechnicalFile,
    skill: usize,
    from: &str,
    excerpts: bool,
) -> Vec<EvidenceLink> {
    file.matrix.evidence[skill]
        .iter()
        .map(|evidence| {
            let report = &file.reports[evidence.report];
            let page = paths::html_page(&paths::relative(from, file.report_path(evidence.report)));
            let (label, href) = match evidence.heading {
                Some(h) => (
                    format!("{} › {}", report.title, report.heading_label(h)),
                    format!("{page}#{}", report.anchors[h]),
                ),
                None => (report.title.clone(), page),
            };
            EvidenceLink {
                label,
                href,
                date: report.date().map(|d| d.to_string()),
                whole_report: evidence.heading.is_none(),
                excerpt: excerpts
                    .then(|| report.excerpt(&report.claims[evidence.claim], file.config.flavor))
                    .flatten(),
            }
        })
        .collect()
}

/// A hand-written chapter: `{{#skill ID}}` badges and `{{#skill-evidence
/// ID}}` lists. `chapter_path` is the chapter's path in the book, `shown`
/// the file's path for diagnostics.
pub fn expand_chapter(
    file: &TechnicalFile,
    chapter_path: &str,
    shown: &str,
    content: &str,
) -> (String, Vec<Diagnostic>) {
    // Cheap exit: most chapters have no directive.
    if !content.contains("{{#skill") {
        return (content.to_owned(), Vec::new());
    }
    let referential = &file.referential;
    let source = SourceFile::new(shown, content);
    let scan = markdown::scan(content, file.config.flavor);
    let (markers, problems) = marker::find(content, &scan, 0);
    let appendix_href = paths::html_page(&paths::relative(chapter_path, &file.config.appendix));
    let mut diagnostics: Vec<Diagnostic> = problems
        .iter()
        .map(|p| crate::report::marker_problem(&source, p))
        .collect();
    let mut edits = Vec::new();
    for marker in &markers {
        for id in &marker.ids {
            if referential.resolve(&id.value).is_none() {
                diagnostics.push(crate::report::unknown_skill(&source, referential, id));
            }
        }
        let replacement = match marker.kind {
            DirectiveKind::Skill => badges_html(marker, referential, &appendix_href),
            DirectiveKind::SkillEvidence => evidence_directive(file, marker, chapter_path),
        };
        edits.push(Edit::replace(marker.range.clone(), replacement));
    }
    let (out, _) = splice::apply(content, edits);
    (out, diagnostics)
}

/// The Markdown a `{{#skill-evidence}}` directive becomes: a list when it is
/// a paragraph of its own, links in a sentence otherwise.
fn evidence_directive(file: &TechnicalFile, marker: &Marker, chapter_path: &str) -> String {
    let referential = &file.referential;
    let skills: Vec<usize> = marker
        .ids
        .iter()
        .filter_map(|id| referential.resolve(&id.value))
        .collect();
    let mut md = Markdown::new();
    if marker.alone {
        for &skill in &skills {
            let links = evidence_links(file, skill, chapter_path, false);
            if links.is_empty() {
                let entry = paths::html_page(&paths::relative(chapter_path, &file.config.appendix));
                let s = &referential.skills[skill];
                md.admonition(BlockQuoteKind::Warning, |m| {
                    m.paragraph(|p| {
                        p.strong(&format!("No report evidences {} yet.", s.id));
                        p.text(" See ");
                        p.link(
                            "the coverage appendix",
                            &format!("{entry}#{}", s.anchor()),
                            &s.title,
                        );
                        p.text(".");
                    });
                });
                continue;
            }
            md.list(links, |item, link| {
                item.link(&link.label, &link.href, "");
                if let Some(date) = &link.date {
                    item.text(&format!(" ({date})"));
                }
            });
        }
        return format!("\n{}\n", md.finish(file.config.flavor).trim_end());
    }
    let mut first = true;
    md.paragraph(|p| {
        for &skill in &skills {
            for link in evidence_links(file, skill, chapter_path, false) {
                if !first {
                    p.text(", ");
                }
                first = false;
                p.link(&link.label, &link.href, "");
            }
        }
        if first {
            p.emphasis("no evidence yet");
        }
    });
    md.finish(file.config.flavor).trim().to_owned()
}
