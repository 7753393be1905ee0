//! Heading ids as Hugo's Goldmark gives them: `{#id}` attributes kept, the others from the
//! text by Hugo's "github" anchorizer (`markup/goldmark/autoid.go`), made unique per render.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// Gives headings without an `{#id}` the id Hugo's Goldmark gives them (its "github"
/// anchorizer: lower case, spaces to `-`, punctuation dropped), unique within the render.
pub(super) fn heading_ids(events: &mut [Event]) {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Some(Event::Start(Tag::Heading { id: None, .. })) = events.get(i) {
            let inside = events.get(i + 1..).unwrap_or_default();
            let len = inside
                .iter()
                .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                .count();
            let text = heading_text(inside.get(..len).unwrap_or_default());
            if text.is_empty() {
                i += 1 + len;
                continue;
            }
            // Text with nothing an anchor keeps (`# ...`) is Hugo's "heading".
            let mut id = Some(anchorize(&text))
                .filter(|a| !a.is_empty())
                .unwrap_or_else(|| "heading".into());
            let n = used.entry(id.clone()).or_insert(0);
            if *n > 0 {
                id = format!("{id}-{n}");
            }
            *n += 1;
            if let Some(Event::Start(Tag::Heading { id: slot, .. })) = events.get_mut(i) {
                *slot = Some(CowStr::from(id));
            }
            i += 1 + len;
        }
        i += 1;
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
    let typographers = ['‘', '’', '“', '”', '–', '—', '…', '«', '»'];
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
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                piece.get_or_insert_with(String::new);
                if depth == 0 {
                    return (piece.unwrap_or_default(), n + 1);
                }
            }
            Event::Text(t) if piece.is_none() => {
                piece = Some(match t.chars().next() {
                    Some(c) if typographers.contains(&c) => c.to_string(),
                    _ => t.split(typographers).next().unwrap_or_default().to_string(),
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

/// Hugo's default ("github") heading anchor for `text`.
pub fn anchorize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            out.push('-');
        }
    }
    out
}
