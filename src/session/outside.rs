//! Outside edits: a change on disk reloads a clean session, and is merged three ways into a
//! dirty one (base = what Folio last loaded or saved, mine = the unsaved text, theirs = the
//! disk). Overlapping changes wait as conflicts; nothing is written until they are settled.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use super::{Broken, Session, Snapshot};
use crate::error::{Error, Result};
use crate::merge::{self, Conflict, Resolution, Sides};
use crate::model::Portfolio;
use crate::page::Page;
use crate::watch::Change;

/// How many outside changes' texts are kept for edits from forms that have not seen them
/// ([`Session::edit_seen`]): a window takes each in within a keystroke or two.
const OUTSIDE_BASES: usize = 8;

/// What an outside change did to the session.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Outside {
    /// Nothing new (Folio's own save, or a write of the same bytes).
    Nothing,
    /// No unsaved edits: the new text was loaded.
    Reloaded,
    /// Merged into the unsaved edits; `incoming` says what the unsaved text took in (empty
    /// when every outside change was settled in favour of it).
    Merged {
        /// What came in, in words ("front matter “title”", "talk “Queues” added or edited",
        /// "5 blocks added or edited").
        incoming: Vec<String>,
    },
    /// Both sides changed the same fields: settle these first.
    Conflicts {
        /// One per field changed on both sides.
        conflicts: Vec<Conflict>,
    },
    /// The page was removed (or a folder above it moved); the text in Folio is kept.
    Removed,
    /// The page, found gone, is there again as Folio last read or saved it.
    Back,
    /// The page was renamed to `to`; the text in Folio is kept.
    Renamed {
        /// The page's new path.
        to: PathBuf,
    },
    /// The unsaved edits and the outside change overlap, and Folio cannot read the
    /// page's blocks to merge them (it does not parse with the site's templates now): the
    /// file's text was taken in, and an undo brings the unsaved text back, read-only (it
    /// does not parse), to keep with Save As (Save does not write it over the file).
    Replaced,
    /// The new text does not parse: the unsaved edits are kept, and merged again once it
    /// parses.
    Unparsable {
        /// Where and why the new text does not parse.
        broken: Broken,
    },
    /// The site config changed: params and preview were reloaded.
    ConfigReloaded,
    /// A shortcode template changed: the site's shortcodes were read again and the page
    /// parsed with them.
    TemplatesReloaded,
    /// Some folders cannot be watched: edits made there outside Folio go unseen (the page,
    /// the config and the templates elsewhere are still watched).
    Unwatched {
        /// Each folder and why, one line each.
        problems: Vec<String>,
    },
}

impl Outside {
    /// What the window is told when an outside change could not be read at all (the page
    /// turned to invalid UTF-8, say): unparsable, at the error's own line and column.
    pub fn unreadable(err: &crate::error::Error) -> Outside {
        Outside::Unparsable {
            broken: Broken::from_error(err),
        }
    }
}

/// An outside change waiting for conflicts to be settled.
#[derive(Debug, Clone)]
pub struct Pending {
    /// The files' texts on disk.
    pub theirs: Snapshot,
    /// The fields both sides changed.
    pub conflicts: Vec<Conflict>,
}

/// Why the page file is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    Removed,
    Renamed(PathBuf),
}

