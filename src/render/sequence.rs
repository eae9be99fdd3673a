//! Year-by-year (or month-by-month) sequences: one picture per step of a date range, all
//! with the same positions and the same camera, members who joined since the previous step
//! ringed as on screen; and an animated GIF of them.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::model::Month;
use crate::scene::View;

use super::build::shared_framing;
use super::options::PngOptions;
use super::options::RenderOptions;
use super::picture::Picture;
use super::png::{Raster, RenderError, to_png_and_raster};

/// How far apart the frames of a sequence are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Step {
    /// One frame per year.
    #[default]
    Year,
    /// One frame per month.
    Month,
}

impl Step {
    /// Months between two frames.
    pub fn months(self) -> i32 {
        match self {
            Self::Year => 12,
            Self::Month => 1,
        }
    }
}

/// The most frames a sequence may have (50 years of months would be 600).
pub const MAX_FRAMES: usize = 1_000;

/// The months of a sequence: from `from` by steps, and `to` last even when no step lands
/// on it (so that "2011 to today" ends today). At most [`MAX_FRAMES`].
pub fn sequence_months(from: Month, to: Month, step: Step) -> Vec<Month> {
    let mut months = Vec::new();
    let mut month = from;
    while month <= to && months.len() < MAX_FRAMES {
        months.push(month);
        month = month.plus(step.months());
    }
    if months.last().is_some_and(|&last| last < to) && months.len() < MAX_FRAMES {
        months.push(to);
    }
    months
}

/// A planned sequence: one view per frame and options that share one framing.
#[derive(Clone, Debug)]
pub struct Sequence {
    /// The view of each frame: its date, and the previous step's date for the rings.
    pub views: Vec<View>,
    /// The options of every frame, with the shared framing set.
    pub options: RenderOptions,
}

impl Sequence {
    /// Plans frames at `months` from a base view (its level, filters, selection and
    /// layout are kept). The first frame rings the members who joined in the step before it.
    pub fn plan(
        document: &Document,
        base: &View,
        positions: &[[f32; 2]],
        options: &RenderOptions,
        months: &[Month],
        step: Step,
    ) -> Self {
        let views: Vec<View> = months
            .iter()
            .enumerate()
            .map(|(i, &month)| {
                let previous = i
                    .checked_sub(1)
                    .and_then(|previous| months.get(previous).copied())
                    .unwrap_or_else(|| month.plus(-step.months()));
                base.stepped(previous, month)
            })
            .collect();
        let mut options = options.clone();
        if options.framing.is_none() {
            options.framing = Some(shared_framing(document, &views, positions, &options));
        }
        Self { views, options }
    }

    /// How many frames.
    pub fn len(&self) -> usize {
        self.views.len()
    }

    /// Whether there are no frames.
    pub fn is_empty(&self) -> bool {
        self.views.is_empty()
    }

    /// The picture of frame `index` (build frames one by one to report progress).
    pub fn picture(
        &self,
        document: &Document,
        positions: &[[f32; 2]],
        index: usize,
    ) -> Option<Picture> {
        let view = self.views.get(index)?;
        Some(super::map::picture_of_view(
            document,
            view,
            positions,
            &self.options,
        ))
    }
}

/// Where a sequence is written: numbered PNG frames in a folder, and an animated GIF.
#[derive(Clone, Debug, PartialEq)]
pub struct SequenceFiles {
    /// The folder of `frame-0001.png`, `frame-0002.png`, … (created when missing).
    pub frames_dir: PathBuf,
    /// The animated GIF and how long each frame shows, in milliseconds; `None`: no GIF.
    pub gif: Option<(PathBuf, u32)>,
    /// How the frames are rasterised.
    pub png: PngOptions,
}

