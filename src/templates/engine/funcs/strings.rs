//! Hugo's string functions (`tpl/strings`, `tpl/transform`, `tpl/safe`, `tpl/cast`,
//! `tpl/inflect`, `tpl/path`, `tpl/encoding`), with their argument orders (`trim S
//! CUTSET` but `strings.TrimPrefix PREFIX S`).

use gotmpl::{SafeKind, Value};
use regex::Regex;
use std::sync::LazyLock;

use super::super::values::{self, string, to_string};
use super::{arg, inflect, int_arg, str_arg, Func};
use crate::templates::engine::{self, exec_error};
use crate::text;

/// `(names, function)`: space-separated names, the first Hugo's short alias.
pub(super) const FUNCS: &[(&str, Func)] = &[
    ("lower strings.ToLower", |a| {
        Ok(string(go_lower(&str_arg(a, 0, "lower")?)))
    }),
    ("upper strings.ToUpper", |a| {
        Ok(string(go_upper(&str_arg(a, 0, "upper")?)))
    }),
    ("title strings.Title", |a| {
        let style = engine::frame().map(|f| f.title_case).unwrap_or_default();
        Ok(string(style.title(&str_arg(a, 0, "title")?)))
    }),
    ("strings.FirstUpper", |a| {
        let s = str_arg(a, 0, "strings.FirstUpper")?;
        Ok(string(TitleCase::FirstUpper.title(&s)))
    }),
    ("humanize inflect.Humanize", humanize),
    ("pluralize inflect.Pluralize", |a| {
        inflected(a, "pluralize", inflect::pluralize)
    }),
    ("singularize inflect.Singularize", |a| {
        inflected(a, "singularize", inflect::singularize)
    }),
    ("urlize urls.URLize", |a| {
        let style = engine::frame().map(|f| f.path_style).unwrap_or_default();
        Ok(string(urlize_as(&str_arg(a, 0, "urlize")?, style)))
    }),
    ("replace strings.Replace", |a| {
        let (s, old, new) = (
            str_arg(a, 0, "replace")?,
            str_arg(a, 1, "replace")?,
            str_arg(a, 2, "replace")?,
        );
        Ok(string(match limit(a, 3, "replace")? {
            Some(n) => s.replacen(&old, &new, usize::try_from(n).unwrap_or(usize::MAX)),
            None => s.replace(&old, &new),
        }))
    }),
    ("replaceRE strings.ReplaceRE", |a| {
        let re = regex(&str_arg(a, 0, "replaceRE")?)?;
        let (repl, s) = (str_arg(a, 1, "replaceRE")?, str_arg(a, 2, "replaceRE")?);
        let limit = limit(a, 3, "replaceRE")?.unwrap_or(-1);
        Ok(string(match usize::try_from(limit) {
            Ok(n) => re.replacen(&s, n, repl.as_str()).into_owned(),
            Err(_) => re.replace_all(&s, repl.as_str()).into_owned(),
        }))
    }),
    ("findRE strings.FindRE", |a| {
        let re = regex(&str_arg(a, 0, "findRE")?)?;
        let s = str_arg(a, 1, "findRE")?;
        let limit = limit(a, 2, "findRE")?.unwrap_or(-1);
        let found = re.find_iter(&s).map(|m| string(m.as_str()));
        Ok(Value::List(match usize::try_from(limit) {
            Ok(n) => found.take(n).collect(),
            Err(_) => found.collect(),
        }))
    }),
    ("findRESubmatch strings.FindRESubmatch", |a| {
        let re = regex(&str_arg(a, 0, "findRESubmatch")?)?;
        let s = str_arg(a, 1, "findRESubmatch")?;
        // A negative limit (the default) is every match, as for `findRE`.
        let limit = limit(a, 2, "findRESubmatch")?.unwrap_or(-1);
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        Ok(Value::List(
            re.captures_iter(&s)
                .take(limit)
                .map(|c| {
                    Value::List(
                        c.iter()
                            .map(|m| string(m.map_or("", |m| m.as_str())))
                            .collect(),
                    )
                })
                .collect(),
        ))
    }),
    ("split strings.Split", |a| {
        let (s, sep) = (str_arg(a, 0, "split")?, str_arg(a, 1, "split")?);
        Ok(Value::List(if sep.is_empty() {
            s.chars().map(|c| string(c.to_string())).collect()
        } else {
            s.split(sep.as_str()).map(string).collect()
        }))
    }),
    ("trim strings.Trim", |a| {
        let (s, cut) = (str_arg(a, 0, "trim")?, str_arg(a, 1, "trim")?);
        Ok(string(s.trim_matches(|c| cut.contains(c))))
    }),
    ("strings.TrimLeft", |a| {
        let (cut, s) = (
            str_arg(a, 0, "strings.TrimLeft")?,
            str_arg(a, 1, "strings.TrimLeft")?,
        );
        Ok(string(s.trim_start_matches(|c| cut.contains(c))))
    }),
    ("strings.TrimRight", |a| {
        let (cut, s) = (
            str_arg(a, 0, "strings.TrimRight")?,
            str_arg(a, 1, "strings.TrimRight")?,
        );
        Ok(string(s.trim_end_matches(|c| cut.contains(c))))
    }),
    ("strings.TrimPrefix", |a| {
        let (p, s) = (
            str_arg(a, 0, "strings.TrimPrefix")?,
            str_arg(a, 1, "strings.TrimPrefix")?,
        );
        Ok(string(s.strip_prefix(p.as_str()).unwrap_or(&s)))
    }),
    ("strings.TrimSuffix", |a| {
        let (p, s) = (
            str_arg(a, 0, "strings.TrimSuffix")?,
            str_arg(a, 1, "strings.TrimSuffix")?,
        );
        Ok(string(s.strip_suffix(p.as_str()).unwrap_or(&s)))
    }),
    ("strings.TrimSpace", |a| {
        Ok(string(str_arg(a, 0, "strings.TrimSpace")?.trim()))
    }),
    ("chomp strings.Chomp", |a| {
        // HTML stays HTML (Hugo's `Chomp` gives a `template.HTML` back).
        let s = str_arg(a, 0, "chomp")?;
        let chomped = s.trim_end_matches(['\r', '\n']);
        Ok(match arg(a, 0, "chomp")? {
            Value::Safe {
                kind: SafeKind::Html,
                ..
            } => values::html(chomped),
            _ => string(chomped),
        })
    }),
    ("strings.Contains", |a| {
        Ok(Value::Bool(
            str_arg(a, 0, "strings.Contains")?.contains(&str_arg(a, 1, "strings.Contains")?),
        ))
    }),
    // Whether the text holds a character other than Unicode white space (Go's
    // `unicode.IsSpace`).
    ("strings.ContainsNonSpace", |a| {
        let s = values::cast_string(arg(a, 0, "strings.ContainsNonSpace")?);
        Ok(Value::Bool(s.chars().any(|c| !c.is_whitespace())))
    }),
    ("strings.ContainsAny", |a| {
        let chars = str_arg(a, 1, "strings.ContainsAny")?;
        Ok(Value::Bool(
            str_arg(a, 0, "strings.ContainsAny")?.contains(|c| chars.contains(c)),
        ))
    }),
    ("hasPrefix strings.HasPrefix", |a| {
        Ok(Value::Bool(
            str_arg(a, 0, "hasPrefix")?.starts_with(&str_arg(a, 1, "hasPrefix")?),
        ))
    }),
    ("hasSuffix strings.HasSuffix", |a| {
        Ok(Value::Bool(
            str_arg(a, 0, "hasSuffix")?.ends_with(&str_arg(a, 1, "hasSuffix")?),
        ))
    }),
    ("strings.Repeat", |a| {
        let n = usize::try_from(int_arg(a, 0, "strings.Repeat")?)
            .map_err(|_| exec_error("strings.Repeat: strings: negative Repeat count"))?;
        let s = str_arg(a, 1, "strings.Repeat")?;
        if s.len().saturating_mul(n) > 1 << 24 {
            return Err(exec_error("strings.Repeat: the result would be too long"));
        }
        Ok(string(s.repeat(n)))
    }),
    ("strings.Count", |a| {
        let (sub, s) = (
            str_arg(a, 0, "strings.Count")?,
            str_arg(a, 1, "strings.Count")?,
        );
        let n = if sub.is_empty() {
            s.chars().count() + 1
        } else {
            s.matches(sub.as_str()).count()
        };
        Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
    }),
    ("strings.RuneCount", |a| {
        let n = str_arg(a, 0, "strings.RuneCount")?.chars().count();
        Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
    }),
    // Hugo's `CountRunes` and `CountWords` (`tpl/strings`) count the text without its tags.
    ("countrunes strings.CountRunes", |a| {
        let s = plainify(&str_arg(a, 0, "countrunes")?);
        // Hugo's `helpers.IsWhitespace`: a space, a tab or a line break only.
        let counted = s.chars().filter(|c| !matches!(c, ' ' | '\t' | '\n' | '\r'));
        Ok(Value::Int(counted.count() as i64))
    }),
    ("countwords strings.CountWords", |a| {
        let s = str_arg(a, 0, "countwords")?;
        Ok(Value::Int(count_words(&s) as i64))
    }),
    ("slicestr strings.SliceString", slice_string),
    ("substr strings.Substr", |a| {
        // Hugo's `Substr` takes a start and at most a length (review 51d, 12).
        match a.len() {
            0 | 1 => return Err(exec_error("substr: too few arguments")),
            4.. => return Err(exec_error("substr: too many arguments")),
            _ => {}
        }
        let chars: Vec<char> = str_arg(a, 0, "substr")?.chars().collect();
        let len = chars.len() as i64;
        // Hugo's `Substr`: each given as an integer, in its words.
        let integer = |i: usize, what: &str| match a.get(i) {
            None => Ok(None),
            Some(v) => values::to_int(v)
                .map(Some)
                .ok_or_else(|| exec_error(format!("substr: {what} argument must be an integer"))),
        };
        let (start, length) = (integer(1, "start")?, integer(2, "length")?);
        let mut start = start.unwrap_or(0);
        if start < 0 {
            start = (len + start).max(0);
        }
        let start = start.min(len);
        let end = match length {
            Some(n) if n < 0 => (len + n).max(start),
            Some(n) => start.saturating_add(n).min(len),
            None => len,
        };
        Ok(string(
            chars
                .get(start as usize..end as usize)
                .unwrap_or_default()
                .iter()
                .collect::<String>(),
        ))
    }),
    ("truncate strings.Truncate", truncate),
    ("htmlEscape transform.HTMLEscape", |a| {
        Ok(string(crate::text::html_escape(&str_arg(
            a,
            0,
            "htmlEscape",
        )?)))
    }),
    ("htmlUnescape transform.HTMLUnescape", |a| {
        Ok(string(html_escape::decode_html_entities(&str_arg(
            a,
            0,
            "htmlUnescape",
        )?)))
    }),
    // Hugo's `Plainify` gives `template.HTML`: its entities are not escaped again.
    ("plainify transform.Plainify", |a| {
        Ok(values::html(plainify(&str_arg(a, 0, "plainify")?)))
    }),
    ("emojify transform.Emojify", |a| {
        Ok(values::html(emojify(&str_arg(a, 0, "emojify")?)))
    }),
    ("safeHTML safe.HTML", |a| {
        safe(a, SafeKind::Html, "safeHTML")
    }),
    ("safeHTMLAttr safe.HTMLAttr", |a| {
        safe(a, SafeKind::HtmlAttr, "safeHTMLAttr")
    }),
    ("safeCSS safe.CSS", |a| safe(a, SafeKind::Css, "safeCSS")),
    ("safeJS safe.JS", |a| safe(a, SafeKind::Js, "safeJS")),
    ("safeJSStr safe.JSStr", |a| {
        safe(a, SafeKind::JsStr, "safeJSStr")
    }),
    ("safeURL safe.URL", |a| safe(a, SafeKind::Url, "safeURL")),
    ("jsonify encoding.Jsonify", jsonify),
    ("string cast.ToString", |a| {
        Ok(string(str_arg(a, 0, "string")?))
    }),
    // An empty string is 0 (`cast.ToIntE`, `cast.ToFloat64E`): `int (.Get "w" | default "")`.
    ("int cast.ToInt", |a| match arg(a, 0, "int")? {
        Value::String(s) if s.is_empty() => Ok(Value::Int(0)),
        _ => Ok(Value::Int(int_arg(a, 0, "int")?)),
    }),
    ("float cast.ToFloat", |a| {
        let v = arg(a, 0, "float")?;
        if matches!(v, Value::String(s) if s.is_empty()) {
            return Ok(Value::Float(0.0));
        }
        values::to_float(v)
            // Go's `ParseFloat` reads "inf" as infinity, and refuses a finite number
            // too big for a float64 ("1e999": out of range).
            .filter(|f| match v {
                Value::String(s) if f.is_infinite() => {
                    let s = s.trim_start_matches(['+', '-']).to_ascii_lowercase();
                    s == "inf" || s == "infinity"
                }
                _ => true,
            })
            .map(Value::Float)
            .ok_or_else(|| super::cast_error("float", v, "float64"))
    }),
    ("path.Base", |a| {
        Ok(string(path_base(&str_arg(a, 0, "path.Base")?)))
    }),
    // Go's `path.Base` without its extension.
    ("path.BaseName", |a| {
        let s = str_arg(a, 0, "path.BaseName")?;
        let base = path_base(&s);
        Ok(string(base.strip_suffix(path_ext(&s)).unwrap_or(base)))
    }),
    // Hugo's `DirFile`: Go's `path.Split`, the path up to and after its last slash.
    ("path.Split", |a| {
        let s = str_arg(a, 0, "path.Split")?;
        let at = s.rfind('/').map_or(0, |i| i + 1);
        let (dir, file) = s.split_at(at);
        Ok(values::map([
            (values::KIND, string("dirfile")),
            ("Dir", string(dir)),
            ("File", string(file)),
        ]))
    }),
    ("path.Ext", |a| {
        Ok(string(path_ext(&str_arg(a, 0, "path.Ext")?)))
    }),
    ("path.Dir", |a| {
        let s = str_arg(a, 0, "path.Dir")?;
        // Go's `path.Dir`: everything up to the last slash, cleaned.
        Ok(string(clean_path(
            s.rfind('/').and_then(|i| s.get(..=i)).unwrap_or(""),
        )))
    }),
    ("path.Clean", |a| {
        Ok(string(clean_path(&str_arg(a, 0, "path.Clean")?)))
    }),
    ("path.Join", |a| {
        // A list argument gives its elements (Hugo flattens them).
        let parts: Vec<String> = a
            .iter()
            .flat_map(|v| match v {
                Value::List(items) => items.to_vec(),
                other => vec![other.clone()],
            })
            .map(|v| values::cast_string(&v))
            .filter(|s| !s.is_empty())
            .collect();
        Ok(string(if parts.is_empty() {
            String::new()
        } else {
            clean_path(&parts.join("/"))
        }))
    }),
];

