//! The binary's command line: mdBook's preprocessor protocol when run
//! without a command, and commands for people. One rule for every
//! command's exit status: 0 when all is well, 1 when the command did its
//! work and reports findings (errors found by `check`, a strict build with
//! errors, a cohort with students whose data could not be read), and 2
//! when it could not do its work: a usage error, a book.toml, referential
//! or cohort file that cannot be read or used, a file it cannot write, a
//! browser it cannot run.

pub mod cohort;
pub mod color;
pub mod commands;
pub mod init;
pub mod pdf;
pub mod scaffold;

use crate::book::engine::Fatal;
use crate::book::preprocessor::{self, StrictFailure};
use crate::render::export;
use color::ColorChoice;
use commands::CheckFormat;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Nothing to report.
    Clean,
    /// The work is done, and it found problems, reported.
    Findings,
    /// A usage error, or the tool could not do its work (an input it cannot
    /// read or use, such as a missing or broken referential).
    Failure,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(match exit {
            Exit::Clean => 0,
            Exit::Findings => 1,
            Exit::Failure => 2,
        })
    }
}

#[derive(clap::Parser)]
#[command(
    name = "mdbook-technical-file",
    version,
    about = "Turns project reports into an mdBook technical file with a skill-coverage appendix",
    long_about = "Turns project reports into an mdBook technical file with a skill-coverage appendix.\n\nWithout a command, it is the mdBook preprocessor: mdBook runs it with the book as JSON on stdin.\n\nExit status: 0 when all is well, 1 when the command reports findings (errors in the book, students whose data could not be read), 2 when it cannot do its work (a usage error, a book.toml, referential or cohort file it cannot read or use)."
)]
struct Cli {
    /// When to use colours: auto (on a terminal, unless NO_COLOR is set), always or never
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Tells mdBook whether a renderer is supported (exit code 0: yes)
    Supports { renderer: String },
    /// Builds the book in-process, without the mdbook CLI
    Build {
        /// The book's root folder (with book.toml)
        #[arg(default_value = ".")]
        book_dir: PathBuf,
    },
    /// Runs every check without building; exit 1 on errors
    Check {
        /// The book's root folder (with book.toml)
        #[arg(default_value = ".")]
        book_dir: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fail on warnings too (`--deny warnings`)
        #[arg(long, value_enum)]
        deny: Option<Deny>,
    },
    /// Prints the skill coverage without building
    Coverage {
        /// The book's root folder (with book.toml)
        #[arg(default_value = ".")]
        book_dir: PathBuf,
        #[arg(long, value_enum, default_value_t = CoverageFormat::Table)]
        format: CoverageFormat,
    },
    /// Creates reports/<project-name>.md from the template (never overwrites)
    New {
        /// Lower-case kebab-case, e.g. `terraform-aws`
        #[arg(value_parser = project_name)]
        project_name: String,
        /// The book's root folder (with book.toml)
        #[arg(default_value = ".")]
        book_dir: PathBuf,
        /// The book's root folder (the older spelling of BOOK_DIR)
        #[arg(long = "dir", hide = true, conflicts_with = "book_dir")]
        dir: Option<PathBuf>,
    },
    /// Creates a complete technical-file book in BOOK_DIR (never overwrites)
    Init {
        /// The folder of the new book (made if missing)
        #[arg(default_value = ".")]
        book_dir: PathBuf,
        /// The book's title [default: "Technical file — AUTHOR"; asked on a terminal]
        #[arg(long)]
        title: Option<String>,
        /// Your name, as the book's author [default: "Your Name"; asked on a terminal]
        #[arg(long)]
        author: Option<String>,
        /// A referential TOML file (another curriculum): the block chapters are made from its skills, and it is copied into the book as referential.toml
        #[arg(long, value_name = "FILE")]
        referential: Option<PathBuf>,
        /// The book's language, `en` or `fr` (regional tags such as fr-FR too): its chapters, guidance and generated pages [default: the language of the book.toml in BOOK_DIR, else en]
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
    },
    /// Adds or updates the preprocessor's settings in book.toml (keeps comments)
    Install {
        /// The book's root folder (with book.toml)
        #[arg(default_value = ".")]
        book_dir: PathBuf,
    },
    /// Prints the book to an A4 PDF with headless Chromium and counts its real pages
    Pdf {
        /// The book's root folder (with book.toml)
        #[arg(default_value = ".")]
        book_dir: PathBuf,
        /// Where to write the PDF [default: technical-file.pdf next to the build folder, e.g. target/technical-file.pdf]
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Let the pages load from the network while printing (remote images, web fonts); off by default, since a book is untrusted input
        #[arg(long)]
        allow_network: bool,
        /// Print the jury grid alone (needs `jury-grid = true`) [default output: jury-grid.pdf next to the build folder]
        #[arg(long)]
        jury: bool,
    },
    /// Builds a cohort dashboard from every student's published coverage (`cohort init`: a cohort repository)
    #[command(args_conflicts_with_subcommands = true)]
    Cohort {
        #[command(subcommand)]
        init: Option<CohortInit>,
        /// The cohort file
        #[arg(default_value = "COHORT.toml")]
        cohort_file: PathBuf,
        /// Where to write index.html, cohort.csv and cohort.json [default: dashboard/ beside the cohort file]
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The day the dashboard is as of, YYYY-MM-DD [default: today, UTC]
        #[arg(long, value_parser = date)]
        date: Option<crate::syntax::frontmatter::Date>,
    },
    /// Runs the language server (LSP 3.17 over stdin/stdout) for editors
    Lsp,
    /// Internal: lints what the spelling cache lacks, for `mdbook serve`
    #[command(name = crate::spelling::background::FILL_COMMAND, hide = true)]
    FillSpellingCache { book_dir: PathBuf, lock: PathBuf },
}

