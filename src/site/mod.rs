//! A Hugo site: its config file (`hugo.*` before `config.*`, or `config/_default/`), its
//! `[params]`, its languages and content folders, and the portfolio pages in them.
//!
//! `config.rs` finds and reads the config, `params.rs` reads and edits the params,
//! `content.rs` lists languages and portfolio pages, [`images`] the images a page's fields
//! can point at. The site's shortcodes ([`Site::shortcodes`]) are learned from its
//! templates by [`crate::templates`].

pub mod cascade;
mod config;
mod content;
mod hugo;
pub mod images;
mod params;
pub mod refs;
mod styles;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::{Map, Value as Json};

use crate::error::{Error, Result};
use crate::templates::{self as shortcodes, Catalogue};
pub use config::{find_config, ConfigFile};
pub use content::is_portfolio;
pub(crate) use content::{index_file, split_language};
pub use hugo::{BadSetting, FileProblem, SiteFiles, Stops, FORMS_LANGUAGE, PLACEHOLDERS};
pub use params::{lookup_param, own_params, page_params, ParamElsewhere};
pub use styles::Stylesheet;

/// One language of the site and where its content lives.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Language {
    /// Its key in the config's `languages` table (`en`, `fr`), or `defaultContentLanguage`.
    pub code: String,
    /// `label`, else `languageName` (deprecated since Hugo 0.158, which reads `label`
    /// first), else the code.
    pub name: String,
    /// Its `weight` (0 when unset).
    pub weight: i64,
    /// Its `contentDir` (else the site's, else `content`), joined to the site root.
    pub content_dir: PathBuf,
}

/// A portfolio page found in the site.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageRef {
    /// The page file, under its language's content folder.
    pub path: PathBuf,
    /// The page's language ([`Site::language_of`]).
    pub language: String,
    /// What its translations share: its path in its content folder, without a language
    /// in its name (`projects.pt-br.md` and `projects.md` are `projects.md`), `/`-separated.
    pub translation_key: String,
}

/// A Hugo site.
#[derive(Debug, Clone)]
pub struct Site {
    /// The site's folder (the one holding its config), absolute for a site found from a page.
    pub root: PathBuf,
    /// The site config (`hugo.*`, `config.*` or `config/_default/…`); `None` for a page
    /// outside any site.
    pub config: Option<ConfigFile>,
    /// `config/_default/params.*`, whose top level is the params.
    pub params_file: Option<ConfigFile>,
    /// The other files of the config folder, each with the keys its values go under
    /// ([`key_path`]): `config/_default/markup.toml` under `markup`, `menus.en.toml` under
    /// `languages.en.menus`, `languages.en.toml` under `languages.en`; then those of
    /// `config/production/` (Hugo's environment for a build), which win.
    pub key_files: Vec<(Vec<String>, ConfigFile)>,
    /// The shortcodes the site can call (its templates, its themes', Hugo's built-ins).
    pub shortcodes: Arc<Catalogue>,
    /// The `data/` and `i18n/` files the templates read, loaded with the templates.
    pub files: Arc<SiteFiles>,
    /// The `params` of the site's themes and modules, from each one's own config (its
    /// `hugo.*` or `config.*`, or `config/_default/`), merged: a theme named first wins
    /// over one named after it, key by key. Loaded with the templates; under the site's
    /// own params in [`Site::render_params`].
    theme_params: Arc<Map<String, Json>>,
    /// The params of each of the site's themes and modules, in the order they are named
    /// (the first wins), each with its folder relative to the site's: what
    /// [`Site::params_elsewhere`] says a theme sets.
    theme_params_each: Arc<Vec<(PathBuf, Map<String, Json>)>>,
    /// The `markup` tables of the site's themes and modules, in the order they are named:
    /// merged under the site's as its `markup._merge` says ([`merge_theme_table`]).
    theme_markup: Arc<Vec<Map<String, Json>>>,
    /// The `languages.LANG.params` of the site's themes and modules, by language code in
    /// lower case, merged as [`Site::theme_params`] are: under the site's own for a
    /// language the site has ([`Site::params_in`]).
    theme_language_params: Arc<Map<String, Json>>,
    /// The themes' and modules' config files that could not be read or parsed: their
    /// params are left out (Hugo would stop; Folio opens the site and `check` says why).
    theme_config_errors: Arc<Vec<Error>>,
    /// The `assets/` stylesheets the templates name, found on first use and forgotten
    /// when anything the watcher watches for templates changes (`Site::stylesheets`).
    asset_sheets: Arc<std::sync::Mutex<Option<Vec<Stylesheet>>>>,
    /// The language whose `markup` table this view of the site reads, when that language
    /// has one of its own ([`Site::for_language`]); `None`: the config's root `markup`.
    markup_language: Option<String>,
    /// The templates that call a function Hugo does not have, found on first use and
    /// forgotten with the stylesheets (`Site::unknown_calls`).
    unknown_calls: Arc<std::sync::Mutex<Option<Arc<[UnknownCall]>>>>,
}

/// A template of the site or of a theme that calls a function Hugo does not have: the
/// file, the call's line and column (from 1), and what to say of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCall {
    /// The template file.
    pub file: PathBuf,
    /// The call's line, from 1.
    pub line: usize,
    /// The call's column, from 1.
    pub col: usize,
    /// Why Hugo refuses it ([`crate::templates::engine::unknown_call`]).
    pub message: String,
}

impl Site {
    /// Opens the site at `dir`, which must hold a Hugo config.
    ///
    /// # Errors
    /// No config in `dir`, or a config or params file that cannot be read or parsed.
    pub fn open_dir(dir: &Path) -> Result<Site> {
        match find_config(dir) {
            Some(_) => Site::load(dir),
            None => Err(Error::site(
                dir,
                "no Hugo config here: expected hugo.toml, hugo.yaml, hugo.json, config.* or \
                 config/_default/",
            )),
        }
    }

    /// The site a page file belongs to ([`site_root`]): the nearest folder above it with a
    /// config that is not a file of a site above (a page bundle's `config.toml`). A page
    /// outside any site gets a site without config (no params).
    ///
    /// # Errors
    /// The page's path cannot be made absolute, or the site's config cannot be read or parsed.
    pub fn for_page(page: &Path) -> Result<Site> {
        let abs = std::path::absolute(page).map_err(|e| Error::io(page, e))?;
        if let Some(root) = site_root(&abs) {
            return Site::load(&root);
        }
        Ok(Site {
            root: abs.parent().unwrap_or(Path::new("/")).to_path_buf(),
            config: None,
            params_file: None,
            key_files: Vec::new(),
            shortcodes: Catalogue::built_in(),
            files: Arc::default(),
            theme_params: Arc::default(),
            theme_params_each: Arc::default(),
            theme_markup: Arc::default(),
            theme_language_params: Arc::default(),
            theme_config_errors: Arc::default(),
            asset_sheets: Arc::default(),
            markup_language: None,
            unknown_calls: Arc::default(),
        })
    }

    /// Reads the config and `config/_default/params.*` of the site at `dir`.
    fn load(dir: &Path) -> Result<Site> {
        let mut site = Site::config_of(dir)?;
        site.key_files = key_files(dir)?;
        site.reload_shortcodes()?;
        Ok(site)
    }

