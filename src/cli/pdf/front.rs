//! The printed file's front pages: a cover (title, student, training,
//! school, date) and a table of contents whose page numbers are those of
//! the printed file.
//!
//! mdBook's print page puts every chapter after a page break; the first
//! heading after each break is the chapter's start. The contents link to
//! those headings (`#id`), which Chromium turns into named destinations:
//! `pdf` prints once with blank numbers, reads the page of every
//! destination, and prints again with them (see `mod.rs`). Pure: no I/O.

use crate::text::html::escaped;
use anyhow::{Context, bail};

/// What mdBook writes between two chapters of its print page.
const CHAPTER_BREAK: &str = r#"<div style="break-before: page; page-break-before: always;"></div>"#;

/// The id of the contents' heading (a bookmark, and the target of no link).
pub const CONTENTS_ID: &str = "technical-file-contents";

/// The cover page's lines, already in the book's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    pub title: String,
    /// `[book] authors`.
    pub student: Vec<String>,
    /// The referential's title ("Cloud DevOps Expert (RNCP Level 7)").
    pub training: String,
    pub school: Option<String>,
    /// The date as the book's language writes it.
    pub date: String,
}

/// Where a chapter starts in the print page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChapterStart {
    /// The `id` of its first heading.
    pub id: String,
    /// Its first heading's text, as HTML (entities kept, tags removed).
    pub title: String,
}

/// The table of contents: its heading and, for each chapter, the page it
/// starts on (`None` before the first printing).
#[derive(Debug, Clone, Copy)]
pub struct Contents<'a> {
    pub heading: &'a str,
    pub chapters: &'a [ChapterStart],
    pub pages: &'a [Option<usize>],
}

/// The chapters of an mdBook print page, in order: the first heading with
/// an `id` of each part between two page breaks.
pub fn chapter_starts(print_html: &str) -> anyhow::Result<Vec<ChapterStart>> {
    let main = main_content(print_html)?;
    Ok(main
        .split(CHAPTER_BREAK)
        .filter_map(first_heading)
        .collect())
}

/// The inside of `<main>`.
fn main_content(html: &str) -> anyhow::Result<&str> {
    let start = html.find("<main>").context("no <main> element")? + "<main>".len();
    let end = html[start..].rfind("</main>").context("no </main>")?;
    Ok(&html[start..start + end])
}

/// The first heading with an `id` of a chapter.
fn first_heading(chapter: &str) -> Option<ChapterStart> {
    headings(chapter).into_iter().find_map(|(id, inner)| {
        Some(ChapterStart {
            id: id?.to_owned(),
            title: without_tags(inner).trim().to_owned(),
        })
    })
}

/// The text of every heading of a page with an `id` (those mdBook writes,
/// and Chromium's bookmarks are made of), in order.
pub fn heading_texts(html: &str) -> Vec<String> {
    headings(html)
        .into_iter()
        .filter(|(id, _)| id.is_some())
        .map(|(_, inner)| plain_text(without_tags(inner).trim()))
        .collect()
}

/// Every `<hN …>…</hN>` of a page: its `id`, if any, and its inner HTML.
fn headings(html: &str) -> Vec<(Option<&str>, &str)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        let tag = &rest[at..];
        let level = tag.as_bytes().get(2).copied().filter(u8::is_ascii_digit);
        let (Some(level), Some(open_end)) = (level, tag.find('>')) else {
            rest = &rest[at + 2..];
            continue;
        };
        let close = format!("</h{}>", level as char);
        let Some(inner_end) = tag.find(&close) else {
            break;
        };
        found.push((
            attribute(&tag[..open_end], "id"),
            &tag[open_end + 1..inner_end],
        ));
        rest = &tag[inner_end..];
    }
    found
}

/// The value of `name="…"` in an opening tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag[start..].find('"')?;
    Some(&tag[start..start + end])
}

/// HTML without its tags (its entities kept: it stays HTML).
fn without_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The print page with the cover and the contents at the start of `<main>`,
/// and their styles in `<head>`.
pub fn with_front_pages(
    print_html: &str,
    cover: Option<&Cover>,
    contents: Option<Contents<'_>>,
) -> anyhow::Result<String> {
    if cover.is_none() && contents.is_none() {
        return Ok(print_html.to_owned());
    }
    let main = print_html.find("<main>").context("no <main> element")? + "<main>".len();
    let head_end = print_html.find("</head>").context("no </head>")?;
    if main < head_end {
        bail!("<main> comes before </head>");
    }
    let mut pages = String::new();
    if let Some(cover) = cover {
        pages.push_str(&cover_html(cover));
    }
    if let Some(contents) = contents {
        pages.push_str(&contents_html(contents));
    }
    let mut out = String::with_capacity(print_html.len() + pages.len() + STYLE.len());
    out.push_str(&print_html[..head_end]);
    out.push_str(STYLE);
    out.push_str(&print_html[head_end..main]);
    out.push_str(&pages);
    out.push_str(&print_html[main..]);
    Ok(out)
}

