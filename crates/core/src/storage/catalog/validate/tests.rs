//! Catalog loading: expressions, derived values and visibility, each valid and then invalid
//! with the message, line and column checked.

use crate::domain::catalog::{Catalog, Condition, Dimension, Quantity, SkuPiece};
use crate::domain::values::ids::OptionId;
use crate::storage::catalog::parse_catalog;
use crate::storage::error::LoadError;
use std::path::Path;

/// A catalog with one product whose options, rules and extra fields are spliced in. The
/// product's `rules:` line is line 9 plus the lines of `options`.
fn catalog_text(options: &str, rules: &str, extra: &str) -> String {
    format!(
        "Catalog(id: \"t\", name: \"T\", version: \"1\", currency: \"EUR\", vat_percent: 19, products: [\n\
         Product(\n\
         id: \"sofa\", name: \"Sofa\", category: \"Sofas\", kind: Floor,\n\
         width: Option(\"width\"), depth: Fixed(900), height: Fixed(800),\n\
         appearance: Shape(shape: Sofa),\n\
         options: [\n\
         {options}\n\
         ],\n\
         rules: [{rules}],\n\
         base_price: 1000,\n\
         {extra}\n\
         ),\n\
         ])"
    )
}

const OPTIONS: &str = "Range(id: \"width\", label: \"Width\", min: 1800, max: 3000, step: 1, default: 2400),\n\
     Choice(id: \"chaise\", label: \"Chaise\", values: [(id: \"none\", label: \"None\"), (id: \"left\", label: \"Left\")]),\n\
     Choice(id: \"arm\", label: \"Arm\", values: [(id: \"wide\", label: \"Wide\"), (id: \"slim\", label: \"Slim\")])";

fn load(text: &str) -> Result<Catalog, (usize, usize, String)> {
    parse_catalog(Path::new("t.ron"), text).map_err(|error| match error {
        LoadError::Invalid { problems } => {
            let first = &problems[0];
            (first.line, first.column, first.message.clone())
        }
        other => (0, 0, other.to_string()),
    })
}

/// Line and 1-based column of the first `needle` in `text` at or after line `line`.
fn place_of(text: &str, line: usize, needle: &str) -> (usize, usize) {
    for (at, row) in text.lines().enumerate().skip(line - 1) {
        if let Some(column) = row.find(needle) {
            return (at + 1, row[..column].chars().count() + 1);
        }
    }
    panic!("`{needle}` not in the text");
}

#[test]
fn expression_rules_load_and_mistakes_point_inside_the_string() {
    let rule = |when: &str| {
        format!(
            "Requires(when: \"{when}\", then: \"arm = slim\", message: \"A chaise on a narrow sofa takes slim arms\")"
        )
    };
    let catalog = load(&catalog_text(
        OPTIONS,
        &rule("chaise = left and width < 2400"),
        "",
    ))
    .unwrap();
    assert!(matches!(
        &catalog.products[0].rules[0],
        crate::domain::catalog::Rule::Requires {
            when: Condition::Expr(_),
            ..
        }
    ));
    // A value the option does not have.
    let text = catalog_text(OPTIONS, &rule("chaise = lft and width < 2400"), "");
    let (line, column, message) = load(&text).unwrap_err();
    assert_eq!(message, "`lft` is not a value of option `chaise`");
    assert_eq!((line, column), place_of(&text, 9, "lft"));
    // A number compared with a choice.
    let text = catalog_text(OPTIONS, &rule("chaise = left and arm > 2"), "");
    let (line, column, message) = load(&text).unwrap_err();
    assert_eq!(message, "option `arm` is a choice, not a number");
    assert_eq!((line, column), place_of(&text, 9, "arm >"));
    // An unknown name.
    let text = catalog_text(OPTIONS, &rule("chaise = left and widht < 2400"), "");
    let (line, column, message) = load(&text).unwrap_err();
    assert_eq!(
        message,
        "`widht` is not an option or derived value of this product"
    );
    assert_eq!((line, column), place_of(&text, 9, "widht"));
    // A syntax mistake.
    let text = catalog_text(OPTIONS, &rule("chaise = left && width < 2400"), "");
    let (line, column, message) = load(&text).unwrap_err();
    assert_eq!(message, "unexpected character `&`: write `and`");
    assert_eq!((line, column), place_of(&text, 9, "&&"));
}

