//! Rule: products do not overlap, except a product standing on one the catalog marks stackable,
//! or a wall-mounted product hanging above another.

use super::capped::{Partners, capped};
use super::{ConstraintRule, Violation, whole_mm};
use crate::domain::catalog::ProductKind;
use crate::domain::geometry::convex_overlap_depth;
use crate::domain::measured::{PlanContext, ProductPlacement};
use crate::domain::values::ids::ElementId;
use crate::domain::values::message::Message;

pub(super) fn check(context: &PlanContext) -> Vec<Violation> {
    let mut violations = Vec::new();
    for (first_position, first) in context.products.iter().enumerate() {
        let found = context
            .products_touching(&first.bounds())
            .into_iter()
            .filter(|second| *second > first_position)
            .map(|second| &context.products[second])
            .filter(|second| overlap(first, second))
            .enumerate()
            .map(|(rank, second)| (rank as u64, second))
            .collect();
        violations.extend(owned(first, found));
    }
    violations
}

/// The overlaps a product owns (with products placed after it, each with the partner's place in
/// the layout), capped.
pub(super) fn owned(
    first: &ProductPlacement,
    found: Vec<(u64, &ProductPlacement)>,
) -> Vec<Violation> {
    capped(
        ConstraintRule::ProductOverlap,
        ElementId::Product(first.id.clone()),
        Partners {
            plural: "products placed after it",
            verb: "also overlaps",
        },
        found,
        |second| pair_violation(first, second),
    )
}

/// True when two products overlap in a way [`pair_violation`] reports, without writing it.
pub(super) fn overlap(first: &ProductPlacement, second: &ProductPlacement) -> bool {
    if convex_overlap_depth(&first.footprint.corners(), &second.footprint.corners()).is_none() {
        return false;
    }
    if first.overlaps_vertically(second) {
        return true;
    }
    let (lower, upper) = if first.bottom_mm <= second.bottom_mm {
        (first, second)
    } else {
        (second, first)
    };
    !(upper.kind == ProductKind::WallMounted || lower.stackable)
}

/// The violation of two overlapping products; `first` is the one placed earlier in the layout.
pub(super) fn pair_violation(
    first: &ProductPlacement,
    second: &ProductPlacement,
) -> Option<Violation> {
    let depth = convex_overlap_depth(&first.footprint.corners(), &second.footprint.corners())?;
    let elements = vec![
        ElementId::Product(first.id.clone()),
        ElementId::Product(second.id.clone()),
    ];
    if first.overlaps_vertically(second) {
        return Some(Violation {
            rule: ConstraintRule::ProductOverlap,
            elements,
            amount_mm: Some(whole_mm(depth)),
            message: Message::new()
                .element(first.element())
                .text(" overlaps ")
                .element(second.element())
                .text(" by ")
                .length(whole_mm(depth)),
        });
    }
    let (lower, upper) = if first.bottom_mm <= second.bottom_mm {
        (first, second)
    } else {
        (second, first)
    };
    if upper.kind == ProductKind::WallMounted || lower.stackable {
        return None;
    }
    Some(Violation {
        rule: ConstraintRule::ProductOverlap,
        elements,
        amount_mm: Some(whole_mm(depth)),
        message: Message::new()
            .element(upper.element())
            .text(" is stacked on ")
            .element(lower.element())
            .text(", which does not take anything on top"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, placed, room};
    use crate::domain::values::units::Mm;

    #[test]
    fn neighbours_side_by_side_pass_and_pushed_together_overlap() {
        let catalogs = catalogs();
        let mut layout = room();
        layout
            .products
            .push(placed("p1", "cabinet", (1000, 1000), 0.0));
        layout
            .products
            .push(placed("p2", "cabinet", (2000, 1000), 0.0));
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        layout.products[1].position.x.0 = 1900;
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, Some(100));
    }

    #[test]
    fn stacking_is_allowed_only_on_stackable_products() {
        let catalogs = catalogs();
        let mut layout = room();
        layout
            .products
            .push(placed("board", "sideboard", (2000, 1000), 0.0));
        let mut lamp = placed("lamp", "lamp", (2000, 1000), 0.0);
        lamp.elevation = Some(Mm(750));
        layout.products.push(lamp);
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        layout.products[0].product = "cabinet".into();
        layout.products[1].elevation = Some(Mm(800));
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.mentions("does not take anything on top"));
    }

    #[test]
    fn ten_thousand_products_on_one_spot_give_a_few_findings_each() {
        let catalogs = catalogs();
        let mut layout = room();
        for index in 0..10_000 {
            layout
                .products
                .push(placed(&format!("p{index}"), "lamp", (2000, 2000), 0.0));
        }
        let found = check(&PlanContext::new(&layout, &catalogs));
        // Each product lists at most 8 partners and one summary: linear, not 50 million pairs.
        assert!(found.len() <= 10_000 * 9, "{}", found.len());
        assert_eq!(found.len(), 9_991 * 9 + (1..=8).sum::<usize>());
        assert_eq!(
            found[8].message.to_string(),
            "Product p0 also overlaps 9991 more products placed after it (only the first 8 are listed)"
        );
    }
}
