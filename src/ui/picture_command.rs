//! What the picture windows (export, overlap matrix) ask the app to do with a picture.

use crate::render::{ImageFormat, ImageRequest, SequenceRequest, VideoOptions};

/// A picture to write or copy. The app performs these: they need a file dialog or a worker.
#[derive(Clone, Debug, PartialEq)]
pub enum PictureCommand {
    /// Ask where, then write the picture of the view.
    Export(ImageFormat, ImageRequest),
    /// Put the picture of the view on the clipboard.
    Copy(ImageRequest),
    /// Ask where to write the GIF, then write it with numbered PNG frames beside it.
    ExportSequence(SequenceRequest),
    /// Ask where to write the MP4 video of the sequence, then write it.
    ExportVideo(SequenceRequest, VideoOptions),
    /// Stop the video being written (its file is not written).
    CancelVideo,
    /// Ask where, then write the lesson at this position as a PDF handout.
    ExportLesson(usize),
}
