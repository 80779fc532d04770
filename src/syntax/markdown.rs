//! One pass of mdBook's own Markdown parser over a chapter, keeping what the
//! rest of the tool needs: headings and the ids mdBook will give them,
//! prose runs (where markers count and words are spelled), code and raw
//! HTML zones, and links.
//!
//! The parser and its options are mdBook's (`mdbook-markdown`), so what we
//! see as a heading, a code block or a link is exactly what mdBook renders.

use crate::text::index::IdVec;
use mdbook_markdown::pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

crate::text::index::typed_index!(pub HeadingId, "A heading of one chapter or report, in document order.");

/// The Markdown options of the book's HTML renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flavor {
    pub smart_punctuation: bool,
    pub definition_lists: bool,
    pub admonitions: bool,
}

impl Default for Flavor {
    fn default() -> Flavor {
        let defaults = MarkdownOptions::default();
        Flavor {
            smart_punctuation: defaults.smart_punctuation,
            definition_lists: defaults.definition_lists,
            admonitions: defaults.admonitions,
        }
    }
}

impl Flavor {
    pub fn options(self) -> MarkdownOptions {
        let mut options = MarkdownOptions::default();
        options.smart_punctuation = self.smart_punctuation;
        options.definition_lists = self.definition_lists;
        options.admonitions = self.admonitions;
        options
    }

    /// The pulldown-cmark options that `new_cmark_parser` sets, for the
    /// serializer of generated Markdown (the parser does not expose them;
    /// a test checks both parse generated text the same way).
    pub fn cmark_options(self) -> Options {
        let mut opts = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_HEADING_ATTRIBUTES;
        if self.smart_punctuation {
            opts |= Options::ENABLE_SMART_PUNCTUATION;
        }
        if self.definition_lists {
            opts |= Options::ENABLE_DEFINITION_LIST;
        }
        if self.admonitions {
            opts |= Options::ENABLE_GFM;
        }
        opts
    }
}

/// A piece of a heading's text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextPiece {
    pub text: String,
    pub range: Range<usize>,
}

/// A heading as mdBook will render it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    /// The whole heading in the source, line ending included when present.
    pub range: Range<usize>,
    /// The rendered text, in pieces with their source ranges.
    pub pieces: Vec<TextPiece>,
    /// An `{#id}` written by the author.
    pub explicit_id: Option<String>,
    /// Whether it is a block of the document itself, not inside a list or quote.
    pub top_level: bool,
}

impl Heading {
    /// The heading's plain text, as a reader sees it.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

/// Something that takes an id in mdBook's page, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdSlot {
    Heading(HeadingId),
    /// A definition list term, which mdBook also gives an id.
    Term(String),
}

/// A link or image with a destination written by the author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub is_image: bool,
    pub dest: String,
    /// The byte range of the destination as written, when it can be found
    /// verbatim in the source (inline links); reference links have none.
    pub dest_range: Option<Range<usize>>,
    /// The whole link in the source.
    pub range: Range<usize>,
    /// Set when the link is an attribute of the author's raw HTML.
    pub html: Option<HtmlLink>,
}

/// Where a raw HTML attribute naming a file sits in its element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlLink {
    /// Where the element's name ends (an attribute can be added there).
    pub name_end: usize,
    /// Whether the element already has a `download` attribute.
    pub has_download: bool,
}

/// What a pass over a chapter found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    pub headings: IdVec<HeadingId, Heading>,
    pub id_slots: Vec<IdSlot>,
    /// Ranges of prose text (outside code, raw HTML and image descriptions),
    /// with adjacent pieces of one paragraph merged.
    pub prose: Vec<Range<usize>>,
    /// Ranges of link text, where a marker must not become a nested link.
    pub link_text: Vec<Range<usize>>,
    /// Ranges of raw HTML and image descriptions: markers there are not read.
    pub raw: Vec<Range<usize>>,
    /// Ranges of code (blocks and inline): markers there are text.
    pub code: Vec<Range<usize>>,
    /// Ranges of blocks that hold text (paragraphs, list items, table
    /// cells, headings, definitions), in start order, for excerpts.
    pub containers: Vec<Range<usize>>,
    pub links: Vec<Link>,
    /// The range of the first top-level block, to know whether a page starts
    /// with its title.
    pub first_block: Option<Range<usize>>,
    /// Lines of code blocks, for the page estimate (words are counted by
    /// `Scan::words`, only for the chapters that need it).
    pub code_lines: usize,
}

