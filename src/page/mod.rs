//! A Hugo content page, parsed losslessly: the original text plus the spans of its front
//! matter, shortcodes and blocks. Printing an unedited page gives back its exact bytes;
//! edits (see [`apply`]) splice new text over exactly what changed.

pub mod apply;
pub mod card;
pub mod frontmatter;
pub mod lexer;
pub mod shortcode;
mod transfer;
pub mod tree;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

pub use crate::model::Notation;

use crate::error::{Error, Result, SyntaxError};
use crate::formats::Tree;
use crate::model::{Block, Portfolio};
use crate::templates::Catalogue;
use crate::text;
use frontmatter::FrontMatterSpan;
use tree::Shortcodes;

/// Levels of `children` a model holds at most; deeper bodies are edited as `body` text.
pub const MAX_MODEL_DEPTH: usize = 40;

/// The name of the shortcode Folio edits as a card.
pub const CARD: &str = "project-card";

/// Where a block of the body is, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockSpan {
    /// Prose from its first non-blank line to its last non-blank character.
    Markdown(Range<usize>),
    /// A project card: index into [`Page::shortcodes`].
    Card(usize),
    /// Another shortcode on its own lines: index into [`Page::shortcodes`].
    Shortcode(usize),
}

/// A run of blocks: the page's body, or the body of a paired shortcode.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Region {
    /// The blocks, in order.
    pub blocks: Vec<BlockSpan>,
    /// Whitespace around blocks: `gaps[i]` comes before `blocks[i]`; one more at the end.
    pub gaps: Vec<Range<usize>>,
    /// The indentation every line of a paired shortcode's body has (its `body` is given
    /// without it): its prose blocks are given without it too, and re-indented with it
    /// (trial 51a, 5: typed lines were written without it). Empty for the page's body.
    pub indent: String,
}

/// A parsed page.
#[derive(Debug, Clone)]
pub struct Page {
    src: String,
    front_matter: Option<(FrontMatterSpan, Tree)>,
    body_start: usize,
    shortcodes: Shortcodes,
    /// The body's blocks.
    body: Region,
    eol: &'static str,
    /// The blocks as models, computed once: `apply` skips blocks equal to them.
    models: std::sync::OnceLock<Vec<Block>>,
    /// The shortcodes the page's site can call: how its shortcodes pair; kept to parse
    /// the page again after an edit.
    catalogue: Arc<Catalogue>,
}

/// What can be read of a page's text before its site is known: its front matter (span
/// and data), where its body starts, and the body's shortcode tags, lexed but not paired.
type Lexes = (Option<(FrontMatterSpan, Tree)>, usize, Vec<lexer::Token>);

/// A page file read as far as it can be without its site ([`Page::lex_file`]): its front
/// matter parsed and its body's shortcode tags lexed. Which tags pair is the site's
/// templates' to say ([`Catalogue::paired`]), so [`Lexed::pair`] finishes the parse once
/// the site is loaded. [`crate::OpenPage::open`] reads the page this way while the site
/// loads on another thread.
#[derive(Debug)]
pub struct Lexed {
    path: std::path::PathBuf,
    src: String,
    lexes: Lexes,
}

impl Lexed {
    /// Pairs the page's tags as the templates of its site (`catalogue`) say, and makes the
    /// page. Errors as [`Page::read`]'s.
    pub fn pair(self, catalogue: &Arc<Catalogue>) -> Result<Page> {
        Page::paired(self.src, self.lexes, catalogue).map_err(|(e, src)| e.at(&self.path, &src))
    }
}

impl Page {
    /// Reads and parses a page file of a site whose shortcodes are `catalogue`. Errors name
    /// the file, line and column.
    pub fn read(path: &Path, catalogue: &Arc<Catalogue>) -> Result<Page> {
        Page::lex_file(path)?.pair(catalogue)
    }

    /// Reads a page file and parses what needs no site: its front matter and its tags
    /// ([`Lexed`]). Errors name the file, line and column, as [`Page::read`]'s.
    pub fn lex_file(path: &Path) -> Result<Lexed> {
        let bytes = crate::fs::read(path).map_err(|e| Error::io(path, e))?;
        let src = crate::fs::decode(path, bytes)?;
        match Page::lex(&src) {
            Ok(lexes) => Ok(Lexed {
                path: path.to_path_buf(),
                src,
                lexes,
            }),
            Err(e) => Err(e.at(path, &src)),
        }
    }

    /// Parses page text outside any site: only Hugo's built-in shortcodes are known; other
    /// shortcodes are paired when a closing tag follows.
    pub fn parse(src: &str) -> std::result::Result<Page, SyntaxError> {
        Page::parse_in(src, &Catalogue::built_in())
    }

