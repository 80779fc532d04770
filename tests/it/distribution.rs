//! Distribution: `scripts/install.sh` and the action (`action.yml`) run
//! against folders laid out like GitHub releases, with real archives (the
//! binary under test and the real `mdbook`, tar.gz'd) and real `.sha256`
//! files written by `sha256sum`, as the release workflow writes them; over
//! a local HTTP server too, with GitHub's redirect for the latest release.
//! The release workflow, `[package.metadata.binstall]` and the script agree
//! on the archives' names. The `cargo install` fallback runs a stand-in
//! cargo that records its arguments, so no test compiles anything.

use crate::support::{mdbook_cli, repo_root};
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tempfile::TempDir;
use yaml_rust2::{Yaml, YamlLoader};

const TOOL: &str = "mdbook-technical-file";
const VERSION: &str = env!("CARGO_PKG_VERSION");
const REPOSITORY: &str = "https://github.com/mdbook-technical-file/mdbook-technical-file";
/// The SHA-256 of no bytes: a real checksum, of other content.
const SHA256_OF_NOTHING: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Every variable the script reads: each test sets its own.
const SCRIPT_ENV: &[&str] = &[
    "MDBOOK_TECHNICAL_FILE_VERSION",
    "MDBOOK_VERSION",
    "MDBOOK_TECHNICAL_FILE_BIN_DIR",
    "MDBOOK_TECHNICAL_FILE_FROM_SOURCE",
    "MDBOOK_TECHNICAL_FILE_RELEASES",
    "MDBOOK_RELEASES",
    "MDBOOK_SHA256",
    "MDBOOK_TECHNICAL_FILE_TARGET",
    "CARGO",
    "GITHUB_PATH",
];

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Whether the programs the script needs are here; if not, says so.
fn script_tools(extra: &[&str]) -> bool {
    let missing: Vec<&str> = ["bash", "tar", "gzip", "sha256sum"]
        .iter()
        .chain(extra)
        .copied()
        .filter(|tool| on_path(tool).is_none())
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "skipped: the install script needs {} on PATH",
            missing.join(", ")
        );
    }
    missing.is_empty()
}

/// The target whose archive the script must pick on this machine.
fn host_target() -> Option<&'static str> {
    let target = match (std::env::consts::OS, std::env::consts::ARCH) {
        ("linux", "x86_64") => Some("x86_64-unknown-linux-musl"),
        ("linux", "aarch64") => Some("aarch64-unknown-linux-musl"),
        ("macos", "x86_64") => Some("x86_64-apple-darwin"),
        ("macos", "aarch64") => Some("aarch64-apple-darwin"),
        _ => None,
    };
    if target.is_none() {
        eprintln!("skipped: the releases have no archive for this platform");
    }
    target
}

