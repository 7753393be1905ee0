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
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let mut id = anchorize(&text);
            let n = used.entry(id.clone()).or_insert(0);
            if *n > 0 {
                id = format!("{id}-{n}");
            }
            *n += 1;
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
            i = j;
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
