//! The tool never writes into the author's sources: `book/`, `reports/`,
//! `book.toml` (and anything else next to them but the build output) keep
//! their contents and modification times through `build`, `check`,
//! `coverage` and the preprocessor protocol.

use crate::support::{binary, preprocessor_input, run_preprocessor};
use std::path::Path;
use std::process::{Command, Stdio};

fn binary_in(dir: &Path) -> Command {
    let mut command = binary();
    command.current_dir(dir);
    command
}

/// Everything under the book root except the build output.
fn sources(
    root: &Path,
) -> std::collections::BTreeMap<std::path::PathBuf, (Vec<u8>, std::time::SystemTime)> {
    crate::support::snapshot(root)
        .into_iter()
        .filter(|(path, _)| !path.starts_with(root.join("target")))
        .collect()
}

#[test]
fn build_check_coverage_and_the_preprocessor_write_nothing_into_the_sources() {
    let copy = crate::support::copy_book(&crate::support::repo_root());
    let root = copy.path();
    // A chapter SUMMARY.md lists and lacks: mdBook's default would create it.
    let summary = root.join("book/SUMMARY.md");
    let listed = std::fs::read_to_string(&summary).unwrap() + "- [Ghost](ghost-chapter.md)\n";
    std::fs::write(&summary, listed).unwrap();
    // mtimes have a coarse resolution on some file systems: make any write visible.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let before = sources(root);
    assert!(before.keys().any(|p| p.ends_with("book.toml")));
    assert!(before.keys().any(|p| p.starts_with(root.join("reports"))));

    mdbook_technical_file::build(root, false).unwrap();
    for args in [
        vec!["check"],
        vec!["check", "--format", "json"],
        vec!["coverage"],
        vec!["coverage", "--format", "json"],
        vec!["coverage", "--format", "csv"],
        vec!["build"],
    ] {
        let status = binary_in(root)
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.code().is_some(), "{args:?} was killed");
    }

    // The preprocessor, as mdBook runs it.
    let output = run_preprocessor(binary_in(root), &preprocessor_input(root));
    assert!(output.status.success());

    let check = binary_in(root).arg("check").output().unwrap();
    let said = String::from_utf8_lossy(&check.stderr);
    assert!(
        said.contains(
            "warning[missing-chapter]: SUMMARY.md lists `ghost-chapter.md`, which does not exist"
        ) && said.contains("book/SUMMARY.md:"),
        "{said}"
    );
    assert!(!root.join("book/ghost-chapter.md").exists());

    let after = sources(root);
    let changed: Vec<String> = before
        .keys()
        .chain(after.keys())
        .filter(|path| before.get(*path) != after.get(*path))
        .map(|path| path.display().to_string())
        .collect();
    assert!(changed.is_empty(), "changed or created: {changed:?}");
}
