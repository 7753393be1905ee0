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
    decode(path, bytes)
}

/// Writes `bytes` to `path` atomically. A symbolic link is written through: its target
/// is replaced (with the target's permissions) and the link stays a link.
///
/// # Errors
/// [`Error::Io`] with `path` when the temporary file cannot be created, written or renamed,
/// or a link's target cannot be found; the old file is then left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = if is_link {
        std::fs::canonicalize(path).map_err(|e| Error::io(path, e))?
    } else {
        path.to_path_buf()
    };
    let mut file = atomic_write_file::AtomicWriteFile::options()
        .open(&target)
        .map_err(|e| Error::io(path, e))?;
    file.write_all(bytes).map_err(|e| Error::io(path, e))?;
    file.commit().map_err(|e| Error::io(path, e))
}

/// Checks that file bytes are text Folio can edit, and returns them as a string.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    if let Some(nul) = memchr::memchr(0, &bytes) {
        let prefix = String::from_utf8_lossy(bytes.get(..nul).unwrap_or_default());
        let (line, col) = crate::text::line_col(&prefix, prefix.len());
        return Err(Error::Syntax {
            path: path.to_path_buf(),
            line,
            col,
            message: "this is a binary file (it holds a NUL byte), not a text page".to_string(),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let prefix = std::str::from_utf8(bytes.get(..at).unwrap_or_default()).unwrap_or("");
        let (line, col) = crate::text::line_col(prefix, prefix.len());
        Error::Syntax {
            path: path.to_path_buf(),
            line,
            col,
            message: format!(
                "invalid UTF-8 (byte 0x{:02X}): Hugo pages must be UTF-8 text",
                bytes.get(at).copied().unwrap_or_default()
            ),
        }
    })
}
