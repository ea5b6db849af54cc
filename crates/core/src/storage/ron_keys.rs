//! Finds a field or map key written twice in RON text, which serde would otherwise accept
//! silently for maps (the last one wins) or report without saying which one came first.
//!
//! A small scanner over the text, linear in its length: it follows strings, raw strings,
//! character literals, comments and brackets, and records the keys at the top level of every
//! `(...)` and `{...}`.

use std::collections::HashMap;

/// A key written a second time within the same struct or map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DuplicateKey {
    /// The key as written (a field name, or a map key with its quotes).
    pub(crate) key: String,
    /// Byte offset of the first occurrence.
    pub(crate) first_offset: usize,
    /// Byte offset of the second occurrence.
    pub(crate) second_offset: usize,
}

struct Frame {
    /// Whether keys are looked for (structs and maps, not lists).
    keyed: bool,
    /// Keys seen at this level and where.
    keys: HashMap<String, usize>,
    /// True at the start of an element: right after the opening bracket or a comma.
    at_element_start: bool,
    /// The element's first token when it could be a key, waiting for a `:`.
    pending: Option<(String, usize)>,
}

impl Frame {
    fn new(keyed: bool) -> Self {
        Self {
            keyed,
            keys: HashMap::new(),
            at_element_start: true,
            pending: None,
        }
    }
}

/// The first key written twice in one struct or map of `text`, if any.
pub(crate) fn first_duplicate_key(text: &str) -> Option<DuplicateKey> {
    let bytes = text.as_bytes();
    let mut stack = vec![Frame::new(false)];
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let start = at;
        // Every branch moves `at` past one token.
        let token: Token = match byte {
            b' ' | b'\t' | b'\n' | b'\r' => {
                at += 1;
                continue;
            }
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at = text[at..].find('\n').map_or(bytes.len(), |end| at + end);
                continue;
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => {
                at = skip_block_comment(bytes, at);
                continue;
            }
            b'"' => {
                at = skip_string(bytes, at + 1);
                Token::Key(text[start..at].to_owned())
            }
            b'r' if matches!(bytes.get(at + 1), Some(b'"' | b'#'))
                && raw_string_end(bytes, at + 1).is_some() =>
            {
                at = raw_string_end(bytes, at + 1).unwrap_or(bytes.len());
                Token::Key(text[start..at].to_owned())
            }
            b'\'' => {
                at = skip_char(bytes, at + 1);
                Token::Other
            }
            b'(' | b'{' | b'[' => {
                at += 1;
                Token::Open(byte != b'[')
            }
            b')' | b'}' | b']' => {
                at += 1;
                Token::Close
            }
            b',' => {
                at += 1;
                Token::Comma
            }
            b':' => {
                at += 1;
                Token::Colon
            }
            _ if byte == b'_' || byte.is_ascii_alphabetic() => {
                while at < bytes.len()
                    && (bytes[at] == b'_' || bytes[at].is_ascii_alphanumeric() || bytes[at] == b'#')
                {
                    at += 1;
                }
                let word = text[start..at].trim_start_matches("r#");
                Token::Key(word.to_owned())
            }
            _ => {
                // Numbers, signs and anything else: one character at a time is enough.
                at += text[at..].chars().next().map_or(1, char::len_utf8);
                Token::Other
            }
        };
        match token {
            Token::Open(keyed) => {
                if let Some(frame) = stack.last_mut() {
                    frame.at_element_start = false;
                    frame.pending = None;
                }
                stack.push(Frame::new(keyed));
            }
            Token::Close => {
                if stack.len() > 1 {
                    stack.pop();
                }
            }
            Token::Comma => {
                if let Some(frame) = stack.last_mut() {
                    frame.at_element_start = true;
                    frame.pending = None;
                }
            }
            Token::Colon => {
                if let Some(frame) = stack.last_mut()
                    && let Some((key, offset)) = frame.pending.take()
                    && frame.keyed
                {
                    if let Some(first_offset) = frame.keys.get(&key) {
                        return Some(DuplicateKey {
                            key,
                            first_offset: *first_offset,
                            second_offset: offset,
                        });
                    }
                    frame.keys.insert(key, offset);
                }
            }
            Token::Key(key) => {
                if let Some(frame) = stack.last_mut() {
                    frame.pending = frame.at_element_start.then_some((key, start));
                    frame.at_element_start = false;
                }
            }
            Token::Other => {
                if let Some(frame) = stack.last_mut() {
                    frame.pending = None;
                    frame.at_element_start = false;
                }
            }
        }
    }
    None
}

