//! `minilateral render`: pictures of the network from the command line, with no window.

use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::commands::{CommandError, load_for_query};
use super::{parse_date, parse_level};
use crate::document::Document;
use crate::io::DatasetError;
use crate::model::Month;
use crate::model::{Dataset, Level, PartialDate, Precision};
use crate::render::{
    self, Background, DateStamp, Picture, PngOptions, RenderOptions, Sequence, SequenceFiles, Step,
    VideoOptions,
};
use crate::scene::layout::{LayoutKind, arrange};
use crate::style::Theme;

use super::commands::EXIT_OK;

/// The arguments of `minilateral render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The dataset (default: the built-in sample).
    pub file: Option<PathBuf>,
    /// Where to write: a .png or .svg file, or with --from a folder for numbered PNG frames
    /// (with --mp4, frames only when asked for).
    #[arg(long, value_name = "PATH", required_unless_present = "mp4")]
    pub out: Option<PathBuf>,
    /// The date: YYYY, YYYY-MM or YYYY-MM-DD (default: the latest event's month). Several
    /// dates (comma-separated or repeated) draw them side by side, one panel each.
    #[arg(long, value_parser = parse_date, value_delimiter = ',', conflicts_with_all = ["from", "to"])]
    pub at: Vec<PartialDate>,
    /// A sequence from this date: one frame per step (see --step, --to, --gif).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<PartialDate>,
    /// The sequence's last date (default: the latest event's month).
    #[arg(long, value_parser = parse_date, requires = "from")]
    pub to: Option<PartialDate>,
    /// The step between frames of a sequence.
    #[arg(long, value_enum, default_value_t = StepArg::Year)]
    pub step: StepArg,
    /// Also write the sequence as an animated GIF here.
    #[arg(long, value_name = "PATH", requires = "from")]
    pub gif: Option<PathBuf>,
    /// How long each GIF frame shows, in milliseconds.
    #[arg(long, default_value_t = 800, value_parser = clap::value_parser!(u32).range(10..=60_000))]
    pub delay_ms: u32,
    /// Also write the sequence as a video here: H.264 in MP4, each step dissolving into the
    /// next (the joiners fade in, the counts run up), the date and counts large.
    #[arg(long, value_name = "PATH", requires = "from")]
    pub mp4: Option<PathBuf>,
    /// Frames per second of the video.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=60))]
    pub fps: u32,
    /// How long each step shows in the video, in seconds (the dissolve into it included).
    #[arg(long, default_value_t = 1.5, value_parser = parse_seconds)]
    pub seconds_per_step: f32,
    /// Picture width (SVG units; PNG pixels before --scale). 3840 for 4K, 3508 for A4 at 300 dpi.
    #[arg(long, default_value_t = render::DEFAULT_SIZE.0, value_parser = clap::value_parser!(u32).range(200..=16_384))]
    pub width: u32,
    /// Picture height. 2160 for 4K, 2480 for A4 at 300 dpi.
    #[arg(long, default_value_t = render::DEFAULT_SIZE.1, value_parser = clap::value_parser!(u32).range(200..=16_384))]
    pub height: u32,
    /// PNG pixels per picture unit: 2 turns 1920×1080 into 3840×2160.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// Light (for projectors) or dark colours.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
    /// The theme's background, or transparent.
    #[arg(long, value_enum, default_value_t = BackgroundArg::Theme)]
    pub background: BackgroundArg,
    /// Only these bodies and their members at the date: repeat the option or separate ids
    /// with commas (one value per option, so a FILE after it stays the file).
    #[arg(long = "focus", value_name = "BODY_ID", value_delimiter = ',')]
    pub focus: Vec<String>,
    /// The title (default: the focused body's name, or the dataset's title).
    #[arg(long, conflicts_with = "no_title")]
    pub title: Option<String>,
    /// No title.
    #[arg(long)]
    pub no_title: bool,
    /// No legend.
    #[arg(long)]
    pub no_legend: bool,
    /// No source line at the bottom.
    #[arg(long)]
    pub no_source: bool,
    /// What counts as membership: signatory, party or in-force.
    #[arg(long, default_value = "party", value_parser = parse_level)]
    pub level: Level,
    /// How the nodes are arranged.
    #[arg(long, value_enum, default_value_t = LayoutArg::Force)]
    pub layout: LayoutArg,
    /// What to draw: the network, the world map or the coalition network.
    #[arg(long, value_enum, default_value_t = ViewArg::Network)]
    pub view: ViewArg,
    /// The coalition network ties two bodies only when they are at least P percent alike
    /// (members of both over members of either).
    #[arg(long, value_name = "P", default_value_t = crate::scene::DEFAULT_TIE_THRESHOLD_PERCENT, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_similarity: u8,
    /// The minilateral lens: only bodies with at most N members at the date, and the actors
    /// tied to them.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_members: Option<u32>,
}

