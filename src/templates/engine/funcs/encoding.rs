//! Hugo's hashing, encoding and type-testing functions (`tpl/crypto`, `tpl/hash`,
//! `tpl/encoding`, `tpl/reflect`, `tpl/templates`), `urls.JoinPath` (`tpl/urls`),
//! `transform.Unmarshal` of text and `collections.SymDiff`: the ones the shortcodes and partials of popular themes call
//! that the other families lack.

use base64::Engine as _;
use gotmpl::Value;

use super::super::values::{equal, items, string};
use super::{arg, str_arg, Func};
use crate::templates::engine::{self as engine, exec_error};

pub(super) const FUNCS: &[(&str, Func)] = &[
    ("md5 crypto.MD5", |a| {
        Ok(string(md5_hex(&str_arg(a, 0, "md5")?)))
    }),
    ("sha1 crypto.SHA1", |a| {
        use sha1::Digest as _;
        let s = str_arg(a, 0, "sha1")?;
        Ok(string(hex(&sha1::Sha1::digest(s.as_bytes()))))
    }),
    ("sha256 crypto.SHA256", |a| {
        use sha2::Digest as _;
        let s = str_arg(a, 0, "sha256")?;
        Ok(string(hex(&sha2::Sha256::digest(s.as_bytes()))))
    }),
    // Hugo's `hash.FNV32a` gives the 32-bit FNV-1a hash as a number.
    ("hash.FNV32a", |a| {
        let s = str_arg(a, 0, "hash.FNV32a")?;
        let h = s.bytes().fold(0x811c_9dc5_u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        Ok(Value::Int(i64::from(h)))
    }),
    ("base64Encode encoding.Base64Encode", |a| {
        // An image's `.Content`, for a `data:` URL.
        if let Some(bytes) =
            crate::templates::engine::resources::binary_bytes(arg(a, 0, "base64Encode")?)
        {
            let bytes = bytes.map_err(|e| exec_error(format!("base64Encode: {e}")))?;
            return Ok(string(
                base64::engine::general_purpose::STANDARD.encode(bytes),
            ));
        }
        let s = str_arg(a, 0, "base64Encode")?;
        Ok(string(
            base64::engine::general_purpose::STANDARD.encode(s.as_bytes()),
        ))
    }),
    ("base64Decode encoding.Base64Decode", |a| {
        let s = str_arg(a, 0, "base64Decode")?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(s.trim())
            .map_err(|e| exec_error(format!("base64Decode: {e}")))?;
        Ok(string(String::from_utf8_lossy(&bytes)))
    }),
    // Hugo's `resources.ResolveImageOpsSupport`: an image, one whose size and Exif
    // Hugo reads, one it also processes.
    // A page is a resource too (Hugo's `page.Page` embeds `resource.Resource`; review 62c).
    ("reflect.IsResource", |a| {
        let v = arg(a, 0, "reflect.IsResource")?;
        Ok(Value::Bool(
            resource_type(v).is_some() || super::super::values::kind_of(v) == Some("page"),
        ))
    }),
    ("reflect.IsImageResource", |a| {
        let media = resource_type(arg(a, 0, "reflect.IsImageResource")?);
        Ok(Value::Bool(media.is_some_and(|t| t.starts_with("image/"))))
    }),
    ("reflect.IsImageResourceWithMeta", |a| {
        let media = resource_type(arg(a, 0, "reflect.IsImageResourceWithMeta")?);
        Ok(Value::Bool(media.is_some_and(|t| {
            PROCESSABLE.contains(&t.as_str())
                || ["image/avif", "image/heif", "image/heic"].contains(&t.as_str())
        })))
    }),
    ("reflect.IsImageResourceProcessable", |a| {
        let media = resource_type(arg(a, 0, "reflect.IsImageResourceProcessable")?);
        Ok(Value::Bool(
            media.is_some_and(|t| PROCESSABLE.contains(&t.as_str())),
        ))
    }),
    ("reflect.IsPage", |a| {
        Ok(Value::Bool(
            super::super::values::kind_of(arg(a, 0, "reflect.IsPage")?) == Some("page"),
        ))
    }),
    // A map of Go's (a `dict`, params, data), not one of Hugo's objects (a page, a date, a
    // file…), which are Go structs that Folio holds as maps of a kind.
    ("reflect.IsMap", |a| {
        let value = arg(a, 0, "reflect.IsMap")?;
        Ok(Value::Bool(
            matches!(value, Value::Map(_)) && super::super::values::kind_of(value).is_none(),
        ))
    }),
    ("reflect.IsSlice", |a| {
        Ok(Value::Bool(matches!(
            arg(a, 0, "reflect.IsSlice")?,
            Value::List(_)
        )))
    }),
    // `templates.Exists "partials/x.html"`: whether the site, its themes or Hugo has it
    // ([`crate::templates::Catalogue::template_exists`]).
    ("templates.Exists", |a| {
        let name = str_arg(a, 0, "templates.Exists")?;
        Ok(Value::Bool(
            engine::frame()?.catalogue.template_exists(&name),
        ))
    }),
    // Go's `url.PathEscape`: a path segment's escape (`/` is escaped too).
    ("urls.PathEscape", |a| {
        let s = str_arg(a, 0, "urls.PathEscape")?;
        Ok(string(
            percent_encoding::utf8_percent_encode(&s, PATH_SEGMENT).to_string(),
        ))
    }),
    ("urls.PathUnescape", |a| {
        let s = str_arg(a, 0, "urls.PathUnescape")?;
        if let Some(escape) = bad_escape(&s) {
            return Err(exec_error(format!(
                "urls.PathUnescape: invalid URL escape \"{escape}\""
            )));
        }
        Ok(string(crate::text::percent_decode(&s)))
    }),
    ("urls.JoinPath", |a| {
        let parts: Vec<String> = a
            .iter()
            .flat_map(|v| match v {
                Value::List(_) => items(v),
                other => vec![other.clone()],
            })
            .map(|v| super::super::values::cast_string(&v))
            .collect();
        join_path(&parts).map(string)
    }),
    // `transform.Unmarshal [OPTIONS] DATA`: text (or a resource's content) read as the
    // format Hugo detects in it (`FormatFromContentString`: the first of the CSV
    // delimiter, `{` JSON, `:` YAML, `<` XML, `=` TOML).
    ("unmarshal transform.Unmarshal", |a| {
        let data = a
            .last()
            .ok_or_else(|| exec_error("transform.Unmarshal: expected 1 or 2 arguments"))?;
        let options = match a {
            [options, _] => Decoder::of(options)?,
            _ => Decoder::default(),
        };
        // A resource is read as its media type says (Hugo's `FormatFromMediaType`), a
        // string as its text looks.
        let Value::Map(m) = data else {
            return unmarshal(&super::super::values::to_string(data), &options);
        };
        let text = m
            .get("Content")
            .map(super::super::values::to_string)
            .unwrap_or_default();
        let sub_type = m
            .get("MediaType")
            .and_then(|t| t.field("SubType"))
            .map(super::super::values::to_string)
            .unwrap_or_default();
        unmarshal_as(&text, &sub_type, &options)
    }),
    ("symdiff collections.SymDiff", |a| {
        let (x, y) = (items(arg(a, 0, "symdiff")?), items(arg(a, 1, "symdiff")?));
        let only = |from: &[Value], other: &[Value]| -> Vec<Value> {
            from.iter()
                .filter(|v| !other.iter().any(|o| equal(o, v)))
                .cloned()
                .collect()
        };
        // Hugo lists the second's own items first.
        let mut out = only(&y, &x);
        out.extend(only(&x, &y));
        Ok(Value::List(out.into()))
    }),
];

/// `transform.Unmarshal`'s options (Hugo's `metadecoders.Decoder`): the format to read,
/// whatever the text looks like or the resource's media type says (`format`: `yaml`,
/// `yml`, `json`, `toml`, `csv`, `xml`, `org`, or a file name with that extension); for
/// CSV, the field delimiter (`,`), the comment character (none), and whether rows become
/// maps keyed by the first row's names (`targetType` `map`) or lists of text (`slice`). A quote inside
/// an unquoted field is always kept, as with `lazyQuotes` (Go refuses it without).
#[derive(Debug, Clone, Copy)]
struct Decoder {
    format: Option<Told>,
    delimiter: char,
    comment: Option<char>,
    maps: bool,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder {
            format: None,
            delimiter: ',',
            comment: None,
            maps: false,
        }
    }
}

