//! Option states for the options panels, kept per product and explicit choices and computed off
//! the frame when slow: a question is first asked with a frame's share of time; one the engine
//! cannot answer by then goes to a background task, while the panel shows the last answer for
//! that product with a spinner. Any error is kept as the answer, so the panel can say it.

use crate::pacing::wake::Wakeups;
use bevy::prelude::*;
use bevy::tasks::futures::check_ready;
use bevy::tasks::{AsyncComputeTaskPool, Task};
use room_planner_core::domain::catalog::Configuration;
use room_planner_core::domain::catalog::Product;
use room_planner_core::domain::catalog::configuration::{
    ConfigurationEngine, ConfigurationError, OptionState,
};
use room_planner_core::domain::values::ids::ProductId;
use std::collections::{HashMap, VecDeque};
use std::time::Duration;

/// How long a question may hold up the frame before it moves to a background task.
const FRAME_SHARE: Duration = Duration::from_millis(15);
/// How often an idle window looks for a background answer.
const POLL: Duration = Duration::from_millis(100);
/// Answers remembered (the oldest are dropped first).
const REMEMBERED: usize = 64;

/// An answer: every option's state, or what went wrong, in words for the user.
pub type PanelAnswer = Result<Vec<OptionState>, String>;

type Key = (ProductId, Configuration);

/// What the panel can show now.
#[derive(Debug, Clone, Copy)]
pub struct PanelView<'a> {
    /// The answer for these choices, or the last one for the same product while it is worked
    /// out; `None` before any.
    pub answer: Option<&'a PanelAnswer>,
    /// True while the answer for these choices is being worked out.
    pub pending: bool,
}

/// Answers for the options panels.
#[derive(Resource, Default)]
pub struct OptionPanels {
    answers: HashMap<Key, PanelAnswer>,
    order: VecDeque<Key>,
    running: Option<(Key, Task<PanelAnswer>)>,
    /// A slow question waiting for the background task to finish the one it is on.
    wanted: Option<(Key, Product)>,
}

/// The option panels plugin.
pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<OptionPanels>()
        .add_systems(Update, collect_answers);
}

impl OptionPanels {
    /// The panel for `product` with `explicit` choices: the answer at once when it is quick or
    /// known, else the last answer for the product while a background task works it out.
    pub fn view(&mut self, product: &Product, explicit: &Configuration) -> PanelView<'_> {
        let key: Key = (product.id.clone(), explicit.clone());
        if !self.answers.contains_key(&key) {
            let asked = self.running.as_ref().is_some_and(|(k, _)| k == &key)
                || self.wanted.as_ref().is_some_and(|(k, _)| k == &key);
            if !asked {
                let quick = ConfigurationEngine::new(product)
                    .with_time_limit(FRAME_SHARE)
                    .option_states(explicit);
                match quick {
                    Err(ConfigurationError::TooComplex) => {
                        self.wanted = Some((key.clone(), product.clone()));
                        self.start_wanted();
                    }
                    other => self.remember(key.clone(), other.map_err(|e| e.to_string())),
                }
            }
        }
        if let Some(answer) = self.answers.get(&key) {
            return PanelView {
                answer: Some(answer),
                pending: false,
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
        }
    }

    fn remember(&mut self, key: Key, answer: PanelAnswer) {
        if self.answers.insert(key.clone(), answer).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > REMEMBERED {
            if let Some(oldest) = self.order.pop_front() {
                self.answers.remove(&oldest);
            }
        }
    }

    /// Starts the wanted question when no task is running.
    fn start_wanted(&mut self) {
        if self.running.is_some() {
            return;
        }
        let Some((key, product)) = self.wanted.take() else {
            return;
        };
        let explicit = key.1.clone();
        let task = AsyncComputeTaskPool::get().spawn(async move {
            ConfigurationEngine::new(&product)
                .option_states(&explicit)
                .map_err(|error| error.to_string())
        });
        self.running = Some((key, task));
    }

    /// Takes a finished background answer; true when one came in.
    fn collect(&mut self) -> bool {
        let Some((_, task)) = &mut self.running else {
            return false;
        };
        let Some(answer) = check_ready(task) else {
            return false;
        };
        if let Some((key, _)) = self.running.take() {
            self.remember(key, answer);
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

fn collect_answers(mut panels: ResMut<OptionPanels>, wakeups: Option<Res<Wakeups>>) {
    if panels.running.is_some() {
        panels.collect();
    }
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
        for _ in 0..2000 {
            app.update();
            if !app.world().resource::<OptionPanels>().busy() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let panels = app.world().resource::<OptionPanels>();
        assert!(!panels.busy(), "the background answer came in");
        let answer = panels.answers.get(&key).expect("remembered");
        assert_eq!(answer.as_ref().map(Vec::len), Ok(product.options.len()));
    }
}
