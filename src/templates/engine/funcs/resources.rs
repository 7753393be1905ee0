//! `resources.Get`, `resources.GetMatch`, `resources.Match` (`tpl/resources`) and a page's
//! `.Resources.GetMatch`, `.Match`, `.ByType` (`resources/resource/resources.go`), over
//! local files: see [`crate::templates::engine::resources`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use gotmpl::Value;

use super::super::bundle::bundle_files;
use super::super::images::{self, Method};
use super::super::objects::{base_path, origin};
use super::super::resources::{
    content_resource, files_under, glob_problem, matches, resource, with_content,
};
use super::super::values::{kind_of, to_string};
use super::{arg, str_arg, Func};
use crate::templates::engine::{self as engine, exec_error, Frame};

pub(super) const FUNCS: &[(&str, Func)] = &[
    ("resources.Get", |a| {
        let name = str_arg(a, 0, "resources.Get")?;
        let frame = engine::frame()?;
        Ok(assets_get(&frame, &name).unwrap_or(Value::Nil))
    }),
    ("resources.GetMatch", |a| {
        let pattern = glob_arg(a, 0, "resources.GetMatch")?;
        let found = assets_matching(&pattern)?;
        Ok(found.into_iter().next().unwrap_or(Value::Nil))
    }),
    ("resources.Match", |a| {
        let pattern = glob_arg(a, 0, "resources.Match")?;
        Ok(Value::List(assets_matching(&pattern)?.into()))
    }),
    (".GetMatch", |a| {
        let pattern = glob_arg(a, 1, ".GetMatch")?;
        let found = bundle_matching(arg(a, 0, ".GetMatch")?, &|name, _| matches(&pattern, name))?;
        Ok(found.into_iter().next().unwrap_or(Value::Nil))
    }),
    (".Match", |a| {
        let pattern = glob_arg(a, 1, ".Match")?;
        Ok(Value::List(
            bundle_matching(arg(a, 0, ".Match")?, &|name, _| matches(&pattern, name))?.into(),
        ))
    }),
    ("os.ReadFile readFile", |a| {
        // A file that is not there reads as "" (Hugo's `os.ReadFile`).
        let Some(path) = readable(&str_arg(a, 0, "os.ReadFile")?)? else {
            return Ok(super::super::values::string(""));
        };
        if std::fs::metadata(&path).is_ok_and(|m| m.len() > MAX_READ) {
            return Err(exec_error(format!(
                "os.ReadFile: {} is larger than 1 MB",
                path.display()
            )));
        }
        crate::fs::read_to_string(&path)
            .map(super::super::values::string)
            .map_err(|e| exec_error(format!("os.ReadFile: {}: {e}", path.display())))
    }),
    // Hugo's `images.Config`: an image file's size, found as `os.ReadFile` finds files.
    ("images.Config imageConfig", |a| {
        let name = str_arg(a, 0, "imageConfig")?;
        let path =
            readable(&name)?.ok_or_else(|| exec_error("imageConfig: file does not exist"))?;
        // The formats Hugo's Go decodes (`image`, and `golang.org/x/image`'s BMP, TIFF
        // and WebP): not an icon or an AVIF.
        let mut bytes = Vec::new();
        let read = crate::fs::regular(&path)
            .and_then(|()| std::fs::File::open(&path))
            .and_then(|f| {
                std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_READ), &mut bytes)
            });
        let decodable = read.ok().and_then(|_| {
            use imagesize::ImageType as T;
            let kind = imagesize::image_type(&bytes).ok()?;
            matches!(kind, T::Png | T::Jpeg | T::Gif | T::Webp | T::Bmp | T::Tiff)
                .then(|| imagesize::blob_size(&bytes).ok())
                .flatten()
        });
        let size = decodable.ok_or_else(|| exec_error("imageConfig: image: unknown format"))?;
        let n = |v: usize| Value::Int(i64::try_from(v).unwrap_or(0));
        Ok(super::super::values::map([
            ("Width", n(size.width)),
            ("Height", n(size.height)),
        ]))
    }),
    // Hugo's `os.Getenv`: a variable the site's `security.funcs.getenv` allows, else
    // Hugo's refusal.
    ("os.Getenv getenv", |a| {
        let name = str_arg(a, 0, "os.Getenv")?;
        if !whitelist_accepts(&engine::frame()?.getenv, &name) {
            return Err(exec_error(format!(
                "getenv: access denied: {name:?} is not whitelisted in policy \"security.funcs.getenv\""
            )));
        }
        Ok(super::super::values::string(
            std::env::var(&name).unwrap_or_default(),
        ))
    }),
    ("os.FileExists fileExists", |a| {
        Ok(Value::Bool(
            readable(&str_arg(a, 0, "os.FileExists")?)?.is_some(),
        ))
    }),
    ("os.ReadDir readDir", |a| {
        let root = site_root("os.ReadDir")?;
        // A folder that is not there, or outside the site, lists nothing (Go's nil
        // `[]fs.FileInfo`: it prints `[]` and its length is 0), as in Hugo.
        let Some(path) = within_root(&str_arg(a, 0, "os.ReadDir")?)
            .and_then(|rel| no_link_under(&root, &rel))
            .filter(|p| p.exists())
        else {
            return Ok(Value::List(Vec::new().into()));
        };
        let mut entries: Vec<(String, bool, u64)> = std::fs::read_dir(&path)
            .map_err(|e| exec_error(format!("os.ReadDir: {}: {e}", path.display())))?
            .filter_map(Result::ok)
            .map(|e| {
                let meta = e.metadata().ok();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    meta.as_ref().is_some_and(std::fs::Metadata::is_dir),
                    meta.map_or(0, |m| m.len()),
                )
            })
            .collect();
        entries.sort();
        Ok(Value::List(
            entries
                .into_iter()
                .map(|(name, dir, size)| {
                    super::super::values::map([
                        ("Name", super::super::values::string(name)),
                        ("IsDir", Value::Bool(dir)),
                        ("Size", Value::Int(i64::try_from(size).unwrap_or(i64::MAX))),
                    ])
                })
                .collect(),
        ))
    }),
    (".Resize", |a| processed(a, ".Resize")),
    (".Fit", |a| processed(a, ".Fit")),
    (".Fill", |a| processed(a, ".Fill")),
    (".Crop", |a| processed(a, ".Crop")),
    (".Process", process),
    (".Resources", |a| {
        // The page's files as a whole (`range .Resources`, `len .Resources`): every one
        // is published, as the template may write any one's URL.
        let receiver = arg(a, 0, ".Resources")?;
        if let Some(key) = super::super::values::map_key(receiver, ".Resources", "page") {
            return Ok(key);
        }
        match receiver.field("Resources") {
            Some(resources) => Ok(Value::List(
                bundle_matching(resources, &|_, _| true)?.into(),
            )),
            // A map without the field gives nothing, as any map's missing field does.
            None if matches!(receiver, Value::Map(_)) => Ok(Value::Nil),
            None => Err(exec_error(format!(
                "can't evaluate field Resources in type {}",
                receiver.type_name()
            ))),
        }
    }),
    (".ByType", |a| {
        let kind = str_arg(a, 1, ".ByType")?;
        Ok(Value::List(
            bundle_matching(arg(a, 0, ".ByType")?, &|_, r| {
                r.field("ResourceType").map(to_string).as_deref() == Some(kind.as_str())
            })?
            .into(),
        ))
    }),
];

