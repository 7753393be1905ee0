//! A site's params: reading them (`[params]` in the config, or `config/_default/params.*`),
//! looking a key up as Hugo's `param` shortcode does, and writing changed params back.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value as Json};

use super::{ConfigFile, Site};
use crate::error::Result;
use crate::formats::{EditError, Format, Tree};
use crate::text::{self, Splice};

impl Site {
    /// The file that holds the params (a params file, else the config), if any.
    pub fn params_file(&self) -> Option<&ConfigFile> {
        self.params_file.as_ref().or(self.config.as_ref())
    }

    /// The same site with the params file's text replaced (after an edit).
    ///
    /// # Errors
    /// `text` does not parse in the file's format.
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
        // The site's own file's, never an environment's (`config/production/params.toml`
        // is for a build: [`Site::render_params`] reads it, the forms must not write it).
        let v = match &self.params_file {
            Some(f) => Some(f.doc.to_json()),
            None => self
                .config
                .as_ref()
                .and_then(|c| c.doc.root.get_any_case(&["params"]))
                .map(|n| n.to_json()),
        };
        match v {
            Some(Json::Object(m)) => m,
            _ => Map::new(),
        }
    }

    /// The params the site's templates see that its forms do not edit: set in another of
    /// the site's own config files than [`Site::params_file`] (the config's `[params]`
    /// beside `config/_default/params.*`, a `config/_default/hugo.*` beside a root config),
    /// each with the value Hugo uses and its file, relative to the site's folder, once per
    /// key (in any case, as Hugo reads keys). A key the forms' file also sets is listed
    /// too: the forms' file's value wins while it has the key when it is merged later
    /// (`config/_default/params.*` after the root config), and this one counts again once
    /// the key is removed there; a file merged after the forms' (a config folder's
    /// `hugo.*` after a root config holding the params) wins ([`ParamElsewhere::wins`]).
    ///
    /// Then the params a page in `lang` reads from a table that wins over the forms' file
    /// ([`ParamElsewhere::wins`] when the forms' file sets the key too: its edits change
    /// nothing Hugo shows): the language's own (`[languages.en.params]`, `params.en.toml`)
    /// and the build environment's (`config/production/`), as Hugo merges them
    /// (`config/allconfig/load.go`).
    ///
    /// Last, the params the site's themes and modules set that no file of the site does,
    /// from the first theme that sets each ([`ParamElsewhere::from_theme`]).
    pub fn params_elsewhere(&self, lang: &str) -> Vec<ParamElsewhere> {
        let mut out = self.params_in_other_files();
        let own = self.params();
        for (key, value) in self.params_in(lang) {
            let mine = super::table_get_any_case(&own, &key);
            // A table of params merges key by key: a sub-key set over the forms' file is
            // not the whole table's value (the forms still edit the others).
            if mine == Some(&value) || (mine.is_some_and(Json::is_object) && value.is_object()) {
                continue;
            }
            let language = ["languages", lang, "params", key.as_str()];
            let Some((file, table)) = self
                .file_setting(&language, false)
                .or_else(|| self.file_setting(&["params", key.as_str()], true))
            else {
                continue;
            };
            out.retain(|p| !p.key.eq_ignore_ascii_case(&key));
            let file = file.strip_prefix(&self.root).unwrap_or(file).to_path_buf();
            out.push(ParamElsewhere {
                wins: mine.is_some(),
                key,
                value,
                file,
                table,
                from_theme: false,
            });
        }
        // Last, the themes' and modules' defaults for what no file of the site sets: Hugo
        // reads them under the site's own params ("Deep merge of theme Params").
        // A table the site sets too gets the theme's keys it lacks, merged in: those are
        // listed, as the table of them.
        for (folder, params) in self.theme_params_each.iter() {
            for (key, value) in params {
                let set = |k: &str| k.eq_ignore_ascii_case(key);
                if out.iter().any(|p| set(&p.key)) {
                    continue;
                }
                let value = match super::table_get_any_case(&own, key) {
                    None => value.clone(),
                    Some(Json::Object(mine)) => match (value, theirs_only(mine, value)) {
                        (Json::Object(_), Some(added)) => added,
                        _ => continue,
                    },
                    Some(_) => continue,
                };
                out.push(ParamElsewhere {
                    key: key.clone(),
                    value,
                    file: folder.clone(),
                    table: "params".into(),
                    wins: false,
                    from_theme: true,
                });
            }
        }
        out
    }

    /// [`Site::params_elsewhere`]'s first part: the params of the site's own config files
    /// other than the forms' file.
    fn params_in_other_files(&self) -> Vec<ParamElsewhere> {
        let own = self.params();
        let mut out: Vec<ParamElsewhere> = Vec::new();
        // `over`: the file is merged after the forms' file (a config folder's `hugo.toml`
        // after a root config that holds the params), so its values win over the forms'.
        let mut add = |path: &Path, params: Option<Json>, over: bool| {
            let Some(Json::Object(m)) = params else {
                return;
            };
            for (key, value) in m {
                if out.iter().any(|p| p.key.eq_ignore_ascii_case(&key)) {
                    continue;
                }
                let mine = super::table_get_any_case(&own, &key);
                let wins = over
                    && mine.is_some_and(|v| *v != value && !(v.is_object() && value.is_object()));
                let file = path.strip_prefix(&self.root).unwrap_or(path).to_path_buf();
                out.push(ParamElsewhere {
                    key,
                    value,
                    file,
                    table: "params".into(),
                    wins,
                    from_theme: false,
                });
            }
        };
        let params_of = |f: &ConfigFile| f.doc.root.get_any_case(&["params"]).map(|n| n.to_json());
        // The later a file is merged, the more its value counts: the config folder's own
        // config files (each holding the whole config), then the root config.
        for (keys, f) in self.key_files.iter().rev() {
            if keys.is_empty() && f.path.parent().is_some_and(|d| d.ends_with("_default")) {
                add(&f.path, params_of(f), self.params_file.is_none());
            }
        }
        if self.params_file.is_some() {
            if let Some(c) = &self.config {
                add(&c.path, params_of(c), false);
            }
        }
        out
    }

    /// The new text of the file holding the params, if `new` differs from them: the file's
    /// path and its whole new text. A TOML config without `[params]` gets one appended.
    ///
    /// # Errors
    /// A value the file's format cannot hold, or a page outside any site with params to set.
    pub fn params_edit(
        &self,
        new: &Map<String, Json>,
    ) -> std::result::Result<Option<(PathBuf, String)>, EditError> {
        let new_json = Json::Object(new.clone());
        let (file, splices) = match (&self.params_file, &self.config) {
            (Some(f), _) => (f, f.doc.edits(&f.src, &new_json)?),
            (None, Some(c)) => match c.doc.root.key_any_case("params") {
                // `[Params]` is the params table as much as `[params]` is: edited where it is.
                Some(key) => (c, c.doc.set(&c.src, &[key], &new_json)?),
                None if c.doc.format == Format::Toml => {
                    if new.is_empty() {
                        return Ok(None);
                    }
                    (c, vec![toml_params_table(c, new)?])
                }
                None => (c, c.doc.set(&c.src, &["params"], &new_json)?),
            },
            (None, None) if new.is_empty() => return Ok(None),
            (None, None) => {
                return Err(EditError {
                    at: "params".into(),
                    message: "the page is not inside a Hugo site (no config found above it), so \
                              there are no site params to edit"
                        .into(),
                })
            }
        };
        if splices.is_empty() {
            return Ok(None);
        }
        let text = text::apply_splices(&file.src, splices)
            .map_err(|e| EditError::new("params", e.to_string()))?;
        Ok(Some((file.path.clone(), text)))
    }
}

