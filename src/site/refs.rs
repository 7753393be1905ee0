//! Pages by reference and their URLs: Hugo's `ref` and `relref` shortcodes, and the
//! `.RelPermalink` of a content file.
//!
//! A reference names a content file by its path, with or without its extension, in any
//! case (`Blog/POST.md` names `blog/post.md`), and may end in a `#fragment` that the URL
//! keeps; a `?query` is dropped, as Hugo reads the reference as a URL. Not followed:
//! `outputFormat` (Hugo's `rss` gives a section's feed, `/blog/index.xml`). Hugo
//! (`hugolib/pagecollections.go`, `getPageRef`; docs: "Links and cross references") looks
//! a reference up:
//! - starting with `/`: from the language's content folder;
//! - else from the referring page's folder (Hugo's `ContainerDir`: for a leaf bundle's
//!   `index.md`, the folder its own folder is in; `content_node`), then beside its
//!   file (a name with an extension), then, unless it starts with `.`, from the content
//!   folder, then, with no `/` in it, by its name anywhere in the content folder (its
//!   extension and language code dropped: `notes.fr.md` is `notes`), which must then name
//!   one page only ("page reference … is ambiguous").
//!
//! Only pages of the referring page's language count: `about.md` names `about.fr.md` from a
//! French page ([`Lookup`]).
//!
//! `blog/post` names `blog/post.md`, `blog/post/index.md` or `blog/post/_index.md`. A file
//! inside a leaf bundle other than its `index.md` is a resource of the bundle, not a page.
//!
//! A page's URL is its path in the content folder (`blog/post.md` → `/blog/post/`,
//! `about/index.md` → `/about/`), its last part replaced by the front matter's `slug`, or
//! the front matter's `url` in its place (as written); a section's `slug` names it in the
//! URLs of the pages under it too (`blog/_index.md` with `slug: weblog` puts `blog/post.md`
//! at `/weblog/post/`); a page of a section with a `[permalinks]` pattern where the
//! pattern puts it; under `/LANG/` for a language other than the default, except a `url`.
//! With `uglyURLs` (for the site, or a table of sections) a page is `/blog/post.html` and
//! a section `/blog/index.html`.

use std::path::{Component, Path, PathBuf};

use serde_json::{Map, Value as Json};

use super::Site;
use crate::templates::engine::objects::weak_bool;

/// File extensions of content pages: Hugo's content formats.
use crate::templates::engine::bundle::CONTENT_SUFFIXES as PAGE_EXTENSIONS;

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

/// Where a reference is looked up: the pages of one language.
#[derive(Debug, Clone)]
pub struct Lookup {
    /// The language's content folder.
    pub content_dir: PathBuf,
    /// The language (`fr`): `about.fr.md` is its page `about.md`.
    pub lang: String,
    /// Every language code of the site, which a file name may end in (`about.de.md`).
    pub codes: Vec<String>,
    /// Whether a file whose name ends in no language code is this language's: true in a
    /// content folder of its own, and for the default language in a shared one.
    pub unsuffixed_is_ours: bool,
    /// Which pages the build holds besides published ones: a page outside it is no page
    /// to a reference.
    pub builds: Builds,
}

/// Which pages Hugo builds besides published ones: drafts (`buildDrafts`), pages dated in
/// the future (`buildFuture`), expired ones (`buildExpired`); all off by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Builds {
    /// Drafts are built.
    pub drafts: bool,
    /// Pages published in the future are built.
    pub future: bool,
    /// Expired pages are built.
    pub expired: bool,
    /// No regular page is made (`disableKinds` holds `page`): only `_index` pages are.
    pub no_regular_pages: bool,
}

impl Lookup {
    /// The lookup for the pages of language `lang` of `site` (Hugo's rules for content
    /// folders and translations by file name).
    pub fn new(site: &Site, lang: &str) -> Lookup {
        let languages = site.languages();
        let content_dir = languages
            .iter()
            .find(|l| l.code == lang)
            .map_or_else(|| site.root.join("content"), |l| l.content_dir.clone());
        let sharing = languages
            .iter()
            .filter(|l| l.content_dir == content_dir)
            .count();
        // Absolute, as the pages it is asked from are (a site opened as `.`: review 64b,
        // r3).
        let content_dir = std::path::absolute(&content_dir).unwrap_or(content_dir);
        let set = |key: &str| site.config_json(&[key]).is_some_and(|v| weak_bool(&v));
        Lookup {
            unsuffixed_is_ours: sharing <= 1 || site.default_language() == lang,
            codes: languages.into_iter().map(|l| l.code).collect(),
            content_dir,
            lang: lang.to_string(),
            builds: Builds {
                drafts: set("buildDrafts"),
                future: set("buildFuture"),
                expired: set("buildExpired"),
                no_regular_pages: site.kind_disabled("page"),
            },
        }
    }

    /// [`Lookup::new`] for references from the page at `from`: Hugo renders a draft (a
    /// future, an expired page) only in a build that holds drafts (`hugo -D`, as `hugo
    /// server -D` previews one), where the other drafts are pages too.
    pub fn for_page(site: &Site, lang: &str, from: &Path) -> Lookup {
        let mut lookup = Lookup::new(site, lang);
        if let Some(front) = front_of(from) {
            let own = Status::of(&front);
            lookup.builds.drafts |= own.draft;
            lookup.builds.future |= own.future;
            lookup.builds.expired |= own.expired;
        }
        lookup
    }

    /// `about.fr.md` → (`about.md`, Some("fr")), for a language of the site.
    fn split_language(&self, name: &str) -> (String, Option<String>) {
        let (logical, code) =
            super::content::split_language(name, self.codes.iter().map(String::as_str));
        (logical, code.map(str::to_lowercase))
    }

