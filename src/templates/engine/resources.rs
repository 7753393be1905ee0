//! Hugo's resources for local files, without processing: `resources.Get`,
//! `resources.GetMatch` and `resources.Match` over the `assets/` folders (the site's, then
//! its themes'), and a page bundle's `.Resources` (`.GetMatch`, `.Match`, `.ByType`).
//!
//! A resource gives `.Name`, `.Title`, `.RelPermalink`, `.Permalink`, `.ResourceType`,
//! `.MediaType` (`.Type`, `.MainType`, `.SubType`), `.Width`/`.Height` of a raster image
//! (read from its header), and `.Content`: a text file's text, a binary file's bytes for
//! `base64Encode` and `len` (an empty text to anything else). Reading a `.RelPermalink`
//! publishes the file in Hugo; here the render records the URL ([`Frame::published`]) so
//! the preview and the export can point it at the file.
//!
//! Source: Hugo's `resources/resource.go`, `tpl/resources`, `resources/page`'s bundle
//! rules (a page bundle is the folder of an `index.md` or `_index.md`; its other files are
//! its resources). Patterns are Hugo's globs, case-insensitive.
//!
//! [`Frame::published`]: super::Frame::published

use std::path::{Path, PathBuf};

use gotmpl::Value;

use super::values::{map, string, KIND};

/// Where a page's resources are, and the URLs they publish at.
#[derive(Debug, Clone, Default)]
pub struct ResourceDirs {
    /// `assets/` folders, the site's first.
    pub assets: Vec<PathBuf>,
    /// The page bundle's folder, when the page is a bundle.
    pub bundle: Option<PathBuf>,
    /// The page file (not one of its resources).
    pub page_file: Option<PathBuf>,
    /// The site's root folder, where `os.ReadFile` paths start.
    pub root: Option<PathBuf>,
    /// The themes' root folders, where `os.ReadFile` looks next (Hugo's working folder
    /// is an overlay of the site's and its themes').
    pub themes: Vec<PathBuf>,
    /// The page language's content folder, where `os.ReadFile` looks last.
    pub content: Option<PathBuf>,
    /// The page's front matter `resources` entries (`src`, `name`, `title`, `params`):
    /// Hugo's `ResourcesMeta`.
    pub meta: Vec<serde_json::Map<String, serde_json::Value>>,
}

/// Another page's `.Resources` (`.GetPage`'s): the files of its bundle, `dirs.bundle` (none
/// for a page of its own file), which publish under its `url` (its `.RelPermalink`), read
/// as the page's own are when a template asks ([`PageBundle::of`]).
pub fn of_another_page(dirs: ResourceDirs, url: &str) -> Value {
    let home = is_home(&dirs);
    let path = |p: Option<PathBuf>| p.map_or(Value::Nil, |p| string(p.display().to_string()));
    map([
        (KIND, string("resources")),
        (BUNDLE, path(dirs.bundle)),
        ("__folio_page_file", path(dirs.page_file)),
        ("__folio_url", string(url)),
        ("__folio_home", Value::Bool(home)),
        (
            "__folio_meta",
            super::values::from_json(&serde_json::Value::Array(
                dirs.meta
                    .into_iter()
                    .map(serde_json::Value::Object)
                    .collect(),
            )),
        ),
    ])
}

/// Whether `dirs` are the home page's: its bundle is its language's content folder.
fn is_home(dirs: &ResourceDirs) -> bool {
    let absolute = |p: &Option<PathBuf>| {
        p.as_deref()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
    };
    dirs.bundle.is_some() && absolute(&dirs.bundle) == absolute(&dirs.content)
}

/// The field of another page's `.Resources` that holds its bundle's folder.
const BUNDLE: &str = "__folio_bundle";

/// Where a page's files are: its bundle's folder, its file, its URL and its front matter's
/// `resources` entries.
pub struct PageBundle {
    /// The bundle's folder (none: the page has no files).
    pub dir: Option<PathBuf>,
    /// The page's file.
    pub page_file: Option<PathBuf>,
    /// Its `.RelPermalink`.
    pub url: String,
    /// Its front matter's `resources` entries.
    pub meta: Vec<serde_json::Map<String, serde_json::Value>>,
    /// Whether the page is the home page, whose top folders with pages are sections.
    pub home: bool,
}

