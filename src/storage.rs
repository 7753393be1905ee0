//! What Folio keeps outside the user's site, in its app data folder: recently opened sites,
//! backups of files before they are overwritten, the sample site copy, and (for crash
//! recovery) journals of unsaved edits.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fs;

/// How many recent sites are remembered.
const RECENT_MAX: usize = 10;
/// How many backups are kept per file.
const BACKUPS_MAX: usize = 20;

/// Unsaved edits kept for crash recovery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Journal {
    /// The page the edits are for.
    pub path: PathBuf,
    /// The texts the edits started from (as loaded or last saved).
    pub base_page: String,
    /// The text of the file holding the site params the edits started from, if any.
    pub base_config: Option<String>,
    /// The unsaved texts.
    pub page: String,
    /// The unsaved text of the file holding the site params, if any.
    pub config: Option<String>,
    /// When written, in milliseconds since the Unix epoch.
    pub saved_at: u128,
}

/// The app data folder.
#[derive(Debug, Clone)]
pub struct AppData {
    dir: PathBuf,
}

/// A recently opened page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Recent {
    /// The page file.
    pub path: PathBuf,
    /// What the list shows for it.
    pub title: String,
}

impl AppData {
    /// Uses `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        AppData { dir: dir.into() }
    }

    /// The folder itself.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn ensure(&self, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))
    }

    /// Recently opened pages, most recent first (missing files left out).
    pub fn recent(&self) -> Vec<Recent> {
        let Ok(text) = std::fs::read_to_string(self.file("recent.json")) else {
            return Vec::new();
        };
        let list: Vec<Recent> = serde_json::from_str(&text).unwrap_or_default();
        list.into_iter().filter(|r| r.path.exists()).collect()
    }

    /// Puts `path` first in the recent list.
    pub fn add_recent(&self, path: &Path, title: &str) -> Result<()> {
        self.ensure(&self.dir)?;
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let mut list = self.recent();
        list.retain(|r| r.path != abs);
        list.insert(
            0,
            Recent {
                path: abs,
                title: title.to_string(),
            },
        );
        list.truncate(RECENT_MAX);
        let json = serde_json::to_string_pretty(&list).expect("recent list serializes");
        fs::write_atomic(&self.file("recent.json"), json.as_bytes())
    }

    /// The sample site's copy, installed on first use. Returns its page.
    pub fn sample(&self) -> Result<PathBuf> {
        crate::sample::install(&self.file("sample"))
    }

    /// A folder for files about `path` (backups, journals), named after the path.
    pub fn slot(&self, kind: &str, path: &Path) -> PathBuf {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let name = abs
            .file_name()
            .map_or("page".into(), |n| n.to_string_lossy().into_owned());
        let hash = path_hash(abs.as_os_str().as_encoded_bytes());
        self.dir.join(kind).join(format!("{hash}-{name}"))
    }

    fn journal_file(&self, page: &Path) -> PathBuf {
        self.slot("journal", page).join("journal.json")
    }

    /// Writes the journal of unsaved edits (replacing the previous one).
    pub fn write_journal(&self, journal: &Journal) -> Result<()> {
        let file = self.journal_file(&journal.path);
        if let Some(dir) = file.parent() {
            self.ensure(dir)?;
        }
        let json = serde_json::to_string(journal).expect("a journal serializes");
        fs::write_atomic(&file, json.as_bytes())
    }

    /// The journal left for `page` (by a session that did not save or close cleanly),
    /// also where Folio builds before 2026-11-30 kept it ([`legacy_slot`]).
    pub fn journal(&self, page: &Path) -> Option<Journal> {
        let abs = std::path::absolute(page).unwrap_or_else(|_| page.to_path_buf());
        let read = |file: PathBuf| std::fs::read_to_string(file).ok();
        let text = read(self.journal_file(&abs))
            .or_else(|| read(self.legacy_slot("journal", &abs).join("journal.json")))?;
        serde_json::from_str(&text).ok()
    }

    /// Forgets the journal for `page` (after a save, or a choice not to restore).
    pub fn clear_journal(&self, page: &Path) {
        let abs = std::path::absolute(page).unwrap_or_else(|_| page.to_path_buf());
        let _ = std::fs::remove_file(self.journal_file(&abs));
        let _ = std::fs::remove_file(self.legacy_slot("journal", &abs).join("journal.json"));
    }

    /// Where Folio builds before 2026-11-30 kept a page's files: named by the first 8 hex
    /// digits of a 64-bit FNV-1a variant (eight bytes a step) over the path as text. Only
    /// read, so a journal left by such a build is still offered after an upgrade.
    fn legacy_slot(&self, kind: &str, abs: &Path) -> PathBuf {
        let name = abs
            .file_name()
            .map_or("page".into(), |n| n.to_string_lossy().into_owned());
        let text = abs.to_string_lossy();
        let bytes = text.as_bytes();
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut word = [0u8; 8];
            word.copy_from_slice(w);
            h = (h ^ u64::from_le_bytes(word)).wrapping_mul(0x0100_0000_01b3);
            h ^= h >> 29;
        }
        for &x in words.remainder() {
            h = (h ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3);
        }
        h = (h ^ bytes.len() as u64).wrapping_mul(0x0100_0000_01b3);
        self.dir.join(kind).join(format!("{:08x}-{name}", h >> 32))
    }

    /// Keeps `old` (the bytes about to be overwritten at `path`) as a backup; returns it.
    pub fn backup(&self, path: &Path, old: &str) -> Result<PathBuf> {
        let dir = self.slot("backups", path);
        self.ensure(&dir)?;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let name = path
            .file_name()
            .map_or("page".into(), |n| n.to_string_lossy().into_owned());
        let target = dir.join(format!("{stamp:013}-{name}"));
        fs::write_atomic(&target, old.as_bytes())?;
        let mut all: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| Error::io(&dir, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        all.sort();
        while all.len() > BACKUPS_MAX {
            let oldest = all.remove(0);
            let _ = std::fs::remove_file(oldest);
        }
        Ok(target)
    }
}

