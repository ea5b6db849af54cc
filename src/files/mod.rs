//! Files: New / Open / Open Recent / Save / Save As, asking before unsaved changes are thrown
//! away, and the exports. File choices go through [`dialogs`] (never blocking a frame),
//! autosave and recovery through [`recovery`], quote and image files through [`export`].
//! A file that fails to load shows its located error and leaves the current layout untouched;
//! a save that fails keeps the work and says why.

pub mod dialogs;
pub mod export;
pub mod personal_image;
pub mod recovery;
pub mod title;

use crate::AppSystems;
use crate::catalogs::Catalogs;
use crate::document::{Document, EditRequested, LayoutSaved, ReplaceRequested};
use crate::editor::pointer::MainCamera;
use crate::live::LiveState;
use crate::notices::Notices;
use crate::preferences::Preferences;
use bevy::prelude::*;
use bevy::window::WindowCloseRequested;
use dialogs::{DialogPurpose, DialogSpec, FileChosen, FileDialogs};
use recovery::Recovery;
use room_planner_core::domain::layout::room_templates::{RoomTemplate, WallBuild, template_walls};
use room_planner_core::domain::layout::{CatalogRef, FORMAT_VERSION, Layout};
use room_planner_core::domain::values::ids::ProductInstanceId;
use room_planner_core::storage::layout_file::save_layout;
use std::path::{Path, PathBuf};

/// A file command from the menu, a shortcut or a button.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum FileRequested {
    /// Ask which room to start a new layout from (opens the "New layout" window).
    New,
    /// Start a new layout from a room template (asks first about unsaved changes).
    NewFromTemplate(RoomTemplate, WallBuild),
    /// Open a layout file, chosen in a dialog.
    Open,
    /// Open a layout file used before.
    OpenRecent(PathBuf),
    /// Save to the current file (asks for one if there is none).
    Save,
    /// Save to a new file.
    SaveAs,
    /// Write the quote as CSV.
    ExportCsv,
    /// Write the quote as PDF, XLSX or CSV (chosen in the save dialog).
    ExportQuote,
    /// Write a picture of the current view.
    ExportImage,
    /// Write the production sheet for the factory (PDF).
    ExportProduction,
    /// Choose the customer's image for a product's `Image` personalization (asks to save a
    /// layout that has no file yet: the image is kept beside it).
    ChooseImage {
        /// The placed product.
        product: ProductInstanceId,
        /// The personalization's id.
        personal: String,
    },
    /// Leave the program.
    Quit,
}

impl FileRequested {
    /// True for requests that replace or leave the document, so unsaved work needs a word.
    #[must_use]
    pub fn replaces_document(&self) -> bool {
        matches!(
            self,
            Self::NewFromTemplate(..) | Self::Open | Self::OpenRecent(_) | Self::Quit
        )
    }
}

/// Set when the user asked for a new layout: the sidebar opens the "New layout" window.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct NewLayoutWanted(pub bool);

/// A question waiting for the user's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// There are unsaved changes; `then` runs once they are saved or discarded.
    DiscardChanges {
        /// The document's name.
        document: String,
        /// What the user asked for.
        then: FileRequested,
    },
    /// The layout breaks constraints; export the quote anyway (it will carry a notice)?
    ExportWithViolations {
        /// How many violations.
        count: usize,
    },
    /// A recovery file from an earlier run exists.
    Recover {
        /// When it was written, for the user.
        saved_at: String,
        /// The file the work belonged to.
        original: Option<String>,
    },
}

/// The open question, if any.
#[derive(Resource, Debug, Default)]
pub struct PendingQuestion(pub Option<Question>);

/// Answers to the questions the program asks (discard changes, recover work).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogAnswer {
    /// Save first, then go on.
    Save,
    /// Go on without saving / use the recovered work.
    Proceed,
    /// Do not go on / throw the recovered work away.
    Cancel,
}

