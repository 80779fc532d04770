//! The language server, driven over stdio as an editor drives it: the
//! binary's `lsp` command, JSON-RPC with Content-Length headers, on a copy
//! of the example book with mistakes put in.

use crate::support::{binary, copy_book, repo_root};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// An LSP client over the server's stdio.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// The latest diagnostics published, by URI.
    diagnostics: HashMap<String, Vec<Value>>,
}

impl Client {
    fn start(root: &Path, capabilities: Value) -> Client {
        let mut child = binary()
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = channel();
        std::thread::spawn(move || read_messages(stdout, sender));
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 0,
            diagnostics: HashMap::new(),
        };
        let uri = uri(root);
        let result = client.request(
            "initialize",
            json!({"processId": null, "rootUri": uri, "workspaceFolders": [{"uri": uri, "name": "book"}], "capabilities": capabilities}),
        );
        assert_eq!(
            result["result"]["serverInfo"]["name"],
            "mdbook-technical-file"
        );
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response, keeping the
    /// diagnostics published meanwhile.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(120))
                .expect("the server answers");
            if message["id"] == id {
                return message;
            }
            if message["method"] == "textDocument/publishDiagnostics" {
                let params = &message["params"];
                self.diagnostics.insert(
                    params["uri"].as_str().unwrap().to_owned(),
                    params["diagnostics"].as_array().unwrap().clone(),
                );
            }
        }
    }

    /// Waits until every notification sent before is handled.
    fn sync(&mut self) {
        self.request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": "file:///nowhere.md"}}),
        );
    }

    fn open(&mut self, path: &Path, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "markdown", "version": 1, "text": text}}),
        );
        self.sync();
    }

    fn change(&mut self, path: &Path, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(path), "version": 2}, "contentChanges": [{"text": text}]}),
        );
        self.sync();
    }

    /// `code message` of the diagnostics of a file, with their ranges.
    fn diagnostics_of(&self, path: &Path) -> Vec<(String, String, Value)> {
        self.diagnostics
            .get(&uri(path))
            .into_iter()
            .flatten()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_owned(),
                    d["message"]
                        .as_str()
                        .unwrap()
                        .lines()
                        .next()
                        .unwrap()
                        .to_owned(),
                    d["range"].clone(),
                )
            })
            .collect()
    }

    fn shutdown(mut self) {
        let answer = self.request("shutdown", Value::Null);
        assert!(answer.get("error").is_none(), "{answer}");
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success());
    }
}

fn read_messages(stdout: ChildStdout, sender: std::sync::mpsc::Sender<Value>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut length = 0;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length: ") {
                length = value.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
            return;
        }
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The UTF-16 position of the first `needle` in `text` (plus `shift` chars).
fn position(text: &str, needle: &str, shift: usize) -> Value {
    let offset = text.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[line_start..offset].encode_utf16().count() + shift;
    json!({"line": text[..offset].matches('\n').count(), "character": character})
}

const REPORT: &str = "reports/terraform-aws-landing-zone.md";

fn with_mistakes() -> String {
    let text = std::fs::read_to_string(repo_root().join(REPORT)).unwrap();
    text.replacen(
        "## Constraints\n",
        "## Constraints\n\nLe réseau 🚀 était prêt: the team recieved it {{#skill observabilty}}.\n",
        1,
    )
}

#[test]
fn diagnostics_are_checks_with_utf16_positions_and_follow_every_edit() {
    let book = copy_book(&repo_root());
    let root = std::fs::canonicalize(book.path()).unwrap();
    let mut client = Client::start(&root, json!({}));
    let path = root.join(REPORT);
    let text = with_mistakes();
    client.open(&path, &text);
    let found = client.diagnostics_of(&path);
    let codes: Vec<(&str, &str)> = found
        .iter()
        .map(|(c, m, _)| (c.as_str(), m.as_str()))
        .collect();
    assert!(
        codes.contains(&("unknown-skill", "unknown skill `observabilty`")),
        "{codes:#?}"
    );
    assert!(
        codes.contains(&("spelling", "possible spelling mistake: `recieved`")),
        "{codes:#?}"
    );
    // UTF-16 columns: `🚀` is two units, `é` one.
    let recieved = found
        .iter()
        .find(|(_, m, _)| m.contains("recieved"))
        .unwrap();
    assert_eq!(recieved.2["start"], position(&text, "recieved", 0));
    assert_eq!(recieved.2["end"], position(&text, "recieved", 8));

    // The same findings as `check` on the same text saved.
    std::fs::write(&path, &text).unwrap();
    let check = binary()
        .args(["check", "--format", "json"])
        .current_dir(&root)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&check.stdout).unwrap();
    let from_check: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == REPORT)
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut ours: Vec<(String, String)> = found
        .iter()
        .map(|(c, m, _)| (c.clone(), m.clone()))
        .collect();
    let mut theirs = from_check.clone();
    ours.sort();
    theirs.sort();
    assert_eq!(ours, theirs);

    // Fixing the text clears them at the next change, unsaved.
    let fixed = text
        .replace("recieved", "received")
        .replace("observabilty", "observability");
    client.change(&path, &fixed);
    let codes: Vec<String> = client
        .diagnostics_of(&path)
        .into_iter()
        .map(|(c, _, _)| c)
        .collect();
    assert!(!codes.iter().any(|c| c == "unknown-skill"), "{codes:?}");
    assert!(
        !client
            .diagnostics_of(&path)
            .iter()
            .any(|(_, m, _)| m.contains("recieved")),
        "{codes:?}"
    );
    client.shutdown();
}

