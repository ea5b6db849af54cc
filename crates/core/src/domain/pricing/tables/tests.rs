//! Tests of price-table pricing: hand-computed amounts, and a property test that the breakdown of
//! random tables and configurations adds up exactly to the unrounded total, the unit price
//! being its rounding.

use crate::domain::catalog::{Catalog, Configuration, OptionValue};
use crate::domain::pricing::price_breakdown;
use crate::storage::catalog::parse_catalog;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rust_decimal::{Decimal, RoundingStrategy};
use std::path::Path;
use std::str::FromStr;

const SOFA: &str = r#"Catalog(
    id: "t", name: "T", version: "1", currency: "EUR", vat_percent: 19,
    price_groups: ["COM", "A", "B", "C"],
    products: [
        Product(
            id: "sofa", name: "Sofa", category: "Sofas", kind: Floor,
            width: Option("width"), depth: Fixed(900), height: Fixed(800),
            appearance: Shape(shape: Sofa),
            options: [
                Range(id: "width", label: "Width", min: 1800, max: 2400, step: 200),
                Choice(id: "cover", label: "Cover", values: [
                    (id: "wool", label: "Wool", group: "A"),
                    (id: "velvet", label: "Velvet", group: "C", price: 50),
                    (id: "com", label: "Customer's own material", group: "COM"),
                ]),
                Choice(id: "back", label: "Back cover", values: [
                    (id: "same", label: "Same", group: "COM"),
                    (id: "linen", label: "Linen", group: "B"),
                ]),
                Choice(id: "function", label: "Function", values: [
                    (id: "fixed", label: "Fixed seat"),
                    (id: "recline", label: "Power recline"),
                ]),
            ],
            base_price: 100,
            prices: [
                Table(label: "Upholstery", keys: [HighestGroup(["cover", "back"]), Band("width")],
                      columns: ["1800..2000", "2000..2200", "2200..=2400"],
                      rows: [
                          (["COM"], [500, 600, 700]),
                          (["A"], [1000, 1100, 1200]),
                          (["B"], [1500, 1600, 1700]),
                          (["C"], [2000, 2100, 2200]),
                      ]),
                Table(label: "Function", keys: [Option("function")], columns: ["fixed", "recline"],
                      rows: [([], [0, "10%"])]),
            ],
        ),
    ],
)"#;

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("decimal")
}

fn sofa_catalog() -> Catalog {
    parse_catalog(Path::new("t.ron"), SOFA).expect("valid")
}

fn configuration(width: i64, cover: &str, back: &str, function: &str) -> Configuration {
    Configuration::from([
        ("width".into(), OptionValue::Number(width)),
        ("cover".into(), OptionValue::Choice(cover.into())),
        ("back".into(), OptionValue::Choice(back.into())),
        ("function".into(), OptionValue::Choice(function.into())),
    ])
}

#[test]
fn the_highest_group_and_the_width_band_pick_the_row_and_the_surcharge_takes_the_list_price() {
    let catalog = sofa_catalog();
    let sofa = &catalog.products[0];
    let breakdown = price_breakdown(sofa, &configuration(2000, "velvet", "linen", "recline"), 2);
    // Highest of C (velvet) and B (linen) is C; 2000 mm lies in 2000..2200: 2,100.00.
    // The surcharge: 10 % of 100 base + 50 velvet + 2,100 upholstery = 225.00.
    let lines: Vec<(&str, Decimal)> = breakdown
        .tables
        .iter()
        .map(|c| (c.label.as_str(), c.amount))
        .collect();
    assert_eq!(
        lines,
        [
            ("Upholstery: group C × 2000–2199 mm", dec("2100")),
            ("Function: Power recline (+10 % of 2,250.00)", dec("225.0")),
        ]
    );
    assert_eq!(breakdown.options[0].label, "Cover: Velvet");
    assert_eq!(breakdown.unit_price, dec("2475.00"));
}

#[test]
fn customers_own_material_is_priced_as_its_group() {
    let catalog = sofa_catalog();
    let sofa = &catalog.products[0];
    let breakdown = price_breakdown(sofa, &configuration(2400, "com", "same", "fixed"), 2);
    // COM on seat and back: group COM; 2400 mm is in 2200..=2400: 700.00; fixed seat: 0.00.
    assert_eq!(
        breakdown.tables[0].label,
        "Upholstery: group COM × 2200–2400 mm"
    );
    assert_eq!(breakdown.tables[0].amount, dec("700"));
    assert_eq!(breakdown.tables[1].label, "Function: Fixed seat");
    assert_eq!(breakdown.tables[1].amount, Decimal::ZERO);
    assert_eq!(breakdown.unit_price, dec("800.00"));
    // A linen back lifts COM to group B: 1,700.00.
    let breakdown = price_breakdown(sofa, &configuration(2400, "com", "linen", "fixed"), 2);
    assert_eq!(
        breakdown.tables[0].label,
        "Upholstery: group B × 2200–2400 mm"
    );
    assert_eq!(breakdown.unit_price, dec("1800.00"));
}

