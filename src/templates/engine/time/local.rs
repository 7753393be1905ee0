//! go-toml's local date, time of day and date-time (`toml.LocalDate`, `toml.LocalTime`,
//! `toml.LocalDateTime`): what Hugo's templates get for a TOML value written without an
//! offset (`2026-04-18`, `10:30:00`, `2026-04-18T10:30:00`) in front matter, a config or
//! a data file (checked with Hugo 0.168's `printf "%T"`; a date-time with an offset is a
//! `time.Time`, [`super::Moment`]).
//!
//! Each prints as written (go-toml's `String`), and has go-toml's fields: `.Year`,
//! `.Month` (a number), `.Day`; `.Hour`, `.Minute`, `.Second`, `.Nanosecond`,
//! `.Precision` (the digits of the fraction written); a date-time both, and its
//! `.LocalDate` and `.LocalTime`. A date and a date-time are compared, sorted and read by
//! the time functions as the time they are in the site's zone (go-toml's `AsTime`, which
//! Hugo's `hreflect.AsTime` calls); a time of day is no time: `lt` and `sort` find two of
//! them equal, and `time.Format` refuses one (all checked with Hugo 0.168).

use gotmpl::Value;
use jiff::tz::TimeZone;

use super::super::values::{self, map, string, KIND};
use super::Moment;

/// The kind ([`KIND`]) of a local date.
const DATE: &str = "local_date";
/// The kind of a local time of day.
const TIME: &str = "local_time";
/// The kind of a local date-time.
const DATE_TIME: &str = "local_date_time";

/// The template value of `text`, a TOML local date, time or date-time as go-toml prints
/// it (`crate::formats::toml::hugo_datetime_text`: `2026-04-18`, `09:15:00.5`,
/// `2026-04-18T10:30:00`); `None` for text of another shape.
pub fn value(text: &str) -> Option<Value> {
    match text.split_once(['T', 't', ' ']) {
        Some((date, time)) => {
            let (date, time) = (date_value(date)?, time_value(time)?);
            let mut entries: Vec<(&str, Value)> = vec![(KIND, string(DATE_TIME))];
            for part in [&date, &time] {
                if let Value::Map(fields) = part {
                    entries.extend(
                        fields
                            .iter()
                            .filter(|(k, _)| !matches!(&***k, KIND | "String"))
                            .map(|(k, v)| (&**k, v.clone())),
                    );
                }
            }
            entries.extend([
                ("String", string(text)),
                ("LocalDate", date.clone()),
                ("LocalTime", time.clone()),
            ]);
            Some(map(entries))
        }
        None if text.contains(':') => time_value(text),
        None => date_value(text),
    }
}

/// `2026-04-18` as a local date.
fn date_value(text: &str) -> Option<Value> {
    let mut parts = text.split('-');
    let mut next = || -> Option<i64> { parts.next()?.parse().ok() };
    let (year, month, day) = (next()?, next()?, next()?);
    Some(map([
        (KIND, string(DATE)),
        ("String", string(text)),
        ("Year", Value::Int(year)),
        ("Month", Value::Int(month)),
        ("Day", Value::Int(day)),
    ]))
}

