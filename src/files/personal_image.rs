//! Choosing a customer's image for an `Image` personalization: the file dialog (filtered to PNG
//! and JPEG), then the core's [`import_image`] checks it against the print and copies it into
//! the `images/` folder beside the layout; the product's value is set by an edit (so undo,
//! redo and autosave cover it). A refused image is named with its reason and changes nothing.
//! A layout without a file yet is saved first (asked for), since its images live beside it.

use crate::document::EditRequested;
use crate::files::dialogs::DialogPurpose;
use crate::files::{FileContext, FileRequested};
use room_planner_core::domain::catalog::{PersonalKind, PersonalValue};
use room_planner_core::domain::editing::Edit;
use room_planner_core::domain::values::ids::ProductInstanceId;
use room_planner_core::storage::personal_image::import_image;
use std::path::Path;

/// Opens the image dialog, or first the save dialog when the layout has no file yet.
pub(crate) fn ask_for_image(files: &mut FileContext, product: ProductInstanceId, personal: String) {
    if files.document.path.is_none() {
        files.notices.info(
            "Save the layout first: the customer's image is kept in an images/ folder beside it",
        );
        let name = files.document.display_name();
        files.ask_for_file(
            DialogPurpose::Save {
                then: Some(FileRequested::ChooseImage { product, personal }),
            },
            &name,
        );
        return;
    }
    open_image_dialog(files, product, personal);
}

/// Opens the image dialog (also right after the first save, before the document has taken
/// the new file's path: the image is used only once chosen, frames later).
pub(crate) fn open_image_dialog(
    files: &mut FileContext,
    product: ProductInstanceId,
    personal: String,
) {
    files.ask_for_file(DialogPurpose::ChooseImage { product, personal }, "");
}

/// Imports the chosen file and sets it as the product's image, or says why not.
pub(crate) fn use_image(
    files: &mut FileContext,
    product: &ProductInstanceId,
    personal: &str,
    source: &Path,
) {
    let Some(folder) = files
        .document
        .path
        .as_deref()
        .and_then(Path::parent)
        .map(|folder| {
            if folder.as_os_str().is_empty() {
                Path::new(".").to_path_buf()
            } else {
                folder.to_path_buf()
            }
        })
    else {
        files
            .notices
            .error("Image not used: save the layout first; its images are kept beside it");
        return;
    };
    let layout = &files.document.layout;
    let Some(placed) = layout.products.iter().find(|placed| &placed.id == product) else {
        files.notices.error(format!(
            "Image not used: product `{product}` is no longer in the layout"
        ));
        return;
    };
    let Some(def) = files
        .catalogs
        .set
        .product(&placed.product)
        .and_then(|(_, entry)| entry.personalization.iter().find(|def| def.id == personal))
    else {
        files.notices.error(format!(
            "Image not used: `{}` offers no personalization `{personal}`",
            placed.product
        ));
        return;
    };
    let PersonalKind::Image(spec) = &def.kind else {
        files
            .notices
            .error(format!("Image not used: “{}” is not an image", def.label));
        return;
    };
    match import_image(&folder, source, spec) {
        Ok(file) => {
            files.notices.info(format!("{}: {file}", def.label));
            files.edits.write(EditRequested::single(Edit::SetPersonal {
                id: product.clone(),
                personal: personal.to_owned(),
                value: Some(PersonalValue::Image { file }),
            }));
        }
        Err(error) => files.notices.error(format!(
            "{} not used for “{}”: {error}",
            source.display(),
            def.label
        )),
    }
}