    /// The site at `dir` with its config and `config/_default/params.*` read and nothing
    /// else (no key files, templates or data): enough for its [`Site::params`].
    fn config_of(dir: &Path) -> Result<Site> {
        let config = find_config(dir).map(|p| ConfigFile::read(&p)).transpose()?;
        let params_file = params_file_in(&dir.join("config").join("_default"))?;
        Ok(Site {
            root: dir.to_path_buf(),
            config,
            params_file,
            key_files: Vec::new(),
            shortcodes: Catalogue::built_in(),
            files: Arc::default(),
            theme_params: Arc::default(),
            theme_params_each: Arc::default(),
            theme_markup: Arc::default(),
            theme_language_params: Arc::default(),
            theme_config_errors: Arc::default(),
            asset_sheets: Arc::default(),
            markup_language: None,
            unknown_calls: Arc::default(),
        })
    }

    /// The params of a theme or module at `root`, from its config file's `[params]` and
    /// its config folder's params, merged as a site's are ([`Site::render_params`]), its
    /// `markup` table (its config's, with its config folder's `markup.toml` over it), and
    /// its `languages.LANG.params` by language code in lower case.
    ///
    /// # Errors
    /// One of its config files cannot be read or parsed.
    fn theme_settings(root: &Path) -> Result<(Table, Option<Table>, Table)> {
        let mut theme = Site::config_of(root)?;
        theme.key_files = key_files(root)?;
        let markup = match theme.config_json(&["markup"]) {
            Some(Json::Object(m)) => Some(m),
            _ => None,
        };
        let mut languages = Map::new();
        if let Some(Json::Object(all)) = theme.config_json(&["languages"]) {
            for (code, language) in all {
                let params = language.as_object().and_then(|l| {
                    l.iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case("params"))
                        .map(|(_, p)| p.clone())
                });
                if let Some(Json::Object(params)) = params {
                    merge_params(
                        &mut languages,
                        Map::from_iter([(code.to_lowercase(), Json::Object(params))]),
                    );
                }
            }
        }
        // All its config's params, merged as a site's are: its `hugo.toml`'s `[params]`
        // and its `config/_default/params.toml` both count.
        Ok((theme.render_params(), markup, languages))
    }

    /// The config files of the site's themes and modules that could not be read or
    /// parsed, located: their params are left out.
    pub fn theme_config_errors(&self) -> &[Error] {
        &self.theme_config_errors
    }

    /// The params of the site's themes and modules, merged (see [`Site::render_params`]).
    pub fn theme_params(&self) -> &Map<String, Json> {
        &self.theme_params
    }

    /// The format the site's config files are written in, when they all share one: what
    /// types the numbers of a language's params (`[languages.fr.params]`, read through the
    /// merged config, whose file is not kept) to the templates. `None` when they mix
    /// formats: those numbers stay as read.
    pub fn params_format(&self) -> Option<crate::formats::Format> {
        let mut formats = self
            .config
            .iter()
            .chain(&self.params_file)
            .chain(self.key_files.iter().map(|(_, f)| f))
            .map(|f| f.doc.format);
        let first = formats.next()?;
        formats.all(|f| f == first).then_some(first)
    }

    /// The params the site's templates see (`.Site.Params`, `{{< param >}}`): the site's
    /// own ([`Site::params`], the ones its forms edit) over its themes' and modules', merged
    /// key by key, tables deeply, as Hugo has done since 0.84 ("Deep merge of theme
    /// Params"); a key differing only in case is the same key, as Hugo reads keys.
    pub fn render_params(&self) -> Map<String, Json> {
        self.params_as(false)
    }

    /// [`Site::render_params`], each config file's values typed as Hugo's decoder of its
    /// format gives them when `typed` ([`crate::formats::hugo_json`]: `n: 5` in a
    /// `params.yaml` is a uint64 next to a `hugo.toml`'s int64s, a TOML date-time a time
    /// or go-toml's local value; checked with Hugo 0.168), for the templates. A theme's
    /// or module's params are as read.
    pub fn params_as(&self, typed: bool) -> Map<String, Json> {
        let of_file = |node: &crate::formats::Node, file: &ConfigFile| match typed {
            true => crate::formats::hugo_json(node, file.doc.format),
            false => node.to_json(),
        };
        // Hugo's order (`config/allconfig/load.go`): the config file, then the config
        // folder's files by name (its `hugo.toml` next to a root config, then
        // `params.toml`), then the environment's (`config/production/`), each merged deeply
        // over the ones before.
        let in_config = self.config.as_ref().and_then(|c| {
            let params = c.doc.root.get_any_case(&["params"])?;
            Some(of_file(params, c))
        });
        let (default, environment): (Vec<_>, Vec<_>) = self
            .key_files
            .iter()
            .partition(|(_, f)| f.path.parent().is_some_and(|d| d.ends_with("_default")));
        let mut own = match over_files_as(default.into_iter(), in_config, &["params"], typed) {
            Some(Json::Object(m)) => m,
            _ => Map::new(),
        };
        if let Some(Json::Object(file)) = self.params_file.as_ref().map(|f| of_file(&f.doc.root, f))
        {
            merge_params(&mut own, file);
        }
        let environment = over_files_as(environment.into_iter(), None, &["params"], typed);
        if let Some(Json::Object(over)) = environment {
            merge_params(&mut own, over);
        }
        if self.theme_params.is_empty() {
            return own;
        }
        let mut merged = (*self.theme_params).clone();
        merge_params(&mut merged, own);
        merged
    }

    /// Where the site's shortcode templates are looked up: its `layouts/`, its themes
    /// (`theme`, a string or a list; `themesDir`) and its modules (`module.imports`).
    pub fn template_sources(&self) -> shortcodes::Sources {
        let themes = match self.config_json(&["theme"]) {
            Some(Json::String(t)) => vec![t],
            Some(Json::Array(list)) => list
                .into_iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        let themes_dir = match self.config_json(&["themesDir"]) {
            Some(Json::String(d)) => PathBuf::from(d),
            _ => PathBuf::from("themes"),
        };
        let modules = match self.config_json(&["module", "imports"]) {
            Some(Json::Array(list)) => list
                .iter()
                .filter_map(|m| {
                    json_get_any_case(m, "path")
                        .and_then(Json::as_str)
                        .map(str::to_string)
                })
                .collect(),
            _ => Vec::new(),
        };
        shortcodes::Sources {
            root: self.root.clone(),
            themes,
            themes_dir,
            modules,
            languages: self.languages().into_iter().map(|l| l.code).collect(),
            mounts: matches!(self.config_json(&["module", "mounts"]), Some(Json::Array(m)) if !m.is_empty()),
        }
    }

    /// Each template under the site's and its themes' `layouts/` that Hugo reads (a
    /// theme's is not when the site has its own of that path; hidden files and editors'
    /// backups, `x.html~`, are not) and that calls a function Hugo does not have, at the
    /// first such call: Hugo's parser refuses it and stops the whole build, even where no
    /// page uses the template (Hugo 0.168 on a theme's `getJSON`, removed in 0.156); and
    /// each shortcode template Go's escaper refuses, which Hugo stops on too
    /// ([`crate::templates::engine::escape_error`]). Read once, until the templates change
    /// ([`Site::forget_stylesheets`]).
    pub fn unknown_calls(&self) -> Arc<[UnknownCall]> {
        /// Larger files are not read (a layout is a few KiB).
        const MAX_TEMPLATE: u64 = 1 << 20;
        let mut kept = self
            .unknown_calls
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(found) = kept.as_ref() {
            return found.clone();
        }
        let mut seen = std::collections::HashSet::new();
        let found: Arc<[UnknownCall]> = Catalogue::folders(&self.template_sources())
            .into_iter()
            .flat_map(|layouts| {
                crate::templates::engine::resources::walk_files(&layouts).collect::<Vec<_>>()
            })
            .filter(|(rel, _)| {
                !rel.split('/').any(|part| part.starts_with('.')) && !rel.ends_with('~')
            })
            .filter(|(rel, _)| seen.insert(rel.clone()))
            .map(|(_, file)| file)
            .filter(|file| std::fs::metadata(file).is_ok_and(|m| m.len() <= MAX_TEMPLATE))
            .filter_map(|file| {
                let source = crate::fs::read_to_string(&file).ok()?;
                // A template of text alone calls nothing, but the escaper still reads it
                // (`x <b`, a tag left open at its end, stops Hugo).
                let calls = if source.contains("{{") {
                    crate::templates::engine::unknown_call(&source)
                } else {
                    None
                };
                let (line, col, message) = match calls {
                    Some((offset, message)) => {
                        let (line, col) = crate::text::line_col(&source, offset);
                        (line, col, message)
                    }
                    // A shortcode's or a partial's that Go's escaper refuses (Folio
                    // compiles those only: a page layout's `block`s and `define`s are not
                    // its own); Hugo escapes every HTML template, called or not.
                    None if (is_shortcode(&file) || is_partial(&file))
                        && crate::templates::runs_as_html(&file) =>
                    {
                        crate::templates::engine::escape_error(&source)?
                    }
                    None => return None,
                };
                Some(UnknownCall {
                    file,
                    line,
                    col,
                    message,
                })
            })
            .collect();
        *kept = Some(found.clone());
        found
    }

    /// Reads the shortcode templates (and `folio.toml`) again, after one changed on disk.
    ///
    /// # Errors
    /// As [`Catalogue::load`]; the site keeps the shortcodes it had.
    pub fn reload_shortcodes(&mut self) -> Result<()> {
        self.shortcodes = Arc::new(Catalogue::load(&self.template_sources())?);
        let theme_roots = self.theme_roots();
        let mut theme_params = Map::new();
        let mut theme_markup = Vec::new();
        let mut language_params = Map::new();
        let mut errors = Vec::new();
        let mut each = Vec::new();
        for theme in theme_roots.iter().rev() {
            match Site::theme_settings(theme) {
                Ok((params, markup, languages)) => {
                    let folder = theme.strip_prefix(&self.root).unwrap_or(theme);
                    each.push((folder.to_path_buf(), params.clone()));
                    merge_params(&mut theme_params, params);
                    theme_markup.extend(markup);
                    merge_params(&mut language_params, languages);
                }
                Err(e) => errors.push(e),
            }
        }
        errors.reverse();
        theme_markup.reverse();
        each.reverse();
        self.theme_params = Arc::new(theme_params);
        self.theme_params_each = Arc::new(each);
        self.theme_markup = Arc::new(theme_markup);
        self.theme_language_params = Arc::new(language_params);
        self.theme_config_errors = Arc::new(errors);
        let folders: Vec<[PathBuf; 2]> = std::iter::once(&self.root)
            .chain(&theme_roots)
            .map(|root| {
                let [data, i18n, _] = self.folders_beside(root);
                [data, i18n]
            })
            .collect();
        self.files = Arc::new(SiteFiles::read(&folders));
        self.forget_stylesheets();
        Ok(())
    }

    /// The config files other than the params' file ([`Site::params_file`]): the config
    /// itself when the params have a file of their own, and `config/_default/`'s files
    /// named after a root key. A change to one is read by [`Site::reload_settings`].
    pub fn settings_files(&self) -> Vec<PathBuf> {
        let params = self.params_file().map(|f| f.path.clone());
        self.config
            .iter()
            .map(|c| c.path.clone())
            .chain(self.key_files.iter().map(|(_, f)| f.path.clone()))
            .filter(|p| Some(p) != params.as_ref())
            .collect()
    }

    /// The config folder (`config/`, holding `_default/` and environments such as
    /// `production/`), when the site has one: a file added there later is a setting too,
    /// so it is watched as a whole.
    pub fn settings_dir(&self) -> Option<PathBuf> {
        Some(self.root.join("config")).filter(|d| d.is_dir())
    }

    /// Reads the settings again: the config (unless it is the params' file, which the
    /// session reads itself) and `config/_default/`'s key files, found afresh (added,
    /// changed, removed); the shortcode templates too when anything changed (a `theme`
    /// may be new). `false` when nothing did.
    ///
    /// # Errors
    /// A file that cannot be read or parsed, located; the site keeps its settings.
    pub fn reload_settings(&mut self) -> Result<bool> {
        let params = self.params_file().map(|f| f.path.clone());
        let config = match &self.config {
            Some(c) if Some(&c.path) != params.as_ref() => Some(ConfigFile::read(&c.path)?),
            other => other.clone(),
        };
        let key_files = key_files(&self.root)?;
        let same = |a: &Option<ConfigFile>, b: &Option<ConfigFile>| {
            a.as_ref().map(|f| &f.src) == b.as_ref().map(|f| &f.src)
        };
        let same_keys = key_files.len() == self.key_files.len()
            && key_files
                .iter()
                .zip(&self.key_files)
                .all(|((k, f), (k2, f2))| k == k2 && f.src == f2.src);
        if same(&config, &self.config) && same_keys {
            return Ok(false);
        }
        self.config = config;
        self.key_files = key_files;
        self.reload_shortcodes()?;
        Ok(true)
    }

    /// The `data`, `i18n` and `assets` folders beside `root`, a folder of layouts' parent
    /// (the site's, a theme's, a module's): the site's own where its config's `dataDir`,
    /// `i18nDir` and `assetDir` put them (Hugo's `commonConfig`, paths from the site's
    /// root), any other's by those names.
    pub fn folders_beside(&self, root: &Path) -> [PathBuf; 3] {
        [
            self.folder_beside(root, "dataDir", "data"),
            self.folder_beside(root, "i18nDir", "i18n"),
            self.folder_beside(root, "assetDir", "assets"),
        ]
    }

    /// One of [`Site::folders_beside`]: the site's where its config's `setting` puts it,
    /// any other root's `default`.
    pub(crate) fn folder_beside(&self, root: &Path, setting: &str, default: &str) -> PathBuf {
        let named = (root == self.root)
            .then(|| self.config_json(&[setting]))
            .flatten();
        let name = named
            .as_ref()
            .and_then(Json::as_str)
            .filter(|n| !n.is_empty());
        root.join(name.unwrap_or(default))
    }

    /// The config's value at a path of keys, as Hugo merges its config files: the config
    /// file's, under each file of the config folder in turn ([`Site::key_files`]: its
    /// content, or when it holds only its last key, that key's value), tables merged key
    /// by key. Keys match in any case, as Hugo's (`[Params]`, `baseurl`); the value's own
    /// keys are as written ([`json_get_any_case`] reads them).
    pub(crate) fn config_json(&self, path: &[&str]) -> Option<Json> {
        let in_config = self
            .config
            .as_ref()
            .and_then(|c| c.doc.root.get_any_case(path))
            .map(|n| n.to_json());
        self.over_key_files(in_config, path)
    }

    /// Whether the site makes no page of `kind` (`home`, `section`, `page`, `taxonomy`,
    /// `term`…): its `disableKinds` names it, in any case (Hugo's `disableKinds`).
    pub fn kind_disabled(&self, kind: &str) -> bool {
        match self.config_json(&["disableKinds"]) {
            Some(Json::Array(kinds)) => kinds
                .iter()
                .any(|k| k.as_str().is_some_and(|k| k.eq_ignore_ascii_case(kind))),
            _ => false,
        }
    }

    /// The config file whose value at `path` Hugo uses: the last in its merge order that
    /// sets it (the root config, then the config folder's files, the environment's last);
    /// with `environment_only`, among the environment's files (`config/production/`) only.
    ///
    /// With the file, the table in it that holds the value (`path` less the keys the file
    /// stands for, `params.en.toml` for `languages.en.params`, and less its last key):
    /// `languages.en.params` in `hugo.toml`, `en.params` in `languages.toml`, the file's
    /// top level (empty) in `params.en.toml`.
    pub(crate) fn file_setting(
        &self,
        path: &[&str],
        environment_only: bool,
    ) -> Option<(&Path, String)> {
        let table = |skip: usize| {
            path.get(skip..path.len().saturating_sub(1))
                .unwrap_or_default()
                .join(".")
        };
        let root = self
            .config
            .as_ref()
            .filter(|c| !environment_only && c.doc.root.get_any_case(path).is_some())
            .map(|c| (c.path.as_path(), table(0)));
        self.key_files
            .iter()
            .filter(|(_, f)| {
                !environment_only || !f.path.parent().is_some_and(|d| d.ends_with("_default"))
            })
            .filter(|kf| over_files(std::iter::once(*kf), None, path).is_some())
            .map(|(keys, f)| (f.path.as_path(), table(keys.len())))
            .next_back()
            .or(root)
    }

    /// `base` (a value at `path`) with the values of the config folder's files at `path`
    /// merged over it, in turn.
    fn over_key_files(&self, base: Option<Json>, path: &[&str]) -> Option<Json> {
        over_files(self.key_files.iter(), base, path)
    }

    /// The ids of the warnings and errors the site silences (`ignoreLogs`, or its old name
    /// `ignoreErrors`, which wins when both are set: Hugo's `applyConfigAliases`), in lower
    /// case, as Hugo compares them (`allconfig.go`; `Warnidf` lowers the id it is given).
    /// The first language's own setting, in Hugo's order of languages ([`Site::languages`]:
    /// by weight, one without last), counts for the whole build, another language's for
    /// none, whichever is the default (checked with Hugo 0.168). A string alone is a list
    /// of one. Empty when the site sets none.
    pub fn ignored_logs(&self) -> Arc<[String]> {
        let lang = self
            .languages()
            .into_iter()
            .next()
            .map_or_else(|| self.default_language(), |l| l.code);
        let read = |key: &str| {
            self.setting(&["languages", &lang, key])
                .map(|(_, node)| node.to_json())
                .or_else(|| self.config_json(&[key]))
        };
        let ids = read("ignoreErrors").or_else(|| read("ignoreLogs"));
        let ids = match ids {
            Some(Json::Array(ids)) => ids,
            Some(one @ Json::String(_)) => vec![one],
            _ => Vec::new(),
        };
        ids.iter()
            .filter_map(|id| id.as_str().map(str::to_lowercase))
            .collect()
    }

    /// Whether Hugo's embedded (link, image) render hooks run, as
    /// `markup.goldmark.renderHooks.{link,image}.useEmbedded` says: `fallback` where the
    /// site has no hook of its own (which Folio's render checks), `always` even where it
    /// has (Folio runs the site's then: not followed), not `never`; `auto`, the default, is
    /// `fallback` on a site with a `languages` table (one language in it is enough, checked
    /// with Hugo 0.168), one host and no `duplicateResourceFiles`, else `never`
    /// (`config/allconfig/allconfig.go`). The old `enableDefault` reads as `fallback` or
    /// `never` (and stops Hugo 0.168's build: [`Site::render_hook_problems`]).
    fn embedded_hooks(&self, table: &MarkupTable) -> (bool, bool) {
        let languages = match self.config_json(&["languages"]) {
            Some(Json::Object(m)) => m,
            _ => serde_json::Map::new(),
        };
        let auto = !languages.is_empty()
            && !self.is_multihost()
            && !table.is(&["goldmark", "duplicateresourcefiles"], true);
        let hook = |kind: &str| {
            let setting = |key: &str| table.get(&["goldmark", "renderhooks", kind, key]);
            match (setting("enabledefault"), setting("useembedded")) {
                (Some(Json::Bool(on)), _) => *on,
                (_, Some(Json::String(mode))) => match mode.as_str() {
                    "always" | "fallback" => true,
                    "never" => false,
                    _ => auto,
                },
                _ => auto,
            }
        };
        (hook("link"), hook("image"))
    }

    /// The render hook settings Hugo 0.168 stops on, each at its place: the removed
    /// `enableDefault`, and a `useEmbedded` that is not `always`, `auto`, `fallback` or
    /// `never` (`config/allconfig/allconfig.go`).
    pub fn render_hook_problems(&self) -> Vec<BadSetting> {
        let mut found = Vec::new();
        for kind in ["link", "image"] {
            let at = |key: &str| self.setting(&["markup", "goldmark", "renderHooks", kind, key]);
            let mut say = |(file, node): (&ConfigFile, &crate::formats::Node), message: String| {
                let (line, col) = crate::text::line_col(&file.src, node.span.start);
                found.push(BadSetting {
                    file: file.path.clone(),
                    line,
                    col,
                    message,
                });
            };
            if let Some(setting) = at("enableDefault") {
                say(
                    setting,
                    format!(
                    "markup.goldmark.renderHooks.{kind}.enableDefault was removed in Hugo 0.148, \
                     and Hugo stops its build on it: write useEmbedded = \"fallback\" for true, \
                     \"never\" for false"
                ),
                );
            }
            if let Some(setting) = at("useEmbedded") {
                let mode = setting.1.to_json();
                // Compared as written (`Always` stops Hugo too).
                let known = mode
                    .as_str()
                    .is_some_and(|m| ["always", "auto", "fallback", "never"].contains(&m));
                if !known {
                    say(
                        setting,
                        format!(
                        "markup.goldmark.renderHooks.{kind}.useEmbedded must be one of always, \
                         auto, fallback, or never: Hugo stops its build"
                    ),
                    );
                }
            }
        }
        found
    }

    /// Whether the config lets raw HTML through (`markup.goldmark.renderer.unsafe = true`).
    pub fn unsafe_html(&self) -> bool {
        self.markup_table()
            .is(&["goldmark", "renderer", "unsafe"], true)
    }

    /// The site as its pages in `lang` are rendered: where the config gives the language a
    /// `markup` table of its own (`[languages.fr.markup…]`), it stands for the whole root
    /// `markup` table (checked with Hugo 0.168: the root's `unsafe`, typographer quotes and
    /// `lineNos` no longer apply to `fr`'s pages), for every setting read from the view
    /// ([`Site::markup`], [`Site::unsafe_html`]). Borrowed when it has none.
    pub fn for_language(&self, lang: &str) -> std::borrow::Cow<'_, Site> {
        if self.config_json(&["languages", lang, "markup"]).is_none() {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut view = self.clone();
        view.markup_language = Some(lang.to_string());
        std::borrow::Cow::Owned(view)
    }

    /// [`Site::markup`] of a page in `lang` ([`Site::for_language`]).
    pub fn markup_in(&self, lang: &str) -> Markup {
        self.for_language(lang).markup()
    }

    /// The config's `markup` table (the view's language's own, [`Site::for_language`]),
    /// read once for all the settings in it, with its themes' merged under it as its
    /// `_merge` says (FixIt's documented `_merge = "shallow"`).
    fn markup_table(&self) -> MarkupTable {
        let own = match &self.markup_language {
            Some(lang) => self.config_json(&["languages", lang, "markup"]),
            None => self.config_json(&["markup"]),
        };
        if self.theme_markup.is_empty() {
            return MarkupTable(own);
        }
        let mut markup = match own {
            Some(Json::Object(m)) => m,
            _ => Map::new(),
        };
        // A `_merge` at the top of the config is the table's when it has none of its own
        // (read alone: this runs on every render).
        if merge_strategy(&markup).is_none() {
            if let Some(inherited) = self.config_json(&["_merge"]) {
                markup.insert("_merge".into(), Json::from(strategy_of(&inherited)));
            }
        }
        for theme in self.theme_markup.iter() {
            merge_theme_table(&mut markup, theme, None);
        }
        MarkupTable(Some(Json::Object(markup)))
    }

    /// The Markdown settings that change the HTML (Hugo's embedded hooks:
    /// `embedded_hooks`).
    pub fn markup(&self) -> Markup {
        let table = self.markup_table();
        let (link_hook, image_hook) = self.embedded_hooks(&table);
        Markup {
            unsafe_html: table.is(&["goldmark", "renderer", "unsafe"], true),
            link_hook,
            image_hook,
            highlight: crate::render::highlight::Settings::from_config(table.get(&["highlight"]))
                .with_legacy(|key| self.config_json(&[key])),
            emoji: self.config_json(&["enableEmoji"]) == Some(Json::Bool(true)),
            hard_wraps: table.is(&["goldmark", "renderer", "hardwraps"], true),
            xhtml: table.is(&["goldmark", "renderer", "xhtml"], true),
            block_attributes: table.is(&["goldmark", "parser", "attribute", "block"], true),
            heading_attributes: !table.is(&["goldmark", "parser", "attribute", "title"], false),
            definition_term_ids: table.is(&["goldmark", "parser", "autodefinitiontermid"], true),
            unwrap_standalone_images: table.is(
                &["goldmark", "parser", "wrapstandaloneimagewithinparagraph"],
                false,
            ),
            extensions: table.extensions(),
            toc: table.toc_settings(),
            passthrough: table.passthrough(),
            auto_heading_ids: !table.is(&["goldmark", "parser", "autoheadingid"], false),
            // `autoHeadingIDType`, renamed `autoIDType` in Hugo 0.144, wins when set.
            heading_ids: match table
                .get(&["goldmark", "parser", "autoheadingidtype"])
                .or_else(|| table.get(&["goldmark", "parser", "autoidtype"]))
            {
                Some(Json::String(name)) => {
                    crate::render::markdown::headings::AutoHeadingIdType::from_name(name)
                        .unwrap_or_default()
                }
                _ => Default::default(),
            },
        }
    }

    /// The site's title in its default language, if set ([`Site::title_in`]).
    pub fn title(&self) -> Option<String> {
        self.title_in(&self.default_language())
    }

    /// The site's title for language `lang`: the language's own (`[languages.en] title`),
    /// else the config's, as Hugo's `site.Title` reads it.
    pub fn title_in(&self, lang: &str) -> Option<String> {
        self.language_text(lang, "title")
    }
}

