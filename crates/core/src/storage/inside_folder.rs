//! Paths named inside a file (a dealer's logo, a catalog's glTF models) stay inside their folder
//! even after following symbolic links: a link inside the folder pointing elsewhere is refused.

use std::path::{Component, Path, PathBuf};
use thiserror::Error;

/// Why a named path cannot be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum OutsideFolder {
    /// Empty, absolute, or climbing out with `..`.
    #[error("must be a relative path inside the folder, without `..`")]
    NotRelative,
    /// The file (or a folder on its way) cannot be found or read.
    #[error("cannot be read: {0}")]
    Unreadable(String),
    /// A symbolic link leads out of the folder.
    #[error("leads outside the folder through a symbolic link")]
    ThroughLink,
}

/// The real path of `relative` inside `folder`, all links followed.
///
/// # Errors
/// The path is not plainly relative, cannot be resolved, or ends up outside the folder.
pub fn resolve_inside(folder: &Path, relative: &Path) -> Result<PathBuf, OutsideFolder> {
    let plain = !relative.as_os_str().is_empty()
        && relative
            .components()
            .all(|component| matches!(component, Component::Normal(_)));
    if !plain {
        return Err(OutsideFolder::NotRelative);
    }
    let unreadable = |error: std::io::Error| OutsideFolder::Unreadable(error.to_string());
    let real_folder = folder.canonicalize().map_err(unreadable)?;
    let real_file = folder.join(relative).canonicalize().map_err(unreadable)?;
    if real_file.starts_with(&real_folder) {
        Ok(real_file)
    } else {
        Err(OutsideFolder::ThroughLink)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_files_resolve_and_escapes_are_refused() {
        let root = std::env::temp_dir().join(format!("rp-inside-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let folder = root.join("settings");
        std::fs::create_dir_all(folder.join("pictures")).unwrap();
        std::fs::write(folder.join("pictures/logo.png"), b"png").unwrap();
        std::fs::write(root.join("secret.png"), b"secret").unwrap();
        assert!(resolve_inside(&folder, Path::new("pictures/logo.png")).is_ok());
        assert_eq!(
            resolve_inside(&folder, Path::new("../secret.png")),
            Err(OutsideFolder::NotRelative)
        );
        assert_eq!(
            resolve_inside(&folder, Path::new("")),
            Err(OutsideFolder::NotRelative)
        );
        assert!(matches!(
            resolve_inside(&folder, Path::new("missing.png")),
            Err(OutsideFolder::Unreadable(_))
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("../secret.png", folder.join("logo.png")).unwrap();
            assert_eq!(
                resolve_inside(&folder, Path::new("logo.png")),
                Err(OutsideFolder::ThroughLink)
            );
            // A link that stays inside is fine.
            std::os::unix::fs::symlink("pictures/logo.png", folder.join("inner.png")).unwrap();
            assert!(resolve_inside(&folder, Path::new("inner.png")).is_ok());
        }
        std::fs::remove_dir_all(&root).unwrap();
    }
}
