//! The site's own stylesheets, for the "Site styles" choice: the CSS the site serves as
//! plain files (`static/**/*.css`, the site's then its themes'), then the stylesheets in
//! `assets/` (CSS, and SCSS or Sass compiled with `grass` as Hugo's `css.Sass` would) that
//! one of its templates names by path (`resources.Get "css/main.scss"`).
//!
//! A stylesheet's `url` is where the site serves it, from the site root: a static file at
//! its path, a compiled one at its path with `.css` (Hugo's `ToCSS` default target).

use std::path::{Path, PathBuf};

use super::Site;
use crate::templates::Catalogue;

/// One of the site's stylesheets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stylesheet {
    /// Where the site serves it, from its root (`css/main.css`).
    pub url: String,
    /// The file it comes from.
    pub path: PathBuf,
    /// Whether it comes from `assets/` (compiled, or copied as it is for CSS) rather than
    /// served from `static/` as it is.
    pub from_assets: bool,
}

/// The most stylesheets of each kind Folio links (a site with more is a vendor folder).
const MAX_SHEETS: usize = 40;
/// Stylesheets larger than this (bytes) are not linked.
const MAX_SHEET: u64 = 4 << 20;

impl Site {
    /// The site's stylesheets, in the order they are linked: static files first (by
    /// path), then the `assets/` ones its templates name.
    pub fn stylesheets(&self) -> Vec<Stylesheet> {
        let roots: Vec<PathBuf> = Catalogue::folders(&self.template_sources())
            .into_iter()
            .filter_map(|layouts| layouts.parent().map(Path::to_path_buf))
            .collect();
        let mut out = Vec::new();
        for dir in self.static_dirs() {
            for (url, path) in files_with(&dir, &["css"]) {
                if !out.iter().any(|s: &Stylesheet| s.url == url) {
                    out.push(Stylesheet {
                        url,
                        path,
                        from_assets: false,
                    });
                }
            }
        }
        // Which `assets/` stylesheets the templates name is found once per load of the
        // templates (a change under `layouts/` or `assets/` reloads them): the preview asks
        // on every keystroke, and finding it reads every layout.
        let named = {
            let mut cached = self
                .asset_sheets
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            cached
                .get_or_insert_with(|| named_in_assets(&roots))
                .clone()
        };
        for sheet in named {
            if !out.iter().any(|s: &Stylesheet| s.url == sheet.url) {
                out.push(sheet);
            }
        }
        out
    }

    /// The folders the site serves static files from, the first that has a file winning:
    /// its own, as `staticDir` names them (a folder or a list, the last listed first: Hugo
    /// serves their union, a later folder's file over an earlier's, checked against Hugo
    /// 0.168; `static` by default), then each theme's and module's `static/`. Absolute
    /// when the site's folder is.
    pub fn static_dirs(&self) -> Vec<PathBuf> {
        let mut out = self.own_static_dirs();
        out.extend(
            Catalogue::folders(&self.template_sources())
                .into_iter()
                .skip(1)
                .filter_map(|layouts| layouts.parent().map(|root| root.join("static"))),
        );
        out
    }

    /// The site's own static folders ([`Site::static_dirs`] without its themes').
    pub fn own_static_dirs(&self) -> Vec<PathBuf> {
        let named = self
            .folder_setting("staticDir")
            .filter(|named| !named.is_empty())
            .unwrap_or_else(|| vec!["static".to_string()]);
        named.iter().rev().map(|d| self.root.join(d)).collect()
    }

    /// The folders a folder setting of the config names (`staticDir`, `contentDir`…: a
    /// folder, or a list of them, as written), or `None` when it is not set (or is neither).
    pub fn folder_setting(&self, key: &str) -> Option<Vec<String>> {
        match self.config_json(&[key])? {
            serde_json::Value::String(d) => Some(vec![d]),
            serde_json::Value::Array(list) => Some(
                list.iter()
                    .filter_map(|d| d.as_str().map(str::to_string))
                    .collect(),
            ),
            _ => None,
        }
    }