/// Parses `text` once with mdBook's parser.
pub fn scan(text: &str, flavor: Flavor) -> Scan {
    scan_from(text, 0, flavor)
}

/// Parses `text[from..]` (a report's body after its front matter); ranges
/// are offsets into the whole `text`.
pub fn scan_from(text: &str, from: usize, flavor: Flavor) -> Scan {
    let options = flavor.options();
    let parser = new_cmark_parser(&text[from..], &options)
        .into_offset_iter()
        .map(|(event, range)| (event, range.start + from..range.end + from));
    let mut scanner = Scanner {
        text,
        scan: Scan::default(),
        depth: 0,
        heading: None,
        term: None,
        image_depth: 0,
        link_stack: Vec::new(),
        code_block: None,
    };
    for (event, range) in parser {
        match &event {
            Event::Start(tag) => scanner.start(tag, range),
            Event::End(tag_end) => scanner.end(*tag_end, range),
            Event::Text(t) if scanner.code_block.is_none() => {
                scanner.heading_text(t, &range);
                if scanner.image_depth == 0 {
                    push_prose(&mut scanner.scan.prose, range);
                }
            }
            Event::Code(t) => {
                scanner.heading_text(t, &range);
                scanner.scan.code.push(range);
            }
            // Tags carry no text; text between inline tags comes as `Text`.
            Event::InlineHtml(_) => {
                let links = html_links(scanner.text, range.clone());
                scanner.scan.links.extend(links);
                scanner.scan.raw.push(range);
            }
            Event::Html(_) => scanner.scan.raw.push(range),
            Event::SoftBreak | Event::HardBreak => {
                if scanner.code_block.is_none() && scanner.image_depth == 0 {
                    push_prose(&mut scanner.scan.prose, range.clone());
                }
                if let Some(h) = scanner.heading.as_mut() {
                    h.pieces.push(TextPiece {
                        text: " ".to_owned(),
                        range,
                    });
                }
            }
            _ => {}
        }
    }
    scanner.finish()
}

/// The state of one pass over the parser's events.
struct Scanner<'a> {
    text: &'a str,
    scan: Scan,
    /// How many tags are open.
    depth: usize,
    /// The heading being read.
    heading: Option<Heading>,
    /// The definition list term being read.
    term: Option<String>,
    /// How many images are open (their description is not prose).
    image_depth: usize,
    /// The ranges of the links being read.
    link_stack: Vec<Range<usize>>,
    /// Where the code block being read starts.
    code_block: Option<usize>,
}

