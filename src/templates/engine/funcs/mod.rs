//! Hugo's template functions (`tpl/*` in Hugo's source), over `gotmpl` values, and the
//! methods of Hugo's objects that templates call (`.Get`, `.Param`, `.Scratch.Set`,
//! `.Format`: see [`super::rewrite`]).
//!
//! Which functions: the families shortcode templates call (strings, collections,
//! comparison, math, casts, URLs, time, safe strings, partials, i18n, hashes and
//! encodings), with their aliases
//! and namespaced names (`lower` is `strings.ToLower`); each family is checked against
//! real Hugo in `tests/testsuite/templates.rs`. A function Hugo has that needs what Folio
//! cannot do offline or in one page is listed in [`OFFLINE`] with the reason [`why_not`]
//! gives.

mod collections;
mod context;
pub(crate) use context::{RAW_HTML_IN_MARKDOWN, RAW_HTML_LOG, RAW_HTML_OMITTED};
mod encoding;
mod inflect;
mod resources;
pub(crate) use resources::embedded_hook_file;
mod strings;
pub(crate) use context::is_time_name;
pub(crate) use context::url_escaped;
pub(crate) use encoding::md5_hex;
pub(crate) use inflect::pluralize;
pub use strings::PathStyle;
pub use strings::TitleCase;
pub(crate) use strings::{clean_path, replace_emoji_codes, sanitize_path, urlize};

use std::sync::{Arc, LazyLock};

use gotmpl::{FuncMap, Value, ValueFunc};

use super::exec_error;

/// A template function.
type Func = fn(&[Value]) -> gotmpl::Result<Value>;

/// Functions Hugo removed in 0.156 ("Remove items deprecated <= v0.136.0"), with what
/// replaces each: Hugo 0.168's parser refuses a template that calls one (`function
/// "getJSON" not defined`), so they are [`unknown`].
const REMOVED: &[(&str, &str)] = &[
    ("getJSON", "resources.GetRemote"),
    ("getCSV", "resources.GetRemote"),
    ("data.GetJSON", "resources.GetRemote"),
    ("data.GetCSV", "resources.GetRemote"),
];

/// Hugo functions Folio does not run, and why (the preview shows this beside the card).
pub const OFFLINE: &[(&str, &str)] = &[
    ("resources.GetRemote", "fetches a file from the network"),
    ("resources.ToCSS", "runs Hugo Pipes (Sass)"),
    ("toCSS", "runs Hugo Pipes (Sass)"),
    ("css.Sass", "runs Hugo Pipes (Sass)"),
    ("resources.Fingerprint", "runs Hugo Pipes"),
    ("fingerprint", "runs Hugo Pipes"),
    ("resources.Minify", "runs Hugo Pipes"),
    ("minify", "runs Hugo Pipes"),
    ("resources.Concat", "runs Hugo Pipes"),
    ("resources.ExecuteAsTemplate", "runs Hugo Pipes"),
    ("js.Build", "runs Hugo Pipes (esbuild)"),
    ("images.Filter", "applies image filters"),
    ("images.Process", "applies image filters"),
    (".Filter", "applies image filters"),
    (".RegularPages", "lists the site's other pages"),
    (".RegularPagesRecursive", "lists the site's other pages"),
    (".Pages", "lists the site's other pages"),
    (".AllPages", "lists the site's other pages"),
    (".AllRegularPages", "lists the site's other pages"),
    (".Sections", "lists the site's other pages"),
    (
        ".Menus",
        "reads the site's menus, which Folio does not build (from the config's entries and the other pages' front matter)",
    ),
    (".Prev", "reads the site's other pages"),
    (".Next", "reads the site's other pages"),
    (".PrevInSection", "reads the site's other pages"),
    (".NextInSection", "reads the site's other pages"),
    (".Ancestors", "reads the site's other pages"),
    (".Sites", "reads the site's other languages' pages"),
    (".Taxonomies", "lists the site's other pages by term"),
];