/// A short stable name for a page path (the high 32 bits of FNV-1a 64, hex): the journal's
/// folder. FNV's output is fixed by its definition, so journals are found again by any Folio
/// version. The path's own bytes are hashed, not a lossy UTF-8 copy, so two names that
/// differ only in bytes that are not UTF-8 get different folders (for a UTF-8 path the
/// bytes, and so the name, are what they always were).
fn path_hash(path: &[u8]) -> String {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    h.write(path);
    format!("{:08x}", h.finish() >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_fixed_values_of_the_path() {
        let data = AppData::new("/data");
        let page = Path::new("/site/content/_index.md");
        assert_eq!(
            data.slot("journal", page),
            Path::new("/data/journal/2653c24d-_index.md")
        );
        // The name the builds before 2026-11-30 gave the same page.
        assert_eq!(
            data.legacy_slot("journal", page),
            Path::new("/data/journal/469abc4a-_index.md")
        );
    }

    #[test]
    fn a_journal_left_by_an_older_build_is_still_found_and_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let data = AppData::new(dir.path());
        let page = dir.path().join("site/about.md");
        let old = data.legacy_slot("journal", &page);
        std::fs::create_dir_all(&old).unwrap();
        let journal = Journal {
            path: page.clone(),
            base_page: "a".into(),
            base_config: None,
            page: "b".into(),
            config: None,
            saved_at: 1,
        };
        std::fs::write(
            old.join("journal.json"),
            serde_json::to_string(&journal).unwrap(),
        )
        .unwrap();
        assert_eq!(data.journal(&page).map(|j| j.page), Some("b".to_string()));
        data.clear_journal(&page);
        assert!(data.journal(&page).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn names_that_differ_only_in_bytes_that_are_not_utf8_get_their_own_folders() {
        use std::os::unix::ffi::OsStrExt;
        let data = AppData::new("/data");
        let a = Path::new(std::ffi::OsStr::from_bytes(b"/site/page-\xff.md"));
        let b = Path::new(std::ffi::OsStr::from_bytes(b"/site/page-\xfe.md"));
        assert_eq!(a.to_string_lossy(), b.to_string_lossy());
        assert_ne!(data.slot("journal", a), data.slot("journal", b));
    }

    #[test]
    fn the_root_and_a_bare_name_still_get_a_slot() {
        let data = AppData::new("/data");
        let root = data.slot("backups", Path::new("/"));
        assert!(root.starts_with("/data/backups"));
        assert!(root.to_string_lossy().ends_with("-page"));
        let bare = data.slot("backups", Path::new("page.md"));
        assert!(bare.to_string_lossy().ends_with("-page.md"));
    }
}
