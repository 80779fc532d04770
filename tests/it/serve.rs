//! `mdbook serve` survives a broken report: the preview shows the error in
//! place, then recovers when the report is fixed, and nothing else is lost.
//!
//! Needs the real `mdbook` 0.5 CLI on PATH. Without it the test says so and
//! passes, unless `TECHNICAL_FILE_REQUIRE_MDBOOK` is set (CI sets it), so a
//! fresh clone's `cargo test` works and CI can never skip it silently.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let ok = response.starts_with("HTTP/1.0 200") || response.starts_with("HTTP/1.1 200");
    ok.then_some(response)
}

/// Polls a page until `check` accepts it.
fn wait_for(port: u16, path: &str, what: &str, check: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        if let Some(page) = get(port, path)
            && check(&page)
        {
            return page;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for {path} to {what}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn serve_shows_a_broken_report_in_place_then_recovers() {
    if !crate::support::mdbook_cli() {
        return;
    }
    let copy = crate::support::copy_book(&crate::support::repo_root());
    let root = copy.path();
    let path = crate::support::path_with_binary();
    let port = free_port();
    let _server = Server(
        Command::new("mdbook")
            .args(["serve", "-n", "127.0.0.1", "-p", &port.to_string()])
            .current_dir(root)
            .env("PATH", path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let page = "/reports/observability-stack.html";
    let healthy = wait_for(port, page, "be served", |p| {
        p.contains("Skills evidenced here")
    });
    assert!(!healthy.contains("blockquote-tag-caution"));

    // Break the front matter: the page shows the error where it is.
    let report = root.join("reports/observability-stack.md");
    let original = std::fs::read_to_string(&report).unwrap();
    edit(&report, "date = 2026-", "date = 2026-13-");
    let broken = wait_for(port, page, "show the error", |p| {
        p.contains("blockquote-tag-caution")
    });
    assert!(
        broken.contains("<code>reports/observability-stack.md:3:8</code>"),
        "{broken}"
    );
    assert!(broken.contains("invalid TOML front matter"));
    // The other reports still render, and the book still has its appendix.
    let other = get(port, "/reports/terraform-aws-landing-zone.html").expect("other report served");
    assert!(other.contains("Skills evidenced here"));
    assert!(get(port, "/skill-coverage.html").is_some_and(|a| a.contains("Skill coverage")));

    // Fix it: the preview recovers, with everything it had.
    std::fs::write(&report, &original).unwrap();
    let fixed = wait_for(port, page, "recover", |p| {
        !p.contains("blockquote-tag-caution") && p.contains("Skills evidenced here")
    });
    let section = |html: &str| html.find("<main>").map(|i| html[i..].len()).unwrap_or(0);
    assert_eq!(
        section(&fixed),
        section(&healthy),
        "the recovered page differs from the original"
    );
}

/// The first save counts: with an empty spelling cache, `mdbook serve`'s
/// first build starts the lint service in the background; a misspelling
/// saved two seconds after the first page is served is in the page that
/// this save's rebuild writes, with no further save.
#[cfg(feature = "spelling")]
#[test]
fn the_first_save_under_serve_shows_its_misspelling_with_an_empty_cache() {
    if !crate::support::mdbook_cli() {
        return;
    }
    let copy = crate::support::copy_book(&crate::support::repo_root());
    let root = copy.path();
    let cache = tempfile::tempdir().unwrap();
    let port = free_port();
    let _server = Server(
        Command::new("mdbook")
            .args(["serve", "-n", "127.0.0.1", "-p", &port.to_string()])
            .current_dir(root)
            .env("PATH", crate::support::path_with_binary())
            .env("MDBOOK_TECHNICAL_FILE_CACHE", cache.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let page = "/reports/observability-stack.html";
    let first = wait_for(port, page, "be served", |p| {
        p.contains("Skills evidenced here")
    });
    assert!(!first.contains("recieved"));
    std::thread::sleep(Duration::from_secs(2));
    let report = root.join("reports/observability-stack.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        format!("{text}\nEvery alert was recieved by the on-call engineer.\n"),
    )
    .unwrap();
    let saved = Instant::now();
    // The first page with the new sentence is the rebuild of this save.
    let rebuilt = wait_for(port, page, "show the new sentence", |p| {
        p.contains("Every alert was recieved")
    });
    eprintln!(
        "the rebuilt page was served {:.1} s after the save",
        saved.elapsed().as_secs_f64()
    );
    assert!(
        rebuilt.contains("possible spelling mistake: <code>recieved</code>")
            || rebuilt.contains("possible spelling mistake: `recieved`"),
        "{}",
        &rebuilt[rebuilt.find("<main>").unwrap_or(0)..]
    );
}
