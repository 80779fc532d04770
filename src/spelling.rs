//! Spelling and grammar of the prose, with [harper-core] (offline, with its
//! embedded curated dictionary), for students who write English as a second
//! language: "infrastucture", "recieve", "it's configuration",
//! "informations", "allows to", "a API", "the the".
//!
//! # What is checked
//!
//! Only prose: the [`Scan::prose`] runs of a report or a chapter (text
//! outside code blocks, inline code, raw HTML and image descriptions),
//! minus our `{{#skill ...}}` / `{{#skill-evidence ...}}` markers, any other
//! `{{#...}}` directive (`{{#include}}`) and URL-looking words. Front matter
//! is never prose. Inline code, markers and URLs are shown to harper as
//! opaque tokens (as harper's own Markdown parser does), so "an `nginx`
//! pod" is not read as "an pod"; every block (paragraph, list item, table
//! cell, heading) is its own paragraph for harper, so words in two table
//! cells are never "repeated words".
//!
//! Harper sees a copy of the file in which everything that is not prose is
//! blanked: each character is replaced by as many spaces as it has bytes
//! (line breaks are kept), so byte offsets are the same in both texts.
//! Harper's spans count characters; they are mapped back to bytes through
//! that copy, so a line with accents before a mistake still gets the right
//! `line:column`.
//!
//! Words are accepted if they are in harper's dictionary for the chosen
//! English (`english = "american" | "british" | "canadian" | "australian"`)
//! or in the project word list (`dictionary = "words.txt"`: one word a
//! line, relative to the book root; blank lines and `#` comments are
//! ignored). Words with a digit (`C1.3`, `S3`, `k3s`, `EC2`) are
//! identifiers, never spelling mistakes. Findings are warnings: `spelling`
//! for a word harper does not know, `grammar` for everything else.
//!
//! # Rules switched off
//!
//! Harper's curated rule set, minus the rules that fire on normal technical
//! prose or are house style rather than mistakes ([`DISABLED_RULES`]; each
//! was tried on the example book and on sample student sentences):
//!
//! - `LongSentences`: sentence length is style.
//! - `OxfordComma`, `NoOxfordComma`: both conventions are correct (the
//!   first fired on "Manage authentication, cookies and sessions").
//! - `DiscourseMarkers`: wants a comma after "Thus", "Indeed"...; a
//!   convention, not a mistake.
//! - `SpelledNumbers`: "spell out numbers below ten"; reports are full of
//!   measured quantities.
//! - `UseTitleCase`: headings are in sentence case in reports.
//! - `SentenceCapitalization`: fires on list items and table cells, which
//!   are not sentences ("- the login page").
//! - `ExpandMemoryShorthands`, `ExpandTimeShorthands`, `ExpandMinimum`:
//!   "512 MB", "5 min", "200 ms" are normal in technical writing.
//! - `ExpandConfiguration`, `ExpandDependencies`, `ExpandDirectory`,
//!   `ExpandStandardInputAndOutput`, `ExpandParameter`, `ExpandArgument`,
//!   `ExpandPointer`, `ExpandAlloc`, `ExpandDecl`, `ExpandDereference`,
//!   `ExpandControl`: "config", "deps", "dir", "stdout", "param", "Ctrl"
//!   are the names of things in computing (the informal ones, "cuz",
//!   "thru", "ppl", "w/o", stay on).
//! - `Dashes`, `NumericRangeEnDash`, `EllipsisLength`, `UseEllipsisCharacter`,
//!   `FootInchMinuteSecondSymbols`, `QuoteSpacing`, `UnclosedQuotes`:
//!   typography; Markdown sources use plain ASCII punctuation, and a quote
//!   next to inline code can look unclosed.
//! - `BoringWords`, `FillerWords`, `Hedging`, `AvoidContractions`: style
//!   advice, not mistakes.
//! - `MergeWords`, `SplitWords`: "cron job" → "cronjob", "stdout" →
//!   "std out", "informations" → "in formations".
//!
//! Everything else stays on: spelling, its/it's, "allows to", uncountable
//! nouns ("informations"), a/an ("a SLA"), repeated words, agreement,
//! then/than, "setup" used as a verb, "data base" → "database", "40 €" →
//! "€40", and the space French writers put before `!`, `?` and `,`.
//!
//! # Cache
//!
//! Harper costs about 0.1–0.2 s per 10 KB of text, so results are cached
//! by content: one small JSON file per checked text, named by the SHA-256
//! of the blanked text, its block structure, the English, the project
//! words, the disabled rules, the versions of this crate and of harper, and
//! the source of this module (so a change to it never reads stale results).
//! The folder is `$MDBOOK_TECHNICAL_FILE_CACHE`, else
//! `$XDG_CACHE_HOME/mdbook-technical-file`, else
//! `~/.cache/mdbook-technical-file` ([`cache_dir_from_env`]): never in the
//! book, so `mdbook serve` neither wipes nor watches it. Entries are written
//! atomically (a temporary file renamed); an unreadable or corrupt entry is
//! recomputed; a folder that cannot be created or written means running
//! uncached, never a failed build. This module is, with `load`, the only one
//! that touches the file system.
//!
//! Without the `spelling` Cargo feature nothing is checked, and a book that
//! asks for spelling gets one warning saying so.
//!
//! [harper-core]: https://docs.rs/harper-core

