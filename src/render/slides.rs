//! Pictures of slides: the view of a slide with its camera, and the pictures between two
//! slides while presenter mode moves from one to the next (the date counts, the camera
//! glides). Presenter mode, handouts and `minilateral lesson --out` draw slides here.

use super::build::{shared_framing, source_line};
use super::camera::{Camera, Framing, Rect};
use super::handout::{Handout, HandoutPage, Paper};
use super::map::picture_of_view;
use super::options::RenderOptions;
use super::picture::Picture;
use crate::document::Document;
use crate::model::{Lesson, Month, Slide, SlideCamera, SlideSelection};
use crate::scene::{View, ViewKind};

/// Whether a view is drawn as the network (and so has a camera).
fn is_network(view: &View) -> bool {
    matches!(view.kind, ViewKind::Network | ViewKind::Table)
}

/// The framing of a network view fitted to the picture, then moved by `camera`: its centre
/// at the middle of the network's frame, its zoom a percentage of the fitted one.
pub fn slide_framing(
    document: &Document,
    view: &View,
    positions: &[[f32; 2]],
    options: &RenderOptions,
    camera: Option<SlideCamera>,
) -> Framing {
    let fitted = shared_framing(document, std::slice::from_ref(view), positions, options);
    let Some(camera) = camera else {
        return fitted;
    };
    let factor = camera
        .zoom_percent
        .clamp(SlideCamera::MIN_ZOOM, SlideCamera::MAX_ZOOM) as f32
        / 100.0;
    let frame = fitted.network;
    let zoom = fitted.camera.zoom * factor;
    let middle = [frame.x + frame.w / 2.0, frame.y + frame.h / 2.0];
    Framing {
        network: frame,
        camera: Camera {
            zoom,
            node_zoom: fitted.camera.node_zoom * factor,
            offset: [
                middle[0] - zoom * camera.centre[0] as f32,
                middle[1] - zoom * camera.centre[1] as f32,
            ],
        },
    }
}

/// The picture of a view at `framing` (network views; other views fit themselves).
pub fn picture_at(
    document: &Document,
    view: &View,
    positions: &[[f32; 2]],
    options: &RenderOptions,
    framing: Option<Framing>,
) -> Picture {
    if is_network(view) {
        let options = RenderOptions {
            framing,
            ..options.clone()
        };
        picture_of_view(document, view, positions, &options)
    } else {
        picture_of_view(document, view, positions, options)
    }
}

/// The picture of a slide's view, with its camera.
pub fn slide_picture(
    document: &Document,
    view: &View,
    slide: &Slide,
    positions: &[[f32; 2]],
    options: &RenderOptions,
) -> Picture {
    let framing = framing_of_slide(document, view, slide, positions, options);
    picture_at(document, view, positions, options, framing)
}

/// The framing of a slide's picture with its camera, when its view is drawn as the network
/// (the other views fit themselves).
pub fn framing_of_slide(
    document: &Document,
    view: &View,
    slide: &Slide,
    positions: &[[f32; 2]],
    options: &RenderOptions,
) -> Option<Framing> {
    is_network(view).then(|| slide_framing(document, view, positions, options, slide.camera))
}

/// A lesson as a handout: a title page (the dataset's title, the lesson's name, the data's
/// credit line, description and notes, and the official page of each body the slides
/// select), then a page per slide: its title, its picture (each slide's view over `base`,
/// with its camera, untitled: the page has the title) and its caption.
pub fn lesson_handout(
    document: &Document,
    lesson: &Lesson,
    base: &View,
    positions: &[[f32; 2]],
    options: &RenderOptions,
    paper: Paper,
) -> Handout {
    let options = RenderOptions {
        title: None,
        ..options.clone()
    };
    let pages = lesson
        .slides
        .iter()
        .map(|slide| {
            let view = View::of_slide(slide, &document.timeline, base);
            HandoutPage {
                title: slide.title.clone(),
                picture: slide_picture(document, &view, slide, positions, &options),
                caption: slide.caption.clone(),
            }
        })
        .collect();
    let meta = &document.dataset.meta;
    let mut sources = vec![source_line(document)];
    sources.extend(
        [&meta.description, &meta.notes]
            .into_iter()
            .map(|text| text.trim().to_owned())
            .filter(|text| !text.is_empty()),
    );
    let mut cited: Vec<&str> = Vec::new();
    for slide in &lesson.slides {
        if let Some(SlideSelection::Body(id)) = &slide.selection
            && !cited.contains(&id.as_str())
            && let Some(body) = document.dataset.body(id)
        {
            cited.push(id);
            if let Some(url) = &body.url {
                sources.push(format!("{}: {url}", body.name));
            }
        }
    }
    Handout {
        title: document.title().to_owned(),
        subtitle: Some(lesson.name.clone()),
        sources,
        pages,
        paper,
        ..Handout::default()
    }
}

