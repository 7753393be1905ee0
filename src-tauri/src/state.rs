//! What the app holds between commands: the open session, the app data folder, the
//! folder of the last export (the only path "open in browser" may open), and the menu bar's
//! state (which items can act, the zoom, the appearance).

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, OnceLock};

use folio::session::Session;
use folio::storage::AppData;

use crate::error::{CmdResult, CommandError};
use tauri::Manager;

use crate::menu::{self, Appearance, Request};

/// A lock that a panic elsewhere poisoned is taken over: what these locks hold stays
/// usable (see [`AppState::lock`]).
pub fn relock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

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
    /// Folders the watch could not watch, said before the window subscribed: told to it
    /// when it does.
    pub unwatched: Mutex<Option<crate::events::Event>>,
    /// The menu items that change, once the menu is built. Only the main thread touches
    /// them (see [`AppState::with_menu`]).
    pub menu: OnceLock<menu::Items<tauri::Wry>>,
    /// The desktop's theme when Folio started (what "Follow System" goes back to).
    pub desktop_theme: OnceLock<tauri::Theme>,
    /// Where menu requests go (the window subscribes at start).
    pub menu_channel: Mutex<Option<tauri::ipc::Channel<Request>>>,
    /// The webview's zoom (1.0: actual size).
    zoom: Mutex<f64>,
    /// The View ▸ Appearance choice.
    appearance: Mutex<Appearance>,
    /// View ▸ Site Styles.
    site_styles: std::sync::atomic::AtomicBool,
    /// How many fields hold text not applied yet, as it is not valid yet (the window says,
    /// `set_held`): closing asks before that text is lost.
    pub held: std::sync::atomic::AtomicUsize,
}

impl AppState {
    /// State over the app data folder `data`.
    pub fn new(data: AppData) -> Self {
        AppState {
            session: Mutex::new(None),
            last_export: Mutex::new(None),
            startup_error: Mutex::new(None),
            channel: Mutex::new(None),
            watch: Mutex::new(None),
            unwatched: Mutex::new(None),
            menu: OnceLock::new(),
            desktop_theme: OnceLock::new(),
            menu_channel: Mutex::new(None),
            zoom: Mutex::new(1.0),
            appearance: Mutex::new(Appearance::load(&data)),
            site_styles: std::sync::atomic::AtomicBool::new(menu::SiteStyles::load(&data)),
            held: std::sync::atomic::AtomicUsize::new(0),
            data,
        }
    }

    /// The session lock. A poisoned lock is taken over: commands run inside
    /// [`crate::error::guard`], and a session changes its text only once the new text is
    /// parsed, so a panic while the lock was held leaves a usable session.
    pub fn lock(&self) -> MutexGuard<'_, Option<Session>> {
        relock(&self.session)
    }

    /// Runs `f` on the open session (`what` it does names it if it panics: see
    /// [`crate::error::guard`]).
    pub fn with_session<T>(
        &self,
        what: &str,
        f: impl FnOnce(&mut Session) -> CmdResult<T>,
    ) -> CmdResult<T> {
        let result = {
            let mut lock = self.lock();
            let session = lock
                .as_mut()
                .ok_or_else(|| CommandError::new("state", "no page is open"))?;
            crate::error::guard(what, || f(session))
        };
        self.sync_menu();
        result
    }

    /// Enables the menu items that can act now, disables the others.
    pub fn sync_menu(&self) {
        self.with_menu(|state, items| {
            let exported = relock(&state.last_export).is_some();
            let held = state.held.load(std::sync::atomic::Ordering::Relaxed);
            items.set(menu::Enabled::of(state.lock().as_ref(), exported).holding(held));
        });
    }

    /// Runs `f` on the menu items on the main thread: at once when called there, else
    /// queued without waiting. Menu calls made from another thread wait for the main thread,
    /// which may itself be waiting for a lock that thread holds; queued, nothing waits, and
    /// what `f` reads is read when it runs, so updates apply in order.
    fn with_menu(&self, f: impl FnOnce(&AppState, &menu::Items<tauri::Wry>) + Send + 'static) {
        let Some(items) = self.menu.get() else {
            return;
        };
        let app = items.app_handle().clone();
        let _ = items.app_handle().run_on_main_thread(move || {
            let state = app.state::<AppState>();
            if let Some(items) = state.menu.get() {
                f(&state, items);
            }
        });
    }

    /// Sends a menu request to the window, if it subscribed.
    pub fn send_menu(&self, request: Request) {
        if let Some(ch) = relock(&self.menu_channel).as_ref() {
            let _ = ch.send(request);
        }
    }

    /// Stores the window's menu channel and tells it the remembered appearance.
    pub fn subscribe_menu(&self, channel: tauri::ipc::Channel<Request>) {
        *relock(&self.menu_channel) = Some(channel);
        self.send_menu(Request::Appearance {
            choice: self.appearance(),
        });
    }

    /// The webview's zoom.
    pub fn zoom(&self) -> f64 {
        *relock(&self.zoom)
    }

    /// Records the webview's zoom.
    pub fn set_zoom(&self, zoom: f64) {
        *relock(&self.zoom) = zoom;
    }

    /// The View ▸ Appearance choice.
    pub fn appearance(&self) -> Appearance {
        *relock(&self.appearance)
    }

    /// Makes `choice` the appearance: remembered, checked in the menu, and sent to the
    /// window (which draws itself light or dark).
    pub fn set_appearance(&self, choice: Appearance) {
        *relock(&self.appearance) = choice;
        if let Err(e) = choice.store(&self.data) {
            self.send_menu(Request::Failed {
                message: format!("Could not remember the appearance: {e}"),
            });
        }
        self.with_menu(move |_, items| items.set_appearance(choice));
        self.send_menu(Request::Appearance { choice });
    }

    /// Whether the preview and the export use the site's own stylesheets.
    pub fn site_styles(&self) -> bool {
        self.site_styles.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Turns the site's stylesheets on or off: remembered, checked in the menu, and the
    /// window asked to show the preview again.
    pub fn set_site_styles(&self, on: bool) {
        self.site_styles
            .store(on, std::sync::atomic::Ordering::Relaxed);
        if let Err(e) = menu::SiteStyles::store(on, &self.data) {
            self.send_menu(Request::Failed {
                message: format!("Could not remember the styles: {e}"),
            });
        }
        self.with_menu(move |_, items| items.set_site_styles(on));
        self.send_menu(Request::RefreshPreview);
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
        self.sync_menu();
        self.sync_recent();
        Ok(view)
    }

    /// Lists the recent pages under File ▸ Open Recent.
    pub fn sync_recent(&self) {
        self.with_menu(|state, items| items.set_recent(&state.data.recent()));
    }
}
