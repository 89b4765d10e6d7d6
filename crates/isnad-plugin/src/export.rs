//! The plugin side: [`export_stage!`](crate::export_stage) and the functions it instantiates.
//!
//! Every function here is what a table entry calls; each one runs its body under
//! `catch_unwind`, so a panicking stage becomes a [`Status::Panic`] result instead of
//! unwinding into the host (which would abort it).

use std::any::Any;
use std::ffi::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};

use isnad_core::{Document, Stage, StageError};
use serde_json::{Map, Value};

use crate::abi::{Buffer, CallResult, CreateResult, Status};
use crate::Manifest;

/// Turns a type into an isnad plugin: exports the `isnad_plugin_v1` entry symbol and its table.
///
/// The type must implement [`isnad_core::Stage`] and `Default` (used to describe the plugin
/// in its manifest), and have the convention's constructor
/// `fn from_config(&serde_json::Map<String, serde_json::Value>) -> Result<Self, StageError>`.
/// An optional second argument is the JSON Schema of its options, as a string:
///
/// ```ignore
/// isnad_plugin::export_stage!(WordCountStage);
/// isnad_plugin::export_stage!(WordCountStage, config_schema = r#"{"type": "object", "properties": {}}"#);
/// ```
///
/// Call it once, in a crate built with `crate-type = ["cdylib"]` and `panic = "unwind"`.
#[macro_export]
macro_rules! export_stage {
    ($stage:ty) => {
        $crate::export_stage!($stage, config_schema = r#"{"type": "object"}"#);
    };
    ($stage:ty, config_schema = $schema:expr) => {
        /// The isnad plugin entry point (see `isnad_plugin::abi`).
        #[unsafe(no_mangle)]
        pub extern "C" fn isnad_plugin_v1() -> *const $crate::abi::PluginTableV1 {
            unsafe extern "C" fn manifest() -> $crate::abi::CallResult {
                $crate::__export::manifest::<$stage>($schema)
            }
            unsafe extern "C" fn create(config: *const u8, len: usize) -> $crate::abi::CreateResult {
                $crate::__export::create::<$stage>(config, len, |options| <$stage>::from_config(options))
            }
            static TABLE: $crate::abi::PluginTableV1 = $crate::abi::PluginTableV1 {
                size: ::std::mem::size_of::<$crate::abi::PluginTableV1>(),
                abi_version: $crate::abi::ABI_VERSION,
                manifest,
                create,
                process: $crate::__export::process::<$stage>,
                destroy: $crate::__export::destroy::<$stage>,
                free_buffer: $crate::__export::free_buffer,
            };
            &TABLE
        }
    };
}

/// The text of a panic payload (`panic!` gives a `&str` or a `String`).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with a non-text payload".to_owned()
    }
}

/// Runs `body`, turning its error or panic into the matching status.
fn guarded(body: impl FnOnce() -> Result<Vec<u8>, String>) -> CallResult {
    let (status, bytes) = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(bytes)) => (Status::Ok, bytes),
        Ok(Err(message)) => (Status::Error, message.into_bytes()),
        Err(payload) => (Status::Panic, panic_message(payload.as_ref()).into_bytes()),
    };
    CallResult { status: status as u32, buffer: Buffer::from_vec(bytes) }
}

/// # Safety
/// `ptr` must point to `len` readable bytes, or `len` must be 0.
unsafe fn borrowed<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if ptr.is_null() || len == 0 {
        &[]
    } else {
        std::slice::from_raw_parts(ptr, len)
    }
}

pub fn manifest<S: Stage + Default>(config_schema: &str) -> CallResult {
    guarded(|| {
        let schema: Value = serde_json::from_str(config_schema)
            .map_err(|e| format!("the plugin's config schema is not JSON: {e}"))?;
        let manifest = Manifest::for_stage(S::default().info(), schema);
        Ok(serde_json::to_vec(&manifest).expect("a manifest always serializes"))
    })
}

/// # Safety
/// `config` must point to `len` readable bytes.
pub unsafe fn create<S: Stage>(
    config: *const u8,
    len: usize,
    from_config: impl FnOnce(&Map<String, Value>) -> Result<S, StageError>,
) -> CreateResult {
    let config = borrowed(config, len);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let options: Map<String, Value> = if config.is_empty() {
            Map::new()
        } else {
            serde_json::from_slice(config).map_err(|e| format!("the options are not a JSON object: {e}"))?
        };
        from_config(&options).map_err(|e| e.message)
    }));
    let (status, error) = match outcome {
        Ok(Ok(stage)) => {
            let instance = Box::into_raw(Box::new(stage)).cast::<c_void>();
            return CreateResult { status: Status::Ok as u32, instance, error: Buffer::EMPTY };
        }
        Ok(Err(message)) => (Status::Error, message),
        Err(payload) => (Status::Panic, panic_message(payload.as_ref())),
    };
    CreateResult {
        status: status as u32,
        instance: std::ptr::null_mut(),
        error: Buffer::from_vec(error.into_bytes()),
    }
}

