//! Every way a plugin can fail gives a clear error naming the library, and never a crash.
//! The fixture plugins are the examples of `plugins/isnad-test-plugins`.

mod common;

use common::{fixture, fixtures_dir, redact};
use isnad_core::{Document, Layer, Pipeline, Stage};
use isnad_plugin::host::{self, Plugin};
use isnad_plugin::PluginError;
use serde_json::{json, Map, Value};

fn options(value: Value) -> Map<String, Value> {
    value.as_object().cloned().expect("options are an object")
}

fn open_error(path: &str) -> String {
    redact(&Plugin::open(path).expect_err("the plugin must be refused").to_string())
}

/// The error a one-stage pipeline made of the `fixture_panicky` or `fixture_raw` plugin in
/// `mode` gives on a short text.
fn process_error(plugin: &str, mode: &str) -> String {
    let stage = host::load(&fixture(plugin), &options(json!({ "mode": mode }))).expect("the plugin loads");
    let pipeline = Pipeline::builder().stage(stage).build().expect("a valid pipeline");
    redact(&pipeline.run("قال روتي").expect_err("the plugin must fail").to_string())
}

#[test]
fn a_missing_file_is_named() {
    let path = fixtures_dir().join("libno_such_plugin.so").display().to_string();
    let message = open_error(&path);
    with_snapshots!({ insta::assert_snapshot!("plugin_error_missing_file", message) });
}

#[test]
fn a_bare_name_not_on_the_search_path_lists_where_it_looked() {
    let err = host::resolve_in("no-such-plugin", &[fixtures_dir().to_path_buf()]).unwrap_err();
    with_snapshots!({ insta::assert_snapshot!("plugin_error_name_not_found", redact(&err.to_string())) });
    let err = host::resolve_in("no-such-plugin", &[]).unwrap_err();
    assert!(err.to_string().contains("ISNAD_PLUGIN_PATH is empty or unset"), "{err}");
}

#[test]
fn a_text_file_is_not_a_shared_library() {
    let path = fixtures_dir().join("libnot_a_library.so");
    std::fs::write(&path, "this is a text file, not a plugin\n").unwrap();
    let message = open_error(&path.display().to_string());
    assert!(matches!(Plugin::open(&path.display().to_string()), Err(PluginError::NotALibrary { .. })));
    with_snapshots!({ insta::assert_snapshot!("plugin_error_not_a_library", message) });
}

#[test]
fn a_library_without_the_entry_symbol_is_refused() {
    let message = open_error(&fixture("fixture_no_entry"));
    with_snapshots!({ insta::assert_snapshot!("plugin_error_no_entry_symbol", message) });
}

#[test]
fn a_wrong_abi_version_is_refused_before_any_call() {
    let message = open_error(&fixture("fixture_bad_abi_version"));
    with_snapshots!({ insta::assert_snapshot!("plugin_error_wrong_abi_version", message) });
}

#[test]
fn a_table_smaller_than_the_abi_is_refused_before_any_call() {
    let message = open_error(&fixture("fixture_bad_table_size"));
    with_snapshots!({ insta::assert_snapshot!("plugin_error_wrong_table_size", message) });
}

#[test]
fn create_rejecting_its_options_is_reported() {
    let plugin = Plugin::open(&fixture("fixture_panicky")).unwrap();
    let unknown = plugin.instantiate(&options(json!({ "colour": "red" }))).unwrap_err();
    let bad_value = plugin.instantiate(&options(json!({ "mode": "explode" }))).unwrap_err();
    let message = format!("{}\n{}", redact(&unknown.to_string()), redact(&bad_value.to_string()));
    with_snapshots!({ insta::assert_snapshot!("plugin_error_create_rejects_config", message) });
}