use crate::config::English;
use crate::diagnostic::Diagnostic;
use crate::markdown::{self, Flavor, Scan};
use crate::model::TechnicalFile;
use crate::report::Report;
use crate::source::SourceFile;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Harper rules that are switched off: noise on technical prose, or house
/// style rather than mistakes. See the module documentation for why.
pub const DISABLED_RULES: &[&str] = &[
    "LongSentences",
    "OxfordComma",
    "NoOxfordComma",
    "DiscourseMarkers",
    "SpelledNumbers",
    "UseTitleCase",
    "SentenceCapitalization",
    "ExpandMemoryShorthands",
    "ExpandTimeShorthands",
    "ExpandMinimum",
    "ExpandConfiguration",
    "ExpandDependencies",
    "ExpandDirectory",
    "ExpandStandardInputAndOutput",
    "ExpandParameter",
    "ExpandArgument",
    "ExpandPointer",
    "ExpandAlloc",
    "ExpandDecl",
    "ExpandDereference",
    "ExpandControl",
    "Dashes",
    "NumericRangeEnDash",
    "EllipsisLength",
    "UseEllipsisCharacter",
    "FootInchMinuteSecondSymbols",
    "QuoteSpacing",
    "UnclosedQuotes",
    "BoringWords",
    "FillerWords",
    "Hedging",
    "AvoidContractions",
    "MergeWords",
    "SplitWords",
];

/// The name of the cache folder under the user's cache directory.
const CACHE_FOLDER: &str = "mdbook-technical-file";

/// How much work a check did: texts linted by harper, and texts whose
/// result came from the cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpellStats {
    pub linted: usize,
    pub cached: usize,
    /// Texts left for a background check (while previewing).
    pub pending: usize,
}

/// Whether this binary was built with spelling support.
pub const fn available() -> bool {
    cfg!(feature = "spelling")
}

/// What to check against, and where to keep results.
#[derive(Debug, Clone)]
pub struct Settings {
    pub english: English,
    /// The project's own words, accepted as written.
    pub words: Vec<String>,
    /// The cache folder; `None` runs uncached.
    pub cache_dir: Option<PathBuf>,
    /// Do not lint what the cache lacks: report it as pending instead
    /// (under `mdbook serve`, where harper's start-up alone, about a
    /// second, would be felt on every save).
    pub defer: bool,
}

/// A text to check: a file, its structure, and ranges that are not prose
/// even though the scan says they are (our markers).
#[derive(Debug, Clone)]
pub struct Target<'a> {
    pub source: &'a SourceFile,
    pub scan: &'a Scan,
    pub skip: Vec<Range<usize>>,
}

impl<'a> Target<'a> {
    /// A report: its prose after the front matter, without its markers.
    pub fn report(report: &'a Report) -> Target<'a> {
        Target {
            source: &report.source,
            scan: &report.scan,
            skip: report.markers.iter().map(|m| m.range.clone()).collect(),
        }
    }
}

/// A hand-written chapter of the book, parsed for checking.
#[derive(Debug, Clone)]
pub struct Chapter {
    pub source: SourceFile,
    pub scan: Scan,
    pub markers: Vec<Range<usize>>,
}

impl Chapter {
    /// `path` is how diagnostics name the file (e.g. `book/introduction.md`);
    /// `content` is the chapter as mdBook loaded it.
    pub fn new(path: &str, content: &str, flavor: Flavor) -> Chapter {
        let source = SourceFile::new(path, content);
        let body = crate::frontmatter::parse(&source).range.end;
        let scan = markdown::scan_from(&source.text, body, flavor);
        let (markers, _) = crate::marker::find(&source.text, &scan, body);
        Chapter {
            markers: markers.into_iter().map(|m| m.range).collect(),
            source,
            scan,
        }
    }

    pub fn target(&self) -> Target<'_> {
        Target {
            source: &self.source,
            scan: &self.scan,
            skip: self.markers.clone(),
        }
    }
}

