//! The commands the window calls. Each locks the state, takes or changes what it needs,
//! and maps the error; all of it inside a panic guard (`error::guard`). Rendering, export
//! and dialogs run with the session released; saving, reloading and outside changes read
//! and write the page's (small) files under the lock, which keeps them in order with edits.
//! The window title is not set here: the UI sets the document's title from each update
//! and the window follows it (see `main.rs`).

use std::path::PathBuf;

use folio::session::{Edit, SaveOutcome, Update, View};
use folio::storage::Recent;
use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::{guard, CmdResult, CommandError};
use crate::state::{relock, AppState};

/// The open page's view (`None` before any page is open).
#[tauri::command]
pub fn current_view(state: State<'_, AppState>) -> CmdResult<Option<View>> {
    if let Some(err) = relock(&state.startup_error).take() {
        return Err(CommandError::new("site", err));
    }
    let view = state.lock().as_ref().map(|s| state.view(s));
    Ok(view)
}

/// Opens a site folder or page file.
#[tauri::command]
pub fn open_site(app: AppHandle, state: State<'_, AppState>, path: PathBuf) -> CmdResult<View> {
    let view = state.open(&path)?;
    crate::events::watch(&app);
    Ok(view)
}

/// Asks for a site folder, or a page file when `page` (native dialog, off the UI thread);
/// the window opens what was chosen.
#[tauri::command]
pub async fn pick_path(app: AppHandle, page: bool) -> CmdResult<Option<PathBuf>> {
    let (root, page_dir) = open_dirs(&app);
    if !page {
        // Beside the open site: another site is most likely a sibling folder.
        let beside = root.as_deref().and_then(std::path::Path::parent);
        return pick_folder(&app, "Open a Hugo site", beside.map(PathBuf::from)).await;
    }
    let (tx, rx) = std::sync::mpsc::channel();
    file_dialog(&app, "Open a page of a Hugo site", page_dir)
        .add_filter("Hugo pages", &["md", "markdown"])
        .pick_file(move |file| {
            let _ = tx.send(file.and_then(|f| f.into_path().ok()));
        });
    tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten())
        .await
        .map_err(|e| CommandError::new("dialog", e.to_string()))
}

/// The open site's folder and the open page's, if a page is open.
fn open_dirs(app: &AppHandle) -> (Option<PathBuf>, Option<PathBuf>) {
    let state = app.state::<AppState>();
    let guard = state.lock();
    let Some(s) = guard.as_ref() else {
        return (None, None);
    };
    (
        Some(s.site().root.clone()),
        s.path().parent().map(PathBuf::from),
    )
}

/// The folder that holds the open site's folder, where an export goes by default.
fn beside_site(app: &AppHandle) -> Option<PathBuf> {
    open_dirs(app)
        .0
        .and_then(|root| root.parent().map(PathBuf::from))
}

/// A native file dialog over the window (modal to it), titled `title`, opening in `dir`
/// when it is a folder.
fn file_dialog(
    app: &AppHandle,
    title: &str,
    dir: Option<PathBuf>,
) -> tauri_plugin_dialog::FileDialogBuilder<tauri::Wry> {
    let mut dialog = app.dialog().file().set_title(title);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    match dir.filter(|d| d.is_dir()) {
        Some(dir) => dialog.set_directory(dir),
        None => dialog,
    }
}

async fn pick_folder(
    app: &AppHandle,
    title: &str,
    dir: Option<PathBuf>,
) -> CmdResult<Option<PathBuf>> {
    let (tx, rx) = std::sync::mpsc::channel();
    file_dialog(app, title, dir).pick_folder(move |folder| {
        let _ = tx.send(folder.and_then(|f| f.into_path().ok()));
    });
    tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten())
        .await
        .map_err(|e| CommandError::new("dialog", e.to_string()))
}

