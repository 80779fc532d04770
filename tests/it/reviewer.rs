//! The reviewer's view: the progression chart on books with undated
//! reports, one report, or no date at all; the jury grid with absolute and
//! relative links, kept out of the page count; and, with Chromium, the
//! PDF's link annotations counted and resolved, the grid printed alone
//! with no row split across pages.

use crate::support::{
    TestBook, binary, chromium, copy_book, hrefs, ids, main_of, pdftotext, repo_root,
};
use std::collections::BTreeSet;
use std::fs;

fn report(title: &str, date: Option<&str>, skills: &[&str]) -> String {
    let mut text = String::from("+++\n");
    if let Some(date) = date {
        text.push_str(&format!("date = {date}\n"));
    }
    text.push_str(&format!("+++\n# {title}\n\n## Constraints\n\nText"));
    for skill in skills {
        text.push_str(&format!(" {{{{#skill {skill}}}}}"));
    }
    text.push_str(".\n");
    text
}

/// The chart's SVG in the built appendix, as the browser gets it.
fn chart(book: &TestBook) -> String {
    book.build();
    let page = book.page("skill-coverage.html");
    let start = page.find("<svg").expect("a chart");
    let end = page.find("</svg>").expect("the chart's end") + "</svg>".len();
    page[start..end].to_owned()
}

