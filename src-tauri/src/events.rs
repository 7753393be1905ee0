//! What the app does on its own rather than at the window's request: watching the open page
//! and its config and telling the window what changed (through a channel it subscribed),
//! journaling unsaved edits for crash recovery, and asking before closing with unsaved edits.

use std::time::Duration;

use folio::session::{Outside, Update};
use folio::storage::Journal;
use folio::watch::Watch;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogResult};

use crate::state::AppState;

/// How often unsaved edits are journaled (when they changed).
const JOURNAL_EVERY: Duration = Duration::from_millis(500);

/// An outside change, and the state after it.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub outside: Outside,
    pub update: Update,
}

/// Sends an event to the window, if it subscribed.
pub fn send(state: &AppState, event: Event) {
    if let Some(ch) = state
        .channel
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .as_ref()
    {
        let _ = ch.send(event);
    }
}

/// Stores the window's channel.
pub fn subscribe(state: &AppState, channel: Channel<Event>) {
    *state.channel.lock().unwrap_or_else(|p| p.into_inner()) = Some(channel);
}

/// (Re)starts watching the open page, its params file and the site's templates.
pub fn watch<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let (files, trees): (Vec<_>, Vec<_>) = match state.lock().as_ref() {
        Some(s) => (
            std::iter::once(s.path().to_path_buf())
                .chain(s.site().params_file().map(|f| f.path.clone()))
                .chain(std::iter::once(s.overrides_file()))
                .collect(),
            s.template_folders(),
        ),
        None => return,
    };
    let handle = app.clone();
    let watch = Watch::start(&files, &trees, move |changes| {
        let state = handle.state::<AppState>();
        let event = {
            let mut guard = state.lock();
            let Some(s) = guard.as_mut() else { return };
            match s.outside_change(&changes) {
                Ok(Outside::Nothing) => return,
                Ok(outside) => {
                    let redraw = matches!(
                        outside,
                        Outside::Reloaded
                            | Outside::Merged { .. }
                            | Outside::ConfigReloaded
                            | Outside::TemplatesReloaded
                    );
                    Event {
                        outside,
                        update: s.update(redraw),
                    }
                }
                Err(e) => Event {
                    outside: Outside::Unparsable {
                        broken: folio::session::Broken {
                            message: e.to_string(),
                            line: 1,
                            col: 1,
                            excerpt: Vec::new(),
                        },
                    },
                    update: s.update(false),
                },
            }
        };
        send(&state, event);
    });
    *state.watch.lock().unwrap_or_else(|p| p.into_inner()) = watch.ok();
}

/// Journals unsaved edits every [`JOURNAL_EVERY`] while they change; clears the journal
/// once there is nothing unsaved.
pub fn journal_loop<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        let mut last: Option<Journal> = None;
        loop {
            std::thread::sleep(JOURNAL_EVERY);
            let state = app.state::<AppState>();
            let (path, journal) = {
                let guard = state.lock();
                let Some(s) = guard.as_ref() else { continue };
                let due = s.is_dirty() && s.journal_differs(last.as_ref());
                (
                    s.path().to_path_buf(),
                    if due {
                        s.journal()
                    } else if s.is_dirty() {
                        continue;
                    } else {
                        None
                    },
                )
            };
            match journal {
                Some(j) if state.data.write_journal(&j).is_ok() => last = Some(j),
                Some(_) => {}
                None if last.is_some() => {
                    state.data.clear_journal(&path);
                    last = None;
                }
                None => {}
            }
        }
    });
}

/// Asks before a window with unsaved edits closes.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let state = window.state::<AppState>();
    let dirty = state.lock().as_ref().is_some_and(|s| s.is_dirty());
    if !dirty {
        return;
    }
    api.prevent_close();
    let w = window.clone();
    window
        .dialog()
        .message("This page has unsaved changes. Close Folio anyway? They stay in Folio's journal and are offered again the next time you open the page.")
        .title("Unsaved changes")
        .buttons(MessageDialogButtons::OkCancelCustom("Close".into(), "Keep editing".into()))
        .show_with_result(move |r| {
            if matches!(r, MessageDialogResult::Ok) || matches!(&r, MessageDialogResult::Custom(t) if t == "Close") {
                let state = w.state::<AppState>();
                // Taken under the lock, written after it is released.
                let journal = state.lock().as_ref().and_then(|s| s.journal());
                if let Some(j) = journal {
                    let _ = state.data.write_journal(&j);
                }
                let _ = w.destroy();
            }
        });
}
