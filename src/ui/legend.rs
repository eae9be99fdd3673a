//! The legend: exactly what the network draws at the current state.

use egui::{Pos2, Stroke, Vec2};

use super::Panels;
use super::colour::{color32, theme_of};
use super::network::{edge_sample, shape_sample};
use crate::style::{BodyColouring, NodeKind, Rgba};

const SWATCH: Vec2 = Vec2::new(26.0, 16.0);

fn row_ui(ui: &mut egui::Ui, text: &str, draw: impl FnOnce(&egui::Painter, egui::Rect)) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(SWATCH, egui::Sense::hover());
        draw(ui.painter(), rect);
        ui.label(text);
    });
}

/// The legend.
pub fn legend_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) {
    let legend = &panels.frame.legend;
    let palette = theme_of(ui.ctx()).palette();
    let outline = Stroke::new(1.0, color32(palette.muted));
    let neutral = color32(Rgba::rgb(150, 150, 158));
    ui.spacing_mut().item_spacing.y = 2.0;
    if !legend.kinds.is_empty() {
        ui.strong("Shapes");
        for &kind in &legend.kinds {
            row_ui(ui, kind.label(), |painter, rect| {
                let radius = if kind.is_body() { 6.5 } else { 5.0 };
                shape_sample(
                    painter,
                    rect.center(),
                    radius,
                    kind.shape(),
                    neutral,
                    outline,
                );
            });
        }
        ui.weak("Size: members (bodies) or memberships (actors) at the date");
    }
    if !legend.body_colours.is_empty() {
        ui.add_space(4.0);
        ui.strong(match panels.state.body_colouring {
            BodyColouring::IssueArea => "Body colour: main issue area",
            BodyColouring::Law => "Body colour: law",
        });
        for (label, colour) in &legend.body_colours {
            row_ui(ui, label, |painter, rect| {
                shape_sample(
                    painter,
                    rect.center(),
                    6.0,
                    NodeKind::Forum.shape(),
                    color32(*colour),
                    outline,
                );
            });
        }
    }
    if !legend.regions.is_empty() {
        ui.add_space(4.0);
        ui.strong("State colour: region");
        for (label, colour) in &legend.regions {
            row_ui(ui, label, |painter, rect| {
                painter.circle(rect.center(), 5.0, color32(*colour), outline);
            });
        }
    }
    if !legend.statuses.is_empty() {
        ui.add_space(4.0);
        ui.strong("Membership lines");
        for (label, style) in &legend.statuses {
            row_ui(ui, label, |painter, rect| {
                edge_sample(painter, rect.left_center(), rect.right_center(), style);
            });
        }
    }
    if !legend.relations.is_empty() {
        ui.add_space(4.0);
        ui.strong("Relations between bodies");
        for (label, style) in &legend.relations {
            row_ui(ui, label, |painter, rect| {
                edge_sample(painter, rect.left_center(), rect.right_center(), style);
            });
        }
    }
    if legend.joined || legend.left {
        ui.add_space(4.0);
        ui.strong("Since the previous step");
        let ring = |painter: &egui::Painter, centre: Pos2, colour: Rgba| {
            painter.circle(centre, 4.0, neutral, Stroke::NONE);
            painter.circle_stroke(centre, 7.0, Stroke::new(2.5, color32(colour)));
        };
        if legend.joined {
            row_ui(ui, "Joined", |painter, rect| {
                ring(painter, rect.center(), palette.joined)
            });
        }
        if legend.left {
            row_ui(ui, "Left", |painter, rect| {
                ring(painter, rect.center(), palette.left)
            });
        }
    }
}
