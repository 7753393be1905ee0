//! Writing values the TOML way: scalars in the style they had where TOML allows it, inline
//! arrays and tables, new `key = value` entries; and TOML's [`Syntax`].

use std::ops::Range;
use std::str::FromStr;

use serde_json::{Number, Value as Json};

use crate::error::SyntaxError;
use crate::formats::{double_quoted, At, Kind, Layout, Map, Node, Style, Syntax};
use crate::text::Splice;

/// A key written bare when TOML allows, else quoted.
pub(super) fn bare_or_quoted(k: &str) -> String {
    if !k.is_empty()
        && k.bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
    {
        k.to_string()
    } else {
        double_quoted(k)
    }
}

/// A number as TOML writes it: a float always has a `.` or exponent.
fn number(n: &Number) -> String {
    if n.is_f64() {
        let f = n.as_f64().unwrap_or(0.0);
        let s = format!("{f:?}");
        if s.contains(['.', 'e', 'E']) || s.contains("inf") || s.contains("NaN") {
            s
        } else {
            format!("{s}.0")
        }
    } else {
        n.to_string()
    }
}

/// A scalar written in `style` where TOML allows it for this value.
fn scalar(v: &Json, style: Option<Style>) -> Result<String, String> {
    match v {
        Json::Null => Err("TOML has no null value; remove the key instead".to_string()),
        Json::Bool(b) => Ok(b.to_string()),
        Json::Number(n) => Ok(number(n)),
        Json::String(s) => Ok(match style {
            Some(Style::Datetime) if toml_edit::Datetime::from_str(s).is_ok() => s.clone(),
            Some(Style::Single)
                if !s.contains(['\'', '\n', '\r']) && !s.chars().any(char::is_control) =>
            {
                format!("'{s}'")
            }
            Some(Style::TripleSingle)
                if !s.contains("'''")
                    && !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') =>
            {
                format!("'''{s}'''")
            }
            Some(Style::TripleDouble) => format!("\"\"\"{}\"\"\"", multi_basic(s)),
            _ => double_quoted(s),
        }),
        Json::Array(_) | Json::Object(_) => value(v),
    }
}

/// The body of a `"""…"""` string: quotes, backslashes and control characters escaped.
fn multi_basic(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Any value, inline (`[a, b]`, `{ k = v }`), as toml_edit writes a new value.
fn value(v: &Json) -> Result<String, String> {
    Ok(toml_value(v)?.to_string())
}

/// `v` as a toml_edit value; objects become inline tables, null values in them are left
/// out.
fn toml_value(v: &Json) -> Result<toml_edit::Value, String> {
    Ok(match v {
        Json::Null => return Err("TOML has no null value; remove the key instead".to_string()),
        Json::Bool(b) => (*b).into(),
        Json::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.into(),
            (None, Some(f)) if n.is_f64() => f.into(),
            _ => return Err(format!("{n} is out of TOML's integer range")),
        },
        Json::String(s) => s.as_str().into(),
        Json::Array(items) => items
            .iter()
            .map(toml_value)
            .collect::<Result<toml_edit::Array, _>>()?
            .into(),
        Json::Object(o) => {
            let mut table = toml_edit::InlineTable::new();
            for (k, v) in o.iter().filter(|(_, v)| !v.is_null()) {
                table.insert(k, toml_value(v)?);
            }
            table.into()
        }
    })
}

/// `key = value` for a new entry.
fn entry(k: &str, v: &Json, prefer: Style) -> Result<String, String> {
    let text = match v {
        Json::String(_) => scalar(v, Some(prefer))?,
        other => value(other)?,
    };
    Ok(format!("{} = {text}", bare_or_quoted(k)))
}

/// TOML's [`Syntax`].
pub(crate) struct TomlSyntax;

impl Syntax for TomlSyntax {
    fn parse(&self, src: &str, range: Range<usize>) -> Result<Node, SyntaxError> {
        super::parse(src, range)
    }

    /// TOML has no null: a key set to null is a key removed.
    fn null_removes_key(&self) -> bool {
        true
    }

    /// A multi-line string keeps the line break after its opening quotes, which TOML does
    /// not read; one is written too when the text starts with a line break, which TOML
    /// would drop.
    fn scalar(&self, at: &At<'_>, v: &Json, style: Style) -> Result<String, String> {
        let text = scalar(v, Some(style))?;
        let old = at.src.get(at.node.span.clone()).unwrap_or_default();
        let Some(quotes) = ["\"\"\"", "'''"].into_iter().find(|q| text.starts_with(q)) else {
            return Ok(text);
        };
        let body = text.get(quotes.len()..).unwrap_or_default();
        let old_break = old
            .strip_prefix(quotes)
            .and_then(|rest| ["\r\n", "\n"].into_iter().find(|b| rest.starts_with(b)));
        let starts_with_break = v.as_str().is_some_and(|s| s.starts_with('\n'));
        Ok(match old_break {
            Some(eol) => format!("{quotes}{eol}{body}"),
            None if starts_with_break => format!("{quotes}\n{body}"),
            None => text,
        })
    }

    fn item(&self, v: &Json) -> Result<String, String> {
        value(v)
    }

    fn entry(&self, key: &str, v: &Json, prefer: Style) -> Result<String, String> {
        entry(key, v, prefer)
    }

    /// Arrays of tables and `[table]`s are refused: they can only be edited key by key.
    fn replace(&self, at: &At<'_>, new: &Json) -> Result<Splice, String> {
        let node = at.node;
        match &node.kind {
            Kind::Opaque(_) | Kind::Tables(_) => {
                Err("arrays of tables cannot be edited in Folio".to_string())
            }
            Kind::Map(Map {
                layout: Layout::Lines { .. } | Layout::Fixed,
                ..
            }) => Err("is a TOML table; it can only be changed key by key".to_string()),
            _ => value(new).map(|t| Splice::new(node.span.clone(), t)),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::value;

    #[test]
    fn new_arrays_and_tables_are_written_inline_as_toml_edit_writes_them() {
        assert_eq!(value(&json!(["a", "b"])).unwrap(), r#"["a", "b"]"#);
        assert_eq!(value(&json!([1, 2.5, true])).unwrap(), "[1, 2.5, true]");
        assert_eq!(
            value(&json!({"k": "v", "n": 1, "gone": null})).unwrap(),
            r#"{ k = "v", n = 1 }"#
        );
        assert_eq!(value(&json!({"a b": []})).unwrap(), r#"{ "a b" = [] }"#);
        assert!(value(&json!([null])).is_err());
    }
}
