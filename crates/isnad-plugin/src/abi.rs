//! The stable C ABI between isnad and a plugin: plain `#[repr(C)]` data and `extern "C"`
//! function pointers, nothing Rust-specific, so a plugin can be written in any language that
//! can export a C function.
//!
//! A plugin is a shared library exporting one symbol, [`ENTRY_SYMBOL`]
//! (`isnad_plugin_v1`), a function taking nothing and returning a pointer to a static
//! [`PluginTableV1`]. The host reads the table's first two fields, `size` and `abi_version`,
//! and refuses the library unless they match before it calls anything else.
//!
//! Data crosses as UTF-8 JSON in [`Buffer`]s. The side that allocates a buffer frees it: the
//! host copies every buffer a plugin returns, then hands it back to the plugin's `free_buffer`.
//! Input pointers the host passes are only borrowed for the duration of the call.
//!
//! Every function must return normally: an unwinding panic or a C++ exception crossing an
//! `extern "C"` boundary aborts the process. Plugins written with
//! [`crate::export_stage!`] catch panics and report them as [`Status::Panic`].

use std::ffi::c_void;

/// The ABI version this crate speaks. Any incompatible change to the table or to the JSON
/// exchanged bumps it, and renames the entry symbol with it.
pub const ABI_VERSION: u32 = 1;

/// The name of the symbol a plugin exports: `extern "C" fn() -> *const PluginTableV1`.
pub const ENTRY_SYMBOL: &str = "isnad_plugin_v1";

/// Bytes owned by the side that allocated them (for a Rust plugin, a `Vec<u8>`'s parts).
/// `ptr` may be null when `len` is 0.
#[repr(C)]
#[derive(Debug)]
pub struct Buffer {
    pub ptr: *mut u8,
    pub len: usize,
    pub cap: usize,
}

impl Buffer {
    pub const EMPTY: Buffer = Buffer { ptr: std::ptr::null_mut(), len: 0, cap: 0 };

    /// Gives up a vector's allocation to the other side; [`Buffer::into_vec`] takes it back.
    pub fn from_vec(bytes: Vec<u8>) -> Buffer {
        let mut bytes = std::mem::ManuallyDrop::new(bytes);
        Buffer { ptr: bytes.as_mut_ptr(), len: bytes.len(), cap: bytes.capacity() }
    }

    /// Rebuilds the vector [`Buffer::from_vec`] gave up.
    ///
    /// # Safety
    /// The buffer must come from `Buffer::from_vec` in this same library (same allocator),
    /// and must not be used again.
    pub unsafe fn into_vec(self) -> Vec<u8> {
        if self.ptr.is_null() {
            return Vec::new();
        }
        Vec::from_raw_parts(self.ptr, self.len, self.cap)
    }

    /// The bytes, borrowed.
    ///
    /// # Safety
    /// `ptr` must point to `len` initialized bytes (or be null with `len` 0).
    pub unsafe fn as_slice(&self) -> &[u8] {
        if self.ptr.is_null() || self.len == 0 {
            return &[];
        }
        std::slice::from_raw_parts(self.ptr, self.len)
    }
}

/// How a call went. Any other value is treated as an error.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The buffer holds the result.
    Ok = 0,
    /// The buffer holds a UTF-8 error message.
    Error = 1,
    /// The plugin panicked; the buffer holds the panic message.
    Panic = 2,
}

/// The result of `manifest` and `process`: a status and a buffer (result or message).
#[repr(C)]
#[derive(Debug)]
pub struct CallResult {
    pub status: u32,
    pub buffer: Buffer,
}

/// The result of `create`: an instance (non-null when `status` is [`Status::Ok`]) or a message.
#[repr(C)]
#[derive(Debug)]
pub struct CreateResult {
    pub status: u32,
    pub instance: *mut c_void,
    pub error: Buffer,
}

/// The table a plugin's entry symbol returns. Fields are only ever appended; the host
/// refuses a table smaller than its own, or with another `abi_version`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct PluginTableV1 {
    /// `size_of::<PluginTableV1>()` as the plugin was compiled.
    pub size: usize,
    /// [`ABI_VERSION`] as the plugin was compiled.
    pub abi_version: u32,
    /// The manifest as JSON: name, version, requires, produces, config schema, build info
    /// (see [`crate::Manifest`]). Called once, before `create`.
    pub manifest: unsafe extern "C" fn() -> CallResult,
    /// A new instance from a JSON object of options (`config`, `config_len` bytes).
    pub create: unsafe extern "C" fn(config: *const u8, config_len: usize) -> CreateResult,
    /// Processes one document: input is the document's JSON (text and the layers the plugin
    /// requires or extends), output (on success) a JSON object holding `schema_version`, the
    /// layers the plugin produces and those it extends and changed (extension layers under
    /// `layers`). Called from several threads at once on the same instance.
    pub process:
        unsafe extern "C" fn(instance: *mut c_void, doc: *const u8, doc_len: usize) -> CallResult,
    /// Drops an instance `create` returned.
    pub destroy: unsafe extern "C" fn(instance: *mut c_void),
    /// Frees a buffer this plugin returned.
    pub free_buffer: unsafe extern "C" fn(buffer: Buffer),
}

/// The first two fields of every version's table: what the host may read before it knows
/// which version it is looking at.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct TableHeader {
    pub size: usize,
    pub abi_version: u32,
}

/// The entry symbol's type.
pub type EntryFn = unsafe extern "C" fn() -> *const PluginTableV1;
