//! Arbitrary bytes on the preprocessor's standard input: `parse_input`
//! never panics; what parses runs through the whole engine in a fresh,
//! empty book root, and the book it returns serializes.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mdbook_technical_file_fuzz::checks::preprocessor_json(data));
