//! Files next to reports, embedded in their pages: an image's source
//! becomes a `data:` URI, a link to another file a download link carrying
//! it. So they work in `mdbook serve`, on GitHub Pages and in print
//! without copying anything anywhere.

use crate::diagnostic::{Diagnostic, Locate, Said};
use crate::model::assets::{self, Asset, Assets, LARGE_ASSET};
use crate::model::report::Report;
use crate::text::html::{Html, attribute};
use crate::text::paths;
use crate::text::source::SourceFile;
use crate::text::splice::Edit;

/// The edits that embed a report's linked files, and the problems found.
pub fn edits(
    report: &Report,
    source: &SourceFile,
    assets: &Assets,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Edit> {
    let text = source.text.as_str();
    let dir = paths::parent(&report.path);
    let mut edits = Vec::new();
    for link in &report.scan.links {
        let Some(path) = assets::path_of(dir, &link.dest) else {
            continue;
        };
        let span = link.dest_range.clone().unwrap_or(link.range.clone());
        let Some(bytes) = readable(source, &link.dest, &path, span.clone(), assets, problems)
        else {
            continue;
        };
        if bytes.len() > LARGE_ASSET {
            problems.push(
                source
                    .warning(
                        "large-asset",
                        span.clone(),
                        Said::new("large-asset").arg("file", &link.dest).decimal(
                            "size",
                            bytes.len() as f64 / 1e6,
                            Some(1),
                        ),
                    )
                    .with_suggestion(Said::new("large-asset-help")),
            );
        }
        let Some(dest_range) = link.dest_range.clone() else {
            problems.push(
                source
                    .warning(
                        "asset-reference-link",
                        link.range.clone(),
                        Said::new("asset-reference-link"),
                    )
                    .with_suggestion(
                        Said::new("asset-reference-link-help").arg("file", &link.dest),
                    ),
            );
            continue;
        };
        let uri = data_uri(&path, bytes);
        if let Some(html) = &link.html {
            // A link of the author's HTML downloads the file (browsers do
            // not open `data:` pages).
            if !link.is_image && !html.has_download {
                let name = path.rsplit('/').next().unwrap_or(&path);
                edits.push(Edit::insert(html.name_end, attribute("download", name)));
            }
            edits.push(Edit::replace(dest_range, uri));
        } else if link.is_image {
            edits.push(Edit::replace(dest_range, uri));
        } else {
            edits.extend(
                download_link(text, link.range.clone(), &path, &uri)
                    .into_iter()
                    .flatten(),
            );
        }
    }
    edits
}

/// The bytes of a linked file, or the problem that keeps it out.
fn readable<'a>(
    source: &SourceFile,
    dest: &str,
    path: &str,
    span: std::ops::Range<usize>,
    assets: &'a Assets,
    problems: &mut Vec<Diagnostic>,
) -> Option<&'a Vec<u8>> {
    match assets.get(path)? {
        Asset::Bytes(bytes) => Some(bytes),
        Asset::TooLarge(size) => {
            problems.push(
                source
                    .warning(
                        "large-asset",
                        span,
                        Said::new("too-large-asset").arg("file", dest).decimal(
                            "size",
                            *size as f64 / 1e6,
                            Some(1),
                        ),
                    )
                    .with_suggestion(Said::new("too-large-asset-help")),
            );
            None
        }
        Asset::Outside(real) => {
            problems.push(
                source
                    .error(
                        "asset-outside-book",
                        span,
                        Said::new("asset-outside-book")
                            .arg("file", dest)
                            .arg("real", real.as_str()),
                    )
                    .with_suggestion(Said::new("asset-outside-book-help")),
            );
            None
        }
        Asset::Unreadable(why) => {
            problems.push(
                source
                    .warning(
                        "missing-asset",
                        span,
                        Said::new("missing-asset")
                            .arg("file", dest)
                            .arg("why", why.as_str()),
                    )
                    .with_suggestion(Said::new("missing-asset-help").arg("path", path)),
            );
            None
        }
    }
}

/// `[text](file)` → `<a href="data:..." download="file">text</a>`: the
/// link text stays the author's Markdown.
fn download_link(
    text: &str,
    link: std::ops::Range<usize>,
    path: &str,
    uri: &str,
) -> Option<[Edit; 2]> {
    let source = &text[link.clone()];
    let close = source.rfind("](")?;
    if !source.starts_with('[') {
        return None;
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    let mut open = Html::new();
    open.open("a", &[("href", uri), ("download", name)]);
    Some([
        Edit::replace(link.start..link.start + 1, open.finish()),
        Edit::replace(link.start + close..link.end, "</a>"),
    ])
}

/// A MIME type from a file name, for data URIs.
fn mime_type(path: &str) -> &'static str {
    let extension = path
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "bmp" => "image/bmp",
        "pdf" => "application/pdf",
        "txt" | "log" => "text/plain",
        "csv" => "text/csv",
        "json" => "application/json",
        "yml" | "yaml" => "application/yaml",
        _ => "application/octet-stream",
    }
}

fn data_uri(path: &str, bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "data:{};base64,{}",
        mime_type(path),
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}
