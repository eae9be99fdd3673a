//! The overlap matrix: every pair of bodies with members at the date, shaded by how alike
//! their memberships are, alike bodies side by side. It follows the timeline, so playing
//! shows coalitions drifting together or apart.

use egui::{Align2, FontId, Pos2, Rect, Sense, Vec2};

use super::Panels;
use super::colour::{color32, theme_of};
use crate::model::{Level, Word};
use crate::scene::NodeRef;
use crate::state::{Command, Month, Selection};
use crate::timeline::{BodyIx, Overlap, matrix_order};

/// At most this many bodies (the largest at the date) are shown.
const MATRIX_MAX_BODIES: usize = 40;
/// The side of one cell, in points.
const CELL: f32 = 15.0;
/// Room for the row and column names.
const NAMES: f32 = 150.0;

/// The matrix of the last date and level asked for, kept while they stay the same.
#[derive(Default)]
pub struct OverlapView {
    key: Option<(Month, Level, u64)>,
    overlap: Option<Overlap>,
    order: Vec<BodyIx>,
}

impl OverlapView {
    /// The matrix for the panels' date and level; `version` changes with the dataset.
    fn update(&mut self, panels: &Panels<'_>, version: u64) {
        let key = (panels.state.date, panels.state.level, version);
        if self.key == Some(key) {
            return;
        }
        let timeline = &panels.document.timeline;
        let overlap = Overlap::at(timeline, panels.state.date.end(), panels.state.level);
        let mut largest: Vec<BodyIx> = (0..overlap.body_count())
            .map(|b| BodyIx(u32::try_from(b).unwrap_or(u32::MAX)))
            .filter(|&b| overlap.size(b) > 0)
            .collect();
        largest.sort_by(|&a, &b| overlap.size(b).cmp(&overlap.size(a)).then(a.cmp(&b)));
        largest.truncate(MATRIX_MAX_BODIES);
        self.order = matrix_order(&overlap, &largest);
        self.overlap = Some(overlap);
        self.key = Some(key);
    }
}

/// The cell under `pointer`: (row, column) in the matrix whose top-left corner is `origin`.
pub fn cell_at(origin: Pos2, count: usize, pointer: Pos2) -> Option<(usize, usize)> {
    let offset = pointer - origin;
    if offset.x < 0.0 || offset.y < 0.0 {
        return None;
    }
    let (column, row) = ((offset.x / CELL) as usize, (offset.y / CELL) as usize);
    (row < count && column < count).then_some((row, column))
}

/// The overlap window, while `prefs.show_overlap` is on.
pub fn overlap_window_ui(
    ctx: &egui::Context,
    panels: &mut Panels<'_>,
    view: &mut OverlapView,
    version: u64,
) {
    let mut open = panels.prefs.show_overlap;
    if !open {
        return;
    }
    view.update(panels, version);
    let mut clicked = None;
    egui::Window::new("How the bodies overlap")
        .open(&mut open)
        .resizable(false)
        .default_pos(ctx.content_rect().right_top() + Vec2::new(-620.0, 60.0))
        .show(ctx, |ui| {
            let (Some(overlap), order) = (&view.overlap, &view.order) else {
                return;
            };
            ui.label(format!(
                "Members shared at {} ({}); the stronger the colour, the more alike: shared \
                 members over the members of either. Alike bodies sit together.",
                panels.state.date,
                panels.state.level.label().to_lowercase()
            ));
            if order.is_empty() {
                ui.weak("No body has members at this date.");
                return;
            }
            clicked = matrix_ui(ui, panels, overlap, order);
            scale_ui(ui);
            ui.weak("Click a cell to select its row's body; hover for the numbers.");
        });
    panels.prefs.show_overlap = open;
    if let Some(body) = clicked {
        panels.emit(Command::Select(Some(Selection::Body(body))));
    }
}

/// The colour scale: from nothing shared to the same members.
fn scale_ui(ui: &mut egui::Ui) {
    let palette = theme_of(ui.ctx()).palette();
    let (empty, full) = (color32(palette.background), color32(palette.scale));
    ui.horizontal(|ui| {
        ui.weak("similarity 0");
        let (strip, _) = ui.allocate_exact_size(Vec2::new(10.0 * CELL, CELL), Sense::hover());
        for step in 0..10 {
            let value = (step as f32 + 0.5) / 10.0;
            let cell = Rect::from_min_size(
                strip.min + Vec2::new(step as f32 * CELL, 0.0),
                Vec2::splat(CELL),
            );
            ui.painter().rect_filled(
                cell.shrink(0.5),
                1.0,
                empty.lerp_to_gamma(full, value.sqrt()),
            );
        }
        ui.weak("1 (the same members)");
    });
}

