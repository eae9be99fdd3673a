//! Editor windows for one record at a time: an actor, a body, the events between an actor and
//! a body, a relation, or the dataset's details. Fields validate as the user types; Apply
//! emits an [`Edit`] (undoable), never a direct change.

use crate::edit::{ActorDraft, BodyDraft, Edit, EventDraft, FieldError, RelationDraft};
use crate::model::{Dataset, Event, Meta, Relation, Word};
use crate::state::EditTarget;

/// The open editor and what its form holds (UI memory: the dataset changes only by edits).
#[derive(Clone, Debug, PartialEq)]
pub enum Editor {
    /// An actor, by the id it had when opened (`None`: a new one).
    Actor {
        /// The record's id.
        id: Option<String>,
        /// The form.
        draft: ActorDraft,
    },
    /// A body.
    Body {
        /// The record's id.
        id: Option<String>,
        /// The form.
        draft: BodyDraft,
    },
    /// The events between an actor and a body.
    Membership {
        /// The actor's id.
        actor_id: String,
        /// The body's id.
        body_id: String,
        /// The event in the form (`None`: a new one).
        selected: Option<Event>,
        /// The form.
        draft: EventDraft,
    },
    /// A relation between two bodies.
    Relation {
        /// The record as it was (`None`: a new one).
        original: Option<Relation>,
        /// The form.
        draft: RelationDraft,
    },
    /// The dataset's title, description, licence and notes.
    Meta {
        /// The form.
        draft: Meta,
    },
}

/// What the editor did this frame.
#[derive(Clone, Debug, Default)]
pub struct EditorOutcome {
    /// Whether it stays open.
    pub open: bool,
    /// The edit to apply.
    pub edit: Option<Edit>,
}

/// The window title of the events editor (also its accessible name).
pub const EVENTS_EDITOR_TITLE: &str = "Membership events";

impl Editor {
    /// An editor on a record.
    pub fn open(target: EditTarget, dataset: &Dataset) -> Self {
        match target {
            EditTarget::Actor(index) => {
                let actor = index.and_then(|i| dataset.actors.get(i));
                Self::Actor {
                    id: actor.map(|a| a.id.clone()),
                    draft: actor.map(ActorDraft::of).unwrap_or_default(),
                }
            }
            EditTarget::Body(index) => {
                let body = index.and_then(|i| dataset.bodies.get(i));
                Self::Body {
                    id: body.map(|b| b.id.clone()),
                    draft: body.map(BodyDraft::of).unwrap_or_default(),
                }
            }
            EditTarget::Membership { actor_id, body_id } => {
                let selected = dataset
                    .events
                    .iter()
                    .filter(|e| e.actor_id == actor_id && e.body_id == body_id)
                    .max_by_key(|e| e.date)
                    .cloned();
                let draft = selected
                    .as_ref()
                    .map_or_else(|| new_event(&actor_id, &body_id), EventDraft::of);
                Self::Membership {
                    actor_id,
                    body_id,
                    selected,
                    draft,
                }
            }
            EditTarget::Relation(index) => {
                let relation = index.and_then(|i| dataset.relations.get(i));
                Self::Relation {
                    original: relation.cloned(),
                    draft: relation.map(RelationDraft::of).unwrap_or_default(),
                }
            }
            EditTarget::Meta => Self::Meta {
                draft: dataset.meta.clone(),
            },
        }
    }

