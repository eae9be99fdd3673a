//! The network part of the app: the egui_graphs graph, the looks it shows (a
//! [`SceneFrame`] of the current [`View`]), the arrangement of its nodes and the canvas
//! cache. Its caches are keyed on the view: the frame is rebuilt exactly when the view it
//! was built for is not the view shown.

use std::collections::HashMap;

use egui::Pos2;
use petgraph::stable_graph::NodeIndex;

use super::jobs::{JobResult, Jobs};
use crate::document::{Document, record_id};
use crate::model::Dataset;
use crate::scene::NodeRef;
use std::ops::ControlFlow;
use std::sync::atomic::Ordering;

use crate::scene::layout::{
    ForceLayout, LayoutKind, LayoutRequest, arrange, carry_positions, place_new_nodes,
};
use crate::scene::{LabelRule, NodeLook, Ring, SceneFrame, View, Visibility};
use crate::style::{self, NodeKind};
use crate::ui::network::{NetworkGraph, NodePayload};

/// Datasets with more nodes than this are laid out on a worker thread.
const INLINE_LAYOUT_MAX_NODES: usize = 2_000;

/// For how many frames the view fits the network to the window after a fit request: the
/// view measures the network's bounds while drawing, so the first fitted frame uses the
/// previous frame's bounds.
const FIT_FRAMES: u8 = 3;

/// Node positions by record id, as drawn and in the force layout.
#[derive(Debug, Default)]
pub(super) struct PositionsById {
    shown: HashMap<String, [f32; 2]>,
    force: HashMap<String, [f32; 2]>,
}

/// The network before an edit, by node number: what each node was (in the dataset before
/// the edit) and where it was, as drawn and in the force layout.
pub(super) struct Before {
    nodes: Vec<Option<NodeRef>>,
    shown: Vec<Option<[f32; 2]>>,
    force: Vec<[f32; 2]>,
}

impl Before {
    /// Where every node was, by its record's id in `dataset`, the dataset before the edit.
    pub(super) fn by_id(&self, dataset: &Dataset) -> PositionsById {
        let mut before = PositionsById::default();
        for (number, node) in self.nodes.iter().enumerate() {
            let Some(id) = node.and_then(|node| record_id(dataset, node)) else {
                continue;
            };
            if let Some(Some(position)) = self.shown.get(number) {
                before.shown.insert(id.to_owned(), *position);
            }
            if let Some(position) = self.force.get(number) {
                before.force.insert(id.to_owned(), *position);
            }
        }
        before
    }
}

/// The network of a reindexed document: the graph and the force layout, every node that
/// was there before where it was (by id), new ones beside their ties. Built on the UI
/// thread for small datasets, on a worker for large ones.
pub(super) struct Rearranged {
    graph: NetworkGraph,
    force_positions: Vec<[f32; 2]>,
    layout: LayoutKind,
}

impl Rearranged {
    /// The network of `document` (reindexed) in `layout`, from the positions before the
    /// edit.
    pub(super) fn new(before: &PositionsById, document: &Document, layout: LayoutKind) -> Self {
        let (shown, force) = (&before.shown, &before.force);
        let ids: Vec<Option<&str>> = (0..document.graph.node_count())
            .map(|number| {
                document
                    .graph
                    .node_ref(number)
                    .and_then(|n| document.node_id(n))
            })
            .collect();
        let force_positions = place_new_nodes(&carry_positions(force, &ids), &document.graph.edges);
        let arranged = arrange(layout, &document.graph, &document.dataset, &force_positions);
        // Where the user dragged a node, it stays.
        let drawn: Vec<[f32; 2]> = carry_positions(shown, &ids)
            .into_iter()
            .zip(arranged)
            .map(|(shown, arranged)| shown.unwrap_or(arranged))
            .collect();
        Self {
            graph: graph_of(document, &drawn),
            force_positions,
            layout,
        }
    }

    /// The looks of `view` built now and copied into the graph (on the worker, so the frame
    /// that shows the edit does not build them).
    pub(super) fn looks(&mut self, document: &Document, view: &View) -> SceneFrame {
        let frame = SceneFrame::build(&document.dataset, &document.timeline, &document.graph, view);
        copy_looks(&mut self.graph, &frame);
        frame
    }
}

/// Where the force layout stands.
#[derive(Debug)]
enum LayoutState {
    /// Positions are in the graph.
    Ready,
    /// A worker should compute them (started on the next frame, which has a context).
    Wanted(LayoutRequest),
    /// A worker is computing them for this generation of the graph.
    Running(u64),
}

