//! The user's preferences (the length unit for showing and typing dimensions, the files used
//! lately, the 3D view's quality), kept in a small RON file in the per-user configuration folder and saved whenever
//! they change.

use crate::notices::Notices;
use bevy::prelude::*;
use room_planner_core::domain::values::length_units::LengthUnit;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// What the user chose in the preferences.
#[derive(Resource, Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Preferences {
    /// Unit for dimensions shown in the plan and sidebar and for typed lengths.
    pub length_unit: LengthUnit,
    /// Layout files opened or saved lately, the latest first (File → Open Recent).
    pub recent_files: Vec<PathBuf>,
    /// How the 3D view is drawn (View → 3D quality).
    pub graphics: GraphicsChoice,
}

/// The 3D view's quality as chosen in View → 3D quality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum GraphicsChoice {
    /// Fast on a software or low-end graphics adapter, full on a real GPU.
    #[default]
    Automatic,
    /// Shadows, smoothed edges and both lights whatever the adapter.
    Full,
    /// No shadows, no smoothing of edges, one light: for software adapters.
    Fast,
}

/// How many files File → Open Recent lists.
pub const RECENT_FILES: usize = 10;

impl Preferences {
    /// Puts `path` first among the recent files (once), keeping at most [`RECENT_FILES`].
    pub fn remember_recent(&mut self, path: &std::path::Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.recent_files.retain(|known| *known != path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(RECENT_FILES);
    }

    /// The preferences file: `$ROOM_PLANNER_CONFIG_DIR/preferences.ron`, else the OS's
    /// configuration folder.
    #[must_use]
    pub fn path() -> Option<PathBuf> {
        std::env::var_os("ROOM_PLANNER_CONFIG_DIR")
            .map(PathBuf::from)
            .or_else(|| dirs::config_dir().map(|dir| dir.join("room-planner")))
            .map(|dir| dir.join("preferences.ron"))
    }

    /// Reads the preferences; a missing file gives the defaults, a damaged one the defaults
    /// and a message naming the file and what was wrong.
    #[must_use]
    pub fn load(path: Option<&std::path::Path>) -> (Self, Option<String>) {
        let Some(path) = path else {
            return (Self::default(), None);
        };
        match std::fs::read_to_string(path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => (Self::default(), None),
            Err(error) => (
                Self::default(),
                Some(format!("{}: cannot be read: {error}", path.display())),
            ),
            // The core's reader: located errors, fields written twice refused, escaped text.
            Ok(text) => match room_planner_core::storage::parse_ron::<Preferences>(path, &text) {
                Ok(preferences) => (preferences, None),
                Err(error) => (
                    Self::default(),
                    Some(format!("{error} (using the default preferences)")),
                ),
            },
        }
    }

    /// Writes the preferences.
    ///
    /// # Errors
    /// The folder cannot be made or the file cannot be written.
    pub fn save(&self, path: &std::path::Path) -> Result<(), String> {
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|error| error.to_string())?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|error| format!("{}: {error}", dir.display()))?;
        }
        room_planner_core::storage::atomic_write::write_atomically(path, text.as_bytes())
            .map_err(|error| format!("{}: {error}", path.display()))
    }
}

/// The preferences plugin: loads at start, saves on change.
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Preferences>()
        .add_systems(Startup, load_preferences)
        .add_systems(Update, save_changed_preferences);
}

fn load_preferences(mut preferences: ResMut<Preferences>, mut notices: ResMut<Notices>) {
    let (loaded, problem) = Preferences::load(Preferences::path().as_deref());
    // Set without marking changed, so loading does not write the file back.
    *preferences.bypass_change_detection() = loaded;
    if let Some(problem) = problem {
        notices.error(problem);
    }
}

fn save_changed_preferences(preferences: Res<Preferences>, mut notices: ResMut<Notices>) {
    if !preferences.is_changed() || preferences.is_added() {
        return;
    }
    if let Some(path) = Preferences::path()
        && let Err(problem) = preferences.save(&path)
    {
        notices.error(format!("The preferences could not be saved: {problem}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_round_trip_and_damage_is_reported_with_its_place() {
        let dir = std::env::temp_dir().join(format!("room-planner-prefs-{}", std::process::id()));
        let path = dir.join("preferences.ron");
        let mut chosen = Preferences {
            length_unit: LengthUnit::Inches,
            recent_files: Vec::new(),
            graphics: GraphicsChoice::Fast,
        };
        for index in 0..12 {
            chosen.remember_recent(&dir.join(format!("layout-{index}.ron")));
        }
        chosen.remember_recent(&dir.join("layout-5.ron"));
        assert_eq!(chosen.recent_files.len(), RECENT_FILES);
        assert_eq!(chosen.recent_files[0], dir.join("layout-5.ron"));
        assert_eq!(chosen.recent_files[1], dir.join("layout-11.ron"));
        assert!(!chosen.recent_files.contains(&dir.join("layout-1.ron")));
        assert_eq!(chosen.save(&path), Ok(()));
        assert_eq!(Preferences::load(Some(&path)), (chosen, None));
        std::fs::write(&path, "(length_unit: Furlongs)").unwrap_or_default();
        let (fallback, problem) = Preferences::load(Some(&path));
        assert_eq!(fallback, Preferences::default());
        let problem = problem.unwrap_or_default();
        assert!(problem.contains("preferences.ron:1:"), "{problem}");
        std::fs::write(
            &path,
            "(\n    length_unit: Inches,\n    length_unit: Metres,\n)",
        )
        .unwrap_or_default();
        let (fallback, problem) = Preferences::load(Some(&path));
        assert_eq!(fallback, Preferences::default());
        let problem = problem.unwrap_or_default();
        assert!(
            problem.contains("preferences.ron:3:5: field `length_unit` is written twice"),
            "{problem}"
        );
        assert_eq!(
            Preferences::load(Some(&dir.join("missing.ron"))),
            (Preferences::default(), None)
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
