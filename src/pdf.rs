//! `pdf`: the book printed to an A4 PDF by headless Chromium, and the real
//! page count of the hand-written technical file against its budget.
//!
//! How the technical-file part is measured: the book is built as usual
//! (`commands::build`) and its `print.html` is printed, which gives the PDF
//! and the total page count. The hand-written chapters are then built a
//! second time, in-process, into a temporary folder, with the reports and
//! the appendix taken out after the preprocessor ran (so the chapters are
//! exactly those of the real build, `{{#skill-evidence}}` lists included),
//! and that print page is printed too. mdBook's print page starts every
//! chapter on a new page, so this count is the number of pages the
//! hand-written chapters fill in the book, wherever `SUMMARY.md` puts them,
//! without reading headings back out of the PDF or parsing mdBook's HTML.
//!
//! Both print pages get `@page { size: A4 }` (the book's own stylesheet may
//! not set it); the pure parts (`count_pages`, `page_size`, `print_page`,
//! `file_url`) are unit-tested, the rest needs a browser.

use crate::commands;
use crate::config::{Config, NAME};
use crate::engine;
use anyhow::{Context, bail};
use mdbook_driver::MDBook;
use mdbook_driver::book::{Book, BookItem};
use mdbook_preprocessor::config::Config as BookConfig;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The file name of the PDF when no output is given.
pub const DEFAULT_FILE_NAME: &str = "technical-file.pdf";

/// How long one print may take before Chromium is stopped.
const PRINT_TIMEOUT: Duration = Duration::from_secs(180);

/// A4 in PostScript points, and the tolerance of browsers' rounding.
const A4_POINTS: (f64, f64) = (595.28, 841.89);
const A4_TOLERANCE: f64 = 2.0;

/// What `pdf` produced.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfSummary {
    /// Where the PDF was written.
    pub pdf: PathBuf,
    /// Pages of the whole book.
    pub total_pages: usize,
    /// Pages of the hand-written chapters (everything but the reports and
    /// the appendix).
    pub technical_file_pages: usize,
    /// The `pages` budget of `book.toml`, if any.
    pub budget: Option<(f64, f64)>,
    /// The words-based estimate that `build` and `check` print.
    pub estimate: f64,
    /// Width and height of the first page, in points.
    pub page_size: Option<(f64, f64)>,
}

/// Where the technical-file part stands against the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    NoBudget,
    Below,
    Within,
    Above,
}

impl PdfSummary {
    pub fn budget_status(&self) -> Budget {
        match self.budget {
            None => Budget::NoBudget,
            Some((min, _)) if (self.technical_file_pages as f64) < min => Budget::Below,
            Some((_, max)) if (self.technical_file_pages as f64) > max => Budget::Above,
            Some(_) => Budget::Within,
        }
    }

    /// Whether the page size is A4 (it should always be; `false` means the
    /// browser ignored `@page { size: A4 }`).
    pub fn is_a4(&self) -> bool {
        self.page_size.is_some_and(is_a4)
    }

