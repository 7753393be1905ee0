//! An editing session: the page and site a user has open, their unsaved text, undo and
//! redo, the preview, and saving without ever overwriting an outside edit blindly.
//!
//! The desktop shell holds one `Session` behind a lock; each command calls one method.
//! Every edit goes through the engine's lossless apply, so the unsaved text is always what
//! Save would write, and the preview always shows that text.

mod edit;
mod outside;
mod preview;
mod save;
mod view;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use edit::Edit;
pub use outside::{Outside, Pending};
pub use preview::PreviewJob;
pub use view::{BlockAt, Broken, Update, View};

use crate::error::Result;
use crate::fs;
use crate::open_page::OpenPage;
use crate::page::{BlockSpan, Page};
use crate::render::CardCache;
use crate::site::Site;

/// Edits of one field closer together than this are undone as one step.
const COALESCE: Duration = Duration::from_millis(1500);
/// Undo steps kept.
const UNDO_MAX: usize = 500;
/// Pages with more blocks than this are previewed around the block being edited.
pub const PREVIEW_ALL: usize = 40;

/// The texts a session can change: the page and the file holding the site params.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The page file's text.
    pub page: String,
    /// The params file's text, when the site has one.
    pub config: Option<String>,
}

/// What Save did.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum SaveOutcome {
    /// Written; the previous files were backed up.
    Saved {
        /// The backup of each file replaced (in the app data folder's `backups/`).
        backups: Vec<PathBuf>,
    },
    /// Nothing to write.
    Unchanged,
    /// The files changed on disk since they were loaded: nothing was written; the change
    /// was merged in (or its conflicts are to be settled) and is shown before saving.
    Outside {
        /// What the outside change did.
        outside: Outside,
    },
}

type PreviewKey = (u64, Option<std::ops::Range<usize>>);

/// One state of the unsaved text, as undo and redo keep it: the texts and the ids their
/// blocks had.
#[derive(Debug, Clone)]
struct Step {
    text: Snapshot,
    ids: Vec<usize>,
}

/// One open page.
pub struct Session {
    path: PathBuf,
    site: Arc<Site>,
    /// The unsaved texts.
    current: Snapshot,
    /// The texts as last loaded from or saved to disk.
    disk: Snapshot,
    /// The unsaved page, parsed, with its site (`None` while it does not parse). Shared, so
    /// the preview and export can work on it after the session lock is released.
    open: Option<Arc<OpenPage>>,
    /// The block ids of the unsaved page, by position: an id names the same block for the
    /// life of the session, whatever moves around it (see [`Session::block_ids`]).
    ids: Vec<usize>,
    next_id: usize,
    broken: Option<Broken>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Where in `undo` changes made outside Folio came in: at each such length, the next
    /// undo takes the text back to before one ([`Session::undo_reverts_outside`]).
    outside_marks: Vec<usize>,
    coalesce: Option<(String, Instant)>,
    /// The field being typed in, and the page from before it first changed.
    field_run: Option<edit::FieldRun>,
    version: u64,
    cache: Arc<CardCache>,
    /// The last preview, by (version, window).
    preview: Arc<Mutex<Option<(PreviewKey, bool, String)>>>,
    /// An outside change that conflicts with unsaved edits, waiting to be settled.
    pending: Option<Pending>,
    /// Set when the page file was removed or renamed outside Folio.
    missing: Option<outside::Missing>,
    /// The last few outside changes taken into the unsaved text, oldest first: the version
    /// each made, the text and ids before it and the text right after it (what an edit
    /// from forms that have not seen it is merged with: [`Session::edit_seen`]).
    outside_bases: Vec<(u64, Step, Snapshot)>,
    /// Whether the window was last told that the file on disk cannot be read (a syntax
    /// error, invalid UTF-8): its going back to the text Folio has is news then.
    told_unreadable: bool,
    /// The unsaved texts whose journal the user discarded ([`Session::forget_journal`]):
    /// none is kept of them again until they change.
    forgotten: Option<Snapshot>,
}

