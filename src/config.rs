//! The `[preprocessor.technical-file]` table of `book.toml`.

use crate::diagnostic::{Diagnostic, Said, did_you_mean_said, nearest};
use crate::lang::{Catalogue, Lang};
use crate::syntax::markdown::Flavor;
use std::collections::BTreeMap;

/// The name of the preprocessor, and of its table in `book.toml`.
pub const NAME: &str = "technical-file";

/// How reports are ordered in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// By front matter `date`, then file name; undated reports last.
    Date,
    /// By file name only.
    Name,
}

/// When warnings are shown inside pages (errors always are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowDiagnostics {
    /// Only under `mdbook serve`, so the published book stays clean.
    Preview,
    Always,
    Never,
}

impl ShowDiagnostics {
    fn parse(name: &str) -> Option<ShowDiagnostics> {
        match name {
            "preview" => Some(ShowDiagnostics::Preview),
            "always" => Some(ShowDiagnostics::Always),
            "never" => Some(ShowDiagnostics::Never),
            _ => None,
        }
    }
}

/// Which English the spelling checker expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum English {
    American,
    British,
    Canadian,
    Australian,
}

impl English {
    /// The variant a book.toml value names (`"british"`, `"en-GB"`...).
    fn parse(name: &str) -> Option<English> {
        match name.to_lowercase().as_str() {
            "american" | "us" | "en-us" => Some(English::American),
            "british" | "uk" | "gb" | "en-gb" => Some(English::British),
            "canadian" | "ca" | "en-ca" => Some(English::Canadian),
            "australian" | "au" | "en-au" => Some(English::Australian),
            _ => None,
        }
    }
}

/// The language `book.language` names; a tag the tool does not support is
/// a warning and no language (no spelling rather than English rules on it).
fn book_language(tag: Option<&str>, diagnostics: &mut Vec<Diagnostic>) -> Option<Lang> {
    let Some(tag) = tag.filter(|t| !t.trim().is_empty()) else {
        return Some(Lang::En);
    };
    match Lang::from_tag(tag) {
        Ok(lang) => Some(lang),
        Err(unsupported) => {
            let supported: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            diagnostics.push(
                Diagnostic::warning(
                    "unsupported-language",
                    "book.toml",
                    format!(
                        "`book.language = \"{}\"` is not a language the tool supports; \
                         its text gets no spelling and the generated pages are in English",
                        unsupported.0
                    ),
                )
                .with_suggestion(format!("supported: {}", supported.join(", "))),
            );
            None
        }
    }
}

/// Why a key of the table was not set.
enum Unset {
    /// A known key with a wrong value: what it must be.
    Invalid(&'static str),
    Unknown,
}

/// Settings of the tool, with their defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Folder of the reports, relative to the book root.
    pub reports: String,
    /// A chapter of SUMMARY.md under which reports go, if SUMMARY links it.
    pub placeholder: String,
    /// Path of the generated appendix in the book.
    pub appendix: String,
    /// `appendix-title`; the catalogue's title in the book's language if unset.
    pub appendix_title: Option<String>,
    /// Title of the part that holds the reports when there is no placeholder
    /// (`part-title`; the catalogue's in the book's language if unset).
    pub part_title: Option<String>,
    pub order: Order,
    /// A referential file relative to the book root; the embedded one if `None`.
    pub referential: Option<String>,
    /// Errors fail the build.
    pub strict: bool,
    /// Minimum share of covered skills, overall.
    pub min_coverage: Option<f64>,
    /// Minimum share of covered skills per block id (`"*"`: every block).
    pub min_block_coverage: BTreeMap<String, f64>,
    /// Page budget of the hand-written technical file: `[min, max]`.
    pub pages: Option<(f64, f64)>,
    pub words_per_page: f64,
    pub code_lines_per_page: f64,
    pub spelling: bool,
    /// Style advice too ("all of the" → "all the", "and also"), not only
    /// mistakes. Off by default: advice drowns the mistakes.
    pub style: bool,
    /// Whether `english` is set in book.toml (see `spelling::Settings`).
    pub english_chosen: bool,
    pub english: English,
    /// A project word list, one word a line, relative to the book root.
    pub dictionary: Option<String>,
    pub show_diagnostics: ShowDiagnostics,
    /// Whether the tool runs before mdBook's `links` preprocessor
    /// (`before = ["links"]`), which `{{#include}}` in reports needs.
    pub before_links: bool,
    /// The Markdown options of the HTML renderer.
    pub flavor: Flavor,
    /// Whether `mdbook serve` is running (it sets a live-reload endpoint).
    pub serving: bool,
    /// Whether the book gets a jury grid page (`jury-grid = true`).
    pub jury_grid: bool,
    /// `[output.html] site-url`: where the book is published, if set.
    pub site_url: Option<String>,
    /// `[book] authors`: the candidate named on the jury grid.
    pub authors: Vec<String>,
    /// `keywords`: the printed PDF's keywords.
    pub keywords: Vec<String>,
    /// `[book] language`, the book's language: English when unset; `None`
    /// when the tag names a language the tool does not support (`de`), whose
    /// text then gets no spelling (a warning says so once per build).
    pub language: Option<Lang>,
    /// `[preprocessor.technical-file.pdf]`: the printed file's front pages.
    pub print: PrintOptions,
}

