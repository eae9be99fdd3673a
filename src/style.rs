//! The visual vocabulary of the network: colours, node shapes, sizes and edge styles.
//!
//! This module knows no GUI toolkit. Colours are plain [`Rgba`] values, so the interactive
//! view and the picture exporters draw the same picture from the same decisions.

use crate::model::{ActorKind, IssueArea, Law, RelationKind, Status, Word};
pub use crate::model::{BodyColouring, NodeKind};

/// A colour with straight (not premultiplied) alpha, 8 bits per channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgba {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Opacity: 0 is transparent, 255 opaque.
    pub a: u8,
}

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b, a: 255 }
    }

    /// The same colour with another opacity.
    pub const fn with_alpha(self, a: u8) -> Self {
        Self { a, ..self }
    }

    /// Mixes `self` toward `other`; `t` = 0 keeps `self`, 1 gives `other`.
    pub fn mix(self, other: Self, t: f32) -> Self {
        let t = t.clamp(0.0, 1.0);
        let channel = |a: u8, b: u8| {
            let value = f32::from(a) + (f32::from(b) - f32::from(a)) * t;
            value.round().clamp(0.0, 255.0) as u8
        };
        Self {
            r: channel(self.r, other.r),
            g: channel(self.g, other.g),
            b: channel(self.b, other.b),
            a: channel(self.a, other.a),
        }
    }

    /// The colour as `#rrggbb` (opacity left out), for SVG and reports.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// The colour of a similarity (0 to 1) on the theme's sequential scale, from a faint tint
/// of the background (so that empty cells still show the grid) to [`Palette::scale`]. The
/// square root spreads the low end, where most pairs of bodies are.
pub fn similarity_colour(palette: &Palette, similarity: f32) -> Rgba {
    palette
        .background
        .mix(palette.muted, 0.1)
        .mix(palette.scale, similarity.clamp(0.0, 1.0).sqrt())
}

/// Light or dark theme. Light is the default: it reads better on classroom projectors.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Theme {
    /// Dark text on a light background.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
}

/// The colours that depend on the theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// The canvas behind the network.
    pub background: Rgba,
    /// Labels and the large date.
    pub text: Rgba,
    /// Secondary text and neutral edges.
    pub muted: Rgba,
    /// The outline drawn around every node, so that colours stay apart.
    pub outline: Rgba,
    /// The ring around members who joined since the previous step.
    pub joined: Rgba,
    /// The ring around members who left since the previous step.
    pub left: Rgba,
    /// The ring around the selected node.
    pub selection: Rgba,
    /// The strong end of a sequential scale (the overlap matrix), from the background.
    pub scale: Rgba,
}

impl Theme {
    /// The theme's colours.
    pub fn palette(self) -> Palette {
        match self {
            Self::Light => Palette {
                background: Rgba::rgb(250, 250, 248),
                text: Rgba::rgb(28, 30, 36),
                muted: Rgba::rgb(120, 124, 134),
                outline: Rgba::rgb(255, 255, 255),
                joined: Rgba::rgb(0, 158, 115),
                left: Rgba::rgb(213, 94, 0),
                selection: Rgba::rgb(20, 20, 20),
                scale: Rgba::rgb(33, 102, 172),
            },
            Self::Dark => Palette {
                background: Rgba::rgb(24, 26, 31),
                text: Rgba::rgb(232, 234, 238),
                muted: Rgba::rgb(140, 146, 158),
                outline: Rgba::rgb(24, 26, 31),
                joined: Rgba::rgb(64, 214, 160),
                left: Rgba::rgb(255, 140, 60),
                selection: Rgba::rgb(250, 250, 250),
                scale: Rgba::rgb(110, 175, 240),
            },
        }
    }

    /// The other theme.
    pub fn toggled(self) -> Self {
        match self {
            Self::Light => Self::Dark,
            Self::Dark => Self::Light,
        }
    }
}

/// A node's outline, all centred on the node's position and fitting a circle of its radius.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeShape {
    /// A disc.
    Circle,
    /// An axis-aligned square.
    Square,
    /// A square standing on a corner.
    Diamond,
    /// A hexagon with flat top and bottom.
    Hexagon,
    /// A triangle pointing up.
    Triangle,
    /// A wide, short rectangle, like a document seen edge-on.
    Bar,
}

