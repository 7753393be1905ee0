//! The images a page's shortcodes can point at, as an image field's picker offers them:
//! the site's static folders (`static/`, or those `staticDir` names: written `/path`,
//! served from the site root), its `assets/`
//! (written `path`, as `resources.Get` takes it) and the page's bundle when the page is
//! one (`index.md` or `_index.md`: written `name`, as `.Page.Resources.Get` takes it).
//! Hugo docs, "Static files", "Asset management", "Page bundles".

use std::path::{Path, PathBuf};

use serde::Serialize;

/// Image file extensions offered (lowercase).
const EXTENSIONS: [&str; 8] = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico"];
/// At most this many images are listed (a site with thousands is not browsed this way).
pub const MAX_IMAGES: usize = 2000;

/// Where an image lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ImageFolder {
    /// One of the site's static folders.
    Static,
    /// `assets/`.
    Assets,
    /// The page's bundle.
    Bundle,
}

/// One image a field may point at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageChoice {
    /// What the field's value becomes when it is chosen.
    pub value: String,
    /// Which folder it is in.
    pub folder: ImageFolder,
    /// The file.
    pub file: PathBuf,
}

/// The images `page` of the site at `root` can point at (see the module doc; `statics`,
/// its own static folders, the first winning: [`crate::Site::own_static_dirs`]), sorted
/// by folder then path; at most [`MAX_IMAGES`]. Hidden files and folders are skipped.
pub fn list(root: &Path, statics: &[PathBuf], page: &Path) -> Vec<ImageChoice> {
    let bundle = page
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|n| matches!(*n, "index.md" | "_index.md"))
        .and_then(|_| page.parent());
    let mut out = Vec::new();
    let folders = statics
        .iter()
        .map(|d| (Some(d.clone()), ImageFolder::Static, "/"))
        .chain([
            (Some(root.join("assets")), ImageFolder::Assets, ""),
            (bundle.map(Path::to_path_buf), ImageFolder::Bundle, ""),
        ]);
    for (dir, folder, prefix) in folders {
        let Some(dir) = dir else { continue };
        let files = walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(std::result::Result::ok)
            .filter(|e| e.file_type().is_file() && is_image(e.path()));
        for e in files {
            if out.len() >= MAX_IMAGES {
                return out;
            }
            let Ok(rel) = e.path().strip_prefix(&dir) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            let value = format!("{prefix}{rel}");
            // Served once: from the static folder that wins.
            if out.iter().any(|c: &ImageChoice| c.value == value) {
                continue;
            }
            out.push(ImageChoice {
                value,
                folder,
                file: e.path().to_path_buf(),
            });
        }
    }
    out
}

/// Whether a file's extension is an image's (what a browser shows in an `<img>`).
pub fn is_image(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}