/// The template functions Hugo defines, one space or line break between names: each
/// namespace and its functions (`collections`, `collections.Shuffle`) and their aliases
/// (`shuffle`), from Hugo 0.166's `tpl/*`: its namespaces'
/// exported methods (with the image filters `images` embeds, `resources/images/filters.go`)
/// and the aliases their `init.go` maps; checked against 0.168's. A
/// template may call one Folio does not have on a branch it never takes, which Hugo
/// builds; reached, it fails saying Folio does not have it ([`missing`]).
const HUGO_FUNCS: &str = "\
T absLangURL absURL add after anchorize append apply babel base64Decode base64Encode \
cast cast.ToFloat cast.ToInt cast.ToString chomp collections collections.After \
collections.Append collections.Apply collections.Complement collections.D \
collections.Delimit collections.Dictionary collections.First collections.Group \
collections.In collections.Index collections.Intersect collections.IsSet \
collections.KeyVals collections.Last collections.Merge collections.NewScratch \
collections.Querify collections.Reverse collections.Seq collections.Shuffle \
collections.Slice collections.Sort collections.SymDiff collections.Union \
collections.Uniq collections.Where compare compare.Conditional compare.Default \
compare.Eq compare.Ge compare.Gt compare.Le compare.Lt compare.LtCollate compare.Ne \
complement cond countrunes countwords crypto crypto.HMAC crypto.Hash crypto.MD5 \
crypto.SHA1 crypto.SHA256 css css.Build css.ChromaStyles css.PostCSS css.Quoted \
css.Sass css.TailwindCSS css.Unquoted dateFormat debug debug.Dump debug.Timer \
debug.VisualizeSpaces default delimit diagrams diagrams.Goat dict div doDefer \
duration emojify encoding encoding.Base64Decode encoding.Base64Encode \
encoding.HexDecode encoding.HexEncode encoding.Jsonify eq errorf erroridf fileExists \
findRE findRESubmatch fingerprint first float fmt fmt.Errorf fmt.Erroridf \
fmt.Errormf fmt.Print fmt.Printf fmt.Println fmt.Warnf fmt.Warnidf fmt.Warnmf ge \
getenv group gt hasPrefix hasSuffix hash hash.FNV32a hash.XxHash highlight hmac \
htmlEscape htmlUnescape hugo humanize i18n imageConfig images images.AutoOrient \
images.Brightness images.ColorBalance images.Colorize images.Config images.Contrast \
images.Dither images.Filter images.Gamma images.GaussianBlur images.Grayscale \
images.Hue images.Invert images.Mask images.Opacity images.Overlay images.Padding \
images.Pixelate images.Process images.QR images.Saturation images.Sepia \
images.Sigmoid images.Text images.UnsharpMask in index inflect inflect.Humanize inflect.Pluralize \
inflect.Singularize inner int intersect isSet isset js js.Babel js.Batch js.Build \
jsonify keyVals lang lang.FormatAccounting lang.FormatCurrency lang.FormatNumber \
lang.FormatNumberCustom lang.FormatPercent lang.Merge lang.Translate last le lower \
lt markdownify math math.Abs math.Acos math.Add math.Asin math.Atan math.Atan2 \
math.Ceil math.Cos math.Counter math.Div math.Floor math.Log math.Max math.MaxInt64 \
math.Min math.Mod math.ModBool math.Mul math.Pi math.Pow math.Product math.Rand \
math.Round math.Sin math.Sqrt math.Sub math.Sum math.Tan math.ToDegrees \
math.ToRadians md5 merge minify mod modBool mul ne newScratch now openapi3 \
openapi3.Unmarshal os os.FileExists os.Getenv os.ReadDir os.ReadFile os.Stat page \
partial partialCached partials partials.Include partials.IncludeCached path \
path.Base path.BaseName path.Clean path.Dir path.Ext path.Join path.Split plainify \
pluralize postCSS pow print printf println querify readDir readFile ref reflect \
reflect.IsImageResource reflect.IsImageResourceProcessable \
reflect.IsImageResourceWithMeta reflect.IsMap reflect.IsPage reflect.IsResource \
reflect.IsSite reflect.IsSlice relLangURL relURL relref replace replaceRE resources \
resources.ByType resources.Concat resources.Copy resources.ExecuteAsTemplate \
resources.Fingerprint resources.FromString resources.Get resources.GetMatch \
resources.GetRemote resources.Key resources.Match resources.Minify \
resources.PostProcess resources.Publish return safe safe.CSS safe.HTML safe.HTMLAttr \
safe.JS safe.JSStr safe.URL safeCSS safeHTML safeHTMLAttr safeJS safeJSStr safeURL \
seq sha1 sha256 shuffle singularize site slice slicestr sort split string strings \
strings.Chomp strings.Contains strings.ContainsAny strings.ContainsNonSpace \
strings.Count strings.CountRunes strings.CountWords strings.Diff strings.FindRE \
strings.FindRESubmatch strings.FirstUpper strings.HasPrefix strings.HasSuffix \
strings.Repeat strings.Replace strings.ReplacePairs strings.ReplaceRE \
strings.RuneCount strings.SliceString strings.Split strings.Substr strings.Title \
strings.ToLower strings.ToUpper strings.Trim strings.TrimLeft strings.TrimPrefix \
strings.TrimRight strings.TrimSpace strings.TrimSuffix strings.Truncate sub substr \
symdiff templates templates.Current templates.Defer templates.DoDefer \
templates.Exists templates.Inner time time.AsTime time.Duration time.Format time.In \
time.Now time.ParseDuration title toCSS transform transform.CanHighlight \
transform.Emojify transform.HTMLEscape transform.HTMLToMarkdown \
transform.HTMLUnescape transform.Highlight transform.HighlightCodeBlock \
transform.Markdownify transform.Plainify transform.PortableText transform.Remarshal \
transform.Reset transform.ToMath transform.Unmarshal transform.XMLEscape trim \
truncate union uniq unmarshal upper urlize urls urls.AbsLangURL urls.AbsURL \
urls.Anchorize urls.JoinPath urls.Parse urls.PathEscape urls.PathUnescape urls.Ref \
urls.RelLangURL urls.RelRef urls.RelURL urls.URLize warnf warnidf where";

