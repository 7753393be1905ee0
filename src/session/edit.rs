//! The edits the forms make, each turned into new text by the engine's lossless apply.

use serde::Deserialize;
use serde_json::Value as Json;

use super::{Session, Snapshot, Update};
use crate::error::{Error, Result};
use crate::formats::EditError;
use crate::model::Block;

/// One form edit.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Edit {
    /// Set (or, with `null`, remove) a front-matter key.
    FrontMatter { key: String, value: Option<Json> },
    /// Set (or remove) a site param.
    Param { key: String, value: Option<Json> },
    /// Replace block `id`'s content (same kind).
    Block { id: usize, block: Block },
    /// Insert a new block at position `index`.
    Insert { index: usize, block: Block },
    /// Move the block at position `from` to position `to`.
    Move { from: usize, to: usize },
    /// Remove block `id`.
    Delete { id: usize },
    /// Insert an exact copy of block `id` after it.
    Duplicate { id: usize },
}

impl Edit {
    /// Whether the edit can change which blocks there are (the forms then redraw).
    fn is_structural(&self) -> bool {
        matches!(
            self,
            Edit::Insert { .. } | Edit::Move { .. } | Edit::Delete { .. } | Edit::Duplicate { .. }
        )
    }
}

impl Session {
    /// Applies a form edit to the unsaved text. `coalesce` names the field being typed in,
    /// so a burst of keystrokes undoes as one step.
    pub fn edit(&mut self, edit: Edit, coalesce: Option<String>) -> Result<Update> {
        let Some(doc) = &self.doc else {
            return Err(Error::site(&self.path, "the page has an error and opens read-only; fix it in your editor and Folio reloads it"));
        };
        let kinds_before: Vec<&'static str> =
            doc.page.block_models().iter().map(Block::kind).collect();
        let fail = |e: EditError| Error::model(&self.path, e.at, e.message);
        let mut next = self.current.clone();
        match &edit {
            Edit::FrontMatter { key, value } => {
                next.page = doc
                    .page
                    .set_front_matter(key, value.clone())
                    .map_err(fail)?
            }
            Edit::Param { key, value } => {
                let mut params = doc.site.params();
                match value {
                    Some(v) => {
                        params.insert(key.clone(), v.clone());
                    }
                    None => {
                        params.remove(key);
                    }
                }
                if let Some((_, text)) = doc.site.params_edit(&params).map_err(fail)? {
                    next.config = Some(text);
                }
            }
            Edit::Block { id, block } => {
                next.page = doc.page.apply_block(*id, block).map_err(fail)?
            }
            Edit::Insert { .. }
            | Edit::Move { .. }
            | Edit::Delete { .. }
            | Edit::Duplicate { .. } => {
                let mut model = doc.page.to_model();
                model.revision = None;
                restructure(&mut model.blocks, &edit)
                    .map_err(|m| Error::model(&self.path, "blocks", m))?;
                next.page = doc.page.apply(&model).map_err(fail)?;
            }
        }
        self.replace(next, if edit.is_structural() { None } else { coalesce });
        let kinds_after: Vec<&'static str> = self
            .doc
            .as_ref()
            .map(|d| d.page.block_models().iter().map(Block::kind).collect())
            .unwrap_or_default();
        Ok(self.update(edit.is_structural() || kinds_after != kinds_before))
    }
}

/// Adds, moves, removes or copies blocks of a model.
fn restructure(blocks: &mut Vec<Block>, edit: &Edit) -> Result<(), String> {
    let n = blocks.len();
    let missing = |i: usize| format!("block {i} does not exist: the page has {n} blocks");
    match edit {
        Edit::Insert { index, block } => {
            if *index > n {
                return Err(missing(*index));
            }
            let mut b = block.clone();
            clear_id(&mut b);
            blocks.insert(*index, b);
        }
        Edit::Move { from, to } => {
            if *from >= n || *to >= n {
                return Err(missing((*from).max(*to)));
            }
            let b = blocks.remove(*from);
            blocks.insert(*to, b);
        }
        Edit::Delete { id } => {
            if *id >= n {
                return Err(missing(*id));
            }
            blocks.remove(*id);
        }
        Edit::Duplicate { id } => {
            let mut copy = blocks.get(*id).cloned().ok_or_else(|| missing(*id))?;
            clear_id(&mut copy);
            blocks.insert(id + 1, copy);
        }
        _ => {}
    }
    Ok(())
}

fn clear_id(b: &mut Block) {
    match b {
        Block::Markdown { id, .. } | Block::Shortcode { id, .. } => *id = None,
        Block::Card(c) => c.id = None,
    }
}

impl Snapshot {
    /// A snapshot of just a page text (no params file).
    pub fn page_only(page: impl Into<String>) -> Snapshot {
        Snapshot {
            page: page.into(),
            config: None,
        }
    }
}