/// Runs a bash script with the given arguments in `dir`.
fn bash(script: &str, args: &[&Path], dir: &Path) -> Output {
    Command::new("bash")
        .args(["-c", script, "bash"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn sha256(file: &Path) -> String {
    let out = bash("sha256sum \"$1\"", &[file], Path::new("/"));
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()[..64].to_owned()
}

fn link_or_copy(from: &Path, to: &Path) {
    if fs::hard_link(from, to).is_err() {
        fs::copy(from, to).unwrap();
    }
}

/// `archive`: a tar.gz holding `file` alone, at the top, as `name`.
fn tar_gz(file: &Path, name: &str, archive: &Path) {
    let stage = tempfile::tempdir_in(archive.parent().unwrap()).unwrap();
    link_or_copy(file, &stage.path().join(name));
    // gzip -1: the debug binary is large, and the level changes nothing
    // the script sees.
    let out = bash(
        "set -o pipefail; tar -cf - -C \"$1\" \"$(basename \"$2\")\" | gzip -1 > \"$3\"",
        &[stage.path(), Path::new(name), archive],
        Path::new("/"),
    );
    assert!(out.status.success(), "{out:?}");
}

/// The archives of a release, made once per run under target/: the binary
/// under test, and the real mdbook when it is on PATH, each alone at the
/// top of a tar.gz; the tool's `.sha256` as `sha256sum` writes it.
struct Archives {
    target: &'static str,
    tool: PathBuf,
    tool_sums: String,
    /// (version, archive, its SHA-256)
    mdbook: Option<(String, PathBuf, String)>,
}

fn archives() -> Option<&'static Archives> {
    if !script_tools(&[]) {
        return None;
    }
    let target = host_target()?;
    let with_mdbook = mdbook_cli();
    static ARCHIVES: OnceLock<Archives> = OnceLock::new();
    Some(ARCHIVES.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("distribution-archives");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let tool = dir.join(format!("{TOOL}-{target}.tar.gz"));
        tar_gz(
            Path::new(env!("CARGO_BIN_EXE_mdbook-technical-file")),
            TOOL,
            &tool,
        );
        // What upload-rust-binary-action runs: `sha256sum <archive> > <name>.sha256`.
        let out = bash("sha256sum \"$(basename \"$1\")\"", &[&tool], &dir);
        assert!(out.status.success(), "{out:?}");
        let tool_sums = String::from_utf8(out.stdout).unwrap();
        let mdbook = with_mdbook.then(|| {
            let binary = on_path("mdbook").expect("mdbook on PATH");
            let version = version_of(&binary)
                .trim()
                .strip_prefix("mdbook v")
                .expect("mdbook vX.Y.Z")
                .to_owned();
            let archive = dir.join(format!("mdbook-v{version}-{target}.tar.gz"));
            tar_gz(&binary, "mdbook", &archive);
            let sum = sha256(&archive);
            (version, archive, sum)
        });
        Archives {
            target,
            tool,
            tool_sums,
            mdbook,
        }
    }))
}

/// How the tool's `.sha256` looks in a test's release.
enum Sums<'a> {
    Real,
    Written(&'a str),
    Missing,
}

impl Archives {
    fn tool_name(&self) -> String {
        format!("{TOOL}-{}.tar.gz", self.target)
    }

    fn sums_name(&self) -> String {
        format!("{TOOL}-{}.sha256", self.target)
    }

    fn mdbook_version(&self) -> &str {
        self.mdbook.as_ref().map_or("none", |(v, _, _)| v.as_str())
    }

    /// A folder laid out like the two projects' GitHub releases:
    /// `tool/download/v<version>/`, `tool/latest/download/` and
    /// `mdbook/download/v<version>/`.
    fn release(&self, sums: Sums) -> TempDir {
        let dir = tempfile::tempdir().unwrap();
        let sums = match sums {
            Sums::Real => Some(self.tool_sums.as_str()),
            Sums::Written(text) => Some(text),
            Sums::Missing => None,
        };
        for folder in [
            format!("tool/download/v{VERSION}"),
            "tool/latest/download".into(),
        ] {
            let folder = dir.path().join(folder);
            fs::create_dir_all(&folder).unwrap();
            link_or_copy(&self.tool, &folder.join(self.tool_name()));
            if let Some(sums) = sums {
                fs::write(folder.join(self.sums_name()), sums).unwrap();
            }
        }
        if let Some((version, archive, _)) = &self.mdbook {
            let folder = dir.path().join(format!("mdbook/download/v{version}"));
            fs::create_dir_all(&folder).unwrap();
            link_or_copy(archive, &folder.join(archive.file_name().unwrap()));
        }
        dir
    }
}

/// Stand-ins for cargo: one appends its arguments to the file named by
/// `CARGO_CALLS`, one fails (only the fallback may run cargo).
struct Cargos {
    dir: TempDir,
}

impl Cargos {
    fn new() -> Cargos {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            (
                "recording-cargo",
                "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"$CARGO_CALLS\"\n",
            ),
            (
                "refusing-cargo",
                "#!/bin/sh\necho \"this test must not run cargo: cargo $*\" >&2\nexit 97\n",
            ),
        ] {
            let path = dir.path().join(name);
            fs::write(&path, text).unwrap();
            let out = bash("chmod +x \"$1\"", &[&path], Path::new("/"));
            assert!(out.status.success(), "{out:?}");
        }
        Cargos { dir }
    }

    fn recorder(&self) -> PathBuf {
        self.dir.path().join("recording-cargo")
    }

    fn calls_file(&self) -> PathBuf {
        self.dir.path().join("cargo-calls")
    }

    /// The lines the recording cargo wrote.
    fn calls(&self) -> Vec<String> {
        fs::read_to_string(self.calls_file())
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Makes `command` run the recording cargo.
    fn record(&self, command: &mut Command) {
        command
            .env("CARGO", self.recorder())
            .env("CARGO_CALLS", self.calls_file());
    }
}

