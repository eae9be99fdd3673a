//! The document side of the app: files (new, open, save, import, export), edits with undo,
//! the unsaved-changes guard and the recovery copy. Slow work goes to [`Jobs`].

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::edits::Waiting;
use super::{MinilateralApp, RECOVERY_DELAY};
use crate::app::dialogs::{self, DialogRequest};
use crate::app::jobs::{JobResult, OpenFailure, OpenMode, Opened, Purpose, open_file, open_mapped};
use crate::document::{Document, file_name};
use crate::edit::History;
use crate::io::Format;
use crate::model::{Dataset, Meta};
use crate::render::ImageFormat;
use crate::state::{AppState, DocumentCommand};
use crate::ui::{Editor, Modal, ModalAnswer};

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Intent {
    New,
    Open,
    OpenPath(PathBuf),
    Import,
    Quit,
}

/// What an open dialog box is about, beyond what it shows.
pub(super) enum Pending {
    /// Unsaved changes: then do this.
    Unsaved(Intent),
    /// An import report; the dataset when it can be opened anyway.
    Report(Option<(Box<Opened>, PathBuf, OpenMode)>),
    /// A message to acknowledge.
    Message,
    /// Unsaved work was found from an earlier run.
    Recover(PathBuf),
    /// No file dialog could be shown: the path is typed for this purpose (and, for a save
    /// before quitting or opening, what to do once saved).
    TypedPath(Purpose, Option<Intent>),
    /// The mapping step of a table: its file (none for a pasted table) and how to open it.
    Mapping(Option<PathBuf>, OpenMode),
}

/// Where the file workflow stands: one state at a time.
pub(super) enum Flow {
    /// Nothing waits for the user.
    Idle,
    /// A dialog box is open, about this.
    Dialog(Modal, Pending),
    /// The document is being saved (or its file asked for); then do this.
    SavingThen(Intent),
    /// The window may close: unsaved changes were dealt with.
    Closing,
}

impl Flow {
    /// The flow at start: asking about unsaved work left by a crash, if there is any.
    pub(super) fn recovering(recovery_path: Option<&Path>) -> Self {
        match recovery_path.filter(|path| path.is_file()) {
            Some(path) => Self::Dialog(Modal::recover(path), Pending::Recover(path.to_path_buf())),
            None => Self::Idle,
        }
    }

    /// The open dialog box.
    pub(super) fn dialog(&self) -> Option<&Modal> {
        match self {
            Self::Dialog(modal, _) => Some(modal),
            _ => None,
        }
    }

    /// The open dialog box, to draw.
    pub(super) fn dialog_mut(&mut self) -> Option<&mut Modal> {
        match self {
            Self::Dialog(modal, _) => Some(modal),
            _ => None,
        }
    }

    /// What to do after the save under way, taken out of the flow.
    fn take_intent(&mut self) -> Option<Intent> {
        match std::mem::replace(self, Self::Idle) {
            Self::SavingThen(intent) => Some(intent),
            other => {
                *self = other;
                None
            }
        }
    }
}

/// The copy of unsaved work: which history position it holds, and when an edit last asked
/// for one.
#[derive(Debug, Default)]
pub(super) struct Recovery {
    written: Option<u64>,
    pub(super) due: Option<Instant>,
}

impl MinilateralApp {
    /// Performs one document command.
    pub(super) fn run_document_command(&mut self, ctx: &egui::Context, command: DocumentCommand) {
        match command {
            DocumentCommand::New => self.guard(ctx, Intent::New),
            DocumentCommand::Open => self.guard(ctx, Intent::Open),
            DocumentCommand::OpenPath(path) => self.guard(ctx, Intent::OpenPath(path)),
            DocumentCommand::Import => self.guard(ctx, Intent::Import),
            DocumentCommand::AddData => self.ask(ctx, Purpose::AddData),
            DocumentCommand::Quit => self.guard(ctx, Intent::Quit),
            DocumentCommand::Save => self.save(ctx),
            DocumentCommand::SaveAs => self.ask(ctx, Purpose::SaveAs),
            DocumentCommand::ExportData => self.ask(ctx, Purpose::ExportData),
            DocumentCommand::Undo => self.edit(ctx, Waiting::Undo),
            DocumentCommand::Redo => self.edit(ctx, Waiting::Redo),
            DocumentCommand::Apply(edit) => self.apply_edit(ctx, edit),
            DocumentCommand::OpenEditor(target) => {
                self.memory.editor = Some(Editor::open(target, &self.document.dataset));
            }
            DocumentCommand::OpenExportImage => self.open_export_window(),
            DocumentCommand::SaveScreenshot => self.take_screenshot(ctx),
        }
    }

