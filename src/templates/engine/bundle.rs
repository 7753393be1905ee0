//! A page bundle's files as Hugo lists them in `.Resources`: its files but its pages, in
//! Hugo's order, named, titled and given params by the front matter's `resources`
//! entries (`hugolib/content_map_page.go`, `resources/resource_metadata.go`).

use gotmpl::Value;

use super::resources::{files_under, matches};

/// A file of a page bundle as the page lists it: its path in the bundle (`/`-separated),
/// and the name, title and params the front matter's `resources` give it.
pub struct BundleFile {
    /// Its path in the bundle.
    pub file: String,
    kind: &'static str,
    /// Its `.Name`.
    pub name: String,
    title: Option<String>,
    params: serde_json::Map<String, serde_json::Value>,
}

impl BundleFile {
    /// `resource` (the file's) with the name, title and params given to it.
    pub fn resource(&self, mut resource: Value) -> Value {
        if let Value::Map(fields) = &mut resource {
            let fields = std::sync::Arc::make_mut(fields);
            let mut set = |k: &str, v: Value| fields.insert(std::sync::Arc::from(k), v);
            set("Name", super::values::string(&self.name));
            set("__folio_file", super::values::string(&self.file));
            if let Some(title) = &self.title {
                set("Title", super::values::string(title));
            }
            if !self.params.is_empty() {
                let params = serde_json::Value::Object(self.params.clone());
                set("Params", super::values::from_json(&params));
            }
        }
        resource
    }
}

/// The files of the bundle folder `dir` but its pages (`page`, `index.fr.md`), in the
/// order Hugo lists a page's resources, with the front matter's `resources` entries
/// (`meta`) applied: Hugo (`hugolib/content_map_page.go`) sorts them by its `lessFunc`,
/// applies the entries in that order, and sorts again when there are any. A branch
/// bundle's (`_index.md`'s: a section, the home page, `home`) are its files but pages,
/// and not those of a folder under it that is a page or a section of its own: one with an
/// `index` or `_index` page, and, under the home page, a top folder with any page (checked
/// with Hugo 0.168). A leaf bundle's pages are its files too, those `in_language` keeps
/// (a content file is one language's page).
pub fn bundle_files(
    dir: &std::path::Path,
    page: Option<&std::path::Path>,
    meta: &[serde_json::Map<String, serde_json::Value>],
    home: bool,
    in_language: &dyn Fn(&str) -> bool,
) -> Vec<BundleFile> {
    // Hugo skips editors' files in a bundle, `#x.png` and `x.png~` (and hidden ones, which
    // `files_under` leaves out at the top), in any folder of it.
    let mut names: Vec<String> = files_under(dir)
        .into_iter()
        .filter(|n| {
            !n.split('/')
                .any(|part| part.starts_with(['.', '#']) || part.ends_with('~'))
        })
        .collect();
    // Hugo walks a bundle's files by their lower-cased paths.
    names.sort_by_key(|n| n.to_lowercase());
    let branch = page
        .and_then(std::path::Path::file_name)
        .is_some_and(|n| n.to_string_lossy().starts_with("_index"));
    if branch {
        names = branch_files(names, home);
    }
    let mut files: Vec<BundleFile> = names
        .into_iter()
        .filter(|name| page != Some(dir.join(name).as_path()) && !is_bundle_page(name))
        .filter(|name| !is_content_file(name) || in_language(name))
        .map(|file| {
            // A content file is a page to the bundle ([`super::resources::content_resource`]),
            // named in lower case (checked with Hugo 0.168: `Z.md` is `z.md`).
            let page = is_content_file(&file);
            BundleFile {
                kind: if page {
                    "page"
                } else {
                    super::resources::resource_type(&file)
                },
                name: if page {
                    file.to_lowercase()
                } else {
                    file.clone()
                },
                file,
                title: None,
                params: serde_json::Map::new(),
            }
        })
        .collect();
    hugo_sort(&mut files);
    if !meta.is_empty() {
        let mut counters = std::collections::HashMap::new();
        // The entries are not a page's: its own front matter names and titles it.
        for file in files.iter_mut().filter(|f| f.kind != "page") {
            apply_meta(file, meta, &mut counters);
        }
        hugo_sort(&mut files);
    }
    files
}

