//! Hugo's objects as template values: `.Site` (`hugolib/site.go`), `.Page`
//! (`resources/page`), and a shortcode's context (`ShortcodeWithPage`,
//! `hugolib/shortcode.go`), with the fields shortcode templates read.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, LazyLock};

use gotmpl::Value;
use serde_json::{Map, Value as Json};

use super::time::Moment;
use super::values::{self, from_json, map, params_from_json, string, KIND};
use super::Frame;
use crate::text;

/// The fields and methods of Hugo's pages: `page.Page` and the interfaces it embeds
/// (`resources/page/page.go`), with `String`, and the exported methods of the type
/// behind it (`hugolib/page*.go`: `.Key`, `.PagesRecursive`, `.Unwrapv`), which a page
/// reached through `.Parent`, `.CurrentSection` or `site.Home` has. For any other name,
/// Hugo 0.168 stops with "can't evaluate field X in type page.Page" (checked). A
/// shortcode's `.Page` is the interface alone (`.Page.Key` stops Hugo too), which Folio
/// does not tell apart: it shows its card there, saying it does not have the method.
pub const HUGO_PAGE: &str = "\
    Aliases AllTranslations AlternativeOutputFormats Ancestors ApplyFilterToHeadings \
    BundleType CodeOwners Content ContentWithoutSummary CurrentSection Data Date \
    Description Draft Eq ExpiryDate File FirstSection ForEeachIdentity Fragments \
    FuzzyWordCount GetDependencyManager GetDependencyManagerForScope \
    GetDependencyManagerForScopesAll GetIdentity GetInternalTemplateBasePathAndDescriptor \
    GetPage GetTerms GitInfo Group HasMenuCurrent HasShortcode HeadingsFiltered \
    IdentifierBase InSection IsAncestor IsBranch IsDescendant IsHome IsMenuCurrent IsNode \
    IsPage IsSection IsTranslated Key Keywords Kind Lang Language Lastmod Layout Len \
    LinkTitle Markup MarshalJSON MediaType Menus Name Next NextInSection OutputFormats \
    Page Pages PagesRecursive Paginate Paginator Param Params Parent ParseAndRenderContent \
    ParseContent Path PathInfo Permalink Plain PlainWords Prev PrevInSection PublishDate \
    RawContent ReadingTime Ref RefFrom RegularPages RegularPagesRecursive RelPermalink \
    RelRef RelRefFrom RelatedKeywords Render RenderContent RenderShortcodes RenderString \
    Reset ResourceType Resources Scratch Section Sections SectionsEntries SectionsPath \
    Site SiteVector Sitemap Sites Slice Slug Store String Summary TableOfContents Title \
    TranslationKey Translations Truncated Type Unwrapv Weight WordCount";

/// The fields and methods of Hugo's site: the interface `page.Site`
/// (`resources/page/site.go`) and `.Key`. Any other name stops Hugo 0.168 with "can't
/// evaluate field X in type page.Site" (`*page.siteWrapper` through `site`): `.Site.Lang`,
/// `.Site.IsServer`, `.Site.IsMultiLingual` and `.Site.Author` among them (checked, each
/// name of the type behind the interface).
pub const HUGO_SITE: &str = "\
    AllPages BaseURL BuildDrafts CheckReady Config Copyright Current Data Dimension \
    GetPage Home Hugo IsDefault Key Language LanguageCode LanguagePrefix Languages Lastmod \
    MainSections Menus Pages Param Params RegularPages Role Sections ServerPort Sites \
    Store String Taxonomies Title Version";

/// The methods of a page's file, Hugo 0.168's `*source.File` (`source/fileInfo.go`): any
/// other name stops Hugo with "can't evaluate field X in type *source.File" (hunt AP, 3).
/// `Lang` is one, removed: it stops Hugo in words of its own ([`FILE_LANG_REMOVED`]).
pub const HUGO_FILE: &str = "\
    BaseFileName ContentBaseName Dir Ext FileInfo Filename IsContentAdapter IsZero Lang \
    LogicalName Open Path Section String TranslationBaseName UniqueID";

/// Hugo 0.168's error for `.File.Lang` (`hugo.DeprecateLevelMin` at the error level).
pub const FILE_LANG_REMOVED: &str = "deprecated: .File.Lang was deprecated in Hugo v0.149.0 \
    and subsequently removed. Use e.g. Page.Site.Language.Lang";

/// The fields and methods of a shortcode's context, `*hugolib.ShortcodeWithPage`
/// (`hugolib/shortcode.go`): any other name stops Hugo 0.168 with "can't evaluate field X
/// in type *hugolib.ShortcodeWithPage".
pub const HUGO_SHORTCODE: &str = "\
    Get Inner InnerDeindent IsNamedParams Name Ordinal Page Params Parent Position Ref \
    RelRef Scratch Site Store Unwrapv";

/// The sorts of Hugo's `page.Pages` without arguments (`resources/page/pages_sort.go`),
/// each giving `page.Pages`; with `Len`, its methods without arguments
/// ([`is_pages_method`]).
pub const PAGES_SORTS: &[&str] = &[
    "ByDate",
    "ByExpiryDate",
    "ByLanguage",
    "ByLastmod",
    "ByLength",
    "ByLinkTitle",
    "ByPublishDate",
    "ByTitle",
    "ByWeight",
    "Reverse",
];

/// Whether `name` is a method of Hugo's `page.Pages` without arguments: `Len` or one of
/// [`PAGES_SORTS`].
pub fn is_pages_method(name: &str) -> bool {
    name == "Len" || PAGES_SORTS.contains(&name)
}

/// The one empty list that stands for an empty `page.Pages` (a regular page's `.Pages`),
/// known by its identity ([`is_page_list`]) wherever the template puts it.
static NO_PAGES: LazyLock<Arc<[Value]>> = LazyLock::new(|| Arc::from(Vec::new()));

/// The other lists of pages Folio made (a page's `.Translations`), known by their identity
/// while they live; a dead one's entry goes when the next is made.
static PAGE_LISTS: std::sync::Mutex<Vec<std::sync::Weak<[Value]>>> =
    std::sync::Mutex::new(Vec::new());

/// An empty list of pages, which keeps `page.Pages`' methods when a template stores it
/// (`$x := .Pages`, then `$x.ByWeight`), where a template's own empty `slice` has none.
pub fn no_pages() -> Value {
    Value::List(NO_PAGES.clone())
}

/// A regular page's `.Data`: an empty map, known by identity ([`is_no_data`]), whose
/// `.Pages` is none, as Hugo's `page.Data` has that method (`len .Data.Pages` is 0).
pub fn no_data() -> Value {
    static NO_DATA: LazyLock<Arc<BTreeMap<Arc<str>, Value>>> = LazyLock::new(Arc::default);
    Value::Map(NO_DATA.clone())
}

/// Whether `value` is [`no_data`].
pub fn is_no_data(value: &Value) -> bool {
    matches!((value, no_data()), (Value::Map(a), Value::Map(b)) if Arc::ptr_eq(a, &b))
}

/// `pages` as a `page.Pages` ([`is_page_list`]): Hugo's lists of pages have its methods
/// and print as `Pages(2)`, where a template's `slice` of pages is a plain slice
/// (`[]*hugolib.pageState`, checked with Hugo 0.168).
pub fn page_list(pages: Vec<Value>) -> Value {
    if pages.is_empty() {
        return no_pages();
    }
    let list: Arc<[Value]> = pages.into();
    let mut known = PAGE_LISTS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    known.retain(|w| w.strong_count() > 0);
    known.push(Arc::downgrade(&list));
    Value::List(list)
}

/// Whether `value` is a list of pages, which has `page.Pages`' methods: [`no_pages`] or
/// one [`page_list`] made, wherever the template put it.
pub fn is_page_list(value: &Value) -> bool {
    let Value::List(list) = value else {
        return false;
    };
    if Arc::ptr_eq(list, &NO_PAGES) {
        return true;
    }
    !list.is_empty()
        && PAGE_LISTS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .any(|w| std::ptr::addr_eq(w.as_ptr(), Arc::as_ptr(list)))
}

/// A collection function's result `out` from `args`, of which the one at `from` is the
/// collection the result is made of: the result is a list of pages when that one is one,
/// as Hugo's `where`, `first`, `after`, `sort`… give a result of their collection's own
/// type (a `page.Pages` of a `page.Pages`, a plain slice of a plain one).
pub fn keep_pages(args: &[Value], from: usize, out: Value) -> Value {
    match out {
        Value::List(l) if args.get(from).is_some_and(is_page_list) => page_list(l.to_vec()),
        out => out,
    }
}