/// What `pdf` puts before the book's first chapter; neither counts in the
/// technical file's pages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintOptions {
    /// A cover page: title, student (`authors`), training (the
    /// referential's title), school, date.
    pub cover: bool,
    /// A table of contents with the printed file's page numbers.
    pub contents: bool,
    pub school: Option<String>,
    /// The cover's date (`YYYY-MM-DD`); the day of printing if unset.
    pub date: Option<crate::syntax::frontmatter::Date>,
}

/// The path of the jury grid page in the book.
pub const JURY_GRID_PATH: &str = "jury-grid.md";

impl Config {
    /// The pages the tool writes into the book (the appendix, and the jury
    /// grid when on): never hand-written chapters, never counted in pages.
    pub fn generated_pages(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.appendix.as_str()).chain(self.jury_grid.then_some(JURY_GRID_PATH))
    }

    /// The catalogue of the book's language, whose words the generated
    /// pages use (English's for a language the tool does not support).
    pub fn words(&self) -> &'static Catalogue {
        self.language.unwrap_or_default().catalogue()
    }

    /// The appendix's title: `appendix-title`, or the catalogue's.
    pub fn appendix_title(&self) -> String {
        self.appendix_title
            .clone()
            .unwrap_or_else(|| self.words().text("appendix-title"))
    }

    /// The title of the reports' part: `part-title`, or the catalogue's.
    pub fn part_title(&self) -> String {
        self.part_title
            .clone()
            .unwrap_or_else(|| self.words().text("part-title"))
    }

    /// Whether the tool writes the page at this path.
    pub fn is_generated_page(&self, path: &str) -> bool {
        self.generated_pages().any(|p| p == path)
    }

    /// The address of the published book when `site-url` is a full one
    /// (`https://…/`), with a final `/`; `None` for a path like `/repo/`,
    /// which a printed page cannot lead back from.
    pub fn published_url(&self) -> Option<String> {
        let url = self.site_url.as_deref()?.trim();
        let full = ["https://", "http://"].iter().any(|scheme| {
            url.len() > scheme.len() && url[..scheme.len()].eq_ignore_ascii_case(scheme)
        });
        full.then(|| format!("{}/", url.trim_end_matches('/')))
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            reports: "reports".to_owned(),
            placeholder: "reports.md".to_owned(),
            appendix: "skill-coverage.md".to_owned(),
            appendix_title: None,
            part_title: None,
            order: Order::Date,
            referential: None,
            strict: false,
            min_coverage: None,
            min_block_coverage: BTreeMap::new(),
            pages: Some((8.0, 10.0)),
            words_per_page: 350.0,
            code_lines_per_page: 45.0,
            spelling: true,
            style: false,
            english_chosen: false,
            english: English::American,
            dictionary: None,
            show_diagnostics: ShowDiagnostics::Preview,
            before_links: false,
            flavor: Flavor::default(),
            serving: false,
            jury_grid: false,
            site_url: None,
            authors: Vec::new(),
            keywords: Vec::new(),
            language: Some(Lang::En),
            print: PrintOptions::default(),
        }
    }
}

/// Keys of the table that mdBook itself reads.
const MDBOOK_KEYS: [&str; 5] = ["command", "before", "after", "renderers", "optional"];