/// Go's `path.Clean`: the shortest path naming the same file, by rules alone (one slash
/// for many, no `.` elements, a `..` taking out the element before it, and none at the
/// root); `.` for an empty result.
pub(crate) fn clean_path(path: &str) -> String {
    let rooted = path.starts_with('/');
    let mut kept: Vec<&str> = Vec::new();
    for element in path.split('/') {
        match element {
            "" | "." => {}
            ".." if kept.last().is_some_and(|&k| k != "..") => {
                kept.pop();
            }
            ".." if rooted => {}
            other => kept.push(other),
        }
    }
    let joined = kept.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

fn regex(pattern: &str) -> gotmpl::Result<Regex> {
    Regex::new(&go_regex(pattern)).map_err(|e| {
        let message = e.to_string();
        let why = message
            .lines()
            .last()
            .unwrap_or("")
            .trim_start_matches("error: ");
        exec_error(format!("invalid regular expression {pattern:?}: {why}"))
    })
}

/// A Go (RE2) pattern in the `regex` crate's dialect: Go's `\d`, `\w`, `\s` and `\b` are
/// ASCII-only (the crate's are Unicode), and Go reads a `{` that starts no repetition as
/// a literal brace (the crate refuses it). Source: Go's `regexp/syntax` doc.
pub(crate) fn go_regex(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut in_class = false;
    let mut chars = pattern.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' => {
                let Some((_, e)) = chars.next() else {
                    out.push('\\');
                    break;
                };
                match ascii_class(e, in_class) {
                    Some(class) => out.push_str(class),
                    None => {
                        out.push('\\');
                        out.push(e);
                        // `\p{Greek}`: the class's name in braces, as it is.
                        if matches!(e, 'p' | 'P') && chars.peek().is_some_and(|&(_, n)| n == '{') {
                            chars.next();
                            // Go's `\p{^Greek}` is `\P{Greek}`.
                            if chars.peek().is_some_and(|&(_, n)| n == '^') {
                                chars.next();
                                out.pop();
                                out.push(if e == 'p' { 'P' } else { 'p' });
                            }
                            out.push('{');
                            for (_, n) in chars.by_ref() {
                                out.push(n);
                                if n == '}' {
                                    break;
                                }
                            }
                        }
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                // `[]a]` and `[^]a]`: a `]` first is a literal.
                if let Some(&(_, '^')) = chars.peek() {
                    out.push('^');
                    chars.next();
                }
                if let Some(&(_, ']')) = chars.peek() {
                    out.push_str("\\]");
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            '{' if !in_class && !starts_repetition(pattern.get(at + 1..).unwrap_or("")) => {
                out.push_str("\\{");
            }
            c => out.push(c),
        }
    }
    out
}

/// Go's ASCII meaning of `\d`, `\w`, `\s`, `\b` (and their negations) in the crate's
/// syntax, outside or inside a bracketed class.
fn ascii_class(escape: char, in_class: bool) -> Option<&'static str> {
    Some(match (escape, in_class) {
        ('d', false) => "[0-9]",
        ('D', false) => "[^0-9]",
        ('w', false) => "[0-9A-Za-z_]",
        ('W', false) => "[^0-9A-Za-z_]",
        ('s', false) => "[\\t\\n\\f\\r ]",
        ('S', false) => "[^\\t\\n\\f\\r ]",
        ('b', false) => "(?-u:\\b)",
        ('B', false) => "(?-u:\\B)",
        ('d', true) => "0-9",
        ('w', true) => "0-9A-Za-z_",
        ('s', true) => "\\t\\n\\f\\r ",
        _ => return None,
    })
}

/// Whether the text after a `{` makes it a repetition (`{2}`, `{2,}`, `{2,5}`).
fn starts_repetition(rest: &str) -> bool {
    let Some(end) = rest.find('}') else {
        return false;
    };
    let inner = rest.get(..end).unwrap_or("");
    let (min, max) = inner.split_once(',').unwrap_or((inner, "0"));
    !min.is_empty()
        && min.bytes().all(|b| b.is_ascii_digit())
        && max.bytes().all(|b| b.is_ascii_digit())
}

fn safe(args: &[Value], kind: SafeKind, func: &str) -> gotmpl::Result<Value> {
    Ok(Value::Safe {
        kind,
        s: str_arg(args, 0, func)?.into(),
    })
}

/// Go's `strings.ToUpper`: rune by rune, so a letter without a one-letter capital (`ß`)
/// stays as it is.
/// Go's `strings.ToLower`: each character by Unicode's simple mapping (`unicode.ToLower`),
/// which knows no context (a final `Σ` is `σ`, where Rust's `str::to_lowercase` writes
/// `ς`) and takes `İ` to `i` (Rust's full mapping adds a combining dot).
pub(super) fn go_lower(s: &str) -> String {
    s.chars()
        .map(|c| {
            let mut low = c.to_lowercase();
            match (c, low.next(), low.next()) {
                ('\u{130}', ..) => 'i',
                (_, Some(l), None) => l,
                _ => c,
            }
        })
        .collect()
}

pub(super) fn go_upper(s: &str) -> String {
    s.chars().map(go_upper_char).collect()
}

/// Go's `unicode.ToUpper` of one character: Unicode's simple mapping. That is Rust's full
/// mapping when it is one character; where the full one has more (`ß` → `SS`), the simple
/// one is the character itself, but for Greek vowels with a written iota (`ᾳ` → `ᾼ`, not
/// `ΑΙ`), whose simple mapping is their capital with the iota.
fn go_upper_char(c: char) -> char {
    match c {
        '\u{1F80}'..='\u{1F87}' | '\u{1F90}'..='\u{1F97}' | '\u{1FA0}'..='\u{1FA7}' => {
            char::from_u32(u32::from(c) + 8).unwrap_or(c)
        }
        '\u{1FB3}' => '\u{1FBC}',
        '\u{1FC3}' => '\u{1FCC}',
        '\u{1FF3}' => '\u{1FFC}',
        _ => {
            let mut up = c.to_uppercase();
            match (up.next(), up.next()) {
                (Some(u), None) => u,
                _ => c,
            }
        }
    }
}

/// Words AP style leaves lowercase inside a title (Hugo's default `titleCaseStyle`, by
/// the `prose` package 1.2.1 that Hugo uses: `transform/title.go`, `smallWords`).
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or",
    "per", "the", "to", "vs", "vs.", "via", "v", "v.",
];

