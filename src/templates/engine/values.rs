//! Folio's data as Go template values (`gotmpl::Value`), and the few value rules Hugo's
//! functions share: truth, number coercion, strings of values, equality.
//!
//! JSON objects become maps (sorted by key, as Go's maps range), arrays lists, numbers
//! `Int` when integral (Hugo's metadecoders give `int` for `3` and `float64` for `3.0`;
//! JSON loses that difference, so `3.0` reads as `3`).

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::sync::Arc;

use gotmpl::{SafeKind, Value};
use serde_json::Value as Json;

use super::time::local;

/// The key every Folio object map carries to say what it stands for (`"shortcode"`,
/// `"page"`, `"scratch"`, `"time"`, `"resource"`), for the methods that dispatch on their
/// receiver. No Hugo template reads a key spelled like this.
pub const KIND: &str = "__folio_kind";

/// A JSON value as a template value.
pub fn from_json(json: &Json) -> Value {
    match json {
        Json::Null => Value::Nil,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Value::Int(i),
            (None, Some(f)) => Value::Float(f),
            (None, None) => Value::String(n.to_string().into()),
        },
        Json::String(s) => Value::String(s.as_str().into()),
        Json::Array(items) => Value::List(items.iter().map(from_json).collect()),
        Json::Object(map) if is_marked(map) => marked(map),
        Json::Object(map) => Value::Map(Arc::new(
            map.iter()
                .map(|(k, v)| (Arc::from(k.as_str()), from_json(v)))
                .collect(),
        )),
    }
}

/// Whether `map` is one of the one-entry maps [`crate::formats::parse_data`] and
/// [`crate::formats::hugo_numbers`] make of a value JSON has no type for: a time, a
/// `uint64`.
fn is_marked(map: &serde_json::Map<String, Json>) -> bool {
    map.len() == 1
        && (map.contains_key(crate::formats::TIME) || map.contains_key(crate::formats::UINT))
}

/// The value a marked map ([`is_marked`]) stands for: a TOML date-time (from a data file
/// or `transform.Unmarshal`) a time when it has an offset, else go-toml's local value
/// ([`super::time::local`]); a YAML whole number a `uint64`.
fn marked(map: &serde_json::Map<String, Json>) -> Value {
    match (map.get(crate::formats::TIME), map.get(crate::formats::UINT)) {
        (Some(Json::String(text)), _) if !crate::formats::is_zoned(text) => {
            local::value(text).unwrap_or_else(|| string(text))
        }
        (Some(Json::String(text)), _) => super::time::Moment::parse(text)
            .map_or_else(|| string(text), super::time::Moment::to_value),
        (_, Some(Json::Number(n))) => n.as_u64().map_or(Value::Nil, Value::Uint),
        _ => Value::Nil,
    }
}

/// Page and site params as a map Hugo's way: keys lowercased (`maps.Params`), and read
/// without regard to case (`.Site.Params.maxTags` finds `maxtags`). Go templates look
/// map keys up exactly, so each key is also given under every other spelling the site's
/// templates use for it (`aliases`: field names from [`crate::templates::Catalogue::field_names`]).
pub fn params_from_json(json: &Json, aliases: &BTreeMap<String, Vec<String>>) -> Value {
    match json {
        Json::Object(map) if !is_marked(map) => {
            let mut out = BTreeMap::new();
            for (k, v) in map {
                let key = k.to_lowercase();
                let value = params_from_json(v, aliases);
                for alias in aliases.get(&key).into_iter().flatten() {
                    out.insert(Arc::from(alias.as_str()), value.clone());
                }
                out.insert(Arc::from(key), value);
            }
            Value::Map(Arc::new(out))
        }
        // Hugo's params are case-insensitive maps down through maps, not into lists: a
        // map in a list keeps its keys as written, and gains no spelling of them.
        Json::Array(items) => Value::List(items.iter().map(from_json).collect()),
        other => from_json(other),
    }
}

/// Whether `key` of `map` is taken for a spelling [`params_from_json`] added: a key with
/// capitals whose lowercase form is in the map too, with the same value, and which the site's templates read
/// as a field (the render's [`super::Frame::aliases`]; any such key outside a render).
/// Ranging, `len`, `jsonify`, printing and the functions that take a map's values
/// (`delimit`, `sort`, `first`…) see the map without these, as Hugo's `maps.Params` has
/// each key once. A map of the template's own (a `dict`, `.Site.Data`) keeps both `B` and
/// `b`, as Go's maps do, unless a template reads `.B` (review 57a, 4). Inside `<script>`,
/// where Go writes the map as JSON, the spellings still show.
pub fn is_alias(map: &BTreeMap<Arc<str>, Value>, key: &str) -> bool {
    if !key.chars().any(char::is_uppercase) {
        return false;
    }
    let lower = key.to_lowercase();
    // A spelling holds the value of its lowercase key: a call's `Title="T" title="t"`,
    // two parameters to Hugo, stay two (review 58a, E07).
    let same = match (map.get(key), map.get(lower.as_str())) {
        (Some(a), Some(b)) => same_value(a, b),
        _ => false,
    };
    same && super::frame().map_or(true, |f| {
        f.aliases
            .get(&lower)
            .is_some_and(|spellings| spellings.iter().any(|s| s == key))
    })
}

/// Whether `a` holds what `b` holds: the same allocation (a clone: the spellings
/// [`params_from_json`] adds), else equal throughout (a date read into a time under each
/// spelling apart). Two parameters of one call that differ only in the case of their names
/// and hold equal values are taken for one (Hugo keeps both; no site was seen to write
/// them).
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) if Arc::ptr_eq(x, y) => true,
        (Value::List(x), Value::List(y)) if Arc::ptr_eq(x, y) => true,
        (Value::Map(x), Value::Map(y)) if Arc::ptr_eq(x, y) => true,
        _ => a == b,
    }
}

/// `v` without the spellings [`params_from_json`] added (see [`is_alias`]): of its own
/// keys (`deep` false, what `range` sees), or down through its maps and lists.
pub fn without_aliases(v: &Value, deep: bool) -> Value {
    match v {
        Value::Map(m) if deep || m.keys().any(|k| is_alias(m, k)) => Value::Map(Arc::new(
            m.iter()
                .filter(|(k, _)| !is_alias(m, k))
                .map(|(k, v)| {
                    let v = if deep {
                        without_aliases(v, true)
                    } else {
                        v.clone()
                    };
                    (k.clone(), v)
                })
                .collect(),
        )),
        Value::List(l) if deep => Value::List(l.iter().map(|v| without_aliases(v, true)).collect()),
        other => other.clone(),
    }
}

/// Field names with capitals, by their lowercase form: what [`params_from_json`] adds.
pub fn aliases_of<'a>(
    names: impl IntoIterator<Item = &'a String>,
) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for n in names {
        let lower = n.to_lowercase();
        if lower != *n {
            out.entry(lower).or_default().push(n.clone());
        }
    }
    out
}

/// A template value as JSON (`jsonify`): safe strings as strings, functions as null, a
/// whole float written as Go's `json.Marshal` writes it (`10`, not `10.0`), times and
/// durations as Go marshals them, a page's file as `{}` (Go's `*source.File` has no
/// exported field: its absolute path is not written).
pub fn to_json(value: &Value) -> Json {
    // The floats an i64 holds exactly (2^53) print the same as that integer.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match value {
        Value::Nil | Value::Function(_) => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Uint(u) => Json::from(*u),
        #[allow(
            clippy::cast_possible_truncation,
            reason = "a whole float within ±2^53 is an i64 exactly"
        )]
        // A whole float as an integer, but -0, which Go's encoder writes as `-0`.
        Value::Float(f)
            if f.fract() == 0.0 && f.abs() <= EXACT && !(*f == 0.0 && f.is_sign_negative()) =>
        {
            Json::from(*f as i64)
        }
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
        Value::String(s) | Value::Safe { s, .. } => Json::String(s.to_string()),
        Value::List(items) => Json::Array(items.iter().map(to_json).collect()),
        // Go's `time.Time.MarshalJSON` (RFC 3339 with nanoseconds) and a `time.Duration`'s
        // (its nanoseconds).
        Value::Map(_) if kind_of(value) == Some("time") => {
            value.field("__folio_time").map_or(Json::Null, to_json)
        }
        Value::Map(_) if kind_of(value) == Some("duration") => {
            value.field("Nanoseconds").map_or(Json::Null, to_json)
        }
        // go-toml's local values marshal as their text.
        Value::Map(_) if local::is_local(value) => {
            value.field("String").map_or(Json::Null, to_json)
        }
        // A shortcode's `.Position`, a struct: its fields in Go's order.
        Value::Map(_) if kind_of(value) == Some("position") => Json::Object(
            ["Filename", "Offset", "LineNumber", "ColumnNumber"]
                .into_iter()
                .map(|f| (f.to_string(), value.field(f).map_or(Json::Null, to_json)))
                .collect(),
        ),
        // `hugo.Version` is a string to Go.
        Value::Map(_) if kind_of(value) == Some("version") => {
            value.field("String").map_or(Json::Null, to_json)
        }
        Value::Map(_) if super::objects::struct_type(value) == Some("*source.File") => {
            Json::Object(serde_json::Map::new())
        }
        Value::Map(map) => Json::Object(
            own_entries(map)
                .map(|(k, v)| (k.to_string(), to_json(v)))
                .collect(),
        ),
    }
}