impl PageBundle {
    /// Whose files `resources` (a `.Resources` value) are: another page's
    /// ([`of_another_page`]), else the page being rendered's (`frame`'s).
    pub fn of(resources: &Value, frame: &super::Frame) -> PageBundle {
        Self::of_another(resources).unwrap_or_else(|| PageBundle {
            dir: frame.resources.bundle.clone(),
            page_file: frame.resources.page_file.clone(),
            url: frame
                .page
                .field("RelPermalink")
                .map(ToString::to_string)
                .unwrap_or_default(),
            meta: frame.resources.meta.clone(),
            home: is_home(&frame.resources),
        })
    }

    /// The files of another page's bundle, when `resources` are.
    fn of_another(resources: &Value) -> Option<PageBundle> {
        let Value::Map(m) = resources else {
            return None;
        };
        let dir = m.get(BUNDLE)?;
        let path = |v: Option<&Value>| match v {
            Some(Value::Nil) | None => None,
            Some(v) => Some(PathBuf::from(v.to_string())),
        };
        let meta = match m.get("__folio_meta").map(super::values::to_json) {
            Some(serde_json::Value::Array(items)) => items
                .into_iter()
                .filter_map(|e| match e {
                    serde_json::Value::Object(o) => Some(o),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        Some(PageBundle {
            dir: path(Some(dir)),
            page_file: path(m.get("__folio_page_file")),
            url: m
                .get("__folio_url")
                .map(ToString::to_string)
                .unwrap_or_default(),
            meta,
            home: matches!(m.get("__folio_home"), Some(Value::Bool(true))),
        })
    }
}

/// A resource's `.MediaType`: its type, main type, subtype (without a `+suffix`) and
/// suffixes. One of Hugo's own types has its suffixes, the first its `.FirstSuffix`
/// (`[jpg jpeg jpe jif jfif]` for `b.jpeg`: [`HUGO_TYPES`]); another has its own file's
/// suffix (Hugo: `[m4v]` for `b.m4v`, a `video/mp4` from Go's `mime`); an unknown type has
/// none.
fn media_type_value(media: &str, suffix: Option<&str>) -> Value {
    let (main, sub) = media.split_once('/').unwrap_or((media, ""));
    let sub = sub.split('+').next().unwrap_or(sub);
    let hugos = HUGO_TYPES
        .iter()
        .find(|(t, all)| *t == media && suffix.is_some_and(|s| all.contains(&s)));
    let suffixes: Vec<&str> = match hugos {
        Some((_, all)) => all.to_vec(),
        None => suffix.into_iter().collect(),
    };
    let first = suffixes.first().copied();
    map([
        ("Type", string(media)),
        ("MainType", string(main)),
        ("SubType", string(sub)),
        (
            "Suffixes",
            Value::List(suffixes.into_iter().map(string).collect()),
        ),
        (
            "FirstSuffix",
            map([
                ("Suffix", string(first.unwrap_or_default())),
                (
                    "FullSuffix",
                    string(first.map(|s| format!(".{s}")).unwrap_or_default()),
                ),
            ]),
        ),
    ])
}

/// Hugo's own media types, each with its suffixes in Hugo's order (`media/builtin.go`,
/// `defaultMediaTypesConfig`). `application/xml` comes before `application/rss+xml`,
/// which has its suffix too: a `.xml` file is `application/xml` (checked with Hugo 0.168).
const HUGO_TYPES: &[(&str, &[&str])] = &[
    ("text/calendar", &["ics"]),
    ("text/css", &["css"]),
    ("text/x-scss", &["scss"]),
    ("text/x-sass", &["sass"]),
    ("text/csv", &["csv"]),
    ("text/html", &["html", "htm"]),
    ("text/javascript", &["js", "jsm", "mjs"]),
    ("text/typescript", &["ts"]),
    ("text/tsx", &["tsx"]),
    ("text/jsx", &["jsx"]),
    ("text/x-gotmpl", &["gotmpl"]),
    ("application/json", &["json"]),
    ("application/manifest+json", &["webmanifest"]),
    ("application/xml", &["xml"]),
    ("application/rss+xml", &["xml", "rss"]),
    ("image/svg+xml", &["svg"]),
    ("text/plain", &["txt"]),
    ("application/toml", &["toml"]),
    ("application/yaml", &["yaml", "yml"]),
    ("application/source-map", &["map"]),
    ("image/png", &["png"]),
    ("image/jpeg", &["jpg", "jpeg", "jpe", "jif", "jfif"]),
    ("image/gif", &["gif"]),
    ("image/tiff", &["tif", "tiff"]),
    ("image/bmp", &["bmp"]),
    ("image/webp", &["webp"]),
    ("image/avif", &["avif"]),
    ("image/heif", &["heif"]),
    ("image/heic", &["heic"]),
    ("font/ttf", &["ttf"]),
    ("font/otf", &["otf"]),
    ("font/woff", &["woff"]),
    ("font/woff2", &["woff2"]),
    ("application/pdf", &["pdf"]),
    ("text/markdown", &["md", "mdown", "markdown"]),
    ("text/asciidoc", &["adoc", "asciidoc", "ad"]),
    ("text/pandoc", &["pandoc", "pdc"]),
    ("text/rst", &["rst"]),
    ("text/org", &["org"]),
    ("video/x-msvideo", &["avi"]),
    ("video/mpeg", &["mpg", "mpeg"]),
    ("video/mp4", &["mp4"]),
    ("video/ogg", &["ogv"]),
    ("video/webm", &["webm"]),
    ("video/3gpp", &["3gpp", "3gp"]),
    ("application/wasm", &["wasm"]),
];

/// The media type of a file whose extension neither Hugo nor Go's `mime` knows: none
/// (Hugo prints an empty `.MediaType`, `.ResourceType` and `.MediaType.MainType`).
const UNKNOWN_TYPE: &str = "";

/// The media type of a file with no extension (`LICENSE`).
const NO_EXTENSION_TYPE: &str = "application/octet-stream";

/// Text files larger than this (bytes) give no `.Content`.
const MAX_CONTENT: u64 = 1 << 20;

/// A file's lower-cased extension (`PNG` → `png`; "" when none).
fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// A file's `.ResourceType`: the main type of its media type (`image`, `text`).
pub fn resource_type(name: &str) -> &'static str {
    let media = media_type(&extension(Path::new(name)));
    media.split_once('/').map_or(media, |(main, _)| main)
}

/// A resource for the file at `path`, published at `url` (site-relative, `/img/a.png`).
pub fn resource(path: &Path, name: &str, rel_permalink: &str, origin: &str) -> Value {
    let ext = extension(path);
    let media = media_type(&ext);
    let main = media.split_once('/').map_or(media, |(main, _)| main);
    let suffix = (!ext.is_empty() && media != UNKNOWN_TYPE).then_some(ext.as_str());
    let mut fields = vec![
        (KIND, string("resource")),
        ("__folio_path", string(path.to_string_lossy())),
        ("Name", string(name)),
        ("Title", string(name)),
        ("RelPermalink", string(rel_permalink)),
        ("Permalink", string(format!("{origin}{rel_permalink}"))),
        ("ResourceType", string(main)),
        ("MediaType", media_type_value(media, suffix)),
        ("Params", map::<&str>([])),
    ];
    if main == "image" && ext != "svg" {
        // One Folio cannot read the size of (a placeholder, a broken file) is 0 by 0, as
        // Hugo gives it.
        let size = imagesize::size(path).map_or((0, 0), |s| (s.width, s.height));
        let n = |v: usize| Value::Int(i64::try_from(v).unwrap_or(0));
        fields.push(("Width", n(size.0)));
        fields.push(("Height", n(size.1)));
    }
    let is_text = main == "text"
        || matches!(
            ext.as_str(),
            "json" | "svg" | "xml" | "js" | "yaml" | "yml" | "toml" | "webmanifest" | "rss"
        );
    let size = std::fs::metadata(path).map(|m| m.len());
    if is_text && size.as_ref().is_ok_and(|&n| n <= MAX_CONTENT) {
        if let Some(text) = crate::fs::read(path)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
        {
            fields.push(("Content", string(text)));
        }
    } else if !is_text && size.as_ref().is_ok_and(|&n| n <= MAX_BINARY_CONTENT) {
        // Hugo gives any file's bytes as a string: a file that reads as text is that
        // text (`a.png.meta`, a gallery's TOML sidecar; a notebook, `.ipynb`, Hextra's
        // `jupyter`); an image, a sound, a video or a font is not read to find out.
        let binary = matches!(main, "image" | "audio" | "video" | "font");
        let text = (!binary && size.is_ok_and(|n| n <= MAX_CONTENT))
            .then(|| crate::fs::read(path).ok())
            .flatten()
            .and_then(|bytes| String::from_utf8(bytes).ok());
        fields.push(("Content", text.map_or_else(|| binary_content(path), string)));
    }
    map(fields)
}

/// A Markdown file of a page bundle at `path`, named `name`
/// ([`super::bundle::is_markdown_file`]), which Hugo makes a page of its own, a page
/// resource (`.ResourceType` `page`, `%T` `*hugolib.pageState`, not published: no URL;
/// checked with Hugo 0.168): its `.Title`, `.Params` and `.Draft` from its front matter,
/// and `.Kind` `page`; its `.Content` is given by [`with_content`] to the files a lookup
/// keeps. Another field Hugo's page has is read as another page's is, shown as Folio's
/// card with the reason (`funcs::context`). `None` for a file of another kind, or one
/// Folio cannot read (then it is listed as a file).
pub fn content_resource(path: &Path, name: &str, frame: &super::Frame) -> Option<Value> {
    if !super::bundle::is_markdown_file(name) {
        return None;
    }
    let text = content_text(path)?;
    let page = crate::page::Page::parse(&text).ok()?;
    let tree = page.front_matter().map(|(_, tree)| tree);
    let front = match tree.map(crate::formats::Tree::to_hugo_json) {
        Some(serde_json::Value::Object(front)) => front,
        _ => serde_json::Map::new(),
    };
    let params = super::objects::own_page_params(
        &front,
        tree.map(|t| t.format),
        &[],
        &frame.time_zone,
        &frame.aliases,
    );
    let title = front
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("title"))
        .map(|(_, v)| super::values::to_string(&super::values::from_json(v)))
        .unwrap_or_default();
    let draft = params.field("draft").cloned().unwrap_or(Value::Bool(false));
    Some(map([
        (KIND, string("page")),
        (super::objects::OTHER_PAGE, string(name)),
        ("Name", string(name)),
        ("Title", string(title)),
        ("ResourceType", string("page")),
        ("Kind", string("page")),
        ("RelPermalink", string("")),
        ("Permalink", string("")),
        ("MediaType", media_type_value(NO_EXTENSION_TYPE, None)),
        ("Params", params),
        ("Draft", draft),
    ]))
}

/// `page`, a bundle's Markdown file at `path` ([`content_resource`]), with its `.Content`:
/// its body rendered as the page's Markdown (`frame`'s [`super::Host`]) when it calls no
/// shortcode (one that does would run in this page's context, not its own); as it is
/// otherwise, its `.Content` then said as Folio's gap. Rendered only for the files a
/// template keeps, not for each it looks through.
pub fn with_content(mut page: Value, path: &Path, frame: &super::Frame) -> Value {
    let html = content_text(path).and_then(|text| {
        let page = crate::page::Page::parse(&text).ok()?;
        let body = page.source().get(page.body_start()..).unwrap_or_default();
        let plain = !body.contains("{{<") && !body.contains("{{%");
        plain
            .then(|| frame.host.render_string(body, true).ok())
            .flatten()
    });
    if let (Some(html), Value::Map(fields)) = (html, &mut page) {
        std::sync::Arc::make_mut(fields).insert("Content".into(), super::values::html(html));
    }
    page
}

/// The text of a content file at `path`, when it is not larger than [`MAX_CONTENT`].
fn content_text(path: &Path) -> Option<String> {
    if std::fs::metadata(path).ok()?.len() > MAX_CONTENT {
        return None;
    }
    String::from_utf8(crate::fs::read(path).ok()?).ok()
}

/// Binary files (an image) larger than this (bytes) give no `.Content`.
const MAX_BINARY_CONTENT: u64 = 8 << 20;

/// The files whose `.Content` [`binary_content`] has given, each with the value it gave.
type Binaries = std::sync::Mutex<std::collections::HashMap<PathBuf, std::sync::Arc<str>>>;

fn binaries() -> &'static Binaries {
    static SEEN: std::sync::OnceLock<Binaries> = std::sync::OnceLock::new();
    SEEN.get_or_init(Default::default)
}

