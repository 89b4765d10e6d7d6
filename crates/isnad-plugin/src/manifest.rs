//! What a plugin says about itself before the host creates an instance.

use isnad_core::{Layer, StageInfo};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A plugin's self-description, exchanged as JSON by the table's `manifest` function.
///
/// `requires`, `produces` and `extends` must not depend on the configuration: the host checks the
/// pipeline against the manifest before any instance exists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// The stage name (`quotes`, `translit`); a pipeline refers to the stage by it.
    pub name: String,
    pub version: String,
    pub requires: Vec<Layer>,
    pub produces: Vec<Layer>,
    /// Layers an earlier stage produces that this one may add to (see `Stage::extends`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extends: Vec<Layer>,
    /// The `Document` JSON schema version the plugin reads and writes.
    pub schema_version: u32,
    /// A JSON Schema of the options `create` accepts.
    #[serde(default = "any_object_schema")]
    pub config_schema: Value,
    /// How the plugin was built, for diagnostics (`isnad stages`, error reports).
    #[serde(default)]
    pub build: BuildInfo,
}

/// The toolchain a plugin was built with. Only `panic` affects loading: a plugin compiled with
/// `panic = "abort"` would take the host down on its first panic, so the host refuses it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BuildInfo {
    /// `rustc --version`, or the C compiler for plugins written in C.
    #[serde(default)]
    pub compiler: String,
    /// The target triple.
    #[serde(default)]
    pub target: String,
    /// The version of the `isnad-plugin` crate the plugin was built with.
    #[serde(default)]
    pub isnad_plugin: String,
    /// `unwind` or `abort` (Rust plugins); empty for others.
    #[serde(default)]
    pub panic: String,
}

fn any_object_schema() -> Value {
    serde_json::json!({ "type": "object" })
}

impl Manifest {
    /// The manifest of a stage built with this crate.
    pub fn for_stage(info: StageInfo, config_schema: Value) -> Manifest {
        Manifest {
            name: info.name,
            version: info.version,
            requires: info.requires,
            produces: info.produces,
            extends: info.extends,
            schema_version: isnad_core::SCHEMA_VERSION,
            config_schema,
            build: BuildInfo::current(),
        }
    }

    pub fn stage_info(&self) -> StageInfo {
        StageInfo {
            name: self.name.clone(),
            version: self.version.clone(),
            requires: self.requires.clone(),
            produces: self.produces.clone(),
            extends: self.extends.clone(),
        }
    }
}

impl BuildInfo {
    /// The toolchain compiling this crate, which in one cargo build is the plugin's too.
    pub fn current() -> BuildInfo {
        BuildInfo {
            compiler: env!("ISNAD_PLUGIN_RUSTC").to_owned(),
            target: env!("ISNAD_PLUGIN_TARGET").to_owned(),
            isnad_plugin: env!("CARGO_PKG_VERSION").to_owned(),
            panic: if cfg!(panic = "unwind") { "unwind" } else { "abort" }.to_owned(),
        }
    }
}