/// The install script, with the environment cleaned of anything it reads,
/// the releases under `releases` (`tool/`, `mdbook/`), and a cargo that
/// refuses to run.
fn script(releases: &Path, cargos: &Cargos) -> Command {
    let mut command = Command::new("bash");
    command.arg(repo_root().join("scripts/install.sh"));
    for var in SCRIPT_ENV {
        command.env_remove(var);
    }
    command
        .env("MDBOOK_TECHNICAL_FILE_RELEASES", releases.join("tool"))
        .env(
            "MDBOOK_RELEASES",
            format!("file://{}", releases.join("mdbook").display()),
        )
        .env("CARGO", cargos.dir.path().join("refusing-cargo"));
    command
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// What a binary says to `--version`.
fn version_of(binary: &Path) -> String {
    let out = Command::new(binary).arg("--version").output().unwrap();
    assert!(out.status.success(), "{}: {out:?}", binary.display());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_script_checks_the_sums_then_installs_both_binaries_which_run() {
    let Some(archives) = archives() else { return };
    let release = archives.release(Sums::Real);
    let cargos = Cargos::new();
    let out = tempfile::tempdir().unwrap();
    let bin = out.path().join("bin");
    let github_path = out.path().join("github_path");
    let mut command = script(release.path(), &cargos);
    command
        .args(["--version", VERSION, "--mdbook-version"])
        .arg(archives.mdbook_version())
        .arg("--bin-dir")
        .arg(&bin)
        .env("GITHUB_PATH", &github_path);
    if let Some((_, _, sum)) = &archives.mdbook {
        command.env("MDBOOK_SHA256", sum);
    }
    let output = command.output().unwrap();
    let said = stderr(&output);
    assert!(output.status.success(), "{said}");

    assert!(
        said.contains(&format!("{}: SHA-256 verified", archives.tool_name())),
        "{said}"
    );
    assert_eq!(version_of(&bin.join(TOOL)), format!("{TOOL} {VERSION}\n"));
    assert_eq!(
        sha256(&bin.join(TOOL)),
        sha256(Path::new(env!("CARGO_BIN_EXE_mdbook-technical-file"))),
        "the installed binary is the one archived"
    );
    match &archives.mdbook {
        Some((version, archive, _)) => {
            let name = archive.file_name().unwrap().to_string_lossy();
            assert!(
                said.contains(&format!("{name}: SHA-256 verified")),
                "{said}"
            );
            assert_eq!(
                version_of(&bin.join("mdbook")),
                format!("mdbook v{version}\n")
            );
        }
        None => assert!(!bin.join("mdbook").exists()),
    }
    // In GitHub Actions the later steps find both on PATH.
    assert_eq!(
        fs::read_to_string(&github_path).unwrap(),
        format!("{}\n", bin.display())
    );
    assert!(cargos.calls().is_empty());
}

#[test]
fn a_wrong_or_missing_checksum_is_refused_and_nothing_is_installed() {
    let Some(archives) = archives() else { return };
    let name = archives.tool_name();
    let sums_name = archives.sums_name();
    let wrong = format!("{SHA256_OF_NOTHING}  {name}\n");
    let other_file = format!("{SHA256_OF_NOTHING}  {TOOL}-other.tar.gz\n");
    let cases = [
        // A real checksum, of other bytes.
        (
            Sums::Written(&wrong),
            format!(
                "checksum mismatch for {name}: expected {SHA256_OF_NOTHING} (from {sums_name}), got "
            ),
        ),
        // The checksum file names other files only.
        (
            Sums::Written(&other_file),
            format!("{sums_name} gives no checksum for {name}"),
        ),
        // No checksum file at all.
        (
            Sums::Missing,
            format!("refusing to install {name} without its checksum"),
        ),
    ];
    let cargos = Cargos::new();
    for (sums, expected) in cases {
        let release = archives.release(sums);
        let out = tempfile::tempdir().unwrap();
        let bin = out.path().join("bin");
        let output = script(release.path(), &cargos)
            .args(["--version", VERSION, "--mdbook-version"])
            .arg(archives.mdbook_version())
            .arg("--bin-dir")
            .arg(&bin)
            .output()
            .unwrap();
        let said = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{said}");
        assert!(
            said.contains(&expected),
            "expected «{expected}» in:\n{said}"
        );
        assert!(!bin.exists(), "something was installed: {said}");
    }

    // mdBook's archive against a pinned checksum that it does not have:
    // the tool's archive is fine, but neither is installed.
    if let Some((_, archive, _)) = &archives.mdbook {
        let release = archives.release(Sums::Real);
        let out = tempfile::tempdir().unwrap();
        let bin = out.path().join("bin");
        let output = script(release.path(), &cargos)
            .args(["--version", VERSION, "--mdbook-version"])
            .arg(archives.mdbook_version())
            .arg("--bin-dir")
            .arg(&bin)
            .env("MDBOOK_SHA256", SHA256_OF_NOTHING)
            .output()
            .unwrap();
        let said = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{said}");
        let mdbook_name = archive.file_name().unwrap().to_string_lossy();
        assert!(
            said.contains(&format!(
                "checksum mismatch for {mdbook_name}: expected {SHA256_OF_NOTHING} (from MDBOOK_SHA256)"
            )),
            "{said}"
        );
        assert!(!bin.exists(), "something was installed: {said}");
    }
    assert!(cargos.calls().is_empty());
}

#[test]
fn an_unknown_platform_falls_back_to_cargo_install_and_says_why() {
    if !script_tools(&[]) {
        return;
    }
    let cargos = Cargos::new();
    // Nothing may be downloaded: the releases are an empty folder.
    let nothing = tempfile::tempdir().unwrap();
    let bin = nothing.path().join("bin");
    let mut command = script(nothing.path(), &cargos);
    command
        .args([
            "--version",
            VERSION,
            "--mdbook-version",
            "0.5.4",
            "--bin-dir",
        ])
        .arg(&bin)
        .env("MDBOOK_TECHNICAL_FILE_TARGET", "sparc-unknown-plan9");
    cargos.record(&mut command);
    let output = command.output().unwrap();
    let said = stderr(&output);
    assert!(output.status.success(), "{said}");
    assert_eq!(
        cargos.calls(),
        [
            "install mdbook --locked --version 0.5.4".to_owned(),
            format!("install {TOOL} --locked --version {VERSION}"),
        ],
        "{said}"
    );
    assert!(
        said.contains(
            "no prebuilt archive for sparc-unknown-plan9 (the releases have: x86_64-unknown-linux-musl"
        ),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "building it with '{} install {TOOL} --locked --version {VERSION}' (this compiles from source",
            cargos.recorder().display()
        )),
        "{said}"
    );
    assert!(!bin.exists());

    // Without cargo, it says what to install.
    let output = script(nothing.path(), &cargos)
        .args(["--mdbook-version", "none", "--bin-dir"])
        .arg(&bin)
        .env("MDBOOK_TECHNICAL_FILE_TARGET", "sparc-unknown-plan9")
        .env("CARGO", nothing.path().join("no-cargo-here"))
        .output()
        .unwrap();
    let said = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains("is not installed: install Rust (https://rustup.rs)")
            && said.contains(&format!("or run: cargo install {TOOL} --locked\n")),
        "{said}"
    );
}

