//! A portfolio page opened together with its site: the unit the CLI and the desktop app
//! work on. Reading gives the model (page plus site params); applying a model gives a
//! [`Plan`] of the files to rewrite, which is checked whole before anything is written.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::Builder;

use crate::error::{Error, Result};
use crate::fs;
use crate::model::Portfolio;
use crate::page::Page;
use crate::site::Site;

/// A page and its site.
#[derive(Debug, Clone)]
pub struct OpenPage {
    /// The page file.
    pub path: PathBuf,
    /// The page, parsed.
    pub page: Page,
    /// The site the page belongs to (shared: an editing session keeps one per version).
    pub site: Arc<Site>,
}

/// The preview's image URLs: `/x` in `static/` at `BASE/site/x`, `x` beside the page at
/// `BASE/page/x`.
fn preview_rewrite(base: &str, base_url: &str) -> crate::render::RewriteUrlFn {
    let (base, base_url) = (base.to_string(), base_url.to_string());
    std::sync::Arc::new(move |url: &str, image: bool| -> Option<String> {
        let url = &crate::export::site_path(url, &base_url);
        if !image
            || url.is_empty()
            || url.starts_with("//")
            || url.contains(':')
            || url.starts_with('#')
        {
            return None;
        }
        Some(match url.strip_prefix('/') {
            Some(rest) => format!("{base}site/{rest}"),
            None => format!("{base}page/{url}"),
        })
    })
}

/// The URL the app serves a local file at (`assets/…`, `site/…` for the site's own
/// static folders, `statics`; `page/…` for the page's folder), as its file protocol
/// resolves them.
fn preview_url(
    base: &str,
    (root, statics): (&Path, &[PathBuf]),
    page_dir: &Path,
    path: &Path,
) -> Option<String> {
    let web = |rel: &Path| rel.to_str().map(|r| r.replace('\\', "/"));
    if let Ok(rel) = path.strip_prefix(crate::templates::engine::images::output_dir()) {
        return Some(format!("{base}processed/{}", web(rel)?));
    }
    if let Ok(rel) = path.strip_prefix(root.join("assets")) {
        return Some(format!("{base}assets/{}", web(rel)?));
    }
    if let Some(rel) = statics.iter().find_map(|d| path.strip_prefix(d).ok()) {
        return Some(format!("{base}site/{}", web(rel)?));
    }
    let rel = path.strip_prefix(page_dir).ok()?;
    Some(format!("{base}page/{}", web(rel)?))
}

/// The new contents of the files a model changes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    /// The page's new text, when it changes.
    pub page: Option<String>,
    /// The config (or params) file and its new text, when the params change.
    pub config: Option<(PathBuf, String)>,
}

impl Plan {
    /// Whether nothing changes.
    pub fn is_empty(&self) -> bool {
        self.page.is_none() && self.config.is_none()
    }
}

/// The size of a page file (bytes) from which [`OpenPage::open`] reads it while its site
/// loads on another thread. Starting the thread costs about 0.2 ms; lexing costs about
/// 3 µs a KiB. Measured on the 2-core machine, medians of 100 interleaved exports: the
/// sample (3 KiB) took 3.19 ms with the thread and 2.99 ms without; the 1000-card page
/// (373 KiB) 11.34 ms with it and 11.54 ms without.
pub const READ_APART_FROM: u64 = 128 << 10;

impl OpenPage {
    /// Opens a page file and the site it belongs to. A long page (from
    /// [`READ_APART_FROM`] bytes) is read and lexed ([`Page::lex_file`], which needs no
    /// site) while the site loads on another thread, and its tags are paired once the
    /// site's templates are known. Either way an error of the site comes first.
    pub fn open(path: &Path) -> Result<OpenPage> {
        let long = std::fs::metadata(path).is_ok_and(|m| m.len() >= READ_APART_FROM);
        let (site, lexed) = if long {
            std::thread::scope(|scope| {
                let site = crate::threads::spawn_scoped(
                    scope,
                    Builder::new().stack_size(crate::threads::STACK_BYTES),
                    || Site::for_page(path),
                );
                let lexed = Page::lex_file(path);
                let site = match site {
                    Ok(thread) => thread
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    // No thread to start: the site loads here.
                    Err(_) => Site::for_page(path),
                };
                (site, lexed)
            })
        } else {
            (Ok(Site::for_page(path)?), Page::lex_file(path))
        };
        let site = site?;
        let page = lexed?.pair(&site.shortcodes)?;
        Ok(OpenPage {
            path: path.to_path_buf(),
            page,
            site: Arc::new(site),
        })
    }

    /// Re-parses `text` as this document's page (same path and site).
    pub fn with_text(&self, text: &str) -> Result<OpenPage> {
        let page =
            Page::parse_in(text, &self.site.shortcodes).map_err(|e| e.at(&self.path, text))?;
        Ok(OpenPage {
            path: self.path.clone(),
            page,
            site: self.site.clone(),
        })
    }

