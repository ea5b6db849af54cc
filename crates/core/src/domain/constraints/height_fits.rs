//! Rule: a product's top stays under the height of the room it stands in.

use super::{ConstraintRule, Violation, whole_mm};
use crate::domain::geometry::TOUCH_TOLERANCE_MM;
use crate::domain::measured::{PlanContext, ProductPlacement, Structure};
use crate::domain::values::ids::ElementId;
use crate::domain::values::message::Message;
use geo::{Contains, Point};

pub(super) fn check(context: &PlanContext) -> Vec<Violation> {
    context
        .products
        .iter()
        .filter_map(|placement| product_violation(&context.structure, placement))
        .collect()
}

/// The violation of a product taller than the first room (largest first) its centre stands in.
pub(super) fn product_violation(
    structure: &Structure,
    placement: &ProductPlacement,
) -> Option<Violation> {
    let centre = placement.footprint.centre;
    let room = structure.rooms_around(centre).into_iter().find(|index| {
        structure
            .room_outline(*index)
            .is_some_and(|outline| outline.contains(&Point::from(centre)))
    })?;
    let ceiling = structure.rooms[room].ceiling_height;
    let excess = placement.top_mm - ceiling;
    (excess > TOUCH_TOLERANCE_MM).then(|| Violation {
        rule: ConstraintRule::HeightFits,
        elements: vec![ElementId::Product(placement.id.clone())],
        amount_mm: Some(whole_mm(excess)),
        message: Message::new()
            .element(placement.element())
            .text(" is ")
            .length(whole_mm(excess))
            .text(" too tall for the ")
            .length(ceiling.round() as i64)
            .text(" room height"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, placed, room};
    use crate::domain::values::units::Mm;

    #[test]
    fn a_product_under_the_ceiling_passes_and_a_taller_one_is_measured() {
        let catalogs = catalogs();
        let mut layout = room();
        layout
            .products
            .push(placed("p1", "wardrobe", (2500, 2000), 0.0));
        for wall in &mut layout.walls {
            wall.height = Mm(2800);
        }
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        layout.walls[2].height = Mm(2600);
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, Some(100));
    }
}
