//! Hugo's collection, comparison and math functions (`tpl/collections`, `tpl/compare`,
//! `tpl/math`). Hugo replaces Go's `eq`, `index`, `slice` and `len` with its own, and so
//! does Folio: `slice` builds a list, `eq` compares numbers by value.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::sync::Arc;

use gotmpl::Value;

use super::super::time::local;
use super::super::values::{self, cast_string, equal, items, string, to_float, to_string};
use super::{arg, int_arg, str_arg, Func};
use crate::templates::engine::exec_error;

/// The most items `seq` makes (Hugo's `maxSeqSize`, `tpl/collections/collections.go`).
const MAX_SEQ: i64 = 1_000_000;

pub(super) const FUNCS: &[(&str, Func)] = &[
    ("eq compare.Eq", |a| {
        let first = arg(a, 0, "eq")?;
        Ok(Value::Bool(a.iter().skip(1).any(|b| equal(first, b))))
    }),
    ("ne compare.Ne", |a| {
        Ok(Value::Bool(!equal(arg(a, 0, "ne")?, arg(a, 1, "ne")?)))
    }),
    ("lt compare.Lt", |a| order(a, "lt", Ordering::is_lt)),
    ("le compare.Le", |a| order(a, "le", Ordering::is_le)),
    ("gt compare.Gt", |a| order(a, "gt", Ordering::is_gt)),
    ("ge compare.Ge", |a| order(a, "ge", Ordering::is_ge)),
    ("default compare.Default", |a| {
        let given = a.get(1).filter(|v| is_set(v));
        Ok(given
            .cloned()
            .unwrap_or_else(|| a.first().cloned().unwrap_or(Value::Nil)))
    }),
    // Hugo's truth (`hreflect.IsTruthful`): Go's zero time is false.
    ("cond compare.Conditional", |a| {
        let c = arg(a, 0, "cond")?;
        let c = c.is_truthy() && !values::is_zero_time(c);
        Ok(arg(a, if c { 1 } else { 2 }, "cond")?.clone())
    }),
    ("len", |a| {
        let v = arg(a, 0, "len")?;
        if let Some(bytes) = crate::templates::engine::resources::binary_bytes(v) {
            let n = bytes.map_err(|e| exec_error(format!("len: {e}")))?.len();
            return Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)));
        }
        let n = match v {
            Value::String(s) | Value::Safe { s, .. } => s.len(),
            // Go's `len` of nil stops the template: a missing parameter, a key a map does
            // not have, a lookup that found nothing.
            Value::Nil => return Err(exec_error("len of nil: the value is missing")),
            // One of Hugo's objects is a Go struct, which has no length (`len of type
            // hugolib.pageState`); a map's length leaves out the spellings Folio adds.
            Value::Map(m) if values::has_length(v) => values::map_len(m),
            // `hugo.Version`, a `version.VersionString`, is text.
            Value::Map(_) if values::kind_of(v) == Some("version") => values::cast_string(v).len(),
            Value::Map(_) => {
                return Err(exec_error(format!(
                    "len of type {}",
                    values::go_type(v).trim_start_matches('*')
                )))
            }
            other => other
                .len()
                .ok_or_else(|| exec_error(format!("len of type {}", other.type_name())))?,
        };
        Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
    }),
    // Hugo's `Index`: its error names what was indexed and with what
    // (`tpl/collections/index.go`).
    ("index collections.Index", |a| {
        let item = arg(a, 0, "index")?;
        let keys: Vec<Value> = match a.get(1..) {
            Some([Value::List(l)]) => l.to_vec(),
            Some(rest) => rest.to_vec(),
            None => Vec::new(),
        };
        index(item, &keys).map_err(|why| {
            exec_error(format!(
                "index: index of type {} with args {} failed: {why}",
                values::go_type(item),
                values::go_format("%v", &Value::List(keys.clone().into()))
            ))
        })
    }),
    ("slice collections.Slice", |a| {
        Ok(Value::List(a.to_vec().into()))
    }),
    // Hugo's `Dictionary` (`tpl/collections/collections.go`): a key is a text, or a
    // list of texts, the path of maps the value is put in (`dict (slice "a" "b") 1` is
    // `{a: {b: 1}}`).
    ("dict collections.Dictionary", |a| {
        if a.len() % 2 != 0 {
            return Err(exec_error("dict: invalid dictionary call"));
        }
        let mut root = BTreeMap::new();
        for pair in a.chunks(2) {
            if let [k, v] = pair {
                let path: Vec<Arc<str>> = match k {
                    Value::String(s) => vec![s.clone()],
                    Value::List(l) if !l.is_empty() => l
                        .iter()
                        .map(|k| match k {
                            Value::String(s) => Some(s.clone()),
                            _ => None,
                        })
                        .collect::<Option<_>>()
                        .ok_or_else(|| exec_error("dict: invalid dictionary key"))?,
                    _ => return Err(exec_error("dict: invalid dictionary key")),
                };
                put_at(&mut root, &path, v.clone());
            }
        }
        Ok(Value::Map(Arc::new(root)))
    }),
    ("first collections.First", |a| {
        let (n, seq) = counted(a, "first")?;
        Ok(part(seq, |_| 0..n))
    }),
    ("last collections.Last", |a| {
        let (n, seq) = counted(a, "last")?;
        Ok(part(seq, |len| len.saturating_sub(n)..len))
    }),
    ("apply collections.Apply", apply),
    ("after collections.After", |a| {
        let (n, seq) = counted(a, "after")?;
        Ok(part(seq, |len| n..len))
    }),
    // Hugo's `In` (`tpl/collections/collections.go`): nothing is in nil, and nil in
    // nothing; a list holds an item of its items' own type ([`values::same_item`]);
    // anything else holds the item's text in its own when both are text to
    // `cast.ToStringE` (a number, a bool, a `fmt.Stringer` such as a date or
    // `hugo.Version`: `in 123 2` is true).
    ("in collections.In", |a| {
        let (set, item) = (arg(a, 0, "in")?, arg(a, 1, "in")?);
        let text = |v: &Value| match v {
            Value::List(_) | Value::Function(_) => None,
            Value::Map(_) => values::go_stringer(v),
            v => Some(cast_string(v)),
        };
        Ok(Value::Bool(match set {
            Value::Nil => false,
            _ if matches!(item, Value::Nil) => false,
            Value::List(_) => items(set).iter().any(|v| values::same_item(v, item)),
            _ => text(set)
                .zip(text(item))
                .is_some_and(|(s, i)| s.contains(i.as_str())),
        }))
    }),
    ("isset isSet collections.IsSet", |a| {
        let (c, k) = (arg(a, 0, "isset")?, arg(a, 1, "isset")?);
        // A params map's keys are lowercase in Hugo: a spelling with capitals Folio adds
        // for the template's reads (`values::is_alias`) is not set there.
        Ok(Value::Bool(match c {
            Value::Map(m) => {
                let k = to_string(k);
                m.contains_key(k.as_str()) && !values::is_alias(m, &k)
            }
            // A key that is no index stops Hugo (a call without named parameters has a
            // list of `.Params`: `isset .Params "x"` there is an error).
            Value::List(l) => match values::to_int(k) {
                Some(i) => usize::try_from(i).is_ok_and(|i| i < l.len()),
                None => {
                    return Err(exec_error(format!(
                        "isset unable to use key of type {} as index",
                        values::go_type(k)
                    )))
                }
            },
            _ => false,
        }))
    }),
    ("append collections.Append", |a| {
        let (list, elems) = a
            .split_last()
            .ok_or_else(|| exec_error("append: expected at least 2 arguments"))?;
        // The list appended to is the last argument (Hugo's `collections.Append`).
        if !matches!(list, Value::Nil | Value::List(_)) && values::kind_of(list).is_none() {
            return Err(exec_error(format!(
                "append: expected a slice, got {}",
                values::go_type(list)
            )));
        }
        let mut out = items(list);
        match elems {
            [Value::List(more)] => out.extend(more.iter().cloned()),
            elems => out.extend(elems.iter().cloned()),
        }
        Ok(Value::List(out.into()))
    }),
    ("delimit collections.Delimit", |a| {
        let list = arg(a, 0, "delimit")?;
        if matches!(list, Value::Nil) || is_scalar(list) {
            return Err(exec_error(format!(
                "delimit: can't iterate over {}",
                values::go_type(list)
            )));
        }
        // Text is a sequence of bytes to Hugo's `Delimit` (Go's `reflect.Value.Index` of a
        // string), each written as its number: `delimit "Go" ", "` is `71, 111` (hunt AP, 5).
        let list = match list {
            Value::String(text) | Value::Safe { s: text, .. } => {
                text.bytes().map(|b| Value::Int(i64::from(b))).collect()
            }
            // A map's values in its keys' order as `sort` orders them, collated (Hugo's
            // `Delimit` sorts a map first: review 59a, 6).
            Value::Map(_) if values::kind_of(list).is_none() => {
                items(&sort(std::slice::from_ref(list))?)
            }
            _ => items(list),
        };
        let sep = str_arg(a, 1, "delimit")?;
        let last = a.get(2).map(cast_string);
        // Hugo's `Delimit`: each item that is text, a number or a bool is written with
        // the separator after it (the last separator before the last item, none after
        // it); a list or a map is skipped, separator and all.
        let mut out = String::new();
        for (i, v) in list.iter().enumerate() {
            let plain_map = matches!(v, Value::Map(_)) && values::kind_of(v).is_none();
            if plain_map || matches!(v, Value::List(_)) {
                continue;
            }
            out.push_str(&cast_string(v));
            match &last {
                Some(l) if i + 2 == list.len() => out.push_str(l),
                _ if i + 1 == list.len() => {}
                _ => out.push_str(&sep),
            }
        }
        Ok(string(out))
    }),
    ("sort collections.Sort", sort),
    ("where collections.Where", where_),
    ("uniq collections.Uniq", |a| {
        let list = arg(a, 0, "uniq")?;
        if is_scalar_or_text(list) || matches!(list, Value::Map(_)) {
            return Err(exec_error(format!(
                "uniq: type {} not supported",
                values::go_type(list)
            )));
        }
        let mut out: Vec<Value> = Vec::new();
        for v in items(list) {
            if !out.iter().any(|o| values::same_item(o, &v)) {
                out.push(v);
            }
        }
        Ok(Value::List(out.into()))
    }),
    // Hugo's order is random too: any order is Hugo's.
    ("shuffle collections.Shuffle", |a| {
        match arg(a, 0, "shuffle")? {
            Value::List(list) => {
                let mut list = list.to_vec();
                fastrand::shuffle(&mut list);
                Ok(Value::List(list.into()))
            }
            Value::Nil => Err(exec_error("shuffle: both count and seq must be provided")),
            other => Err(exec_error(format!(
                "shuffle: can't iterate over {}",
                values::go_type(other)
            ))),
        }
    }),
    ("collections.Reverse", |a| {
        let mut list = items(arg(a, 0, "collections.Reverse")?);
        list.reverse();
        Ok(Value::List(list.into()))
    }),
    ("union collections.Union", |a| {
        // A nil list gives the other as it is; else each value once, the first list's
        // included (Hugo's `Union`, `appendIfNotSeen`).
        match (arg(a, 0, "union")?, arg(a, 1, "union")?) {
            (Value::Nil, Value::Nil) => return Ok(Value::List(Vec::new().into())),
            (Value::Nil, other) | (other, Value::Nil) => return Ok(other.clone()),
            _ => {}
        }
        let mut out: Vec<Value> = Vec::new();
        let both = items(arg(a, 0, "union")?)
            .into_iter()
            .chain(items(arg(a, 1, "union")?));
        for v in both {
            if !out.iter().any(|o| equal(o, &v)) {
                out.push(v);
            }
        }
        Ok(Value::List(out.into()))
    }),
    ("intersect collections.Intersect", |a| {
        // Each common item once, in the first list's order (Hugo's `appendIfNotSeen`).
        let other = items(arg(a, 1, "intersect")?);
        let mut out: Vec<Value> = Vec::new();
        for v in items(arg(a, 0, "intersect")?) {
            if other.iter().any(|o| equal(o, &v)) && !out.iter().any(|o| equal(o, &v)) {
                out.push(v);
            }
        }
        Ok(Value::List(out.into()))
    }),
    ("complement collections.Complement", |a| {
        let (from, rest) = a
            .split_last()
            .ok_or_else(|| exec_error("complement: expected 2 arguments"))?;
        if !is_seq(from) {
            return Err(exec_error(
                "complement: arguments to complement must be slices or arrays",
            ));
        }
        if !rest.iter().all(is_seq) {
            return Err(exec_error("complement: arguments must be slices or arrays"));
        }
        let remove: Vec<Value> = rest.iter().flat_map(items).collect();
        Ok(Value::List(
            items(from)
                .into_iter()
                .filter(|v| !remove.iter().any(|r| values::same_item(r, v)))
                .collect(),
        ))
    }),
    ("merge collections.Merge", |a| {
        // Hugo's `Merge`: from the right, each map filling in what the maps after it
        // lack, deeply (`tpl/collections/merge.go`).
        let Some((last, rest)) = a.split_last().filter(|_| a.len() >= 2) else {
            return Err(exec_error("merge requires at least two parameters"));
        };
        // A Go map: not one of Hugo's objects, which Folio builds as maps.
        let result = match last {
            Value::Map(m) if values::is_go_map(last) => m,
            _ => {
                return Err(exec_error(format!(
                    "merge: destination must be a map, got {}",
                    values::go_type(last)
                )))
            }
        };
        let mut result = result.as_ref().clone();
        for src in rest.iter().rev() {
            match src {
                Value::Map(m) if values::is_go_map(src) => {
                    result = merge_maps(&result, m);
                }
                // A source that is not true (nil, "", 0, false, an empty list: a call's
                // `.Params` without parameters) is passed over (`hreflect.IsTruthfulValue`).
                other if !other.is_truthy() || values::is_zero_time(other) => {}
                other => {
                    return Err(exec_error(format!(
                        "merge: source must be a map, got {}",
                        values::go_type(other)
                    )))
                }
            }
        }
        Ok(Value::Map(Arc::new(result)))
    }),
    ("seq collections.Seq", seq),
    ("querify collections.Querify", |a| {
        let pairs: Vec<Value> = match a {
            // Params' keys once each (`values::is_alias`).
            [Value::Map(m)] => m
                .iter()
                .filter(|(k, _)| !values::is_alias(m, k))
                .flat_map(|(k, v)| [string(k), v.clone()])
                .collect(),
            [Value::List(l)] => l.to_vec(),
            other => other.to_vec(),
        };
        // Hugo's words (`tpl/collections/querify.go`); each key and value is text as
        // spf13/cast makes it (a list is an error, which stops Hugo's build).
        if !pairs.len().is_multiple_of(2) {
            return Err(exec_error(
                "querify: expected a map, a slice with an even number of elements, or an even \
                 number of scalar values, and each key must be a string",
            ));
        }
        let text = |v: &Value| super::str_arg(std::slice::from_ref(v), 0, "querify");
        let mut q: Vec<(String, String)> = Vec::with_capacity(pairs.len() / 2);
        for pair in pairs.chunks_exact(2) {
            if let [k, v] = pair {
                let key = text(k)?;
                if key.is_empty() {
                    return Err(exec_error("querify: one of the keys is an empty string"));
                }
                q.push((key, text(v)?));
            }
        }
        // Go's `url.Values.Encode`: sorted by key, each escaped as `url.QueryEscape`.
        // Sorted by the keys as given, before they are escaped (`é` after `a`).
        q.sort_by(|a, b| a.0.cmp(&b.0));
        let q: Vec<String> = q
            .into_iter()
            .map(|(k, v)| format!("{}={}", query_escape(&k), query_escape(&v)))
            .collect();
        Ok(string(q.join("&")))
    }),
    ("add math.Add", |a| arith(a, Op::Add, "add")),
    ("sub math.Sub", |a| arith(a, Op::Sub, "sub")),
    ("mul math.Mul", |a| arith(a, Op::Mul, "mul")),
    ("div math.Div", |a| {
        // Hugo takes the arguments in turn (`DoArithmetic`): a zero after numbers stops
        // it before a text after the zero does (`div 1 0 "a"`), a text before a zero first.
        let numbers = a.iter().take_while(|v| values::is_number(v)).count();
        if a.iter()
            .take(numbers)
            .skip(1)
            .any(|v| to_float(v) == Some(0.0))
        {
            return Err(exec_error("div: can't divide the value by 0"));
        }
        arith(a, Op::Div, "div")
    }),
    ("mod math.Mod", |a| {
        let (x, y) = (int_arg(a, 0, "mod")?, int_arg(a, 1, "mod")?);
        x.checked_rem(y).map(Value::Int).ok_or_else(|| {
            exec_error("mod: the number can't be divided by zero at modulo operation")
        })
    }),
    ("modBool math.ModBool", |a| {
        let (x, y) = (int_arg(a, 0, "modBool")?, int_arg(a, 1, "modBool")?);
        x.checked_rem(y)
            .map(|r| Value::Bool(r == 0))
            .ok_or_else(|| exec_error("modBool: division by zero"))
    }),
    ("math.Round", |a| float1(a, "math.Round", f64::round)),
    ("math.Floor", |a| float1(a, "math.Floor", f64::floor)),
    ("math.Ceil", |a| float1(a, "math.Ceil", f64::ceil)),
    ("math.Abs", |a| float1(a, "math.Abs", f64::abs)),
    ("math.Sqrt", |a| float1(a, "math.Sqrt", f64::sqrt)),
    ("math.Max", |a| fold(a, "math.Max", f64::max)),
    ("math.Min", |a| fold(a, "math.Min", f64::min)),
    ("math.Sum", |a| fold(a, "math.Sum", |x, y| x + y)),
    ("math.Product", |a| fold(a, "math.Product", |x, y| x * y)),
    ("pow math.Pow", |a| {
        let (x, y) = (num(a, 0, "math.Pow")?, num(a, 1, "math.Pow")?);
        Ok(Value::Float(x.powf(y)))
    }),
    ("math.Log", |a| float1(a, "math.Log", f64::ln)),
    ("math.Sin", |a| float1(a, "math.Sin", f64::sin)),
    ("math.Cos", |a| float1(a, "math.Cos", f64::cos)),
    ("math.Tan", |a| float1(a, "math.Tan", f64::tan)),
    ("math.Asin", |a| float1(a, "math.Asin", f64::asin)),
    ("math.Acos", |a| float1(a, "math.Acos", f64::acos)),
    ("math.Atan", |a| float1(a, "math.Atan", f64::atan)),
    ("math.Atan2", |a| {
        let (y, x) = (num(a, 0, "math.Atan2")?, num(a, 1, "math.Atan2")?);
        Ok(Value::Float(y.atan2(x)))
    }),
    ("math.ToDegrees", |a| {
        float1(a, "math.ToDegrees", f64::to_degrees)
    }),
    ("math.ToRadians", |a| {
        float1(a, "math.ToRadians", f64::to_radians)
    }),
    ("math.Pi", |_| Ok(Value::Float(std::f64::consts::PI))),
    ("math.MaxInt64", |_| Ok(Value::Int(i64::MAX))),
    // A float in [0, 1), a new one each call (Hugo's `math.Rand`).
    ("math.Rand", |_| Ok(Value::Float(fastrand::f64()))),
    // 1, 2, 3… through the process (Hugo's counts through the build), for ids that
    // must differ on the page.
    ("math.Counter", |_| {
        static COUNTER: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
        Ok(Value::Int(
            COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
        ))
    }),
];

