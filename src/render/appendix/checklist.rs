//! The checklist of expected sections, a row per report.

use crate::model::file::TechnicalFile;
use crate::render::md::Markdown;
use crate::text::html::Html;

pub fn render(file: &TechnicalFile, md: &mut Markdown) {
    let referential = &file.referential;
    let words = file.config.words();
    // Which expected sections each report has.
    if !referential.sections.is_empty() {
        md.heading(2, &words.text("checklist-title"), Some("tf-checklist"));
        let titles: Vec<&str> = referential
            .sections
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        md.paragraph(|p| {
            p.text(&words.format(
                "checklist-expected",
                &[("sections", titles.join(", ").into())],
            ));
        });
        if file.reports.is_empty() {
            md.paragraph(|p| {
                p.emphasis(&words.text("checklist-no-report"));
            });
        } else {
            md.html_block(table(file));
        }
    }
}

/// The checklist's table, a row per report, as one HTML block: a Markdown
/// table of thousands of rows costs a serializer pass (and its buffers)
/// for nothing. Written as mdBook writes a Markdown table (in a
/// `table-wrapper`, centred cells), so it looks and prints the same.
fn table(file: &TechnicalFile) -> String {
    const CENTER: (&str, &str) = ("style", "text-align: center");
    let referential = &file.referential;
    let page = file.config.appendix.as_str();
    let total = referential.sections.len();
    let words = file.config.words();
    let mut html = Html::new();
    html.open("div", &[("class", "tf-checklist")])
        .open("div", &[("class", "table-wrapper")])
        .newline()
        .open("table", &[])
        .open("thead", &[])
        .open("tr", &[])
        .element("th", &[], &words.text("checklist-report"))
        .element("th", &[], &words.text("checklist-date"))
        .element("th", &[CENTER], &words.text("checklist-sections"))
        .element("th", &[], &words.text("checklist-missing"))
        .element("th", &[CENTER], &words.text("checklist-skills"))
        .close("tr")
        .close("thead")
        .newline()
        .open("tbody", &[])
        .newline();
    for (r, report) in file.reports.iter_enumerated() {
        let missing: Vec<&str> = report
            .sections
            .iter()
            .zip(&referential.sections)
            .filter(|(found, _)| found.is_none())
            .map(|(_, section)| section.title.as_str())
            .collect();
        let present = total - missing.len();
        let href = file.report_href(r, page);
        html.open("tr", &[])
            .open("td", &[])
            .element("a", &[("href", &href)], &report.title)
            .close("td")
            .open("td", &[]);
        match report.date() {
            Some(date) => {
                let day = date.to_string();
                html.element("time", &[("datetime", &day)], &date.written(words));
            }
            None => {
                html.text("—");
            }
        }
        let mark = if missing.is_empty() { "✓" } else { "⚠" };
        let missing = if missing.is_empty() {
            "—".to_owned()
        } else {
            missing.join(", ")
        };
        html.close("td")
            .element("td", &[CENTER], &format!("{mark} {present} / {total}"))
            .element("td", &[], &missing)
            .element(
                "td",
                &[CENTER],
                &file.matrix.report_skills[r].len().to_string(),
            )
            .close("tr")
            .newline();
    }
    html.close("tbody")
        .close("table")
        .newline()
        .close("div")
        .close("div");
    html.finish()
}
