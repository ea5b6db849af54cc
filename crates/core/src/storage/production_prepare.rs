//! Preparing the production sheet for any front end: the dealer's name from the settings, the
//! sheet built from the layout, the customers' images read from the layout's folder, and the
//! PDF. Unlike a quote it issues no quote number: it names the layout's own, if any.

use crate::domain::catalog::CatalogSet;
use crate::domain::layout::Layout;
use crate::domain::pricing::production::{PersonalContent, production_sheet};
use crate::domain::values::date::IsoDate;
use crate::storage::dealer_settings::load_dealer;
use crate::storage::pdf_quote::{SheetImages, production_pdf};
use crate::storage::personal_image::locate_image;
use crate::storage::png_image::PngImage;
use crate::storage::quote_prepare::PrepareError;
use std::collections::BTreeSet;
use std::io::Cursor;
use std::path::Path;

/// Longest side, in pixels, a customer's image is embedded with: sharp on an A4 sheet, small
/// enough to send.
const EMBEDDED_MAX_PX: u32 = 1600;

/// The production sheet of `layout` (whose file lies in `layout_folder`) as PDF bytes, issued
/// on `date`.
///
/// # Errors
/// Dealer settings with problems (located), a layout that cannot be priced, a customer's image
/// that cannot be read (the factory needs every one), or the PDF writer failing.
pub fn prepare_production(
    layout: &Layout,
    catalogs: &CatalogSet,
    settings_folder: &Path,
    layout_folder: &Path,
    date: IsoDate,
) -> Result<Vec<u8>, PrepareError> {
    let settings =
        load_dealer(settings_folder).map_err(|error| PrepareError::Located(error.to_string()))?;
    let sheet = production_sheet(layout, catalogs, date)
        .map_err(|error| PrepareError::Layout(error.to_string()))?;
    let files: BTreeSet<&str> = sheet
        .lines
        .iter()
        .flat_map(|line| &line.personalization)
        .filter_map(|reading| match &reading.content {
            PersonalContent::Image { file } => Some(file.as_str()),
            PersonalContent::Text { .. } => None,
        })
        .collect();
    let images = files
        .into_iter()
        .map(|file| {
            embeddable(layout_folder, file)
                .map(|picture| (file.to_owned(), picture))
                .map_err(|problem| {
                    PrepareError::Layout(format!(
                        "the production sheet needs every customer image: {problem}"
                    ))
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    production_pdf(
        &sheet,
        &settings.dealer.name,
        SheetImages { images: &images },
    )
    .map_err(|error| PrepareError::Layout(error.to_string()))
}

/// A layout's image read (PNG or JPEG), scaled down to [`EMBEDDED_MAX_PX`] and made a PNG.
fn embeddable(layout_folder: &Path, file: &str) -> Result<PngImage, String> {
    let path = locate_image(layout_folder, file).map_err(|error| error.to_string())?;
    let unreadable = |reason: String| format!("`{file}` cannot be read: {reason}");
    let picture = image::ImageReader::open(&path)
        .map_err(|error| unreadable(error.to_string()))?
        .with_guessed_format()
        .map_err(|error| unreadable(error.to_string()))?
        .decode()
        .map_err(|error| unreadable(error.to_string()))?;
    let picture = if picture.width().max(picture.height()) > EMBEDDED_MAX_PX {
        picture.thumbnail(EMBEDDED_MAX_PX, EMBEDDED_MAX_PX)
    } else {
        picture
    };
    let mut png = Cursor::new(Vec::new());
    picture
        .to_rgb8()
        .write_to(&mut png, image::ImageFormat::Png)
        .map_err(|error| unreadable(error.to_string()))?;
    PngImage::from_bytes(png.into_inner()).map_err(unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::{PersonalValue, Personalization};
    use crate::storage::catalog::load_catalog_folder;
    use crate::storage::layout_file::load_layout;

    #[test]
    fn an_engraved_text_and_a_customer_photo_go_on_the_sheet_and_a_missing_photo_is_named() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let (catalogs, errors) = load_catalog_folder(&root.join("catalogs"));
        assert!(errors.is_empty(), "{errors:?}");
        let catalogs = CatalogSet { catalogs };
        let (mut layout, _) = load_layout(&root.join("saves/showroom.ron")).expect("loads");
        let folder = std::env::temp_dir().join(format!("rp-production-{}", std::process::id()));
        std::fs::create_dir_all(folder.join("images")).expect("scratch folder");
        let photo = image::RgbImage::from_fn(2400, 1200, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        photo
            .save(folder.join("images/headboard.jpg"))
            .expect("a JPEG");
        let mut table = layout.products[0].clone();
        table.id = "p-eika".into();
        table.product = "dining-table-eika".into();
        table.options = [(
            "plate".into(),
            crate::domain::catalog::OptionValue::Choice("engraved".into()),
        )]
        .into_iter()
        .collect();
        table.personal = Personalization::from([(
            "inscription".to_owned(),
            PersonalValue::Text {
                text: "Anna & Ben\n2026".into(),
                font: crate::domain::catalog::EngravingFont::SansBold,
                colour: "brass".into(),
            },
        )]);
        let mut bed = layout.products[0].clone();
        bed.id = "p-lume".into();
        bed.product = "bed-lume-print".into();
        bed.options = Default::default();
        bed.personal = Personalization::from([(
            "photo".to_owned(),
            PersonalValue::Image {
                file: "images/headboard.jpg".into(),
            },
        )]);
        layout.products.extend([table, bed]);
        let sheet = production_sheet(
            &layout,
            &catalogs,
            IsoDate::parse("2026-12-01").expect("date"),
        )
        .expect("a sheet");
        let readings: Vec<String> = sheet
            .lines
            .iter()
            .flat_map(|line| &line.personalization)
            .map(|reading| {
                format!(
                    "{} on {}: {:?}",
                    reading.label, reading.part, reading.content
                )
            })
            .collect();
        assert_eq!(readings.len(), 2, "{readings:?}");
        assert!(
            readings[0].starts_with(
                "Engraving on top: Text { text: \"Anna & Ben\\n2026\", font: \"Sans Bold\""
            ) && readings[0].contains("colour_hex: \"#b08d57\""),
            "{readings:?}"
        );
        let settings = root.join("settings");
        let date = IsoDate::parse("2026-12-01").expect("date");
        let bytes = prepare_production(&layout, &catalogs, &settings, &folder, date)
            .map_err(|error| error.to_string())
            .expect("a PDF");
        // The photo is embedded: the PDF holds an image of the scaled size.
        assert!(bytes.starts_with(b"%PDF"));
        assert!(
            bytes
                .windows(b"/Width 1600".len())
                .any(|w| w == b"/Width 1600"),
            "no 1600 px image in the PDF"
        );
        std::fs::remove_file(folder.join("images/headboard.jpg")).expect("removed");
        let missing = prepare_production(&layout, &catalogs, &settings, &folder, date)
            .err()
            .map(|error| error.to_string())
            .unwrap_or_default();
        assert!(
            missing.contains("needs every customer image")
                && missing.contains("images/headboard.jpg"),
            "{missing}"
        );
        std::fs::remove_dir_all(&folder).ok();
    }
}