    /// The file the site serves at `served` (a path from its root, `img/bg.png`): in the
    /// first of its static folders that has it ([`Site::static_dirs`]); `None` when none
    /// has it, the path leaves the folder, or the file is reached through a symbolic link
    /// (which Hugo does not publish: [`crate::fs::linked_below`]).
    pub fn static_file(&self, served: &str) -> Option<PathBuf> {
        let inside = Path::new(served)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !inside || served.is_empty() {
            return None;
        }
        self.static_dirs()
            .into_iter()
            .map(|dir| (dir.join(served), dir))
            .find(|(f, dir)| f.is_file() && !crate::fs::linked_below(dir, f))
            .map(|(f, _)| f)
    }

    /// Forgets which `assets/` stylesheets the templates name, and which templates call a
    /// function Hugo does not have: a layout or an asset changed (the next
    /// [`Site::stylesheets`] and [`Site::unknown_calls`] look again).
    pub fn forget_stylesheets(&self) {
        *self
            .asset_sheets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        *self
            .unknown_calls
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }
}

impl Stylesheet {
    /// The stylesheet's CSS: the file's text, or SCSS/Sass compiled (partials and imports
    /// found next to it and in its `assets/` folder).
    ///
    /// # Errors
    /// The file cannot be read, or does not compile: `file:line:col: message`.
    pub fn css(&self) -> crate::Result<String> {
        let ext = self.path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext.eq_ignore_ascii_case("css") {
            return crate::fs::read_to_string(&self.path)
                .map_err(|e| crate::Error::io(&self.path, e));
        }
        let assets = self
            .path
            .ancestors()
            .find(|p| p.file_name().is_some_and(|n| n == "assets"))
            .unwrap_or(Path::new("."));
        let options = grass::Options::default()
            .load_path(assets)
            .style(grass::OutputStyle::Expanded);
        grass::from_path(&self.path, &options).map_err(|e| {
            let message = e.to_string();
            let first = message
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("Error: ");
            let at = message
                .lines()
                .find_map(|l| {
                    l.trim()
                        .strip_prefix("./")
                        .or(l.trim().strip_prefix("--> "))
                })
                .unwrap_or("");
            crate::Error::site(&self.path, format!("{first} {at}").trim().to_string())
        })
    }
}

/// The `assets/` stylesheets a template names by path, in `roots` order.
fn named_in_assets(roots: &[PathBuf]) -> Vec<Stylesheet> {
    let templates = layouts_text(roots);
    // `resources.Match "css/*.css"` (Terminal's head) names every sheet its glob matches.
    let globs: Vec<&str> = templates
        .match_indices("resources.Match")
        .filter_map(|(at, call)| {
            let rest = templates.get(at + call.len()..)?.trim_start();
            let quote = rest.chars().next().filter(|c| matches!(c, '"' | '`'))?;
            let inner = rest.get(1..)?;
            inner.get(..inner.find(quote)?)
        })
        .collect();
    let mut out: Vec<Stylesheet> = Vec::new();
    for root in roots {
        for (rel, path) in files_with(&root.join("assets"), &["css", "scss", "sass"]) {
            let named = templates.contains(&rel)
                || globs
                    .iter()
                    .any(|g| crate::templates::engine::resources::matches(g, &rel));
            if !named {
                continue;
            }
            let url = match rel.rsplit_once('.') {
                Some((stem, _)) => format!("{stem}.css"),
                None => rel.clone(),
            };
            if !out.iter().any(|s| s.url == url) {
                out.push(Stylesheet {
                    url,
                    path,
                    from_assets: true,
                });
            }
        }
    }
    out
}

/// `(path under dir with /, file)` of the files with these extensions, sorted, bounded.
fn files_with(dir: &Path, extensions: &[&str]) -> Vec<(String, PathBuf)> {
    crate::templates::engine::resources::walk_files(dir)
        .filter(|(rel, path)| {
            let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
            let hidden = rel.split('/').any(|part| part.starts_with(['.', '_']));
            !hidden
                && extensions.iter().any(|x| ext.eq_ignore_ascii_case(x))
                && std::fs::metadata(path).is_ok_and(|m| m.len() <= MAX_SHEET)
        })
        .take(MAX_SHEETS)
        .collect()
}

/// The text of every template under the `layouts/` folders (what names an asset).
fn layouts_text(roots: &[PathBuf]) -> String {
    let mut all = String::new();
    for root in roots {
        for e in walkdir::WalkDir::new(root.join("layouts"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .take(2000)
        {
            if let Ok(text) = crate::fs::read_to_string(e.path()) {
                all.push_str(&text);
                all.push('\n');
            }
        }
    }
    all
}
