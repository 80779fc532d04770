//! Checks of one report at a time, in the order their findings are listed:
//! file name, expected sections, claims, evidence, group projects.

use super::THIN_EVIDENCE_WORDS;
use crate::diagnostic::{Diagnostic, Locate, Said};
use crate::model::file::TechnicalFile;
use crate::model::ids::{ReportId, Texts};
use crate::model::report::Report;
use crate::referential::SkillId;
use crate::syntax::marker::DirectiveKind;
use crate::text::index::IdVec;
use crate::text::source::SourceFile;
use crate::text::{is_kebab_case, kebab_case};
use std::ops::Range;

/// What every check of one report gets.
struct Context<'a> {
    file: &'a TechnicalFile,
    id: ReportId,
    report: &'a Report,
    source: &'a SourceFile,
    /// Where a problem of the report as a whole points: its first heading,
    /// else the start of its body.
    title_span: Range<usize>,
}

/// A check of one report, given the skills evidenced by one report only.
type Check = fn(&Context<'_>, &[(SkillId, ReportId)]) -> Vec<Diagnostic>;

/// The checks of one report, in order.
const CHECKS: [Check; 7] = [
    file_name,
    missing_sections,
    no_skill,
    single_evidence,
    thin_evidence,
    missing_role,
    missing_alt,
];

/// Each report's findings, in book order.
pub fn run(file: &TechnicalFile, texts: &Texts) -> IdVec<ReportId, Vec<Diagnostic>> {
    let single_report_skills: Vec<(SkillId, ReportId)> = file
        .referential
        .skills
        .ids()
        .filter_map(|s| match file.matrix.reports_of(s) {
            [only] => Some((s, *only)),
            _ => None,
        })
        .collect();
    file.reports
        .iter_enumerated()
        .map(|(id, report)| {
            let body = report.front_matter_range.end;
            let context = Context {
                file,
                id,
                report,
                source: &texts[id],
                title_span: report
                    .scan
                    .headings
                    .first()
                    .map_or(body..body, |h| h.range.start..h.range.start),
            };
            CHECKS
                .iter()
                .flat_map(|check| check(&context, &single_report_skills))
                .collect()
        })
        .collect()
}

/// The brief names reports `project-name.md`.
fn file_name(cx: &Context<'_>, _: &[(SkillId, ReportId)]) -> Vec<Diagnostic> {
    let stem = &cx.report.stem;
    if is_kebab_case(stem) {
        return Vec::new();
    }
    vec![
        Diagnostic::warning(
            "report-name",
            cx.report.path.as_str(),
            Said::new("report-name").arg("stem", stem),
        )
        .with_suggestion(Said::new("report-name-help").arg("name", kebab_case(stem))),
    ]
}

fn missing_sections(cx: &Context<'_>, _: &[(SkillId, ReportId)]) -> Vec<Diagnostic> {
    let missing: Vec<&str> = cx
        .report
        .sections
        .iter()
        .zip(&cx.file.referential.sections)
        .filter(|(found, _)| found.is_none())
        .map(|(_, s)| s.title.as_str())
        .collect();
    if missing.is_empty() || cx.source.text.trim().is_empty() {
        return Vec::new();
    }
    vec![
        cx.source
            .warning(
                "missing-sections",
                cx.title_span.clone(),
                Said::new("missing-sections")
                    .arg("count", missing.len())
                    .arg("sections", missing.join(", ")),
            )
            .with_suggestion(Said::new("missing-sections-help").arg("first", missing[0])),
    ]
}

fn no_skill(cx: &Context<'_>, _: &[(SkillId, ReportId)]) -> Vec<Diagnostic> {
    if !cx.file.matrix.report_skills[cx.id].is_empty() {
        return Vec::new();
    }
    vec![
        cx.source
            .warning("no-skill", cx.title_span.clone(), Said::new("no-skill"))
            .with_suggestion(Said::new("no-skill-help")),
    ]
}

/// A skill is more convincing with evidence from two projects.
fn single_evidence(cx: &Context<'_>, single: &[(SkillId, ReportId)]) -> Vec<Diagnostic> {
    single
        .iter()
        .filter(|&&(_, only)| only == cx.id)
        .map(|&(skill, _)| {
            let s = &cx.file.referential.skills[skill];
            let span = cx
                .report
                .claims
                .iter()
                .find(|c| c.skill == skill)
                .map_or(cx.title_span.clone(), |c| c.span.clone());
            cx.source
                .warning(
                    "single-evidence",
                    span,
                    Said::new("single-evidence")
                        .arg("skill", &s.id)
                        .arg("slug", &s.slug),
                )
                .with_suggestion(Said::new("single-evidence-help"))
        })
        .collect()
}

/// Markers in sections too short to prove anything.
fn thin_evidence(cx: &Context<'_>, _: &[(SkillId, ReportId)]) -> Vec<Diagnostic> {
    let report = cx.report;
    report
        .markers
        .iter()
        .filter(|m| m.kind == DirectiveKind::Skill)
        .filter_map(|marker| {
            let heading = report.heading_at(marker.range.start)?;
            let words = report.section_words[heading];
            (words < THIN_EVIDENCE_WORDS).then(|| {
                cx.source
                    .warning(
                        "thin-evidence",
                        marker.range.clone(),
                        Said::new("thin-evidence").arg("words", words),
                    )
                    .with_suggestion(
                        Said::new("thin-evidence-help").arg("minimum", THIN_EVIDENCE_WORDS),
                    )
            })
        })
        .collect()
}

/// A group project should say what the student did.
fn missing_role(cx: &Context<'_>, _: &[(SkillId, ReportId)]) -> Vec<Diagnostic> {
    let fm = &cx.report.front_matter;
    if fm.team.is_empty() || fm.role.is_some() {
        return Vec::new();
    }
    vec![
        cx.source
            .warning("missing-role", 0..0, Said::new("missing-role"))
            .with_suggestion(Said::new("missing-role-help")),
    ]
}

/// An image without alternative text says nothing to a reader who cannot
/// see it (and mdBook's zoom checkbox around it is left without a label).
fn missing_alt(cx: &Context<'_>, _: &[(SkillId, ReportId)]) -> Vec<Diagnostic> {
    cx.report
        .scan
        .links
        .iter()
        .filter(|link| link.is_image && link.html.is_none())
        .filter(|link| {
            let written = &cx.source.text[link.range.clone()];
            written
                .strip_prefix("![")
                .is_some_and(|rest| rest.trim_start().starts_with(']'))
        })
        .map(|link| {
            cx.source
                .warning(
                    "missing-alt",
                    link.range.clone(),
                    Said::new("missing-alt").arg("image", &link.dest),
                )
                .with_suggestion(Said::new("missing-alt-help"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::referential::Referential;
    use crate::syntax::markdown::Flavor;

    fn warnings_of(body: &str) -> Vec<Diagnostic> {
        let text =
            format!("+++\ntitle = \"Images\"\ndate = 2026-01-02\n+++\n\n# Images\n\n{body}\n");
        let source = SourceFile::new("reports/images.md", text);
        let referential = Referential::embedded();
        let report = Report::parse(
            &source,
            "images",
            false,
            None,
            &referential,
            Flavor::default(),
        );
        let (file, texts) = TechnicalFile::assemble(
            Config::default(),
            referential,
            vec![(report, source)],
            Vec::new(),
        );
        run(&file, &texts)
            .into_iter()
            .flatten()
            .filter(|d| d.code == "missing-alt")
            .collect()
    }

    #[test]
    fn images_without_alternative_text_are_found_with_their_line() {
        let found = warnings_of(
            "![](img/a.png)\n\n![ ](img/b.png \"title\")\n\n![The network](img/c.png)\n\n<img src=\"img/d.png\" alt=\"D\">\n\n`![](img/code.png)`",
        );
        let where_: Vec<String> = found.iter().map(|d| d.location()).collect();
        assert_eq!(where_, ["reports/images.md:8:1", "reports/images.md:10:1"]);
        assert!(
            found[0].message.contains("img/a.png"),
            "{}",
            found[0].message
        );
    }
}
