//! The cohort benchmark: `cargo bench --bench cohort`.
//!
//! `cohort` over N students (250, 500, 1,000 and 2,000 by default), their
//! coverage.json read from local files and fetched from a local HTTP
//! server (the way a school's dashboard reads GitHub Pages): the process's
//! wall time (median of alternating runs) and peak memory (`wait4`'s max
//! RSS), per student, so that growth with the number of students shows.
//!
//! The documents are real: `coverage --format json` of distinct
//! student-like books (`testing::student`, 1 to 8 reports each, each its
//! own seed, so coverage, dates and page estimates vary), each published
//! for N / books students under their own name and address.
//!
//! Options: `--sizes 250,500,1000,2000`, `--runs 3`, `--books 24`,
//! `--out target/cohort-benchmark.md`.

use mdbook_technical_file::testing::http::Server;
use mdbook_technical_file::testing::{student, synthetic};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

#[path = "support/args.rs"]
mod args;
#[path = "support/process.rs"]
mod process;
use process::{median, run_measured};

const SEED: u64 = 2026;
/// A fixed day, so that "no report for 60 days" does not drift.
const TODAY: &str = "2026-12-01";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let option = |name: &str, default: &str| args::option(&args, name, default);
    let sizes: Vec<usize> = option("--sizes", "250,500,1000,2000")
        .split(',')
        .filter_map(|s| s.parse().ok())
        .collect();
    let runs: usize = option("--runs", "3").parse().unwrap_or(3);
    let books: usize = option("--books", "24").parse().unwrap_or(24).max(1);
    let out = PathBuf::from(option("--out", "target/cohort-benchmark.md"));
    let ours = PathBuf::from(env!("CARGO_BIN_EXE_mdbook-technical-file"));
    let work = tempfile::tempdir().expect("temp dir");

    let documents: Vec<Value> = (0..books)
        .map(|b| published_coverage(&ours, &work.path().join(format!("book-{b}")), b))
        .collect();
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let port = listener.local_addr().expect("its address").port();
    let largest = sizes.iter().copied().max().unwrap_or(0);
    let students = work.path().join("students");
    let mut sites = BTreeMap::new();
    for i in 0..largest {
        let slug = format!("s{i:05}");
        let folder = students.join(&slug);
        let mut document = documents[i % books].clone();
        document["student"] = Value::String(format!("Student {i}"));
        document["site"] = Value::String(site(port, &slug));
        std::fs::create_dir_all(&folder).expect("student folder");
        let bytes = serde_json::to_vec_pretty(&document).expect("JSON");
        std::fs::write(folder.join("coverage.json"), bytes).expect("coverage.json");
        sites.insert(slug, folder);
    }
    let _server = Server::start(listener, sites, usize::MAX);
    let document_size = std::fs::metadata(students.join("s00000/coverage.json"))
        .map(|m| m.len())
        .unwrap_or(0);

    let mut report = format!(
        "Median of {runs} alternating runs, a process per run; {books} distinct published \
         coverage documents (~{:.1} KB each) shared out among the students.\n\n",
        document_size as f64 / 1e3,
    );
    report.push_str("| students | read from | wall | per student | peak RSS | RSS per student |\n");
    report.push_str("|---:|---|---:|---:|---:|---:|\n");
    let mut rows: Vec<(usize, &str, Duration, u64)> = Vec::new();
    for &n in &sizes {
        let local = cohort_file(work.path(), n, "local", |i| {
            format!("path = \"students/s{i:05}/coverage.json\"")
        });
        let http = cohort_file(work.path(), n, "http", |i| {
            format!("site = \"{}\"", site(port, &format!("s{i:05}")))
        });
        let mut times: [Vec<Duration>; 2] = [Vec::new(), Vec::new()];
        let mut peaks = [0u64; 2];
        for run in 0..runs {
            for k in 0..2 {
                let which = (k + run) % 2;
                let file = if which == 0 { &local } else { &http };
                let (time, rss) = dashboard(&ours, file);
                times[which].push(time);
                peaks[which] = peaks[which].max(rss);
            }
        }
        for (which, name) in ["local files", "HTTP (127.0.0.1)"].into_iter().enumerate() {
            let time = median(&times[which]);
            let _ = writeln!(
                report,
                "| {n} | {name} | {:.0} ms | {:.2} ms | {:.1} MB | {:.1} KB |",
                time.as_secs_f64() * 1e3,
                time.as_secs_f64() * 1e3 / n as f64,
                peaks[which] as f64 / 1e6,
                peaks[which] as f64 / 1e3 / n as f64,
            );
            rows.push((n, name, time, peaks[which]));
        }
        eprintln!("measured the dashboard of {n} students");
    }
    report.push_str(&growth(&rows));
    std::fs::create_dir_all(out.parent().unwrap_or(Path::new("."))).expect("out folder");
    std::fs::write(&out, &report).expect("write the report");
    println!("{report}");
    eprintln!("written to {}", out.display());
}

