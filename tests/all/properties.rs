//! Property tests: pricing invariants over random products, configurations and discounts from
//! the shipped catalogs, and save round-trips of generated layouts.

use crate::support::shipped_catalogs;
use proptest::prelude::*;
use room_planner::domain::catalog::Configuration;
use room_planner::domain::catalog::configuration::ConfigurationEngine;
use room_planner::domain::catalog::{CatalogSet, OptionValue};
use room_planner::domain::layout::{
    CatalogRef, Customer, FORMAT_VERSION, HingeSide, Layout, Opening, PlacedProduct, QuoteInfo,
    Swing, Wall,
};
use room_planner::domain::pricing::quote::{QuoteItem, build_quote};
use room_planner::domain::values::date::IsoDate;
use room_planner::domain::values::ids::{
    CatalogId, OpeningId, OptionId, ProductId, ProductInstanceId, ValueId, WallId,
};
use room_planner::domain::values::units::{Mm, PointMm};
use room_planner::storage::layout_file::{layout_to_string, parse_layout};
use rust_decimal::Decimal;
use std::path::Path;
use std::sync::OnceLock;

fn catalogs() -> &'static CatalogSet {
    static CATALOGS: OnceLock<CatalogSet> = OnceLock::new();
    CATALOGS.get_or_init(shipped_catalogs)
}

/// A product index, a configuration seed and a discount in hundredths of a percent.
type ItemSeed = (usize, usize, u32, u32);

