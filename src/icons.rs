//! Font Awesome Free brand icons: the names Hugo's `fab fa-NAME` classes accept, their SVGs
//! (from the font-awesome-as-a-crate package, Font Awesome Free 6.2.0, icons CC BY 4.0), and
//! suggestions for misspelt names.

use std::sync::OnceLock;

/// The Font Awesome Free licence, shipped with every export.
pub const LICENSE: &str = include_str!("render/LICENSE-fontawesome.txt");

/// Every brand icon name, sorted.
pub fn brands() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut v: Vec<&str> = include_str!("icons_brands.txt")
            .lines()
            .filter(|l| !l.is_empty())
            .collect();
        v.sort_unstable();
        v
    })
}

/// Whether `name` is a brand icon.
pub fn is_brand(name: &str) -> bool {
    brands().binary_search(&name).is_ok()
}

/// The SVG of brand icon `name` (with its licence comment), if it exists.
pub fn svg(name: &str) -> Option<&'static str> {
    drawing(name).map(|(svg, _)| svg)
}

/// The `viewBox` of brand icon `name`.
pub fn view_box(name: &str) -> Option<&'static str> {
    drawing(name).map(|(_, vb)| vb)
}

/// Brand `name`'s SVG and `viewBox`. The crate looks names up in one long `match` (a
/// string compared with each name in turn), and a page draws the same few icons many
/// times: each brand a process asks for is looked up once and kept. Only those: looking
/// up all 450 brands took about 0.4 ms, a tenth of exporting the sample page.
fn drawing(name: &str) -> Option<(&'static str, &'static str)> {
    type Drawings =
        std::sync::Mutex<std::collections::HashMap<&'static str, (&'static str, &'static str)>>;
    static DRAWN: OnceLock<Drawings> = OnceLock::new();
    let at = brands().binary_search(&name).ok()?;
    let name: &'static str = brands().get(at)?;
    let drawn = DRAWN.get_or_init(Default::default);
    let mut drawn = drawn
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(d) = drawn.get(name) {
        return Some(*d);
    }
    let svg = font_awesome_as_a_crate::svg(font_awesome_as_a_crate::Type::Brands, name).ok()?;
    let vb = svg
        .split_once("viewBox=\"")
        .and_then(|(_, r)| r.split_once('"'))
        .map_or("0 0 512 512", |(v, _)| v);
    drawn.insert(name, (svg, vb));
    Some((svg, vb))
}

/// Up to three brand names close to `name`, closest first.
pub fn suggest(name: &str) -> Vec<&'static str> {
    let lower = name.to_ascii_lowercase();
    if is_brand(&lower) {
        let at = brands().binary_search(&lower.as_str()).unwrap_or(0);
        return brands().get(at).copied().into_iter().collect();
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
    fn every_listed_brand_has_an_svg_with_its_licence_comment() {
        for name in brands() {
            let svg = svg(name).unwrap_or_else(|| panic!("{name} has no svg"));
            assert!(svg.contains("Font Awesome Free"), "{name}");
        }
        assert!(brands().len() > 400);
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
    fn misspelt_names_get_the_intended_one_first() {
        assert_eq!(suggest("pyhton")[0], "python");
        assert_eq!(suggest("dokcer")[0], "docker");
        assert_eq!(suggest("Python"), vec!["python"]);
        assert!(suggest("zzzzzzzzzzzz").is_empty());
    }
}