/// `index ITEM KEYS…`: ITEM's value at each key in turn, as Go's `index` reads it, or why
/// not, in Go's words.
fn index(item: &Value, keys: &[Value]) -> Result<Value, String> {
    let mut v = item.clone();
    for k in keys {
        v = match (&v, k) {
            // Go's `index` converts a key to the map's key type, a string, and an
            // index to an int; anything else stops it (Hugo's `prepareArg`,
            // `indexArg`: `value has type int; should be string`).
            (Value::Map(_), Value::Int(_) | Value::Uint(_) | Value::Float(_) | Value::Bool(_)) => {
                return Err(format!(
                    "value has type {}; should be string",
                    go_key_type(k)
                ))
            }
            (Value::List(_) | Value::String(_) | Value::Safe { .. }, Value::Nil) => {
                return Err("cannot index slice/array with nil".to_string())
            }
            // (A key not given, `.Get 0` of a call without one: review 62c, r3.)
            (Value::Map(_), Value::Nil) => {
                return Err("value is nil; should be of type string".to_string())
            }
            (
                Value::List(_) | Value::String(_) | Value::Safe { .. },
                Value::String(_) | Value::Safe { .. } | Value::Float(_) | Value::Bool(_),
            ) => {
                return Err(format!(
                    "cannot index slice/array with type {}",
                    go_key_type(k)
                ))
            }
            (Value::Map(m), k) => {
                // Params keys are lowercase: `index site.Params "maxTags"` finds them.
                let k = to_string(k);
                m.get(k.as_str())
                    .or_else(|| m.get(k.to_lowercase().as_str()))
                    .cloned()
                    .unwrap_or(Value::Nil)
            }
            (Value::List(l), k) => {
                let i = values::to_int(k)
                    .ok_or_else(|| "cannot index a list with a non-integer".to_string())?;
                // Out of range is nothing, as Hugo's `index` gives it.
                usize::try_from(i)
                    .ok()
                    .and_then(|i| l.get(i))
                    .cloned()
                    .unwrap_or(Value::Nil)
            }
            // Text is indexed by its bytes, as Go indexes a string (a `uint8`).
            (Value::String(_) | Value::Safe { .. }, k) => {
                let i = values::to_int(k).ok_or_else(|| {
                    format!("cannot index slice/array with type {}", go_key_type(k))
                })?;
                let text = to_string(&v);
                usize::try_from(i)
                    .ok()
                    .and_then(|i| text.as_bytes().get(i))
                    .map_or(Value::Nil, |b| Value::Uint(u64::from(*b)))
            }
            (Value::Nil, _) => Value::Nil,
            (other, _) => return Err(format!("can't index item of type {}", other.type_name())),
        };
    }
    Ok(v)
}

