//! Handouts: a lesson as a PDF, a title page and then one page per slide, with the picture
//! as vector graphics and the titles and captions as real, selectable text.
//!
//! A [`Handout`] is a plain value: the title page's texts ([`Handout::title`],
//! [`Handout::subtitle`], [`Handout::sources`]) and one [`HandoutPage`] per slide (its
//! title, its [`Picture`] and its caption, plain text where `*emphasis*` is slanted and
//! `**strong**` heavier). [`write_pdf`] writes it to any [`std::io::Write`]; [`to_pdf`]
//! returns the bytes; [`write_pngs`] writes each page's picture as `slide-01.png`, … into a
//! folder. Nothing here knows the document or the app: the caller builds the pictures
//! (e.g. with [`crate::render::picture_of_view`] for each slide's view).
//!
//! Pages are A4 or US Letter ([`Paper`]), landscape by default ([`Orientation`]): a 16:9
//! picture with a few lines of caption fills a landscape page best. On a slide page the
//! title runs along the top, the caption is wrapped to the page's width (measured with
//! the typeface's own advances) under the picture, and the picture takes the height left,
//! scaled to fit; a footer carries the handout's title and the page number. The title page
//! lists the slides and the sources (addresses become links); when that list is longer
//! than a page it continues on the next.
//!
//! The PDF is written with krilla: the bundled faces ([`crate::fonts::FALLBACK_ORDER`],
//! the ones the pictures use) are embedded as subsets, and each text is set in the face
//! the pictures' text measure picks for it. The bundled text face has one weight and no
//! italic, so emphasis is slanted and strong text outlined (synthetic styles). The output
//! holds no date or random identifier: the same handout gives the same bytes.
//!
//! ```no_run
//! # use minilateral::render::{Handout, HandoutPage, Picture, RenderOptions, picture_of_view, to_pdf};
//! # fn demo(document: &minilateral::document::Document) -> Result<(), minilateral::render::RenderError> {
//! let view = document.initial_view();
//! let positions = minilateral::document::Document::compute_layout(document.layout_request());
//! let picture = picture_of_view(document, &view, &positions, &RenderOptions::default());
//! let handout = Handout {
//!     title: document.title().to_owned(),
//!     subtitle: Some("Ideas from the chapter".to_owned()),
//!     sources: vec!["https://example.org/sources".to_owned()],
//!     pages: vec![HandoutPage {
//!         title: "The first wave".to_owned(),
//!         picture,
//!         caption: "Most members joined *before* 2010.".to_owned(),
//!     }],
//!     ..Handout::default()
//! };
//! let pdf: Vec<u8> = to_pdf(&handout)?;
//! # Ok(()) }
//! ```

mod draw;
mod rich;

use std::io::Write;
use std::path::{Path, PathBuf};

use krilla::Document;
use krilla::action::LinkAction;
use krilla::annotation::{LinkAnnotation, Target};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect as PdfRect};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::surface::Surface;

use self::draw::{Fonts, Pen, paint_stroke, stroke};
use self::rich::{Span, Style, wrap};
use super::options::PngOptions;
use super::picture::Picture;
use super::png::{RenderError, to_png};
use super::text::TextMeasure;
use crate::style::Rgba;

/// A paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points (1/72 in), portrait.
    pub fn points(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }
}

/// Which way up the pages are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Orientation {
    /// Wider than high: the best fit for a 16:9 picture and its caption.
    #[default]
    Landscape,
    /// Higher than wide.
    Portrait,
}

/// One page of a handout: a slide.
#[derive(Clone, Debug, PartialEq)]
pub struct HandoutPage {
    /// The slide's title, along the top of the page.
    pub title: String,
    /// The picture, drawn as vector graphics.
    pub picture: Picture,
    /// The caption under the picture: plain text where `*emphasis*` and `**strong**` mark
    /// styles and a line break starts a new line.
    pub caption: String,
}

