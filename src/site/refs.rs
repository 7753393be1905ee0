//! Pages by reference and their URLs: Hugo's `ref` and `relref` shortcodes, and the
//! `.RelPermalink` of a content file.
//!
//! A reference names a content file by its path, with or without its extension, and may
//! end in a `#fragment` that the URL keeps. Hugo (`hugolib/pagecollections.go`,
//! `getPageRef`; docs: "Links and cross references") looks a reference up:
//! - starting with `/`: from the language's content folder;
//! - else from the referring page's folder (a bundle's own folder for its `index.md`),
//!   then from the content folder, then by its file name anywhere in the content folder,
//!   which must then name one page only ("page reference … is ambiguous").
//!
//! `blog/post` names `blog/post.md`, `blog/post/index.md` or `blog/post/_index.md`. A file
//! inside a leaf bundle other than its `index.md` is a resource of the bundle, not a page.
//!
//! A page's URL is its path in the content folder (`blog/post.md` → `/blog/post/`,
//! `about/index.md` → `/about/`), its last part replaced by the front matter's `slug`, or
//! the front matter's `url` in its place; under `/LANG/` for a language other than the
//! default. Left out: the site's `[permalinks]` patterns.

use std::path::{Component, Path, PathBuf};

use serde_json::{Map, Value as Json};

use super::Site;

/// File extensions of content pages Folio reads.
const PAGE_EXTENSIONS: [&str; 4] = ["md", "markdown", "html", "htm"];

/// Why a reference names no page, in Hugo's words (`REF_NOT_FOUND`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefError {
    /// No page has that path or name.
    NotFound,
    /// Several pages have that file name.
    Ambiguous,
}

impl RefError {
    /// Hugo's message for `reference`.
    pub fn message(&self, reference: &str) -> String {
        match self {
            RefError::NotFound => format!("Ref \"{reference}\": page not found"),
            RefError::Ambiguous => {
                format!("Ref \"{reference}\": page reference \"{reference}\" is ambiguous")
            }
        }
    }
}

/// The page file `reference` names, read from the page `from` in the content folder
/// `content_dir`, and the reference's `#fragment` (empty when none).
///
/// # Errors
/// [`RefError::NotFound`] or [`RefError::Ambiguous`], as Hugo's `REF_NOT_FOUND`.
pub fn resolve(
    content_dir: &Path,
    from: &Path,
    reference: &str,
) -> Result<(PathBuf, String), RefError> {
    let (path, fragment) = match reference.split_once('#') {
        Some((p, f)) => (p, format!("#{f}")),
        None => (reference, String::new()),
    };
    if path.is_empty() {
        return Err(RefError::NotFound);
    }
    let found = match path.strip_prefix('/') {
        Some(rest) => page_at(content_dir, content_dir, rest),
        None => {
            let own = from.parent().unwrap_or(content_dir);
            page_at(content_dir, own, path)
                .or_else(|| page_at(content_dir, content_dir, path))
                .map_or_else(|| by_name(content_dir, path), |p| Ok(Some(p)))?
        }
    };
    found.map(|p| (p, fragment)).ok_or(RefError::NotFound)
}

/// The page `rel` names from folder `base`, inside `content_dir`.
fn page_at(content_dir: &Path, base: &Path, rel: &str) -> Option<PathBuf> {
    let mut at = base.to_path_buf();
    for c in Path::new(rel).components() {
        match c {
            Component::Normal(p) => at.push(p),
            Component::ParentDir => {
                at.pop();
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    if !at.starts_with(content_dir) {
        return None;
    }
    let with_ext = |ext: &str| {
        let mut s = at.clone().into_os_string();
        s.push(".");
        s.push(ext);
        PathBuf::from(s)
    };
    let has_ext = at
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PAGE_EXTENSIONS.contains(&e));
    let candidates: Vec<PathBuf> = if has_ext {
        vec![at.clone()]
    } else {
        PAGE_EXTENSIONS
            .iter()
            .map(|e| with_ext(e))
            .chain(["index.md", "_index.md"].map(|f| at.join(f)))
            .collect()
    };
    candidates.into_iter().find(|c| is_page(c))
}

/// The one page named `name` (`post.md`, `post`, or a bundle's folder name) anywhere in
/// `content_dir`; `None` when there is none.
fn by_name(content_dir: &Path, name: &str) -> Result<Option<PathBuf>, RefError> {
    if name.contains('/') {
        return Ok(None);
    }
    let wanted = name.to_lowercase();
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(content_dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && is_page(e.path()))
        .map(|e| e.into_path())
        .filter(|p| {
            let file = p.file_name().and_then(|f| f.to_str()).unwrap_or("");
            let stem = p.file_stem().and_then(|f| f.to_str()).unwrap_or("");
            let named = if matches!(stem, "index" | "_index") {
                let folder = p
                    .parent()
                    .and_then(|d| d.file_name())
                    .and_then(|f| f.to_str());
                folder.map(str::to_lowercase) == Some(wanted.clone())
            } else {
                file.to_lowercase() == wanted || stem.to_lowercase() == wanted
            };
            named
        })
        .collect();
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.pop()),
        _ => Err(RefError::Ambiguous),
    }
}

