//! Writing what the dealer sends: the quote as PDF, XLSX or CSV (the PDF and XLSX with a
//! picture of the design rendered off-screen first), the production sheet for the factory, and
//! a picture of the view as PNG.

use crate::document::{Document, EditRequested};
use crate::files::FileContext;
use crate::render_image::{CaptureFinished, OffscreenCapture};
use bevy::prelude::*;
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::layout::Layout;
use room_planner_core::domain::values::date::IsoDate;
use room_planner_core::storage::atomic_write::write_atomically;
use room_planner_core::storage::csv_quote::quote_csv;
use room_planner_core::storage::pdf_quote::{QuotePictures, quote_pdf};
use room_planner_core::storage::personal_image::line_thumbnails;
use room_planner_core::storage::production_prepare::prepare_production;
use room_planner_core::storage::quote_prepare::{Prepared, prepare_quote};
use room_planner_core::storage::xlsx_quote::quote_xlsx;
use std::path::{Path, PathBuf};

/// Folder of the dealer settings and quote counter.
const SETTINGS_FOLDER: &str = "settings";

/// Size of exported pictures and of the design picture in quotes (pixels).
const PICTURE_SIZE: UVec2 = UVec2::new(1600, 1000);

/// A quote export waiting for its picture of the design.
#[derive(Resource, Debug, Clone)]
pub struct PendingQuoteExport {
    /// The file chosen.
    pub output: PathBuf,
    /// Where the picture is being rendered.
    pub picture: PathBuf,
}

/// The file name suggested for a quote: its reference, else "quote".
#[must_use]
pub fn quote_file_name(reference: &str) -> String {
    let reference = reference.trim();
    if reference.is_empty() {
        "quote.pdf".to_owned()
    } else {
        format!("{reference}.pdf")
    }
}

/// The file name suggested for a production sheet: the quote's reference, else "production".
#[must_use]
pub fn production_file_name(reference: &str) -> String {
    let reference = reference.trim();
    if reference.is_empty() {
        "production.pdf".to_owned()
    } else {
        format!("{reference}-production.pdf")
    }
}

/// The layout's quote date, or today when it has none.
fn quote_date(layout: &Layout) -> IsoDate {
    if layout.quote.date.0 == time::Date::MIN {
        IsoDate(time::OffsetDateTime::now_utc().date())
    } else {
        layout.quote.date
    }
}

/// The folder the layout was saved in: the customers' images are named relative to it.
fn layout_folder(document: &Document) -> Option<&Path> {
    document.path.as_deref().and_then(Path::parent)
}

/// Writes the production sheet (PDF) of the layout to `path`, dated today unless the layout
/// has a quote date; it issues no quote number.
pub(super) fn write_production(files: &mut FileContext, path: &Path) {
    let layout = &files.document.layout;
    let date = quote_date(layout);
    let layout_folder = layout_folder(&files.document).unwrap_or(Path::new("."));
    let written = prepare_production(
        layout,
        &files.catalogs.set,
        Path::new(SETTINGS_FOLDER),
        layout_folder,
        date,
    )
    .map_err(|problem| problem.to_string())
    .and_then(|bytes| write_atomically(path, &bytes).map_err(|error| error.to_string()));
    report_written(files, path, "Production sheet", written);
}

/// Writes the quote as CSV to `path`.
pub(super) fn write_csv(files: &mut FileContext, path: &Path) {
    let written = match &files.live.quote {
        Ok(quote) => quote_csv(quote.quote()).map_err(|error| error.to_string()),
        Err(problem) => Err(format!("no quote to export: {problem}")),
    }
    .and_then(|bytes| write_atomically(path, &bytes).map_err(|error| error.to_string()));
    report_written(files, path, "Quote", written);
}

