//! Font Awesome Free icons: which icon an element's classes draw (`fab fa-github`,
//! `fa-solid fa-envelope`, `far fa-calendar`, Font Awesome 5's `fas fa-home` and 4's
//! `fa fa-envelope-o` included), the icons' drawings (Font Awesome Free 6.7.2, icons CC BY
//! 4.0, from the icondata_fa package), and suggestions for misspelt brand names.
//!
//! `svgs.rs` lists every icon with its style and drawing; `icons_names.txt` the other names
//! Font Awesome's stylesheets draw them under (`aliases`, such as Font Awesome 5's `home`
//! for `house`) and the Font Awesome 4 classes `v4-shims.css` maps. `scripts/fa-names.py`
//! writes both from the `@fortawesome/fontawesome-free` 6.7.2 package's `metadata/icons.yml`
//! and `css/v4-shims.css`.

mod svgs;

use std::sync::OnceLock;

/// The Font Awesome Free licence, shipped with every export.
pub const LICENSE: &str = include_str!("render/LICENSE-fontawesome.txt");

/// A Font Awesome Free style: the set of SVGs an element's style class draws from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// `fab`, `fa-brands`: logos.
    Brands,
    /// `fas`, `fa-solid` (and Font Awesome 5's `fa`): filled icons.
    Solid,
    /// `far`, `fa-regular`: outlined icons (Free has 163 of them).
    Regular,
}

impl Style {
    /// The style's word in `icons_names.txt` and in its `fa-` class.
    pub const fn as_str(self) -> &'static str {
        match self {
            Style::Brands => "brands",
            Style::Solid => "solid",
            Style::Regular => "regular",
        }
    }

    fn parse(word: &str) -> Option<Style> {
        match word {
            "brands" => Some(Style::Brands),
            "solid" => Some(Style::Solid),
            "regular" => Some(Style::Regular),
            _ => None,
        }
    }
}

/// One Font Awesome Free icon: a style and the icon's Font Awesome 6 name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Icon {
    /// The set it is drawn from.
    pub style: Style,
    /// Its Font Awesome 6 name (`house`, even where the classes say `fa-home`).
    pub name: &'static str,
}

/// What an element's classes ask Font Awesome Free to draw ([`from_classes`]) when it has
/// no such icon: the style asked for (`None` for Font Awesome 4's bare `fa`) and the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unknown<'c> {
    /// The style the classes ask for; `None` for Font Awesome 4's bare `fa`.
    pub style: Option<Style>,
    /// The name asked for (empty when no class names one).
    pub name: &'c str,
}

impl Icon {
    /// Icon `name` (or a name Font Awesome's stylesheets draw it under: `home` for `house`)
    /// in `style`, if Font Awesome Free has it.
    pub fn find(style: Style, name: &str) -> Option<Icon> {
        listed(style, name).or_else(|| {
            // No alias is a utility class's name (a test checks): `fa-xl`, beside most
            // icons, is not looked up (the aliases are read on first use).
            if is_utility(name) {
                return None;
            }
            let aliases = &tables().aliases;
            let at = aliases.binary_search_by(|&(old, _)| old.cmp(name)).ok()?;
            listed(style, aliases.get(at)?.1)
        })
    }

    /// The `id` of the icon's `<symbol>` in a page's sprite: `fa-NAME` for a brand,
    /// `fa-solid-NAME` or `fa-regular-NAME` for the others.
    pub fn id(self) -> String {
        match self.style {
            Style::Brands => format!("fa-{}", self.name),
            style => format!("fa-{}-{}", style.as_str(), self.name),
        }
    }

