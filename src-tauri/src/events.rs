//! What the app does on its own rather than at the window's request: watching the open page
//! and its config and telling the window what changed (through a channel it subscribed),
//! journaling unsaved edits for crash recovery, and asking before closing with unsaved edits.

use std::time::Duration;

use folio::session::{Outside, SaveOutcome, Update};
use folio::storage::Journal;
use folio::watch::{Change, Watch};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogResult};

use crate::state::{relock, AppState};

/// How often unsaved edits are journaled (when they changed).
const JOURNAL_EVERY: Duration = Duration::from_millis(500);

/// How often [`presence_loop`] looks for the page's file.
const PRESENCE_EVERY: Duration = Duration::from_secs(1);

/// An outside change, and the state after it.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub outside: Outside,
    pub update: Update,
}

/// Sends an event to the window, if it subscribed.
pub fn send(state: &AppState, event: Event) {
    if let Some(ch) = relock(&state.channel).as_ref() {
        let _ = ch.send(event);
    }
}

/// Stores the window's channel, and tells it which folders could not be watched if that
/// was found before it subscribed (the watch starts with the page, before the window).
pub fn subscribe(state: &AppState, channel: Channel<Event>) {
    *relock(&state.channel) = Some(channel);
    if let Some(event) = relock(&state.unwatched).take() {
        send(state, event);
    }
}

/// (Re)starts watching the open page, its params file and the site's templates.
pub fn watch<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let (files, trees): (Vec<_>, Vec<_>) = match state.lock().as_ref() {
        Some(s) => (
            std::iter::once(s.path().to_path_buf())
                .chain(s.site().params_file().map(|f| f.path.clone()))
                .chain(s.site().settings_files())
                .chain(std::iter::once(s.overrides_file()))
                .collect(),
            s.template_folders()
                .into_iter()
                .chain(s.site().settings_dir())
                .collect(),
        ),
        None => return,
    };
    let handle = app.clone();
    let watch = Watch::start(&files, &trees, move |changes| {
        take_changes(&handle, &changes)
    });
    let problems: Vec<String> = match &watch {
        Ok(w) => w.unwatched.iter().map(ToString::to_string).collect(),
        Err(e) => vec![e.to_string()],
    };
    *relock(&state.watch) = watch.ok();
    report_unwatched(&state, problems);
}

/// Hands changes made outside Folio to the session, and tells the window what came of
/// them.
fn take_changes<R: Runtime>(app: &AppHandle<R>, changes: &[Change]) {
    let state = app.state::<AppState>();
    let event = {
        let mut guard = state.lock();
        let Some(s) = guard.as_mut() else { return };
        match s.outside_change(changes) {
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
                outside: Outside::unreadable(&e),
                update: s.update(false),
            },
        }
    };
    send(&state, event);
    state.sync_menu();
}

/// Looks for the open page's file every [`PRESENCE_EVERY`]: a folder above it renamed or
/// removed raises nothing in the watch of the page's folder (inotify tells a watched
/// folder of its own moves only, and of nothing above it), so the page is said to be gone
/// when it is found gone, and taken in again when it is back.
pub fn presence_loop<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || loop {
        std::thread::sleep(PRESENCE_EVERY);
        let change = {
            let state = app.state::<AppState>();
            let guard = state.lock();
            let Some(s) = guard.as_ref() else { continue };
            let path = s.path().to_path_buf();
            match (path.exists(), s.is_missing()) {
                (false, false) => Change::Removed(path),
                (true, true) => Change::Modified(path),
                _ => continue,
            }
        };
        take_changes(&app, &[change]);
    });
}

/// Tells the window which folders cannot be watched: said, not dropped, since outside
/// edits there go unseen.
fn report_unwatched(state: &AppState, problems: Vec<String>) {
    if problems.is_empty() {
        return;
    }
    let update = state.lock().as_mut().map(|s| s.update(false));
    if let Some(update) = update {
        let outside = Outside::Unwatched { problems };
        let event = Event { outside, update };
        if relock(&state.channel).is_some() {
            send(state, event);
        } else {
            *relock(&state.unwatched) = Some(event);
        }
    }
}

/// Journals unsaved edits every [`JOURNAL_EVERY`] while they change; clears the journal
/// once there is nothing unsaved.
pub fn journal_loop<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        let mut last: Option<Journal> = None;
        loop {
            std::thread::sleep(JOURNAL_EVERY);
            let state = app.state::<AppState>();
            // Written while the session is held: a discard (`recover`, which holds it too)
            // comes before the journal is read or after it is written, never between.
            let guard = state.lock();
            let Some(s) = guard.as_ref() else { continue };
            let due = s.is_dirty() && s.journal_differs(last.as_ref());
            let path = s.path().to_path_buf();
            let journal = if due {
                s.journal()
            } else if s.is_dirty() {
                continue;
            } else {
                None
            };
            let written = journal.map(|j| (state.data.write_journal(&j).is_ok(), j));
            drop(guard);
            match written {
                Some((true, j)) => {
                    // The page's name changed (a rename followed, Save as…): the journal
                    // under the old one goes, even one written just after the change.
                    if let Some(old) = last.as_ref().filter(|old| old.path != j.path) {
                        state.data.clear_journal(&old.path);
                    }
                    last = Some(j);
                }
                Some((false, _)) => {}
                None if last.is_some() => {
                    state.data.clear_journal(&path);
                    if let Some(old) = last.take().filter(|old| old.path != path) {
                        state.data.clear_journal(&old.path);
                    }
                }
                None => {}
            }
        }
    });
}

