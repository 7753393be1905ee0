//! What the site's templates read besides the page: `.Site` from the config, `.Site.Data`
//! from the `data/` folders, and `i18n` from the `i18n/` folders (the site's, then its
//! themes'; the site's file wins key by key, as Hugo merges them).
//!
//! Files are read when the site (or its templates) is loaded, never per render. A data
//! or translation file that does not parse is left out, as Folio cannot know what Hugo
//! would make of it (Hugo fails the build on it).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde_json::{Map, Value as Json};

use super::Site;
use crate::formats::Format;
use crate::templates::engine::funcs::TitleCase;
use crate::templates::engine::objects::{LanguageFields, SiteFields};
use crate::templates::engine::HugoContext;

/// The site's `data/` and `i18n/` files, read once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SiteFiles {
    /// `.Site.Data`.
    pub data: Json,
    /// Translations by language code (lowercase).
    pub i18n: BTreeMap<String, Arc<Map<String, Json>>>,
    /// The files Hugo would fail to load, which stop its build ("failed to load data",
    /// "failed to load translations"): each file, where (1-based line and column; 1:1
    /// when the whole file is at fault) and why.
    pub problems: Vec<FileProblem>,
}

/// A data or translation file Hugo cannot load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file.
    pub path: std::path::PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// Why, in Hugo's words where it has them.
    pub message: String,
    /// When Hugo's build stops on it.
    pub stops: Stops,
}

/// When Hugo's build stops on a [`FileProblem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stops {
    /// Always (a translation file).
    Always,
    /// Once a template reads `.Site.Data`, which Hugo loads then (a data file).
    OnceDataIsRead,
    /// Never: Hugo reads the file, Folio does not (an XML data file).
    Never,
}

/// The key, in plural forms the default language's file lends another language, that
/// names the default language: its plural rules choose among them, as go-i18n's do.
pub const FORMS_LANGUAGE: &str = "__folio_lang";

/// The key, in a language's translations, saying that a missing one reads as
/// `[i18n] ID` (the site's `enableMissingTranslationPlaceholders`).
pub const PLACEHOLDERS: &str = "__folio_placeholders";

/// Data and translation files larger than this (bytes) are not read.
const MAX_FILE: u64 = 8 << 20;

impl SiteFiles {
    /// Reads each of `folders`, a data folder and a translation folder, the site's first
    /// and then its themes' ([`crate::Site::folders_beside`]): an earlier one's keys win.
    pub fn read(folders: &[[std::path::PathBuf; 2]]) -> SiteFiles {
        let mut data = Map::new();
        let mut i18n: BTreeMap<String, Map<String, Json>> = BTreeMap::new();
        let mut problems = Vec::new();
        for [data_dir, i18n_dir] in folders {
            read_data(data_dir, &mut data, &mut problems);
            for (lang, table) in read_i18n(i18n_dir, &mut problems) {
                let into = i18n.entry(lang).or_default();
                for (k, v) in table {
                    into.entry(k).or_insert(v);
                }
            }
        }
        SiteFiles {
            data: Json::Object(data),
            i18n: i18n.into_iter().map(|(k, v)| (k, Arc::new(v))).collect(),
            problems,
        }
    }
}

