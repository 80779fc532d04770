//! The attributes of the author's raw HTML that name a file
//! (`<img src>`, `<a href>`, `<source src>`, `<video poster>`...), so that
//! raw HTML gets the same treatment as Markdown images and links. A small
//! tolerant tag reader: any case, quoted or unquoted values, comments
//! skipped; it never fails, it just finds less in broken HTML.

use std::ops::Range;

/// The (element, attribute) pairs whose value is a file to embed.
const FILE_ATTRIBUTES: [(&str, &str); 12] = [
    ("img", "src"),
    ("a", "href"),
    ("source", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("iframe", "src"),
    ("input", "src"),
    ("image", "href"),
];

/// An attribute naming a file, in raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileAttribute {
    /// Whether it is a link (`<a href>`), to be downloaded, rather than
    /// something the page shows.
    pub is_link: bool,
    /// Where the element's name ends (an attribute can be added there).
    pub name_end: usize,
    /// Whether the element already has a `download` attribute.
    pub has_download: bool,
    /// The value, with character references decoded.
    pub value: String,
    /// The value as written, without its quotes.
    pub value_range: Range<usize>,
}

/// The file attributes of the tags in `text[range]`.
pub fn file_attributes(text: &str, range: Range<usize>) -> Vec<FileAttribute> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let end = range.end.min(text.len());
    let mut at = range.start;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..end]) {
        at += offset + 1;
        if text[at..end].starts_with("!--") {
            at = text[at..end]
                .find("-->")
                .map_or(end, |close| at + close + 3);
            continue;
        }
        let name_len = bytes[at..end]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = text[at..at + name_len].to_ascii_lowercase();
        let name_end = at + name_len;
        let (attributes, tag_end) = attributes(text, name_end, end);
        at = tag_end;
        let has_download = attributes.iter().any(|(n, _)| n == "download");
        for (attribute, value_range) in attributes {
            if let Some(value_range) = value_range
                && FILE_ATTRIBUTES.contains(&(name.as_str(), attribute.as_str()))
            {
                found.push(FileAttribute {
                    is_link: name == "a",
                    name_end,
                    has_download,
                    value: decode_references(&text[value_range.clone()]),
                    value_range,
                });
            }
        }
    }
    found
}

/// The attributes from `at` to the end of the tag (lower-case names, value
/// ranges without quotes), and where the tag ends.
#[allow(clippy::type_complexity)]
fn attributes(
    text: &str,
    mut at: usize,
    end: usize,
) -> (Vec<(String, Option<Range<usize>>)>, usize) {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    loop {
        while at < end && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        if at >= end || bytes[at] == b'>' || bytes[at] == b'<' {
            return (found, (at + 1).min(end));
        }
        let start = at;
        while at < end
            && !matches!(bytes[at], b'=' | b'>' | b'/' | b'<')
            && !bytes[at].is_ascii_whitespace()
        {
            at += 1;
        }
        let name = text[start..at].to_ascii_lowercase();
        let mut after = at;
        while after < end && bytes[after].is_ascii_whitespace() {
            after += 1;
        }
        if after >= end || bytes[after] != b'=' {
            found.push((name, None));
            continue;
        }
        at = after + 1;
        while at < end && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let value = match bytes.get(at) {
            Some(&quote @ (b'"' | b'\'')) if at < end => {
                let open = at + 1;
                let close = memchr::memchr(quote, &bytes[open..end]).map_or(end, |i| open + i);
                at = (close + 1).min(end);
                open..close
            }
            _ => {
                let open = at;
                while at < end && !bytes[at].is_ascii_whitespace() && bytes[at] != b'>' {
                    at += 1;
                }
                open..at
            }
        };
        found.push((name, Some(value)));
    }
}

/// `&amp;` and the other few references a path may hold, decoded.
fn decode_references(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#32;", " ")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(html: &str) -> Vec<(bool, String, &str)> {
        file_attributes(html, 0..html.len())
            .into_iter()
            .map(|a| (a.is_link, a.value, &html[a.value_range]))
            .collect()
    }

    #[test]
    fn finds_file_attributes_in_any_case_and_quoting() {
        assert_eq!(
            values(
                "<img src=\"img/a.svg\" width=\"600\"> <IMG SRC=img/b.png> <a href='f.pdf'>x</a>"
            ),
            [
                (false, "img/a.svg".to_owned(), "img/a.svg"),
                (false, "img/b.png".to_owned(), "img/b.png"),
                (true, "f.pdf".to_owned(), "f.pdf"),
            ]
        );
        assert_eq!(
            values("<video poster=\"p.jpg\" controls><source src=\"v.mp4\"></video>"),
            [
                (false, "p.jpg".to_owned(), "p.jpg"),
                (false, "v.mp4".to_owned(), "v.mp4"),
            ]
        );
        assert_eq!(
            values("<a href=\"a&amp;b.pdf\">"),
            [(true, "a&b.pdf".to_owned(), "a&amp;b.pdf")]
        );
    }

    #[test]
    fn skips_comments_other_attributes_and_broken_tags() {
        assert!(
            values("<!-- <img src=\"x.png\"> --> <div class=\"img\" data-src=\"y.png\">")
                .is_empty()
        );
        assert_eq!(
            values("<img alt=\"a > b\" src=x.png"),
            [(false, "x.png".to_owned(), "x.png")]
        );
        assert!(values("<img src>< <>").is_empty());
        assert!(values("<").is_empty());
        let a = &file_attributes("<a download href=\"f.zip\">", 0..24)[0];
        assert!(a.has_download && a.name_end == 2);
    }
}