    /// The model: the page as forms see it, with the site's params.
    pub fn model(&self) -> Portfolio {
        let mut m = self.page.to_model();
        m.params = self.site.params();
        m
    }

    /// What applying `model` changes. `model_path` names the model in errors.
    pub fn plan(&self, model: &Portfolio, model_path: &Path) -> Result<Plan> {
        let edited = self.page.apply(model).map_err(|e| e.in_model(model_path))?;
        let page = (edited.source() != self.page.source()).then(|| edited.to_string());
        let config = self.site.params_edit(&model.params).map_err(|e| {
            Error::model(
                model_path,
                format!("params.{}", e.at.trim_start_matches("params.")),
                e.message,
            )
        })?;
        if let Some((path, text)) = &config {
            crate::formats::Tree::parse(text, 0..text.len(), self.site_format(path))
                .map_err(|e| e.at(path, text))?;
        }
        Ok(Plan { page, config })
    }

    fn site_format(&self, path: &Path) -> crate::formats::Format {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(crate::formats::Format::from_extension)
            .unwrap_or(crate::formats::Format::Toml)
    }

    /// The language of the page: the site language whose content folder holds it.
    pub fn language(&self) -> String {
        OpenPage::language_of(&self.site, &self.path)
    }

    /// The language of the page file `path` of `site` ([`Site::language_of`]).
    pub fn language_of(site: &Site, path: &Path) -> String {
        site.language_of(&site.languages(), path)
    }

    /// The page file's path in its language's content folder, `/`-separated
    /// (`resume/a.md`); `""` outside it.
    pub fn content_path(&self) -> String {
        let abs = std::path::absolute(&self.path).unwrap_or_else(|_| self.path.clone());
        self.pages().content_path(&self.language(), &abs)
    }

    /// What the site's templates see of the site and of this page: `.Site`, the page's
    /// `.RelPermalink` ([`crate::site::refs::page_url`]: `about.md` → `/about/`, its
    /// `slug` or `url`), its file for `.Position`, its resources, and the pages its
    /// `ref`/`relref` calls name ([`crate::site::refs::resolve`]).
    pub fn hugo_context(&self) -> crate::templates::engine::HugoContext {
        let lang = self.language();
        let abs = std::path::absolute(&self.path).unwrap_or_else(|_| self.path.clone());
        let front = match self.page.front_matter().map(|(_, d)| d.to_hugo_json()) {
            Some(serde_json::Value::Object(m)) => Some(m),
            _ => None,
        };
        let url = crate::site::refs::page_url(&self.site, &lang, &abs, front.as_ref());
        // `.Position` names the file by its absolute path, as Hugo does.
        let file = abs.display().to_string();
        let mut ctx = self.site.hugo_context(&lang, &url, &file);
        let tree = self.page.front_matter().map(|(_, tree)| tree);
        ctx.front_datetimes = toml_datetimes(tree);
        ctx.front_format = tree.map(|t| t.format);
        let pages = Arc::new(self.pages());
        ctx.content_path = pages.content_path(&lang, &abs);
        // A bundle's page in any of its languages (`index.md`, `index.fr.md`) shares its
        // files, as Hugo shares them between translations.
        let bundle = abs
            .file_stem()
            .and_then(|s| s.to_str())
            .is_some_and(|s| {
                let (base, language) = s.split_once('.').unwrap_or((s, ""));
                (base == "index" || base == "_index")
                    && (language.is_empty() || language.eq_ignore_ascii_case(&lang))
            })
            .then(|| abs.parent().map(Path::to_path_buf))
            .flatten();
        ctx.refs = Some(self.ref_finder(&lang, &abs));
        ctx.pages = Some(self.page_finder(&lang, &abs, ctx.title_case, pages.clone()));
        ctx.cascade = pages.cascade(&lang, &ctx.content_path, front.as_ref());
        ctx.page_translations = pages.translations((&lang, &abs), front.as_ref(), &ctx.title_case);
        ctx.sections = pages.sections(&lang, &ctx.content_path, &ctx.title_case);
        self.add_home(&lang, &mut ctx, &pages);
        ctx.resources = crate::templates::engine::resources::ResourceDirs {
            assets: self.site.assets_dirs(),
            bundle,
            page_file: Some(abs.clone()),
            root: Some(self.site.root.clone()),
            themes: self.site.theme_roots(),
            content: pages.content_dir(&lang),
            meta: resources_meta(front.as_ref()),
        };
        ctx
    }

