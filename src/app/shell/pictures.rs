//! Pictures from the app: export a PNG or SVG of the view, copy it to the clipboard, write a
//! year-by-year sequence with an animated GIF, save a screenshot of the window. Pictures are
//! described on the UI thread (a few milliseconds) and drawn and written on workers.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use petgraph::stable_graph::NodeIndex;

use super::MinilateralApp;
use crate::app::jobs::{JobResult, Purpose};
use crate::render::{self, GifWriter, MatrixPicture, Picture, PngOptions, Sequence};
use crate::state::{Document, ImageFormat, ImageRequest, PictureSubject, SequenceRequest};
use crate::timeline::{MATRIX_MAX_BODIES, OverlapMatrix};

impl MinilateralApp {
    /// Node positions as drawn now (the layout, with the user's drags), by node number.
    pub(super) fn drawn_positions(&self) -> Vec<[f32; 2]> {
        (0..self.document.graph.node_count())
            .map(|number| {
                self.graph.node(NodeIndex::new(number)).map_or_else(
                    || {
                        self.force_positions
                            .get(number)
                            .copied()
                            .unwrap_or([0.0, 0.0])
                    },
                    |node| [node.location().x, node.location().y],
                )
            })
            .collect()
    }

    /// The picture a request asks for: the network as shown, or the overlap matrix at the
    /// date.
    pub fn picture(&self, request: &ImageRequest) -> Picture {
        match request.subject {
            PictureSubject::Network => Picture::build(
                &self.document,
                &self.state,
                &self.drawn_positions(),
                &request.options,
            ),
            PictureSubject::OverlapMatrix => {
                let matrix = OverlapMatrix::at(
                    &self.document.timeline,
                    self.state.date.end(),
                    self.state.level,
                    &request.options.focus,
                    MATRIX_MAX_BODIES,
                );
                MatrixPicture::build(
                    &self.document,
                    &matrix,
                    self.state.date,
                    self.state.level,
                    &request.options,
                )
                .picture
            }
        }
    }

    /// A file name for a picture: the dataset or focused body, and the date.
    fn picture_name(&self, request: &ImageRequest, extension: &str) -> String {
        let subject = request
            .options
            .focus
            .first()
            .and_then(|body| self.document.dataset.bodies.get(body.index()))
            .map_or("network", |body| body.id.as_str());
        match request.subject {
            PictureSubject::Network => format!("{subject}-{}.{extension}", self.state.date),
            PictureSubject::OverlapMatrix => format!("overlap-{}.{extension}", self.state.date),
        }
    }

    pub(super) fn request_image(
        &mut self,
        ctx: &egui::Context,
        format: ImageFormat,
        request: ImageRequest,
    ) {
        let name = self.picture_name(&request, format.extension());
        self.pending_image = Some(request);
        self.ask_for(ctx, Purpose::Image(format), name);
    }

    pub(super) fn request_sequence(&mut self, ctx: &egui::Context, request: SequenceRequest) {
        let name = format!("network-{}-{}.gif", request.from, request.to);
        self.pending_sequence = Some(request);
        self.ask_for(ctx, Purpose::Sequence, name);
    }

    /// Draws the picture on a worker and puts it on the clipboard when done.
    pub(super) fn copy_image(&mut self, ctx: &egui::Context, request: &ImageRequest) {
        let picture = self.picture(request);
        let scale = request.scale;
        self.jobs.spawn(ctx, "Copying the picture", move || {
            JobResult::Copied(
                render::to_raster(&picture, &PngOptions { scale }).map_err(|e| e.to_string()),
            )
        });
    }

    /// A path was chosen for a picture, a sequence or a screenshot.
    pub(super) fn picked_picture(&mut self, ctx: &egui::Context, purpose: Purpose, path: PathBuf) {
        match purpose {
            Purpose::Image(format) => {
                let Some(request) = self.pending_image.take() else {
                    return;
                };
                let path = with_extension(path, format.extension());
                let picture = self.picture(&request);
                let scale = request.scale;
                let label = format!("Drawing {}", crate::state::file_name(&path));
                self.jobs.spawn(ctx, label, move || {
                    let bytes = match format {
                        ImageFormat::Svg => Ok(render::to_svg(&picture).into_bytes()),
                        ImageFormat::Png => render::to_png(&picture, &PngOptions { scale })
                            .map_err(|e| e.to_string()),
                    };
                    let result = bytes.and_then(|bytes| {
                        crate::io::save_atomically(&path, &bytes)
                            .map_err(|e| format!("{}: {e}", path.display()))
                    });
                    JobResult::Exported {
                        path,
                        result: result.map(|()| Vec::new()),
                    }
                });
            }
            Purpose::Sequence => {
                let Some(request) = self.pending_sequence.take() else {
                    return;
                };
                self.write_sequence(ctx, with_extension(path, "gif"), request);
            }
            Purpose::Screenshot => {
                let Some(image) = self.pending_screenshot.take() else {
                    return;
                };
                let path = with_extension(path, "png");
                self.jobs.spawn(ctx, "Saving the screenshot", move || {
                    let [width, height] = image.size;
                    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
                    let result = render::encode_png(
                        u32::try_from(width).unwrap_or(0),
                        u32::try_from(height).unwrap_or(0),
                        &rgba,
                    )
                    .map_err(|e| e.to_string())
                    .and_then(|bytes| {
                        crate::io::save_atomically(&path, &bytes)
                            .map_err(|e| format!("{}: {e}", path.display()))
                    });
                    JobResult::Exported {
                        path,
                        result: result.map(|()| Vec::new()),
                    }
                });
            }
            _ => {}
        }
    }

