//! The open dataset with everything derived from it once: the timeline index, the scene
//! structure and the seeded layout. Below `state`: the scene's and the pictures' input.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use crate::model::{Dataset, Month, Word};
use crate::scene::layout::{ForceLayout, LayoutRequest};
use crate::scene::{LAYOUT_SEED, NodeRef, SceneGraph, View};
use crate::timeline::Timeline;

/// An open dataset.
#[derive(Clone, Debug)]
pub struct Document {
    /// The data, shared: a save, an export or an edit on a worker reads it while the window
    /// shows it (change it through [`Arc::make_mut`], which copies it only while it is
    /// shared).
    pub dataset: Arc<Dataset>,
    /// The "as of a date" index.
    pub timeline: Timeline,
    /// The nodes and edges.
    pub graph: SceneGraph,
    /// Where the data came from, for the status line.
    pub file_label: String,
    /// The import report's one-line summary.
    pub report_summary: String,
    /// The native file Save writes to; `None` for the built-in sample, a new dataset or one
    /// imported from another format (Save then asks where).
    pub path: Option<PathBuf>,
    /// The coalition network's layout, computed the first time it is asked for.
    coalition_positions: OnceLock<Vec<[f32; 2]>>,
    /// Changes whenever the records change (a new document, an edit's reindex): what views
    /// built from the records alone (the side list) are keyed on.
    revision: u64,
}

/// The next [`Document::revision`], unique in the process.
fn next_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    /// Indexes a dataset.
    pub fn new(dataset: Dataset, file_label: String, report_summary: String) -> Self {
        Self::new_shared(Arc::new(dataset), file_label, report_summary)
    }

    /// Indexes a shared dataset (an edited copy, on a worker: see
    /// [`Document::take_records`]).
    pub fn new_shared(dataset: Arc<Dataset>, file_label: String, report_summary: String) -> Self {
        let timeline = Timeline::build(&dataset);
        let graph = SceneGraph::build(&dataset, &timeline);
        Self {
            dataset,
            timeline,
            graph,
            file_label,
            report_summary,
            path: None,
            coalition_positions: OnceLock::new(),
            revision: next_revision(),
        }
    }

    /// Changes whenever the records change; the same number means the same records.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The same document, saved to `path` from now on.
    pub fn with_path(mut self, path: PathBuf) -> Self {
        self.file_label = file_name(&path);
        self.path = Some(path);
        self
    }

    /// Rebuilds the timeline index and the scene structure after the dataset changed.
    pub fn reindex(&mut self) {
        self.timeline = Timeline::build(&self.dataset);
        self.graph = SceneGraph::build(&self.dataset, &self.timeline);
        self.coalition_positions = OnceLock::new();
        self.revision = next_revision();
    }

    /// Takes the records of `other` and everything derived from them (an edited copy of
    /// this document's dataset, indexed on a worker), keeping this document's file, label
    /// and report. Returns what it replaced, to be dropped where it costs no frame.
    pub fn take_records(&mut self, other: Self) -> Self {
        let mut other = other;
        other.file_label = self.file_label.clone();
        other.report_summary = self.report_summary.clone();
        other.path = self.path.clone();
        std::mem::replace(self, other)
    }

    /// Where each body sits in the coalition network (indexed like the dataset's bodies):
    /// one seeded layout per dataset, computed on first use, the same at every date.
    pub fn coalition_positions(&self) -> &[[f32; 2]] {
        self.coalition_positions
            .get_or_init(|| crate::scene::coalitions::coalition_layout(&self.timeline))
    }

    /// The id of a node's record.
    pub fn node_id(&self, node: NodeRef) -> Option<&str> {
        record_id(&self.dataset, node)
    }

    /// The node of the record with this id.
    pub fn node_of_id(&self, id: &str) -> Option<NodeRef> {
        if let Some(index) = self.dataset.bodies.iter().position(|b| b.id == id) {
            return u32::try_from(index)
                .ok()
                .map(|i| NodeRef::Body(crate::timeline::BodyIx(i)));
        }
        let index = self.dataset.actors.iter().position(|a| a.id == id)?;
        u32::try_from(index)
            .ok()
            .map(|i| NodeRef::Actor(crate::timeline::ActorIx(i)))
    }

    /// The window and canvas title: the dataset's title, or the file's name.
    pub fn title(&self) -> &str {
        let title = self.dataset.meta.title.trim();
        if title.is_empty() {
            &self.file_label
        } else {
            title
        }
    }

    /// The months of the first and the last event (this month twice when there are none):
    /// the timeline's range.
    pub fn months(&self) -> (Month, Month) {
        self.timeline.span().map_or_else(
            || {
                let now = Month::of_date(crate::model::today());
                (now, now)
            },
            |(first, last)| (Month::of_date(first), Month::of_date(last)),
        )
    }

    /// The view a document opens on: its last month, everything else at the defaults.
    pub fn initial_view(&self) -> View {
        View::at(self.months().1)
    }

    /// The layout request of the default seeded layout.
    pub fn layout_request(&self) -> LayoutRequest {
        self.graph.layout_request(LAYOUT_SEED)
    }

    /// Runs the default layout to the end (use a worker thread for large datasets).
    pub fn compute_layout(request: LayoutRequest) -> Vec<[f32; 2]> {
        ForceLayout::run(request)
    }

    /// The label of a node: a body's short name, an actor's name.
    pub fn node_label(&self, node: NodeRef) -> &str {
        match node {
            NodeRef::Body(body) => self
                .dataset
                .bodies
                .get(body.index())
                .map_or("", |b| b.label()),
            NodeRef::Actor(actor) => self
                .dataset
                .actors
                .get(actor.index())
                .map_or("", |a| a.name.as_str()),
        }
    }

    /// A short label for a node at middle zoom: a state's ISO code.
    pub fn node_short_label(&self, node: NodeRef) -> Option<&str> {
        match node {
            NodeRef::Body(_) => None,
            NodeRef::Actor(actor) => self
                .dataset
                .actors
                .get(actor.index())
                .and_then(|a| a.iso3.as_deref()),
        }
    }

    /// A one-line description of a node's kind, for lists and tooltips.
    pub fn node_kind_label(&self, node: NodeRef) -> &'static str {
        match node {
            NodeRef::Body(body) => self
                .dataset
                .bodies
                .get(body.index())
                .map_or("", |b| b.kind.label()),
            NodeRef::Actor(actor) => self
                .dataset
                .actors
                .get(actor.index())
                .map_or("", |a| a.kind.label()),
        }
    }
}

/// The id of a node's record in `dataset` (the dataset its scene graph was built from).
pub fn record_id(dataset: &Dataset, node: NodeRef) -> Option<&str> {
    match node {
        NodeRef::Body(body) => dataset.bodies.get(body.index()).map(|b| b.id.as_str()),
        NodeRef::Actor(actor) => dataset.actors.get(actor.index()).map(|a| a.id.as_str()),
    }
}

/// A path's file name, for titles and menus.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
