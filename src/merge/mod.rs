//! Three-way merge of a page edited in Folio (mine) and on disk (theirs) since both left
//! the same text (base), at the granularity of front-matter keys, site params, prose blocks,
//! card fields, and a shortcode's parameters, body and children (a container both sides
//! changed has its blocks merged as the page's are).
//!
//! The result is a model of *theirs* with my changes laid over it, to be applied to their
//! text: their bytes stay as they are and mine are spliced in the usual lossless way. Blocks
//! are matched across versions by a longest common subsequence of unchanged blocks; between
//! those anchors, blocks of the same kind pair up as edited, the rest as added or removed.
//! A block I added keeps its exact source text.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

mod align;
mod blocks;

use crate::model::{Card, Portfolio};

/// A field both sides changed differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// Stable name of the field (`frontMatter.title`, `params.email`, `blocks[3].title`).
    pub at: String,
    /// What a person calls it ("Card “Game backends”: title").
    pub label: String,
    /// The value both sides started from (`null`: absent).
    pub base: Json,
    /// The value in Folio (`null`: removed).
    pub mine: Json,
    /// The value on disk (`null`: removed).
    pub theirs: Json,
}

/// How a conflict is settled.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "pick", content = "value", rename_all = "camelCase")]
pub enum Resolution {
    /// Keep the value edited in Folio.
    Mine,
    /// Keep the value on disk.
    Theirs,
    /// A value typed in the conflict view.
    Value(Json),
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// Theirs, with my changes (and the resolutions) applied.
    pub model: Portfolio,
    /// Fields still to settle; the model holds theirs there meanwhile.
    pub conflicts: Vec<Conflict>,
}

/// The three versions' models, and my blocks' source text (for blocks I added).
pub struct Sides<'a> {
    /// The text both sides left from.
    pub base: &'a Portfolio,
    /// Folio's unsaved version.
    pub mine: &'a Portfolio,
    /// The version on disk now.
    pub theirs: &'a Portfolio,
    /// The source text of each of my blocks, by index into `mine.blocks`.
    pub mine_sources: &'a [String],
}

/// Merges, settling conflicts named in `resolutions` (keyed by [`Conflict::at`]); the
/// conflicts not named there are returned, with theirs in the model meanwhile.
pub fn merge(s: &Sides, resolutions: &HashMap<String, Resolution>) -> Merged {
    let mut m = Merger {
        resolutions,
        conflicts: Vec::new(),
    };
    let front_matter = m.map(
        "frontMatter",
        "Front matter",
        &s.base.front_matter,
        &s.mine.front_matter,
        &s.theirs.front_matter,
    );
    let params = m.map(
        "params",
        "Site param",
        &s.base.params,
        &s.mine.params,
        &s.theirs.params,
    );
    let blocks = m.blocks(s);
    Merged {
        model: Portfolio {
            version: None,
            revision: None,
            format: s.theirs.format,
            front_matter,
            blocks,
            params,
        },
        conflicts: m.conflicts,
    }
}

/// A merge under way: the resolutions to apply, and the conflicts left so far.
struct Merger<'a> {
    resolutions: &'a HashMap<String, Resolution>,
    conflicts: Vec<Conflict>,
}

impl Merger<'_> {
    /// One value: whichever side changed it, or a conflict when both did, differently.
    fn value(&mut self, at: &str, label: &str, base: &Json, mine: &Json, theirs: &Json) -> Json {
        if mine == theirs || mine == base {
            return theirs.clone();
        }
        if theirs == base {
            return mine.clone();
        }
        match self.resolutions.get(at) {
            Some(Resolution::Mine) => mine.clone(),
            Some(Resolution::Theirs) => theirs.clone(),
            Some(Resolution::Value(v)) => v.clone(),
            None => {
                self.conflicts.push(Conflict {
                    at: at.to_string(),
                    label: label.to_string(),
                    base: base.clone(),
                    mine: mine.clone(),
                    theirs: theirs.clone(),
                });
                theirs.clone()
            }
        }
    }

    /// A map key by key, in their order, my new keys after. A key that is `null` after the
    /// merge is absent.
    fn map(
        &mut self,
        at: &str,
        label: &str,
        base: &Map<String, Json>,
        mine: &Map<String, Json>,
        theirs: &Map<String, Json>,
    ) -> Map<String, Json> {
        let mut keys: Vec<&String> = theirs.keys().collect();
        keys.extend(mine.keys().filter(|k| !theirs.contains_key(*k)));
        keys.extend(
            base.keys()
                .filter(|k| !theirs.contains_key(*k) && !mine.contains_key(*k)),
        );
        let mut out = Map::new();
        for k in keys {
            let get = |m: &Map<String, Json>| m.get(k).cloned().unwrap_or(Json::Null);
            let v = self.value(
                &format!("{at}.{k}"),
                &format!("{label} “{k}”"),
                &get(base),
                &get(mine),
                &get(theirs),
            );
            if !v.is_null()
                || (theirs.get(k) == Some(&Json::Null) && mine.get(k) == Some(&Json::Null))
            {
                out.insert(k.clone(), v);
            }
        }
        out
    }

    /// A card both sides kept, field by field; its extra parameters key by key.
    fn card(&mut self, at: &str, b: &Card, m: &Card, t: &Card) -> Card {
        let field = |c: &Card| -> Json { serde_json::to_value(c).unwrap_or(Json::Null) };
        let (bj, mj, tj) = (field(b), field(m), field(t));
        let mut out = t.clone();
        // Named as both sides knew it before either changed it.
        let name = [&b.title, &t.title, &m.title]
            .into_iter()
            .find(|s| !s.is_empty())
            .map_or_else(|| "Untitled card".to_string(), |s| s.to_string());
        for key in ["title", "techIcons", "otherTech", "repository", "body"] {
            let v = self.value(
                &format!("{at}.{key}"),
                &format!("Card “{name}”: {key}"),
                bj.get(key).unwrap_or(&Json::Null),
                mj.get(key).unwrap_or(&Json::Null),
                tj.get(key).unwrap_or(&Json::Null),
            );
            match key {
                "title" => out.title = v.as_str().unwrap_or_default().to_string(),
                "techIcons" => out.tech_icons = serde_json::from_value(v).unwrap_or_default(),
                "otherTech" => out.other_tech = serde_json::from_value(v).unwrap_or_default(),
                "repository" => out.repository = v.as_str().map(str::to_string),
                _ => out.body = v.as_str().unwrap_or_default().to_string(),
            }
        }
        out.extra = self.map(
            &format!("{at}.extra"),
            &format!("Card “{name}”: parameter"),
            &b.extra,
            &m.extra,
            &t.extra,
        );
        out
    }
}
