//! Larger books, built for real from the deterministic generator: with 40
//! reports the matrix has a row per report; beyond 60 it degrades to counts
//! per skill. Every link still lands.

use mdbook_technical_file::testing::synthetic;

fn build(n: usize) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    synthetic::write(dir.path(), &synthetic::book(n, 11, false)).unwrap();
    let out = mdbook_technical_file::build(dir.path(), false).unwrap();
    let appendix = std::fs::read_to_string(out.join("skill-coverage.html")).unwrap();
    let (checked, broken) = crate::support::broken_links(&out);
    assert!(
        broken.is_empty(),
        "{n} reports, broken links:\n{}",
        broken.join("\n")
    );
    assert!(checked > n * 20, "only {checked} links checked");
    (dir, appendix)
}

/// The rows of the table that follows the heading with this id.
fn rows_after(html: &str, id: &str) -> usize {
    let at = html.find(&format!("id=\"{id}\"")).unwrap();
    let table = &html[at..];
    let table = &table[..table.find("</table>").unwrap()];
    table.matches("<tr>").count()
}

#[test]
fn forty_reports_get_a_row_each_in_the_matrix() {
    let (_dir, appendix) = build(40);
    // Header row, one row per report, the counts row.
    assert_eq!(rows_after(&appendix, "tf-matrix-b1"), 1 + 40 + 1);
    assert!(appendix.contains("aria-label=\"C1.1 evidenced in"));
}

#[test]
fn beyond_sixty_reports_the_matrix_counts_per_skill() {
    let (_dir, appendix) = build(80);
    assert!(appendix.contains("With 80 reports, a row per report would not be readable"));
    // Header row and one row per skill of block B1.
    assert_eq!(rows_after(&appendix, "tf-matrix-b1"), 1 + 7);
}
