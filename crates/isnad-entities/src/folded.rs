//! The folded forms of a document's tokens, as the mention rules read them.

use crate::lexicon::{GazetteerName, PhraseMatch, PhraseMatcher};

/// The folded forms of a document's tokens in one string (one allocation per document
/// rather than one per token: a string per token cost 5% of the stage).
#[derive(Debug, Default, Clone)]
pub struct FoldedWords {
    text: String,
    /// Where each token's form ends in `text`; the next starts there.
    ends: Vec<usize>,
    /// Tokens before this one have their forms; those after are empty.
    filled: usize,
}

impl FoldedWords {
    /// Room for `n` tokens, all empty until [`FoldedWords::set`].
    pub(crate) fn with_len(n: usize) -> FoldedWords {
        FoldedWords {
            text: String::new(),
            ends: vec![0; n],
            filled: 0,
        }
    }

    /// Sets the forms of tokens `start..` from `forms`, in order. Sentences come in order:
    /// a `start` before the tokens already set is ignored.
    pub(crate) fn set<'s>(&mut self, start: usize, forms: impl Iterator<Item = &'s str>) {
        if start < self.filled || start > self.ends.len() {
            return;
        }
        // tokens outside every sentence stay empty
        let len = self.text.len();
        for end in &mut self.ends[self.filled..start] {
            *end = len;
        }
        let mut i = start;
        for form in forms.take(self.ends.len() - start) {
            self.text.push_str(form);
            self.ends[i] = self.text.len();
            i += 1;
        }
        self.filled = i;
    }
}

impl FoldedWords {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&str> {
        (i < self.ends.len()).then(|| &self[i])
    }

    /// The longest gazetteer name starting at token `start` and ending by token `end`
    /// (indices of the document).
    pub fn longest_known(
        &self,
        matcher: &PhraseMatcher<GazetteerName>,
        start: usize,
        end: usize,
    ) -> Option<PhraseMatch> {
        if start >= end || end > self.len() {
            return None;
        }
        let words: Vec<&str> = (start..end).map(|i| &self[i]).collect();
        matcher.longest_at(&words, 0).map(|m| PhraseMatch {
            start: m.start + start,
            end: m.end + start,
            phrase: m.phrase,
        })
    }
}

impl std::ops::Index<usize> for FoldedWords {
    type Output = str;
    // inlined: the rules read every token's form, and the call cost more than the lookup
    #[inline]
    fn index(&self, i: usize) -> &str {
        if i >= self.filled {
            return "";
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}

impl FromIterator<String> for FoldedWords {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> FoldedWords {
        let mut folded = FoldedWords::default();
        for form in iter {
            folded.text.push_str(&form);
            folded.ends.push(folded.text.len());
        }
        folded.filled = folded.ends.len();
        folded
    }
}
