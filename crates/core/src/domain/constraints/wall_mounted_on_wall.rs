//! Rule: a wall-mounted product hangs flat against a wall, facing away from it.

use super::{ConstraintRule, Violation, whole_mm};
use crate::domain::catalog::ProductKind;
use crate::domain::geometry::TOUCH_TOLERANCE_MM;
use crate::domain::geometry::dot;
use crate::domain::geometry::walls::WallGeometry;
use crate::domain::measured::{OpeningPlacement, PlanContext, ProductPlacement, Structure};
use crate::domain::values::ids::ElementId;
use crate::domain::values::message::Message;

/// Largest gap between a product's back and the wall face that still counts as mounted.
const MOUNT_TOLERANCE_MM: f64 = 10.0;
/// Smallest cosine between the product's front and the wall's normal (about 1°).
const PARALLEL_COSINE: f64 = 0.9998;

pub(super) fn check(context: &PlanContext) -> Vec<Violation> {
    context
        .products
        .iter()
        .filter_map(|placement| product_violation(&context.structure, placement))
        .collect()
}

/// The violation of a wall-mounted product that does not hang flat on a wall, or hangs over
/// an opening (none for other kinds of product).
pub(super) fn product_violation(
    structure: &Structure,
    placement: &ProductPlacement,
) -> Option<Violation> {
    if placement.kind != ProductKind::WallMounted {
        return None;
    }
    let (wall, gap) = nearest_wall(structure, placement);
    if gap <= MOUNT_TOLERANCE_MM {
        let opening = wall.and_then(|wall| opening_behind(structure, placement, wall))?;
        return Some(Violation {
            rule: ConstraintRule::WallMountedOnWall,
            elements: vec![
                ElementId::Product(placement.id.clone()),
                ElementId::Opening(opening.id.clone()),
            ],
            amount_mm: None,
            message: Message::new()
                .element(placement.element())
                .text(" hangs in front of ")
                .element(opening.element())
                .text(", where there is no wall behind it"),
        });
    }
    let (amount_mm, message) = if gap.is_finite() {
        (
            Some(whole_mm(gap)),
            Message::new()
                .element(placement.element())
                .text(" hangs ")
                .length(whole_mm(gap))
                .text(" away from the wall"),
        )
    } else {
        (
            None,
            Message::new()
                .element(placement.element())
                .text(" is not backed onto any wall"),
        )
    };
    Some(Violation {
        rule: ConstraintRule::WallMountedOnWall,
        elements: vec![ElementId::Product(placement.id.clone())],
        amount_mm,
        message,
    })
}

/// A door or window in `wall` that the product's back covers at the product's height.
fn opening_behind<'s>(
    structure: &'s Structure,
    placement: &ProductPlacement,
    wall: usize,
) -> Option<&'s OpeningPlacement> {
    let geometry = &structure.walls[wall];
    let offsets = placement
        .footprint
        .back_edge()
        .map(|corner| geometry.offset_of(corner));
    let (from, to) = (offsets[0].min(offsets[1]), offsets[0].max(offsets[1]));
    structure
        .openings_on(wall)
        .iter()
        .map(|index| &structure.openings[*index])
        .find(|opening| {
            let top = opening.sill_mm + opening.height_mm;
            opening.wall == wall
                && opening.from_mm < to - TOUCH_TOLERANCE_MM
                && from < opening.to_mm - TOUCH_TOLERANCE_MM
                && opening.sill_mm < placement.top_mm - TOUCH_TOLERANCE_MM
                && placement.bottom_mm < top - TOUCH_TOLERANCE_MM
        })
}

/// The wall with the smallest gap to the product's back (the first in the layout among equal
/// gaps) and that gap; infinite when no wall qualifies. Walls are visited nearest first and the
/// search stops once no further wall can have a smaller gap.
fn nearest_wall(structure: &Structure, placement: &ProductPlacement) -> (Option<usize>, f64) {
    let back = placement.footprint.back_edge()[0];
    let mut best: (Option<usize>, f64) = (None, f64::INFINITY);
    for (index, distance) in structure.walls_by_distance(back) {
        // The gap to this wall is at least `distance`; an equal gap can still win by order.
        if distance > best.1 {
            break;
        }
        let Some(gap) = gap_to_wall(placement, &structure.walls[index]) else {
            continue;
        };
        let better = gap < best.1 || gap == best.1 && best.0.is_some_and(|known| index < known);
        if better {
            best = (Some(index), gap);
        }
    }
    best
}

/// The gap between the product's back and this wall's face, when the product faces away from
/// the wall, parallel to it, and within its length.
fn gap_to_wall(placement: &ProductPlacement, wall: &WallGeometry) -> Option<f64> {
    let side = wall.side_distance(placement.footprint.centre).signum();
    let facing = dot(placement.footprint.across, wall.left * side);
    if facing < PARALLEL_COSINE {
        return None;
    }
    let back = placement.footprint.back_edge();
    let within = back.iter().all(|corner| {
        let along = wall.offset_of(*corner);
        along >= -wall.start_extension - MOUNT_TOLERANCE_MM
            && along <= wall.length + wall.end_extension + MOUNT_TOLERANCE_MM
    });
    if !within {
        return None;
    }
    let gap = back
        .iter()
        .map(|corner| (wall.side_distance(*corner) * side - wall.half_thickness).abs())
        .fold(0.0, f64::max);
    Some(gap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, opening, placed, room};

    #[test]
    fn a_cabinet_on_the_wall_passes_and_one_in_mid_air_is_measured() {
        let catalogs = catalogs();
        let mut layout = room();
        // 350 deep against the north wall (inner face y = 3950), facing south.
        layout
            .products
            .push(placed("p1", "wall-cabinet", (2500, 3775), 180.0));
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        layout.products[0].position.y.0 = 3700;
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, Some(75));

        // Facing the wall instead of the room: its back now faces the far south wall.
        layout.products[0].position.y.0 = 3775;
        layout.products[0].rotation = 0.0;
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, Some(3550));

        // Turned sideways, it backs onto no wall at all.
        layout.products[0].rotation = 45.0;
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found[0].amount_mm, None);
    }

    #[test]
    fn a_cabinet_hung_over_a_window_has_no_wall_behind_it() {
        let catalogs = catalogs();
        let mut layout = room();
        // Window on the north wall (drawn from x 5000 to 0): offset 1000 covers x 4000 down to 2800.
        layout.openings.push(opening("w1", "window", "north", 1000));
        layout
            .products
            .push(placed("p1", "wall-cabinet", (1500, 3775), 180.0));
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        layout.products[0].position.x.0 = 3400;
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.mentions("no wall behind it"),
            "{}",
            found[0].message
        );
    }
}