#[test]
fn from_source_builds_the_given_checkout_with_cargo_install_path() {
    if !script_tools(&[]) {
        return;
    }
    let cargos = Cargos::new();
    let nothing = tempfile::tempdir().unwrap();
    let root = repo_root();
    let mut command = script(nothing.path(), &cargos);
    command
        .args(["--mdbook-version", "none", "--from-source"])
        .arg(&root)
        .arg("--bin-dir")
        .arg(nothing.path().join("bin"));
    cargos.record(&mut command);
    let output = command.output().unwrap();
    let said = stderr(&output);
    assert!(output.status.success(), "{said}");
    assert_eq!(
        cargos.calls(),
        [format!("install --path {} --locked", root.display())],
        "{said}"
    );
    assert!(said.contains(&format!("built from the source in {}", root.display())));
}

/// A file server on 127.0.0.1 for one test: serves `root`, answers
/// `<prefix>/latest/download/<asset>` with a redirect to
/// `<prefix>/download/v<version>/<asset>` as GitHub does, and 404 for
/// anything missing. It stops when dropped, after 2 minutes, or after 100
/// requests, whichever comes first.
struct Server {
    address: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start(root: PathBuf, latest: String) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let address = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(120);
            let mut served = 0;
            while !stopped.load(Ordering::Relaxed) && Instant::now() < deadline && served < 100 {
                match listener.accept() {
                    Ok((stream, _)) => {
                        served += 1;
                        let _ = answer(stream, &root, &latest);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    Err(_) => break,
                }
            }
        });
        Server {
            address,
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn answer(stream: TcpStream, root: &Path, latest: &str) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" {
            break;
        }
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut stream = stream;
    if let Some((prefix, asset)) = path.split_once("/latest/download/") {
        let location = format!("{prefix}/download/v{latest}/{asset}");
        return write!(
            stream,
            "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
    }
    let file = root.join(path.trim_start_matches('/'));
    if path.contains("..") || !file.is_file() {
        return write!(
            stream,
            "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nNot Found"
        );
    }
    let len = fs::metadata(&file)?.len();
    write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Length: {len}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n"
    )?;
    std::io::copy(&mut fs::File::open(&file)?, &mut stream)?;
    stream.flush()
}

