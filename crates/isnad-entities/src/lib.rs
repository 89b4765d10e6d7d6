//! Entity extraction for isnad (issue 3).

pub mod values;
