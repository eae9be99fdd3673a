//! The legend: exactly what the network draws at the current view. Its sections, rows and
//! swatches are [`crate::render::shapes`]' own, the ones the pictures' legend shows.

use egui::Vec2;

use super::Panels;
use super::colour::theme_of;
use super::picture::egui_shapes;
use crate::render::Stroke;
use crate::render::shapes::{SWATCH_WIDTH, legend_sections, swatch_shapes};

const SWATCH: Vec2 = Vec2::new(SWATCH_WIDTH * 0.8, 16.0);

/// The legend.
pub fn legend_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) {
    let palette = theme_of(ui.ctx()).palette();
    let outline = Stroke {
        colour: palette.muted,
        width: 1.0,
    };
    let sections = legend_sections(
        &panels.frame.legend,
        panels.state.view.body_colouring,
        &palette,
    );
    ui.spacing_mut().item_spacing.y = 2.0;
    for (i, section) in sections.iter().enumerate() {
        if i > 0 {
            ui.add_space(4.0);
        }
        ui.strong(section.heading);
        for (swatch, text) in &section.rows {
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(SWATCH, egui::Sense::hover());
                let mut picture = Vec::new();
                let centre = rect.center();
                swatch_shapes(*swatch, [centre.x, centre.y], 0.8, outline, &mut picture);
                let mut shapes = Vec::new();
                for shape in &picture {
                    egui_shapes(shape, |[x, y]| egui::pos2(x, y), 1.0, &mut shapes);
                }
                ui.painter().extend(shapes);
                ui.label(text);
            });
        }
        if let Some(note) = section.note {
            ui.weak(note);
        }
    }
}
