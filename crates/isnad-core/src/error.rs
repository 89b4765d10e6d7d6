use crate::Layer;

/// What a stage reports when it cannot process a document or accept its configuration.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct StageError {
    pub message: String,
}

impl StageError {
    pub fn new(message: impl Into<String>) -> Self {
        StageError { message: message.into() }
    }
}

/// Errors of pipeline assembly and execution.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("stage `{stage}` requires the `{layer}` layer, but no earlier stage produces it{hint}")]
    MissingRequirement { stage: String, layer: Layer, hint: String },
    #[error("stage `{stage}` produces the `{layer}` layer, which stage `{earlier}` already produces")]
    DuplicateProducer { stage: String, layer: Layer, earlier: String },
    #[error("the pipeline has no stage")]
    Empty,
    #[error("stage `{stage}` failed: {source}")]
    Stage { stage: String, source: StageError },
    #[error("stage `{stage}` did not produce the `{layer}` layer it declares")]
    NotProduced { stage: String, layer: Layer },
}
