//! How the world map looks in a view: each state's fill (its status in the selected body,
//! or how many bodies it belongs to when no body is selected), the outline of those who
//! joined or left since the previous step, the legend, and the members the map cannot
//! show (the EU, non-state members, states without a place). No GUI here.

use std::collections::HashMap;

use crate::model::{ActorKind, Dataset, Status, Word};
use crate::style::{self, Rgba};
use crate::timeline::{ActorIx, BodyIx, Timeline};

use super::frame::{Ring, SceneFrame, Visibility};
use super::map::WorldMap;
use super::view::{Selection, View};

/// How one place of the map (a country outline or a small state's dot) looks.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceLook {
    /// The dataset's actor with this place's ISO code, if any.
    pub actor: Option<ActorIx>,
    /// Fill colour.
    pub fill: Rgba,
    /// The actor's status in the selected body at the date, if any.
    pub status: Option<Status>,
    /// How many shown bodies the actor belongs to at the date (at the view's level).
    pub memberships: u32,
    /// Joined or left since the previous step, or selected.
    pub ring: Option<Ring>,
}

/// A member the map cannot place: the EU, a non-state member, a state with no ISO code
/// on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Beside {
    /// The actor.
    pub actor: ActorIx,
    /// Its status in the selected body.
    pub status: Status,
}

/// The whole look of the map in a view.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLook {
    /// One per country of [`WorldMap::countries`], in that order.
    pub countries: Vec<PlaceLook>,
    /// One per small state of [`WorldMap::small_states`], in that order.
    pub small_states: Vec<PlaceLook>,
    /// The body whose statuses fill the map, if one is selected.
    pub body: Option<BodyIx>,
    /// The legend: what each fill says.
    pub legend: Vec<(String, Rgba)>,
    /// Members of the selected body the map cannot place.
    pub beside: Vec<Beside>,
    /// With no body selected: the most bodies any state belongs to (the scale's top).
    pub most_memberships: u32,
}

