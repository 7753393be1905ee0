//! Go's `time.Time` as template values: a date read as Hugo reads front matter dates
//! (with spf13/cast's layouts: `layouts.rs`), printed with Go's reference
//! layouts (`"Jan 2, 2006"`, `"2006-01-02T15:04:05Z07:00"`; Go's `time/format.go`).
//!
//! A date without an offset is in the site's `timeZone` (Hugo's `langs.Language`
//! location; UTC when unset), found in the system's time zone database as Go finds it.
//! A date with an offset keeps it: Hugo reads it with Go's `time.Parse`, which names the
//! zone only when the offset is the machine's own zone's at that moment (`Z` is `UTC`).

use gotmpl::Value;
use jiff::tz::{Offset, TimeZone};
use jiff::Timestamp;

use super::values::{self, map, string, KIND};

mod layouts;
pub mod local;

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
    /// The zone's name at this moment (what Go's `MST` prints).
    zone: ZoneName,
}

/// A zone's name at one moment (`UTC`, `EST`, `CEST`, `+03`), or none for a fixed offset
/// read from the date itself (Go's `FixedZone("", offset)`). Abbreviations are short:
/// one longer than 8 bytes is kept as none, and `MST` prints the offset instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct ZoneName {
    len: u8,
    bytes: [u8; 8],
}

impl ZoneName {
    fn new(name: &str) -> ZoneName {
        let mut bytes = [0; 8];
        match bytes.get_mut(..name.len()) {
            Some(to) => {
                to.copy_from_slice(name.as_bytes());
                ZoneName {
                    len: u8::try_from(name.len()).unwrap_or(0),
                    bytes,
                }
            }
            None => ZoneName::default(),
        }
    }

    fn as_str(&self) -> &str {
        self.bytes
            .get(..usize::from(self.len))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl Moment {
    /// `s` read as Hugo reads a date written as text ([`Moment::parse_in`]), in UTC when
    /// it has no offset.
    pub fn parse(s: &str) -> Option<Moment> {
        Moment::parse_in(s, &TimeZone::UTC)
    }

    /// Whether Hugo reads `text` as a front matter date (the text of a YAML or JSON value,
    /// or of a quoted TOML one): false where Hugo's build stops ("the \"date\" front
    /// matter field is not a parsable date"). An empty date is Go's zero time, which
    /// builds; any other is read with cast's layouts ([`Moment::parse_in`]).
    pub fn hugo_reads_date(text: &str) -> bool {
        text.is_empty() || Moment::parse(text).is_some()
    }

    /// The moment at the clock time `clock`, `offset` seconds east of UTC, named `zone`.
    fn from_clock(clock: jiff::civil::DateTime, offset: i32, zone: ZoneName) -> Moment {
        Moment {
            year: clock.year(),
            month: clock.month(),
            day: clock.day(),
            hour: clock.hour(),
            minute: clock.minute(),
            second: clock.second(),
            nanos: clock.subsec_nanosecond(),
            offset,
            zone,
        }
    }

    /// The moment at `t` in `zone`, named as the zone names it then.
    fn at(t: Timestamp, zone: &TimeZone) -> Moment {
        let info = zone.to_offset_info(t);
        Moment::on_clock(info.offset().to_datetime(t), &info)
    }

    /// The clock time `dt` at the offset, and with the name, of `info`.
    fn on_clock(dt: jiff::civil::DateTime, info: &jiff::tz::TimeZoneOffsetInfo) -> Moment {
        Moment::from_clock(
            dt,
            info.offset().seconds(),
            ZoneName::new(info.abbreviation()),
        )
    }

    fn civil(&self) -> Result<jiff::civil::DateTime, jiff::Error> {
        jiff::civil::DateTime::new(
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
            self.nanos,
        )
    }

    /// The instant this moment is.
    fn timestamp(&self) -> Option<Timestamp> {
        let offset = Offset::from_seconds(self.offset).ok()?;
        offset.to_timestamp(self.civil().ok()?).ok()
    }

    /// Go's zero time, `0001-01-01 00:00:00 UTC`: a page's date that is not set.
    pub fn zero() -> Moment {
        Moment {
            year: 1,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
            nanos: 0,
            offset: 0,
            zone: ZoneName::new("UTC"),
        }
    }

    /// Whether this is the instant of Go's zero time, whatever its zone's name.
    fn is_zero(&self) -> bool {
        Moment {
            zone: ZoneName::default(),
            ..*self
        } == Moment {
            zone: ZoneName::default(),
            ..Moment::zero()
        }
    }

    /// Now, in the machine's own zone (Hugo's `now` is Go's `time.Now`, in `Local`).
    pub fn now() -> Moment {
        Moment::at(Timestamp::now(), &local())
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
            ("__folio_zone", string(self.zone.as_str())),
            // `__folio_time`'s offset has no seconds (a zone's local mean time has them).
            ("__folio_offset", Value::Int(self.offset.into())),
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
            // Go's `UnixMilli` and kin, which wrap beyond an int64 as Go's do.
            ("UnixMilli", Value::Int(self.unix_in(1_000))),
            ("UnixMicro", Value::Int(self.unix_in(1_000_000))),
            ("UnixNano", Value::Int(self.unix_in(1_000_000_000))),
            ("IsZero", Value::Bool(self.is_zero())),
            (
                "String",
                string(self.format("2006-01-02 15:04:05.999999999 -0700 MST")),
            ),
        ])
    }

