//! Hugo's shortcode lexer, rebuilt over byte spans.
//!
//! The state machine follows Hugo's `parser/pageparser/pagelexer_shortcode.go` step by step
//! (which characters end a name, when `=` makes a parameter named, how `\"` and backticks are
//! read, when named and positional parameters clash), so that a page Hugo accepts lexes here
//! and a page Hugo rejects is rejected with the same reason. Unlike Hugo's lexer it keeps the
//! byte span of every tag, parameter and value, so edits can rewrite exactly one value.
//!
//! The lexer is context-blind, like Hugo's: shortcodes inside fenced or inline code are lexed.
//!
//! This module holds the tokens and the main section (text up to the next tag); `tag.rs`
//! holds the states between the delimiters, `param.rs` those of parameters and their values.

mod param;
mod tag;

use crate::model::Notation;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::error::SyntaxError;

/// A shortcode or parameter name. Names repeat (every card says `title`), so the lexer
/// shares one allocation per distinct name.
pub type Name = Arc<str>;

/// How a parameter value was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quote {
    /// `key=value`: runs to the next whitespace; `true`, `24`, `3.14` are typed.
    Bare,
    /// `"value"`, where `\"` is a quote.
    Double,
    /// `` `value` ``: raw, may span lines.
    Raw,
}

/// What Hugo makes of a bare parameter value (`Item.ValTyped`,
/// `parser/pageparser/item.go`): `true`/`false` a bool, `^[-+]?\d+$` an int (when it fits
/// an `int`), `^[-+]?\d*\.\d+$` a float; anything else, and any quoted value, text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Typed {
    /// Text, as written.
    Text,
    /// `true` or `false`.
    Bool(bool),
    /// An int.
    Int(i64),
    /// A float64.
    Float(f64),
}

impl Typed {
    /// The type Hugo gives `value` written bare.
    pub fn of_bare(value: &str) -> Typed {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let unsigned = value.strip_prefix(['-', '+']).unwrap_or(value);
        match value {
            "true" => Typed::Bool(true),
            "false" => Typed::Bool(false),
            _ if digits(unsigned) => value.parse().map_or(Typed::Text, Typed::Int),
            _ if unsigned
                .split_once('.')
                .is_some_and(|(i, f)| (i.is_empty() || digits(i)) && digits(f)) =>
            {
                value.parse().map_or(Typed::Text, Typed::Float)
            }
            _ => Typed::Text,
        }
    }

    /// Whether a template prints this value as `written` (`007` is the int 7, `1.10` the
    /// float 1.1: they do not).
    pub fn prints_as(self, written: &str) -> bool {
        match self {
            Typed::Text => true,
            Typed::Bool(b) => b.to_string() == written,
            Typed::Int(n) => n.to_string() == written,
            // Go's `%v` of a float64 writes an exponent below 1e-4 and from 1e21 on.
            Typed::Float(f) => {
                (f == 0.0 || (1e-4..1e21).contains(&f.abs())) && f.to_string() == written
            }
        }
    }

    /// Whether `self` and `other` are of one kind: a bool, a number (an int or a float:
    /// Hugo's `mul` and the like take either), or text.
    pub fn same_kind(self, other: Typed) -> bool {
        let number = |t: Typed| matches!(t, Typed::Int(_) | Typed::Float(_));
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
            || number(self) && number(other)
    }
}

/// One parameter of a tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The name of a named parameter and its span; `None` for a positional one.
    pub key: Option<(Name, Range<usize>)>,
    /// The value as Hugo reads it (escapes removed).
    pub value: String,
    /// The value as written, quotes included.
    pub span: Range<usize>,
    /// The value as written, between its quotes (the whole span for a bare value; inside
    /// `\"…\"` for one written with escaped quotes). Offsets into the value's text come
    /// from here, never from the decoded `value`, whose length may differ.
    pub inner: Range<usize>,
    /// How it was quoted.
    pub quote: Quote,
}

