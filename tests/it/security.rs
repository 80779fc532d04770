//! A book is untrusted input: nothing outside it reaches the published
//! book. Each attack of SECURITY.md is tried on a book written next to a
//! canary file outside it; the canary's bytes (plain and base64) and the
//! machine's absolute paths must appear nowhere in what the tool makes.

use crate::support::{TestBook, binary, html_files};
use base64::Engine as _;
use std::fs;
use std::path::Path;

const BOOK_TOML: &str = "[book]\nsrc = \"book\"\n[build]\nbuild-dir = \"out\"\n[preprocessor.technical-file]\nbefore = [\"links\"]\nspelling = false\npages = false\n";

const CANARY: &str = "CANARY-5f1e0c-the-secret-that-must-not-leak\n";

/// A book in `dir/book`, with a canary file in `dir/outside/`, a symbolic
/// link `reports/img` → `dir/outside`, and `report` as its only report.
struct Attack {
    dir: tempfile::TempDir,
}

impl Attack {
    fn new(report: &str, book_toml: &str) -> Attack {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        fs::create_dir_all(&outside).unwrap();
        fs::write(outside.join("canary.txt"), CANARY).unwrap();
        fs::write(outside.join("canary.png"), CANARY).unwrap();
        let book = TestBook::new(&[
            ("book.toml", book_toml),
            (
                "book/SUMMARY.md",
                "# Summary\n\n- [Project reports](reports.md)\n",
            ),
            ("book/reports.md", "# Project reports\n"),
            (
                "reports/fine.md",
                "# Fine\n\n## Constraints\n\nText. {{#skill C1.1}}\n",
            ),
        ]);
        let root = dir.path().join("book");
        fs::rename(book.root(), &root)
            .or_else(|_| copy(book.root(), &root))
            .unwrap();
        let report = report.replace("OUTSIDE", &outside.display().to_string());
        fs::write(root.join("reports/attack.md"), report).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&outside, root.join("reports/img")).unwrap();
        Attack { dir }
    }

    fn root(&self) -> std::path::PathBuf {
        self.dir.path().join("book")
    }

    /// "code file:line:col message" of the diagnostics with these codes.
    fn diagnostics(&self, codes: &[&str]) -> Vec<String> {
        let outcome = mdbook_technical_file::analyze(&self.root()).expect("analysis runs");
        outcome
            .diagnostics
            .iter()
            .filter(|d| codes.contains(&d.code))
            .map(|d| format!("{} {} {}", d.code, d.location(), d.message))
            .collect()
    }

    /// Asserts that no file under `out` (and no text given) holds the
    /// canary or an absolute path of this machine's book.
    fn assert_clean(&self, out: &Path, texts: &[&str]) {
        let encoded = base64::engine::general_purpose::STANDARD.encode(CANARY.trim_end());
        let secret = CANARY.trim_end();
        let root = self.dir.path().display().to_string();
        let mut files = 0;
        for file in crate::support::snapshot(out).into_keys() {
            let text = String::from_utf8_lossy(&fs::read(&file).unwrap()).into_owned();
            check(&file.display().to_string(), &text, secret, &encoded, &root);
            files += 1;
        }
        assert!(files > 5 || out.as_os_str().is_empty(), "{files} files");
        for text in texts {
            check("output", text, secret, &encoded, &root);
        }
    }
}

fn check(name: &str, text: &str, secret: &str, encoded: &str, root: &str) {
    assert!(!text.contains(secret), "{name} holds the canary");
    assert!(
        !text.contains(&encoded[..24]),
        "{name} holds the canary in base64"
    );
    assert!(
        !text.contains(root),
        "{name} holds the absolute path {root}"
    );
}

fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    crate::support::copy_dir(from, to);
    Ok(())
}

#[cfg(unix)]
#[test]
fn images_and_links_through_a_symlink_out_of_the_book_are_refused() {
    let attack = Attack::new(
        "# Attack\n\n## Constraints\n\n![x](img/canary.png) and [pw](img/canary.txt). {{#skill C1.2}}\n\n<img src=\"img/canary.png\">\n",
        BOOK_TOML,
    );
    assert_eq!(
        attack.diagnostics(&["asset-outside-book"]),
        [
            "asset-outside-book reports/attack.md:5:6 `img/canary.png` leads outside the book folder, to `../outside/canary.png`: it is not read",
            "asset-outside-book reports/attack.md:5:31 `img/canary.txt` leads outside the book folder, to `../outside/canary.txt`: it is not read",
            "asset-outside-book reports/attack.md:7:11 `img/canary.png` leads outside the book folder, to `../outside/canary.png`: it is not read",
        ]
    );
    let out = mdbook_technical_file::build(&attack.root(), false).unwrap();
    assert!(html_files(&out).len() > 3);
    attack.assert_clean(&out, &[]);
}