/// `prose`'s Chicago style adds these to [`SMALL_WORDS`] (v1.2.1, `transform/title.go`).
const PREPOSITIONS: &[&str] = &[
    "with",
    "from",
    "into",
    "during",
    "including",
    "until",
    "against",
    "among",
    "throughout",
    "despite",
    "towards",
    "upon",
    "concerning",
    "about",
    "over",
    "through",
    "before",
    "between",
    "after",
    "since",
    "without",
    "under",
    "within",
    "along",
    "following",
    "across",
    "beyond",
    "around",
    "down",
    "near",
    "above",
];

/// How `title` capitalises: the site's `titleCaseStyle` (Hugo's `helpers.GetTitleFunc`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TitleCase {
    /// `ap`, and any value Hugo does not know: `prose`'s AP style ([`title_case`]).
    #[default]
    Ap,
    /// `chicago`: `prose`'s Chicago style, AP's rules with the prepositions small too.
    Chicago,
    /// `go`: Go's `strings.Title`, every word's first letter.
    Go,
    /// `firstupper`: the first letter only (Hugo's `helpers.FirstUpper`).
    FirstUpper,
    /// `none`: the text as it is.
    None,
}

impl TitleCase {
    /// The style a `titleCaseStyle` value names, in any case.
    pub fn named(style: &str) -> TitleCase {
        match style.to_lowercase().as_str() {
            "chicago" => TitleCase::Chicago,
            "go" => TitleCase::Go,
            "firstupper" => TitleCase::FirstUpper,
            "none" => TitleCase::None,
            _ => TitleCase::Ap,
        }
    }

