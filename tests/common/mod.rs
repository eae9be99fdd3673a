//! Helpers shared by the app's UI tests.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use minilateral::app::MinilateralApp;

/// Steps frames until `done` holds: background jobs (dialogs, files, pictures) finish on
/// other threads. Fails after 60 seconds, naming what it waited for.
pub fn step_until(
    harness: &mut Harness<'_, MinilateralApp>,
    what: &str,
    done: impl Fn(&MinilateralApp) -> bool,
) {
    let start = Instant::now();
    while !done(harness.state()) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for: {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run_steps(2);
}
