//! The import report: every problem found while reading a file, with its place.

use std::fmt;

pub use crate::model::check::Severity;

/// Where in a file a problem is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// The file, when it is not the report's own file (a side table of a CSV dataset).
    pub file: Option<String>,
    /// A path inside the document: `$.events[12].date` for JSON, `row 12, column "date"` for
    /// a table.
    pub path: Option<String>,
    /// One-based line number.
    pub line: Option<usize>,
    /// One-based column number.
    pub column: Option<usize>,
}

impl Location {
    /// A line of the report's own file.
    pub fn line(line: usize) -> Self {
        Self {
            line: Some(line),
            ..Self::default()
        }
    }
}

/// One problem in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Error (stops the load) or warning.
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// What is wrong.
    pub message: String,
    /// What was done about it, if anything ("field ignored", "left off the timeline").
    pub action: Option<String>,
}

/// Everything found while reading one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// The file as the user named it.
    pub file: String,
    /// The problems, in the order of the file.
    pub issues: Vec<Issue>,
}

impl ImportReport {
    /// An empty report for a file.
    pub fn new(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            issues: Vec::new(),
        }
    }

    /// Adds a problem.
    pub fn push(&mut self, severity: Severity, location: Location, message: impl Into<String>) {
        self.issues.push(Issue {
            severity,
            location,
            message: message.into(),
            action: None,
        });
    }

    /// The number of errors.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// The number of warnings.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.issues
            .iter()
            .filter(|issue| issue.severity == severity)
            .count()
    }

    /// Whether the file can be used (no errors).
    pub fn is_ok(&self) -> bool {
        self.error_count() == 0
    }

    /// The dataset a reader built, in canonical order, with this report when it found no
    /// error; otherwise the report alone.
    pub fn into_result(
        self,
        mut dataset: crate::model::Dataset,
    ) -> Result<(crate::model::Dataset, Self), Self> {
        if self.is_ok() {
            dataset.canonicalize();
            Ok((dataset, self))
        } else {
            Err(self)
        }
    }

    /// Sorts issues by line, keeping the order of issues on the same line.
    pub fn sort_by_place(&mut self) {
        self.issues
            .sort_by_key(|issue| (issue.location.line.unwrap_or(0), issue.location.column));
    }

    /// A one-line summary: "2 errors, 1 warning".
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        format!(
            "{}, {}",
            plural(self.error_count(), "error"),
            plural(self.warning_count(), "warning")
        )
    }

    /// Formats one issue the way compilers do: `file:line:column: error: path: message`.
    pub fn format_issue(&self, issue: &Issue) -> String {
        let mut text = issue
            .location
            .file
            .clone()
            .unwrap_or_else(|| self.file.clone());
        if let Some(line) = issue.location.line {
            text.push_str(&format!(":{line}"));
            if let Some(column) = issue.location.column {
                text.push_str(&format!(":{column}"));
            }
        }
        let level = match issue.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        text.push_str(&format!(": {level}: "));
        if let Some(path) = &issue.location.path {
            text.push_str(&format!("{path}: "));
        }
        text.push_str(&issue.message);
        if let Some(action) = &issue.action {
            text.push_str(&format!(" ({action})"));
        }
        text
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for issue in &self.issues {
            writeln!(f, "{}", self.format_issue(issue))?;
        }
        write!(f, "{}: {}", self.file, self.summary())
    }
}

/// Maps byte offsets in a text to one-based line and column numbers.
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Self { line_starts }
    }

    /// The one-based (line, column) of a byte offset; the column counts bytes.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line.saturating_sub(1)];
        (line, offset - start + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_maps_offsets() {
        let index = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(1), (1, 2));
        assert_eq!(index.line_column(3), (2, 1));
        assert_eq!(index.line_column(6), (3, 1));
        assert_eq!(index.line_column(8), (4, 2));
    }

    #[test]
    fn issues_format_like_a_compiler() {
        let mut report = ImportReport::new("data.json");
        report.push(
            Severity::Error,
            Location {
                file: None,
                path: Some("$.events[3].date".into()),
                line: Some(12),
                column: Some(5),
            },
            "invalid date",
        );
        assert_eq!(
            report.format_issue(&report.issues[0]),
            "data.json:12:5: error: $.events[3].date: invalid date"
        );
        assert_eq!(report.summary(), "1 error, 0 warnings");
        assert!(!report.is_ok());
    }
}