/// The cache folder named by the environment: `$MDBOOK_TECHNICAL_FILE_CACHE`,
/// else `$XDG_CACHE_HOME/mdbook-technical-file`, else
/// `$HOME/.cache/mdbook-technical-file` (`%LOCALAPPDATA%` on Windows).
/// It is not created here.
pub fn cache_dir_from_env() -> Option<PathBuf> {
    let var = |key: &str| {
        std::env::var_os(key)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = var("MDBOOK_TECHNICAL_FILE_CACHE") {
        return Some(dir);
    }
    if let Some(xdg) = var("XDG_CACHE_HOME").filter(|p| p.is_absolute()) {
        return Some(xdg.join(CACHE_FOLDER));
    }
    if let Some(home) = var("HOME") {
        return Some(home.join(".cache").join(CACHE_FOLDER));
    }
    var("LOCALAPPDATA").map(|dir| dir.join(CACHE_FOLDER))
}

/// The hidden command that fills the cache in the background.
pub const FILL_COMMAND: &str = "__fill-spelling-cache";
/// Set in that command's environment: it lints now, even if the book's
/// configuration looks like `mdbook serve`'s.
pub const FILLING_ENV: &str = "MDBOOK_TECHNICAL_FILE_FILLING_CACHE";

/// Starts `mdbook-technical-file __fill-spelling-cache <root> <lock>` in the
/// background to lint what the cache lacks, unless one is already running
/// for this book (a lock file in the cache folder, considered stale after
/// ten minutes). It writes only into the cache folder. Does nothing when
/// this process is not the `mdbook-technical-file` binary (a test, say).
pub fn fill_cache_in_background(root: &Path, cache_dir: Option<&Path>) {
    let Some(cache_dir) = cache_dir else {
        return;
    };
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let ours = exe
        .file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s == "mdbook-technical-file");
    if !ours || std::fs::create_dir_all(cache_dir).is_err() {
        return;
    }
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let digest = {
        use sha2::Digest;
        let hash = sha2::Sha256::digest(root.to_string_lossy().as_bytes());
        hash.iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let lock = cache_dir.join(format!("pending-{digest}.lock"));
    let stale = std::fs::metadata(&lock)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() > 600));
    if stale {
        let _ = std::fs::remove_file(&lock);
    }
    if std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&lock)
        .is_err()
    {
        return; // one is already running
    }
    let spawned = std::process::Command::new(exe)
        .arg(FILL_COMMAND)
        .arg(&root)
        .arg(&lock)
        .env("MDBOOK_TECHNICAL_FILE_CACHE", cache_dir)
        .env(FILLING_ENV, "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if spawned.is_err() {
        let _ = std::fs::remove_file(&lock);
    }
}

/// The words of a word list: one a line; blank lines, lines starting with
/// `#` and ` # trailing comments` are ignored.
pub fn parse_word_list(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let line = line.trim_start_matches('\u{feff}');
            let line = match line.find(" #").or_else(|| line.find("\t#")) {
                Some(i) => &line[..i],
                None => line,
            };
            line.trim()
        })
        .filter(|word| !word.is_empty() && !word.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Reads the project word list named by `dictionary` (relative to `root`).
pub fn read_word_list(root: &Path, path: &str) -> std::io::Result<Vec<String>> {
    let bytes = std::fs::read(root.join(path))?;
    Ok(parse_word_list(&crate::source::decode(&bytes).text))
}

/// Checks the published reports (findings go into each report's
/// diagnostics, so they show in its page) and the hand-written chapters
/// (findings are returned, with any problem with the word list).
pub fn check_book(
    root: &Path,
    file: &mut TechnicalFile,
    chapters: &[Chapter],
    cache_dir: Option<PathBuf>,
    defer: bool,
) -> (Vec<Diagnostic>, SpellStats) {
    let mut book_diagnostics = Vec::new();
    if !available() {
        book_diagnostics.push(
            Diagnostic::warning(
                "spelling",
                "book.toml",
                "spelling and grammar are not checked: this binary was built without spelling support",
            )
            .with_suggestion(
                "install it with the default features (the `spelling` feature), or set `spelling = false` in [preprocessor.technical-file]",
            ),
        );
        return (book_diagnostics, SpellStats::default());
    }
    let words = match &file.config.dictionary {
        Some(path) => read_word_list(root, path).unwrap_or_else(|error| {
            book_diagnostics.push(
                Diagnostic::warning(
                    "spelling",
                    path.as_str(),
                    format!(
                        "the word list cannot be read: {error}; spelling is checked without it"
                    ),
                )
                .with_suggestion(
                    "check `dictionary` in [preprocessor.technical-file], relative to the book root",
                ),
            );
            Vec::new()
        }),
        None => Vec::new(),
    };
    let settings = Settings {
        english: file.config.english,
        words,
        cache_dir,
        defer,
    };
    let mut targets: Vec<Target> = file.reports.iter().map(Target::report).collect();
    targets.extend(chapters.iter().map(Chapter::target));
    let (mut found, stats) = check(&targets, &settings);
    let chapter_found = found.split_off(file.reports.len());
    for (report, found) in file.reports.iter_mut().zip(found) {
        match found {
            Some(found) => report.diagnostics.extend(found),
            None => report.spelling_pending = true,
        }
    }
    book_diagnostics.extend(chapter_found.into_iter().flatten().flatten());
    (book_diagnostics, stats)
}

/// Checks every target (cached ones from the cache, the rest on every
/// core); returns each target's findings, in the targets' order, or `None`
/// for a target left pending (`Settings::defer`).
pub fn check(
    targets: &[Target],
    settings: &Settings,
) -> (Vec<Option<Vec<Diagnostic>>>, SpellStats) {
    #[cfg(feature = "spelling")]
    {
        engine::check(targets, settings)
    }
    #[cfg(not(feature = "spelling"))]
    {
        let _ = settings;
        (vec![Some(Vec::new()); targets.len()], SpellStats::default())
    }
}

/// What kind of text a piece of a blanked file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PieceKind {
    /// Words to check.
    Prose,
    /// Inline code, a marker or a URL: a word that is not checked.
    Opaque,
}

/// A piece of the text harper sees, with the block it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Piece {
    pub range: Range<usize>,
    pub kind: PieceKind,
    /// The start of the innermost block (paragraph, item, cell, heading):
    /// pieces of different blocks are different paragraphs for harper.
    pub block: usize,
}

/// A text prepared for harper: the blanked copy and its pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blanked {
    /// The text with everything but prose replaced by spaces (as many as
    /// the character's bytes; line breaks kept), so offsets are unchanged.
    pub text: String,
    /// In order, not overlapping.
    pub pieces: Vec<Piece>,
}

