//! A plugin built with `export_stage!` whose stage misbehaves as its `mode` option says:
//! `ok` (a well-formed `fixture` layer), `panic`, `panic_if_marked` (on texts containing `PANIC`),
//! `fail`, `out_of_text` or `mid_char` (bad spans).

use isnad_core::{Document, Layer, Stage, StageError};
use serde_json::{json, Map, Value};

#[derive(Default)]
pub struct Panicky {
    mode: String,
}

const MODES: [&str; 6] = ["ok", "panic", "panic_if_marked", "fail", "out_of_text", "mid_char"];

impl Panicky {
    pub fn from_config(options: &Map<String, Value>) -> Result<Self, StageError> {
        let mut stage = Panicky { mode: "ok".to_owned() };
        for (key, value) in options {
            match (key.as_str(), value.as_str()) {
                ("mode", Some(mode)) if MODES.contains(&mode) => stage.mode = mode.to_owned(),
                ("mode", _) => return Err(StageError::new(format!("`mode` must be one of {MODES:?}, not {value}"))),
                _ => return Err(StageError::new(format!("unknown option `{key}` (valid: mode)"))),
            }
        }
        Ok(stage)
    }
}

impl Stage for Panicky {
    fn name(&self) -> &str {
        "panicky"
    }
    fn version(&self) -> &str {
        "0.1.0"
    }
    fn requires(&self) -> Vec<Layer> {
        Vec::new()
    }
    fn produces(&self) -> Vec<Layer> {
        vec![Layer::new("fixture")]
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let len = doc.text.len();
        let span = match self.mode.as_str() {
            "panic" => panic!("the fixture stage panics on purpose ({len} bytes of text)"),
            "panic_if_marked" if doc.text.contains("PANIC") => panic!("the text asked for a panic"),
            "fail" => return Err(StageError::new("the fixture stage fails on purpose")),
            "out_of_text" => json!({"start": 0, "end": len + 10}),
            "mid_char" => json!({"start": 1, "end": len}),
            _ => json!({"start": 0, "end": len}),
        };
        doc.extensions.insert("fixture".to_owned(), json!({ "whole": span }));
        Ok(())
    }
}

isnad_plugin::export_stage!(
    Panicky,
    config_schema = r#"{"type": "object", "properties": {"mode": {"enum": ["ok", "panic", "panic_if_marked", "fail", "out_of_text", "mid_char"]}}, "additionalProperties": false}"#
);
