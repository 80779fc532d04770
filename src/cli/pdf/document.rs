//! Reading the printed PDF: Chromium (Skia) writes its page tree, its link
//! annotations and its named destinations as plain objects, so counting the
//! page objects is enough, and a link's target can be read and resolved;
//! compressed object streams (PDF 1.5, not used by Skia) are detected and
//! refused rather than miscounted.

use anyhow::bail;
use std::collections::HashSet;

/// A4 in PostScript points, and the tolerance of browsers' rounding.
const A4_POINTS: (f64, f64) = (595.28, 841.89);
const A4_TOLERANCE: f64 = 2.0;

const PDF_WHITESPACE: &[u8] = b" \t\r\n\x0c\0";

/// Whether a byte ends a PDF name (`/Page` ends before ` `, `/`, `>`…).
fn ends_name(byte: Option<&u8>) -> bool {
    match byte {
        None => true,
        Some(b) => PDF_WHITESPACE.contains(b) || b"/<>[]()%{}".contains(b),
    }
}

/// The byte ranges of the PDF outside `stream … endstream` data.
fn outside_streams(pdf: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(found) = find(&pdf[i..], b"stream") {
        let at = i + found;
        let before = pdf[..at]
            .iter()
            .rev()
            .find(|b| !PDF_WHITESPACE.contains(b))
            .copied();
        // The keyword follows a dictionary's `>>` (`endstream` does not).
        let is_keyword = before == Some(b'>');
        let mut data = at + b"stream".len();
        if !is_keyword {
            i = data;
            continue;
        }
        if pdf[data..].starts_with(b"\r\n") {
            data += 2;
        } else if pdf[data..].starts_with(b"\n") || pdf[data..].starts_with(b"\r") {
            data += 1;
        }
        ranges.push(start..at);
        match find(&pdf[data..], b"endstream") {
            Some(end) => {
                start = data + end + b"endstream".len();
                i = start;
            }
            None => {
                start = pdf.len();
                i = pdf.len();
            }
        }
    }
    ranges.push(start..pdf.len());
    ranges
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The values of `/Type` names in the PDF's dictionaries (outside streams).
fn type_names(pdf: &[u8]) -> Vec<&[u8]> {
    let mut names = Vec::new();
    for range in outside_streams(pdf) {
        let part = &pdf[range];
        let mut i = 0;
        while let Some(found) = find(&part[i..], b"/Type") {
            let mut j = i + found + b"/Type".len();
            i = j;
            if !ends_name(part.get(j)) {
                continue; // `/Type1`, `/TypeX`
            }
            while part.get(j).is_some_and(|b| PDF_WHITESPACE.contains(b)) {
                j += 1;
            }
            if part.get(j) != Some(&b'/') {
                continue;
            }
            let name_start = j + 1;
            let mut k = name_start;
            while !ends_name(part.get(k)) {
                k += 1;
            }
            names.push(&part[name_start..k]);
            i = k;
        }
    }
    names
}

/// The number of pages of a PDF: its `/Type /Page` objects.
pub fn count_pages(pdf: &[u8]) -> anyhow::Result<usize> {
    if !pdf.starts_with(b"%PDF-") {
        bail!("not a PDF file");
    }
    let names = type_names(pdf);
    let pages = names.iter().filter(|n| **n == b"Page").count();
    if pages == 0 {
        if names.iter().any(|n| *n == b"ObjStm") {
            bail!(
                "the PDF keeps its page objects in compressed object streams; cannot count its pages"
            );
        }
        bail!("the PDF has no page");
    }
    Ok(pages)
}

/// Width and height in points of the first `/MediaBox` of the PDF.
pub fn page_size(pdf: &[u8]) -> Option<(f64, f64)> {
    outside_streams(pdf).into_iter().find_map(|range| {
        let part = &pdf[range];
        let at = find(part, b"/MediaBox")? + b"/MediaBox".len();
        let rest = &part[at..];
        let open = rest.iter().position(|b| !PDF_WHITESPACE.contains(b))?;
        if rest[open] != b'[' {
            return None;
        }
        let close = rest.iter().position(|&b| b == b']')?;
        let numbers: Vec<f64> = std::str::from_utf8(&rest[open + 1..close])
            .ok()?
            .split(|c: char| PDF_WHITESPACE.contains(&(c as u8)))
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        match numbers[..] {
            [x0, y0, x1, y1] => Some(((x1 - x0).abs(), (y1 - y0).abs())),
            _ => None,
        }
    })
}

/// Where a link annotation of the PDF leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A named destination inside the PDF (`/Dest /name`), as the print
    /// page's `#id` links become.
    Inside(String),
    /// An address outside (`/A << /S /URI /URI (…) >>`).
    Uri(String),
}

