//! Files: New / Open / Save / Save As with native dialogs, asking before unsaved changes are
//! thrown away, the window title, CSV and image export, and autosave with crash recovery.
//! A file that fails to load shows its located error and leaves the current layout untouched.

use crate::AppSystems;
use crate::catalogs::Catalogs;
use crate::document::{Document, EditRequested, LayoutSaved, ReplaceRequested};
use crate::live::LiveState;
use crate::notices::Notices;
use crate::render_image::{CaptureFinished, OffscreenCapture};
use crate::sidebar::actions::DialogAnswer;
use crate::viewport::camera::MainCamera;
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowCloseRequested};
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::layout::room_templates::{RoomTemplate, WallBuild, template_walls};
use room_planner_core::domain::layout::{CatalogRef, FORMAT_VERSION, Layout};
use room_planner_core::domain::values::date::IsoDate;
use room_planner_core::storage::atomic_write::write_atomically;
use room_planner_core::storage::csv_quote::quote_csv;
use room_planner_core::storage::layout_file::{check_references, load_layout, save_layout};
use room_planner_core::storage::pdf_quote::{QuotePictures, quote_pdf};
use room_planner_core::storage::quote_prepare::{Prepared, prepare_quote};
use room_planner_core::storage::xlsx_quote::quote_xlsx;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Folder of the dealer settings and quote counter.
const SETTINGS_FOLDER: &str = "settings";

/// How often unsaved work is copied to the recovery file.
const AUTOSAVE_EVERY: Duration = Duration::from_secs(60);

/// A file command from the menu, a shortcut or a button.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRequested {
    /// Ask which room to start a new layout from (opens the "New layout" window).
    New,
    /// Start a new layout from a room template (asks first about unsaved changes).
    NewFromTemplate(RoomTemplate, WallBuild),
    /// Open a layout file.
    Open,
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
    /// Leave the program.
    Quit,
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

/// The user's answer to the open question.
#[derive(Message, Debug, Clone, Copy)]
pub struct DialogAnswered(pub DialogAnswer);

/// Where autosaved work goes.
#[derive(Resource, Debug, Clone)]
pub struct Recovery {
    /// The recovery copy of the layout.
    pub layout_file: PathBuf,
    /// The original file's path, written beside it.
    pub origin_file: PathBuf,
    timer: Timer,
    autosaved_revision: Option<u64>,
}