/// The key marking a home or section page with no date in its front matter: Hugo gives
/// it the newest date of its pages (`hugolib/content_map_page.go`, the branch's dates from
/// its descendants'), which Folio, reading no other page's, does not; a template reading
/// its `.Date`, `.Lastmod` or `.PublishDate` is told so (`funcs::context`, `hugo_field`).
pub const DATELESS_BRANCH: &str = "__folio_dateless_branch";

/// The key of a render hook's context (a map of kind `hook`) that holds the Go type Hugo
/// names it by (`goldmark.headingContext`), for the error of a name it does not have.
pub const HOOK_TYPE: &str = "__folio_hook_type";

/// The key marking a page as another page of the site ([`another_page`]).
pub const OTHER_PAGE: &str = "__folio_other_page";

/// `page` as another page of the site (`.GetPage`'s): without what only rendering it gives
/// (its counts; `.Content`, `.Summary` and the rest are not in any page Folio builds),
/// nor the scratch pad or the files of the page being rendered, so that reading them
/// shows Folio's card.
pub fn another_page(page: Value) -> Value {
    let Value::Map(mut fields) = page else {
        return page;
    };
    let own = Arc::make_mut(&mut fields);
    for name in [
        "WordCount",
        "FuzzyWordCount",
        "ReadingTime",
        "Truncated",
        "Scratch",
        "Store",
        "Resources",
    ] {
        own.remove(name);
    }
    own.insert(Arc::from(OTHER_PAGE), Value::Bool(true));
    Value::Map(fields)
}

/// The fields and methods of Hugo's `hugo` (`page.HugoInfo`, `resources/page/hugoinfo.go`,
/// with its embedded provider's `Sites` and `Data`, since 0.156).
const HUGO_INFO: &[&str] = &[
    "Version",
    "Generator",
    "Environment",
    "IsDevelopment",
    "IsProduction",
    "IsServer",
    "IsExtended",
    "WorkingDir",
    "Deps",
    "Store",
    "IsMultihost",
    "IsMultilingual",
    "CommitHash",
    "BuildDate",
    "GoVersion",
    "Context",
    "Data",
    "Sites",
];

/// One of Hugo's types: its Go name, as Hugo's messages give it (`page.Page`), and
/// whether it has a field or method of a name.
pub type HugoType = (&'static str, fn(&str) -> bool);

type Names = LazyLock<BTreeSet<&'static str>>;
static PAGE_NAMES: Names = LazyLock::new(|| HUGO_PAGE.split_ascii_whitespace().collect());
static SITE_NAMES: Names = LazyLock::new(|| HUGO_SITE.split_ascii_whitespace().collect());
static SHORTCODE_NAMES: Names = LazyLock::new(|| HUGO_SHORTCODE.split_ascii_whitespace().collect());

/// Hugo's types that [`hugo_type`] tells: a page, the build's info, a shortcode's context
/// and the site.
pub const HUGO_TYPES: [HugoType; 4] = [
    ("page.Page", |n| PAGE_NAMES.contains(n)),
    ("page.HugoInfo", |n| HUGO_INFO.contains(&n)),
    ("*hugolib.ShortcodeWithPage", |n| {
        SHORTCODE_NAMES.contains(n)
    }),
    ("page.Site", |n| SITE_NAMES.contains(n)),
];

/// Which of Hugo's objects `value` is, when it is one Folio builds: one of [`HUGO_TYPES`].
pub fn hugo_type(value: &Value) -> Option<HugoType> {
    let [page, hugo, shortcode, site] = HUGO_TYPES;
    match values::kind_of(value) {
        Some("page") => Some(page),
        Some("hugo") => Some(hugo),
        Some("shortcode") => Some(shortcode),
        // The site is the map whose `.Store` is the site's (a `dict` of the same keys is
        // not).
        _ if value
            .field("Store")
            .and_then(|s| s.field("__folio_id"))
            .is_some_and(|id| *id == Value::Int(super::SITE_STORE)) =>
        {
            Some(site)
        }
        _ => None,
    }
}

/// What the templates see of the site and of where the page is: built by the site layer
/// (`OpenPage::hugo_context`) from the config, `data/` and `i18n/`.
#[derive(Debug, Clone)]
pub struct HugoContext {
    /// `.Site`.
    pub site: Value,
    /// The page language's translations.
    pub translations: Arc<Map<String, Json>>,
    /// The page's `.RelPermalink` (`/about/`).
    pub rel_permalink: String,
    /// The page file as `.Position` names it (shared by every call's `.Position`).
    pub file: Arc<str>,
    /// The page's language code.
    pub lang: String,
    /// Where the page's resources are (`assets/`, its bundle).
    pub resources: super::resources::ResourceDirs,
    /// Spellings the site's templates use for param keys (shared with each render's
    /// frame: [`super::Frame::aliases`]).
    pub aliases: Arc<BTreeMap<String, Vec<String>>>,
    /// Finds the page a `ref`/`relref` reference names; `None` outside a site.
    pub refs: Option<Refs>,
    /// Finds the page `.GetPage` names; `None` outside a site.
    pub pages: Option<PageFinder>,
    /// The zone front matter dates without an offset are in (the site's `timeZone`; UTC
    /// when unset).
    pub time_zone: jiff::tz::TimeZone,
    /// How `title` capitalises (the site's `titleCaseStyle`).
    pub title_case: super::funcs::TitleCase,
    /// How `urlize` makes a path (`removePathAccents`, `disablePathToLower`).
    pub path_style: super::funcs::PathStyle,
    /// The ids of the warnings and errors the site silences, in lower case
    /// ([`crate::Site::ignored_logs`]).
    pub ignored_logs: Arc<[String]>,
    /// The site runs inline shortcodes (`enableInlineShortcodes`).
    pub inline_shortcodes: bool,
    /// Where the page's root-relative URLs point once it is rendered (`canonifyURLs`: the
    /// base URL; `relativeURLs`: `../../`): [`crate::render::abs_urls`]. `None` when the
    /// site sets neither.
    pub abs_url_path: Option<String>,
    /// The site sets `canonifyURLs`: `relURL` gives a path from the host's root without
    /// the base URL's path, which the canonifying puts back (Hugo's `GetBasePath`,
    /// `hugolib/paths/paths.go`).
    pub canonify_urls: bool,
    /// The page file's path in its content folder, `/`-separated (`about/index.fr.md`);
    /// empty for a page outside a site (it has no `.File`).
    pub content_path: String,
    /// The page in the site's other languages, each with its language's weight and its
    /// `.Page` (Hugo's `.Translations`); empty when none, or when no template reads them.
    pub page_translations: Vec<(i64, Value)>,
    /// The sections the page is in, from the home page down to its nearest one (for a
    /// section's page, the sections above it), each with its `.Parent`; what
    /// `.CurrentSection`, `.FirstSection` and `.Parent` give. Empty for the home page,
    /// and when no template reads them.
    pub sections: Vec<Value>,
    /// What the `cascade`s above the page hand down to it (its own front matter wins):
    /// `crate::site::cascade`.
    pub cascade: Map<String, Json>,
    /// Where the page's TOML front matter has a date-time, each a path of keys
    /// (`["event", "start"]`): Hugo's `.Params` holds a `time.Time` there when it has an
    /// offset, else go-toml's local date, time or date-time, where a YAML date is text
    /// (checked with Hugo 0.168).
    pub front_datetimes: Vec<Vec<String>>,
    /// The front matter's format, whose decoder types the numbers of Hugo's `.Params`
    /// ([`crate::formats::hugo_numbers`]: JSON's each a float64, `12345678901` printing
    /// `1.2345678901e+10`; YAML's whole numbers uint64s; checked with Hugo 0.168).
    pub front_format: Option<crate::formats::Format>,
    /// The site's `enableGitInfo` ([`SiteFields::git_info`]).
    pub git_info: bool,
    /// The environment variables `getenv` may read: Hugo's `security.funcs.getenv`, each
    /// a regular expression a name must match (Hugo's default: `^HUGO_`, `^CI$`).
    pub getenv: Arc<[String]>,
}

/// Hugo's default `security.funcs.getenv` (`config/security/securityConfig.go`).
pub const GETENV_DEFAULT: [&str; 2] = ["^HUGO_", "^CI$"];

/// Finds the page a reference (`blog/post.md#part`) names from this page: its URL path
/// without the base URL's path (`/blog/post/#part`), or Hugo's message for why none.
#[derive(Clone)]
pub struct Refs(pub Arc<RefFn>);

/// What [`Refs`] holds: (reference, the language it is looked up in when not the page's:
/// `ref`'s `lang`) → URL path, or Hugo's message.
pub type RefFn = dyn Fn(&str, Option<&str>) -> Result<String, String> + Send + Sync;

/// Hugo's `.GetPage` (`hugolib/pagecollections.go`, `getPage`): the page a path names
/// (`/blog/post`, `post.md`, a section's `blog`), read from the page (`true`: a path
/// relative to its folder first) or from the site; `Ok(None)` for no page, as Hugo
/// gives nil. The page is another page's `.Page` without what only rendering it gives
/// (`.Content`, `.Summary`, `.WordCount`…), which then shows Folio's card.
#[derive(Clone)]
pub struct PageFinder(pub Arc<PageFn>);

/// What [`PageFinder`] holds: (path, from the page) → the page, or Hugo's message.
pub type PageFn = dyn Fn(&str, bool) -> Result<Option<Value>, String> + Send + Sync;

impl std::fmt::Debug for PageFinder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageFinder")
    }
}