/// The link annotations of a PDF and the named destinations it defines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    pub targets: Vec<LinkTarget>,
    pub destinations: HashSet<String>,
}

impl Links {
    /// Links inside the PDF.
    pub fn inside(&self) -> impl Iterator<Item = &str> {
        self.targets.iter().filter_map(|t| match t {
            LinkTarget::Inside(name) => Some(name.as_str()),
            LinkTarget::Uri(_) => None,
        })
    }

    /// Addresses of the links outside.
    pub fn uris(&self) -> impl Iterator<Item = &str> {
        self.targets.iter().filter_map(|t| match t {
            LinkTarget::Uri(uri) => Some(uri.as_str()),
            LinkTarget::Inside(_) => None,
        })
    }

    /// Links inside the PDF whose destination it does not define: they
    /// jump nowhere.
    pub fn unresolved(&self) -> Vec<&str> {
        self.inside()
            .filter(|name| !self.destinations.contains(*name))
            .collect()
    }
}

/// Reads the link annotations (`/Subtype /Link`) and the catalog's named
/// destinations (`/Dests`).
pub fn links(pdf: &[u8]) -> Links {
    let mut found = Links::default();
    for range in outside_streams(pdf) {
        let part = &pdf[range];
        let mut i = 0;
        while let Some(at) = find(&part[i..], b"/Subtype") {
            let start = i + at + b"/Subtype".len();
            i = start;
            // Not the structure tree's `/S /Link` elements: annotations.
            if !matches!(token(&part[start..]), Some(Token::Name(name)) if name == "Link") {
                continue;
            }
            // The annotation's dictionary ends with its object.
            let end = find(&part[start..], b"endobj").map_or(part.len(), |e| start + e);
            let object = &part[start..end];
            if let Some(d) = find(object, b"/Dest")
                && let Some(Token::Name(name)) = token(&object[d + b"/Dest".len()..])
            {
                found.targets.push(LinkTarget::Inside(name));
            } else if let Some(u) = find(object, b"/URI")
                && let Some(u2) = find(&object[u + 4..], b"/URI")
                && let Some(Token::String(uri)) = token(&object[u + 4 + u2 + 4..])
            {
                found.targets.push(LinkTarget::Uri(uri));
            }
        }
        // `/Dests 12 0 R` in the catalog: the dictionary of names.
        if let Some(at) = find(part, b"/Dests")
            && let Some(reference) = object_reference(&part[at + b"/Dests".len()..])
        {
            found.destinations = destinations(pdf, &reference);
        }
    }
    found
}

/// `12 0 R` → `12 0 obj`, the header of the object it refers to.
fn object_reference(text: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(&text[..text.len().min(32)]).ok()?;
    let mut words = text.split_ascii_whitespace();
    let (number, generation) = (words.next()?, words.next()?);
    let r = words.next()?;
    (number.bytes().all(|b| b.is_ascii_digit()) && r.starts_with('R'))
        .then(|| format!("{number} {generation} obj").into_bytes())
}

