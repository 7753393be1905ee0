//! Folio's engine: a lossless model of a Hugo portfolio page and its site, the edits the
//! forms make, the preview and export renderers, and file watching.
//!
//! Data flows one way: text is parsed into a [`Page`] (the source plus spans), viewed as a
//! [`Portfolio`] (what the forms edit), and a changed portfolio is applied back to the page
//! as splices over exactly the bytes that changed.

pub mod data;
pub mod error;
pub mod model;
pub mod page;
pub mod text;

pub use error::{Error, Result, SyntaxError};
pub use model::{Block, Card, Portfolio};
pub use page::Page;
pub mod check;
pub mod fsx;
pub mod icons;
pub mod site;

pub use site::Site;
pub mod document;

pub use document::{Document, Plan};
pub mod export;
pub mod merge;
pub mod render;
pub mod sample;
pub mod session;
pub mod storage;
pub mod watch;
