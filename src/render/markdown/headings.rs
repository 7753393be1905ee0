//! Heading ids as Hugo's Goldmark gives them: `{#id}` attributes kept, the others from the
//! text by Hugo's "github" anchorizer (`markup/goldmark/autoid.go`), made unique per render.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

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
            let text: String = inside
                .iter()
                .take(len)
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(&**t),
                    _ => None,
                })
                .collect();
            let mut id = anchorize(&text);
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
