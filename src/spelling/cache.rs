//! Spelling results kept on disk, by content.
//!
//! Harper costs about 0.1–0.2 s per 10 KB of text, so results are cached:
//! one small JSON file per checked text, named by its key (see
//! [`super::key`]). The folder is never in the book, so `mdbook serve`
//! neither wipes nor watches it. Entries are written atomically (a
//! temporary file renamed); an unreadable or corrupt entry is recomputed;
//! a folder that cannot be created or written means running uncached,
//! never a failed build.

use super::{Finding, FindingKind, Store};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The name of the cache folder under the user's cache directory.
const CACHE_FOLDER: &str = "mdbook-technical-file";

/// The cache folder named by the environment: `$MDBOOK_TECHNICAL_FILE_CACHE`,
/// else `$XDG_CACHE_HOME/mdbook-technical-file`, else
/// `$HOME/.cache/mdbook-technical-file` (`%LOCALAPPDATA%` on Windows).
/// It is not created here.
pub fn dir_from_env() -> Option<PathBuf> {
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

/// A folder of cache entries.
#[derive(Debug, Clone)]
pub struct DiskCache {
    dir: PathBuf,
}

/// One entry: the key it was stored under (checked on reading) and the
/// findings.
#[derive(Serialize, Deserialize)]
struct Entry {
    key: String,
    findings: Vec<Stored>,
}

/// A finding as stored.
#[derive(Serialize, Deserialize)]
struct Stored {
    start: usize,
    end: usize,
    code: FindingKind,
    message: String,
    suggestion: Option<String>,
}

impl From<Stored> for Finding {
    fn from(s: Stored) -> Finding {
        Finding {
            range: s.start..s.end,
            kind: s.code,
            message: s.message,
            suggestion: s.suggestion,
        }
    }
}

impl From<&Finding> for Stored {
    fn from(f: &Finding) -> Stored {
        Stored {
            start: f.range.start,
            end: f.range.end,
            code: f.kind,
            message: f.message.clone(),
            suggestion: f.suggestion.clone(),
        }
    }
}

impl DiskCache {
    /// The cache in `dir`, created if needed; `None` if it cannot be.
    pub fn open(dir: &Path) -> Option<DiskCache> {
        std::fs::create_dir_all(dir).ok()?;
        Some(DiskCache {
            dir: dir.to_path_buf(),
        })
    }

    fn entry_path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }
}

impl Store for DiskCache {
    /// A cached result, if there is a sound one for this key and text.
    fn get(&self, key: &str, text: &str) -> Option<Vec<Finding>> {
        let bytes = std::fs::read(self.entry_path(key)).ok()?;
        let entry: Entry = serde_json::from_slice(&bytes).ok()?;
        let sound = entry.key == key
            && entry
                .findings
                .iter()
                .all(|f| f.start <= f.end && text.get(f.start..f.end).is_some());
        sound.then(|| entry.findings.into_iter().map(Finding::from).collect())
    }

    /// Stores a result atomically; any failure just leaves no entry.
    fn put(&self, key: &str, findings: &[Finding]) {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let entry = Entry {
            key: key.to_owned(),
            findings: findings.iter().map(Stored::from).collect(),
        };
        let Ok(json) = serde_json::to_string(&entry) else {
            return;
        };
        let temp = self.dir.join(format!(
            ".{key}.{}.{}.tmp",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let written =
            std::fs::write(&temp, json).and_then(|()| std::fs::rename(&temp, self.entry_path(key)));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
    }
}