impl NodeShape {
    /// The shape nodes of a kind are drawn with.
    pub fn of(kind: NodeKind) -> Self {
        match kind {
            NodeKind::State => Self::Circle,
            NodeKind::Stakeholder => Self::Square,
            NodeKind::Forum => Self::Hexagon,
            NodeKind::Instrument => Self::Diamond,
            NodeKind::Coalition => Self::Triangle,
            NodeKind::Statement => Self::Bar,
        }
    }

    /// The outline as points around the centre `(0, 0)` for a radius of 1 (y grows
    /// downward, as on screens and in SVG). A circle returns no points: draw a circle.
    pub fn unit_outline(self) -> Vec<[f32; 2]> {
        let polygon = |corners: usize, turn: f32| -> Vec<[f32; 2]> {
            (0..corners)
                .map(|i| {
                    let angle = turn + i as f32 * std::f32::consts::TAU / corners as f32;
                    [angle.cos(), angle.sin()]
                })
                .collect()
        };
        match self {
            Self::Circle => Vec::new(),
            Self::Square => vec![[-0.8, -0.8], [0.8, -0.8], [0.8, 0.8], [-0.8, 0.8]],
            Self::Diamond => vec![[0.0, -1.1], [1.1, 0.0], [0.0, 1.1], [-1.1, 0.0]],
            Self::Hexagon => polygon(6, 0.0),
            Self::Triangle => vec![[0.0, -1.15], [1.05, 0.7], [-1.05, 0.7]],
            Self::Bar => vec![[-1.1, -0.6], [1.1, -0.6], [1.1, 0.6], [-1.1, 0.6]],
        }
    }
}

/// The colour of an issue area (colour-blind-safe hues first, for the common areas).
pub fn issue_colour(issue: IssueArea) -> Rgba {
    match issue {
        IssueArea::Cybercrime => Rgba::rgb(204, 51, 17),
        IssueArea::Cybersecurity => Rgba::rgb(0, 114, 178),
        IssueArea::IntellectualProperty => Rgba::rgb(170, 51, 119),
        IssueArea::InternetFreedom => Rgba::rgb(0, 153, 136),
        IssueArea::Trade => Rgba::rgb(230, 159, 0),
        IssueArea::NamingAndNumbering => Rgba::rgb(86, 180, 233),
        IssueArea::ChildProtection => Rgba::rgb(238, 119, 51),
        IssueArea::Climate => Rgba::rgb(34, 136, 51),
        IssueArea::Telecommunications => Rgba::rgb(102, 37, 6),
        IssueArea::InternetGovernance => Rgba::rgb(68, 68, 170),
        IssueArea::Economy => Rgba::rgb(153, 153, 51),
        IssueArea::Standards => Rgba::rgb(102, 102, 102),
        IssueArea::Other => Rgba::rgb(150, 150, 150),
    }
}

/// The colour of hard or soft law.
pub fn law_colour(law: Law) -> Rgba {
    match law {
        Law::Hard => Rgba::rgb(31, 78, 160),
        Law::Soft => Rgba::rgb(230, 130, 20),
    }
}

/// The colour of a body when no issue area is given.
pub const NO_ISSUE_COLOUR: Rgba = Rgba::rgb(150, 150, 150);

/// The colour of a body: by its main issue area or by law.
pub fn body_colour(issues: &[IssueArea], law: Law, colouring: BodyColouring) -> Rgba {
    match colouring {
        BodyColouring::IssueArea => issues.first().map_or(NO_ISSUE_COLOUR, |&i| issue_colour(i)),
        BodyColouring::Law => law_colour(law),
    }
}

/// The regions that have their own colour, in legend order (UN M49 regions).
pub const REGIONS: [&str; 5] = ["Africa", "Americas", "Asia", "Europe", "Oceania"];

/// The colour of actors with no known region, and of non-state stakeholders.
pub const NO_REGION_COLOUR: Rgba = Rgba::rgb(160, 160, 168);

/// The colour of a state by its region: muted tones, so that bodies stand out.
pub fn region_colour(region: Option<&str>) -> Rgba {
    let Some(region) = region else {
        return NO_REGION_COLOUR;
    };
    let known = REGIONS
        .iter()
        .position(|name| name.eq_ignore_ascii_case(region.trim()));
    match known {
        Some(0) => Rgba::rgb(196, 150, 98),
        Some(1) => Rgba::rgb(214, 120, 130),
        Some(2) => Rgba::rgb(120, 170, 110),
        Some(3) => Rgba::rgb(112, 150, 204),
        Some(4) => Rgba::rgb(150, 130, 200),
        _ => NO_REGION_COLOUR,
    }
}