/// `base` (a value at `path`) with the values at `path` of config folder `files` (as
/// [`key_files`] lists them) merged over it, in turn.
fn over_files<'a>(
    files: impl Iterator<Item = &'a (Vec<String>, ConfigFile)>,
    base: Option<Json>,
    path: &[&str],
) -> Option<Json> {
    over_files_as(files, base, path, false)
}

/// [`over_files`], each file's numbers typed by its format when `typed`
/// ([`Site::params_as`]).
fn over_files_as<'a>(
    files: impl Iterator<Item = &'a (Vec<String>, ConfigFile)>,
    base: Option<Json>,
    path: &[&str],
    typed: bool,
) -> Option<Json> {
    files.fold(base, |base, (keys, file)| {
        let Some(value) = key_file_value(keys, file, typed) else {
            return base;
        };
        let over = if keys.len() <= path.len() {
            let (head, rest) = path.split_at(keys.len());
            if !same_keys(keys, head) {
                return base;
            }
            rest.iter()
                .try_fold(value, |v, k| json_get_any_case(&v, k).cloned())
        } else {
            let (head, rest) = keys.split_at(path.len());
            if !same_keys(head, path) {
                return base;
            }
            Some(
                rest.iter()
                    .rev()
                    .fold(value, |v, k| Json::Object(Map::from_iter([(k.clone(), v)]))),
            )
        };
        match (base, over) {
            (Some(Json::Object(mut base)), Some(Json::Object(over))) => {
                merge_json(&mut base, over);
                Some(Json::Object(base))
            }
            (base, over) => over.or(base),
        }
    })
}

