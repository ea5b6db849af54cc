//! One printed-image personalization in the sidebar: a thumbnail of the customer's image, its
//! pixel size against what the print needs (a refused or missing file says why in red), the
//! price, and buttons to choose an image (the file dialog, through the files plugin) or remove it.

use super::{PersonalView, set};
use crate::files::FileRequested;
use crate::sidebar::actions::UiAction;
use crate::sidebar::format::money;
use crate::theme::ui as colours;
use bevy_egui::egui;
use room_planner_core::domain::catalog::{ImageSpec, PersonalDef, PersonalValue};
use room_planner_core::storage::personal_image::{image_size, locate_image, thumbnail};
use std::path::Path;

/// Longest side of the sidebar's thumbnail, in points.
const THUMBNAIL_PT: f32 = 160.0;

/// What the sidebar knows of an image file, read once per file and kept between frames.
#[derive(Clone)]
struct Preview {
    /// The thumbnail, when the file decodes.
    texture: Option<egui::TextureHandle>,
    /// Its pixel size, or why it cannot be read.
    size_px: Result<(u32, u32), String>,
}

/// The section for one `Image` personalization.
pub(super) fn image_ui(
    ui: &mut egui::Ui,
    view: &PersonalView<'_>,
    def: &PersonalDef,
    spec: &ImageSpec,
    actions: &mut Vec<UiAction>,
) {
    ui.label(&def.label);
    let needs = format!("needs at least {} × {}", spec.min_px.0, spec.min_px.1);
    match view.personal.get(&def.id) {
        Some(value @ PersonalValue::Image { file }) => {
            match view.layout_folder {
                Some(folder) => preview_ui(ui, folder, file, spec, &needs),
                None => {
                    ui.label(format!("Prints {file}"));
                }
            }
            ui.label(
                egui::RichText::new(format!(
                    "{}: {}",
                    def.label,
                    money(def.price_of(value), view.currency, 2)
                ))
                .color(colours::MUTED),
            );
            ui.horizontal(|ui| {
                if ui.button("Choose another image…").clicked() {
                    actions.push(choose(view, def));
                }
                if ui.button("Remove the image").clicked() {
                    actions.push(set(view, def, None));
                }
            });
        }
        _ => {
            ui.label(
                egui::RichText::new(format!(
                    "No image yet: PNG or JPEG, {needs} pixels, shaped {}:{}",
                    spec.aspect.0, spec.aspect.1
                ))
                .color(colours::MUTED),
            );
            if ui.button("Choose image…").clicked() {
                actions.push(choose(view, def));
            }
        }
    }
}

fn choose(view: &PersonalView<'_>, def: &PersonalDef) -> UiAction {
    UiAction::File(FileRequested::ChooseImage {
        product: view.id.clone(),
        personal: def.id.clone(),
    })
}

/// The thumbnail and the size line of a chosen image.
fn preview_ui(ui: &mut egui::Ui, folder: &Path, file: &str, spec: &ImageSpec, needs: &str) {
    let key = egui::Id::new(("personal-image-preview", folder, file));
    let preview = match ui.data(|data| data.get_temp::<Preview>(key)) {
        Some(preview) => preview,
        None => {
            let preview = read_preview(ui.ctx(), folder, file);
            ui.data_mut(|data| data.insert_temp(key, preview.clone()));
            preview
        }
    };
    if let Some(texture) = &preview.texture {
        let size = texture.size_vec2();
        let scale = (THUMBNAIL_PT / size.x.max(size.y)).min(1.0);
        ui.add(egui::Image::new((texture.id(), size * scale)).alt_text(file));
    }
    match preview.size_px {
        Ok(size_px) => {
            let text = format!("{} × {} px, {needs}", size_px.0, size_px.1);
            match spec.check(size_px) {
                Ok(()) => ui.label(text),
                Err(problem) => ui
                    .label(egui::RichText::new(format!("{text}: {problem}")).color(colours::ERROR)),
            };
        }
        Err(problem) => {
            ui.label(egui::RichText::new(problem).color(colours::ERROR));
        }
    }
}

fn read_preview(ctx: &egui::Context, folder: &Path, file: &str) -> Preview {
    let size_px = locate_image(folder, file)
        .and_then(|path| image_size(&path))
        .map_err(|error| format!("Cannot print {file}: {error}"));
    let texture = thumbnail(folder, file)
        .ok()
        .and_then(|png| image::load_from_memory(&png.bytes).ok())
        .map(|picture| {
            let rgba = picture.to_rgba8();
            let size = [rgba.width() as usize, rgba.height() as usize];
            ctx.load_texture(
                format!("personal image {file}"),
                egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw()),
                egui::TextureOptions::LINEAR,
            )
        });
    Preview { texture, size_px }
}

#[cfg(test)]
mod tests;
