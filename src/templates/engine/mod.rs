//! The site's own Go templates, executed as Hugo executes them: a shortcode's template
//! (and the partials it calls) run with Hugo's shortcode context over Folio's values.
//!
//! - **Templates** are parsed with `gotmpl` (Go's `text/template/parse`), their method
//!   calls rewritten into functions ([`rewrite`]), and escaped as Go's `html/template`
//!   escapes them (`gotmpl::html`, context-aware: `javascript:` in an `href` prints
//!   `#ZgotmplZ`). Each file is compiled once, on first use, and kept in the catalogue
//!   ([`Compiled`]); a template change reloads the catalogue and so recompiles.
//! - **Functions** are Hugo's (`tpl/*`), in [`funcs`]; local resources in [`resources`],
//!   thumbnails in [`images`]. A template calling one Folio does not have (or cannot run
//!   offline or in one page: `resources.GetRemote`, Hugo Pipes, image filters,
//!   `.Site.GetPage`) runs until it reaches that call ([`funcs::missing`]: a branch
//!   that never calls it renders as in Hugo); then its [`Problem`] says which and where.
//!   A function name Folio does not know at all is said before the template runs
//!   ([`funcs::unknown`]), as Hugo's parser refuses it.
//! - **The page being rendered** is a [`Frame`], set for the length of a render with
//!   [`with_frame`]: the functions that need the page, the site, the catalogue (partials)
//!   or the Markdown renderer (`markdownify`, `.RenderString`, through [`Host`]) read it.
//!
//! Source of the rules: Hugo's `tpl/tplimpl` (lookup, `partial`), `hugolib/shortcode.go`
//! (the shortcode context), `tpl/*` (each function), and real Hugo 0.168 as the oracle
//! (`tests/testsuite/templates.rs`).

pub(crate) mod bundle;
pub mod funcs;
mod gosort;
pub mod images;
mod locale;
pub(crate) use locale::base_language;
pub mod objects;
pub mod resources;
pub mod rewrite;
pub(crate) mod time;
pub mod values;

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use gotmpl::html::Template;
use gotmpl::Value;

use super::Catalogue;
pub use objects::{HugoContext, Position, ShortcodeCall};

/// A template file's text and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateFile {
    /// Relative to the site root (`layouts/shortcodes/card.html`).
    pub path: PathBuf,
    /// Its text.
    pub source: Arc<str>,
}

/// Why a template did not render: a located message (`file:line:col: message`), and the
/// function Folio could not run when that is the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The template file, relative to the site root.
    pub file: PathBuf,
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// 1-based column (chars); 0 when unknown.
    pub col: usize,
    /// What went wrong.
    pub message: String,
    /// The function (or method, `.GetPage`) Folio cannot run, when that is why.
    pub function: Option<String>,
}

impl Problem {
    /// A problem of `file` as a whole (no line or column), not about a function.
    pub fn unlocated(file: impl Into<PathBuf>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.into(),
            line: 0,
            col: 0,
            message: message.into(),
            function: None,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.col)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What the renderer lends the templates: Markdown as the page renders it.
pub trait Host {
    /// Hugo's `markdownify`: the text rendered as the page's Markdown, shortcodes
    /// included, a lone paragraph unwrapped.
    ///
    /// # Errors
    /// The text's shortcodes render text that holds shortcodes again, too deep: a
    /// shortcode that includes the page it is on, which Hugo stops on too.
    fn markdownify(&self, markdown: &str) -> Result<String, String>;
    /// `.Page.RenderString`: `inline` unwraps a lone paragraph, `block` does not.
    ///
    /// # Errors
    /// As [`Host::markdownify`].
    fn render_string(&self, markdown: &str, block: bool) -> Result<String, String>;
    /// `anchorize`: the id Goldmark gives a heading with this text.
    fn anchorize(&self, text: &str) -> String;
    /// `transform.Highlight`: `code` highlighted as the site highlights `lang`, with
    /// options written as the `highlight` shortcode takes them or as a map.
    ///
    /// # Errors
    /// Options Hugo cannot read, with Hugo's message.
    fn highlight(
        &self,
        code: &str,
        lang: &str,
        options: HighlightOptions,
        attributes: &[(String, String)],
    ) -> Result<String, String>;
}

/// The options given to `transform.Highlight`.
pub enum HighlightOptions {
    /// `"linenos=table,hl_lines=2"`.
    Written(String),
    /// `(dict "linenos" "table")`.
    Map(serde_json::Map<String, serde_json::Value>),
    /// A code block hook's options (`transform.HighlightCodeBlock`) and the block's
    /// ordinal, which names its line ids when neither they nor the site do (`hl-N`).
    CodeBlock(serde_json::Map<String, serde_json::Value>, i64),
}

/// What finds the element of a failed render hook in the page's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HookElement {
    /// A link's or an image's destination, as written.
    Destination(String),
    /// A fenced code block, by its place among the text's (from 0).
    Fence(usize),
    /// A blockquote, by its place among the text's in the order they end (a quote
    /// inside another comes first, as their hooks run).
    Blockquote(usize),
    /// A heading, by its place among the text's.
    Heading(usize),
}

/// The page a render is for: what the template functions read besides their arguments.
pub struct Frame {
    /// The site's templates (for `partial`).
    pub catalogue: Arc<Catalogue>,
    /// `.Page`.
    pub page: Value,
    /// `.Site` (and `site`).
    pub site: Value,
    /// The page language's translations (`i18n/LANG.*`), by id: a string, or a map of
    /// plural forms (`one`, `other`).
    pub translations: Arc<serde_json::Map<String, serde_json::Value>>,
    /// The Markdown renderer.
    pub host: Rc<dyn Host>,
    /// Where the page's resources are.
    pub resources: resources::ResourceDirs,
    /// Local files the templates' resources point at, by the URL they publish at.
    published: RefCell<BTreeMap<String, PathBuf>>,
    scratch: RefCell<HashMap<i64, BTreeMap<Arc<str>, Value>>>,
    /// Whether a template used state one call can leave for the next, so that calls that
    /// do cannot be rendered apart (see [`Frame::shares_state`]).
    order_dependent: Cell<bool>,
    next_scratch: Cell<i64>,
    warnings: RefCell<Vec<String>>,
    /// The languages of the code templates highlighted since they were last taken
    /// ([`highlighted`]).
    highlighted: RefCell<Vec<String>>,
    depth: Cell<usize>,
    /// Partial calls so far: a budget, as a recursive partial can branch.
    partial_calls: Cell<usize>,
    returned: RefCell<Option<Value>>,
    /// The templates running, innermost last (where an inline partial is looked up).
    running: RefCell<Vec<Entry>>,
    /// The innermost failure of a partial this render met, reported in place of the
    /// message that carried it up (a `try` that catches it forgets it).
    failure: RefCell<Option<Problem>>,
    /// Why render hooks failed (the element was then written as Goldmark writes it), each
    /// with the text that finds its element in the page, when it has one.
    hook_problems: RefCell<Vec<(Problem, Option<HookElement>)>>,
    hook_warnings: RefCell<Vec<(String, Option<HookElement>)>>,
    partial_cache: RefCell<HashMap<String, Value>>,
    /// The pages [`Frame::find_page`] found in this render, by path and whether it was
    /// looked up from the page: `markdownify` looks up the home page on each call.
    found_pages: RefCell<HashMap<(String, bool), Option<Value>>>,
    /// Finds the pages `ref` and `relref` name.
    pub refs: Option<objects::Refs>,
    /// Finds the pages `.GetPage` names.
    pub pages: Option<objects::PageFinder>,
    /// The zone a date without an offset is read in (the site's `timeZone`).
    pub time_zone: jiff::tz::TimeZone,
    /// The environment variables `getenv` may read ([`HugoContext::getenv`]).
    pub getenv: Arc<[String]>,
    /// How `title` capitalises (the site's `titleCaseStyle`).
    pub title_case: funcs::TitleCase,
    /// How `urlize` makes a path (the site's `removePathAccents`, `disablePathToLower`).
    pub path_style: funcs::PathStyle,
    /// The spellings with capitals the site's templates read params keys by, by their
    /// lowercase form ([`HugoContext::aliases`]): the keys [`values::is_alias`] tells.
    pub aliases: Arc<BTreeMap<String, Vec<String>>>,
    /// The ids of the warnings and errors the site silences, in lower case
    /// ([`crate::Site::ignored_logs`]; see [`Frame::ignores`]).
    pub ignored_logs: Arc<[String]>,
    /// The site sets `canonifyURLs`: `relURL` leaves the base URL's path to it
    /// ([`HugoContext::canonify_urls`]).
    pub canonify_urls: bool,
    /// This frame's own compiled templates, when it keeps them apart from the catalogue's
    /// (see [`Frame::apart`]).
    own_compiled: Option<Compiled>,
    /// Whether the text being rendered is the home page's (`markdownify`'s), not `.Page`'s
    /// (see [`Frame::as_home_page_text`]).
    home_text: Cell<bool>,
}

