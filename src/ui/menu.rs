//! The menu bar.

use super::{Panels, PictureCommand};
use crate::model::{Level, Word};
use crate::state::{Command, DocumentCommand, EditTarget, ViewKind};
use crate::style::{BodyColouring, Theme};

/// What the menu asked for that is not a state command.
#[derive(Clone, Copy, Debug, Default)]
pub struct MenuActions {
    /// Fit the network to the window.
    pub fit: bool,
    /// Open the Lesson window on the chapter's ideas.
    pub tour: bool,
    /// Open the Lesson window as it was.
    pub lessons: bool,
    /// Start presenting the lesson shown.
    pub present: bool,
}

/// The menu bar at the top of the window.
pub fn menu_bar_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) -> MenuActions {
    let mut actions = MenuActions::default();
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                file_menu_ui(ui, panels);
            });
            ui.menu_button("Edit", |ui| {
                edit_menu_ui(ui, panels);
            });
            ui.menu_button("View", |ui| {
                for kind in ViewKind::ALL {
                    if ui
                        .radio(panels.state.view.kind == kind, kind.label())
                        .clicked()
                    {
                        panels.emit(Command::ShowView(kind));
                    }
                }
                ui.separator();
                if ui.button("Fit network to window").clicked() {
                    actions.fit = true;
                }
                if ui.button("Save window screenshot…").clicked() {
                    panels.emit_document(DocumentCommand::SaveScreenshot);
                }
                ui.separator();
                if ui.button("Lessons…").clicked() {
                    actions.lessons = true;
                }
                if ui.button("Present lesson (F5)").clicked() {
                    actions.present = true;
                }
                ui.separator();
                ui.checkbox(&mut panels.prefs.show_browser, "Bodies and actors list");
                ui.checkbox(&mut panels.prefs.show_inspector, "Inspector and legend");
                ui.checkbox(&mut panels.prefs.show_chart, "Membership chart");
                ui.checkbox(&mut panels.prefs.show_overlap, "Overlap matrix")
                    .on_hover_text("Which bodies share members at the date, alike ones together");
                ui.separator();
                let dark = panels.state.view.theme == Theme::Dark;
                if ui.selectable_label(!dark, "Light theme").clicked() {
                    panels.emit(Command::SetTheme(Theme::Light));
                }
                if ui.selectable_label(dark, "Dark theme").clicked() {
                    panels.emit(Command::SetTheme(Theme::Dark));
                }
                ui.separator();
                lens_ui(ui, panels);
                ui.separator();
                ui.label("Arrange nodes");
                for layout in crate::state::LayoutKind::ALL {
                    if ui
                        .radio(panels.state.view.layout == layout, layout.label())
                        .clicked()
                    {
                        panels.emit(Command::SetLayout(layout));
                    }
                }
                ui.separator();
                ui.label("Colour bodies by");
                for colouring in BodyColouring::ALL {
                    let selected = panels.state.view.body_colouring == colouring;
                    if ui.radio(selected, colouring.label()).clicked() {
                        panels.emit(Command::SetBodyColouring(colouring));
                    }
                }
            });
            ui.menu_button("Timeline", |ui| {
                let play = if panels.state.playing {
                    "Pause"
                } else {
                    "Play"
                };
                if ui
                    .add(egui::Button::new(play).shortcut_text("Space"))
                    .clicked()
                {
                    panels.emit(Command::TogglePlaying);
                }
                if ui
                    .add(egui::Button::new("Back one year").shortcut_text("Shift+←"))
                    .clicked()
                {
                    panels.emit(Command::StepMonths(-12));
                }
                if ui
                    .add(egui::Button::new("Forward one year").shortcut_text("Shift+→"))
                    .clicked()
                {
                    panels.emit(Command::StepMonths(12));
                }
                ui.separator();
                ui.label("Count as members");
                for &level in Level::ALL {
                    if ui
                        .radio(panels.state.view.level == level, level.label())
                        .clicked()
                    {
                        panels.emit(Command::SetLevel(level));
                    }
                }
            });
            ui.menu_button("Help", |ui| {
                if ui
                    .button("Ideas from the chapter…")
                    .on_hover_text(
                        "The sample's first lesson: the magic number, docking agreements, hard and soft law…",
                    )
                    .clicked()
                {
                    actions.tour = true;
                }
                ui.separator();
                ui.label("Click a node, or pick a body in the list, to inspect it.");
                ui.label("Drag the background to pan; scroll with Ctrl to zoom.");
                ui.separator();
                ui.label("Ctrl+F  search");
                ui.label("Space  play or pause");
                ui.label("← →  one month;  Shift+← →  one year");
                ui.label("Esc  clear the selection");
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let (icon, tip) = match panels.state.view.theme {
                    Theme::Light => ("🌙", "Switch to the dark theme"),
                    Theme::Dark => ("☀", "Switch to the light theme"),
                };
                if ui.button(icon).on_hover_text(tip).clicked() {
                    panels.emit(Command::SetTheme(panels.state.view.theme.toggled()));
                }
                let mark = if panels.file.dirty { " •" } else { "" };
                ui.weak(format!("{}{mark}", panels.document.file_label))
                    .on_hover_text(if panels.file.dirty {
                        "Unsaved changes"
                    } else {
                        panels.document.report_summary.as_str()
                    });
                if let Some(busy) = panels.file.busy.first() {
                    if panels.file.cancellable
                        && ui
                            .button("Cancel")
                            .on_hover_text("Stop writing the video; no file is written")
                            .clicked()
                    {
                        panels.emit_picture(PictureCommand::CancelVideo);
                    }
                    ui.spinner();
                    ui.label(format!("{busy}…"));
                } else if let Some(status) = panels.file.status {
                    ui.label(status);
                }
            });
        });
    });
    actions
}