/// A map from string keys.
pub fn map<K: AsRef<str>>(entries: impl IntoIterator<Item = (K, Value)>) -> Value {
    Value::Map(Arc::new(
        entries
            .into_iter()
            .map(|(k, v)| (Arc::from(k.as_ref()), v))
            .collect::<BTreeMap<_, _>>(),
    ))
}

/// The fields of a map built many times over (a shortcode call's context, a scratch): its
/// keys are allocated once per thread, when first used there, and every map the thread
/// builds shares them.
///
/// Once per thread, not once: a key shared by the threads of a render's pool
/// (`render::templates::Pool`) has its reference count written by every map each thread
/// builds and drops, and the key's text, which every lookup compares, sits on the same
/// cache line. Measured on the 1000-card export (2 cores, 3 threads, `perf stat` over 40
/// runs): 25.6 ms of CPU time with keys shared, about 22 ms with each thread's own; one
/// thread alone took 19.5 ms.
pub struct Fields<const N: usize> {
    names: [&'static str; N],
    /// The places in `names` in the keys' order: the map is built from pairs already
    /// sorted, so building it compares each key once.
    order: std::sync::OnceLock<[usize; N]>,
}

impl<const N: usize> Fields<N> {
    /// The fields `names`.
    pub const fn new(names: [&'static str; N]) -> Fields<N> {
        Fields {
            names,
            order: std::sync::OnceLock::new(),
        }
    }

    /// The map of these fields to `values`, in the order of the names.
    pub fn map(&'static self, values: [Value; N]) -> Value {
        let order = self.order.get_or_init(|| {
            let mut order: [usize; N] = std::array::from_fn(|k| k);
            order.sort_by_key(|&k| self.names.get(k).copied().unwrap_or_default());
            order
        });
        let mut values = values.map(Some);
        let map = per_thread(&self.names, |keys| {
            order
                .iter()
                .zip(keys)
                .map(|(&k, key)| {
                    let value = values.get_mut(k).and_then(Option::take);
                    (key.clone(), value.unwrap_or(Value::Nil))
                })
                .collect()
        });
        Value::Map(Arc::new(map))
    }
}

/// A string known when Folio is built (a kind of object), allocated once per thread when
/// first used there (see [`Fields`] for why not once).
pub struct Word {
    text: [&'static str; 1],
}

impl Word {
    /// The word `text`.
    pub const fn new(text: &'static str) -> Word {
        Word { text: [text] }
    }

