//! Generated Markdown, built as pulldown-cmark events and serialized by
//! pulldown-cmark-to-cmark: text is escaped by construction, so a report
//! titled `<img src=x onerror=alert(1)>` stays text.

use crate::lang::Piece;
use crate::syntax::markdown::Flavor;
use mdbook_markdown::pulldown_cmark::{
    Alignment, BlockQuoteKind, CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd,
};
use pulldown_cmark_to_cmark::{Options, cmark_with_options};

/// A growing list of events.
#[derive(Debug, Default)]
pub struct Markdown {
    events: Vec<Event<'static>>,
}

fn level(n: u8) -> HeadingLevel {
    match n {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

impl Markdown {
    pub fn new() -> Markdown {
        Markdown::default()
    }

    fn start(&mut self, tag: Tag<'static>) -> &mut Self {
        self.events.push(Event::Start(tag));
        self
    }

    fn end(&mut self, tag: TagEnd) -> &mut Self {
        self.events.push(Event::End(tag));
        self
    }

    /// A heading, with an explicit `{#id}` when given.
    pub fn heading(&mut self, n: u8, text: &str, id: Option<&str>) -> &mut Self {
        self.start(Tag::Heading {
            level: level(n),
            id: id.map(|id| CowStr::from(id.to_owned())),
            classes: Vec::new(),
            attrs: Vec::new(),
        });
        self.text(text);
        self.end(TagEnd::Heading(level(n)))
    }

    pub fn paragraph(&mut self, inline: impl FnOnce(&mut Markdown)) -> &mut Self {
        self.start(Tag::Paragraph);
        inline(self);
        self.end(TagEnd::Paragraph)
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        if !text.is_empty() {
            self.events.push(Event::Text(CowStr::from(text.to_owned())));
        }
        self
    }

    /// A message cut by [`Catalogue::pieces`](crate::lang::Catalogue::pieces):
    /// its text as text, each span as `span` writes it.
    pub fn pieces(
        &mut self,
        pieces: &[Piece],
        mut span: impl FnMut(&mut Markdown, usize),
    ) -> &mut Self {
        for piece in pieces {
            match piece {
                Piece::Text(text) => {
                    self.text(text);
                }
                Piece::Span(index) => span(self, *index),
            }
        }
        self
    }

    pub fn code(&mut self, text: &str) -> &mut Self {
        self.events.push(Event::Code(CowStr::from(text.to_owned())));
        self
    }

    pub fn strong(&mut self, text: &str) -> &mut Self {
        self.start(Tag::Strong).text(text).end(TagEnd::Strong)
    }

    pub fn emphasis(&mut self, text: &str) -> &mut Self {
        self.start(Tag::Emphasis).text(text).end(TagEnd::Emphasis)
    }

    /// A link whose text is `text`, with an optional tooltip.
    pub fn link(&mut self, text: &str, dest: &str, title: &str) -> &mut Self {
        self.link_with(dest, title, |m| {
            m.text(text);
        })
    }

    pub fn link_with(
        &mut self,
        dest: &str,
        title: &str,
        inner: impl FnOnce(&mut Markdown),
    ) -> &mut Self {
        self.start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: CowStr::from(dest.to_owned()),
            title: CowStr::from(title.to_owned()),
            id: CowStr::from(""),
        });
        inner(self);
        self.end(TagEnd::Link)
    }

    /// Raw inline HTML, built with `html::Html` (which escapes).
    pub fn inline_html(&mut self, html: String) -> &mut Self {
        self.events.push(Event::InlineHtml(CowStr::from(html)));
        self
    }

    /// A raw HTML block, built with `html::Html`; it must not contain a
    /// blank line.
    pub fn html_block(&mut self, html: String) -> &mut Self {
        self.start(Tag::HtmlBlock);
        self.events.push(Event::Html(CowStr::from(html + "\n")));
        self.end(TagEnd::HtmlBlock)
    }

    /// A bulleted list, one item per call of `item`.
    pub fn list<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut item: impl FnMut(&mut Markdown, T),
    ) -> &mut Self {
        self.start(Tag::List(None));
        for value in items {
            self.start(Tag::Item);
            item(self, value);
            self.end(TagEnd::Item);
        }
        self.end(TagEnd::List(false))
    }

    /// A GitHub-style admonition (`> [!WARNING]`), which mdBook 0.5 renders natively.
    pub fn admonition(
        &mut self,
        kind: BlockQuoteKind,
        inner: impl FnOnce(&mut Markdown),
    ) -> &mut Self {
        self.start(Tag::BlockQuote(Some(kind)));
        inner(self);
        self.end(TagEnd::BlockQuote(Some(kind)))
    }

    /// A table. `row` fills each cell of a row by calling `cell`.
    pub fn table<R>(
        &mut self,
        align: Vec<Alignment>,
        header: &[&str],
        rows: impl IntoIterator<Item = R>,
        row: impl FnMut(&mut TableRow<'_>, R),
    ) -> &mut Self {
        self.table_with_header(
            align,
            |head| {
                for cell in header {
                    head.text_cell(cell);
                }
            },
            rows,
            row,
        )
    }

    /// A table whose header cells are made by `header` (links, say).
    pub fn table_with_header<R>(
        &mut self,
        align: Vec<Alignment>,
        header: impl FnOnce(&mut TableRow<'_>),
        rows: impl IntoIterator<Item = R>,
        mut row: impl FnMut(&mut TableRow<'_>, R),
    ) -> &mut Self {
        self.start(Tag::Table(align));
        self.start(Tag::TableHead);
        header(&mut TableRow { md: self });
        self.end(TagEnd::TableHead);
        for value in rows {
            self.start(Tag::TableRow);
            row(&mut TableRow { md: self }, value);
            self.end(TagEnd::TableRow);
        }
        self.end(TagEnd::Table)
    }

    /// Serializes the events with the options of the book's parser.
    pub fn finish(self, flavor: Flavor) -> String {
        let mut out = String::new();
        let options = Options::default();
        // Event lists built here are always well formed; an error would be a
        // bug, and an empty string is the safe result.
        if cmark_with_options(
            self.events.iter(),
            &mut out,
            flavor.cmark_options(),
            options,
        )
        .is_err()
        {
            return String::new();
        }
        out
    }
}

/// The cells of one table row.
pub struct TableRow<'a> {
    md: &'a mut Markdown,
}

impl TableRow<'_> {
    pub fn cell(&mut self, inline: impl FnOnce(&mut Markdown)) -> &mut Self {
        self.md.start(Tag::TableCell);
        inline(self.md);
        self.md.end(TagEnd::TableCell);
        self
    }

    pub fn text_cell(&mut self, text: &str) -> &mut Self {
        self.cell(|m| {
            m.text(text);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::markdown::{Flavor, scan};

    #[test]
    fn hostile_text_stays_text() {
        let mut md = Markdown::new();
        md.heading(
            2,
            "<img src=x onerror=alert(1)> *x* [y](z)",
            Some("skill-x"),
        );
        md.paragraph(|p| {
            p.link("<script>alert(1)</script>", "reports/a b.md#déjà", "t\"x");
        });
        let out = md.finish(Flavor::default());
        let parsed = scan(&out, Flavor::default());
        assert_eq!(parsed.headings.len(), 1);
        assert_eq!(
            parsed.headings.as_slice()[0].text(),
            "<img src=x onerror=alert(1)> *x* [y](z)"
        );
        assert_eq!(
            parsed.headings.as_slice()[0].explicit_id.as_deref(),
            Some("skill-x")
        );
        assert!(parsed.raw.is_empty(), "no raw HTML in {out}");
        assert_eq!(parsed.links.len(), 1);
        assert_eq!(parsed.links[0].dest, "reports/a b.md#déjà");
    }

    #[test]
    fn tables_and_admonitions_round_trip() {
        let mut md = Markdown::new();
        md.table(
            vec![Alignment::None, Alignment::Center],
            &["Report", "C1.1"],
            [("A | B", "✓")],
            |row, (a, b)| {
                row.text_cell(a).text_cell(b);
            },
        );
        md.admonition(BlockQuoteKind::Warning, |m| {
            m.paragraph(|p| {
                p.strong("No evidence.");
            });
        });
        let out = md.finish(Flavor::default());
        assert!(out.contains("> [!WARNING]"), "{out}");
        assert!(out.contains("A \\| B"), "{out}");
    }
}
