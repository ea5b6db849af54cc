//! Rule: the access space a product needs in front (to open doors and drawers, to sit) is free
//! of walls and of other products at the same height.

use super::{ConstraintRule, PlanContext, ProductPlacement, Violation, whole_mm};
use crate::domain::geometry::{Coord, convex_overlap_depth, dot};
use crate::domain::ids::ElementId;

pub(super) fn check(context: &PlanContext<'_>) -> Vec<Violation> {
    let mut violations = Vec::new();
    for owner in &context.products {
        let front = owner.product.clearance.front.as_f64();
        if front <= 0.0 {
            continue;
        }
        let zone = owner.footprint.front_zone(front).corners();
        for other in &context.products {
            if std::ptr::eq(owner, other) || !owner.overlaps_vertically(other) {
                continue;
            }
            let corners = other.footprint.corners();
            if convex_overlap_depth(&zone, &corners).is_some() {
                let depth = shortfall(owner, &corners);
                violations.push(Violation {
                    rule: ConstraintRule::FrontClearance,
                    elements: vec![
                        ElementId::Product(owner.placed.id.clone()),
                        ElementId::Product(other.placed.id.clone()),
                    ],
                    amount_mm: Some(whole_mm(depth)),
                    message: format!(
                        "{} stands {} mm into the {} mm access space in front of {}",
                        other.label(),
                        whole_mm(depth),
                        owner.product.clearance.front.0,
                        owner.label()
                    ),
                });
            }
        }
        let mut deepest_wall: Option<(usize, f64)> = None;
        for (wall, solid) in &context.wall_solids {
            if convex_overlap_depth(&zone, solid).is_none() {
                continue;
            }
            let depth = shortfall(owner, solid);
            if deepest_wall.is_none_or(|(_, deepest)| depth > deepest) {
                deepest_wall = Some((*wall, depth));
            }
        }
        if let Some((wall, depth)) = deepest_wall {
            let wall_id = &context.layout.walls[wall].id;
            violations.push(Violation {
                rule: ConstraintRule::FrontClearance,
                elements: vec![
                    ElementId::Product(owner.placed.id.clone()),
                    ElementId::Wall(wall_id.clone()),
                ],
                amount_mm: Some(whole_mm(depth)),
                message: format!(
                    "wall {wall_id} stands {} mm into the {} mm access space in front of {}",
                    whole_mm(depth),
                    owner.product.clearance.front.0,
                    owner.label()
                ),
            });
        }
    }
    violations
}

/// How much of the owner's access depth an obstacle inside its zone takes away: the access
/// depth less the free distance from the owner's front to the obstacle's nearest point.
fn shortfall(owner: &ProductPlacement<'_>, obstacle: &[Coord<f64>]) -> f64 {
    let front_edge =
        dot(owner.footprint.centre, owner.footprint.across) + owner.footprint.half_depth;
    let nearest = obstacle
        .iter()
        .map(|corner| dot(*corner, owner.footprint.across))
        .fold(f64::INFINITY, f64::min);
    owner.product.clearance.front.as_f64() - (nearest - front_edge).max(0.0)
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
