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
    search: &mut String,
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
                egui::TextEdit::singleline(search)
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
            list_ui(ui, panels, search);
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

/// One row of the list.
struct Row {
    node: NodeRef,
    text: String,
    detail: String,
}

fn matches(haystacks: &[&str], needle: &str) -> bool {
    needle.is_empty()
        || haystacks
            .iter()
            .any(|text| text.to_lowercase().contains(needle))
}

fn list_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>, search: &str) {
    let needle = search.trim().to_lowercase();
    let dataset = &panels.document.dataset;
    let mut bodies: Vec<Row> = dataset
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
                &needle,
            )
        })
        .map(|(i, body)| Row {
            node: NodeRef::Body(crate::timeline::BodyIx(i as u32)),
            text: body.label().to_owned(),
            detail: format!("{} · {}", body.name, body.kind.label()),
        })
        .collect();
    bodies.sort_by_key(|row| row.text.to_lowercase());
    let mut actors: Vec<Row> = dataset
        .actors
        .iter()
        .enumerate()
        .filter(|(_, actor)| {
            matches(
                &[&actor.id, &actor.name, actor.iso3.as_deref().unwrap_or("")],
                &needle,
            )
        })
        .map(|(i, actor)| Row {
            node: NodeRef::Actor(crate::timeline::ActorIx(i as u32)),
            text: actor.name.clone(),
            detail: format!(
                "{}{}",
                actor.kind.label(),
                actor
                    .region
                    .as_deref()
                    .map(|region| format!(" · {region}"))
                    .unwrap_or_default()
            ),
        })
        .collect();
    actors.sort_by_key(|row| row.text.to_lowercase());

    let selected = panels
        .state
        .view
        .selection
        .map(|selection| match selection {
            Selection::Body(body) => NodeRef::Body(body),
            Selection::Actor(actor) => NodeRef::Actor(actor),
        });
    let graph = &panels.document.graph;
    let frame = panels.frame;
    let mut clicked = None;
    // One flat list of equal-height lines, so that only the visible ones are laid out
    // (datasets with thousands of actors stay cheap to draw).
    let mut lines: Vec<Option<&Row>> = Vec::new();
    let mut headings: Vec<(usize, String)> = Vec::new();
    for (heading, rows) in [
        ("Forums and instruments", &bodies),
        ("States and stakeholders", &actors),
    ] {
        if rows.is_empty() {
            continue;
        }
        headings.push((lines.len(), format!("{heading} ({})", rows.len())));
        lines.push(None);
        lines.extend(rows.iter().map(Some));
    }
    if lines.is_empty() {
        ui.weak("Nothing matches the search");
    }
    let line_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, line_height, lines.len(), |ui, range| {
            for index in range {
                let Some(row) = lines.get(index).copied().flatten() else {
                    if let Some((_, heading)) = headings.iter().find(|(at, _)| *at == index) {
                        ui.add_sized(
                            [ui.available_width(), line_height],
                            egui::Label::new(egui::RichText::new(heading).small().strong()),
                        );
                    }
                    continue;
                };
                let hidden = frame
                    .nodes
                    .get(graph.node_number(row.node))
                    .is_none_or(|look| look.visibility == Visibility::Hidden);
                let text = if hidden {
                    egui::RichText::new(&row.text).weak()
                } else {
                    egui::RichText::new(&row.text)
                };
                let hover = if hidden {
                    format!("{}\nHidden by the filters", row.detail)
                } else {
                    row.detail.clone()
                };
                let response = ui
                    .selectable_label(selected == Some(row.node), text)
                    .on_hover_text(hover);
                if response.clicked() {
                    clicked = Some(row.node);
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
