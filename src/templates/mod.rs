//! The site's shortcode catalogue: every shortcode the site can call, where its template
//! is, and the [`Schema`] inferred from it. Below the page (which pairs shortcodes as the
//! catalogue says) and the site (which holds one): it reads only files.
//!
//! Templates are looked up as Hugo does (`tpl/tplimpl`, Hugo docs "Template lookup
//! order"), first found wins. The layouts folders, in order:
//!
//! 1. the site's `layouts/`;
//! 2. each module's in `module.imports`, in order, in `_vendor/PATH/layouts/…` when
//!    `_vendor/modules.txt` lists it (`hugo mod vendor`), else `THEMESDIR/PATH/layouts/…`
//!    (`themesDir`, default `themes`; [`Sources::module_dir`]);
//! 3. each theme's the config names (`theme`, a string or a list, leftmost first), found
//!    the same way: Hugo adds the themes to the imports, after them (`modules/config.go`,
//!    `decodeConfig`; review 53b, 8);
//!
//! their `_shortcodes/` folders (Hugo ≥ 0.146) and their `shortcodes/` folders, which
//! first as Hugo meets them ([`shortcode_folders_in_hugos_order`]); then Hugo's built-in
//! shortcodes ([`builtin`]). First found wins for each name; one with no template for
//! every language takes the variants it lacks from later folders
//! ([`ShortcodeTemplate::add_variants`]).
//!
//! A shortcode's name is its file's path under the shortcodes folder without the
//! extensions (`hextra/hero-badge.html` → `hextra/hero-badge`). Variants of one template
//! for a language or output format (`name.en.html`, `name.html.html`, `name.amp.html`,
//! `name.md`) are read together: the shortcode is paired if one for HTML reads `.Inner`,
//! and reads the parameters any of them reads. A page runs its language's variant, else the one for
//! every language; a shortcode with variants for other languages only fails as in Hugo
//! ([`Catalogue::shortcode_file_in`]).

pub mod builtin;
pub mod engine;
pub mod overrides;
pub mod parse;
pub mod schema;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use serde::Serialize;

pub use schema::{FieldKind, ParamKey, ParamSchema, Schema};

/// Where a shortcode's template comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "name")]
pub enum Origin {
    /// The site's own `layouts/`.
    Site,
    /// A theme, by the name the config gives it.
    Theme(String),
    /// A vendored module, by its path.
    Module(String),
    /// Built into Hugo.
    BuiltIn,
}

/// One shortcode the site can call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShortcodeTemplate {
    /// The name calls use.
    pub name: String,
    /// Where its template comes from.
    pub origin: Origin,
    /// Its template files, relative to the site root (the first is the one without a
    /// variant when there is one); empty for a built-in.
    pub files: Vec<PathBuf>,
    /// What the template reads. For a template that does not parse, an empty schema.
    pub schema: Schema,
    /// Why the template could not be read or parsed (`file:line:col: message`): Hugo
    /// fails the build on it; Folio then does not know whether it is paired.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// The text of the template Folio executes (the first of `files` for every language,
    /// else the first); `None` for a built-in or a file that could not be read.
    #[serde(skip)]
    pub source: Option<engine::TemplateFile>,
    /// The variants for one language (`card.fr.html`), by language code: a page in that
    /// language runs its own ([`Catalogue::shortcode_file_in`]).
    #[serde(skip)]
    pub languages: BTreeMap<String, engine::TemplateFile>,
    /// Whether one of `files` is for every language (`card.html`, `card.html.html`).
    #[serde(skip)]
    pub for_every_language: bool,
    /// The site's templates of a name of Hugo's own shortcodes are for some languages
    /// only (`youtube.fr.html`): Hugo's own runs in the others
    /// ([`Catalogue::hugo_own_in`]; review 51d, 3).
    #[serde(skip)]
    pub hugos_elsewhere: bool,
}

/// The shortcodes a site can call, by name. Names are matched without regard to case, as
/// Hugo matches them (`{{< relRef >}}` calls `relref`, `{{< mycard >}}` calls
/// `myCard.html`): the map's keys are lowercase.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalogue {
    templates: BTreeMap<String, ShortcodeTemplate>,
    /// Themes and modules the config names whose folder is not on disk (a module Hugo
    /// fetches at build time, not vendored): their shortcodes are unknown to Folio.
    missing: Vec<String>,
    /// The site mounts folders of its own ([`Sources::mounts`]).
    mounts: bool,
    /// Partials (`layouts/partials/`, `layouts/_partials/`, the themes' and modules'), by
    /// their path under that folder (`head/meta.html`), first found wins.
    partials: BTreeMap<String, engine::TemplateFile>,
    /// Render hooks (`layouts/_markup/render-link.html`, or under `_default/_markup/`,
    /// the themes' and modules'), by the name after `render-` (`link`, `codeblock-go`),
    /// first found wins.
    render_hooks: BTreeMap<String, engine::TemplateFile>,
    /// Render hooks Folio does not choose between (relative to the root): a section's or
    /// a type's (`layouts/blog/_markup/render-link.html`), a language's or an output
    /// format's (`render-link.fr.html`).
    narrower_render_hooks: Vec<PathBuf>,
    /// A section's own shortcode templates (`layouts/resume/_shortcodes/event.html`,
    /// Hugo ≥ 0.146), which Folio does not choose: `(section, name's key, file relative to
    /// the root)`.
    section_shortcodes: Vec<(String, String, PathBuf)>,
    /// The templates compiled so far.
    compiled: engine::Compiled,
    /// The field names with capitals the templates use (`.maxTags`), found once.
    field_names: engine::Derived<Arc<std::collections::BTreeSet<String>>>,
    /// The `layouts` folders read, in precedence order, and the site root.
    layouts: Vec<PathBuf>,
    root: PathBuf,
    /// Partials `define`d inside other layouts (`{{ define "partials/chip.html" }}` in
    /// `_default/single.html`), by the define's name, first found wins: looked for the
    /// first time a partial is not found otherwise (a rare need: not at start-up).
    defined_partials: engine::Derived<BTreeMap<String, engine::TemplateFile>>,
    /// The templates the partials, shortcodes and render hooks define, by name
    /// ([`Catalogue::defined_template`]): read the first time a `template` action names
    /// one its file does not define.
    shared_defines: engine::Derived<BTreeMap<String, engine::TemplateFile>>,
    /// Every template's path as `templates.Exists` names it ([`template_paths`]), found
    /// the first time it is asked.
    template_paths: engine::Derived<std::collections::BTreeSet<String>>,
}

/// A name as the catalogue keys it.
fn key(name: &str) -> std::borrow::Cow<'_, str> {
    if name.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(name.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// Template files larger than this (bytes) are not read: no shortcode template comes close.
const MAX_TEMPLATE: usize = 4 << 20;

/// Where a catalogue looks for templates, in precedence order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sources {
    /// The site's root folder.
    pub root: PathBuf,
    /// Theme names, leftmost (winning) first.
    pub themes: Vec<String>,
    /// The themes folder, relative to the root (`themesDir`, default `themes`).
    pub themes_dir: PathBuf,
    /// Module import paths (`module.imports[].path`).
    pub modules: Vec<String>,
    /// The site's languages' codes; none given is `en` alone, as for a site that
    /// configures none.
    pub languages: Vec<String>,
    /// Whether the site's config mounts folders of its own (`module.mounts`), which Folio
    /// does not follow: it reads Hugo's default folders only.
    pub mounts: bool,
}

