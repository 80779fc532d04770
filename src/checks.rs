//! Checks that need the whole technical file: expected sections, skills
//! without evidence or with thin evidence, coverage thresholds, the page
//! budget of the hand-written chapters, report file names.

use crate::diagnostic::Diagnostic;
use crate::marker::DirectiveKind;
use crate::model::TechnicalFile;

/// Words below which a section is too thin to evidence a skill.
pub const THIN_EVIDENCE_WORDS: usize = 40;

/// A hand-written chapter's size, for the page estimate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChapterSize {
    pub path: String,
    pub words: usize,
    pub code_lines: usize,
}

/// Estimated A4 pages of the hand-written chapters. mdBook's print page
/// starts every chapter on a new page, so each chapter counts whole pages
/// (a chapter of a page and a half takes two): on the example book this
/// matches the real count of `pdf`.
pub fn estimate_pages(file: &TechnicalFile, chapters: &[ChapterSize]) -> f64 {
    chapters
        .iter()
        .map(|c| {
            let pages = c.words as f64 / file.config.words_per_page
                + c.code_lines as f64 / file.config.code_lines_per_page;
            // The estimate is not precise to a line: a chapter a few words
            // over a page boundary counts as fitting.
            (pages - 0.02).ceil().max(1.0)
        })
        // Not `sum()`: it starts at -0.0, shown as "~-0.0 pages".
        .fold(0.0, |total, pages| total + pages)
}

/// Runs the checks, adding diagnostics to reports and to the book.
pub fn run(file: &mut TechnicalFile, chapters: &[ChapterSize], source_dir: &str) {
    let referential = file.referential.clone();
    let single_report_skills: Vec<(usize, usize)> = (0..referential.skills.len())
        .filter_map(|s| match file.matrix.reports_of(s) {
            [only] => Some((s, *only)),
            _ => None,
        })
        .collect();
    for (index, report) in file.reports.iter_mut().enumerate() {
        let mut found = Vec::new();
        let title_span = report.scan.headings.first().map_or(
            report.front_matter_range.end..report.front_matter_range.end,
            |h| h.range.start..h.range.start,
        );

        if !is_kebab_case(&report.stem) {
            found.push(
                Diagnostic::warning(
                    "report-name",
                    report.source.path.as_str(),
                    format!("report file names should be lower-case words joined by `-`, like the brief's `project-name.md`; `{}.md` is not", report.stem),
                )
                .with_suggestion(format!("rename it `{}.md`", kebab_case(&report.stem))),
            );
        }

        let missing: Vec<&str> = report
            .sections
            .iter()
            .zip(&referential.sections)
            .filter(|(found, _)| found.is_none())
            .map(|(_, s)| s.title.as_str())
            .collect();
        if !missing.is_empty() && !report.source.text.trim().is_empty() {
            found.push(
                report
                    .source
                    .warning(
                        "missing-sections",
                        title_span.clone(),
                        format!(
                            "missing expected section{}: {}",
                            if missing.len() == 1 { "" } else { "s" },
                            missing.join(", ")
                        ),
                    )
                    .with_suggestion(format!("add a heading for each, e.g. `## {}`", missing[0])),
            );
        }

        if file.matrix.report_skills[index].is_empty() {
            found.push(
                report
                    .source
                    .warning(
                        "no-skill",
                        title_span.clone(),
                        "this report claims no skill",
                    )
                    .with_suggestion(
                        "add `{{#skill ID}}` at the end of the paragraph that proves a skill",
                    ),
            );
        }

        for &(skill, only) in &single_report_skills {
            if only == index {
                let s = &referential.skills[skill];
                let span = report
                    .claims
                    .iter()
                    .find(|c| c.skill == skill)
                    .map_or(title_span.clone(), |c| c.span.clone());
                found.push(
                    report
                        .source
                        .warning(
                            "single-evidence",
                            span,
                            format!("{} ({}) is evidenced by this report only", s.id, s.slug),
                        )
                        .with_suggestion(
                            "a skill is more convincing with evidence from two projects",
                        ),
                );
            }
        }

        for marker in report
            .markers
            .iter()
            .filter(|m| m.kind == DirectiveKind::Skill)
        {
            let Some(heading) = report.heading_at(marker.range.start) else {
                continue;
            };
            let words = report.section_words[heading];
            if words < THIN_EVIDENCE_WORDS {
                found.push(
                    report
                        .source
                        .warning(
                            "thin-evidence",
                            marker.range.clone(),
                            format!("this marker sits in a section of {words} words, too thin to evidence a skill"),
                        )
                        .with_suggestion(format!(
                            "describe what you did and why in at least {THIN_EVIDENCE_WORDS} words"
                        )),
                );
            }
        }

        if !report.front_matter.team.is_empty() && report.front_matter.role.is_none() {
            found.push(
                report
                    .source
                    .warning(
                        "missing-role",
                        0..0,
                        "a group project (with a `team`) should say what you did",
                    )
                    .with_suggestion("add `role = \"...\"` to the front matter"),
            );
        }
        report.diagnostics.extend(found);
    }

    // Coverage thresholds.
    let summary = file.matrix.summary(&referential);
    if let Some(min) = file.config.min_coverage
        && summary.ratio() + 1e-9 < min
    {
        file.book_diagnostics.push(
            Diagnostic::error(
                "coverage",
                "book.toml",
                format!(
                    "coverage is {}/{} ({:.0} %), below `min-coverage = {min}`",
                    summary.covered,
                    summary.total,
                    summary.ratio() * 100.0
                ),
            )
            .with_suggestion(gap_hint(file)),
        );
    }
    for block in &summary.blocks {
        let min = file
            .config
            .min_block_coverage
            .get(&block.id)
            .or_else(|| file.config.min_block_coverage.get("*"));
        if let Some(&min) = min
            && block.ratio() + 1e-9 < min
        {
            file.book_diagnostics.push(Diagnostic::error(
                "coverage",
                "book.toml",
                format!(
                    "block {} coverage is {}/{} ({:.0} %), below the minimum {min}",
                    block.id,
                    block.covered,
                    block.total,
                    block.ratio() * 100.0
                ),
            ));
        }
    }

    // Page budget of the hand-written technical file.
    if let Some((min, max)) = file.config.pages {
        let pages = estimate_pages(file, chapters);
        let words: usize = chapters.iter().map(|c| c.words).sum();
        let outside = if pages < min {
            Some(format!(
                "~{pages:.1} pages ({words} words), below the {min}–{max} pages asked for"
            ))
        } else if pages > max {
            Some(format!(
                "~{pages:.1} pages ({words} words), above the {min}–{max} pages asked for"
            ))
        } else {
            None
        };
        if let Some(message) = outside {
            file.book_diagnostics.push(
                Diagnostic::warning(
                    "page-budget",
                    source_dir,
                    format!("the hand-written technical file is {message}"),
                )
                .with_suggestion(format!(
                    "about {} words and {} code lines fill an A4 page; `pdf` counts real pages",
                    file.config.words_per_page, file.config.code_lines_per_page
                )),
            );
        }
    }
}

