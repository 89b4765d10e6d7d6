//! The host side: find a plugin, check its ABI, and wrap it as a [`Stage`].
//!
//! ```ignore
//! let stage = isnad_plugin::host::load("translit", &serde_json::Map::new())?;
//! let pipeline = Pipeline::builder().stage(normalize).stage(entities).stage(stage).build()?;
//! ```
//!
//! Libraries are never unloaded: a plugin carries its own copy of the Rust standard library,
//! whose thread-local destructors would run into unmapped code after `dlclose`.

use std::ffi::c_void;
use std::io::Read;
use std::path::{Path, PathBuf};

use isnad_core::{Document, Layer, Stage, StageError};
use serde_json::{Map, Value};

use crate::abi::{Buffer, EntryFn, PluginTableV1, Status, TableHeader, ABI_VERSION, ENTRY_SYMBOL};
use crate::{wire, Manifest, PluginError};

/// The environment variable listing the directories searched for plugins given by bare name.
pub const PLUGIN_PATH_VAR: &str = "ISNAD_PLUGIN_PATH";

/// A loaded, checked plugin library: its manifest, ready to create stages.
#[derive(Debug, Clone)]
pub struct Plugin {
    path: PathBuf,
    table: PluginTableV1,
    manifest: Manifest,
}

/// Loads a plugin (see [`Plugin::open`]) and creates a stage from `options`.
pub fn load(path_or_name: &str, options: &Map<String, Value>) -> Result<PluginStage, PluginError> {
    Plugin::open(path_or_name)?.instantiate(options)
}

/// The directories of `ISNAD_PLUGIN_PATH`, in order.
pub fn search_dirs() -> Vec<PathBuf> {
    std::env::var_os(PLUGIN_PATH_VAR)
        .map(|paths| std::env::split_paths(&paths).filter(|p| !p.as_os_str().is_empty()).collect())
        .unwrap_or_default()
}

/// Where a plugin given as `path_or_name` is: a path as given if it looks like one (it has a
/// directory part or a library suffix), else the first `lib{name}.so`, `{name}.so` (with the
/// platform's prefix and suffix; `-` also tried as `_`, as cargo names libraries) in the
/// directories of `ISNAD_PLUGIN_PATH`.
pub fn resolve(path_or_name: &str) -> Result<PathBuf, PluginError> {
    resolve_in(path_or_name, &search_dirs())
}

/// [`resolve`] with the directories searched for bare names given.
pub fn resolve_in(path_or_name: &str, dirs: &[PathBuf]) -> Result<PathBuf, PluginError> {
    let given = Path::new(path_or_name);
    if is_path(path_or_name) {
        if given.is_file() {
            return Ok(given.to_path_buf());
        }
        return Err(PluginError::MissingFile { path: given.to_path_buf() });
    }
    let mut searched = Vec::new();
    for dir in dirs {
        for file in candidate_file_names(path_or_name) {
            let candidate = dir.join(file);
            if candidate.is_file() {
                return Ok(candidate);
            }
            searched.push(candidate);
        }
    }
    Err(PluginError::NotFound { name: path_or_name.to_owned(), searched })
}

fn candidate_file_names(name: &str) -> Vec<String> {
    use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
    let mut stems = vec![name.to_owned()];
    if name.contains('-') {
        stems.push(name.replace('-', "_"));
    }
    let mut names = Vec::new();
    for stem in &stems {
        if !DLL_PREFIX.is_empty() {
            names.push(format!("{DLL_PREFIX}{stem}{DLL_SUFFIX}"));
        }
        names.push(format!("{stem}{DLL_SUFFIX}"));
    }
    names
}

/// Whether `path_or_name` is taken as a path (it has a directory part or the platform's library
/// suffix) rather than a bare name to search for. A driver resolving relative paths against a
/// pipeline file's directory can use it to decide which to join.
pub fn is_path(path_or_name: &str) -> bool {
    let given = Path::new(path_or_name);
    given.components().count() > 1 || given.extension().is_some_and(|ext| ext == std::env::consts::DLL_EXTENSION)
}

