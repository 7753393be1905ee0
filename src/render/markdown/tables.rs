//! Tables as Goldmark's table extension reads and writes them (`extension/table.go`):
//!
//! - a table may start right under a line of text: Goldmark takes the paragraph's last
//!   line as the header row when the next line is a delimiter row with as many cells, and
//!   keeps the lines before it as a paragraph; pulldown-cmark needs a blank line first, so
//!   one is added to the source ([`tables_after_text`]);
//! - each cell and each row's end is on its own line (`<tr>\n<th>a</th>\n<th>b</th>\n</tr>`),
//!   so copied text and text extraction read the cells apart ([`cell_breaks`]).

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// The cells of a table row (`a | b`, `| a | b |`): `None` if the line has no pipe.
fn cells(line: &str) -> Option<Vec<&str>> {
    let t = line.trim();
    if !t.contains('|') {
        return None;
    }
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    Some(t.split('|').map(str::trim).collect())
}

/// Whether every cell is a delimiter (`---`, `:--`, `--:`, `:-:`).
fn is_delimiter_row(cells: &[&str]) -> bool {
    cells.iter().all(|c| {
        let c = c.strip_prefix(':').unwrap_or(c);
        let c = c.strip_suffix(':').unwrap_or(c);
        !c.is_empty() && c.bytes().all(|b| b == b'-')
    })
}

/// Whether `line` may continue a paragraph of plain text at the top level (not blank, not
/// indented code, not a list, quote, heading, fence or table row of its own).
fn is_text(line: &str) -> bool {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    !t.is_empty()
        && indent < 4
        && !t.starts_with(['>', '#', '-', '*', '+', '|', '`', '~', '<'])
        && !t.starts_with(|c: char| c.is_ascii_digit())
        && !t.contains('|')
}

/// `md` with a blank line before each table that starts right under a line of text.
pub fn tables_after_text(md: &str) -> Cow<'_, str> {
    if !md.contains('|') {
        return Cow::Borrowed(md);
    }
    let lines: Vec<&str> = md.split('\n').collect();
    let mut fence = false;
    let mut breaks = Vec::new();
    for (i, window) in lines.windows(3).enumerate() {
        let [before, header, delimiter] = window else {
            continue;
        };
        if before.trim_start().starts_with("```") || before.trim_start().starts_with("~~~") {
            fence = !fence;
        }
        let table = cells(header)
            .zip(cells(delimiter))
            .is_some_and(|(h, d)| h.len() == d.len() && is_delimiter_row(&d));
        if !fence && table && is_text(before) {
            breaks.push(i + 1);
        }
    }
    if breaks.is_empty() {
        return Cow::Borrowed(md);
    }
    let mut out = String::with_capacity(md.len() + breaks.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if breaks.contains(&i) {
            out.push('\n');
        }
        out.push_str(line);
    }
    Cow::Owned(out)
}

/// A line break before each cell and before each row's end, as Goldmark writes them.
pub fn cell_breaks(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::Table(_))))
    {
        return events;
    }
    let mut out = Vec::with_capacity(events.len() * 2);
    for ev in events {
        if matches!(
            ev,
            Event::Start(Tag::TableCell) | Event::End(TagEnd::TableRow | TagEnd::TableHead)
        ) {
            out.push(Event::Html(CowStr::Borrowed("\n")));
        }
        out.push(ev);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_right_under_text_gets_a_blank_line_before_it() {
        assert_eq!(
            tables_after_text("Throughput:\n a | b\n--- | ---\n c | d"),
            "Throughput:\n\n a | b\n--- | ---\n c | d"
        );
    }

    #[test]
    fn rows_with_other_cell_counts_code_and_tables_already_apart_are_left() {
        for md in [
            "Text\na | b\n--- | --- | ---",
            "```\nText\na | b\n--- | ---\n```",
            "Text\n\na | b\n--- | ---",
        ] {
            assert_eq!(tables_after_text(md), md);
        }
    }
}