/// A data or translation file's values, when it parses; `None` for a file Folio does not
/// read (too large, null, or in a format it has no reader for: XML, CSV). A file that does not
/// parse, that Hugo has no reader for either, or cannot hold as data (CSV), or that Folio
/// does not read (XML), is a problem.
fn parse_file(path: &Path, always: bool, problems: &mut Vec<FileProblem>) -> Option<Json> {
    let when = if always {
        "Hugo stops its build"
    } else {
        STOPS_ONCE_READ
    };
    let problem = |line, col, message: String| FileProblem {
        path: path.to_path_buf(),
        line,
        col,
        message: format!("{message}; {when}"),
        stops: if always {
            Stops::Always
        } else {
            Stops::OnceDataIsRead
        },
    };
    let written = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    // Hugo 0.168 reads a data file's extension in any case (`x.YAML`; checked), not a
    // translation file's.
    let lower = written.to_ascii_lowercase();
    let extension = if always { written } else { lower.as_str() };
    if let Some(unread) = (!always).then(|| unread_data(path, extension)).flatten() {
        problems.push(unread);
        return None;
    }
    let Some(format) = Format::from_extension(extension) else {
        problems.push(problem(1, 1, unreadable_format(extension, always)));
        return None;
    };
    if std::fs::metadata(path).ok()?.len() > MAX_FILE {
        return None;
    }
    let text = match crate::fs::read_text(path) {
        Ok(text) => text,
        Err(e) => {
            problems.push(problem(1, 1, e.to_string()));
            return None;
        }
    };
    match data_of(&text, format) {
        Ok(json) => json,
        Err(e) => {
            let (line, col) = crate::text::line_col(&text, e.offset);
            problems.push(problem(
                line,
                col,
                format!("{}: Hugo fails to load this file", e.message),
            ));
            None
        }
    }
}

/// Why Hugo cannot load a data file (or, `always`, a translation file) of `extension`,
/// which is none of its formats: for data, as read in lower case (XML and CSV are
/// [`unread_data`]'s); a translation file's extension in capitals (`en.YAML`) stops Hugo
/// too ("no unmarshaler registered for YAML": review 49g, 4).
fn unreadable_format(extension: &str, always: bool) -> String {
    if always {
        format!(
            "Hugo cannot load this translation file: no reader for .{extension} (yaml, yml, \
             toml, json, in lower case)"
        )
    } else {
        format!(
            "Hugo cannot load this file: .{extension} is not a data format (yaml, toml, json, \
             xml, csv)"
        )
    }
}

/// When a data file Hugo cannot load stops its build.
const STOPS_ONCE_READ: &str = "Hugo stops its build once a template reads .Site.Data";

/// What is said of a data file of a format Folio reads none of: CSV, which Hugo 0.168
/// reads as rows its data cannot hold (its build stops once a template reads the data;
/// hunt AL, 6), and XML, which Hugo reads (its root element's children, by `mxj`) and
/// Folio does not.
fn unread_data(path: &Path, extension: &str) -> Option<FileProblem> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let (message, stops) = match extension {
        "csv" => (
            format!("unexpected data type [][]string in file {name}; {STOPS_ONCE_READ}"),
            Stops::OnceDataIsRead,
        ),
        "xml" => (
            "Folio does not read XML data: templates reading it get nothing in the preview \
             and the export, where Hugo's get its elements (and Hugo stops its build on XML \
             it cannot read)"
                .into(),
            Stops::Never,
        ),
        _ => return None,
    };
    Some(FileProblem {
        path: path.to_path_buf(),
        line: 1,
        col: 1,
        message,
        stops,
    })
}

/// A data file's `text` as Hugo reads it (checked with Hugo 0.168): an empty file is an
/// empty map; a YAML one of comments alone, or a null, is none.
///
/// # Errors
/// The text does not parse as `format`.
fn data_of(text: &str, format: Format) -> Result<Option<Json>, crate::SyntaxError> {
    if text.is_empty() {
        return Ok(Some(Json::Object(Map::new())));
    }
    if format == Format::Yaml && crate::formats::yaml_holds_nothing(text) {
        return Ok(None);
    }
    Ok(Some(crate::formats::parse_data(text, format)?).filter(|json| !json.is_null()))
}

/// `data/a/b.yaml` → `data["a"]["b"]`; an earlier source's keys win, and in one folder a
/// later file's of the same name (`b.yaml` over `b.json`: checked with Hugo 0.168). A
/// null is no data (not set; see [`parse_file`]).
fn read_data(dir: &Path, into: &mut Map<String, Json>, problems: &mut Vec<FileProblem>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    // This folder's files by name, in order (a later one's keys win).
    let mut own_files = Map::new();
    for path in entries {
        let Some(stem) = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if stem.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            let sub = into.entry(stem).or_insert_with(|| Json::Object(Map::new()));
            if let Json::Object(sub) = sub {
                read_data(&path, sub, problems);
            }
        } else if let Some(value) = parse_file(&path, false, problems) {
            let own = own_files.entry(stem).or_insert(Json::Null);
            match (own, value) {
                (Json::Object(have), Json::Object(new)) => have.extend(new),
                (own, value) => *own = value,
            }
        }
    }
    for (stem, value) in own_files {
        match (into.get_mut(&stem), value) {
            (Some(Json::Object(have)), Json::Object(new)) => {
                for (k, v) in new {
                    have.entry(k).or_insert(v);
                }
            }
            (None, value) if !value.is_null() => {
                into.insert(stem, value);
            }
            _ => {}
        }
    }
}

