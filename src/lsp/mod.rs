//! `mdbook-technical-file lsp`: a Language Server Protocol 3.17 server over
//! stdio, a front end of the same analysis as `check` and the build.
//!
//! The book is found from the first document opened (walking up to
//! `book.toml`) or the workspace folder. Open documents' text, saved or
//! not, overrides the disk. Every change re-analyses the book (spelling
//! re-lints only the paragraphs that changed) and publishes the
//! diagnostics of every file, so book-wide findings follow edits anywhere.
//! The server never writes a file: the one write it offers (adding a word
//! to the dictionary) is an edit the editor applies when the user picks it.

mod features;
pub mod position;

use crate::book::editor::{self, EditorView};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::{Catalogue, Lang};
use crate::spelling::session::Session;
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::{self as notify, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionProviderCapability, CodeLensOptions, CompletionOptions, HoverProviderCapability,
    InitializeParams, OneOf, PublishDiagnosticsParams, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, Url,
};
use position::Encoding;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

/// Runs the server on stdin and stdout until the client says `exit`.
pub fn run() -> anyhow::Result<()> {
    let (connection, threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    threads.join()?;
    Ok(())
}

/// Serves one client on `connection` (stdio, or memory in tests).
pub fn serve(connection: &Connection) -> anyhow::Result<()> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let result = lsp_types::InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "mdbook-technical-file".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    let mut server = Server::new(encoding, workspace_root(&params));
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                let response = server.respond(request);
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(notification) => {
                if server.notified(notification) {
                    for params in server.publish() {
                        let note = Notification::new(
                            notify::PublishDiagnostics::METHOD.to_owned(),
                            params,
                        );
                        connection.sender.send(Message::Notification(note))?;
                    }
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(
                [" ", "(", "#", "[", "\"", ",", "/"]
                    .map(str::to_owned)
                    .to_vec(),
            ),
            ..CompletionOptions::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        ..ServerCapabilities::default()
    }
}

/// The workspace folder the client names, if any.
fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    #[allow(deprecated)]
    let uri = params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .map(|folder| folder.uri.clone())
        .or_else(|| params.root_uri.clone())?;
    let dir = uri.to_file_path().ok()?;
    book_root(&dir.join("book.toml"))
}

/// The folder with `book.toml` at or above `path`.
fn book_root(path: &Path) -> Option<PathBuf> {
    path.ancestors()
        .skip(1)
        .find(|dir| dir.join("book.toml").is_file())
        .map(Path::to_path_buf)
}

/// The server's state: the book, the open documents, the latest analysis.
pub struct Server {
    encoding: Encoding,
    root: Option<PathBuf>,
    /// Open documents' texts by path relative to the book root.
    open: BTreeMap<String, String>,
    session: Session,
    view: Option<EditorView>,
    /// The diagnostics of the last analysis, or why there is none.
    diagnostics: Vec<Diagnostic>,
    /// Files that have diagnostics shown, to clear them when they go.
    published: HashSet<Url>,
}

