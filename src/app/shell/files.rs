//! The document side of the app: files (new, open, save, import, export), edits with undo,
//! the unsaved-changes guard and the recovery copy. Slow work goes to [`Jobs`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use egui::Pos2;
use petgraph::stable_graph::NodeIndex;

use super::{FIT_FRAMES, Intent, LayoutJob, MinilateralApp, Pending, RECOVERY_DELAY, add_nodes};
use crate::app::dialogs::{self, DialogRequest};
use crate::app::jobs::{JobResult, OpenFailure, OpenMode, Opened, Purpose, open_file};
use crate::edit::{Edit, History};
use crate::io::Format;
use crate::model::{Dataset, Meta};
use crate::scene::NodeRef;
use crate::state::{Document, DocumentCommand, Selection};
use crate::ui::network::NetworkGraph;
use crate::ui::{Editor, Modal, ModalAnswer};

impl MinilateralApp {
    /// Performs the queued document commands.
    pub(super) fn run_document_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.document_commands) {
            self.run_document_command(ctx, command);
        }
    }

    fn run_document_command(&mut self, ctx: &egui::Context, command: DocumentCommand) {
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
            DocumentCommand::Undo => {
                if let Some(result) = self.history.undo(&mut self.document.dataset) {
                    self.edited(result.map(|label| format!("Undid {label}")));
                }
            }
            DocumentCommand::Redo => {
                if let Some(result) = self.history.redo(&mut self.document.dataset) {
                    self.edited(result.map(|label| format!("Redid {label}")));
                }
            }
            DocumentCommand::Apply(edit) => self.apply_edit(edit),
            DocumentCommand::OpenEditor(target) => {
                self.editor = Some(Editor::open(target, &self.document.dataset));
            }
            DocumentCommand::OpenExportImage => {
                self.export_form = Some(crate::ui::ExportForm::new(
                    &self.document,
                    &self.state,
                    self.prefs.theme,
                ));
            }
            DocumentCommand::ExportImage(format, request) => {
                self.request_image(ctx, format, request);
            }
            DocumentCommand::CopyImage(request) => self.copy_image(ctx, &request),
            DocumentCommand::ExportSequence(request) => self.request_sequence(ctx, request),
            DocumentCommand::SaveScreenshot => self.take_screenshot(ctx),
        }
    }

    fn apply_edit(&mut self, edit: Edit) {
        let label = edit.label.clone();
        let result = self
            .history
            .apply(&mut self.document.dataset, edit)
            .map(|()| capitalised(&label));
        self.edited(result);
    }

    /// After the dataset changed: reindex, keep the picture steady, note the change.
    fn edited(&mut self, result: Result<String, crate::edit::change::Mismatch>) {
        match result {
            Ok(message) => {
                self.reindex();
                if let Some(editor) = &mut self.editor
                    && !editor.refresh(&self.document.dataset)
                {
                    self.editor = None;
                }
                self.recovery_due = Some(Instant::now());
                self.set_status(message);
            }
            Err(error) => self.show_message("Could not change the dataset", &error.to_string()),
        }
    }

    /// Rebuilds everything derived from the dataset, keeping node positions and the
    /// selection by id, and the date inside the new timeline.
    fn reindex(&mut self) {
        let old = &self.document;
        let mut shown: HashMap<String, Pos2> = HashMap::new();
        let mut force: HashMap<String, [f32; 2]> = HashMap::new();
        for number in 0..old.graph.node_count() {
            let Some(id) = old.graph.node_ref(number).and_then(|n| old.node_id(n)) else {
                continue;
            };
            if let Some(node) = self.graph.node(NodeIndex::new(number)) {
                shown.insert(id.to_owned(), node.location());
            }
            if let Some(position) = self.force_positions.get(number) {
                force.insert(id.to_owned(), *position);
            }
        }
        let selected = self.state.selection.and_then(|selection| {
            let node = match selection {
                Selection::Body(body) => NodeRef::Body(body),
                Selection::Actor(actor) => NodeRef::Actor(actor),
            };
            old.node_id(node).map(str::to_owned)
        });

        self.document.reindex();
        let document = &self.document;
        let count = document.graph.node_count();
        let known: Vec<Option<[f32; 2]>> = (0..count)
            .map(|number| {
                let id = document
                    .graph
                    .node_ref(number)
                    .and_then(|n| document.node_id(n));
                id.and_then(|id| force.get(id)).copied()
            })
            .collect();
        self.force_positions = place_new_nodes(&known, &document.graph.edges);
        let arranged = crate::scene::layout::arrange(
            self.state.layout,
            &document.graph,
            &document.dataset,
            &self.force_positions,
        );
        let mut graph = NetworkGraph::new();
        add_nodes(&mut graph, document, &arranged);
        for number in 0..count {
            let id = document
                .graph
                .node_ref(number)
                .and_then(|n| document.node_id(n));
            if let (Some(location), Some(node)) = (
                id.and_then(|id| shown.get(id)),
                graph.node_mut(NodeIndex::new(number)),
            ) {
                node.set_location(*location);
            }
        }
        self.graph = graph;
        self.applied_layout = self.state.layout;
        self.layout = LayoutJob::Done;
        self.frame_key = None;
        self.graph_version += 1;

        let selection = selected
            .and_then(|id| document.node_of_id(&id))
            .map(|node| match node {
                NodeRef::Body(body) => Selection::Body(body),
                NodeRef::Actor(actor) => Selection::Actor(actor),
            });
        let fresh = document.initial_state();
        self.state.range = fresh.range;
        self.state.selection = selection;
        // The date stays where it was, inside the (possibly changed) timeline; no step is
        // highlighted.
        self.state.date = self.state.date.clamp(fresh.range.0, fresh.range.1);
        self.state.previous_date = self.state.date;
    }

    /// Replaces the document with one just opened or created.
    fn install(&mut self, document: Document, positions: &[[f32; 2]], history: History) {
        let mut graph = NetworkGraph::new();
        add_nodes(&mut graph, &document, positions);
        self.state = document.initial_state();
        self.document = document;
        self.graph = graph;
        self.force_positions = positions.to_vec();
        self.applied_layout = crate::state::LayoutKind::Force;
        self.layout = LayoutJob::Done;
        self.frame_key = None;
        self.graph_version += 1;
        self.fit_frames = FIT_FRAMES;
        self.history = history;
        self.editor = None;
        self.recovery_written = None;
        self.recovery_due = None;
    }

    /// Does `intent` now, or first asks what to do with unsaved changes.
    fn guard(&mut self, ctx: &egui::Context, intent: Intent) {
        if self.history.is_dirty() {
            let name = self.document.file_label.clone();
            self.modal = Some((Modal::unsaved(&name), Pending::Unsaved(intent)));
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
                self.allow_close = true;
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
            Purpose::Image(crate::state::ImageFormat::Png) => (
                "Export the picture as",
                std::slice::from_ref(&dialogs::PNG),
                true,
                name,
            ),
            Purpose::Image(crate::state::ImageFormat::Svg) => (
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
        let label = format!("Opening {}", crate::state::file_name(&path));
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
        let label = format!("Saving {}", crate::state::file_name(&path));
        self.jobs.spawn(ctx, label, move || JobResult::Saved {
            result: crate::io::save(&dataset, &path).map_err(|error| error.to_string()),
            path,
            position,
        });
    }

    fn export_to(&mut self, ctx: &egui::Context, path: PathBuf) {
        let dataset = self.document.dataset.clone();
        let looks = self.node_looks();
        let label = format!("Exporting {}", crate::state::file_name(&path));
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

    /// Node positions and colours as drawn now, for GEXF's `viz:` elements.
    fn node_looks(&self) -> crate::io::NodeLooks {
        let mut looks = crate::io::NodeLooks::default();
        let document = &self.document;
        for number in 0..document.graph.node_count() {
            let Some(id) = document
                .graph
                .node_ref(number)
                .and_then(|n| document.node_id(n))
            else {
                continue;
            };
            if let Some(node) = self.graph.node(NodeIndex::new(number)) {
                let location = node.location();
                looks
                    .positions
                    .insert(id.to_owned(), (location.x, location.y));
            }
            if let Some(look) = self.frame.nodes.get(number) {
                looks
                    .colours
                    .insert(id.to_owned(), [look.fill.r, look.fill.g, look.fill.b]);
            }
        }
        looks
    }

    /// Handles what the workers finished.
    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context) {
        for result in self.jobs.poll() {
            match result {
                JobResult::Picked {
                    purpose,
                    path,
                    unanswered,
                } => match path {
                    Some(path) => self.picked(ctx, purpose, path),
                    None if unanswered => {
                        self.modal = Some((Modal::typed_path(), Pending::TypedPath(purpose)));
                    }
                    None => {
                        self.after_save = None;
                        self.pending_image = None;
                        self.pending_sequence = None;
                        self.pending_screenshot = None;
                    }
                },
                JobResult::Opened { path, mode, result } => self.opened(path, mode, result),
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
                JobResult::RecoveryWritten(result) => {
                    if result.is_ok() && !self.history.is_dirty() {
                        // Saved while the copy was being written: it is not needed.
                        self.remove_recovery();
                    }
                }
            }
        }
        if self.jobs.is_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn picked(&mut self, ctx: &egui::Context, purpose: Purpose, path: PathBuf) {
        match purpose {
            Purpose::Image(_) | Purpose::Sequence | Purpose::Screenshot => {
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

    fn opened(&mut self, path: PathBuf, mode: OpenMode, result: Result<Box<Opened>, OpenFailure>) {
        match result {
            Ok(opened) if opened.report.issues.is_empty() => self.open_now(opened, path, mode),
            Ok(opened) => {
                let proceed = match mode {
                    OpenMode::AddToCurrent => "Add anyway",
                    OpenMode::AsFile | OpenMode::AsNew => "Open anyway",
                };
                let modal = Modal::report(&opened.report, Some(proceed));
                self.modal = Some((modal, Pending::Report(Some((opened, path, mode)))));
            }
            Err(OpenFailure::Report(report)) => {
                self.modal = Some((Modal::report(&report, None), Pending::Report(None)));
            }
            Err(OpenFailure::Message(message)) => {
                self.show_message("Could not open the file", &message);
            }
        }
    }

    /// Shows an opened dataset. Files in the native format are saved back to themselves;
    /// other formats become a new, unsaved dataset (Save asks where to write it).
    fn open_now(&mut self, opened: Box<Opened>, path: PathBuf, mode: OpenMode) {
        if mode == OpenMode::AddToCurrent {
            self.add_now(&opened.document.dataset, &path);
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
            document.file_label = format!("Imported from {}", crate::state::file_name(&path));
            document
        };
        self.install(document, &positions, history);
        self.set_status(format!("Opened {}", path.display()));
    }

    /// Adds the records of a file to the open dataset as one edit (undo takes them away).
    fn add_now(&mut self, incoming: &Dataset, path: &Path) {
        let name = crate::state::file_name(path);
        let merge = crate::edit::merge(
            &self.document.dataset,
            incoming,
            &format!("add data from {name}"),
        );
        if merge.summary.is_empty() {
            self.show_message(
                "Nothing to add",
                &format!(
                    "Every record of {name} is already in the dataset ({}).",
                    merge.summary
                ),
            );
            return;
        }
        let summary = merge.summary.to_string();
        let result = self
            .history
            .apply(&mut self.document.dataset, merge.edit)
            .map(|()| format!("{name}: {summary}"));
        self.edited(result);
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
                self.document.file_label = crate::state::file_name(&path);
                self.document.path = Some(path.clone());
                self.prefs.remember_file(path.clone());
                if !self.history.is_dirty() {
                    self.remove_recovery();
                }
                self.set_status(format!("Saved {}", path.display()));
                if let Some(intent) = self.after_save.take() {
                    self.proceed(ctx, intent);
                }
            }
            Err(error) => {
                self.after_save = None;
                self.show_message("Could not save", &error);
            }
        }
    }

    /// Acts on the answer to the open dialog box.
    pub(super) fn answer_modal(&mut self, ctx: &egui::Context, answer: ModalAnswer) {
        let Some((_, pending)) = self.modal.take() else {
            return;
        };
        match (pending, answer) {
            (Pending::Unsaved(intent), ModalAnswer::Save) => {
                self.after_save = Some(intent);
                self.save(ctx);
            }
            (Pending::Unsaved(intent), ModalAnswer::Discard) => {
                self.remove_recovery();
                self.history.mark_saved();
                self.proceed(ctx, intent);
            }
            (Pending::Report(Some((opened, path, mode))), ModalAnswer::OpenAnyway) => {
                self.open_now(opened, path, mode);
            }
            (Pending::Recover(path), ModalAnswer::Recover) => {
                self.open(ctx, path, OpenMode::AsNew);
            }
            (Pending::Recover(path), ModalAnswer::Discard) => {
                let _ = std::fs::remove_file(path);
            }
            (Pending::TypedPath(purpose), ModalAnswer::Path(path)) => {
                self.picked(ctx, purpose, path);
            }
            (Pending::TypedPath(_), _) => self.after_save = None,
            _ => {}
        }
    }

    /// Asks before the window closes with unsaved changes.
    pub(super) fn close_guard(&mut self, ctx: &egui::Context) {
        if ctx.input(|input| input.viewport().close_requested())
            && !self.allow_close
            && self.history.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if self.modal.is_none() {
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
            self.document_commands.push(DocumentCommand::OpenPath(path));
        }
    }

    /// Keeps the window title on the file name and the unsaved mark.
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let mark = if self.history.is_dirty() { "• " } else { "" };
        let title = format!("{mark}{} — Minilateral", self.document.file_label);
        if title != self.title_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_sent = title;
        }
    }

    /// The window title as last set.
    pub fn window_title(&self) -> &str {
        &self.title_sent
    }

    /// Writes a copy of unsaved work a little while after the last edit.
    pub(super) fn write_recovery(&mut self, ctx: &egui::Context) {
        let Some(path) = self.config.recovery_path.clone() else {
            return;
        };
        let Some(due) = self.recovery_due else {
            return;
        };
        if !self.history.is_dirty() {
            self.recovery_due = None;
            return;
        }
        let wait = RECOVERY_DELAY.saturating_sub(due.elapsed());
        if !wait.is_zero() {
            ctx.request_repaint_after(wait);
            return;
        }
        self.recovery_due = None;
        let position = self.history.position();
        if self.recovery_written == Some(position) {
            return;
        }
        self.recovery_written = Some(position);
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
        self.recovery_written = None;
        self.recovery_due = None;
        if let Some(path) = &self.config.recovery_path {
            let _ = std::fs::remove_file(path);
        }
    }

    pub(super) fn set_status(&mut self, text: String) {
        self.status = Some((text, Instant::now()));
    }

    pub(super) fn show_message(&mut self, title: &str, text: &str) {
        self.modal = Some((Modal::message(title, text), Pending::Message));
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Positions for every node: known ones stay; a new node goes beside the nodes it is tied
/// to (their centre, nudged out on a spiral so that new nodes do not stack), or near the
/// middle when it has no placed neighbour.
fn place_new_nodes<E>(known: &[Option<[f32; 2]>], edges: &[(E, usize, usize)]) -> Vec<[f32; 2]> {
    let mut sums: Vec<([f32; 2], u32)> = vec![([0.0, 0.0], 0); known.len()];
    for (_, a, b) in edges {
        for (from, to) in [(*a, *b), (*b, *a)] {
            if let (Some(None), Some(Some(position))) = (known.get(to), known.get(from))
                && let Some((sum, n)) = sums.get_mut(to)
            {
                sum[0] += position[0];
                sum[1] += position[1];
                *n += 1;
            }
        }
    }
    let mut fresh = 0_u32;
    known
        .iter()
        .zip(&sums)
        .map(|(position, &(sum, n))| {
            if let Some(position) = position {
                return *position;
            }
            let centre = if n > 0 {
                [sum[0] / n as f32, sum[1] / n as f32]
            } else {
                [0.0, 0.0]
            };
            // Golden-angle spiral: each new node a little farther out, in a new direction.
            fresh += 1;
            let angle = fresh as f32 * 2.399_963;
            let reach = crate::scene::layout::IDEAL_DISTANCE * (0.6 + 0.15 * (fresh as f32).sqrt());
            [
                centre[0] + reach * angle.cos(),
                centre[1] + reach * angle.sin(),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::place_new_nodes;

    #[test]
    fn new_nodes_go_beside_their_neighbours_and_known_ones_stay() {
        let known = [Some([100.0, 100.0]), Some([300.0, 100.0]), None, None, None];
        let edges = [((), 2, 0), ((), 1, 2), ((), 3, 1), ((), 4, 3)];
        let placed = place_new_nodes(&known, &edges);
        assert_eq!(placed[0], [100.0, 100.0]);
        assert_eq!(placed[1], [300.0, 100.0]);
        let distance = |a: [f32; 2], b: [f32; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
        // Node 2 is tied to both: near their middle, not on top of it.
        let middle = [200.0, 100.0];
        assert!(distance(placed[2], middle) < 100.0, "{:?}", placed[2]);
        assert!(distance(placed[2], middle) > 1.0);
        // Node 3 is tied to node 1 (and to the new node 4): beside node 1.
        assert!(distance(placed[3], placed[1]) < 100.0, "{:?}", placed[3]);
        // No two new nodes share a spot.
        assert!(distance(placed[3], placed[4]) > 1.0);
        assert!(distance(placed[2], placed[4]) > 1.0);
    }
}
