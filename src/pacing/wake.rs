//! Waking the window's event loop at a given time from any thread: the autosave clock, a
//! background answer or a closed file dialog get their frame although nothing else moves. The
//! deadlines are kept by one small thread that sleeps until the earliest and then wakes the
//! loop; without a window (tests, the command line) every request is simply dropped.

use bevy::prelude::*;
use std::collections::BTreeSet;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

/// Asks for a frame now or at a later time; a cheap handle any thread may keep.
#[derive(Resource, Clone, Debug, Default)]
pub struct Wakeups {
    deadlines: Option<Sender<Instant>>,
}

impl Wakeups {
    /// A handle whose deadlines call `wake` when they come (on the timer's own thread).
    pub fn start(wake: impl Fn() + Send + 'static) -> Self {
        let (sender, deadlines) = channel();
        let started = std::thread::Builder::new()
            .name("frame wakeups".into())
            .spawn(move || keep_deadlines(&deadlines, &wake));
        match started {
            Ok(_) => Self {
                deadlines: Some(sender),
            },
            // Without the timer thread frames still come with input: only idle wakeups are lost.
            Err(error) => {
                warn!("no wakeup thread ({error}): timers fire with the next input only");
                Self::default()
            }
        }
    }

    /// A frame as soon as possible.
    pub fn now(&self) {
        self.at(Instant::now());
    }

    /// A frame after `delay`.
    pub fn after(&self, delay: Duration) {
        self.at(Instant::now() + delay);
    }

    /// A frame at `when` (at once when it has passed).
    pub fn at(&self, when: Instant) {
        if let Some(deadlines) = &self.deadlines {
            // The timer thread ends only with the app: then there is no loop left to wake.
            deadlines.send(when).ok();
        }
    }

    /// True when requests reach a running event loop (false in tests and the command line).
    #[must_use]
    pub fn is_live(&self) -> bool {
        self.deadlines.is_some()
    }
}

/// The timer thread: sleeps until the earliest deadline, wakes the loop, and ends when every
/// handle is gone.
fn keep_deadlines(deadlines: &Receiver<Instant>, wake: &dyn Fn()) {
    let mut pending: BTreeSet<Instant> = BTreeSet::new();
    loop {
        let now = Instant::now();
        let mut due = false;
        while pending.first().is_some_and(|first| *first <= now) {
            pending.pop_first();
            due = true;
        }
        if due {
            wake();
        }
        let received = match pending.first() {
            Some(first) => deadlines.recv_timeout(first.saturating_duration_since(now)),
            None => deadlines.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(when) => {
                // Requests a few milliseconds apart share one frame.
                let merged = pending
                    .range(when.checked_sub(MERGE).unwrap_or(when)..=when + MERGE)
                    .next()
                    .is_some();
                if !merged {
                    pending.insert(when);
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Deadlines closer than this to one already pending are served by it.
const MERGE: Duration = Duration::from_millis(4);

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn deadlines_wake_once_each_in_time_and_close_ones_share_a_wake() {
        let woken = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&woken);
        let wakeups = Wakeups::start(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        assert!(wakeups.is_live());
        let soon = Instant::now() + Duration::from_millis(60);
        wakeups.at(soon);
        wakeups.at(soon + Duration::from_millis(1));
        wakeups.after(Duration::from_millis(300));
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(woken.load(Ordering::SeqCst), 0, "nothing before its time");
        std::thread::sleep(Duration::from_millis(120));
        assert_eq!(
            woken.load(Ordering::SeqCst),
            1,
            "two close deadlines, one wake"
        );
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(woken.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn without_a_window_requests_are_dropped() {
        let wakeups = Wakeups::default();
        assert!(!wakeups.is_live());
        wakeups.now();
    }
}