/// # Safety
/// `instance` must come from `create::<S>` and not be destroyed; `doc` must point to `len` bytes.
pub unsafe extern "C" fn process<S: Stage>(instance: *mut c_void, doc: *const u8, len: usize) -> CallResult {
    let input = borrowed(doc, len);
    guarded(|| {
        // SAFETY: the host passes back the pointer `create::<S>` returned, until `destroy`.
        let stage = unsafe { &*instance.cast_const().cast::<S>() };
        let mut doc: Document = crate::wire::parse(input)
            .map_err(|e| format!("the host sent a document this plugin cannot read: {e}"))?;
        if doc.schema_version != isnad_core::SCHEMA_VERSION {
            return Err(format!(
                "the host sent a document of schema version {}, this plugin reads version {}",
                doc.schema_version,
                isnad_core::SCHEMA_VERSION
            ));
        }
        // An extended layer goes back only if the stage changed it, and only its new items
        // if it just added some (the quote stage adds a few entities): the host keeps its own
        // copy otherwise, which saves writing and parsing the layer twice.
        let extends = stage.extends();
        let before = crate::wire::copy_layers(&doc, &extends);
        stage.process(&mut doc).map_err(|e| e.message)?;
        let mut whole = stage.produces();
        let mut appended = Vec::new();
        for layer in extends {
            match crate::wire::change(&before, &doc, &layer) {
                crate::wire::Change::Unchanged => {}
                crate::wire::Change::Appended(n) => appended.push((layer, n)),
                crate::wire::Change::Replaced => whole.push(layer),
            }
        }
        Ok(crate::wire::reply_json(&doc, &whole, &appended, false))
    })
}

/// # Safety
/// `instance` must come from `create::<S>`, and is not used again.
pub unsafe extern "C" fn destroy<S: Stage>(instance: *mut c_void) {
    if instance.is_null() {
        return;
    }
    // A panicking Drop must not unwind into the host either; the instance is gone either way.
    let _ = catch_unwind(AssertUnwindSafe(|| drop(Box::from_raw(instance.cast::<S>()))));
}

/// # Safety
/// `buffer` must be one this library returned, freed once.
pub unsafe extern "C" fn free_buffer(buffer: Buffer) {
    drop(buffer.into_vec());
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_core::{Entity, EntityLabel, Layer};

    /// Produces `quotes` (none) and extends `entities`, adding one when the text says "add".
    #[derive(Default)]
    struct Extender;

    impl Stage for Extender {
        fn name(&self) -> &str {
            "extender"
        }
        fn version(&self) -> &str {
            "0"
        }
        fn requires(&self) -> Vec<Layer> {
            vec![Layer::ENTITIES]
        }
        fn produces(&self) -> Vec<Layer> {
            vec![Layer::QUOTES]
        }
        fn extends(&self) -> Vec<Layer> {
            vec![Layer::ENTITIES]
        }
        fn process(&self, doc: &mut Document) -> Result<(), StageError> {
            doc.quotes = Some(Vec::new());
            if doc.text.contains("add") {
                doc.entities.get_or_insert_with(Vec::new).push(Entity {
                    id: "E9".into(),
                    label: EntityLabel::Per,
                    canonical: "x".into(),
                    mentions: vec![],
                    roles: vec![],
                    value: None,
                });
            }
            Ok(())
        }
    }

    fn reply(text: &str) -> Value {
        let mut doc = Document::new(text);
        doc.entities = Some(Vec::new());
        let input = serde_json::to_vec(&doc).unwrap();
        let instance = Box::into_raw(Box::new(Extender)).cast::<c_void>();
        // SAFETY: `instance` is an `Extender`, destroyed right after.
        let result = unsafe { process::<Extender>(instance, input.as_ptr(), input.len()) };
        unsafe { destroy::<Extender>(instance) };
        assert_eq!(result.status, Status::Ok as u32);
        // SAFETY: the buffer comes from `process` in this library.
        serde_json::from_slice(&unsafe { result.buffer.into_vec() }).unwrap()
    }

    #[test]
    fn an_extended_layer_is_returned_only_when_changed_and_then_only_its_new_items() {
        let unchanged = reply("keep");
        assert_eq!(unchanged, serde_json::json!({"schema_version": 1, "quotes": []}));
        let changed = reply("add");
        assert_eq!(changed["appended"]["entities"][0]["id"], "E9");
        assert!(changed.get("entities").is_none(), "{changed}");
        assert_eq!(changed["quotes"], serde_json::json!([]));
    }
}