/// Smoothstep: a move that starts and ends gently.
pub fn ease(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// The way from one slide's view to the next: when both show the same kind of view, the
/// date counts from one to the other and the camera glides (joiners since the first date
/// are ringed as they come); otherwise the two pictures dissolve.
#[derive(Clone, Debug, PartialEq)]
pub struct SlideMove {
    /// The view left.
    pub from: View,
    /// Its framing (network views).
    pub from_framing: Option<Framing>,
    /// The view arrived at.
    pub to: View,
    /// Its framing (network views).
    pub to_framing: Option<Framing>,
}

impl SlideMove {
    /// Whether the move counts and glides rather than dissolves.
    pub fn glides(&self) -> bool {
        self.from.kind == self.to.kind
            && (self.from.date != self.to.date || self.from_framing != self.to_framing)
    }

    /// The view a fraction `t` (0 to 1, eased) of the way: the new view at a date between
    /// the two, with the old date as the step before it (so that joiners are ringed).
    pub fn view_at(&self, t: f32) -> View {
        let t = ease(t);
        let (from, to) = (self.from.date.index(), self.to.date.index());
        let date = Month::from_index(from + ((to - from) as f32 * t).round() as i32);
        View {
            date,
            previous_date: if date == self.from.date {
                date
            } else {
                self.from.date
            },
            ..self.to.clone()
        }
    }

    /// The framing a fraction `t` of the way (network views).
    pub fn framing_at(&self, t: f32) -> Option<Framing> {
        let t = ease(t);
        match (self.from_framing, self.to_framing) {
            (Some(a), Some(b)) => Some(Framing {
                network: Rect {
                    x: lerp(a.network.x, b.network.x, t),
                    y: lerp(a.network.y, b.network.y, t),
                    w: lerp(a.network.w, b.network.w, t),
                    h: lerp(a.network.h, b.network.h, t),
                },
                camera: Camera {
                    zoom: lerp(a.camera.zoom, b.camera.zoom, t),
                    node_zoom: lerp(a.camera.node_zoom, b.camera.node_zoom, t),
                    offset: [
                        lerp(a.camera.offset[0], b.camera.offset[0], t),
                        lerp(a.camera.offset[1], b.camera.offset[1], t),
                    ],
                },
            }),
            (_, to) => to,
        }
    }
}

fn lerp(a: f32, b: f32, t: f32) -> f32 {
    a + (b - a) * t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framing(zoom: f32, x: f32) -> Framing {
        Framing {
            network: Rect {
                x,
                y: 0.0,
                w: 100.0,
                h: 100.0,
            },
            camera: Camera {
                zoom,
                node_zoom: zoom,
                offset: [x, 0.0],
            },
        }
    }

    #[test]
    fn a_move_counts_the_date_and_glides_the_camera() {
        let from = View::at(Month::new(2010, 1));
        let to = View::at(Month::new(2014, 1));
        let step = SlideMove {
            from: from.clone(),
            from_framing: Some(framing(1.0, 0.0)),
            to: to.clone(),
            to_framing: Some(framing(3.0, 40.0)),
        };
        assert!(step.glides());
        assert_eq!(step.view_at(0.0).date, from.date);
        assert_eq!(
            step.view_at(1.0),
            View {
                previous_date: from.date,
                ..to.clone()
            }
        );
        let halfway = step.view_at(0.5);
        assert_eq!(halfway.date, Month::new(2012, 1));
        assert_eq!(
            halfway.previous_date, from.date,
            "joiners since the old date are ringed"
        );
        let dates: Vec<i32> = (0..=10)
            .map(|i| step.view_at(i as f32 / 10.0).date.index())
            .collect();
        assert!(
            dates.windows(2).all(|pair| pair[0] <= pair[1]),
            "the date only counts up"
        );
        let middle = step.framing_at(0.5).expect("both are networks");
        assert!((middle.camera.zoom - 2.0).abs() < 1e-4);
        assert!((middle.network.x - 20.0).abs() < 1e-4);
        assert_eq!(step.framing_at(1.0), step.to_framing);
    }

    #[test]
    fn a_camera_zooms_on_its_centre() {
        let text = include_str!("../../tests/fixtures/ui/small.json");
        let (dataset, _) = crate::io::read_native_str(text, "small.json").expect("the fixture");
        let document = Document::new(dataset, "small".into(), String::new());
        let positions = Document::compute_layout(document.layout_request());
        let view = View::at(document.months().1);
        let options = RenderOptions::default();
        let fitted = slide_framing(&document, &view, &positions, &options, None);
        let camera = SlideCamera {
            centre: [30, -10],
            zoom_percent: 200,
        };
        let zoomed = slide_framing(&document, &view, &positions, &options, Some(camera));
        assert!((zoomed.camera.zoom - 2.0 * fitted.camera.zoom).abs() < 1e-3);
        let at = zoomed.camera.picture_from_layout([30.0, -10.0]);
        let frame = zoomed.network;
        assert!((at[0] - (frame.x + frame.w / 2.0)).abs() < 1e-3);
        assert!((at[1] - (frame.y + frame.h / 2.0)).abs() < 1e-3);
    }
}
