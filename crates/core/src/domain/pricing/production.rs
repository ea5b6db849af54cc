//! The production sheet: what the factory needs to make each line of an order, with no prices —
//! the product, quantity, article number, measured size, every option that applies with its
//! value and code, every derived value, every personalization (text verbatim with its font,
//! colour and part; image file and part), and the parts of the bill of materials. Lines keep the quote's positions and merging, so the
//! factory's line 3 is the customer's line 3.

use crate::domain::catalog::configuration::ResolveMemo;
use crate::domain::catalog::{
    CatalogSet, Configuration, Dimensions, PersonalDef, PersonalKind, PersonalValue,
    Personalization, Product,
};
use crate::domain::layout::Layout;
use crate::domain::pricing::quote::{BomRow, QuoteError, quote_for_layout};
use crate::domain::values::date::IsoDate;
use crate::domain::values::ids::{ProductId, ProductInstanceId};
use std::collections::BTreeMap;

/// One option of a line as the factory reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfiguredOption {
    /// The option's label, e.g. `Fabric`.
    pub label: String,
    /// The chosen value as the customer saw it, e.g. `Sand` or `2800 mm`.
    pub value: String,
    /// The value's code as in the article number, e.g. `SND`.
    pub code: String,
}

/// A value the catalog computes from the options (`Seats: 4`), as the factory reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedReading {
    /// The derived value's label.
    pub label: String,
    /// Its value: a number without trailing zeros, or a name.
    pub value: String,
}

/// A personalization of a line, as the factory applies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalReading {
    /// The personalization's label, e.g. `Engraving`.
    pub label: String,
    /// The part of the product it goes on, e.g. `top`.
    pub part: String,
    /// The text or the image.
    pub content: PersonalContent,
}

/// What a personalization puts on the part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonalContent {
    /// A text, verbatim (lines separated by `\n`), in a font and colour.
    Text {
        /// The text exactly as the customer typed it.
        text: String,
        /// The font's name.
        font: String,
        /// The colour's id, e.g. `brass`.
        colour: String,
        /// The colour as `#rrggbb` (empty when the catalog no longer has the colour).
        colour_hex: String,
    },
    /// The customer's image.
    Image {
        /// Path relative to the layout's folder (`images/…`).
        file: String,
    },
}

/// One line of the order, as the factory makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductionLine {
    /// The line's position, the same as on the quote.
    pub position: usize,
    /// Catalog product id.
    pub product_id: ProductId,
    /// Product name.
    pub name: String,
    /// Article number of the configuration.
    pub sku: String,
    /// How many to make.
    pub quantity: u32,
    /// Outer size of one product.
    pub size: Dimensions,
    /// Every option that applies (hidden ones left out) with its value, in the catalog's order.
    pub configuration: Vec<ConfiguredOption>,
    /// Every derived value, whether or not the customer's quote shows it, in the catalog's order.
    pub derived: Vec<DerivedReading>,
    /// Every personalization filled in and applying, in the catalog's order.
    pub personalization: Vec<PersonalReading>,
    /// Parts for this line (per product times the quantity), in the catalog's order.
    pub bom: Vec<BomRow>,
    /// The layout elements on this line.
    pub instances: Vec<ProductInstanceId>,
}

/// The production sheet of a layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductionSheet {
    /// The quote number the order refers to (empty when none has been issued).
    pub reference: String,
    /// The day the sheet was issued.
    pub issue_date: IsoDate,
    /// Who the order is for.
    pub customer_name: String,
    /// The lines.
    pub lines: Vec<ProductionLine>,
    /// Every part summed over the lines, sorted by part number.
    pub bom: Vec<BomRow>,
}