impl MapLook {
    /// The map's look in `view`; `frame` is the scene's look in the same view (its counts
    /// of memberships and its rings follow the filters and the lens).
    pub fn build(
        dataset: &Dataset,
        timeline: &Timeline,
        frame: &SceneFrame,
        view: &View,
        map: &WorldMap,
    ) -> Self {
        let theme = view.theme;
        let date = view.date.end();
        let by_iso3: HashMap<&str, ActorIx> = dataset
            .actors
            .iter()
            .enumerate()
            .filter(|(_, actor)| actor.kind == ActorKind::State)
            .filter_map(|(a, actor)| {
                let iso3 = actor.iso3.as_deref()?;
                Some((iso3, ActorIx(u32::try_from(a).ok()?)))
            })
            .collect();
        let body = match view.selection {
            Some(Selection::Body(body)) => Some(body),
            _ => None,
        };
        let standings: HashMap<ActorIx, Status> = body
            .map(|body| {
                timeline
                    .standings_in(body, date)
                    .into_iter()
                    .map(|membership| (membership.actor, membership.status))
                    .collect()
            })
            .unwrap_or_default();
        let (joined, left) = match body {
            Some(body) if view.moved_forward() => {
                let (joined, left) =
                    timeline.changes_between(body, view.previous_date.end(), date, view.level);
                (joined, left)
            }
            Some(_) => (Vec::new(), Vec::new()),
            None => (
                frame.joined.iter().copied().collect(),
                frame.left.iter().copied().collect(),
            ),
        };
        let shown = |actor: ActorIx| {
            frame
                .nodes
                .get(frame.body_members.len() + actor.index())
                .is_some_and(|look| look.visibility != Visibility::Hidden)
        };
        let most_memberships = frame.actor_memberships.iter().copied().max().unwrap_or(0);
        let look_of = |iso3: &str| {
            let actor = by_iso3.get(iso3).copied();
            let memberships = actor
                .and_then(|a| frame.actor_memberships.get(a.index()).copied())
                .unwrap_or(0);
            let status = actor.and_then(|a| standings.get(&a).copied());
            let fill = match (body, status) {
                (Some(_), Some(status)) => style::map_status_colour(status),
                (Some(_), None) => style::map_land(theme),
                (None, _) if actor.is_some_and(shown) => {
                    style::map_count_colour(memberships, most_memberships, theme)
                }
                (None, _) => style::map_land(theme),
            };
            let ring = actor.and_then(|a| {
                if view.selection == Some(Selection::Actor(a)) {
                    Some(Ring::Selected)
                } else if joined.contains(&a) {
                    Some(Ring::Joined)
                } else if left.contains(&a) {
                    Some(Ring::Left)
                } else {
                    None
                }
            });
            PlaceLook {
                actor,
                fill,
                status,
                memberships,
                ring,
            }
        };
        let countries = map.countries().iter().map(|c| look_of(c.iso3())).collect();
        let small_states = map
            .small_states()
            .iter()
            .map(|s| look_of(s.iso3()))
            .collect();
        // Members the map cannot place: not a state, or a state with no place on it.
        let mut beside: Vec<Beside> = standings
            .iter()
            .filter(|&(&actor, _)| {
                let placed = dataset.actors.get(actor.index()).is_some_and(|actor| {
                    actor.kind == ActorKind::State
                        && actor
                            .iso3
                            .as_deref()
                            .is_some_and(|iso3| map.place(iso3).is_some())
                });
                !placed
            })
            .map(|(&actor, &status)| Beside { actor, status })
            .collect();
        beside.sort_by_key(|b| b.actor);
        let legend = match body {
            Some(_) => {
                // The statuses drawn, in legend order (each fill once).
                let drawn: Vec<Rgba> = standings
                    .values()
                    .map(|&status| style::map_status_colour(status))
                    .collect();
                let mut legend: Vec<(String, Rgba)> = style::MAP_STATUSES
                    .iter()
                    .map(|&(status, label)| (label.to_owned(), style::map_status_colour(status)))
                    .filter(|(_, colour)| drawn.contains(colour))
                    .collect();
                legend.push(("Not a member".to_owned(), style::map_land(theme)));
                legend
            }
            None => {
                let steps = [1, most_memberships.div_ceil(2), most_memberships];
                let mut legend: Vec<(String, Rgba)> = Vec::new();
                for count in steps {
                    let label = format!("In {count} {}", plural(count, "body", "bodies"));
                    if count > 0 && !legend.iter().any(|(l, _)| *l == label) {
                        legend.push((
                            label,
                            style::map_count_colour(count, most_memberships, theme),
                        ));
                    }
                }
                legend.push(("In none shown".to_owned(), style::map_land(theme)));
                legend
            }
        };
        Self {
            countries,
            small_states,
            body,
            legend,
            beside,
            most_memberships,
        }
    }

    /// The hover text of a place: its name, its status and since when (with a body), or
    /// how many bodies it belongs to.
    pub fn describe(
        &self,
        dataset: &Dataset,
        timeline: &Timeline,
        view: &View,
        place: &PlaceLook,
        name: &str,
    ) -> String {
        let Some(actor) = place.actor else {
            return format!("{name}\nnot in the dataset");
        };
        let actor_name = dataset
            .actors
            .get(actor.index())
            .map_or(name, |a| a.name.as_str());
        match self.body {
            Some(body) => {
                let membership = timeline
                    .standings_in(body, view.date.end())
                    .into_iter()
                    .find(|m| m.actor == actor);
                match membership {
                    Some(m) => {
                        let source = dataset
                            .events
                            .get(m.event)
                            .and_then(|e| e.source.url())
                            .unwrap_or_default();
                        let status = m.status.label();
                        let mut text = format!("{actor_name}\n{status} since {}", m.since);
                        if !source.is_empty() {
                            text.push('\n');
                            text.push_str(source);
                        }
                        text
                    }
                    None => format!("{actor_name}\nnot a member"),
                }
            }
            None => format!(
                "{actor_name}\nin {} {}",
                place.memberships,
                plural(place.memberships, "body", "bodies")
            ),
        }
    }
}

fn plural<'a>(count: u32, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}
