//! The dashboard as one static HTML page, written with the escaping HTML
//! builder: every name, title and address a student or the cohort file
//! gave is escaped. No JavaScript; the stylesheet is in the page, so the
//! folder can be published or opened from disk as it is.

use crate::cohort::chart;
use crate::cohort::model::{Cohort, Loaded, Student, number};
use crate::lang::Catalogue;
use crate::referential::SkillId;
use crate::text::html::Html;

const STYLESHEET: &str = include_str!("dashboard.css");

/// A skill evidenced by less than this share of the cohort is marked thin.
pub const THIN_SHARE: f64 = 0.5;

/// The id of a student's row in the page, for the attention list's links.
pub fn student_id(index: usize) -> String {
    format!("student-{}", index + 1)
}

pub fn render(cohort: &Cohort) -> String {
    let words = cohort.words();
    let title = words.format("cohort-title", &[("name", cohort.name.as_str().into())]);
    let mut html = Html::new();
    html.open("main", &[]).newline();
    html.element("h1", &[], &title).newline();
    let failed = cohort.students.len() - cohort.with_data();
    html.element(
        "p",
        &[("class", "tf-lead")],
        &words.format(
            "cohort-lead",
            &[
                ("today", cohort.today.written(words).into()),
                ("students", cohort.students.len().into()),
                ("with-data", cohort.with_data().into()),
                ("failed", failed.into()),
                ("referential", cohort.referential.title.as_str().into()),
            ],
        ),
    )
    .newline();
    attention(cohort, &mut html);
    skills(cohort, &mut html);
    grid(cohort, &mut html);
    students(cohort, &mut html);
    html.open("section", &[("aria-labelledby", "progression")])
        .newline()
        .element(
            "h2",
            &[("id", "progression")],
            &words.text("cohort-progression"),
        )
        .newline();
    chart::render(cohort, &mut html);
    html.close("section").newline();
    html.close("main").newline();
    let body = html.finish();
    let mut page = Html::new();
    page.open("title", &[]).text(&title).close("title");
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{}\n<style>\n{STYLESHEET}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        cohort.lang.code(),
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
    let words = cohort.words();
    section(html, "attention", &words.text("cohort-attention"));
    let flagged: Vec<(usize, &Student, Vec<String>)> = cohort
        .students
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s, cohort.attention(s)))
        .filter(|(_, _, reasons)| !reasons.is_empty())
        .collect();
    if flagged.is_empty() {
        html.element("p", &[], &words.text("cohort-attention-none"))
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
            let reasons = reasons.join(&words.text("clause-separator"));
            html.text(&words.format("cohort-attention-reasons", &[("reasons", reasons.into())]))
                .close("li")
                .newline();
        }
        html.close("ul").newline();
    }
    html.close("section").newline();
}

/// A table's head row, each header a message of the catalogue.
fn header_row(html: &mut Html, words: &Catalogue, headers: &[&str]) {
    html.open("thead", &[]).open("tr", &[]);
    for header in headers {
        html.element("th", &[("scope", "col")], &words.text(header));
    }
    html.close("tr").close("thead").newline();
}

fn number_cell(html: &mut Html, text: &str) {
    html.element("td", &[("class", "tf-number")], text);
}

fn percent(words: &Catalogue, share: f64) -> String {
    words.format(
        "percent",
        &[("value", format!("{:.0}", share * 100.0).into())],
    )
}

fn skills(cohort: &Cohort, html: &mut Html) {
    let words = cohort.words();
    section(html, "skills", &words.text("cohort-skills"));
    let referential = &cohort.referential;
    html.element(
        "p",
        &[],
        &words.format(
            "cohort-skills-lead",
            &[
                ("students", cohort.with_data().into()),
                ("thin", percent(words, THIN_SHARE).into()),
            ],
        ),
    )
    .newline();
    html.open("table", &[]).newline();
    header_row(
        html,
        words,
        &[
            "cohort-col-block",
            "cohort-col-skill",
            "cohort-col-students",
            "cohort-col-share",
        ],
    );
    html.open("tbody", &[]).newline();
    for (block_id, block) in referential.blocks.iter_enumerated() {
        html.open("tr", &[]);
        html.element(
            "th",
            &[("scope", "row")],
            &format!("{} {}", block.id, block.title),
        );
        html.element(
            "td",
            &[],
            &words.format(
                "cohort-block-all",
                &[("count", block.skills().len().into())],
            ),
        );
        number_cell(html, "");
        share_cell(html, words, cohort.block_share[block_id], false);
        html.close("tr").newline();
        for skill in block.skills() {
            let info = &referential.skills[skill];
            let share = cohort.skill_share(skill);
            html.open("tr", &[]);
            html.element("td", &[], "");
            html.element("td", &[], &format!("{} {}", info.id, info.title));
            number_cell(html, &cohort.skill_students[skill].to_string());
            share_cell(
                html,
                words,
                share,
                cohort.with_data() > 0 && share < THIN_SHARE,
            );
            html.close("tr").newline();
        }
    }
    html.close("tbody").close("table").newline();
    html.close("section").newline();
}