/// The names defined by the destinations dictionary `header` (each name
/// followed by its `[page /XYZ …]` array).
fn destinations(pdf: &[u8], header: &[u8]) -> HashSet<String> {
    let mut names = HashSet::new();
    let Some(at) = find(pdf, header) else {
        return names;
    };
    let body = &pdf[at + header.len()..];
    let body = &body[..find(body, b"endobj").unwrap_or(body.len())];
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'/' {
            let mut j = i + 1;
            while !ends_name(body.get(j)) {
                j += 1;
            }
            let mut k = j;
            while body.get(k).is_some_and(|b| PDF_WHITESPACE.contains(b)) {
                k += 1;
            }
            if body.get(k) == Some(&b'[') {
                names.insert(decode_name(&body[i + 1..j]));
            }
            i = j;
        } else if body[i] == b'[' {
            // Skip the array: its `/XYZ` is not a destination.
            i += body[i..]
                .iter()
                .position(|&b| b == b']')
                .unwrap_or(body.len() - i);
        } else {
            i += 1;
        }
    }
    names
}

enum Token {
    Name(String),
    String(String),
}

/// The first name or string after some whitespace.
fn token(text: &[u8]) -> Option<Token> {
    let start = text.iter().position(|b| !PDF_WHITESPACE.contains(b))?;
    let text = &text[start..];
    match text.first()? {
        b'/' => {
            let end = (1..=text.len())
                .find(|&k| ends_name(text.get(k)))
                .unwrap_or(text.len());
            Some(Token::Name(decode_name(&text[1..end])))
        }
        b'(' => literal_string(text).map(Token::String),
        _ => None,
    }
}

