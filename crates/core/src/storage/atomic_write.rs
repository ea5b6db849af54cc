//! Writing a file so that a crash never leaves it half-written: the bytes go to a temporary file
//! beside the target, are flushed to disk, then renamed over it, and the folder is flushed too.
//!
//! A path that is a symbolic link is resolved first, and its *target* is replaced atomically (the
//! temporary file goes into the target's folder, so the rename never crosses file systems); the
//! link itself stays. A target that exists and is not a plain file (a device such as
//! `/dev/stdout`, a pipe) is written through instead, since it cannot be renamed over.
//!
//! Temporary files are named `.NAME.PID.N.rp-tmp`. A process killed mid-write leaves its
//! temporary behind; the next successful write into the same folder removes those of processes
//! that are gone.

use crate::storage::error::SaveError;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Ending of every temporary file this module makes.
const TEMPORARY_SUFFIX: &str = ".rp-tmp";
/// Most symbolic links followed before giving up (as the operating systems do).
const MAX_LINK_HOPS: usize = 40;
/// Where no process table can be asked, a temporary this old is taken as abandoned.
const ABANDONED_AFTER_SECS: u64 = 3_600;

/// Distinguishes temporaries of concurrent writes within one process.
static SEQUENCE: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically (see the module comment for links and special files).
///
/// # Errors
/// The file or its folder cannot be written, or the path is a loop of links.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |message: String| SaveError {
        path: path.to_owned(),
        message,
    };
    // `metadata` follows links: a link to a device or pipe is written through as it is.
    if let Ok(metadata) = std::fs::metadata(path)
        && !metadata.file_type().is_file()
    {
        return std::fs::write(path, bytes).map_err(|error| fail(error.to_string()));
    }
    let target = resolve_links(path).map_err(fail)?;
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_owned();
    let name = target
        .file_name()
        .ok_or_else(|| fail("the path names no file".into()))?
        .to_string_lossy()
        .into_owned();
    let temporary = folder.join(format!(
        ".{name}.{}.{}{TEMPORARY_SUFFIX}",
        std::process::id(),
        SEQUENCE.fetch_add(1, Ordering::Relaxed)
    ));
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::options()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, &target)?;
        sync_folder(&folder)
    };
    if let Err(error) = write() {
        // Best effort: the write already failed, and that is the error to report.
        let _ = std::fs::remove_file(&temporary);
        return Err(fail(error.to_string()));
    }
    remove_abandoned_temporaries(&folder);
    Ok(())
}

/// The file a path finally names after following every symbolic link (the path itself when it
/// is no link; a link to a missing file gives the missing file's path).
fn resolve_links(path: &Path) -> Result<PathBuf, String> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINK_HOPS {
        let is_link = std::fs::symlink_metadata(&current)
            .map(|metadata| metadata.file_type().is_symlink())
            .unwrap_or(false);
        if !is_link {
            return Ok(current);
        }
        let pointed = std::fs::read_link(&current).map_err(|error| error.to_string())?;
        current = if pointed.is_absolute() {
            pointed
        } else {
            current
                .parent()
                .map_or_else(|| pointed.clone(), |parent| parent.join(&pointed))
        };
    }
    Err(format!(
        "more than {MAX_LINK_HOPS} symbolic links in a row (a loop of links?)"
    ))
}

/// Flushes a folder's entries, so a rename survives a power cut.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::File::open(folder)?.sync_all()
}

