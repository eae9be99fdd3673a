//! The widgets: `*_ui` functions that read the state and emit [`Command`]s. egui,
//! egui_graphs and egui_plot are used here and in [`crate::app`] only.

mod browser;
mod canvas;
mod chart;
mod coalitions;
pub mod colour;
mod editor;
mod export_dialog;
mod fonts;
mod inspector;
mod legend;
mod lesson;
mod map;
mod menu;
mod modal;
pub mod network;
mod overlap;
mod picture;
mod picture_command;
mod presenter;
mod seats;
mod table;
mod timeline_bar;

pub use browser::{BrowserList, browser_panel_ui};
pub use canvas::{CanvasCache, network_panel_ui};
pub use chart::chart_panel_ui;
pub use coalitions::{CoalitionCache, TIE_THRESHOLD_LABEL, coalitions_panel_ui};
pub use editor::{EVENTS_EDITOR_TITLE, Editor, EditorOutcome, editor_ui};
pub use export_dialog::{ExportForm, ExportOutcome, export_dialog_ui};
pub use fonts::{font_definitions, install_fonts};
pub use inspector::inspector_panel_ui;
pub use legend::legend_ui;
pub use lesson::{ADD_SLIDE_LABEL, EXPORT_LESSON_LABEL, LessonPanel, lesson_window_ui};
pub use map::{MapCache, map_panel_ui};
pub use menu::{DEFAULT_MAX_MEMBERS, MenuActions, menu_bar_ui};
pub use modal::{Modal, ModalAnswer, UNSAVED_TITLE, modal_ui};
pub use overlap::{OverlapView, overlap_window_ui};
pub use picture::PaintedPicture;
pub use picture_command::PictureCommand;
pub use presenter::{caption_band_height, caption_job, paint_caption_band};
pub use seats::{COMPARE_TITLE, compare_window_ui};
pub use table::{COPY_TSV_LABEL, TableCache, table_panel_ui};
pub use timeline_bar::timeline_bar_ui;

use crate::document::Document;
use crate::scene::SceneFrame;
use crate::state::{AppState, Command, DocumentCommand, Prefs};

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
    /// Document commands (files, edits) emitted this frame.
    pub document_commands: &'a mut Vec<DocumentCommand>,
    /// Pictures to write or copy, asked for this frame.
    pub picture_commands: &'a mut Vec<PictureCommand>,
    /// The document's file state, for the menus and the title.
    pub file: FileStatus<'a>,
}

/// What the menus show about the file and the edit history.
#[derive(Clone, Copy, Debug, Default)]
pub struct FileStatus<'a> {
    /// Whether there are unsaved changes.
    pub dirty: bool,
    /// What Undo would undo.
    pub undo: Option<&'a str>,
    /// What Redo would redo.
    pub redo: Option<&'a str>,
    /// What runs in the background.
    pub busy: &'a [String],
    /// Whether some of it can be stopped (a video being written).
    pub cancellable: bool,
    /// The last thing that happened.
    pub status: Option<&'a str>,
}

impl Panels<'_> {
    /// Emits a command.
    pub fn emit(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Emits a document command.
    pub fn emit_document(&mut self, command: DocumentCommand) {
        self.document_commands.push(command);
    }

    /// Asks for a picture to be written or copied.
    pub fn emit_picture(&mut self, command: PictureCommand) {
        self.picture_commands.push(command);
    }
}

/// The accessible label and tooltip of the search box.
pub const SEARCH_LABEL: &str = "Search bodies and actors";
/// The hint on the empty canvas.
pub const CLICK_HINT: &str = "Click a node or pick a body in the list";
