//! Building plugin crates from tests and benchmarks, so that `cargo test --workspace` on a fresh
//! clone builds the libraries it loads.
//!
//! The plugins are built by a nested `cargo build` into their own target directory
//! (`<target>/plugin-tests`): the outer cargo keeps its target directory locked while tests
//! run, so sharing it would deadlock.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The cargo profile to build plugins with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Debug,
    Release,
}

/// The workspace root (the directory holding `crates/` and `plugins/`).
pub fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::fs::canonicalize(&root).unwrap_or(root)
}

/// The target directory plugins are built into: `$CARGO_TARGET_DIR/plugin-tests`, or
/// `target/plugin-tests` under the workspace root.
pub fn plugin_target_dir() -> PathBuf {
    let outer = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"));
    outer.join("plugin-tests")
}

/// Builds the given workspace packages (and, with `examples`, their examples) and returns the
/// directory holding the resulting libraries (`.../debug` or `.../release`).
/// Panics with cargo's output if the build fails: it is meant for tests.
pub fn build_plugins(packages: &[&str], examples: bool, profile: Profile) -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let target_dir = plugin_target_dir();
    let mut command = Command::new(cargo);
    command.current_dir(workspace_root()).arg("build").arg("--quiet").arg("--target-dir").arg(&target_dir);
    for package in packages {
        command.args(["-p", package]);
    }
    if examples {
        command.arg("--examples");
    }
    if profile == Profile::Release {
        command.arg("--release");
    }
    let output = command.output().unwrap_or_else(|e| panic!("could not run cargo to build {packages:?}: {e}"));
    assert!(
        output.status.success(),
        "building plugins {packages:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    target_dir.join(match profile {
        Profile::Debug => "debug",
        Profile::Release => "release",
    })
}

/// The file name cargo gives the `cdylib` of a crate or example called `name` on this platform.
pub fn library_file_name(name: &str) -> String {
    use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
    format!("{DLL_PREFIX}{}{DLL_SUFFIX}", name.replace('-', "_"))
}