/// `.Process SPEC` on an image resource (Hugo's `images.Process`): the spec's first word
/// names the action (`resize`, `fit`, `fill`, `crop`; `resize 800x webp` is `.Resize
/// "800x webp"`); without one, the image is written again at its own size (turned a
/// quarter, its height by its width) in the format and quality the spec gives (`webp
/// q50`), and a size is an error, as in Hugo.
fn process(a: &[Value]) -> gotmpl::Result<Value> {
    let receiver = arg(a, 0, ".Process")?;
    let spec = str_arg(a, 1, ".Process")?;
    let mut words = spec.split_whitespace();
    let action = words
        .next()
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let (method, rest) = match action.as_str() {
        "resize" => (".Resize", words.collect::<Vec<_>>().join(" ")),
        "fit" => (".Fit", words.collect::<Vec<_>>().join(" ")),
        "fill" => (".Fill", words.collect::<Vec<_>>().join(" ")),
        "crop" => (".Crop", words.collect::<Vec<_>>().join(" ")),
        // No action: the image in the format, quality and rotation the spec gives.
        _ => (".Process", spec.clone()),
    };
    processed(
        &[receiver.clone(), super::super::values::string(rest)],
        method,
    )
}

/// `.Resize SPEC` and its kin on an image resource: the processed image, as a resource
/// published beside the original (`/images/cover_hu_….png`).
fn processed(a: &[Value], method_name: &str) -> gotmpl::Result<Value> {
    let receiver = arg(a, 0, method_name)?;
    if kind_of(receiver) != Some("resource") {
        return Err(exec_error(format!(
            "{method_name} is a method of an image resource"
        )));
    }
    let method = Method::of(method_name)
        .ok_or_else(|| exec_error(format!("{method_name} is not an image method")))?;
    let source = PathBuf::from(
        receiver
            .field("__folio_path")
            .map(to_string)
            .unwrap_or_default(),
    );
    let spec = str_arg(a, 1, method_name)?;
    let out = images::process(&source, method, &spec)
        .map_err(|e| exec_error(format!("{method_name}: {e}")))?;
    // (An image resource holds its size, read when it was made.)
    let size = |field: &str| receiver.field(field).and_then(super::super::values::to_int);
    let dims = size("Width")
        .zip(size("Height"))
        .and_then(|(w, h)| Some((u32::try_from(w).ok()?, u32::try_from(h).ok()?)))
        .filter(|&(w, h)| w > 0 && h > 0);
    if images::smart_crop(method, &spec, dims) {
        engine::warn(format!(
            "{method_name} {spec:?} crops at Hugo's Smart anchor (the default), which picks \
             the part of the picture to keep by what it shows; Folio keeps the centre, so the \
             preview may show another part of it: name an anchor (`{spec} Center`, `Top`…) to \
             have both keep the same part"
        ))?;
    }
    let frame = engine::frame()?;
    let base = frame.base_url();
    let origin = origin(&base);
    let original = receiver
        .field("RelPermalink")
        .map(to_string)
        .unwrap_or_default();
    let dir = original.rsplit_once('/').map_or("", |(d, _)| d);
    let file = out.file_name().and_then(|n| n.to_str()).unwrap_or("image");
    // Escaped as the original's URL is (`my photo.jpg`: `my%20photo_hu_….jpg`).
    let rel = format!("{dir}/{}", path_escaped(file));
    frame.publish([rel.clone(), format!("{origin}{rel}")], &out);
    // Hugo's processed image is named and titled by its file's path in the bundle, and
    // keeps the params the front matter gave the original.
    let name = receiver
        .field("__folio_file")
        .or_else(|| receiver.field("Name"))
        .map(to_string)
        .unwrap_or_default();
    let mut image = resource(&out, &name, &rel, origin);
    if let (Value::Map(fields), Some(params)) = (&mut image, receiver.field("Params")) {
        std::sync::Arc::make_mut(fields).insert(std::sync::Arc::from("Params"), params.clone());
    }
    Ok(image)
}