/// The network view's graph, looks and arrangement.
pub(super) struct NetworkPart {
    /// What egui_graphs draws: one node per scene node, one edge per scene edge.
    pub(super) graph: NetworkGraph,
    /// The looks at the view in `frame_key`.
    pub(super) frame: SceneFrame,
    /// The view `frame` was built for.
    frame_key: Option<View>,
    layout: LayoutState,
    /// Counts installed graphs, so that a layout finished for an older one is dropped.
    generation: u64,
    /// The computed force layout, kept to switch back to it.
    force_positions: Vec<[f32; 2]>,
    /// The arrangement the nodes are in now.
    applied_layout: LayoutKind,
    /// Fit the view to the graph for this many more frames.
    fit_frames: u8,
    /// The network's last picture, reused while nothing changes.
    pub(super) canvas: crate::ui::CanvasCache,
    /// Changes whenever positions or looks change (invalidates the canvas and previews).
    pub(super) version: u64,
}

impl NetworkPart {
    /// The network of a document, laid out now when it is small, else on a worker.
    pub(super) fn new(document: &Document) -> Self {
        let request = document.layout_request();
        let mut part = Self {
            graph: NetworkGraph::new(),
            frame: SceneFrame::default(),
            frame_key: None,
            layout: LayoutState::Ready,
            generation: 0,
            force_positions: Vec::new(),
            applied_layout: LayoutKind::Force,
            fit_frames: FIT_FRAMES,
            canvas: crate::ui::CanvasCache::default(),
            version: 0,
        };
        if let Some(positions) = super::jobs::kept_layout(&request) {
            part.install(document, &positions);
        } else if request.node_count <= INLINE_LAYOUT_MAX_NODES {
            let positions = super::jobs::kept_layout_or_compute(request);
            part.install(document, &positions);
        } else {
            let initial = ForceLayout::new(request.clone());
            part.install(document, initial.positions());
            part.layout = LayoutState::Wanted(request);
        }
        part
    }

    /// Shows a new document with its force layout.
    pub(super) fn install(&mut self, document: &Document, positions: &[[f32; 2]]) {
        self.graph = graph_of(document, positions);
        self.force_positions = positions.to_vec();
        self.applied_layout = LayoutKind::Force;
        self.layout = LayoutState::Ready;
        self.generation += 1;
        self.frame_key = None;
        self.version += 1;
        self.fit_frames = FIT_FRAMES;
    }

    /// Where every node is, by its record's id: as drawn and in the force layout. Taken
    /// before an edit, given back to [`NetworkPart::reindex`] after it.
    pub(super) fn positions_by_id(&self, document: &Document) -> PositionsById {
        self.before(document).by_id(&document.dataset)
    }

    /// What every node is and where it is, by node number: cheap to take on the UI thread
    /// before an edit, read by id ([`Before::by_id`]) wherever the edit is applied.
    pub(super) fn before(&self, document: &Document) -> Before {
        let count = document.graph.node_count();
        Before {
            nodes: (0..count)
                .map(|number| document.graph.node_ref(number))
                .collect(),
            shown: (0..count)
                .map(|number| {
                    self.graph
                        .node(NodeIndex::new(number))
                        .map(|node| [node.location().x, node.location().y])
                })
                .collect(),
            force: self.force_positions.clone(),
        }
    }

    /// After an edit: the graph of the reindexed `document`, every node that was there
    /// before where it was (by id), new ones beside their ties.
    pub(super) fn reindex(
        &mut self,
        before: &PositionsById,
        document: &Document,
        layout: LayoutKind,
    ) {
        self.install_rearranged(Rearranged::new(before, document, layout), None);
    }

    /// Shows the network of a reindexed document, built by [`Rearranged::new`] here or on a
    /// worker, with the looks of a view when they were built with it.
    pub(super) fn install_rearranged(
        &mut self,
        rearranged: Rearranged,
        looks: Option<(View, SceneFrame)>,
    ) {
        self.graph = rearranged.graph;
        self.force_positions = rearranged.force_positions;
        self.applied_layout = rearranged.layout;
        self.layout = LayoutState::Ready;
        self.generation += 1;
        self.frame_key = None;
        if let Some((view, frame)) = looks {
            self.frame = frame;
            self.frame_key = Some(view);
        }
        self.version += 1;
    }

    /// Starts a wanted layout on a worker.
    pub(super) fn start_layout(&mut self, ctx: &egui::Context, jobs: &mut Jobs) {
        if !matches!(self.layout, LayoutState::Wanted(_)) {
            return;
        }
        let LayoutState::Wanted(request) =
            std::mem::replace(&mut self.layout, LayoutState::Running(self.generation))
        else {
            return;
        };
        let generation = self.generation;
        jobs.spawn_cancellable(
            ctx,
            "Arranging the network (percent)",
            100,
            move |done, cancel| {
                let result = ForceLayout::run_with(request.clone(), |progress| {
                    done.store((progress * 100.0) as usize, Ordering::Relaxed);
                    if cancel.load(Ordering::Relaxed) {
                        ControlFlow::Break(())
                    } else {
                        ControlFlow::Continue(())
                    }
                });
                // Stopped early, the coarser picture is shown (and not kept).
                let positions = result.unwrap_or_else(|partial| partial);
                if !cancel.load(Ordering::Relaxed) {
                    super::jobs::keep_layout(&request, &positions);
                }
                JobResult::LaidOut {
                    generation,
                    positions,
                }
            },
        );
    }

