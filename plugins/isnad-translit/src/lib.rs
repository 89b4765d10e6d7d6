//! The `translit` stage: for analysts who search in Latin script, every entity's canonical name
//! in Buckwalter transliteration (exact and reversible) and in a readable romanization
//! (`مارك روتي` → `mark ruti`), as the extension layer `translit`:
//!
//! ```json
//! "layers": {"translit": [
//!   {"id": "E1", "label": "PER", "canonical": "مارك روتي", "buckwalter": "mArk rwty", "roman": "mark ruti"}
//! ]}
//! ```

mod roman;

use isnad_core::{Document, EntityLabel, Layer, Stage, StageError};
use serde::Serialize;
use serde_json::{Map, Value};

pub use roman::{buckwalter, romanize};

/// One entity's Latin-script forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transliteration {
    pub id: String,
    pub label: EntityLabel,
    pub canonical: String,
    pub buckwalter: String,
    pub roman: String,
}

/// Adds the `translit` layer. Option `names_only` (default false): skip value entities
/// (dates, numbers, amounts), whose canonical form is rarely searched in Latin script.
#[derive(Debug, Clone, Default)]
pub struct TranslitStage {
    names_only: bool,
}

impl TranslitStage {
    pub const LAYER: &'static str = "translit";

    pub fn from_config(options: &Map<String, Value>) -> Result<Self, StageError> {
        let mut stage = TranslitStage::default();
        for (key, value) in options {
            match (key.as_str(), value) {
                ("names_only", Value::Bool(flag)) => stage.names_only = *flag,
                ("names_only", _) => return Err(StageError::new("translit option `names_only` must be true or false")),
                _ => return Err(StageError::new(format!("unknown translit option `{key}` (valid: names_only)"))),
            }
        }
        Ok(stage)
    }

    /// The transliterations of a document's entities, in entity order.
    pub fn transliterate(&self, doc: &Document) -> Vec<Transliteration> {
        doc.entities()
            .iter()
            .filter(|e| !self.names_only || e.label.is_name())
            .map(|e| Transliteration {
                id: e.id.clone(),
                label: e.label,
                canonical: e.canonical.clone(),
                buckwalter: buckwalter(&e.canonical),
                roman: romanize(&e.canonical),
            })
            .collect()
    }
}

impl Stage for TranslitStage {
    fn name(&self) -> &str {
        "translit"
    }

    fn version(&self) -> &str {
        env!("CARGO_PKG_VERSION")
    }

    fn requires(&self) -> Vec<Layer> {
        vec![Layer::ENTITIES]
    }

    fn produces(&self) -> Vec<Layer> {
        vec![Layer::new(Self::LAYER)]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let layer = serde_json::to_value(self.transliterate(doc))
            .map_err(|e| StageError::new(format!("translit layer does not serialize: {e}")))?;
        doc.extensions.insert(Self::LAYER.to_owned(), layer);
        Ok(())
    }
}

isnad_plugin::export_stage!(
    TranslitStage,
    config_schema = r#"{"type": "object", "properties": {"names_only": {"type": "boolean", "default": false}}, "additionalProperties": false}"#
);

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_core::{Entity, Mention, MentionKind, Span};

    fn entity(id: &str, label: EntityLabel, canonical: &str) -> Entity {
        Entity {
            id: id.to_owned(),
            label,
            canonical: canonical.to_owned(),
            mentions: vec![Mention { span: Span::new(0, 0), kind: MentionKind::Name }],
            roles: Vec::new(),
            value: None,
        }
    }

    #[test]
    fn every_entity_gets_its_latin_forms() {
        let mut doc = Document::new("");
        doc.entities = Some(vec![
            entity("E1", EntityLabel::Per, "مارك روتي"),
            entity("E2", EntityLabel::Org, "حلف شمال الأطلسي"),
            entity("E3", EntityLabel::Date, "6 أيلول"),
        ]);
        TranslitStage::default().process(&mut doc).unwrap();
        let layer = &doc.extensions["translit"];
        assert_eq!(layer[0]["roman"], "mark ruti");
        assert_eq!(layer[0]["buckwalter"], "mArk rwty");
        assert_eq!(layer[1]["roman"], "hlf shmal al-atlsi");
        assert_eq!(layer[1]["label"], "ORG");
        assert_eq!(layer[2]["id"], "E3");

        let names = TranslitStage::from_config(&serde_json::json!({"names_only": true}).as_object().unwrap().clone()).unwrap();
        names.process(&mut doc).unwrap();
        assert_eq!(doc.extensions["translit"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn options_are_checked() {
        let err = TranslitStage::from_config(&serde_json::json!({"names": true}).as_object().unwrap().clone()).unwrap_err();
        assert_eq!(err.message, "unknown translit option `names` (valid: names_only)");
    }
}
