//! The widgets: `*_ui` functions that read the state and emit [`Command`]s. egui,
//! egui_graphs and egui_plot are used here and in [`crate::app`] only.

mod browser;
mod canvas;
mod chart;
pub mod colour;
mod inspector;
mod legend;
mod menu;
pub mod network;
mod timeline_bar;

pub use browser::browser_panel_ui;
pub use canvas::network_panel_ui;
pub use chart::chart_panel_ui;
pub use inspector::inspector_panel_ui;
pub use legend::legend_ui;
pub use menu::{MenuActions, menu_bar_ui};
pub use timeline_bar::timeline_bar_ui;

use crate::scene::SceneFrame;
use crate::state::{AppState, Command, Document, Prefs};

/// What every panel reads, and where it writes its commands.
pub struct Panels<'a> {
    /// The open dataset.
    pub document: &'a Document,
    /// The state to show.
    pub state: &'a AppState,
    /// The look of the network at the state.
    pub frame: &'a SceneFrame,
    /// Theme and panel visibility (changed directly: they are view preferences).
    pub prefs: &'a mut Prefs,
    /// Commands emitted this frame.
    pub commands: &'a mut Vec<Command>,
}

impl Panels<'_> {
    /// Emits a command.
    pub fn emit(&mut self, command: Command) {
        self.commands.push(command);
    }
}

/// The accessible label and tooltip of the search box.
pub const SEARCH_LABEL: &str = "Search bodies and actors";
/// The hint on the empty canvas.
pub const CLICK_HINT: &str = "Click a node or pick a body in the list";
