//! Atomic saves: write a temporary file beside the target, flush it to disk, then rename it
//! over the target, so that a crash mid-save leaves the previous file intact.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically (temporary file in the same folder, fsync, rename).
pub fn save_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    save_atomically_with(path, |file| file.write_all(bytes))
}

/// Writes `path` atomically with `write`, which streams into the temporary file (a video
/// too large to hold in memory) and may seek in it. When `write` fails, the temporary file
/// is removed and whatever was at `path` is left as it was.
pub fn save_atomically_with<E: From<std::io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> Result<(), E>,
) -> Result<(), E> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(folder)?;
    write(temporary.as_file_mut())?;
    // The temporary file is private (0600); the saved file keeps the permissions of the
    // file it replaces, or gets the usual ones for a new document.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => new_file_permissions(temporary.as_file())?,
    };
    temporary.as_file().set_permissions(permissions)?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|error| error.error)?;
    remove_stale_temporaries(folder, STALE_AFTER);
    Ok(())
}

const TEMPORARY_PREFIX: &str = ".minilateral-save-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// A temporary file older than this is left over from a save that was killed: a save takes
/// well under a second, so no save still under way (in this or another window) owns it.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes our temporary files older than `age` from `folder`, best effort: a leftover is
/// harmless, so errors are ignored.
fn remove_stale_temporaries(folder: &Path, age: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX)) {
            continue;
        }
        let stale = entry
            .metadata()
            .and_then(|metadata| metadata.modified())
            .is_ok_and(|modified| now.duration_since(modified).is_ok_and(|d| d > age));
        if stale && entry.file_type().is_ok_and(|kind| kind.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Read-write for the owner, readable by others (`0644`), as editors save documents.
#[cfg(unix)]
fn new_file_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    let mut permissions = file.metadata()?.permissions();
    permissions.set_mode(0o644);
    Ok(permissions)
}

/// The temporary file's own permissions, where there are no Unix modes.
#[cfg(not(unix))]
fn new_file_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("data.json");
        std::fs::write(&path, "old").unwrap();
        save_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(folder.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_save_removes_temporaries_left_by_killed_saves_but_not_fresh_ones() {
        let folder = tempfile::tempdir().unwrap();
        let old = folder.path().join(".minilateral-save-killed.tmp");
        let fresh = folder.path().join(".minilateral-save-running.tmp");
        let other = folder.path().join("notes.tmp");
        for path in [&old, &fresh, &other] {
            std::fs::write(path, "partial").unwrap();
        }
        let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
        for path in [&old, &other] {
            std::fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(two_hours_ago)
                .unwrap();
        }
        save_atomically(&folder.path().join("data.json"), b"new").unwrap();
        assert!(!old.exists(), "a killed save's leftover is removed");
        assert!(fresh.exists(), "a save that may be under way is left alone");
        assert!(other.exists(), "other files are never touched");
    }

    #[test]
    fn a_failed_save_leaves_the_old_file_intact() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("data.json");
        std::fs::write(&path, "old").unwrap();
        // A folder in the way of the temporary file's folder makes the save fail.
        let missing = folder.path().join("no-such-folder").join("data.json");
        assert!(save_atomically(&missing, b"new").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    }

    #[cfg(unix)]
    #[test]
    fn saved_files_are_readable_and_keep_the_permissions_they_had() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("new.json");
        save_atomically(&path, b"new").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o644, "not the temporary file's 0600");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        save_atomically(&path, b"newer").unwrap();
        assert_eq!(mode(&path), 0o640);
    }
}
