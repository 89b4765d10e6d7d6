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
    fn process(&self, doc: &mut Document) -> Result<(), StageError>;

    /// Name, version, requirements and products in one value.
    fn info(&self) -> StageInfo {
        StageInfo {
            name: self.name().to_owned(),
            version: self.version().to_owned(),
            requires: self.requires(),
            produces: self.produces(),
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
}
