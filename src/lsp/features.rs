//! The requests: completion, hover, go to definition, find references,
//! document symbols, code actions and code lenses. Each reads the latest
//! analysis and the document's current text; none writes anything.

use super::Server;
use crate::book::editor::EditorView;
use crate::model::ids::ReportId;
use crate::model::report::Report;
use crate::referential::{Referential, SkillId};
use crate::syntax::frontmatter;
use crate::syntax::markdown::{self, Link};
use crate::text::paths;
use crate::text::source::SourceFile;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeLens, CodeLensParams,
    Command, CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse,
    CompletionTextEdit, DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse,
    GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverContents, HoverParams, Location,
    MarkupContent, MarkupKind, ReferenceParams, SymbolKind, TextDocumentPositionParams, TextEdit,
    Url, WorkspaceEdit,
};
use std::collections::HashMap;

/// The document a request is about: its path, its text, the offset.
struct Place {
    relative: String,
    text: String,
    offset: usize,
}

fn place(server: &Server, at: &TextDocumentPositionParams) -> Option<Place> {
    let relative = server.relative(&at.text_document.uri)?;
    let text = server.text(&relative)?;
    let offset = server.encoding.offset(&text, at.position);
    Some(Place {
        relative,
        text,
        offset,
    })
}

fn report_at<'a>(server: &'a Server, relative: &str) -> Option<(ReportId, &'a Report)> {
    let view = server.view.as_ref()?;
    view.file
        .reports
        .iter_enumerated()
        .find(|(_, r)| r.path == relative)
}

fn referential(server: &Server) -> Option<&Referential> {
    Some(&server.view.as_ref()?.file.referential)
}

/// The start of the token being typed before `offset` (an id, a slug, a
/// path): after the last space, comma, bracket, quote or parenthesis.
fn token_start(text: &str, offset: usize) -> usize {
    text[..offset]
        .rfind(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | '"' | '\'' | '(' | '#'))
        .map_or(0, |i| i + 1)
}

/// The word under `offset` (letters, digits, `.`, `-`, `_`).
fn word_at(text: &str, offset: usize) -> Option<(usize, &str)> {
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '_');
    let start = text[..offset]
        .rfind(|c: char| !is_word(c))
        .map_or(0, |i| i + 1);
    let end = text[offset..]
        .find(|c: char| !is_word(c))
        .map_or(text.len(), |i| offset + i);
    let word = text[start..end].trim_end_matches('.');
    (!word.is_empty()).then_some((start, word))
}

/// Whether `offset` is where a skill id goes: in a `{{#skill ...}}` or
/// `{{#skill-evidence ...}}` not closed yet, or on a front matter line
/// `skills = [...` / `skills: [...`.
fn in_skill_list(text: &str, offset: usize) -> bool {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..offset];
    if let Some(open) = line.rfind("{{#") {
        let rest = &line[open + 3..];
        let name_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        return matches!(&rest[..name_end], "skill" | "skill-evidence")
            && name_end < rest.len()
            && !rest.contains("}}");
    }
    let trimmed = line.trim_start();
    (trimmed.starts_with("skills") && (trimmed.contains('[') || trimmed.contains(':')))
        && !trimmed.contains(']')
}

