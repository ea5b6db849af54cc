//! Choosing a file without ever blocking a frame: the system's dialog runs on its own thread;
//! where the system has none (no desktop portal, no zenity) or it fails, Room Planner's own
//! dialog opens in the window instead, with the same filters, and the user is told once why.

use crate::files::FileRequested;
use crate::notices::Notices;
use crate::pacing::wake::Wakeups;
use bevy::prelude::*;
use room_planner_core::domain::values::ids::ProductInstanceId;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// Environment variable: `builtin` always uses Room Planner's own file dialog.
pub const FILE_DIALOG_ENV: &str = "ROOM_PLANNER_FILE_DIALOG";

/// A system dialog that answers "nothing chosen" faster than this never showed: nobody
/// cancels a dialog within a third of a second.
const FASTEST_CANCEL: Duration = Duration::from_millis(300);

/// What a chosen file is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogPurpose {
    /// Open it as the layout.
    Open,
    /// Save the layout to it, then go on with `then` (what the user asked for before being
    /// asked to save).
    Save {
        /// The request waiting for the save.
        then: Option<FileRequested>,
    },
    /// Write the quote to it (PDF, XLSX or CSV by extension).
    ExportQuote,
    /// Write the quote as CSV.
    ExportCsv,
    /// Write a picture of the view.
    ExportImage,
    /// Write the production sheet (PDF).
    ExportProduction,
    /// Use it as the customer's image for a product's personalization.
    ChooseImage {
        /// The placed product.
        product: ProductInstanceId,
        /// The personalization's id.
        personal: String,
    },
}

/// How the dialog looks: its title, filters and suggested name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogSpec {
    /// The window title.
    pub title: &'static str,
    /// Named filters: name and extensions without dots; the first is the default.
    pub filters: Vec<(&'static str, Vec<&'static str>)>,
    /// The suggested file name (save dialogs).
    pub file_name: Option<String>,
    /// True for a save dialog, false for an open dialog.
    pub saving: bool,
    /// The folder it starts in (the layout's own folder), else the working folder.
    pub folder: Option<PathBuf>,
}

impl DialogSpec {
    /// The dialog for `purpose`; `name` is the suggested file name when saving.
    #[must_use]
    pub fn for_purpose(purpose: &DialogPurpose, name: &str) -> Self {
        let layout = vec![("Room Planner layout", vec!["ron"])];
        let (title, filters, saving) = match purpose {
            DialogPurpose::Open => ("Open layout", layout, false),
            DialogPurpose::Save { .. } => ("Save layout", layout, true),
            DialogPurpose::ExportQuote => (
                "Export quote",
                vec![
                    ("PDF quote", vec!["pdf"]),
                    ("Excel workbook", vec!["xlsx"]),
                    ("CSV for the ERP", vec!["csv"]),
                ],
                true,
            ),
            DialogPurpose::ExportCsv => ("Export quote as CSV", vec![("CSV", vec!["csv"])], true),
            DialogPurpose::ExportImage => ("Export image", vec![("PNG image", vec!["png"])], true),
            DialogPurpose::ExportProduction => (
                "Export production sheet",
                vec![("PDF production sheet", vec!["pdf"])],
                true,
            ),
            DialogPurpose::ChooseImage { .. } => (
                "Choose the customer's image",
                vec![("PNG or JPEG image", vec!["png", "jpg", "jpeg"])],
                false,
            ),
        };
        Self {
            title,
            filters,
            file_name: saving.then(|| name.to_owned()),
            saving,
            folder: None,
        }
    }

    /// `path` with the default extension added when it has none (a typed name "kitchen"
    /// saves as "kitchen.ron").
    #[must_use]
    pub fn with_extension(&self, mut path: PathBuf) -> PathBuf {
        if self.saving
            && path.extension().is_none()
            && let Some(extension) = self.filters.first().and_then(|(_, ext)| ext.first())
        {
            path.set_extension(extension);
        }
        path
    }
}

/// What the system dialog gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NativeOutcome {
    /// The user chose this file.
    Chosen(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog showed, and why.
    Unavailable(String),
}

/// The system's file dialog. Runs on its own thread, so it may block.
pub trait NativeDialogs: Send + Sync + 'static {
    /// Shows the dialog and waits for the user.
    fn show(&self, spec: &DialogSpec) -> NativeOutcome;
}

/// The system's dialog through `rfd` (the desktop portal, else zenity).
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemDialogs;

