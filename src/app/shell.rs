//! The application: owns the document, the state and the network graph; lays out the panels;
//! drains the commands the widgets emitted, once per frame.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use egui::Pos2;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};

use super::dialogs::{FileDialogs, NativeDialogs};
use super::jobs::{Jobs, OpenMode, Opened, Purpose};
use crate::edit::History;
use crate::scene::{SceneFrame, Visibility};
use crate::state::{AppState, Command, Document, DocumentCommand, Prefs, Selection};
use crate::style::Theme;
use crate::ui::network::{EdgePayload, NetworkGraph, NodePayload};
use crate::ui::{self, Editor, FileStatus, Modal, Panels};

mod files;
mod pictures;

/// Datasets with more nodes than this are laid out on a worker thread.
const INLINE_LAYOUT_MAX_NODES: usize = 2_000;

/// Where the layout stands.
enum LayoutJob {
    /// Positions are in the graph.
    Done,
    /// A worker is computing them.
    Running(Receiver<Vec<[f32; 2]>>),
}

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

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
enum Intent {
    New,
    Open,
    OpenPath(PathBuf),
    Import,
    Quit,
}

/// What an open dialog box is about, beyond what it shows.
enum Pending {
    /// Unsaved changes: then do this.
    Unsaved(Intent),
    /// An import report; the dataset when it can be opened anyway.
    Report(Option<(Box<Opened>, PathBuf, OpenMode)>),
    /// A message to acknowledge.
    Message,
    /// Unsaved work was found from an earlier run.
    Recover(PathBuf),
    /// No file dialog could be shown: the path was typed for this purpose.
    TypedPath(Purpose),
}

/// For how many frames the view fits the network to the window after a fit request: the
/// view measures the network's bounds while drawing, so the first fitted frame uses the
/// previous frame's bounds.
const FIT_FRAMES: u8 = 3;

/// How long after an edit the recovery copy is written.
const RECOVERY_DELAY: Duration = Duration::from_secs(3);

/// The Minilateral application, usable inside eframe or a test harness.
pub struct MinilateralApp {
    config: AppConfig,
    /// The edits done to the document, and whether they are saved.
    history: History,
    /// Document commands emitted this frame.
    document_commands: Vec<DocumentCommand>,
    jobs: Jobs,
    /// The open dialog box, and what it is about.
    modal: Option<(Modal, Pending)>,
    /// The open record editor.
    editor: Option<Editor>,
    /// The export-image dialog's form, when open.
    export_form: Option<ui::ExportForm>,
    /// A picture waiting for its file name.
    pending_image: Option<crate::state::ImageRequest>,
    /// A sequence waiting for its file name.
    pending_sequence: Option<crate::state::SequenceRequest>,
    /// A window screenshot waiting for its file name.
    pending_screenshot: Option<Arc<egui::ColorImage>>,
    /// A screenshot was asked for and has not arrived yet.
    screenshot_wanted: bool,
    /// The network's last picture, reused while nothing changes.
    canvas: ui::CanvasCache,
    overlap_view: ui::OverlapView,
    /// The idea the tour window shows, while it is open.
    tour: Option<usize>,
    /// Changes whenever node positions or looks change (invalidates `canvas`).
    graph_version: u64,
    /// Once unsaved changes are saved, do this.
    after_save: Option<Intent>,
    /// The window may close (unsaved changes were dealt with).
    allow_close: bool,
    /// The window title last sent.
    title_sent: String,
    /// The last thing that happened, for the status line.
    status: Option<(String, Instant)>,
    /// The history position the recovery copy holds, and when an edit last asked for one.
    recovery_written: Option<u64>,
    recovery_due: Option<Instant>,
    document: Document,
    state: AppState,
    prefs: Prefs,
    graph: NetworkGraph,
    frame: SceneFrame,
    /// The state and theme the graph's looks were computed for.
    frame_key: Option<(AppState, Theme)>,
    layout: LayoutJob,
    /// Fit the view to the graph on the next frame.
    fit_frames: u8,
    /// The computed force layout, kept to switch back to it.
    force_positions: Vec<[f32; 2]>,
    /// The arrangement the graph's nodes are in now.
    applied_layout: crate::state::LayoutKind,
    /// The search text of the browser list (widget memory).
    search: String,
    /// Focus the search box on the next frame.
    focus_search: bool,
    commands: Vec<Command>,
}

