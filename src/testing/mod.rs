//! Support for tests, benchmarks and fuzz targets (the `test-support`
//! feature): synthetic books, the work counters, and the internals that
//! property tests and fuzz targets check directly.

pub mod http;
pub mod student;
pub mod synthetic;

pub use crate::book::load::{list_reports, read_reports};
pub use crate::lang::{Catalogue, Lang};
pub use crate::render::report_page::edits as report_edits;
pub use crate::spelling::cache::DiskCache;
pub use crate::spelling::prose::{Target, blank};
pub use crate::spelling::{Mode, Settings, Store, check as check_spelling};
pub use crate::text::paths::{join, percent_decode};
pub use crate::text::splice::{Edit, apply_tracked};
pub use crate::work::{STEPS, Step, counts};
