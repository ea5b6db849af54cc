//! Search with propagation at every step (maintained arc consistency): fix the option with the
//! fewest classes left per failure of its rules (dom/wdeg) to a preferred class, propagate, and
//! on failure rule that class out. A time budget guards every question; its end is an error the
//! user sees, never a blank answer.

use super::domains::Domains;
use super::model::Model;
use super::propagate::{RuleMask, Scratch, failing_constraint_noting};
use std::time::{Duration, Instant};

/// How long one question to the engine may take before it gives up.
pub const QUESTION_TIME_LIMIT: Duration = Duration::from_secs(10);

/// The question ran past its time budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OutOfTime;

/// The time left for one question.
#[derive(Debug)]
pub(super) struct Budget {
    deadline: Instant,
    steps: u32,
    /// Per option, how often the constraints reading it have failed a search step: options
    /// under constraints that fail often are branched on first (dom/wdeg), which shortens
    /// hard proofs.
    weights: Vec<u64>,
}

impl Budget {
    pub(super) fn new(limit: Duration) -> Self {
        Self {
            deadline: Instant::now() + limit,
            steps: 0,
            weights: Vec::new(),
        }
    }

    pub(super) fn tick(&mut self) -> Result<(), OutOfTime> {
        self.steps = self.steps.wrapping_add(1);
        if self.steps.is_multiple_of(256) && Instant::now() > self.deadline {
            return Err(OutOfTime);
        }
        Ok(())
    }

    fn blame(&mut self, model: &Model, constraint: usize) {
        if self.weights.len() < model.option_count() {
            self.weights.resize(model.option_count(), 0);
        }
        for option in model.constraints[constraint].options() {
            self.weights[option] = self.weights[option].saturating_add(1);
        }
    }

    /// One plus the failures of the constraints reading `option`.
    fn weight(&self, option: usize) -> u64 {
        1 + self.weights.get(option).copied().unwrap_or(0)
    }
}

/// Narrows `domains` (already propagated) to one class per option of `options`, or `None`
/// when no valid product lies in them. `prefer` says which classes to try first.
pub(super) fn solve(
    model: &Model,
    domains: Domains,
    active: &RuleMask,
    options: &[usize],
    prefer: &dyn Fn(usize, usize) -> bool,
    budget: &mut Budget,
) -> Result<Option<Domains>, OutOfTime> {
    solve_noting(model, domains, active, options, prefer, budget, &mut [])
}

/// As [`solve`], marking in `noted` (indexed by constraint) every constraint that removed a
/// class or failed during the search. When no product is found, the rules of the marked
/// constraints alone (with the same starting domains) admit none either: the same search
/// fails with only them active.
pub(super) fn solve_noting(
    model: &Model,
    domains: Domains,
    active: &RuleMask,
    options: &[usize],
    prefer: &dyn Fn(usize, usize) -> bool,
    budget: &mut Budget,
    noted: &mut [bool],
) -> Result<Option<Domains>, OutOfTime> {
    if options
        .iter()
        .any(|option| domains.is_empty(&model.layout, *option))
    {
        return Ok(None);
    }
    let mut search = Search {
        model,
        active,
        options,
        prefer,
        noted,
        scratch: Scratch::default(),
    };
    search.descend(domains, budget)
}

/// Every product in `domains` (already propagated) over `options`, when there are at most
/// `limit`; else the first `limit + 1` found, marked as not all.
pub(super) fn every_solution(
    model: &Model,
    domains: Domains,
    active: &RuleMask,
    options: &[usize],
    limit: usize,
    budget: &mut Budget,
) -> Result<(Vec<Domains>, bool), OutOfTime> {
    let mut found = Vec::new();
    if options
        .iter()
        .any(|option| domains.is_empty(&model.layout, *option))
    {
        return Ok((found, true));
    }
    let mut search = Search {
        model,
        active,
        options,
        prefer: &|_, _| false,
        noted: &mut [],
        scratch: Scratch::default(),
    };
    let all = search.every(domains, budget, &mut found, limit)?;
    Ok((found, all))
}