impl MinilateralApp {
    /// An application on a document, with saved preferences and native dialogs.
    pub fn new(document: Document, prefs: Prefs) -> Self {
        Self::with_config(document, prefs, AppConfig::default())
    }

    /// An application on a document with explicit dialogs and recovery file.
    pub fn with_config(document: Document, prefs: Prefs, config: AppConfig) -> Self {
        let state = document.initial_state();
        let request = document.layout_request();
        let mut graph = NetworkGraph::new();
        let mut force_positions = Vec::new();
        let layout = if request.node_count <= INLINE_LAYOUT_MAX_NODES {
            let positions = Document::compute_layout(request);
            add_nodes(&mut graph, &document, &positions);
            force_positions = positions;
            LayoutJob::Done
        } else {
            let initial = crate::scene::layout::ForceLayout::new(request.clone());
            add_nodes(&mut graph, &document, initial.positions());
            let (sender, receiver) = std::sync::mpsc::channel();
            let spawned = std::thread::Builder::new()
                .name("layout".into())
                .spawn(move || {
                    let _ = sender.send(Document::compute_layout(request));
                });
            match spawned {
                Ok(_) => LayoutJob::Running(receiver),
                Err(_) => LayoutJob::Done,
            }
        };
        let modal = config
            .recovery_path
            .as_ref()
            .filter(|path| path.is_file())
            .map(|path| (Modal::recover(path), Pending::Recover(path.clone())));
        Self {
            config,
            history: History::new(),
            document_commands: Vec::new(),
            jobs: Jobs::default(),
            modal,
            editor: None,
            export_form: None,
            pending_image: None,
            pending_sequence: None,
            pending_screenshot: None,
            screenshot_wanted: false,
            canvas: ui::CanvasCache::default(),
            overlap_view: ui::OverlapView::default(),
            tour: None,
            graph_version: 0,
            after_save: None,
            allow_close: false,
            title_sent: String::new(),
            status: None,
            recovery_written: None,
            recovery_due: None,
            document,
            state,
            prefs,
            graph,
            frame: SceneFrame::default(),
            frame_key: None,
            layout,
            fit_frames: FIT_FRAMES,
            force_positions,
            applied_layout: crate::state::LayoutKind::Force,
            search: String::new(),
            focus_search: false,
            commands: Vec::new(),
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

    /// The look of the network at the current state.
    pub fn scene_frame(&self) -> &SceneFrame {
        &self.frame
    }

    /// Queues a command, applied at the start of the next frame.
    pub fn push_command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Draws the whole application into `ui` (the root of the window or of a test).
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ctx.set_theme(match self.prefs.theme {
            Theme::Light => egui::Theme::Light,
            Theme::Dark => egui::Theme::Dark,
        });
        self.poll_layout(&ctx);
        self.poll_jobs(&ctx);
        self.close_guard(&ctx);
        self.screenshot_events(&ctx);
        self.dropped_files(&ctx);
        self.shortcuts(&ctx);
        self.apply_commands();
        self.run_document_commands(&ctx);
        if self.state.layout != self.applied_layout && matches!(self.layout, LayoutJob::Done) {
            self.place_nodes();
        }
        if self.state.playing {
            let seconds = ctx.input(|input| input.stable_dt).min(0.25);
            self.state.apply(Command::Tick { seconds });
            ctx.request_repaint();
        }
        self.refresh_frame(self.prefs.theme);
        self.update_title(&ctx);
        self.write_recovery(&ctx);

        let mut commands = Vec::new();
        let mut document_commands = Vec::new();
        let busy: Vec<String> = self.jobs.busy().iter().map(|job| job.describe()).collect();
        let status = self
            .status
            .as_ref()
            .filter(|(_, at)| at.elapsed() < Duration::from_secs(8))
            .map(|(text, _)| text.as_str());
        let mut panels = Panels {
            document: &self.document,
            state: &self.state,
            frame: &self.frame,
            prefs: &mut self.prefs,
            commands: &mut commands,
            document_commands: &mut document_commands,
            file: FileStatus {
                dirty: self.history.is_dirty(),
                undo: self.history.undo_label(),
                redo: self.history.redo_label(),
                busy: &busy,
                status,
            },
        };
        let menu = ui::menu_bar_ui(ui, &mut panels);
        if menu.fit {
            self.fit_frames = FIT_FRAMES;
        }
        if menu.tour {
            ui::start_tour(&mut panels, &mut self.tour);
        }
        ui::timeline_bar_ui(ui, &mut panels);
        if panels.prefs.show_chart {
            ui::chart_panel_ui(ui, &mut panels);
        }
        if panels.prefs.show_browser {
            let focus = std::mem::take(&mut self.focus_search);
            ui::browser_panel_ui(ui, &mut panels, &mut self.search, focus);
        }
        if panels.prefs.show_inspector {
            ui::inspector_panel_ui(ui, &mut panels);
        }
        let fit = self.fit_frames > 0;
        self.fit_frames = self.fit_frames.saturating_sub(1);
        let laying_out = matches!(self.layout, LayoutJob::Running(_));
        ui::network_panel_ui(
            ui,
            &mut panels,
            &mut self.graph,
            (&mut self.canvas, self.graph_version),
            fit,
            laying_out,
        );
        ui::overlap_window_ui(
            &ctx,
            &mut panels,
            &mut self.overlap_view,
            self.graph_version,
        );
        ui::tour_window_ui(&ctx, &mut panels, &mut self.tour);
        // A dialog box takes over the window: the editor waits behind it, undrawn.
        if let Some(editor) = self.editor.as_mut().filter(|_| self.modal.is_none()) {
            let outcome = ui::editor_ui(&ctx, editor, &self.document.dataset);
            if let Some(edit) = outcome.edit {
                document_commands.push(DocumentCommand::Apply(edit));
            }
            if !outcome.open {
                self.editor = None;
            }
        }
        if self.modal.is_none()
            && let Some(mut form) = self.export_form.take()
        {
            let request = form.request(&self.document, &self.state);
            if !form.previews(&request) {
                let picture = self.picture(&request);
                form.set_preview(request, picture);
            }
            let outcome = ui::export_dialog_ui(&ctx, &mut form, &self.document, &self.state);
            if let Some(command) = outcome.command {
                document_commands.push(command);
            }
            if outcome.open {
                self.export_form = Some(form);
            }
        }
        if let Some((modal, _)) = &mut self.modal
            && let Some(answer) = ui::modal_ui(&ctx, modal)
        {
            self.answer_modal(&ctx, answer);
        }
        if busy.is_empty()
            && self
                .status
                .as_ref()
                .is_some_and(|(_, at)| at.elapsed() < Duration::from_secs(8))
        {
            ctx.request_repaint_after(Duration::from_secs(1));
        }
        self.commands.extend(commands);
        self.document_commands.extend(document_commands);
        // Apply this frame's commands now, so the next frame draws their result.
        if !self.commands.is_empty() || !self.document_commands.is_empty() {
            self.apply_commands();
            self.run_document_commands(&ctx);
            ctx.request_repaint();
        }
    }

    /// Queues a document command (files, edits, undo), performed on the next frame.
    pub fn push_document_command(&mut self, command: DocumentCommand) {
        self.document_commands.push(command);
    }

    /// Whether the document has changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Whether a dialog box (unsaved changes, import report, message) is open, and its title.
    pub fn modal_title(&self) -> Option<&str> {
        self.modal.as_ref().map(|(modal, _)| modal.title())
    }

    /// How many frames drew the network live, and how many repainted its last picture.
    pub fn canvas_frames(&self) -> (u64, u64) {
        (self.canvas.live_frames, self.canvas.cached_frames)
    }

    /// The status line's last message (for tests).
    pub fn status_text(&self) -> Option<&str> {
        self.status.as_ref().map(|(text, _)| text.as_str())
    }

    /// Whether background work (open, save, export) is running.
    pub fn is_busy(&self) -> bool {
        self.jobs.is_busy()
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        if ctx.input_mut(|input| input.consume_shortcut(&find)) {
            self.focus_search = true;
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
                self.document_commands.push(command);
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
                self.document_commands.push(command);
            }
        }
        let pressed = |key: Key, modifiers: Modifiers| {
            ctx.input_mut(|input| input.consume_key(modifiers, key))
        };
        if pressed(Key::Space, Modifiers::NONE) {
            self.commands.push(Command::TogglePlaying);
        }
        if egui::Popup::is_any_open(ctx) {
            // An open menu or drop-down list owns the arrow keys. Otherwise they step the
            // timeline even after a click left a button or the slider focused.
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
                self.commands
                    .push(Command::StepMonths(months.saturating_mul(presses)));
            }
        }
        if pressed(Key::Escape, Modifiers::NONE) {
            self.commands.push(Command::Select(None));
        }
    }

    fn apply_commands(&mut self) {
        for command in std::mem::take(&mut self.commands) {
            self.state.apply(command);
        }
    }

    /// Moves every node to the arrangement the state asks for, and fits the view to it.
    fn place_nodes(&mut self) {
        let doc = &self.document;
        let positions = crate::scene::layout::arrange(
            self.state.layout,
            &doc.graph,
            &doc.dataset,
            &self.force_positions,
        );
        for (i, position) in positions.iter().enumerate() {
            if let Some(node) = self.graph.node_mut(NodeIndex::new(i)) {
                node.set_location(Pos2::new(position[0], position[1]));
            }
        }
        self.applied_layout = self.state.layout;
        self.fit_frames = FIT_FRAMES;
        self.graph_version += 1;
    }

    fn poll_layout(&mut self, ctx: &egui::Context) {
        let LayoutJob::Running(receiver) = &self.layout else {
            return;
        };
        match receiver.try_recv() {
            Ok(positions) => {
                self.force_positions = positions;
                self.layout = LayoutJob::Done;
                self.place_nodes();
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100))
            }
            Err(TryRecvError::Disconnected) => self.layout = LayoutJob::Done,
        }
    }

    /// Recomputes the looks when the state or theme changed, and copies them into the graph.
    fn refresh_frame(&mut self, theme: Theme) {
        if self
            .frame_key
            .as_ref()
            .is_some_and(|(state, key_theme)| *key_theme == theme && same_look(state, &self.state))
        {
            return;
        }
        let doc = &self.document;
        self.frame = SceneFrame::build(&doc.dataset, &doc.timeline, &doc.graph, &self.state, theme);
        for (i, look) in self.frame.nodes.iter().enumerate() {
            if let Some(node) = self.graph.node_mut(NodeIndex::new(i)) {
                node.payload_mut().look = *look;
                // egui_graphs draws selected nodes last, on top of their neighbours.
                node.set_selected(look.ring == Some(crate::scene::Ring::Selected));
            }
        }
        for (i, look) in self.frame.edges.iter().enumerate() {
            if let Some(edge) = self.graph.edge_mut(EdgeIndex::new(i)) {
                edge.payload_mut().look = *look;
            }
        }
        self.frame_key = Some((self.state.clone(), theme));
        self.graph_version += 1;
    }

    /// Whether the selected node is visible (for tests).
    pub fn selection_visible(&self) -> bool {
        let Some(selection) = self.state.selection else {
            return false;
        };
        let node = match selection {
            Selection::Body(body) => crate::scene::NodeRef::Body(body),
            Selection::Actor(actor) => crate::scene::NodeRef::Actor(actor),
        };
        let number = self.document.graph.node_number(node);
        self.frame
            .nodes
            .get(number)
            .is_some_and(|look| look.visibility != Visibility::Hidden)
    }
}