impl Server {
    /// The catalogue of the book's language (English before a first view).
    pub fn words(&self) -> &'static Catalogue {
        self.view
            .as_ref()
            .map_or(Lang::En.catalogue(), |v| v.file.config.words())
    }

    fn new(encoding: Encoding, root: Option<PathBuf>) -> Server {
        Server {
            encoding,
            root,
            open: BTreeMap::new(),
            session: Session::with_store(
                crate::spelling::cache::dir_from_env()
                    .as_deref()
                    .and_then(crate::spelling::cache::DiskCache::open)
                    .map(|c| Box::new(c) as Box<dyn crate::spelling::Store + Send>),
            ),
            view: None,
            diagnostics: Vec::new(),
            published: HashSet::new(),
        }
    }

    /// The path relative to the book root of a document in the book.
    fn relative(&self, uri: &Url) -> Option<String> {
        let path = uri.to_file_path().ok()?;
        let relative = path.strip_prefix(self.root.as_ref()?).ok()?;
        Some(crate::text::slash(relative))
    }

    fn uri(&self, relative: &str) -> Option<Url> {
        Url::from_file_path(self.root.as_ref()?.join(relative)).ok()
    }

    /// The text of a file of the book: the editor's if open, else the disk's.
    fn text(&self, relative: &str) -> Option<String> {
        match self.open.get(relative) {
            Some(text) => Some(text.clone()),
            None => {
                let bytes = std::fs::read(self.root.as_ref()?.join(relative)).ok()?;
                Some(crate::text::source::decode_owned(bytes).text)
            }
        }
    }

    /// Takes a notification; whether the book must be analysed again.
    fn notified(&mut self, notification: Notification) -> bool {
        match notification.method.as_str() {
            notify::DidOpenTextDocument::METHOD => {
                let Ok(params) = serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(
                    notification.params,
                ) else {
                    return false;
                };
                let document = params.text_document;
                if self.root.is_none()
                    && let Ok(path) = document.uri.to_file_path()
                {
                    self.root = book_root(&path);
                }
                let Some(relative) = self.relative(&document.uri) else {
                    return false;
                };
                self.open.insert(relative, document.text);
                true
            }
            notify::DidChangeTextDocument::METHOD => {
                let Ok(params) = serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(
                    notification.params,
                ) else {
                    return false;
                };
                let Some(relative) = self.relative(&params.text_document.uri) else {
                    return false;
                };
                let encoding = self.encoding;
                let Some(text) = self.open.get_mut(&relative) else {
                    return false;
                };
                for change in params.content_changes {
                    match change.range {
                        None => *text = change.text,
                        Some(range) => {
                            let start = encoding.offset(text, range.start);
                            let end = encoding.offset(text, range.end).max(start);
                            text.replace_range(start..end, &change.text);
                        }
                    }
                }
                true
            }
            notify::DidCloseTextDocument::METHOD => {
                if let Ok(params) = serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(
                    notification.params,
                ) && let Some(relative) = self.relative(&params.text_document.uri)
                {
                    self.open.remove(&relative);
                }
                true
            }
            notify::DidSaveTextDocument::METHOD | notify::DidChangeWatchedFiles::METHOD => true,
            _ => false,
        }
    }

    /// Analyses the book again and says what to publish: every file's
    /// diagnostics, and empty lists for files whose diagnostics went.
    fn publish(&mut self) -> Vec<PublishDiagnosticsParams> {
        let Some(root) = self.root.clone() else {
            return Vec::new();
        };
        let open: HashMap<String, String> = self
            .open
            .iter()
            .map(|(path, text)| (path.clone(), text.clone()))
            .collect();
        let session = &mut self.session;
        let analysed =
            std::panic::catch_unwind(AssertUnwindSafe(|| editor::analyze(&root, &open, session)));
        match analysed {
            Ok(Ok(view)) => {
                self.diagnostics = view.diagnostics.clone();
                self.view = Some(view);
            }
            Ok(Err(error)) => {
                self.diagnostics = editor::fatal(&error);
                self.view = None;
            }
            Err(_) => {
                self.diagnostics = vec![Diagnostic::error(
                    "internal",
                    "book.toml",
                    "the analysis failed unexpectedly; the server keeps running",
                )];
                self.view = None;
            }
        }
        let mut by_file: BTreeMap<String, Vec<lsp_types::Diagnostic>> = BTreeMap::new();
        for d in &self.diagnostics {
            let file = if self
                .root
                .as_ref()
                .is_some_and(|r| r.join(&d.file).is_file())
                || self.open.contains_key(&d.file)
            {
                d.file.clone()
            } else {
                "book.toml".to_owned()
            };
            by_file
                .entry(file)
                .or_default()
                .push(self.lsp_diagnostic(d));
        }
        let mut params = Vec::new();
        let mut now = HashSet::new();
        for (file, diagnostics) in by_file {
            if let Some(uri) = self.uri(&file) {
                now.insert(uri.clone());
                params.push(PublishDiagnosticsParams {
                    uri,
                    diagnostics,
                    version: None,
                });
            }
        }
        for uri in self.published.difference(&now) {
            params.push(PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics: Vec::new(),
                version: None,
            });
        }
        self.published = now;
        params
    }

    fn lsp_diagnostic(&self, d: &Diagnostic) -> lsp_types::Diagnostic {
        let range = match (&d.position, &d.excerpt) {
            (Some(position), Some(excerpt)) => {
                let line = u32::try_from(position.line.saturating_sub(1)).unwrap_or(u32::MAX);
                let start = excerpt.span.start.min(excerpt.line_text.len());
                let end = excerpt.span.end.clamp(start, excerpt.line_text.len());
                let column = |at: usize| {
                    let at = crate::text::source::floor_char_boundary(&excerpt.line_text, at);
                    self.encoding.units(&excerpt.line_text[..at])
                };
                lsp_types::Range::new(
                    lsp_types::Position::new(line, column(start)),
                    lsp_types::Position::new(line, column(end)),
                )
            }
            (Some(position), None) => {
                let line = u32::try_from(position.line.saturating_sub(1)).unwrap_or(u32::MAX);
                let at = lsp_types::Position::new(line, 0);
                lsp_types::Range::new(at, at)
            }
            _ => lsp_types::Range::default(),
        };
        let message = match &d.suggestion {
            Some(help) => {
                let help = self
                    .words()
                    .format("lsp-help", &[("help", help.as_str().into())]);
                format!("{}\n{help}", d.message)
            }
            None => d.message.clone(),
        };
        lsp_types::Diagnostic {
            range,
            severity: Some(match d.severity {
                Severity::Error => lsp_types::DiagnosticSeverity::ERROR,
                Severity::Warning => lsp_types::DiagnosticSeverity::WARNING,
            }),
            code: Some(lsp_types::NumberOrString::String(d.code.to_owned())),
            source: Some("technical-file".to_owned()),
            message,
            data: d
                .suggestion
                .as_ref()
                .map(|s| serde_json::Value::String(s.clone())),
            ..lsp_types::Diagnostic::default()
        }
    }

    /// Answers a request; a panic is caught, logged and answered as an
    /// error, and the server keeps serving.
    fn respond(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let answered = std::panic::catch_unwind(AssertUnwindSafe(|| self.dispatch(request)));
        match answered {
            Ok(Ok(response)) => response,
            Ok(Err(message)) => {
                Response::new_err(id, lsp_server::ErrorCode::InvalidParams as i32, message)
            }
            Err(_) => {
                eprintln!("technical-file lsp: a request failed unexpectedly; still serving");
                Response::new_err(
                    id,
                    lsp_server::ErrorCode::InternalError as i32,
                    "internal error".to_owned(),
                )
            }
        }
    }

    fn dispatch(&mut self, request: Request) -> Result<Response, String> {
        let Request { id, method, params } = request;
        let result = match method.as_str() {
            req::Completion::METHOD => json(features::completion(self, parse(params)?)),
            req::HoverRequest::METHOD => json(features::hover(self, parse(params)?)),
            req::GotoDefinition::METHOD => json(features::definition(self, parse(params)?)),
            req::References::METHOD => json(features::references(self, parse(params)?)),
            req::DocumentSymbolRequest::METHOD => json(features::symbols(self, parse(params)?)),
            req::CodeActionRequest::METHOD => json(features::code_actions(self, parse(params)?)),
            req::CodeLensRequest::METHOD => json(features::code_lenses(self, parse(params)?)),
            _ => {
                return Ok(Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("unknown method {method}"),
                ));
            }
        };
        Ok(Response::new_ok(id, result))
    }
}

/// A request's parameters, or why they are not what the method takes.
fn parse<P: serde::de::DeserializeOwned>(params: serde_json::Value) -> Result<P, String> {
    serde_json::from_value(params).map_err(|e| format!("invalid parameters: {e}"))
}

fn json(result: impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(result).unwrap_or(serde_json::Value::Null)
}
