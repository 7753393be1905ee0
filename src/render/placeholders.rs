//! The tokens that stand in the Markdown for what is rendered apart (a `{{< >}}`
//! shortcode's output, a block's anchor), and the one pass that puts the real HTML back.
//! Letters and digits only, so Markdown leaves them alone; each ends in `X` so `…1X` and
//! `…12X` cannot be confused.

/// The prefix of a shortcode's placeholder.
const SHORTCODE: &str = "FOLIOSHORTCODEPLACEHOLDER";
/// The prefix of a block anchor's placeholder.
const ANCHOR: &str = "FOLIOBLOCKANCHOR";

/// What a call reads for `.Page.TableOfContents` while the page is being rendered: Hugo's
/// placeholder, the same text (`hugolib/shortcode_page.go`, `tocShortcodePlaceholder`;
/// `createShortcodePlaceholder("TOC", 0, 0)`), so a template that measures or changes it
/// sees what Hugo's sees. It goes through Markdown as text (a `{{% %}}` call's output is
/// Markdown) and becomes the table of contents once the page is rendered ([`put_toc`]).
pub(super) const TOC: &str = "HAHAHUGOSHORTCODE0TOC0HBHB";

/// `html` with the table of contents `toc` in place of each [`TOC`]; a `<p>` holding only
/// one goes, as around a call's placeholder.
pub(super) fn put_toc(html: Html, toc: &str) -> Html {
    let pieces = html
        .into_pieces()
        .into_iter()
        .map(|piece| {
            if piece.contains(TOC) {
                piece
                    .replace(&format!("<p>{TOC}</p>"), toc)
                    .replace(TOC, toc)
            } else {
                piece
            }
        })
        .collect();
    Html { pieces }
}

/// Stands in the Markdown for a rendered `{{< >}}` shortcode; letters and digits only, so
/// Markdown leaves it alone.
pub(super) fn placeholder(i: usize) -> String {
    format!("{SHORTCODE}{i}X")
}

/// Whether `url` begins with a `{{< >}}` call's placeholder: a destination the call's
/// output will fill, pointed once it is in ([`point_destinations`]), not before.
pub(super) fn starts_with_placeholder(url: &str) -> bool {
    url.starts_with(SHORTCODE)
}

/// `text` without the placeholders of `{{< >}}` calls (`…7X`): a heading's id is made of
/// its own words, which the page's `.TableOfContents` (made before any call runs) has too.
pub(super) fn without_placeholders(text: &str) -> std::borrow::Cow<'_, str> {
    with_outputs(text, |_| None)
}

