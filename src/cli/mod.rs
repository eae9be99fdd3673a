//! The command line: argument definitions (clap) and the headless commands.

mod commands;
mod generate;
mod lesson;
mod overlap;
mod render;

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use jiff::civil::Date;

use crate::io::shaped::{DateOrder, Role};
use crate::model::{EventKind, Level, PartialDate, Word};

pub use commands::{EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, Loaded, dataset_for_window, run};
pub use generate::{GenerateArgs, dot_string};
pub use lesson::LessonArgs;
pub use render::{LayoutArg, RenderArgs, StepArg, ThemeArg, ViewArg};

/// Minilateral: see who joined which internet-governance forums and instruments, and when.
#[derive(Debug, Parser)]
#[command(name = "minilateral", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; with none, the graphical interface opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A dataset to open in the graphical interface (default: the built-in sample).
    pub file: Option<PathBuf>,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check dataset files and print their import reports (exit 1 if any has errors).
    Validate {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Member counts of every body at a date.
    Stats {
        /// The dataset.
        file: PathBuf,
        /// The date: YYYY, YYYY-MM or YYYY-MM-DD (the end of that period; default today).
        #[arg(long, value_parser = parse_date)]
        at: Option<PartialDate>,
        /// What counts as membership: signatory, party or in-force.
        #[arg(long, default_value = "party", value_parser = parse_level)]
        level: Level,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The members of one body at a date, with the status, date and source of each.
    Members {
        /// The dataset.
        file: PathBuf,
        /// The body's id (see `stats`).
        body_id: String,
        /// Only members that are not members (party or more) of this other body at the date,
        /// e.g. `--outside coe` for the Budapest Convention's non-European parties.
        #[arg(long, value_name = "BODY_ID")]
        outside: Option<String>,
        /// The date: YYYY, YYYY-MM or YYYY-MM-DD (the end of that period; default today).
        #[arg(long, value_parser = parse_date)]
        at: Option<PartialDate>,
        /// What counts as membership: signatory, party or in-force.
        #[arg(long, default_value = "party", value_parser = parse_level)]
        level: Level,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The events placed between two dates ("who joined this year"), oldest first.
    Events {
        /// The dataset.
        file: PathBuf,
        /// Only events of these bodies (repeatable).
        #[arg(long = "body", value_name = "BODY_ID")]
        bodies: Vec<String>,
        /// Only events of these actors (repeatable).
        #[arg(long = "actor", value_name = "ACTOR_ID")]
        actors: Vec<String>,
        /// Only events of these kinds, e.g. signed, ratified (repeatable).
        #[arg(long = "event", value_name = "EVENT", value_parser = parse_event)]
        kinds: Vec<EventKind>,
        /// From the start of this period (default: the first event).
        #[arg(long, value_parser = parse_date)]
        from: Option<PartialDate>,
        /// To the end of this period, inclusive (default: the last event).
        #[arg(long, value_parser = parse_date)]
        to: Option<PartialDate>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Which bodies share members at a date, most alike first (shared members over the
    /// members of either): with BODY_ID, the bodies most alike it; without, every pair.
    Overlap {
        /// The dataset.
        file: PathBuf,
        /// One body's id (see `stats`); without it, every pair of bodies.
        body_id: Option<String>,
        /// The date: YYYY, YYYY-MM or YYYY-MM-DD (the end of that period; default today).
        #[arg(long, value_parser = parse_date)]
        at: Option<PartialDate>,
        /// What counts as membership: signatory, party or in-force.
        #[arg(long, default_value = "party", value_parser = parse_level)]
        level: Level,
        /// At most this many rows.
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// Print JSON instead of a table.
        #[arg(long, conflicts_with = "matrix")]
        json: bool,
        /// Print the whole matrix as CSV instead (bodies with members at the date, in the
        /// clustered order of the app's matrix): shared members, or the similarity.
        #[arg(long, value_name = "VALUES", conflicts_with = "body_id")]
        matrix: Option<MatrixValues>,
        /// Draw the matrix as the app does instead, to a .png or .svg file (the 40 largest
        /// bodies with members at the date).
        #[arg(long, value_name = "PATH", conflicts_with_all = ["body_id", "json", "matrix"])]
        out: Option<PathBuf>,
        /// The picture's colours: light (for projectors) or dark.
        #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
        theme: ThemeArg,
        /// PNG pixels per picture unit.
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
    },
    /// Convert a dataset from one format to another (chosen by the file extensions). A table
    /// of another shape (a spreadsheet, a treaty-office chart, a depositary table, a yearly
    /// matrix) is read with guessed column roles; `--body`, `--body-name`, `--map` and
    /// `--dates` settle what the guess cannot, and are remembered beside the table in
    /// `IN.minilateral-mapping.json`.
    Convert {
        /// The file to read.
        input: PathBuf,
        /// The file to write (replaced atomically).
        output: PathBuf,
        /// The id of the body of a table without a body column.
        #[arg(long, value_name = "ID")]
        body: Option<String>,
        /// The name of the body of a table without a body column.
        #[arg(long, value_name = "NAME")]
        body_name: Option<String>,
        /// A column's role: actor, iso3, iso2, body, body_name, date, event, source, note,
        /// ignore, member_codes, opened, closed, or an event word for a column of one step
        /// (signed, ratified, joined ...); the column by its header or number.
        #[arg(long = "map", value_name = "ROLE=COLUMN", value_parser = parse_map)]
        map: Vec<(Role, String)>,
        /// How dates such as 03/04/2001 are read: dmy (day first) or mdy (month first).
        #[arg(long, value_name = "ORDER", value_parser = parse_date_order)]
        dates: Option<DateOrder>,
    },
    /// Draw the network as a PNG or SVG picture (with `--at`), or for a date range (with
    /// `--from`) as numbered PNG frames, an animated GIF and an MP4 video (`--mp4`); needs no
    /// display and no GPU.
    Render(Box<RenderArgs>),
    /// Write a seeded synthetic dataset of about N nodes (the benchmarks' graphs), and
    /// optionally the same network as a Graphviz DOT file.
    Generate(GenerateArgs),
    /// A dataset's lessons: `--list` them, write one PNG per slide (`--out DIR`) or a PDF
    /// handout (`--pdf OUT.pdf`: a title page, then a page per slide with its caption).
    Lesson(Box<LessonArgs>),
}

/// What the cells of `overlap --matrix` hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MatrixValues {
    /// Members of both bodies (a body's own member count on the diagonal).
    Shared,
    /// Shared members over the members of either (1 on the diagonal).
    Similarity,
}

fn parse_map(text: &str) -> Result<(Role, String), String> {
    let (role, column) = text
        .split_once('=')
        .ok_or_else(|| format!("expected ROLE=COLUMN, got \"{text}\""))?;
    let column = column.trim().trim_matches('"');
    if column.is_empty() {
        return Err(format!("no column after \"{role}=\""));
    }
    Ok((Role::parse(role)?, column.to_owned()))
}

fn parse_date_order(text: &str) -> Result<DateOrder, String> {
    DateOrder::parse(text).ok_or_else(|| format!("expected dmy or mdy, got \"{text}\""))
}

pub(crate) fn parse_date(text: &str) -> Result<PartialDate, String> {
    PartialDate::parse(text).map_err(|error| error.to_string())
}

fn parse_event(text: &str) -> Result<EventKind, String> {
    EventKind::parse_word(text).map_err(|error| error.to_string())
}

pub(crate) fn parse_level(text: &str) -> Result<Level, String> {
    Level::parse_word(text).map_err(|error| error.to_string())
}

/// The date a query means: the end of the given period, or today.
pub fn query_date(at: Option<PartialDate>) -> Date {
    at.map_or_else(crate::model::today, PartialDate::end)
}
