//! The governance-network model: pure data, no IO and no GUI.
//!
//! A [`Dataset`] holds actors (states and non-state stakeholders), bodies (forums and
//! instruments), relations between bodies and membership events. Membership status is never
//! stored: it is derived from the events by [`status`].

pub mod check;
mod dataset;
mod date;
mod lesson;
mod look;
mod month;
pub mod status;
mod words;

pub use dataset::{
    Actor, ActorKind, Body, BodyKind, Dataset, Event, EventDate, EventKind, IssueArea, Law, Meta,
    Relation, RelationKind, Source,
};
pub use date::{DateError, PartialDate, Precision, month_name, today};
pub use lesson::{
    Lesson, Slide, SlideCamera, SlideFilters, SlideSelection, SlideView, caption_runs,
};
pub use look::{BodyColouring, NodeKind};
pub use month::Month;
pub use status::{Level, Status, StatusTracker};
pub use words::{UnknownWord, Word};