#[derive(clap::Subcommand)]
enum CohortInit {
    /// Writes COHORT.toml (an example) and a workflow that publishes the dashboard (never overwrites)
    Init {
        /// The cohort repository's folder
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Deny {
    Warnings,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CoverageFormat {
    Table,
    Json,
    Csv,
}

/// The binary's `main`.
pub fn main() -> ExitCode {
    let cli = <Cli as clap::Parser>::parse();
    let color = cli.color;
    let json = matches!(
        cli.command,
        Some(Command::Check {
            format: Format::Json,
            ..
        }) | Some(Command::Coverage {
            format: CoverageFormat::Json,
            ..
        })
    );
    let exit = match run(cli) {
        Ok(exit) => exit,
        Err(error) => failed(&error, color, json),
    };
    exit.into()
}

/// What a command that stopped says, and how it exits: the diagnostics of a
/// referential that cannot be used, or the error; both exit 2, since the
/// command could not do its work (a strict build's errors exit 1).
fn failed(error: &anyhow::Error, color: ColorChoice, json: bool) -> Exit {
    let fatal = error.chain().find_map(|e| e.downcast_ref::<Fatal>());
    let strict = error.chain().any(|e| e.is::<StrictFailure>());
    let (diagnostics, exit) = match fatal {
        Some(fatal) => (fatal.diagnostics.clone(), Exit::Failure),
        None if strict => (Vec::new(), Exit::Findings),
        None => (
            vec![crate::diagnostic::Diagnostic::error(
                "tool-failure",
                "",
                format!("{error:#}"),
            )],
            Exit::Failure,
        ),
    };
    if json {
        let line = format!("technical-file: stopped: {error:#}");
        println!("{}", commands::diagnostics_json(&diagnostics, &line));
    } else if fatal.is_some() {
        for d in &diagnostics {
            eprintln!("{}", d.render_human(color.stderr()));
        }
        eprintln!("error: the technical file cannot be built until the referential is fixed");
    } else {
        eprintln!("error: {error:#}");
    }
    exit
}

fn run(cli: Cli) -> anyhow::Result<Exit> {
    let color = cli.color;
    let Some(command) = cli.command else {
        if std::io::stdin().is_terminal() {
            anyhow::bail!(
                "no command given and nothing on stdin: mdBook runs this program as a preprocessor; see `mdbook-technical-file --help`"
            );
        }
        preprocessor::run_protocol(
            std::io::stdin().lock(),
            std::io::stdout().lock(),
            color.stderr(),
        )?;
        return Ok(Exit::Clean);
    };
    match command {
        Command::Supports { renderer: _ } => Ok(Exit::Clean),
        Command::Build { book_dir } => {
            init_logging(color);
            let out = commands::build(&book_dir, color.stderr())?;
            eprintln!("technical-file: book written to {}", out.display());
            Ok(Exit::Clean)
        }
        Command::Check {
            book_dir,
            format,
            deny,
        } => {
            let format = match format {
                Format::Human => CheckFormat::Human,
                Format::Json => CheckFormat::Json,
            };
            commands::check(&book_dir, format, deny.is_some(), color.stderr())
        }
        Command::Coverage { book_dir, format } => {
            let outcome = commands::analyze(&book_dir)?;
            let text = match format {
                CoverageFormat::Table => export::table(&outcome.file, color.stdout()),
                CoverageFormat::Json => {
                    serde_json::to_string_pretty(&commands::published(&book_dir, &outcome)?)? + "\n"
                }
                CoverageFormat::Csv => export::csv(&outcome.file),
            };
            print!("{text}");
            Ok(Exit::Clean)
        }
        Command::New {
            project_name,
            book_dir,
            dir,
        } => {
            let path = commands::new_report(&dir.unwrap_or(book_dir), &project_name)?;
            println!("{}", path.display());
            Ok(Exit::Clean)
        }
        Command::Init {
            book_dir,
            title,
            author,
            referential,
            lang,
        } => {
            let words = init::language(&book_dir, lang.as_deref())?.catalogue();
            let curriculum = match &referential {
                Some(path) => init::Curriculum::from_file(path)?,
                None => init::Curriculum::embedded(),
            };
            // On a terminal, what the flags do not give is asked.
            let interactive = std::io::IsTerminal::is_terminal(&std::io::stdin());
            let author = match author {
                Some(author) => author,
                None if interactive => init::ask(
                    "Your name (the book's author)",
                    &words.text("init-default-author"),
                ),
                None => words.text("init-default-author"),
            };
            let default_title =
                words.format("init-default-title", &[("author", author.as_str().into())]);
            let title = match title {
                Some(title) => title,
                None if interactive => init::ask("The book's title", &default_title),
                None => default_title,
            };
            let (written, kept) = init::init(&book_dir, &title, &author, &curriculum, words)?;
            for line in &written {
                println!("{line}");
            }
            for path in &kept {
                println!("kept {path} (it exists)");
            }
            let report = init::first_report(words);
            println!(
                "{}",
                words.format("init-next", &[("report", report.into())])
            );
            Ok(Exit::Clean)
        }
        Command::Install { book_dir } => {
            let changes = commands::install(&book_dir)?;
            if changes.is_empty() {
                println!("nothing to change: the technical-file preprocessor is installed");
            }
            for change in changes {
                println!("{change}");
            }
            Ok(Exit::Clean)
        }
        Command::Pdf {
            book_dir,
            output,
            allow_network,
            jury,
        } => {
            init_logging(color);
            let network = if allow_network {
                eprintln!(
                    "note: --allow-network: the book's pages may load anything from the network while they are printed"
                );
                pdf::Network::Allowed
            } else {
                pdf::Network::Blocked
            };
            if jury {
                let summary =
                    pdf::jury_grid(&book_dir, output.as_deref(), color.stderr(), network)?;
                eprintln!("{}", summary.line());
                return Ok(Exit::Clean);
            }
            let summary = pdf::pdf(&book_dir, output.as_deref(), color.stderr(), network)?;
            eprintln!("{}", summary.line());
            for line in summary.chapter_lines() {
                eprintln!("{line}");
            }
            Ok(Exit::Clean)
        }
        Command::Cohort {
            init: Some(CohortInit::Init { dir }),
            ..
        } => {
            for line in cohort::init(&dir)? {
                println!("{line}");
            }
            Ok(Exit::Clean)
        }
        Command::Cohort {
            init: None,
            cohort_file,
            output,
            date,
        } => cohort::run(
            &cohort_file,
            output.as_deref(),
            date.unwrap_or_else(scaffold::today),
            color.stderr(),
        ),
        Command::Lsp => {
            crate::lsp::run()?;
            Ok(Exit::Clean)
        }
        Command::FillSpellingCache { book_dir, lock } => {
            commands::fill_spelling_cache(&book_dir, &lock);
            Ok(Exit::Clean)
        }
    }
}

/// Validates a project name for `new` (a usage error, exit code 2, otherwise).
fn project_name(name: &str) -> Result<String, String> {
    scaffold::valid_project_name(name).map(|()| name.to_owned())
}

/// Validates `--date` (a usage error, exit code 2, otherwise).
fn date(text: &str) -> Result<crate::syntax::frontmatter::Date, String> {
    crate::syntax::frontmatter::Date::parse(text)
        .ok_or_else(|| format!("`{text}` is not a date YYYY-MM-DD"))
}

/// mdBook reports progress and problems through `tracing`, as its CLI does.
fn init_logging(color: ColorChoice) {
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(tracing_subscriber::filter::LevelFilter::INFO)
        .with_ansi(color.stderr())
        .without_time()
        .with_target(false)
        .try_init();
}