impl NativeDialogs for SystemDialogs {
    // The one place the system's blocking dialog is called: on the dialog's own thread.
    #[allow(clippy::disallowed_methods)]
    fn show(&self, spec: &DialogSpec) -> NativeOutcome {
        if let Some(why) = system_dialog_missing() {
            return NativeOutcome::Unavailable(why);
        }
        let mut dialog = rfd::FileDialog::new().set_title(spec.title);
        for (name, extensions) in &spec.filters {
            dialog = dialog.add_filter(*name, extensions);
        }
        if let Some(name) = &spec.file_name {
            dialog = dialog.set_file_name(name);
        }
        if let Some(folder) = &spec.folder {
            dialog = dialog.set_directory(folder);
        }
        let started = Instant::now();
        let chosen = if spec.saving {
            dialog.save_file()
        } else {
            dialog.pick_file()
        };
        match chosen {
            Some(path) => NativeOutcome::Chosen(path),
            None if started.elapsed() < FASTEST_CANCEL => NativeOutcome::Unavailable(
                "The system file dialog did not open (no desktop portal or zenity answered)"
                    .to_owned(),
            ),
            None => NativeOutcome::Cancelled,
        }
    }
}

/// Why the system cannot show a dialog, when that is known before trying.
fn system_dialog_missing() -> Option<String> {
    if std::env::var(FILE_DIALOG_ENV).is_ok_and(|value| value == "builtin") {
        return Some(format!(
            "{FILE_DIALOG_ENV}=builtin chooses the built-in file dialog"
        ));
    }
    if cfg!(target_os = "linux") {
        let session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
        let zenity = std::env::var_os("PATH").is_some_and(|paths| {
            std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file())
        });
        if !session_bus && !zenity {
            return Some(
                "This desktop has no file dialog service (no desktop portal, no zenity)".to_owned(),
            );
        }
    }
    None
}

/// A file the user chose, and what for.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct FileChosen {
    /// What the file is for.
    pub purpose: DialogPurpose,
    /// The file.
    pub path: PathBuf,
}

/// Room Planner's own dialog, open in the window.
pub struct InAppDialog {
    /// What the file is for.
    pub purpose: DialogPurpose,
    /// How it was asked for (for the extension of typed names).
    pub spec: DialogSpec,
    /// The egui dialog.
    pub dialog: egui_file_dialog::FileDialog,
}

struct Waiting {
    purpose: DialogPurpose,
    spec: DialogSpec,
    /// In a mutex only so the resource is `Sync`; one system reads it.
    answer: Mutex<Receiver<NativeOutcome>>,
}

/// The file dialogs: at most one open at a time, system or built-in.
#[derive(Resource)]
pub struct FileDialogs {
    native: Arc<dyn NativeDialogs>,
    /// Set once the system dialog failed: later dialogs go straight to the built-in one.
    native_failed: bool,
    waiting: Option<Waiting>,
    /// The built-in dialog, while it is open.
    pub in_app: Option<InAppDialog>,
    /// Wakes the idle window when the system dialog answers.
    pub wakeups: Wakeups,
}

impl Default for FileDialogs {
    fn default() -> Self {
        Self::with_native(Arc::new(SystemDialogs))
    }
}

impl FileDialogs {
    /// Dialogs using `native` as the system's.
    #[must_use]
    pub fn with_native(native: Arc<dyn NativeDialogs>) -> Self {
        Self {
            native,
            native_failed: false,
            waiting: None,
            in_app: None,
            wakeups: Wakeups::default(),
        }
    }

    /// True while a dialog is open.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.waiting.is_some() || self.in_app.is_some()
    }

    /// Asks for a file for `purpose`.
    ///
    /// # Errors
    /// Another file dialog is still open.
    pub fn request(&mut self, purpose: DialogPurpose, spec: DialogSpec) -> Result<(), String> {
        if self.is_open() {
            return Err(format!(
                "{}: another file dialog is still open; finish it first",
                spec.title
            ));
        }
        if self.native_failed {
            self.open_in_app(purpose, spec);
            return Ok(());
        }
        let (sender, answer) = channel();
        let native = Arc::clone(&self.native);
        let shown = spec.clone();
        let wakeups = self.wakeups.clone();
        let spawned = std::thread::Builder::new()
            .name("file dialog".into())
            .spawn(move || {
                // The receiver is gone only when the app has quit; nobody is left to tell.
                sender.send(native.show(&shown)).ok();
                wakeups.now();
            });
        match spawned {
            Ok(_) => {
                self.waiting = Some(Waiting {
                    purpose,
                    spec,
                    answer: Mutex::new(answer),
                });
                Ok(())
            }
            Err(error) => {
                self.native_failed = true;
                self.open_in_app(purpose, spec);
                Err(format!(
                    "The system file dialog could not be started ({error}); using the built-in one"
                ))
            }
        }
    }

    fn open_in_app(&mut self, purpose: DialogPurpose, spec: DialogSpec) {
        let mut dialog = egui_file_dialog::FileDialog::new()
            .title(spec.title)
            .id(egui::Id::new("room planner file dialog"));
        if let Some(folder) = spec
            .folder
            .clone()
            .filter(|folder| folder.is_dir())
            .or_else(|| std::env::current_dir().ok())
        {
            dialog = dialog.initial_directory(folder);
        }
        for (name, extensions) in &spec.filters {
            dialog = dialog.add_file_filter_extensions(name, extensions.clone());
            if spec.saving
                && let Some(extension) = extensions.first()
            {
                dialog = dialog.add_save_extension(name, extension);
            }
        }
        if let Some((name, _)) = spec.filters.first() {
            dialog = dialog.default_file_filter(name);
            if spec.saving {
                dialog = dialog.default_save_extension(name);
            }
        }
        if let Some(name) = &spec.file_name {
            dialog = dialog.default_file_name(name);
        }
        if spec.saving {
            dialog.save_file();
        } else {
            dialog.pick_file();
        }
        self.in_app = Some(InAppDialog {
            purpose,
            spec,
            dialog,
        });
    }
}