#[test]
fn over_http_latest_follows_the_redirect_and_a_missing_release_falls_back() {
    if !script_tools(&["curl"]) {
        return;
    }
    let Some(archives) = archives() else { return };
    let release = archives.release(Sums::Real);
    let server = Server::start(release.path().to_owned(), VERSION.to_owned());
    let url = format!("http://{}/tool", server.address);
    let cargos = Cargos::new();
    let out = tempfile::tempdir().unwrap();
    let bin = out.path().join("bin");

    // No --version: the latest release.
    let output = script(release.path(), &cargos)
        .args(["--mdbook-version", "none", "--bin-dir"])
        .arg(&bin)
        .env("MDBOOK_TECHNICAL_FILE_RELEASES", &url)
        .output()
        .unwrap();
    let said = stderr(&output);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains(&format!(
            "downloading {url}/latest/download/{}",
            archives.tool_name()
        )) && said.contains("SHA-256 verified"),
        "{said}"
    );
    assert_eq!(version_of(&bin.join(TOOL)), format!("{TOOL} {VERSION}\n"));

    // A version that has no release: HTTP 404, so cargo builds it.
    let mut command = script(release.path(), &cargos);
    command
        .args([
            "--version",
            "v9.9.9",
            "--mdbook-version",
            "none",
            "--bin-dir",
        ])
        .arg(out.path().join("bin-9"))
        .env("MDBOOK_TECHNICAL_FILE_RELEASES", &url);
    cargos.record(&mut command);
    let output = command.output().unwrap();
    let said = stderr(&output);
    assert!(output.status.success(), "{said}");
    assert_eq!(
        cargos.calls(),
        [format!("install {TOOL} --locked --version 9.9.9")],
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "no archive {} for version 9.9.9 ({url}/download/v9.9.9/{}: not found)",
            archives.tool_name(),
            archives.tool_name()
        )),
        "{said}"
    );
    assert!(!out.path().join("bin-9").exists());
}

fn yaml(path: &str) -> Yaml {
    let text = fs::read_to_string(repo_root().join(path)).unwrap();
    YamlLoader::load_from_str(&text)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .remove(0)
}

