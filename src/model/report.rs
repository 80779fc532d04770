//! A project report: its front matter, its structure, the skills it claims
//! and where. Built from text alone (no I/O), so it is easy to test.

use crate::diagnostic::{Diagnostic, Locate, Said, did_you_mean_said};
use crate::referential::{Referential, SectionId, SkillId};
use crate::syntax::frontmatter::{self, Date, FrontMatter, Located};
use crate::syntax::markdown::{self, Flavor, HeadingId, IdAllocator, IdSlot, Scan};
use crate::syntax::marker::{self, DirectiveKind, Marker, Problem};
use crate::text::index::IdVec;
use crate::text::readable_stem;
use crate::text::source::{DecodeNote, SourceFile, floor_char_boundary};
use mdbook_markdown::pulldown_cmark::Event;
use std::collections::HashSet;
use std::ops::Range;

crate::text::index::typed_index!(pub ClaimId, "A skill claim of one report, in the order written.");

/// A skill claim: this skill is evidenced by this part of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub skill: SkillId,
    /// The heading of the enclosing section; `None` for the report as a whole.
    pub heading: Option<HeadingId>,
    /// Where the claim is written (marker id or front matter entry).
    pub span: Range<usize>,
    /// The block whose first words are the claim's excerpt (none for a
    /// claim of the whole report): found while parsing, as it needs the
    /// scan's blocks, and read by `Report::excerpt` only when the appendix
    /// shows excerpts (not for books of hundreds of reports).
    pub excerpt: Option<Range<usize>>,
}

/// How much of a block is read for an excerpt.
const EXCERPT_BYTES: usize = 400;