impl Frame {
    /// A frame for one render of a page.
    pub fn new(
        catalogue: Arc<Catalogue>,
        page: Value,
        site: Value,
        translations: Arc<serde_json::Map<String, serde_json::Value>>,
        host: Rc<dyn Host>,
        resources: resources::ResourceDirs,
    ) -> Frame {
        Frame {
            catalogue,
            page,
            site,
            translations,
            host,
            resources,
            published: RefCell::default(),
            scratch: RefCell::default(),
            order_dependent: Cell::new(false),
            next_scratch: Cell::new(-1),
            warnings: RefCell::default(),
            highlighted: RefCell::default(),
            depth: Cell::new(0),
            partial_calls: Cell::new(0),
            returned: RefCell::default(),
            running: RefCell::default(),
            failure: RefCell::default(),
            hook_problems: RefCell::default(),
            hook_warnings: RefCell::default(),
            partial_cache: RefCell::default(),
            found_pages: RefCell::default(),
            own_compiled: None,
            home_text: Cell::default(),
            refs: None,
            pages: None,
            time_zone: jiff::tz::TimeZone::UTC,
            getenv: Arc::from([]),
            title_case: funcs::TitleCase::default(),
            path_style: funcs::PathStyle::default(),
            aliases: Arc::default(),
            ignored_logs: Arc::from([]),
            canonify_urls: false,
        }
    }

    /// The page `.GetPage PATH` finds, from the page (`from_page`) or the site
    /// ([`objects::PageFinder`]): `None` when there is none, or outside a site (no
    /// finder); `Err` with Hugo's message for a path it refuses. A page found once in a
    /// render is not looked up on disk again. The page being rendered is `.Page` itself
    /// (`eq` of the two is true, and it has its `.Parent`: hunt AL, 4).
    pub fn find_page(&self, path: &str, from_page: bool) -> Result<Option<Value>, String> {
        let Some(pages) = self.pages.as_ref() else {
            return Ok(None);
        };
        let key = (path.to_string(), from_page);
        if let Some(found) = self.found_pages.borrow().get(&key) {
            return Ok(found.clone());
        }
        let file = |page: &Value| {
            page.field("File")
                .and_then(|f| f.field("Filename"))
                .map(values::to_string)
                .filter(|f| !f.is_empty())
        };
        let found = (pages.0)(path, from_page)?.map(|page| {
            if file(&page).is_some() && file(&page) == file(&self.page) {
                self.page.clone()
            } else {
                page
            }
        });
        self.found_pages.borrow_mut().insert(key, found.clone());
        Ok(found)
    }

    /// Whether the site silences the warning or error `id` (`ignoreLogs`): Hugo neither
    /// prints it nor, for `erroridf`, fails the build (`loggers.suppressStatementsHandler`;
    /// ids compared in lower case).
    pub fn ignores(&self, id: &str) -> bool {
        self.ignored_logs.iter().any(|i| i.eq_ignore_ascii_case(id))
    }

    /// The frame with compiled templates of its own instead of the catalogue's: for a
    /// thread that renders beside others. Templates shared between threads run slower on
    /// each, as every value a template copies out of its tree counts its references on
    /// memory all the threads write to.
    pub fn apart(mut self) -> Frame {
        self.own_compiled = Some(Compiled::default());
        self
    }

    /// Runs `f` with the home page as the page whose text is rendered, which render hooks
    /// see as their `.Page`: Hugo's `markdownify` renders as the home page
    /// (`tpl/transform/transform.go`, `Site.Home().RenderString`). The home page is looked
    /// up only when something asks for it ([`Frame::page_of_text`]): a site without render
    /// hooks never needs it.
    pub fn as_home_page_text<R>(&self, f: impl FnOnce() -> R) -> R {
        let before = self.home_text.replace(true);
        let out = f();
        self.home_text.set(before);
        out
    }

    /// The home page while [`Frame::as_home_page_text`] runs, when the site has one, with
    /// a store of its own ([`HOME_TEXT_STORE`]) for the render hooks that run there: in
    /// Hugo they write the home page's, not the page's (review 63c, r11; 63a, r8).
    fn text_page(&self) -> Option<Value> {
        if !self.home_text.get() {
            return None;
        }
        let mut home = self.find_page("/", false).ok().flatten()?;
        if let Value::Map(fields) = &mut home {
            let own = Arc::make_mut(fields);
            for name in ["Store", "Scratch"] {
                own.insert(Arc::from(name), Frame::store(HOME_TEXT_STORE));
            }
        }
        Some(home)
    }

    /// Whether the text being rendered is another page's than `.Page`'s
    /// ([`Frame::as_home_page_text`]: `markdownify`'s, the home page's).
    pub fn renders_another_page(&self) -> bool {
        self.text_page().is_some()
    }

    /// The page whose text is being rendered: the home page inside
    /// [`Frame::as_home_page_text`] when the site has one, else `.Page`.
    pub fn page_of_text(&self) -> Value {
        self.text_page().unwrap_or_else(|| self.page.clone())
    }

    /// Whether a partial's failure is waiting to be reported ([`Frame::forget_failure`]).
    pub(crate) fn has_failure(&self) -> bool {
        self.failure.borrow().is_some()
    }

    /// Forgets the partial's failure a `try` caught: a later error is its own.
    pub(crate) fn forget_failure(&self) {
        self.failure.borrow_mut().take();
    }

    /// Records why a render hook failed, and `near`, what finds its element in the page.
    pub fn record_hook_problem(&self, problem: Problem, near: Option<HookElement>) {
        self.hook_problems.borrow_mut().push((problem, near));
    }

    /// How many warnings are waiting ([`warn`]), to take those recorded after with
    /// [`Frame::warnings_since`].
    pub fn warning_count(&self) -> usize {
        self.warnings.borrow().len()
    }

    /// The warnings recorded since there were `count` (what one render hook warned).
    pub fn warnings_since(&self, count: usize) -> Vec<String> {
        let mut warnings = self.warnings.borrow_mut();
        let count = count.min(warnings.len());
        warnings.split_off(count)
    }

    /// Records what a render hook warned (`warnf`), and `near`, what finds its element.
    pub fn record_hook_warning(&self, warning: String, near: Option<HookElement>) {
        self.hook_warnings.borrow_mut().push((warning, near));
    }

