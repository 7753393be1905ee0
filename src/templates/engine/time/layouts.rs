//! How Hugo reads a date written as text: spf13/cast's `StringToDateInDefaultLocation`
//! (cast v1.10.0, which Hugo 0.168 calls through `htime.ToTimeInDefaultLocationE`) tries
//! its layouts in order (`internal/time.go`, `TimeFormats`) with Go's `time.Parse`
//! (`time/format.go`, `parse`), and places a date read without an offset in the site's
//! zone. This module is Go's parser for those layouts' elements and cast's placing.
//!
//! Checked against Hugo 0.168 (front matter `date`, `.Date.Format`): `02 Jan 2024`,
//! `Mon, 02 Jan 2006 15:04:05 MST`, `3:04PM` (year 0) and `Jan  2 15:04:05.123` are
//! dates; `Jan 2, 2024`, `2 Jan 2024`, `2024-01-01 10:30` and `2024/01/02` stop its build.

use jiff::tz::TimeZone;

use super::{in_zone, local_name, Moment, ZoneName, TOKENS};

/// cast's layouts in the order it tries them, each with whether cast moves what it read
/// to the site's zone, keeping the clock time: a layout with no zone or with a zone's
/// name alone (cast's `TimeFormatNoTimezone` and `TimeFormatNamedTimezone`). The others
/// keep where Go's `time.Parse` put the date: at its offset, or in UTC.
const CAST_LAYOUTS: [(&str, bool); 24] = [
    ("2006-01-02", true),
    ("2006-01-02T15:04:05Z07:00", false), // RFC3339
    ("2006-01-02T15:04:05", true),
    ("Mon, 02 Jan 2006 15:04:05 -0700", false), // RFC1123Z
    ("Mon, 02 Jan 2006 15:04:05 MST", true),    // RFC1123
    ("02 Jan 06 15:04 -0700", false),           // RFC822Z
    ("02 Jan 06 15:04 MST", true),              // RFC822
    ("Monday, 02-Jan-06 15:04:05 MST", true),   // RFC850
    ("2006-01-02 15:04:05.999999999 -0700 MST", false), // Time.String
    ("2006-01-02T15:04:05-0700", false),
    ("2006-01-02 15:04:05Z0700", false),
    ("2006-01-02 15:04:05", true),
    ("Mon Jan _2 15:04:05 2006", true),        // ANSIC
    ("Mon Jan _2 15:04:05 MST 2006", true),    // UnixDate
    ("Mon Jan 02 15:04:05 -0700 2006", false), // RubyDate
    ("2006-01-02 15:04:05Z07:00", false),
    ("02 Jan 2006", true),
    ("2006-01-02 15:04:05 -07:00", false),
    ("2006-01-02 15:04:05 -0700", false),
    ("3:04PM", false),                    // Kitchen
    ("Jan _2 15:04:05", false),           // Stamp
    ("Jan _2 15:04:05.000", false),       // StampMilli
    ("Jan _2 15:04:05.000000", false),    // StampMicro
    ("Jan _2 15:04:05.000000000", false), // StampNano
];

impl Moment {
    /// `text` read as Hugo reads a date written as text (module doc): the first of
    /// cast's layouts Go's `time.Parse` reads it with. Without an offset, in `location`;
    /// with one, at it (named as Go names it, [`local_name`]); a time of day alone is on
    /// 1 January of year 0, in UTC. `None` where Hugo's build stops ("unable to parse
    /// date"), or for a date Folio cannot place (beyond the years -9999 to 9999).
    pub fn parse_in(text: &str, location: &TimeZone) -> Option<Moment> {
        let (read, in_site_zone) = CAST_LAYOUTS
            .iter()
            .find_map(|&(layout, site)| Some((read(layout, text)?, site)))?;
        read.moment(in_site_zone, location)
    }
}

/// What Go's `time.Parse` read from a value with one layout.
#[derive(Default)]
struct Read<'a> {
    year: i32,
    month: i32,
    day: i32,
    hour: i32,
    minute: i32,
    second: i32,
    nanos: i32,
    /// `PM` (true) or `AM` (false) was read.
    pm: Option<bool>,
    /// Seconds east of UTC, when an offset was read.
    offset: Option<i32>,
    /// `Z` or `UTC` was read.
    utc: bool,
    /// The zone's name read for `MST`.
    name: &'a str,
}

