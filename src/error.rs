//! The one error type of the core crate, and the located syntax error its parsers return.

use std::fmt;
use std::path::{Path, PathBuf};

/// Everything that can go wrong in the core, each variant naming the file it concerns.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file does not follow Hugo's grammar (or its front matter's format).
    #[error("{}:{line}:{col}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line of the offending construct (or where it was opened).
        line: usize,
        /// 1-based column, in characters.
        col: usize,
        /// Short and lowercase, naming the construct.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the OS reported.
        #[source]
        source: std::io::Error,
    },
    /// A model handed to `apply` cannot be written (unknown block id, a value that cannot be
    /// represented, ...). `at` is where in the model, as a JSON path.
    #[error("{}: {at}: {message}", path.display())]
    Model {
        /// The page (or config) the model was to be written to.
        path: PathBuf,
        /// Where in the model, as a JSON path (`blocks[3].title`, `params.email`).
        at: String,
        /// What is wrong with the value there.
        message: String,
    },
    /// The path is not something Folio can open (no site config, no portfolio page, ...).
    #[error("{}: {message}", path.display())]
    Site {
        /// The path given.
        path: PathBuf,
        /// Why it cannot be opened.
        message: String,
    },
}

/// Shorthand used throughout the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An IO error, with the path it concerns.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A model error at `at` (a JSON path such as `blocks[3].title`).
    pub fn model(path: &Path, at: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Model {
            path: path.to_path_buf(),
            at: at.into(),
            message: message.into(),
        }
    }

    /// A site-level error.
    pub fn site(path: &Path, message: impl Into<String>) -> Self {
        Error::Site {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    /// A short, stable name for the kind of error, used by the desktop shell and CLI.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Syntax { .. } => "syntax",
            Error::Io { .. } => "io",
            Error::Model { .. } => "model",
            Error::Site { .. } => "site",
        }
    }

    /// The line and column a syntax error points at.
    pub fn location(&self) -> Option<(usize, usize)> {
        match self {
            Error::Syntax { line, col, .. } => Some((*line, *col)),
            _ => None,
        }
    }
}

/// A syntax error at a byte offset of the text being parsed, before it is tied to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset into the parsed text.
    pub offset: usize,
    /// Lowercase, specific message: what was found, what was expected, where it was opened.
    pub message: String,
}

impl SyntaxError {
    /// A new error at `offset`.
    pub fn new(offset: usize, message: impl Into<String>) -> Self {
        SyntaxError {
            offset,
            message: message.into(),
        }
    }

    /// Ties the error to a file: computes line and column in `text`.
    pub fn at(self, path: &Path, text: &str) -> Error {
        let (line, col) = crate::text::line_col(text, self.offset);
        Error::Syntax {
            path: path.to_path_buf(),
            line,
            col,
            message: self.message,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for SyntaxError {}