    /// Follows the dataset after an edit (or an undo): reloads the form from the record, or
    /// reports `false` when the record is gone.
    pub fn refresh(&mut self, dataset: &Dataset) -> bool {
        match self {
            Self::Actor { id, draft } => {
                let found = dataset
                    .actor(draft.id.trim())
                    .or_else(|| id.as_deref().and_then(|id| dataset.actor(id)));
                match found {
                    Some(actor) => {
                        *id = Some(actor.id.clone());
                        *draft = ActorDraft::of(actor);
                        true
                    }
                    None => id.is_none(),
                }
            }
            Self::Body { id, draft } => {
                let found = dataset
                    .body(draft.id.trim())
                    .or_else(|| id.as_deref().and_then(|id| dataset.body(id)));
                match found {
                    Some(body) => {
                        *id = Some(body.id.clone());
                        *draft = BodyDraft::of(body);
                        true
                    }
                    None => id.is_none(),
                }
            }
            Self::Membership {
                actor_id,
                body_id,
                selected,
                draft,
            } => {
                if dataset.actor(actor_id).is_none() || dataset.body(body_id).is_none() {
                    return false;
                }
                let typed = draft.validate(dataset).ok();
                let found = typed
                    .filter(|event| dataset.events.contains(event))
                    .or_else(|| selected.clone().filter(|e| dataset.events.contains(e)));
                *draft = found
                    .as_ref()
                    .map_or_else(|| new_event(actor_id, body_id), EventDraft::of);
                *selected = found;
                true
            }
            Self::Relation { original, draft } => {
                let typed = draft.validate(dataset).ok();
                let found = typed
                    .filter(|r| dataset.relations.contains(r))
                    .or_else(|| original.clone().filter(|r| dataset.relations.contains(r)));
                match found {
                    Some(relation) => {
                        *draft = RelationDraft::of(&relation);
                        *original = Some(relation);
                        true
                    }
                    None => original.is_none(),
                }
            }
            Self::Meta { draft } => {
                *draft = dataset.meta.clone();
                true
            }
        }
    }

    fn title(&self, dataset: &Dataset) -> String {
        match self {
            Self::Actor { id: None, .. } => "New actor".into(),
            Self::Actor { draft, .. } => format!("Actor: {}", draft.name),
            Self::Body { id: None, .. } => "New body".into(),
            Self::Body { draft, .. } => format!("Body: {}", draft.name),
            Self::Membership { .. } => EVENTS_EDITOR_TITLE.into(),
            Self::Relation { original: None, .. } => "New relation".into(),
            Self::Relation { .. } => "Relation".into(),
            Self::Meta { .. } => format!("Dataset details: {}", dataset.meta.title),
        }
    }
}

fn new_event(actor_id: &str, body_id: &str) -> EventDraft {
    EventDraft {
        actor_id: actor_id.to_owned(),
        body_id: body_id.to_owned(),
        ..EventDraft::default()
    }
}