impl Sources {
    /// The site's language when it has one only. To Hugo a template variant for it
    /// (`card.en.html`) is then the same template as the one for every language
    /// (`card.html`): their descriptors are one (`SitesHash` in `tpl/tplimpl`,
    /// `toKeyCategoryAndDescriptor`), and the first met of the two wins.
    fn only_language(&self) -> Option<&str> {
        match self.languages.as_slice() {
            [] => Some("en"),
            [one] => Some(one),
            _ => None,
        }
    }

    /// The root folder Hugo reads theme or module `name` (a theme name or a module path)
    /// from: its vendored copy, `_vendor/NAME`, when `_vendor/modules.txt` lists it, as
    /// Hugo tries `_vendor` first (`modules/collect.go`, `collectModulesTXT`); else
    /// `THEMESDIR/NAME`. `None` when neither is a folder: Hugo must fetch it (a module
    /// path in a Hugo Module) or stops its build.
    pub fn module_dir(&self, name: &str) -> Option<PathBuf> {
        let vendor = self.root.join("_vendor");
        let listed = crate::fs::read_to_string(vendor.join("modules.txt")).is_ok_and(|list| {
            // `# github.com/a/b v1.2.0`: a path and its version.
            list.lines().any(|line| {
                let mut fields = line
                    .trim_matches(|c| c == '#' || c == ' ')
                    .split_whitespace();
                fields.next() == Some(name) && fields.next().is_some() && fields.next().is_none()
            })
        });
        [
            listed.then(|| vendor.join(name)),
            Some(self.root.join(&self.themes_dir).join(name)),
        ]
        .into_iter()
        .flatten()
        .find(|d| d.is_dir())
    }
}

static BUILT_IN: LazyLock<Arc<Catalogue>> = LazyLock::new(|| {
    let mut c = Catalogue::default();
    c.add_built_ins();
    Arc::new(c)
});

impl Catalogue {
    /// Hugo's built-in shortcodes only: what a page outside any site can call.
    pub fn built_in() -> Arc<Catalogue> {
        BUILT_IN.clone()
    }

    /// Reads every shortcode template the site can use (see the module doc for the
    /// order), then the site's `folio.toml` corrections ([`overrides`]). Templates that
    /// cannot be read or parsed are kept with their [`ShortcodeTemplate::problem`]; a
    /// missing folder is no error.
    ///
    /// # Errors
    /// A `folio.toml` that does not parse or names an unknown widget, located.
    pub fn load(sources: &Sources) -> crate::Result<Catalogue> {
        let mut c = Catalogue {
            root: sources.root.clone(),
            mounts: sources.mounts,
            ..Catalogue::default()
        };
        let mut roots = Vec::new();
        for (layouts, origin) in layout_roots(sources) {
            match &origin {
                Origin::Theme(n) | Origin::Module(n)
                    if !layouts.parent().is_some_and(Path::is_dir) =>
                {
                    c.missing.push(n.clone());
                }
                _ => {
                    c.add_partials(&sources.root, &layouts);
                    c.add_render_hooks(&sources.root, &layouts);
                    c.add_section_shortcodes(&sources.root, &layouts);
                    c.layouts.push(layouts.clone());
                    roots.push((layouts, origin));
                }
            }
        }
        let only_language = sources.only_language();
        for folder in shortcode_folders_in_hugos_order(&roots) {
            for (layouts, origin) in &roots {
                c.add_folder(&sources.root, &layouts.join(folder), origin, only_language);
            }
        }
        c.follow_partials();
        c.add_built_ins();
        overrides::apply(&sources.root, &mut c)?;
        Ok(c)
    }

    /// Infers again, now that every layouts folder's partials are known, the schema of
    /// each template that hands the shortcode to a partial, or to another file's define
    /// ([`Catalogue::defined_template`], parsed only when a template asks), through
    /// [`Schema::infer_in`]: its parameters are the ones that template reads.
    fn follow_partials(&mut self) {
        let mut followed = Vec::new();
        for (name, t) in &self.templates {
            if !t.schema.reads_all_params {
                continue;
            }
            // Every variant read, as `read_template` merges them.
            let mut schema = Schema::default();
            let variants = t.source.iter().chain(t.languages.values());
            for file in variants {
                match self.infer_schema(&file.source) {
                    Ok(s) => merge(&mut schema, s),
                    Err(_) => schema.reads_all_params = true,
                }
            }
            if !schema.reads_all_params {
                followed.push((name.clone(), schema));
            }
        }
        for (name, schema) in followed {
            if let Some(t) = self.templates.get_mut(&name) {
                t.schema = Schema {
                    paired: t.schema.paired,
                    legacy_markup: t.schema.legacy_markup,
                    ..schema
                };
            }
        }
    }

    /// The schema of a shortcode template's text `source`, followed into the partials
    /// and the other files' defines it hands the call to ([`Schema::infer_in`]).
    ///
    /// # Errors
    /// As [`Schema::infer`].
    pub fn infer_schema(&self, source: &str) -> Result<Schema, String> {
        let partial = |name: &str| self.partial_file(name).map(|f| f.source.to_string());
        let define = |name: &str| self.defined_template(name).map(|f| f.source.to_string());
        let lookup = schema::Lookup {
            partial: &partial,
            define: &define,
        };
        Schema::infer_in(source, lookup)
    }

    /// The `layouts` folders the catalogue reads, in precedence order: what the watcher
    /// watches for template changes.
    pub fn folders(sources: &Sources) -> Vec<PathBuf> {
        layout_roots(sources).into_iter().map(|(l, _)| l).collect()
    }

    /// The shortcode called `name`, if the site has it.
    pub fn get(&self, name: &str) -> Option<&ShortcodeTemplate> {
        self.templates.get(&*key(name))
    }

    /// Whether a call of `name` runs Hugo's own shortcode of that name (or none: Hugo has
    /// none), not a site's or theme's template, which takes its place in Hugo's lookup.
    /// Hugo's rules for its own (`param`'s missing key, `ref`'s missing page) and Folio's
    /// rendering of them apply only then.
    pub fn is_hugo_own(&self, name: &str) -> bool {
        self.get(name).is_none_or(|t| t.origin == Origin::BuiltIn)
    }

    /// Whether a call of `name` on a page in `lang` runs Hugo's own shortcode: as
    /// [`Catalogue::is_hugo_own`], or the site's templates of that name are for other
    /// languages only.
    pub fn hugo_own_in(&self, name: &str, lang: &str) -> bool {
        self.is_hugo_own(name) || self.no_variant_in(name, lang)
    }