#[cfg(unix)]
#[test]
fn includes_out_of_the_book_absolute_or_through_a_symlink_are_refused_and_escaped() {
    let attack = Attack::new(
        "# Attack\n\n## Constraints\n\nText. {{#skill C1.2}}\n\n```text\n{{#include ../../outside/canary.txt}}\n```\n\n```text\n{{#include img/canary.txt}}\n```\n\n```text\n{{#include OUTSIDE/canary.txt}}\n```\n\n{{#rustdoc_include img/canary.txt:2}}\n",
        BOOK_TOML,
    );
    let found = attack.diagnostics(&["include-outside-book"]);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(found[0].starts_with("include-outside-book reports/attack.md:8:12 `../../outside/canary.txt` leads outside the book folder, to `"), "{found:#?}");
    assert!(found[1].starts_with("include-outside-book reports/attack.md:12:12 `img/canary.txt` leads outside the book folder"), "{found:#?}");
    assert!(
        found[2].starts_with(
            "include-outside-book reports/attack.md:16:12 an absolute path is never published"
        ),
        "{found:#?}"
    );
    assert!(
        found[3].starts_with(
            "include-outside-book reports/attack.md:19:20 `img/canary.txt` leads outside"
        ),
        "{found:#?}"
    );
    let out = mdbook_technical_file::build(&attack.root(), false).unwrap();
    let page = fs::read_to_string(out.join("reports/attack.html")).unwrap();
    // Escaped: printed as text, not read.
    assert!(page.contains("{{#include img/canary.txt}}"), "{page}");
    // The absolute include is printed as written (the author wrote it), so
    // only the canary is checked here, not the path.
    assert!(!page.contains(CANARY.trim_end()));
    assert!(
        !page.contains(&base64::engine::general_purpose::STANDARD.encode(CANARY.trim_end())[..24])
    );
}

#[test]
fn without_before_links_an_include_is_an_error_and_no_absolute_path_is_written() {
    let attack = Attack::new(
        "# Attack\n\n## Constraints\n\nText. {{#skill C1.2}}\n\n```yaml\n{{#include files/x.yml}}\n```\n",
        &BOOK_TOML.replace("before = [\"links\"]\n", ""),
    );
    fs::create_dir_all(attack.root().join("reports/files")).unwrap();
    fs::write(attack.root().join("reports/files/x.yml"), "a: 1\n").unwrap();
    assert_eq!(
        attack.diagnostics(&["include-not-run"]),
        [
            "include-not-run reports/attack.md:8:12 mdBook runs its `links` preprocessor before this tool, so this include is printed as text"
        ]
    );
    let out = mdbook_technical_file::build(&attack.root(), false).unwrap();
    attack.assert_clean(&out, &[]);
}

#[cfg(unix)]
#[test]
fn a_report_that_is_a_symlink_out_of_the_reports_folder_is_not_read() {
    let attack = Attack::new("# Attack\n", BOOK_TOML);
    let outside = attack.dir.path().join("outside/canary.txt");
    std::os::unix::fs::symlink(&outside, attack.root().join("reports/passwd.md")).unwrap();
    let found = attack.diagnostics(&["unreadable-report"]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("unreadable-report reports/passwd.md the report cannot be read: it is a symbolic link out of the reports folder, to `"),
        "{found:#?}"
    );
    let out = mdbook_technical_file::build(&attack.root(), false).unwrap();
    let encoded = base64::engine::general_purpose::STANDARD.encode(CANARY.trim_end());
    for file in crate::support::snapshot(&out).into_keys() {
        let text = String::from_utf8_lossy(&fs::read(&file).unwrap()).into_owned();
        assert!(!text.contains(CANARY.trim_end()), "{}", file.display());
        assert!(!text.contains(&encoded[..24]), "{}", file.display());
    }
}