impl Session {
    /// Reacts to changes the watcher saw.
    pub fn outside_change(&mut self, changes: &[Change]) -> Result<Outside> {
        let settings_files = self.site.settings_files();
        let settings_dir = self.site.settings_dir();
        let params = self.site.params_file().map(|f| f.path.clone());
        let in_settings_dir =
            |p: &std::path::Path| settings_dir.as_ref().is_some_and(|d| p.starts_with(d));
        // A settings file, or any file of the config folder but the params' (a new one
        // may be a setting: the folder is watched as a whole).
        let is_settings = |c: &Change| {
            settings_files.iter().any(|f| f == c.path())
                || in_settings_dir(c.path()) && Some(c.path()) != params.as_deref()
        };
        let is_templates = |c: &Change| {
            (matches!(c, Change::Templates(_))
                || c.path().file_name() == Some(crate::templates::overrides::FILE.as_ref()))
                && !in_settings_dir(c.path())
        };
        // A file under `assets/` is read at each render (a stylesheet, a resource): the
        // preview is drawn again even when the templates say nothing new.
        let assets = changes.iter().any(|c| {
            matches!(c, Change::Templates(p) if p.components().any(|part| part.as_os_str() == "assets"))
        });
        let files: Vec<Change> = changes
            .iter()
            .filter(|c| !is_templates(c) && !is_settings(c))
            // The params' file, seen by the config folder's watch.
            .map(|c| match c {
                Change::Templates(p) => Change::Modified(p.clone()),
                other => other.clone(),
            })
            .collect();
        let templates = changes
            .iter()
            .any(is_templates)
            .then(|| self.templates_changed(assets));
        let settings = changes
            .iter()
            .any(is_settings)
            .then(|| self.settings_changed());
        // The page's own news first, then the templates', then the settings'.
        let page = self
            .files_changed(&files)
            .inspect_err(|_| self.told_unreadable = true)?;
        Ok([Some(page), templates, settings]
            .into_iter()
            .flatten()
            .find(|o| *o != Outside::Nothing)
            .unwrap_or(Outside::Nothing))
    }

    /// Reads the site's settings files again (the config when the params have their
    /// own file, `config/_default/markup.toml`…) and draws the page with them.
    fn settings_changed(&mut self) -> Outside {
        let mut site = (*self.site).clone();
        match site.reload_settings() {
            Ok(false) => Outside::Nothing,
            Ok(true) => {
                self.use_site(site);
                Outside::ConfigReloaded
            }
            Err(e) => Outside::unreadable(&e),
        }
    }

    /// Takes `site` (its templates or settings read again) and parses the unsaved page
    /// with it, though its text is the same. Block ids are kept when the blocks stay the
    /// same.
    fn use_site(&mut self, site: crate::site::Site) {
        self.site = Arc::new(site);
        let ids = self.ids.clone();
        self.open = None;
        self.cache = Arc::default();
        self.set_current(self.current.clone(), None, Some(ids));
    }

    /// Reads the site's shortcode templates (and `data/`, `i18n/`) again and, when they say
    /// something new (or `redraw`: a file they read changed), parses the unsaved page with
    /// them (a template that gained `.Inner` changes which
    /// shortcodes are paired). Block ids are kept when the blocks stay the same.
    pub fn templates_changed(&mut self, redraw: bool) -> Outside {
        self.site.forget_stylesheets();
        let mut site = (*self.site).clone();
        if let Err(e) = site.reload_shortcodes() {
            return Outside::unreadable(&e);
        }
        let same = site.shortcodes == self.site.shortcodes
            && site.files == self.site.files
            && site.theme_params() == self.site.theme_params();
        if same && !redraw {
            return Outside::Nothing;
        }
        self.use_site(site);
        Outside::TemplatesReloaded
    }

    fn files_changed(&mut self, changes: &[Change]) -> Result<Outside> {
        if changes.is_empty() {
            return Ok(Outside::Nothing);
        }
        let page_gone = changes
            .iter()
            .find(|c| c.path() == self.path && !matches!(c, Change::Modified(_)));
        if let Some(c) = page_gone {
            // Gone already, and said (the watch and the look for the file both saw it).
            if self.missing.is_some() && !self.path.exists() && matches!(c, Change::Removed(_)) {
                return Ok(Outside::Nothing);
            }
            if !self.path.exists() {
                let (missing, outside) = match c {
                    Change::Renamed { to, .. } => (
                        Missing::Renamed(to.clone()),
                        Outside::Renamed { to: to.clone() },
                    ),
                    _ => (Missing::Removed, Outside::Removed),
                };
                self.missing = Some(missing);
                self.version += 1;
                return Ok(outside);
            }
        }
        match self.read_disk()? {
            Some(theirs) => self.absorb(theirs),
            None => Ok(Outside::Nothing),
        }
    }

