//! Saving the unsaved text: never over an outside edit the user has not seen, each file
//! written atomically after a backup of what it replaces.

use super::{Outside, SaveOutcome, Session, Snapshot};
use crate::error::{Error, Result};
use crate::fs;
use crate::storage::AppData;

impl Session {
    /// Saves the unsaved texts. If the files changed on disk since they were read, nothing
    /// is written: the outside change is merged first (or its conflicts shown), so Save never
    /// overwrites bytes the user has not seen; `overwrite` skips that, after the user chose
    /// to replace their version. The files about to be replaced are backed up in `data`.
    ///
    /// # Errors
    /// The files cannot be read or written; or the unsaved page does not parse and differs
    /// from the file (it is not written over it).
    pub fn save(&mut self, overwrite: bool, data: &AppData) -> Result<SaveOutcome> {
        if let Some(p) = &self.pending {
            if !overwrite {
                return Ok(SaveOutcome::Outside {
                    outside: Outside::Conflicts {
                        conflicts: p.conflicts.clone(),
                    },
                });
            }
        }
        if self.broken.is_some() && self.current.page != self.disk.page {
            return Err(self.unreadable_save());
        }
        if self.broken.is_some() && self.current == self.disk {
            return Ok(SaveOutcome::Unchanged);
        }
        let on_disk = self.read_disk()?;
        let changed_outside =
            on_disk.as_ref() != Some(&self.disk) && on_disk.as_ref() != Some(&self.current);
        if changed_outside && !overwrite {
            if let Some(theirs) = on_disk.clone() {
                let outside = self.absorb(theirs)?;
                if !matches!(outside, Outside::Nothing) {
                    return Ok(SaveOutcome::Outside { outside });
                }
            }
        }
        if on_disk.is_none() {
            self.folder_is_there()?;
        }
        let on_disk = on_disk.unwrap_or_else(|| Snapshot {
            page: String::new(),
            config: self.disk.config.clone(),
        });
        if on_disk == self.current && self.missing.is_none() {
            self.disk = self.current.clone();
            return Ok(SaveOutcome::Unchanged);
        }
        let backups = self.write(&on_disk, data)?;
        self.disk = self.current.clone();
        self.pending = None;
        self.missing = None;
        data.clear_journal(&self.path);
        Ok(SaveOutcome::Saved { backups })
    }

    /// Writes the page and the params file where they differ from `on_disk`, each backed
    /// up first, giving the backups. Both are written together: a params file that may
    /// not be written leaves the page as it was too.
    fn write(&self, on_disk: &Snapshot, data: &AppData) -> Result<Vec<std::path::PathBuf>> {
        let params_path = self.site.params_file().map(|f| f.path.clone());
        let mut backups = Vec::new();
        let mut files: Vec<(&std::path::Path, &[u8])> = Vec::new();
        if on_disk.page != self.current.page || self.missing.is_some() {
            if !on_disk.page.is_empty() {
                backups.push(data.backup(&self.path, &on_disk.page)?);
            }
            files.push((&self.path, self.current.page.as_bytes()));
        }
        if let (Some(path), Some(old), Some(new)) =
            (&params_path, &on_disk.config, &self.current.config)
        {
            if old != new {
                backups.push(data.backup(path, old)?);
                files.push((path, new.as_bytes()));
            }
        }
        fs::write_all_atomic(&files)?;
        Ok(backups)
    }

    /// Why a page text the site's templates do not read (an undo back past a template
    /// change) is not written over the file, which Hugo reads: Save As keeps it elsewhere.
    fn unreadable_save(&self) -> Error {
        Error::site(
            &self.path,
            "this text does not read with the site's templates now, so Folio does not write \
             it over the page's file: Save As keeps it in another file",
        )
    }

    /// A page removed is written again; one whose folder went (the site moved or deleted)
    /// is not: its folders are not made again somewhere the user left.
    ///
    /// # Errors
    /// The page's folder is gone, saying what to do.
    fn folder_is_there(&self) -> Result<()> {
        match self.path.parent().filter(|d| !d.is_dir()) {
            Some(folder) => Err(Error::site(
                folder,
                "this folder is gone: it was moved or deleted outside Folio. Nothing was \
                 saved, and your text is still here: save it elsewhere with Save as…",
            )),
            None => Ok(()),
        }
    }

    /// The page and params file as they are on disk now (`None` when the page is gone).
    pub(super) fn read_disk(&self) -> Result<Option<Snapshot>> {
        let page = match crate::fs::read(&self.path) {
            Ok(bytes) => crate::fs::decode(&self.path, bytes)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(&self.path, e)),
        };
        let config = match self.site.params_file() {
            Some(f) => match crate::fs::read(&f.path) {
                Ok(bytes) => Some(crate::fs::decode(&f.path, bytes)?),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => self.disk.config.clone(),
                Err(e) => return Err(Error::io(&f.path, e)),
            },
            None => None,
        };
        Ok(Some(Snapshot { page, config }))
    }
}