/// The colour of an actor: states by region, other stakeholders in one neutral tone.
pub fn actor_colour(kind: ActorKind, region: Option<&str>) -> Rgba {
    match kind {
        ActorKind::State => region_colour(region),
        _ => Rgba::rgb(110, 110, 118),
    }
}

/// The radius of a body (in layout units) from its member count at the date.
pub fn body_radius(members: u32) -> f32 {
    (9.0 + 2.0 * (members as f32).sqrt()).min(30.0)
}

/// The radius of an actor (in layout units) from its number of memberships at the date.
pub fn actor_radius(memberships: u32) -> f32 {
    (4.0 + 1.3 * (memberships as f32).sqrt()).min(11.0)
}

/// How a line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dash {
    /// Unbroken.
    Solid,
    /// Long dashes.
    Dashed,
    /// Dots.
    Dotted,
}

/// How an edge is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EdgeStyle {
    /// The line colour.
    pub colour: Rgba,
    /// The line width in layout units.
    pub width: f32,
    /// The dash pattern.
    pub dash: Dash,
    /// Whether an arrow head marks the "to" end (relations read from → to).
    pub arrow: bool,
}

/// The edge style of a membership with this status.
pub fn membership_style(status: Status, theme: Theme) -> EdgeStyle {
    let neutral = match theme {
        Theme::Light => Rgba::rgb(140, 146, 158),
        Theme::Dark => Rgba::rgb(120, 128, 142),
    };
    let style = |colour: Rgba, width: f32, dash: Dash| EdgeStyle {
        colour,
        width,
        dash,
        arrow: false,
    };
    match status {
        Status::Negotiating => style(Rgba::rgb(86, 160, 200), 0.9, Dash::Dotted),
        Status::Observer => style(neutral, 0.8, Dash::Dotted),
        Status::Signatory => style(Rgba::rgb(214, 160, 40), 1.1, Dash::Dashed),
        Status::Party | Status::Member => style(neutral, 1.2, Dash::Solid),
        // Heavier than "party": darker on light backgrounds, lighter on dark ones.
        Status::InForce => {
            let ink = match theme {
                Theme::Light => Rgba::rgb(40, 40, 48),
                Theme::Dark => Rgba::rgb(232, 234, 242),
            };
            let weight = if theme == Theme::Light { 0.35 } else { 0.45 };
            style(neutral.mix(ink, weight), 1.8, Dash::Solid)
        }
        Status::Withdrawn | Status::Suspended | Status::Rejected | Status::Declined => {
            style(Rgba::rgb(200, 70, 50), 0.9, Dash::Dashed)
        }
        Status::LeftNegotiations => style(Rgba::rgb(200, 70, 50), 0.7, Dash::Dotted),
    }
}

/// The opacity of a body's membership lines when nothing is selected: the more members, the
/// fainter, so that near-universal bodies (the UN, the WTO) stay a backdrop and the ties of
/// small coalitions stand out.
pub fn membership_opacity(members: u32) -> u8 {
    let share = (12.0 / members.max(1) as f32).sqrt().clamp(0.22, 1.0);
    (share * 255.0).round() as u8
}

/// The membership statuses the legend explains, each with a short label.
pub const LEGEND_STATUSES: [(Status, &str); 6] = [
    (Status::Negotiating, "Negotiating"),
    (Status::Observer, "Observer"),
    (Status::Signatory, "Signatory"),
    (Status::Party, "Party or member"),
    (Status::InForce, "In force"),
    (Status::Withdrawn, "Withdrawn or ended"),
];

/// The edge style of a relation between two bodies.
pub fn relation_style(kind: RelationKind, theme: Theme) -> EdgeStyle {
    let ink = match theme {
        Theme::Light => Rgba::rgb(70, 74, 84),
        Theme::Dark => Rgba::rgb(190, 194, 204),
    };
    let style = |colour: Rgba, dash: Dash| EdgeStyle {
        colour,
        width: 2.0,
        dash,
        arrow: true,
    };
    match kind {
        RelationKind::HostedBy | RelationKind::PartOf | RelationKind::IssuedBy => {
            style(ink, Dash::Solid)
        }
        RelationKind::SuccessorOf => style(ink, Dash::Dashed),
        RelationKind::AlternativeTo => style(Rgba::rgb(170, 51, 119), Dash::Dashed),
        RelationKind::SteppingStoneToward => style(Rgba::rgb(0, 153, 136), Dash::Dotted),
    }
}

