//! What the user is looking at: selection, date, level, filters and modes, changed only
//! through typed [`Command`]s applied in one place ([`AppState::apply`]). No GUI here.

mod document;
mod document_command;
mod ideas;
mod month;
mod prefs;

use std::collections::BTreeSet;

pub use document::{Document, file_name};
pub use document_command::{
    DocumentCommand, EditTarget, ImageFormat, ImageRequest, PictureSubject, SequenceRequest,
};
pub use ideas::{IDEAS, Idea, ideas_for};
pub use month::Month;
pub use prefs::{MAX_RECENT_FILES, PREFS_KEY, Prefs};

use crate::model::{IssueArea, Law, Level};
pub use crate::scene::layout::LayoutKind;
use crate::style::{BodyColouring, NodeKind};
use crate::timeline::{ActorIx, BodyIx};

/// The selected node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// A forum or instrument.
    Body(BodyIx),
    /// A state or stakeholder.
    Actor(ActorIx),
}

/// What happens to actors with no membership (at the level) at the date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NonMembers {
    /// Drawn faint, so the map stays whole.
    #[default]
    Fade,
    /// Not drawn at all.
    Hide,
}

/// Which memberships are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ChangeMode {
    /// Every membership at the date.
    #[default]
    Cumulative,
    /// Only the memberships that began or ended since the previous step.
    ChangesOnly,
}

/// How fast the timeline plays.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Speed {
    /// One month per step.
    Slow,
    /// One quarter per step.
    #[default]
    Normal,
    /// One year per step.
    Fast,
}

impl Speed {
    /// Every speed, in menu order.
    pub const ALL: [Self; 3] = [Self::Slow, Self::Normal, Self::Fast];

    /// How far one playback step moves the date.
    pub fn months_per_step(self) -> i32 {
        match self {
            Self::Slow => 1,
            Self::Normal => 3,
            Self::Fast => 12,
        }
    }

    /// The label in the speed menu.
    pub fn label(self) -> &'static str {
        match self {
            Self::Slow => "1 month per step",
            Self::Normal => "3 months per step",
            Self::Fast => "1 year per step",
        }
    }
}

/// How long one playback step stays on screen, in seconds.
pub const STEP_SECONDS: f32 = 0.6;

/// How the member list of a body is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MemberSort {
    /// Alphabetically by name.
    #[default]
    Name,
    /// By the date of the status, earliest first.
    Date,
}

/// Which nodes are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Node kinds the user switched off.
    pub hidden_kinds: BTreeSet<NodeKind>,
    /// Only bodies working on this issue area (and the actors in them).
    pub issue: Option<IssueArea>,
    /// Only bodies of this kind of law.
    pub law: Option<Law>,
    /// Only actors from this region.
    pub region: Option<String>,
    /// What happens to actors with no membership at the date.
    pub non_members: NonMembers,
}

impl Filters {
    /// Whether nodes of this kind are shown.
    pub fn shows_kind(&self, kind: NodeKind) -> bool {
        !self.hidden_kinds.contains(&kind)
    }

    /// Whether any filter narrows what is shown (the non-member mode aside).
    pub fn is_narrowing(&self) -> bool {
        !self.hidden_kinds.is_empty()
            || self.issue.is_some()
            || self.law.is_some()
            || self.region.is_some()
    }
}

/// A change the user asked for. Widgets emit these; [`AppState::apply`] performs them.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select a node, or clear the selection.
    Select(Option<Selection>),
    /// Move to a month (clamped to the timeline's range).
    SetDate(Month),
    /// Move by a number of months (negative moves back).
    StepMonths(i32),
    /// Set the membership level.
    SetLevel(Level),
    /// Start or stop playback.
    SetPlaying(bool),
    /// Start playback when stopped, stop it when playing.
    TogglePlaying,
    /// Set the playback speed.
    SetSpeed(Speed),
    /// Show or hide one kind of node.
    SetKindShown(NodeKind, bool),
    /// Keep only bodies on one issue area, or all.
    SetIssueFilter(Option<IssueArea>),
    /// Keep only hard-law or soft-law bodies, or all.
    SetLawFilter(Option<Law>),
    /// Keep only actors from one region, or all.
    SetRegionFilter(Option<String>),
    /// Fade or hide actors with no membership at the date.
    SetNonMembers(NonMembers),
    /// Draw every membership, or only the changes since the previous step.
    SetChangeMode(ChangeMode),
    /// Colour bodies by issue area or by law.
    SetBodyColouring(BodyColouring),
    /// Sort member lists by name or date.
    SetMemberSort(MemberSort),
    /// Arrange the nodes another way.
    SetLayout(LayoutKind),
    /// Clear every filter.
    ResetFilters,
    /// Time passed while playing; advances the date in whole steps.
    Tick {
        /// Seconds since the previous tick.
        seconds: f32,
    },
}

