//! The matrix of reports × skills, one table per block (or per slice of a
//! large block); counts per skill instead for books of many reports.

use super::{MATRIX_MAX_REPORTS, anchor_part, open_div};
use crate::model::file::TechnicalFile;
use crate::model::ids::ReportId;
use crate::referential::{BlockId, SkillId};
use crate::render::md::{Markdown, TableRow};
use crate::text::html::Html;
use crate::text::paths;
use mdbook_markdown::pulldown_cmark::Alignment;

/// Skills per matrix table: a block with more is split, so a table stays
/// readable on a laptop screen and on A4.
const SKILLS_PER_TABLE: usize = 10;

pub fn render(file: &TechnicalFile, block: BlockId, md: &mut Markdown) {
    if block.index() == 0 {
        introduction(file, md);
    }
    if file.reports.len() > MATRIX_MAX_REPORTS {
        compact(file, block, md);
        return;
    }
    let b = &file.referential.blocks[block];
    let skills: Vec<SkillId> = b.skills().collect();
    let chunks: Vec<&[SkillId]> = skills.chunks(SKILLS_PER_TABLE).collect();
    for (part, chunk) in chunks.iter().enumerate() {
        let (title, id) = if chunks.len() > 1 {
            (
                format!("{} — {} ({}/{})", b.id, b.title, part + 1, chunks.len()),
                if part == 0 {
                    format!("tf-matrix-{}", anchor_part(&b.id))
                } else {
                    format!("tf-matrix-{}-{}", anchor_part(&b.id), part + 1)
                },
            )
        } else {
            (
                format!("{} — {}", b.id, b.title),
                format!("tf-matrix-{}", anchor_part(&b.id)),
            )
        };
        md.heading(3, &title, Some(&id));
        if !file.reports.is_empty() {
            md.html_block(open_div("tf-matrix"));
            table(file, chunk, md);
            md.html_block("</div>".to_owned());
        }
    }
}

/// The section's heading and how to read the tables.
fn introduction(file: &TechnicalFile, md: &mut Markdown) {
    let words = file.config.words();
    md.heading(2, &words.text("matrix-title"), Some("tf-matrix"));
    if file.reports.len() > MATRIX_MAX_REPORTS {
        let args = [("reports", file.reports.len().into())];
        let pieces = words.pieces("matrix-compact-how", &args, &["command", "gap"]);
        md.paragraph(|p| {
            p.pieces(&pieces, |p, i| {
                if i == 0 {
                    p.code("mdbook-technical-file coverage --format csv");
                } else {
                    p.strong("0 ⚠");
                }
            });
        });
    } else {
        let pieces = words.pieces("matrix-how", &[], &["section", "whole", "gap"]);
        md.paragraph(|p| {
            p.pieces(&pieces, |p, i| {
                p.strong(["✓", "●", "0 ⚠"][i]);
            });
        });
    }
    if file.reports.is_empty() {
        md.paragraph(|p| {
            p.emphasis(&words.text("matrix-no-report"));
        });
    }
}

/// One table: a row per report, a column per skill of `skills`, and a last
/// row of counts.
fn table(file: &TechnicalFile, skills: &[SkillId], md: &mut Markdown) {
    let mut align = vec![Alignment::None];
    align.extend(skills.iter().map(|_| Alignment::Center));
    let rows = file.reports.ids().map(Some).chain([None]);
    // Column headers link to the skill's entry, with its wording.
    let header = |head: &mut TableRow<'_>| {
        head.text_cell(&file.config.words().text("matrix-report"));
        for &skill in skills {
            let s = &file.referential.skills[skill];
            head.cell(|c| {
                c.link(&s.id, &format!("#{}", s.anchor()), &s.title);
            });
        }
    };
    md.table_with_header(align, header, rows, |row, report| match report {
        Some(report) => report_row(file, report, skills, row),
        None => counts_row(file, skills, row),
    });
}

