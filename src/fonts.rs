//! The typefaces of the window and of the pictures, as one list in fallback order.
//!
//! A character is drawn with the first face of [`FALLBACK_ORDER`] that maps it. The window
//! (egui's font definitions, set up in `ui::fonts`) and the pictures (resvg's font database
//! and the text measurer in `render`) both read this list, so a character that shows on the
//! screen shows in a PNG too. egui's default faces come first, in egui's own order, so
//! nothing that already rendered changes; DejaVu Sans, a subset kept in `assets/fonts/`
//! (see its README), follows for what they lack: arrows, mathematical operators,
//! typographic punctuation, Latin Extended Additional. Every face is compiled into the
//! binary: nothing is read from the machine's fonts or from disk at run time.
//!
//! The window picks a face per character. resvg, which draws the pictures, differs in one
//! way: when a text needs a fallback face that has every character of it, that face draws
//! the whole text (a label with an arrow is drawn wholly in DejaVu Sans); the text
//! measurer follows the same rule, so labels keep their reserved room.
//!
//! No egui here: the pictures are drawn headless.

/// One typeface compiled into the binary.
#[derive(Clone, Copy, Debug)]
pub struct Face {
    /// The key of the face in egui's font definitions: egui's own key for the faces egui
    /// ships (so they are not loaded twice), the file's stem for ours.
    pub name: &'static str,
    /// The family the font file declares (the name a font database and an SVG
    /// `font-family` match).
    pub family: &'static str,
    /// The font file (TrueType).
    pub bytes: &'static [u8],
}

/// egui's default proportional face, the text face of the window and of the pictures.
pub const UBUNTU_LIGHT: Face = Face {
    name: "Ubuntu-Light",
    family: "Ubuntu",
    bytes: epaint_default_fonts::UBUNTU_LIGHT,
};

/// egui's monochrome emoji face.
pub const NOTO_EMOJI: Face = Face {
    name: "NotoEmoji-Regular",
    family: "Noto Emoji",
    bytes: epaint_default_fonts::NOTO_EMOJI_REGULAR,
};

/// egui's icon face (more emoji and symbols).
pub const EMOJI_ICON: Face = Face {
    name: "emoji-icon-font",
    family: "emoji",
    bytes: epaint_default_fonts::EMOJI_ICON,
};

/// DejaVu Sans, cut down to the ranges egui's faces lack (`assets/fonts/README.md`).
pub const DEJAVU_SANS: Face = Face {
    name: "DejaVuSans-subset",
    family: "DejaVu Sans",
    bytes: include_bytes!("../assets/fonts/DejaVuSans-subset.ttf"),
};

/// Every face, in the order a character is looked up: the text face first.
pub const FALLBACK_ORDER: [Face; 4] = [UBUNTU_LIGHT, NOTO_EMOJI, EMOJI_ICON, DEJAVU_SANS];

#[cfg(test)]
mod tests {
    use super::*;
    use skrifa::string::StringId;
    use skrifa::{FontRef, MetadataProvider};

    #[test]
    fn every_face_parses_and_declares_its_family() {
        for face in FALLBACK_ORDER {
            let font = FontRef::new(face.bytes);
            assert!(font.is_ok(), "{} parses", face.name);
            let Ok(font) = font else { continue };
            // The typographic family when there is one (as font databases use), else the
            // legacy family.
            let declared: Vec<String> = [StringId::TYPOGRAPHIC_FAMILY_NAME, StringId::FAMILY_NAME]
                .into_iter()
                .filter_map(|id| font.localized_strings(id).english_or_first())
                .map(|name| name.to_string())
                .collect();
            assert_eq!(
                declared.first().map(String::as_str),
                Some(face.family),
                "{}",
                face.name
            );
        }
    }

    #[test]
    fn the_fallback_has_the_arrows_the_text_face_lacks() {
        let maps = |face: Face, c: char| {
            FontRef::new(face.bytes).is_ok_and(|font| font.charmap().map(c).is_some())
        };
        for c in ['←', '→', '⇧', '⊂', 'ệ'] {
            assert!(!maps(UBUNTU_LIGHT, c), "{c} would need no fallback");
            assert!(maps(DEJAVU_SANS, c), "{c} is in the subset");
        }
    }
}