/// The production sheet for a layout: every placed product, door and window, merged into the
/// quote's lines.
///
/// # Errors
/// Those of [`quote_for_layout`]: a product missing from the catalogs, mixed currencies.
pub fn production_sheet(
    layout: &Layout,
    catalogs: &CatalogSet,
    issue_date: IsoDate,
) -> Result<ProductionSheet, QuoteError> {
    let quote = quote_for_layout(layout, catalogs)?;
    let no_personal = Personalization::new();
    let no_choices = Configuration::new();
    let explicit: BTreeMap<&str, (&Configuration, &Personalization)> = layout
        .products
        .iter()
        .map(|placed| (placed.id.0.as_str(), (&placed.options, &placed.personal)))
        .chain(
            layout
                .openings
                .iter()
                .map(|opening| (opening.id.as_str(), (&opening.options, &no_personal))),
        )
        .collect();
    let mut memo = ResolveMemo::default();
    let mut lines = Vec::with_capacity(quote.lines.len());
    for line in &quote.lines {
        let (_, product) = catalogs
            .product(&line.product_id)
            .ok_or_else(|| QuoteError::UnknownProduct(line.product_id.clone()))?;
        // Every element on a line has the same configuration and personalization: that is why
        // they were merged.
        let (chosen, personal) = line
            .instances
            .first()
            .and_then(|instance| explicit.get(instance.0.as_str()))
            .copied()
            .unwrap_or((&no_choices, &no_personal));
        let (configuration, _) = memo.resolve(product, chosen);
        lines.push(ProductionLine {
            position: line.position,
            product_id: line.product_id.clone(),
            name: line.name.clone(),
            sku: line.sku.clone(),
            quantity: line.quantity,
            size: product.dimensions(&configuration),
            configuration: configured_options(product, &configuration),
            derived: derived_readings(product, &configuration),
            personalization: personal_readings(product, &configuration, personal),
            bom: line_bom(product, &configuration, line.quantity),
            instances: line.instances.clone(),
        });
    }
    Ok(ProductionSheet {
        reference: layout.quote.reference.trim().to_owned(),
        issue_date,
        customer_name: layout.customer.name.clone(),
        lines,
        bom: quote.bom,
    })
}

/// What the factory reads about a configuration: every option that shows with its value and
/// code (a hidden option has no value and is left out).
#[must_use]
pub fn configured_options(
    product: &Product,
    configuration: &Configuration,
) -> Vec<ConfiguredOption> {
    product
        .options
        .iter()
        .filter_map(|def| {
            let value = product.value_of(&def.id, configuration)?;
            Some(ConfiguredOption {
                label: def.label.clone(),
                value: def.label_of(&value),
                code: def.code_of(&value),
            })
        })
        .collect()
}

/// Every derived value of a configuration that has one (one reading a hidden option has none).
#[must_use]
pub fn derived_readings(product: &Product, configuration: &Configuration) -> Vec<DerivedReading> {
    product
        .derived
        .iter()
        .filter_map(|derived| {
            let value = product.derived_value(&derived.id, configuration)?;
            Some(DerivedReading {
                label: derived.label.clone(),
                value: value.to_string(),
            })
        })
        .collect()
}

/// Every personalization filled in that applies with this configuration, as the factory reads it.
#[must_use]
pub fn personal_readings(
    product: &Product,
    configuration: &Configuration,
    personal: &Personalization,
) -> Vec<PersonalReading> {
    product
        .applied_personal(configuration, personal)
        .into_iter()
        .map(|(def, value)| PersonalReading {
            label: def.label.clone(),
            part: def.part.clone(),
            content: content(def, value),
        })
        .collect()
}

fn content(def: &PersonalDef, value: &PersonalValue) -> PersonalContent {
    match value {
        PersonalValue::Text { text, font, colour } => PersonalContent::Text {
            text: text.clone(),
            font: font.label().to_owned(),
            colour: colour.clone(),
            colour_hex: match &def.kind {
                PersonalKind::Text(spec) => spec
                    .colour(colour)
                    .map_or_else(String::new, |named| named.colour.to_string()),
                PersonalKind::Image(_) => String::new(),
            },
        },
        PersonalValue::Image { file } => PersonalContent::Image { file: file.clone() },
    }
}

