//! The dashboard as one static HTML page, written with the escaping HTML
//! builder: every name, title and address a student or the cohort file
//! gave is escaped. No JavaScript; the stylesheet is in the page, so the
//! folder can be published or opened from disk as it is.

use crate::cohort::chart;
use crate::cohort::model::{Cohort, Loaded, Student, number};
use crate::referential::SkillId;
use crate::text::html::Html;
use crate::text::{counted, plural};

const STYLESHEET: &str = include_str!("dashboard.css");

/// A skill evidenced by less than this share of the cohort is marked thin.
pub const THIN_SHARE: f64 = 0.5;

/// The id of a student's row in the page, for the attention list's links.
pub fn student_id(index: usize) -> String {
    format!("student-{}", index + 1)
}

pub fn render(cohort: &Cohort) -> String {
    let mut html = Html::new();
    html.open("main", &[]).newline();
    html.element("h1", &[], &format!("{} — cohort dashboard", cohort.name))
        .newline();
    let failed = cohort.students.len() - cohort.with_data();
    html.element(
        "p",
        &[("class", "tf-lead")],
        &format!(
            "As of {}: {}, {} with data{}; referential: {}.",
            cohort.today,
            counted(cohort.students.len(), "student"),
            cohort.with_data(),
            if failed > 0 {
                format!(", {failed} whose data could not be read")
            } else {
                String::new()
            },
            cohort.referential.title
        ),
    )
    .newline();
    attention(cohort, &mut html);
    skills(cohort, &mut html);
    grid(cohort, &mut html);
    students(cohort, &mut html);
    html.open("section", &[("aria-labelledby", "progression")])
        .newline()
        .element("h2", &[("id", "progression")], "Progression")
        .newline();
    chart::render(cohort, &mut html);
    html.close("section").newline();
    html.close("main").newline();
    let body = html.finish();
    let mut page = Html::new();
    page.open("title", &[])
        .text(&format!("{} — cohort dashboard", cohort.name))
        .close("title");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{}\n<style>\n{STYLESHEET}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        page.finish()
    )
}

fn section(html: &mut Html, id: &'static str, title: &str) {
    html.open("section", &[("aria-labelledby", id)])
        .newline()
        .element("h2", &[("id", id)], title)
        .newline();
}

fn attention(cohort: &Cohort, html: &mut Html) {
    section(html, "attention", "Needs attention");
    let flagged: Vec<(usize, &Student, Vec<String>)> = cohort
        .students
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s, cohort.attention(s)))
        .filter(|(_, _, reasons)| !reasons.is_empty())
        .collect();
    if flagged.is_empty() {
        html.element("p", &[], "No student needs attention.")
            .newline();
    } else {
        html.open("ul", &[("class", "tf-attention")]).newline();
        for (index, student, reasons) in flagged {
            html.open("li", &[]);
            html.element(
                "a",
                &[("href", &format!("#{}", student_id(index)))],
                &student.name,
            );
            html.text(&format!(": {}.", reasons.join("; ")))
                .close("li")
                .newline();
        }
        html.close("ul").newline();
    }
    html.close("section").newline();
}

fn header_row(html: &mut Html, headers: &[&str]) {
    html.open("thead", &[]).open("tr", &[]);
    for header in headers {
        html.element("th", &[("scope", "col")], header);
    }
    html.close("tr").close("thead").newline();
}

