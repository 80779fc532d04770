//! `cohort`: 30 real books, built with mdBook and published as their
//! Pages workflow does (coverage.json beside the HTML), served from a
//! local HTTP server; the dashboard's figures against each book's own
//! coverage, every link of the dashboard on an existing page and id of
//! the right student's book, hostile titles escaped, and the students
//! whose data cannot be used listed with the reason.

use crate::support::{binary, decode, hrefs, ids};
use mdbook_technical_file::DEFAULT_REFERENTIAL;
use mdbook_technical_file::testing::http::Server;
use serde_json::Value;
use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};

const STUDENTS: usize = 30;
const HOSTILE: &str = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

/// The skills of the embedded referential, in order.
fn skill_ids() -> Vec<String> {
    mdbook_technical_file::Referential::embedded()
        .skills
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

/// Student `i`'s book: `1 + i % 5` reports, each evidencing a few skills
/// (so coverage varies from a handful to all 18), dated over months; some
/// with a jury grid, some with hostile titles.
fn student_book(root: &Path, i: usize, site: &str, other_referential: bool) {
    let skills = skill_ids();
    let title = if i % 7 == 3 {
        format!("File {i} {HOSTILE}")
    } else {
        format!("File of student {i}")
    };
    let mut toml = format!(
        "[book]\ntitle = {}\nauthors = [\"Student {i}\"]\nsrc = \"book\"\n\n[build]\nbuild-dir = \"target/book\"\n\n[preprocessor.technical-file]\nbefore = [\"links\"]\nspelling = false\njury-grid = {}\n",
        toml::Value::String(title),
        i.is_multiple_of(2)
    );
    if other_referential {
        toml.push_str("referential = \"other.toml\"\n");
        let other = DEFAULT_REFERENTIAL.replace(
            "title = \"Cloud DevOps Expert (RNCP Level 7)\"",
            "title = \"Another curriculum\"",
        );
        write(root, "other.toml", &other);
    }
    toml.push_str(&format!("\n[output.html]\nsite-url = \"{site}\"\n"));
    write(root, "book.toml", &toml);
    write(
        root,
        "book/SUMMARY.md",
        "# Summary\n\n[Introduction](introduction.md)\n\n- [Project reports](reports.md)\n",
    );
    write(
        root,
        "book/introduction.md",
        "# Introduction\n\nWho I am and what I did.\n",
    );
    write(root, "book/reports.md", "# Project reports\n");
    let reports = 1 + i % 5;
    for r in 0..reports {
        let evidenced: Vec<&String> = (0..(i % 6) + 1)
            .map(|k| &skills[(i * 5 + r * 4 + k * 7) % skills.len()])
            .collect();
        let title = if i % 7 == 3 && r == 0 {
            HOSTILE.to_owned()
        } else {
            format!("Project {r} of {i}")
        };
        let team = if r % 2 == 1 {
            "team = [\"Ana\", \"Bo\"]\n"
        } else {
            ""
        };
        let mut text = format!(
            "+++\ntitle = {}\ndate = 2026-{:02}-{:02}\n{team}+++\n\n# Project {r}\n\n## The problem\n\n",
            toml::Value::String(title),
            1 + (i + r * 2) % 11,
            1 + (i * 3 + r) % 27
        );
        for skill in evidenced {
            text.push_str(&format!(
                "We automated the release of the service and measured it for the team. {{{{#skill {skill}}}}}\n\n"
            ));
        }
        write(root, &format!("reports/project-{r}.md"), &text);
    }
}

fn write(root: &Path, path: &str, content: &str) {
    let full = root.join(path);
    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
    std::fs::write(full, content).unwrap();
}

/// Builds a book and publishes its coverage as the Pages workflow does.
fn publish(root: &Path) -> PathBuf {
    let out = mdbook_technical_file::build(root, false).expect("build");
    let coverage = binary()
        .args(["coverage", "--format", "json"])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        coverage.status.success(),
        "{}",
        String::from_utf8_lossy(&coverage.stderr)
    );
    std::fs::write(out.join("coverage.json"), &coverage.stdout).unwrap();
    out
}

struct Built {
    name: String,
    slug: String,
    out: PathBuf,
    coverage: Option<Value>,
}