    /// The word as a string value.
    pub fn value(&'static self) -> Value {
        per_thread(&self.text, |word| {
            Value::String(word.first().cloned().unwrap_or_else(|| Arc::from("")))
        })
    }
}

/// Runs `f` with this thread's copies of `texts` (a static's, known by its address),
/// sorted; they are made on the thread's first use.
fn per_thread<R>(texts: &'static [&'static str], f: impl FnOnce(&[Arc<str>]) -> R) -> R {
    type Copies = Vec<(usize, Box<[Arc<str>]>)>;
    thread_local! {
        static COPIES: std::cell::RefCell<Copies> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let id = texts.as_ptr() as usize;
    COPIES.with_borrow_mut(|copies| {
        if let Some((_, keys)) = copies.iter().find(|(at, _)| *at == id) {
            return f(keys);
        }
        let mut sorted = texts.to_vec();
        sorted.sort_unstable();
        let keys: Box<[Arc<str>]> = sorted.into_iter().map(Arc::from).collect();
        let out = f(&keys);
        copies.push((id, keys));
        out
    })
}

/// A string value.
pub fn string(s: impl AsRef<str>) -> Value {
    Value::String(Arc::from(s.as_ref()))
}

/// Trusted HTML (Go's `template.HTML`): printed as it is in HTML text.
pub fn html(s: impl AsRef<str>) -> Value {
    Value::Safe {
        kind: SafeKind::Html,
        s: Arc::from(s.as_ref()),
    }
}

/// Whether `value` is a time that is Go's zero time (`0001-01-01 00:00:00 UTC`: a page's
/// date that is not set).
pub fn is_zero_time(value: &Value) -> bool {
    kind_of(value) == Some("time") && matches!(value.field("IsZero"), Some(Value::Bool(true)))
}

/// The value's kind, when it is one of Folio's object maps.
pub fn kind_of(value: &Value) -> Option<&str> {
    match value.field(KIND)? {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// For a no-argument method (`.UTC`, `.Resources`) called on a map that is not of the
/// `kind` the method belongs to (data, a dict): the map's key of that name (nil when
/// absent), as Go reads `.UTC` of a map. `None` for a value of that kind, or no map.
pub fn map_key(receiver: &Value, method: &str, kind: &str) -> Option<Value> {
    match receiver {
        Value::Map(_) if kind_of(receiver) != Some(kind) => Some(
            receiver
                .field(method.trim_start_matches('.'))
                .cloned()
                .unwrap_or(Value::Nil),
        ),
        _ => None,
    }
}

/// The path a `.Site` value's pages are published under (`/fr`, "" for the root and on a
/// site with a host per language): its `.Home`'s URL past the base URL's path, as
/// `objects::SiteFields::url_prefix` made it. What `relLangURL` and a bundle's files
/// add, where `.LanguagePrefix` may name a prefix no URL has.
pub fn url_prefix(site: &Value) -> String {
    let home = site
        .field("Home")
        .and_then(|h| h.field("RelPermalink"))
        .map(to_string)
        .unwrap_or_default();
    let root = super::objects::base_path(&base_url(site))
        .trim_end_matches('/')
        .to_string();
    home.strip_prefix(&root)
        .unwrap_or(&home)
        .trim_end_matches('/')
        .to_string()
}

/// The `.Site.BaseURL` of a `.Site` value (`/` for a site that sets none; empty for a
/// value that is no site).
pub fn base_url(site: &Value) -> String {
    site.field("BaseURL").map(to_string).unwrap_or_default()
}

/// A value as text, nil empty and a float in Go's `%v` form ([`go_float`]: `1e-05`), as
/// Go's `fmt` writes it. What Hugo's functions make of an argument is [`cast_string`].
pub fn to_string(value: &Value) -> String {
    match value {
        Value::Nil => String::new(),
        Value::String(s) | Value::Safe { s, .. } => s.to_string(),
        Value::Float(f) => go_float(*f),
        other => other.to_string(),
    }
}

/// A value as Hugo's functions take text (spf13/cast v1.10's `ToStringE`, `basic.go`,
/// which Hugo's `tpl/strings`, `tpl/inflect`, `tpl/collections` and the like call): as
/// [`to_string`], but a float written out in full ([`cast_float`]: `0.00001`, where
/// `print` writes `1e-05`).
pub fn cast_string(value: &Value) -> String {
    match value {
        Value::Float(f) => cast_float(*f),
        // spf13/cast reads a `fmt.Stringer` through its `String`.
        Value::Map(_) => go_stringer(value).unwrap_or_else(|| to_string(value)),
        other => to_string(other),
    }
}

/// A float as spf13/cast writes it, `strconv.FormatFloat(f, 'f', -1, 64)`: the fewest
/// digits that read back as the same float, never an exponent (`0.00001`,
/// `1000000000000000000000`, `-0`), and `NaN`, `+Inf`, `-Inf`.
pub fn cast_float(f: f64) -> String {
    match non_finite(f) {
        Some(s) => s.into(),
        // Rust's `Display` of a float is the shortest round-trip digits, never an exponent.
        None => format!("{f}"),
    }
}

/// Go's words for a float that is not a number: `NaN`, `+Inf`, `-Inf`; none for others.
fn non_finite(f: f64) -> Option<&'static str> {
    if f.is_nan() {
        Some("NaN")
    } else if f.is_infinite() {
        Some(if f > 0.0 { "+Inf" } else { "-Inf" })
    } else {
        None
    }
}

/// A float as Go's `%v` prints it (`strconv.FormatFloat(f, 'g', -1, 64)`): the shortest
/// digits that read back as the same float, with an exponent when it is below -4 or at
/// least 6 (the "precision 6" rule of `strconv`'s `%g` for the shortest form): `3`, `0.5`,
/// `100000`, `2.5e+06`, `1e-05`.
pub fn go_float(f: f64) -> String {
    if let Some(s) = non_finite(f) {
        return s.into();
    }
    // Rust's `{:e}` writes the same shortest digits, with the exponent they need.
    let scientific = format!("{f:e}");
    let (mantissa, e) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exp: i32 = e.parse().unwrap_or(0);
    if (-4..6).contains(&exp) {
        // Rust's `Display` writes the shortest digits, never an exponent, `3` for 3.0.
        format!("{f}")
    } else {
        let (sign, digits) = e.strip_prefix('-').map_or(("+", e), |d| ("-", d));
        format!("{mantissa}e{sign}{digits:0>2}")
    }
}

/// Go's `%g` of `f` with `precision` significant digits (`strconv.FormatFloat(f, 'g',
/// p, 64)`): an exponent when it is below -4 or at least the precision, trailing zeros
/// dropped.
pub fn go_float_g(f: f64, precision: usize) -> String {
    if let Some(s) = non_finite(f) {
        return s.into();
    }
    let p = precision.max(1);
    let scientific = format!("{:.*e}", p - 1, f);
    let (mantissa, e) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exp: i64 = e.parse().unwrap_or(0);
    let trim = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s.to_string()
        }
    };
    if exp < -4 || exp >= p as i64 {
        let (sign, digits) = e.strip_prefix('-').map_or(("+", e), |d| ("-", d));
        format!("{}e{sign}{digits:0>2}", trim(mantissa))
    } else {
        let decimals = usize::try_from(p as i64 - 1 - exp).unwrap_or(0);
        trim(&format!("{f:.decimals$}"))
    }
}

/// Go's `%x` (`%X` when `upper`) of a float, `strconv.FormatFloat(f, 'x', precision, 64)`:
/// `-0x1.8p-01`, its hexadecimal digits after the point the shortest that hold it, or
/// `precision` of them rounded half to even; the exponent of two in at least two decimal
/// digits; a subnormal number normalised to a leading `1` (`strconv/ftoa.go`, `fmtX`).
pub fn go_float_hex(f: f64, precision: Option<usize>, upper: bool) -> String {
    if let Some(s) = non_finite(f) {
        return s.into();
    }
    let (negative, mut mantissa, mut exp) = float_parts(f);
    if mantissa == 0 {
        exp = 0;
    }
    // The leading 1 (if any) at bit 60.
    mantissa <<= 60 - 52;
    while mantissa != 0 && mantissa & (1 << 60) == 0 {
        mantissa <<= 1;
        exp -= 1;
    }
    if let Some(p) = precision.filter(|&p| p < 15) {
        let shift = u32::try_from(p * 4).unwrap_or(0);
        let extra = (mantissa << shift) & ((1 << 60) - 1);
        mantissa >>= 60 - shift;
        if extra | (mantissa & 1) > 1 << 59 {
            mantissa += 1;
        }
        mantissa <<= 60 - shift;
        if mantissa & (1 << 61) != 0 {
            // Rounded up to the next power of two.
            mantissa >>= 1;
            exp += 1;
        }
    }
    let digits: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut out = String::from(if negative { "-0" } else { "0" });
    out.push(if upper { 'X' } else { 'x' });
    out.push(if mantissa >> 60 & 1 == 1 { '1' } else { '0' });
    mantissa <<= 4;
    let count = match precision {
        Some(p) => p,
        None if mantissa == 0 => 0,
        // The digits down to the last that is not zero.
        None => 16 - (mantissa.trailing_zeros() / 4) as usize,
    };
    if count > 0 {
        out.push('.');
        for _ in 0..count {
            let nibble = usize::try_from(mantissa >> 60).unwrap_or(0);
            out.push(char::from(digits.get(nibble).copied().unwrap_or(b'0')));
            mantissa <<= 4;
        }
    }
    let (p, sign) = (
        if upper { 'P' } else { 'p' },
        if exp < 0 { '-' } else { '+' },
    );
    format!("{out}{p}{sign}{:02}", exp.unsigned_abs())
}

/// Go's `%x`, `%X` or `%b` (`verb`) of a finite float: [`go_float_hex`],
/// [`go_float_binary`]; with the `#` flag (`sharp`) a hexadecimal one always has a point
/// and, for `%x`, digits up to the precision (six without one) as Go's `fmtFloat` counts
/// them (from the `x` on: `%#x` of 1.0 is `0x1.0000p+00`; `%#X` of it `0X1.P+00`).
fn float_in_base(verb: char, f: f64, precision: Option<usize>, sharp: bool) -> String {
    if verb == 'b' {
        return go_float_binary(f);
    }
    let text = go_float_hex(f, precision, verb == 'X');
    if !sharp {
        return text;
    }
    let (num, tail) = text.split_at(text.find(['p', 'P']).unwrap_or(text.len()));
    let mut digits = if verb == 'x' {
        i64::try_from(precision.unwrap_or(6)).unwrap_or(i64::MAX)
    } else {
        0
    };
    let unsigned = num.strip_prefix('-').unwrap_or(num);
    let mut nonzero = false;
    for c in unsigned.chars().filter(|&c| c != '.') {
        nonzero = nonzero || c != '0';
        if nonzero {
            digits -= 1;
        }
    }
    let mut out = num.to_string();
    if !num.contains('.') {
        out.push('.');
    }
    for _ in 0..digits.max(0) {
        out.push('0');
    }
    out + tail
}

/// Go's `%v`, `%f`, `%x` (any float verb) of an infinity or NaN (`fmt`'s `fmtFloat`): `+Inf` and `-Inf`
/// keep their sign (a space for `+` with the space flag), `NaN` has one only when a flag
/// asks (`+NaN`, ` NaN`); padded with spaces, never zeros.
fn non_finite_directive(f: f64, flags: &str) -> String {
    let (plus, space) = (flags.contains('+'), flags.contains(' '));
    if f.is_nan() {
        return match (plus, space) {
            (true, _) => "+NaN",
            (false, true) => " NaN",
            _ => "NaN",
        }
        .to_string();
    }
    let sign = match (f < 0.0, plus, space) {
        (true, ..) => '-',
        (false, false, true) => ' ',
        _ => '+',
    };
    format!("{sign}Inf")
}

/// Go's `%x` (`%X` when `upper`) of text (`fmt`'s `fmtSbx`): each byte in two hexadecimal
/// digits, as far as the precision goes; with the space flag apart (`68 69`), with `#`
/// after `0x` (each byte's with the space flag: `0X68 0X69`).
fn go_hex_text(s: &str, upper: bool, flags: &str, precision: Option<usize>) -> String {
    let bytes = s.as_bytes();
    let bytes = bytes
        .get(..precision.unwrap_or(bytes.len()).min(bytes.len()))
        .unwrap_or(bytes);
    let (space, sharp) = (flags.contains(' '), flags.contains('#'));
    let prefix = match (sharp, upper) {
        (false, _) => "",
        (true, false) => "0x",
        (true, true) => "0X",
    };
    let mut out = String::with_capacity(bytes.len() * 5);
    for (i, b) in bytes.iter().enumerate() {
        if i == 0 || space {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(prefix);
        }
        if upper {
            out.push_str(&format!("{b:02X}"));
        } else {
            out.push_str(&format!("{b:02x}"));
        }
    }
    out
}

/// Go's `%b` of a float, `strconv.FormatFloat(f, 'b', -1, 64)`: its whole mantissa and
/// exponent of two, `5629499534213120p-51` for 2.5 (`strconv/ftoa.go`, `fmtB`).
pub fn go_float_binary(f: f64) -> String {
    if let Some(s) = non_finite(f) {
        return s.into();
    }
    let (negative, mantissa, exp) = float_parts(f);
    let exp = exp - 52;
    let sign = if negative { "-" } else { "" };
    let exp_sign = if exp >= 0 { "+" } else { "" };
    format!("{sign}{mantissa}p{exp_sign}{exp}")
}

/// A finite float's sign, its mantissa with the leading bit a normal number implies, and
/// its exponent of two for a point after that bit (`strconv.FormatFloat`'s `mant` and
/// `exp`).
fn float_parts(f: f64) -> (bool, u64, i32) {
    let bits = f.to_bits();
    let biased = i32::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exp) = if biased == 0 {
        (fraction, 1)
    } else {
        (fraction | 1 << 52, biased)
    };
    (bits >> 63 == 1, mantissa, exp - 1023)
}

/// The widest a directive pads and the longest precision it takes (`gotmpl`'s bound).
const MAX_PAD: usize = u16::MAX as usize;

/// One of Go's `fmt` directives (`%02v`, `%-8s`, `%.2v`, `%+d`) of `value`, as Go writes
/// it: `%v` as the value's kind is written (an integer as `%d`, a float as `%g`, text as
/// `%s`, a list or map as `[a b]`), `%s` and `%d` of a value of the wrong kind as
/// `%!s(int=3)`; width pads with spaces (zeros after the sign with `0`, on the right with
/// `-`), precision cuts text and sets a float's digits.
pub fn go_format(spec: &str, value: &Value) -> String {
    let body = spec.strip_prefix('%').unwrap_or(spec);
    let flags: String = body.chars().take_while(|c| "-+ 0#".contains(*c)).collect();
    let rest = body.get(flags.len()..).unwrap_or_default();
    let width: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let rest = rest.get(width.len()..).unwrap_or_default();
    let (precision, verb) = match rest.strip_prefix('.') {
        Some(p) => {
            let digits: String = p.chars().take_while(char::is_ascii_digit).collect();
            (
                Some(digits.parse::<usize>().unwrap_or(0).min(MAX_PAD)),
                p.get(digits.len()..).unwrap_or_default(),
            )
        }
        None => (None, rest),
    };
    let verb = verb.chars().next().unwrap_or('v');
    // Go syntax of a TOML local value: its struct (`toml.LocalDate{Year:2026, …}`).
    let go_syntax = (verb == 'v' && flags.contains('#'))
        .then(|| local::go_syntax(value))
        .flatten();
    // `%+v` and `%#v` are Go's "with field names" and "Go syntax": no sign.
    let flags: String = if verb == 'v' {
        flags.replace(['+', '#'], "")
    } else {
        flags
    };
    // (Bounded as `gotmpl` bounds its own: a page never needs more.)
    let width: usize = width.parse::<usize>().unwrap_or(0).min(MAX_PAD);
    if let Some(text) = go_syntax {
        return go_pad(text, false, &flags, width, false);
    }
    // A list's items are each written by the directive (`%02v` of `[1 2]` is `[01 02]`).
    if let (Value::List(items), 'v' | 's' | 'd' | 'q') = (value, verb) {
        let each: Vec<String> = items
            .iter()
            .map(|item| {
                let (text, numeric) = go_directive_text(verb, &flags, precision, width, item);
                let precise = precision.is_some() && whole_number(item).is_some();
                go_pad(text, numeric, &flags, width, precise)
            })
            .collect();
        return format!("[{}]", each.join(" "));
    }
    if let (Some((negative, magnitude)), 'c' | 'O' | 'U') = (whole_number(value), verb) {
        let text = whole_number_as(verb, &flags, precision, width, negative, magnitude);
        // `%c` pads with zeros; `%O` made its own, and `%U` takes none (Go's `fmtUnicode`).
        let flags = if verb == 'c' {
            flags
        } else {
            flags.replace('0', "")
        };
        return go_pad(text, false, &flags, width, false);
    }
    let (text, numeric) = go_directive_text(verb, &flags, precision, width, value);
    let precise = precision.is_some() && whole_number(value).is_some();
    // An infinity or NaN is padded with spaces (Go's `fmtFloat`).
    let flags = match value {
        Value::Float(f) if !f.is_finite() => flags.replace('0', ""),
        _ => flags,
    };
    go_pad(text, numeric, &flags, width, precise)
}

/// A whole number (its sign and magnitude) as `%c`, `%O` or `%U` writes it before padding
/// (Go's `fmt/format.go`): `%c` its character (U+FFFD for one that is not), `%O` its octal
/// digits after `0o` (`-0o10`), zeros before them to the precision or, with the `0` flag
/// and no precision, to the width; `%U` its code point as `U+0041`, at least four digits
/// or the precision's, a negative one as its 64 bits, and with the `#` flag the character
/// quoted after it when Go prints it (`U+0041 'A'`).
fn whole_number_as(
    verb: char,
    flags: &str,
    precision: Option<usize>,
    width: usize,
    negative: bool,
    magnitude: u64,
) -> String {
    let character = || {
        u32::try_from(magnitude)
            .ok()
            .filter(|_| !negative)
            .and_then(char::from_u32)
    };
    match verb {
        'c' => character()
            .unwrap_or(char::REPLACEMENT_CHARACTER)
            .to_string(),
        'U' => {
            let bits = if negative {
                magnitude.wrapping_neg()
            } else {
                magnitude
            };
            let digits = precision.unwrap_or(0).max(4);
            let quoted = character()
                .filter(|c| flags.contains('#') && go_prints(*c))
                .map(|c| format!(" '{c}'"))
                .unwrap_or_default();
            format!("U+{bits:0digits$X}{quoted}")
        }
        _ => {
            let mut digits = format!("{magnitude:o}");
            if flags.contains('#') && !digits.starts_with('0') {
                digits.insert(0, '0');
            }
            let zeros = match precision {
                Some(p) => p,
                None if flags.contains('0') && !flags.contains('-') => {
                    let signed = negative || flags.contains(['+', ' ']);
                    width.saturating_sub(usize::from(signed))
                }
                None => 0,
            };
            let digits = format!("{digits:0>zeros$}");
            signed(
                format!("{}0o{digits}", if negative { "-" } else { "" }),
                negative,
                flags,
            )
        }
    }
}

/// Whether `value` is a map Go's `len` measures: a Go map (`.Params`, a `dict`, site
/// data) or the page's files; not one of Hugo's objects, which are structs.
pub fn has_length(value: &Value) -> bool {
    is_go_map(value) || kind_of(value) == Some("resources")
}

/// Whether `value` is a Go map to Hugo (`.Params`, a `dict`, site data), not one of
/// Hugo's objects, which Folio builds as maps too.
pub fn is_go_map(value: &Value) -> bool {
    go_type(value).starts_with("map[")
}

/// A map's length as Go's `len` gives it: its keys, without the spellings Folio adds
/// ([`is_alias`]) or its kind.
pub fn map_len(map: &BTreeMap<Arc<str>, Value>) -> usize {
    own_entries(map).count()
}

/// A map's entries as Go's map has them: without the spellings Folio adds
/// ([`is_alias`]) or its kind.
pub fn own_entries(
    map: &BTreeMap<Arc<str>, Value>,
) -> impl Iterator<Item = (&Arc<str>, &Value)> + '_ {
    map.iter()
        .filter(|(k, _)| &***k != KIND && !is_alias(map, k))
}

