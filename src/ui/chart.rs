//! The membership-over-time chart (egui_plot): member counts as step lines, a cursor at
//! the current date; clicking the chart moves the timeline there.

use egui_plot::{HoverPosition, Legend, Line, MarkerShape, Plot, PlotPoints, Points, VLine};

use super::Panels;
use super::colour::color32;
use crate::model::Month;
use crate::scene::NodeRef;
use crate::state::{Command, Selection};
use crate::style;
use crate::timeline::{BodyIx, StepSeries};

/// How many bodies the chart shows when nothing, or an actor, is selected.
const MAX_LINES: usize = 6;

/// A month as a position on the chart's x axis (years, with months as twelfths).
fn x_of(month: Month) -> f64 {
    f64::from(month.index()) / 12.0
}

fn month_of_x(x: f64) -> Month {
    Month::from_index((x * 12.0).floor() as i32)
}

/// The points of a step line from `first` to `last`.
fn step_points(series: &StepSeries, first: Month, last: Month) -> Vec<[f64; 2]> {
    let mut points = vec![[x_of(first), f64::from(series.at(first.end()))]];
    let mut value = points[0][1];
    for &(date, count) in &series.steps {
        let month = Month::of_date(date);
        if month <= first || month > last {
            continue;
        }
        let x = x_of(month);
        points.push([x, value]);
        value = f64::from(count);
        points.push([x, value]);
    }
    points.push([x_of(last) + 1.0 / 12.0, value]);
    points
}

/// The chart panel above the timeline bar.
pub fn chart_panel_ui(ui: &mut egui::Ui, panels: &mut Panels<'_>) {
    let document = panels.document;
    let state = panels.state;
    let bodies: Vec<BodyIx> = match state.view.selection {
        Some(Selection::Body(body)) => vec![body],
        Some(Selection::Actor(actor)) => document
            .timeline
            .memberships_of(actor, state.view.date.end())
            .iter()
            .map(|membership| membership.body)
            .take(MAX_LINES)
            .collect(),
        None => {
            let mut ranked: Vec<(u32, usize)> = panels
                .frame
                .body_members
                .iter()
                .enumerate()
                .filter(|&(b, _)| {
                    panels
                        .frame
                        .nodes
                        .get(b)
                        .is_some_and(|look| look.visibility != crate::scene::Visibility::Hidden)
                })
                .map(|(b, &count)| (count, b))
                .collect();
            ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            ranked
                .into_iter()
                .take(MAX_LINES)
                .map(|(_, b)| BodyIx(b as u32))
                .collect()
        }
    };
    egui::Panel::bottom("membership_chart")
        .resizable(true)
        .default_size(170.0)
        .min_size(110.0)
        .show(ui, |ui| {
            let title = match state.view.selection {
                Some(Selection::Body(body)) => format!(
                    "Members of {} over time ({})",
                    document.node_label(NodeRef::Body(body)),
                    level_words(state.view.level)
                ),
                Some(Selection::Actor(actor)) => format!(
                    "Bodies {} belongs to, members over time ({})",
                    document.node_label(NodeRef::Actor(actor)),
                    level_words(state.view.level)
                ),
                None => format!(
                    "Largest bodies, members over time ({})",
                    level_words(state.view.level)
                ),
            };
            ui.horizontal_wrapped(|ui| {
                ui.strong(title);
                if let Some(Selection::Body(body)) = state.view.selection {
                    for text in
                        shortfall_words(document, body, state.view.date.end(), state.view.level)
                    {
                        ui.label(egui::RichText::new(text).color(ui.visuals().warn_fg_color));
                    }
                }
                ui.weak("Click the chart to jump to a date");
            });
            let (range_first, last) = state.range;
            // A single body's chart starts a year before its first event.
            let first = match state.view.selection {
                Some(Selection::Body(body)) => document
                    .timeline
                    .body_event_span(body, last.end())
                    .map_or(range_first, |(start, _)| {
                        Month::of_date(start.start()).plus(-12).max(range_first)
                    }),
                _ => range_first,
            };
            let colouring = state.view.body_colouring;
            let plot = Plot::new("membership_plot")
                .legend(Legend::default())
                .allow_zoom(false)
                .allow_drag(false)
                .allow_scroll(false)
                .allow_boxed_zoom(false)
                .allow_double_click_reset(false)
                .include_y(0.0)
                .include_x(x_of(first))
                .include_x(x_of(last) + 1.0 / 12.0)
                .y_axis_min_width(28.0)
                .x_axis_formatter(|mark, _| format!("{:.0}", mark.value.floor()))
                .label_formatter(|hover| {
                    Some(match hover {
                        HoverPosition::NearDataPoint {
                            plot_name,
                            position,
                            ..
                        } if !plot_name.is_empty() => {
                            format!("{plot_name}\n{}: {:.0}", month_of_x(position.x), position.y)
                        }
                        HoverPosition::NearDataPoint { position, .. }
                        | HoverPosition::Elsewhere { position, .. } => {
                            month_of_x(position.x).to_string()
                        }
                    })
                });
            let date_x = x_of(state.view.date) + 0.5 / 12.0;
            let response = plot.show(ui, |plot_ui| {
                for &body in &bodies {
                    let Some(record) = document.dataset.bodies.get(body.index()) else {
                        continue;
                    };
                    let series = document.timeline.count_series(body, state.view.level);
                    let colour = style::body_colour(&record.issues, record.law, colouring);
                    plot_ui.line(
                        Line::new(
                            record.label(),
                            PlotPoints::from(step_points(series, first, last)),
                        )
                        .color(color32(colour))
                        .width(2.0),
                    );
                }
                if let Some(Selection::Body(body)) = state.view.selection {
                    let reported = reported_points(document, body, state.view.level, (first, last));
                    if !reported.is_empty() {
                        plot_ui.points(
                            Points::new("Reported by sources", PlotPoints::from(reported))
                                .shape(MarkerShape::Diamond)
                                .radius(4.5)
                                .color(color32(style::REPORTED_COLOUR)),
                        );
                    }
                }
                plot_ui.vline(
                    VLine::new("", date_x)
                        .color(egui::Color32::from_gray(128))
                        .width(1.5),
                );
            });
            if response.response.clicked()
                && let Some(position) = response.response.interact_pointer_pos()
            {
                let point = response.transform.value_from_position(position);
                panels.emit(Command::SetDate(month_of_x(point.x)));
            }
        });
}