    /// `s` in this style.
    pub fn title(self, s: &str) -> String {
        match self {
            TitleCase::Ap => title_case(s, |w| SMALL_WORDS.contains(&w)),
            TitleCase::Chicago => {
                title_case(s, |w| SMALL_WORDS.contains(&w) || PREPOSITIONS.contains(&w))
            }
            TitleCase::Go => go_title(s),
            TitleCase::FirstUpper => {
                let mut chars = s.chars();
                chars
                    .next()
                    .map(|f| std::iter::once(go_upper_char(f)).chain(chars).collect())
                    .unwrap_or_default()
            }
            TitleCase::None => s.to_string(),
        }
    }
}

/// Go's `strings.Title`: each letter after a separator in its title case. A separator is
/// any ASCII character but a letter, a digit or `_`, and beyond ASCII only white space
/// (Go's `isSeparator`, `strings/strings.go`): `don't` is `Don'T`.
fn go_title(s: &str) -> String {
    let separator = |c: char| {
        if c.is_ascii() {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else {
            c.is_whitespace()
        }
    };
    let mut prev = ' ';
    s.chars()
        .map(|c| {
            let out = if separator(prev) { to_title(c) } else { c };
            prev = c;
            out
        })
        .collect()
}

/// Hugo's `title` in its default AP style, by the rules of `prose`'s `TitleConverter`:
/// - a word is a run of letters and digits with what follows it up to a space, `-` or
///   `/` (`tiny-http` is two words, `"everyday"` one that starts at its `e`);
/// - each word has its first letter capitalised, except a small word (`small`: AP's
///   [`SMALL_WORDS`], with its trailing punctuation) that is neither first nor last, follows a space, `-`
///   or `/`, does not follow `:` or `-` two places back, and is not followed by `-`
///   (unless it follows one): that one is lower-cased whole.
///
/// Positions are read in the text with curly quotes, en and em dashes and the ellipsis
/// made ASCII, as `prose` reads them (and as it does, a word's length counts characters
/// where the text counts bytes). A space is Go's `\s`, ASCII only: a no-break space is
/// part of a word.
fn title_case(s: &str, small: impl Fn(&str) -> bool) -> String {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{N}\p{L}]+[^\t\n\f\r \-/]*").expect("a valid pattern"));
    let t = s
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{2013}', '\u{2014}'], "-")
        .replace('\u{2026}', "...");
    let bytes = t.as_bytes();
    // `prose`'s `charAt`: the byte at `i`, or the first byte when `i` is out of range.
    let at = |i: isize| -> u8 {
        usize::try_from(i)
            .ok()
            .and_then(|i| bytes.get(i))
            .or_else(|| bytes.first())
            .copied()
            .unwrap_or(0)
    };
    let end = isize::try_from(t.len()).unwrap_or(isize::MAX);
    let mut idx: isize = 0;
    WORD.replace_all(s, |c: &regex::Captures| {
        let m = c.get(0).map_or("", |m| m.as_str());
        let lower = m.to_lowercase();
        let from = usize::try_from(idx).unwrap_or(0);
        // Go slices bytes: a word is looked for from `idx` even inside a character.
        let found = bytes
            .get(from..)
            .and_then(|rest| memchr::memmem::find(rest, m.as_bytes()));
        let pos = found.map_or(idx - 1, |i| idx + isize::try_from(i).unwrap_or(0));
        let prev = at(pos - 1);
        let ext = isize::try_from(m.chars().count()).unwrap_or(0);
        idx = pos + ext;
        let bounding = pos == 0 || idx == end;
        let small = !bounding && small(&lower);
        if small
            && matches!(prev, b' ' | b'-' | b'/')
            && at(pos - 2) != b':'
            && at(pos - 2) != b'-'
            && (at(pos + ext) != b'-' || at(pos - 1) == b'-')
        {
            lower
        } else {
            let mut chars = m.chars();
            chars
                .next()
                .map(|f| std::iter::once(to_title(f)).chain(chars).collect())
                .unwrap_or_default()
        }
    })
    .into_owned()
}

/// Go's `unicode.ToTitle` of one character: [`go_upper_char`], but the title case of the
/// four digraphs that have one (`ǆ` → `ǅ`), and Georgian's Mkhedruli letters, which are
/// their own title case (their upper case is Mtavruli).
pub(super) fn to_title(c: char) -> char {
    match c {
        '\u{10D0}'..='\u{10FA}' | '\u{10FD}'..='\u{10FF}' => c,
        '\u{01C4}'..='\u{01C6}' => '\u{01C5}',
        '\u{01C7}'..='\u{01C9}' => '\u{01C8}',
        '\u{01CA}'..='\u{01CC}' => '\u{01CB}',
        '\u{01F1}'..='\u{01F3}' => '\u{01F2}',
        c => go_upper_char(c),
    }
}

/// `slicestr TEXT [START [END]]`: the characters from START up to END (Hugo's
/// `strings.SliceString`, `tpl/strings/strings.go`).
///
/// # Errors
/// Hugo's: a START outside the text, an END before START or past the text, more than two
/// bounds, a bound that is not an integer.
fn slice_string(a: &[Value]) -> gotmpl::Result<Value> {
    let chars: Vec<char> = str_arg(a, 0, "slicestr")?.chars().collect();
    let bound = |i: usize, which: &str| -> gotmpl::Result<Option<i64>> {
        a.get(i)
            .map(|v| {
                values::to_int(v).ok_or_else(|| {
                    exec_error(format!("slicestr: {which} argument must be integer"))
                })
            })
            .transpose()
    };
    if a.len() > 3 {
        return Err(exec_error("slicestr: too many arguments"));
    }
    let out_of_range = || exec_error("slicestr: slice bounds out of range");
    let index = |n: i64, len: usize| usize::try_from(n).ok().filter(|&n| n <= len);
    let start = match bound(1, "start")? {
        Some(s) => index(s, chars.len())
            .filter(|&s| s < chars.len())
            .ok_or_else(out_of_range)?,
        None => 0,
    };
    let end = match bound(2, "end")? {
        Some(e) => index(e, chars.len()).ok_or_else(out_of_range)?,
        None => chars.len(),
    };
    let slice = chars.get(start..end).ok_or_else(out_of_range)?;
    Ok(string(slice.iter().collect::<String>()))
}

