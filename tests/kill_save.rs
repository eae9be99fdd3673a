//! Kills a save midway, for real: `minilateral convert` writes a large dataset over an
//! existing file and is killed (SIGKILL) the moment its temporary file appears. The old file
//! must be intact; a save that was not interrupted must leave a complete new file.
#![expect(clippy::expect_used, reason = "test helpers fail loudly with a reason")]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn temporary_exists(folder: &Path) -> bool {
    std::fs::read_dir(folder)
        .expect("list the folder")
        .filter_map(Result::ok)
        .any(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with(".minilateral-save-")
        })
}

#[test]
fn a_save_killed_midway_leaves_the_old_file_intact() {
    let folder = tempfile::tempdir().expect("temp folder");
    let source = folder.path().join("big.json");
    let big = minilateral::synthetic::generate(200, 500, 100_000, 7);
    minilateral::io::save(&big, &source).expect("write the big dataset");
    let out = folder.path().join("out");
    std::fs::create_dir(&out).expect("output folder");
    let target = out.join("data.json");
    let old = std::fs::read("tests/fixtures/ui/small.json").expect("the fixture");

    let mut killed_midway = 0;
    for _attempt in 0..20 {
        std::fs::write(&target, &old).expect("write the old file");
        for entry in std::fs::read_dir(&out)
            .expect("list")
            .filter_map(Result::ok)
        {
            if entry.path() != target {
                std::fs::remove_file(entry.path()).expect("clean up");
            }
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_minilateral"))
            .args(["convert"])
            .arg(&source)
            .arg(&target)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start minilateral");
        let start = Instant::now();
        let mut seen = false;
        while start.elapsed() < Duration::from_secs(60) {
            if temporary_exists(&out) {
                seen = true;
                child.kill().expect("kill the save");
                break;
            }
            if child.try_wait().expect("poll").is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let status = child.wait().expect("reap");
        let bytes = std::fs::read(&target).expect("the target still exists");
        if seen && !status.success() {
            killed_midway += 1;
            assert_eq!(bytes, old, "a killed save left the old file as it was");
        } else {
            // Not caught in time: the save finished, and the file is whole.
            let (written, _) = minilateral::io::load(&target).expect("a complete dataset");
            assert_eq!(written.events.len(), big.events.len());
        }
        if killed_midway >= 2 {
            break;
        }
    }
    assert!(
        killed_midway > 0,
        "no attempt caught the save while it was writing"
    );
}