    /// Whether the site's templates of `name`, a name of Hugo's own shortcodes, are for
    /// languages other than `lang` only ([`ShortcodeTemplate::hugos_elsewhere`]).
    pub fn no_variant_in(&self, name: &str, lang: &str) -> bool {
        self.get(name).is_some_and(|t| {
            t.hugos_elsewhere && !t.languages.contains_key(&lang.to_ascii_lowercase())
        })
    }

    /// The shortcode called `name`, to correct (`folio.toml`).
    fn get_mut(&mut self, name: &str) -> Option<&mut ShortcodeTemplate> {
        self.templates.get_mut(&*key(name))
    }

    /// Whether calls of `name` take a body, as its template says; `None` when Folio has
    /// no readable template for it (the caller scans ahead for a closing tag).
    pub fn paired(&self, name: &str) -> Option<bool> {
        self.get(name)
            .filter(|t| t.problem.is_none())
            .map(|t| t.schema.paired)
    }

    /// Themes and modules the config names that are not on disk (not vendored): calls of
    /// shortcodes Folio does not know may be theirs.
    pub fn missing_sources(&self) -> &[String] {
        &self.missing
    }

    /// Whether the site mounts folders of its own (`module.mounts`), which Folio does not
    /// follow: a shortcode it does not find may be in one (hunt AT, 2).
    pub fn site_mounts(&self) -> bool {
        self.mounts
    }

    /// Whether a `{{% %}}` call of the shortcode has its `.Inner` rendered as Markdown
    /// and its output kept out of the page's Markdown, as Hugo's legacy config in its
    /// template asks ([`Schema::legacy_markup`]).
    pub fn legacy_markup(&self, name: &str) -> bool {
        self.get(name).is_some_and(|t| t.schema.legacy_markup)
    }

    /// The template file a shortcode executes, when the site has one Folio could read.
    pub fn shortcode_file(&self, name: &str) -> Option<&engine::TemplateFile> {
        self.get(name)?.source.as_ref()
    }

    /// The template file a shortcode executes on a page in `lang`: the language's own
    /// (`card.fr.html`), else the one for every language (`card.html`). `Ok(None)` when
    /// the site has none Folio could read.
    ///
    /// # Errors
    /// The shortcode's first template file and Hugo's message, when the shortcode has
    /// templates for other languages only (Hugo fails the build: "no compatible template
    /// found for shortcode").
    pub fn shortcode_file_in(
        &self,
        name: &str,
        lang: &str,
    ) -> Result<Option<&engine::TemplateFile>, (PathBuf, String)> {
        let Some(template) = self.get(name) else {
            return Ok(None);
        };
        if let Some(own) = template.languages.get(&lang.to_ascii_lowercase()) {
            return Ok(Some(own));
        }
        if template.for_every_language {
            return Ok(template.source.as_ref());
        }
        let files: Vec<String> = template
            .files
            .iter()
            .map(|f| f.display().to_string())
            .collect();
        let message = format!(
            "no compatible template found for shortcode \"{name}\" in [{}]: it has templates \
             for other languages only",
            files.join(" ")
        );
        Err((template.files.first().cloned().unwrap_or_default(), message))
    }

