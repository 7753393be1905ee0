//! Folio's engine: a lossless model of a Hugo portfolio page and its site, the edits the
//! forms make, the preview and export renderers, and file watching. No Tauri, no DOM.
//!
//! Data flows one way (see `docs/ARCHITECTURE.md`):
//!
//! ```text
//! text --Page::parse--> Page (source + spans) --to_model--> Portfolio (what forms edit)
//!      <--Page::apply (splices over exactly the changed bytes, re-parsed once)--
//! ```
//!
//! The modules, from the bottom up:
//!
//! - Text and files: [`fs`] (reads with located errors, atomic writes) and `text` (line and
//!   column, line endings, splices; private).
//! - Data: [`formats`], Hugo's metadecoders: YAML, TOML and JSON trees with byte spans, and
//!   the one diff that turns changed values into splices.
//! - Templates: [`templates`], the shortcodes a site can call, learned from its templates
//!   (Go templates parsed with `gotmpl`): which are paired, what parameters each reads.
//! - The page: [`page`] (front matter, Hugo's shortcode lexer and tree, blocks, cards,
//!   apply) and [`model`] (the JSON shape forms and `folio dump` use).
//! - The site: [`site`] (config discovery, params, languages, markup settings) and
//!   [`open_page`] (a page opened with its site: the unit the CLI and app work on).
//! - Output: [`render`] (Markdown as Goldmark renders it, shortcodes, cards, the page
//!   shell) and [`export`] (the static folder); [`icons`] (Font Awesome brands).
//! - Editing: [`session`] (unsaved text, undo, save, outside changes), [`merge`] (three-way
//!   merge by field), [`watch`] (file events classified into changes), [`storage`] (the app
//!   data folder: recent sites, journals, backups), [`check`] (`folio check`'s problems).
//! - [`sample`]: the bundled sample site.

pub mod error;
pub mod fs;
mod text;

pub mod formats;
pub mod templates;

pub mod model;
pub mod page;

pub mod site;

pub mod open_page;

pub mod export;
pub mod icons;
pub mod render;

pub mod check;
pub mod merge;
pub mod sample;
pub mod session;
pub mod storage;
pub mod threads;
pub mod watch;

pub use error::{Error, Result, SyntaxError};
pub use model::{Block, Card, Portfolio};
pub use open_page::{OpenPage, Plan};
pub use page::Page;
pub use site::Site;
pub use text::percent_decode;
