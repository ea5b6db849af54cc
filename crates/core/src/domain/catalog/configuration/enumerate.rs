//! Every valid configuration by plain enumeration, for exhaustive tests and tiny products;
//! independent of the solver so that tests can hold one against the other.

use crate::domain::catalog::Configuration;
use crate::domain::catalog::Product;

/// Every complete configuration that breaks no rule, in option and value order, or `None` when
/// there are more than `limit`.
pub(super) fn enumerate(product: &Product, limit: usize) -> Option<Vec<Configuration>> {
    let domains: Vec<_> = product.options.iter().map(|def| def.values()).collect();
    let mut found = Vec::new();
    let mut partial = Configuration::new();
    extend(product, &domains, 0, &mut partial, &mut found, limit).then_some(found)
}

fn extend(
    product: &Product,
    domains: &[Vec<crate::domain::catalog::OptionValue>],
    next: usize,
    partial: &mut Configuration,
    found: &mut Vec<Configuration>,
    limit: usize,
) -> bool {
    let Some(def) = product.options.get(next) else {
        found.push(partial.clone());
        return found.len() <= limit;
    };
    for value in &domains[next] {
        partial.insert(def.id.clone(), value.clone());
        let consistent = product
            .rules
            .iter()
            .all(|rule| rule.check(|option| partial.get(option).cloned()) != Some(false));
        if consistent && !extend(product, domains, next + 1, partial, found, limit) {
            return false;
        }
    }
    partial.remove(&def.id);
    true
}