/// One random catalog: groups, a width range cut into bands, covers and backs with groups, and
/// price tables over them, every combination priced.
#[derive(Debug, Clone)]
struct Case {
    groups: usize,
    width_step: i64,
    widths: usize,
    cuts: Vec<usize>,
    covers: Vec<(usize, Decimal)>,
    backs: Vec<usize>,
    base: Decimal,
    tables: Vec<(usize, Vec<Cell>)>,
    chosen: (usize, usize, usize, usize),
}

#[derive(Debug, Clone, Copy)]
enum Cell {
    Amount(Decimal),
    Percent(Decimal),
}

/// Key patterns the random tables use: (keys in RON, which inputs).
const PATTERNS: [&str; 5] = [
    r#"Group("cover")"#,
    r#"HighestGroup(["cover", "back"]), Band("width")"#,
    r#"Option("function")"#,
    r#"Group("cover"), Option("function"), Band("width")"#,
    r#"Band("width")"#,
];

fn decimal_strategy(max_units: i64) -> impl Strategy<Value = Decimal> {
    (0..=max_units * 1000, 0u32..=3).prop_map(|(milli, scale)| {
        // 0 to 3 decimals, e.g. 12, 12.5, 12.34, 12.345.
        let value = Decimal::new(milli, 3);
        value.round_dp(scale)
    })
}

fn cell_strategy() -> impl Strategy<Value = Cell> {
    prop_oneof![
        3 => decimal_strategy(5_000).prop_map(Cell::Amount),
        1 => decimal_strategy(40).prop_map(Cell::Percent),
    ]
}

fn case_strategy() -> impl Strategy<Value = Case> {
    (
        1usize..=5,
        prop_oneof![Just(50i64), Just(100), Just(200)],
        1usize..=8,
    )
        .prop_flat_map(|(groups, width_step, widths)| {
            let cuts =
                proptest::collection::btree_set(1..widths.max(2), 0..widths).prop_map(move |set| {
                    set.into_iter()
                        .filter(|cut| *cut < widths)
                        .collect::<Vec<_>>()
                });
            let covers = proptest::collection::vec((0..groups, decimal_strategy(300)), 1..=5);
            let backs = proptest::collection::vec(0..groups, 1..=3);
            let tables = proptest::collection::vec(
                (
                    0..PATTERNS.len(),
                    proptest::collection::vec(cell_strategy(), 160),
                ),
                1..=3,
            );
            (
                Just(groups),
                Just(width_step),
                Just(widths),
                cuts,
                covers,
                backs,
                decimal_strategy(2_000),
                tables,
                (0..widths, 0..5usize, 0..3usize, 0..2usize),
            )
        })
        .prop_map(
            |(groups, width_step, widths, cuts, covers, backs, base, tables, chosen)| Case {
                groups,
                width_step,
                widths,
                cuts,
                covers,
                backs,
                base,
                tables,
                chosen,
            },
        )
}

impl Case {
    fn width(&self, index: usize) -> i64 {
        1000 + self.width_step * index as i64
    }

    /// Band boundaries as indexes of widths: [0, cut…, widths].
    fn bounds(&self) -> Vec<usize> {
        let mut bounds = vec![0];
        bounds.extend(&self.cuts);
        bounds.push(self.widths);
        bounds
    }

    fn band_of(&self, width_index: usize) -> usize {
        self.bounds()
            .windows(2)
            .position(|pair| pair[0] <= width_index && width_index < pair[1])
            .unwrap_or(0)
    }

    /// The cell index of every combination of a pattern's inputs, and the inputs' sizes.
    fn sizes(&self, pattern: usize) -> Vec<usize> {
        let bands = self.bounds().len() - 1;
        match pattern {
            0 => vec![self.groups],
            1 => vec![self.groups, bands],
            2 => vec![2],
            3 => vec![self.groups, 2, bands],
            _ => vec![bands],
        }
    }

