//! File reading and writing with Folio's guarantees: text is checked before it is parsed,
//! and a write either replaces the whole file or leaves the old one (temp file in the same
//! folder, fsync, rename, fsync the folder), keeping the file's permissions. Every file is
//! written at most 64 KiB a system call (`WRITE_CHUNK`).

use std::path::Path;

use crate::error::{Error, Result};

/// Reads a text file; binary or non-UTF-8 content is a located error.
///
/// # Errors
/// The file cannot be read, or is not a regular file ([`Error::Io`]), or is not UTF-8 text.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = read(path).map_err(|e| Error::io(path, e))?;
    decode(path, bytes)
}

/// Reads a file's bytes, as `std::fs::read` does, but only a regular file (a link to one
/// too): a FIFO would wait for a writer forever, and a device (`/dev/zero`) never ends.
///
/// # Errors
/// As `std::fs::read`; and an error of kind `InvalidInput` for anything but a regular file.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    regular(path)?;
    std::fs::read(path)
}

/// Reads a UTF-8 text file, as `std::fs::read_to_string` does, but only a regular file
/// ([`read`]).
///
/// # Errors
/// As `std::fs::read_to_string`, and as [`regular`].
pub fn read_to_string(path: impl AsRef<Path>) -> std::io::Result<String> {
    regular(path.as_ref())?;
    std::fs::read_to_string(path)
}

/// `Ok` when `path` is a regular file (or a link to one); else why not, in words.
///
/// # Errors
/// The file's metadata cannot be read, or it is a folder, a FIFO, a socket or a device.
pub fn regular(path: &Path) -> std::io::Result<()> {
    let kind = std::fs::metadata(path)?.file_type();
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_dir() {
        "a folder"
    } else {
        "a FIFO, a socket or a device"
    };
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("not a regular file but {what}: Folio reads and writes regular files only"),
    ))
}

/// Whether `path` or a folder on the way to it from `base` (not `base` itself) is a
/// symbolic link: Hugo publishes no file reached through one from a `static/` or content
/// folder (its file systems do not follow them; checked against Hugo 0.168). A path not
/// under `base` counts as reached through one.
pub fn linked_below(base: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(base) else {
        return true;
    };
    let mut at = base.to_path_buf();
    rel.components().any(|c| {
        at.push(c);
        std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink())
    })
}

/// `path` as the file system resolves it: absolute, its longest existing part with every
/// symbolic link followed and `..` taken away (`std::fs::canonicalize`), the rest (which
/// does not exist yet) appended with `.` and `..` read as written.
pub fn resolved(path: &Path) -> std::path::PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut missing = Vec::new();
    let mut existing = absolute.as_path();
    let base = loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            break real;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_os_string());
                existing = parent;
            }
            _ => break absolute.clone(),
        }
    };
    let mut out = base;
    for name in missing.into_iter().rev() {
        match name.to_str() {
            Some("..") => {
                out.pop();
            }
            Some(".") => {}
            _ => out.push(name),
        }
    }
    out
}

/// Writes `bytes` to `path` atomically. A symbolic link is written through: its target
/// is replaced (with the target's permissions) and the link stays a link.
///
/// # Errors
/// [`Error::Io`] with `path` when the file may not be written (read-only, immutable, not
/// a regular file), the temporary file cannot be created, written or renamed, or a link's
/// target cannot be found; the old file is then left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_all_atomic(&[(path, bytes)])
}

/// Writes each file of `files` atomically, as [`write_atomic`] does, all or none as far
/// as can be known first: each is checked (and its new text written beside it) before
/// any is replaced, so a file that may not be written leaves every file as it was.
///
/// # Errors
/// As [`write_atomic`], for the first file that fails.
pub fn write_all_atomic(files: &[(&Path, &[u8])]) -> Result<()> {
    let mut ready = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let (target, old) = writable(path)?;
        let mut file = atomic_write_file::AtomicWriteFile::options()
            .open(&target)
            .map_err(|e| Error::io(path, e))?;
        write_parts(&mut file, &[bytes]).map_err(|e| Error::io(path, e))?;
        ready.push((path, file, target, old));
    }
    for (path, file, target, old) in ready {
        file.commit().map_err(|e| Error::io(path, e))?;
        keep_owner(&target, old.as_ref());
    }
    Ok(())
}

/// The file a write of `path` replaces (a link's target), and its metadata when it is
/// there; refused when it may not be written.
fn writable(path: &Path) -> Result<(std::path::PathBuf, Option<std::fs::Metadata>)> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = if is_link {
        std::fs::canonicalize(path).map_err(|e| Error::io(path, e))?
    } else {
        path.to_path_buf()
    };
    // A file the user may not write (read-only to them, or immutable) is refused before
    // anything is written, as an editor asks first, where the rename would have replaced
    // it anyway (or failed and left the new text beside it).
    let old = std::fs::metadata(&target).ok();
    if old.is_some() {
        // A FIFO or a device would be replaced by a file (`/dev/null` by a text).
        regular(&target).map_err(|e| Error::io(path, e))?;
        std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(|e| Error::io(path, e))?;
    }
    Ok((target, old))
}