    /// What render hooks warned since the last call, oldest first, each once.
    pub fn take_hook_warnings(&self) -> Vec<(String, Option<HookElement>)> {
        let mut seen = std::collections::HashSet::new();
        let mut warnings = self.hook_warnings.take();
        warnings.retain(|(w, _)| seen.insert(w.clone()));
        warnings
    }

    /// Why render hooks failed since the last call, oldest first, each once with the
    /// number of elements it failed on (a hook that fails on every link fails the same
    /// way: the first element it failed on is kept).
    pub fn take_hook_problems(&self) -> Vec<(Problem, Option<HookElement>, usize)> {
        let mut out: Vec<(Problem, Option<HookElement>, usize)> = Vec::new();
        let mut first: HashMap<String, usize> = HashMap::new();
        for (problem, near) in self.hook_problems.take() {
            match first.entry(problem.to_string()) {
                std::collections::hash_map::Entry::Occupied(at) => {
                    if let Some(seen) = out.get_mut(*at.get()) {
                        seen.2 += 1;
                    }
                }
                std::collections::hash_map::Entry::Vacant(at) => {
                    at.insert(out.len());
                    out.push((problem, near, 1));
                }
            }
        }
        out
    }

    /// The compiled templates this frame runs.
    fn compiled(&self) -> &Compiled {
        self.own_compiled
            .as_ref()
            .unwrap_or(&self.catalogue.compiled)
    }

    /// A fresh scratch (`.Scratch`, `.Store`, `newScratch`): a map naming its storage.
    pub fn new_scratch(&self) -> Value {
        let id = self.next_scratch.get();
        self.next_scratch.set(id - 1);
        values::map([
            (values::KIND, values::string("scratch")),
            ("__folio_id", Value::Int(id)),
        ])
    }

    /// The scratch of one shortcode call (`.Scratch`, `.Store`): the same for the call
    /// and for its children's `.Parent`. `call` is unique to the call within the render
    /// (positive); a fresh `newScratch` takes negative ids.
    pub fn call_scratch(call: i64) -> Value {
        static SCRATCH: values::Fields<2> = values::Fields::new([values::KIND, "__folio_id"]);
        static KIND: values::Word = values::Word::new("scratch");
        SCRATCH.map([KIND.value(), Value::Int(call)])
    }

    /// The scratch of `site.Store` ([`SITE_STORE`]) or `hugo.Store` ([`HUGO_STORE`]):
    /// the site's and the build's, which a render of one page sees as the page's own,
    /// kept from call to call.
    pub fn store(id: i64) -> Value {
        Frame::call_scratch(id)
    }

    /// The page's own scratch (`.Page.Scratch`, `.Page.Store`), id 0.
    pub fn page_scratch() -> Value {
        values::map([
            (values::KIND, values::string("scratch")),
            ("__folio_id", Value::Int(0)),
        ])
    }

    /// The site's `baseURL` as `.Site.BaseURL` gives it (`/` when unset).
    pub fn base_url(&self) -> String {
        values::base_url(&self.site)
    }

    /// The local file a resource's URL (`.RelPermalink` or `.Permalink`) points at.
    pub fn published(&self, url: &str) -> Option<PathBuf> {
        self.published.borrow().get(url).cloned()
    }

    /// Whether a resource has published a file in this frame ([`Frame::published`] finds
    /// a URL).
    pub fn publishes_any(&self) -> bool {
        !self.published.borrow().is_empty()
    }

    /// Records that a resource publishes `path` at these URLs.
    pub(crate) fn publish(&self, urls: [String; 2], path: &std::path::Path) {
        let mut p = self.published.borrow_mut();
        for url in urls {
            p.insert(url, path.to_path_buf());
        }
    }

    /// Whether the templates run in this frame used state that one call leaves for the
    /// next: the page's `.Scratch`/`.Store`, the scratch of a call in text `markdownify`
    /// re-parsed (whose ids repeat from call to call), or `partialCached` (the first call
    /// in Hugo's order fills the cache). Their calls then depend on the order they run in,
    /// and must run one after another in one frame.
    pub fn shares_state(&self) -> bool {
        self.order_dependent.get()
    }

    /// How many partials the templates run in this frame called (a page may call at most
    /// [`MAX_PARTIAL_CALLS`]).
    pub fn partial_calls(&self) -> usize {
        self.partial_calls.get()
    }

    /// The languages of the code highlighted since they were last taken ([`highlighted`]).
    pub fn take_highlighted(&self) -> Vec<String> {
        std::mem::take(&mut *self.highlighted.borrow_mut())
    }

    /// The warnings since the last call ([`warn`]), in order, each once, taken (so that
    /// each call's warnings are its own).
    pub fn take_warnings(&self) -> Vec<String> {
        let mut warnings = std::mem::take(&mut *self.warnings.borrow_mut());
        let mut seen = std::collections::HashSet::new();
        warnings.retain(|w| seen.insert(w.clone()));
        warnings
    }
}

/// The id of `site.Store`'s scratch: above every call's, so that using it makes the
/// render keep Hugo's order (see [`Frame::shares_state`]).
pub const SITE_STORE: i64 = 1 << 62;

/// The id of `hugo.Store`'s scratch.
pub const HUGO_STORE: i64 = (1 << 62) + 1;

/// The id of the home page's scratch, which the render hooks of text rendered as the home
/// page's (`markdownify`'s) read and write ([`Frame::as_home_page_text`]).
pub const HOME_TEXT_STORE: i64 = (1 << 62) + 2;

thread_local! {
    static FRAMES: RefCell<Vec<Rc<Frame>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with `frame` as the page the template functions read.
pub fn with_frame<R>(frame: Rc<Frame>, f: impl FnOnce() -> R) -> R {
    struct Pop;
    impl Drop for Pop {
        fn drop(&mut self) {
            FRAMES.with(|s| s.borrow_mut().pop());
        }
    }
    FRAMES.with(|s| s.borrow_mut().push(frame));
    let _pop = Pop;
    f()
}

/// The frame of the render running on this thread.
fn current() -> gotmpl::Result<Rc<Frame>> {
    FRAMES
        .with(|s| s.borrow().last().cloned())
        .ok_or_else(|| exec_error("no page is being rendered"))
}

/// An execution error with this message.
pub(crate) fn exec_error(message: impl Into<String>) -> gotmpl::TemplateError {
    gotmpl::TemplateError::Exec(message.into())
}

/// What a catalogue derives from its sources on first use (the field names its templates
/// use, the partials its layouts define inline), kept once found. Compares equal always:
/// it follows from the sources, which the catalogue compares.
#[derive(Clone)]
pub struct Derived<T>(std::sync::OnceLock<T>);

impl<T> Default for Derived<T> {
    fn default() -> Self {
        Derived(std::sync::OnceLock::new())
    }
}

impl<T> Derived<T> {
    /// The value, found with `init` the first time.
    pub fn get_or_init(&self, init: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(init)
    }
}

impl<T> fmt::Debug for Derived<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Derived")
    }
}

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> Eq for Derived<T> {}

/// A page's relations to its sections (`.Parent`, `.CurrentSection`, `.FirstSection`),
/// which a collection function may read by key too (`where $pages "Parent" $s`):
/// building them for every page is worth it only when a template names them.
pub const KEYED_RELATIONS: &[&str] = &["Parent", "CurrentSection", "FirstSection"];