/// What stays the same through one search.
struct Search<'a> {
    model: &'a Model,
    active: &'a RuleMask,
    options: &'a [usize],
    prefer: &'a dyn Fn(usize, usize) -> bool,
    noted: &'a mut [bool],
    scratch: Scratch,
}

impl Search<'_> {
    /// The option to branch on: fewest classes left per failure weight; ties to the fewest
    /// classes, then the first. `None` when every option has one class left.
    fn branch_option(&self, domains: &Domains, budget: &Budget) -> Option<usize> {
        let layout = &self.model.layout;
        let mut open: Option<(u64, u64, usize)> = None;
        for option in self.options {
            let count = u64::from(domains.count(layout, *option));
            if count <= 1 {
                continue;
            }
            let weight = budget.weight(*option);
            let better = open.is_none_or(|(best_count, best_weight, _)| {
                count * best_weight < best_count * weight
                    || (count * best_weight == best_count * weight && count < best_count)
            });
            if better {
                open = Some((count, weight, *option));
            }
        }
        open.map(|(_, _, option)| option)
    }

    /// The class to try first: a preferred one, else the first left.
    fn class_to_try(&self, domains: &Domains, option: usize) -> usize {
        let layout = &self.model.layout;
        domains
            .iter(layout, option)
            .find(|class| (self.prefer)(option, *class))
            .or_else(|| domains.first(layout, option))
            .unwrap_or(0)
    }

    /// Propagates after `option` changed in `domains`; false (blaming the failing constraint)
    /// when no product is left in them.
    fn settle(&mut self, domains: &mut Domains, option: usize, budget: &mut Budget) -> bool {
        let model = self.model;
        let seeds = model.constraints_of[option].iter().copied();
        let failed = failing_constraint_noting(
            model,
            domains,
            self.active,
            seeds,
            self.noted,
            &mut self.scratch,
        );
        if let Some(failed) = failed {
            budget.blame(model, failed);
        }
        failed.is_none()
    }

    /// `domains` without `class` of `option`, propagated; false when no product is left.
    fn rule_out(
        &mut self,
        domains: &mut Domains,
        option: usize,
        class: usize,
        budget: &mut Budget,
    ) -> bool {
        domains.remove(&self.model.layout, option, class);
        !domains.is_empty(&self.model.layout, option) && self.settle(domains, option, budget)
    }

    /// Adds every product in `domains` to `found`; false once more than `limit` are found
    /// (the search stops there).
    fn every(
        &mut self,
        mut domains: Domains,
        budget: &mut Budget,
        found: &mut Vec<Domains>,
        limit: usize,
    ) -> Result<bool, OutOfTime> {
        loop {
            budget.tick()?;
            let Some(option) = self.branch_option(&domains, budget) else {
                found.push(domains);
                return Ok(found.len() <= limit);
            };
            let class = self.class_to_try(&domains, option);
            let mut taken = domains.clone();
            taken.fix(&self.model.layout, option, class);
            if self.settle(&mut taken, option, budget)
                && !self.every(taken, budget, found, limit)?
            {
                return Ok(false);
            }
            if !self.rule_out(&mut domains, option, class, budget) {
                return Ok(true);
            }
        }
    }

    fn descend(
        &mut self,
        mut domains: Domains,
        budget: &mut Budget,
    ) -> Result<Option<Domains>, OutOfTime> {
        loop {
            budget.tick()?;
            let Some(option) = self.branch_option(&domains, budget) else {
                return Ok(Some(domains));
            };
            let class = self.class_to_try(&domains, option);
            let mut taken = domains.clone();
            taken.fix(&self.model.layout, option, class);
            if self.settle(&mut taken, option, budget)
                && let Some(found) = self.descend(taken, budget)?
            {
                return Ok(Some(found));
            }
            if !self.rule_out(&mut domains, option, class, budget) {
                return Ok(None);
            }
        }
    }
}
