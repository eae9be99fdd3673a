//! Presenter mode (F5): the lesson's slides full screen, one at a time, each the slide's
//! picture at the screen's size with its caption in large type below. → Page Down and
//! Space go on, ← Page Up and Backspace go back (presentation clickers send these), Home
//! and End jump, B or . blanks the screen, Esc leaves. Between slides the date counts, the
//! camera glides and joiners are ringed as they come, in under a second.

use std::time::Duration;

use super::MinilateralApp;
use crate::render::{self, Framing, RenderOptions, SlideMove};
use crate::scene::View;
use crate::state::{SlideRef, slide_at};
use crate::ui::{self, PaintedPicture};

/// How long the move between two slides takes, in seconds.
pub const MOVE_SECONDS: f64 = 0.8;

/// Presenter mode's state.
pub(super) struct Presenter {
    /// The slide shown.
    at: SlideRef,
    /// The screen is blank (B).
    blank: bool,
    /// The slide's picture as drawn, and what it was drawn for.
    shown: Option<Shown>,
    /// The move from the previous slide, while it runs: the move, when it began (egui's
    /// clock) and the previous picture (to dissolve from).
    moving: Option<(SlideMove, f64, PaintedPicture)>,
}

/// A slide's picture on screen.
struct Shown {
    /// The slide, the picture's size and the theme it was drawn for.
    key: (SlideRef, [u32; 2], View),
    view: View,
    framing: Option<Framing>,
    painted: PaintedPicture,
    /// The network's positions it was drawn at (the move's pictures use them too).
    positions: Vec<[f32; 2]>,
}

/// What a key asks of presenter mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PresenterKey {
    Next,
    Previous,
    First,
    Last,
    Blank,
    Leave,
}

impl Presenter {
    pub(super) fn new(at: SlideRef) -> Self {
        Self {
            at,
            blank: false,
            shown: None,
            moving: None,
        }
    }
}

impl MinilateralApp {
    /// The slide presenter mode shows and whether the screen is blank, while it runs (for
    /// tests).
    pub fn presenting(&self) -> Option<(SlideRef, bool)> {
        self.presenter
            .as_ref()
            .map(|presenter| (presenter.at, presenter.blank))
    }

