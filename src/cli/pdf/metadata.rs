//! The PDF's document information: Chromium takes the title from the page
//! and the language from `<html lang>`, but no author, subject or keywords.
//! They are appended as an incremental update (a new information
//! dictionary, a one-entry cross-reference section and a trailer pointing
//! back to Chromium's), so Chromium's bytes (its tags, outline and links)
//! stay exactly as printed and readers take the latest trailer.

/// What the information dictionary says, from book.toml.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// `[book] title`.
    pub title: Option<String>,
    /// `[book] authors`.
    pub authors: Vec<String>,
    /// `[book] description`.
    pub subject: Option<String>,
    /// `keywords` under the tool's table.
    pub keywords: Vec<String>,
}

/// Chromium's entries that are kept as they are (its dates and names).
const KEPT: [&[u8]; 4] = [b"/Creator", b"/Producer", b"/CreationDate", b"/ModDate"];

/// The PDF with `metadata` as its information dictionary, or `None` when
/// its last trailer is not a classic `trailer << … >>` (a cross-reference
/// stream, which Chromium does not write).
pub fn with_metadata(pdf: &[u8], metadata: &Metadata) -> Option<Vec<u8>> {
    let trailer_at = rfind(pdf, b"trailer")?;
    let trailer = &pdf[trailer_at..];
    let size = integer_after(trailer, b"/Size")?;
    let root = reference_after(trailer, b"/Root")?;
    let previous = integer_after(&pdf[rfind(pdf, b"startxref")?..], b"startxref")?;
    let old_info = reference_after(trailer, b"/Info").and_then(|r| object_body(pdf, &r));

    let mut entries = String::new();
    let mut add = |key: &str, value: &str| {
        if !value.is_empty() {
            entries.push_str(&format!("/{key} {}\n", text_string(value)));
        }
    };
    add("Title", metadata.title.as_deref().unwrap_or_default());
    add("Author", &metadata.authors.join(", "));
    add("Subject", metadata.subject.as_deref().unwrap_or_default());
    add("Keywords", &metadata.keywords.join(", "));
    let mut entries = entries.into_bytes();
    for line in old_info.iter().flat_map(|body| body.split(|&b| b == b'\n')) {
        let line = line.trim_ascii_start();
        if KEPT.iter().any(|key| line.starts_with(key)) {
            entries.extend_from_slice(without_closing(line));
            entries.push(b'\n');
        }
    }

    let mut out = pdf.to_vec();
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    let info_at = out.len();
    out.extend_from_slice(format!("{size} 0 obj\n<<").as_bytes());
    out.extend_from_slice(&entries);
    out.extend_from_slice(b">>\nendobj\n");
    let xref_at = out.len();
    out.extend_from_slice(
        format!(
            "xref\n{size} 1\n{info_at:010} 00000 n \ntrailer\n<</Size {}\n/Root {root}\n/Info {size} 0 R\n/Prev {previous}>>\nstartxref\n{xref_at}\n%%EOF\n",
            size + 1
        )
        .as_bytes(),
    );
    Some(out)
}

/// A text string: ASCII as a literal `( … )`, anything else UTF-16BE with
/// its byte order mark, in hexadecimal.
fn text_string(text: &str) -> String {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        let escaped = text
            .replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)");
        return format!("({escaped})");
    }
    let mut hex = String::from("<FEFF");
    for unit in text.encode_utf16() {
        hex.push_str(&format!("{unit:04X}"));
    }
    hex.push('>');
    hex
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The words after `key` (up to 40 bytes), as text.
fn words_after<'a>(text: &'a [u8], key: &[u8]) -> Option<std::str::SplitAsciiWhitespace<'a>> {
    let at = find(text, key)? + key.len();
    let rest = &text[at..text.len().min(at + 40)];
    let end = rest
        .iter()
        .position(|&b| b == b'/' || b == b'>')
        .unwrap_or(rest.len());
    Some(
        std::str::from_utf8(&rest[..end])
            .ok()?
            .split_ascii_whitespace(),
    )
}

