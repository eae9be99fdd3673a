//! The CSV table as spreadsheets write it, read once for every table format (the events
//! table with its side tables, the Gephi nodes and edges tables) and written by their
//! writers.
//!
//! Reading tolerates what spreadsheets produce: a UTF-8 byte-order mark, `,`, `;` or tab
//! separators (the most frequent in the header line), CRLF line ends, quoted fields with
//! separators and newlines, rows shorter or longer than the header, trailing empty columns
//! and column names in any case. Every row keeps the line it starts on, so that a message
//! names the file, the line and the column.

use super::report::{ImportReport, Issue, LineIndex, Location, Severity};

/// Normalises a column name into a key: trimmed, lower case, spaces and dashes as `_`
/// (`Source URL` → `source_url`).
pub(super) fn column_key(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace([' ', '-'], "_")
}

/// Guesses the separator from the header line: the most frequent of `,`, `;` and tab (`,`
/// when none appears).
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut best = (0, b',');
    for candidate in [b',', b';', b'\t'] {
        let count = header.bytes().filter(|&b| b == candidate).count();
        if count > best.0 {
            best = (count, candidate);
        }
    }
    best.1
}

/// A reader for a table with a header row: the byte-order mark skipped, the separator
/// guessed, and rows of any length read (their cells are checked by the format).
fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    let text = text.trim_start_matches('\u{feff}');
    csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes())
}

/// The column keys of a table's header, or none when the header cannot be read; enough to
/// tell one kind of table from another.
pub(super) fn header_keys(text: &str) -> Vec<String> {
    csv_reader(text)
        .headers()
        .map(|headers| headers.iter().map(column_key).collect())
        .unwrap_or_default()
}

/// The line a record starts on (0 when the csv crate gives no position).
///
/// The csv crate's own line count lags: it places a record where the previous one ended,
/// before the `\n` of a CRLF and before any blank lines, so the line is taken from the
/// record's first byte instead.
fn line_of(text: &str, lines: &LineIndex, position: Option<&csv::Position>) -> usize {
    let Some(position) = position else {
        return 0;
    };
    let start = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    let rest = text.get(start..).unwrap_or("");
    let line_ends = rest.len() - rest.trim_start_matches(['\r', '\n']).len();
    lines.line_column(start.saturating_add(line_ends)).0
}

/// Reads every non-blank row of a text whose header may not be on the first line (title
/// rows above it, as in tables copied from a web page), each with its line. The separator
/// is the most frequent of `,`, `;` and tab over the first lines. An unreadable row is an
/// error at its line and is left out.
pub(super) fn all_rows(file: &str, text: &str, report: &mut ImportReport) -> Vec<CsvRow> {
    let text = text.trim_start_matches('\u{feff}');
    let head: String = text.lines().take(30).collect::<Vec<_>>().join("");
    let mut best = (0, b',');
    for candidate in [b'\t', b',', b';'] {
        let count = head.bytes().filter(|&b| b == candidate).count();
        if count > best.0 {
            best = (count, candidate);
        }
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(best.1)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    rows_of(file, text, &mut reader, report)
}

/// The rows of a reader over `text` that hold something, each with its line; an
/// unreadable row is an error at its line and is left out.
fn rows_of(
    file: &str,
    text: &str,
    reader: &mut csv::Reader<&[u8]>,
    report: &mut ImportReport,
) -> Vec<CsvRow> {
    let lines = LineIndex::new(text);
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                if record.iter().all(|cell| cell.trim().is_empty()) {
                    continue;
                }
                rows.push(CsvRow {
                    line: line_of(text, &lines, record.position()),
                    cells: record.iter().map(str::to_owned).collect(),
                });
            }
            Err(error) => report.issues.push(table_issue(
                file,
                line_of(text, &lines, error.position()),
                None,
                Severity::Error,
                format!("unreadable row: {error}"),
            )),
        }
    }
    rows
}