/// An option that is a character (`delimiter`, `comment`): `None` for empty text; text of
/// more than one character stops Hugo as it does (its options' decode hook).
fn one_char(text: &str) -> gotmpl::Result<Option<char>> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (first, None) => Ok(first),
        _ => Err(exec_error(format!(
            "transform.Unmarshal: failed to decode options: invalid character: {}",
            super::super::values::go_quote(text, "")
        ))),
    }
}

impl Decoder {
    /// The options a template gives (`dict "delimiter" ";"`), Hugo's keys in any case.
    fn of(options: &Value) -> gotmpl::Result<Decoder> {
        let mut o = Decoder::default();
        let Value::Map(m) = options else {
            return Err(exec_error("transform.Unmarshal: the options must be a map"));
        };
        for (key, value) in m.iter() {
            let text = super::super::values::to_string(value);
            match key.to_ascii_lowercase().as_str() {
                "format" if !text.is_empty() => o.format = Some(data_format(&text)?),
                // One character, or none (Go's zero rune: no comments, and a delimiter
                // no format is told by).
                "delimiter" => o.delimiter = one_char(&text)?.unwrap_or('\0'),
                "comment" => o.comment = one_char(&text)?,
                "targettype" => {
                    o.maps = match text.as_str() {
                        "map" => true,
                        "slice" => false,
                        other => {
                            return Err(exec_error(format!(
                                "transform.Unmarshal: invalid targetType: expected either \"slice\" or \"map\", got {other:?}"
                            )))
                        }
                    };
                }
                _ => {}
            }
        }
        Ok(o)
    }
}

