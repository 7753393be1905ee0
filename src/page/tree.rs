//! Pairs the lexer's tags into shortcodes: which opening tag each closing tag closes, what
//! is nested in what.
//!
//! Hugo decides whether a shortcode takes a body from its template (does it read `.Inner`?
//! `hugolib/shortcode.go`). The site's [`Catalogue`] says so for every shortcode whose
//! template Folio read: a paired one must be closed (or self-closed), a standalone one is
//! never closed, and a closing tag for it is an error, both worded as Hugo words them. For
//! a name with no readable template, Folio scans ahead: the opening tag is paired when a
//! closing tag of the same name closes it, and standalone when left open.

#![allow(
    clippy::indexing_slicing,
    reason = "arena indices: every index in `stack`, `parent`, `children` and `top` was the \
              length of `all` when that shortcode was pushed, and `paired` and `depth` grow \
              with `all`, so each is in range"
)]

use std::collections::HashMap;
use std::ops::Range;

use super::lexer::{self, Tag, Token};
use crate::error::SyntaxError;
use crate::model::Notation;
use crate::templates::Catalogue;
use crate::text::position;

/// Shortcodes nested deeper than this are refused: no real page comes close, and rendering
/// and editing stay bounded on hostile input.
pub const MAX_DEPTH: usize = 100;

/// One shortcode: its opening tag and, when paired, its closing tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortcode {
    /// The opening tag, with the name and parameters.
    pub open: Tag,
    /// The closing tag of a paired shortcode.
    pub close: Option<Tag>,
    /// From the opening `{{` to the end of the closing tag (or of the opening tag).
    pub span: Range<usize>,
    /// Index of the enclosing shortcode.
    pub parent: Option<usize>,
    /// Indices of the shortcodes directly inside, in order.
    pub children: Vec<usize>,
}

impl Shortcode {
    /// Between the opening and closing tags, for a paired shortcode.
    pub fn inner(&self) -> Option<Range<usize>> {
        self.close
            .as_ref()
            .map(|c| self.open.span.end..c.span.start)
    }

    /// The shortcode's name.
    pub fn name(&self) -> &str {
        &self.open.name
    }
}

/// A comment-escaped shortcode, `{{</* name */>}}`: Hugo prints it as a shortcode's text
/// without the comment marks (Hugo docs, "Shortcodes: comment").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escape {
    /// The whole `{{</* … */>}}`.
    pub span: Range<usize>,
    /// Angle or percent delimiters.
    pub notation: Notation,
    /// Between `/*` and `*/`, spaces included.
    pub inner: Range<usize>,
}

/// Every shortcode of a body, in document order, plus the comment-escaped ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shortcodes {
    /// Every shortcode, in the order its opening tag appears.
    pub all: Vec<Shortcode>,
    /// Indices of the shortcodes not inside another one.
    pub top: Vec<usize>,
    /// The comment-escaped shortcodes, in order.
    pub escapes: Vec<Escape>,
}

impl Shortcodes {
    /// Lexes and pairs the shortcodes of `src` from byte `start` on (the body of a page, or
    /// a whole text such as a card body), pairing as `catalogue`'s templates say: the one
    /// way Folio reads shortcodes, used by the page parser, the renderer and the edits that
    /// copy a card.
    ///
    /// # Errors
    /// A [`SyntaxError`] at the byte where a tag is malformed, unclosed or misnested.
    pub fn parse(
        src: &str,
        start: usize,
        catalogue: &Catalogue,
    ) -> Result<Shortcodes, SyntaxError> {
        Shortcodes::pair(src, lexer::lex(src, start)?, catalogue)
    }

    /// [`Shortcodes::parse`] of the tags of `src` lexed already ([`lexer::lex`]): the half
    /// that needs the site, since `catalogue`'s templates say which tags pair.
    ///
    /// # Errors
    /// A [`SyntaxError`] at the byte where a tag is unclosed or misnested.
    pub fn pair(
        src: &str,
        tokens: Vec<Token>,
        catalogue: &Catalogue,
    ) -> Result<Shortcodes, SyntaxError> {
        let escapes = tokens
            .iter()
            .filter_map(|t| match t {
                Token::Escaped {
                    span,
                    notation,
                    inner,
                } => Some(Escape {
                    span: span.clone(),
                    notation: *notation,
                    inner: inner.clone(),
                }),
                _ => None,
            })
            .collect();
        let mut shortcodes = build(src, tokens, catalogue)?;
        shortcodes.escapes = escapes;
        Ok(shortcodes)
    }
}