fn share_cell(html: &mut Html, words: &Catalogue, share: f64, thin: bool) {
    html.open("td", &[("class", "tf-number")]);
    html.open(
        "span",
        &[
            ("class", "tf-bar"),
            ("style", &format!("width: {:.1}em", share * 6.0)),
        ],
    )
    .close("span");
    html.text(&format!(" {}", percent(words, share)));
    if thin {
        html.element(
            "span",
            &[("class", "tf-thin")],
            &format!(" {}", words.text("cohort-thin")),
        );
    }
    html.close("td");
}

fn grid(cohort: &Cohort, html: &mut Html) {
    let words = cohort.words();
    section(html, "grid", &words.text("cohort-grid"));
    html.element("p", &[], &words.text("cohort-grid-lead"))
        .newline();
    let referential = &cohort.referential;
    html.open("div", &[("class", "tf-scroll")]).newline();
    html.open("table", &[("class", "tf-grid")]).newline();
    html.open("thead", &[]).open("tr", &[]);
    html.element("th", &[("scope", "col")], &words.text("cohort-col-student"));
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
                    &words.format(
                        "cohort-data-problem",
                        &[("reason", problem.reason(words).into())],
                    ),
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
    let words = cohort.words();
    let count = loaded.reports[skill];
    let id = &cohort.referential.skills[skill].id;
    if count == 0 {
        html.open("td", &[("class", "tf-gap")])
            .text(&words.text("cohort-gap"));
    } else {
        html.open("td", &[("class", "tf-evidenced")]);
        let args = [("skill", id.as_str().into()), ("reports", count.into())];
        let label = words.format("cohort-cell-title", &args);
        match loaded.skill_link(skill) {
            Some(href) => html.open("a", &[("href", &href), ("title", &label)]),
            None => html.open("span", &[("title", &label)]),
        };
        html.text(&count.to_string());
        html.element(
            "span",
            &[("class", "tf-visually-hidden")],
            &format!(" {}", words.format("cohort-cell-hidden", &args)),
        );
        html.close(if loaded.base.is_some() { "a" } else { "span" });
    }
    html.close("td");
}

fn students(cohort: &Cohort, html: &mut Html) {
    let words = cohort.words();
    section(html, "students", &words.text("cohort-students"));
    let total = cohort.referential.skills.len();
    html.open("div", &[("class", "tf-scroll")]).newline();
    html.open("table", &[]).newline();
    header_row(
        html,
        words,
        &[
            "cohort-col-student",
            "cohort-col-book",
            "cohort-col-skills",
            "cohort-col-gaps",
            "cohort-col-reports",
            "cohort-col-last-report",
            "cohort-col-pages",
            "cohort-col-errors",
            "cohort-col-warnings",
            "cohort-col-jury-grid",
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
                    &words.format(
                        "cohort-source-problem",
                        &[
                            ("source", student.source.to_string().into()),
                            ("reason", problem.reason(words).into()),
                        ],
                    ),
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
    let words = cohort.words();
    let document = &loaded.document;
    html.open("td", &[]);
    let title = if document.title.is_empty() {
        words.text("cohort-untitled")
    } else {
        document.title.clone()
    };
    match loaded.link("", None) {
        Some(href) => html.element("a", &[("href", &href)], &title),
        None => html.text(&title),
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
        &words.format(
            "cohort-reports",
            &[
                ("reports", document.reports.len().into()),
                ("groups", groups.into()),
            ],
        ),
    );
    html.element(
        "td",
        &[],
        &loaded
            .last_report
            .map_or_else(|| words.text("cohort-none-dated"), |d| d.written(words)),
    );
    let (min, max) = cohort.thresholds.pages.unwrap_or_default();
    let budget = if cohort.thresholds.pages.is_some() {
        "set"
    } else {
        "unset"
    };
    number_cell(
        html,
        &words.format(
            "cohort-pages",
            &[
                ("pages", words.decimal(document.page_estimate, 1).into()),
                ("budget", budget.into()),
                ("min", words.number(&number(min)).into()),
                ("max", words.number(&number(max)).into()),
            ],
        ),
    );
    number_cell(html, &document.checks.errors.to_string());
    number_cell(html, &document.checks.warnings.to_string());
    html.open("td", &[]);
    match document
        .links
        .jury_grid
        .as_deref()
        .and_then(|page| loaded.link(page, None))
    {
        Some(href) => html.element("a", &[("href", &href)], &words.text("cohort-jury-grid")),
        None => html.text(&words.text("cohort-none")),
    };
    html.close("td");
}