    /// The same instant in `zone` (Go's `t.In`; `.UTC`, `.Local`), or `None` beyond the
    /// instants Folio can place.
    pub fn in_timezone(&self, zone: &TimeZone) -> Option<Moment> {
        let t = Timestamp::new(self.unix(), self.nanos).ok()?;
        Some(Moment::at(t, zone))
    }

    /// The seconds since 1970 in units of `per_second` (`1_000` for milliseconds), with
    /// the fraction of a second, wrapping as Go's `int64` arithmetic does.
    fn unix_in(&self, per_second: i64) -> i64 {
        let fraction = i64::from(self.nanos) / (1_000_000_000 / per_second);
        self.unix().wrapping_mul(per_second).wrapping_add(fraction)
    }

    /// The zone this moment was placed in, as far as Folio can tell it: `site` (the
    /// site's `timeZone`) or the machine's own zone when the moment is at that zone's
    /// offset, under its name, then; else `None`, a zone fixed at the moment's offset
    /// (under the moment's own name). Go keeps a time's `Location`, whose offset `Add`
    /// and `AddDate` look up again.
    fn location(&self, site: &TimeZone) -> Option<TimeZone> {
        let t = self.timestamp()?;
        [site.clone(), local()].into_iter().find(|zone| {
            let info = zone.to_offset_info(t);
            info.offset().seconds() == self.offset && info.abbreviation() == self.zone.as_str()
        })
    }

    /// Go's `t.Location()` as it prints (`Location.String`): the zone's name, `America/New_York`
    /// for the site's `timeZone` (or the machine's, `Local`), `UTC` for UTC, else the name a
    /// fixed zone has (none for an offset read from the date itself).
    pub fn location_name(&self, site: &TimeZone) -> String {
        if self.offset == 0 && self.zone.as_str() == "UTC" {
            return "UTC".to_string();
        }
        match self.location(site) {
            Some(zone) if zone == local() && zone != *site => "Local".to_string(),
            Some(zone) => zone.iana_name().unwrap_or("Local").to_string(),
            None => self.zone.as_str().to_string(),
        }
    }

    /// `moved` placed as this moment is: in its zone ([`Moment::location`]), or at its
    /// fixed offset and under its name.
    fn placed_like(&self, moved: Moment, site: &TimeZone) -> Option<Moment> {
        match self.location(site) {
            Some(zone) => in_zone(moved.civil().ok()?, &zone),
            None => Some(moved),
        }
    }

    /// Go's `t.Add(d)`: the instant `nanos` later, in the same zone ([`Moment::location`]
    /// of `site`), its offset looked up again; `None` beyond the instants Folio can place.
    pub fn add(&self, nanos: i128, site: &TimeZone) -> Option<Moment> {
        let t = Timestamp::from_nanosecond(self.instant().checked_add(nanos)?).ok()?;
        match self.location(site) {
            Some(zone) => Some(Moment::at(t, &zone)),
            None => {
                let fixed = TimeZone::fixed(Offset::from_seconds(self.offset).ok()?);
                Some(Moment {
                    zone: self.zone,
                    ..Moment::at(t, &fixed)
                })
            }
        }
    }