/// `table`, the translations of language `code`, with each message's plural forms marked
/// [`FORMS_LANGUAGE`] `code`: its rules pick the form where another language's page
/// reads them.
fn in_language(table: &Map<String, Json>, code: &str) -> Map<String, Json> {
    table
        .iter()
        .map(|(id, text)| {
            let text = match text {
                Json::Object(forms) => {
                    let mut forms = forms.clone();
                    forms.insert(FORMS_LANGUAGE.to_string(), Json::from(code));
                    Json::Object(forms)
                }
                text => text.clone(),
            };
            (id.clone(), text)
        })
        .collect()
}

/// `i18n/en.toml` (or `en-us.yaml`…) → `("en", {id: text or {one, other}})`. Hugo's
/// files are either `id = "text"` / `[id] other = "…"` tables or a list of
/// `{id, translation}` entries.
fn read_i18n(dir: &Path, problems: &mut Vec<FileProblem>) -> Vec<(String, Map<String, Json>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        let Some(lang) = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_lowercase)
        else {
            continue;
        };
        // A hidden file or a folder is no translation; a file in a format Hugo does not
        // translate from is left as Hugo leaves it (one in capitals, `en.YAML`, stops it:
        // `parse_file`).
        let known = path
            .extension()
            .and_then(|e| e.to_str())
            .and_then(|e| Format::from_extension(&e.to_ascii_lowercase()))
            .is_some();
        if lang.starts_with('.') || path.is_dir() || !known {
            continue;
        }
        let table = match parse_file(&path, true, problems) {
            Some(Json::Object(m)) => {
                let mut table = Map::new();
                flatten_messages("", m, &mut table);
                table
            }
            Some(Json::Array(list)) => list
                .into_iter()
                .filter_map(|e| {
                    let id = e.get("id")?.as_str()?.to_string();
                    Some((id, e.get("translation")?.clone()))
                })
                .collect(),
            _ => continue,
        };
        out.push((lang, table));
    }
    out
}

/// The keys go-i18n reads as a message's fields, not as a nested id (`reservedKeys`):
/// a map holding one is a message (its plural forms, or its `translation`).
const MESSAGE_KEYS: &[&str] = &[
    "id",
    "description",
    "hash",
    "leftdelim",
    "rightdelim",
    "zero",
    "one",
    "two",
    "few",
    "many",
    "other",
    "translation",
];

/// A translation file's table as go-i18n reads it: a nested map's ids joined with `.`
/// (`article: {reading_time: …}` is `article.reading_time`), down to a text or a message
/// (a map of plural forms; a `translation` stands for its text).
fn flatten_messages(prefix: &str, table: Map<String, Json>, into: &mut Map<String, Json>) {
    for (k, v) in table {
        let id = if prefix.is_empty() {
            k
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            Json::Object(forms) if forms.contains_key("translation") => {
                into.insert(id, forms.get("translation").cloned().unwrap_or(Json::Null));
            }
            Json::Object(m)
                if !m
                    .keys()
                    .any(|k| MESSAGE_KEYS.contains(&k.to_lowercase().as_str())) =>
            {
                flatten_messages(&id, m, into);
            }
            v => {
                into.insert(id, v);
            }
        }
    }
}

