//! The overlap matrix: every pair of bodies with members at the date, shaded by how alike
//! their memberships are, alike bodies side by side. It follows the timeline, so playing
//! shows coalitions drifting together or apart.
//!
//! The window draws the same [`MatrixPicture`] it exports, so a saved PNG or SVG looks like
//! the window (with the dataset's title and source line added).

use egui::{Pos2, Rect, Sense, Vec2};

use super::colour::{color32, theme_of};
use super::picture::paint_picture;
use super::{Panels, PictureCommand};
use crate::document::Document;
use crate::render::{ImageFormat, ImageRequest, MatrixPicture, PictureSubject, RenderOptions};
use crate::scene::{NodeRef, View};
use crate::state::{Command, Selection};
use crate::style::Theme;
use crate::timeline::{BodyIx, MATRIX_MAX_BODIES, OverlapMatrix};

/// PNG pixels per picture unit: the matrix is drawn at screen size, twice as sharp.
const PNG_SCALE: f32 = 2.0;

/// The matrix of the last view asked for, kept while the view, the dataset and the picture
/// options stay the same.
#[derive(Default)]
pub struct OverlapView {
    /// What the matrix shows: the view, the graph version and the picture's options.
    key: Option<(View, u64, RenderOptions)>,
    matrix: Option<(OverlapMatrix, MatrixPicture)>,
}

impl OverlapView {
    /// The matrix of the panels' view; `version` changes with the dataset.
    fn update(&mut self, panels: &Panels<'_>, theme: Theme, version: u64) {
        let document = panels.document;
        let view = panels.state.view.with_theme(theme);
        let options = screen_options(document, theme);
        let key = (view, version, options);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let (view, _, options) = &key;
        let matrix = OverlapMatrix::at(
            &document.timeline,
            view.date.end(),
            view.level,
            &[],
            MATRIX_MAX_BODIES,
        );
        let picture = MatrixPicture::build(document, &matrix, view, options);
        self.matrix = Some((matrix, picture));
        self.key = Some(key);
    }
}

/// The matrix picture on screen: a saved one's options without the title and source line
/// (the window has its own title).
fn screen_options(document: &Document, theme: Theme) -> RenderOptions {
    RenderOptions {
        title: None,
        source: None,
        ..MatrixPicture::file_options(document, theme)
    }
}

/// The overlap window, while `prefs.show_overlap` is on.
pub fn overlap_window_ui(
    ctx: &egui::Context,
    panels: &mut Panels<'_>,
    view: &mut OverlapView,
    version: u64,
) {
    let mut open = panels.prefs.show_overlap;
    if !open {
        return;
    }
    let theme = theme_of(ctx);
    view.update(panels, theme, version);
    let mut clicked = None;
    let mut command = None;
    egui::Window::new("How the bodies overlap")
        .open(&mut open)
        .resizable(false)
        .default_pos(ctx.content_rect().right_top() + Vec2::new(-620.0, 60.0))
        .show(ctx, |ui| {
            let Some((matrix, picture)) = &view.matrix else {
                return;
            };
            let request = || ImageRequest {
                options: MatrixPicture::file_options(panels.document, theme),
                scale: PNG_SCALE,
                subject: PictureSubject::OverlapMatrix,
                compare: Vec::new(),
            };
            ui.horizontal(|ui| {
                let has_cells = !matrix.order.is_empty();
                ui.add_enabled_ui(has_cells, |ui| {
                    if ui
                        .button("Save PNG…")
                        .on_hover_text("The matrix as a picture, twice the size shown")
                        .clicked()
                    {
                        command = Some(PictureCommand::Export(ImageFormat::Png, request()));
                    }
                    if ui
                        .button("Save SVG…")
                        .on_hover_text("The matrix as a drawing with real text")
                        .clicked()
                    {
                        command = Some(PictureCommand::Export(ImageFormat::Svg, request()));
                    }
                    if ui
                        .button("Copy")
                        .on_hover_text("Put the matrix picture on the clipboard")
                        .clicked()
                    {
                        command = Some(PictureCommand::Copy(request()));
                    }
                });
            });
            clicked = matrix_ui(ui, panels, matrix, picture);
            if !matrix.order.is_empty() {
                ui.weak("Click a cell to select its row's body; hover for the numbers.");
            }
        });
    panels.prefs.show_overlap = open;
    if let Some(body) = clicked {
        panels.emit(Command::Select(Some(Selection::Body(body))));
    }
    if let Some(command) = command {
        panels.emit_picture(command);
    }
}

