//! The grid of cells every table becomes before its shape is guessed: CSV and TSV text
//! (through the one CSV reader), `.xlsx` and `.ods` sheets (through calamine), and tables
//! pasted from a web page or a spreadsheet.

use std::io::Cursor;

use calamine::{Data, Reader};

use super::dates::serial_date;
use crate::io::csv_table::{all_rows, table_issue};
use crate::io::report::{ImportReport, Severity};

/// One row of a grid: its number in the file (the line of a text, the row of a sheet) and
/// its cells as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridRow {
    /// One-based line or sheet row.
    pub number: usize,
    /// The cells, as written (sheet dates as `YYYY-MM-DD`, whole numbers without `.0`).
    pub cells: Vec<String>,
}

impl GridRow {
    /// The cell at a column, trimmed ("" past the end of the row).
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", |cell| cell.trim())
    }
}

/// A table as cells, before its header and columns are known; blank rows are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    /// The file, as named in messages.
    pub file: String,
    /// The sheet the grid comes from, for spreadsheets with several.
    pub sheet: Option<String>,
    /// The rows that hold something.
    pub rows: Vec<GridRow>,
}

impl Grid {
    /// The grid of a CSV or TSV text (or a pasted table: tabs are found like commas).
    pub fn from_text(file: &str, text: &str) -> Result<Self, ImportReport> {
        let mut report = ImportReport::new(file);
        let rows = all_rows(file, text, &mut report);
        if !report.is_ok() {
            return Err(report);
        }
        Ok(Self {
            file: file.to_owned(),
            sheet: None,
            rows: rows
                .into_iter()
                .map(|row| GridRow {
                    number: row.line,
                    cells: row.cells,
                })
                .collect(),
        })
    }

    /// The grid of the first sheet that holds something in an `.xlsx`, `.xls` or `.ods`
    /// file.
    pub fn from_spreadsheet(file: &str, bytes: Vec<u8>) -> Result<Self, ImportReport> {
        let refuse = |message: String| {
            let mut report = ImportReport::new(file);
            report.push(Severity::Error, Default::default(), message);
            report
        };
        let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
            .map_err(|error| refuse(format!("not a spreadsheet this reader knows: {error}")))?;
        for (name, range) in book.worksheets() {
            let Some((first_row, first_column)) = range.start() else {
                continue;
            };
            let lead = usize::try_from(first_column).unwrap_or(0);
            let mut rows = Vec::new();
            for (index, row) in range.rows().enumerate() {
                let cells: Vec<String> = std::iter::repeat_n(String::new(), lead)
                    .chain(row.iter().map(cell_text))
                    .collect();
                if cells.iter().all(|cell| cell.trim().is_empty()) {
                    continue;
                }
                rows.push(GridRow {
                    number: usize::try_from(first_row).unwrap_or(0) + index + 1,
                    cells,
                });
            }
            if !rows.is_empty() {
                return Ok(Self {
                    file: file.to_owned(),
                    sheet: Some(name),
                    rows,
                });
            }
        }
        let mut report = ImportReport::new(file);
        report.issues.push(table_issue(
            file,
            1,
            None,
            Severity::Error,
            "every sheet of the workbook is empty".into(),
        ));
        Err(report)
    }

    /// The number of columns of the widest row.
    pub fn width(&self) -> usize {
        self.rows
            .iter()
            .map(|row| row.cells.len())
            .max()
            .unwrap_or(0)
    }
}

/// A sheet cell as text: dates as `YYYY-MM-DD`, whole numbers without a fraction.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(text) => text.clone(),
        Data::Bool(value) => value.to_string(),
        Data::Int(value) => value.to_string(),
        Data::Float(value) => float_text(*value),
        Data::DateTime(date) => {
            let value = date.as_f64();
            if date.is_datetime() && value.is_finite() && value >= 1.0 {
                // Whole days since 1899-12-30; the fraction is the time of day.
                #[expect(
                    clippy::cast_possible_truncation,
                    reason = "a finite serial date of a sheet is far inside i64"
                )]
                let days = value.floor() as i64;
                serial_date(days).map_or_else(|| float_text(value), |d| d.to_string())
            } else {
                float_text(value)
            }
        }
        Data::DateTimeIso(text) | Data::DurationIso(text) => {
            text.split('T').next().unwrap_or(text).to_owned()
        }
    }
}

fn float_text(value: f64) -> String {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_grid_keeps_title_rows_and_line_numbers() {
        let text = "Chart of signatures\n\nStates\tSignature\tRatification\nAlbania\t23/11/2001\t20/06/2002\n";
        let grid = match Grid::from_text("chart.tsv", text) {
            Ok(grid) => grid,
            Err(report) => panic!("{report}"),
        };
        let numbers: Vec<usize> = grid.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 3, 4]);
        assert_eq!(grid.rows[1].cells, ["States", "Signature", "Ratification"]);
        assert_eq!(grid.rows[2].cell(2), "20/06/2002");
        assert_eq!(grid.rows[2].cell(7), "");
        assert_eq!(grid.width(), 3);
    }

    #[test]
    fn sheet_numbers_read_as_people_wrote_them() {
        assert_eq!(float_text(2001.0), "2001");
        assert_eq!(float_text(-9.0), "-9");
        assert_eq!(float_text(0.5), "0.5");
        assert_eq!(cell_text(&Data::Int(3)), "3");
        assert_eq!(
            cell_text(&Data::DateTimeIso("2001-11-23T00:00:00".into())),
            "2001-11-23"
        );
    }

    #[test]
    fn what_is_not_a_spreadsheet_is_refused_with_the_file() {
        let Err(report) = Grid::from_spreadsheet("x.xlsx", b"not a zip".to_vec()) else {
            panic!("read");
        };
        assert!(
            report
                .to_string()
                .starts_with("x.xlsx: error: not a spreadsheet"),
            "{report}"
        );
    }
}