    /// The front matter of page text alone (`None` when it has none), its body left
    /// unread: what a site's other pages are read for (`.GetPage`, `ref`, permalinks). A
    /// long page is not parsed whole. Errors as [`Page::parse`]'s in the front matter.
    pub fn parse_front_matter(src: &str) -> std::result::Result<Option<Tree>, SyntaxError> {
        let (fm, _) = frontmatter::split(src)?;
        fm.map(|span| Tree::parse(src, span.inner.clone(), span.format))
            .transpose()
    }

    /// Parses the text of a page of a site whose shortcodes are `catalogue` (they decide
    /// which shortcodes are paired).
    pub fn parse_in(
        src: &str,
        catalogue: &Arc<Catalogue>,
    ) -> std::result::Result<Page, SyntaxError> {
        Page::parse_owned(src.to_string(), catalogue).map_err(|(e, _)| e)
    }

    /// [`Page::parse_in`] of text the page keeps as it is (a long page is not copied); on
    /// error, the text comes back with the error, to locate it.
    fn parse_owned(
        src: String,
        catalogue: &Arc<Catalogue>,
    ) -> std::result::Result<Page, (SyntaxError, String)> {
        match Page::lex(&src) {
            Ok(lexes) => Page::paired(src, lexes, catalogue),
            Err(e) => Err((e, src)),
        }
    }

    /// The page made of its text and what [`Page::lex`] read of it, its tags paired as
    /// `catalogue` says; on error, the text comes back with the error, to locate it.
    fn paired(
        src: String,
        (front_matter, body_start, tokens): Lexes,
        catalogue: &Arc<Catalogue>,
    ) -> std::result::Result<Page, (SyntaxError, String)> {
        let shortcodes = match Shortcodes::pair(&src, tokens, catalogue) {
            Ok(shortcodes) => shortcodes,
            Err(e) => return Err((e, src)),
        };
        let mut page = Page {
            eol: text::dominant_eol(&src),
            src,
            front_matter,
            body_start,
            shortcodes,
            body: Region::default(),
            models: std::sync::OnceLock::new(),
            catalogue: catalogue.clone(),
        };
        let top = page.shortcodes.top.clone();
        page.body = page.segment(page.body_start..page.src.len(), &top);
        Ok(page)
    }

    /// The front matter, where the body starts, and the body's tags ([`Lexes`]).
    fn lex(src: &str) -> std::result::Result<Lexes, SyntaxError> {
        PARSES.with(|n| n.set(n.get() + 1));
        // The rule `decode` applies to files: text that holds a NUL is not a page. Checked
        // here too, so an edit can never write a page that Folio would refuse to read.
        if let Some(at) = memchr::memchr(0, src.as_bytes()) {
            return Err(SyntaxError::new(
                at,
                "a NUL character (U+0000): a Hugo page is text and cannot hold one",
            ));
        }
        let (fm, body_start) = frontmatter::split(src)?;
        let front_matter = match fm {
            Some(span) => {
                let doc = Tree::parse(src, span.inner.clone(), span.format)?;
                Some((span, doc))
            }
            None => None,
        };
        Ok((front_matter, body_start, lexer::lex(src, body_start)?))
    }

    /// The shortcodes of the page's site, as the page was parsed with.
    pub fn catalogue(&self) -> &Arc<Catalogue> {
        &self.catalogue
    }

    /// The page's text, exactly as parsed.
    pub fn source(&self) -> &str {
        &self.src
    }

    /// Offset where the body starts (after the front matter).
    pub fn body_start(&self) -> usize {
        self.body_start
    }

    /// The front matter's span and parsed data.
    pub fn front_matter(&self) -> Option<&(FrontMatterSpan, Tree)> {
        self.front_matter.as_ref()
    }

    /// How far the page indents a call's body past the call's own line, for a body
    /// written into an empty call of `name`: as the first call of that name with a body
    /// does, else the first call of any name with a body; `None` when no call has one
    /// (trial 52a-4: a new `entry`'s body came indented two spaces beside its flush
    /// siblings). Relative, so a call in a list item does not pass its list's indentation
    /// to a call at the margin (review 52b, 5).
    pub fn body_indent(&self, name: &str) -> Option<String> {
        fn indent_of(src: &str, sc: &tree::Shortcode) -> Option<String> {
            let body = shortcode::ShortcodeView::new(src, sc).content_text();
            if body.trim().is_empty() {
                return None;
            }
            let own = line_indent(src, sc.span.start);
            let indent = text::common_indent(body);
            Some(indent.strip_prefix(own).unwrap_or(indent).to_string())
        }
        let (src, all) = (self.src.as_str(), &self.shortcodes.all);
        all.iter()
            .filter(|sc| sc.name() == name)
            .find_map(|sc| indent_of(src, sc))
            .or_else(|| all.iter().find_map(|sc| indent_of(src, sc)))
    }

