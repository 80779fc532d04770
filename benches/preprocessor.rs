//! The benchmark harness: `cargo bench --bench preprocessor`.
//!
//! On synthetic books of N reports (40, 1,000 and 5,000; deterministic), it
//! measures, with alternating runs and medians:
//! - the preprocessor as mdBook runs it (JSON on stdin, a process per run)
//!   against a pass-through baseline built from the same mdBook crates
//!   (this executable with `--passthrough`: parse the JSON, write it back)
//!   and against `mdbook-toc` when it is on PATH, on the same reports;
//! - the preprocessor's peak memory (`wait4`'s max RSS);
//! - the full in-process build with and without the preprocessor;
//! - spelling cold and warm, and the warm rebuild after editing one report
//!   of 40 with spelling on.
//!
//! Options: `--sizes 40,1000,5000`, `--runs 7`, `--build-sizes 40,1000`,
//! `--out target/benchmarks.md`; `--generate N DIR` only writes the books
//! of N reports and their input JSON under DIR (for profiling).
//!
//! The input: our preprocessor gets the JSON of a book whose reports are in
//! `reports/` (that is how it is used: reports are not in SUMMARY.md, it
//! reads them itself); the baseline and mdbook-toc get the JSON of the same
//! reports listed in SUMMARY.md as chapters. Both produce a book with the
//! same report chapters, so the output JSON sizes are comparable.

use mdbook_technical_file::testing::{student, synthetic};
use mdbook_technical_file::{build, load_book};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "support/args.rs"]
mod args;
#[path = "support/process.rs"]
mod process;
use process::{median, wait_with_rusage};