/// A PDF name's bytes, `#xx` escapes decoded.
fn decode_name(raw: &[u8]) -> String {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#'
            && let Some(hex) = raw.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(&String::from_utf8_lossy(hex), 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(raw[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A literal string `( … )`: balanced parentheses, backslash escapes.
fn literal_string(text: &[u8]) -> Option<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        match b {
            b'(' => {
                depth += 1;
                if depth > 1 {
                    out.push(b);
                }
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(String::from_utf8_lossy(&out).into_owned());
                }
                out.push(b);
            }
            b'\\' => {
                i += 1;
                match text.get(i)? {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'0'..=b'7' => {
                        let digits = text[i..]
                            .iter()
                            .take(3)
                            .take_while(|d| (b'0'..=b'7').contains(*d))
                            .count();
                        let value = std::str::from_utf8(&text[i..i + digits])
                            .ok()
                            .and_then(|d| u8::from_str_radix(d, 8).ok())?;
                        out.push(value);
                        i += digits - 1;
                    }
                    &other => out.push(other),
                }
            }
            _ => out.push(b),
        }
        i += 1;
    }
    None
}

/// Whether a page size in points is A4, portrait or landscape.
pub fn is_a4((w, h): (f64, f64)) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= A4_TOLERANCE;
    (close(w, A4_POINTS.0) && close(h, A4_POINTS.1))
        || (close(w, A4_POINTS.1) && close(h, A4_POINTS.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF shaped like Chromium's: a page tree with an intermediate node,
    /// compressed content streams, and names that look like `/Page`.
    fn sample(pages: usize) -> Vec<u8> {
        let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
        pdf.extend_from_slice(b"1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n");
        pdf.extend_from_slice(
            format!("2 0 obj\n<</Type /Pages\n/Count {pages}\n/Kids [3 0 R]>>\nendobj\n")
                .as_bytes(),
        );
        pdf.extend_from_slice(b"3 0 obj\n<</Type/Pages/Parent 2 0 R>>\nendobj\n");
        for i in 0..pages {
            pdf.extend_from_slice(
                format!(
                    "{} 0 obj\n<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 594.96 841.92]\n/Contents {} 0 R>>\nendobj\n",
                    10 + 2 * i,
                    11 + 2 * i
                )
                .as_bytes(),
            );
            // A binary content stream that happens to contain "/Type /Page".
            pdf.extend_from_slice(
                format!(
                    "{} 0 obj\n<</Filter /FlateDecode\n/Length 24>> stream\n",
                    11 + 2 * i
                )
                .as_bytes(),
            );
            pdf.extend_from_slice(b"x\x9c/Type /Page\x00\xff\x10stream\nendstream\nendobj\n");
        }
        pdf.extend_from_slice(
            b"50 0 obj\n<</Type /FontDescriptor /FontName /Type1Font>>\nendobj\n",
        );
        pdf.extend_from_slice(
            b"51 0 obj\n<</Type /Annot /Subtype /Link /Dest /Page-one>>\nendobj\n",
        );
        pdf.extend_from_slice(b"trailer\n<</Root 1 0 R>>\n%%EOF\n");
        pdf
    }

    #[test]
    fn counts_page_objects_not_page_trees_nor_stream_bytes() {
        assert_eq!(count_pages(&sample(1)).unwrap(), 1);
        assert_eq!(count_pages(&sample(53)).unwrap(), 53);
    }

    #[test]
    fn page_type_may_be_glued_or_on_another_line() {
        let pdf = b"%PDF-1.7\n1 0 obj<</Type/Page>>endobj 2 0 obj<</Type\n/Page/Parent 3 0 R>>endobj 4 0 obj<</Type /Pages/Count 2>>endobj";
        assert_eq!(count_pages(pdf).unwrap(), 2);
    }

    #[test]
    fn refuses_what_it_cannot_count() {
        assert!(count_pages(b"<html>").is_err());
        let compressed = b"%PDF-1.5\n5 0 obj<</Type /ObjStm /N 40 /First 300 /Filter /FlateDecode /Length 3>>stream\nxyz\nendstream endobj";
        let error = count_pages(compressed).unwrap_err().to_string();
        assert!(error.contains("object streams"), "{error}");
        assert!(count_pages(b"%PDF-1.4\n1 0 obj<</Type /Catalog>>endobj").is_err());
    }

    #[test]
    fn reads_links_and_resolves_them_against_the_named_destinations() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<</Type /Catalog\n/Dests 9 0 R>>\nendobj\n7 0 obj\n<</Type /Annot\n/Subtype /Link\n/Rect [0 0 1 1]\n/Dest /introduction>>\nendobj\n8 0 obj\n<</Type /Annot /Subtype /Link /Dest /#C3#A9tape>>\nendobj\n10 0 obj\n<</Type /Annot /Subtype/Link /A <</Type /Action /S /URI /URI (https://x.org/a\\(1\\).html#b)>>>>\nendobj\n11 0 obj <</Type /Annot /Subtype /Link /Dest /nowhere>> endobj\n9 0 obj\n<</introduction [2 0 R /XYZ 11 828 0]\n/#C3#A9tape [3 0 R /XYZ 11 443 0]>>\nendobj\n";
        let links = links(pdf);
        assert_eq!(
            links.targets,
            [
                LinkTarget::Inside("introduction".into()),
                LinkTarget::Inside("étape".into()),
                LinkTarget::Uri("https://x.org/a(1).html#b".into()),
                LinkTarget::Inside("nowhere".into()),
            ]
        );
        assert_eq!(links.destinations.len(), 2, "{:?}", links.destinations);
        assert_eq!(links.unresolved(), ["nowhere"]);
        assert_eq!(links.uris().count(), 1);
    }

    #[test]
    fn reads_the_page_size() {
        let size = page_size(&sample(2)).unwrap();
        assert_eq!(size, (594.96, 841.92));
        assert!(is_a4(size));
        assert!(is_a4((841.89, 595.28)));
        assert!(!is_a4((612.0, 792.0)));
        assert_eq!(
            page_size(b"%PDF-1.4\n<</MediaBox [0 0 612 792]>>"),
            Some((612.0, 792.0))
        );
        assert_eq!(page_size(b"%PDF-1.4\n<</MediaBox 7 0 R>>"), None);
    }
}