#[test]
fn a_cohort_of_30_books_served_over_http_makes_a_faithful_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    // The port is known before the books are built (their site-url); the
    // server answers on it once they are.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Nothing listens there: the unreachable student.
    let dead = TcpListener::bind("127.0.0.1:0").unwrap();
    let dead_port = dead.local_addr().unwrap().port();
    drop(dead);

    let mut built = Vec::new();
    let mut sites = BTreeMap::new();
    for i in 0..STUDENTS {
        let slug = format!("s{i:02}");
        let name = match i {
            5 => "=HYPERLINK(\"http://evil\")".to_owned(),
            10 => HOSTILE.to_owned(),
            _ => format!("Student {i}"),
        };
        let root = dir.path().join(&slug);
        let site = format!("http://127.0.0.1:{port}/{slug}/");
        student_book(&root, i, &site, i == 28);
        let out = publish(&root);
        if i == 27 {
            // Another version of the format.
            let text = std::fs::read_to_string(out.join("coverage.json")).unwrap();
            let mut value: Value = serde_json::from_str(&text).unwrap();
            value["schema"] = 99.into();
            std::fs::write(out.join("coverage.json"), value.to_string()).unwrap();
        }
        let coverage =
            serde_json::from_str(&std::fs::read_to_string(out.join("coverage.json")).unwrap()).ok();
        sites.insert(slug.clone(), out.clone());
        built.push(Built {
            name,
            slug,
            out,
            coverage,
        });
    }
    // The server is started on the port the books were given.
    let server = Server::start(listener, sites, 10_000);
    let mut cohort = String::from(
        "name = \"Cohort <2026>\"\n[attention]\nmin-skills = 10\nmax-days-without-report = 90\npages = false\n",
    );
    for (i, student) in built.iter().enumerate() {
        let site = if i == 29 {
            format!("http://127.0.0.1:{dead_port}/{}/", student.slug)
        } else {
            format!("http://127.0.0.1:{}/{}/", server.port, student.slug)
        };
        cohort.push_str(&format!(
            "\n[[student]]\nname = {}\nsite = \"{site}\"\n",
            toml::Value::String(student.name.clone())
        ));
    }
    write(dir.path(), "COHORT.toml", &cohort);
    let output = binary()
        .args(["cohort", "COHORT.toml", "--date", "2026-12-01"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("30 students, 27 with data, 3 failed"),
        "{stderr}"
    );
    let dashboard = dir.path().join("dashboard");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dashboard.join("cohort.json")).unwrap())
            .unwrap();
    let html = std::fs::read_to_string(dashboard.join("index.html")).unwrap();
    let csv = std::fs::read_to_string(dashboard.join("cohort.csv")).unwrap();

    check_figures(&built, &json);
    check_failures(&json);
    check_links(&built, &html, server.port);
    // Nothing hostile reaches the page as markup; it is there as text.
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "unescaped markup"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Cohort &lt;2026&gt;"));
    // Nor a formula in the spreadsheet.
    assert_eq!(csv.lines().count(), 1 + STUDENTS);
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "{csv}"
    );

    // For the browser test (tests/browser/cohort-dashboard.test.mjs).
    if let Some(keep) = std::env::var_os("TECHNICAL_FILE_COHORT_DASHBOARD") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep).unwrap();
        for name in ["index.html", "cohort.csv", "cohort.json"] {
            std::fs::copy(dashboard.join(name), keep.join(name)).unwrap();
        }
    }
}

/// Each student's figures in cohort.json are their own coverage.json's.
fn check_figures(built: &[Built], json: &Value) {
    let students = json["students"].as_array().unwrap();
    assert_eq!(students.len(), STUDENTS);
    let mut evidencing = vec![0usize; 18];
    for (student, book) in students.iter().zip(built) {
        assert_eq!(student["name"], book.name.as_str());
        if student["status"] != "ok" {
            continue;
        }
        let coverage = book.coverage.as_ref().unwrap();
        assert_eq!(
            student["covered"], coverage["summary"]["covered"],
            "{}",
            book.slug
        );
        assert_eq!(
            student["gaps"], coverage["summary"]["gaps"],
            "{}",
            book.slug
        );
        assert_eq!(student["reports"], coverage["summary"]["reports"]);
        assert_eq!(student["errors"], coverage["checks"]["errors"]);
        assert_eq!(student["warnings"], coverage["checks"]["warnings"]);
        assert_eq!(student["page_estimate"], coverage["page_estimate"]);
        assert_eq!(student["title"], coverage["title"]);
        for (n, skill) in coverage["skills"].as_array().unwrap().iter().enumerate() {
            assert_eq!(
                student["skills"][skill["id"].as_str().unwrap()],
                skill["reports"]
            );
            if skill["reports"].as_u64().unwrap() > 0 {
                evidencing[n] += 1;
            }
        }
        let last = coverage["reports"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["date"].as_str())
            .max();
        assert_eq!(student["last_report"].as_str(), last);
        let under = coverage["summary"]["covered"].as_u64().unwrap() < 10;
        let flagged = student["attention"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap().contains("10 expected"));
        assert_eq!(under, flagged, "{}: {}", book.slug, student["attention"]);
    }
    let skills = json["skills"].as_array().unwrap();
    assert_eq!(json["students_with_data"], 27);
    for (skill, count) in skills.iter().zip(evidencing) {
        assert_eq!(skill["students"], count, "{}", skill["id"]);
        let share = skill["share"].as_f64().unwrap();
        assert!((share - count as f64 / 27.0).abs() < 1e-9);
    }
}