#[test]
fn a_change_in_one_report_updates_the_diagnostics_of_another() {
    let book = copy_book(&repo_root());
    let root = std::fs::canonicalize(book.path()).unwrap();
    let mut client = Client::start(&root, json!({}));
    let linking = root.join("reports/postgres-mongodb-migration.md");
    let linking_text = std::fs::read_to_string(&linking).unwrap().replace(
        "(terraform-aws-landing-zone.md)",
        "(terraform-aws-landing-zone.md#constraints)",
    );
    client.open(&linking, &linking_text);
    assert!(
        !client
            .diagnostics_of(&linking)
            .iter()
            .any(|(c, _, _)| c == "broken-link")
    );
    // Renaming the heading the link points to, in the other report, unsaved.
    let target = root.join(REPORT);
    let renamed = std::fs::read_to_string(&target)
        .unwrap()
        .replace("## Constraints", "## Limits");
    client.open(&target, &renamed);
    let broken: Vec<String> = client
        .diagnostics_of(&linking)
        .into_iter()
        .filter(|(c, _, _)| c == "broken-link")
        .map(|(_, m, _)| m)
        .collect();
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(broken[0].contains("#constraints"), "{broken:?}");
    client.shutdown();
}

#[test]
fn completion_hover_definition_references_symbols_actions_and_lens() {
    let book = copy_book(&repo_root());
    let root = std::fs::canonicalize(book.path()).unwrap();
    let mut client = Client::start(&root, json!({}));
    let path = root.join(REPORT);
    let text = with_mistakes()
        + "\nSee [the GitOps platform](kubernetes-gitops-platform.md#constraints) and [the](kubernetes-gitops-platform.md#\n\n{{#skill \n";
    client.open(&path, &text);
    let doc = json!({"uri": uri(&path)});

    // Completion of skill ids in a marker, in referential order.
    let at = |needle: &str, shift: usize| json!({"textDocument": doc, "position": position(&text, needle, shift)});
    let items = client.request("textDocument/completion", at("{{#skill \n", 9))["result"].clone();
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels.len(), 36, "18 ids and 18 slugs");
    assert_eq!(labels[0], "C1.1");
    assert!(labels.contains(&"observability"));
    // Heading ids of another report after `#`, as mdBook gives them.
    let items = client.request(
        "textDocument/completion",
        at("kubernetes-gitops-platform.md#\n", 30),
    )["result"]
        .clone();
    let anchors: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        anchors.contains(&"constraints") && anchors.contains(&"the-problem"),
        "{anchors:?}"
    );
    // Report files after `](`.
    let items = client.request(
        "textDocument/completion",
        at("kubernetes-gitops-platform.md#\n", 0),
    )["result"]
        .clone();
    let files: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        files.contains(&"kubernetes-gitops-platform.md")
            && !files.contains(&"terraform-aws-landing-zone.md"),
        "{files:?}"
    );

    // Hover on a skill: its wording and where else it is evidenced.
    let hover = client.request("textDocument/hover", at("{{#skill C2.1}}", 10))["result"]["contents"]["value"].clone();
    let hover = hover.as_str().unwrap();
    assert!(hover.starts_with("**C2.1 — "), "{hover}");
    assert!(
        hover.contains("Evidenced in:") && hover.contains("file://"),
        "{hover}"
    );
    // Hover on a link to a report: its title and date.
    let hover =
        client.request("textDocument/hover", at("[the GitOps platform]", 3))["result"]["contents"]
            ["value"]
            .clone();
    assert!(hover.as_str().unwrap().contains("validated 20"), "{hover}");

    // Go to definition: the heading of the other report.
    let definition =
        client.request("textDocument/definition", at("[the GitOps platform]", 3))["result"].clone();
    assert_eq!(
        definition["uri"],
        uri(&root.join("reports/kubernetes-gitops-platform.md"))
    );
    let other =
        std::fs::read_to_string(root.join("reports/kubernetes-gitops-platform.md")).unwrap();
    assert_eq!(
        definition["range"]["start"],
        position(&other, "## Constraints", 0)
    );

    // Find references: every marker and front matter entry claiming C1.2.
    let references = client.request("textDocument/references", json!({"textDocument": doc, "position": position(&text, "\"C1.2\"", 1), "context": {"includeDeclaration": true}}))["result"].clone();
    let references = references.as_array().unwrap();
    let expected: usize = ["reports"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap().flatten())
        .filter(|e| {
            e.path().extension().is_some_and(|x| x == "md")
                && !e.path().ends_with("serverless-draft.md")
        })
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            // By id, or by its slug.
            text.matches("C1.2").count() + text.matches("{{#skill hyperscalers}}").count()
        })
        .sum();
    assert_eq!(references.len(), expected, "{references:#?}");

    // Code actions: the "did you mean" fix, and adding a word to words.txt.
    let diagnostics: Vec<Value> = client.diagnostics.get(&uri(&path)).unwrap().clone();
    let unknown = diagnostics
        .iter()
        .find(|d| d["code"] == "unknown-skill")
        .unwrap()
        .clone();
    let actions = client.request("textDocument/codeAction", json!({"textDocument": doc, "range": unknown["range"], "context": {"diagnostics": [unknown]}}))["result"].clone();
    let fix = &actions[0];
    assert_eq!(fix["title"], "Replace with `observability`");
    let edit = &fix["edit"]["changes"][uri(&path)][0];
    assert_eq!(edit["newText"], "observability");
    assert_eq!(edit["range"]["start"], position(&text, "observabilty", 0));
    let spelling = diagnostics
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("recieved"))
        .unwrap()
        .clone();
    let actions = client.request("textDocument/codeAction", json!({"textDocument": doc, "range": spelling["range"], "context": {"diagnostics": [spelling]}}))["result"].clone();
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles[0], "Replace with `received`");
    assert!(
        titles.contains(&"Add `recieved` to the dictionary (words.txt)"),
        "{titles:?}"
    );
    // The server itself wrote nothing.
    assert!(
        !std::fs::read_to_string(root.join("words.txt"))
            .unwrap()
            .contains("recieved")
    );

    // Symbols: the headings, nested; the lens on the title.
    let symbols =
        client.request("textDocument/documentSymbol", json!({"textDocument": doc}))["result"]
            .clone();
    assert_eq!(symbols[0]["name"], "Terraform landing zone on AWS");
    assert_eq!(symbols[0]["children"][1]["name"], "Constraints");
    let lens =
        client.request("textDocument/codeLens", json!({"textDocument": doc}))["result"].clone();
    let title = lens[0]["command"]["title"].as_str().unwrap();
    assert!(
        title.starts_with("evidences C1.1 C1.2") && title.ends_with("· book 17/18 skills"),
        "{title}"
    );

    // A hand-written chapter's lens: its share of the page budget, as the
    // estimate counts it; it follows the unsaved text.
    let chapter = root.join("book/conclusion.md");
    let conclusion = std::fs::read_to_string(&chapter).unwrap();
    client.open(&chapter, &conclusion);
    let chapter_doc = json!({"uri": uri(&chapter)});
    let lens_title = |client: &mut Client| {
        let lens = client.request(
            "textDocument/codeLens",
            json!({"textDocument": chapter_doc}),
        )["result"]
            .clone();
        lens[0]["command"]["title"].as_str().unwrap().to_owned()
    };
    let title = lens_title(&mut client);
    let estimate = mdbook_technical_file::analyze(&root).unwrap().pages;
    let words = estimate
        .chapters
        .iter()
        .find(|c| c.path == "conclusion.md")
        .unwrap()
        .words;
    assert!(
        title.starts_with(&format!("{words} words, ~0."))
            && title.ends_with(" pages (1 printed) of the file's ~10.0 (8–10 asked)"),
        "{title}"
    );
    let longer = format!(
        "{conclusion}\n{}\n",
        "More words about the year. ".repeat(60)
    );
    client.change(&chapter, &longer);
    let title = lens_title(&mut client);
    assert!(
        title.contains("(2 printed) of the file's ~11.0 (8–10 asked)"),
        "{title}"
    );
    client.shutdown();
}

