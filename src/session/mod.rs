//! An editing session: the page and site a user has open, their unsaved text, undo and
//! redo, the preview, and saving without ever overwriting an outside edit blindly.
//!
//! The desktop shell holds one `Session` behind a lock; each command calls one method.
//! Every edit goes through the engine's lossless apply, so the unsaved text is always what
//! Save would write, and the preview always shows that text.

mod edit;
mod outside;
mod view;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use edit::Edit;
pub use outside::{Outside, Pending};
pub use view::{Broken, Update, View};

use crate::error::{Error, Result};
use crate::fs;
use crate::open_page::OpenPage;
use crate::render::CardCache;
use crate::site::Site;
use crate::storage::AppData;

/// Edits of one field closer together than this are undone as one step.
const COALESCE: Duration = Duration::from_millis(1500);
/// Undo steps kept.
const UNDO_MAX: usize = 500;
/// Pages with more blocks than this are previewed around the block being edited.
pub const PREVIEW_ALL: usize = 40;

/// The texts a session can change: the page and the file holding the site params.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub page: String,
    /// The params file's text, when the site has one.
    pub config: Option<String>,
}

/// What Save did.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum SaveOutcome {
    /// Written; the previous files were backed up.
    Saved { backups: Vec<PathBuf> },
    /// Nothing to write.
    Unchanged,
    /// The files changed on disk since they were loaded: nothing was written; the change
    /// was merged in (or its conflicts are to be settled) and is shown before saving.
    Outside { outside: Outside },
}

type PreviewKey = (u64, Option<std::ops::Range<usize>>);

/// One open page.
pub struct Session {
    path: PathBuf,
    site: Site,
    /// The unsaved texts.
    current: Snapshot,
    /// The texts as last loaded from or saved to disk.
    disk: Snapshot,
    doc: Option<OpenPage>,
    broken: Option<Broken>,
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    coalesce: Option<(String, Instant)>,
    version: u64,
    cache: CardCache,
    /// The last preview, by (version, window).
    preview: std::sync::Mutex<Option<(PreviewKey, String)>>,
    /// An outside change that conflicts with unsaved edits, waiting to be settled.
    pending: Option<Pending>,
    /// Set when the page file was removed or renamed outside Folio.
    missing: Option<outside::Missing>,
}

impl Session {
    /// Opens a page file, or a site folder's first portfolio page. A page that does not
    /// parse opens read-only, showing where and why.
    pub fn open(path: &Path) -> Result<Session> {
        let page = crate::site::page_of(path)?;
        let site = Site::for_page(&page)?;
        let text = fs::read_text(&page)?;
        let config = site.params_file().map(|f| f.src.clone());
        let current = Snapshot { page: text, config };
        let mut s = Session {
            path: std::path::absolute(&page).unwrap_or(page),
            site,
            disk: current.clone(),
            current,
            doc: None,
            broken: None,
            undo: Vec::new(),
            redo: Vec::new(),
            coalesce: None,
            version: 0,
            cache: CardCache::default(),
            preview: std::sync::Mutex::new(None),
            pending: None,
            missing: None,
        };
        s.reparse();
        Ok(s)
    }

    /// The page file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The site.
    pub fn site(&self) -> &Site {
        &self.site
    }

    /// The parsed page, unless it is broken.
    pub fn open_page(&self) -> Option<&OpenPage> {
        self.doc.as_ref()
    }

    /// The unsaved texts.
    pub fn current(&self) -> &Snapshot {
        &self.current
    }

    /// The texts as last loaded or saved.
    pub fn disk(&self) -> &Snapshot {
        &self.disk
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.current != self.disk
    }

    /// Re-reads the texts into the parsed document (or the broken state).
    fn reparse(&mut self) {
        if let (Some(text), Some(file)) = (&self.current.config, self.site.params_file()) {
            if *text != file.src {
                if let Ok(site) = self.site.with_params_text(text) {
                    self.site = site;
                }
            }
        }
        match crate::page::Page::parse(&self.current.page) {
            Ok(page) => {
                self.doc = Some(OpenPage {
                    path: self.path.clone(),
                    page,
                    site: self.site.clone(),
                });
                self.broken = None;
            }
            Err(e) => {
                self.broken = Some(Broken::new(&self.path, &self.current.page, &e));
                self.doc = None;
            }
        }
        self.version += 1;
    }

    /// Replaces the unsaved texts, as one undo step unless `coalesce` names the same field
    /// as the previous edit, moments ago.
    fn replace(&mut self, next: Snapshot, coalesce: Option<String>) {
        if next == self.current {
            return;
        }
        let now = Instant::now();
        let merge = matches!((&coalesce, &self.coalesce), (Some(k), Some((last, at))) if k == last && now.duration_since(*at) < COALESCE);
        if !merge {
            self.undo.push(self.current.clone());
            if self.undo.len() > UNDO_MAX {
                self.undo.remove(0);
            }
        }
        self.coalesce = coalesce.map(|k| (k, now));
        self.redo.clear();
        self.current = next;
        self.reparse();
    }

