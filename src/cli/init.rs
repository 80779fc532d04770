//! `init [DIR]`: a complete technical-file book, ready to write in and to
//! publish. What a new book needs is made here as (path, content) pairs
//! from the referential (pure); writing them never overwrites a file: in a
//! folder that already holds a book, what exists is kept byte for byte and
//! said so.

use crate::cli::{commands, scaffold};
use crate::lang::{Catalogue, Lang};
use crate::referential::Referential;
use crate::syntax::frontmatter::Date;
use crate::text::kebab_case;
use anyhow::Context;
use std::path::Path;

/// The name of the first report `init` writes, in the book's language.
pub fn first_report(words: &Catalogue) -> String {
    words.text("init-first-report")
}

/// The Pages workflow of a new book: installs mdBook and the tool, checks,
/// builds and publishes.
const PAGES_WORKFLOW: &str = include_str!("../assets/pages.yml");

/// The files of a new technical file, by path relative to its root, in
/// the language of `words` (its chapters, guidance and book.toml comments).
pub fn files(
    title: &str,
    author: &str,
    curriculum: &Curriculum,
    words: &Catalogue,
    today: Date,
) -> Vec<(String, String)> {
    let referential = curriculum.referential.in_language(words.lang());
    let referential_file = &curriculum.file;
    let comment = |id: &str| format!("<!-- {} -->", words.text(id));
    let mut files = vec![
        (
            "book.toml".to_owned(),
            book_toml(
                title,
                author,
                words,
                referential_file.as_ref().map(|(name, _)| name.as_str()),
            ),
        ),
        (
            "words.txt".to_owned(),
            format!("# {}\n", words.text("init-words")),
        ),
        (".gitignore".to_owned(), "target/\n".to_owned()),
        (
            ".github/workflows/pages.yml".to_owned(),
            PAGES_WORKFLOW.to_owned(),
        ),
        (
            "book/introduction.md".to_owned(),
            format!(
                "# {}\n\n{}\n",
                words.text("init-introduction"),
                comment("init-introduction-guidance")
            ),
        ),
        (
            "book/conclusion.md".to_owned(),
            format!(
                "# {}\n\n{}\n",
                words.text("init-conclusion"),
                comment("init-conclusion-guidance")
            ),
        ),
        (
            "book/reports.md".to_owned(),
            format!(
                "# {}\n\n{}\n",
                words.text("init-reports"),
                words.text("init-reports-text")
            ),
        ),
        (
            format!("reports/{}.md", first_report(words)),
            scaffold::report_template(&first_report(words), today, &referential, words),
        ),
    ];
    let mut summary = format!(
        "# {}\n\n[{}](introduction.md)\n\n# {}\n\n",
        words.text("init-summary"),
        words.text("init-introduction"),
        words.text("init-part-technical-file")
    );
    for (n, block) in referential.blocks.iter().enumerate() {
        let title_words: Vec<&str> = block.title.split_whitespace().take(4).collect();
        let path = format!("block-{}-{}.md", n + 1, kebab_case(&title_words.join(" ")));
        let heading = words.format(
            "init-block",
            &[
                ("number", (n + 1).into()),
                ("title", block.title.as_str().into()),
            ],
        );
        summary.push_str(&format!("- [{heading}]({path})\n"));
        let mut chapter = format!("# {heading}\n");
        for skill in block.skills() {
            let skill = &referential.skills[skill];
            let directive = format!("{{{{#skill-evidence {}}}}}", skill.id);
            let evidence = words.format("init-skill-evidence", &[("directive", directive.into())]);
            chapter.push_str(&format!(
                "\n## {} {}\n\n{}\n\n{evidence}\n",
                skill.id,
                skill.title,
                comment("init-skill-guidance"),
            ));
        }
        files.push((format!("book/{path}"), chapter));
    }
    summary.push_str(&format!(
        "- [{}](conclusion.md)\n\n# {}\n\n- [{}](reports.md)\n",
        words.text("init-conclusion"),
        words.text("init-part-evidence"),
        words.text("init-reports")
    ));
    files.push(("book/SUMMARY.md".to_owned(), summary));
    if let Some((name, text)) = referential_file {
        files.push((name.clone(), text.clone()));
    }
    files
}

/// The skills a new book is made for: the embedded referential, or one
/// read from a file (`--referential`), copied into the book as it was.
pub struct Curriculum {
    pub referential: Referential,
    /// The copy's name in the book and its text, for a referential file.
    pub file: Option<(String, String)>,
}

impl Curriculum {
    pub fn embedded() -> Curriculum {
        Curriculum {
            referential: Referential::embedded(),
            file: None,
        }
    }

    /// Reads and checks a referential file: its problems, rendered like
    /// `check`'s, are the error.
    pub fn from_file(path: &Path) -> anyhow::Result<Curriculum> {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let text = crate::text::source::decode(&bytes).text;
        let shown = path.display().to_string();
        let source = crate::text::source::SourceFile::new(shown.as_str(), text.clone());
        match Referential::parse(&source) {
            Ok((referential, warnings)) => {
                for warning in warnings {
                    eprintln!("{}", warning.render_human(false));
                }
                Ok(Curriculum {
                    referential,
                    file: Some((REFERENTIAL_FILE.to_owned(), text)),
                })
            }
            Err(errors) => {
                let shown: Vec<String> = errors.iter().map(|e| e.render_human(false)).collect();
                anyhow::bail!(
                    "{} is not a usable referential:\n{}",
                    path.display(),
                    shown.join("\n")
                )
            }
        }
    }
}

