//! A plugin written against the raw C ABI, without `export_stage!`, as a C plugin would be.
//! It declares the `fixture` layer; its `mode` option picks the reply to `process`:
//! `ok` (a correct reply), `invalid_json`, or `undeclared_layer` (it also returns `quotes`).

use std::ffi::c_void;

use isnad_plugin::abi::{Buffer, CallResult, CreateResult, PluginTableV1, Status, ABI_VERSION};

const MANIFEST: &str = r#"{"name": "raw", "version": "0.1.0", "requires": [], "produces": ["fixture"],
    "schema_version": 1, "config_schema": {"type": "object"}, "build": {"compiler": "by hand"}}"#;

#[derive(Clone, Copy)]
enum Mode {
    Ok,
    InvalidJson,
    UndeclaredLayer,
}

fn reply(status: Status, text: &str) -> CallResult {
    CallResult { status: status as u32, buffer: Buffer::from_vec(text.as_bytes().to_vec()) }
}

unsafe extern "C" fn manifest() -> CallResult {
    reply(Status::Ok, MANIFEST)
}

unsafe extern "C" fn create(config: *const u8, len: usize) -> CreateResult {
    let config = std::str::from_utf8(std::slice::from_raw_parts(config, len)).unwrap_or("");
    let mode = if config.contains("invalid_json") {
        Mode::InvalidJson
    } else if config.contains("undeclared_layer") {
        Mode::UndeclaredLayer
    } else {
        Mode::Ok
    };
    CreateResult { status: Status::Ok as u32, instance: Box::into_raw(Box::new(mode)).cast(), error: Buffer::EMPTY }
}

unsafe extern "C" fn process(instance: *mut c_void, _doc: *const u8, _len: usize) -> CallResult {
    match *instance.cast::<Mode>() {
        Mode::Ok => reply(Status::Ok, r#"{"schema_version": 1, "layers": {"fixture": {"seen": true}}}"#),
        Mode::InvalidJson => reply(Status::Ok, r#"{"schema_version": 1, "layers": {"fixture": "#),
        Mode::UndeclaredLayer => reply(Status::Ok, r#"{"schema_version": 1, "layers": {"fixture": 1}, "quotes": []}"#),
    }
}

unsafe extern "C" fn destroy(instance: *mut c_void) {
    drop(Box::from_raw(instance.cast::<Mode>()));
}

unsafe extern "C" fn free_buffer(buffer: Buffer) {
    drop(buffer.into_vec());
}

static TABLE: PluginTableV1 = PluginTableV1 {
    size: std::mem::size_of::<PluginTableV1>(),
    abi_version: ABI_VERSION,
    manifest,
    create,
    process,
    destroy,
    free_buffer,
};

#[unsafe(no_mangle)]
pub extern "C" fn isnad_plugin_v1() -> *const PluginTableV1 {
    &TABLE
}