/// Prepares a target: what is prose, what is an opaque word, what is
/// neither.
pub fn blank(target: &Target) -> Blanked {
    let text = target.source.text.as_str();
    let scan = target.scan;
    // Ranges inside prose that are not words to check: opaque words, and
    // the spaces or backslash of a hard line break (`true`: opaque).
    let mut holes: Vec<(Range<usize>, bool)> =
        target.skip.iter().map(|r| (r.clone(), true)).collect();
    for run in &scan.prose {
        holes.extend(directives(text, run.clone()).into_iter().map(|r| (r, true)));
        holes.extend(urls(text, run.clone()).into_iter().map(|r| (r, true)));
        holes.extend(line_ends(text, run.clone()).into_iter().map(|r| (r, false)));
    }
    holes.extend(
        scan.code
            .iter()
            .filter(|r| is_inline_code(text, r))
            .map(|r| (r.clone(), true)),
    );
    holes.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<(Range<usize>, bool)> = Vec::new();
    for (r, opaque) in holes {
        match merged.last_mut() {
            Some((last, last_opaque)) if r.start < last.end => {
                last.end = last.end.max(r.end);
                *last_opaque |= opaque;
            }
            _ => merged.push((r, opaque)),
        }
    }
    let block_of = |offset: usize| scan.container_at(offset).map_or(usize::MAX, |r| r.start);
    let mut pieces = Vec::new();
    let mut next = merged.iter().map(|(r, _)| r).peekable();
    for run in &scan.prose {
        let mut at = run.start;
        while at < run.end {
            while next.peek().is_some_and(|h| h.end <= at) {
                next.next();
            }
            let hole = next.peek().filter(|h| h.start < run.end);
            let prose_end = hole.map_or(run.end, |h| h.start.max(at));
            if prose_end > at {
                pieces.push(Piece {
                    range: at..prose_end,
                    kind: PieceKind::Prose,
                    block: block_of(at),
                });
            }
            at = prose_end;
            if let Some(hole) = hole {
                at = at.max(hole.end.min(run.end));
            }
        }
    }
    // Opaque pieces: inline code between prose, markers and URLs in it.
    for (hole, opaque) in &merged {
        if *opaque {
            pieces.push(Piece {
                range: hole.clone(),
                kind: PieceKind::Opaque,
                block: block_of(hole.start),
            });
        }
    }
    pieces.sort_by_key(|p| (p.range.start, p.range.end));
    // A hole may overlap a prose piece only if it sticks out of prose
    // (a marker across a run boundary): drop what would overlap.
    let mut clean: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if clean
            .last()
            .is_some_and(|l| piece.range.start < l.range.end)
        {
            continue;
        }
        clean.push(piece);
    }
    let mut blanked = String::with_capacity(text.len());
    let mut prose = clean
        .iter()
        .filter(|p| p.kind == PieceKind::Prose)
        .peekable();
    for (i, c) in text.char_indices() {
        while prose.peek().is_some_and(|p| p.range.end <= i) {
            prose.next();
        }
        let in_prose = prose.peek().is_some_and(|p| p.range.start <= i);
        match c {
            '\n' => blanked.push('\n'),
            '\r' | '\t' => blanked.push(' '),
            c if in_prose => blanked.push(c),
            c => blanked.extend(std::iter::repeat_n(' ', c.len_utf8())),
        }
    }
    Blanked {
        text: blanked,
        pieces: clean,
    }
}

/// `{{#...}}` directives (ours, `{{#include}}` ...) in a prose run, with an
/// escaping backslash.
fn directives(text: &str, run: Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut at = run.start;
    while let Some(i) = text[at..run.end].find("{{#") {
        let mut start = at + i;
        let end = text[start..run.end]
            .find("}}")
            .map_or(run.end, |j| start + j + 2);
        if start > run.start && text.as_bytes()[start - 1] == b'\\' {
            start -= 1;
        }
        found.push(start..end);
        at = end;
    }
    found
}

/// Spaces, tabs and a backslash just before a line ending in a prose run:
/// a hard line break, or trailing spaces nobody sees.
fn line_ends(text: &str, run: Range<usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (i, b) in text[run.clone()].bytes().enumerate() {
        if b != b'\n' && b != b'\r' {
            continue;
        }
        let end = run.start + i;
        let mut start = end;
        while start > run.start && matches!(bytes[start - 1], b' ' | b'\t' | b'\\' | b'\r') {
            start -= 1;
        }
        if start < end {
            found.push(start..end);
        }
    }
    found
}

/// URL-looking words in a prose run (`https://...`, `www....`, `mailto:...`),
/// without the punctuation that ends a sentence or closes a parenthesis.
fn urls(text: &str, run: Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let slice = &text[run.clone()];
    let mut offset = 0;
    for word in slice.split_inclusive(char::is_whitespace) {
        let start = run.start + offset;
        offset += word.len();
        let trimmed = word.trim_end();
        let lead = trimmed.len() - trimmed.trim_start_matches(['(', '<', '"', '\'', '[']).len();
        let core = &trimmed[lead..];
        let looks_like_url =
            core.contains("://") || core.starts_with("www.") || core.starts_with("mailto:");
        if !looks_like_url {
            continue;
        }
        let core = core.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '\'']);
        found.push(start + lead..start + lead + core.len());
    }
    found
}