/// `.Content` of a binary file, such as an image. Hugo gives its bytes as a string, which
/// a text value cannot hold: Folio gives an empty text of the file's own (one per file,
/// kept for the process), which the functions that read an image's bytes recognise
/// ([`binary_bytes`]: `base64Encode` for a `data:` URL, `len`); anything else reads it as
/// the empty text it was before.
fn binary_content(path: &Path) -> Value {
    let mut seen = binaries()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let text = seen
        .entry(path.to_path_buf())
        .or_insert_with(|| std::sync::Arc::from(""));
    Value::String(text.clone())
}

/// The bytes of a binary file's `.Content` ([`binary_content`]); `None` for any other
/// value.
///
/// # Errors
/// The file cannot be read (gone since the resource was made).
pub fn binary_bytes(value: &Value) -> Option<std::io::Result<Vec<u8>>> {
    let Value::String(text) = value else {
        return None;
    };
    if !text.is_empty() {
        return None;
    }
    let path = binaries()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .iter()
        .find(|(_, t)| std::sync::Arc::ptr_eq(t, text))
        .map(|(p, _)| p.clone())?;
    Some(crate::fs::read(&path))
}

/// Hugo's media type for a file extension ([`HUGO_TYPES`]);
/// `ico`, `mp3` and `ogg` as Debian's `/etc/mime.types` names them (Hugo falls back to
/// Go's `mime`, which reads it); [`UNKNOWN_TYPE`] for any other.
fn media_type(ext: &str) -> &'static str {
    if let Some((media, _)) = HUGO_TYPES.iter().find(|(_, all)| all.contains(&ext)) {
        return media;
    }
    match ext {
        "ico" => "image/vnd.microsoft.icon",
        "mp3" => "audio/mpeg",
        "ogg" | "opus" => "audio/ogg",
        "" => NO_EXTENSION_TYPE,
        _ => system_type(ext).unwrap_or(UNKNOWN_TYPE),
    }
}

