//! Whether to write in colour: `--color auto|always|never`, where `auto`
//! means "on a terminal, unless `NO_COLOR` is set" (<https://no-color.org>).
//! Decided here only, for every command and for the preprocessor.

use std::io::IsTerminal;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether stderr gets colour.
    pub fn stderr(self) -> bool {
        self.resolve(std::io::stderr().is_terminal())
    }

    /// Whether stdout gets colour.
    pub fn stdout(self) -> bool {
        self.resolve(std::io::stdout().is_terminal())
    }

    fn resolve(self, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}