/// `text` with each placeholder of a `{{< >}}` call (`…7X`) as the call's `output`, or
/// gone where it has none.
pub(super) fn with_outputs<'t, 'o>(
    text: &'t str,
    output: impl Fn(usize) -> Option<&'o str>,
) -> std::borrow::Cow<'t, str> {
    if !text.contains(SHORTCODE) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(SHORTCODE) {
        out.push_str(rest.get(..at).unwrap_or_default());
        let after = rest.get(at + SHORTCODE.len()..).unwrap_or_default();
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match after.get(digits..).and_then(|a| a.strip_prefix('X')) {
            Some(tail) if digits > 0 => {
                let i = after.get(..digits).and_then(|d| d.parse().ok());
                out.push_str(i.and_then(&output).unwrap_or_default());
                rest = tail;
            }
            _ => {
                out.push_str(SHORTCODE);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Each `{{< >}}` call's output that begins a link or image destination in the page's
/// rendered Markdown `html` (`href="…3X"`, `src='…3X'`, or followed by a `#fragment` or
/// `?query`: `[work]({{< relref "work" >}}#top)`) passed through `rewrite` (a URL,
/// whether it is an image's; as `RenderOptions::rewrite_url`), as the Markdown's own
/// destinations are: Goldmark saw the placeholder, not the URL. The new URL, its suffix
/// left where it is, is escaped for the quoted attribute.
pub(super) fn point_destinations(
    html: &str,
    outputs: &mut [String],
    rewrite: &dyn Fn(&str, bool) -> Option<String>,
) {
    for (at, _) in html.match_indices(SHORTCODE) {
        let before = html.get(..at).unwrap_or_default();
        let Some(quote) = before
            .chars()
            .next_back()
            .filter(|c| matches!(c, '"' | '\''))
        else {
            continue;
        };
        let name = before
            .get(..before.len() - 1)
            .and_then(|b| b.strip_suffix('='));
        let image = match name {
            Some(name) if name.ends_with(" src") => true,
            Some(name) if name.ends_with(" href") => false,
            _ => continue,
        };
        let after = html.get(at + SHORTCODE.len()..).unwrap_or_default();
        let Some((index, rest)) = numbered(after) else {
            continue;
        };
        let suffix = rest.split(quote).next().unwrap_or_default();
        let whole =
            suffix.is_empty() || suffix.starts_with(['#', '?']) && !suffix.contains(SHORTCODE);
        let Some(output) = outputs.get_mut(index).filter(|_| whole) else {
            continue;
        };
        let url = format!("{}{suffix}", output.trim());
        let new = rewrite(&url, image).and_then(|new| new.strip_suffix(suffix).map(str::to_string));
        if let Some(new) = new {
            *output = html_escape::encode_quoted_attribute(&new).into_owned();
        }
    }
}

/// The slots of `count` outputs in the order their placeholders first appear in `html`,
/// those it does not hold left out: the order Hugo renders a text's `{{< >}}` calls in, as
/// it replaces their tokens in the rendered HTML (`hugolib/page__content.go`,
/// `expandShortcodeTokens`), so a call in a footnote runs after those below it, and one
/// whose token the Markdown dropped (in raw HTML Goldmark omits) not at all.
pub(super) fn order_in(html: &str, count: usize) -> Vec<usize> {
    let mut seen = vec![false; count];
    let mut order = Vec::with_capacity(count);
    for at in memchr::memmem::find_iter(html.as_bytes(), SHORTCODE) {
        let after = html.get(at + SHORTCODE.len()..).unwrap_or_default();
        if let Some((n, _)) = numbered(after) {
            if let Some(first) = seen.get_mut(n).filter(|s| !**s) {
                *first = true;
                order.push(n);
            }
        }
    }
    order
}

/// A placeholder's number and the text after it, from the text after its prefix
/// (`12X…` → 12 and `…`); `None` when no number and `X` follow.
fn numbered(body: &str) -> Option<(usize, &str)> {
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (number, after) = body.split_at_checked(digits)?;
    Some((number.parse().ok()?, after.strip_prefix('X')?))
}

/// Stands in the Markdown, as a paragraph of its own, for the anchor of block `k`.
pub(super) fn anchor_token(k: usize) -> String {
    format!("{ANCHOR}{k}X")
}

/// Puts shortcode outputs and block anchors in place of their placeholders, in one pass.
/// `anchored` is sorted (blocks are anchored in order); `ids` names each block's anchor by
/// position (a block without one is named by its position).
/// A `<p>` holding only a placeholder is dropped, as Hugo does. Each output stays in the
/// string it was rendered in: the result is in pieces ([`Html`]). A placeholder found
/// twice (an autolink's address is both its `href` and its text) gets the output each
/// time, as Hugo's replacer puts it wherever its token is.
pub(super) fn merge_placeholders(
    html: String,
    mut outputs: Vec<String>,
    anchored: &[usize],
    ids: &[usize],
) -> Html {
    if outputs.is_empty() && anchored.is_empty() {
        return Html::from(html);
    }
    let mut out: Vec<String> = Vec::with_capacity(2 * outputs.len() + 1);
    // The piece each output was put in, once it was.
    let mut placed: Vec<Option<usize>> = vec![None; outputs.len()];
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
        let Some((len, found)) = token(rest, outputs.len(), anchored, ids) else {
            // Neither prefix nor digits nor `X` holds "FOLIO", so looking on after it is
            // enough.
            from = at + "FOLIO".len();
            continue;
        };
        let replacement = match found {
            Token::Output(n) => match placed.get(n).copied().flatten() {
                Some(piece) => out.get(piece).cloned().unwrap_or_default(),
                None => {
                    if let Some(p) = placed.get_mut(n) {
                        // The piece the output goes in, pushed below.
                        *p = Some(out.len() + 1);
                    }
                    outputs.get_mut(n).map(std::mem::take).unwrap_or_default()
                }
            },
            Token::Anchor(html) => html,
        };
        let after = rest.get(len..).unwrap_or_default();
        let (kept, skip) = match before.strip_suffix("<p>") {
            Some(kept) if after.starts_with("</p>") => (kept, len + "</p>".len()),
            _ => (before, len),
        };
        out.push(kept.get(done..).unwrap_or_default().to_string());
        out.push(replacement);
        done = at + skip;
        from = done;
    }
    out.push(html.get(done..).unwrap_or_default().to_string());
    out.retain(|piece| !piece.is_empty());
    Html { pieces: out }
}

/// Rendered HTML in pieces, in order: a page's text between its calls, and each call's
/// output in the string it was rendered in. A long page's body (1.2 MB for 1000 cards) is
/// joined only where one string is needed (the preview's document); an export writes the
/// pieces as they are. Joining meant copying the body into fresh memory, page faults and
/// all: 1.0 to 1.7 ms of the 1000-card export's 23, on one thread, after every call was
/// rendered.
#[derive(Debug, Clone, Default)]
pub struct Html {
    pieces: Vec<String>,
}

impl Html {
    /// The pieces, in order.
    pub fn pieces(&self) -> &[String] {
        &self.pieces
    }

    /// The pieces, in order, to keep.
    pub fn into_pieces(self) -> Vec<String> {
        self.pieces
    }

    /// The HTML as one string (a single piece is not copied).
    pub fn into_string(mut self) -> String {
        if self.pieces.len() == 1 {
            return self.pieces.pop().unwrap_or_default();
        }
        self.pieces.concat()
    }

    /// The length in bytes.
    pub fn len(&self) -> usize {
        self.pieces.iter().map(String::len).sum()
    }

    /// Whether there is no HTML.
    pub fn is_empty(&self) -> bool {
        self.pieces.iter().all(String::is_empty)
    }

    /// `before`, then this HTML, then `after`.
    pub fn between(mut self, before: String, after: String) -> Html {
        self.pieces.insert(0, before);
        self.pieces.push(after);
        self.pieces.retain(|piece| !piece.is_empty());
        self
    }
}

impl From<String> for Html {
    fn from(html: String) -> Html {
        Html {
            pieces: if html.is_empty() {
                Vec::new()
            } else {
                vec![html]
            },
        }
    }
}

impl std::fmt::Display for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.pieces.iter().try_for_each(|piece| f.write_str(piece))
    }
}