fn site(port: u16, slug: &str) -> String {
    format!("http://127.0.0.1:{port}/{slug}/")
}

/// Book `b`'s coverage document, as its Pages workflow publishes it.
fn published_coverage(ours: &Path, root: &Path, b: usize) -> Value {
    let files = student::book(1 + b % 8, SEED + b as u64, false);
    synthetic::write(root, &files).expect("write book");
    let output = Command::new(ours)
        .args(["coverage", "--format", "json"])
        .current_dir(root)
        .output()
        .expect("coverage");
    assert!(
        output.status.success(),
        "coverage failed on {}: {}",
        root.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("coverage JSON")
}

/// A cohort file of the first `n` students, each read as `source` says.
fn cohort_file(dir: &Path, n: usize, name: &str, source: impl Fn(usize) -> String) -> PathBuf {
    let mut text = format!(
        "name = \"Benchmark cohort of {n}\"\n[attention]\nmin-skills = 12\nby = 2026-06-30\nmax-days-without-report = 60\npages = [8, 10]\n"
    );
    for i in 0..n {
        let _ = write!(
            text,
            "\n[[student]]\nname = \"Student {i}\"\n{}\n",
            source(i)
        );
    }
    let path = dir.join(format!("COHORT-{name}-{n}.toml"));
    std::fs::write(&path, text).expect("cohort file");
    path
}

/// One run of `cohort`: its wall time and peak RSS; every student read.
fn dashboard(ours: &Path, file: &Path) -> (Duration, u64) {
    let out = file.with_extension("out");
    let (code, time, rss) = run_measured(
        Command::new(ours)
            .arg("cohort")
            .arg(file)
            .arg("--output")
            .arg(&out)
            .args(["--date", TODAY])
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    assert_eq!(
        code,
        0,
        "cohort {} did not read every student",
        file.display()
    );
    (time, rss)
}

/// Time and memory per student at the largest size against the smallest,
/// per way of reading: 1.0 is linear growth.
fn growth(rows: &[(usize, &str, Duration, u64)]) -> String {
    let mut text = String::from(
        "\nGrowth, per student, largest cohort against the smallest (1.00 = linear):\n\n",
    );
    for name in ["local files", "HTTP (127.0.0.1)"] {
        let mine: Vec<_> = rows.iter().filter(|r| r.1 == name).collect();
        let (Some(small), Some(large)) = (mine.first(), mine.last()) else {
            continue;
        };
        let per = |r: &(usize, &str, Duration, u64)| r.2.as_secs_f64() / r.0 as f64;
        let _ = writeln!(
            text,
            "- {name}: {} → {} students, time per student ×{:.2}, peak RSS ×{:.2} for ×{:.1} students",
            small.0,
            large.0,
            per(large) / per(small),
            large.3 as f64 / small.3.max(1) as f64,
            large.0 as f64 / small.0.max(1) as f64,
        );
    }
    text
}
