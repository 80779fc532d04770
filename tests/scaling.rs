//! No quadratic step: the work counted in matrix building, heading ids,
//! related reports, link checking and marker look-ups grows linearly from
//! 1,000 to 5,000 synthetic reports (counted, not timed).

use mdbook_technical_file::config::Config;
use mdbook_technical_file::markdown::Flavor;
use mdbook_technical_file::model::TechnicalFile;
use mdbook_technical_file::page::{PageContext, report_edits};
use mdbook_technical_file::referential::Referential;
use mdbook_technical_file::report::Report;
use mdbook_technical_file::source::decode;
use mdbook_technical_file::{appendix, checks, synthetic, work};
use std::collections::HashSet;

/// Runs the whole pipeline in memory and returns the counted work.
fn work_for(n: usize) -> [u64; 6] {
    let referential = Referential::embedded();
    let before = work::counts();
    let reports: Vec<Report> = (0..n)
        .map(|i| {
            let text = synthetic::report(i, n, &referential, 7);
            let stem = synthetic::stem(i);
            Report::parse(
                &format!("reports/{stem}.md"),
                &stem,
                decode(text.as_bytes()),
                &referential,
                Flavor::default(),
            )
        })
        .collect();
    let mut file = TechnicalFile::assemble(
        Config::default(),
        referential,
        reports,
        &HashSet::new(),
        Vec::new(),
    );
    checks::run(&mut file, &[], "book");
    for (i, report) in file.reports.iter().enumerate() {
        let _ = report_edits(&file, i, &report.source.text, &PageContext::default());
    }
    let page = appendix::render(&file, &[]);
    assert!(page.len() > n * 100);
    let after = work::counts();
    std::array::from_fn(|i| after[i] - before[i])
}

#[test]
fn counted_work_grows_linearly_from_1000_to_5000_reports() {
    let small = work_for(1000);
    let large = work_for(5000);
    for (i, step) in work::STEPS.iter().enumerate() {
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
