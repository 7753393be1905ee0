//! Hugo's `cascade`: front matter values a section's `_index` page (or the site config)
//! hands down to the pages below it, which templates read as those pages' own
//! (`hugolib/page__meta.go`, Hugo docs "Front matter: cascade"). Checked against
//! Hugo 0.168:
//! - a `cascade` is a map, or a list of maps, each with an optional `target` (older:
//!   `_target`) of globs on the page's `path` (`/projects/**`, `{/books/**,/films/**}`),
//!   `kind`, `lang` and `environment`;
//! - it applies to the `_index` page that holds it and to every page below;
//! - the nearest one wins, key by key (the page's own section first, the config last),
//!   and the page's own front matter wins over all;
//! - values under `params` are the page's params, merged key by key.

use crate::templates::engine::resources::matches;
use serde_json::{Map, Value as Json};

/// Where a page is, as a cascade's `target` matches it.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The page's path (`/projects/deep/b`: Hugo's `.Path`).
    pub path: &'a str,
    /// `page`, `section` or `home`.
    pub kind: &'a str,
    /// The page's language code.
    pub lang: &'a str,
}

/// What `cascade` (a front matter's or the config's value) hands down to a page at
/// `target`, over `below` (what nearer cascades already handed down, which wins).
pub fn hand_down(cascade: &Json, target: Target<'_>, below: &mut Map<String, Json>) {
    let entries: Vec<&Map<String, Json>> = match cascade {
        Json::Object(m) => vec![m],
        Json::Array(list) => list.iter().filter_map(Json::as_object).collect(),
        _ => Vec::new(),
    };
    for entry in entries.into_iter().filter(|e| applies(e, target)) {
        for (key, value) in entry {
            if is_target(key) {
                continue;
            }
            merge_value(below, key, value);
        }
    }
}

/// Gives `front` (a page's own front matter) the values `cascaded` hands down that it does
/// not set itself (keys in any case; `params` key by key). A param the page writes at the
/// top (`color: green`) is its own against a cascade's `params.color`. (A page's
/// `params.x` against a cascade's top-level `x` needs nothing here: the page's `params`
/// win over top-level keys as the page's params are read, and a field such as `title`
/// is the cascade's, as in Hugo's `setMetaPost`.)
pub fn apply(front: &Map<String, Json>, cascaded: &Map<String, Json>) -> Map<String, Json> {
    let has = |map: &Map<String, Json>, key: &str| map.keys().any(|k| k.eq_ignore_ascii_case(key));
    let mut merged = front.clone();
    for (key, value) in cascaded {
        match value {
            Json::Object(handed) if key.eq_ignore_ascii_case("params") => {
                let handed: Map<String, Json> = handed
                    .iter()
                    .filter(|(k, _)| !has(front, k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                merge_value(&mut merged, key, &Json::Object(handed));
            }
            _ => merge_value(&mut merged, key, value),
        }
    }
    merged
}

/// Sets `key` in `into` to `value` unless `into` has it (in any case); a `params` map is
/// merged key by key.
fn merge_value(into: &mut Map<String, Json>, key: &str, value: &Json) {
    let own = into
        .iter_mut()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v);
    match (own, value) {
        (Some(Json::Object(own)), Json::Object(handed)) if key.eq_ignore_ascii_case("params") => {
            for (k, v) in handed {
                merge_value(own, k, v);
            }
        }
        (Some(_), _) => {}
        (None, _) => {
            into.insert(key.to_string(), value.clone());
        }
    }
}

fn is_target(key: &str) -> bool {
    key.eq_ignore_ascii_case("target") || key.eq_ignore_ascii_case("_target")
}

/// Whether a cascade entry's `target` matches the page (no target: every page).
fn applies(entry: &Map<String, Json>, page: Target<'_>) -> bool {
    let Some(Json::Object(target)) = entry.iter().find(|(k, _)| is_target(k)).map(|(_, v)| v)
    else {
        return true;
    };
    target.iter().all(|(key, want)| {
        let Some(want) = want.as_str().filter(|w| !w.is_empty()) else {
            return true;
        };
        match key.to_ascii_lowercase().as_str() {
            "path" => matches(want, page.path),
            "kind" => matches(want, page.kind),
            "lang" => matches(want, page.lang),
            // Folio renders as `hugo` builds: for production.
            "environment" => matches(want, "production"),
            _ => true,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(s: &str) -> Json {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn the_nearest_cascade_wins_and_the_pages_own_value_wins_over_all() {
        let page = Target {
            path: "/projects/deep/b",
            kind: "page",
            lang: "en",
        };
        let mut handed = Map::new();
        hand_down(&json(r#"[{"size": "S"}]"#), page, &mut handed);
        hand_down(
            &json(r#"{"toc": true, "color": "red", "size": "M", "params": {"x": 1}}"#),
            page,
            &mut handed,
        );
        hand_down(
            &json(r#"[{"color": "blue", "target": {"path": "/projects/**"}}]"#),
            page,
            &mut handed,
        );
        let front = json(r#"{"title": "B", "Color": "own", "params": {"y": 2}}"#);
        let merged = apply(front.as_object().unwrap(), &handed);
        assert_eq!(
            Json::Object(merged),
            json(
                r#"{"title": "B", "Color": "own", "params": {"y": 2, "x": 1}, "toc": true, "size": "S"}"#
            )
        );
    }

    #[test]
    fn a_param_the_page_writes_at_the_top_is_its_own_against_the_cascades_params() {
        let handed = json(r#"{"params": {"color": "red", "x": 1}, "title": "T"}"#);
        let front = json(r#"{"Color": "green", "params": {"title": "P"}}"#);
        let merged = apply(front.as_object().unwrap(), handed.as_object().unwrap());
        assert_eq!(
            Json::Object(merged),
            json(r#"{"Color": "green", "params": {"title": "P", "x": 1}, "title": "T"}"#)
        );
    }

    #[test]
    fn a_target_names_the_pages_it_applies_to() {
        let at = |path, kind| Target {
            path,
            kind,
            lang: "en",
        };
        let entry = json(r#"{"target": {"path": "/projects/**", "kind": "page"}, "a": 1}"#);
        let entry = entry.as_object().unwrap();
        assert!(applies(entry, at("/projects/deep/b", "page")));
        assert!(!applies(entry, at("/projects", "section")));
        assert!(!applies(entry, at("/projects/x", "section")));
        assert!(!applies(entry, at("/blog/x", "page")));
        let star = json(r#"{"_target": {"path": "/blog/*", "lang": "fr"}}"#);
        let star = star.as_object().unwrap();
        assert!(!applies(star, at("/blog/a/b", "page")));
        assert!(!applies(star, at("/blog/a", "page")));
        let either =
            json(r#"{"target": {"path": "{/books/**,/films/**}", "kind": "{section,page}"}}"#);
        let either = either.as_object().unwrap();
        assert!(applies(either, at("/films/x", "page")));
        assert!(applies(either, at("/books/x/y", "section")));
        assert!(!applies(either, at("/music/x", "page")));
        assert!(!applies(either, at("/books/x", "home")));
    }
}