/// A handout: a title page, then one page per slide.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Handout {
    /// The title page's title (the dataset's title), also the PDF's title and every
    /// page's footer.
    pub title: String,
    /// A line under the title (the lesson's name), if any.
    pub subtitle: Option<String>,
    /// The sources, one paragraph each (a source line, a citation or an address; an
    /// address starting with `http://` or `https://` becomes a link).
    pub sources: Vec<String>,
    /// The slides' pages, in order.
    pub pages: Vec<HandoutPage>,
    /// The paper size.
    pub paper: Paper,
    /// Landscape or portrait.
    pub orientation: Orientation,
}

impl Handout {
    /// Width and height of a page in points.
    pub fn page_size(&self) -> (f32, f32) {
        let (w, h) = self.paper.points();
        match self.orientation {
            Orientation::Portrait => (w, h),
            Orientation::Landscape => (h, w),
        }
    }
}

/// The page's margin, in points (half an inch).
const MARGIN: f32 = 36.0;
/// Text colour.
const INK: Rgba = Rgba::rgb(0x20, 0x24, 0x2a);
/// Colour of secondary text (footers, numbers) and rules.
const MUTED: Rgba = Rgba::rgb(0x6b, 0x72, 0x80);
/// Colour of the picture's frame.
const FRAME: Rgba = Rgba::rgb(0xc8, 0xcd, 0xd4);
/// Colour of links.
const LINK: Rgba = Rgba::rgb(0x1f, 0x5f, 0xbf);
/// Slide titles.
const SLIDE_TITLE_SIZE: f32 = 20.0;
/// Captions at most this size, and no less than [`MIN_CAPTION_SIZE`].
const CAPTION_SIZE: f32 = 12.5;
/// The smallest caption size, for a caption too long for the page.
const MIN_CAPTION_SIZE: f32 = 8.0;
/// The picture keeps at least this share of the room between title and footer.
const MIN_PICTURE_SHARE: f32 = 0.45;
/// Line height per unit of font size.
const LEADING: f32 = 1.35;
/// The footer's size.
const FOOTER_SIZE: f32 = 8.0;

/// Writes a handout as PDF into `out`; returns the number of pages written. A failing
/// writer is reported as [`RenderError::Write`] (the caller names the file).
pub fn write_pdf(handout: &Handout, out: &mut impl Write) -> Result<usize, RenderError> {
    let (bytes, pages) = build(handout)?;
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(pages)
}

/// A handout as PDF bytes.
pub fn to_pdf(handout: &Handout) -> Result<Vec<u8>, RenderError> {
    build(handout).map(|(bytes, _)| bytes)
}

/// Writes each page's picture as a PNG into `dir` (made if missing): `slide-01.png`,
/// `slide-02.png`, … (three digits from the 100th slide on, so they sort). Returns the
/// files written. Each file is saved atomically (an older file of the name stays whole
/// until the new one is complete).
pub fn write_pngs(
    handout: &Handout,
    dir: &Path,
    options: &PngOptions,
) -> Result<Vec<PathBuf>, RenderError> {
    let io_error = |path: &Path, error: std::io::Error| RenderError::Io {
        path: path.to_path_buf(),
        message: error.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|error| io_error(dir, error))?;
    let digits = handout.pages.len().to_string().len().max(2);
    let mut written = Vec::with_capacity(handout.pages.len());
    for (index, page) in handout.pages.iter().enumerate() {
        let path = dir.join(format!("slide-{:0digits$}.png", index + 1));
        let png = to_png(&page.picture, options)?;
        crate::io::save_atomically(&path, &png).map_err(|error| io_error(&path, error))?;
        written.push(path);
    }
    Ok(written)
}

/// One line of the title page, placed.
struct Placed {
    /// Where its baseline starts.
    origin: [f32; 2],
    /// What it says.
    spans: Vec<Span>,
    size: f32,
    colour: Rgba,
    /// The address the line links to, if any.
    link: Option<String>,
}

