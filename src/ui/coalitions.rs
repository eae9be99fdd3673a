//! The coalition view: a slider for the tie threshold, then the very [`CoalitionPicture`]
//! that `render --view coalitions` writes, drawn at the panel's size. Hover shows a body's
//! name, members and closest coalitions; a click selects it everywhere. The picture and its
//! egui shapes are kept while the view, the dataset and the panel's size stay the same.

use egui::{Pos2, Sense};

use super::Panels;
use super::colour::color32;
use super::picture::PaintedPicture;
use crate::render::{CoalitionPicture, RenderOptions};
use crate::scene::{Selection, View};
use crate::state::Command;
use crate::timeline::BodyIx;

/// Text and strokes on screen relative to a 1920×1080 slide, as the map view draws them.
const SCREEN_UI: f32 = 0.8;
/// Pixels around a body that still hit it.
const BODY_REACH: f32 = 3.0;
/// The accessible label of the threshold slider.
pub const TIE_THRESHOLD_LABEL: &str = "Ties from";

/// The coalition picture of the last view and panel size, and its egui shapes.
#[derive(Default)]
pub struct CoalitionCache {
    /// What the picture shows: the view, the graph version, the panel's place and size.
    key: Option<(View, u64, [i32; 4])>,
    picture: Option<CoalitionPicture>,
    /// The picture's shapes, turned into egui's once.
    painted: PaintedPicture,
    /// The picture's top-left corner on the screen.
    origin: Pos2,
}

impl CoalitionCache {
    /// Where a body is drawn on the screen now, if the view shows it.
    pub fn screen_position(&self, body: BodyIx) -> Option<Pos2> {
        let [x, y] = self.picture.as_ref()?.position(body)?;
        Some(self.origin + egui::vec2(x, y))
    }
}

/// The coalition panel. `version` changes with the dataset and the looks.
pub fn coalitions_panel_ui(
    ui: &mut egui::Ui,
    panels: &mut Panels<'_>,
    cache: &mut CoalitionCache,
    version: u64,
) {
    let palette = panels.state.view.theme.palette();
    let frame = egui::Frame::central_panel(ui.style()).fill(color32(palette.background));
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        threshold_ui(ui, panels);
        let rect = ui.available_rect_before_wrap();
        let response = ui.allocate_rect(rect, Sense::click());
        let size = [rect.width().round() as u32, rect.height().round() as u32];
        let place = [
            rect.min.x.round() as i32,
            rect.min.y.round() as i32,
            size[0] as i32,
            size[1] as i32,
        ];
        let key = (panels.state.view.clone(), version, place);
        if cache.key.as_ref() != Some(&key) {
            let options = RenderOptions {
                width: size[0].max(1),
                height: size[1].max(1),
                theme: panels.state.view.theme,
                title: Some(panels.document.title().to_owned()),
                source: None,
                ..RenderOptions::default()
            };
            let picture = CoalitionPicture::build_at(
                panels.document,
                &panels.state.view,
                panels.frame,
                &options,
                SCREEN_UI,
            );
            let origin = rect.min;
            cache.painted = PaintedPicture::new(&picture.picture, origin);
            cache.picture = Some(picture);
            cache.origin = origin;
            cache.key = Some(key);
        }
        let painter = ui.painter_at(rect);
        cache.painted.paint(&painter);
        let Some(picture) = &cache.picture else {
            return;
        };
        let hovered = response.hover_pos().and_then(|pointer| {
            let local = pointer - cache.origin;
            picture.hit([local.x, local.y], BODY_REACH)
        });
        if let Some(body) = hovered {
            let text = picture
                .scene
                .describe(&panels.document.dataset, &panels.state.view, body);
            let response = response.clone().on_hover_text_at_pointer(text);
            if response.clicked() {
                panels.emit(Command::Select(Some(Selection::Body(body))));
            }
        } else if response.clicked() {
            panels.emit(Command::Select(None));
        }
    });
}

/// The tie threshold: a slider in percent, and what it means.
fn threshold_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) {
    let mut percent = panels.state.view.tie_threshold_percent;
    ui.horizontal(|ui| {
        let label = ui.label(TIE_THRESHOLD_LABEL);
        let slider = ui
            .add(egui::Slider::new(&mut percent, 0..=100).suffix("% alike"))
            .labelled_by(label.id)
            .on_hover_text(
                "Tie two bodies only when they are at least this alike: members of both over \
                 members of either",
            );
        if slider.changed() {
            panels.emit(Command::SetTieThreshold(percent));
        }
    });
}