/// Argument `i` of `name`, a glob pattern Hugo's glob reads: else Hugo's error
/// (`error calling GetMatch: glob: syntax error …`).
fn glob_arg(a: &[Value], i: usize, name: &str) -> gotmpl::Result<String> {
    let pattern = str_arg(a, i, name)?;
    match glob_problem(&pattern) {
        Some(problem) => Err(exec_error(format!(
            "error calling {}: {problem}",
            name.rsplit('.').next().unwrap_or(name)
        ))),
        None => Ok(pattern),
    }
}

/// Whether Hugo's whitelist of `patterns` accepts `name` (`config/security/whitelist.go`):
/// none when it has no pattern or says `none`; else none a `! PATTERN` matches, and of
/// the rest, any a plain pattern matches (all, when every pattern is a `!` one). Patterns
/// are regular expressions, matched anywhere in the name.
fn whitelist_accepts(patterns: &[String], name: &str) -> bool {
    let mut kept = Vec::new();
    for p in patterns {
        if p == "none" {
            return false;
        }
        let p = p.trim();
        if !p.is_empty() {
            kept.push(p);
        }
    }
    if kept.is_empty() {
        return false;
    }
    let matches = |p: &str| regex::Regex::new(p).is_ok_and(|r| r.is_match(name));
    let (deny, allow): (Vec<&str>, Vec<&str>) = kept.into_iter().partition(|p| p.starts_with("! "));
    if deny.iter().any(|p| matches(p.get(2..).unwrap_or_default())) {
        return false;
    }
    allow.is_empty() || allow.iter().any(|p| matches(p))
}

/// The most `os.ReadFile` reads (bytes).
const MAX_READ: u64 = 1 << 20;

