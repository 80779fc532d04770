//! The words the tool writes, as one Project Fluent catalogue per language
//! (`<code>/book.ftl`: the generated pages and boxes; `<code>/messages.ftl`:
//! what `check`, the preview and the language server say;
//! `<code>/scaffold.ftl`: what `init` and `new` write; `<code>/cohort.ftl`:
//! the cohort dashboard). Translators edit
//! those files only: plurals follow each language's CLDR rules, selectors
//! choose a form, and the typography of the language (the no-break spaces
//! French puts before `: ; ! ?`, its decimal comma) is in the text itself.
//! Numbers with decimals and dates are formatted here, from messages of the
//! catalogue (`decimal-separator`, `date`), so that the rules stay data.

use super::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::collections::HashMap;
use std::sync::OnceLock;

pub use fluent_bundle::FluentValue as Arg;

/// Where a span variable goes in a formatted message (a private-use
/// character, which no catalogue text holds).
const SPAN: char = '\u{E000}';

/// A part of a message cut by [`Catalogue::pieces`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// The span variable of this index in the names given.
    Span(usize),
}

/// One language's messages, parsed once per process.
pub struct Catalogue {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    /// The messages without variables, formatted once: the pages ask for
    /// the same labels thousands of times.
    plain: HashMap<String, String>,
}

impl Lang {
    /// This language's catalogue (parsed on first use, then shared).
    pub fn catalogue(self) -> &'static Catalogue {
        static CATALOGUES: [OnceLock<Catalogue>; Lang::ALL.len()] =
            [const { OnceLock::new() }; Lang::ALL.len()];
        CATALOGUES[self as usize].get_or_init(|| Catalogue::parse(self))
    }

    /// The Fluent sources of this language, in the order they are read.
    pub fn catalogue_sources(self) -> [&'static str; 4] {
        match self {
            Lang::En => [
                include_str!("en/book.ftl"),
                include_str!("en/messages.ftl"),
                include_str!("en/scaffold.ftl"),
                include_str!("en/cohort.ftl"),
            ],
            Lang::Fr => [
                include_str!("fr/book.ftl"),
                include_str!("fr/messages.ftl"),
                include_str!("fr/scaffold.ftl"),
                include_str!("fr/cohort.ftl"),
            ],
        }
    }
}

impl Catalogue {
    fn parse(lang: Lang) -> Catalogue {
        let id = lang
            .code()
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // The text goes into HTML, Markdown and terminals, where Unicode
        // isolation marks around each placeable would be stray characters.
        bundle.set_use_isolating(false);
        let mut ids = Vec::new();
        for source in lang.catalogue_sources() {
            // A syntax error keeps the entries that parsed; the catalogue
            // tests fail on any error, so none reaches a release.
            let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
            ids.extend(resource.entries().filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            }));
            // A duplicate id keeps the first one (likewise tested).
            let _ = bundle.add_resource(resource);
        }
        let mut plain = HashMap::new();
        for id in ids {
            let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned();
            // A message with variables is formatted each time.
            if errors.is_empty() {
                plain.insert(id, text);
            }
        }
        Catalogue {
            lang,
            bundle,
            plain,
        }
    }

    /// The language of this catalogue.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A message without variables.
    pub fn text(&self, id: &str) -> String {
        match self.plain.get(id) {
            Some(text) => text.clone(),
            None => self.format(id, &[]),
        }
    }

    /// A message with its variables: `format("reports", &[("count", 3.into())])`.
    /// A message this catalogue lacks is English's (the catalogue tests make
    /// that never happen), and its id when no catalogue has it.
    pub fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return match self.lang {
                Lang::En => id.to_owned(),
                _ => Lang::En.catalogue().format(id, args),
            };
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// A message cut where the variables named in `spans` go, so that the
    /// caller renders those (as code, links) and the text around them in
    /// the order the language puts them: `Add {$marker} to…` gives
    /// `[Text("Add "), Span(0), Text(" to…")]`.
    pub fn pieces(&self, id: &str, args: &[(&str, Arg<'_>)], spans: &[&str]) -> Vec<Piece> {
        let mut all: Vec<(&str, Arg<'_>)> = args.to_vec();
        for (i, name) in spans.iter().enumerate() {
            all.push((name, format!("{SPAN}{i}{SPAN}").into()));
        }
        let text = self.format(id, &all);
        let mut pieces = Vec::new();
        for (i, part) in text.split(SPAN).enumerate() {
            if i % 2 == 0 {
                if !part.is_empty() {
                    pieces.push(Piece::Text(part.to_owned()));
                }
            } else if let Ok(index) = part.parse() {
                pieces.push(Piece::Span(index));
            }
        }
        pieces
    }

    /// The fixed words of every message (the text around its variables, in
    /// the variants Fluent picks when they are missing), three words or
    /// more: what a page written in another language must not hold.
    #[cfg(any(test, feature = "test-support"))]
    pub fn phrases(&self) -> Vec<String> {
        let mut phrases = std::collections::BTreeSet::new();
        for source in self.lang.catalogue_sources() {
            let resource = match fluent_syntax::parser::parse(source) {
                Ok(resource) | Err((resource, _)) => resource,
            };
            for entry in resource.body {
                let fluent_syntax::ast::Entry::Message(message) = entry else {
                    continue;
                };
                let text = self.text(message.id.name);
                // A missing variable is written `{$name}`.
                for part in text.split(['{', '}']).filter(|p| !p.starts_with('$')) {
                    let words = part
                        .split_whitespace()
                        .filter(|w| w.chars().any(char::is_alphabetic))
                        .count();
                    if words >= 3 {
                        phrases.insert(part.trim().to_owned());
                    }
                }
            }
        }
        phrases.into_iter().collect()
    }

    /// Whether the catalogue has this message.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A number with `digits` decimals, with the language's separator:
    /// `6.0` in English, `6,0` in French.
    pub fn decimal(&self, value: f64, digits: usize) -> String {
        self.number(&format!("{value:.digits$}"))
    }

    /// A number as Rust writes it (`8`, `0.85`), with the language's
    /// decimal separator.
    pub fn number(&self, written: &str) -> String {
        let separator = self.text("decimal-separator");
        if separator == "." {
            written.to_owned()
        } else {
            written.replacen('.', &separator, 1)
        }
    }

    /// A share as a whole percentage with the language's spacing: "94 %".
    pub fn percent(&self, ratio: f64) -> String {
        let value = format!("{:.0}", ratio * 100.0);
        self.format("percent", &[("value", value.into())])
    }

    /// A calendar day as the language writes it in a sentence.
    pub fn date(&self, year: u16, month: u8, day: u8, iso: &str) -> String {
        self.format(
            "date",
            &[
                ("year", year.into()),
                ("month", month.into()),
                ("day", day.into()),
                ("iso", iso.into()),
            ],
        )
    }
}

#[cfg(test)]
mod tests;
