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
        warn!("{text}");
        self.push(text, NoticeLevel::Error);
    }

    fn push(&mut self, text: String, level: NoticeLevel) {
        self.list.push(Notice { text, level });
        if self.list.len() > 100 {
            self.list.remove(0);
        }
    }

    /// The newest notice.
    #[must_use]
    pub fn last(&self) -> Option<&Notice> {
        self.list.last()
    }
}
