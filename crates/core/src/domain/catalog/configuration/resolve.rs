//! Completing the user's choices into a full product that keeps as many defaults as possible:
//! branch and bound over each group of linked options, trying the default first, bounded by the
//! number of options whose default propagation has already ruled out.

use super::domains::Domains;
use super::ground::{Held, all_rules, grounded};
use super::model::Model;
use super::propagate::{RuleMask, propagate};
use super::search::{Budget, OutOfTime};

/// A class for every option, keeping `chosen` and as many `defaults` as any valid product can;
/// `None` when the choices cannot be completed. When time runs out after a valid product was
/// found, the best found so far is kept.
pub(super) fn resolve(
    model: &Model,
    chosen: &[Option<usize>],
    defaults: &[usize],
    budget: &mut Budget,
) -> Result<Option<Vec<usize>>, OutOfTime> {
    let mut classes: Vec<usize> = (0..model.option_count())
        .map(|option| {
            chosen[option].map_or(defaults[option], |class| model.decode(option, class).0)
        })
        .collect();
    let active = all_rules(model);
    for (group, members) in model.groups.iter().enumerate() {
        let choices: Vec<Held> = members
            .options
            .iter()
            .filter_map(|option| chosen[*option].map(|class| (*option, class)))
            .collect();
        let Some(start) = grounded(model, group, &choices, &active) else {
            return Ok(None);
        };
        let free: Vec<usize> = members
            .options
            .iter()
            .copied()
            .filter(|option| chosen[*option].is_none())
            .collect();
        let search = Search {
            model,
            active: &active,
            options: &members.options,
            free: &free,
            defaults,
        };
        let mut best = Best {
            cost: usize::MAX,
            found: None,
        };
        match search.branch(start, &mut best, budget) {
            Ok(()) | Err(OutOfTime) if best.found.is_some() => {}
            Ok(()) => return Ok(None),
            Err(out_of_time) => return Err(out_of_time),
        }
        if let Some(found) = best.found {
            for option in &members.options {
                if let Some(class) = found.first(&model.layout, *option) {
                    classes[*option] = class;
                }
            }
        }
    }
    Ok(Some(classes))
}

struct Best {
    cost: usize,
    found: Option<Domains>,
}

struct Search<'a> {
    model: &'a Model,
    active: &'a RuleMask,
    options: &'a [usize],
    free: &'a [usize],
    defaults: &'a [usize],
}

impl Search<'_> {
    /// Options that can no longer keep their default.
    fn moved(&self, domains: &Domains) -> usize {
        self.free
            .iter()
            .filter(|option| {
                !domains.contains(&self.model.layout, **option, self.defaults[**option])
            })
            .count()
    }

    fn branch(
        &self,
        domains: Domains,
        best: &mut Best,
        budget: &mut Budget,
    ) -> Result<(), OutOfTime> {
        budget.tick()?;
        let layout = &self.model.layout;
        let bound = self.moved(&domains);
        if bound >= best.cost {
            return Ok(());
        }
        let open = self
            .options
            .iter()
            .copied()
            .find(|option| domains.count(layout, *option) > 1);
        let Some(option) = open else {
            best.cost = bound;
            best.found = Some(domains);
            return Ok(());
        };
        let default = self.defaults[option];
        let order: Vec<usize> = domains
            .contains(layout, option, default)
            .then_some(default)
            .into_iter()
            .chain(
                domains
                    .iter(layout, option)
                    .filter(|class| *class != default),
            )
            .collect();
        for class in order {
            let mut child = domains.clone();
            child.fix(layout, option, class);
            let seeds = self.model.constraints_of[option].iter().copied();
            if propagate(self.model, &mut child, self.active, seeds) {
                self.branch(child, best, budget)?;
            }
            if best.cost <= bound {
                break;
            }
        }
        Ok(())
    }
}