#[test]
fn broken_input_gets_diagnostics_and_the_server_keeps_serving() {
    let book = copy_book(&repo_root());
    let root = std::fs::canonicalize(book.path()).unwrap();
    let mut client = Client::start(&root, json!({"general": {"positionEncodings": ["utf-8"]}}));
    let path = root.join(REPORT);
    // Broken front matter, binary junk and a 10 MB line.
    let junk = format!(
        "+++\ntitle = \"x\ndate = 2025-13-45\n+++\n# Junk \u{0}\u{1}\u{fffd}\n\n{}\n",
        "a".repeat(10 * 1024 * 1024)
    );
    client.open(&path, &junk);
    let codes: Vec<String> = client
        .diagnostics_of(&path)
        .into_iter()
        .map(|(c, _, _)| c)
        .collect();
    assert!(
        codes.contains(&"malformed-front-matter".to_owned()),
        "{codes:?}"
    );
    // Malformed and unknown requests are errors, not crashes.
    let answer = client.request("textDocument/hover", json!({"nonsense": true}));
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("invalid parameters"),
        "{answer}"
    );
    let answer = client.request("workspace/unknownThing", json!({}));
    assert_eq!(answer["error"]["code"], -32601);
    // A broken book.toml: one diagnostic on book.toml, until it is fixed.
    let book_toml = root.join("book.toml");
    let original = std::fs::read_to_string(&book_toml).unwrap();
    client.open(&book_toml, "[book\n");
    std::fs::write(&book_toml, "[book\n").unwrap();
    client.change(&path, "# Fine\n");
    let on_toml = client.diagnostics_of(&book_toml);
    assert_eq!(on_toml.len(), 1, "{on_toml:?}");
    assert!(
        on_toml[0].1.starts_with("the book cannot be loaded"),
        "{on_toml:?}"
    );
    std::fs::write(&book_toml, &original).unwrap();
    client.change(&book_toml, &original);
    assert!(client.diagnostics_of(&book_toml).is_empty());
    assert!(
        !client.diagnostics_of(&path).is_empty(),
        "the report is analysed again"
    );
    client.shutdown();
}