/// Every content page of the site at `path` (to choose from when none is an obvious
/// portfolio page).
#[tauri::command]
pub fn site_pages(path: PathBuf) -> CmdResult<Vec<folio::site::PageRef>> {
    guard("listing the site's pages", || {
        Ok(folio::Site::open_dir(&path)?.content_pages())
    })
}

/// Recently opened pages.
#[tauri::command]
pub fn recent_sites(state: State<'_, AppState>) -> Vec<Recent> {
    state.data.recent()
}

/// Applies a form edit; `seen` is the version of the last whole model the forms took in
/// (an edit made before an outside change reached them is merged over it:
/// `Session::edit_seen`).
#[tauri::command]
pub fn apply_edit(
    state: State<'_, AppState>,
    edit: Edit,
    coalesce: Option<String>,
    seen: Option<u64>,
) -> CmdResult<Update> {
    let update = state.with_session("applying an edit", |s| {
        crate::error::test_panic(&edit);
        Ok(match seen {
            Some(seen) => s.edit_seen(edit, coalesce, seen)?,
            None => s.edit(edit, coalesce)?,
        })
    })?;
    Ok(update)
}

/// Undoes the last edit.
#[tauri::command]
pub fn undo(state: State<'_, AppState>) -> CmdResult<Update> {
    let update = state.with_session("undoing", |s| Ok(s.undo()))?;
    Ok(update)
}

/// Redoes the last undone edit.
#[tauri::command]
pub fn redo(state: State<'_, AppState>) -> CmdResult<Update> {
    let update = state.with_session("redoing", |s| Ok(s.redo()))?;
    Ok(update)
}

/// What Save did, and the state after it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Saved {
    pub outcome: SaveOutcome,
    pub update: Update,
    /// What stops Hugo's build of the page as written, each located ([`build_stops`]).
    pub stops: Vec<String>,
}

/// Saves; `overwrite` replaces files that changed on disk (after the user chose to).
/// Run off the main thread: the check of the page written renders it.
#[tauri::command]
pub async fn save(state: State<'_, AppState>, overwrite: bool) -> CmdResult<Saved> {
    let data = state.data.clone();
    let (outcome, update, written) = state.with_session("saving", |s| {
        let outcome = s.save(overwrite, &data)?;
        let written = matches!(outcome, SaveOutcome::Saved { .. })
            .then(|| s.export_source().ok())
            .flatten();
        Ok((outcome, s.update(false), written))
    })?;
    Ok(Saved {
        outcome,
        update,
        stops: build_stops(written.as_deref(), None)?,
    })
}

/// What stops Hugo's build of the page `written` (none for no page), each
/// `content/x.md:line:col: …` ([`folio::check::build_stopping`]): the page is written
/// all the same, and the user told. Checked without the session's lock.
pub(crate) fn build_stops(
    written: Option<&folio::OpenPage>,
    rendered: Option<folio::render::Findings>,
) -> CmdResult<Vec<String>> {
    let Some(page) = written else {
        return Ok(Vec::new());
    };
    guard("checking the page", || {
        Ok(folio::check::build_stopping(page, rendered))
    })
}

/// Discards unsaved changes and reads the files again.
#[tauri::command]
pub fn reload(state: State<'_, AppState>) -> CmdResult<View> {
    let view = state.with_session("reloading the page", |s| {
        s.reload()?;
        Ok(s.view())
    })?;
    Ok(view)
}

/// Where an export went.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    pub dir: PathBuf,
    pub index: PathBuf,
    pub warnings: Vec<String>,
    /// What stops Hugo's build of the page exported, each located
    /// ([`folio::check::build_stopping`]).
    pub stops: Vec<String>,
    /// The exported page's language, by name.
    pub language: String,
    /// The site's other languages, by name (each exported from its own page).
    pub other_languages: Vec<String>,
}