/// The user's answer to the open question.
#[derive(Message, Debug, Clone, Copy)]
pub struct DialogAnswered(pub DialogAnswer);

/// The files plugin (window only; the sidebar draws the built-in file dialog).
pub fn plugin(app: &mut App) {
    app.add_message::<FileRequested>()
        .add_message::<DialogAnswered>()
        .add_message::<FileChosen>()
        .init_resource::<PendingQuestion>()
        .init_resource::<NewLayoutWanted>()
        .init_resource::<FileDialogs>()
        .add_systems(
            Startup,
            (recovery::offer_recovery, dialogs::connect_wakeups),
        )
        .add_systems(
            Update,
            (
                close_requests_quit,
                answer_questions,
                handle_file_requests,
                dialogs::poll_system_dialog,
                use_chosen_files,
                recovery::autosave,
                title::update_title,
                export::report_exports,
            )
                .chain()
                .in_set(AppSystems::Input),
        );
}

/// An empty layout using every loaded catalog.
#[must_use]
pub fn empty_layout(catalogs: &Catalogs) -> Layout {
    Layout {
        format_version: FORMAT_VERSION,
        catalogs: catalogs
            .set
            .catalogs
            .iter()
            .map(|catalog| CatalogRef {
                id: catalog.id.clone(),
                version: catalog.version.clone(),
            })
            .collect(),
        walls: Vec::new(),
        openings: Vec::new(),
        rooms: Vec::new(),
        products: Vec::new(),
        customer: Default::default(),
        quote: Default::default(),
    }
}

/// Loads and checks a layout file against the catalogs (the core's
/// [`open_layout`](room_planner_core::storage::layout_open::open_layout)).
///
/// # Errors
/// The located problems, as text for the user.
pub fn open_layout(path: &Path, catalogs: &Catalogs) -> Result<(Layout, Vec<String>), String> {
    room_planner_core::storage::layout_open::open_layout(path, &catalogs.set)
        .map(|opened| (opened.layout, opened.warnings))
        .map_err(|error| error.to_string())
}

fn close_requests_quit(
    mut closes: MessageReader<WindowCloseRequested>,
    mut files: MessageWriter<FileRequested>,
) {
    if closes.read().count() > 0 {
        files.write(FileRequested::Quit);
    }
}

/// What the file systems read and write.
#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct FileContext<'w, 's> {
    document: Res<'w, Document>,
    catalogs: Res<'w, Catalogs>,
    live: Res<'w, LiveState>,
    notices: ResMut<'w, Notices>,
    question: ResMut<'w, PendingQuestion>,
    recovery: Option<ResMut<'w, Recovery>>,
    dialogs: ResMut<'w, FileDialogs>,
    preferences: Option<ResMut<'w, Preferences>>,
    replace: MessageWriter<'w, ReplaceRequested>,
    new_layout_wanted: ResMut<'w, NewLayoutWanted>,
    edits: MessageWriter<'w, EditRequested>,
    saved: MessageWriter<'w, LayoutSaved>,
    exit: MessageWriter<'w, AppExit>,
    commands: Commands<'w, 's>,
    images: ResMut<'w, Assets<Image>>,
    cameras: Query<'w, 's, (&'static Transform, &'static Projection), With<MainCamera>>,
}

impl FileContext<'_, '_> {
    /// Opens a dialog for `purpose`, or says why not.
    fn ask_for_file(&mut self, purpose: DialogPurpose, name: &str) {
        let mut spec = DialogSpec::for_purpose(&purpose, name);
        spec.folder = self
            .document
            .path
            .as_ref()
            .and_then(|path| path.parent())
            .filter(|folder| !folder.as_os_str().is_empty())
            .map(Path::to_path_buf);
        if let Err(problem) = self.dialogs.request(purpose, spec) {
            self.notices.error(problem);
        }
    }