    /// All shortcodes of the body.
    pub fn shortcodes(&self) -> &Shortcodes {
        &self.shortcodes
    }

    /// Comment-escaped shortcodes, in order.
    pub fn escapes(&self) -> &[tree::Escape] {
        &self.shortcodes.escapes
    }

    /// The blocks, in order.
    pub fn blocks(&self) -> &[BlockSpan] {
        &self.body.blocks
    }

    /// The line ending most lines of the page use.
    pub fn eol(&self) -> &'static str {
        self.eol
    }

    /// The byte span of a block.
    pub fn block_range(&self, b: &BlockSpan) -> Range<usize> {
        match b {
            BlockSpan::Markdown(r) => r.clone(),
            BlockSpan::Card(i) | BlockSpan::Shortcode(i) => {
                let sc = self.shortcodes.all.get(*i);
                sc.map_or(0..0, |sc| sc.span.clone())
            }
        }
    }

    /// The source text of a block (empty for a block that is not this page's).
    pub fn block_source(&self, b: &BlockSpan) -> &str {
        self.src.get(self.block_range(b)).unwrap_or_default()
    }

    /// The page as forms see it, with no site params ([`crate::OpenPage::model`] adds them).
    pub fn to_model(&self) -> Portfolio {
        let front_matter = self.to_front_matter();
        let blocks = self.block_models().to_vec();
        Portfolio {
            version: Some(crate::model::MODEL_VERSION),
            revision: Some(revision(&self.src)),
            format: self.front_matter.as_ref().map(|(s, _)| s.format),
            front_matter,
            blocks,
            params: serde_json::Map::new(),
        }
    }

    /// The front matter as JSON (empty without front matter).
    pub fn to_front_matter(&self) -> serde_json::Map<String, serde_json::Value> {
        match self.front_matter.as_ref().map(|(_, d)| d.to_json()) {
            Some(serde_json::Value::Object(m)) => m,
            _ => serde_json::Map::new(),
        }
    }

    /// Every block as a model, in order.
    pub fn block_models(&self) -> &[Block] {
        self.models.get_or_init(|| {
            self.body
                .blocks
                .iter()
                .enumerate()
                .map(|(id, b)| self.block_model(id, b))
                .collect()
        })
    }

    /// The model of the block at position `pos` alone (what a form edit of one block needs,
    /// without building every block's model); `None` past the last block.
    pub fn block_model_at(&self, pos: usize) -> Option<Block> {
        let models = self.models.get();
        match models {
            Some(all) => all.get(pos).cloned(),
            None => self.body.blocks.get(pos).map(|b| self.block_model(pos, b)),
        }
    }

    /// The blocks of the page's body.
    pub fn body(&self) -> &Region {
        &self.body
    }

    /// The blocks of the body of paired shortcode `i` (an index into
    /// [`Shortcodes::all`]): the prose and the shortcodes on their own lines in it. Empty for
    /// a shortcode that is not paired.
    pub fn region_of(&self, i: usize) -> Region {
        match self.shortcodes.all.get(i) {
            Some(sc) => match sc.inner() {
                Some(inner) => {
                    let indent = text::common_indent(self.src.get(inner.clone()).unwrap_or(""));
                    Region {
                        indent: indent.to_string(),
                        ..self.segment(inner, &sc.children)
                    }
                }
                None => Region::default(),
            },
            None => Region::default(),
        }
    }

    /// The shape of top-level block `pos`: its kind and, for a paired shortcode, the
    /// shape of each block inside it, recursively (what the forms draw, without the text).
    /// Two versions with the same shape keep every nested block at its position.
    pub fn shape_of(&self, pos: usize) -> Vec<u8> {
        let mut out = Vec::new();
        if let Some(b) = self.body.blocks.get(pos) {
            self.push_shape(b, &mut out);
        }
        out
    }

    fn push_shape(&self, b: &BlockSpan, out: &mut Vec<u8>) {
        match b {
            BlockSpan::Markdown(_) => out.push(b'm'),
            BlockSpan::Card(_) => out.push(b'c'),
            BlockSpan::Shortcode(i) => {
                out.push(b'(');
                for child in &self.region_of(*i).blocks {
                    self.push_shape(child, out);
                }
                out.push(b')');
            }
        }
    }

    /// The model of block `b`, with id `id` (its position in its region).
    #[allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "`b` is one of this page's blocks: `segment` made its range and shortcode \
                  index from the page's own shortcodes, whose spans lie on char boundaries of \
                  the same `src`"
    )]
    pub fn block_model(&self, id: usize, b: &BlockSpan) -> Block {
        match b {
            BlockSpan::Markdown(r) => Block::Markdown {
                id: Some(id),
                text: text::normalize_eol(&self.src[r.clone()]),
            },
            BlockSpan::Card(i) => {
                let mut c = card::CardView::new(&self.src, &self.shortcodes.all[*i]).to_card();
                c.id = Some(id);
                Block::Card(c)
            }
            BlockSpan::Shortcode(i) => Block::Shortcode(self.shortcode_model_at(id, *i, 0)),
        }
    }

    /// The model of shortcode `i` at `depth` levels of children (0 at the top), with its
    /// parameters typed by the site's template and its body's blocks, recursively.
    #[allow(
        clippy::indexing_slicing,
        clippy::string_slice,
        reason = "`i` indexes this page's own shortcodes, whose spans lie on char boundaries"
    )]
    fn shortcode_model_at(&self, id: usize, i: usize, depth: usize) -> crate::model::Shortcode {
        let sc = &self.shortcodes.all[i];
        let view = shortcode::ShortcodeView::new(&self.src, sc);
        let schema = self.catalogue.get(sc.name()).map(|t| &t.schema);
        // Deeper than MAX_MODEL_DEPTH, a body is edited as text: the JSON stays within what
        // JSON readers take (serde_json stops at 128 levels).
        let children = sc
            .close
            .as_ref()
            .filter(|_| depth < MAX_MODEL_DEPTH)
            .map(|_| {
                let region = self.region_of(i);
                region
                    .blocks
                    .iter()
                    .enumerate()
                    .map(|(k, b)| match b {
                        BlockSpan::Shortcode(j) => {
                            Block::Shortcode(self.shortcode_model_at(k, *j, depth + 1))
                        }
                        BlockSpan::Markdown(r) => Block::Markdown {
                            id: Some(k),
                            text: text::normalize_eol(&text::dedent(
                                &self.src[r.clone()],
                                &region.indent,
                            )),
                        },
                        BlockSpan::Card(_) => self.block_model(k, b),
                    })
                    .collect()
            });
        crate::model::Shortcode {
            id: Some(id),
            name: sc.name().to_string(),
            notation: Some(sc.open.notation),
            params: Some(view.params(schema)),
            body: view.body(),
            children,
            source: Some(text::normalize_eol(&self.src[sc.span.clone()])),
        }
    }

    /// Splits `range` (the body, or a shortcode's inner) into blocks and the whitespace gaps
    /// between them; `shortcodes` are the shortcodes directly inside it, in order.
    #[allow(
        clippy::indexing_slicing,
        reason = "`shortcodes` holds indices into `all` (`Shortcodes::parse` builds both)"
    )]
    fn segment(&self, range: Range<usize>, shortcodes: &[usize]) -> Region {
        // At most a run of prose before each call and after the last.
        let mut blocks = Vec::with_capacity(2 * shortcodes.len() + 1);
        let mut gaps = Vec::with_capacity(2 * shortcodes.len() + 2);
        let mut gap_start = range.start;
        let mut run_start = range.start;
        let sample_card = has_sample_card(&self.catalogue);
        for &i in shortcodes {
            let sc = &self.shortcodes.all[i];
            let kind = if sample_card && edits_as_card(sc) {
                BlockSpan::Card(i)
            } else if stands_alone(&self.src, &sc.span, range.start, range.end) {
                BlockSpan::Shortcode(i)
            } else {
                continue;
            };
            self.push_run(
                run_start..sc.span.start,
                &mut gap_start,
                &mut blocks,
                &mut gaps,
            );
            gaps.push(gap_start..sc.span.start);
            blocks.push(kind);
            gap_start = sc.span.end;
            run_start = sc.span.end;
        }
        self.push_run(run_start..range.end, &mut gap_start, &mut blocks, &mut gaps);
        gaps.push(gap_start..range.end);
        Region {
            blocks,
            gaps,
            indent: String::new(),
        }
    }

    /// Adds the prose in `run` (if any) as a Markdown block, leaving blank lines before it and
    /// the line breaks after it to the gaps. Blanks on its first line before it and on its
    /// last line after it are its own: a form that gave them back as they are would leave
    /// them behind, and each edit at the block's end add more.
    fn push_run(
        &self,
        run: Range<usize>,
        gap_start: &mut usize,
        blocks: &mut Vec<BlockSpan>,
        gaps: &mut Vec<Range<usize>>,
    ) {
        let t = self.src.get(run.clone()).unwrap_or_default();
        let Some(prose) = prose_range(t) else {
            return;
        };
        let (lead, end) = (prose.start, run.start + prose.end);
        gaps.push(*gap_start..run.start + lead);
        blocks.push(BlockSpan::Markdown(run.start + lead..end));
        *gap_start = end;
    }
}