    /// The template files of a shortcode that has plain-text ones only (`kbd.md`,
    /// [`PLAIN_TEXT_SUFFIXES`]), which Hugo runs as text for a `{{% %}}` call and refuses
    /// for a `{{< >}}` one; `None` for any other.
    pub fn plain_text_only(&self, name: &str) -> Option<&[PathBuf]> {
        let template = self.get(name)?;
        let plain = |f: &PathBuf| {
            suffix_of(f).is_some_and(|suffix| {
                PLAIN_TEXT_SUFFIXES
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(suffix))
            })
        };
        (template.origin != Origin::BuiltIn
            && !template.files.is_empty()
            && template.files.iter().all(plain))
        .then_some(template.files.as_slice())
    }

    /// The partial `partial NAME` calls: `NAME` under a partials folder, or `NAME.html`
    /// (Hugo lets the extension be left out). A leading `partials/` is part of the name
    /// since Hugo 0.146 (`tpl/partials`, `lookup`: the file is looked for in a `partials`
    /// folder of the partials folder).
    pub fn partial_file(&self, name: &str) -> Option<&engine::TemplateFile> {
        partial_in(&self.partials, name)
    }

    /// The partial file Hugo's template namespace holds under `name` for a `template`
    /// action (`{{ template "partials/x.html" . }}`): after `_partials/`, a partial file of
    /// either folder; after `partials/`, one of the older `partials` folder only. The name
    /// is the file's path in its folder, in lower case (as Hugo registers it) and with its
    /// suffix: `partials/x` and `partials/X.html` name none (checked with Hugo 0.168).
    pub fn partial_template(&self, name: &str) -> Option<&engine::TemplateFile> {
        let rest = engine::rewrite::partial_name(name)?;
        let folders: &[&str] = if name.starts_with('_') {
            &["partials", "_partials"]
        } else {
            &["partials"]
        };
        let file = self.partials.get(rest)?;
        let depth = rest.split('/').count();
        let folder = file.path.components().rev().nth(depth)?;
        folders
            .iter()
            .any(|f| folder.as_os_str() == *f)
            .then_some(file)
    }

    /// Whether `templates.Exists` finds a template at `path` (`_markup/render-link.html`,
    /// `_default/single.html`, `partials/x.html`): the path of a file under a `layouts`
    /// folder (the site's, a theme's, a module's) or the path Hugo moves an older one to
    /// ([`template_paths`]), or one of Hugo's own templates ([`EMBEDDED_TEMPLATES`]); in
    /// any case, with or without a leading `/` (`TemplateStore.HasTemplate`).
    pub fn template_exists(&self, path: &str) -> bool {
        let path = path.to_lowercase();
        let path = path.strip_prefix('/').unwrap_or(&path);
        self.template_paths
            .get_or_init(|| template_paths(&self.layouts))
            .contains(path)
            || EMBEDDED_TEMPLATES.contains(&path)
            || path
                .strip_prefix("_markup/render-table.")
                .and_then(|rest| rest.split_once('.'))
                .is_some_and(|(format, suffix)| {
                    OUTPUT_FORMATS.contains(&format) && !suffix.is_empty()
                })
    }

    /// The render hook `render-NAME.html` (`link`, `image`, `heading`, `codeblock`…),
    /// when the site has one.
    pub fn render_hook(&self, name: &str) -> Option<&engine::TemplateFile> {
        self.render_hooks.get(name)
    }

    /// The names of the site's render hooks (`link`, `codeblock-go`), in order.
    pub fn render_hooks(&self) -> impl Iterator<Item = &str> {
        self.render_hooks.keys().map(String::as_str)
    }

    /// The render hooks for a section, a type or a language, which Folio does not run
    /// (it runs the site's general ones): their files, relative to the site root.
    pub fn narrower_render_hooks(&self) -> &[PathBuf] {
        &self.narrower_render_hooks
    }

    /// A section's own template of shortcode `name` that Hugo runs for a page in the
    /// content folder `page_dir` (`resume`, `docs/guide`: its path under the content
    /// folder, `/`-separated) and Folio does not: `(section, file)`, the deepest first.
    pub fn section_shortcode(&self, name: &str, page_dir: &str) -> Option<(&str, &Path)> {
        let name = key(name);
        self.section_shortcodes
            .iter()
            .filter(|(section, k, _)| {
                *k == name
                    && page_dir
                        .strip_prefix(section.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
            .max_by_key(|(section, _, _)| section.len())
            .map(|(section, _, file)| (section.as_str(), file.as_path()))
    }

    /// Finds the sections' own shortcode folders in `layouts` (`layouts/SECTION/_shortcodes`,
    /// nested sections too).
    fn add_section_shortcodes(&mut self, root: &Path, layouts: &Path) {
        let folders = walkdir::WalkDir::new(layouts)
            .min_depth(2)
            .max_depth(8)
            .sort_by_file_name()
            .into_iter()
            .filter_map(std::result::Result::ok)
            .filter(|e| e.file_type().is_dir() && e.file_name() == "_shortcodes");
        for dir in folders.map(walkdir::DirEntry::into_path) {
            let Some(section) = dir
                .parent()
                .and_then(|p| p.strip_prefix(layouts).ok())
                .map(|p| {
                    p.iter()
                        .map(|c| c.to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/")
                })
            else {
                continue;
            };
            for file in walkdir::WalkDir::new(&dir)
                .sort_by_file_name()
                .into_iter()
                .filter_map(std::result::Result::ok)
                .filter(|e| e.file_type().is_file())
            {
                if let Some(name) = shortcode_name(&dir, file.path()) {
                    let rel = file.path().strip_prefix(root).unwrap_or(file.path());
                    let entry = (section.clone(), key(&name).into_owned(), rel.to_path_buf());
                    self.section_shortcodes.push(entry);
                }
            }
        }
    }

    /// The field names with capitals that the site's shortcodes, partials and render
    /// hooks use
    /// (`.Site.Params.maxTags` → `maxTags`): how they may spell param keys.
    pub fn field_names(&self) -> std::sync::Arc<std::collections::BTreeSet<String>> {
        self.field_names
            .get_or_init(|| {
                let sources = self
                    .templates
                    .values()
                    .filter(|t| t.origin != Origin::BuiltIn)
                    .filter_map(|t| t.source.as_ref())
                    .chain(self.partials.values())
                    .chain(self.render_hooks.values());
                Arc::new(engine::field_names(sources.map(|f| &*f.source)))
            })
            .clone()
    }

    /// Every shortcode, in name order.
    pub fn iter(&self) -> impl Iterator<Item = &ShortcodeTemplate> {
        self.templates.values()
    }

    /// How many shortcodes there are.
    pub fn len(&self) -> usize {
        self.templates.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.templates.is_empty()
    }

    /// The first layout file (the site's, its modules', its themes', in that order) whose
    /// text outside its comments (`{{/* … */}}`) holds one of `words`: `folio check` asks
    /// which template reads `.Site.Data`.
    pub fn layout_holding(&self, words: &[&str]) -> Option<PathBuf> {
        self.layouts
            .iter()
            .flat_map(|dir| layout_files(dir))
            .find_map(|e| {
                let text = crate::fs::read_to_string(e.path()).ok()?;
                let text = parse::without_comments(&text);
                words
                    .iter()
                    .any(|w| text.contains(w))
                    .then(|| e.path().to_path_buf())
            })
    }

    /// The layout that `define`s the partial `define` (`partials/chip.html`), if one does.
    pub fn defined_partial(&self, define: &str) -> Option<&engine::TemplateFile> {
        self.defined_partials
            .get_or_init(|| defined_partials(&self.root, &self.layouts))
            .get(define)
    }

    /// The file whose `define` (or `block`) a `template` action naming `name` runs when
    /// its own file does not define it: Hugo's HTML partials, shortcodes and render hooks
    /// share their defines (`{{ template "icon" . }}` in a shortcode runs the `icon` that
    /// `partials/icons.html` defines); so are a page layout's, but for a `baseof`'s and,
    /// once the site or a theme has a `baseof`, a layout's of defines alone, which the
    /// `baseof` completes; a plain-text template's are not an HTML template's (checked
    /// with Hugo 0.168). Of two files defining the name, Hugo's choice
    /// ([`shared_defines`]).
    pub fn defined_template(&self, name: &str) -> Option<&engine::TemplateFile> {
        self.shared_defines
            .get_or_init(|| shared_defines(&self.root, &self.layouts))
            .get(name)
    }

    /// Adds the partials under `layouts/partials` and `layouts/_partials` whose names are
    /// not taken by an earlier source.
    fn add_partials(&mut self, root: &Path, layouts: &Path) {
        for dir in [layouts.join("_partials"), layouts.join("partials")] {
            for entry in walkdir::WalkDir::new(&dir)
                .sort_by_file_name()
                .into_iter()
                .filter_map(std::result::Result::ok)
                .filter(|e| e.file_type().is_file())
            {
                let Some(name) = entry
                    .path()
                    .strip_prefix(&dir)
                    .ok()
                    .and_then(Path::to_str)
                    .map(|n| n.replace('\\', "/"))
                else {
                    continue;
                };
                // Hugo reads template paths in lower case (`paths.Parse`).
                let name = name.to_lowercase();
                if name.starts_with('.') || name.ends_with('~') || self.partials.contains_key(&name)
                {
                    continue;
                }
                if let Some(file) = template_file(root, entry.path()) {
                    self.partials.insert(name, file);
                }
            }
        }
    }

    /// Adds the render hooks under `layouts/_default/_markup` and `layouts/_markup` whose
    /// names are not taken by an earlier source: Hugo ≥ 0.146 reads both, and the first
    /// wins when both have a hook (checked with Hugo 0.168). A section's, a type's or a
    /// language's hooks are listed apart ([`Catalogue::narrower_render_hooks`]). Hooks for another output format or language (`render-link.rss.xml`,
    /// `render-link.fr.html`) are not the page's: left out.
    fn add_render_hooks(&mut self, root: &Path, layouts: &Path) {
        /// How deep in `layouts/` a section's `_markup` folder is looked for.
        const MAX_LAYOUT_DEPTH: usize = 8;
        // A section's or a type's own hooks, nested (Hugo 0.146's path lookup), up to
        // [`MAX_LAYOUT_DEPTH`] folders deep: `layouts/blog/_markup/`,
        // `layouts/docs/guide/_markup/`.
        let general = [
            layouts.join("_markup"),
            layouts.join("_default").join("_markup"),
        ];
        let narrower = walkdir::WalkDir::new(layouts)
            .follow_links(true)
            .min_depth(2)
            .max_depth(MAX_LAYOUT_DEPTH)
            .into_iter()
            .filter_map(std::result::Result::ok)
            .filter(|e| e.file_type().is_dir() && e.file_name() == "_markup")
            .map(walkdir::DirEntry::into_path)
            .filter(|d| !general.contains(d));
        // In path order, whatever order the file system lists them in.
        let mut narrower: Vec<PathBuf> = narrower.collect();
        narrower.sort();
        for dir in narrower {
            for file in render_hook_files(&dir) {
                let rel = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
                self.narrower_render_hooks.push(rel);
            }
        }
        for dir in [
            layouts.join("_default").join("_markup"),
            layouts.join("_markup"),
        ] {
            for file in render_hook_files(&dir) {
                let Some(name) = file
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(|n| n.strip_prefix("render-")?.strip_suffix(".html"))
                    .filter(|n| !n.is_empty())
                else {
                    continue;
                };
                if name.contains('.') {
                    // A language's or an output format's (`render-link.fr.html`).
                    let rel = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
                    self.narrower_render_hooks.push(rel);
                    continue;
                }
                if self.render_hooks.contains_key(name) {
                    continue;
                }
                if let Some(template) = template_file(root, &file) {
                    self.render_hooks.insert(name.to_string(), template);
                }
            }
        }
    }

    fn add_built_ins(&mut self) {
        for (name, schema) in builtin::all() {
            // A site's template for some languages only (`figure.fr.html`): Hugo's own
            // runs in the others (review 51b, 2), when Folio runs it as a template.
            if let Some(own) = self
                .templates
                .get_mut(name)
                .filter(|t| !t.for_every_language)
            {
                if let Some(file) = builtin::source(name) {
                    own.source = Some(file);
                    own.for_every_language = true;
                } else {
                    own.hugos_elsewhere = true;
                }
                merge(&mut own.schema, schema);
                continue;
            }
            self.templates
                .entry(name.to_string())
                .or_insert_with(|| ShortcodeTemplate {
                    name: name.to_string(),
                    origin: Origin::BuiltIn,
                    files: Vec::new(),
                    schema,
                    problem: None,
                    source: builtin::source(name),
                    languages: BTreeMap::new(),
                    for_every_language: true,
                    hugos_elsewhere: false,
                });
        }
    }

    /// Adds the templates under `dir` (a layouts folder's `_shortcodes` or `shortcodes`):
    /// a name not met before, or the HTML variants of one met before that it has none of
    /// yet ([`ShortcodeTemplate::add_variants`]). Hugo keeps the first template it meets
    /// of each name and variant ([`shortcode_folders_in_hugos_order`]).
    fn add_folder(
        &mut self,
        root: &Path,
        dir: &Path,
        origin: &Origin,
        only_language: Option<&str>,
    ) {
        // By key: `Card.html` and `card.html` are one shortcode to Hugo.
        let mut found: BTreeMap<String, (String, Vec<PathBuf>)> = BTreeMap::new();
        for entry in walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(std::result::Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let Some(name) = shortcode_name(dir, entry.path()) else {
                continue;
            };
            found
                .entry(key(&name).into_owned())
                .or_insert_with(|| (name, Vec::new()))
                .1
                .push(entry.into_path());
        }
        for (k, (name, mut files)) in found {
            // The plain `name.html` first: its schema leads.
            files.sort_by_key(|f| {
                f.file_name()
                    .map(|n| n.to_string_lossy().matches('.').count())
            });
            if let Some(earlier) = self.templates.get_mut(&k) {
                earlier.add_variants(root, files, origin, only_language);
            } else {
                let template = read_template(root, &name, files, origin.clone());
                self.templates.insert(k, template);
            }
        }
    }
}

impl ShortcodeTemplate {
    /// Adds the HTML variants among `files` (a later layouts folder's templates of this
    /// name) when this shortcode has none for every language yet: that one, and the
    /// languages' it has none of. So the site's `a.fr.html` alone leaves the other
    /// languages a theme's `a.html`, and a theme's `a.de.html` before it (checked with
    /// Hugo 0.168; review 53b, 7). On a site of `only_language`, a variant for it is the
    /// one for every language ([`Sources::only_language`]).
    ///
    /// A later language's variant of a shortcode that has one for every language is not
    /// added. Hugo 0.168 runs the site's `a.html` over a theme's `a.fr.html` when another
    /// file comes after `a.html` in the site's folder (`zz.html`), and the theme's when
    /// none does (`0.html` only, or nothing else): Folio does the first (note 54).
    fn add_variants(
        &mut self,
        root: &Path,
        files: Vec<PathBuf>,
        origin: &Origin,
        only_language: Option<&str>,
    ) {
        let has_every = self.for_every_language
            || only_language.is_some_and(|only| self.languages.contains_key(only));
        if has_every {
            return;
        }
        let new: Vec<PathBuf> = files
            .into_iter()
            .filter(|f| {
                is_for_html(f)
                    && language_of(f).is_none_or(|lang| !self.languages.contains_key(&lang))
            })
            .collect();
        if new.is_empty() {
            return;
        }
        let later = read_template(root, &self.name, new, origin.clone());
        if later.for_every_language && !self.for_every_language {
            self.source = later.source;
            self.for_every_language = true;
        }
        for (lang, file) in later.languages {
            self.languages.entry(lang).or_insert(file);
        }
        self.files.extend(later.files);
        merge(&mut self.schema, later.schema);
        if let Some(problem) = later.problem {
            self.problem.get_or_insert(problem);
        }
    }
}

/// The order in which Hugo 0.168 meets the shortcode folders of `roots` (the layouts
/// folders, the site's first, then each theme's and module's): it walks the layouts
/// folders as one, each folder name where the first of them to have it puts it (their
/// folders sorted by name), and keeps the first template it meets for a name
/// (`insertShortcode` in `tpl/tplimpl/templatestore.go`). So a theme's
/// `_shortcodes/x.html` wins over the site's `shortcodes/x.html` when the site has a
/// `_shortcodes` folder too, and loses to it when the site has none (hunt AS, 6; checked
/// with Hugo 0.168).
fn shortcode_folders_in_hugos_order(roots: &[(PathBuf, Origin)]) -> [&'static str; 2] {
    let first = |folder: &str| {
        roots
            .iter()
            .position(|(layouts, _)| layouts.join(folder).is_dir())
            .unwrap_or(usize::MAX)
    };
    if first("shortcodes") < first("_shortcodes") {
        ["shortcodes", "_shortcodes"]
    } else {
        ["_shortcodes", "shortcodes"]
    }
}

/// The partial `partial NAME` calls, of `partials` ([`Catalogue::partial_file`]), found
/// as Hugo 0.168 finds it: by its folder and base name, the part of its file name before
/// the first dot, an extension of a template's (`html` when there is none); the other
/// parts of a name are identifiers Hugo does not know and reads past, in the call and in
/// the file's name (`partial "header.includes.html"` runs `header.html`; `partial "cc"`
/// runs `cc.dd.html`, when that is the only one; checked with Hugo 0.168). The plain file
/// (`header.html`) first, then the one named as called, then the first other.
fn partial_in<'a>(
    partials: &'a BTreeMap<String, engine::TemplateFile>,
    name: &str,
) -> Option<&'a engine::TemplateFile> {
    const SUFFIXES: &[&str] = &[
        "html", "htm", "xml", "json", "txt", "js", "css", "svg", "rss",
    ];
    let lower = name.to_lowercase();
    let name = lower.as_str();
    let (dir, file) = name.rsplit_once('/').map_or(("", name), |(d, f)| (d, f));
    let parts: Vec<&str> = file.split('.').collect();
    let (base, ext) = match parts.as_slice() {
        [base, .., last] if SUFFIXES.contains(last) => (*base, *last),
        [base, ..] => (*base, "html"),
        [] => return None,
    };
    let folder = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    let plain = format!("{folder}{base}.{ext}");
    let prefix = format!("{folder}{base}.");
    partials
        .get(&plain)
        .or_else(|| partials.get(name))
        .or_else(|| partials.get(&format!("{name}.html")))
        .or_else(|| {
            let named = || {
                partials
                    .range(prefix.clone()..)
                    .take_while(|(k, _)| k.starts_with(&prefix))
                    .filter(|(k, _)| !k.get(prefix.len()..).unwrap_or_default().contains('/'))
            };
            // One for another output format (`x.json` for `partial "x"`), when the name
            // gives no suffix and none is HTML's.
            let suffixed = parts.len() > 1 && SUFFIXES.contains(&ext);
            named()
                .find(|(k, _)| k.ends_with(ext))
                .or_else(|| named().find(|_| !suffixed))
                .map(|(_, f)| f)
        })
}

/// `(layouts folder, origin)` for the site, its modules and its themes, in Hugo's order
/// (the module doc).
fn layout_roots(sources: &Sources) -> Vec<(PathBuf, Origin)> {
    let root = &sources.root;
    let mut roots = vec![(root.join("layouts"), Origin::Site)];
    // A theme or a module Hugo cannot find stops its build; Folio looks where it would.
    let folder = |name: &str| {
        sources
            .module_dir(name)
            .unwrap_or_else(|| root.join(&sources.themes_dir).join(name))
    };
    for module in &sources.modules {
        roots.push((
            folder(module).join("layouts"),
            Origin::Module(module.clone()),
        ));
    }
    for theme in &sources.themes {
        roots.push((folder(theme).join("layouts"), Origin::Theme(theme.clone())));
    }
    roots
}

/// `dir/a/b.en.html` → `a/b`; hidden files and editor backups are not templates.
fn shortcode_name(dir: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(dir).ok()?;
    let file_name = rel.file_name()?.to_str()?;
    if file_name.starts_with('.') || file_name.ends_with('~') || !file_name.contains('.') {
        return None;
    }
    let stem = file_name.split('.').next()?;
    let mut name = String::new();
    if let Some(parent) = rel.parent().filter(|p| !p.as_os_str().is_empty()) {
        name.push_str(&parent.to_str()?.replace('\\', "/"));
        name.push('/');
    }
    name.push_str(stem);
    Some(name)
}

/// The language a template file is for (`fr` for `card.fr.html`), read as Hugo reads a
/// file name's identifiers: one between the name and the extension that is not an output
/// format's (`card.html.html`, `card.amp.html` are for every language).
pub(crate) fn language_of(file: &Path) -> Option<String> {
    // Most templates are `name.html`: no identifiers to read (this runs on every call).
    let name = file.file_name()?.as_encoded_bytes();
    memchr::memchr_iter(b'.', name).nth(1)?;
    let (identifiers, _) = identifiers(file)?;
    identifiers
        .into_iter()
        .find(|p| !OUTPUT_FORMATS.contains(&p.as_str()))
}

/// A template file's name read as Hugo reads it: the identifiers between the name and the
/// suffix (`en`, `amp`, `html` in `card.en.amp.html`), and the suffix, lower-cased.
fn identifiers(file: &Path) -> Option<(Vec<String>, String)> {
    let name = file.file_name()?.to_str()?;
    let suffix = suffix_of(file)?.to_ascii_lowercase();
    let parts = name.split('.').skip(1);
    let parts: Vec<String> = parts.map(str::to_ascii_lowercase).collect();
    Some((parts.get(..parts.len() - 1)?.to_vec(), suffix))
}

/// A template file's suffix as written, after its name's last `.` (`HTML` in
/// `card.en.HTML`); `None` without one. Read without copies: this runs on every call.
fn suffix_of(file: &Path) -> Option<&str> {
    let name = file.file_name()?.to_str()?;
    name.rsplit_once('.').map(|(_, suffix)| suffix)
}

/// Hugo's built-in output formats (`output/outputFormat.go`).
const OUTPUT_FORMATS: &[&str] = &[
    "html",
    "amp",
    "rss",
    "json",
    "calendar",
    "csv",
    "markdown",
    "robots",
    "sitemap",
    "sitemapindex",
    "webappmanifest",
    "gotmpl",
];

/// Whether Hugo runs the template `file` as HTML (`html/template`, escaping it), by its
/// suffix: any but a plain-text format's ([`PLAIN_TEXT_SUFFIXES`]).
pub fn runs_as_html(file: &Path) -> bool {
    identifiers(file).is_some_and(|(_, suffix)| !PLAIN_TEXT_SUFFIXES.contains(&suffix.as_str()))
}

/// The suffixes of Hugo's plain-text output formats (`output/outputFormat.go`: calendar,
/// CSS, CSV, JSON, Markdown, robots, the web app manifest), whose shortcode templates
/// Hugo runs as text for `{{% %}}` calls only; any other suffix (`html`, `htm`, `xml`,
/// `gohtml`, one no format has) is HTML's (`templatestore.go`,
/// `resolveOutputFormatAndOrMediaType`; checked with Hugo 0.168).
const PLAIN_TEXT_SUFFIXES: &[&str] = &[
    "ics",
    "css",
    "csv",
    "json",
    "md",
    "markdown",
    "txt",
    "webmanifest",
];

/// Whether a template file is for the HTML output format, the one a page's content is
/// rendered for: its suffix is no plain-text format's ([`PLAIN_TEXT_SUFFIXES`]) and it
/// names no other output format (`card.html`, `card.fr.html`, `card.html.html`,
/// `card.gohtml`; not `card.md`, `card.amp.html`, `card.rss.xml`).
fn is_for_html(file: &Path) -> bool {
    identifiers(file).is_some_and(|(identifiers, suffix)| {
        !PLAIN_TEXT_SUFFIXES.contains(&suffix.as_str())
            && identifiers
                .iter()
                .all(|p| p == "html" || !OUTPUT_FORMATS.contains(&p.as_str()))
    })
}

/// Reads and infers every variant of one template; the schemas are merged. Only the
/// variants for HTML ([`is_for_html`]) run and say whether the shortcode is paired (Hugo
/// pairs a call as the template it runs reads `.Inner`: Hinode's `kbd.html` reads
/// `.Get 0`, its `kbd.md` `.Inner`, and `{{< kbd "C" >}}` stands alone); the others add
/// their parameters to the form.
fn read_template(
    root: &Path,
    name: &str,
    files: Vec<PathBuf>,
    origin: Origin,
) -> ShortcodeTemplate {
    let mut schema = Schema::default();
    let mut problem = None;
    let mut source = None;
    let mut languages = BTreeMap::new();
    // The file for every language runs unless a page's language has its own
    // (`card.html.html` before `card.fr.html`, which sort alike).
    let first = files
        .iter()
        .position(|f| language_of(f).is_none() && is_for_html(f))
        .or_else(|| files.iter().position(|f| is_for_html(f)))
        .unwrap_or(0);
    for (k, file) in files.iter().enumerate() {
        // Each file is read once: its text is both what the schema is inferred from and,
        // for the one for every language or a language's, what the engine executes.
        let html = is_for_html(file) || k == first;
        let inferred = read_text(root, file).and_then(|text| {
            let inferred = Schema::infer(&text.source)
                .map(|s| if html { s } else { parameters_only(s) })
                .map_err(|m| format!("{}:{m}", text.path.display()));
            if let (Some(lang), true) = (language_of(file), html) {
                languages.insert(lang, text.clone());
            }
            if k == first {
                source = Some(text);
            }
            inferred
        });
        match inferred {
            Ok(s) => merge(&mut schema, s),
            Err(e) => {
                problem.get_or_insert(e);
            }
        }
    }
    let for_every_language = files
        .iter()
        .any(|f| language_of(f).is_none() && is_for_html(f));
    ShortcodeTemplate {
        name: name.to_string(),
        origin,
        source,
        languages,
        for_every_language,
        files: files
            .into_iter()
            .map(|f| f.strip_prefix(root).map(Path::to_path_buf).unwrap_or(f))
            .collect(),
        schema,
        problem,
        hugos_elsewhere: false,
    }
}

/// What a variant Hugo does not run for a page (another output format's) tells: the
/// parameters it reads.
fn parameters_only(schema: Schema) -> Schema {
    Schema {
        params: schema.params,
        reads_all_params: schema.reads_all_params,
        ..Schema::default()
    }
}

/// The partials the layouts define inline (`{{ define "partials/x.html" }}`), by the
/// define's name, first found wins.
fn defined_partials(root: &Path, layouts: &[PathBuf]) -> BTreeMap<String, engine::TemplateFile> {
    let mut found: BTreeMap<String, engine::TemplateFile> = BTreeMap::new();
    for dir in layouts {
        for entry in layout_files(dir) {
            let Some(file) = template_file(root, entry.path()) else {
                continue;
            };
            for (k, _) in file.source.match_indices("define \"") {
                let rest = file.source.get(k + "define \"".len()..).unwrap_or("");
                let Some(name) = rest.split('"').next() else {
                    continue;
                };
                if engine::is_partial_define(name) && !found.contains_key(name) {
                    found.insert(name.to_string(), file.clone());
                }
            }
        }
    }
    found
}

/// The defines of the HTML templates under the layouts' `partials`, `_partials`,
/// `shortcodes`, `_shortcodes` and `_markup` folders, and of the other layouts but those
/// of defines alone when a `baseof` completes them, by name ([`Catalogue::defined_template`]):
/// of two files defining a name, a shortcode's over a layout's over a partial's, then
/// the one whose file name sorts last, then whose path does (checked with Hugo 0.168:
/// `shortcodes/a.html` over `partials/z.html`, `_default/z.html` over `partials/a.html`,
/// a theme's `z.html` over the site's `a.html`, `x/a.html` over `_default/a.html`). Each
/// file is parsed as Go parses it, so a define in a comment or in text is none, and a
/// `block` is one.
fn shared_defines(root: &Path, layouts: &[PathBuf]) -> BTreeMap<String, engine::TemplateFile> {
    let is_baseof = |e: &walkdir::DirEntry| {
        e.file_name()
            .to_str()
            .is_some_and(|n| n.starts_with("baseof."))
    };
    let baseof = layouts
        .iter()
        .any(|dir| layout_files(dir).any(|e| is_baseof(&e)));
    // By name: the define's file, with its kind, its name and its path in the layouts
    // folder, which decide between two files defining the name.
    let mut found: BTreeMap<String, ((u8, String, String), engine::TemplateFile)> = BTreeMap::new();
    for dir in layouts {
        for entry in layout_files(dir).filter(|e| runs_as_html(e.path())) {
            let Some(rel) = entry.path().strip_prefix(dir).ok() else {
                continue;
            };
            let Some(file) = template_file(root, entry.path()) else {
                continue;
            };
            let Ok((list, defines)) = parse::parse(&file.source) else {
                continue;
            };
            // With a `baseof`, a page layout of defines alone is one `baseof` completes:
            // its defines are its own, as the `baseof`'s are.
            let of_defines_alone = list
                .nodes
                .iter()
                .all(|n| matches!(n, gotmpl::parse::Node::Text(t) if t.text.trim().is_empty()));
            let kind = define_kind(rel);
            if is_baseof(&entry) || baseof && kind == DefineKind::Layout && of_defines_alone {
                continue;
            }
            let key = (
                kind as u8,
                entry.file_name().to_string_lossy().into_owned(),
                rel.to_string_lossy().replace('\\', "/"),
            );
            for d in defines {
                let later = found.get(d.name.as_str()).is_none_or(|(k, _)| key >= *k);
                if later {
                    found.insert(d.name.to_string(), (key.clone(), file.clone()));
                }
            }
        }
    }
    found
        .into_iter()
        .map(|(name, (_, file))| (name, file))
        .collect()
}

/// The files under a layouts folder, in name order (at most 2,000).
fn layout_files(dir: &Path) -> impl Iterator<Item = walkdir::DirEntry> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(std::result::Result::ok)
        .filter(|e| e.file_type().is_file())
        .take(2000)
}

