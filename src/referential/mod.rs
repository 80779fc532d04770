//! The referential: the blocks and skills a technical file must prove, and
//! the sections every report is expected to have.
//!
//! The RNCP Level 7 "Cloud DevOps Expert" referential is embedded; another
//! curriculum can be loaded from a TOML file of the same shape.

use crate::diagnostic::{Diagnostic, Locate, nearest};
use crate::lang::Lang;
use crate::syntax::value::{Key, Spanned, Value, parse_toml};
use crate::text::index::IdVec;
use crate::text::source::SourceFile;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

mod headings;
mod wording;
pub use headings::normalize_heading;
pub use wording::Wording;

crate::text::index::typed_index!(pub SkillId, "A skill of the referential, in referential order.");
crate::text::index::typed_index!(pub BlockId, "A block of skills of the referential.");
crate::text::index::typed_index!(pub SectionId, "An expected section of every report.");

/// The embedded default referential, also an example of the file format.
pub const DEFAULT_REFERENTIAL: &str = include_str!("referential.toml");

/// A group of skills, e.g. "B1 Knowledge of cloud infrastructure".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub id: String,
    pub title: String,
    /// Its skills: consecutive in the referential.
    skills: Range<usize>,
}

impl Block {
    /// The block's skills, in referential order.
    pub fn skills(&self) -> impl ExactSizeIterator<Item = SkillId> + use<> {
        self.skills.clone().map(SkillId::new)
    }
}

/// A skill to prove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skill {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub block: BlockId,
}

impl Skill {
    /// The id of the skill's entry in the appendix page.
    pub fn anchor(&self) -> String {
        format!("skill-{}", self.slug)
    }
}

/// A section every report is expected to have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// One line of guidance for the report template.
    pub guidance: String,
    /// Heading wordings that count for this section, normalized.
    pub headings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referential {
    /// The title in the language the book is written in.
    pub title: String,
    /// The title as the file gives it, whatever the book's language: what
    /// tells two books made with the same referential (the cohort compares it).
    pub source_title: String,
    pub blocks: IdVec<BlockId, Block>,
    pub skills: IdVec<SkillId, Skill>,
    pub sections: IdVec<SectionId, Section>,
    /// Lower-case id or slug → skill.
    names: HashMap<String, SkillId>,
    /// Normalized heading wording → section (the first section wins where
    /// two share a wording), for the common exact match.
    wordings: HashMap<String, SectionId>,
    /// The words of the referential in other languages (`[wording.<code>]`).
    languages: BTreeMap<Lang, Wording>,
}

impl Referential {
    /// The embedded RNCP Level 7 Cloud DevOps Expert referential.
    pub fn embedded() -> Referential {
        let source = SourceFile::new("(embedded referential)", DEFAULT_REFERENTIAL);
        let mut referential = match Referential::parse(&source) {
            Ok((referential, _)) => referential,
            Err(errors) => unreachable!("the embedded referential is valid: {errors:?}"),
        };
        for lang in Lang::ALL {
            if let Some((wording, _)) = embedded_wording(lang, &referential) {
                referential.languages.insert(lang, wording);
            }
        }
        referential.index_headings();
        referential
    }

    /// The referential as a book in `lang` shows it: its titles and guidance
    /// in that language where it has them, its own words otherwise.
    pub fn in_language(&self, lang: Lang) -> Referential {
        let mut referential = self.clone();
        if let Some(wording) = self.languages.get(&lang) {
            wording.apply(&mut referential);
        }
        referential
    }