    /// The `viewBox` of the icon's SVG (`"0 0 496 512"`: its width and height in its units).
    pub fn view_box(self) -> &'static str {
        self.drawing()
            .and_then(|d| d.view_box)
            .unwrap_or("0 0 512 512")
    }

    /// The icon's drawing: the elements inside its `<svg>` (one or two `<path>`s).
    pub fn paths(self) -> &'static str {
        self.drawing().map_or("", |d| d.data)
    }

    /// The icon as an SVG file of its own, with Font Awesome's licence comment.
    pub fn svg(self) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{}\">{LICENSE_COMMENT}{}</svg>",
            self.view_box(),
            self.paths()
        )
    }

    /// Its entry in `svgs.rs`: always there for an icon [`Icon::find`] made.
    fn drawing(self) -> Option<icondata_core::Icon> {
        let at = svgs::ICONS
            .binary_search_by(|&(s, n, _)| (s, n).cmp(&(self.style, self.name)))
            .ok()?;
        svgs::ICONS.get(at).map(|&(_, _, drawing)| drawing)
    }
}

/// Font Awesome's attribution for its icons, as its own SVGs carry it: an SVG sprite of
/// them keeps it (`LICENSE.txt`: "Attribution is required by MIT, SIL OFL, and CC BY").
pub const LICENSE_COMMENT: &str = "<!--! Font Awesome Free 6.7.2 by @fontawesome - https://fontawesome.com License - https://fontawesome.com/license/free (Icons: CC BY 4.0, Fonts: SIL OFL 1.1, Code: MIT License) Copyright 2024 Fonticons, Inc. -->";

/// The icon `name` in `style`, if Font Awesome Free has it under that name.
fn listed(style: Style, name: &str) -> Option<Icon> {
    let at = svgs::ICONS
        .binary_search_by(|&(s, n, _)| (s, n).cmp(&(style, name)))
        .ok()?;
    svgs::ICONS
        .get(at)
        .map(|&(style, name, _)| Icon { style, name })
}

/// The Font Awesome Free icon an element with these classes shows, as Font Awesome 6's
/// stylesheets (with `v4-shims.css`) pick it: the style from `fab`/`fa-brands`,
/// `fas`/`fa-solid`, `far`/`fa-regular`, or Font Awesome 4 and 5's bare `fa` (a Font
/// Awesome 4 name as `v4-shims.css` maps it, else a solid icon); the icon from the first
/// `fa-NAME` class that names one in that style.
///
/// `None` when the classes are not a Free icon's: no style class, or a Pro style's
/// (`fa-light`, `fa-thin`, `fa-duotone`, `fa-sharp`, `fa-sharp-duotone`, `fa-kit`; `fal`,
/// `fat`, `fad`, `fast`… beside no Free style class), which the site's own kit draws. `Some(Err(_))` when they name no icon Folio has: the
/// last `fa-` class that is not a size, animation or layout class is the name asked for.
pub fn from_classes(class: &str) -> Option<Result<Icon, Unknown<'_>>> {
    let style = style_of(class)?;
    let names = || {
        class
            .split_whitespace()
            .filter_map(|w| w.strip_prefix("fa-"))
    };
    let found = names().find_map(|name| match style {
        Some(style) => Icon::find(style, name),
        None => version_4(name).or_else(|| Icon::find(Style::Solid, name)),
    });
    Some(found.ok_or_else(|| {
        Unknown {
            style,
            name: names()
                .rfind(|n| Style::parse(n).is_none() && !is_utility(n))
                .unwrap_or(""),
        }
    }))
}

/// Whether an element with these classes is a Font Awesome Free icon's, drawn or not: a
/// quick test before [`from_classes`].
pub fn is_free_icon(class: &str) -> bool {
    style_of(class).is_some()
}