impl Session {
    /// Opens a page file, or a site folder's first portfolio page. A page that does not
    /// parse opens read-only, showing where and why.
    ///
    /// # Errors
    /// An IO error for an unreadable page or config, or a site error when the folder holds
    /// no portfolio page.
    pub fn open(path: &Path) -> Result<Session> {
        let page = crate::site::page_of(path)?;
        let site = Site::for_page(&page)?;
        let text = fs::read_text(&page)?;
        let config = site.params_file().map(|f| f.src.clone());
        let current = Snapshot { page: text, config };
        let mut s = Session {
            path: std::path::absolute(&page).unwrap_or(page),
            site: Arc::new(site),
            disk: current.clone(),
            current: current.clone(),
            open: None,
            ids: Vec::new(),
            next_id: 0,
            broken: None,
            undo: Vec::new(),
            redo: Vec::new(),
            outside_marks: Vec::new(),
            coalesce: None,
            field_run: None,
            version: 0,
            cache: Arc::default(),
            preview: Arc::default(),
            pending: None,
            missing: None,
            outside_bases: Vec::new(),
            told_unreadable: false,
            forgotten: None,
        };
        s.set_current(current, None, None);
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

    /// The folders the watcher watches for template changes: the site's, its themes' and
    /// modules' `layouts/`, and beside each the `data/`, `i18n/` and `assets/` the
    /// templates read (the site's where its config puts them: `Site::folders_beside`), and
    /// a theme's or module's config (`hugo.*` or `config.*`, a file, and `config/`), whose
    /// params the templates see: a change reloads them all, as a template change does.
    pub fn template_folders(&self) -> Vec<PathBuf> {
        let layouts = crate::templates::Catalogue::folders(&self.site.template_sources());
        let mut folders = layouts.clone();
        for (k, l) in layouts.iter().enumerate() {
            if let Some(root) = l.parent() {
                folders.extend(self.site.folders_beside(root));
                if k > 0 {
                    // A theme's or module's config: its params lie under the site's.
                    folders.push(root.join("config"));
                    folders.extend(crate::site::find_config(root));
                }
            }
        }
        folders
    }

    /// The site's `folio.toml` (corrections to the forms; watched with the page).
    pub fn overrides_file(&self) -> PathBuf {
        self.site.root.join(crate::templates::overrides::FILE)
    }

    /// The parsed page, unless it is broken.
    pub fn open_page(&self) -> Option<&OpenPage> {
        self.open.as_deref()
    }

    /// The unsaved texts.
    pub fn current(&self) -> &Snapshot {
        &self.current
    }

    /// The texts as last loaded or saved.
    pub fn disk(&self) -> &Snapshot {
        &self.disk
    }

    /// Whether the page file was found gone (removed, renamed, or its folder moved).
    pub fn is_missing(&self) -> bool {
        self.missing.is_some()
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.current != self.disk
    }

    /// Whether there is an edit to undo. Not while the page is broken (an outside change
    /// that does not parse): the page is read-only until the file is fixed, and an undo
    /// would bring back a text whose save overwrites that outside change.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() && self.broken.is_none()
    }

    /// Whether the next undo takes the text back to before a change made outside Folio (a
    /// reload, a merge): the window asks first, as a save after it would overwrite that
    /// change on disk.
    pub fn undo_reverts_outside(&self) -> bool {
        self.can_undo() && self.outside_marks.contains(&self.undo.len())
    }

    /// Notes that a change made outside Folio has just come in (after its own undo step,
    /// when it has one). What was undone before it cannot be redone: a redo would bring
    /// back the text from before the change, unasked.
    fn mark_outside(&mut self) {
        self.redo.clear();
        let at = self.undo.len();
        self.outside_marks.retain(|&m| m <= at);
        if at > 0 && self.outside_marks.last() != Some(&at) {
            self.outside_marks.push(at);
        }
    }

    /// Whether there is an undone edit to redo; while the page is broken too (an undo back
    /// past a template change that left it unreadable: the redo brings back the text that
    /// reads). An outside change clears what could be redone ([`Session::mark_outside`]).
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The id of each block of the unsaved page, in page order. Ids are given when a page
    /// opens (0, 1, 2, …) and to each new block; a block keeps its id through edits, moves,
    /// undo and redo, and through outside changes that leave its text or place alone.
    pub fn block_ids(&self) -> &[usize] {
        &self.ids
    }

    /// Makes `next` the unsaved text. `parsed` is its page when the caller already parsed it
    /// (an edit's result), so each change is parsed once; `ids` are its block ids when known
    /// (undo and redo), else they are carried over from the blocks they match.
    fn set_current(&mut self, next: Snapshot, parsed: Option<Page>, ids: Option<Vec<usize>>) {
        // Everything is worked out first and stored last, so a panic on the way (a bug,
        // caught by the shell) leaves the session as it was.
        let mut site = Arc::clone(&self.site);
        if let (Some(text), Some(file)) = (&next.config, self.site.params_file()) {
            if *text != file.src {
                if let Ok(s) = self.site.with_params_text(text) {
                    site = Arc::new(s);
                }
            }
        }
        let same_page = next.page == self.current.page;
        let parsed = match (parsed, &self.open) {
            (Some(page), _) => Ok(page),
            (None, Some(open)) if same_page => Ok(open.page.clone()),
            (None, _) => Page::parse_in(&next.page, &site.shortcodes),
        };
        let (open, broken, ids) = match parsed {
            Ok(page) => {
                let ids = match ids {
                    Some(ids) if ids.len() == page.blocks().len() => ids,
                    _ => self.carry_ids(&page),
                };
                let open = OpenPage {
                    path: self.path.clone(),
                    page,
                    site: Arc::clone(&site),
                };
                (Some(Arc::new(open)), None, ids)
            }
            Err(e) => (
                None,
                Some(Broken::new(&self.path, &next.page, &e)),
                self.ids.clone(),
            ),
        };
        self.site = site;
        self.open = open;
        self.broken = broken;
        self.ids = ids;
        self.current = next;
        self.version += 1;
    }