/// The language server writes nothing into the book: not the chapter that
/// SUMMARY.md lists and lacks (mdBook's default `create-missing` would
/// make it), not the report it edits (the editor saves, not the server).
/// Every file's bytes and modification time, before and after a session of
/// open, change, save, hover, completion, code actions and code lens.
#[test]
fn the_language_server_writes_nothing_into_the_book() {
    let book = copy_book(&repo_root());
    let root = std::fs::canonicalize(book.path()).unwrap();
    let summary = root.join("book/SUMMARY.md");
    let listed = std::fs::read_to_string(&summary).unwrap() + "- [Ghost](ghost-chapter.md)\n";
    std::fs::write(&summary, listed).unwrap();
    // mtimes have a coarse resolution on some file systems.
    std::thread::sleep(Duration::from_millis(20));
    let sources = || -> Vec<_> {
        crate::support::snapshot(&root)
            .into_iter()
            .filter(|(path, _)| !path.starts_with(root.join("target")))
            .collect()
    };
    let before = sources();

    let mut client = Client::start(&root, json!({}));
    let path = root.join(REPORT);
    let text = with_mistakes() + "\n{{#skill \n";
    client.open(&path, &text);
    client.change(&path, &(text.clone() + "\nOne more line.\n"));
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&path)}}),
    );
    let doc = json!({"uri": uri(&path)});
    let at = |needle: &str, shift: usize| json!({"textDocument": doc, "position": position(&text, needle, shift)});
    client.request("textDocument/completion", at("{{#skill \n", 9));
    client.request("textDocument/hover", at("{{#skill C", 9));
    client.request("textDocument/codeLens", json!({"textDocument": doc}));
    let diagnostics: Vec<Value> = client
        .diagnostics
        .get(&uri(&path))
        .cloned()
        .unwrap_or_default();
    assert!(!diagnostics.is_empty(), "the server checked the report");
    for diagnostic in &diagnostics {
        client.request(
            "textDocument/codeAction",
            json!({"textDocument": doc, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}}),
        );
    }
    // Spelling may finish in the background: give it the time it takes.
    std::thread::sleep(Duration::from_secs(2));
    client.sync();
    client.shutdown();

    assert!(
        !root.join("book/ghost-chapter.md").exists(),
        "the server created the listed chapter"
    );
    let after = sources();
    let changed: Vec<_> = before
        .iter()
        .zip(&after)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.0.display().to_string())
        .collect();
    assert!(
        before.len() == after.len() && changed.is_empty(),
        "written by the server: {changed:?} ({} files before, {} after)",
        before.len(),
        after.len()
    );
}