/// Equal when the HTML is, however it is cut into pieces.
impl PartialEq for Html {
    fn eq(&self, other: &Html) -> bool {
        fn bytes(h: &Html) -> impl Iterator<Item = u8> + '_ {
            h.pieces.iter().flat_map(|p| p.bytes())
        }
        self.len() == other.len() && bytes(self).eq(bytes(other))
    }
}

impl Eq for Html {}

/// What a token stands for.
enum Token {
    /// The output of the `n`th call.
    Output(usize),
    /// A block's anchor, as HTML.
    Anchor(String),
}

/// The token at the start of `rest`, if it is one with something to put in its place (a
/// call of the `outputs` calls, or an anchored block): its length and what it stands for.
fn token(rest: &str, outputs: usize, anchored: &[usize], ids: &[usize]) -> Option<(usize, Token)> {
    let (body, is_sc) = match rest.strip_prefix(SHORTCODE) {
        Some(body) => (body, true),
        None => (rest.strip_prefix(ANCHOR)?, false),
    };
    let (n, after) = numbered(body)?;
    let found = match is_sc {
        true if n < outputs => Token::Output(n),
        false if anchored.binary_search(&n).is_ok() => {
            let id = ids.get(n).copied().unwrap_or(n);
            Token::Anchor(format!(
                "<a class=\"folio-anchor\" id=\"folio-block-{id}\"></a>"
            ))
        }
        _ => return None,
    };
    Some((rest.len() - after.len(), found))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(html: &Html) -> Vec<&str> {
        html.pieces().iter().map(String::as_str).collect()
    }

    #[test]
    fn each_output_stays_a_piece_of_its_own_between_the_text_around_it() {
        let html = format!("<p>{}</p>\nx {} y", placeholder(0), placeholder(1));
        let merged = merge_placeholders(html, vec!["<div>A</div>".into(), "B".into()], &[], &[]);
        assert_eq!(pieces(&merged), ["<div>A</div>", "\nx ", "B", " y"]);
        assert_eq!(merged.to_string(), "<div>A</div>\nx B y");
    }

    #[test]
    fn html_is_equal_to_the_same_text_however_it_is_cut() {
        let cut = Html {
            pieces: vec!["<p>a".into(), "b</p>".into()],
        };
        assert_eq!(cut, Html::from("<p>ab</p>".to_string()));
        assert_ne!(cut, Html::from("<p>ac</p>".to_string()));
        assert_eq!(cut.len(), 9);
        assert_eq!(cut.into_string(), "<p>ab</p>");
    }

    #[test]
    fn html_between_two_strings_has_no_empty_piece() {
        let html = Html::from("<p>a</p>".to_string()).between(String::new(), "<hr>".into());
        assert_eq!(pieces(&html), ["<p>a</p>", "<hr>"]);
        assert!(Html::default().is_empty());
    }
}