/// Puts `value` in `map` at the path of keys `path` (one key at least), making the maps
/// on the way that are not there, and replacing what is no map.
fn put_at(map: &mut BTreeMap<Arc<str>, Value>, path: &[Arc<str>], value: Value) {
    match path {
        [] => {}
        [key] => {
            map.insert(key.clone(), value);
        }
        [key, rest @ ..] => {
            let mut inner = match map.get(key) {
                Some(Value::Map(m)) => (**m).clone(),
                _ => BTreeMap::new(),
            };
            put_at(&mut inner, rest, value);
            map.insert(key.clone(), Value::Map(Arc::new(inner)));
        }
    }
}

/// Go's `url.QueryEscape`: letters, digits and `-_.~` kept, a space as `+`, the rest
/// percent-encoded.
fn query_escape(s: &str) -> String {
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~')
        .remove(b' ');
    percent_encoding::utf8_percent_encode(s, KEEP)
        .to_string()
        .replace(' ', "+")
}

/// Whether `default` keeps the given value: Hugo's `compare.Default` treats zero values
/// (0, "", empty list or map, nil, Go's zero time) as unset, and any boolean, `false`
/// too, as set.
fn is_set(v: &Value) -> bool {
    matches!(v, Value::Bool(_)) || (v.is_truthy() && !super::super::values::is_zero_time(v))
}

