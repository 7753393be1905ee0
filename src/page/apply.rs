//! Applying a model to a page: the new text, changed only where the model differs.
//!
//! The body and the body of each paired shortcode are [`Region`]s of blocks, applied the
//! same way at any depth. Unmoved blocks are edited in place by splices. When blocks are
//! added, removed or reordered, the region is rebuilt from the blocks' own source text
//! (each edited in place) and the original whitespace between them, so a moved card keeps
//! its exact bytes. New shortcodes are written like their nearest sibling of the same name.

use std::collections::HashSet;
use std::ops::Range;

use serde_json::Value as Json;

use super::card::CardView;
use super::shortcode::ShortcodeView;
use super::tree::Shortcodes;
use super::{BlockSpan, Page, Region};
use crate::formats::EditError;
use crate::model::{Block, Card, Portfolio, Shortcode};
use crate::text::{self, Splice};

/// Whether a model block is of the kind the page has at that place.
fn same_kind(span: &BlockSpan, b: &Block) -> bool {
    matches!(
        (span, b),
        (BlockSpan::Markdown(_), Block::Markdown { .. })
            | (BlockSpan::Card(_), Block::Card(_))
            | (BlockSpan::Shortcode(_), Block::Shortcode(_))
    )
}

/// How far from a new block its model siblings are searched for one to copy.
const NEAREST: usize = 64;