/// The media type Go's `mime.TypeByExtension` finds for `ext` in the machine's database
/// (`mime/type_unix.go`): the shared MIME database's `globs2` (`/usr/local/share/mime/`,
/// then `/usr/share/mime/`; the first that exists, and in it the first type for the
/// extension, as the file is in weight order), else `/etc/mime.types` and Apache's.
fn system_type(ext: &str) -> Option<&'static str> {
    static TYPES: std::sync::LazyLock<std::collections::HashMap<String, String>> =
        std::sync::LazyLock::new(|| {
            let mut types = std::collections::HashMap::new();
            for globs in ["/usr/local/share/mime/globs2", "/usr/share/mime/globs2"] {
                let Ok(text) = crate::fs::read_to_string(globs) else {
                    continue;
                };
                for line in text.lines().filter(|l| !l.starts_with('#')) {
                    let mut fields = line.splitn(3, ':');
                    let (_, media, glob) = (fields.next(), fields.next(), fields.next());
                    let ext = glob.and_then(|g| g.strip_prefix("*."));
                    if let (Some(media), Some(ext)) = (media, ext) {
                        if !ext.contains(['*', '?', '[']) {
                            types
                                .entry(ext.to_string())
                                .or_insert_with(|| media.to_string());
                        }
                    }
                }
                return types;
            }
            for file in [
                "/etc/mime.types",
                "/etc/apache2/mime.types",
                "/etc/apache/mime.types",
                "/etc/httpd/conf/mime.types",
            ] {
                let Ok(text) = crate::fs::read_to_string(file) else {
                    continue;
                };
                for line in text.lines().filter(|l| !l.starts_with('#')) {
                    let mut words = line.split_whitespace();
                    let Some(media) = words.next() else {
                        continue;
                    };
                    for ext in words {
                        types.insert(ext.to_string(), media.to_string());
                    }
                }
            }
            types
        });
    TYPES.get(ext).map(String::as_str)
}

