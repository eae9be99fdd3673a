//! The application: owns the document, the state and its parts (the network view, the file
//! flow, the pictures); lays out the panels; drains the commands the widgets emitted, once
//! per frame.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::dialogs::{FileDialogs, NativeDialogs};
use super::jobs::{JobResult, Jobs};
use super::network::NetworkPart;
use crate::document::Document;
use crate::edit::History;
use crate::scene::{SceneFrame, ViewKind, Visibility};
use crate::state::{AppState, Command, DocumentCommand, Prefs};
use crate::timeline::{ActorIx, BodyIx};
use crate::ui::{self, Editor, FileStatus, Panels, PictureCommand};

mod edits;
mod files;
mod pictures;
mod presenter;

use edits::Edits;
use files::{Flow, Recovery};
use pictures::Pictures;
use presenter::Presenter;

/// How long after an edit the recovery copy is written.
const RECOVERY_DELAY: Duration = Duration::from_secs(3);

/// Where the app keeps things outside the dataset's own file.
#[derive(Clone)]
pub struct AppConfig {
    /// The file dialogs (native in the window, scripted in tests).
    pub dialogs: Arc<dyn FileDialogs>,
    /// Where unsaved work is copied, to be offered after a crash; `None`: no copy.
    pub recovery_path: Option<PathBuf>,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            dialogs: Arc::new(NativeDialogs),
            recovery_path: None,
        }
    }
}

/// The commands the widgets and shortcuts emitted, applied once per frame.
#[derive(Default)]
struct Queue {
    view: Vec<Command>,
    document: Vec<DocumentCommand>,
    pictures: Vec<PictureCommand>,
}

impl Queue {
    fn is_empty(&self) -> bool {
        self.view.is_empty() && self.document.is_empty() && self.pictures.is_empty()
    }
}

/// What the panels remember between frames that is not the state: the open editor and
/// windows, the search box, the status line.
#[derive(Default)]
struct PanelMemory {
    /// The open record editor.
    editor: Option<Editor>,
    /// The overlap window's matrix.
    overlap: ui::OverlapView,
    /// The map view's picture.
    map: ui::MapCache,
    /// The table view's rows and its focused cell.
    table: ui::TableCache,
    /// The coalition view's picture.
    coalitions: ui::CoalitionCache,
    /// The Lesson window.
    lesson: ui::LessonPanel,
    /// The side list: its search text and rows.
    browser: ui::BrowserList,
    /// Focus the search box on the next frame.
    focus_search: bool,
    /// The window title last sent.
    title_sent: String,
    /// The last thing that happened, for the status line.
    status: Option<(String, Instant)>,
}

/// The Minilateral application, usable inside eframe or a test harness.
pub struct MinilateralApp {
    config: AppConfig,
    document: Document,
    /// The edits done to the document, and whether they are saved.
    history: History,
    state: AppState,
    prefs: Prefs,
    /// The network view: graph, looks, arrangement, canvas.
    network: NetworkPart,
    /// Where the file workflow stands (dialog boxes, save-then-do, closing).
    flow: Flow,
    /// The copy of unsaved work.
    recovery: Recovery,
    /// The edits, undos and redos being applied and waiting.
    edits: Edits,
    /// The export window and pictures waiting for a file name.
    pictures: Pictures,
    jobs: Jobs,
    queue: Queue,
    memory: PanelMemory,
    /// Presenter mode, while it runs.
    presenter: Option<Presenter>,
}

impl MinilateralApp {
    /// An application on a document, with saved preferences and native dialogs.
    pub fn new(document: Document, prefs: Prefs) -> Self {
        Self::with_config(document, prefs, AppConfig::default())
    }

    /// An application on a document with explicit dialogs and recovery file.
    pub fn with_config(document: Document, prefs: Prefs, config: AppConfig) -> Self {
        let mut state = AppState::of_document(&document);
        state.view.theme = prefs.theme;
        let network = NetworkPart::new(&document);
        let flow = Flow::recovering(config.recovery_path.as_deref());
        Self {
            config,
            document,
            history: History::new(),
            state,
            prefs,
            network,
            flow,
            recovery: Recovery::default(),
            edits: Edits::default(),
            pictures: Pictures::default(),
            jobs: Jobs::default(),
            queue: Queue::default(),
            memory: PanelMemory::default(),
            presenter: None,
        }
    }

    /// The state (for tests and the shell).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The preferences to save.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The look of the network at the current view.
    pub fn scene_frame(&self) -> &SceneFrame {
        self.network.frame()
    }