    /// Takes the disk's texts in: loads them, merges them, or holds their conflicts.
    pub(super) fn absorb(&mut self, theirs: Snapshot) -> Result<Outside> {
        let was_missing = self.missing.take().is_some();
        let was_unreadable = std::mem::take(&mut self.told_unreadable);
        if theirs == self.disk || theirs == self.current {
            // Folio's own save (recognised by its bytes), or the very text already shown.
            self.disk = theirs;
            // Conflicts with a text the file no longer holds (a writer that emptied it
            // first, an outside edit undone) are over, and the unsaved text stays.
            // So is a text that could not be read: the notice of it goes.
            if self.pending.take().is_some() || was_unreadable {
                self.version += 1;
                return Ok(Outside::Merged {
                    incoming: Vec::new(),
                });
            }
            if was_missing {
                self.version += 1;
                return Ok(Outside::Back);
            }
            return Ok(Outside::Nothing);
        }
        let config_only = theirs.page == self.disk.page;
        if !self.is_dirty() || self.broken.is_some() && self.current == self.disk {
            let before = self.step();
            self.disk = theirs.clone();
            self.pending = None;
            self.set_current(theirs, None, None);
            self.note_outside(before);
            return Ok(if config_only {
                Outside::ConfigReloaded
            } else {
                Outside::Reloaded
            });
        }
        self.merge_with(theirs, &HashMap::new())
    }

    /// Settles the pending conflicts (one resolution per conflict's `at`).
    pub fn resolve(&mut self, resolutions: &HashMap<String, Resolution>) -> Result<Outside> {
        let Some(p) = self.pending.clone() else {
            return Ok(Outside::Nothing);
        };
        self.merge_with(p.theirs, resolutions)
    }

    /// Keeps the unsaved text and saves it, from now on, as `to` (after a rename outside).
    /// The journal of its unsaved edits under the old name goes (`data`): they are this
    /// page's now, and journalled under its new name.
    pub fn follow_rename(
        &mut self,
        to: &std::path::Path,
        data: &crate::storage::AppData,
    ) -> Result<Outside> {
        data.clear_journal(&self.path);
        self.moved_to(to);
        self.missing = None;
        match self.read_disk()? {
            Some(theirs) => self.absorb(theirs),
            None => Ok(Outside::Nothing),
        }
    }

    /// The page is the file at `to` now: its references resolve from there, and what is
    /// said of it names it (review 50d, 1: the page kept its old place).
    fn moved_to(&mut self, to: &std::path::Path) {
        self.path = std::path::absolute(to).unwrap_or_else(|_| to.to_path_buf());
        if let Some(open) = self.open.as_deref() {
            self.open = Some(std::sync::Arc::new(crate::OpenPage {
                path: self.path.clone(),
                page: open.page.clone(),
                site: std::sync::Arc::clone(&open.site),
            }));
        }
    }

    /// Writes the unsaved text to `to` and goes on editing it there (Save As). The journal
    /// of the unsaved edits under the old name goes (`data`): they are saved.
    pub fn save_as(&mut self, to: &std::path::Path, data: &crate::storage::AppData) -> Result<()> {
        crate::fs::write_atomic(to, self.current.page.as_bytes())?;
        data.clear_journal(&self.path);
        self.moved_to(to);
        self.disk.page = self.current.page.clone();
        self.missing = None;
        self.version += 1;
        Ok(())
    }

    /// Whether unsaved edits differ from `journal` (so it is worth writing again): their
    /// text, or the page's name (after a rename followed, or Save as…).
    pub fn journal_differs(&self, journal: Option<&crate::storage::Journal>) -> bool {
        journal.is_none_or(|j| {
            j.page != self.current.page || j.config != self.current.config || j.path != self.path
        })
    }