/// The `.Name` fields with a capital letter in template texts (a scan of the text: a name
/// in a string or comment is taken too, which costs only an unused alias).
pub fn field_names<'a>(
    sources: impl Iterator<Item = &'a str>,
) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    for src in sources {
        // `.Parent`, and a page's relation a collection function reads by its key
        // (`where $pages "Parent" $s`, `sort $pages "Parent.Title"`: reviews 50f, 1 and
        // 50g, 4); not any quoted word, which would give params a spelling more (50g, 3).
        for (k, mark) in src.match_indices(['.', '"', '`']) {
            let rest = src.get(k + 1..).unwrap_or("");
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let after = rest.get(name.len()..).unwrap_or("");
            let named = mark == "."
                || (after.starts_with(['"', '`', '.']) && KEYED_RELATIONS.contains(&name.as_str()));
            if named
                && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && name.chars().any(|c| c.is_ascii_uppercase())
            {
                out.insert(name);
            }
        }
    }
    out
}

/// A compiled template, or why it cannot run.
type Entry = Arc<Result<Executable, Problem>>;

struct Executable {
    template: Template,
    file: TemplateFile,
    calls: rewrite::Calls,
}

/// The catalogue's compiled templates, by kind and name (`shortcodes/card`,
/// `partials/head.html`), built on first use.
#[derive(Default)]
pub struct Compiled {
    cache: Mutex<HashMap<String, Entry>>,
}

impl fmt::Debug for Compiled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Compiled")
    }
}

impl Clone for Compiled {
    /// A copy starts empty: it compiles again on first use.
    fn clone(&self) -> Self {
        Compiled::default()
    }
}

impl PartialEq for Compiled {
    /// Compiled templates follow from the sources, which the catalogue compares.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Compiled {}

impl Compiled {
    /// The file compiled whole under `key`, its `template` actions reaching the defines of
    /// `catalogue`'s layouts.
    fn get(&self, key: &str, file: &TemplateFile, catalogue: &Catalogue) -> Entry {
        self.get_with(key, file, Keep::All, catalogue)
    }

    fn get_with(&self, key: &str, file: &TemplateFile, keep: Keep, catalogue: &Catalogue) -> Entry {
        if let Some(e) = self.cache.lock().ok().and_then(|c| c.get(key).cloned()) {
            return e;
        }
        let resolves = |name: &str| resolves(catalogue, name);
        let entry = Arc::new(compile_parts(key, file, keep, &resolves));
        if let Ok(mut c) = self.cache.lock() {
            c.insert(key.to_string(), entry.clone());
        }
        entry
    }
}

/// The name Hugo gives a template file (`path`, relative to the site root) in its
/// messages: the path under `layouts/` (a theme's too), the folders of shortcodes and
/// partials under their names since Hugo 0.146 (`layouts/shortcodes/x.html` is
/// `_shortcodes/x.html`; checked: Hugo 0.168).
fn hugo_name(path: &Path) -> String {
    let path = path.to_string_lossy().replace('\\', "/");
    let under_layouts = path
        .split_once("layouts/")
        .map_or(path.as_str(), |(_, rest)| rest);
    // (`_default/` is the top since Hugo 0.146: `_default/_markup/render-link.html` is
    // `_markup/render-link.html`.)
    let under_layouts = under_layouts
        .strip_prefix("_default/")
        .unwrap_or(under_layouts);
    match under_layouts.split_once('/') {
        Some(("shortcodes" | "partials", _)) => format!("_{under_layouts}"),
        _ => under_layouts.to_string(),
    }
}

/// How Go's message for arguments given to a constant starts ([`rewrite::NON_FUNCTION`]).
const NOT_A_FUNCTION: &str = "can't give argument to non-function ";

/// The name the template's own body is compiled under.
const BODY: &str = "__folio_body";

/// Rewrites a template file's body `list` and its `defines` for `gotmpl`
/// ([`rewrite`]): `name` is the file's as compiled (a shortcode's starts `shortcodes/`),
/// `source` its text. Gives the functions they call.
fn rewrite_parts(
    name: &str,
    source: &str,
    (list, defines): (
        &mut gotmpl::parse::ListNode,
        &mut [gotmpl::parse::DefineNode],
    ),
    resolves: &dyn Fn(&str) -> bool,
) -> rewrite::Calls {
    let names: Vec<String> = defines.iter().map(|d| d.name.to_string()).collect();
    let defined = |n: &str| names.iter().any(|d| d == n);
    let runs = |n: &str| !defined(n) && resolves(n);
    let mut calls = rewrite::partial_templates(list, source, &runs);
    for d in defines.iter_mut() {
        calls.extend(rewrite::partial_templates(&mut d.body, source, &runs));
    }
    calls.extend(if name.starts_with("shortcodes/") {
        rewrite::rewrite_shortcode(list)
    } else {
        rewrite::rewrite(list)
    });
    for d in defines.iter_mut() {
        calls.extend(rewrite::rewrite(&mut d.body));
    }
    calls
}

/// What of a template file is compiled ([`compile_parts`]).
#[derive(Debug, Clone, Copy)]
enum Keep {
    /// Its body and its defines.
    All,
    /// Only its inline partials (`define "partials/x.html"`), for a page layout that
    /// defines them: the rest of a layout (which may call what Folio cannot run) is not
    /// needed to call them.
    PartialDefines,
    /// Only its defines, for a `template` action of another file.
    Defines,
}

/// Compiles a template file, as much of it as `keep` says. A `template` action naming a
/// template the file does not define runs the one the site has under that name when
/// `resolves` says there is one ([`resolves`], [`rewrite::partial_templates`]); one naming
/// none is Go's escaper's error, wherever it is.
fn compile_parts(
    name: &str,
    file: &TemplateFile,
    keep: Keep,
    resolves: &dyn Fn(&str) -> bool,
) -> Result<Executable, Problem> {
    let problem = |line, col, message: String| Problem {
        file: file.path.clone(),
        line,
        col,
        message,
        function: None,
    };
    let (mut list, mut defines) = super::parse::parse(&file.source)
        .map_err(|(line, col, message)| problem(line, col, message))?;
    match keep {
        Keep::All => {}
        Keep::PartialDefines => {
            list.nodes.clear();
            defines.retain(|d| is_partial_define(&d.name));
        }
        Keep::Defines => list.nodes.clear(),
    }
    let calls = rewrite_parts(name, &file.source, (&mut list, &mut defines), resolves);
    let hugo_name = hugo_name(&file.path);
    rewrite::head_tries(&mut list, &hugo_name, &hugo_name, &file.source);
    for d in &mut defines {
        rewrite::head_tries(&mut d.body, &hugo_name, &d.name, &file.source);
    }
    let mut functions = funcs::used(&calls);
    functions.extend(funcs::missing(&calls));
    // Each call of Folio's functions under a name of its own, so that a failure is
    // located at the call that failed ([`FAILED_AT`]); Go's built-ins keep theirs, as
    // `gotmpl` treats some by name (`and`, `or`, the escaper's `html`).
    let own_name = |name: &str| functions.contains_key(name) && !funcs::is_go_builtin(name);
    let mut sites = rewrite::name_call_sites(&mut list, &own_name);
    for d in &mut defines {
        sites.extend(rewrite::name_call_sites(&mut d.body, &own_name));
    }
    let located = at_call_sites(&functions, &sites);
    // gotmpl's escaper starts from a parsed root: the root calls the rewritten body.
    let mut template = Template::new(name)
        .funcs(functions)
        .funcs(located)
        .parse(&format!("{{{{template \"{BODY}\" .}}}}"))
        .map_err(|e| problem(0, 0, e.to_string()))?;
    for d in defines {
        template = template
            .add_parse_tree(&d.name, d.body)
            .map_err(|e| problem(0, 0, e.to_string()))?;
    }
    let template = template
        .add_parse_tree(BODY, list)
        .map_err(|e| problem(0, 0, e.to_string()))?;
    if let Some(call) = calls.iter().find(|c| funcs::unknown(&c.name)) {
        let (line, col) = crate::text::line_col(&file.source, call.offset);
        return Err(Problem {
            file: file.path.clone(),
            line,
            col,
            message: funcs::why_not(&call.name),
            function: Some(call.name.clone()),
        });
    }
    Ok(Executable {
        template,
        file: file.clone(),
        calls,
    })
}

thread_local! {
    /// Where (byte offset in its template) the last of Folio's functions that failed on
    /// this thread was called: set by the call's own function ([`at_call_sites`]), taken
    /// by [`Executable::locate`].
    static FAILED_AT: Cell<Option<usize>> = const { Cell::new(None) };
}

/// A function for each call in `sites`, under the call's own name
/// ([`rewrite::site_name`]): the function `functions` has for it, which on failing
/// records where it was called ([`FAILED_AT`]).
fn at_call_sites(functions: &gotmpl::FuncMap, sites: &[rewrite::Call]) -> gotmpl::FuncMap {
    sites
        .iter()
        .filter_map(|site| {
            let f = functions.get(&site.name)?.clone();
            let offset = site.offset;
            let located: gotmpl::ValueFunc = Arc::new(move |args: &[Value]| {
                f(args).inspect_err(|_| FAILED_AT.set(Some(offset)))
            });
            Some((rewrite::site_name(&site.name, offset), located))
        })
        .collect()
}

/// The first function a template calls that Hugo does not have (`getJSON`, which Hugo
/// 0.156 removed, or a misspelt name): its byte offset in `source` and what to say of it.
/// Hugo's parser refuses such a template, and so the whole site's build, even where no
/// page uses the template. `None` when there is none, or when the template does not parse
/// (said elsewhere, if it is a shortcode's).
pub fn unknown_call(source: &str) -> Option<(usize, String)> {
    let (mut list, mut defines) = super::parse::parse(source).ok()?;
    let mut calls = rewrite::rewrite(&mut list);
    for d in &mut defines {
        calls.extend(rewrite::rewrite(&mut d.body));
    }
    let call = calls
        .into_iter()
        .filter(|c| funcs::unknown(&c.name))
        .min_by_key(|c| c.offset)?;
    Some((call.offset, funcs::why_not(&call.name)))
}

/// Why Go's `html/template` escaper refuses `source` (a quote in an attribute's name,
/// say), as `(line, col, message)`: Hugo escapes every template when it starts, and stops
/// the whole build on one it refuses, even where no page uses it (checked: Hugo 0.168 on
/// parsiya's `wp.html`). `None` when it escapes, or when it does not compile (said
/// elsewhere). The line is 1 and the column 1 where the escaper names no place.
pub fn escape_error(source: &str) -> Option<(usize, usize, String)> {
    let file = TemplateFile {
        path: PathBuf::new(),
        source: source.into(),
    };
    let compiled = compile_parts("escaped", &file, Keep::All, &|_| false).ok()?;
    // Any execution escapes the templates first: one of no name runs nothing after that.
    let err = compiled
        .template
        .execute_template_to_string("__folio_nothing", &Value::Nil)
        .err()?;
    let gotmpl::TemplateError::Escape {
        line, description, ..
    } = &err
    else {
        return None;
    };
    // A `template` action naming no template: said where the template runs
    // (`Executable::missing_template`), not as the escaper's refusal of this one.
    if description.contains("no such template") {
        return None;
    }
    Some((
        (*line).max(1),
        1,
        format!(
            "html/template: {}: Hugo stops the whole build on it, even where no page calls it",
            rewrite::without_site_names(description)
        ),
    ))
}

impl Executable {
    /// Runs the template on `data`; an error is located in this file (at the call that
    /// failed, when one of Folio's functions failed).
    fn run(&self, data: &Value) -> Result<String, Problem> {
        FAILED_AT.set(None);
        self.template
            .execute_to_string(data)
            .map_err(|e| self.located(&e))
    }

