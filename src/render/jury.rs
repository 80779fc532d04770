//! The jury grid: a page to evaluate the technical file on paper, one row
//! per skill with its evidence as links and empty cells to tick and to
//! comment. Off by default (`jury-grid = true`), never counted in the
//! technical file's pages. When the book's address is known (`site-url`),
//! the links are absolute, so a printed or exported grid still leads to the
//! hosted sections.

use crate::lang::{Catalogue, Piece};
use crate::model::file::TechnicalFile;
use crate::render::evidence;
use crate::render::md::Markdown;
use crate::text::html::Html;

/// The grading columns' messages, after the skill and its evidence.
const GRADES: [&str; 3] = ["jury-acquired", "jury-partly", "jury-not-yet"];

/// The page's title, in the book's language.
pub fn title(words: &Catalogue) -> String {
    words.text("jury-title")
}

/// The jury grid page's Markdown, for the page `path` of the book.
pub fn render(file: &TechnicalFile, path: &str) -> String {
    let mut md = Markdown::new();
    md.heading(1, &title(file.config.words()), None);
    let base = file.config.published_url();
    md.html_block(introduction(file, base.as_deref()));
    md.html_block(identification(file));
    for block in file.referential.blocks.ids() {
        let b = &file.referential.blocks[block];
        md.heading(2, &format!("{} — {}", b.id, b.title), None);
        md.html_block(table(file, block, path, base.as_deref()));
    }
    md.finish(file.config.flavor)
}

/// How to use the grid and where its links lead. HTML, so that the
/// print rules can leave out the address they add after external links
/// (the page says it once).
fn introduction(file: &TechnicalFile, base: Option<&str>) -> String {
    let words = file.config.words();
    let mut html = Html::new();
    html.open("p", &[("class", "tf-jury-intro")]);
    match base {
        Some(url) => {
            for piece in words.pieces("jury-intro-published", &[], &["url"]) {
                match piece {
                    Piece::Text(text) => html.text(&text),
                    Piece::Span(_) => html.element("a", &[("href", url)], url),
                };
            }
        }
        None => {
            html.text(&words.text("jury-intro"));
        }
    }
    let gaps = file.matrix.gaps().len();
    if gaps > 0 {
        let gaps = words.format("jury-gaps", &[("gaps", gaps.into())]);
        html.text(&format!(" {gaps}"));
    }
    html.close("p");
    html.finish()
}

/// Who is evaluated, by whom, when: filled in by hand, the candidate
/// named when the book has authors.
fn identification(file: &TechnicalFile) -> String {
    let mut html = Html::new();
    html.open("table", &[("class", "tf-jury-identification")])
        .newline();
    let candidate = file.config.authors.join(", ");
    let words = file.config.words();
    for (label, value) in [
        ("jury-candidate", candidate.as_str()),
        ("jury-member", ""),
        ("jury-date", ""),
    ] {
        html.open("tr", &[])
            .element("th", &[("scope", "row")], &words.text(label))
            .element("td", &[], value)
            .close("tr")
            .newline();
    }
    html.close("table");
    html.finish()
}

/// One block's table: a row per skill.
fn table(
    file: &TechnicalFile,
    block: crate::referential::BlockId,
    path: &str,
    base: Option<&str>,
) -> String {
    let words = file.config.words();
    let grades = GRADES.map(|grade| words.text(grade));
    let mut html = Html::new();
    html.open("table", &[("class", "tf-jury")]).newline();
    html.open("colgroup", &[]);
    for class in ["tf-jury-skill", "tf-jury-evidence"]
        .into_iter()
        .chain(GRADES.iter().map(|_| "tf-jury-grade"))
        .chain(["tf-jury-comment"])
    {
        html.open("col", &[("class", class)]);
    }
    html.close("colgroup").newline();
    html.open("thead", &[]).open("tr", &[]);
    html.element("th", &[("scope", "col")], &words.text("jury-skill"));
    html.element("th", &[("scope", "col")], &words.text("jury-evidence"));
    for grade in &grades {
        html.element("th", &[("scope", "col")], grade);
    }
    html.element("th", &[("scope", "col")], &words.text("jury-comment"));
    html.close("tr").close("thead").newline();
    html.open("tbody", &[]).newline();
    for skill in file.referential.blocks[block].skills() {
        let s = &file.referential.skills[skill];
        html.open("tr", &[("id", &format!("tf-jury-{}", s.slug))]);
        html.open("th", &[("scope", "row")])
            .element("strong", &[], &s.id)
            .text(" ")
            .text(&s.title)
            .close("th");
        html.open("td", &[]);
        let links = evidence::links(file, skill, path, None);
        if links.is_empty() {
            html.element(
                "span",
                &[("class", "tf-jury-gap")],
                &words.text("jury-no-evidence"),
            );
        } else {
            html.open("ul", &[]);
            for link in &links {
                let href = match base {
                    Some(base) => format!("{base}{}", link.href),
                    None => link.href.clone(),
                };
                html.open("li", &[])
                    .element("a", &[("href", &href)], &link.label)
                    .close("li");
            }
            html.close("ul");
        }
        html.close("td");
        for grade in &grades {
            let label = format!("{} {grade}", s.id);
            html.open("td", &[("class", "tf-jury-box")])
                .element("span", &[("role", "img"), ("aria-label", &label)], "☐")
                .close("td");
        }
        html.element("td", &[("class", "tf-jury-comment")], "");
        html.close("tr").newline();
    }
    html.close("tbody").newline().close("table");
    html.finish()
}
