//! Option states for the options panels, kept per product and explicit choices and computed off
//! the frame when slow: a question is first asked with a frame's share of time; one the engine
//! cannot answer by then goes to a background task, while the panel shows the last answer for
//! that product with a spinner. Any error is kept as the answer, so the panel can say it.
//!
//! A panel's answer says which values can be chosen; why a blocked value cannot is asked one
//! value at a time, when the user points at it (a minimal set of rules can take far longer to
//! find than the panel itself on products with large tables), the same way: at once when
//! quick, else in the background while the hover text says it is being worked out.

use crate::pacing::wake::Wakeups;
use bevy::prelude::*;
use bevy::tasks::futures::check_ready;
use bevy::tasks::{AsyncComputeTaskPool, Task};
use room_planner_core::domain::catalog::configuration::{
    ConfigurationEngine, ConfigurationError, OptionAvailability, QUESTION_TIME_LIMIT,
};
use room_planner_core::domain::catalog::{Configuration, OptionValue, Product};
use room_planner_core::domain::values::ids::{OptionId, ProductId};
use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// How long questions may hold up one frame before the rest move to a background task.
const FRAME_SHARE: Duration = Duration::from_millis(15);
/// How often an idle window looks for a background answer.
const POLL: Duration = Duration::from_millis(100);
/// Answers remembered (the oldest are dropped first).
const REMEMBERED: usize = 64;

/// An answer: which values of every option can be chosen, or what went wrong, in words for
/// the user.
pub type PanelAnswer = Result<Vec<OptionAvailability>, String>;

/// Why one value cannot be chosen, in words for the user (the rules and the choices they
/// follow from, or what went wrong while finding them).
pub type Reason = String;

/// Reasons known for one product and set of choices, by option and value.
pub type Reasons = HashMap<(OptionId, OptionValue), Reason>;

type Key = (ProductId, Configuration);
type ReasonKey = (Key, OptionId, OptionValue);

/// What the panel can show now.
#[derive(Debug, Clone, Copy)]
pub struct PanelView<'a> {
    /// The answer for these choices, or the last one for the same product while it is worked
    /// out; `None` before any.
    pub answer: Option<&'a PanelAnswer>,
    /// True while the answer for these choices is being worked out.
    pub pending: bool,
    /// Why blocked values cannot be chosen, as far as asked and worked out.
    pub reasons: Option<&'a Reasons>,
}

impl PanelView<'_> {
    /// Why `value` of `option` cannot be chosen, when known.
    #[must_use]
    pub fn reason(&self, option: &OptionId, value: &OptionValue) -> Option<&str> {
        self.reasons?
            .get(&(option.clone(), value.clone()))
            .map(String::as_str)
    }
}

/// A question for the background task.
enum Job {
    Panel(Key, Product),
    Reason(ReasonKey, Product),
}

/// A background answer.
enum Answer {
    Panel(Key, PanelAnswer),
    Reason(ReasonKey, Reason),
}

/// Answers for the options panels.
#[derive(Resource, Default)]
pub struct OptionPanels {
    answers: HashMap<Key, PanelAnswer>,
    order: VecDeque<Key>,
    reasons: HashMap<Key, Reasons>,
    running: Option<Task<Answer>>,
    /// The panel the background task works on, if it works on one.
    running_panel: Option<Key>,
    /// A slow panel waiting for the background task to finish the one it is on.
    wanted: Option<(Key, Product)>,
    /// Slow reasons waiting, in the order asked.
    wanted_reasons: VecDeque<(ReasonKey, Product)>,
}

/// The option panels plugin.
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<OptionPanels>()
        .add_systems(Update, collect_answers)
        .add_systems(Last, poll_while_busy);
}

