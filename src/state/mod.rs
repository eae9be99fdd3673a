//! What the user is looking at: selection, date, level, filters and modes, changed only
//! through typed [`Command`]s applied in one place ([`AppState::apply`]). No GUI here.

mod document_command;
mod lesson;
mod prefs;

pub use document_command::{DocumentCommand, EditTarget};
pub use lesson::{IDEAS_LESSON, SlideRef, lesson_named, show_slide, slide_at, slide_of_view};
pub use prefs::{MAX_RECENT_FILES, PREFS_KEY, Prefs};

use crate::document::Document;
use crate::model::{IssueArea, Law, Level, Month};
pub use crate::scene::layout::LayoutKind;
pub use crate::scene::{ChangeMode, Filters, NonMembers, Selection, TableSort, View, ViewKind};
use crate::style::{BodyColouring, NodeKind, Theme};

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
    /// Show only clubs of at most this many members at the date, or bodies of every size.
    SetMaxMembers(Option<u32>),
    /// Draw every membership, or only the changes since the previous step.
    SetChangeMode(ChangeMode),
    /// Colour bodies by issue area or by law.
    SetBodyColouring(BodyColouring),
    /// Sort member lists by name or date.
    SetMemberSort(MemberSort),
    /// Order the table view's rows by region, name or number of memberships.
    SetTableSort(TableSort),
    /// Arrange the nodes another way.
    SetLayout(LayoutKind),
    /// Draw in light or dark colours.
    SetTheme(Theme),
    /// Show another view of the data (network, map, …).
    ShowView(ViewKind),
    /// Tie two bodies in the coalition network only when they are at least this alike, in
    /// percent (clamped to 100).
    SetTieThreshold(u8),
    /// Clear every filter.
    ResetFilters,
    /// Show a slide of a lesson: its view (see [`show_slide`]), playback stopped.
    ShowSlide {
        /// Which slide.
        at: SlideRef,
        /// What it shows.
        view: Box<View>,
    },
    /// Time passed while playing; advances the date in whole steps.
    Tick {
        /// Seconds since the previous tick.
        seconds: f32,
    },
}

/// Everything about what is shown that is not pure widget memory: the [`View`] the scene
/// and the pictures are computed from, and what only the app needs (the timeline's range,
/// playback, list sorting).
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// What is drawn: date, level, selection, filters, modes, arrangement, theme.
    pub view: View,
    /// The first and last months of the timeline.
    pub range: (Month, Month),
    /// Whether the timeline is playing.
    pub playing: bool,
    /// How fast it plays.
    pub speed: Speed,
    /// Seconds accumulated toward the next playback step.
    pub play_clock: f32,
    /// How member lists are sorted.
    pub member_sort: MemberSort,
    /// How the table view's rows are ordered.
    pub table_sort: TableSort,
    /// The slide last shown, while the view is still the slide's.
    pub shown_slide: Option<SlideRef>,
}

impl AppState {
    /// A state on a timeline running from `first` to `last` (swapped when reversed),
    /// showing the last month.
    pub fn new(first: Month, last: Month) -> Self {
        let range = (first.min(last), first.max(last));
        Self {
            view: View::at(range.1),
            range,
            playing: false,
            speed: Speed::default(),
            play_clock: 0.0,
            member_sort: MemberSort::default(),
            table_sort: TableSort::default(),
            shown_slide: None,
        }
    }

    /// A state for a document: the timeline runs from the first to the last event (or this
    /// month when there are none) and shows the last month.
    pub fn of_document(document: &Document) -> Self {
        let (first, last) = document.months();
        Self::new(first, last)
    }