/// `hugo.Version` (Hugo's `version.VersionString`): text that prints, and is compared
/// with `eq`, as text, and with `lt` and its kin as a version ([`version_order`]).
pub fn version(text: &str) -> Value {
    map([(KIND, string("version")), ("String", string(text))])
}

/// How `lt` and its kin order a version (`hugo.Version`) and another value, as Hugo's
/// `VersionString.Compare` does (`common/version/version.go`, `CompareVersions`): a
/// number `M.m` as major `M` and minor the first two decimals (`0.83` is 0.82 there,
/// as Go's float makes it), text as a version (`v0.83.1-DEV`); versions by major, minor
/// and patch, then by their suffixes. `None` when neither is a version.
pub fn version_order(a: &Value, b: &Value) -> Option<Ordering> {
    let (own, other, flip) = match (kind_of(a) == Some("version"), kind_of(b) == Some("version")) {
        (true, _) => (a, b, false),
        (false, true) => (b, a, true),
        _ => return None,
    };
    let own = Version::parse(&cast_string(own));
    let order = match other {
        Value::Float(_) | Value::Int(_) | Value::Uint(_) => {
            let f = to_float(other).unwrap_or_default();
            let minor = (f.fract() * 100.0) as i64;
            (own.major, own.minor).cmp(&(f.trunc() as i64, minor))
        }
        _ => {
            let theirs = Version::parse(&cast_string(other));
            if (own.major, own.minor, own.patch) == (theirs.major, theirs.minor, theirs.patch) {
                // Go compares the suffixes the other way round (`strings.Compare(v1.Suffix,
                // d.Suffix)` where the rest is `d` against `v1`).
                theirs.suffix.cmp(&own.suffix)
            } else {
                (own.major, own.minor, own.patch).cmp(&(theirs.major, theirs.minor, theirs.patch))
            }
        }
    };
    Some(if flip { order.reverse() } else { order })
}