/// A report's row: its title, then a mark per piece of evidence.
fn report_row(file: &TechnicalFile, report: ReportId, skills: &[SkillId], row: &mut TableRow<'_>) {
    let page = paths::relative(&file.config.appendix, file.report_path(report));
    row.cell(|c| {
        c.link(&file.reports[report].title, &page, "");
    });
    let page_html = paths::html_page(&page);
    for &skill in skills {
        let marks: Vec<String> = file
            .matrix
            .cell(skill, report)
            .iter()
            .map(|evidence| evidence_mark(file, skill, report, evidence.heading, &page_html))
            .collect();
        row.cell(|c| {
            for (i, mark) in marks.into_iter().enumerate() {
                if i > 0 {
                    c.text(" ");
                }
                c.inline_html(mark);
            }
        });
    }
}

/// ✓ for a section, ● for the whole report: a raw link (escaped by `Html`)
/// so screen readers get a label, not "check mark".
fn evidence_mark(
    file: &TechnicalFile,
    skill: SkillId,
    report: ReportId,
    heading: Option<crate::syntax::markdown::HeadingId>,
    page_html: &str,
) -> String {
    let r = &file.reports[report];
    let s = &file.referential.skills[skill];
    let words = file.config.words();
    let mut html = Html::new();
    match heading {
        Some(h) => {
            let section = r.heading_label(h);
            let href = format!("{page_html}#{}", r.anchors[h]);
            let label = words.format(
                "matrix-mark-section",
                &[
                    ("skill", s.id.as_str().into()),
                    ("report", r.title.as_str().into()),
                    ("section", section.into()),
                ],
            );
            html.open(
                "a",
                &[("href", &href), ("title", section), ("aria-label", &label)],
            );
            html.inline_text("✓").close("a");
        }
        None => {
            let label = words.format(
                "matrix-mark-whole",
                &[
                    ("skill", s.id.as_str().into()),
                    ("report", r.title.as_str().into()),
                ],
            );
            html.open(
                "a",
                &[
                    ("href", page_html),
                    ("title", &words.text("skills-whole-report")),
                    ("aria-label", &label),
                ],
            );
            html.inline_text("●").close("a");
        }
    }
    html.finish()
}

/// The last row: reports per skill, `0 ⚠` for a gap.
fn counts_row(file: &TechnicalFile, skills: &[SkillId], row: &mut TableRow<'_>) {
    // Plain text: emphasis in a large block makes the serializer re-parse
    // it to check its delimiters.
    row.text_cell(&file.config.words().text("matrix-per-skill"));
    for &skill in skills {
        let s = &file.referential.skills[skill];
        let label = count_label(file.matrix.reports_of(skill).len());
        row.cell(|c| {
            c.link(&label, &format!("#{}", s.anchor()), &s.title);
        });
    }
}

fn count_label(count: usize) -> String {
    if count == 0 {
        "0 ⚠".to_owned()
    } else {
        count.to_string()
    }
}

/// The matrix of a block for a large book: one row per skill.
fn compact(file: &TechnicalFile, block: BlockId, md: &mut Markdown) {
    let b = &file.referential.blocks[block];
    let words = file.config.words();
    md.heading(
        3,
        &format!("{} — {}", b.id, b.title),
        Some(&format!("tf-matrix-{}", anchor_part(&b.id))),
    );
    md.html_block(open_div("tf-matrix"));
    md.table(
        vec![
            Alignment::None,
            Alignment::None,
            Alignment::Center,
            Alignment::Center,
        ],
        &[
            &words.text("matrix-skill"),
            &words.text("matrix-wording"),
            &words.text("matrix-reports"),
            &words.text("matrix-sections"),
        ],
        b.skills(),
        |row, skill| {
            let s = &file.referential.skills[skill];
            row.cell(|c| {
                c.link(&s.id, &format!("#{}", s.anchor()), &s.title);
            });
            row.text_cell(&s.title);
            row.text_cell(&count_label(file.matrix.reports_of(skill).len()));
            row.text_cell(&file.matrix.evidence[skill].len().to_string());
        },
    );
    md.html_block("</div>".to_owned());
}