/// Lays the title page's lines out, page by page (more than one only when the slide
/// list and sources are longer than a page).
fn title_pages(handout: &Handout, measure: &TextMeasure) -> Vec<Vec<Placed>> {
    let (width, height) = handout.page_size();
    let text_width = width - 2.0 * MARGIN;
    let bottom = height - MARGIN - 2.0 * FOOTER_SIZE;
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    // The baseline of the line last placed.
    let mut y = MARGIN + height * 0.08;
    let add = |pages: &mut Vec<Vec<Placed>>,
               y: &mut f32,
               text: &str,
               style: Style,
               size: f32,
               colour: Rgba,
               space_before: f32| {
        let link = (text.starts_with("https://") || text.starts_with("http://"))
            .then(|| text.trim().to_owned());
        let source = if style == Style::default() {
            text.to_owned()
        } else {
            // Titles are set strong as a whole, without reading emphasis markers.
            text.replace('*', "")
        };
        let mut lines = wrap(measure, &source, size, text_width);
        if style != Style::default() {
            for span in lines.iter_mut().flatten() {
                span.style = style;
            }
        }
        *y += space_before;
        for spans in lines {
            *y += size * LEADING;
            if *y > bottom && pages.last().is_some_and(|page| !page.is_empty()) {
                pages.push(Vec::new());
                *y = MARGIN + size * LEADING;
            }
            if let Some(page) = pages.last_mut() {
                page.push(Placed {
                    origin: [MARGIN, *y],
                    spans,
                    size,
                    colour: if link.is_some() { LINK } else { colour },
                    link: link.clone(),
                });
            }
        }
    };
    let strong = Style {
        strong: true,
        emphasis: false,
    };
    add(&mut pages, &mut y, &handout.title, strong, 30.0, INK, 0.0);
    if let Some(subtitle) = handout.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        add(
            &mut pages,
            &mut y,
            subtitle,
            Style::default(),
            18.0,
            MUTED,
            4.0,
        );
    }
    if !handout.pages.is_empty() {
        add(&mut pages, &mut y, "Slides", strong, 13.0, INK, 24.0);
        for (index, page) in handout.pages.iter().enumerate() {
            let line = format!("{}.  {}", index + 1, page.title.replace('*', ""));
            add(&mut pages, &mut y, &line, Style::default(), 11.0, INK, 0.0);
        }
    }
    if !handout.sources.is_empty() {
        add(&mut pages, &mut y, "Sources", strong, 13.0, INK, 20.0);
        for source in &handout.sources {
            add(&mut pages, &mut y, source, Style::default(), 10.0, INK, 2.0);
        }
    }
    pages
}

/// How a slide page is laid out.
struct SlideLayout {
    /// The title's lines and their size.
    title: Vec<Vec<Span>>,
    title_size: f32,
    /// Where the picture goes and its scale.
    picture_at: [f32; 2],
    picture_scale: f32,
    /// The caption's lines, their size and the first baseline.
    caption: Vec<Vec<Span>>,
    caption_size: f32,
    caption_top: f32,
}

fn slide_layout(handout: &Handout, page: &HandoutPage, measure: &TextMeasure) -> SlideLayout {
    let (width, height) = handout.page_size();
    let text_width = width - 2.0 * MARGIN;
    let title_size = SLIDE_TITLE_SIZE;
    let mut title = wrap(
        measure,
        &page.title.replace('*', ""),
        title_size,
        text_width,
    );
    title.truncate(2);
    for span in title.iter_mut().flatten() {
        span.style.strong = true;
    }
    let top = MARGIN + title.len() as f32 * title_size * LEADING + 10.0;
    let bottom = height - MARGIN - 2.0 * FOOTER_SIZE;
    let room = (bottom - top).max(1.0);
    // The caption at the largest size that leaves the picture its share.
    let mut caption_size = CAPTION_SIZE;
    let (caption, caption_height) = loop {
        let lines = if page.caption.trim().is_empty() {
            Vec::new()
        } else {
            wrap(measure, page.caption.trim(), caption_size, text_width)
        };
        let height = if lines.is_empty() {
            0.0
        } else {
            lines.len() as f32 * caption_size * LEADING + 10.0
        };
        if height <= room * (1.0 - MIN_PICTURE_SHARE) || caption_size <= MIN_CAPTION_SIZE {
            break (lines, height);
        }
        caption_size = (caption_size - 0.5).max(MIN_CAPTION_SIZE);
    };
    // A caption too long even at the smallest size takes room from the picture, down to a
    // fifth of the page; past that (thousands of characters) it runs into the footer.
    let picture_room = (room - caption_height).max(room * 0.2);
    let (pw, ph) = (page.picture.width.max(1.0), page.picture.height.max(1.0));
    let scale = (text_width / pw).min(picture_room / ph);
    let picture_at = [MARGIN + (text_width - pw * scale) / 2.0, top];
    let caption_top = top + ph * scale + 10.0;
    SlideLayout {
        title,
        title_size,
        picture_at,
        picture_scale: scale,
        caption,
        caption_size,
        caption_top,
    }
}