/// The front pages' looks: each on a page of its own, the cover without a
/// page number, dotted leaders to the numbers.
const STYLE: &str = r#"<style>
.technical-file-cover { display: flex; flex-direction: column; justify-content: center; min-height: 80vh; text-align: center; break-after: page; page-break-after: always; }
.technical-file-cover .title { font-size: 2.2em; font-weight: 700; line-height: 1.25; margin: 0 0 1.5em; }
.technical-file-cover p { margin: 0.4em 0; font-size: 1.2em; }
.technical-file-cover .date { margin-top: 2.5em; }
.technical-file-contents { break-after: page; page-break-after: always; }
.technical-file-contents ol { list-style: none; padding: 0; margin: 1.5em 0 0; }
.technical-file-contents li { margin: 0.35em 0; }
.technical-file-contents a, .technical-file-contents a:visited { display: flex; align-items: baseline; gap: 0.4em; color: var(--fg, #000) !important; text-decoration: none !important; }
.technical-file-contents a::after { content: none !important; }
.technical-file-contents .leader { flex: 1; border-bottom: 1px dotted currentColor; }
.technical-file-contents .page { font-variant-numeric: tabular-nums; min-width: 2em; text-align: right; }
@media print { @page :first { @bottom-right { content: none; } } }
</style>
"#;

fn cover_html(cover: &Cover) -> String {
    let mut html = String::from("<section class=\"technical-file-cover\">\n");
    html.push_str(&format!(
        "<p class=\"title\">{}</p>\n",
        escaped(&cover.title)
    ));
    if !cover.student.is_empty() {
        html.push_str(&format!(
            "<p class=\"student\">{}</p>\n",
            escaped(&cover.student.join(", "))
        ));
    }
    html.push_str(&format!(
        "<p class=\"training\">{}</p>\n",
        escaped(&cover.training)
    ));
    if let Some(school) = &cover.school {
        html.push_str(&format!("<p class=\"school\">{}</p>\n", escaped(school)));
    }
    html.push_str(&format!("<p class=\"date\">{}</p>\n", escaped(&cover.date)));
    html.push_str("</section>\n");
    html
}

fn contents_html(contents: Contents<'_>) -> String {
    let mut html = format!(
        "<nav class=\"technical-file-contents\" aria-labelledby=\"{CONTENTS_ID}\">\n<h1 id=\"{CONTENTS_ID}\">{}</h1>\n<ol>\n",
        escaped(contents.heading)
    );
    for (i, chapter) in contents.chapters.iter().enumerate() {
        // Blank numbers keep the width of the real ones for the first
        // printing, so that the second lays out the same lines.
        let page = match contents.pages.get(i).copied().flatten() {
            Some(page) => page.to_string(),
            None => "&#8199;&#8199;".to_owned(),
        };
        html.push_str(&format!(
            "<li><a href=\"#{}\"><span class=\"title\">{}</span><span class=\"leader\" aria-hidden=\"true\"></span><span class=\"page\">{page}</span></a></li>\n",
            escaped(&chapter.id),
            chapter.title
        ));
    }
    html.push_str("</ol>\n</nav>\n");
    html
}

/// A heading's HTML as text, for the terminal: the entities mdBook writes
/// decoded.
pub fn plain_text(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = concat!(
        "<html><head><title>t</title></head><body><main>\n",
        r##"<h1 id="introduction"><a class="header" href="#introduction">Introduction</a></h1><p>x</p><h2 id="a">A</h2>"##,
        r#"<div style="break-before: page; page-break-before: always;"></div>"#,
        r##"<p>no heading before</p><h2>no id</h2><h1 id="ci--cd"><a class="header" href="#ci--cd">CI &amp; <code>CD</code></a></h1>"##,
        r#"<div style="break-before: page; page-break-before: always;"></div>"#,
        "<p>a chapter without a heading</p>\n</main></body></html>"
    );

    #[test]
    fn each_chapter_starts_at_its_first_heading_with_an_id() {
        assert_eq!(
            chapter_starts(PAGE).unwrap(),
            [
                ChapterStart {
                    id: "introduction".into(),
                    title: "Introduction".into()
                },
                ChapterStart {
                    id: "ci--cd".into(),
                    title: "CI &amp; CD".into()
                },
            ]
        );
        assert!(chapter_starts("<html></html>").is_err());
        assert_eq!(
            heading_texts(PAGE),
            ["Introduction", "A", "CI & CD"],
            "the headings with an id, as text"
        );
    }

    #[test]
    fn the_front_pages_go_first_in_main_with_their_numbers_and_escaped_text() {
        let chapters = chapter_starts(PAGE).unwrap();
        let cover = Cover {
            title: "Technical file <b>".into(),
            student: vec!["Camille Moreau".into()],
            training: "Cloud DevOps Expert".into(),
            school: None,
            date: "2026-06-15".into(),
        };
        let page = with_front_pages(
            PAGE,
            Some(&cover),
            Some(Contents {
                heading: "Contents",
                chapters: &chapters,
                pages: &[Some(3), None],
            }),
        )
        .unwrap();
        let main = page.find("<main>").unwrap();
        let cover_at = page.find("technical-file-cover\">").unwrap();
        let contents_at = page.find("<nav class=\"technical-file-contents\"").unwrap();
        let intro = page.find("<h1 id=\"introduction\"").unwrap();
        assert!(main < cover_at && cover_at < contents_at && contents_at < intro);
        assert!(page.find("<style>").unwrap() < page.find("</head>").unwrap());
        assert!(page.contains("Technical file &lt;b&gt;"));
        assert!(!page.contains("school"));
        assert!(page.contains(
            "<a href=\"#introduction\"><span class=\"title\">Introduction</span><span class=\"leader\" aria-hidden=\"true\"></span><span class=\"page\">3</span></a>"
        ));
        assert!(page.contains("<span class=\"page\">&#8199;&#8199;</span>"));
        // Everything after the front pages is the page as mdBook wrote it.
        let from = |html: &str| html.find("<h1 id=\"introduction\"").unwrap();
        assert_eq!(page[from(&page)..], PAGE[from(PAGE)..]);
        assert_eq!(with_front_pages(PAGE, None, None).unwrap(), PAGE);
    }
}