fn integer_after(text: &[u8], key: &[u8]) -> Option<u64> {
    words_after(text, key)?.next()?.parse().ok()
}

/// `12 0 R` after `key`, as written.
fn reference_after(text: &[u8], key: &[u8]) -> Option<String> {
    let mut words = words_after(text, key)?;
    let (number, generation, r) = (words.next()?, words.next()?, words.next()?);
    let numeric = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    (numeric(number) && numeric(generation) && r == "R").then(|| format!("{number} {generation} R"))
}

/// The bytes between `<<` and `endobj` of the object a reference names.
fn object_body<'a>(pdf: &'a [u8], reference: &str) -> Option<&'a [u8]> {
    let header = format!("{} obj", reference.trim_end_matches(" R"));
    let mut from = 0;
    // The header at the start of a line, not inside another number.
    let at = loop {
        let at = from + find(&pdf[from..], header.as_bytes())?;
        if at == 0 || matches!(pdf[at - 1], b'\n' | b'\r') {
            break at;
        }
        from = at + 1;
    };
    let body = &pdf[at + header.len()..];
    let start = find(body, b"<<")? + 2;
    let end = find(body, b"endobj")?;
    body.get(start..end)
}

/// An entry's line without the `>>` that closes the dictionary after it.
fn without_closing(line: &[u8]) -> &[u8] {
    let mut line = line.trim_ascii_end();
    while let [rest @ .., b'>'] = line {
        line = rest;
    }
    line.trim_ascii_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page PDF as Chromium writes it: an information dictionary,
    /// a classic cross-reference table and trailer.
    const CHROMIUM: &[u8] = b"%PDF-1.4\n1 0 obj\n<</Title (Old)\n/Creator (Chromium)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261202)\n/ModDate (D:20261202)>>\nendobj\n2 0 obj\n<</Type /Catalog\n/Pages 3 0 R\n/Lang (fr)>>\nendobj\n3 0 obj\n<</Type /Pages /Kids [] /Count 0>>\nendobj\nxref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000138 00000 n \n0000000193 00000 n \ntrailer\n<</Size 4\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n238\n%%EOF\n";

    #[test]
    fn an_update_appends_a_new_information_dictionary_and_keeps_chromiums_bytes() {
        let metadata = Metadata {
            title: Some("Dossier technique — Camille".into()),
            authors: vec!["Camille Moreau".into(), "Ana (tutor)".into()],
            subject: Some("RNCP Cloud DevOps Expert".into()),
            keywords: vec!["devops".into(), "cloud".into()],
        };
        let out = with_metadata(CHROMIUM, &metadata).expect("a classic trailer");
        assert!(out.starts_with(CHROMIUM));
        let update = std::str::from_utf8(&out[CHROMIUM.len()..]).unwrap();
        assert!(
            update.starts_with("4 0 obj\n<</Title <FEFF0044006F0073"),
            "{update}"
        );
        assert!(
            update.contains("/Author (Camille Moreau, Ana \\(tutor\\))\n"),
            "{update}"
        );
        assert!(
            update.contains("/Subject (RNCP Cloud DevOps Expert)\n/Keywords (devops, cloud)\n")
        );
        assert!(update.contains("/Creator (Chromium)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261202)\n/ModDate (D:20261202)\n>>"), "{update}");
        assert!(!update.contains("(Old)"));
        // The cross-reference entry points at the new object, the trailer
        // back at Chromium's table.
        let info_at = CHROMIUM.len();
        assert!(
            update.contains(&format!("xref\n4 1\n{info_at:010} 00000 n \n")),
            "{update}"
        );
        assert!(
            update.contains("<</Size 5\n/Root 2 0 R\n/Info 4 0 R\n/Prev 238>>"),
            "{update}"
        );
        let xref_at = CHROMIUM.len() + update.find("xref").unwrap();
        assert!(update.ends_with(&format!("startxref\n{xref_at}\n%%EOF\n")));
    }

    #[test]
    fn a_pdf_without_a_classic_trailer_is_left_alone() {
        assert_eq!(
            with_metadata(b"%PDF-1.5\n%%EOF\n", &Metadata::default()),
            None
        );
    }
}