/// `09:15:00.5` as a local time of day: the fraction is `.Nanosecond`, its digits
/// `.Precision`.
fn time_value(text: &str) -> Option<Value> {
    let (clock, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut parts = clock.split(':');
    let mut next = || -> Option<i64> { parts.next()?.parse().ok() };
    let (hour, minute, second) = (next()?, next()?, next()?);
    let digits = fraction.get(..fraction.len().min(9)).unwrap_or_default();
    let nanos = match digits {
        "" => 0,
        d => format!("{d:0<9}").parse().ok()?,
    };
    Some(map([
        (KIND, string(TIME)),
        ("String", string(text)),
        ("Hour", Value::Int(hour)),
        ("Minute", Value::Int(minute)),
        ("Second", Value::Int(second)),
        ("Nanosecond", Value::Int(nanos)),
        ("Precision", Value::Int(i64::try_from(digits.len()).ok()?)),
    ]))
}

/// Whether `value` is one of go-toml's local values.
pub fn is_local(value: &Value) -> bool {
    matches!(values::kind_of(value), Some(DATE | TIME | DATE_TIME))
}

/// Whether `value` is a local date or date-time: a time to Hugo's comparisons and time
/// functions ([`moment`]).
pub fn is_dated(value: &Value) -> bool {
    matches!(values::kind_of(value), Some(DATE | DATE_TIME))
}

/// The Go type of a local value (`toml.LocalDate`), for `printf "%T"` and Go's messages.
pub fn go_type(value: &Value) -> Option<&'static str> {
    match values::kind_of(value)? {
        DATE => Some("toml.LocalDate"),
        TIME => Some("toml.LocalTime"),
        DATE_TIME => Some("toml.LocalDateTime"),
        _ => None,
    }
}

/// A local date or date-time as the time it is in `zone` (go-toml's `AsTime`: a date at
/// midnight); `None` for a time of day or any other value.
pub fn moment(value: &Value, zone: &TimeZone) -> Option<Moment> {
    if !is_dated(value) {
        return None;
    }
    Moment::parse_in(&values::to_string(value.field("String")?), zone)
}

/// [`moment`]'s Unix second (`.Unix`, what Hugo's comparisons order times by).
pub fn unix(value: &Value, zone: &TimeZone) -> Option<i64> {
    moment(value, zone).map(|m| m.unix())
}

/// A local value as Go's `%#v` writes it, the way Hugo's `unable to cast` message shows
/// it: `toml.LocalTime{Hour:10, Minute:30, Second:0, Nanosecond:0, Precision:0}`.
pub fn go_syntax(value: &Value) -> Option<String> {
    let fields = |names: &[&str]| {
        names
            .iter()
            .map(|n| {
                format!(
                    "{n}:{}",
                    value.field(n).map(values::to_string).unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let date = || fields(&["Year", "Month", "Day"]);
    let time = || fields(&["Hour", "Minute", "Second", "Nanosecond", "Precision"]);
    Some(match values::kind_of(value)? {
        DATE => format!("toml.LocalDate{{{}}}", date()),
        TIME => format!("toml.LocalTime{{{}}}", time()),
        DATE_TIME => format!(
            "toml.LocalDateTime{{LocalDate:toml.LocalDate{{{}}}, LocalTime:toml.LocalTime{{{}}}}}",
            date(),
            time()
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_date_time_has_the_fields_of_its_date_and_its_time() {
        let v = value("2026-04-18T10:30:00.123").unwrap();
        assert_eq!(v.field("Year"), Some(&Value::Int(2026)));
        assert_eq!(v.field("Hour"), Some(&Value::Int(10)));
        assert_eq!(v.field("Nanosecond"), Some(&Value::Int(123_000_000)));
        assert_eq!(v.field("Precision"), Some(&Value::Int(3)));
        assert_eq!(
            v.field("LocalDate").and_then(|d| d.field("String")),
            Some(&string("2026-04-18"))
        );
        assert_eq!(go_type(&v), Some("toml.LocalDateTime"));
    }

    #[test]
    fn a_time_of_day_is_no_moment_and_a_date_is_its_midnight() {
        let zone = TimeZone::UTC;
        assert!(moment(&value("10:30:00").unwrap(), &zone).is_none());
        let midnight = moment(&value("2026-04-18").unwrap(), &zone).unwrap();
        assert_eq!(midnight.format("2006-01-02 15:04"), "2026-04-18 00:00");
    }

    #[test]
    fn text_of_another_shape_is_no_local_value() {
        assert!(value("soon").is_none());
        assert!(value("2026-04").is_none());
    }
}
