//! The `minilateral` executable: parses the command line and runs a headless command or
//! the graphical interface. The only place that knows both: `cli` never imports `app`.

use std::process::ExitCode;

use clap::Parser;
use minilateral::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match &cli.command {
        Some(command) => ExitCode::from(cli::run(command, &mut out, &mut err)),
        None => {
            let file = cli.file.as_deref();
            ExitCode::from(match cli::dataset_for_window(file, &mut err) {
                Ok(loaded) => {
                    minilateral::app::run(loaded.dataset, &loaded.report, &loaded.label, file)
                }
                Err(code) => code,
            })
        }
    }
}
