//! Who is at the table, and how much of it the dataset knows: a body's reported member
//! counts beside the members identified, its members as compact bars by region and by
//! stakeholder group, and the Compare bodies window that puts several bodies side by side.

use egui::{Color32, Sense, Vec2};

use super::Panels;
use super::colour::color32;
use crate::document::Document;
use crate::model::{ActorKind, Level, Source, Word, group_label, latest_reported};
use crate::state::{Command, Selection};
use crate::style;
use crate::timeline::{BodyIx, Composition, RegionSeats, identified, identified_text};

/// The bodies the Compare bodies window starts with, when the dataset has them: the
/// chapter's argument about who sits at which table.
pub const DEFAULT_COMPARED: [&str; 3] = ["foc", "budapest", "un_cybercrime"];

/// The title of the Compare bodies window.
pub const COMPARE_TITLE: &str = "Compare bodies";

/// The reported counts in force at the view's date, each beside the members identified:
/// "41 of 43 parties identified (2014-10)", with its note and source.
pub fn reported_ui(
    ui: &mut egui::Ui,
    document: &Document,
    body_ix: BodyIx,
    date: jiff::civil::Date,
) {
    let Some(body) = document.dataset.bodies.get(body_ix.index()) else {
        return;
    };
    let counts = latest_reported(&body.reported, date);
    if counts.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.strong("Reported by sources")
        .on_hover_text("Member counts the sources report, against the members this dataset identifies at the same date");
    for count in counts {
        let found = identified(&document.dataset, &document.timeline, body_ix, count);
        ui.horizontal_wrapped(|ui| {
            let text = identified_text(found, count);
            let label = if found.dated < count.count {
                ui.label(egui::RichText::new(text).color(ui.visuals().warn_fg_color))
            } else {
                ui.label(text)
            };
            if !count.note.is_empty() {
                label.on_hover_text(&count.note);
            }
            match &count.source {
                Source::Url(url) => {
                    ui.hyperlink_to("source ↗", url).on_hover_text(url);
                }
                Source::Citation(text) => {
                    ui.weak("citation").on_hover_text(text);
                }
                Source::Unknown => {}
            }
        });
    }
}

/// One segment of a bar: its count, colour and name.
struct Segment {
    count: u32,
    colour: Color32,
    name: String,
}

/// A thin stacked bar of segments, the full width of the panel, with its counts on hover
/// and a one-line key below.
fn bar_ui(ui: &mut egui::Ui, segments: &[Segment], hover: &str) {
    let total: u32 = segments.iter().map(|s| s.count).sum();
    if total == 0 {
        return;
    }
    let width = ui.available_width().max(60.0);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, 12.0), Sense::hover());
    let painter = ui.painter_at(rect);
    let mut x = rect.left();
    for segment in segments.iter().filter(|s| s.count > 0) {
        let w = rect.width() * segment.count as f32 / total as f32;
        let part =
            egui::Rect::from_min_size(egui::pos2(x, rect.top()), Vec2::new(w, rect.height()));
        painter.rect_filled(part, 0.0, segment.colour);
        x += w;
    }
    let key: Vec<String> = segments
        .iter()
        .filter(|s| s.count > 0)
        .map(|s| format!("{} {}", s.name, s.count))
        .collect();
    response.on_hover_text(format!("{hover}\n{}", key.join("\n")));
    ui.weak(key.join(" · "));
}

/// The members of a body at the view's date and level, as two compact bars: states by
/// region, then every member by stakeholder group.
pub fn composition_ui(
    ui: &mut egui::Ui,
    document: &Document,
    body_ix: BodyIx,
    date: jiff::civil::Date,
    level: Level,
) {
    let composition = Composition::of(&document.dataset, &document.timeline, body_ix, date, level);
    if composition.members == 0 {
        return;
    }
    ui.add_space(4.0);
    ui.strong("Who is at the table")
        .on_hover_text("Members at the date by region (states) and by stakeholder group");
    let regions: Vec<Segment> = composition
        .regions
        .iter()
        .map(|row| Segment {
            count: row.members,
            colour: color32(style::region_colour(Some(&row.region))),
            name: row.region.clone(),
        })
        .collect();
    let mut shares: Vec<String> = Vec::new();
    for row in &composition.regions {
        shares.push(format!(
            "{}: {} of {} states ({:.0}%)",
            row.region,
            row.members,
            row.states,
            row.percent()
        ));
        for sub in composition
            .subregions
            .iter()
            .filter(|s| s.region == row.region)
        {
            shares.push(format!(
                "    {}: {} of {}",
                sub.subregion.as_deref().unwrap_or(""),
                sub.members,
                sub.states
            ));
        }
    }
    bar_ui(
        ui,
        &regions,
        &format!("States by region\n{}", shares.join("\n")),
    );
    let groups: Vec<Segment> = composition
        .groups
        .iter()
        .map(|&(group, count)| Segment {
            count,
            colour: color32(style::stakeholder_colour(group)),
            name: group.label().to_owned(),
        })
        .collect();
    if groups.iter().filter(|s| s.count > 0).count() > 1 {
        bar_ui(ui, &groups, "Members by stakeholder group");
    }
}