    /// The journal of the unsaved edits, when there are any, and they are not the ones
    /// whose journal was discarded ([`Session::forget_journal`]).
    pub fn journal(&self) -> Option<crate::storage::Journal> {
        let forgotten = self.forgotten.as_ref() == Some(&self.current);
        (self.is_dirty() && !forgotten).then(|| crate::storage::Journal {
            path: self.path.clone(),
            base_page: self.disk.page.clone(),
            base_config: self.disk.config.clone(),
            page: self.current.page.clone(),
            config: self.current.config.clone(),
            saved_at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis()),
        })
    }

    /// Forgets the unsaved edits as they are now, for crash recovery: the user chose not
    /// to keep them (Don't save), so [`Session::journal`] gives none of them, and a
    /// journal written a moment later cannot offer them back (the e2e run of stop 63: the
    /// journal loop wrote one between the discard and the next page's opening).
    pub fn forget_journal(&mut self) {
        self.forgotten = Some(self.current.clone());
    }

    /// Brings back the unsaved edits of a journal, merged with the files as they are now
    /// (they may have changed since).
    pub fn restore(&mut self, journal: &crate::storage::Journal) -> Result<Outside> {
        let now = self.disk.clone();
        self.disk = Snapshot {
            page: journal.base_page.clone(),
            config: journal.base_config.clone(),
        };
        let edits = Snapshot {
            page: journal.page.clone(),
            config: journal.config.clone(),
        };
        self.replace(edits, None, None, None);
        if now == self.disk {
            return Ok(Outside::Nothing);
        }
        self.absorb(now)
    }

    /// The site as it reads with the params file's text `config` (the open site when that
    /// text does not parse, or there is no params file).
    fn site_with(&self, config: &Option<String>) -> crate::site::Site {
        match config {
            Some(text) => self
                .site
                .with_params_text(text)
                .unwrap_or_else(|_| (*self.site).clone()),
            None => (*self.site).clone(),
        }
    }

    /// Holds an outside change whose `conflicts` wait for the user (reported once).
    fn hold(&mut self, theirs: Snapshot, conflicts: Vec<Conflict>) -> Outside {
        if self
            .pending
            .as_ref()
            .is_some_and(|p| p.theirs == theirs && p.conflicts == conflicts)
        {
            return Outside::Nothing;
        }
        self.pending = Some(super::Pending {
            theirs,
            conflicts: conflicts.clone(),
        });
        self.version += 1;
        Outside::Conflicts { conflicts }
    }

    /// A params file changed outside that does not parse while params have unsaved edits:
    /// told as a page that does not parse is, the unsaved edits kept and merged once it
    /// parses (read as the open site's params, the unsaved ones would be taken for the
    /// file's and dropped).
    fn config_unparsable(&self, theirs: &Snapshot) -> Option<Outside> {
        // Without unsaved params, the page's edits merge and save, and the file stays theirs.
        if self.current.config == self.disk.config {
            return None;
        }
        let text = theirs.config.as_ref()?;
        let e = self.site.with_params_text(text).err()?;
        Some(Outside::Unparsable {
            broken: Broken::from_error(&e),
        })
    }

    fn merge_with(
        &mut self,
        theirs: Snapshot,
        resolutions: &HashMap<String, Resolution>,
    ) -> Result<Outside> {
        let theirs_page = match Page::parse_in(&theirs.page, &self.site.shortcodes) {
            Ok(p) => p,
            Err(e) => {
                // Keep the edits; merge again when the file parses (base stays as it was).
                self.told_unreadable = true;
                return Ok(Outside::Unparsable {
                    broken: Broken::new(&self.path, &theirs.page, &e),
                });
            }
        };
        if let Some(broken) = self.config_unparsable(&theirs) {
            self.told_unreadable = true;
            return Ok(broken);
        }
        let (Some(mine_doc), Ok(base_page)) = (
            self.open.clone(),
            Page::parse_in(&self.disk.page, &self.site.shortcodes),
        ) else {
            return Ok(self.take_unreadable(theirs));
        };
        let base_site = self.site_with(&self.disk.config);
        let theirs_site = self.site_with(&theirs.config);
        let base = with_params(&base_page, &base_site);
        let theirs_model = with_params(&theirs_page, &theirs_site);
        let mine = mine_doc.model();
        let merged = merge::merge(
            &Sides {
                base: &base,
                mine: &mine,
                theirs: &theirs_model,
                mine_sources: &block_sources(&mine_doc.page),
            },
            resolutions,
        );
        if !merged.conflicts.is_empty() {
            return Ok(self.hold(theirs, merged.conflicts));
        }
        let (page, config) =
            self.laid_over(&theirs_page, &theirs_site, &merged.model, &theirs.config)?;
        // What came in: what the merge changed of the unsaved text, so a change settled in
        // favour of the unsaved text is not named (review 49e, 2); one the forms do not
        // show (a comment, spacing) is said so (49e, 3).
        let took = self.take_merged(theirs, page, config);
        let now = self.open.as_ref().map(|doc| doc.model());
        let mut incoming = now.map(|now| describe(&mine, &now)).unwrap_or_default();
        if !took {
            incoming.clear();
        } else if incoming.is_empty() {
            incoming.push("the file's text outside the forms: comments or spacing".into());
        }
        Ok(Outside::Merged { incoming })
    }

    /// Makes the merged `page` and `config` the unsaved text, `theirs` what is on disk;
    /// whether anything came in (nothing when every change was settled in favour of the
    /// unsaved text), which an undo then asks before taking back.
    fn take_merged(&mut self, theirs: Snapshot, page: Page, config: Option<String>) -> bool {
        let text = page.to_string();
        let incoming = text != self.current.page || config != self.current.config;
        let before = self.step();
        self.pending = None;
        self.disk = theirs;
        self.replace(Snapshot { page: text, config }, Some(page), None, None);
        if incoming {
            self.note_outside(before);
        }
        incoming
    }

    /// Takes in an outside change to a page whose blocks Folio cannot read (the unsaved
    /// text, or the text it was loaded from, does not parse with the site's templates
    /// now, after a template changed): with unsaved edits, merged by lines as `git
    /// merge-file` merges (`diffy`) when they and the outside change touch different
    /// lines; else the file's text is taken in as an undo step of its own (an undo brings
    /// the unsaved text back), and said so ([`Outside::Replaced`]).
    fn take_unreadable(&mut self, theirs: Snapshot) -> Outside {
        let before = self.step();
        if self.current == self.disk {
            self.disk = theirs.clone();
            self.set_current(theirs, None, None);
            self.note_outside(before);
            return Outside::Reloaded;
        }
        let merged = merge_lines(&self.disk, &self.current, &theirs);
        self.disk = theirs.clone();
        self.pending = None;
        let outside = match merged {
            Some(text) => {
                self.replace(text, None, None, None);
                Outside::Merged {
                    incoming: vec!["the page's text, line by line".into()],
                }
            }
            None => {
                self.replace(theirs, None, None, None);
                Outside::Replaced
            }
        };
        self.note_outside(before);
        outside
    }

    /// Marks an outside change that replaced the unsaved text `before` (an undo step,
    /// asked about: [`Session::undo_reverts_outside`]); an edit from forms that have not
    /// seen it is merged over it ([`Session::edit_seen`]).
    fn note_outside(&mut self, before: super::Step) {
        if self.outside_bases.len() == OUTSIDE_BASES {
            self.outside_bases.remove(0);
        }
        self.outside_bases
            .push((self.version, before, self.current.clone()));
        self.mark_outside();
    }

    /// Applies a form edit from forms that last took in the whole page at version `seen`
    /// (the [`super::Update::version`] of an update that carried the model, as the edit
    /// was made). When outside changes came into the unsaved text after that, the forms'
    /// values are, where those changes are, what was there before them: the edit made to
    /// the text now would take them back. So it is made to the text now, and then each
    /// outside change is laid over it again as a merge three ways (the text before it,
    /// the edit's, the text right after it), as an outside change is merged into unsaved
    /// edits. The user's own typing since stays theirs (the edit holds it), and the update
    /// carries the whole model, for the forms to take the outside changes in.
    ///
    /// # Errors
    /// As [`Session::edit`]; and a model error naming the field when the edit and an
    /// outside change changed it differently (nothing is changed: the field is as the file
    /// has it now).
    pub fn edit_seen(
        &mut self,
        edit: super::Edit,
        coalesce: Option<String>,
        seen: u64,
    ) -> Result<super::Update> {
        let missed: Vec<(super::Step, Snapshot)> = self
            .outside_bases
            .iter()
            .filter(|(at, ..)| seen < *at)
            .map(|(_, before, after)| (before.clone(), after.clone()))
            .collect();
        let Some(now) = self.open.clone().filter(|_| !missed.is_empty()) else {
            return self.edit(edit, coalesce);
        };
        let mut next = self.current.clone();
        let mut shape = super::edit::Shape {
            ids: None,
            placed: None,
        };
        let made = self.edited_page(&now, &edit, &mut next, &mut shape)?;
        let mut page = made.unwrap_or_else(|| now.page.clone());
        let mut config = next.config;
        for (before, after) in missed {
            let mine_site = self.site_with(&config);
            let (before_page, before_site) = self.parsed(&before.text)?;
            let (after_page, after_site) = self.parsed(&after)?;
            let merged = merge::merge(
                &Sides {
                    base: &with_params(&before_page, &before_site),
                    mine: &with_params(&page, &mine_site),
                    theirs: &with_params(&after_page, &after_site),
                    mine_sources: &block_sources(&page),
                },
                &HashMap::new(),
            );
            if let Some(c) = merged.conflicts.first() {
                return Err(Error::model(
                    &self.path,
                    c.at.clone(),
                    format!(
                        "{} was changed outside Folio while this edit was made: it is as the \
                         file has it now, and the edit was not made",
                        c.label
                    ),
                ));
            }
            (page, config) =
                self.laid_over(&after_page, &after_site, &merged.model, &after.config)?;
        }
        self.field_run = None;
        self.replace(
            Snapshot {
                page: page.to_string(),
                config,
            },
            Some(page),
            None,
            None,
        );
        Ok(self.update(true))
    }

    /// A text of this session parsed, with the site as its params file has it.
    fn parsed(&self, text: &Snapshot) -> Result<(Page, crate::site::Site)> {
        let site = self.site_with(&text.config);
        let page = Page::parse_in(&text.page, &site.shortcodes)
            .map_err(|e| Error::site(&self.path, e.to_string()))?;
        Ok((page, site))
    }
}