/// `--seconds-per-step`: a number of seconds from 0.05 to 60.
fn parse_seconds(text: &str) -> Result<f32, String> {
    match text.trim().parse::<f32>() {
        Ok(seconds) if (0.05..=60.0).contains(&seconds) => Ok(seconds),
        _ => Err(format!(
            "{text:?} is not a number of seconds from 0.05 to 60"
        )),
    }
}

/// `--theme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
}

impl ThemeArg {
    /// The theme it names.
    pub fn theme(self) -> Theme {
        match self {
            Self::Light => Theme::Light,
            Self::Dark => Theme::Dark,
        }
    }
}

/// `--background`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BackgroundArg {
    /// The theme's background colour.
    Theme,
    /// No background.
    Transparent,
}

/// `--step`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StepArg {
    /// One frame per year.
    Year,
    /// One frame per month.
    Month,
}

/// `--layout`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// The seeded force-directed layout, as on screen.
    Force,
    /// Bodies on the left, actors on the right by region.
    Bipartite,
    /// Actors on a circle by region.
    Regions,
    /// States at their place on the world map, bodies at the centre of their members.
    Map,
}

/// `--view`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// The network of states and bodies.
    Network,
    /// The world map: states filled by their status in the `--focus` body, or shaded by
    /// how many bodies they belong to.
    Map,
    /// Bodies only, tied when they share members (the `--focus` body selected).
    Coalitions,
}

