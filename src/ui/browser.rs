//! The left panel: filters and a searchable list of every body and actor (the accessible
//! way into the network, whose nodes are not in the accessibility tree).

use super::{Panels, SEARCH_LABEL};
use crate::model::{IssueArea, Law, Word};
use crate::scene::{NodeRef, Visibility};
use crate::state::{Command, NonMembers, Selection};
use crate::style::{NodeKind, REGIONS};

/// The left panel.
pub fn browser_panel_ui(
    ui: &mut egui::Ui,
    panels: &mut Panels<'_>,
    list: &mut BrowserList,
    focus: bool,
) {
    egui::Panel::left("browser")
        .resizable(true)
        .default_size(250.0)
        .min_size(180.0)
        .show(ui, |ui| {
            ui.add_space(4.0);
            let label = ui.label("Find");
            let response = ui.add(
                egui::TextEdit::singleline(&mut list.search)
                    .hint_text("Search (Ctrl+F)")
                    .desired_width(f32::INFINITY),
            );
            let response = response.labelled_by(label.id).on_hover_text(SEARCH_LABEL);
            if focus {
                response.request_focus();
            }
            ui.add_space(4.0);
            egui::CollapsingHeader::new("Filters")
                .default_open(true)
                .show(ui, |ui| filters_ui(ui, panels));
            ui.separator();
            list_ui(ui, panels, list);
        });
}

fn filters_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) {
    let state = panels.state;
    let filters = &state.view.filters;
    let mut commands = Vec::new();
    for kind in NodeKind::ALL {
        let mut shown = filters.shows_kind(kind);
        if ui.checkbox(&mut shown, kind.label()).changed() {
            commands.push(Command::SetKindShown(kind, shown));
        }
    }
    let mut hide = filters.non_members == NonMembers::Hide;
    if ui
        .checkbox(&mut hide, "Hide non-members")
        .on_hover_text("Hide actors with no membership at the date (otherwise they are faded)")
        .changed()
    {
        commands.push(Command::SetNonMembers(if hide {
            NonMembers::Hide
        } else {
            NonMembers::Fade
        }));
    }
    egui::Grid::new("filter_grid")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Issue");
            egui::ComboBox::from_id_salt("issue_filter")
                .selected_text(filters.issue.map_or("All", |issue| issue.label()))
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(filters.issue.is_none(), "All")
                        .clicked()
                    {
                        commands.push(Command::SetIssueFilter(None));
                    }
                    for &issue in IssueArea::ALL {
                        if ui
                            .selectable_label(filters.issue == Some(issue), issue.label())
                            .clicked()
                        {
                            commands.push(Command::SetIssueFilter(Some(issue)));
                        }
                    }
                });
            ui.end_row();
            ui.label("Law");
            egui::ComboBox::from_id_salt("law_filter")
                .selected_text(filters.law.map_or("Hard and soft", |law| law.label()))
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(filters.law.is_none(), "Hard and soft")
                        .clicked()
                    {
                        commands.push(Command::SetLawFilter(None));
                    }
                    for &law in Law::ALL {
                        if ui
                            .selectable_label(filters.law == Some(law), law.label())
                            .clicked()
                        {
                            commands.push(Command::SetLawFilter(Some(law)));
                        }
                    }
                });
            ui.end_row();
            ui.label("Region");
            egui::ComboBox::from_id_salt("region_filter")
                .selected_text(filters.region.as_deref().unwrap_or("All"))
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(filters.region.is_none(), "All")
                        .clicked()
                    {
                        commands.push(Command::SetRegionFilter(None));
                    }
                    for region in REGIONS {
                        let selected = filters.region.as_deref() == Some(region);
                        if ui.selectable_label(selected, region).clicked() {
                            commands.push(Command::SetRegionFilter(Some(region.to_owned())));
                        }
                    }
                });
            ui.end_row();
        });
    super::menu::lens_ui(ui, panels);
    if filters.is_narrowing() && ui.button("Show everything").clicked() {
        commands.push(Command::ResetFilters);
    }
    panels.commands.extend(commands);
}

/// The side list: the search text, and the rows that match it, kept while neither the
/// records nor the search change (building them lowercases and sorts every name, too much
/// to do each frame for tens of thousands of actors).
#[derive(Default)]
pub struct BrowserList {
    /// The search text.
    pub search: String,
    /// What `rows` were built for: the document's revision and the search.
    key: Option<(u64, String)>,
    /// The matching bodies, then the matching actors, each sorted by name.
    bodies: Vec<NodeRef>,
    actors: Vec<NodeRef>,
}

