//! The order of a layout's products as numbers that survive adding and deleting: incremental
//! views compare two products' numbers to know which comes first in the layout (as the batch
//! checks and the quote do by position) without renumbering everything after each edit.

use crate::domain::layout::PlacedProduct;
use crate::domain::values::ids::ProductInstanceId;

/// Gap left between the numbers of neighbouring products, room for 32 halvings.
const SPACING: u64 = 1 << 32;

/// The number of the product at `index` when numbering a whole layout.
#[must_use]
pub fn initial(index: usize) -> u64 {
    u64::try_from(index)
        .unwrap_or(u64::MAX)
        .saturating_add(1)
        .saturating_mul(SPACING)
}

/// Numbers for products new to a view, from their positions in `products` (ascending) and the
/// numbers the view knows for the others; products it knows no number for are passed over.
/// `None` when two neighbours leave no room between them, or their numbers are out of order:
/// the view then numbers the whole layout again.
pub fn assign(
    products: &[PlacedProduct],
    new_positions: &[usize],
    known: impl Fn(&ProductInstanceId) -> Option<u64>,
) -> Option<Vec<u64>> {
    let mut assigned: Vec<u64> = Vec::with_capacity(new_positions.len());
    for (rank, &position) in new_positions.iter().enumerate() {
        let previous_new = rank.checked_sub(1).map(|earlier| new_positions[earlier]);
        let lower = (0..position).rev().find_map(|index| {
            if previous_new == Some(index) {
                assigned.last().copied()
            } else {
                known(&products[index].id)
            }
        });
        let upper = products
            .get(position + 1..)?
            .iter()
            .find_map(|placed| known(&placed.id));
        let number = match (lower, upper) {
            (lower, None) => lower.unwrap_or(0).checked_add(SPACING)?,
            (lower, Some(upper)) => {
                let lower = lower.unwrap_or(0);
                if upper <= lower.checked_add(1)? {
                    return None;
                }
                lower + (upper - lower) / 2
            }
        };
        assigned.push(number);
    }
    Some(assigned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::constraints::test_support::placed;
    use std::collections::BTreeMap;

    fn products(ids: &[&str]) -> Vec<PlacedProduct> {
        ids.iter()
            .map(|id| placed(id, "lamp", (0, 0), 0.0))
            .collect()
    }

    #[test]
    fn new_products_get_numbers_between_their_neighbours() {
        let layout = products(&["a", "x", "b", "y", "z"]);
        let known: BTreeMap<&str, u64> = [("a", initial(0)), ("b", initial(1))].into();
        let numbers = assign(&layout, &[1, 3, 4], |id| known.get(id.as_str()).copied())
            .expect("room between");
        assert!(known["a"] < numbers[0] && numbers[0] < known["b"]);
        assert!(known["b"] < numbers[1] && numbers[1] < numbers[2]);
    }

    #[test]
    fn no_room_or_numbers_out_of_order_ask_for_renumbering() {
        let layout = products(&["a", "x", "b"]);
        let crowded: BTreeMap<&str, u64> = [("a", 5), ("b", 6)].into();
        assert_eq!(
            assign(&layout, &[1], |id| crowded.get(id.as_str()).copied()),
            None
        );
        let reversed: BTreeMap<&str, u64> = [("a", 50), ("b", 6)].into();
        assert_eq!(
            assign(&layout, &[1], |id| reversed.get(id.as_str()).copied()),
            None
        );
    }
}