fn items(seeds: &[ItemSeed]) -> Vec<QuoteItem<'static>> {
    let products: Vec<_> = catalogs()
        .catalogs
        .iter()
        .flat_map(|c| &c.products)
        .collect();
    seeds
        .iter()
        .map(|(product_seed, config_seed, discount, quantity)| {
            let product = products[product_seed % products.len()];
            let valid = ConfigurationEngine::new(product)
                .enumerate_valid(100_000)
                .expect("enumerable");
            QuoteItem {
                product,
                configuration: valid[config_seed % valid.len()].clone(),
                quantity: *quantity,
                discount_percent: Decimal::new(i64::from(*discount), 2),
                instances: vec![ProductInstanceId::from("x")],
                personal: Default::default(),
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn totals_equal_the_sum_of_the_lines(
        seeds in prop::collection::vec((0usize..1000, 0usize..10_000, 0u32..5_000, 1u32..6), 1..25),
        quote_discount in 0u32..2_500,
    ) {
        let items = items(&seeds);
        let currency = catalogs().catalogs[0].currency.clone();
        let quote = build_quote(&items, Decimal::new(i64::from(quote_discount), 2), &currency);
        let totals = &quote.totals;
        prop_assert_eq!(totals.amount, quote.lines.iter().map(|l| l.amount).sum::<Decimal>());
        prop_assert_eq!(totals.net, quote.lines.iter().map(|l| l.net).sum::<Decimal>());
        prop_assert_eq!(totals.vat, quote.lines.iter().map(|l| l.vat).sum::<Decimal>());
        prop_assert_eq!(totals.gross, totals.net + totals.vat);
        prop_assert_eq!(totals.net, totals.amount - totals.quote_discount);
        prop_assert_eq!(totals.vat, totals.vat_groups.iter().map(|g| g.vat).sum::<Decimal>());
        for line in &quote.lines {
            prop_assert_eq!(line.gross, line.net + line.vat);
            prop_assert!(line.net >= Decimal::ZERO);
            prop_assert_eq!(line.net.scale().min(2), line.net.scale());
        }
    }

    #[test]
    fn merging_identical_lines_does_not_change_any_total(
        seeds in prop::collection::vec((0usize..1000, 0usize..10_000, 0u32..5_000, 1u32..6), 1..12),
        quote_discount in 0u32..2_500,
    ) {
        let merged_items = items(&seeds);
        let mut split_items = Vec::new();
        for item in &merged_items {
            for _ in 0..item.quantity {
                let mut single = item.clone();
                single.quantity = 1;
                split_items.push(single);
            }
        }
        let currency = catalogs().catalogs[0].currency.clone();
        let discount = Decimal::new(i64::from(quote_discount), 2);
        let merged = build_quote(&merged_items, discount, &currency);
        let split = build_quote(&split_items, discount, &currency);
        prop_assert_eq!(&merged.totals, &split.totals);
        prop_assert_eq!(merged.lines.len(), split.lines.len());
        prop_assert_eq!(merged.bom, split.bom);
    }

    #[test]
    fn generated_layouts_survive_a_save_and_load(layout in layout_strategy()) {
        let text = layout_to_string(&layout).expect("serializable");
        let read = parse_layout(Path::new("generated.ron"), &text);
        prop_assert!(read.is_ok(), "{:?}\n{}", read.as_ref().err(), text);
        let read = read.expect("checked above");
        prop_assert_eq!(&read, &layout);
        prop_assert_eq!(layout_to_string(&read).expect("serializable"), text);
    }
}

fn point() -> impl Strategy<Value = PointMm> {
    (-50_000i64..50_000, -50_000i64..50_000).prop_map(|(x, y)| PointMm::new(x, y))
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-zA-Z0-9 äöüßéè€\"\\\\#,.\n-]{0,30}",]
}

fn options() -> impl Strategy<Value = Configuration> {
    prop::collection::btree_map(
        "[a-z]{1,8}",
        prop_oneof![
            (0i64..5000).prop_map(OptionValue::Number),
            "[a-z-]{1,8}".prop_map(|v| OptionValue::Choice(ValueId(v))),
        ],
        0..4,
    )
    .prop_map(|map| map.into_iter().map(|(k, v)| (OptionId(k), v)).collect())
}

fn layout_strategy() -> impl Strategy<Value = Layout> {
    let walls = prop::collection::vec((point(), point(), 50i64..500, 2000i64..4000), 1..8);
    let products = prop::collection::vec(
        (
            point(),
            -720.0f64..720.0,
            prop::option::of(0i64..3000),
            0u32..10_000,
            options(),
        ),
        0..12,
    );
    let openings = prop::collection::vec(
        (
            0i64..5000,
            0i64..1500,
            any::<bool>(),
            any::<bool>(),
            options(),
        ),
        0..5,
    );
    (
        walls,
        products,
        openings,
        text(),
        text(),
        0u32..3650,
        0u32..2_000,
    )
        .prop_map(
            |(walls, products, openings, name, address, valid_days, discount)| {
                let walls: Vec<Wall> = walls
                    .into_iter()
                    .enumerate()
                    .map(|(index, (start, end, thickness, height))| Wall {
                        id: WallId(format!("w{index}")),
                        start,
                        end: if start == end {
                            PointMm::new(end.x.0 + 1, end.y.0)
                        } else {
                            end
                        },
                        thickness: Mm(thickness),
                        height: Mm(height),
                    })
                    .collect();
                let wall_count = walls.len();
                Layout {
                    format_version: FORMAT_VERSION,
                    catalogs: vec![CatalogRef {
                        id: CatalogId::from("nordhaus-living"),
                        version: "2026.1".into(),
                    }],
                    rooms: Vec::new(),
                    openings: openings
                        .into_iter()
                        .enumerate()
                        .map(|(index, (offset, sill, hinge, swing, options))| Opening {
                            id: OpeningId(format!("o{index}")),
                            product: ProductId::from("door"),
                            options,
                            wall: walls[index % wall_count].id.clone(),
                            offset: Mm(offset),
                            sill: Mm(sill),
                            hinge: if hinge {
                                HingeSide::Start
                            } else {
                                HingeSide::End
                            },
                            swing: if swing { Swing::In } else { Swing::Out },
                        })
                        .collect(),
                    walls,
                    products: products
                        .into_iter()
                        .enumerate()
                        .map(
                            |(index, (position, rotation, elevation, discount, options))| {
                                PlacedProduct {
                                    id: ProductInstanceId(format!("p{index}")),
                                    product: ProductId::from("cabinet"),
                                    options,
                                    position,
                                    rotation,
                                    elevation: elevation.map(Mm),
                                    discount_percent: Decimal::new(i64::from(discount), 2),
                                    personal: Default::default(),
                                }
                            },
                        )
                        .collect(),
                    customer: Customer {
                        name,
                        address,
                        email: "a@b.example".into(),
                        phone: String::new(),
                    },
                    quote: QuoteInfo {
                        reference: "Q-1".into(),
                        date: IsoDate::parse("2026-11-22").expect("date"),
                        valid_days,
                        discount_percent: Decimal::new(i64::from(discount), 2),
                    },
                }
            },
        )
}
