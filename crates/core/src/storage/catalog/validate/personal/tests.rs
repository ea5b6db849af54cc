//! Personalization in catalog files: a valid Text and Image load as written; each mistake is
//! reported with its line and column.

use crate::domain::catalog::{
    CharSet, EngravingFont, PersonalKind, PersonalPrice, PersonalValue, Personalization,
};
use crate::storage::catalog::parse_catalog;
use crate::storage::error::LoadError;
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;

const VALID: &str = r##"Catalog(
    id: "t", name: "T", version: "1", currency: "EUR", vat_percent: 19,
    products: [
        Product(
            id: "table", name: "Table", category: "Tables", kind: Floor,
            width: Fixed(2000), depth: Fixed(900), height: Fixed(750),
            appearance: Shape(shape: Table, materials: {"top": Colour("#c19a6b")}),
            options: [
                Choice(id: "plate", label: "Plate", values: [
                    (id: "none", label: "None", code: "0"),
                    (id: "yes", label: "Plate", price: 45, code: "1"),
                ]),
            ],
            personalization: [
                Text(
                    id: "name", label: "Name plate", part: "top",
                    max_chars: 24, max_lines: 2,
                    allowed: [LatinLetters, Chars("&")],
                    fonts: [Sans, SansBold],
                    colours: [("brass", "#b08d57")],
                    price: PerChar(amount: 2.50, free: 3),
                    code: "-E",
                    when: Is("plate", "yes"),
                ),
            ],
            base_price: 1000,
            sku: "T{plate}{name}",
        ),
        Product(
            id: "bed", name: "Bed", category: "Beds", kind: Floor,
            width: Fixed(1600), depth: Fixed(2100), height: Fixed(1100),
            appearance: Shape(shape: Bed),
            personalization: [
                Image(id: "photo", label: "Headboard print", part: "headboard",
                      min_px: (1600, 640), aspect: (5, 2), price: Flat(149)),
            ],
            base_price: 1490,
        ),
    ],
)"##;

fn problem(text: &str) -> (usize, usize, String) {
    match parse_catalog(Path::new("t.ron"), text) {
        Err(LoadError::Invalid { problems }) => {
            let first = &problems[0];
            (first.line, first.column, first.message.clone())
        }
        Err(other) => panic!("expected a located problem, got {other}"),
        Ok(_) => panic!("expected a problem"),
    }
}

#[test]
fn text_and_image_personalizations_load_as_written() {
    let catalog = parse_catalog(Path::new("t.ron"), VALID).unwrap();
    let table = &catalog.products[0];
    let def = &table.personalization[0];
    assert_eq!((def.id.as_str(), def.part.as_str()), ("name", "top"));
    let PersonalKind::Text(spec) = &def.kind else {
        panic!("a text")
    };
    assert_eq!(
        spec.allowed,
        vec![CharSet::LatinLetters, CharSet::Chars("&".into())]
    );
    assert_eq!(
        spec.fonts,
        vec![EngravingFont::Sans, EngravingFont::SansBold]
    );
    assert_eq!(
        def.price,
        PersonalPrice::PerChar {
            amount: Decimal::from_str("2.5").unwrap(),
            free: 3
        }
    );
    let bed = &catalog.products[1];
    let PersonalKind::Image(spec) = &bed.personalization[0].kind else {
        panic!("an image")
    };
    assert_eq!(
        (spec.min_px, spec.aspect, spec.aspect_tolerance_percent),
        ((1600, 640), (5, 2), 5)
    );
    // The SKU gets the code only when the engraving applies (plate chosen and text entered).
    let mut personal = Personalization::new();
    personal.insert(
        "name".into(),
        PersonalValue::Text {
            text: "Anna".into(),
            font: EngravingFont::Sans,
            colour: "brass".into(),
        },
    );
    let none = table.sku_with(&Default::default(), &personal);
    assert_eq!(none, "T0");
    let chosen: crate::domain::catalog::Configuration = [(
        "plate".into(),
        crate::domain::catalog::OptionValue::Choice("yes".into()),
    )]
    .into_iter()
    .collect();
    assert_eq!(table.sku_with(&chosen, &personal), "T1-E");
    assert_eq!(table.sku_with(&chosen, &Personalization::new()), "T1");
}

#[test]
fn a_part_the_shape_lacks_is_located() {
    let text = VALID.replace(r#"part: "top""#, r#"part: "drawer""#);
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), (16, 54));
    assert_eq!(
        message,
        "a Table has no part `drawer` to personalize (parts: top)"
    );
}

#[test]
fn a_bad_colour_an_unknown_font_and_a_per_char_image_are_located() {
    let text = VALID.replace(r##""#b08d57""##, r##""brass""##);
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), (20, 32));
    assert_eq!(message, "colour `brass`: `brass` is not a #rrggbb colour");

    let text = VALID.replace("fonts: [Sans, SansBold]", "fonts: [Sans, Serif]");
    let (line, _, message) = problem(&text);
    assert_eq!(line, 19);
    assert!(message.contains("Serif"), "{message}");

    let text = VALID.replace("price: Flat(149)", "price: PerChar(amount: 1)");
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), (35, 60));
    assert_eq!(
        message,
        "an image is priced Flat(amount); PerChar is for texts"
    );
}

#[test]
fn limits_and_conditions_are_checked() {
    let text = VALID.replace("max_chars: 24", "max_chars: 0");
    let (line, column, message) = problem(&text);
    assert_eq!((line, column), (17, 21));
    assert_eq!(message, "max_chars 0 is not between 1 and 200");

    let text = VALID.replace(
        r#"when: Is("plate", "yes")"#,
        r#"when: Is("colour", "yes")"#,
    );
    let (line, _, message) = problem(&text);
    assert_eq!(line, 23);
    assert_eq!(message, "rule names option `colour`, which does not exist");

    let text = VALID.replace(r#"id: "name", label"#, r#"id: "plate", label"#);
    let (_, _, message) = problem(&text);
    assert!(message.contains("already used"), "{message}");
}

#[test]
fn the_demo_catalog_offers_the_engraved_table_and_the_photo_bed() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogs/nordhaus.ron");
    let catalog = crate::storage::catalog::load_catalog(&path).unwrap();
    let table = catalog
        .product(&"dining-table-eika".into())
        .expect("the engraved table");
    assert_eq!(table.personalization[0].part, "top");
    let bed = catalog
        .product(&"bed-lume-print".into())
        .expect("the photo bed");
    assert!(matches!(
        bed.personalization[0].kind,
        PersonalKind::Image(_)
    ));
}