/// The cell of `matrix` under `pointer`, for the picture drawn with its corner at `origin`.
fn cell_under(matrix: &MatrixPicture, origin: Pos2, pointer: Pos2) -> Option<(usize, usize)> {
    let at = pointer - origin;
    matrix.cell_at([at.x, at.y])
}

/// Draws the picture, rings the selected body's row and column, and explains the hovered
/// cell; returns the row's body of a clicked cell.
fn matrix_ui(
    ui: &mut egui::Ui,
    panels: &Panels<'_>,
    matrix: &OverlapMatrix,
    picture: &MatrixPicture,
) -> Option<BodyIx> {
    let palette = theme_of(ui.ctx()).palette();
    let size = Vec2::new(picture.picture.width, picture.picture.height);
    let (area, _) = ui.allocate_exact_size(size, Sense::hover());
    let origin = area.min;
    let painter = ui.painter_at(area);
    paint_picture(&painter, origin, 1.0, &picture.picture);
    let cells = Rect::from_min_size(
        origin + Vec2::new(picture.cells.x, picture.cells.y),
        Vec2::new(picture.cells.w, picture.cells.h),
    );
    if picture.order.is_empty() {
        return None;
    }
    let response = ui.interact(cells, ui.id().with("overlap_matrix"), Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::WidgetType::Other, true, "Overlap matrix cells")
    });
    let document = panels.document;
    let overlap = &matrix.overlap;
    // The row names are painted; a hover area over each gives it a name for screen
    // readers and the member count on hover.
    for (i, &body) in picture.order.iter().enumerate() {
        let top = cells.top() + i as f32 * picture.cell;
        let row = Rect::from_min_max(
            Pos2::new(area.left(), top),
            Pos2::new(cells.left() - 2.0, top + picture.cell),
        );
        let name = document.node_label(NodeRef::Body(body));
        ui.interact(row, ui.id().with(("overlap_row", i)), Sense::hover())
            .on_hover_text(format!("{name}: {} members", overlap.size(body)))
            .widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Label, true, name));
    }
    let selected = match panels.state.view.selection {
        Some(Selection::Body(body)) => picture.order.iter().position(|&b| b == body),
        _ => None,
    };
    if let Some(i) = selected {
        let stroke = egui::Stroke::new(1.5, color32(palette.text));
        let cell = picture.cell;
        let side = cells.width();
        for band in [
            Rect::from_min_size(
                cells.min + Vec2::new(0.0, i as f32 * cell),
                Vec2::new(side, cell),
            ),
            Rect::from_min_size(
                cells.min + Vec2::new(i as f32 * cell, 0.0),
                Vec2::new(cell, side),
            ),
        ] {
            painter.rect_stroke(band, 1.0, stroke, egui::StrokeKind::Inside);
        }
    }
    let hovered = response
        .hover_pos()
        .and_then(|pointer| cell_under(picture, origin, pointer));
    if let Some((row, column)) = hovered {
        let (a, b) = (picture.order[row], picture.order[column]);
        let (name_a, name_b) = (
            document.node_label(NodeRef::Body(a)),
            document.node_label(NodeRef::Body(b)),
        );
        let tip = if a == b {
            format!("{name_a}: {} members", overlap.size(a))
        } else {
            format!(
                "{name_a} and {name_b}: {} shared\n{name_a} has {}, {name_b} has {}\n\
                 similarity {:.2}",
                overlap.shared(a, b),
                overlap.size(a),
                overlap.size(b),
                overlap.jaccard(a, b)
            )
        };
        response.clone().on_hover_text_at_pointer(tip);
    }
    if response.clicked() {
        return response
            .interact_pointer_pos()
            .and_then(|pointer| cell_under(picture, origin, pointer))
            .map(|(row, _)| picture.order[row]);
    }
    None
}