/// What kind of template defines a template, in the order Hugo prefers the later one
/// ([`shared_defines`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DefineKind {
    Partial,
    /// A page layout or a render hook.
    Layout,
    Shortcode,
}

/// The kind of the template at `rel` in a layouts folder.
fn define_kind(rel: &Path) -> DefineKind {
    let in_folder = |names: &[&str]| {
        rel.components()
            .any(|c| names.iter().any(|s| c.as_os_str() == *s))
    };
    if in_folder(&["partials", "_partials"]) {
        DefineKind::Partial
    } else if in_folder(&["shortcodes", "_shortcodes"]) {
        DefineKind::Shortcode
    } else {
        DefineKind::Layout
    }
}

/// Hugo 0.168's own templates as `templates.Exists` names them
/// (`tpl/tplimpl/embedded/templates/`, and `tweet` for `twitter`, `templates.go`); its
/// table hook is named once per output format instead (`render-table.html.html`).
pub const EMBEDDED_TEMPLATES: &[&str] = &[
    "_hugo/build/js/batch-esm-runner.gotmpl",
    "_markup/render-codeblock-goat.html",
    "_markup/render-image.html",
    "_markup/render-link.html",
    "_partials/_funcs/get-page-images.html",
    "_partials/disqus.html",
    "_partials/google_analytics.html",
    "_partials/opengraph.html",
    "_partials/pagination.html",
    "_partials/schema.html",
    "_partials/twitter_cards.html",
    "_server/error.html",
    "_shortcodes/1__h_simple_assets.html",
    "_shortcodes/comment.html",
    "_shortcodes/details.html",
    "_shortcodes/figure.html",
    "_shortcodes/gist.html",
    "_shortcodes/highlight.html",
    "_shortcodes/instagram.html",
    "_shortcodes/instagram_simple.html",
    "_shortcodes/param.html",
    "_shortcodes/qr.html",
    "_shortcodes/ref.html",
    "_shortcodes/relref.html",
    "_shortcodes/tweet.html",
    "_shortcodes/twitter.html",
    "_shortcodes/twitter_simple.html",
    "_shortcodes/vimeo.html",
    "_shortcodes/vimeo_simple.html",
    "_shortcodes/x.html",
    "_shortcodes/x_simple.html",
    "_shortcodes/youtube.html",
    "alias.html",
    "robots.txt",
    "rss.xml",
    "sitemap.xml",
    "sitemapindex.xml",
];

