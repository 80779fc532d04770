//! Arbitrary bytes as a referential file: parsing never panics, its
//! diagnostics point inside the file, and a referential that is accepted
//! resolves its own names and matches headings to its sections.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mdbook_technical_file_fuzz::checks::referential(data));
