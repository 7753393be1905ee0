//! The edits the forms make, each turned into new text by the engine's lossless apply and
//! parsed once: the page that apply parsed is the page the session goes on with.

use std::sync::Arc;

use serde::Deserialize;
use serde_json::Value as Json;

use super::{Session, Update};
use crate::error::{Error, Result};
use crate::formats::EditError;
use crate::model::Block;
use crate::open_page::OpenPage;
use crate::page::Page;

/// One form edit. Blocks are named by their session id ([`Session::block_ids`]); places
/// (`index`, `to`) are positions in the page's blocks.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Edit {
    /// Set (or, with `null`, remove) a front-matter key.
    FrontMatter {
        /// The key, as written in the front matter.
        key: String,
        /// The new value; `None` removes the key.
        value: Option<Json>,
    },
    /// Set (or remove) a site param.
    Param {
        /// The key under the config's `params`.
        key: String,
        /// The new value; `None` removes the key.
        value: Option<Json>,
    },
    /// Replace block `id`'s content (same kind).
    Block {
        /// The block's id.
        id: usize,
        /// Its new content.
        block: Block,
    },
    /// Insert a new block at position `index`.
    Insert {
        /// Where: 0 is before the first block, the number of blocks after the last.
        index: usize,
        /// The new block (its `id` is ignored).
        block: Block,
        /// Inside this paired shortcode's children instead of at the top level.
        #[serde(default)]
        within: Option<Within>,
    },
    /// Move block `id` to position `to`.
    Move {
        /// The block's id (with `within`: its position among the children).
        id: usize,
        /// Its position once moved.
        to: usize,
        /// Among this paired shortcode's children instead of at the top level.
        #[serde(default)]
        within: Option<Within>,
    },
    /// Remove block `id`.
    Delete {
        /// The block's id (with `within`: its position among the children).
        id: usize,
        /// Among this paired shortcode's children instead of at the top level.
        #[serde(default)]
        within: Option<Within>,
    },
    /// Move a block from one list of blocks to another: out of a paired shortcode, into
    /// one, or from one to another ([`Page::transfer`]), with its own text.
    Transfer {
        /// The block's id (with `within`: its position among the children).
        id: usize,
        /// The paired shortcode it is inside; `None` for a top-level block.
        #[serde(default)]
        within: Option<Within>,
        /// The paired shortcode it goes into; `None` for the top level.
        #[serde(default)]
        into: Option<Within>,
        /// Its position in that list once moved.
        to: usize,
    },
    /// Insert an exact copy of block `id` after it.
    Duplicate {
        /// The block's id (with `within`: its position among the children).
        id: usize,
        /// Among this paired shortcode's children instead of at the top level.
        #[serde(default)]
        within: Option<Within>,
    },
}

/// A paired shortcode whose children a structural edit works on: top-level block `id` (a
/// session id), then the position of a child at each level below it (`path`, empty for
/// the top-level block itself).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Within {
    /// The top-level block's session id.
    pub id: usize,
    /// Child positions from it down to the container.
    #[serde(default)]
    pub path: Vec<usize>,
}

