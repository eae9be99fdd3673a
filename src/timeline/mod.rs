//! "As of a date" queries over a dataset, answered from an index built once.
//!
//! [`Timeline::build`] folds the events of every (actor, body) pair into a short list of
//! status changes and every body's membership into a step series of counts per level. A
//! query at a new date is then a binary search per pair or per body: nothing is rescanned.

mod composition;
mod index;
mod overlap;

pub use composition::{
    Composition, Identified, RegionSeats, identified, identified_text, shortfalls,
};
pub use index::{ActorIx, BodyIx, Membership, StepSeries, Timeline};
pub use overlap::{MATRIX_MAX_BODIES, Overlap, OverlapMatrix, Shared, matrix_order, shared_with};
