//! The right panel: what the selected node is, with sources; or, with nothing selected, a
//! short introduction. The legend sits below.

use super::colour::color32;
use super::{CLICK_HINT, Panels, legend_ui};
use crate::model::{Dataset, Event, PartialDate, Precision, Source, Word};
use crate::scene::NodeRef;
use crate::state::{Command, DocumentCommand, EditTarget, MemberSort, Selection};
use crate::style;
use crate::timeline::{ActorIx, BodyIx, Membership, Shared};

/// The right panel.
pub fn inspector_panel_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) {
    egui::Panel::right("inspector")
        .resizable(true)
        .default_size(340.0)
        .min_size(240.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    match panels.state.view.selection {
                        None => welcome_ui(ui, panels),
                        Some(Selection::Body(body)) => body_ui(ui, panels, body),
                        Some(Selection::Actor(actor)) => actor_ui(ui, panels, actor),
                    }
                    ui.add_space(8.0);
                    egui::CollapsingHeader::new("Legend")
                        .default_open(true)
                        .show(ui, |ui| legend_ui(ui, panels));
                });
        });
}

fn welcome_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) {
    let document = panels.document;
    ui.heading(document.title());
    let description = document.dataset.meta.description.trim();
    if !description.is_empty() {
        ui.label(description);
    }
    ui.add_space(6.0);
    ui.label(format!(
        "{} forums and instruments, {} states and stakeholders.",
        document.dataset.bodies.len(),
        document.dataset.actors.len()
    ));
    ui.add_space(6.0);
    ui.label(egui::RichText::new(CLICK_HINT).strong());
    ui.weak("Move the timeline below to see the network as of any month; ▶ Play shows accession over time.");
}

fn precision_words(precision: Precision) -> &'static str {
    match precision {
        Precision::Day => "known to the day",
        Precision::Month => "known to the month",
        Precision::Year => "known to the year",
    }
}

/// A date with its precision as a tooltip.
fn date_ui(ui: &mut egui::Ui, date: PartialDate) {
    ui.label(date.to_string())
        .on_hover_text(precision_words(date.precision()));
}

/// The source of an event: a link for URLs.
fn source_ui(ui: &mut egui::Ui, event: Option<&Event>) {
    match event.map(|event| &event.source) {
        Some(Source::Url(url)) => {
            ui.hyperlink_to("source ↗", url).on_hover_text(url);
        }
        Some(Source::Citation(text)) => {
            ui.label("citation").on_hover_text(text);
        }
        Some(Source::Unknown) | None => {
            let note = event.map(|event| event.note.as_str()).unwrap_or("");
            ui.weak("unknown").on_hover_text(if note.is_empty() {
                "The source is not known"
            } else {
                note
            });
        }
    }
}

