//! Headless Chromium: finding it, and printing a page to PDF under
//! supervision (a fresh profile, a time limit, its log on failure).

use anyhow::{Context, bail};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one print may take before Chromium is stopped.
const PRINT_TIMEOUT: Duration = Duration::from_secs(180);

/// Writes a copy of `html`, an mdBook print page at `print_html`, that
/// prints on A4 from anywhere.
pub fn write_print_page(print_html: &Path, html: &str, copy: &Path) -> anyhow::Result<()> {
    let dir = print_html.parent().unwrap_or(Path::new("."));
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let page = print_page(html, &file_url(&dir, true)).with_context(|| {
        format!(
            "{} does not look like mdBook's print page",
            print_html.display()
        )
    })?;
    fs::write(copy, page).with_context(|| format!("cannot write {}", copy.display()))
}

/// The print page with a `<base>` (so that it works from another folder)
/// and `@page { size: A4 }` after the book's own styles (so that A4 wins).
pub fn print_page(html: &str, base_url: &str) -> anyhow::Result<String> {
    let head =
        find_ascii_case_insensitive(html, "<head>").context("no <head> element")? + "<head>".len();
    let head_end = find_ascii_case_insensitive(html, "</head>").context("no </head>")?;
    if head_end < head {
        bail!("</head> comes before <head>");
    }
    let base = format!("\n<base href=\"{}\">", escape_attribute(base_url));
    let style = "<style>@media print { @page { size: A4; } }</style>\n";
    let mut out = String::with_capacity(html.len() + base.len() + style.len());
    out.push_str(&html[..head]);
    out.push_str(&base);
    out.push_str(&html[head..head_end]);
    out.push_str(style);
    out.push_str(&html[head_end..]);
    Ok(out)
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// A `file://` URL for an absolute path (`/` separators, percent-encoded),
/// with a trailing `/` for a folder.
pub fn file_url(path: &Path, folder: bool) -> String {
    let text = crate::text::slash(path);
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        // C:/Users/... on Windows.
        url.push('/');
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                url.push(byte as char)
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    if folder && !url.ends_with('/') {
        url.push('/');
    }
    url
}

/// The browser: `$CHROMIUM`, else `chromium`, `chromium-browser`,
/// `google-chrome` (…) on the `PATH`, else the usual install locations.
pub fn find_chromium() -> anyhow::Result<PathBuf> {
    if let Some(value) = std::env::var_os("CHROMIUM").filter(|v| !v.is_empty()) {
        let path = PathBuf::from(&value);
        if path.is_file() {
            return Ok(path);
        }
        if let Some(found) = which(&path) {
            return Ok(found);
        }
        bail!(
            "CHROMIUM={} is not a file nor a program on the PATH; set it to the Chromium or Chrome executable",
            path.display()
        );
    }
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
        "chrome",
        "msedge",
    ] {
        if let Some(found) = which(Path::new(name)) {
            return Ok(found);
        }
    }
    let mut known = vec![
        PathBuf::from("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
        PathBuf::from("/Applications/Chromium.app/Contents/MacOS/Chromium"),
    ];
    for var in ["ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"] {
        if let Some(dir) = std::env::var_os(var) {
            known.push(Path::new(&dir).join("Google/Chrome/Application/chrome.exe"));
        }
    }
    if let Some(found) = known.into_iter().find(|p| p.is_file()) {
        return Ok(found);
    }
    bail!(
        "Chromium (or Chrome) is needed to print the PDF and was not found: install it (`sudo apt-get install chromium` on Debian/Ubuntu, `brew install --cask chromium` on macOS), or set CHROMIUM=/path/to/chrome"
    )
}

/// A program on the `PATH` (names with a folder are not searched).
fn which(program: &Path) -> Option<PathBuf> {
    if program.components().count() != 1 {
        return None;
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| {
        let candidate = dir.join(program);
        if is_executable(&candidate) {
            return Some(candidate);
        }
        let exe = candidate.with_extension("exe");
        (cfg!(windows) && exe.is_file()).then_some(exe)
    })
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// Whether the page may reach the network while it is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    /// Every request to the network fails (the default: a book is
    /// untrusted input, and its pages must not call out).
    Blocked,
    Allowed,
}

/// Chromium's command-line switches: headless, no profile state, the
/// sandbox kept unless the process runs as root (where Chromium refuses to
/// start with it), and the network closed unless allowed: host names
/// resolve to nothing and every other request goes to a closed proxy.
pub fn chromium_args(as_root: bool, network: Network) -> Vec<&'static str> {
    let mut args = vec![
        "--headless",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-pdf-header-footer",
        // Bookmarks from the headings: each chapter, report and section.
        "--generate-pdf-document-outline",
    ];
    if as_root {
        args.push("--no-sandbox");
    }
    if network == Network::Blocked {
        args.extend([
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=http://127.0.0.1:9",
            "--proxy-bypass-list=<-loopback>",
        ]);
    }
    args
}