    fn move_to(&mut self, month: Month) {
        let month = month.clamp(self.range.0, self.range.1);
        if month != self.view.date {
            self.view.previous_date = self.view.date;
            self.view.date = month;
        }
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        if let Command::ShowSlide { at, view } = command {
            self.set_playing(false);
            let date = view.date.clamp(self.range.0, self.range.1);
            self.view = View {
                date,
                previous_date: date,
                ..*view
            };
            self.shown_slide = Some(at);
            return;
        }
        let before = self.view.clone();
        self.apply_to_view(command);
        // The theme, the arrangement and the coalition threshold are the user's, not the
        // slide's: changing them keeps the slide shown.
        let slide_part = |view: &View| View {
            theme: Theme::default(),
            layout: LayoutKind::default(),
            tie_threshold_percent: 0,
            ..view.clone()
        };
        if slide_part(&self.view) != slide_part(&before) {
            self.shown_slide = None;
        }
    }

    fn apply_to_view(&mut self, command: Command) {
        let view = &mut self.view;
        match command {
            Command::Select(selection) => view.selection = selection,
            Command::SetDate(month) => self.move_to(month),
            Command::StepMonths(months) => {
                let month = view.date.plus(months);
                self.move_to(month);
            }
            Command::SetLevel(level) => view.level = level,
            Command::SetPlaying(playing) => self.set_playing(playing),
            Command::TogglePlaying => self.set_playing(!self.playing),
            Command::SetSpeed(speed) => self.speed = speed,
            Command::SetKindShown(kind, shown) => {
                if shown {
                    view.filters.hidden_kinds.remove(&kind);
                } else {
                    view.filters.hidden_kinds.insert(kind);
                }
            }
            Command::SetIssueFilter(issue) => view.filters.issue = issue,
            Command::SetLawFilter(law) => view.filters.law = law,
            Command::SetRegionFilter(region) => view.filters.region = region,
            Command::SetNonMembers(mode) => view.filters.non_members = mode,
            Command::SetMaxMembers(most) => view.filters.max_members = most,
            Command::SetChangeMode(mode) => view.change_mode = mode,
            Command::SetBodyColouring(colouring) => view.body_colouring = colouring,
            Command::SetMemberSort(sort) => self.member_sort = sort,
            Command::SetTableSort(sort) => self.table_sort = sort,
            Command::SetLayout(layout) => view.layout = layout,
            Command::SetTheme(theme) => view.theme = theme,
            Command::ShowView(kind) => view.kind = kind,
            Command::SetTieThreshold(percent) => view.tie_threshold_percent = percent.min(100),
            Command::ResetFilters => view.filters = Filters::default(),
            Command::Tick { seconds } => self.tick(seconds),
            // Handled by `apply`.
            Command::ShowSlide { .. } => {}
        }
    }

