//! Videos of a sequence: H.264 in MP4, encoded in the process (OpenH264, compiled from
//! source by the `openh264` crate), for slides in PowerPoint, Keynote and browsers.
//!
//! Each step of a [`Sequence`] is drawn once, as for the GIF. Between two steps the video
//! does not cut: over the first part of a step (at most [`TRANSITION_SECONDS`]) the
//! previous step's picture dissolves into this one, so the joiners' rings and new ties
//! fade in and those of the step before fade out, while the header says the new date at
//! once and its counts run from the old numbers to the new. Then the picture holds.
//!
//! ```text
//! step i:  draw picture i ─┬─ body (every layer but the header) → pixels, once
//!                          └─ header texts
//! frame:   crossfade(body i−1, body i, eased t) + header(date i, counts i−1 → i at t)
//!          → YUV 4:2:0 (BT.709, limited range) → OpenH264 → MP4 sample
//! ```
//!
//! The header is drawn apart (a band at the top, on a transparent background) and pasted
//! over the dissolve, so the date never shows two years at once; it is drawn again only
//! when its text changes. A held frame is the same picture: it is converted once and only
//! encoded again (a few hundred bytes each).

mod mp4;
mod pixels;

use std::io::{Seek, Write};
use std::ops::ControlFlow;
use std::path::Path;

use openh264::OpenH264API;
use openh264::encoder::{
    BitRate, Encoder, EncoderConfig, FrameRate, FrameType, IntraFramePeriod, RateControlMode,
    UsageType, VuiConfig,
};

use crate::document::Document;

use super::build::date_text;
use super::options::{Background, PngOptions};
use super::picture::{Picture, Shape};
use super::png::{Raster, RenderError, to_raster};
use super::sequence::Sequence;
use super::text::TextMeasure;

pub use mp4::Mp4Error;
pub use pixels::{Yuv420, crossfade, paste_over, yuv_from_rgba};

/// The largest video OpenH264 encodes (H.264 level 5.2): 3840 pixels on the long side,
/// 2160 on the short one.
pub const MAX_VIDEO_SIDES: (u32, u32) = (3840, 2160);

/// The most frames per second a video may have.
pub const MAX_FPS: u32 = 60;

/// The longest dissolve from one step into the next; a short step dissolves over half of
/// its time.
pub const TRANSITION_SECONDS: f32 = 0.75;

/// How a video is timed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VideoOptions {
    /// Frames per second, 1 to [`MAX_FPS`].
    pub fps: u32,
    /// How long each step of the sequence shows, the dissolve into it included.
    pub seconds_per_step: f32,
}

impl Default for VideoOptions {
    fn default() -> Self {
        Self {
            fps: 30,
            seconds_per_step: 1.5,
        }
    }
}

impl VideoOptions {
    /// Frames of one step (at least one).
    pub fn frames_per_step(&self) -> usize {
        let frames = (self.fps() as f32 * self.seconds_per_step).round();
        if frames.is_finite() && frames >= 1.0 {
            frames as usize
        } else {
            1
        }
    }

    /// Frames of the dissolve at the start of each step after the first.
    pub fn transition_frames(&self) -> usize {
        let longest = (self.fps() as f32 * TRANSITION_SECONDS).round() as usize;
        longest.min(self.frames_per_step() / 2)
    }

    /// Frames of a video of `steps` steps.
    pub fn frame_count(&self, steps: usize) -> usize {
        steps.saturating_mul(self.frames_per_step())
    }

    fn fps(&self) -> u32 {
        self.fps.clamp(1, MAX_FPS)
    }
}

/// The pixel size of a video of pictures `width × height` units drawn at `png.scale`: the
/// picture's pixels, less an odd last column or row (H.264 halves the colour planes).
pub fn video_size(width: u32, height: u32, png: &PngOptions) -> Result<(u32, u32), RenderError> {
    let pixels = |side: u32| (side as f32 * png.scale).round();
    let (w, h) = (pixels(width), pixels(height));
    let size_error = || RenderError::VideoSize {
        width: w,
        height: h,
    };
    if !(w.is_finite() && h.is_finite() && w >= 16.0 && h >= 16.0) {
        return Err(size_error());
    }
    let (w, h) = (w as u32 & !1, h as u32 & !1);
    if w.max(h) > MAX_VIDEO_SIDES.0 || w.min(h) > MAX_VIDEO_SIDES.1 {
        return Err(size_error());
    }
    Ok((w, h))
}

