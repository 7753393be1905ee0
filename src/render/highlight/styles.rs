//! Chroma's styles: the CSS of each Chroma class, for every style Hugo's highlighter
//! offers (`markup.highlight.style`). The table is `chroma-styles.txt`, written by
//! `scripts/chroma-styles.sh` from `hugo gen chromastyles` (Hugo 0.168).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// The styles' table, as `scripts/chroma-styles.sh` writes it.
const TABLE: &str = include_str!("chroma-styles.txt");

/// The style Chroma uses for a name it does not know (`styles.Fallback`).
const FALLBACK: &str = "swapoff";

/// One Chroma style: the declarations of each class, as `hugo gen chromastyles` prints
/// them (`k` → `color:#66d9ef`; `bg` → the block's colours).
#[derive(Debug)]
pub struct Style {
    /// Its name, as the config gives it (`monokai`).
    pub name: &'static str,
    rules: FxHashMap<&'static str, &'static str>,
    /// The classes in the table's order (Hugo's).
    order: Vec<&'static str>,
}

impl Style {
    /// The declarations of a Chroma class (`k`, `hl`, `ln`…), `""` when the style gives it
    /// none.
    pub fn css(&self, class: &str) -> &'static str {
        self.rules.get(class).copied().unwrap_or_default()
    }

    /// The stylesheet Chroma's classes need (`hugo gen chromastyles --style=NAME`), for a
    /// site that highlights with classes (`noClasses = false`).
    pub fn stylesheet(&self) -> String {
        let mut css = String::new();
        for class in &self.order {
            let rule = self.css(class);
            let selector = match *class {
                "bg" => ".bg".to_string(),
                "chroma" => ".chroma".to_string(),
                c => format!(".chroma .{c}"),
            };
            css.push_str(&format!("{selector} {{ {rule} }}\n"));
        }
        css
    }

    /// The declarations of a token's class as Chroma writes them inline (`noClasses`): those
    /// equal to the block's own (`bg`) are left out, so text the colour of the block's text
    /// gets no `<span>` (Chroma's `StyleEntry.Sub(background)`).
    pub fn inline_css(&self, class: &str) -> String {
        let block: Vec<&str> = self.css("bg").split(';').collect();
        self.css(class)
            .split(';')
            .filter(|d| !d.is_empty() && !block.contains(d))
            .collect::<Vec<_>>()
            .join(";")
    }
}

/// Every style in the table, in its order.
fn all() -> &'static [Style] {
    static STYLES: OnceLock<Vec<Style>> = OnceLock::new();
    STYLES.get_or_init(|| {
        let mut styles: Vec<Style> = Vec::new();
        for line in TABLE.lines() {
            if let Some(name) = line.strip_prefix("= ") {
                styles.push(Style {
                    name,
                    rules: FxHashMap::default(),
                    order: Vec::new(),
                });
            } else if let (Some(style), Some((class, css))) =
                (styles.last_mut(), line.split_once(' '))
            {
                style.rules.insert(class, css);
                style.order.push(class);
            }
        }
        styles
    })
}

/// The name of the style `name` names, as the table spells it (Chroma's `styles.Get`:
/// any case; a name it does not know gives `swapoff`), for [`get`].
pub fn canonical(name: &str) -> &'static str {
    let find = |n: &str| all().iter().find(|s| s.name.eq_ignore_ascii_case(n));
    find(name)
        .or_else(|| find(FALLBACK))
        .map_or(FALLBACK, |s| s.name)
}

/// Whether Chroma has a style of this name.
pub fn known(name: &str) -> bool {
    all().iter().any(|s| s.name.eq_ignore_ascii_case(name))
}

/// The style of a name [`canonical`] gave (or `monokai`, the default); the fallback
/// style for any other.
///
/// # Panics
/// Never: the table is built in, and holds the fallback style.
#[allow(
    clippy::indexing_slicing,
    reason = "the table is built in and never empty"
)]
pub fn get(name: &str) -> &'static Style {
    let styles = all();
    let find = |n: &str| styles.iter().find(|s| s.name == n);
    find(name).or_else(|| find(FALLBACK)).unwrap_or(&styles[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monokai_colours_keywords_and_leaves_text_the_block_colour_alone() {
        let monokai = get(canonical("Monokai"));
        assert_eq!(monokai.name, "monokai");
        assert_eq!(monokai.inline_css("k"), "color:#66d9ef");
        assert_eq!(monokai.inline_css("p"), "");
        assert_eq!(monokai.css("hl"), "background-color:#3c3d38");
    }

    #[test]
    fn the_stylesheet_is_hugos_gen_chromastyles() {
        let css = get("monokai").stylesheet();
        assert!(css.starts_with(".bg { color:#f8f8f2;background-color:#272822; }\n"));
        assert!(css.contains("\n.chroma .k { color:#66d9ef }\n"), "{css}");
    }

    #[test]
    fn an_unknown_style_is_chromas_fallback() {
        assert_eq!(get(canonical("no-such-style")).name, "swapoff");
        assert!(!known("no-such-style"));
        assert!(known("github-dark"));
    }
}