    /// Undoes the last edit (or reload).
    pub fn undo(&mut self) -> Update {
        if let Some(prev) = self.undo.pop() {
            self.redo.push(std::mem::replace(&mut self.current, prev));
            self.coalesce = None;
            self.reparse();
        }
        self.update(true)
    }

    /// Redoes what undo undid.
    pub fn redo(&mut self) -> Update {
        if let Some(next) = self.redo.pop() {
            self.undo.push(std::mem::replace(&mut self.current, next));
            self.coalesce = None;
            self.reparse();
        }
        self.update(true)
    }

    /// Discards unsaved changes and reads the files again (undoable).
    pub fn reload(&mut self) -> Result<Update> {
        let page = fs::read_text(&self.path)?;
        let config = match self.site.params_file() {
            Some(f) => Some(fs::read_text(&f.path)?),
            None => None,
        };
        let fresh = Snapshot { page, config };
        self.disk = fresh.clone();
        self.replace(fresh, None);
        Ok(self.update(true))
    }

    /// Saves the unsaved texts. If the files changed on disk since they were read, nothing
    /// is written: the outside change is merged first (or its conflicts shown), so Save never
    /// overwrites bytes the user has not seen; `overwrite` skips that, after the user chose
    /// to replace their version. The files about to be replaced are backed up in `data`.
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
        if self.broken.is_some() && self.current == self.disk {
            return Ok(SaveOutcome::Unchanged);
        }
        let params_path = self.site.params_file().map(|f| f.path.clone());
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
        let on_disk = on_disk.unwrap_or_else(|| Snapshot {
            page: String::new(),
            config: self.disk.config.clone(),
        });
        if on_disk == self.current && self.missing.is_none() {
            self.disk = self.current.clone();
            return Ok(SaveOutcome::Unchanged);
        }
        let mut backups = Vec::new();
        if on_disk.page != self.current.page || self.missing.is_some() {
            if !on_disk.page.is_empty() {
                backups.push(data.backup(&self.path, &on_disk.page)?);
            }
            fs::write_atomic(&self.path, self.current.page.as_bytes())?;
        }
        if let (Some(path), Some(old), Some(new)) =
            (&params_path, &on_disk.config, &self.current.config)
        {
            if old != new {
                backups.push(data.backup(path, old)?);
                fs::write_atomic(path, new.as_bytes())?;
            }
        }
        self.disk = self.current.clone();
        self.pending = None;
        self.missing = None;
        data.clear_journal(&self.path);
        Ok(SaveOutcome::Saved { backups })
    }

    /// The page and params file as they are on disk now (`None` when the page is gone).
    fn read_disk(&self) -> Result<Option<Snapshot>> {
        let page = match std::fs::read(&self.path) {
            Ok(bytes) => crate::page::decode(&self.path, bytes)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(&self.path, e)),
        };
        let config = match self.site.params_file() {
            Some(f) => match std::fs::read(&f.path) {
                Ok(bytes) => Some(crate::page::decode(&f.path, bytes)?),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => self.disk.config.clone(),
                Err(e) => return Err(Error::io(&f.path, e)),
            },
            None => None,
        };
        Ok(Some(Snapshot { page, config }))
    }

    /// The preview document of the unsaved text (kept until the next edit). `files_base`
    /// is where the app serves the site's images from. A page longer than [`PREVIEW_ALL`]
    /// blocks is previewed around block `anchor` only: a browser lays a thousand cards out
    /// far slower than a person types.
    pub fn preview(&self, files_base: Option<&str>, anchor: Option<usize>) -> String {
        let window = self.doc.as_ref().and_then(|d| {
            let n = d.page.blocks().len();
            (n > PREVIEW_ALL).then(|| {
                let at = anchor.unwrap_or(0).min(n - 1);
                let start = at.saturating_sub(PREVIEW_ALL / 2).min(n - PREVIEW_ALL);
                start..start + PREVIEW_ALL
            })
        });
        let key = (self.version, window.clone());
        let mut slot = self.preview.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((k, html)) = slot.as_ref() {
            if *k == key {
                return html.clone();
            }
        }
        let html = match &self.doc {
            Some(doc) => doc.preview_window(Some(&self.cache), files_base, window),
            None => view::broken_preview(self.broken.as_ref()),
        };
        *slot = Some((key, html.clone()));
        html
    }

    /// The version the preview and forms are at (it changes with every edit).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Exports the unsaved text.
    pub fn export(&self, out: &Path) -> Result<crate::export::Report> {
        match &self.doc {
            Some(doc) => crate::export::export(doc, out),
            None => Err(Error::site(
                &self.path,
                "the page has an error; fix it before exporting",
            )),
        }
    }
}

#[cfg(test)]
mod tests;