/// The scale (at most 1) that brings a picture of `width × height` units within
/// [`MAX_VIDEO_SIDES`]: an A4 page at 300 dpi becomes a 3054 × 2160 video.
pub fn fitting_scale(width: u32, height: u32) -> f32 {
    let (long, short) = (width.max(height).max(1), width.min(height).max(1));
    (MAX_VIDEO_SIDES.0 as f32 / long as f32)
        .min(MAX_VIDEO_SIDES.1 as f32 / short as f32)
        .min(1.0)
}

/// The bit rate the encoder is given for a video of `width × height`: 6 Mbit/s at
/// 1920×1080, in proportion to the pixels elsewhere (at least 0.5, at most 20 Mbit/s).
/// Slides hold still most of the time, so files are far smaller than the rate suggests.
pub fn bitrate_bps(width: u32, height: u32) -> u32 {
    let pixels = u64::from(width) * u64::from(height);
    let bps = 6_000_000 * pixels / (1920 * 1080);
    bps.clamp(500_000, 20_000_000) as u32
}

/// What was written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VideoSummary {
    /// Frames encoded.
    pub frames: usize,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Length in seconds.
    pub seconds: f32,
}

/// Draws the sequence and writes it to `path` as an MP4 video: the one writer of the
/// command line and the app. Plan the sequence with [`super::RenderOptions::for_video`].
/// `on_frame` is told how many frames are done after each one, and stops the video by
/// answering [`ControlFlow::Break`] ([`RenderError::Cancelled`]). The file is written
/// atomically: a failed or cancelled video leaves whatever was at `path`.
pub fn write_video(
    document: &Document,
    positions: &[[f32; 2]],
    sequence: &Sequence,
    path: &Path,
    png: &PngOptions,
    video: &VideoOptions,
    on_frame: impl FnMut(usize) -> ControlFlow<()>,
) -> Result<VideoSummary, RenderError> {
    let mut summary = None;
    crate::io::save_atomically_with(path, |file| {
        let writer = std::io::BufWriter::with_capacity(1 << 20, file);
        let (writer, written) =
            encode_video(document, positions, sequence, png, video, writer, on_frame)?;
        writer
            .into_inner()
            .map_err(|error| RenderError::Write(error.into_error()))?;
        summary = Some(written);
        Ok::<(), RenderError>(())
    })
    .map_err(|error| match error {
        RenderError::Write(error) => RenderError::Io {
            path: path.to_path_buf(),
            message: error.to_string(),
        },
        other => other,
    })?;
    summary.ok_or(RenderError::Cancelled)
}