/// Gives the new file the old one's owner and group where it may (a file saved by a user
/// of its group keeps that group), as an editor that writes in place would; else leaves
/// them (the text is saved all the same).
#[cfg(unix)]
fn keep_owner(target: &Path, old: Option<&std::fs::Metadata>) {
    use std::os::unix::fs::MetadataExt;
    let (Some(old), Ok(new)) = (old, std::fs::metadata(target)) else {
        return;
    };
    // The owner and group at once (root), else the group alone (a user of that group).
    if (old.uid(), old.gid()) != (new.uid(), new.gid())
        && std::os::unix::fs::chown(target, Some(old.uid()), Some(old.gid())).is_err()
    {
        let _ = std::os::unix::fs::chown(target, None, Some(old.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_: &Path, _: Option<&std::fs::Metadata>) {}

/// The most bytes one system call writes into a file: 64 KiB.
///
/// Linux's page cache takes a write's pages as one folio sized to the write, up to 2 MiB
/// (ext4's large folios). A folio of 64 KiB or less comes from the kernel's per-CPU lists
/// of pages just freed; a larger one from its free blocks, which a virtual machine's host
/// may have taken back (free page reporting), so the first touch of each page waits for
/// the host. Measured on the 2-core build VM, writing the 1000-card page (1.25 MB) into a
/// new file: 3.7 ms in writes of 128 KiB or more, 0.4 ms in writes of 32 or 64 KiB.
const WRITE_CHUNK: usize = 64 << 10;

/// Writes `parts` one after another, many to a system call (`writev`; a 1000-card page
/// has about 2,000), without copying them into one buffer first, and at most
/// [`WRITE_CHUNK`] bytes a call. A writer that takes nothing is an error (`WriteZero`),
/// as in `write_all`.
pub(crate) fn write_parts(
    file: &mut impl std::io::Write,
    parts: &[impl AsRef<[u8]>],
) -> std::io::Result<()> {
    let mut batch: Vec<std::io::IoSlice<'_>> = Vec::new();
    let mut size = 0;
    for part in parts {
        let mut rest: &[u8] = part.as_ref();
        // Empty parts would make a write of nothing look like a writer that takes nothing.
        while !rest.is_empty() {
            let (now, later) = rest.split_at(rest.len().min(WRITE_CHUNK - size));
            batch.push(std::io::IoSlice::new(now));
            (size, rest) = (size + now.len(), later);
            if size == WRITE_CHUNK {
                write_all_vectored(file, &mut batch)?;
                (size, batch) = (0, Vec::new());
            }
        }
    }
    write_all_vectored(file, &mut batch)
}

/// Writes every byte of `slices`, as many as the writer takes a call.
fn write_all_vectored(
    file: &mut impl std::io::Write,
    slices: &mut [std::io::IoSlice<'_>],
) -> std::io::Result<()> {
    let mut rest = slices;
    while !rest.is_empty() {
        match file.write_vectored(rest) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => std::io::IoSlice::advance_slices(&mut rest, n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
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
                "invalid UTF-8 (byte 0x{:02X}): Folio reads and edits UTF-8 text only; save \
                 the file as UTF-8",
                bytes.get(at).copied().unwrap_or_default()
            ),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::write_parts;

    /// A file that takes at most three bytes per write, and one buffer at a time.
    struct Slow(Vec<u8>);

    impl std::io::Write for Slow {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = buf.len().min(3);
            self.0.extend_from_slice(buf.get(..n).unwrap_or_default());
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn parts_are_written_whole_and_in_order_by_a_file_that_takes_a_few_bytes_at_a_time() {
        let parts = ["<html>", "", "<p>a</p>", "", "</html>"].map(|p| p.as_bytes().to_vec());
        let mut file = Slow(Vec::new());
        write_parts(&mut file, &parts).unwrap();
        assert_eq!(file.0, b"<html><p>a</p></html>");
    }

    /// A file that records how many bytes each call hands it, and takes them all.
    struct Calls(Vec<u8>, Vec<usize>);

    impl std::io::Write for Calls {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.write_vectored(&[std::io::IoSlice::new(buf)])
        }
        fn write_vectored(&mut self, bufs: &[std::io::IoSlice<'_>]) -> std::io::Result<usize> {
            let n = bufs.iter().map(|b| b.len()).sum();
            bufs.iter().for_each(|b| self.0.extend_from_slice(b));
            self.1.push(n);
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_long_page_is_written_64_kib_a_call_and_whole() {
        // 2,000 parts of 700 bytes and one of 200 KiB: 1.6 MB, as a long page comes.
        let mut parts: Vec<Vec<u8>> = (0..2000u32)
            .map(|i| format!("{i:0700}").into_bytes())
            .collect();
        parts.insert(1000, vec![b'x'; 200 << 10]);
        let mut file = Calls(Vec::new(), Vec::new());
        write_parts(&mut file, &parts).unwrap();
        assert_eq!(file.0, parts.concat());
        let (last, full) = file.1.split_last().unwrap();
        assert!(full.iter().all(|&n| n == 64 << 10), "{:?}", file.1);
        assert!((1..=64 << 10).contains(last));
    }

    #[test]
    fn a_file_of_empty_parts_is_written_empty() {
        let mut file = Slow(Vec::new());
        write_parts(&mut file, &[Vec::new(), Vec::new()]).unwrap();
        assert!(file.0.is_empty());
    }
}
