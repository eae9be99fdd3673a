//! The table view: actors × bodies at the date, each cell the actor's status in the body
//! (a swatch in the map's status colour and the status in a word), from [`scene::Table`].
//! It is the accessible alternative to the graph: every cell on screen is a focusable widget
//! whose accessible label says it in words ("France in Budapest Convention: party since
//! 2006-01-10").
//!
//! Laid out by hand in one scroll area so that 200 × 40 cells stay fluid: only the rows and
//! columns in view are made into widgets, and the header row and the actors' names stay in
//! place (drawn at the viewport's edge) while the cells scroll under them. Arrow keys,
//! Page Up/Down and Home/End move a focused cell; Enter selects its actor. A click on a
//! name selects the actor, on a body's name the body.
//!
//! [`scene::Table`]: crate::scene::Table

use egui::{
    Align2, Color32, CornerRadius, EventFilter, FontId, Id, Key, Modifiers, Pos2, Rect, Sense,
    Stroke, StrokeKind, UiBuilder, Vec2, WidgetInfo, WidgetType,
};

use super::Panels;
use super::colour::color32;
use crate::model::Word;
use crate::scene::{Selection, Table, TableSort, View, short_status};
use crate::state::Command;
use crate::style;
use crate::timeline::{ActorIx, BodyIx};

/// The label of the button that copies the table.
pub const COPY_TSV_LABEL: &str = "Copy as TSV";

/// Height of a row of cells, in points.
const ROW_HEIGHT: f32 = 22.0;
/// Height of the header row of body names (two lines).
const HEADER_HEIGHT: f32 = 40.0;
/// Width of the column of actor names.
const NAME_WIDTH: f32 = 220.0;
/// A body's name wider than this goes on two lines, and is shortened past the second (the
/// tooltip has it whole).
const MAX_HEADER_WIDTH: f32 = 96.0;
/// Room left and right of a cell's content.
const CELL_PADDING: f32 = 6.0;
/// Side of a cell's colour swatch.
const SWATCH: f32 = 10.0;
/// Text size of the cells and headers.
const TEXT_SIZE: f32 = 13.0;

/// A cell that has (or had last frame) the keyboard focus: kept by actor and body, so that
/// it stays the same cell when the rows are sorted again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FocusedCell {
    actor: ActorIx,
    body: BodyIx,
}

/// The table of the last view and order, measured for the screen, and the focused cell.
#[derive(Default)]
pub struct TableCache {
    /// What the table shows: the view, the graph version, the order.
    key: Option<(View, u64, TableSort)>,
    table: Table,
    /// Each column's left edge from the first column's, and its width.
    columns: Vec<(f32, f32)>,
    focused: Option<FocusedCell>,
}

impl TableCache {
    /// Whether a cell of the table has the keyboard focus: then the arrow keys move in the
    /// table instead of stepping the timeline.
    pub fn has_focus(&self, ctx: &egui::Context) -> bool {
        self.focused
            .is_some_and(|cell| ctx.memory(|memory| memory.has_focus(cell_id(cell))))
    }

    /// The focused cell's actor and body, if a cell has the focus (for tests).
    pub fn focused_cell(&self, ctx: &egui::Context) -> Option<(ActorIx, BodyIx)> {
        self.focused
            .filter(|_| self.has_focus(ctx))
            .map(|cell| (cell.actor, cell.body))
    }

    /// The table as tab-separated text, as "Copy as TSV" copies it.
    pub fn tsv(&self, panels: &Panels<'_>) -> String {
        self.table.tsv(&panels.document.dataset)
    }

