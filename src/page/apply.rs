//! Applying a model to a page: the new text, changed only where the model differs.
//!
//! Unmoved blocks are edited in place by splices. When blocks are added, removed or
//! reordered, the body is rebuilt from the blocks' own source text (each edited in place)
//! and the original whitespace between them, so a moved card keeps its exact bytes.

use std::collections::HashSet;
use std::ops::Range;

use serde_json::Value as Json;

use super::card::CardView;
use super::tree::Shortcodes;
use super::{BlockSpan, Page};
use crate::formats::EditError;
use crate::model::{Block, Card, Portfolio};
use crate::text::{self, Splice};

/// Whether a model block is of the kind the page has at that place.
fn same_kind(span: &BlockSpan, b: &Block) -> bool {
    matches!(
        (span, b),
        (BlockSpan::Markdown(_), Block::Markdown { .. })
            | (BlockSpan::Card(_), Block::Card(_))
            | (BlockSpan::Shortcode(_), Block::Shortcode { .. })
    )
}

/// The card a new card is written like when the page has none to copy.
const DEFAULT_CARD: &str = "{{< project-card title=\"\" >}}\n\n{{< /project-card >}}";

impl Page {
    /// The page with `model` applied (site params are ignored here): the new text, parsed.
    /// That one parse is how an edit that would break the page is refused rather than
    /// written, and its result is the page the caller goes on with.
    ///
    /// # Errors
    /// An [`EditError`] naming the model path (`blocks[2].title`, `revision`, …) when the
    /// model does not fit the page, or its result would not parse.
    pub fn apply(&self, model: &Portfolio) -> Result<Page, EditError> {
        if let Some(rev) = &model.revision {
            if *rev != super::revision(&self.src) {
                return Err(EditError {
                    at: "revision".into(),
                    message: "the page changed since this model was read from it; read it again (folio dump) and redo the edit".into(),
                });
            }
        }
        let mut splices = self.front_matter_edits(model)?;
        self.check_ids(model)?;
        let unmoved = model.blocks.len() == self.blocks.len()
            && model
                .blocks
                .iter()
                .enumerate()
                .all(|(i, b)| b.id() == Some(i));
        if unmoved {
            for (i, b) in model.blocks.iter().enumerate() {
                splices.extend(self.block_edits(i, b)?);
            }
        } else {
            splices.push(self.rebuild_body(model)?);
        }
        self.finish(splices, "blocks")
    }

    /// The page with the block at position `pos` replaced by `block` (same kind), without
    /// building the whole model: what a form edit on a large page needs.
    ///
    /// # Errors
    /// An [`EditError`] at `blocks[pos]` when there is no such block, it is of another
    /// kind, or the result would not parse.
    pub fn apply_block(&self, pos: usize, block: &Block) -> Result<Page, EditError> {
        let at = format!("blocks[{pos}]");
        let Some(orig) = self.blocks.get(pos) else {
            return Err(EditError::new(
                at,
                format!(
                    "block {pos} does not exist: the page has {} blocks",
                    self.blocks.len()
                ),
            ));
        };
        if !same_kind(orig, block) {
            return Err(EditError::new(
                at,
                format!("block {pos} is not a {} block in the page", block.kind()),
            ));
        }
        let splices = self.block_edits(pos, block)?;
        self.finish(splices, &at)
    }

    /// The page with front-matter key `key` set to `value` (`None` removes it).
    ///
    /// # Errors
    /// An [`EditError`] at `frontMatter.KEY` when the value cannot be written there.
    pub fn set_front_matter(
        &self,
        key: &str,
        value: Option<serde_json::Value>,
    ) -> Result<Page, EditError> {
        let mut fm = self.to_front_matter();
        match value {
            Some(v) => {
                fm.insert(key.to_string(), v);
            }
            None => {
                fm.remove(key);
            }
        }
        let model = Portfolio {
            front_matter: fm,
            ..Portfolio::default()
        };
        let splices = self.front_matter_edits(&model)?;
        self.finish(splices, &format!("frontMatter.{key}"))
    }

    /// Applies splices, refusing a result that would not parse.
    fn finish(&self, splices: Vec<Splice>, at: &str) -> Result<Page, EditError> {
        if splices.is_empty() {
            return Ok(self.clone());
        }
        let out = text::apply_splices(&self.src, splices)
            .map_err(|e| EditError::new(at, e.to_string()))?;
        if out == self.src {
            return Ok(self.clone());
        }
        Page::parse_in(&out, &self.catalogue).map_err(|e| EditError {
            at: at.to_string(),
            message: format!(
                "the edited page would not parse at {}: {}",
                text::position(&out, e.offset),
                e.message
            ),
        })
    }

