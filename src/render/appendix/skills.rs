//! One entry per skill, by block: its evidence as links with excerpts, or
//! a gap warning that says how to fill it.

use super::{MATRIX_MAX_REPORTS, anchor_part};
use crate::lang::Catalogue;
use crate::model::file::TechnicalFile;
use crate::model::ids::Texts;
use crate::referential::BlockId;
use crate::render::evidence::{self, EvidenceLink};
use crate::render::md::Markdown;
use crate::text::html::Html;
use mdbook_markdown::pulldown_cmark::BlockQuoteKind;

pub fn render(file: &TechnicalFile, texts: &Texts, block: BlockId, md: &mut Markdown) {
    let referential = &file.referential;
    let page = file.config.appendix.as_str();
    let words = file.config.words();
    if block.index() == 0 {
        // One entry per skill.
        md.heading(2, &words.text("skills-title"), Some("tf-skills"));
    }
    let block = &referential.blocks[block];
    md.heading(
        3,
        &format!("{} — {}", block.id, block.title),
        Some(&format!("tf-skills-{}", anchor_part(&block.id))),
    );
    // Excerpts help with a few reports; with hundreds they bury the links.
    let excerpts = (file.reports.len() <= MATRIX_MAX_REPORTS).then_some(texts);
    for skill in block.skills() {
        let s = &referential.skills[skill];
        md.heading(4, &format!("{} — {}", s.id, s.title), Some(&s.anchor()));
        let links = evidence::links(file, skill, page, excerpts);
        if links.is_empty() {
            md.admonition(BlockQuoteKind::Warning, |m| {
                m.paragraph(|p| {
                    p.strong(&words.format("skills-gap", &[("skill", s.id.as_str().into())]));
                    p.text(" ");
                    let marker = format!("{{{{#skill {}}}}}", s.id);
                    let spans = ["marker", "skill", "key"];
                    let codes = [marker.as_str(), s.id.as_str(), "skills"];
                    p.pieces(&words.pieces("skills-gap-how", &[], &spans), |p, i| {
                        p.code(codes[i]);
                    });
                });
            });
            continue;
        }
        let reports = file.matrix.reports_of(skill).len();
        md.paragraph(|p| {
            p.text(&words.format("skills-evidence-from", &[("reports", reports.into())]));
        });
        md.html_block(evidence_list(&links, words));
    }
}

/// A skill's evidence as one HTML list block (`<ul class="tf-evidence">`):
/// a link per piece of evidence, its report's date, then "claimed for the
/// whole report" or the excerpt, if any. Raw HTML, escaped by
/// `Html`, because serializing a Markdown list of thousands of items was
/// the largest cost of a big book's appendix.
fn evidence_list(links: &[EvidenceLink], words: &Catalogue) -> String {
    let mut html = Html::new();
    html.open("ul", &[("class", "tf-evidence")]).newline();
    for link in links {
        html.open("li", &[])
            .element("a", &[("href", &link.href)], &link.label);
        if let Some(date) = &link.date {
            html.text(&format!(" ({date})"));
        }
        if link.whole_report {
            html.text(&format!(" — {}", words.text("skills-whole-report")));
        } else if let Some(excerpt) = &link.excerpt {
            let quoted = words.format("quoted", &[("text", excerpt.as_str().into())]);
            html.text(&format!(" — {quoted}"));
        }
        html.close("li").newline();
    }
    html.close("ul");
    html.finish()
}
