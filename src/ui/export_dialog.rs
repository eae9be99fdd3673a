//! The "Export image" window: size, theme, legend, title, focus, a preview drawn from the
//! same [`Picture`] the files are written from, and buttons for PNG, SVG, the clipboard and
//! a year-by-year sequence as an animated GIF or an MP4 video.

use super::PictureCommand;
use super::colour::color32;
use super::picture::paint_picture;
use crate::document::Document;
use crate::model::Month;
use crate::render::{
    self, Background, DateStamp, ImageFormat, ImageRequest, Picture, PictureSubject, RenderOptions,
    SIZE_4K, SIZE_A4_300DPI, SequenceRequest, Step, VideoOptions,
};
use crate::scene::View;
use crate::state::{AppState, Selection};
use crate::style::Theme;

/// Picture sizes to choose from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizePreset {
    /// 1920 × 1080, a full-HD slide.
    FullHd,
    /// 3840 × 2160.
    Uhd,
    /// A4 landscape at 300 dpi.
    A4,
}

impl SizePreset {
    const ALL: [Self; 3] = [Self::FullHd, Self::Uhd, Self::A4];

    fn label(self) -> &'static str {
        match self {
            Self::FullHd => "Slide, 1920 × 1080",
            Self::Uhd => "4K slide, 3840 × 2160",
            Self::A4 => "A4 landscape, 300 dpi",
        }
    }

    fn size(self) -> (u32, u32) {
        match self {
            Self::FullHd => render::DEFAULT_SIZE,
            Self::Uhd => SIZE_4K,
            Self::A4 => SIZE_A4_300DPI,
        }
    }
}

/// What a preview shows: the view, the graph's version (positions and the dataset) and the
/// picture's request. The preview is stale exactly when this is `!=` the current one.
pub type PreviewKey = (View, u64, ImageRequest);

/// Frames per second of the videos the window writes.
const VIDEO_FPS: u32 = 30;

/// What the export window holds (UI memory; nothing is written until a button is pressed).
#[derive(Clone, Debug)]
pub struct ExportForm {
    size: SizePreset,
    theme: Theme,
    transparent: bool,
    legend: bool,
    title: String,
    date: bool,
    /// Only the selected body and its members.
    focus: bool,
    from: i32,
    to: i32,
    yearly: bool,
    delay_ms: u32,
    /// Draw the years from `from` to `to` side by side instead of the view's date alone.
    compare: bool,
    /// Years between the compared panels.
    compare_every: i32,
    /// The preview and what it shows.
    preview: Option<(PreviewKey, Picture)>,
}

impl ExportForm {
    /// A form for the view as it is: its theme, its title, the selected body as the focus.
    pub fn new(document: &Document, state: &AppState) -> Self {
        let theme = state.view.theme;
        let focus = matches!(state.view.selection, Some(Selection::Body(_)));
        let focus_ids: Vec<_> = match state.view.selection {
            Some(Selection::Body(body)) => vec![body],
            _ => Vec::new(),
        };
        // A sequence of the selected body runs over its own events, else over the timeline.
        let (from, to) = focus_ids
            .first()
            .and_then(|&body| document.timeline.body_event_span(body, state.range.1.end()))
            .map_or(
                (state.range.0.year(), state.range.1.year()),
                |(first, last)| (first.year(), last.year()),
            );
        Self {
            size: SizePreset::FullHd,
            theme,
            transparent: false,
            legend: true,
            title: render::default_title(document, &focus_ids),
            date: true,
            focus,
            from: i32::from(from),
            to: i32::from(to),
            yearly: true,
            delay_ms: 900,
            compare: false,
            compare_every: ((i32::from(to) - i32::from(from)) / 3).max(1),
            preview: None,
        }
    }

