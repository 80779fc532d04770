//! The printed file as a jury member reads it in a PDF reader: the cover,
//! the contents with the pages where each chapter starts, the outline's
//! bookmarks, the document information, and the technical file's page
//! count, which the front pages do not change. Real Chromium, real books.

use crate::support::{binary, chromium, copy_book, pdf_page_text, pdftotext, repo_root};
use mdbook_technical_file::PrintedPdf;
use std::fs;
use std::path::Path;

/// Runs `pdf` in `root`; its summary and chapter lines.
fn pdf(root: &Path) -> String {
    let out = binary().arg("pdf").current_dir(root).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    stderr
}

/// The chapters of mdBook's print page, read here apart from the tool's
/// reader: the first `<h1>` after each page break, as (id, text).
fn chapters_of(print_html: &str) -> Vec<(String, String)> {
    let heading = regex::Regex::new(r#"<h1 id="([^"]+)">(?s:(.*?))</h1>"#).unwrap();
    let tag = regex::Regex::new(r"<[^>]+>").unwrap();
    print_html
        .split(r#"<div style="break-before: page; page-break-before: always;"></div>"#)
        .filter_map(|chapter| {
            let found = heading.captures(chapter)?;
            let text = tag.replace_all(&found[2], "").replace("&amp;", "&");
            Some((found[1].to_owned(), text))
        })
        .collect()
}

/// Text with its runs of white space made one space.
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The technical-file page count of a `pdf` summary line.
fn technical_file_pages(line: &str) -> usize {
    let at = line.find("technical file ").expect(line) + "technical file ".len();
    line[at..].split(' ').next().unwrap().parse().unwrap()
}

#[test]
fn the_printed_file_has_a_cover_a_contents_with_real_pages_an_outline_and_its_metadata() {
    if chromium().is_none() || !pdftotext() {
        return;
    }
    let dir = copy_book(&repo_root());
    let root = dir.path();
    let stderr = pdf(root);
    let out = root.join("target/technical-file.pdf");
    let printed = PrintedPdf::read(&fs::read(&out).unwrap()).unwrap();
    let print = fs::read_to_string(root.join("target/book/print.html")).unwrap();
    let chapters = chapters_of(&print);
    assert_eq!(chapters.len(), 15, "{chapters:?}");

    // The cover: title, student, training, school, date; no page number.
    let cover = squeezed(&pdf_page_text(&out, 1));
    for line in [
        "Technical file — Camille Moreau",
        "Camille Moreau",
        "Cloud DevOps Expert (RNCP Level 7)",
        "Horizon Digital School, Lyon",
        "2026-06-15",
    ] {
        assert!(cover.contains(line), "{line:?} not on the cover: {cover}");
    }
    assert!(
        !cover.contains(&format!("1 / {}", printed.pages())),
        "{cover}"
    );

    // The contents: one line per chapter, its number the page where the
    // chapter starts, which is where the chapter's title is printed.
    let contents = pdf_page_text(&out, 2);
    assert!(contents.trim_start().starts_with("Contents"), "{contents}");
    let bookmarks = printed.bookmarks();
    for (id, title) in &chapters {
        let line = contents
            .lines()
            .find(|l| squeezed(l).starts_with(&squeezed(title)))
            .unwrap_or_else(|| panic!("{title:?} is not in the contents:\n{contents}"));
        let page: usize = line.split_whitespace().last().unwrap().parse().unwrap();
        assert!(page > 2, "{line}");
        let text = squeezed(&pdf_page_text(&out, page));
        let head: String = squeezed(title).chars().take(30).collect();
        assert!(
            text.contains(&head),
            "{title:?} is not on page {page}: {text}"
        );
        // The page before is another chapter's.
        assert!(
            !squeezed(&pdf_page_text(&out, page - 1)).starts_with(&head),
            "{title:?} starts before page {page}"
        );
        // A bookmark of the outline's top level, titled as the chapter
        // (not as Chromium laid the wrapped heading out: "andorchestration"),
        // leads to the same page.
        assert!(
            bookmarks
                .iter()
                .any(|b| b.level == 1 && b.title == *title && b.page == page),
            "no bookmark to {title:?} on page {page}: {bookmarks:?}"
        );
        assert_eq!(printed.destination_pages().get(id), Some(&page), "#{id}");
    }
    // The outline goes below the chapters: the reports' sections.
    assert!(
        bookmarks.iter().filter(|b| b.level == 2).count() >= 7 * 6,
        "{bookmarks:?}"
    );
    // The contents is a bookmark too.
    assert!(
        bookmarks
            .iter()
            .any(|b| b.title == "Contents" && b.page == 2)
    );

    // The document information.
    let info = std::process::Command::new("pdfinfo")
        .arg(&out)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    for line in [
        "Title:           Technical file — Camille Moreau",
        "Author:          Camille Moreau",
        "Subject:         Technical file for the RNCP Level 7 title Cloud DevOps Expert",
        "Keywords:        DevOps, cloud, RNCP Level 7, technical file",
    ] {
        assert!(info.contains(line), "{line:?} not in:\n{info}");
    }
    let meta = std::process::Command::new("pdfinfo")
        .args(["-meta"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&meta.stdout)
            .contains("<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>")
    );

    // The technical file's pages are the hand-written chapters' whether or
    // not the front pages are printed, and the chapter lines add up to it.
    let pages = technical_file_pages(&stderr);
    let per_chapter: usize = stderr
        .lines()
        .filter_map(|l| {
            l.strip_prefix("  ")?
                .rsplit_once(": ")?
                .1
                .split(' ')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .sum();
    assert_eq!(per_chapter, pages, "{stderr}");
    assert!(stderr.contains("\n  Introduction: 1 page\n"), "{stderr}");
    let book_toml = fs::read_to_string(root.join("book.toml")).unwrap();
    fs::write(
        root.join("book.toml"),
        book_toml
            .replace("cover = true", "cover = false")
            .replace("contents = true", "contents = false"),
    )
    .unwrap();
    let without = pdf(root);
    assert_eq!(technical_file_pages(&without), pages, "{without}");
    let plain = PrintedPdf::read(&fs::read(&out).unwrap()).unwrap();
    assert_eq!(plain.pages() + 2, printed.pages());
    assert!(!pdf_page_text(&out, 1).contains("Contents"));
}

#[test]
fn a_french_book_prints_its_cover_and_its_sommaire_in_french() {
    if chromium().is_none() || !pdftotext() {
        return;
    }
    let dir = copy_book(&repo_root().join("examples/fr"));
    let root = dir.path();
    let book_toml = fs::read_to_string(root.join("book.toml")).unwrap();
    fs::write(
        root.join("book.toml"),
        book_toml.replace("../../target/book-fr", "target/book"),
    )
    .unwrap();
    let stderr = pdf(root);
    let out = root.join("target/technical-file.pdf");
    let cover = squeezed(&pdf_page_text(&out, 1));
    for line in [
        "Dossier technique — Inès Marchand",
        "Expert Cloud DevOps",
        "Atlantique Digital School, Nantes",
        "19 juin 2026",
    ] {
        assert!(cover.contains(line), "{line:?} not on the cover: {cover}");
    }
    let contents = pdf_page_text(&out, 2);
    assert!(contents.trim_start().starts_with("Sommaire"), "{contents}");
    assert!(
        contents.contains("Couverture des compétences"),
        "{contents}"
    );
    assert!(stderr.contains("dossier technique de"), "{stderr}");
    assert!(
        stderr.contains("\n  Introduction\u{a0}: 1 page\n"),
        "{stderr}"
    );
}
