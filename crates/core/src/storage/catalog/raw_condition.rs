//! A condition exactly as written in a catalog file (RON), before any check: an expression in
//! quotes, or one of the single-option forms of format version 1. Rules, bill-of-materials lines,
//! option visibility and personalizations all use it.

use serde::Deserialize;

/// A condition: an expression in quotes, or one of the single-option forms of version 1.
#[derive(Debug, Clone, Deserialize)]
#[serde(
    untagged,
    expecting = "a condition: an expression in double quotes such as \"width < 2400\", or Is, OneOf, AtLeast or AtMost"
)]
pub(crate) enum RawCondition {
    Expr(String),
    V1(RawV1Condition),
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) enum RawV1Condition {
    Is(String, String),
    OneOf(String, Vec<String>),
    AtLeast(String, i64),
    AtMost(String, i64),
}