/// `value` read with `layout` as Go's `time.Parse` reads it, `None` where Go gives an
/// error. A blank in the layout takes one blank or more (Go's `skip`); other text must be
/// there as written.
fn read<'a>(layout: &str, value: &'a str) -> Option<Read<'a>> {
    let mut r = Read {
        month: 1,
        day: 1,
        ..Read::default()
    };
    let (mut layout, mut value) = (layout, value);
    while let Some(c) = layout.chars().next() {
        if let Some(token) = TOKENS.iter().find(|t| layout.starts_with(**t)) {
            layout = layout.get(token.len()..)?;
            value = r.element(token, value, layout)?;
        } else if c == ' ' {
            if !value.is_empty() && !value.starts_with(' ') {
                return None;
            }
            layout = layout.trim_start_matches(' ');
            value = value.trim_start_matches(' ');
        } else {
            value = value.strip_prefix(c)?;
            layout = layout.get(c.len_utf8()..)?;
        }
    }
    if !value.is_empty() {
        return None;
    }
    match r.pm {
        Some(true) if r.hour < 12 => r.hour += 12,
        Some(false) if r.hour == 12 => r.hour = 0,
        _ => {}
    }
    Some(r)
}

impl<'a> Read<'a> {
    /// One layout element read from the start of `value`; what follows it, or `None`
    /// where Go gives an error (no such element, or a value out of its range). `after`
    /// is the layout after the element. Go's day of the year (`002`) is in none of
    /// cast's layouts, and is `None`.
    fn element(&mut self, token: &str, value: &'a str, after: &str) -> Option<&'a str> {
        let en = super::super::locale::english();
        match token {
            "2006" => {
                let p = value.get(..4)?;
                p.starts_with(|c: char| c.is_ascii_digit()).then_some(())?;
                self.year = atoi(p)?;
                value.get(4..)
            }
            "06" => {
                let year = atoi(value.get(..2)?)?;
                self.year = year + if year >= 69 { 1900 } else { 2000 };
                value.get(2..)
            }
            "Jan" | "January" => {
                let names = if token == "Jan" {
                    &en.months_short
                } else {
                    &en.months
                };
                let (i, rest) = lookup(names, value)?;
                self.month = i + 1;
                Some(rest)
            }
            "Mon" => lookup(&en.days_short, value).map(|(_, rest)| rest),
            "Monday" => lookup(&en.days, value).map(|(_, rest)| rest),
            "01" | "1" | "02" | "2" | "_2" | "15" | "03" | "3" | "04" | "4" | "05" | "5" => {
                self.number(token, value, after)
            }
            "PM" | "pm" => {
                let (am, pm) = if token == "PM" {
                    ("AM", "PM")
                } else {
                    ("am", "pm")
                };
                let p = value.get(..2)?;
                self.pm = Some(match p {
                    _ if p == pm => true,
                    _ if p == am => false,
                    _ => return None,
                });
                value.get(2..)
            }
            "MST" => {
                if let Some(rest) = value.strip_prefix("UTC") {
                    self.utc = true;
                    return Some(rest);
                }
                let n = zone_name_len(value)?;
                self.name = value.get(..n)?;
                value.get(n..)
            }
            t if t.starts_with(['.', ',']) => self.fraction(t, value),
            t if t.starts_with(['Z', '-']) => self.offset(t, value),
            _ => None,
        }
    }

    /// A month, a day, an hour, a minute or a second in digits: two for `01`, `02`, `03`,
    /// `04`, `05`; one or two for the others (`_2` may start with a blank).
    fn number(&mut self, token: &str, value: &'a str, after: &str) -> Option<&'a str> {
        let in_range = |n: i32, max: i32| (0..=max).contains(&n).then_some(n);
        let value = match token {
            "_2" => value.strip_prefix(' ').unwrap_or(value),
            _ => value,
        };
        let (n, rest) = getnum(value, token.len() == 2 && token.starts_with('0'))?;
        match token {
            "01" | "1" => self.month = (1..=12).contains(&n).then_some(n)?,
            "02" | "2" | "_2" => self.day = in_range(n, 31)?,
            "15" => self.hour = in_range(n, 23)?,
            "03" | "3" => self.hour = in_range(n, 12)?,
            "04" | "4" => self.minute = in_range(n, 59)?,
            _ => {
                self.second = in_range(n, 59)?;
                return self.fraction_unasked(rest, after);
            }
        }
        Some(rest)
    }

    /// A fraction of a second after the seconds where the layout has none next (Go takes
    /// it: `15:04:05` reads `10:00:00.5`).
    fn fraction_unasked(&mut self, value: &'a str, after: &str) -> Option<&'a str> {
        let b = value.as_bytes();
        let fraction_follows =
            matches!(b.first(), Some(b'.' | b',')) && b.get(1).is_some_and(u8::is_ascii_digit);
        if !fraction_follows || next_token(after).is_some_and(|t| t.starts_with(['.', ','])) {
            return Some(value);
        }
        let n = 1 + b.iter().skip(1).take_while(|c| c.is_ascii_digit()).count();
        self.nanos = nanoseconds(value, n)?;
        value.get(n..)
    }

    /// `.000` (that many digits) or `.999` (any number of digits, or none).
    fn fraction(&mut self, token: &str, value: &'a str) -> Option<&'a str> {
        let n = if token.as_bytes().get(1) == Some(&b'9') {
            let b = value.as_bytes();
            let digits = b.iter().skip(1).take_while(|c| c.is_ascii_digit()).count();
            if !matches!(b.first(), Some(b'.' | b',')) || digits == 0 {
                return Some(value);
            }
            1 + digits
        } else {
            token.len()
        };
        self.nanos = nanoseconds(value, n)?;
        value.get(n..)
    }

    /// An offset: `Z` for the `Z…` elements, else a sign and two-digit hours, minutes and
    /// seconds as the element shows them. Hours go to 24, minutes and seconds to 60 (Go
    /// tests with `>`: "some people do write offsets of 24 hours").
    fn offset(&mut self, token: &str, value: &'a str) -> Option<&'a str> {
        if token.starts_with('Z') {
            if let Some(rest) = value.strip_prefix('Z') {
                self.utc = true;
                return Some(rest);
            }
        }
        let shape = token.trim_start_matches(['Z', '-']);
        let b = value.as_bytes();
        let colon = |i: usize| b.get(i) == Some(&b':');
        // Where the hours, minutes and seconds are, and the offset's length.
        let (at, len) = match shape {
            "07:00:00" if colon(3) && colon(6) => ([1, 4, 7], 9),
            "07:00" if colon(3) => ([1, 4, 0], 6),
            "070000" => ([1, 3, 5], 7),
            "0700" => ([1, 3, 0], 5),
            "07" => ([1, 0, 0], 3),
            _ => return None,
        };
        let two = |i: usize| match i {
            0 => Some(0),
            i => getnum(value.get(i..i + 2)?, true).map(|(n, _)| n),
        };
        let (h, m, s) = (two(at[0])?, two(at[1])?, two(at[2])?);
        if h > 24 || m > 60 || s > 60 || value.len() < len {
            return None;
        }
        let seconds = (h * 60 + m) * 60 + s;
        self.offset = Some(match b.first() {
            Some(b'+') => seconds,
            Some(b'-') => -seconds,
            _ => return None,
        });
        value.get(len..)
    }

    /// The moment read: in the site's zone (`in_site_zone`) at the clock time read, or
    /// where Go's `time.Parse` put it.
    fn moment(&self, in_site_zone: bool, location: &TimeZone) -> Option<Moment> {
        let clock = jiff::civil::DateTime::new(
            i16::try_from(self.year).ok()?,
            i8::try_from(self.month).ok()?,
            i8::try_from(self.day).ok()?,
            i8::try_from(self.hour).ok()?,
            i8::try_from(self.minute).ok()?,
            i8::try_from(self.second).ok()?,
            self.nanos,
        )
        .ok()?;
        if in_site_zone {
            // Go reads a zone named `GMT+3` as three hours east, and cast keeps the
            // clock time at that offset; any other name keeps the clock time read, but
            // for a name the machine's own zone uses at another offset then (`CEST` in
            // winter, on a machine in Berlin), which Go's `lookupName` moves and Folio
            // does not.
            let hours = self.name.strip_prefix("GMT").and_then(atoi).unwrap_or(0);
            let clock = clock.checked_add(jiff::Span::new().hours(hours)).ok()?;
            return in_zone(clock, location);
        }
        let offset = match (self.utc, self.offset) {
            (false, Some(offset)) => offset,
            _ => return Some(Moment::from_clock(clock, 0, ZoneName::new("UTC"))),
        };
        let at_offset = Moment::from_clock(clock, offset, ZoneName::default());
        let local = at_offset
            .timestamp()
            .map_or(ZoneName::default(), |t| local_name(t, offset));
        // Go names the date by the machine's zone when that zone is at this offset then
        // (and has the name read, if one was); else by the name read.
        let zone = if self.name.is_empty() || local.as_str() == self.name {
            local
        } else {
            ZoneName::new(self.name)
        };
        Some(Moment { zone, ..at_offset })
    }
}

/// The next layout element in `layout`, past any text before it (Go's `nextStdChunk`).
fn next_token(layout: &str) -> Option<&'static str> {
    layout
        .char_indices()
        .find_map(|(i, _)| {
            TOKENS
                .iter()
                .find(|t| layout.get(i..).is_some_and(|l| l.starts_with(**t)))
        })
        .copied()
}

/// One or two digits (two when `fixed`), and what follows them (Go's `getnum`).
fn getnum(value: &str, fixed: bool) -> Option<(i32, &str)> {
    let b = value.as_bytes();
    let first = i32::from(b.first().filter(|c| c.is_ascii_digit())? - b'0');
    match b.get(1).filter(|c| c.is_ascii_digit()) {
        Some(second) => Some((first * 10 + i32::from(second - b'0'), value.get(2..)?)),
        None if fixed => None,
        None => Some((first, value.get(1..)?)),
    }
}

/// A number with an optional sign, digits only after it (Go's `time.atoi`; no digits is 0).
fn atoi(s: &str) -> Option<i32> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = if digits.is_empty() {
        0
    } else {
        digits.parse::<i32>().ok()?
    };
    Some(if s.starts_with('-') { -n } else { n })
}

/// The nanoseconds of `value`'s first `n` bytes, a `.` or `,` and digits; digits past
/// the ninth are dropped (Go's `parseNanoseconds`).
fn nanoseconds(value: &str, n: usize) -> Option<i32> {
    matches!(value.as_bytes().first(), Some(b'.' | b',')).then_some(())?;
    let digits = value.get(1..n.min(10))?;
    let scale = 10_i32.checked_pow(u32::try_from(10 - n.min(10)).ok()?)?;
    atoi(digits)?.checked_mul(scale)
}

/// The index in `names` of the name `value` starts with, in any ASCII case, and what
/// follows it (Go's `lookup`).
fn lookup<'v>(names: &[&str], value: &'v str) -> Option<(i32, &'v str)> {
    names.iter().zip(0..).find_map(|(name, i)| {
        let head = value.get(..name.len())?;
        head.eq_ignore_ascii_case(name)
            .then(|| value.get(name.len()..).map(|rest| (i, rest)))?
    })
}

/// The length of the zone's name `value` starts with, as Go's `parseTimeZone` reads one:
/// `ChST` or `MeST`; `GMT` with a signed hour or none (`GMT+1`); a signed hour to 23
/// (`+05`); else three capitals, four ending in `T` (or `WITA`), or five ending in `T`.
pub(super) fn zone_name_len(value: &str) -> Option<usize> {
    let signed_hour = |v: &str| {
        let digits = v.strip_prefix(['+', '-'])?;
        let n = digits.bytes().take_while(u8::is_ascii_digit).count();
        (n > 0 && digits.get(..n)?.parse::<u32>().ok()? <= 23).then_some(1 + n)
    };
    let b = value.as_bytes();
    if b.len() < 3 {
        return None;
    }
    if value.starts_with("ChST") || value.starts_with("MeST") {
        return Some(4);
    }
    if let Some(rest) = value.strip_prefix("GMT") {
        return Some(3 + signed_hour(rest).unwrap_or(0));
    }
    if value.starts_with(['+', '-']) {
        return signed_hour(value);
    }
    let capitals = b
        .iter()
        .take(6)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    match capitals {
        3 => Some(3),
        4 if b.get(3) == Some(&b'T') || value.starts_with("WITA") => Some(4),
        5 if b.get(4) == Some(&b'T') => Some(5),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_as_hugo(text: &str) -> Option<String> {
        Moment::parse_in(text, &TimeZone::UTC)
            .map(|m| m.format("2006-01-02T15:04:05.999999999 -0700 MST"))
    }

    /// Each pair is what Hugo 0.168 prints for a front matter `date` written so, with
    /// `.Date.Format "2006-01-02T15:04:05.999999999 -0700 MST"`, in a site in UTC.
    #[test]
    fn dates_in_each_of_casts_layouts_read_as_hugo_reads_them() {
        for (text, hugo) in [
            ("02 Jan 2024", "2024-01-02T00:00:00 +0000 UTC"),
            ("02 jan 2024", "2024-01-02T00:00:00 +0000 UTC"),
            (
                "Mon, 02 Jan 2006 15:04:05 MST",
                "2006-01-02T15:04:05 +0000 UTC",
            ),
            (
                "Mon, 02 Jan 2006 15:04:05 -0700",
                "2006-01-02T15:04:05 -0700 -0700",
            ),
            (
                "Mon,  02 Jan 2006 15:04:05 MST",
                "2006-01-02T15:04:05 +0000 UTC",
            ),
            (
                "Mon, 02 Jan 2006 5:04:05.25 MST",
                "2006-01-02T05:04:05.25 +0000 UTC",
            ),
            (
                "Tue, 02 Jan 2006 15:04:05 GMT+1",
                "2006-01-02T16:04:05 +0000 UTC",
            ),
            (
                "Tue, 02 Jan 2006 15:04:05 GMT-3",
                "2006-01-02T12:04:05 +0000 UTC",
            ),
            ("02 Jan 06 15:04 +0100", "2006-01-02T15:04:00 +0100 +0100"),
            ("02 Jan 68 15:04 UTC", "2068-01-02T15:04:00 +0000 UTC"),
            ("02 Jan 69 15:04 UTC", "1969-01-02T15:04:00 +0000 UTC"),
            (
                "Tuesday, 02-Jan-06 15:04:05 PST",
                "2006-01-02T15:04:05 +0000 UTC",
            ),
            ("Mon Jan  2 15:04:05 2006", "2006-01-02T15:04:05 +0000 UTC"),
            (
                "Mon Jan 02 15:04:05 -0700 2006",
                "2006-01-02T15:04:05 -0700 -0700",
            ),
            (
                "2024-01-02 10:00:00.5 +0100 CET",
                "2024-01-02T10:00:00.5 +0100 CET",
            ),
            (
                "2024-01-02 10:00:00.123456789123 +0100 CET",
                "2024-01-02T10:00:00.123456789 +0100 CET",
            ),
            ("2024-01-02T10:00:00,5Z", "2024-01-02T10:00:00.5 +0000 UTC"),
            ("2024-01-02T9:05:00", "2024-01-02T09:05:00 +0000 UTC"),
            ("12:04AM", "0000-01-01T00:04:00 +0000 UTC"),
            ("3:04PM", "0000-01-01T15:04:00 +0000 UTC"),
            ("Feb 29 15:04:05", "0000-02-29T15:04:05 +0000 UTC"),
            (
                "Jan 2 15:04:05.123456",
                "0000-01-02T15:04:05.123456 +0000 UTC",
            ),
        ] {
            assert_eq!(read_as_hugo(text).as_deref(), Some(hugo), "{text}");
        }
    }

    /// Each stops Hugo 0.168's build ("the \"date\" front matter field is not a parsable
    /// date").
    #[test]
    fn dates_no_layout_of_casts_reads_are_none() {
        for text in [
            "Jan 2, 2024",
            "2 Jan 2024",
            "02 Jan 24",
            "2024-01-01 10:30",
            "2024-01-01T10:00",
            "2024-01-01t10:00:00Z",
            "2024-01-01T10:00:00z",
            "2024-01-01T10:00:00+25:00",
            "2024-01-01T10:00:00+01:00:30",
            "2024-1-2",
            "2024/01/02",
            "2023-02-29",
            "2001-12-14 21:59:43.10 -5",
            "2024-01-02 10:00:00 MST",
            "2024-01-02 10:00:00 +0100 ABCDEF",
            "2024-01-02T10:00:00 CET",
            "Mon, 2 Jan 2006 15:04:05 MST",
            "Xyz, 02 Jan 2006 15:04:05 MST",
            "13:04PM",
            "3:04 PM",
            "3:04pm",
            "Jan 32 15:04:05",
            "Feb 30 15:04:05",
            "Jan 2 24:04:05",
            "Jan 2 15:60:05",
            " 2024-01-02",
            "soon",
        ] {
            assert_eq!(read_as_hugo(text), None, "{text}");
        }
    }
}