impl Session {
    /// A merged `model` laid over `page` and `site`'s params file (whose text is `config`
    /// when the params did not change): the page and the params file's text it makes.
    fn laid_over(
        &self,
        page: &Page,
        site: &crate::site::Site,
        model: &Portfolio,
        config: &Option<String>,
    ) -> Result<(Page, Option<String>)> {
        let fail = |e: crate::formats::EditError| Error::model(&self.path, e.at, e.message);
        let page = page.apply(model).map_err(fail)?;
        let config = match site.params_edit(&model.params).map_err(fail)? {
            Some((_, text)) => Some(text),
            None => config.clone(),
        };
        Ok((page, config))
    }
}

/// `mine` and `theirs` merged by lines from `base`, page and params file each, as `git
/// merge-file` merges (`diffy`); `None` when both changed the same lines.
fn merge_lines(base: &Snapshot, mine: &Snapshot, theirs: &Snapshot) -> Option<Snapshot> {
    let page = diffy::merge(&base.page, &mine.page, &theirs.page).ok()?;
    let config = match (&base.config, &mine.config, &theirs.config) {
        (b, m, t) if m == b => t.clone(),
        (b, m, t) if t == b => m.clone(),
        (Some(b), Some(m), Some(t)) => Some(diffy::merge(b, m, t).ok()?),
        _ => return None,
    };
    Some(Snapshot { page, config })
}