/// Whether a range of `Scan::code` is inline code (not a code block).
fn is_inline_code(text: &str, range: &Range<usize>) -> bool {
    let Some(code) = text.get(range.clone()) else {
        return false;
    };
    if code.starts_with([' ', '\t']) || code.starts_with("~~~") {
        return false;
    }
    let ticks = code.len() - code.trim_start_matches('`').len();
    if ticks == 0 {
        return false;
    }
    if ticks < 3 {
        return true;
    }
    // A fence's info string cannot contain a backtick; inline code of three
    // backticks closes on its own line.
    let first_line = code[ticks..].split(['\n', '\r']).next().unwrap_or("");
    first_line.contains('`')
}

/// A finding before it becomes a diagnostic: what the cache stores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// `spelling` or `grammar`.
    pub code: &'static str,
    pub message: String,
    pub suggestion: Option<String>,
}

impl Finding {
    pub fn diagnostic(&self, source: &SourceFile) -> Diagnostic {
        let d = source.warning(self.code, self.range.clone(), self.message.clone());
        match &self.suggestion {
            Some(s) => d.with_suggestion(s.clone()),
            None => d,
        }
    }
}

#[cfg(feature = "spelling")]
mod engine {
    //! Everything harper-specific.

    use super::{
        Blanked, DISABLED_RULES, Finding, Piece, PieceKind, Settings, SpellStats, Target, blank,
    };
    use crate::config::English;
    use crate::diagnostic::Diagnostic;
    use harper_core::linting::{LintGroup, LintKind, Linter, Suggestion};
    use harper_core::parsers::{Parser, PlainEnglish};
    use harper_core::spell::{FstDictionary, MergedDictionary, MutableDictionary};
    use harper_core::{Dialect, DictWordMetadata, Document, Lrc, Span, Token, TokenKind};
    use sha2::{Digest, Sha256};
    use std::path::{Path, PathBuf};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn dialect(english: English) -> Dialect {
        match english {
            English::American => Dialect::American,
            English::British => Dialect::British,
            English::Canadian => Dialect::Canadian,
            English::Australian => Dialect::Australian,
        }
    }

    /// Harper's dictionary plus the project's words.
    pub(super) fn dictionary(words: &[String]) -> Arc<MergedDictionary> {
        let mut project = MutableDictionary::new();
        for word in words {
            project.append_word_str(word, DictWordMetadata::default());
        }
        let mut merged = MergedDictionary::new();
        merged.add_dictionary(FstDictionary::curated());
        merged.add_dictionary(Arc::new(project));
        Arc::new(merged)
    }

    /// Harper's curated rules for this English, minus [`DISABLED_RULES`].
    pub(super) fn lint_group(dictionary: Arc<MergedDictionary>, english: English) -> LintGroup {
        let mut group = LintGroup::new_curated(dictionary, dialect(english));
        for rule in DISABLED_RULES {
            group.config.set_rule_enabled(*rule, false);
        }
        group
    }

    /// Reads blanked text as harper's Markdown parser would read the
    /// original: prose pieces are plain English, opaque pieces are
    /// unlintable tokens, and each block is a paragraph.
    struct ProseParser {
        /// Char ranges, kinds and blocks.
        pieces: Vec<(usize, usize, PieceKind, usize)>,
    }

    impl Parser for ProseParser {
        fn parse(&self, source: &[char]) -> Vec<Token> {
            let mut tokens: Vec<Token> = Vec::new();
            let mut block = None;
            for &(start, end, kind, in_block) in &self.pieces {
                if block != Some(in_block) {
                    if let Some(last) = tokens.last() {
                        let at = last.span.end;
                        tokens.push(Token::new(Span::empty(at), TokenKind::ParagraphBreak));
                    }
                    block = Some(in_block);
                }
                match kind {
                    PieceKind::Prose => {
                        let mut found = PlainEnglish.parse(&source[start..end]);
                        for token in &mut found {
                            token.span.push_by(start);
                        }
                        tokens.append(&mut found);
                    }
                    PieceKind::Opaque => {
                        tokens.push(Token::new(Span::new(start, end), TokenKind::Unlintable));
                    }
                }
            }
            tokens
        }
    }

