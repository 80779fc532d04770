//! Inputs found by the fuzz targets (`fuzz/`, cargo-fuzz), replayed in the
//! normal test suite: every file of `tests/fuzz-regressions/<target>/` goes
//! through the very checks the target of that name runs
//! (`fuzz/src/checks.rs`, included below). A failure names the input.

use crate::fuzz_checks as checks;

use std::path::{Path, PathBuf};

/// The entries of a target's folder, sorted (at least one: an empty or
/// missing folder is a mistake, not a pass).
fn cases(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    entries.sort();
    assert!(!entries.is_empty(), "no case in {}", dir.display());
    entries
}

/// Runs `check` on every case, and fails naming each case that panicked.
fn replay(target: &str, check: impl Fn(&Path)) {
    let mut failed = Vec::new();
    for case in cases(target) {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&case)));
        if outcome.is_err() {
            failed.push(case.display().to_string());
        }
    }
    assert!(failed.is_empty(), "fuzz regressions failed: {failed:#?}");
}

fn read(case: &Path) -> Vec<u8> {
    std::fs::read(case).unwrap_or_else(|e| panic!("{}: {e}", case.display()))
}

#[test]
fn report() {
    replay("report", |case| checks::report(&read(case)));
}

#[test]
fn splice() {
    replay("splice", |case| checks::splice(&read(case)));
}

#[test]
fn referential() {
    replay("referential", |case| checks::referential(&read(case)));
}

#[test]
fn preprocessor_json() {
    replay("preprocessor_json", |case| {
        checks::preprocessor_json(&read(case))
    });
}

/// Each case is a folder with the `[context, book]` JSON the target made
/// (`input.json`) and the files it wrote in the book root (`root/`), as
/// `FUZZ_BOOK_DUMP` writes them. The root is copied to a fresh folder
/// first, as the target runs in one.
#[test]
fn preprocessor_book() {
    replay("preprocessor_book", |case| {
        let root = tempfile::tempdir().unwrap();
        copy_dir(&case.join("root"), root.path());
        checks::book(&read(&case.join("input.json")), root.path());
    });
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
