//! The Lesson window: the lessons of the dataset, the slide shown with its title and
//! caption to edit, the list of slides, and the edits a teacher makes (add this view as a
//! slide, update, duplicate, move, delete, all undoable). Clicking a slide shows its view.

use super::Panels;
use crate::edit::Edit;
use crate::state::{
    DocumentCommand, IDEAS_LESSON, SlideRef, lesson_named, show_slide, slide_of_view,
};

/// The window's memory between frames.
#[derive(Clone, Debug, Default)]
pub struct LessonPanel {
    /// Whether the window is open.
    pub open: bool,
    /// The lesson shown.
    pub lesson: usize,
    /// The slide shown in it.
    pub slide: usize,
    /// The title and caption being edited, and the slide they belong to.
    draft: Option<(SlideRef, String, String)>,
    /// Start presenting (F5 or the button), asked this frame.
    pub present: bool,
}

/// The label of the button that writes the lesson as a PDF handout.
pub const EXPORT_LESSON_LABEL: &str = "Export PDF…";

/// The label of the button that adds the view as a slide.
pub const ADD_SLIDE_LABEL: &str = "Add this view as a slide";

impl LessonPanel {
    /// Opens the window on the chapter's ideas (or the first lesson) and shows its first
    /// slide.
    pub fn open_ideas(&mut self, panels: &mut Panels<'_>) {
        self.open = true;
        self.lesson = lesson_named(panels.document, IDEAS_LESSON).unwrap_or(0);
        self.go_to(panels, 0);
    }

    /// The slide shown.
    pub fn current(&self) -> SlideRef {
        SlideRef {
            lesson: self.lesson,
            slide: self.slide,
        }
    }

    fn go_to(&mut self, panels: &mut Panels<'_>, slide: usize) {
        self.slide = slide;
        if let Some(command) = show_slide(panels.document, panels.state, self.current()) {
            panels.emit(command);
        }
    }
}

/// The Lesson window.
pub fn lesson_window_ui(ctx: &egui::Context, panels: &mut Panels<'_>, panel: &mut LessonPanel) {
    if !panel.open {
        return;
    }
    let lessons = &panels.document.dataset.lessons;
    if panel.lesson >= lessons.len() {
        panel.lesson = 0;
    }
    let mut open = true;
    egui::Window::new("Lesson")
        .open(&mut open)
        .resizable(true)
        .default_width(400.0)
        .default_pos(ctx.content_rect().left_bottom() + egui::vec2(240.0, -520.0))
        .show(ctx, |ui| lesson_ui(ui, panels, panel));
    panel.open = open;
}

