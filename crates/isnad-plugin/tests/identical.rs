//! The ABI carries everything: a pipeline whose last stage is the quote stage compiled as a
//! plugin (`plugins/isnad-quotes-plugin`) writes byte-identical JSON to the builtin pipeline on
//! every fixture; and plugins mix freely with builtin stages.

mod common;

use std::path::PathBuf;

use common::plugins_dir;
use isnad_core::json::{check_document, document_to_string};
use isnad_core::{Layer, Pipeline, Stage};
use isnad_plugin::host::Plugin;
use isnad_plugin::testing::library_file_name;
use serde_json::Map;

/// Every `tests/fixtures/*.txt` of the workspace, by name.
fn fixtures() -> Vec<(String, String)> {
    let dir = isnad_plugin::testing::workspace_root().join("tests/fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {}", dir.display());
    paths
        .into_iter()
        .map(|path| (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&path).unwrap()))
        .collect()
}

/// The builtin pipeline, from the crates themselves. The stage `isnad-quotes-plugin` wraps
/// must be among them.
fn builtin_stages() -> Vec<Box<dyn Stage>> {
    vec![
        Box::new(isnad_normalize::NormalizeStage::default()),
        Box::new(isnad_entities::EntityStage::default()),
        Box::new(isnad_quotes::QuoteStage::default()),
    ]
}

fn open_plugin(crate_name: &str) -> Plugin {
    let path = plugins_dir().join(library_file_name(crate_name));
    Plugin::open(&path.display().to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn pipeline(stages: Vec<Box<dyn Stage>>) -> Pipeline {
    stages.into_iter().fold(Pipeline::builder(), |b, s| b.boxed_stage(s)).build().unwrap()
}

#[test]
fn the_plugin_pipeline_writes_byte_identical_json_on_every_fixture() {
    let plugin = open_plugin("isnad-quotes-plugin");
    let name = plugin.manifest().name.clone();
    let builtin = pipeline(builtin_stages());
    let mut replaced = 0;
    let with_plugin = pipeline(
        builtin_stages()
            .into_iter()
            .map(|stage| {
                if stage.name() != name {
                    return stage;
                }
                replaced += 1;
                assert_eq!(plugin.manifest().stage_info(), stage.info(), "the plugin declares what the builtin does");
                Box::new(plugin.instantiate(&Map::new()).unwrap()) as Box<dyn Stage>
            })
            .collect(),
    );
    assert_eq!(replaced, 1, "the builtin pipeline has no `{name}` stage to replace");

    let mut quotes = 0;
    for (fixture, text) in fixtures() {
        let expected = builtin.run(&text).unwrap();
        quotes += expected.quotes().len();
        let actual = document_to_string(&with_plugin.run(&text).unwrap());
        assert!(document_to_string(&expected) == actual, "{fixture}: the plugin pipeline's JSON differs from the builtin one");
    }
    assert!(quotes > 0, "the fixtures give no quote: the comparison proves little");
}

#[test]
fn plugins_mix_with_builtin_stages() {
    let translit = open_plugin("isnad-translit").instantiate(&Map::new()).unwrap();
    let word_count = open_plugin("isnad-example-plugin").instantiate(&Map::new()).unwrap();
    let mut stages = builtin_stages();
    stages.push(Box::new(translit));
    stages.push(Box::new(word_count));
    let pipeline = pipeline(stages);

    for (fixture, text) in fixtures() {
        let doc = pipeline.run(&text).unwrap();
        check_document(&doc).unwrap();
        let translit = doc.extensions["translit"].as_array().unwrap();
        assert_eq!(translit.len(), doc.entities().len(), "{fixture}");
        for (entry, entity) in translit.iter().zip(doc.entities()) {
            assert_eq!(entry["id"], entity.id.as_str());
            assert_eq!(entry["canonical"], entity.canonical.as_str());
            let buckwalter = entry["buckwalter"].as_str().unwrap();
            assert!(!buckwalter.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)), "{buckwalter}");
        }
        let words = doc.extensions["word_count"]["words"].as_u64().unwrap();
        assert!(words > 0 || text.trim().is_empty(), "{fixture}");
    }
}

#[test]
fn the_pipeline_check_covers_plugin_stages() {
    let translit = open_plugin("isnad-translit").instantiate(&Map::new()).unwrap();
    assert_eq!(translit.requires(), vec![Layer::ENTITIES]);
    let err = Pipeline::builder().stage(translit).build().unwrap_err();
    assert_eq!(err.to_string(), "stage `translit` requires the `entities` layer, but no earlier stage produces it");
}
