//! The coverage a book publishes (`coverage --format json`, coverage.json
//! beside the pages): valid against docs/coverage.schema.json on the
//! example book, the golden fixture and a new book; what the Pages
//! workflows run writes it where the site is uploaded from.

use crate::support::{binary, path_with_binary, repo_root};
use serde_json::Value;
use std::path::Path;
use yaml_rust2::YamlLoader;

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo_root().join("docs/coverage.schema.json")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

fn assert_valid(document: &Value, what: &str) {
    let problems: Vec<String> = validator()
        .iter_errors(document)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(problems.is_empty(), "{what}: {problems:#?}");
}

fn coverage(dir: &Path) -> Value {
    let output = binary()
        .args(["coverage", "--format", "json"])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_published_coverage_matches_its_schema() {
    let example = coverage(&repo_root());
    assert_valid(&example, "the example book");
    // What a dashboard needs, with the example book's own figures.
    assert_eq!(example["schema"], 1);
    assert_eq!(example["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(example["summary"]["covered"], 17);
    assert_eq!(
        example["referential"]["skills"].as_array().unwrap().len(),
        18
    );
    let gaps: Vec<&Value> = example["skills"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["state"] == "gap")
        .collect();
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0]["reports"], 0);
    assert_eq!(example["summary"]["gaps"][0], gaps[0]["id"]);
    assert!(example["title"].as_str().is_some_and(|t| !t.is_empty()));
    let page_estimate = example["page_estimate"].as_f64().unwrap();
    assert!((8.0..=10.0).contains(&page_estimate), "{page_estimate}");
    // Where the pages go: the hand-written chapters, whose printed pages
    // add up to the estimate, and every report's sections with their words.
    let chapters = example["chapters"].as_array().unwrap();
    let paths: Vec<&str> = chapters
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "introduction.md",
            "block-1-cloud-infrastructure.md",
            "block-2-automation.md",
            "block-3-project-management.md",
            "conclusion.md",
            "reports.md"
        ]
    );
    let printed: f64 = chapters
        .iter()
        .map(|c| c["printed_pages"].as_f64().unwrap())
        .sum();
    assert_eq!(printed, page_estimate);
    for chapter in chapters {
        let words = chapter["words"].as_f64().unwrap();
        let pages = chapter["pages"].as_f64().unwrap();
        assert!(
            (pages - words / 350.0).abs() < 0.06 + chapter["code_lines"].as_f64().unwrap() / 45.0,
            "{chapter}"
        );
    }
    for report in example["reports"].as_array().unwrap() {
        let sections = report["sections"].as_array().unwrap();
        assert!(sections.len() >= 8, "{report}");
        assert!(
            sections
                .iter()
                .all(|s| s["words"].as_u64().unwrap() > 0 || s["level"] != 2),
            "{report}"
        );
    }
    let terraform = &example["reports"][0]["sections"][0];
    assert_eq!(terraform["anchor"], "the-problem", "{terraform}");
    let kinds: Vec<&str> = example["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"individual") && kinds.contains(&"group"),
        "{kinds:?}"
    );

    let golden = coverage(&repo_root().join("tests/fixtures/golden"));
    assert_valid(&golden, "the golden fixture");
    // The counts of `check --format json`.
    let check = binary()
        .args(["check", "--format", "json"])
        .current_dir(repo_root().join("tests/fixtures/golden"))
        .output()
        .unwrap();
    let check: Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(golden["checks"]["errors"], check["summary"]["errors"]);
    assert_eq!(golden["checks"]["warnings"], check["summary"]["warnings"]);

    // The schema is not a formality: a document of another version, or
    // without a field a dashboard reads, is refused.
    let mut other = example.clone();
    other["schema"] = 2.into();
    assert!(!validator().is_valid(&other));
    let mut partial = example.clone();
    partial["skills"][0]
        .as_object_mut()
        .unwrap()
        .remove("state");
    assert!(!validator().is_valid(&partial));
}

/// The command each Pages workflow runs to publish coverage.json, run on
/// a new book after its build, with the site address the workflow gives.
#[test]
fn the_pages_workflows_publish_coverage_json_beside_the_book() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("book");
    let init = binary()
        .args(["init", "--author", "Ana <Silva>", "--title", "Ana's file"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(init.status.success());
    let build = binary().arg("build").current_dir(&root).output().unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    for workflow in ["src/assets/pages.yml", ".github/workflows/pages.yml"] {
        let text = std::fs::read_to_string(repo_root().join(workflow)).unwrap();
        let yaml = YamlLoader::load_from_str(&text).unwrap();
        let steps = yaml[0]["jobs"]["build"]["steps"].as_vec().unwrap();
        let step = steps
            .iter()
            .find(|s| s["name"].as_str() == Some("Publish coverage.json beside the book"))
            .unwrap_or_else(|| panic!("{workflow}: no step publishes coverage.json"));
        // It runs after the build and before the upload of target/book.
        let position = |name: &str| steps.iter().position(|s| s["name"].as_str() == Some(name));
        let this = position("Publish coverage.json beside the book").unwrap();
        assert!(position("Build the book").unwrap() < this, "{workflow}");
        let upload = steps
            .iter()
            .position(|s| s["uses"].as_str() == Some("actions/upload-pages-artifact@v4"))
            .unwrap();
        assert!(this < upload, "{workflow}");
        assert_eq!(steps[upload]["with"]["path"].as_str(), Some("target/book"));
        let _ = std::fs::remove_file(root.join("target/book/coverage.json"));
        let output = std::process::Command::new("sh")
            .args(["-c", step["run"].as_str().unwrap()])
            .current_dir(&root)
            .env("PATH", path_with_binary())
            .env(
                "MDBOOK_OUTPUT__HTML__SITE_URL",
                "https://ana.github.io/file/",
            )
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{workflow}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let published: Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("target/book/coverage.json")).unwrap(),
        )
        .unwrap();
        assert_valid(&published, workflow);
        assert_eq!(published["site"], "https://ana.github.io/file/");
        assert_eq!(published["student"], "Ana <Silva>");
        assert_eq!(published["title"], "Ana's file");
        // The appendix it names is a page of the built site.
        let appendix = published["links"]["appendix"].as_str().unwrap();
        assert!(
            root.join("target/book").join(appendix).is_file(),
            "{appendix}"
        );
    }
}
