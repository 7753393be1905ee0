//! Plain (unquoted) scalars: how Hugo 0.168 reads them (its YAML library, goccy/go-yaml,
//! checked spelling by spelling with `hugo` and `{{ printf "%T" }}`; the table test is
//! `tests/testsuite/frontmatter.rs`), and which strings can be written plain and read back
//! as the same string.
//!
//! - null: `~`, `null`, `Null`, `NULL` (and nothing); booleans: `true`, `True`, `TRUE`,
//!   `false`, `False`, `FALSE` — `yes`, `no`, `on`, `off`, `y` stay strings.
//! - Integers: an optional sign, then decimal digits (`_` allowed after the first), or
//!   `0b`, `0o`, `0x` (lowercase) digits, or a leading `0` for octal (`017` is 15); beyond
//!   64 bits, a string.
//! - Floats: digits with a `.` (and an optional exponent): `1.5`, `.5`, `5.`, `1.0e3`,
//!   `0.1_5`; `1e3` without a dot stays a string. `.inf` and `.nan` are floats JSON cannot
//!   hold: kept as their text.

use serde_json::{Number, Value as Json};

/// Hugo's reading of a plain scalar.
pub(super) fn resolve_plain(s: &str) -> Json {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Json::Null,
        "true" | "True" | "TRUE" => return Json::Bool(true),
        "false" | "False" | "FALSE" => return Json::Bool(false),
        _ => {}
    }
    if let Some(n) = int(s) {
        return Json::Number(n);
    }
    if is_float(s) {
        if let Some(n) = s
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
        {
            return Json::Number(n);
        }
    }
    Json::String(s.to_string())
}

/// An integer as Hugo reads one (see the module doc), or `None`.
fn int(s: &str) -> Option<Number> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    let (radix, digits) = if let Some(d) = body.strip_prefix("0b") {
        (2, d)
    } else if let Some(d) = body.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = body.strip_prefix("0x") {
        (16, d)
    } else if body.len() > 1 && body.starts_with('0') {
        (8, body.get(1..)?)
    } else {
        (10, body)
    };
    // `_` separates digits anywhere after the first character of the number.
    if radix == 10 && body.starts_with('_') {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.is_empty() || !clean.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = u64::from_str_radix(&clean, radix).ok()?;
    if negative {
        let n = i64::try_from(magnitude).ok()?;
        Some(Number::from(-n))
    } else {
        Some(Number::from(magnitude))
    }
}

fn is_float(s: &str) -> bool {
    let d = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (mant, exp) = match d.split_once(['e', 'E']) {
        Some((mant, exp)) => (mant, Some(exp)),
        None => (d, None),
    };
    let digits = mant.bytes().filter(|c| c.is_ascii_digit()).count();
    let dots = mant.bytes().filter(|&c| c == b'.').count();
    let mant_ok = digits > 0
        && dots == 1
        && !mant.starts_with('_')
        && mant
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b'.' || c == b'_');
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|c| c.is_ascii_digit())
    });
    mant_ok && exp_ok
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
    // YAML 1.1 readers (Hugo has used them) take these as booleans, and Hugo's go-yaml
    // these as floats (`.inf` is +Inf, whose `jsonify` stops Hugo's build).
    let lower = s.to_ascii_lowercase();
    if ["yes", "no", "on", "off", "y", "n"].contains(&lower.as_str())
        || [".inf", "-.inf", "+.inf", ".nan"].contains(&lower.as_str())
    {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    !(s.contains(": ") || s.contains(" #") || s.ends_with(':') || s.chars().any(char::is_control))
}