    /// Go's `t.AddDate(years, months, days)`: the date moved and normalised as Go's
    /// `time.Date` normalises it (January 31 and one month is March 2 or 3), the clock
    /// time kept, placed in the time's zone again ([`Moment::location`] of `site`), whose
    /// offset may differ across a change of offset; `None` out of range.
    pub fn add_date(&self, years: i64, months: i64, days: i64, site: &TimeZone) -> Option<Moment> {
        let months = i64::from(self.year)
            .checked_mul(12)?
            .checked_add(i64::from(self.month) - 1)?
            .checked_add(years.checked_mul(12)?)?
            .checked_add(months)?;
        let year = i16::try_from(months.div_euclid(12)).ok()?;
        let month = i8::try_from(months.rem_euclid(12) + 1).ok()?;
        let first = jiff::civil::Date::new(year, month, 1).ok()?;
        let days = i64::from(self.day).checked_sub(1)?.checked_add(days)?;
        let date = first
            .checked_add(jiff::Span::new().try_days(days).ok()?)
            .ok()?;
        let moved = Moment {
            year: date.year(),
            month: date.month(),
            day: date.day(),
            ..*self
        };
        self.placed_like(moved, site)
    }

    /// The instant: nanoseconds since 1970-01-01 UTC (Go's `t.Sub`, `Before`, `Equal`).
    pub fn instant(&self) -> i128 {
        i128::from(self.unix()) * 1_000_000_000 + i128::from(self.nanos)
    }

    /// The machine's own zone (Go's `Local`).
    pub fn local_zone() -> TimeZone {
        local()
    }

    /// A time value read back, or a string read as a date (in `zone` when it has no
    /// offset).
    pub fn from_value(v: &Value, zone: &TimeZone) -> Option<Moment> {
        match values::kind_of(v) {
            Some("time") => {
                let m = Moment::parse(v.field("__folio_time")?.as_str()?)?;
                let name = v.field("__folio_zone").and_then(Value::as_str);
                let offset = v.field("__folio_offset").and_then(values::to_int);
                Some(Moment {
                    zone: name.map_or(m.zone, ZoneName::new),
                    offset: offset
                        .and_then(|o| i32::try_from(o).ok())
                        .unwrap_or(m.offset),
                    ..m
                })
            }
            _ => Moment::parse_in(&values::to_string(v), zone),
        }
    }

