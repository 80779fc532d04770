//! Arbitrary bytes as a report file: decoding, front matter, Markdown
//! scan, markers, claims, anchors, labels, excerpts and the spelling
//! blanking must never panic, and what they compute must hold together.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mdbook_technical_file_fuzz::checks::report(data));
