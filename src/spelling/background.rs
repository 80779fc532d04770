//! Spelling under `mdbook serve`: what the cache lacks is linted by a
//! process of its own, so a save never waits for harper (about a second to
//! start alone). Once it has filled the cache, that process stays up as the
//! warm lint service (`service`), which answers the next saves at once.

use std::path::Path;

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
    let lock = lock_path(cache_dir, &root);
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

/// The lock of the book's background process: there from its start until
/// its lint service answers (see `service::serve`).
pub fn lock_path(cache_dir: &Path, root: &Path) -> std::path::PathBuf {
    cache_dir.join(format!("pending-{}.lock", book_digest(root)))
}

/// A short digest of a book's root folder, naming its files in the cache
/// folder (the background lock, the lint service's socket).
pub fn book_digest(root: &Path) -> String {
    use sha2::Digest;
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let hash = sha2::Sha256::digest(root.to_string_lossy().as_bytes());
    crate::text::hex(&hash[..8])
}
