//! The generated "Skill coverage" appendix: figures per block, the matrix
//! of skills × reports, one entry per skill with its evidence, and the
//! checklist of expected report sections.

use crate::diagnostic::{Diagnostic, Severity};
use crate::md::Markdown;
use crate::model::TechnicalFile;
use crate::page::evidence_links;
use crate::paths;
use mdbook_markdown::pulldown_cmark::{Alignment, BlockQuoteKind};

/// Skills per matrix table: a block with more is split, so a table stays
/// readable on a laptop screen and on A4.
const SKILLS_PER_TABLE: usize = 10;

/// The appendix page's Markdown. `problems` are book-level problems to show
/// at the top (errors always, warnings when previewing).
pub fn render(file: &TechnicalFile, problems: &[&Diagnostic]) -> String {
    let referential = &file.referential;
    let page = file.config.appendix.as_str();
    let summary = file.matrix.summary(referential);
    let mut md = Markdown::new();
    md.heading(1, &file.config.appendix_title, None);

    if !problems.is_empty() {
        let errors = problems.iter().any(|d| d.severity == Severity::Error);
        let kind = if errors {
            BlockQuoteKind::Caution
        } else {
            BlockQuoteKind::Warning
        };
        md.admonition(kind, |m| {
            m.paragraph(|p| {
                p.strong("Problems in the book's sources");
                p.text(" (this box is not part of the technical file):");
            });
            m.list(problems.iter(), |item, d| {
                item.code(&d.location());
                item.text(" ");
                item.text(&d.message);
                if let Some(s) = &d.suggestion {
                    item.text(" — ");
                    item.text(s);
                }
            });
        });
    }

    let gaps = file.matrix.gaps();
    md.paragraph(|p| {
        p.strong(&format!("{} of {} skills", summary.covered, summary.total));
        p.text(&format!(
            " are evidenced by {} report{} ({:.0} %).",
            file.reports.len(),
            if file.reports.len() == 1 { "" } else { "s" },
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
            for (i, &skill) in gaps.iter().enumerate() {
                if i > 0 {
                    p.text(", ");
                }
                let s = &referential.skills[skill];
                p.link(&s.id, &format!("#{}", s.anchor()), &s.title);
            }
            p.text(".");
        }
    });

    md.table(
        vec![Alignment::None, Alignment::Center, Alignment::None],
        &["Block", "Evidenced", "Gaps"],
        referential.blocks.iter().zip(&summary.blocks),
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
            row.cell(|c| {
                let block_gaps: Vec<usize> = block
                    .skills
                    .clone()
                    .filter(|s| !file.matrix.is_covered(*s))
                    .collect();
                if block_gaps.is_empty() {
                    c.text("—");
                }
                for (i, &skill) in block_gaps.iter().enumerate() {
                    if i > 0 {
                        c.text(", ");
                    }
                    let s = &referential.skills[skill];
                    c.link(&s.id, &format!("#{}", s.anchor()), &s.title);
                }
            });
        },
    );

    // The matrix, one table per block (or per slice of a large block).
    md.heading(2, "Matrix", Some("tf-matrix"));
    md.paragraph(|p| {
        p.text("Rows are reports in book order, columns are skills. ");
        p.strong("✓");
        p.text(" links to a section that evidences the skill, ");
        p.strong("●");
        p.text(" marks a claim for the whole report, and an empty cell means no evidence. The last row counts the reports per skill; ");
        p.strong("0 ⚠");
        p.text(" is a gap.");
    });
    if file.reports.is_empty() {
        md.paragraph(|p| {
            p.emphasis("No report yet: add Markdown files to the reports folder.");
        });
    }
    for block in &referential.blocks {
        let skills: Vec<usize> = block.skills.clone().collect();
        let chunks: Vec<&[usize]> = skills.chunks(SKILLS_PER_TABLE).collect();
        for (part, chunk) in chunks.iter().enumerate() {
            let title = if chunks.len() > 1 {
                format!(
                    "{} — {} ({}/{})",
                    block.id,
                    block.title,
                    part + 1,
                    chunks.len()
                )
            } else {
                format!("{} — {}", block.id, block.title)
            };
            let id = if part == 0 {
                format!("tf-matrix-{}", anchor_part(&block.id))
            } else {
                format!("tf-matrix-{}-{}", anchor_part(&block.id), part + 1)
            };
            md.heading(3, &title, Some(&id));
            if file.reports.is_empty() {
                continue;
            }
            let mut header = vec!["Report".to_owned()];
            header.extend(chunk.iter().map(|&s| referential.skills[s].id.clone()));
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let mut align = vec![Alignment::None];
            align.extend(chunk.iter().map(|_| Alignment::Center));
            let rows = (0..file.reports.len()).map(Some).chain([None]);
            md.table(align, &header, rows, |row, report| match report {
                Some(r) => {
                    let report_page = paths::relative(page, &file.report_path(r));
                    row.cell(|c| {
                        c.link(&file.reports[r].title, &report_page, "");
                    });
                    for &skill in chunk.iter() {
                        row.cell(|c| {
                            let cell = file.matrix.cell(skill, r);
                            for (i, evidence) in cell.iter().enumerate() {
                                if i > 0 {
                                    c.text(" ");
                                }
                                match evidence.heading {
                                    Some(h) => {
                                        let report = &file.reports[r];
                                        let section = report.heading_label(h);
                                        let href = format!("{report_page}#{}", report.anchors[h]);
                                        c.link("✓", &href, section.trim());
                                    }
                                    None => {
                                        c.link("●", &report_page, "claimed for the whole report");
                                    }
                                }
                            }
                        });
                    }
                }
                None => {
                    row.cell(|c| {
                        c.emphasis("Reports per skill");
                    });
                    for &skill in chunk.iter() {
                        let count = file.matrix.reports_of(skill).len();
                        let s = &referential.skills[skill];
                        row.cell(|c| {
                            let label = if count == 0 {
                                "0 ⚠".to_owned()
                            } else {
                                count.to_string()
                            };
                            c.link(&label, &format!("#{}", s.anchor()), &s.title);
                        });
                    }
                }
            });
        }
    }

    // One entry per skill.
    md.heading(2, "Skills and their evidence", Some("tf-skills"));
    for block in &referential.blocks {
        md.heading(
            3,
            &format!("{} — {}", block.id, block.title),
            Some(&format!("tf-skills-{}", anchor_part(&block.id))),
        );
        for skill in block.skills.clone() {
            let s = &referential.skills[skill];
            md.heading(4, &format!("{} — {}", s.id, s.title), Some(&s.anchor()));
            let links = evidence_links(file, skill, page);
            if links.is_empty() {
                md.admonition(BlockQuoteKind::Warning, |m| {
                    m.paragraph(|p| {
                        p.strong(&format!("Gap: no report evidences {} yet.", s.id));
                        p.text(" Add ");
                        p.code(&format!("{{{{#skill {}}}}}", s.id));
                        p.text(" to the section of a report that proves it, or list ");
                        p.code(&s.id);
                        p.text(" in a report's front matter ");
                        p.code("skills");
                        p.text(".");
                    });
                });
                continue;
            }
            let reports = file.matrix.reports_of(skill).len();
            md.paragraph(|p| {
                p.text(&format!(
                    "Evidence from {} report{}:",
                    reports,
                    if reports == 1 { "" } else { "s" }
                ));
            });
            md.list(links, |item, link| {
                item.link(&link.label, &link.href, "");
                if let Some(date) = &link.date {
                    item.text(&format!(" ({date})"));
                }
                match &link.excerpt {
                    Some(excerpt) => {
                        item.text(" — ");
                        item.emphasis(&format!("“{excerpt}”"));
                    }
                    None => {
                        item.text(" — claimed for the whole report");
                    }
                }
            });
        }
    }

    // Which expected sections each report has.
    if !referential.sections.is_empty() {
        md.heading(2, "Report checklist", Some("tf-checklist"));
        let titles: Vec<&str> = referential
            .sections
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        md.paragraph(|p| {
            p.text("Each report is expected to have these sections: ");
            p.text(&titles.join(", "));
            p.text(".");
        });
        if file.reports.is_empty() {
            md.paragraph(|p| {
                p.emphasis("No report yet.");
            });
        } else {
            let total = referential.sections.len();
            md.table(
                vec![
                    Alignment::None,
                    Alignment::None,
                    Alignment::Center,
                    Alignment::None,
                    Alignment::Center,
                ],
                &["Report", "Date", "Sections", "Missing", "Skills"],
                0..file.reports.len(),
                |row, r| {
                    let report = &file.reports[r];
                    let missing: Vec<&str> = report
                        .sections
                        .iter()
                        .zip(&referential.sections)
                        .filter(|(found, _)| found.is_none())
                        .map(|(_, section)| section.title.as_str())
                        .collect();
                    let present = total - missing.len();
                    row.cell(|c| {
                        c.link(
                            &report.title,
                            &paths::relative(page, &file.report_path(r)),
                            "",
                        );
                    });
                    row.text_cell(&report.date().map_or("—".to_owned(), |d| d.to_string()));
                    let mark = if missing.is_empty() { "✓" } else { "⚠" };
                    row.text_cell(&format!("{mark} {present} / {total}"));
                    row.text_cell(&if missing.is_empty() {
                        "—".to_owned()
                    } else {
                        missing.join(", ")
                    });
                    row.text_cell(&file.matrix.report_skills[r].len().to_string());
                },
            );
        }
    }
    md.finish(file.config.flavor)
}

/// A block id as part of an HTML id: lower case, `.` and spaces as `-`.
fn anchor_part(id: &str) -> String {
    id.to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}