impl Edit {
    /// The `op` names of the edits that add, move or remove blocks: the forms are redrawn
    /// after them, and they are never merged into the previous undo step.
    pub const STRUCTURAL: [&'static str; 5] = ["insert", "move", "transfer", "delete", "duplicate"];

    /// Whether the edit adds, moves or removes blocks (see [`Edit::STRUCTURAL`]).
    pub fn is_structural(&self) -> bool {
        matches!(
            self,
            Edit::Insert { .. }
                | Edit::Move { .. }
                | Edit::Transfer { .. }
                | Edit::Delete { .. }
                | Edit::Duplicate { .. }
        )
    }
}

/// What an edit made of the blocks: their ids after it (see [`Session::block_ids`]), and
/// the page path (top-level position, then child positions) of a block a transfer moved.
pub(super) struct Shape {
    pub ids: Option<Vec<usize>>,
    pub placed: Option<Vec<usize>>,
}

/// A field's edits in a row (the same `coalesce` name, nothing else changed between them,
/// the blocks the same): each is made to the page as it was before the first, as the
/// field's latest value holds all the run changed. So a key or a named parameter the
/// field emptied (removed) and then set again keeps its place and its comment, where it
/// would come back at the end. An edit that changes the blocks (a call typed into a text,
/// `redraw`) ends the run.
pub(super) struct FieldRun {
    key: String,
    /// The page before the run's first edit, and its text.
    open: Arc<OpenPage>,
    text: super::Snapshot,
    /// The session's version after the run's last edit: any other change ends the run.
    version: u64,
}

impl Session {
    /// Applies a form edit to the unsaved text. `coalesce` names the field being typed in,
    /// so a burst of keystrokes undoes as one step, and each of its edits is made to the
    /// text from before the field first changed ([`FieldRun`]). The new text is parsed once
    /// (by the apply that checks it), and the update carries the whole model only when the
    /// blocks changed (by kind or number), for the forms to be redrawn.
    ///
    /// # Errors
    /// A site error when the page is broken (read-only); a model error naming the field
    /// (`blocks[2]`, `frontMatter.title`, `params.email`) when the edit cannot be made.
    pub fn edit(&mut self, edit: Edit, coalesce: Option<String>) -> Result<Update> {
        let Some(open) = self.open.clone() else {
            return Err(Error::site(&self.path, "the page has an error and opens read-only; fix it in your editor and Folio reloads it"));
        };
        let coalesce = if edit.is_structural() { None } else { coalesce };
        let run = self
            .field_run
            .take()
            .filter(|r| Some(&r.key) == coalesce.as_ref() && r.version == self.version);
        // The run's page from before its first edit, or the page as it is.
        let (base, mut next) = match &run {
            Some(r) => (Arc::clone(&r.open), r.text.clone()),
            None => (Arc::clone(&open), self.current.clone()),
        };
        // A block's content changed, not which blocks there are: each keeps its id (when the
        // new text has another number of blocks, `set_current` carries ids over instead).
        let mut shape = Shape {
            ids: Some(self.ids.clone()),
            placed: None,
        };
        let page = match self.edited_page(&base, &edit, &mut next, &mut shape) {
            Ok(page) => page,
            Err(e) => {
                self.field_run = run;
                return Err(e);
            }
        };
        let redraw = edit.is_structural()
            || page.as_ref().is_some_and(|p| {
                !same_block_kinds(&open.page, p)
                    || match &edit {
                        // Blocks inside it came or went: positions the forms hold are stale.
                        Edit::Block { id, .. } => self
                            .position(*id)
                            .is_ok_and(|at| open.page.shape_of(at) != p.shape_of(at)),
                        _ => false,
                    }
            });
        if let Some(page) = &page {
            next.page = page.source().to_string();
        }
        // A run begins from the text before this edit (copied only then: a keystroke in a
        // run copies the page's text once, as any edit does).
        let text = match run {
            Some(r) => Some(r.text),
            None => coalesce
                .as_ref()
                .filter(|_| !redraw)
                .map(|_| self.current.clone()),
        };
        let Shape { ids, placed } = shape;
        self.replace(next, page, ids, coalesce.clone());
        // An edit that changed the blocks (a call typed into a text) ends the run: the
        // blocks and their ids are no longer the ones of the page from before it.
        self.field_run = coalesce
            .filter(|_| !redraw)
            .zip(text)
            .map(|(key, text)| FieldRun {
                key,
                open: base,
                text,
                version: self.version,
            });
        Ok(self.edit_update(&edit, redraw, placed))
    }

