//! Plain text with simple emphasis (`*emphasis*`, `**strong**`) and its wrapping into
//! lines of a given width, measured with the picture typeface's real advances.

use crate::render::text::TextMeasure;

/// How a piece of text is set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Style {
    /// Slanted (`*…*`).
    pub(crate) emphasis: bool,
    /// Heavier (`**…**`).
    pub(crate) strong: bool,
}

/// A run of text in one style.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Span {
    /// The style.
    pub(crate) style: Style,
    /// The text (spaces included).
    pub(crate) text: String,
}

/// Splits text with simple emphasis into styled spans. `**` toggles strong and `*` toggles
/// emphasis, but only where a closing marker follows: a lone or unmatched asterisk (as in
/// "5 * 3") stays as written. The markers themselves are dropped.
pub(crate) fn parse_emphasis(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<Span> = Vec::new();
    let mut style = Style::default();
    let mut current = String::new();
    let mut i = 0;
    let closes = |from: usize, marker: &[char]| -> bool {
        // A closing marker later in the text, not at the very next position.
        (from + 1..chars.len()).any(|j| chars[j..].starts_with(marker))
    };
    while i < chars.len() {
        let double = chars[i..].starts_with(&['*', '*']);
        let toggled = if double && (style.strong || closes(i + 2, &['*', '*'])) {
            Some((
                2,
                Style {
                    strong: !style.strong,
                    ..style
                },
            ))
        } else if chars[i] == '*' && !double && (style.emphasis || closes(i + 1, &['*'])) {
            Some((
                1,
                Style {
                    emphasis: !style.emphasis,
                    ..style
                },
            ))
        } else {
            None
        };
        match toggled {
            Some((length, next)) => {
                if !current.is_empty() {
                    spans.push(Span {
                        style,
                        text: std::mem::take(&mut current),
                    });
                }
                style = next;
                i += length;
            }
            None => {
                current.push(chars[i]);
                i += 1;
            }
        }
    }
    if !current.is_empty() {
        spans.push(Span {
            style,
            text: current,
        });
    }
    spans
}

/// One word (a run of non-space characters), possibly in several styles.
struct Word {
    pieces: Vec<Span>,
    width: f32,
}

/// Wraps styled text into lines no wider than `max_width` at `size` (a word longer than a
/// line stays whole). Each line is a list of spans, with single spaces between its words
/// (inside the spans, so that the PDF's text reads back with its spaces). Line breaks in
/// the text start a new line; blank lines are kept as empty lines.
pub(crate) fn wrap(measure: &TextMeasure, text: &str, size: f32, max_width: f32) -> Vec<Vec<Span>> {
    let mut lines: Vec<Vec<Span>> = Vec::new();
    for paragraph in text.lines() {
        let words = words(measure, &parse_emphasis(paragraph), size);
        if words.is_empty() {
            lines.push(Vec::new());
            continue;
        }
        let mut line: Vec<Span> = Vec::new();
        let mut width = 0.0;
        for word in words {
            if line.is_empty() {
                width = word.width;
                line = word.pieces;
                continue;
            }
            let space = measure.advance(" ", size);
            if width + space + word.width > max_width {
                lines.push(std::mem::take(&mut line));
                width = word.width;
                line = word.pieces;
            } else {
                width += space + word.width;
                let style = line_style(&line);
                push_text(&mut line, " ", style);
                for piece in word.pieces {
                    push_text(&mut line, &piece.text, piece.style);
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// The style a space between two words takes: that of the text before it.
fn line_style(line: &[Span]) -> Style {
    line.last().map(|span| span.style).unwrap_or_default()
}

/// Appends text to a line, merging it into the last span when the style is the same.
fn push_text(line: &mut Vec<Span>, text: &str, style: Style) {
    match line.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => line.push(Span {
            style,
            text: text.to_owned(),
        }),
    }
}

/// The words of a paragraph, each with its styled pieces and width.
fn words(measure: &TextMeasure, spans: &[Span], size: f32) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    // Whether the next character continues the last word (no space since).
    let mut joined = false;
    for span in spans {
        let mut rest = span.text.as_str();
        while !rest.is_empty() {
            let trimmed = rest.trim_start();
            if trimmed.len() != rest.len() {
                joined = false;
                rest = trimmed;
                continue;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let (piece, after) = rest.split_at(end);
            let width = measure.advance(piece, size);
            match words.last_mut() {
                Some(word) if joined => {
                    push_text(&mut word.pieces, piece, span.style);
                    word.width += width;
                }
                _ => words.push(Word {
                    pieces: vec![Span {
                        style: span.style,
                        text: piece.to_owned(),
                    }],
                    width,
                }),
            }
            joined = true;
            rest = after;
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The width of a line of spans at `size`.
    fn line_width(measure: &TextMeasure, line: &[Span], size: f32) -> f32 {
        line.iter()
            .map(|span| measure.advance(&span.text, size))
            .sum()
    }

    fn plain(text: &str) -> Span {
        Span {
            style: Style::default(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn emphasis_and_strong_markers_become_styles() {
        let spans = parse_emphasis("The *first* and **second** wave");
        assert_eq!(spans.len(), 5, "{spans:?}");
        assert_eq!(spans[0], plain("The "));
        assert_eq!(spans[1].text, "first");
        assert!(spans[1].style.emphasis && !spans[1].style.strong);
        assert_eq!(spans[2], plain(" and "));
        assert_eq!(spans[3].text, "second");
        assert!(spans[3].style.strong && !spans[3].style.emphasis);
        assert_eq!(spans[4], plain(" wave"));
    }

    #[test]
    fn unmatched_asterisks_stay_as_written() {
        assert_eq!(parse_emphasis("5 * 3 = 15"), vec![plain("5 * 3 = 15")]);
        assert_eq!(parse_emphasis("a **b"), vec![plain("a **b")]);
        assert_eq!(parse_emphasis("*"), vec![plain("*")]);
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let measure = TextMeasure::new();
        let text = "Between 2011 and 2013 the *Freedom Online Coalition* grew from fifteen \
                    to twenty-one members, while the **Budapest Convention** kept its pace.";
        let lines = wrap(&measure, text, 12.0, 200.0);
        assert!(lines.len() >= 3, "{lines:?}");
        for line in &lines {
            assert!(line_width(&measure, line, 12.0) <= 200.0, "{line:?}");
        }
        let joined: Vec<String> = lines
            .iter()
            .map(|line| line.iter().map(|span| span.text.as_str()).collect())
            .collect();
        let expected: String = parse_emphasis(text).into_iter().map(|s| s.text).collect();
        assert_eq!(joined.join(" "), expected);
        // The emphasis survives the wrapping.
        assert!(
            lines
                .iter()
                .flatten()
                .any(|span| span.style.emphasis && span.text.contains("Coalition"))
        );
    }

    #[test]
    fn line_breaks_start_new_lines() {
        let measure = TextMeasure::new();
        let lines = wrap(&measure, "one\n\ntwo", 12.0, 500.0);
        assert_eq!(lines.len(), 3);
        assert!(lines[1].is_empty());
    }
}