    fn update(&mut self, ui: &egui::Ui, panels: &Panels<'_>, version: u64) {
        let key = (panels.state.view.clone(), version, panels.state.table_sort);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let dataset = &panels.document.dataset;
        self.table = Table::build(
            dataset,
            &panels.document.timeline,
            panels.frame,
            &panels.state.view,
            panels.state.table_sort,
        );
        let font = FontId::proportional(TEXT_SIZE);
        let width_of = |text: &str| {
            ui.painter()
                .layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE)
                .size()
                .x
        };
        let status_width = |status| SWATCH + 4.0 + width_of(short_status(status));
        self.columns.clear();
        let mut left = 0.0;
        for (c, body) in self.table.columns.iter().enumerate() {
            let label = dataset.bodies.get(body.index()).map_or("", |b| b.label());
            let header_width = ui
                .painter()
                .layout_job(header_job(label, Color32::WHITE))
                .size()
                .x;
            let widest_cell = (0..self.table.rows.len())
                .filter_map(|r| self.table.cell(r, c))
                .map(|cell| cell.status)
                .fold(Vec::new(), |mut seen, status| {
                    if !seen.contains(&status) {
                        seen.push(status);
                    }
                    seen
                })
                .into_iter()
                .map(status_width)
                .fold(SWATCH, f32::max);
            let width = header_width.max(widest_cell) + 2.0 * CELL_PADDING;
            self.columns.push((left, width));
            left += width;
        }
        self.key = Some(key);
    }

    /// The size of the whole table, headers included.
    fn content_size(&self) -> Vec2 {
        let width = self.columns.last().map_or(0.0, |&(left, w)| left + w);
        Vec2::new(
            NAME_WIDTH + width,
            HEADER_HEIGHT + ROW_HEIGHT * self.table.rows.len() as f32,
        )
    }

    /// The columns whose span meets `left..right` (from the first column's edge).
    fn columns_in(&self, left: f32, right: f32) -> std::ops::Range<usize> {
        let first = self.columns.partition_point(|&(x, w)| x + w <= left);
        let end = self.columns.partition_point(|&(x, _)| x < right);
        first..end.max(first)
    }
}

/// The widget id of a cell: the same for an actor and a body whatever the order.
fn cell_id(cell: FocusedCell) -> Id {
    Id::new(("table_cell", cell.actor, cell.body))
}

/// The layout of a body's name in the header row: wrapped on two lines at most, then cut.
fn header_job(label: &str, colour: Color32) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::simple(
        label.to_owned(),
        FontId::proportional(TEXT_SIZE),
        colour,
        MAX_HEADER_WIDTH,
    );
    job.wrap.max_rows = 2;
    job
}

/// The layout of a text on one line, cut with an ellipsis where it is wider than `width`.
fn one_line_job(text: &str, colour: Color32, width: f32) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::simple(
        text.to_owned(),
        FontId::proportional(TEXT_SIZE),
        colour,
        width,
    );
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    job
}

/// The table panel. `version` changes with the dataset and the looks.
pub fn table_panel_ui(
    ui: &mut egui::Ui,
    panels: &mut Panels<'_>,
    cache: &mut TableCache,
    version: u64,
) {
    let palette = panels.state.view.theme.palette();
    let frame = egui::Frame::central_panel(ui.style()).fill(color32(palette.background));
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        cache.update(ui, panels, version);
        toolbar_ui(ui, panels, cache);
        ui.add_space(4.0);
        if cache.table.rows.is_empty() || cache.table.columns.is_empty() {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                ui.label("Nothing to show: the filters hide every actor or every body");
            });
            return;
        }
        let target = keyboard(ui, cache);
        egui::ScrollArea::both()
            .id_salt("table_view")
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                grid_ui(ui, panels, cache, viewport, target);
            });
    });
}

/// Sort buttons, "Copy as TSV" and what the table shows.
fn toolbar_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>, cache: &TableCache) {
    ui.horizontal(|ui| {
        ui.label("Sort rows by");
        for sort in TableSort::ALL {
            if ui
                .selectable_label(panels.state.table_sort == sort, sort.label())
                .on_hover_text(sort.explain())
                .clicked()
            {
                panels.emit(Command::SetTableSort(sort));
            }
        }
        ui.separator();
        if ui
            .button(COPY_TSV_LABEL)
            .on_hover_text("Copy the table as tab-separated text, to paste into a spreadsheet")
            .clicked()
        {
            ui.ctx().copy_text(cache.tsv(panels));
        }
        ui.separator();
        let view = &panels.state.view;
        ui.weak(format!(
            "{} actors × {} bodies as of {}, counting {}",
            cache.table.rows.len(),
            cache.table.columns.len(),
            view.date,
            view.level.label().to_lowercase()
        ));
    });
}