/// Everything about what is shown that is not pure widget memory.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The selected node.
    pub selection: Option<Selection>,
    /// The current month.
    pub date: Month,
    /// The month before the last move: members who joined between the two are highlighted.
    pub previous_date: Month,
    /// The first and last months of the timeline.
    pub range: (Month, Month),
    /// What counts as membership.
    pub level: Level,
    /// Which nodes are shown.
    pub filters: Filters,
    /// Every membership, or only changes.
    pub change_mode: ChangeMode,
    /// Whether the timeline is playing.
    pub playing: bool,
    /// How fast it plays.
    pub speed: Speed,
    /// Seconds accumulated toward the next playback step.
    pub play_clock: f32,
    /// What a body's colour says.
    pub body_colouring: BodyColouring,
    /// How member lists are sorted.
    pub member_sort: MemberSort,
    /// How the nodes are arranged.
    pub layout: LayoutKind,
}

impl AppState {
    /// A state on a timeline running from `first` to `last` (swapped when reversed),
    /// showing the last month.
    pub fn new(first: Month, last: Month) -> Self {
        let range = (first.min(last), first.max(last));
        Self {
            selection: None,
            date: range.1,
            previous_date: range.1,
            range,
            level: Level::default(),
            filters: Filters::default(),
            change_mode: ChangeMode::default(),
            playing: false,
            speed: Speed::default(),
            play_clock: 0.0,
            body_colouring: BodyColouring::default(),
            member_sort: MemberSort::default(),
            layout: LayoutKind::default(),
        }
    }

    /// Whether the date moved forward at the last move: only then are joins highlighted.
    pub fn moved_forward(&self) -> bool {
        self.previous_date < self.date
    }

