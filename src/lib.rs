//! mdbook-technical-file: project reports become chapters of an mdBook book,
//! with a generated skill-coverage appendix that traces every skill of a
//! referential to the report sections that evidence it.
//!
//! Data flows one way: `load` reads files, `report` and `markdown` parse
//! them, `model` and `coverage` build the technical file, `checks` adds
//! diagnostics, `page` and `appendix` render, `splice` and `assemble` put
//! the result into mdBook's book. Only `load`, `commands` and
//! `preprocessor` touch the file system.

pub mod appendix;
pub mod assemble;
pub mod checks;
pub mod commands;
pub mod config;
pub mod coverage;
pub mod diagnostic;
pub mod engine;
pub mod export;
pub mod frontmatter;
pub mod html;
pub mod load;
pub mod markdown;
pub mod marker;
pub mod md;
pub mod model;
pub mod page;
pub mod parallel;
pub mod paths;
pub mod pdf;
pub mod preprocessor;
pub mod referential;
pub mod report;
pub mod scaffold;
pub mod source;
pub mod spelling;
pub mod splice;
pub mod synthetic;
pub mod value;
pub mod work;
