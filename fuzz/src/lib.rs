//! The fuzz targets' checks live in `checks.rs`, shared with the main
//! crate's `tests/it/fuzz_regressions.rs`, which replays the inputs kept in
//! `tests/fuzz-regressions/`.

pub mod checks;
