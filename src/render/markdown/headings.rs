//! Heading ids as Hugo's Goldmark gives them: `{#id}` attributes kept, the others from the
//! text by the site's anchorizer (`markup.goldmark.parser.autoHeadingIDType`: "github",
//! "github-ascii" or "blackfriday"; Hugo's `markup/goldmark/autoid.go`), made unique per
//! render.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use crate::render::entities;
use crate::text::{go_digit, go_letter};

/// Gives headings without an `{#id}` the id Hugo's Goldmark gives them ([`anchorize`] by
/// the site's `heading_ids` type), unique within the render: an id handed out already (an
/// `{#id}` included) gets `-1`, `-2`… until it is not (Hugo's `idFactory`, `autoid.go`).
/// With `definition_term_ids` (`markup.goldmark.parser.autoDefinitionTermID`), a
/// definition list's terms get ids too, from the same ids in the order of the text (hunt
/// AQ-6).
pub(super) fn heading_ids(events: &mut [Event], markup: &crate::site::Markup) {
    let (id_type, term_ids) = (markup.heading_ids, markup.definition_term_ids);
    for event in events.iter_mut() {
        if let Event::Start(Tag::Heading {
            id, classes, attrs, ..
        }) = event
        {
            goldmark_attributes(id, classes, attrs);
        }
    }
    let mut used: HashSet<String> = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        let end = match events.get(i) {
            Some(Event::Start(Tag::Heading { id: Some(own), .. })) => {
                used.insert(own.to_string());
                None
            }
            Some(Event::Start(Tag::Heading { id: None, .. })) if markup.auto_heading_ids => {
                Some(TagEnd::Heading(pulldown_cmark::HeadingLevel::H1))
            }
            Some(Event::Start(Tag::DefinitionListTitle)) if term_ids => {
                Some(TagEnd::DefinitionListTitle)
            }
            _ => None,
        };
        let Some(end) = end else {
            i += 1;
            continue;
        };
        let inside = events.get(i + 1..).unwrap_or_default();
        let len = inside
            .iter()
            .take_while(|e| {
                !matches!(
                    (e, end),
                    (Event::End(TagEnd::Heading(_)), TagEnd::Heading(_))
                        | (
                            Event::End(TagEnd::DefinitionListTitle),
                            TagEnd::DefinitionListTitle
                        )
                )
            })
            .count();
        let inside = inside.get(..len).unwrap_or_default();
        let id = next_id(inside, (id_type, markup.extensions.typography), &mut used);
        match (events.get_mut(i), id) {
            (Some(Event::Start(Tag::Heading { id: slot, .. })), Some(id)) => {
                *slot = Some(CowStr::from(id));
            }
            (Some(slot @ Event::Start(Tag::DefinitionListTitle)), Some(id)) => {
                let id = html_escape::encode_double_quoted_attribute(&id).into_owned();
                *slot = Event::Html(CowStr::from(format!("<dt id=\"{id}\">")));
            }
            _ => {}
        }
        i += 1 + len;
    }
}

/// The id of the element whose content is `inside` (a heading's, a term's), unique among
/// `used`, which it joins; `None` for an element with no text.
fn next_id(
    inside: &[Event],
    (id_type, typography): (AutoHeadingIdType, &crate::render::Typography),
    used: &mut HashSet<String>,
) -> Option<String> {
    // A passthrough span (math) adds nothing to the id, as in Goldmark.
    let text = heading_text(inside);
    let text = entities::plain(&text, typography);
    let text = super::without_marks(&text);
    // A heading that is only a call (whose placeholder's number differs between the
    // page's render and its contents') is named `shortcode`.
    let words = crate::render::placeholders::without_placeholders(&text);
    let text = if words.trim().is_empty() && !text.trim().is_empty() {
        "shortcode".to_string()
    } else {
        words.into_owned()
    };
    if text.trim().is_empty() {
        return None;
    }
    // Text with nothing an anchor keeps (`# ...`) is Hugo's "heading".
    let base = Some(anchorize(&text, id_type))
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| "heading".into());
    let id = std::iter::once(base.clone())
        .chain((1..).map(|n| format!("{base}-{n}")))
        .find(|id| !used.contains(id))
        .unwrap_or(base);
    used.insert(id.clone());
    Some(id)
}

