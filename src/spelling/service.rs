//! A warm lint service for `mdbook serve`, so that a save shows the
//! spelling findings it caused. Each build under `mdbook serve` is a new
//! process, and harper takes about a second to start: too slow for a save.
//! The background process that fills the cache (see `background`) stays up
//! afterwards as this service, with a warm linter and the paragraphs it has
//! seen, on a Unix socket in the cache folder; a build asks it for what its
//! cache lacks and waits at most `ANSWER_WITHIN` (and, while the service
//! is starting, at most `STARTING_WITHIN` for it to listen). A service idle for
//! `IDLE_LIMIT` exits; a build that finds none defers as before (and starts
//! one). Nothing is written outside the cache folder.

use super::prose::Blanked;
use super::session::Session;
use super::{Finding, Settings};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a build waits for the service's answer before deferring.
const ANSWER_WITHIN: Duration = Duration::from_millis(1500);
/// How long a build waits for a service that is starting (the background
/// process still filling the cache) before deferring: the first save after
/// `mdbook serve` starts then shows its findings too, a few seconds later.
const STARTING_WITHIN: Duration = Duration::from_secs(60);
/// A lock older than this is not a service starting (its process died).
const STARTING_AT_MOST: Duration = Duration::from_secs(180);
/// How long the service waits for a request before it exits.
pub const IDLE_LIMIT: Duration = Duration::from_secs(600);

#[derive(Serialize, Deserialize)]
struct Request {
    settings: Settings,
    items: Vec<(Blanked, String)>,
}

/// Where a build finds the book's service: its socket, and the lock that
/// says it is starting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub socket: PathBuf,
    pub starting: PathBuf,
}

impl Endpoint {
    pub fn of(cache_dir: &Path, root: &Path) -> Endpoint {
        Endpoint {
            socket: socket(cache_dir, root),
            starting: super::background::lock_path(cache_dir, root),
        }
    }

    /// Whether the background process holds its lock, and recently.
    fn is_starting(&self) -> bool {
        std::fs::metadata(&self.starting)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age < STARTING_AT_MOST))
    }

    /// A connection to the service; while it is starting, waits for it.
    #[cfg(unix)]
    fn connect(&self) -> Option<std::os::unix::net::UnixStream> {
        let since = std::time::Instant::now();
        loop {
            if let Ok(stream) = std::os::unix::net::UnixStream::connect(&self.socket) {
                return Some(stream);
            }
            if !self.is_starting() || since.elapsed() > STARTING_WITHIN {
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// The socket of the service of the book at `root`, in the cache folder.
pub fn socket(cache_dir: &Path, root: &Path) -> PathBuf {
    cache_dir.join(format!(
        "lint-{}.sock",
        super::background::book_digest(root)
    ))
}

/// Asks the service at `endpoint` for the findings of `items` (blanked
/// text and original text), waiting for it while it starts; `None` when
/// there is no service or it is too slow.
#[cfg(unix)]
pub fn ask(
    endpoint: &Endpoint,
    settings: &Settings,
    items: &[(&Blanked, &str)],
) -> Option<Vec<Vec<Finding>>> {
    use std::io::{BufRead, BufReader, Write};
    if items.is_empty() {
        return Some(Vec::new());
    }
    let mut stream = endpoint.connect()?;
    stream.set_read_timeout(Some(ANSWER_WITHIN)).ok()?;
    stream.set_write_timeout(Some(ANSWER_WITHIN)).ok()?;
    let request = Request {
        settings: settings.clone(),
        items: items
            .iter()
            .map(|(b, t)| ((*b).clone(), (*t).to_owned()))
            .collect(),
    };
    let mut line = serde_json::to_string(&request).ok()?;
    line.push('\n');
    stream.write_all(line.as_bytes()).ok()?;
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer).ok()?;
    let found: Vec<Vec<Finding>> = serde_json::from_str(&answer).ok()?;
    (found.len() == items.len()).then_some(found)
}

#[cfg(not(unix))]
pub fn ask(_: &Endpoint, _: &Settings, _: &[(&Blanked, &str)]) -> Option<Vec<Vec<Finding>>> {
    None
}

/// Serves requests on `socket` with `session` (already warm) until no
/// request comes for `IDLE_LIMIT`; `ready` runs once the socket listens
/// (or the service gives up), so that a build waiting for it never finds
/// neither the lock nor the socket. A socket that answers already is left
/// to its service.
#[cfg(unix)]
pub fn serve(socket: &Path, mut session: Session, ready: impl FnOnce()) {
    use std::io::{BufRead, BufReader, Write};
    use std::os::unix::net::{UnixListener, UnixStream};
    if UnixStream::connect(socket).is_ok() {
        ready();
        return; // another service answers for this book
    }
    let _ = std::fs::remove_file(socket);
    let listener = UnixListener::bind(socket);
    ready();
    let Ok(listener) = listener else {
        return;
    };
    if listener.set_nonblocking(true).is_err() {
        return;
    }
    let mut idle_since = std::time::Instant::now();
    let mut polls = 0u32;
    while idle_since.elapsed() < IDLE_LIMIT {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                polls = polls.wrapping_add(1);
                // Its socket gone (the cache folder was cleared): stop.
                if polls.is_multiple_of(50) && !socket.exists() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
            Err(_) => break,
        };
        idle_since = std::time::Instant::now();
        let _ = stream.set_nonblocking(false);
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        let mut reader = BufReader::new(&stream);
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() {
            continue;
        }
        let Ok(request) = serde_json::from_str::<Request>(&line) else {
            continue;
        };
        let items: Vec<(&Blanked, &str)> =
            request.items.iter().map(|(b, t)| (b, t.as_str())).collect();
        let (found, _) = session.check_blanked(&items, &request.settings);
        let mut answer = serde_json::to_string(&found).unwrap_or_default();
        answer.push('\n');
        let _ = (&stream).write_all(answer.as_bytes());
    }
    let _ = std::fs::remove_file(socket);
}

#[cfg(not(unix))]
pub fn serve(_: &Path, _: Session, ready: impl FnOnce()) {
    ready();
}
