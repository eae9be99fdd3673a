//! Loading a file that must be refused.

use std::path::Path;

use minilateral::io::{self, DatasetError};

/// The message of a file that must not load; fails the test when it loads.
pub fn error_text(path: &Path) -> String {
    match io::load(path) {
        Ok((_, report)) => panic!("{} loaded, but it must not: {report}", path.display()),
        Err(DatasetError::Invalid(report)) => report.to_string(),
        Err(other) => other.to_string(),
    }
}