/// The style an element's classes pick (see [`from_classes`]): `Some(None)` for Font
/// Awesome 4 and 5's bare `fa`, `None` for no style or a Pro one.
fn style_of(class: &str) -> Option<Option<Style>> {
    // Every Font Awesome class has `fa` in it: most elements are out in one search.
    if !class.contains("fa") {
        return None;
    }
    // One pass. Pro's styles by name end it; their short forms (`fast` is also
    // animate.css's speed, `fad` and `fat` may be a site's own) count only beside no Free
    // style.
    let (mut style, mut fa, mut pro_short) = (None, false, false);
    for word in class.split_ascii_whitespace() {
        match word {
            "fab" | "fa-brands" => _ = style.get_or_insert(Style::Brands),
            "fas" | "fa-solid" => _ = style.get_or_insert(Style::Solid),
            "far" | "fa-regular" => _ = style.get_or_insert(Style::Regular),
            "fa" => fa = true,
            "fa-light" | "fa-thin" | "fa-duotone" | "fa-sharp" | "fa-sharp-duotone" | "fa-kit" => {
                return None
            }
            "fal" | "fat" | "fad" | "fass" | "fasr" | "fasl" | "fast" | "fasds" | "fak" => {
                pro_short = true;
            }
            _ => {}
        }
    }
    match style {
        Some(style) => Some(Some(style)),
        None if fa && !pro_short => Some(None),
        None => None,
    }
}

/// The icon Font Awesome 4 class `fa-OLD` stands for in `v4-shims.css`, when it maps one.
fn version_4(old: &str) -> Option<Icon> {
    let v4 = &tables().v4;
    let at = v4.binary_search_by(|&(o, _)| o.cmp(old)).ok()?;
    v4.get(at).map(|&(_, icon)| icon)
}

/// Whether `fa-WORD` is one of Font Awesome 6's utility classes (sizes, fixed width, list
/// and border, pulls, animations, rotations, stacking), which never name an icon
/// (`css/fontawesome.css`).
fn is_utility(word: &str) -> bool {
    const UTILITIES: [&str; 31] = [
        "2xs",
        "xs",
        "sm",
        "lg",
        "xl",
        "2xl",
        "fw",
        "ul",
        "li",
        "border",
        "pull-left",
        "pull-right",
        "beat",
        "bounce",
        "fade",
        "beat-fade",
        "flip",
        "shake",
        "spin",
        "spin-pulse",
        "pulse",
        "spin-reverse",
        "rotate-90",
        "rotate-180",
        "rotate-270",
        "flip-horizontal",
        "flip-vertical",
        "flip-both",
        "rotate-by",
        "stack",
        "inverse",
    ];
    UTILITIES.contains(&word)
        || matches!(word, "stack-1x" | "stack-2x")
        || word
            .strip_suffix('x')
            .is_some_and(|n| n.parse::<u8>().is_ok())
}

/// `icons_names.txt`, read once: the aliases and the Font Awesome 4 names, each sorted for
/// binary search; and the brands' names.
struct Tables {
    aliases: Vec<(&'static str, &'static str)>,
    v4: Vec<(&'static str, Icon)>,
    brands: Vec<&'static str>,
    /// Every name [`is_brand`] takes: the brands', and the aliases of brands. A long page's
    /// check asks for each word of each call's icons (a hash, not a binary search of the
    /// icons: 1.4 M instructions less for 1000 cards).
    brand_names: rustc_hash::FxHashSet<&'static str>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Tables {
            aliases: Vec::new(),
            v4: Vec::new(),
            brands: Vec::new(),
            brand_names: rustc_hash::FxHashSet::default(),
        };
        for line in include_str!("icons_names.txt").lines() {
            let mut words = line.split(' ');
            match (words.next(), words.next(), words.next(), words.next()) {
                (Some("alias"), Some(old), Some(name), None) => t.aliases.push((old, name)),
                (Some("v4"), Some(old), Some(style), Some(name)) => {
                    // A Font Awesome 4 name's icon under its Font Awesome 6 name (the
                    // table lists only names the package has; the tests check each one).
                    if let Some(icon) = Style::parse(style).and_then(|s| listed(s, name)) {
                        t.v4.push((old, icon));
                    }
                }
                _ => {}
            }
        }
        t.aliases.sort_unstable();
        t.v4.sort_unstable();
        t.brands = svgs::ICONS
            .iter()
            .filter(|&&(s, _, _)| s == Style::Brands)
            .map(|&(_, n, _)| n)
            .collect();
        let aliased = t
            .aliases
            .iter()
            .filter(|&&(_, name)| t.brands.binary_search(&name).is_ok())
            .map(|&(old, _)| old);
        t.brand_names = t.brands.iter().copied().chain(aliased).collect();
        t
    })
}