impl OptionPanels {
    /// The panel for `product` with `explicit` choices: the answer at once when it is quick or
    /// known, else the last answer for the product while a background task works it out.
    pub fn view(&mut self, product: &Product, explicit: &Configuration) -> PanelView<'_> {
        let key: Key = (product.id.clone(), explicit.clone());
        if !self.answers.contains_key(&key) && !self.is_asked(&key) {
            let quick = ConfigurationEngine::new(product)
                .with_time_limit(FRAME_SHARE)
                .option_availability(explicit);
            match quick {
                Err(ConfigurationError::TooComplex) => {
                    self.wanted = Some((key.clone(), product.clone()));
                    self.start_wanted();
                }
                other => self.remember(key.clone(), other.map_err(|e| e.to_string())),
            }
        }
        let reasons = self.reasons.get(&key);
        if let Some(answer) = self.answers.get(&key) {
            return PanelView {
                answer: Some(answer),
                pending: false,
                reasons,
            };
        }
        let last = self
            .order
            .iter()
            .rev()
            .find(|(known, _)| known == &key.0)
            .and_then(|known| self.answers.get(known));
        PanelView {
            answer: last,
            pending: true,
            reasons: None,
        }
    }

    /// Works out why the `asked` values of `product` cannot be chosen with `explicit`: those
    /// found within a frame's share of time at once, the rest in the background.
    pub fn ask_reasons(
        &mut self,
        product: &Product,
        explicit: &Configuration,
        asked: &[(OptionId, OptionValue)],
    ) {
        let key: Key = (product.id.clone(), explicit.clone());
        // Reasons still waiting for another product or other choices are no longer shown.
        self.wanted_reasons.retain(|((k, _, _), _)| k == &key);
        let started = Instant::now();
        for (option, value) in asked {
            let known = self
                .reasons
                .get(&key)
                .is_some_and(|reasons| reasons.contains_key(&(option.clone(), value.clone())));
            let reason_key: ReasonKey = (key.clone(), option.clone(), value.clone());
            let queued = self.wanted_reasons.iter().any(|(k, _)| k == &reason_key);
            if known || queued {
                continue;
            }
            let left = FRAME_SHARE.saturating_sub(started.elapsed());
            match reason_of(product, &reason_key, left) {
                Some(reason) => self.remember_reason(reason_key, reason),
                None => self.wanted_reasons.push_back((reason_key, product.clone())),
            }
        }
        self.start_wanted();
    }

    fn is_asked(&self, key: &Key) -> bool {
        self.wanted.as_ref().is_some_and(|(k, _)| k == key)
            || self.running_panel.as_ref().is_some_and(|k| k == key)
    }

    fn remember(&mut self, key: Key, answer: PanelAnswer) {
        if self.answers.insert(key.clone(), answer).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > REMEMBERED {
            if let Some(oldest) = self.order.pop_front() {
                self.answers.remove(&oldest);
                self.reasons.remove(&oldest);
            }
        }
    }

    fn remember_reason(&mut self, (key, option, value): ReasonKey, reason: Reason) {
        self.reasons
            .entry(key)
            .or_default()
            .insert((option, value), reason);
    }

    /// Starts the next wanted question, panels first, when no task is running.
    fn start_wanted(&mut self) {
        if self.running.is_some() {
            return;
        }
        let job = match self.wanted.take() {
            Some((key, product)) => Job::Panel(key, product),
            None => match self.wanted_reasons.pop_front() {
                Some((key, product)) => Job::Reason(key, product),
                None => return,
            },
        };
        self.running_panel = match &job {
            Job::Panel(key, _) => Some(key.clone()),
            Job::Reason(..) => None,
        };
        let task = AsyncComputeTaskPool::get().spawn(async move {
            match job {
                Job::Panel(key, product) => {
                    let answer = ConfigurationEngine::new(&product)
                        .option_availability(&key.1)
                        .map_err(|error| error.to_string());
                    Answer::Panel(key, answer)
                }
                Job::Reason(key, product) => {
                    let reason = reason_of(&product, &key, QUESTION_TIME_LIMIT)
                        .unwrap_or_else(|| ConfigurationError::TooComplex.to_string());
                    Answer::Reason(key, reason)
                }
            }
        });
        self.running = Some(task);
    }

    /// Takes a finished background answer; true when one came in.
    fn collect(&mut self) -> bool {
        let Some(task) = &mut self.running else {
            return false;
        };
        let Some(answer) = check_ready(task) else {
            return false;
        };
        self.running = None;
        self.running_panel = None;
        match answer {
            Answer::Panel(key, answer) => self.remember(key, answer),
            Answer::Reason(key, reason) => self.remember_reason(key, reason),
        }
        self.start_wanted();
        true
    }

    /// True while a background task works on an answer.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }
}

/// Why the value cannot be chosen, asked with `limit`; `None` when that was not long enough.
fn reason_of(
    product: &Product,
    (key, option, value): &ReasonKey,
    limit: Duration,
) -> Option<Reason> {
    let engine = ConfigurationEngine::new(product).with_time_limit(limit);
    match engine.why_blocked(&key.1, option, value) {
        Ok(Some(blocked)) => Some(blocked.reason(product)),
        Ok(None) => Some("It can be chosen now".to_owned()),
        Err(ConfigurationError::TooComplex) => None,
        Err(error) => Some(format!("The reason cannot be found: {error}")),
    }
}

fn collect_answers(mut panels: ResMut<OptionPanels>) {
    if panels.running.is_some() {
        panels.collect();
    }
}