    /// Runs one of the template's `define`s on `data` (an inline partial).
    fn run_define(&self, name: &str, data: &Value) -> Result<String, Problem> {
        FAILED_AT.set(None);
        self.template
            .execute_template_to_string(name, data)
            .map_err(|e| self.located(&e))
    }

    /// An execution error as a problem in this file: at `failed_at` (the offset of the
    /// call of Folio's that failed), else at the function or field the message names.
    fn locate(&self, e: &gotmpl::TemplateError, failed_at: Option<usize>) -> Problem {
        let message = rewrite::without_site_names(&e.to_string());
        let message = message.strip_prefix("template: ").unwrap_or(&message);
        let message = message
            .strip_prefix("execution error: ")
            .unwrap_or(message)
            .to_string();
        // The call the message names: `name: …` first, then the name as a word of its
        // own (`in` is not in "invalid").
        let named_word = |name: &str| names_word(&message, name);
        let at = self
            .calls
            .iter()
            .find(|c| message.contains(&format!("{}:", c.name)))
            .or_else(|| {
                self.calls.iter().find(|c| {
                    named_word(&c.name)
                        || (c.name == rewrite::PARENT && message.starts_with(".Parent is nil"))
                })
            });
        // A field of Hugo's objects that Folio could not give, or that Hugo's object does
        // not have, once the template reached it (`.Site.RegularPages`, `.Page.Titel`:
        // [`funcs::why_not`], Go's message): said with the function's name, at the
        // first expression naming it.
        let (message, function) = match message.find(funcs::CANNOT_RUN) {
            Some(start) => {
                let why = message.get(start..).unwrap_or_default().to_string();
                let name = why
                    .get(funcs::CANNOT_RUN.len()..)
                    .and_then(|r| r.split('`').next())
                    .map(str::to_string);
                (why, name)
            }
            None => {
                let lacked = lacked_method(&message);
                (message, lacked)
            }
        };
        let field = function.clone().or_else(|| {
            let (_, rest) = message.split_once("can't evaluate field ")?;
            rest.split(' ').next().map(|f| format!(".{f}"))
        });
        // The call of that very function first (`.GetPage`, not the `.Get` its name
        // starts with), then the field call whose expression names it (up to the end of
        // its action: `(.Page).Titel`).
        let exact = field
            .as_deref()
            .and_then(|name| self.calls.iter().find(|c| c.name == name));
        let named = field.as_deref().and_then(|name| {
            self.calls.iter().find(|c| {
                let expr = self.file.source.get(c.offset..).unwrap_or_default();
                let end = expr.find("}}").unwrap_or(expr.len());
                c.name == rewrite::FIELD && expr.get(..end).is_some_and(|e| e.contains(name))
            })
        });
        // Else the first expression in an action that names the field (a chain on a
        // function's result, `site.Params.x.y`, is no call of its own).
        let (line, col) = failed_at
            .or_else(|| exact.or(named).or(at).map(|c| c.offset))
            .or_else(|| field_named(&self.file.source, field.as_deref()?))
            .map_or((0, 0), |offset| {
                crate::text::line_col(&self.file.source, offset)
            });
        Problem {
            file: self.file.path.clone(),
            line,
            col,
            message,
            function,
        }
    }
}

impl Executable {
    /// An error of a run as a problem in this file ([`Executable::missing_template`], else
    /// [`Executable::locate`]).
    fn located(&self, e: &gotmpl::TemplateError) -> Problem {
        let failed_at = FAILED_AT.take();
        if let Some(problem) = self.missing_template(e) {
            return problem;
        }
        if let gotmpl::TemplateError::UndefinedVariable(name) = e {
            // Go refuses the template when it parses it, at the variable's first use out
            // of scope. Else Go has it declared, and the run lost it (a declaration in a
            // branch not taken, or `gotmpl`'s range `else`): at its first use, as Go's run
            // says it.
            let source = &self.file.source;
            use crate::templates::parse::{undefined_variable, variable_uses};
            let uses = variable_uses(source);
            let parsing = undefined_variable(&uses).filter(|u| u.name == *name);
            let (at, message) = match parsing {
                Some(u) => (Some(u.offset), format!("undefined variable \"{name}\"")),
                None => (
                    uses.iter().find(|u| u.name == *name).map(|u| u.offset),
                    format!("undefined variable: {name}"),
                ),
            };
            if let Some(at) = at {
                let (line, col) = crate::text::line_col(source, at);
                return Problem {
                    file: self.file.path.clone(),
                    line,
                    col,
                    message,
                    function: None,
                };
            }
        }
        let mut problem = self.locate(e, failed_at);
        // Go writes a constant it refuses as the template writes it (`0x10`, `` `x` ``).
        let refused = problem.message.starts_with(NOT_A_FUNCTION);
        if let Some(written) = failed_at
            .filter(|_| refused)
            .and_then(|at| literal_at(&self.file.source, at))
        {
            problem.message = format!("{NOT_A_FUNCTION}{written}");
        }
        problem
    }

