//! Work off the UI thread: file dialogs, opening, saving, exporting, the layout and the
//! edits of large datasets and the recovery copy run on named threads and report back
//! through a channel; the UI shows what is running.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

use crate::document::Document;
use crate::io::ImportReport;
use crate::scene::layout::LayoutRequest;

/// Why a file dialog was shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Choose where to write a picture.
    Image(crate::render::ImageFormat),
    /// Choose where to write an animated GIF (and its frames).
    Sequence,
    /// Choose where to write an MP4 video.
    Video,
    /// Choose where to write a window screenshot.
    Screenshot,
    /// Choose where to write a lesson's PDF handout.
    Handout,
    /// Open a dataset.
    Open,
    /// Open a dataset in another format as a new, unsaved one.
    Import,
    /// Add a file's records to the open dataset.
    AddData,
    /// Choose where to save.
    SaveAs,
    /// Choose where to write a copy in another format.
    ExportData,
}

/// What an opened file becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    /// The document, saved back to its file when it is in the native format.
    AsFile,
    /// A new, unsaved document (imports, recovered work).
    AsNew,
    /// Records added to the open document, as one undoable edit.
    AddToCurrent,
}

/// A dataset read and indexed on a worker, ready to show.
pub struct Opened {
    /// The indexed dataset.
    pub document: Document,
    /// What the reader found.
    pub report: ImportReport,
    /// The seeded force layout of its nodes.
    pub positions: Vec<[f32; 2]>,
}

/// Why a file could not be opened.
pub enum OpenFailure {
    /// The file was read and has errors: show the report.
    Report(ImportReport),
    /// The file could not be read at all.
    Message(String),
    /// A table of another shape: its columns' roles are shown to the user first.
    NeedsMapping(Box<crate::io::shaped::MappingStep>),
}

/// What a job reports when it is done.
pub enum JobResult {
    /// A dialog was answered.
    Picked {
        /// Why it was shown.
        purpose: Purpose,
        /// The answer (`None`: cancelled or no dialog available).
        path: Option<PathBuf>,
        /// Whether the answer came too fast for a person: no dialog could be shown.
        unanswered: bool,
    },
    /// A file was opened (or not).
    Opened {
        /// The file.
        path: PathBuf,
        /// What to do with it.
        mode: OpenMode,
        /// The dataset, or why not.
        result: Result<Box<Opened>, OpenFailure>,
    },
    /// The document was saved (or not).
    Saved {
        /// The file.
        path: PathBuf,
        /// The history position that was saved.
        position: u64,
        /// Success, or the error message.
        result: Result<(), String>,
    },
    /// A copy was written in another format (or not).
    Exported {
        /// The file.
        path: PathBuf,
        /// Success (with what the format could not hold), or the error message.
        result: Result<Vec<String>, String>,
    },
    /// The recovery copy was written (or not).
    RecoveryWritten(Result<(), String>),
    /// A job could not run at all.
    Failed(String),
    /// A job was stopped before it was done (it says what it was doing).
    Cancelled(String),
    /// A picture for the clipboard was drawn (or not).
    Copied(Result<crate::render::Raster, String>),
    /// An edit, undo or redo of a large dataset was applied to a copy and indexed.
    Edited {
        /// Which document it is for (see `shell::edits`).
        generation: u64,
        /// What was applied (a new edit comes back for the history).
        step: super::reindex::Step,
        /// The edited copy with what the window shows of it, or why the edit did not fit.
        result: Result<Box<super::reindex::Reindexed>, crate::edit::change::Mismatch>,
    },
    /// The force layout of a large dataset was computed.
    LaidOut {
        /// Which graph it is for (see the network part).
        generation: u64,
        /// Positions by node number.
        positions: Vec<[f32; 2]>,
    },
}

/// A job in flight, for the status line.
#[derive(Clone, Debug)]
pub struct Busy {
    id: u64,
    /// What it does, e.g. "Opening treaties.csv".
    pub label: String,
    /// When it started.
    pub started: Instant,
    /// Steps done and the total, for jobs that count (frames of a sequence).
    pub progress: Option<(Arc<AtomicUsize>, usize)>,
    /// Set to ask the job to stop, for jobs that can (a video).
    cancel: Option<Arc<AtomicBool>>,
}

