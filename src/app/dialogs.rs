//! Native file dialogs behind a trait: [`NativeDialogs`] is the only type that touches rfd;
//! tests script the answers with [`ScriptedDialogs`]. The app calls them on a worker thread
//! (see `jobs`), never on the UI thread.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;

/// A named group of file extensions for a dialog's type filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileFilter {
    /// What the user sees, e.g. "Minilateral dataset".
    pub name: &'static str,
    /// Extensions without the dot.
    pub extensions: &'static [&'static str],
}

/// Every format Minilateral reads.
pub const READABLE: &[FileFilter] = &[
    FileFilter {
        name: "All datasets",
        extensions: &["json", "csv", "tsv", "txt", "gexf", "graphml"],
    },
    NATIVE,
    FileFilter {
        name: "Events table or Gephi CSV",
        extensions: &["csv", "tsv", "txt"],
    },
    FileFilter {
        name: "Gephi GEXF",
        extensions: &["gexf"],
    },
    FileFilter {
        name: "GraphML",
        extensions: &["graphml"],
    },
];

/// The native format.
pub const NATIVE: FileFilter = FileFilter {
    name: "Minilateral dataset (JSON)",
    extensions: &["json"],
};

/// The formats Export data writes.
pub const EXPORTABLE: &[FileFilter] = &[
    FileFilter {
        name: "Gephi GEXF (dynamic)",
        extensions: &["gexf"],
    },
    FileFilter {
        name: "GraphML",
        extensions: &["graphml"],
    },
    FileFilter {
        name: "Events table (CSV)",
        extensions: &["csv"],
    },
    FileFilter {
        name: "Gephi CSV (a name ending in .nodes.csv or .edges.csv)",
        extensions: &["csv"],
    },
    NATIVE,
];

/// PNG pictures.
pub const PNG: FileFilter = FileFilter {
    name: "PNG image",
    extensions: &["png"],
};

/// SVG drawings.
pub const SVG: FileFilter = FileFilter {
    name: "SVG drawing",
    extensions: &["svg"],
};

/// MP4 videos.
pub const MP4: FileFilter = FileFilter {
    name: "MP4 video (H.264)",
    extensions: &["mp4"],
};

/// PDF handouts.
pub const PDF: FileFilter = FileFilter {
    name: "PDF handout",
    extensions: &["pdf"],
};

/// Animated GIFs.
pub const GIF: FileFilter = FileFilter {
    name: "Animated GIF (numbered PNG frames are written beside it)",
    extensions: &["gif"],
};

/// One question to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DialogRequest {
    /// The dialog's title.
    pub title: String,
    /// Type filters, the first selected.
    pub filters: &'static [FileFilter],
    /// Whether the dialog picks a file to write (else one to read).
    pub save: bool,
    /// A suggested file name for save dialogs.
    pub file_name: String,
    /// The folder to start in.
    pub directory: Option<PathBuf>,
}

/// Asks the user for files. Calls block until the user answers.
pub trait FileDialogs: Send + Sync {
    /// The chosen path, or `None` when the user cancelled (or no dialog could be shown).
    fn ask(&self, request: &DialogRequest) -> Option<PathBuf>;
}

/// The desktop's own dialogs (xdg portal on Linux).
#[derive(Clone, Copy, Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn ask(&self, request: &DialogRequest) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title(&request.title);
        for filter in request.filters {
            dialog = dialog.add_filter(filter.name, filter.extensions);
        }
        if let Some(directory) = &request.directory {
            dialog = dialog.set_directory(directory);
        }
        if request.save {
            dialog
                .set_file_name(&request.file_name)
                .set_can_create_directories(true)
                .save_file()
        } else {
            dialog.pick_file()
        }
    }
}

/// Answers from a script, for tests: each question takes the next answer (`None` once the
/// script is used up) and is recorded.
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    answers: Mutex<VecDeque<Option<PathBuf>>>,
    asked: Mutex<Vec<DialogRequest>>,
}

impl ScriptedDialogs {
    /// Dialogs that will answer these, in order.
    pub fn new(answers: impl IntoIterator<Item = Option<PathBuf>>) -> Self {
        Self {
            answers: Mutex::new(answers.into_iter().collect()),
            asked: Mutex::new(Vec::new()),
        }
    }

    /// Queues one more answer.
    pub fn push_answer(&self, answer: Option<PathBuf>) {
        if let Ok(mut answers) = self.answers.lock() {
            answers.push_back(answer);
        }
    }

    /// The questions asked so far.
    pub fn asked(&self) -> Vec<DialogRequest> {
        self.asked
            .lock()
            .map(|asked| asked.clone())
            .unwrap_or_default()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&self, request: &DialogRequest) -> Option<PathBuf> {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(request.clone());
        }
        self.answers
            .lock()
            .ok()
            .and_then(|mut answers| answers.pop_front())
            .flatten()
    }
}
