//! A plugin whose table is truncated to its header: the host must not read past it.

use isnad_plugin::abi::{PluginTableV1, TableHeader, ABI_VERSION};

static TABLE: TableHeader = TableHeader { size: std::mem::size_of::<TableHeader>(), abi_version: ABI_VERSION };

#[unsafe(no_mangle)]
pub extern "C" fn isnad_plugin_v1() -> *const PluginTableV1 {
    (&TABLE as *const TableHeader).cast()
}