impl Busy {
    /// What the status line says: the label, the steps done, the seconds so far.
    pub fn describe(&self) -> String {
        let mut text = self.label.clone();
        if let Some((done, total)) = &self.progress {
            text.push_str(&format!(" ({} of {total})", done.load(Ordering::Relaxed)));
        }
        match self.started.elapsed().as_secs() {
            0 => text,
            seconds => format!("{text}, {seconds} s"),
        }
    }
}

/// The running jobs and their mailbox.
pub struct Jobs {
    sender: Sender<(u64, JobResult)>,
    receiver: Receiver<(u64, JobResult)>,
    busy: Vec<Busy>,
    next_id: u64,
}

impl Default for Jobs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            busy: Vec::new(),
            next_id: 0,
        }
    }
}

impl Jobs {
    /// Runs `work` on a named thread; its result arrives through [`Jobs::poll`] and wakes
    /// the UI. `label` is shown while it runs (empty: a silent job).
    pub fn spawn(
        &mut self,
        ctx: &egui::Context,
        label: impl Into<String>,
        work: impl FnOnce() -> JobResult + Send + 'static,
    ) {
        self.spawn_counting(ctx, label, None, move |_| work());
    }

    /// Like [`Jobs::spawn`], for work of `total` steps: `work` counts them in the counter
    /// it is given, and the status line shows the count.
    pub fn spawn_counting(
        &mut self,
        ctx: &egui::Context,
        label: impl Into<String>,
        total: Option<usize>,
        work: impl FnOnce(&AtomicUsize) -> JobResult + Send + 'static,
    ) {
        self.start(ctx, label.into(), total, None, move |counter, _| {
            work(counter)
        });
    }

    /// Like [`Jobs::spawn_counting`], for work the user may stop ([`Jobs::cancel`]): `work`
    /// reads the flag it is given between steps and returns early when it is set.
    pub fn spawn_cancellable(
        &mut self,
        ctx: &egui::Context,
        label: impl Into<String>,
        total: usize,
        work: impl FnOnce(&AtomicUsize, &AtomicBool) -> JobResult + Send + 'static,
    ) {
        let cancel = Arc::new(AtomicBool::new(false));
        self.start(ctx, label.into(), Some(total), Some(cancel), work);
    }

    /// Asks every job that can stop to stop.
    pub fn cancel(&self) {
        for busy in &self.busy {
            if let Some(cancel) = &busy.cancel {
                cancel.store(true, Ordering::Relaxed);
            }
        }
    }

    /// Whether a running job can be stopped.
    pub fn can_cancel(&self) -> bool {
        self.busy.iter().any(|busy| busy.cancel.is_some())
    }

    fn start(
        &mut self,
        ctx: &egui::Context,
        label: String,
        total: Option<usize>,
        cancel: Option<Arc<AtomicBool>>,
        work: impl FnOnce(&AtomicUsize, &AtomicBool) -> JobResult + Send + 'static,
    ) {
        let counter = Arc::new(AtomicUsize::new(0));
        let flag = cancel.clone().unwrap_or_default();
        let id = self.next_id;
        self.next_id += 1;
        if !label.is_empty() {
            self.busy.push(Busy {
                id,
                label: label.clone(),
                started: Instant::now(),
                progress: total.map(|total| (counter.clone(), total)),
                cancel,
            });
        }
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let name = if label.is_empty() {
            "job".to_owned()
        } else {
            label
        };
        let spawned = std::thread::Builder::new().name(name).spawn(move || {
            let _ = sender.send((id, work(&counter, &flag)));
            ctx.request_repaint();
        });
        if let Err(error) = spawned {
            let _ = self.sender.send((
                id,
                JobResult::Failed(format!(
                    "Minilateral could not start a worker thread: {error}"
                )),
            ));
        }
    }

    /// The results that arrived since the last poll.
    pub fn poll(&mut self) -> Vec<JobResult> {
        let mut results = Vec::new();
        while let Ok((id, result)) = self.receiver.try_recv() {
            self.busy.retain(|busy| busy.id != id);
            results.push(result);
        }
        results
    }