impl BrowserList {
    /// Rebuilds the rows when the records or the search changed.
    fn refresh(&mut self, document: &crate::document::Document) {
        let needle = self.search.trim().to_lowercase();
        let key = (document.revision(), needle);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let dataset = &document.dataset;
        let needle = &key.1;
        let mut bodies: Vec<(String, NodeRef)> = dataset
            .bodies
            .iter()
            .enumerate()
            .filter(|(_, body)| {
                matches(
                    &[
                        &body.id,
                        &body.name,
                        body.short_name.as_deref().unwrap_or(""),
                    ],
                    needle,
                )
            })
            .map(|(i, body)| {
                (
                    body.label().to_lowercase(),
                    NodeRef::Body(crate::timeline::BodyIx(i as u32)),
                )
            })
            .collect();
        let mut actors: Vec<(String, NodeRef)> = dataset
            .actors
            .iter()
            .enumerate()
            .filter(|(_, actor)| {
                matches(
                    &[&actor.id, &actor.name, actor.iso3.as_deref().unwrap_or("")],
                    needle,
                )
            })
            .map(|(i, actor)| {
                (
                    actor.name.to_lowercase(),
                    NodeRef::Actor(crate::timeline::ActorIx(i as u32)),
                )
            })
            .collect();
        // Stable: equal names keep the file's order.
        bodies.sort_by(|a, b| a.0.cmp(&b.0));
        actors.sort_by(|a, b| a.0.cmp(&b.0));
        self.bodies = bodies.into_iter().map(|(_, node)| node).collect();
        self.actors = actors.into_iter().map(|(_, node)| node).collect();
        self.key = Some(key);
    }
}

fn matches(haystacks: &[&str], needle: &str) -> bool {
    needle.is_empty()
        || haystacks
            .iter()
            .any(|text| text.to_lowercase().contains(needle))
}

/// What a row's tooltip says of its record.
fn detail(dataset: &crate::model::Dataset, node: NodeRef) -> String {
    match node {
        NodeRef::Body(body) => dataset
            .bodies
            .get(body.index())
            .map(|body| format!("{} · {}", body.name, body.kind.label()))
            .unwrap_or_default(),
        NodeRef::Actor(actor) => dataset
            .actors
            .get(actor.index())
            .map(|actor| match actor.region.as_deref() {
                Some(region) => format!("{} · {region}", actor.kind.label()),
                None => actor.kind.label().to_owned(),
            })
            .unwrap_or_default(),
    }
}

fn list_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>, list: &mut BrowserList) {
    list.refresh(panels.document);
    let document = panels.document;
    let selected = panels
        .state
        .view
        .selection
        .map(|selection| match selection {
            Selection::Body(body) => NodeRef::Body(body),
            Selection::Actor(actor) => NodeRef::Actor(actor),
        });
    let graph = &document.graph;
    let frame = panels.frame;
    let mut clicked = None;
    // One flat list of equal-height lines (a heading, then its rows), so that only the
    // visible ones are laid out.
    let sections: Vec<(&str, &[NodeRef])> = [
        ("Forums and instruments", list.bodies.as_slice()),
        ("States and stakeholders", list.actors.as_slice()),
    ]
    .into_iter()
    .filter(|(_, rows)| !rows.is_empty())
    .collect();
    let line_count: usize = sections.iter().map(|(_, rows)| rows.len() + 1).sum();
    if line_count == 0 {
        ui.weak("Nothing matches the search");
    }
    let line_at = |mut index: usize| -> Option<Result<NodeRef, String>> {
        for (heading, rows) in &sections {
            if index == 0 {
                return Some(Err(format!("{heading} ({})", rows.len())));
            }
            index -= 1;
            if let Some(row) = rows.get(index) {
                return Some(Ok(*row));
            }
            index -= rows.len();
        }
        None
    };
    let line_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, line_height, line_count, |ui, range| {
            for index in range {
                let row = match line_at(index) {
                    Some(Ok(row)) => row,
                    Some(Err(heading)) => {
                        ui.add_sized(
                            [ui.available_width(), line_height],
                            egui::Label::new(egui::RichText::new(heading).small().strong()),
                        );
                        continue;
                    }
                    None => continue,
                };
                let hidden = frame
                    .nodes
                    .get(graph.node_number(row))
                    .is_none_or(|look| look.visibility == Visibility::Hidden);
                let name = document.node_label(row);
                let text = if hidden {
                    egui::RichText::new(name).weak()
                } else {
                    egui::RichText::new(name)
                };
                let response = ui
                    .selectable_label(selected == Some(row), text)
                    .on_hover_ui(|ui| {
                        let detail = detail(&document.dataset, row);
                        if hidden {
                            ui.label(format!("{detail}\nHidden by the filters"));
                        } else {
                            ui.label(detail);
                        }
                    });
                if response.clicked() {
                    clicked = Some(row);
                }
            }
        });
    if let Some(node) = clicked {
        let selection = match node {
            NodeRef::Body(body) => Selection::Body(body),
            NodeRef::Actor(actor) => Selection::Actor(actor),
        };
        panels.emit(Command::Select(Some(selection)));
    }
}