const SEED: u64 = 2026;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--passthrough") {
        passthrough();
        return;
    }
    if args.get(1).map(String::as_str) == Some("supports") {
        return;
    }
    let option = |name: &str, default: &str| args::option(&args, name, default);
    // `--generate N DIR`: write the two books of N reports (and the JSON
    // mdBook would send) under DIR, for profiling, then stop.
    if let Some(i) = args.iter().position(|a| a == "--generate") {
        let n: usize = args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .expect("--generate N DIR");
        let dir = PathBuf::from(args.get(i + 2).expect("--generate N DIR"));
        synthetic::write(&dir.join("technical-file"), &student::book(n, SEED, false))
            .expect("write book");
        synthetic::write(&dir.join("plain"), &student::plain_book(n, SEED)).expect("write book");
        capture(&dir.join("technical-file"));
        capture(&dir.join("plain"));
        eprintln!(
            "wrote {}/technical-file and {}/plain (with input.json)",
            dir.display(),
            dir.display()
        );
        return;
    }
    let sizes: Vec<usize> = option("--sizes", "40,1000,5000")
        .split(',')
        .filter_map(|s| s.parse().ok())
        .collect();
    let build_sizes: Vec<usize> = option("--build-sizes", "40,1000")
        .split(',')
        .filter_map(|s| s.parse().ok())
        .collect();
    let runs: usize = option("--runs", "7").parse().unwrap_or(7);
    let out = PathBuf::from(option("--out", "target/benchmarks.md"));

    let ours = PathBuf::from(env!("CARGO_BIN_EXE_mdbook-technical-file"));
    let me = std::env::current_exe().expect("own path");
    let toc = which("mdbook-toc");
    let work = tempfile::tempdir().expect("temp dir");
    let mut report = String::new();
    report.push_str(&machine());

    // 1. The preprocessor against the baseline and mdbook-toc.
    report.push_str("\n## Preprocessor, as mdBook runs it (spelling off)\n\n");
    report.push_str(&format!(
        "Median of {runs} alternating runs; a process per run, JSON in, JSON out.\n\n"
    ));
    report.push_str("| reports | input JSON (plain) | baseline | technical-file | mdbook-toc | ours / baseline | ours / toc | peak RSS (ours) | RSS / JSON |\n");
    report.push_str("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    let mut per_size = Vec::new();
    for &n in &sizes {
        let ours_root = work.path().join(format!("tf-{n}"));
        let plain_root = work.path().join(format!("plain-{n}"));
        synthetic::write(&ours_root, &student::book(n, SEED, false)).expect("write book");
        synthetic::write(&plain_root, &student::plain_book(n, SEED)).expect("write book");
        let ours_json = capture(&ours_root);
        let plain_json = capture(&plain_root);
        let mut times: Vec<Vec<Duration>> = vec![Vec::new(); 3];
        let mut peak = 0u64;
        for run in 0..runs {
            for which_one in 0..3 {
                // Rotate the order so no command always runs first.
                let k = (which_one + run) % 3;
                match k {
                    0 => times[0].push(
                        run_preprocessor(&me, &["--passthrough"], &plain_root, &plain_json).0,
                    ),
                    1 => {
                        let (time, rss) = run_preprocessor(&ours, &[], &ours_root, &ours_json);
                        times[1].push(time);
                        peak = peak.max(rss);
                    }
                    _ => {
                        if let Some(toc) = &toc {
                            times[2].push(run_preprocessor(toc, &[], &plain_root, &plain_json).0);
                        }
                    }
                }
            }
        }
        let base = median(&times[0]);
        let mine = median(&times[1]);
        let toc_time = (!times[2].is_empty()).then(|| median(&times[2]));
        let json_size = std::fs::metadata(&plain_json).map(|m| m.len()).unwrap_or(0);
        report.push_str(&format!(
            "| {n} | {:.1} MB | {} | {} | {} | {:.2}× | {} | {:.1} MB | {:.2}× |\n",
            json_size as f64 / 1e6,
            ms(base),
            ms(mine),
            toc_time.map_or("not installed".to_owned(), ms),
            ratio(mine, base),
            toc_time.map_or("—".to_owned(), |t| format!("{:.2}×", ratio(mine, t))),
            peak as f64 / 1e6,
            peak as f64 / json_size.max(1) as f64,
        ));
        per_size.push((n, mine));
        eprintln!("measured the preprocessor on {n} reports");
    }
    if let (Some(&(n1, t1)), Some(&(n2, t2))) = (
        per_size.iter().find(|(n, _)| *n == 1000),
        per_size.iter().find(|(n, _)| *n == 5000),
    ) {
        report.push_str(&format!(
            "\nScaling: {n2} reports cost {:.2}× what {n1} cost (5× the reports).\n",
            ratio(t2, t1)
        ));
    }

    // 2. Full builds, in-process.
    report.push_str("\n## Full build, in-process (mdbook-driver, HTML renderer)\n\n");
    report.push_str("| reports | without the preprocessor | with it (spelling off) | ratio |\n|---:|---:|---:|---:|\n");
    for &n in &build_sizes {
        let ours_root = work.path().join(format!("tf-{n}"));
        let plain_root = work.path().join(format!("plain-{n}"));
        if !ours_root.exists() {
            synthetic::write(&ours_root, &student::book(n, SEED, false)).expect("write book");
            synthetic::write(&plain_root, &student::plain_book(n, SEED)).expect("write book");
        }
        let mut plain = Vec::new();
        let mut with = Vec::new();
        for _ in 0..3 {
            plain.push(timed(|| {
                let book = load_book(&plain_root).expect("load");
                book.build().expect("build");
            }));
            with.push(timed(|| {
                build(&ours_root, false).expect("build");
            }));
        }
        let (p, w) = (median(&plain), median(&with));
        report.push_str(&format!(
            "| {n} | {} | {} | {:.2}× |\n",
            ms(p),
            ms(w),
            ratio(w, p)
        ));
        eprintln!("measured full builds on {n} reports");
    }

    // 3. Spelling: cold, warm, and the warm rebuild after one edit.
    report.push_str("\n## Spelling (40 reports, harper-core)\n\n");
    let root = work.path().join("spell-40");
    synthetic::write(&root, &synthetic::book(40, SEED, true)).expect("write book");
    let plain_root = work.path().join("plain-40-spell");
    synthetic::write(&plain_root, &synthetic::plain_book(40, SEED)).expect("write book");
    let json = capture(&root);
    let plain_json = capture(&plain_root);
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for run in 0..3 {
        let cache = work.path().join(format!("cache-{run}"));
        cold.push(run_with_cache(&ours, &root, &json, &cache));
        warm.push(run_with_cache(&ours, &root, &json, &cache));
    }
    // The same rebuild as `mdbook serve` runs it (a live-reload endpoint in
    // the configuration): the first save's spelling is linted in the
    // background, which then stays up as the warm lint service; the saves
    // measured are answered by it, at the save.
    let serve_json = capture_serving(&root);
    let cache = work.path().join("cache-edit");
    run_with_cache(&ours, &root, &json, &cache);
    let target = root.join(format!("reports/{}.md", synthetic::stem(17)));
    let mut text = std::fs::read_to_string(&target).expect("report");
    text.push_str("\nA first edit while previewing.\n");
    std::fs::write(&target, text).expect("edit");
    run_with_cache(&ours, &root, &serve_json, &cache);
    wait_for_background(&cache);
    wait_for(&cache, "sock");
    let mut deferred = 0;
    let mut edited_serve = Vec::new();
    let mut edited_build = Vec::new();
    let mut base = Vec::new();
    for run in 0..runs {
        let mut text = std::fs::read_to_string(&target).expect("report");
        text.push_str(&format!("\nAn edit made while previewing, number {run}.\n"));
        std::fs::write(&target, text).expect("edit");
        edited_serve.push(run_with_cache(&ours, &root, &serve_json, &cache));
        deferred += usize::from(has(&cache, "lock"));
        wait_for_background(&cache);
        base.push(run_preprocessor(&me, &["--passthrough"], &plain_root, &plain_json).0);
        let mut text = std::fs::read_to_string(&target).expect("report");
        text.push_str(&format!("\nAn edit before building, number {run}.\n"));
        std::fs::write(&target, text).expect("edit");
        edited_build.push(run_with_cache(&ours, &root, &json, &cache));
    }
    report.push_str("| measure | time |\n|---|---:|\n");
    let rows = [
        (
            "cold cache (every report and chapter linted)",
            median(&cold),
        ),
        ("warm cache (nothing changed)", median(&warm)),
        (
            "pass-through baseline on the same 40 reports",
            median(&base),
        ),
        (
            &format!(
                "`mdbook serve` rebuild after editing one report of 40, its findings shown at that save by the lint service ({} of {runs} saves; the others deferred)",
                runs - deferred
            ),
            median(&edited_serve),
        ),
        (
            "`mdbook build` after editing one report of 40 (that report linted before the build ends)",
            median(&edited_build),
        ),
    ];
    for (what, time) in rows {
        report.push_str(&format!("| {what} | {} |\n", ms(time)));
    }
    report.push_str(&format!(
        "| **serve rebuild: added over the baseline** | **{}** |\n",
        ms(median(&edited_serve).saturating_sub(median(&base)))
    ));

    std::fs::create_dir_all(out.parent().unwrap_or(Path::new("."))).ok();
    std::fs::write(&out, &report).expect("write the report");
    println!("{report}");
    eprintln!("written to {}", out.display());
}