/// The source text of each block of `page` (a block only one side has is written with it).
fn block_sources(page: &Page) -> Vec<String> {
    page.blocks()
        .iter()
        .map(|b| page.block_source(b).to_string())
        .collect()
}

/// The page's model with the site's params.
fn with_params(page: &Page, site: &crate::site::Site) -> Portfolio {
    Portfolio {
        params: site.params(),
        ..page.to_model()
    }
}

/// [`describe`] of the blocks: those added or edited (named, or counted when many),
/// removed, or else reordered or copied.
fn describe_blocks(before: &[crate::model::Block], after: &[crate::model::Block]) -> Vec<String> {
    let mut out = Vec::new();
    let strip = |b: &crate::model::Block| {
        serde_json::to_value(b)
            .map(|mut v| {
                if let Some(o) = v.as_object_mut() {
                    o.remove("id");
                }
                v
            })
            .ok()
    };
    let old: Vec<_> = before.iter().map(strip).collect();
    let new: Vec<_> = after.iter().map(strip).collect();
    let changed: Vec<&crate::model::Block> = after
        .iter()
        .zip(&new)
        .filter(|(_, b)| !old.contains(b))
        .map(|(block, _)| block)
        .collect();
    let gone = old.iter().filter(|b| !new.contains(b)).count();
    // A few blocks by name, so the user can find them; many by their number.
    if changed.len() <= NAMED_BLOCKS {
        for block in &changed {
            let at = after.iter().position(|b| std::ptr::eq(b, *block));
            out.push(changed_words(at.and_then(|i| before.get(i)), block));
        }
    } else {
        out.push(format!("{} blocks added or edited", changed.len()));
    }
    let changed = changed.len();
    if gone > changed {
        out.push(format!(
            "{} block{} removed",
            gone - changed,
            if gone - changed == 1 { "" } else { "s" }
        ));
    }
    // The same blocks in another order, or one more of a block already there (a copy).
    if out.is_empty() && old != new {
        out.push(match new.len().checked_sub(old.len()) {
            Some(0) | None => "blocks reordered".into(),
            Some(1) => "a copy of a block added".into(),
            Some(n) => format!("copies of {n} blocks added"),
        });
    }
    out
}

