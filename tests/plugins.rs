//! Plugins through the `isnad` binary: a pipeline file naming a plugin by a path relative to
//! the file, and `isnad stages` listing what `ISNAD_PLUGIN_PATH` holds.

use std::process::Command;

use isnad_plugin::testing::{build_plugins, library_file_name, Profile};
use serde_json::Value;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/nato-iraq-k24.txt");

/// A fresh folder holding the translit plugin, as a user would lay out a pipeline and its plugins.
fn folder_with_translit(name: &str) -> std::path::PathBuf {
    let built = build_plugins(&["isnad-translit"], false, Profile::Debug).join(library_file_name("isnad-translit"));
    let dir = std::env::temp_dir().join(format!("isnad-plugins-{name}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("lib")).unwrap();
    std::fs::copy(&built, dir.join("lib").join(library_file_name("isnad-translit"))).unwrap();
    dir
}

#[test]
fn a_pipeline_file_mixes_builtin_and_plugin_stages() {
    let dir = folder_with_translit("pipeline");
    let pipeline = dir.join("pipeline.toml");
    let plugin = format!("lib/{}", library_file_name("isnad-translit"));
    std::fs::write(
        &pipeline,
        format!("[[stages]]\nbuiltin = \"normalize\"\n[[stages]]\nbuiltin = \"entities\"\n[[stages]]\nplugin = \"{plugin}\"\nnames_only = true\n"),
    )
    .unwrap();
    // Run from elsewhere: the plugin path is taken from the pipeline file's folder.
    let out = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .current_dir(std::env::temp_dir())
        .args(["analyze", "--pipeline", pipeline.to_str().unwrap(), SEED])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let translit = doc["layers"]["translit"].to_string();
    assert!(translit.contains("mark ruti"), "{translit}");
    assert!(doc.get("quotes").is_none(), "the pipeline has no quote stage");
}

#[test]
fn a_bad_plugin_option_names_the_stage_and_option() {
    let dir = folder_with_translit("options");
    let pipeline = dir.join("pipeline.toml");
    let plugin = format!("lib/{}", library_file_name("isnad-translit"));
    std::fs::write(&pipeline, format!("[[stages]]\nbuiltin = \"normalize\"\n[[stages]]\nbuiltin = \"entities\"\n[[stages]]\nplugin = \"{plugin}\"\nnames = 1\n")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_isnad")).args(["analyze", "--pipeline", pipeline.to_str().unwrap(), SEED]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("stage 3") && err.contains("unknown translit option `names`"), "{err}");
}

#[test]
fn stages_lists_plugins_found_on_the_plugin_path() {
    let dir = folder_with_translit("stages");
    let out = Command::new(env!("CARGO_BIN_EXE_isnad")).arg("stages").env("ISNAD_PLUGIN_PATH", dir.join("lib")).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("translit") && text.contains("(plugin "), "{text}");
    assert!(text.contains("produces: translit"), "{text}");
}