    /// Whether a page file with this name is of this lookup's language, and its name
    /// without the language (`about.fr.md` → `about.md`).
    fn ours(&self, name: &str) -> Option<String> {
        match self.split_language(name) {
            (logical, Some(code)) => (code == self.lang.to_lowercase()).then_some(logical),
            (logical, None) => self.unsuffixed_is_ours.then_some(logical),
        }
    }

    /// The files that may hold the page `file` (a path with its extension): its
    /// translation into this language first, then the file itself when it is ours. A
    /// language in the name (`index.fr.md`) is dropped: Hugo reads the name as the
    /// page's path in any language and looks it up in the page's own (checked with Hugo
    /// 0.168: from an English page, `index.fr.md` names the English `index.md`, and
    /// `contact.fr.md` no page when only the French one exists; review 63b, r11).
    fn files_for(&self, file: &Path) -> Vec<PathBuf> {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let (logical, code) = self.split_language(name);
        let file = &match code {
            Some(_) => file.with_file_name(&logical),
            None => file.to_path_buf(),
        };
        let mut out = Vec::new();
        if let Some((stem, ext)) = logical.rsplit_once('.') {
            out.push(file.with_file_name(format!("{stem}.{}.{ext}", self.lang)));
        }
        if self.unsuffixed_is_ours {
            out.push(file.to_path_buf());
        }
        out
    }
}

/// The page file `reference` names, read from the page `from`, among `lookup`'s pages,
/// and the reference's `#fragment` (empty when none).
///
/// # Errors
/// [`RefError::NotFound`] or [`RefError::Ambiguous`], as Hugo's `REF_NOT_FOUND`.
pub fn resolve(
    lookup: &Lookup,
    from: &Path,
    reference: &str,
) -> Result<(PathBuf, String), RefError> {
    let (path, fragment) = match reference.split_once('#') {
        Some((p, f)) if !f.is_empty() => (p, format!("#{f}")),
        Some((p, _)) => (p, String::new()),
        None => (reference, String::new()),
    };
    // Hugo reads a reference as a URL and keeps its path (decoded) and fragment, not its
    // query.
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let path = &crate::text::percent_decode(path);
    if path.is_empty() {
        return Err(RefError::NotFound);
    }
    let path = path.trim_end_matches('/');
    let found = content_node(lookup, Some(from), path, !path.contains('/'))?;
    found.map(|p| (p, fragment)).ok_or(RefError::NotFound)
}

/// The page file (or a section's folder without an `_index` file) `path` names for
/// `.GetPage`, read from the page `from` (relative to its folder first) or, for `None`,
/// from the site; `Ok(None)` when none (Hugo's `getContentNodeForRef` with `isReflink`
/// false: a path from a page is never looked up by name alone, nor one starting with
/// `.` past the page's folder).
///
/// # Errors
/// [`RefError::Ambiguous`]: a name alone that several pages have.
pub fn get_page(
    lookup: &Lookup,
    from: Option<&Path>,
    path: &str,
) -> Result<Option<PathBuf>, RefError> {
    let path = path.trim_end_matches('/');
    content_node(lookup, from, path, from.is_none() && !path.contains('/'))
}

/// The page `path` names from the page `from` (`None`: the site), as Hugo's
/// `getContentNodeForRef` finds it (`hugolib/pagecollections.go`) for `.GetPage` and for
/// `ref`/`relref`: from a page, relative to its folder first, then from the content root
/// unless the path starts with `.`; then, when `by_name` (a path without `/` that a
/// reference or the site looks up), the one page of that name.
///
/// A page's folder is Hugo's `ContainerDir`: for a leaf bundle's `index.md`, the folder
/// its own folder is in (for a path with a page extension that starts with `../`, its
/// own folder, `Dir`); for a branch's `_index.md`, its own folder. A leaf bundle at the
/// top of the content folder has `""` for it, not `/`, so a path that climbs out of it
/// stays relative and names no page (`../x` from `about/index.md`; checked with Hugo
/// 0.168).
fn content_node(
    lookup: &Lookup,
    from: Option<&Path>,
    path: &str,
    by_name: bool,
) -> Result<Option<PathBuf>, RefError> {
    let content_dir = &lookup.content_dir;
    if let Some(rest) = path.strip_prefix('/') {
        return Ok(page_at(lookup, content_dir, rest));
    }
    if path.is_empty() {
        return Ok(page_at(lookup, content_dir, ""));
    }
    if let Some(page) = from {
        let folder = page.parent().unwrap_or(content_dir);
        let name = page
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        // Hugo's `paths.HasExt`: any dot in the last part (`v1.2`, `about.md`).
        let with_ext = path
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'));
        let container =
            name.split('.').next() == Some("index") && !(with_ext && path.starts_with("../"));
        let own = if container {
            folder.parent().unwrap_or(content_dir)
        } else {
            folder
        };
        let unrooted = container && own == content_dir.as_path();
        let found = match climbs_out(path) {
            // `..` alone, cleaned (`../projects/..`): Hugo finds the home page.
            Some(false) if unrooted => page_at(lookup, content_dir, ""),
            Some(true) if unrooted => None,
            _ => page_at(lookup, own, path),
        };
        // A name with an extension is also looked up as a file beside the page's own
        // (Hugo's `getContentNodeFromRefReverseLookup`): `./../cv.md` from `about/index.md`.
        let found = found.or_else(|| with_ext.then(|| page_at(lookup, folder, path)).flatten());
        if found.is_some() {
            return Ok(found);
        }
    }
    // Page relative: no need to look further (Hugo's words).
    if path.starts_with('.') {
        return Ok(None);
    }
    match page_at(lookup, content_dir, path) {
        Some(found) => Ok(Some(found)),
        None if by_name => by_name_lookup(lookup, path),
        None => Ok(None),
    }
}