    /// `ref` and `relref` on the page at `abs` in `lang`: the URL of the page a reference
    /// names ([`crate::site::refs::resolve`]), with its fragment; with another language
    /// (`lang`), looked up among that language's pages, from the same page, as Hugo's
    /// `decodeRefArgs` does (`hugolib/page__ref.go`; a language the site does not have, in
    /// that case exactly, is Hugo's "no site found with lang").
    fn ref_finder(&self, lang: &str, abs: &Path) -> crate::templates::engine::objects::Refs {
        let (site, from, ref_lang) = (self.site.clone(), abs.to_path_buf(), lang.to_string());
        // Where references are looked up is read from the config on the first one only:
        // every preview builds this context, few pages hold a reference.
        let lookup = std::sync::OnceLock::new();
        crate::templates::engine::objects::Refs(std::sync::Arc::new(
            move |reference: &str, other: Option<&str>| {
                let other_lookup;
                let lookup = match other.filter(|l| *l != ref_lang) {
                    None => lookup.get_or_init(|| {
                        crate::site::refs::Lookup::for_page(&site, &ref_lang, &from)
                    }),
                    Some(l) => {
                        if !site.languages().iter().any(|known| known.code == l) {
                            return Err(format!(
                                "Ref \"{reference}\": no site found with lang \"{l}\""
                            ));
                        }
                        other_lookup = crate::site::refs::Lookup::for_page(&site, l, &from);
                        &other_lookup
                    }
                };
                let (page, fragment) = crate::site::refs::resolve(lookup, &from, reference)
                    .map_err(|e| e.message(reference))?;
                let url =
                    crate::site::refs::file_url(&site, &lookup.lang, &page).ok_or_else(|| {
                        format!("Ref \"{reference}\": {} cannot be read", page.display())
                    })?;
                Ok(format!("{url}{fragment}"))
            },
        ))
    }

    /// `.GetPage` on the page at `abs` in `lang` ([`crate::templates::engine::objects::PageFinder`]):
    /// the page [`crate::site::refs::get_page`] finds, with its front matter's fields; a
    /// section without an `_index` file titled as Hugo titles it, the home page with the
    /// site's title. Where the lookup is is read from the config on the first call only.
    fn page_finder(
        &self,
        lang: &str,
        abs: &Path,
        title_case: crate::templates::engine::funcs::TitleCase,
        pages: Arc<SitePages>,
    ) -> crate::templates::engine::objects::PageFinder {
        use crate::site::refs;
        let (site, page, lang) = (self.site.clone(), abs.to_path_buf(), lang.to_string());
        let lookup = std::sync::OnceLock::new();
        crate::templates::engine::objects::PageFinder(Arc::new(
            move |path: &str, from_page: bool| {
                let lookup = lookup.get_or_init(|| refs::Lookup::for_page(&site, &lang, &page));
                let from = from_page.then_some(page.as_path());
                let found = match refs::get_page(lookup, from, path) {
                    Ok(Some(found)) => found,
                    Ok(None) if is_taxonomy_path(&site, path) => {
                        return Err(format!(
                            "{}.GetPage` of a taxonomy or term page (`{path}`): it lists the \
                             site's other pages by term",
                            crate::templates::engine::funcs::CANNOT_RUN
                        ))
                    }
                    Ok(None) => return Ok(None),
                    Err(e) => return Err(e.message(path)),
                };
                Ok(Some(other_page(&pages, lookup, &found, title_case)))
            },
        ))
    }

    /// Gives `ctx`'s site its `.Home` page ([`OpenPage::home_page`]) when a template reads it.
    fn add_home(
        &self,
        lang: &str,
        ctx: &mut crate::templates::engine::HugoContext,
        pages: &SitePages,
    ) {
        if let Some(home) = self.home_page(lang, ctx, pages) {
            if let gotmpl::Value::Map(fields) = &mut ctx.site {
                Arc::make_mut(fields).insert(Arc::from("Home"), home);
            }
        }
    }

    /// `.Site.Home`, the home page of `lang` (its `_index` file's, else titled with the
    /// site's title), when a template of the site names `.Home`: the first of `ctx`'s
    /// sections when it has them.
    fn home_page(
        &self,
        lang: &str,
        ctx: &crate::templates::engine::HugoContext,
        pages: &SitePages,
    ) -> Option<gotmpl::Value> {
        if !self.site.shortcodes.field_names().contains("Home") {
            return None;
        }
        if let Some(home) = ctx.sections.first() {
            return Some(home.clone());
        }
        let content_dir = pages.content_dir(lang)?;
        let ours = crate::site::refs::Lookup::new(&self.site, lang).unsuffixed_is_ours;
        let index = crate::site::index_file(&content_dir, lang, ours);
        Some(pages.section_page(
            lang,
            (&content_dir, Path::new("")),
            None,
            index,
            (&ctx.title_case, &[]),
        ))
    }

    /// The pages of the site around this one ([`SitePages`]).
    fn pages(&self) -> SitePages {
        SitePages::new(self.site.clone())
    }

    /// The page rendered as the export renders it (without copying its files): what
    /// `folio check` reads the templates' problems and Hugo's surprises from.
    pub fn render(&self) -> crate::render::Rendered {
        self.render_on(None)
    }