#[cfg(unix)]
#[test]
fn loops_and_dangling_links_are_errors_not_hangs() {
    let attack = Attack::new(
        "# Attack\n\n## Constraints\n\n![a](loop.png) ![b](dangling.png) {{#skill C1.2}}\n\n{{#include loop.txt}}\n",
        BOOK_TOML,
    );
    let reports = attack.root().join("reports");
    std::os::unix::fs::symlink("loop.png", reports.join("loop.png")).unwrap();
    std::os::unix::fs::symlink("loop.txt", reports.join("loop.txt")).unwrap();
    std::os::unix::fs::symlink("nowhere.png", reports.join("dangling.png")).unwrap();
    assert_eq!(
        attack.diagnostics(&["missing-asset", "include-outside-book"]),
        [
            "missing-asset reports/attack.md:5:6 `loop.png` cannot be read: it is a loop of symbolic links",
            "missing-asset reports/attack.md:5:21 `dangling.png` cannot be read: it is a symbolic link to nothing",
            "include-outside-book reports/attack.md:7:12 `loop.txt` cannot be included: it is a loop of symbolic links",
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_malicious_book_leaks_nothing_through_build_mdbook_check_or_pdf() {
    let report = "# Attack\n\n## Constraints\n\n![x](img/canary.png) [pw](img/canary.txt) {{#skill C1.2}}\n\n<img src=\"img/canary.png\">\n\n```text\n{{#include ../../outside/canary.txt}}\n{{#include img/canary.txt}}\n```\n\n[up](../../outside/canary.txt)\n";
    let attack = Attack::new(report, BOOK_TOML);
    std::os::unix::fs::symlink(
        attack.dir.path().join("outside/canary.txt"),
        attack.root().join("reports/passwd.md"),
    )
    .unwrap();

    // `build`, in-process.
    let out = mdbook_technical_file::build(&attack.root(), false).unwrap();
    attack.assert_clean(&out, &[]);
    fs::remove_dir_all(&out).unwrap();

    // `check --format json`.
    let check = binary()
        .args(["check", "--format", "json"])
        .current_dir(attack.root())
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    let json = String::from_utf8(check.stdout).unwrap();
    assert!(json.contains("asset-outside-book"), "{json}");
    let secret = CANARY.trim_end();
    assert!(!json.contains(secret));

    // The real mdbook CLI, with the binary on its PATH.
    if crate::support::mdbook_cli() {
        let status = std::process::Command::new("mdbook")
            .arg("build")
            .current_dir(attack.root())
            .env("PATH", crate::support::path_with_binary())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        attack.assert_clean(&attack.root().join("out"), &[]);
    }

    // `pdf`: the PDF's text streams are compressed, so the check is on the
    // pages it was printed from, which `pdf` builds into the build folder.
    if crate::support::chromium().is_some() {
        let pdf = binary()
            .args(["pdf"])
            .current_dir(attack.root())
            .output()
            .unwrap();
        assert!(
            pdf.status.success(),
            "{}",
            String::from_utf8_lossy(&pdf.stderr)
        );
        let bytes = fs::read(attack.root().join("technical-file.pdf")).unwrap();
        assert!(bytes.starts_with(b"%PDF"));
        assert!(!String::from_utf8_lossy(&bytes).contains(secret));
        attack.assert_clean(&attack.root().join("out"), &[]);
    }
}

/// Serves anything on a loopback port and counts the requests.
fn counting_server() -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = count.clone();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let mut buffer = [0u8; 4096];
            let _ = stream.read(&mut buffer);
            let _ = stream.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    (port, count)
}

#[test]
fn pdf_blocks_the_network_unless_allowed() {
    let Some(_) = crate::support::chromium() else {
        return;
    };
    let (port, count) = counting_server();
    let attack = Attack::new(
        &format!(
            "# Attack\n\n## Constraints\n\n![beacon](http://127.0.0.1:{port}/beacon.png) {{{{#skill C1.2}}}}\n\n<img src=\"http://localhost:{port}/beacon.png\">\n"
        ),
        BOOK_TOML,
    );
    let run = |args: &[&str]| {
        let output = binary()
            .args(args)
            .current_dir(attack.root())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    run(&["pdf"]);
    assert_eq!(
        count.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "the page called out"
    );
    let stderr = run(&["pdf", "--allow-network"]);
    assert!(
        stderr.contains("--allow-network: the book's pages may load anything"),
        "{stderr}"
    );
    // The same page with the network allowed does call out: the test can fail.
    assert!(count.load(std::sync::atomic::Ordering::SeqCst) > 0);
}