#[test]
fn version_1_conditions_stay_valid_next_to_expressions() {
    let rules = "Requires(when: OneOf(\"chaise\", [\"left\"]), then: AtLeast(\"width\", 2000), message: \"Chaise needs 2000\"),\n\
                 Excludes(when: \"width > 2900\", then: Is(\"arm\", \"slim\"), message: \"Wide sofas take wide arms\")";
    let catalog = load(&catalog_text(OPTIONS, rules, "")).unwrap();
    assert_eq!(catalog.products[0].rules.len(), 2);
    let text = catalog_text(
        OPTIONS,
        "Requires(when: 42, then: \"arm = slim\", message: \"m\")",
        "",
    );
    let (line, _, message) = load(&text).unwrap_err();
    assert!(
        message.contains("a condition: an expression in double quotes"),
        "{message}"
    );
    assert_eq!(line, place_of(&text, 1, "when: 42").0);
}

#[test]
fn derived_values_load_feed_sku_bom_and_dimensions_and_cycles_are_refused() {
    let extra = "sku: \"SOF-{seats}-{group}\",\n\
        bom: [(part: \"SEAT\", description: \"Seat cushion\", quantity: Option(\"seats\"), when: \"seats >= 4\")],\n\
        derived: [\n\
        (id: \"seats\", label: \"Seats\", value: \"floor(width / 600)\", on_quote: true),\n\
        (id: \"group\", label: \"Price group\", value: \"if(seats >= 4, 'B', A)\"),\n\
        ],";
    let catalog = load(&catalog_text(OPTIONS, "", extra)).unwrap();
    let product = &catalog.products[0];
    assert_eq!(product.derived.len(), 2);
    assert_eq!(product.sku[1], SkuPiece::Derived(OptionId::from("seats")));
    assert_eq!(
        product.bom[0].quantity,
        Quantity::Derived(OptionId::from("seats"))
    );
    let defaults = Default::default();
    // 2400 / 600 = 4 seats, group B.
    assert_eq!(product.sku_for(&defaults), "SOF-4-B");
    assert_eq!(product.bom_quantity(&product.bom[0], &defaults), 4);
    assert_eq!(
        product.option_summary(&defaults).last().map(String::as_str),
        Some("Seats: 4")
    );
    let wide = crate::domain::catalog::Configuration::from([(
        OptionId::from("width"),
        crate::domain::catalog::OptionValue::Number(1800),
    )]);
    assert_eq!(product.sku_for(&wide), "SOF-3-A");
    assert_eq!(product.bom_quantity(&product.bom[0], &wide), 0);

    // A derived value as a dimension.
    let text = catalog_text(OPTIONS, "", extra)
        .replace("depth: Fixed(900)", "depth: Option(\"deep\")")
        .replace(
            "derived: [",
            "derived: [(id: \"deep\", label: \"Depth\", value: \"600 + seats * 100\"),",
        );
    let catalog = load(&text).unwrap();
    assert_eq!(
        catalog.products[0].size.depth,
        Dimension::Derived(OptionId::from("deep"))
    );
    assert_eq!(catalog.products[0].dimensions(&defaults).depth.0, 1000);

    // A cycle.
    let cyclic = "derived: [\n\
        (id: \"a\", label: \"A\", value: \"b + 1\"),\n\
        (id: \"b\", label: \"B\", value: \"a * 2\"),\n\
        ],";
    let text = catalog_text(OPTIONS, "", cyclic);
    let (line, column, message) = load(&text).unwrap_err();
    assert_eq!(message, "derived value `a` depends on itself: a → b → a");
    assert_eq!((line, column), place_of(&text, 11, "id: \"a\""));
    // A mistake inside a derived value.
    let text = catalog_text(
        OPTIONS,
        "",
        "derived: [(id: \"s\", label: \"S\", value: \"floor(chaise / 600)\")],",
    );
    let (line, column, message) = load(&text).unwrap_err();
    assert_eq!(message, "option `chaise` is a choice, not a number");
    assert_eq!((line, column), place_of(&text, 11, "chaise /"));
    // A derived value named like an option.
    let text = catalog_text(
        OPTIONS,
        "",
        "derived: [(id: \"arm\", label: \"S\", value: \"1\")],",
    );
    let (_, _, message) = load(&text).unwrap_err();
    assert_eq!(message, "derived value `arm` has the same id as an option");
}

