//! Reading from disk: `book.toml`, the reports folder, the referential
//! file, the word list and the files reports link to. Nothing here writes.

use crate::book::confine::BookRoot;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Locate, Said};
use crate::model::assets::{Asset, Assets, MAX_ASSET, Reach};
use crate::pipeline::ReportInput;
use crate::referential::Referential;
use crate::text::source::{SourceFile, decode, decode_owned};
use anyhow::Context;
use mdbook_preprocessor::config::Config as BookConfig;
use std::path::{Path, PathBuf};

/// `book.toml` as mdBook reads it, with `MDBOOK_*` variables applied; the
/// defaults when there is none.
pub fn book_config(dir: &Path) -> anyhow::Result<BookConfig> {
    let toml = dir.join("book.toml");
    let mut config = if toml.exists() {
        BookConfig::from_disk(&toml).with_context(|| format!("cannot read {}", toml.display()))?
    } else {
        BookConfig::default()
    };
    config
        .update_from_env()
        .context("cannot apply MDBOOK_* environment variables")?;
    Ok(config)
}

/// The one way this tool loads a book with mdBook (every command, `pdf`,
/// the language server): mdBook's own reading of SUMMARY.md, but a chapter
/// it lists and lacks is loaded as a draft (not read, not numbered) rather
/// than created: mdBook's default `create-missing = true` would write into
/// the book's sources. [`missing_chapters`] says which, as warnings.
pub fn load_book(dir: &Path) -> anyhow::Result<mdbook_driver::MDBook> {
    load_book_with(dir, book_config(dir)?)
}

/// [`load_book`] with a configuration the caller changed (`pdf` builds
/// into its own folder with its own outputs).
pub fn load_book_with(dir: &Path, mut config: BookConfig) -> anyhow::Result<mdbook_driver::MDBook> {
    config.build.create_missing = false;
    let source = dir.join(&config.book.src);
    let loaded = match summary(&source) {
        // mdBook says what is wrong with a book without a readable summary.
        None => mdbook_driver::MDBook::load_with_config(dir, config),
        Some((_, mut summary)) => {
            for_each_missing(&source, &mut summary, &mut |link| link.location = None);
            mdbook_driver::MDBook::load_with_config_and_summary(dir, config, summary)
        }
    };
    loaded.with_context(|| format!("cannot load the book in {}", dir.display()))
}

/// SUMMARY.md's text and mdBook's reading of it, when there is one.
fn summary(source: &Path) -> Option<(String, mdbook_summary::Summary)> {
    let text = std::fs::read_to_string(source.join("SUMMARY.md")).ok()?;
    let summary = mdbook_summary::parse_summary(&text).ok()?;
    Some((text, summary))
}

/// The chapters SUMMARY.md lists whose files do not exist: a warning each,
/// at its line, that says how to make it a draft on purpose.
pub fn missing_chapters(dir: &Path, config: &BookConfig) -> Vec<Diagnostic> {
    let source = dir.join(&config.book.src);
    let Some((text, mut summary)) = summary(&source) else {
        return Vec::new();
    };
    let shown = crate::text::slash(&config.book.src.join("SUMMARY.md"));
    let file = SourceFile::new(shown.as_str(), text.clone());
    let mut found = Vec::new();
    for_each_missing(&source, &mut summary, &mut |link| {
        let Some(location) = &link.location else {
            return;
        };
        let written = crate::text::slash(location);
        let at = text
            .find(&format!("]({written})"))
            .map_or(0..0, |i| i + 2..i + 2 + written.len());
        found.push(
            file.warning(
                "missing-chapter",
                at,
                Said::new("missing-chapter").arg("path", written.as_str()),
            )
            .with_suggestion(Said::new("missing-chapter-help").arg("name", link.name.as_str())),
        );
    });
    found
}

/// Calls `f` on each chapter link of `summary` whose file is missing.
fn for_each_missing(
    source: &Path,
    summary: &mut mdbook_summary::Summary,
    f: &mut impl FnMut(&mut mdbook_summary::Link),
) {
    fn walk(
        source: &Path,
        items: &mut [mdbook_summary::SummaryItem],
        f: &mut impl FnMut(&mut mdbook_summary::Link),
    ) {
        for item in items {
            if let mdbook_summary::SummaryItem::Link(link) = item {
                if link
                    .location
                    .as_ref()
                    .is_some_and(|l| !source.join(l).is_file())
                {
                    f(link);
                }
                walk(source, &mut link.nested_items, f);
            }
        }
    }
    walk(source, &mut summary.prefix_chapters, f);
    walk(source, &mut summary.numbered_chapters, f);
    walk(source, &mut summary.suffix_chapters, f);
}

/// A report file found in the reports folder.
#[derive(Debug, Clone)]
pub struct ReportFile {
    /// Path relative to the book root, with `/` separators.
    pub path: String,
    pub stem: String,
    pub absolute: PathBuf,
    /// Why it is not read, when it leads out of the reports folder.
    pub refused: Option<String>,
}