/// Exports the unsaved page into `dir`, or into a folder the user picks.
#[tauri::command]
pub async fn export_site(
    app: AppHandle,
    state: State<'_, AppState>,
    dir: Option<PathBuf>,
) -> CmdResult<Option<Exported>> {
    // The page first: with none open, say so before asking for a folder.
    let source = state.with_session("preparing the export", |s| Ok(s.export_source()?))?;
    let dir = match dir {
        Some(d) => d,
        // Opened beside the site, not in it: choosing at once must not export into it.
        None => match pick_folder(&app, "Export to a folder", beside_site(&app)).await? {
            Some(d) => d,
            None => return Ok(None),
        },
    };
    let report = guard("exporting", || {
        Ok(folio::export::export_styled(
            &source,
            &dir,
            state.site_styles(),
        )?)
    })?;
    *relock(&state.last_export) = Some(report.dir.clone());
    state.sync_menu();
    let stops = build_stops(Some(&source), Some(report.findings))?;
    Ok(Some(Exported {
        index: report.dir.join("index.html"),
        dir: report.dir,
        // Located as `folio check` locates: the page's path, line and column.
        warnings: report
            .warnings
            .into_iter()
            .map(|w| match w.at(source.page.source()) {
                Some((line, col)) => {
                    format!("{}:{line}:{col}: {}", source.path.display(), w.message)
                }
                None => w.message,
            })
            .collect(),
        stops,
        language: report.language.name,
        other_languages: report.other_languages,
    }))
}

/// Opens the last export's `index.html` in the default browser (waiting a few seconds
/// for the opener to say whether it could: off the UI thread).
#[tauri::command]
pub async fn open_export(app: AppHandle, state: State<'_, AppState>) -> CmdResult<()> {
    let dir = relock(&state.last_export)
        .clone()
        .ok_or_else(|| CommandError::new("state", "nothing has been exported yet"))?;
    let index = dir.join("index.html");
    crate::opener::open(&app, &index).map_err(|why| {
        CommandError::new(
            "io",
            format!(
                "No web browser could open {} ({why}). Open that file in one yourself; the folder holds everything it needs.",
                index.display()
            ),
        )
    })
}

/// A preview document and the version it shows.
#[derive(Serialize)]
pub struct Preview {
    pub version: u64,
    pub html: String,
}

/// The preview of the unsaved page, as a document for the sandboxed frame.
#[tauri::command]
pub fn preview(state: State<'_, AppState>, anchor: Option<usize>) -> CmdResult<Preview> {
    // Rendered with the session released: typing goes on while the preview renders.
    let job = state.with_session("preparing the preview", |s| Ok(s.preview_job(anchor)))?;
    guard("rendering the preview", || {
        Ok(Preview {
            version: job.version(),
            html: job.render(Some(crate::protocol::BASE), state.site_styles()),
        })
    })
}

/// Subscribes the window to outside changes.
#[tauri::command]
pub fn subscribe(state: State<'_, AppState>, channel: tauri::ipc::Channel<crate::events::Event>) {
    crate::events::subscribe(&state, channel);
}

/// Subscribes the window to the menu's requests (the first tells it the appearance).
#[tauri::command]
pub fn subscribe_menu(
    state: State<'_, AppState>,
    channel: tauri::ipc::Channel<crate::menu::Request>,
) {
    state.subscribe_menu(channel);
}

/// Settles conflicts with outside changes (one choice per conflict).
#[tauri::command]
pub fn resolve_conflicts(
    state: State<'_, AppState>,
    resolutions: std::collections::HashMap<String, folio::merge::Resolution>,
) -> CmdResult<crate::events::Event> {
    let event = state.with_session("settling the conflicts", |s| {
        let outside = s.resolve(&resolutions)?;
        Ok(crate::events::Event {
            outside,
            update: s.update(true),
        })
    })?;
    Ok(event)
}

