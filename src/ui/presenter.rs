//! Presenter mode's caption band: the slide's title in large type, its caption with
//! `*emphasis*`, and where the slide is in the lesson. The picture above it is the slide's
//! (see `render::slide_picture`), painted through [`super::PaintedPicture`].

use crate::model::caption_runs;
use crate::style::Palette;

use super::colour::color32;

/// The caption band's height for a screen of `height` points: room for the title and
/// four lines of caption, or for the title alone.
pub fn caption_band_height(height: f32, has_caption: bool) -> f32 {
    let share = if has_caption { 0.24 } else { 0.1 };
    (height * share).max(60.0)
}

/// Paints the caption band into `rect`, and gives screen readers its texts.
pub fn paint_caption_band(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    palette: &Palette,
    title: &str,
    caption: &str,
    place: &str,
) {
    let painter = &ui.painter_at(rect);
    let scale = (rect.width() / 1920.0).clamp(0.5, 2.0);
    painter.rect_filled(rect, 0.0, color32(palette.background));
    let margin = 48.0 * scale;
    let text = color32(palette.text);
    let muted = color32(palette.muted);
    let width = rect.width() - 2.0 * margin;
    let title_size = 40.0 * scale;
    let title_galley = painter.layout(
        title.to_owned(),
        egui::FontId::proportional(title_size),
        text,
        width,
    );
    let mut y = rect.top() + 16.0 * scale;
    painter.galley(
        egui::pos2(rect.left() + margin, y),
        title_galley.clone(),
        text,
    );
    y += title_galley.size().y + 8.0 * scale;
    if !caption.is_empty() {
        let job = caption_job(caption, 30.0 * scale, text, width);
        let galley = painter.layout_job(job);
        painter.galley(egui::pos2(rect.left() + margin, y), galley, text);
    }
    painter.text(
        rect.right_bottom() + egui::vec2(-margin, -12.0 * scale),
        egui::Align2::RIGHT_BOTTOM,
        place,
        egui::FontId::proportional(20.0 * scale),
        muted,
    );
    for (number, text) in [title, caption, place].into_iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        let id = ui.id().with(("caption_band", number));
        let response = ui.interact(rect, id, egui::Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Label, true, text));
    }
}

/// A caption as laid-out text: emphasised runs in italics and underlined with the text
/// colour, wrapped to `width`.
pub fn caption_job(
    caption: &str,
    size: f32,
    colour: egui::Color32,
    width: f32,
) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    for (emphasis, run) in caption_runs(caption) {
        let format = egui::TextFormat {
            font_id: egui::FontId::proportional(size),
            color: colour,
            italics: emphasis,
            underline: if emphasis {
                egui::Stroke::new(1.0, colour)
            } else {
                egui::Stroke::NONE
            },
            ..Default::default()
        };
        job.append(run, 0.0, format);
    }
    job.wrap.max_width = width;
    job
}