/// One `{{< … >}}` tag: an opening, self-closing or closing tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// From `{{` to `}}` inclusive.
    pub span: Range<usize>,
    /// Which delimiters it was written with.
    pub notation: Notation,
    /// The shortcode's name (`project-card`, `x.inline`).
    pub name: Name,
    /// The name as written.
    pub name_span: Range<usize>,
    /// The parameters in source order (none for a closing tag).
    pub params: Vec<Param>,
    /// `{{< /name >}}`.
    pub closing: bool,
    /// `{{< name />}}`.
    pub self_closing: bool,
}

impl Tag {
    /// Whether the parameters are named (`key="v"`); a tag without parameters is neither.
    pub fn is_named(&self) -> bool {
        self.params.first().is_some_and(|p| p.key.is_some())
    }

    /// The value of the named parameter `key`. A key given twice reads as its last value,
    /// as in Hugo (parameters go into a map).
    pub fn get(&self, key: &str) -> Option<&Param> {
        self.params
            .iter()
            .rfind(|p| p.key.as_ref().is_some_and(|(k, _)| &**k == key))
    }

    /// Byte offset just before the closing delimiter (and before a self-closing `/`).
    pub fn inner_end(&self, src: &str) -> usize {
        let end = self.span.end - 3;
        let tag = src.get(self.span.start..end).unwrap_or_default();
        let before = tag.trim_end_matches([' ', '\t', '\r', '\n']);
        if self.self_closing {
            let without = before.strip_suffix('/').unwrap_or(before);
            self.span.start + without.trim_end_matches([' ', '\t', '\r', '\n']).len()
        } else {
            self.span.start + before.len()
        }
    }
}

/// A lexed piece of the body (the text between them is not kept: spans say where it is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// `{{</* … */>}}`: printed by Hugo as the shortcode without the comment markers.
    Escaped {
        /// From `{{` to `}}` inclusive.
        span: Range<usize>,
        /// Which delimiters it was written with.
        notation: Notation,
        /// Between `/*` and `*/`: what Hugo prints between the delimiters.
        inner: Range<usize>,
    },
    /// A shortcode tag.
    Tag(Tag),
}

/// Lexes `src[start..]` into tokens whose spans are offsets into `src`.
///
/// # Errors
/// What Hugo's lexer rejects (an unclosed tag or comment, a closing tag for a shortcode never
/// opened, mixed named and positional parameters, an unterminated quoted value, …), at the
/// offset of the construct, or where it was opened.
pub fn lex(src: &str, start: usize) -> Result<Vec<Token>, SyntaxError> {
    // Every tag starts `{{`: a page of a thousand calls allocates its list once, not
    // eleven times over (each time copied and its new memory faulted in).
    let tags =
        memchr::memmem::find_iter(src.as_bytes().get(start..).unwrap_or_default(), b"{{").count();
    Lexer {
        src,
        pos: start,
        names: HashMap::default(),
        items: Vec::new(),
        any_name: false,
        in_inline: None,
        tokens: Vec::with_capacity(tags),
    }
    .run()
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    /// Hugo's `openShortcodes`: names seen so far (a closing tag must name one of them),
    /// shared with every tag and key that uses them.
    names: HashMap<&'a str, Name, FnvBuild>,
    /// The current tag's keys and values (reused from tag to tag).
    items: Vec<Item>,
    /// Hugo's `currShortcodeName != ""`.
    any_name: bool,
    /// Name of the `.inline` shortcode we are inside, if any.
    in_inline: Option<String>,
    tokens: Vec<Token>,
}

/// Hugo's `isAlphaNumeric` (`parser/pageparser/pagelexer.go`): `_`, Go's letters and
/// decimal digits (`unicode.IsLetter`, `unicode.IsDigit`; `²` is neither).
pub(crate) fn is_alnum(c: char) -> bool {
    c == '_' || crate::text::go_letter(c) || crate::text::go_digit(c)
}

/// Hugo's `isAlphaNumericOrHyphen`.
/// Whether `v` can be written bare as a positional parameter and read back as that
/// positional value: Hugo's lexer reads a bare word of letters, digits, `_`, `-` and `.`
/// (anything else ends it, and `=` makes it a name).
pub fn is_bare_positional(v: &str) -> bool {
    !v.is_empty() && v.chars().all(|c| is_alnum_or_hyphen(c) || c == '.')
}

fn is_alnum_or_hyphen(c: char) -> bool {
    is_alnum(c) || c == '-'
}

