//! The eframe shell: opens the window, restores and saves preferences, and hands each frame
//! to [`MinilateralApp::ui`].

pub mod dialogs;
mod jobs;
mod network;
mod reindex;
mod shell;

pub use dialogs::{DialogRequest, FileDialogs, NativeDialogs, ScriptedDialogs};
pub use shell::{AppConfig, MinilateralApp};

use crate::document::Document;
use crate::io::ImportReport;
use crate::model::Dataset;
use crate::state::{PREFS_KEY, Prefs};

/// The name of the copy of unsaved work, in the app's data folder.
pub const RECOVERY_FILE_NAME: &str = "recovery.json";

/// The app's icon (assets/icon/minilateral.svg), drawn for the window at start.
pub const ICON_SVG: &str = include_str!("../../assets/icon/minilateral.svg");

/// The window's icon: the SVG drawn at 256×256 (none if it could not be drawn).
fn window_icon() -> Option<std::sync::Arc<egui::IconData>> {
    let raster = crate::render::raster_of_svg(ICON_SVG, 256).ok()?;
    Some(std::sync::Arc::new(egui::IconData {
        rgba: raster.rgba,
        width: raster.width,
        height: raster.height,
    }))
}

/// The lens the built-in sample opens with: clubs up to this many members (the Budapest
/// Convention's 73 parties stay; WIPO's treaties and the near-universal bodies wait behind
/// "Show everything").
pub const SAMPLE_FIRST_MAX_MEMBERS: u32 = 80;

/// Exit code when the window could not be opened.
pub const EXIT_GUI_ERROR: u8 = 1;

struct EframeApp {
    app: MinilateralApp,
}

impl eframe::App for EframeApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, self.app.prefs());
    }
}

/// The window title for a document.
pub fn window_title(document: &Document) -> String {
    format!("Minilateral — {}", document.title())
}

/// Opens the window on a dataset and blocks until it is closed; returns the exit code.
/// `path` is the file it was read from: a native file is saved back to it.
pub fn run(
    dataset: Dataset,
    report: &ImportReport,
    file_label: &str,
    path: Option<&std::path::Path>,
) -> u8 {
    let mut document = Document::new(dataset, file_label.to_owned(), report.summary());
    let native =
        path.is_some_and(|p| crate::io::Format::from_path(p) == Some(crate::io::Format::Native));
    if let (Some(path), true) = (path, native) {
        document = document.with_path(path.to_path_buf());
    }
    let sample = path.is_none();
    // A table of another shape is opened once the window is up: its mapping step first.
    let map_first = path
        .filter(|p| matches!(crate::io::table_to_map(p), Ok(Some(_))))
        .map(std::path::Path::to_path_buf);
    let title = window_title(&document);
    let mut viewport = egui::ViewportBuilder::default();
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport: viewport
            .with_title(title.clone())
            .with_app_id("minilateral")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        &title,
        options,
        Box::new(move |creation| {
            crate::ui::install_fonts(&creation.egui_ctx);
            let prefs = creation
                .storage
                .and_then(|storage| eframe::get_value::<Prefs>(storage, PREFS_KEY))
                .unwrap_or_default();
            let config = AppConfig {
                dialogs: std::sync::Arc::new(NativeDialogs),
                recovery_path: eframe::storage_dir("minilateral")
                    .map(|dir| dir.join(RECOVERY_FILE_NAME)),
            };
            let mut app = MinilateralApp::with_config(document, prefs, config);
            if let Some(table) = map_first {
                app.push_document_command(crate::state::DocumentCommand::OpenPath(table));
            }
            if sample {
                // A newcomer's first view: the clubs and how they overlap, not the ball the
                // near-universal bodies (UN, WIPO, WTO, UNFCCC) make of the network.
                app.push_command(crate::state::Command::SetMaxMembers(Some(
                    SAMPLE_FIRST_MAX_MEMBERS,
                )));
            }
            Ok(Box::new(EframeApp { app }))
        }),
    );
    match result {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("minilateral: could not open the window: {error}");
            EXIT_GUI_ERROR
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_draws_at_window_size() {
        let icon = super::window_icon().expect("the icon draws");
        assert_eq!((icon.width, icon.height), (256, 256));
        let pixel = |x: usize, y: usize| {
            let at = (y * 256 + x) * 4;
            [
                icon.rgba[at],
                icon.rgba[at + 1],
                icon.rgba[at + 2],
                icon.rgba[at + 3],
            ]
        };
        assert_eq!(pixel(0, 0)[3], 0, "transparent corners");
        assert_eq!(pixel(128, 120)[3], 255, "an opaque middle");
        assert_ne!(pixel(128, 120), pixel(40, 230), "more than one colour");
    }
}
