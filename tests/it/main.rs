//! The integration tests, as one binary so the suite links once. Each
//! module is one subject; shared helpers are in `support`.

mod support;

/// The fuzz targets' checks, replayed on the inputs they once failed on
/// (`fuzz_regressions`) and used by the property tests (`preserve`).
#[path = "../../fuzz/src/checks.rs"]
mod fuzz_checks;

mod architecture;
mod build;
mod cli;
mod cohort;
mod corpus;
mod distribution;
mod editors;
mod example_book;
mod exit_codes;
mod fidelity;
mod fuzz_regressions;
mod golden;
mod hostile;
mod init;
mod lsp;
mod no_writes;
mod preserve;
mod printed;
mod published;
mod reviewer;
mod scaling;
mod security;
mod serve;
mod spelling;
mod synthetic_book;