/// The files that may be the page at `at` (a path in the content folder): for a name
/// with a page's extension (`has_ext`), that file, then as for the path without it, as
/// Hugo looks pages up by path (`about.md` names `about/index.md` too, as GitHub-style
/// links do): `at` with each page extension, its `index.md` and `_index.md`.
fn page_files(at: &Path, has_ext: bool) -> Vec<PathBuf> {
    let stem = if has_ext {
        at.with_extension("")
    } else {
        at.to_path_buf()
    };
    let with_ext = |ext: &str| {
        let mut s = stem.clone().into_os_string();
        s.push(".");
        s.push(ext);
        PathBuf::from(s)
    };
    has_ext
        .then(|| at.to_path_buf())
        .into_iter()
        .chain(PAGE_EXTENSIONS.iter().map(|e| with_ext(e)))
        .chain(["index.md", "_index.md"].map(|f| stem.join(f)))
        .collect()
}

/// Whether the relative `path` climbs out of the folder it is read from, as Go's
/// `path.Clean` leaves `..` at its start: `None` when it does not, else whether a name
/// follows (`Some(true)` for `../x`, `Some(false)` for `..` or `../x/..`).
fn climbs_out(path: &str) -> Option<bool> {
    let (mut ups, mut names) = (0usize, 0usize);
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => match names.checked_sub(1) {
                Some(n) => names = n,
                None => ups += 1,
            },
            _ => names += 1,
        }
    }
    (ups > 0).then_some(names > 0)
}

/// The page file `abs` (of language `lang`) in the site's other languages, in the site's
/// language order: each language, its file and the file's front matter. A translation is
/// the page at the same path in the other language's pages, its language in its file name
/// or its content folder as [`Lookup`] reads them (`about.md` → `about.fr.md`); a draft is
/// not published, so it is no translation (Hugo: `AllTranslations`, `hugolib/page.go`,
/// pages of the same path in the language dimension that `ShouldLink`: see
/// [`is_published`]). Every language has a home page, with a file or without one (then an
/// empty front matter, its file where the language's `_index.md` would be). A page whose
/// front matter sets a `translationKey` has for translations the published pages of the
/// other languages that set the same one instead ([`keyed_translations`]); `front` is the
/// page's own front matter (the open page's unsaved one).
pub fn translations(
    site: &Site,
    lang: &str,
    abs: &Path,
    front: Option<&Map<String, Json>>,
) -> Vec<(super::Language, PathBuf, Map<String, Json>)> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let own = Lookup::new(site, lang);
    let abs = absolute(abs);
    let Ok(rel) = abs.strip_prefix(absolute(&own.content_dir)) else {
        return Vec::new();
    };
    if let Some(key) = front.and_then(translation_key) {
        return keyed_translations(site, lang, &abs, &key);
    }
    let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let logical = rel.with_file_name(own.split_language(name).0);
    let reference: Vec<_> = logical.iter().map(|c| c.to_string_lossy()).collect();
    let reference = reference.join("/");
    let home = reference == "_index.md";
    site.languages()
        .into_iter()
        .filter(|l| l.code != lang)
        .filter_map(|l| {
            let lookup = Lookup::new(site, &l.code);
            let found = page_at(&lookup, &lookup.content_dir, &reference)
                .filter(|file| file.is_file() && absolute(file) != abs);
            let Some(file) = found else {
                // Hugo makes a home page for a language that has no file for it.
                let file = lookup
                    .files_for(&lookup.content_dir.join("_index.md"))
                    .into_iter()
                    .next()?;
                return home.then(|| (l, file, Map::new()));
            };
            let front = front_of(&file).unwrap_or_default();
            is_published(&front).then_some((l, file, front))
        })
        .collect()
}

/// A front matter's `translationKey` (the key in any case, its value as text), when it
/// sets one.
fn translation_key(front: &Map<String, Json>) -> Option<String> {
    let key = match key_in(front, "translationKey")? {
        Json::String(s) => s.clone(),
        Json::Number(n) => n.to_string(),
        _ => return None,
    };
    (!key.is_empty()).then_some(key)
}

/// [`translations`] of the page `abs` of `lang` whose front matter sets the translation
/// key `key`: the published pages of the other languages that set the same key (Hugo's
/// `translationKeyPages`, `hugolib/page.go` `AllTranslations`), in the site's language
/// order. Each content file's front matter is read, so only for a page that sets a key.
fn keyed_translations(
    site: &Site,
    lang: &str,
    abs: &Path,
    key: &str,
) -> Vec<(super::Language, PathBuf, Map<String, Json>)> {
    let mut found: Vec<(super::Language, PathBuf, Map<String, Json>)> = Vec::new();
    let languages = site.languages();
    for page in site.content_pages() {
        let file = std::path::absolute(&page.path).unwrap_or(page.path);
        if page.language == lang
            || file == abs
            || found.iter().any(|(l, ..)| l.code == page.language)
        {
            continue;
        }
        let Some(front) = front_of(&file) else {
            continue;
        };
        if translation_key(&front).as_deref() != Some(key) || !is_published(&front) {
            continue;
        }
        if let Some(language) = languages.iter().find(|l| l.code == page.language) {
            found.push((language.clone(), file, front));
        }
    }
    found.sort_by_key(|(l, ..)| languages.iter().position(|o| o.code == l.code));
    found
}

/// Whether Hugo builds and links a page of this front matter, with its default settings
/// (`buildDrafts`, `buildFuture`, `buildExpired` off): not a draft, not published in the
/// future, not expired ([`Status`]), and written ([`unrendered`]).
fn is_published(front: &Map<String, Json>) -> bool {
    let s = Status::of(front);
    !(s.draft || s.future || s.expired || s.never)
}

