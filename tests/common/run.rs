//! Running the real `minilateral` binary from a test.

use std::process::{Command, Output};

/// Runs the binary with `args` and waits for it.
pub fn minilateral(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_minilateral"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
