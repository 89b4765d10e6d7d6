//! A builtin stage compiled as a plugin, unchanged, through `export_stage!`: the test
//! `crates/isnad-plugin/tests/identical.rs` checks that a pipeline using it gives byte-identical
//! JSON to the builtin pipeline on every fixture, which proves the ABI carries everything.
//!
//! It wraps the entity stage until the quote stage (`isnad_quotes::QuoteStage`) lands; switching
//! is this line, the dependency in Cargo.toml, and the builtin pipeline in that test.

isnad_plugin::export_stage!(
    isnad_entities::EntityStage,
    config_schema = r#"{
        "type": "object",
        "properties": {
            "values": {"type": "boolean", "default": true},
            "metadata": {"type": "boolean", "default": true},
            "roles": {"type": "boolean", "default": true}
        },
        "additionalProperties": false
    }"#
);
