//! Tests of the live quote: lines split and merge as products are reconfigured, and after any
//! random edit sequence on the shipped showroom the quote equals the batch quote.

use super::*;
use crate::domain::constraints::test_support::{catalogs, placed, room};
use crate::domain::editing::strategies::{document_step, edit_for, showroom};
use crate::domain::editing::{Edit, apply_edit};
use crate::domain::pricing::price_breakdown;
use crate::domain::pricing::quote::quote_for_layout;
use proptest::prelude::*;

fn apply(layout: &mut Layout, catalogs: &CatalogSet, live: &mut LiveQuote, edit: Edit) {
    let changes = apply_edit(layout, catalogs, &edit).expect("a valid edit");
    live.update(layout, catalogs, &changes).expect("priced");
    assert_eq!(
        live.quote(),
        &quote_for_layout(layout, catalogs).expect("priced"),
        "{edit:?}"
    );
}

#[test]
fn identical_products_share_a_line_until_one_is_discounted() {
    let catalogs = catalogs();
    let mut layout = room();
    for id in ["a", "b", "c"] {
        layout
            .products
            .push(placed(id, "cabinet", (1000, 1000), 0.0));
    }
    layout.products.push(placed("l", "lamp", (3000, 1000), 0.0));
    let mut live = LiveQuote::new(&layout, &catalogs).expect("priced");
    assert_eq!(live.quote().lines.len(), 2);
    assert_eq!(live.quote().lines[0].quantity, 3);

    let discount = |id: &str, percent: i64| Edit::SetDiscount {
        id: id.into(),
        discount_percent: Decimal::from(percent),
    };
    // The first cabinet leaves the line: the line now starts at `b`, after `a`'s new line.
    apply(&mut layout, &catalogs, &mut live, discount("a", 10));
    assert_eq!(live.quote().lines.len(), 3);
    apply(&mut layout, &catalogs, &mut live, discount("a", 0));
    assert_eq!(live.quote().lines.len(), 2);
    apply(
        &mut layout,
        &catalogs,
        &mut live,
        Edit::DeleteProduct("l".into()),
    );
    apply(
        &mut layout,
        &catalogs,
        &mut live,
        Edit::AddProduct(placed("d", "cabinet", (2000, 2000), 0.0)),
    );
    assert_eq!(live.quote().lines[0].quantity, 4);
    let mut info = layout.quote.clone();
    info.discount_percent = Decimal::from(3);
    apply(&mut layout, &catalogs, &mut live, Edit::SetQuoteInfo(info));
    assert!(
        live.breakdown(&"d".into())
            .is_some_and(|breakdown| breakdown.unit_price == Decimal::ONE_HUNDRED)
    );
}

#[test]
fn a_move_changes_no_price_and_an_unknown_product_is_an_error() {
    let catalogs = catalogs();
    let mut layout = room();
    layout
        .products
        .push(placed("a", "cabinet", (1000, 1000), 0.0));
    let mut live = LiveQuote::new(&layout, &catalogs).expect("priced");
    let before = live.quote().clone();
    apply(
        &mut layout,
        &catalogs,
        &mut live,
        Edit::MoveProduct {
            id: "a".into(),
            position: crate::domain::values::units::PointMm::new(1500, 1500),
            rotation_deg: 90.0,
        },
    );
    assert_eq!(live.quote(), &before);

    layout
        .products
        .push(placed("x", "no-such-product", (0, 0), 0.0));
    let changes = Changes {
        added: [ProductInstanceId::from("x")].into(),
        ..Changes::default()
    };
    assert_eq!(
        live.update(&layout, &catalogs, &changes),
        Err(QuoteError::UnknownProduct("no-such-product".into()))
    );
    layout.products.pop();
    let removed = Changes {
        removed: [ProductInstanceId::from("x")].into(),
        ..Changes::default()
    };
    assert!(live.update(&layout, &catalogs, &removed).is_ok());
    assert_eq!(live.quote(), &before);
}

#[test]
fn the_quote_can_be_a_shared_resource() {
    fn shareable<T: Send + Sync + 'static>() {}
    shareable::<LiveQuote>();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_live_quote_equals_the_batch_quote_after_any_edits(
        steps in proptest::collection::vec(document_step(), 1..30)
    ) {
        let (showroom, catalogs) = showroom();
        let mut layout = showroom.clone();
        let mut live = LiveQuote::new(&layout, catalogs).expect("the showroom prices");
        prop_assert_eq!(live.quote(), &quote_for_layout(&layout, catalogs).expect("priced"));
        for step in &steps {
            let Some(edit) = edit_for(step, &layout, catalogs) else { continue };
            let Ok(changes) = apply_edit(&mut layout, catalogs, &edit) else { continue };
            live.update(&layout, catalogs, &changes).expect("priced");
            let batch = quote_for_layout(&layout, catalogs).expect("priced");
            prop_assert_eq!(live.quote(), &batch, "after {:?}", edit);
            // Equal down to how every amount is written.
            prop_assert_eq!(format!("{:?}", live.quote()), format!("{batch:?}"));
            for placed in &layout.products {
                let (catalog, product) = catalogs.product(&placed.product).expect("shipped");
                let (configuration, _) =
                    ConfigurationEngine::new(product).resolve_or_defaults(&placed.options);
                let expected = price_breakdown(product, &configuration, catalog.currency.decimals);
                prop_assert_eq!(live.breakdown(&placed.id), Some(&expected));
            }
        }
    }
}