/// Whether this process runs as root.
pub fn running_as_root() -> bool {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
    }
    #[cfg(not(target_os = "linux"))]
    {
        std::env::var_os("USER").is_some_and(|u| u == "root")
    }
}

/// Prints `page` to `out` with headless Chromium and a fresh profile.
pub fn print_to_pdf(
    chromium: &Path,
    page: &Path,
    out: &Path,
    profile: &Path,
    network: Network,
) -> anyhow::Result<()> {
    let sandboxed = !running_as_root();
    match print_once(chromium, page, out, profile, network, sandboxed) {
        // Some containers cannot give Chromium the namespaces its sandbox
        // needs: say so, and print without it.
        Err(error) if sandboxed && format!("{error:#}").to_lowercase().contains("sandbox") => {
            eprintln!(
                "note: Chromium's sandbox cannot start here ({}); printing without it",
                format!("{error:#}").lines().last().unwrap_or_default()
            );
            print_once(chromium, page, out, profile, network, false)
        }
        other => other,
    }
}

fn print_once(
    chromium: &Path,
    page: &Path,
    out: &Path,
    profile: &Path,
    network: Network,
    sandboxed: bool,
) -> anyhow::Result<()> {
    fs::create_dir_all(profile).with_context(|| format!("cannot create {}", profile.display()))?;
    let _ = fs::remove_file(out);
    let log_path = profile.with_extension("log");
    let log = fs::File::create(&log_path)
        .with_context(|| format!("cannot create {}", log_path.display()))?;
    let mut child = Command::new(chromium)
        .args(chromium_args(!sandboxed, network))
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", out.display()))
        .arg(file_url(page, false))
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .spawn()
        .with_context(|| format!("cannot run {}", chromium.display()))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > PRINT_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "{} did not print {} within {} s",
                chromium.display(),
                page.display(),
                PRINT_TIMEOUT.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let written = fs::metadata(out).is_ok_and(|m| m.len() > 0);
    if !status.success() || !written {
        let log = fs::read_to_string(&log_path).unwrap_or_default();
        let tail: Vec<&str> = log
            .lines()
            .filter(|l| !l.contains("dbus") && !l.trim().is_empty())
            .collect();
        let tail = tail[tail.len().saturating_sub(8)..].join("\n");
        bail!(
            "{} could not print {} to {} ({status}){}{tail}",
            chromium.display(),
            page.display(),
            out.display(),
            if tail.is_empty() { "" } else { ":\n" }
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sandbox_stays_unless_root_and_the_network_is_closed_unless_allowed() {
        let user = chromium_args(false, Network::Blocked);
        assert!(!user.contains(&"--no-sandbox"));
        assert!(user.contains(&"--host-resolver-rules=MAP * ~NOTFOUND"));
        assert!(user.iter().any(|a| a.starts_with("--proxy-server=")));
        let root = chromium_args(true, Network::Allowed);
        assert!(root.contains(&"--no-sandbox"));
        assert!(
            !root
                .iter()
                .any(|a| a.starts_with("--proxy-server=") || a.starts_with("--host-resolver"))
        );
    }

    #[test]
    fn the_print_page_gets_a_base_and_a4_after_the_book_styles() {
        let html = "<!DOCTYPE HTML>\n<html><head>\n<link rel=\"stylesheet\" href=\"css/print.css\">\n</head><body>x</body></html>";
        let page = print_page(html, "file:///b/target/book/").unwrap();
        let base = page.find("<base href=\"file:///b/target/book/\">").unwrap();
        let link = page.find("<link").unwrap();
        let a4 = page.find("size: A4").unwrap();
        assert!(base < link && link < a4 && a4 < page.find("</head>").unwrap());
        assert!(page.ends_with("<body>x</body></html>"));
        assert!(print_page("<html><body></body></html>", "file:///").is_err());
        let quoted = print_page("<head></head>", "file:///a\"b&c/").unwrap();
        assert!(quoted.contains("file:///a&quot;b&amp;c/"), "{quoted}");
    }

    #[test]
    fn file_urls_are_percent_encoded() {
        assert_eq!(
            file_url(Path::new("/home/me/my book/print.html"), false),
            "file:///home/me/my%20book/print.html"
        );
        assert_eq!(
            file_url(Path::new("/srv/été"), true),
            "file:///srv/%C3%A9t%C3%A9/"
        );
        assert_eq!(file_url(Path::new("/a#b?c"), false), "file:///a%23b%3Fc");
        assert_eq!(
            file_url(Path::new("C:\\Users\\me\\book"), true),
            "file:///C:/Users/me/book/"
        );
    }
}
