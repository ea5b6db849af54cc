//! Autosave and crash recovery, on the wall clock: unsaved work is copied to the recovery file
//! after every minute of it (real time, however slow the frames), and at once before an action
//! that could lose it (open, new, quit). At start the copy is offered back only when it is
//! newer than the file it belongs to; saving or explicitly discarding the work removes it.

use crate::document::Document;
use crate::files::{PendingQuestion, Question};
use crate::notices::Notices;
use crate::pacing::wake::Wakeups;
use bevy::prelude::*;
use room_planner_core::storage::layout_file::save_layout;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// How much unsaved work (wall-clock time) is at most lost to a crash.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(60);

/// Where autosaved work goes, and how far the autosave has got.
#[derive(Resource, Debug, Clone)]
pub struct Recovery {
    /// The recovery copy of the layout.
    pub layout_file: PathBuf,
    /// The original file's path, written beside it.
    pub origin_file: PathBuf,
    /// Wall-clock seconds (since start) when the work not yet copied became unsaved.
    unsaved_since_s: Option<f64>,
    autosaved_revision: Option<u64>,
}

impl Recovery {
    /// Recovery files in `folder`.
    #[must_use]
    pub fn in_folder(folder: &Path) -> Self {
        Self {
            layout_file: folder.join("recovery.ron"),
            origin_file: folder.join("recovery-origin.txt"),
            unsaved_since_s: None,
            autosaved_revision: None,
        }
    }

    /// The per-user folder: `$ROOM_PLANNER_RECOVERY_DIR`, else the data folder of the OS.
    #[must_use]
    pub fn default_folder() -> PathBuf {
        std::env::var_os("ROOM_PLANNER_RECOVERY_DIR")
            .map(PathBuf::from)
            .or_else(|| dirs::data_local_dir().map(|dir| dir.join("room-planner")))
            .unwrap_or_else(|| std::env::temp_dir().join("room-planner"))
    }

    /// Removes the recovery copy (after a save, or when the user threw the work away).
    ///
    /// # Errors
    /// A recovery file exists and cannot be removed.
    pub fn discard(&mut self) -> Result<(), String> {
        self.autosaved_revision = None;
        self.unsaved_since_s = None;
        for file in [&self.layout_file, &self.origin_file] {
            match std::fs::remove_file(file) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                    return Err(format!("{}: cannot be removed: {error}", file.display()));
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Copies unsaved work now, unless this revision is already copied.
    ///
    /// # Errors
    /// The recovery folder or files cannot be written.
    pub fn autosave_now(&mut self, document: &Document) -> Result<(), String> {
        if !document.is_dirty() || self.autosaved_revision == Some(document.revision()) {
            return Ok(());
        }
        write_recovery(self, document)?;
        self.autosaved_revision = Some(document.revision());
        Ok(())
    }

    /// When (wall-clock seconds since start) the unsaved work not yet copied is due, if any.
    #[must_use]
    pub fn autosave_due_at_s(&self, document: &Document) -> Option<f64> {
        let copied = self.autosaved_revision == Some(document.revision());
        if !document.is_dirty() || copied {
            return None;
        }
        self.unsaved_since_s
            .map(|since| since + AUTOSAVE_EVERY.as_secs_f64())
    }

    /// Called every frame with the wall-clock time: true when a minute of unsaved work has
    /// gone by since it was last copied.
    fn autosave_due(&mut self, document: &Document, now_s: f64) -> bool {
        let copied = self.autosaved_revision == Some(document.revision());
        if !document.is_dirty() || copied {
            if !document.is_dirty() {
                self.unsaved_since_s = None;
            }
            return false;
        }
        let since = *self.unsaved_since_s.get_or_insert(now_s);
        now_s - since >= AUTOSAVE_EVERY.as_secs_f64()
    }
}

/// Copies unsaved work to the recovery file after each minute of it, on `Time<Real>`; an idle
/// window is woken for it.
pub(crate) fn autosave(
    time: Res<Time<Real>>,
    document: Res<Document>,
    recovery: Option<ResMut<Recovery>>,
    mut notices: ResMut<Notices>,
    wakeups: Option<Res<Wakeups>>,
) {
    let Some(mut recovery) = recovery else { return };
    let now_s = time.elapsed_secs_f64();
    if !recovery.autosave_due(&document, now_s) {
        if let (Some(wakeups), Some(due_s)) = (wakeups, recovery.autosave_due_at_s(&document)) {
            let now = time.last_update().unwrap_or_else(Instant::now);
            wakeups.at(now + Duration::from_secs_f64((due_s - now_s).max(0.0)));
        }
        return;
    }
    // The next minute counts from this copy, whether or not it worked (a failing disk is
    // reported once a minute, not every frame).
    recovery.unsaved_since_s = Some(now_s);
    if let Err(problem) = recovery.autosave_now(&document) {
        notices.error(format!("Autosave failed: {problem}"));
    }
}

/// Writes the recovery copy (atomically) and the original path beside it.
///
/// # Errors
/// The folder or files cannot be written.
pub fn write_recovery(recovery: &Recovery, document: &Document) -> Result<(), String> {
    if let Some(folder) = recovery.layout_file.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|error| format!("{}: {error}", folder.display()))?;
    }
    save_layout(&recovery.layout_file, &document.layout).map_err(|error| error.to_string())?;
    let origin = document
        .path
        .as_ref()
        .map(|path| path.display().to_string())
        .unwrap_or_default();
    room_planner_core::storage::atomic_write::write_atomically(
        &recovery.origin_file,
        origin.as_bytes(),
    )
    .map_err(|error| format!("{}: {error}", recovery.origin_file.display()))
}

