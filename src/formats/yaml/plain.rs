//! Plain (unquoted) scalars: how YAML 1.2's core schema reads them
//! (<https://yaml.org/spec/1.2.2/#1032-tag-resolution>), and which strings can be written
//! plain and read back as the same string.

use serde_json::{Number, Value as Json};

/// The YAML 1.2 core schema's reading of a plain scalar.
pub(super) fn resolve_plain(s: &str) -> Json {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Json::Null,
        "true" | "True" | "TRUE" => return Json::Bool(true),
        "false" | "False" | "FALSE" => return Json::Bool(false),
        _ => {}
    }
    if is_int(s) {
        if let Ok(n) = s.parse::<i64>() {
            return Json::Number(n.into());
        }
    }
    if let Some(h) = s.strip_prefix("0x") {
        if let Ok(n) = i64::from_str_radix(h, 16) {
            return Json::Number(n.into());
        }
    }
    if let Some(o) = s.strip_prefix("0o") {
        if let Ok(n) = i64::from_str_radix(o, 8) {
            return Json::Number(n.into());
        }
    }
    if is_float(s) {
        if let Some(n) = s.parse::<f64>().ok().and_then(Number::from_f64) {
            return Json::Number(n);
        }
    }
    Json::String(s.to_string())
}

fn is_int(s: &str) -> bool {
    let d = s.strip_prefix(['-', '+']).unwrap_or(s);
    !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit())
}

fn is_float(s: &str) -> bool {
    let d = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (mant, exp) = match d.split_once(['e', 'E']) {
        Some((mant, exp)) => (mant, Some(exp)),
        None => (d, None),
    };
    let digits = mant.bytes().filter(|c| c.is_ascii_digit()).count();
    let dots = mant.bytes().filter(|&c| c == b'.').count();
    let mant_ok = digits > 0 && dots <= 1 && mant.bytes().all(|c| c.is_ascii_digit() || c == b'.');
    let exp_ok = exp.is_none_or(is_int);
    mant_ok && exp_ok && (dots == 1 || exp.is_some())
}

/// Whether `s` starts like a YAML timestamp (`2019-06-23`): Hugo reads those as dates.
pub(super) fn looks_like_timestamp(s: &str) -> bool {
    let digit = |c: &u8| c.is_ascii_digit();
    matches!(
        s.as_bytes(),
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1, ..]
            if [y0, y1, y2, y3, m0, m1, d0, d1].into_iter().all(digit)
    )
}

/// Whether `s` can be written as a plain scalar and read back as the same string.
pub(super) fn plain_ok(s: &str, allow_timestamp: bool) -> bool {
    if s.is_empty() || s.trim() != s || s.contains(['\n', '\r', '\t']) {
        return false;
    }
    if !resolve_plain(s).is_string() {
        return false;
    }
    if looks_like_timestamp(s) && !allow_timestamp {
        return false;
    }
    // YAML 1.1 readers (Hugo has used them) take these as booleans.
    let lower = s.to_ascii_lowercase();
    if ["yes", "no", "on", "off", "y", "n"].contains(&lower.as_str()) {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    !(s.contains(": ") || s.contains(" #") || s.ends_with(':') || s.chars().any(char::is_control))
}
