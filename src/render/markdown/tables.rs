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

/// The cells of a table row (`a | b`, `| a | b |`, or one cell without pipes); an escaped
/// pipe (`\|`) is inside a cell.
fn cells(line: &str) -> Vec<&str> {
    let t = line.trim();
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = if t.len() > 1 && !t.ends_with("\\|") {
        inner.strip_suffix('|').unwrap_or(inner)
    } else {
        inner
    };
    let mut out = Vec::new();
    let (mut from, mut escaped) = (0, false);
    for (i, b) in inner.bytes().enumerate() {
        match b {
            b'\\' => escaped = !escaped,
            b'|' if !escaped => {
                out.push(inner.get(from..i).unwrap_or_default().trim());
                from = i + 1;
            }
            _ => escaped = false,
        }
    }
    out.push(inner.get(from..).unwrap_or_default().trim());
    out
}

/// The white space a line starts with.
fn indent(line: &str) -> &str {
    line.get(..line.len() - line.trim_start().len())
        .unwrap_or_default()
}

/// Whether every cell is a delimiter (`---`, `:--`, `--:`, `:-:`).
fn is_delimiter_row(cells: &[&str]) -> bool {
    cells.iter().all(|c| {
        let c = c.strip_prefix(':').unwrap_or(c);
        let c = c.strip_suffix(':').unwrap_or(c);
        !c.is_empty() && c.bytes().all(|b| b == b'-')
    })
}

/// Whether `line` is a table's delimiter row (`--- | :-:`, `| --- |`, `:--`). A line of
/// dashes alone is not: it underlines a heading, or is a rule.
pub fn is_delimiter_line(line: &str) -> bool {
    let t = line.trim();
    (t.contains('|') || t.contains(':')) && is_delimiter_row(&cells(line))
}

/// Whether `line` is plain paragraph text at the top level (not blank, not indented code,
/// not a list item, quote, heading, fence, thematic break or HTML block).
fn is_text(line: &str) -> bool {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    let marker_then_space = |marker: &str| {
        t.strip_prefix(marker)
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
    };
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let ordered = digits > 0
        && t.get(digits..).is_some_and(|r| {
            r.starts_with(['.', ')'])
                && r.get(1..)
                    .is_none_or(|r| r.is_empty() || r.starts_with([' ', '\t']))
        });
    let heading = (1..=6).any(|n| marker_then_space(&"#".repeat(n)));
    let rule = ['-', '*', '_'].iter().any(|&c| {
        t.chars().filter(|&x| x == c).count() >= 3 && t.chars().all(|x| x == c || x == ' ')
    });
    !t.is_empty()
        && indent < 4
        && !t.starts_with('>')
        && !heading
        && !t.starts_with("```")
        && !t.starts_with("~~~")
        && !["-", "*", "+"].into_iter().any(marker_then_space)
        && !rule
        && !ordered
        && !is_html_block(t)
}

/// Whether a line starts an HTML block (CommonMark's kinds 1 to 6 by their usual tags, or
/// kind 7: a lone tag): inline HTML such as `<b> text` does not.
fn is_html_block(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('<') else {
        return false;
    };
    let name: String = rest
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    const BLOCK: &[&str] = &[
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "script",
        "section",
        "style",
        "table",
        "textarea",
        "ul",
    ];
    rest.starts_with(['!', '?'])
        || BLOCK.contains(&name.as_str())
        || t.trim_end().ends_with('>') && !t.contains("> ")
}

/// Whether `header` over `delimiter` starts a table as Goldmark reads one: no more header
/// cells than delimiter cells (fewer are padded with empty ones), a header without pipes
/// being one cell of text.
pub fn starts_table(header: &str, delimiter: &str) -> bool {
    let (h, d) = (cells(header), cells(delimiter));
    is_delimiter_line(delimiter)
        && indent(header).len() < 4
        && indent(delimiter).len() < 4
        && h.len() <= d.len()
        && (header.contains('|') || is_text(header))
        && !header.trim().is_empty()
}