/// What a page's front matter says of its place in a build.
#[derive(Debug, Clone, Copy, Default)]
struct Status {
    /// `draft`, read as Hugo's `cast.ToBool` reads it (`true`, `"true"`, `1`).
    draft: bool,
    /// Published in the future (`publishDate`, else `pubdate`, `published`, `date`).
    future: bool,
    /// Expired (`expiryDate`, `unpublishdate`).
    expired: bool,
    /// Built and found, never written, so that its `.RelPermalink` is empty and it is no
    /// translation ([`unrendered`]: `build.render: never`, `headless: true`).
    never: bool,
}

impl Status {
    /// A date without an offset is read as UTC (not the site's `timeZone`).
    fn of(front: &Map<String, Json>) -> Status {
        let get = |k: &str| key_in(front, k);
        let when = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| get(k))
                .and_then(Json::as_str)
                .and_then(instant)
        };
        let now = jiff::Timestamp::now();
        Status {
            draft: get("draft").is_some_and(weak_bool),
            future: when(&["publishDate", "pubdate", "published", "date"]).is_some_and(|t| t > now),
            expired: when(&["expiryDate", "unpublishdate"]).is_some_and(|t| t <= now),
            never: unrendered(front),
        }
    }

    /// Whether a build of `builds` holds the page (one it does not is no page at all to
    /// `.GetPage` and references; `build.render: never` is one).
    fn built(self, builds: Builds) -> bool {
        (builds.drafts || !self.draft)
            && (builds.future || !self.future)
            && (builds.expired || !self.expired)
    }
}

/// Whether Hugo writes no file for a page of this front matter, so that its
/// `.RelPermalink` and `.Permalink` are empty: `build.render: never` (or `false`, the old
/// form; also under `_build`, the key Hugo 0.145 removed), or `headless: true` (Hugo's
/// `pagemeta.BuildConfig`; review 63b, r10).
pub fn unrendered(front: &Map<String, Json>) -> bool {
    let never = ["build", "_build"].iter().any(|k| {
        let render = key_in(front, k).and_then(|b| key_in(b.as_object()?, "render"));
        // Read as Hugo's `DecodeBuildConfig` reads it (`mapstructure.WeakDecode` to text):
        // `never`, or what decodes to `0` (`false`, `0`); anything else (`Never`,
        // `"false"`) renders (review 64c, r4).
        match render {
            Some(Json::String(r)) => r == "never" || r == "0",
            Some(Json::Bool(b)) => !b,
            Some(Json::Number(n)) => n.as_f64() == Some(0.0),
            _ => false,
        }
    });
    never || key_in(front, "headless").is_some_and(weak_bool)
}

/// The value of `key` in `map`, the key in any case, as Hugo reads front matter keys.
fn key_in<'m>(map: &'m Map<String, Json>, key: &str) -> Option<&'m Json> {
    map.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

/// A front matter date as an instant: RFC 3339, else a date and time or a date in UTC.
fn instant(text: &str) -> Option<jiff::Timestamp> {
    let text = text.trim();
    text.parse::<jiff::Timestamp>().ok().or_else(|| {
        let civil = text.parse::<jiff::civil::DateTime>().ok().or_else(|| {
            text.parse::<jiff::civil::Date>()
                .ok()
                .map(|d| d.at(0, 0, 0, 0))
        })?;
        civil
            .to_zoned(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp())
    })
}

/// The page `rel` names from folder `base`, inside the lookup's content folder, when the
/// build holds it ([`Lookup::builds`]).
fn page_at(lookup: &Lookup, base: &Path, rel: &str) -> Option<PathBuf> {
    let mut at = base.to_path_buf();
    for c in Path::new(rel).components() {
        match c {
            Component::Normal(p) => at.push(p),
            // Go's `path.Join` goes no higher than the root: `../x` from the top is `/x`.
            Component::ParentDir => {
                if at != lookup.content_dir {
                    at.pop();
                }
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    if !at.starts_with(&lookup.content_dir) {
        return None;
    }
    let has_ext = at
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PAGE_EXTENSIONS.contains(&e.to_lowercase().as_str()));
    let files = page_files(&at, has_ext);
    let candidates: Vec<PathBuf> = files.iter().flat_map(|f| lookup.files_for(f)).collect();
    // Hugo looks pages up by their lower-cased path: `Blog/POST.md` names `blog/post.md`.
    let file = candidates
        .iter()
        .find(|c| is_built_page(c, lookup.builds))
        .cloned()
        .or_else(|| {
            candidates
                .iter()
                .map(|c| on_disk(c))
                .find(|c| is_built_page(c, lookup.builds))
        });
    // A top folder of the content is a section (the content folder itself, the home
    // page), which Hugo makes a page of even with no `_index.md`; so is a section's
    // `_index.md` or `index.md` named where there is none, or `index`/`_index` alone
    // (review 49g, 3). A deeper folder is one only with an `_index` file (review 50b, 7).
    let named = if has_ext {
        at.file_stem()
    } else {
        at.file_name()
    };
    let index_named = named.is_some_and(|s| s == "_index" || s == "index");
    let folder = if index_named {
        at.parent().map(Path::to_path_buf)
    } else {
        Some(at.clone())
    };
    let section = |d: &Path| {
        d == lookup.content_dir
            || d.parent() == Some(&lookup.content_dir)
            || super::content::index_file(d, &lookup.lang, lookup.unsuffixed_is_ours).is_some()
    };
    file.or_else(|| {
        folder
            .map(|d| on_disk(&d))
            .filter(|d| d.is_dir() && !is_leaf_bundle(d) && section(d))
    })
}

/// `path` as the file system spells it: where no file has the exact spelling, a
/// component that matches it without regard to case; `path` itself when none does.
fn on_disk(path: &Path) -> PathBuf {
    if path.exists() {
        return path.to_path_buf();
    }
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return path.to_path_buf();
    };
    let parent = on_disk(parent);
    let wanted = name.to_string_lossy().to_lowercase();
    std::fs::read_dir(&parent)
        .ok()
        .and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .find(|e| e.file_name().to_string_lossy().to_lowercase() == wanted)
        })
        .map_or_else(|| parent.join(name), |e| e.path())
}

