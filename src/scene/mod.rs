//! What is drawn, independent of any GUI toolkit: the network's structure
//! ([`SceneGraph`]), a seeded layout ([`layout`]) and its look at a date ([`SceneFrame`]),
//! legend included. The interactive view and the exporters draw from these.

mod frame;
mod graph;
pub mod labels;
pub mod layout;

pub use frame::{EdgeLook, LabelRule, Legend, NodeLook, Ring, SceneFrame, Visibility};
pub use graph::{EdgeRef, LAYOUT_SEED, NodeRef, SceneGraph};

#[cfg(test)]
mod tests;