/// Whether `path` is a content page: a file with a page extension that is not a leaf
/// bundle's resource.
fn is_page(path: &Path) -> bool {
    let ext_ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PAGE_EXTENSIONS.contains(&e.to_lowercase().as_str()));
    if !ext_ok || !path.is_file() {
        return false;
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let in_leaf_bundle = path
        .parent()
        .is_some_and(|d| d.join("index.md").is_file() || d.join("index.html").is_file());
    matches!(stem, "index" | "_index") || !in_leaf_bundle
}

/// The URL path of the page `abs` of language `lang` (without the base URL's path):
/// its path in the language's content folder, or its front matter's `slug` or `url`.
pub fn page_url(site: &Site, lang: &str, abs: &Path, front: Option<&Map<String, Json>>) -> String {
    let text = |k: &str| {
        front
            .and_then(|f| f.get(k))
            .and_then(Json::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let languages = site.languages();
    let multilingual = languages.len() > 1;
    let prefix = (multilingual && site.default_language() != lang).then(|| lang.to_string());
    if let Some(url) = text("url") {
        let url = if url.starts_with('/') {
            url.to_string()
        } else {
            format!("/{url}")
        };
        return match prefix {
            Some(p) => format!("/{p}{url}"),
            None => url,
        };
    }
    let content_dir = languages
        .iter()
        .find(|l| l.code == lang)
        .filter(|l| abs.starts_with(&l.content_dir))
        .map_or_else(|| site.root.join("content"), |l| l.content_dir.clone());
    let mut rel = abs
        .strip_prefix(&content_dir)
        .unwrap_or(abs)
        .with_extension("");
    // `about.fr` → `about`: the language is not part of the URL's path.
    if rel.extension().and_then(|e| e.to_str()) == Some(lang) {
        rel = rel.with_extension("");
    }
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("index" | "_index")) {
        parts.pop();
    }
    if let (Some(slug), Some(last)) = (text("slug"), parts.last_mut()) {
        *last = slug.to_string();
    }
    if let Some(p) = prefix {
        parts.insert(0, p);
    }
    if parts.is_empty() {
        "/".to_string()
    } else {
        format!("/{}/", parts.join("/").to_lowercase().replace(' ', "-"))
    }
}

/// The URL path of the page file `abs` read from disk (its front matter's `slug` and
/// `url` count); `None` when it cannot be read.
pub fn file_url(site: &Site, lang: &str, abs: &Path) -> Option<String> {
    let text = std::fs::read_to_string(abs).ok()?;
    let front = crate::page::Page::parse(&text)
        .ok()
        .and_then(|p| p.front_matter().map(|(_, d)| d.to_json()))
        .and_then(|j| match j {
            Json::Object(m) => Some(m),
            _ => None,
        });
    Some(page_url(site, lang, abs, front.as_ref()))
}

/// The content folder a page file is in: the deepest language content folder that holds
/// it, else the site's `content/`.
pub fn content_dir_of(site: &Site, abs: &Path) -> PathBuf {
    site.languages()
        .into_iter()
        .map(|l| l.content_dir)
        .filter(|d| abs.starts_with(d))
        .max_by_key(|d| d.components().count())
        .unwrap_or_else(|| site.root.join("content"))
}