    /// Ids for the blocks of `page`, a new version of the open page (an outside change, a
    /// reload, an edit that changed the blocks): a block keeps the id of the old block with
    /// the same text at the same place, else of the first unclaimed old block with the same
    /// text, else of the old block of the same kind at the same place; the rest get new ids.
    fn carry_ids(&mut self, page: &Page) -> Vec<usize> {
        let old: Vec<(&str, &BlockSpan)> = match &self.open {
            Some(open) => open
                .page
                .blocks()
                .iter()
                .map(|b| (open.page.block_source(b), b))
                .collect(),
            None => Vec::new(),
        };
        let new: Vec<(&str, &BlockSpan)> = page
            .blocks()
            .iter()
            .map(|b| (page.block_source(b), b))
            .collect();
        let mut claimed = vec![false; old.len()];
        let mut ids: Vec<Option<usize>> = vec![None; new.len()];
        let same_kind =
            |a: &BlockSpan, b: &BlockSpan| std::mem::discriminant(a) == std::mem::discriminant(b);
        let passes: [&dyn Fn(usize, usize) -> bool; 3] = [
            &|i, o| i == o && old.get(o).map(|x| x.0) == new.get(i).map(|x| x.0),
            &|i, o| old.get(o).map(|x| x.0) == new.get(i).map(|x| x.0),
            &|i, o| {
                i == o
                    && matches!((old.get(o), new.get(i)), (Some(a), Some(b)) if same_kind(a.1, b.1))
            },
        ];
        for matches in passes {
            for (i, id) in ids.iter_mut().enumerate() {
                if id.is_some() {
                    continue;
                }
                let found = (0..old.len())
                    .find(|&o| !claimed.get(o).copied().unwrap_or(true) && matches(i, o));
                if let Some(o) = found {
                    if let Some(c) = claimed.get_mut(o) {
                        *c = true;
                    }
                    *id = self.ids.get(o).copied();
                }
            }
        }
        ids.into_iter()
            .map(|id| id.unwrap_or_else(|| self.new_id()))
            .collect()
    }

    /// A block id never given before in this session.
    fn new_id(&mut self) -> usize {
        let id = self.next_id.max(self.ids.iter().max().map_or(0, |m| m + 1));
        self.next_id = id + 1;
        id
    }

    /// Replaces the unsaved texts, as one undo step unless `coalesce` names the same field
    /// as the previous edit, moments ago. `parsed` and `ids` as in [`Session::set_current`].
    fn replace(
        &mut self,
        next: Snapshot,
        parsed: Option<Page>,
        ids: Option<Vec<usize>>,
        coalesce: Option<String>,
    ) {
        if next == self.current {
            if let Some(ids) = ids {
                // Same text, new identities (a move of two equal blocks): keep the text.
                self.ids = ids;
            }
            return;
        }
        let now = Instant::now();
        let merge = matches!((&coalesce, &self.coalesce), (Some(k), Some((last, at))) if k == last && now.duration_since(*at) < COALESCE);
        if !merge {
            // Marks past the new step were undone, and their redo goes now.
            let at = self.undo.len();
            self.outside_marks.retain(|&m| m <= at);
            self.undo.push(self.step());
            if self.undo.len() > UNDO_MAX {
                self.undo.remove(0);
                self.outside_marks = self
                    .outside_marks
                    .iter()
                    .filter_map(|m| m.checked_sub(1).filter(|&m| m > 0))
                    .collect();
            }
        }
        self.coalesce = coalesce.map(|k| (k, now));
        self.redo.clear();
        self.set_current(next, parsed, ids);
    }

    /// The unsaved state, as undo keeps it.
    fn step(&self) -> Step {
        Step {
            text: self.current.clone(),
            ids: self.ids.clone(),
        }
    }

    /// Undoes the last edit (or reload).
    pub fn undo(&mut self) -> Update {
        if !self.can_undo() {
            return self.update(true);
        }
        if let Some(prev) = self.undo.pop() {
            self.redo.push(self.step());
            self.coalesce = None;
            self.set_current(prev.text, None, Some(prev.ids));
        }
        self.update(true)
    }

    /// Redoes what undo undid.
    pub fn redo(&mut self) -> Update {
        if !self.can_redo() {
            return self.update(true);
        }
        if let Some(next) = self.redo.pop() {
            self.undo.push(self.step());
            self.coalesce = None;
            self.set_current(next.text, None, Some(next.ids));
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
        self.replace(fresh, None, None, None);
        Ok(self.update(true))
    }
}