/// Pairs tags into shortcodes. `src` is only used to word error messages.
fn build(src: &str, tokens: Vec<Token>, catalogue: &Catalogue) -> Result<Shortcodes, SyntaxError> {
    // A long page has thousands of calls: the lists are allocated once.
    let calls = tokens
        .iter()
        .filter(|t| matches!(t, Token::Tag(tag) if !tag.closing))
        .count();
    let mut all: Vec<Shortcode> = Vec::with_capacity(calls);
    let mut paired: Vec<bool> = Vec::with_capacity(calls);
    let mut stack: Vec<usize> = Vec::new();
    // Tags left open by an outer closing tag, by name: (where opened, where the outer closed).
    let mut orphans: HashMap<String, (usize, usize)> = HashMap::new();
    // Pages call a few shortcodes many times: the last name's answer is kept.
    let mut last: Option<(lexer::Name, Option<bool>)> = None;
    for tok in tokens {
        let Token::Tag(tag) = tok else { continue };
        let pairing = match &last {
            Some((name, paired)) if *name == tag.name => *paired,
            _ => {
                let paired = catalogue.paired(&tag.name);
                last = Some((tag.name.clone(), paired));
                paired
            }
        };
        if tag.closing {
            close(
                src,
                &mut all,
                &mut paired,
                &mut stack,
                &mut orphans,
                tag,
                catalogue,
                pairing,
            )?;
            continue;
        }
        let idx = all.len();
        let self_closing = tag.self_closing || pairing == Some(false);
        let span = tag.span.clone();
        all.push(Shortcode {
            open: tag,
            close: None,
            span,
            parent: stack.last().copied(),
            children: Vec::new(),
        });
        paired.push(false);
        if !self_closing {
            stack.push(idx);
        }
    }
    for &idx in &stack {
        check_unpaired(src, &all, idx, catalogue)?;
    }
    let top = link(src, &mut all, &paired)?;
    Ok(Shortcodes {
        all,
        top,
        escapes: Vec::new(),
    })
}

/// Sets each shortcode's parent and children (a tag left open contains nothing) and returns
/// the top-level ones; refuses nesting deeper than [`MAX_DEPTH`].
fn link(src: &str, all: &mut [Shortcode], paired: &[bool]) -> Result<Vec<usize>, SyntaxError> {
    // A tag left open contains nothing: what followed it belongs to its parent.
    for i in 0..all.len() {
        let mut parent = all[i].parent;
        while let Some(p) = parent {
            if paired[p] {
                break;
            }
            parent = all[p].parent;
        }
        all[i].parent = parent;
    }
    let mut top = Vec::new();
    let mut depth = vec![0usize; all.len()];
    for i in 0..all.len() {
        match all[i].parent {
            Some(p) => {
                depth[i] = depth[p] + 1;
                if depth[i] >= MAX_DEPTH {
                    return Err(SyntaxError::new(
                        all[i].open.span.start,
                        format!(
                            "shortcodes nested more than {MAX_DEPTH} deep (the outermost opened at {})",
                            position(src, all[outermost(all, i)].open.span.start)
                        ),
                    ));
                }
                all[p].children.push(i);
            }
            None => top.push(i),
        }
    }
    Ok(top)
}

fn outermost(all: &[Shortcode], mut i: usize) -> usize {
    while let Some(p) = all[i].parent {
        i = p;
    }
    i
}

/// A closing tag for a shortcode whose template does not read `.Inner` (Hugo's message).
fn closed_standalone(src: &str, all: &[Shortcode], tag: &Tag) -> SyntaxError {
    let opened = all
        .iter()
        .rev()
        .find(|sc| sc.open.name == tag.name)
        .map(|sc| format!(" (opened at {})", position(src, sc.open.span.start)))
        .unwrap_or_default();
    SyntaxError::new(
        tag.span.start,
        format!(
            "shortcode `{}` does not use a body, yet a closing tag was provided{opened}: its \
             template does not read .Inner",
            tag.name
        ),
    )
}

