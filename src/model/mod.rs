//! The technical file as data: each report parsed (`report`), the
//! hand-written chapters parsed (`chapter`), the book's reports in order
//! (`file`), the coverage matrix (`coverage`), the checks that need it all
//! (`checks`), and the files reports link to (`assets`).

pub mod assets;
pub mod chapter;
pub mod checks;
pub mod coverage;
pub mod file;
pub mod ids;
pub mod progression;
pub mod report;
