//! mdbook-technical-file: project reports become chapters of an mdBook book,
//! with a generated skill-coverage appendix that traces every skill of a
//! referential to the report sections that evidence it.
//!
//! The modules are private; this file is the library's whole public API:
//! the front ends (the command line, building and analysing a book on
//! disk, the mdBook preprocessor), the pure core in [`pipeline`], and the
//! model types their results are made of. Test support (synthetic books,
//! work counters, a few internals the property tests and fuzz targets
//! reach) is in [`testing`], behind the `test-support` feature.
//!
//! See ARCHITECTURE.md for the layers and their rules.

mod book;
mod cli;
mod cohort;
mod config;
mod diagnostic;
mod lang;
mod lsp;
mod model;
pub mod pipeline;
mod referential;
mod render;
mod spelling;
mod syntax;
mod text;
mod work;

#[cfg(feature = "test-support")]
pub mod testing;
/// Reading a printed PDF (pages, outline, destinations, links), for the tests of `pdf` (the
/// command and the tests share one reader).
#[cfg(feature = "test-support")]
pub use cli::pdf::document::{
    Bookmark as PdfBookmark, LinkTarget as PdfLinkTarget, Links as PdfLinks, PrintedPdf,
};

// Front ends.
pub use book::engine::{Outcome, process};
pub use book::load::load_book;
pub use book::preprocessor::{TechnicalFilePreprocessor, parse_input};
pub use cli::commands::{analyze, build};
pub use cli::main;

// The model.
pub use config::{Config, English};
pub use diagnostic::{Diagnostic, Excerpt, Severity};
pub use lang::{Lang, Unsupported as UnsupportedLanguage};
pub use model::file::TechnicalFile;
pub use model::ids::{ReportId, Texts};
pub use model::report::Report;
pub use referential::{DEFAULT_REFERENTIAL, Referential, SkillId, normalize_heading};
pub use render::export;
pub use render::report_page::PageContext;
pub use spelling::{Settings as SpellingSettings, SpellStats};
pub use syntax::markdown::{Flavor, id_from_text};
pub use text::source::{Decoded, SourceFile, decode, decode_owned};
