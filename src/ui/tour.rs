//! The tour window: the chapter's ideas as guided views, one after another.

use super::Panels;
use crate::state::{Idea, ideas_for};

/// Shows the idea at `step` (and applies its view when the step changes); `None` closes.
pub fn tour_window_ui(ctx: &egui::Context, panels: &mut Panels<'_>, step: &mut Option<usize>) {
    let Some(current) = *step else {
        return;
    };
    let ideas = ideas_for(panels.document);
    let Some(idea) = ideas.get(current).copied() else {
        *step = None;
        return;
    };
    let mut open = true;
    let mut go_to = None;
    egui::Window::new("Ideas from the chapter")
        .open(&mut open)
        .resizable(false)
        .default_width(380.0)
        .default_pos(ctx.content_rect().left_bottom() + egui::vec2(240.0, -420.0))
        .show(ctx, |ui| {
            ui.weak(format!("{} of {}", current + 1, ideas.len()));
            ui.heading(idea.title);
            ui.label(idea.text);
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(current > 0, egui::Button::new("◀ Previous"))
                    .clicked()
                {
                    go_to = Some(current - 1);
                }
                if ui
                    .add_enabled(current + 1 < ideas.len(), egui::Button::new("Next ▶"))
                    .clicked()
                {
                    go_to = Some(current + 1);
                }
                if ui
                    .button("Show again")
                    .on_hover_text("Back to this idea's date, level and selection")
                    .clicked()
                {
                    go_to = Some(current);
                }
            });
        });
    if !open {
        *step = None;
        return;
    }
    if let Some(next) = go_to {
        *step = Some(next);
        if let Some(idea) = ideas.get(next) {
            show(panels, idea);
        }
    }
}

/// Starts the tour at its first idea.
pub fn start_tour(panels: &mut Panels<'_>, step: &mut Option<usize>) {
    if let Some(first) = ideas_for(panels.document).first() {
        show(panels, first);
        *step = Some(0);
    }
}

fn show(panels: &mut Panels<'_>, idea: &Idea) {
    for command in idea.commands(panels.document).unwrap_or_default() {
        panels.emit(command);
    }
}