/// Draws the sequence and encodes it as an MP4 video into `writer` (see [`write_video`]).
pub fn encode_video<W: Write + Seek>(
    document: &Document,
    positions: &[[f32; 2]],
    sequence: &Sequence,
    png: &PngOptions,
    video: &VideoOptions,
    writer: W,
    mut on_frame: impl FnMut(usize) -> ControlFlow<()>,
) -> Result<(W, VideoSummary), RenderError> {
    let mut options = sequence.options.clone();
    options.background = Background::Theme;
    let (width, height) = video_size(options.width, options.height, png)?;
    let total = video.frame_count(sequence.len());
    if total == 0 {
        return Err(RenderError::Video("the sequence has no dates".into()));
    }
    let fps = video.fps();
    let per_step = video.frames_per_step();
    let transition = video.transition_frames();
    let mut encoder = Encoder::with_api_config(
        OpenH264API::from_source(),
        encoder_config(width, height, fps),
    )
    .map_err(encoder_error)?;
    let mut muxer =
        mp4::Mp4Writer::new(writer, width as u16, height as u16, fps, total).map_err(mp4_error)?;
    let mut yuv = Yuv420::new(width as usize, height as usize);
    let mut frame: Vec<u8> = Vec::new();
    let mut band: Option<(Vec<String>, Raster)> = None;
    // What the frame buffer shows: (step, dissolve weight, header texts).
    let mut shown: Option<(usize, u16, Vec<String>)> = None;
    let mut previous: Option<DrawnStep> = None;
    let mut done = 0;
    for (index, view) in sequence.views.iter().enumerate() {
        let picture = super::map::picture_of_view(document, view, positions, &options);
        let current = DrawnStep::draw(picture, date_text(view, options.date_stamp), png)?;
        if current.body.width & !1 != width || current.body.height & !1 != height {
            return Err(RenderError::FrameSize {
                index,
                width: current.body.width,
                height: current.body.height,
            });
        }
        for step_frame in 0..per_step {
            let dissolving = previous.as_ref().filter(|_| step_frame < transition);
            let t = ease((step_frame + 1) as f32 / (transition + 1) as f32);
            let (weight, header) = match dissolving {
                Some(before) => (
                    (t * 256.0).round() as u16,
                    header_between(&before.header, &current.header, current.date.as_deref(), t),
                ),
                None => (256, current.header.clone()),
            };
            let texts = header_texts(&header);
            let key = (index, weight, texts);
            if shown.as_ref() != Some(&key) {
                match dissolving {
                    Some(before) => {
                        frame.resize(current.body.rgba.len(), 0);
                        crossfade(&before.body.rgba, &current.body.rgba, weight, &mut frame);
                    }
                    None => {
                        frame.clear();
                        frame.extend_from_slice(&current.body.rgba);
                    }
                }
                if band.as_ref().is_none_or(|(texts, _)| *texts != key.2) {
                    let raster = header_band(&header, &current.picture, png)?;
                    band = Some((key.2.clone(), raster));
                }
                if let Some((_, raster)) = &band {
                    paste_over(
                        &mut frame,
                        current.body.width as usize,
                        &raster.rgba,
                        raster.width as usize,
                    );
                }
                yuv_from_rgba(&frame, current.body.width as usize, &mut yuv);
                shown = Some(key);
            }
            let stream = encoder.encode(&yuv).map_err(encoder_error)?;
            let sync = stream.frame_type() == FrameType::IDR;
            let layers: Vec<_> = (0..stream.num_layers())
                .filter_map(|layer| stream.layer(layer))
                .collect();
            let nal_units = layers
                .iter()
                .flat_map(|layer| (0..layer.nal_count()).filter_map(|n| layer.nal_unit(n)));
            muxer.add_frame(nal_units, sync).map_err(mp4_error)?;
            done += 1;
            if on_frame(done).is_break() {
                return Err(RenderError::Cancelled);
            }
        }
        previous = Some(current);
    }
    let frames = muxer.frames();
    let writer = muxer.finish().map_err(mp4_error)?;
    Ok((
        writer,
        VideoSummary {
            frames,
            width,
            height,
            seconds: done as f32 / fps as f32,
        },
    ))
}

/// The encoder's settings: Constrained Baseline (every player decodes it), a keyframe
/// every two seconds (to seek), no skipped frames (the frame count is the file's), colours
/// tagged BT.709 limited range as [`yuv_from_rgba`] converts them. Of OpenH264's rate
/// controls, the buffer-based one kept text the sharpest on the sample's dissolves (44 to
/// 46 dB PSNR at about 3.5 Mbit/s while they move, against 38 to 44 dB for the bit-rate and
/// quality modes) and is the fastest; the others also warn on the terminal that they
/// cannot hold a rate without skipping frames.
fn encoder_config(width: u32, height: u32, fps: u32) -> EncoderConfig {
    EncoderConfig::new()
        .bitrate(BitRate::from_bps(bitrate_bps(width, height)))
        .max_frame_rate(FrameRate::from_hz(fps as f32))
        .rate_control_mode(RateControlMode::Bufferbased)
        .skip_frames(false)
        .usage_type(UsageType::CameraVideoRealTime)
        .intra_frame_period(IntraFramePeriod::from_num_frames(fps * 2))
        .vui(VuiConfig::bt709())
}

fn mp4_error(error: Mp4Error) -> RenderError {
    match error {
        Mp4Error::Io(error) => RenderError::Write(error),
        other => RenderError::Video(other.to_string()),
    }
}