    fn front_matter_edits(&self, model: &Portfolio) -> Result<Vec<Splice>, EditError> {
        let new = Json::Object(model.front_matter.clone());
        match &self.front_matter {
            Some((_, doc)) => doc
                .edits(&self.src, &new)
                .map(|v| v.into_iter().collect())
                .map_err(|e| EditError {
                    at: format!("frontMatter.{}", e.at),
                    message: e.message,
                }),
            None if model.front_matter.is_empty() => Ok(Vec::new()),
            None => {
                // A page without front matter gets a YAML one.
                let eol = self.eol;
                let empty = format!("---{eol}---{eol}");
                let doc = crate::formats::Tree::parse(
                    &empty,
                    4 + eol.len() - 1..4 + eol.len() - 1,
                    crate::formats::Format::Yaml,
                )
                .map_err(|e| EditError {
                    at: "frontMatter".into(),
                    message: e.message,
                })?;
                let inner = doc.edits(&empty, &new).map_err(|e| EditError {
                    at: format!("frontMatter.{}", e.at),
                    message: e.message,
                })?;
                let text = text::apply_splices(&empty, inner)
                    .map_err(|e| EditError::new("frontMatter", e.to_string()))?;
                let at = if self.src.starts_with('\u{feff}') {
                    3
                } else {
                    0
                };
                Ok(vec![Splice::insert(at, text)])
            }
        }
    }

    fn check_ids(&self, model: &Portfolio) -> Result<(), EditError> {
        let mut seen = HashSet::new();
        for (i, b) in model.blocks.iter().enumerate() {
            let Some(id) = b.id() else { continue };
            let at = format!("blocks[{i}].id");
            let Some(orig) = self.blocks.get(id) else {
                return Err(EditError {
                    at,
                    message: format!("block {id} does not exist: the page has {} blocks (was the model dumped from another version of the page?)", self.blocks.len()),
                });
            };
            if !seen.insert(id) {
                return Err(EditError {
                    at,
                    message: format!("block {id} appears twice"),
                });
            }
            if !same_kind(orig, b) {
                return Err(EditError {
                    at,
                    message: format!("block {id} is not a {} block in the page", b.kind()),
                });
            }
        }
        Ok(())
    }