/// A block an outside change added or edited, in a few words: a container that stayed
/// where it was (`before`, the block at its place before), with its parameters as they
/// were, by what changed inside it (`in timeline: entry “2015” added or edited`, trial
/// 52a-11, where it said the whole timeline).
fn changed_words(before: Option<&crate::model::Block>, after: &crate::model::Block) -> String {
    use crate::model::Block;
    if let (Some(Block::Shortcode(b)), Block::Shortcode(a)) = (before, after) {
        if let (true, Some(was), Some(now)) = (
            a.name == b.name && a.params == b.params,
            &b.children,
            &a.children,
        ) {
            let inside = describe_blocks(was, now);
            if !inside.is_empty() {
                return format!("in {}: {}", block_words(after), inside.join(", "));
            }
        }
    }
    format!("{} added or edited", block_words(after))
}

/// How many blocks an outside change brought are named one by one ([`block_words`]);
/// more are counted.
const NAMED_BLOCKS: usize = 3;

/// A block in a few words, for what an outside change brought: a card or shortcode by
/// its name and its title (the first `title`, `name`, `label` or `heading` parameter with
/// a value, else the first with one), prose by its first words: `talk “Queues all the way
/// down”`, `text “I'm a Salvadoran software…”`.
fn block_words(block: &crate::model::Block) -> String {
    use crate::model::Block;
    match block {
        Block::Markdown { text, .. } => format!("text “{}”", first_words(text)),
        Block::Card(card) => format!("project-card “{}”", first_words(&card.title)),
        Block::Shortcode(sc) => {
            let params = sc.params.as_deref().unwrap_or_default();
            // The first title-like one with a value, else the first with a value (as the
            // form's header, `ui/shortcodes.js` `titleSlot`, but in the call's order).
            let set = |p: &&crate::model::ParamValue| !p.value.trim().is_empty();
            let titled = params.iter().filter(set).find(|p| {
                p.name.as_deref().is_some_and(|n| {
                    ["title", "name", "label", "heading"]
                        .iter()
                        .any(|k| n.eq_ignore_ascii_case(k))
                })
            });
            match titled.or_else(|| params.iter().find(set)) {
                Some(p) => format!("{} “{}”", sc.name, first_words(&p.value)),
                None => sc.name.clone(),
            }
        }
    }
}

