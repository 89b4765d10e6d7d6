//! The `normalize` stage: tokens and sentences.

use isnad_core::{Document, Layer, Stage, StageError};
use serde_json::{Map, Value};

use crate::{split_sentences, tokenize, Profile};

/// Produces the `tokens` and `sentences` layers. Option: `profile` (`search` or `camel`),
/// the normalization of token forms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NormalizeStage {
    profile: Profile,
}

impl NormalizeStage {
    pub const NAME: &'static str = "normalize";
    const OPTIONS: &'static str = "profile";

    pub fn new(profile: Profile) -> Self {
        NormalizeStage { profile }
    }

    pub fn profile(&self) -> Profile {
        self.profile
    }

    /// The stage configured by a pipeline file's `[[stages]]` table (without `builtin`).
    pub fn from_config(options: &Map<String, Value>) -> Result<Self, StageError> {
        let mut stage = NormalizeStage::default();
        for (key, value) in options {
            match key.as_str() {
                "profile" => {
                    let name = value
                        .as_str()
                        .ok_or_else(|| StageError::new(format!("option `profile` must be a string, got {value}")))?;
                    stage.profile = name.parse().map_err(|e| StageError::new(format!("option `profile`: {e}")))?;
                }
                other => {
                    return Err(StageError::new(format!(
                        "unknown option `{other}` for stage `normalize` (valid options: {})",
                        Self::OPTIONS
                    )))
                }
            }
        }
        Ok(stage)
    }
}

impl Stage for NormalizeStage {
    fn name(&self) -> &str {
        Self::NAME
    }

    fn version(&self) -> &str {
        env!("CARGO_PKG_VERSION")
    }

    fn requires(&self) -> Vec<Layer> {
        Vec::new()
    }

    fn produces(&self) -> Vec<Layer> {
        vec![Layer::TOKENS, Layer::SENTENCES]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let tokens = tokenize(&doc.text, self.profile);
        let sentences = split_sentences(&doc.text, &tokens);
        doc.tokens = Some(tokens);
        doc.sentences = Some(sentences);
        Ok(())
    }
}