enum Token {
    Key(String),
    Open(bool),
    Close,
    Comma,
    Colon,
    Other,
}

/// Offset just past the closing quote of a string whose body starts at `at`.
fn skip_string(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// Offset just past a character literal whose body starts at `at`; a lone `'` is one token.
fn skip_char(bytes: &[u8], at: usize) -> usize {
    let mut end = at;
    while end < bytes.len() && end < at + 12 {
        match bytes[end] {
            b'\\' => end += 2,
            b'\'' => return end + 1,
            b'\n' => break,
            _ => end += 1,
        }
    }
    at
}

/// Offset just past a raw string `r#"..."#` whose hashes start at `at`.
fn raw_string_end(bytes: &[u8], at: usize) -> Option<usize> {
    let hashes = bytes[at..].iter().take_while(|b| **b == b'#').count();
    if bytes.get(at + hashes) != Some(&b'"') {
        return None;
    }
    let mut search = at + hashes + 1;
    while search < bytes.len() {
        if bytes[search] == b'"'
            && bytes[search + 1..]
                .iter()
                .take(hashes)
                .filter(|b| **b == b'#')
                .count()
                == hashes
        {
            return Some(search + 1 + hashes);
        }
        search += 1;
    }
    Some(bytes.len())
}

/// Offset just past a (nested) block comment starting at `at`.
fn skip_block_comment(bytes: &[u8], mut at: usize) -> usize {
    let mut depth = 0_usize;
    while at < bytes.len() {
        if bytes[at] == b'/' && bytes.get(at + 1) == Some(&b'*') {
            depth += 1;
            at += 2;
        } else if bytes[at] == b'*' && bytes.get(at + 1) == Some(&b'/') {
            depth = depth.saturating_sub(1);
            at += 2;
            if depth == 0 {
                return at;
            }
        } else {
            at += 1;
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duplicate(text: &str) -> Option<(String, usize, usize)> {
        first_duplicate_key(text).map(|found| (found.key, found.first_offset, found.second_offset))
    }

    #[test]
    fn distinct_keys_pass_and_a_repeated_field_is_found_at_its_second_place() {
        let clean = "Dealer(\n name: \"a\", // name: twice in a comment\n quote_numbers: (prefix: \"name:\", digits: 4),\n terms: [\"x: y\", r#\"name: \"#],\n options: {\"w\": 1, \"d\": Some(2)},\n)";
        assert_eq!(duplicate(clean), None);
        let twice =
            "Dealer(\n name: \"a\",\n quote_numbers: (digits: 3),\n quote_numbers: (digits: 4),\n)";
        let second = twice.rfind("quote_numbers").unwrap_or_default();
        assert_eq!(
            duplicate(twice),
            Some((
                "quote_numbers".to_owned(),
                twice.find("quote_numbers").unwrap_or_default(),
                second
            ))
        );
    }

    #[test]
    fn map_keys_and_nested_fields_are_checked_per_level() {
        assert_eq!(
            duplicate("(options: {\"width\": 1, \"width\": 2})").map(|d| d.0),
            Some("\"width\"".to_owned())
        );
        // The same key in sibling structs is fine.
        assert_eq!(
            duplicate("[(id: \"a\", x: 1), (id: \"b\", x: 2)] /* id: x: */"),
            None
        );
        assert_eq!(
            duplicate("(a: (b: 1, b: 2))").map(|d| d.0),
            Some("b".to_owned())
        );
    }
}
