//! Pipeline files: one `[[stages]]` table per stage, `builtin = "NAME"` or `plugin = "PATH"`,
//! plus that stage's options.
//!
//! ```toml
//! [[stages]]
//! builtin = "normalize"
//! profile = "camel"
//! ```

use std::path::{Path, PathBuf};

use isnad_core::Pipeline;
use serde_json::{Map, Value};

use crate::builtin;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read pipeline file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: not a valid pipeline file: {message}")]
    Syntax { path: PathBuf, message: String },
    #[error("{path}: stage {index}: {message}")]
    Stage { path: PathBuf, index: usize, message: String },
    #[error("unknown built-in stage `{name}` (built-in stages: {known})")]
    UnknownBuiltin { name: String, known: String },
    #[error("stage `{stage}`: {message}")]
    StageOptions { stage: String, message: String },
    #[error("plugin: {0}")]
    Plugin(String),
    #[error(transparent)]
    Pipeline(#[from] isnad_core::Error),
}

/// Reads and builds the pipeline described by the TOML file at `path`.
pub fn load_pipeline(path: &Path) -> Result<Pipeline, ConfigError> {
    let source = std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.to_owned(), source })?;
    parse_pipeline(&source, path)
}

/// Builds the pipeline described by `source`; `path` only names it in errors.
pub fn parse_pipeline(source: &str, path: &Path) -> Result<Pipeline, ConfigError> {
    let syntax = |message: String| ConfigError::Syntax { path: path.to_owned(), message };
    let table: toml::Table = source.parse().map_err(|e: toml::de::Error| syntax(e.to_string()))?;
    if let Some(key) = table.keys().find(|k| *k != "stages") {
        return Err(syntax(format!("unknown top-level key `{key}` (expected only [[stages]] tables)")));
    }
    let stages = match table.get("stages") {
        Some(toml::Value::Array(stages)) => stages,
        Some(_) => return Err(syntax("`stages` must be an array of tables: write [[stages]]".into())),
        None => return Err(syntax("no [[stages]] table".into())),
    };
    let mut builder = Pipeline::builder();
    for (i, stage) in stages.iter().enumerate() {
        let index = i + 1;
        let err = |message: String| ConfigError::Stage { path: path.to_owned(), index, message };
        let toml::Value::Table(stage) = stage else {
            return Err(err("a stage must be a table".into()));
        };
        let mut options: Map<String, Value> = Map::new();
        for (k, v) in stage {
            if k != "builtin" && k != "plugin" {
                options.insert(k.clone(), serde_json::to_value(v).map_err(|e| err(e.to_string()))?);
            }
        }
        let created = match (stage.get("builtin"), stage.get("plugin")) {
            (Some(toml::Value::String(name)), None) => builtin::create(name, &options),
            (None, Some(toml::Value::String(plugin))) => load_plugin(plugin, path, &options),
            (Some(_), Some(_)) => return Err(err("give either `builtin` or `plugin`, not both".into())),
            (None, None) => return Err(err("missing `builtin = \"NAME\"` or `plugin = \"PATH\"`".into())),
            _ => return Err(err("`builtin` and `plugin` take a string".into())),
        };
        builder = builder.boxed_stage(created.map_err(|e| err(e.to_string()))?);
    }
    Ok(builder.build()?)
}

/// Loads a plugin stage. A relative path is taken from the pipeline file's folder, as a
/// pipeline file and its plugins are kept together; a bare name is searched on
/// `ISNAD_PLUGIN_PATH`.
fn load_plugin(plugin: &str, config_path: &Path, options: &Map<String, Value>) -> Result<Box<dyn isnad_core::Stage>, ConfigError> {
    let given = Path::new(plugin);
    let located = match config_path.parent() {
        Some(dir) if isnad_plugin::host::is_path(plugin) && given.is_relative() => dir.join(given),
        _ => given.to_path_buf(),
    };
    let stage = isnad_plugin::host::load(&located.to_string_lossy(), options).map_err(|e| ConfigError::Plugin(e.to_string()))?;
    Ok(Box::new(stage))
}