fn body_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>, body_ix: BodyIx) {
    let document = panels.document;
    let dataset = &document.dataset;
    let Some(body) = dataset.bodies.get(body_ix.index()) else {
        return;
    };
    let state = panels.state;
    heading_ui(
        ui,
        panels,
        &body.name,
        EditTarget::Body(Some(body_ix.index())),
    );
    ui.horizontal_wrapped(|ui| {
        if let Some(short) = &body.short_name {
            ui.strong(short);
        }
        ui.label(format!("{} · {}", body.kind.label(), body.law.label()));
    });
    ui.horizontal_wrapped(|ui| {
        for &issue in &body.issues {
            let colour = color32(style::issue_colour(issue));
            ui.label(egui::RichText::new(issue.label()).color(colour).strong());
        }
    });
    if let Some(opened) = body.opened {
        ui.horizontal(|ui| {
            ui.weak("Opened");
            date_ui(ui, opened);
            if let Some(closed) = body.closed {
                ui.weak("closed");
                date_ui(ui, closed);
            }
        });
    }
    if !body.description.is_empty() {
        ui.label(&body.description);
    }
    if let Some(url) = &body.url {
        ui.hyperlink_to("Official page ↗", url).on_hover_text(url);
    }
    let relations: Vec<(String, NodeRef, Option<&Source>)> = dataset
        .relations
        .iter()
        .filter_map(|relation| {
            if relation.from == body.id {
                let other = document.timeline.body_ix(&relation.to)?;
                Some((
                    relation.kind.label().to_owned(),
                    NodeRef::Body(other),
                    relation.source.as_ref(),
                ))
            } else if relation.to == body.id {
                let other = document.timeline.body_ix(&relation.from)?;
                Some((
                    format!("{} (from)", relation.kind.label()),
                    NodeRef::Body(other),
                    relation.source.as_ref(),
                ))
            } else {
                None
            }
        })
        .collect();
    if !relations.is_empty() {
        ui.add_space(4.0);
        ui.strong("Related bodies");
        for (kind, node, source) in relations {
            ui.horizontal(|ui| {
                ui.weak(kind);
                if ui.link(document.node_label(node)).clicked()
                    && let NodeRef::Body(other) = node
                {
                    panels.emit(Command::Select(Some(Selection::Body(other))));
                }
                if let Some(Source::Url(url)) = source {
                    ui.hyperlink_to("source ↗", url);
                }
            });
        }
    }

    overlap_ui(ui, panels, body_ix);

    let date = state.view.date.end();
    super::seats::reported_ui(ui, document, body_ix, date);
    super::seats::composition_ui(ui, document, body_ix, date, state.view.level);
    ui.add_space(6.0);
    let standings = document.timeline.standings_in(body_ix, date);
    let (mut members, mut others): (Vec<Membership>, Vec<Membership>) = standings
        .into_iter()
        .partition(|membership| membership.status.counts_at(state.view.level));
    sort_memberships(&mut members, dataset, panels.state.member_sort, |m| {
        m.actor.index()
    });
    sort_memberships(&mut others, dataset, panels.state.member_sort, |m| {
        m.actor.index()
    });
    let heading = format!("Members as of {}: {}", state.view.date, members.len());
    standings_ui(
        ui,
        panels,
        &heading,
        ["members", "others"],
        (&members, &others),
        |m| NodeRef::Actor(m.actor),
    );
}

fn actor_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>, actor_ix: ActorIx) {
    let document = panels.document;
    let dataset = &document.dataset;
    let Some(actor) = dataset.actors.get(actor_ix.index()) else {
        return;
    };
    let state = panels.state;
    heading_ui(
        ui,
        panels,
        &actor.name,
        EditTarget::Actor(Some(actor_ix.index())),
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(actor.kind.label());
        if let Some(region) = &actor.region {
            ui.label(format!("· {region}"));
        }
        if let Some(subregion) = &actor.subregion {
            ui.weak(format!("({subregion})"));
        }
        if let Some(iso3) = &actor.iso3 {
            ui.weak(iso3);
        }
    });
    if let Some(url) = &actor.url {
        ui.hyperlink_to("Web page ↗", url);
    }
    if !actor.note.is_empty() {
        ui.weak(&actor.note);
    }
    ui.add_space(6.0);
    let (mut counting, mut others): (Vec<Membership>, Vec<Membership>) = document
        .timeline
        .memberships_of(actor_ix, state.view.date.end())
        .into_iter()
        .partition(|membership| membership.status.counts_at(state.view.level));
    sort_body_memberships(&mut counting, dataset, panels.state.member_sort);
    sort_body_memberships(&mut others, dataset, panels.state.member_sort);
    let heading = format!("Memberships as of {}: {}", state.view.date, counting.len());
    standings_ui(
        ui,
        panels,
        &heading,
        ["memberships", "other_memberships"],
        (&counting, &others),
        |m| NodeRef::Body(m.body),
    );
}