/// Files under `dir` (relative names with `/`, sorted), at most a few thousand.
pub fn files_under(dir: &Path) -> Vec<String> {
    walk_files(dir)
        .filter(|(rel, _)| !rel.starts_with('.'))
        .map(|(rel, _)| rel)
        .take(10_000)
        .collect()
}

/// Every file under `dir`, in name order: `(its path under dir with /, the file)`.
pub fn walk_files(dir: &Path) -> impl Iterator<Item = (String, PathBuf)> + '_ {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(move |e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .ok()?
                .to_str()?
                .replace('\\', "/");
            Some((rel, e.into_path()))
        })
}

/// Whether a name matches Hugo's glob (`*` within a folder, `**` across, `?`, `[…]`, `{a,b}`),
/// without regard to case (`hugofs/hglob`, gobwas/glob with `/` the separator): for a
/// resource's path and a cascade's target alike.
pub fn matches(pattern: &str, name: &str) -> bool {
    // `**` crosses folders wherever it is (`**.txt`), which the glob crate allows only
    // as a whole path component: read as `*` that may cross them.
    let crosses = pattern.contains("**");
    let options = glob::MatchOptions {
        case_sensitive: false,
        require_literal_separator: !crosses,
        require_literal_leading_dot: false,
    };
    // A leading `/` on either side is no part of the match (a cascade's `/books/**` names
    // the page at `/books/x`; a resource's `/img/*` the file `img/a.png`).
    let name = name.trim_start_matches('/');
    alternatives(&pattern.replace("**", "*"), 64)
        .iter()
        .any(|one| {
            glob::Pattern::new(one.trim_start_matches('/'))
                .is_ok_and(|p| p.matches_with(name, options))
        })
}