    /// [`OpenPage::render`] with its calls on `threads` threads (`None`: as
    /// [`crate::render::RenderOptions::threads`] says).
    pub fn render_on(&self, threads: Option<usize>) -> crate::render::Rendered {
        let params = self.site.params_in(&self.language());
        let hugo = self.hugo_context();
        let opts = crate::render::RenderOptions {
            markup: self.site.markup_in(&self.language()),
            site_params: &params,
            rewrite_url: None,
            anchors: None,
            window: None,
            cache: None,
            marks: false,
            hugo: Some(Arc::new(hugo)),
            publish: None,
            threads,
        };
        crate::render::render_page(&self.page, &opts)
    }

    /// The preview document for the app's sandboxed frame. A cache keeps cards rendered
    /// by earlier previews. With `files_base` (the URL the app serves site files from),
    /// images of the site (`/x.png` from `static/`, `x.png` next to the page) point there.
    pub fn preview_html(
        &self,
        cache: Option<&crate::render::CardCache>,
        files_base: Option<&str>,
    ) -> String {
        self.preview_window(cache, files_base, None, Some(&[]))
    }

    /// The preview of blocks `window` only (for very long pages), with each block's anchor
    /// named by `ids` (by position; see [`crate::render::RenderOptions::anchors`]).
    pub fn preview_window(
        &self,
        cache: Option<&crate::render::CardCache>,
        files_base: Option<&str>,
        window: Option<std::ops::Range<usize>>,
        ids: Option<&[usize]>,
    ) -> String {
        self.preview_styled(cache, files_base, window, ids, false)
    }

    /// [`OpenPage::preview_window`] with the site's own stylesheets (`site_styles`, when
    /// the app serves files: `files_base`) instead of Folio's: static ones at
    /// `site/URL`, compiled ones at `compiled/URL`, the editor's marks at `preview.css`.
    pub fn preview_styled(
        &self,
        cache: Option<&crate::render::CardCache>,
        files_base: Option<&str>,
        window: Option<std::ops::Range<usize>>,
        ids: Option<&[usize]>,
        site_styles: bool,
    ) -> String {
        let sheets: Vec<String> = match files_base.filter(|_| site_styles) {
            Some(base) => self
                .site
                .stylesheets()
                .iter()
                .map(|s| {
                    let dir = if s.from_assets { "compiled" } else { "site" };
                    format!("{base}{dir}/{}", s.url)
                })
                .collect(),
            None => Vec::new(),
        };
        let marks = files_base.map(|base| format!("{base}preview.css"));
        let params = self.site.params_in(&self.language());
        let hugo = self.hugo_context();
        let theme = files_base.map(|base| format!("{base}theme.css"));
        let opts = crate::render::RenderOptions {
            markup: self.site.markup_in(&self.language()),
            site_params: &params,
            rewrite_url: files_base.map(|base| preview_rewrite(base, &self.site.base_url())),
            anchors: ids,
            window,
            cache,
            marks: true,
            hugo: Some(Arc::new(hugo)),
            publish: files_base.map(|base| self.preview_publish(base)),
            threads: None,
        };
        let rendered = crate::render::render_page(&self.page, &opts);
        let lang = self.language();
        let title = self.site.title_in(&lang);
        let dir = self.site.direction_in(&lang);
        let chrome = crate::render::baseof::Chrome {
            site_title: title.as_deref(),
            lang: &lang,
            dir: dir.as_deref(),
            params: &params,
            highlight: opts.markup.highlight,
        };
        // A site none of whose stylesheets Folio finds is shown in Folio's styles.
        let styles = match (&theme, site_styles && !sheets.is_empty()) {
            (Some(_), true) => crate::render::baseof::Styles::Site {
                sheets: &sheets,
                marks: marks.as_deref(),
            },
            (Some(href), false) => crate::render::baseof::Styles::Linked(href),
            (None, _) => crate::render::baseof::Styles::Inline,
        };
        crate::render::baseof::preview(&rendered, &chrome, styles)
    }

    /// Where the preview finds a resource's file (see [`preview_url`]).
    fn preview_publish(&self, base: &str) -> crate::render::PublishFn {
        let (base, root) = (base.to_string(), self.site.root.clone());
        let page_dir = self
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let statics = self.site.own_static_dirs();
        std::sync::Arc::new(move |path: &Path| {
            preview_url(&base, (&root, &statics), &page_dir, path)
        })
    }

    /// Writes a plan: each file atomically, and none when one of them may not be written
    /// ([`fs::write_all_atomic`]).
    pub fn write(&self, plan: &Plan) -> Result<()> {
        let mut files: Vec<(&Path, &[u8])> = Vec::new();
        if let Some(text) = &plan.page {
            files.push((&self.path, text.as_bytes()));
        }
        if let Some((path, text)) = &plan.config {
            files.push((path, text.as_bytes()));
        }
        fs::write_all_atomic(&files)
    }
}