/// A resource's `text` read as the format its media type's `sub_type` names (`json`,
/// `yaml`, `toml`, `csv`), else as [`unmarshal`] reads a string.
///
/// # Errors
/// Invalid syntax, or as [`unmarshal`].
fn unmarshal_as(text: &str, sub_type: &str, options: &Decoder) -> gotmpl::Result<Value> {
    use crate::formats::Format;
    if let Some(format) = options.format {
        return unmarshal_format(text, format, options);
    }
    let format = match sub_type {
        "json" => Told::Data(Format::Json),
        "yaml" | "x-yaml" => Told::Data(Format::Yaml),
        "toml" => Told::Data(Format::Toml),
        "csv" => Told::Csv,
        _ => return unmarshal(text, options),
    };
    unmarshal_format(text, format, options)
}

/// `text` read as Hugo's `transform.Unmarshal` reads a string.
///
/// # Errors
/// XML (Folio does not read it), no format found, or invalid syntax.
fn unmarshal(text: &str, options: &Decoder) -> gotmpl::Result<Value> {
    use crate::formats::Format;
    // Blank text is nil, in any format (Hugo's `Unmarshal`).
    if text.trim().is_empty() {
        return Ok(Value::Nil);
    }
    if let Some(format) = options.format {
        return unmarshal_format(text, format, options);
    }
    let at = |c: char| text.find(c);
    let first = |of: Option<usize>, others: &[Option<usize>]| {
        of.is_some_and(|i| others.iter().flatten().all(|o| i < *o))
    };
    let (csv, json, yaml, xml, toml) = (at(options.delimiter), at('{'), at(':'), at('<'), at('='));
    let format = if first(csv, &[json, yaml, xml, toml]) {
        return unmarshal_csv(text, options);
    } else if first(xml, &[csv, json, yaml, toml]) {
        return Err(exec_error(
            "transform.Unmarshal: Folio reads JSON, YAML, TOML and CSV, not XML",
        ));
    } else if first(json, &[yaml, xml, toml]) {
        Format::Json
    } else if first(yaml, &[xml, toml]) {
        Format::Yaml
    } else if toml.is_some() {
        Format::Toml
    } else {
        return Err(exec_error("transform.Unmarshal: unknown format"));
    };
    unmarshal_format(text, Told::Data(format), options)
}

