//! The `project-card` shortcode as a typed card, and the splices that turn one card into
//! another: a changed parameter rewrites only its value (quoted so Hugo reads it back
//! as written), a changed body rewrites only its changed lines, re-indented like the rest.

use std::ops::Range;

use serde_json::Value as Json;

use super::lexer::{Param, Quote};
pub use super::shortcode::quote;
use super::shortcode::ShortcodeView;
use super::tree::Shortcode;
use crate::formats::EditError;
use crate::model::Card;
use crate::text::Splice;

/// Parameters with a field of their own; any other named parameter goes to `extra`.
pub const FIELDS: [&str; 4] = ["title", "tech-icons", "other-tech", "repository"];

/// A card's shortcode and the layout of its body.
pub struct CardView<'a> {
    view: ShortcodeView<'a>,
    sc: &'a Shortcode,
    src: &'a str,
}

impl<'a> CardView<'a> {
    /// Reads a paired `project-card` shortcode.
    pub fn new(src: &'a str, sc: &'a Shortcode) -> Self {
        CardView {
            view: ShortcodeView::new(src, sc),
            sc,
            src,
        }
    }

    fn param(&self, key: &str) -> Option<&'a Param> {
        self.sc.open.get(key)
    }

    /// The card's fields.
    pub fn to_card(&self) -> Card {
        let words = |k: &str| {
            self.param(k)
                .map(|p| p.value.split_whitespace().map(str::to_string).collect())
                .unwrap_or_default()
        };
        let extra = self
            .sc
            .open
            .params
            .iter()
            .filter_map(|p| p.key.as_ref().map(|(k, _)| (k, p)))
            .filter(|(k, _)| !FIELDS.contains(&&***k))
            .map(|(k, p)| (k.to_string(), Json::String(p.value.clone())))
            .collect();
        Card {
            id: None,
            title: self
                .param("title")
                .map(|p| p.value.clone())
                .unwrap_or_default(),
            tech_icons: words("tech-icons"),
            other_tech: words("other-tech"),
            repository: self.param("repository").map(|p| p.value.clone()),
            body: self.view.body().unwrap_or_default(),
            extra,
            notation: Some(self.sc.open.notation),
        }
    }

    /// Whether this card already holds `c`'s fields, checked without building a model
    /// (applying a model to a large page compares every card).
    pub fn matches(&self, c: &Card) -> bool {
        let value = |k: &str| self.param(k).map(|p| p.value.as_str());
        let words_eq = |k: &str, want: &[String]| {
            value(k)
                .unwrap_or("")
                .split_whitespace()
                .eq(want.iter().map(String::as_str))
        };
        let mut extra_keys: Vec<&str> = self
            .sc
            .open
            .params
            .iter()
            .filter_map(|p| p.key.as_ref().map(|(k, _)| &**k))
            .filter(|k| !FIELDS.contains(k))
            .collect();
        extra_keys.sort_unstable();
        extra_keys.dedup();
        let named_extra = extra_keys.len();
        value("title").unwrap_or("") == c.title
            && words_eq("tech-icons", &c.tech_icons)
            && words_eq("other-tech", &c.other_tech)
            && value("repository") == c.repository.as_deref()
            && named_extra == c.extra.len()
            && c.extra
                .iter()
                .all(|(k, v)| matches!((value(k), v), (Some(a), Json::String(b)) if a == b))
            && (self.view.body_matches(&c.body) || self.sc.close.is_none() && c.body.is_empty())
    }

    /// Splices that make this card hold `new`'s fields. `at` names the card in errors.
    ///
    /// # Errors
    /// An [`EditError`] at the field (`blocks[1].title`) whose value cannot be written as a
    /// shortcode parameter, or at `….body` for a body given to a self-closing card.
    pub fn edits(&self, new: &Card, eol: &str, at: &str) -> Result<Vec<Splice>, EditError> {
        self.edits_as(new, eol, at, false)
    }

    /// [`CardView::edits`] for a new card written over a copy of another: a field left
    /// empty is not written (no `other-tech=""` in a card the user just added).
    ///
    /// # Errors
    /// As [`CardView::edits`].
    pub fn edits_new(&self, new: &Card, eol: &str, at: &str) -> Result<Vec<Splice>, EditError> {
        self.edits_as(new, eol, at, true)
    }

    fn edits_as(
        &self,
        new: &Card,
        eol: &str,
        at: &str,
        drop_empty: bool,
    ) -> Result<Vec<Splice>, EditError> {
        let old = self.to_card();
        let mut out = self.param_edits(&old, new, at, drop_empty)?;
        if new.body != old.body {
            if self.sc.close.is_none() {
                return Err(EditError::new(
                    format!("{at}.body"),
                    "a self-closing card has no body to edit",
                ));
            }
            out.push(self.view.body_edit(&new.body, eol, &format!("{at}.body"))?);
        }
        Ok(out)
    }

    /// The parameters `new` wants, as written in the shortcode (`None`: absent; an empty
    /// value too when `drop_empty`).
    fn wanted(new: &Card, drop_empty: bool) -> Vec<(String, Option<String>)> {
        let mut wanted: Vec<(String, Option<String>)> = vec![
            ("title".into(), Some(new.title.clone())),
            ("tech-icons".into(), Some(new.tech_icons.join(" "))),
            ("other-tech".into(), Some(new.other_tech.join(" "))),
            (
                "repository".into(),
                new.repository.clone().filter(|r| !r.is_empty()),
            ),
        ];
        for (k, v) in &new.extra {
            let s = match v {
                Json::String(s) => s.clone(),
                Json::Null => continue,
                other => other.to_string(),
            };
            wanted.push((k.clone(), Some(s)));
        }
        if drop_empty {
            for (_, v) in &mut wanted {
                *v = v.take().filter(|s| !s.is_empty());
            }
        }
        wanted
    }

    /// Splices over the opening tag: changed values in place, parameters removed with the
    /// space before them, new ones appended before the closing delimiter.
    fn param_edits(
        &self,
        old: &Card,
        new: &Card,
        at: &str,
        drop_empty: bool,
    ) -> Result<Vec<Splice>, EditError> {
        // The sample's template splits these at blanks (`split (.Get "tech-icons") " "`):
        // a word holding one would read as two, an empty one as none.
        for (field, words) in [
            ("techIcons", &new.tech_icons),
            ("otherTech", &new.other_tech),
        ] {
            if let Some(j) = words
                .iter()
                .position(|w| w.is_empty() || w.chars().any(char::is_whitespace))
            {
                return Err(EditError::new(
                    format!("{at}.{field}[{j}]"),
                    "a word of this list can be neither empty nor hold a blank: the card's \
                     template splits the list at blanks, so Hugo would read other words",
                ));
            }
        }
        let mut out = Vec::new();
        // Parameters the model no longer has go, every occurrence of a repeated key too.
        let mut removed: Vec<&Param> = self
            .sc
            .open
            .params
            .iter()
            .filter(|p| {
                p.key.as_ref().is_some_and(|(k, _)| {
                    !FIELDS.contains(&&**k) && new.extra.get(&**k).is_none_or(Json::is_null)
                })
            })
            .collect();
        let mut appended = String::new();
        for (key, value) in Self::wanted(new, drop_empty) {
            let field_at = format!("{at}.{}", field_name(&key));
            match (self.param(&key), value) {
                (Some(p), Some(v)) => {
                    if !same_value(old, &key, p, &v) {
                        let style = super::shortcode::quote_keeping_type(p, &v);
                        let q = quote(&v, style).map_err(|m| EditError::new(&field_at, m))?;
                        out.push(Splice::new(p.span.clone(), q));
                    }
                }
                (Some(_), None) => {
                    let all = self.sc.open.params.iter();
                    for p in all.filter(|p| p.key.as_ref().is_some_and(|(k, _)| **k == *key)) {
                        if !removed.iter().any(|r| std::ptr::eq(*r, p)) {
                            removed.push(p);
                        }
                    }
                }
                (None, Some(v)) if !v.is_empty() => {
                    let q = quote(&v, Quote::Double).map_err(|m| EditError::new(&field_at, m))?;
                    appended.push_str(&format!(" {key}={q}"));
                }
                (None, _) => {}
            }
        }
        for p in removed {
            out.push(Splice::new(self.param_with_space(p), ""));
        }
        if !appended.is_empty() {
            out.push(Splice::insert(self.sc.open.inner_end(self.src), appended));
        }
        Ok(out)
    }

    /// A parameter with the whitespace before it, for removal.
    fn param_with_space(&self, p: &Param) -> Range<usize> {
        self.view.param_with_space(p)
    }
}

fn field_name(key: &str) -> &str {
    match key {
        "tech-icons" => "techIcons",
        "other-tech" => "otherTech",
        k => k,
    }
}

/// Whether the parameter already holds `v`: the same string, or for word lists the same
/// words (so `"a  b"` is left alone when the list is unchanged).
fn same_value(old: &Card, key: &str, p: &Param, v: &str) -> bool {
    match key {
        "tech-icons" => old.tech_icons.join(" ") == v,
        "other-tech" => old.other_tech.join(" ") == v,
        _ => p.value == v,
    }
}