/// Why Hugo's glob refuses `pattern` (an unclosed `[`, say), on which its
/// `GetMatch`/`Match` stop the build: gobwas/glob's syntax, read by the glob crate; none
/// when it parses.
pub fn glob_problem(pattern: &str) -> Option<String> {
    let pattern = pattern.trim_start_matches('/').replace("**", "*");
    alternatives(&pattern, 64).iter().find_map(|one| {
        glob::Pattern::new(one)
            .err()
            .map(|e| format!("glob: syntax error in {one:?}: {}", e.msg))
    })
}

/// A pattern's `{a,b}` groups spelled out (`*.{png,jpg}` → `*.png`, `*.jpg`), as the
/// gobwas/glob patterns Hugo matches with allow; at most `limit` patterns.
fn alternatives(pattern: &str, limit: usize) -> Vec<String> {
    let open = pattern.find('{');
    let close = open.and_then(|o| pattern.get(o..)?.find('}').map(|c| o + c));
    let (Some(open), Some(close)) = (open, close) else {
        return vec![pattern.to_string()];
    };
    let (head, inner, tail) = (
        pattern.get(..open).unwrap_or(""),
        pattern.get(open + 1..close).unwrap_or(""),
        pattern.get(close + 1..).unwrap_or(""),
    );
    let mut out = Vec::new();
    for choice in inner.split(',') {
        for rest in alternatives(tail, limit) {
            if out.len() >= limit {
                return out;
            }
            out.push(format!("{head}{choice}{rest}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_as_hugos_do() {
        assert!(matches("images/*", "images/a.png"));
        assert!(!matches("*.png", "images/a.png"));
        assert!(matches("**.PNG", "images/a.png"));
        assert!(matches("**/a.png", "images/a.png"));
        assert!(matches("*.{png,jpg}", "a.jpg") && matches("*.{png,jpg}", "a.png"));
        assert!(!matches("*.{png,jpg}", "a.gif"));
    }
}