/// The file the recovered work belonged to, if it had one.
#[must_use]
pub fn recovered_origin(recovery: &Recovery) -> Option<PathBuf> {
    std::fs::read_to_string(&recovery.origin_file)
        .ok()
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
        .map(PathBuf::from)
}

/// Whether the recovery copy is worth offering: it exists and is newer than the file it
/// belongs to (a file saved after the copy supersedes it).
#[must_use]
pub fn worth_offering(recovery: &Recovery) -> Option<SystemTime> {
    let copied = std::fs::metadata(&recovery.layout_file)
        .and_then(|metadata| metadata.modified())
        .ok()?;
    let saved = recovered_origin(recovery)
        .and_then(|origin| std::fs::metadata(origin).ok())
        .and_then(|metadata| metadata.modified().ok());
    match saved {
        Some(saved) if saved >= copied => None,
        _ => Some(copied),
    }
}

/// At start, asks whether to recover autosaved work left by a run that did not end cleanly;
/// a copy older than its saved file is removed instead.
pub(crate) fn offer_recovery(
    recovery: Option<ResMut<Recovery>>,
    mut question: ResMut<PendingQuestion>,
    mut notices: ResMut<Notices>,
) {
    let Some(mut recovery) = recovery else { return };
    if !recovery.layout_file.exists() {
        return;
    }
    let Some(copied) = worth_offering(&recovery) else {
        if let Err(problem) = recovery.discard() {
            notices.error(problem);
        }
        return;
    };
    let saved_at = copied.elapsed().map_or_else(
        |_| "just now".to_owned(),
        |ago| match ago.as_secs() / 60 {
            0 => "less than a minute ago".to_owned(),
            1 => "a minute ago".to_owned(),
            minutes => format!("{minutes} minutes ago"),
        },
    );
    let original = recovered_origin(&recovery).map(|path| path.display().to_string());
    question.0 = Some(Question::Recover { saved_at, original });
}

#[cfg(test)]
mod tests {
    use super::*;
    use room_planner_core::domain::layout::{FORMAT_VERSION, Layout};

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "room-planner-recovery-{name}-{}",
            std::process::id()
        ));
        std::fs::remove_dir_all(&dir).ok();
        dir
    }

    fn dirty_document() -> Document {
        let layout = Layout {
            format_version: FORMAT_VERSION,
            catalogs: Vec::new(),
            walls: Vec::new(),
            openings: Vec::new(),
            rooms: Vec::new(),
            products: Vec::new(),
            customer: Default::default(),
            quote: Default::default(),
        };
        Document::unsaved(layout, None)
    }

    #[test]
    fn a_minute_of_unsaved_wall_clock_time_is_due_whatever_the_frame_rate() {
        for frame_s in [1.0, 1.0 / 60.0] {
            let mut recovery = Recovery::in_folder(&folder("due"));
            let document = dirty_document();
            let mut now_s = 0.0;
            let mut due_at = None;
            while now_s < 120.0 && due_at.is_none() {
                if recovery.autosave_due(&document, now_s) {
                    due_at = Some(now_s);
                }
                now_s += frame_s;
            }
            let due_at = due_at.unwrap_or(f64::INFINITY);
            assert!(
                (60.0..60.0 + frame_s + 1e-9).contains(&due_at),
                "{frame_s}: {due_at}"
            );
        }
    }

    #[test]
    fn an_idle_window_is_woken_when_the_copy_is_due_and_not_again_once_copied() {
        let mut recovery = Recovery::in_folder(&folder("wake"));
        let document = dirty_document();
        assert!(!recovery.autosave_due(&document, 5.0));
        assert_eq!(recovery.autosave_due_at_s(&document), Some(65.0));
        assert!(recovery.autosave_due(&document, 65.0));
        recovery.unsaved_since_s = Some(65.0);
        recovery
            .autosave_now(&document)
            .expect("the recovery folder is writable");
        // The copy is current: no timer may keep waking the window for it.
        assert_eq!(recovery.autosave_due_at_s(&document), None);
        assert!(!recovery.autosave_due(&document, 200.0));
    }

    #[test]
    fn a_copy_older_than_its_saved_file_is_not_offered_and_discard_removes_it() {
        let dir = folder("offer");
        let mut recovery = Recovery::in_folder(&dir);
        let document = dirty_document();
        assert_eq!(recovery.autosave_now(&document), Ok(()));
        assert!(worth_offering(&recovery).is_some());
        // A saved file written after the copy supersedes it.
        let saved = dir.join("saved.ron");
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&saved, "saved").ok();
        std::fs::write(&recovery.origin_file, saved.display().to_string()).ok();
        assert_eq!(worth_offering(&recovery), None);
        assert_eq!(recovery.discard(), Ok(()));
        assert!(!recovery.layout_file.exists() && !recovery.origin_file.exists());
        assert_eq!(recovery.discard(), Ok(()));
        std::fs::remove_dir_all(dir).ok();
    }
}
