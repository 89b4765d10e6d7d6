use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

/// A half-open range `[start, end)` of UTF-8 byte offsets into a document's original text.
///
/// Spans serialize as `{"start", "end"}`, and as `{"start", "end", "text"}` inside the
/// [`crate::json`] functions, which know the document's text: any output can be checked by
/// slicing the input. A `text` field is ignored when a span is read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The covered text, or `None` if the span is not a valid slice of `text`.
    pub fn get<'t>(&self, text: &'t str) -> Option<&'t str> {
        if self.start > self.end {
            return None;
        }
        text.get(self.start..self.end)
    }

    /// The covered text. Panics if the span does not slice `text`: only call it on spans a
    /// stage built itself from `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::json::with_current_text(|text| {
            let mut st = serializer.serialize_struct("Span", if text.is_some() { 3 } else { 2 })?;
            st.serialize_field("start", &self.start)?;
            st.serialize_field("end", &self.end)?;
            if let Some(text) = text {
                st.serialize_field("text", self.get(text).unwrap_or(""))?;
            }
            st.end()
        })
    }
}
