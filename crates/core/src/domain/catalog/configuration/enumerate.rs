//! Every valid configuration by plain enumeration, for exhaustive tests and tiny products;
//! independent of the solver so that tests can hold one against the other. An option with
//! `visible_when` is also tried without a value (hidden); a valid configuration lists exactly
//! the options that show.

use crate::domain::catalog::{Configuration, OptionValue, Product};
use crate::domain::values::ids::OptionId;
use std::collections::BTreeMap;

/// Every complete configuration that breaks no rule, in option and value order, or `None` when
/// there are more than `limit`.
pub(super) fn enumerate(product: &Product, limit: usize) -> Option<Vec<Configuration>> {
    let domains: Vec<Vec<Option<OptionValue>>> = product
        .options
        .iter()
        .map(|def| {
            let mut values: Vec<Option<OptionValue>> = def.values().into_iter().map(Some).collect();
            if def.visible_when.is_some() {
                values.push(None);
            }
            values
        })
        .collect();
    let mut found = Vec::new();
    let mut partial = BTreeMap::new();
    extend(product, &domains, 0, &mut partial, &mut found, limit).then_some(found)
}

fn extend(
    product: &Product,
    domains: &[Vec<Option<OptionValue>>],
    next: usize,
    partial: &mut BTreeMap<OptionId, Option<OptionValue>>,
    found: &mut Vec<Configuration>,
    limit: usize,
) -> bool {
    let Some(def) = product.options.get(next) else {
        let shown: Configuration = partial
            .iter()
            .filter_map(|(id, value)| value.clone().map(|value| (id.clone(), value)))
            .collect();
        if product.is_valid_shown(&shown) {
            found.push(shown);
        }
        return found.len() <= limit;
    };
    for value in &domains[next] {
        partial.insert(def.id.clone(), value.clone());
        // A rule whose options are all assigned can already be judged (one reading a hidden
        // option holds).
        let consistent = product.rules.iter().all(|rule| {
            let read = rule.options();
            if !read.iter().all(|option| partial.contains_key(option)) {
                return true;
            }
            read.iter().any(|option| partial.get(option) == Some(&None))
                || rule.check(|option| partial.get(option).cloned().flatten()) != Some(false)
        });
        if consistent && !extend(product, domains, next + 1, partial, found, limit) {
            return false;
        }
    }
    partial.remove(&def.id);
    true
}
