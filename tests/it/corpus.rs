//! Real-world Markdown that nobody here wrote (`tests/fixtures/fidelity/`:
//! chapters of public mdBook books, see its NOTICE.md) used as student
//! reports, built with the real `mdbook` CLI next to a plain mdBook book of
//! the same chapters without markers:
//!
//! - every internal link of every generated page lands, or is just as
//!   broken in the plain book (the corpus keeps only some chapters);
//! - each report page's `<main>`, without the tool's own elements, is the
//!   plain page's, whitespace aside outside `<pre>`;
//! - every evidence anchor is the id plain mdBook gives the heading the
//!   marker is under;
//! - every local image (Markdown or raw HTML) is visible in the page and in
//!   print.html.

use crate::support::{broken_links, copy_dir, ids, main_of, repo_root};
use mdbook_markdown::pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const BOOK_TOML: &str = "[book]\ntitle = \"Corpus\"\nsrc = \"book\"\n\n[build]\nbuild-dir = \"out\"\n\n[output.html]\n\n[preprocessor.technical-file]\nbefore = [\"links\"]\nspelling = false\npages = false\n";
const PLAIN_TOML: &str =
    "[book]\ntitle = \"Corpus\"\nsrc = \"book\"\n\n[build]\nbuild-dir = \"out\"\n\n[output.html]\n";

fn corpus() -> PathBuf {
    repo_root().join("tests/fixtures/fidelity")
}

/// The books of the corpus: folder → its chapters' file names, sorted.
fn books() -> BTreeMap<PathBuf, Vec<String>> {
    let mut books = BTreeMap::new();
    for entry in fs::read_dir(corpus()).unwrap().flatten() {
        if !entry.path().is_dir() || entry.file_name() == "LICENSES" {
            continue;
        }
        let mut chapters: Vec<String> = fs::read_dir(entry.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".md"))
            .collect();
        chapters.sort();
        books.insert(entry.path(), chapters);
    }
    books
}

/// Where markers go: for each heading, the end of the first paragraph
/// after it (before the next heading), with the skill id to claim there.
fn marker_places(text: &str) -> Vec<(usize, usize)> {
    let options = mdbook_technical_file::Flavor::default().cmark_options();
    let mut places = Vec::new();
    let mut heading = None;
    let mut headings = 0;
    let mut in_footnote = 0;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                heading = Some(headings);
                headings += 1;
            }
            Event::Start(Tag::FootnoteDefinition(_)) => in_footnote += 1,
            Event::End(TagEnd::FootnoteDefinition) => in_footnote -= 1,
            Event::End(TagEnd::Paragraph) if in_footnote == 0 => {
                if let Some(h) = heading.take() {
                    let end = text[..range.end].trim_end().len();
                    places.push((end, h));
                }
            }
            _ => {}
        }
    }
    places
}

/// The chapter with a marker at each place, and (line of the marker,
/// index of its heading) for each.
fn with_markers(text: &str, skills: &[String], next: &mut usize) -> (String, Vec<(usize, usize)>) {
    let mut out = text.to_owned();
    let mut placed = Vec::new();
    for (end, heading) in marker_places(text).into_iter().rev() {
        let skill = &skills[*next % skills.len()];
        *next += 1;
        out.insert_str(end, &format!(" {{{{#skill {skill}}}}}"));
        placed.push((text[..end].matches('\n').count() + 1, heading));
    }
    placed.reverse();
    (out, placed)
}

/// The ids plain mdBook gives a page's Markdown headings, in order.
fn heading_ids(main: &str) -> Vec<String> {
    let mut found = Vec::new();
    for level in 1..=6 {
        let open = format!("<h{level} id=\"");
        let mut at = 0;
        while let Some(i) = main[at..].find(&open) {
            let start = at + i;
            let tag_end = main[start..].find('>').map_or(main.len(), |e| start + e);
            if main[tag_end..].starts_with("><a class=\"header\"") {
                found.push((start, ids(&main[start..=tag_end]).remove(0)));
            }
            at = tag_end;
        }
    }
    found.sort();
    found.into_iter().map(|(_, id)| id).collect()
}