#[test]
fn visibility_loads_and_cycles_or_mistakes_are_refused() {
    let options = OPTIONS.replace(
        "Choice(id: \"arm\", label: \"Arm\",",
        "Choice(id: \"arm\", label: \"Arm\", visible_when: \"chaise != none\",",
    );
    let catalog = load(&catalog_text(&options, "", "")).unwrap();
    let product = &catalog.products[0];
    assert!(product.options[2].visible_when.is_some());
    let defaults = Default::default();
    assert!(!product.is_shown(&OptionId::from("arm"), &defaults));
    assert_eq!(product.value_of(&OptionId::from("arm"), &defaults), None);
    assert_eq!(product.option_summary(&defaults).len(), 2);

    let text = catalog_text(&options.replace("chaise != none", "chaise != nne"), "", "");
    let (line, column, message) = load(&text).unwrap_err();
    assert_eq!(message, "`nne` is not a value of option `chaise`");
    assert_eq!((line, column), place_of(&text, 1, "nne"));

    let cyclic = options.replace(
        "Choice(id: \"chaise\", label: \"Chaise\",",
        "Choice(id: \"chaise\", label: \"Chaise\", visible_when: \"arm = wide\",",
    );
    let text = catalog_text(&cyclic, "", "");
    let (line, column, message) = load(&text).unwrap_err();
    assert_eq!(
        message,
        "whether option `chaise` shows depends on itself: chaise → arm → chaise"
    );
    assert_eq!((line, column), place_of(&text, 1, "visible_when: \"arm"));
}

#[test]
fn made_to_measure_ranges_in_one_millimetre_steps_load() {
    let options = OPTIONS.replace(
        "min: 1800, max: 3000, step: 1",
        "min: 800, max: 9000, step: 1",
    );
    let catalog = load(&catalog_text(&options, "", "")).unwrap();
    assert_eq!(catalog.products[0].options[0].values().len(), 8201);
    let too_many = OPTIONS.replace(
        "min: 1800, max: 3000, step: 1",
        "min: 1, max: 20000, step: 1",
    );
    let (_, _, message) = load(&catalog_text(&too_many, "", "")).unwrap_err();
    assert!(message.contains("more than 10000 values"), "{message}");
}

fn demo_catalog() -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogs/nordhaus.ron");
    let text = std::fs::read_to_string(&path).expect("the demo catalog is readable");
    parse_catalog(&path, &text).expect("the demo catalog loads")
}

fn chosen(pairs: &[(&str, &str)]) -> crate::domain::catalog::Configuration {
    use crate::domain::catalog::OptionValue;
    use crate::domain::values::ids::ValueId;
    pairs
        .iter()
        .map(|(option, value)| {
            let value = match value.parse::<i64>() {
                Ok(number) => OptionValue::Number(number),
                Err(_) => OptionValue::Choice(ValueId::from(*value)),
            };
            (OptionId::from(*option), value)
        })
        .collect()
}