impl std::fmt::Debug for Refs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Refs")
    }
}

impl HugoContext {
    /// Hugo's `relref`: the URL of the page `reference` names, from the site's root
    /// (with the base URL's path: `/docs/blog/post/`).
    ///
    /// # Errors
    /// Hugo's `REF_NOT_FOUND` message, when no page (or several) has that name.
    pub fn relref(&self, reference: &RefArgs) -> Result<String, String> {
        ref_url(
            self.refs.as_ref(),
            &super::values::base_url(&self.site),
            reference,
            false,
        )
    }

    /// Hugo's `ref`: as [`HugoContext::relref`], with the base URL's origin
    /// (`https://example.org/docs/blog/post/`).
    ///
    /// # Errors
    /// As [`HugoContext::relref`].
    pub fn absref(&self, reference: &RefArgs) -> Result<String, String> {
        ref_url(
            self.refs.as_ref(),
            &super::values::base_url(&self.site),
            reference,
            true,
        )
    }
}

/// What `ref` and `relref` are given (Hugo's `refArgs`, `resources/page/page_paths.go`
/// and `hugolib/page__ref.go`): the reference, the language to look it up in (`lang`;
/// `None` or empty: the page's), and the output format to link (`outputFormat`; `None`,
/// empty or `html` in any case: the page's HTML).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RefArgs {
    /// The reference (`blog/post.md#part`).
    pub path: String,
    /// `lang`.
    pub lang: Option<String>,
    /// `outputFormat`.
    pub output_format: Option<String>,
}

impl RefArgs {
    /// A reference alone.
    pub fn path(path: impl Into<String>) -> RefArgs {
        RefArgs {
            path: path.into(),
            ..RefArgs::default()
        }
    }

    /// What Folio says of an `outputFormat` other than HTML: [`ref_url`] links the page's
    /// HTML, as another format's URL (a page's JSON, a section's feed) needs the formats
    /// each kind of page has (`outputs`), which Folio does not read.
    /// `name` is the function's (`relref`).
    pub fn unfollowed_format(&self, name: &str) -> Option<String> {
        let format = self
            .output_format
            .as_deref()
            .filter(|f| !f.is_empty() && !f.eq_ignore_ascii_case("html"))?;
        Some(format!(
            "{name} with outputFormat \"{format}\": Hugo links the page's {format} output \
             (nothing when the page has none); Folio links its HTML"
        ))
    }
}

/// The URL of the page `reference` names (`refs` finds it) in a site at `base_url`: from
/// the site's root with the base URL's path, and its origin when `absolute` (Hugo's `ref`
/// and `relref`, shortcodes and functions alike). Nothing for an empty reference, and a
/// fragment alone as it is, as Hugo gives them.
///
/// # Errors
/// Hugo's `REF_NOT_FOUND` message, when no page (or several) has that name, or the page
/// is not in a site (`refs` is `None`).
pub fn ref_url(
    refs: Option<&Refs>,
    base_url: &str,
    args: &RefArgs,
    absolute: bool,
) -> Result<String, String> {
    let reference = args.path.as_str();
    // Hugo reads only the reference's path and fragment (`refLink`: `url.Parse`, then
    // `.Path` and `.Fragment`): a scheme and host, a query, or a `mailto:`'s address are
    // dropped, so `https://gohugo.io#x` is `#x`.
    let (path, fragment) = path_and_fragment(reference);
    let fragment = fragment.map_or(String::new(), |f| format!("#{f}"));
    // A reference with no path (`""`, `#frag`, `?q`) gives its fragment as it is.
    if path.is_empty() {
        return Ok(fragment);
    }
    let reference = format!("{path}{fragment}");
    let reference = reference.as_str();
    let refs = refs.ok_or_else(|| format!("Ref \"{reference}\": the page is not in a site"))?;
    let path = (refs.0)(reference, args.lang.as_deref().filter(|l| !l.is_empty()))?;
    // A page Hugo writes no file for has no URL: its fragment alone, if any.
    if path.is_empty() || path.starts_with('#') {
        return Ok(path);
    }
    let rel = format!("{}{path}", base_path(base_url).trim_end_matches('/'));
    Ok(if absolute {
        format!("{}{rel}", origin(base_url))
    } else {
        rel
    })
}

/// A reference's path and fragment as Go's `url.Parse` gives them: without a scheme and
/// its host (`https://e.org/a` is `/a`), without an opaque part (`mailto:a@b.c` has no
/// path) and without a `?query`.
fn path_and_fragment(reference: &str) -> (&str, Option<&str>) {
    let (rest, fragment) = match reference.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (reference, None),
    };
    let rest = rest.split_once('?').map_or(rest, |(r, _)| r);
    let path = match text::split_scheme(rest) {
        Some((_, after)) => match after.strip_prefix("//") {
            Some(host_and_path) => host_and_path
                .find('/')
                .map_or("", |i| host_and_path.get(i..).unwrap_or_default()),
            None if after.starts_with('/') => after,
            None => "",
        },
        None => rest,
    };
    (path, fragment)
}

/// Whether a reference names no page: it is empty, or only a `?query` and/or `#fragment`.
pub fn no_path(reference: &str) -> bool {
    reference.starts_with(['#', '?']) || reference.is_empty()
}

impl Default for HugoContext {
    /// A site with nothing configured (`baseURL` `/`, English), for a page outside a site.
    fn default() -> Self {
        HugoContext::new(&SiteFields::default(), Arc::default(), "/", "")
    }
}

/// The site's settings `.Site` gives.
#[derive(Debug, Clone, Default)]
pub struct SiteFields {
    /// `title`.
    pub title: String,
    /// `baseURL` (`/` when unset).
    pub base_url: String,
    /// `[params]`.
    pub params: Json,
    /// The `data/` folder as one tree (`data/a/b.yaml` at `a.b`).
    pub data: Json,
    /// The page language's code (`en`).
    pub lang: String,
    /// Its name (`English`).
    pub language_name: String,
    /// `copyright`.
    pub copyright: String,
    /// `/fr` for a language other than the default one, else "" (`.Site.LanguagePrefix`).
    pub language_prefix: String,
    /// The path its pages are published under: `language_prefix`, but "" on a site with a
    /// host per language (`crate::Site::url_prefix`); `.Site.Home` carries it.
    pub url_prefix: String,
    /// Spellings the site's templates use for param keys (see
    /// [`super::values::params_from_json`]).
    pub aliases: BTreeMap<String, Vec<String>>,
    /// The site's languages, in weight order (`.Site.Languages`).
    pub languages: Vec<LanguageFields>,
    /// The site's `privacy` and `services` settings, and the older top-level
    /// `disqusShortname`, `googleAnalytics` and `rssLimit`, as an object of those keys
    /// (any case): what `.Site.Config` reads ([`site_config`]).
    pub config: Json,
    /// `enableGitInfo`: pages then have a `.GitInfo` Folio cannot read.
    pub git_info: bool,
}