/// Why an edit that makes a page without front matter begin like one is refused.
const TOP_READ_AS_FRONT_MATTER: &str = "Hugo would read the top of this text as front matter, \
     and stop (a page without front matter whose text begins with `-`, `+` or `{`, blank \
     lines before it or not): begin it with other text";

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
        if let Some(v) = model.version.filter(|v| *v > crate::model::MODEL_VERSION) {
            return Err(EditError::new(
                "version",
                format!(
                    "this model is of version {v}, made by a newer Folio; this one reads up to \
                     version {}",
                    crate::model::MODEL_VERSION
                ),
            ));
        }
        if let Some(rev) = &model.revision {
            if *rev != super::revision(&self.src) {
                return Err(EditError {
                    at: "revision".into(),
                    message: "the page changed since this model was read from it; read it again (folio dump) and redo the edit".into(),
                });
            }
        }
        let mut splices = self.front_matter_edits(model)?;
        splices.extend(self.region_edits(&self.body, &model.blocks, "blocks")?);
        let page = self.finish(splices, "blocks", !model.front_matter.is_empty())?;
        self.reads_back(&page, &model.front_matter)?;
        Ok(page)
    }

    /// Refuses an edited page (`new`) whose front matter Hugo would read otherwise than
    /// `wanted`: a value the writer could not keep apart from its neighbours (an anchor's
    /// aliases, a block scalar's kept line breaks), or text at the top of a page without
    /// front matter that Hugo reads as front matter (`---`). In TOML a `null` is a key
    /// removed.
    ///
    /// # Errors
    /// An [`EditError`] at the first key read otherwise (`frontMatter.menu.main`).
    fn reads_back(
        &self,
        new: &Page,
        wanted: &serde_json::Map<String, Json>,
    ) -> Result<(), EditError> {
        let toml = new
            .front_matter
            .as_ref()
            .is_some_and(|(_, t)| t.format == crate::formats::Format::Toml);
        let wanted = if toml {
            without_nulls(&Json::Object(wanted.clone()))
        } else {
            Json::Object(wanted.clone())
        };
        let read = Json::Object(new.to_front_matter());
        let Some(path) = first_difference(&wanted, &read, "frontMatter") else {
            return Ok(());
        };
        if self.front_matter.is_none() && wanted.as_object().is_some_and(|m| m.is_empty()) {
            return Err(EditError::new("blocks[0]", TOP_READ_AS_FRONT_MATTER));
        }
        Err(EditError::new(
            path,
            "Folio cannot write this value so that Hugo reads it back as the model says (the \
             page would read it otherwise): edit the page's text for it",
        ))
    }

    /// The page with the block at position `pos` replaced by `block` (same kind), without
    /// building the whole model: what a form edit on a large page needs.
    ///
    /// # Errors
    /// An [`EditError`] at `blocks[pos]` when there is no such block, it is of another
    /// kind, or the result would not parse.
    pub fn apply_block(&self, pos: usize, block: &Block) -> Result<Page, EditError> {
        let at = format!("blocks[{pos}]");
        let Some(orig) = self.body.blocks.get(pos) else {
            return Err(EditError::new(
                at,
                format!(
                    "block {pos} does not exist: the page has {} blocks",
                    self.body.blocks.len()
                ),
            ));
        };
        if !same_kind(orig, block) {
            return Err(EditError::new(
                at,
                format!("block {pos} is not a {} block in the page", block.kind()),
            ));
        }
        let splices = self.block_edits((&self.body, orig), block, &at)?;
        let page = self.finish(splices, &at, false)?;
        // A block's edit leaves the front matter's text alone: only a page without one can
        // come to read some (`---` typed at its top).
        if self.front_matter.is_none() {
            self.reads_back(&page, &serde_json::Map::new())
                .map_err(|e| EditError::new(&at, e.message))?;
        }
        Ok(page)
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
        let page = self.finish(splices, &format!("frontMatter.{key}"), true)?;
        self.reads_back(&page, &model.front_matter)?;
        Ok(page)
    }

    /// Applies splices, refusing a result that would not parse, or (unless the edit gives
    /// the page front matter: `front_matter_given`) that would begin with front matter
    /// where the page has none.
    fn finish(
        &self,
        splices: Vec<Splice>,
        at: &str,
        front_matter_given: bool,
    ) -> Result<Page, EditError> {
        if splices.is_empty() {
            return Ok(self.clone());
        }
        let out = text::apply_splices(&self.src, splices)
            .map_err(|e| EditError::new(at, e.to_string()))?;
        if out == self.src {
            return Ok(self.clone());
        }
        let new_front_matter = || {
            self.front_matter.is_none()
                && !front_matter_given
                && matches!(super::frontmatter::split(&out), Ok((Some(_), _)) | Err(_))
        };
        if new_front_matter() {
            return Err(EditError::new(
                if at == "blocks" { "blocks[0]" } else { at },
                TOP_READ_AS_FRONT_MATTER,
            ));
        }
        Page::parse_in(&out, &self.catalogue).map_err(|e| EditError {
            // An error in the front matter is the front matter's, whatever the edit.
            at: match super::frontmatter::split(&out) {
                Ok((Some(_), body)) if e.offset < body && at == "blocks" => "frontMatter".into(),
                _ => at.to_string(),
            },
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
                let mut doc = crate::formats::Tree::parse(
                    &empty,
                    4 + eol.len() - 1..4 + eol.len() - 1,
                    crate::formats::Format::Yaml,
                )
                .map_err(|e| EditError {
                    at: "frontMatter".into(),
                    message: e.message,
                })?;
                // Its lines end as the page's do (an empty one has none to tell).
                doc.eol = eol;
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

    /// Splices that make `region` hold `blocks` (`at` names them in errors: `blocks`,
    /// `blocks[2].children`).
    fn region_edits(
        &self,
        region: &Region,
        blocks: &[Block],
        at: &str,
    ) -> Result<Vec<Splice>, EditError> {
        check_ids(region, blocks, at)?;
        let unmoved = blocks.len() == region.blocks.len()
            && blocks.iter().enumerate().all(|(i, b)| b.id() == Some(i));
        if !unmoved {
            return Ok(vec![self.rebuild(region, blocks, at)?]);
        }
        let mut out = Vec::new();
        for (i, (span, b)) in region.blocks.iter().zip(blocks).enumerate() {
            out.extend(self.block_edits((region, span), b, &format!("{at}[{i}]"))?);
        }
        Ok(out)
    }

    /// Splices (in page offsets) that turn the block at `span` of `region` into `b`. Prose
    /// is given without the region's indentation ([`Region::indent`]): changed lines get it.
    #[allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "a block's range and shortcode index come from this page's own parse of `src`"
    )]
    fn block_edits(
        &self,
        (region, span): (&Region, &BlockSpan),
        b: &Block,
        at: &str,
    ) -> Result<Vec<Splice>, EditError> {
        match (span, b) {
            (BlockSpan::Markdown(r), Block::Markdown { text: new, .. }) => {
                let raw = &self.src[r.clone()];
                // Blank lines around the new text are the gaps' (the block is read back
                // without them): written into the block, they would pile up at each edit.
                let new = super::prose_range(new)
                    .and_then(|p| new.get(p))
                    .unwrap_or(new);
                let indent = region.indent.as_str();
                let same = if indent.is_empty() {
                    text::same_text(raw, new)
                } else {
                    text::same_text(&text::dedent(raw, indent), new)
                };
                if same {
                    return Ok(Vec::new());
                }
                Ok(vec![Splice::new(
                    r.clone(),
                    text::rewrite_lines(raw, indent, new, self.eol),
                )])
            }
            (BlockSpan::Card(i), Block::Card(card)) => {
                let view = CardView::new(&self.src, &self.shortcodes.all[*i]);
                if view.matches(card) {
                    return Ok(Vec::new());
                }
                view.edits(card, self.eol, at)
            }
            (BlockSpan::Shortcode(i), Block::Shortcode(new)) => self.shortcode_edits(*i, new, at),
            _ => Err(EditError::new(
                at,
                format!("this block is not a {} block in the page", b.kind()),
            )),
        }
    }

    /// Splices that turn shortcode `i` into `new`: its `source` verbatim when that changed,
    /// else its parameters, then its body or else its children.
    #[allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "`i` indexes this page's own shortcodes, whose spans lie on char boundaries"
    )]
    fn shortcode_edits(
        &self,
        i: usize,
        new: &Shortcode,
        at: &str,
    ) -> Result<Vec<Splice>, EditError> {
        let sc = &self.shortcodes.all[i];
        let raw = &self.src[sc.span.clone()];
        if let Some(source) = &new.source {
            let source = text::normalize_eol(source);
            if !text::same_text(raw, &source) {
                return Ok(vec![Splice::new(
                    sc.span.clone(),
                    text::rewrite_lines(raw, "", &source, self.eol),
                )]);
            }
        }
        if !new.name.is_empty() && new.name != sc.name() {
            return Err(EditError::new(
                format!("{at}.name"),
                format!(
                    "`{}` cannot be renamed to `{}` in place: change `source` to rewrite the call",
                    sc.name(),
                    new.name
                ),
            ));
        }
        let view = self.body_view(&self.src, sc, sc.name());
        let mut out = match &new.params {
            Some(params) => {
                let schema = self.catalogue.get(sc.name()).map(|t| &t.schema);
                view.param_edits(params, schema, &format!("{at}.params"))?
            }
            None => Vec::new(),
        };
        if let Some(body) = &new.body {
            if !view.body_matches(body) {
                out.push(view.body_edit(body, self.eol, &format!("{at}.body"))?);
                return Ok(out);
            }
        }
        if let (Some(children), Some(_)) = (&new.children, &sc.close) {
            let region = self.region_of(i);
            out.extend(self.region_edits(&region, children, &format!("{at}.children"))?);
        }
        Ok(out)
    }

    /// The text of model block `b` at position `pos` of `blocks`, the new content of
    /// `region`; a new call copied from another is written for a place at `indent`.
    #[allow(
        clippy::string_slice,
        reason = "a block's range comes from this page's own parse of `src`"
    )]
    fn block_text(
        &self,
        region: &Region,
        blocks: &[Block],
        pos: usize,
        indent: &str,
        at: &str,
    ) -> Result<String, EditError> {
        let at = format!("{at}[{pos}]");
        let Some(b) = blocks.get(pos) else {
            return Ok(String::new());
        };
        if let Some(span) = b.id().and_then(|id| region.blocks.get(id)) {
            let r = self.block_range(span);
            let local: Vec<Splice> = self
                .block_edits((region, span), b, &at)?
                .into_iter()
                .map(|s| Splice::new(s.range.start - r.start..s.range.end - r.start, s.text))
                .collect();
            return text::apply_splices(&self.src[r], local)
                .map_err(|e| EditError::new(at, e.to_string()));
        }
        match b {
            Block::Markdown { text: t, .. } => {
                let t = super::prose_range(t).and_then(|p| t.get(p)).unwrap_or(t);
                let t = text::normalize_eol(t);
                // In an indented container, prose given with its own indentation (a child
                // copied as `folio dump` gives it) is moved to the place's: every line at
                // `indent` (the first gets it from the caller), not indented twice.
                let t = if indent.is_empty() {
                    t
                } else {
                    let own = text::common_indent(&t);
                    let moved = moved_lines(&t, own, indent);
                    match moved.strip_prefix(own) {
                        Some(rest) => rest.to_string(),
                        None => moved,
                    }
                };
                Ok(text::with_eol(&t, self.eol))
            }
            Block::Shortcode(sc) => self.new_shortcode((region, blocks, pos), sc, indent, &at),
            Block::Card(card) => self.new_card((region, blocks, pos), card, indent, &at),
        }
    }

    /// The nearest block to `pos` in `blocks` (before it first) that is in the page and
    /// `wanted`, as the shortcode index it has in `region`.
    fn nearest(
        region: &Region,
        blocks: &[Block],
        pos: usize,
        wanted: impl Fn(&BlockSpan) -> Option<usize>,
    ) -> Option<usize> {
        // The nearest few: a model of thousands of new blocks must not scan them all for
        // each (beyond, the page's first call of the name is copied).
        let before = blocks.iter().take(pos).rev().take(NEAREST);
        let after = blocks.iter().skip(pos + 1).take(NEAREST);
        before
            .chain(after)
            .filter_map(|b| b.id().and_then(|id| region.blocks.get(id)))
            .find_map(&wanted)
    }

    /// A new card, written like the nearest card of its region, else the page's first card
    /// (notation, spacing, parameter order, body indentation, line endings) by editing a
    /// copy of that card's source.
    fn new_card(
        &self,
        (region, blocks, pos): (&Region, &[Block], usize),
        card: &Card,
        indent: &str,
        at: &str,
    ) -> Result<String, EditError> {
        // A card in the notation the model asks for, if it asks.
        let notation_ok = |i: usize| {
            card.notation.is_none_or(|n| {
                self.shortcodes
                    .all
                    .get(i)
                    .is_some_and(|sc| sc.open.notation == n)
            })
        };
        let card_index = |b: &BlockSpan| match b {
            BlockSpan::Card(i) if notation_ok(*i) => Some(*i),
            _ => None,
        };
        let nearest = Self::nearest(region, blocks, pos, card_index)
            .or_else(|| self.body.blocks.iter().find_map(card_index))
            .or_else(|| {
                self.shortcodes
                    .all
                    .iter()
                    .enumerate()
                    .position(|(i, sc)| super::is_card(sc, &self.catalogue) && notation_ok(i))
            });
        let template = nearest
            .and_then(|i| self.shortcodes.all.get(i))
            .and_then(|sc| self.copied(sc, indent))
            .unwrap_or_else(|| {
                let default = match card.notation {
                    Some(n @ crate::model::Notation::Percent) => DEFAULT_CARD
                        .replace("{{<", n.left())
                        .replace(">}}", n.right()),
                    _ => DEFAULT_CARD.to_string(),
                };
                text::with_eol(&default, self.eol)
            });
        let scs = self.parse_copy(&template, at)?;
        let sc = scs
            .top
            .first()
            .and_then(|&i| scs.all.get(i))
            .ok_or_else(|| EditError::new(at, "no card to copy"))?;
        let splices = CardView::new(&template, sc).edits_new(card, self.eol, at)?;
        text::apply_splices(&template, splices).map_err(|e| EditError::new(at, e.to_string()))
    }

    /// A new shortcode: its `source` verbatim when given; else a copy of the nearest
    /// shortcode of the same name (in its region, else in the page) edited to `new`'s
    /// parameters and body; else written plainly (`{{< name key="value" >}}`, closed when
    /// its template reads `.Inner` or a body is given).
    fn new_shortcode(
        &self,
        (region, blocks, pos): (&Region, &[Block], usize),
        new: &Shortcode,
        indent: &str,
        at: &str,
    ) -> Result<String, EditError> {
        if let Some(source) = &new.source {
            // As written, its lines after the first moved from where they were (their
            // common indentation: `folio dump` gives a nested call's source so) to here.
            let source = text::normalize_eol(source);
            let own = text::common_indent(source.split_once('\n').map_or("", |(_, rest)| rest));
            let source = moved_lines(&source, own, indent);
            return Ok(text::with_eol(&source, self.eol));
        }
        self.check_new_name(&new.name, &format!("{at}.name"))?;
        // A call of the name, in the notation the model asks for, if it asks.
        let like = |sc: &super::tree::Shortcode| {
            sc.name() == new.name && new.notation.is_none_or(|n| sc.open.notation == n)
        };
        let named = |b: &BlockSpan| match b {
            BlockSpan::Shortcode(i) => self
                .shortcodes
                .all
                .get(*i)
                .filter(|sc| like(sc))
                .map(|_| *i),
            _ => None,
        };
        let sibling = Self::nearest(region, blocks, pos, named)
            .or_else(|| self.shortcodes.all.iter().position(like));
        let sibling = sibling
            .and_then(|i| self.shortcodes.all.get(i))
            .and_then(|sc| self.copied(sc, indent));
        match sibling.map(|t| self.call_like(&t, new, at)) {
            Some(Ok(text)) => Ok(text),
            // A sibling that cannot take these parameters (positional, say, for a named
            // call): written plainly instead.
            _ => self.call_like(&self.plain_call(new), new, at),
        }
    }

    /// A new call's name: Hugo's name grammar (letters, digits, `_`, `-`, `/`), and one the
    /// site has a template for when Folio knows the site's templates (Hugo fails on a
    /// call of a shortcode it has no template for).
    fn check_new_name(&self, name: &str, at: &str) -> Result<(), EditError> {
        if name.is_empty() {
            return Err(EditError::new(
                at,
                "a new shortcode needs a name (or its whole `source`)",
            ));
        }
        if !name
            .chars()
            .all(|c| super::lexer::is_alnum(c) || "-/".contains(c))
        {
            return Err(EditError::new(
                at,
                format!("{name:?} is not a shortcode name: letters, digits, `_`, `-` and `/` only"),
            ));
        }
        let site_known = self
            .catalogue
            .iter()
            .any(|t| t.origin != crate::templates::Origin::BuiltIn)
            && self.catalogue.missing_sources().is_empty();
        if site_known && self.catalogue.get(name).is_none() {
            return Err(EditError::new(
                at,
                format!("the site has no template for shortcode `{name}`: Hugo would fail to build the page"),
            ));
        }
        Ok(())
    }

    /// The call `sc` of `src` (the page's text, or a new call's), a body written into it
    /// while empty indented as this page indents `name`'s bodies past the call's own line
    /// ([`Page::body_indent`]).
    fn body_view<'s>(
        &self,
        src: &'s str,
        sc: &'s super::tree::Shortcode,
        name: &str,
    ) -> ShortcodeView<'s> {
        let view = ShortcodeView::new(src, sc);
        match self.body_indent(name) {
            Some(rel) => {
                view.with_fresh_indent(format!("{}{rel}", super::line_indent(src, sc.span.start)))
            }
            None => view,
        }
    }

    /// `template` (a call of `new`'s shortcode) edited to `new`'s parameters and body.
    fn call_like(&self, template: &str, new: &Shortcode, at: &str) -> Result<String, EditError> {
        let scs = self.parse_copy(template, at)?;
        let sc = scs
            .top
            .first()
            .and_then(|&i| scs.all.get(i))
            .ok_or_else(|| EditError::new(at, "no shortcode to copy"))?;
        let view = self.body_view(template, sc, &new.name);
        let schema = self.catalogue.get(&new.name).map(|t| &t.schema);
        let mut splices = view.param_edits(
            new.params.as_deref().unwrap_or_default(),
            schema,
            &format!("{at}.params"),
        )?;
        let has_body = new.body.as_ref().is_some_and(|b| !b.is_empty())
            || new.children.as_ref().is_some_and(|c| !c.is_empty());
        if sc.close.is_some() {
            let body = match (&new.body, &new.children) {
                (Some(b), _) => b.clone(),
                (None, Some(children)) => self.new_children(children, &format!("{at}.children"))?,
                (None, None) => String::new(),
            };
            splices.push(view.body_edit(&body, self.eol, &format!("{at}.body"))?);
        } else if has_body {
            return Err(EditError::new(
                format!("{at}.body"),
                format!("`{}` takes no body here (its template does not read .Inner, or its call is not closed)", new.name),
            ));
        }
        text::apply_splices(template, splices).map_err(|e| EditError::new(at, e.to_string()))
    }

    /// The body of a new container from its `children` (all new): each written as a new
    /// block is, shortcodes on consecutive lines, prose set off by blank lines; LF line
    /// endings (the body is re-indented and given the page's line endings when written).
    fn new_children(&self, children: &[Block], at: &str) -> Result<String, EditError> {
        let none = Region::default();
        let mut out = String::new();
        let mut prev: Option<&Block> = None;
        for (i, b) in children.iter().enumerate() {
            let mut fresh = b.clone();
            fresh.set_id(None);
            if let Some(p) = prev {
                let prose =
                    matches!(p, Block::Markdown { .. }) || matches!(b, Block::Markdown { .. });
                out.push_str(if prose { "\n\n" } else { "\n" });
            }
            let text = self.block_text(
                &none,
                std::slice::from_ref(&fresh),
                0,
                "",
                &format!("{at}[{i}]"),
            )?;
            out.push_str(&text::normalize_eol(&text));
            prev = Some(b);
        }
        Ok(out)
    }

    /// `{{< name >}}`, closed (`{{< /name >}}`) when its template reads `.Inner` (or, with
    /// no readable template, when `new` has a body); parameters are added by the caller's
    /// edit.
    fn plain_call(&self, new: &Shortcode) -> String {
        let n = new.notation.unwrap_or(crate::model::Notation::Angle);
        let (l, r) = (n.left(), n.right());
        let name = &new.name;
        let open = if new
            .params
            .as_ref()
            .is_some_and(|p| p.iter().any(|p| p.name.is_none()))
        {
            // A positional call: the caller's edit appends the values.
            format!("{l} {name} {r}")
        } else {
            format!("{l} {name} {r}")
        };
        let paired = self
            .catalogue
            .paired(name)
            .unwrap_or(new.body.is_some() || new.children.is_some());
        if paired {
            let eol = self.eol;
            format!("{open}{eol}{eol}{l} /{name} {r}")
        } else {
            open
        }
    }

    /// The text of call `sc`, to be copied for a new call at `indent`: its lines after the
    /// first moved from the call's own indentation (the blanks before it on its line) to
    /// `indent`, so a card copied from another container has its body and closing tag
    /// where the new card's are. A closing tag that names another shortcode (Hugo closes
    /// the innermost open one whatever the name, [`super::tree`]) names the call's own in
    /// the copy, which stands alone.
    fn copied(&self, sc: &super::tree::Shortcode, indent: &str) -> Option<String> {
        let mut source = std::borrow::Cow::Borrowed(self.src.get(sc.span.clone())?);
        if let Some(close) = sc.close.as_ref().filter(|c| c.name != sc.open.name) {
            let name = close.name_span.start - sc.span.start..close.name_span.end - sc.span.start;
            source.to_mut().replace_range(name, sc.name());
        }
        let source = &*source;
        let before = self
            .src
            .get(text::line_start(&self.src, sc.span.start)..sc.span.start)?;
        let own = if before.chars().all(|c| c == ' ' || c == '\t') {
            before
        } else {
            ""
        };
        Some(moved_lines(source, own, indent))
    }

    /// Parses a copied shortcode's text with the page's shortcodes.
    fn parse_copy(&self, template: &str, at: &str) -> Result<Shortcodes, EditError> {
        Shortcodes::parse(template, 0, &self.catalogue).map_err(|e| EditError::new(at, e.message))
    }

    /// One splice replacing `region`'s blocks with `blocks` in their order. A shortcode's
    /// indentation is the end of the gap before it and goes with it; prose carries its own;
    /// a new block gets the region's (that of its first shortcode, else its first prose).
    #[allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "`segment` makes a gap before each block and one after the last, so `gaps` \
                  has `blocks.len() + 1` entries, each a span of this page's `src` between \
                  lexer spans, so on char boundaries"
    )]
    fn rebuild(&self, region: &Region, blocks: &[Block], at: &str) -> Result<Splice, EditError> {
        let n = region.blocks.len();
        let gaps = &region.gaps;
        let span: Range<usize> = if n == 0 {
            gaps[0].clone()
        } else {
            let lead = trailing_indent(&self.src[gaps[0].clone()]).len();
            gaps[0].end - lead..gaps[n].start
        };
        let para = format!("{0}{0}", self.eol);
        let fresh = self.region_indent(region);
        let mut out = String::new();
        if n == 0 && !blocks.is_empty() {
            // Blocks into an empty region: after whatever blank space is there. In the
            // page's own body, that space's last line is ended first: spaces before a
            // block there would indent it, and four make it a code block; and a front
            // matter closed without a line break (`---` at the end of the file) gets one.
            let gap = &self.src[gaps[0].clone()];
            out.push_str(gap);
            let unended =
                !gap.contains('\n') && span.start > 0 && !self.src[..span.start].ends_with('\n');
            if std::ptr::eq(region, &self.body) && (!trailing_indent(gap).is_empty() || unended) {
                out.push_str(self.eol);
            }
        }
        let order = Order::new(blocks);
        let body = std::ptr::eq(region, &self.body);
        for (pos, b) in blocks.iter().enumerate() {
            // Whether this block starts a block of its own in the text (after a blank line,
            // or first), rather than going on the text before it.
            let mut apart = true;
            if pos > 0 {
                let gap = self.gap_between(region, blocks, pos, &order, &para);
                apart = gap.matches('\n').count() >= 2;
                out.push_str(gap.strip_suffix(trailing_indent(&gap)).unwrap_or(&gap));
            }
            let indent = match (b, b.id()) {
                (Block::Markdown { .. }, Some(_)) => "",
                (_, Some(id)) => {
                    let own = self.own_indent(region, id);
                    // A call indented into what was before it (a list item's text) and
                    // moved away from it to stand apart: in the page's body, its
                    // indentation would put it in another list item, or (four columns)
                    // make it a code block. Moved within text it goes on, it keeps it.
                    let moved = order.before[pos] != id.checked_sub(1);
                    if body && moved && apart && !self.list_goes_on(region, blocks, pos + 1) {
                        ""
                    } else {
                        own
                    }
                }
                (_, None) => match order.slot(blocks, pos) {
                    // Between two blocks that were neighbours: indented as the one of
                    // them that is a call.
                    Some(q) => [q - 1, q]
                        .into_iter()
                        .find(|&i| !matches!(region.blocks.get(i), Some(BlockSpan::Markdown(_))))
                        .map_or(fresh, |i| self.own_indent(region, i)),
                    // A new call elsewhere in the body starts at the margin (the first
                    // call's indentation may be a list item's).
                    None if body => "",
                    None => fresh,
                },
            };
            out.push_str(indent);
            out.push_str(&self.block_text(region, blocks, pos, indent, at)?);
        }
        if n == 0 && !blocks.is_empty() && !out.ends_with('\n') {
            out.push_str(self.eol);
        }
        Ok(Splice::new(span, out))
    }

    /// Whether block `pos` of `blocks` (the new order of `region`) goes on a list or a
    /// quote: a block of the page whose first line is indented or is a list item or a
    /// quote's. A call moved before it stays in that list.
    fn list_goes_on(&self, region: &Region, blocks: &[Block], pos: usize) -> bool {
        let Some(span) = blocks
            .get(pos)
            .and_then(Block::id)
            .and_then(|id| region.blocks.get(id).map(|s| (id, s)))
        else {
            return false;
        };
        let (id, span) = span;
        if !self.own_indent(region, id).is_empty() {
            return true;
        }
        let first = self.block_source(span).lines().next().unwrap_or_default();
        let marker = first.trim_start_matches(|c: char| c.is_ascii_digit());
        first.starts_with([' ', '\t', '>', '-', '*', '+'])
            || (marker.len() < first.len() && marker.starts_with(['.', ')']))
    }

    /// The indentation of block `id` of `region` when it is a shortcode: the spaces and tabs
    /// after the last line break of the gap before it.
    #[allow(
        clippy::string_slice,
        reason = "gaps are spans of this page's `src` between lexer spans, so on char boundaries"
    )]
    fn own_indent(&self, region: &Region, id: usize) -> &str {
        let gap = region.gaps.get(id).map_or("", |g| &self.src[g.clone()]);
        if gap.contains('\n') || id > 0 {
            trailing_indent(gap)
        } else {
            ""
        }
    }

    /// The indentation a new block of `region` gets: its first shortcode's, else its first
    /// prose line's.
    fn region_indent(&self, region: &Region) -> &str {
        for (id, b) in region.blocks.iter().enumerate() {
            match b {
                BlockSpan::Markdown(_) => {}
                _ => return self.own_indent(region, id),
            }
        }
        region
            .blocks
            .iter()
            .find_map(|b| match b {
                BlockSpan::Markdown(_) => {
                    let t = self.block_source(b);
                    Some(
                        t.get(..t.len() - t.trim_start_matches([' ', '\t']).len())
                            .unwrap_or(""),
                    )
                }
                _ => None,
            })
            .unwrap_or("")
    }

    /// The whitespace to put between blocks `pos - 1` and `pos` of `blocks`, the new order
    /// of `region`: the gap they had when they were neighbours; where blocks stood between
    /// them that are now removed or elsewhere, the widest of the gaps around those (so
    /// text glued to a call that left stays glued to its neighbour, and a tight list
    /// stays tight); for a
    /// new call put between two neighbours, the gap between them; else the gap after
    /// the first or before the second or between any two blocks of the region. One line
    /// break does between two shortcodes (cards listed on consecutive lines); prose needs
    /// a blank line, or it would run into its neighbour.
    #[allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "`segment` makes a gap before each block and one after the last, so `gaps` \
                  has `blocks.len() + 1` entries, each a span of this page's `src` between \
                  lexer spans, so on char boundaries; `pos` is at least 1"
    )]
    fn gap_between(
        &self,
        region: &Region,
        blocks: &[Block],
        pos: usize,
        order: &Order,
        para: &str,
    ) -> String {
        let n = region.blocks.len();
        let gaps = &region.gaps;
        let (prev, next) = (&blocks[pos - 1], &blocks[pos]);
        let (before, after) = (prev.id(), next.id());
        if let (Some(a), Some(b)) = (before, after) {
            if b == a + 1 {
                return self.src[gaps[b].clone()].to_string();
            }
            // Two calls that were neighbours, swapped: the gap that was between them.
            let calls =
                !matches!(prev, Block::Markdown { .. }) && !matches!(next, Block::Markdown { .. });
            if a == b + 1 && calls {
                return self.src[gaps[a].clone()].to_string();
            }
            if a < b {
                // A blank line or none is what tells blocks apart; the first gap of the
                // widest kind.
                let widest = (a + 1..=b)
                    .map(|i| &self.src[gaps[i].clone()])
                    .rev()
                    .max_by_key(|g| g.matches('\n').count().min(2));
                if let Some(g) = widest {
                    return g.to_string();
                }
            }
        }
        if let Some(q) = order
            .slot(blocks, pos)
            .or_else(|| order.slot(blocks, pos - 1))
        {
            return self.src[gaps[q].clone()].to_string();
        }
        let candidate = match (before, after) {
            (Some(a), _) if a + 1 < n => Some(&gaps[a + 1]),
            (_, Some(b)) if b > 0 && b < n => Some(&gaps[b]),
            _ if n >= 2 => Some(&gaps[1]),
            _ => None,
        };
        let prose =
            matches!(prev, Block::Markdown { .. }) || matches!(next, Block::Markdown { .. });
        // Two blocks each glued to its old neighbour there (no blank line after the first,
        // none before the second: calls in one list item or paragraph, reordered) stay so.
        let glued = |g: &Range<usize>| self.src[g.clone()].matches('\n').count() == 1;
        let both_glued = matches!((before, after),
            (Some(a), Some(b)) if a + 1 < n && b > 0 && glued(&gaps[a + 1]) && glued(&gaps[b]));
        // A new call the body gets elsewhere than between two neighbours stands apart:
        // glued, it would go on the text before it (a list item's).
        let new_call_apart = std::ptr::eq(region, &self.body)
            && next.id().is_none()
            && !matches!(next, Block::Markdown { .. });
        let needed = if (prose && !both_glued) || new_call_apart {
            2
        } else {
            1
        };
        match candidate.map(|g| &self.src[g.clone()]) {
            Some(g) if g.matches('\n').count() >= needed => g.to_string(),
            // Calls in a container with no gap to copy: one to a line, as cards are listed.
            None if !prose && !std::ptr::eq(region, &self.body) => self.eol.to_string(),
            _ => para.to_string(),
        }
    }
}

