//! Dialog boxes that need an answer before anything else: unsaved changes, import reports,
//! messages, recovered work, and a typed path when no file dialog can be shown.

use std::path::{Path, PathBuf};

use crate::io::shaped::{DateOrder, MappingStep, Role, StepOutcome};
use crate::io::{ImportReport, Severity};

/// The rows of a table the mapping step shows below the header.
const PREVIEW_ROWS: usize = 6;

/// The title of the mapping step (also its accessible name).
pub const MAPPING_TITLE: &str = "Columns of the table";

/// The most report lines shown; the rest are counted.
const MAX_REPORT_LINES: usize = 200;

/// What a dialog box shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// "Save changes to X?"
    Unsaved {
        /// The document's name.
        name: String,
    },
    /// The problems found in a file.
    Report {
        /// The file and summary.
        summary: String,
        /// One line per problem: place, message, what was done.
        lines: Vec<(Severity, String)>,
        /// Only warnings: the label of the button that goes on anyway ("Open anyway").
        proceed: Option<&'static str>,
    },
    /// Something to acknowledge.
    Message {
        /// The title.
        title: String,
        /// The text.
        text: String,
    },
    /// Unsaved work from an earlier run was found.
    Recover {
        /// When it was written, in words.
        written: String,
    },
    /// No file dialog is available: type a path.
    TypedPath {
        /// The path typed so far.
        text: String,
    },
    /// A table of another shape: the role of each column, to confirm or correct.
    Mapping {
        /// The table and the mapping being corrected.
        step: Box<MappingStep>,
        /// The body's name as typed.
        body_name: String,
    },
}

/// The user's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModalAnswer {
    /// Save the changes first.
    Save,
    /// Throw the changes (or the recovered work) away.
    Discard,
    /// Do nothing.
    Cancel,
    /// Open the dataset despite its warnings.
    OpenAnyway,
    /// Open the recovered work.
    Recover,
    /// Use this path.
    Path(PathBuf),
    /// Import the table with the mapping as it stands.
    ImportTable,
}

/// The title of the unsaved-changes box (also its accessible name).
pub const UNSAVED_TITLE: &str = "Unsaved changes";

impl Modal {
    /// Asks what to do with unsaved changes.
    pub fn unsaved(name: &str) -> Self {
        Self::Unsaved {
            name: name.to_owned(),
        }
    }

    /// Shows an import report; `proceed` labels the button that goes on despite warnings
    /// (`None`: there are errors, the file cannot be used).
    pub fn report(report: &ImportReport, proceed: Option<&'static str>) -> Self {
        let lines = report
            .issues
            .iter()
            .take(MAX_REPORT_LINES)
            .map(|issue| (issue.severity, report.format_issue(issue)))
            .collect();
        Self::Report {
            summary: format!("{}: {}", report.file, report.summary()),
            lines,
            proceed,
        }
    }

    /// Shows a message.
    pub fn message(title: &str, text: &str) -> Self {
        Self::Message {
            title: title.to_owned(),
            text: text.to_owned(),
        }
    }

    /// Offers work recovered from an earlier run.
    pub fn recover(path: &Path) -> Self {
        let written = std::fs::metadata(path)
            .and_then(|meta| meta.modified())
            .ok()
            .and_then(|time| time.elapsed().ok())
            .map_or_else(
                || "earlier".to_owned(),
                |age| match age.as_secs() {
                    0..120 => "a moment ago".to_owned(),
                    120..7200 => format!("{} minutes ago", age.as_secs() / 60),
                    _ => format!("{} hours ago", age.as_secs() / 3600),
                },
            );
        Self::Recover { written }
    }

    /// Shows the mapping step of a table.
    pub fn mapping(step: MappingStep) -> Self {
        let body_name = step.mapping().body_name.clone().unwrap_or_default();
        Self::Mapping {
            step: Box::new(step),
            body_name,
        }
    }

    /// Asks for a path by hand.
    pub fn typed_path() -> Self {
        Self::TypedPath {
            text: String::new(),
        }
    }