/// Every brand icon name, sorted.
pub fn brands() -> &'static [&'static str] {
    &tables().brands
}

/// Whether `name` is a brand icon (or an older name Font Awesome still draws one under).
pub fn is_brand(name: &str) -> bool {
    tables().brand_names.contains(name)
}

/// Up to three brand names close to `name`, closest first.
pub fn suggest(name: &str) -> Vec<&'static str> {
    let lower = name.to_ascii_lowercase();
    if let Some(icon) = Icon::find(Style::Brands, &lower) {
        return vec![icon.name];
    }
    let mut scored: Vec<(usize, &'static str)> = brands()
        .iter()
        .filter_map(|&b| {
            let d = strsim::osa_distance(&lower, b);
            let prefix = b.starts_with(&lower) || lower.starts_with(b);
            let limit = (lower.len() / 3).max(1);
            if d <= limit || (prefix && lower.len() >= 3) {
                Some((if prefix { d.min(limit) } else { d }, b))
            } else {
                None
            }
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, b)| b).collect()
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    clippy::string_slice,
    reason = "tests: an out-of-range index is a test failure, which is what it should be"
)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_icon_is_found_and_drawn() {
        assert!(
            svgs::ICONS
                .windows(2)
                .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)),
            "sorted for binary search"
        );
        for &(style, name, _) in svgs::ICONS {
            let icon = Icon::find(style, name).unwrap();
            assert!(icon.paths().starts_with("<path d=\"M"), "{style:?} {name}");
            assert_eq!(icon.view_box().split(' ').count(), 4, "{style:?} {name}");
        }
        let github = Icon::find(Style::Brands, "github").unwrap().svg();
        assert!(github.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 496 512\"><!--! Font Awesome Free 6.7.2"));
        assert!(github.ends_with("\" /></svg>"), "{github}");
        assert_eq!(brands().len(), 495);
        assert_eq!(svgs::ICONS.len(), 495 + 1402 + 163);
        assert_eq!(
            tables().v4.len(),
            463,
            "every Font Awesome 4 name maps to a listed icon"
        );
    }

    #[test]
    fn no_alias_is_a_utility_class_so_find_need_not_look_one_up() {
        for &(old, _) in &tables().aliases {
            assert!(!is_utility(old), "{old}");
        }
        for &(_, name, _) in svgs::ICONS {
            assert!(!is_utility(name), "{name}");
        }
    }

    #[test]
    fn the_sample_icons_are_brands() {
        for n in [
            "python", "golang", "docker", "aws", "node", "rust", "bitcoin", "erlang", "unity",
        ] {
            assert!(is_brand(n), "{n}");
        }
    }

    #[test]
    fn a_brand_is_a_name_found_among_the_brands_directly_or_as_an_alias() {
        let t = tables();
        let names = svgs::ICONS.iter().map(|&(_, n, _)| n);
        let aliases = t.aliases.iter().flat_map(|&(old, new)| [old, new]);
        let others = ["fa-xl", "xl", "2x", "spin", "", "Python", "github "];
        for name in names.chain(aliases).chain(others) {
            assert_eq!(
                is_brand(name),
                Icon::find(Style::Brands, name).is_some(),
                "{name}"
            );
        }
        assert!(
            t.aliases.iter().any(|&(old, _)| is_brand(old)),
            "no alias of a brand"
        );
    }

    #[test]
    fn misspelt_names_get_the_intended_one_first() {
        assert_eq!(suggest("pyhton")[0], "python");
        assert_eq!(suggest("dokcer")[0], "docker");
        assert_eq!(suggest("Python"), vec!["python"]);
        assert!(suggest("zzzzzzzzzzzz").is_empty());
    }

    fn drawn(class: &str) -> Option<(Style, &'static str)> {
        match from_classes(class) {
            Some(Ok(icon)) => Some((icon.style, icon.name)),
            _ => None,
        }
    }

    #[test]
    fn each_style_class_draws_from_its_own_set() {
        assert_eq!(drawn("fab fa-github"), Some((Style::Brands, "github")));
        assert_eq!(
            drawn("fa-brands fa-xl fa-github"),
            Some((Style::Brands, "github"))
        );
        assert_eq!(drawn("fas fa-envelope"), Some((Style::Solid, "envelope")));
        assert_eq!(
            drawn("fa-regular fa-envelope"),
            Some((Style::Regular, "envelope"))
        );
        assert_eq!(
            drawn("far fa-fw fa-calendar"),
            Some((Style::Regular, "calendar"))
        );
        assert_eq!(
            drawn("fab fa-envelope"),
            None,
            "no brand is called envelope"
        );
        assert_eq!(drawn("far fa-house"), None, "Free has no regular house");
    }

    #[test]
    fn icons_added_in_later_font_awesome_6_releases_are_drawn() {
        assert_eq!(
            drawn("fab fa-x-twitter"),
            Some((Style::Brands, "x-twitter"))
        );
        assert_eq!(
            drawn("fa-brands fa-bluesky"),
            Some((Style::Brands, "bluesky"))
        );
        assert_eq!(drawn("fab fa-threads"), Some((Style::Brands, "threads")));
        assert_eq!(
            drawn("fa-brands fa-google-scholar"),
            Some((Style::Brands, "google-scholar"))
        );
        assert_eq!(
            drawn("fas fa-web-awesome"),
            Some((Style::Solid, "web-awesome"))
        );
    }

    #[test]
    fn older_names_draw_the_icon_font_awesome_6_draws_for_them() {
        assert_eq!(drawn("fas fa-home"), Some((Style::Solid, "house")));
        assert_eq!(
            drawn("fas fa-map-marker-alt"),
            Some((Style::Solid, "location-dot"))
        );
        assert_eq!(
            drawn("fa fa-envelope-o"),
            Some((Style::Regular, "envelope"))
        );
        assert_eq!(drawn("fa fa-github"), Some((Style::Brands, "github")));
        assert_eq!(
            drawn("fa fa-linkedin"),
            Some((Style::Brands, "linkedin-in"))
        );
        assert_eq!(
            drawn("fa fa-envelope fa-lg"),
            Some((Style::Solid, "envelope"))
        );
    }

    #[test]
    fn pro_styles_and_elements_without_a_style_are_not_font_awesome_frees() {
        assert_eq!(from_classes("fal fa-envelope"), None);
        assert_eq!(from_classes("fa-duotone fa-house"), None);
        assert_eq!(from_classes("fa-sharp fa-solid fa-house"), None);
        assert_eq!(from_classes("fa-sharp-duotone fa-solid fa-house"), None);
        assert_eq!(
            drawn("fas fa-rocket animated bounce fast"),
            Some((Style::Solid, "rocket")),
            "animate.css's `fast` beside a Free style"
        );
        assert_eq!(from_classes("fa-envelope"), None);
        assert_eq!(from_classes("icon envelope"), None);
    }

    #[test]
    fn an_unknown_name_is_the_last_class_that_is_not_a_utility() {
        assert_eq!(
            from_classes("fab fa-xl fa-pyhton fa-fw"),
            Some(Err(Unknown {
                style: Some(Style::Brands),
                name: "pyhton"
            }))
        );
        assert_eq!(
            from_classes("fa fa-2x fa-nothing"),
            Some(Err(Unknown {
                style: None,
                name: "nothing"
            }))
        );
        assert_eq!(
            from_classes("fa-solid fa-spin"),
            Some(Err(Unknown {
                style: Some(Style::Solid),
                name: ""
            }))
        );
    }
}