/// Removes every element that starts with `open` (a tag's start) up to its
/// matching close tag `</name>`, counting nested elements of that name.
fn remove_elements(html: &str, open: &str, name: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        let (mut depth, mut at) = (0usize, i);
        let (start_tag, end_tag) = (format!("<{name}"), format!("</{name}>"));
        loop {
            let next_open = rest[at + 1..].find(&start_tag).map(|j| at + 1 + j);
            let Some(next_close) = rest[at..].find(&end_tag).map(|j| at + j) else {
                at = rest.len();
                break;
            };
            match next_open {
                Some(o) if o < next_close => {
                    depth += 1;
                    at = o;
                }
                _ if depth > 0 => {
                    depth -= 1;
                    at = next_close + 1;
                }
                _ => {
                    at = next_close + end_tag.len();
                    break;
                }
            }
        }
        rest = &rest[at..];
    }
    out.push_str(rest);
    out
}

/// Whitespace collapsed and dropped next to tags, outside `<pre>`; local
/// file references (embedded `data:` URIs, or paths to files) made equal.
fn normalize(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        let (outside, pre, after) = match rest.find("<pre") {
            Some(i) => {
                let end = rest[i..].find("</pre>").map_or(rest.len(), |e| i + e + 6);
                (&rest[..i], &rest[i..end], &rest[end..])
            }
            None => (rest, "", ""),
        };
        let collapsed = outside.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&collapsed.replace("> ", ">").replace(" <", "<"));
        out.push_str(pre);
        rest = after;
    }
    let download = regex::Regex::new(r#"\sdownload="[^"]*""#).unwrap();
    let reference = regex::Regex::new(r#"\s(src|href|poster)="([^"]*)""#).unwrap();
    let out = download.replace_all(&out, "");
    reference
        .replace_all(&out, |c: &regex::Captures| {
            let value = &c[2];
            let local = value.starts_with("data:")
                || !(value.contains(':') || value.starts_with('#') || value.contains(".html"));
            if local && !value.is_empty() {
                format!(" {}=\"LOCAL\"", &c[1])
            } else {
                c[0].to_owned()
            }
        })
        .into_owned()
}

/// A page's `<main>` without what the tool adds: the header box, badges,
/// the related reports, the title it adds to a report without one.
fn without_the_tools_elements(main: &str) -> String {
    let mut html = remove_elements(main, "<div class=\"tf-report-header\"", "div");
    html = remove_elements(&html, "<div class=\"tf-related\"", "div");
    html = remove_elements(&html, "<a class=\"tf-skill\"", "a");
    html = remove_elements(&html, "<span class=\"tf-skill", "span");
    remove_elements(&html, "<h1 id=\"tf-title", "h1")
}

/// The `src` of every `<img>` in `html`, outside comments.
fn image_sources(html: &str) -> Vec<String> {
    let comment = regex::Regex::new(r"(?s)<!--.*?-->").unwrap();
    let html = comment.replace_all(html, "");
    let src = regex::Regex::new(r#"<img[^>]*?\ssrc="([^"]*)""#).unwrap();
    src.captures_iter(&html).map(|c| c[1].to_owned()).collect()
}

fn is_local(src: &str) -> bool {
    !(src.contains(':') || src.starts_with('/') || src.starts_with('#') || src.is_empty())
}

fn mdbook_build(root: &Path) {
    let output = Command::new("mdbook")
        .arg("build")
        .current_dir(root)
        .env("PATH", crate::support::path_with_binary())
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{}: {log}", root.display());
    assert!(!log.contains("ERROR"), "{}: {log}", root.display());
}

/// `page: href` of the links of a built book that do not land.
fn broken(out: &Path) -> (usize, BTreeSet<String>) {
    let (checked, broken) = broken_links(out);
    let prefix = format!("{}/", out.display());
    let broken = broken
        .into_iter()
        .map(|b| b.trim_start_matches(&prefix).to_owned())
        .collect();
    (checked, broken)
}

#[derive(Debug, Default)]
struct Counts {
    books: usize,
    pages: usize,
    headings: usize,
    links: usize,
    anchors: usize,
    images: usize,
}

#[test]
fn real_chapters_render_as_plain_mdbook_renders_them() {
    if !crate::support::mdbook_cli() {
        return;
    }
    let skills: Vec<String> = mdbook_technical_file::Referential::embedded()
        .skills
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let mut counts = Counts::default();
    let mut problems: Vec<String> = Vec::new();
    let mut next = 0;
    for (folder, chapters) in books() {
        let book = folder.file_name().unwrap().to_string_lossy().into_owned();
        let work = tempfile::tempdir().unwrap();
        let (ours, plain) = (work.path().join("ours"), work.path().join("plain"));
        copy_dir(&folder, &ours.join("reports"));
        copy_dir(&folder, &plain.join("book/reports"));
        fs::write(ours.join("book.toml"), BOOK_TOML).unwrap();
        fs::create_dir_all(ours.join("book")).unwrap();
        fs::write(
            ours.join("book/SUMMARY.md"),
            "# Summary\n\n- [Project reports](reports.md)\n",
        )
        .unwrap();
        fs::write(ours.join("book/reports.md"), "# Project reports\n").unwrap();
        fs::write(plain.join("book.toml"), PLAIN_TOML).unwrap();
        let mut summary = String::from("# Summary\n\n");
        let mut placed = BTreeMap::new();
        // A chapter that another includes is a file, not a report of its
        // own: no markers in it (the tool never sees included text).
        let texts: Vec<String> = chapters
            .iter()
            .map(|c| fs::read_to_string(folder.join(c)).unwrap())
            .collect();
        let included = |chapter: &str| {
            texts
                .iter()
                .any(|t| t.contains(&format!("include {chapter}")))
        };
        for (chapter, text) in chapters.iter().zip(&texts) {
            let (marked, markers) = if included(chapter) {
                (text.clone(), Vec::new())
            } else {
                with_markers(text, &skills, &mut next)
            };
            fs::write(ours.join("reports").join(chapter), marked).unwrap();
            placed.insert(chapter.trim_end_matches(".md").to_owned(), markers);
            summary.push_str(&format!("- [{chapter}](reports/{chapter})\n"));
        }
        fs::write(plain.join("book/SUMMARY.md"), summary).unwrap();
        mdbook_build(&ours);
        mdbook_build(&plain);
        counts.books += 1;

        // Pages: the same <main>, the tool's elements aside.
        let mut plain_ids = BTreeMap::new();
        for chapter in &chapters {
            let page = format!("reports/{}", chapter.replace(".md", ".html"));
            let read = |root: &Path| {
                let mut path = root.join("out").join(&page);
                // mdBook's `index` preprocessor makes a README chapter
                // `index.html` (it runs before the tool adds reports).
                if !path.exists() && chapter.eq_ignore_ascii_case("readme.md") {
                    path = root.join("out/reports/index.html");
                }
                main_of(
                    &fs::read_to_string(&path)
                        .unwrap_or_else(|e| panic!("{}: {e}", path.display())),
                )
            };
            let (ours_main, plain_main) = (read(&ours), read(&plain));
            let expected = normalize(&plain_main);
            let actual = normalize(&without_the_tools_elements(&ours_main));
            if actual != expected {
                let at = actual
                    .bytes()
                    .zip(expected.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                // Around the first difference, on char boundaries.
                let around = |text: &str| {
                    let mut from = at.saturating_sub(80).min(text.len());
                    while !text.is_char_boundary(from) {
                        from -= 1;
                    }
                    let mut to = (at + 120).min(text.len());
                    while !text.is_char_boundary(to) {
                        to -= 1;
                    }
                    text[from..to].to_owned()
                };
                problems.push(format!(
                    "{book}/{chapter}: differs at byte {at}:\n  ours:  {}\n  plain: {}",
                    around(&actual),
                    around(&expected)
                ));
            }
            let heading_ids = heading_ids(&plain_main);
            counts.headings += heading_ids.len();
            // Included text adds headings mdBook numbers with the report's:
            // there the anchor is only checked to be one of the page's ids.
            let includes =
                texts[chapters.iter().position(|c| c == chapter).unwrap()].contains("{{#include");
            plain_ids.insert(
                chapter.trim_end_matches(".md").to_owned(),
                (heading_ids, includes),
            );
            counts.pages += 1;

            // Images: every local one that plain mdBook shows is embedded.
            for (src, plain_src) in image_sources(&ours_main)
                .iter()
                .zip(image_sources(&plain_main))
            {
                if !is_local(&plain_src) {
                    continue;
                }
                let exists = plain.join("out/reports").join(&plain_src).is_file();
                if exists && !src.starts_with("data:") {
                    problems.push(format!("{book}/{chapter}: image {plain_src} is lost"));
                }
                counts.images += usize::from(exists);
            }
        }
        let print = fs::read_to_string(ours.join("out/print.html")).unwrap();
        let plain_print = fs::read_to_string(plain.join("out/print.html")).unwrap();
        let local_in_plain = image_sources(&plain_print)
            .iter()
            .filter(|s| is_local(s))
            .count();
        let data_in_ours = image_sources(&print)
            .iter()
            .filter(|s| s.starts_with("data:"))
            .count();
        if data_in_ours < counts_local_existing(&plain, &plain_print).min(local_in_plain) {
            problems.push(format!(
                "{book}: print.html shows {data_in_ours} embedded images"
            ));
        }

        // Evidence anchors: plain mdBook's id of the heading above the marker.
        let outcome = mdbook_technical_file::analyze(&ours).unwrap();
        let json = mdbook_technical_file::export::json(&outcome.file);
        for skill in json["skills"].as_array().unwrap() {
            for evidence in skill["evidence"].as_array().unwrap() {
                let report = evidence["report"].as_str().unwrap();
                let line = evidence["line"].as_u64().unwrap() as usize;
                let heading = placed[report]
                    .iter()
                    .find(|(l, _)| *l == line)
                    .map(|(_, h)| *h);
                let (ids, includes) = &plain_ids[report];
                let anchor = evidence["anchor"].as_str().unwrap_or_default();
                let expected = heading.and_then(|h| ids.get(h));
                let right = if *includes {
                    ids.iter().any(|id| id == anchor)
                } else {
                    expected.map(String::as_str) == Some(anchor)
                };
                if !right {
                    problems.push(format!(
                        "{book}/{report}.md:{line}: anchor {} but plain mdBook's id is {expected:?}",
                        evidence["anchor"]
                    ));
                }
                counts.anchors += 1;
            }
        }
        let placed_total: usize = placed.values().map(Vec::len).sum();
        assert!(placed_total > 0, "{book}: no marker placed");

        // Links: every internal link lands, or is as broken in plain mdBook.
        let (checked, ours_broken) = broken(&ours.join("out"));
        let (_, plain_broken) = broken(&plain.join("out"));
        let plain_broken: BTreeSet<String> = plain_broken
            .into_iter()
            .map(|b| b.replace("reports/index.html:", "reports/readme.html:"))
            .collect();
        counts.links += checked;
        for link in ours_broken.difference(&plain_broken) {
            problems.push(format!("{book}: broken link {link}"));
        }
    }
    eprintln!("corpus: {counts:?}");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(counts.books >= 5 && counts.pages >= 50, "{counts:?}");
    assert!(counts.anchors >= 100 && counts.images >= 1, "{counts:?}");
}

/// How many local images of a plain print page exist in its build.
fn counts_local_existing(plain: &Path, print: &str) -> usize {
    image_sources(print)
        .iter()
        .filter(|s| is_local(s) && plain.join("out").join(s).is_file())
        .count()
}
