//! Reading and writing datasets; every reader fills an [`ImportReport`].

mod csv_table;
mod gephi_csv;
mod gexf;
mod graph_file;
mod graphml;
mod native;
mod report;
mod save;
pub mod shaped;
mod table;
mod xml;

use std::path::{Path, PathBuf};

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
    /// A spreadsheet (`.xlsx`, `.xls`, `.ods`), read through the table import
    /// ([`shaped`]); never written.
    Spreadsheet,
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
            "xlsx" | "xlsm" | "xls" | "ods" => Some(Self::Spreadsheet),
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
    #[error(
        "{file}: unknown file type (expected one of: .json, .csv, .tsv, .gexf, .graphml, .xlsx, .ods)"
    )]
    UnknownFormat {
        /// The file.
        file: String,
    },
    /// The format is read but not written.
    #[error(
        "{file}: Minilateral reads {what} but does not write them (save as .json, .csv, .gexf or .graphml)"
    )]
    CannotWrite {
        /// The file.
        file: String,
        /// What the format is, in words.
        what: &'static str,
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
    load_with(path, &shaped::TableOptions::default()).map(|(dataset, report, _)| (dataset, report))
}

/// Whether a table's header is an events table's (a body, an event, a date and an actor
/// column) or one of its side tables'.
fn is_events_header(text: &str) -> bool {
    let keys = csv_table::header_keys(text);
    let has = |names: &[&str]| keys.iter().any(|key| names.contains(&key.as_str()));
    // A side table opened by itself (every column one of the side tables'): the events
    // reader says which table to open.
    const SIDE_COLUMNS: [&str; 16] = [
        "id",
        "name",
        "kind",
        "iso3",
        "region",
        "subregion",
        "url",
        "note",
        "short_name",
        "law",
        "issues",
        "opened",
        "closed",
        "description",
        "from",
        "to",
    ];
    let side_table = has(&["id"])
        && has(&["name"])
        && keys
            .iter()
            .all(|key| key.is_empty() || SIDE_COLUMNS.contains(&key.as_str()));
    side_table
        || has(&["instrument_id", "body", "body_id", "instrument"])
            && has(&["event"])
            && has(&["date"])
            && has(&["actor", "actor_id", "state", "actor_name", "name", "iso3"])
}

/// Loads a dataset like [`load`], with what the user says about a table of another shape
/// (`--body`, `--map`, `--dates`); gives the mapping used when the table import read the
/// file (a spreadsheet, or a CSV that is neither an events table nor a Gephi table).
pub fn load_with(
    path: &Path,
    options: &shaped::TableOptions,
) -> Result<
    (
        crate::model::Dataset,
        ImportReport,
        Option<shaped::TableMapping>,
    ),
    DatasetError,
> {
    let file = path.display().to_string();
    let mut format = Format::from_path(path)
        .ok_or_else(|| DatasetError::UnknownFormat { file: file.clone() })?;
    if format == Format::Spreadsheet {
        let bytes = read_bytes(path)?;
        let grid = shaped::Grid::from_spreadsheet(&file, bytes).map_err(DatasetError::Invalid)?;
        return load_grid(path, &grid, options);
    }
    let text = read_text(path)?;
    let mut csv_kind = None;
    if matches!(format, Format::EventsTable | Format::GephiCsv) {
        let kind = gephi_csv::sniff(&text, path);
        format = match kind {
            CsvKind::EventsTable => Format::EventsTable,
            CsvKind::Gephi(_) => Format::GephiCsv,
        };
        csv_kind = Some(kind);
        let user_mapped = !options.is_empty() || shaped::mapping_path(path).is_file();
        if format == Format::EventsTable && (user_mapped || !is_events_header(&text)) {
            let grid = shaped::Grid::from_text(&file, &text).map_err(DatasetError::Invalid)?;
            return load_grid(path, &grid, options);
        }
    }
    load_known(path, format, csv_kind, file, text).map(|(dataset, report)| (dataset, report, None))
}

/// Imports a grid through the table pipeline, with the mapping remembered beside the file
/// (when it fits) and the user's options.
fn load_grid(
    path: &Path,
    grid: &shaped::Grid,
    options: &shaped::TableOptions,
) -> Result<
    (
        crate::model::Dataset,
        ImportReport,
        Option<shaped::TableMapping>,
    ),
    DatasetError,