    /// Splices (in page offsets) that turn block `id` into `b`.
    #[allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "`id` was checked against `self.blocks` (`check_ids`, `apply_block`), and a \
                  block's range and shortcode index come from this page's own parse of `src`"
    )]
    fn block_edits(&self, id: usize, b: &Block) -> Result<Vec<Splice>, EditError> {
        let at = format!("blocks[{id}]");
        match (&self.blocks[id], b) {
            (BlockSpan::Markdown(r), Block::Markdown { text: new, .. }) => {
                let raw = &self.src[r.clone()];
                if text::same_text(raw, new) {
                    return Ok(Vec::new());
                }
                Ok(vec![Splice::new(
                    r.clone(),
                    text::rewrite_lines(raw, "", new, self.eol),
                )])
            }
            (BlockSpan::Card(i), Block::Card(card)) => {
                let view = CardView::new(&self.src, &self.shortcodes.all[*i]);
                if view.matches(card) {
                    return Ok(Vec::new());
                }
                view.edits(card, self.eol, &at)
            }
            (BlockSpan::Shortcode(i), Block::Shortcode { source, .. }) => {
                let r = self.shortcodes.all[*i].span.clone();
                let raw = &self.src[r.clone()];
                if text::same_text(raw, source) {
                    return Ok(Vec::new());
                }
                Ok(vec![Splice::new(
                    r,
                    text::rewrite_lines(raw, "", source, self.eol),
                )])
            }
            _ => unreachable!("check_ids matched kinds"),
        }
    }

    /// The text of model block `b` (at position `pos` of the model).
    #[allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "`id` was checked against `self.blocks` (`check_ids`, `apply_block`), and a \
                  block's range and shortcode index come from this page's own parse of `src`"
    )]
    fn block_text(&self, model: &Portfolio, pos: usize, b: &Block) -> Result<String, EditError> {
        if let Some(id) = b.id() {
            let r = self.block_range(&self.blocks[id]);
            let local: Vec<Splice> = self
                .block_edits(id, b)?
                .into_iter()
                .map(|s| Splice::new(s.range.start - r.start..s.range.end - r.start, s.text))
                .collect();
            return text::apply_splices(&self.src[r], local)
                .map_err(|e| EditError::new(format!("blocks[{pos}]"), e.to_string()));
        }
        let at = format!("blocks[{pos}]");
        match b {
            Block::Markdown { text: t, .. } => Ok(text::with_eol(t, self.eol)),
            Block::Shortcode { source, .. } => Ok(text::with_eol(source, self.eol)),
            Block::Card(card) => self.new_card(model, pos, card, &at),
        }
    }

    /// A new card, written like the nearest card of the page (notation, spacing, parameter
    /// order, body indentation, line endings) by editing a copy of that card's source.
    fn new_card(
        &self,
        model: &Portfolio,
        pos: usize,
        card: &Card,
        at: &str,
    ) -> Result<String, EditError> {
        let before = model.blocks.iter().take(pos).rev();
        let after = model.blocks.iter().skip(pos + 1);
        let nearest = before
            .chain(after)
            .find_map(|b| match b {
                Block::Card(_) => b.id(),
                _ => None,
            })
            .or_else(|| {
                self.blocks
                    .iter()
                    .position(|b| matches!(b, BlockSpan::Card(_)))
            });
        let template = nearest
            .and_then(|id| match self.blocks.get(id) {
                Some(BlockSpan::Card(i)) => self.shortcodes.all.get(*i),
                _ => None,
            })
            .and_then(|sc| self.src.get(sc.span.clone()))
            .map_or_else(|| text::with_eol(DEFAULT_CARD, self.eol), str::to_string);
        let fail = |m: String| EditError {
            at: at.to_string(),
            message: m,
        };
        let scs = Shortcodes::parse(&template, 0, &self.catalogue).map_err(|e| fail(e.message))?;
        let sc = scs
            .top
            .first()
            .and_then(|&i| scs.all.get(i))
            .ok_or_else(|| fail("no card to copy".into()))?;
        let splices = CardView::new(&template, sc).edits(card, self.eol, at)?;
        text::apply_splices(&template, splices).map_err(|e| EditError::new(at, e.to_string()))
    }

    /// One splice replacing the blocks' region with the blocks in the model's order.
    #[allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "`segment` makes a gap before each block and one after the last, so `gaps` \
                  has `blocks.len() + 1` entries, each a span of this page's `src` between \
                  lexer spans, so on char boundaries"
    )]
    fn rebuild_body(&self, model: &Portfolio) -> Result<Splice, EditError> {
        let n = self.blocks.len();
        let region: Range<usize> = if n == 0 {
            let g = &self.gaps[0];
            g.start..g.start
        } else {
            self.gaps[0].end..self.gaps[n].start
        };
        let para = format!("{0}{0}", self.eol);
        let mut out = String::new();
        if n == 0 && !model.blocks.is_empty() {
            // Blocks into an empty body: after whatever blank space is there.
            out.push_str(&self.src[self.gaps[0].clone()]);
        }
        let mut before: Option<Option<usize>> = None;
        for (pos, b) in model.blocks.iter().enumerate() {
            if let Some(prev) = before {
                out.push_str(&self.gap_between(prev, b.id(), &para));
            }
            out.push_str(&self.block_text(model, pos, b)?);
            before = Some(b.id());
        }
        if n == 0 && !model.blocks.is_empty() {
            let region = self.gaps[0].clone();
            if !out.ends_with('\n') {
                out.push_str(self.eol);
            }
            return Ok(Splice::new(region, out));
        }
        Ok(Splice::new(region, out))
    }

    /// The whitespace to put between two blocks of the new order.
    #[allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "`segment` makes a gap before each block and one after the last, so `gaps` \
                  has `blocks.len() + 1` entries, each a span of this page's `src` between \
                  lexer spans, so on char boundaries"
    )]
    fn gap_between(&self, before: Option<usize>, after: Option<usize>, para: &str) -> String {
        let n = self.blocks.len();
        if let (Some(a), Some(b)) = (before, after) {
            if b == a + 1 {
                return self.src[self.gaps[b].clone()].to_string();
            }
        }
        let candidate = match (before, after) {
            (Some(a), _) if a + 1 < n => Some(&self.gaps[a + 1]),
            (_, Some(b)) if b > 0 => Some(&self.gaps[b]),
            _ => None,
        };
        match candidate.map(|g| &self.src[g.clone()]) {
            Some(g) if g.matches('\n').count() >= 2 => g.to_string(),
            _ => para.to_string(),
        }
    }
}
