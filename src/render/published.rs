//! The coverage as a published document: what `coverage --format json`
//! prints and the Pages workflow publishes as `coverage.json` beside the
//! book, so that a cohort dashboard (`cohort`) can read every student's
//! file without building it. A stable format: `docs/coverage.schema.json`
//! describes it; [`SCHEMA`] changes when a field changes meaning or goes
//! away (a field may be added within a version).

use crate::config::JURY_GRID_PATH;
use crate::model::checks::PageEstimate;
use crate::model::file::TechnicalFile;
use crate::render::export;
use crate::text::paths::html_page;
use serde_json::{Value, json};

/// The version of the document's format.
pub const SCHEMA: u64 = 1;

/// What the document tells beyond the technical file: the book's title and
/// what `check` found, known to the front end that analysed the book.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub title: &'a str,
    /// Estimated A4 pages of the hand-written chapters.
    pub page_estimate: &'a PageEstimate,
    pub errors: usize,
    pub warnings: usize,
}

/// `export::json` with who, what and where: the student, the book, its
/// address, the referential, the page estimate, the checks' counts and
/// the pages a dashboard links to.
pub fn document(file: &TechnicalFile, facts: &Facts) -> Value {
    let config = &file.config;
    let mut document = export::json(file);
    let extra = json!({
        "schema": SCHEMA,
        "tool": { "name": env!("CARGO_PKG_NAME"), "version": env!("CARGO_PKG_VERSION") },
        "student": (!config.authors.is_empty()).then(|| config.authors.join(", ")),
        "title": facts.title,
        "site": config.published_url(),
        "referential": {
            "title": file.referential.source_title,
            "skills": file.referential.skills.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        },
        "page_estimate": tenths(facts.page_estimate.total),
        "chapters": facts.page_estimate.chapters.iter().map(|c| json!({
            "path": c.path,
            "words": c.words,
            "code_lines": c.code_lines,
            "pages": tenths(c.pages),
            "printed_pages": c.printed,
        })).collect::<Vec<_>>(),
        "page_budget": config.pages.map(|(min, max)| json!({ "min": min, "max": max })),
        "checks": { "errors": facts.errors, "warnings": facts.warnings },
        "links": {
            "appendix": html_page(&config.appendix),
            "jury_grid": config.jury_grid.then(|| html_page(JURY_GRID_PATH)),
        },
    });
    if let (Value::Object(document), Value::Object(extra)) = (&mut document, extra) {
        document.extend(extra);
    }
    document
}

/// A page count to a tenth, as the summary line shows it.
fn tenths(pages: f64) -> f64 {
    (pages * 10.0).round() / 10.0
}