/// A plugin found on `ISNAD_PLUGIN_PATH`, with its manifest or the reason it cannot be used.
#[derive(Debug)]
pub struct Discovered {
    pub path: PathBuf,
    pub manifest: Result<Manifest, PluginError>,
}

/// Every shared library in the directories of `ISNAD_PLUGIN_PATH` (sorted by path within each
/// directory), opened and checked. Opening runs a library's initializers, as loading it would.
pub fn discover() -> Vec<Discovered> {
    discover_in(&search_dirs())
}

/// [`discover`] in the directories given.
pub fn discover_in(dirs: &[PathBuf]) -> Vec<Discovered> {
    let mut found = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == std::env::consts::DLL_EXTENSION))
            .collect();
        paths.sort();
        for path in paths {
            let manifest = Plugin::open_path(&path).map(|plugin| plugin.manifest);
            found.push(Discovered { path, manifest });
        }
    }
    found
}

/// Whether the file starts like a shared library of some platform, so that a stray text file
/// gets a clear message rather than the dynamic loader's.
fn has_library_header(path: &Path) -> Result<bool, PluginError> {
    let mut magic = [0u8; 4];
    let mut file = std::fs::File::open(path)
        .map_err(|e| PluginError::Unreadable { path: path.to_path_buf(), detail: e.to_string() })?;
    let n = file.read(&mut magic).map_err(|e| PluginError::Unreadable { path: path.to_path_buf(), detail: e.to_string() })?;
    let magic = &magic[..n];
    const HEADERS: [&[u8]; 8] = [
        b"\x7fELF",
        b"MZ",
        &[0xfe, 0xed, 0xfa, 0xce],
        &[0xfe, 0xed, 0xfa, 0xcf],
        &[0xce, 0xfa, 0xed, 0xfe],
        &[0xcf, 0xfa, 0xed, 0xfe],
        &[0xca, 0xfe, 0xba, 0xbe],
        &[0xbe, 0xba, 0xfe, 0xca],
    ];
    Ok(HEADERS.iter().any(|h| magic.starts_with(h)))
}

impl Plugin {
    /// Finds (see [`resolve`]) and loads a plugin library, checks its table's size and ABI
    /// version before calling anything else in it, then reads and checks its manifest.
    pub fn open(path_or_name: &str) -> Result<Plugin, PluginError> {
        Plugin::open_path(&resolve(path_or_name)?)
    }