/// `text` read as `format`.
///
/// # Errors
/// Invalid syntax.
fn unmarshal_format(text: &str, format: Told, options: &Decoder) -> gotmpl::Result<Value> {
    let Told::Data(format) = format else {
        return unmarshal_csv(text, options);
    };
    if format == crate::formats::Format::Yaml && crate::formats::yaml_holds_nothing(text) {
        return Ok(Value::Nil);
    }
    let json = crate::formats::parse_data(text, format)
        .map_err(|e| exec_error(format!("transform.Unmarshal: {e}")))?;
    Ok(super::super::values::from_json(&json))
}

/// A format `transform.Unmarshal` is told to read (its `format` option).
#[derive(Debug, Clone, Copy)]
enum Told {
    /// JSON, YAML or TOML.
    Data(crate::formats::Format),
    /// CSV.
    Csv,
}

/// The format a `format` option names, as Hugo's `metadecoders.FormatFromString` reads
/// it (any case; a file name by its extension).
///
/// # Errors
/// A format Hugo does not have (`format "ini" not supported`), and XML and Org, which
/// Folio does not read.
fn data_format(name: &str) -> gotmpl::Result<Told> {
    use crate::formats::Format;
    let lower = name.to_lowercase();
    let name = lower
        .rsplit_once('.')
        .map_or(lower.as_str(), |(_, ext)| ext);
    match name {
        "yaml" | "yml" => Ok(Told::Data(Format::Yaml)),
        "json" => Ok(Told::Data(Format::Json)),
        "toml" => Ok(Told::Data(Format::Toml)),
        "csv" => Ok(Told::Csv),
        "xml" | "org" => Err(exec_error(format!(
            "transform.Unmarshal: Folio reads JSON, YAML, TOML and CSV, not {}",
            name.to_uppercase()
        ))),
        _ => Err(exec_error(format!(
            "transform.Unmarshal: format {name:?} not supported"
        ))),
    }
}

/// `text` read as CSV, as Go's `encoding/csv` reads it for Hugo: each row a list of its
/// fields (or, with `targetType` `map`, a map from the first row's names), blank lines
/// skipped, every row as long as the first.
///
/// # Errors
/// A row of another length, a bad quote, or a delimiter or comment character that is not
/// ASCII.
fn unmarshal_csv(text: &str, options: &Decoder) -> gotmpl::Result<Value> {
    let byte = |c: char, what: &str| {
        u8::try_from(c).ok().filter(u8::is_ascii).ok_or_else(|| {
            exec_error(format!(
                "transform.Unmarshal: Folio reads a CSV {what} of one ASCII character, not {c:?}"
            ))
        })
    };
    let mut reader = csv::ReaderBuilder::new();
    reader
        .has_headers(false)
        .delimiter(byte(options.delimiter, "delimiter")?)
        .comment(options.comment.map(|c| byte(c, "comment")).transpose()?)
        .flexible(false);
    let mut rows: Vec<Vec<String>> = Vec::new();
    for record in reader.from_reader(text.as_bytes()).records() {
        let record = record.map_err(|e| match e.kind() {
            csv::ErrorKind::UnequalLengths { pos, .. } => exec_error(format!(
                "transform.Unmarshal: record on line {}: wrong number of fields",
                pos.as_ref().map_or(0, csv::Position::line)
            )),
            _ => exec_error(format!("transform.Unmarshal: {e}")),
        })?;
        // Go's reader makes a quoted field's `\r\n` a `\n`.
        let fields: Vec<String> = record.iter().map(|f| f.replace("\r\n", "\n")).collect();
        rows.push(fields);
    }
    let string = super::super::values::string;
    if options.maps {
        let mut rows = rows.into_iter();
        let names = rows.next().unwrap_or_default();
        return Ok(Value::List(
            rows.map(|row| {
                super::super::values::map(
                    names
                        .iter()
                        .map(String::as_str)
                        .zip(row.into_iter().map(string)),
                )
            })
            .collect(),
        ));
    }
    Ok(Value::List(
        rows.into_iter()
            .map(|row| Value::List(row.into_iter().map(string).collect()))
            .collect(),
    ))
}

