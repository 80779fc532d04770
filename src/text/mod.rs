//! The bottom layer: text utilities that know nothing of books, reports or
//! skills. Decoding and positions (`source`), paths between pages
//! (`paths`), edits at byte offsets (`splice`), escaped HTML (`html`),
//! work on every core (`parallel`), and the few word helpers below.
//!
//! Nothing here imports another module of the crate.

pub mod html;
pub mod index;
pub mod parallel;
pub mod paths;
pub mod source;
pub mod splice;

use std::path::Path;

/// `""` for one, `"s"` otherwise: `format!("{n} report{}", plural(n))`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `n` and a noun that takes an `s` in the plural: `counted(2, "report")` is
/// "2 reports".
pub fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", plural(n))
}

/// A path as a string with `/` separators, as the book names its files on
/// every platform.
pub fn slash(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Whether a name is lower-case words of ASCII letters and digits joined by
/// single `-`: the brief's `project-name.md`.
pub fn is_kebab_case(name: &str) -> bool {
    !name.is_empty()
        && name.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// `My Report_v2` → `my-report-v2`, accents folded (`Déploiement` →
/// `deploiement`).
pub fn kebab_case(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// A Latin letter without its accent (French first), for file names.
fn fold_accent(c: char) -> Vec<char> {
    let folded = match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => "i",
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
        'ç' | 'Ç' => "c",
        'ñ' | 'Ñ' => "n",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        _ => return vec![c],
    };
    folded.chars().collect()
}

/// `terraform-aws_landing` → "Terraform aws landing": a file stem read as
/// a title.
pub fn readable_stem(stem: &str) -> String {
    let spaced: String = stem
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect();
    let spaced = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => stem.to_owned(),
    }
}

/// Bytes in lower-case hexadecimal (digests in file names and keys).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_kebab_case("gitlab-ci-2"));
        assert!(!is_kebab_case("My Report"));
        assert!(!is_kebab_case("a--b"));
        assert_eq!(kebab_case("My Report_v2"), "my-report-v2");
        assert_eq!(kebab_case("Déploiement Œuvre"), "deploiement-oeuvre");
        assert_eq!(
            readable_stem("terraform-aws_landing"),
            "Terraform aws landing"
        );
    }

    #[test]
    fn plurals_and_paths() {
        assert_eq!(counted(1, "report"), "1 report");
        assert_eq!(counted(0, "warning"), "0 warnings");
        assert_eq!(slash(Path::new("a/b.md")), "a/b.md");
    }
}
