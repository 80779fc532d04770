//! The appendix's title, the book-level problems while previewing, the
//! headline figures and the table of blocks.

use super::{anchor_part, open_div};
use crate::diagnostic::Diagnostic;
use crate::model::file::TechnicalFile;
use crate::referential::SkillId;
use crate::render::boxes::ProblemsBox;
use crate::render::md::Markdown;
use mdbook_markdown::pulldown_cmark::Alignment;

pub fn render(file: &TechnicalFile, problems: &[&Diagnostic], md: &mut Markdown) {
    let words = file.config.words();
    md.heading(1, &file.config.appendix_title(), None);
    if !problems.is_empty() {
        ProblemsBox {
            title: &words.text("book-problems-title"),
            note: &format!(" {}", words.text("book-problems-note")),
            severities: false,
            words,
        }
        .render(problems, md);
    }
    figures(file, md);
    blocks(file, md);
}

/// "17 of 18 skills are evidenced by 7 reports (94 %). ⚠ Gaps: C3.2."
fn figures(file: &TechnicalFile, md: &mut Markdown) {
    let summary = file.matrix.summary(&file.referential);
    let gaps = file.matrix.gaps();
    let reports = file.reports.len();
    let words = file.config.words();
    md.paragraph(|p| {
        p.strong(&words.format(
            "figures-covered",
            &[
                ("covered", summary.covered.into()),
                ("total", summary.total.into()),
            ],
        ));
        p.text(&format!(
            " {}",
            words.format(
                "figures-reports",
                &[
                    ("covered", summary.covered.into()),
                    ("reports", reports.into()),
                    ("percent", words.percent(summary.ratio()).into()),
                ],
            )
        ));
        if file.drafts > 0 {
            let drafts = words.format("figures-drafts", &[("drafts", file.drafts.into())]);
            p.text(&format!(" {drafts}"));
        }
        if gaps.is_empty() {
            p.text(&format!(" {}", words.text("figures-no-gap")));
        } else {
            p.text(&format!(" {} ", words.text("figures-gaps")));
            skill_links(file, &gaps, p);
            p.text(".");
        }
    });
}

/// The table of blocks: evidenced skills and gaps of each.
fn blocks(file: &TechnicalFile, md: &mut Markdown) {
    let summary = file.matrix.summary(&file.referential);
    let words = file.config.words();
    md.html_block(open_div("tf-blocks"));
    md.table(
        vec![Alignment::None, Alignment::Center, Alignment::None],
        &[
            &words.text("blocks-block"),
            &words.text("blocks-evidenced"),
            &words.text("blocks-gaps"),
        ],
        file.referential.blocks.iter().zip(&summary.blocks),
        |row, (block, figures)| {
            row.cell(|c| {
                c.link(
                    &format!("{} — {}", block.id, block.title),
                    &format!("#tf-skills-{}", anchor_part(&block.id)),
                    "",
                );
            });
            let mark = if figures.covered == figures.total {
                "✓ "
            } else {
                "⚠ "
            };
            row.text_cell(&format!("{mark}{} / {}", figures.covered, figures.total));
            let gaps: Vec<SkillId> = block
                .skills()
                .filter(|&s| !file.matrix.is_covered(s))
                .collect();
            row.cell(|c| {
                if gaps.is_empty() {
                    c.text("—");
                }
                skill_links(file, &gaps, c);
            });
        },
    );
    md.html_block("</div>".to_owned());
}

/// Links to skills' entries, separated by commas.
fn skill_links(file: &TechnicalFile, skills: &[SkillId], md: &mut Markdown) {
    for (i, &skill) in skills.iter().enumerate() {
        if i > 0 {
            md.text(", ");
        }
        let s = &file.referential.skills[skill];
        md.link(&s.id, &format!("#{}", s.anchor()), &s.title);
    }
}
