//! The tokens that stand in the Markdown for what is rendered apart (a `{{< >}}`
//! shortcode's output, a block's anchor), and the one pass that puts the real HTML back.
//! Letters and digits only, so Markdown leaves them alone; each ends in `X` so `…1X` and
//! `…12X` cannot be confused.

/// The prefix of a shortcode's placeholder.
const SHORTCODE: &str = "FOLIOSHORTCODEPLACEHOLDER";
/// The prefix of a block anchor's placeholder.
const ANCHOR: &str = "FOLIOBLOCKANCHOR";

/// Stands in the Markdown for a rendered `{{< >}}` shortcode; letters and digits only, so
/// Markdown leaves it alone.
pub(super) fn placeholder(i: usize) -> String {
    format!("{SHORTCODE}{i}X")
}

/// Stands in the Markdown, as a paragraph of its own, for the anchor of block `k`.
pub(super) fn anchor_token(k: usize) -> String {
    format!("{ANCHOR}{k}X")
}

/// Puts shortcode outputs and block anchors in place of their placeholders, in one pass.
/// `anchored` is sorted (blocks are anchored in order); `ids` names each block's anchor by
/// position (a block without one is named by its position).
/// A `<p>` holding only a placeholder is dropped, as Hugo does.
pub(super) fn merge_placeholders(
    html: &str,
    mut outputs: Vec<String>,
    anchored: &[usize],
    ids: &[usize],
) -> String {
    const SC: &str = SHORTCODE;
    if outputs.is_empty() && anchored.is_empty() {
        return html.to_string();
    }
    let mut out =
        String::with_capacity(html.len() + outputs.iter().map(String::len).sum::<usize>());
    let finder = memchr::memmem::Finder::new(b"FOLIO");
    let mut pos = 0;
    while let Some(i) = finder.find(&html.as_bytes()[pos..]) {
        let at = pos + i;
        let rest = &html[at..];
        let (prefix, is_sc) = if rest.starts_with(SC) {
            (SC, true)
        } else if rest.starts_with(ANCHOR) {
            (ANCHOR, false)
        } else {
            out.push_str(&html[pos..at + 5]);
            pos = at + 5;
            continue;
        };
        let digits = rest[prefix.len()..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let n: Option<usize> = rest[prefix.len()..prefix.len() + digits].parse().ok();
        let end = at + prefix.len() + digits;
        let (Some(n), true) = (n, html[end..].starts_with('X')) else {
            out.push_str(&html[pos..end]);
            pos = end;
            continue;
        };
        let replacement = match (is_sc, outputs.get_mut(n)) {
            (true, Some(o)) => std::mem::take(o),
            (false, _) if anchored.binary_search(&n).is_ok() => {
                let id = ids.get(n).copied().unwrap_or(n);
                format!("<a class=\"folio-anchor\" id=\"folio-block-{id}\"></a>")
            }
            _ => {
                out.push_str(&html[pos..end + 1]);
                pos = end + 1;
                continue;
            }
        };
        let wrapped = html[..at].ends_with("<p>") && html[end + 1..].starts_with("</p>");
        if wrapped {
            out.push_str(&html[pos..at - 3]);
            out.push_str(&replacement);
            pos = end + 1 + 4;
        } else {
            out.push_str(&html[pos..at]);
            out.push_str(&replacement);
            pos = end + 1;
        }
    }
    out.push_str(&html[pos..]);
    out
}
