//! Finds where a value sits in a file's text, so that problems found after parsing (a duplicate
//! id, a rule naming an unknown option) can still point at a line and column.
//!
//! The first search indexes the text in one pass (every field name, every `key: "value"` and
//! every quoted string, with its escapes decoded); each search after that is a lookup, so
//! locating thousands of problems stays linear in the file. Comments are skipped.

use std::cell::OnceCell;
use std::collections::HashMap;

/// One step of a search through the text: each step starts where the previous one matched.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Needle<'a> {
    /// `key: "value"` (any spacing around the colon).
    KeyValue(&'a str, &'a str),
    /// `key:` as a field name.
    Key(&'a str),
    /// A quoted string `"text"`.
    Quoted(&'a str),
}

/// A file's text with its line starts.
#[derive(Debug)]
pub(crate) struct SourceText<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    index: OnceCell<Index<'a>>,
}

/// Where every field name, `key: "value"` and quoted string starts, in text order.
#[derive(Debug, Default)]
struct Index<'a> {
    keys: HashMap<&'a str, Vec<usize>>,
    key_values: HashMap<(&'a str, String), Vec<usize>>,
    quoted: HashMap<String, Vec<usize>>,
}

impl<'a> SourceText<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(index, _)| index + 1))
            .collect();
        Self {
            text,
            line_starts,
            index: OnceCell::new(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub(crate) fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self
            .line_starts
            .partition_point(|start| *start <= offset)
            .max(1);
        let start = self.line_starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |part| part.chars().count() + 1);
        (line, column)
    }

    /// Byte offset of a 1-based line and column (in characters), clamped to the text.
    pub(crate) fn offset_of(&self, line: usize, column: usize) -> usize {
        let Some(start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        self.text[*start..]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(self.text.len(), |(at, _)| start + at)
    }

    /// True when nothing but whitespace follows the offset.
    pub(crate) fn only_whitespace_after(&self, offset: usize) -> bool {
        self.text
            .get(offset..)
            .is_none_or(|rest| rest.trim().is_empty())
    }

    /// Offset of the `nth` (0-based) match of a needle at or after `from`.
    pub(crate) fn find(&self, from: usize, needle: Needle<'_>, nth: usize) -> Option<usize> {
        let index = self.index.get_or_init(|| Index::of(self.text));
        let offsets = match needle {
            Needle::Key(key) => index.keys.get(key),
            Needle::KeyValue(key, value) => index.key_values.get(&(key, value.to_owned())),
            Needle::Quoted(value) => index.quoted.get(value),
        }?;
        let first = offsets.partition_point(|offset| *offset < from);
        offsets.get(first.checked_add(nth)?).copied()
    }

    /// Line and column of the last needle of `path` that could be followed, from the start.
    pub(crate) fn locate(&self, path: &[(Needle<'_>, usize)]) -> (usize, usize) {
        let mut at = 0;
        for (needle, nth) in path {
            match self.find(at, *needle, *nth) {
                Some(found) => at = found,
                None => break,
            }
        }
        self.line_column(at)
    }
}

impl SourceText<'_> {
    /// Line and column of the `chars_in`-th character (0-based, escapes decoded) inside the
    /// string literal whose value is `value`, searched after `path` is followed: points into
    /// an expression written as a string. Falls back to the end of the path when the literal
    /// is not found.
    pub(crate) fn locate_in_string(
        &self,
        path: &[(Needle<'_>, usize)],
        value: &str,
        chars_in: usize,
    ) -> (usize, usize) {
        let mut at = 0;
        for (needle, nth) in path {
            match self.find(at, *needle, *nth) {
                Some(found) => at = found,
                None => break,
            }
        }
        match self.find(at, Needle::Quoted(value), 0) {
            Some(quote) => self.line_column(offset_in_literal(self.text, quote, chars_in)),
            None => self.line_column(at),
        }
    }
}

/// Byte offset of the `chars_in`-th decoded character of the string literal opening at
/// `quote` (its closing quote when the literal is shorter).
fn offset_in_literal(text: &str, quote: usize, chars_in: usize) -> usize {
    let start = quote + 1;
    let mut chars = text[start..].char_indices();
    let mut decoded = 0;
    while let Some((offset, c)) = chars.next() {
        if decoded == chars_in || c == '"' {
            return start + offset;
        }
        if c == '\\'
            && let Some((_, 'u')) = chars.next()
        {
            for (_, next) in chars.by_ref() {
                if next == '}' {
                    break;
                }
            }
        }
        decoded += 1;
    }
    text.len()
}

impl<'a> Index<'a> {
    /// Indexes `text` in one pass.
    fn of(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut index = Index::default();
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'/' if bytes.get(at + 1) == Some(&b'/') => {
                    at = text[at..].find('\n').map_or(bytes.len(), |end| at + end);
                }
                b'/' if bytes.get(at + 1) == Some(&b'*') => {
                    at = text[at + 2..]
                        .find("*/")
                        .map_or(bytes.len(), |end| at + 2 + end + 2);
                }
                b'"' => {
                    let (value, end) = string_at(text, at);
                    index.quoted.entry(value).or_default().push(at);
                    at = end;
                }
                byte if byte == b'_' || byte.is_ascii_alphanumeric() => {
                    let start = at;
                    while at < bytes.len()
                        && (bytes[at] == b'_' || bytes[at].is_ascii_alphanumeric())
                    {
                        at += 1;
                    }
                    let word = &text[start..at];
                    let after = text[at..].trim_start_matches([' ', '\t']);
                    if let Some(after_colon) = after.strip_prefix(':') {
                        index.keys.entry(word).or_default().push(start);
                        let value_at = text.len() - after_colon.trim_start().len();
                        if bytes.get(value_at) == Some(&b'"') {
                            let (value, _) = string_at(text, value_at);
                            index
                                .key_values
                                .entry((word, value))
                                .or_default()
                                .push(start);
                        }
                    }
                }
                _ => at += text[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        index
    }
}

/// The value of the string literal starting (at its opening quote) at `at`, escapes decoded,
/// and the offset just past it.
fn string_at(text: &str, at: usize) -> (String, usize) {
    let mut value = String::new();
    let mut chars = text[at + 1..].char_indices();
    while let Some((offset, c)) = chars.next() {
        match c {
            '"' => return (value, at + 1 + offset + 1),
            '\\' => match chars.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, 'r')) => value.push('\r'),
                Some((_, '0')) => value.push('\0'),
                Some((_, 'u')) => {
                    let rest = &text[at + 1 + offset + 2..];
                    let digits = rest
                        .strip_prefix('{')
                        .and_then(|rest| rest.split_once('}'))
                        .map(|(digits, _)| digits);
                    if let Some(decoded) = digits
                        .and_then(|digits| u32::from_str_radix(digits, 16).ok())
                        .and_then(char::from_u32)
                    {
                        value.push(decoded);
                        let skip = digits.map_or(0, |digits| digits.len() + 2);
                        for _ in 0..skip {
                            chars.next();
                        }
                    }
                }
                Some((_, other)) => value.push(other),
                None => {}
            },
            other => value.push(other),
        }
    }
    (value, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Catalog(\n  products: [\n    (id: \"a\", name: \"A\"),\n    (id:\"b\", width: Option(\"w\")),\n  ],\n)";

    #[test]
    fn key_values_are_found_whatever_the_spacing() {
        let source = SourceText::new(TEXT);
        assert_eq!(source.locate(&[(Needle::KeyValue("id", "b"), 0)]), (4, 6));
        assert_eq!(
            source.locate(&[(Needle::KeyValue("id", "b"), 0), (Needle::Quoted("w"), 0)]),
            (4, 28)
        );
    }

    #[test]
    fn a_missing_step_stops_at_the_last_one_found() {
        let source = SourceText::new(TEXT);
        assert_eq!(
            source.locate(&[
                (Needle::KeyValue("id", "a"), 0),
                (Needle::Key("nothing"), 0)
            ]),
            (3, 6)
        );
        assert_eq!(source.line_column(0), (1, 1));
    }

    #[test]
    fn places_inside_a_string_count_decoded_characters() {
        let text = "(\n  rules: [(when: \"a \\\"q\\\" and width < 2400\", then: \"x\")],\n)";
        let source = SourceText::new(text);
        // The value is `a "q" and width < 2400`; `width` is its 10th character (0-based).
        let (line, column) =
            source.locate_in_string(&[(Needle::Key("rules"), 0)], "a \"q\" and width < 2400", 10);
        assert_eq!((line, column), (2, 31));
        assert_eq!(&text.lines().nth(1).unwrap()[30..35], "width");
    }

    #[test]
    fn escaped_values_comments_and_repeats_are_located() {
        let text = "// id: \"a\"\n(\n  (id: \"a\"),\n  (id: \"a\"),\n  (id: \"line\\nbreak\"),\n  (id: \"esc\\u{1b}[31m\", name: \"x\"),\n)";
        let source = SourceText::new(text);
        assert_eq!(source.locate(&[(Needle::KeyValue("id", "a"), 0)]), (3, 4));
        assert_eq!(source.locate(&[(Needle::KeyValue("id", "a"), 1)]), (4, 4));
        assert_eq!(
            source.locate(&[(Needle::KeyValue("id", "line\nbreak"), 0)]),
            (5, 4)
        );
        assert_eq!(
            source.locate(&[
                (Needle::KeyValue("id", "esc\u{1b}[31m"), 0),
                (Needle::Key("name"), 0)
            ]),
            (6, 25)
        );
        assert_eq!(source.locate(&[(Needle::Quoted("x"), 0)]), (6, 31));
    }
}
