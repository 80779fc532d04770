//! The generated "Skill coverage" appendix: figures per block (`head`), the
//! progression over time (`progression`), the matrix of skills × reports (`matrix`), one entry per skill with its
//! evidence (`skills`), and the checklist of expected report sections
//! (`checklist`). The parts are independent and rendered on every core.

mod checklist;
mod head;
mod matrix;
pub(crate) mod progression;
mod skills;

use crate::diagnostic::Diagnostic;
use crate::model::file::TechnicalFile;
use crate::model::ids::Texts;
use crate::referential::BlockId;
use crate::render::md::Markdown;
use crate::text::html::Html;

/// Beyond this many reports a row per report is no longer readable: the
/// matrix shows counts per skill instead (each skill's entry still lists
/// every piece of evidence, and `coverage --format csv` has every cell).
pub const MATRIX_MAX_REPORTS: usize = 60;

/// The appendix page's Markdown. `problems` are book-level problems to show
/// at the top (errors always, warnings when previewing); `texts` are the
/// reports' texts, for the excerpts of evidence.
pub fn render(file: &TechnicalFile, texts: &Texts, problems: &[&Diagnostic]) -> String {
    let mut parts = vec![Part::Head, Part::Progression];
    parts.extend(file.referential.blocks.ids().map(Part::Matrix));
    parts.extend(file.referential.blocks.ids().map(Part::Skills));
    parts.push(Part::Checklist);
    let rendered = crate::text::parallel::map(&parts, |part| {
        let mut md = Markdown::new();
        match *part {
            Part::Head => head::render(file, problems, &mut md),
            Part::Progression => progression::render(file, &mut md),
            Part::Matrix(block) => matrix::render(file, block, &mut md),
            Part::Skills(block) => skills::render(file, texts, block, &mut md),
            Part::Checklist => checklist::render(file, &mut md),
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
    /// Skills evidenced per block over the reports' dates.
    Progression,
    /// The matrix of one block (the first also opens the section).
    Matrix(BlockId),
    /// The skill entries of one block (likewise).
    Skills(BlockId),
    Checklist,
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
