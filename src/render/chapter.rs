//! A hand-written chapter in the book: its `{{#skill}}` badges and its
//! `{{#skill-evidence}}` directives expanded to the current evidence.

use crate::model::chapter::Chapter;
use crate::model::file::TechnicalFile;
use crate::referential::SkillId;
use crate::render::md::Markdown;
use crate::render::{badges, evidence};
use crate::syntax::marker::{DirectiveKind, Marker};
use crate::text::paths;
use crate::text::splice::{self, Edit};
use mdbook_markdown::pulldown_cmark::BlockQuoteKind;

/// The chapter's text for the book, or `None` when it has no directive
/// (it goes to the book as it is).
pub fn expand(file: &TechnicalFile, chapter: &Chapter) -> Option<String> {
    if chapter.markers.is_empty() {
        return None;
    }
    let appendix_href = paths::html_page(&paths::relative(&chapter.path, &file.config.appendix));
    let edits = chapter
        .markers
        .iter()
        .map(|marker| {
            let replacement = match marker.kind {
                DirectiveKind::Skill => badges::html(
                    marker,
                    &file.referential,
                    file.config.words(),
                    &appendix_href,
                ),
                DirectiveKind::SkillEvidence => evidence_directive(file, marker, &chapter.path),
            };
            Edit::replace(marker.range.clone(), replacement)
        })
        .collect();
    Some(splice::apply(&chapter.source.text, edits).0)
}

/// The Markdown a `{{#skill-evidence}}` directive becomes: a list when it is
/// a paragraph of its own, links in a sentence otherwise.
fn evidence_directive(file: &TechnicalFile, marker: &Marker, chapter_path: &str) -> String {
    let skills: Vec<SkillId> = marker
        .ids
        .iter()
        .filter_map(|id| file.referential.resolve(&id.value))
        .collect();
    if marker.alone {
        let mut md = Markdown::new();
        for &skill in &skills {
            evidence_list(file, skill, chapter_path, &mut md);
        }
        return format!("\n{}\n", md.finish(file.config.flavor).trim_end());
    }
    let mut md = Markdown::new();
    let mut first = true;
    md.paragraph(|p| {
        for &skill in &skills {
            for link in evidence::links(file, skill, chapter_path, None) {
                if !first {
                    p.text(", ");
                }
                first = false;
                p.link(&link.label, &link.href, "");
            }
        }
        if first {
            p.emphasis(&file.config.words().text("chapter-no-evidence"));
        }
    });
    md.finish(file.config.flavor).trim().to_owned()
}

/// A skill's evidence as a list, or a warning that there is none.
fn evidence_list(file: &TechnicalFile, skill: SkillId, chapter_path: &str, md: &mut Markdown) {
    let links = evidence::links(file, skill, chapter_path, None);
    if links.is_empty() {
        let entry = paths::html_page(&paths::relative(chapter_path, &file.config.appendix));
        let s = &file.referential.skills[skill];
        let words = file.config.words();
        let pieces = words.pieces("chapter-see-appendix", &[], &["appendix"]);
        md.admonition(BlockQuoteKind::Warning, |m| {
            m.paragraph(|p| {
                p.strong(&words.format("chapter-gap", &[("skill", s.id.as_str().into())]));
                p.text(" ");
                p.pieces(&pieces, |p, _| {
                    p.link(
                        &words.text("chapter-appendix-link"),
                        &format!("{entry}#{}", s.anchor()),
                        &s.title,
                    );
                });
            });
        });
        return;
    }
    md.list(links, |item, link| {
        item.link(&link.label, &link.href, "");
        if let Some(date) = &link.date {
            item.text(&format!(" ({date})"));
        }
    });
}
