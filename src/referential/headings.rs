//! How a report's heading is recognised as one of the expected sections:
//! its text normalised (case, accents, punctuation, numbering), and the
//! headings every supported language uses for them (`src/lang/*/sections.toml`)
//! added to the referential's own.

use super::Section;
use crate::lang::Lang;
use crate::text::index::IdVec;
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::SectionId;

/// Lower case without accents ("Problème" is "probleme", as a student
/// typing without accents writes it), `&` as "and", punctuation as spaces,
/// leading numbering ("1.", "2.3)") dropped, spaces collapsed.
pub fn normalize_heading(text: &str) -> String {
    let lowered = text.to_lowercase().replace('&', " and ");
    let cleaned: String = lowered
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words = cleaned.split_whitespace().peekable();
    while words
        .peek()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        words.next();
    }
    words.collect::<Vec<_>>().join(" ")
}

/// Adds each language's headings to the sections of the same id, so that a
/// French report's "Contrôle qualité" counts for `quality-control` in the
/// embedded referential and in a school's one that keeps the ids. The
/// languages' wordings do not overlap, so every language's are accepted in
/// every report: a French report in an English book is recognised too.
pub(super) fn add_language_headings(sections: &mut IdVec<SectionId, Section>) {
    for lang in Lang::ALL {
        for (id, headings) in language_headings(lang) {
            let Some(section) = sections.iter_mut().find(|s| s.id == id) else {
                continue;
            };
            for heading in headings {
                let wording = normalize_heading(&heading);
                if !wording.is_empty() && !section.headings.contains(&wording) {
                    section.headings.push(wording);
                }
            }
        }
    }
}

/// A language's section headings by section id (embedded data, valid by test).
fn language_headings(lang: Lang) -> BTreeMap<String, Vec<String>> {
    toml::from_str(lang.section_headings()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_existing_sections_in_valid_toml() {
        let ids: Vec<String> = crate::Referential::embedded()
            .sections
            .iter()
            .map(|s| s.id.clone())
            .collect();
        for lang in Lang::ALL {
            let parsed: BTreeMap<String, Vec<String>> =
                toml::from_str(lang.section_headings()).expect("valid TOML");
            for id in parsed.keys() {
                assert!(ids.contains(id), "{lang}: unknown section `{id}`");
            }
        }
    }

    #[test]
    fn accents_case_and_numbering_do_not_count() {
        assert_eq!(normalize_heading("2. Le Problème"), "le probleme");
        assert_eq!(normalize_heading("CONTRÔLE QUALITÉ"), "controle qualite");
        assert_eq!(
            normalize_heading("L'intégration continue"),
            "l integration continue"
        );
    }
}