/// A table's own `_merge` strategy ([`strategy_of`] its `_merge` value); `None` without
/// the key.
fn merge_strategy(table: &Table) -> Option<&'static str> {
    table_get_any_case(table, "_merge").map(strategy_of)
}

/// A `_merge` value as Hugo's `toMergeStrategy` reads it: `none`, `shallow` or `deep` as
/// written, and any other value `deep`.
fn strategy_of(value: &Json) -> &'static str {
    match value.as_str() {
        Some("none") => "none",
        Some("shallow") => "shallow",
        _ => "deep",
    }
}

/// A table of config values, as JSON.
type Table = Map<String, Json>;

/// A theme's config table `theme` merged into the site's `site` as Hugo merges a
/// theme's config (`common/hmaps/params.go`, `Params.merge`; Hugo docs "Configure
/// Hugo: merge configuration from themes"): by the table's `_merge` strategy, else its
/// parent's, else `none` (a table other than `params`, `menus`, `outputFormats` and
/// `mediaTypes` takes nothing from a theme unless the site asks). `shallow` adds the
/// theme's keys the table lacks, and nothing inside the tables both have; `deep` adds them
/// at every depth. The site's values always win; keys match in any case.
fn merge_theme_table(
    site: &mut Map<String, Json>,
    theme: &Map<String, Json>,
    parent: Option<&str>,
) {
    let strategy = merge_strategy(site)
        .or(parent)
        .unwrap_or("none")
        .to_string();
    let add = strategy != "none" && parent != Some("shallow");
    for (k, v) in theme {
        if k.eq_ignore_ascii_case("_merge") {
            continue;
        }
        let same = site.keys().find(|s| s.eq_ignore_ascii_case(k)).cloned();
        match (same.and_then(|s| site.get_mut(&s)), v) {
            (Some(Json::Object(mine)), Json::Object(theirs)) => {
                merge_theme_table(mine, theirs, Some(&strategy));
            }
            (Some(_), _) => {}
            (None, _) if add => {
                site.insert(k.clone(), v.clone());
            }
            (None, _) => {}
        }
    }
}

