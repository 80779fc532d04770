//! The badges a `{{#skill}}` marker becomes.

use crate::lang::Catalogue;
use crate::referential::Referential;
use crate::syntax::marker::Marker;
use crate::text::html::Html;

/// The badges of a marker as inline HTML: a link to each skill's entry in
/// the appendix (a plain label inside a link's text, where links cannot
/// nest), and a warning label for unknown ids. Each badge shows what
/// `Referential::badge_label` says, which heading ids count on.
pub fn html(
    marker: &Marker,
    referential: &Referential,
    words: &Catalogue,
    appendix_href: &str,
) -> String {
    let mut html = Html::new();
    for (i, id) in marker.ids.iter().enumerate() {
        if i > 0 {
            html.inline_text(" ");
        }
        match referential.resolve(&id.value) {
            Some(index) => {
                let skill = &referential.skills[index];
                let title = format!("{} — {}", skill.id, skill.title);
                let href = format!("{appendix_href}#{}", skill.anchor());
                if marker.in_link {
                    html.inline_element(
                        "span",
                        &[("class", "tf-skill"), ("title", &title)],
                        &skill.id,
                    );
                } else {
                    html.inline_element(
                        "a",
                        &[("class", "tf-skill"), ("href", &href), ("title", &title)],
                        &skill.id,
                    );
                }
            }
            None => {
                html.inline_element(
                    "span",
                    &[
                        ("class", "tf-skill tf-unknown"),
                        ("title", &words.text("badge-unknown")),
                    ],
                    &referential.badge_label([id.value.as_str()]),
                );
            }
        }
    }
    html.finish()
}