    /// The update after `edit`: the whole model when `redraw`, and what the edit changed
    /// beyond the text (the problems of the block it changed, the params' notes, where a
    /// block it moved went: `placed`, a page path).
    fn edit_update(&self, edit: &Edit, redraw: bool, placed: Option<Vec<usize>>) -> Update {
        let mut update = self.update(redraw);
        if let (Edit::Block { id, .. }, false) = (edit, redraw) {
            update.problems = self.field_problems(*id);
            update.problems_of = Some(*id);
        }
        if matches!(edit, Edit::Param { .. }) {
            update.params_elsewhere = Some(self.params_elsewhere());
        }
        update.placed = placed.and_then(|path| {
            let (&at, path) = path.split_first()?;
            Some(super::BlockAt {
                id: *self.ids.get(at)?,
                path: path.to_vec(),
            })
        });
        update
    }

    /// The page `edit` makes of `open`'s (`None` when only the params file changes, in
    /// `next`); `shape` is set to the blocks' ids after an edit that restructures them,
    /// and to where a transfer put its block.
    pub(super) fn edited_page(
        &mut self,
        open: &crate::open_page::OpenPage,
        edit: &Edit,
        next: &mut super::Snapshot,
        shape: &mut Shape,
    ) -> Result<Option<Page>> {
        let path = self.path.clone();
        let fail = |e: EditError| Error::model(&path, e.at, e.message);
        Ok(match edit {
            Edit::FrontMatter { key, value } => Some(
                open.page
                    .set_front_matter(key, value.clone())
                    .map_err(fail)?,
            ),
            Edit::Param { key, value } => {
                let mut params = open.site.params();
                match value {
                    Some(v) => params.insert(key.clone(), v.clone()),
                    None => params.remove(key),
                };
                if let Some((_, text)) = open.site.params_edit(&params).map_err(fail)? {
                    next.config = Some(text);
                }
                None
            }
            Edit::Block { id, block } => {
                let at = self.position(*id)?;
                Some(open.page.apply_block(at, block).map_err(fail)?)
            }
            Edit::Insert {
                within: Some(w), ..
            }
            | Edit::Move {
                within: Some(w), ..
            }
            | Edit::Delete {
                within: Some(w), ..
            }
            | Edit::Duplicate {
                within: Some(w), ..
            } => {
                let at = self.position(w.id)?;
                let block = self.restructure_within(&open.page, at, w, edit)?;
                Some(open.page.apply_block(at, &block).map_err(fail)?)
            }
            Edit::Transfer {
                id,
                within,
                into,
                to,
            } => {
                let page;
                (page, *shape) = self.transfer(open, (*id, within.as_ref()), into.as_ref(), *to)?;
                Some(page)
            }
            Edit::Insert { .. }
            | Edit::Move { .. }
            | Edit::Delete { .. }
            | Edit::Duplicate { .. } => {
                let (page, new_ids) = self.restructured(open, edit)?;
                shape.ids = Some(new_ids);
                Some(page)
            }
        })
    }

    /// The page with top-level structural `edit` made, and the blocks' ids then.
    fn restructured(&mut self, open: &OpenPage, edit: &Edit) -> Result<(Page, Vec<usize>)> {
        let mut model = open.page.to_model();
        model.revision = None;
        let mut blocks: Vec<(Block, usize)> =
            model.blocks.into_iter().zip(self.ids.clone()).collect();
        self.restructure(&mut blocks, edit)?;
        let (blocks, new_ids): (Vec<Block>, Vec<usize>) = blocks.into_iter().unzip();
        model.blocks = blocks;
        let page = open
            .page
            .apply(&model)
            .map_err(|e| Error::model(&self.path, e.at, e.message))?;
        Ok((page, new_ids))
    }

    /// The problems of block `id`'s fields (see [`crate::check::block_problems`]).
    fn field_problems(&self, id: usize) -> Vec<crate::check::FieldProblem> {
        let pos = self.ids.iter().position(|&i| i == id);
        pos.and_then(|p| self.open.as_ref()?.page.block_model_at(p))
            .map_or_else(Vec::new, |b| crate::check::block_problems(id, &b))
    }

