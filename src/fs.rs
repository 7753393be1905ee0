//! File reading and writing with Folio's guarantees: text is checked before it is parsed,
//! and a write either replaces the whole file or leaves the old one (temp file in the same
//! folder, fsync, rename, fsync the folder), keeping the file's permissions.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Reads a text file; binary or non-UTF-8 content is a located error.
///
/// # Errors
/// The file cannot be read ([`Error::Io`]), or is not UTF-8 text.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    crate::page::decode(path, bytes)
}

/// Writes `bytes` to `path` atomically.
///
/// # Errors
/// [`Error::Io`] with `path` when the temporary file cannot be created, written or renamed;
/// the old file is then left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = atomic_write_file::AtomicWriteFile::options()
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    file.write_all(bytes).map_err(|e| Error::io(path, e))?;
    file.commit().map_err(|e| Error::io(path, e))
}