/// A heading's `{…}` attributes as Goldmark reads them (`parser/attribute.go`): a value in
/// double quotes is one value without its quotes, spaces and all (pulldown-cmark splits
/// `{class="a b"}` at the space and keeps the quotes), and `id=x` and `class=x` are the
/// heading's id and class (pulldown-cmark keeps them as other attributes, so the heading
/// got two ids). Goldmark writes them in the order written, pulldown-cmark's writer id and
/// class first: the same attributes, which no browser tells apart. Left: pulldown-cmark
/// has dropped a one-character word by now and split words at any run of spaces
/// (`title="a b"` reaches here as `title="a`), and takes `.x` and `#x` words inside quotes
/// for a class and an id; Goldmark's single-quoted values are not values (its block stays
/// text).
fn goldmark_attributes<'a>(
    id: &mut Option<CowStr<'a>>,
    classes: &mut Vec<CowStr<'a>>,
    attrs: &mut Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
) {
    if attrs.is_empty() {
        return;
    }
    let mut joined: Vec<(String, Option<String>)> = Vec::new();
    let mut open: Option<char> = None;
    for (key, value) in attrs.drain(..) {
        match (open, joined.last_mut()) {
            (Some(quote), Some((_, Some(text)))) => {
                text.push(' ');
                text.push_str(&key);
                if let Some(v) = &value {
                    text.push('=');
                    text.push_str(v);
                }
                if text.len() > 1 && text.ends_with(quote) {
                    open = None;
                }
            }
            _ => {
                let value = value.map(|v| v.to_string());
                open = value.as_deref().and_then(|v| {
                    let quote = v.chars().next().filter(|c| *c == '"')?;
                    (v.len() == 1 || !v.ends_with(quote)).then_some(quote)
                });
                joined.push((key.to_string(), value));
            }
        }
    }
    for (key, value) in joined {
        let value = value.map(|v| {
            v.strip_prefix('"')
                .and_then(|r| r.strip_suffix('"'))
                .map_or(v.clone(), str::to_string)
        });
        match (key.as_str(), value) {
            ("id", Some(v)) => *id = Some(CowStr::from(v)),
            ("class", Some(v)) => {
                classes.extend(v.split_whitespace().map(|c| CowStr::from(c.to_string())))
            }
            (_, value) => attrs.push((CowStr::from(key), value.map(CowStr::from))),
        }
    }
}

/// The text Hugo's Goldmark makes a heading's id from (`Node.Text`): each top-level piece's
/// text, but of emphasis, strong emphasis, strikethrough and links only their first piece
/// (`# **a 'b'**` is `a`, `# **`c` d**` is `c`; each character the typographer put is a
/// piece of its own), and nothing of a bare or `<…>` link.
fn heading_text(events: &[Event]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(e) = events.get(i) {
        match e {
            Event::Text(t) | Event::Code(t) => out.push_str(t),
            Event::InlineHtml(h) if super::extras::is_start_tag(h) => {
                let (piece, len) = first_piece(events.get(i..).unwrap_or_default());
                out.push_str(&piece);
                i += len;
                continue;
            }
            Event::Start(_) => {
                let (piece, len) = first_piece(events.get(i..).unwrap_or_default());
                out.push_str(&piece);
                i += len;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The text of the first piece inside the container that starts `events` (nothing for a
/// bare or `<…>` link), and how many events the container takes. One pass, whatever the
/// nesting: no recursion.
fn first_piece(events: &[Event]) -> (String, usize) {
    let mut depth = 0usize;
    // Still looking for the first piece: only while each event so far opened a container.
    let mut piece: Option<String> = None;
    for (n, e) in events.iter().enumerate() {
        match e {
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => {
                depth += 1;
                piece.get_or_insert_with(String::new);
            }
            Event::Start(_) => depth += 1,
            Event::InlineHtml(h) if super::extras::is_start_tag(h) => depth += 1,
            // An end, or the end tag of a `<mark>` or `<ins>` (`extras.rs`).
            Event::End(_) | Event::InlineHtml(_) if ends(e) => {
                depth = depth.saturating_sub(1);
                piece.get_or_insert_with(String::new);
                if depth == 0 {
                    return (piece.unwrap_or_default(), n + 1);
                }
            }
            Event::Text(t) if piece.is_none() => {
                piece = Some(match t.chars().next() {
                    Some(c) if entities::is_substitution(c) => c.to_string(),
                    _ => t
                        .split(entities::is_substitution)
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                });
            }
            Event::Code(t) if piece.is_none() => piece = Some(t.to_string()),
            _ => {
                piece.get_or_insert_with(String::new);
            }
        }
    }
    (piece.unwrap_or_default(), events.len())
}

fn ends(e: &Event) -> bool {
    match e {
        Event::End(_) => true,
        Event::InlineHtml(h) => super::extras::is_tag(h),
        _ => false,
    }
}

/// How a heading's id is made from its text: Hugo's `autoHeadingIDType`
/// (`markup.goldmark.parser`, `markup/goldmark/goldmark_config/config.go`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AutoHeadingIdType {
    /// `github`, the default: lower case, `-` for each space and hyphen, letters, digits
    /// and `_` kept, anything else dropped.
    #[default]
    GitHub,
    /// `github-ascii`: the same of the text with its accents taken off (`é` is `e`), and
    /// any other non-ASCII character dropped.
    GitHubAscii,
    /// `blackfriday`: lower-case letters and digits, one `-` for each run of anything
    /// else between them (Blackfriday's `SanitizedAnchorName`).
    Blackfriday,
}

impl AutoHeadingIdType {
    /// The type a site's setting names, as Hugo compares it (exactly); `None` for a name
    /// Hugo does not have (which it reads as `github`).
    pub fn from_name(name: &str) -> Option<AutoHeadingIdType> {
        match name {
            "github" => Some(AutoHeadingIdType::GitHub),
            "github-ascii" => Some(AutoHeadingIdType::GitHubAscii),
            "blackfriday" => Some(AutoHeadingIdType::Blackfriday),
            _ => None,
        }
    }
}

/// The heading anchor Hugo gives `text` by `id_type` (its `sanitizeAnchorNameWithHook`,
/// `markup/goldmark/autoid.go`); also the `anchorize` function's.
pub fn anchorize(text: &str, id_type: AutoHeadingIdType) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    if id_type == AutoHeadingIdType::Blackfriday {
        return blackfriday_anchor(text);
    }
    let ascii = id_type == AutoHeadingIdType::GitHubAscii;
    // Accents off first (NFD, marks dropped, NFC), as Hugo's `asciiTransformer`.
    let text: std::borrow::Cow<str> = if ascii {
        text.nfd()
            .filter(|c| !is_combining_mark(*c))
            .nfc()
            .collect::<String>()
            .into()
    } else {
        text.into()
    };
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if ascii && !c.is_ascii() {
            continue;
        }
        // A space only: a no-break space or a tab is dropped, as any other character.
        if c == '-' || c == ' ' {
            out.push('-');
        } else if c == '_' || go_letter(c) || go_digit(c) {
            out.push(go_lower(c));
        }
    }
    out
}

/// Blackfriday's anchor: letters and numbers lower-cased, one `-` between two of them
/// for any run of other characters, none at the ends.
fn blackfriday_anchor(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if go_letter(c) || c.is_numeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(go_lower(c));
        } else {
            dash = true;
        }
    }
    out
}