    /// The box's title.
    pub fn title(&self) -> &str {
        match self {
            Self::Unsaved { .. } => UNSAVED_TITLE,
            Self::Report {
                proceed: Some(_), ..
            } => "Problems in the file",
            Self::Report { .. } => "The file cannot be opened",
            Self::Message { title, .. } => title,
            Self::Recover { .. } => "Recover unsaved work?",
            Self::TypedPath { .. } => "Type a file path",
            Self::Mapping { .. } => MAPPING_TITLE,
        }
    }
}

/// Shows the dialog box; returns the answer once the user gives one.
pub fn modal_ui(ctx: &egui::Context, modal: &mut Modal) -> Option<ModalAnswer> {
    let mut answer = None;
    let title = modal.title().to_owned();
    let response = egui::Modal::new(egui::Id::new("minilateral_modal")).show(ctx, |ui| {
        let wide = matches!(modal, Modal::Mapping { .. });
        ui.set_max_width(if wide { 900.0 } else { 560.0 });
        ui.heading(&title);
        ui.add_space(6.0);
        match modal {
            Modal::Unsaved { name } => {
                ui.label(format!("Save the changes to \"{name}\" first?"));
                ui.weak("Without saving, the changes are lost.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        answer = Some(ModalAnswer::Save);
                    }
                    if ui.button("Don't save").clicked() {
                        answer = Some(ModalAnswer::Discard);
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(ModalAnswer::Cancel);
                    }
                });
            }
            Modal::Report {
                summary,
                lines,
                proceed,
            } => {
                ui.label(summary.as_str());
                ui.add_space(4.0);
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        for (severity, line) in lines.iter() {
                            let text = egui::RichText::new(line).monospace();
                            match severity {
                                Severity::Error => {
                                    ui.colored_label(ui.visuals().error_fg_color, text)
                                }
                                Severity::Warning => {
                                    ui.colored_label(ui.visuals().warn_fg_color, text)
                                }
                            };
                        }
                    });
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if let Some(proceed) = proceed {
                        if ui.button(*proceed).clicked() {
                            answer = Some(ModalAnswer::OpenAnyway);
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(ModalAnswer::Cancel);
                        }
                    } else if ui.button("Close").clicked() {
                        answer = Some(ModalAnswer::Cancel);
                    }
                });
            }
            Modal::Message { text, .. } => {
                ui.label(text.as_str());
                ui.add_space(8.0);
                if ui.button("OK").clicked() {
                    answer = Some(ModalAnswer::Cancel);
                }
            }
            Modal::Recover { written } => {
                ui.label(format!(
                    "Minilateral kept a copy of changes that were not saved ({written})."
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        answer = Some(ModalAnswer::Recover);
                    }
                    if ui.button("Discard").clicked() {
                        answer = Some(ModalAnswer::Discard);
                    }
                });
            }
            Modal::Mapping { step, body_name } => {
                answer = mapping_ui(ui, step, body_name);
            }
            Modal::TypedPath { text } => {
                ui.label("No file dialog is available on this desktop. Type the file's path:");
                let edit = ui.add(
                    egui::TextEdit::singleline(text)
                        .desired_width(480.0)
                        .hint_text("/home/me/datasets/coalitions.json"),
                );
                if ui.memory(|memory| memory.focused().is_none()) {
                    edit.request_focus();
                }
                // The box's only text field: Enter anywhere in it means OK.
                let entered = ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let ok = ui.add_enabled(!text.trim().is_empty(), egui::Button::new("OK"));
                    if (ok.clicked() || entered) && !text.trim().is_empty() {
                        answer = Some(ModalAnswer::Path(PathBuf::from(text.trim())));
                    }
                    if ui.button("Cancel").clicked() {
                        answer = Some(ModalAnswer::Cancel);
                    }
                });
            }
        }
    });
    if answer.is_none() && response.should_close() {
        answer = Some(ModalAnswer::Cancel);
    }
    answer
}