    /// The position of block `id` in the unsaved page.
    fn position(&self, id: usize) -> Result<usize> {
        self.ids.iter().position(|&i| i == id).ok_or_else(|| {
            Error::model(
                &self.path,
                format!("blocks[{id}]"),
                format!(
                    "block {id} does not exist: the page has {} blocks",
                    self.ids.len()
                ),
            )
        })
    }

    /// Adds, moves, removes or copies blocks of a model, each paired with its session id
    /// (new blocks get new ids).
    fn restructure(&mut self, blocks: &mut Vec<(Block, usize)>, edit: &Edit) -> Result<()> {
        // The id a new block gets (taken even when the edit turns out out of range: ids
        // need only be unique).
        let adds = matches!(edit, Edit::Insert { .. } | Edit::Duplicate { .. });
        let fresh = if adds { self.new_id() } else { 0 };
        let n = blocks.len();
        let missing = |i: usize| {
            Error::model(
                &self.path,
                "blocks",
                format!("block {i} does not exist: the page has {n} blocks"),
            )
        };
        // Positions are looked up in `blocks` itself, so they are always in range of it.
        let at = |id: usize| {
            blocks
                .iter()
                .position(|(_, i)| *i == id)
                .ok_or_else(|| missing(id))
        };
        let from = match edit {
            Edit::Move { id, .. } | Edit::Delete { id, .. } | Edit::Duplicate { id, .. } => {
                at(*id)?
            }
            _ => 0,
        };
        rearrange(
            blocks,
            edit,
            from,
            |b| (b, fresh),
            |(b, _)| (without_id(b.clone()), fresh),
        )
        .map_err(missing)?;
        Ok(())
    }
}

impl Session {
    /// The page with the block `id` names (with `within`, as in [`Edit::Transfer`]) moved
    /// into the list `into` names, at `to`; and its [`Shape`]: the top-level blocks' ids then
    /// (a block that comes to the top level gets a new one, one that leaves it loses its
    /// own), and the moved block's page path.
    fn transfer(
        &mut self,
        open: &OpenPage,
        (id, within): (usize, Option<&Within>),
        into: Option<&Within>,
        to: usize,
    ) -> Result<(Page, Shape)> {
        let path_of = |w: &Within| -> Result<Vec<usize>> {
            Ok([self.position(w.id)?]
                .into_iter()
                .chain(w.path.iter().copied())
                .collect())
        };
        let from = match within {
            Some(w) => [path_of(w)?, vec![id]].concat(),
            None => vec![self.position(id)?],
        };
        let into_path = into.map(path_of).transpose()?.unwrap_or_default();
        let (page, placed) = open
            .page
            .transfer(&from, &into_path, to)
            .map_err(|e| Error::model(&self.path, e.at, e.message))?;
        let mut ids = self.ids.clone();
        let leaving = within
            .is_none()
            .then(|| from.first().map(|&at| ids.remove(at)))
            .flatten();
        if into.is_none() {
            let id = leaving.unwrap_or_else(|| self.new_id());
            ids.insert(to, id);
        }
        let shape = Shape {
            ids: Some(ids),
            placed: Some(placed),
        };
        Ok((page, shape))
    }

