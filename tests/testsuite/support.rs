//! Helpers shared by the test modules.

use std::path::{Path, PathBuf};

use folio::{Block, Card, Page, Portfolio};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled sample page.
pub fn sample_page() -> PathBuf {
    root().join("content/content/en/about.md")
}

/// The sample page's text.
pub fn sample_text() -> String {
    std::fs::read_to_string(sample_page()).expect("the sample page is readable")
}

/// Every page fixture, plus the sample.
pub fn page_fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/pages"))
        .expect("fixtures folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    v.sort();
    v.push(sample_page());
    v
}

/// A fixture file's bytes as text.
pub fn read(path: &Path) -> String {
    String::from_utf8(std::fs::read(path).expect("fixture readable")).expect("fixture is UTF-8")
}

/// A copy of the sample site in a temporary folder.
pub fn sample_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&root().join("content"), dir.path());
    dir
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// What changed between two texts: the differing middle of each, after the longest common
/// prefix and suffix.
#[derive(Debug, PartialEq, Eq)]
pub struct Change<'a> {
    pub at: usize,
    pub old: &'a str,
    pub new: &'a str,
}

/// The single changed region between `old` and `new`.
pub fn change<'a>(old: &'a str, new: &'a str) -> Change<'a> {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((i, a), _)| i + a.len_utf8());
    let (o, n) = (&old[prefix..], &new[prefix..]);
    let suffix = o
        .chars()
        .rev()
        .zip(n.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>()
        .min(o.len())
        .min(n.len());
    Change {
        at: prefix,
        old: &o[..o.len() - suffix],
        new: &n[..n.len() - suffix],
    }
}

/// Parses text that must parse.
pub fn parse(text: &str) -> Page {
    Page::parse(text).unwrap_or_else(|e| panic!("fixture should parse: {e}"))
}

/// The card at block index `i` of a model.
pub fn card_mut(m: &mut Portfolio, i: usize) -> &mut Card {
    match &mut m.blocks[i] {
        Block::Card(c) => c,
        other => panic!("block {i} is a {} block, not a card", other.kind()),
    }
}

/// Applies a model that must apply.
pub fn apply(page: &Page, m: &Portfolio) -> String {
    page.apply(m)
        .unwrap_or_else(|e| panic!("apply failed at {}: {}", e.at, e.message))
        .to_string()
}
