//! `minilateral lesson`: a dataset's lessons on the command line: `--list` prints each with
//! its slide count, `--out DIR` writes one PNG per slide, `--pdf OUT.pdf` a handout.

use std::io::Write;
use std::path::PathBuf;

use super::commands::{CommandError, load_for_query};
use super::render::ThemeArg;
use crate::document::Document;
use crate::io::DatasetError;
use crate::model::{Dataset, Lesson};
use crate::render::{self, PngOptions, RenderOptions};
use crate::scene::View;
use crate::scene::layout::arrange;

/// The arguments of `minilateral lesson`.
#[derive(Debug, clap::Args)]
pub struct LessonArgs {
    /// The dataset (default: the built-in sample).
    pub file: Option<PathBuf>,
    /// The lesson, by name (default: the first).
    #[arg(long)]
    pub name: Option<String>,
    /// Print each lesson with its number of slides.
    #[arg(long, conflicts_with_all = ["out", "pdf"])]
    pub list: bool,
    /// Write one PNG per slide into this folder (slide-01.png, slide-02.png, ...).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Write the lesson as a PDF handout: a title page, then one page per slide.
    #[arg(long, value_name = "OUT.pdf")]
    pub pdf: Option<PathBuf>,
    /// Light or dark pictures.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
    /// Width of each slide picture, in pixels.
    #[arg(long, default_value_t = 1920, value_parser = clap::value_parser!(u32).range(200..=7680))]
    pub width: u32,
    /// Height of each slide picture, in pixels.
    #[arg(long, default_value_t = 1080, value_parser = clap::value_parser!(u32).range(200..=7680))]
    pub height: u32,
    /// The handout's paper (landscape pages).
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
}

/// `--paper`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperArg {
    /// ISO A4.
    A4,
    /// US Letter.
    Letter,
}

/// Runs `minilateral lesson`.
pub(super) fn lesson(
    args: &LessonArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, CommandError> {
    if !args.list && args.out.is_none() && args.pdf.is_none() {
        return Err(CommandError::Usage(
            "say what to do: --list, --out DIR or --pdf OUT.pdf".into(),
        ));
    }
    let (dataset, label) = match &args.file {
        Some(file) => (load_for_query(file, err)?, file.display().to_string()),
        None => (
            crate::io::read_native_str(crate::SAMPLE_DATASET_JSON, crate::SAMPLE_DATASET_NAME)
                .map_err(|report| CommandError::Dataset(DatasetError::Invalid(report)))?
                .0,
            "Built-in sample".to_owned(),
        ),
    };
    if args.list {
        list(&dataset, &label, out)?;
        return Ok(super::EXIT_OK);
    }
    let lesson = chosen_lesson(&dataset, args.name.as_deref(), &label)?.clone();
    let document = Document::new(dataset, label, String::new());
    let slides = SlidePictures::new(&document, args);
    if let Some(folder) = &args.out {
        std::fs::create_dir_all(folder)?;
        let png = PngOptions { scale: 1.0 };
        for (number, slide) in lesson.slides.iter().enumerate() {
            let picture = slides.picture(slide);
            let bytes = render::to_png(&picture, &png)
                .map_err(|error| CommandError::Failed(error.to_string()))?;
            let path = folder.join(format!("slide-{:02}.png", number + 1));
            crate::io::save_atomically(&path, &bytes)?;
        }
        writeln!(
            out,
            "wrote {} slides of \"{}\" to {}",
            lesson.slides.len(),
            lesson.name,
            folder.display()
        )?;
    }
    if let Some(path) = &args.pdf {
        let paper = match args.paper {
            PaperArg::A4 => render::Paper::A4,
            PaperArg::Letter => render::Paper::Letter,
        };
        let handout = render::lesson_handout(
            &document,
            &lesson,
            &slides.base,
            &slides.positions,
            &slides.options,
            paper,
        );
        let bytes =
            render::to_pdf(&handout).map_err(|error| CommandError::Failed(error.to_string()))?;
        crate::io::save_atomically(path, &bytes)?;
        writeln!(
            out,
            "wrote \"{}\" to {}: a title page and {} slides",
            lesson.name,
            path.display(),
            lesson.slides.len()
        )?;
    }
    Ok(super::EXIT_OK)
}

/// Prints `NAME: N slides`, one lesson a line.
fn list(dataset: &Dataset, label: &str, out: &mut dyn Write) -> Result<(), CommandError> {
    if dataset.lessons.is_empty() {
        writeln!(out, "{label} has no lessons")?;
    }
    for lesson in &dataset.lessons {
        let count = lesson.slides.len();
        let noun = if count == 1 { "slide" } else { "slides" };
        writeln!(out, "{}: {count} {noun}", lesson.name)?;
    }
    Ok(())
}

/// The lesson named `name`, or the first; a usage error names the lessons there are.
fn chosen_lesson<'a>(
    dataset: &'a Dataset,
    name: Option<&str>,
    label: &str,
) -> Result<&'a Lesson, CommandError> {
    let names = || {
        dataset
            .lessons
            .iter()
            .map(|lesson| format!("\"{}\"", lesson.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match name {
        None => dataset
            .lessons
            .first()
            .ok_or_else(|| CommandError::Failed(format!("{label} has no lessons"))),
        Some(name) => dataset
            .lessons
            .iter()
            .find(|lesson| lesson.name == name)
            .ok_or_else(|| {
                CommandError::Usage(format!(
                    "{label} has no lesson named \"{name}\" (its lessons: {})",
                    names()
                ))
            }),
    }
}

/// What every slide picture of a lesson shares: the document's layout and the options.
pub(super) struct SlidePictures<'a> {
    document: &'a Document,
    base: View,
    positions: Vec<[f32; 2]>,
    options: RenderOptions,
}

impl<'a> SlidePictures<'a> {
    fn new(document: &'a Document, args: &LessonArgs) -> Self {
        let mut base = document.initial_view();
        base.theme = args.theme.theme();
        let force = Document::compute_layout(document.layout_request());
        let positions = arrange(base.layout, &document.graph, &document.dataset, &force);
        let options = RenderOptions {
            width: args.width,
            height: args.height,
            theme: base.theme,
            source: Some(render::source_line(document)),
            ..RenderOptions::default()
        };
        Self {
            document,
            base,
            positions,
            options,
        }
    }

    /// The picture of one slide, titled with the slide's title.
    pub(super) fn picture(&self, slide: &crate::model::Slide) -> render::Picture {
        let view = View::of_slide(slide, &self.document.timeline, &self.base);
        let options = RenderOptions {
            title: Some(slide.title.clone()).filter(|title| !title.trim().is_empty()),
            ..self.options.clone()
        };
        render::slide_picture(self.document, &view, slide, &self.positions, &options)
    }
}