/// How [`why_not`] starts for a function Folio cannot run (before its name and a `` ` ``).
pub const CANNOT_RUN: &str = "Folio cannot run `";

/// Why Folio cannot run the function `name`, in one line.
pub fn why_not(name: &str) -> String {
    if let Some((_, instead)) = REMOVED.iter().find(|(n, _)| *n == name) {
        return format!(
            "Hugo removed the function `{name}` in 0.156 (use `{instead}`): Hugo does not \
             build a site any of whose templates calls it"
        );
    }
    if unknown(name) {
        // Hugo's parser's words.
        return format!("function \"{name}\" not defined");
    }
    if let Some((namespace, method)) = name.split_once('.') {
        // A name Hugo's namespace does not have: Go's field error when it is reached.
        let namespace_of_functions = !matches!(namespace, "hugo" | "site" | "");
        if namespace_of_functions
            && is_hugos(namespace)
            && !is_hugos(name)
            && !OFFLINE.iter().any(|(n, _)| *n == name)
        {
            return format!("can't evaluate field {method} in type *{namespace}.Namespace");
        }
    }
    match OFFLINE.iter().find(|(n, _)| *n == name) {
        Some((_, why)) => format!("{CANNOT_RUN}{name}`: it {why}"),
        None if name.starts_with('.') => {
            format!("Folio does not have Hugo's method `{name}`")
        }
        None => format!("Folio does not have Hugo's function `{name}`"),
    }
}

/// Whether a template may call `name` (Folio's functions and Go's built-ins).
pub fn is_defined(name: &str) -> bool {
    all().contains_key(name) || is_go_builtin(name)
}

/// The functions `calls` name, for a template that calls only those: gotmpl finds a
/// function by name in an ordered map on every call, so a template's map holds what it
/// calls, not every function Folio has (a few dozen names, not several hundred).
pub fn used(calls: &[super::rewrite::Call]) -> FuncMap {
    let all = all();
    calls
        .iter()
        .filter_map(|c| all.get_key_value(c.name.as_str()))
        .map(|(name, f)| (name.clone(), f.clone()))
        .collect()
}

/// A function for each one `calls` names that Folio cannot run when the template reaches
/// it: one of Hugo's it cannot run offline ([`OFFLINE`]) or a method it does not have
/// (`.GroupBy`). It fails saying why ([`why_not`]), so a branch that never calls it
/// renders as Hugo renders it. Other names Folio does not know are [`unknown`].
pub fn missing(calls: &[super::rewrite::Call]) -> FuncMap {
    calls
        .iter()
        .filter(|c| !is_defined(&c.name) && !unknown(&c.name))
        .map(|c| {
            let why = why_not(&c.name);
            let f: ValueFunc = Arc::new(move |_: &[Value]| Err(exec_error(why.clone())));
            (c.name.clone(), f)
        })
        .collect()
}

/// Whether `name` is a function (not a method) that neither Folio nor Hugo
/// ([`OFFLINE`], [`HUGO_FUNCS`]) knows: Hugo's parser refuses a template calling a function it does not have
/// (`function "fooo" not defined`), even on a branch never taken, so Folio says so before
/// the template runs, as it does for a Hugo function it does not have.
pub fn unknown(name: &str) -> bool {
    // Hugo's parser knows a namespace (`images`), not what its methods are: any
    // `images.X` parses, and fails only when run.
    let of_a_namespace = name.split_once('.').is_some_and(|(ns, _)| is_hugos(ns));
    !is_defined(name)
        && !name.starts_with('.')
        && !OFFLINE.iter().any(|(n, _)| *n == name)
        && !is_hugos(name)
        && !of_a_namespace
}