fn number_cell(html: &mut Html, text: &str) {
    html.element("td", &[("class", "tf-number")], text);
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn skills(cohort: &Cohort, html: &mut Html) {
    section(html, "skills", "Skills across the cohort");
    let referential = &cohort.referential;
    html.element(
        "p",
        &[],
        &format!(
            "The share of the {} students with data who evidence each skill; below {} it is marked thin.",
            cohort.with_data(),
            percent(THIN_SHARE)
        ),
    )
    .newline();
    html.open("table", &[]).newline();
    header_row(html, &["Block", "Skill", "Students", "Share"]);
    html.open("tbody", &[]).newline();
    for (block_id, block) in referential.blocks.iter_enumerated() {
        html.open("tr", &[]);
        html.element(
            "th",
            &[("scope", "row")],
            &format!("{} {}", block.id, block.title),
        );
        html.element("td", &[], &format!("all {} skills", block.skills().len()));
        number_cell(html, "");
        share_cell(html, cohort.block_share[block_id], false);
        html.close("tr").newline();
        for skill in block.skills() {
            let info = &referential.skills[skill];
            let share = cohort.skill_share(skill);
            html.open("tr", &[]);
            html.element("td", &[], "");
            html.element("td", &[], &format!("{} {}", info.id, info.title));
            number_cell(html, &cohort.skill_students[skill].to_string());
            share_cell(html, share, cohort.with_data() > 0 && share < THIN_SHARE);
            html.close("tr").newline();
        }
    }
    html.close("tbody").close("table").newline();
    html.close("section").newline();
}

fn share_cell(html: &mut Html, share: f64, thin: bool) {
    html.open("td", &[("class", "tf-number")]);
    html.open(
        "span",
        &[
            ("class", "tf-bar"),
            ("style", &format!("width: {:.1}em", share * 6.0)),
        ],
    )
    .close("span");
    html.text(&format!(" {}", percent(share)));
    if thin {
        html.element("span", &[("class", "tf-thin")], " ⚠ thin");
    }
    html.close("td");
}

fn grid(cohort: &Cohort, html: &mut Html) {
    section(html, "grid", "Students × skills");
    html.element(
        "p",
        &[],
        "Each cell is the number of reports evidencing the skill, linked to its entry in the student's book, or ⚠ gap.",
    )
    .newline();
    let referential = &cohort.referential;
    html.open("div", &[("class", "tf-scroll")]).newline();
    html.open("table", &[("class", "tf-grid")]).newline();
    html.open("thead", &[]).open("tr", &[]);
    html.element("th", &[("scope", "col")], "Student");
    for skill in referential.skills.iter() {
        html.open("th", &[("scope", "col")])
            .element("abbr", &[("title", &skill.title)], &skill.id)
            .close("th");
    }
    html.close("tr").close("thead").newline();
    html.open("tbody", &[]).newline();
    for student in &cohort.students {
        html.open("tr", &[]);
        html.element("th", &[("scope", "row")], &student.name);
        match &student.data {
            Ok(loaded) => {
                for skill in referential.skills.ids() {
                    grid_cell(cohort, loaded, skill, html);
                }
            }
            Err(problem) => {
                let span = referential.skills.len().to_string();
                html.element(
                    "td",
                    &[("colspan", &span), ("class", "tf-gap-text")],
                    &format!("Data {}", problem.reason()),
                );
            }
        }
        html.close("tr").newline();
    }
    html.close("tbody").close("table").newline();
    html.close("div").newline();
    html.close("section").newline();
}

fn grid_cell(cohort: &Cohort, loaded: &Loaded, skill: SkillId, html: &mut Html) {
    let count = loaded.reports[skill];
    let id = &cohort.referential.skills[skill].id;
    if count == 0 {
        html.open("td", &[("class", "tf-gap")]).text("⚠ gap");
    } else {
        html.open("td", &[("class", "tf-evidenced")]);
        let label = format!("{id}: {}", counted(count, "report"));
        match loaded.skill_link(skill) {
            Some(href) => html.open("a", &[("href", &href), ("title", &label)]),
            None => html.open("span", &[("title", &label)]),
        };
        html.text(&count.to_string());
        html.element(
            "span",
            &[("class", "tf-visually-hidden")],
            &format!(" report{} for {id}", plural(count)),
        );
        html.close(if loaded.base.is_some() { "a" } else { "span" });
    }
    html.close("td");
}

fn students(cohort: &Cohort, html: &mut Html) {
    section(html, "students", "Students");
    let total = cohort.referential.skills.len();
    html.open("div", &[("class", "tf-scroll")]).newline();
    html.open("table", &[]).newline();
    header_row(
        html,
        &[
            "Student",
            "Book",
            "Skills",
            "Gaps",
            "Reports",
            "Last report",
            "Pages",
            "Errors",
            "Warnings",
            "Jury grid",
        ],
    );
    html.open("tbody", &[]).newline();
    for (index, student) in cohort.students.iter().enumerate() {
        let id = student_id(index);
        html.open("tr", &[("id", &id)]);
        html.element("th", &[("scope", "row")], &student.name);
        match &student.data {
            Ok(loaded) => student_cells(cohort, loaded, total, html),
            Err(problem) => {
                html.element(
                    "td",
                    &[("colspan", "9"), ("class", "tf-gap-text")],
                    &format!("{} {}", student.source, problem.reason()),
                );
            }
        }
        html.close("tr").newline();
    }
    html.close("tbody").close("table").newline();
    html.close("div").newline();
    html.close("section").newline();
}

fn student_cells(cohort: &Cohort, loaded: &Loaded, total: usize, html: &mut Html) {
    let document = &loaded.document;
    html.open("td", &[]);
    let title = if document.title.is_empty() {
        "(untitled)"
    } else {
        &document.title
    };
    match loaded.link("", None) {
        Some(href) => html.element("a", &[("href", &href)], title),
        None => html.text(title),
    };
    html.close("td");
    number_cell(html, &format!("{}/{total}", loaded.covered));
    html.element(
        "td",
        &[],
        &cohort.referential.skill_ids(&loaded.gaps).join(", "),
    );
    let groups = loaded.group_reports();
    number_cell(
        html,
        &format!("{} ({groups} group)", document.reports.len()),
    );
    html.element(
        "td",
        &[],
        &loaded
            .last_report
            .map_or_else(|| "none dated".to_owned(), |d| d.to_string()),
    );
    let range = cohort
        .thresholds
        .pages
        .map(|(min, max)| format!(" of {}–{}", number(min), number(max)))
        .unwrap_or_default();
    number_cell(html, &format!("~{:.1}{range}", document.page_estimate));
    number_cell(html, &document.checks.errors.to_string());
    number_cell(html, &document.checks.warnings.to_string());
    html.open("td", &[]);
    match document
        .links
        .jury_grid
        .as_deref()
        .and_then(|page| loaded.link(page, None))
    {
        Some(href) => html.element("a", &[("href", &href)], "jury grid"),
        None => html.text("none"),
    };
    html.close("td");
}
