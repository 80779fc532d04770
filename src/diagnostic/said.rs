//! What a diagnostic says, as a message of the catalogues and its
//! variables, so that it can be said again in the book's language.

use crate::lang::{Arg, Catalogue, Lang};

/// A message of the catalogues (`src/lang/<code>/messages.ftl`) and its
/// variables: what a diagnostic says, in any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub id: &'static str,
    pub args: Vec<(&'static str, SaidArg)>,
}

/// A variable of a [`Said`]: a number chooses the plural form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaidArg {
    Text(String),
    Number(usize),
    /// A number with decimals as English writes it (`6.0`, `0.8`), written
    /// with the language's separator.
    Decimal(String),
    /// Messages said one after the other, between the language's
    /// `clause-separator`s ("a; b; c").
    List(Vec<Said>),
}

impl From<usize> for SaidArg {
    fn from(n: usize) -> SaidArg {
        SaidArg::Number(n)
    }
}

impl From<String> for SaidArg {
    fn from(text: String) -> SaidArg {
        SaidArg::Text(text)
    }
}

impl From<&str> for SaidArg {
    fn from(text: &str) -> SaidArg {
        SaidArg::Text(text.to_owned())
    }
}

impl From<&String> for SaidArg {
    fn from(text: &String) -> SaidArg {
        SaidArg::Text(text.clone())
    }
}

impl Said {
    /// `Said::new("missing-sections").arg("sections", list)`.
    pub fn new(id: &'static str) -> Said {
        Said {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<SaidArg>) -> Said {
        self.args.push((name, value.into()));
        self
    }

    /// A number with `digits` decimals, or as short as it is (`8`, `0.85`).
    pub fn decimal(mut self, name: &'static str, value: f64, digits: Option<usize>) -> Said {
        let text = match digits {
            Some(digits) => format!("{value:.digits$}"),
            None => format!("{value}"),
        };
        self.args.push((name, SaidArg::Decimal(text)));
        self
    }

    /// The message in the language of `words`.
    pub fn in_words(&self, words: &Catalogue) -> String {
        let lists: Vec<String> = self
            .args
            .iter()
            .filter_map(|(_, value)| match value {
                SaidArg::List(items) => Some(
                    items
                        .iter()
                        .map(|item| item.in_words(words))
                        .collect::<Vec<_>>()
                        .join(&words.text("clause-separator")),
                ),
                _ => None,
            })
            .collect();
        let mut lists = lists.iter();
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    SaidArg::Text(text) => Arg::from(text.as_str()),
                    SaidArg::Number(n) => Arg::from(*n),
                    SaidArg::Decimal(text) => Arg::from(words.number(text)),
                    SaidArg::List(_) => Arg::from(lists.next().map_or("", String::as_str)),
                };
                (*name, value)
            })
            .collect();
        words.format(self.id, &args)
    }
}

/// What a diagnostic says: plain text, or a catalogue message (written in
/// English until [`Diagnostic::localize`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub said: Option<Said>,
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message { text, said: None }
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        text.to_owned().into()
    }
}

impl From<&String> for Message {
    fn from(text: &String) -> Message {
        text.clone().into()
    }
}

impl From<Said> for Message {
    fn from(said: Said) -> Message {
        Message {
            text: said.in_words(Lang::En.catalogue()),
            said: Some(said),
        }
    }
}