fn hash_keys(value: &Yaml) -> Vec<String> {
    value
        .as_hash()
        .map(|h| {
            h.keys()
                .filter_map(|k| k.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The action's inputs with their defaults, and its one step's
/// environment (name → the input it carries) and script.
struct Action {
    inputs: Vec<(String, String)>,
    env: Vec<(String, String)>,
    run: String,
}

fn action() -> Action {
    let action = yaml("action.yml");
    let inputs = action["inputs"]
        .as_hash()
        .expect("inputs")
        .iter()
        .map(|(name, input)| {
            (
                name.as_str().unwrap().to_owned(),
                input["default"]
                    .as_str()
                    .expect("a quoted default")
                    .to_owned(),
            )
        })
        .collect();
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let steps = action["runs"]["steps"].as_vec().expect("steps");
    assert_eq!(steps.len(), 1, "one step");
    let step = &steps[0];
    assert_eq!(step["shell"].as_str(), Some("bash"));
    let env = step["env"]
        .as_hash()
        .expect("env")
        .iter()
        .map(|(name, value)| {
            let value = value.as_str().unwrap();
            let input = value
                .strip_prefix("${{ inputs.")
                .and_then(|v| v.strip_suffix(" }}"))
                .unwrap_or_else(|| panic!("{value}: not an input"));
            (name.as_str().unwrap().to_owned(), input.to_owned())
        })
        .collect();
    let run = step["run"].as_str().expect("run").to_owned();
    Action { inputs, env, run }
}

/// Runs the action's step as the runner would (`bash --noprofile --norc
/// -eo pipefail`): only the runner's variables and the step's `env`, each
/// input given or else its default; GITHUB_ACTION_PATH is the repository.
fn run_action(
    action: &Action,
    given: &[(&str, &str)],
    releases: &Path,
    runner: &Path,
    cargo: &[(&str, PathBuf)],
) -> Output {
    let mut command = Command::new("bash");
    command
        .args([
            "--noprofile",
            "--norc",
            "-eo",
            "pipefail",
            "-c",
            &action.run,
        ])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap())
        .env("HOME", runner)
        .env("GITHUB_ACTION_PATH", repo_root())
        .env("RUNNER_TEMP", runner)
        .env("GITHUB_PATH", runner.join("github_path"))
        .env("MDBOOK_TECHNICAL_FILE_RELEASES", releases.join("tool"))
        .env(
            "MDBOOK_RELEASES",
            format!("file://{}", releases.join("mdbook").display()),
        );
    for (var, value) in cargo {
        command.env(var, value);
    }
    for (var, input) in &action.env {
        let value = given
            .iter()
            .find(|(name, _)| name == input)
            .map(|(_, v)| (*v).to_owned())
            .or_else(|| {
                let default = action.inputs.iter().find(|(name, _)| name == input);
                default.map(|(_, d)| d.clone())
            })
            .unwrap_or_else(|| panic!("{var} carries `{input}`, which is not an input"));
        command.env(var, value);
    }
    command.output().unwrap()
}

#[test]
fn the_action_has_its_inputs_and_passes_each_to_the_script() {
    let action = action();
    let inputs: Vec<(&str, &str)> = action
        .inputs
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_str()))
        .collect();
    assert_eq!(
        inputs,
        [
            ("version", "latest"),
            ("mdbook-version", mdbook_preprocessor::MDBOOK_VERSION),
            ("from-source", "false")
        ],
        "mdbook-version defaults to the mdBook the tool is built against"
    );
    // Each input reaches the script through the environment, never pasted
    // into its text.
    let carried: Vec<&str> = action.env.iter().map(|(_, i)| i.as_str()).collect();
    assert_eq!(carried, ["version", "mdbook-version", "from-source"]);
    assert!(!action.run.contains("${{"), "{}", action.run);
    assert!(
        action
            .run
            .contains("bash \"$GITHUB_ACTION_PATH/scripts/install.sh\" \"${args[@]}\""),
        "{}",
        action.run
    );
    // The script's own default is the same mdBook.
    let script = fs::read_to_string(repo_root().join("scripts/install.sh")).unwrap();
    assert!(script.contains(&format!(
        "mdbook_version=\"${{MDBOOK_VERSION:-{}}}\"",
        mdbook_preprocessor::MDBOOK_VERSION
    )));
}

#[test]
fn the_action_installs_the_latest_release_or_builds_its_own_source() {
    let action = action();
    let Some(archives) = archives() else { return };
    let release = archives.release(Sums::Real);
    let cargos = Cargos::new();
    let refuse = [("CARGO", cargos.dir.path().join("refusing-cargo"))];
    let record = [
        ("CARGO", cargos.recorder()),
        ("CARGO_CALLS", cargos.calls_file()),
    ];
    let runner = tempfile::tempdir().unwrap();

    // The defaults (the latest release), but mdBook only if this machine
    // has one to archive.
    let mdbook = archives.mdbook_version().to_owned();
    let given: &[(&str, &str)] = match &archives.mdbook {
        Some(_) => &[],
        None => &[("mdbook-version", "none")],
    };
    let output = run_action(&action, given, release.path(), runner.path(), &refuse);
    let said = stderr(&output);
    assert!(output.status.success(), "{said}");
    let bin = runner.path().join("mdbook-technical-file/bin");
    assert_eq!(
        fs::read_to_string(runner.path().join("github_path")).unwrap(),
        format!("{}\n", bin.display())
    );
    assert_eq!(version_of(&bin.join(TOOL)), format!("{TOOL} {VERSION}\n"));
    if mdbook != "none" {
        assert_eq!(
            version_of(&bin.join("mdbook")),
            format!("mdbook v{mdbook}\n")
        );
    }

    // from-source: true builds the action's own checkout.
    let output = run_action(
        &action,
        &[("from-source", "true"), ("mdbook-version", "none")],
        release.path(),
        runner.path(),
        &record,
    );
    let said = stderr(&output);
    assert!(output.status.success(), "{said}");
    assert_eq!(
        cargos.calls(),
        [format!("install --path {} --locked", repo_root().display())],
        "{said}"
    );

    // An input that is neither true nor false is refused.
    let output = run_action(
        &action,
        &[("from-source", "yes")],
        release.path(),
        runner.path(),
        &refuse,
    );
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("::error::from-source must be true or false, not 'yes'"),
        "{said}"
    );
}