const KEYS: [&str; 21] = [
    "reports",
    "placeholder",
    "appendix",
    "appendix-title",
    "part-title",
    "order",
    "referential",
    "strict",
    "min-coverage",
    "min-block-coverage",
    "pages",
    "words-per-page",
    "code-lines-per-page",
    "spelling",
    "style",
    "english",
    "dictionary",
    "show-diagnostics",
    "jury-grid",
    "keywords",
    "pdf",
];

/// Keys of the `pdf` sub-table.
const PDF_KEYS: [&str; 4] = ["cover", "contents", "school", "date"];

impl Config {
    /// Reads the tool's table and the HTML renderer's Markdown options from
    /// mdBook's configuration. Problems are reported against `book.toml`
    /// and the default is kept for the key concerned.
    pub fn from_mdbook(config: &mdbook_preprocessor::config::Config) -> (Config, Vec<Diagnostic>) {
        let table = config
            .get::<toml::Value>(&format!("preprocessor.{NAME}"))
            .ok()
            .flatten();
        let html = config.get::<toml::Value>("output.html").ok().flatten();
        let live_reload = config
            .get::<toml::Value>("output.html.live-reload-endpoint")
            .ok()
            .flatten()
            .is_some();
        let (mut parsed, diagnostics) = Config::from_toml(table.as_ref());
        parsed.flavor = flavor_of(html.as_ref());
        parsed.serving = live_reload;
        parsed.site_url = html
            .as_ref()
            .and_then(|h| h.get("site-url"))
            .and_then(|u| u.as_str())
            .map(str::to_owned);
        parsed.authors = config.book.authors.clone();
        let mut diagnostics = diagnostics;
        parsed.language = book_language(config.book.language.as_deref(), &mut diagnostics);
        (parsed, diagnostics)
    }

    /// Reads the tool's table (as a TOML value).
    pub fn from_toml(table: Option<&toml::Value>) -> (Config, Vec<Diagnostic>) {
        let mut config = Config::default();
        let mut diagnostics = Vec::new();
        let Some(toml::Value::Table(table)) = table else {
            return (config, diagnostics);
        };
        for (key, value) in table {
            if let ("pdf", toml::Value::Table(options)) = (key.as_str(), value) {
                config.print = print_options(options, &mut diagnostics);
                continue;
            }
            match config.set(key, value) {
                Ok(()) => {}
                Err(Unset::Invalid(expected)) => diagnostics.push(Diagnostic::error(
                    "invalid-config",
                    "book.toml",
                    Said::new("invalid-config")
                        .arg("key", format!("preprocessor.{NAME}.{key}"))
                        .arg("expected", expected),
                )),
                Err(Unset::Unknown) => {
                    let mut d = Diagnostic::warning(
                        "unknown-config-key",
                        "book.toml",
                        Said::new("unknown-config-key")
                            .arg("key", format!("preprocessor.{NAME}.{key}")),
                    );
                    if let Some(known) = nearest(key, KEYS) {
                        d = d.with_suggestion(did_you_mean_said(known));
                    }
                    diagnostics.push(d);
                }
            }
        }
        (config, diagnostics)
    }

