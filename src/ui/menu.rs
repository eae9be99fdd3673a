//! The menu bar.

use super::Panels;
use crate::model::{Level, Word};
use crate::state::Command;
use crate::style::{BodyColouring, Theme};

/// What the menu asked for that is not a state command.
#[derive(Clone, Copy, Debug, Default)]
pub struct MenuActions {
    /// Fit the network to the window.
    pub fit: bool,
}

/// The menu bar at the top of the window.
pub fn menu_bar_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) -> MenuActions {
    let mut actions = MenuActions::default();
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
                if ui.button("Fit network to window").clicked() {
                    actions.fit = true;
                }
                ui.separator();
                ui.checkbox(&mut panels.prefs.show_browser, "Bodies and actors list");
                ui.checkbox(&mut panels.prefs.show_inspector, "Inspector and legend");
                ui.checkbox(&mut panels.prefs.show_chart, "Membership chart");
                ui.separator();
                let dark = panels.prefs.theme == Theme::Dark;
                if ui.selectable_label(!dark, "Light theme").clicked() {
                    panels.prefs.theme = Theme::Light;
                }
                if ui.selectable_label(dark, "Dark theme").clicked() {
                    panels.prefs.theme = Theme::Dark;
                }
                ui.separator();
                ui.label("Arrange nodes");
                for layout in crate::state::LayoutKind::ALL {
                    if ui
                        .radio(panels.state.layout == layout, layout.label())
                        .clicked()
                    {
                        panels.emit(Command::SetLayout(layout));
                    }
                }
                ui.separator();
                ui.label("Colour bodies by");
                for colouring in BodyColouring::ALL {
                    let selected = panels.state.body_colouring == colouring;
                    if ui.radio(selected, colouring.label()).clicked() {
                        panels.emit(Command::SetBodyColouring(colouring));
                    }
                }
            });
            ui.menu_button("Timeline", |ui| {
                let play = if panels.state.playing {
                    "Pause"
                } else {
                    "Play"
                };
                if ui
                    .add(egui::Button::new(play).shortcut_text("Space"))
                    .clicked()
                {
                    panels.emit(Command::TogglePlaying);
                }
                if ui
                    .add(egui::Button::new("Back one year").shortcut_text("Shift+←"))
                    .clicked()
                {
                    panels.emit(Command::StepMonths(-12));
                }
                if ui
                    .add(egui::Button::new("Forward one year").shortcut_text("Shift+→"))
                    .clicked()
                {
                    panels.emit(Command::StepMonths(12));
                }
                ui.separator();
                ui.label("Count as members");
                for &level in Level::ALL {
                    if ui
                        .radio(panels.state.level == level, level.label())
                        .clicked()
                    {
                        panels.emit(Command::SetLevel(level));
                    }
                }
            });
            ui.menu_button("Help", |ui| {
                ui.label("Click a node, or pick a body in the list, to inspect it.");
                ui.label("Drag the background to pan; scroll with Ctrl to zoom.");
                ui.separator();
                ui.label("Ctrl+F  search");
                ui.label("Space  play or pause");
                ui.label("← →  one month;  Shift+← →  one year");
                ui.label("Esc  clear the selection");
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let (icon, tip) = match panels.prefs.theme {
                    Theme::Light => ("🌙", "Switch to the dark theme"),
                    Theme::Dark => ("☀", "Switch to the light theme"),
                };
                if ui.button(icon).on_hover_text(tip).clicked() {
                    panels.prefs.theme = panels.prefs.theme.toggled();
                }
                ui.weak(&panels.document.file_label)
                    .on_hover_text(&panels.document.report_summary);
            });
        });
    });
    actions
}