    fn ron(&self) -> String {
        let groups: Vec<String> = (0..self.groups).map(|g| format!("\"G{g}\"")).collect();
        let covers: Vec<String> = self
            .covers
            .iter()
            .enumerate()
            .map(|(index, (group, price))| {
                format!("(id: \"c{index}\", label: \"Cover {index}\", group: \"G{group}\", price: \"{price}\")")
            })
            .collect();
        let backs: Vec<String> = self
            .backs
            .iter()
            .enumerate()
            .map(|(index, group)| {
                format!("(id: \"b{index}\", label: \"Back {index}\", group: \"G{group}\")")
            })
            .collect();
        let bounds = self.bounds();
        let bands: Vec<String> = bounds
            .windows(2)
            .map(|pair| format!("\"{}..{}\"", self.width(pair[0]), self.width(pair[1])))
            .collect();
        let group_cells: Vec<String> = (0..self.groups).map(|g| format!("\"G{g}\"")).collect();
        let functions = vec!["\"f0\"".to_owned(), "\"f1\"".to_owned()];
        let tables: Vec<String> = self
            .tables
            .iter()
            .enumerate()
            .map(|(index, (pattern, cells))| {
                let sizes = self.sizes(*pattern);
                let (leading, columns): (Vec<Vec<String>>, &Vec<String>) = match pattern {
                    0 => (vec![vec![]], &group_cells),
                    1 => (
                        group_cells.iter().map(|g| vec![g.clone()]).collect(),
                        &bands,
                    ),
                    2 => (vec![vec![]], &functions),
                    3 => (
                        group_cells
                            .iter()
                            .flat_map(|g| functions.iter().map(move |f| vec![g.clone(), f.clone()]))
                            .collect(),
                        &bands,
                    ),
                    _ => (vec![vec![]], &bands),
                };
                let width = *sizes.last().unwrap_or(&1);
                let rows: Vec<String> = leading
                    .iter()
                    .enumerate()
                    .map(|(row, keys)| {
                        let prices: Vec<String> = (0..width)
                            .map(|column| match cells[(row * width + column) % cells.len()] {
                                Cell::Amount(amount) => format!("\"{amount}\""),
                                Cell::Percent(percent) => format!("\"{percent}%\""),
                            })
                            .collect();
                        format!("([{}], [{}])", keys.join(", "), prices.join(", "))
                    })
                    .collect();
                format!(
                    "Table(label: \"T{index}\", keys: [{}], columns: [{}], rows: [{}])",
                    PATTERNS[*pattern],
                    columns.join(", "),
                    rows.join(", ")
                )
            })
            .collect();
        format!(
            r#"Catalog(id: "p", name: "P", version: "1", currency: "EUR", vat_percent: 19,
    price_groups: [{}],
    products: [Product(id: "x", name: "X", category: "C", kind: Floor,
        width: Option("width"), depth: Fixed(900), height: Fixed(800), appearance: Shape(shape: Sofa),
        options: [
            Range(id: "width", label: "Width", min: 1000, max: {}, step: {}),
            Choice(id: "cover", label: "Cover", values: [{}]),
            Choice(id: "back", label: "Back", values: [{}]),
            Choice(id: "function", label: "Function", values: [(id: "f0", label: "F0"), (id: "f1", label: "F1")]),
        ],
        base_price: "{}",
        prices: [{}],
    )],
)"#,
            groups.join(", "),
            self.width(self.widths - 1),
            self.width_step,
            covers.join(", "),
            backs.join(", "),
            self.base,
            tables.join(", ")
        )
    }

    /// The unrounded unit price worked out directly from the case.
    fn expected_total(&self) -> Decimal {
        let (width, cover, back, function) = self.chosen;
        let cover = cover % self.covers.len();
        let back = back % self.backs.len();
        let (cover_group, cover_price) = self.covers[cover];
        let highest = cover_group.max(self.backs[back]);
        let band = self.band_of(width);
        let list = self.base + cover_price;
        let mut amounts = Decimal::ZERO;
        let mut percents = Decimal::ZERO;
        for (pattern, cells) in &self.tables {
            let index = match pattern {
                0 => cover_group,
                1 => highest * (self.bounds().len() - 1) + band,
                2 => function,
                3 => (cover_group * 2 + function) * (self.bounds().len() - 1) + band,
                _ => band,
            };
            match cells[index % cells.len()] {
                Cell::Amount(amount) => amounts += amount,
                Cell::Percent(percent) => percents += percent,
            }
        }
        let before_surcharges = list + amounts;
        before_surcharges + before_surcharges * percents / Decimal::ONE_HUNDRED
    }

    fn configuration(&self) -> Configuration {
        let (width, cover, back, function) = self.chosen;
        Configuration::from([
            ("width".into(), OptionValue::Number(self.width(width))),
            (
                "cover".into(),
                OptionValue::Choice(format!("c{}", cover % self.covers.len()).as_str().into()),
            ),
            (
                "back".into(),
                OptionValue::Choice(format!("b{}", back % self.backs.len()).as_str().into()),
            ),
            (
                "function".into(),
                OptionValue::Choice(format!("f{function}").as_str().into()),
            ),
        ])
    }
}

