//! Rule: doors and windows on the same wall do not overlap.

use super::structure::Structure;
use super::{ConstraintRule, PlanContext, Violation, whole_mm};
use crate::domain::geometry::TOUCH_TOLERANCE_MM;
use crate::domain::ids::ElementId;

pub(super) fn check(context: &PlanContext) -> Vec<Violation> {
    structure_violations(&context.structure)
}

/// Every pair of openings overlapping on one wall.
pub(super) fn structure_violations(structure: &Structure) -> Vec<Violation> {
    let mut violations = Vec::new();
    for (index, first) in structure.openings.iter().enumerate() {
        for second in structure.openings.iter().skip(index + 1) {
            if first.wall != second.wall {
                continue;
            }
            let overlap = first.to_mm.min(second.to_mm) - first.from_mm.max(second.from_mm);
            if overlap > TOUCH_TOLERANCE_MM {
                violations.push(Violation {
                    rule: ConstraintRule::OpeningsApart,
                    elements: vec![
                        ElementId::Opening(first.id.clone()),
                        ElementId::Opening(second.id.clone()),
                    ],
                    amount_mm: Some(whole_mm(overlap)),
                    message: format!(
                        "{} and {} overlap by {} mm along the wall",
                        first.label(),
                        second.label(),
                        whole_mm(overlap)
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
    use crate::domain::constraints::test_support::{catalogs, opening, room};
    use crate::domain::units::Mm;

    #[test]
    fn openings_side_by_side_pass_and_overlapping_ones_are_measured() {
        let catalogs = catalogs();
        let mut layout = room();
        layout.openings.push(opening("w1", "window", "north", 500));
        layout.openings.push(opening("w2", "window", "north", 1700));
        assert!(check(&PlanContext::new(&layout, &catalogs)).is_empty());

        layout.openings[1].offset = Mm(1400);
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].amount_mm, Some(300));
    }
}
