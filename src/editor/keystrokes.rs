//! Key presses in the order they came, each with the modifiers held at that moment. A slow
//! frame (seconds on a software renderer) may hold a whole Ctrl+Z, from Ctrl down to Ctrl up, or
//! two presses of R: the per-frame key state would see no Ctrl, or one R. Shortcuts read these
//! instead, so none is lost however slow the frames.

use bevy::input::ButtonState;
use bevy::input::keyboard::{KeyboardFocusLost, KeyboardInput};
use bevy::prelude::*;

/// One key press (repeats from holding a key down are left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keystroke {
    /// The key pressed.
    pub key: KeyCode,
    /// Ctrl (or the Super/Command key) was held.
    pub command: bool,
    /// Shift was held.
    pub shift: bool,
    /// Alt was held.
    pub alt: bool,
}

/// This frame's key presses, oldest first, and the modifiers held after them.
#[derive(Resource, Debug, Default, Clone)]
pub struct Keystrokes {
    /// The presses read this frame.
    pub this_frame: Vec<Keystroke>,
    command_keys: u8,
    shift_keys: u8,
    alt_keys: u8,
    held: Vec<KeyCode>,
}

impl Keystrokes {
    /// Presses of `key` with no Ctrl/Command (Shift and Alt allowed).
    pub fn plain(&self, key: KeyCode) -> impl Iterator<Item = &Keystroke> {
        self.this_frame
            .iter()
            .filter(move |stroke| stroke.key == key && !stroke.command)
    }

    /// Presses of `key` with Ctrl/Command held.
    pub fn with_command(&self, key: KeyCode) -> impl Iterator<Item = &Keystroke> {
        self.this_frame
            .iter()
            .filter(move |stroke| stroke.key == key && stroke.command)
    }

    /// True when `key` was pressed without Ctrl/Command this frame.
    #[must_use]
    pub fn pressed_plain(&self, key: KeyCode) -> bool {
        self.plain(key).next().is_some()
    }

    /// Reads one keyboard message: a modifier changes what is held, any other press is kept.
    pub fn read(&mut self, key: KeyCode, state: ButtonState, repeat: bool) {
        let pressed = state == ButtonState::Pressed;
        let was_held = self.held.contains(&key);
        if pressed && !was_held {
            self.held.push(key);
        } else if !pressed {
            self.held.retain(|held| *held != key);
        }
        let count = match key {
            KeyCode::ControlLeft
            | KeyCode::ControlRight
            | KeyCode::SuperLeft
            | KeyCode::SuperRight => Some(&mut self.command_keys),
            KeyCode::ShiftLeft | KeyCode::ShiftRight => Some(&mut self.shift_keys),
            KeyCode::AltLeft | KeyCode::AltRight => Some(&mut self.alt_keys),
            _ => None,
        };
        if let Some(count) = count {
            if pressed && !was_held {
                *count = count.saturating_add(1);
            } else if !pressed && was_held {
                *count = count.saturating_sub(1);
            }
            return;
        }
        if pressed && !repeat && !was_held {
            self.this_frame.push(Keystroke {
                key,
                command: self.command_keys > 0,
                shift: self.shift_keys > 0,
                alt: self.alt_keys > 0,
            });
        }
    }

    /// Forgets every key held (the window lost the keyboard: their releases will not come).
    pub fn release_all(&mut self) {
        self.held.clear();
        self.command_keys = 0;
        self.shift_keys = 0;
        self.alt_keys = 0;
    }
}

/// Reads the frame's keyboard messages into [`Keystrokes`] (before `Update`).
pub(crate) fn read_keystrokes(
    mut keyboard: MessageReader<KeyboardInput>,
    mut focus_lost: MessageReader<KeyboardFocusLost>,
    mut strokes: ResMut<Keystrokes>,
) {
    strokes.this_frame.clear();
    if focus_lost.read().count() > 0 {
        strokes.release_all();
    }
    for message in keyboard.read() {
        strokes.read(message.key_code, message.state, message.repeat);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(strokes: &mut Keystrokes, key: KeyCode) {
        strokes.read(key, ButtonState::Pressed, false);
    }

    fn release(strokes: &mut Keystrokes, key: KeyCode) {
        strokes.read(key, ButtonState::Released, false);
    }

    #[test]
    fn a_whole_shortcut_within_one_frame_keeps_its_modifier() {
        let mut strokes = Keystrokes::default();
        press(&mut strokes, KeyCode::ControlLeft);
        press(&mut strokes, KeyCode::KeyZ);
        release(&mut strokes, KeyCode::KeyZ);
        release(&mut strokes, KeyCode::ControlLeft);
        press(&mut strokes, KeyCode::KeyR);
        release(&mut strokes, KeyCode::KeyR);
        press(&mut strokes, KeyCode::KeyR);
        strokes.read(KeyCode::KeyR, ButtonState::Pressed, true);
        assert_eq!(strokes.with_command(KeyCode::KeyZ).count(), 1);
        assert_eq!(strokes.plain(KeyCode::KeyZ).count(), 0);
        assert_eq!(
            strokes.plain(KeyCode::KeyR).count(),
            2,
            "two presses, one repeat"
        );
        assert!(!strokes.pressed_plain(KeyCode::Escape));
    }

    #[test]
    fn shift_and_alt_are_read_at_each_press_and_forgotten_with_the_focus() {
        let mut strokes = Keystrokes::default();
        press(&mut strokes, KeyCode::ShiftRight);
        press(&mut strokes, KeyCode::KeyR);
        release(&mut strokes, KeyCode::ShiftRight);
        press(&mut strokes, KeyCode::AltLeft);
        press(&mut strokes, KeyCode::ArrowUp);
        strokes.release_all();
        press(&mut strokes, KeyCode::ArrowDown);
        let read: Vec<(KeyCode, bool, bool)> = strokes
            .this_frame
            .iter()
            .map(|stroke| (stroke.key, stroke.shift, stroke.alt))
            .collect();
        assert_eq!(
            read,
            vec![
                (KeyCode::KeyR, true, false),
                (KeyCode::ArrowUp, false, true),
                (KeyCode::ArrowDown, false, false),
            ]
        );
    }
}
