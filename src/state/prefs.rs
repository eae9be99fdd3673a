//! Preferences remembered between runs (saved by the window shell in `app`).

use std::path::PathBuf;

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
    /// The window of the overlap matrix.
    pub show_overlap: bool,
    /// The Compare bodies window (who is at the table of several bodies).
    pub show_compare: bool,
    /// Files opened or saved lately, newest first.
    pub recent_files: Vec<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: Theme::Light,
            show_browser: true,
            show_inspector: true,
            show_chart: true,
            show_overlap: false,
            show_compare: false,
            recent_files: Vec::new(),
        }
    }
}

/// The storage key of the preferences.
pub const PREFS_KEY: &str = "minilateral.prefs";

/// How many recent files the File menu lists.
pub const MAX_RECENT_FILES: usize = 10;

impl Prefs {
    /// Puts a file first in the recent list (once), dropping the oldest beyond the limit.
    pub fn remember_file(&mut self, path: PathBuf) {
        self.recent_files.retain(|known| *known != path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT_FILES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut prefs = Prefs::default();
        for i in 0..12 {
            prefs.remember_file(PathBuf::from(format!("{i}.json")));
        }
        prefs.remember_file(PathBuf::from("5.json"));
        assert_eq!(prefs.recent_files.len(), MAX_RECENT_FILES);
        assert_eq!(prefs.recent_files[0], PathBuf::from("5.json"));
        assert_eq!(prefs.recent_files[1], PathBuf::from("11.json"));
        assert_eq!(
            prefs
                .recent_files
                .iter()
                .filter(|p| p.as_path() == std::path::Path::new("5.json"))
                .count(),
            1
        );
    }
}
