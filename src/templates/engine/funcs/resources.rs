//! `resources.Get`, `resources.GetMatch`, `resources.Match` (`tpl/resources`) and a page's
//! `.Resources.GetMatch`, `.Match`, `.ByType` (`resources/resource/resources.go`), over
//! local files: see [`crate::templates::engine::resources`].

use std::path::PathBuf;

use gotmpl::Value;

use super::super::images::{self, Method};
use super::super::objects::{base_path, origin};
use super::super::resources::{files_under, matches, resource};
use super::super::values::{kind_of, to_string};
use super::{arg, str_arg, Func};
use crate::templates::engine::{self as engine, exec_error, Frame};

pub(super) const FUNCS: &[(&str, Func)] = &[
    ("resources.Get", |a| {
        let name = str_arg(a, 0, "resources.Get")?;
        let name = name.trim_start_matches('/');
        let frame = engine::frame()?;
        let found = frame
            .resources
            .assets
            .iter()
            .map(|dir| dir.join(name))
            .find(|p| p.is_file() && is_plain(name));
        Ok(found.map_or(Value::Nil, |path| asset(&frame, path, name)))
    }),
    ("resources.GetMatch", |a| {
        let found = assets_matching(&str_arg(a, 0, "resources.GetMatch")?)?;
        Ok(found.into_iter().next().unwrap_or(Value::Nil))
    }),
    ("resources.Match", |a| {
        Ok(Value::List(
            assets_matching(&str_arg(a, 0, "resources.Match")?)?.into(),
        ))
    }),
    (".GetMatch", |a| {
        let found = bundle_matching(arg(a, 0, ".GetMatch")?, &|name, _| {
            str_arg(a, 1, ".GetMatch").is_ok_and(|p| matches(&p, name))
        })?;
        Ok(found.into_iter().next().unwrap_or(Value::Nil))
    }),
    (".Match", |a| {
        let pattern = str_arg(a, 1, ".Match")?;
        Ok(Value::List(
            bundle_matching(arg(a, 0, ".Match")?, &|name, _| matches(&pattern, name))?.into(),
        ))
    }),
    ("os.ReadFile readFile", |a| {
        let path = site_file(&str_arg(a, 0, "os.ReadFile")?)?;
        if std::fs::metadata(&path).is_ok_and(|m| m.len() > MAX_READ) {
            return Err(exec_error(format!(
                "os.ReadFile: {} is larger than 1 MB",
                path.display()
            )));
        }
        std::fs::read_to_string(&path)
            .map(super::super::values::string)
            .map_err(|e| exec_error(format!("os.ReadFile: {}: {e}", path.display())))
    }),
    ("os.FileExists fileExists", |a| {
        let path = site_file(&str_arg(a, 0, "os.FileExists")?)?;
        Ok(Value::Bool(path.exists()))
    }),
    ("os.ReadDir readDir", |a| {
        let path = site_file(&str_arg(a, 0, "os.ReadDir")?)?;
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
    let frame = engine::frame()?;
    let base = frame.base_url();
    let origin = origin(&base);
    let original = receiver
        .field("RelPermalink")
        .map(to_string)
        .unwrap_or_default();
    let dir = original.rsplit_once('/').map_or("", |(d, _)| d);
    let file = out.file_name().and_then(|n| n.to_str()).unwrap_or("image");
    let rel = format!("{dir}/{file}");
    frame.publish([rel.clone(), format!("{origin}{rel}")], &out);
    let name = receiver.field("Name").map(to_string).unwrap_or_default();
    Ok(resource(&out, &name, &rel, origin))
}

/// The most `os.ReadFile` reads (bytes).
const MAX_READ: u64 = 1 << 20;

/// A path `os.ReadFile` and its kin may read: relative to the site's root, and inside it
/// (Hugo: "relative to the working directory", the project root).
fn site_file(path: &str) -> gotmpl::Result<PathBuf> {
    let frame = engine::frame()?;
    let root = frame
        .resources
        .root
        .clone()
        .ok_or_else(|| exec_error("os.ReadFile: the page is not in a site"))?;
    let rel = path.trim_start_matches('/');
    if !is_plain(rel) && !rel.is_empty() {
        return Err(exec_error(format!(
            "os.ReadFile: {path:?} is outside the site"
        )));
    }
    Ok(root.join(rel))
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
    let name = name.trim_start_matches('/');
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
                kind_of(r) == Some("resource")
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
    let Some(dir) = frame.resources.bundle.clone() else {
        return Ok(Vec::new());
    };
    let page_url = frame
        .page
        .field("RelPermalink")
        .map(to_string)
        .unwrap_or_default();
    let base = frame.base_url();
    let origin = origin(&base);
    // A bundle's files are shared by its translations, and published once, where the
    // page of the site's default language is (`/fr/about/` shares `/about/`'s).
    let prefix = frame
        .site
        .field("LanguagePrefix")
        .map(to_string)
        .unwrap_or_default();
    let root = base_path(&base).trim_end_matches('/');
    let page_url = match page_url.strip_prefix(&format!("{root}{prefix}/")) {
        Some(rest) if !prefix.is_empty() => format!("{root}/{rest}"),
        _ => page_url,
    };
    let mut out = Vec::new();
    let listed = bundle_files(
        &dir,
        frame.resources.page_file.as_deref(),
        &frame.resources.meta,
    );
    for file in &listed {
        let path = dir.join(&file.file);
        let rel = format!("{page_url}{}", file.file);
        let r = file.resource(resource(&path, &file.file, &rel, origin));
        // A renamed file is found by its new name or its file name (Hugo's `GetMatch`:
        // `Name`, then `NameNormalized`).
        if keep(&file.name, &r) || (file.name != file.file && keep(&file.file, &r)) {
            frame.publish([rel.clone(), format!("{origin}{rel}")], &path);
            out.push(r);
        }
    }
    Ok(out)
}

/// A file of a page bundle as the page lists it: its path in the bundle (`/`-separated),
/// and the name, title and params the front matter's `resources` give it.
struct BundleFile {
    file: String,
    kind: &'static str,
    name: String,
    title: Option<String>,
    params: serde_json::Map<String, serde_json::Value>,
}

impl BundleFile {
    /// `resource` (the file's) with the name, title and params given to it.
    fn resource(&self, mut resource: Value) -> Value {
        if let Value::Map(fields) = &mut resource {
            let fields = std::sync::Arc::make_mut(fields);
            let mut set = |k: &str, v: Value| fields.insert(std::sync::Arc::from(k), v);
            set("Name", super::super::values::string(&self.name));
            set("__folio_file", super::super::values::string(&self.file));
            if let Some(title) = &self.title {
                set("Title", super::super::values::string(title));
            }
            if !self.params.is_empty() {
                let params = serde_json::Value::Object(self.params.clone());
                set("Params", super::super::values::from_json(&params));
            }
        }
        resource
    }
}

/// The files of the bundle folder `dir` but its pages (`page`, `index.fr.md`), in the
/// order Hugo lists a page's resources, with the front matter's `resources` entries
/// (`meta`) applied: Hugo (`hugolib/content_map_page.go`) sorts them by its `lessFunc`,
/// applies the entries in that order, and sorts again when there are any.
fn bundle_files(
    dir: &std::path::Path,
    page: Option<&std::path::Path>,
    meta: &[serde_json::Map<String, serde_json::Value>],
) -> Vec<BundleFile> {
    let mut names = files_under(dir);
    // Hugo walks a bundle's files by their lower-cased paths.
    names.sort_by_key(|n| n.to_lowercase());
    let mut files: Vec<BundleFile> = names
        .into_iter()
        .filter(|name| page != Some(dir.join(name).as_path()) && !is_bundle_page(name))
        .map(|file| BundleFile {
            kind: super::super::resources::resource_type(&file),
            name: file.clone(),
            file,
            title: None,
            params: serde_json::Map::new(),
        })
        .collect();
    hugo_sort(&mut files);
    if !meta.is_empty() {
        let mut counters = std::collections::HashMap::new();
        for file in &mut files {
            apply_meta(file, meta, &mut counters);
        }
        hugo_sort(&mut files);
    }
    files
}

/// Hugo's `lessFunc` for a page's resources, "resource type less, else name less". It is
/// no strict order, so the result depends on the sort's every step: Go's
/// `sort.SliceStable` ([`go_stable`]) is followed as it runs.
fn hugo_sort(files: &mut [BundleFile]) {
    go_stable(files, &|a: &BundleFile, b: &BundleFile| {
        a.kind < b.kind || a.name < b.name
    });
}

/// Go's stable sort (`sort/zsortfunc.go`, `stable_func`), step for step: insertion sorts
/// of blocks of 20, then `symMerge` of blocks doubling in size. With a comparator that is
/// no strict order the result is Go's, which a different stable sort would not give.
fn go_stable<T>(data: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    let n = data.len();
    let mut block = 20;
    let (mut a, mut b) = (0, block);
    while b <= n {
        insertion_sort(data, a, b, less);
        a = b;
        b += block;
    }
    insertion_sort(data, a, n, less);
    while block < n {
        (a, b) = (0, 2 * block);
        while b <= n {
            sym_merge(data, a, a + block, b, less);
            a = b;
            b += 2 * block;
        }
        let m = a + block;
        if m < n {
            sym_merge(data, a, m, n, less);
        }
        block *= 2;
    }
}

/// `less` of the items at `i` and `j` (false when either is out of range).
fn less_at<T>(data: &[T], i: usize, j: usize, less: &dyn Fn(&T, &T) -> bool) -> bool {
    data.get(i)
        .zip(data.get(j))
        .is_some_and(|(x, y)| less(x, y))
}

fn insertion_sort<T>(data: &mut [T], a: usize, b: usize, less: &dyn Fn(&T, &T) -> bool) {
    for i in a + 1..b {
        let mut j = i;
        while j > a && less_at(data, j, j - 1, less) {
            data.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Go's `symMerge_func`: merges the sorted runs `a..m` and `m..b` in place (Kim and
/// Kutzner's SymMerge).
fn sym_merge<T>(data: &mut [T], a: usize, m: usize, b: usize, less: &dyn Fn(&T, &T) -> bool) {
    if m - a == 1 {
        let (mut i, mut j) = (m, b);
        while i < j {
            let h = (i + j) / 2;
            if less_at(data, h, a, less) {
                i = h + 1;
            } else {
                j = h;
            }
        }
        for k in a..i.saturating_sub(1) {
            data.swap(k, k + 1);
        }
        return;
    }
    if b - m == 1 {
        let (mut i, mut j) = (a, m);
        while i < j {
            let h = (i + j) / 2;
            if less_at(data, m, h, less) {
                j = h;
            } else {
                i = h + 1;
            }
        }
        let mut k = m;
        while k > i {
            data.swap(k, k - 1);
            k -= 1;
        }
        return;
    }
    let mid = (a + b) / 2;
    let n = mid + m;
    let (mut start, mut r) = if m > mid { (n - b, mid) } else { (a, m) };
    let p = n - 1;
    while start < r {
        let c = (start + r) / 2;
        if less_at(data, p - c, c, less) {
            r = c;
        } else {
            start = c + 1;
        }
    }
    let end = n - start;
    if start < m && m < end {
        rotate(data, start, m, end);
    }
    if a < start && start < mid {
        sym_merge(data, a, start, mid, less);
    }
    if mid < end && end < b {
        sym_merge(data, mid, end, b, less);
    }
}

/// Go's `rotate_func`: swaps the runs `a..m` and `m..b` by block swaps.
fn rotate<T>(data: &mut [T], a: usize, m: usize, b: usize) {
    let (mut i, mut j) = (m - a, b - m);
    while i != j {
        if i > j {
            swap_range(data, m - i, m, j);
            i -= j;
        } else {
            swap_range(data, m - i, m + j - i, i);
            j -= i;
        }
    }
    swap_range(data, m - i, m, i);
}

fn swap_range<T>(data: &mut [T], a: usize, b: usize, n: usize) {
    for k in 0..n {
        data.swap(a + k, b + k);
    }
}

/// The front matter's `resources` entries applied to one file, as Hugo's `assignMetadata`
/// (`resources/resource_metadata.go`) applies them: of the entries whose `src` glob
/// matches the file (in any case), the first `name` and the first `title` are its own,
/// with `:counter` counting the files that took that entry's; every `params` is merged
/// in, a later one's keys winning (lower-cased).
fn apply_meta(
    file: &mut BundleFile,
    meta: &[serde_json::Map<String, serde_json::Value>],
    counters: &mut std::collections::HashMap<String, usize>,
) {
    let key = file.file.to_lowercase();
    let (mut name_set, mut title_set) = (false, false);
    let (mut name_counter, mut title_counter) = (0, 0);
    for entry in meta {
        // An entry without `src` is an error that ends Hugo's assigning for the file
        // (what it assigned stays).
        let Some(src) = entry.get("src").map(cast_text) else {
            break;
        };
        let src = src.to_lowercase();
        if !matches(&src, &key) {
            continue;
        }
        let mut counted = |counter: &mut usize, which: &str, value: &str| {
            if value.contains(":counter") && *counter == 0 {
                let n = counters.entry(format!("{which}_{src}")).or_insert(0);
                *n += 1;
                *counter = *n;
            }
            value.replace(":counter", &counter.to_string())
        };
        if let (false, Some(name)) = (name_set, entry.get("name")) {
            let name = cast_text(name);
            file.name = counted(&mut name_counter, "name", name.trim_start_matches('/'));
            name_set = true;
        }
        if let (false, Some(title)) = (title_set, entry.get("title")) {
            file.title = Some(counted(&mut title_counter, "title", &cast_text(title)));
            title_set = true;
        }
        if let Some(serde_json::Value::Object(params)) = entry.get("params") {
            for (k, v) in params {
                file.params.insert(k.to_lowercase(), lower_keys(v));
            }
        }
    }
}

/// A front matter value as spf13/cast's `ToString` gives it: a string as it is, a number
/// as Go writes it (`7.0` → `7`), a boolean, and "" for a list, a table or null.
fn cast_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (_, _, Some(f)) => super::super::values::cast_float(f),
            _ => n.to_string(),
        },
        _ => String::new(),
    }
}

/// Params with every table's keys lower-cased, as Hugo's `PrepareParams` makes them.
fn lower_keys(v: &serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(m) => serde_json::Value::Object(
            m.iter()
                .map(|(k, v)| (k.to_lowercase(), lower_keys(v)))
                .collect(),
        ),
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.iter().map(lower_keys).collect())
        }
        other => other.clone(),
    }
}

/// Whether a bundle's file is one of its pages (`index.md`, `index.fr.md`, `_index.md`):
/// an index file in a content format Hugo reads.
fn is_bundle_page(name: &str) -> bool {
    let stem_and_ext = name.split_once('.');
    stem_and_ext.is_some_and(|(stem, rest)| {
        (stem == "index" || stem == "_index")
            && !name.contains('/')
            && rest.rsplit('.').next().is_some_and(|ext| {
                [
                    "md", "markdown", "html", "htm", "org", "adoc", "rst", "pdc", "ad",
                ]
                .contains(&ext)
            })
    })
}
