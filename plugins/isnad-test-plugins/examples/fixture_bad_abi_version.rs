//! A plugin from the future: its table says ABI version 2.

use isnad_plugin::abi::{PluginTableV1, TableHeader};

static TABLE: TableHeader = TableHeader { size: std::mem::size_of::<PluginTableV1>(), abi_version: 2 };

#[unsafe(no_mangle)]
pub extern "C" fn isnad_plugin_v1() -> *const PluginTableV1 {
    (&TABLE as *const TableHeader).cast()
}
