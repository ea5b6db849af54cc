//! Search with propagation at every step (maintained arc consistency): fix the option with the
//! fewest classes left to a preferred class, propagate, and on failure rule that class out.
//! A time budget guards every question; it lies far above what products within the format's
//! limits need.

use super::domains::Domains;
use super::model::Model;
use super::propagate::{RuleMask, propagate};
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
}

impl Budget {
    pub(super) fn new(limit: Duration) -> Self {
        Self {
            deadline: Instant::now() + limit,
            steps: 0,
        }
    }

    pub(super) fn tick(&mut self) -> Result<(), OutOfTime> {
        self.steps = self.steps.wrapping_add(1);
        if self.steps.is_multiple_of(256) && Instant::now() > self.deadline {
            return Err(OutOfTime);
        }
        Ok(())
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
    if options
        .iter()
        .any(|option| domains.is_empty(&model.layout, *option))
    {
        return Ok(None);
    }
    descend(model, domains, active, options, prefer, budget)
}

fn descend(
    model: &Model,
    mut domains: Domains,
    active: &RuleMask,
    options: &[usize],
    prefer: &dyn Fn(usize, usize) -> bool,
    budget: &mut Budget,
) -> Result<Option<Domains>, OutOfTime> {
    let layout = &model.layout;
    loop {
        budget.tick()?;
        let open = options
            .iter()
            .map(|option| (domains.count(layout, *option), *option))
            .filter(|(count, _)| *count > 1)
            .min();
        let Some((_, option)) = open else {
            return Ok(Some(domains));
        };
        let class = domains
            .iter(layout, option)
            .find(|class| prefer(option, *class))
            .or_else(|| domains.first(layout, option))
            .unwrap_or(0);
        let mut taken = domains.clone();
        taken.fix(layout, option, class);
        let seeds = model.constraints_of[option].iter().copied();
        if propagate(model, &mut taken, active, seeds)
            && let Some(found) = descend(model, taken, active, options, prefer, budget)?
        {
            return Ok(Some(found));
        }
        domains.remove(layout, option, class);
        let seeds = model.constraints_of[option].iter().copied();
        if domains.is_empty(layout, option) || !propagate(model, &mut domains, active, seeds) {
            return Ok(None);
        }
    }
}
