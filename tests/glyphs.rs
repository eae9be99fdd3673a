//! Every character the window and the pictures show has a glyph in the bundled faces.
//!
//! The texts are collected statically: every string and character literal in `src/` (menus,
//! help, labels, tooltips, picture captions; comments are skipped) and every string of the
//! built-in sample dataset (names, labels, notes, sources). Each character must be mapped
//! by a face of [`minilateral::fonts::FALLBACK_ORDER`] (the pictures' list, read with
//! skrifa as resvg reads it) and found by egui with the window's fonts installed. Control
//! and invisible format characters are not drawn and are skipped; format placeholders
//! (`{name}`, `{:>5}`) are plain ASCII, which the text face has, so they need no parsing.

use std::collections::BTreeMap;
use std::path::Path;

use minilateral::fonts::FALLBACK_ORDER;
use skrifa::{FontRef, MetadataProvider};

/// Where each character was found ("src/ui/menu.rs:42", "sample-data/…: bodies[3].name").
type Places = BTreeMap<char, Vec<String>>;

/// The built-in sample dataset (the app opens it when given no file).
const SAMPLE_DATA: &str = "sample-data/internet-governance.json";

/// How many places a failure lists for one character.
const PLACES_SHOWN: usize = 4;

/// Characters with nothing to draw: control characters, and the invisible format
/// characters (soft hyphen, zero-width spaces and joiners, direction marks, word joiner,
/// byte order mark).
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// East Asian scripts (CJK punctuation, kana, ideographs, fullwidth forms). One note of the
/// sample data quotes a Japanese source; a face for these scripts weighs several megabytes,
/// so none is bundled and the dataset's own text in them is not checked (the UI's text
/// never uses them).
fn is_east_asian(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Every `.rs` file under `dir`, sorted, as paths relative to the package root.
fn rust_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{} is readable: {error}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

/// Records the characters of the string and character literals of one Rust file, with
/// their line. A small lexer: it knows comments (nested block comments too), escapes, raw
/// strings, byte literals (skipped: they are not text) and lifetimes.
fn literal_chars(file: &str, source: &str, places: &mut Places) {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut record = |c: char, line: usize| {
        places.entry(c).or_default().push(format!("{file}:{line}"));
    };
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let starts_token = i == 0 || !(at(i - 1).is_alphanumeric() || at(i - 1) == '_');
        match at(i) {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if at(i + 1) == '/' => {
                while i < chars.len() && at(i) != '\n' {
                    i += 1;
                }
            }
            '/' if at(i + 1) == '*' => {
                let mut depth = 0;
                while i < chars.len() {
                    if at(i) == '/' && at(i + 1) == '*' {
                        depth += 1;
                        i += 2;
                    } else if at(i) == '*' && at(i + 1) == '/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        line += usize::from(at(i) == '\n');
                        i += 1;
                    }
                }
            }
            // Raw strings: r"…", r#"…"#, br"…" (bytes, skipped).
            'r' | 'b'
                if starts_token && {
                    let j = i + usize::from(at(i) == 'b' && at(i + 1) == 'r') + 1;
                    at(j - 1) == 'r' && (at(j) == '"' || at(j) == '#')
                } =>
            {
                let bytes = at(i) == 'b';
                let mut j = i + usize::from(bytes) + 1;
                let mut hashes = 0;
                while at(j) == '#' {
                    hashes += 1;
                    j += 1;
                }
                if at(j) != '"' {
                    i = j;
                    continue;
                }
                j += 1;
                while j < chars.len() {
                    let closes = at(j) == '"' && (1..=hashes).all(|k| at(j + k) == '#');
                    if closes {
                        j += 1 + hashes;
                        break;
                    }
                    if !bytes {
                        record(at(j), line);
                    }
                    line += usize::from(at(j) == '\n');
                    j += 1;
                }
                i = j;
            }
            // Byte strings and byte characters: not text.
            'b' if starts_token && (at(i + 1) == '"' || at(i + 1) == '\'') => {
                i = skip_quoted(&chars, i + 1, &mut line, &mut |_, _| {});
            }
            '"' => i = skip_quoted(&chars, i, &mut line, &mut record),
            '\'' if at(i + 1) == '\\' || at(i + 2) == '\'' => {
                i = skip_quoted(&chars, i, &mut line, &mut record);
            }
            // A lifetime or a label.
            _ => i += 1,
        }
    }
}

/// Reads a quoted literal starting at the quote `chars[start]`, handing each character
/// (escapes resolved) to `record`; returns the index after the closing quote.
fn skip_quoted(
    chars: &[char],
    start: usize,
    line: &mut usize,
    record: &mut impl FnMut(char, usize),
) -> usize {
    let quote = chars[start];
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut i = start + 1;
    while i < chars.len() && at(i) != quote {
        if at(i) != '\\' {
            record(at(i), *line);
            *line += usize::from(at(i) == '\n');
            i += 1;
            continue;
        }
        i += 1;
        let escaped = match at(i) {
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            '0' => Some('\0'),
            'x' => {
                let hex: String = chars[i + 1..i + 3].iter().collect();
                i += 2;
                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
            }
            'u' => {
                let close = (i..chars.len()).find(|&k| at(k) == '}').unwrap_or(i);
                let hex: String = chars[i + 2..close].iter().collect();
                i = close;
                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
            }
            '\n' => {
                // A line continuation: the newline and the next line's indentation vanish.
                *line += 1;
                while at(i + 1).is_whitespace() {
                    *line += usize::from(at(i + 1) == '\n');
                    i += 1;
                }
                None
            }
            other => Some(other),
        };
        if let Some(c) = escaped {
            record(c, *line);
        }
        i += 1;
    }
    i + 1
}