pub fn completion(server: &Server, params: CompletionParams) -> Option<CompletionResponse> {
    let place = place(server, &params.text_document_position)?;
    let (text, offset) = (&place.text, place.offset);
    let start = token_start(text, offset);
    let range = server.encoding.range(text, start..offset);
    let edit = |new_text: String| Some(CompletionTextEdit::Edit(TextEdit { range, new_text }));
    if in_skill_list(text, offset) {
        let referential = referential(server)?;
        let mut items = Vec::new();
        for (index, skill) in referential.skills.iter_enumerated() {
            let block = &referential.blocks[skill.block];
            for (n, label) in [&skill.id, &skill.slug].into_iter().enumerate() {
                items.push(CompletionItem {
                    label: label.clone(),
                    kind: Some(CompletionItemKind::ENUM_MEMBER),
                    detail: Some(format!("{} — {}", skill.id, skill.title)),
                    documentation: Some(lsp_types::Documentation::String(format!(
                        "{} — {}",
                        block.id, block.title
                    ))),
                    sort_text: Some(format!("{n}{:04}", index.index())),
                    filter_text: Some(label.clone()),
                    text_edit: edit(label.clone()),
                    ..CompletionItem::default()
                });
            }
        }
        return Some(CompletionResponse::Array(items));
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..offset];
    let destination = &line[line.rfind("](")? + 2..];
    if destination.contains([')', ' ']) {
        return None;
    }
    let view = server.view.as_ref()?;
    let dir = paths::parent(&place.relative);
    let items = match destination.split_once('#') {
        // `](other.md#`: that report's heading ids, as mdBook gives them.
        Some((file, _)) => {
            let target = if file.is_empty() {
                place.relative.clone()
            } else {
                paths::join(dir, file)
            };
            let (_, report) = view
                .file
                .reports
                .iter_enumerated()
                .find(|(_, r)| r.path == target)?;
            report
                .anchors
                .iter_enumerated()
                .map(|(heading, anchor)| CompletionItem {
                    label: anchor.clone(),
                    kind: Some(CompletionItemKind::REFERENCE),
                    detail: Some(report.heading_label(heading).to_owned()),
                    sort_text: Some(format!("{:05}", heading.index())),
                    text_edit: edit(anchor.clone()),
                    ..CompletionItem::default()
                })
                .collect()
        }
        // `](`: the other reports' files, relative to this document.
        None => view
            .file
            .reports
            .iter()
            .filter(|r| r.path != place.relative)
            .map(|r| {
                let path = paths::relative(&place.relative, &r.path);
                CompletionItem {
                    label: path.clone(),
                    kind: Some(CompletionItemKind::FILE),
                    detail: Some(r.title.clone()),
                    text_edit: edit(path),
                    ..CompletionItem::default()
                }
            })
            .collect(),
    };
    Some(CompletionResponse::Array(items))
}

/// The skill named under `offset`, where skills are named.
fn skill_at(
    server: &Server,
    text: &str,
    offset: usize,
) -> Option<(SkillId, std::ops::Range<usize>)> {
    let (start, word) = word_at(text, offset)?;
    if !in_skill_list(text, start) {
        return None;
    }
    let skill = referential(server)?.resolve(word)?;
    Some((skill, start..start + word.len()))
}

/// A document's Markdown, after its front matter.
fn scan(server: &Server, relative: &str, text: &str) -> markdown::Scan {
    let flavor = server
        .view
        .as_ref()
        .map(|v| v.file.config.flavor)
        .unwrap_or_default();
    let source = SourceFile::new(relative, text.to_owned());
    let body = frontmatter::parse(&source).range.end;
    markdown::scan_from(text, body, flavor)
}

/// The link under `offset` in a document's text.
fn link_at(server: &Server, relative: &str, text: &str, offset: usize) -> Option<Link> {
    scan(server, relative, text)
        .links
        .into_iter()
        .find(|l| l.range.contains(&offset) && !l.is_image)
}

/// The report a link of `from` points to, and the anchor, if any.
fn link_target<'a>(
    server: &'a Server,
    from: &str,
    link: &Link,
) -> Option<(ReportId, &'a Report, Option<String>)> {
    let target = paths::local_target(&link.dest)?;
    let path = if target.path.is_empty() {
        from.to_owned()
    } else {
        paths::join(paths::parent(from), &target.path)
    };
    let (id, report) = report_at(server, &path)?;
    Some((id, report, target.anchor))
}

