//! The `mdbook-technical-file` binary: mdBook's preprocessor protocol when
//! run without a command, and commands for people.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use mdbook_technical_file::commands::{self, CheckFormat};
use mdbook_technical_file::{export, preprocessor};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "mdbook-technical-file",
    version,
    about = "Turns project reports into an mdBook technical file with a skill-coverage appendix",
    long_about = "Turns project reports into an mdBook technical file with a skill-coverage appendix.\n\nWithout a command, it is the mdBook preprocessor: mdBook runs it with the book as JSON on stdin."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
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
        #[arg(default_value = ".")]
        book_dir: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Fail on warnings too (`--deny warnings`)
        #[arg(long, value_enum)]
        deny: Option<Deny>,
    },
    /// Creates reports/<project-name>.md from the template (never overwrites)
    New {
        /// Lower-case kebab-case, e.g. `terraform-aws`
        #[arg(value_parser = project_name)]
        project_name: String,
        /// The book's root folder
        #[arg(long = "dir", default_value = ".")]
        book_dir: PathBuf,
    },
    /// Adds or updates the preprocessor's settings in book.toml (keeps comments)
    Install {
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
    },
    /// Internal: lints what the spelling cache lacks, for `mdbook serve`
    #[command(name = mdbook_technical_file::spelling::FILL_COMMAND, hide = true)]
    FillSpellingCache { book_dir: PathBuf, lock: PathBuf },
    /// Prints the skill coverage without building
    Coverage {
        #[arg(default_value = ".")]
        book_dir: PathBuf,
        #[arg(long, value_enum, default_value_t = CoverageFormat::Table)]
        format: CoverageFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    Warnings,
}

#[derive(Clone, Copy, ValueEnum)]
enum CoverageFormat {
    Table,
    Json,
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => {
            if std::io::stdin().is_terminal() {
                anyhow::bail!(
                    "no command given and nothing on stdin: mdBook runs this program as a preprocessor; see `mdbook-technical-file --help`"
                );
            }
            preprocessor::run_protocol(std::io::stdin().lock(), std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Supports { renderer: _ }) => Ok(ExitCode::SUCCESS),
        Some(Command::Build { book_dir }) => {
            init_logging();
            let out = commands::build(&book_dir)?;
            eprintln!("technical-file: book written to {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check {
            book_dir,
            format,
            deny,
        }) => {
            let format = match format {
                Format::Human => CheckFormat::Human,
                Format::Json => CheckFormat::Json,
            };
            let code = commands::check(&book_dir, format, deny.is_some())?;
            Ok(ExitCode::from(code as u8))
        }
        Some(Command::New {
            project_name,
            book_dir,
        }) => {
            let path = commands::new_report(&book_dir, &project_name)?;
            println!("{}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Install { book_dir }) => {
            let changes = commands::install(&book_dir)?;
            if changes.is_empty() {
                println!("nothing to change: the technical-file preprocessor is installed");
            }
            for change in changes {
                println!("{change}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Pdf { book_dir, output }) => {
            init_logging();
            let summary = mdbook_technical_file::pdf::pdf(&book_dir, output.as_deref())?;
            eprintln!("{}", summary.line());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::FillSpellingCache { book_dir, lock }) => {
            commands::fill_spelling_cache(&book_dir, &lock);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Coverage { book_dir, format }) => {
            let outcome = commands::analyze(&book_dir)?;
            let text = match format {
                CoverageFormat::Table => {
                    export::table(&outcome.file, std::io::stdout().is_terminal())
                }
                CoverageFormat::Json => {
                    serde_json::to_string_pretty(&export::json(&outcome.file))
                        .context("cannot write JSON")?
                        + "\n"
                }
                CoverageFormat::Csv => export::csv(&outcome.file),
            };
            print!("{text}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Validates a project name for `new` (a usage error, exit code 2, otherwise).
fn project_name(name: &str) -> Result<String, String> {
    mdbook_technical_file::scaffold::valid_project_name(name).map(|()| name.to_owned())
}

/// mdBook reports progress and problems through `tracing`, as its CLI does.
fn init_logging() {
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(tracing_subscriber::filter::LevelFilter::INFO)
        .with_ansi(std::io::stderr().is_terminal())
        .without_time()
        .with_target(false)
        .try_init();
}
