//! Arbitrary text as a report, next to a second report sharing a skill
//! (as in tests/it/preserve.rs): the page's edits never overlap, and the page
//! minus the tool's insertions is the input minus the edited ranges, byte
//! for byte.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mdbook_technical_file_fuzz::checks::splice(data));