    /// The languages the referential has words for, besides its own.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.languages.keys().copied()
    }

    /// Every language's section titles count as headings of their section
    /// (a French report's "Le problème" is `problem` in any book), and the
    /// heading → section index is built from them.
    fn index_headings(&mut self) {
        for wording in self.languages.values() {
            wording.add_headings(&mut self.sections);
        }
        self.wordings.clear();
        for (index, section) in self.sections.iter_enumerated() {
            for wording in &section.headings {
                self.wordings.entry(wording.clone()).or_insert(index);
            }
        }
    }

    /// Reads and validates a referential file. Errors make it unusable;
    /// warnings (unknown keys) come with it.
    pub fn parse(source: &SourceFile) -> Result<(Referential, Vec<Diagnostic>), Vec<Diagnostic>> {
        let root = parse_toml(&source.text).map_err(|e| {
            vec![source.error(
                "malformed-referential",
                e.span,
                format!(
                    "invalid TOML: {}",
                    e.message.lines().next().unwrap_or_default()
                ),
            )]
        })?;
        let mut reader = Reader {
            source,
            errors: Vec::new(),
            warnings: Vec::new(),
        };
        let referential = reader.referential(root);
        if reader.errors.is_empty() {
            Ok((referential, reader.warnings))
        } else {
            reader.errors.extend(reader.warnings);
            Err(reader.errors)
        }
    }

    /// The skill an id or slug names, case-insensitively.
    pub fn resolve(&self, name: &str) -> Option<SkillId> {
        self.names.get(&name.to_lowercase()).copied()
    }

    /// The id or slug closest to a mistyped name.
    pub fn suggest(&self, name: &str) -> Option<&str> {
        nearest(
            name,
            self.skills
                .iter()
                .flat_map(|s| [s.id.as_str(), s.slug.as_str()]),
        )
    }

    /// The expected section a heading counts for, if any: the one with the
    /// longest wording that the heading's text is, or starts with as a
    /// whole word ("problems" is not "problem").
    pub fn section_of_heading(&self, heading: &str) -> Option<SectionId> {
        let heading = normalize_heading(heading);
        if let Some(&index) = self.wordings.get(&heading) {
            return Some(index);
        }
        let mut best: Option<(usize, SectionId)> = None;
        for (index, section) in self.sections.iter_enumerated() {
            for wording in &section.headings {
                let matches = heading == *wording
                    || heading
                        .strip_prefix(wording.as_str())
                        .is_some_and(|rest| rest.starts_with(' '));
                if matches && best.is_none_or(|(len, _)| wording.len() > len) {
                    best = Some((wording.len(), index));
                }
            }
        }
        best.map(|(_, index)| index)
    }

    /// The ids of skills, in the order given.
    pub fn skill_ids(&self, skills: &[SkillId]) -> Vec<&str> {
        skills.iter().map(|&s| self.skills[s].id.as_str()).collect()
    }

    /// The block a skill belongs to.
    pub fn block_of(&self, skill: SkillId) -> &Block {
        &self.blocks[self.skills[skill].block]
    }

    /// What a marker's badges show for its ids, which is also what they
    /// add to the text (and so to the id) of a heading they sit in: each
    /// known skill's id, and `⚠ name` for an unknown one.
    pub fn badge_label<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> String {
        names
            .into_iter()
            .map(|name| match self.resolve(name) {
                Some(skill) => self.skills[skill].id.clone(),
                None => format!("⚠ {name}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A language's words for the embedded referential (`src/lang/<code>/`),
/// with what is wrong in them (nothing: a test says so).
fn embedded_wording(lang: Lang, referential: &Referential) -> Option<(Wording, Vec<Diagnostic>)> {
    let text = lang.referential_wording();
    if text.is_empty() {
        return None;
    }
    let source = SourceFile::new("(embedded referential wording)", text);
    let root = parse_toml(&source.text).ok()?;
    let mut reader = Reader {
        source: &source,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let wording = reader.wording(root, referential);
    reader.errors.extend(reader.warnings);
    Some((wording, reader.errors))
}

struct Reader<'a> {
    source: &'a SourceFile,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn error(&mut self, span: Range<usize>, message: String) {
        self.errors
            .push(self.source.error("invalid-referential", span, message));
    }

    fn unknown_key(&mut self, key: &Key, known: &[&str]) {
        let mut d = self.source.warning(
            "unknown-referential-key",
            key.span.clone(),
            format!("unknown key `{}`; it is ignored", key.name),
        );
        if let Some(k) = nearest(&key.name, known.iter().copied()) {
            d = d.with_suggestion(format!("did you mean `{k}`?"));
        }
        self.warnings.push(d);
    }

    /// The entries of a table, or an error.
    fn table(&mut self, value: Spanned, what: &str) -> Vec<(Key, Spanned)> {
        match value.value {
            Value::Table(entries) => entries,
            other => {
                self.error(
                    value.span,
                    format!("{what} must be a table, found {}", other.type_name()),
                );
                Vec::new()
            }
        }
    }

    fn string(&mut self, key: &Key, value: Spanned) -> Option<String> {
        match value.value {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::String(_) => {
                self.error(value.span, format!("`{}` must not be empty", key.name));
                None
            }
            other => {
                self.error(
                    value.span,
                    format!(
                        "`{}` must be a string, found {}",
                        key.name,
                        other.type_name()
                    ),
                );
                None
            }
        }
    }

    fn list(&mut self, key: &Key, value: Spanned) -> Vec<Spanned> {
        match value.value {
            Value::Array(items) => items,
            other => {
                self.error(
                    value.span,
                    format!("`{}` must be a list, found {}", key.name, other.type_name()),
                );
                Vec::new()
            }
        }
    }

    fn referential(&mut self, root: Spanned) -> Referential {
        let mut referential = Referential {
            title: String::new(),
            source_title: String::new(),
            blocks: IdVec::new(),
            skills: IdVec::new(),
            sections: IdVec::new(),
            names: HashMap::new(),
            wordings: HashMap::new(),
            languages: BTreeMap::new(),
        };
        let root_span = root.span.clone();
        let mut name_lines: HashMap<String, usize> = HashMap::new();
        // Read after the blocks and sections, wherever it is in the file:
        // its ids are checked against theirs.
        let mut wording = None;
        for (key, value) in self.table(root, "the referential") {
            match key.name.as_str() {
                "wording" => wording = Some(value),
                "title" => {
                    referential.title = self.string(&key, value).unwrap_or_default();
                    referential.source_title = referential.title.clone();
                }
                "blocks" => {
                    for block in self.list(&key, value) {
                        self.block(block, &mut referential, &mut name_lines);
                    }
                }
                "sections" => {
                    let mut section_ids: HashMap<String, usize> = HashMap::new();
                    for section in self.list(&key, value) {
                        self.section(section, &mut referential, &mut section_ids);
                    }
                }
                _ => self.unknown_key(&key, &["title", "blocks", "sections", "wording"]),
            }
        }
        if let Some(value) = wording {
            let languages = self.wordings(value, &referential);
            referential.languages.extend(languages);
        }
        headings::add_language_headings(&mut referential.sections);
        referential.index_headings();
        if referential.blocks.is_empty() {
            self.error(
                root_span.start..root_span.start,
                "the referential has no `[[blocks]]`".to_owned(),
            );
        }
        referential
    }

    fn block(
        &mut self,
        value: Spanned,
        referential: &mut Referential,
        names: &mut HashMap<String, usize>,
    ) {
        let span = value.span.clone();
        let (mut id, mut title, mut skills) = (None, None, Vec::new());
        for (key, value) in self.table(value, "a block") {
            match key.name.as_str() {
                "id" => id = self.string(&key, value),
                "title" => title = self.string(&key, value),
                "skills" => skills = self.list(&key, value),
                _ => self.unknown_key(&key, &["id", "title", "skills"]),
            }
        }
        let Some(id) = id else {
            self.error(span, "a block needs an `id`".to_owned());
            return;
        };
        if skills.is_empty() {
            self.error(
                span.clone(),
                format!("block `{id}` has no skills; add `[[blocks.skills]]` entries or remove it"),
            );
        }
        let block_index = BlockId::new(referential.blocks.len());
        let first = referential.skills.len();
        for skill in skills {
            self.skill(skill, block_index, referential, names);
        }
        referential.blocks.push(Block {
            title: title.unwrap_or_else(|| id.clone()),
            id,
            skills: first..referential.skills.len(),
        });
    }

    fn skill(
        &mut self,
        value: Spanned,
        block: BlockId,
        referential: &mut Referential,
        names: &mut HashMap<String, usize>,
    ) {
        let span = value.span.clone();
        let (mut id, mut slug, mut title) = (None, None, None);
        for (key, value) in self.table(value, "a skill") {
            let value_span = value.span.clone();
            match key.name.as_str() {
                "id" => id = self.string(&key, value).map(|v| (v, value_span)),
                "slug" => slug = self.string(&key, value).map(|v| (v, value_span)),
                "title" => title = self.string(&key, value),
                _ => self.unknown_key(&key, &["id", "slug", "title"]),
            }
        }
        let (Some((id, id_span)), Some((slug, slug_span)), Some(title)) = (id, slug, title) else {
            self.error(
                span,
                "a skill needs an `id`, a `slug` and a `title`".to_owned(),
            );
            return;
        };
        if !id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            self.error(
                id_span.clone(),
                format!("skill id `{id}` may only contain letters, digits, `.`, `-` and `_`"),
            );
        }
        if !crate::text::is_kebab_case(&slug) {
            self.error(
                slug_span.clone(),
                format!("skill slug `{slug}` must be lower-case letters and digits joined by `-`"),
            );
        }
        let index = SkillId::new(referential.skills.len());
        for (name, name_span) in [(&id, &id_span), (&slug, &slug_span)] {
            let lower = name.to_lowercase();
            if let Some(&first_line) = names.get(&lower) {
                self.error(
                    name_span.clone(),
                    format!(
                        "duplicate skill id or slug `{name}` (first used on line {first_line})"
                    ),
                );
            } else {
                let line = self.source.position(name_span.start).line;
                names.insert(lower.clone(), line);
                referential.names.insert(lower, index);
            }
        }
        referential.skills.push(Skill {
            id,
            slug,
            title,
            block,
        });
    }

    fn section(
        &mut self,
        value: Spanned,
        referential: &mut Referential,
        ids: &mut HashMap<String, usize>,
    ) {
        let span = value.span.clone();
        let (mut id, mut title, mut guidance, mut headings) = (None, None, None, Vec::new());
        for (key, value) in self.table(value, "a section") {
            let value_span = value.span.clone();
            match key.name.as_str() {
                "id" => id = self.string(&key, value).map(|v| (v, value_span)),
                "title" => title = self.string(&key, value),
                "guidance" => guidance = self.string(&key, value),
                "headings" => {
                    for item in self.list(&key, value) {
                        match item.value {
                            Value::String(s) => headings.push(normalize_heading(&s)),
                            other => self.error(
                                item.span,
                                format!(
                                    "a heading wording must be a string, found {}",
                                    other.type_name()
                                ),
                            ),
                        }
                    }
                }
                _ => self.unknown_key(&key, &["id", "title", "guidance", "headings"]),
            }
        }
        let (Some((id, id_span)), Some(title)) = (id, title) else {
            self.error(span, "a section needs an `id` and a `title`".to_owned());
            return;
        };
        let line = self.source.position(id_span.start).line;
        if let Some(first) = ids.insert(id.to_lowercase(), line) {
            self.error(
                id_span,
                format!("duplicate section id `{id}` (first used on line {first})"),
            );
            return;
        }
        let title_wording = normalize_heading(&title);
        if !headings.contains(&title_wording) {
            headings.insert(0, title_wording);
        }
        headings.retain(|h| !h.is_empty());
        referential.sections.push(Section {
            id,
            title,
            guidance: guidance.unwrap_or_default(),
            headings,
        });
    }
}

#[cfg(test)]
mod tests;
