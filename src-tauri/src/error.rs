//! The shell's one error type: what a command failed with, as `{kind, message}` for the UI.

use serde::Serialize;

/// A failed command.
#[derive(Debug, thiserror::Error, Serialize)]
#[error("{message}")]
pub struct CommandError {
    /// `syntax`, `io`, `model`, `site`, `state`, `dialog`, or `internal` (a bug, caught).
    pub kind: &'static str,
    pub message: String,
}

impl CommandError {
    /// An error that is not the engine's (no page open, a dialog failed…).
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        CommandError {
            kind,
            message: message.into(),
        }
    }
}

impl From<folio::Error> for CommandError {
    fn from(e: folio::Error) -> Self {
        CommandError {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}

/// Result of a command.
pub type CmdResult<T> = Result<T, CommandError>;

/// Runs `f`, turning a panic (a bug in Folio) into an `internal` error that says what
/// failed, so the window stays usable: the session keeps its unsaved text (in memory and in
/// the journal). An edit changes the session only once its new text is parsed, so a panic
/// inside one leaves the text as it was.
pub fn guard<T>(what: &str, f: impl FnOnce() -> CmdResult<T>) -> CmdResult<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let detail = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no details".to_string());
        Err(CommandError::new(
            "internal",
            format!(
                "Folio hit a bug while {what} ({detail}). Your unsaved text is kept, and Save \
                 still works."
            ),
        ))
    })
}

/// In debug builds with `FOLIO_TEST_PANIC` set, panics when `input` (as debug text) holds
/// that variable's value: how the end-to-end tests force a bug, to check that the window
/// survives one. Release builds compile it out.
pub fn test_panic(input: &impl std::fmt::Debug) {
    if cfg!(debug_assertions) {
        if let Some(marker) = std::env::var_os("FOLIO_TEST_PANIC") {
            let marker = marker.to_string_lossy();
            if !marker.is_empty() && format!("{input:?}").contains(&*marker) {
                panic!("forced by FOLIO_TEST_PANIC");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error_that_says_what_failed() {
        let err = guard::<()>("applying an edit", || panic!("index out of bounds")).unwrap_err();
        assert_eq!(err.kind, "internal");
        assert!(
            err.message
                .starts_with("Folio hit a bug while applying an edit (index out of bounds)."),
            "{}",
            err.message
        );
        assert_eq!(guard("x", || Ok(7)).unwrap(), 7);
    }
}
