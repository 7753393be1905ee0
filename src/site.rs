//! A Hugo site: its config file (`hugo.*` before `config.*`, or `config/_default/`), its
//! `[params]`, its languages and content folders, and the portfolio pages in them.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};
use crate::formats::{Format, Tree};
use crate::fs;
use crate::text::{self, Splice};

/// Config file names in the order Hugo looks for them.
const CONFIG_NAMES: [&str; 8] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];

/// A parsed config (or params) file.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub src: String,
    pub doc: Tree,
}

impl ConfigFile {
    /// Parses `src` as the config file at `path` (its format from the extension).
    pub fn from_text(path: &Path, src: String) -> Result<ConfigFile> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let format = Format::from_extension(ext)
            .ok_or_else(|| Error::site(path, "unknown config format"))?;
        let doc = Tree::parse(&src, 0..src.len(), format).map_err(|e| e.at(path, &src))?;
        Ok(ConfigFile {
            path: path.to_path_buf(),
            src,
            doc,
        })
    }

    /// Reads and parses a config file; the format comes from its extension.
    pub fn read(path: &Path) -> Result<ConfigFile> {
        ConfigFile::from_text(path, fs::read_text(path)?)
    }
}

/// One language of the site and where its content lives.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Language {
    pub code: String,
    pub name: String,
    pub content_dir: PathBuf,
}

/// A portfolio page found in the site.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageRef {
    pub path: PathBuf,
    pub language: String,
}

/// A Hugo site.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Option<ConfigFile>,
    /// `config/_default/params.*`, whose top level is the params.
    pub params_file: Option<ConfigFile>,
}

impl Site {
    /// Opens the site at `dir`, which must hold a Hugo config.
    pub fn open_dir(dir: &Path) -> Result<Site> {
        match find_config(dir) {
            Some(_) => Site::load(dir),
            None => Err(Error::site(
                dir,
                "no Hugo config here: expected hugo.toml, hugo.yaml, hugo.json, config.* or config/_default/",
            )),
        }
    }

    /// The site a page file belongs to: the nearest folder above it with a config. A page
    /// outside any site gets a site without config (no params).
    pub fn for_page(page: &Path) -> Result<Site> {
        let abs = std::path::absolute(page).map_err(|e| Error::io(page, e))?;
        let mut dir = abs.parent();
        while let Some(d) = dir {
            if find_config(d).is_some() {
                return Site::load(d);
            }
            dir = d.parent();
        }
        Ok(Site {
            root: abs.parent().unwrap_or(Path::new("/")).to_path_buf(),
            config: None,
            params_file: None,
        })
    }

    fn load(dir: &Path) -> Result<Site> {
        let config = find_config(dir).map(|p| ConfigFile::read(&p)).transpose()?;
        let default_dir = dir.join("config").join("_default");
        let params_file = ["params.toml", "params.yaml", "params.yml", "params.json"]
            .iter()
            .map(|n| default_dir.join(n))
            .find(|p| p.is_file())
            .map(|p| ConfigFile::read(&p))
            .transpose()?;
        Ok(Site {
            root: dir.to_path_buf(),
            config,
            params_file,
        })
    }

    fn config_json(&self, path: &[&str]) -> Option<Json> {
        self.config.as_ref()?.doc.get(path).map(|n| n.to_json())
    }

    /// The file that holds the params (a params file, else the config), if any.
    pub fn params_file(&self) -> Option<&ConfigFile> {
        self.params_file.as_ref().or(self.config.as_ref())
    }

    /// The same site with the params file's text replaced (after an edit).
    pub fn with_params_text(&self, text: &str) -> Result<Site> {
        let mut site = self.clone();
        let slot = if site.params_file.is_some() {
            &mut site.params_file
        } else {
            &mut site.config
        };
        if let Some(file) = slot {
            *file = ConfigFile::from_text(&file.path.clone(), text.to_string())?;
        }
        Ok(site)
    }

    /// The site's `[params]`.
    pub fn params(&self) -> Map<String, Json> {
        let v = match &self.params_file {
            Some(f) => Some(f.doc.to_json()),
            None => self.config_json(&["params"]),
        };
        match v {
            Some(Json::Object(m)) => m,
            _ => Map::new(),
        }
    }