/// One row of a table: the line it starts on and its cells as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct CsvRow {
    /// The one-based line of the file the row starts on (the header is line 1).
    pub(super) line: usize,
    /// The cells, untrimmed: free text is kept exactly as written.
    pub(super) cells: Vec<String>,
}

impl CsvRow {
    /// The cell at a column index as written, or "" when the column is missing or the row
    /// is short.
    pub(super) fn cell(&self, index: Option<usize>) -> &str {
        index
            .and_then(|i| self.cells.get(i))
            .map_or("", String::as_str)
    }

    /// The cell at a column index without surrounding white space, for ids, words, dates
    /// and codes.
    pub(super) fn trimmed(&self, index: Option<usize>) -> &str {
        self.cell(index).trim()
    }
}

/// How a warning about a header cell gives its place in a report line. The events table
/// has always given the column's number and the Gephi tables the line alone; each keeps
/// the form its users and tests know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum HeaderPlace {
    /// The line and the column's number: `data.csv:1:4: warning: …`.
    LineAndColumn,
    /// The line alone: `data.nodes.csv:1: warning: …`.
    Line,
}

/// One table as read: its file, the column names as written and as keys, and the rows that
/// hold something, each with its line.
#[derive(Clone, Debug)]
pub(super) struct CsvTable {
    /// The file, as named in messages.
    pub(super) file: String,
    /// The column names as written (trimmed), for messages.
    headers: Vec<String>,
    /// The column names as keys ([`column_key`]), for finding columns.
    keys: Vec<String>,
    /// The rows that are not blank, in the order of the file.
    pub(super) rows: Vec<CsvRow>,
}

impl CsvTable {
    /// Reads a table. An unreadable header is an error and gives no table; an unreadable
    /// row is an error at its line and is left out; blank rows are skipped.
    pub(super) fn parse(file: &str, text: &str, report: &mut ImportReport) -> Option<Self> {
        let text = text.trim_start_matches('\u{feff}');
        let mut reader = csv_reader(text);
        let headers: Vec<String> = match reader.headers() {
            Ok(headers) => headers.iter().map(|h| h.trim().to_owned()).collect(),
            Err(error) => {
                report.issues.push(table_issue(
                    file,
                    1,
                    None,
                    Severity::Error,
                    error.to_string(),
                ));
                return None;
            }
        };
        let keys = headers.iter().map(|h| column_key(h)).collect();
        let rows = rows_of(file, text, &mut reader, report);
        Some(Self {
            file: file.to_owned(),
            headers,
            keys,
            rows,
        })
    }

    /// The index of the first column among `names` (column keys), in the order of `names`:
    /// the first name is the preferred one, the others its synonyms.
    pub(super) fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|name| self.keys.iter().position(|key| key == name))
    }

    /// The column's name as written in the file (for messages), or `fallback` when the
    /// table has no such column.
    pub(super) fn header(&self, index: Option<usize>, fallback: &str) -> String {
        index
            .and_then(|i| self.headers.get(i))
            .cloned()
            .unwrap_or_else(|| fallback.to_owned())
    }

    /// Warns about every named column whose key `known` does not accept, naming the column
    /// as written; the column is ignored. Unnamed columns (the empty cells a spreadsheet
    /// leaves after the last column) are not reported.
    pub(super) fn warn_unknown_columns(
        &self,
        known: impl Fn(&str) -> bool,
        place: HeaderPlace,
        report: &mut ImportReport,
    ) {
        for (index, key) in self.keys.iter().enumerate() {
            if key.is_empty() || known(key) {
                continue;
            }
            let header = self.header(Some(index), key);
            let mut issue = table_issue(
                &self.file,
                1,
                Some(&header),
                Severity::Warning,
                format!("unknown column \"{header}\""),
            );
            if place == HeaderPlace::LineAndColumn {
                issue.location.column = Some(index + 1);
            }
            issue.action = Some("ignored".into());
            report.issues.push(issue);
        }
    }
}

