//! Folio's integration tests: one test crate, a module per area, fixtures under
//! `tests/fixtures/<area>/`. Tests never write inside the repository: they copy what they
//! change into temporary folders.

#![allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "tests: an out-of-range index is a test failure, which is what it should be"
)]

mod cli;
mod corpus;
mod crash;
mod difftest;
mod edits;
mod errors;
mod export;
mod frontmatter;
mod goldmark;
mod highlight;
mod merge;
mod parity;
mod props;
mod props_text;
mod render;
mod roundtrip;
mod session;
mod shortcodes;
mod site;
mod support;
mod templates;
mod watch;