/// The argument at `i` of the math function `func` (`math.Sqrt`) as a number, or the
/// function's own refusal (`tpl/math/math.go`: "Sqrt operator can't be used with non
/// integer or float value").
fn num(a: &[Value], i: usize, func: &str) -> gotmpl::Result<f64> {
    let v = arg(a, i, func)?;
    to_float(v).ok_or_else(|| {
        let op = func.strip_prefix("math.").unwrap_or(func);
        let why = match op {
            "Abs" => "the math.Abs function requires a numeric argument".to_string(),
            "Ceil" | "Floor" | "Round" | "Pow" => {
                format!("{op} operator can't be used with non-float value")
            }
            "Log" | "Sqrt" => {
                format!("{op} operator can't be used with non integer or float value")
            }
            "Max" | "Min" | "Sum" | "Product" => {
                format!("{op} operator can't be used with non-float values")
            }
            "Atan2" => "requires numeric arguments".to_string(),
            _ => "requires a numeric argument".to_string(),
        };
        exec_error(format!("{func}: {why}"))
    })
}

fn float1(a: &[Value], func: &str, f: fn(f64) -> f64) -> gotmpl::Result<Value> {
    Ok(Value::Float(f(num(a, 0, func)?)))
}

fn fold(a: &[Value], func: &str, f: fn(f64, f64) -> f64) -> gotmpl::Result<Value> {
    let all: Vec<Value> = a
        .iter()
        .flat_map(|v| match v {
            Value::List(_) => items(v),
            v => vec![v.clone()],
        })
        .collect();
    let mut acc: Option<f64> = None;
    for (i, _) in all.iter().enumerate() {
        let x = num(&all, i, func)?;
        acc = Some(acc.map_or(x, |a| f(a, x)));
    }
    // A list, even an empty one, is a value: `math.Sum (slice)` is 0 (Hugo's
    // `applyOpToScalarsOrSlices`).
    let a_list = a.iter().any(|v| matches!(v, Value::List(_)));
    match acc {
        Some(x) => Ok(Value::Float(x)),
        None if a_list => Ok(Value::Float(0.0)),
        None => Err(exec_error(format!(
            "{func}: must provide at least one number"
        ))),
    }
}

/// Hugo's `DoArithmetic(a, b, '+')`, which `.Scratch.Add` applies to a value that is not a
/// list (`common/maps/scratch.go`): [`arith`]'s `add` of the two, its errors worded for
/// `func`.
pub(super) fn add_as(a: Value, b: Value, func: &str) -> gotmpl::Result<Value> {
    arith(&[a, b], Op::Add, func)
}

/// `add` and its kin, as Hugo's `DoArithmetic` (`common/math/math.go`) applies them to
/// each next argument: two strings are joined by `add`; of two numbers, a float makes the
/// result a float, and two whole numbers stay whole, a `uint64` (a YAML number,
/// [`crate::formats::hugo_numbers`]) and one of zero or more giving a `uint64`, any other
/// pair an `int64`, each wrapping round as Go's do (`sub` of a YAML 42 and 50 is
/// 18446744073709551608); anything else (a number written as text, a bool, nil) is "can't
/// apply the operator to the values", which stops Hugo's build, as fewer than two
/// arguments do. Errors are worded for
/// `func` (`.Scratch.Add` adds as `add` does).
fn arith(a: &[Value], op: Op, func: &str) -> gotmpl::Result<Value> {
    // Hugo 0.168's `doArithmetic` refuses fewer than two (`tpl/math/math.go`).
    let (first, rest) = a
        .split_first()
        .filter(|(_, rest)| !rest.is_empty())
        .ok_or_else(|| exec_error(format!("{func}: must provide at least two numbers")))?;
    let mut acc = first.clone();
    for b in rest {
        if let Some(whole) = op.whole(&acc, b) {
            acc =
                whole.ok_or_else(|| exec_error(format!("{func}: can't divide the value by 0")))?;
            continue;
        }
        acc = match (&acc, b) {
            (Value::String(_) | Value::Safe { .. }, Value::String(_) | Value::Safe { .. })
                if op == Op::Add =>
            {
                string(format!(
                    "{}{}",
                    values::cast_string(&acc),
                    values::cast_string(b)
                ))
            }
            (x, y) if values::is_number(x) && values::is_number(y) => Value::Float(op.float(
                to_float(x).unwrap_or_default(),
                to_float(y).unwrap_or_default(),
            )),
            _ => {
                return Err(exec_error(format!(
                    "{func}: can't apply the operator to the values"
                )))
            }
        };
    }
    Ok(acc)
}