/// Whether folder `dir` is a leaf bundle (it holds an `index` page).
fn is_leaf_bundle(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n.rsplit_once('.').is_some_and(|(s, x)| {
                (s == "index" || s.starts_with("index.")) && PAGE_EXTENSIONS.contains(&x)
            })
        })
    })
}

/// The one page of the lookup's language named `name` (`post.md`, `post`, or a bundle's
/// folder name) anywhere in its content folder; `None` when there is none.
fn by_name_lookup(lookup: &Lookup, name: &str) -> Result<Option<PathBuf>, RefError> {
    if name.contains('/') {
        return Ok(None);
    }
    // Hugo keys pages by their name without its extension, whatever it is, and without a
    // language code (`notes.fr.md`, `notes.html` and `notes` name `notes.md` and the bundle
    // `notes/`; `v1.2` is `v1`): `paths.Path.BaseNameNoIdentifier`.
    let lower = name.to_lowercase();
    let base = lower
        .rsplit_once('.')
        .map_or(lower.as_str(), |(base, _)| base);
    let wanted = match base.rsplit_once('.') {
        Some((rest, code)) if lookup.codes.iter().any(|c| c.eq_ignore_ascii_case(code)) => rest,
        _ => base,
    }
    .to_string();
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(&lookup.content_dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| {
            let file = p.file_name().and_then(|f| f.to_str()).unwrap_or("");
            let Some(logical) = lookup.ours(file) else {
                return false;
            };
            let logical = logical.to_lowercase();
            let stem = logical
                .rsplit_once('.')
                .map_or(logical.as_str(), |(s, _)| s);
            if matches!(stem, "index" | "_index") {
                let folder = p
                    .parent()
                    .and_then(|d| d.file_name())
                    .and_then(|f| f.to_str());
                folder.map(str::to_lowercase) == Some(wanted.clone())
            } else {
                stem == wanted
            }
        })
        // After the name: telling a page from a bundle's resource reads its folder.
        .filter(|p| is_built_page(p, lookup.builds))
        .collect();
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.pop()),
        _ => Err(RefError::Ambiguous),
    }
}

/// Whether the folder `dir` has an `_index` page file (in any language: `_index.fr.md`),
/// which makes a folder below the top one a section.
fn has_index_file(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            let name = e.file_name().to_string_lossy().to_lowercase();
            name.split_once('.')
                .is_some_and(|(stem, _)| stem == "_index")
                && is_page(&e.path())
        })
    })
}

/// Whether `path` is a page ([`is_page`]) a build of `builds` holds ([`Status::built`]):
/// one it does not (a draft, say) is none, and a reference to it is not found.
fn is_built_page(path: &Path, builds: Builds) -> bool {
    let branch = path
        .file_stem()
        .is_some_and(|s| s.to_string_lossy().starts_with("_index"));
    is_page(path)
        && (branch || !builds.no_regular_pages)
        && front_of(path).is_none_or(|f| Status::of(&f).built(builds))
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
    let index = ["index", "_index"]
        .iter()
        .any(|i| stem == *i || stem.starts_with(&format!("{i}.")));
    index || !path.parent().is_some_and(is_leaf_bundle)
}

/// The URL path of the page `abs` of language `lang` (without the base URL's path):
/// its path in the language's content folder, or its front matter's `slug` or `url`.
pub fn page_url(site: &Site, lang: &str, abs: &Path, front: Option<&Map<String, Json>>) -> String {
    let text = |k: &str| front_text(front, k);
    let languages = site.languages();
    let prefix = site.url_prefix(lang);
    if let Some(url) = text("url") {
        return front_matter_url(url, prefix.as_deref());
    }
    let content_dir = languages
        .iter()
        .find(|l| l.code == lang)
        .filter(|l| abs.starts_with(&l.content_dir))
        .map_or_else(|| site.root.join("content"), |l| l.content_dir.clone());
    let mut rel = abs.strip_prefix(&content_dir).unwrap_or(abs).to_path_buf();
    // `about.fr.md` → `about` (`about.FR.md` too): the language is not part of the URL's
    // path.
    if let Some(name) = rel.file_name().map(|n| n.to_string_lossy().into_owned()) {
        rel.set_file_name(super::split_language(&name, [lang]).0);
    }
    let rel = rel.with_extension("");
    let names: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let mut parts: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    // A section's page: its `_index` file, or its folder when it has none.
    let section_page = parts.last().is_some_and(|l| l == "_index") || abs.is_dir();
    let home = parts.len() == 1 && section_page;
    if matches!(parts.last().map(String::as_str), Some("index" | "_index")) {
        parts.pop();
    }
    // The page's top section: its first folder, unless it is the home page or a bundle at
    // the top (`about/index.md`), which are in no section.
    let bundle_at_top = names.len() == 2 && names.last().is_some_and(|n| n == "index");
    let section = names
        .first()
        .filter(|_| names.len() > 1 && !home && !bundle_at_top)
        .cloned();
    // A page of a section with a `[permalinks]` pattern is where the pattern puts it.
    let is_section = |n: usize| {
        n == 1
            || names.get(..n).is_some_and(|folders| {
                let dir = folders.iter().fold(content_dir.clone(), |d, f| d.join(f));
                has_index_file(&dir)
            })
    };
    if let Some(path) = section_pattern(site, &parts, section_page)
        .and_then(|p| permalink(&p, (&parts, section_page), front, &is_section))
    {
        parts = path;
    } else {
        let own = Lookup::new(site, lang).unsuffixed_is_ours;
        slugs(&mut parts, &names, (&content_dir, lang, own), text("slug"));
    }
    if let Some(p) = prefix {
        parts.insert(0, p.to_lowercase());
    }
    url_path(&parts, ugly_urls(site, section.as_deref()), section_page)
}

