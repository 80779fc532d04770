//! A hand-written chapter of the book, parsed once: its structure, its
//! `{{#skill}}` and `{{#skill-evidence}}` directives and their problems.
//! Its evidence lists are rendered from it, its words counted and its
//! prose spelled, without parsing it again.

use crate::diagnostic::Diagnostic;
use crate::model::report::{marker_problem, unknown_skill};
use crate::referential::Referential;
use crate::syntax::frontmatter;
use crate::syntax::markdown::{self, Flavor, Scan};
use crate::syntax::marker::{self, Marker};
use crate::text::source::SourceFile;

#[derive(Debug, Clone)]
pub struct Chapter {
    /// The chapter's path in the book, relative to its source folder.
    pub path: String,
    /// The text as mdBook loaded it; its path is the file's path relative
    /// to the book root (`book/intro.md`), as diagnostics name it.
    pub source: SourceFile,
    /// Where the text starts after a front matter block, if the chapter
    /// has one (mdBook shows it; spelling skips it).
    pub body_start: usize,
    pub scan: Scan,
    pub markers: Vec<Marker>,
    /// Unreadable directives and unknown skills.
    pub diagnostics: Vec<Diagnostic>,
}

impl Chapter {
    /// `path` is the chapter's path in the book, `shown` how diagnostics
    /// name its file.
    pub fn parse(
        path: &str,
        shown: &str,
        content: String,
        referential: &Referential,
        flavor: Flavor,
    ) -> Chapter {
        let source = SourceFile::new(shown, content);
        let body_start = frontmatter::parse(&source).range.end;
        let scan = markdown::scan(&source.text, flavor);
        let (markers, problems) = marker::find(&source.text, &scan, 0);
        let mut diagnostics: Vec<Diagnostic> = problems
            .iter()
            .map(|p| marker_problem(&source, p))
            .collect();
        for marker in &markers {
            for id in &marker.ids {
                if referential.resolve(&id.value).is_none() {
                    diagnostics.push(unknown_skill(&source, referential, id));
                }
            }
        }
        Chapter {
            path: path.to_owned(),
            source,
            body_start,
            scan,
            markers,
            diagnostics,
        }
    }
}
