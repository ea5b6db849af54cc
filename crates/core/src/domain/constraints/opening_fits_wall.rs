//! Rule: a door or window lies within its wall: clear of corners and joined walls along the
//! length, and under the wall's height.

use super::{ConstraintRule, Violation, whole_mm};
use crate::domain::geometry::TOUCH_TOLERANCE_MM;
use crate::domain::measured::{OpeningPlacement, PlanContext, Structure};
use crate::domain::values::ids::ElementId;
use crate::domain::values::message::Message;

pub(super) fn check(context: &PlanContext) -> Vec<Violation> {
    structure_violations(&context.structure)
}

/// Every opening that runs past its wall's usable length or above its top.
pub(super) fn structure_violations(structure: &Structure) -> Vec<Violation> {
    let mut violations = Vec::new();
    for placement in &structure.openings {
        let wall = &structure.walls[placement.wall];
        let wall_id = &structure.wall_ids[placement.wall];
        let elements = vec![
            ElementId::Opening(placement.id.clone()),
            ElementId::Wall(wall_id.clone()),
        ];
        let outside_by = outside_usable_length(placement, wall);
        if outside_by > TOUCH_TOLERANCE_MM {
            violations.push(Violation {
                rule: ConstraintRule::OpeningFitsWall,
                elements: elements.clone(),
                amount_mm: Some(whole_mm(outside_by)),
                message: Message::new()
                    .element(placement.element())
                    .text(" runs ")
                    .length(whole_mm(outside_by))
                    .text(" past the usable length of its wall"),
            });
        }
        let top = placement.sill_mm + placement.height_mm;
        if top > wall.height + TOUCH_TOLERANCE_MM {
            violations.push(Violation {
                rule: ConstraintRule::OpeningFitsWall,
                elements,
                amount_mm: Some(whole_mm(top - wall.height)),
                message: Message::new()
                    .element(placement.element())
                    .text(" is ")
                    .length(whole_mm(top - wall.height))
                    .text(" taller than its wall"),
            });
        }
    }
    violations
}

/// How far the opening reaches into a corner, a joined wall or past the wall's ends.
fn outside_usable_length(
    placement: &OpeningPlacement,
    wall: &crate::domain::geometry::walls::WallGeometry,
) -> f64 {
    let (from, to) = wall.usable_stretch();
    let mut worst = (from - placement.from_mm).max(placement.to_mm - to);
    for (from, to) in &wall.occupied {
        let overlap = placement.to_mm.min(*to) - placement.from_mm.max(*from);
        worst = worst.max(overlap);
    }
    worst
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, opening, room};
    use crate::domain::values::units::Mm;

    #[test]
    fn an_opening_clear_of_the_corners_passes_and_one_into_a_corner_is_measured() {
        let catalogs = catalogs();
        let mut layout = room();
        layout.openings.push(opening("w1", "window", "south", 3000));
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        // 1200 wide at 3900 ends at 5100: 100 mm past the wall end, 150 into the east wall's body.
        layout.openings[0].offset = Mm(3900);
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, Some(150));
    }

    #[test]
    fn a_window_above_the_wall_top_is_reported() {
        let catalogs = catalogs();
        let mut layout = room();
        layout.openings.push(opening("w1", "window", "south", 1000));
        layout.openings[0].sill = Mm(1500);
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, Some(100));
    }

    #[test]
    fn an_opening_reaching_into_the_wall_a_partition_ends_on_is_reported() {
        let catalogs = catalogs();
        let mut layout = room();
        layout.walls.push(crate::domain::layout::Wall {
            id: "partition".into(),
            start: crate::domain::values::units::PointMm::new(2000, 0),
            end: crate::domain::values::units::PointMm::new(2000, 4000),
            thickness: Mm(100),
            height: Mm(2600),
        });
        layout
            .openings
            .push(opening("d1", "door", "partition", 100));
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        layout.openings[0].offset = Mm(0);
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, Some(50));
    }
}