/// The bodies the window compares, by id, kept in egui's memory (a view preference).
fn compared_ids(ctx: &egui::Context, document: &Document) -> Vec<String> {
    let id = egui::Id::new("compare_bodies");
    if let Some(ids) = ctx.data(|data| data.get_temp::<Vec<String>>(id)) {
        return ids;
    }
    let mut ids: Vec<String> = DEFAULT_COMPARED
        .iter()
        .filter(|id| document.dataset.body(id).is_some())
        .map(|id| (*id).to_owned())
        .collect();
    if ids.is_empty() {
        ids = document
            .dataset
            .bodies
            .iter()
            .take(3)
            .map(|b| b.id.clone())
            .collect();
    }
    ids
}

fn store_compared(ctx: &egui::Context, ids: Vec<String>) {
    ctx.data_mut(|data| data.insert_temp(egui::Id::new("compare_bodies"), ids));
}

/// The Compare bodies window, while `prefs.show_compare` is on: several bodies side by
/// side at the view's date and level, members by stakeholder group and by region with the
/// share of each region's states, and what the sources report.
pub fn compare_window_ui(ctx: &egui::Context, panels: &mut Panels<'_>) {
    let mut open = panels.prefs.show_compare;
    if !open {
        return;
    }
    let document = panels.document;
    let dataset = &document.dataset;
    let date = panels.state.view.date.end();
    // The window counts at its own level, signatories by default: a convention that is
    // only signed (the UN convention in 2026) still shows who is at its table.
    let level_id = egui::Id::new("compare_level");
    let mut level = ctx
        .data(|data| data.get_temp::<Level>(level_id))
        .unwrap_or(Level::Signatory);
    let mut ids = compared_ids(ctx, document);
    let subregions_id = egui::Id::new("compare_subregions");
    let mut subregions = ctx
        .data(|data| data.get_temp::<bool>(subregions_id))
        .unwrap_or(false);
    let mut changed = false;
    let mut selected = None;
    egui::Window::new(COMPARE_TITLE)
        .open(&mut open)
        .resizable(true)
        .default_size([640.0, 430.0])
        .default_pos(ctx.content_rect().center() - Vec2::new(320.0, 215.0))
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label(format!("As of {}, counting", panels.state.view.date));
                for choice in Level::ALL {
                    ui.selectable_value(&mut level, *choice, choice.label().to_lowercase());
                }
            });
            ui.weak("Shares are of the dataset's states in each region.");
            ui.horizontal(|ui| {
                egui::ComboBox::from_id_salt("compare_add")
                    .selected_text("Add a body")
                    .show_ui(ui, |ui| {
                        let mut bodies: Vec<_> = dataset
                            .bodies
                            .iter()
                            .filter(|b| !ids.contains(&b.id))
                            .collect();
                        bodies.sort_by(|a, b| a.label().cmp(b.label()));
                        for body in bodies {
                            if ui.selectable_label(false, body.label()).clicked() {
                                ids.push(body.id.clone());
                                changed = true;
                            }
                        }
                    });
                if ui
                    .button("Reset")
                    .on_hover_text(
                        "Compare the FOC, the Budapest Convention and the UN convention again",
                    )
                    .clicked()
                {
                    ids = DEFAULT_COMPARED
                        .iter()
                        .filter(|id| dataset.body(id).is_some())
                        .map(|id| (*id).to_owned())
                        .collect();
                    changed = true;
                }
                ui.checkbox(&mut subregions, "Sub-regions")
                    .on_hover_text("Break each region down into its UN M49 sub-regions");
            });
            let columns: Vec<(BodyIx, Composition)> = ids
                .iter()
                .filter_map(|id| document.timeline.body_ix(id))
                .map(|body| {
                    (
                        body,
                        Composition::of(dataset, &document.timeline, body, date, level),
                    )
                })
                .collect();
            let mut remove = None;
            egui::ScrollArea::both()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    egui::Grid::new("compare_grid")
                        .striped(true)
                        .num_columns(columns.len() + 1)
                        .show(ui, |ui| {
                            ui.label("");
                            for (body, _) in &columns {
                                ui.horizontal(|ui| {
                                    let label =
                                        dataset.bodies.get(body.index()).map_or("", |b| b.label());
                                    if ui
                                        .link(egui::RichText::new(label).strong())
                                        .on_hover_text("Select this body")
                                        .clicked()
                                    {
                                        selected = Some(*body);
                                    }
                                    if ui
                                        .small_button("x")
                                        .on_hover_text("Take this body out of the comparison")
                                        .clicked()
                                    {
                                        remove = Some(*body);
                                    }
                                });
                            }
                            ui.end_row();
                            ui.strong("Members");
                            for (_, composition) in &columns {
                                ui.label(composition.members.to_string());
                            }
                            ui.end_row();
                            ui.strong("Reported");
                            for (body, _) in &columns {
                                reported_cell_ui(ui, document, *body, date);
                            }
                            ui.end_row();
                            for &group in ActorKind::ALL {
                                if columns.iter().all(|(_, c)| c.in_group(group) == 0) {
                                    continue;
                                }
                                ui.label(capitalised(group_label(group)));
                                for (_, composition) in &columns {
                                    ui.label(composition.in_group(group).to_string());
                                }
                                ui.end_row();
                            }
                            let regions = columns
                                .first()
                                .map(|(_, c)| c.regions.clone())
                                .unwrap_or_default();
                            for region in &regions {
                                ui.label(format!("{} ({} states)", region.region, region.states));
                                for (_, composition) in &columns {
                                    share_cell_ui(
                                        ui,
                                        composition
                                            .regions
                                            .iter()
                                            .find(|r| r.region == region.region),
                                    );
                                }
                                ui.end_row();
                                if subregions {
                                    subregion_rows_ui(ui, &columns, &region.region);
                                }
                            }
                        });
                });
            if let Some(body) = remove
                && let Some(id) = dataset.bodies.get(body.index()).map(|b| b.id.clone())
            {
                ids.retain(|kept| *kept != id);
                changed = true;
            }
        });
    panels.prefs.show_compare = open;
    ctx.data_mut(|data| {
        data.insert_temp(subregions_id, subregions);
        data.insert_temp(level_id, level);
    });
    if changed {
        store_compared(ctx, ids);
    }
    if let Some(body) = selected {
        panels.emit(Command::Select(Some(Selection::Body(body))));
    }
}