/// `humanize WORD`: [`inflect::humanize`] of the word as Hugo casts it to text
/// ([`str_arg`]), or Hugo's error for text with no word in it (`humanize "$"`).
fn humanize(args: &[Value]) -> gotmpl::Result<Value> {
    let word = str_arg(args, 0, "humanize")?;
    inflect::humanize(&word).map(string).ok_or_else(|| {
        exec_error(format!(
            "humanize: runtime error: index out of range [0] with length 0 (no word in {word:?})"
        ))
    })
}

/// `pluralize WORD` and `singularize WORD`: `change` ([`inflect::pluralize`] or
/// [`inflect::singularize`]) of the word as Hugo casts it to text ([`str_arg`]).
fn inflected(args: &[Value], func: &str, change: fn(&str) -> String) -> gotmpl::Result<Value> {
    Ok(string(change(&str_arg(args, 0, func)?)))
}

/// Hugo's `urlize` (`helpers.URLize`: `MakePathSanitized` then `URLEscape`): letters,
/// decimal digits, marks and `.\\/_#+~-@` kept and lowercased, a `%` kept before two hex
/// digits, a run of spaces (and what is dropped between them) as one `-` unless a `-`
/// came just before, anything else dropped; then what is not ASCII percent-encoded.
pub(crate) fn urlize(s: &str) -> String {
    urlize_as(s, PathStyle::default())
}

/// How Hugo makes a URL path of a text (`helpers/path.go`, `MakePathSanitized`), as the
/// page language's config says (else the site's): `removePathAccents` takes accents off
/// (`text.RemoveAccents`: NFD, nonspacing marks dropped, NFC; `café` is `cafe`),
/// `disablePathToLower` keeps the case. Page paths (`relref`, permalinks) do not follow
/// it yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PathStyle {
    /// `removePathAccents`.
    pub remove_accents: bool,
    /// `disablePathToLower`.
    pub keep_case: bool,
}

/// [`urlize`] in the site's [`PathStyle`]: sanitized and lower-cased ([`sanitize_path`]),
/// accents off, then escaped as a URL Go parses and writes again (`PathSpec.URLize`,
/// `URLEscape`).
pub(crate) fn urlize_as(s: &str, style: PathStyle) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    let path = sanitize(s, !style.keep_case);
    let path = if style.remove_accents {
        path.nfd()
            .filter(|c| c.general_category() != GeneralCategory::NonspacingMark)
            .nfc()
            .collect()
    } else {
        path
    };
    // Go's `url.Parse` then `String`: after the first `#`, a fragment, escaped as Go
    // escapes one, and written only when not empty (`C#` is `c`).
    let (path, fragment) = path.split_once('#').unwrap_or((&path, ""));
    let mut out = percent_encoding::utf8_percent_encode(path, URL_PATH).to_string();
    if !fragment.is_empty() {
        out.push('#');
        out.extend(percent_encoding::utf8_percent_encode(
            fragment,
            URL_FRAGMENT,
        ));
    }
    out
}

/// What Go's `URL.EscapedFragment` leaves as it is, besides letters and digits (`url.go`,
/// `shouldEscape` with `encodeFragment`), and the escapes already in it.
const URL_FRAGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b',')
    .remove(b'/')
    .remove(b':')
    .remove(b';')
    .remove(b'=')
    .remove(b'?')
    .remove(b'@')
    .remove(b'!')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'%');

/// Hugo's `paths.Sanitize` (what `urlize` and a page's URL path keep of a text): letters,
/// decimal digits and marks ([`is_path_letter`]), `.\/_#+~-@` and `%XX`, lower-cased;
/// anything else dropped. White space becomes one hyphen before the next character kept,
/// unless a hyphen was just kept or that character is one (`x - y` is `x-y`), and none at
/// the start or the end (`common/paths/path.go`, `Sanitize`).
pub(crate) fn sanitize_path(s: &str) -> String {
    sanitize(s, true)
}

/// [`sanitize_path`], lower-cased or not (`disablePathToLower`).
fn sanitize(s: &str, lower: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let hex = |k: usize| chars.get(k).is_some_and(char::is_ascii_hexdigit);
    let mut out = String::new();
    let (mut was_hyphen, mut hyphen_before) = (false, false);
    let mut escape = 0;
    for (i, &c) in chars.iter().enumerate() {
        let allowed = escape > 0
            || ".\\/_#+~-@".contains(c)
            || is_path_letter(c)
            || (c == '%' && hex(i + 1) && hex(i + 2));
        if !allowed {
            hyphen_before |= !out.is_empty() && !was_hyphen && c.is_whitespace();
            continue;
        }
        was_hyphen = c == '-';
        if std::mem::take(&mut hyphen_before) && !was_hyphen {
            out.push('-');
        }
        if escape > 0 {
            // A `%XX` escape's digits stay as written.
            escape -= 1;
            out.push(c);
        } else if c == '%' {
            escape = 2;
            out.push(c);
        } else if lower {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a path keeps `c` as the letter it is: Go's `unicode.IsLetter`, `IsDigit` (a
/// decimal digit: `²`, `½`, `Ⅻ` are dropped) or `IsMark` (every combining mark: the
/// virama of `नमस्ते` is kept), as `isAllowedPathCharacter` asks (`common/paths/path.go`).
fn is_path_letter(c: char) -> bool {
    text::go_letter(c) || text::go_digit(c) || text::go_mark(c)
}

/// What `url.PathEscape` leaves as it is, besides letters and digits.
const URL_PATH: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/')
    .remove(b'+')
    .remove(b'#')
    .remove(b'@')
    .remove(b'%');

/// `truncate SIZE [ELLIPSIS] TEXT`, as Hugo's `Truncate` (`tpl/strings/truncate.go`): at
/// most SIZE characters, cut after the last whole word (a Chinese, Japanese or Korean
/// letter is a word), then the ellipsis (` …` by default, escaped unless it is HTML). Of
/// HTML, tags are not counted, a cut just after a tag is before it (`<a>link …</a>`), and
/// the elements open at the cut are closed after the ellipsis. Text that fits, tags and
/// all, is as it is; plain text is escaped.
fn truncate(args: &[Value]) -> gotmpl::Result<Value> {
    if args.len() > 3 {
        return Err(exec_error(
            "truncate: too many arguments passed to truncate",
        ));
    }
    let size = int_arg(args, 0, "truncate")?;
    let (ellipsis, text) = match args.len() {
        2 => (" …".to_string(), arg(args, 1, "truncate")?),
        _ => {
            let e = arg(args, 1, "truncate")?;
            let html = matches!(
                e,
                Value::Safe {
                    kind: SafeKind::Html,
                    ..
                }
            );
            let e = values::cast_string(e);
            (
                if html {
                    e
                } else {
                    crate::text::html_escape(&e)
                },
                arg(args, 2, "truncate")?,
            )
        }
    };
    let is_html = matches!(
        text,
        Value::Safe {
            kind: SafeKind::Html,
            ..
        }
    );
    let text = values::cast_string(text);
    let fits = i64::try_from(text.chars().count()).is_ok_and(|n| n <= size);
    let out = match (fits, cut_at(&text, size, is_html)) {
        (false, Some((at, tags))) => {
            let kept = text.get(..at).unwrap_or(&text);
            if is_html {
                let mut out = format!("{kept}{ellipsis}");
                close_open_tags(&tags, at, &mut out);
                out
            } else {
                format!("{}{ellipsis}", crate::text::html_escape(kept))
            }
        }
        _ if is_html => text,
        _ => crate::text::html_escape(&text),
    };
    Ok(values::html(out))
}

/// A tag met by [`cut_at`]: its name, where it starts, and whether it opens.
struct Tag {
    name: String,
    at: usize,
    opens: bool,
}

/// Where `truncate` cuts `text` to `size` characters (tags not counted when `html`), and
/// the tags before the cut; `None` when the characters fit.
fn cut_at(text: &str, size: i64, html: bool) -> Option<(usize, Vec<Tag>)> {
    static TAG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^<(/)?([^ ]+?)(?:(\s*/)| .*?)?>").expect("a valid pattern")
    });
    const SINGLETS: [&str; 9] = [
        "br", "col", "link", "base", "img", "param", "area", "hr", "input",
    ];
    let mut tags = Vec::new();
    let (mut last_word, mut last_non_space, mut count, mut next_tag) = (0, 0, 0_i64, 0);
    for (i, c) in text.char_indices() {
        if i < next_tag {
            continue;
        }
        if html {
            if let Some(m) = TAG.captures(text.get(i..).unwrap_or_default()) {
                next_tag = i + m.get(0).map_or(0, |g| g.end());
                let name = m
                    .get(2)
                    .and_then(|g| g.as_str().split_whitespace().next())
                    .unwrap_or_default()
                    .to_string();
                last_word = last_non_space;
                if !SINGLETS.contains(&name.as_str()) && m.get(3).is_none() {
                    tags.push(Tag {
                        opens: m.get(1).is_none(),
                        name,
                        at: i,
                    });
                }
                continue;
            }
        }
        count += 1;
        let end = i + c.len_utf8();
        if c.is_whitespace() {
            last_word = last_non_space;
        } else if is_cjk(c) {
            last_word = last_non_space;
            last_non_space = end;
            if count <= size {
                last_word = last_non_space;
            }
        } else {
            last_non_space = end;
        }
        if count > size {
            return Some((if last_word == 0 { i } else { last_word }, tags));
        }
    }
    None
}

/// Whether `c` is a Chinese, Japanese or Korean letter (Go's `unicode.Han`, `Hangul`,
/// `Hiragana`, `Katakana`): a word of its own to `truncate`.
fn is_cjk(c: char) -> bool {
    static CJK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^[\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]$")
            .expect("a valid pattern")
    });
    CJK.is_match(c.encode_utf8(&mut [0; 4]))
}