    /// Copies unsaved work to the recovery file before something that could lose it.
    fn autosave_before_risk(&mut self) {
        let Some(recovery) = self.recovery.as_mut() else {
            return;
        };
        if let Err(problem) = recovery.autosave_now(&self.document) {
            self.notices.error(format!("Autosave failed: {problem}"));
        }
    }

    /// The user threw the unsaved work away: its recovery copy goes too.
    fn discard_recovery(&mut self) {
        if let Some(recovery) = self.recovery.as_mut()
            && let Err(problem) = recovery.discard()
        {
            self.notices.error(problem);
        }
    }

    fn remember_recent(&mut self, path: &Path) {
        if let Some(preferences) = self.preferences.as_mut() {
            preferences.remember_recent(path);
        }
    }
}

fn handle_file_requests(mut requests: MessageReader<FileRequested>, mut files: FileContext) {
    for request in requests.read() {
        if request.replaces_document() && files.document.is_dirty() {
            files.autosave_before_risk();
            files.question.0 = Some(Question::DiscardChanges {
                document: files.document.display_name(),
                then: request.clone(),
            });
            continue;
        }
        perform(request.clone(), &mut files);
    }
}

fn answer_questions(mut answers: MessageReader<DialogAnswered>, mut files: FileContext) {
    for DialogAnswered(answer) in answers.read() {
        let Some(question) = files.question.0.take() else {
            continue;
        };
        match (question, answer) {
            (Question::DiscardChanges { then, .. }, DialogAnswer::Save) => {
                match files.document.path.clone() {
                    Some(path) => {
                        if save_to(&mut files, path) {
                            perform(then, &mut files);
                        }
                    }
                    // No file yet: the request waits for the dialog and the save.
                    None => {
                        let name = files.document.display_name();
                        files.ask_for_file(DialogPurpose::Save { then: Some(then) }, &name);
                    }
                }
            }
            (Question::DiscardChanges { then, .. }, DialogAnswer::Proceed) => {
                files.discard_recovery();
                perform(then, &mut files);
            }
            (Question::DiscardChanges { .. }, DialogAnswer::Cancel) => {}
            (Question::Recover { .. }, DialogAnswer::Proceed) => recover(&mut files),
            (Question::Recover { .. }, _) => files.discard_recovery(),
            (Question::ExportWithViolations { .. }, DialogAnswer::Proceed) => {
                let name = export::quote_file_name(&files.document.layout.quote.reference);
                files.ask_for_file(DialogPurpose::ExportQuote, &name);
            }
            (Question::ExportWithViolations { .. }, _) => {}
        }
    }
}

fn perform(request: FileRequested, files: &mut FileContext) {
    match request {
        FileRequested::New => files.new_layout_wanted.0 = true,
        FileRequested::NewFromTemplate(template, build) => {
            let walls = match template_walls(template, build) {
                Ok(walls) => walls,
                Err(problem) => {
                    files.notices.error(format!("No new layout: {problem}"));
                    return;
                }
            };
            let mut layout = empty_layout(&files.catalogs);
            layout.walls = walls;
            files.replace.write(ReplaceRequested {
                layout,
                path: None,
                unsaved: false,
            });
            files.notices.info(match template {
                RoomTemplate::Empty => "New empty layout",
                RoomTemplate::Rectangle { .. } => "New layout with a rectangular room",
                RoomTemplate::LShaped { .. } => "New layout with an L-shaped room",
            });
        }
        FileRequested::Open => files.ask_for_file(DialogPurpose::Open, ""),
        FileRequested::OpenRecent(path) => open_path(files, path),
        FileRequested::Save => match files.document.path.clone() {
            Some(path) => {
                save_to(files, path);
            }
            None => {
                let name = files.document.display_name();
                files.ask_for_file(DialogPurpose::Save { then: None }, &name);
            }
        },
        FileRequested::SaveAs => {
            let name = files.document.display_name();
            files.ask_for_file(DialogPurpose::Save { then: None }, &name);
        }
        FileRequested::ExportCsv => files.ask_for_file(DialogPurpose::ExportCsv, "quote.csv"),
        FileRequested::ExportQuote => {
            let count = files.live.checker.count();
            if count > 0 {
                files.question.0 = Some(Question::ExportWithViolations { count });
            } else {
                let name = export::quote_file_name(&files.document.layout.quote.reference);
                files.ask_for_file(DialogPurpose::ExportQuote, &name);
            }
        }
        FileRequested::ExportImage => files.ask_for_file(DialogPurpose::ExportImage, "design.png"),
        FileRequested::ExportProduction => {
            let name = export::production_file_name(&files.document.layout.quote.reference);
            files.ask_for_file(DialogPurpose::ExportProduction, &name);
        }
        FileRequested::ChooseImage { product, personal } => {
            personal_image::ask_for_image(files, product, personal);
        }
        FileRequested::Quit => {
            files.discard_recovery();
            files.exit.write(AppExit::Success);
        }
    }
}

