//! Preferences remembered between runs (saved by the window shell in `app`).

use crate::style::Theme;

/// What the user arranged: theme and which panels are open.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Light or dark.
    pub theme: Theme,
    /// The searchable list and filters on the left.
    pub show_browser: bool,
    /// The inspector and legend on the right.
    pub show_inspector: bool,
    /// The membership-over-time chart above the timeline.
    pub show_chart: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: Theme::Light,
            show_browser: true,
            show_inspector: true,
            show_chart: true,
        }
    }
}

/// The storage key of the preferences.
pub const PREFS_KEY: &str = "minilateral.prefs";