/// Records the characters of every string in a JSON value, with its path.
fn json_chars(file: &str, value: &serde_json::Value, path: &str, places: &mut Places) {
    match value {
        serde_json::Value::String(text) => {
            for c in text.chars() {
                places.entry(c).or_default().push(format!("{file}: {path}"));
            }
        }
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                json_chars(file, item, &format!("{path}[{index}]"), places);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                let path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                json_chars(file, item, &path, places);
            }
        }
        _ => {}
    }
}

/// Every character the UI and the pictures show, with where it occurs.
fn shown_characters() -> Places {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut places = Places::new();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for path in &files {
        let source = std::fs::read_to_string(path)
            .unwrap_or_else(|error| panic!("{} is readable: {error}", path.display()));
        let relative = path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string();
        literal_chars(&relative, &source, &mut places);
    }
    let text = std::fs::read_to_string(root.join(SAMPLE_DATA))
        .unwrap_or_else(|error| panic!("{SAMPLE_DATA} is readable: {error}"));
    let value: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{SAMPLE_DATA} is JSON: {error}"));
    let mut data = Places::new();
    json_chars(SAMPLE_DATA, &value, "", &mut data);
    for (c, found) in data {
        if !is_east_asian(c) {
            places.entry(c).or_default().extend(found);
        }
    }
    places.retain(|&c, _| !is_invisible(c));
    places
}

/// The characters of `places` that `has_glyph` rejects, one line each with where they occur.
fn missing(places: &Places, has_glyph: impl Fn(char) -> bool) -> Vec<String> {
    places
        .iter()
        .filter(|&(&c, _)| !has_glyph(c))
        .map(|(c, found)| {
            let shown: Vec<&str> = found
                .iter()
                .take(PLACES_SHOWN)
                .map(String::as_str)
                .collect();
            let more = found.len().saturating_sub(PLACES_SHOWN);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!(
                "  {c:?} U+{:04X} in {}{more}",
                u32::from(*c),
                shown.join(", ")
            )
        })
        .collect()
}

#[test]
fn the_scan_finds_the_ui_and_the_data_texts() {
    let places = shown_characters();
    for (c, source) in [
        ('←', "src/ui/menu.rs"),
        ('→', "src/ui/menu.rs"),
        ('…', "src/ui/menu.rs"),
        ('ô', SAMPLE_DATA),
        ('ü', SAMPLE_DATA),
    ] {
        assert!(
            places
                .get(&c)
                .is_some_and(|found| found.iter().any(|place| place.starts_with(source))),
            "{c} is found in {source}: {:?}",
            places.get(&c)
        );
    }
    assert!(
        !places.contains_key(&'\n'),
        "control characters are skipped"
    );
}

#[test]
fn every_character_shown_has_a_glyph_in_the_pictures_faces() {
    let faces: Vec<FontRef<'static>> = FALLBACK_ORDER
        .iter()
        .map(|face| {
            FontRef::new(face.bytes).unwrap_or_else(|error| panic!("{}: {error}", face.name))
        })
        .collect();
    let missing = missing(&shown_characters(), |c| {
        faces.iter().any(|font| font.charmap().map(c).is_some())
    });
    let names: Vec<&str> = FALLBACK_ORDER.iter().map(|face| face.name).collect();
    assert!(
        missing.is_empty(),
        "characters with no glyph in {}:\n{}",
        names.join(", "),
        missing.join("\n")
    );
}

#[test]
fn every_character_shown_has_a_glyph_in_the_window() {
    let ctx = egui::Context::default();
    minilateral::ui::install_fonts(&ctx);
    // Fonts given to a context take effect at the start of its next pass.
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    // No renderer here to upload the font atlas to.
    output.textures_delta.clear();
    let definitions = ctx.fonts(|fonts| fonts.definitions().clone());
    let places = shown_characters();
    // The faces' charmaps, not egui's `has_glyph`: that one answers no for every character
    // of the face that also draws egui's replacement box (Noto Emoji's ▶, say).
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let names = definitions
            .families
            .get(&family)
            .cloned()
            .unwrap_or_default();
        let faces: Vec<FontRef<'_>> = names
            .iter()
            .filter_map(|name| definitions.font_data.get(name))
            .filter_map(|data| FontRef::new(&data.font).ok())
            .collect();
        assert_eq!(faces.len(), names.len(), "every face of {names:?} parses");
        let missing = missing(&places, |c| {
            faces.iter().any(|font| font.charmap().map(c).is_some())
        });
        assert!(
            missing.is_empty(),
            "characters with no glyph in the window's {family:?} fonts ({}):\n{}",
            names.join(", "),
            missing.join("\n")
        );
    }
}
