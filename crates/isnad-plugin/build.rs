//! Records the compiler and target this crate (and so every plugin built with it in the same
//! cargo invocation) is compiled with, for the diagnostics in a plugin's manifest.

use std::process::Command;

fn main() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version = Command::new(&rustc)
        .arg("--version")
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_else(|| "unknown rustc".to_owned());
    let target = std::env::var("TARGET").unwrap_or_else(|_| "unknown".to_owned());
    println!("cargo:rustc-env=ISNAD_PLUGIN_RUSTC={version}");
    println!("cargo:rustc-env=ISNAD_PLUGIN_TARGET={target}");
    println!("cargo:rerun-if-env-changed=RUSTC");
}