/// `over`'s params put into `base`, tables merged key by key; a key of `over` that
/// differs from one of `base` only in case replaces it (Hugo lowercases params' keys).
pub(crate) fn merge_params(base: &mut Map<String, Json>, over: Map<String, Json>) {
    for (k, v) in over {
        let same = base.keys().find(|b| b.eq_ignore_ascii_case(&k)).cloned();
        match (same.and_then(|s| base.remove(&s)), v) {
            (Some(Json::Object(mut b)), Json::Object(o)) => {
                merge_params(&mut b, o);
                base.insert(k, Json::Object(b));
            }
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

/// `over`'s keys put into `base`, tables merged key by key, keys matched in any case
/// (Hugo's config merge: the later file wins).
fn merge_json(base: &mut serde_json::Map<String, Json>, over: serde_json::Map<String, Json>) {
    merge_params(base, over);
}

/// The value of `json`'s key `key` in any ASCII case (an exact match first), as Hugo reads
/// config keys ([`crate::formats::Node::get_any_case`] for parsed files).
pub(crate) fn json_get_any_case<'a>(json: &'a Json, key: &str) -> Option<&'a Json> {
    table_get_any_case(json.as_object()?, key)
}

/// [`json_get_any_case`] of a table.
fn table_get_any_case<'a>(table: &'a Table, key: &str) -> Option<&'a Json> {
    table.get(key).or_else(|| {
        table
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

/// The params file of a config folder (`config/_default/params.{toml,yaml,yml,json}`).
///
/// # Errors
/// The file cannot be read or parsed, located.
fn params_file_in(default_dir: &Path) -> Result<Option<ConfigFile>> {
    ["params.toml", "params.yaml", "params.yml", "params.json"]
        .iter()
        .map(|n| default_dir.join(n))
        .find(|p| p.is_file())
        .map(|p| ConfigFile::read(&p))
        .transpose()
}

/// The files of the config folder of the site at `root` with where their values go
/// ([`key_path`]): `config/_default/`'s, then `config/production/`'s (Hugo's environment
/// for a build, whose files win); none without the folder.
///
/// # Errors
/// A file that cannot be read or parsed, located.
fn key_files(root: &Path) -> Result<Vec<(Vec<String>, ConfigFile)>> {
    let mut out: Vec<(Vec<String>, ConfigFile)> = Vec::new();
    // The file read as [`Site::config`]; the config folder's own config file next to a root
    // one is merged over it, as Hugo merges the folder over the root file.
    let main = find_config(root);
    for (env, environment) in [("_default", false), ("production", true)] {
        let Ok(entries) = std::fs::read_dir(root.join("config").join(env)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        let mut seen: Vec<String> = Vec::new();
        for path in paths {
            let (Some(stem), Some(ext)) = (
                path.file_stem().and_then(|s| s.to_str()),
                path.extension().and_then(|e| e.to_str()),
            ) else {
                continue;
            };
            if !matches!(ext, "toml" | "yaml" | "yml" | "json") {
                continue;
            }
            // One file per name in a folder (`markup.toml` before `markup.yaml`).
            if seen.iter().any(|s| s == stem) {
                continue;
            }
            // (Next to a config file of the folder's own, another is left out: Hugo would
            // merge `config.*` under `hugo.*`.)
            let root_config = main.as_ref().is_some_and(|m| m.parent() == Some(root));
            let keys = match key_path(stem, environment) {
                None if matches!(stem, "hugo" | "config") && !environment && root_config => {
                    Some(Vec::new())
                }
                keys => keys,
            };
            if let Some(keys) = keys {
                seen.push(stem.to_string());
                out.push((keys, ConfigFile::read(&path)?));
            }
        }
    }
    Ok(out)
}

/// Where the values of a config folder's file named `stem` go (Hugo's
/// `config/allconfig` loader): `markup` under `markup`; a language's file under that
/// language (`menus.en` or `menu.en` under `languages.en.menus`, `params.en` under
/// `languages.en.params`, any other `KEY.en`, `languages.en` and `hugo.en` included,
/// under `languages.en` itself); an environment's `hugo`/`config` file at the top and its
/// `params` under `params`. `None` for `config/_default/`'s own config and params files
/// (read as [`Site::config`] and [`Site::params_file`]) and names of more parts.
fn key_path(stem: &str, environment: bool) -> Option<Vec<String>> {
    let parts: Vec<&str> = stem.split('.').collect();
    let own = |s: &[&str]| s.iter().map(|p| (*p).to_string()).collect::<Vec<_>>();
    match parts.as_slice() {
        ["hugo" | "config"] if environment => Some(Vec::new()),
        ["hugo" | "config"] => None,
        ["params"] if !environment => None,
        [key] => Some(own(&[key])),
        ["menu" | "menus", lang] => Some(own(&["languages", lang, "menus"])),
        ["params", lang] => Some(own(&["languages", lang, "params"])),
        [_, lang] => Some(own(&["languages", lang])),
        _ => None,
    }
}

/// A config folder file's values: its content, or when it holds only the last of its
/// keys, that key's value (`markup.toml` may say `[markup.goldmark]`); typed as Hugo's
/// decoder gives them to the templates when `typed` ([`crate::formats::hugo_json`]).
fn key_file_value(keys: &[String], file: &ConfigFile, typed: bool) -> Option<Json> {
    let value = match typed {
        true => crate::formats::hugo_json(&file.doc.root, file.doc.format),
        false => file.doc.root.to_json(),
    };
    match (&value, keys.last()) {
        // The file's own name, as written: Hugo unwraps `item[unwrapKey]` only.
        (Json::Object(m), Some(last)) if m.len() == 1 => match m.get(last.as_str()) {
            Some(inner) => Some(inner.clone()),
            None => Some(value),
        },
        _ => Some(value),
    }
}

/// The root of the site the page at `page` (an absolute path) belongs to: the nearest
/// folder above it with a config ([`find_config`]) that is not inside the content folder
/// of a folder above it with one (`content/`, or the `contentDir` its config file names,
/// its own or a language's): Hugo reads a site from the folder it is run in, where a page
/// bundle's `config.toml` is one of its files (review 62d, r1). `None` outside any site.
fn site_root(page: &Path) -> Option<PathBuf> {
    let sites: Vec<&Path> = page
        .ancestors()
        .skip(1)
        .filter(|d| find_config(d).is_some())
        .collect();
    let inside_another = |k: usize, dir: &Path| {
        sites
            .get(k + 1..)
            .unwrap_or_default()
            .iter()
            .any(|above| content_dirs(above).iter().any(|c| dir.starts_with(c)))
    };
    sites
        .iter()
        .enumerate()
        .find(|(k, dir)| !inside_another(*k, dir))
        .map(|(_, dir)| dir.to_path_buf())
}

/// The content folders of the site at `root` as its config file names them: `content/`,
/// its `contentDir` and each language's (the config file alone; one that does not read
/// names `content/` only).
fn content_dirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![root.join("content")];
    let Some(config) = find_config(root).and_then(|p| ConfigFile::read(&p).ok()) else {
        return dirs;
    };
    let json = config.doc.to_json();
    let dir_of = |v: &Json| {
        json_get_any_case(v, "contentDir")
            .and_then(Json::as_str)
            .map(|d| root.join(d))
    };
    dirs.extend(dir_of(&json));
    if let Some(Json::Object(languages)) = json_get_any_case(&json, "languages") {
        dirs.extend(languages.values().filter_map(dir_of));
    }
    dirs
}

/// Whether two paths of config keys are the same, in any case (Hugo's keys are
/// case-insensitive).
fn same_keys<A: AsRef<str>, B: AsRef<str>>(a: &[A], b: &[B]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.as_ref().eq_ignore_ascii_case(y.as_ref()))
}

/// The page `path` names: the file itself, or a site folder's first portfolio page, else
/// its only content page (the app opens that one too, and offers a choice of several).
///
/// # Errors
/// A folder that is not a site, or holds no portfolio page and not exactly one content
/// page (the message names a few of them).
pub fn page_of(path: &Path) -> Result<PathBuf> {
    if !path.is_dir() {
        return Ok(path.to_path_buf());
    }
    let site = Site::open_dir(path)?;
    if let Some(page) = site.pages().into_iter().next() {
        return Ok(page.path);
    }
    let pages = site.content_pages();
    if let [only] = pages.as_slice() {
        return Ok(only.path.clone());
    }
    let names: Vec<String> = pages
        .iter()
        .take(3)
        .map(|p| {
            let rel = p.path.strip_prefix(path).unwrap_or(&p.path);
            rel.display().to_string()
        })
        .collect();
    let more = if pages.len() > 3 { ", …" } else { "" };
    let which = if names.is_empty() {
        String::from("; its content folder has no pages")
    } else {
        format!("; name one of its pages ({}{more})", names.join(", "))
    };
    Err(Error::site(
        path,
        format!(
            "no portfolio page found here (a page with project-card shortcodes or \
             `layout: about`){which}"
        ),
    ))
}

/// A site's `markup` config table ([`Site::markup_table`]), whose settings are looked up by
/// paths of keys in any case (Hugo reads config keys in any case: `hardWraps`,
/// `hardwraps`).
struct MarkupTable(Option<Json>);

impl MarkupTable {
    /// The value at `path` under `markup`.
    fn get(&self, path: &[&str]) -> Option<&Json> {
        path.iter().try_fold(self.0.as_ref()?, |v, key| match v {
            Json::Object(m) => m
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v),
            _ => None,
        })
    }

    /// Whether the value at `path` is the boolean `value`.
    fn is(&self, path: &[&str], value: bool) -> bool {
        self.get(path) == Some(&Json::Bool(value))
    }

    /// `markup.goldmark.extensions`: each extension's setting, Hugo's default where the
    /// site sets none.
    fn extensions(&self) -> Extensions {
        let table = self;
        let extension = |name: &str| !table.is(&["goldmark", "extensions", name], false);
        Extensions {
            // `typographer = false`, the form before Hugo 0.112, still turns it off.
            typographer: !table.is(&["goldmark", "extensions", "typographer", "disable"], true)
                && extension("typographer"),
            linkify: extension("linkify"),
            strikethrough: extension("strikethrough"),
            table: extension("table"),
            // `footnote = false`, the form before Hugo 0.151, turns it off too.
            footnote: extension("footnote")
                && !table.is(&["goldmark", "extensions", "footnote", "enable"], false),
            footnote_backlink: match table.get(&[
                "goldmark",
                "extensions",
                "footnote",
                "backlinkhtml",
            ]) {
                Some(Json::String(html)) => crate::render::highlight::interned(html),
                _ => DEFAULT_BACKLINK,
            },
            task_list: extension("tasklist"),
            definition_list: extension("definitionlist"),
            extras: table.extras(),
            linkify_protocol: match table.get(&["goldmark", "extensions", "linkifyprotocol"]) {
                Some(Json::String(p)) => crate::render::highlight::interned(p),
                _ => "https",
            },
            cjk: crate::render::markdown::cjk::Cjk::from_config(|key| {
                table.get(&["goldmark", "extensions", "cjk", key]).cloned()
            }),
            typography: crate::render::Typography::with(|key| {
                match table.get(&["goldmark", "extensions", "typographer", key])? {
                    Json::String(s) => Some(s.clone()),
                    _ => None,
                }
            }),
        }
    }

    /// `goldmark.extensions.passthrough`'s delimiters when `enable` is true: each of
    /// `delimiters.block` and `delimiters.inline` a list of [opening, closing] pairs.
    fn passthrough(&self) -> Option<&'static crate::render::markdown::passthrough::Passthrough> {
        let at = ["goldmark", "extensions", "passthrough"];
        let pairs = |kind: &str| match self.get(&[at[0], at[1], at[2], "delimiters", kind]) {
            Some(Json::Array(list)) => list
                .iter()
                .filter_map(|pair| match pair.as_array()?.as_slice() {
                    [open, close] => {
                        Some((open.as_str()?.to_string(), close.as_str()?.to_string()))
                    }
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        self.is(&[at[0], at[1], at[2], "enable"], true).then(|| {
            crate::render::markdown::passthrough::Passthrough {
                block: pairs("block"),
                inline: pairs("inline"),
            }
            .interned()
        })
    }

    /// `goldmark.extensions.extras`: each of `superscript`, `subscript`, `insert`, `mark`
    /// and `delete` on when its `enable` is true (Hugo's `goldmark_config.Extras`).
    fn extras(&self) -> crate::render::markdown::extras::Extras {
        let on = |name: &str| self.is(&["goldmark", "extensions", "extras", name, "enable"], true);
        crate::render::markdown::extras::Extras {
            superscript: on("superscript"),
            subscript: on("subscript"),
            insert: on("insert"),
            mark: on("mark"),
            delete: on("delete"),
        }
    }

    /// `tableOfContents` (`startLevel`, `endLevel`, `ordered`), Hugo's defaults for what is
    /// missing.
    fn toc_settings(&self) -> crate::render::markdown::headings::TocSettings {
        let mut toc = crate::render::markdown::headings::TocSettings::default();
        // A level past 6 is past every heading: the last one, `<h6>` (octopress's
        // `endLevel = 8` lists down to `<h6>` in Hugo 0.168).
        let level = |key: &str| {
            self.get(&["tableofcontents", key])
                .and_then(Json::as_u64)
                .filter(|n| *n >= 1)
                .map(|n| u8::try_from(n.min(6)).unwrap_or(6))
        };
        toc.start = level("startlevel").unwrap_or(toc.start);
        toc.end = level("endlevel").unwrap_or(toc.end);
        toc.ordered = self.is(&["tableofcontents", "ordered"], true);
        toc
    }
}

/// The site's Markdown settings that change the HTML (read from its config); the default
/// is Hugo's for a site that sets none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Markup {
    /// `markup.goldmark.renderer.unsafe`: keep raw HTML (sanitised).
    pub unsafe_html: bool,
    /// Hugo's embedded link render hook is on (`renderHooks.link.enableDefault`, on by
    /// default for multilingual sites): destinations go through Go's `html/template`.
    pub link_hook: bool,
    /// The same for images (`renderHooks.image.enableDefault`).
    pub image_hook: bool,
    /// How code is highlighted (`markup.highlight`).
    pub highlight: crate::render::highlight::Settings,
    /// `enableEmoji`: `:name:` codes in the text are emoji (Goldmark's emoji extension).
    pub emoji: bool,
    /// `markup.goldmark.renderer.hardWraps`: a line break inside a paragraph is a `<br>`
    /// (Goldmark's `html.WithHardWraps`).
    pub hard_wraps: bool,
    /// `markup.goldmark.renderer.xhtml`: void elements closed the XHTML way, `<br />`
    /// (Goldmark's `html.WithXHTML`); off by default, `<br>`.
    pub xhtml: bool,
    /// `markup.goldmark.parser.wrapStandAloneImageWithinParagraph = false`: an image alone
    /// in its paragraph is written without the `<p>`, and an image that is its parent's
    /// only child is a block to its hook (`.IsBlock`).
    pub unwrap_standalone_images: bool,
    /// `markup.goldmark.parser.attribute.block`: a line `{.class #id}` under a block gives
    /// it attributes (off by default; `render/markdown/attributes.rs`).
    pub block_attributes: bool,
    /// `markup.goldmark.parser.attribute.title`: `## Title {#id .class}` gives a heading
    /// attributes (on by default); off, the braces are the heading's text, and its id is
    /// made from them too.
    pub heading_attributes: bool,
    /// `markup.goldmark.parser.autoDefinitionTermID`: a definition list's terms get ids,
    /// as headings do (off by default).
    pub definition_term_ids: bool,
    /// Goldmark's extensions Hugo turns on by default, unless the site turns them off.
    pub extensions: Extensions,
    /// How headings' ids are made (`markup.goldmark.parser.autoIDType`, before Hugo 0.144
    /// `autoHeadingIDType`).
    pub heading_ids: crate::render::markdown::headings::AutoHeadingIdType,
    /// `markup.goldmark.parser.autoHeadingID`: a heading without an id of its own gets
    /// one made from its text (on by default).
    pub auto_heading_ids: bool,
    /// What `.TableOfContents` lists (`markup.tableOfContents`).
    pub toc: crate::render::markdown::headings::TocSettings,
    /// Goldmark's passthrough delimiters, when the site turns the extension on
    /// (`markup.goldmark.extensions.passthrough`).
    pub passthrough: Option<&'static crate::render::markdown::passthrough::Passthrough>,
}

impl Default for Markup {
    fn default() -> Markup {
        Markup {
            unsafe_html: false,
            link_hook: false,
            image_hook: false,
            highlight: Default::default(),
            emoji: false,
            hard_wraps: false,
            xhtml: false,
            unwrap_standalone_images: false,
            block_attributes: false,
            heading_attributes: true,
            definition_term_ids: false,
            extensions: Default::default(),
            heading_ids: Default::default(),
            auto_heading_ids: true,
            toc: Default::default(),
            passthrough: None,
        }
    }
}

/// Hugo's `footnote.backlinkHTML` by default (`markup/goldmark/goldmark_config`).
const DEFAULT_BACKLINK: &str = "&#x21a9;&#xfe0e;";

/// Goldmark extensions a site may turn off (`markup.goldmark.extensions`, Hugo's
/// `markup/goldmark/goldmark_config/config.go`: all on by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Extensions {
    /// `typographer` (unless `typographer.disable`): quotes, dashes, ellipses, « ».
    pub typographer: bool,
    /// `linkify`: bare URLs and e-mail addresses become links.
    pub linkify: bool,
    /// `strikethrough`: `~~text~~` is struck through.
    pub strikethrough: bool,
    /// `table`: GitHub's pipe tables.
    pub table: bool,
    /// `footnote` (`footnote.enable`): `[^1]` references and their notes.
    pub footnote: bool,
    /// `footnote.backlinkHTML`: what a note's link back to its reference shows.
    pub footnote_backlink: &'static str,
    /// `taskList`: `- [x]` items are checkboxes.
    pub task_list: bool,
    /// `definitionList`: a line starting `: ` defines the term above it.
    pub definition_list: bool,
    /// `extras`: superscript, subscript, insert, mark and delete, each off unless turned on.
    pub extras: crate::render::markdown::extras::Extras,
    /// What the typographer writes (`typographer.leftDoubleQuote` and the rest).
    pub typography: &'static crate::render::Typography,
    /// `linkifyProtocol`: the scheme a `www.` link gets (`https`).
    pub linkify_protocol: &'static str,
    /// `cjk` (`cjk.enable`): its `eastAsianLineBreaks` and `escapedSpace`.
    pub cjk: crate::render::markdown::cjk::Cjk,
}

impl Default for Extensions {
    fn default() -> Extensions {
        Extensions {
            typographer: true,
            linkify: true,
            strikethrough: true,
            table: true,
            footnote: true,
            footnote_backlink: DEFAULT_BACKLINK,
            task_list: true,
            definition_list: true,
            extras: Default::default(),
            typography: crate::render::Typography::hugo(),
            linkify_protocol: "https",
            cjk: Default::default(),
        }
    }
}

/// Whether `file` is a shortcode template: in a `shortcodes` or `_shortcodes` folder of
/// a `layouts` folder.
fn is_shortcode(file: &Path) -> bool {
    in_layouts_folder(file, "shortcodes")
}

/// Whether `file` is a partial template: in a `partials` or `_partials` folder of a
/// `layouts` folder.
fn is_partial(file: &Path) -> bool {
    in_layouts_folder(file, "partials")
}

/// Whether `file` is in the `layouts` folder's `kind` folder (or `_kind`, Hugo 0.146's).
fn in_layouts_folder(file: &Path, kind: &str) -> bool {
    let underscored = format!("_{kind}");
    file.components()
        .map(|c| c.as_os_str())
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| matches!(w, [l, s] if *l == "layouts" && (*s == kind || *s == underscored.as_str())))
}
