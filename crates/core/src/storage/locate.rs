//! Finds where a value sits in a file's text, so that problems found after parsing (a duplicate
//! id, a rule naming an unknown option) can still point at a line and column.

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
}

impl<'a> SourceText<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(index, _)| index + 1))
            .collect();
        Self { text, line_starts }
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
        let mut from = from;
        let mut seen = 0;
        loop {
            let found = self.find_one(from, needle)?;
            if seen == nth {
                return Some(found);
            }
            seen += 1;
            from = found + 1;
        }
    }

    fn find_one(&self, from: usize, needle: Needle<'_>) -> Option<usize> {
        let rest = self.text.get(from..)?;
        match needle {
            Needle::Quoted(value) => rest.find(&format!("\"{value}\"")).map(|at| from + at),
            Needle::Key(key) => find_key(rest, key).map(|at| from + at),
            Needle::KeyValue(key, value) => {
                let mut offset = 0;
                while let Some(at) = find_key(&rest[offset..], key) {
                    let key_at = offset + at;
                    let after_key = &rest[key_at + key.len()..];
                    let trimmed = after_key.trim_start();
                    if let Some(after_colon) = trimmed.strip_prefix(':')
                        && after_colon
                            .trim_start()
                            .starts_with(&format!("\"{value}\""))
                    {
                        return Some(from + key_at);
                    }
                    offset = key_at + key.len();
                }
                None
            }
        }
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

/// Offset of `key` used as a field name: a whole word followed by optional spaces and `:`.
fn find_key(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    while let Some(at) = text[offset..].find(key) {
        let start = offset + at;
        let end = start + key.len();
        let before_ok = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let after = text[end..].trim_start_matches([' ', '\t']);
        if before_ok && after.starts_with(':') {
            return Some(start);
        }
        offset = end;
    }
    None
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
}