/// The targets in the script's list.
fn script_targets() -> Vec<String> {
    let script = fs::read_to_string(repo_root().join("scripts/install.sh")).unwrap();
    let line = script
        .lines()
        .find_map(|l| l.strip_prefix("targets=\""))
        .expect("targets=\"...\" in the script");
    line.trim_end_matches('"')
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_release_workflow_binstall_and_the_script_name_the_same_archives() {
    let workflow = yaml(".github/workflows/release.yml");
    // Version tags only: not the action's major tag v1.
    let tags = &workflow["on"]["push"]["tags"][0];
    assert_eq!(tags.as_str(), Some("v[0-9]+.[0-9]+.[0-9]+*"));
    // Read-only, but for the jobs that write the release.
    assert_eq!(workflow["permissions"]["contents"].as_str(), Some("read"));
    let jobs = &workflow["jobs"];
    assert_eq!(hash_keys(jobs), ["create-release", "upload-assets"]);
    for job in ["create-release", "upload-assets"] {
        assert_eq!(hash_keys(&jobs[job]["permissions"]), ["contents"]);
        assert_eq!(jobs[job]["permissions"]["contents"].as_str(), Some("write"));
    }

    let upload = &jobs["upload-assets"];
    let targets: Vec<String> = upload["strategy"]["matrix"]["include"]
        .as_vec()
        .unwrap()
        .iter()
        .map(|entry| entry["target"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        targets,
        script_targets(),
        "release.yml and scripts/install.sh"
    );
    assert_eq!(
        targets,
        [
            "x86_64-unknown-linux-musl",
            "aarch64-unknown-linux-musl",
            "x86_64-apple-darwin",
            "aarch64-apple-darwin",
            "x86_64-pc-windows-msvc"
        ]
    );
    let step = upload["steps"]
        .as_vec()
        .unwrap()
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("taiki-e/upload-rust-binary-action@"))
        })
        .expect("the upload step");
    assert_eq!(
        step["uses"].as_str(),
        Some("taiki-e/upload-rust-binary-action@v1")
    );
    let with = &step["with"];
    // <bin>-<target>.tar.gz (.zip on Windows) and <bin>-<target>.sha256.
    for (key, value) in [
        ("bin", TOOL),
        ("archive", "$bin-$target"),
        ("tar", "unix"),
        ("zip", "windows"),
        ("checksum", "sha256"),
    ] {
        assert_eq!(with[key].as_str(), Some(value), "{key}");
    }
    assert_eq!(with["locked"].as_bool(), Some(true));

    // cargo binstall downloads the same archives.
    let manifest: toml::Table = fs::read_to_string(repo_root().join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let package = &manifest["package"];
    assert_eq!(package["repository"].as_str(), Some(REPOSITORY));
    for key in ["homepage", "documentation"] {
        assert!(
            package[key].as_str().unwrap().starts_with(REPOSITORY),
            "{key}"
        );
    }
    let binstall = &package["metadata"]["binstall"];
    assert_eq!(binstall["bin-dir"].as_str(), Some("{ bin }{ binary-ext }"));
    let expand = |template: &str, target: &str| {
        template
            .replace("{ repo }", REPOSITORY)
            .replace("{ version }", VERSION)
            .replace("{ name }", TOOL)
            .replace("{ target }", target)
    };
    for target in &targets {
        let table = binstall["overrides"]
            .get(target.as_str())
            .unwrap_or(binstall);
        let url = table
            .get("pkg-url")
            .or(binstall.get("pkg-url"))
            .unwrap()
            .as_str()
            .unwrap();
        let format = table
            .get("pkg-fmt")
            .or(binstall.get("pkg-fmt"))
            .unwrap()
            .as_str()
            .unwrap();
        let (extension, expected_format) = if target.contains("windows") {
            ("zip", "zip")
        } else {
            ("tar.gz", "tgz")
        };
        assert_eq!(
            expand(url, target),
            format!("{REPOSITORY}/releases/download/v{VERSION}/{TOOL}-{target}.{extension}"),
            "{target}"
        );
        assert_eq!(format, expected_format, "{target}");
    }
    // And the script downloads from the repository's releases.
    let script = fs::read_to_string(repo_root().join("scripts/install.sh")).unwrap();
    assert!(script.contains(&format!(
        "releases=\"${{MDBOOK_TECHNICAL_FILE_RELEASES:-{REPOSITORY}/releases}}\""
    )));
}

