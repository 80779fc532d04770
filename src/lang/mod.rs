//! Languages as data. Each supported language is a folder beside this file
//! (`en/`, `fr/`) holding everything the tool knows of it: the catalogue of
//! the words the tool writes, the accepted section names, the referential's
//! wording, the learner rules and, where harper has none, the dictionary.
//! This module only names the languages and reads language tags; the code
//! that uses a language's data lives with that data's concept (rendering,
//! spelling, sections), behind one interface per concept, so that adding a
//! third language is a new folder and a new [`Lang`] variant, not edits
//! across the tree. Nothing here reads a file: the data is embedded.

mod catalogue;
pub mod en;
pub mod learner;

pub use catalogue::{Arg, Catalogue, Piece};

use std::fmt;

/// A language the tool supports.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

/// A language tag the tool does not support (`de`, `pt-BR`): its text gets
/// no spelling and the book's own language for the generated words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported(pub String);

impl Lang {
    /// Every supported language, in a stable order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The primary subtag, as in `book.language` and the folder's name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language a BCP 47 tag names: `fr`, `fr-FR`, `fr_CA`, `EN-gb`.
    /// The region is ignored (English variants are `english`'s business).
    pub fn from_tag(tag: &str) -> Result<Lang, Unsupported> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code() == primary)
            .ok_or_else(|| Unsupported(tag.trim().to_owned()))
    }
}

impl Lang {
    /// The headings this language's reports use for the expected sections,
    /// as TOML: section id → list of headings (`fr/sections.toml`).
    /// English's are the referential's own `headings`, so it has none here.
    pub fn section_headings(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Fr => include_str!("fr/sections.toml"),
        }
    }

    /// The embedded referential's words in this language (`fr/referential.toml`),
    /// in the shape of a referential file's `[wording.<code>]` table.
    /// English's are the referential's own, so it has none here.
    pub fn referential_wording(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Fr => include_str!("fr/referential.toml"),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_tags_map_to_their_language_and_others_are_unsupported() {
        for (tag, lang) in [
            ("fr", Lang::Fr),
            ("fr-FR", Lang::Fr),
            ("fr_CA", Lang::Fr),
            ("FR-be", Lang::Fr),
            ("en", Lang::En),
            ("en-GB", Lang::En),
            (" en-US ", Lang::En),
        ] {
            assert_eq!(Lang::from_tag(tag), Ok(lang), "{tag}");
        }
        assert_eq!(Lang::from_tag("de"), Err(Unsupported("de".into())));
        assert_eq!(Lang::from_tag("pt-BR"), Err(Unsupported("pt-BR".into())));
        assert_eq!(Lang::from_tag(""), Err(Unsupported(String::new())));
    }
}