/// Restores (or, with `restore = false`, forgets) the unsaved edits left by a session that
/// did not end cleanly.
#[tauri::command]
pub fn recover(state: State<'_, AppState>, restore: bool) -> CmdResult<crate::events::Event> {
    let data = state.data.clone();
    let event = state.with_session("restoring unsaved edits", |s| {
        let outside = match data.journal(s.path()) {
            Some(j) if restore => s.restore(&j)?,
            _ => {
                data.clear_journal(s.path());
                if !restore {
                    s.forget_journal();
                }
                folio::session::Outside::Nothing
            }
        };
        Ok(crate::events::Event {
            outside,
            update: s.update(true),
        })
    })?;
    Ok(event)
}

/// After a rename outside Folio: goes on editing the page under its new name.
#[tauri::command]
pub fn follow_rename(
    app: AppHandle,
    state: State<'_, AppState>,
    to: PathBuf,
) -> CmdResult<crate::events::Event> {
    let data = state.data.clone();
    let event = state.with_session("following the rename", |s| {
        let outside = s.follow_rename(&to, &data)?;
        Ok(crate::events::Event {
            outside,
            update: s.update(true),
        })
    })?;
    crate::events::watch(&app);
    Ok(event)
}

/// Writes the unsaved page to a file the user picks, and goes on editing it there.
#[tauri::command]
pub async fn save_as(app: AppHandle, state: State<'_, AppState>) -> CmdResult<Option<SavedAs>> {
    let name = state.lock().as_ref().and_then(|s| {
        s.path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
    });
    let (tx, rx) = std::sync::mpsc::channel();
    let mut dialog = file_dialog(&app, "Save the page as", open_dirs(&app).1)
        .add_filter("Markdown", &["md", "markdown"]);
    if let Some(n) = name {
        dialog = dialog.set_file_name(n);
    }
    dialog.save_file(move |f| {
        let _ = tx.send(f.and_then(|f| f.into_path().ok()));
    });
    let picked = tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten())
        .await
        .map_err(|e| CommandError::new("dialog", e.to_string()))?;
    let Some(path) = picked else { return Ok(None) };
    let data = state.data.clone();
    let (update, title, written) = state.with_session("saving under a new name", |s| {
        s.save_as(&path, &data)?;
        let title = s
            .site()
            .title()
            .unwrap_or_else(|| path.display().to_string());
        Ok((s.update(false), title, s.export_source().ok()))
    })?;
    // The page under its new name is the one File ▸ Open Recent offers first.
    let _ = state.data.add_recent(&path, &title);
    state.sync_recent();
    crate::events::watch(&app);
    Ok(Some(SavedAs {
        update,
        stops: build_stops(written.as_deref(), None)?,
    }))
}

/// The state after Save As, and what stops Hugo's build of the page written.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedAs {
    pub update: Update,
    pub stops: Vec<String>,
}

/// The images the open page's fields may point at (the site's `static/` and `assets/`, the
/// page's bundle), for an image field's picker.
#[tauri::command]
pub fn site_images(state: State<'_, AppState>) -> CmdResult<Vec<folio::site::images::ImageChoice>> {
    let Some((root, statics, page)) = state.lock().as_ref().map(|s| {
        (
            s.site().root.clone(),
            s.site().own_static_dirs(),
            s.path().to_path_buf(),
        )
    }) else {
        return Ok(Vec::new());
    };
    guard("listing the site's images", || {
        Ok(folio::site::images::list(&root, &statics, &page))
    })
}

/// Every Font Awesome brand icon name, for autocomplete.
#[tauri::command]
pub fn icon_names() -> Vec<&'static str> {
    folio::icons::brands().to_vec()
}

/// Tells how many fields hold text the window has not applied yet, as it is not valid yet
/// (a half-typed JSON list or date, a shortcode call half typed): closing asks first
/// while there are any, as that text is in no file.
#[tauri::command]
pub fn set_held(state: State<'_, AppState>, fields: usize) {
    state
        .held
        .store(fields, std::sync::atomic::Ordering::Relaxed);
    state.sync_menu();
}