/// The relation label in the legend (the model's label, which reads "from → to").
pub fn relation_label(kind: RelationKind) -> &'static str {
    kind.label()
}

/// How much of a faded node or edge remains visible (opacity out of 255).
pub const FADED_ALPHA: u8 = 46;

/// The fills of the map's states by their status in the selected body, with the legend's
/// words, in legend order (Okabe–Ito colours, told apart with colour blindness).
pub const MAP_STATUSES: [(Status, &str); 6] = [
    (Status::Negotiating, "Negotiating"),
    (Status::Observer, "Observer"),
    (Status::Signatory, "Signatory"),
    (Status::Party, "Party or member"),
    (Status::InForce, "In force"),
    (Status::Withdrawn, "Declined, rejected or withdrawn"),
];

/// The fill of a state on the map with this status in the selected body.
pub fn map_status_colour(status: Status) -> Rgba {
    match status {
        Status::Negotiating => Rgba::rgb(86, 180, 233),
        Status::Observer => Rgba::rgb(170, 160, 200),
        Status::Signatory => Rgba::rgb(230, 159, 0),
        Status::Party | Status::Member => Rgba::rgb(0, 114, 178),
        Status::InForce => Rgba::rgb(0, 62, 120),
        Status::Withdrawn
        | Status::Suspended
        | Status::Rejected
        | Status::Declined
        | Status::LeftNegotiations => Rgba::rgb(204, 121, 167),
    }
}

/// The map's land where a state has no status (or no data), in a theme.
pub fn map_land(theme: Theme) -> Rgba {
    match theme {
        Theme::Light => Rgba::rgb(222, 223, 219),
        Theme::Dark => Rgba::rgb(58, 61, 70),
    }
}

/// The fill of a state on the map that belongs to `count` of `most` bodies: from the land
/// colour to the theme's strong colour.
pub fn map_count_colour(count: u32, most: u32, theme: Theme) -> Rgba {
    if count == 0 || most == 0 {
        return map_land(theme);
    }
    let share = count as f32 / most as f32;
    map_land(theme).mix(theme.palette().scale, 0.15 + 0.85 * share)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BodyKind;

    #[test]
    fn every_node_kind_has_its_own_shape() {
        let mut shapes: Vec<NodeShape> = NodeKind::ALL
            .iter()
            .map(|&kind| NodeShape::of(kind))
            .collect();
        shapes.dedup();
        let unique: std::collections::HashSet<_> = shapes.iter().collect();
        assert_eq!(unique.len(), NodeKind::ALL.len());
    }

    #[test]
    fn body_kinds_map_to_body_node_kinds() {
        for &kind in BodyKind::ALL {
            assert!(NodeKind::of_body(kind).is_body(), "{kind}");
        }
        for &kind in ActorKind::ALL {
            assert!(!NodeKind::of_actor(kind).is_body(), "{kind}");
        }
    }

    #[test]
    fn sizes_grow_with_counts_and_stay_bounded() {
        assert!(body_radius(10) > body_radius(1));
        assert!(body_radius(100_000) <= 30.0);
        assert!(actor_radius(5) > actor_radius(0));
        assert!(actor_radius(10_000) <= 11.0);
    }

    #[test]
    fn statuses_that_count_differ_from_endings() {
        let party = membership_style(Status::Party, Theme::Light);
        let signatory = membership_style(Status::Signatory, Theme::Light);
        let withdrawn = membership_style(Status::Withdrawn, Theme::Light);
        assert_ne!(party, signatory);
        assert_ne!(party, withdrawn);
        assert_ne!(signatory.dash, Dash::Solid);
    }

    #[test]
    fn regions_match_case_insensitively() {
        assert_eq!(region_colour(Some("europe")), region_colour(Some("Europe")));
        assert_eq!(region_colour(Some("Atlantis")), NO_REGION_COLOUR);
        assert_eq!(Rgba::rgb(255, 0, 16).hex(), "#ff0010");
    }
}
