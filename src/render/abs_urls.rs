//! Hugo's `canonifyURLs` and `relativeURLs`: after a page is rendered, each root-relative
//! URL (`/about/`, not `//cdn.example.org/x`) in a `src=`, `href=`, `url=` or `action=`
//! value, and each in a quoted `srcset=`, is pointed at the base URL
//! (`https://example.org/about/`) or up to the site's root from the page (`../../about/`).
//! The rule is Hugo's `transform/urlreplacers/absurlreplacer.go` (a scan of the text for
//! those prefixes, not an HTML parse, so `data-src=` counts too), and where it applies is
//! Hugo's `hugolib/site.go` (`absURLPath`): HTML pages of a site that sets either.

/// The attribute names whose values are pointed, and whether the value is a `srcset`.
const PREFIXES: [(&str, bool); 5] = [
    ("src=", false),
    ("href=", false),
    ("url=", false),
    ("action=", false),
    ("srcset=", true),
];

/// `html` with its root-relative URLs pointed at `path` (the base URL, or `../`s), as Hugo
/// points them. A URL that already starts with `path`'s own path after the `/` keeps it
/// once (`/blog/x` is `https://e.org/blog/x` for `https://e.org/blog/`).
pub fn abs_urls(html: &str, path: &str) -> String {
    let root = url_path(path).trim_start_matches('/');
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some((at, len, srcset)) = next_prefix(rest) {
        let (before, after) = rest.split_at(at + len);
        out.push_str(before);
        let quote = ["\"", "'"].into_iter().find(|q| after.starts_with(q));
        // In text (prose, code), Goldmark writes `"` as `&quot;`, where Hugo's scan finds
        // no quote and no `/` after `src=`: such a value is left (review 51d, 1). Folio
        // writes the character, so it tells text from a tag by what came before.
        if quote == Some("\"") && !in_tag(&out) {
            rest = after;
            continue;
        }
        let after = match quote {
            Some(q) => {
                out.push_str(q);
                after.get(q.len()..).unwrap_or_default()
            }
            None => after,
        };
        rest = match (srcset, quote) {
            (false, _) => point(after, path, root, &mut out),
            (true, Some(q)) => point_srcset(after, q, path, root, &mut out),
            (true, None) => after,
        };
    }
    out.push_str(rest);
    out
}

/// Whether the end of `written` is inside a tag (after a `<` with no `>` after it).
fn in_tag(written: &str) -> bool {
    match (written.rfind('<'), written.rfind('>')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The first of [`PREFIXES`] in `text`: where, its length, and whether it is `srcset=`.
fn next_prefix(text: &str) -> Option<(usize, usize, bool)> {
    PREFIXES
        .iter()
        .filter_map(|(p, srcset)| text.find(p).map(|at| (at, p.len(), *srcset)))
        .min_by_key(|&(at, _, _)| at)
}

/// Writes `path` for the `/` that `value` starts with (and skips `root` after it), when it
/// is a root-relative URL; gives what is left to scan.
fn point<'a>(value: &'a str, path: &str, root: &str, out: &mut String) -> &'a str {
    match value.strip_prefix('/') {
        Some(after) if !after.is_empty() && !after.starts_with('/') => {
            out.push_str(path);
            if !root.is_empty() {
                after.strip_prefix(root).unwrap_or(after)
            } else {
                after
            }
        }
        _ => value,
    }
}

/// A quoted `srcset` value starting with a root-relative URL: each of its fields that starts
/// with `/` pointed, the fields joined by one space, as Hugo writes them (up to 2000
/// bytes to the closing `quote`; longer, left as it is).
fn point_srcset<'a>(
    value: &'a str,
    quote: &str,
    path: &str,
    root: &str,
    out: &mut String,
) -> &'a str {
    let Some(end) = value.find(quote).filter(|&e| e <= 2000) else {
        return value;
    };
    let starts_pointed = value
        .strip_prefix('/')
        .is_some_and(|a| !a.is_empty() && !a.starts_with('/'));
    if !starts_pointed {
        return value;
    }
    let section = value.get(..end + quote.len()).unwrap_or_default();
    let fields: Vec<String> = section
        .split_whitespace()
        .map(|f| match f.strip_prefix('/') {
            Some(after) => {
                let after = if root.is_empty() {
                    after
                } else {
                    after.strip_prefix(root).unwrap_or(after)
                };
                format!("{path}{after}")
            }
            None => f.to_string(),
        })
        .collect();
    out.push_str(&fields.join(" "));
    value.get(end + quote.len()..).unwrap_or_default()
}

/// The path of a URL (`/blog/` of `https://e.org/blog/`); a path as it is.
fn url_path(url: &str) -> &str {
    match url.split_once("://") {
        Some((_, rest)) => rest.find('/').and_then(|i| rest.get(i..)).unwrap_or(""),
        None => url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_url_in_text_is_left_as_hugos_escaped_quote_leaves_it() {
        let html =
            "<p><code>&lt;img src=\"/logo.png\"&gt;</code> src=/x src='/y'</p><img src=\"/i.png\">";
        assert_eq!(
            abs_urls(html, "https://e.org/"),
            "<p><code>&lt;img src=\"/logo.png\"&gt;</code> src=https://e.org/x src='https://e.org/y'</p>\
             <img src=\"https://e.org/i.png\">"
        );
    }

    #[test]
    fn root_relative_urls_are_pointed_and_others_are_not() {
        let html = "<a href=\"/about/\">a</a><img src='/i.png'><a href=\"//cdn/x\">c</a>\
                    <a href=\"https://x/\">d</a><a href=\"rel/\">e</a>\
                    <img srcset=\"/a.png 1x, /blog/b.png 2x\">";
        assert_eq!(
            abs_urls(html, "https://e.org/blog/"),
            "<a href=\"https://e.org/blog/about/\">a</a><img src='https://e.org/blog/i.png'>\
             <a href=\"//cdn/x\">c</a><a href=\"https://x/\">d</a><a href=\"rel/\">e</a>\
             <img srcset=\"https://e.org/blog/a.png 1x, https://e.org/blog/b.png 2x\">"
        );
    }
}