/// The standings that count at the level under `heading`, then the other standings, each
/// row linking to the other end and to the editor of its events. `ids` keep the two grids
/// apart.
fn standings_ui(
    ui: &mut egui::Ui,
    panels: &mut Panels<'_>,
    heading: &str,
    ids: [&str; 2],
    (counting, others): (&[Membership], &[Membership]),
    other_end: fn(&Membership) -> NodeRef,
) {
    let dataset = &panels.document.dataset;
    ui.label(egui::RichText::new(heading).strong().size(15.0))
        .on_hover_text(format!(
            "Counting: {}",
            panels.state.view.level.label().to_lowercase()
        ));
    sort_switch_ui(ui, panels);
    let mut clicked = None;
    let mut edit = None;
    membership_grid_ui(
        ui,
        ids[0],
        dataset,
        counting,
        other_end,
        (&mut clicked, &mut edit),
        panels,
    );
    if !others.is_empty() {
        ui.add_space(4.0);
        ui.strong(format!("Other standings ({})", others.len()))
            .on_hover_text("Signed, negotiating, observing or left: not counted at this level");
        membership_grid_ui(
            ui,
            ids[1],
            dataset,
            others,
            other_end,
            (&mut clicked, &mut edit),
            panels,
        );
    }
    if let Some(node) = clicked {
        select_node(panels, node);
    }
    if let Some(target) = edit {
        panels.emit_document(DocumentCommand::OpenEditor(target));
    }
}

/// How many rows of the overlap list show before "more".
const OVERLAP_ROWS: usize = 6;

/// The other bodies sharing members with this one at the date: how coalitions overlap.
fn overlap_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>, body: BodyIx) {
    let document = panels.document;
    let own = panels
        .frame
        .body_members
        .get(body.index())
        .copied()
        .unwrap_or(0);
    let list = &panels.frame.overlap;
    if own == 0 || list.is_empty() {
        return;
    }
    let mut clicked = None;
    let mut rows = |ui: &mut egui::Ui, list: &[Shared]| {
        for shared in list {
            ui.horizontal(|ui| {
                let share = shared.shared as f32 / own as f32;
                let (bar, _) = ui.allocate_exact_size(egui::vec2(36.0, 8.0), egui::Sense::hover());
                let painter = ui.painter();
                painter.rect_filled(bar, 2.0, ui.visuals().faint_bg_color);
                let mut filled = bar;
                filled.set_width(bar.width() * share.clamp(0.0, 1.0));
                painter.rect_filled(filled, 2.0, ui.visuals().selection.bg_fill);
                let name = document.node_label(NodeRef::Body(shared.body));
                if ui.link(name).clicked() {
                    clicked = Some(shared.body);
                }
                ui.weak(format!(
                    "{} shared ({:.0} % of {own}) · {} members",
                    shared.shared,
                    share * 100.0,
                    shared.size
                ))
                .on_hover_text(format!(
                    "Similarity {:.2}: shared members over the members of either \
                     (Jaccard); the list is ordered by it",
                    shared.jaccard
                ));
            });
        }
    };
    ui.add_space(4.0);
    egui::CollapsingHeader::new(format!("Overlaps most with ({})", list.len()))
        .id_salt("overlap")
        .default_open(true)
        .show(ui, |ui| {
            let (first, rest) = list.split_at(list.len().min(OVERLAP_ROWS));
            rows(ui, first);
            if !rest.is_empty() {
                egui::CollapsingHeader::new(format!("{} more", rest.len()))
                    .id_salt("overlap_more")
                    .show(ui, |ui| rows(ui, rest));
            }
        });
    if let Some(other) = clicked {
        panels.emit(Command::Select(Some(Selection::Body(other))));
    }
}