/// A version as Hugo's `ParseVersion` reads it: a leading `v` and blanks dropped, a
/// suffix after a `-`, then major, minor and patch, each 0 where it is not a number.
struct Version {
    major: i64,
    minor: i64,
    patch: i64,
    suffix: String,
}

impl Version {
    fn parse(text: &str) -> Version {
        let text = text.trim();
        let text = text.strip_prefix('v').unwrap_or(text);
        let (numbers, suffix) = match text.find('-') {
            Some(at) if at > 0 => text.split_at(at),
            _ => (text, ""),
        };
        let suffix = suffix.strip_prefix('-').unwrap_or(suffix);
        let mut parts = numbers.split('.').map(|p| p.parse::<i64>().unwrap_or(0));
        Version {
            major: parts.next().unwrap_or(0),
            minor: parts.next().unwrap_or(0),
            patch: parts.next().unwrap_or(0),
            suffix: suffix.to_string(),
        }
    }
}

/// The Go type Hugo's value of `value` has, as `printf "%T"` writes it: `bool`,
/// `string`, `int`, `float64`, `[]interface {}` (a list from front matter or `slice`),
/// `map[string]interface {}`, `template.HTML` for trusted HTML, `time.Time`,
/// `<nil>`, and Hugo's objects' own (`*hugolib.pageState`, `*url.URL`, `page.HugoInfo`…;
/// a name without `*` is a struct Go's `len` refuses too). Folio's values do not keep where they came from, so a list from `split`
/// (Hugo: `[]string`) and an integer from a TOML file (Hugo: `int64`) are named as the
/// others are.
pub fn go_type(value: &Value) -> &'static str {
    match value {
        Value::Nil => "<nil>",
        Value::Bool(_) => "bool",
        Value::Int(_) => "int",
        Value::Uint(_) => "uint64",
        Value::Float(_) => "float64",
        Value::String(_) => "string",
        Value::List(_) if super::objects::is_page_list(value) => "page.Pages",
        Value::List(_) => "[]interface {}",
        Value::Safe { kind, .. } => match kind {
            gotmpl::SafeKind::Html => "template.HTML",
            gotmpl::SafeKind::HtmlAttr => "template.HTMLAttr",
            gotmpl::SafeKind::Js => "template.JS",
            gotmpl::SafeKind::Css => "template.CSS",
            gotmpl::SafeKind::Url => "template.URL",
            _ => "template.HTML",
        },
        Value::Map(_) => match kind_of(value) {
            Some("time") => "time.Time",
            Some("duration") => "time.Duration",
            Some("page") => "*hugolib.pageState",
            Some("version") => "version.VersionString",
            Some("position") => "text.Position",
            Some("url") => "*url.URL",
            Some("scratch") => "*hstore.Scratch",
            Some("hugo") => "page.HugoInfo",
            Some("site_config") => "page.SiteConfig",
            Some("dirfile") => "paths.DirFile",
            Some("shortcode") => "*hugolib.ShortcodeWithPage",
            _ if local::is_local(value) => local::go_type(value).unwrap_or_default(),
            // A page resource or `resources.Get`'s (checked with Hugo 0.168; roneo's `ico`
            // tells a resource by it).
            Some("resource") => "*resources.resourceAdapter",
            _ if super::objects::hugo_type(value).is_some_and(|(t, _)| t == "page.Site") => {
                "*page.siteWrapper"
            }
            // A page's file and a language: `*source.File`, `*langs.Language`.
            _ => super::objects::struct_type(value).unwrap_or("map[string]interface {}"),
        },
        Value::Function(_) => "func",
    }
}

/// A whole number (Go's `int`, `int64` or `uint64`) as its sign and magnitude: whether it
/// is below zero, and its distance from zero.
fn whole_number(value: &Value) -> Option<(bool, u64)> {
    match value {
        Value::Int(n) => Some((*n < 0, n.unsigned_abs())),
        Value::Uint(u) => Some((false, *u)),
        _ => None,
    }
}

/// A whole number's digits, zeros before them to the precision's count, and its `-`.
fn whole_digits(negative: bool, magnitude: u64, precision: Option<usize>) -> String {
    let digits = magnitude.to_string();
    let digits = match precision {
        Some(p) if digits.len() < p => format!("{}{digits}", "0".repeat(p - digits.len())),
        _ => digits,
    };
    if negative {
        format!("-{digits}")
    } else {
        digits
    }
}

/// What a directive of `verb` writes of `value` before padding, and whether it is a
/// number (which zeros pad after its sign). A verb of the wrong kind writes Go's
/// `%!d(float64=043)`: the value as `%v` with the directive's flags, width and precision
/// (Go's `badVerb`, `fmt/print.go`).
fn go_directive_text(
    verb: char,
    flags: &str,
    precision: Option<usize>,
    width: usize,
    value: &Value,
) -> (String, bool) {
    let sign = |n: String, negative: bool| signed(n, negative, flags);
    let wrong = |kind: &str, shown: String| bad_verb(verb, kind, shown, value, flags, width);
    if kind_of(value) == Some("duration") {
        return duration_directive_text(verb, flags, precision, width, value);
    }
    if let Some(done) = in_base(verb, flags, precision, value) {
        return done;
    }
    if let (Some((negative, magnitude)), 'v' | 'd') = (whole_number(value), verb) {
        // `%.0d` of 0 writes nothing.
        if magnitude == 0 && precision == Some(0) {
            return (String::new(), true);
        }
        return (
            sign(whole_digits(negative, magnitude, precision), negative),
            true,
        );
    }
    match (verb, value) {
        ('T', _) => (go_type(value).to_string(), false),
        ('v', Value::Float(f)) => {
            let shown = precision.map_or_else(|| go_float(*f), |p| go_float_g(*f, p));
            (sign(shown, *f < 0.0), true)
        }
        ('v' | 's', Value::String(_) | Value::Safe { .. }) => {
            let s = cast_string(value);
            (cut(&s, precision), false)
        }
        ('q', Value::String(_) | Value::Safe { .. } | Value::Int(_) | Value::Uint(_)) => {
            (quoted(flags, precision, value), false)
        }
        ('v', Value::Bool(b)) => (b.to_string(), false),
        // `%f`: six digits after the point unless the precision says.
        ('f' | 'F', Value::Float(f)) => (format!("{f:.*}", precision.unwrap_or(6)), true),
        ('v', Value::Nil) => ("<nil>".to_string(), false),
        ('v' | 's', Value::List(_) | Value::Map(_)) => (go_print(value), false),
        ('s', Value::Int(_) | Value::Uint(_)) => {
            let negative = whole_number(value).is_some_and(|(negative, _)| negative);
            (
                wrong(go_type(value), sign(go_print(value), negative)),
                false,
            )
        }
        ('s' | 'd' | 'q' | 'o' | 'O' | 'c' | 'U', Value::Float(f)) => {
            let shown = precision.map_or_else(|| go_float(*f), |p| go_float_g(*f, p));
            (wrong("float64", sign(shown, *f < 0.0)), false)
        }
        ('s' | 'd' | 'q' | 'o' | 'O' | 'c' | 'U' | 'x' | 'X' | 'b', Value::Bool(b)) => {
            (wrong("bool", b.to_string()), false)
        }
        ('d' | 'o' | 'O' | 'c' | 'U' | 'b', Value::String(_) | Value::Safe { .. }) => {
            (wrong("string", cast_string(value)), false)
        }
        // A float verb of text: the text as `%v` writes it, cut to the precision
        // (`%.2f` of "3.5" is `%!f(string=3.)`).
        ('f' | 'F' | 'e' | 'E' | 'g' | 'G', Value::String(_) | Value::Safe { .. }) => {
            let s = cast_string(value);
            let shown = cut(&s, precision);
            (wrong(go_type(value), shown), false)
        }
        (_, Value::Nil) => (format!("%!{verb}(<nil>)"), false),
        _ => (go_print(value), false),
    }
}