impl Scanner<'_> {
    fn start(&mut self, tag: &Tag, range: Range<usize>) {
        let scan = &mut self.scan;
        if self.depth == 0 && scan.first_block.is_none() {
            scan.first_block = Some(range.clone());
        }
        if matches!(
            tag,
            Tag::Paragraph
                | Tag::Item
                | Tag::TableCell
                | Tag::Heading { .. }
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition
        ) {
            scan.containers.push(range.clone());
        }
        match tag {
            Tag::Heading { level, id, .. } => {
                self.heading = Some(Heading {
                    level: heading_level(*level),
                    range: range.clone(),
                    pieces: Vec::new(),
                    explicit_id: id.as_ref().map(|id| id.to_string()),
                    top_level: self.depth == 0,
                });
            }
            Tag::DefinitionListTitle => self.term = Some(String::new()),
            Tag::CodeBlock(_) => {
                self.code_block = Some(range.start);
                scan.code.push(range.clone());
            }
            Tag::HtmlBlock => {
                scan.links.extend(html_links(self.text, range.clone()));
                scan.raw.push(range.clone());
            }
            Tag::Image { dest_url, .. } => {
                self.image_depth += 1;
                scan.raw.push(range.clone());
                scan.links.push(link(self.text, true, dest_url, &range));
            }
            Tag::Link {
                dest_url,
                link_type,
                ..
            } => {
                self.link_stack.push(range.clone());
                if !matches!(link_type, LinkType::Email | LinkType::Autolink)
                    || !dest_url.contains(':')
                {
                    scan.links.push(link(self.text, false, dest_url, &range));
                }
            }
            _ => {}
        }
        self.depth += 1;
    }

    fn end(&mut self, tag_end: TagEnd, range: Range<usize>) {
        self.depth = self.depth.saturating_sub(1);
        let scan = &mut self.scan;
        match tag_end {
            TagEnd::Heading(_) => {
                if let Some(h) = self.heading.take() {
                    let id = scan.headings.push(h);
                    scan.id_slots.push(IdSlot::Heading(id));
                }
            }
            TagEnd::DefinitionListTitle => {
                if let Some(t) = self.term.take() {
                    scan.id_slots.push(IdSlot::Term(t));
                }
            }
            TagEnd::CodeBlock => {
                if let Some(start) = self.code_block.take() {
                    let body = &self.text[start..range.end.min(self.text.len())];
                    scan.code_lines += body.lines().count().saturating_sub(2).max(1);
                }
            }
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            TagEnd::Link => {
                if let Some(link_range) = self.link_stack.pop() {
                    scan.link_text.push(link_range);
                }
            }
            _ => {}
        }
    }

    /// Text that is part of the heading or term being read, if any.
    fn heading_text(&mut self, text: &str, range: &Range<usize>) {
        if let Some(h) = self.heading.as_mut() {
            h.pieces.push(TextPiece {
                text: text.to_owned(),
                range: range.clone(),
            });
        }
        if let Some(term) = self.term.as_mut() {
            term.push_str(text);
        }
    }

    fn finish(self) -> Scan {
        let mut scan = self.scan;
        // Thousands of reports are held at once: no doubled capacity.
        scan.headings.shrink_to_fit();
        scan.id_slots.shrink_to_fit();
        scan.prose.shrink_to_fit();
        scan.link_text.shrink_to_fit();
        scan.raw.shrink_to_fit();
        scan.code.shrink_to_fit();
        scan.containers.shrink_to_fit();
        scan.links.shrink_to_fit();
        scan
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Builds a `Link`, finding the destination verbatim in the source when the
/// link is written inline.
fn link(text: &str, is_image: bool, dest: &str, range: &Range<usize>) -> Link {
    let source = &text[range.clone()];
    let dest_range = if dest.is_empty() {
        None
    } else {
        // An inline link ends with `](dest)` or `](dest "title")`.
        source
            .rfind(&format!("]({dest}"))
            .or_else(|| source.rfind(&format!("](<{dest}>")))
            .map(|i| {
                let open = source[i..].find(dest).map_or(i, |j| i + j);
                range.start + open..range.start + open + dest.len()
            })
    };
    Link {
        is_image,
        dest: dest.to_owned(),
        dest_range,
        range: range.clone(),
        html: None,
    }
}

/// The links to files that raw HTML in `text[range]` holds.
fn html_links(text: &str, range: Range<usize>) -> impl Iterator<Item = Link> {
    crate::syntax::html::file_attributes(text, range)
        .into_iter()
        .map(|attribute| Link {
            is_image: !attribute.is_link,
            dest: attribute.value,
            dest_range: Some(attribute.value_range.clone()),
            range: attribute.value_range,
            html: Some(HtmlLink {
                name_end: attribute.name_end,
                has_download: attribute.has_download,
            }),
        })
}

fn push_prose(prose: &mut Vec<Range<usize>>, range: Range<usize>) {
    if let Some(last) = prose.last_mut()
        && last.end >= range.start
    {
        last.end = last.end.max(range.end);
        return;
    }
    prose.push(range);
}

/// The id mdBook 0.5 derives from a heading's text: lower case, whitespace
/// to `-`, everything but letters, digits, `_` and `-` dropped.
pub fn id_from_text(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c)
            } else if c.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// Gives ids to the id slots of one page in order, the way mdBook does:
/// an explicit `{#id}` is kept as is (and does not reserve its name), an
/// automatic id that is taken gets `-1`, `-2`, ... appended.
///
/// `texts` gives each slot's final text. Linear in the number of slots
/// even when many share one text.
#[derive(Debug, Default)]
pub struct IdAllocator {
    used: HashSet<String>,
    next_suffix: HashMap<String, u32>,
}

impl IdAllocator {
    pub fn explicit(&mut self, id: &str) -> String {
        id.to_owned()
    }