/// Go's `unicode.ToLower`: one character for one (`İ` is `i`).
fn go_lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Which headings a table of contents lists, and how: Hugo's `markup.tableOfContents`
/// (`startLevel`, `endLevel`, `ordered`; 2, 3 and false by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TocSettings {
    /// The first level listed (2: `<h2>`).
    pub start: u8,
    /// The last level listed.
    pub end: u8,
    /// `<ol>` rather than `<ul>`.
    pub ordered: bool,
}

impl Default for TocSettings {
    fn default() -> TocSettings {
        TocSettings {
            start: 2,
            end: 3,
            ordered: false,
        }
    }
}

/// The attribute that marks a heading of Markdown's in HTML made for
/// [`table_of_contents`] ([`super::Markdown::for_toc`]).
pub const TOC_MARK: &str = "data-folio-toc";

/// Marks each heading in `events` with [`TOC_MARK`].
pub(super) fn mark_for_toc(events: &mut [Event]) {
    for event in events {
        if let Event::Start(Tag::Heading { attrs, .. }) = event {
            attrs.push((CowStr::Borrowed(TOC_MARK), None));
        }
    }
}

/// A page's `.TableOfContents` from its content's HTML (rendered without render hooks,
/// Markdown's headings marked: [`super::Markdown::for_toc`]): Hugo's
/// `<nav id="TableOfContents">` of nested lists, indented as Hugo writes it
/// (`markup/tableofcontents`), each of Markdown's headings (not raw HTML's) a link to its
/// id holding its inline HTML without links, raw HTML Hugo omits or footnote references
/// (Hugo's `tocTransformer` skips them, `markup/goldmark/toc.go`).
pub fn table_of_contents(html: &str, settings: TocSettings) -> String {
    static HEADING: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"(?s)<h([1-6])\b([^>]*\bdata-folio-toc\b[^>]*)>(.*?)</h[1-6]>"#)
            .expect("a valid pattern")
    });
    // A heading without an id (`autoHeadingID = false`) is listed too, its link `#`, as
    // Hugo lists it (review 63d, r3).
    static ID: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r#"\bid="([^"]*)""#).expect("a valid pattern"));
    static FOOTNOTE_REFERENCE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"(?s)<sup id="fnref[^"]*">.*?</sup>"#).expect("a valid pattern")
    });
    let heading = &*HEADING;
    // Each listed heading: its depth under the first listed level, its id and title.
    let headings: Vec<(usize, String, String)> = heading
        .captures_iter(html)
        .filter_map(|c| {
            let level: u8 = c.get(1)?.as_str().parse().ok()?;
            (settings.start..=settings.end).contains(&level).then(|| {
                let title = FOOTNOTE_REFERENCE.replace_all(c.get(3).map_or("", |m| m.as_str()), "");
                let title = toc_title(&title);
                (
                    usize::from(level - settings.start),
                    c.get(2)
                        .and_then(|attrs| ID.captures(attrs.as_str()))
                        .and_then(|id| id.get(1))
                        .map_or("", |m| m.as_str())
                        .to_string(),
                    title,
                )
            })
        })
        .collect();
    if headings.is_empty() {
        return "<nav id=\"TableOfContents\"></nav>".to_string();
    }
    let mut out = String::from("<nav id=\"TableOfContents\">\n");
    write_entries(&headings, 0, settings.ordered, &mut out);
    out.push_str("</nav>");
    out
}