    /// One line for the end of the command, like the build's summary line:
    /// `technical-file: target/technical-file.pdf: technical file 13 pages
    /// (above the 8–10 pages asked for; estimate ~9.8), 53 pages in total`.
    pub fn line(&self) -> String {
        let verdict = match (self.budget_status(), self.budget) {
            (Budget::Below, Some((min, max))) => format!("below the {min}–{max} pages asked for"),
            (Budget::Above, Some((min, max))) => format!("above the {min}–{max} pages asked for"),
            (Budget::Within, Some((min, max))) => format!("within the {min}–{max} pages asked for"),
            _ => "no page budget".to_owned(),
        };
        // Shown relative to the current folder when it is inside it.
        let shown = std::env::current_dir()
            .ok()
            .and_then(|cwd| self.pdf.strip_prefix(cwd).ok().map(Path::to_path_buf))
            .unwrap_or_else(|| self.pdf.clone());
        let mut line = format!(
            "technical-file: {}: technical file {} page{} ({verdict}; estimate ~{:.1}), {} page{} in total",
            shown.display(),
            self.technical_file_pages,
            plural(self.technical_file_pages),
            self.estimate,
            self.total_pages,
            plural(self.total_pages),
        );
        if let Some((w, h)) = self.page_size.filter(|&size| !is_a4(size)) {
            line.push_str(&format!(
                "; warning: pages are {w:.0} × {h:.0} pt, not A4 (595 × 842 pt)"
            ));
        }
        line
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Builds the book, prints it to an A4 PDF with headless Chromium and
/// counts the pages of the whole book and of the hand-written chapters.
///
/// `output` (relative to the current directory) defaults to
/// `technical-file.pdf` next to the build folder: `target/technical-file.pdf`
/// for `build-dir = "target/book"`. It is never written into the book's
/// sources or reports.
pub fn pdf(book_dir: &Path, output: Option<&Path>) -> anyhow::Result<PdfSummary> {
    // Before building: a missing browser is the likeliest problem.
    let chromium = find_chromium()?;

    let html_dir = commands::build(book_dir)?;
    let print_html = html_dir.join("print.html");
    if !print_html.is_file() {
        bail!(
            "{} was not written, and the PDF is printed from it: remove `enable = false` from `[output.html.print]` in book.toml",
            print_html.display()
        );
    }

    let book_config = read_book_config(book_dir)?;
    let (config, _) = Config::from_mdbook(&book_config);
    let root = std::path::absolute(book_dir).unwrap_or_else(|_| book_dir.to_path_buf());
    let forbidden = [root.join(&book_config.book.src), root.join(&config.reports)];
    let out = match output {
        Some(path) => {
            let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            if let Some(dir) = forbidden.iter().find(|dir| inside(&path, dir)) {
                bail!(
                    "{} is inside {}: the PDF is never written among the book's sources or reports",
                    path.display(),
                    dir.display()
                );
            }
            path
        }
        None => default_output(&root.join(&book_config.build.build_dir), &forbidden),
    };
    if let Some(parent) = out.parent() {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }

    // Work files go next to the PDF, not in /tmp: Ubuntu's snap Chromium
    // cannot see the system's /tmp.
    let work = WorkDir::new(out.parent().unwrap_or(Path::new(".")))?;

    let full_page = work.path().join("print-book.html");
    write_print_page(&print_html, &full_page)?;
    print_to_pdf(
        &chromium,
        &full_page,
        &out,
        &work.path().join("profile-book"),
    )?;
    let bytes = fs::read(&out).with_context(|| format!("cannot read {}", out.display()))?;
    let total_pages = count_pages(&bytes).with_context(|| format!("in {}", out.display()))?;
    let page_size = page_size(&bytes);

    let (hand_written_dir, estimate) =
        build_hand_written(book_dir, &work.path().join("hand-written"))?;
    let hand_written_page = work.path().join("print-hand-written.html");
    write_print_page(&hand_written_dir.join("print.html"), &hand_written_page)?;
    let hand_written_pdf = work.path().join("hand-written.pdf");
    print_to_pdf(
        &chromium,
        &hand_written_page,
        &hand_written_pdf,
        &work.path().join("profile-hand-written"),
    )?;
    let technical_file_pages = count_pages(&fs::read(&hand_written_pdf)?)
        .context("in the PDF of the hand-written chapters")?;

    Ok(PdfSummary {
        pdf: out,
        total_pages,
        technical_file_pages,
        budget: config.pages,
        estimate,
        page_size,
    })
}

/// `book.toml` as mdBook reads it (with `MDBOOK_*` variables applied).
fn read_book_config(book_dir: &Path) -> anyhow::Result<BookConfig> {
    let toml = book_dir.join("book.toml");
    let mut config = if toml.exists() {
        BookConfig::from_disk(&toml).with_context(|| format!("cannot read {}", toml.display()))?
    } else {
        BookConfig::default()
    };
    config
        .update_from_env()
        .context("cannot apply MDBOOK_* environment variables")?;
    Ok(config)
}

/// `technical-file.pdf` next to the build folder, or in it if that would
/// land among the sources (a book whose build folder is at its root while
/// its sources are the root itself).
pub fn default_output(build_dir: &Path, forbidden: &[PathBuf]) -> PathBuf {
    let beside = build_dir.parent().map_or_else(
        || build_dir.join(DEFAULT_FILE_NAME),
        |p| p.join(DEFAULT_FILE_NAME),
    );
    if forbidden.iter().any(|dir| inside(&beside, dir)) {
        build_dir.join(DEFAULT_FILE_NAME)
    } else {
        beside
    }
}

/// Whether `path` is `dir` or inside it (lexically, on absolute paths).
fn inside(path: &Path, dir: &Path) -> bool {
    let normal = |p: &Path| -> PathBuf {
        let mut out = PathBuf::new();
        for c in p.components() {
            match c {
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir => {
                    out.pop();
                }
                other => out.push(other),
            }
        }
        out
    };
    normal(path).starts_with(normal(dir))
}

/// Builds only the hand-written chapters, with the HTML renderer (print page
/// on, search off), into `out_dir`; returns the HTML folder and the words-
/// based page estimate.
fn build_hand_written(book_dir: &Path, out_dir: &Path) -> anyhow::Result<(PathBuf, f64)> {
    let mut config = read_book_config(book_dir)?;
    config.build.create_missing = false;
    config.build.build_dir = out_dir.to_path_buf();
    let html: toml::Value = config
        .get("output.html")
        .ok()
        .flatten()
        .unwrap_or_else(|| toml::Value::Table(toml::Table::new()));
    let mut outputs = toml::Table::new();
    outputs.insert("html".to_owned(), html);
    config.set("output", toml::Value::Table(outputs))?;
    config.set("output.html.print.enable", true)?;
    config.set("output.html.search.enable", false)?;

    let mut book = MDBook::load_with_config(book_dir, config)
        .with_context(|| format!("cannot load the book in {}", book_dir.display()))?;
    let estimate = Arc::new(Mutex::new(0.0));
    book.with_preprocessor(HandWrittenOnly {
        estimate: Arc::clone(&estimate),
    });
    book.build()
        .context("the build of the hand-written chapters failed")?;
    let estimate = *estimate.lock().unwrap_or_else(|e| e.into_inner());
    Ok((book.build_dir_for("html"), estimate))
}

/// The tool's preprocessor, minus the reports and the appendix it adds.
struct HandWrittenOnly {
    estimate: Arc<Mutex<f64>>,
}

impl Preprocessor for HandWrittenOnly {
    fn name(&self) -> &str {
        NAME
    }

    fn run(&self, ctx: &PreprocessorContext, book: Book) -> anyhow::Result<Book> {
        // The diagnostics were already printed by the real build.
        let outcome = engine::process(&ctx.root, &ctx.config, book)?;
        let file = &outcome.file;
        let mut generated: HashSet<String> = (0..file.reports.len())
            .map(|i| file.report_path(i).to_owned())
            .collect();
        generated.insert(file.config.appendix.clone());
        *self.estimate.lock().unwrap_or_else(|e| e.into_inner()) = outcome.pages;
        let mut book = outcome.book;
        remove_chapters(&mut book.items, &generated);
        Ok(book)
    }

    fn supports_renderer(&self, _renderer: &str) -> anyhow::Result<bool> {
        Ok(true)
    }
}

/// Removes the chapters whose path is in `paths`, with their sub-chapters.
fn remove_chapters(items: &mut Vec<BookItem>, paths: &HashSet<String>) {
    items.retain(|item| match item {
        BookItem::Chapter(ch) => !ch
            .path
            .as_ref()
            .is_some_and(|p| paths.contains(&p.to_string_lossy().replace('\\', "/"))),
        _ => true,
    });
    for item in items.iter_mut() {
        if let BookItem::Chapter(ch) = item {
            remove_chapters(&mut ch.sub_items, paths);
        }
    }
}

/// Writes a copy of an mdBook print page that prints on A4 from anywhere.
fn write_print_page(print_html: &Path, copy: &Path) -> anyhow::Result<()> {
    let html = fs::read_to_string(print_html)
        .with_context(|| format!("cannot read {}", print_html.display()))?;
    let dir = print_html.parent().unwrap_or(Path::new("."));
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let page = print_page(&html, &file_url(&dir, true)).with_context(|| {
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
    let text = path.to_string_lossy().replace('\\', "/");
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

/// Prints `page` to `out` with headless Chromium and a fresh profile.
fn print_to_pdf(chromium: &Path, page: &Path, out: &Path, profile: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(profile).with_context(|| format!("cannot create {}", profile.display()))?;
    let _ = fs::remove_file(out);
    let log_path = profile.with_extension("log");
    let log = fs::File::create(&log_path)
        .with_context(|| format!("cannot create {}", log_path.display()))?;
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-pdf-header-footer",
        ])
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

/// A folder for the work files, removed when dropped.
struct WorkDir(PathBuf);

impl WorkDir {
    fn new(parent: &Path) -> anyhow::Result<WorkDir> {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let pid = std::process::id();
        for attempt in 0..100u32 {
            let path = parent.join(format!(".technical-file-pdf-{pid}-{attempt}"));
            match fs::create_dir(&path) {
                Ok(()) => return Ok(WorkDir(path)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot create {}", path.display()));
                }
            }
        }
        bail!("cannot create a work folder in {}", parent.display())
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

// ---------------------------------------------------------------------------
// Reading the PDF: Chromium (Skia) writes its page tree as plain objects, so
// counting the page objects is enough; compressed object streams (PDF 1.5,
// not used by Skia) are detected and refused rather than miscounted.

const PDF_WHITESPACE: &[u8] = b" \t\r\n\x0c\0";

/// Whether a byte ends a PDF name (`/Page` ends before ` `, `/`, `>`…).
fn ends_name(byte: Option<&u8>) -> bool {
    match byte {
        None => true,
        Some(b) => PDF_WHITESPACE.contains(b) || b"/<>[]()%{}".contains(b),
    }
}

/// The byte ranges of the PDF outside `stream … endstream` data.
fn outside_streams(pdf: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(found) = find(&pdf[i..], b"stream") {
        let at = i + found;
        let before = pdf[..at]
            .iter()
            .rev()
            .find(|b| !PDF_WHITESPACE.contains(b))
            .copied();
        // The keyword follows a dictionary's `>>` (`endstream` does not).
        let is_keyword = before == Some(b'>');
        let mut data = at + b"stream".len();
        if !is_keyword {
            i = data;
            continue;
        }
        if pdf[data..].starts_with(b"\r\n") {
            data += 2;
        } else if pdf[data..].starts_with(b"\n") || pdf[data..].starts_with(b"\r") {
            data += 1;
        }
        ranges.push(start..at);
        match find(&pdf[data..], b"endstream") {
            Some(end) => {
                start = data + end + b"endstream".len();
                i = start;
            }
            None => {
                start = pdf.len();
                i = pdf.len();
            }
        }
    }
    ranges.push(start..pdf.len());
    ranges
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The values of `/Type` names in the PDF's dictionaries (outside streams).
fn type_names(pdf: &[u8]) -> Vec<&[u8]> {
    let mut names = Vec::new();
    for range in outside_streams(pdf) {
        let part = &pdf[range];
        let mut i = 0;
        while let Some(found) = find(&part[i..], b"/Type") {
            let mut j = i + found + b"/Type".len();
            i = j;
            if !ends_name(part.get(j)) {
                continue; // `/Type1`, `/TypeX`
            }
            while part.get(j).is_some_and(|b| PDF_WHITESPACE.contains(b)) {
                j += 1;
            }
            if part.get(j) != Some(&b'/') {
                continue;
            }
            let name_start = j + 1;
            let mut k = name_start;
            while !ends_name(part.get(k)) {
                k += 1;
            }
            names.push(&part[name_start..k]);
            i = k;
        }
    }
    names
}

/// The number of pages of a PDF: its `/Type /Page` objects.
pub fn count_pages(pdf: &[u8]) -> anyhow::Result<usize> {
    if !pdf.starts_with(b"%PDF-") {
        bail!("not a PDF file");
    }
    let names = type_names(pdf);
    let pages = names.iter().filter(|n| **n == b"Page").count();
    if pages == 0 {
        if names.iter().any(|n| *n == b"ObjStm") {
            bail!(
                "the PDF keeps its page objects in compressed object streams; cannot count its pages"
            );
        }
        bail!("the PDF has no page");
    }
    Ok(pages)
}

/// Width and height in points of the first `/MediaBox` of the PDF.
pub fn page_size(pdf: &[u8]) -> Option<(f64, f64)> {
    outside_streams(pdf).into_iter().find_map(|range| {
        let part = &pdf[range];
        let at = find(part, b"/MediaBox")? + b"/MediaBox".len();
        let rest = &part[at..];
        let open = rest.iter().position(|b| !PDF_WHITESPACE.contains(b))?;
        if rest[open] != b'[' {
            return None;
        }
        let close = rest.iter().position(|&b| b == b']')?;
        let numbers: Vec<f64> = std::str::from_utf8(&rest[open + 1..close])
            .ok()?
            .split(|c: char| PDF_WHITESPACE.contains(&(c as u8)))
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        match numbers[..] {
            [x0, y0, x1, y1] => Some(((x1 - x0).abs(), (y1 - y0).abs())),
            _ => None,
        }
    })
}

/// Whether a page size in points is A4, portrait or landscape.
pub fn is_a4((w, h): (f64, f64)) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= A4_TOLERANCE;
    (close(w, A4_POINTS.0) && close(h, A4_POINTS.1))
        || (close(w, A4_POINTS.1) && close(h, A4_POINTS.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF shaped like Chromium's: a page tree with an intermediate node,
    /// compressed content streams, and names that look like `/Page`.
    fn sample(pages: usize) -> Vec<u8> {
        let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
        pdf.extend_from_slice(b"1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n");
        pdf.extend_from_slice(
            format!("2 0 obj\n<</Type /Pages\n/Count {pages}\n/Kids [3 0 R]>>\nendobj\n")
                .as_bytes(),
        );
        pdf.extend_from_slice(b"3 0 obj\n<</Type/Pages/Parent 2 0 R>>\nendobj\n");
        for i in 0..pages {
            pdf.extend_from_slice(
                format!(
                    "{} 0 obj\n<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 594.96 841.92]\n/Contents {} 0 R>>\nendobj\n",
                    10 + 2 * i,
                    11 + 2 * i
                )
                .as_bytes(),
            );
            // A binary content stream that happens to contain "/Type /Page".
            pdf.extend_from_slice(
                format!(
                    "{} 0 obj\n<</Filter /FlateDecode\n/Length 24>> stream\n",
                    11 + 2 * i
                )
                .as_bytes(),
            );
            pdf.extend_from_slice(b"x\x9c/Type /Page\x00\xff\x10stream\nendstream\nendobj\n");
        }
        pdf.extend_from_slice(
            b"50 0 obj\n<</Type /FontDescriptor /FontName /Type1Font>>\nendobj\n",
        );
        pdf.extend_from_slice(
            b"51 0 obj\n<</Type /Annot /Subtype /Link /Dest /Page-one>>\nendobj\n",
        );
        pdf.extend_from_slice(b"trailer\n<</Root 1 0 R>>\n%%EOF\n");
        pdf
    }

    #[test]
    fn counts_page_objects_not_page_trees_nor_stream_bytes() {
        assert_eq!(count_pages(&sample(1)).unwrap(), 1);
        assert_eq!(count_pages(&sample(53)).unwrap(), 53);
    }

    #[test]
    fn page_type_may_be_glued_or_on_another_line() {
        let pdf = b"%PDF-1.7\n1 0 obj<</Type/Page>>endobj 2 0 obj<</Type\n/Page/Parent 3 0 R>>endobj 4 0 obj<</Type /Pages/Count 2>>endobj";
        assert_eq!(count_pages(pdf).unwrap(), 2);
    }

    #[test]
    fn refuses_what_it_cannot_count() {
        assert!(count_pages(b"<html>").is_err());
        let compressed = b"%PDF-1.5\n5 0 obj<</Type /ObjStm /N 40 /First 300 /Filter /FlateDecode /Length 3>>stream\nxyz\nendstream endobj";
        let error = count_pages(compressed).unwrap_err().to_string();
        assert!(error.contains("object streams"), "{error}");
        assert!(count_pages(b"%PDF-1.4\n1 0 obj<</Type /Catalog>>endobj").is_err());
    }

    #[test]
    fn reads_the_page_size() {
        let size = page_size(&sample(2)).unwrap();
        assert_eq!(size, (594.96, 841.92));
        assert!(is_a4(size));
        assert!(is_a4((841.89, 595.28)));
        assert!(!is_a4((612.0, 792.0)));
        assert_eq!(
            page_size(b"%PDF-1.4\n<</MediaBox [0 0 612 792]>>"),
            Some((612.0, 792.0))
        );
        assert_eq!(page_size(b"%PDF-1.4\n<</MediaBox 7 0 R>>"), None);
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

    #[test]
    fn the_default_output_is_next_to_the_build_folder_never_in_the_sources() {
        let root = Path::new("/b");
        let forbidden = [root.join("book"), root.join("reports")];
        assert_eq!(
            default_output(&root.join("target/book"), &forbidden),
            Path::new("/b/target/technical-file.pdf")
        );
        // mdBook's default build folder `book` at the root, sources in `src`.
        assert_eq!(
            default_output(
                &root.join("book"),
                &[root.join("src"), root.join("reports")]
            ),
            Path::new("/b/technical-file.pdf")
        );
        // Sources at the root: the PDF goes into the build folder instead.
        assert_eq!(
            default_output(&root.join("out"), &[root.to_path_buf()]),
            Path::new("/b/out/technical-file.pdf")
        );
        assert!(inside(
            Path::new("/b/book/../book/x.pdf"),
            Path::new("/b/book")
        ));
        assert!(!inside(Path::new("/b/booklet/x.pdf"), Path::new("/b/book")));
    }

    #[test]
    fn the_summary_line_compares_real_pages_with_the_budget() {
        let mut summary = PdfSummary {
            pdf: PathBuf::from("target/technical-file.pdf"),
            total_pages: 53,
            technical_file_pages: 13,
            budget: Some((8.0, 10.0)),
            estimate: 9.84,
            page_size: Some((594.96, 841.92)),
        };
        assert_eq!(summary.budget_status(), Budget::Above);
        assert_eq!(
            summary.line(),
            "technical-file: target/technical-file.pdf: technical file 13 pages (above the 8–10 pages asked for; estimate ~9.8), 53 pages in total"
        );
        summary.technical_file_pages = 9;
        assert_eq!(summary.budget_status(), Budget::Within);
        summary.technical_file_pages = 1;
        summary.budget = Some((1.0, 1.0));
        assert_eq!(summary.budget_status(), Budget::Within);
        assert!(summary.line().contains("technical file 1 page ("));
        summary.budget = None;
        summary.page_size = Some((612.0, 792.0));
        assert!(!summary.is_a4());
        let line = summary.line();
        assert!(
            line.contains("no page budget") && line.contains("not A4"),
            "{line}"
        );
    }
}