    pub fn automatic(&mut self, text: &str) -> String {
        let base = id_from_text(text);
        crate::work::add(crate::work::Step::IdProbe, 1);
        if self.used.insert(base.clone()) {
            return base;
        }
        let counter = self.next_suffix.entry(base.clone()).or_insert(1);
        loop {
            let candidate = format!("{base}-{counter}");
            crate::work::add(crate::work::Step::IdProbe, 1);
            *counter += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

impl Scan {
    /// Frees what only the analysis needs (prose runs, text blocks, link
    /// texts, heading pieces), keeping what pages need: headings' ranges,
    /// code and raw HTML zones, links. A book of thousands of reports then
    /// holds its structure once, not twice, while its pages are made.
    pub fn release_analysis(&mut self) {
        self.prose = Vec::new();
        self.containers = Vec::new();
        self.link_text = Vec::new();
        self.id_slots = Vec::new();
        for heading in self.headings.iter_mut() {
            heading.pieces = Vec::new();
        }
    }

    /// Words of prose, for the page estimate.
    pub fn words(&self, text: &str) -> usize {
        self.prose
            .iter()
            .map(|r| count_words(&text[r.clone()]))
            .sum()
    }

    /// The innermost text block around `offset`: the paragraph, item, cell
    /// or heading a marker sits in.
    pub fn container_at(&self, offset: usize) -> Option<Range<usize>> {
        let before = self.containers.partition_point(|r| r.start <= offset);
        self.containers[..before]
            .iter()
            .rev()
            .find(|r| r.end > offset)
            .cloned()
    }
}

/// Counts the words of a text, as the page estimate does: runs of bytes
/// that are not ASCII whitespace. (Byte-wise on purpose: this runs over
/// every report on every build, and Unicode spaces are rare in prose.)
pub fn count_words(text: &str) -> usize {
    // A word starts where a non-space byte follows a space (or the start).
    let mut words = 0;
    let mut previous_space = true;
    for &b in text.as_bytes() {
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c);
        words += usize::from(previous_space & !space);
        previous_space = space;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use mdbook_markdown::pulldown_cmark::Parser;

    #[test]
    fn ids_follow_mdbook_rules() {
        assert_eq!(
            id_from_text("Expected and actual results"),
            "expected-and-actual-results"
        );
        assert_eq!(
            id_from_text("Déploiement à Paris (eu-west-3)"),
            "déploiement-à-paris-eu-west-3"
        );
        assert_eq!(id_from_text("  C’est “fini”!  "), "cest-fini");
        let mut ids = IdAllocator::default();
        assert_eq!(ids.automatic("Notes"), "notes");
        assert_eq!(ids.automatic("Notes-1"), "notes-1");
        assert_eq!(ids.automatic("Notes"), "notes-2");
        assert_eq!(ids.automatic("Notes"), "notes-3");
        assert_eq!(ids.explicit("notes"), "notes");
    }

    #[test]
    fn scan_finds_headings_prose_code_and_links() {
        let text = "# Title `x`\n\nSome *prose* here.\n\n```yaml\na: 1\nb: 2\n```\n\nSee [other](other.md#ci) and ![d](img/a.png).\n\n## Ops {#ops}\n\nTerm\n: definition\n";
        let scan = scan(text, Flavor::default());
        let mine: Vec<_> = Parser::new_ext(text, Flavor::default().cmark_options()).collect();
        let theirs: Vec<_> = new_cmark_parser(text, &Flavor::default().options()).collect();
        assert_eq!(mine, theirs);
        assert_eq!(scan.headings.len(), 2);
        let headings = scan.headings.as_slice();
        assert_eq!(headings[0].text(), "Title x");
        assert_eq!(headings[1].explicit_id.as_deref(), Some("ops"));
        assert_eq!(scan.id_slots.last(), Some(&IdSlot::Term("Term".into())));
        assert_eq!(scan.code_lines, 2);
        assert_eq!(scan.links.len(), 2);
        assert_eq!(
            &text[scan.links[0].dest_range.clone().unwrap()],
            "other.md#ci"
        );
        assert!(scan.links[1].is_image);
        assert_eq!(
            &text[scan.links[1].dest_range.clone().unwrap()],
            "img/a.png"
        );
        assert_eq!(scan.first_block, Some(0..12));
        assert!(
            scan.code
                .iter()
                .any(|r| text[r.clone()].starts_with("```yaml"))
        );
    }
}
