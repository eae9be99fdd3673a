//! What the user asks of the document (files, edits, undo), as opposed to the view
//! [`super::Command`]s. The app performs these: some need dialogs, files or threads.

use std::path::PathBuf;

use crate::edit::Edit;

/// A record to open in an editor; `None` indexes mean a new record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditTarget {
    /// An actor (by position in the dataset), or a new one.
    Actor(Option<usize>),
    /// A body, or a new one.
    Body(Option<usize>),
    /// The events between an actor and a body (either may be empty for a new event).
    Membership {
        /// The actor's id.
        actor_id: String,
        /// The body's id.
        body_id: String,
    },
    /// A relation between bodies, or a new one.
    Relation(Option<usize>),
    /// Title, description, licence and notes.
    Meta,
}

/// A change to the open document or its file.
#[derive(Clone, Debug, PartialEq)]
pub enum DocumentCommand {
    /// Start an empty dataset.
    New,
    /// Ask for a file and open it.
    Open,
    /// Open this file (recent files, dropped files).
    OpenPath(PathBuf),
    /// Ask for a file in another format (CSV, GEXF, GraphML) and open it as a new dataset.
    Import,
    /// Ask for a file and add its records to the open dataset (undoable).
    AddData,
    /// Save to the document's file, or ask where when it has none.
    Save,
    /// Ask where, then save.
    SaveAs,
    /// Ask where, then write a copy in the format of the chosen extension.
    ExportData,
    /// Close the window (asks first when there are unsaved changes).
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Apply an edit (from an editor).
    Apply(Edit),
    /// Open an editor on a record.
    OpenEditor(EditTarget),
    /// Open the export-image dialog.
    OpenExportImage,
    /// Take a screenshot of the whole window, then ask where to save it.
    SaveScreenshot,
}