    /// Sets one key of the table, or says why it was not set.
    fn set(&mut self, key: &str, value: &toml::Value) -> Result<(), Unset> {
        use toml::Value as V;
        match (key, value) {
            ("reports", V::String(s)) => self.reports = s.clone(),
            ("placeholder", V::String(s)) => self.placeholder = s.clone(),
            ("appendix", V::String(s)) if s.ends_with(".md") => self.appendix = s.clone(),
            ("appendix-title", V::String(s)) => self.appendix_title = Some(s.clone()),
            ("part-title", V::String(s)) => self.part_title = Some(s.clone()),
            ("order", V::String(s)) if s == "date" => self.order = Order::Date,
            ("order", V::String(s)) if s == "name" => self.order = Order::Name,
            ("referential", V::String(s)) => self.referential = Some(s.clone()),
            ("strict", V::Boolean(b)) => self.strict = *b,
            ("min-coverage", v) if share(v).is_some() => self.min_coverage = share(v),
            ("min-block-coverage", v) if share(v).is_some() => {
                self.min_block_coverage
                    .insert("*".to_owned(), share(v).unwrap_or(0.0));
            }
            ("min-block-coverage", V::Table(blocks))
                if blocks.values().all(|v| share(v).is_some()) =>
            {
                for (block, v) in blocks {
                    self.min_block_coverage
                        .insert(block.clone(), share(v).unwrap_or(0.0));
                }
            }
            ("pages", V::Array(range)) if range.len() == 2 => {
                match (number(&range[0]), number(&range[1])) {
                    (Some(min), Some(max)) if 0.0 < min && min <= max => {
                        self.pages = Some((min, max));
                    }
                    _ => return Err(Unset::Invalid("page-counts")),
                }
            }
            ("pages", V::Boolean(false)) => self.pages = None,
            ("words-per-page", v) if number(v).is_some_and(|n| n > 0.0) => {
                self.words_per_page = number(v).unwrap_or(350.0);
            }
            ("code-lines-per-page", v) if number(v).is_some_and(|n| n > 0.0) => {
                self.code_lines_per_page = number(v).unwrap_or(45.0);
            }
            ("spelling", V::Boolean(b)) => self.spelling = *b,
            ("style", V::Boolean(b)) => self.style = *b,
            ("jury-grid", V::Boolean(b)) => self.jury_grid = *b,
            ("english", V::String(s)) => {
                self.english_chosen = true;
                self.english = English::parse(s).ok_or(Unset::Invalid("english"))?;
            }
            ("dictionary", V::String(s)) => self.dictionary = Some(s.clone()),
            ("keywords", V::Array(words)) if words.iter().all(toml::Value::is_str) => {
                self.keywords = words
                    .iter()
                    .filter_map(|w| w.as_str())
                    .map(str::to_owned)
                    .collect();
            }
            ("show-diagnostics", V::String(s)) => {
                self.show_diagnostics =
                    ShowDiagnostics::parse(s).ok_or(Unset::Invalid("show-diagnostics"))?;
            }
            ("before", V::Array(names)) => {
                self.before_links = names.iter().any(|n| n.as_str() == Some("links"));
            }
            (k, _) if MDBOOK_KEYS.contains(&k) => {}
            (k, _) if KEYS.contains(&k) => return Err(Unset::Invalid(expected(k))),
            _ => return Err(Unset::Unknown),
        }
        Ok(())
    }

    /// Whether warnings should be shown in pages.
    pub fn warnings_in_pages(&self) -> bool {
        match self.show_diagnostics {
            ShowDiagnostics::Always => true,
            ShowDiagnostics::Never => false,
            ShowDiagnostics::Preview => self.serving,
        }
    }
}

/// The `pdf` sub-table; a bad or unknown key is said and left at its default.
fn print_options(table: &toml::Table, diagnostics: &mut Vec<Diagnostic>) -> PrintOptions {
    use toml::Value as V;
    let mut options = PrintOptions::default();
    for (key, value) in table {
        let full = format!("preprocessor.{NAME}.pdf.{key}");
        let expected = match (key.as_str(), value) {
            ("cover", V::Boolean(b)) => {
                options.cover = *b;
                continue;
            }
            ("contents", V::Boolean(b)) => {
                options.contents = *b;
                continue;
            }
            ("school", V::String(s)) => {
                options.school = Some(s.clone()).filter(|s| !s.trim().is_empty());
                continue;
            }
            ("date", V::String(s)) if crate::syntax::frontmatter::Date::parse(s).is_some() => {
                options.date = crate::syntax::frontmatter::Date::parse(s);
                continue;
            }
            ("cover" | "contents", _) => "boolean",
            ("school", _) => "string",
            ("date", _) => "date",
            _ => {
                let mut d = Diagnostic::warning(
                    "unknown-config-key",
                    "book.toml",
                    Said::new("unknown-config-key").arg("key", full),
                );
                if let Some(known) = nearest(key, PDF_KEYS) {
                    d = d.with_suggestion(did_you_mean_said(known));
                }
                diagnostics.push(d);
                continue;
            }
        };
        diagnostics.push(Diagnostic::error(
            "invalid-config",
            "book.toml",
            Said::new("invalid-config")
                .arg("key", full)
                .arg("expected", expected),
        ));
    }
    options
}

/// What a key's value must be, as the `invalid-config` message selects it.
fn expected(key: &str) -> &'static str {
    match key {
        "appendix" => "markdown-path",
        "order" => "order",
        "strict" | "spelling" | "style" | "jury-grid" => "boolean",
        "min-coverage" => "share",
        "min-block-coverage" => "shares",
        "pages" => "pages",
        "words-per-page" | "code-lines-per-page" => "positive",
        "keywords" => "keywords",
        "pdf" => "table",
        _ => "string",
    }
}