/// A heading's HTML as Hugo's table of contents lists it (`sanitizeTOCHeadingTitle`,
/// `markup/goldmark/toc.go`): as it is when it holds no tag; else through Hugo's policy
/// (bluemonday's): the inline elements it allows kept (`em`, `code`, `span`, `i`, `abbr`…),
/// with their standard attributes (`class`, `id`, `title`, `dir`, `lang`, and `cite`,
/// `datetime`, `value` and an image's where they belong), other tags and comments
/// dropped (their text kept), the text's entities decoded and written again as Go's
/// `html.EscapeString` writes them (`it’s`, `&#34;`), white space runs one space.
fn toc_title(html: &str) -> String {
    const ALLOWED: [&str; 30] = [
        "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
        "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub",
        "sup", "time", "u", "var", "wbr",
    ];
    static TOKEN: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?s)<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
            .expect("a valid pattern")
    });
    static ATTRIBUTE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r#"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"#,
        )
        .expect("a valid pattern")
    });
    if !html.contains('<') {
        return html.trim().to_string();
    }
    let text = |t: &str| crate::text::html_escape(&html_escape::decode_html_entities(t));
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for token in TOKEN.captures_iter(html) {
        let Some(whole) = token.get(0) else { continue };
        out.push_str(&text(html.get(last..whole.start()).unwrap_or_default()));
        last = whole.end();
        let name = token.get(2).map_or("", |m| m.as_str()).to_ascii_lowercase();
        if !(ALLOWED.contains(&name.as_str()) || name == "img") {
            continue;
        }
        if token.get(1).is_some_and(|m| !m.as_str().is_empty()) {
            out.push_str(&format!("</{name}>"));
            continue;
        }
        out.push('<');
        out.push_str(&name);
        let attributes = token.get(3).map_or("", |m| m.as_str());
        for a in ATTRIBUTE.captures_iter(attributes) {
            let key = a.get(1).map_or("", |m| m.as_str()).to_ascii_lowercase();
            let allowed = matches!(key.as_str(), "class" | "id" | "title" | "dir" | "lang")
                || (key == "cite" && matches!(name.as_str(), "del" | "ins" | "q"))
                || (key == "datetime" && matches!(name.as_str(), "del" | "ins" | "time"))
                || (key == "value" && name == "data")
                || (name == "img"
                    && matches!(key.as_str(), "src" | "alt" | "width" | "height" | "align"));
            let value = a
                .get(2)
                .or(a.get(3))
                .or(a.get(4))
                .map_or("", |m| m.as_str());
            if allowed {
                out.push_str(&format!(" {key}=\"{}\"", text(value)));
            }
        }
        out.push('>');
    }
    out.push_str(&text(html.get(last..).unwrap_or_default()));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes `headings` (all at `depth` or deeper) as one list at `depth`: a heading deeper
/// than the list's level goes into the item before it, or into an item without a link of
/// its own when there is none.
fn write_entries(
    headings: &[(usize, String, String)],
    depth: usize,
    ordered: bool,
    out: &mut String,
) {
    let list = if ordered { "ol" } else { "ul" };
    let indent = " ".repeat(2 * (2 * depth + 1));
    out.push_str(&format!("{indent}<{list}>\n"));
    let mut i = 0;
    while let Some((d, id, title)) = headings.get(i) {
        let own = *d == depth;
        let first_child = if own { i + 1 } else { i };
        let end = headings
            .get(first_child..)
            .unwrap_or_default()
            .iter()
            .position(|(d, _, _)| *d <= depth)
            .map_or(headings.len(), |n| first_child + n);
        let link = if own {
            format!("<a href=\"#{id}\">{title}</a>")
        } else {
            String::new()
        };
        let children = headings.get(first_child..end).unwrap_or_default();
        if children.is_empty() {
            out.push_str(&format!("{indent}  <li>{link}</li>\n"));
        } else {
            out.push_str(&format!("{indent}  <li>{link}\n"));
            write_entries(children, depth + 1, ordered, out);
            out.push_str(&format!("{indent}  </li>\n"));
        }
        i = end;
    }
    out.push_str(&format!("{indent}</{list}>\n"));
}