/// The mapping step: the first rows under the header, a role per column, the body's name
/// and the order of day and month, and what will come in.
fn mapping_ui(
    ui: &mut egui::Ui,
    step: &mut MappingStep,
    body_name: &mut String,
) -> Option<ModalAnswer> {
    let mut answer = None;
    ui.label(format!(
        "{}: row {} is the header. Check what each column holds; the rows below are the first of the table.",
        step.grid.file,
        step.mapping().header_row
    ));
    ui.add_space(4.0);
    let columns: Vec<String> = step.columns().into_iter().map(str::to_owned).collect();
    let roles: Vec<Role> = step.mapping().columns.iter().map(|c| c.role).collect();
    let preview: Vec<Vec<String>> = step
        .preview(PREVIEW_ROWS)
        .iter()
        .map(|row| (0..columns.len()).map(|i| short(row.cell(i))).collect())
        .collect();
    let mut changed: Option<(usize, Role)> = None;
    egui::ScrollArea::horizontal()
        .max_height(260.0)
        .show(ui, |ui| {
            egui::Grid::new("mapping_columns")
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for (index, name) in columns.iter().enumerate() {
                        let shown = if name.is_empty() {
                            format!("({})", index + 1)
                        } else {
                            short(name)
                        };
                        ui.strong(shown);
                    }
                    ui.end_row();
                    for (index, name) in columns.iter().enumerate() {
                        let current = roles.get(index).copied().unwrap_or(Role::Ignore);
                        let label = if name.is_empty() {
                            format!("Role of column {}", index + 1)
                        } else {
                            format!("Role of {name}")
                        };
                        egui::ComboBox::from_id_salt(("mapping_role", index))
                            .selected_text(role_label(current))
                            .show_ui(ui, |ui| {
                                for role in Role::all() {
                                    if ui
                                        .selectable_label(role == current, role_label(role))
                                        .clicked()
                                    {
                                        changed = Some((index, role));
                                    }
                                }
                            })
                            .response
                            .widget_info(|| {
                                egui::WidgetInfo::labeled(egui::WidgetType::ComboBox, true, &label)
                            });
                    }
                    ui.end_row();
                    for row in &preview {
                        for cell in row {
                            ui.label(cell);
                        }
                        ui.end_row();
                    }
                });
        });
    if let Some((index, role)) = changed {
        step.set_role(index, role);
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("Body, when the table has no body column:");
        let edit = ui
            .add(
                egui::TextEdit::singleline(body_name)
                    .desired_width(320.0)
                    .hint_text("Convention on Cybercrime"),
            )
            .labelled_by(label.id);
        if edit.changed() {
            step.set_body_name(body_name);
        }
    });
    ui.horizontal(|ui| {
        ui.label("Dates such as 03/04/2001:");
        let order = step.mapping().date_order;
        for (choice, text) in [
            (None, "from the other dates"),
            (Some(DateOrder::DayFirst), "day first"),
            (Some(DateOrder::MonthFirst), "month first"),
        ] {
            if ui.radio(order == choice, text).clicked() {
                step.set_date_order(choice);
            }
        }
    });
    ui.add_space(6.0);
    let ready = match step.outcome() {
        StepOutcome::Facts {
            events,
            actors,
            bodies,
            warnings,
        } => {
            let warned = match warnings {
                0 => String::new(),
                1 => " (1 warning)".to_owned(),
                n => format!(" ({n} warnings)"),
            };
            ui.label(format!(
                "{events} facts will come in: {actors} actors, {bodies} bodies{warned}."
            ));
            true
        }
        StepOutcome::Problems(problems) => {
            for problem in problems.iter().take(4) {
                ui.colored_label(ui.visuals().warn_fg_color, problem.as_str());
            }
            false
        }
    };
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.add_enabled(ready, egui::Button::new("Import")).clicked() {
            answer = Some(ModalAnswer::ImportTable);
        }
        if ui.button("Cancel").clicked() {
            answer = Some(ModalAnswer::Cancel);
        }
    });
    answer
}

/// A role in words for the dropdown: the step columns by their event.
fn role_label(role: Role) -> String {
    match role {
        Role::Step(kind) => format!("date: {}", crate::model::Word::label(kind).to_lowercase()),
        Role::Ignore => "(not used)".into(),
        Role::MemberCodes => "status codes (0/1/2/3)".into(),
        Role::BodyName => "body name".into(),
        Role::Iso3 => "ISO3 code".into(),
        Role::Iso2 => "ISO2 code".into(),
        other => other.word().into(),
    }
}

/// A cell shortened for the preview.
fn short(text: &str) -> String {
    const MAX: usize = 24;
    if text.chars().count() > MAX {
        let cut: String = text.chars().take(MAX - 3).collect();
        format!("{cut}...")
    } else {
        text.to_owned()
    }
}