/// Folders cannot be opened for flushing on this platform; the rename is what is available.
#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Removes temporaries in `folder` left by writes whose process is gone: ours
/// (`.NAME.PID.N.rp-tmp`) and those of earlier versions (`.NAME.PID.tmp` beside an existing
/// `NAME`).
fn remove_abandoned_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|name| temporary_pid(folder, name))
        else {
            continue;
        };
        if pid != std::process::id() && is_abandoned(pid, &entry) {
            // Best effort: another writer may have removed it first.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary's name, when the name has our pattern.
fn temporary_pid(folder: &Path, file_name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?;
    if let Some(rest) = rest.strip_suffix(TEMPORARY_SUFFIX) {
        let (rest, sequence) = rest.rsplit_once('.')?;
        let (_, pid) = rest.rsplit_once('.')?;
        sequence.parse::<u64>().ok()?;
        return pid.parse().ok();
    }
    let (target, pid) = rest.strip_suffix(".tmp")?.rsplit_once('.')?;
    let pid = pid.parse().ok()?;
    folder.join(target).is_file().then_some(pid)
}

/// Whether a temporary of process `pid` is abandoned: that process is gone (where the process
/// table can be read), else the file is over an hour old.
fn is_abandoned(pid: u32, entry: &std::fs::DirEntry) -> bool {
    let processes = Path::new("/proc/self");
    if processes.exists() {
        return !Path::new("/proc").join(pid.to_string()).exists();
    }
    entry
        .metadata()
        .and_then(|metadata| metadata.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|age| age.as_secs() > ABANDONED_AFTER_SECS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let folder = std::env::temp_dir().join(format!("rp-atomic-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        folder
    }

    #[test]
    fn the_file_is_replaced_whole_and_no_temporary_is_left() {
        let folder = folder("plain");
        let path = folder.join("out.bin");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
        assert!(write_atomically(&folder.join("missing/out.bin"), b"x").is_err());
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_and_its_target_in_another_folder_is_replaced_whole() {
        let folder = folder("link");
        std::fs::create_dir_all(folder.join("synced")).unwrap();
        let target = folder.join("synced/target.bin");
        let link = folder.join("link.bin");
        std::fs::write(&target, b"old").unwrap();
        let inode = |path: &Path| {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(path).unwrap().ino()
        };
        let old_inode = inode(&target);
        std::os::unix::fs::symlink("synced/target.bin", &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        // Replaced by a rename, not written in place.
        assert_ne!(inode(&target), old_inode);
        assert_eq!(std::fs::read_dir(folder.join("synced")).unwrap().count(), 1);
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_refused_and_a_device_is_written_through() {
        let folder = folder("loop");
        std::os::unix::fs::symlink("b", folder.join("a")).unwrap();
        std::os::unix::fs::symlink("a", folder.join("b")).unwrap();
        let error = write_atomically(&folder.join("a"), b"x").unwrap_err();
        assert!(error.message.contains("loop of links"), "{error}");
        assert!(write_atomically(Path::new("/dev/null"), b"x").is_ok());
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temporaries_of_processes_that_are_gone_are_removed_and_others_kept() {
        let folder = folder("stale");
        let path = folder.join("plan.ron");
        // Process ids above the kernel's limit (2^22) are never running.
        std::fs::write(&path, b"old").unwrap();
        let gone = folder.join(format!(".plan.ron.4999999.0{TEMPORARY_SUFFIX}"));
        let other_file = folder.join(format!(".quote.pdf.4999998.3{TEMPORARY_SUFFIX}"));
        let earlier_version = folder.join(".plan.ron.4999999.tmp");
        let alive = folder.join(format!(".plan.ron.1.0{TEMPORARY_SUFFIX}"));
        let not_ours = [
            folder.join(".notes.txt.4999999.tmp"),
            folder.join(".plan.ron.x.0.rp-tmp"),
            folder.join("plan.ron.4999999.0.rp-tmp"),
        ];
        for file in [&gone, &other_file, &earlier_version, &alive]
            .into_iter()
            .chain(&not_ours)
        {
            std::fs::write(file, b"partial").unwrap();
        }
        write_atomically(&path, b"whole").unwrap();
        assert!(!gone.exists() && !other_file.exists() && !earlier_version.exists());
        assert!(alive.exists() && not_ours.iter().all(|file| file.exists()));
        std::fs::remove_dir_all(&folder).unwrap();
    }
}

#[cfg(all(test, unix))]
mod kill_tests;
