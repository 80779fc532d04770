//! Paths inside the book: resolving links written in reports and writing
//! relative links between pages. Pure string work on `/`-separated paths.

/// A link to a place in the book: a path (empty for the same page) and an
/// optional `#anchor`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub path: String,
    pub anchor: Option<String>,
}

/// The local target of a link destination, or `None` for external links
/// (with a scheme such as `https:` or `mailto:`) and site-absolute paths.
pub fn local_target(dest: &str) -> Option<Target> {
    let dest = dest.trim();
    if dest.is_empty() || dest.starts_with('/') || dest.starts_with("//") || has_scheme(dest) {
        return None;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((path, anchor)) => (path, Some(percent_decode(anchor))),
        None => (dest, None),
    };
    let path = path.split(['?']).next().unwrap_or_default();
    Some(Target {
        path: percent_decode(path),
        anchor,
    })
}

/// `scheme:` as in RFC 3986: a letter, then letters, digits, `+`, `-`, `.`.
pub fn has_scheme(dest: &str) -> bool {
    let Some(colon) = dest.find(':') else {
        return false;
    };
    let scheme = &dest[..colon];
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Decodes `%XX` escapes; invalid ones are kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// Joins a relative path to a folder, resolving `.` and `..`. A path that
/// climbs above the root keeps its leading `..`.
pub fn join(dir: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = dir
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// The folder of a file path (`a/b.md` → `a`, `b.md` → ``).
pub fn parent(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// A relative link from the page `from` to the page `to` (both relative to
/// the book's source folder).
pub fn relative(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = parent(from).split('/').filter(|p| !p.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').filter(|p| !p.is_empty()).collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to_parts.len().saturating_sub(1));
    let mut out: Vec<&str> = vec![".."; from_dir.len() - common];
    out.extend(&to_parts[common..]);
    out.join("/")
}

/// The HTML page of a Markdown chapter path: `a/b.md` → `a/b.html`.
pub fn html_page(path: &str) -> String {
    match path.strip_suffix(".md") {
        Some(stem) => format!("{stem}.html"),
        None => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_and_joins() {
        assert_eq!(local_target("https://x.y/a.md"), None);
        assert_eq!(local_target("mailto:a@b.c"), None);
        assert_eq!(
            local_target("other%20one.md#d%C3%A9ploiement"),
            Some(Target {
                path: "other one.md".into(),
                anchor: Some("déploiement".into())
            })
        );
        assert_eq!(
            local_target("#ci"),
            Some(Target {
                path: String::new(),
                anchor: Some("ci".into())
            })
        );
        assert_eq!(join("reports", "../intro.md"), "intro.md");
        assert_eq!(join("reports", "./img/../a.md"), "reports/a.md");
        assert_eq!(join("reports", "../../x.md"), "../x.md");
    }

    #[test]
    fn relative_links_between_pages() {
        assert_eq!(
            relative("reports/a.md", "skill-coverage.md"),
            "../skill-coverage.md"
        );
        assert_eq!(
            relative("skill-coverage.md", "reports/a.md"),
            "reports/a.md"
        );
        assert_eq!(relative("reports/a.md", "reports/b.md"), "b.md");
        assert_eq!(relative("x/y/z.md", "x/w.md"), "../w.md");
        assert_eq!(relative("intro.md", "intro.md"), "intro.md");
        assert_eq!(html_page("reports/a.md"), "reports/a.html");
    }
}
