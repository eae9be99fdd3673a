//! The static structure of the network: one node per body and per actor, one edge per
//! (actor, body) pair that ever had a status, one edge per relation. It does not change with
//! the date; only how it is drawn does (see [`super::frame`]).

use crate::model::Dataset;
use crate::timeline::{ActorIx, BodyIx, Timeline};

use super::layout::LayoutRequest;

/// A node of the network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeRef {
    /// A forum or instrument.
    Body(BodyIx),
    /// A state or stakeholder.
    Actor(ActorIx),
}

/// An edge of the network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeRef {
    /// The membership of an actor in a body (its status depends on the date).
    Membership(ActorIx, BodyIx),
    /// A relation between bodies, as an index into [`Dataset::relations`].
    Relation(usize),
}

/// The nodes and edges, with nodes numbered bodies first, then actors.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SceneGraph {
    /// How many bodies (they come first among nodes).
    pub body_count: usize,
    /// How many actors.
    pub actor_count: usize,
    /// Every edge with its two node numbers (`from`, `to`): actor → body for memberships.
    pub edges: Vec<(EdgeRef, usize, usize)>,
}

impl SceneGraph {
    /// Builds the structure; events and relations naming unknown ids are left out.
    pub fn build(dataset: &Dataset, timeline: &Timeline) -> Self {
        let body_count = dataset.bodies.len();
        let mut pairs: Vec<(ActorIx, BodyIx)> = dataset
            .events
            .iter()
            .filter_map(|event| {
                Some((
                    timeline.actor_ix(&event.actor_id)?,
                    timeline.body_ix(&event.body_id)?,
                ))
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut graph = Self {
            body_count,
            actor_count: dataset.actors.len(),
            edges: Vec::with_capacity(pairs.len() + dataset.relations.len()),
        };
        for (actor, body) in pairs {
            let from = graph.node_number(NodeRef::Actor(actor));
            let to = graph.node_number(NodeRef::Body(body));
            graph
                .edges
                .push((EdgeRef::Membership(actor, body), from, to));
        }
        for (i, relation) in dataset.relations.iter().enumerate() {
            let (Some(from), Some(to)) = (
                timeline.body_ix(&relation.from),
                timeline.body_ix(&relation.to),
            ) else {
                continue;
            };
            if from == to {
                continue;
            }
            graph.edges.push((
                EdgeRef::Relation(i),
                graph.node_number(NodeRef::Body(from)),
                graph.node_number(NodeRef::Body(to)),
            ));
        }
        graph
    }

    /// The number of nodes.
    pub fn node_count(&self) -> usize {
        self.body_count + self.actor_count
    }

    /// The number of a node.
    pub fn node_number(&self, node: NodeRef) -> usize {
        match node {
            NodeRef::Body(body) => body.index(),
            NodeRef::Actor(actor) => self.body_count + actor.index(),
        }
    }

    /// The node with a number.
    pub fn node_ref(&self, number: usize) -> Option<NodeRef> {
        if number < self.body_count {
            Some(NodeRef::Body(BodyIx(u32::try_from(number).ok()?)))
        } else if number < self.node_count() {
            Some(NodeRef::Actor(ActorIx(
                u32::try_from(number - self.body_count).ok()?,
            )))
        } else {
            None
        }
    }

    /// The layout request for this structure. Relations pull harder than memberships, so
    /// related bodies sit together; memberships of large bodies pull less, so that nearly
    /// universal bodies do not crush every state into one ball.
    pub fn layout_request(&self, seed: u64) -> LayoutRequest {
        let mut degree = vec![0_u32; self.node_count()];
        for &(_, from, to) in &self.edges {
            for end in [from, to] {
                if let Some(count) = degree.get_mut(end) {
                    *count += 1;
                }
            }
        }
        LayoutRequest {
            node_count: self.node_count(),
            links: self
                .edges
                .iter()
                .map(|&(edge, from, to)| {
                    let weight = match edge {
                        EdgeRef::Membership(..) => {
                            let members = degree.get(to).copied().unwrap_or(1).max(1) as f32;
                            (3.0 / members.sqrt()).min(1.0)
                        }
                        EdgeRef::Relation(_) => 2.0,
                    };
                    (from, to, weight)
                })
                .collect(),
            seed,
            radii: (0..self.node_count())
                .map(|number| {
                    let links = degree.get(number).copied().unwrap_or(0);
                    if number < self.body_count {
                        crate::style::body_radius(links)
                    } else {
                        crate::style::actor_radius(links)
                    }
                })
                .collect(),
        }
    }
}

/// The seed of the default layout: fixed, so that a file always gives the same picture.
pub const LAYOUT_SEED: u64 = 0x6d69_6e69;