/// Does with each chosen file what it was chosen for.
fn use_chosen_files(mut chosen: MessageReader<FileChosen>, mut files: FileContext) {
    for FileChosen { purpose, path } in chosen.read() {
        match purpose {
            DialogPurpose::Open => open_path(&mut files, path.clone()),
            DialogPurpose::Save { then } => {
                if save_to(&mut files, path.clone()) {
                    match then.clone() {
                        Some(FileRequested::ChooseImage { product, personal }) => {
                            personal_image::open_image_dialog(&mut files, product, personal);
                        }
                        Some(then) => perform(then, &mut files),
                        None => {}
                    }
                }
            }
            DialogPurpose::ExportQuote => export::start_quote_export(&mut files, path.clone()),
            DialogPurpose::ExportCsv => export::write_csv(&mut files, path),
            DialogPurpose::ExportImage => export::capture_image(&mut files, path.clone()),
            DialogPurpose::ExportProduction => export::write_production(&mut files, path),
            DialogPurpose::ChooseImage { product, personal } => {
                personal_image::use_image(&mut files, product, personal, path);
            }
        }
    }
}

fn open_path(files: &mut FileContext, path: PathBuf) {
    match open_layout(&path, &files.catalogs) {
        Ok((layout, warnings)) => {
            for warning in warnings {
                files.notices.error(warning);
            }
            files.replace.write(ReplaceRequested {
                layout,
                path: Some(path.clone()),
                unsaved: false,
            });
            files.remember_recent(&path);
            files.notices.info(format!("Opened {}", path.display()));
        }
        Err(problem) => files.notices.error(problem),
    }
}

/// Saves the document to `path`; returns true when it was written. A failed save keeps the
/// work (and its recovery copy) and says why.
fn save_to(files: &mut FileContext, path: PathBuf) -> bool {
    match save_layout(&path, &files.document.layout) {
        Ok(()) => {
            files.saved.write(LayoutSaved {
                path: path.clone(),
                revision: files.document.revision(),
            });
            files.discard_recovery();
            files.remember_recent(&path);
            files.notices.info(format!("Saved {}", path.display()));
            true
        }
        Err(error) => {
            files
                .notices
                .error(format!("Not saved; the work is kept: {error}"));
            false
        }
    }
}

fn recover(files: &mut FileContext) {
    let Some(recovery) = files.recovery.as_ref() else {
        return;
    };
    let original = recovery::recovered_origin(recovery);
    let file = recovery.layout_file.clone();
    match open_layout(&file, &files.catalogs) {
        Ok((layout, _)) => {
            files.replace.write(ReplaceRequested {
                layout,
                path: original,
                unsaved: true,
            });
            files.notices.info("Recovered the unsaved work");
        }
        Err(problem) => files
            .notices
            .error(format!("The recovery file cannot be used: {problem}")),
    }
}
