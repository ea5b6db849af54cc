//! Rule: doors and windows on the same wall do not overlap.

use super::capped::{Partners, capped};
use super::{ConstraintRule, Violation, whole_mm};
use crate::domain::geometry::TOUCH_TOLERANCE_MM;
use crate::domain::measured::{OpeningPlacement, PlanContext, Structure};
use crate::domain::values::ids::ElementId;
use crate::domain::values::message::Message;
use std::collections::HashMap;

pub(super) fn check(context: &PlanContext) -> Vec<Violation> {
    structure_violations(&context.structure)
}

/// Every pair of openings overlapping on one wall, each listed by the one earlier in the layout
/// (capped). Openings are sorted along each wall, so only neighbours are measured.
pub(super) fn structure_violations(structure: &Structure) -> Vec<Violation> {
    let openings = &structure.openings;
    let mut by_wall: HashMap<usize, Vec<usize>> = HashMap::new();
    for (index, opening) in openings.iter().enumerate() {
        by_wall.entry(opening.wall).or_default().push(index);
    }
    let mut widest_on_wall: HashMap<usize, f64> = HashMap::new();
    for along in by_wall.values_mut() {
        along.sort_by(|a, b| openings[*a].from_mm.total_cmp(&openings[*b].from_mm));
        let widest = along
            .iter()
            .map(|index| openings[*index].to_mm - openings[*index].from_mm)
            .fold(0.0, f64::max);
        if let Some(first) = along.first() {
            widest_on_wall.insert(openings[*first].wall, widest);
        }
    }
    let mut violations = Vec::new();
    for (index, first) in openings.iter().enumerate() {
        let Some(along) = by_wall.get(&first.wall) else {
            continue;
        };
        let widest = widest_on_wall.get(&first.wall).copied().unwrap_or(0.0);
        // Only openings starting within the widest width before this one's start can reach it.
        let from =
            along.partition_point(|other| openings[*other].from_mm <= first.from_mm - widest);
        let found: Vec<(u64, (&OpeningPlacement, f64))> = along[from..]
            .iter()
            .take_while(|other| openings[**other].from_mm < first.to_mm)
            .filter(|other| **other > index)
            .filter_map(|other| {
                let second = &openings[*other];
                let overlap = first.to_mm.min(second.to_mm) - first.from_mm.max(second.from_mm);
                (overlap > TOUCH_TOLERANCE_MM).then_some((*other as u64, (second, overlap)))
            })
            .collect();
        violations.extend(capped(
            ConstraintRule::OpeningsApart,
            ElementId::Opening(first.id.clone()),
            Partners {
                plural: "doors or windows placed after it",
                verb: "also overlaps",
            },
            found,
            |(second, overlap)| {
                Some(Violation {
                    rule: ConstraintRule::OpeningsApart,
                    elements: vec![
                        ElementId::Opening(first.id.clone()),
                        ElementId::Opening(second.id.clone()),
                    ],
                    amount_mm: Some(whole_mm(overlap)),
                    message: Message::new()
                        .element(first.element())
                        .text(" and ")
                        .element(second.element())
                        .text(" overlap by ")
                        .length(whole_mm(overlap))
                        .text(" along the wall"),
                })
            },
        ));
    }
    violations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::{catalogs, opening, room};
    use crate::domain::values::units::Mm;

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

    #[test]
    fn ten_thousand_windows_at_one_offset_give_a_few_findings_each() {
        let catalogs = catalogs();
        let mut layout = room();
        for index in 0..10_000 {
            layout
                .openings
                .push(opening(&format!("w{index}"), "window", "north", 500));
        }
        let found = check(&PlanContext::new(&layout, &catalogs));
        assert_eq!(found.len(), 9_991 * 9 + (1..=8).sum::<usize>());
        assert_eq!(
            found[8].message.to_string(),
            "Opening w0 also overlaps 9991 more doors or windows placed after it (only the first 8 are listed)"
        );
    }
}