/// Closes the elements open at `cut` into `out`, innermost first: each opening tag before
/// the cut whose closing tag is not also before it.
fn close_open_tags(tags: &[Tag], cut: usize, out: &mut String) {
    let mut closed: Option<&str> = None;
    for tag in tags.iter().rev() {
        if tag.at >= cut || closed.is_some() {
            if closed == Some(tag.name.as_str()) {
                closed = None;
            }
            continue;
        }
        if tag.opens {
            out.push_str(&format!("</{}>", tag.name));
        } else {
            closed = Some(&tag.name);
        }
    }
}

/// Hugo's `countwords`: the words of the text without its tags; in text with Chinese,
/// Japanese or Korean letters, a word of other than ASCII counts each of its characters.
fn count_words(s: &str) -> usize {
    static CJK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\p{Han}|\p{Hangul}|\p{Hiragana}|\p{Katakana}").expect("a valid pattern")
    });
    let cjk = CJK.is_match(s);
    let text = plainify(s);
    let words = text.split_whitespace();
    if !cjk {
        return words.count();
    }
    words
        .map(|w| if w.is_ascii() { 1 } else { w.chars().count() })
        .sum()
}

/// Hugo's `plainify` (`tpl.StripHTML`): tags removed, with what a `<script>` or a
/// `<style>` holds, runs of spaces between them one.
fn plainify(s: &str) -> String {
    if !s.contains(['<', '>']) {
        return s.to_string();
    }
    static SCRIPTS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>")
            .expect("a valid pattern")
    });
    let s = SCRIPTS
        .replace_all(s, "")
        .replace('\n', " ")
        .replace("</p>", "\n")
        .replace("<br>", "\n")
        .replace("<br />", "\n");
    let mut out = String::with_capacity(s.len());
    let (mut in_tag, mut was_space) = (false, false);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let mut is_space = false;
        // A `<` starts a tag only before a letter, `/`, `!` or `?`, as an HTML tokenizer
        // reads it (`a < b` is text).
        let opens = c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'));
        match c {
            '<' if opens => in_tag = true,
            '>' if in_tag => in_tag = false,
            c => {
                is_space = c.is_whitespace();
                if !in_tag && (!is_space || !was_space) {
                    out.push(c);
                }
            }
        }
        if !in_tag {
            was_space = is_space;
        }
    }
    out
}

/// `:name:` emoji codes as their emoji, by Hugo's table ([`EMOJIFY_CODES`]).
pub(crate) fn emojify(s: &str) -> String {
    // Hugo's `helpers.Emojify`, step for step: it moves on from where its last search
    // started, not from where the code it found ended, so a code right after another
    // (`:smile::smile:`) or after a replaced one can be passed over.
    let max = emoji_max_size();
    let find = |bytes: &[u8], b: u8| bytes.iter().position(|&c| c == b);
    let mut src = s.as_bytes().to_vec();
    let mut start = 0;
    let mut next = find(&src, b':');
    while let Some(k) = next {
        let j = start + k;
        let upper = (j + max).min(src.len());
        let end = find(src.get(j + 1..upper).unwrap_or_default(), b':');
        let word = find(src.get(j..upper).unwrap_or_default(), b' ');
        match end {
            None => start += 1,
            Some(e) if e == 0 || word.is_some_and(|w| w < e) => start += e + 1,
            Some(e) => {
                let end_key = j + e + 2;
                let code = src.get(j..end_key).unwrap_or_default();
                let emoji = std::str::from_utf8(code).ok().and_then(emojify_code);
                if let Some(emoji) = emoji {
                    src.splice(j..end_key, emoji.bytes());
                }
                start += e;
            }
        }
        if start >= src.len() {
            break;
        }
        next = src.get(start..).and_then(|rest| find(rest, b':'));
    }
    // Only ASCII `:name:` runs were replaced, by emoji: the text is still UTF-8.
    String::from_utf8(src).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The codes `emojify` knows, each `:name:`, tab, its emoji, sorted by code: Hugo's table
/// (kyokomi/emoji v2.2.14's code map, which Hugo's `helpers.Emojify` reads; written by
/// `scripts/emojify-codes.py`; its first line, a comment, has no tab), not GitHub's names that Markdown's `enableEmoji` reads.
const EMOJIFY_CODES: &str = include_str!("emojify-codes.txt");

/// [`EMOJIFY_CODES`] as (code, emoji) pairs, sorted by code.
fn emojify_codes() -> &'static [(&'static str, &'static str)] {
    static CODES: std::sync::OnceLock<Vec<(&str, &str)>> = std::sync::OnceLock::new();
    CODES.get_or_init(|| {
        EMOJIFY_CODES
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .collect()
    })
}

/// The emoji `emojify` puts for `code` (`:name:`, colons and all), if it knows it.
fn emojify_code(code: &str) -> Option<&'static str> {
    let codes = emojify_codes();
    let i = codes.binary_search_by(|(c, _)| (*c).cmp(code)).ok()?;
    codes.get(i).map(|(_, emoji)| *emoji)
}

/// The longest emoji code with its colons (Hugo's `emojiMaxSize`): `emojify` looks no
/// further than this for a code's closing colon.
fn emoji_max_size() -> usize {
    static MAX: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *MAX.get_or_init(|| {
        emojify_codes()
            .iter()
            .map(|(code, _)| code.len())
            .max()
            .unwrap_or(0)
    })
}