    fn move_to(&mut self, month: Month) {
        let month = month.clamp(self.range.0, self.range.1);
        if month != self.date {
            self.previous_date = self.date;
            self.date = month;
        }
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(selection) => self.selection = selection,
            Command::SetDate(month) => self.move_to(month),
            Command::StepMonths(months) => self.move_to(self.date.plus(months)),
            Command::SetLevel(level) => self.level = level,
            Command::SetPlaying(playing) => self.set_playing(playing),
            Command::TogglePlaying => self.set_playing(!self.playing),
            Command::SetSpeed(speed) => self.speed = speed,
            Command::SetKindShown(kind, shown) => {
                if shown {
                    self.filters.hidden_kinds.remove(&kind);
                } else {
                    self.filters.hidden_kinds.insert(kind);
                }
            }
            Command::SetIssueFilter(issue) => self.filters.issue = issue,
            Command::SetLawFilter(law) => self.filters.law = law,
            Command::SetRegionFilter(region) => self.filters.region = region,
            Command::SetNonMembers(mode) => self.filters.non_members = mode,
            Command::SetChangeMode(mode) => self.change_mode = mode,
            Command::SetBodyColouring(colouring) => self.body_colouring = colouring,
            Command::SetMemberSort(sort) => self.member_sort = sort,
            Command::SetLayout(layout) => self.layout = layout,
            Command::ResetFilters => self.filters = Filters::default(),
            Command::Tick { seconds } => self.tick(seconds),
        }
    }

    fn set_playing(&mut self, playing: bool) {
        if playing && !self.playing && self.date >= self.range.1 {
            // Playing from the end starts over, as media players do.
            self.move_to(self.range.0);
        }
        self.playing = playing;
        self.play_clock = 0.0;
    }

    fn tick(&mut self, seconds: f32) {
        if !self.playing || !seconds.is_finite() || seconds <= 0.0 {
            return;
        }
        self.play_clock += seconds;
        while self.play_clock >= STEP_SECONDS && self.playing {
            self.play_clock -= STEP_SECONDS;
            self.move_to(self.date.plus(self.speed.months_per_step()));
            if self.date >= self.range.1 {
                self.playing = false;
                self.play_clock = 0.0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> AppState {
        AppState::new(Month::new(2000, 1), Month::new(2010, 12))
    }

    #[test]
    fn starts_at_the_latest_month_with_nothing_selected() {
        let state = state();
        assert_eq!(state.date, Month::new(2010, 12));
        assert_eq!(state.selection, None);
        assert_eq!(state.level, Level::Party);
        assert!(!state.filters.is_narrowing());
    }

    #[test]
    fn dates_are_clamped_and_remember_the_previous_step() {
        let mut state = state();
        state.apply(Command::SetDate(Month::new(1990, 5)));
        assert_eq!(state.date, Month::new(2000, 1));
        assert_eq!(state.previous_date, Month::new(2010, 12));
        state.apply(Command::StepMonths(12));
        assert_eq!(state.date, Month::new(2001, 1));
        assert_eq!(state.previous_date, Month::new(2000, 1));
        assert!(state.moved_forward());
        state.apply(Command::StepMonths(-1));
        assert!(!state.moved_forward());
        state.apply(Command::StepMonths(1000));
        assert_eq!(state.date, Month::new(2010, 12));
    }

    #[test]
    fn playing_advances_in_steps_and_stops_at_the_end() {
        let mut state = state();
        state.apply(Command::SetPlaying(true));
        assert_eq!(
            state.date,
            Month::new(2000, 1),
            "play from the end restarts"
        );
        state.apply(Command::SetSpeed(Speed::Fast));
        state.apply(Command::Tick {
            seconds: STEP_SECONDS * 0.5,
        });
        assert_eq!(state.date, Month::new(2000, 1), "half a step: no move");
        state.apply(Command::Tick {
            seconds: STEP_SECONDS * 0.6,
        });
        assert_eq!(state.date, Month::new(2001, 1));
        state.apply(Command::Tick { seconds: 100.0 });
        assert_eq!(state.date, Month::new(2010, 12));
        assert!(!state.playing, "stops at the end");
        state.apply(Command::Tick { seconds: 10.0 });
        assert_eq!(state.date, Month::new(2010, 12));
    }

    #[test]
    fn ticks_do_nothing_when_paused() {
        let mut state = state();
        state.apply(Command::SetDate(Month::new(2005, 1)));
        state.apply(Command::Tick { seconds: 5.0 });
        assert_eq!(state.date, Month::new(2005, 1));
        state.apply(Command::TogglePlaying);
        assert!(state.playing);
        state.apply(Command::TogglePlaying);
        assert!(!state.playing);
    }

    #[test]
    fn filters_toggle_and_reset() {
        let mut state = state();
        state.apply(Command::SetKindShown(NodeKind::State, false));
        assert!(!state.filters.shows_kind(NodeKind::State));
        assert!(state.filters.is_narrowing());
        state.apply(Command::SetKindShown(NodeKind::State, true));
        assert!(state.filters.shows_kind(NodeKind::State));
        state.apply(Command::SetLawFilter(Some(Law::Hard)));
        state.apply(Command::SetRegionFilter(Some("Europe".into())));
        state.apply(Command::SetNonMembers(NonMembers::Hide));
        state.apply(Command::ResetFilters);
        assert_eq!(state.filters, Filters::default());
    }

    #[test]
    fn selection_and_modes() {
        let mut state = state();
        state.apply(Command::Select(Some(Selection::Body(BodyIx(3)))));
        assert_eq!(state.selection, Some(Selection::Body(BodyIx(3))));
        state.apply(Command::Select(None));
        assert_eq!(state.selection, None);
        state.apply(Command::SetLevel(Level::InForce));
        state.apply(Command::SetChangeMode(ChangeMode::ChangesOnly));
        state.apply(Command::SetBodyColouring(BodyColouring::Law));
        state.apply(Command::SetMemberSort(MemberSort::Date));
        assert_eq!(state.level, Level::InForce);
        assert_eq!(state.change_mode, ChangeMode::ChangesOnly);
        assert_eq!(state.body_colouring, BodyColouring::Law);
        assert_eq!(state.member_sort, MemberSort::Date);
    }
}