/// The paths of the template files under `layouts` folders, in lower case and with `/`,
/// each also as Hugo ≥ 0.146 moves an older path (`templatestore.go`, `fromLegacyPath`):
/// `_default/` dropped, `partials/` and `shortcodes/` made `_partials/` and `_shortcodes/`,
/// `list-baseof.html` made `baseof.list.html`. Hidden files and editor backups are none (a
/// file in a hidden folder is one: review 51b, 6).
fn template_paths(layouts: &[PathBuf]) -> std::collections::BTreeSet<String> {
    /// How many files are read at most: a `layouts` folder is a few hundred.
    const MAX_FILES: usize = 20_000;
    let mut paths = std::collections::BTreeSet::new();
    for dir in layouts {
        let files = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .into_iter()
            .filter_map(std::result::Result::ok)
            .filter(|e| e.file_type().is_file())
            .take(MAX_FILES);
        for entry in files {
            let Some(rel) = entry.path().strip_prefix(dir).ok().and_then(Path::to_str) else {
                continue;
            };
            let path = rel.replace('\\', "/").to_lowercase();
            let name = path.rsplit('/').next().unwrap_or_default();
            if name.starts_with('.') || name.ends_with('~') {
                continue;
            }
            paths.insert(moved_path(&path));
            paths.insert(path);
        }
    }
    paths
}