/// Runs last, so that a question the sidebar handed to the background this frame is looked
/// for too.
fn poll_while_busy(panels: Res<OptionPanels>, wakeups: Option<Res<Wakeups>>) {
    if panels.busy()
        && let Some(wakeups) = wakeups
    {
        wakeups.after(POLL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use room_planner_core::storage::catalog::parse_catalog;
    use std::path::Path;

    fn demo_product() -> Product {
        let text = std::fs::read_to_string("catalogs/nordhaus.ron").expect("demo catalog");
        let catalog = parse_catalog(Path::new("nordhaus.ron"), &text).expect("valid");
        catalog
            .products
            .into_iter()
            .find(|product| !product.rules.is_empty())
            .expect("a product with rules")
    }

    /// Updates the app until the background task has finished (at most 10 s).
    fn run_until_idle(app: &mut App) {
        for _ in 0..2000 {
            app.update();
            if !app.world().resource::<OptionPanels>().busy() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn quick_answers_are_given_at_once_and_remembered() {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, plugin));
        let product = demo_product();
        let mut panels = app.world_mut().resource_mut::<OptionPanels>();
        let view = panels.view(&product, &Configuration::new());
        assert!(!view.pending);
        let states = view.answer.expect("answered").as_ref().expect("no error");
        assert_eq!(states.len(), product.options.len());
        assert!(!panels.busy());
        assert_eq!(panels.answers.len(), 1);
    }

    #[test]
    fn slow_answers_come_from_a_background_task() {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, plugin));
        let product = demo_product();
        let key: Key = (product.id.clone(), Configuration::new());
        {
            let mut panels = app.world_mut().resource_mut::<OptionPanels>();
            // As if the quick attempt had run out of time.
            panels.wanted = Some((key.clone(), product.clone()));
            panels.start_wanted();
            assert!(panels.busy());
        }
        run_until_idle(&mut app);
        let panels = app.world().resource::<OptionPanels>();
        assert!(!panels.busy(), "the background answer came in");
        let answer = panels.answers.get(&key).expect("remembered");
        assert_eq!(answer.as_ref().map(Vec::len), Ok(product.options.len()));
    }

    /// A choice of the demo product and a value it blocks, found with the engine.
    fn blocked_case(product: &Product) -> (Configuration, OptionId, OptionValue) {
        let engine = ConfigurationEngine::new(product);
        for def in &product.options {
            for value in def.values() {
                let explicit = Configuration::from([(def.id.clone(), value)]);
                let Ok(states) = engine.option_availability(&explicit) else {
                    continue;
                };
                if let Some(state) = states.iter().find(|state| !state.blocked.is_empty()) {
                    return (explicit, state.option.clone(), state.blocked[0].clone());
                }
            }
        }
        panic!("the demo product blocks nothing");
    }

    #[test]
    fn reasons_are_found_when_asked_and_shown_with_the_panel() {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, plugin));
        let product = demo_product();
        let (explicit, option, value) = blocked_case(&product);
        let mut panels = app.world_mut().resource_mut::<OptionPanels>();
        assert_eq!(
            panels.view(&product, &explicit).reason(&option, &value),
            None
        );
        panels.ask_reasons(&product, &explicit, &[(option.clone(), value.clone())]);
        let view = panels.view(&product, &explicit);
        let reason = view.reason(&option, &value).expect("found at once");
        let rule_messages: Vec<&str> = product.rules.iter().map(|rule| rule.message()).collect();
        assert!(
            rule_messages.iter().any(|message| reason.contains(message)),
            "{reason}"
        );
    }

    #[test]
    fn slow_reasons_come_from_a_background_task() {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, plugin));
        let product = demo_product();
        let (explicit, option, value) = blocked_case(&product);
        let key: Key = (product.id.clone(), explicit.clone());
        {
            let mut panels = app.world_mut().resource_mut::<OptionPanels>();
            // As if the quick attempt had run out of time.
            panels.wanted_reasons.push_back((
                (key.clone(), option.clone(), value.clone()),
                product.clone(),
            ));
            panels.start_wanted();
            assert!(panels.busy());
        }
        run_until_idle(&mut app);
        let panels = app.world().resource::<OptionPanels>();
        assert!(!panels.busy(), "the background reason came in");
        let reason = panels
            .reasons
            .get(&key)
            .and_then(|reasons| reasons.get(&(option, value)))
            .expect("remembered");
        assert!(!reason.is_empty());
    }

    #[test]
    fn reasons_waiting_for_other_choices_are_dropped_when_new_ones_are_asked() {
        let product = demo_product();
        let (explicit, option, value) = blocked_case(&product);
        let mut panels = OptionPanels::default();
        let key: Key = (product.id.clone(), explicit);
        panels
            .wanted_reasons
            .push_back(((key, option, value), product.clone()));
        panels.ask_reasons(&product, &Configuration::new(), &[]);
        assert!(panels.wanted_reasons.is_empty());
        assert!(!panels.busy());
    }
}