/// [`go_directive_text`] of a float's infinity or NaN, and of a verb of bases (`%x`, `%X`,
/// `%b`) of a float or text; `None` for the others.
fn in_base(
    verb: char,
    flags: &str,
    precision: Option<usize>,
    value: &Value,
) -> Option<(String, bool)> {
    match (verb, value) {
        ('v' | 'x' | 'X' | 'b' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G', Value::Float(f))
            if !f.is_finite() =>
        {
            Some((non_finite_directive(*f, flags), false))
        }
        ('x' | 'X' | 'b', Value::Float(f)) => {
            let text = float_in_base(verb, *f, precision, flags.contains('#'));
            Some((signed(text, f.is_sign_negative(), flags), true))
        }
        ('x' | 'X', Value::String(s)) => {
            Some((go_hex_text(s, verb == 'X', flags, precision), false))
        }
        _ => None,
    }
}

/// A number's text (`n`, its `-` in it when `negative`) with the sign the directive's
/// flags ask for when it is not negative: `+` (the `+` flag) or a space (the space flag).
fn signed(n: String, negative: bool, flags: &str) -> String {
    match (negative, flags.contains('+'), flags.contains(' ')) {
        (false, true, _) => format!("+{n}"),
        (false, false, true) => format!(" {n}"),
        _ => n,
    }
}

/// Text as a directive's precision cuts it (`%.2s` of `abc` is `ab`): its first
/// `precision` characters, all of it without one.
fn cut(s: &str, precision: Option<usize>) -> String {
    precision.map_or_else(|| s.to_string(), |p| s.chars().take(p).collect())
}

/// Go's text for `verb` of a value of the wrong `kind` (`float64`), `shown` as `%v`
/// writes it, padded by the directive's flags and width: `%!d(float64=043)`.
fn bad_verb(
    verb: char,
    kind: &str,
    shown: String,
    value: &Value,
    flags: &str,
    width: usize,
) -> String {
    let numeric = whole_number(value).is_some() || matches!(value, Value::Float(_));
    let shown = go_pad(shown, numeric, flags, width, false);
    format!("%!{verb}({kind}={shown})")
}

/// `s` as Go's `%q` writes it (`strconv.Quote`): in double quotes, with `"` and `\`
/// escaped, `\n`-style escapes for the C ones, and `\xXX`/`\uXXXX`/`\UXXXXXXXX` for
/// the other characters Go does not print (controls, spaces other than U+0020, format
/// characters); the `+` flag escapes all but ASCII (`QuoteToASCII`), and the `#` flag
/// writes it in backquotes when it can (`CanBackquote`: no backquote, no control but tab).
pub fn go_quote(s: &str, flags: &str) -> String {
    // Go's `CanBackquote`: no backquote, no control but tab, no byte order mark.
    let backquotable = !s.contains('`')
        && s.chars()
            .all(|c| c == '\t' || !(c.is_control() || c == '\u{feff}'));
    if flags.contains('#') && backquotable {
        return format!("`{s}`");
    }
    let printable = go_prints;
    let ascii = flags.contains('+');
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if printable(c) && (!ascii || c.is_ascii()) => out.push(c),
            c if u32::from(c) < 0x80 => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c if u32::from(c) < 0x10000 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push_str(&format!("\\U{:08x}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// Whether Go's `strconv.IsPrint` holds for `c`, as far as Folio knows Unicode's
/// categories: not a control, a space other than U+0020, a format character (Cf: soft
/// hyphen, Arabic number signs, zero-width and bidirectional marks, the byte order mark,
/// tags) or a private-use one. (Unassigned code points, which Go also escapes, are kept.)
fn go_prints(c: char) -> bool {
    let format = matches!(
        c,
        '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    );
    let private = matches!(
        c,
        '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{ffffd}' | '\u{100000}'..='\u{10fffd}'
    );
    !(c.is_control() || (c.is_whitespace() && c != ' ') || format || private)
}

/// `%q` of text (Go's `strconv.Quote`, after the precision cuts it) or of an integer (a
/// quoted character: `'A'`).
fn quoted(flags: &str, precision: Option<usize>, value: &Value) -> String {
    if let Some((negative, magnitude)) = whole_number(value) {
        let c = u32::try_from(magnitude)
            .ok()
            .filter(|_| !negative)
            .and_then(char::from_u32);
        let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
        let quoted = go_quote(&c.to_string(), flags.replace('#', "").as_str());
        let inner = quoted.get(1..quoted.len() - 1).unwrap_or_default();
        let inner = match inner {
            "\\\"" => "\"",
            "'" => "\\'",
            other => other,
        };
        return format!("'{inner}'");
    }
    let s = cast_string(value);
    let s = cut(&s, precision);
    go_quote(&s, flags)
}

/// [`go_directive_text`] of a duration: an integer of nanoseconds with a `String` method.
fn duration_directive_text(
    verb: char,
    flags: &str,
    precision: Option<usize>,
    width: usize,
    duration: &Value,
) -> (String, bool) {
    match verb {
        'd' => {
            let nanos = duration.field("Nanoseconds").cloned();
            go_directive_text(
                verb,
                flags,
                precision,
                width,
                &nanos.unwrap_or(Value::Int(0)),
            )
        }
        'T' => ("time.Duration".to_string(), false),
        _ => {
            let text = string(go_stringer(duration).unwrap_or_default());
            go_directive_text(verb, flags, precision, width, &text)
        }
    }
}

/// `text` padded to `width` characters as Go's `fmt` pads: spaces before it, or after it
/// with the `-` flag, or zeros (after a number's sign) with the `0` flag, but for an
/// integer given a precision (`precise`).
fn go_pad(text: String, numeric: bool, flags: &str, width: usize, precise: bool) -> String {
    let len = text.chars().count();
    if len >= width {
        return text;
    }
    let pad = width - len;
    if flags.contains('-') {
        format!("{text}{}", " ".repeat(pad))
    } else if flags.contains('0') && !(numeric && precise) {
        // (A precision on a number turns zero padding off, as in Go.)
        // Zeros go after a number's sign.
        let (sign, digits) = match text.chars().next() {
            Some(c @ ('+' | '-' | ' ')) if numeric => {
                (c.to_string(), text.get(1..).unwrap_or_default().to_string())
            }
            _ => (String::new(), text),
        };
        format!("{sign}{}{digits}", "0".repeat(pad))
    } else {
        format!("{}{text}", " ".repeat(pad))
    }
}

/// Whether Go's `%v` of `value` writes a float: the value is one, or a list or map
/// holds one at any depth.
pub fn holds_float(value: &Value) -> bool {
    match value {
        Value::Float(_) => true,
        Value::List(items) => items.iter().any(holds_float),
        Value::Map(map) => map.values().any(holds_float),
        _ => false,
    }
}

/// A value as Go's `%v` prints it, floats in [`go_float`]'s form: a list as
/// `[a b]`, a map as `map[k:v]` (keys in order, as Go's `fmt` sorts them), nil in
/// either as `<nil>`.
pub fn go_print(value: &Value) -> String {
    match value {
        Value::Float(_) | Value::List(_) | Value::Map(_) => go_item(value),
        other => to_string(other),
    }
}

/// Go's `fmt.Sprint` (`line`: `fmt.Sprintln`) of `args`, each as `%v` writes it
/// ([`go_print`]; nil as `<nil>`): a space between two operands when neither is a string
/// (always, and a newline at the end, for `Sprintln`).
pub fn go_sprint(args: &[Value], line: bool) -> String {
    let is_text = |v: &Value| matches!(v, Value::String(_) | Value::Safe { .. });
    let mut out = String::new();
    let mut prev: Option<&Value> = None;
    for arg in args {
        if prev.is_some_and(|p| line || (!is_text(p) && !is_text(arg))) {
            out.push(' ');
        }
        out.push_str(&go_item(arg));
        prev = Some(arg);
    }
    if line {
        out.push('\n');
    }
    out
}

/// What Go's `String` method writes of one of Hugo's values that has one: a time as
/// `2024-03-05 10:00:00 +0100 +0100` (`Time.String`), a duration as `1m30s`, a path split
/// as `dir|file`, a media type as `image/png`, a resource as its `.Name` (`gal/b.jpg`,
/// `/images/a.png`: Hugo's `resourceAdapter.String`, so `path.Ext $img` and
/// `printf "%s" $img` work); a page as its file's name (`hugolib/page.go`,
/// `pageState.String`: the absolute path, `/` between folders) or, without a file, its
/// path; a page's file as its base name (`source/fileInfo.go`: `about`); a list of pages
/// as `Pages(2)` (`resources/page/pages.go`); a language as its code; a parsed URL as
/// its text; the site as Hugo's `Site.String` writes it (`Site [0 0 0]: [en v1.0.0
/// guest]`: its language's, version's and role's index and name); `None` for other
/// values.
pub fn go_stringer(value: &Value) -> Option<String> {
    if let Value::List(pages) = value {
        return super::objects::is_page_list(value).then(|| format!("Pages({})", pages.len()));
    }
    match kind_of(value) {
        Some("resource") => value.field("Name").map(to_string),
        Some("url") => value.field("String").map(to_string),
        Some("page") => Some(
            match value.field("File").and_then(|f| f.field("Filename")) {
                Some(name) => to_string(name).replace('\\', "/"),
                None => value.field("Path").map(to_string).unwrap_or_default(),
            },
        ),
        Some("time") => super::time::Moment::from_value(value, &jiff::tz::TimeZone::UTC)
            .map(|m| m.format("2006-01-02 15:04:05.999999999 -0700 MST")),
        Some("duration" | "version" | "position" | "userinfo") => {
            value.field("String").map(to_string)
        }
        _ if local::is_local(value) => value.field("String").map(to_string),
        Some("dirfile") => Some(format!(
            "{}|{}",
            to_string(value.field("Dir")?),
            to_string(value.field("File")?)
        )),
        _ if super::objects::is_language(value) => value.field("Lang").map(to_string),
        _ if super::objects::struct_type(value) == Some("*source.File") => {
            value.field("BaseFileName").map(to_string)
        }
        _ if super::objects::hugo_type(value).is_some_and(|(t, _)| t == "page.Site") => {
            Some(site_string(value))
        }
        _ => match (
            value.field("Type"),
            value.field("MainType"),
            value.field("SubType"),
        ) {
            (Some(t), Some(_), Some(_)) => Some(to_string(t)),
            _ => None,
        },
    }
}

/// Hugo's `Site.String` (`hugolib/site.go`): `Site [L 0 0]: [LANG v1.0.0 guest]`, `L` the
/// index of the site's language among its languages; Folio's sites have Hugo's one
/// default version and role.
fn site_string(site: &Value) -> String {
    let lang = site
        .field("Language")
        .and_then(|l| l.field("Lang"))
        .map(to_string)
        .unwrap_or_default();
    let index = match site.field("Languages") {
        Some(Value::List(all)) => all
            .iter()
            .position(|l| l.field("Lang").map(to_string).as_deref() == Some(lang.as_str()))
            .unwrap_or(0),
        _ => 0,
    };
    format!("Site [{index} 0 0]: [{lang} v1.0.0 guest]")
}

/// Whether `value` holds, at any depth of its lists and plain maps, a value Go prints
/// through its `String` ([`go_stringer`]).
pub fn holds_stringer(value: &Value) -> bool {
    if go_stringer(value).is_some() {
        return true;
    }
    match value {
        Value::List(items) => items.iter().any(holds_stringer),
        Value::Map(map) if kind_of(value).is_none() => map.values().any(holds_stringer),
        _ => false,
    }
}

/// [`go_print`] of a value inside a list or map.
fn go_item(value: &Value) -> String {
    if let Some(s) = go_stringer(value) {
        return s;
    }
    match value {
        Value::Float(f) => go_float(*f),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(go_item).collect();
            format!("[{}]", items.join(" "))
        }
        Value::Map(map) => {
            let entries: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{k}:{}", go_item(v)))
                .collect();
            format!("map[{}]", entries.join(" "))
        }
        other => other.to_string(),
    }
}

/// A number as a float, reading numeric strings as Hugo's `cast.ToFloat` does.
pub fn to_float(value: &Value) -> Option<f64> {
    match value {
        Value::Int(i) => Some(*i as f64),
        Value::Uint(u) => Some(*u as f64),
        Value::Float(f) => Some(*f),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::String(s) => s.trim().parse().ok(),
        Value::Nil => Some(0.0),
        _ => None,
    }
}

/// Text as Go's `strconv.ParseFloat` reads it: decimal with an exponent, `_` between
/// digits, a hexadecimal mantissa with a binary exponent (`0x1p4` is 16), `Inf` and `NaN`
/// in any case; `None` for text that is no number (no blanks allowed).
pub fn go_parse_float(text: &str) -> Option<f64> {
    let text = if text.contains('_') {
        if !go_underscores_ok(text) {
            return None;
        }
        std::borrow::Cow::Owned(text.replace('_', ""))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(&text)),
    };
    let value = match unsigned
        .strip_prefix("0x")
        .or_else(|| unsigned.strip_prefix("0X"))
    {
        Some(hex) => hex_float(hex)?,
        None if unsigned.starts_with(['+', '-']) => return None,
        // Go reads `NaN` without a sign only (`special`).
        None if unsigned.eq_ignore_ascii_case("nan") && unsigned.len() != text.len() => {
            return None
        }
        None => unsigned.parse::<f64>().ok()?,
    };
    Some(if negative { -value } else { value })
}

/// Go's `underscoreOK` (`strconv`): whether each `_` in a number (a sign first allowed)
/// stands between two digits, a base prefix (`0x`, `0o`, `0b`) counting as one; hex
/// letters are digits after `0x`.
fn go_underscores_ok(number: &str) -> bool {
    let s = number.strip_prefix(['+', '-']).unwrap_or(number).as_bytes();
    // What came last: '^' the start, '0' a digit or prefix, '_' an underscore, '!' other.
    let mut saw = b'^';
    let mut i = 0;
    let prefix = match (s.first(), s.get(1).map(u8::to_ascii_lowercase)) {
        (Some(b'0'), Some(p @ (b'x' | b'o' | b'b'))) => Some(p),
        _ => None,
    };
    if prefix.is_some() {
        i = 2;
        saw = b'0';
    }
    let hex = prefix == Some(b'x');
    for &c in s.get(i..).unwrap_or_default() {
        if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else if saw == b'_' {
            return false;
        } else {
            saw = b'!';
        }
    }
    saw != b'_'
}

/// A hexadecimal float's digits after `0x` (`1.8p3`): Go requires the `p` exponent.
fn hex_float(hex: &str) -> Option<f64> {
    let (mantissa, exponent) = hex.split_once(['p', 'P'])?;
    let exponent: i32 = exponent.parse().ok()?;
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut value = 0.0_f64;
    for c in whole.chars().chain(fraction.chars()) {
        value = value * 16.0 + f64::from(c.to_digit(16)?);
    }
    let shift = i32::try_from(fraction.len()).ok()?.checked_mul(4)?;
    Some(value * 2f64.powi(exponent.checked_sub(shift)?))
}

/// A value as an integer, as Hugo's `cast.ToInt` reads it: floats truncated; text read
/// by [`go_int`] once a decimal part of digits is cut off (`2.9` is 2, `7.` 7), so a
/// leading `0` is octal (`010` is 8, `08` and `09.5` are no number), `1_000` is 1000,
/// and blanks or an exponent make it none (`" 7"`, `1e3`); empty text is 0. Checked
/// with Hugo 0.168.
pub fn to_int(value: &Value) -> Option<i64> {
    match value {
        Value::Int(i) => Some(*i),
        // Go's conversion: a uint64 above an int64's range wraps round (cast's `int(v)`).
        #[allow(clippy::cast_possible_wrap)]
        Value::Uint(u) => Some(*u as i64),
        // Go's conversion on amd64: a float beyond an int64, or NaN, is its least.
        Value::Float(f) if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(f) => {
            Some(i64::MIN)
        }
        Value::Float(f) => Some(*f as i64),
        Value::Bool(b) => Some(i64::from(*b)),
        Value::Nil => Some(0),
        Value::String(s) | Value::Safe { s, .. } => int_of_text(s),
        _ => None,
    }
}

/// Text as spf13/cast's `ToIntE` reads it: empty is 0; a decimal part of digits is cut
/// off when what is before it is a sign and digits only (`trimDecimal`: `-.5` is 0, `2.9`
/// is 2, `0x1.5` and `1_0.` are no numbers); the rest as [`go_int`] reads it.
fn int_of_text(s: &str) -> Option<i64> {
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    match s.split_once('.') {
        _ if s.is_empty() => Some(0),
        Some((whole, decimals)) if digits(decimals) => {
            let unsigned = whole.strip_prefix(['+', '-']).unwrap_or(whole);
            match (unsigned.is_empty(), digits(unsigned)) {
                (true, _) => Some(0),
                (false, true) => go_int(whole),
                (false, false) => None,
            }
        }
        _ => go_int(s),
    }
}

/// An integer as Go's `strconv.ParseInt(s, 0, 64)` reads it (what Hugo's `cast.ToInt`
/// uses): `0x1f` hexadecimal, `0o17` and a leading `0` octal, `0b101` binary, `_` between
/// digits ([`go_underscores_ok`]); no second sign after the prefix (`0x-5` is not a number).
pub(crate) fn go_int(s: &str) -> Option<i64> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let lower = digits.to_ascii_lowercase();
    if !go_underscores_ok(&lower) {
        return None;
    }
    let (radix, body) = if let Some(hex) = lower.strip_prefix("0x") {
        (16, hex.replace('_', ""))
    } else if let Some(oct) = lower.strip_prefix("0o") {
        (8, oct.replace('_', ""))
    } else if let Some(bin) = lower.strip_prefix("0b") {
        (2, bin.replace('_', ""))
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, lower.get(1..)?.replace('_', ""))
    } else {
        (10, lower.replace('_', ""))
    };
    if body.starts_with(['+', '-']) {
        return None;
    }
    let n = i64::from_str_radix(&body, radix).ok()?;
    Some(if negative { -n } else { n })
}

/// Whether a value is a number.
pub fn is_number(value: &Value) -> bool {
    matches!(value, Value::Int(_) | Value::Uint(_) | Value::Float(_))
}

/// Equality as Hugo's `compare.Eq`: numbers by value whatever their type, strings with
/// safe strings, pages by which page they are ([`same_page`]), lists and maps element by
/// element.
pub fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (x, y) if kind_of(x) == Some("page") && kind_of(y) == Some("page") => same_page(x, y),
        // `hugo.Version` equals the text that it is (`VersionString.Eq`).
        (v, other) | (other, v) if kind_of(v) == Some("version") => {
            (kind_of(other) == Some("version")
                || !matches!(other, Value::Map(_) | Value::List(_) | Value::Nil))
                && cast_string(v) == cast_string(other)
        }
        // A TOML local date or date-time is equal to the time it is (Hugo's `compare.Eq`
        // reads both through `hreflect.AsTime`).
        (x, y) if is_dated(x) && is_dated(y) && (local::is_local(x) || local::is_local(y)) => {
            let zone = super::time_zone();
            let instant = |v: &Value| match local::moment(v, &zone) {
                Some(m) => Some(m.instant()),
                None => super::time::Moment::from_value(v, &zone).map(|m| m.instant()),
            };
            instant(x) == instant(y)
        }
        (x, y) if is_number(x) && is_number(y) => to_float(x) == to_float(y),
        (
            Value::String(x) | Value::Safe { s: x, .. },
            Value::String(y) | Value::Safe { s: y, .. },
        ) => x == y,
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| equal(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((ka, va), (kb, vb))| ka == kb && equal(va, vb))
        }
        _ => false,
    }
}