    /// Replaces the document with one just opened or created.
    fn install(&mut self, document: Document, positions: &[[f32; 2]], history: History) {
        self.network.install(&document, positions);
        let theme = self.state.view.theme;
        self.state = AppState::of_document(&document);
        self.state.view.theme = theme;
        self.document = document;
        self.history = history;
        self.memory.editor = None;
        self.recovery = Recovery::default();
        self.edits.reset();
    }

    /// Does `intent` now, or first asks what to do with unsaved changes (once the edits
    /// being applied have landed).
    pub(super) fn guard(&mut self, ctx: &egui::Context, intent: Intent) {
        if self.edits.pending() {
            self.edits.then(intent);
        } else if self.history.is_dirty() {
            let name = self.document.file_label.clone();
            self.flow = Flow::Dialog(Modal::unsaved(&name), Pending::Unsaved(intent));
        } else {
            self.proceed(ctx, intent);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::New => {
                let dataset = Dataset {
                    meta: Meta {
                        title: "Untitled dataset".into(),
                        ..Meta::default()
                    },
                    ..Dataset::default()
                };
                let document = Document::new(dataset, "Untitled".into(), String::new());
                self.install(document, &[], History::new());
                self.remove_recovery();
                self.set_status("New dataset: add bodies and actors from the Edit menu".into());
            }
            Intent::Open => self.ask(ctx, Purpose::Open),
            Intent::Import => self.ask(ctx, Purpose::Import),
            Intent::OpenPath(path) => self.open(ctx, path, OpenMode::AsFile),
            Intent::Quit => {
                self.remove_recovery();
                self.flow = Flow::Closing;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Shows a file dialog on a worker; the answer arrives as [`JobResult::Picked`].
    fn ask(&mut self, ctx: &egui::Context, purpose: Purpose) {
        self.ask_for(ctx, purpose, String::new());
    }

    /// Like [`Self::ask`], suggesting a file name (for pictures).
    pub(super) fn ask_for(&mut self, ctx: &egui::Context, purpose: Purpose, name: String) {
        let directory = self
            .document
            .path
            .as_ref()
            .and_then(|path| path.parent())
            .map(Path::to_path_buf)
            .or_else(|| {
                self.prefs
                    .recent_files
                    .first()
                    .and_then(|path| path.parent())
                    .map(Path::to_path_buf)
            });
        let stem = self
            .document
            .path
            .as_ref()
            .and_then(|path| path.file_stem())
            .map_or_else(
                || "dataset".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            );
        let (title, filters, save, file_name) = match purpose {
            Purpose::Open => ("Open a dataset", dialogs::READABLE, false, String::new()),
            Purpose::Import => (
                "Import a CSV, GEXF or GraphML file",
                &dialogs::READABLE[2..],
                false,
                String::new(),
            ),
            Purpose::AddData => (
                "Add the records of a file to this dataset",
                dialogs::READABLE,
                false,
                String::new(),
            ),
            Purpose::SaveAs => (
                "Save the dataset as",
                std::slice::from_ref(&dialogs::NATIVE),
                true,
                format!("{stem}.json"),
            ),
            Purpose::ExportData => (
                "Export the data as",
                dialogs::EXPORTABLE,
                true,
                format!("{stem}.gexf"),
            ),
            Purpose::Image(ImageFormat::Png) => (
                "Export the picture as",
                std::slice::from_ref(&dialogs::PNG),
                true,
                name,
            ),
            Purpose::Image(ImageFormat::Svg) => (
                "Export the picture as",
                std::slice::from_ref(&dialogs::SVG),
                true,
                name,
            ),
            Purpose::Sequence => (
                "Export the sequence as",
                std::slice::from_ref(&dialogs::GIF),
                true,
                name,
            ),
            Purpose::Video => (
                "Export the video as",
                std::slice::from_ref(&dialogs::MP4),
                true,
                name,
            ),
            Purpose::Handout => (
                "Export the lesson as",
                std::slice::from_ref(&dialogs::PDF),
                true,
                name,
            ),
            Purpose::Screenshot => (
                "Save the screenshot as",
                std::slice::from_ref(&dialogs::PNG),
                true,
                name,
            ),
        };
        let request = DialogRequest {
            title: title.into(),
            filters,
            save,
            file_name,
            directory,
        };
        let dialogs = self.config.dialogs.clone();
        self.jobs
            .spawn(ctx, "Waiting for the file dialog", move || {
                let started = Instant::now();
                let path = dialogs.ask(&request);
                JobResult::Picked {
                    purpose,
                    unanswered: path.is_none() && started.elapsed().as_millis() < 150,
                    path,
                }
            });
    }

    fn open(&mut self, ctx: &egui::Context, path: PathBuf, mode: OpenMode) {
        let label = format!("Opening {}", file_name(&path));
        self.jobs.spawn(ctx, label, move || JobResult::Opened {
            result: open_file(&path),
            path,
            mode,
        });
    }

    fn save(&mut self, ctx: &egui::Context) {
        match self.document.path.clone() {
            Some(path) => self.save_to(ctx, path),
            None => self.ask(ctx, Purpose::SaveAs),
        }
    }

    fn save_to(&mut self, ctx: &egui::Context, path: PathBuf) {
        // Snapshot on the UI thread, write on the worker.
        let dataset = self.document.dataset.clone();
        let position = self.history.position();
        let label = format!("Saving {}", file_name(&path));
        self.jobs.spawn(ctx, label, move || JobResult::Saved {
            result: crate::io::save(&dataset, &path).map_err(|error| error.to_string()),
            path,
            position,
        });
    }

    fn export_to(&mut self, ctx: &egui::Context, path: PathBuf) {
        let dataset = self.document.dataset.clone();
        let looks = self.network.node_looks(&self.document);
        let label = format!("Exporting {}", file_name(&path));
        self.jobs.spawn(ctx, label, move || {
            let format = Format::from_path(&path);
            let result = crate::io::save_with_looks(&dataset, &path, &looks)
                .map(|()| {
                    format
                        .map(|f| crate::io::lost_in(f, &dataset))
                        .unwrap_or_default()
                })
                .map_err(|error| error.to_string());
            JobResult::Exported { path, result }
        });
    }

    /// Handles what a file or picture worker finished.
    pub(super) fn file_job_done(&mut self, ctx: &egui::Context, result: JobResult) {
        {
            match result {
                JobResult::Picked {
                    purpose,
                    path,
                    unanswered,
                } => match path {
                    Some(path) => self.picked(ctx, purpose, path),
                    None if unanswered => {
                        let then = self.flow.take_intent();
                        self.flow =
                            Flow::Dialog(Modal::typed_path(), Pending::TypedPath(purpose, then));
                    }
                    None => {
                        self.flow.take_intent();
                        self.pictures.cancel();
                    }
                },
                JobResult::Opened { path, mode, result } => self.opened(ctx, path, mode, result),
                JobResult::Saved {
                    path,
                    position,
                    result,
                } => self.saved(ctx, path, position, result),
                JobResult::Exported { path, result } => match result {
                    Ok(lost) if lost.is_empty() => {
                        self.set_status(format!("Exported {}", path.display()));
                    }
                    Ok(lost) => self.show_message(
                        "Exported, with losses",
                        &format!("{}:\n{}", path.display(), lost.join("\n")),
                    ),
                    Err(error) => self.show_message("Could not export", &error),
                },
                JobResult::Copied(result) => match result {
                    Ok(raster) => {
                        let size = [raster.width as usize, raster.height as usize];
                        ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(
                            size,
                            &raster.rgba,
                        ));
                        self.set_status("Copied the picture".into());
                    }
                    Err(error) => self.show_message("Could not copy the picture", &error),
                },
                JobResult::Failed(message) => self.show_message("Something went wrong", &message),
                JobResult::Cancelled(what) => self.set_status(format!("Cancelled: {what}")),
                JobResult::RecoveryWritten(result) => {
                    if result.is_ok() && !self.history.is_dirty() {
                        // Saved while the copy was being written: it is not needed.
                        self.remove_recovery();
                    }
                }
                JobResult::LaidOut { .. } | JobResult::Edited { .. } => {}
            }
        }
    }

    fn picked(&mut self, ctx: &egui::Context, purpose: Purpose, path: PathBuf) {
        match purpose {
            Purpose::Image(_)
            | Purpose::Sequence
            | Purpose::Video
            | Purpose::Screenshot
            | Purpose::Handout => {
                self.picked_picture(ctx, purpose, path);
            }
            Purpose::Open => self.open(ctx, path, OpenMode::AsFile),
            Purpose::Import => self.open(ctx, path, OpenMode::AsNew),
            Purpose::AddData => self.open(ctx, path, OpenMode::AddToCurrent),
            Purpose::SaveAs => {
                let path = if Format::from_path(&path) == Some(Format::Native) {
                    path
                } else {
                    let mut name = path.clone().into_os_string();
                    name.push(".json");
                    PathBuf::from(name)
                };
                self.save_to(ctx, path);
            }
            Purpose::ExportData => {
                if Format::from_path(&path).is_some() {
                    self.export_to(ctx, path);
                } else {
                    self.show_message(
                        "Could not export",
                        &format!(
                            "{}: choose a name ending in .gexf, .graphml, .csv (.nodes.csv for Gephi) or .json",
                            path.display()
                        ),
                    );
                }
            }
        }
    }

    fn opened(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        mode: OpenMode,
        result: Result<Box<Opened>, OpenFailure>,
    ) {
        match result {
            Ok(opened) if opened.report.issues.is_empty() => {
                self.open_now(ctx, opened, path, mode);
            }
            Ok(opened) => {
                let proceed = match mode {
                    OpenMode::AddToCurrent => "Add anyway",
                    OpenMode::AsFile | OpenMode::AsNew => "Open anyway",
                };
                let modal = Modal::report(&opened.report, Some(proceed));
                self.flow = Flow::Dialog(modal, Pending::Report(Some((opened, path, mode))));
            }
            Err(OpenFailure::Report(report)) => {
                self.flow = Flow::Dialog(Modal::report(&report, None), Pending::Report(None));
            }
            Err(OpenFailure::Message(message)) => {
                self.show_message("Could not open the file", &message);
            }
            Err(OpenFailure::NeedsMapping(step)) => {
                self.flow = Flow::Dialog(Modal::mapping(*step), Pending::Mapping(Some(path), mode));
            }
        }
    }

    /// Opens the mapping step for a table pasted into the window (Ctrl+V with a table
    /// copied from a web page or a spreadsheet, no text field focused): as a new dataset
    /// when the open one is empty, else added to it.
    pub(super) fn pasted_table(&mut self, ctx: &egui::Context) {
        if !matches!(self.flow, Flow::Idle) || ctx.memory(|memory| memory.focused().is_some()) {
            return;
        }
        let pasted = ctx.input(|input| {
            input.events.iter().find_map(|event| match event {
                egui::Event::Paste(text)
                    if text.trim().contains('\n')
                        && (text.contains('\t') || text.contains(',')) =>
                {
                    Some(text.clone())
                }
                _ => None,
            })
        });
        let Some(text) = pasted else {
            return;
        };
        match crate::io::shaped::Grid::from_text("pasted table", &text) {
            Ok(grid) => {
                let mapping = crate::io::shaped::guess(&grid);
                let step = crate::io::shaped::MappingStep::new(grid, mapping);
                let dataset = &self.document.dataset;
                let mode = if dataset.events.is_empty() && dataset.actors.is_empty() {
                    OpenMode::AsNew
                } else {
                    OpenMode::AddToCurrent
                };
                self.flow = Flow::Dialog(Modal::mapping(step), Pending::Mapping(None, mode));
            }
            Err(report) => {
                self.flow = Flow::Dialog(Modal::report(&report, None), Pending::Report(None));
            }
        }
    }

    /// Shows an opened dataset. Files in the native format are saved back to themselves;
    /// other formats become a new, unsaved dataset (Save asks where to write it).
    fn open_now(
        &mut self,
        ctx: &egui::Context,
        opened: Box<Opened>,
        path: PathBuf,
        mode: OpenMode,
    ) {
        if mode == OpenMode::AddToCurrent {
            self.edit(ctx, Waiting::Merge(opened.document.dataset, path));
            return;
        }
        let Opened {
            document,
            positions,
            ..
        } = *opened;
        let native = Format::from_path(&path) == Some(Format::Native);
        let mut history = History::new();
        let document = if native && mode == OpenMode::AsFile {
            self.prefs.remember_file(path.clone());
            document.with_path(path.clone())
        } else {
            history.mark_unsaved();
            let mut document = document;
            document.file_label = format!("Imported from {}", file_name(&path));
            document
        };
        self.install(document, &positions, history);
        self.set_status(format!("Opened {}", path.display()));
    }

    fn saved(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        position: u64,
        result: Result<(), String>,
    ) {
        match result {
            Ok(()) => {
                self.history.mark_saved_at(position);
                self.document.file_label = file_name(&path);
                self.document.path = Some(path.clone());
                self.prefs.remember_file(path.clone());
                if !self.history.is_dirty() {
                    self.remove_recovery();
                }
                self.set_status(format!("Saved {}", path.display()));
                if let Some(intent) = self.flow.take_intent() {
                    // Asks again if edits landed after the copy was taken.
                    self.guard(ctx, intent);
                }
            }
            Err(error) => {
                self.flow.take_intent();
                self.show_message("Could not save", &error);
            }
        }
    }

    /// Acts on the answer to the open dialog box.
    pub(super) fn answer_modal(&mut self, ctx: &egui::Context, answer: ModalAnswer) {
        let Flow::Dialog(modal, pending) = std::mem::replace(&mut self.flow, Flow::Idle) else {
            return;
        };
        match (pending, answer) {
            (Pending::Mapping(path, mode), ModalAnswer::ImportTable) => {
                if let Modal::Mapping { step, .. } = modal {
                    let shown = path
                        .clone()
                        .unwrap_or_else(|| PathBuf::from(step.grid.file.clone()));
                    let label = format!("Importing {}", file_name(&shown));
                    self.jobs.spawn(ctx, label, move || JobResult::Opened {
                        result: open_mapped(&step.grid, step.mapping(), path.as_deref()),
                        path: shown,
                        mode,
                    });
                }
            }
            (Pending::Unsaved(intent), ModalAnswer::Save) => {
                self.flow = Flow::SavingThen(intent);
                self.save(ctx);
            }
            (Pending::Unsaved(intent), ModalAnswer::Discard) => {
                self.remove_recovery();
                self.history.mark_saved();
                self.proceed(ctx, intent);
            }
            (Pending::Report(Some((opened, path, mode))), ModalAnswer::OpenAnyway) => {
                self.open_now(ctx, opened, path, mode);
            }
            (Pending::Recover(path), ModalAnswer::Recover) => {
                self.open(ctx, path, OpenMode::AsNew);
            }
            (Pending::Recover(path), ModalAnswer::Discard) => {
                let _ = std::fs::remove_file(path);
            }
            (Pending::TypedPath(purpose, then), ModalAnswer::Path(path)) => {
                if let Some(intent) = then {
                    self.flow = Flow::SavingThen(intent);
                }
                self.picked(ctx, purpose, path);
            }
            (Pending::TypedPath(..), _) => self.pictures.cancel(),
            _ => {}
        }
    }

    /// Asks before the window closes with unsaved changes.
    pub(super) fn close_guard(&mut self, ctx: &egui::Context) {
        if ctx.input(|input| input.viewport().close_requested())
            && !matches!(self.flow, Flow::Closing)
            && (self.history.is_dirty() || self.edits.pending())
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if self.flow.dialog().is_none() {
                self.guard(ctx, Intent::Quit);
            }
        }
    }

    /// Opens a file dropped on the window.
    pub(super) fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|input| {
            input
                .raw
                .dropped_files
                .first()
                .map(|file| file.path().to_path_buf())
        });
        if let Some(path) = dropped {
            self.queue.document.push(DocumentCommand::OpenPath(path));
        }
    }

    /// Keeps the window title on the file name and the unsaved mark.
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.history.is_dirty() { "• " } else { "" };
        let title = format!("{mark}{} — Minilateral", self.document.file_label);
        if title != self.memory.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.memory.title_sent = title;
        }
    }

    /// The window title as last set.
    pub fn window_title(&self) -> &str {
        &self.memory.title_sent
    }

    /// Writes a copy of unsaved work a little while after the last edit.
    pub(super) fn write_recovery(&mut self, ctx: &egui::Context) {
        let Some(path) = self.config.recovery_path.clone() else {
            return;
        };
        let Some(due) = self.recovery.due else {
            return;
        };
        if !self.history.is_dirty() {
            self.recovery.due = None;
            return;
        }
        let wait = RECOVERY_DELAY.saturating_sub(due.elapsed());
        if !wait.is_zero() {
            ctx.request_repaint_after(wait);
            return;
        }
        self.recovery.due = None;
        let position = self.history.position();
        if self.recovery.written == Some(position) {
            return;
        }
        self.recovery.written = Some(position);
        let dataset = self.document.dataset.clone();
        self.jobs.spawn(ctx, "", move || {
            let text = crate::io::write_native_string(&dataset);
            let result = std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))
                .and_then(|()| crate::io::save_atomically(&path, text.as_bytes()))
                .map_err(|error| error.to_string());
            JobResult::RecoveryWritten(result)
        });
    }

    fn remove_recovery(&mut self) {
        self.recovery = Recovery::default();
        if let Some(path) = &self.config.recovery_path {
            let _ = std::fs::remove_file(path);
        }
    }

    pub(super) fn show_message(&mut self, title: &str, text: &str) {
        self.flow = Flow::Dialog(Modal::message(title, text), Pending::Message);
    }
}

/// The text with its first letter in upper case.
pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
