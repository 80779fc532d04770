//! A structured variant of `preprocessor_json` that reaches the engine on
//! every input: `arbitrary` builds a book (chapters with generated
//! Markdown, nested, drafts, separators and part titles), a `book.toml`
//! (the tool's options and the Markdown flavor), and reports and files
//! written into a fresh temporary book root. The `[context, book]` JSON is
//! made as mdBook makes it and goes through `parse_input`, `process`, and
//! back to JSON.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::config::Config;
use mdbook_technical_file_fuzz::checks;
use std::path::Path;

/// Words and Markdown pieces that matter to the tool.
const WORDS: &[&str] = &[
    "text", "déploiement", "naïve", "`code`", "*em*", "**strong**", "_", "&amp;", "<b>", "</b>",
    "<!--", "-->", "\"q\"", "a--b", "...", "\\", "|", "#", "{#id}", "[^n]", "\r", "\n", "\n\n",
    "\r\n", "\t", "    ", "> ", "- ", "1. ", ": ", "===", "---", "```", "~~~", "{{", "}}",
    "{{#skill", "{{#skill}}", "\\{{#skill C1.1}}", "{{#skill-evidence", "{{#include",
    "{{#include x.md}}", "https://example.com", "<https://x.y>", "é", "\u{FEFF}", "\u{200B}",
    "ﬁ", "İ", "Σ", "日本", "🙂", "\u{0301}",
];

/// Skill names: the embedded referential's, in other cases, and wrong ones.
const SKILLS: &[&str] = &[
    "C1.1", "C1.3", "c2.1", "C2.2", "C3.1", "C3.2", "C3.6", "observability", "Containers",
    "hyperscalers", "obsrvability", "C9.9", "", "\"C1.1\"", "C1.1,", "performance-data",
];

/// Heading texts, including the expected sections and repeats.
const HEADINGS: &[&str] = &[
    "Constraints", "The problem", "Continuous integration", "Continuous delivery",
    "Quality control", "Technological choices", "Expected and actual results",
    "Expected and actual problems", "Notes", "Notes", "Étape « réseau » — VPC", "CI", "",
    "1. Problems", "Skill coverage", "Project reports",
];

/// Link targets from a report (relative to `reports/`).
const LINKS: &[&str] = &[
    "img/a.png", "files/b.yml", "missing.txt", "../outside.txt", "dir.png", "one.md",
    "one.md#constraints", "two.md#nope", "missing.md", "../src/intro.md", "#notes",
    "https://example.com", "/abs.png", "img/a%20b.png", "img/a.png?x=1#y", "",
];

#[derive(Debug)]
struct Text(String);

impl<'a> Arbitrary<'a> for Text {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Text> {
        let mut text = String::new();
        for _ in 0..u.int_in_range(0..=8)? {
            if u.ratio(1, 4)? {
                let s: &str = u.arbitrary()?;
                text.push_str(&s[..s.len().min(24)].chars().collect::<String>());
            } else {
                text.push_str(u.choose(WORDS)?);
            }
            if u.ratio(3, 4)? {
                text.push(' ');
            }
        }
        Ok(Text(text))
    }
}

#[derive(Debug, Arbitrary)]
enum Block {
    Heading(u8, u8, Text),
    HeadingText(u8, Text),
    HeadingWithId(u8, u8, Text),
    Paragraph(Text),
    Marked(Text, Vec<u8>, bool),
    Evidence(u8, bool),
    Include(u8),
    Link(Text, u8, bool),
    List(Vec<Text>),
    Quote(Text),
    Code(Text, bool),
    Table(Text, Text),
    Html(Text),
    Term(Text, Text),
    Footnote(Text),
    Setext(Text),
    Raw(Text),
}