/// The front matter's `resources` entries (the key in any case), each a table: what Hugo
/// reads as the page's `ResourcesMeta`.
fn resources_meta(
    front: Option<&serde_json::Map<String, serde_json::Value>>,
) -> Vec<serde_json::Map<String, serde_json::Value>> {
    let entries = front.and_then(|f| {
        f.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("resources"))
            .map(|(_, v)| v)
    });
    match entries {
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|e| e.as_object().cloned())
            .collect(),
        _ => Vec::new(),
    }
}

/// The title Hugo gives a branch page without an `_index` file: for a section (`name`,
/// its folder's), the name pluralised (`post` → `Posts`) unless `pluralizeListTitles` is
/// off, and in the site's title case unless `capitalizeListTitles` is off
/// (`hugolib/page__meta.go`); for the home page (`None`), the site's title (`site_value`,
/// the language's `.Site`).
fn untitled_branch(
    site: &crate::site::Site,
    site_value: &gotmpl::Value,
    name: Option<&str>,
    title_case: &crate::templates::engine::funcs::TitleCase,
) -> String {
    let Some(name) = name else {
        return site_value
            .field("Title")
            .map(gotmpl::Value::to_string)
            .unwrap_or_default();
    };
    let on = |key: &str| {
        [key.to_string(), key.to_lowercase()]
            .iter()
            .find_map(|k| site.config_json(&[k.as_str()]))
            .is_none_or(|v| v != serde_json::Value::Bool(false))
    };
    let name = if on("pluralizeListTitles") {
        crate::templates::engine::funcs::pluralize(name)
    } else {
        name.to_string()
    };
    if on("capitalizeListTitles") {
        title_case.title(&name)
    } else {
        name
    }
}

/// The pages of a site around one page: the content folder of each language, the
/// sections above a page and what their `cascade`s hand down to it. For the page being
/// rendered and for each page `.GetPage` finds.
///
/// Each file's front matter and each section's page are read once, however many pages
/// `.GetPage` finds below them (review 50b, 2).
struct SitePages {
    site: Arc<Site>,
    known: std::sync::Mutex<Known>,
}

/// What [`SitePages`] has read: `_index` files' front matter (`None`: unreadable), and
/// section pages by language and folder.
#[derive(Default)]
struct Known {
    fronts: HashMap<PathBuf, Option<serde_json::Map<String, serde_json::Value>>>,
    sections: HashMap<(String, PathBuf), gotmpl::Value>,
}

impl SitePages {
    fn new(site: Arc<Site>) -> SitePages {
        SitePages {
            site,
            known: std::sync::Mutex::default(),
        }
    }

    /// The page of file `abs` in the site's other languages
    /// ([`crate::site::refs::translations`]), each with its language's weight and its
    /// `.Page`: of the page rendered, and of a page a template reaches (`.Site.Home`,
    /// `.GetPage`, a section: review 59a, 4). Read only when a template of the site names
    /// `.Translations`, `.AllTranslations` or `.IsTranslated`, and not for a translation
    /// itself (its pages would make theirs, and so on round).
    fn translations(
        &self,
        (lang, abs): (&str, &Path),
        front: Option<&serde_json::Map<String, serde_json::Value>>,
        title_case: &crate::templates::engine::funcs::TitleCase,
    ) -> Vec<(i64, gotmpl::Value)> {
        thread_local! {
            static TRANSLATING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        }
        let names = self.site.shortcodes.field_names();
        let read = ["Translations", "AllTranslations", "IsTranslated"];
        if !read.iter().any(|n| names.contains(*n)) || TRANSLATING.get() {
            return Vec::new();
        }
        /// Lets translations be made again once these are, whatever happens meanwhile.
        struct Made;
        impl Drop for Made {
            fn drop(&mut self) {
                TRANSLATING.set(false);
            }
        }
        TRANSLATING.set(true);
        let _made = Made;
        crate::site::refs::translations(&self.site, lang, abs, front)
            .into_iter()
            .map(|(language, file, mut front)| {
                let url =
                    crate::site::refs::page_url(&self.site, &language.code, &file, Some(&front));
                let file = std::path::absolute(&file).unwrap_or(file);
                // A home page Hugo made for a language with no file for it.
                let fileless = !file.is_file();
                let mut ctx =
                    self.site
                        .hugo_context(&language.code, &url, &file.display().to_string());
                // Where it is, for its sections and what they hand down (review 50b, 4).
                let code = &language.code;
                ctx.content_path = self.content_path(code, &file);
                ctx.cascade = self.cascade(code, &ctx.content_path, Some(&front));
                ctx.sections = self.sections(code, &ctx.content_path, title_case);
                ctx.front_format = crate::site::refs::front_format_of(&file);
                if fileless {
                    let title = untitled_branch(&self.site, &ctx.site, None, title_case);
                    front.insert("title".into(), title.into());
                }
                let mut page = ctx.page(&front);
                // It is a translation of this page, so it is translated too.
                if let gotmpl::Value::Map(fields) = &mut page {
                    let fields = Arc::make_mut(fields);
                    fields.insert(Arc::from("IsTranslated"), gotmpl::Value::Bool(true));
                    if fileless {
                        fields.remove("File");
                    }
                }
                (language.weight, page)
            })
            .collect()
    }

