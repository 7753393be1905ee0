//! Moving a block from one list of blocks to another: out of a paired shortcode into the
//! page's body, from the body into one, or from one to another. The block is written with
//! its own text (a call's source as it is, prose as it is), at the indentation of its new
//! place; the lists it leaves and joins are rebuilt as [`Page::apply`] rebuilds a region.

use super::apply::{moved_lines, trailing_indent};
use super::{BlockSpan, Page};
use crate::formats::EditError;
use crate::model::{Block, Shortcode};
use crate::text;

impl Page {
    /// The page with the block at `from` moved into the list `into`, at position `to` of
    /// that list once moved (as [`Vec::insert`] reads it), and the moved block's path in
    /// that page.
    ///
    /// Both are paths of positions: the top-level block's, then a child's at each level
    /// below it. `from` names the block moved (`[2]`: the third block of the body; `[2,
    /// 0]`: the first block inside it); `into` names the paired shortcode whose blocks it
    /// joins (`[]`: the page's body). A move within one list keeps the block as the page
    /// has it, as a reorder of [`Page::apply`] does.
    ///
    /// # Errors
    /// An [`EditError`] at `blocks` when `from` names no block or `into` no paired
    /// shortcode (or one deeper than the model goes), when `into` is the block moved or
    /// inside it, when `to` is past the end of the list, or when the page that results
    /// does not parse (see [`Page::apply`]).
    pub fn transfer(
        &self,
        from: &[usize],
        into: &[usize],
        to: usize,
    ) -> Result<(Page, Vec<usize>), EditError> {
        let fail = |why: String| EditError::new("blocks", why);
        let Some((&last, parent)) = from.split_last() else {
            return Err(fail("no block to move was named".into()));
        };
        if into.starts_with(from) {
            return Err(fail("a block cannot be moved into itself".into()));
        }
        let span = self
            .span_at(from)
            .ok_or_else(|| fail(format!("no block at {}", path_text(from))))?;
        let mut model = self.to_model();
        model.revision = None;
        let source = children_at(&mut model.blocks, parent)
            .ok_or_else(|| fail(format!("no paired shortcode at {}", path_text(parent))))?;
        if last >= source.len() {
            return Err(fail(format!("no block at {}", path_text(from))));
        }
        let kept = source.remove(last);
        let block = if parent == into {
            kept
        } else {
            self.moved(&span)
        };
        // The list `into` names, as it is once the block has left its own: a later
        // sibling of the block, or a block inside one, is one place earlier.
        let under_parent = into.starts_with(parent);
        let mut into = into.to_vec();
        if let Some(k) = into
            .get_mut(parent.len())
            .filter(|k| under_parent && **k > last)
        {
            *k -= 1;
        }
        let list = children_at(&mut model.blocks, &into)
            .ok_or_else(|| fail(format!("no paired shortcode at {}", path_text(&into))))?;
        if to > list.len() {
            return Err(fail(format!(
                "position {to} is past the end of the list it goes to ({} blocks)",
                list.len()
            )));
        }
        list.insert(to, block);
        into.push(to);
        Ok((self.apply(&model)?, into))
    }

    /// The block at `path` (see [`Page::transfer`]).
    fn span_at(&self, path: &[usize]) -> Option<BlockSpan> {
        let (&first, rest) = path.split_first()?;
        let mut span = self.body.blocks.get(first)?.clone();
        for &k in rest {
            let BlockSpan::Shortcode(i) = span else {
                return None;
            };
            span = self.region_of(i).blocks.get(k)?.clone();
        }
        Some(span)
    }

    /// Block `span` as a new block of another list: a call (a card too) by its source,
    /// prose with its lines moved from the indentation of its place to none (the new
    /// place's is given when written).
    fn moved(&self, span: &BlockSpan) -> Block {
        let source = self.block_source(span);
        match span {
            BlockSpan::Markdown(r) => {
                // Its place's indentation: before the block on its first line, or
                // (a block that starts its line) that line's own.
                let before = trailing_indent(self.src.get(..r.start).unwrap_or_default());
                let body = source.trim_start_matches([' ', '\t']);
                let first = source.strip_suffix(body).unwrap_or_default();
                let own = if before.is_empty() { first } else { before };
                let text = moved_lines(body, own, "");
                Block::Markdown {
                    id: None,
                    text: text::normalize_eol(&text),
                }
            }
            BlockSpan::Card(i) | BlockSpan::Shortcode(i) => Block::Shortcode(Shortcode {
                name: self
                    .shortcodes
                    .all
                    .get(*i)
                    .map(|sc| sc.name().to_string())
                    .unwrap_or_default(),
                source: Some(text::normalize_eol(source)),
                ..Shortcode::default()
            }),
        }
    }
}

/// The list of blocks at `path` in `blocks` (see [`Page::transfer`]): `blocks` itself for
/// an empty path, else the children of the paired shortcode there. The body of each
/// shortcode on the way is left out, so the model's children are what is written.
fn children_at<'a>(blocks: &'a mut Vec<Block>, path: &[usize]) -> Option<&'a mut Vec<Block>> {
    let Some((&last, up)) = path.split_last() else {
        return Some(blocks);
    };
    match children_at(blocks, up)?.get_mut(last)? {
        Block::Shortcode(sc) => {
            sc.body = None;
            sc.children.as_mut()
        }
        _ => None,
    }
}

/// A path as the model names it: `blocks[2].children[0]`.
fn path_text(path: &[usize]) -> String {
    let mut out = String::from("blocks");
    for (depth, k) in path.iter().enumerate() {
        if depth > 0 {
            out.push_str(".children");
        }
        out.push_str(&format!("[{k}]"));
    }
    out
}
