//! Reading documents: files or standard input, with errors that name the file and byte.

use std::io::Read;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{name}: {source}")]
    Io { name: String, source: std::io::Error },
    #[error("{name}: invalid UTF-8 at byte {offset}")]
    Utf8 { name: String, offset: usize },
}

/// The display name of an input: its path, or `<stdin>` for `-`.
pub fn display_name(path: &str) -> String {
    if path == "-" {
        "<stdin>".to_owned()
    } else {
        path.to_owned()
    }
}

/// Reads a whole input (`-` is standard input) as UTF-8 text.
pub fn read_text(path: &str) -> Result<String, InputError> {
    decode(read_bytes(path)?, &display_name(path))
}

/// Reads a whole input (`-` is standard input) as bytes.
pub fn read_bytes(path: &str) -> Result<Vec<u8>, InputError> {
    let result = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
    } else {
        std::fs::read(Path::new(path))
    };
    result.map_err(|source| InputError::Io { name: display_name(path), source })
}

/// Bytes as UTF-8 text, or an error naming `name` and the first bad byte.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| InputError::Utf8 { name: name.to_owned(), offset: e.utf8_error().valid_up_to() })
}
