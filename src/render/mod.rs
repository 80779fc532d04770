//! What the book shows, made from the model: report pages
//! (`report_page`, with `badges`, `boxes`, `includes` and `assets`),
//! hand-written chapters with their evidence lists (`chapter`), the
//! appendix (`appendix`), the jury grid (`jury`), and the coverage as JSON, CSV or a table
//! (`export`; as the document a book publishes, `published`). Generated Markdown is built by `md`, HTML by
//! `text::html`, so every interpolated text is escaped.

pub mod appendix;
pub mod assets;
pub mod badges;
pub mod boxes;
pub mod chapter;
pub mod evidence;
pub mod export;
pub mod includes;
pub mod jury;
pub mod md;
pub mod published;
pub mod report_page;