    /// The front matter of the page file at `path` ([`crate::site::refs::front_of`]),
    /// read once.
    fn front(&self, path: &Path) -> Option<serde_json::Map<String, serde_json::Value>> {
        if let Some(known) = self
            .known
            .lock()
            .ok()
            .and_then(|k| k.fronts.get(path).cloned())
        {
            return known;
        }
        let front = crate::site::refs::front_of(path);
        if let Ok(mut k) = self.known.lock() {
            k.fronts.insert(path.to_path_buf(), front.clone());
        }
        front
    }

    /// Where the page file `abs` is in the content folder of `lang` (`blog/post.md`, with
    /// `/`); `""` outside it.
    fn content_path(&self, lang: &str, abs: &Path) -> String {
        self.content_dir(lang)
            .and_then(|content_dir| {
                let dir = std::path::absolute(&content_dir).unwrap_or(content_dir);
                let rel = abs.strip_prefix(dir).ok()?;
                let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
                Some(parts.join("/"))
            })
            .unwrap_or_default()
    }

    /// The content folder of the site's language `lang`.
    fn content_dir(&self, lang: &str) -> Option<PathBuf> {
        self.site
            .languages()
            .into_iter()
            .find(|l| l.code == lang)
            .map(|l| l.content_dir)
    }

    /// What the `cascade`s of the `_index` pages above the page at `content_path` (its
    /// own first, when it is one: `own` is its front matter), then the config's (its
    /// language's first), hand down to it ([`crate::site::cascade`]).
    fn cascade(
        &self,
        lang: &str,
        content_path: &str,
        own: Option<&serde_json::Map<String, serde_json::Value>>,
    ) -> serde_json::Map<String, serde_json::Value> {
        use crate::site::cascade::{hand_down, Target};
        let mut handed = serde_json::Map::new();
        let content_dir = self.content_dir(lang);
        let Some(content_dir) = content_dir.filter(|_| !content_path.is_empty()) else {
            return handed;
        };
        let mut dirs: Vec<&str> = content_path.split('/').collect();
        let file = dirs.pop().unwrap_or_default();
        let is_index = file.split('.').next() == Some("_index");
        let kind = match (is_index, dirs.is_empty()) {
            (true, true) => "home",
            (true, false) => "section",
            (false, _) => "page",
        };
        let path = crate::templates::engine::objects::logical_path(content_path);
        let target = Target {
            path: &path,
            kind,
            lang,
        };
        let of = |front: &serde_json::Map<String, serde_json::Value>| {
            front
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("cascade"))
                .map(|(_, v)| v.clone())
        };
        let mut cascades: Vec<serde_json::Value> = Vec::new();
        // An `_index` page's own folder is the page: its cascade is its front matter's.
        let above = if is_index {
            cascades.extend(own.and_then(of));
            dirs.len()
        } else {
            dirs.len() + 1
        };
        let ours = crate::site::refs::Lookup::new(&self.site, lang).unsuffixed_is_ours;
        for depth in (0..above).rev() {
            let folder: std::path::PathBuf = dirs.iter().take(depth).collect();
            let index = crate::site::index_file(&content_dir.join(folder), lang, ours);
            let front = index.as_deref().and_then(|i| self.front(i));
            cascades.extend(front.as_ref().and_then(of));
        }
        cascades.extend(self.site.config_json(&["languages", lang, "cascade"]));
        cascades.extend(self.site.config_json(&["cascade"]));
        for cascade in &cascades {
            hand_down(cascade, target, &mut handed);
        }
        handed
    }

    /// The sections above the page at `content_path` in its language's content folder
    /// ([`crate::templates::engine::HugoContext::sections`]): the home page, then each
    /// folder on the way that is a section (a top folder always, a deeper one when it has
    /// an `_index` file), each its `_index` page, or one titled as Hugo titles a section
    /// without one (its folder's name in the site's title case; the site's title for the
    /// home page). Read only when a template of the site names `.CurrentSection`,
    /// `.FirstSection` or `.Parent`.
    fn sections(
        &self,
        lang: &str,
        content_path: &str,
        title_case: &crate::templates::engine::funcs::TitleCase,
    ) -> Vec<gotmpl::Value> {
        let names = self.site.shortcodes.field_names();
        let read = crate::templates::engine::KEYED_RELATIONS;
        let Some(content_dir) = self
            .content_dir(lang)
            .filter(|_| read.iter().any(|n| names.contains(*n)) && !content_path.is_empty())
        else {
            return Vec::new();
        };
        let mut dirs: Vec<&str> = content_path.split('/').collect();
        let file = dirs.pop().unwrap_or_default();
        // A bundle's folder and a section's own folder are the page, not above it.
        if matches!(file.split('.').next(), Some("index" | "_index")) {
            dirs.pop();
            if file.starts_with("_index") && content_path.matches('/').count() == 0 {
                return Vec::new();
            }
        }
        let ours = crate::site::refs::Lookup::new(&self.site, lang).unsuffixed_is_ours;
        let mut chain: Vec<gotmpl::Value> = Vec::new();
        for depth in 0..=dirs.len() {
            let folder: std::path::PathBuf = dirs.iter().take(depth).collect();
            let index = crate::site::index_file(&content_dir.join(&folder), lang, ours);
            if depth > 1 && index.is_none() {
                continue;
            }
            let name = depth.checked_sub(1).and_then(|d| dirs.get(d)).copied();
            let folder_dir = content_dir.join(&folder);
            let page = self.section_page(
                lang,
                (&folder_dir, &folder),
                name,
                index,
                (title_case, &chain),
            );
            chain.push(page);
        }
        chain
    }

    /// The `.Page` of the section (or, for no `name`, the home page) in `dir` (`folder` in
    /// the content folder) in `lang`: its `_index` file's (`index`), else one titled as
    /// Hugo titles a section without one, or the language's site title for the home
    /// page. A kind the site does not render (`disableKinds`) has no URL. `above` are the
    /// sections above it, the home page first ([`SitePages::sections`]), for its
    /// `.Parent`, `.CurrentSection` and `.FirstSection`.
    fn section_page(
        &self,
        lang: &str,
        (dir, folder): (&Path, &Path),
        name: Option<&str>,
        index: Option<PathBuf>,
        (title_case, above): (
            &crate::templates::engine::funcs::TitleCase,
            &[gotmpl::Value],
        ),
    ) -> gotmpl::Value {
        let key = (lang.to_string(), dir.to_path_buf());
        if let Some(known) = self
            .known
            .lock()
            .ok()
            .and_then(|k| k.sections.get(&key).cloned())
        {
            return known;
        }
        let path = index.clone().unwrap_or_else(|| dir.join("_index.md"));
        let mut front = index
            .as_deref()
            .and_then(|i| self.front(i))
            .unwrap_or_default();
        let url = crate::site::refs::page_url(&self.site, lang, &path, Some(&front));
        let mut ctx = self
            .site
            .hugo_context(lang, &url, &path.display().to_string());
        ctx.front_format = index
            .as_deref()
            .and_then(crate::site::refs::front_format_of);
        if index.is_none() {
            let title = untitled_branch(&self.site, &ctx.site, name, title_case);
            front.insert("title".into(), title.into());
        }
        ctx.content_path = folder
            .join("_index.md")
            .iter()
            .map(|p| p.to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        ctx.cascade = self.cascade(lang, &ctx.content_path, Some(&front));
        ctx.sections = above.to_vec();
        if let Some(index) = &index {
            ctx.page_translations = self.translations((lang, index), Some(&front), title_case);
        }
        let mut page = ctx.page(&front);
        unpublished_without_url(&self.site, &mut page);
        if let gotmpl::Value::Map(fields) = &mut page {
            // A section of a folder alone has no file (`with .File` is false).
            if index.is_none() {
                Arc::make_mut(fields).remove("File");
            }
        }
        if let Ok(mut k) = self.known.lock() {
            k.sections.insert(key, page.clone());
        }
        page
    }
}

