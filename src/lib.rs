//! Minilateral: who joined which internet-governance forums and instruments, and when.
//!
//! The crate is layered so that dependencies flow one way (see `ARCHITECTURE.md`):
//!
//! - [`model`]: pure data (actors, bodies, relations, membership events, dates with a
//!   precision) and the rules that derive a membership status from events;
//! - [`io`]: reading and writing datasets, with an [`io::ImportReport`] of levelled issues;
//! - [`timeline`]: an index built once per dataset that answers "as of a date" queries;
//! - [`synthetic`]: seeded synthetic datasets for benchmarks and tests;
//! - [`style`]: colours, shapes and sizes, decided once for the screen and the exporters;
//! - [`fonts`]: the bundled typefaces in fallback order, for the screen and the pictures;
//! - [`scene`]: what is drawn (structure, seeded layout, the look at a date, the legend),
//!   independent of any GUI toolkit;
//! - [`edit`]: reversible edits of a dataset, undo/redo and validated form drafts;
//! - [`render`]: pictures (SVG, PNG, animated GIF) drawn from the scene, with no window;
//! - [`state`]: what the user is looking at, changed only through typed commands;
//! - [`cli`]: the headless command line;
//! - [`ui`] and [`app`]: the egui widgets and the eframe shell (the only egui users).

pub mod app;
pub mod cli;
pub mod document;
pub mod edit;
pub mod fonts;
pub mod io;
pub mod model;
pub mod render;
pub mod scene;
pub mod state;
pub mod style;
pub mod synthetic;
pub mod timeline;
pub mod ui;

/// The built-in sample dataset, compiled into the binary.
pub const SAMPLE_DATASET_JSON: &str = include_str!("../sample-data/internet-governance.json");

/// The name the built-in sample dataset is reported under.
pub const SAMPLE_DATASET_NAME: &str = "sample-data/internet-governance.json (built in)";