/// One of `DoArithmetic`'s four operators.
#[derive(Clone, Copy, PartialEq)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    /// The operator on `int64`s, wrapping round as Go's do; `None` dividing by zero.
    fn int(self, x: i64, y: i64) -> Option<i64> {
        match self {
            Op::Add => Some(x.wrapping_add(y)),
            Op::Sub => Some(x.wrapping_sub(y)),
            Op::Mul => Some(x.wrapping_mul(y)),
            Op::Div => (y != 0).then(|| x.wrapping_div(y)),
        }
    }

    /// The operator on `uint64`s, wrapping round as Go's do; `None` dividing by zero.
    fn uint(self, x: u64, y: u64) -> Option<u64> {
        match self {
            Op::Add => Some(x.wrapping_add(y)),
            Op::Sub => Some(x.wrapping_sub(y)),
            Op::Mul => Some(x.wrapping_mul(y)),
            Op::Div => x.checked_div(y),
        }
    }

    /// The operator on `float64`s.
    fn float(self, x: f64, y: f64) -> f64 {
        match self {
            Op::Add => x + y,
            Op::Sub => x - y,
            Op::Mul => x * y,
            Op::Div => x / y,
        }
    }

    /// The operator on two whole numbers as `DoArithmetic` types them: `uint64`s when one
    /// is a `uint64` and the other is not below zero, else `int64`s (a `uint64` above
    /// `int64`'s range wrapping round, as Go's conversion does).
    #[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]
    fn whole(self, x: &Value, y: &Value) -> Option<Option<Value>> {
        Some(match (x, y) {
            (Value::Int(x), Value::Int(y)) => self.int(*x, *y).map(Value::Int),
            (Value::Uint(x), Value::Uint(y)) => self.uint(*x, *y).map(Value::Uint),
            (Value::Uint(x), Value::Int(y)) if *y >= 0 => self.uint(*x, *y as u64).map(Value::Uint),
            (Value::Int(x), Value::Uint(y)) if *x >= 0 => self.uint(*x as u64, *y).map(Value::Uint),
            (Value::Uint(x), Value::Int(y)) => self.int(*x as i64, *y).map(Value::Int),
            (Value::Int(x), Value::Uint(y)) => self.int(*x, *y as i64).map(Value::Int),
            _ => return None,
        })
    }
}

/// The count and the sequence `first`, `last` and `after` (called `func`) take, as
/// Hugo's `First`, `Last` and `After` read them (`tpl/collections/collections.go`): both
/// given, the count not below zero, the sequence a list or a string.
///
/// # Errors
/// Each of those, in Hugo's words.
fn counted<'a>(a: &'a [Value], func: &str) -> gotmpl::Result<(usize, &'a Value)> {
    let seq = arg(a, 1, func)?;
    if matches!(arg(a, 0, func)?, Value::Nil) || matches!(seq, Value::Nil) {
        return Err(exec_error(format!(
            "{func}: both limit and seq must be provided"
        )));
    }
    let n = int_arg(a, 0, func)?;
    let n = usize::try_from(n).map_err(|_| {
        exec_error(if func == "after" {
            format!("{func}: sequence bounds out of range [{n}:]")
        } else {
            format!("{func}: sequence length must be non-negative")
        })
    })?;
    // A map, or one of Hugo's objects (a page, a time: Go structs), is no sequence.
    if is_scalar(seq) || matches!(seq, Value::Map(_)) {
        return Err(exec_error(format!(
            "{func}: can't iterate over {}",
            values::go_type(seq)
        )));
    }
    Ok((n, seq))
}

/// Whether `v` is a number, a bool or text: no list or map, which `sort`, `where` and
/// `uniq` take.
fn is_scalar_or_text(v: &Value) -> bool {
    is_scalar(v) || matches!(v, Value::String(_) | Value::Safe { .. })
}

/// Whether `v` is a number or a bool: nothing Go iterates over.
fn is_scalar(v: &Value) -> bool {
    matches!(
        v,
        Value::Bool(_) | Value::Int(_) | Value::Uint(_) | Value::Float(_)
    )
}

/// Whether `v` is a slice to Go: a list, or one of Hugo's objects Folio builds as a map
/// (which may be one), not a Go map or anything else.
fn is_seq(v: &Value) -> bool {
    matches!(v, Value::List(_)) || values::kind_of(v).is_some()
}

/// The items of `v` in `range(len)`, clamped to them (`first`, `last`, `after`): of a
/// string, its bytes, as Go slices a string (`"Jane"` → `"J"`), HTML kept HTML.
fn part(v: &Value, range: impl Fn(usize) -> std::ops::Range<usize>) -> Value {
    let clamp = |len: usize| {
        let r = range(len);
        r.start.min(len)..r.end.min(len).max(r.start.min(len))
    };
    match v {
        Value::String(s) | Value::Safe { s, .. } => {
            let bytes = s.as_bytes().get(clamp(s.len())).unwrap_or_default();
            let s: Arc<str> = String::from_utf8_lossy(bytes).into();
            match v {
                Value::Safe { kind, .. } => Value::Safe { kind: *kind, s },
                _ => Value::String(s),
            }
        }
        other => {
            let all = items(other);
            Value::List(all.get(clamp(all.len())).unwrap_or_default().into())
        }
    }
}

type Collator = icu_collator::CollatorBorrowed<'static>;

/// Whether `sort` puts `x` before `y`: Hugo's `LtCollate` (`tpl/compare/compare.go`,
/// `compareGetWithCollator`), two plain strings collated in the site's language, anything
/// else as `lt` orders it ([`hugo_order`]: a numeric string against a number by its
/// value, a missing value as nil, which is 0).
fn sort_less(x: &Value, y: &Value, collator: Option<&Collator>) -> bool {
    if let (Value::String(a), Value::String(b)) = (x, y) {
        let o = collator.map_or_else(|| a.cmp(b), |c| c.compare(a, b));
        return o == Ordering::Less;
    }
    hugo_order(x, y) == Some(Ordering::Less)
}

/// The order of strings in the site's language, as Hugo's `sort` orders them
/// (`langs.GetCollator1`: `collate.New` of the language code, English when the code is
/// not a language tag; `compare.LtCollate`): case and accents count only between
/// strings that are otherwise equal, lower case first (`[AWS docker Élixir elm Go]`).
/// ICU4X's CLDR collation stands for Go's `x/text/collate`; `lt` and `gt` stay plain.
fn site_collator() -> Option<Collator> {
    use icu_collator::options::CollatorOptions;
    let locale = super::context::icu_locale(&super::context::site_lang())?;
    icu_collator::Collator::try_new((&locale).into(), CollatorOptions::default()).ok()
}

/// A time as its Unix second, a duration as its nanoseconds (Go's `time.Duration` is an
/// `int64`), a TOML local date or date-time as the Unix second it is in the site's zone
/// (Hugo's `hreflect.AsTime`), a local time of day as nil (no order: Hugo finds two equal),
/// anything else as it is.
fn ordered_as(v: &Value) -> Cow<'_, Value> {
    if local::is_local(v) {
        let zone = crate::templates::engine::time_zone();
        return Cow::Owned(local::unix(v, &zone).map_or(Value::Nil, Value::Int));
    }
    let field = match values::kind_of(v) {
        Some("time") => "Unix",
        Some("duration") => "Nanoseconds",
        _ => return Cow::Borrowed(v),
    };
    v.field(field).map_or(Cow::Owned(Value::Nil), Cow::Borrowed)
}

/// `lt`, `le`, `gt` and `ge`: the first argument against each of the others (Hugo's
/// `compare.Lt` and kin take any number), true when every test holds.
fn order(a: &[Value], func: &str, test: fn(Ordering) -> bool) -> gotmpl::Result<Value> {
    let x = arg(a, 0, func)?;
    let others = a.get(1..).unwrap_or_default();
    if others.is_empty() {
        return Err(exec_error(format!(
            "{func}: missing arguments for comparison"
        )));
    }
    Ok(Value::Bool(
        others.iter().all(|y| hugo_order(x, y).is_some_and(test)),
    ))
}