/// Shows the editor window; returns whether it stays open and the edit to apply.
pub fn editor_ui(ctx: &egui::Context, editor: &mut Editor, dataset: &Dataset) -> EditorOutcome {
    let mut open = true;
    let mut outcome = EditorOutcome::default();
    egui::Window::new(editor.title(dataset))
        .id(egui::Id::new("record_editor"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(420.0)
        // Beside the inspector, where the edit button was, leaving the network in view.
        .pivot(egui::Align2::RIGHT_CENTER)
        .default_pos(ctx.content_rect().right_center() - egui::vec2(360.0, 0.0))
        .show(ctx, |ui| {
            outcome = match editor {
                Editor::Actor { id, draft } => actor_form_ui(ui, id.as_deref(), draft, dataset),
                Editor::Body { id, draft } => body_form_ui(ui, id.as_deref(), draft, dataset),
                Editor::Membership {
                    actor_id,
                    body_id,
                    selected,
                    draft,
                } => membership_form_ui(ui, actor_id, body_id, selected, draft, dataset),
                Editor::Relation { original, draft } => {
                    relation_form_ui(ui, original.as_ref(), draft, dataset)
                }
                Editor::Meta { draft } => meta_form_ui(ui, draft, dataset),
            };
        });
    outcome.open &= open;
    outcome
}

/// A labelled one-line text field, with its errors below it in the error colour.
fn text_row_ui(ui: &mut egui::Ui, label: &'static str, text: &mut String, errors: &[FieldError]) {
    let label_response = ui.label(label);
    ui.vertical(|ui| {
        ui.add(
            egui::TextEdit::singleline(text)
                .desired_width(f32::INFINITY)
                .id_salt(label),
        )
        .labelled_by(label_response.id);
        for error in errors.iter().filter(|e| e.field == label) {
            ui.colored_label(ui.visuals().error_fg_color, &error.message);
        }
    });
    ui.end_row();
}

/// A labelled choice among the words of a vocabulary.
fn word_row_ui<W: Word + PartialEq + Copy>(ui: &mut egui::Ui, label: &'static str, value: &mut W) {
    ui.label(label);
    egui::ComboBox::from_id_salt(label)
        .selected_text(value.label())
        .show_ui(ui, |ui| {
            for &option in W::ALL {
                ui.selectable_value(value, option, option.label());
            }
        });
    ui.end_row();
}

/// A labelled choice of a body or an actor by id.
fn id_row_ui<'a>(
    ui: &mut egui::Ui,
    label: &'static str,
    value: &mut String,
    options: impl Iterator<Item = (&'a str, &'a str)>,
    errors: &[FieldError],
) {
    ui.label(label);
    ui.vertical(|ui| {
        let options: Vec<(&str, &str)> = options.collect();
        let shown = options
            .iter()
            .find(|(id, _)| *id == value.as_str())
            .map_or("Choose…", |(_, name)| *name);
        egui::ComboBox::from_id_salt(label)
            .selected_text(shown)
            .width(260.0)
            .show_ui(ui, |ui| {
                for (id, name) in options {
                    if ui.selectable_label(value.as_str() == id, name).clicked() {
                        *value = id.to_owned();
                    }
                }
            });
        for error in errors.iter().filter(|e| e.field == label) {
            ui.colored_label(ui.visuals().error_fg_color, &error.message);
        }
    });
    ui.end_row();
}

/// Apply (enabled when the form is valid and changed), Delete and Close.
fn buttons_ui(
    ui: &mut egui::Ui,
    apply: Option<Edit>,
    delete: Option<(&str, Edit)>,
) -> EditorOutcome {
    let mut outcome = EditorOutcome {
        open: true,
        edit: None,
    };
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let enabled = apply.is_some();
        if ui
            .add_enabled(enabled, egui::Button::new("Apply"))
            .on_disabled_hover_text("Nothing to apply, or a field needs fixing")
            .clicked()
        {
            outcome.edit = apply;
        }
        if let Some((label, edit)) = delete
            && ui.button(label).clicked()
        {
            outcome.edit = Some(edit);
        }
        if ui.button("Close").clicked() {
            outcome.open = false;
        }
    });
    outcome
}

fn actor_form_ui(
    ui: &mut egui::Ui,
    id: Option<&str>,
    draft: &mut ActorDraft,
    dataset: &Dataset,
) -> EditorOutcome {
    let index = id.and_then(|id| dataset.actors.iter().position(|a| a.id == id));
    let checked = draft.validate(dataset, index);
    let errors = checked.as_ref().err().cloned().unwrap_or_default();
    egui::Grid::new("actor_form").num_columns(2).show(ui, |ui| {
        text_row_ui(ui, "Id", &mut draft.id, &errors);
        text_row_ui(ui, "Name", &mut draft.name, &errors);
        word_row_ui(ui, "Kind", &mut draft.kind);
        text_row_ui(ui, "ISO3", &mut draft.iso3, &errors);
        text_row_ui(ui, "Region", &mut draft.region, &errors);
        text_row_ui(ui, "Sub-region", &mut draft.subregion, &errors);
        text_row_ui(ui, "Web page", &mut draft.url, &errors);
        text_row_ui(ui, "Note", &mut draft.note, &errors);
    });
    let apply = checked.ok().and_then(|actor| match index {
        Some(i) if dataset.actors.get(i) == Some(&actor) => None,
        Some(i) => Edit::change_actor(dataset, i, actor),
        None => Some(Edit::add_actor(dataset, actor)),
    });
    let delete = index.and_then(|i| Edit::remove_actor(dataset, i));
    if let Some(i) = index {
        let events = dataset
            .events
            .iter()
            .filter(|e| Some(e.actor_id.as_str()) == dataset.actors.get(i).map(|a| a.id.as_str()))
            .count();
        ui.weak(format!(
            "{events} membership events; deleting the actor deletes them too."
        ));
    }
    buttons_ui(ui, apply, delete.map(|edit| ("Delete actor", edit)))
}