/// Builds the PDF; returns its bytes and page count.
fn build(handout: &Handout) -> Result<(Vec<u8>, usize), RenderError> {
    let measure = TextMeasure::new();
    let fonts = Fonts::load();
    let pen = Pen {
        measure: &measure,
        fonts: &fonts,
    };
    let (width, height) = handout.page_size();
    let settings = PageSettings::from_wh(width, height)
        .ok_or_else(|| RenderError::Pdf(format!("a page cannot be {width} × {height} points")))?;
    let title_pages = title_pages(handout, &measure);
    let total = title_pages.len() + handout.pages.len();
    let mut document = Document::new();
    let mut outline = Outline::new();
    let mut number = 0;
    for lines in &title_pages {
        number += 1;
        let mut page = document.start_page_with(settings.clone());
        let mut links = Vec::new();
        {
            let mut surface = page.surface();
            for line in lines {
                let drawn = pen.spans(
                    &mut surface,
                    line.origin,
                    &line.spans,
                    line.size,
                    line.colour,
                );
                if let Some(address) = &line.link {
                    links.push((line.origin, drawn, line.size, address.clone()));
                }
            }
            footer(&pen, &mut surface, handout, number, total);
        }
        for ([x, y], w, size, address) in links {
            if let Some(rect) = PdfRect::from_xywh(x, y - size, w.max(1.0), size * LEADING) {
                page.add_annotation(
                    LinkAnnotation::new(rect, Target::Action(LinkAction::new(address).into()))
                        .into(),
                );
            }
        }
    }
    for slide in &handout.pages {
        let index = number;
        number += 1;
        let layout = slide_layout(handout, slide, &measure);
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        let mut y = MARGIN;
        for line in &layout.title {
            y += layout.title_size * LEADING * 0.85;
            pen.spans(&mut surface, [MARGIN, y], line, layout.title_size, INK);
        }
        let [px, py] = layout.picture_at;
        pen.picture(&mut surface, &slide.picture, [px, py], layout.picture_scale);
        // A hairline frame, so a picture with a white background keeps its edge.
        let (pw, ph) = (
            slide.picture.width * layout.picture_scale,
            slide.picture.height * layout.picture_scale,
        );
        if let Some(frame) = PdfRect::from_xywh(px, py, pw, ph).and_then(|rect| {
            let mut builder = PathBuilder::new();
            builder.push_rect(rect);
            builder.finish()
        }) {
            paint_stroke(&mut surface, &frame, 0.5, stroke(FRAME, 0.5));
        }
        let mut y = layout.caption_top;
        for line in &layout.caption {
            y += layout.caption_size * LEADING;
            pen.spans(&mut surface, [MARGIN, y], line, layout.caption_size, INK);
        }
        footer(&pen, &mut surface, handout, number, total);
        surface.finish();
        page.finish();
        let title = slide.title.replace('*', "");
        outline.push_child(OutlineNode::new(
            if title.trim().is_empty() {
                format!("Slide {}", index + 1 - title_pages.len())
            } else {
                title
            },
            XyzDestination::new(index, Point::from_xy(0.0, 0.0)),
        ));
    }
    document.set_outline(outline);
    let mut metadata = Metadata::new().creator("Minilateral".to_owned());
    if !handout.title.trim().is_empty() {
        let title = match &handout.subtitle {
            Some(subtitle) if !subtitle.trim().is_empty() => {
                format!("{}: {}", handout.title.trim(), subtitle.trim())
            }
            _ => handout.title.trim().to_owned(),
        };
        metadata = metadata.title(title);
    }
    document.set_metadata(metadata);
    let bytes = document
        .finish()
        .map_err(|error| RenderError::Pdf(describe(&error)))?;
    Ok((bytes, total))
}

