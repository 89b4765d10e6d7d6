//! The smallest useful isnad plugin, to copy when writing your own: it counts the words and
//! sentences of a document into an extension layer `word_count`:
//!
//! ```json
//! "layers": {"word_count": {"words": 212, "sentences": 9, "longest_sentence": 41}}
//! ```

use isnad_core::{Document, Layer, Stage, StageError, TokenKind};
use serde_json::{json, Map, Value};

/// Counts words (tokens of kind `word`, plus numbers if `count_numbers` is set) and sentences.
#[derive(Debug, Clone, Default)]
pub struct WordCountStage {
    count_numbers: bool,
}

impl WordCountStage {
    pub const LAYER: &'static str = "word_count";

    /// Options: `count_numbers` (boolean, default false). Unknown options are refused, naming
    /// the valid ones, so that a typo in a pipeline file is not silently ignored.
    pub fn from_config(options: &Map<String, Value>) -> Result<Self, StageError> {
        let mut stage = WordCountStage::default();
        for (key, value) in options {
            match (key.as_str(), value) {
                ("count_numbers", Value::Bool(flag)) => stage.count_numbers = *flag,
                ("count_numbers", _) => return Err(StageError::new("`count_numbers` must be true or false")),
                _ => return Err(StageError::new(format!("unknown option `{key}` (valid: count_numbers)"))),
            }
        }
        Ok(stage)
    }

    fn counts(&self, kind: TokenKind) -> bool {
        kind == TokenKind::Word || (self.count_numbers && kind == TokenKind::Number)
    }
}

impl Stage for WordCountStage {
    fn name(&self) -> &str {
        "word_count"
    }

    fn version(&self) -> &str {
        env!("CARGO_PKG_VERSION")
    }

    fn requires(&self) -> Vec<Layer> {
        vec![Layer::TOKENS, Layer::SENTENCES]
    }

    fn produces(&self) -> Vec<Layer> {
        vec![Layer::new(Self::LAYER)]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let tokens = doc.tokens();
        let words_in = |range: std::ops::Range<usize>| {
            tokens.get(range).unwrap_or_default().iter().filter(|t| self.counts(t.kind)).count()
        };
        let words = words_in(0..tokens.len());
        let longest = doc.sentences().iter().map(|s| words_in(s.tokens.clone())).max().unwrap_or(0);
        let layer = json!({ "words": words, "sentences": doc.sentences().len(), "longest_sentence": longest });
        doc.extensions.insert(Self::LAYER.to_owned(), layer);
        Ok(())
    }
}

// The one line that makes this crate a plugin: it exports `isnad_plugin_v1`.
isnad_plugin::export_stage!(
    WordCountStage,
    config_schema = r#"{"type": "object", "properties": {"count_numbers": {"type": "boolean", "default": false}}, "additionalProperties": false}"#
);

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_core::{Sentence, Span, Token};

    fn token(start: usize, end: usize, kind: TokenKind) -> Token {
        Token { span: Span::new(start, end), kind, norm: "".into(), clitics: None }
    }

    #[test]
    fn counts_words_and_the_longest_sentence() {
        let mut doc = Document::new("قال روتي 3. نعم");
        doc.tokens = Some(vec![
            token(0, 6, TokenKind::Word),
            token(7, 15, TokenKind::Word),
            token(16, 17, TokenKind::Number),
            token(17, 18, TokenKind::Punct),
            token(19, 25, TokenKind::Word),
        ]);
        doc.sentences = Some(vec![
            Sentence { span: Span::new(0, 18), tokens: 0..4 },
            Sentence { span: Span::new(19, 25), tokens: 4..5 },
        ]);
        WordCountStage::default().process(&mut doc).unwrap();
        assert_eq!(doc.extensions["word_count"], json!({"words": 3, "sentences": 2, "longest_sentence": 2}));

        let with_numbers = WordCountStage::from_config(&json!({"count_numbers": true}).as_object().unwrap().clone()).unwrap();
        with_numbers.process(&mut doc).unwrap();
        assert_eq!(doc.extensions["word_count"]["words"], 4);
    }

    #[test]
    fn unknown_options_are_refused_by_name() {
        let err = WordCountStage::from_config(&json!({"count_number": true}).as_object().unwrap().clone()).unwrap_err();
        assert_eq!(err.message, "unknown option `count_number` (valid: count_numbers)");
    }
}
