//! Go's `time.Time` as template values: a date read as Hugo reads front matter dates
//! (RFC 3339, a date alone, a date and a time without zone as UTC), printed with Go's
//! reference layouts (`"Jan 2, 2006"`, `"2006-01-02T15:04:05Z07:00"`; Go's
//! `time/format.go`).

use gotmpl::Value;

use super::values::{self, map, string, KIND};

/// A moment as Go's `time.Time` carries it, in its own zone offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    year: i16,
    month: i8,
    day: i8,
    hour: i8,
    minute: i8,
    second: i8,
    nanos: i32,
    /// Seconds east of UTC.
    offset: i32,
}

impl Moment {
    /// Reads a date as Hugo's `cast.ToTime` does for the forms front matter uses.
    pub fn parse(s: &str) -> Option<Moment> {
        let s = s.trim();
        let num = |t: &str| -> Option<i32> {
            (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok())?
        };
        let (date, rest) = (s.get(..10)?, s.get(10..)?);
        let mut d = date.split('-');
        let (year, month, day) = (num(d.next()?)?, num(d.next()?)?, num(d.next()?)?);
        if d.next().is_some() || date.len() != 10 {
            return None;
        }
        let (mut time, mut zone) = ("", rest.trim_start());
        if let Some(t) = rest.strip_prefix(['T', 't', ' ']) {
            let end = t
                .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
                .unwrap_or(t.len());
            time = t.get(..end)?;
            zone = t.get(end..)?.trim_start();
        }
        let (clock, frac) = time.split_once('.').unwrap_or((time, ""));
        let mut hms = clock
            .split(':')
            .filter(|p| !clock.is_empty() || !p.is_empty());
        let mut part = || hms.next().map_or(Some(0), num);
        let (hour, minute, second) = (part()?, part()?, part()?);
        let nanos = match frac {
            "" => 0,
            f if f.len() <= 9 => num(&format!("{f:0<9}"))?,
            _ => return None,
        };
        let offset = match zone {
            "" | "Z" | "z" => 0,
            o => {
                let sign = match o.get(..1)? {
                    "+" => 1,
                    "-" => -1,
                    _ => return None,
                };
                let digits = o.get(1..)?.replace(':', "");
                if digits.len() != 4 {
                    return None;
                }
                sign * (num(digits.get(..2)?)? * 3600 + num(digits.get(2..)?)? * 60)
            }
        };
        let m = Moment {
            year: i16::try_from(year).ok()?,
            month: i8::try_from(month).ok()?,
            day: i8::try_from(day).ok()?,
            hour: i8::try_from(hour).ok()?,
            minute: i8::try_from(minute).ok()?,
            second: i8::try_from(second).ok()?,
            nanos,
            offset,
        };
        (hour < 24 && minute < 60 && second < 60).then_some(())?;
        m.date().ok()?;
        Some(m)
    }