impl Recovery {
    /// Recovery files in `folder`.
    #[must_use]
    pub fn in_folder(folder: &Path) -> Self {
        Self {
            layout_file: folder.join("recovery.ron"),
            origin_file: folder.join("recovery-origin.txt"),
            timer: Timer::new(AUTOSAVE_EVERY, TimerMode::Repeating),
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

    fn discard(&mut self) {
        let _ = std::fs::remove_file(&self.layout_file);
        let _ = std::fs::remove_file(&self.origin_file);
        self.autosaved_revision = None;
    }
}

/// The files plugin (window only).
pub(crate) fn plugin(app: &mut App) {
    app.add_message::<FileRequested>()
        .add_message::<DialogAnswered>()
        .init_resource::<PendingQuestion>()
        .init_resource::<NewLayoutWanted>()
        .add_systems(Startup, offer_recovery)
        .add_systems(
            Update,
            (
                close_requests_quit,
                answer_questions,
                handle_file_requests,
                autosave,
                update_title,
                report_exports,
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

fn close_requests_quit(
    mut closes: MessageReader<WindowCloseRequested>,
    mut files: MessageWriter<FileRequested>,
) {
    if closes.read().count() > 0 {
        files.write(FileRequested::Quit);
    }
}

/// Loads and checks a layout file against the catalogs.
///
/// # Errors
/// The located problems, as text for the user.
pub fn open_layout(path: &Path, catalogs: &Catalogs) -> Result<(Layout, Vec<String>), String> {
    let (layout, text) = load_layout(path).map_err(|error| error.to_string())?;
    let warnings =
        check_references(path, &text, &layout, &catalogs.set).map_err(|error| error.to_string())?;
    Ok((layout, warnings))
}

#[derive(bevy::ecs::system::SystemParam)]
pub(crate) struct FileContext<'w, 's> {
    document: Res<'w, Document>,
    catalogs: Res<'w, Catalogs>,
    live: Res<'w, LiveState>,
    notices: ResMut<'w, Notices>,
    question: ResMut<'w, PendingQuestion>,
    recovery: Option<ResMut<'w, Recovery>>,
    replace: MessageWriter<'w, ReplaceRequested>,
    new_layout_wanted: ResMut<'w, NewLayoutWanted>,
    edits: MessageWriter<'w, EditRequested>,
    saved: MessageWriter<'w, LayoutSaved>,
    exit: MessageWriter<'w, AppExit>,
    commands: Commands<'w, 's>,
    images: ResMut<'w, Assets<Image>>,
    cameras: Query<'w, 's, (&'static Transform, &'static Projection), With<MainCamera>>,
}

fn handle_file_requests(mut requests: MessageReader<FileRequested>, mut files: FileContext) {
    for request in requests.read() {
        let needs_confirmation = matches!(
            request,
            FileRequested::NewFromTemplate(..) | FileRequested::Open | FileRequested::Quit
        );
        if needs_confirmation && files.document.is_dirty() {
            files.question.0 = Some(Question::DiscardChanges {
                document: files.document.display_name(),
                then: *request,
            });
            continue;
        }
        perform(*request, &mut files);
    }
}

fn answer_questions(mut answers: MessageReader<DialogAnswered>, mut files: FileContext) {
    for DialogAnswered(answer) in answers.read() {
        let Some(question) = files.question.0.take() else {
            continue;
        };
        match (question, answer) {
            (Question::DiscardChanges { then, .. }, DialogAnswer::Save) => {
                if save(&mut files, false) {
                    perform(then, &mut files);
                }
            }
            (Question::DiscardChanges { then, .. }, DialogAnswer::Proceed) => {
                perform(then, &mut files)
            }
            (Question::Recover { .. }, DialogAnswer::Proceed) => recover(&mut files),
            (Question::Recover { .. }, _) => {
                if let Some(recovery) = files.recovery.as_mut() {
                    recovery.discard();
                }
            }
            (Question::DiscardChanges { .. }, DialogAnswer::Cancel) => {}
            (Question::ExportWithViolations { .. }, DialogAnswer::Proceed) => {
                start_quote_export(&mut files)
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
        FileRequested::Open => {
            let Some(path) = rfd::FileDialog::new()
                .set_title("Open layout")
                .add_filter("Room Planner layout", &["ron"])
                .pick_file()
            else {
                return;
            };
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
                    files.notices.info(format!("Opened {}", path.display()));
                }
                Err(problem) => files.notices.error(problem),
            }
        }
        FileRequested::Save => {
            save(files, false);
        }
        FileRequested::SaveAs => {
            save(files, true);
        }
        FileRequested::ExportCsv => export_csv(files),
        FileRequested::ExportQuote => {
            let count = files.live.checker.count();
            if count > 0 {
                files.question.0 = Some(Question::ExportWithViolations { count });
            } else {
                start_quote_export(files);
            }
        }
        FileRequested::ExportImage => export_image(files),
        FileRequested::Quit => {
            if let Some(recovery) = files.recovery.as_mut() {
                recovery.discard();
            }
            files.exit.write(AppExit::Success);
        }
    }
}

/// Saves the document; returns true when it was written.
fn save(files: &mut FileContext, ask_for_path: bool) -> bool {
    let path = match (&files.document.path, ask_for_path) {
        (Some(path), false) => path.clone(),
        _ => {
            let Some(path) = rfd::FileDialog::new()
                .set_title("Save layout")
                .add_filter("Room Planner layout", &["ron"])
                .set_file_name(files.document.display_name())
                .save_file()
            else {
                return false;
            };
            path
        }
    };
    match save_layout(&path, &files.document.layout) {
        Ok(()) => {
            files.saved.write(LayoutSaved {
                path: path.clone(),
                revision: files.document.revision(),
            });
            if let Some(recovery) = files.recovery.as_mut() {
                recovery.discard();
            }
            files.notices.info(format!("Saved {}", path.display()));
            true
        }
        Err(error) => {
            files.notices.error(error.to_string());
            false
        }
    }
}

fn export_csv(files: &mut FileContext) {
    let quote = match &files.live.quote {
        Ok(quote) => quote.quote().clone(),
        Err(problem) => {
            files
                .notices
                .error(format!("No quote to export: {problem}"));
            return;
        }
    };
    let Some(path) = rfd::FileDialog::new()
        .set_title("Export quote as CSV")
        .add_filter("CSV", &["csv"])
        .set_file_name("quote.csv")
        .save_file()
    else {
        return;
    };
    let written = quote_csv(&quote)
        .map_err(|error| error.to_string())
        .and_then(|bytes| write_atomically(&path, &bytes).map_err(|error| error.to_string()));
    match written {
        Ok(()) => files
            .notices
            .info(format!("Quote written to {}", path.display())),
        Err(problem) => files
            .notices
            .error(format!("{}: cannot write: {problem}", path.display())),
    }
}

fn export_image(files: &mut FileContext) {
    let Some(path) = rfd::FileDialog::new()
        .set_title("Export image")
        .add_filter("PNG image", &["png"])
        .set_file_name("design.png")
        .save_file()
    else {
        return;
    };
    let Ok((transform, projection)) = files.cameras.single() else {
        return;
    };
    let capture = OffscreenCapture::new(&mut files.images, UVec2::new(1600, 1000), path);
    files
        .commands
        .spawn(capture.camera_bundle(*transform, projection.clone()));
}

/// A quote export waiting for its picture of the design.
#[derive(Resource, Debug, Clone)]
pub struct PendingQuoteExport {
    /// The file chosen.
    pub output: PathBuf,
    /// Where the picture is being rendered.
    pub picture: PathBuf,
}

/// Asks where to write the quote, then renders the picture of the design for it.
fn start_quote_export(files: &mut FileContext) {
    let reference = files.document.layout.quote.reference.trim();
    let name = if reference.is_empty() {
        "quote".to_owned()
    } else {
        reference.to_owned()
    };
    let Some(mut output) = rfd::FileDialog::new()
        .set_title("Export quote")
        .add_filter("PDF quote", &["pdf"])
        .add_filter("Excel workbook", &["xlsx"])
        .add_filter("CSV for the ERP", &["csv"])
        .set_file_name(format!("{name}.pdf"))
        .save_file()
    else {
        return;
    };
    if output.extension().is_none() {
        output.set_extension("pdf");
    }
    if output.extension().is_some_and(|ext| ext == "csv") {
        write_quote_file(files, &output, None);
        return;
    }
    let Ok((transform, projection)) = files.cameras.single() else {
        write_quote_file(files, &output, None);
        return;
    };
    let picture =
        std::env::temp_dir().join(format!("room-planner-design-{}.png", std::process::id()));
    let capture = OffscreenCapture::new(&mut files.images, UVec2::new(1600, 1000), picture.clone());
    files
        .commands
        .spawn(capture.camera_bundle(*transform, projection.clone()));
    files
        .commands
        .insert_resource(PendingQuoteExport { output, picture });
    files.notices.info("Preparing the quote…");
}

/// Writes the quote as PDF, XLSX or CSV (by the file's extension); a newly issued quote
/// number is stored in the layout so the next export keeps it.
fn write_quote_file(files: &mut FileContext, output: &Path, picture: Option<&Path>) {
    let layout = &files.document.layout;
    let extension = output
        .extension()
        .and_then(|ext| ext.to_str())
        .unwrap_or("pdf")
        .to_ascii_lowercase();
    let bytes = if extension == "csv" {
        match &files.live.quote {
            Ok(quote) => quote_csv(quote.quote()).map_err(|error| error.to_string()),
            Err(problem) => Err(problem.clone()),
        }
    } else {
        let date = if layout.quote.date.0 == time::Date::MIN {
            IsoDate(time::OffsetDateTime::now_utc().date())
        } else {
            layout.quote.date
        };
        let render = |prepared: &Prepared| {
            if extension == "xlsx" {
                quote_xlsx(&prepared.document).map_err(|error| error.to_string())
            } else {
                quote_pdf(
                    &prepared.document,
                    QuotePictures {
                        logo: prepared.settings.logo.as_ref(),
                        design: prepared.design.as_ref(),
                    },
                )
                .map_err(|error| error.to_string())
            }
        };
        match prepare_quote(
            layout,
            &files.catalogs.set,
            Path::new(SETTINGS_FOLDER),
            picture,
            date,
            &render,
        ) {
            Ok((prepared, bytes, notes)) => {
                for note in notes {
                    files.notices.info(note);
                }
                if prepared.document.reference != layout.quote.reference {
                    let mut info = layout.quote.clone();
                    info.reference.clone_from(&prepared.document.reference);
                    files
                        .edits
                        .write(EditRequested::single(Edit::SetQuoteInfo(info)));
                }
                Ok(bytes)
            }
            Err(problem) => Err(problem.to_string()),
        }
    };
    match bytes
        .and_then(|bytes| write_atomically(output, &bytes).map_err(|error| error.to_string()))
    {
        Ok(()) => files
            .notices
            .info(format!("Quote written to {}", output.display())),
        Err(problem) => files
            .notices
            .error(format!("{}: {problem}", output.display())),
    }
}

fn report_exports(
    mut finished: MessageReader<CaptureFinished>,
    pending: Option<Res<PendingQuoteExport>>,
    mut files: FileContext,
) {
    for capture in finished.read() {
        if let Some(pending) = pending.as_ref()
            && pending.picture == capture.path
        {
            let (output, picture) = (pending.output.clone(), pending.picture.clone());
            files.commands.remove_resource::<PendingQuoteExport>();
            let picture = capture.error.is_none().then_some(picture.as_path());
            write_quote_file(&mut files, &output, picture);
            if let Some(picture) = picture {
                let _ = std::fs::remove_file(picture);
            }
            continue;
        }
        let notices = &mut files.notices;
        match &capture.error {
            None => notices.info(format!("Image written to {}", capture.path.display())),
            Some(problem) => notices.error(format!("{}: {problem}", capture.path.display())),
        }
    }
}

/// At start, asks whether to recover autosaved work left by a run that did not end cleanly.
fn offer_recovery(recovery: Option<Res<Recovery>>, mut question: ResMut<PendingQuestion>) {
    let Some(recovery) = recovery else { return };
    let Ok(metadata) = std::fs::metadata(&recovery.layout_file) else {
        return;
    };
    let saved_at = metadata
        .modified()
        .ok()
        .and_then(|time| time.elapsed().ok())
        .map_or_else(
            || "an unknown time".to_owned(),
            |ago| format!("{} minutes ago", ago.as_secs() / 60),
        );
    let original = std::fs::read_to_string(&recovery.origin_file)
        .ok()
        .filter(|text| !text.trim().is_empty())
        .map(|text| text.trim().to_owned());
    question.0 = Some(Question::Recover { saved_at, original });
}

fn recover(files: &mut FileContext) {
    let Some(recovery) = files.recovery.as_mut() else {
        return;
    };
    let original = std::fs::read_to_string(&recovery.origin_file)
        .ok()
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
        .map(PathBuf::from);
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

/// Copies unsaved work to the recovery file once a minute.
fn autosave(
    time: Res<Time>,
    document: Res<Document>,
    recovery: Option<ResMut<Recovery>>,
    mut notices: ResMut<Notices>,
) {
    let Some(mut recovery) = recovery else { return };
    recovery.timer.tick(time.delta());
    if !recovery.timer.just_finished() || !document.is_dirty() {
        return;
    }
    if recovery.autosaved_revision == Some(document.revision()) {
        return;
    }
    let written = write_recovery(&recovery, &document);
    match written {
        Ok(()) => recovery.autosaved_revision = Some(document.revision()),
        Err(problem) => notices.error(format!("Autosave failed: {problem}")),
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
    std::fs::write(&recovery.origin_file, origin)
        .map_err(|error| format!("{}: {error}", recovery.origin_file.display()))
}

/// "Room Planner — showroom.ron ●" while there are unsaved changes.
fn update_title(document: Res<Document>, mut windows: Query<&mut Window, With<PrimaryWindow>>) {
    if !document.is_changed() {
        return;
    }
    let mark = if document.is_dirty() { " *" } else { "" };
    let title = format!("Room Planner — {}{mark}", document.display_name());
    for mut window in &mut windows {
        if window.title != title {
            window.title.clone_from(&title);
        }
    }
}