/// Whether `v` is a time or a TOML local date or date-time.
fn is_dated(v: &Value) -> bool {
    kind_of(v) == Some("time") || local::is_dated(v)
}

/// Whether two pages are one: Hugo's pages are pointers, compared as such, and Folio
/// makes a page each time it is reached (`.Parent`, `.GetPage`, `.Site.Home`), so they
/// are compared by what names a page in its site, its `.Path` and language.
fn same_page(a: &Value, b: &Value) -> bool {
    ["Path", "Lang"]
        .iter()
        .all(|f| a.field(f).map(to_string) == b.field(f).map(to_string))
}

/// Whether two items of a list are one to Hugo's collection functions (`in`, `uniq`,
/// `complement`: `normalize` in `tpl/collections/reflect_helpers.go`, compared as Go's
/// `any`): numbers by value whatever their type, anything else only with a value of its
/// own type (`"a"` is not `"a" | safeHTML`, nor a version its text), lists and maps by
/// their content.
pub fn same_item(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (x, y) if is_number(x) && is_number(y) => to_float(x) == to_float(y),
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Safe { kind: k, s: x }, Value::Safe { kind: l, s: y }) => k == l && x == y,
        (Value::String(_) | Value::Safe { .. }, _) | (_, Value::String(_) | Value::Safe { .. }) => {
            false
        }
        (x, y) if kind_of(x) == Some("version") || kind_of(y) == Some("version") => {
            kind_of(x) == kind_of(y) && cast_string(x) == cast_string(y)
        }
        (x, y) => equal(x, y),
    }
}