    /// What is running.
    pub fn busy(&self) -> &[Busy] {
        &self.busy
    }

    /// Whether anything visible is running.
    pub fn is_busy(&self) -> bool {
        !self.busy.is_empty()
    }
}

/// Reads, checks and indexes a file, and lays it out: everything opening needs, on the
/// worker.
pub fn open_file(path: &std::path::Path) -> Result<Box<Opened>, OpenFailure> {
    let failure = |error| match error {
        crate::io::DatasetError::Invalid(report) => OpenFailure::Report(report),
        other => OpenFailure::Message(other.to_string()),
    };
    if let Some(grid) = crate::io::table_to_map(path).map_err(failure)? {
        let mapping = crate::io::shaped::guess(&grid);
        return Err(OpenFailure::NeedsMapping(Box::new(
            crate::io::shaped::MappingStep::new(grid, mapping),
        )));
    }
    let (dataset, report) = crate::io::load(path).map_err(failure)?;
    opened(dataset, report, path)
}

/// Imports a table with the mapping the user confirmed, remembering it beside the file
/// (when there is one), and lays it out.
pub fn open_mapped(
    grid: &crate::io::shaped::Grid,
    mapping: &crate::io::shaped::TableMapping,
    path: Option<&std::path::Path>,
) -> Result<Box<Opened>, OpenFailure> {
    let (dataset, mut report) =
        crate::io::shaped::import(grid, mapping).map_err(OpenFailure::Report)?;
    if let Some(path) = path
        && let Err(error) = crate::io::remember_mapping(path, mapping)
    {
        report.push(
            crate::io::Severity::Warning,
            crate::io::Location::default(),
            format!("the columns' roles could not be remembered: {error}"),
        );
    }
    let shown = path.map_or_else(
        || std::path::PathBuf::from(&grid.file),
        std::path::Path::to_path_buf,
    );
    opened(dataset, report, &shown)
}

fn opened(
    dataset: crate::model::Dataset,
    report: ImportReport,
    path: &std::path::Path,
) -> Result<Box<Opened>, OpenFailure> {
    let document = Document::new(dataset, crate::document::file_name(path), report.summary());
    let positions = kept_layout_or_compute(document.layout_request());
    Ok(Box::new(Opened {
        document,
        report,
        positions,
    }))
}

/// Layouts of more nodes than this are kept on disk (smaller ones take well under a tenth of
/// a second to compute).
const KEPT_LAYOUT_MIN_NODES: usize = crate::scene::layout::MULTILEVEL_MIN_NODES;

/// The start of a kept layout's file.
const KEPT_LAYOUT_MAGIC: &[u8; 8] = b"MLLAYOUT";

/// Where the layout of a request is kept: one small file per dataset content, named by the
/// request's fingerprint, in the app's storage folder.
fn kept_layout_path(request: &LayoutRequest) -> Option<PathBuf> {
    if request.node_count <= KEPT_LAYOUT_MIN_NODES {
        return None;
    }
    eframe::storage_dir("minilateral").map(|dir| {
        dir.join("layouts")
            .join(format!("{:016x}.bin", request.fingerprint()))
    })
}

/// The layout computed earlier for the same request, if it was kept: reopening a large
/// dataset does not lay it out again.
pub fn kept_layout(request: &LayoutRequest) -> Option<Vec<[f32; 2]>> {
    let bytes = std::fs::read(kept_layout_path(request)?).ok()?;
    positions_from_bytes(&bytes, request.node_count)
}

/// Keeps a computed layout for next time (silently not when the folder cannot be written:
/// it is only a cache).
pub fn keep_layout(request: &LayoutRequest, positions: &[[f32; 2]]) {
    let Some(path) = kept_layout_path(request) else {
        return;
    };
    if let Some(folder) = path.parent()
        && std::fs::create_dir_all(folder).is_ok()
    {
        let _ = crate::io::save_atomically(&path, &bytes_from_positions(positions));
        forget_old_layouts(folder, KEPT_LAYOUTS_MAX);
    }
}

