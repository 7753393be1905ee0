//! The bundled sample site (the app opens a copy of it when no site is chosen), and a
//! generator of large pages built from its cards, used by benchmarks and performance tests
//! (`folio bench-page N`).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The sample portfolio page, as shipped in `content/`.
pub const PAGE: &str = include_str!("../content/content/en/about.md");

/// Every file of the bundled sample site, by path relative to the site root.
pub const FILES: [(&str, &str); 7] = [
    ("hugo.toml", include_str!("../content/hugo.toml")),
    ("content/en/about.md", PAGE),
    (
        "layouts/shortcodes/project-card.html",
        include_str!("../content/layouts/shortcodes/project-card.html"),
    ),
    (
        "layouts/_default/baseof.html",
        include_str!("../content/layouts/_default/baseof.html"),
    ),
    (
        "layouts/_default/single.html",
        include_str!("../content/layouts/_default/single.html"),
    ),
    (
        "layouts/_default/about.html",
        include_str!("../content/layouts/_default/about.html"),
    ),
    (
        "layouts/_default/list.html",
        include_str!("../content/layouts/_default/list.html"),
    ),
];

/// Writes the sample site into `dir` (files already there are kept: they may hold the
/// user's edits) and returns the page's path.
pub fn install(dir: &Path) -> Result<PathBuf> {
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if path.exists() {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        crate::fs::write_atomic(&path, text.as_bytes())?;
    }
    Ok(dir.join("content/en/about.md"))
}

/// A page like the sample with `cards` project cards (the sample's six, repeated with
/// numbered titles): about 400 bytes per card.
pub fn many_cards(cards: usize) -> String {
    let body_start = PAGE.find("{{<project-card").unwrap_or(PAGE.len());
    let end_tag = "{{</project-card>}}";
    let last_end = PAGE
        .rfind(end_tag)
        .map_or(PAGE.len(), |i| i + end_tag.len());
    let mut protos = Vec::new();
    let mut rest = PAGE.get(body_start..last_end).unwrap_or_default();
    while let Some(start) = rest.find("{{<project-card") {
        let from = rest.get(start..).unwrap_or_default();
        let card = from
            .find(end_tag)
            .and_then(|len| from.split_at_checked(len + end_tag.len()));
        let Some((card, after)) = card else {
            break;
        };
        protos.push(card);
        rest = after;
    }
    let mut out = String::with_capacity(cards * 420 + PAGE.len());
    out.push_str(PAGE.get(..body_start).unwrap_or_default());
    for (i, proto) in protos.iter().cycle().take(cards).enumerate() {
        out.push_str(&proto.replacen("title=\"", &format!("title=\"#{} ", i + 1), 1));
        out.push_str("\n\n");
    }
    out.push_str(PAGE.get(last_end..).unwrap_or_default().trim_start());
    out
}