    fn open_path(path: &Path) -> Result<Plugin, PluginError> {
        if !path.is_file() {
            return Err(PluginError::MissingFile { path: path.to_path_buf() });
        }
        if !has_library_header(path)? {
            return Err(PluginError::NotALibrary { path: path.to_path_buf() });
        }
        // SAFETY: loading runs the library's initializers; that a plugin is trusted code is the
        // premise of plugins. The library is leaked (never unloaded) on purpose, see the module doc.
        let library: &'static libloading::Library = unsafe { libloading::Library::new(path) }
            .map(|lib| &*Box::leak(Box::new(lib)))
            .map_err(|e| PluginError::LoadFailed { path: path.to_path_buf(), detail: e.to_string() })?;
        // SAFETY: the symbol's type is the ABI's; the pointer stays valid as the library is never unloaded.
        let entry: EntryFn = unsafe { library.get::<EntryFn>(ENTRY_SYMBOL.as_bytes()) }
            .map(|symbol| *symbol)
            .map_err(|_| PluginError::NoEntrySymbol { path: path.to_path_buf(), symbol: ENTRY_SYMBOL })?;
        // SAFETY: the entry function takes nothing and returns a pointer to a static table.
        let table_ptr = unsafe { entry() };
        if table_ptr.is_null() {
            return Err(PluginError::NullTable { path: path.to_path_buf(), symbol: ENTRY_SYMBOL });
        }
        // SAFETY: every table version starts with the same two fields; nothing past them is read
        // until `size` says the table holds them.
        let header = unsafe { std::ptr::read(table_ptr.cast::<TableHeader>()) };
        if header.abi_version != ABI_VERSION {
            return Err(PluginError::AbiVersion { path: path.to_path_buf(), found: header.abi_version });
        }
        let expected = std::mem::size_of::<PluginTableV1>();
        if header.size < expected {
            return Err(PluginError::TableSize { path: path.to_path_buf(), found: header.size, expected });
        }
        // SAFETY: the plugin says this is a v1 table of at least our size.
        let table = unsafe { *table_ptr };
        let manifest = read_manifest(path, &table)?;
        Ok(Plugin { path: path.to_path_buf(), table, manifest })
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A new stage instance configured with `options` (the plugin validates them).
    pub fn instantiate(&self, options: &Map<String, Value>) -> Result<PluginStage, PluginError> {
        let config = serde_json::to_vec(options).expect("a JSON map always serializes");
        // SAFETY: the table passed the ABI checks; `config` outlives the call.
        let result = unsafe { (self.table.create)(config.as_ptr(), config.len()) };
        let message = take_buffer(&self.table, result.error);
        let failure = match Status::from_raw(result.status) {
            Some(Status::Ok) if !result.instance.is_null() => None,
            Some(Status::Ok) => Some("it returned no instance".to_owned()),
            Some(Status::Panic) => Some(format!("it panicked: {}", lossy(&message))),
            _ => Some(lossy(&message)),
        };
        if let Some(message) = failure {
            return Err(PluginError::Create { path: self.path.clone(), name: self.manifest.name.clone(), message });
        }
        Ok(PluginStage { plugin: self.clone(), instance: result.instance })
    }
}

impl Status {
    fn from_raw(raw: u32) -> Option<Status> {
        [Status::Ok, Status::Error, Status::Panic].into_iter().find(|s| *s as u32 == raw)
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Copies a buffer the plugin returned and hands it back to the plugin to free.
fn take_buffer(table: &PluginTableV1, buffer: Buffer) -> Vec<u8> {
    // SAFETY: the plugin returned this buffer; it is valid until passed to its `free_buffer`.
    let bytes = unsafe { buffer.as_slice() }.to_vec();
    if !buffer.ptr.is_null() {
        // SAFETY: freed once, by the library that allocated it.
        unsafe { (table.free_buffer)(buffer) };
    }
    bytes
}

fn read_manifest(path: &Path, table: &PluginTableV1) -> Result<Manifest, PluginError> {
    let bad = |detail: String| PluginError::Manifest { path: path.to_path_buf(), detail };
    // SAFETY: the table passed the ABI checks.
    let result = unsafe { (table.manifest)() };
    let bytes = take_buffer(table, result.buffer);
    match Status::from_raw(result.status) {
        Some(Status::Ok) => {}
        Some(Status::Panic) => return Err(bad(format!("`manifest` panicked: {}", lossy(&bytes)))),
        _ => return Err(bad(format!("`manifest` failed: {}", lossy(&bytes)))),
    }
    let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|e| bad(format!("it is not valid manifest JSON: {e}")))?;
    if manifest.schema_version != isnad_core::SCHEMA_VERSION {
        return Err(bad(format!(
            "it reads and writes documents of schema version {}, this isnad uses version {}",
            manifest.schema_version,
            isnad_core::SCHEMA_VERSION
        )));
    }
    if manifest.build.panic == "abort" {
        return Err(PluginError::PanicAbort { path: path.to_path_buf(), name: manifest.name });
    }
    Ok(manifest)
}

/// A plugin instance, usable as any other [`Stage`]: its name, version, requires and produces
/// are the manifest's. `process` sends the document as JSON and merges back only the layers
/// the plugin declares, after checking that its reply is JSON, holds no undeclared layer and
/// has every span inside the text and on character boundaries.
#[derive(Debug)]
pub struct PluginStage {
    plugin: Plugin,
    instance: *mut c_void,
}

// SAFETY: the ABI requires `process` to be callable from several threads at once on one
// instance (plugins built with `export_stage!` wrap a `Stage`, which is `Send + Sync`).
unsafe impl Send for PluginStage {}
unsafe impl Sync for PluginStage {}

impl Drop for PluginStage {
    fn drop(&mut self) {
        // SAFETY: the instance came from this table's `create` and is destroyed once.
        unsafe { (self.plugin.table.destroy)(self.instance) };
    }
}

impl PluginStage {
    pub fn manifest(&self) -> &Manifest {
        &self.plugin.manifest
    }

