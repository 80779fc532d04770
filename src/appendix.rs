//! The generated "Skill coverage" appendix: figures per block, the matrix
//! of skills × reports, one entry per skill with its evidence, and the
//! checklist of expected report sections.

use crate::diagnostic::{Diagnostic, Severity};
use crate::html::Html;
use crate::md::Markdown;
use crate::model::TechnicalFile;
use crate::page::{EvidenceLink, evidence_links};
use crate::paths;
use mdbook_markdown::pulldown_cmark::{Alignment, BlockQuoteKind};

/// Skills per matrix table: a block with more is split, so a table stays
/// readable on a laptop screen and on A4.
const SKILLS_PER_TABLE: usize = 10;

/// Beyond this many reports a row per report is no longer readable: the
/// matrix shows counts per skill instead (each skill's entry still lists
/// every piece of evidence, and `coverage --format csv` has every cell).
pub const MATRIX_MAX_REPORTS: usize = 60;

/// The appendix page's Markdown. `problems` are book-level problems to show
/// at the top (errors always, warnings when previewing).
pub fn render(file: &TechnicalFile, problems: &[&Diagnostic]) -> String {
    // Independent parts, rendered on every core and joined in order.
    let blocks = file.referential.blocks.len();
    let mut parts = vec![Part::Head];
    parts.extend((0..blocks).map(Part::Matrix));
    parts.extend((0..blocks).map(Part::Skills));
    parts.push(Part::Checklist);
    let rendered = crate::parallel::map(&parts, |part| {
        let mut md = Markdown::new();
        match *part {
            Part::Head => head(file, problems, &mut md),
            Part::Matrix(block) => matrix(file, block, &mut md),
            Part::Skills(block) => skills(file, block, &mut md),
            Part::Checklist => checklist(file, &mut md),
        }
        md.finish(file.config.flavor)
    });
    let mut out = String::with_capacity(rendered.iter().map(|r| r.len() + 2).sum());
    for part in rendered.iter().filter(|r| !r.trim().is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(part.trim_end());
    }
    out
}

/// A part of the appendix that can be rendered on its own.
#[derive(Debug, Clone, Copy)]
enum Part {
    /// Title, problems, headline figures and the table of blocks.
    Head,
    /// The matrix of one block (the first also opens the section).
    Matrix(usize),
    /// The skill entries of one block (likewise).
    Skills(usize),
    Checklist,
}

fn head(file: &TechnicalFile, problems: &[&Diagnostic], md: &mut Markdown) {
    let referential = &file.referential;
    let summary = file.matrix.summary(referential);
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

    md.html_block(open_div("tf-blocks"));
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
    md.html_block("</div>".to_owned());
}

