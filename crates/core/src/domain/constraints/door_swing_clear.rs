//! Rule: nothing stands where a door leaf swings.

use super::{ConstraintRule, PlanContext, Violation, whole_mm};
use crate::domain::geometry::convex_overlap_depth;
use crate::domain::ids::ElementId;

pub(super) fn check(context: &PlanContext<'_>) -> Vec<Violation> {
    let mut violations = Vec::new();
    for door in &context.openings {
        let Some(zone) = &door.swing_zone else {
            continue;
        };
        let leaf_top = door.sill_mm + door.height_mm;
        for placement in &context.products {
            if placement.bottom_mm >= leaf_top {
                continue;
            }
            if let Some(depth) = convex_overlap_depth(zone, &placement.footprint.corners()) {
                violations.push(Violation {
                    rule: ConstraintRule::DoorSwingClear,
                    elements: vec![
                        ElementId::Product(placement.placed.id.clone()),
                        ElementId::Opening(door.opening.id.clone()),
                    ],
                    amount_mm: Some(whole_mm(depth)),
                    message: format!(
                        "{} blocks the swing of {} by {} mm",
                        placement.label(),
                        door.label(),
                        whole_mm(depth)
                    ),
                });
            }
        }
    }
    violations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, opening, placed, room};
    use crate::domain::plan::Swing;

    #[test]
    fn a_product_beside_the_swing_passes_and_one_inside_it_is_reported() {
        let catalogs = catalogs();
        let mut layout = room();
        // Door on the south wall from x 1000 to 1900, hinged at 1000, swinging into the room.
        layout.openings.push(opening("d1", "door", "south", 1000));
        layout
            .products
            .push(placed("p1", "cabinet", (2600, 300), 0.0));
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        layout.products[0].position.x.0 = 2200;
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert!(found[0].amount_mm.is_some_and(|depth| depth > 0));

        // Swinging out of the room, the same spot is clear again.
        layout.openings[0].swing = Swing::Out;
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());
    }
}