    /// Writes the frames (`NAME-frames/frame-0001.png`, …) and the GIF on a worker that
    /// counts the frames for the status line.
    fn write_sequence(&mut self, ctx: &egui::Context, gif_path: PathBuf, request: SequenceRequest) {
        let document: Document = self.document.clone();
        let positions = self.drawn_positions();
        let months = render::sequence_months(request.from, request.to, request.step);
        let sequence = Sequence::plan(
            &document,
            &self.state,
            &positions,
            &request.options,
            &months,
            request.step,
        );
        let total = sequence.len();
        let frames = gif_path.with_extension("").into_os_string();
        let mut frames_dir = frames;
        frames_dir.push("-frames");
        let frames_dir = PathBuf::from(frames_dir);
        let label = format!("Drawing {}", crate::state::file_name(&gif_path));
        let delay_ms = request.delay_ms;
        self.jobs
            .spawn_counting(ctx, label, Some(total), move |done| {
                let result = (|| -> Result<(), String> {
                    std::fs::create_dir_all(&frames_dir)
                        .map_err(|e| format!("{}: {e}", frames_dir.display()))?;
                    let mut gif: Option<GifWriter<std::io::BufWriter<std::fs::File>>> = None;
                    for index in 0..sequence.len() {
                        let Some(picture) = sequence.picture(&document, &positions, index) else {
                            continue;
                        };
                        let (png, raster) =
                            render::to_png_and_raster(&picture, &PngOptions::default())
                                .map_err(|e| e.to_string())?;
                        let frame = frames_dir.join(format!("frame-{:04}.png", index + 1));
                        crate::io::save_atomically(&frame, &png)
                            .map_err(|e| format!("{}: {e}", frame.display()))?;
                        if gif.is_none() {
                            let file = std::fs::File::create(&gif_path)
                                .map_err(|e| format!("{}: {e}", gif_path.display()))?;
                            gif = Some(
                                GifWriter::new(
                                    std::io::BufWriter::new(file),
                                    raster.width,
                                    raster.height,
                                    delay_ms,
                                )
                                .map_err(|e| e.to_string())?,
                            );
                        }
                        if let Some(writer) = gif.as_mut() {
                            writer.add(&raster).map_err(|e| e.to_string())?;
                        }
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                    if let Some(writer) = gif {
                        writer.finish().map_err(|e| e.to_string())?;
                    }
                    Ok(())
                })();
                JobResult::Exported {
                    path: gif_path,
                    result: result.map(|()| Vec::new()),
                }
            });
    }

    /// Asks the window for a screenshot; it arrives as an event a frame or two later.
    pub(super) fn take_screenshot(&mut self, ctx: &egui::Context) {
        self.screenshot_wanted = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(egui::UserData::default()));
    }

    /// Picks up a screenshot the window delivered, then asks where to save it.
    pub(super) fn screenshot_events(&mut self, ctx: &egui::Context) {
        if !self.screenshot_wanted {
            return;
        }
        let image = ctx.input(|input| {
            input.events.iter().find_map(|event| match event {
                egui::Event::Screenshot { image, .. } => Some(Arc::clone(image)),
                _ => None,
            })
        });
        if let Some(image) = image {
            self.screenshot_wanted = false;
            self.pending_screenshot = Some(image);
            let name = format!("minilateral-{}.png", self.state.date);
            self.ask_for(ctx, Purpose::Screenshot, name);
        }
    }
}

/// The path with this extension, added when it has another or none.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    let matches = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if matches {
        path
    } else {
        let mut name = path.into_os_string();
        name.push(".");
        name.push(extension);
        PathBuf::from(name)
    }
}