/// Moves the focused cell with the keyboard. Returns the cell to bring into view.
fn keyboard(ui: &egui::Ui, cache: &mut TableCache) -> Option<(usize, usize)> {
    let focused = cache.focused?;
    let id = cell_id(focused);
    if !ui.memory(|memory| memory.has_focus(id)) {
        return None;
    }
    // The table moves its own focus: egui's own arrow-key focus search would jump to the
    // nearest widget on screen, headers and buttons included. The lock takes effect from
    // the frame after a cell gains the focus; in that frame the search is called off.
    let arrows = [
        Key::ArrowUp,
        Key::ArrowDown,
        Key::ArrowLeft,
        Key::ArrowRight,
    ];
    let arrow_pressed = ui.input(|input| {
        arrows
            .iter()
            .any(|&key| input.modifiers.is_none() && input.key_pressed(key))
    });
    ui.memory_mut(|memory| {
        memory.set_focus_lock_filter(
            id,
            EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                ..EventFilter::default()
            },
        );
        if arrow_pressed {
            memory.move_focus(egui::FocusDirection::None);
        }
    });
    let table = &cache.table;
    let (Some(row), Some(column)) = (table.row_of(focused.actor), table.column_of(focused.body))
    else {
        // The filters or the date took the cell away: nothing is left to hold the focus.
        ui.memory_mut(|memory| memory.surrender_focus(id));
        cache.focused = None;
        return None;
    };
    let rows = table.rows.len();
    let columns = table.columns.len();
    let page = ((ui.available_height() - HEADER_HEIGHT) / ROW_HEIGHT)
        .floor()
        .max(1.0) as usize;
    let presses =
        |key: Key| ui.input_mut(|input| input.count_and_consume_key(Modifiers::NONE, key));
    let mut to = (row, column);
    to.0 = to.0.saturating_sub(presses(Key::ArrowUp));
    to.0 = (to.0 + presses(Key::ArrowDown)).min(rows - 1);
    to.1 = to.1.saturating_sub(presses(Key::ArrowLeft));
    to.1 = (to.1 + presses(Key::ArrowRight)).min(columns - 1);
    to.0 = to.0.saturating_sub(page * presses(Key::PageUp));
    to.0 = (to.0 + page * presses(Key::PageDown)).min(rows - 1);
    if presses(Key::Home) > 0 {
        to.1 = 0;
    }
    if presses(Key::End) > 0 {
        to.1 = columns - 1;
    }
    if to == (row, column) {
        return None;
    }
    let (Some(actor), Some(&body)) = (
        table.rows.get(to.0).map(|r| r.actor),
        table.columns.get(to.1),
    ) else {
        return None;
    };
    let cell = FocusedCell { actor, body };
    cache.focused = Some(cell);
    ui.memory_mut(|memory| memory.request_focus(cell_id(cell)));
    Some(to)
}

