//! The appendix's title, the book-level problems while previewing, the
//! headline figures and the table of blocks.

use super::{anchor_part, open_div};
use crate::diagnostic::Diagnostic;
use crate::model::file::TechnicalFile;
use crate::referential::SkillId;
use crate::render::boxes::ProblemsBox;
use crate::render::md::Markdown;
use crate::text::plural;
use mdbook_markdown::pulldown_cmark::Alignment;

pub fn render(file: &TechnicalFile, problems: &[&Diagnostic], md: &mut Markdown) {
    md.heading(1, &file.config.appendix_title, None);
    if !problems.is_empty() {
        ProblemsBox {
            title: "Problems in the book's sources",
            note: " (this box is not part of the technical file):",
            severities: false,
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
    md.paragraph(|p| {
        p.strong(&format!("{} of {} skills", summary.covered, summary.total));
        p.text(&format!(
            " are evidenced by {reports} report{} ({:.0} %).",
            plural(reports),
            summary.ratio() * 100.0
        ));
        if file.drafts > 0 {
            p.text(&format!(
                " {} draft report{} left out.",
                file.drafts,
                if file.drafts == 1 { " is" } else { "s are" }
            ));
        }
        if gaps.is_empty() {
            p.text(" Every skill has evidence.");
        } else {
            p.text(" ⚠ Gaps: ");
            skill_links(file, &gaps, p);
            p.text(".");
        }
    });
}

/// The table of blocks: evidenced skills and gaps of each.
fn blocks(file: &TechnicalFile, md: &mut Markdown) {
    let summary = file.matrix.summary(&file.referential);
    md.html_block(open_div("tf-blocks"));
    md.table(
        vec![Alignment::None, Alignment::Center, Alignment::None],
        &["Block", "Evidenced", "Gaps"],
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
