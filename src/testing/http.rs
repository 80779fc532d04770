//! A static HTTP server on 127.0.0.1 for the cohort's tests and benchmark:
//! `/<site>/<path>` is the file `<path>` of that site's folder, a thread
//! per connection, `Connection: close`; it stops when dropped. Only test
//! builds follow `http://127.0.0.1:` addresses (`cohort::file::followed`).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

pub struct Server {
    pub port: u16,
    stop: Arc<AtomicBool>,
}

impl Server {
    /// Serves `sites` (name → folder) on `listener` until dropped, for at
    /// most `connections` connections.
    pub fn start(
        listener: TcpListener,
        sites: BTreeMap<String, PathBuf>,
        connections: usize,
    ) -> Server {
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let sites = Arc::new(sites);
        std::thread::spawn(move || {
            for stream in listener.incoming().take(connections) {
                if flag.load(Ordering::Relaxed) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let sites = Arc::clone(&sites);
                std::thread::spawn(move || serve(stream, &sites));
            }
        });
        Server { port, stop }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(mut stream: TcpStream, sites: &BTreeMap<String, PathBuf>) {
    let Ok(clone) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(clone);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    // The rest of the request's head.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/");
    let body = path
        .trim_start_matches('/')
        .split_once('/')
        .and_then(|(site, rest)| Some(sites.get(site)?.join(rest)))
        .filter(|p| p.is_file() && !path.contains(".."))
        .and_then(|file| std::fs::read(file).ok());
    let (status, body) = match body {
        Some(body) => ("200 OK", body),
        None => ("404 Not Found", b"not found".to_vec()),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(&body);
}
