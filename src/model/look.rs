//! The vocabularies of looking at the data that files store too (a lesson's slides): the
//! kinds of node the network shows and what a body's colour says. They belong to no toolkit:
//! `style` gives them shapes and colours.

use super::{ActorKind, BodyKind, Word};

/// The kinds of node the network shows; each has its own shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    /// A state.
    State,
    /// A non-state stakeholder: an intergovernmental organisation, civil society, business,
    /// the technical community or academia.
    Stakeholder,
    /// A forum, organisation or centre.
    Forum,
    /// A treaty, an agreement or a negotiation toward one.
    Instrument,
    /// A coalition of like-minded participants.
    Coalition,
    /// A statement, declaration or vote.
    Statement,
}

impl NodeKind {
    /// Every kind, in legend order.
    pub const ALL: [Self; 6] = [
        Self::Forum,
        Self::Instrument,
        Self::Coalition,
        Self::Statement,
        Self::State,
        Self::Stakeholder,
    ];

    /// The kind of node a body is drawn as.
    pub fn of_body(kind: BodyKind) -> Self {
        match kind {
            BodyKind::Treaty | BodyKind::Agreement | BodyKind::Negotiation => Self::Instrument,
            BodyKind::Coalition => Self::Coalition,
            BodyKind::Forum | BodyKind::Organisation | BodyKind::Centre => Self::Forum,
            BodyKind::Statement | BodyKind::Vote => Self::Statement,
        }
    }

    /// The kind of node an actor is drawn as.
    pub fn of_actor(kind: ActorKind) -> Self {
        match kind {
            ActorKind::State => Self::State,
            _ => Self::Stakeholder,
        }
    }

    /// Whether this kind is a body (forum or instrument) rather than an actor.
    pub fn is_body(self) -> bool {
        !matches!(self, Self::State | Self::Stakeholder)
    }

    /// The plural label used in filters and the legend.
    pub fn label(self) -> &'static str {
        match self {
            Self::State => "States",
            Self::Stakeholder => "Non-state stakeholders",
            Self::Forum => "Forums and organisations",
            Self::Instrument => "Treaties and agreements",
            Self::Coalition => "Coalitions",
            Self::Statement => "Statements and votes",
        }
    }
}

impl Word for NodeKind {
    const WHAT: &'static str = "node kind";
    const ALL: &'static [Self] = &NodeKind::ALL;

    fn word(self) -> &'static str {
        match self {
            Self::State => "state",
            Self::Stakeholder => "stakeholder",
            Self::Forum => "forum",
            Self::Instrument => "instrument",
            Self::Coalition => "coalition",
            Self::Statement => "statement",
        }
    }

    fn label(self) -> &'static str {
        NodeKind::label(self)
    }
}

/// What the colour of a body says.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum BodyColouring {
    /// The body's main issue area.
    #[default]
    IssueArea,
    /// Hard or soft law.
    Law,
}

impl BodyColouring {
    /// Both choices, in menu order.
    pub const ALL: [Self; 2] = [Self::IssueArea, Self::Law];

    /// The label in menus and the legend.
    pub fn label(self) -> &'static str {
        match self {
            Self::IssueArea => "Issue area",
            Self::Law => "Hard or soft law",
        }
    }
}

impl Word for BodyColouring {
    const WHAT: &'static str = "colouring";
    const ALL: &'static [Self] = &BodyColouring::ALL;

    fn word(self) -> &'static str {
        match self {
            Self::IssueArea => "issue_area",
            Self::Law => "law",
        }
    }

    fn label(self) -> &'static str {
        BodyColouring::label(self)
    }
}
