use std::path::PathBuf;

use crate::abi::ABI_VERSION;

fn list(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "nowhere: ISNAD_PLUGIN_PATH is empty or unset".to_owned();
    }
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// Why a plugin could not be loaded or instantiated. Every message names the library.
#[derive(Debug, thiserror::Error)]
pub enum PluginError {
    #[error("plugin `{name}` not found (looked for {})", list(.searched))]
    NotFound { name: String, searched: Vec<PathBuf> },

    #[error("plugin file `{}` does not exist", .path.display())]
    MissingFile { path: PathBuf },

    #[error("plugin `{}` is not a shared library: it has no ELF, Mach-O or PE header (build plugins from a crate with `crate-type = [\"cdylib\"]`)", .path.display())]
    NotALibrary { path: PathBuf },

    #[error("plugin `{}` could not be read: {detail}", .path.display())]
    Unreadable { path: PathBuf, detail: String },

    #[error("plugin `{}` could not be loaded: {detail}", .path.display())]
    LoadFailed { path: PathBuf, detail: String },

    #[error("`{}` is not an isnad plugin: it exports no `{symbol}` symbol (a plugin crate calls `isnad_plugin::export_stage!`)", .path.display())]
    NoEntrySymbol { path: PathBuf, symbol: &'static str },

    #[error("plugin `{}` returned no plugin table from `{symbol}`", .path.display())]
    NullTable { path: PathBuf, symbol: &'static str },

    #[error("plugin `{}` was built for isnad plugin ABI v{found}, but this isnad speaks v{}: rebuild it against isnad-plugin {}", .path.display(), ABI_VERSION, env!("CARGO_PKG_VERSION"))]
    AbiVersion { path: PathBuf, found: u32 },

    #[error("plugin `{}` has a {found}-byte plugin table, but ABI v{} needs at least {expected} bytes: it was built against an incompatible isnad-plugin", .path.display(), ABI_VERSION)]
    TableSize { path: PathBuf, found: usize, expected: usize },

    #[error("plugin `{}` has an unusable manifest: {detail}", .path.display())]
    Manifest { path: PathBuf, detail: String },

    #[error("plugin `{}` ({name}) was built with panic = \"abort\", so any panic in it would abort isnad: rebuild it with panic = \"unwind\"", .path.display())]
    PanicAbort { path: PathBuf, name: String },

    #[error("plugin `{}` ({name}) rejected its options: {message}", .path.display())]
    Create { path: PathBuf, name: String, message: String },
}