/// The parts of `quantity` products of this configuration, in the catalog's order, parts whose
/// condition fails left out.
fn line_bom(product: &Product, configuration: &Configuration, quantity: u32) -> Vec<BomRow> {
    product
        .bom
        .iter()
        .filter_map(|line| {
            let per_product = product.bom_quantity(line, configuration);
            (per_product > 0).then(|| BomRow {
                part: line.part.clone(),
                description: line.description.clone(),
                quantity: u64::from(per_product) * u64::from(quantity),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::catalog::load_catalog_folder;
    use crate::storage::layout_file::load_layout;
    use std::path::Path;

    #[test]
    fn hidden_options_are_left_out_and_every_derived_value_is_listed() {
        let text = "Catalog(id: \"t\", name: \"T\", version: \"1\", currency: \"EUR\", vat_percent: 19, products: [\n\
            Product(id: \"sofa\", name: \"Sofa\", category: \"Sofas\", kind: Floor,\n\
            width: Option(\"width\"), depth: Fixed(900), height: Fixed(800), appearance: Shape(shape: Sofa),\n\
            options: [\n\
            Range(id: \"width\", label: \"Width\", min: 1800, max: 3000, step: 1, default: 2400),\n\
            Choice(id: \"chaise\", label: \"Chaise\", values: [(id: \"none\", label: \"None\"), (id: \"left\", label: \"Left\")]),\n\
            Choice(id: \"cushion\", label: \"Chaise cushion\", visible_when: \"chaise != none\", values: [(id: \"flat\", label: \"Flat\")]),\n\
            ],\n\
            base_price: 1000,\n\
            derived: [(id: \"seats\", label: \"Seats\", value: \"floor(width / 600)\")],\n\
            )])";
        let catalog =
            crate::storage::catalog::parse_catalog(Path::new("t.ron"), text).expect("loads");
        let product = &catalog.products[0];
        let mut configuration = Configuration::new();
        configuration.insert(
            "width".into(),
            crate::domain::catalog::OptionValue::Number(2000),
        );
        let labels = |configuration: &Configuration| -> Vec<String> {
            configured_options(product, configuration)
                .into_iter()
                .map(|option| format!("{}: {} ({})", option.label, option.value, option.code))
                .collect()
        };
        // No chaise: its cushion does not apply.
        assert_eq!(
            labels(&configuration),
            ["Width: 2000 mm (2000)", "Chaise: None (NONE)"]
        );
        assert_eq!(
            derived_readings(product, &configuration),
            [DerivedReading {
                label: "Seats".into(),
                value: "3".into()
            }]
        );
        configuration.insert(
            "chaise".into(),
            crate::domain::catalog::OptionValue::Choice("left".into()),
        );
        assert_eq!(
            labels(&configuration),
            [
                "Width: 2000 mm (2000)",
                "Chaise: Left (LEFT)",
                "Chaise cushion: Flat (FLAT)"
            ]
        );
    }

    #[test]
    fn the_showroom_sheet_lists_each_line_with_its_options_size_and_parts() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let (catalogs, errors) = load_catalog_folder(&root.join("catalogs"));
        assert!(errors.is_empty(), "{errors:?}");
        let catalogs = CatalogSet { catalogs };
        let (layout, _) = load_layout(&root.join("saves/showroom.ron")).expect("loads");
        let date = IsoDate::parse("2026-12-01").expect("a date");
        let sheet = production_sheet(&layout, &catalogs, date).expect("a sheet");
        let quote = quote_for_layout(&layout, &catalogs).expect("a quote");
        assert_eq!(sheet.lines.len(), quote.lines.len());
        assert_eq!(sheet.bom, quote.bom);
        let sofa = sheet
            .lines
            .iter()
            .find(|line| line.product_id.0 == "sofa-oslo")
            .expect("the sofa");
        // Placed with width 2800 and a right chaise, in sand fabric on oak legs.
        assert_eq!(sofa.size.width.0, 2800);
        let options: Vec<String> = sofa
            .configuration
            .iter()
            .map(|option| format!("{}={}", option.label, option.value))
            .collect();
        assert!(options.iter().any(|o| o.contains("2800")), "{options:?}");
        assert_eq!(
            sofa.configuration.len(),
            catalogs
                .product(&sofa.product_id)
                .map_or(0, |(_, product)| product.options.len())
        );
        // The parts of every line add up to the quote's bill of materials.
        let mut summed: BTreeMap<(String, String), u64> = BTreeMap::new();
        for line in &sheet.lines {
            for row in &line.bom {
                *summed
                    .entry((row.part.clone(), row.description.clone()))
                    .or_default() += row.quantity;
            }
        }
        let total: Vec<BomRow> = summed
            .into_iter()
            .map(|((part, description), quantity)| BomRow {
                part,
                description,
                quantity,
            })
            .collect();
        assert_eq!(total, sheet.bom);
        let chairs = sheet
            .lines
            .iter()
            .find(|line| line.product_id.0 == "chair-vik")
            .expect("the chairs");
        assert_eq!(chairs.quantity, 6);
        assert_eq!(chairs.instances.len(), 6);
    }
}