/// Closes the shortcode closing tag `tag` (of a name whose template `pairing` says
/// whether it reads `.Inner`) closes: as Hugo does, the innermost open one whose template
/// reads `.Inner`, whatever name the closing tag gives (`hugolib/shortcode.go`,
/// `extractShortcode`: a closing tag ends the shortcode being extracted; the lexer only
/// asks that the name was met before, `pagelexer_shortcode.go`). Among shortcodes with no
/// template Folio read, the closing tag's name says which it closes; those inside it are
/// left open (standalone).
#[allow(
    clippy::too_many_arguments,
    reason = "the pairing's state, passed apart so that each borrow stays short"
)]
fn close(
    src: &str,
    all: &mut [Shortcode],
    paired: &mut [bool],
    stack: &mut Vec<usize>,
    orphans: &mut HashMap<String, (usize, usize)>,
    tag: Tag,
    catalogue: &Catalogue,
    pairing: Option<bool>,
) -> Result<(), SyntaxError> {
    let closes = |&i: &usize| {
        let open = &all[i].open.name;
        *open == tag.name || catalogue.paired(open) == Some(true)
    };
    let Some(j) = stack.iter().rposition(closes) else {
        return Err(unmatched(src, all, stack, orphans, &tag, pairing));
    };
    for &idx in &stack[j + 1..] {
        check_unpaired(src, all, idx, catalogue)?;
        orphans.insert(
            all[idx].open.name.to_string(),
            (all[idx].open.span.start, tag.span.start),
        );
    }
    let idx = stack[j];
    stack.truncate(j);
    let sc = &mut all[idx];
    sc.span = sc.open.span.start..tag.span.end;
    sc.close = Some(tag);
    paired[idx] = true;
    Ok(())
}

/// The error for closing tag `tag` when no open shortcode takes it, worded by what came
/// before: a shortcode of its name closed already by a tag naming another, a template
/// that takes no body, a shortcode of its name left inside one that closed first.
fn unmatched(
    src: &str,
    all: &[Shortcode],
    stack: &[usize],
    orphans: &HashMap<String, (usize, usize)>,
    tag: &Tag,
    pairing: Option<bool>,
) -> SyntaxError {
    // A shortcode of this name closed already by a closing tag naming another.
    let closed_before = all.iter().rev().find(|sc| {
        sc.open.name == tag.name && sc.close.as_ref().is_some_and(|c| c.name != tag.name)
    });
    if let Some(sc) = closed_before {
        return SyntaxError::new(
            tag.span.start,
            format!(
                "closing tag for shortcode `{}` with nothing open to close: {}",
                tag.name,
                closed_by_another(src, sc)
            ),
        );
    }
    if pairing == Some(false) {
        return closed_standalone(src, all, tag);
    }
    if let Some(&(opened, closed)) = orphans.get(&*tag.name) {
        return SyntaxError::new(
            tag.span.start,
            format!(
                "closing tag for shortcode `{}` does not match an open `{0}`: the `{0}` opened at {} was inside a shortcode that closed first, at {}",
                tag.name,
                position(src, opened),
                position(src, closed)
            ),
        );
    }
    let open_now = stack
        .last()
        .map(|&i| {
            format!(
                "; the innermost open shortcode is `{}` from {}",
                all[i].open.name,
                position(src, all[i].open.span.start)
            )
        })
        .unwrap_or_default();
    SyntaxError::new(
        tag.span.start,
        format!(
            "closing tag for shortcode `{}` does not match an open `{}`{open_now}",
            tag.name, tag.name
        ),
    )
}

/// How shortcode `sc`, closed by a closing tag that names another, was closed: "the `{{<
/// tab >}}` at 3:1 closed `tabs` (opened at 1:1), as Hugo closes …".
fn closed_by_another(src: &str, sc: &Shortcode) -> String {
    let Some(close) = &sc.close else {
        return String::new();
    };
    let (l, r) = (close.notation.left(), close.notation.right());
    format!(
        "the `{l} /{} {r}` at {} closed `{}` (opened at {}), as Hugo closes the innermost \
         open shortcode that reads .Inner whatever name its closing tag gives",
        close.name,
        position(src, close.span.start),
        sc.open.name,
        position(src, sc.open.span.start)
    )
}

/// A shortcode left open (`all[idx]`) must not be one whose template reads `.Inner`.
fn check_unpaired(
    src: &str,
    all: &[Shortcode],
    idx: usize,
    catalogue: &Catalogue,
) -> Result<(), SyntaxError> {
    let sc = &all[idx];
    if catalogue.paired(&sc.open.name) == Some(true) {
        let n = &sc.open.name;
        // Its closing tag, met but taken by a shortcode inside it.
        let taken = all[idx + 1..].iter().find(|inner| {
            inner.close.as_ref().is_some_and(|c| c.name == *n) && inner.open.name != *n
        });
        let taken = taken
            .map(|inner| format!("; {}", closed_by_another(src, inner)))
            .unwrap_or_default();
        // In the notation the call is written in (trial 52a-8).
        let (l, r) = (sc.open.notation.left(), sc.open.notation.right());
        return Err(SyntaxError::new(
            sc.open.span.start,
            format!(
                "unclosed shortcode `{n}` opened at {}: expected `{l} /{n} {r}` after its body \
                 (its template reads .Inner), or a self-closing `{l} {n} … /{r}`{taken}",
                position(src, sc.open.span.start)
            ),
        ));
    }
    Ok(())
}