/// `s` with each `:name:` emoji code known by GitHub's names given to `put` with its name
/// (which writes what stands for it); other text, and codes of no emoji, as they are.
pub(crate) fn replace_emoji_codes(
    s: &str,
    mut put: impl FnMut(&mut String, &emojis::Emoji, &str),
) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find(':') {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let after = from.get(1..).unwrap_or("");
        let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || "_+-".contains(c)));
        match end.filter(|&e| e > 0 && after.get(e..e + 1) == Some(":")) {
            Some(e) => {
                let name = after.get(..e).unwrap_or("");
                match emojis::get_by_shortcode(name) {
                    Some(emoji) => {
                        put(&mut out, emoji, name);
                        rest = after.get(e + 1..).unwrap_or("");
                    }
                    None => {
                        out.push(':');
                        rest = after;
                    }
                }
            }
            None => {
                out.push(':');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `jsonify [OPTIONS] VALUE`: Go's `json.Encoder` as Hugo's `Jsonify` sets it up
/// (`tpl/encoding`): `<`, `>` and `&` escaped as `\u003c`… unless `noHTMLEscape`, each
/// element on a line of its own after `prefix` and `indent` when either is given, and
/// floats written as Go writes them ([`GoJson`]).
fn jsonify(args: &[Value]) -> gotmpl::Result<Value> {
    let (opts, v) = match args {
        [opts, v] => (Some(opts), v),
        [v] => (None, v),
        _ => return Err(exec_error("jsonify: expected 1 or 2 arguments")),
    };
    // Hugo decodes the options with mapstructure, which matches names in any case.
    let option = |name: &str| {
        opts.and_then(|o| match o {
            Value::Map(m) => m
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone()),
            _ => None,
        })
    };
    let text_of = |name: &str| option(name).map(|v| to_string(&v)).unwrap_or_default();
    let (prefix, indent) = (text_of("prefix"), text_of("indent"));
    let escape_html = !option("noHTMLEscape").is_some_and(|v| v.is_truthy());
    // Go's encoder refuses what JSON cannot write.
    if let Some(f) = non_finite(v) {
        return Err(exec_error(format!(
            "jsonify: json: unsupported value: {}",
            values::go_format("%v", &Value::Float(f))
        )));
    }
    let json = values::to_json(v);
    let mut buf = Vec::new();
    let formatter = GoJson {
        prefix: prefix.as_bytes(),
        indent: indent.as_bytes(),
        escape_html,
        depth: 0,
        has_value: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
    serde::Serialize::serialize(&json, &mut ser)
        .map_err(|e| exec_error(format!("jsonify: {e}")))?;
    Ok(values::html(String::from_utf8_lossy(&buf)))
}

/// The first float in `v` that is not a number or is infinite, which JSON cannot hold.
fn non_finite(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) if !f.is_finite() => Some(*f),
        Value::List(items) => items.iter().find_map(non_finite),
        Value::Map(m) => m.values().find_map(non_finite),
        _ => None,
    }
}

/// How Go's `encoding/json` writes what `jsonify` gives it: compact, or, with a prefix
/// or an indent (`json.Indent`), each element on a new line that starts with the prefix
/// and the indent once per level; an empty list or map stays `[]`, `{}`. A float is
/// written as `floatEncoder` writes it: its shortest digits without an exponent from
/// 1e-6 to 1e21 (`0.000001`, `100000000000000000000`), else with one, `1e-7`, `1e+21`.
/// Inside strings, `<`, `>` and `&` are `\u003c`… unless told not to (`escape_html`),
/// and the line and paragraph separators always `\u2028`, `\u2029`.
struct GoJson<'a> {
    prefix: &'a [u8],
    indent: &'a [u8],
    escape_html: bool,
    depth: usize,
    has_value: bool,
}