    fn set_playing(&mut self, playing: bool) {
        if playing && !self.playing && self.view.date >= self.range.1 {
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
            self.move_to(self.view.date.plus(self.speed.months_per_step()));
            if self.view.date >= self.range.1 {
                self.playing = false;
                self.play_clock = 0.0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::BodyIx;

    fn state() -> AppState {
        AppState::new(Month::new(2000, 1), Month::new(2010, 12))
    }

    #[test]
    fn starts_at_the_latest_month_with_nothing_selected() {
        let state = state();
        assert_eq!(state.view.date, Month::new(2010, 12));
        assert_eq!(state.view.selection, None);
        assert_eq!(state.view.level, Level::Party);
        assert!(!state.view.filters.is_narrowing());
    }

    #[test]
    fn dates_are_clamped_and_remember_the_previous_step() {
        let mut state = state();
        state.apply(Command::SetDate(Month::new(1990, 5)));
        assert_eq!(state.view.date, Month::new(2000, 1));
        assert_eq!(state.view.previous_date, Month::new(2010, 12));
        state.apply(Command::StepMonths(12));
        assert_eq!(state.view.date, Month::new(2001, 1));
        assert_eq!(state.view.previous_date, Month::new(2000, 1));
        assert!(state.view.moved_forward());
        state.apply(Command::StepMonths(-1));
        assert!(!state.view.moved_forward());
        state.apply(Command::StepMonths(1000));
        assert_eq!(state.view.date, Month::new(2010, 12));
    }

    #[test]
    fn playing_advances_in_steps_and_stops_at_the_end() {
        let mut state = state();
        state.apply(Command::SetPlaying(true));
        assert_eq!(
            state.view.date,
            Month::new(2000, 1),
            "play from the end restarts"
        );
        state.apply(Command::SetSpeed(Speed::Fast));
        state.apply(Command::Tick {
            seconds: STEP_SECONDS * 0.5,
        });
        assert_eq!(state.view.date, Month::new(2000, 1), "half a step: no move");
        state.apply(Command::Tick {
            seconds: STEP_SECONDS * 0.6,
        });
        assert_eq!(state.view.date, Month::new(2001, 1));
        state.apply(Command::Tick { seconds: 100.0 });
        assert_eq!(state.view.date, Month::new(2010, 12));
        assert!(!state.playing, "stops at the end");
        state.apply(Command::Tick { seconds: 10.0 });
        assert_eq!(state.view.date, Month::new(2010, 12));
    }

    #[test]
    fn ticks_do_nothing_when_paused() {
        let mut state = state();
        state.apply(Command::SetDate(Month::new(2005, 1)));
        state.apply(Command::Tick { seconds: 5.0 });
        assert_eq!(state.view.date, Month::new(2005, 1));
        state.apply(Command::TogglePlaying);
        assert!(state.playing);
        state.apply(Command::TogglePlaying);
        assert!(!state.playing);
    }

    #[test]
    fn filters_toggle_and_reset() {
        let mut state = state();
        state.apply(Command::SetKindShown(NodeKind::State, false));
        assert!(!state.view.filters.shows_kind(NodeKind::State));
        assert!(state.view.filters.is_narrowing());
        state.apply(Command::SetKindShown(NodeKind::State, true));
        assert!(state.view.filters.shows_kind(NodeKind::State));
        state.apply(Command::SetLawFilter(Some(Law::Hard)));
        state.apply(Command::SetRegionFilter(Some("Europe".into())));
        state.apply(Command::SetNonMembers(NonMembers::Hide));
        state.apply(Command::ResetFilters);
        assert_eq!(state.view.filters, Filters::default());
    }

    #[test]
    fn selection_and_modes() {
        let mut state = state();
        state.apply(Command::Select(Some(Selection::Body(BodyIx(3)))));
        assert_eq!(state.view.selection, Some(Selection::Body(BodyIx(3))));
        state.apply(Command::Select(None));
        assert_eq!(state.view.selection, None);
        state.apply(Command::SetLevel(Level::InForce));
        state.apply(Command::SetChangeMode(ChangeMode::ChangesOnly));
        state.apply(Command::SetBodyColouring(BodyColouring::Law));
        state.apply(Command::SetMemberSort(MemberSort::Date));
        let view = state.view.clone();
        state.apply(Command::SetTableSort(TableSort::Memberships));
        assert_eq!(state.table_sort, TableSort::Memberships);
        assert_eq!(
            state.view, view,
            "the table's order is not part of the view"
        );
        assert_eq!(state.view.level, Level::InForce);
        assert_eq!(state.view.change_mode, ChangeMode::ChangesOnly);
        assert_eq!(state.view.body_colouring, BodyColouring::Law);
        assert_eq!(state.member_sort, MemberSort::Date);
    }

    #[test]
    fn the_layout_and_the_theme_are_part_of_the_view() {
        let mut state = state();
        assert_eq!(state.view.layout, LayoutKind::Force);
        state.apply(Command::SetLayout(LayoutKind::Regions));
        assert_eq!(state.view.layout, LayoutKind::Regions);
        state.apply(Command::SetTheme(Theme::Dark));
        assert_eq!(state.view.theme, Theme::Dark);
    }

    #[test]
    fn the_tie_threshold_is_part_of_the_view_and_at_most_100() {
        let mut state = state();
        let before = state.view.clone();
        state.apply(Command::SetTieThreshold(35));
        assert_eq!(state.view.tie_threshold_percent, 35);
        assert_ne!(
            state.view, before,
            "pictures and caches follow the threshold"
        );
        state.apply(Command::SetTieThreshold(250));
        assert_eq!(state.view.tie_threshold_percent, 100);
    }
}
