//! The cohort as data: `cohort.csv` (one row per student, for a
//! spreadsheet) and `cohort.json` (every figure of the dashboard). The
//! column and field names are fixed; the reasons are in the dashboard's
//! language, for the school that reads them.

use crate::cohort::model::{Cohort, Student};
use crate::render::published::SCHEMA;
use serde_json::{Value, json};

/// A spreadsheet runs a cell starting with `=`, `+`, `-`, `@` (or a tab or
/// carriage return) as a formula: such text a student wrote gets a `'`.
fn inert(field: &str) -> String {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_owned()
    }
}

pub fn csv(cohort: &Cohort) -> String {
    let referential = &cohort.referential;
    let mut header: Vec<String> = [
        "student",
        "status",
        "reason",
        "title",
        "site",
        "skills",
        "gaps",
        "reports",
        "group_reports",
        "last_report",
        "page_estimate",
        "errors",
        "warnings",
        "attention",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    header.extend(referential.skills.iter().map(|s| s.id.clone()));
    let mut out = String::new();
    crate::render::export::row(
        &mut out,
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for student in &cohort.students {
        let fields = csv_fields(cohort, student);
        let fields: Vec<String> = fields.iter().map(|f| inert(f)).collect();
        crate::render::export::row(
            &mut out,
            &fields.iter().map(String::as_str).collect::<Vec<_>>(),
        );
    }
    out
}

fn csv_fields(cohort: &Cohort, student: &Student) -> Vec<String> {
    let attention = cohort.attention(student).join("; ");
    let skills = cohort.referential.skills.len();
    match &student.data {
        Ok(loaded) => {
            let document = &loaded.document;
            let mut fields = vec![
                student.name.clone(),
                "ok".to_owned(),
                String::new(),
                document.title.clone(),
                loaded.base.clone().unwrap_or_default(),
                loaded.covered.to_string(),
                cohort.referential.skill_ids(&loaded.gaps).join(" "),
                document.reports.len().to_string(),
                loaded.group_reports().to_string(),
                loaded
                    .last_report
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                format!("{:.1}", document.page_estimate),
                document.checks.errors.to_string(),
                document.checks.warnings.to_string(),
                attention,
            ];
            fields.extend(loaded.reports.iter().map(|n| n.to_string()));
            fields
        }
        Err(problem) => {
            let mut fields = vec![
                student.name.clone(),
                "failed".to_owned(),
                problem.reason(cohort.words()),
                String::new(),
                student.source.clone(),
            ];
            fields.extend((0..8).map(|_| String::new()));
            fields.push(attention);
            fields.extend((0..skills).map(|_| String::new()));
            fields
        }
    }
}

pub fn json(cohort: &Cohort) -> Value {
    let referential = &cohort.referential;
    let skills: Vec<Value> = referential
        .skills
        .iter_enumerated()
        .map(|(id, skill)| {
            json!({
                "id": skill.id,
                "block": referential.blocks[skill.block].id,
                "students": cohort.skill_students[id],
                "share": cohort.skill_share(id),
            })
        })
        .collect();
    let blocks: Vec<Value> = referential
        .blocks
        .iter_enumerated()
        .map(|(id, block)| json!({ "id": block.id, "share": cohort.block_share[id] }))
        .collect();
    let students: Vec<Value> = cohort
        .students
        .iter()
        .map(|s| student_json(cohort, s))
        .collect();
    let progression: Vec<Value> = cohort
        .progression
        .iter()
        .map(|m| {
            let means: serde_json::Map<String, Value> = referential
                .blocks
                .iter_enumerated()
                .map(|(b, block)| (block.id.clone(), json!(m.mean[b])))
                .collect();
            json!({ "month": format!("{:04}-{:02}", m.start.year, m.start.month), "mean": means })
        })
        .collect();
    json!({
        "schema": SCHEMA,
        "name": cohort.name,
        "date": cohort.today.to_string(),
        "referential": referential.title,
        "students_with_data": cohort.with_data(),
        "skills": skills,
        "blocks": blocks,
        "students": students,
        "progression": progression,
    })
}

fn student_json(cohort: &Cohort, student: &Student) -> Value {
    let attention = cohort.attention(student);
    match &student.data {
        Ok(loaded) => {
            let document = &loaded.document;
            let skills: serde_json::Map<String, Value> = cohort
                .referential
                .skills
                .iter_enumerated()
                .map(|(id, skill)| (skill.id.clone(), json!(loaded.reports[id])))
                .collect();
            json!({
                "name": student.name,
                "source": student.source,
                "status": "ok",
                "title": document.title,
                "site": loaded.base,
                "covered": loaded.covered,
                "gaps": cohort.referential.skill_ids(&loaded.gaps),
                "reports": document.reports.len(),
                "group_reports": loaded.group_reports(),
                "last_report": loaded.last_report.map(|d| d.to_string()),
                "page_estimate": document.page_estimate,
                "errors": document.checks.errors,
                "warnings": document.checks.warnings,
                "skills": skills,
                "attention": attention,
            })
        }
        Err(problem) => json!({
            "name": student.name,
            "source": student.source,
            "status": "failed",
            "reason": problem.reason(cohort.words()),
            "attention": attention,
        }),
    }
}
