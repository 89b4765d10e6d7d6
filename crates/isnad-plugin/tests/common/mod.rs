//! Shared by the integration tests: building the fixture plugins once per test binary, and
//! making error messages independent of where the checkout lives.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use isnad_plugin::testing::{build_plugins, library_file_name, Profile};

/// The directory holding the fixture plugins (examples of `isnad-test-plugins`), built on first use.
pub fn fixtures_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| build_plugins(&["isnad-test-plugins"], true, Profile::Debug).join("examples"))
}

/// The path of the fixture plugin `name` (an example of `isnad-test-plugins`).
pub fn fixture(name: &str) -> String {
    fixtures_dir().join(library_file_name(name)).display().to_string()
}

/// The directory holding the real plugin crates' libraries, built on first use.
pub fn plugins_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        build_plugins(&["isnad-quotes-plugin", "isnad-translit", "isnad-example-plugin"], false, Profile::Debug)
    })
}

/// `message` with the build directories replaced by placeholders, for snapshots.
pub fn redact(message: &str) -> String {
    let target = isnad_plugin::testing::plugin_target_dir();
    message.replace(&target.display().to_string(), "[plugin-target]")
}

/// Runs `body` with insta writing to the workspace's `snapshots/` directory.
#[macro_export]
macro_rules! with_snapshots {
    ($body:block) => {
        insta::with_settings!({
            snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/../../snapshots"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, $body)
    };
}
