//! Reading from disk: the reports folder, the referential file, the word
//! list and the files reports link to. Nothing here writes.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::markdown::Flavor;
use crate::page::{Asset, Assets, MAX_ASSET};
use crate::referential::Referential;
use crate::report::Report;
use crate::source::{Decoded, SourceFile, decode, decode_owned};
use std::path::{Path, PathBuf};

/// A report file found in the reports folder.
#[derive(Debug, Clone)]
pub struct ReportFile {
    /// Path relative to the book root, with `/` separators.
    pub path: String,
    pub stem: String,
    pub absolute: PathBuf,
}

/// Lists the `*.md` files directly in the reports folder, sorted by name.
/// Hidden files and editor backups are skipped. Problems with the folder
/// are diagnostics, never a failure: a book without reports still builds.
pub fn list_reports(root: &Path, config: &Config) -> (Vec<ReportFile>, Vec<Diagnostic>) {
    let folder = config.reports.trim_end_matches('/');
    let dir = root.join(folder);
    let mut diagnostics = Vec::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) => {
            let d = if dir.is_file() {
                Diagnostic::error(
                    "reports-folder",
                    folder,
                    format!("`{folder}` is a file, but the reports folder must be a folder of Markdown files"),
                )
                .with_suggestion("set `reports = \"...\"` in [preprocessor.technical-file] to the folder of your reports")
            } else if error.kind() == std::io::ErrorKind::NotFound {
                Diagnostic::warning(
                    "reports-folder",
                    folder,
                    format!(
                        "the reports folder `{folder}` does not exist, so the book has no report"
                    ),
                )
                .with_suggestion(
                    "create a first report with `mdbook-technical-file new <project-name>`",
                )
            } else {
                Diagnostic::error(
                    "reports-folder",
                    folder,
                    format!("the reports folder `{folder}` cannot be read: {error}"),
                )
            };
            diagnostics.push(d);
            return (Vec::new(), diagnostics);
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        let Ok(entry) = entry else {
            continue;
        };
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            diagnostics.push(
                Diagnostic::warning(
                    "report-name",
                    format!("{folder}/{}", name.to_string_lossy()),
                    "this file name is not valid Unicode, so the file is skipped",
                )
                .with_suggestion("rename it with plain letters, digits and `-`"),
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
        files.push(ReportFile {
            path: format!("{folder}/{name}"),
            stem: stem.to_owned(),
            absolute,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    (files, diagnostics)
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

/// Reads and parses reports, on every core. A file that cannot be read
/// becomes an empty report carrying the error, so its page still exists
/// and says what is wrong.
pub fn read_reports(
    files: &[ReportFile],
    referential: &Referential,
    flavor: Flavor,
) -> Vec<Report> {
    let read_one = |file: &ReportFile| -> Report {
        match read_with_room(&file.absolute) {
            Ok(bytes) => Report::parse(
                &file.path,
                &file.stem,
                decode_owned(bytes),
                referential,
                flavor,
            ),
            Err(error) => {
                let mut report = Report::parse(
                    &file.path,
                    &file.stem,
                    Decoded {
                        text: String::new(),
                        had_bom: false,
                        note: None,
                    },
                    referential,
                    flavor,
                );
                report.diagnostics.push(
                    Diagnostic::error(
                        "unreadable-report",
                        file.path.as_str(),
                        format!("the report cannot be read: {error}"),
                    )
                    .with_suggestion(
                        "check the file's permissions, or remove it from the reports folder",
                    ),
                );
                report
            }
        }
    };
    crate::parallel::map(files, read_one)
}

/// The referential named by the configuration, or the embedded one.
pub fn read_referential(
    root: &Path,
    config: &Config,
) -> Result<(Referential, Vec<Diagnostic>), Vec<Diagnostic>> {
    let Some(path) = &config.referential else {
        return Ok((Referential::embedded(), Vec::new()));
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
    let decoded = decode(&bytes);
    Referential::parse(&SourceFile::new(path.as_str(), decoded.text))
}

/// Reads the files reports link to (paths relative to the book root).
/// Paths that leave the book root are not read.
pub fn read_assets(root: &Path, requests: impl IntoIterator<Item = String>) -> Assets {
    let mut assets = Assets::new();
    for path in requests {
        if path.starts_with("..") || assets.contains_key(&path) {
            continue;
        }
        let absolute = root.join(&path);
        let asset = match std::fs::metadata(&absolute) {
            Ok(meta) if meta.is_dir() => Asset::Unreadable("it is a folder".to_owned()),
            Ok(meta) if meta.len() > MAX_ASSET as u64 => Asset::TooLarge(meta.len()),
            Ok(_) => match std::fs::read(&absolute) {
                Ok(bytes) => Asset::Bytes(bytes),
                Err(e) => Asset::Unreadable(e.to_string()),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Asset::Unreadable("no such file".to_owned())
            }
            Err(e) => Asset::Unreadable(e.to_string()),
        };
        assets.insert(path, asset);
    }
    assets
}