/// A page of a kind the site does not render (`disableKinds`: `home`, `section`…) has
/// no URL (`.RelPermalink` and `.Permalink` are `""`).
fn unpublished_without_url(site: &Site, page: &mut gotmpl::Value) {
    let kind = page
        .field("Kind")
        .map(crate::templates::engine::values::to_string)
        .unwrap_or_default();
    if site.kind_disabled(&kind) {
        without_url(page);
    }
}

/// `page` with empty `.RelPermalink` and `.Permalink`: Hugo writes no file for it.
fn without_url(page: &mut gotmpl::Value) {
    if let gotmpl::Value::Map(fields) = page {
        let fields = Arc::make_mut(fields);
        for url in ["RelPermalink", "Permalink"] {
            fields.insert(Arc::from(url), gotmpl::Value::String(Arc::from("")));
        }
    }
}

/// Another page of the site, found by `.GetPage` at `found` (a page file, or a section's
/// folder without an `_index` file), as its `.Page`: its front matter's fields, its kind
/// and section from where it is; a branch page's dates only when its front matter sets
/// one (Hugo otherwise dates it by its newest page, which Folio does not read).
fn other_page(
    pages: &SitePages,
    lookup: &crate::site::refs::Lookup,
    found: &Path,
    title_case: crate::templates::engine::funcs::TitleCase,
) -> gotmpl::Value {
    use crate::site::refs;
    let file = if found.is_dir() {
        found.join("_index.md")
    } else {
        found.to_path_buf()
    };
    let site = &pages.site;
    let mut front = pages.front(&file).unwrap_or_default();
    let url = refs::page_url(site, &lookup.lang, &file, Some(&front));
    let mut ctx = site.hugo_context(&lookup.lang, &url, &file.display().to_string());
    ctx.front_format = refs::front_format_of(&file);
    let rel = file.strip_prefix(&lookup.content_dir).unwrap_or(&file);
    let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
    ctx.content_path = parts.join("/");
    ctx.cascade = pages.cascade(&lookup.lang, &ctx.content_path, Some(&front));
    ctx.sections = pages.sections(&lookup.lang, &ctx.content_path, &title_case);
    if file.is_file() {
        ctx.page_translations =
            pages.translations((&lookup.lang, &file), Some(&front), &title_case);
    }
    let branch = file
        .file_stem()
        .is_some_and(|s| s.to_string_lossy().starts_with("_index"));
    if found.is_dir() {
        // The section's folder name; none for the content folder, the home page.
        let name = parts.len().checked_sub(2).and_then(|n| parts.get(n));
        let title = untitled_branch(site, &ctx.site, name.map(|n| n.as_ref()), &title_case);
        front.insert("title".into(), serde_json::Value::String(title));
    }
    let dated = ["date", "lastmod", "publishdate"]
        .iter()
        .any(|k| front.keys().any(|f| f.eq_ignore_ascii_case(k)));
    let mut page = crate::templates::engine::objects::another_page(ctx.page(&front));
    unpublished_without_url(site, &mut page);
    if refs::unrendered(&front) {
        without_url(&mut page);
    }
    if let gotmpl::Value::Map(fields) = &mut page {
        let own = Arc::make_mut(fields);
        // A section of a folder alone has no file (`with .File` is false).
        if found.is_dir() {
            own.remove("File");
        }
        if branch && !dated {
            for name in ["Date", "Lastmod", "PublishDate"] {
                own.remove(name);
            }
        }
        let link = own
            .get("RelPermalink")
            .map(ToString::to_string)
            .unwrap_or_default();
        let resources = other_page_resources(&file, branch, &front, lookup);
        own.insert(
            Arc::from("Resources"),
            crate::templates::engine::resources::of_another_page(resources, &link),
        );
    }
    page
}

