//! The boxes the tool adds to pages: a report's header (date, team, role,
//! skills evidenced), its related reports, and the problems box that a
//! report page and the appendix show while previewing.

use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Catalogue;
use crate::model::file::TechnicalFile;
use crate::model::ids::ReportId;
use crate::render::md::Markdown;
use crate::syntax::markdown::Flavor;
use crate::text::html::Html;
use mdbook_markdown::pulldown_cmark::BlockQuoteKind;

/// The box under a report's title: date, team and role, and the skills
/// evidenced here with links to the appendix and to the sections.
pub fn header(file: &TechnicalFile, index: ReportId, appendix_href: &str) -> String {
    let mut html = Html::new();
    html.open("div", &[("class", "tf-report-header")]).newline();
    meta(file, index, &mut html);
    skills_evidenced(file, index, appendix_href, &mut html);
    html.close("div");
    html.finish()
}

/// Date, individual or group project, role, and whether spelling is pending.
fn meta(file: &TechnicalFile, index: ReportId, html: &mut Html) {
    let fm = &file.reports[index].front_matter;
    let words = file.config.words();
    html.open("p", &[("class", "tf-meta")]);
    if let Some(date) = &fm.date {
        let day = date.value.to_string();
        html.element(
            "span",
            &[("class", "tf-label")],
            &words.text("header-validated"),
        )
        .text(" ")
        .element("time", &[("datetime", &day)], &date.value.written(words))
        .text(" · ");
    }
    if fm.team.is_empty() {
        html.element(
            "span",
            &[("class", "tf-label")],
            &words.text("header-individual"),
        );
    } else {
        let names: Vec<&str> = fm.team.iter().map(|t| t.value.as_str()).collect();
        let team = words.format("header-team", &[("names", names.join(", ").into())]);
        html.element(
            "span",
            &[("class", "tf-label")],
            &words.text("header-group"),
        )
        .text(&format!(" — {team}"));
    }
    html.close("p").newline();
    if let Some(role) = &fm.role {
        html.open("p", &[("class", "tf-meta tf-role")])
            .element("span", &[("class", "tf-label")], &words.text("header-role"))
            .text(" ")
            .text(role.value.trim())
            .close("p")
            .newline();
    }
    if file.findings.spelling_pending[index] {
        html.element(
            "p",
            &[("class", "tf-meta tf-pending")],
            &words.text("header-spelling-pending"),
        )
        .newline();
    }
}

/// Each skill the report evidences, with links to its sections.
fn skills_evidenced(file: &TechnicalFile, index: ReportId, appendix_href: &str, html: &mut Html) {
    let report = &file.reports[index];
    let skills = &file.matrix.report_skills[index];
    let words = file.config.words();
    if skills.is_empty() {
        html.element(
            "p",
            &[("class", "tf-meta tf-none")],
            &words.text("header-no-skill"),
        )
        .newline();
        return;
    }
    html.element(
        "p",
        &[("class", "tf-label")],
        &words.text("header-skills-evidenced"),
    )
    .newline();
    html.open("ul", &[("class", "tf-skill-list")]).newline();
    for &skill_id in skills {
        let skill = &file.referential.skills[skill_id];
        let title = format!("{} — {}", skill.id, skill.title);
        let href = format!("{appendix_href}#{}", skill.anchor());
        html.open("li", &[]);
        html.element(
            "a",
            &[("class", "tf-skill"), ("href", &href), ("title", &title)],
            &skill.id,
        );
        html.text(" ").text(&skill.title).text(" — ");
        for (i, evidence) in file.matrix.cell(skill_id, index).iter().enumerate() {
            if i > 0 {
                html.text(", ");
            }
            match evidence.heading {
                Some(h) => {
                    let href = format!("#{}", report.anchors[h]);
                    html.element("a", &[("href", &href)], report.heading_label(h));
                }
                None => {
                    html.text(&words.text("header-whole-report"));
                }
            }
        }
        html.close("li").newline();
    }
    html.close("ul").newline();
}

/// Related reports: those sharing the most skills.
pub fn related(file: &TechnicalFile, index: ReportId) -> String {
    let related = file.matrix.related(index, 5);
    if related.is_empty() {
        return String::new();
    }
    let page = file.report_path(index);
    let words = file.config.words();
    let mut html = Html::new();
    html.open("div", &[("class", "tf-related")]).newline();
    html.element("p", &[("class", "tf-label")], &words.text("related-title"))
        .newline();
    html.open("ul", &[]).newline();
    for (other, skills) in related {
        let href = file.report_href(other, page);
        let ids = file.referential.skill_ids(&skills);
        let also = words.format("related-also", &[("skills", ids.join(", ").into())]);
        html.open("li", &[])
            .element("a", &[("href", &href)], &file.reports[other].title)
            .text(&format!(" — {also}"))
            .close("li")
            .newline();
    }
    html.close("ul").newline().close("div");
    html.finish()
}

/// What a problems box says above its list.
pub struct ProblemsBox<'a> {
    /// In bold.
    pub title: &'a str,
    pub note: &'a str,
    /// Whether each item says "error" or "warning".
    pub severities: bool,
    pub words: &'a Catalogue,
}

impl ProblemsBox<'_> {
    /// An admonition listing problems with their `file:line:column` (a
    /// caution when one is an error, a warning otherwise).
    pub fn render(&self, diagnostics: &[&Diagnostic], md: &mut Markdown) {
        let kind = if diagnostics.iter().any(|d| d.severity == Severity::Error) {
            BlockQuoteKind::Caution
        } else {
            BlockQuoteKind::Warning
        };
        md.admonition(kind, |m| {
            m.paragraph(|p| {
                p.strong(self.title);
                p.text(self.note);
            });
            m.list(diagnostics.iter(), |item, d| {
                item.code(&d.location());
                item.text(" ");
                if self.severities {
                    let severity = match d.severity {
                        Severity::Error => "severity-error",
                        Severity::Warning => "severity-warning",
                    };
                    item.text(&format!("{} ", self.words.text(severity)));
                }
                item.text(&d.message);
                if let Some(s) = &d.suggestion {
                    item.text(" — ");
                    item.text(s);
                }
            });
        });
    }
}

/// The problems box of a report page.
pub fn report_problems(diagnostics: &[&Diagnostic], words: &Catalogue, flavor: Flavor) -> String {
    let count = diagnostics.len();
    let title = words.format("report-problems-title", &[("count", count.into())]);
    let mut md = Markdown::new();
    ProblemsBox {
        title: &title,
        note: &format!(" {}", words.text("report-problems-note")),
        severities: true,
        words,
    }
    .render(diagnostics, &mut md);
    md.finish(flavor).trim_end().to_owned()
}