#[test]
fn the_made_to_measure_wardrobe_prices_its_derived_doors() {
    use crate::domain::catalog::configuration::ConfigurationEngine;
    use crate::domain::pricing::price_breakdown;
    use crate::domain::values::ids::ProductId;
    let catalog = demo_catalog();
    let product = catalog
        .product(&ProductId::from("wardrobe-fjord-mtm"))
        .expect("the wardrobe is in the demo catalog");
    let engine = ConfigurationEngine::new(product);
    // 2450 mm: ceil(2450 / 600) = 5 doors, 15 hinges. Push-to-open stops at four doors.
    let explicit = chosen(&[("width", "2450"), ("finish", "oak")]);
    let full = engine.resolve(&explicit).unwrap();
    assert_eq!(product.sku_for(&full), "FJM-2450-5D-OK-B");
    let push = engine
        .why_blocked(
            &explicit,
            &OptionId::from("handles"),
            &chosen(&[("h", "push")])[&OptionId::from("h")],
        )
        .unwrap()
        .expect("push-to-open is blocked at five doors");
    assert_eq!(
        push.messages,
        vec!["Push-to-open is made for up to four doors (2400 mm)".to_owned()]
    );
    // 690 base + (2450 − 800) × 0.35 = 577.50 + 5 oak doors × 260 = 1300 + 15 hinges × 9.50
    // = 142.50 + 5 handles × 24 = 120: 2830.00.
    let price = price_breakdown(product, &full, 2);
    assert_eq!(price.unit_price, rust_decimal::Decimal::new(283_000, 2));
    assert!(
        product
            .option_summary(&full)
            .contains(&"Doors: 5".to_owned())
    );
    // Mirror doors need 450 mm: 1201 mm gives 3 doors of 400.3 mm, 1350 mm 3 of 450.
    let mirror = chosen(&[("finish", "mirror")]);
    let widths = engine
        .option_state(&mirror, &OptionId::from("width"))
        .unwrap();
    assert!(
        !widths
            .offered
            .contains(&chosen(&[("w", "1201")])[&OptionId::from("w")])
    );
    assert!(
        widths
            .offered
            .contains(&chosen(&[("w", "1350")])[&OptionId::from("w")])
    );
    assert!(
        !widths
            .offered
            .contains(&chosen(&[("w", "800")])[&OptionId::from("w")])
    );
}

#[test]
fn the_chaise_sofa_hides_the_cushion_without_a_chaise() {
    use crate::domain::catalog::configuration::ConfigurationEngine;
    use crate::domain::pricing::price_breakdown;
    use crate::domain::values::ids::ProductId;
    let catalog = demo_catalog();
    let product = catalog
        .product(&ProductId::from("sofa-bergen-chaise"))
        .expect("the sofa is in the demo catalog");
    let engine = ConfigurationEngine::new(product);
    let plain = engine
        .resolve(&chosen(&[("chaise_cushion", "down")]))
        .unwrap();
    assert_eq!(product.sku_for(&plain), "OSC-2400-ST-0-W");
    // 1590 + 6 steps × 90 = 540: 2130.00; the kept down cushion is hidden and costs nothing.
    assert_eq!(
        price_breakdown(product, &plain, 2).unit_price,
        rust_decimal::Decimal::new(213_000, 2)
    );
    let left = engine
        .resolve(&chosen(&[
            ("chaise", "left"),
            ("chaise_cushion", "down"),
            ("width", "2200"),
        ]))
        .unwrap();
    // Slim arms are forced: 1590 + 4 × 90 + 390 + 260 − 60 = 2540.00.
    assert_eq!(product.sku_for(&left), "OSC-2200-ST-LD-S");
    assert_eq!(
        price_breakdown(product, &left, 2).unit_price,
        rust_decimal::Decimal::new(254_000, 2)
    );
    assert!(
        product
            .option_summary(&left)
            .contains(&"Seats: 3".to_owned())
    );
}
