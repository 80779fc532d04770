//! A tiny HTML writer that escapes everything it is given, so no text from
//! a report (titles, names, ids) can become markup.

use pulldown_cmark_escape::{escape_html, escape_html_body_text};

/// Builds an HTML fragment; text and attribute values are always escaped.
#[derive(Debug, Default, Clone)]
pub struct Html {
    out: String,
}

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    /// Opens `<tag attr="value" ...>`. Attribute names are literals of this
    /// crate; values are escaped.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            // URLs too are only attribute-escaped, not percent-encoded: as
            // mdBook writes a Markdown link's destination, so its print page
            // finds `#étape` among the ids it renames.
            let mut escaped = String::new();
            let _ = escape_html(&mut escaped, value);
            // A `|` would end a table cell when the tag sits in a table.
            if escaped.contains('|') {
                self.out.push_str(&escaped.replace('|', "&#124;"));
            } else {
                self.out.push_str(&escaped);
            }
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// Escaped text. In text holding `{{`, every `{` is written `&#123;` so that mdBook's `links`
    /// preprocessor, which runs after this tool, sees no directive in it.
    pub fn text(&mut self, text: &str) -> &mut Self {
        if text.contains("{{") {
            let mut escaped = String::new();
            let _ = escape_html_body_text(&mut escaped, text);
            self.out.push_str(&escaped.replace('{', "&#123;"));
        } else {
            let _ = escape_html_body_text(&mut self.out, text);
        }
        self
    }

    /// Text between inline HTML tags inside Markdown, where it is still
    /// read as Markdown: HTML-escaped, then every ASCII punctuation sign is
    /// backslash-escaped so `*`, `_`, `[` or quotes (smart punctuation)
    /// cannot change it.
    pub fn inline_text(&mut self, text: &str) -> &mut Self {
        let mut escaped = String::new();
        let _ = escape_html_body_text(&mut escaped, text);
        let mut in_entity = false;
        for c in escaped.chars() {
            match c {
                '&' => in_entity = true,
                ';' if in_entity => in_entity = false,
                c if c.is_ascii_punctuation() && !in_entity => self.out.push('\\'),
                _ => {}
            }
            self.out.push(c);
        }
        self
    }

    /// `<tag attrs>text</tag>` inside Markdown (see `inline_text`).
    pub fn inline_element(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attrs).inline_text(text).close(tag)
    }

    /// `<tag attrs>text</tag>`.
    pub fn element(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// A line break in the source (not in the page), to keep HTML blocks readable.
    pub fn newline(&mut self) -> &mut Self {
        self.out.push('\n');
        self
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// Text escaped for HTML or XML, text or attribute value (`& < > "`), for
/// markup written whole rather than with [`Html`].
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let _ = escape_html(&mut out, text);
    out
}

/// ` name="value"`, the value escaped: an attribute to add to the
/// author's own tag.
pub fn attribute(name: &str, value: &str) -> String {
    let mut out = format!(" {name}=\"");
    let _ = escape_html(&mut out, value);
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_and_attributes_are_escaped() {
        let mut html = Html::new();
        html.element(
            "a",
            &[
                ("href", "x.html#\"><script>"),
                ("title", "<img src=x onerror=alert(1)>"),
            ],
            "<script>alert(1)</script> & co",
        );
        let out = html.finish();
        assert!(!out.contains("<script>"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(
            out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"),
            "{out}"
        );
        assert!(
            out.starts_with("<a href=\"x.html#&quot;&gt;&lt;script&gt;\""),
            "{out}"
        );
    }

    #[test]
    fn text_cannot_become_an_mdbook_directive() {
        let mut html = Html::new();
        html.text("a {b} {{{#include /etc/passwd}}");
        assert_eq!(
            html.finish(),
            "a &#123;b} &#123;&#123;&#123;#include /etc/passwd}}"
        );
    }

    #[test]
    fn inline_text_cannot_become_markdown() {
        let mut html = Html::new();
        html.inline_element("span", &[], "*a* \"q\" [x](y) a&b <c>");
        assert_eq!(
            html.finish(),
            r#"<span>\*a\* \"q\" \[x\]\(y\) a&amp;b &lt;c&gt;</span>"#
        );
    }
}