pub fn hover(server: &Server, params: HoverParams) -> Option<Hover> {
    let place = place(server, &params.text_document_position_params)?;
    let view = server.view.as_ref()?;
    let value = if let Some((skill, _)) = skill_at(server, &place.text, place.offset) {
        let referential = &view.file.referential;
        let entry = &referential.skills[skill];
        let block = &referential.blocks[entry.block];
        let mut value = format!(
            "**{} — {}**\n\n{} — {} · `{}`\n\n",
            entry.id, entry.title, block.id, block.title, entry.slug
        );
        let evidence = &view.file.matrix.evidence[skill];
        let words = view.file.config.words();
        if evidence.is_empty() {
            value.push_str(&words.text("lsp-hover-gap"));
        } else {
            value.push_str(&words.text("lsp-hover-evidenced-in"));
            value.push('\n');
            let whole = words.text("header-whole-report");
            for e in evidence {
                let report = &view.file.reports[e.report];
                let section = e
                    .heading
                    .map_or(whole.as_str(), |h| report.heading_label(h));
                let uri = server
                    .uri(&report.path)
                    .map(|u| u.to_string())
                    .unwrap_or_default();
                value.push_str(&format!(
                    "- [{} › {}]({uri}#L{})\n",
                    report.title, section, e.line
                ));
            }
        }
        value
    } else {
        let link = link_at(server, &place.relative, &place.text, place.offset)?;
        let (_, report, anchor) = link_target(server, &place.relative, &link)?;
        let words = view.file.config.words();
        let date = report.date().map_or(words.text("lsp-hover-no-date"), |d| {
            words.format("lsp-hover-validated", &[("date", d.written(words).into())])
        });
        let section = anchor
            .and_then(|a| report.anchors.position(|x| *x == a))
            .map(|h| format!(" › {}", report.heading_label(h)))
            .unwrap_or_default();
        format!("**{}**{section}\n\n{date}", report.title)
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: None,
    })
}

pub fn definition(server: &Server, params: GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let place = place(server, &params.text_document_position_params)?;
    let link = link_at(server, &place.relative, &place.text, place.offset)?;
    let (_, report, anchor) = link_target(server, &place.relative, &link)?;
    let text = server.text(&report.path)?;
    let range = anchor
        .and_then(|a| report.anchors.position(|x| *x == a))
        .map(|h| report.scan.headings[h].range.clone())
        .map(|r| r.start..r.start)
        .unwrap_or(0..0);
    Some(GotoDefinitionResponse::Scalar(Location {
        uri: server.uri(&report.path)?,
        range: server.encoding.range(&text, range),
    }))
}

pub fn references(server: &Server, params: ReferenceParams) -> Option<Vec<Location>> {
    let place = place(server, &params.text_document_position)?;
    let (skill, _) = skill_at(server, &place.text, place.offset)?;
    let view = server.view.as_ref()?;
    let referential = &view.file.referential;
    let mut found = Vec::new();
    for report in view.file.reports.iter() {
        let Some(text) = server.text(&report.path) else {
            continue;
        };
        let Some(uri) = server.uri(&report.path) else {
            continue;
        };
        let named = report
            .markers
            .iter()
            .flat_map(|m| &m.ids)
            .chain(&report.front_matter.skills)
            .filter(|id| referential.resolve(&id.value) == Some(skill));
        for id in named {
            found.push(Location {
                uri: uri.clone(),
                range: server.encoding.range(&text, id.span.clone()),
            });
        }
    }
    Some(found)
}