/// Runs `minilateral render`.
pub(super) fn render(
    args: &RenderArgs,
    _out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, CommandError> {
    check_scale(
        &format!("--width {} --height {}", args.width, args.height),
        [args.width as f32, args.height as f32],
        args.scale,
    )?;
    let dataset = match &args.file {
        Some(file) => load_for_query(file, err)?,
        None => {
            crate::io::read_native_str(crate::SAMPLE_DATASET_JSON, crate::SAMPLE_DATASET_NAME)
                .map_err(|report| CommandError::Dataset(DatasetError::Invalid(report)))?
                .0
        }
    };
    let focus = focus_bodies(&dataset, &args.focus)?;
    let label = args.file.as_ref().map_or_else(
        || "Built-in sample".to_owned(),
        |path| path.display().to_string(),
    );
    let document = Document::new(dataset, label, String::new());
    let mut view = document.initial_view();
    view.theme = args.theme.theme();
    view.level = args.level;
    view.filters.max_members = args.max_members;
    view.tie_threshold_percent = args.min_similarity;
    match args.view {
        ViewArg::Network => {}
        ViewArg::Map => {
            // The map shows one body's statuses: the first --focus body.
            view.kind = crate::scene::ViewKind::Map;
            view.selection = focus.first().copied().map(crate::scene::Selection::Body);
        }
        ViewArg::Coalitions => {
            // Every body is drawn; the first --focus body is selected, its ties highlighted.
            view.kind = crate::scene::ViewKind::Coalitions;
            view.selection = focus.first().copied().map(crate::scene::Selection::Body);
        }
    }
    view.layout = match args.layout {
        LayoutArg::Force => LayoutKind::Force,
        LayoutArg::Bipartite => LayoutKind::Bipartite,
        LayoutArg::Regions => LayoutKind::Regions,
        LayoutArg::Map => LayoutKind::OnMap,
    };
    let force = Document::compute_layout(document.layout_request());
    let positions = arrange(view.layout, &document.graph, &document.dataset, &force);
    let options = RenderOptions {
        width: args.width,
        height: args.height,
        theme: args.theme.theme(),
        background: match args.background {
            BackgroundArg::Theme => Background::Theme,
            BackgroundArg::Transparent => Background::Transparent,
        },
        title: match &args.title {
            _ if args.no_title => None,
            Some(title) if title.trim().is_empty() => None,
            Some(title) => Some(title.clone()),
            None => Some(render::default_title(&document, &focus)),
        },
        date_stamp: DateStamp::Month,
        legend: !args.no_legend,
        source: (!args.no_source).then(|| render::source_line(&document)),
        focus,
        framing: None,
        text_scale: None,
        large_counts: false,
    };
    let png = PngOptions { scale: args.scale };

    let Some(from) = args.from else {
        let Some(out) = &args.out else {
            return Err(CommandError::Usage(
                "--mp4 needs --from: a video shows a range of dates".into(),
            ));
        };
        let mut options = options;
        if args.at.len() > 1 {
            if args.at.len() > render::MAX_PANELS {
                return Err(CommandError::Usage(format!(
                    "--at: at most {} dates side by side, not {}",
                    render::MAX_PANELS,
                    args.at.len()
                )));
            }
            if args.at.iter().all(|at| at.precision() == Precision::Year) {
                options.date_stamp = DateStamp::Year;
            }
            let months: Vec<Month> = args.at.iter().map(|at| Month::of_date(at.end())).collect();
            let views = render::compare_views(&view, &months);
            let picture = render::compare_picture(&document, &views, &positions, &options);
            return write_picture(&picture, out, &png, err);
        }
        if let Some(&at) = args.at.first() {
            view.date = Month::of_date(at.end());
            view.previous_date = view.date;
            if at.precision() == Precision::Year {
                options.date_stamp = DateStamp::Year;
            }
        }
        let picture = render::picture_of_view(&document, &view, &positions, &options);
        return write_picture(&picture, out, &png, err);
    };

    // A sequence.
    let step = match args.step {
        StepArg::Year => Step::Year,
        StepArg::Month => Step::Month,
    };
    let first = match step {
        Step::Year => Month::of_date(from.end()),
        Step::Month => Month::of_date(from.start()),
    };
    let last = args
        .to
        .map_or(document.months().1, |to| Month::of_date(to.end()));
    if last < first {
        return Err(CommandError::Usage(format!(
            "--to ({last}) is before --from ({first})"
        )));
    }
    let months = render::sequence_months(first, last, step);
    let mut options = options;
    if step == Step::Year && from.precision() == Precision::Year {
        options.date_stamp = DateStamp::Year;
    }
    if let Some(out) = &args.out {
        let sequence = Sequence::plan(&document, &view, &positions, &options, &months, step);
        let files = SequenceFiles {
            frames_dir: out.clone(),
            gif: args.gif.clone().map(|path| (path, args.delay_ms)),
            png,
        };
        let written = render::write_sequence(&document, &positions, &sequence, &files, |_| {})
            .map_err(failed)?;
        writeln!(err, "wrote {written} frames to {}", out.display())?;
        if let Some(gif_path) = &args.gif {
            writeln!(err, "wrote {}", gif_path.display())?;
        }
    } else if args.gif.is_some() {
        return Err(CommandError::Usage(
            "--gif needs --out FOLDER for its numbered frames".into(),
        ));
    }
    if let Some(mp4) = &args.mp4 {
        write_video(
            args, &document, &view, &positions, &options, &months, step, mp4, err,
        )?;
    }
    Ok(EXIT_OK)
}

/// Writes the sequence as an MP4 video, its pictures planned with the video's look.
#[expect(clippy::too_many_arguments, reason = "the parts of one render command")]
fn write_video(
    args: &RenderArgs,
    document: &Document,
    view: &crate::scene::View,
    positions: &[[f32; 2]],
    options: &RenderOptions,
    months: &[Month],
    step: Step,
    path: &Path,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    let png = PngOptions { scale: args.scale };
    render::video_size(options.width, options.height, &png).map_err(|error| {
        CommandError::Usage(format!(
            "--mp4: {error}; try --scale {:.2}",
            args.scale * render::fitting_scale(options.width, options.height)
        ))
    })?;
    let sequence = Sequence::plan(
        document,
        view,
        positions,
        &options.for_video(),
        months,
        step,
    );
    let video = VideoOptions {
        fps: args.fps,
        seconds_per_step: args.seconds_per_step,
    };
    let summary = render::write_video(document, positions, &sequence, path, &png, &video, |_| {
        ControlFlow::Continue(())
    })
    .map_err(failed)?;
    writeln!(
        err,
        "wrote {} ({} frames, {}×{}, {:.1} s)",
        path.display(),
        summary.frames,
        summary.width,
        summary.height,
        summary.seconds
    )?;
    Ok(())
}

fn failed(error: render::RenderError) -> CommandError {
    CommandError::Failed(error.to_string())
}

fn focus_bodies(
    dataset: &Dataset,
    ids: &[String],
) -> Result<Vec<crate::timeline::BodyIx>, CommandError> {
    let mut bodies = Vec::new();
    for id in ids {
        let Some(index) = dataset.bodies.iter().position(|body| body.id == *id) else {
            return Err(CommandError::Usage(format!(
                "--focus: no body with id \"{id}\" (known ids: {})",
                render::known_body_ids(dataset).join(", ")
            )));
        };
        let body = crate::timeline::BodyIx(index as u32);
        if !bodies.contains(&body) {
            bodies.push(body);
        }
    }
    Ok(bodies)
}

/// Refuses a `--scale` that is not a positive number, or that turns a picture of `size`
/// units (described by `what`, e.g. "--width 1920 --height 1080") into one with a side
/// outside 1 to [`render::MAX_SIDE_PX`] pixels.
pub(super) fn check_scale(what: &str, size: [f32; 2], scale: f32) -> Result<(), CommandError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(CommandError::Usage(format!(
            "--scale must be a positive number, not {scale}"
        )));
    }
    let [width, height] = size.map(|side| side * scale);
    if width.max(height) > render::MAX_SIDE_PX as f32 || width.min(height) < 1.0 {
        return Err(CommandError::Usage(format!(
            "{what} --scale {scale} gives a picture of {width:.0}×{height:.0} pixels; each side \
             must be 1 to {} pixels",
            render::MAX_SIDE_PX
        )));
    }
    Ok(())
}

pub(super) fn write_picture(
    picture: &Picture,
    path: &Path,
    png: &PngOptions,
    err: &mut dyn Write,
) -> Result<u8, CommandError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match extension.as_deref() {
        Some("svg") => render::to_svg(picture).into_bytes(),
        Some("png") => render::to_png(picture, png).map_err(failed)?,
        _ => {
            return Err(CommandError::Usage(format!(
                "--out {}: the picture's file name must end in .png or .svg",
                path.display()
            )));
        }
    };
    write_file(path, &bytes)?;
    writeln!(err, "wrote {}", path.display())?;
    Ok(EXIT_OK)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), CommandError> {
    std::fs::write(path, bytes)
        .map_err(|error| CommandError::Failed(format!("{}: {error}", path.display())))
}
