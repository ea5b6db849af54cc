//! Keeps the findings of pair rules linear in the layout: one element lists at most
//! [`MAX_PAIR_FINDINGS`] partners for a rule and sums up the rest in one finding, so a pile of
//! products on one spot (or windows at one offset) gives a few findings per element instead of
//! one for every pair.
//!
//! Each pair finding has an owner (the element listed first in it); the owner's findings are
//! measured together, so the batch check and the live checker cap them the same way.

use super::{ConstraintRule, Violation};
use crate::domain::values::ids::ElementId;
use crate::domain::values::message::Message;

/// Most pair findings one element lists for one rule.
pub const MAX_PAIR_FINDINGS: usize = 8;

/// What the partners in a summary are called (`products`, `doors or windows`, `walls`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Partners {
    /// Plural noun for the partners.
    pub(super) plural: &'static str,
    /// What the owner does with them, after the owner's label: `also overlaps`, ....
    pub(super) verb: &'static str,
}

/// An owner's pair findings, each found as the partner's place in the layout and what `build`
/// needs to write it out, sorted by that place and cut to [`MAX_PAIR_FINDINGS`], with one more
/// finding that counts the rest. Only the kept findings are written out, so a pile costs no
/// messages for the pairs left out.
pub(super) fn capped<T>(
    rule: ConstraintRule,
    owner: ElementId,
    partners: Partners,
    mut found: Vec<(u64, T)>,
    build: impl FnMut(T) -> Option<Violation>,
) -> Vec<Violation> {
    found.sort_by_key(|(order, _)| *order);
    let rest = found.len().saturating_sub(MAX_PAIR_FINDINGS);
    let mut kept: Vec<Violation> = found
        .into_iter()
        .take(MAX_PAIR_FINDINGS)
        .map(|(_, partner)| partner)
        .filter_map(build)
        .collect();
    if rest > 0 {
        kept.push(Violation {
            rule,
            elements: vec![owner.clone()],
            amount_mm: None,
            message: Message::new().element(owner).text(format!(
                " {} {rest} more {} (only the first {MAX_PAIR_FINDINGS} are listed)",
                partners.verb, partners.plural
            )),
        });
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::values::ids::ProductInstanceId;

    fn finding(partner: u64) -> (u64, Violation) {
        (
            partner,
            Violation {
                rule: ConstraintRule::ProductOverlap,
                elements: vec![ElementId::Product(ProductInstanceId::from("a"))],
                amount_mm: Some(1),
                message: format!("{partner}").into(),
            },
        )
    }

    #[test]
    fn a_few_findings_pass_whole_and_many_are_cut_with_a_count() {
        let owner = ElementId::Product(ProductInstanceId::from("a"));
        let partners = Partners {
            plural: "products",
            verb: "also overlaps",
        };
        let few = capped(
            ConstraintRule::ProductOverlap,
            owner.clone(),
            partners,
            (0..3).rev().map(finding).collect(),
            Some,
        );
        let messages: Vec<String> = few.iter().map(|v| v.message.to_string()).collect();
        assert_eq!(messages, ["0", "1", "2"]);
        let many = capped(
            ConstraintRule::ProductOverlap,
            owner,
            partners,
            (0..100).rev().map(finding).collect(),
            Some,
        );
        assert_eq!(many.len(), MAX_PAIR_FINDINGS + 1);
        assert_eq!(many[0].message.to_string(), "0");
        assert_eq!(
            many[MAX_PAIR_FINDINGS].message.to_string(),
            "Product a also overlaps 92 more products (only the first 8 are listed)"
        );
        assert_eq!(many[MAX_PAIR_FINDINGS].amount_mm, None);
    }
}
