//! The map view: the very [`MapPicture`] that `render --view map` writes, drawn at the
//! panel's size. Hover shows a state's name, status, date and source; a click selects it.
//! The picture and its egui shapes are kept while the view, the dataset and the panel's size
//! stay the same, so an idle map costs one repaint of cached shapes.

use egui::{Pos2, Sense};

use super::Panels;
use super::colour::color32;
use super::picture::PaintedPicture;
use crate::render::{MapPicture, RenderOptions};
use crate::scene::map::WorldMap;
use crate::scene::{Selection, View};
use crate::state::Command;

/// Text and strokes on screen relative to a 1920×1080 slide: a little smaller, since the
/// panel is smaller than a slide.
const SCREEN_UI: f32 = 0.8;
/// Pixels around a small state's dot that still hit it.
const DOT_REACH: f32 = 6.0;

/// The map picture of the last view and panel size, and its egui shapes.
#[derive(Default)]
pub struct MapCache {
    /// What the picture shows: the view, the graph version, the panel's place and size.
    key: Option<(View, u64, [i32; 4])>,
    picture: Option<MapPicture>,
    /// The picture's shapes, turned into egui's once.
    painted: PaintedPicture,
    /// The panel's top-left corner when the picture was drawn.
    origin: Pos2,
}

impl MapCache {
    /// Where a state (by ISO code) is drawn on the screen now, if the map shows it.
    pub fn screen_position(&self, iso3: &str) -> Option<Pos2> {
        let picture = self.picture.as_ref()?;
        let map = WorldMap::embedded().ok()?;
        let [x, y] = picture.fit.screen_from_map(map.place(iso3)?.anchor());
        Some(self.origin + egui::vec2(x, y))
    }
}

/// The map panel. `version` changes with the dataset and the looks.
pub fn map_panel_ui(
    ui: &mut egui::Ui,
    panels: &mut Panels<'_>,
    cache: &mut MapCache,
    version: u64,
) {
    let palette = panels.state.view.theme.palette();
    let frame = egui::Frame::central_panel(ui.style()).fill(color32(palette.background));
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        let rect = ui.max_rect();
        let response = ui.allocate_rect(rect, Sense::click());
        let map = match WorldMap::embedded() {
            Ok(map) => map,
            Err(error) => {
                ui.painter().text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    format!("The map could not be read: {error}"),
                    egui::FontId::proportional(16.0),
                    color32(palette.text),
                );
                return;
            }
        };
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
                title: Some(panels.document.title().to_owned())
                    .filter(|_| !matches!(panels.state.view.selection, Some(Selection::Body(_)))),
                source: None,
                ..RenderOptions::default()
            };
            let picture = MapPicture::build_at(
                panels.document,
                &panels.state.view,
                panels.frame,
                map,
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
            let local = pointer - rect.min;
            map.hit_on_screen(&picture.fit, [local.x, local.y], DOT_REACH)
        });
        if let Some(place) = hovered {
            let look = map
                .countries()
                .iter()
                .position(|c| c.iso3() == place.iso3())
                .and_then(|i| picture.look.countries.get(i))
                .or_else(|| {
                    map.small_states()
                        .iter()
                        .position(|s| s.iso3() == place.iso3())
                        .and_then(|i| picture.look.small_states.get(i))
                });
            if let Some(look) = look {
                let text = picture.look.describe(
                    &panels.document.dataset,
                    &panels.document.timeline,
                    &panels.state.view,
                    look,
                    place.name(),
                );
                let response = response.clone().on_hover_text_at_pointer(text);
                if response.clicked()
                    && let Some(actor) = look.actor
                {
                    panels.emit(Command::Select(Some(Selection::Actor(actor))));
                }
            }
        } else if response.clicked() {
            panels.emit(Command::Select(None));
        }
    });
}