/// Where each block of a region's new order stands against the old one.
struct Order {
    /// For each new position, the id of the nearest block before it that is in the page.
    before: Vec<Option<usize>>,
    /// For each new position, the id of the nearest block after it that is in the page.
    after: Vec<Option<usize>>,
}

impl Order {
    fn new(blocks: &[Block]) -> Order {
        let scan = |ids: &mut dyn Iterator<Item = Option<usize>>| {
            let mut last = None;
            ids.map(|id| {
                let here = last;
                last = id.or(last);
                here
            })
            .collect::<Vec<_>>()
        };
        let before = scan(&mut blocks.iter().map(Block::id));
        let mut after = scan(&mut blocks.iter().rev().map(Block::id));
        after.reverse();
        Order { before, after }
    }

    /// For a new call at `pos` put between two blocks that were neighbours (nothing but
    /// new calls between them), the id of the second.
    fn slot(&self, blocks: &[Block], pos: usize) -> Option<usize> {
        let b = blocks.get(pos)?;
        if b.id().is_some() || matches!(b, Block::Markdown { .. }) {
            return None;
        }
        match (self.before.get(pos)?, self.after.get(pos)?) {
            (Some(p), Some(q)) if *q == p + 1 => Some(*q),
            _ => None,
        }
    }
}