/// The URL path a front matter's `url` gives a page (Hugo's `CreateTargetPaths`,
/// `resources/page/page_paths.go`): its parts between slashes (empty ones dropped, `..`
/// resolved from the root), under the language's prefix (`prefix`, `fr`) when it does not
/// start with `/`; a page of its own folder (`/foo/bar/`) when it ends with `/` or has no
/// dot (`/foo/bar.html`); `#` escaped, then the whole as Go's `url.Parse(…).String()`
/// writes it (`paths.URLEscape`): as written when that is a validly escaped path
/// (`/c++/(x)/`), else escaped (`/Foo%20Bar/%C3%89t%C3%A9%281%29/`, `/a%7Bb%7D/`).
fn front_matter_url(url: &str, prefix: Option<&str>) -> String {
    let relative = !url.starts_with('/');
    let cleaned = crate::templates::engine::funcs::clean_path(&format!("/{url}"));
    let mut out = match prefix.filter(|_| relative) {
        Some(p) => format!("/{}{cleaned}", p.to_lowercase()),
        None => cleaned,
    };
    if (url.ends_with('/') || !url.contains('.')) && !out.ends_with('/') {
        out.push('/');
    }
    crate::templates::engine::funcs::url_escaped(&out.replace('#', "%23"), false)
}

/// Puts the slugs in a page's path: each section's own (`_index.md`'s `slug` names it in
/// the URLs of the pages under it too) and the page's `slug`. `names` are the path's
/// folder and file names as written, `parts` the same lower-cased; `own`: whether a file
/// with no language in its name is the language's (see [`Lookup`]).
fn slugs(
    parts: &mut [String],
    names: &[String],
    (content_dir, lang, own): (&Path, &str, bool),
    slug: Option<&str>,
) {
    let mut folder = content_dir.to_path_buf();
    let folders = names.len().saturating_sub(1);
    for (part, name) in parts.iter_mut().zip(names).take(folders) {
        folder.push(name);
        if let Some(slug) = section_slug(&folder, lang, own) {
            *part = slug.to_lowercase();
        }
    }
    if let (Some(slug), Some(last)) = (slug, parts.last_mut()) {
        *last = slug.to_lowercase();
    }
}

/// A page's URL path from its parts: `/a/b/`, or with ugly URLs `/a/b.html` (a section:
/// `/a/b/index.html`). Each part as Hugo's `paths.Sanitize` keeps it (`Hi, You! (2)` →
/// `hi-you-2`), and what is not ASCII percent-encoded, as Hugo writes a URL (`café` →
/// `caf%C3%A9`).
fn url_path(parts: &[String], ugly: bool, section_page: bool) -> String {
    let path = parts
        .iter()
        .map(|p| crate::templates::engine::funcs::sanitize_path(p))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("/");
    let path = percent_encoding::utf8_percent_encode(&path, NOT_ASCII).to_string();
    match (path.is_empty(), ugly, section_page) {
        (true, false, _) => "/".to_string(),
        (true, true, _) => "/index.html".to_string(),
        (false, false, _) => format!("/{path}/"),
        (false, true, true) => format!("/{path}/index.html"),
        (false, true, false) => format!("/{path}.html"),
    }
}

/// The `slug` of the section whose folder is `folder` (its `_index.LANG.md` or, when
/// such files are the language's (`own`), `_index.md` front matter); `None` without one.
fn section_slug(folder: &Path, lang: &str, own: bool) -> Option<String> {
    super::content::index_file(folder, lang, own)
        .and_then(|p| front_of(&p))
        .and_then(|front| front_text(Some(&front), "slug").map(str::to_string))
}

/// Whether pages of `section` (the page's first folder; `None` for the home page) are
/// published as `NAME.html` and `SECTION/index.html` (`uglyURLs`: true for the whole
/// site, or a table of sections; Hugo's `UglyURLs`).
fn ugly_urls(site: &Site, section: Option<&str>) -> bool {
    // Hugo reads config keys in any case.
    let setting = ["uglyURLs", "uglyurls", "UglyURLs"]
        .iter()
        .find_map(|k| site.config_json(&[k]));
    match setting {
        Some(Json::Bool(on)) => on,
        Some(Json::Object(sections)) => section
            .and_then(|s| key_in(&sections, s))
            .and_then(Json::as_bool)
            .unwrap_or(false),
        _ => false,
    }
}

/// The format of the front matter of the page file `abs`
/// ([`crate::page::frontmatter::format_of`]), which types its numbers to the templates
/// (`HugoContext::front_format`).
pub(crate) fn front_format_of(abs: &Path) -> Option<crate::formats::Format> {
    use std::io::Read;
    let mut head = Vec::with_capacity(256);
    std::fs::File::open(abs)
        .ok()?
        .take(256)
        .read_to_end(&mut head)
        .ok()?;
    crate::page::frontmatter::format_of(utf8_prefix(&head))
}

/// A content file's front matter, read from disk; `None` when it cannot be read, or has
/// none or none that parses.
///
/// Its first [`FRONT_BYTES`] are read first: when the front matter closes inside them,
/// the rest of the file is not read (a page of a thousand cards is 400 KB, its front matter
/// a few lines). Else the whole file is read. The front matter must be UTF-8; what
/// follows it need not be.
pub(crate) fn front_of(abs: &Path) -> Option<Map<String, Json>> {
    use std::io::Read;
    crate::fs::regular(abs).ok()?;
    let mut head = Vec::with_capacity(FRONT_BYTES);
    let mut file = std::fs::File::open(abs).ok()?;
    (&mut file)
        .take(FRONT_BYTES as u64)
        .read_to_end(&mut head)
        .ok()?;
    let closed_in_head = head.len() == FRONT_BYTES && {
        let text = utf8_prefix(&head);
        matches!(crate::page::frontmatter::split(text), Ok((Some(_), body)) if body < text.len())
    };
    if !closed_in_head {
        file.read_to_end(&mut head).ok()?;
    }
    let text = utf8_prefix(&head);
    let front = crate::page::Page::parse_front_matter(text).ok()??;
    match front.to_hugo_json() {
        Json::Object(m) => Some(m),
        _ => None,
    }
}