/// Names of the gaps, for a suggestion.
fn gap_hint(file: &TechnicalFile) -> String {
    let gaps: Vec<String> = file
        .matrix
        .gaps()
        .into_iter()
        .map(|s| file.referential.skills[s].id.clone())
        .collect();
    format!("evidence the gaps: {}", gaps.join(", "))
}

fn is_kebab_case(name: &str) -> bool {
    !name.is_empty()
        && name.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// `My Report_v2` → `my-report-v2`.
pub fn kebab_case(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// A Latin letter without its accent (French first), for file names.
fn fold_accent(c: char) -> Vec<char> {
    let folded = match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => "i",
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
        'ç' | 'Ç' => "c",
        'ñ' | 'Ñ' => "n",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        _ => return vec![c],
    };
    folded.chars().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_book_without_chapters_is_zero_pages_not_minus_zero() {
        let file = TechnicalFile::assemble(
            crate::config::Config::default(),
            crate::referential::Referential::embedded(),
            Vec::new(),
            &std::collections::HashSet::new(),
            Vec::new(),
        );
        let pages = estimate_pages(&file, &[]);
        assert_eq!(format!("{pages:.1}"), "0.0");
    }

    #[test]
    fn names() {
        assert!(is_kebab_case("gitlab-ci-2"));
        assert!(!is_kebab_case("My Report"));
        assert_eq!(kebab_case("My Report_v2"), "my-report-v2");
        assert_eq!(kebab_case("Déploiement Œuvre"), "deploiement-oeuvre");
    }
}