/// One of the site's languages, as `.Language` gives it.
#[derive(Debug, Clone, Default)]
pub struct LanguageFields {
    /// Its code (`fr`): `.Lang`.
    pub code: String,
    /// `.Label` and `.LanguageName`: its `label`, else its `languageName`, else "".
    pub label: String,
    /// `.Weight`.
    pub weight: i64,
    /// `.Locale` and `.LanguageCode`: its `locale` or `languageCode` (`fr-FR`), else its
    /// code.
    pub language_code: String,
    /// `.Direction` and `.LanguageDirection`: its `direction` or `languageDirection`
    /// (`rtl`), else "".
    pub direction: String,
    /// `.Params`: the site's params as a page in this language sees them (its own
    /// `[languages.X.params]` over the site's), an object; null when not read.
    pub params: Json,
    /// `.IsDefault`: it is the site's `defaultContentLanguage`.
    pub is_default: bool,
}

impl HugoContext {
    /// The context of a page at `rel_permalink` in `file`, of the site `fields`.
    pub fn new(
        fields: &SiteFields,
        translations: Arc<Map<String, Json>>,
        rel_permalink: &str,
        file: &str,
    ) -> HugoContext {
        let lang = Some(fields.lang.as_str())
            .filter(|l| !l.is_empty())
            .unwrap_or("en");
        let base_url = if fields.base_url.is_empty() {
            "/"
        } else {
            &fields.base_url
        };
        let site = site_value(fields, lang, base_url);
        // `.RelPermalink` starts with the base URL's path (`/docs/page/`).
        let base_path = base_path(base_url);
        let rel_permalink = format!("{}{}", base_path.trim_end_matches('/'), rel_permalink);
        HugoContext {
            site,
            translations,
            rel_permalink,
            file: Arc::from(file),
            lang: lang.to_string(),
            resources: Default::default(),
            aliases: Arc::new(fields.aliases.clone()),
            refs: None,
            pages: None,
            time_zone: jiff::tz::TimeZone::UTC,
            title_case: super::funcs::TitleCase::default(),
            path_style: super::funcs::PathStyle::default(),
            ignored_logs: Arc::from([]),
            inline_shortcodes: false,
            abs_url_path: None,
            canonify_urls: false,
            content_path: String::new(),
            page_translations: Vec::new(),
            sections: Vec::new(),
            cascade: Map::new(),
            front_datetimes: Vec::new(),
            front_format: None,
            git_info: fields.git_info,
            getenv: GETENV_DEFAULT.iter().map(|p| (*p).to_string()).collect(),
        }
    }

    /// `.Page` for a page with this front matter.
    pub fn page(&self, front: &Map<String, Json>) -> Value {
        let cascaded;
        let front = if self.cascade.is_empty() {
            front
        } else {
            cascaded = crate::site::cascade::apply(front, &self.cascade);
            &cascaded
        };
        let text = |k: &str| front_text(front, k);
        let base = self
            .site
            .field("BaseURL")
            .map(values::to_string)
            .unwrap_or_default();
        let title = text("title");
        let link_title = Some(text("linktitle"))
            .filter(|t| !t.is_empty())
            .unwrap_or(title.clone());
        let fields = [
            (KIND, string("page")),
            ("Title", string(&title)),
            ("LinkTitle", string(link_title)),
            ("Description", string(text("description"))),
            ("Slug", string(text("slug"))),
            ("Keywords", keywords(front)),
            ("Params", self.page_params(front)),
            (
                "Draft",
                Value::Bool(front.get("draft").and_then(Json::as_bool).unwrap_or(false)),
            ),
            ("Layout", string(text("layout"))),
            (
                "Weight",
                front.get("weight").map_or(Value::Int(0), from_json),
            ),
            ("Lang", string(&self.lang)),
            (
                "Language",
                self.site.field("Language").cloned().unwrap_or(Value::Nil),
            ),
            ("RelPermalink", string(&self.rel_permalink)),
            (
                "Permalink",
                string(format!("{}{}", origin(&base), self.rel_permalink)),
            ),
            ("Name", string(&title)),
            ("Path", string(logical_path(&self.content_path))),
            ("Aliases", aliases(front, &self.content_path, &self.site)),
            ("Site", self.site.clone()),
            ("Resources", map([(KIND, string("resources"))])),
            ("Scratch", Frame::page_scratch()),
            ("Store", Frame::page_scratch()),
        ];
        let mut entries: Vec<(&str, Value)> = fields
            .into_iter()
            .chain(page_dates(front, &self.time_zone, &self.content_path))
            .chain(self.file_and_content(front))
            .chain(tree_fields(&self.content_path, front))
            .collect();
        self.add_sections(&mut entries);
        self.with_translations(entries)
    }

    /// A page's fields about its file and its content: `.File` (none outside a site),
    /// `.TranslationKey` (its front matter's, else its `.Path`), `.GitInfo` (nil without
    /// `enableGitInfo`; with it absent, as Folio cannot read Git, so that a call of
    /// `rewrite::FIELD` says so), and the content's counts, which Hugo has not made yet
    /// while shortcodes render (`.WordCount` 0, `.Truncated` false).
    fn file_and_content(&self, front: &Map<String, Json>) -> Vec<(&'static str, Value)> {
        let key = Some(front_text(front, "translationkey"))
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| logical_path(&self.content_path));
        let mut fields = vec![
            ("TranslationKey", string(key)),
            ("Truncated", Value::Bool(false)),
            ("WordCount", Value::Int(0)),
            ("FuzzyWordCount", Value::Int(0)),
            ("ReadingTime", Value::Int(0)),
        ];
        if !self.git_info {
            fields.push(("GitInfo", Value::Nil));
        }
        if !self.content_path.is_empty() {
            fields.push((
                "File",
                file_fields(&self.content_path, &self.file, &self.lang),
            ));
        }
        fields
    }

    /// `.CurrentSection`, `.FirstSection` and `.Parent` of the page of `entries`, from
    /// [`HugoContext::sections`] (none when they were not read): a section's or the home
    /// page's current section is itself.
    fn add_sections(&self, entries: &mut Vec<(&str, Value)>) {
        let kind = entries
            .iter()
            .find(|(k, _)| *k == "Kind")
            .map(|(_, v)| values::to_string(v))
            .unwrap_or_default();
        let own = || map(entries.clone());
        let (current, first, parent) = match (kind.as_str(), self.sections.as_slice()) {
            ("home", _) => (own(), own(), Value::Nil),
            (_, []) => return,
            ("section", above) => {
                let first = above.get(1).cloned().unwrap_or_else(own);
                (own(), first, above.last().cloned().unwrap_or(Value::Nil))
            }
            (_, above) => {
                let current = above.last().cloned().unwrap_or(Value::Nil);
                let first = above
                    .get(1)
                    .or(above.first())
                    .cloned()
                    .unwrap_or(Value::Nil);
                (current.clone(), first, current)
            }
        };
        entries.extend([
            ("CurrentSection", current),
            ("FirstSection", first),
            ("Parent", parent),
        ]);
    }

    /// `.Params` of a page with this front matter ([`own_page_params`]).
    fn page_params(&self, front: &Map<String, Json>) -> Value {
        own_page_params(
            front,
            self.front_format,
            &self.front_datetimes,
            &self.time_zone,
            &self.aliases,
        )
    }

    /// The page of these fields, with `.IsTranslated`, `.Translations` and
    /// `.AllTranslations`.
    fn with_translations(&self, mut entries: Vec<(&str, Value)>) -> Value {
        let others: Vec<Value> = self
            .page_translations
            .iter()
            .map(|(_, p)| p.clone())
            .collect();
        entries.push(("IsTranslated", Value::Bool(!others.is_empty())));
        entries.push(("Translations", page_list(others)));
        let all = self.all_translations(map(entries.clone()));
        entries.push(("AllTranslations", all));
        // A page's `.Page` is the page (one level deep: a deeper `.Page` is a call of
        // `rewrite::FIELD`, which gives the page it is called on).
        let own = map(entries.clone());
        map(entries.into_iter().chain([("Page", own)]))
    }

    /// `.AllTranslations`: the page (`own`) and its translations, by language weight, a
    /// language without one last (`resources/page/pages_sort.go`, `ByLanguage`; then by
    /// language code, where Hugo breaks a tie by date and title).
    fn all_translations(&self, own: Value) -> Value {
        let weight = |language: Option<&Value>| match language.and_then(|l| l.field("Weight")) {
            Some(Value::Int(w)) => *w,
            _ => 0,
        };
        let own_weight = weight(self.site.field("Language"));
        let mut all: Vec<(i64, String, Value)> = self
            .page_translations
            .iter()
            .map(|(w, p)| {
                let lang = p.field("Lang").map(values::to_string).unwrap_or_default();
                (*w, lang, p.clone())
            })
            .chain([(own_weight, self.lang.clone(), own)])
            .collect();
        // A language without a weight comes last, as in the site's languages.
        all.sort_by(|a, b| (a.0 == 0, a.0, &a.1).cmp(&(b.0 == 0, b.0, &b.1)));
        page_list(all.into_iter().map(|(_, _, p)| p).collect())
    }
}

