//! A hand-written chapter of the book, parsed once: its structure, its
//! `{{#skill}}` and `{{#skill-evidence}}` directives and their problems.
//! Its evidence lists are rendered from it, its words counted and its
//! prose spelled, without parsing it again.

use crate::diagnostic::{Diagnostic, Locate, Said};
use crate::lang::Lang;
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
    /// `<!-- lang: en -->` as the chapter's first line: it is written in
    /// another language than the book's (`Some(None)`: one the tool has no
    /// rules for, warned).
    pub lang: Option<Option<Lang>>,
}

/// A chapter's `<!-- lang: xx -->` on its first non-blank line after any
/// front matter: the tag and its byte range.
fn language_comment(text: &str, from: usize) -> Option<(String, std::ops::Range<usize>)> {
    let body = &text[from..];
    let start = from + (body.len() - body.trim_start().len());
    let line = text[start..].lines().next()?;
    let inner = line
        .trim_end()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let (key, tag) = inner.split_once(':')?;
    key.trim()
        .eq_ignore_ascii_case("lang")
        .then(|| (tag.trim().to_owned(), start..start + line.trim_end().len()))
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
        let lang = language_comment(&source.text, body_start).map(|(tag, span)| {
            let lang = Lang::from_tag(&tag).ok();
            if lang.is_none() {
                let supported: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
                diagnostics.push(
                    source
                        .warning(
                            "unsupported-language",
                            span,
                            Said::new("unsupported-chapter-language").arg("tag", tag),
                        )
                        .with_suggestion(
                            Said::new("unsupported-language-help")
                                .arg("supported", supported.join(", ")),
                        ),
                );
            }
            lang
        });
        Chapter {
            path: path.to_owned(),
            source,
            body_start,
            scan,
            markers,
            diagnostics,
            lang,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_of(text: &str) -> (Option<Option<Lang>>, Vec<Diagnostic>) {
        let chapter = Chapter::parse(
            "annexe.md",
            "book/annexe.md",
            text.to_owned(),
            &Referential::embedded(),
            Flavor::default(),
        );
        (chapter.lang, chapter.diagnostics)
    }

    #[test]
    fn a_first_line_comment_gives_the_chapter_its_language() {
        assert_eq!(
            lang_of("<!-- lang: en -->\n# Annex\n").0,
            Some(Some(Lang::En))
        );
        assert_eq!(
            lang_of("\n<!--LANG:fr-CA-->\r\n# Annexe\n").0,
            Some(Some(Lang::Fr))
        );
        assert_eq!(
            lang_of("+++\ntitle = \"x\"\n+++\n<!-- lang: en -->\n").0,
            Some(Some(Lang::En))
        );
        // Only the first line counts, and only a `lang` comment.
        assert_eq!(lang_of("# Annexe\n<!-- lang: en -->\n").0, None);
        assert_eq!(lang_of("<!-- à relire -->\n").0, None);
        let (lang, diagnostics) = lang_of("<!-- lang: de -->\n# Anhang\n");
        assert_eq!(lang, Some(None));
        assert_eq!(diagnostics[0].code, "unsupported-language");
        assert_eq!(diagnostics[0].location(), "book/annexe.md:1:1");
    }
}