/// How `lt`, `le`, `gt` and `ge` order two values, as Hugo's `compareGetWithCollator`
/// does (`tpl/compare/compare.go`): `hugo.Version` as a version
/// ([`values::version_order`]); two plain strings bytewise; otherwise each side is a
/// number ([`compared_as`]) and two sides that are both text that reads as no number
/// are compared as text. `None` when the numbers have no order (NaN).
fn hugo_order(a: &Value, b: &Value) -> Option<Ordering> {
    if let Some(order) = values::version_order(a, b) {
        return Some(order);
    }
    let (a, b) = (ordered_as(a), ordered_as(b));
    if let (Value::String(x), Value::String(y)) = (a.as_ref(), b.as_ref()) {
        return Some(x.cmp(y));
    }
    match (compared_as(&a), compared_as(&b)) {
        ((_, Some(x)), (_, Some(y))) => Some(x.cmp(y)),
        ((x, _), (y, _)) => x.partial_cmp(&y),
    }
}

/// The number one side of Hugo's comparison is (`compareGetWithCollator`): a list's or a
/// map's length; a number; `true` 1; text as Go's `strconv.ParseFloat` reads it
/// ([`values::go_parse_float`]), 0 when
/// it reads no number, with the text when it reads none or an infinity or NaN; a Go
/// struct or pointer (one of Hugo's objects), nil and the rest 0. A time or a duration
/// is its number already ([`ordered_as`]).
fn compared_as(v: &Value) -> (f64, Option<&str>) {
    match v {
        Value::List(l) => (l.len() as f64, None),
        Value::Map(m) if values::has_length(v) => (values::map_len(m) as f64, None),
        Value::Int(i) => (*i as f64, None),
        Value::Uint(u) => (*u as f64, None),
        Value::Float(f) => (*f, None),
        Value::Bool(b) => (f64::from(u8::from(*b)), None),
        Value::String(s) | Value::Safe { s, .. } => match values::go_parse_float(s) {
            Some(f) if f.is_finite() => (f, None),
            Some(f) => (f, Some(s)),
            None => (0.0, Some(s)),
        },
        _ => (0.0, None),
    }
}

/// The value at a dotted path (`.Params.year`, `Title`) in a map, for `sort` and `where`.
fn at_path(v: &Value, path: &str) -> Value {
    let mut cur = v.clone();
    for key in path
        .trim_start_matches('.')
        .split('.')
        .filter(|k| !k.is_empty())
    {
        cur = cur
            .field(key)
            .or_else(|| cur.field(&key.to_lowercase()))
            .cloned()
            .unwrap_or(Value::Nil);
    }
    cur
}

/// `sort COLLECTION [KEY] [ORDER]`.
fn sort(a: &[Value]) -> gotmpl::Result<Value> {
    // Hugo's `Sort`: a list or a map, nothing else.
    match arg(a, 0, "sort")? {
        Value::Nil => return Err(exec_error("sort: sequence must be provided")),
        v if is_scalar_or_text(v) => {
            return Err(exec_error(format!(
                "sort: can't sort {}",
                values::go_type(v)
            )))
        }
        _ => {}
    }
    // A map sorted without a key is its values in its keys' order, collated as its
    // strings are (Hugo's `sort`: `alpha`, `Mid`, `zeta`; review 57a, 4).
    if let (Value::Map(m), None) = (arg(a, 0, "sort")?, a.get(1)) {
        let mut entries: Vec<(&Arc<str>, &Value)> =
            m.iter().filter(|(k, _)| !values::is_alias(m, k)).collect();
        let collator = site_collator();
        entries.sort_by(|x, y| {
            collator
                .as_ref()
                .map_or_else(|| x.0.cmp(y.0), |c| c.compare(x.0, y.0))
        });
        return Ok(Value::List(
            entries.into_iter().map(|(_, v)| v.clone()).collect(),
        ));
    }
    let of_map = matches!(arg(a, 0, "sort")?, Value::Map(_));
    let list = items(arg(a, 0, "sort")?);
    // Hugo sorts by the item itself for no key, "" or "value".
    let key = a
        .get(1)
        .map(to_string)
        .filter(|k| !k.trim_matches('.').is_empty() && k != "value");
    // Hugo reads the order as written: only "desc" is descending.
    let desc = a.get(2).map(to_string).is_some_and(|o| o == "desc");
    let keys: Vec<Value> = match key.as_deref() {
        Some(k) => list
            .iter()
            .map(|v| sort_key(v, k, of_map))
            .collect::<gotmpl::Result<_>>()?,
        None => list.clone(),
    };
    let mut list: Vec<(Value, Value)> = keys.into_iter().zip(list).collect();
    let collator = site_collator();
    let less = |x: &(Value, Value), y: &(Value, Value)| sort_less(&x.0, &y.0, collator.as_ref());
    // Go's stable sort, step for step: Hugo's order is no strict one ("10" < "9" < 9.5 <
    // "10"), and only Go's steps give its result. Descending is `sort.Reverse`.
    if desc {
        crate::templates::engine::gosort::go_stable(&mut list, &|x, y| less(y, x));
    } else {
        crate::templates::engine::gosort::go_stable(&mut list, &less);
    }
    Ok(Value::List(list.into_iter().map(|(_, v)| v).collect()))
}

/// What `sort` orders the item `v` by for the key `path` (`"params.year"`): each name of
/// the path read as a map key, a page's or another object's field, as [`at_path`] reads
/// it. As Hugo's `evaluateSubElem` (`tpl/collections/where.go`), a nil item, a name read
/// of a string, a number, a bool or a list, or of what a map does not hold or holds as
/// null, stops the build ("0 is neither a struct field, a method nor a map element of
/// type []string", "not supported for interface types", "can't evaluate an invalid
/// value"); an object's `Params`, and a map read from an item of a map (`of_map`), give
/// nil for what they lack (checked with Hugo 0.168, with data, site params, front matter
/// and `dict`s).
///
/// # Errors
/// Those, as `sort: …`.
fn sort_key(v: &Value, path: &str, of_map: bool) -> gotmpl::Result<Value> {
    if matches!(v, Value::Nil) {
        return Err(exec_error("sort: not supported for interface types"));
    }
    let names: Vec<&str> = path.split('.').filter(|n| !n.is_empty()).collect();
    let mut cur = v.clone();
    for (k, name) in names.iter().enumerate() {
        if is_scalar_or_text(&cur) || matches!(cur, Value::List(_)) {
            // A value read from a map is Go's `interface {}`.
            let go_type = if k == 0 {
                values::go_type(&cur)
            } else {
                "interface {}"
            };
            return Err(exec_error(format!(
                "sort: {name} is neither a struct field, a method nor a map element of type {go_type}"
            )));
        }
        let object = values::kind_of(&cur).is_some();
        // An object's `Params`, and a map read from an item of a map (in a front matter
        // or site params map, Hugo's `maps.Params`, whose `GetNested` gives nil for what
        // it lacks: review 51d, 2; a map in a list is a plain one), read the rest of the
        // key leniently.
        let rest = || names.get(k + 1..).unwrap_or_default().join(".");
        if object && name.eq_ignore_ascii_case("Params") {
            return Ok(at_path(&at_path(&cur, name), &rest()));
        }
        if k > 0 && of_map && !object && matches!(cur, Value::Map(_)) {
            return Ok(at_path(&cur, &format!("{name}.{}", rest())));
        }
        let last = k + 1 == names.len();
        cur = match cur.field(name).or_else(|| cur.field(&name.to_lowercase())) {
            Some(Value::Nil) if !last => {
                return Err(exec_error("sort: not supported for interface types"))
            }
            None if !last && !object => {
                return Err(exec_error("sort: can't evaluate an invalid value"))
            }
            Some(found) => found.clone(),
            None => Value::Nil,
        };
    }
    Ok(cur)
}