/// Bytes as lower-case hexadecimal.
/// The MD5 of `s` in lowercase hexadecimal, as Hugo's `md5` writes it (and its
/// `File.UniqueID`, the MD5 of a page's path).
pub(crate) fn md5_hex(s: &str) -> String {
    use md5::Digest as _;
    hex(&md5::Md5::digest(s.as_bytes()))
}

/// Bytes as lowercase hexadecimal, two digits each (Go's `hex.EncodeToString`).
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The first `%` of `text` that starts no escape (`%` and two hex digits), as Go's
/// `EscapeError` quotes it: it and the two bytes after it, a byte outside ASCII's
/// printable ones as `\xNN` (`%4\xc3`).
pub(super) fn bad_escape(text: &str) -> Option<String> {
    let (i, _) = text.match_indices('%').find(|&(i, _)| {
        let hex = text.get(i + 1..i + 3).unwrap_or_default();
        hex.len() != 2 || !hex.bytes().all(|b| b.is_ascii_hexdigit())
    })?;
    let bytes = text
        .as_bytes()
        .get(i..(i + 3).min(text.len()))
        .unwrap_or_default();
    Some(
        bytes
            .iter()
            .map(|&b| match b {
                b' '..=b'~' => char::from(b).to_string(),
                _ => format!("\\x{b:02x}"),
            })
            .collect(),
    )
}

/// Go's `url.JoinPath` as Hugo's `urls.JoinPath` uses it: the first element a URL (or a
/// path), read as `url.Parse` reads it (its query and fragment kept after the path; an
/// opaque one, `mailto:x@y`, as it is), the others joined to its path with `/`, `.` and
/// `..` taken out; a trailing `/` of the last element kept; the path escaped as Go
/// escapes it ([`escaped_path`]).
///
/// # Errors
/// No element at all; a `%` that starts no escape, in the base (Go cannot parse it) or
/// in the path joined.
fn join_path(parts: &[String]) -> gotmpl::Result<String> {
    let (first, rest) = parts
        .split_first()
        .ok_or_else(|| exec_error("urls.JoinPath: no elements"))?;
    let (before, fragment) = first
        .split_once('#')
        .map_or((first.as_str(), None), |(b, f)| (b, Some(f)));
    let (before, query) = before
        .split_once('?')
        .map_or((before, None), |(b, q)| (b, Some(q)));
    let (scheme, after) = crate::text::split_scheme(before).map_or(("", before), |(s, r)| (s, r));
    if !scheme.is_empty() && !after.is_empty() && !after.starts_with('/') {
        // Opaque: Go writes it as it is (its scheme in lower case), whatever was joined
        // to its (empty) path.
        let opaque = first.get(scheme.len()..).unwrap_or_default();
        return Ok(format!("{}{opaque}", scheme.to_lowercase()));
    }
    // Go reads an authority after `//`, but not after `///` without a scheme (review
    // 50e, 3).
    let authority = after
        .strip_prefix("//")
        .filter(|_| !scheme.is_empty() || !after.starts_with("///"));
    let (authority, path) = match authority {
        Some(a) => a.find('/').map_or((Some(a), ""), |i| {
            (a.get(..i), a.get(i..).unwrap_or_default())
        }),
        None => (None, after),
    };
    if let Some(escape) = bad_escape(path).or_else(|| fragment.and_then(bad_escape)) {
        return Err(exec_error(format!(
            "urls.JoinPath: parse {first:?}: invalid URL escape \"{escape}\""
        )));
    }
    let path = join_segments(path, rest)?;
    // Written as Go's `URL.String` writes it (`scheme:/path` omits the host).
    let omits_host = authority.is_none() && after.starts_with('/');
    Ok(super::context::url_string(
        (scheme, "", authority.unwrap_or_default(), omits_host),
        None,
        &path,
        (query.unwrap_or_default(), query == Some("")),
        fragment.unwrap_or_default(),
    ))
}