fn body_form_ui(
    ui: &mut egui::Ui,
    id: Option<&str>,
    draft: &mut BodyDraft,
    dataset: &Dataset,
) -> EditorOutcome {
    let index = id.and_then(|id| dataset.bodies.iter().position(|b| b.id == id));
    let checked = draft.validate(dataset, index);
    let errors = checked.as_ref().err().cloned().unwrap_or_default();
    egui::Grid::new("body_form").num_columns(2).show(ui, |ui| {
        text_row_ui(ui, "Id", &mut draft.id, &errors);
        text_row_ui(ui, "Name", &mut draft.name, &errors);
        text_row_ui(ui, "Short name", &mut draft.short_name, &errors);
        word_row_ui(ui, "Kind", &mut draft.kind);
        word_row_ui(ui, "Law", &mut draft.law);
        ui.label("Issue areas");
        ui.horizontal_wrapped(|ui| {
            for &issue in <crate::model::IssueArea as Word>::ALL {
                let mut on = draft.issues.contains(&issue);
                if ui.checkbox(&mut on, issue.label()).changed() {
                    if on {
                        draft.issues.push(issue);
                    } else {
                        draft.issues.retain(|&i| i != issue);
                    }
                }
            }
        });
        ui.end_row();
        text_row_ui(ui, "Opened", &mut draft.opened, &errors);
        text_row_ui(ui, "Closed", &mut draft.closed, &errors);
        text_row_ui(ui, "Description", &mut draft.description, &errors);
        text_row_ui(ui, "Web page", &mut draft.url, &errors);
        text_row_ui(ui, "Note", &mut draft.note, &errors);
    });
    let apply = checked.ok().and_then(|body| match index {
        Some(i) if dataset.bodies.get(i) == Some(&body) => None,
        Some(i) => Edit::change_body(dataset, i, body),
        None => Some(Edit::add_body(dataset, body)),
    });
    let delete = index.and_then(|i| Edit::remove_body(dataset, i));
    if index.is_some() {
        ui.weak("Deleting the body deletes its events and relations too.");
    }
    buttons_ui(ui, apply, delete.map(|edit| ("Delete body", edit)))
}