fn matrix_ui(
    ui: &mut egui::Ui,
    panels: &Panels<'_>,
    overlap: &Overlap,
    order: &[BodyIx],
) -> Option<BodyIx> {
    let palette = theme_of(ui.ctx()).palette();
    let document = panels.document;
    let count = order.len();
    let side = count as f32 * CELL;
    let (area, _) = ui.allocate_exact_size(Vec2::splat(NAMES + side), Sense::hover());
    let origin = area.min + Vec2::splat(NAMES);
    let matrix = Rect::from_min_size(origin, Vec2::splat(side));
    let response = ui.interact(matrix, ui.id().with("overlap_matrix"), Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::WidgetType::Other, true, "Overlap matrix cells")
    });
    let painter = ui.painter_at(area);
    let selected = match panels.state.selection {
        Some(Selection::Body(body)) => order.iter().position(|&b| b == body),
        _ => None,
    };
    let text = color32(palette.text);
    let font = FontId::proportional(11.0);
    for (i, &body) in order.iter().enumerate() {
        let name = document.node_label(NodeRef::Body(body));
        let y = origin.y + (i as f32 + 0.5) * CELL;
        let row_name = ui.put(
            Rect::from_min_max(
                Pos2::new(area.min.x, y - CELL / 2.0),
                Pos2::new(origin.x - 4.0, y + CELL / 2.0),
            ),
            egui::Label::new(egui::RichText::new(name).size(11.0).color(text))
                .truncate()
                .halign(egui::Align::Max),
        );
        row_name.on_hover_text(format!("{name}: {} members", overlap.size(body)));
        // Column names, written upwards.
        let galley = painter.layout_no_wrap(name.to_owned(), font.clone(), text);
        let x = origin.x + (i as f32 + 0.5) * CELL - galley.size().y / 2.0;
        painter.add(
            egui::epaint::TextShape::new(Pos2::new(x, origin.y - 4.0), galley, text)
                .with_angle(-std::f32::consts::FRAC_PI_2),
        );
    }
    let empty = color32(palette.background);
    let full = color32(palette.scale);
    for (row, &a) in order.iter().enumerate() {
        for (column, &b) in order.iter().enumerate() {
            let cell = Rect::from_min_size(
                origin + Vec2::new(column as f32 * CELL, row as f32 * CELL),
                Vec2::splat(CELL),
            )
            .shrink(0.5);
            // The square root spreads the low end, where most pairs are.
            let fill = empty.lerp_to_gamma(full, overlap.jaccard(a, b).sqrt());
            painter.rect_filled(cell, 1.0, fill);
        }
    }
    if let Some(i) = selected {
        let stroke = egui::Stroke::new(1.5, color32(palette.text));
        let band = |min: Pos2, size: Vec2| Rect::from_min_size(min, size);
        painter.rect_stroke(
            band(
                origin + Vec2::new(0.0, i as f32 * CELL),
                Vec2::new(side, CELL),
            ),
            1.0,
            stroke,
            egui::StrokeKind::Inside,
        );
        painter.rect_stroke(
            band(
                origin + Vec2::new(i as f32 * CELL, 0.0),
                Vec2::new(CELL, side),
            ),
            1.0,
            stroke,
            egui::StrokeKind::Inside,
        );
    }
    let hovered = response
        .hover_pos()
        .and_then(|pointer| cell_at(origin, count, pointer));
    if let Some((row, column)) = hovered {
        let (a, b) = (order[row], order[column]);
        let (name_a, name_b) = (
            document.node_label(NodeRef::Body(a)),
            document.node_label(NodeRef::Body(b)),
        );
        let tip = if a == b {
            format!("{name_a}: {} members", overlap.size(a))
        } else {
            format!(
                "{name_a} and {name_b}: {} shared\n{name_a} has {}, {name_b} has {}\n\
                 similarity {:.2}",
                overlap.shared(a, b),
                overlap.size(a),
                overlap.size(b),
                overlap.jaccard(a, b)
            )
        };
        response.clone().on_hover_text_at_pointer(tip);
        painter.text(
            area.min,
            Align2::LEFT_TOP,
            format!("{name_a} × {name_b}"),
            FontId::proportional(12.0),
            text,
        );
    }
    if response.clicked() {
        return response
            .interact_pointer_pos()
            .and_then(|pointer| cell_at(origin, count, pointer))
            .map(|(row, _)| order[row]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_found_under_the_pointer() {
        let origin = Pos2::new(100.0, 50.0);
        assert_eq!(cell_at(origin, 4, Pos2::new(101.0, 51.0)), Some((0, 0)));
        assert_eq!(
            cell_at(origin, 4, origin + Vec2::new(2.5 * CELL, 1.5 * CELL)),
            Some((1, 2))
        );
        assert_eq!(cell_at(origin, 4, Pos2::new(99.0, 60.0)), None);
        assert_eq!(cell_at(origin, 4, origin + Vec2::splat(4.0 * CELL)), None);
    }
}