/// A report, parsed. Its text is not part of it: it stays in the
/// `SourceFile` it was parsed from, which the page is made of in the end.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file name without `.md`: the page is `reports/<stem>.html`.
    pub stem: String,
    /// The file, relative to the book root, with `/` separators.
    pub path: String,
    pub front_matter: FrontMatter,
    /// The bytes of the front matter, removed from the page.
    pub front_matter_range: Range<usize>,
    /// Whether a UTF-8 BOM was removed (the page never shows it).
    pub had_bom: bool,
    /// The chapter name: front matter title, first `#` heading, or the stem.
    pub title: String,
    pub scan: Scan,
    /// `{{#skill}}` markers (resolved or not), in order.
    pub markers: Vec<Marker>,
    pub claims: IdVec<ClaimId, Claim>,
    /// For each heading, the id mdBook gives it in the final page.
    pub anchors: IdVec<HeadingId, String>,
    /// For each heading, its text for people, without markers.
    pub labels: IdVec<HeadingId, String>,
    /// The page's own title: its first heading, when that is a top-level
    /// `#` (anything but a heading may come before it: a comment, a badge,
    /// a rule line). Without one the tool adds a title.
    pub title_heading: Option<HeadingId>,
    /// The id of the title the tool adds, if it adds one: an explicit id
    /// that no other element of the page has. Explicit ids take no name
    /// from mdBook's automatic ids, so every id plain mdBook gives the
    /// author's headings stays the same.
    pub added_title_id: Option<String>,
    /// For each expected section of the referential, the heading that
    /// provides it, if any.
    pub sections: IdVec<SectionId, Option<HeadingId>>,
    /// Words of prose under each heading (up to the next heading).
    pub section_words: IdVec<HeadingId, usize>,
    /// The problems found while parsing it.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Parses the report in `source` (whose path is how diagnostics name
    /// it); `had_bom` and `note` say what decoding its bytes took.
    pub fn parse(
        source: &SourceFile,
        stem: &str,
        had_bom: bool,
        note: Option<&DecodeNote>,
        referential: &Referential,
        flavor: Flavor,
    ) -> Report {
        let path = source.path.as_str();
        let mut diagnostics: Vec<Diagnostic> = decode_problem(source, note).into_iter().collect();
        let parsed = frontmatter::parse(source);
        diagnostics.extend(parsed.diagnostics);
        let body_start = parsed.range.end;
        let scan = markdown::scan_from(&source.text, body_start, flavor);
        let (markers, problems) = marker::find(&source.text, &scan, body_start);
        for problem in problems {
            diagnostics.push(marker_problem(source, &problem));
        }
        let title_heading = title_heading(&scan);
        let title = title(&parsed.front_matter, &scan, stem);
        let mut report = Report {
            stem: stem.to_owned(),
            path: path.to_owned(),
            front_matter: parsed.front_matter,
            front_matter_range: parsed.range,
            had_bom,
            title,
            scan,
            markers,
            claims: IdVec::new(),
            anchors: IdVec::new(),
            labels: IdVec::new(),
            title_heading,
            added_title_id: None,
            sections: IdVec::new(),
            section_words: IdVec::new(),
            diagnostics,
        };
        report.resolve_claims(source, referential);
        let (anchors, taken) = report.compute_anchors(&source.text, referential);
        report.anchors = anchors;
        if report.title_heading.is_none() {
            report.added_title_id = Some(free_id("tf-title", &taken));
        }
        report.labels = report
            .scan
            .headings
            .ids()
            .map(|h| {
                let text = report.heading_with(&source.text, h, |_| String::new());
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            })
            .collect();
        report.sections = report.find_sections(referential);
        report.section_words = report.count_section_words(&source.text);
        report
    }

    /// For each expected section of the referential, the heading that
    /// provides it, if any (the first one).
    fn find_sections(&self, referential: &Referential) -> IdVec<SectionId, Option<HeadingId>> {
        let kinds: IdVec<HeadingId, Option<SectionId>> = self
            .labels
            .iter()
            .map(|label| referential.section_of_heading(label))
            .collect();
        referential
            .sections
            .ids()
            .map(|section| kinds.position(|&kind| kind == Some(section)))
            .collect()
    }

    /// Whether the report is a draft, left out of the book.
    pub fn is_draft(&self) -> bool {
        self.front_matter.draft
    }

    pub fn date(&self) -> Option<Date> {
        self.front_matter.date.as_ref().map(|d| d.value)
    }

    /// The heading enclosing a byte offset: the nearest one starting before it.
    pub fn heading_at(&self, offset: usize) -> Option<HeadingId> {
        let headings = self.scan.headings.as_slice();
        let after = headings.partition_point(|h| h.range.start <= offset);
        after.checked_sub(1).map(HeadingId::new)
    }

    /// Resolves marker ids and front matter skills against the referential.
    fn resolve_claims(&mut self, source: &SourceFile, referential: &Referential) {
        let mut claims: Vec<Claim> = Vec::new();
        let mut unknown = Vec::new();
        for skill in &self.front_matter.skills {
            match referential.resolve(skill.value.trim()) {
                Some(index) => claims.push(Claim {
                    skill: index,
                    heading: None,
                    span: skill.span.clone(),
                    excerpt: None,
                }),
                None => unknown.push(skill.clone()),
            }
        }
        for marker in &self.markers {
            if marker.kind != DirectiveKind::Skill {
                continue;
            }
            let heading = self.heading_at(marker.range.start);
            for id in &marker.ids {
                match referential.resolve(&id.value) {
                    Some(index) => claims.push(Claim {
                        skill: index,
                        heading,
                        span: id.span.clone(),
                        excerpt: None,
                    }),
                    None => unknown.push(id.clone()),
                }
            }
        }
        for id in unknown {
            self.diagnostics
                .push(unknown_skill(source, referential, &id));
        }
        // One claim per skill and place; the first written wins.
        let mut seen = std::collections::HashSet::new();
        claims.retain(|c| seen.insert((c.skill, c.heading)));
        for claim in &mut claims {
            if claim.heading.is_some() {
                claim.excerpt = excerpt_block(self, claim.span.start);
            }
        }
        self.claims = IdVec::from(claims);
    }

    /// The final text of a heading in `text` (the report's): its text with
    /// each marker replaced by the label its badges show (which mdBook
    /// includes in the id).
    pub fn heading_text(
        &self,
        text: &str,
        heading: HeadingId,
        referential: &Referential,
    ) -> String {
        self.heading_with(text, heading, |marker| {
            referential.badge_label(marker.ids.iter().map(|id| id.value.as_str()))
        })
    }

    /// A heading's text for people, without its markers: the label of links
    /// to the section.
    pub fn heading_label(&self, heading: HeadingId) -> &str {
        &self.labels[heading]
    }

    /// The excerpt of a claim in `text` (the report's): the first words
    /// (about 30) of its block as rendered, without markers.
    pub fn excerpt(&self, text: &str, claim: &Claim, flavor: Flavor) -> Option<String> {
        let range = claim.excerpt.clone()?;
        // The first words are all that is shown: parse no more than needed.
        let end = floor_char_boundary(text, range.end.min(range.start + EXCERPT_BYTES));
        let source = text.get(range.start..end)?;
        // The text as rendered: pieces joined as they are, line breaks as spaces.
        let mut plain = String::new();
        for event in mdbook_markdown::new_cmark_parser(source, &flavor.options()) {
            match event {
                Event::Text(t) | Event::Code(t) => plain.push_str(&t),
                Event::SoftBreak | Event::HardBreak => plain.push(' '),
                _ => {}
            }
        }
        // No space before punctuation where a marker was removed.
        let cleaned = strip_markers(&plain);
        let cleaned = cleaned.replace(" .", ".").replace(" ,", ",");
        let words: Vec<&str> = cleaned.split_whitespace().collect();
        if words.is_empty() {
            return None;
        }
        let mut out = words[..words.len().min(30)].join(" ");
        if words.len() > 30 {
            // "change.…" reads badly: the ellipsis replaces the punctuation.
            out.truncate(out.trim_end_matches(['.', ',', ';', ':']).len());
            out.push('…');
        }
        Some(out)
    }

    /// A heading's text with each marker replaced by `replace(marker)`.
    fn heading_with(
        &self,
        source: &str,
        heading: HeadingId,
        replace: impl Fn(&Marker) -> String,
    ) -> String {
        let heading = &self.scan.headings[heading];
        let mut text = String::new();
        for piece in &heading.pieces {
            let verbatim = source.get(piece.range.clone()) == Some(piece.text.as_str());
            // Markers are in text order: find those inside the piece by search.
            let first = self
                .markers
                .partition_point(|m| m.range.start < piece.range.start);
            let inside: Vec<&Marker> = self.markers[first..]
                .iter()
                .take_while(|m| m.range.start < piece.range.end)
                .filter(|m| m.range.end <= piece.range.end)
                .collect();
            crate::work::add(crate::work::Step::HeadingMarker, inside.len() as u64 + 1);
            if !verbatim || inside.is_empty() {
                text.push_str(&piece.text);
                continue;
            }
            let mut at = piece.range.start;
            for marker in inside {
                text.push_str(&source[at..marker.range.start]);
                text.push_str(&replace(marker));
                at = marker.range.end;
            }
            text.push_str(&source[at..piece.range.end]);
        }
        text
    }

    /// The ids mdBook gives the headings of the final page.
    /// Each heading's id as mdBook gives it, and every id of the page.
    fn compute_anchors(
        &self,
        text: &str,
        referential: &Referential,
    ) -> (IdVec<HeadingId, String>, HashSet<String>) {
        let mut ids = IdAllocator::default();
        let mut taken = HashSet::new();
        let mut anchors: IdVec<HeadingId, String> =
            self.scan.headings.iter().map(|_| String::new()).collect();
        for slot in &self.scan.id_slots {
            match slot {
                IdSlot::Heading(heading) => {
                    let id = match &self.scan.headings[*heading].explicit_id {
                        Some(id) => ids.explicit(id),
                        None => ids.automatic(&self.heading_text(text, *heading, referential)),
                    };
                    taken.insert(id.clone());
                    anchors[*heading] = id;
                }
                IdSlot::Term(text) => {
                    taken.insert(ids.automatic(text));
                }
            }
        }
        (anchors, taken)
    }

    /// Words of prose between each heading and the next.
    fn count_section_words(&self, text: &str) -> IdVec<HeadingId, usize> {
        let headings = &self.scan.headings;
        let mut words: IdVec<HeadingId, usize> = headings.iter().map(|_| 0).collect();
        for run in &self.scan.prose {
            let Some(index) = self.heading_at(run.start) else {
                continue;
            };
            if headings[index].range.contains(&run.start) {
                continue;
            }
            words[index] += markdown::count_words(&text[run.clone()]);
        }
        words
    }
}