/// The most layouts kept: a few megabytes at most, the datasets opened lately.
const KEPT_LAYOUTS_MAX: usize = 24;

/// Deletes the kept layouts beyond the `keep` most recently written (silently: it is only
/// a cache).
fn forget_old_layouts(folder: &std::path::Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut layouts: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "bin"))
        .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
        .collect();
    if layouts.len() <= keep {
        return;
    }
    // Newest first; the rest go.
    layouts.sort_by_key(|(when, _)| std::cmp::Reverse(*when));
    for (_, path) in layouts.into_iter().skip(keep) {
        let _ = std::fs::remove_file(path);
    }
}

/// The kept layout, or a new one (then kept).
pub fn kept_layout_or_compute(request: LayoutRequest) -> Vec<[f32; 2]> {
    if let Some(positions) = kept_layout(&request) {
        return positions;
    }
    let positions = Document::compute_layout(request.clone());
    keep_layout(&request, &positions);
    positions
}

/// The layout's file: the magic, the node count, then x and y of each node (little-endian).
fn bytes_from_positions(positions: &[[f32; 2]]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(16 + positions.len() * 8);
    bytes.extend_from_slice(KEPT_LAYOUT_MAGIC);
    bytes.extend_from_slice(&(positions.len() as u64).to_le_bytes());
    for p in positions {
        bytes.extend_from_slice(&p[0].to_le_bytes());
        bytes.extend_from_slice(&p[1].to_le_bytes());
    }
    bytes
}

/// Reads a layout's file; `None` unless it is whole and holds `count` finite positions.
fn positions_from_bytes(bytes: &[u8], count: usize) -> Option<Vec<[f32; 2]>> {
    let rest = bytes.strip_prefix(KEPT_LAYOUT_MAGIC)?;
    let (length, rest) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*length) != count as u64 || rest.len() != count * 8 {
        return None;
    }
    let positions: Vec<[f32; 2]> = rest
        .chunks_exact(8)
        .map(|chunk| {
            let number = |at: usize| {
                chunk
                    .get(at..at + 4)
                    .and_then(|b| <[u8; 4]>::try_from(b).ok())
                    .map_or(f32::NAN, f32::from_le_bytes)
            };
            [number(0), number(4)]
        })
        .collect();
    positions
        .iter()
        .all(|p| p[0].is_finite() && p[1].is_finite())
        .then_some(positions)
}

#[cfg(test)]
mod tests {
    use super::{bytes_from_positions, forget_old_layouts, positions_from_bytes};

    #[test]
    fn only_the_newest_kept_layouts_stay() {
        let folder = tempfile::tempdir().unwrap();
        let start = std::time::SystemTime::now();
        for i in 0..5_u64 {
            let path = folder.path().join(format!("{i:016x}.bin"));
            std::fs::write(&path, [0_u8]).unwrap();
            // Written one after the other: each a second newer than the last.
            let when = start + std::time::Duration::from_secs(i);
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(when).unwrap();
        }
        std::fs::write(folder.path().join("notes.txt"), "kept").unwrap();
        forget_old_layouts(folder.path(), 2);
        let mut left: Vec<String> = std::fs::read_dir(folder.path())
            .unwrap()
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            ["0000000000000003.bin", "0000000000000004.bin", "notes.txt"]
        );
    }

    #[test]
    fn kept_layouts_read_back_and_damaged_ones_are_refused() {
        let positions = vec![[1.5, -2.0], [300.25, 4.0e3], [0.0, 0.0]];
        let bytes = bytes_from_positions(&positions);
        assert_eq!(positions_from_bytes(&bytes, 3), Some(positions));
        assert_eq!(positions_from_bytes(&bytes, 4), None, "another dataset");
        assert_eq!(positions_from_bytes(&bytes[..bytes.len() - 1], 3), None);
        let mut wrong = bytes.clone();
        wrong[0] = b'X';
        assert_eq!(positions_from_bytes(&wrong, 3), None);
        let nan = bytes_from_positions(&[[f32::NAN, 0.0]]);
        assert_eq!(positions_from_bytes(&nan, 1), None);
    }
}