fn block(out: &mut String, b: &Block) {
    let pick = |list: &[&'static str], i: u8| list[usize::from(i) % list.len()];
    match b {
        Block::Heading(level, h, text) => {
            let level = usize::from(level % 6) + 1;
            out.push_str(&format!("{} {} {}", "#".repeat(level), pick(HEADINGS, *h), text.0));
        }
        Block::HeadingText(level, text) => {
            out.push_str(&format!("{} {}", "#".repeat(usize::from(level % 3) + 1), text.0));
        }
        Block::HeadingWithId(level, h, id) => {
            let level = usize::from(level % 3) + 1;
            out.push_str(&format!("{} {} {{#{}}}", "#".repeat(level), pick(HEADINGS, *h), id.0));
        }
        Block::Paragraph(text) => out.push_str(&text.0),
        Block::Marked(text, skills, space) => {
            out.push_str(&text.0);
            out.push_str(if *space { " {{#skill " } else { "{{#skill " });
            let names: Vec<&str> = skills.iter().take(4).map(|&s| pick(SKILLS, s)).collect();
            out.push_str(&names.join(if *space { ", " } else { " " }));
            out.push_str("}}");
        }
        Block::Evidence(skill, inline) => {
            if *inline {
                out.push_str("See ");
            }
            out.push_str(&format!("{{{{#skill-evidence {}}}}}", pick(SKILLS, *skill)));
        }
        Block::Include(link) => {
            out.push_str(&format!("{{{{#include {}}}}}", pick(LINKS, *link)));
        }
        Block::Link(text, link, image) => {
            let bang = if *image { "!" } else { "" };
            out.push_str(&format!("{bang}[{}]({})", text.0, pick(LINKS, *link)));
        }
        Block::List(items) => {
            for (i, item) in items.iter().take(5).enumerate() {
                let indent = if i % 2 == 1 { "  " } else { "" };
                out.push_str(&format!("{indent}- {}\n", item.0));
            }
        }
        Block::Quote(text) => out.push_str(&format!("> {}", text.0)),
        Block::Code(text, closed) => {
            out.push_str(&format!("```text\n{}\n{{{{#skill C2.1}}}}\n", text.0));
            if *closed {
                out.push_str("```");
            }
        }
        Block::Table(a, b) => out.push_str(&format!("| h | i |\n|---|---|\n| {} | {} |", a.0, b.0)),
        Block::Html(text) => out.push_str(&format!("<div>\n{}\n</div>", text.0)),
        Block::Term(term, definition) => {
            out.push_str(&format!("{}\n: {}", term.0, definition.0));
        }
        Block::Footnote(text) => out.push_str(&format!("Note[^n].\n\n[^n]: {}", text.0)),
        Block::Setext(text) => out.push_str(&format!("{}\n===", text.0)),
        Block::Raw(text) => out.push_str(&text.0),
    }
}

#[derive(Debug, Arbitrary)]
struct Doc {
    blocks: Vec<Block>,
    crlf: bool,
}

impl Doc {
    fn render(&self) -> String {
        let mut out = String::new();
        for b in self.blocks.iter().take(24) {
            block(&mut out, b);
            out.push_str("\n\n");
        }
        if self.crlf { out.replace('\n', "\r\n") } else { out }
    }
}

#[derive(Debug, Arbitrary)]
enum FrontMatter {
    None,
    Toml {
        title: Option<Text>,
        date: Option<(u16, u8, u8)>,
        team: Vec<Text>,
        role: Option<Text>,
        skills: Vec<u8>,
        draft: bool,
        extra: Option<Text>,
    },
    Yaml {
        title: Option<Text>,
        date: Option<(u16, u8, u8)>,
        skills: Vec<u8>,
        draft: bool,
    },
    Raw(Text, bool),
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

impl FrontMatter {
    fn render(&self) -> String {
        let skill_list = |skills: &[u8]| {
            let names: Vec<String> = skills
                .iter()
                .take(4)
                .map(|&s| quoted(SKILLS[usize::from(s) % SKILLS.len()]))
                .collect();
            format!("[{}]", names.join(", "))
        };
        let date = |(y, m, d): (u16, u8, u8)| format!("{:04}-{:02}-{:02}", y % 10000, m % 14, d % 33);
        match self {
            FrontMatter::None => String::new(),
            FrontMatter::Toml { title, date: when, team, role, skills, draft, extra } => {
                let mut out = "+++\n".to_owned();
                if let Some(t) = title {
                    out.push_str(&format!("title = {}\n", quoted(&t.0)));
                }
                if let Some(when) = when {
                    out.push_str(&format!("date = {}\n", date(*when)));
                }
                let team: Vec<String> = team.iter().take(3).map(|t| quoted(&t.0)).collect();
                out.push_str(&format!("team = [{}]\n", team.join(", ")));
                if let Some(r) = role {
                    out.push_str(&format!("role = {}\n", quoted(&r.0)));
                }
                out.push_str(&format!("skills = {}\n", skill_list(skills)));
                if *draft {
                    out.push_str("draft = true\n");
                }
                if let Some(e) = extra {
                    out.push_str(&e.0);
                    out.push('\n');
                }
                out.push_str("+++\n");
                out
            }
            FrontMatter::Yaml { title, date: when, skills, draft } => {
                let mut out = "---\n".to_owned();
                if let Some(t) = title {
                    out.push_str(&format!("title: {}\n", t.0));
                }
                if let Some(when) = when {
                    out.push_str(&format!("date: {}\n", date(*when)));
                }
                out.push_str(&format!("skills: {}\n", skill_list(skills)));
                if *draft {
                    out.push_str("draft: true\n");
                }
                out.push_str("---\n");
                out
            }
            FrontMatter::Raw(text, toml) => {
                let fence = if *toml { "+++" } else { "---" };
                format!("{fence}\n{}\n{fence}\n", text.0)
            }
        }
    }
}

#[derive(Debug, Arbitrary)]
enum Encoding {
    Utf8,
    Bom,
    Utf16Le,
    Latin1Byte,
}

#[derive(Debug, Arbitrary)]
struct ReportSpec {
    stem: u8,
    front: FrontMatter,
    doc: Doc,
    encoding: Encoding,
}

const STEMS: &[&str] = &[
    "one", "two", "One", "a-b_c", "été", "x y", ".hidden", "backup~", "three.MD", "four.Md",
];

#[derive(Debug, Arbitrary)]
struct ChapterSpec {
    name: Text,
    path: u8,
    doc: Doc,
    draft: bool,
    children: u8,
    before: u8,
}

const CHAPTER_PATHS: &[&str] = &[
    "intro.md", "reports.md", "skill-coverage.md", "b1.md", "b2.md", "sub/c.md", "reports/one.md",
    "x.md", "appendix/coverage.md", "intro.md",
];

#[derive(Debug, Arbitrary)]
struct Options {
    placeholder: u8,
    appendix: u8,
    part_title: Option<Text>,
    appendix_title: Option<Text>,
    order: u8,
    strict: bool,
    show: u8,
    min_coverage: Option<u8>,
    min_block: Option<(u8, u8)>,
    pages: u8,
    per_page: Option<(u8, u8)>,
    smart_punctuation: bool,
    definition_lists: bool,
    admonitions: bool,
    live_reload: bool,
    referential: Option<Text>,
    unknown_key: bool,
}

#[derive(Debug, Arbitrary)]
struct Input {
    options: Options,
    chapters: Vec<ChapterSpec>,
    reports: Vec<ReportSpec>,
}

fn book_toml(o: &Options) -> toml::Table {
    let mut tool = toml::Table::new();
    let pick = |list: &[&'static str], i: u8| list[usize::from(i) % list.len()];
    tool.insert("before".into(), toml::Value::Array(vec!["links".into()]));
    tool.insert("placeholder".into(), pick(&["reports.md", "none.md", "sub/c.md"], o.placeholder).into());
    tool.insert(
        "appendix".into(),
        pick(&["skill-coverage.md", "appendix/coverage.md", "x.md", "bad.txt"], o.appendix).into(),
    );
    if let Some(t) = &o.part_title {
        tool.insert("part-title".into(), t.0.clone().into());
    }
    if let Some(t) = &o.appendix_title {
        tool.insert("appendix-title".into(), t.0.clone().into());
    }
    tool.insert("order".into(), pick(&["date", "name", "size"], o.order).into());
    tool.insert("strict".into(), o.strict.into());
    tool.insert("show-diagnostics".into(), pick(&["preview", "always", "never", "x"], o.show).into());
    if let Some(m) = o.min_coverage {
        tool.insert("min-coverage".into(), (f64::from(m) / 200.0).into());
    }
    if let Some((block, share)) = o.min_block {
        let share = f64::from(share) / 200.0;
        if block % 2 == 0 {
            tool.insert("min-block-coverage".into(), share.into());
        } else {
            let mut blocks = toml::Table::new();
            blocks.insert(pick(&["B1", "B2", "B3", "B9"], block).into(), share.into());
            tool.insert("min-block-coverage".into(), blocks.into());
        }
    }
    match o.pages % 4 {
        0 => {}
        1 => {
            tool.insert("pages".into(), false.into());
        }
        2 => {
            tool.insert("pages".into(), toml::Value::Array(vec![1.into(), 2.into()]));
        }
        _ => {
            tool.insert("pages".into(), toml::Value::Array(vec![3.into(), 1.into()]));
        }
    }
    if let Some((words, code)) = o.per_page {
        tool.insert("words-per-page".into(), i64::from(words).into());
        tool.insert("code-lines-per-page".into(), i64::from(code).into());
    }
    if o.referential.is_some() {
        tool.insert("referential".into(), "referential.toml".into());
    }
    if o.unknown_key {
        tool.insert("raports".into(), "x".into());
    }
    let mut html = toml::Table::new();
    html.insert("smart-punctuation".into(), o.smart_punctuation.into());
    html.insert("definition-lists".into(), o.definition_lists.into());
    html.insert("admonitions".into(), o.admonitions.into());
    if o.live_reload {
        html.insert("live-reload-endpoint".into(), "__livereload".into());
    }
    let mut root = toml::Table::new();
    let mut preprocessor = toml::Table::new();
    preprocessor.insert("technical-file".into(), tool.into());
    root.insert("preprocessor".into(), preprocessor.into());
    let mut output = toml::Table::new();
    output.insert("html".into(), html.into());
    root.insert("output".into(), output.into());
    root
}

fn chapter(spec: &ChapterSpec, parents: &[String], children: &mut dyn Iterator<Item = &ChapterSpec>) -> BookItem {
    if spec.draft {
        return BookItem::Chapter(Chapter::new_draft(&spec.name.0, parents.to_vec()));
    }
    let path = CHAPTER_PATHS[usize::from(spec.path) % CHAPTER_PATHS.len()];
    let mut ch = Chapter::new(&spec.name.0, spec.doc.render(), path, parents.to_vec());
    let mut inner = parents.to_vec();
    inner.push(spec.name.0.clone());
    for _ in 0..spec.children % 3 {
        if let Some(child) = children.next() {
            ch.sub_items.push(chapter(child, &inner, &mut std::iter::empty()));
        }
    }
    BookItem::Chapter(ch)
}

fn write(root: &Path, path: &str, bytes: &[u8]) {
    let path = root.join(path);
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let _ = std::fs::write(path, bytes);
}

fn dump(from: &Path, to: &Path, json: &[u8]) {
    fn copy(from: &Path, to: &Path) {
        let _ = std::fs::create_dir_all(to);
        for entry in std::fs::read_dir(from).into_iter().flatten().flatten() {
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy(&entry.path(), &target);
            } else {
                let _ = std::fs::copy(entry.path(), target);
            }
        }
    }
    copy(from, &to.join("root"));
    let _ = std::fs::write(to.join("input.json"), json);
}

fn encode(text: &str, encoding: &Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Bom => [b"\xEF\xBB\xBF", text.as_bytes()].concat(),
        Encoding::Utf16Le => {
            let mut bytes = vec![0xFF, 0xFE];
            for unit in text.encode_utf16() {
                bytes.extend_from_slice(&unit.to_le_bytes());
            }
            bytes
        }
        Encoding::Latin1Byte => {
            let mut bytes = text.as_bytes().to_vec();
            bytes.insert(bytes.len() / 2, 0xE9);
            bytes
        }
    }
}

fuzz_target!(|input: Input| {
    let root = tempfile::tempdir().expect("a temporary folder");
    let dir = root.path();

    // The reports and the files they link to, in the fresh root.
    std::fs::create_dir_all(dir.join("reports/dir.png")).expect("a folder");
    write(dir, "reports/img/a.png", b"\x89PNG\r\n\x1a\n");
    write(dir, "reports/files/b.yml", b"stages: [build]\n");
    for spec in input.reports.iter().take(5) {
        let stem = STEMS[usize::from(spec.stem) % STEMS.len()];
        let name = if stem.contains('.') && !stem.starts_with('.') {
            stem.to_owned()
        } else {
            format!("{stem}.md")
        };
        let text = spec.front.render() + &spec.doc.render();
        write(dir, &format!("reports/{name}"), &encode(&text, &spec.encoding));
    }
    if let Some(referential) = &input.options.referential {
        // Either the embedded one with a change, or generated text.
        let text = if referential.0.len() % 2 == 0 {
            mdbook_technical_file::DEFAULT_REFERENTIAL.replacen("C1.1", &referential.0, 1)
        } else {
            referential.0.clone()
        };
        write(dir, "referential.toml", text.as_bytes());
    }

    // The book as mdBook would send it.
    let Ok(config) = toml::to_string(&book_toml(&input.options))
        .map_err(drop)
        .and_then(|t| t.parse::<Config>().map_err(drop))
    else {
        return;
    };
    let mut book = Book::new();
    let mut chapters = input.chapters.iter().take(10);
    while let Some(spec) = chapters.next() {
        match spec.before % 8 {
            0 => {
                book.push_item(BookItem::Separator);
            }
            1 => {
                book.push_item(BookItem::PartTitle(spec.name.0.clone()));
            }
            _ => {}
        }
        let item = chapter(spec, &[], &mut chapters);
        book.push_item(item);
    }
    let ctx = PreprocessorContext::new(dir.to_path_buf(), config, "html".into());
    let json = serde_json::to_vec(&(&ctx, &book)).expect("the input serializes");

    if let Some(to) = std::env::var_os("FUZZ_BOOK_DUMP") {
        // `FUZZ_BOOK_DUMP=DIR cargo fuzz run preprocessor_book INPUT`
        // writes the case as tests/fuzz-regressions/preprocessor_book
        // holds it: the book root's files and `input.json`.
        dump(dir, Path::new(&to), &json);
    }
    checks::book(&json, dir);
});