use bevy_egui::egui;

/// Lets the system dialog's thread wake the idle window when it answers.
pub(crate) fn connect_wakeups(mut dialogs: ResMut<FileDialogs>, wakeups: Option<Res<Wakeups>>) {
    if let Some(wakeups) = wakeups {
        dialogs.wakeups = wakeups.clone();
    }
}

/// Collects the system dialog's answer; opens the built-in dialog where it failed.
pub(crate) fn poll_system_dialog(
    mut dialogs: ResMut<FileDialogs>,
    mut notices: ResMut<Notices>,
    mut chosen: MessageWriter<FileChosen>,
) {
    let Some(waiting) = dialogs.waiting.as_ref() else {
        return;
    };
    let received = match waiting.answer.lock() {
        Ok(answer) => answer.try_recv(),
        Err(_) => Err(TryRecvError::Disconnected),
    };
    let outcome = match received {
        Ok(outcome) => outcome,
        Err(TryRecvError::Empty) => return,
        Err(TryRecvError::Disconnected) => {
            NativeOutcome::Unavailable("The system file dialog stopped without answering".into())
        }
    };
    let Some(Waiting { purpose, spec, .. }) = dialogs.waiting.take() else {
        return;
    };
    match outcome {
        NativeOutcome::Chosen(path) => {
            chosen.write(FileChosen {
                path: spec.with_extension(path),
                purpose,
            });
        }
        NativeOutcome::Cancelled => {}
        NativeOutcome::Unavailable(why) => {
            notices.info(format!("{why}; using Room Planner's own file dialog"));
            dialogs.native_failed = true;
            dialogs.open_in_app(purpose, spec);
        }
    }
}

/// Draws the built-in dialog while it is open and passes on what was chosen.
pub(crate) fn in_app_dialog_ui(
    mut contexts: bevy_egui::EguiContexts,
    mut dialogs: ResMut<FileDialogs>,
    mut chosen: MessageWriter<FileChosen>,
) -> Result {
    let Some(open) = dialogs.in_app.as_mut() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    open.dialog.update(ctx);
    let picked = open.dialog.take_picked();
    let closed = matches!(
        open.dialog.state(),
        egui_file_dialog::DialogState::Closed | egui_file_dialog::DialogState::Cancelled
    );
    if let Some(path) = picked {
        if let Some(InAppDialog { purpose, spec, .. }) = dialogs.in_app.take() {
            chosen.write(FileChosen {
                path: spec.with_extension(path),
                purpose,
            });
        }
    } else if closed {
        dialogs.in_app = None;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_names_get_the_default_extension_when_saving_only() {
        let save = DialogSpec::for_purpose(&DialogPurpose::Save { then: None }, "kitchen");
        assert_eq!(save.file_name.as_deref(), Some("kitchen"));
        assert_eq!(
            save.with_extension(PathBuf::from("/tmp/kitchen")),
            PathBuf::from("/tmp/kitchen.ron")
        );
        assert_eq!(
            save.with_extension(PathBuf::from("/tmp/kitchen.txt")),
            PathBuf::from("/tmp/kitchen.txt")
        );
        let quote = DialogSpec::for_purpose(&DialogPurpose::ExportQuote, "Q-1.pdf");
        assert_eq!(
            quote.with_extension(PathBuf::from("/tmp/Q-1")),
            PathBuf::from("/tmp/Q-1.pdf")
        );
        let open = DialogSpec::for_purpose(&DialogPurpose::Open, "ignored");
        assert_eq!(open.file_name, None);
        assert_eq!(
            open.with_extension(PathBuf::from("/tmp/plan")),
            PathBuf::from("/tmp/plan")
        );
    }
}