    /// Whether the `template` action whose name starts at `at` runs as a call of what the
    /// site has outside the file ([`rewrite::partial_templates`]).
    fn runs_as_call(&self, at: usize) -> bool {
        self.calls.iter().any(|c| {
            c.offset == at
                && [rewrite::TEMPLATE, rewrite::TEMPLATE_ELSEWHERE].contains(&c.name.as_str())
        })
    }

    /// Go's escaper refusing a `template` action that names no template ("no such
    /// template \"x\"", with its line only; or, for a define of this file run by another
    /// file's action, `gotmpl` leaving out the define it could not escape): located at the
    /// name of the last such action in the file, which is the one Go names (checked: Hugo
    /// 0.168). An action naming what the site has outside the file (a partial, one of
    /// Hugo's own templates, another file's define: [`resolves`]) is not among them: it
    /// runs as a call ([`rewrite::partial_templates`], [`Executable::runs_as_call`]).
    fn missing_template(&self, e: &gotmpl::TemplateError) -> Option<Problem> {
        let source = &self.file.source;
        let defined = |name: &str| {
            ["define", "block"].iter().any(|k| {
                source.contains(&format!("{k} \"{name}\""))
                    || source.contains(&format!("{k} `{name}`"))
            })
        };
        match e {
            gotmpl::TemplateError::Escape { description, .. }
                if description.contains("no such template \"") => {}
            gotmpl::TemplateError::UndefinedTemplate(n) if defined(n) => {}
            _ => return None,
        }
        let (at, name) = template_actions(source)
            .filter(|&(at, name)| !defined(name) && !self.runs_as_call(at))
            .last()?;
        let (line, col) = crate::text::line_col(source, at);
        Some(Problem {
            file: self.file.path.clone(),
            line,
            col,
            message: format!("no such template \"{name}\""),
            function: None,
        })
    }
}

/// The constant that starts at `at` in a template's `source`, as written: a quoted text
/// (`"a\"b"`, `` `x` ``, `'a'`) up to its closing quote, else a word up to a blank, `}`,
/// `)` or `|` (`0x10`, `1e3`, `true`, `nil`).
fn literal_at(source: &str, at: usize) -> Option<&str> {
    let rest = source.get(at..)?;
    let end = match rest.chars().next()? {
        quote @ ('"' | '\'') => {
            let mut escaped = false;
            rest.char_indices().skip(1).find_map(|(i, c)| {
                let end = (c == quote && !escaped).then_some(i + 1);
                escaped = c == '\\' && !escaped;
                end
            })?
        }
        '`' => rest.get(1..)?.find('`')? + 2,
        _ => rest
            .find(|c: char| c.is_whitespace() || matches!(c, '}' | ')' | '|'))
            .unwrap_or(rest.len()),
    };
    rest.get(..end).filter(|w| !w.is_empty())
}

/// The `template` actions of `source`: the offset of each one's quoted name, and the name.
fn template_actions(source: &str) -> impl Iterator<Item = (usize, &str)> {
    source.match_indices("template").filter_map(move |(i, _)| {
        let before = source.get(..i)?.trim_end();
        let before = before.strip_suffix('-').unwrap_or(before);
        if !before.ends_with("{{") {
            return None;
        }
        let after = source.get(i + "template".len()..)?;
        let quoted = after.trim_start();
        let at = source.len() - quoted.len();
        let quote = quoted.chars().next().filter(|&q| q == '"' || q == '`')?;
        let name = quoted.get(1..)?.split(quote).next()?;
        (quoted.len() < after.len()).then_some((at, name))
    })
}

/// The offset of the first expression inside an action of `source` that names `field`
/// (`.sub`, not `.subtitle`): where it starts (`site` in `{{ site.Params.str.sub }}`).
fn field_named(source: &str, field: &str) -> Option<usize> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    source.match_indices(field).find_map(|(i, _)| {
        let after = source.get(i + field.len()..)?.chars().next();
        if after.is_some_and(word) {
            return None;
        }
        let before = source.get(..i)?;
        // Inside an action: its last `{{` comes after its last `}}`.
        let open = before.rfind("{{")?;
        if before.rfind("}}").is_some_and(|close| close > open) {
            return None;
        }
        let start = before
            .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '{' | '|'))
            .map_or(0, |j| j + 1);
        Some(start)
    })
}