/// The prose of `t` (a run of text between blocks, or a prose block's new text): from the
/// start of its first line that is not blank (that line's indentation is prose) to the end
/// of its last such line (the blanks after it too, up to the line break); `None` when `t`
/// is blank. Blank lines and line breaks around it belong to the gaps between blocks.
pub(crate) fn prose_range(t: &str) -> Option<Range<usize>> {
    let ws = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');
    if t.trim_matches(ws).is_empty() {
        return None;
    }
    let lead_ws = t.len() - t.trim_start_matches(ws).len();
    let start = t
        .get(..lead_ws)
        .unwrap_or_default()
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let prose_end = t.trim_end_matches(ws).len();
    let tail = t.get(prose_end..).unwrap_or_default();
    let blanks = tail.len() - tail.trim_start_matches([' ', '\t']).len();
    Some(start..prose_end + blanks)
}

thread_local! {
    static PARSES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many times page text has been parsed on the calling thread ([`Page::parse`] and its
/// kin; a page file read apart from its site counts when it is lexed): lets tests assert
/// that an edit parses its result once (and benchmarks count parses), without a global lock.
pub fn parses_on_this_thread() -> u64 {
    PARSES.with(std::cell::Cell::get)
}

/// Whether `span` of `src` has only blank space before it on its line (back to `start` at
/// most) and after it (up to `end` at most).
pub fn stands_alone(src: &str, span: &Range<usize>, start: usize, end: usize) -> bool {
    let line_start = text::line_start(src, span.start).max(start);
    let (Some(before), Some(rest)) = (src.get(line_start..span.start), src.get(span.end..end))
    else {
        return false;
    };
    let after = rest.split('\n').next().unwrap_or_default();
    before.trim_matches([' ', '\t']).is_empty() && after.trim_matches([' ', '\t', '\r']).is_empty()
}

/// A fingerprint of page text (64 bits, hex): models carry it so a model is never applied
/// to a different version of the page than it was read from. `FxHasher` (rustc-hash) reads
/// eight bytes at a step, so a large page costs little; any change of a byte changes the
/// fingerprint with overwhelming likelihood. It may change between Folio versions (a model
/// dumped by another version is refused as stale: dump it again).
pub fn revision(src: &str) -> String {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(src.as_bytes());
    h.write_usize(src.len());
    format!("{:016x}", h.finish())
}

/// Whether a shortcode is edited as the sample's card: a paired (or self-closing)
/// `project-card` with named parameters, in a site whose `project-card` template is the
/// sample's kind (it reads `tech-icons`) or unknown. A site's own `project-card` reading
/// other parameters is a shortcode like any other, with its template's fields.
pub fn is_card(sc: &tree::Shortcode, catalogue: &Catalogue) -> bool {
    edits_as_card(sc) && has_sample_card(catalogue)
}

/// The call's side of [`is_card`]: a paired (or self-closing) `project-card` with named
/// parameters.
fn edits_as_card(sc: &tree::Shortcode) -> bool {
    sc.name() == CARD
        && (sc.close.is_some() || sc.open.self_closing)
        && (sc.open.params.is_empty() || sc.open.is_named())
}

/// Whether the site's `project-card` is the sample's kind (its template reads
/// `tech-icons`), or the site has no `project-card` template Folio could read.
pub fn has_sample_card(catalogue: &Catalogue) -> bool {
    use crate::templates::ParamKey;
    catalogue.get(CARD).is_none_or(|t| {
        t.schema
            .param(&ParamKey::Named("tech-icons".into()))
            .is_some()
    })
}

impl std::fmt::Display for Page {
    /// Prints the page: always the exact text it was parsed from.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.src)
    }
}

/// The blanks before `at` on its line, when only blanks stand there (a call's own
/// indentation); empty otherwise.
pub(crate) fn line_indent(src: &str, at: usize) -> &str {
    let start = text::line_start(src, at);
    src.get(start..at)
        .filter(|before| before.chars().all(|c| c == ' ' || c == '\t'))
        .unwrap_or_default()
}