    /// Lints one blanked text; findings are in byte offsets.
    pub(super) fn lint(
        blanked: &Blanked,
        original: &str,
        group: &mut LintGroup,
        dictionary: &MergedDictionary,
    ) -> Vec<Finding> {
        // Byte offset of every char of the blanked text, and the end.
        let mut char_to_byte: Vec<usize> = blanked.text.char_indices().map(|(i, _)| i).collect();
        char_to_byte.push(blanked.text.len());
        let byte_to_char = |byte: usize| char_to_byte.partition_point(|&b| b < byte);
        let pieces = blanked
            .pieces
            .iter()
            .map(|p: &Piece| {
                (
                    byte_to_char(p.range.start),
                    byte_to_char(p.range.end),
                    p.kind,
                    p.block,
                )
            })
            .collect();
        let chars: Lrc<[char]> = blanked.text.chars().collect();
        let document = Document::new_from_chars(chars.clone(), &ProseParser { pieces }, dictionary);
        let mut lints = group.lint(&document);
        harper_core::remove_overlaps(&mut lints);
        let mut findings: Vec<Finding> = lints
            .into_iter()
            .filter_map(|lint| {
                let start = *char_to_byte.get(lint.span.start)?;
                let end = *char_to_byte.get(lint.span.end.max(lint.span.start))?;
                let written = original.get(start..end)?;
                let spelling = lint.lint_kind == LintKind::Spelling;
                // Words with digits are identifiers (C1.3, S3, k3s, EC2).
                if spelling && written.chars().any(|c| c.is_ascii_digit()) {
                    return None;
                }
                let replacements: Vec<String> = lint
                    .suggestions
                    .iter()
                    .map(|s| match s {
                        Suggestion::ReplaceWith(chars) => chars.iter().collect::<String>(),
                        Suggestion::InsertAfter(chars) => {
                            format!("{written}{}", chars.iter().collect::<String>())
                        }
                        Suggestion::Remove => String::new(),
                    })
                    .take(3)
                    .collect();
                let (message, suggestion) = if spelling {
                    (
                        format!("possible spelling mistake: `{written}`"),
                        Some(if replacements.is_empty() {
                            format!("if `{written}` is right, add it to the project word list (`dictionary` in book.toml)")
                        } else {
                            did_you_mean(&replacements)
                        }),
                    )
                } else {
                    let suggestion = if replacements.iter().any(String::is_empty) {
                        Some(format!("remove `{written}`"))
                    } else if replacements.is_empty() {
                        None
                    } else {
                        Some(did_you_mean(&replacements))
                    };
                    (sentence_to_message(&lint.message), suggestion)
                };
                Some(Finding {
                    range: start..end,
                    code: if spelling { "spelling" } else { "grammar" },
                    message,
                    suggestion,
                })
            })
            .collect();
        findings.sort_by_key(|f| (f.range.start, f.range.end));
        findings
    }

    fn did_you_mean(options: &[String]) -> String {
        let quoted: Vec<String> = options.iter().map(|o| format!("`{o}`")).collect();
        match quoted.as_slice() {
            [one] => format!("did you mean {one}?"),
            [init @ .., last] => format!("did you mean {} or {last}?", init.join(", ")),
            [] => String::new(),
        }
    }

