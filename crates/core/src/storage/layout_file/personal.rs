//! A placed product's personalizations checked against its catalog product: each id offered,
//! texts that can be engraved in an offered font and colour (a problem is an error, located),
//! images under `images/` (a missing, unreadable or too small image is a warning: the rest of the
//! layout still opens, and the print is left out until a new image is chosen).

use crate::domain::catalog::{PersonalKind, PersonalValue, Personalization, Product};
use crate::storage::locate::Needle;
use crate::storage::personal_image::{check_image_path, check_layout_image};
use std::path::Path;

/// Where a problem is reported: a place in the layout text and the message.
type Report<'r> = dyn FnMut(&[(Needle<'_>, usize)], String) + 'r;

/// Checks `personal` of element `id`; errors go to `report`, warnings to `warnings`.
pub(super) fn check_personal(
    report: &mut Report<'_>,
    warnings: &mut Vec<String>,
    layout_path: &Path,
    id: &str,
    product: &Product,
    personal: &Personalization,
) {
    let folder = layout_path.parent().unwrap_or(Path::new("."));
    for (key, value) in personal {
        let place = [
            (Needle::KeyValue("id", id), 0),
            (Needle::Key("personal"), 0),
            (Needle::Quoted(key.as_str()), 0),
        ];
        let Some(def) = product.personal_def(key) else {
            report(
                &place,
                format!("product `{}` offers no personalization `{key}`", product.id),
            );
            continue;
        };
        match (&def.kind, value) {
            (PersonalKind::Text(spec), PersonalValue::Text { text, font, colour }) => {
                if let Err(problem) = spec.check(text) {
                    report(&place, format!("`{id}` {}: {problem}", def.label));
                }
                if !spec.fonts.contains(font) {
                    report(
                        &place,
                        format!(
                            "`{id}` {}: font {} is not offered (offered: {})",
                            def.label,
                            font.label(),
                            spec.fonts
                                .iter()
                                .map(|font| font.label())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
                if spec.colour(colour).is_none() {
                    report(
                        &place,
                        format!(
                            "`{id}` {}: colour `{colour}` is not offered (offered: {})",
                            def.label,
                            spec.colours
                                .iter()
                                .map(|named| named.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
            }
            (PersonalKind::Image(spec), PersonalValue::Image { file }) => {
                if let Err(problem) = check_image_path(file) {
                    report(&place, format!("`{id}` {}: {problem}", def.label));
                } else if let Err(problem) = check_layout_image(folder, file, spec) {
                    warnings.push(format!(
                        "{}: `{id}` {}: {problem}; the print is left out until a new image is chosen",
                        layout_path.display(),
                        def.label
                    ));
                }
            }
            (PersonalKind::Text(_), PersonalValue::Image { .. }) => report(
                &place,
                format!("`{id}` {} is a text, not an image", def.label),
            ),
            (PersonalKind::Image(_), PersonalValue::Text { .. }) => report(
                &place,
                format!("`{id}` {} is an image, not a text", def.label),
            ),
        }
    }
}

#[cfg(test)]
mod tests;
