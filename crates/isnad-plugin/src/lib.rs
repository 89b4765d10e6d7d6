//! isnad stages as plugins: dynamic libraries loaded at run time through a small, stable C ABI,
//! the way GStreamer elements and PostgreSQL extensions are.
//!
//! Rust has no stable ABI, so nothing Rust-specific crosses the library boundary: a plugin
//! exports one C function returning a table of C function pointers ([`abi`]), documents
//! cross as JSON, and each side frees the memory it allocated.
//!
//! - Plugin authors: implement [`isnad_core::Stage`], `Default` and `from_config`, then
//!   `isnad_plugin::export_stage!(MyStage);` in a `cdylib` crate (see `plugins/README.md`).
//! - Hosts: [`host::load`] a plugin by path or by name on `ISNAD_PLUGIN_PATH`, and put the
//!   resulting [`host::PluginStage`] in a pipeline like any builtin stage;
//!   [`host::discover`] lists the plugins installed.
//!
//! Plugins must be built with `panic = "unwind"` (the default): every exported function catches
//! panics and reports them as errors, which needs unwinding; the host refuses plugins whose
//! manifest says `abort`.

pub mod abi;
mod error;
#[doc(hidden)]
pub mod export;
pub mod host;
mod manifest;
pub mod testing;
#[doc(hidden)]
pub mod wire;

/// What [`export_stage!`] expands to; not a public API.
#[doc(hidden)]
pub use export as __export;

pub use error::PluginError;
pub use manifest::{BuildInfo, Manifest};