    /// Queues a command, applied at the start of the next frame.
    pub fn push_command(&mut self, command: Command) {
        self.queue.view.push(command);
    }

    /// Queues a document command (files, edits, undo), performed on the next frame.
    pub fn push_document_command(&mut self, command: DocumentCommand) {
        self.queue.document.push(command);
    }

    /// Queues a picture to write or copy, performed on the next frame.
    pub fn push_picture_command(&mut self, command: PictureCommand) {
        self.queue.pictures.push(command);
    }

    /// Draws the whole application into `ui` (the root of the window or of a test).
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ctx.set_theme(match self.state.view.theme {
            crate::style::Theme::Light => egui::Theme::Light,
            crate::style::Theme::Dark => egui::Theme::Dark,
        });
        self.network.start_layout(&ctx, &mut self.jobs);
        self.poll_jobs(&ctx);
        self.close_guard(&ctx);
        self.screenshot_events(&ctx);
        self.dropped_files(&ctx);
        if self.presenter.is_some() {
            self.run_queue(&ctx);
            self.presenter_ui(ui, &ctx);
            return;
        }
        self.pasted_table(&ctx);
        self.shortcuts(&ctx);
        self.run_queue(&ctx);
        if self.state.playing {
            let seconds = ctx.input(|input| input.stable_dt).min(0.25);
            self.state.apply(Command::Tick { seconds });
            ctx.request_repaint();
        }
        self.network
            .follow_layout(&self.document, self.state.view.layout);
        self.network.refresh(&self.document, &self.state.view);
        self.update_title(&ctx);
        self.write_recovery(&ctx);
        self.panels_ui(ui, &ctx);
        if std::mem::take(&mut self.memory.lesson.present) {
            self.start_presenting(&ctx);
        }
        // Apply this frame's commands now, so the next frame draws their result.
        if !self.queue.is_empty() {
            self.run_queue(&ctx);
            ctx.request_repaint();
        }
    }

    /// Draws the panels and windows; what they emit goes to the queue.
    fn panels_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let busy: Vec<String> = self.jobs.busy().iter().map(|job| job.describe()).collect();
        let status = self
            .memory
            .status
            .as_ref()
            .filter(|(_, at)| at.elapsed() < Duration::from_secs(8))
            .map(|(text, _)| text.as_str());
        let fit = self.network.take_fit();
        let laying_out = self.network.laying_out();
        let version = self.network.version;
        let mut panels = Panels {
            document: &self.document,
            state: &self.state,
            frame: &self.network.frame,
            prefs: &mut self.prefs,
            commands: &mut self.queue.view,
            document_commands: &mut self.queue.document,
            picture_commands: &mut self.queue.pictures,
            file: FileStatus {
                dirty: self.history.is_dirty(),
                undo: self.history.undo_label(),
                redo: self.history.redo_label(),
                busy: &busy,
                cancellable: self.jobs.can_cancel(),
                status,
            },
        };
        let menu = ui::menu_bar_ui(ui, &mut panels);
        if menu.tour {
            self.memory.lesson.open_ideas(&mut panels);
        }
        if menu.lessons {
            self.memory.lesson.open = true;
        }
        self.memory.lesson.present |= menu.present;
        ui::timeline_bar_ui(ui, &mut panels);
        if panels.prefs.show_chart {
            ui::chart_panel_ui(ui, &mut panels);
        }
        if panels.prefs.show_browser {
            let focus = std::mem::take(&mut self.memory.focus_search);
            ui::browser_panel_ui(ui, &mut panels, &mut self.memory.browser, focus);
        }
        if panels.prefs.show_inspector {
            ui::inspector_panel_ui(ui, &mut panels);
        }
        match panels.state.view.kind {
            ViewKind::Network => ui::network_panel_ui(
                ui,
                &mut panels,
                &mut self.network.graph,
                (&mut self.network.canvas, version),
                fit,
                laying_out,
            ),
            ViewKind::Map => ui::map_panel_ui(ui, &mut panels, &mut self.memory.map, version),
            ViewKind::Table => {
                ui::table_panel_ui(ui, &mut panels, &mut self.memory.table, version);
            }
            ViewKind::Coalitions => {
                ui::coalitions_panel_ui(ui, &mut panels, &mut self.memory.coalitions, version);
            }
        }
        ui::overlap_window_ui(ctx, &mut panels, &mut self.memory.overlap, version);
        ui::compare_window_ui(ctx, &mut panels);
        ui::lesson_window_ui(ctx, &mut panels, &mut self.memory.lesson);
        if menu.fit {
            self.network.fit();
        }
        let dialog_open = self.flow.dialog().is_some();
        // A dialog box takes over the window: the editor waits behind it, undrawn.
        if let Some(editor) = self.memory.editor.as_mut().filter(|_| !dialog_open) {
            let outcome = ui::editor_ui(ctx, editor, &self.document.dataset);
            if let Some(edit) = outcome.edit {
                self.queue.document.push(DocumentCommand::Apply(edit));
            }
            if !outcome.open {
                self.memory.editor = None;
            }
        }
        if !dialog_open {
            self.export_window_ui(ctx);
        }
        if let Some(modal) = self.flow.dialog_mut()
            && let Some(answer) = ui::modal_ui(ctx, modal)
        {
            self.answer_modal(ctx, answer);
        }
        if busy.is_empty()
            && self
                .memory
                .status
                .as_ref()
                .is_some_and(|(_, at)| at.elapsed() < Duration::from_secs(8))
        {
            ctx.request_repaint_after(Duration::from_secs(1));
        }
    }

    /// Applies the queued view commands, then performs the document and picture commands.
    fn run_queue(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.queue.view) {
            self.state.apply(command);
        }
        // The theme is a view setting the preferences remember.
        self.prefs.theme = self.state.view.theme;
        for command in std::mem::take(&mut self.queue.document) {
            self.run_document_command(ctx, command);
        }
        for command in std::mem::take(&mut self.queue.pictures) {
            self.run_picture_command(ctx, command);
        }
    }

    /// Whether the document has changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Whether a dialog box (unsaved changes, import report, message) is open, and its title.
    pub fn modal_title(&self) -> Option<&str> {
        self.flow.dialog().map(ui::Modal::title)
    }

    /// How many frames drew the network live, and how many repainted its last picture.
    pub fn canvas_frames(&self) -> (u64, u64) {
        (
            self.network.canvas.live_frames,
            self.network.canvas.cached_frames,
        )
    }

    /// How many frames drew the network's edge and node meshes again (the others reused
    /// them), for tests.
    pub fn canvas_drawn_frames(&self) -> u64 {
        self.network.canvas.drawn_frames
    }

    /// Where the node of the record with `id` was drawn at the last frame, in screen
    /// points (for tests).
    pub fn node_on_screen(&self, id: &str) -> Option<egui::Pos2> {
        let node = self.document.node_of_id(id)?;
        let number = self.document.graph.node_number(node);
        let location = self
            .network
            .graph
            .node(petgraph::stable_graph::NodeIndex::new(number))?
            .location();
        self.network.canvas.screen_of(location)
    }

    /// The id of the record whose node the pointer is over in the network (for tests).
    pub fn hovered_in_network(&self) -> Option<&str> {
        let index = self.network.graph.hovered_node()?;
        let number = self.network.graph.node(index)?.payload().number;
        let node = self.document.graph.node_ref(number)?;
        self.document.node_id(node)
    }

    /// The status line's last message (for tests).
    pub fn status_text(&self) -> Option<&str> {
        self.memory.status.as_ref().map(|(text, _)| text.as_str())
    }

    /// Whether background work (open, save, export, layout) is running.
    pub fn is_busy(&self) -> bool {
        self.jobs.is_busy()
    }

    /// Whether running work can be stopped from the status line (a video being written).
    pub fn can_cancel(&self) -> bool {
        self.jobs.can_cancel()
    }

    /// Handles what the workers finished.
    fn poll_jobs(&mut self, ctx: &egui::Context) {
        for result in self.jobs.poll() {
            match result {
                JobResult::LaidOut {
                    generation,
                    positions,
                } => self.network.laid_out(
                    &self.document,
                    self.state.view.layout,
                    generation,
                    positions,
                ),
                JobResult::Edited {
                    generation,
                    step,
                    result,
                } => self.edit_done(ctx, generation, step, result),
                other => self.file_job_done(ctx, other),
            }
        }
        // The steps and the intent left waiting by a document just replaced.
        self.next_edits(ctx);
        if self.jobs.is_busy() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        if ctx.input_mut(|input| input.consume_shortcut(&find)) {
            self.memory.focus_search = true;
            self.prefs.show_browser = true;
        }
        let shift = Modifiers::COMMAND | Modifiers::SHIFT;
        for (modifiers, key, command) in [
            (shift, Key::S, DocumentCommand::SaveAs),
            (shift, Key::I, DocumentCommand::AddData),
            (Modifiers::COMMAND, Key::S, DocumentCommand::Save),
            (Modifiers::COMMAND, Key::O, DocumentCommand::Open),
            (Modifiers::COMMAND, Key::N, DocumentCommand::New),
            (Modifiers::COMMAND, Key::I, DocumentCommand::Import),
            (Modifiers::COMMAND, Key::E, DocumentCommand::OpenExportImage),
            (Modifiers::COMMAND, Key::Q, DocumentCommand::Quit),
        ] {
            let shortcut = KeyboardShortcut::new(modifiers, key);
            if ctx.input_mut(|input| input.consume_shortcut(&shortcut)) {
                self.queue.document.push(command);
            }
        }
        if ctx.text_edit_focused() {
            // A text box has its own undo.
            return;
        }
        for (modifiers, key, command) in [
            (shift, Key::Z, DocumentCommand::Redo),
            (Modifiers::COMMAND, Key::Y, DocumentCommand::Redo),
            (Modifiers::COMMAND, Key::Z, DocumentCommand::Undo),
        ] {
            let shortcut = KeyboardShortcut::new(modifiers, key);
            if ctx.input_mut(|input| input.consume_shortcut(&shortcut)) {
                self.queue.document.push(command);
            }
        }
        let pressed = |key: Key, modifiers: Modifiers| {
            ctx.input_mut(|input| input.consume_key(modifiers, key))
        };
        if pressed(Key::Space, Modifiers::NONE) {
            self.queue.view.push(Command::TogglePlaying);
        }
        if pressed(Key::F5, Modifiers::NONE) {
            self.memory.lesson.present = true;
        }
        if egui::Popup::is_any_open(ctx) {
            // An open menu or drop-down list owns the arrow keys. Otherwise they step the
            // timeline even after a click left a button or the slider focused.
            return;
        }
        if pressed(Key::Escape, Modifiers::NONE) {
            self.queue.view.push(Command::Select(None));
        }
        if self.state.view.kind == ViewKind::Table && self.memory.table.has_focus(ctx) {
            // A focused cell of the table moves with the arrow and page keys.
            return;
        }
        // Shifted keys first: a plain-key pattern also matches the key with Shift held.
        for (key, modifiers, months) in [
            (Key::ArrowLeft, Modifiers::SHIFT, -12_i32),
            (Key::ArrowRight, Modifiers::SHIFT, 12),
            (Key::ArrowLeft, Modifiers::NONE, -1),
            (Key::ArrowRight, Modifiers::NONE, 1),
            (Key::PageUp, Modifiers::NONE, -12),
            (Key::PageDown, Modifiers::NONE, 12),
        ] {
            // Several presses can arrive in one frame: each one steps.
            let presses = ctx.input_mut(|input| input.count_and_consume_key(modifiers, key));
            if presses > 0 {
                let presses = i32::try_from(presses).unwrap_or(i32::MAX);
                self.queue
                    .view
                    .push(Command::StepMonths(months.saturating_mul(presses)));
            }
        }
    }

    /// Where the map view draws a state (by ISO code), once it has been shown (for tests).
    pub fn map_position(&self, iso3: &str) -> Option<egui::Pos2> {
        self.memory.map.screen_position(iso3)
    }

    /// The actor and body of the table's focused cell, if one has the keyboard focus (for
    /// tests).
    pub fn table_focus(&self, ctx: &egui::Context) -> Option<(ActorIx, BodyIx)> {
        self.memory.table.focused_cell(ctx)
    }

    /// Where the coalition view draws a body (by id), once it has been shown (for tests).
    pub fn coalition_position(&self, body_id: &str) -> Option<egui::Pos2> {
        let body = self.document.timeline.body_ix(body_id)?;
        self.memory.coalitions.screen_position(body)
    }

    /// Whether the selected node is visible (for tests).
    pub fn selection_visible(&self) -> bool {
        let Some(selection) = self.state.view.selection else {
            return false;
        };
        let number = self.document.graph.node_number(selection.node());
        self.network
            .frame()
            .nodes
            .get(number)
            .is_some_and(|look| look.visibility != Visibility::Hidden)
    }

    pub(super) fn set_status(&mut self, text: String) {
        self.memory.status = Some((text, Instant::now()));
    }
}