    /// Now, in UTC.
    pub fn now() -> Moment {
        let now = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC);
        Moment {
            year: now.year(),
            month: now.month(),
            day: now.day(),
            hour: now.hour(),
            minute: now.minute(),
            second: now.second(),
            nanos: now.subsec_nanosecond(),
            offset: 0,
        }
    }

    fn date(&self) -> Result<jiff::civil::Date, jiff::Error> {
        jiff::civil::Date::new(self.year, self.month, self.day)
    }

    /// The template value: a map with Go's accessors as fields (`.Year`, `.Day`,
    /// `.Unix`…) that `.Format` reads back.
    pub fn to_value(self) -> Value {
        let weekday = self
            .date()
            .map(|d| d.weekday().to_sunday_zero_offset())
            .unwrap_or(0);
        map([
            (KIND, string("time")),
            (
                "__folio_time",
                string(self.format("2006-01-02T15:04:05.999999999Z07:00")),
            ),
            ("Year", Value::Int(self.year.into())),
            ("Month", Value::Int(self.month.into())),
            ("Day", Value::Int(self.day.into())),
            ("Hour", Value::Int(self.hour.into())),
            ("Minute", Value::Int(self.minute.into())),
            ("Second", Value::Int(self.second.into())),
            ("Nanosecond", Value::Int(self.nanos.into())),
            (
                "YearDay",
                Value::Int(self.date().map_or(0, |d| d.day_of_year().into())),
            ),
            (
                "Weekday",
                string(
                    super::locale::english()
                        .days
                        .get(weekday as usize)
                        .copied()
                        .unwrap_or(""),
                ),
            ),
            ("Unix", Value::Int(self.unix())),
            ("IsZero", Value::Bool(false)),
        ])
    }

    /// A time value read back, or a string read as a date.
    pub fn from_value(v: &Value) -> Option<Moment> {
        match values::kind_of(v) {
            Some("time") => Moment::parse(v.field("__folio_time")?.as_str()?),
            _ => Moment::parse(&values::to_string(v)),
        }
    }

    fn unix(&self) -> i64 {
        let days = self
            .date()
            .ok()
            .and_then(|d| d.since(jiff::civil::date(1970, 1, 1)).ok())
            .map_or(0, |span| i64::from(span.get_days()));
        days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset)
    }

    /// The moment in Go's reference layout `layout` (`Mon Jan 2 15:04:05 MST 2006`).
    pub fn format(&self, layout: &str) -> String {
        self.format_in(layout, super::locale::english())
    }

    /// The moment in `layout` (Go's, or a named one: `:date_long`) with the names and
    /// date formats of `locale` (`time.Format`, `dateFormat`).
    pub fn format_in(&self, layout: &str, locale: &super::locale::Locale) -> String {
        let layout = locale.layout(layout);
        let mut out = String::new();
        let mut rest = layout;
        while !rest.is_empty() {
            match TOKENS.iter().find(|t| rest.starts_with(*t)) {
                Some(t) => {
                    out.push_str(&self.chunk(t, locale));
                    rest = rest.get(t.len()..).unwrap_or("");
                }
                None => {
                    let mut c = rest.chars();
                    out.extend(c.next());
                    rest = c.as_str();
                }
            }
        }
        out
    }

    fn chunk(&self, token: &str, locale: &super::locale::Locale) -> String {
        let hour12 = match self.hour % 12 {
            0 => 12,
            h => h,
        };
        let weekday = self
            .date()
            .map(|d| d.weekday().to_sunday_zero_offset())
            .unwrap_or(0) as usize;
        let m = (self.month - 1).max(0) as usize;
        let name = |names: &[&str]| names.get(m).copied().unwrap_or("").to_string();
        let day = |names: &[&str]| names.get(weekday).copied().unwrap_or("").to_string();
        match token {
            "2006" => format!("{:04}", self.year),
            "06" => format!("{:02}", self.year.rem_euclid(100)),
            "January" => name(&locale.months),
            "Jan" => name(&locale.months_short),
            "01" => format!("{:02}", self.month),
            "1" => self.month.to_string(),
            "Monday" => day(&locale.days),
            "Mon" => day(&locale.days_short),
            "02" => format!("{:02}", self.day),
            "_2" => format!("{:>2}", self.day),
            "2" => self.day.to_string(),
            "002" => format!("{:03}", self.date().map_or(0, |d| d.day_of_year())),
            "15" => format!("{:02}", self.hour),
            "03" => format!("{hour12:02}"),
            "3" => hour12.to_string(),
            "04" => format!("{:02}", self.minute),
            "4" => self.minute.to_string(),
            "05" => format!("{:02}", self.second),
            "5" => self.second.to_string(),
            "PM" => if self.hour >= 12 { "PM" } else { "AM" }.into(),
            "pm" => if self.hour >= 12 { "pm" } else { "am" }.into(),
            "MST" => self.zone_name(),
            t if t.starts_with(['.', ',']) => self.fraction(t),
            t if t.starts_with('Z') && self.offset == 0 => "Z".into(),
            t => self.offset_text(&format!("-{}", t.trim_start_matches(['Z', '-']))),
        }
    }

    /// `.000` (always that many digits) or `.999` (trailing zeros dropped, and the dot
    /// with them when nothing is left); `,` as the separator works the same.
    fn fraction(&self, token: &str) -> String {
        let digits = token.len() - 1;
        let sep = token.get(..1).unwrap_or(".");
        let frac = format!("{:09}", self.nanos);
        let frac = frac.get(..digits).unwrap_or(&frac);
        if token.as_bytes().get(1) == Some(&b'9') {
            let trimmed = frac.trim_end_matches('0');
            if trimmed.is_empty() {
                String::new()
            } else {
                format!("{sep}{trimmed}")
            }
        } else {
            format!("{sep}{frac}")
        }
    }

    /// Go's `MST`: the zone's name, which a moment Folio reads has only in UTC; at any
    /// other offset Go has no name and writes the offset as `-0700` (`time/format.go`,
    /// `stdTZ`): `-0500`, `+0530`.
    fn zone_name(&self) -> String {
        if self.offset == 0 {
            return "UTC".into();
        }
        self.offset_text("-0700")
    }

    fn offset_text(&self, t: &str) -> String {
        let sign = if self.offset < 0 { '-' } else { '+' };
        let abs = self.offset.abs();
        let (h, m, s) = (abs / 3600, (abs / 60) % 60, abs % 60);
        match t {
            "-07" => format!("{sign}{h:02}"),
            "-0700" => format!("{sign}{h:02}{m:02}"),
            "-07:00" => format!("{sign}{h:02}:{m:02}"),
            "-070000" => format!("{sign}{h:02}{m:02}{s:02}"),
            _ => format!("{sign}{h:02}:{m:02}:{s:02}"),
        }
    }
}