    /// An argument as Hugo's time functions read it (`time`, `time.Format`,
    /// `dateFormat`: `htime.ToTimeInDefaultLocationE`): a time is written in RFC 3339 and
    /// read again, so it loses its fraction of a second and its zone's name (named again as
    /// a written offset is: `UTC` for `Z`); a string is read in `zone`, and so is a TOML
    /// local date or date-time ([`local::moment`]; a local time of day is none); nil (a
    /// key not set) is Go's zero time, as spf13/cast's `ToTimeInDefaultLocationE` gives it.
    pub fn from_argument(v: &Value, zone: &TimeZone) -> Option<Moment> {
        if matches!(v, Value::Nil) {
            return Some(Moment::zero());
        }
        // An integer is seconds since 1970 in the machine's zone (Hugo: `cast`'s
        // `ToTimeInDefaultLocationE`, which gives Go's `time.Unix`).
        let seconds = match v {
            Value::Int(n) => Some(*n),
            // Go's `int64(v)`, wrapping round above an int64's range.
            #[allow(clippy::cast_possible_wrap)]
            Value::Uint(n) => Some(*n as i64),
            _ => None,
        };
        if let Some(seconds) = seconds {
            return Some(Moment::at(Timestamp::from_second(seconds).ok()?, &local()));
        }
        match values::kind_of(v) {
            Some("time") => {
                let m = Moment::from_value(v, zone)?;
                Moment::parse_in(&m.format("2006-01-02T15:04:05Z07:00"), zone)
            }
            // go-toml's local date or date-time is read through its `AsTime`; a local
            // time of day is refused.
            _ if local::is_local(v) => local::moment(v, zone),
            _ => Moment::parse_in(&values::to_string(v), zone),
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

    /// The date as a `[permalinks]` token writes it (Hugo's `pageToPermalinkDate`,
    /// `resources/page/permalinks.go`): `year` (`2023`), `month` and `day` of two digits,
    /// `monthname` (`July`), `weekday` (0 for Sunday), `weekdayname` (`Sunday`), `yearday`
    /// (from 1); `None` for another token.
    pub fn format_date_token(&self, token: &str) -> Option<String> {
        let date = self.date().ok();
        Some(match token {
            "year" => self.year.to_string(),
            "month" => self.format("01"),
            "day" => self.format("02"),
            "monthname" => self.format("January"),
            "weekday" => date?.weekday().to_sunday_zero_offset().to_string(),
            "weekdayname" => self.format("Monday"),
            "yearday" => date?.day_of_year().to_string(),
            _ => return None,
        })
    }

    /// The moment in Go's reference layout `layout` (`Mon Jan 2 15:04:05 MST 2006`).
    pub fn format(&self, layout: &str) -> String {
        // Go's own `.Format` knows no named layouts: `:date_long` is written as it is.
        self.format_with(layout, super::locale::english())
    }

    /// The moment in `layout` (Go's, or a named one: `:date_long`) with the names and
    /// date formats of `locale` (`time.Format`, `dateFormat`).
    pub fn format_in(&self, layout: &str, locale: &super::locale::Locale) -> String {
        let english = super::locale::english();
        if !locale.is_named(layout) {
            return self.translated(&self.format_with(layout, english), layout, locale);
        }
        // The long and full times name the zone as it is named, nothing for a fixed
        // offset (gohugoio/locales' `FmtTimeLong`, `FmtTimeFull`: `t.Zone()`).
        let lower = layout.to_ascii_lowercase();
        if matches!(lower.as_str(), ":time_long" | ":time_full") && self.zone.as_str().is_empty() {
            return self.format_with(&locale.layout(layout).replace("MST", ""), locale);
        }
        self.format_with(locale.layout(layout), locale)
    }

    /// Go's formatting in English, then the month and the weekday named in `locale`, as
    /// Hugo names them (`common/htime/time.go`, `TimeFormatter.Format`): the long month
    /// name replaced wherever it is when the layout holds `January`, else the short one
    /// when it holds `Jan`; the same for `Monday` and `Mon`.
    fn translated(&self, english: &str, layout: &str, locale: &super::locale::Locale) -> String {
        let en = super::locale::english();
        let m = usize::try_from(self.month - 1).unwrap_or(0);
        let d = self.date().map_or(0, |d| {
            usize::from(d.weekday().to_sunday_zero_offset().unsigned_abs())
        });
        let swap =
            |text: String, from: &[&str], to: &[&str], i: usize| match (from.get(i), to.get(i)) {
                (Some(f), Some(t)) => text.replace(f, t),
                _ => text,
            };
        let mut out = english.to_string();
        if layout.contains("January") {
            out = swap(out, &en.months, &locale.months, m);
        } else if layout.contains("Jan") {
            out = swap(out, &en.months_short, &locale.months_short, m);
        }
        if layout.contains("Monday") {
            out = swap(out, &en.days, &locale.days, d);
        } else if layout.contains("Mon") {
            out = swap(out, &en.days_short, &locale.days_short, d);
        }
        out
    }

    /// The moment in the Go layout `layout`, with the names of `locale`.
    fn format_with(&self, layout: &str, locale: &super::locale::Locale) -> String {
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
            HOUR_24 => self.hour.to_string(),
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

    /// Go's `MST`: the zone's name; a zone without one (an offset written in the date)
    /// is written `-0700`-style (`time/format.go`, `stdTZ`): `-0500`, `+0530`.
    fn zone_name(&self) -> String {
        match self.zone.as_str() {
            "" => self.offset_text("-0700"),
            name => name.to_string(),
        }
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

/// A date and time without an offset, in `zone` as Go's `time.Date` places it: the offset
/// in force at the clock time read as UTC, unless the instant that gives falls in another
/// period of the zone, whose offset is then used (`time/time.go`, `Date`). So a clock time
/// skipped when clocks go forward reads as the hour before (`02:30` → `01:30 EST`), and
/// one that happens twice as the first (`01:30 EDT`).
fn in_zone(civil: jiff::civil::DateTime, zone: &TimeZone) -> Option<Moment> {
    placed(civil, zone).or_else(|| Some(at_the_edge(civil, zone)))
}

/// A clock time beyond the instants Folio can place (jiff's run from -9999 to 9999-12-30
/// in UTC; Go's further): at the offset the zone has at the nearest one it can.
fn at_the_edge(civil: jiff::civil::DateTime, zone: &TimeZone) -> Moment {
    let edge = if civil.year() > 0 {
        Timestamp::MAX
    } else {
        Timestamp::MIN
    };
    Moment::on_clock(civil, &zone.to_offset_info(edge))
}

/// Go's placing of a clock time in `zone` ([`in_zone`]); `None` beyond jiff's instants.
fn placed(civil: jiff::civil::DateTime, zone: &TimeZone) -> Option<Moment> {
    let as_utc = Offset::UTC.to_timestamp(civil).ok()?;
    let first = zone.to_offset(as_utc);
    let guess = as_utc
        .checked_sub(jiff::SignedDuration::from_secs(first.seconds().into()))
        .ok()?;
    let offset = zone.to_offset(guess);
    let t = as_utc
        .checked_sub(jiff::SignedDuration::from_secs(offset.seconds().into()))
        .ok()?;
    Some(Moment::at(t, zone))
}

/// The name Go's `time.Parse` gives a date written with `offset` at `t`: the machine's own
/// zone's (Go's `Local`: `TZ`, else `/etc/localtime`) when that zone is at this offset
/// then, else none.
fn local_name(t: Timestamp, offset: i32) -> ZoneName {
    let local = local();
    let info = local.to_offset_info(t);
    if info.offset().seconds() == offset {
        ZoneName::new(info.abbreviation())
    } else {
        ZoneName::default()
    }
}

/// The machine's own zone, Go's `Local`, read once per process as Go reads it (Go's
/// `time/zoneinfo_unix.go` `initLocal`): `TZ` unset is `/etc/localtime`; `TZ` empty is
/// UTC; any other `TZ` (a leading `:` dropped) is that zone's file, by absolute path or
/// by name in the zone directories; UTC when the file cannot be read.
///
/// The file is read directly: asking `jiff` for the system zone lists the whole
/// database first (about 1,800 files), which took a quarter of a 1000-card export.
pub(crate) fn local() -> TimeZone {
    static LOCAL: std::sync::OnceLock<TimeZone> = std::sync::OnceLock::new();
    LOCAL
        .get_or_init(|| {
            let zone = match std::env::var("TZ") {
                Err(_) => zone_file("Local", "/etc/localtime".as_ref()),
                Ok(tz) if tz.is_empty() => Some(TimeZone::UTC),
                Ok(tz) => {
                    // Go's `initLocal` looks in the system's zone folders only (no
                    // `ZONEINFO`), and `UTC` is UTC.
                    let tz = tz.strip_prefix(':').unwrap_or(&tz);
                    if tz.starts_with('/') {
                        zone_file("Local", tz.as_ref())
                    } else if tz == "UTC" {
                        Some(TimeZone::UTC)
                    } else {
                        ZONE_SOURCES
                            .iter()
                            .find_map(|dir| zone_file("Local", &std::path::Path::new(dir).join(tz)))
                    }
                }
            };
            zone.unwrap_or(TimeZone::UTC)
        })
        .clone()
}

/// The directories Go looks for a zone's file in, in order (Go's `time/zoneinfo_unix.go`
/// `platformZoneSources`), after `ZONEINFO` when it is set.
const ZONE_SOURCES: [&str; 4] = [
    "/usr/share/zoneinfo/",
    "/usr/share/lib/zoneinfo/",
    "/usr/lib/locale/TZ/",
    "/etc/zoneinfo/",
];

/// The zone named `name` as Go's `time.LoadLocation` finds it: `""` and `"UTC"` are UTC,
/// `"Local"` is [`local`], any other name is the file at that path (spelled as it is:
/// `europe/paris` is unknown) in `ZONEINFO` or in one of [`ZONE_SOURCES`]. `None` when
/// no file is found, or the name is not a relative path without `..` (Go refuses those).
pub(crate) fn load_location(name: &str) -> Option<TimeZone> {
    match name {
        "" | "UTC" => return Some(TimeZone::UTC),
        "Local" => return Some(local()),
        _ => {}
    }
    if name.contains("..") || name.starts_with(['/', '\\']) {
        return None;
    }
    // A site's zone is asked for on every render: each file is read once per process.
    static LOADED: std::sync::Mutex<Vec<(String, Option<TimeZone>)>> =
        std::sync::Mutex::new(Vec::new());
    let mut loaded = LOADED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, zone)) = loaded.iter().find(|(n, _)| n == name) {
        return zone.clone();
    }
    let zoneinfo = std::env::var("ZONEINFO").ok().filter(|d| !d.is_empty());
    let found = zoneinfo
        .iter()
        .map(String::as_str)
        .chain(ZONE_SOURCES)
        .find_map(|dir| zone_file(name, &std::path::Path::new(dir).join(name)));
    loaded.push((name.to_string(), found.clone()));
    found
}

/// The zone in the TZif file at `path`, if it is one, named `name`.
fn zone_file(name: &str, path: &std::path::Path) -> Option<TimeZone> {
    let bytes = std::fs::read(path).ok()?;
    TimeZone::tzif(name, &bytes).ok()
}

/// Go's layout elements, longest first where one begins another.
/// The hour of the 24-hour clock without a leading zero (`9:05`), which Go's layouts
/// cannot write and CLDR's Spanish times do (`H:mm`): a token of Folio's own, in
/// [`super::locale`]'s layouts only (a private-use character no layout of a site holds).
pub const HOUR_24: &str = "\u{f015}";

const TOKENS: &[&str] = &[
    HOUR_24,
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

/// Go's `time.Duration` as a template value: `.Hours`, `.Minutes`, `.Seconds` (floats),
/// `.Milliseconds`, `.Microseconds`, `.Nanoseconds` (integers), and `.String` in Go's form
/// (`696h0m0s`, `1.5s`, `300ms`). Go's nanoseconds saturate at ±292 years.
pub fn duration_value(nanos: i128) -> Value {
    let n = i64::try_from(nanos).unwrap_or(if nanos < 0 { i64::MIN } else { i64::MAX });
    #[allow(
        clippy::cast_precision_loss,
        reason = "Go's Hours and kin are float64 too"
    )]
    let f = |unit: i64| {
        let (whole, rest) = (n / unit, n % unit);
        whole as f64 + rest as f64 / unit as f64
    };
    map([
        (KIND, string("duration")),
        ("Hours", Value::Float(f(3_600_000_000_000))),
        ("Minutes", Value::Float(f(60_000_000_000))),
        ("Seconds", Value::Float(f(1_000_000_000))),
        ("Milliseconds", Value::Int(n / 1_000_000)),
        ("Microseconds", Value::Int(n / 1_000)),
        ("Nanoseconds", Value::Int(n)),
        ("String", string(go_duration(n))),
    ])
}

/// Nanoseconds in a unit of Go's durations as `time.ParseDuration` and Hugo's `duration`
/// name them (`ns`, `us`/`µs`/`μs`, `ms`, `s`, `m`, `h`; Hugo's also `second`, `minute`…).
pub fn unit_nanos(unit: &str) -> Option<i128> {
    Some(match unit {
        "ns" | "nanosecond" => 1,
        "us" | "\u{b5}s" | "\u{3bc}s" | "microsecond" => 1_000,
        "ms" | "millisecond" => 1_000_000,
        "s" | "second" => 1_000_000_000,
        "m" | "minute" => 60_000_000_000,
        "h" | "hour" => 3_600_000_000_000,
        _ => return None,
    })
}

/// Go's `time.ParseDuration` (`time/format.go`): `1h30m`, `-1.5s`, `300ms`, `0`;
/// nanoseconds. Whole numbers are read exactly, fractions as Go reads them (through a
/// float, truncated: `0.5ns` is 0).
///
/// # Errors
/// Go's messages: `time: invalid duration "x"` (a part without digits, or more than
/// Go's ±292 years), `time: missing unit in duration "1"`, `time: unknown unit "d" in
/// duration "1d"`.
pub fn parse_duration(text: &str) -> Result<i128, String> {
    let invalid = || format!("time: invalid duration \"{text}\"");
    let (negative, mut rest) = match text.strip_prefix(['-', '+']) {
        Some(r) => (text.starts_with('-'), r),
        None => (false, text),
    };
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(invalid());
    }
    let mut total: u128 = 0;
    while !rest.is_empty() {
        let (part, tail) = duration_part(rest, text)?;
        total += part;
        if total > DURATION_LIMIT {
            return Err(invalid());
        }
        rest = tail;
    }
    if !negative && total == DURATION_LIMIT {
        return Err(invalid());
    }
    let total = i128::try_from(total).map_err(|_| invalid())?;
    Ok(if negative { -total } else { total })
}

/// 2^63 nanoseconds: one more than the longest duration Go holds (its shortest's size).
const DURATION_LIMIT: u128 = 1 << 63;

/// The first part of a duration `rest` (`1.5h` of `1.5h30m`, within `text`): its
/// nanoseconds and what follows it. Errors as [`parse_duration`]'s.
fn duration_part<'a>(rest: &'a str, text: &str) -> Result<(u128, &'a str), String> {
    let invalid = || format!("time: invalid duration \"{text}\"");
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let whole_len = digits(rest);
    let (whole, after) = rest.split_at(whole_len);
    let mut value: u128 = 0;
    for d in whole.bytes() {
        value = value * 10 + u128::from(d - b'0');
        if value > DURATION_LIMIT {
            return Err(invalid());
        }
    }
    let (mut fraction, mut scale, mut after, mut fraction_len) = (0_u128, 1.0_f64, after, 0);
    if let Some(f) = after.strip_prefix('.') {
        fraction_len = digits(f);
        let (part, tail) = f.split_at(fraction_len);
        // Go stops reading a fraction's digits where they would overflow.
        for d in part.bytes() {
            let next = fraction * 10 + u128::from(d - b'0');
            if next > DURATION_LIMIT {
                break;
            }
            fraction = next;
            scale *= 10.0;
        }
        after = tail;
    }
    if whole_len == 0 && fraction_len == 0 {
        return Err(invalid());
    }
    let unit_len = after
        .find(|c: char| c.is_ascii_digit() || c == '.')
        .unwrap_or(after.len());
    let (unit, tail) = after.split_at(unit_len);
    if unit.is_empty() {
        return Err(format!("time: missing unit in duration \"{text}\""));
    }
    let Some(nanos) = unit_nanos(unit).filter(|_| unit.chars().count() <= 2) else {
        return Err(format!(
            "time: unknown unit \"{unit}\" in duration \"{text}\""
        ));
    };
    let nanos = u128::try_from(nanos).unwrap_or(1);
    let mut part = value
        .checked_mul(nanos)
        .filter(|&v| v <= DURATION_LIMIT)
        .ok_or_else(invalid)?;
    if fraction > 0 {
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "Go adds a fraction through float64 and truncates it"
        )]
        let extra = (fraction as f64 * (nanos as f64 / scale)) as u128;
        part += extra;
    }
    Ok((part, tail))
}

