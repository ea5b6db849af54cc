//! Rule: every floor and wall product stands inside a room formed by the walls.

use super::{ConstraintRule, PlanContext, Violation, whole_mm};
use crate::domain::geometry::TOUCH_TOLERANCE_MM;
use crate::domain::ids::ElementId;
use geo::{BooleanOps, CoordsIter, Distance, Euclidean, Point};

pub(super) fn check(context: &PlanContext<'_>) -> Vec<Violation> {
    let rooms: Vec<geo::Polygon<f64>> = context.rooms.iter().map(|room| room.polygon()).collect();
    context
        .products
        .iter()
        .filter_map(|placement| {
            let footprint = placement.footprint.polygon();
            let outside_by = rooms
                .iter()
                .map(|room| distance_outside(&footprint, room))
                .fold(f64::INFINITY, f64::min);
            if outside_by <= TOUCH_TOLERANCE_MM {
                return None;
            }
            let (amount_mm, message) = if outside_by.is_finite() {
                (
                    Some(whole_mm(outside_by)),
                    format!(
                        "{} sticks out of the room by {} mm",
                        placement.label(),
                        whole_mm(outside_by)
                    ),
                )
            } else {
                (
                    None,
                    format!(
                        "{} is not in a room: the walls enclose no room",
                        placement.label()
                    ),
                )
            };
            Some(Violation {
                rule: ConstraintRule::InsideRoom,
                elements: vec![ElementId::Product(placement.placed.id.clone())],
                amount_mm,
                message,
            })
        })
        .collect()
}

/// How far the furthest part of `footprint` lies outside `room` (0 when inside).
fn distance_outside(footprint: &geo::Polygon<f64>, room: &geo::Polygon<f64>) -> f64 {
    let outside = footprint.difference(room);
    outside
        .coords_iter()
        .map(|corner| Euclidean.distance(&Point::from(corner), room.exterior()))
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, placed, room};

    #[test]
    fn a_product_in_the_room_passes_and_one_half_outside_is_measured() {
        let catalogs = catalogs();
        let mut layout = room();
        layout
            .products
            .push(placed("p1", "cabinet", (2500, 2000), 0.0));
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        layout.products[0].position.x.0 = 5200;
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, Some(700));
    }

    #[test]
    fn without_a_closed_room_every_product_is_reported() {
        let catalogs = catalogs();
        let mut layout = room();
        layout.walls.pop();
        layout
            .products
            .push(placed("p1", "cabinet", (2500, 2000), 0.0));
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, None);
    }
}