/// Where Hugo ≥ 0.146 reads an older template path from ([`template_paths`]); the path
/// itself when it is not an older one.
fn moved_path(path: &str) -> String {
    let first = path.split('/').next().unwrap_or_default();
    if matches!(first, "_partials" | "_shortcodes" | "_markup") {
        return path.to_string();
    }
    let path = path.strip_prefix("_default/").unwrap_or(path);
    let path = if path.starts_with("partials/") || path.starts_with("shortcodes/") {
        format!("_{path}")
    } else {
        path.to_string()
    };
    let (dir, name) = path
        .rsplit_once('/')
        .map_or(("", path.as_str()), |(d, n)| (d, n));
    match name.split_once("-baseof") {
        Some((id, rest)) if !id.is_empty() => {
            let rest = if rest.starts_with('.') {
                rest.to_string()
            } else {
                format!(".{rest}")
            };
            let name = format!("baseof.{id}{rest}");
            if dir.is_empty() {
                name
            } else {
                format!("{dir}/{name}")
            }
        }
        _ => path.clone(),
    }
}

/// Whether a template file (relative to the site root, or not) is a render hook: it is
/// in a `_markup` folder (`layouts/_markup/render-link.html`).
pub fn is_render_hook(file: &Path) -> bool {
    file.components().any(|c| c.as_os_str() == "_markup")
}