/// Where the files of another page (`file`, with `front` matter; `branch`: an `_index`
/// one) are: a bundle's (`index.md`'s, `_index.md`'s, the home page's); a page of its own
/// file has none.
fn other_page_resources(
    file: &Path,
    branch: bool,
    front: &serde_json::Map<String, serde_json::Value>,
    lookup: &crate::site::refs::Lookup,
) -> crate::templates::engine::resources::ResourceDirs {
    let bundle = (branch
        || file
            .file_stem()
            .is_some_and(|s| s.to_string_lossy().starts_with("index")))
    .then(|| file.parent().map(Path::to_path_buf))
    .flatten();
    crate::templates::engine::resources::ResourceDirs {
        bundle,
        page_file: Some(file.to_path_buf()),
        meta: resources_meta(Some(front)),
        content: Some(lookup.content_dir.clone()),
        ..Default::default()
    }
}

/// Whether `path` (`tags`, `/tags/go-lang`) names one of the site's taxonomies or a term
/// of one, which Hugo makes a page of without a content file: the config's `taxonomies`
/// (plural names; Hugo's `tags` and `categories` when it sets none), unless
/// `disableKinds` turns those pages off.
fn is_taxonomy_path(site: &crate::site::Site, path: &str) -> bool {
    use serde_json::Value as Json;
    let first = path.trim_matches('/').split('/').next().unwrap_or_default();
    if first.is_empty() || (site.kind_disabled("taxonomy") && site.kind_disabled("term")) {
        return false;
    }
    match site.config_json(&["taxonomies"]) {
        Some(Json::Object(m)) => m.values().any(|plural| {
            plural
                .as_str()
                .is_some_and(|p| p.eq_ignore_ascii_case(first))
        }),
        Some(_) => false,
        None => matches!(first.to_lowercase().as_str(), "tags" | "categories"),
    }
}

/// Where a TOML front matter has a date-time (`2024-01-02T03:04:05Z`, `2024-01-02`,
/// `10:30:00`), which Hugo's `.Params` hold as a time when it has an offset, else as
/// go-toml's local value: each a path of keys, down through tables.
fn toml_datetimes(tree: Option<&crate::formats::Tree>) -> Vec<Vec<String>> {
    use crate::formats::{Format, Kind, Node, Style};
    fn walk(node: &Node, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match &node.kind {
            Kind::Map(map) => {
                for entry in &map.entries {
                    path.push(entry.key.clone());
                    walk(&entry.value, path, out);
                    path.pop();
                }
            }
            Kind::Scalar {
                value: serde_json::Value::String(_),
                style: Style::Datetime,
            } => out.push(path.clone()),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Some(tree) = tree.filter(|t| t.format == Format::Toml) {
        walk(&tree.root, &mut Vec::new(), &mut out);
    }
    out
}