/// Draws and writes every frame of a sequence, and the GIF: the one writer of the command
/// line and the app. `on_frame` is told how many frames are written after each one (for a
/// progress count). Frames are saved atomically; returns how many were written.
pub fn write_sequence(
    document: &Document,
    positions: &[[f32; 2]],
    sequence: &Sequence,
    files: &SequenceFiles,
    mut on_frame: impl FnMut(usize),
) -> Result<usize, RenderError> {
    let io_error = |path: &Path, error: std::io::Error| RenderError::Io {
        path: path.to_path_buf(),
        message: error.to_string(),
    };
    std::fs::create_dir_all(&files.frames_dir).map_err(|e| io_error(&files.frames_dir, e))?;
    let mut gif: Option<GifWriter<std::io::BufWriter<std::fs::File>>> = None;
    let mut written = 0;
    for index in 0..sequence.len() {
        let Some(picture) = sequence.picture(document, positions, index) else {
            continue;
        };
        let (png, raster) = to_png_and_raster(&picture, &files.png)?;
        let frame = files.frames_dir.join(format!("frame-{:04}.png", index + 1));
        crate::io::save_atomically(&frame, &png).map_err(|e| io_error(&frame, e))?;
        if let Some((gif_path, delay_ms)) = &files.gif {
            if gif.is_none() {
                let file = std::fs::File::create(gif_path).map_err(|e| io_error(gif_path, e))?;
                gif = Some(GifWriter::new(
                    std::io::BufWriter::new(file),
                    raster.width,
                    raster.height,
                    *delay_ms,
                )?);
            }
            if let Some(writer) = gif.as_mut() {
                writer.add(&raster)?;
            }
        }
        written += 1;
        on_frame(written);
    }
    if let (Some(writer), Some((gif_path, _))) = (gif, &files.gif) {
        writer
            .finish()?
            .flush()
            .map_err(|e| io_error(gif_path, e))?;
    }
    Ok(written)
}

/// Writes an animated GIF frame by frame; it loops forever.
pub struct GifWriter<W: Write> {
    encoder: gif::Encoder<W>,
    width: u32,
    height: u32,
    delay_cs: u16,
    frames: usize,
}

impl<W: Write> GifWriter<W> {
    /// Starts a GIF of `width × height` pixels showing each frame for `delay_ms`.
    pub fn new(writer: W, width: u32, height: u32, delay_ms: u32) -> Result<Self, RenderError> {
        let size_error = || RenderError::Size {
            width: width as f32,
            height: height as f32,
        };
        let gif_width = u16::try_from(width).map_err(|_| size_error())?;
        let gif_height = u16::try_from(height).map_err(|_| size_error())?;
        let mut encoder = gif::Encoder::new(writer, gif_width, gif_height, &[])?;
        encoder.set_repeat(gif::Repeat::Infinite)?;
        Ok(Self {
            encoder,
            width,
            height,
            delay_cs: u16::try_from(delay_ms.div_ceil(10)).unwrap_or(u16::MAX),
            frames: 0,
        })
    }

    /// Adds a frame (quantised to its own 256-colour palette).
    pub fn add(&mut self, raster: &Raster) -> Result<(), RenderError> {
        if raster.width != self.width || raster.height != self.height {
            return Err(RenderError::FrameSize {
                index: self.frames,
                width: raster.width,
                height: raster.height,
            });
        }
        let mut rgba = raster.rgba.clone();
        // Speed 10 of 30: good colours for flat graphics at a fraction of the slowest cost.
        let mut frame =
            gif::Frame::from_rgba_speed(self.width as u16, self.height as u16, &mut rgba, 10);
        frame.delay = self.delay_cs;
        frame.dispose = gif::DisposalMethod::Background;
        self.encoder.write_frame(&frame)?;
        self.frames += 1;
        Ok(())
    }

    /// Finishes the file and returns the writer.
    pub fn finish(self) -> Result<W, RenderError> {
        Ok(self.encoder.into_inner()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_step_by_year_or_month_and_include_the_end() {
        let years = sequence_months(Month::new(2011, 12), Month::new(2014, 12), Step::Year);
        assert_eq!(
            years,
            [2011, 2012, 2013, 2014].map(|y| Month::new(y, 12)).to_vec()
        );
        let months = sequence_months(Month::new(2011, 11), Month::new(2012, 2), Step::Month);
        assert_eq!(months.len(), 4);
        let to_today = sequence_months(Month::new(2011, 12), Month::new(2013, 2), Step::Year);
        assert_eq!(
            to_today,
            [
                Month::new(2011, 12),
                Month::new(2012, 12),
                Month::new(2013, 2)
            ]
        );
        assert!(sequence_months(Month::new(2015, 1), Month::new(2014, 1), Step::Year).is_empty());
    }
}