/// "41 of 43 parties identified (2014-10)" for the counts of the chart's level (of every
/// member or of states) in force at the date that the body's lists fall short of.
fn shortfall_words(
    document: &crate::document::Document,
    body: BodyIx,
    date: jiff::civil::Date,
    level: crate::model::Level,
) -> Vec<String> {
    let Some(record) = document.dataset.bodies.get(body.index()) else {
        return Vec::new();
    };
    crate::model::latest_reported(&record.reported, date)
        .into_iter()
        .filter(|count| count.level.matches(level))
        .filter(|count| {
            count
                .group
                .is_none_or(|group| group == crate::model::ActorKind::State)
        })
        .filter_map(|count| {
            let found =
                crate::timeline::identified(&document.dataset, &document.timeline, body, count);
            (found.dated < count.count).then(|| crate::timeline::identified_text(found, count))
        })
        .collect()
}

/// The member counts the sources report for a body, as points at their dates (in the
/// chart's months), beside the line of the members identified: counts at the chart's
/// level, of every member or of states (not of other groups alone).
fn reported_points(
    document: &crate::document::Document,
    body: BodyIx,
    level: crate::model::Level,
    (first, last): (Month, Month),
) -> Vec<[f64; 2]> {
    let Some(record) = document.dataset.bodies.get(body.index()) else {
        return Vec::new();
    };
    record
        .reported
        .iter()
        .filter(|count| count.level.matches(level))
        .filter(|count| {
            count
                .group
                .is_none_or(|group| group == crate::model::ActorKind::State)
        })
        .map(|count| (Month::of_date(count.date.end()), count.count))
        .filter(|&(month, _)| month >= first && month <= last)
        .map(|(month, n)| [x_of(month) + 0.5 / 12.0, f64::from(n)])
        .collect()
}

fn level_words(level: crate::model::Level) -> &'static str {
    match level {
        crate::model::Level::Signatory => "signatories or more",
        crate::model::Level::Party => "parties or more",
        crate::model::Level::InForce => "in force",
    }
}