fn check_failures(json: &Value) {
    let reason = |i: usize| json["students"][i]["reason"].as_str().unwrap().to_owned();
    assert!(
        reason(27).contains("has schema 99, this tool reads schema 1"),
        "{}",
        reason(27)
    );
    assert!(
        reason(28).contains("uses another referential: «Another curriculum»"),
        "{}",
        reason(28)
    );
    assert!(reason(29).contains("cannot be read"), "{}", reason(29));
    for i in 27..30 {
        assert_eq!(json["students"][i]["status"], "failed");
        assert!(
            !json["students"][i]["attention"]
                .as_array()
                .unwrap()
                .is_empty()
        );
    }
}

/// Every link of the page lands on an existing page and id: of this page
/// (`#…`) or of the book of the student whose row it is in.
fn check_links(built: &[Built], html: &str, port: u16) {
    let own_ids = ids(html);
    let mut checked = 0;
    for row in html.split("<tr").skip(1) {
        let row = &row[..row.find("</tr>").unwrap()];
        let student = built
            .iter()
            .find(|b| row.contains(&format!("<th scope=\"row\">{}</th>", escape(&b.name))));
        for href in hrefs(&format!(" {row}")) {
            if let Some(id) = href.strip_prefix('#') {
                assert!(own_ids.iter().any(|i| i == id), "#{id}");
                continue;
            }
            let student =
                student.unwrap_or_else(|| panic!("a link outside a student's row: {href}"));
            let prefix = format!("http://127.0.0.1:{port}/{}/", student.slug);
            let rest = href
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{href} is not in {}'s book", student.slug));
            let (page, fragment) = rest.split_once('#').unwrap_or((rest, ""));
            let page = if page.is_empty() { "index.html" } else { page };
            let file = student.out.join(page);
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{href}: {e}"));
            if !fragment.is_empty() {
                assert!(
                    ids(&text).iter().any(|i| i == &decode(fragment)),
                    "{href}: no such id"
                );
            }
            checked += 1;
        }
    }
    // The grid's cells, the books and the jury grids.
    assert!(checked > 27 * 3, "only {checked} links");
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn a_french_cohort_gets_its_dashboard_in_french() {
    // The two example books, one French and one English, and a student
    // whose data is missing: the school's view, in the cohort's language.
    let dir = tempfile::tempdir().unwrap();
    let root = crate::support::repo_root();
    let english = crate::support::copy_book(&root);
    let french = crate::support::copy_book(&root.join("examples/fr"));
    let toml = format!(
        "name = \"Expert Cloud DevOps 2026\"\nlanguage = \"fr\"\n\n[attention]\nmin-skills = 18\n\n[[student]]\nname = \"Camille Moreau\"\npath = \"{}\"\n\n[[student]]\nname = \"Inès Marchand\"\npath = \"{}\"\n\n[[student]]\nname = \"Léa Petit\"\npath = \"absent.json\"\n",
        english.path().display(),
        french.path().display()
    );
    write(dir.path(), "COHORT.toml", &toml);
    let output = binary()
        .args(["cohort", "COHORT.toml", "--date", "2026-12-01"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("promotion de 3 apprenants, 2 avec des données, 1 en échec"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Léa Petit: absent.json\u{a0}: données illisibles"),
        "{stderr}"
    );
    let page = std::fs::read_to_string(dir.path().join("dashboard/index.html")).unwrap();
    assert!(page.contains("<html lang=\"fr\">"));
    let text = crate::support::readable(&page[page.find("<main>").unwrap()..]);
    for expected in [
        "Expert Cloud DevOps 2026 — tableau de bord de la promotion",
        "Au 1er décembre 2026 : 3 apprenants, 2 avec des données, 1 dont les données n'ont pu être lues",
        "À suivre",
        "17 compétences sur 18 prouvées, 18 attendues",
        "ses données illisibles",
        "Les compétences dans la promotion",
        "Apprenants × compétences",
        "Dernier rapport",
        "Les chiffres du graphique",
        "Expert Cloud DevOps (titre RNCP de niveau 7)",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the dashboard:\n{text}"
        );
    }
    // French months and decimal commas in the chart.
    assert!(
        regex::Regex::new(r"(janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)\.? 202[56]")
            .unwrap()
            .is_match(&text),
        "{text}"
    );
    assert!(
        regex::Regex::new(r"B1 [0-9],[0-9]/7")
            .unwrap()
            .is_match(&text),
        "{text}"
    );
    // Not a phrase of the English catalogue; the French one's are there.
    let pages = [(dir.path().join("dashboard/index.html"), page.clone())];
    crate::support::assert_no_english_of_ours(&pages);
    let french_phrases =
        crate::support::phrases_of(mdbook_technical_file::testing::Lang::Fr, &pages);
    assert!(french_phrases.len() >= 15, "{french_phrases:?}");
}