/// Every value of an attribute on a given element, in order.
fn attribute(svg: &str, element: &str, name: &str) -> Vec<f64> {
    let re = regex::Regex::new(&format!(r#"<{element}\b[^>]*\s{name}="([-0-9.]+)""#)).unwrap();
    re.captures_iter(svg)
        .map(|c| c[1].parse().unwrap())
        .collect()
}

/// The x of each report's numbered circle, in order.
fn numbered_circles(svg: &str) -> Vec<f64> {
    regex::Regex::new(r#"<circle cx="([-0-9.]+)" cy="[-0-9.]+" r="9""#)
        .unwrap()
        .captures_iter(svg)
        .map(|c| c[1].parse().unwrap())
        .collect()
}

/// The tags of the SVG open and close in order (what the browser's parser
/// would otherwise repair silently).
fn assert_balanced(svg: &str) {
    let tag = regex::Regex::new(r"<(/?)([a-zA-Z]+)[^>]*?(/?)>").unwrap();
    let mut open: Vec<String> = Vec::new();
    for c in tag.captures_iter(svg) {
        let name = c[2].to_owned();
        if &c[3] == "/" {
            continue;
        }
        if &c[1] == "/" {
            assert_eq!(open.pop().as_deref(), Some(name.as_str()), "in {svg}");
        } else {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
}

#[test]
fn the_chart_puts_undated_reports_after_the_dashed_line_and_says_so() {
    let book = TestBook::new(&[
        ("book/SUMMARY.md", "# Summary\n\n- [Reports](reports.md)\n"),
        ("book/reports.md", "# Reports\n"),
        (
            "reports/a.md",
            &report("Alpha", Some("2025-10-01"), &["C1.1", "C2.1"]),
        ),
        (
            "reports/b.md",
            &report("Beta", Some("2026-02-15"), &["C1.2"]),
        ),
        ("reports/c.md", &report("Gamma", None, &["C3.1", "C1.1"])),
        (
            "reports/d.md",
            "+++\ndate = 2026-03-01\ndraft = true\n+++\n# Draft\n",
        ),
    ]);
    let svg = chart(&book);
    assert_balanced(&svg);
    assert!(svg.contains("<g class=\"tf-chart-undated\">"), "{svg}");
    // One numbered circle per published report, dated ones in date order
    // and left of the dashed line, the undated one after it.
    let numbered = numbered_circles(&svg);
    assert_eq!(numbered.len(), 3, "{numbered:?}");
    let dashed = regex::Regex::new(r#"<line x1="([-0-9.]+)"[^>]*stroke-dasharray="4 3""#)
        .unwrap()
        .captures(&svg)
        .expect("the dashed line")[1]
        .parse::<f64>()
        .unwrap();
    assert!(
        numbered[0] < numbered[1] && numbered[1] < dashed && dashed < numbered[2],
        "{numbered:?} {dashed}"
    );
    // The end labels count what every report, undated included, evidences.
    for label in ["B1 2/7", "B2 1/5", "B3 1/6"] {
        assert!(
            svg.contains(&format!(">{label}</text>")),
            "{label} in {svg}"
        );
    }
    assert!(svg.contains("<desc>2 dated reports from 2025-10-01 to 2026-02-15, and 1 undated."));
    let page = book.page("skill-coverage.html");
    assert!(
        page.contains("1 report has no validation date and is shown after the dashed line"),
        "{page}"
    );
    assert!(page.contains("href=\"reports/c.html\">Gamma</a>"));
    assert!(page.contains("1 draft report is not counted."));
    // The data table: every report, the undated one last, with what it adds.
    let table = &page[page.find("tf-progression-data").unwrap()..];
    let table = &table[..table.find("</details>").unwrap()];
    let rows: Vec<&str> = table.split("<tr>").skip(2).collect();
    assert_eq!(rows.len(), 3);
    assert!(
        rows[2].contains("<td>undated</td>") && rows[2].contains("<td>C3.1</td>"),
        "{}",
        rows[2]
    );
    assert!(rows[0].contains("<td>C1.1, C2.1</td>"), "{}", rows[0]);
}

#[test]
fn one_report_gets_a_readable_axis_around_its_date() {
    let book = TestBook::new(&[
        ("book/SUMMARY.md", "# Summary\n\n- [Reports](reports.md)\n"),
        ("book/reports.md", "# Reports\n"),
        (
            "reports/only.md",
            &report("Only", Some("2026-04-10"), &["C2.2"]),
        ),
    ]);
    let svg = chart(&book);
    assert_balanced(&svg);
    let numbered = numbered_circles(&svg);
    assert_eq!(numbered.len(), 1);
    // Centred on the axis (34 to 562), not on its edge.
    assert!((250.0..350.0).contains(&numbered[0]), "{numbered:?}");
    // At least one month tick on each side of it.
    let ticks = attribute(&svg, "line", "x1");
    let labels = regex::Regex::new(r#"text-anchor="middle">([A-Z][a-z]{2} \d{4})</text>"#)
        .unwrap()
        .captures_iter(&svg)
        .map(|c| c[1].to_owned())
        .collect::<Vec<_>>();
    assert!(labels.contains(&"Apr 2026".to_owned()), "{labels:?}");
    assert!(labels.len() >= 2, "{labels:?} {ticks:?}");
    assert!(!svg.contains("tf-chart-undated"));
    assert!(svg.contains(">B2 1/5</text>"));
}

#[test]
fn without_any_date_the_appendix_says_what_to_add_instead_of_a_chart() {
    let book = TestBook::new(&[
        ("book/SUMMARY.md", "# Summary\n\n- [Reports](reports.md)\n"),
        ("book/reports.md", "# Reports\n"),
        ("reports/a.md", &report("Alpha", None, &["C1.1"])),
    ]);
    book.build();
    let page = book.page("skill-coverage.html");
    assert!(!page.contains("tf-chart"));
    assert!(
        page.contains("No report has a validation date yet"),
        "{page}"
    );
    assert!(page.contains("<td>undated</td>"));
}

const GRID_SUMMARY: &str = "# Summary\n\n- [Introduction](intro.md)\n- [Reports](reports.md)\n";

/// A small book; with the jury grid on (and `site-url` if given) unless
/// `jury` is `None`.
fn grid_book(jury: Option<Option<&str>>) -> TestBook {
    let mut toml = crate::support::BOOK_TOML.to_owned();
    if let Some(site_url) = jury {
        toml.push_str("jury-grid = true\n");
        if let Some(url) = site_url {
            toml.push_str(&format!("\n[output.html]\nsite-url = \"{url}\"\n"));
        }
    }
    TestBook::new(&[
        ("book.toml", &toml),
        ("book/SUMMARY.md", GRID_SUMMARY),
        ("book/intro.md", "# Introduction\n\nA few words.\n"),
        ("book/reports.md", "# Reports\n"),
        (
            "reports/a.md",
            &report("Alpha", Some("2025-10-01"), &["C1.1", "C2.1"]),
        ),
        (
            "reports/b.md",
            &report("Beta", Some("2026-02-15"), &["C1.1"]),
        ),
    ])
}

#[test]
fn the_jury_grid_has_a_row_per_skill_and_absolute_links_to_each_section() {
    let book = grid_book(Some(Some("https://ana.github.io/file")));
    book.build();
    let page = book.page("jury-grid.html");
    let rows = regex::Regex::new(r#"<tr id="tf-jury-[^"]+""#).unwrap();
    assert_eq!(rows.find_iter(&page).count(), 18);
    // The section each link names exists in the built report page.
    let evidence: Vec<String> = hrefs(&page)
        .into_iter()
        .filter(|h| h.contains("/reports/"))
        .collect();
    assert_eq!(evidence.len(), 3, "{evidence:?}");
    for href in &evidence {
        let rest = href
            .strip_prefix("https://ana.github.io/file/")
            .unwrap_or_else(|| panic!("{href} is not under the site's address"));
        let (path, anchor) = rest.split_once('#').unwrap();
        let target = fs::read_to_string(book.root().join("out").join(path)).unwrap();
        assert!(
            ids(&target).iter().any(|id| id == anchor),
            "#{anchor} in {path}"
        );
    }
    assert_eq!(page.matches("⚠ No evidence").count(), 16);
    // After the appendix in the sidebar, and outside the page estimate.
    let toc = book.toc();
    assert_eq!(
        toc[toc.len() - 2..],
        ["Skill coverage", "Jury grid"],
        "{toc:?}"
    );
    let check = binary()
        .args(["check", "--format", "json"])
        .current_dir(book.root())
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&check.stdout);
    assert!(!json.contains("jury-grid-relative-links"), "{json}");
}

#[test]
fn without_the_site_address_the_grid_links_inside_the_book_and_check_says_why() {
    let book = grid_book(Some(Some("/file/")));
    book.build();
    let page = book.page("jury-grid.html");
    assert!(
        hrefs(&page)
            .iter()
            .any(|h| h == "reports/a.html#constraints"),
        "{page}"
    );
    let check = binary()
        .args(["check"])
        .current_dir(book.root())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&check.stderr);
    assert!(
        text.contains("jury-grid-relative-links")
            && text.contains("`site-url = \"/file/\"` is not a full address"),
        "{text}"
    );
    // The page estimate is that of the hand-written chapters alone.
    let without = grid_book(None);
    let pages = |root: &std::path::Path| mdbook_technical_file::analyze(root).unwrap().pages.total;
    assert_eq!(pages(book.root()), pages(without.root()));
}

#[test]
fn every_evidence_link_of_the_pdf_leads_to_its_section_and_the_printed_grid_to_the_site() {
    if chromium().is_none() {
        return;
    }
    let dir = copy_book(&repo_root());
    let root = dir.path();
    let run = |args: &[&str]| {
        let out = binary().args(args).current_dir(root).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{stderr}");
        stderr
    };

    // The whole book: the print page's links inside the book, and which of
    // them are the appendix's evidence.
    let line = run(&["pdf"]);
    assert!(line.contains("inside it, all found"), "{line}");
    let bytes = fs::read(root.join("target/technical-file.pdf")).unwrap();
    let links = mdbook_technical_file::PrintedPdf::read(&bytes)
        .unwrap()
        .links();
    assert!(links.unresolved().is_empty(), "{:?}", links.unresolved());
    let print = fs::read_to_string(root.join("target/book/print.html")).unwrap();
    let appendix = &print[print.find("id=\"skill-coverage\"").unwrap()..];
    let appendix = &appendix[..appendix.find("id=\"jury-grid\"").unwrap()];
    let evidence: BTreeSet<String> = regex::Regex::new(r#"<ul class="tf-evidence">(?s:.*?)</ul>"#)
        .unwrap()
        .find_iter(appendix)
        .flat_map(|list| hrefs(list.as_str()))
        .map(|h| h.trim_start_matches('#').to_owned())
        .collect();
    assert!(evidence.len() >= 30, "{}", evidence.len());
    let inside: BTreeSet<&str> = links.inside().collect();
    for id in &evidence {
        assert!(inside.contains(id.as_str()), "no PDF link to #{id}");
        assert!(
            links.destinations.contains(id),
            "#{id} is not a destination"
        );
    }
    // The report numbers of the chart are links too.
    let svg = &appendix[appendix.find("<svg").unwrap()..appendix.find("</svg>").unwrap()];
    let chart_links: Vec<String> = hrefs(svg);
    assert_eq!(chart_links.len(), 7, "{chart_links:?}");
    for href in chart_links {
        assert!(
            links.destinations.contains(href.trim_start_matches('#')),
            "{href}"
        );
    }

    // The jury grid alone: each link to the published section.
    let line = run(&["pdf", "--jury"]);
    let grid_pdf = root.join("target/jury-grid.pdf");
    let grid = mdbook_technical_file::PrintedPdf::read(&fs::read(&grid_pdf).unwrap())
        .unwrap()
        .links();
    let site = "https://mdbook-technical-file.github.io/mdbook-technical-file/";
    let page = main_of(&fs::read_to_string(root.join("target/book/jury-grid.html")).unwrap());
    let expected: Vec<String> = hrefs(&page)
        .into_iter()
        .filter(|h| h.starts_with(site) && h != site)
        .collect();
    // Chromium makes a link over two lines two areas: compare the places.
    let printed: BTreeSet<&str> = grid.uris().filter(|u| *u != site).collect();
    let expected: BTreeSet<&str> = expected.iter().map(String::as_str).collect();
    assert_eq!(printed, expected, "{line}");
    assert!(
        line.contains(&format!(
            "links to {} sections of the reports at {site}",
            expected.len()
        )),
        "{line}"
    );
    for uri in printed {
        let rest = uri.strip_prefix(site).unwrap();
        let (path, anchor) = rest.split_once('#').unwrap_or((rest, ""));
        let target = fs::read_to_string(root.join("target/book").join(path)).unwrap();
        assert!(
            anchor.is_empty() || ids(&target).iter().any(|id| id == anchor),
            "{uri}"
        );
    }
    // No row split across pages: wherever the table goes on to a new page
    // (its header repeated), the next line is a skill's own first line.
    if !pdftotext() {
        return;
    }
    let text = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&grid_pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 2, "{}", pages.len());
    let skill = regex::Regex::new(r"^\s*C\d\.\d ").unwrap();
    let mut seen = BTreeSet::new();
    for (n, page) in pages.iter().enumerate() {
        let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        for (i, line) in lines.iter().enumerate() {
            if line.trim_start().starts_with("Skill") && line.contains("Evidence") {
                let next = lines.get(i + 1).copied().unwrap_or("");
                assert!(
                    skill.is_match(next),
                    "page {}: a row goes on from the page before: {next:?}",
                    n + 1
                );
            }
            if let Some(m) = skill.find(line) {
                seen.insert(m.as_str().trim().to_owned());
            }
        }
        if n > 0 {
            let first = lines[0];
            assert!(
                first.trim_start().starts_with("Skill") || first.trim_start().starts_with('B'),
                "page {} starts inside a row: {first:?}",
                n + 1
            );
        }
    }
    assert_eq!(seen.len(), 18, "{seen:?}");
}

#[test]
fn a_book_of_many_reports_keeps_the_chart_readable() {
    // 70 reports, one a week; only the first ten evidence anything new.
    let skills = [
        "C1.1", "C1.2", "C1.3", "C2.1", "C2.2", "C2.3", "C3.1", "C3.2", "C3.3", "C3.4",
    ];
    let mut files: Vec<(String, String)> = vec![
        (
            "book/SUMMARY.md".into(),
            "# Summary\n\n- [Reports](reports.md)\n".into(),
        ),
        ("book/reports.md".into(), "# Reports\n".into()),
    ];
    for n in 0..70 {
        let day = 1 + (n % 4) * 7;
        let month = 1 + (n / 4) % 12;
        let year = 2024 + n / 48;
        let date = format!("{year}-{month:02}-{day:02}");
        let skill = skills[n.min(skills.len() - 1)];
        files.push((
            format!("reports/r{n:02}.md"),
            report(&format!("Report <{n}>"), Some(&date), &[skill]),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let book = TestBook::new(&refs);
    let svg = chart(&book);
    assert_balanced(&svg);
    // No circle per report: 70 would cover each other.
    assert!(!svg.contains("tf-chart-reports"));
    // A mark per skill gained, whatever the number of reports.
    let marks = svg.matches("<title>B").count() - 3;
    assert_eq!(marks, 10, "{svg}");
    // Titles are text, never markup.
    assert!(svg.contains("Report &lt;0&gt;") && !svg.contains("Report <0>"));
    let page = book.page("skill-coverage.html");
    let table = &page[page.find("tf-progression-data").unwrap()..];
    let table = &table[..table.find("</details>").unwrap()];
    assert_eq!(table.matches("<tr>").count() - 1, 10);
    assert!(
        table.contains("60 reports that add no new skill are not listed."),
        "{table}"
    );
}

/// Found on a book of the Rustonomicon's chapters with five undated
/// reports: they all sat at one place and their numbers covered each other.
#[test]
fn undated_reports_each_get_a_place_and_no_number_covers_another() {
    let mut files: Vec<(String, String)> = vec![
        (
            "book/SUMMARY.md".into(),
            "# Summary\n\n- [Reports](reports.md)\n".into(),
        ),
        ("book/reports.md".into(), "# Reports\n".into()),
        (
            "reports/dated.md".into(),
            report("Dated", Some("2025-05-01"), &["C1.1"]),
        ),
    ];
    for n in 0..8 {
        files.push((
            format!("reports/u{n}.md"),
            report(&format!("U{n}"), None, &["C2.1"]),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_str()))
        .collect();
    let svg = chart(&TestBook::new(&refs));
    let circles: Vec<(f64, f64)> =
        regex::Regex::new(r#"<circle cx="([-0-9.]+)" cy="([-0-9.]+)" r="9""#)
            .unwrap()
            .captures_iter(&svg)
            .map(|c| (c[1].parse().unwrap(), c[2].parse().unwrap()))
            .collect();
    assert_eq!(circles.len(), 9);
    let xs: BTreeSet<String> = circles[1..].iter().map(|(x, _)| x.to_string()).collect();
    assert_eq!(xs.len(), 8, "{circles:?}");
    for (i, a) in circles.iter().enumerate() {
        for b in &circles[i + 1..] {
            let apart = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
            assert!(apart >= 18.0, "{a:?} and {b:?} overlap");
        }
    }
}

/// Dates a student would not write, but a typo can: years 1 and 9999 give
/// a readable axis (a few labels, none on another), not one label a year.
#[test]
fn far_apart_dates_keep_a_handful_of_ticks() {
    let book = TestBook::new(&[
        ("book/SUMMARY.md", "# Summary\n\n- [Reports](reports.md)\n"),
        ("book/reports.md", "# Reports\n"),
        (
            "reports/a.md",
            &report("Old", Some("0001-01-01"), &["C1.1"]),
        ),
        (
            "reports/b.md",
            &report("New", Some("9999-12-31"), &["C2.1"]),
        ),
    ]);
    let svg = chart(&book);
    assert_balanced(&svg);
    let axis = &svg[svg.find("tf-chart-axis").unwrap()..];
    let axis = &axis[..axis.find("</g>").unwrap()];
    let labels = axis.matches("<text").count();
    assert!((2..=8).contains(&labels), "{labels} labels: {axis}");
}