    /// The picture the form describes, of the view in `state`.
    pub fn request(&self, document: &Document, state: &AppState) -> ImageRequest {
        let (width, height) = self.size.size();
        let focus = match state.view.selection {
            Some(Selection::Body(body)) if self.focus => vec![body],
            _ => Vec::new(),
        };
        let title = self.title.trim();
        ImageRequest {
            options: RenderOptions {
                width,
                height,
                theme: self.theme,
                background: if self.transparent {
                    Background::Transparent
                } else {
                    Background::Theme
                },
                title: (!title.is_empty()).then(|| title.to_owned()),
                date_stamp: if self.date {
                    DateStamp::Month
                } else {
                    DateStamp::Off
                },
                legend: self.legend,
                source: Some(render::source_line(document)),
                focus,
                framing: None,
                text_scale: None,
                large_counts: false,
            },
            scale: 1.0,
            subject: PictureSubject::Network,
            compare: if self.compare {
                self.compare_months(state)
            } else {
                Vec::new()
            },
        }
    }

    /// The months "Compare dates" puts side by side: the end of every `compare_every`-th
    /// year from the form's first year to its last (and the last), inside the timeline.
    fn compare_months(&self, state: &AppState) -> Vec<Month> {
        let (from, to) = (self.from.min(self.to), self.from.max(self.to));
        let every = self.compare_every.max(1);
        let year_end = |year: i32| Month::new(i16::try_from(year).unwrap_or(i16::MAX), 12);
        let mut years: Vec<i32> = (from..=to).step_by(every as usize).collect();
        if years.last().is_some_and(|&last| last < to) {
            years.push(to);
        }
        let mut months: Vec<Month> = years
            .into_iter()
            .map(|year| year_end(year).clamp(state.range.0, state.range.1))
            .collect();
        months.dedup();
        months.truncate(render::MAX_PANELS);
        months
    }

    /// Whether the preview shows `key` (else the app draws a new one).
    pub fn previews(&self, key: &PreviewKey) -> bool {
        self.preview.as_ref().is_some_and(|(shown, _)| shown == key)
    }

    /// The picture the preview shows.
    pub fn preview(&self) -> Option<&Picture> {
        self.preview.as_ref().map(|(_, picture)| picture)
    }

    /// Sets the preview.
    pub fn set_preview(&mut self, key: PreviewKey, picture: Picture) {
        self.preview = Some((key, picture));
    }
}

/// What the export window did this frame.
#[derive(Debug, Default)]
pub struct ExportOutcome {
    /// Whether it stays open.
    pub open: bool,
    /// What to do.
    pub command: Option<PictureCommand>,
}