/// A setting of the site's config that Hugo refuses (a `timeZone`, a
/// `defaultContentLanguage`): Hugo's message, and where the value is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadSetting {
    /// The config file that sets it.
    pub file: std::path::PathBuf,
    /// Where the value is in that file: 1-based line and column (in characters).
    pub line: usize,
    /// See `line`.
    pub col: usize,
    /// Hugo's message (`invalid timeZone for language "en": unknown time zone Mars/Olympus`).
    pub message: String,
}

impl Site {
    /// The zone that front matter dates without an offset, and `time`'s argument, are
    /// read in for a page in `lang`: the language's `timeZone` (`[languages.fr]`), else
    /// the site's; UTC when neither is set (Hugo: `langs.NewLanguage`, which loads it with
    /// Go's `time.LoadLocation`). Zones are looked up in the system's time zone database,
    /// as Go's are on Linux.
    ///
    /// # Errors
    /// A name the database does not know: Hugo fails the build on it.
    pub fn time_zone(&self, lang: &str) -> Result<jiff::tz::TimeZone, BadSetting> {
        let Some((file, node)) = self.language_setting(lang, "timeZone") else {
            return Ok(jiff::tz::TimeZone::UTC);
        };
        let name = match node.to_json() {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        crate::templates::engine::time::load_location(&name).ok_or_else(|| {
            let (line, col) = crate::text::line_col(&file.src, node.span.start);
            BadSetting {
                file: file.path.clone(),
                line,
                col,
                message: format!(
                    "invalid timeZone for language \"{lang}\": unknown time zone {name}"
                ),
            }
        })
    }

    /// Why Hugo refuses the site's `defaultContentLanguage`, if it does (`langs.DecodeConfig`,
    /// checked with Hugo 0.168): without a `languages` table, a code with a capital or a
    /// blank; with one, a code none of its languages has (in any case).
    pub fn default_language_problem(&self) -> Option<BadSetting> {
        let (file, node) = self.setting(&["defaultContentLanguage"])?;
        let code = node.to_json().as_str()?.to_string();
        let languages = match self.config_json(&["languages"]) {
            Some(serde_json::Value::Object(m)) if !m.is_empty() => Some(m),
            _ => None,
        };
        let lower = code.to_lowercase();
        let message = match languages {
            None if code != lower || code.contains(' ') => {
                format!("language name \"{code}\" is invalid: must be all lower case and no spaces")
            }
            Some(m) if !code.is_empty() && !m.keys().any(|k| k.to_lowercase() == lower) => {
                format!("defaultContentLanguage \"{lower}\" not found in languages configuration")
            }
            _ => return None,
        };
        let (line, col) = crate::text::line_col(&file.src, node.span.start);
        Some(BadSetting {
            file: file.path.clone(),
            line,
            col,
            message: format!("failed to decode languages config: {message}: Hugo stops its build"),
        })
    }

    /// A theme the config names that Hugo cannot find, which stops its build: neither
    /// vendored nor in the themes folder ([`crate::templates::Sources::module_dir`]), and a
    /// plain name, or a module path in a site that is no Hugo Module (no `go.mod`) for Hugo
    /// to fetch it into (`modules/collect.go`: "module does not exist").
    pub fn missing_theme_problem(&self) -> Option<BadSetting> {
        let (file, node) = self.setting(&["theme"])?;
        let names = match node.to_json() {
            serde_json::Value::String(s) => vec![s],
            serde_json::Value::Array(items) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => return None,
        };
        let sources = self.template_sources();
        let dir = sources.themes_dir.display().to_string();
        let fetched = self.root.join("go.mod").is_file();
        let name = names
            .into_iter()
            .find(|n| !(sources.module_dir(n).is_some() || fetched && n.contains('/')))?;
        let (line, col) = crate::text::line_col(&file.src, node.span.start);
        Some(BadSetting {
            file: file.path.clone(),
            line,
            col,
            message: format!(
                "failed to load modules: module \"{name}\" not found in \"{dir}/{name}\"; either \
                 add it as a Hugo Module or store it in \"{dir}\": Hugo stops its build"
            ),
        })
    }

    /// The first of a language's own text `keys` that is set (`[languages.fr] label`).
    /// `.Language.Label`: the language's `label`, else its `languageName`, else "".
    fn language_label(&self, lang: &str) -> String {
        self.language_setting_in(lang, &["label", "languageName"])
            .unwrap_or_default()
    }

    /// The translations `i18n` reads for language `lang`: the first file of its locale
    /// (`en-gb.toml` for `languageCode = "en-gb"`), its code (`en.toml`; `fr.toml` is not
    /// `fr-ca`'s), the default language's locale and the default language's code (Hugo's
    /// `getTranslateFunc`, `langs/i18n/translationProvider.go`; review 62a, r3), and
    /// where that has no entry for an id, the default language's (Hugo's translator falls
    /// back on `defaultContentLanguage`, checked against Hugo 0.168).
    /// With `enableMissingTranslationPlaceholders`, none is lent: an id the language's own
    /// file lacks reads as `[i18n] ID` ([`PLACEHOLDERS`]; Hugo's `langs/i18n/i18n.go`, a
    /// translation found in another language included).
    fn i18n_of(&self, lang: &str) -> Arc<Map<String, Json>> {
        let table = |code: &str| self.files.i18n.get(&code.to_lowercase());
        let default = self.default_language();
        let key = [
            self.language_code(lang),
            lang.to_string(),
            self.language_code(&default),
            default.clone(),
        ]
        .into_iter()
        .find(|code| table(code).is_some())
        .unwrap_or_else(|| lang.to_string());
        let own = match table(&key) {
            // Another language's forms are picked by its rules.
            Some(t) if !key.eq_ignore_ascii_case(lang) => Arc::new(in_language(t, &key)),
            Some(t) => t.clone(),
            None => Arc::default(),
        };
        if self.config_json(&["enableMissingTranslationPlaceholders"]) == Some(Json::Bool(true)) {
            let mut marked = own.as_ref().clone();
            marked.insert(PLACEHOLDERS.to_string(), Json::Bool(true));
            return Arc::new(marked);
        }
        match table(&default) {
            Some(fallback) if !default.eq_ignore_ascii_case(&key) => {
                let mut merged = own.as_ref().clone();
                for (id, text) in in_language(fallback, &default) {
                    merged.entry(id).or_insert(text);
                }
                Arc::new(merged)
            }
            _ => own,
        }
    }

    /// `.Language.Locale` (and the deprecated `.Language.LanguageCode`) of language
    /// `lang`, as Hugo 0.168 sets it (`langs/config.go`, `init`): its `locale`; for the
    /// default language, then the site's `locale`; then its `languageCode`; for the
    /// default language, then the site's `languageCode`; else its code. Dates and
    /// numbers are written in this locale.
    fn language_code(&self, lang: &str) -> String {
        let own = |k: &str| self.language_setting_in(lang, &[k]);
        let site = |k: &str| {
            let (_, node) = self.setting(&[k])?;
            node.to_json().as_str().map(str::to_string)
        };
        let default = self.default_language() == lang;
        own("locale")
            .or_else(|| default.then(|| site("locale")).flatten())
            .or_else(|| own("languageCode"))
            .or_else(|| default.then(|| site("languageCode")).flatten())
            .unwrap_or_else(|| lang.to_string())
    }

    /// The writing direction of language `lang` (`[languages.he] direction = "rtl"`, or
    /// `languageDirection`: Hugo's `.Language.LanguageDirection`), `None` when unset.
    pub fn direction_in(&self, lang: &str) -> Option<String> {
        self.language_setting_in(lang, &["direction", "languageDirection"])
            .filter(|d| !d.is_empty())
    }

    fn language_setting_in(&self, lang: &str, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            let (_, node) = self.setting(&["languages", lang, k])?;
            node.to_json().as_str().map(str::to_string)
        })
    }

    /// A setting of the language `lang` (`[languages.fr] timeZone`), else the site's; keys
    /// in any case, as Hugo reads them.
    fn language_setting(
        &self,
        lang: &str,
        key: &str,
    ) -> Option<(&super::ConfigFile, &crate::formats::Node)> {
        self.setting(&["languages", lang, key])
            .or_else(|| self.setting(&[key]))
    }

    /// A setting's value as written, and its file: in the config file, or in a file of
    /// the config folder whose keys lead to it ([`super::Site::key_files`]: `languages.toml`,
    /// `languages.en.toml`), which wins, the last such file first. Keys match in any case
    /// (Hugo's config keys are case-insensitive).
    pub(crate) fn setting(
        &self,
        path: &[&str],
    ) -> Option<(&super::ConfigFile, &crate::formats::Node)> {
        let in_file = self.key_files.iter().rev().find_map(|(keys, f)| {
            let (head, rest) = path.split_at_checked(keys.len())?;
            if !super::same_keys(keys, head) {
                return None;
            }
            // A file may hold its last key's table under that key itself.
            let own = keys.len().checked_sub(1).and_then(|i| path.get(i..));
            let node = f
                .doc
                .root
                .get_any_case(rest)
                .or_else(|| own.and_then(|own| f.doc.root.get_any_case(own)))?;
            Some((f, node))
        });
        in_file.or_else(|| {
            let c = self.config.as_ref()?;
            Some((c, c.doc.root.get_any_case(path)?))
        })
    }

    /// The path of the site's `baseURL` (`/repo/` of `https://user.github.io/repo/`): what
    /// `relURL` puts before a site path, so what a local URL may start with.
    pub fn base_path(&self) -> String {
        crate::templates::engine::objects::base_path(&self.base_url()).to_string()
    }

    /// The `baseURL` of language `lang`: its own on a site with a host per language
    /// ([`Site::is_multihost`]), else the site's ([`Site::base_url`]).
    pub fn base_url_in(&self, lang: &str) -> String {
        with_trailing_slash(self.language_text(lang, "baseURL").unwrap_or_default())
    }

    /// The site's `baseURL`, its path ending in `/` as Hugo holds it; empty when unset.
    pub fn base_url(&self) -> String {
        let base = self
            .config_json(&["baseURL"])
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        with_trailing_slash(base)
    }

    /// The `assets/` folders `resources.Get` reads: the site's (where its `assetDir`
    /// says), then its themes' and modules', in the order templates are looked up.
    pub fn assets_dirs(&self) -> Vec<std::path::PathBuf> {
        crate::templates::Catalogue::folders(&self.template_sources())
            .into_iter()
            .filter_map(|layouts| Some(self.folder_beside(layouts.parent()?, "assetDir", "assets")))
            .filter(|d| d.is_dir())
            .collect()
    }

    /// The root folders of the site's themes, in the order Hugo looks through them (the
    /// site's own root is not one).
    pub fn theme_roots(&self) -> Vec<std::path::PathBuf> {
        crate::templates::Catalogue::folders(&self.template_sources())
            .into_iter()
            .skip(1)
            .filter_map(|layouts| layouts.parent().map(std::path::Path::to_path_buf))
            .collect()
    }

    /// The text setting `key` of language `lang`: the language's own (`[languages.fr]
    /// title = …`), else the config's, as Hugo's `site.Title` and its kin read them.
    pub(crate) fn language_text(&self, lang: &str, key: &str) -> Option<String> {
        self.config_json(&["languages", lang, key])
            .or_else(|| self.config_json(&[key]))
            .and_then(|v| v.as_str().map(str::to_string))
    }

    /// The params a page in `lang` sees (`.Site.Params`, `{{< param >}}`): the site's
    /// ([`Site::render_params`]) with the language's own over them (`[languages.en.params]`,
    /// `params.en.toml`, over its themes' `languages.en.params`: a theme's language params
    /// win over the site's top-level ones, checked with Hugo 0.168), merged deeply, a key
    /// in any case the same key, as Hugo merges them.
    pub fn params_in(&self, lang: &str) -> serde_json::Map<String, Json> {
        self.params_in_as(lang, false)
    }

    /// [`Site::params_in`], the numbers typed for the templates when `typed`
    /// ([`Site::params_as`]).
    fn params_in_as(&self, lang: &str, typed: bool) -> serde_json::Map<String, Json> {
        let mut params = self.params_as(typed);
        // A theme's `[languages.X.params]` count for a language the site's own config
        // defines; without one, Hugo ignores them (checked: Hugo 0.168, review 61b).
        let defined = self.config_json(&["languages", lang]).is_some();
        let mut language = match self.theme_language_params.get(&lang.to_lowercase()) {
            Some(Json::Object(themes)) if defined => themes.clone(),
            _ => serde_json::Map::new(),
        };
        let own = self.config_json(&["languages", lang, "params"]);
        let own = match (own, self.params_format()) {
            (Some(own), Some(format)) if typed => Some(crate::formats::hugo_numbers(own, format)),
            (own, _) => own,
        };
        if let Some(Json::Object(own)) = own {
            super::merge_params(&mut language, own);
        }
        super::merge_params(&mut params, language);
        params
    }

    /// [`Site::params_in`] `lang`, their numbers typed as Hugo's decoder of each config
    /// file's format types them ([`Site::params_as`]; a language's own by
    /// [`Site::params_format`]): `.Site.Params`.
    fn typed_params_in(&self, lang: &str) -> Json {
        Json::Object(self.params_in_as(lang, true))
    }

    /// What the templates see of this site for a page in `lang` at `rel_permalink`,
    /// stored in `file` (`content/about.md`).
    pub fn hugo_context(&self, lang: &str, rel_permalink: &str, file: &str) -> HugoContext {
        let text = |k: &str| self.language_text(lang, k).unwrap_or_default();
        let params = self.typed_params_in(lang);
        let slashed = |p: Option<String>| p.map(|p| format!("/{p}")).unwrap_or_default();
        let (language_prefix, url_prefix) = (
            slashed(self.language_prefix(lang)),
            slashed(self.url_prefix(lang)),
        );
        let label = |code: &str| self.language_label(code);
        let language_name = label(lang);
        let root = self.config_json(&[]).unwrap_or_default();
        let fields = SiteFields {
            title: text("title"),
            base_url: self.base_url_in(lang),
            params,
            data: self.files.data.clone(),
            lang: lang.to_string(),
            language_name,
            copyright: text("copyright"),
            language_prefix,
            url_prefix,
            aliases: crate::templates::engine::values::aliases_of(
                self.shortcodes.field_names().iter(),
            ),
            languages: self.language_fields(lang),
            config: Json::Object(config_of(&root, &SITE_CONFIG_KEYS)),
            git_info: config_of(&root, &["enableGitInfo"])
                .values()
                .any(|v| v.as_bool() == Some(true)),
        };
        let mut ctx = HugoContext::new(&fields, self.i18n_of(lang), rel_permalink, file);
        // A zone Hugo cannot load fails its build; `folio check` says so, and the
        // preview reads dates in UTC meanwhile.
        ctx.time_zone = self.time_zone(lang).unwrap_or(jiff::tz::TimeZone::UTC);
        let flag = |key: &str| {
            config_of(&root, &[key])
                .values()
                .any(|v| v.as_bool() == Some(true))
        };
        ctx.inline_shortcodes = flag("enableInlineShortcodes");
        ctx.canonify_urls = flag("canonifyURLs");
        let on = |key: &str| {
            self.language_setting(lang, key)
                .is_some_and(|(_, node)| node.to_json().as_bool() == Some(true))
        };
        ctx.path_style = crate::templates::engine::funcs::PathStyle {
            remove_accents: on("removePathAccents"),
            keep_case: on("disablePathToLower"),
        };
        ctx.abs_url_path = abs_url_path(
            rel_permalink,
            &self.base_url(),
            (ctx.canonify_urls, flag("relativeURLs")),
        );
        ctx.title_case = self
            .language_setting(lang, "titleCaseStyle")
            .and_then(|(_, node)| node.to_json().as_str().map(TitleCase::named))
            .unwrap_or_default();
        ctx.ignored_logs = self.ignored_logs();
        ctx.getenv = self.getenv_allowed();
        ctx
    }

    /// `.Site.Languages`: each language's fields, seen from a page in `lang`.
    fn language_fields(&self, lang: &str) -> Vec<LanguageFields> {
        let default = self.default_language();
        self.languages()
            .into_iter()
            .map(|l| LanguageFields {
                is_default: l.code.eq_ignore_ascii_case(&default),
                label: self.language_label(&l.code),
                language_code: self.language_code(&l.code),
                direction: self.direction_in(&l.code).unwrap_or_default(),
                // (The page's own language's are read once, by the caller.)
                params: if l.code == lang {
                    Json::Null
                } else {
                    self.typed_params_in(&l.code)
                },
                code: l.code,
                weight: l.weight,
            })
            .collect()
    }

    /// The environment variables `getenv` may read (`security.funcs.getenv`: a list, or
    /// one name).
    fn getenv_allowed(&self) -> Arc<[String]> {
        match self.config_json(&["security", "funcs", "getenv"]) {
            Some(Json::Array(allowed)) => allowed
                .iter()
                .filter_map(|p| p.as_str().map(str::to_string))
                .collect(),
            Some(Json::String(one)) => Arc::from([one]),
            _ => crate::templates::engine::objects::GETENV_DEFAULT
                .iter()
                .map(|p| (*p).to_string())
                .collect(),
        }
    }
}

