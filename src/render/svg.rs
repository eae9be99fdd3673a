//! A picture as SVG text: real `<text>` elements in a named font family (so the file stays
//! editable in Inkscape or Illustrator), one `<g>` per layer, and numbers written with at
//! most two decimals, so the same picture always gives the same bytes.

use std::fmt::Write;

use crate::style::Rgba;

use super::picture::{Anchor, LineDash, Picture, Shape, Stroke};
use super::text::FONT_FAMILY;

/// The SVG text of a picture.
pub fn to_svg(picture: &Picture) -> String {
    let mut svg = String::with_capacity(64 * 1024);
    // Writing into a String cannot fail; the results are ignored.
    let _ = write_svg(picture, &mut svg);
    svg
}

fn write_svg(picture: &Picture, out: &mut String) -> std::fmt::Result {
    let (w, h) = (num(picture.width), num(picture.height));
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}">"#,
        escape(FONT_FAMILY)
    )?;
    if !picture.description.is_empty() {
        writeln!(out, "<title>{}</title>", escape(&picture.description))?;
    }
    if let Some(background) = picture.background {
        writeln!(
            out,
            r#"<rect id="background" x="0" y="0" width="{w}" height="{h}"{}/>"#,
            fill(Some(background))
        )?;
    }
    for layer in &picture.layers {
        if layer.shapes.is_empty() {
            continue;
        }
        writeln!(out, r#"<g id="{}">"#, layer.name)?;
        for shape in &layer.shapes {
            write_shape(shape, out)?;
        }
        writeln!(out, "</g>")?;
    }
    writeln!(out, "</svg>")
}

fn write_shape(shape: &Shape, out: &mut String) -> std::fmt::Result {
    match shape {
        Shape::Rect {
            rect,
            corner,
            fill: colour,
        } => writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}"{}/>"#,
            num(rect.x),
            num(rect.y),
            num(rect.w),
            num(rect.h),
            num(*corner),
            fill(Some(*colour))
        ),
        Shape::Circle {
            centre,
            radius,
            fill: colour,
            stroke: line,
        } => writeln!(
            out,
            r#"<circle cx="{}" cy="{}" r="{}"{}{}/>"#,
            num(centre[0]),
            num(centre[1]),
            num(*radius),
            fill(*colour),
            stroke(*line)
        ),
        Shape::Polygon {
            points,
            fill: colour,
            stroke: line,
        } => {
            let mut list = String::new();
            for (i, [x, y]) in points.iter().enumerate() {
                if i > 0 {
                    list.push(' ');
                }
                write!(list, "{},{}", num(*x), num(*y))?;
            }
            writeln!(
                out,
                r#"<polygon points="{list}"{}{} stroke-linejoin="round"/>"#,
                fill(*colour),
                stroke(*line)
            )
        }
        Shape::Path {
            rings,
            fill: colour,
            stroke: line,
        } => {
            let mut data = String::new();
            for ring in rings.iter().filter(|ring| ring.len() >= 3) {
                for (i, [x, y]) in ring.iter().enumerate() {
                    let command = if i == 0 { 'M' } else { 'L' };
                    write!(data, "{command}{},{}", num(*x), num(*y))?;
                }
                data.push('Z');
            }
            writeln!(
                out,
                r#"<path d="{data}" fill-rule="evenodd"{}{} stroke-linejoin="round"/>"#,
                fill(*colour),
                stroke(*line)
            )
        }
        Shape::Line {
            from,
            to,
            stroke: line,
            dash,
        } => {
            let pattern = match dash {
                LineDash::Solid => String::new(),
                LineDash::Dashed { on, off } => {
                    format!(r#" stroke-dasharray="{} {}""#, num(*on), num(*off))
                }
                LineDash::Dotted { gap } => {
                    format!(
                        r#" stroke-dasharray="0 {}" stroke-linecap="round""#,
                        num(*gap)
                    )
                }
            };
            writeln!(
                out,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{}{pattern}/>"#,
                num(from[0]),
                num(from[1]),
                num(to[0]),
                num(to[1]),
                stroke(Some(*line))
            )
        }
        Shape::Text {
            position,
            text,
            size,
            colour,
            anchor,
            rotation,
        } => {
            let anchor = match anchor {
                Anchor::Start => "",
                Anchor::Middle => r#" text-anchor="middle""#,
                Anchor::End => r#" text-anchor="end""#,
            };
            let rotate = if *rotation == 0.0 {
                String::new()
            } else {
                format!(
                    r#" transform="rotate({} {} {})""#,
                    num(*rotation),
                    num(position[0]),
                    num(position[1])
                )
            };
            writeln!(
                out,
                r#"<text x="{}" y="{}" font-size="{}"{anchor}{rotate}{}>{}</text>"#,
                num(position[0]),
                num(position[1]),
                num(*size),
                fill(Some(*colour)),
                escape(text)
            )
        }
    }
}

/// ` fill="…"` (with an opacity when not opaque), or ` fill="none"`.
fn fill(colour: Option<Rgba>) -> String {
    match colour {
        None => r#" fill="none""#.to_owned(),
        Some(colour) if colour.a == 255 => format!(r#" fill="{}""#, colour.hex()),
        Some(colour) => format!(
            r#" fill="{}" fill-opacity="{}""#,
            colour.hex(),
            opacity(colour.a)
        ),
    }
}

/// ` stroke="…" stroke-width="…"` (with an opacity when not opaque), or nothing.
fn stroke(line: Option<Stroke>) -> String {
    match line {
        None => String::new(),
        Some(Stroke { colour, width }) => {
            let mut text = format!(
                r#" stroke="{}" stroke-width="{}""#,
                colour.hex(),
                num(width)
            );
            if colour.a != 255 {
                text.push_str(&format!(r#" stroke-opacity="{}""#, opacity(colour.a)));
            }
            text
        }
    }
}

fn opacity(alpha: u8) -> String {
    let value = f32::from(alpha) / 255.0;
    let text = format!("{value:.3}");
    trim_number(text)
}

/// A number with at most two decimals, without trailing zeros or a negative zero.
fn num(value: f32) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    trim_number(format!("{value:.2}"))
}

fn trim_number(mut text: String) -> String {
    if text.contains('.') {
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    if text == "-0" {
        text = "0".to_owned();
    }
    text
}

/// Escapes text for XML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(1.23456), "1.23");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(opacity(255), "1");
        assert_eq!(opacity(46), "0.18");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape(r#"AT&T <"x"> 'y'"#),
            "AT&amp;T &lt;&quot;x&quot;&gt; &apos;y&apos;"
        );
        assert_eq!(escape("a\u{1}b"), "a b");
    }
}
