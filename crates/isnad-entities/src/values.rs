//! DATE / DURATION / NUMBER / PERCENT / MONEY by rules, with normalized values.
// owned by the rules helper

use isnad_core::{EntityLabel, Span, Token};

/// A value expression found by the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueMatch {
    pub span: Span,
    pub label: EntityLabel,
    /// The normalized value (`2024-09-06`, `P15M`).
    pub value: String,
    /// The tokens it covers (indices into the token slice).
    pub tokens: std::ops::Range<usize>,
}

/// All value expressions of `text`, in order, not overlapping.
pub fn find_values(text: &str, tokens: &[Token]) -> Vec<ValueMatch> {
    let _ = (text, tokens);
    Vec::new()
}