/// `path` as `os.ReadFile` and its kin read it: relative to a root (Go's
/// `filepath.Join(root, path)`, so a leading `/` is dropped too), with `.` and `..`
/// resolved (`./content/x.md`, `content/sub/../x.md`); `None` when it leaves the root,
/// which Hugo's `afero.BasePathFs` reads as a file that does not exist. Slash-separated,
/// "" for the root itself.
fn within_root(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    // `\` separates too where Windows reads it; a drive (`C:`) leaves the root.
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            name if name.contains(':') => return None,
            name => parts.push(name),
        }
    }
    Some(parts.join("/"))
}

/// `rel` (from [`within_root`]) under `base`, when no folder or file on the way is a
/// symbolic link: Hugo's file system reads nothing through one, even one that stays in
/// the site, and a link must not let a site's template read the machine's other files.
fn no_link_under(base: &Path, rel: &str) -> Option<PathBuf> {
    let mut at = base.to_path_buf();
    for part in rel.split('/').filter(|p| !p.is_empty()) {
        at.push(part);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return None;
        }
    }
    Some(at)
}

/// The site's root folder.
///
/// # Errors
/// The page is not in a site.
fn site_root(function: &str) -> gotmpl::Result<PathBuf> {
    engine::frame()?
        .resources
        .root
        .clone()
        .ok_or_else(|| exec_error(format!("{function}: the page is not in a site")))
}

/// Where `os.ReadFile` and `os.FileExists` find `path`: under the site's root, else under
/// a theme's (in theme order), else under the page language's content folder (Hugo's
/// overlay of its working folders and content folders, `tpl/os/os.go`); `None` when in
/// none, or when `path` leaves them ([`within_root`]). `os.ReadDir` reads the site's
/// folder only, as Hugo 0.168's does.
///
/// # Errors
/// The page is not in a site.
fn readable(path: &str) -> gotmpl::Result<Option<PathBuf>> {
    let root = site_root("os.ReadFile")?;
    let Some(rel) = within_root(path) else {
        return Ok(None);
    };
    let dirs = &engine::frame()?.resources;
    Ok(std::iter::once(&root)
        .chain(&dirs.themes)
        .chain(&dirs.content)
        .filter_map(|d| no_link_under(d, &rel))
        .find(|p| p.exists()))
}

/// `resources.Get NAME`: the `assets/` file of that name (a leading `/` ignored), or none.
fn assets_get(frame: &Frame, name: &str) -> Option<Value> {
    let name = name.trim_start_matches('/');
    let found = frame
        .resources
        .assets
        .iter()
        .filter(|_| is_plain(name))
        .filter_map(|dir| no_link_under(dir, name))
        .find(|p| p.is_file());
    found.map(|path| asset(frame, path, name))
}

/// The `.RelPermalink` of the file Hugo's embedded link and image render hooks find at
/// `path` (a relative destination's path, `./` taken off): the page's own resource of
/// that name (`.PageInner.Resources.Get`), else the `assets/` file (`resources.Get`;
/// `_markup/render-image.html`), published as the templates' resources are; `None` when
/// there is neither.
pub(crate) fn embedded_hook_file(frame: &Frame, path: &str) -> Option<String> {
    let own = frame
        .page_of_text()
        .field("Resources")
        .and_then(|r| bundle_named(r, path).ok().flatten());
    let found = own.or_else(|| assets_get(frame, path))?;
    found.field("RelPermalink").map(to_string)
}

