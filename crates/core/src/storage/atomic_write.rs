//! Writing a file so that a crash never leaves it half-written: the bytes go to a temporary file
//! beside the target, are flushed to disk, then renamed over it. A target that exists and is not
//! a plain file (a symbolic link, a device such as `/dev/stdout`, a pipe) is written through
//! instead, since renaming over it would replace the link or device itself.

use crate::storage::error::SaveError;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically (see the module comment for special files).
///
/// # Errors
/// The file or its folder cannot be written.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |message: String| SaveError {
        path: path.to_owned(),
        message,
    };
    if let Ok(metadata) = std::fs::symlink_metadata(path)
        && !metadata.file_type().is_file()
    {
        return std::fs::write(path, bytes).map_err(|error| fail(error.to_string()));
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| fail("the path names no file".into()))?;
    let temporary = folder.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    };
    write().map_err(|error| {
        let _ = std::fs::remove_file(&temporary);
        fail(error.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_replaced_whole_and_no_temporary_is_left() {
        let folder = std::env::temp_dir().join(format!("rp-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
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
    fn a_symbolic_link_is_written_through_not_replaced() {
        let folder = std::env::temp_dir().join(format!("rp-atomic-link-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let target = folder.join("target.bin");
        let link = folder.join("link.bin");
        std::fs::write(&target, b"old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
