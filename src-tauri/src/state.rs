//! What the app holds between commands: the open session, the app data folder, and the
//! folder of the last export (the only path "open in browser" may open).

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use folio::session::Session;
use folio::storage::AppData;

use crate::error::{CmdResult, CommandError};

/// Managed state.
pub struct AppState {
    pub session: Mutex<Option<Session>>,
    pub data: AppData,
    pub last_export: Mutex<Option<PathBuf>>,
    /// Why the page given at start-up could not be opened, shown once by the window.
    pub startup_error: Mutex<Option<String>>,
    /// Where outside changes are reported (the window subscribes at start).
    pub channel: Mutex<Option<tauri::ipc::Channel<crate::events::Event>>>,
    /// The watch on the open page and its config.
    pub watch: Mutex<Option<folio::watch::Watch>>,
}

impl AppState {
    /// State over the app data folder `data`.
    pub fn new(data: AppData) -> Self {
        AppState {
            session: Mutex::new(None),
            data,
            last_export: Mutex::new(None),
            startup_error: Mutex::new(None),
            channel: Mutex::new(None),
            watch: Mutex::new(None),
        }
    }

    /// The session lock. A poisoned lock is taken over: commands run inside
    /// [`crate::error::guard`], and a session changes its text only once the new text is
    /// parsed, so a panic while the lock was held leaves a usable session.
    pub fn lock(&self) -> MutexGuard<'_, Option<Session>> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` on the open session (`what` it does names it if it panics: see
    /// [`crate::error::guard`]).
    pub fn with_session<T>(
        &self,
        what: &str,
        f: impl FnOnce(&mut Session) -> CmdResult<T>,
    ) -> CmdResult<T> {
        let mut lock = self.lock();
        let session = lock
            .as_mut()
            .ok_or_else(|| CommandError::new("state", "no page is open"))?;
        crate::error::guard(what, || f(session))
    }

    /// The session's view, saying when a journal of unsaved edits was left for its page
    /// (and the session has not taken it in yet).
    pub fn view(&self, session: &Session) -> folio::session::View {
        let mut view = session.view();
        view.recovery = self
            .data
            .journal(session.path())
            .filter(|j| session.journal_differs(Some(j)) && j.page != session.disk().page)
            .map(|j| j.saved_at);
        view
    }

    /// Opens `path` (page or site folder), remembers it, and makes it the session.
    pub fn open(&self, path: &std::path::Path) -> CmdResult<folio::session::View> {
        let session = Session::open(path)?;
        let view = self.view(&session);
        let title = view
            .site_title
            .clone()
            .unwrap_or_else(|| session.path().display().to_string());
        let _ = self.data.add_recent(session.path(), &title);
        *self.lock() = Some(session);
        Ok(view)
    }
}