/// The baseline: what every preprocessor must at least do.
fn passthrough() {
    let (_ctx, book) =
        mdbook_preprocessor::parse_input(std::io::stdin().lock()).expect("mdBook JSON");
    let stdout = std::io::stdout().lock();
    serde_json::to_writer(std::io::BufWriter::new(stdout), &book).expect("write JSON");
}

/// Writes the `[context, book]` JSON mdBook would send to a preprocessor.
fn capture(root: &Path) -> PathBuf {
    let book = load_book(root).expect("load book");
    let ctx = mdbook_preprocessor::PreprocessorContext::new(
        book.root.clone(),
        book.config.clone(),
        "html".to_owned(),
    );
    let path = root.join("input.json");
    let file = std::fs::File::create(&path).expect("create JSON");
    serde_json::to_writer(std::io::BufWriter::new(file), &(&ctx, &book.book)).expect("write JSON");
    path
}

/// The JSON `mdbook serve` sends: its configuration has a live-reload endpoint.
fn capture_serving(root: &Path) -> PathBuf {
    let mut book = load_book(root).expect("load book");
    book.config
        .set("output.html.live-reload-endpoint", "__livereload")
        .expect("set the endpoint");
    let ctx = mdbook_preprocessor::PreprocessorContext::new(
        book.root.clone(),
        book.config.clone(),
        "html".to_owned(),
    );
    let path = root.join("input-serve.json");
    let file = std::fs::File::create(&path).expect("create JSON");
    serde_json::to_writer(std::io::BufWriter::new(file), &(&ctx, &book.book)).expect("write JSON");
    path
}

/// Waits until the background spelling check has removed its lock.
/// Whether the cache folder holds a file with this extension.
fn has(cache: &Path, extension: &str) -> bool {
    std::fs::read_dir(cache)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == extension))
        })
        .unwrap_or(false)
}

/// Waits until the cache folder holds a file with this extension.
fn wait_for(cache: &Path, extension: &str) {
    let start = Instant::now();
    while !has(cache, extension) {
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "no {extension} file"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn wait_for_background(cache: &Path) {
    let start = Instant::now();
    while std::fs::read_dir(cache)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "lock"))
        })
        .unwrap_or(false)
    {
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "background check stuck"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Runs a preprocessor with the JSON on stdin; returns the wall time and
/// the child's peak RSS in bytes.
// The child is reaped by `wait4` (for its rusage), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn run_preprocessor(program: &Path, args: &[&str], root: &Path, json: &Path) -> (Duration, u64) {
    let input = std::fs::File::open(json).expect("JSON");
    let start = Instant::now();
    let child = Command::new(program)
        .args(args)
        .current_dir(root)
        .env("MDBOOK_TECHNICAL_FILE_CACHE", root.join("no-cache-used"))
        .stdin(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let (status, rss) = wait_with_rusage(child.id());
    let elapsed = start.elapsed();
    assert!(
        status == 0,
        "{} failed on {}",
        program.display(),
        root.display()
    );
    (elapsed, rss)
}

fn run_with_cache(program: &Path, root: &Path, json: &Path, cache: &Path) -> Duration {
    let input = std::fs::File::open(json).expect("JSON");
    let start = Instant::now();
    let status = Command::new(program)
        .current_dir(root)
        .env("MDBOOK_TECHNICAL_FILE_CACHE", cache)
        .stdin(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("spawn");
    let elapsed = start.elapsed();
    assert!(status.success());
    elapsed
}

fn timed(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines().next().map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse::<u64>()
                    .unwrap_or(0)
            })
        })
        .map_or("?".to_owned(), |kb| {
            format!("{:.0} GiB", kb as f64 / 1024.0 / 1024.0)
        });
    let toc = which("mdbook-toc").map_or("not installed".to_owned(), |p| {
        Command::new(p)
            .arg("--version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default()
    });
    format!(
        "# Benchmark run\n\nMachine: {cpu}, {cores} cores, {memory}. mdBook crates {}. mdbook-toc: {toc}. Seed {SEED}.\n",
        mdbook_preprocessor::MDBOOK_VERSION
    )
}
