//! Helpers shared by the app's UI tests.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use minilateral::app::MinilateralApp;
use minilateral::state::{Command, Selection};
use minilateral::timeline::BodyIx;

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

/// Selects the body with this id, as a click in the list would.
pub fn select_body(harness: &mut Harness<'_, MinilateralApp>, id: &str) {
    let index = harness
        .state()
        .document()
        .dataset
        .bodies
        .iter()
        .position(|b| b.id == id)
        .unwrap_or_else(|| panic!("{id} is in the dataset"));
    let index = u32::try_from(index).expect("a small index");
    harness
        .state_mut()
        .push_command(Command::Select(Some(Selection::Body(BodyIx(index)))));
    harness.run_steps(3);
}