/// Whether `message` holds `name` as a word of its own (not inside a longer name).
fn names_word(message: &str, name: &str) -> bool {
    message.match_indices(name).any(|(i, _)| {
        let word = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
        let before = message.get(..i).and_then(|b| b.chars().next_back());
        let after = message.get(i + name.len()..).and_then(|a| a.chars().next());
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

/// The method or function of Hugo's that Folio does not have, as [`funcs::why_not`]
/// names it (`.GitInfo` in "Folio does not have Hugo's method `.GitInfo`").
fn lacked_method(message: &str) -> Option<String> {
    let (_, rest) = message
        .split_once("Folio does not have Hugo's method `")
        .or_else(|| message.split_once("Folio does not have Hugo's function `"))?;
    rest.split('`').next().map(str::to_string)
}

/// Renders the shortcode `name` through the site's template with `context` as its dot.
/// Must run inside [`with_frame`].
///
/// # Errors
/// The template does not parse, calls what Folio cannot run, or fails (`errorf`
/// included): a [`Problem`] located in the template (or the partial) that failed.
pub fn render_shortcode(name: &str, context: &Value) -> Result<String, Problem> {
    let lang = current()
        .ok()
        .and_then(|f| f.page.field("Lang").map(values::to_string))
        .unwrap_or_default();
    run_file(context, |catalogue| {
        let file = catalogue
            .shortcode_file_in(name, &lang)
            .map_err(|(file, message)| Problem::unlocated(file, message))?
            .ok_or_else(|| {
                Problem::unlocated(
                    format!("layouts/shortcodes/{name}.html"),
                    format!("the site has no template for the shortcode {name}"),
                )
            })?;
        // Each language's variant is its own template.
        let key = match crate::templates::language_of(&file.path) {
            Some(lang) => format!("shortcodes/{name}.{lang}"),
            None => format!("shortcodes/{name}"),
        };
        Ok((key, file))
    })
}

/// Renders the site's render hook `render-NAME.html` (`link`, `image`, `heading`) with
/// `context` as its dot (Hugo's hook context). Must run inside [`with_frame`].
///
/// # Errors
/// As [`render_shortcode`]'s, and the site having no such hook.
pub fn render_hook(name: &str, context: &Value) -> Result<String, Problem> {
    /// Lets the flag down once the hook has run, whatever happens meanwhile.
    struct Ran(bool);
    impl Drop for Ran {
        fn drop(&mut self) {
            IN_CODE_BLOCK_HOOK.set(self.0);
        }
    }
    let _ran = Ran(IN_CODE_BLOCK_HOOK.replace(name.starts_with("codeblock")));
    run_file(context, |catalogue| {
        let file = catalogue.render_hook(name).ok_or_else(|| {
            Problem::unlocated(
                format!("layouts/_markup/render-{name}.html"),
                format!("the site has no render hook for {name}"),
            )
        })?;
        Ok((format!("_markup/render-{name}"), file))
    })
}

/// Runs the template `find` picks from the frame's catalogue (its compile key and file)
/// with `context` as its dot.
fn run_file(
    context: &Value,
    find: impl for<'c> FnOnce(&'c Catalogue) -> Result<(String, &'c TemplateFile), Problem>,
) -> Result<String, Problem> {
    let frame = current().map_err(|e| Problem::unlocated(PathBuf::new(), e.to_string()))?;
    let (key, file) = find(&frame.catalogue)?;
    let entry = frame.compiled().get(&key, file, &frame.catalogue);
    run_entry(&frame, context, file, entry)
}

/// Renders an inline shortcode (`{{< name.inline >}}TEMPLATE{{< /name.inline >}}`, which
/// Hugo runs with `enableInlineShortcodes`): `file` holds the template (the call's body,
/// named by the page's path), run with `context` as its dot; compiled each time, as the
/// page's text is what is being edited. Must run inside [`with_frame`].
///
/// # Errors
/// As [`render_shortcode`]'s, located in the template's text.
pub fn render_inline(file: &TemplateFile, context: &Value) -> Result<String, Problem> {
    let frame = current().map_err(|e| Problem::unlocated(PathBuf::new(), e.to_string()))?;
    // An inline shortcode's template sees its own defines only (Hugo 0.168: `template
    // "foo" not defined`, where a partial defines `foo`).
    let entry = Arc::new(compile_parts("inline", file, Keep::All, &|_| false));
    run_entry(&frame, context, file, entry)
}

/// Runs a compiled template file with `context` as its dot, in `frame`.
fn run_entry(
    frame: &Frame,
    context: &Value,
    file: &TemplateFile,
    entry: Entry,
) -> Result<String, Problem> {
    // A hook can render Markdown that calls it again (`.Text | markdownify` in a heading
    // hook): nesting is bounded as partials' is.
    if frame.depth.get() >= MAX_NESTING {
        return Err(Problem::unlocated(
            file.path.clone(),
            format!("templates nest more than {MAX_NESTING} deep"),
        ));
    }
    let exe = entry.as_ref().as_ref().map_err(Clone::clone)?;
    frame.failure.borrow_mut().take();
    frame.returned.borrow_mut().take();
    frame.depth.set(frame.depth.get() + 1);
    frame.running.borrow_mut().push(entry.clone());
    let out = exe.run(context);
    frame.running.borrow_mut().pop();
    frame.depth.set(frame.depth.get() - 1);
    out.map_err(|outer| frame.failure.borrow_mut().take().unwrap_or(outer))
}

/// How deep partials and render hooks may nest (a recursive partial, a heading hook that
/// renders its own text).
const MAX_NESTING: usize = 64;

/// The most partial calls one page render makes (a recursive partial that branches would
/// otherwise run for ever within the depth limit).
pub const MAX_PARTIAL_CALLS: usize = 10_000;

/// Hugo's `partial NAME [CONTEXT]`: the partial's output as trusted HTML, or the value
/// it `return`s.
pub(crate) fn partial(name: &str, context: &Value) -> gotmpl::Result<Value> {
    let frame = current()?;
    within_budget(&frame, "partial", name)?;
    let (entry, define) = match frame.catalogue.partial_file(name) {
        Some(file) => (
            frame
                .compiled()
                .get(&format!("partials/{name}"), file, &frame.catalogue),
            None,
        ),
        None => inline_partial(&frame, name)
            .or_else(|| layout_partial(&frame, name))
            .map(|(entry, define)| (entry, Some(define)))
            .ok_or_else(|| match embedded_partial(name) {
                true => exec_error(format!(
                    "Folio does not have Hugo's embedded partial `{name}`"
                )),
                false => exec_error(format!("partial \"{name}\" not found")),
            })?,
    };
    include(&frame, &entry, define.as_deref(), context, false)
}

/// Whether `name` (`opengraph.html`, `opengraph`) is one of the partials Hugo embeds
/// ([`crate::templates::EMBEDDED_TEMPLATES`]), which `partial` runs and which `template`
/// runs as `_internal/NAME`.
fn embedded_partial(name: &str) -> bool {
    let with_suffix = if name.contains('.') {
        name.to_string()
    } else {
        format!("{name}.html")
    };
    let path = format!("_partials/{with_suffix}");
    crate::templates::EMBEDDED_TEMPLATES.contains(&path.as_str())
}

/// Whether a `template` action naming `name`, which its file does not define, runs
/// something ([`run_template`]): a partial file Hugo's template namespace holds under
/// `name` (`partials/x.html`, `_partials/x.html`:
/// [`crate::templates::Catalogue::partial_template`]) or an inline partial of that name,
/// one of Hugo's embedded templates (`_internal/opengraph.html`), or a template a
/// partial, shortcode or render hook defines
/// ([`crate::templates::Catalogue::defined_template`]).
fn resolves(catalogue: &Catalogue, name: &str) -> bool {
    if rewrite::runs_a_partial(name) {
        catalogue.partial_template(name).is_some()
            || catalogue.defined_partial(name).is_some()
            || embedded_template(name)
    } else {
        catalogue.defined_template(name).is_some()
    }
}

/// Whether `name` is one of Hugo's embedded templates as a `template` action names it:
/// `_internal/NAME` for an embedded partial or (`_internal/shortcodes/NAME`) shortcode, or
/// the partial's own `_partials/NAME` ([`crate::templates::EMBEDDED_TEMPLATES`]).
fn embedded_template(name: &str) -> bool {
    let embedded = |path: &str| crate::templates::EMBEDDED_TEMPLATES.contains(&path);
    match name.strip_prefix("_internal/") {
        Some(rest) => {
            embedded(&format!("_partials/{rest}"))
                || rest
                    .strip_prefix("shortcodes/")
                    .is_some_and(|r| embedded(&format!("_shortcodes/{r}")))
        }
        None => name.starts_with("_partials/") && embedded(name),
    }
}

/// Runs what a `template` action names outside its file ([`rewrite::TEMPLATE`], which
/// [`resolves`] found when the file was compiled), with `context` as its dot.
///
/// # Errors
/// That Folio does not have one of Hugo's embedded templates; that a partial run this way
/// `return`ed a value (Hugo: only a partial may); the template's own errors.
pub(crate) fn run_template(name: &str, context: &Value) -> gotmpl::Result<Value> {
    let frame = current()?;
    within_budget(&frame, "template", name)?;
    let catalogue = &frame.catalogue;
    // Keyed by what is compiled of which file: a file's defines once for all their names,
    // a layout's inline partials as `layout_partial` keys them.
    let (kind, file, keep, define) = if !rewrite::runs_a_partial(name) {
        let file = catalogue.defined_template(name);
        ("defines", file, Keep::Defines, Some(name))
    } else if let Some(file) = catalogue.partial_template(name) {
        ("partials", Some(file), Keep::All, None)
    } else {
        let file = catalogue.defined_partial(name);
        ("inline", file, Keep::PartialDefines, Some(name))
    };
    let Some(file) = file else {
        return Err(exec_error(format!(
            "Folio does not have Hugo's embedded template `{name}`"
        )));
    };
    let key = format!("{kind}/{}", file.path.display());
    let entry = frame.compiled().get_with(&key, file, keep, catalogue);
    include(&frame, &entry, define, context, true)
}

/// Counts a call of a partial or template (`kind`) `name` against the page's budget of
/// partial calls ([`MAX_PARTIAL_CALLS`]) and nesting ([`MAX_NESTING`]): an error past
/// either.
fn within_budget(frame: &Frame, kind: &str, name: &str) -> gotmpl::Result<()> {
    frame.partial_calls.set(frame.partial_calls.get() + 1);
    if frame.partial_calls.get() > MAX_PARTIAL_CALLS {
        return Err(exec_error(format!(
            "{kind} \"{name}\": more than {MAX_PARTIAL_CALLS} partial calls in one page"
        )));
    }
    if frame.depth.get() >= MAX_NESTING {
        return Err(exec_error(format!(
            "{kind} \"{name}\": calls nest more than {MAX_NESTING} deep"
        )));
    }
    Ok(())
}

/// Runs a partial's compiled file (or its `define`): its output as trusted HTML, or the
/// value it `return`s; for a `template` action (`as_template`), a value `return`ed is an
/// error, as in Hugo.
fn include(
    frame: &Frame,
    entry: &Entry,
    define: Option<&str>,
    context: &Value,
    as_template: bool,
) -> gotmpl::Result<Value> {
    let exe = match entry.as_ref() {
        Ok(exe) => exe,
        Err(p) => {
            frame.failure.borrow_mut().get_or_insert_with(|| p.clone());
            return Err(exec_error(p.to_string()));
        }
    };
    frame.depth.set(frame.depth.get() + 1);
    frame.running.borrow_mut().push(entry.clone());
    let out = match define {
        Some(define) => exe.run_define(define, context),
        None => exe.run(context),
    };
    frame.running.borrow_mut().pop();
    frame.depth.set(frame.depth.get() - 1);
    let returned = frame.returned.borrow_mut().take();
    match (out, returned) {
        (_, Some(_)) if as_template => Err(exec_error(
            "return with a value is only supported in partials",
        )),
        (_, Some(value)) => Ok(value),
        (Ok(html), None) => Ok(values::html(html)),
        (Err(p), None) => {
            let message = p.to_string();
            frame.failure.borrow_mut().get_or_insert(p);
            Err(exec_error(message))
        }
    }
}

/// Whether a `define` makes a partial (`partials/x.html`, `_partials/x.html`).
pub fn is_partial_define(name: &str) -> bool {
    name.starts_with("partials/") || name.starts_with("_partials/")
}

/// A partial `define`d in one of the site's layouts (`layouts/_default/single.html`, say):
/// Hugo knows every template's defines everywhere.
fn layout_partial(frame: &Frame, name: &str) -> Option<(Entry, String)> {
    let (define, file) = [
        format!("partials/{name}"),
        format!("partials/{name}.html"),
        format!("_partials/{name}"),
        format!("_partials/{name}.html"),
    ]
    .into_iter()
    .find_map(|d| Some((d.clone(), frame.catalogue.defined_partial(&d)?)))?;
    let key = format!("inline/{}", file.path.display());
    let entry = frame
        .compiled()
        .get_with(&key, file, Keep::PartialDefines, &frame.catalogue);
    Some((entry, define))
}

/// A partial `define`d in a template that is running (`{{ define "partials/x.html" }}`,
/// which Hugo lets `partial "x.html"` call): the template and the define's name.
fn inline_partial(frame: &Frame, name: &str) -> Option<(Entry, String)> {
    let candidates = [
        format!("partials/{name}"),
        format!("partials/{name}.html"),
        format!("_partials/{name}"),
        format!("_partials/{name}.html"),
    ];
    frame.running.borrow().iter().rev().find_map(|entry| {
        let exe = entry.as_ref().as_ref().ok()?;
        let define = candidates
            .iter()
            .find(|c| exe.template.lookup(c).is_some())?;
        Some((entry.clone(), define.clone()))
    })
}

/// `partialCached NAME CONTEXT [VARIANT…]`: one render per name and variant per page.
pub(crate) fn partial_cached(
    name: &str,
    context: &Value,
    variants: &[Value],
) -> gotmpl::Result<Value> {
    let frame = current()?;
    frame.order_dependent.set(true);
    let key = std::iter::once(name.to_string())
        .chain(variants.iter().map(values::to_string))
        .collect::<Vec<_>>()
        .join("\u{1f}");
    if let Some(v) = frame.partial_cache.borrow().get(&key) {
        return Ok(v.clone());
    }
    let v = partial(name, context)?;
    frame.partial_cache.borrow_mut().insert(key, v.clone());
    Ok(v)
}

/// Hugo's `return` in a partial: the value the partial gives back.
pub(crate) fn give_back(value: Value) -> gotmpl::Result<Value> {
    let frame = current()?;
    *frame.returned.borrow_mut() = Some(value);
    Err(exec_error("return"))
}

/// Reads and writes a scratch (`.Scratch`, `.Store`, `newScratch`).
pub(crate) fn with_scratch<R>(
    receiver: &Value,
    f: impl FnOnce(&mut BTreeMap<Arc<str>, Value>) -> R,
) -> gotmpl::Result<R> {
    let frame = current()?;
    let id = receiver
        .field("__folio_id")
        .and_then(Value::as_int)
        .unwrap_or(0);
    // The page's scratch, a re-parsed call's (its id is `depth << 32` on), and the site's
    // and the build's stores.
    if id == 0 || id >= 1 << 32 {
        frame.order_dependent.set(true);
    }
    let mut all = frame.scratch.borrow_mut();
    Ok(f(all.entry(id).or_default()))
}

/// The current frame, for the functions.
pub fn frame() -> gotmpl::Result<Rc<Frame>> {
    current()
}

/// The zone a date without an offset is read in: the render's ([`Frame::time_zone`], the
/// site's `timeZone`), UTC outside a render.
pub fn time_zone() -> jiff::tz::TimeZone {
    frame().map_or(jiff::tz::TimeZone::UTC, |f| f.time_zone.clone())
}

thread_local! {
    /// Whether a code block render hook is running ([`render_hook`]).
    static IN_CODE_BLOCK_HOOK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the template running is a code block's render hook (`render-codeblock*`),
/// whose code is a fence of the page: what Hugo does with it is said of the fence.
pub(crate) fn in_code_block_hook() -> bool {
    IN_CODE_BLOCK_HOOK.get()
}

/// Notes that a template highlighted code of language `lang` (`transform.Highlight`),
/// which the call's findings carry to `folio check` ([`crate::render::Surprise`]).
pub(crate) fn highlighted(lang: &str) -> gotmpl::Result<()> {
    current()?.highlighted.borrow_mut().push(lang.to_string());
    Ok(())
}

/// Records a warning for the call being rendered, worded for the user (a `warnf`
/// message, or what Folio writes differently from Hugo without failing).
pub(crate) fn warn(message: String) -> gotmpl::Result<()> {
    current()?.warnings.borrow_mut().push(message);
    Ok(())
}
