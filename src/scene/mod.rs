//! What is drawn, independent of any GUI toolkit: the network's structure
//! ([`SceneGraph`]), a seeded layout ([`layout`]) and its look at a date ([`SceneFrame`]),
//! legend included, computed from a [`View`]. The interactive view and the exporters draw
//! from these. [`map`] holds the world map's geometry (projected outlines, small-state
//! dots, fitting and hit testing); [`coalitions`] the coalition network (bodies tied by
//! shared members, laid out once per dataset); [`Table`] the table view's rows, cells,
//! orders and tab-separated text.

pub mod coalitions;
mod frame;
mod graph;
pub mod hit;
pub mod labels;
pub mod layout;
pub mod map;
mod map_look;
mod table;
mod view;

pub use coalitions::{CoalitionNode, CoalitionScene, FramedBody, Tie};
pub use frame::{EdgeLook, LabelRule, Legend, NodeLook, Ring, SceneFrame, Visibility};
pub use graph::{EdgeRef, LAYOUT_SEED, NodeRef, SceneGraph};
pub use map_look::{Beside, MapLook, PlaceLook};
pub use table::{TSV_EMPTY, Table, TableCell, TableRow, TableSort, short_status};
pub use view::{
    ChangeMode, DEFAULT_TIE_THRESHOLD_PERCENT, Filters, NonMembers, Selection, View, ViewKind,
};

#[cfg(test)]
mod tests;