    /// A worker finished a layout: use it when it is for the graph shown.
    pub(super) fn laid_out(
        &mut self,
        document: &Document,
        layout: LayoutKind,
        generation: u64,
        positions: Vec<[f32; 2]>,
    ) {
        if !matches!(self.layout, LayoutState::Running(running) if running == generation) {
            return;
        }
        self.force_positions = positions;
        self.layout = LayoutState::Ready;
        self.place_nodes(document, layout);
    }

    /// Whether the force layout is being computed.
    pub(super) fn laying_out(&self) -> bool {
        !matches!(self.layout, LayoutState::Ready)
    }

    /// Moves the nodes to `layout` when they are in another arrangement.
    pub(super) fn follow_layout(&mut self, document: &Document, layout: LayoutKind) {
        if layout != self.applied_layout && !self.laying_out() {
            self.place_nodes(document, layout);
        }
    }

    /// Moves every node to an arrangement, and fits the view to it.
    fn place_nodes(&mut self, document: &Document, layout: LayoutKind) {
        let positions = arrange(
            layout,
            &document.graph,
            &document.dataset,
            &self.force_positions,
        );
        for (i, position) in positions.iter().enumerate() {
            if let Some(node) = self.graph.node_mut(NodeIndex::new(i)) {
                node.set_location(Pos2::new(position[0], position[1]));
            }
        }
        self.applied_layout = layout;
        self.fit_frames = FIT_FRAMES;
        self.version += 1;
    }

    /// Recomputes the looks when the view changed, and copies them into the graph.
    pub(super) fn refresh(&mut self, document: &Document, view: &View) {
        if self.frame_key.as_ref() == Some(view) {
            return;
        }
        self.frame =
            SceneFrame::build(&document.dataset, &document.timeline, &document.graph, view);
        copy_looks(&mut self.graph, &self.frame);
        self.frame_key = Some(view.clone());
        self.version += 1;
    }

    /// The looks shown.
    pub(super) fn frame(&self) -> &SceneFrame {
        &self.frame
    }

    /// Asks for the view to be fitted to the network.
    pub(super) fn fit(&mut self) {
        self.fit_frames = FIT_FRAMES;
    }

    /// Whether this frame fits the view to the network (counts the fit frames down).
    pub(super) fn take_fit(&mut self) -> bool {
        let fit = self.fit_frames > 0;
        self.fit_frames = self.fit_frames.saturating_sub(1);
        fit
    }

    /// Node positions as drawn now (the layout, with the user's drags), by node number.
    pub(super) fn drawn_positions(&self, document: &Document) -> Vec<[f32; 2]> {
        (0..document.graph.node_count())
            .map(|number| {
                self.graph.node(NodeIndex::new(number)).map_or_else(
                    || {
                        self.force_positions
                            .get(number)
                            .copied()
                            .unwrap_or([0.0, 0.0])
                    },
                    |node| [node.location().x, node.location().y],
                )
            })
            .collect()
    }

    /// Node positions and colours as drawn now, for GEXF's `viz:` elements.
    pub(super) fn node_looks(&self, document: &Document) -> crate::io::NodeLooks {
        let mut looks = crate::io::NodeLooks::default();
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
}

/// Copies the looks of a frame into the graph's nodes.
fn copy_looks(graph: &mut NetworkGraph, frame: &SceneFrame) {
    for (i, look) in frame.nodes.iter().enumerate() {
        if let Some(node) = graph.node_mut(NodeIndex::new(i)) {
            node.payload_mut().look = *look;
            // egui_graphs draws selected nodes last, on top of their neighbours.
            node.set_selected(look.ring == Some(Ring::Selected));
        }
    }
}

/// Every node of the document at `positions`, hidden until the first frame's looks arrive.
/// The edges are not in it: the canvas draws them from the scene in one mesh.
fn graph_of(document: &Document, positions: &[[f32; 2]]) -> NetworkGraph {
    let mut graph = NetworkGraph::new();
    let scene = &document.graph;
    for number in 0..scene.node_count() {
        if scene.node_ref(number).is_none() {
            continue;
        }
        let position = positions.get(number).copied().unwrap_or([0.0, 0.0]);
        let payload = NodePayload {
            number,
            look: NodeLook {
                kind: NodeKind::State,
                fill: style::NO_REGION_COLOUR,
                radius: 5.0,
                visibility: Visibility::Hidden,
                ring: None,
                label: LabelRule::WhenZoomedIn,
            },
        };
        graph.add_node_with_location(payload, Pos2::new(position[0], position[1]));
    }
    graph
}
