// Front matter dates as Hugo reads them, for the date field: which typed text is a date, and
// a date picked from a calendar written in the format the page's date had. No DOM here, so
// the tests run these with node against Hugo itself (tests/testsuite/frontmatter.rs).

/** Splits a date as written, so the picker can edit it and keep the file's format; null
 *  for text Hugo does not read as a date, which stops its build ("not a parsable date").
 *  The forms are the year-first ones of the engine's `Moment::hugo_reads_date`
 *  (src/templates/engine/time.rs, checked with Hugo 0.168): a day; a day and a time to
 *  the second (its hour may be one digit), with `T` or a blank between, and a `Z` or an
 *  offset after (after a blank time, a blank may come before the offset, or Go's
 *  `-0700 MST` with a zone name Go takes: `goZoneName`); seconds may have a fraction; an
 *  offset's hours go to 24 and its minutes to 60. A time without its seconds, or a day
 *  that does not exist (`2025-02-30`), is no date. */
export function parseDate(text) {
  const m = /^(\d{4}-\d{2}-\d{2})(?:([T ])(\d{1,2}:\d{2})(:\d{2}(?:\.\d+)?)(Z|( ?)[+-](\d{2})(:?)(\d{2})(?: (.+))?)?)?$/.exec(text ?? "");
  if (!m) return null;
  const [, day, sep, hm, seconds, zone, blank, oh, colon, om, name] = m;
  // A blank before the offset only after a blank time; a zone's name only after a blank
  // and four digits.
  if (zone && zone !== "Z" && ((sep === "T" && blank) || (name !== undefined && (!blank || colon || !goZoneName(name))))) return null;
  if (Number(oh ?? 0) > 24 || Number(om ?? 0) > 60) return null;
  const [y, mo, d] = day.split("-").map(Number);
  const [h, mi] = (hm ?? "00:00").split(":").map(Number);
  const s = seconds ? Number(seconds.slice(1, 3)) : 0;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (!days || d < 1 || d > days || h > 23 || mi > 59 || s > 59) return null;
  return { date: day, sep: sep ?? "T", time: hm ?? null, seconds: seconds ?? "", zone: zone ?? "" };
}

/** Whether Go's `time.Parse` takes `name` as a zone's name ending a date: the engine's
 *  `go_zone_name` (src/templates/engine/time.rs), from Go's `parseTimeZone`. */
function goZoneName(name) {
  const signedHour = (t) => /^[+-]\d+$/.test(t) && Number(t.slice(1)) <= 23;
  if (name.length < 3) return false;
  if (["UTC", "ChST", "MeST", "GMT", "WITA"].includes(name)) return true;
  if (name.startsWith("GMT")) return signedHour(name.slice(3));
  if (/^[+-]/.test(name)) return signedHour(name);
  return /^[A-Z]{3}$/.test(name) || /^[A-Z]{3,4}T$/.test(name);
}

/** Rebuilds a date in the original's format from a picker value (`2025-07-01`, or
 *  `2025-07-01T09:30`, with `:SS` when its seconds are not 0): a date with a time gets
 *  its seconds, which Hugo needs, `:00` where the calendar left them out; the original's
 *  own (with their fraction) where the picked second is the original's. */
export function formatDate(original, value) {
  if (!value) return null;
  if (!original || !original.time) return value.slice(0, 10);
  const [date, time = "00:00"] = value.split("T");
  const hm = time.slice(0, 5);
  const picked = time.length > 5 ? time.slice(5, 8) : ":00";
  const same = hm === original.time.padStart(5, "0") && picked === original.seconds.slice(0, 3);
  return `${date}${original.sep}${hm}${same ? original.seconds : picked}${original.zone}`;
}
