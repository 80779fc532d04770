//! Reading the author's text: mdBook's Markdown parser over a chapter
//! (`markdown`), the files its raw HTML names (`html`), the `{{#...}}`
//! directives in it (`directive`, `marker`),
//! and front matter (`frontmatter`, over the spanned TOML/YAML of `value`).
//! Nothing here knows what a skill or a technical file is.

pub mod directive;
pub mod frontmatter;
pub mod html;
pub mod markdown;
pub mod marker;
pub mod value;
