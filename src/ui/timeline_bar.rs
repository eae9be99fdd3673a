//! The timeline bar: step, play, date slider, speed, level and change mode.

use super::Panels;
use crate::model::Month;
use crate::model::{Level, Word};
use crate::state::{ChangeMode, Command, Speed};

/// The accessible label of the date slider.
pub const DATE_SLIDER_LABEL: &str = "Date";

/// The bar along the bottom of the window.
pub fn timeline_bar_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) {
    egui::Panel::bottom("timeline_bar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let state = panels.state;
            if ui
                .button("⏪ Year")
                .on_hover_text("Back one year (Shift+←)")
                .clicked()
            {
                panels.emit(Command::StepMonths(-12));
            }
            let (play, tip) = if state.playing {
                ("⏸ Pause", "Pause (Space)")
            } else {
                ("▶ Play", "Play the timeline (Space)")
            };
            if ui.button(play).on_hover_text(tip).clicked() {
                panels.emit(Command::TogglePlaying);
            }
            if ui
                .button("Year ⏩")
                .on_hover_text("Forward one year (Shift+→)")
                .clicked()
            {
                panels.emit(Command::StepMonths(12));
            }
            egui::ComboBox::from_id_salt("speed")
                .selected_text(state.speed.label())
                .width(130.0)
                .show_ui(ui, |ui| {
                    for speed in Speed::ALL {
                        if ui
                            .selectable_label(state.speed == speed, speed.label())
                            .clicked()
                        {
                            panels.emit(Command::SetSpeed(speed));
                        }
                    }
                })
                .response
                .on_hover_text("Playback speed");
            ui.separator();

            let (first, last) = state.range;
            let mut index = state.view.date.index();
            let reserved = 430.0;
            ui.spacing_mut().slider_width = (ui.available_width() - reserved).max(120.0);
            let slider = egui::Slider::new(&mut index, first.index()..=last.index())
                .show_value(false)
                .text(DATE_SLIDER_LABEL)
                .custom_formatter(|value, _| Month::from_index(value as i32).to_string());
            let response = ui
                .add(slider)
                .on_hover_text("Drag to move through time (← → step one month)");
            if response.changed() {
                panels.emit(Command::SetDate(Month::from_index(index)));
            }
            ui.strong(state.view.date.to_string());
            ui.separator();

            ui.label("Members:");
            for &level in Level::ALL {
                let short = match level {
                    Level::Signatory => "Signed",
                    Level::Party => "Party",
                    Level::InForce => "In force",
                };
                if ui
                    .selectable_label(state.view.level == level, short)
                    .on_hover_text(format!(
                        "Count as members: {}",
                        level.label().to_lowercase()
                    ))
                    .clicked()
                {
                    panels.emit(Command::SetLevel(level));
                }
            }
            ui.separator();
            let changes_only = state.view.change_mode == ChangeMode::ChangesOnly;
            if ui
                .selectable_label(changes_only, "Changes only")
                .on_hover_text("Draw only memberships that began or ended since the previous step")
                .clicked()
            {
                panels.emit(Command::SetChangeMode(if changes_only {
                    ChangeMode::Cumulative
                } else {
                    ChangeMode::ChangesOnly
                }));
            }
        });
        ui.add_space(2.0);
    });
}
