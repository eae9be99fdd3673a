//! Reading and writing datasets; every reader fills an [`ImportReport`].

mod csv_table;
mod gephi_csv;
mod gexf;
mod graph_file;
mod graphml;
mod native;
mod report;
mod save;
mod table;
mod xml;

use std::path::Path;

pub use gephi_csv::{CsvKind, Role as GephiRole, parse_intervals as parse_gephi_intervals};
pub use gexf::NodeLooks;
pub use native::{
    FORMAT_NAME, FORMAT_VERSION, read_str as read_native_str, version_needed,
    write_string as write_native_string,
};
pub use report::{ImportReport, Issue, LineIndex, Location, Severity};
pub use save::{save_atomically, save_atomically_with};
pub use table::{EVENT_COLUMNS, TableFiles, read_tables, side_table_path, write_tables};

/// The largest file Minilateral will try to read, in bytes.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The file formats, chosen by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Minilateral's native JSON.
    Native,
    /// An events table (CSV) with optional side tables.
    EventsTable,
    /// GEXF (Gephi): 1.3 dynamic written; 1.2draft and 1.3 read.
    Gexf,
    /// GraphML.
    GraphMl,
    /// A Gephi CSV pair (Data Laboratory spreadsheets): `NAME.nodes.csv` and
    /// `NAME.edges.csv`.
    GephiCsv,
}

impl Format {
    /// The format for a path, from its extension; a `.csv` whose name ends in `nodes` or
    /// `edges` (`data.nodes.csv`) is a Gephi CSV table. Reading also looks at a `.csv`
    /// file's header (see [`sniff_csv`]).
    pub fn from_path(path: &Path) -> Option<Self> {
        if gephi_csv::role_from_name(path).is_some() {
            return Some(Self::GephiCsv);
        }
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "json" => Some(Self::Native),
            "csv" | "tsv" | "txt" => Some(Self::EventsTable),
            "gexf" => Some(Self::Gexf),
            "graphml" => Some(Self::GraphMl),
            _ => None,
        }
    }
}

/// Why a dataset could not be loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// The file could not be read or written.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{file}: the file is {size} bytes; Minilateral reads files up to {max} bytes")]
    TooLarge {
        /// The file.
        file: String,
        /// Its size in bytes.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{file}:{line}:{column}: error: the file is not UTF-8 text (is it a dataset?)")]
    NotText {
        /// The file.
        file: String,
        /// Line of the first bad byte.
        line: usize,
        /// Column of the first bad byte.
        column: usize,
    },
    /// The extension names no known format.
    #[error("{file}: unknown file type (expected one of: .json, .csv, .gexf, .graphml)")]
    UnknownFormat {
        /// The file.
        file: String,
    },
    /// The file was read and has errors.
    #[error("{0}")]
    Invalid(ImportReport),
}

/// What a `.csv` file holds, from its header: a Gephi edges table (`Source` and `Target`),
/// an events table (`event` and `date`), a Gephi nodes table (`Id`, with `Label` or
/// without `Name`), else an events table; column names in any case.
pub fn sniff_csv(text: &str, path: &Path) -> CsvKind {
    gephi_csv::sniff(text, path)
}

/// The other table of a Gephi CSV pair: `data.nodes.csv` ↔ `data.edges.csv`.
pub fn gephi_sibling_path(path: &Path) -> Option<std::path::PathBuf> {
    gephi_csv::sibling_path(path)
}

/// Loads a dataset from a file, choosing the reader by extension (and, for `.csv`, by the
/// header).
pub fn load(path: &Path) -> Result<(crate::model::Dataset, ImportReport), DatasetError> {
    let file = path.display().to_string();
    let mut format = Format::from_path(path)
        .ok_or_else(|| DatasetError::UnknownFormat { file: file.clone() })?;
    let text = read_text(path)?;
    let mut csv_kind = None;
    if matches!(format, Format::EventsTable | Format::GephiCsv) {
        let kind = gephi_csv::sniff(&text, path);
        format = match kind {
            CsvKind::EventsTable => Format::EventsTable,
            CsvKind::Gephi(_) => Format::GephiCsv,
        };
        csv_kind = Some(kind);
    }
    match format {
        Format::GephiCsv => {
            let role = match csv_kind {
                Some(CsvKind::Gephi(role)) => role,
                _ => GephiRole::Edges,
            };
            // The sibling is looked for only when the name agrees with the header.
            let sibling = gephi_csv::sibling_path(path)
                .filter(|_| gephi_csv::role_from_name(path) == Some(role))
                .filter(|sibling| sibling.is_file());
            let sibling = match sibling {
                Some(sibling) => Some((sibling.display().to_string(), read_text(&sibling)?)),
                None => None,
            };
            let opened = Some((file.as_str(), text.as_str()));
            let other = sibling.as_ref().map(|(f, t)| (f.as_str(), t.as_str()));
            let (nodes, edges) = match role {
                GephiRole::Nodes => (opened, other),
                GephiRole::Edges => (other, opened),
            };
            let (graph, first) =
                gephi_csv::read_graph(&file, nodes, edges).map_err(DatasetError::Invalid)?;
            // Unsourced edges cite the edges table, whichever file was opened.
            let cited = edges.map_or(file.as_str(), |(edges_file, _)| edges_file);
            merge_graph(&graph, first, cited)
        }
        Format::Native => read_native_str(&text, &file).map_err(DatasetError::Invalid),
        Format::EventsTable => {
            let side = |kind: &str| -> Result<Option<(String, String)>, DatasetError> {
                let side_path = side_table_path(path, kind);
                if side_path.is_file() {
                    Ok(Some((
                        side_path.display().to_string(),
                        read_text(&side_path)?,
                    )))
                } else {
                    Ok(None)
                }
            };
            let files = TableFiles {
                events: (file, text),
                actors: side("actors")?,
                bodies: side("bodies")?,
                relations: side("relations")?,
                meta: side("meta")?,
            };
            read_tables(&files).map_err(DatasetError::Invalid)
        }
        Format::Gexf | Format::GraphMl => {
            let read = if format == Format::Gexf {
                gexf::read_graph
            } else {
                graphml::read_graph
            };
            let (graph, first) = read(&text, &file).map_err(DatasetError::Invalid)?;
            merge_graph(&graph, first, &file)
        }
    }
}

