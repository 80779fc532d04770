//! No quadratic step: the work counted in matrix building, heading ids,
//! related reports, link checking and marker look-ups grows linearly from
//! 1,000 to 5,000 synthetic reports (counted, not timed).

use mdbook_technical_file::pipeline::{self, Input, ReportInput};
use mdbook_technical_file::testing::{STEPS, counts, synthetic};
use mdbook_technical_file::{Config, PageContext, Referential, decode};

/// Runs the whole pure pipeline (analysis and pages) and returns the
/// counted work.
fn work_for(n: usize) -> [u64; 6] {
    let referential = Referential::embedded();
    let reports = (0..n)
        .map(|i| {
            let stem = synthetic::stem(i);
            ReportInput {
                path: format!("reports/{stem}.md"),
                content: Ok(decode(synthetic::report(i, n, &referential, 7).as_bytes())),
                stem,
            }
        })
        .collect();
    let input = Input {
        config: Config::default(),
        referential,
        diagnostics: Vec::new(),
        reports,
        chapters: Vec::new(),
        chapter_paths: Default::default(),
        source_dir: "book".to_owned(),
    };
    let before = counts();
    let rendered = pipeline::render(pipeline::analyze(input), &PageContext::default());
    assert_eq!(rendered.reports.len(), n);
    assert!(rendered.appendix.content.len() > n * 100);
    let after = counts();
    std::array::from_fn(|i| after[i] - before[i])
}

/// The counts are global to the process and the other tests run beside
/// this one: each measure runs alone in a child process of this test
/// binary (`measure_in_this_process`, ignored in normal runs).
fn work_in_child(n: usize) -> [u64; 6] {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "scaling::measure_in_this_process",
            "--ignored",
            "--nocapture",
        ])
        .env("SCALING_REPORTS", n.to_string())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("counts:"))
        .unwrap_or_else(|| panic!("no counts in {stdout}"));
    let counts: Vec<u64> = line
        .split_whitespace()
        .map(|c| c.parse().unwrap())
        .collect();
    counts.try_into().unwrap()
}

#[test]
#[ignore = "run by counted_work_grows_linearly_from_1000_to_5000_reports in its own process"]
fn measure_in_this_process() {
    let n = std::env::var("SCALING_REPORTS").unwrap().parse().unwrap();
    let counts = work_for(n).map(|c| c.to_string()).join(" ");
    println!("counts: {counts}");
}

#[test]
fn counted_work_grows_linearly_from_1000_to_5000_reports() {
    let small = work_in_child(1000);
    let large = work_in_child(5000);
    for (i, step) in STEPS.iter().enumerate() {
        assert!(small[i] > 0, "{step:?} was not counted at all");
        let ratio = large[i] as f64 / small[i] as f64;
        assert!(
            ratio <= 5.5,
            "{step:?}: {} → {} (×{ratio:.2}) for 5× the reports",
            small[i],
            large[i]
        );
    }
}
