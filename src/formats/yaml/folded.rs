//! Writing a folded block scalar (`>`) as one again, where the value allows it, keeping the
//! old lines where their text is unchanged: an edit of one word of a wrapped description
//! changes that line alone.
//!
//! YAML 1.2 §8.1.3 (folded style): a line break between two lines of text is read as a
//! space, and `k` empty lines between them as `k` line breaks; a line that starts with a
//! blank ("more indented") keeps its line breaks, which Folio does not write here (the
//! value is then written literally, `|`, as before).

use crate::formats::Node;

/// The folded block scalar at `node` (its header `>` and its lines) holding `new` instead
/// of `old`, its value: the old lines kept where each paragraph's text is unchanged, and
/// an edited paragraph's changed part put into the lines it was on. Written anew (each
/// paragraph on one line, at the block's indentation `indent`) when the paragraphs or
/// the trailing line breaks changed. `None` where `new` cannot be written folded plainly
/// (a line starting with a blank, a leading line break, a tab or a carriage return), or
/// the old block is not plain folded text.
pub(super) fn write(
    src: &str,
    node: &Node,
    (old, new): (&str, &str),
    indent: (usize, usize),
    eol: &str,
) -> Option<String> {
    let old_block = src.get(node.span.clone())?;
    if !old_block.starts_with('>') {
        return None;
    }
    let (new_body, new_trail) = split_trailing(new);
    if !plain(new_body) {
        return None;
    }
    let (old_body, old_trail) = split_trailing(old);
    let kept = (old_trail == new_trail)
        .then(|| rewrap(old_block, old_body, new_body, indent.0, eol))
        .flatten();
    kept.or_else(|| {
        // Written anew: each value line break is one more empty line between paragraphs.
        let content = paragraphs_apart(new_body);
        let literal = super::write::block(&format!("{content}{new_trail}"), indent, eol);
        literal.strip_prefix('|').map(|rest| format!(">{rest}"))
    })
}

/// `body` as folded source text: a run of `k` line breaks between paragraphs becomes `k`
/// empty lines between them.
fn paragraphs_apart(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 8);
    let mut breaks = 0;
    for c in body.chars() {
        if c == '\n' {
            breaks += 1;
            continue;
        }
        if breaks > 0 {
            out.push_str(&"\n".repeat(breaks + 1));
            breaks = 0;
        }
        out.push(c);
    }
    out
}

/// The value without its trailing line breaks, and them.
fn split_trailing(value: &str) -> (&str, &str) {
    let body = value.trim_end_matches('\n');
    (body, value.get(body.len()..).unwrap_or_default())
}

/// Whether `body` can be written folded without more-indented lines: text that does not
/// start with a line break, no line starting with a blank, no tab or carriage return.
fn plain(body: &str) -> bool {
    !body.is_empty()
        && !body.starts_with('\n')
        && !body.contains(['\t', '\r'])
        && body.split('\n').all(|l| !l.starts_with(' '))
}

/// The paragraphs of a folded value body (split at runs of line breaks), with the number
/// of line breaks after each.
fn paragraphs(body: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let end = rest.find('\n').unwrap_or(rest.len());
        let after = rest.get(end..).unwrap_or_default();
        let breaks = after.len() - after.trim_start_matches('\n').len();
        out.push((rest.get(..end).unwrap_or_default(), breaks));
        rest = after.get(breaks..).unwrap_or_default();
    }
    out
}