/// Lists the `*.md` files directly in the reports folder, sorted by name.
/// Hidden files and editor backups are skipped. Problems with the folder
/// are diagnostics, never a failure: a book without reports still builds.
pub fn list_reports(root: &Path, config: &Config) -> (Vec<ReportFile>, Vec<Diagnostic>) {
    let folder = config.reports.trim_end_matches('/');
    let dir = root.join(folder);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) => return (Vec::new(), vec![folder_problem(&dir, folder, &error)]),
    };
    let mut diagnostics = Vec::new();
    let mut files = Vec::new();
    let confined = BookRoot::new(&dir);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            diagnostics.push(
                Diagnostic::warning(
                    "report-name",
                    format!("{folder}/{}", name.to_string_lossy()),
                    Said::new("report-name-unicode"),
                )
                .with_suggestion(Said::new("report-name-unicode-help")),
            );
            continue;
        };
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        let Some(stem) = name
            .strip_suffix(".md")
            .or_else(|| name.strip_suffix(".MD"))
            .or_else(|| name.strip_suffix(".Md"))
        else {
            continue;
        };
        let absolute = entry.path();
        if absolute.is_dir() {
            continue;
        }
        // A report that is a symbolic link out of the folder is not read.
        let refused = match confined.reach(name) {
            Reach::Outside(real) => Some(format!(
                "it is a symbolic link out of the reports folder, to `{real}`; it is not read"
            )),
            _ => None,
        };
        files.push(ReportFile {
            path: format!("{folder}/{name}"),
            stem: stem.to_owned(),
            absolute,
            refused,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    (files, diagnostics)
}

/// Why the reports folder gives no report.
fn folder_problem(dir: &Path, folder: &str, error: &std::io::Error) -> Diagnostic {
    if dir.is_file() {
        Diagnostic::error(
            "reports-folder",
            folder,
            Said::new("reports-folder-file").arg("folder", folder),
        )
        .with_suggestion(Said::new("reports-folder-file-help"))
    } else if error.kind() == std::io::ErrorKind::NotFound {
        Diagnostic::warning(
            "reports-folder",
            folder,
            Said::new("reports-folder-missing").arg("folder", folder),
        )
        .with_suggestion(Said::new("reports-folder-missing-help"))
    } else {
        Diagnostic::error(
            "reports-folder",
            folder,
            Said::new("reports-folder-unreadable")
                .arg("folder", folder)
                .arg("error", error.to_string()),
        )
    }
}

/// Reads a file into a buffer with room for the page it will become (the
/// header box, badges and related reports are spliced in place).
fn read_with_room(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let size = file.metadata().map_or(0, |m| m.len() as usize);
    let mut bytes = Vec::with_capacity(size + size / 32 + 3072);
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads and decodes reports, on every core.
pub fn read_reports(files: &[ReportFile]) -> Vec<ReportInput> {
    crate::text::parallel::map(files, |file| ReportInput {
        path: file.path.clone(),
        stem: file.stem.clone(),
        content: match &file.refused {
            Some(why) => Err(why.clone()),
            None => read_with_room(&file.absolute)
                .map(decode_owned)
                .map_err(|e| e.to_string()),
        },
    })
}

/// The referential named by the configuration, or the embedded one, in the
/// book's language (its own words where it has none in that language).
pub fn read_referential(
    root: &Path,
    config: &Config,
) -> Result<(Referential, Vec<Diagnostic>), Vec<Diagnostic>> {
    let lang = config.language.unwrap_or_default();
    let Some(path) = &config.referential else {
        return Ok((Referential::embedded().in_language(lang), Vec::new()));
    };
    let bytes = std::fs::read(root.join(path)).map_err(|error| {
        vec![
            Diagnostic::error(
                "referential-file",
                path.as_str(),
                format!("the referential file cannot be read: {error}"),
            )
            .with_suggestion(
                "check `referential` in [preprocessor.technical-file], relative to the book root",
            ),
        ]
    })?;
    Referential::parse(&SourceFile::new(path.as_str(), decode(&bytes).text))
        .map(|(referential, warnings)| (referential.in_language(lang), warnings))
}

/// The project word list named by `dictionary`, or the warning that says
/// why it cannot be used.
pub fn read_word_list(root: &Path, path: &str) -> Result<Vec<String>, Box<Diagnostic>> {
    match std::fs::read(root.join(path)) {
        Ok(bytes) => Ok(crate::spelling::parse_word_list(&decode(&bytes).text)),
        Err(error) => Err(Box::new(
            Diagnostic::warning(
                "spelling",
                path,
                Said::new("word-list-unreadable").arg("error", error.to_string()),
            )
            .with_suggestion(Said::new("word-list-unreadable-help")),
        )),
    }
}

/// Reads the files reports link to (paths relative to the book root).
/// Files whose real path is outside the book root are not read.
pub fn read_assets(book: &BookRoot, requests: impl IntoIterator<Item = String>) -> Assets {
    let mut assets = Assets::new();
    for path in requests {
        if assets.contains_key(&path) {
            continue;
        }
        let asset = match book.reach(&path) {
            Reach::Inside(real) => read_asset(Path::new(&real)),
            Reach::Outside(real) => Asset::Outside(real),
            Reach::Unreadable(why) => Asset::Unreadable(why),
        };
        assets.insert(path, asset);
    }
    assets
}

/// A file whose real path is inside the book.
fn read_asset(real: &Path) -> Asset {
    match std::fs::metadata(real) {
        Ok(meta) if meta.is_dir() => Asset::Unreadable("it is a folder".to_owned()),
        Ok(meta) if meta.len() > MAX_ASSET as u64 => Asset::TooLarge(meta.len()),
        Ok(_) => match std::fs::read(real) {
            Ok(bytes) => Asset::Bytes(bytes),
            Err(e) => Asset::Unreadable(e.to_string()),
        },
        Err(e) => Asset::Unreadable(e.to_string()),
    }
}
