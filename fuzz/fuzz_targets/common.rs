//! What the fuzz targets share: a byte cursor that turns fuzz input into choices and text
//! (multi-byte UTF-8, line endings, quotes, shortcode delimiters), a model mutator, and a
//! sample site on disk (one per process) for the entry points that read files.

#![allow(dead_code, reason = "each target uses part of this module")]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use folio::model::{Block, Card};
use folio::Portfolio;
use serde_json::Value as Json;

/// Pieces of text that break naive offset arithmetic or Hugo's grammar.
const PIECES: &[&str] = &[
    "a", " ", "é", "e\u{301}", "中文", "👩\u{200d}💻", "\u{200f}", "\u{feff}", "\r\n", "\n", "\r",
    "\t", "\0", "\"", "\\", "\\\"", "`", "'", "{{<", ">}}", "{{%", "%}}", "{{</*", "*/>}}", "%",
    "%aé", "[", "](", ")", "<", ">", "&", "#", ":", "---", "+++", "*", "_", "|", "www.x.io",
    "https://a.b/c?d=e", "project-card", "title=", "=", "}}", "{{",
];

/// Reads choices and text off fuzz input, and never fails: past the end it reads zeros.
pub struct Bytes<'a>(pub &'a [u8]);

impl Bytes<'_> {
    /// The next byte (0 past the end).
    pub fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::from(self.byte()) % n
        }
    }

    /// Whether input is left.
    pub fn more(&self) -> bool {
        !self.0.is_empty()
    }

    /// A short string of pieces, any Unicode included.
    pub fn text(&mut self) -> String {
        let n = self.below(8);
        (0..n).map(|_| PIECES[self.below(PIECES.len())]).collect()
    }
}

/// Splits fuzz input at its first 0xFF byte: (text before it, choices after it).
pub fn split(data: &[u8]) -> Option<(&str, Bytes<'_>)> {
    let at = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
    let text = std::str::from_utf8(&data[..at]).ok()?;
    Some((text, Bytes(data.get(at + 1..).unwrap_or(&[]))))
}

/// Changes `model` as forms would, as many times as the input says: strings with any
/// Unicode, blocks added, removed, moved, copied, keys added and removed.
pub fn mutate(model: &mut Portfolio, b: &mut Bytes) {
    for _ in 0..b.below(6) {
        let n = model.blocks.len();
        match b.below(9) {
            0 => {
                let key = ["title", "date", "draft", "weight", "new-key"][b.below(5)];
                model.front_matter.insert(key.into(), Json::String(b.text()));
            }
            1 => {
                let k = model.front_matter.keys().nth(b.below(model.front_matter.len().max(1))).cloned();
                if let Some(k) = k {
                    model.front_matter.remove(&k);
                }
            }
            2 if n > 0 => {
                let i = b.below(n);
                match &mut model.blocks[i] {
                    Block::Markdown { text, .. } => *text = b.text(),
                    Block::Card(c) => edit_card(c, b),
                    Block::Shortcode(s) => match b.byte() % 3 {
                        0 => s.source = Some(b.text()),
                        1 => {
                            if let Some(p) = s.params.as_mut().and_then(|p| p.first_mut()) {
                                p.value = b.text();
                            }
                        }
                        _ => s.body = Some(b.text()),
                    },
                }
            }
            3 => {
                let at = b.below(n + 1);
                let block = if b.byte() % 2 == 0 {
                    Block::Markdown { id: None, text: b.text() }
                } else {
                    let mut c = Card::default();
                    edit_card(&mut c, b);
                    Block::Card(c)
                };
                model.blocks.insert(at, block);
            }
            4 if n > 0 => {
                model.blocks.remove(b.below(n));
            }
            5 if n > 1 => {
                let from = b.below(n);
                let block = model.blocks.remove(from);
                model.blocks.insert(b.below(n), block);
            }
            6 if n > 0 => {
                let mut copy = model.blocks[b.below(n)].clone();
                copy.set_id(None);
                model.blocks.insert(b.below(n + 1), copy);
            }
            7 => {
                model.params.insert(["email", "github", "x"][b.below(3)].into(), Json::String(b.text()));
            }
            _ => {}
        }
    }
}

fn edit_card(c: &mut Card, b: &mut Bytes) {
    match b.below(6) {
        0 => c.title = b.text(),
        1 => c.tech_icons = (0..b.below(4)).map(|_| b.text()).collect(),
        2 => c.other_tech.push(b.text()),
        3 => c.repository = Some(b.text()),
        4 => c.body = b.text(),
        _ => {
            c.extra.insert(b.text(), Json::String(b.text()));
        }
    }
}

/// A copy of the sample site for this process; returns the page's path.
pub fn site() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, page) = SITE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        let page = folio::sample::install(dir.path()).expect("the sample installs");
        (dir, page)
    });
    page
}

/// A file's bytes, or an empty list when it is missing.
pub fn bytes_of(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}
