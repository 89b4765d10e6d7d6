//! The stages compiled into the driver, by the name a pipeline file gives them.

use isnad_core::{Stage, StageInfo};
use serde_json::{Map, Value};

use crate::config::ConfigError;

/// Built-in stage names, in the order of the default pipeline.
pub const DEFAULT_PIPELINE: &[&str] = &["normalize", "entities", "quotes"];

/// Every built-in stage's name.
pub const NAMES: &[&str] = &["normalize", "entities", "quotes"];

/// Creates the built-in stage `name` with `options` (the keys of its `[[stages]]` table).
pub fn create(name: &str, options: &Map<String, Value>) -> Result<Box<dyn Stage>, ConfigError> {
    let stage: Box<dyn Stage> = match name {
        "normalize" => Box::new(isnad_normalize::NormalizeStage::from_config(options).map_err(|e| bad_options(name, e))?),
        "entities" => Box::new(isnad_entities::EntityStage::from_config(options).map_err(|e| bad_options(name, e))?),
        "quotes" => Box::new(isnad_quotes::QuoteStage::from_config(options).map_err(|e| bad_options(name, e))?),
        _ => {
            return Err(ConfigError::UnknownBuiltin { name: name.to_owned(), known: NAMES.join(", ") });
        }
    };
    Ok(stage)
}

fn bad_options(name: &str, e: isnad_core::StageError) -> ConfigError {
    ConfigError::StageOptions { stage: name.to_owned(), message: e.message }
}

/// Declarations of every built-in stage with default options.
pub fn infos() -> Vec<StageInfo> {
    NAMES
        .iter()
        .map(|name| create(name, &Map::new()).expect("built-in stages accept empty options").info())
        .collect()
}