    /// Top-level block `at` of `page` with `edit` made among the children of the
    /// container `within` names (positions are those of the page as it is, so the forms
    /// name what they show).
    fn restructure_within(
        &self,
        page: &Page,
        at: usize,
        within: &Within,
        edit: &Edit,
    ) -> Result<Block> {
        let missing =
            |what: String| Error::model(&self.path, format!("blocks[{}]", within.id), what);
        let mut block = page
            .block_model_at(at)
            .ok_or_else(|| missing("no such block".into()))?;
        let mut node = &mut block;
        for (depth, &i) in within.path.iter().enumerate() {
            let Block::Shortcode(sc) = node else {
                return Err(missing(format!(
                    "level {depth} of the path is not a shortcode"
                )));
            };
            node = sc
                .children
                .as_mut()
                .and_then(|c| c.get_mut(i))
                .ok_or_else(|| missing(format!("it has no child {i} at level {depth}")))?;
        }
        let Block::Shortcode(container) = node else {
            return Err(missing("the container is not a shortcode".into()));
        };
        let Some(children) = container.children.as_mut() else {
            return Err(missing(format!(
                "`{}` is not paired: it has no children",
                container.name
            )));
        };
        // The body is what the children say now.
        container.body = None;
        let n = children.len();
        let out_of_range = |i: usize| missing(format!("child {i} does not exist: there are {n}"));
        let from = match edit {
            Edit::Move { id, .. } | Edit::Delete { id, .. } | Edit::Duplicate { id, .. } => *id,
            _ => 0,
        };
        rearrange(children, edit, from, |b| b, |b| without_id(b.clone())).map_err(out_of_range)?;
        Ok(block)
    }
}

/// Makes structural `edit` on `items`, the block it names being at position `from` (for a
/// move, a delete or a copy): `new` makes an inserted item from the edit's block (its id
/// dropped), `copy` the copy of an item. Both the top level (session ids) and a
/// container's children (positions) are rearranged here.
///
/// # Errors
/// The position that is out of range (the larger one, for a move).
fn rearrange<T>(
    items: &mut Vec<T>,
    edit: &Edit,
    from: usize,
    new: impl FnOnce(Block) -> T,
    copy: impl FnOnce(&T) -> T,
) -> std::result::Result<(), usize> {
    let n = items.len();
    match edit {
        Edit::Insert { index, block, .. } => {
            if *index > n {
                return Err(*index);
            }
            items.insert(*index, new(without_id(block.clone())));
        }
        Edit::Move { to, .. } => {
            if from >= n || *to >= n {
                return Err(from.max(*to));
            }
            let b = items.remove(from);
            items.insert(*to, b);
        }
        Edit::Delete { .. } => {
            if from >= n {
                return Err(from);
            }
            items.remove(from);
        }
        Edit::Duplicate { .. } => {
            let c = items.get(from).map(copy).ok_or(from)?;
            items.insert(from + 1, c);
        }
        Edit::FrontMatter { .. }
        | Edit::Param { .. }
        | Edit::Block { .. }
        | Edit::Transfer { .. } => {}
    }
    Ok(())
}

/// Whether two versions of a page have the same blocks, by kind and number: read from the
/// block spans, without building any block's model.
fn same_block_kinds(a: &Page, b: &Page) -> bool {
    a.blocks().len() == b.blocks().len()
        && a.blocks()
            .iter()
            .zip(b.blocks())
            .all(|(x, y)| std::mem::discriminant(x) == std::mem::discriminant(y))
}

/// A block as new: without the id that ties it to a block of the parsed page.
fn without_id(mut b: Block) -> Block {
    b.set_id(None);
    b
}

#[cfg(test)]
mod tests {
    use super::Edit;

    /// Every edit, one of each `op`.
    const ALL: [&str; 8] = [
        r#"{"op": "frontMatter", "key": "k", "value": null}"#,
        r#"{"op": "param", "key": "k", "value": null}"#,
        r#"{"op": "block", "id": 0, "block": {"kind": "markdown", "text": "x"}}"#,
        r#"{"op": "insert", "index": 0, "block": {"kind": "markdown", "text": "x"}}"#,
        r#"{"op": "move", "id": 0, "to": 1}"#,
        r#"{"op": "transfer", "id": 0, "into": {"id": 1}, "to": 0}"#,
        r#"{"op": "delete", "id": 0}"#,
        r#"{"op": "duplicate", "id": 0}"#,
    ];

    #[test]
    fn the_structural_list_the_ui_gets_names_exactly_the_structural_edits() {
        for json in ALL {
            let edit: Edit = serde_json::from_str(json).expect("a valid edit");
            let op: serde_json::Value = serde_json::from_str(json).expect("JSON");
            let listed = op
                .get("op")
                .and_then(serde_json::Value::as_str)
                .is_some_and(|o| Edit::STRUCTURAL.contains(&o));
            assert_eq!(listed, edit.is_structural(), "{json}");
        }
    }
}
