//! The builtin quote stage compiled, unchanged, as a plugin through `export_stage!`. The test
//! `crates/isnad-plugin/tests/identical.rs` checks that a pipeline ending with it writes
//! byte-identical JSON to the builtin pipeline on every fixture, which proves the ABI carries
//! everything a stage reads and writes (including the entities the quote stage extends).

isnad_plugin::export_stage!(
    isnad_quotes::QuoteStage,
    config_schema = r#"{
        "type": "object",
        "properties": {
            "min_confidence": {"type": "number", "minimum": 0, "maximum": 1, "default": 0}
        },
        "additionalProperties": false
    }"#
);
