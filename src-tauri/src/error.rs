//! The shell's one error type: what a command failed with, as `{kind, message}` for the UI.

use serde::Serialize;

/// A failed command.
#[derive(Debug, thiserror::Error, Serialize)]
#[error("{message}")]
pub struct CommandError {
    /// `syntax`, `io`, `model`, `site`, `state` or `dialog`.
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
