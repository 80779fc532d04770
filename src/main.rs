//! The `mdbook-technical-file` binary: everything is in the library's
//! `cli` module.

fn main() -> std::process::ExitCode {
    mdbook_technical_file::main()
}