/// The HTML render hooks in `dir` (`render-link.html`, `render-link.fr.html`), in name
/// order.
fn render_hook_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("render-") && n.ends_with(".html"))
        })
        .collect();
    files.sort();
    files
}

/// A template's text as Hugo reads it (a stray invalid byte does not stop Hugo), with its
/// path relative to the site root; `None` when it cannot be read or is too large.
fn template_file(root: &Path, path: &Path) -> Option<engine::TemplateFile> {
    read_text(root, path).ok()
}

/// [`template_file`], or why the file cannot be read: `file: message`, the file relative
/// to the site root.
fn read_text(root: &Path, path: &Path) -> Result<engine::TemplateFile, String> {
    let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let bytes = crate::fs::read(path).map_err(|e| format!("{}: {e}", rel.display()))?;
    if bytes.len() > MAX_TEMPLATE {
        return Err(format!(
            "{}: larger than {} MB: not read",
            rel.display(),
            MAX_TEMPLATE >> 20
        ));
    }
    Ok(engine::TemplateFile {
        path: rel,
        source: String::from_utf8_lossy(&bytes).into(),
    })
}

fn merge(into: &mut Schema, from: Schema) {
    into.paired |= from.paired;
    into.reads_all_params |= from.reads_all_params;
    into.legacy_markup |= from.legacy_markup;
    into.inner = into.inner.or(from.inner);
    into.parent_params.extend(from.parent_params);
    into.reads_ancestor_params |= from.reads_ancestor_params;
    let mut known: std::collections::HashSet<ParamKey> =
        into.params.iter().map(|p| p.key.clone()).collect();
    for p in from.params {
        if known.insert(p.key.clone()) {
            into.params.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_the_path_under_the_folder_without_extensions() {
        let d = Path::new("/s/layouts/shortcodes");
        assert_eq!(
            shortcode_name(d, &d.join("card.html")).as_deref(),
            Some("card")
        );
        assert_eq!(
            shortcode_name(d, &d.join("card.en.html")).as_deref(),
            Some("card")
        );
        assert_eq!(
            shortcode_name(d, &d.join("hextra/hero-badge.html")).as_deref(),
            Some("hextra/hero-badge")
        );
        assert_eq!(shortcode_name(d, &d.join(".card.html.swp")), None);
        assert_eq!(shortcode_name(d, &d.join("card.html~")), None);
    }

    #[test]
    fn a_name_in_underscore_shortcodes_hides_the_same_name_in_shortcodes() {
        let dir = tempfile::tempdir().unwrap();
        let l = dir.path().join("layouts");
        std::fs::create_dir_all(l.join("_shortcodes")).unwrap();
        std::fs::create_dir_all(l.join("shortcodes")).unwrap();
        std::fs::write(l.join("_shortcodes/dup.html"), "NEW[{{ .Get \"a\" }}]").unwrap();
        std::fs::write(l.join("shortcodes/dup.html"), "OLD[{{ .Inner }}]").unwrap();
        std::fs::write(l.join("shortcodes/dup.en.html"), "{{ .Inner }}").unwrap();
        let c = Catalogue::load(&Sources {
            root: dir.path().to_path_buf(),
            ..Sources::default()
        })
        .unwrap();
        let dup = c.get("dup").unwrap();
        assert_eq!(dup.files, [Path::new("layouts/_shortcodes/dup.html")]);
        assert_eq!(c.paired("dup"), Some(false));
    }

    #[test]
    fn names_are_matched_without_regard_to_case_as_hugo_matches_them() {
        let c = Catalogue::built_in();
        assert_eq!(c.paired("relRef"), Some(false));
        assert_eq!(c.get("Figure").map(|t| t.name.as_str()), Some("figure"));
    }

    #[test]
    fn built_ins_are_known_with_their_pairing() {
        let c = Catalogue::built_in();
        assert_eq!(c.paired("highlight"), Some(true));
        assert_eq!(c.paired("figure"), Some(false));
        assert_eq!(c.paired("project-card"), None);
    }
}
