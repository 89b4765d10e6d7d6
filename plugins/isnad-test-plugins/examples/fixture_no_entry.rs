//! A shared library without the `isnad_plugin_v1` entry symbol.

#[unsafe(no_mangle)]
pub extern "C" fn not_an_isnad_plugin() -> u32 {
    42
}