/// The export window.
pub fn export_dialog_ui(
    ctx: &egui::Context,
    form: &mut ExportForm,
    document: &Document,
    state: &AppState,
) -> ExportOutcome {
    let mut open = true;
    let mut command = None;
    egui::Window::new("Export image")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            if let Some((_, picture)) = &form.preview {
                preview_ui(ui, picture);
            }
            ui.add_space(6.0);
            egui::Grid::new("export_form")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label("Size");
                    egui::ComboBox::from_id_salt("export_size")
                        .selected_text(form.size.label())
                        .show_ui(ui, |ui| {
                            for size in SizePreset::ALL {
                                ui.selectable_value(&mut form.size, size, size.label());
                            }
                        });
                    ui.end_row();
                    ui.label("Colours");
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut form.theme, Theme::Light, "Light");
                        ui.selectable_value(&mut form.theme, Theme::Dark, "Dark");
                        ui.checkbox(&mut form.transparent, "Transparent background");
                    });
                    ui.end_row();
                    let title = ui.label("Title");
                    ui.text_edit_singleline(&mut form.title)
                        .labelled_by(title.id);
                    ui.end_row();
                    ui.label("Show");
                    ui.horizontal(|ui| {
                        ui.checkbox(&mut form.legend, "Legend");
                        ui.checkbox(&mut form.date, "Date");
                    });
                    ui.end_row();
                    if let Some(Selection::Body(body)) = state.view.selection {
                        let name = document
                            .dataset
                            .bodies
                            .get(body.index())
                            .map_or("the selected body", |b| b.label());
                        ui.label("Focus");
                        ui.checkbox(&mut form.focus, format!("Only {name} and its members"));
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
            let request = form.request(document, state);
            ui.horizontal(|ui| {
                if ui.button("Save PNG…").clicked() {
                    command = Some(PictureCommand::Export(ImageFormat::Png, request.clone()));
                }
                if ui.button("Save SVG…").clicked() {
                    command = Some(PictureCommand::Export(ImageFormat::Svg, request.clone()));
                }
                if ui.button("Copy image").clicked() {
                    command = Some(PictureCommand::Copy(request.clone()));
                }
            });
            ui.separator();
            ui.strong("Over time");
            ui.horizontal(|ui| {
                let (first, last) = (
                    i32::from(state.range.0.year()),
                    i32::from(state.range.1.year()),
                );
                ui.label("From");
                ui.add(egui::DragValue::new(&mut form.from).range(first..=last));
                ui.label("to");
                ui.add(egui::DragValue::new(&mut form.to).range(first..=last));
                ui.selectable_value(&mut form.yearly, true, "Yearly");
                ui.selectable_value(&mut form.yearly, false, "Monthly");
            });
            ui.horizontal(|ui| {
                ui.checkbox(&mut form.compare, "Compare dates")
                    .on_hover_text(
                        "The years below side by side in one picture, one panel each, with one \
                         legend",
                    );
                ui.add_enabled_ui(form.compare, |ui| {
                    let every = ui.label("every");
                    ui.add(egui::DragValue::new(&mut form.compare_every).range(1..=50))
                        .labelled_by(every.id);
                    ui.label("years");
                });
            });
            ui.horizontal(|ui| {
                let each = ui.label("Each step shows for");
                ui.add(
                    egui::DragValue::new(&mut form.delay_ms)
                        .range(100..=5000)
                        .suffix(" ms"),
                )
                .labelled_by(each.id);
            });
            ui.horizontal(|ui| {
                if ui
                    .button("Save GIF and frames…")
                    .on_hover_text("An animated GIF, and numbered PNG frames in a folder beside it")
                    .clicked()
                {
                    command = Some(PictureCommand::ExportSequence(sequence_request(
                        form, &request, state,
                    )));
                }
                if ui
                    .button("Save MP4…")
                    .on_hover_text(
                        "An H.264 video for slides: each step fades into the next, the counts run up",
                    )
                    .clicked()
                {
                    let video = VideoOptions {
                        fps: VIDEO_FPS,
                        seconds_per_step: form.delay_ms as f32 / 1000.0,
                    };
                    command = Some(PictureCommand::ExportVideo(
                        sequence_request(form, &request, state),
                        video,
                    ));
                }
            });
        });
    ExportOutcome { open, command }
}

/// The sequence the form asks for: the picture's options, one step a year (at its end) or
/// a month, from and to the years chosen.
fn sequence_request(
    form: &ExportForm,
    request: &ImageRequest,
    state: &AppState,
) -> SequenceRequest {
    let (from, to) = (form.from.min(form.to), form.from.max(form.to));
    // Each frame shows the network at the end of its year.
    let year_end = |year: i32| Month::new(i16::try_from(year).unwrap_or(i16::MAX), 12);
    let mut options = request.options.clone();
    if form.yearly && form.date {
        options.date_stamp = DateStamp::Year;
    }
    SequenceRequest {
        options,
        from: year_end(from).clamp(state.range.0, state.range.1),
        to: year_end(to).clamp(state.range.0, state.range.1),
        step: if form.yearly { Step::Year } else { Step::Month },
        delay_ms: form.delay_ms,
    }
}

/// The picture, scaled into the window: the same shapes the files are written from.
fn preview_ui(ui: &mut egui::Ui, picture: &Picture) {
    let width = ui.available_width().clamp(300.0, 460.0);
    let scale = width / picture.width.max(1.0);
    let size = egui::vec2(width, picture.height * scale);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let checker = ui.visuals().faint_bg_color;
    ui.painter_at(rect)
        .rect_filled(rect, 2.0, picture.background.map_or(checker, color32));
    paint_picture(&ui.painter_at(rect), rect.min, scale, picture);
}