    /// Starts presenting the Lesson window's slide (or the first lesson), full screen.
    pub(super) fn start_presenting(&mut self, ctx: &egui::Context) {
        let mut at = self.memory.lesson.current();
        if slide_at(&self.document, at).is_none() {
            at = SlideRef {
                lesson: 0,
                slide: 0,
            };
        }
        if slide_at(&self.document, at).is_none() {
            self.show_message(
                "Nothing to present",
                "This dataset has no lesson with slides yet. Open View > Lessons and add a view as a slide.",
            );
            return;
        }
        self.state.playing = false;
        self.presenter = Some(Presenter::new(at));
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    fn stop_presenting(&mut self, ctx: &egui::Context) {
        if let Some(presenter) = self.presenter.take() {
            // Back in the window, the Lesson window follows the slide shown last.
            self.memory.lesson.lesson = presenter.at.lesson;
            self.memory.lesson.slide = presenter.at.slide;
            if let Some(command) =
                crate::state::show_slide(&self.document, &self.state, presenter.at)
            {
                self.state.apply(command);
            }
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    /// Presenter mode's frame: keys, then the picture and the caption.
    pub(super) fn presenter_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        for key in presenter_keys(ctx) {
            if key == PresenterKey::Leave {
                self.stop_presenting(ctx);
                return;
            }
            self.presenter_key(key);
        }
        let Some(presenter) = self.presenter.as_mut() else {
            return;
        };
        let palette = self.state.view.theme.palette();
        let rect = ui.max_rect();
        let painter = ui.painter_at(rect);
        if presenter.blank {
            painter.rect_filled(rect, 0.0, egui::Color32::BLACK);
            return;
        }
        let Some(slide) = slide_at(&self.document, presenter.at) else {
            self.stop_presenting(ctx);
            return;
        };
        let lesson_len = slide_count(&self.document, presenter.at.lesson);
        let band = ui::caption_band_height(rect.height(), !slide.caption.is_empty());
        let picture_rect =
            egui::Rect::from_min_max(rect.min, egui::pos2(rect.max.x, rect.max.y - band));
        let size = [
            picture_rect.width().round().max(1.0) as u32,
            picture_rect.height().round().max(1.0) as u32,
        ];
        let view = View::of_slide(slide, &self.document.timeline, &self.state.view);
        let options = RenderOptions {
            width: size[0],
            height: size[1],
            theme: view.theme,
            title: None,
            source: Some(render::source_line(&self.document)),
            ..RenderOptions::default()
        };
        let key = (presenter.at, size, view.clone());
        if presenter.shown.as_ref().map(|shown| &shown.key) != Some(&key) {
            let positions = self.network.drawn_positions(&self.document);
            let framing =
                render::framing_of_slide(&self.document, &view, slide, &positions, &options);
            let picture = render::picture_at(&self.document, &view, &positions, &options, framing);
            let painted = PaintedPicture::new(&picture, picture_rect.min);
            let now = ctx.input(|input| input.time);
            let previous = presenter.shown.take();
            presenter.moving = previous
                .filter(|previous| previous.key.0 != presenter.at)
                .map(|previous| {
                    let step = SlideMove {
                        from: previous.view,
                        from_framing: previous.framing,
                        to: view.clone(),
                        to_framing: framing,
                    };
                    (step, now, previous.painted)
                });
            presenter.shown = Some(Shown {
                key,
                view: view.clone(),
                framing,
                painted,
                positions,
            });
        }
        painter.rect_filled(rect, 0.0, crate::ui::colour::color32(palette.background));
        let now = ctx.input(|input| input.time);
        let t = presenter
            .moving
            .as_ref()
            .map(|(_, began, _)| ((now - began) / MOVE_SECONDS) as f32);
        match (&presenter.moving, &presenter.shown, t) {
            (Some((step, _, previous)), Some(shown), Some(t)) if t < 1.0 => {
                if step.glides() {
                    let picture = render::picture_at(
                        &self.document,
                        &step.view_at(t),
                        &shown.positions,
                        &options,
                        step.framing_at(t),
                    );
                    PaintedPicture::new(&picture, picture_rect.min).paint(&painter);
                } else {
                    let eased = render::ease(t);
                    let mut fading = painter.clone();
                    fading.set_opacity(1.0 - eased);
                    previous.paint(&fading);
                    let mut coming = painter.clone();
                    coming.set_opacity(eased);
                    shown.painted.paint(&coming);
                }
                ctx.request_repaint_after(Duration::from_millis(16));
            }
            (_, Some(shown), _) => {
                presenter.moving = None;
                shown.painted.paint(&painter);
            }
            _ => {}
        }
        let band_rect =
            egui::Rect::from_min_max(egui::pos2(rect.min.x, rect.max.y - band), rect.max);
        let place = format!("{} / {lesson_len}", presenter.at.slide + 1);
        ui::paint_caption_band(
            ui,
            band_rect,
            &palette,
            &slide.title,
            &slide.caption,
            &place,
        );
    }

    fn presenter_key(&mut self, key: PresenterKey) {
        let Some(presenter) = self.presenter.as_mut() else {
            return;
        };
        let count = slide_count(&self.document, presenter.at.lesson);
        let last = count.saturating_sub(1);
        let slide = &mut presenter.at.slide;
        match key {
            PresenterKey::Blank => presenter.blank = !presenter.blank,
            // Any move shows the screen again, as presentation programs do.
            PresenterKey::Next => {
                presenter.blank = false;
                *slide = (*slide + 1).min(last);
            }
            PresenterKey::Previous => {
                presenter.blank = false;
                *slide = slide.saturating_sub(1);
            }
            PresenterKey::First => {
                presenter.blank = false;
                *slide = 0;
            }
            PresenterKey::Last => {
                presenter.blank = false;
                *slide = last;
            }
            PresenterKey::Leave => {}
        }
    }
}

/// How many slides the lesson at `lesson` has.
fn slide_count(document: &crate::document::Document, lesson: usize) -> usize {
    document
        .dataset
        .lessons
        .get(lesson)
        .map_or(0, |lesson| lesson.slides.len())
}

/// The keys pressed this frame that presenter mode answers, in order.
fn presenter_keys(ctx: &egui::Context) -> Vec<PresenterKey> {
    use egui::{Key, Modifiers};
    let table = [
        (Key::ArrowRight, PresenterKey::Next),
        (Key::PageDown, PresenterKey::Next),
        (Key::Space, PresenterKey::Next),
        (Key::ArrowDown, PresenterKey::Next),
        (Key::ArrowLeft, PresenterKey::Previous),
        (Key::PageUp, PresenterKey::Previous),
        (Key::Backspace, PresenterKey::Previous),
        (Key::ArrowUp, PresenterKey::Previous),
        (Key::Home, PresenterKey::First),
        (Key::End, PresenterKey::Last),
        (Key::B, PresenterKey::Blank),
        (Key::Period, PresenterKey::Blank),
        (Key::Escape, PresenterKey::Leave),
        (Key::F5, PresenterKey::Leave),
    ];
    let mut keys = Vec::new();
    for (key, action) in table {
        let presses = ctx.input_mut(|input| input.count_and_consume_key(Modifiers::NONE, key));
        keys.extend(std::iter::repeat_n(action, presses));
    }
    keys
}