/// A body's reported counts in the comparison: "37 of 42 members", the full words on hover.
fn reported_cell_ui(ui: &mut egui::Ui, document: &Document, body: BodyIx, date: jiff::civil::Date) {
    let counts = document
        .dataset
        .bodies
        .get(body.index())
        .map(|b| latest_reported(&b.reported, date))
        .unwrap_or_default();
    if counts.is_empty() {
        ui.weak("-");
        return;
    }
    let mut short = Vec::new();
    let mut long = Vec::new();
    for count in counts {
        let found = identified(&document.dataset, &document.timeline, body, count);
        short.push(format!(
            "{} of {} {}",
            found.dated,
            count.count,
            count.what()
        ));
        long.push(identified_text(found, count));
    }
    ui.label(short.join("\n")).on_hover_text(long.join("\n"));
}

/// A region's cell: its state members and the share of its states, or a faint 0.
fn share_cell_ui(ui: &mut egui::Ui, row: Option<&RegionSeats>) {
    match row {
        Some(row) if row.members > 0 => {
            ui.label(format!("{} ({:.0}%)", row.members, row.percent()));
        }
        _ => {
            ui.weak("0");
        }
    }
}

/// The rows of a region's sub-regions that any compared body has members in.
fn subregion_rows_ui(ui: &mut egui::Ui, columns: &[(BodyIx, Composition)], region: &str) {
    let mut names: Vec<(&str, u32)> = Vec::new();
    for (_, composition) in columns {
        for sub in composition.subregions.iter().filter(|s| s.region == region) {
            let name = sub.subregion.as_deref().unwrap_or("");
            if !names.iter().any(|(known, _)| *known == name) {
                names.push((name, sub.states));
            }
        }
    }
    names.sort_unstable();
    for (name, states) in names {
        ui.weak(format!("    {name} ({states})"));
        for (_, composition) in columns {
            let row = composition
                .subregions
                .iter()
                .find(|s| s.region == region && s.subregion.as_deref() == Some(name));
            share_cell_ui(ui, row);
        }
        ui.end_row();
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
