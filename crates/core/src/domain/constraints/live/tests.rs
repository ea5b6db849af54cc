//! Tests of the live checker: it follows single edits, and after any random edit sequence on
//! the shipped showroom its violations equal the batch check's.

use super::*;
use crate::domain::constraints::test_support::{catalogs, opening, placed, room};
use crate::domain::constraints::{ConstraintRule, check_layout};
use crate::domain::editing::strategies::{document_step, edit_for, showroom};
use crate::domain::editing::{Edit, apply_edit};
use crate::domain::values::units::PointMm;
use proptest::prelude::*;

fn apply(layout: &mut Layout, catalogs: &CatalogSet, checker: &mut LiveChecker, edit: Edit) {
    let changes = apply_edit(layout, catalogs, &edit).expect("a valid edit");
    checker.update(layout, catalogs, &changes);
    assert_eq!(
        checker.violations(),
        check_layout(layout, catalogs),
        "{edit:?}"
    );
}

#[test]
fn a_product_moved_into_a_neighbour_and_back_is_reported_then_cleared() {
    let catalogs = catalogs();
    let mut layout = room();
    layout
        .products
        .push(placed("p1", "cabinet", (1000, 1000), 0.0));
    layout
        .products
        .push(placed("p2", "cabinet", (2000, 1000), 0.0));
    let mut checker = LiveChecker::new(&layout, &catalogs);
    assert_eq!(checker.count(), 0);

    let move_to = |x: i64| Edit::MoveProduct {
        id: "p2".into(),
        position: PointMm::new(x, 1000),
        rotation_deg: 0.0,
    };
    apply(&mut layout, &catalogs, &mut checker, move_to(1900));
    assert_eq!(checker.count(), 1);
    let p1 = ElementId::Product("p1".into());
    assert_eq!(
        checker.violations_of(&p1)[0].rule,
        ConstraintRule::ProductOverlap
    );
    assert!(checker.elements_in_violation().contains(&p1));

    apply(&mut layout, &catalogs, &mut checker, move_to(2000));
    assert_eq!(checker.count(), 0);
    assert!(checker.elements_in_violation().is_empty());
}

#[test]
fn front_access_is_checked_from_both_sides_of_an_edit() {
    let catalogs = catalogs();
    let mut layout = room();
    // The cabinet's access zone reaches y = 1150; the lamp stands clear of it.
    layout
        .products
        .push(placed("owner", "cabinet", (2500, 300), 0.0));
    layout
        .products
        .push(placed("lamp", "lamp", (2500, 1400), 0.0));
    let mut checker = LiveChecker::new(&layout, &catalogs);
    assert_eq!(checker.count(), 0);

    // Moving the obstacle into the zone: found through the R-tree of zones.
    let lamp_to = |y: i64| Edit::MoveProduct {
        id: "lamp".into(),
        position: PointMm::new(2500, y),
        rotation_deg: 0.0,
    };
    apply(&mut layout, &catalogs, &mut checker, lamp_to(1100));
    assert_eq!(checker.count(), 1);
    apply(&mut layout, &catalogs, &mut checker, lamp_to(1400));
    // Moving the owner so its zone reaches the obstacle: found through the footprints.
    apply(
        &mut layout,
        &catalogs,
        &mut checker,
        Edit::MoveProduct {
            id: "owner".into(),
            position: PointMm::new(2500, 600),
            rotation_deg: 0.0,
        },
    );
    assert_eq!(checker.count(), 1);
}

#[test]
fn adds_deletes_and_opening_changes_follow_the_batch_check() {
    let catalogs = catalogs();
    let mut layout = room();
    layout.openings.push(opening("d1", "door", "south", 1000));
    layout
        .products
        .push(placed("p1", "cabinet", (3000, 300), 0.0));
    let mut checker = LiveChecker::new(&layout, &catalogs);
    assert_eq!(checker.violations(), check_layout(&layout, &catalogs));

    // A product added at the end, an opening change (measured whole), a delete; then a product
    // inserted at the front, as an undo brings it back.
    apply(
        &mut layout,
        &catalogs,
        &mut checker,
        Edit::AddProduct(placed("p2", "cabinet", (2600, 300), 0.0)),
    );
    assert!(checker.count() > 0);
    assert!(checker.product(&"p2".into()).is_some());
    apply(
        &mut layout,
        &catalogs,
        &mut checker,
        Edit::FlipSwing("d1".into()),
    );
    apply(
        &mut layout,
        &catalogs,
        &mut checker,
        Edit::DeleteProduct("p1".into()),
    );
    assert!(checker.product(&"p1".into()).is_none());

    let before = layout.clone();
    let mut reordered = layout.clone();
    reordered
        .products
        .insert(0, placed("p0", "cabinet", (2700, 300), 0.0));
    let changes = Changes::between(&before, &reordered);
    assert_eq!(changes.added.len(), 1);
    checker.update(&reordered, &catalogs, &changes);
    assert_eq!(checker.violations(), check_layout(&reordered, &catalogs));
    assert_eq!(checker.rooms().len(), 1);
    assert_eq!(checker.walls().len(), 4);
}

#[test]
fn a_layout_repeating_an_id_is_checked_the_batch_way() {
    let catalogs = catalogs();
    let mut layout = room();
    layout
        .products
        .push(placed("p1", "cabinet", (1000, 1000), 0.0));
    layout
        .products
        .push(placed("p1", "cabinet", (1500, 1000), 0.0));
    let mut checker = LiveChecker::new(&layout, &catalogs);
    assert_eq!(checker.violations(), check_layout(&layout, &catalogs));
    layout.products[1].position = PointMm::new(3000, 1000);
    let changes = Changes {
        moved: [ProductInstanceId::from("p1")].into(),
        ..Changes::default()
    };
    checker.update(&layout, &catalogs, &changes);
    assert_eq!(checker.violations(), check_layout(&layout, &catalogs));
}

#[test]
fn the_checker_can_be_a_shared_resource() {
    fn shareable<T: Send + Sync + 'static>() {}
    shareable::<LiveChecker>();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn live_violations_equal_the_batch_check_after_any_edits(
        steps in proptest::collection::vec(document_step(), 1..30)
    ) {
        let (showroom, catalogs) = showroom();
        let mut layout = showroom.clone();
        let mut checker = LiveChecker::new(&layout, catalogs);
        prop_assert_eq!(checker.violations(), check_layout(&layout, catalogs));
        for step in &steps {
            let Some(edit) = edit_for(step, &layout, catalogs) else { continue };
            let Ok(changes) = apply_edit(&mut layout, catalogs, &edit) else { continue };
            checker.update(&layout, catalogs, &changes);
            prop_assert_eq!(checker.violations(), check_layout(&layout, catalogs), "after {:?}", edit);
            prop_assert_eq!(checker.count(), checker.violations().len());
            for placed in &layout.products {
                let (_, product) = catalogs.product(&placed.product).expect("shipped product");
                let fresh = ProductPlacement::new(placed, product);
                prop_assert_eq!(checker.product(&placed.id), Some(&fresh));
            }
        }
    }
}