fn item_ui(ui: &mut egui::Ui, label: &str, shortcut: &str) -> bool {
    ui.add(egui::Button::new(label).shortcut_text(shortcut))
        .clicked()
}

fn file_menu_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) {
    if item_ui(ui, "New", "Ctrl+N") {
        panels.emit_document(DocumentCommand::New);
    }
    if item_ui(ui, "Open…", "Ctrl+O") {
        panels.emit_document(DocumentCommand::Open);
    }
    ui.menu_button("Open recent", |ui| {
        if panels.prefs.recent_files.is_empty() {
            ui.weak("No recent files");
        }
        let mut chosen = None;
        for path in &panels.prefs.recent_files {
            let name = crate::document::file_name(path);
            if ui
                .button(name)
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                chosen = Some(path.clone());
            }
        }
        if let Some(path) = chosen {
            panels.emit_document(DocumentCommand::OpenPath(path));
        }
    });
    ui.separator();
    if item_ui(ui, "Save", "Ctrl+S") {
        panels.emit_document(DocumentCommand::Save);
    }
    if item_ui(ui, "Save as…", "Ctrl+Shift+S") {
        panels.emit_document(DocumentCommand::SaveAs);
    }
    ui.separator();
    if ui
        .add(egui::Button::new("Import…").shortcut_text("Ctrl+I"))
        .on_hover_text("Open an events table, Gephi CSV, GEXF or GraphML file as a new dataset")
        .clicked()
    {
        panels.emit_document(DocumentCommand::Import);
    }
    if ui
        .add(egui::Button::new("Add data from file…").shortcut_text("Ctrl+Shift+I"))
        .on_hover_text(
            "Add the bodies, actors, events and relations of another file to this dataset \
             (actors matched by id or ISO3; Undo takes them away)",
        )
        .clicked()
    {
        panels.emit_document(DocumentCommand::AddData);
    }
    if item_ui(ui, "Export image…", "Ctrl+E") {
        panels.emit_document(DocumentCommand::OpenExportImage);
    }
    if ui
        .button("Export data…")
        .on_hover_text("Write a copy as GEXF (for Gephi), GraphML, CSV or JSON")
        .clicked()
    {
        panels.emit_document(DocumentCommand::ExportData);
    }
    ui.separator();
    if item_ui(ui, "Quit", "Ctrl+Q") {
        panels.emit_document(DocumentCommand::Quit);
    }
}

fn edit_menu_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) {
    let undo = panels
        .file
        .undo
        .map_or_else(|| "Undo".to_owned(), |label| format!("Undo {label}"));
    if ui
        .add_enabled(
            panels.file.undo.is_some(),
            egui::Button::new(undo).shortcut_text("Ctrl+Z"),
        )
        .clicked()
    {
        panels.emit_document(DocumentCommand::Undo);
    }
    let redo = panels
        .file
        .redo
        .map_or_else(|| "Redo".to_owned(), |label| format!("Redo {label}"));
    if ui
        .add_enabled(
            panels.file.redo.is_some(),
            egui::Button::new(redo).shortcut_text("Ctrl+Shift+Z"),
        )
        .clicked()
    {
        panels.emit_document(DocumentCommand::Redo);
    }
    ui.separator();
    for (label, target) in [
        ("New actor…", EditTarget::Actor(None)),
        ("New body…", EditTarget::Body(None)),
        ("New relation…", EditTarget::Relation(None)),
    ] {
        if ui.button(label).clicked() {
            panels.emit_document(DocumentCommand::OpenEditor(target));
        }
    }
    ui.separator();
    if ui.button("Dataset details…").clicked() {
        panels.emit_document(DocumentCommand::OpenEditor(EditTarget::Meta));
    }
}

/// The members a club may have when the lens is switched on without a number.
pub const DEFAULT_MAX_MEMBERS: u32 = 40;

/// The minilateral lens: "Clubs up to N members" hides larger bodies at the date, and the
/// actors it leaves untied (in the View menu and the filters).
pub fn lens_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) {
    let current = panels.state.view.filters.max_members;
    let mut on = current.is_some();
    let mut most = current.unwrap_or(DEFAULT_MAX_MEMBERS);
    ui.horizontal(|ui| {
        let checkbox = ui.checkbox(&mut on, "Clubs up to").on_hover_text(
            "The minilateral lens: hide bodies with more members at the date, and the actors \
             that leaves with no tie",
        );
        let resized = ui
            .add_enabled(on, egui::DragValue::new(&mut most).range(2..=500))
            .labelled_by(checkbox.id)
            .changed();
        ui.label("members");
        let toggled = checkbox.changed();
        if toggled || resized {
            panels.emit(Command::SetMaxMembers(on.then_some(most)));
        }
    });
}
