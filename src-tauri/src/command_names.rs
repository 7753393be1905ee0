//! The one list of the window's commands: every `#[tauri::command]` function in
//! `commands.rs`, read from its source. `build.rs` declares these in the app manifest (so the
//! capability can grant exactly them), and a test checks that `main.rs`, the capability and
//! `ui/api.js` name the same ones.

/// The names of the `#[tauri::command]` functions in `source` (the text of `commands.rs`),
/// in order.
pub fn command_names(source: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "#[tauri::command]" {
            continue;
        }
        let Some(signature) = lines.next() else { break };
        let name = signature
            .trim()
            .trim_start_matches("pub ")
            .trim_start_matches("async ")
            .strip_prefix("fn ")
            .and_then(|rest| rest.split(['(', '<']).next());
        if let Some(name) = name {
            names.push(name.to_string());
        }
    }
    names
}
