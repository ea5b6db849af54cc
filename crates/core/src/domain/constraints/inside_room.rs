//! Rule: every floor and wall product stands inside a room formed by the walls.

use super::{ConstraintRule, Violation, whole_mm};
use crate::domain::geometry::{TOUCH_TOLERANCE_MM, length};
use crate::domain::measured::{PlanContext, ProductPlacement, Structure};
use crate::domain::values::ids::ElementId;
use crate::domain::values::message::Message;
use geo::{BooleanOps, CoordsIter, Distance, Euclidean, Point};

/// Rooms whose bounding box lies this much further away than the best room found so far cannot
/// be nearer; the margin absorbs rounding in the distances.
const SEARCH_MARGIN_MM: f64 = 1.0;

pub(super) fn check(context: &PlanContext) -> Vec<Violation> {
    context
        .products
        .iter()
        .filter_map(|placement| product_violation(&context.structure, placement))
        .collect()
}

/// The violation of a product not (wholly) inside any room.
pub(super) fn product_violation(
    structure: &Structure,
    placement: &ProductPlacement,
) -> Option<Violation> {
    let outside_by = distance_outside_rooms(structure, placement);
    if outside_by <= TOUCH_TOLERANCE_MM {
        return None;
    }
    let (amount_mm, message) = if outside_by.is_finite() {
        (
            Some(whole_mm(outside_by)),
            Message::new()
                .element(placement.element())
                .text(" sticks out of the room by ")
                .length(whole_mm(outside_by)),
        )
    } else {
        (
            None,
            Message::new()
                .element(placement.element())
                .text(" is not in a room: the walls enclose no room"),
        )
    };
    Some(Violation {
        rule: ConstraintRule::InsideRoom,
        elements: vec![ElementId::Product(placement.id.clone())],
        amount_mm,
        message,
    })
}

/// The least, over all rooms, of how far the footprint reaches out of the room (infinite when
/// there is no room). Rooms are visited nearest first: a room whose bounding box is further
/// from the centre than the footprint's reach plus the best value so far cannot do better, as
/// the footprint then lies wholly outside it and every corner is at least that far from it.
fn distance_outside_rooms(structure: &Structure, placement: &ProductPlacement) -> f64 {
    let footprint = placement.footprint.polygon();
    let reach = length(placement.footprint.corners()[0] - placement.footprint.centre);
    let mut best = f64::INFINITY;
    for (room, box_distance) in structure.rooms_by_distance(placement.footprint.centre) {
        if box_distance - reach > best + SEARCH_MARGIN_MM {
            break;
        }
        if let Some(outline) = structure.room_outline(room) {
            best = best.min(distance_outside(&footprint, outline));
        }
    }
    best
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