/// A relative name without `..` or a root.
fn is_plain(name: &str) -> bool {
    std::path::Path::new(name)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// An `assets/` file as a resource, published at the base path plus its name.
fn asset(frame: &Frame, path: PathBuf, name: &str) -> Value {
    let base = frame.base_url();
    let rel = format!("{}/{name}", base_path(&base).trim_end_matches('/'));
    let origin = origin(&base);
    frame.publish([rel.clone(), format!("{origin}{rel}")], &path);
    // An asset's name is its path from the assets root, with the slash (Hugo 0.168).
    resource(&path, &format!("/{name}"), &rel, origin)
}

fn assets_matching(pattern: &str) -> gotmpl::Result<Vec<Value>> {
    let frame = engine::frame()?;
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for dir in &frame.resources.assets {
        for name in files_under(dir) {
            if matches(pattern, &name) && seen.insert(name.clone()) {
                out.push(asset(&frame, dir.join(&name), &name));
            }
        }
    }
    Ok(out)
}

/// `.Resources.Get NAME`: the bundle's resource of that name (case-insensitive), or none.
pub(super) fn bundle_named(receiver: &Value, name: &str) -> gotmpl::Result<Option<Value>> {
    // `./a.txt` and `/a.txt` name `a.txt`, as Hugo cleans the path it is given.
    let mut name = name.trim_start_matches('/');
    while let Some(rest) = name.strip_prefix("./") {
        name = rest.trim_start_matches('/');
    }
    let found = bundle_matching(receiver, &|n, _| n.eq_ignore_ascii_case(name))?;
    Ok(found.into_iter().next())
}

/// The page bundle's resources (its files but the page itself) that `keep` keeps.
fn bundle_matching(
    receiver: &Value,
    keep: &dyn Fn(&str, &Value) -> bool,
) -> gotmpl::Result<Vec<Value>> {
    // A list of the page's files (`$all := .Resources`, `.Resources.ByType "image"`) is
    // filtered as it is: each was published when it was listed.
    if let Value::List(items) = receiver {
        return Ok(items
            .iter()
            .filter(|r| {
                let named = |k: &str| r.field(k).map(to_string).unwrap_or_default();
                // By its name, else (renamed by the front matter) by its file name.
                let page = r.field("ResourceType").map(to_string).as_deref() == Some("page");
                (kind_of(r) == Some("resource") || page)
                    && (keep(&named("Name"), r)
                        || r.field("__folio_file").is_some() && keep(&named("__folio_file"), r))
            })
            .cloned()
            .collect());
    }
    if kind_of(receiver) != Some("resources") {
        return Err(exec_error("this method is defined on a page's .Resources"));
    }
    let frame = engine::frame()?;
    // The page's own files, or another page's (`.GetPage`'s).
    let bundle = super::super::resources::PageBundle::of(receiver, &frame);
    let Some(dir) = bundle.dir.clone() else {
        return Ok(Vec::new());
    };
    let page_url = bundle.url.clone();
    let base = frame.base_url();
    let origin = origin(&base);
    // A bundle's files are shared by its translations, and published once, where the
    // page of the site's default language is (`/fr/about/` shares `/about/`'s).
    let prefix = super::super::values::url_prefix(&frame.site);
    let root = base_path(&base).trim_end_matches('/');
    let page_url = match page_url.strip_prefix(&format!("{root}{prefix}/")) {
        Some(rest) if !prefix.is_empty() => format!("{root}/{rest}"),
        _ => page_url,
    };
    let in_language = |f: &str| in_the_pages_language(f, &frame.site).is_some();
    let page_file = bundle.page_file.as_deref();
    let listed = bundle_files(&dir, page_file, &bundle.meta, bundle.home, &in_language);
    // The files kept by their names; a renamed file is kept by its file name only when no
    // file is kept by name (Hugo's `Match` and `GetMatch`: `Name`, then, when nothing
    // matched, `NameNormalized`; `resources/resource/resources.go`).
    let (mut by_name, mut by_file) = (Vec::new(), Vec::new());
    for file in &listed {
        let path = dir.join(&file.file);
        let rel = format!("{page_url}{}", path_escaped(&file.file));
        let Some((r, name)) = bundle_resource(file, (&path, &rel, origin), &frame) else {
            continue;
        };
        if keep(&name, &r) {
            by_name.push((rel, path, r));
        } else if file.name != file.file && keep(&file.file, &r) {
            by_file.push((rel, path, r));
        }
    }
    let kept = if by_name.is_empty() { by_file } else { by_name };
    Ok(kept
        .into_iter()
        .map(|(rel, path, r)| {
            if kind_of(&r) == Some("resource") {
                frame.publish([rel.clone(), format!("{origin}{rel}")], &path);
                r
            } else {
                with_content(r, &path, &frame)
            }
        })
        .collect())
}

/// The value of a bundle's `file` at `path` and its `.Name`: a Markdown file the page
/// resource of one language Hugo makes of it ([`content_resource`]: not published, `rel`
/// unused; `None` for another language's page, review 62c, r1; named in lower case
/// without its language, `Thanks.en.md` is `thanks.md`; a draft is listed too, checked
/// with Hugo 0.168), any other file a resource published at `rel`.
fn bundle_resource(
    file: &super::super::bundle::BundleFile,
    (path, rel, origin): (&Path, &str, &str),
    frame: &engine::Frame,
) -> Option<(Value, String)> {
    let Some(page) = content_resource(path, &file.file, frame) else {
        let r = file.resource(resource(path, &file.file, rel, origin));
        return Some((r, file.name.clone()));
    };
    let name = in_the_pages_language(&file.file, &frame.site)?.to_lowercase();
    let mut r = file.resource(page);
    if let Value::Map(fields) = &mut r {
        Arc::make_mut(fields).insert(Arc::from("Name"), super::super::values::string(&name));
    }
    Some((r, name))
}

/// A bundle's Markdown file named `file` (`thanks.en.md`) without its language's code
/// (`thanks.md`, its `.Name`) when it is a page of the language of the page being rendered
/// (`site`'s); `None` when it is another language's. A file named with no language's
/// code is the default language's (Hugo's content files are each a language's; its other
/// files are shared).
fn in_the_pages_language(file: &str, site: &Value) -> Option<String> {
    let lang = |v: &Value| v.field("Lang").map(to_string).unwrap_or_default();
    let own = site.field("Language").map(lang).unwrap_or_default();
    let languages = match site.field("Languages") {
        Some(Value::List(all)) => all.to_vec(),
        _ => Vec::new(),
    };
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    let named = stem
        .rsplit_once('.')
        .filter(|(_, code)| languages.iter().any(|l| lang(l).eq_ignore_ascii_case(code)));
    let default = languages
        .iter()
        .find(|l| l.field("IsDefault") == Some(&Value::Bool(true)))
        .map(lang);
    let (bare, code) = match (named, default) {
        (Some((bare, code)), _) => (format!("{bare}.{ext}"), code.to_string()),
        (None, Some(default)) => (file.to_string(), default),
        (None, None) => return Some(file.to_string()),
    };
    code.eq_ignore_ascii_case(&own).then_some(bare)
}

/// A file's path under its bundle as its URL writes it: escaped as Go's URL path
/// (`url.URL.EscapedPath`: `café (1).png` is `caf%C3%A9%20%281%29.png`, `a,b;c` stays),
/// as Hugo publishes a page resource, and a front matter `url` that is no URL path as
/// written.
pub(crate) fn path_escaped(file: &str) -> String {
    // A path (`EscapedPath`) keeps `,` and `;` too.
    const SEGMENT: &percent_encoding::AsciiSet =
        &super::encoding::PATH_SEGMENT.remove(b',').remove(b';');
    file.split('/')
        .map(|segment| percent_encoding::utf8_percent_encode(segment, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::{whitelist_accepts, within_root};

    #[test]
    fn a_path_is_read_within_the_root_whichever_separator_it_uses_and_none_leaves_it() {
        assert_eq!(
            within_root("./content/a.md").as_deref(),
            Some("content/a.md")
        );
        assert_eq!(
            within_root("/content/x/../a.md").as_deref(),
            Some("content/a.md")
        );
        assert_eq!(
            within_root("content\\a.md").as_deref(),
            Some("content/a.md")
        );
        assert_eq!(within_root("."), Some(String::new()));
        for leaving in [
            "../x",
            "content/../../x",
            "..\\..\\Users\\x",
            "C:/Users/x",
            "C:x",
        ] {
            assert_eq!(within_root(leaving), None, "{leaving}");
        }
    }

    fn accepts(patterns: &[&str], name: &str) -> bool {
        let patterns: Vec<String> = patterns.iter().map(|p| (*p).to_string()).collect();
        whitelist_accepts(&patterns, name)
    }

    #[test]
    fn a_whitelist_denies_what_a_negated_pattern_matches_and_allows_what_a_plain_one_does() {
        assert!(accepts(&["^HUGO_", "^CI$"], "HUGO_ENV"));
        assert!(!accepts(&["^HUGO_", "^CI$"], "HOME"));
        assert!(!accepts(&["^HUGO_", "! ^HUGO_FOO"], "HUGO_FOO"));
        assert!(accepts(&["^HUGO_", "! ^HUGO_FOO"], "HUGO_BAR"));
        assert!(
            accepts(&["! ^SECRET"], "HUGO_FOO"),
            "only denials: the rest is allowed"
        );
        assert!(!accepts(&["! ^SECRET"], "SECRET_KEY"));
        assert!(!accepts(&["none", "^HUGO_"], "HUGO_X"));
        assert!(!accepts(&[], "HUGO_X"));
    }
}