/// Whether two states draw the same network (playback clock and list sorting aside).
fn same_look(a: &AppState, b: &AppState) -> bool {
    a.selection == b.selection
        && a.date == b.date
        && a.previous_date == b.previous_date
        && a.level == b.level
        && a.filters == b.filters
        && a.change_mode == b.change_mode
        && a.body_colouring == b.body_colouring
}

/// Adds every node and edge of the document to the graph, nodes at `positions`.
fn add_nodes(graph: &mut NetworkGraph, document: &Document, positions: &[[f32; 2]]) {
    let scene = &document.graph;
    for number in 0..scene.node_count() {
        let Some(node) = scene.node_ref(number) else {
            continue;
        };
        let position = positions.get(number).copied().unwrap_or([0.0, 0.0]);
        let payload = NodePayload {
            number,
            look: crate::scene::NodeLook {
                kind: crate::style::NodeKind::State,
                fill: crate::style::NO_REGION_COLOUR,
                radius: 5.0,
                visibility: Visibility::Hidden,
                ring: None,
                label: crate::scene::LabelRule::WhenZoomedIn,
            },
            label: Arc::from(document.node_label(node)),
            short_label: document.node_short_label(node).map(Arc::from),
        };
        graph.add_node_with_location(payload, Pos2::new(position[0], position[1]));
    }
    for &(_, from, to) in &scene.edges {
        let payload = EdgePayload {
            look: crate::scene::EdgeLook {
                style: crate::style::membership_style(crate::model::Status::Party, Theme::Light),
                visibility: Visibility::Hidden,
            },
        };
        graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), payload);
    }
}
