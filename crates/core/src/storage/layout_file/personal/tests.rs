//! Personalizations in layout files: a valid engraving and photo load; a text that cannot be
//! engraved is an error with its line and column; a missing image is a warning and the layout
//! still opens.

use crate::domain::catalog::{CatalogSet, PersonalValue};
use crate::domain::pricing::quote::quote_for_layout;
use crate::storage::catalog::load_catalog;
use crate::storage::error::LoadError;
use crate::storage::layout_file::{check_references, parse_layout};
use std::path::{Path, PathBuf};

fn catalogs() -> CatalogSet {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogs/nordhaus.ron");
    CatalogSet {
        catalogs: vec![load_catalog(&path).unwrap()],
    }
}

const LAYOUT: &str = r#"Layout(
    format_version: 1,
    catalogs: [CatalogRef(id: "nordhaus-living", version: "2026.1")],
    products: [
        PlacedProduct(
            id: "p-1",
            product: "dining-table-eika",
            options: {"plate": "engraved"},
            position: (2000, 2000),
            personal: {"inscription": Text(text: "Anna & Tom", font: Sans, colour: "brass")},
        ),
        PlacedProduct(
            id: "p-2",
            product: "bed-lume-print",
            position: (5000, 2000),
            personal: {"photo": Image(file: "images/headboard.png")},
        ),
    ],
)
"#;

fn folder(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("rp-personal-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("images")).unwrap();
    root
}

#[test]
fn an_engraving_and_a_photo_load_and_print_on_the_quote() {
    let root = folder("valid");
    image::RgbImage::from_pixel(1600, 640, image::Rgb([200, 120, 60]))
        .save(root.join("images/headboard.png"))
        .unwrap();
    let path = root.join("layout.ron");
    let layout = parse_layout(&path, LAYOUT).unwrap();
    let warnings = check_references(&path, LAYOUT, &layout, &catalogs()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(matches!(
        layout.products[0].personal.get("inscription"),
        Some(PersonalValue::Text { text, .. }) if text == "Anna & Tom"
    ));
    let quote = quote_for_layout(&layout, &catalogs()).unwrap();
    let table = &quote.lines[0];
    assert_eq!(
        table.personal,
        vec!["Engraving: “Anna & Tom” (Sans, brass, on the top)".to_owned()]
    );
    assert_eq!(table.sku, "EIK-OK-NPE");
    // 1890 base + 45 plate + (8 − 3) × 2.50 engraving = 1947.50.
    assert_eq!(table.unit_price, "1947.50".parse().unwrap());
    let bed = &quote.lines[1];
    assert_eq!(bed.images, vec!["images/headboard.png".to_owned()]);
    assert_eq!(bed.sku, "LUM-16-P");
    // 1490 base + 149 print.
    assert_eq!(bed.unit_price, "1639".parse().unwrap());
}

#[test]
fn a_text_that_cannot_be_engraved_is_located() {
    let text = LAYOUT.replace("Anna & Tom", "Anna + Tom");
    let path = Path::new("layout.ron");
    let layout = parse_layout(path, &text).unwrap();
    match check_references(path, &text, &layout, &catalogs()) {
        Err(LoadError::Invalid { problems }) => {
            assert_eq!((problems[0].line, problems[0].column), (10, 24));
            assert_eq!(
                problems[0].message,
                "`p-1` Engraving: “+” (line 1, character 6) cannot be engraved: allowed are Latin letters, digits, the characters &.-' and spaces"
            );
        }
        other => panic!("expected a located problem, got {other:?}"),
    }
    let text = LAYOUT.replace(r#"colour: "brass""#, r#"colour: "gold""#);
    let layout = parse_layout(path, &text).unwrap();
    let Err(LoadError::Invalid { problems }) = check_references(path, &text, &layout, &catalogs())
    else {
        panic!("expected a problem")
    };
    assert_eq!(
        problems[0].message,
        "`p-1` Engraving: colour `gold` is not offered (offered: brass, black, silver)"
    );
}

#[test]
fn a_missing_image_is_a_warning_and_the_layout_still_opens() {
    let root = folder("missing");
    let path = root.join("layout.ron");
    let layout = parse_layout(&path, LAYOUT).unwrap();
    let warnings = check_references(&path, LAYOUT, &layout, &catalogs()).unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].contains("`p-2` Headboard print: `images/headboard.png` cannot be read")
            && warnings[0].ends_with("the print is left out until a new image is chosen"),
        "{}",
        warnings[0]
    );
}

#[test]
fn an_image_path_leaving_the_images_folder_is_an_error() {
    let text = LAYOUT.replace("images/headboard.png", "../secret.png");
    let path = Path::new("layout.ron");
    let layout = parse_layout(path, &text).unwrap();
    let Err(LoadError::Invalid { problems }) = check_references(path, &text, &layout, &catalogs())
    else {
        panic!("expected a problem")
    };
    assert_eq!(problems[0].line, 16);
    assert!(
        problems[0]
            .message
            .contains("is not a PNG or JPEG file in the layout's images/ folder")
    );
}

#[test]
fn the_shipped_personalized_layout_opens_without_warnings_and_saves_back_unchanged() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../saves/personalized.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let layout = parse_layout(&path, &text).unwrap();
    let warnings = check_references(&path, &text, &layout, &catalogs()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        crate::storage::layout_file::layout_to_string(&layout).unwrap(),
        text
    );
    let quote = quote_for_layout(&layout, &catalogs()).unwrap();
    let table = quote
        .lines
        .iter()
        .find(|line| line.product_id.as_str() == "dining-table-eika")
        .unwrap();
    // 1890 base + 420 walnut + 45 plate + (12 counted: J ö r g & Z o ë 2 0 2 6, − 3 free) × 2.50
    // = 2377.50.
    assert_eq!(table.unit_price, "2377.50".parse().unwrap());
    assert_eq!(table.sku, "EIK-WN-NPE");
}
