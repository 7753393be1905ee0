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
    if outputs.is_empty() && anchored.is_empty() {
        return html.to_string();
    }
    let mut out =
        String::with_capacity(html.len() + outputs.iter().map(String::len).sum::<usize>());
    let finder = memchr::memmem::Finder::new(b"FOLIO");
    // `html[..done]` is in `out`; the next token is looked for from `from`.
    let (mut done, mut from) = (0, 0);
    while let Some(at) = html
        .get(from..)
        .and_then(|h| finder.find(h.as_bytes()))
        .map(|i| from + i)
    {
        let (Some(before), Some(rest)) = (html.get(..at), html.get(at..)) else {
            break;
        };
        let Some((len, replacement)) = token(rest, &mut outputs, anchored, ids) else {
            // Neither prefix nor digits nor `X` holds "FOLIO", so looking on after it is
            // enough.
            from = at + "FOLIO".len();
            continue;
        };
        let after = rest.get(len..).unwrap_or_default();
        let (kept, skip) = match before.strip_suffix("<p>") {
            Some(kept) if after.starts_with("</p>") => (kept, len + "</p>".len()),
            _ => (before, len),
        };
        out.push_str(kept.get(done..).unwrap_or_default());
        out.push_str(&replacement);
        done = at + skip;
        from = done;
    }
    out.push_str(html.get(done..).unwrap_or_default());
    out
}

/// The token at the start of `rest`, if it is one with something to put in its place: its
/// length and its replacement (a shortcode's output is taken, so it is used once).
fn token(
    rest: &str,
    outputs: &mut [String],
    anchored: &[usize],
    ids: &[usize],
) -> Option<(usize, String)> {
    let (body, is_sc) = match rest.strip_prefix(SHORTCODE) {
        Some(body) => (body, true),
        None => (rest.strip_prefix(ANCHOR)?, false),
    };
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (number, after) = body.split_at_checked(digits)?;
    let n: usize = number.parse().ok()?;
    let after = after.strip_prefix('X')?;
    let replacement = match (is_sc, outputs.get_mut(n)) {
        (true, Some(o)) => std::mem::take(o),
        (false, _) if anchored.binary_search(&n).is_ok() => {
            let id = ids.get(n).copied().unwrap_or(n);
            format!("<a class=\"folio-anchor\" id=\"folio-block-{id}\"></a>")
        }
        _ => return None,
    };
    Some((rest.len() - after.len(), replacement))
}
