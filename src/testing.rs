//! Snapshot tests for any stage or pipeline: the same checks isnad's own CI runs.
//!
//! ```no_run
//! // in tests/snapshots.rs of a stage crate
//! #[test]
//! fn fixtures() {
//!     let pipeline = isnad::default_pipeline().unwrap();
//!     isnad::testing::snapshot_fixtures(&pipeline, "tests/fixtures");
//! }
//! ```

use std::path::{Path, PathBuf};

use isnad_core::{json, Pipeline};

/// Runs `pipeline` on every `.txt` file in `fixtures` and compares the JSON analysis with
/// the insta snapshot `snapshots/<file stem>.snap`. Also checks that every span of every
/// analysis slices the original text. Relative paths are taken from the crate under test
/// (`CARGO_MANIFEST_DIR`).
pub fn snapshot_fixtures(pipeline: &Pipeline, fixtures: impl AsRef<Path>) {
    let root = manifest_dir();
    snapshot_fixtures_into(pipeline, root.join(fixtures), root.join("snapshots"));
}

/// Like [`snapshot_fixtures`], with the snapshot folder given.
pub fn snapshot_fixtures_into(pipeline: &Pipeline, fixtures: impl AsRef<Path>, snapshots: impl AsRef<Path>) {
    let fixtures = fixtures.as_ref();
    let files = fixture_files(fixtures);
    assert!(!files.is_empty(), "no .txt fixture in {}", fixtures.display());
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(snapshots.as_ref());
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let doc = pipeline.run(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            if let Err(e) = json::check_document(&doc) {
                panic!("{}: {e}", file.display());
            }
            let name = file.file_stem().expect("a fixture file has a name").to_string_lossy().into_owned();
            let mut settings = insta::Settings::clone_current();
            settings.set_input_file(file);
            settings.bind(|| insta::assert_snapshot!(name, json::document_to_pretty(&doc)));
        }
    });
}

/// The `.txt` files of a folder, sorted by name.
pub fn fixture_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    files
}

fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("."))
}