/// `url.URL.JoinPath` of a base's `path` (as written) and the elements `rest`: the base
/// as `url.Parse` left it (escaped), then the elements as given, joined and cleaned
/// (`path.Join`), rooted when the path is; a `/` after when the last element (or the
/// base alone, or no base) ends in one.
fn join_segments(path: &str, rest: &[String]) -> gotmpl::Result<String> {
    let base = escaped_path(path);
    let joined = std::iter::once(base.as_str())
        .chain(rest.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("/");
    // Go's last element: the base made rooted (`/` for none) when it is alone.
    let trailing = rest
        .last()
        .map_or(base.is_empty() || base.ends_with('/'), |l| l.ends_with('/'));
    let mut segments: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let rooted = path.starts_with('/');
    let mut joined = format!("{}{}", if rooted { "/" } else { "" }, segments.join("/"));
    if trailing && !joined.ends_with('/') {
        joined.push('/');
    }
    if let Some(escape) = bad_escape(&joined) {
        return Err(exec_error(format!(
            "urls.JoinPath: invalid URL escape \"{escape}\""
        )));
    }
    Ok(escaped_path(&joined))
}

/// A path as Go's `url.URL.EscapedPath` writes it once `setPath` has read it: as written
/// when that is a valid escaping (`validEncoded`: `a(b)`, `a%20b`), else unescaped and
/// escaped again (`d e` is `d%20e`, `b?c` is `b%3Fc`, `ü` is `%C3%BC`).
fn escaped_path(path: &str) -> String {
    let valid = path.bytes().all(|b| {
        b"!$&'()*+,;=:@[]%".contains(&b)
            || (b.is_ascii()
                && percent_encoding::percent_encode(&[b], super::context::GO_PATH)
                    .next()
                    .is_some_and(|e| e.len() == 1))
    });
    if valid {
        path.to_string()
    } else {
        super::context::go_escaped(path, super::context::GO_PATH)
    }
}

/// What Go's `url.PathEscape` leaves of a path segment (`shouldEscape`,
/// `encodePathSegment`): letters, digits and `-_.~$&+:=@`; `/` is escaped.
pub(super) const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b':')
    .remove(b'=')
    .remove(b'@');

/// The media types Hugo decodes and encodes (`images.ImageResourceTypeProcessable`).
const PROCESSABLE: &[&str] = &[
    "image/bmp",
    "image/gif",
    "image/jpeg",
    "image/png",
    "image/tiff",
    "image/webp",
];

/// A resource's media type (`image/png`); `None` for a value that is not a resource.
fn resource_type(v: &Value) -> Option<String> {
    if super::super::values::kind_of(v) != Some("resource") {
        return None;
    }
    let media = v.field("MediaType")?.field("Type")?;
    Some(super::super::values::to_string(media))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_path_joins_and_cleans_as_gos_url_join_path() {
        let j = |p: &[&str]| join_path(&p.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            j(&["https://e.org/a/", "b", "../c/"]).unwrap(),
            "https://e.org/a/c/"
        );
        assert_eq!(j(&["a", "b"]).unwrap(), "a/b");
        assert_eq!(j(&["/a", "./b"]).unwrap(), "/a/b");
    }

    #[test]
    fn join_path_refuses_a_percent_that_starts_no_escape_as_go_does() {
        // Review 50c, 4: Folio wrote `…/100%`, where Hugo stops the build.
        let j = |p: &[&str]| join_path(&p.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let message = |r: gotmpl::Result<String>| r.unwrap_err().to_string();
        assert!(message(j(&["https://e.org/a", "100%"])).contains("invalid URL escape \"%\""));
        assert!(message(j(&["https://e.org/%zz", "b"]))
            .contains("parse \"https://e.org/%zz\": invalid URL escape \"%zz\""));
    }
}