/// Go's `Duration.String` (`time/time.go`): `72h3m0.5s`, `1.5s`, `300ms`, `2µs`, `0s`.
fn go_duration(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    let u = n.unsigned_abs();
    let fraction = |value: u64, digits: usize| {
        let text = format!("{value:0digits$}");
        let text = text.trim_end_matches('0');
        if text.is_empty() {
            String::new()
        } else {
            format!(".{text}")
        }
    };
    if u == 0 {
        return "0s".to_string();
    }
    if u < 1_000_000_000 {
        let (unit, div, digits) = match u {
            0..1_000 => ("ns", 1, 0),
            1_000..1_000_000 => ("µs", 1_000, 3),
            _ => ("ms", 1_000_000, 6),
        };
        return format!("{sign}{}{}{unit}", u / div, fraction(u % div, digits));
    }
    let secs = u / 1_000_000_000;
    let seconds = format!("{}{}s", secs % 60, fraction(u % 1_000_000_000, 9));
    match (secs / 3600, secs / 60 % 60) {
        (0, 0) => format!("{sign}{seconds}"),
        (0, m) => format!("{sign}{m}m{seconds}"),
        (h, m) => format!("{sign}{h}h{m}m{seconds}"),
    }
}

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
    fn a_clock_time_a_change_of_offset_skips_or_repeats_is_placed_as_go_places_it() {
        let new_york = TimeZone::get("America/New_York").unwrap();
        let at = |s: &str| {
            Moment::parse_in(s, &new_york)
                .unwrap()
                .format("15:04 MST -07:00")
        };
        assert_eq!(at("2023-07-14T10:00:00"), "10:00 EDT -04:00");
        assert_eq!(at("2023-01-15"), "00:00 EST -05:00");
        // 02:30 never happens on 12 March: Go reads it with the offset before the change.
        assert_eq!(at("2023-03-12T02:30:00"), "01:30 EST -05:00");
        // 01:30 happens twice on 5 November: Go takes the first.
        assert_eq!(at("2023-11-05T01:30:00"), "01:30 EDT -04:00");
        // A written offset stays, without a name (unless the machine's own zone is at that
        // offset then: Nepal's is the only one at +05:45).
        assert_eq!(at("2023-07-14T10:00:00+05:45"), "10:00 +0545 +05:45");
    }

    #[test]
    fn the_last_day_of_9999_is_a_date_in_any_zone() {
        for zone in ["UTC", "America/New_York", "Asia/Tokyo"] {
            let zone = TimeZone::get(zone).unwrap();
            let m = Moment::parse_in("9999-12-31", &zone).unwrap();
            assert_eq!(m.format("2006-01-02 15:04"), "9999-12-31 00:00");
        }
    }

    #[test]
    fn zones_are_found_by_their_file_name_as_go_loads_them() {
        let paris = load_location("Europe/Paris").expect("the system's zone database");
        let summer = Timestamp::from_second(1_719_835_200).unwrap();
        assert_eq!(paris.to_offset(summer), Offset::constant(2));
        assert_eq!(load_location(""), Some(TimeZone::UTC));
        assert_eq!(load_location("UTC"), Some(TimeZone::UTC));
        // Go's `LoadLocation` refuses what is not a plain name of the database.
        for refused in [
            "europe/paris",
            "../zoneinfo/Europe/Paris",
            "/usr/share/zoneinfo/UTC",
        ] {
            assert_eq!(load_location(refused), None, "{refused}");
        }
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
    }

    #[test]
    fn a_duration_is_parsed_as_go_parses_it_and_refused_with_gos_message() {
        assert_eq!(parse_duration("1h30m"), Ok(5_400_000_000_000));
        assert_eq!(parse_duration("-1.5µs"), Ok(-1_500));
        assert_eq!(parse_duration("0"), Ok(0));
        // Whole numbers exactly, fractions through a float and truncated, as Go.
        assert_eq!(
            parse_duration("9007199254740993ns"),
            Ok(9_007_199_254_740_993)
        );
        assert_eq!(parse_duration("1.0000000005s"), Ok(1_000_000_000));
        assert_eq!(parse_duration("0.5ns"), Ok(0));
        assert_eq!(
            parse_duration("-2562047h47m16.854775808s"),
            Ok(-9_223_372_036_854_775_808)
        );
        assert_eq!(
            parse_duration("2562047h47m16.854775808s"),
            Err("time: invalid duration \"2562047h47m16.854775808s\"".to_string())
        );
        assert_eq!(
            parse_duration("1h2"),
            Err("time: missing unit in duration \"1h2\"".to_string())
        );
        assert_eq!(
            parse_duration("1"),
            Err("time: missing unit in duration \"1\"".to_string())
        );
        assert_eq!(
            parse_duration("2d"),
            Err("time: unknown unit \"d\" in duration \"2d\"".to_string())
        );
        assert_eq!(
            parse_duration("1second"),
            Err("time: unknown unit \"second\" in duration \"1second\"".to_string())
        );
        assert_eq!(
            parse_duration(".s"),
            Err("time: invalid duration \".s\"".to_string())
        );
    }

    #[test]
    fn durations_are_written_as_go_writes_them() {
        let cases = [
            (0, "0s"),
            (1, "1ns"),
            (1_500, "1.5µs"),
            (300_000_000, "300ms"),
            (1_500_000_000, "1.5s"),
            (-90_000_000_000, "-1m30s"),
            (2_505_600_000_000_000, "696h0m0s"),
            (3_600_500_000_000, "1h0m0.5s"),
        ];
        for (n, want) in cases {
            assert_eq!(go_duration(n), want, "{n} ns");
        }
    }
}