/// `source` (a call's text) with its lines after the first moved from the indentation
/// `own` to `indent`; a line not starting with `own` stays as it is.
pub(super) fn moved_lines(source: &str, own: &str, indent: &str) -> String {
    if own == indent {
        return source.to_string();
    }
    let mut out = String::with_capacity(source.len());
    for (i, line) in source.split_inclusive('\n').enumerate() {
        match line.strip_prefix(own) {
            Some(rest) if i > 0 && !rest.trim().is_empty() => {
                out.push_str(indent);
                out.push_str(rest);
            }
            Some(rest) if i > 0 => out.push_str(rest),
            _ => out.push_str(line),
        }
    }
    out
}

/// The spaces and tabs at the end of `gap`, after its last line break.
pub(super) fn trailing_indent(gap: &str) -> &str {
    let line = gap
        .rfind('\n')
        .map_or(gap, |i| gap.get(i + 1..).unwrap_or(""));
    if line.chars().all(|c| c == ' ' || c == '\t') {
        line
    } else {
        ""
    }
}

/// Checks a model's block ids against `region`: each names one of its blocks, at most
/// once, of the same kind.
fn check_ids(region: &Region, blocks: &[Block], at: &str) -> Result<(), EditError> {
    let mut seen = HashSet::new();
    for (i, b) in blocks.iter().enumerate() {
        let Some(id) = b.id() else { continue };
        let at = format!("{at}[{i}].id");
        let Some(orig) = region.blocks.get(id) else {
            return Err(EditError {
                at,
                message: format!("block {id} does not exist: there are {} blocks here (was the model dumped from another version of the page?)", region.blocks.len()),
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

/// `v` without the map entries that are `null`, at any depth (TOML has no null: such a
/// key is removed).
fn without_nulls(v: &Json) -> Json {
    match v {
        Json::Object(m) => Json::Object(
            m.iter()
                .filter(|(_, x)| !x.is_null())
                .map(|(k, x)| (k.clone(), without_nulls(x)))
                .collect(),
        ),
        Json::Array(items) => Json::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// The path (`frontMatter.menu.main`, `frontMatter.tags[1]`) of the first value where `a`
/// and `b` differ; none when they are equal.
fn first_difference(a: &Json, b: &Json, path: &str) -> Option<String> {
    match (a, b) {
        _ if a == b => None,
        (Json::Object(x), Json::Object(y)) => x
            .keys()
            .chain(y.keys().filter(|k| !x.contains_key(*k)))
            .find_map(|k| {
                let here = format!("{path}.{k}");
                match (x.get(k), y.get(k)) {
                    (Some(p), Some(q)) => first_difference(p, q, &here),
                    _ => Some(here),
                }
            }),
        (Json::Array(x), Json::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, &format!("{path}[{i}]"))),
        _ => Some(path.to_string()),
    }
}
