//! The quote stage declaring that it requires only `entities` (what it reads, besides the text),
//! so that the host sends it no tokens or sentences: `crates/isnad-plugin/benches/overhead.rs`
//! measures what that saves at the plugin boundary.

use isnad_core::{Document, Layer, Stage, StageError};
use isnad_quotes::QuoteStage;
use serde_json::{Map, Value};

#[derive(Default)]
pub struct QuotesReadingEntities(QuoteStage);

impl QuotesReadingEntities {
    pub fn from_config(options: &Map<String, Value>) -> Result<Self, StageError> {
        QuoteStage::from_config(options).map(QuotesReadingEntities)
    }
}

impl Stage for QuotesReadingEntities {
    fn name(&self) -> &str {
        self.0.name()
    }
    fn version(&self) -> &str {
        self.0.version()
    }
    fn requires(&self) -> Vec<Layer> {
        vec![Layer::ENTITIES]
    }
    fn produces(&self) -> Vec<Layer> {
        self.0.produces()
    }
    fn extends(&self) -> Vec<Layer> {
        self.0.extends()
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        self.0.process(doc)
    }
}

isnad_plugin::export_stage!(QuotesReadingEntities);
