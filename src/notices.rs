//! Short messages for the user (a file saved, an edit refused), shown in the status bar.

use bevy::prelude::*;

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeLevel {
    /// Something went as asked.
    Info,
    /// Something was refused or failed.
    Error,
}

/// One message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What happened.
    pub text: String,
    /// How serious.
    pub level: NoticeLevel,
}

/// Messages for the user, newest last.
#[derive(Resource, Debug, Default)]
pub struct Notices {
    /// Every notice so far (the status bar shows the last).
    pub list: Vec<Notice>,
}

impl Notices {
    /// Adds an informational notice.
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(text.into(), NoticeLevel::Info);
    }

    /// Adds an error notice (also logged).
    pub fn error(&mut self, text: impl Into<String>) {
        let text = text.into();
        if self.push(text.clone(), NoticeLevel::Error) {
            warn!("{text}");
        }
    }

    /// Adds a notice unless it repeats the newest one (a drag refused at every step says so
    /// once). True when it was added.
    fn push(&mut self, text: String, level: NoticeLevel) -> bool {
        let notice = Notice { text, level };
        if self.list.last() == Some(&notice) {
            return false;
        }
        self.list.push(notice);
        if self.list.len() > 100 {
            self.list.remove(0);
        }
        true
    }

    /// The newest notice.
    #[must_use]
    pub fn last(&self) -> Option<&Notice> {
        self.list.last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_notice_is_kept_once_and_the_list_stays_short() {
        let mut notices = Notices::default();
        for _ in 0..5 {
            notices.error("That change cannot be made");
        }
        assert_eq!(notices.list.len(), 1);
        notices.info("Saved");
        notices.error("That change cannot be made");
        assert_eq!(notices.list.len(), 3);
        for index in 0..150 {
            notices.info(format!("notice {index}"));
        }
        assert_eq!(notices.list.len(), 100);
        assert_eq!(notices.last().map(|n| n.text.as_str()), Some("notice 149"));
    }
}