/// Renders a picture of the current view into `path` (the plan view as the plan drawing).
pub(super) fn capture_image(files: &mut FileContext, path: PathBuf) {
    let Ok((transform, projection)) = files.cameras.single() else {
        files.notices.error(format!(
            "{}: no picture: the view has no camera",
            path.display()
        ));
        return;
    };
    // Only the plan view looks through an orthographic camera.
    if matches!(projection, Projection::Orthographic(_)) {
        let written = plan_picture_png(files)
            .and_then(|bytes| write_atomically(&path, &bytes).map_err(|error| error.to_string()));
        report_written(files, &path, "Picture", written);
        return;
    }
    let capture = OffscreenCapture::new(&mut files.images, PICTURE_SIZE, path);
    files
        .commands
        .spawn(capture.camera_bundle(*transform, projection.clone()));
}

/// The plan drawing of the layout as PNG bytes, products breaking a rule in red.
fn plan_picture_png(files: &FileContext) -> Result<Vec<u8>, String> {
    use room_planner_core::domain::drawing::plan_drawing::plan_drawing_of;
    use room_planner_core::domain::values::ids::ElementId;
    use room_planner_core::storage::plan_png::{PictureOptions, plan_picture};
    let layout = &files.document.layout;
    let checker = &files.live.checker;
    let products = layout
        .products
        .iter()
        .filter_map(|placed| checker.product(&placed.id));
    let drawing = plan_drawing_of(
        layout,
        checker.structure(),
        products,
        &std::collections::BTreeMap::new(),
    );
    let violating = checker
        .elements_in_violation()
        .into_iter()
        .filter_map(|element| match element {
            ElementId::Product(id) => Some(id),
            _ => None,
        })
        .collect();
    let options = PictureOptions {
        unit: files
            .preferences
            .as_ref()
            .map_or_else(Default::default, |preferences| preferences.length_unit),
        selected: None,
        violating: &violating,
    };
    plan_picture(&drawing, (PICTURE_SIZE.x, PICTURE_SIZE.y), &options)
        .and_then(|picture| picture.png())
        .map_err(|error| error.to_string())
}

/// Writes the quote to `output`; a PDF or XLSX first gets its picture of the design.
pub(super) fn start_quote_export(files: &mut FileContext, output: PathBuf) {
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
    let capture = OffscreenCapture::new(&mut files.images, PICTURE_SIZE, picture.clone());
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
        let date = quote_date(layout);
        let layout_folder = layout_folder(&files.document).map(Path::to_path_buf);
        let render = |prepared: &Prepared| {
            let thumbnails = layout_folder
                .as_deref()
                .map(|folder| line_thumbnails(folder, &prepared.document.quote))
                .unwrap_or_default();
            if extension == "xlsx" {
                quote_xlsx(&prepared.document).map_err(|error| error.to_string())
            } else {
                quote_pdf(
                    &prepared.document,
                    QuotePictures {
                        logo: prepared.settings.logo.as_ref(),
                        design: prepared.design.as_ref(),
                        thumbnails: &thumbnails,
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
    let written =
        bytes.and_then(|bytes| write_atomically(output, &bytes).map_err(|error| error.to_string()));
    report_written(files, output, "Quote", written);
}

fn report_written(files: &mut FileContext, path: &Path, what: &str, written: Result<(), String>) {
    match written {
        Ok(()) => files
            .notices
            .info(format!("{what} written to {}", path.display())),
        Err(problem) => files
            .notices
            .error(format!("{}: not written: {problem}", path.display())),
    }
}

/// Finishes exports whose picture is ready: the quote waiting for it, or the image itself.
pub(crate) fn report_exports(
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
            if let Some(problem) = &capture.error {
                files.notices.error(format!(
                    "The design picture could not be rendered ({problem}); the quote has none"
                ));
            }
            let picture = capture.error.is_none().then_some(picture.as_path());
            write_quote_file(&mut files, &output, picture);
            if let Some(picture) = picture
                && let Err(error) = std::fs::remove_file(picture)
            {
                files.notices.info(format!(
                    "{}: the temporary picture stays: {error}",
                    picture.display()
                ));
            }
            continue;
        }
        let written = capture.error.clone().map_or(Ok(()), Err);
        report_written(&mut files, &capture.path, "Image", written);
    }
}