/// A branch bundle's files among `names` (its folder's, sorted): not its pages, nor those
/// of a folder under it that is a page or a section of its own (with an `index` or
/// `_index` page, or, under the home page, `home`, a top folder with any page).
fn branch_files(names: Vec<String>, home: bool) -> Vec<String> {
    // The folders under `dir` that are pages or sections of their own.
    let mut own_pages: std::collections::HashSet<&str> = names
        .iter()
        .filter(|n| is_content_file(n))
        .filter_map(|n| {
            let (folder, file) = n.rsplit_once('/')?;
            let stem = file.split('.').next().unwrap_or_default();
            (stem == "index" || stem == "_index").then_some(folder)
        })
        .collect();
    if home {
        own_pages.extend(
            names
                .iter()
                .filter(|n| is_content_file(n))
                .filter_map(|n| n.split_once('/').map(|(top, _)| top)),
        );
    }
    let own = |n: &String| {
        !is_content_file(n)
            && !n
                .match_indices('/')
                .any(|(i, _)| n.get(..i).is_some_and(|d| own_pages.contains(d)))
    };
    names.iter().filter(|n| own(n)).cloned().collect()
}

/// Hugo's `lessFunc` for a page's resources (`hugolib/content_map_page.go`): resource type
/// less; else a page behind any other file; else name less (two pages by Hugo's default
/// page sort, which for pages with no weight or date is near enough their names). It is
/// no strict order, so the result depends on the sort's every step: Go's
/// `sort.SliceStable` ([`go_stable`]) is followed as it runs.
fn hugo_sort(files: &mut [BundleFile]) {
    super::gosort::go_stable(files, &|a: &BundleFile, b: &BundleFile| {
        let page = |f: &BundleFile| f.kind == "page";
        if a.kind < b.kind {
            true
        } else if page(a) != page(b) {
            page(b)
        } else {
            a.name < b.name
        }
    });
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
            (_, _, Some(f)) => super::values::cast_float(f),
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
pub fn is_bundle_page(name: &str) -> bool {
    let stem_and_ext = name.split_once('.');
    stem_and_ext.is_some_and(|(stem, _)| {
        (stem == "index" || stem == "_index") && !name.contains('/') && is_content_file(name)
    })
}

/// The file extensions of Hugo's content formats (`media/builtin.go`: Markdown, HTML,
/// AsciiDoc, Pandoc, reStructuredText, Emacs Org-Mode): a file of one is a page, not a
/// file Hugo publishes.
pub const CONTENT_SUFFIXES: [&str; 12] = [
    "md", "mdown", "markdown", "html", "htm", "adoc", "asciidoc", "ad", "pandoc", "pdc", "rst",
    "org",
];

/// How many of [`CONTENT_SUFFIXES`], from the first, are Markdown's.
const MARKDOWN_SUFFIXES: usize = 3;

/// Whether `name` is a page's file, by its extension ([`CONTENT_SUFFIXES`], in any case).
pub fn is_content_file(name: &str) -> bool {
    has_suffix(name, &CONTENT_SUFFIXES)
}

/// Whether `name` is a page's file in Markdown (`md`, `mdown`, `markdown`, in any case).
pub fn is_markdown_file(name: &str) -> bool {
    has_suffix(
        name,
        CONTENT_SUFFIXES
            .get(..MARKDOWN_SUFFIXES)
            .unwrap_or_default(),
    )
}

/// Whether the file name ending `name` has one of `suffixes` as its extension, in any case.
fn has_suffix(name: &str, suffixes: &[&str]) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.rsplit_once('.')
        .is_some_and(|(_, ext)| suffixes.iter().any(|s| s.eq_ignore_ascii_case(ext)))
}