    /// Harper writes sentences, sometimes two ("Use `its` for possession.
    /// The word `it's` is a contraction..."); diagnostics are one
    /// lower-case phrase like rustc's.
    fn sentence_to_message(sentence: &str) -> String {
        let sentence = sentence.trim();
        let first = sentence
            .match_indices(". ")
            .find(|(i, _)| sentence[i + 2..].starts_with(char::is_uppercase))
            .map_or(sentence, |(i, _)| &sentence[..i]);
        let trimmed = first.trim_end_matches('.');
        let mut chars = trimmed.chars();
        match (chars.next(), chars.next()) {
            (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => first
                .to_lowercase()
                .chain(trimmed[first.len_utf8()..].chars())
                .collect(),
            _ => trimmed.to_owned(),
        }
    }

    pub(super) fn check(
        targets: &[Target],
        settings: &Settings,
    ) -> (Vec<Option<Vec<Diagnostic>>>, SpellStats) {
        let prefix = settings_digest(settings);
        let cache_dir = settings
            .cache_dir
            .as_ref()
            .filter(|dir| std::fs::create_dir_all(dir).is_ok());
        let prepared: Vec<(Blanked, String)> = targets
            .iter()
            .map(|t| {
                let blanked = blank(t);
                let key = key(&prefix, &blanked);
                (blanked, key)
            })
            .collect();
        let mut results: Vec<Option<Vec<Finding>>> = prepared
            .iter()
            .zip(targets)
            .map(|((_, key), target)| {
                cache_dir.and_then(|dir| read_entry(dir, key, &target.source.text))
            })
            .collect();
        let cached = results.iter().filter(|r| r.is_some()).count();
        let todo: Vec<usize> = (0..targets.len())
            .filter(|&i| results[i].is_none())
            .collect();

        if settings.defer {
            let diagnostics = results
                .into_iter()
                .zip(targets)
                .map(|(findings, target)| {
                    findings.map(|f| f.iter().map(|f| f.diagnostic(target.source)).collect())
                })
                .collect();
            let stats = SpellStats {
                linted: 0,
                cached,
                pending: todo.len(),
            };
            return (diagnostics, stats);
        }
        if !todo.is_empty() {
            let dictionary = dictionary(&settings.words);
            // One lint group per thread: building one takes a while, and
            // harper's linters are not `Send`.
            let threads = std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .clamp(1, 8)
                .min(todo.len());
            let chunks: Vec<Vec<usize>> = todo
                .chunks(todo.len().div_ceil(threads))
                .map(<[usize]>::to_vec)
                .collect();
            let done = crate::parallel::map(&chunks, |chunk| {
                let mut group = lint_group(dictionary.clone(), settings.english);
                chunk
                    .iter()
                    .map(|&i| {
                        let findings = lint(
                            &prepared[i].0,
                            &targets[i].source.text,
                            &mut group,
                            &dictionary,
                        );
                        (i, findings)
                    })
                    .collect::<Vec<_>>()
            });
            for (i, findings) in done.into_iter().flatten() {
                if let Some(dir) = cache_dir {
                    write_entry(dir, &prepared[i].1, &findings);
                }
                results[i] = Some(findings);
            }
        }

        let diagnostics = results
            .into_iter()
            .zip(targets)
            .map(|(findings, target)| {
                Some(
                    findings
                        .unwrap_or_default()
                        .iter()
                        .map(|f| f.diagnostic(target.source))
                        .collect(),
                )
            })
            .collect();
        (
            diagnostics,
            SpellStats {
                linted: todo.len(),
                cached,
                pending: 0,
            },
        )
    }

    /// What every result depends on besides the text itself.
    fn settings_digest(settings: &Settings) -> Vec<u8> {
        let mut hasher = Sha256::new();
        hasher.update(
            format!(
                "mdbook-technical-file {} harper-core {}\n",
                env!("CARGO_PKG_VERSION"),
                harper_core::core_version()
            )
            .as_bytes(),
        );
        // This file decides what harper sees and how findings read: any
        // change to it (without a version bump) is a new cache.
        hasher.update(include_str!("spelling.rs").as_bytes());
        hasher.update(format!("{:?}\n", settings.english).as_bytes());
        for rule in DISABLED_RULES {
            hasher.update(rule.as_bytes());
            hasher.update(b"\n");
        }
        let mut words = settings.words.clone();
        words.sort();
        words.dedup();
        hasher.update(b"words\n");
        for word in &words {
            hasher.update(word.as_bytes());
            hasher.update(b"\n");
        }
        hasher.finalize().to_vec()
    }

    /// The cache key of a text: the settings, the blanked text and its
    /// pieces (which are all that harper sees).
    fn key(prefix: &[u8], blanked: &Blanked) -> String {
        let mut hasher = Sha256::new();
        hasher.update(prefix);
        hasher.update((blanked.text.len() as u64).to_le_bytes());
        hasher.update(blanked.text.as_bytes());
        for piece in &blanked.pieces {
            let kind = match piece.kind {
                PieceKind::Prose => 0u8,
                PieceKind::Opaque => 1u8,
            };
            hasher.update([kind]);
            for n in [piece.range.start, piece.range.end, piece.block] {
                hasher.update((n as u64).to_le_bytes());
            }
        }
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    fn entry_path(dir: &Path, key: &str) -> PathBuf {
        dir.join(format!("{key}.json"))
    }

    /// A cached result, if there is a sound one for this key and text.
    pub(super) fn read_entry(dir: &Path, key: &str, text: &str) -> Option<Vec<Finding>> {
        let bytes = std::fs::read(entry_path(dir, key)).ok()?;
        let json: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
        if json.get("key")?.as_str()? != key {
            return None;
        }
        let mut findings = Vec::new();
        for item in json.get("findings")?.as_array()? {
            let start = usize::try_from(item.get("start")?.as_u64()?).ok()?;
            let end = usize::try_from(item.get("end")?.as_u64()?).ok()?;
            text.get(start..end)?;
            let code = match item.get("code")?.as_str()? {
                "spelling" => "spelling",
                "grammar" => "grammar",
                _ => return None,
            };
            let message = item.get("message")?.as_str()?.to_owned();
            let suggestion = match item.get("suggestion")? {
                serde_json::Value::Null => None,
                value => Some(value.as_str()?.to_owned()),
            };
            findings.push(Finding {
                range: start..end,
                code,
                message,
                suggestion,
            });
        }
        Some(findings)
    }

    /// Stores a result atomically; any failure just leaves no entry.
    pub(super) fn write_entry(dir: &Path, key: &str, findings: &[Finding]) {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let json = serde_json::json!({
            "key": key,
            "findings": findings.iter().map(|f| serde_json::json!({
                "start": f.range.start,
                "end": f.range.end,
                "code": f.code,
                "message": f.message,
                "suggestion": f.suggestion,
            })).collect::<Vec<_>>(),
        });
        let temp = dir.join(format!(
            ".{key}.{}.{}.tmp",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let written = std::fs::write(&temp, json.to_string())
            .and_then(|()| std::fs::rename(&temp, entry_path(dir, key)));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::Flavor;

    fn chapter(text: &str) -> Chapter {
        Chapter::new("book/chapter.md", text, Flavor::default())
    }

    #[test]
    fn blanking_keeps_offsets_and_only_prose() {
        let text = "+++\ntitle = \"Recieve\"\n+++\n# Été\n\nSee `recieve` and https://exemple.com/recieve, {{#skill C1.1}}.\n\n```\nrecieve\n```\n";
        let c = chapter(text);
        let blanked = blank(&c.target());
        assert_eq!(blanked.text.len(), text.len());
        assert_eq!(blanked.text.lines().count(), text.lines().count());
        assert!(!blanked.text.contains("recieve"), "{}", blanked.text);
        assert!(!blanked.text.contains("Recieve"), "{}", blanked.text);
        assert!(!blanked.text.contains("skill"), "{}", blanked.text);
        assert!(blanked.text.contains("# Été") || blanked.text.contains("Été"));
        assert!(blanked.text.contains("See "));
        let opaque: Vec<&str> = blanked
            .pieces
            .iter()
            .filter(|p| p.kind == PieceKind::Opaque)
            .map(|p| &text[p.range.clone()])
            .collect();
        assert_eq!(
            opaque,
            [
                "`recieve`",
                "https://exemple.com/recieve",
                "{{#skill C1.1}}"
            ]
        );
    }

    #[test]
    fn word_lists_ignore_comments_and_blank_lines() {
        assert_eq!(
            parse_word_list("# project words\n\nKubernetes\n  kubectl  # the CLI\nC#\n"),
            ["Kubernetes", "kubectl", "C#"]
        );
    }

    #[cfg(feature = "spelling")]
    mod harper {
        use super::*;

        fn settings(english: English, words: &[&str]) -> Settings {
            Settings {
                english,
                words: words.iter().map(|w| w.to_string()).collect(),
                cache_dir: None,
                defer: false,
            }
        }

        fn findings(text: &str, english: English, words: &[&str]) -> Vec<String> {
            let c = chapter(text);
            let (found, stats) = check(&[c.target()], &settings(english, words));
            assert_eq!(
                stats,
                SpellStats {
                    linted: 1,
                    cached: 0,
                    pending: 0
                }
            );
            found[0]
                .iter()
                .flatten()
                .map(|d| {
                    format!(
                        "{} {} {} | {}",
                        d.location(),
                        d.code,
                        d.message,
                        d.suggestion.as_deref().unwrap_or("-")
                    )
                })
                .collect()
        }

        #[test]
        fn disabled_rules_exist() {
            let group = engine::lint_group(engine::dictionary(&[]), English::American);
            let keys: std::collections::HashSet<&str> = group.iter_keys().collect();
            for rule in DISABLED_RULES {
                assert!(keys.contains(rule), "harper has no rule `{rule}`");
            }
        }

        #[test]
        fn mistakes_are_found_where_they_are() {
            let text = "# Deployment\n\nThe infrastucture is ready.\nOur café in «Paris» did recieve the servers.\nThe tool keeps it's configuration in Git.\nWe collected informations about the outage.\n";
            let found = findings(text, English::American, &[]);
            assert_eq!(found.len(), 4, "{found:#?}");
            assert!(found[0].starts_with("book/chapter.md:3:5 spelling possible spelling mistake: `infrastucture` | did you mean `infrastructure`"), "{found:#?}");
            assert!(found[1].starts_with("book/chapter.md:4:25 spelling possible spelling mistake: `recieve` | did you mean `receive`"), "{found:#?}");
            assert!(
                found[2].starts_with("book/chapter.md:5:16 grammar"),
                "{found:#?}"
            );
            assert!(found[2].contains("`its`"), "{found:#?}");
            assert!(found[3].starts_with("book/chapter.md:6:14"), "{found:#?}");
            assert!(found[3].contains("`information`"), "{found:#?}");
            assert!(found.iter().all(|f| !f.ends_with("| -")), "{found:#?}");
        }

        #[test]
        fn grammar_rules_that_matter_are_on() {
            let text = "This tool allows to deploy faster.\n\nWe call a API.\n\nWe deployed the the cluster.\n";
            let found = findings(text, English::American, &[]);
            eprintln!("{found:#?}");
            assert_eq!(found.len(), 3, "{found:#?}");
            assert!(
                found[0].starts_with("book/chapter.md:1:11 grammar"),
                "{found:#?}"
            );
            assert!(
                found[1].starts_with("book/chapter.md:3:9 grammar"),
                "{found:#?}"
            );
            assert!(found[1].contains("`an`"), "{found:#?}");
            assert!(
                found[2].starts_with("book/chapter.md:5:13 grammar"),
                "{found:#?}"
            );
        }

        #[test]
        fn code_urls_markers_and_front_matter_are_not_checked() {
            let text = "+++\ntitle = \"Recieve the infrastucture\"\n+++\n\n# Title\n\nRun `recieve --infrastucture` first, then read https://exemple.org/recieve-infrastucture or <https://exemple.org/deployement>. {{#skill C1.1 recieve}}\n\nAn `nginx` pod starts. \\{{#include files/infrastucture.yml}}\n\n```text\nWe recieve informations.\n```\n\n    indented recieve\n\n<div>recieve</div>\n\n![a recieve diagram](img/infrastucture.png)\n";
            let found = findings(text, English::American, &[]);
            assert_eq!(found, Vec::<String>::new());
        }

        #[test]
        fn project_words_are_accepted() {
            let text = "We deployed Zorglub on every server.\n";
            let found = findings(text, English::American, &[]);
            assert_eq!(found.len(), 1, "{found:#?}");
            assert!(found[0].contains("`Zorglub`"), "{found:#?}");
            assert_eq!(
                findings(text, English::American, &["Zorglub"]),
                Vec::<String>::new()
            );
        }

        #[test]
        fn british_and_american_spellings_follow_the_setting() {
            let text = "The colour of the dashboard changed.\n";
            let american = findings(text, English::American, &[]);
            assert_eq!(american.len(), 1, "{american:#?}");
            assert!(american[0].contains("`color`"), "{american:#?}");
            assert_eq!(findings(text, English::British, &[]), Vec::<String>::new());
            let text = "The color of the dashboard changed.\n";
            assert_eq!(findings(text, English::American, &[]), Vec::<String>::new());
            let british = findings(text, English::British, &[]);
            assert_eq!(british.len(), 1, "{british:#?}");
            assert!(british[0].contains("`colour`"), "{british:#?}");
        }
    }
}