/// The footer: the handout's title on the left, the page number on the right.
fn footer(
    pen: &Pen<'_>,
    surface: &mut Surface<'_>,
    handout: &Handout,
    number: usize,
    total: usize,
) {
    let (width, height) = handout.page_size();
    let y = height - MARGIN + FOOTER_SIZE;
    let label = format!("{number} / {total}");
    let label_width = pen.measure.advance(&label, FOOTER_SIZE);
    pen.text(
        surface,
        [width - MARGIN - label_width, y],
        &label,
        Style::default(),
        FOOTER_SIZE,
        MUTED,
    );
    if number > 1 {
        let room = width - 2.0 * MARGIN - label_width - 24.0;
        let mut title = handout.title.trim().to_owned();
        while !title.is_empty() && pen.measure.advance(&title, FOOTER_SIZE) > room {
            title.pop();
        }
        pen.text(
            surface,
            [MARGIN, y],
            &title,
            Style::default(),
            FOOTER_SIZE,
            MUTED,
        );
    }
}

/// A krilla error in words (its own type has no `Display`).
fn describe(error: &krilla::error::KrillaError) -> String {
    use krilla::error::KrillaError;
    match error {
        KrillaError::Font(_, message) => format!("a font could not be embedded: {message}"),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Camera, Framing, Rect};

    fn page(caption: &str) -> HandoutPage {
        HandoutPage {
            title: "A slide".to_owned(),
            picture: Picture {
                width: 1920.0,
                height: 1080.0,
                background: None,
                description: String::new(),
                layers: Vec::new(),
                framing: Framing {
                    network: Rect::default(),
                    camera: Camera::IDENTITY,
                },
                legend_rect: None,
                margin: 0.0,
                visible_nodes: 0,
                labels: Vec::new(),
            },
            caption: caption.to_owned(),
        }
    }

    /// The lowest point the caption's text reaches.
    fn caption_bottom(layout: &SlideLayout) -> f32 {
        layout.caption_top
            + layout.caption.len() as f32 * layout.caption_size * LEADING
            + layout.caption_size * 0.3
    }

    #[test]
    fn a_short_caption_leaves_the_picture_the_width_of_the_page() {
        let measure = TextMeasure::new();
        let handout = Handout::default();
        let (width, height) = handout.page_size();
        let layout = slide_layout(
            &handout,
            &page("Two short sentences. Nothing more."),
            &measure,
        );
        assert_eq!(layout.caption.len(), 1);
        assert!((layout.caption_size - CAPTION_SIZE).abs() < 1e-3);
        // A 16:9 picture on landscape A4 is as wide as the text, or limited by height.
        let picture_width = 1920.0 * layout.picture_scale;
        assert!(picture_width <= width - 2.0 * MARGIN + 0.01);
        assert!(
            picture_width > 0.8 * (width - 2.0 * MARGIN),
            "{picture_width}"
        );
        assert!(caption_bottom(&layout) < height - MARGIN - FOOTER_SIZE);
    }

    #[test]
    fn long_captions_shrink_and_stay_above_the_footer() {
        let measure = TextMeasure::new();
        for paper in [Paper::A4, Paper::Letter] {
            for orientation in [Orientation::Landscape, Orientation::Portrait] {
                let handout = Handout {
                    paper,
                    orientation,
                    ..Handout::default()
                };
                let (_, height) = handout.page_size();
                let long = "Joining one forum made joining the next one easier. ".repeat(60);
                let layout = slide_layout(&handout, &page(&long), &measure);
                assert!(
                    layout.caption_size < CAPTION_SIZE,
                    "{paper:?} {orientation:?}"
                );
                assert!(
                    caption_bottom(&layout) < height - MARGIN - FOOTER_SIZE,
                    "{paper:?} {orientation:?}: {} lines at {}",
                    layout.caption.len(),
                    layout.caption_size
                );
                assert!(layout.picture_scale > 0.0);
            }
        }
    }
}