/// The block a claim's excerpt is taken from: the paragraph, item or cell
/// the marker sits in, or, for a marker in a heading, the section's first
/// block.
fn excerpt_block(report: &Report, offset: usize) -> Option<Range<usize>> {
    let mut range = report.scan.container_at(offset)?;
    // A marker in a heading: the section's first block says more.
    if let Some(h) = report.heading_at(offset)
        && report.scan.headings[h].range.start == range.start
    {
        let next = report
            .scan
            .containers
            .partition_point(|r| r.start < report.scan.headings[h].range.end);
        let next_heading = report
            .scan
            .headings
            .get(HeadingId::new(h.index() + 1))
            .map_or(usize::MAX, |n| n.range.start);
        if let Some(first) = report
            .scan
            .containers
            .get(next)
            .filter(|r| r.start < next_heading)
        {
            range = first.clone();
        }
    }
    Some(range)
}

/// Removes `{{#skill ...}}` markers from plain text.
fn strip_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{#skill") {
        out.push_str(&rest[..start]);
        match rest[start..].find("}}") {
            Some(end) => rest = &rest[start + end + 2..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// What decoding the report's bytes took, if the author should know.
fn decode_problem(source: &SourceFile, note: Option<&DecodeNote>) -> Option<Diagnostic> {
    match *note? {
        DecodeNote::Utf16 { big_endian } => Some(
            Diagnostic::warning(
                "encoding",
                source.path.as_str(),
                Said::new("encoding-utf16").arg("order", if big_endian { "big" } else { "little" }),
            )
            .with_suggestion(Said::new("encoding-utf16-help")),
        ),
        DecodeNote::InvalidUtf8 { offset } => Some(
            source
                .error(
                    "encoding",
                    offset..offset + 1,
                    Said::new("encoding-invalid"),
                )
                .with_suggestion(Said::new("encoding-invalid-help")),
        ),
    }
}

/// The page's own title: its first heading, if it is a top-level `#`.
fn title_heading(scan: &Scan) -> Option<HeadingId> {
    let first = scan.headings.first()?;
    (first.level == 1 && first.top_level).then(|| HeadingId::new(0))
}

/// `base`, or `base-1`, `base-2`... whichever no element of the page has.
fn free_id(base: &str, taken: &HashSet<String>) -> String {
    let mut id = base.to_owned();
    let mut n = 0;
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

/// The chapter name: front matter title, first `#` heading, or the stem
/// made readable.
fn title(front_matter: &FrontMatter, scan: &Scan, stem: &str) -> String {
    front_matter
        .title
        .as_ref()
        .map(|t| t.value.trim().to_owned())
        .or_else(|| {
            scan.headings
                .iter()
                .find(|h| h.level == 1)
                .map(|h| h.text().trim().to_owned())
                .filter(|t| !t.is_empty())
        })
        .unwrap_or_else(|| readable_stem(stem))
}

pub fn unknown_skill(
    source: &SourceFile,
    referential: &Referential,
    id: &Located<String>,
) -> Diagnostic {
    let shown = id.value.trim_matches('"');
    let mut d = source.error(
        "unknown-skill",
        id.span.clone(),
        Said::new("unknown-skill").arg("skill", shown),
    );
    d = match referential.suggest(shown) {
        Some(near) => d.with_suggestion(did_you_mean_said(near)),
        None => d.with_suggestion(Said::new("unknown-skill-help")),
    };
    d
}

pub fn marker_problem(source: &SourceFile, problem: &Problem) -> Diagnostic {
    match problem {
        Problem::Unclosed { kind, range } => source
            .error(
                "unclosed-marker",
                range.start..range.start + 3 + kind.name().len(),
                Said::new("unclosed-marker").arg("open", format!("{{{{#{}", kind.name())),
            )
            .with_suggestion(Said::new("unclosed-marker-help")),
        Problem::Interrupted { kind, range } => source
            .error(
                "interrupted-marker",
                range.start..range.start + 3 + kind.name().len(),
                Said::new("interrupted-marker").arg("open", format!("{{{{#{}", kind.name())),
            )
            .with_suggestion(Said::new("interrupted-marker-help")),
        Problem::Empty { kind, range } => source
            .error(
                "empty-marker",
                range.clone(),
                Said::new("empty-marker").arg("marker", format!("{{{{#{}}}}}", kind.name())),
            )
            .with_suggestion(
                Said::new("empty-marker-help")
                    .arg("marker", format!("{{{{#{} C1.3}}}}", kind.name())),
            ),
        Problem::Unread { kind, range } => source
            .warning(
                "marker-in-html",
                range.clone(),
                Said::new("marker-in-html").arg("marker", format!("{{{{#{}}}}}", kind.name())),
            )
            .with_suggestion(Said::new("marker-in-html-help")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::source::decode;

    fn report(text: &str) -> Report {
        let decoded = decode(text.as_bytes());
        let source = SourceFile::new("reports/demo-report.md", decoded.text);
        Report::parse(
            &source,
            "demo-report",
            decoded.had_bom,
            decoded.note.as_ref(),
            &Referential::embedded(),
            Flavor::default(),
        )
    }

    #[test]
    fn title_falls_back_from_front_matter_to_heading_to_stem() {
        assert_eq!(report("+++\ntitle = \"FM\"\n+++\n# Heading\n").title, "FM");
        assert_eq!(report("Intro\n\n# Heading `x`\n").title, "Heading x");
        assert_eq!(report("Just text\n").title, "Demo report");
    }

    #[test]
    fn claims_know_their_section_and_unknown_ids_are_errors() {
        let text = "+++\nskills = [\"C1.2\", \"nope\"]\n+++\n# T\n\n## Continuous integration\n\nWe built it {{#skill C2.1 obsrvability}}.\n\n## Constraints\n\n```\n{{#skill C9.9}}\n```\n";
        let r = report(text);
        let claims: Vec<(String, Option<String>)> = r
            .claims
            .iter()
            .map(|c| {
                (
                    Referential::embedded().skills[c.skill].id.clone(),
                    c.heading.map(|h| r.anchors[h].clone()),
                )
            })
            .collect();
        assert_eq!(
            claims,
            [
                ("C1.2".to_owned(), None),
                ("C2.1".to_owned(), Some("continuous-integration".to_owned()))
            ]
        );
        let errors: Vec<String> = r
            .diagnostics
            .iter()
            .map(|d| format!("{} {} {:?}", d.location(), d.message, d.suggestion))
            .collect();
        assert_eq!(
            errors,
            [
                "reports/demo-report.md:2:19 unknown skill `nope` Some(\"use a skill id like `C1.3` or a slug like `observability`; `mdbook-technical-file coverage` lists them\")",
                "reports/demo-report.md:8:27 unknown skill `obsrvability` Some(\"did you mean `observability`?\")",
            ]
        );
        assert_eq!(r.sections.iter().filter(|s| s.is_some()).count(), 2);
    }

    #[test]
    fn anchors_are_unique_account_for_badges_and_the_added_title_takes_none() {
        let text = "Intro.\n\n## Notes\n\n## Notes\n\n## CI {{#skill C2.1}}\n\n## Demo report\n\n## Tf title\n";
        let r = report(text);
        assert_eq!(r.title_heading, None);
        // As plain mdBook gives them: the added title takes no id from them.
        assert_eq!(
            r.anchors.as_slice(),
            ["notes", "notes-1", "ci-c21", "demo-report", "tf-title"]
        );
        assert_eq!(r.added_title_id.as_deref(), Some("tf-title-1"));
    }

    #[test]
    fn the_title_is_the_first_heading_whatever_comes_before_it() {
        for text in [
            "<!-- a comment -->\n\n# Paths\n\nText.\n",
            "r[paths]\n\n# Paths\n\nText.\n",
            "![badge](https://x.y/b.svg)\n\n# Paths\n",
            "<div class=\"warning\">\n\nNote.\n\n</div>\n\n# Paths\n",
        ] {
            let r = report(text);
            assert_eq!(r.title_heading.map(|h| h.index()), Some(0), "{text}");
            assert_eq!(r.anchors.as_slice(), ["paths"], "{text}");
            assert_eq!(r.added_title_id, None);
        }
        // A first heading that is not a `#`: the tool adds a title.
        assert_eq!(report("## Summary\n\n# Later\n").title_heading, None);
    }
}