fn membership_form_ui(
    ui: &mut egui::Ui,
    actor_id: &str,
    body_id: &str,
    selected: &mut Option<Event>,
    draft: &mut EventDraft,
    dataset: &Dataset,
) -> EditorOutcome {
    let actor = dataset
        .actor(actor_id)
        .map_or(actor_id, |a| a.name.as_str());
    let body = dataset.body(body_id).map_or(body_id, |b| b.label());
    ui.strong(format!("{actor} in {body}"));
    let mut events: Vec<&Event> = dataset
        .events
        .iter()
        .filter(|e| e.actor_id == actor_id && e.body_id == body_id)
        .collect();
    events.sort_by_key(|e| e.date);
    ui.add_space(4.0);
    for event in events {
        let is_selected = selected.as_ref() == Some(event);
        let text = format!("{}  {}", event.date, event.kind.label());
        if ui.selectable_label(is_selected, text).clicked() {
            *selected = Some(event.clone());
            *draft = EventDraft::of(event);
        }
    }
    if ui
        .selectable_label(selected.is_none(), "➕ New event")
        .clicked()
    {
        *selected = None;
        *draft = new_event(actor_id, body_id);
    }
    ui.separator();
    let checked = draft.validate(dataset);
    let errors = checked.as_ref().err().cloned().unwrap_or_default();
    egui::Grid::new("event_form").num_columns(2).show(ui, |ui| {
        ui.label("Event");
        egui::ComboBox::from_id_salt("Event")
            .selected_text(draft.kind.map_or("Choose…", |k| k.label()))
            .show_ui(ui, |ui| {
                for &kind in <crate::model::EventKind as Word>::ALL {
                    ui.selectable_value(&mut draft.kind, Some(kind), kind.label());
                }
            });
        ui.end_row();
        text_row_ui(ui, "Date", &mut draft.date, &errors);
        text_row_ui(ui, "Source", &mut draft.source, &errors);
        text_row_ui(ui, "Note", &mut draft.note, &errors);
    });
    for error in errors.iter().filter(|e| e.field == "Event") {
        ui.colored_label(ui.visuals().error_fg_color, &error.message);
    }
    ui.weak("Dates: YYYY, YYYY-MM or YYYY-MM-DD, as precisely as the source says.");
    let index = selected
        .as_ref()
        .and_then(|event| dataset.events.iter().position(|e| e == event));
    let apply = checked.ok().and_then(|event| match index {
        Some(i) if dataset.events.get(i) == Some(&event) => None,
        Some(i) => Edit::change_event(dataset, i, event),
        None => Some(Edit::add_event(dataset, event)),
    });
    let delete = index.and_then(|i| Edit::remove_event(dataset, i));
    buttons_ui(ui, apply, delete.map(|edit| ("Delete event", edit)))
}

fn relation_form_ui(
    ui: &mut egui::Ui,
    original: Option<&Relation>,
    draft: &mut RelationDraft,
    dataset: &Dataset,
) -> EditorOutcome {
    let checked = draft.validate(dataset);
    let errors = checked.as_ref().err().cloned().unwrap_or_default();
    let bodies = || dataset.bodies.iter().map(|b| (b.id.as_str(), b.label()));
    egui::Grid::new("relation_form")
        .num_columns(2)
        .show(ui, |ui| {
            id_row_ui(ui, "From", &mut draft.from, bodies(), &errors);
            word_row_ui(ui, "Relation", &mut draft.kind);
            id_row_ui(ui, "To", &mut draft.to, bodies(), &errors);
            text_row_ui(ui, "Source", &mut draft.source, &errors);
            text_row_ui(ui, "Note", &mut draft.note, &errors);
        });
    let index = original.and_then(|r| dataset.relations.iter().position(|x| x == r));
    let apply = checked.ok().and_then(|relation| match index {
        Some(i) if dataset.relations.get(i) == Some(&relation) => None,
        Some(i) => Edit::change_relation(dataset, i, relation),
        None => Some(Edit::add_relation(dataset, relation)),
    });
    let delete = index.and_then(|i| Edit::remove_relation(dataset, i));
    buttons_ui(ui, apply, delete.map(|edit| ("Delete relation", edit)))
}

fn meta_form_ui(ui: &mut egui::Ui, draft: &mut Meta, dataset: &Dataset) -> EditorOutcome {
    egui::Grid::new("meta_form").num_columns(2).show(ui, |ui| {
        text_row_ui(ui, "Title", &mut draft.title, &[]);
        ui.label("Description");
        ui.add(egui::TextEdit::multiline(&mut draft.description).desired_rows(3));
        ui.end_row();
        text_row_ui(ui, "Licence", &mut draft.license, &[]);
        ui.label("Notes");
        ui.add(egui::TextEdit::multiline(&mut draft.notes).desired_rows(3));
        ui.end_row();
    });
    let apply = (*draft != dataset.meta).then(|| Edit::change_meta(dataset, draft.clone()));
    buttons_ui(ui, apply, None)
}