/// `text`'s first words, blanks collapsed, cut to about 30 characters with `…`.
fn first_words(text: &str) -> String {
    const MAX: usize = 30;
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match words.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", words.get(..cut).unwrap_or_default().trim_end()),
        None => words,
    }
}

/// What changed between two models, in words, for the "merged" notice.
fn describe(before: &Portfolio, after: &Portfolio) -> Vec<String> {
    let mut out = Vec::new();
    let keys = |a: &serde_json::Map<String, serde_json::Value>,
                b: &serde_json::Map<String, serde_json::Value>| {
        let mut k: Vec<String> = a
            .keys()
            .chain(b.keys())
            .filter(|k| a.get(*k) != b.get(*k))
            .cloned()
            .collect();
        k.sort();
        k.dedup();
        k
    };
    for k in keys(&before.front_matter, &after.front_matter) {
        out.push(format!("front matter “{k}”"));
    }
    for k in keys(&before.params, &after.params) {
        out.push(format!("site param “{k}”"));
    }
    out.extend(describe_blocks(&before.blocks, &after.blocks));
    out
}

#[cfg(test)]
mod tests {
    use super::{block_words, describe_blocks};
    use crate::model::{Block, ParamValue, Shortcode};

    fn call(name: &str, params: &[(Option<&str>, &str)]) -> Block {
        Block::Shortcode(Shortcode {
            name: name.into(),
            params: Some(
                params
                    .iter()
                    .map(|(n, v)| ParamValue {
                        name: n.map(str::to_string),
                        value: (*v).to_string(),
                        kind: None,
                        on: None,
                        word: None,
                    })
                    .collect(),
            ),
            ..Default::default()
        })
    }

    #[test]
    fn a_shortcode_is_named_by_its_title_like_parameter_else_its_first() {
        let talk = call("talk", &[(Some("link"), "/t/"), (Some("Name"), "Queues")]);
        assert_eq!(block_words(&talk), "talk “Queues”");
        // One with a value (review 49f, 7).
        let person = call("person", &[(Some("title"), ""), (Some("name"), "Ada")]);
        assert_eq!(block_words(&person), "person “Ada”");
        let pill = call("pill", &[(None, "rust"), (None, "5")]);
        assert_eq!(block_words(&pill), "pill “rust”");
        assert_eq!(block_words(&call("hr", &[])), "hr");
    }

    #[test]
    fn a_change_inside_a_container_is_named_by_the_child_that_changed() {
        let timeline = |role: &str| {
            let Block::Shortcode(mut t) = call("timeline", &[]) else {
                unreachable!()
            };
            t.children = Some(vec![
                call("entry", &[(Some("year"), "2020"), (Some("role"), "Lead")]),
                call("entry", &[(Some("year"), "2015"), (Some("role"), role)]),
            ]);
            Block::Shortcode(t)
        };
        assert_eq!(
            describe_blocks(&[timeline("Student")], &[timeline("Tutor")]),
            ["in timeline: entry “2015” added or edited"]
        );
        // A container whose own parameters changed is named itself.
        let Block::Shortcode(mut other) = timeline("Tutor") else {
            unreachable!()
        };
        other.name = "steps".into();
        assert_eq!(
            describe_blocks(&[timeline("Student")], &[Block::Shortcode(other)]),
            ["steps added or edited"]
        );
    }

    #[test]
    fn prose_is_named_by_its_first_words() {
        let text = Block::Markdown {
            id: None,
            text: "A long  paragraph\nthat goes on and on past thirty letters.".into(),
        };
        assert_eq!(block_words(&text), "text “A long paragraph that goes on…”");
    }
}