/// `md` with each table pulldown-cmark would not see as Goldmark does made plain to it: a
/// blank line before a table that starts right under a line of text, pipes around the
/// rows of a one-column table written without them, and a row that is only `|` made one
/// empty cell.
pub fn tables_after_text(md: &str) -> Cow<'_, str> {
    if !md.contains('|') && !md.contains(":-") && !md.contains("-:") {
        return Cow::Borrowed(md);
    }
    let lines: Vec<&str> = md.split('\n').collect();
    let mut out: Vec<Cow<str>> = Vec::with_capacity(lines.len());
    let mut changed = false;
    let mut fences = super::Fences::default();
    let mut i = 0;
    while let Some(&line) = lines.get(i) {
        let fence = fences.line(line);
        let next = lines.get(i + 1).copied().unwrap_or_default();
        // A table under an indented line (in a list item) is left to pulldown-cmark: a line
        // added there would change the list.
        let prev = i
            .checked_sub(1)
            .and_then(|p| lines.get(p))
            .copied()
            .unwrap_or("");
        let nested = !prev.trim().is_empty() && !indent(prev).is_empty();
        if fence || nested || !starts_table(line, next) {
            out.push(Cow::Borrowed(line));
            i += 1;
            continue;
        }
        if i > 0 && lines.get(i - 1).is_some_and(|b| is_text(b)) {
            out.push(Cow::Borrowed(""));
            changed = true;
        }
        // The header (padded to the delimiter's cells), the delimiter, and the rows up to a
        // blank line, each with pipes.
        let (h, d) = (cells(line), cells(next));
        if h.len() < d.len() || !line.contains('|') || line.trim() == "|" {
            let pad = d.len() - h.len();
            out.push(Cow::Owned(format!(
                "| {} |{}",
                h.join(" | "),
                " |".repeat(pad)
            )));
            changed = true;
        } else {
            out.push(Cow::Borrowed(line));
        }
        // The delimiter, then rows up to a blank line or a line that starts another block
        // (a heading, a list, a quote, a fence, HTML), where Goldmark's table ends.
        let rows = lines.get(i + 1..).unwrap_or_default();
        let len = 1 + rows.iter().skip(1).take_while(|l| is_text(l)).count();
        for row in rows.iter().take(len) {
            // A row that is only a pipe is an empty row to Goldmark and ends the table
            // for pulldown-cmark: written as one empty cell.
            if row.trim() == "|" {
                out.push(Cow::Owned(format!("{}| |", indent(row))));
                changed = true;
            } else if row.contains('|') {
                out.push(Cow::Borrowed(row));
            } else {
                out.push(Cow::Owned(format!("{}| {} |", indent(row), row.trim())));
                changed = true;
            }
        }
        i += 1 + len;
    }
    if !changed {
        return Cow::Borrowed(md);
    }
    Cow::Owned(out.join("\n"))
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

/// What stands for a cell pulldown-cmark adds to a row with fewer cells than the header
/// ([`pad_cells`]): an empty cell without its column's alignment.
pub const PADDED_CELL: &str = "<td></td>";

/// The cells pulldown-cmark adds to a body row with fewer cells than the header, written
/// as Hugo's embedded `_markup/render-table.html` writes Goldmark's: empty, without their
/// column's `text-align` (Goldmark's cell has no alignment; review 63a, r7). `md` is the
/// text `events` were read from with `options`; a padded cell is one that starts where
/// its row's line ended.
pub fn pad_cells(md: &str, options: pulldown_cmark::Options, events: &mut [Event<'_>]) {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::Table(_))))
    {
        return;
    }
    let padded: Vec<bool> = pulldown_cmark::Parser::new_ext(md, options)
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::Start(Tag::TableCell)))
        .map(|(_, r)| {
            r.is_empty()
                && (r.start >= md.len() || md.get(..r.start).is_some_and(|b| b.ends_with('\n')))
        })
        .collect();
    let mut cell = 0;
    let mut open = None;
    for k in 0..events.len() {
        match events.get(k) {
            Some(Event::Start(Tag::TableCell)) => {
                if padded.get(cell) == Some(&true) {
                    open = Some(k);
                }
                cell += 1;
            }
            Some(Event::End(TagEnd::TableCell)) => {
                if let Some(start) = open.take() {
                    for (n, ev) in events.iter_mut().enumerate().take(k + 1).skip(start) {
                        let html = if n == start { PADDED_CELL } else { "" };
                        *ev = Event::Html(CowStr::Borrowed(html));
                    }
                }
            }
            _ => {}
        }
    }
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
    fn a_table_under_text_with_a_pipe_or_an_escaped_pipe_in_a_cell_is_a_table() {
        assert_eq!(
            tables_after_text("Use a | b here\nx | y\n--- | ---"),
            "Use a | b here\n\nx | y\n--- | ---"
        );
        assert_eq!(
            tables_after_text("*Results* per quarter:\na \\| b | c\n--- | ---"),
            "*Results* per quarter:\n\na \\| b | c\n--- | ---"
        );
    }

    #[test]
    fn a_table_ends_where_another_block_starts() {
        assert_eq!(
            tables_after_text("a | b\n--- | ---\n1 | 2\n# Heading\n- item\nc"),
            "a | b\n--- | ---\n1 | 2\n# Heading\n- item\nc"
        );
        assert_eq!(
            tables_after_text("n\n:--\nrow\n> quote"),
            "| n |\n| :-- |\n| row |\n> quote"
        );
        let list = "- item\n  continued text\n  a | b\n  --- | ---\n  1 | 2\n- next";
        assert_eq!(tables_after_text(list), list);
    }

    #[test]
    fn a_header_with_fewer_cells_than_its_delimiter_is_padded() {
        assert_eq!(
            tables_after_text("a\n--- | ---\nq"),
            "| a | |\n--- | ---\n| q |"
        );
        assert_eq!(
            tables_after_text("Heading\n-- | --"),
            "| Heading | |\n-- | --"
        );
    }

    #[test]
    fn a_one_column_table_without_pipes_gets_them() {
        assert_eq!(tables_after_text("n\n:--\nrow"), "| n |\n| :-- |\n| row |");
    }

    #[test]
    fn rows_with_other_cell_counts_code_and_tables_already_apart_are_left() {
        for md in [
            "Text\na | b | c\n--- | ---",
            "```\nText\na | b\n--- | ---\n```",
            "Text\n\na | b\n--- | ---",
            "Heading\n---",
            "Text\n    a | b\n    --- | ---",
        ] {
            assert_eq!(tables_after_text(md), md);
        }
    }
}