fn matrix(file: &TechnicalFile, block_index: usize, md: &mut Markdown) {
    let referential = &file.referential;
    let page = file.config.appendix.as_str();
    if block_index == 0 {
        // The matrix, one table per block (or per slice of a large block).
        md.heading(2, "Matrix", Some("tf-matrix"));
        if file.reports.len() > MATRIX_MAX_REPORTS {
            md.paragraph(|p| {
                p.text(&format!(
                    "With {} reports, a row per report would not be readable: each block's table counts, per skill, the reports and sections that evidence it. Each skill's entry below lists its evidence, and ",
                    file.reports.len()
                ));
                p.code("mdbook-technical-file coverage --format csv");
                p.text(" gives every cell. ");
                p.strong("0 ⚠");
                p.text(" is a gap.");
            });
        } else {
            md.paragraph(|p| {
            p.text("Rows are reports in book order, columns are skills. ");
            p.strong("✓");
            p.text(" links to a section that evidences the skill, ");
            p.strong("●");
            p.text(" marks a claim for the whole report, and an empty cell means no evidence. The last row counts the reports per skill; ");
            p.strong("0 ⚠");
            p.text(" is a gap.");
        });
        }
        if file.reports.is_empty() {
            md.paragraph(|p| {
                p.emphasis("No report yet: add Markdown files to the reports folder.");
            });
        }
    }
    let block = &referential.blocks[block_index];
    if file.reports.len() > MATRIX_MAX_REPORTS {
        compact_matrix(file, block_index, md);
        return;
    }
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
        let mut align = vec![Alignment::None];
        align.extend(chunk.iter().map(|_| Alignment::Center));
        let rows = (0..file.reports.len()).map(Some).chain([None]);
        // Column headers link to the skill's entry, with its wording.
        let header = |head: &mut crate::md::TableRow<'_>| {
            head.text_cell("Report");
            for &skill in chunk.iter() {
                let s = &referential.skills[skill];
                head.cell(|c| {
                    c.link(&s.id, &format!("#{}", s.anchor()), &s.title);
                });
            }
        };
        md.html_block(open_div("tf-matrix"));
        md.table_with_header(align, header, rows, |row, report| match report {
            Some(r) => {
                let report_page = paths::relative(page, file.report_path(r));
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
                            // Raw links (escaped by `Html`) so screen
                            // readers get a label, not "check mark".
                            let report = &file.reports[r];
                            let s = &referential.skills[skill];
                            let page_html = paths::html_page(&report_page);
                            let mut html = Html::new();
                            match evidence.heading {
                                Some(h) => {
                                    let section = report.heading_label(h);
                                    let href = format!("{page_html}#{}", report.anchors[h]);
                                    let label = format!(
                                        "{} evidenced in {} › {section}",
                                        s.id, report.title
                                    );
                                    html.open(
                                        "a",
                                        &[
                                            ("href", &href),
                                            ("title", section),
                                            ("aria-label", &label),
                                        ],
                                    );
                                    html.inline_text("✓").close("a");
                                }
                                None => {
                                    let label = format!(
                                        "{} claimed by the whole report {}",
                                        s.id, report.title
                                    );
                                    html.open(
                                        "a",
                                        &[
                                            ("href", &page_html),
                                            ("title", "claimed for the whole report"),
                                            ("aria-label", &label),
                                        ],
                                    );
                                    html.inline_text("●").close("a");
                                }
                            }
                            c.inline_html(html.finish());
                        }
                    });
                }
            }
            None => {
                row.cell(|c| {
                    // Plain text: emphasis in a large block makes the
                    // serializer re-parse it to check its delimiters.
                    c.text("Reports per skill");
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
        md.html_block("</div>".to_owned());
    }
}

/// The matrix of a block for a large book: one row per skill.
fn compact_matrix(file: &TechnicalFile, block_index: usize, md: &mut Markdown) {
    let referential = &file.referential;
    let block = &referential.blocks[block_index];
    md.heading(
        3,
        &format!("{} — {}", block.id, block.title),
        Some(&format!("tf-matrix-{}", anchor_part(&block.id))),
    );
    md.html_block(open_div("tf-matrix"));
    md.table(
        vec![
            Alignment::None,
            Alignment::None,
            Alignment::Center,
            Alignment::Center,
        ],
        &["Skill", "Wording", "Reports", "Sections"],
        block.skills.clone(),
        |row, skill| {
            let s = &referential.skills[skill];
            let reports = file.matrix.reports_of(skill).len();
            row.cell(|c| {
                c.link(&s.id, &format!("#{}", s.anchor()), &s.title);
            });
            row.text_cell(&s.title);
            row.text_cell(&if reports == 0 {
                "0 ⚠".to_owned()
            } else {
                reports.to_string()
            });
            row.text_cell(&file.matrix.evidence[skill].len().to_string());
        },
    );
    md.html_block("</div>".to_owned());
}

fn skills(file: &TechnicalFile, block_index: usize, md: &mut Markdown) {
    let referential = &file.referential;
    let page = file.config.appendix.as_str();
    if block_index == 0 {
        // One entry per skill.
        md.heading(2, "Skills and their evidence", Some("tf-skills"));
    }
    let block = &referential.blocks[block_index];
    md.heading(
        3,
        &format!("{} — {}", block.id, block.title),
        Some(&format!("tf-skills-{}", anchor_part(&block.id))),
    );
    for skill in block.skills.clone() {
        let s = &referential.skills[skill];
        md.heading(4, &format!("{} — {}", s.id, s.title), Some(&s.anchor()));
        // Excerpts help with a few reports; with hundreds they bury the links.
        let excerpts = file.reports.len() <= MATRIX_MAX_REPORTS;
        let links = evidence_links(file, skill, page, excerpts);
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
        md.html_block(evidence_list(&links));
    }
}

/// A skill's evidence as one HTML list block (`<ul class="tf-evidence">`):
/// a link per piece of evidence, its report's date, then "claimed for the
/// whole report" or the excerpt, if any. Raw HTML, escaped by
/// `Html`, because serializing a Markdown list of thousands of items was
/// the largest cost of a big book's appendix.
fn evidence_list(links: &[EvidenceLink]) -> String {
    let mut html = Html::new();
    html.open("ul", &[("class", "tf-evidence")]).newline();
    for link in links {
        html.open("li", &[])
            .element("a", &[("href", &link.href)], &link.label);
        if let Some(date) = &link.date {
            html.text(&format!(" ({date})"));
        }
        if link.whole_report {
            html.text(" — claimed for the whole report");
        } else if let Some(excerpt) = &link.excerpt {
            html.text(&format!(" — “{excerpt}”"));
        }
        html.close("li").newline();
    }
    html.close("ul");
    html.finish()
}

fn checklist(file: &TechnicalFile, md: &mut Markdown) {
    let referential = &file.referential;
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
            md.html_block(checklist_table(file));
        }
    }
}

/// `<div class="...">` around a generated table, a hook for the stylesheet.
fn open_div(class: &'static str) -> String {
    let mut html = Html::new();
    html.open("div", &[("class", class)]);
    html.finish()
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

/// The checklist's table, a row per report, as one HTML block: a Markdown
/// table of thousands of rows costs a serializer pass (and its buffers)
/// for nothing. Written as mdBook writes a Markdown table (in a
/// `table-wrapper`, centred cells), so it looks and prints the same.
fn checklist_table(file: &TechnicalFile) -> String {
    const CENTER: (&str, &str) = ("style", "text-align: center");
    let referential = &file.referential;
    let page = file.config.appendix.as_str();
    let total = referential.sections.len();
    let mut html = Html::new();
    html.open("div", &[("class", "tf-checklist")])
        .open("div", &[("class", "table-wrapper")])
        .newline()
        .open("table", &[])
        .open("thead", &[])
        .open("tr", &[])
        .element("th", &[], "Report")
        .element("th", &[], "Date")
        .element("th", &[CENTER], "Sections")
        .element("th", &[], "Missing")
        .element("th", &[CENTER], "Skills")
        .close("tr")
        .close("thead")
        .newline()
        .open("tbody", &[])
        .newline();
    for (r, report) in file.reports.iter().enumerate() {
        let missing: Vec<&str> = report
            .sections
            .iter()
            .zip(&referential.sections)
            .filter(|(found, _)| found.is_none())
            .map(|(_, section)| section.title.as_str())
            .collect();
        let present = total - missing.len();
        let href = paths::html_page(&paths::relative(page, file.report_path(r)));
        html.open("tr", &[])
            .open("td", &[])
            .element("a", &[("href", &href)], &report.title)
            .close("td")
            .open("td", &[]);
        match report.date() {
            Some(date) => {
                let day = date.to_string();
                html.element("time", &[("datetime", &day)], &day);
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
