//! Rule: nothing stands where a door leaf swings.

use super::capped::{Partners, capped};
use super::{ConstraintRule, Violation, whole_mm};
use crate::domain::geometry::convex_overlap_depth;
use crate::domain::measured::{OpeningPlacement, PlanContext, ProductPlacement, Structure};
use crate::domain::values::ids::ElementId;
use crate::domain::values::message::Message;

pub(super) fn check(context: &PlanContext) -> Vec<Violation> {
    let structure = &context.structure;
    context
        .products
        .iter()
        .flat_map(|placement| {
            let doors = structure.swings_touching(&placement.bounds());
            product_violations(structure, placement, &doors)
        })
        .collect()
}

/// The door swings a product stands in, from the doors (indices into the structure's openings)
/// whose swing bounds meet it; capped, the product being the owner.
pub(super) fn product_violations(
    structure: &Structure,
    placement: &ProductPlacement,
    doors: &[usize],
) -> Vec<Violation> {
    let found = doors
        .iter()
        .map(|door| (*door as u64, &structure.openings[*door]))
        .filter(|(_, door)| blocks(door, placement))
        .collect();
    capped(
        ConstraintRule::DoorSwingClear,
        ElementId::Product(placement.id.clone()),
        Partners {
            plural: "door swings",
            verb: "also blocks",
        },
        found,
        |door| door_product(door, placement),
    )
}

/// True when the product stands where the door leaf swings (what [`door_product`] reports).
fn blocks(door: &OpeningPlacement, placement: &ProductPlacement) -> bool {
    door.swing_zone().is_some_and(|zone| {
        placement.bottom_mm < door.sill_mm + door.height_mm
            && convex_overlap_depth(zone, &placement.footprint.corners()).is_some()
    })
}

/// The violation of a product standing in a door's swing (none for windows or a clear swing).
pub(super) fn door_product(
    door: &OpeningPlacement,
    placement: &ProductPlacement,
) -> Option<Violation> {
    let zone = door.swing_zone()?;
    let leaf_top = door.sill_mm + door.height_mm;
    if placement.bottom_mm >= leaf_top {
        return None;
    }
    let depth = convex_overlap_depth(zone, &placement.footprint.corners())?;
    Some(Violation {
        rule: ConstraintRule::DoorSwingClear,
        elements: vec![
            ElementId::Product(placement.id.clone()),
            ElementId::Opening(door.id.clone()),
        ],
        amount_mm: Some(whole_mm(depth)),
        message: Message::new()
            .element(placement.element())
            .text(" blocks the swing of ")
            .element(door.element())
            .text(" by ")
            .length(whole_mm(depth)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, opening, placed, room};
    use crate::domain::layout::Swing;

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