> {
    let remembered_path = shaped::mapping_path(path);
    let remembered = if remembered_path.is_file() {
        let text = read_text(&remembered_path)?;
        Some(shaped::TableMapping::from_json(&text).map_err(|message| {
            let mut report = ImportReport::new(remembered_path.display().to_string());
            report.push(Severity::Error, Location::default(), message);
            DatasetError::Invalid(report)
        })?)
    } else {
        None
    };
    let mapping = shaped::mapping_for(grid, remembered, options).map_err(|message| {
        let mut report = ImportReport::new(grid.file.clone());
        report.push(Severity::Error, Location::default(), message);
        DatasetError::Invalid(report)
    })?;
    let (dataset, report) = shaped::import(grid, &mapping).map_err(DatasetError::Invalid)?;
    Ok((dataset, report, Some(mapping)))
}

/// The grid of a file the table import reads and has no remembered mapping for (the app
/// shows the mapping step before importing it); `None` for every other file.
pub fn table_to_map(path: &Path) -> Result<Option<shaped::Grid>, DatasetError> {
    let file = path.display().to_string();
    let grid = match Format::from_path(path) {
        Some(Format::Spreadsheet) => shaped::Grid::from_spreadsheet(&file, read_bytes(path)?)
            .map_err(DatasetError::Invalid)?,
        Some(Format::EventsTable | Format::GephiCsv) => {
            let text = read_text(path)?;
            if matches!(gephi_csv::sniff(&text, path), CsvKind::Gephi(_)) || is_events_header(&text)
            {
                return Ok(None);
            }
            shaped::Grid::from_text(&file, &text).map_err(DatasetError::Invalid)?
        }
        _ => return Ok(None),
    };
    let remembered = shaped::mapping_path(path);
    let fits = remembered.is_file()
        && read_text(&remembered)
            .ok()
            .and_then(|text| shaped::TableMapping::from_json(&text).ok())
            .is_some_and(|mapping| mapping.fits(&grid));
    Ok((!fits).then_some(grid))
}

/// Remembers a table's mapping beside the file, so that opening it again does not ask.
pub fn remember_mapping(
    path: &Path,
    mapping: &shaped::TableMapping,
) -> Result<PathBuf, DatasetError> {
    let target = shaped::mapping_path(path);
    save_atomically(&target, mapping.to_json().as_bytes()).map_err(|source| DatasetError::Io {
        file: target.display().to_string(),
        source,
    })?;
    Ok(target)
}

/// Reads a pasted table (tab- or comma-separated text, as a web page or a spreadsheet
/// copies it) through the table import; `name` stands for the file in messages.
pub fn load_pasted(
    name: &str,
    text: &str,
    options: &shaped::TableOptions,
) -> Result<(crate::model::Dataset, ImportReport, shaped::TableMapping), DatasetError> {
    let grid = shaped::Grid::from_text(name, text).map_err(DatasetError::Invalid)?;
    let mapping = shaped::mapping_for(&grid, None, options).map_err(|message| {
        let mut report = ImportReport::new(name);
        report.push(Severity::Error, Location::default(), message);
        DatasetError::Invalid(report)
    })?;
    let (dataset, report) = shaped::import(&grid, &mapping).map_err(DatasetError::Invalid)?;
    Ok((dataset, report, mapping))
}

/// Reads a file with the reader of a format other than the table import.
fn load_known(
    path: &Path,
    format: Format,
    csv_kind: Option<CsvKind>,
    file: String,
    text: String,
) -> Result<(crate::model::Dataset, ImportReport), DatasetError> {
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
        Format::Spreadsheet => Err(DatasetError::UnknownFormat { file }),
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

/// Reads a whole file as bytes, refusing files that are too large.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, DatasetError> {
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
    std::fs::read(path).map_err(io_error)
}

/// Reads a whole file as UTF-8 text, refusing files that are too large.
pub fn read_text(path: &Path) -> Result<String, DatasetError> {
    let file = path.display().to_string();
    let bytes = read_bytes(path)?;
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
        // Never written: nothing to lose.
        Format::Spreadsheet => return Vec::new(),
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
    if dataset.bodies.iter().any(|body| !body.reported.is_empty()) {
        lost.push(format!(
            "{name} has no place for the bodies' reported member counts: they are not written"
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
        Format::Spreadsheet => Err(DatasetError::CannotWrite {
            file,
            what: "spreadsheets",
        }),
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