pub fn symbols(server: &Server, params: DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
    let relative = server.relative(&params.text_document.uri)?;
    let text = server.text(&relative)?;
    let scan = scan(server, &relative, &text);
    // Nested by level: a heading holds the deeper ones that follow it.
    let mut stack: Vec<(u8, DocumentSymbol)> = Vec::new();
    let mut roots = Vec::new();
    for heading in scan.headings.iter() {
        let name = heading.text().trim().to_owned();
        let range = server.encoding.range(&text, heading.range.clone());
        #[allow(deprecated)]
        let symbol = DocumentSymbol {
            name: if name.is_empty() {
                "(empty heading)".to_owned()
            } else {
                name
            },
            detail: None,
            kind: SymbolKind::STRING,
            tags: None,
            deprecated: None,
            range,
            selection_range: range,
            children: None,
        };
        while stack
            .last()
            .is_some_and(|(level, _)| *level >= heading.level)
        {
            close(&mut stack, &mut roots);
        }
        stack.push((heading.level, symbol));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    Some(DocumentSymbolResponse::Nested(roots))
}

fn close(stack: &mut Vec<(u8, DocumentSymbol)>, roots: &mut Vec<DocumentSymbol>) {
    let (_, symbol) = stack.pop().expect("not empty");
    match stack.last_mut() {
        Some((_, parent)) => parent.children.get_or_insert_with(Vec::new).push(symbol),
        None => roots.push(symbol),
    }
}

pub fn code_actions(server: &Server, params: CodeActionParams) -> Option<Vec<CodeActionOrCommand>> {
    let uri = params.text_document.uri.clone();
    let relative = server.relative(&uri)?;
    let text = server.text(&relative)?;
    let words = server.words();
    let mut actions = Vec::new();
    let fix = |title: String,
               edits: HashMap<Url, Vec<TextEdit>>,
               diagnostic: &lsp_types::Diagnostic,
               preferred: bool| {
        CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic.clone()]),
            edit: Some(WorkspaceEdit {
                changes: Some(edits),
                ..WorkspaceEdit::default()
            }),
            is_preferred: Some(preferred),
            ..CodeAction::default()
        })
    };
    for echoed in &params.context.diagnostics {
        // The server's own diagnostic, when the client's echo matches one:
        // its range and suggestion are exact (a client may send back
        // columns in its own units, or drop `data`).
        let own = own_diagnostic(server, &relative, echoed);
        let diagnostic = own.as_ref().unwrap_or(echoed);
        let code = match &diagnostic.code {
            Some(lsp_types::NumberOrString::String(code)) => code.as_str(),
            _ => continue,
        };
        let suggestion = diagnostic
            .data
            .as_ref()
            .and_then(|d| d.as_str())
            .unwrap_or_default();
        for (n, option) in crate::diagnostic::options(suggestion)
            .into_iter()
            .enumerate()
        {
            let edit = TextEdit {
                range: diagnostic.range,
                new_text: option.clone(),
            };
            actions.push(fix(
                words.format("lsp-replace-with", &[("option", option.as_str().into())]),
                HashMap::from([(uri.clone(), vec![edit])]),
                diagnostic,
                n == 0,
            ));
        }
        if code == "spelling"
            && let Some(action) = add_to_dictionary(server, &text, diagnostic)
        {
            actions.push(action);
        }
        if code == "missing-sections"
            && let Some(edit) = missing_sections(server, &relative, &text)
        {
            actions.push(fix(
                words.text("lsp-add-sections"),
                HashMap::from([(uri.clone(), vec![edit])]),
                diagnostic,
                false,
            ));
        }
    }
    Some(actions)
}

/// The server's diagnostic that a client sent back: same file, line, code
/// and message.
fn own_diagnostic(
    server: &Server,
    relative: &str,
    echoed: &lsp_types::Diagnostic,
) -> Option<lsp_types::Diagnostic> {
    let Some(lsp_types::NumberOrString::String(code)) = &echoed.code else {
        return None;
    };
    let first_line = echoed.message.lines().next().unwrap_or_default();
    server
        .diagnostics
        .iter()
        .find(|d| {
            d.file == relative
                && d.code == code
                && d.message == first_line
                && d.position
                    .is_some_and(|p| p.line == echoed.range.start.line as usize + 1)
        })
        .map(|d| server.lsp_diagnostic(d))
}

/// Appends the word of a spelling finding to the book's dictionary: the one
/// write the server offers, applied by the editor if the user picks it.
fn add_to_dictionary(
    server: &Server,
    text: &str,
    diagnostic: &lsp_types::Diagnostic,
) -> Option<CodeActionOrCommand> {
    let dictionary = server.view.as_ref()?.file.config.dictionary.clone()?;
    let start = server.encoding.offset(text, diagnostic.range.start);
    let end = server.encoding.offset(text, diagnostic.range.end);
    let word = text.get(start..end)?.trim();
    if word.is_empty() || word.contains(char::is_whitespace) {
        return None;
    }
    let uri = server.uri(&dictionary)?;
    let existing = server.text(&dictionary);
    let edit = match &existing {
        Some(list) => {
            let at = server.encoding.position(list, list.len());
            let newline = if list.is_empty() || list.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            TextEdit {
                range: lsp_types::Range::new(at, at),
                new_text: format!("{newline}{word}\n"),
            }
        }
        None => TextEdit {
            range: lsp_types::Range::default(),
            new_text: format!("{word}\n"),
        },
    };
    let mut workspace = WorkspaceEdit::default();
    if existing.is_some() {
        workspace.changes = Some(HashMap::from([(uri, vec![edit])]));
    } else {
        use lsp_types::{
            CreateFile, DocumentChangeOperation, DocumentChanges, OneOf,
            OptionalVersionedTextDocumentIdentifier, ResourceOp, TextDocumentEdit,
        };
        workspace.document_changes = Some(DocumentChanges::Operations(vec![
            DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                uri: uri.clone(),
                options: None,
                annotation_id: None,
            })),
            DocumentChangeOperation::Edit(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: vec![OneOf::Left(edit)],
            }),
        ]));
    }
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: server.words().format(
            "lsp-add-to-dictionary",
            &[
                ("word", word.into()),
                ("dictionary", dictionary.as_str().into()),
            ],
        ),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(workspace),
        ..CodeAction::default()
    }))
}