/// The text of `bytes` up to the first that is not UTF-8: a character cut at the end of
/// the bytes [`front_of`] read first, or Latin-1 in a body, which Hugo reads past (review
/// 53b, 9).
fn utf8_prefix(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(bytes.get(..e.valid_up_to()).unwrap_or_default())
            .unwrap_or_default(),
    }
}

/// How much of a content file [`front_of`] reads before it knows whether it needs the rest.
const FRONT_BYTES: usize = 16 * 1024;

/// A front matter's text field, trimmed; `None` when absent or empty.
fn front_text<'f>(front: Option<&'f Map<String, Json>>, key: &str) -> Option<&'f str> {
    front
        .and_then(|f| f.get(key))
        .and_then(Json::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The `[permalinks]` pattern of the section of a regular page at `parts` (`permalinks.page`
/// first, then the plain table), or of a section's own page (`permalinks.section`, by its
/// top section, so a section inside it too, as Hugo 0.168 puts it; review 63b, r9); `None`
/// for the home page or a page in no section.
fn section_pattern(site: &Site, parts: &[String], section_page: bool) -> Option<String> {
    if section_page {
        let section = parts.first()?;
        return site
            .config_json(&["permalinks", "section", section])
            .and_then(|p| p.as_str().map(str::to_string));
    }
    if parts.len() < 2 {
        return None;
    }
    let section = parts.first()?;
    site.config_json(&["permalinks", "page", section])
        .or_else(|| site.config_json(&["permalinks", section]))
        .and_then(|p| p.as_str().map(str::to_string))
}

/// What a `[permalinks]` pattern's tokens read of one page.
struct Facts<'a> {
    parts: &'a [String],
    /// Whether the page is a section's own (`parts` are all its sections).
    section_page: bool,
    front: Option<&'a Map<String, Json>>,
    /// The page's date (Go's zero time without one).
    date: Option<crate::templates::engine::time::Moment>,
    title: String,
    /// Whether the first `n` folders of the page's path are a section (the first always;
    /// one further down with an `_index` file).
    is_section: &'a dyn Fn(usize) -> bool,
}

impl Facts<'_> {
    /// A token's value (`year` → `2023`, `sections[1:]`, a Go date layout `2006`) as Hugo's
    /// `PermalinkExpander` gives it (`resources/page/permalinks.go`); `None` for a token
    /// Folio does not know (`sectionslug`), and for one Hugo does not.
    fn token(&self, token: &str) -> Option<String> {
        let urlize = crate::templates::engine::funcs::urlize;
        let name = self.parts.last()?.clone();
        let slug = front_text(self.front, "slug").map(urlize);
        let date = || self.date.as_ref().map(|d| d.format_date_token(token));
        Some(match token {
            "year" | "month" | "monthname" | "day" | "weekday" | "weekdayname" | "yearday" => {
                date()??
            }
            "section" => self.parts.first()?.clone(),
            "sections" => self.sections().join("/"),
            "title" => self.title.clone(),
            "slug" => slug.unwrap_or_else(|| self.title.clone()),
            "slugorfilename" | "slugorcontentbasename" => slug.unwrap_or(name),
            "filename" | "contentbasename" => name,
            _ if token.starts_with("sections[") => {
                slice(self.sections(), token.get(8..)?)?.join("/")
            }
            // A Go date layout (`2006`, `01`, `Jan`): Hugo formats the date with it.
            _ => {
                let written = self.date.as_ref()?.format(token);
                (written != token).then_some(written)?
            }
        })
    }

    /// The folders of the page's current section: up to the deepest that is a section (a
    /// folder further down without an `_index` file is not one).
    fn sections(&self) -> &[String] {
        // A section's own page is in its own section (Hugo 0.168: `:sections` of
        // `posts/_index.md` is `posts`; review 63d, r4).
        if self.section_page {
            return self.parts;
        }
        let folders = self.parts.len().saturating_sub(1);
        let deepest = (1..=folders)
            .rev()
            .find(|&n| (self.is_section)(n))
            .unwrap_or(0);
        self.parts.get(..deepest).unwrap_or_default()
    }
}

/// `items` cut as a `[permalinks]` token's `[1:]`, `[:2]`, `[last]` or `[0]` cuts them
/// (Hugo's `toSliceFunc`); `None` where the cut is not one.
fn slice(items: &[String], cut: &str) -> Option<Vec<String>> {
    let inner = cut
        .trim()
        .strip_prefix('[')?
        .strip_suffix(']')?
        .to_lowercase();
    let n = |s: &str, low: bool| -> Option<usize> {
        match s {
            "" => Some(if low { 0 } else { items.len() }),
            "last" => items.len().checked_sub(1),
            _ => {
                let n = s.parse::<i64>().unwrap_or(0).max(0);
                let n = usize::try_from(n).unwrap_or(usize::MAX);
                if n >= items.len() {
                    (!low).then_some(items.len())
                } else {
                    Some(n)
                }
            }
        }
    };
    Some(match inner.split_once(':') {
        None => n(&inner, true)
            .and_then(|i| items.get(i))
            .filter(|v| !v.is_empty())
            .map(|v| vec![v.clone()])
            .unwrap_or_default(),
        Some((low, high)) => match (n(low, true), n(high, false)) {
            (Some(a), Some(b)) => items.get(a..b.max(a)).unwrap_or_default().to_vec(),
            _ => Vec::new(),
        },
    })
}

