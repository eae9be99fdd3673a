//! The `minilateral` executable: parses the command line and runs a headless command or
//! the graphical interface.

use std::process::ExitCode;

use clap::Parser;
use minilateral::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match &cli.command {
        Some(command) => ExitCode::from(cli::run(command, &mut out, &mut err)),
        None => ExitCode::from(cli::open_gui(cli.file.as_deref(), &mut err)),
    }
}