/// `where COLLECTION KEY [OPERATOR] MATCH`.
fn where_(a: &[Value]) -> gotmpl::Result<Value> {
    // Hugo's `Where`: a list or a map, nothing else.
    let list = arg(a, 0, "where")?;
    if matches!(list, Value::Nil) || is_scalar_or_text(list) {
        return Err(exec_error(format!(
            "where: can't iterate over {}",
            values::go_type(list)
        )));
    }
    let list = items(list);
    let key = str_arg(a, 1, "where")?;
    let (op, want) = match a.len() {
        3 => (String::new(), arg(a, 2, "where")?),
        _ => (
            str_arg(a, 2, "where")?.trim().to_lowercase(),
            arg(a, 3, "where")?,
        ),
    };
    // Hugo trims the key's dots at both ends and reads each part of it as a field: a key
    // of dots alone (`.`) names no field, so every item's value is missing, not the item
    // itself (`checkWhereArray`; review 59a, 7).
    let path = key.trim_matches('.');
    let mut out = Vec::new();
    for v in list {
        let got = match path {
            "" => Value::Nil,
            path => at_path(&v, path),
        };
        if holds(&got, &op, want)? {
            out.push(v);
        }
    }
    Ok(Value::List(out.into()))
}

/// Whether an item's value `got` stands in relation `op` to `want`, by Hugo's rules
/// (`tpl/collections/where.go` `checkCondition`): a missing value only equals another;
/// booleans are only equal or not; values of one kind (integers, floats, strings, times
/// by their Unix second) are ordered, and numbers of two kinds as floats; any other pair
/// fails every test. `in` looks in a list of the item's kind, or in a string for a
/// substring; `like` is a regular expression on a string.
fn holds(got: &Value, op: &str, want: &Value) -> gotmpl::Result<bool> {
    let is_eq = matches!(op, "" | "=" | "==" | "eq");
    let is_ne = matches!(op, "!=" | "<>" | "ne");
    // A page is one page or another, and nothing else (Hugo's `tryEq` asks the page's
    // `Eq` first, whichever side it is on, before anything else: reviews 50b, 5, 50c, 3
    // and 50e, 4).
    let page = |v: &Value| values::kind_of(v) == Some("page");
    if (page(got) || page(want)) && (is_eq || is_ne) {
        let same = page(got) && page(want) && equal(got, want);
        return Ok((is_eq && same) || (is_ne && !same));
    }
    let is_time = |v: &Value| values::kind_of(v) == Some("time") || local::is_dated(v);
    // A time is only compared with a time (or looked for in a list).
    if is_time(got) != is_time(want) && !matches!(want, Value::List(_) | Value::Nil) {
        return Ok(false);
    }
    let (got, want) = (ordered_as(got), ordered_as(want));
    let (got, want) = (got.as_ref(), want.as_ref());
    let nil = |v: &Value| matches!(v, Value::Nil);
    if nil(got) || nil(want) {
        return Ok((is_eq && nil(got) == nil(want)) || (is_ne && nil(got) != nil(want)));
    }
    if let (Value::Bool(x), Value::Bool(y)) = (got, want) {
        return Ok((is_eq && x == y) || (is_ne && x != y));
    }
    let order = match (got, want) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Uint(x), Value::Uint(y)) => Some(x.cmp(y)),
        (x, y) if values::is_number(x) && values::is_number(y) => to_float(x)
            .zip(to_float(y))
            .and_then(|(x, y)| x.partial_cmp(&y)),
        (x, y) => text(x).zip(text(y)).map(|(x, y)| x.cmp(&y)),
    };
    Ok(match op {
        _ if is_eq => order.is_some_and(Ordering::is_eq),
        _ if is_ne => order.is_some_and(Ordering::is_ne),
        ">=" | "ge" => order.is_some_and(Ordering::is_ge),
        ">" | "gt" => order.is_some_and(Ordering::is_gt),
        "<=" | "le" => order.is_some_and(Ordering::is_le),
        "<" | "lt" => order.is_some_and(Ordering::is_lt),
        "in" | "not in" => found_in(got, want).is_some_and(|f| f != (op == "not in")),
        "intersect" => match (got, want) {
            (Value::List(g), Value::List(w)) => g.iter().any(|g| w.iter().any(|w| equal(w, g))),
            _ => false,
        },
        "like" => match (text(got), text(want)) {
            (Some(got), Some(want)) => regex::Regex::new(&super::strings::go_regex(&want))
                .map_err(|e| exec_error(format!("where: {e}")))?
                .is_match(&got),
            _ => false,
        },
        other => {
            return Err(exec_error(format!(
                "where: {other} is not a valid operator"
            )))
        }
    })
}

/// A string's text, else `None`.
fn text(v: &Value) -> Option<Arc<str>> {
    match v {
        Value::String(s) | Value::Safe { s, .. } => Some(s.clone()),
        _ => None,
    }
}

/// For `where`'s `in`: whether `got` is an item of the list `want` (a string among its
/// strings, a number among its numbers) or a substring of the string `want`; `None` when
/// Hugo does not look (then `in` and `not in` both fail).
fn found_in(got: &Value, want: &Value) -> Option<bool> {
    match (got, want) {
        (Value::List(_), _) => None,
        (_, Value::List(l)) if l.is_empty() => Some(false),
        (Value::String(_) | Value::Safe { .. }, Value::List(l)) => {
            Some(l.iter().any(|w| text(w) == text(got)))
        }
        (x, Value::List(l)) if values::is_number(x) => Some(
            l.iter()
                .map(ordered_as)
                .any(|w| values::is_number(&w) && equal(got, &w)),
        ),
        (_, Value::List(_)) => None,
        (x, y) => text(y)
            .zip(text(x))
            .map(|(hay, needle)| hay.contains(&*needle)),
    }
}