/// What the lexer has seen so far inside one tag, as in Hugo's lexer state.
#[derive(Default)]
struct TagState {
    /// 0 before the name, then > 0.
    step: usize,
    /// 0 none yet, 1 positional, 2 named (`param::POSITIONAL`, `param::NAMED`).
    param_kind: u8,
    /// `/` before the name: a closing tag.
    slash_before_name: bool,
    /// `/` after the name: a self-closing tag.
    self_closing: bool,
    name: Option<(Name, Range<usize>)>,
}

/// One piece of a tag's parameter list, before keys are paired with their values.
/// A value as Hugo reads it, its span as written (quotes included), the span between its
/// quotes, and its quoting.
struct Value {
    value: String,
    span: Range<usize>,
    inner: Range<usize>,
    quote: Quote,
}

/// What a tag's parameters are lexed into, before keys are paired with values.
enum Item {
    /// A word that is a key if a value (`=`) follows it, else a positional value.
    Key(Name, Range<usize>),
    /// A quoted positional value.
    Positional(Value),
    /// A value after `=`.
    Value(Value),
}

impl<'a> Lexer<'a> {
    /// The character at `self.pos`, if any.
    fn peek(&self) -> Option<char> {
        let b = *self.src.as_bytes().get(self.pos)?;
        if b < 0x80 {
            Some(char::from(b))
        } else {
            self.rest().chars().next()
        }
    }

    /// The text from `self.pos` on (the lexer moves by whole characters, so `pos` is always
    /// a char boundary; empty rather than a panic otherwise).
    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or_default()
    }

    /// The text from `begin` to `self.pos`.
    fn since(&self, begin: usize) -> &'a str {
        self.slice(begin..self.pos)
    }

    /// The text of a span the lexer found.
    fn slice(&self, span: Range<usize>) -> &'a str {
        self.src.get(span).unwrap_or_default()
    }

    /// Whether the text at `self.pos` starts with `s`.
    fn at(&self, s: &str) -> bool {
        self.rest().starts_with(s)
    }

    /// Hugo's `lexMainSection`, for the body: text up to the next `{{<` or `{{%` (skipped),
    /// then a tag.
    fn run(mut self) -> Result<Vec<Token>, SyntaxError> {
        let bytes = self.src.as_bytes();
        while self.pos < self.src.len() {
            let Some(i) = find_braces(bytes.get(self.pos..).unwrap_or_default()) else {
                break;
            };
            let at = self.pos + i;
            let rest = self.src.get(at..).unwrap_or_default();
            let notation = if rest.starts_with("{{<") {
                Notation::Angle
            } else if rest.starts_with("{{%") {
                Notation::Percent
            } else {
                self.pos = at + 1;
                continue;
            };
            if let Some(name) = &self.in_inline {
                // Inside an inline shortcode only its own closing tag may appear.
                let after = rest.get(3..).unwrap_or_default().trim_start();
                let closes = after
                    .strip_prefix('/')
                    .map(|a| a.trim_start())
                    .is_some_and(|a| a.starts_with(&format!("{name} ")));
                if !closes {
                    return Err(SyntaxError::new(
                        at,
                        format!("inline shortcode `{name}` cannot hold another shortcode"),
                    ));
                }
            }
            self.pos = at;
            self.left_delim(notation)?;
        }
        Ok(self.tokens)
    }

    /// The shared name for `word`, allocated the first time it is seen.
    fn intern(&mut self, word: &'a str) -> Name {
        self.names
            .entry(word)
            .or_insert_with(|| Arc::from(word))
            .clone()
    }
}

/// `U+0025 '%'`, for error messages.
fn describe_char(c: char) -> String {
    format!("U+{:04X} '{}'", c as u32, c.escape_debug())
}

/// Offset of the next `{{` in `hay`.
fn find_braces(hay: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|h| memchr::memchr(b'{', h)) {
        let at = from + i;
        if hay.get(at + 1) == Some(&b'{') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// FNV-1a: names are short and few, and SipHash's DoS resistance buys nothing here.
#[derive(Default, Clone, Copy)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvBuild = std::hash::BuildHasherDefault<Fnv>;
