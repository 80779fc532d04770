//! Helpers shared by the tests: books in temporary folders, built with
//! mdBook in-process; the binary run as a command or as mdBook runs a
//! preprocessor; reading the built pages.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

/// The binary under test, without colours.
pub fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mdbook-technical-file"));
    command.env("NO_COLOR", "1");
    command
}

/// Whether the real `mdbook` 0.5 CLI is on PATH. Without it a test says
/// so and passes, unless `TECHNICAL_FILE_REQUIRE_MDBOOK` is set (CI sets
/// it), so a fresh clone's `cargo test` works and CI never skips silently.
pub fn mdbook_cli() -> bool {
    let available = Command::new("mdbook")
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("v0.5"));
    if !available {
        assert!(
            std::env::var_os("TECHNICAL_FILE_REQUIRE_MDBOOK").is_none(),
            "mdbook 0.5 is required: cargo install mdbook --version 0.5.4 --locked"
        );
        eprintln!("skipped: no mdbook 0.5 on PATH (cargo install mdbook --version 0.5.4 --locked)");
    }
    available
}

/// Chromium, if installed (`CHROMIUM`, or `chromium` on PATH); required
/// when `TECHNICAL_FILE_REQUIRE_CHROMIUM` is set (CI sets it).
pub fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("CHROMIUM").map(PathBuf::from).or_else(|| {
        ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .find_map(|name| {
                std::env::split_paths(&std::env::var_os("PATH")?)
                    .map(|dir| dir.join(name))
                    .find(|p| p.is_file())
            })
    });
    if found.is_none() {
        assert!(
            std::env::var_os("TECHNICAL_FILE_REQUIRE_CHROMIUM").is_none(),
            "Chromium is required: apt-get install chromium"
        );
        eprintln!("skipped: no Chromium (apt-get install chromium)");
    }
    found
}