/// `.Site.Config`, Hugo's `page.SiteConfig` (`resources/page/site.go`): `.Privacy`
/// (`config/privacy`) and `.Services` (`config/services`), each field as `settings` sets it
/// (keys in any case, values converted as Hugo's `mapstructure.WeakDecode` converts
/// them), else Hugo's default: `.Privacy.GoogleAnalytics.RespectDoNotTrack` is true,
/// `.Services.RSS.Limit` the older `rssLimit` or -1, the Disqus short name and the
/// Google Analytics ID the older top-level settings. Checked against Hugo 0.168.
pub fn site_config(settings: &Json) -> Value {
    let get = |path: &[&str]| -> Option<&Json> {
        path.iter().try_fold(settings, |node, key| {
            node.as_object()?
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v)
        })
    };
    map([
        (KIND, string("site_config")),
        ("Privacy", privacy(&get)),
        ("Services", services(&get)),
    ])
}

/// A setting at a path of keys, matched in any case.
type Setting<'a> = dyn Fn(&[&str]) -> Option<&'a Json> + 'a;

/// `.Site.Config.Privacy` (`config/privacy/privacyConfig.go`).
fn privacy(get: &Setting<'_>) -> Value {
    let service = |name: &str, more: &[(&'static str, bool)]| {
        let flag = |field: &str, default: bool| {
            Value::Bool(get(&["privacy", name, field]).map_or(default, weak_bool))
        };
        map(std::iter::once(("Disable", flag("disable", false))).chain(
            more.iter()
                .map(|(field, default)| (*field, flag(field, *default))),
        ))
    };
    map([
        ("Disqus", service("disqus", &[])),
        (
            "GoogleAnalytics",
            service("googleAnalytics", &[("RespectDoNotTrack", true)]),
        ),
        ("Instagram", service("instagram", &[("Simple", false)])),
        (
            "Vimeo",
            service("vimeo", &[("EnableDNT", false), ("Simple", false)]),
        ),
        ("YouTube", service("youTube", &[("PrivacyEnhanced", false)])),
        (
            "X",
            service("x", &[("EnableDNT", false), ("Simple", false)]),
        ),
    ])
}

/// `.Site.Config.Services` (`config/services/servicesConfig.go`), with the older
/// top-level settings where the service's own is empty.
fn services(get: &Setting<'_>) -> Value {
    let text = |path: &[&str], older: &str| {
        let read = |p: &[&str]| get(p).map(weak_string).unwrap_or_default();
        let own = read(path);
        string(if own.is_empty() { read(&[older]) } else { own })
    };
    let inline_css = |name: &str| {
        Value::Bool(get(&["services", name, "disableInlineCSS"]).is_some_and(weak_bool))
    };
    let limit = [&["services", "rss", "limit"][..], &["rssLimit"]]
        .iter()
        .find_map(|path| get(path).map(weak_int).filter(|n| *n != 0))
        .unwrap_or(-1);
    let one = |field: &'static str, v: Value| map([(field, v)]);
    map([
        (
            "Disqus",
            one(
                "Shortname",
                text(&["services", "disqus", "shortname"], "disqusShortname"),
            ),
        ),
        (
            "GoogleAnalytics",
            one(
                "ID",
                text(&["services", "googleAnalytics", "id"], "googleAnalytics"),
            ),
        ),
        (
            "Instagram",
            map([
                ("DisableInlineCSS", inline_css("instagram")),
                (
                    "AccessToken",
                    text(&["services", "instagram", "accessToken"], ""),
                ),
            ]),
        ),
        ("X", one("DisableInlineCSS", inline_css("x"))),
        ("RSS", one("Limit", Value::Int(limit))),
    ])
}

/// A setting read as a bool, as `mapstructure.WeakDecode` (and Hugo's `cast.ToBool` for
/// a page's `draft`) reads one: a number is true when not 0, a string as Go's
/// `strconv.ParseBool` reads it ("" is false).
pub(crate) fn weak_bool(v: &Json) -> bool {
    match v {
        Json::Bool(b) => *b,
        Json::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Json::String(s) => matches!(s.as_str(), "1" | "t" | "T" | "TRUE" | "true" | "True"),
        _ => false,
    }
}

/// A setting read as a string, as `mapstructure.WeakDecode` reads one (a number in
/// decimal, a bool as `1` or `0`).
fn weak_string(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Number(n) => n.to_string(),
        Json::Bool(b) => if *b { "1" } else { "0" }.to_string(),
        _ => String::new(),
    }
}

/// A setting read as an integer, as `mapstructure.WeakDecode` reads one (and spf13/cast's
/// `ToInt` a front matter `weight`).
fn weak_int(v: &Json) -> i64 {
    match v {
        Json::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .unwrap_or(0),
        Json::String(s) => s.trim().parse().unwrap_or(0),
        Json::Bool(b) => i64::from(*b),
        _ => 0,
    }
}

/// `.Site` of the site `fields`, for a page in `lang`, the site at `base_url`.
fn site_value(fields: &SiteFields, lang: &str, base_url: &str) -> Value {
    let params = params_from_json(&fields.params, &fields.aliases);
    let (language, languages) = languages_of(fields, lang, &params);
    let multilingual = languages.len() > 1;
    // The home page of the page's language (`/fr/`), under the base URL's path.
    let home = format!(
        "{}{}/",
        base_path(base_url).trim_end_matches('/'),
        fields.url_prefix
    );
    map([
        ("Title", string(&fields.title)),
        ("BaseURL", string(base_url)),
        ("Params", params),
        ("Data", from_json(&fields.data)),
        ("Language", language.clone()),
        ("Languages", Value::List(languages.into())),
        (
            "LanguageCode",
            language
                .field("LanguageCode")
                .cloned()
                .unwrap_or(Value::Nil),
        ),
        ("Copyright", string(&fields.copyright)),
        ("LanguagePrefix", string(&fields.language_prefix)),
        (
            "Home",
            map([
                ("RelPermalink", string(&home)),
                ("Permalink", string(format!("{}{home}", origin(base_url)))),
            ]),
        ),
        // Not Hugo's (templates reading it fail as in Hugo): what `hugo.IsMultilingual`
        // reads.
        ("IsMultiLingual", Value::Bool(multilingual)),
        ("IsDefault", Value::Bool(fields.language_prefix.is_empty())),
        // Folio renders as `hugo` builds, without `--buildDrafts`.
        ("BuildDrafts", Value::Bool(false)),
        ("Config", site_config(&fields.config)),
        ("Store", Frame::store(super::SITE_STORE)),
    ])
}

/// A front matter string, or "".
fn front_text(front: &Map<String, Json>, key: &str) -> String {
    front_value(front, key)
        .and_then(Json::as_str)
        .unwrap_or("")
        .to_string()
}

/// Hugo's `.Keywords`: the front matter's `keywords` as strings ([`text_list`]: a text is
/// split at blanks), else an empty list (printed `[]`).
fn keywords(front: &Map<String, Json>) -> Value {
    front_value(front, "keywords").map_or_else(|| Value::List(Vec::new().into()), text_list)
}

/// spf13/cast's `ToString` of a front matter value: text as it is, a number's digits, a
/// bool's word; a map, a list or null `""`.
fn cast_text(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n
            .as_i64()
            .map(|i| i.to_string())
            .or_else(|| n.as_u64().map(|u| u.to_string()))
            .unwrap_or_else(|| n.as_f64().map(|f| f.to_string()).unwrap_or_default()),
        _ => String::new(),
    }
}

/// spf13/cast's `ToStringSlice` of a front matter value: a list's items as text, a text
/// split at blanks (`"x, y"` is `x,` and `y`), anything else none.
fn text_list(v: &Json) -> Value {
    let list: Vec<String> = match v {
        Json::Array(items) => items.iter().map(cast_text).collect(),
        Json::String(s) => s.split_whitespace().map(str::to_string).collect(),
        _ => Vec::new(),
    };
    Value::List(list.into_iter().map(string).collect())
}

