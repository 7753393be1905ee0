//! Reads `tauri.conf.json` from the repository root and declares Folio's commands in the
//! app manifest, so the capability can grant exactly these and nothing else. The list is
//! read from `src/commands.rs` itself (see `src/command_names.rs`).

#[path = "src/command_names.rs"]
mod command_names;

fn main() {
    println!("cargo:rerun-if-changed=src/commands.rs");
    let source = std::fs::read_to_string("src/commands.rs").expect("src/commands.rs is readable");
    let names = command_names::command_names(&source);
    let names: Vec<&'static str> = names
        .into_iter()
        .map(|n| &*Box::leak(n.into_boxed_str()))
        .collect();
    let attrs = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(
            tauri_build::AppManifest::new().commands(Box::leak(names.into_boxed_slice())),
        );
    tauri_build::try_build(attrs).expect("tauri-build failed");
}