/// The keys of table `theirs` that table `mine` lacks (in any case, tables deeply), as a
/// table; `None` when it lacks none: what a deep merge of `theirs` under `mine` adds.
fn theirs_only(mine: &Map<String, Json>, theirs: &Json) -> Option<Json> {
    let Json::Object(theirs) = theirs else {
        return None;
    };
    let mut added = Map::new();
    for (key, value) in theirs {
        match super::table_get_any_case(mine, key) {
            None => {
                added.insert(key.clone(), value.clone());
            }
            Some(Json::Object(inner)) => {
                if let Some(more) = theirs_only(inner, value) {
                    added.insert(key.clone(), more);
                }
            }
            Some(_) => {}
        }
    }
    (!added.is_empty()).then_some(Json::Object(added))
}

/// A param set in a config file the forms do not edit ([`Site::params_elsewhere`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParamElsewhere {
    /// Its key, as written.
    pub key: String,
    /// Its value there.
    pub value: Json,
    /// The file, relative to the site's folder.
    pub file: PathBuf,
    /// The table in that file (`params`, `languages.en.params`, `en.params` in
    /// `languages.toml`; empty for the file's top level, as in `params.toml`).
    pub table: String,
    /// Whether Hugo reads this value for the page over the forms' file's value of the key
    /// (the forms' file sets it too, but a language's or the environment's table wins).
    pub wins: bool,
    /// Whether it is a theme's or module's default (`file` is then its folder): a key no
    /// config file of the site sets, which the site's own value would override; or, of a
    /// table the forms' file sets too, the theme's keys it lacks, which Hugo merges in.
    pub from_theme: bool,
}

/// A `[params]` table appended to a TOML config that has none.
fn toml_params_table(
    c: &ConfigFile,
    new: &Map<String, Json>,
) -> std::result::Result<Splice, EditError> {
    let eol = c.doc.eol;
    let probe = format!("[params]{eol}");
    let doc = Tree::parse(&probe, 0..probe.len(), Format::Toml).map_err(|e| EditError {
        at: "params".into(),
        message: e.message,
    })?;
    let inner = doc.set(&probe, &["params"], &Json::Object(new.clone()))?;
    let mut text = String::new();
    if !c.src.is_empty() && !c.src.ends_with('\n') {
        text.push_str(eol);
    }
    if !c.src.is_empty() {
        text.push_str(eol);
    }
    text.push_str(
        &text::apply_splices(&probe, inner).map_err(|e| EditError::new("params", e.to_string()))?,
    );
    Ok(Splice::insert(c.src.len(), text))
}

