//! Text from a file shown in a message: control characters (line breaks, tabs, terminal escape
//! sequences) are written as escapes, so a message stays one line and cannot drive a terminal.

use std::borrow::Cow;
use std::fmt::Write;

/// `text` with every control character written as an escape (`\n`, `\t`, `\r`, `\u{1b}`).
#[must_use]
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => escaped.push_str("\\n"),
            '\t' => escaped.push_str("\\t"),
            '\r' => escaped.push_str("\\r"),
            c if c.is_control() => {
                // Writing to a String cannot fail.
                let _ = write!(escaped, "\\u{{{:x}}}", u32::from(c));
            }
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_kept_and_control_characters_are_escaped() {
        assert!(matches!(escape_control("Sofa €"), Cow::Borrowed("Sofa €")));
        assert_eq!(
            escape_control("a\nb\tc\r\u{1b}[31mred\u{7f}"),
            "a\\nb\\tc\\r\\u{1b}[31mred\\u{7f}"
        );
    }
}