    /// Whether the config lets raw HTML through (`markup.goldmark.renderer.unsafe = true`).
    pub fn unsafe_html(&self) -> bool {
        self.config_json(&["markup", "goldmark", "renderer", "unsafe"]) == Some(Json::Bool(true))
    }

    /// The Markdown settings that change the HTML. Hugo turns its embedded link and image
    /// render hooks on by itself for a site with a `languages` table, unless
    /// `markup.goldmark.renderHooks.{link,image}.enableDefault` says otherwise.
    pub fn markup(&self) -> Markup {
        let multilingual =
            matches!(self.config_json(&["languages"]), Some(Json::Object(m)) if !m.is_empty());
        let hook = |kind: &str| match self.config_json(&[
            "markup",
            "goldmark",
            "renderHooks",
            kind,
            "enableDefault",
        ]) {
            Some(Json::Bool(on)) => on,
            _ => multilingual,
        };
        Markup {
            unsafe_html: self.unsafe_html(),
            link_hook: hook("link"),
            image_hook: hook("image"),
        }
    }

    /// The site's title, if set.
    pub fn title(&self) -> Option<String> {
        self.config_json(&["title"])
            .and_then(|v| v.as_str().map(str::to_string))
    }

    /// The site's languages, by weight; one default language when none is configured.
    pub fn languages(&self) -> Vec<Language> {
        let main_dir = self
            .config_json(&["contentDir"])
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| "content".to_string());
        let default_code = self
            .config_json(&["defaultContentLanguage"])
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| "en".to_string());
        let mut langs: Vec<(i64, Language)> = match self.config_json(&["languages"]) {
            Some(Json::Object(m)) if !m.is_empty() => m
                .iter()
                .map(|(code, v)| {
                    let get = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
                    let dir = get("contentDir").unwrap_or_else(|| main_dir.clone());
                    let weight = v.get("weight").and_then(Json::as_i64).unwrap_or(0);
                    let name = get("languageName")
                        .or_else(|| get("label"))
                        .unwrap_or_else(|| code.clone());
                    (
                        weight,
                        Language {
                            code: code.clone(),
                            name,
                            content_dir: self.root.join(dir),
                        },
                    )
                })
                .collect(),
            _ => vec![(
                0,
                Language {
                    code: default_code.clone(),
                    name: default_code.clone(),
                    content_dir: self.root.join(main_dir),
                },
            )],
        };
        langs.sort_by_key(|(weight, l)| (*weight, l.code != default_code));
        langs.into_iter().map(|(_, l)| l).collect()
    }

    /// Portfolio pages: pages holding `project-card` shortcodes or with `layout: about`,
    /// `about.md` first in each language.
    pub fn pages(&self) -> Vec<PageRef> {
        let mut out = Vec::new();
        let mut seen_dirs = Vec::new();
        for lang in self.languages() {
            if seen_dirs.contains(&lang.content_dir) {
                continue;
            }
            seen_dirs.push(lang.content_dir.clone());
            let mut found = markdown_files(&lang.content_dir);
            found.retain(|p| is_portfolio(p));
            found.sort_by_key(|p| (p.file_stem().is_none_or(|s| s != "about"), p.clone()));
            out.extend(found.into_iter().map(|path| PageRef {
                path,
                language: lang.code.clone(),
            }));
        }
        out
    }

    /// The new text of the file holding the params, if `new` differs from them.
    pub fn params_edit(
        &self,
        new: &Map<String, Json>,
    ) -> std::result::Result<Option<(PathBuf, String)>, crate::formats::EditError> {
        let new_json = Json::Object(new.clone());
        let (file, splices) = match (&self.params_file, &self.config) {
            (Some(f), _) => (f, f.doc.edits(&f.src, &new_json)?),
            (None, Some(c)) if c.doc.get(&["params"]).is_none() && c.doc.format == Format::Toml => {
                if new.is_empty() {
                    return Ok(None);
                }
                (c, vec![toml_params_table(c, new)?])
            }
            (None, Some(c)) => (c, c.doc.set(&c.src, &["params"], &new_json)?),
            (None, None) if new.is_empty() => return Ok(None),
            (None, None) => {
                return Err(crate::formats::EditError {
                    at: "params".into(),
                    message: "the page is not inside a Hugo site (no config found above it), so there are no site params to edit".into(),
                })
            }
        };
        if splices.is_empty() {
            return Ok(None);
        }
        Ok(Some((
            file.path.clone(),
            text::apply_splices(&file.src, splices),
        )))
    }
}