/// The expected sections a report lacks, as headings with their one line
/// of guidance (as `new`'s template has them), at the end of the report.
fn missing_sections(server: &Server, relative: &str, text: &str) -> Option<TextEdit> {
    let (_, report) = report_at(server, relative)?;
    let referential = referential(server)?;
    let mut added = String::new();
    for (section, heading) in report.sections.iter_enumerated() {
        if heading.is_none() {
            let section = &referential.sections[section];
            added.push_str(&format!(
                "\n## {}\n\n<!-- {} -->\n",
                section.title, section.guidance
            ));
        }
    }
    if added.is_empty() {
        return None;
    }
    let at = server.encoding.position(text, text.len());
    let newline = if text.ends_with('\n') { "" } else { "\n" };
    Some(TextEdit {
        range: lsp_types::Range::new(at, at),
        new_text: format!("{newline}{added}"),
    })
}

pub fn code_lenses(server: &Server, params: CodeLensParams) -> Option<Vec<CodeLens>> {
    let relative = server.relative(&params.text_document.uri)?;
    let text = server.text(&relative)?;
    let view = server.view.as_ref()?;
    let Some((_, report)) = report_at(server, &relative) else {
        return chapter_lens(view, &relative);
    };
    let referential = &view.file.referential;
    let mut skills: Vec<SkillId> = report.claims.iter().map(|c| c.skill).collect();
    skills.sort();
    skills.dedup();
    let ids = referential.skill_ids(&skills);
    let summary = view.file.matrix.summary(referential);
    let words = view.file.config.words();
    let title = words.format(
        "lsp-lens",
        &[
            ("skills", ids.join(" ").into()),
            ("count", ids.len().into()),
            ("covered", summary.covered.into()),
            ("total", summary.total.into()),
        ],
    );
    let at = report
        .title_heading
        .map_or(report.front_matter_range.end, |h| {
            report.scan.headings[h].range.start
        });
    let position = server.encoding.position(&text, at);
    Some(vec![lens_at(position, title)])
}

/// A title over a place of the document, which runs nothing.
fn lens_at(position: lsp_types::Position, title: String) -> CodeLens {
    CodeLens {
        range: lsp_types::Range::new(position, position),
        command: Some(Command {
            title,
            command: String::new(),
            arguments: None,
        }),
        data: None,
    }
}

/// A hand-written chapter's share of the page budget, on its first line:
/// "640 words, ~1.8 pages (2 printed) of the file's ~10.0 (8–10 asked)".
fn chapter_lens(view: &EditorView, relative: &str) -> Option<Vec<CodeLens>> {
    let path = relative
        .strip_prefix(view.source_dir.as_str())
        .map(|p| p.trim_start_matches('/'))
        .filter(|_| !view.source_dir.is_empty())
        .unwrap_or(relative);
    let chapter = view.pages.chapters.iter().find(|c| c.path == path)?;
    let words = view.file.config.words();
    let (min, max) = view.file.config.pages.unwrap_or_default();
    let title = words.format(
        "lsp-lens-chapter",
        &[
            ("words", chapter.words.into()),
            ("pages", words.decimal(chapter.pages, 1).into()),
            ("printed", (chapter.printed as usize).into()),
            ("total", words.decimal(view.pages.total, 1).into()),
            (
                "budget",
                if view.file.config.pages.is_some() {
                    "set"
                } else {
                    "unset"
                }
                .into(),
            ),
            ("min", words.number(&min.to_string()).into()),
            ("max", words.number(&max.to_string()).into()),
        ],
    );
    Some(vec![lens_at(lsp_types::Position::new(0, 0), title)])
}