/// The items of a list, or a map's values in key order; nothing for anything else.
pub fn items(value: &Value) -> Vec<Value> {
    match value {
        Value::List(l) => l.to_vec(),
        Value::Map(m) => own_entries(m).map(|(_, v)| v.clone()).collect(),
        _ => Vec::new(),
    }
}

/// A shortcode parameter as Hugo types it ([`crate::page::lexer::Typed`]): an unquoted
/// `true`/`false`, integer or float is that type; anything else (and anything quoted) a
/// string.
pub fn typed_param(value: &str, quoted: bool) -> Value {
    use crate::page::lexer::Typed;
    if quoted {
        return string(value);
    }
    match Typed::of_bare(value) {
        Typed::Text => string(value),
        Typed::Bool(b) => Value::Bool(b),
        Typed::Int(n) => Value::Int(n),
        Typed::Float(f) => Value::Float(f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_as_go_prints_them() {
        assert_eq!(go_float(3.0), "3");
        assert_eq!(go_float(0.5), "0.5");
        assert_eq!(go_float(1e21), "1e+21");
        assert_eq!(go_float(100_000.0), "100000");
        assert_eq!(go_float(2_500_000.0), "2.5e+06");
        assert_eq!(go_float(999_999.9), "999999.9");
        assert_eq!(go_float(-1e6), "-1e+06");
        assert_eq!(go_float(0.0001), "0.0001");
        assert_eq!(go_float(0.00001), "1e-05");
    }

    #[test]
    fn hugos_functions_write_a_float_in_full_with_no_exponent() {
        assert_eq!(cast_float(0.00001), "0.00001");
        assert_eq!(cast_float(1e21), "1000000000000000000000");
        assert_eq!(cast_float(3.0), "3");
        assert_eq!(cast_float(-0.0), "-0");
        assert_eq!(cast_float(0.1), "0.1");
        assert_eq!(cast_float(f64::NAN), "NaN");
        assert_eq!(cast_float(f64::INFINITY), "+Inf");
        assert_eq!(cast_float(f64::NEG_INFINITY), "-Inf");
        assert_eq!(cast_float(5e-324).len(), 326);
        assert_eq!(cast_string(&Value::Float(1e-7)), "0.0000001");
        assert_eq!(to_string(&Value::Float(1e-7)), "1e-07");
    }

    #[test]
    fn numbers_of_different_types_are_equal_by_value() {
        assert!(equal(&Value::Int(3), &Value::Float(3.0)));
        assert!(!equal(&Value::Int(3), &string("3")));
        assert!(equal(&html("a"), &string("a")));
    }

    #[test]
    fn only_what_hugo_types_is_typed() {
        assert_eq!(typed_param("42", false), Value::Int(42));
        assert_eq!(typed_param("-.5", false), Value::Float(-0.5));
        assert_eq!(typed_param("infinity", false), string("infinity"));
        assert_eq!(typed_param("1e5", false), string("1e5"));
        assert_eq!(
            typed_param("12345678901234567890", false),
            string("12345678901234567890")
        );
        assert_eq!(typed_param("42", true), string("42"));
    }

    #[test]
    fn strings_read_as_integers_as_go_reads_them() {
        assert_eq!(to_int(&string("042")), Some(34));
        assert_eq!(to_int(&string("0x1F")), Some(31));
        assert_eq!(to_int(&string("-12")), Some(-12));
        assert_eq!(to_int(&string("2.9")), Some(2));
        assert_eq!(to_int(&string("1_000")), Some(1000));
        assert_eq!(to_int(&string("08")), None);
        assert_eq!(to_int(&string("09.5")), None);
        assert_eq!(to_int(&string(" 7")), None);
        assert_eq!(to_int(&string("1__0")), None);
    }

    #[test]
    fn params_keys_are_lowercased_at_every_depth() {
        let none = BTreeMap::new();
        let v = params_from_json(&serde_json::json!({"myKey": {"Inner": 1}}), &none);
        assert_eq!(
            v.field("mykey").and_then(|m| m.field("inner")),
            Some(&Value::Int(1))
        );
        let names = ["maxTags".to_string()];
        let v = params_from_json(&serde_json::json!({"MAXTAGS": 2}), &aliases_of(&names));
        assert_eq!(
            v.field("maxTags"),
            Some(&Value::Int(2)),
            "read as the template spells it"
        );
    }
}