/// Where Hugo points a root-relative URL of the page at `rel_permalink` (`/work/p/`):
/// up to the site's root with `relative_urls` (`../../`, Hugo's `GetDottedRelativePath`
/// of the page's file), else the base URL with `canonify_urls`; `None` with neither.
fn abs_url_path(
    rel_permalink: &str,
    base_url: &str,
    (canonify_urls, relative_urls): (bool, bool),
) -> Option<String> {
    if relative_urls {
        // The page's file: its folder's `index.html`, or an ugly URL's own file.
        let file = if rel_permalink.ends_with('/') {
            format!("{rel_permalink}index.html")
        } else {
            rel_permalink.to_string()
        };
        let dir = file.rsplit_once('/').map_or("", |(d, _)| d);
        let ups = dir.matches('/').count();
        return Some(if ups == 0 {
            "./".to_string()
        } else {
            "../".repeat(ups)
        });
    }
    canonify_urls.then(|| {
        if base_url.ends_with('/') {
            base_url.to_string()
        } else {
            format!("{base_url}/")
        }
    })
}

/// The top-level settings `.Site.Config` reads (`SiteFields::config`).
const SITE_CONFIG_KEYS: [&str; 5] = [
    "privacy",
    "services",
    "disqusShortname",
    "googleAnalytics",
    "rssLimit",
];