/// PATH with the binary under test first, for the real mdbook CLI.
pub fn path_with_binary() -> String {
    let binary_dir = Path::new(env!("CARGO_BIN_EXE_mdbook-technical-file"))
        .parent()
        .unwrap();
    format!(
        "{}:{}",
        binary_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// The JSON mdBook 0.5 sends a preprocessor for the book at `root`, for
/// the HTML renderer.
pub fn preprocessor_input(root: &Path) -> Vec<u8> {
    let md = mdbook_technical_file::load_book(root).unwrap();
    let ctx = mdbook_preprocessor::PreprocessorContext::new(
        md.root.clone(),
        md.config.clone(),
        "html".into(),
    );
    serde_json::to_vec(&(&ctx, &md.book)).unwrap()
}

/// Runs the binary as mdBook runs a preprocessor: in `command`'s folder,
/// with `input` on stdin; returns its exit status and output.
pub fn run_preprocessor(mut command: Command, input: &[u8]) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// The content of the chapter named `name` in a book the preprocessor returned.
pub fn chapter_content(book: &mdbook_preprocessor::book::Book, name: &str) -> Option<String> {
    book.iter().find_map(|item| match item {
        mdbook_preprocessor::book::BookItem::Chapter(ch) if ch.name == name => {
            Some(ch.content.clone())
        }
        _ => None,
    })
}

/// A book written to a temporary folder from (path, content) pairs.
pub struct TestBook {
    pub dir: TempDir,
}

pub const BOOK_TOML: &str = "[book]\ntitle = \"Test book\"\nsrc = \"book\"\n\n[build]\nbuild-dir = \"out\"\n\n[preprocessor.technical-file]\nbefore = [\"links\"]\nspelling = false\n";

impl TestBook {
    /// A book with `book.toml` (unless given), and the given files.
    pub fn new(files: &[(&str, &str)]) -> TestBook {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut has_toml = false;
        for (path, content) in files {
            has_toml |= *path == "book.toml";
            write(dir.path(), path, content.as_bytes());
        }
        if !has_toml {
            write(dir.path(), "book.toml", BOOK_TOML.as_bytes());
        }
        TestBook { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, path: &str, content: &[u8]) {
        write(self.root(), path, content);
    }

    /// Builds with mdbook-driver and our preprocessor; panics on failure.
    pub fn build(&self) -> PathBuf {
        mdbook_technical_file::build(self.root(), false).expect("build")
    }

    /// The `<main>` part of a built page.
    pub fn page(&self, page: &str) -> String {
        let html = fs::read_to_string(self.root().join("out").join(page))
            .unwrap_or_else(|e| panic!("{page}: {e}"));
        main_of(&html)
    }

    /// The sidebar's chapter list as "number name" strings, in order.
    pub fn toc(&self) -> Vec<String> {
        let html = fs::read_to_string(self.root().join("out/toc.html")).expect("toc.html");
        toc_entries(&html)
    }
}

pub fn write(root: &Path, path: &str, content: &[u8]) {
    let full = root.join(path);
    fs::create_dir_all(full.parent().unwrap()).unwrap();
    fs::write(full, content).unwrap();
}

pub fn main_of(html: &str) -> String {
    let start = html.find("<main>").expect("<main>");
    let end = html.find("</main>").expect("</main>");
    html[start..end].to_owned()
}

/// Entries of mdBook's `toc.html`: "2.1. Title" or "Title", part titles as "# Title".
pub fn toc_entries(html: &str) -> Vec<String> {
    let entry = regex::Regex::new(
        r#"<li class="chapter-item[^"]*"><span class="chapter-link-wrapper"><a href="[^"]*"[^>]*>(?:<strong aria-hidden="true">([0-9.]+)</strong> )?([^<]*)</a>|<li class="part-title">([^<]*)</li>"#,
    )
    .unwrap();
    entry
        .captures_iter(html)
        .map(|c| match (c.get(1), c.get(2), c.get(3)) {
            (_, _, Some(part)) => format!("# {}", decode(part.as_str())),
            (Some(n), Some(name), _) => format!("{} {}", n.as_str(), decode(name.as_str())),
            (None, Some(name), _) => decode(name.as_str()),
            _ => unreachable!(),
        })
        .collect()
}

pub fn decode(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Every `id="..."` of an HTML page.
pub fn ids(html: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"\sid="([^"]*)""#).unwrap();
    re.captures_iter(html).map(|c| decode(&c[1])).collect()
}

/// Every `href="..."` of an HTML fragment.
pub fn hrefs(html: &str) -> Vec<String> {
    let re = regex::Regex::new(r#"\shref="([^"]*)""#).unwrap();
    re.captures_iter(html).map(|c| decode(&c[1])).collect()
}

/// Snapshot of every file under `dir`: path → (content, modification time).
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let meta = fs::metadata(&path).unwrap();
                out.insert(
                    path.clone(),
                    (fs::read(&path).unwrap(), meta.modified().unwrap()),
                );
            }
        }
    }
    out
}

/// The repository's root (the example book).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a book's sources (book.toml, book/, reports/ and the files next
/// to them) into a temporary folder, so building never writes into the
/// repository and tests can run side by side.
pub fn copy_book(from: &Path) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in ["book.toml", "technical-file.css", "words.txt"] {
        let source = from.join(entry);
        if source.exists() {
            fs::copy(&source, dir.path().join(entry)).unwrap();
        }
    }
    for folder in ["book", "reports"] {
        if from.join(folder).exists() {
            copy_dir(&from.join(folder), &dir.path().join(folder));
        }
    }
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The HTML files under a folder.
pub fn html_files(dir: &Path) -> Vec<PathBuf> {
    snapshot(dir)
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

/// Follows every link in the `<main>` of every page of a built book:
/// returns how many were checked and the ones that do not land on an
/// existing page and id.
pub fn broken_links(out: &Path) -> (usize, Vec<String>) {
    use mdbook_technical_file::testing::{join, percent_decode};
    let pages = html_files(out);
    let mut page_ids = std::collections::HashMap::new();
    for page in &pages {
        page_ids.insert(page.clone(), ids(&fs::read_to_string(page).unwrap()));
    }
    let mut checked = 0;
    let mut broken = Vec::new();
    for page in &pages {
        let html = fs::read_to_string(page).unwrap();
        if !html.contains("<main>") {
            continue;
        }
        for href in hrefs(&main_of(&html)) {
            if href.contains(':') && !href.starts_with('#') {
                continue; // https:, mailto:, data:
            }
            let (path, fragment) = match href.split_once('#') {
                Some((p, f)) => (p, Some(percent_decode(f))),
                None => (href.as_str(), None),
            };
            let target = if path.is_empty() {
                page.clone()
            } else {
                let joined = join(
                    &page.parent().unwrap().to_string_lossy(),
                    &percent_decode(path),
                );
                PathBuf::from(format!("/{joined}"))
            };
            checked += 1;
            let Some(target_ids) = page_ids.get(&target) else {
                if !target.exists() {
                    broken.push(format!("{}: {href} (no such page)", page.display()));
                }
                continue;
            };
            if let Some(fragment) = fragment
                && !fragment.is_empty()
                && !target_ids.contains(&fragment)
            {
                broken.push(format!("{}: {href} (no id `{fragment}`)", page.display()));
            }
        }
    }
    (checked, broken)
}

/// `mdbook build` of the real CLI in `root`, with the tool on its PATH;
/// fails the test with mdBook's output when the build fails.
pub fn mdbook_build(root: &Path) {
    let output = Command::new("mdbook")
        .arg("build")
        .current_dir(root)
        .env("PATH", path_with_binary())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The HTML pages of a built book (mdBook's own 404 page aside), by path.
pub fn html_pages(out: &Path) -> Vec<(PathBuf, String)> {
    let mut pages = Vec::new();
    let mut dirs = vec![out.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html") && !path.ends_with("404.html") {
                pages.push((path.clone(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    pages.sort();
    pages
}

/// The text of a page as a reader (or a screen reader) gets it: entities
/// decoded, curly apostrophes straight, white space collapsed. Attributes
/// stay, since titles and labels are read too.
pub fn readable(html: &str) -> String {
    let decoded = html
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace('’', "'")
        .replace(['\u{a0}', '\u{202f}'], " ");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The tool's phrases in `lang` (three words or more of a message of that
/// catalogue) that the pages hold, with the page of each.
pub fn phrases_of(
    lang: mdbook_technical_file::testing::Lang,
    pages: &[(PathBuf, String)],
) -> Vec<String> {
    let phrases = lang.catalogue().phrases();
    assert!(phrases.len() > 50, "{} phrases", phrases.len());
    let mut found = Vec::new();
    for (path, html) in pages {
        let text = readable(html);
        for phrase in &phrases {
            let phrase = phrase
                .replace('’', "'")
                .replace(['\u{a0}', '\u{202f}'], " ");
            if text.contains(&phrase) {
                found.push(format!("{}: “{phrase}”", path.display()));
            }
        }
    }
    found
}

/// The tool's English phrases that the pages hold.
pub fn english_of_ours(pages: &[(PathBuf, String)]) -> Vec<String> {
    phrases_of(mdbook_technical_file::testing::Lang::En, pages)
}

/// Fails when a page of a French book holds one of the tool's English
/// phrases.
pub fn assert_no_english_of_ours(pages: &[(PathBuf, String)]) {
    let found = english_of_ours(pages);
    assert!(
        found.is_empty(),
        "English of ours in a French book:\n{}",
        found.join("\n")
    );
}

/// Whether `pdftotext` (poppler-utils) is there, to read a printed PDF's
/// text per page; required with Chromium in CI.
pub fn pdftotext() -> bool {
    let found = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("TECHNICAL_FILE_REQUIRE_CHROMIUM").is_none(),
            "pdftotext is required with Chromium: apt-get install poppler-utils"
        );
        eprintln!("skipped: no pdftotext (apt-get install poppler-utils)");
    }
    found
}

/// The text of one page of a PDF, by `pdftotext -layout`.
pub fn pdf_page_text(pdf: &Path, page: usize) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