/// A page's params (`.Params`) from its front matter: every key but `params`, then the
/// entries of the `params` map, which win over a top-level key of the same name in any
/// case (Hugo 0.123 on: `hugolib/page__meta.go`; the `params` map is where a page's own
/// keys belong, and top-level keys are kept for older sites). Keys keep their case here;
/// Hugo's are lowercased where they are read.
pub fn page_params(front: &Map<String, Json>) -> std::borrow::Cow<'_, Map<String, Json>> {
    let Some(own) = own_params(front) else {
        return std::borrow::Cow::Borrowed(front);
    };
    let mut merged: Map<String, Json> = front
        .iter()
        .filter(|(k, _)| {
            !k.eq_ignore_ascii_case("params")
                && !own.keys().any(|o| o.to_lowercase() == k.to_lowercase())
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    merged.extend(own.iter().map(|(k, v)| (k.clone(), v.clone())));
    std::borrow::Cow::Owned(merged)
}

/// The front matter's own `params` table (the key in any case, as Hugo lower-cases front
/// matter keys: `Params` too), when it has one.
pub fn own_params(front: &Map<String, Json>) -> Option<&Map<String, Json>> {
    front
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("params"))
        .and_then(|(_, v)| v.as_object())
}

/// Looks `key` up as Hugo's `param` shortcode does (`{{ with $.Page.Param $name }}`):
/// `.Param`'s value, as Hugo's `maps.GetNestedParam` finds it in the page's params
/// ([`page_params`] of its front matter `page`) and then the site's: lowercased, first as
/// a whole key in either map (a key the page sets to nothing stops the search there),
/// then as a dotted path through nested maps, skipping nothing; `None` when that value is
/// one `with` skips (nil, false, 0, "", an empty list or map), where Hugo's shortcode
/// fails the build. A map is given as Hugo holds params, its keys in lower case, and its
/// maps' keys (not those of maps in a list: `maps.PrepareParams`; checked with Hugo 0.168,
/// hunt AO, 13).
pub fn lookup_param(page: &Map<String, Json>, site: &Map<String, Json>, key: &str) -> Option<Json> {
    let key = key.to_lowercase();
    let page = page_params(page);
    let maps = [&*page, site];
    let found = match maps.iter().find_map(|m| get_lowercase(m, &key)) {
        Some(v) => Some(v),
        None => maps
            .iter()
            .find_map(|m| nested(m, &key).filter(|v| !v.is_null())),
    };
    found.filter(|v| truthy(v)).map(lowercased_keys)
}

/// `value` with the keys of its maps, and of the maps in them, in lower case.
fn lowercased_keys(value: &Json) -> Json {
    match value {
        Json::Object(m) => Json::Object(
            m.iter()
                .map(|(k, v)| (k.to_lowercase(), lowercased_keys(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The value of `key` (lowercase) in `map`, its keys compared lowercased (Hugo lowercases
/// params' keys).
fn get_lowercase<'a>(map: &'a Map<String, Json>, key: &str) -> Option<&'a Json> {
    map.iter()
        .find(|(k, _)| k.to_lowercase() == key)
        .map(|(_, v)| v)
}

/// A dotted `key` (lowercase) through nested maps of `params`.
fn nested<'a>(params: &'a Map<String, Json>, key: &str) -> Option<&'a Json> {
    let mut parts = key.split('.');
    let mut cur = get_lowercase(params, parts.next()?)?;
    for p in parts {
        cur = match cur {
            Json::Object(m) => get_lowercase(m, p)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// Whether Go's templates take `v` as true (`with`, `if`): not nil, false, 0, "", or an
/// empty list or map.
fn truthy(v: &Json) -> bool {
    match v {
        Json::Null => false,
        Json::Bool(b) => *b,
        Json::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Json::String(s) => !s.is_empty(),
        Json::Array(a) => !a.is_empty(),
        // A YAML whole number, marked as a `uint64` (`formats::hugo_numbers`), is true as
        // the number is.
        Json::Object(m) => match m.get(crate::formats::UINT) {
            Some(n) if m.len() == 1 => truthy(n),
            _ => !m.is_empty(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_yaml_zero_typed_as_a_uint64_is_no_param_as_the_number_is_none() {
        // Hugo's `param` shortcode skips 0 with `with`, a YAML `uint64` 0 too.
        let front = |n: u64| match crate::formats::hugo_numbers(
            serde_json::json!({ "n": n }),
            crate::formats::Format::Yaml,
        ) {
            Json::Object(m) => m,
            _ => Map::new(),
        };
        assert_eq!(lookup_param(&front(0), &Map::new(), "n"), None);
        assert!(lookup_param(&front(7), &Map::new(), "n").is_some());
    }
}
