//! A referential's words in another language: the titles of the referential,
//! its blocks and skills, and the title and guidance of its sections, by id.
//! The embedded referential takes each language's from `src/lang/<code>/`;
//! a school's file gives them in `[wording.<code>]` tables of the same shape.
//! Ids, slugs and markers never change with the language: only what a reader
//! sees does, so a marker written in an English report works in a French
//! book and the other way round.

use super::{Reader, Referential, Section, SectionId, normalize_heading};
use crate::lang::Lang;
use crate::syntax::value::{Key, Spanned};
use crate::text::index::IdVec;
use std::collections::HashMap;

/// The words of one language, by the ids of the referential's entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wording {
    title: Option<String>,
    blocks: HashMap<String, String>,
    skills: HashMap<String, String>,
    /// Section id → (title, guidance).
    sections: HashMap<String, (Option<String>, Option<String>)>,
}

impl Wording {
    /// `referential` with this wording's words in place of its own, where
    /// the wording has them.
    pub(super) fn apply(&self, referential: &mut Referential) {
        if let Some(title) = &self.title {
            referential.title = title.clone();
        }
        for block in referential.blocks.iter_mut() {
            if let Some(title) = self.blocks.get(&block.id) {
                block.title = title.clone();
            }
        }
        for skill in referential.skills.iter_mut() {
            if let Some(title) = self.skills.get(&skill.id) {
                skill.title = title.clone();
            }
        }
        for section in referential.sections.iter_mut() {
            let Some((title, guidance)) = self.sections.get(&section.id) else {
                continue;
            };
            if let Some(title) = title {
                section.title = title.clone();
            }
            if let Some(guidance) = guidance {
                section.guidance = guidance.clone();
            }
        }
    }
}

impl Wording {
    /// Each section title of this wording counts as a heading of its section.
    pub(super) fn add_headings(&self, sections: &mut IdVec<SectionId, Section>) {
        for section in sections.iter_mut() {
            let Some((Some(title), _)) = self.sections.get(&section.id) else {
                continue;
            };
            let wording = normalize_heading(title);
            if !wording.is_empty() && !section.headings.contains(&wording) {
                section.headings.push(wording);
            }
        }
    }
}

impl Reader<'_> {
    /// The `[wording]` table of a referential file: one table per language
    /// code. An unsupported language is a warning, its words are ignored.
    pub(super) fn wordings(
        &mut self,
        value: Spanned,
        referential: &Referential,
    ) -> Vec<(Lang, Wording)> {
        let mut wordings = Vec::new();
        for (key, value) in self.table(value, "`wording`") {
            match Lang::from_tag(&key.name) {
                Ok(lang) => wordings.push((lang, self.wording(value, referential))),
                Err(_) => {
                    let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
                    self.unknown_key(&key, &codes);
                }
            }
        }
        wordings
    }

    /// One language's words; an id the referential does not have is a
    /// warning with the closest id.
    pub(super) fn wording(&mut self, value: Spanned, referential: &Referential) -> Wording {
        let mut wording = Wording::default();
        for (key, value) in self.table(value, "a wording") {
            match key.name.as_str() {
                "title" => wording.title = self.string(&key, value),
                "blocks" => {
                    let ids: Vec<&str> = referential.blocks.iter().map(|b| b.id.as_str()).collect();
                    wording.blocks = self.titles(value, "`blocks`", &ids);
                }
                "skills" => {
                    let ids: Vec<&str> = referential.skills.iter().map(|s| s.id.as_str()).collect();
                    wording.skills = self.titles(value, "`skills`", &ids);
                }
                "sections" => wording.sections = self.section_wordings(value, referential),
                _ => self.unknown_key(&key, &["title", "blocks", "skills", "sections"]),
            }
        }
        wording
    }

    /// `id = "title"` entries for the known `ids`.
    fn titles(&mut self, value: Spanned, what: &str, ids: &[&str]) -> HashMap<String, String> {
        let mut titles = HashMap::new();
        for (key, value) in self.table(value, what) {
            if !self.known(&key, ids) {
                continue;
            }
            if let Some(title) = self.string(&key, value) {
                titles.insert(key.name, title);
            }
        }
        titles
    }

    fn section_wordings(
        &mut self,
        value: Spanned,
        referential: &Referential,
    ) -> HashMap<String, (Option<String>, Option<String>)> {
        let ids: Vec<&str> = referential.sections.iter().map(|s| s.id.as_str()).collect();
        let mut sections = HashMap::new();
        for (key, value) in self.table(value, "`sections`") {
            if !self.known(&key, &ids) {
                continue;
            }
            let (mut title, mut guidance) = (None, None);
            for (field, value) in self.table(value, "a section's wording") {
                match field.name.as_str() {
                    "title" => title = self.string(&field, value),
                    "guidance" => guidance = self.string(&field, value),
                    _ => self.unknown_key(&field, &["title", "guidance"]),
                }
            }
            sections.insert(key.name, (title, guidance));
        }
        sections
    }

    /// Whether `key` is one of `ids`; a warning with the closest one if not.
    fn known(&mut self, key: &Key, ids: &[&str]) -> bool {
        let known = ids.contains(&key.name.as_str());
        if !known {
            self.unknown_key(key, ids);
        }
        known
    }
}