/// `seq LAST`, `seq FIRST LAST`, `seq FIRST INCREMENT LAST`, with Hugo's refusals
/// (`Seq` in `tpl/collections/collections.go`): an argument that is no integer, an
/// increment of 0 or one that leads away from LAST, and more than a million numbers.
fn seq(a: &[Value]) -> gotmpl::Result<Value> {
    if a.is_empty() || a.len() > 3 {
        return Err(exec_error("seq: invalid number of arguments to Seq"));
    }
    let n: Vec<i64> = a
        .iter()
        .map(values::to_int)
        .collect::<Option<_>>()
        .ok_or_else(|| exec_error("seq: invalid arguments to Seq"))?;
    let (first, step, last) = match n.as_slice() {
        [0] => return Ok(Value::List(Vec::new().into())),
        [l] if *l > 0 => (1, 1, *l),
        [l] => (-1, -1, *l),
        [f, l] => (*f, if l < f { -1 } else { 1 }, *l),
        [f, s, l] => (*f, *s, *l),
        _ => return Err(exec_error("seq: invalid arguments to Seq")),
    };
    let wrong_way = match step {
        0 => Some("'increment' must not be 0"),
        s if s < 0 && first < last => Some("'increment' must be > 0"),
        s if s > 0 && first > last => Some("'increment' must be < 0"),
        _ => None,
    };
    if let Some(why) = wrong_way {
        return Err(exec_error(format!("seq: {why}")));
    }
    // In i128: the distance between two i64 does not fit an i64.
    let count = (i128::from(last) - i128::from(first)) / i128::from(step) + 1;
    if i128::from(last) < -i128::from(MAX_SEQ) || count > i128::from(MAX_SEQ) {
        return Err(exec_error("seq: size of result exceeds limit"));
    }
    let out: Vec<Value> = (0..count)
        .filter_map(|k| i64::try_from(i128::from(first) + k * i128::from(step)).ok())
        .map(Value::Int)
        .collect();
    Ok(Value::List(out.into()))
}

/// `apply LIST FUNC ARGS…` (`tpl/collections/apply.go`): FUNC called once per item of
/// LIST, each argument `"."` standing for the item; the results as a list. Nil gives an
/// empty list. FUNC is one of Folio's functions, or one of Go's own built-ins that Hugo
/// keeps (`printf`, `print`, `html`, `urlquery`…), run by `gotmpl` as a one-action
/// template per item, whose text is the result.
///
/// # Errors
/// LIST is not a list, FUNC is `apply` or unknown, or FUNC fails on an item.
fn apply(a: &[Value]) -> gotmpl::Result<Value> {
    let (list, name) = (arg(a, 0, "apply")?, str_arg(a, 1, "apply")?);
    if matches!(list, Value::Nil) {
        return Ok(Value::List(Arc::from(Vec::new())));
    }
    if name == "apply" {
        return Err(exec_error("apply: can't apply myself (no turtles allowed)"));
    }
    let Value::List(list) = list else {
        return Err(exec_error(format!(
            "apply: can't apply over {}",
            to_string(list)
        )));
    };
    let rest = a.get(2..).unwrap_or_default();
    let args_for = |item: &Value| -> Vec<Value> {
        rest.iter()
            .map(|v| match v {
                Value::String(s) if &**s == "." => item.clone(),
                v => v.clone(),
            })
            .collect()
    };
    if let Some(func) = super::all().get(name.as_str()) {
        return list
            .iter()
            .map(|item| func(&args_for(item)))
            .collect::<gotmpl::Result<Vec<Value>>>()
            .map(|v| Value::List(Arc::from(v)));
    }
    let builtin = super::go_builtin_of(&name).unwrap_or_else(|| name.clone());
    if !super::is_go_builtin(&builtin) {
        return Err(exec_error(format!("apply: can't find function {name}")));
    }
    // `printf` writes its directives as a written one does.
    if builtin == "printf" {
        return list
            .iter()
            .map(|item| super::context::printf_at_run_time(&args_for(item)).map(string))
            .collect::<gotmpl::Result<Vec<Value>>>()
            .map(|v| Value::List(Arc::from(v)));
    }
    // Go's own built-ins (`print`, `len`, `html`, `urlquery`…) run inside gotmpl: each
    // item's call is a one-action template of its own.
    let template =
        super::go_builtin(&builtin, rest.len()).map_err(|e| exec_error(format!("apply: {e}")))?;
    list.iter()
        .map(|item| {
            let out = template
                .execute_to_string(&Value::List(Arc::from(args_for(item))))
                .map_err(|e| exec_error(format!("apply: {e}")))?;
            Ok(string(out))
        })
        .collect::<gotmpl::Result<Vec<Value>>>()
        .map(|v| Value::List(Arc::from(v)))
}

/// `dst` with what it lacks taken from `src`: a key `dst` has (in any case) keeps its
/// value, or, when both values are maps, the two merged again; Hugo's `mergeMap`.
fn merge_maps(
    dst: &BTreeMap<Arc<str>, Value>,
    src: &BTreeMap<Arc<str>, Value>,
) -> BTreeMap<Arc<str>, Value> {
    let mut out = dst.clone();
    for (key, value) in src {
        let found = dst.get(key).or_else(|| {
            dst.iter()
                .find(|(k, _)| k.to_lowercase() == key.to_lowercase())
                .map(|(_, v)| v)
        });
        match (found, value) {
            (Some(Value::Map(d)), Value::Map(s)) => {
                out.insert(key.clone(), Value::Map(Arc::new(merge_maps(d, s))));
            }
            (Some(_), _) => {}
            (None, _) => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    out
}

/// The Go type a key of `index` has, as Go's messages name it.
fn go_key_type(k: &Value) -> &'static str {
    match k {
        Value::Int(_) => "int",
        Value::Uint(_) => "uint64",
        Value::Float(_) => "float64",
        Value::Bool(_) => "bool",
        _ => "string",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(name: &str) -> Result<Value, String> {
        let list = Value::List(Arc::from(vec![string("a"), string("b")]));
        apply(&[list, string(name), string(".")]).map_err(|e| e.to_string())
    }

    #[test]
    fn sort_orders_a_list_of_mixed_kinds_without_panicking_and_keeps_every_item() {
        // Numbers, numeric and other strings, nothing, booleans and maps, more than 20 of
        // them: numbers against numeric strings would order in a cycle ("10" < "9" < 9.5
        // < "10"), on which Rust's sort may panic.
        let mut items = Vec::new();
        for i in 0..12_i32 {
            items.extend([
                Value::Float(f64::from(i) + 0.5),
                string(i.to_string()),
                string(format!("w{i}")),
                Value::Nil,
                Value::Bool(i % 2 == 0),
                Value::Float(f64::NAN),
                values::map([("k", Value::Int(i.into()))]),
            ]);
        }
        let n = items.len();
        let sorted = sort(&[Value::List(items.into())]).unwrap();
        let sorted = values::items(&sorted);
        assert_eq!(sorted.len(), n);
    }

    #[test]
    fn apply_runs_gos_own_built_ins_as_hugo_does() {
        for (name, want) in [
            ("print", "a"),
            ("urlquery", "a"),
            ("len", "1"),
            ("html", "a"),
        ] {
            let Ok(Value::List(out)) = applied(name) else {
                panic!("{name}");
            };
            assert_eq!(out.first().map(to_string).as_deref(), Some(want), "{name}");
        }
        let list = Value::List(Arc::from(vec![string("a"), string("<b>")]));
        let Ok(Value::List(out)) = apply(&[
            list,
            string("fmt.Printf"),
            string("<li>%s</li>"),
            string("."),
        ]) else {
            panic!("printf");
        };
        let out: Vec<String> = out.iter().map(to_string).collect();
        assert_eq!(out, ["<li>a</li>", "<li><b></li>"]);
        assert!(applied("nosuch")
            .unwrap_err()
            .contains("can't find function nosuch"));
        assert!(applied("apply").unwrap_err().contains("no turtles"));
        let Ok(Value::List(upper)) = applied("upper") else {
            panic!("upper applies");
        };
        assert_eq!(upper.iter().map(to_string).collect::<Vec<_>>(), ["A", "B"]);
    }
}