fn encoder_error(error: openh264::Error) -> RenderError {
    RenderError::Video(format!("the H.264 encoder failed: {error}"))
}

/// Smoothstep: a dissolve that starts and ends gently.
fn ease(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// One step drawn: its picture without the header, as pixels; the header's shapes; the
/// date the header writes.
struct DrawnStep {
    picture: Picture,
    body: Raster,
    header: Vec<Shape>,
    date: Option<String>,
}

impl DrawnStep {
    fn draw(
        mut picture: Picture,
        date: Option<String>,
        png: &PngOptions,
    ) -> Result<Self, RenderError> {
        let header = picture
            .layers
            .iter_mut()
            .find(|layer| layer.name == "header")
            .map(|layer| std::mem::take(&mut layer.shapes))
            .unwrap_or_default();
        let body = to_raster(&picture, png)?;
        Ok(Self {
            picture,
            body,
            header,
            date,
        })
    }
}

fn header_texts(shapes: &[Shape]) -> Vec<String> {
    shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// The header a fraction `t` of the way from the previous step's to this one's: the date
/// is this step's at once, counts run from the old numbers to the new.
fn header_between(before: &[Shape], after: &[Shape], date: Option<&str>, t: f32) -> Vec<Shape> {
    if before.len() != after.len() {
        return after.to_vec();
    }
    before
        .iter()
        .zip(after)
        .map(|(old, new)| match (old, new) {
            (Shape::Text { text: from, .. }, Shape::Text { text: to, .. })
                if Some(to.as_str()) != date =>
            {
                let mut shape = new.clone();
                if let Shape::Text { text, .. } = &mut shape {
                    *text = numbers_between(from, to, t);
                }
                shape
            }
            _ => new.clone(),
        })
        .collect()
}

/// `to`, with each number a fraction `t` of the way from the one at the same place in
/// `from`, when the two texts differ only in their numbers ("12 bodies" → "14 bodies" is
/// "13 bodies" halfway); otherwise `to`.
pub fn numbers_between(from: &str, to: &str, t: f32) -> String {
    /// The text cut into runs of digits (true) and of other characters (false).
    fn pieces(text: &str) -> Vec<(bool, &str)> {
        let mut pieces = Vec::new();
        let mut start = 0;
        let mut digits = None;
        for (at, c) in text.char_indices() {
            let digit = c.is_ascii_digit();
            if let Some(run) = digits
                && run != digit
            {
                pieces.push((run, &text[start..at]));
                start = at;
            }
            digits = Some(digit);
        }
        if let Some(run) = digits {
            pieces.push((run, &text[start..]));
        }
        pieces
    }
    let (old, new) = (pieces(from), pieces(to));
    let same_words = old.len() == new.len()
        && old
            .iter()
            .zip(&new)
            .all(|(a, b)| a.0 == b.0 && (a.0 || a.1 == b.1));
    if !same_words {
        return to.to_owned();
    }
    let mut text = String::with_capacity(to.len());
    for ((number, a), (_, b)) in old.iter().zip(&new) {
        match (number, a.parse::<u64>(), b.parse::<u64>()) {
            (true, Ok(a), Ok(b)) => {
                let value = a as f64 + (b as f64 - a as f64) * f64::from(t.clamp(0.0, 1.0));
                text.push_str(&(value.round() as u64).to_string());
            }
            _ => text.push_str(b),
        }
    }
    text
}

/// The header alone, as pixels on a transparent background: a band as wide as the picture
/// from its top to just below the header's last line, a whole number of pixel rows.
fn header_band(
    shapes: &[Shape],
    picture: &Picture,
    png: &PngOptions,
) -> Result<Raster, RenderError> {
    let measure = TextMeasure::new();
    let bottom = shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text { position, size, .. } => Some(position[1] + measure.descent(*size)),
            _ => None,
        })
        .fold(1.0_f32, f32::max)
        + picture.margin * 0.25;
    let rows = (bottom * png.scale)
        .ceil()
        .clamp(1.0, picture.height * png.scale);
    let band = Picture {
        width: picture.width,
        height: rows / png.scale,
        background: None,
        description: String::new(),
        layers: vec![super::picture::Layer {
            name: "header",
            shapes: shapes.to_vec(),
        }],
        framing: picture.framing,
        legend_rect: None,
        margin: picture.margin,
        visible_nodes: 0,
        labels: Vec::new(),
    };
    to_raster(&band, png)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_run_from_the_old_numbers_to_the_new() {
        let from = "Party · 12 bodies with members";
        let to = "Party · 20 bodies with members";
        assert_eq!(numbers_between(from, to, 0.0), from);
        assert_eq!(
            numbers_between(from, to, 0.5),
            "Party · 16 bodies with members"
        );
        assert_eq!(numbers_between(from, to, 1.0), to);
        assert_eq!(
            numbers_between(
                "ACTA: 8 members · FOC: 30 members",
                "ACTA: 11 members · FOC: 29 members",
                0.34
            ),
            "ACTA: 9 members · FOC: 30 members"
        );
        // Other words: the new text at once.
        assert_eq!(numbers_between("1 member", "2 members", 0.5), "2 members");
        assert_eq!(numbers_between("June 2012", "July 2012", 0.5), "July 2012");
    }

    fn text(text: &str) -> Shape {
        Shape::Text {
            position: [0.0, 0.0],
            text: text.to_owned(),
            size: 10.0,
            colour: crate::style::Rgba::rgb(0, 0, 0),
            anchor: super::super::picture::Anchor::Start,
            rotation: 0.0,
        }
    }

    #[test]
    fn the_header_shows_the_new_date_at_once_and_counts_up() {
        let before = [text("Title"), text("2012"), text("12 bodies")];
        let after = [text("Title"), text("2013"), text("20 bodies")];
        let between = header_texts(&header_between(&before, &after, Some("2013"), 0.5));
        assert_eq!(between, ["Title", "2013", "16 bodies"]);
        // A header of another shape (the date switched off, say) is the new one.
        let shorter = [text("Title")];
        assert_eq!(
            header_texts(&header_between(&before, &shorter, None, 0.5)),
            ["Title"]
        );
    }

    #[test]
    fn steps_have_whole_frames_and_dissolve_over_their_first_part() {
        let video = VideoOptions {
            fps: 30,
            seconds_per_step: 1.5,
        };
        assert_eq!(video.frames_per_step(), 45);
        assert_eq!(video.transition_frames(), 22, "half the step");
        assert_eq!(video.frame_count(4), 180);
        let long = VideoOptions {
            fps: 30,
            seconds_per_step: 3.0,
        };
        assert_eq!(long.transition_frames(), 23, "0.75 s");
        let short = VideoOptions {
            fps: 10,
            seconds_per_step: 0.4,
        };
        assert_eq!((short.frames_per_step(), short.transition_frames()), (4, 2));
        let still = VideoOptions {
            fps: 1,
            seconds_per_step: 0.1,
        };
        assert_eq!((still.frames_per_step(), still.transition_frames()), (1, 0));
    }

    #[test]
    fn sizes_are_even_and_within_what_h264_encodes() {
        let at = |scale| PngOptions { scale };
        assert_eq!(video_size(1920, 1080, &at(1.0)).ok(), Some((1920, 1080)));
        assert_eq!(video_size(1921, 1081, &at(1.0)).ok(), Some((1920, 1080)));
        assert_eq!(video_size(1920, 1080, &at(2.0)).ok(), Some((3840, 2160)));
        assert!(video_size(1920, 1080, &at(2.5)).is_err());
        assert!(
            video_size(3508, 2480, &at(1.0)).is_err(),
            "A4 at 300 dpi is too tall"
        );
        let scale = fitting_scale(3508, 2480);
        let (w, h) = video_size(3508, 2480, &at(scale)).expect("fits once scaled");
        assert!(h <= 2160 && w <= 3840 && w > 3000, "{w}×{h}");
        assert_eq!(fitting_scale(1920, 1080), 1.0);
        assert!(video_size(10, 10, &at(1.0)).is_err());
    }

    #[test]
    fn the_dissolve_eases_in_and_out() {
        assert_eq!(ease(0.0), 0.0);
        assert_eq!(ease(1.0), 1.0);
        assert_eq!(ease(0.5), 0.5);
        assert!(ease(0.1) < 0.1 && ease(0.9) > 0.9);
    }
}