fn lesson_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>, panel: &mut LessonPanel) {
    let dataset = &panels.document.dataset;
    ui.horizontal(|ui| {
        let name = dataset
            .lessons
            .get(panel.lesson)
            .map_or("No lessons yet", |lesson| lesson.name.as_str());
        egui::ComboBox::from_id_salt("lesson_choice")
            .selected_text(name)
            .show_ui(ui, |ui| {
                for (index, lesson) in dataset.lessons.iter().enumerate() {
                    if ui
                        .selectable_label(index == panel.lesson, &lesson.name)
                        .clicked()
                    {
                        panel.lesson = index;
                        panel.slide = 0;
                        panel.draft = None;
                    }
                }
            });
        if ui.button("New lesson").clicked() {
            panel.lesson = dataset.lessons.len();
            panel.slide = 0;
            panels.emit_document(DocumentCommand::Apply(Edit::add_lesson(
                dataset,
                "My lesson",
            )));
        }
    });
    let Some(lesson) = dataset.lessons.get(panel.lesson) else {
        ui.label("A lesson is a list of views with a few words each, to show in class (F5) and hand out as a PDF.");
        return;
    };
    let count = lesson.slides.len();
    if count > 0 && panel.slide >= count {
        panel.slide = count - 1;
    }
    ui.separator();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(panel.slide > 0, egui::Button::new("◀ Previous"))
            .clicked()
        {
            panel.go_to(panels, panel.slide - 1);
        }
        ui.label(if count == 0 {
            "No slides".to_owned()
        } else {
            format!("{} of {count}", panel.slide + 1)
        });
        if ui
            .add_enabled(panel.slide + 1 < count, egui::Button::new("Next ▶"))
            .clicked()
        {
            panel.go_to(panels, panel.slide + 1);
        }
        if ui
            .add_enabled(count > 0, egui::Button::new("Present (F5)"))
            .on_hover_text("Full screen, one slide at a time; Esc leaves")
            .clicked()
        {
            panel.present = true;
        }
        if ui
            .add_enabled(count > 0, egui::Button::new(EXPORT_LESSON_LABEL))
            .on_hover_text("A handout: a title page, then a page per slide with its caption")
            .clicked()
        {
            panels.emit_picture(super::PictureCommand::ExportLesson(panel.lesson));
        }
    });
    let dataset = &panels.document.dataset;
    let Some(lesson) = dataset.lessons.get(panel.lesson) else {
        return;
    };
    if let Some(slide) = lesson.slides.get(panel.slide) {
        let at = panel.current();
        let (_, title, caption) = panel
            .draft
            .get_or_insert_with(|| (at, slide.title.clone(), slide.caption.clone()));
        let shown = panels.state.shown_slide == Some(at);
        ui.add(
            egui::TextEdit::singleline(title)
                .hint_text("Title")
                .desired_width(f32::INFINITY),
        );
        ui.add(
            egui::TextEdit::multiline(caption)
                .hint_text("A few sentences; *stars* emphasise")
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        );
        let changed = *title != slide.title || *caption != slide.caption;
        let (mut save, mut show, mut update) = (false, false, false);
        ui.horizontal(|ui| {
            save = ui
                .add_enabled(changed, egui::Button::new("Save text"))
                .clicked();
            show = ui
                .add_enabled(!shown, egui::Button::new("Show"))
                .on_hover_text("Back to this slide's view")
                .clicked();
            update = ui
                .add_enabled(!shown, egui::Button::new("Update to this view"))
                .on_hover_text("The slide keeps its words and takes the view on screen")
                .clicked();
        });
        let edited = if save {
            let mut edited = slide.clone();
            edited.title = title.trim().to_owned();
            edited.caption = caption.trim().to_owned();
            Some(edited)
        } else if update {
            let mut updated = slide_of_view(panels.document, panels.state, slide.camera);
            updated.title.clone_from(&slide.title);
            updated.caption.clone_from(&slide.caption);
            Some(updated)
        } else {
            None
        };
        if let Some(edit) =
            edited.and_then(|edited| Edit::change_slide(dataset, at.lesson, at.slide, edited))
        {
            panels.emit_document(DocumentCommand::Apply(edit));
        }
        if show {
            panel.go_to(panels, at.slide);
        }
        if panel
            .draft
            .as_ref()
            .is_some_and(|(draft_at, ..)| *draft_at != at)
        {
            panel.draft = None;
        }
    }
    ui.separator();
    let mut go_to = None;
    egui::ScrollArea::vertical()
        .max_height(220.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (index, slide) in lesson.slides.iter().enumerate() {
                let label = format!("{}. {}", index + 1, slide.title);
                if ui.selectable_label(index == panel.slide, label).clicked() {
                    go_to = Some(index);
                }
            }
        });
    if let Some(index) = go_to {
        panel.draft = None;
        panel.go_to(panels, index);
    }
    ui.separator();
    let (at, edits) = slide_buttons_ui(ui, panels, panel.current(), count);
    if let Some(edit) = edits {
        panel.draft = None;
        panel.slide = at;
        panels.emit_document(DocumentCommand::Apply(edit));
    }
}

/// The buttons that add, duplicate, move and delete slides: the edit asked for, and the
/// slide to show after it.
fn slide_buttons_ui(
    ui: &mut egui::Ui,
    panels: &Panels<'_>,
    at: SlideRef,
    count: usize,
) -> (usize, Option<Edit>) {
    let dataset = &panels.document.dataset;
    let mut result = (at.slide, None);
    ui.horizontal_wrapped(|ui| {
        if ui.button(ADD_SLIDE_LABEL).clicked() {
            let slide = slide_of_view(panels.document, panels.state, None);
            let after = if count == 0 { 0 } else { at.slide + 1 };
            result = (after, Edit::add_slide(dataset, at.lesson, after, slide));
        }
        let some = count > 0;
        if ui
            .add_enabled(some, egui::Button::new("Duplicate"))
            .clicked()
        {
            result = (
                at.slide + 1,
                Edit::duplicate_slide(dataset, at.lesson, at.slide),
            );
        }
        if ui
            .add_enabled(some && at.slide > 0, egui::Button::new("Move up"))
            .clicked()
        {
            result = (
                at.slide - 1,
                Edit::move_slide(dataset, at.lesson, at.slide, at.slide - 1),
            );
        }
        if ui
            .add_enabled(some && at.slide + 1 < count, egui::Button::new("Move down"))
            .clicked()
        {
            result = (
                at.slide + 1,
                Edit::move_slide(dataset, at.lesson, at.slide, at.slide + 1),
            );
        }
        if ui
            .add_enabled(some, egui::Button::new("Delete slide"))
            .clicked()
        {
            result = (
                at.slide.saturating_sub(1),
                Edit::remove_slide(dataset, at.lesson, at.slide),
            );
        }
    });
    result
}