    pub fn path(&self) -> &Path {
        &self.plugin.path
    }

    fn error(&self, message: impl std::fmt::Display) -> StageError {
        StageError::new(format!("plugin `{}` ({}) {message}", self.plugin.path.display(), self.plugin.manifest.name))
    }

    /// Every layer the plugin may return: those it produces, then those it extends.
    fn declared(&self) -> Vec<Layer> {
        let manifest = &self.plugin.manifest;
        manifest.produces.iter().chain(&manifest.extends).cloned().collect()
    }

    /// Calls the plugin's `process` on the text and the layers it requires or extends, and
    /// returns its reply, or its error as a `StageError`.
    fn call(&self, doc: &Document) -> Result<Vec<u8>, StageError> {
        let manifest = &self.plugin.manifest;
        let visible: Vec<Layer> = manifest.requires.iter().chain(&manifest.extends).cloned().collect();
        let input = wire::layers_json(doc, &visible, true);
        // SAFETY: `instance` is live until drop; `input` outlives the call.
        let result = unsafe { (self.plugin.table.process)(self.instance, input.as_ptr(), input.len()) };
        let bytes = take_buffer(&self.plugin.table, result.buffer);
        match Status::from_raw(result.status) {
            Some(Status::Ok) => Ok(bytes),
            Some(Status::Panic) => Err(self.error(format_args!("panicked: {}", lossy(&bytes)))),
            Some(Status::Error) => Err(self.error(format_args!("failed: {}", lossy(&bytes)))),
            None => Err(self.error(format_args!("returned an unknown status {}: {}", result.status, lossy(&bytes)))),
        }
    }

    /// Checks a reply and moves its layers into `doc`; on any error `doc` is left unchanged.
    fn merge(&self, doc: &mut Document, reply: &[u8]) -> Result<(), StageError> {
        let reply = wire::read_reply(reply, &self.declared()).map_err(|e| self.error(e))?;
        if reply.schema_version != Some(u64::from(isnad_core::SCHEMA_VERSION)) {
            return Err(self.error(format_args!(
                "returned schema_version {}, expected {}",
                reply.schema_version.map_or("none".to_owned(), |v| v.to_string()),
                isnad_core::SCHEMA_VERSION
            )));
        }
        let mut produced = reply.layers;
        let mut appended = reply.appended;
        wire::check_layer_spans(&produced, &doc.text)
            .map_err(|e| self.error(format_args!("returned a bad span: {e}")))?;
        wire::check_layer_spans(&appended, &doc.text).map_err(|e| {
            let e = e.replacen("span $.", "span $.appended.", 1);
            self.error(format_args!("returned a bad span: {e}"))
        })?;
        let manifest = &self.plugin.manifest;
        for layer in &manifest.produces {
            doc.take_layer(&mut produced, layer);
        }
        // A layer the plugin extends but left out of its reply stays as it was.
        for layer in &manifest.extends {
            if produced.has(layer) {
                doc.take_layer(&mut produced, layer);
            }
            if appended.has(layer) {
                doc.append_layer(&mut appended, layer);
            }
        }
        Ok(())
    }
}

impl Stage for PluginStage {
    fn name(&self) -> &str {
        &self.plugin.manifest.name
    }

    fn version(&self) -> &str {
        &self.plugin.manifest.version
    }

    fn requires(&self) -> Vec<Layer> {
        self.plugin.manifest.requires.clone()
    }

    fn produces(&self) -> Vec<Layer> {
        self.plugin.manifest.produces.clone()
    }

    fn extends(&self) -> Vec<Layer> {
        self.plugin.manifest.extends.clone()
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let reply = self.call(doc)?;
        self.merge(doc, &reply)
    }
}