/// A `[params]` table appended to a TOML config that has none.
fn toml_params_table(
    c: &ConfigFile,
    new: &Map<String, Json>,
) -> std::result::Result<Splice, crate::formats::EditError> {
    let eol = c.doc.eol;
    let probe = format!("[params]{eol}");
    let doc = Tree::parse(&probe, 0..probe.len(), Format::Toml).map_err(|e| {
        crate::formats::EditError {
            at: "params".into(),
            message: e.message,
        }
    })?;
    let inner = doc.set(&probe, &["params"], &Json::Object(new.clone()))?;
    let mut text = String::new();
    if !c.src.is_empty() && !c.src.ends_with('\n') {
        text.push_str(eol);
    }
    if !c.src.is_empty() {
        text.push_str(eol);
    }
    text.push_str(&text::apply_splices(&probe, inner));
    Ok(Splice::insert(c.src.len(), text))
}

/// The page `path` names: the file itself, or a site folder's first portfolio page.
pub fn page_of(path: &Path) -> Result<PathBuf> {
    if !path.is_dir() {
        return Ok(path.to_path_buf());
    }
    Site::open_dir(path)?
        .pages()
        .into_iter()
        .next()
        .map(|p| p.path)
        .ok_or_else(|| Error::site(path, "no portfolio page found here (a page with project-card shortcodes or `layout: about`)"))
}

/// The config file of the site at `dir`, if any.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    let default_dir = dir.join("config").join("_default");
    CONFIG_NAMES
        .iter()
        .map(|n| dir.join(n))
        .chain(CONFIG_NAMES.iter().map(|n| default_dir.join(n)))
        .find(|p| p.is_file())
}

/// Markdown files under `dir` (hidden folders skipped, at most 20,000 files).
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name();
            let hidden = name.to_string_lossy().starts_with('.');
            match e.file_type() {
                Ok(t) if t.is_dir() && !hidden => stack.push(p),
                Ok(t)
                    if t.is_file()
                        && matches!(
                            p.extension().and_then(|x| x.to_str()),
                            Some("md" | "markdown")
                        ) =>
                {
                    out.push(p);
                    if out.len() >= 20_000 {
                        return out;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Whether a file looks like a portfolio page. A page that does not parse but mentions
/// `project-card` still counts, so the app can open it and show the error.
pub fn is_portfolio(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if meta.len() > 16 * 1024 * 1024 {
        return false;
    }
    let Ok(src) = std::fs::read_to_string(path) else {
        return false;
    };
    if src.contains(crate::page::CARD) {
        return true;
    }
    let Ok((Some(fm), _)) = crate::page::frontmatter::split(&src) else {
        return false;
    };
    Tree::parse(&src, fm.inner.clone(), fm.format)
        .ok()
        .and_then(|d| d.get(&["layout"]).map(|n| n.to_json()))
        .is_some_and(|v| v == "about")
}

/// Looks `key` up as Hugo's `param` shortcode does: lowercased, first as an exact key, then
/// as a dotted path, in the page's params first and then the site's.
pub fn lookup_param<'a>(
    page: &'a Map<String, Json>,
    site: &'a Map<String, Json>,
    key: &str,
) -> Option<&'a Json> {
    let key = key.to_lowercase();
    [page, site]
        .into_iter()
        .find_map(|params| lookup_in(params, &key))
}

fn lookup_in<'a>(params: &'a Map<String, Json>, key: &str) -> Option<&'a Json> {
    let get = |m: &'a Map<String, Json>, k: &str| {
        m.iter()
            .find(|(mk, _)| mk.to_lowercase() == k)
            .map(|(_, v)| v)
    };
    if let Some(v) = get(params, key) {
        return Some(v);
    }
    let mut parts = key.split('.');
    let mut cur = get(params, parts.next()?)?;
    for p in parts {
        cur = match cur {
            Json::Object(m) => get(m, p)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// The site's Markdown settings that change the HTML (read from its config).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Markup {
    /// `markup.goldmark.renderer.unsafe`: keep raw HTML (sanitised).
    pub unsafe_html: bool,
    /// Hugo's embedded link render hook is on (`renderHooks.link.enableDefault`, on by
    /// default for multilingual sites): destinations go through Go's `html/template`.
    pub link_hook: bool,
    /// The same for images (`renderHooks.image.enableDefault`).
    pub image_hook: bool,
}
