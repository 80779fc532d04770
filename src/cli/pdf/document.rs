//! Reading the printed PDF: Chromium (Skia) writes its page tree as plain
//! objects, so counting the page objects is enough; compressed object
//! streams (PDF 1.5, not used by Skia) are detected and refused rather than
//! miscounted.

use anyhow::bail;

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
