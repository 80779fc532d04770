//! The language server's latency, as an editor sees it: the release
//! binary's `lsp` over stdio on a copy of the example book, spelling on.
//!
//! - initialize → the first diagnostics of the report opened (harper loaded
//!   and every report and chapter linted once);
//! - didChange → diagnostics, for a report of about 3,000 words, a word of
//!   one paragraph changed each time (median of 40 edits);
//! - the server's resident memory after 100 and after 1,000 edits.
//!
//! `cargo bench --bench lsp` (prints a Markdown table).

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

struct Server {
    child: std::process::Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    id: i64,
}

impl Server {
    fn start(root: &Path, cache: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mdbook-technical-file"))
            .arg("lsp")
            .current_dir(root)
            .env("MDBOOK_TECHNICAL_FILE_CACHE", cache)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary runs");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    match line.trim_end().strip_prefix("Content-Length: ") {
                        Some(n) => length = n.parse().unwrap(),
                        None if line.trim_end().is_empty() => break,
                        None => {}
                    }
                }
                let mut body = vec![0; length];
                stdout.read_exact(&mut body).unwrap();
                if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Server {
            child,
            stdin,
            messages,
            id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn request(&mut self, method: &str, params: Value) {
        self.id += 1;
        let id = self.id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        while self
            .messages
            .recv_timeout(Duration::from_secs(120))
            .unwrap()["id"]
            != id
        {}
    }

    /// Waits for the diagnostics of `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(120))
                .unwrap();
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
            {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }

    fn resident_kb(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    }
}

fn copy_example(to: &Path) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for entry in [
        "book.toml",
        "technical-file.css",
        "words.txt",
        "book",
        "reports",
    ] {
        let status = Command::new("cp")
            .arg("-r")
            .arg(root.join(entry))
            .arg(to)
            .status()
            .unwrap();
        assert!(status.success());
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    copy_example(&root);
    // A report of about 3,000 words: the landing zone report and the
    // sections of two others, as one.
    let report = root.join("reports/terraform-aws-landing-zone.md");
    let mut text = std::fs::read_to_string(&report).unwrap();
    for other in ["kubernetes-gitops-platform", "observability-stack"] {
        let body = std::fs::read_to_string(root.join(format!("reports/{other}.md"))).unwrap();
        let body = &body[body.find("\n## ").unwrap()..];
        text.push_str(&body.replace("\n## ", &format!("\n## {other}: ")));
    }
    let words = text.split_whitespace().count();
    let uri = format!("file://{}", report.display());

    // A fresh spelling cache (outside the book), cold then warm.
    let cache = tempfile::tempdir().unwrap();
    let open = |cache: &Path| {
        let started = Instant::now();
        let mut server = Server::start(&root, cache);
        let root_uri = format!("file://{}", root.display());
        server.request(
            "initialize",
            json!({"processId": null, "rootUri": root_uri, "capabilities": {}}),
        );
        server.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        server.send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}}));
        server.diagnostics(&uri);
        (started.elapsed(), server)
    };
    let (first, mut server) = open(cache.path());
    server.request("shutdown", Value::Null);
    server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = server.child.wait();
    let (warm, mut server) = open(cache.path());

    // One word of one paragraph changed per edit, paragraphs in turn.
    let paragraphs: Vec<usize> = text.match_indices("\n\nThe ").map(|(i, _)| i + 2).collect();
    let mut times = Vec::new();
    let mut memory = Vec::new();
    for edit in 0..1000 {
        let at = paragraphs[edit % paragraphs.len()];
        let mut changed = text.clone();
        changed.replace_range(at..at + 3, if edit % 2 == 0 { "Our" } else { "The" });
        let start = Instant::now();
        server.send(json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": edit + 2}, "contentChanges": [{"text": changed}]}}));
        server.diagnostics(&uri);
        if edit < 40 {
            times.push(start.elapsed());
        }
        if edit == 99 || edit == 999 {
            memory.push(server.resident_kb());
        }
        if edit == 39 && std::env::args().any(|a| a == "--quick") {
            memory = vec![server.resident_kb(); 2];
            break;
        }
    }
    server.request("shutdown", Value::Null);
    server.send(json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = server.child.wait();

    println!("| measure | value |");
    println!("|---|---:|");
    println!(
        "| initialize → first diagnostics, 7 reports and 6 chapters, spelling cache cold | {} |",
        ms(first)
    );
    println!(
        "| initialize → first diagnostics, spelling cache warm (a second server) | {} |",
        ms(warm)
    );
    println!(
        "| didChange → diagnostics, one word of a {words}-word report (median of 40 edits) | {} |",
        ms(median(times))
    );
    println!(
        "| server memory after 100 edits | {:.1} MB |",
        memory[0] as f64 / 1024.0
    );
    println!(
        "| server memory after 1,000 edits | {:.1} MB |",
        memory[1] as f64 / 1024.0
    );
}