/// The old block (header line first) with `new_body` in place of `old_body`, both with the
/// same trailing line breaks, keeping the old header and lines: `None` when the old block
/// is not plain folded text or the paragraphs changed in number or spacing.
fn rewrap(
    old_block: &str,
    old_body: &str,
    new_body: &str,
    indent: usize,
    eol: &str,
) -> Option<String> {
    let (header, content) = old_block.split_once('\n')?;
    let pad = " ".repeat(indent);
    let lines: Vec<&str> = content
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    // The old lines of text, grouped in paragraphs, and the blank lines after the last.
    let text_end = lines.iter().rposition(|l| !l.trim().is_empty())? + 1;
    let mut groups: Vec<Vec<String>> = vec![Vec::new()];
    for line in lines.get(..text_end)? {
        if line.trim().is_empty() {
            if groups.last().is_some_and(|g| !g.is_empty()) {
                groups.push(Vec::new());
            }
            continue;
        }
        let text = line.strip_prefix(pad.as_str())?;
        if text.starts_with([' ', '\t']) {
            return None;
        }
        groups.last_mut()?.push(text.to_string());
    }
    let (old_paras, new_paras) = (paragraphs(old_body), paragraphs(new_body));
    let spacing = |p: &[(&str, usize)]| p.iter().map(|(_, b)| *b).collect::<Vec<_>>();
    if old_paras.len() != groups.len()
        || new_paras.len() != old_paras.len()
        || spacing(&old_paras) != spacing(&new_paras)
        || groups
            .iter()
            .zip(&old_paras)
            .any(|(g, (t, _))| g.join(" ") != *t)
    {
        return None;
    }
    let mut out = String::from(header.strip_suffix('\r').unwrap_or(header));
    for (i, (group, (new_text, breaks))) in groups.iter().zip(&new_paras).enumerate() {
        for line in edited_lines(group, new_text)? {
            out.push_str(eol);
            out.push_str(&pad);
            out.push_str(&line);
        }
        if i + 1 < groups.len() {
            out.push_str(&eol.repeat(*breaks));
        }
    }
    // The blank lines after the text (a kept block's trailing line breaks) as they were.
    for line in lines.get(text_end..)? {
        out.push_str(eol);
        out.push_str(line);
    }
    Some(out)
}

/// A paragraph's old lines with its text changed to `new`: the changed part (after the
/// common beginning, before the common end) put in place of the old part, on the lines it
/// spanned, so the other lines stay as they were. `None` when the result would not fold
/// back to `new` plainly (a line left empty or starting with a blank).
fn edited_lines(lines: &[String], new: &str) -> Option<Vec<String>> {
    let old = lines.join(" ");
    if old == new {
        return Some(lines.to_vec());
    }
    let (mut prefix, mut suffix) = crate::text::shared_ends(old.as_bytes(), new.as_bytes());
    while !(old.is_char_boundary(prefix) && new.is_char_boundary(prefix)) {
        prefix -= 1;
    }
    while !(old.is_char_boundary(old.len() - suffix) && new.is_char_boundary(new.len() - suffix)) {
        suffix -= 1;
    }
    let middle = new.get(prefix..new.len() - suffix)?;
    let end = old.len() - suffix;
    // Where each line starts in `old` (lines joined by one blank).
    let starts: Vec<usize> = lines
        .iter()
        .scan(0, |at, l| {
            let start = *at;
            *at += l.len() + 1;
            Some(start)
        })
        .collect();
    let first = starts.iter().rposition(|&s| s <= prefix)?;
    let last = starts
        .iter()
        .zip(lines)
        .position(|(&s, l)| end <= s + l.len())?;
    let (a, b) = (lines.get(first)?, lines.get(last)?);
    let merged = format!(
        "{}{middle}{}",
        a.get(..prefix - starts.get(first)?)?,
        b.get(end - starts.get(last)?..)?
    );
    if merged.is_empty() || merged.starts_with(' ') {
        return None;
    }
    let mut out: Vec<String> = lines.get(..first)?.to_vec();
    out.push(merged);
    out.extend_from_slice(lines.get(last + 1..)?);
    (out.join(" ") == new).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.split('\n').map(str::to_string).collect()
    }

    #[test]
    fn a_word_changed_in_a_wrapped_paragraph_changes_its_line_alone() {
        let old = lines("This is a long folded summary that\nwraps over several lines in the source\nand reads as one line.");
        let new = "This is a long folded summary that wraps over many lines in the source and reads as one line.";
        assert_eq!(
            edited_lines(&old, new).unwrap(),
            lines("This is a long folded summary that\nwraps over many lines in the source\nand reads as one line.")
        );
        // The blank between two lines removed: the lines join.
        let joined = "This is a long folded summary thatwraps over several lines in the source and reads as one line.";
        assert_eq!(edited_lines(&old, joined).unwrap().len(), 2);
        // A line emptied is refused (an empty line is a line break to YAML).
        let gone = "This is a long folded summary that  and reads as one line.";
        assert_eq!(edited_lines(&old, gone), None);
    }

    #[test]
    fn paragraphs_are_set_apart_by_one_more_empty_line_than_their_line_breaks() {
        assert_eq!(paragraphs_apart("a\nb\n\nc"), "a\n\nb\n\n\nc");
        assert_eq!(paragraphs("a\nb\n\nc"), vec![("a", 1), ("b", 2), ("c", 0)]);
    }
}