#[test]
fn both_pages_workflows_install_with_the_action_and_its_inputs() {
    let inputs: Vec<String> = action().inputs.into_iter().map(|(name, _)| name).collect();
    for (path, uses, with) in [
        // This repository publishes what the commit is.
        (
            ".github/workflows/pages.yml",
            "./",
            &[
                ("mdbook-version", "${{ env.MDBOOK_VERSION }}"),
                ("from-source", "true"),
            ][..],
        ),
        // A student's book, made by `init`.
        (
            "src/assets/pages.yml",
            "mdbook-technical-file/mdbook-technical-file@v1",
            &[("mdbook-version", "${{ env.MDBOOK_VERSION }}")][..],
        ),
    ] {
        let workflow = yaml(path);
        let steps = workflow["jobs"]["build"]["steps"].as_vec().unwrap();
        let step = steps
            .iter()
            .find(|s| s["uses"].as_str() == Some(uses))
            .unwrap_or_else(|| panic!("{path}: no step uses {uses}"));
        let given: Vec<(String, String)> = step["with"]
            .as_hash()
            .unwrap()
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Yaml::Boolean(b) => b.to_string(),
                    other => other.as_str().unwrap().to_owned(),
                };
                (k.as_str().unwrap().to_owned(), value)
            })
            .collect();
        let expected: Vec<(String, String)> = with
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(given, expected, "{path}");
        for (name, _) in &given {
            assert!(
                inputs.contains(name),
                "{path}: `{name}` is not an input of action.yml"
            );
        }
        assert_eq!(
            workflow["env"]["MDBOOK_VERSION"].as_str(),
            Some(mdbook_preprocessor::MDBOOK_VERSION),
            "{path}"
        );
        // Nothing else installs the tools any more.
        let text = fs::read_to_string(repo_root().join(path)).unwrap();
        assert!(!text.contains("cargo install"), "{path}");
    }
}
