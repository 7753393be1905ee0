//! Reads `tauri.conf.json` from the repository root and declares Folio's commands in the
//! app manifest, so the capability can grant exactly these and nothing else.

/// Every command the window may call (kept in step with `src/commands.rs`).
const COMMANDS: &[&str] = &[
    "open_site",
    "pick_site",
    "recent_sites",
    "current_view",
    "apply_edit",
    "undo",
    "redo",
    "save",
    "reload",
    "export_site",
    "open_export",
    "icon_names",
    "preview",
    "subscribe",
    "resolve_conflicts",
    "recover",
    "follow_rename",
    "save_as",
];

fn main() {
    let attrs = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attrs).expect("tauri-build failed");
}
