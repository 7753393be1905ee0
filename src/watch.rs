//! Watching a page, its site config and the site's shortcode templates for outside edits.
//!
//! Editors save by writing a temp file and renaming it over the original (vim, VS Code), which
//! drops a watch held on the file itself, so the files' folders are watched instead and only
//! events that touch the files themselves count: editor temp and backup files are ignored.
//! Events are debounced and classified into a few changes before anyone acts on them. Whether
//! a change is Folio's own save is decided by the session from the bytes on disk, not here.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{
    new_debouncer, DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache,
};

use crate::error::{Error, Result};

/// How long events are gathered before they are reported: editors touch a file several
/// times per save.
pub const DEBOUNCE: Duration = Duration::from_millis(40);

/// What happened to a watched file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Written (in place, or by a rename over it).
    Modified(PathBuf),
    /// Gone.
    Removed(PathBuf),
    /// Moved to another name in its folder.
    Renamed {
        /// The watched name.
        from: PathBuf,
        /// The new name.
        to: PathBuf,
    },
    /// A file under a watched folder of templates was written, added, removed or renamed
    /// (the first one seen in the batch).
    Templates(PathBuf),
}

impl Change {
    /// The watched file concerned.
    pub fn path(&self) -> &Path {
        match self {
            Change::Modified(p) | Change::Removed(p) | Change::Templates(p) => p,
            Change::Renamed { from, .. } => from,
        }
    }
}

/// A running watch; dropping it stops watching.
pub struct Watch {
    _debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    /// The folders that could not be watched (gone, unreadable, or past the system's limit
    /// of watches), each with why: changes there go unseen, the rest are watched.
    pub unwatched: Vec<Error>,
}

impl Watch {
    /// Watches `files` (through their folders) and every file under the folders `trees`
    /// that exist (the site's `layouts/` folders, recursively; a file among them, such as
    /// a theme's `hugo.toml`, through its folder, alone), and calls `on_change` with what
    /// changed. A folder that cannot be watched is listed in [`Watch::unwatched`]
    /// and the others are watched all the same.
    ///
    /// # Errors
    /// The system gives no watcher at all.
    pub fn start(
        files: &[PathBuf],
        trees: &[PathBuf],
        on_change: impl Fn(Vec<Change>) + Send + 'static,
    ) -> Result<Watch> {
        let absolute = |f: &PathBuf| std::path::absolute(f).unwrap_or_else(|_| f.clone());
        let files: Vec<PathBuf> = files.iter().map(absolute).collect();
        let trees: Vec<PathBuf> = trees.iter().map(absolute).filter(|t| t.exists()).collect();
        let targets = files.clone();
        let watched_trees = trees.clone();
        let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            if let Ok(events) = result {
                let mut changes = classify(&targets, &events);
                changes.extend(template_change(&watched_trees, &events));
                if !changes.is_empty() {
                    on_change(changes);
                }
            }
        })
        .map_err(|e| {
            // An empty list watches nothing, but the error still needs a place to name.
            let at = files.first().map_or(Path::new("."), PathBuf::as_path);
            Error::site(at, format!("cannot watch for changes: {e}"))
        })?;
        let mut dirs: Vec<&Path> = files.iter().filter_map(|f| f.parent()).collect();
        dirs.sort();
        dirs.dedup();
        let folders = dirs
            .into_iter()
            .map(|d| (d, RecursiveMode::NonRecursive))
            .chain(trees.iter().filter_map(|t| {
                if t.is_dir() {
                    Some((t.as_path(), RecursiveMode::Recursive))
                } else {
                    t.parent().map(|d| (d, RecursiveMode::NonRecursive))
                }
            }));
        let mut unwatched = Vec::new();
        for (folder, mode) in folders {
            if let Err(e) = debouncer.watch(folder, mode) {
                unwatched.push(Error::site(
                    folder,
                    format!("cannot watch this folder for changes: {e}"),
                ));
            }
        }
        Ok(Watch {
            _debouncer: debouncer,
            unwatched,
        })
    }
}

/// The first template file under `trees` that `events` changed, as a [`Change::Templates`]
/// (editor temp and backup files, hidden or ending in `~`, do not count).
pub fn template_change(trees: &[PathBuf], events: &[DebouncedEvent]) -> Option<Change> {
    events
        .iter()
        .filter(|ev| changes_content(&ev.event.kind))
        .flat_map(|ev| ev.event.paths.iter())
        .find(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with('.') && !name.ends_with('~') && trees.iter().any(|t| p.starts_with(t))
        })
        .map(|p| Change::Templates(p.clone()))
}

/// Whether an event can mean new content: reading a file (as Folio does when it checks one)
/// raises access events, which must not count, or each check would trigger the next.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        _ => true,
    }
}

/// The changes `events` mean for the watched `files`, at most one per file.
pub fn classify(files: &[PathBuf], events: &[DebouncedEvent]) -> Vec<Change> {
    let mut out = Vec::new();
    for file in files {
        let mut touched = false;
        let mut renamed_to: Option<PathBuf> = None;
        for ev in events {
            if !changes_content(&ev.event.kind) || !ev.event.paths.iter().any(|p| p == file) {
                continue;
            }
            touched = true;
            if let EventKind::Modify(ModifyKind::Name(RenameMode::Both)) = ev.event.kind {
                if ev.event.paths.first() == Some(file) {
                    renamed_to = ev.event.paths.get(1).cloned();
                }
            }
        }
        if !touched {
            continue;
        }
        out.push(if file.exists() {
            Change::Modified(file.clone())
        } else if let Some(to) = renamed_to.filter(|t| t.exists()) {
            Change::Renamed {
                from: file.clone(),
                to,
            }
        } else {
            Change::Removed(file.clone())
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watching_no_files_starts_and_reports_nothing() {
        assert!(Watch::start(&[], &[], |_| {}).is_ok());
        assert_eq!(classify(&[], &[]), []);
    }

    #[test]
    fn a_file_at_the_root_or_with_a_relative_path_can_be_watched() {
        // `page.md` is made absolute against the working folder, whose folder is watched;
        // `/` has no folder, so nothing is watched for it.
        let watch = Watch::start(&[PathBuf::from("page.md"), PathBuf::from("/")], &[], |_| {});
        assert!(watch.is_ok());
    }
}