/// The cells, the actors' names and the bodies' names of the part of the table in view.
fn grid_ui(
    ui: &mut egui::Ui,
    panels: &mut Panels<'_>,
    cache: &mut TableCache,
    viewport: Rect,
    target: Option<(usize, usize)>,
) {
    ui.set_min_size(cache.content_size());
    let origin = ui.max_rect().min;
    let visible = viewport.translate(origin.to_vec2());
    let visuals = ui.visuals().clone();
    let font = FontId::proportional(TEXT_SIZE);
    let dataset = &panels.document.dataset;
    let view = &panels.state.view;
    let selected_actor = match view.selection {
        Some(Selection::Actor(actor)) => Some(actor),
        _ => None,
    };
    let selected_body = match view.selection {
        Some(Selection::Body(body)) => Some(body),
        _ => None,
    };
    let highlight = visuals.selection.bg_fill.gamma_multiply(0.35);
    let background = color32(panels.state.view.theme.palette().background);
    let grid_line = visuals.widgets.noninteractive.bg_stroke.color;
    // The status colours are dark: on a dark background their wash needs more strength.
    let wash = if visuals.dark_mode { 0.3 } else { 0.18 };

    // Where a cell, a name or a body's name is on the screen.
    let column_x = |c: usize| origin.x + NAME_WIDTH + cache.columns.get(c).map_or(0.0, |&(x, _)| x);
    let column_width = |c: usize| cache.columns.get(c).map_or(0.0, |&(_, w)| w);
    let row_y = |r: usize| origin.y + HEADER_HEIGHT + ROW_HEIGHT * r as f32;

    let first_row = ((viewport.top() / ROW_HEIGHT).floor().max(0.0)) as usize;
    let end_row = (((viewport.bottom() - HEADER_HEIGHT) / ROW_HEIGHT)
        .ceil()
        .max(0.0) as usize)
        .min(cache.table.rows.len());
    let columns = cache.columns_in(viewport.left(), viewport.right() - NAME_WIDTH);

    // The cells, under the names and headers.
    let cells_rect = Rect::from_min_max(
        Pos2::new(visible.left() + NAME_WIDTH, visible.top() + HEADER_HEIGHT),
        visible.max,
    );
    let mut cells_ui = ui.new_child(UiBuilder::new().max_rect(cells_rect).id_salt("cells"));
    cells_ui.set_clip_rect(cells_rect.intersect(ui.clip_rect()));
    let painter = cells_ui.painter().clone();
    for r in first_row..end_row {
        let Some(row) = cache.table.rows.get(r) else {
            continue;
        };
        let y = row_y(r);
        if selected_actor == Some(row.actor) {
            let band = Rect::from_min_max(
                Pos2::new(cells_rect.left(), y),
                Pos2::new(cells_rect.right(), y + ROW_HEIGHT),
            );
            painter.rect_filled(band, 0.0, highlight);
        }
        painter.hline(
            cells_rect.x_range(),
            y + ROW_HEIGHT - 0.5,
            Stroke::new(0.5, grid_line),
        );
    }
    let mut places: Vec<(usize, usize)> = (first_row..end_row)
        .flat_map(|r| columns.clone().map(move |c| (r, c)))
        .collect();
    // The focused cell is made even when it is out of view (while the table scrolls to
    // it): a focused widget that is not made loses the focus, and the accessibility tree
    // must hold the node it says is focused.
    let focused_place = cache.focused.and_then(|cell| {
        if !ui.memory(|memory| memory.has_focus(cell_id(cell))) {
            return None;
        }
        Some((
            cache.table.row_of(cell.actor)?,
            cache.table.column_of(cell.body)?,
        ))
    });
    if let Some(place) = focused_place
        && !places.contains(&place)
    {
        places.push(place);
    }
    for (r, c) in places {
        let (Some(row), Some(&body)) = (cache.table.rows.get(r), cache.table.columns.get(c)) else {
            continue;
        };
        let rect = Rect::from_min_size(
            Pos2::new(column_x(c), row_y(r)),
            Vec2::new(column_width(c), ROW_HEIGHT),
        );
        if selected_body == Some(body) && selected_actor != Some(row.actor) {
            painter.rect_filled(rect, 0.0, highlight);
        }
        let cell = FocusedCell {
            actor: row.actor,
            body,
        };
        let response = cells_ui.interact(rect, cell_id(cell), Sense::click());
        if let Some(status) = cache.table.cell(r, c).map(|cell| cell.status) {
            let fill = color32(style::map_status_colour(status));
            // A faint wash of the status colour lets patterns show at a glance.
            painter.rect_filled(rect.shrink(1.0), 2.0, fill.gamma_multiply(wash));
            let swatch = Rect::from_center_size(
                Pos2::new(rect.left() + CELL_PADDING + SWATCH / 2.0, rect.center().y),
                Vec2::splat(SWATCH),
            );
            painter.rect(
                swatch,
                2.0,
                fill,
                Stroke::new(1.0, visuals.weak_text_color()),
                StrokeKind::Inside,
            );
            painter.text(
                Pos2::new(swatch.right() + 4.0, rect.center().y),
                Align2::LEFT_CENTER,
                short_status(status),
                font.clone(),
                visuals.text_color(),
            );
        }
        if response.hovered() {
            painter.rect_stroke(
                rect.shrink(0.5),
                2.0,
                visuals.widgets.hovered.bg_stroke,
                StrokeKind::Inside,
            );
        }
        if response.has_focus() {
            cache.focused = Some(cell);
            painter.rect_stroke(
                rect.shrink(1.0),
                2.0,
                Stroke::new(2.0, visuals.selection.stroke.color),
                StrokeKind::Inside,
            );
        }
        response.widget_info(|| {
            WidgetInfo::labeled(
                WidgetType::Button,
                true,
                cache.table.describe(dataset, r, c),
            )
        });
        let response = if response.hovered() {
            response.on_hover_text(cell_tooltip(panels, cache, r, c))
        } else {
            response
        };
        if response.clicked() {
            response.request_focus();
            cache.focused = Some(cell);
            panels.emit(Command::Select(Some(Selection::Actor(row.actor))));
        }
    }
    // Faint column lines, so that a lone cell far down is easy to place under its body.
    let last_y = row_y(end_row).min(cells_rect.bottom());
    for c in columns.clone() {
        painter.vline(
            column_x(c) + column_width(c) - 0.5,
            cells_rect.top()..=last_y,
            Stroke::new(0.5, grid_line.gamma_multiply(0.6)),
        );
    }
    if let Some((r, c)) = target {
        // Bring the cell into view, with the names and the headers that cover the edges.
        let rect = Rect::from_min_max(
            Pos2::new(column_x(c) - NAME_WIDTH, row_y(r) - HEADER_HEIGHT),
            Pos2::new(column_x(c) + column_width(c), row_y(r) + ROW_HEIGHT),
        );
        ui.scroll_to_rect(rect, None);
    }

    // The actors' names, fixed at the left edge.
    let names_rect = Rect::from_min_max(
        Pos2::new(visible.left(), visible.top() + HEADER_HEIGHT),
        Pos2::new(visible.left() + NAME_WIDTH, visible.bottom()),
    );
    let mut names_ui = ui.new_child(UiBuilder::new().max_rect(names_rect).id_salt("names"));
    names_ui.set_clip_rect(names_rect.intersect(ui.clip_rect()));
    let painter = names_ui.painter().clone();
    painter.rect_filled(names_rect, 0.0, background);
    for r in first_row..end_row {
        let Some(row) = cache.table.rows.get(r) else {
            continue;
        };
        let Some(actor) = dataset.actors.get(row.actor.index()) else {
            continue;
        };
        let rect = Rect::from_min_size(
            Pos2::new(names_rect.left(), row_y(r)),
            Vec2::new(NAME_WIDTH, ROW_HEIGHT),
        );
        let response = names_ui.interact(rect, Id::new(("table_row", row.actor)), Sense::click());
        let selected = selected_actor == Some(row.actor);
        if selected {
            painter.rect_filled(rect, 0.0, highlight);
        } else if response.hovered() {
            painter.rect_filled(rect, 0.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let dot = Pos2::new(rect.left() + 8.0, rect.center().y);
        painter.circle_filled(
            dot,
            4.0,
            color32(style::region_colour(actor.region.as_deref())),
        );
        let count = row.memberships.to_string();
        let count_galley = painter.layout_no_wrap(count, font.clone(), visuals.weak_text_color());
        let count_left = rect.right() - CELL_PADDING - count_galley.size().x;
        painter.galley(
            Pos2::new(count_left, rect.center().y - count_galley.size().y / 2.0),
            count_galley,
            visuals.weak_text_color(),
        );
        let name_room = count_left - dot.x - 8.0 - CELL_PADDING;
        // As in the network, an actor with no membership at the date is drawn faint.
        let name_colour = if row.memberships > 0 {
            visuals.strong_text_color()
        } else {
            visuals.weak_text_color()
        };
        let name = painter.layout_job(one_line_job(&actor.name, name_colour, name_room));
        painter.galley(
            Pos2::new(dot.x + 8.0, rect.center().y - name.size().y / 2.0),
            name,
            name_colour,
        );
        painter.hline(
            rect.x_range(),
            rect.bottom() - 0.5,
            Stroke::new(0.5, grid_line),
        );
        response.widget_info(|| {
            WidgetInfo::selected(WidgetType::Button, true, selected, actor.name.clone())
        });
        let response = if response.hovered() {
            let region = actor.region.as_deref().unwrap_or("no region given");
            let code = actor
                .iso3
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            response.on_hover_text(format!(
                "{}{code}, {region}\nIn {} of the bodies shown\nClick to select",
                actor.name, row.memberships
            ))
        } else {
            response
        };
        if response.clicked() {
            panels.emit(Command::Select(Some(Selection::Actor(row.actor))));
        }
    }

    // The bodies' names, fixed at the top edge.
    let header_rect = Rect::from_min_max(
        visible.min,
        Pos2::new(visible.right(), visible.top() + HEADER_HEIGHT),
    );
    let mut header_ui = ui.new_child(UiBuilder::new().max_rect(header_rect).id_salt("header"));
    header_ui.set_clip_rect(header_rect.intersect(ui.clip_rect()));
    let painter = header_ui.painter().clone();
    painter.rect_filled(header_rect, 0.0, background);
    let bodies_rect = Rect::from_min_max(
        Pos2::new(header_rect.left() + NAME_WIDTH, header_rect.top()),
        header_rect.max,
    );
    {
        let mut bodies_ui = header_ui.new_child(UiBuilder::new().max_rect(bodies_rect));
        bodies_ui.set_clip_rect(bodies_rect.intersect(header_ui.clip_rect()));
        let painter = bodies_ui.painter().clone();
        for c in columns {
            let Some(&body_ix) = cache.table.columns.get(c) else {
                continue;
            };
            let Some(body) = dataset.bodies.get(body_ix.index()) else {
                continue;
            };
            let rect = Rect::from_min_size(
                Pos2::new(column_x(c), header_rect.top()),
                Vec2::new(column_width(c), HEADER_HEIGHT),
            );
            let response =
                bodies_ui.interact(rect, Id::new(("table_column", body_ix)), Sense::click());
            let selected = selected_body == Some(body_ix);
            if selected {
                painter.rect_filled(rect, 0.0, highlight);
            } else if response.hovered() {
                painter.rect_filled(rect, 0.0, visuals.widgets.hovered.weak_bg_fill);
            }
            // Names sit on the line above the cells, as in a spreadsheet.
            let header = painter.layout_job(header_job(body.label(), visuals.strong_text_color()));
            painter.galley(
                Pos2::new(
                    rect.left() + CELL_PADDING,
                    rect.bottom() - 4.0 - header.size().y,
                ),
                header,
                visuals.strong_text_color(),
            );
            painter.vline(rect.left(), rect.y_range(), Stroke::new(0.5, grid_line));
            response.widget_info(|| {
                WidgetInfo::selected(WidgetType::Button, true, selected, body.label())
            });
            let response = if response.hovered() {
                let members = panels
                    .frame
                    .body_members
                    .get(body_ix.index())
                    .copied()
                    .unwrap_or(0);
                response.on_hover_text(format!(
                    "{}\n{members} {} as of {}, counting {}\nClick to select",
                    body.name,
                    if members == 1 { "member" } else { "members" },
                    view.date,
                    view.level.label().to_lowercase()
                ))
            } else {
                response
            };
            if response.clicked() {
                panels.emit(Command::Select(Some(Selection::Body(body_ix))));
            }
        }
    }
    painter.hline(
        header_rect.x_range(),
        header_rect.bottom() - 0.5,
        Stroke::new(1.0, grid_line),
    );

    // The corner above the names.
    let corner = Rect::from_min_size(visible.min, Vec2::new(NAME_WIDTH, HEADER_HEIGHT));
    painter.rect_filled(corner, CornerRadius::ZERO, background);
    painter.text(
        Pos2::new(corner.left() + CELL_PADDING, corner.center().y),
        Align2::LEFT_CENTER,
        "Actor",
        font.clone(),
        visuals.weak_text_color(),
    );
    painter.text(
        Pos2::new(corner.right() - CELL_PADDING, corner.center().y),
        Align2::RIGHT_CENTER,
        "Bodies",
        font,
        visuals.weak_text_color(),
    );
    ui.painter_at(visible).vline(
        corner.right() - 0.5,
        visible.y_range(),
        Stroke::new(1.0, grid_line),
    );
}

/// The tooltip of a cell: what it says in words, and the source of the status.
fn cell_tooltip(panels: &Panels<'_>, cache: &TableCache, row: usize, column: usize) -> String {
    let dataset = &panels.document.dataset;
    let mut text = cache.table.describe(dataset, row, column);
    if let Some(source) = cache
        .table
        .cell(row, column)
        .and_then(|cell| dataset.events.get(cell.event))
        .and_then(|event| event.source.url())
    {
        text.push('\n');
        text.push_str(source);
    }
    if cache
        .table
        .cell(row, column)
        .is_some_and(|cell| !cell.status.counts_at(panels.state.view.level))
    {
        text.push_str("\nNot counted as a membership at this level");
    }
    text.push_str("\nClick or press Enter to select the actor");
    text
}
