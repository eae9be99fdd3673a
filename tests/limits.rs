//! Files that are too large or are not datasets at all get a clear message, never an
//! out-of-memory abort or a panic.

use minilateral::io::{self, DatasetError, MAX_FILE_BYTES};

#[path = "common/load.rs"]
mod load;
use load::error_text;

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let folder = tempfile::tempdir().expect("temporary folder");
    for name in ["huge.json", "huge.csv", "huge.edges.csv", "huge.gexf"] {
        let path = folder.path().join(name);
        // A sparse file: its size is over the limit without using the disk.
        let file = std::fs::File::create(&path).expect("created");
        file.set_len(MAX_FILE_BYTES + 1).expect("sized");
        let Err(error) = io::load(&path) else {
            panic!("{name} loaded");
        };
        assert!(
            matches!(error, DatasetError::TooLarge { .. }),
            "{name}: {error}"
        );
        let message = error.to_string();
        assert!(
            message.contains(name) && message.contains("reads files up to"),
            "{message}"
        );
    }
}

#[test]
fn files_that_are_not_datasets_say_so() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "picture.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe",
            "not UTF-8 text (is it a dataset?)",
        ),
        (
            "letter.csv",
            b"Dear colleague,\nplease find the figures attached.\n",
            "not an events table",
        ),
        (
            "page.json",
            b"<html><body>hello</body></html>",
            "not a Minilateral dataset",
        ),
        (
            "page.gexf",
            b"<html><body>hello</body></html>",
            "not a GEXF file",
        ),
        ("empty.edges.csv", b"", "not a Gephi edges table"),
    ];
    for (name, bytes, expected) in cases {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).expect("written");
        let message = error_text(&path);
        assert!(
            message.contains(name) && message.contains(expected),
            "{name}: expected {expected:?} in {message:?}"
        );
    }
    let unknown = error_text(&folder.path().join("data.docx"));
    assert!(unknown.contains("unknown file type"), "{unknown}");
}