fn number(value: &toml::Value) -> Option<f64> {
    match value {
        toml::Value::Integer(i) => Some(*i as f64),
        toml::Value::Float(f) if f.is_finite() => Some(*f),
        _ => None,
    }
}

fn share(value: &toml::Value) -> Option<f64> {
    number(value).filter(|n| (0.0..=1.0).contains(n))
}

fn flavor_of(html: Option<&toml::Value>) -> Flavor {
    let mut flavor = Flavor::default();
    let Some(toml::Value::Table(html)) = html else {
        return flavor;
    };
    let get = |key: &str, default: bool| match html.get(key) {
        Some(toml::Value::Boolean(b)) => *b,
        _ => default,
    };
    flavor.smart_punctuation = get("smart-punctuation", flavor.smart_punctuation);
    flavor.definition_lists = get("definition-lists", flavor.definition_lists);
    flavor.admonitions = get("admonitions", flavor.admonitions);
    flavor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn book_language_maps_regional_tags_and_warns_once_on_an_unsupported_one() {
        let mut diagnostics = Vec::new();
        assert_eq!(book_language(None, &mut diagnostics), Some(Lang::En));
        assert_eq!(
            book_language(Some("fr-FR"), &mut diagnostics),
            Some(Lang::Fr)
        );
        assert_eq!(
            book_language(Some("en-GB"), &mut diagnostics),
            Some(Lang::En)
        );
        assert!(diagnostics.is_empty());
        assert_eq!(book_language(Some("de"), &mut diagnostics), None);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, "unsupported-language");
        assert!(
            diagnostics[0].message.contains("\"de\""),
            "{}",
            diagnostics[0].message
        );
    }

    #[test]
    fn the_pdf_table_is_read_and_its_mistakes_reported() {
        let table: toml::Value = toml::from_str(
            "[pdf]\ncover = true\ncontents = \"yes\"\nschool = \"Horizon\"\ndate = \"2026-06-31\"\ncovr = true\n",
        )
        .unwrap();
        let (config, diagnostics) = Config::from_toml(Some(&table));
        assert!(config.print.cover);
        assert!(!config.print.contents);
        assert_eq!(config.print.school.as_deref(), Some("Horizon"));
        assert_eq!(config.print.date, None);
        let said: Vec<(&str, &str)> = diagnostics
            .iter()
            .map(|d| (d.code, d.message.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                (
                    "invalid-config",
                    "`preprocessor.technical-file.pdf.contents` must be true or false; the default is used"
                ),
                (
                    "unknown-config-key",
                    "unknown key `preprocessor.technical-file.pdf.covr`; it is ignored"
                ),
                (
                    "invalid-config",
                    "`preprocessor.technical-file.pdf.date` must be a date like \"2026-06-15\"; the default is used"
                ),
            ]
        );
        assert!(
            diagnostics[1]
                .suggestion
                .as_deref()
                .unwrap_or_default()
                .contains("cover")
        );
        let (config, diagnostics) = Config::from_toml(Some(&toml::from_str("pdf = true").unwrap()));
        assert_eq!(config.print, PrintOptions::default());
        assert!(
            diagnostics[0].message.contains("must be a table of"),
            "{:?}",
            diagnostics
        );
    }

    #[test]
    fn keys_are_read_and_mistakes_reported() {
        let table: toml::Value = toml::from_str(
            "command = \"x\"\nreports = \"projects\"\norder = \"name\"\nstrict = true\nmin-coverage = 0.9\nmin-block-coverage = { B1 = 1.0 }\npages = [8, 10]\nenglish = \"british\"\nplacehodler = \"r.md\"\nspelling = \"yes\"\n",
        )
        .unwrap();
        let (config, diagnostics) = Config::from_toml(Some(&table));
        assert_eq!(config.reports, "projects");
        assert_eq!(config.order, Order::Name);
        assert!(config.strict);
        assert_eq!(config.min_coverage, Some(0.9));
        assert_eq!(config.min_block_coverage.get("B1"), Some(&1.0));
        assert_eq!(config.english, English::British);
        assert!(config.spelling);
        let messages: Vec<_> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unknown key `preprocessor.technical-file.placehodler`; it is ignored",
                "`preprocessor.technical-file.spelling` must be true or false; the default is used",
            ]
        );
        assert_eq!(
            diagnostics[0].suggestion.as_deref(),
            Some("did you mean `placeholder`?")
        );
    }
}