impl GoJson<'_> {
    fn pretty(&self) -> bool {
        !(self.prefix.is_empty() && self.indent.is_empty())
    }

    fn new_line<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b"\n")?;
        w.write_all(self.prefix)?;
        for _ in 0..self.depth {
            w.write_all(self.indent)?;
        }
        Ok(())
    }

    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(c)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value && self.pretty() {
            self.new_line(w)?;
        }
        w.write_all(c)
    }

    fn item<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.pretty() {
            self.new_line(w)?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for GoJson<'_> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut last = 0;
        for (at, c) in fragment.char_indices() {
            let escaped = match c {
                '<' | '>' | '&' if self.escape_html => format!("\\u{:04x}", u32::from(c)),
                '\u{2028}' | '\u{2029}' => format!("\\u{:04x}", u32::from(c)),
                _ => continue,
            };
            w.write_all(fragment.get(last..at).unwrap_or_default().as_bytes())?;
            w.write_all(escaped.as_bytes())?;
            last = at + c.len_utf8();
        }
        w.write_all(fragment.get(last..).unwrap_or_default().as_bytes())
    }

    fn write_f64<W: ?Sized + std::io::Write>(&mut self, w: &mut W, f: f64) -> std::io::Result<()> {
        let abs = f.abs();
        if abs == 0.0 || (1e-6..1e21).contains(&abs) {
            return write!(w, "{f}");
        }
        let e = format!("{f:e}");
        let (mantissa, exponent) = e.split_once('e').unwrap_or((&e, "0"));
        let exponent: i32 = exponent.parse().unwrap_or(0);
        if exponent < 0 {
            write!(w, "{mantissa}e-{}", -exponent)
        } else {
            write!(w, "{mantissa}e+{exponent:02}")
        }
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(if self.pretty() { b": " } else { b":" })
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Go's `path.Base`: the last element of `s` after trailing slashes are taken off; `.`
/// for an empty path, `/` for one of slashes only.
fn path_base(s: &str) -> &str {
    match s.trim_end_matches('/') {
        "" if s.is_empty() => ".",
        "" => "/",
        t => t.rsplit('/').next().unwrap_or(t),
    }
}

/// Go's `path.Ext`: from the last `.` of the last element of `s` (empty when it has none).
fn path_ext(s: &str) -> &str {
    let base = s.rsplit('/').next().unwrap_or(s);
    base.rfind('.').and_then(|i| base.get(i..)).unwrap_or("")
}

/// The optional count argument `i` of `func` (`replace`'s, `replaceRE`'s, `findRE`'s
/// limit), refused in spf13/cast's words when it is no integer, as Hugo refuses it
/// (`{{ .Content | replaceRE "a" "b" 1 }}` puts the text there: hunt AP, 1).
fn limit(a: &[Value], i: usize, func: &str) -> gotmpl::Result<Option<i64>> {
    match a.get(i) {
        None => Ok(None),
        Some(_) => int_arg(a, i, func).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_patterns_mean_in_the_regex_crate_what_they_mean_in_go() {
        let re = |p: &str| Regex::new(&go_regex(p)).unwrap();
        assert_eq!(re(r"\d").replace_all("a1٣", "#"), "a#٣");
        let words: Vec<&str> = re(r"\w+").find_iter("héllo").map(|m| m.as_str()).collect();
        assert_eq!(words, ["h", "llo"]);
        assert!(re("{{<").is_match("x {{< y"));
        assert!(re(r"a{2}").is_match("aa") && !re(r"a{2}").is_match("a"));
        assert!(re(r"[\d,]+").is_match("1,2"));
        // A Unicode class by name, in braces, outside a bracket too.
        let upper: Vec<&str> = re(r"\p{Lu}")
            .find_iter("Aé日αΒ 1")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(upper, ["A", "Β"]);
        assert_eq!(re(r"\P{Greek}+").replace_all("abαβc", "-"), "-αβ-");
        assert_eq!(re(r"\pL+").find_iter("ab cd").count(), 2);
        assert_eq!(re(r"\p{^L}+").replace_all("ab12cd", "-"), "ab-cd");
    }

    #[test]
    fn truncated_html_closes_the_elements_open_at_the_cut() {
        let cut = |n, html: &str| {
            truncate(&[Value::Int(n), values::html(html)])
                .unwrap()
                .to_string()
        };
        assert_eq!(
            cut(10, "<p><b>Keep my HTML</b> and more</p>"),
            "<p><b>Keep my …</b></p>"
        );
        assert_eq!(cut(40, "<p>short</p>"), "<p>short</p>");
        // A cut after a tag is before it, and after the last whole word (Hugo's).
        assert_eq!(cut(3, "a<br>bcdef"), "a …");
    }

    #[test]
    fn title_case_keeps_small_words_lowercase_inside() {
        assert_eq!(
            TitleCase::Ap.title("the lord of the rings"),
            "The Lord of the Rings"
        );
    }

    #[test]
    fn slicestr_refuses_bounds_outside_the_text_as_hugo_does() {
        let cut = |a: &[Value]| slice_string(a).map(|v| values::to_string(&v));
        let s = string("abc");
        assert_eq!(cut(&[s.clone(), Value::Int(1)]).unwrap(), "bc");
        for bounds in [
            vec![Value::Int(3)],
            vec![Value::Int(-1)],
            vec![Value::Int(2), Value::Int(1)],
            vec![Value::Int(0), Value::Int(4)],
            vec![string("x")],
        ] {
            let args: Vec<Value> = std::iter::once(s.clone()).chain(bounds).collect();
            assert!(cut(&args).is_err(), "{args:?}");
        }
    }

    #[test]
    fn plainify_removes_tags_and_keeps_paragraph_breaks() {
        assert_eq!(plainify("<p>a <b>b</b></p><p>c</p>"), "a b\nc\n");
        // Hugo 0.168's output for both.
        assert_eq!(
            plainify("<i>a</i> < b > c"),
            "a < b > c",
            "< and > outside a tag are text"
        );
        assert_eq!(plainify("x<3 and y>2 <b>z</b>"), "x<3 and y>2 z");
    }

    #[test]
    fn pluralize_takes_a_number_as_hugo_casts_it_to_text() {
        let plural = |v: Value| {
            inflected(&[v], "pluralize", super::inflect::pluralize).map(|v| v.to_string())
        };
        assert_eq!(plural(Value::Int(3)).unwrap(), "3s");
        assert_eq!(plural(Value::Float(0.00001)).unwrap(), "0.00001s");
        assert_eq!(
            plural(Value::Float(1e21)).unwrap(),
            "1000000000000000000000s"
        );
        assert_eq!(plural(Value::Nil).unwrap(), "");
        assert!(plural(Value::List(vec![string("a")].into())).is_err());
    }

    fn humanized(v: Value) -> String {
        humanize(&[v])
            .map(|v| v.to_string())
            .unwrap_or_else(|e| format!("error: {e}"))
    }

    fn human(text: &str) -> String {
        humanized(string(text))
    }

    #[test]
    fn humanize_splits_camel_pascal_snake_and_kebab_names_into_lower_case_words() {
        assert_eq!(human("myCamelPost"), "My camel post");
        assert_eq!(human("MyPascalPost"), "My pascal post");
        assert_eq!(human("my_snake_post"), "My snake post");
        assert_eq!(human("my-first-post"), "My first post");
        assert_eq!(human("first_Name"), "First name");
        assert_eq!(human("a:b/c  d"), "A b c d");
    }

    #[test]
    fn humanize_writes_known_acronyms_in_capitals_wherever_they_are() {
        assert_eq!(human("employee_id"), "Employee ID");
        assert_eq!(human("api_url"), "API URL");
        assert_eq!(human("HTTPServer"), "HTTP server");
        assert_eq!(human("userIDs"), "User IDS");
        assert_eq!(human("JSON"), "JSON");
        assert_eq!(human("Ok"), "OK");
        assert_eq!(human("NASA_rocket"), "Nasa rocket");
    }

    #[test]
    fn humanize_writes_an_integer_or_integer_text_as_an_ordinal() {
        assert_eq!(humanized(Value::Int(1)), "1st");
        assert_eq!(humanized(Value::Int(22)), "22nd");
        assert_eq!(humanized(Value::Int(113)), "113th");
        assert_eq!(humanized(Value::Int(-3)), "-3rd");
        assert_eq!(human("+5"), "5th");
        assert_eq!(human("007"), "7th");
        assert_eq!(humanized(Value::Float(3.0)), "3rd");
        assert_eq!(humanized(Value::Int(i64::MIN)), "-9223372036854775808th");
        assert_eq!(humanized(Value::Uint(u64::MAX)), "18446744073709551615");
        assert_eq!(human("1.5"), "1.5");
    }

    #[test]
    fn humanize_keeps_blank_text_and_refuses_text_with_no_word_as_hugo_does() {
        assert_eq!(human(""), "");
        assert_eq!(human("  "), "  ");
        assert_eq!(humanized(Value::Nil), "");
        assert!(human("$").starts_with("error: "), "{}", human("$"));
        assert!(human("😀").contains("index out of range"));
        assert_eq!(human("a$b"), "A b");
    }

    #[test]
    fn humanize_lower_cases_other_scripts_letter_by_letter_as_go_does() {
        assert_eq!(human("ΟΔΟΣ_ΣΑΣ"), "Οδοσ σασ");
        assert_eq!(human("ǆungla"), "ǅungla");
        assert_eq!(human("éCOLE_été"), "É cole été");
        assert_eq!(human("İstanbul"), "Istanbul");
        assert_eq!(human("Already humanized text"), "Already humanized text");
    }

    #[test]
    fn string_functions_write_a_float_as_hugos_cast_does_not_as_printf_does() {
        let text = |f: f64| str_arg(&[Value::Float(f)], 0, "upper").unwrap();
        assert_eq!(text(0.00001), "0.00001");
        assert_eq!(text(1e21), "1000000000000000000000");
        assert_eq!(text(3.0), "3");
        assert_eq!(text(-0.0), "-0");
        assert_eq!(text(f64::NAN), "NaN");
        assert_eq!(text(f64::INFINITY), "+Inf");
        assert_eq!(text(f64::NEG_INFINITY), "-Inf");
        assert_eq!(
            text(f64::from(3.4028235e38_f32)),
            "340282346638528860000000000000000000000"
        );
        assert_eq!(humanized(Value::Float(1e-7)), "0.0000001");
    }

    #[test]
    fn emojify_replaces_known_codes_only() {
        assert_eq!(emojify(":smile: :nope: a:b"), "😄 :nope: a:b");
    }

    #[test]
    fn emojify_passes_over_codes_as_hugos_does() {
        assert_eq!(emojify(":smile::smile::smile:"), "😄:smile:😄");
        assert_eq!(emojify(":hear_no_evil: and :+1: :smile:"), "🙉 and :+1: 😄");
    }
}
