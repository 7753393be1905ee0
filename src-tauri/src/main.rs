//! Folio's desktop app: a thin Tauri shell over the `folio` engine.
//!
//! The menu bar is `menu.rs` (its keys reach the page first: `keys.rs`); the window's size and place are remembered by Tauri's
//! window-state plugin.
//!
//! `folio-desktop [PATH]` opens a site folder or page file; without one, the last page
//! opened, else a copy of the bundled sample in the app data folder; `--sample` opens that
//! copy directly. `FOLIO_DATA_DIR` overrides the app data folder (tests use it to stay
//! isolated). `--help` and `--version` print and end, and a Linux machine with no display
//! is told so before GTK is started (`before_window`).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

#[cfg(test)]
mod command_names;
mod commands;
mod error;
mod events;
mod keys;
mod menu;
mod opener;
mod protocol;
mod state;

use std::path::PathBuf;

use folio::storage::AppData;
use tauri::Manager;
use tauri_plugin_window_state::StateFlags;

use state::{relock, AppState};

/// Opens the page (the one given, the sample, or the last one), then the window.
fn setup(
    app: &mut tauri::App,
    arg: Option<&std::path::Path>,
    sample: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let dir = match std::env::var_os("FOLIO_DATA_DIR") {
        Some(d) => PathBuf::from(d),
        None => app.path().app_data_dir()?,
    };
    let state = AppState::new(AppData::new(dir));
    let target = match arg {
        Some(p) => Ok(p.to_path_buf()),
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
        *relock(&state.startup_error) = Some(e.message);
    }
    let (menu, items) = menu::build(app.handle())?;
    app.set_menu(menu)?;
    app.on_menu_event(menu::on_event);
    let _ = state.menu.set(items);
    app.manage(state);
    let state = app.state::<AppState>();
    state.sync_menu();
    state.sync_recent();
    // The window follows the page's title, which the UI sets from each update: the title is
    // set in one place.
    let config = app
        .config()
        .app
        .windows
        .first()
        .ok_or("tauri.conf.json declares no window")?
        .clone();
    let window = tauri::WebviewWindowBuilder::from_config(app, &config)?
        .on_document_title_changed(|window, title| {
            let _ = window.set_title(&title);
        })
        .build()?;
    keys::page_first(&window)?;
    // The desktop's own theme, read before Folio asks for one (GTK cannot be asked to
    // follow the desktop again once a theme was set).
    let desktop = window.theme().unwrap_or(tauri::Theme::Light);
    let _ = state.desktop_theme.set(desktop);
    let choice = state.appearance();
    if choice != menu::Appearance::System {
        let _ = window.set_theme(Some(choice.theme(desktop)));
    }
    state.set_appearance(choice);
    state.set_site_styles(state.site_styles());
    events::watch(app.handle());
    events::journal_loop(app.handle().clone());
    events::presence_loop(app.handle().clone());
    Ok(())
}

/// `folio-desktop --help`.
const USAGE: &str = "Usage: folio-desktop [--sample] [PATH]

Opens Folio's window on PATH, a Hugo site's folder or a page file; without one, on the
last page opened, else on a copy of the bundled sample site. --sample opens that copy.
FOLIO_DATA_DIR sets the folder Folio keeps its data in.";

/// What the command line asks for besides the window: `--help` and `--version` print and
/// end; a Linux machine with no display is told so, where GTK would panic. `None` when the
/// window is to open; else the exit code.
fn before_window(args: &[std::ffi::OsString]) -> Option<i32> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return Some(0);
    }
    if args.iter().any(|a| a == "--version" || a == "-V") {
        println!("folio-desktop {}", env!("CARGO_PKG_VERSION"));
        return Some(0);
    }
    let no_display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .all(|v| std::env::var_os(v).is_none_or(|d| d.is_empty()));
    if cfg!(target_os = "linux") && no_display {
        eprintln!(
            "folio-desktop: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are \
             unset). On a machine without one, `make run` starts the app under Xvfb; the \
             `folio` command line has the same engine (folio check | dump | apply | export)."
        );
        return Some(2);
    }
    None
}

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if let Some(code) = before_window(&args) {
        std::process::exit(code);
    }
    let sample = args.iter().any(|a| a == "--sample");
    let arg: Option<PathBuf> = args
        .iter()
        .find(|a| !a.to_string_lossy().starts_with('-'))
        .map(PathBuf::from);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        // The window's size, place and maximized state, kept in the app's config folder.
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED)
                .build(),
        )
        .register_asynchronous_uri_scheme_protocol("folio", protocol::handle)
        .setup(move |app| setup(app, arg.as_deref(), sample))
        .on_window_event(events::on_window_event)
        .invoke_handler(tauri::generate_handler![
            commands::current_view,
            commands::open_site,
            commands::pick_path,
            commands::site_pages,
            commands::recent_sites,
            commands::apply_edit,
            commands::undo,
            commands::redo,
            commands::save,
            commands::reload,
            commands::export_site,
            commands::open_export,
            commands::preview,
            commands::subscribe,
            commands::subscribe_menu,
            commands::resolve_conflicts,
            commands::recover,
            commands::follow_rename,
            commands::save_as,
            commands::site_images,
            commands::icon_names,
            commands::set_held,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("Folio could not start");
}

#[cfg(test)]
mod tests {
    //! The command list has one home, `commands.rs`: these check that everything else that
    //! names commands follows it.

    use super::command_names::command_names;

    fn commands() -> Vec<String> {
        command_names(include_str!("commands.rs"))
    }

    /// The quoted or `prefix`ed words of `text` that follow `prefix`, up to `end`.
    fn words_after(text: &str, prefix: &str, end: char) -> Vec<String> {
        text.split(prefix)
            .skip(1)
            .filter_map(|rest| rest.split(end).next())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn every_command_is_registered_in_main() {
        let main = include_str!("main.rs");
        let handler = main
            .split("generate_handler![")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .expect("main.rs registers its commands with generate_handler!");
        let registered = words_after(handler, "commands::", ',');
        assert_eq!(registered, commands());
    }

    #[test]
    fn the_capability_grants_exactly_the_commands() {
        let capability = include_str!("../capabilities/default.json");
        let mut granted = words_after(capability, "\"allow-", '"');
        let mut want: Vec<String> = commands().iter().map(|c| c.replace('_', "-")).collect();
        granted.sort();
        want.sort();
        assert_eq!(granted, want);
    }

    #[test]
    fn the_ui_calls_only_commands_that_exist_and_every_one_of_them() {
        let api = include_str!("../../ui/api.js");
        let mut called = words_after(api, "call(\"", '"');
        called.sort();
        called.dedup();
        let mut want = commands();
        want.sort();
        assert_eq!(called, want);
    }

    #[test]
    fn command_names_are_read_from_attributed_functions_only() {
        let source = "#[tauri::command]\npub fn a(x: u8) {}\nfn b() {}\n#[tauri::command]\npub async fn c<R>() {}\n";
        assert_eq!(command_names(source), ["a", "c"]);
    }
}