/// The path a `[permalinks]` pattern (`/:year/:month/:title/`) gives the page whose path in
/// its content folder is `parts` (`["posts", "hello"]`, a bundle by its folder), from its
/// front matter (`date`, `title`, `slug`); `None` for a token Folio does not know, where
/// the page keeps its path. Tokens are `:` and a word, with a cut after `sections`
/// (`:sections[1:]`); `\:` is a colon (Hugo's `attributeRegexp`, `ExpandPattern`).
fn permalink(
    pattern: &str,
    (parts, section_page): (&[String], bool),
    front: Option<&Map<String, Json>>,
    is_section: &dyn Fn(usize) -> bool,
) -> Option<Vec<String>> {
    let facts = Facts {
        parts,
        section_page,
        front,
        date: crate::templates::engine::time::Moment::parse(
            front_text(front, "date").unwrap_or("0001-01-01"),
        ),
        title: crate::templates::engine::funcs::urlize(front_text(front, "title").unwrap_or("")),
        is_section,
    };
    let expanded = expand(pattern, &mut |token| facts.token(token))?;
    Some(
        expanded
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// `pattern` with each of its tokens (`:` and a word, with a cut after it, `[1:]`)
/// replaced by what `value` gives it; `\:` is a colon (Hugo's `attributeRegexp`,
/// `ExpandPattern`). `None` when `value` gives none.
fn expand(pattern: &str, value: &mut dyn FnMut(&str) -> Option<String>) -> Option<String> {
    // Go's `\w`: ASCII letters, digits and `_`.
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut expanded = String::new();
    let mut rest = pattern;
    while let Some(at) = rest.find(':') {
        let before = rest.get(..at)?;
        let after = rest.get(at + 1..)?;
        if let Some(kept) = before.strip_suffix('\\') {
            expanded.push_str(kept);
            expanded.push(':');
            rest = after;
            continue;
        }
        expanded.push_str(before);
        let mut len = after.find(|c: char| !word(c)).unwrap_or(after.len());
        if len == 0 {
            expanded.push(':');
            rest = after;
            continue;
        }
        if after.get(len..)?.starts_with('[') {
            len += after.get(len..)?.find(']')? + 1;
        }
        expanded.push_str(&value(after.get(..len)?)?);
        rest = after.get(len..)?;
    }
    expanded.push_str(rest);
    Some(expanded)
}

/// Whether Hugo knows the `[permalinks]` token `token`: those [`Facts::token`] reads,
/// `sectionslug`, `sectionslugs` and their cuts, and any Go date layout, one that writes
/// Hugo's `referenceTime` otherwise than itself (`resources/page/permalinks.go`, `callback`).
fn is_hugos_token(token: &str) -> bool {
    const HUGOS: &[&str] = &[
        "year",
        "month",
        "monthname",
        "day",
        "weekday",
        "weekdayname",
        "yearday",
        "section",
        "sectionslug",
        "sections",
        "sectionslugs",
        "title",
        "slug",
        "slugorfilename",
        "filename",
        "contentbasename",
        "slugorcontentbasename",
    ];
    static REFERENCE: std::sync::LazyLock<Option<crate::templates::engine::time::Moment>> =
        std::sync::LazyLock::new(|| {
            crate::templates::engine::time::Moment::parse("2019-11-09T23:01:42.000000001Z")
        });
    HUGOS.contains(&token)
        || token.starts_with("sections[")
        || token.starts_with("sectionslugs[")
        || REFERENCE.as_ref().is_some_and(|r| r.format(token) != token)
}

/// The `[permalinks]` patterns of the site with a token Hugo does not know, where Hugo
/// stops its build ("permalink attribute not recognised"): each at its place in the
/// config ([`is_hugos_token`]).
pub fn unknown_permalink_tokens(site: &Site) -> Vec<super::BadSetting> {
    let Some(Json::Object(table)) = site.config_json(&["permalinks"]) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut look = |path: Vec<&str>, pattern: &str| {
        let mut unknown = false;
        expand(pattern, &mut |token| {
            unknown |= !is_hugos_token(token);
            Some(String::new())
        });
        let Some((file, node)) = site.setting(&path).filter(|_| unknown) else {
            return;
        };
        let (line, col) = crate::text::line_col(&file.src, node.span.start);
        found.push(super::BadSetting {
            file: file.path.clone(),
            line,
            col,
            message: format!(
                "error expanding {pattern:?}: permalink attribute not recognised: Hugo stops its build"
            ),
        });
    };
    for (key, value) in &table {
        match value {
            Json::String(pattern) => look(vec!["permalinks", key], pattern),
            Json::Object(kinds) => {
                for (section, pattern) in kinds {
                    if let Json::String(pattern) = pattern {
                        look(vec!["permalinks", key, section], pattern);
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// The bytes a page's URL path percent-encodes: controls and what is not ASCII.
const NOT_ASCII: &percent_encoding::AsciiSet = percent_encoding::CONTROLS;

/// The URL path of the page file `abs` read from disk (its front matter's `slug` and
/// `url` count), or of the section a content folder `abs` is; `None` when it cannot be
/// read.
pub fn file_url(site: &Site, lang: &str, abs: &Path) -> Option<String> {
    if abs.is_dir() {
        return Some(page_url(site, lang, abs, None));
    }
    std::fs::metadata(abs).ok()?;
    let front = front_of(abs);
    // A page Hugo writes no file for has no URL (review 63d, r5).
    if front.as_ref().is_some_and(unrendered) {
        return Some(String::new());
    }
    Some(page_url(site, lang, abs, front.as_ref()))
}