/// Maps a graph read from a file to a dataset, adding the mapping's findings to the
/// reader's report.
fn merge_graph(
    graph: &graph_file::GenericGraph,
    mut first: ImportReport,
    file: &str,
) -> Result<(crate::model::Dataset, ImportReport), DatasetError> {
    match graph_file::dataset_from_graph(graph, file) {
        Ok((dataset, report)) => {
            first.issues.extend(report.issues);
            Ok((dataset, first))
        }
        Err(report) => {
            first.issues.extend(report.issues);
            Err(DatasetError::Invalid(first))
        }
    }
}

/// Reads a whole file as UTF-8 text, refusing files that are too large.
pub fn read_text(path: &Path) -> Result<String, DatasetError> {
    let file = path.display().to_string();
    let io_error = |source| DatasetError::Io {
        file: file.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(DatasetError::TooLarge {
            file,
            size,
            max: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        let (line, column) = LineIndex::new(&prefix).line_column(valid);
        DatasetError::NotText {
            file: file.clone(),
            line,
            column,
        }
    })
}

/// What a format cannot hold of a dataset, in words for the user (empty when nothing is
/// lost).
pub fn lost_in(format: Format, dataset: &crate::model::Dataset) -> Vec<String> {
    let (name, fields): (&str, &[(&str, &String)]) = match format {
        Format::Native => return Vec::new(),
        Format::EventsTable => ("An events table", &[]),
        Format::GraphMl => ("GraphML", &[]),
        Format::Gexf => (
            "GEXF",
            &[
                ("licence", &dataset.meta.license),
                ("notes", &dataset.meta.notes),
            ],
        ),
        Format::GephiCsv => (
            "Gephi CSV",
            &[
                ("title", &dataset.meta.title),
                ("description", &dataset.meta.description),
                ("licence", &dataset.meta.license),
                ("notes", &dataset.meta.notes),
            ],
        ),
    };
    let mut lost: Vec<String> = fields
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(field, _)| {
            format!("{name} has no place for the dataset's {field}: it is not written")
        })
        .collect();
    if !dataset.lessons.is_empty() {
        let count = dataset.lessons.len();
        let noun = if count == 1 { "lesson" } else { "lessons" };
        lost.push(format!(
            "{name} cannot hold lessons: the {count} {noun} are not written (save as .json to keep them)"
        ));
    }
    lost
}

/// Saves a dataset to a file in the format its extension names, atomically.
pub fn save(dataset: &crate::model::Dataset, path: &Path) -> Result<(), DatasetError> {
    save_with_looks(dataset, path, &NodeLooks::default())
}

/// Saves a dataset, with node positions and colours for the formats that hold them (GEXF;
/// positions only for Gephi CSV).
pub fn save_with_looks(
    dataset: &crate::model::Dataset,
    path: &Path,
    looks: &NodeLooks,
) -> Result<(), DatasetError> {
    let file = path.display().to_string();
    let format = Format::from_path(path)
        .ok_or_else(|| DatasetError::UnknownFormat { file: file.clone() })?;
    match format {
        Format::Native => {
            let text = write_native_string(dataset);
            save_atomically(path, text.as_bytes())
                .map_err(|source| DatasetError::Io { file, source })
        }
        Format::Gexf | Format::GraphMl => {
            let text = if format == Format::Gexf {
                gexf::write_string(dataset, looks)
            } else {
                graphml::write_string(dataset)
            };
            save_atomically(path, text.as_bytes())
                .map_err(|source| DatasetError::Io { file, source })
        }
        Format::GephiCsv => {
            let (nodes, edges) = gephi_csv::write_strings(dataset, looks);
            let sibling = gephi_csv::sibling_path(path).unwrap_or_else(|| path.to_path_buf());
            let (nodes_path, edges_path) = match gephi_csv::role_from_name(path) {
                Some(GephiRole::Nodes) => (path.to_path_buf(), sibling),
                _ => (sibling, path.to_path_buf()),
            };
            for (target, text) in [(nodes_path, nodes), (edges_path, edges)] {
                save_atomically(&target, text.as_bytes()).map_err(|source| DatasetError::Io {
                    file: target.display().to_string(),
                    source,
                })?;
            }
            Ok(())
        }
        Format::EventsTable => {
            for (kind, text) in write_tables(dataset) {
                let target = if kind.is_empty() {
                    path.to_path_buf()
                } else {
                    side_table_path(path, kind)
                };
                save_atomically(&target, text.as_bytes()).map_err(|source| DatasetError::Io {
                    file: target.display().to_string(),
                    source,
                })?;
            }
            Ok(())
        }
    }
}
