//! The window's fonts: egui's defaults with the bundled fallback faces appended, from the
//! one list the pictures use too ([`crate::fonts::FALLBACK_ORDER`]).

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::fonts::FALLBACK_ORDER;

/// egui's default fonts, then every face of [`FALLBACK_ORDER`] that egui does not ship,
/// appended as the last fallback of the proportional and the monospace families (so
/// egui's own faces keep drawing every character they have).
pub fn font_definitions() -> FontDefinitions {
    let mut definitions = FontDefinitions::default();
    for face in FALLBACK_ORDER {
        // egui's own faces are in the list under egui's keys: they are there already.
        if definitions.font_data.contains_key(face.name) {
            continue;
        }
        definitions.font_data.insert(
            face.name.to_owned(),
            Arc::new(FontData::from_static(face.bytes)),
        );
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            definitions
                .families
                .entry(family)
                .or_default()
                .push(face.name.to_owned());
        }
    }
    definitions
}

/// Gives a context the window's fonts; they take effect from its next pass. The app calls
/// it once, when eframe creates the context; a test harness may call it on its own.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proportional_family_is_the_pictures_fallback_order() {
        let definitions = font_definitions();
        let names: Vec<&str> = FALLBACK_ORDER.iter().map(|face| face.name).collect();
        assert_eq!(
            definitions.families.get(&FontFamily::Proportional),
            Some(&names.iter().map(|name| (*name).to_owned()).collect()),
            "the window looks characters up in the pictures' order"
        );
        let monospace = definitions.families.get(&FontFamily::Monospace);
        assert!(
            monospace.is_some_and(|faces| faces.ends_with(&[names[names.len() - 1].to_owned()]))
        );
        for face in FALLBACK_ORDER {
            let data = definitions.font_data.get(face.name);
            assert!(
                data.is_some_and(|data| *data.font == *face.bytes),
                "{} is the same file on the screen and in the pictures",
                face.name
            );
        }
    }
}
