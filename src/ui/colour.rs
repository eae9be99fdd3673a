//! Conversions from the toolkit-free style to egui.

use crate::style::{Rgba, Theme};

/// The egui colour of a style colour.
pub fn color32(rgba: Rgba) -> egui::Color32 {
    egui::Color32::from_rgba_unmultiplied(rgba.r, rgba.g, rgba.b, rgba.a)
}

/// The style theme matching egui's current visuals.
pub fn theme_of(ctx: &egui::Context) -> Theme {
    if ctx.global_style().visuals.dark_mode {
        Theme::Dark
    } else {
        Theme::Light
    }
}
