//! Folio's desktop app: a thin Tauri shell over the `folio` engine.
//!
//! `folio-desktop [PATH]` opens a site folder or page file; without one, the last page
//! opened, else a copy of the bundled sample in the app data folder; `--sample` opens that
//! copy directly. `FOLIO_DATA_DIR` overrides the app data folder (tests use it to stay
//! isolated).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod error;
mod events;
mod protocol;
mod state;

use std::path::PathBuf;

use folio::storage::AppData;
use tauri::Manager;

use state::AppState;

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let sample = args.iter().any(|a| a == "--sample");
    let arg: Option<PathBuf> = args
        .iter()
        .find(|a| !a.to_string_lossy().starts_with('-'))
        .map(PathBuf::from);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .register_asynchronous_uri_scheme_protocol("folio", protocol::handle)
        .setup(move |app| {
            let dir = match std::env::var_os("FOLIO_DATA_DIR") {
                Some(d) => PathBuf::from(d),
                None => app.path().app_data_dir()?,
            };
            let state = AppState::new(AppData::new(dir));
            let target = match &arg {
                Some(p) => Ok(p.clone()),
                None if sample => state.data.sample(),
                None => state
                    .data
                    .recent()
                    .first()
                    .map(|r| r.path.clone())
                    .map_or_else(|| state.data.sample(), Ok),
            };
            if let Err(e) = target
                .map_err(error::CommandError::from)
                .and_then(|p| state.open(&p))
            {
                *state
                    .startup_error
                    .lock()
                    .unwrap_or_else(|p| p.into_inner()) = Some(e.message);
            }
            app.manage(state);
            events::watch(app.handle());
            events::journal_loop(app.handle().clone());
            Ok(())
        })
        .on_window_event(events::on_window_event)
        .invoke_handler(tauri::generate_handler![
            commands::open_site,
            commands::pick_site,
            commands::recent_sites,
            commands::current_view,
            commands::apply_edit,
            commands::undo,
            commands::redo,
            commands::save,
            commands::reload,
            commands::export_site,
            commands::open_export,
            commands::icon_names,
            commands::preview,
            commands::subscribe,
            commands::resolve_conflicts,
            commands::recover,
            commands::follow_rename,
            commands::save_as,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("Folio could not start");
}
