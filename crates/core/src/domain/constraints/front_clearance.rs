//! Rule: the access space a product needs in front (to open doors and drawers, to sit) is free
//! of walls and of other products at the same height.

use super::capped::{Partners, capped};
use super::{ConstraintRule, Violation, whole_mm};
use crate::domain::geometry::bounds_of;
use crate::domain::geometry::{Coord, convex_overlap_depth, dot};
use crate::domain::measured::{PlanContext, ProductPlacement, Structure, WallPiece};
use crate::domain::values::ids::ElementId;
use crate::domain::values::message::Message;

pub(super) fn check(context: &PlanContext) -> Vec<Violation> {
    let mut violations = Vec::new();
    for (owner_position, owner) in context.products.iter().enumerate() {
        let Some(zone) = owner.front_zone() else {
            continue;
        };
        let found = context
            .products_touching(&bounds_of(&zone.corners()))
            .into_iter()
            .filter(|other| *other != owner_position)
            .map(|other| (other as u64, &context.products[other]))
            .collect();
        violations.extend(owned_products(owner, found));
        violations.extend(wall_violation(&context.structure, owner));
    }
    violations
}

/// The products standing in the owner's access space (each with its place in the layout, from
/// the products whose bounds meet the zone), capped.
pub(super) fn owned_products(
    owner: &ProductPlacement,
    candidates: Vec<(u64, &ProductPlacement)>,
) -> Vec<Violation> {
    let found = candidates
        .into_iter()
        .filter(|(_, other)| in_zone(owner, other))
        .collect();
    capped(
        ConstraintRule::FrontClearance,
        ElementId::Product(owner.id.clone()),
        Partners {
            plural: "products in its access space",
            verb: "has",
        },
        found,
        |other| product_violation(owner, other),
    )
}

/// True when `other` stands in the owner's access space (what [`product_violation`] reports).
fn in_zone(owner: &ProductPlacement, other: &ProductPlacement) -> bool {
    owner.front_zone().is_some_and(|zone| {
        owner.overlaps_vertically(other)
            && convex_overlap_depth(&zone.corners(), &other.footprint.corners()).is_some()
    })
}

/// The violation of `other` standing in the access space in front of `owner` (two different
/// products).
pub(super) fn product_violation(
    owner: &ProductPlacement,
    other: &ProductPlacement,
) -> Option<Violation> {
    let zone = owner.front_zone()?.corners();
    if !owner.overlaps_vertically(other) {
        return None;
    }
    let corners = other.footprint.corners();
    convex_overlap_depth(&zone, &corners)?;
    let depth = shortfall(owner, &corners);
    Some(Violation {
        rule: ConstraintRule::FrontClearance,
        elements: vec![
            ElementId::Product(owner.id.clone()),
            ElementId::Product(other.id.clone()),
        ],
        amount_mm: Some(whole_mm(depth)),
        message: Message::new()
            .element(other.element())
            .text(" stands ")
            .length(whole_mm(depth))
            .text(" into the ")
            .length(owner.front_clearance.0)
            .text(" access space in front of ")
            .element(owner.element()),
    })
}

/// The violation of the wall reaching deepest into the access space in front of `owner`.
pub(super) fn wall_violation(structure: &Structure, owner: &ProductPlacement) -> Option<Violation> {
    let zone = owner.front_zone()?.corners();
    let mut deepest_wall: Option<(usize, f64)> = None;
    for solid_index in structure.solids_touching(&bounds_of(&zone)) {
        let WallPiece {
            wall,
            footprint: solid,
            ..
        } = &structure.wall_solids[solid_index];
        if convex_overlap_depth(&zone, solid).is_none() {
            continue;
        }
        let depth = shortfall(owner, solid);
        if deepest_wall.is_none_or(|(_, deepest)| depth > deepest) {
            deepest_wall = Some((*wall, depth));
        }
    }
    let (wall, depth) = deepest_wall?;
    let wall_id = &structure.wall_ids[wall];
    Some(Violation {
        rule: ConstraintRule::FrontClearance,
        elements: vec![
            ElementId::Product(owner.id.clone()),
            ElementId::Wall(wall_id.clone()),
        ],
        amount_mm: Some(whole_mm(depth)),
        message: Message::new()
            .element(wall_id.clone())
            .text(" stands ")
            .length(whole_mm(depth))
            .text(" into the ")
            .length(owner.front_clearance.0)
            .text(" access space in front of ")
            .element(owner.element()),
    })
}

/// How much of the owner's access depth an obstacle inside its zone takes away: the access
/// depth less the free distance from the owner's front to the obstacle's nearest point.
fn shortfall(owner: &ProductPlacement, obstacle: &[Coord<f64>]) -> f64 {
    let front_edge =
        dot(owner.footprint.centre, owner.footprint.across) + owner.footprint.half_depth;
    let nearest = obstacle
        .iter()
        .map(|corner| dot(*corner, owner.footprint.across))
        .fold(f64::INFINITY, f64::min);
    owner.front_clearance.as_f64() - (nearest - front_edge).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, placed, room};

    #[test]
    fn free_access_passes_and_a_product_in_front_is_measured() {
        let catalogs = catalogs();
        let mut layout = room();
        // Cabinet against the south wall (front faces +y, needs 600 mm); its zone ends at y = 1150.
        layout
            .products
            .push(placed("p1", "cabinet", (2500, 300), 0.0));
        layout
            .products
            .push(placed("p2", "lamp", (2500, 1300), 0.0));
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        layout.products[1].position.y.0 = 1100;
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, Some(200));
    }

    #[test]
    fn a_product_facing_a_wall_too_closely_is_reported() {
        let catalogs = catalogs();
        let mut layout = room();
        // Turned to face the south wall, 400 mm from its face.
        layout
            .products
            .push(placed("p1", "cabinet", (2500, 700), 180.0));
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, Some(200));
    }
}
