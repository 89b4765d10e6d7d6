use serde::{Deserialize, Serialize};

use crate::{Document, Layer, StageError};

/// One step of a pipeline. A stage reads the layers it `requires` and fills the layers it
/// `produces`, and nothing else; it never changes `Document::text`.
///
/// Stages are `Send + Sync` and take `&self`: one pipeline serves many documents at once,
/// so per-document state lives on the stack of `process`.
pub trait Stage: Send + Sync {
    /// A short unique name (`normalize`, `entities`).
    fn name(&self) -> &str;
    /// The stage's own version, reported in `isnad stages` and plugin manifests.
    fn version(&self) -> &str;
    fn requires(&self) -> Vec<Layer>;
    fn produces(&self) -> Vec<Layer>;
    /// Layers produced by an earlier stage that this one may add to (the quote stage gives
    /// a speaker the entity stage missed an entity of its own). Each must be available.
    fn extends(&self) -> Vec<Layer> {
        Vec::new()
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError>;

    /// Name, version, requirements and products in one value.
    fn info(&self) -> StageInfo {
        StageInfo {
            name: self.name().to_owned(),
            version: self.version().to_owned(),
            requires: self.requires(),
            produces: self.produces(),
            extends: self.extends(),
        }
    }
}

impl<S: Stage + ?Sized> Stage for Box<S> {
    fn name(&self) -> &str {
        (**self).name()
    }
    fn version(&self) -> &str {
        (**self).version()
    }
    fn requires(&self) -> Vec<Layer> {
        (**self).requires()
    }
    fn produces(&self) -> Vec<Layer> {
        (**self).produces()
    }
    fn extends(&self) -> Vec<Layer> {
        (**self).extends()
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        (**self).process(doc)
    }
}

/// A stage's declaration, as listed by `isnad stages`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageInfo {
    pub name: String,
    pub version: String,
    pub requires: Vec<Layer>,
    pub produces: Vec<Layer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extends: Vec<Layer>,
}