/// Whether `name` is one of Hugo's functions or namespaces ([`HUGO_FUNCS`]).
fn is_hugos(name: &str) -> bool {
    HUGO_FUNCS.split_ascii_whitespace().any(|h| h == name)
}

/// A template of one action calling Go's built-in `name` (`printf`, `html`…, which
/// `gotmpl` runs) with the `arity` items of its dot, a list: `{{ printf (index . 0) … }}`.
///
/// # Errors
/// `gotmpl`'s, should `name` not parse as a function.
pub(super) fn go_builtin(name: &str, arity: usize) -> gotmpl::Result<gotmpl::Template> {
    let args: String = (0..arity).map(|i| format!(" (index . {i})")).collect();
    gotmpl::Template::new(name).parse(&format!("{{{{ {name}{args} }}}}"))
}

/// The collection functions that give `page.Pages` of `page.Pages` in Hugo
/// (`tpl/collections`: a result of its collection's own slice type), by their names in the
/// tables, each with its collection's place among the arguments, `None` for the last
/// ([`super::objects::keep_pages`]; checked with Hugo 0.168 on an empty `slice` `$e` and
/// an empty `.Pages` `$p`: `union $e $p` is a plain slice, `union $p $e` a `page.Pages`,
/// `complement $e $p` and `symdiff $e $p` a `page.Pages`).
const KEEP_PAGES: &[(&str, Option<usize>)] = &[
    ("first collections.First", Some(1)),
    ("last collections.Last", Some(1)),
    ("after collections.After", Some(1)),
    ("where collections.Where", Some(0)),
    ("sort collections.Sort", Some(0)),
    ("shuffle collections.Shuffle", Some(0)),
    ("uniq collections.Uniq", Some(0)),
    ("union collections.Union", Some(0)),
    ("intersect collections.Intersect", Some(0)),
    ("complement collections.Complement", None),
    ("symdiff collections.SymDiff", Some(1)),
    ("collections.Reverse", Some(0)),
];

/// Every function, by name, once.
pub fn all() -> &'static FuncMap {
    static ALL: LazyLock<FuncMap> = LazyLock::new(|| {
        let mut m = FuncMap::new();
        for table in [
            strings::FUNCS,
            collections::FUNCS,
            context::FUNCS,
            encoding::FUNCS,
            resources::FUNCS,
        ] {
            for &(names, f) in table {
                let keeps = KEEP_PAGES
                    .iter()
                    .find(|(n, _)| *n == names)
                    .map(|&(_, from)| from);
                let func: ValueFunc = match keeps {
                    Some(from) => Arc::new(move |a: &[Value]| {
                        let from = from.unwrap_or(a.len().saturating_sub(1));
                        f(a).map(|out| super::objects::keep_pages(a, from, out))
                    }),
                    None => Arc::new(f),
                };
                for name in names.split(' ') {
                    let func = match name.strip_prefix('.') {
                        Some(method) => of_its_type(method, func.clone()),
                        None => func.clone(),
                    };
                    m.insert(name.to_string(), func);
                }
            }
        }
        m
    });
    &ALL
}

/// `func`, a method `method` run as a function of its receiver (its first argument),
/// refused as Hugo refuses it on one of Hugo's objects that does not have it: `.Param`,
/// `.GetPage` and `.Resources` are the page's, not the shortcode context's ("can't
/// evaluate field Param in type *hugolib.ShortcodeWithPage", Hugo 0.168).
fn of_its_type(method: &'static str, func: ValueFunc) -> ValueFunc {
    // The types without the method, found once: a call looks at its receiver's type only.
    let lacking: Vec<&'static str> = super::objects::HUGO_TYPES
        .iter()
        .filter(|(_, has)| !has(method))
        .map(|&(name, _)| name)
        .collect();
    Arc::new(move |a: &[Value]| {
        if let Some((name, _)) = a.first().and_then(super::objects::hugo_type) {
            if lacking.contains(&name) {
                return Err(exec_error(format!(
                    "can't evaluate field {method} in type {name}"
                )));
            }
        }
        func(a)
    })
}

/// Go's own built-ins that Hugo keeps (Hugo replaces `eq`, `index`, `slice`, `len`…).
const GO_BUILTINS: &[&str] = &[
    "and", "or", "not", "print", "println", "printf", "call", "html", "js", "urlquery",
];

/// The Go built-in that a Hugo name stands for: `fmt.Printf`, `fmt.Print` and
/// `fmt.Println` are Go's own `printf`, `print` and `println`, which `gotmpl` runs.
pub fn go_builtin_of(name: &str) -> Option<String> {
    match name {
        "fmt.Printf" | "fmt.Print" | "fmt.Println" => {
            Some(name.trim_start_matches("fmt.").to_lowercase())
        }
        _ => None,
    }
}

