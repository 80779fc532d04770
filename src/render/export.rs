//! The coverage as data: JSON and CSV for tools, a terminal table for
//! people.

use crate::model::file::TechnicalFile;
use serde_json::{Value, json};

/// The coverage as JSON (see the README for the schema).
pub fn json(file: &TechnicalFile) -> Value {
    let referential = &file.referential;
    let summary = file.matrix.summary(referential);
    let skills: Vec<Value> = referential
        .skills
        .iter_enumerated()
        .map(|(index, skill)| {
            let evidence: Vec<Value> = file.matrix.evidence[index]
                .iter()
                .map(|e| {
                    let report = &file.reports[e.report];
                    json!({
                        "report": report.stem,
                        "anchor": e.heading.map(|h| report.anchors[h].clone()),
                        "section": e.heading.map(|h| report.heading_label(h)),
                        "line": e.line,
                    })
                })
                .collect();
            let reports = file.matrix.reports_of(index).len();
            json!({
                "id": skill.id,
                "slug": skill.slug,
                "title": skill.title,
                "block": referential.blocks[skill.block].id,
                "covered": !evidence.is_empty(),
                "state": if evidence.is_empty() { "gap" } else { "evidenced" },
                "reports": reports,
                "anchor": skill.anchor(),
                "evidence": evidence,
            })
        })
        .collect();
    let reports: Vec<Value> = file
        .reports
        .iter_enumerated()
        .map(|(index, report)| {
            let missing: Vec<&str> = report
                .sections
                .iter()
                .zip(&referential.sections)
                .filter(|(found, _)| found.is_none())
                .map(|(_, s)| s.id.as_str())
                .collect();
            let claimed = referential.skill_ids(&file.matrix.report_skills[index]);
            // Where the report's words go, section by section (its title
            // heading and any text before the first section apart).
            let sections: Vec<Value> = report
                .scan
                .headings
                .iter_enumerated()
                .filter(|&(h, heading)| Some(h) != report.title_heading && heading.top_level)
                .map(|(h, heading)| {
                    json!({
                        "section": report.heading_label(h),
                        "anchor": report.anchors[h],
                        "level": heading.level,
                        "words": report.section_words[h],
                        "pages": (report.section_words[h] as f64 / file.config.words_per_page * 10.0).round() / 10.0,
                    })
                })
                .collect();
            json!({
                "slug": report.stem,
                "title": report.title,
                "path": report.path,
                "page": crate::text::paths::html_page(file.report_path(index)),
                "date": report.date().map(|d| d.to_string()),
                "team": report.front_matter.team.iter().map(|t| t.value.clone()).collect::<Vec<_>>(),
                "role": report.front_matter.role.as_ref().map(|r| r.value.clone()),
                "kind": if report.front_matter.team.is_empty() { "individual" } else { "group" },
                "skills": claimed,
                "missing_sections": missing,
                "sections": sections,
            })
        })
        .collect();
    json!({
        "summary": {
            "covered": summary.covered,
            "total": summary.total,
            "reports": file.reports.len(),
            "drafts": file.drafts,
            "gaps": file.matrix.gaps().iter().map(|&s| referential.skills[s].id.clone()).collect::<Vec<_>>(),
            "blocks": summary.blocks.iter().map(|b| json!({
                "id": b.id,
                "covered": b.covered,
                "total": b.total,
            })).collect::<Vec<_>>(),
        },
        "skills": skills,
        "reports": reports,
    })
}

/// One CSV row per (skill, evidence); a skill without evidence has one
/// row with empty evidence columns.
pub fn csv(file: &TechnicalFile) -> String {
    let referential = &file.referential;
    let mut out =
        String::from("skill,slug,block,skill_title,report,report_title,section,anchor,line\n");
    for (index, skill) in referential.skills.iter_enumerated() {
        let block = &referential.blocks[skill.block].id;
        let evidence = &file.matrix.evidence[index];
        if evidence.is_empty() {
            row(
                &mut out,
                &[
                    &skill.id,
                    &skill.slug,
                    block,
                    &skill.title,
                    "",
                    "",
                    "",
                    "",
                    "",
                ],
            );
        }
        for e in evidence {
            let report = &file.reports[e.report];
            let (section, anchor) = match e.heading {
                Some(h) => (
                    report.heading_label(h).to_owned(),
                    report.anchors[h].clone(),
                ),
                None => (String::new(), String::new()),
            };
            row(
                &mut out,
                &[
                    &skill.id,
                    &skill.slug,
                    block,
                    &skill.title,
                    &report.stem,
                    &report.title,
                    &section,
                    &anchor,
                    &e.line.to_string(),
                ],
            );
        }
    }
    out
}

/// One CSV row, fields quoted when they need it.
pub(crate) fn row(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}

/// A terminal table: one line per skill, gaps marked (and in colour when
/// `color` is set).
pub fn table(file: &TechnicalFile, color: bool) -> String {
    let referential = &file.referential;
    let summary = file.matrix.summary(referential);
    let (red, bold, reset) = if color {
        ("\x1b[31m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let mut out = String::new();
    let id_width = referential
        .skills
        .iter()
        .map(|s| s.id.chars().count())
        .max()
        .unwrap_or(2)
        .max(5);
    for (block, figures) in referential.blocks.iter().zip(&summary.blocks) {
        out.push_str(&format!(
            "{bold}{} {} — {}/{}{reset}\n",
            block.id, block.title, figures.covered, figures.total
        ));
        for index in block.skills() {
            let skill = &referential.skills[index];
            let reports = file.matrix.reports_of(index);
            let status = if reports.is_empty() {
                format!("{red}GAP{reset}")
            } else {
                format!("{:>3}", reports.len())
            };
            let names: Vec<&str> = reports
                .iter()
                .map(|&r| file.reports[r].stem.as_str())
                .collect();
            out.push_str(&format!(
                "  {:<id_width$}  {status}  {}{}\n",
                skill.id,
                truncate(&skill.title, 60),
                if names.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", names.join(", "))
                }
            ));
        }
    }
    let gaps = referential.skill_ids(&file.matrix.gaps());
    out.push_str(&format!(
        "{bold}{}/{} skills evidenced by {} reports{}{reset}\n",
        summary.covered,
        summary.total,
        file.reports.len(),
        if gaps.is_empty() {
            String::new()
        } else {
            format!("; gaps: {red}{}{reset}", gaps.join(", "))
        }
    ));
    out
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}