/// An issue at a line of a table, and in a column when one is named: the report shows
/// `file:line: error: row line, column "name": message`.
pub(super) fn table_issue(
    file: &str,
    line: usize,
    column: Option<&str>,
    severity: Severity,
    message: String,
) -> Issue {
    Issue {
        severity,
        location: Location {
            file: Some(file.to_owned()),
            path: Some(match column {
                Some(column) => format!("row {line}, column \"{column}\""),
                None => format!("row {line}"),
            }),
            line: Some(line),
            column: None,
        },
        message,
        action: None,
    }
}

/// A header and rows as CSV text (`,` separators, LF line ends, quoting as needed).
pub(super) fn csv_text(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing into memory cannot fail.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a table that must have a header, with the report of reading it.
    fn read(text: &str) -> (CsvTable, ImportReport) {
        let mut report = ImportReport::new("t.csv");
        let table = CsvTable::parse("t.csv", text, &mut report);
        let Some(table) = table else {
            panic!("no table: {report}");
        };
        (table, report)
    }

    fn cells(table: &CsvTable) -> Vec<Vec<&str>> {
        table
            .rows
            .iter()
            .map(|row| row.cells.iter().map(String::as_str).collect())
            .collect()
    }

    fn lines(table: &CsvTable) -> Vec<usize> {
        table.rows.iter().map(|row| row.line).collect()
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_column() {
        let (table, report) = read("\u{feff}Id,Label\nJPN,Japan\n");
        assert!(report.issues.is_empty(), "{report}");
        assert_eq!(table.column(&["id"]), Some(0));
        assert_eq!(table.header(Some(0), "?"), "Id");
        assert_eq!(header_keys("\u{feff}Id,Label\n"), ["id", "label"]);
    }

    #[test]
    fn the_separator_is_the_most_frequent_in_the_header() {
        for (text, expected) in [
            ("a,b,c\n1,2,3\n", b','),
            ("a;b;c\n1;2,5;3\n", b';'),
            ("a\tb\tc\n1\t2;5\t3\n", b'\t'),
            ("a;b,c;d\n", b';'),
            ("single\n", b','),
            ("", b','),
        ] {
            assert_eq!(separator(text), expected, "{text:?}");
        }
        let (table, _) = read("a;b;c\n1;2,5;3\n");
        assert_eq!(cells(&table), [["1", "2,5", "3"]]);
        let (table, _) = read("a\tb\n1\t2 3\n");
        assert_eq!(cells(&table), [["1", "2 3"]]);
    }

    #[test]
    fn crlf_line_ends_are_not_part_of_the_cells() {
        let (table, _) = read("a,b\r\n1,2\r\n3,4\r\n");
        assert_eq!(cells(&table), [["1", "2"], ["3", "4"]]);
        assert_eq!(lines(&table), [2, 3]);
    }

    #[test]
    fn quoted_fields_keep_separators_and_newlines_and_rows_keep_their_first_line() {
        let text = "id;note\nJPN;\"signed at the\r\nTokyo ceremony; then ratified\"\nUSA;\"a \"\"quoted\"\" word\"\n";
        let (table, _) = read(text);
        assert_eq!(
            cells(&table),
            [
                ["JPN", "signed at the\r\nTokyo ceremony; then ratified"],
                ["USA", "a \"quoted\" word"],
            ]
        );
        assert_eq!(lines(&table), [2, 4], "the row after a two-line cell");
    }

    #[test]
    fn rows_of_any_length_are_read_and_missing_cells_are_empty() {
        let (table, report) = read("a,b,c,,\n1,2\n1,2,3,,\n1,2,3,4,5,6\n");
        assert!(report.issues.is_empty(), "{report}");
        assert_eq!(table.rows.len(), 3);
        let short = &table.rows[0];
        assert_eq!(short.cell(table.column(&["c"])), "");
        assert_eq!(short.cell(None), "");
        assert_eq!(table.rows[2].cell(Some(5)), "6");
    }

    #[test]
    fn trailing_empty_columns_are_not_unknown_columns() {
        let (table, mut report) = read("a;b;;\n1;2;;\n");
        table.warn_unknown_columns(
            |key| key == "a" || key == "b",
            HeaderPlace::Line,
            &mut report,
        );
        assert!(report.issues.is_empty(), "{report}");
    }

    #[test]
    fn blank_rows_are_skipped_and_line_numbers_still_count_them() {
        let (table, _) = read("a,b\n\n1,2\n , \n3,4\n");
        assert_eq!(cells(&table), [["1", "2"], ["3", "4"]]);
        assert_eq!(lines(&table), [3, 5]);
    }

    #[test]
    fn column_names_are_found_in_any_case_with_spaces_or_dashes() {
        let (table, _) = read(" Source URL ;DATE;Date-Precision;Instrument_ID\n");
        assert_eq!(table.column(&["source_url"]), Some(0));
        assert_eq!(table.column(&["date"]), Some(1));
        assert_eq!(table.column(&["precision", "date_precision"]), Some(2));
        assert_eq!(table.column(&["body", "instrument_id"]), Some(3));
        assert_eq!(table.column(&["note"]), None);
        assert_eq!(
            table.header(Some(0), "?"),
            "Source URL",
            "as written, trimmed"
        );
        assert_eq!(table.header(None, "Note"), "Note");
    }

    #[test]
    fn the_first_of_several_names_wins() {
        let (table, _) = read("precision,date_precision\n");
        assert_eq!(table.column(&["date_precision", "precision"]), Some(1));
    }

    #[test]
    fn cells_are_kept_as_written_and_trimmed_on_request() {
        let (table, _) = read("id,note\n JPN ,  two  spaces \n");
        let row = &table.rows[0];
        assert_eq!(row.cell(Some(1)), "  two  spaces ");
        assert_eq!(row.trimmed(Some(0)), "JPN");
    }

    #[test]
    fn unknown_columns_are_named_as_written_at_line_one() {
        let (table, mut report) = read("id,Modularity Class,label\n");
        table.warn_unknown_columns(
            |key| key != "modularity_class",
            HeaderPlace::Line,
            &mut report,
        );
        table.warn_unknown_columns(
            |key| key != "modularity_class",
            HeaderPlace::LineAndColumn,
            &mut report,
        );
        let text = report.to_string();
        assert!(
            text.contains(
                "t.csv:1: warning: row 1, column \"Modularity Class\": unknown column \"Modularity Class\" (ignored)"
            ),
            "{text}"
        );
        assert!(text.contains("t.csv:1:2: warning: row 1,"), "{text}");
        assert_eq!(report.warning_count(), 2);
    }

    #[test]
    fn an_issue_names_the_file_the_row_and_the_column() {
        let mut report = ImportReport::new("data.csv");
        report.issues.push(table_issue(
            "data.actors.csv",
            7,
            Some("kind"),
            Severity::Error,
            "unknown actor kind \"stat\"".into(),
        ));
        report.issues.push(table_issue(
            "data.csv",
            3,
            None,
            Severity::Error,
            "unreadable row".into(),
        ));
        let text = report.to_string();
        assert!(
            text.contains("data.actors.csv:7: error: row 7, column \"kind\": unknown actor kind"),
            "{text}"
        );
        assert!(
            text.contains("data.csv:3: error: row 3: unreadable row"),
            "{text}"
        );
    }

    #[test]
    fn a_written_table_reads_back_the_same() {
        let rows = vec![
            vec!["JPN".to_owned(), "Japan; \"Nippon\"".to_owned()],
            vec!["USA".to_owned(), "two\nlines, one cell".to_owned()],
        ];
        let text = csv_text(&["id", "name"], rows.clone());
        assert!(text.starts_with("id,name\n"), "{text}");
        let (table, _) = read(&text);
        let again: Vec<Vec<String>> = table.rows.into_iter().map(|row| row.cells).collect();
        assert_eq!(again, rows);
    }
}