#[test]
fn a_panic_in_process_is_an_error_and_the_stage_keeps_working() {
    let message = process_error("fixture_panicky", "panic");
    with_snapshots!({ insta::assert_snapshot!("plugin_error_process_panics", message) });

    // As in `batch`: the documents after a panic go on through the same instance.
    let stage = host::load(&fixture("fixture_panicky"), &options(json!({ "mode": "panic_if_marked" }))).unwrap();
    for round in 0..3 {
        let mut marked = Document::new("PANIC نص");
        let err = stage.process(&mut marked).unwrap_err();
        assert!(err.message.ends_with("panicked: the text asked for a panic"), "{err}");
        assert!(!marked.has(&Layer::new("fixture")), "round {round}");
        let mut doc = Document::new("نص");
        stage.process(&mut doc).unwrap();
        assert_eq!(doc.extensions["fixture"], json!({"whole": {"start": 0, "end": 4}}));
    }
}

#[test]
fn an_error_in_process_is_reported() {
    let message = process_error("fixture_panicky", "fail");
    with_snapshots!({ insta::assert_snapshot!("plugin_error_process_fails", message) });
}

#[test]
fn invalid_json_from_process_is_rejected() {
    let message = process_error("fixture_raw", "invalid_json");
    with_snapshots!({ insta::assert_snapshot!("plugin_error_invalid_json", message) });
}

#[test]
fn spans_outside_the_text_or_inside_a_character_are_rejected() {
    let outside = process_error("fixture_panicky", "out_of_text");
    let mid_char = process_error("fixture_panicky", "mid_char");
    with_snapshots!({
        insta::assert_snapshot!("plugin_error_span_outside_text", format!("{outside}\n{mid_char}"))
    });
}

#[test]
fn an_undeclared_layer_is_rejected_and_the_document_untouched() {
    let message = process_error("fixture_raw", "undeclared_layer");
    with_snapshots!({ insta::assert_snapshot!("plugin_error_undeclared_layer", message) });

    let stage = host::load(&fixture("fixture_raw"), &options(json!({ "mode": "undeclared_layer" }))).unwrap();
    let mut doc = Document::new("قال");
    let before = doc.clone();
    assert!(stage.process(&mut doc).is_err());
    assert_eq!(doc, before);
}

#[test]
fn a_plugin_written_against_the_raw_abi_works() {
    let stage = host::load(&fixture("fixture_raw"), &Map::new()).unwrap();
    assert_eq!(stage.name(), "raw");
    assert_eq!(stage.produces(), vec![Layer::new("fixture")]);
    assert_eq!(stage.manifest().build.compiler, "by hand");
    let doc = Pipeline::builder().stage(stage).build().unwrap().run("نص").unwrap();
    assert_eq!(doc.extensions["fixture"], json!({"seen": true}));
}

#[test]
fn the_manifest_describes_the_stage_and_its_build() {
    let plugin = Plugin::open(&fixture("fixture_panicky")).unwrap();
    let manifest = plugin.manifest();
    assert_eq!((manifest.name.as_str(), manifest.version.as_str()), ("panicky", "0.1.0"));
    assert_eq!(manifest.produces, vec![Layer::new("fixture")]);
    assert_eq!(manifest.build.panic, "unwind");
    assert!(manifest.build.compiler.starts_with("rustc "), "{:?}", manifest.build);
    assert_eq!(manifest.config_schema["additionalProperties"], json!(false));
}

#[test]
fn discovery_lists_good_and_bad_libraries() {
    let found = host::discover_in(&[fixtures_dir().to_path_buf()]);
    let summary: Vec<String> = found
        .iter()
        .filter(|d| !d.path.file_name().unwrap().to_string_lossy().contains('-'))
        .map(|d| {
            let file = d.path.file_name().unwrap().to_string_lossy().into_owned();
            match &d.manifest {
                Ok(m) => format!("{file}: {} {}", m.name, m.version),
                Err(e) => format!("{file}: error: {}", redact(&e.to_string())),
            }
        })
        .collect();
    let listing = summary.join("\n");
    for expected in ["libfixture_raw.so: raw 0.1.0", "libfixture_panicky.so: panicky 0.1.0", "libfixture_no_entry.so: error"] {
        assert!(listing.contains(expected), "{expected} missing from:\n{listing}");
    }
}

#[test]
fn paths_and_bare_names_are_told_apart() {
    assert!(host::is_path("target/release/libisnad_translit.so"));
    assert!(host::is_path(&format!("libisnad_translit.{}", std::env::consts::DLL_EXTENSION)));
    assert!(!host::is_path("isnad-translit"));
}
