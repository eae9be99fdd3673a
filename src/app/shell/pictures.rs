//! Pictures from the app: export a PNG or SVG of the view, copy it to the clipboard, write a
//! year-by-year sequence with an animated GIF or as an MP4 video, save a screenshot of the
//! window. Pictures are described on the UI thread (a few milliseconds) and drawn and
//! written on workers; a video shows its frames in the status line and can be cancelled.

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::MinilateralApp;
use crate::app::jobs::{JobResult, Purpose};
use crate::document::file_name;
use crate::render::{
    self, ImageFormat, ImageRequest, MatrixPicture, Picture, PictureSubject, PngOptions,
    RenderError, Sequence, SequenceFiles, SequenceRequest, VideoOptions,
};
use crate::timeline::{MATRIX_MAX_BODIES, OverlapMatrix};
use crate::ui::{ExportForm, PictureCommand};

/// A picture waiting for the file name it is written to.
enum Waiting {
    /// A PNG or SVG of the view.
    Image(ImageRequest),
    /// Frames and a GIF.
    Sequence(SequenceRequest),
    /// An MP4 video.
    Video(SequenceRequest, VideoOptions),
    /// A screenshot of the window.
    Screenshot(Arc<egui::ColorImage>),
    /// A lesson's handout.
    Handout(usize),
}

/// The pictures part of the app: the export window's form and what waits for a file name.
#[derive(Default)]
pub(super) struct Pictures {
    /// The export window's form, when open.
    form: Option<ExportForm>,
    /// A picture whose file dialog is open.
    waiting: Option<Waiting>,
    /// A screenshot was asked for and has not arrived yet.
    screenshot_wanted: bool,
}

impl Pictures {
    /// The file dialog was cancelled: nothing is written.
    pub(super) fn cancel(&mut self) {
        self.waiting = None;
    }
}

/// The picture a request asks for, of the view: the network as drawn at `positions`, or
/// the overlap matrix at the view's date.
pub(super) fn picture_of(
    document: &crate::document::Document,
    view: &crate::scene::View,
    positions: &[[f32; 2]],
    request: &ImageRequest,
) -> Picture {
    match request.subject {
        PictureSubject::Network if !request.compare.is_empty() => {
            let views = render::compare_views(view, &request.compare);
            render::compare_picture(document, &views, positions, &request.options)
        }
        PictureSubject::Network => {
            render::picture_of_view(document, view, positions, &request.options)
        }
        PictureSubject::OverlapMatrix => {
            let matrix = OverlapMatrix::at(
                &document.timeline,
                view.date.end(),
                view.level,
                &request.options.focus,
                MATRIX_MAX_BODIES,
            );
            MatrixPicture::build(document, &matrix, view, &request.options).picture
        }
    }
}

impl MinilateralApp {
    /// The picture a request asks for, of the view shown: the network as drawn (with the
    /// user's drags), or the overlap matrix at the date.
    pub fn picture(&self, request: &ImageRequest) -> Picture {
        let positions = self.network.drawn_positions(&self.document);
        picture_of(&self.document, &self.state.view, &positions, request)
    }

    /// The export window's preview, while the window is open (for tests).
    pub fn export_preview(&self) -> Option<&Picture> {
        self.pictures.form.as_ref().and_then(ExportForm::preview)
    }

    /// Opens the export window on the view as it is.
    pub(super) fn open_export_window(&mut self) {
        self.pictures.form = Some(ExportForm::new(&self.document, &self.state));
    }

    /// The export window, its preview kept while the view, the graph and the request stay
    /// the same.
    pub(super) fn export_window_ui(&mut self, ctx: &egui::Context) {
        let Some(mut form) = self.pictures.form.take() else {
            return;
        };
        let request = form.request(&self.document, &self.state);
        let key = (self.state.view.clone(), self.network.version, request);
        if !form.previews(&key) {
            let picture = self.picture(&key.2);
            form.set_preview(key, picture);
        }
        let outcome = crate::ui::export_dialog_ui(ctx, &mut form, &self.document, &self.state);
        if let Some(command) = outcome.command {
            self.queue.pictures.push(command);
        }
        if outcome.open {
            self.pictures.form = Some(form);
        }
    }

