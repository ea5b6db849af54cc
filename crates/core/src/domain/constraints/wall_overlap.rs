//! Rule: products do not stand in walls (doorways excepted).

use super::capped::{Partners, capped};
use super::{ConstraintRule, Violation, whole_mm};
use crate::domain::geometry::convex_overlap_depth;
use crate::domain::measured::{PlanContext, ProductPlacement, Structure, WallPiece};
use crate::domain::values::ids::ElementId;
use crate::domain::values::message::Message;
use std::collections::BTreeMap;

pub(super) fn check(context: &PlanContext) -> Vec<Violation> {
    context
        .products
        .iter()
        .flat_map(|placement| product_violations(&context.structure, placement))
        .collect()
}

/// One violation per wall the product reaches into, measured at the deepest point.
pub(super) fn product_violations(
    structure: &Structure,
    placement: &ProductPlacement,
) -> Vec<Violation> {
    let corners = placement.footprint.corners();
    let mut deepest_per_wall: BTreeMap<usize, f64> = BTreeMap::new();
    for solid_index in structure.solids_touching(&placement.bounds()) {
        let WallPiece {
            wall,
            footprint: solid,
            ..
        } = &structure.wall_solids[solid_index];
        if placement.bottom_mm >= structure.walls[*wall].height {
            continue;
        }
        if let Some(depth) = convex_overlap_depth(&corners, solid) {
            let deepest = deepest_per_wall.entry(*wall).or_insert(0.0);
            *deepest = deepest.max(depth);
        }
    }
    let found = deepest_per_wall
        .into_iter()
        .map(|(wall, depth)| (wall as u64, (wall, depth)))
        .collect();
    capped(
        ConstraintRule::WallOverlap,
        ElementId::Product(placement.id.clone()),
        Partners {
            plural: "walls",
            verb: "also reaches into",
        },
        found,
        |(wall, depth)| {
            let wall_id = &structure.wall_ids[wall];
            Some(Violation {
                rule: ConstraintRule::WallOverlap,
                elements: vec![
                    ElementId::Product(placement.id.clone()),
                    ElementId::Wall(wall_id.clone()),
                ],
                amount_mm: Some(whole_mm(depth)),
                message: Message::new()
                    .element(placement.element())
                    .text(" reaches ")
                    .length(whole_mm(depth))
                    .text(" into ")
                    .element(wall_id.clone()),
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, opening, placed, room};

    #[test]
    fn a_product_backed_onto_a_wall_passes_and_one_pushed_into_it_is_measured() {
        let catalogs = catalogs();
        let mut layout = room();
        // South wall's inner face is at y = 50; the cabinet is 500 deep.
        layout
            .products
            .push(placed("p1", "cabinet", (2500, 300), 0.0));
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        layout.products[0].position.y.0 = 220;
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, Some(80));
    }

    #[test]
    fn a_doorway_is_not_wall() {
        let catalogs = catalogs();
        let mut layout = room();
        layout.openings.push(opening("d1", "door", "south", 2000));
        // A small lamp standing right in the doorway's gap.
        layout.products.push(placed("p1", "lamp", (2450, 0), 0.0));
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());
    }
}