/// The language of a new book: `--lang`, else the `language` of the
/// book.toml already in `dir`, else English. A tag the tool does not
/// support is an error that names the supported ones.
pub fn language(dir: &Path, chosen: Option<&str>) -> anyhow::Result<Lang> {
    let existing = std::fs::read_to_string(dir.join("book.toml"))
        .ok()
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|t| t.get("book")?.get("language")?.as_str().map(str::to_owned));
    match chosen.or(existing.as_deref()) {
        None => Ok(Lang::En),
        Some(tag) => Lang::from_tag(tag).map_err(|unsupported| {
            let supported: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            anyhow::anyhow!(
                "`{}` is not a language the tool supports (supported: {})",
                unsupported.0,
                supported.join(", ")
            )
        }),
    }
}

/// Asks a question on the terminal; the answer, or `default` for an
/// empty one (or none: end of input).
pub fn ask(question: &str, default: &str) -> String {
    use std::io::{BufRead, Write};
    eprint!("{question} [{default}]: ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    let answer = answer.trim();
    if answer.is_empty() {
        default.to_owned()
    } else {
        answer.to_owned()
    }
}

/// Where `init --referential` copies the referential in the new book.
pub const REFERENTIAL_FILE: &str = "referential.toml";

fn book_toml(title: &str, author: &str, words: &Catalogue, referential: Option<&str>) -> String {
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let comment = |id: &str| format!("# {}\n", words.text(id));
    let referential = referential.map_or_else(String::new, |file| {
        format!(
            "{}referential = {}\n",
            comment("init-toml-referential"),
            quote(file)
        )
    });
    format!(
        "[book]\ntitle = {}\nauthors = [{}]\nlanguage = \"{}\"\nsrc = \"book\"\n\n[build]\n{}build-dir = \"target/book\"\n{}extra-watch-dirs = [\"reports\"]\n\n[preprocessor.technical-file]\n{}{}before = [\"links\"]\n{referential}dictionary = \"words.txt\"\n{}{}# jury-grid = true\n\n[output.html]\nadditional-css = [\"technical-file.css\"]\n",
        quote(title),
        quote(author),
        words.lang().code(),
        comment("init-toml-build-dir"),
        comment("init-toml-watch"),
        comment("init-toml-before-links"),
        comment("init-toml-before-links-2"),
        comment("init-toml-jury"),
        comment("init-toml-jury-2"),
    )
}

/// Writes a new technical file in `dir` (made if missing), never
/// overwriting; returns what was done (a line each) and the files kept.
pub fn init(
    dir: &Path,
    title: &str,
    author: &str,
    curriculum: &Curriculum,
    words: &Catalogue,
) -> anyhow::Result<(Vec<String>, Vec<String>)> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = Vec::new();
    let mut kept = Vec::new();
    // In an existing book, the chapters go to its own source folder.
    let source = std::fs::read_to_string(dir.join("book.toml"))
        .ok()
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|t| t.get("book")?.get("src")?.as_str().map(str::to_owned));
    let source = source.unwrap_or_else(|| "book".to_owned());
    for (path, content) in files(title, author, curriculum, words, scaffold::today()) {
        let path = match path.strip_prefix("book/") {
            Some(chapter) => format!("{}/{chapter}", source.trim_end_matches('/')),
            None => path,
        };
        let target = dir.join(&path);
        if target.exists() {
            kept.push(path);
            continue;
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&target, content)
            .with_context(|| format!("cannot write {}", target.display()))?;
        written.push(format!("wrote {path}"));
    }
    if let Some((name, _)) = &curriculum.file
        && kept.iter().any(|k| k == "book.toml")
    {
        written.push(format!(
            "note: book.toml was kept: add `referential = \"{name}\"` under [preprocessor.technical-file] to use {name}"
        ));
    }
    // An existing book.toml gets the preprocessor's settings (comments kept),
    // and the stylesheet is written if missing: what `install` does.
    written.extend(commands::install(dir)?);
    Ok((written, kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_book_has_a_chapter_per_block_with_every_skill_and_its_evidence() {
        let curriculum = Curriculum::embedded();
        let referential = &curriculum.referential;
        let files = files(
            "Technical file — Ana",
            "Ana \"Dev\" Silva",
            &curriculum,
            Lang::En.catalogue(),
            Date::parse("2026-12-01").unwrap(),
        );
        let summary = &files
            .iter()
            .find(|(p, _)| p == "book/SUMMARY.md")
            .unwrap()
            .1;
        assert_eq!(
            summary.matches("- [Block ").count(),
            referential.blocks.len()
        );
        let evidence: usize = files
            .iter()
            .map(|(_, c)| c.matches("{{#skill-evidence ").count())
            .sum();
        assert_eq!(evidence, referential.skills.len());
        let toml = &files.iter().find(|(p, _)| p == "book.toml").unwrap().1;
        let parsed: toml::Table = toml.parse().unwrap();
        assert_eq!(
            parsed["book"]["authors"][0].as_str(),
            Some("Ana \"Dev\" Silva")
        );
        assert!(files.iter().any(|(p, _)| p == "reports/first-project.md"));
    }
}