/// The front matter's value of `key`, whatever the case it is written in (`linkTitle`
/// for `linktitle`): Hugo reads front matter keys in any case.
fn front_value<'f>(front: &'f Map<String, Json>, key: &str) -> Option<&'f Json> {
    front.get(key).or_else(|| {
        front
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

/// Whether `v` is a language (`.Site.Language`, an item of `.Site.Languages`), which Go
/// prints as its code: Folio's map of that kind, not any map with the same keys (a data
/// file of languages is a map to Go).
pub fn is_language(v: &Value) -> bool {
    values::kind_of(v) == Some("language")
}

/// The Go type of one of Hugo's structs Folio builds as a map, when `v` is one: a
/// language (`*langs.Language`) or a page's file (`*source.File`).
pub fn struct_type(v: &Value) -> Option<&'static str> {
    if is_language(v) {
        return Some("*langs.Language");
    }
    (values::kind_of(v) == Some("file")).then_some("*source.File")
}

/// `.Site.Language` for the page's language `lang`, and `.Site.Languages`.
fn languages_of(fields: &SiteFields, lang: &str, params: &Value) -> (Value, Vec<Value>) {
    let language_of = |l: &LanguageFields| {
        let params = if l.code == lang {
            params.clone()
        } else {
            params_from_json(&l.params, &fields.aliases)
        };
        map([
            (KIND, string("language")),
            ("Params", params),
            ("Lang", string(&l.code)),
            // `Name` is the code too (Hugo 0.168's `Language.Name`).
            ("Name", string(&l.code)),
            ("IsDefault", Value::Bool(l.is_default)),
            ("LanguageName", string(&l.label)),
            ("Label", string(&l.label)),
            ("LanguageCode", string(&l.language_code)),
            ("Locale", string(&l.language_code)),
            ("Weight", Value::Int(l.weight)),
            ("Direction", string(&l.direction)),
            ("LanguageDirection", string(&l.direction)),
        ])
    };
    let own = fields
        .languages
        .iter()
        .find(|l| l.code == lang)
        .cloned()
        .unwrap_or_else(|| LanguageFields {
            code: lang.to_string(),
            label: fields.language_name.clone(),
            weight: 0,
            language_code: lang.to_string(),
            direction: String::new(),
            params: Json::Null,
            is_default: true,
        });
    // Each language's `.Params`: the site's, with the language's own over them
    // (`[languages.en.params]`, `params.en.toml`), as `.Site.Params` are in it (checked:
    // Hugo 0.168, `range site.Languages`); the page's language's are `params`.
    let languages = fields.languages.iter().map(language_of).collect();
    (language_of(&own), languages)
}

/// `.File` of a page at `path` in its content folder (`about/index.fr.md`), stored at
/// `filename` (Hugo's `source.File`): its path, name, name without extension and without
/// language, the bundle's folder name for a bundle's index, folder, extension and section.
/// Hugo's `.Path` of the page at `content_path` (in its content folder): `/` and the path
/// without its extension, language or `index`/`_index` file name, in lower case
/// (`posts/My-Post.en.md` is `/posts/my-post`, `posts/b/index.md` is `/posts/b`).
pub fn logical_path(content_path: &str) -> String {
    let (dir, file) = content_path.rsplit_once('/').unwrap_or(("", content_path));
    let base = file.split('.').next().unwrap_or(file);
    let path = match (base, dir) {
        ("index" | "_index", dir) => dir.to_string(),
        (base, "") => base.to_string(),
        (base, dir) => format!("{dir}/{base}"),
    };
    format!("/{}", path.to_lowercase())
}

/// Hugo's `.Aliases`: the front matter's `aliases` as site paths, without a last `/`: a
/// relative one under the page's folder (`older.html` of `docs/sub/page.md` is
/// `/docs/sub/older.html`), each under the language's prefix (`/fr`, the `site`'s).
fn aliases(front: &Map<String, Json>, content_path: &str, site: &Value) -> Value {
    let prefix = site
        .field("LanguagePrefix")
        .map(values::to_string)
        .unwrap_or_default();
    let folder = content_path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let folder = match content_path
        .rsplit('/')
        .next()
        .and_then(|f| f.split('.').next())
    {
        // A bundle's folder is the page.
        Some("index" | "_index") => folder.rsplit_once('/').map_or("", |(up, _)| up),
        _ => folder,
    };
    let written: Vec<&str> = match front_value(front, "aliases") {
        Some(Json::Array(list)) => list.iter().filter_map(Json::as_str).collect(),
        Some(Json::String(one)) => vec![one.as_str()],
        _ => Vec::new(),
    };
    let list = written
        .into_iter()
        .map(|a| {
            let path = if a.starts_with('/') {
                a.to_string()
            } else if folder.is_empty() {
                format!("/{a}")
            } else {
                format!("/{folder}/{a}")
            };
            let path = path.trim_end_matches('/');
            string(format!(
                "{prefix}{}",
                if path.is_empty() { "/" } else { path }
            ))
        })
        .collect();
    Value::List(list)
}

/// Hugo's `.File` of the page at `path` in its content folder (file `filename`, language
/// `lang`): `.TranslationBaseName` is the name without its extension and without `lang`
/// when the name ends in it (`v1.2.fr.md` → `v1.2`; `source/fileInfo.go`).
fn file_fields(path: &str, filename: &str, lang: &str) -> Value {
    let (dir, logical) = path.rsplit_once('/').map_or(("", path), |(d, n)| (d, n));
    let (base, ext) = logical.rsplit_once('.').unwrap_or((logical, ""));
    let (unlanguaged, _) = crate::site::split_language(logical, [lang]);
    let translation_base = unlanguaged
        .rsplit_once('.')
        .map_or(unlanguaged.as_str(), |(b, _)| b);
    let bundle = matches!(translation_base, "index" | "_index");
    // A bundle's is its folder's name: none for the home page's `_index.md`.
    let content_base = match (bundle, dir.rsplit('/').next()) {
        (true, Some(folder)) => folder,
        _ => translation_base,
    };
    // The section is the first folder, but a leaf bundle at the top is its own page (a
    // branch bundle's folder is its section).
    let section_dir = if translation_base == "index" {
        dir.rsplit_once('/').map_or("", |(parent, _)| parent)
    } else {
        dir
    };
    let section = section_dir.split('/').next().unwrap_or_default();
    // Hugo's `File.UniqueID`: the MD5 of the path in the content folder
    // (`source/fileInfo.go`).
    let unique_id = super::funcs::md5_hex(path);
    map([
        (KIND, string("file")),
        ("Path", string(path)),
        ("UniqueID", string(unique_id)),
        ("Filename", string(filename)),
        ("LogicalName", string(logical)),
        ("BaseFileName", string(base)),
        ("TranslationBaseName", string(translation_base)),
        ("ContentBaseName", string(content_base)),
        // `source/fileInfo.go`, `pathToDir`: the folder with a `/` after it, `/` at the top.
        ("Dir", string(format!("{dir}/"))),
        ("Ext", string(ext)),
        ("Section", string(section)),
        // A page's file is one (`IsZero` is a missing file's); none is a content adapter's.
        ("IsZero", Value::Bool(false)),
        ("IsContentAdapter", Value::Bool(false)),
    ])
}

/// The `.Kind` (`home`, `section`, `page`) and `.BundleType` (`branch`, `leaf`, "") of
/// the page the file at `content_path` (in its content folder) makes.
fn file_kind(content_path: &str) -> (&'static str, &'static str) {
    let (dir, name) = content_path.rsplit_once('/').unwrap_or(("", content_path));
    match name.split('.').next().unwrap_or_default() {
        "_index" if dir.is_empty() => ("home", "branch"),
        "_index" => ("section", "branch"),
        "index" if !content_path.is_empty() => ("page", "leaf"),
        _ => ("page", ""),
    }
}

/// Where a page is in the content tree, from its file's path in its content folder
/// (`blog/sub/p.md`): `.Kind` (`home` for the top `_index.md`, `section` for another
/// `_index.md`, else `page`), `.Section` (the first folder, none for a page or a leaf
/// bundle at the top), `.Type` (the front matter's `type`, else the section, else
/// `page`), `.BundleType` (`leaf` for `index.md`, `branch` for `_index.md`), the
/// `.Is…` of its kind and a regular page's `.Data` (empty). Checked against Hugo 0.168.
fn tree_fields(content_path: &str, front: &Map<String, Json>) -> Vec<(&'static str, Value)> {
    let dir = content_path.rsplit_once('/').map_or("", |(dir, _)| dir);
    let (kind, bundle_type) = file_kind(content_path);
    let section = match dir.split_once('/') {
        Some((first, _)) => first,
        // A leaf bundle at the top is a page of no section.
        None if bundle_type == "leaf" => "",
        None => dir,
    };
    let own_type = front_text(front, "type");
    let page_type = match (own_type.is_empty(), section.is_empty()) {
        (false, _) => own_type,
        (true, false) => section.to_string(),
        (true, true) => "page".to_string(),
    };
    let mut fields = vec![
        ("Kind", string(kind)),
        ("Section", string(section)),
        ("Type", string(page_type)),
        ("BundleType", string(bundle_type)),
        ("IsPage", Value::Bool(kind == "page")),
        ("IsSection", Value::Bool(kind == "section")),
        ("IsHome", Value::Bool(kind == "home")),
        ("IsNode", Value::Bool(kind != "page")),
        ("IsBranch", Value::Bool(kind != "page")),
    ];
    // A regular page's `.Data` is empty, but for its `.Pages`, none ([`no_data`]); a
    // list page's holds its pages, which Folio does not have.
    if kind == "page" {
        fields.push(("Data", no_data()));
    }
    fields
}

/// A page's dates by Hugo's default `frontmatter` config, each key's aliases after it
/// (`resources/page/pagemeta/page_frontmatter.go`; no Git dates), and the
/// [`DATELESS_BRANCH`] mark of a home or section page (the file at `content_path`) that
/// has no date.
fn page_dates(
    front: &Map<String, Json>,
    zone: &jiff::tz::TimeZone,
    content_path: &str,
) -> Vec<(&'static str, Value)> {
    let set = dates_set(front, zone);
    let [(_, date), ..] = &set;
    let dateless = date.is_none() && file_kind(content_path).1 == "branch";
    let mut dates: Vec<(&'static str, Value)> = set
        .into_iter()
        .map(|(field, set)| {
            (
                field,
                set.map_or_else(|| Moment::zero().to_value(), |(_, v)| v),
            )
        })
        .collect();
    if dateless {
        dates.push((DATELESS_BRANCH, Value::Bool(true)));
    }
    dates
}

/// Each of a page's dates, with the front matter key it was read from and its value
/// (`Nil` when that key's value is no date), or `None` when no key for it is set. The
/// publish date falls back on the page's date as found (a page with only `lastmod` has it
/// for all three), as Hugo's `:default` does.
fn dates_set(
    front: &Map<String, Json>,
    zone: &jiff::tz::TimeZone,
) -> [(&'static str, Option<(&'static str, Value)>); 4] {
    let [(_, date_keys), (_, lastmod_keys), (_, publish_keys), (_, expiry_keys)] = DATE_KEYS;
    let date = |keys: &[&'static str]| front_date(front, keys, zone);
    let page_date = date(date_keys);
    let publish = date(publish_keys).or_else(|| page_date.clone());
    [
        ("Date", page_date),
        ("Lastmod", date(lastmod_keys)),
        ("PublishDate", publish),
        ("ExpiryDate", date(expiry_keys)),
    ]
}

/// The front matter keys each of a page's dates is read from, in order, by Hugo's default
/// `frontmatter` config (`resources/page/pagemeta/page_frontmatter.go`, no Git dates);
/// the publish date also falls back on the page's date ([`dates_set`]).
pub const DATE_KEYS: [(&str, &[&str]); 4] = [
    (
        "Date",
        &[
            "date",
            "publishdate",
            "pubdate",
            "published",
            "lastmod",
            "modified",
        ],
    ),
    (
        "Lastmod",
        &[
            "lastmod",
            "modified",
            "date",
            "publishdate",
            "pubdate",
            "published",
        ],
    ),
    ("PublishDate", &["publishdate", "pubdate", "published"]),
    ("ExpiryDate", &["expirydate", "unpublishdate"]),
];

/// What Hugo adds to a page's `.Params` (`hugolib/page__meta.go`), checked against Hugo
/// 0.168: `draft` and `iscjklanguage` as its own booleans (over the front matter's), each
/// of the page's dates that is set under its own name (`date`, `lastmod`, `publishdate`,
/// `expirydate`, as [`dates_set`] finds them) unless the front matter's `params` map sets
/// that name, and the alias a date was read from (`pubdate`, `published`, `modified`,
/// `unpublishdate`) as that time. A date that does not parse stays the text it is.
fn hugo_params(front: &Map<String, Json>, zone: &jiff::tz::TimeZone) -> Vec<(&'static str, Value)> {
    let flag = |key: &str| {
        front
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .is_some_and(|(_, v)| weak_bool(v))
    };
    let mut out = vec![
        ("draft", Value::Bool(flag("draft"))),
        ("iscjklanguage", Value::Bool(flag("iscjklanguage"))),
    ];
    let own = crate::site::own_params(front);
    let in_own = |key: &str| own.is_some_and(|m| m.keys().any(|k| k.eq_ignore_ascii_case(key)));
    out.extend(
        reserved_params(front)
            .into_iter()
            .filter(|(k, _)| !in_own(k)),
    );
    for (field, set) in dates_set(front, zone) {
        let Some((from, value)) = set.filter(|(_, v)| !matches!(v, Value::Nil)) else {
            continue;
        };
        let key = match field {
            "Date" => "date",
            "Lastmod" => "lastmod",
            "PublishDate" => "publishdate",
            _ => "expirydate",
        };
        if !in_own(key) {
            out.push((key, value.clone()));
        }
        if matches!(from, "pubdate" | "published" | "modified" | "unpublishdate") {
            out.push((from, value));
        }
    }
    out
}

/// The front matter keys Hugo reads for the page itself, as it keeps them in `.Params`
/// (`hugolib/page__meta.go`, `setMetaPostParams`): text (spf13/cast's `ToString`: a map or
/// a list is `""`, a number its digits), `slug` without `-` at its ends, `keywords` and
/// `aliases` lists of text (a text split at blanks), `weight` a whole number and
/// `headless` a bool. A `layout` map is then `""`, which a template reading a key of it
/// stops on, as Hugo does (hunt AN, 7). Only the keys the front matter sets.
fn reserved_params(front: &Map<String, Json>) -> Vec<(&'static str, Value)> {
    const TEXT: [&str; 8] = [
        "title",
        "linktitle",
        "summary",
        "description",
        "url",
        "type",
        "layout",
        "translationkey",
    ];
    let mut out = Vec::new();
    for (key, value) in front {
        let lower = key.to_lowercase();
        if let Some(name) = TEXT.iter().find(|t| **t == lower) {
            out.push((*name, string(cast_text(value))));
            continue;
        }
        match lower.as_str() {
            "slug" => out.push(("slug", string(cast_text(value).trim_matches('-')))),
            "keywords" => out.push(("keywords", text_list(value))),
            "aliases" => out.push(("aliases", text_list(value))),
            "weight" => out.push(("weight", Value::Int(weak_int(value)))),
            "headless" => out.push(("headless", Value::Bool(weak_bool(value)))),
            _ => {}
        }
    }
    out
}

/// `.Params` of a page with the front matter `front`, read from `format` (its numbers
/// typed by it, [`crate::formats::hugo_numbers`]), with the TOML date-times at
/// `datetimes` made times or local values ([`as_datetime_at`]), and what Hugo adds
/// ([`hugo_params`]: `draft`, `iscjklanguage`, the dates set): [`crate::site::page_params`]
/// read as Hugo's case-insensitive params, under each of the templates' spellings
/// (`aliases`).
pub fn own_page_params(
    front: &Map<String, Json>,
    format: Option<crate::formats::Format>,
    datetimes: &[Vec<String>],
    zone: &jiff::tz::TimeZone,
    aliases: &BTreeMap<String, Vec<String>>,
) -> Value {
    let mut params = Json::Object(crate::site::page_params(front).into_owned());
    if let Some(format) = format {
        params = crate::formats::hugo_numbers(params, format);
    }
    let mut params = params_from_json(&params, aliases);
    for path in datetimes {
        // A key of the front matter's `params` table is a param of its own.
        let path = match path.split_first() {
            Some((first, rest)) if first.eq_ignore_ascii_case("params") && !rest.is_empty() => rest,
            _ => path.as_slice(),
        };
        as_datetime_at(&mut params, path, zone);
    }
    if let Value::Map(m) = &mut params {
        let m = Arc::make_mut(m);
        for (key, value) in hugo_params(front, zone) {
            for alias in aliases.get(key).into_iter().flatten() {
                m.insert(Arc::from(alias.as_str()), value.clone());
            }
            m.insert(Arc::from(key), value);
        }
    }
    params
}

/// The TOML date-time text at `path` in `params` (each key in any case, and each
/// spelling Folio adds for it) made the value Hugo holds: a time when it has an offset
/// (in `zone` otherwise), else go-toml's local value ([`super::time::local`]).
fn as_datetime_at(params: &mut Value, path: &[String], zone: &jiff::tz::TimeZone) {
    let Value::Map(m) = params else {
        return;
    };
    let Some((key, rest)) = path.split_first() else {
        return;
    };
    let m = Arc::make_mut(m);
    for (k, value) in m.iter_mut() {
        if !k.eq_ignore_ascii_case(key) {
            continue;
        }
        if !rest.is_empty() {
            as_datetime_at(value, rest, zone);
        } else {
            let text = values::to_string(value);
            let typed = match crate::formats::is_zoned(&text) {
                true => {
                    super::time::Moment::parse_in(&text, zone).map(super::time::Moment::to_value)
                }
                false => super::time::local::value(&text),
            };
            if let Some(typed) = typed {
                *value = typed;
            }
        }
    }
}

/// The first of the front matter's `keys` (in any case) that is set, with its value as a
/// time (in `zone` when written without an offset; `Nil` when it is no date); `None`
/// when none is set.
fn front_date(
    front: &Map<String, Json>,
    keys: &[&'static str],
    zone: &jiff::tz::TimeZone,
) -> Option<(&'static str, Value)> {
    keys.iter().find_map(|k| {
        let (_, v) = front
            .iter()
            .find(|(key, v)| key.eq_ignore_ascii_case(k) && !v.is_null())?;
        let value = v
            .as_str()
            .and_then(|s| Moment::parse_in(s, zone))
            .map_or(Value::Nil, Moment::to_value);
        Some((*k, value))
    })
}

/// `/docs/` of `https://example.org/docs/`.
pub fn base_path(base_url: &str) -> &str {
    base_url
        .find("://")
        .and_then(|i| base_url.get(i + 3..))
        .map_or(base_url, |rest| {
            rest.find('/').and_then(|i| rest.get(i..)).unwrap_or("/")
        })
}

/// `https://example.org` of `https://example.org/docs/`; empty for a base without host.
pub fn origin(base: &str) -> &str {
    match base.find("://") {
        Some(i) => {
            let host_end = base
                .get(i + 3..)
                .and_then(|r| r.find('/'))
                .map_or(base.len(), |j| i + 3 + j);
            base.get(..host_end).unwrap_or(base)
        }
        None => "",
    }
}

/// Where a shortcode call starts, as its `.Position` gives it (Hugo's `text.Position`,
/// `common/text/position.go`): a struct whose fields a template reads, which prints
/// through its `String` method (`"FILE:LINE:COL"`, in the quotes of Hugo's default
/// `HUGO_FILE_LOG_FORMAT`) and which `jsonify` writes field by field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Position {
    /// The page's file, absolute (the render's one copy: a long page has a position per
    /// call).
    pub filename: Arc<str>,
    /// Bytes from the file's start, from 0.
    pub offset: usize,
    /// From 1.
    pub line: usize,
    /// Bytes from the line's start, from 1.
    pub column: usize,
}

impl Position {
    /// What Go's `Position.String` writes: `"FILE:LINE:COL"`, `<stream>` for no file.
    pub fn text(&self) -> String {
        let file = if self.filename.is_empty() {
            "<stream>"
        } else {
            &self.filename
        };
        // Written piece by piece: a long page makes one per call, and `format!` took a
        // third of building the position.
        let (mut line, mut column) = (itoa::Buffer::new(), itoa::Buffer::new());
        let (line, column) = (line.format(self.line), column.format(self.column));
        let mut text = String::with_capacity(file.len() + line.len() + column.len() + 4);
        for part in ["\"", file, ":", line, ":", column, "\""] {
            text.push_str(part);
        }
        text
    }

    /// The position as a template reads it: its fields, `.IsValid`, `.String`.
    pub fn to_value(&self) -> Value {
        static FIELDS: values::Fields<7> = values::Fields::new([
            KIND,
            "Filename",
            "Offset",
            "LineNumber",
            "ColumnNumber",
            "IsValid",
            "String",
        ]);
        static POSITION: values::Word = values::Word::new("position");
        let int = |n: usize| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
        FIELDS.map([
            POSITION.value(),
            Value::String(self.filename.clone()),
            int(self.offset),
            int(self.line),
            int(self.column),
            Value::Bool(self.line > 0),
            string(self.text()),
        ])
    }
}

/// One call of a shortcode, as its template's dot shows it.
#[derive(Debug, Clone)]
pub struct ShortcodeCall {
    /// `.Name`.
    pub name: String,
    /// `.Params`: a map for named parameters, a list for positional ones.
    pub params: Value,
    /// `.Inner`, with nested shortcodes rendered; `None` for a call without a body.
    pub inner: Option<String>,
    /// `.Ordinal`: its index among its parent's shortcodes (the page's, at the top).
    pub ordinal: usize,
    /// `.Parent`'s context.
    pub parent: Option<Value>,
    /// `.Position`.
    pub position: Position,
    /// The spaces and tabs before the opening tag on its line (what `.InnerDeindent`
    /// takes off each line of `.Inner`).
    pub indentation: String,
    /// Which call this is in the render (positive): names its `.Scratch`, which its
    /// children reach as `.Parent.Scratch`.
    pub id: i64,
}

impl ShortcodeCall {
    /// The call's context in `frame`'s page: `.Get` reads it, and `.Scratch` is its own.
    pub fn to_value(&self, frame: &Frame) -> Value {
        let inner: Arc<str> = Arc::from(self.inner.as_deref().unwrap_or(""));
        // A call at the start of its line: `.InnerDeindent` is `.Inner` itself.
        let deindented: Arc<str> = match deindent(&inner, &self.indentation) {
            std::borrow::Cow::Borrowed(_) => inner.clone(),
            std::borrow::Cow::Owned(s) => s.into(),
        };
        let html = |s: Arc<str>| Value::Safe {
            kind: gotmpl::SafeKind::Html,
            s,
        };
        // A long page builds one per call: the keys are shared (see [`values::Fields`]).
        static CONTEXT: values::Fields<13> = values::Fields::new(with_kind(SHORTCODE_FIELDS));
        static SHORTCODE: values::Word = values::Word::new("shortcode");
        let scratch = Frame::call_scratch(self.id);
        CONTEXT.map([
            SHORTCODE.value(),
            string(&self.name),
            self.params.clone(),
            Value::Bool(matches!(self.params, Value::Map(_))),
            html(deindented),
            html(inner),
            Value::Int(i64::try_from(self.ordinal).unwrap_or(i64::MAX)),
            self.parent.clone().unwrap_or(Value::Nil),
            self.position.to_value(),
            frame.page.clone(),
            frame.site.clone(),
            scratch.clone(),
            scratch,
        ])
    }
}

/// The fields of a shortcode call's context as Folio builds it ([`ShortcodeCall::to_value`],
/// after its kind), each one Hugo's too ([`HUGO_SHORTCODE`]).
pub const SHORTCODE_FIELDS: [&str; 12] = [
    "Name",
    "Params",
    "IsNamedParams",
    "InnerDeindent",
    "Inner",
    "Ordinal",
    "Parent",
    "Position",
    "Page",
    "Site",
    "Scratch",
    "Store",
];

/// [`KIND`] and then `fields`.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time for a static: an index out of bounds fails the build"
)]
const fn with_kind(fields: [&'static str; 12]) -> [&'static str; 13] {
    let mut all = [KIND; 13];
    let mut i = 0;
    while i < fields.len() {
        all[i + 1] = fields[i];
        i += 1;
    }
    all
}

/// `.InnerDeindent`: `.Inner` with the call's own indentation taken off each line that
/// starts with it (Hugo's `ShortcodeWithPage.InnerDeindent`: a call indented in a list
/// item gets a body without the list's indentation; deeper indentation stays).
pub(crate) fn deindent<'a>(s: &'a str, indentation: &str) -> std::borrow::Cow<'a, str> {
    if indentation.is_empty() {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.split_inclusive('\n')
            .map(|l| l.strip_prefix(indentation).unwrap_or(l))
            .collect(),
    )
}