/// Go's layout elements, longest first where one begins another.
const TOKENS: &[&str] = &[
    "January",
    "Monday",
    "2006",
    "Jan",
    "Mon",
    "MST",
    "002",
    "01",
    "02",
    "03",
    "04",
    "05",
    "06",
    "_2",
    "15",
    "1",
    "2",
    "3",
    "4",
    "5",
    "PM",
    "pm",
    "Z07:00:00",
    "-07:00:00",
    "Z070000",
    "-070000",
    "Z07:00",
    "-07:00",
    "Z0700",
    "-0700",
    "Z07",
    "-07",
    ".000000000",
    ".999999999",
    ".000000",
    ".999999",
    ".000",
    ".999",
    ",000",
    ",999",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_in_go_layouts() {
        let m = Moment::parse("2024-03-05T14:07:09+02:00").unwrap();
        assert_eq!(m.format("Jan 2, 2006"), "Mar 5, 2024");
        assert_eq!(
            m.format("Monday, 02 January 2006 3:04 PM -07:00"),
            "Tuesday, 05 March 2024 2:07 PM +02:00"
        );
        assert_eq!(
            m.format("2006-01-02T15:04:05Z07:00"),
            "2024-03-05T14:07:09+02:00"
        );
        assert_eq!(
            Moment::parse("2024-03-05").unwrap().format(time_rfc3339()),
            "2024-03-05T00:00:00Z"
        );
    }

    fn time_rfc3339() -> &'static str {
        "2006-01-02T15:04:05Z07:00"
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        assert_eq!(Moment::parse("2024-02-30"), None);
        assert_eq!(Moment::parse("soon"), None);
        assert_eq!(Moment::parse("2024-01-01T25:00:00Z"), None);
        assert_eq!(Moment::parse("2024-01-01x"), None);
        assert_eq!(
            Moment::parse("2024-01-01T10:00:00+0200").map(|m| m.offset),
            Some(7200)
        );
        assert!(Moment::parse("2024-01-01 10:30").is_some());
    }
}
