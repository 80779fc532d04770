//! One rule for every file the tool reads on behalf of a report (the files
//! its pages embed, the files its `{{#include}}`s pull in): the file's real
//! path, with every symbolic link and `..` resolved, must be inside the
//! book's root folder. Symbolic links inside the book stay fine; a link
//! that leads out of it, a loop or a dangling link is refused with what it
//! really is. (The dictionary and referential named in book.toml are the
//! owner's configuration and may be anywhere.)

use crate::model::assets::Reach;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// The book's root folder, as a real path.
#[derive(Debug, Clone)]
pub struct BookRoot {
    real: PathBuf,
}

impl BookRoot {
    pub fn new(root: &Path) -> BookRoot {
        let real = std::fs::canonicalize(root)
            .or_else(|_| std::path::absolute(root))
            .unwrap_or_else(|_| root.to_path_buf());
        BookRoot { real }
    }

    /// Where `relative` (to the book root, `/` separators) really leads.
    pub fn reach(&self, relative: &str) -> Reach {
        let written = self.real.join(relative);
        match std::fs::canonicalize(&written) {
            Ok(real) if self.contains(&real) => Reach::Inside(real.display().to_string()),
            Ok(real) => Reach::Outside(self.show(&real)),
            // Written to leave the book: outside, whether it exists or not.
            Err(_) if relative == ".." || relative.starts_with("../") => {
                Reach::Outside(self.show(&written))
            }
            Err(error) => Reach::Unreadable(describe(&written, &error)),
        }
    }

    /// Where an included file really leads, if it can be read: mdBook
    /// reads it later, and a failure there would leave the directive (and
    /// its path) in the page.
    pub fn reach_readable(&self, relative: &str) -> Reach {
        match self.reach(relative) {
            Reach::Inside(real) => match std::fs::File::open(&real) {
                Ok(file) if file.metadata().is_ok_and(|m| m.is_file()) => Reach::Inside(real),
                Ok(_) => Reach::Unreadable("it is not a file".to_owned()),
                Err(error) => Reach::Unreadable(error.to_string()),
            },
            other => other,
        }
    }

    /// A path outside the book as diagnostics (which pages may show) name
    /// it: relative to the book root when they share a folder, so the
    /// author's own folders are never spelled out (`../.ssh/id_ed25519`),
    /// absolute when they share only the file system's root (`/etc/passwd`).
    fn show(&self, outside: &Path) -> String {
        let book: Vec<_> = self.real.components().collect();
        let target: Vec<_> = outside.components().collect();
        let common = book.iter().zip(&target).take_while(|(a, b)| a == b).count();
        if common <= 1 {
            return outside.display().to_string();
        }
        let mut shown: Vec<String> = vec!["..".to_owned(); book.len() - common];
        shown.extend(
            target[common..]
                .iter()
                .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        );
        shown.join("/")
    }

    fn contains(&self, real: &Path) -> bool {
        if cfg!(any(target_os = "macos", windows)) {
            // Case-insensitive by default: compare without case.
            let lower = |p: &Path| p.to_string_lossy().to_lowercase();
            Path::new(&lower(real)).starts_with(lower(&self.real))
        } else {
            real.starts_with(&self.real)
        }
    }
}

/// Why a path cannot be resolved, in words.
fn describe(written: &Path, error: &std::io::Error) -> String {
    let is_link = std::fs::symlink_metadata(written).is_ok_and(|m| m.file_type().is_symlink());
    match error.kind() {
        ErrorKind::NotFound if is_link => "it is a symbolic link to nothing".to_owned(),
        ErrorKind::NotFound => "no such file".to_owned(),
        _ if error.raw_os_error() == Some(40) || error.to_string().contains("symbolic links") => {
            "it is a loop of symbolic links".to_owned()
        }
        _ => error.to_string(),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_inside_stay_fine_links_out_loops_and_dangling_links_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "s").unwrap();
        let book = tempfile::tempdir().unwrap();
        let root = book.path();
        std::fs::create_dir_all(root.join("reports/img")).unwrap();
        std::fs::write(root.join("reports/img/a.png"), "png").unwrap();
        let link = |target: &Path, name: &str| {
            std::os::unix::fs::symlink(target, root.join(name)).unwrap();
        };
        link(&root.join("reports/img"), "reports/pictures");
        link(outside.path(), "reports/out");
        link(&root.join("reports/loop"), "reports/loop");
        link(&root.join("nowhere"), "reports/dangling");
        let book = BookRoot::new(root);
        let inside = Reach::Inside(
            std::fs::canonicalize(root.join("reports/img/a.png"))
                .unwrap()
                .display()
                .to_string(),
        );
        assert_eq!(book.reach("reports/img/a.png"), inside);
        assert_eq!(book.reach("reports/pictures/a.png"), inside);
        assert_eq!(book.reach("reports/../reports/img/a.png"), inside);
        assert_eq!(
            book.reach_readable("reports/img"),
            Reach::Unreadable("it is not a file".into())
        );
        // Shown relative to the book when they share a folder (here /tmp).
        let name = outside.path().file_name().unwrap().to_string_lossy();
        assert_eq!(
            book.reach("reports/out/secret"),
            Reach::Outside(format!("../{name}/secret"))
        );
        assert_eq!(
            book.show(Path::new("/etc/passwd")),
            "/etc/passwd",
            "nothing in common but the root: absolute"
        );
        assert!(matches!(book.reach("../x"), Reach::Outside(_)));
        assert_eq!(
            book.reach("reports/loop"),
            Reach::Unreadable("it is a loop of symbolic links".into())
        );
        assert_eq!(
            book.reach("reports/dangling"),
            Reach::Unreadable("it is a symbolic link to nothing".into())
        );
        assert_eq!(
            book.reach("reports/none.png"),
            Reach::Unreadable("no such file".into())
        );
    }
}