    /// Performs one picture command.
    pub(super) fn run_picture_command(&mut self, ctx: &egui::Context, command: PictureCommand) {
        match command {
            PictureCommand::Export(format, request) => self.request_image(ctx, format, request),
            PictureCommand::Copy(request) => self.copy_image(ctx, &request),
            PictureCommand::ExportSequence(request) => self.request_sequence(ctx, request),
            PictureCommand::ExportVideo(request, video) => {
                let name = format!("network-{}-{}.mp4", request.from, request.to);
                self.pictures.waiting = Some(Waiting::Video(request, video));
                self.ask_for(ctx, Purpose::Video, name);
            }
            PictureCommand::CancelVideo => self.jobs.cancel(),
            PictureCommand::ExportLesson(lesson) => {
                let Some(name) = self.document.dataset.lessons.get(lesson).map(|lesson| {
                    let stem: String = lesson
                        .name
                        .chars()
                        .map(|c| if c.is_alphanumeric() { c } else { '-' })
                        .collect();
                    format!("{stem}.pdf")
                }) else {
                    return;
                };
                self.pictures.waiting = Some(Waiting::Handout(lesson));
                self.ask_for(ctx, Purpose::Handout, name);
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
            PictureSubject::Network => format!("{subject}-{}.{extension}", self.state.view.date),
            PictureSubject::OverlapMatrix => {
                format!("overlap-{}.{extension}", self.state.view.date)
            }
        }
    }

    fn request_image(&mut self, ctx: &egui::Context, format: ImageFormat, request: ImageRequest) {
        let name = self.picture_name(&request, format.extension());
        self.pictures.waiting = Some(Waiting::Image(request));
        self.ask_for(ctx, Purpose::Image(format), name);
    }

    fn request_sequence(&mut self, ctx: &egui::Context, request: SequenceRequest) {
        let name = format!("network-{}-{}.gif", request.from, request.to);
        self.pictures.waiting = Some(Waiting::Sequence(request));
        self.ask_for(ctx, Purpose::Sequence, name);
    }

    /// Draws the picture on a worker and puts it on the clipboard when done.
    fn copy_image(&mut self, ctx: &egui::Context, request: &ImageRequest) {
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
        match (purpose, self.pictures.waiting.take()) {
            (Purpose::Image(format), Some(Waiting::Image(request))) => {
                let path = with_extension(path, format.extension());
                let picture = self.picture(&request);
                let scale = request.scale;
                let label = format!("Drawing {}", file_name(&path));
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
            (Purpose::Sequence, Some(Waiting::Sequence(request))) => {
                self.write_sequence(ctx, with_extension(path, "gif"), request);
            }
            (Purpose::Handout, Some(Waiting::Handout(lesson))) => {
                self.write_handout(ctx, with_extension(path, "pdf"), lesson);
            }
            (Purpose::Video, Some(Waiting::Video(request, video))) => {
                self.write_video(ctx, with_extension(path, "mp4"), &request, video);
            }
            (Purpose::Screenshot, Some(Waiting::Screenshot(image))) => {
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

    /// Writes a lesson's PDF handout on a worker: its slides drawn over the view on screen
    /// (theme, arrangement), at the pictures' default size, on A4.
    fn write_handout(&mut self, ctx: &egui::Context, path: PathBuf, lesson: usize) {
        let Some(lesson) = self.document.dataset.lessons.get(lesson).cloned() else {
            return;
        };
        let document = self.document.clone();
        let positions = self.network.drawn_positions(&self.document);
        let base = self.state.view.clone();
        let options = render::RenderOptions {
            theme: base.theme,
            source: Some(render::source_line(&document)),
            ..render::RenderOptions::default()
        };
        let label = format!("Writing {}", file_name(&path));
        self.jobs.spawn(ctx, label, move || {
            let handout = render::lesson_handout(
                &document,
                &lesson,
                &base,
                &positions,
                &options,
                render::Paper::A4,
            );
            let result = render::to_pdf(&handout)
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

    /// Writes the frames (`NAME-frames/frame-0001.png`, …) and the GIF on a worker that
    /// counts the frames for the status line.
    fn write_sequence(&mut self, ctx: &egui::Context, gif_path: PathBuf, request: SequenceRequest) {
        let document = self.document.clone();
        let positions = self.network.drawn_positions(&self.document);
        let months = render::sequence_months(request.from, request.to, request.step);
        let sequence = Sequence::plan(
            &document,
            &self.state.view,
            &positions,
            &request.options,
            &months,
            request.step,
        );
        let total = sequence.len();
        let mut frames_dir = gif_path.with_extension("").into_os_string();
        frames_dir.push("-frames");
        let files = SequenceFiles {
            frames_dir: PathBuf::from(frames_dir),
            gif: Some((gif_path.clone(), request.delay_ms)),
            png: PngOptions::default(),
        };
        let label = format!("Drawing {}", file_name(&gif_path));
        self.jobs
            .spawn_counting(ctx, label, Some(total), move |done| {
                let result =
                    render::write_sequence(&document, &positions, &sequence, &files, |written| {
                        done.store(written, Ordering::Relaxed);
                    });
                JobResult::Exported {
                    path: gif_path,
                    result: result.map(|_| Vec::new()).map_err(|e| e.to_string()),
                }
            });
    }

    /// Writes the MP4 video on a worker that counts its frames for the status line and
    /// stops between two frames when cancelled. Its pictures are drawn at the size the
    /// form asks for, brought within what H.264 encodes (an A4 page is scaled down).
    fn write_video(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        request: &SequenceRequest,
        video: VideoOptions,
    ) {
        let document = self.document.clone();
        let positions = self.network.drawn_positions(&self.document);
        let months = render::sequence_months(request.from, request.to, request.step);
        let options = request.options.for_video();
        let sequence = Sequence::plan(
            &document,
            &self.state.view,
            &positions,
            &options,
            &months,
            request.step,
        );
        let png = PngOptions {
            scale: render::fitting_scale(options.width, options.height),
        };
        let total = video.frame_count(sequence.len());
        let label = format!("Writing {}", file_name(&path));
        self.jobs
            .spawn_cancellable(ctx, label, total, move |done, cancel| {
                let result = render::write_video(
                    &document,
                    &positions,
                    &sequence,
                    &path,
                    &png,
                    &video,
                    |frames| {
                        done.store(frames, Ordering::Relaxed);
                        if cancel.load(Ordering::Relaxed) {
                            ControlFlow::Break(())
                        } else {
                            ControlFlow::Continue(())
                        }
                    },
                );
                match result {
                    Err(RenderError::Cancelled) => {
                        JobResult::Cancelled(format!("{} was not written", file_name(&path)))
                    }
                    result => JobResult::Exported {
                        path,
                        result: result.map(|_| Vec::new()).map_err(|e| e.to_string()),
                    },
                }
            });
    }

    /// Asks the window for a screenshot; it arrives as an event a frame or two later.
    pub(super) fn take_screenshot(&mut self, ctx: &egui::Context) {
        self.pictures.screenshot_wanted = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(egui::UserData::default()));
    }

    /// Picks up a screenshot the window delivered, then asks where to save it.
    pub(super) fn screenshot_events(&mut self, ctx: &egui::Context) {
        if !self.pictures.screenshot_wanted {
            return;
        }
        let image = ctx.input(|input| {
            input.events.iter().find_map(|event| match event {
                egui::Event::Screenshot { image, .. } => Some(Arc::clone(image)),
                _ => None,
            })
        });
        if let Some(image) = image {
            self.pictures.screenshot_wanted = false;
            self.pictures.waiting = Some(Waiting::Screenshot(image));
            let name = format!("minilateral-{}.png", self.state.view.date);
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