/// Asks before a window with unsaved edits closes: Save (then close, unless the save found
/// an outside change to settle first), Don't save (a deliberate discard: the journal is
/// cleared, so the next start offers nothing), or Cancel.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let state = window.state::<AppState>();
    let held = state.held.load(std::sync::atomic::Ordering::Relaxed);
    let dirty = state.lock().as_ref().is_some_and(|s| s.is_dirty());
    if held == 0 && !dirty {
        return;
    }
    api.prevent_close();
    let w = window.clone();
    if held > 0 {
        // Text typed that is not valid yet is in no file: losing it is asked first, then
        // the unsaved edits are.
        let fields = if held == 1 {
            "A field holds"
        } else {
            "Fields hold"
        };
        window
            .dialog()
            .message(format!(
                "{fields} text that is not valid yet (a JSON value, a date or a shortcode \
                 call being typed), so it is in no file and closing loses it. Close Folio \
                 anyway?"
            ))
            .title("Text not valid yet")
            .buttons(MessageDialogButtons::OkCancelCustom(
                CLOSE_ANYWAY.into(),
                "Cancel".into(),
            ))
            .show_with_result(move |r| {
                let close = r == MessageDialogResult::Ok
                    || matches!(&r, MessageDialogResult::Custom(t) if t == CLOSE_ANYWAY);
                if !close {
                    return;
                }
                // The count stays: a Cancel in the next question keeps the held text,
                // and a later close asks again.
                let state = w.state::<AppState>();
                if state.lock().as_ref().is_some_and(|s| s.is_dirty()) {
                    ask_unsaved(&w);
                } else {
                    let _ = w.destroy();
                }
            });
        return;
    }
    ask_unsaved(&w);
}

const CLOSE_ANYWAY: &str = "Close anyway";

/// The unsaved-changes question, before closing; it says where Hugo would stop on the page
/// as it would be saved (review 50d, 3: it was saved and closed without a word).
fn ask_unsaved<R: Runtime>(window: &Window<R>) {
    let w = window.clone();
    let page = window
        .state::<AppState>()
        .lock()
        .as_ref()
        .and_then(|s| s.export_source().ok());
    // The check renders the page: off the main thread, which the question waits for.
    std::thread::spawn(move || {
        let stops = crate::commands::build_stops(page.as_deref(), None).unwrap_or_default();
        let warning = match stops.as_slice() {
            [] => String::new(),
            [one] => format!("\n\nAs it is, Hugo will not build it: {one}"),
            [first, rest @ ..] => format!(
                "\n\nAs it is, Hugo will not build it: {first} (and {} more: folio check lists them)",
                rest.len()
            ),
        };
        let asked = w.clone();
        w.dialog()
            .message(format!(
                "This page has unsaved changes. Save them before closing Folio?{warning}"
            ))
            .title("Unsaved changes")
            .buttons(MessageDialogButtons::YesNoCancelCustom(
                SAVE.into(),
                DONT_SAVE.into(),
                "Cancel".into(),
            ))
            .show_with_result(move |r| close_answered(&asked, &r));
    });
}

const SAVE: &str = "Save";
const DONT_SAVE: &str = "Don't save";

/// What the unsaved-changes question's answer does.
fn close_answered<R: Runtime>(w: &Window<R>, answer: &MessageDialogResult) {
    let state = w.state::<AppState>();
    let chose = |label: &str, plain: &MessageDialogResult| {
        answer == plain || matches!(answer, MessageDialogResult::Custom(t) if t == label)
    };
    if chose(SAVE, &MessageDialogResult::Yes) {
        let data = state.data.clone();
        let saved = state
            .with_session("saving before closing", |s| Ok(s.save(false, &data)?))
            .ok();
        // Not saved (an outside change to look at first, or an error): the window stays,
        // and Save in it says why.
        if let Some(SaveOutcome::Saved { .. } | SaveOutcome::Unchanged) = saved {
            let _ = w.destroy();
        }
    } else if chose(DONT_SAVE, &MessageDialogResult::No) {
        let page = state.lock().as_ref().map(|s| s.path().to_path_buf());
        if let Some(page) = page {
            state.data.clear_journal(&page);
        }
        let _ = w.destroy();
    }
}