/// Whether `name` is one of Go's built-ins `gotmpl` runs itself.
pub fn is_go_builtin(name: &str) -> bool {
    GO_BUILTINS.contains(&name)
}

// Argument helpers shared by the function families.

/// The argument at `i`, or an error naming the function.
fn arg<'a>(args: &'a [Value], i: usize, func: &str) -> gotmpl::Result<&'a Value> {
    args.get(i)
        .ok_or_else(|| exec_error(format!("{func}: expected at least {} arguments", i + 1)))
}

/// The argument at `i` of a Go method whose parameter is a `string` (a scratch's `.Set KEY
/// VALUE`): text only, as Go's template calls a method (`text/template/exec.go`,
/// `validateType`): nil is "invalid value; expected string" (a missing `index`), a number
/// or a bool "wrong type for value; expected string; got int".
fn go_string_arg(args: &[Value], i: usize, method: &str) -> gotmpl::Result<String> {
    match arg(args, i, method)? {
        Value::String(s) => Ok(s.to_string()),
        v @ Value::Safe { .. } => Ok(super::values::to_string(v)),
        Value::Nil => Err(exec_error("invalid value; expected string")),
        other => Err(exec_error(format!(
            "wrong type for value; expected string; got {}",
            match other {
                Value::Int(_) => "int",
                Value::Uint(_) => "uint64",
                Value::Float(_) => "float64",
                Value::Bool(_) => "bool",
                Value::List(_) => "[]interface {}",
                _ => "map[string]interface {}",
            }
        ))),
    }
}

/// The argument at `i` as a string, as Hugo's functions take one (spf13/cast's
/// `ToStringE`: a float in full, `0.00001`; a time or a duration through its `String`;
/// see [`super::values::cast_string`]); a list, another map or a function is an error.
fn str_arg(args: &[Value], i: usize, func: &str) -> gotmpl::Result<String> {
    match arg(args, i, func)? {
        // A value with Go's `String` method (a time, a duration) is read through it.
        v @ Value::Map(_) if super::values::go_stringer(v).is_some() => {
            Ok(super::values::cast_string(v))
        }
        v @ (Value::List(_) | Value::Map(_) | Value::Function(_)) => Err(exec_error(format!(
            "{func}: unable to cast {} to string",
            v.type_name()
        ))),
        v => Ok(super::values::cast_string(v)),
    }
}

/// The argument at `i` as an integer ([`super::values::to_int`]); what is none is
/// refused in spf13/cast's words ([`cast_error`]).
fn int_arg(args: &[Value], i: usize, func: &str) -> gotmpl::Result<i64> {
    let v = arg(args, i, func)?;
    super::values::to_int(v).ok_or_else(|| cast_error(func, v, "int"))
}

/// `func`'s refusal of `v` as a number of Go's type `to` (`int`, `float64`), in
/// spf13/cast's words (`caste.go`), with `strconv`'s reason for a text:
/// `unable to cast "08" of type string to int: strconv.ParseInt: parsing "08": invalid
/// syntax` (checked: Hugo 0.168).
fn cast_error(func: &str, v: &Value, to: &str) -> gotmpl::TemplateError {
    use super::values::{go_format, go_type};
    let shown = match v {
        Value::String(_) => go_format("%q", v),
        _ => go_format("%v", v),
    };
    let why = match v {
        Value::String(s) => {
            let parse = if to == "int" {
                "ParseInt"
            } else {
                "ParseFloat"
            };
            // Go's syntax for the number is right, and it is too big (`strconv.ErrRange`).
            let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
            let too_big = if to == "int" {
                digits.len() > 1
                    && !digits.starts_with('0')
                    && digits.bytes().all(|b| b.is_ascii_digit())
            } else {
                s.parse::<f64>().is_ok_and(f64::is_infinite)
            };
            let reason = if too_big {
                "value out of range"
            } else {
                "invalid syntax"
            };
            format!(": strconv.{parse}: parsing {shown}: {reason}")
        }
        _ => String::new(),
    };
    exec_error(format!(
        "{func}: unable to cast {shown} of type {} to {to}{why}",
        go_type(v)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_that_keeps_a_list_of_pages_names_a_row_of_the_collections_tables() {
        for (names, _) in KEEP_PAGES {
            assert!(
                collections::FUNCS
                    .iter()
                    .chain(encoding::FUNCS)
                    .any(|(n, _)| n == names),
                "{names}"
            );
        }
    }
}
