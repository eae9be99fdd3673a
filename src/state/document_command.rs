//! What the user asks of the document (files, edits, undo), as opposed to the view
//! [`super::Command`]s. The app performs these: some need dialogs, files or threads.

use std::path::PathBuf;

use crate::edit::Edit;
use crate::render::{RenderOptions, Step};
use crate::state::Month;

/// The file type of an exported picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// A PNG bitmap.
    Png,
    /// An SVG drawing with real text.
    Svg,
}

impl ImageFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }
}

/// What a picture shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PictureSubject {
    /// The network as shown (date, level, filters, selection, positions).
    #[default]
    Network,
    /// The overlap matrix at the date and level (its bodies limited to the options' focus
    /// when there is one).
    OverlapMatrix,
}

/// A picture of the view.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageRequest {
    /// Size, theme, legend, title, focus.
    pub options: RenderOptions,
    /// Pixels per picture unit for PNG.
    pub scale: f32,
    /// The network or the overlap matrix.
    pub subject: PictureSubject,
}

/// A year-by-year (or month-by-month) sequence of pictures and an animated GIF.
#[derive(Clone, Debug, PartialEq)]
pub struct SequenceRequest {
    /// The picture options shared by every frame.
    pub options: RenderOptions,
    /// The first frame's date.
    pub from: Month,
    /// The last frame's date.
    pub to: Month,
    /// A year or a month per frame.
    pub step: Step,
    /// How long each GIF frame shows, in milliseconds.
    pub delay_ms: u32,
}

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
    /// Ask where, then write a picture of the network.
    ExportImage(ImageFormat, ImageRequest),
    /// Put a picture of the network on the clipboard.
    CopyImage(ImageRequest),
    /// Ask where to write the GIF, then write it with numbered PNG frames beside it.
    ExportSequence(SequenceRequest),
    /// Take a screenshot of the whole window, then ask where to save it.
    SaveScreenshot,
}