/// The record's name, with a button that opens its editor.
fn heading_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>, name: &str, target: EditTarget) {
    ui.horizontal(|ui| {
        ui.heading(name);
        let button = ui
            .small_button("✏")
            .on_hover_text("Edit (undo with Ctrl+Z)");
        let label = format!("Edit {name}");
        button.widget_info(|| {
            egui::WidgetInfo::labeled(egui::WidgetType::Button, true, label.clone())
        });
        if button.clicked() {
            panels.emit_document(DocumentCommand::OpenEditor(target));
        }
    });
}

fn select_node(panels: &mut Panels<'_>, node: NodeRef) {
    let selection = match node {
        NodeRef::Body(body) => Selection::Body(body),
        NodeRef::Actor(actor) => Selection::Actor(actor),
    };
    panels.emit(Command::Select(Some(selection)));
}

fn sort_switch_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) {
    ui.horizontal(|ui| {
        ui.weak("Sort by");
        let sort = panels.state.member_sort;
        if ui
            .selectable_label(sort == MemberSort::Name, "Name")
            .clicked()
        {
            panels.emit(Command::SetMemberSort(MemberSort::Name));
        }
        if ui
            .selectable_label(sort == MemberSort::Date, "Date")
            .clicked()
        {
            panels.emit(Command::SetMemberSort(MemberSort::Date));
        }
    });
}

fn sort_memberships(
    list: &mut [Membership],
    dataset: &Dataset,
    sort: MemberSort,
    actor_of: impl Fn(&Membership) -> usize,
) {
    let name = |m: &Membership| {
        dataset
            .actors
            .get(actor_of(m))
            .map(|a| a.name.to_lowercase())
            .unwrap_or_default()
    };
    match sort {
        MemberSort::Name => list.sort_by_key(|m| name(m)),
        MemberSort::Date => list.sort_by_key(|m| (m.since.start(), name(m))),
    }
}

fn sort_body_memberships(list: &mut [Membership], dataset: &Dataset, sort: MemberSort) {
    let name = |m: &Membership| {
        dataset
            .bodies
            .get(m.body.index())
            .map(|b| b.label().to_lowercase())
            .unwrap_or_default()
    };
    match sort {
        MemberSort::Name => list.sort_by_key(|m| name(m)),
        MemberSort::Date => list.sort_by_key(|m| (m.since.start(), name(m))),
    }
}

fn membership_grid_ui(
    ui: &mut egui::Ui,
    id: &str,
    dataset: &Dataset,
    list: &[Membership],
    other_end: impl Fn(&Membership) -> NodeRef,
    (clicked, edit): (&mut Option<NodeRef>, &mut Option<EditTarget>),
    panels: &Panels<'_>,
) {
    let joined = &panels.frame.joined;
    egui::Grid::new(id)
        .num_columns(5)
        .striped(true)
        .spacing([10.0, 3.0])
        .show(ui, |ui| {
            for membership in list {
                let node = other_end(membership);
                let label = panels.document.node_label(node);
                let new = matches!(node, NodeRef::Actor(actor) if joined.contains(&actor));
                let text = if new {
                    egui::RichText::new(label).color(color32(style::Theme::Light.palette().joined))
                } else {
                    egui::RichText::new(label)
                };
                let response = ui.link(text);
                if response.clicked() {
                    *clicked = Some(node);
                }
                if new {
                    response.on_hover_text("Joined since the previous step");
                }
                ui.label(membership.status.label());
                date_ui(ui, membership.since);
                source_ui(ui, dataset.events.get(membership.event));
                let actor = dataset.actors.get(membership.actor.index());
                let body = dataset.bodies.get(membership.body.index());
                if let (Some(actor), Some(body)) = (actor, body) {
                    let button = ui.small_button("✏").on_hover_text("Edit these events");
                    let label = format!("Edit events of {} in {}", actor.name, body.label());
                    button.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::WidgetType::Button, true, label.clone())
                    });
                    if button.clicked() {
                        *edit = Some(EditTarget::Membership {
                            actor_id: actor.id.clone(),
                            body_id: body.id.clone(),
                        });
                    }
                }
                ui.end_row();
            }
        });
}