#[test]
fn random_tables_and_configurations_add_up_to_the_unit_price() {
    const CASES: u32 = 400;
    let mut runner = TestRunner::new(Config::with_cases(CASES));
    let accepted = std::cell::Cell::new(0u32);
    runner
        .run(&case_strategy(), |case| {
            let text = case.ron();
            let catalog = parse_catalog(Path::new("p.ron"), &text)
                .map_err(|error| TestCaseError::fail(format!("{error}\n{text}")))?;
            let product = &catalog.products[0];
            let breakdown = price_breakdown(product, &case.configuration(), 2);
            let total = case.expected_total();
            let summed = breakdown.base + breakdown.components().map(|c| c.amount).sum::<Decimal>();
            prop_assert_eq!(summed, total, "{}", text);
            prop_assert_eq!(breakdown.unrounded_total(), total);
            prop_assert_eq!(
                breakdown.unit_price,
                total.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            );
            prop_assert_eq!(breakdown.tables.len(), case.tables.len());
            accepted.set(accepted.get() + 1);
            Ok(())
        })
        .expect("every case adds up");
    let accepted = accepted.get();
    assert!(accepted >= CASES, "only {accepted} cases checked");
    println!("price tables property: {accepted} cases accepted");
}

#[test]
fn the_demo_sofa_is_priced_by_the_dearer_cover_group_and_width_band() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalogs/nordhaus.ron");
    let catalog = crate::storage::catalog::load_catalog(&path).expect("the demo catalog loads");
    let sofa = catalog
        .product(&"sofa-malmo".into())
        .expect("the demo has the Malmö sofa");
    let configuration = Configuration::from([
        ("width".into(), OptionValue::Number(2100)),
        ("seat_fabric".into(), OptionValue::Choice("velvet".into())),
        ("back_fabric".into(), OptionValue::Choice("linen".into())),
        ("function".into(), OptionValue::Choice("power".into())),
    ]);
    let breakdown = price_breakdown(sofa, &configuration, 2);
    // Velvet is group E, linen group C: E prices the sofa; 2100 mm is in 2000..2200: 2,610.00.
    // Power recliner: 14 % of 2,610.00 = 365.40. Unit price 2,975.40.
    let lines: Vec<(&str, Decimal)> = breakdown
        .tables
        .iter()
        .map(|c| (c.label.as_str(), c.amount))
        .collect();
    assert_eq!(
        lines,
        [
            ("Upholstery: group E × 2000–2199 mm", dec("2610")),
            (
                "Function: Power recliner, both end seats (+14 % of 2,610.00)",
                dec("365.40")
            ),
        ]
    );
    assert_eq!(breakdown.unit_price, dec("2975.40"));
    // The customer's own material on seat and back, 2700 mm, fixed seats: 2,040.00.
    let com = Configuration::from([
        ("width".into(), OptionValue::Number(2700)),
        ("seat_fabric".into(), OptionValue::Choice("com".into())),
        ("back_fabric".into(), OptionValue::Choice("com".into())),
        ("function".into(), OptionValue::Choice("fixed".into())),
    ]);
    let breakdown = price_breakdown(sofa, &com, 2);
    assert_eq!(
        breakdown.tables[0].label,
        "Upholstery: group COM × 2600–2799 mm"
    );
    assert_eq!(breakdown.unit_price, dec("2040.00"));
}

#[test]
fn a_table_keyed_on_a_hidden_option_adds_nothing() {
    let text = r#"Catalog(
    id: "h", name: "H", version: "1", currency: "EUR", vat_percent: 19,
    products: [Product(id: "x", name: "X", category: "C", kind: Floor,
        width: Fixed(2000), depth: Fixed(900), height: Fixed(800), appearance: Shape(shape: Sofa),
        options: [
            Choice(id: "chaise", label: "Chaise", values: [(id: "none", label: "None"), (id: "left", label: "Left")]),
            Choice(id: "cushion", label: "Chaise cushion", visible_when: "chaise != none",
                   values: [(id: "foam", label: "Foam"), (id: "down", label: "Down")]),
        ],
        base_price: 1000,
        prices: [Table(label: "Cushion", keys: [Option("cushion")], columns: ["foam", "down"], rows: [([], [0, 240])])],
    )],
)"#;
    let catalog = parse_catalog(Path::new("h.ron"), text).expect("valid");
    let product = &catalog.products[0];
    let with = |chaise: &str| {
        Configuration::from([
            ("chaise".into(), OptionValue::Choice(chaise.into())),
            ("cushion".into(), OptionValue::Choice("down".into())),
        ])
    };
    let shown = price_breakdown(product, &with("left"), 2);
    assert_eq!(shown.tables[0].label, "Cushion: Down");
    assert_eq!(shown.unit_price, dec("1240.00"));
    // Without a chaise the cushion is hidden: the kept choice prices nothing.
    let hidden = price_breakdown(product, &with("none"), 2);
    assert!(hidden.tables.is_empty(), "{:?}", hidden.tables);
    assert_eq!(hidden.unit_price, dec("1000.00"));
}