/// A `baseURL` as Hugo holds it, its path ending in `/` (`https://e.org/blog` is
/// `https://e.org/blog/`: `common/urls/baseURL.go`, `newBaseURLFromURL`); an empty one
/// (no base) as it is.
fn with_trailing_slash(base: String) -> String {
    if base.is_empty() || base.ends_with('/') || base.contains(['?', '#']) {
        base
    } else {
        base + "/"
    }
}

/// The settings of `config` (the site's, as JSON) named `keys`, matched in any case as
/// Hugo matches them.
fn config_of(config: &Json, keys: &[&str]) -> serde_json::Map<String, Json> {
    let Some(all) = config.as_object() else {
        return serde_json::Map::new();
    };
    all.iter()
        .filter(|(k, _)| keys.iter().any(|key| k.eq_ignore_ascii_case(key)))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_two_folders_down_points_up_twice() {
        assert_eq!(
            abs_url_path("/work/p/", "", (false, true)).as_deref(),
            Some("../../")
        );
        assert_eq!(abs_url_path("/", "", (false, true)).as_deref(), Some("./"));
        assert_eq!(
            abs_url_path("/a.html", "", (false, true)).as_deref(),
            Some("./")
        );
        assert_eq!(
            abs_url_path("/p/", "https://e.org", (true, false)).as_deref(),
            Some("https://e.org/")
        );
        assert_eq!(abs_url_path("/p/", "https://e.org/", (false, false)), None);
    }
}
