//! Hugo's shortcode lexer, rebuilt over byte spans.
//!
//! The state machine follows Hugo's `parser/pageparser/pagelexer_shortcode.go` step by step
//! (which characters end a name, when `=` makes a parameter named, how `\"` and backticks are
//! read, when named and positional parameters clash), so that a page Hugo accepts lexes here
//! and a page Hugo rejects is rejected with the same reason. Unlike Hugo's lexer it keeps the
//! byte span of every tag, parameter and value, so edits can rewrite exactly one value.
//!
//! The lexer is context-blind, like Hugo's: shortcodes inside fenced or inline code are lexed.

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

/// One parameter of a tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The name of a named parameter and its span; `None` for a positional one.
    pub key: Option<(Name, Range<usize>)>,
    /// The value as Hugo reads it (escapes removed).
    pub value: String,
    /// The value as written, quotes included.
    pub span: Range<usize>,
    /// How it was quoted.
    pub quote: Quote,
}

/// One `{{< … >}}` tag: an opening, self-closing or closing tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// From `{{` to `}}` inclusive.
    pub span: Range<usize>,
    pub notation: Notation,
    pub name: Name,
    pub name_span: Range<usize>,
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
        let before = src[self.span.start..end].trim_end_matches([' ', '\t', '\r', '\n']);
        if self.self_closing {
            let without = before.strip_suffix('/').unwrap_or(before);
            self.span.start + without.trim_end_matches([' ', '\t', '\r', '\n']).len()
        } else {
            self.span.start + before.len()
        }
    }
}

/// A lexed piece of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// Plain text.
    Text(Range<usize>),
    /// `{{</* … */>}}`: printed by Hugo as the shortcode without the comment markers.
    Escaped {
        span: Range<usize>,
        notation: Notation,
        inner: Range<usize>,
    },
    /// A shortcode tag.
    Tag(Tag),
}

/// Lexes `src[start..]` into tokens whose spans are offsets into `src`.
pub fn lex(src: &str, start: usize) -> Result<Vec<Token>, SyntaxError> {
    Lexer {
        src,
        pos: start,
        names: HashMap::default(),
        items: Vec::new(),
        any_name: false,
        in_inline: None,
        tokens: Vec::new(),
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

fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphabetic() || c.is_numeric()
    }
}

fn is_alnum_or_hyphen(c: char) -> bool {
    is_alnum(c) || c == '-'
}

/// What the lexer has seen so far inside one tag, as in Hugo's lexer state.
#[derive(Default)]
struct TagState {
    /// 0 before the name, then > 0.
    step: usize,
    /// 0 none yet, 1 positional, 2 named.
    param_kind: u8,
    /// `/` before the name: a closing tag.
    slash_before_name: bool,
    /// `/` after the name: a self-closing tag.
    self_closing: bool,
    name: Option<(Name, Range<usize>)>,
}

enum Item {
    Key(Name, Range<usize>),
    Positional(String, Range<usize>, Quote),
    Value(String, Range<usize>, Quote),
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<char> {
        let b = *self.src.as_bytes().get(self.pos)?;
        if b < 0x80 {
            Some(char::from(b))
        } else {
            self.src[self.pos..].chars().next()
        }
    }

    fn at(&self, s: &str) -> bool {
        self.src.as_bytes()[self.pos..].starts_with(s.as_bytes())
    }

    fn run(mut self) -> Result<Vec<Token>, SyntaxError> {
        let bytes = self.src.as_bytes();
        let mut text_start = self.pos;
        while self.pos < self.src.len() {
            let Some(i) = find_braces(&bytes[self.pos..]) else {
                break;
            };
            let at = self.pos + i;
            let rest = &self.src[at..];
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
                let after = self.src[at + 3..].trim_start();
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
            if at > text_start {
                self.tokens.push(Token::Text(text_start..at));
            }
            self.pos = at;
            self.tag(notation)?;
            text_start = self.pos;
        }
        if self.src.len() > text_start {
            self.tokens.push(Token::Text(text_start..self.src.len()));
        }
        Ok(self.tokens)
    }

    /// Lexes one tag starting at `self.pos` (on `{{<` or `{{%`).
    fn tag(&mut self, notation: Notation) -> Result<(), SyntaxError> {
        let start = self.pos;
        self.pos += 3;
        if self.src[self.pos..].starts_with("/*") {
            return self.comment(start, notation);
        }
        let right = notation.right();
        let mut st = TagState::default();
        let mut look_for_end = false;
        loop {
            if look_for_end {
                // After the name in a closing tag only spaces may come before the delimiter.
                if self.at(right) {
                    break;
                }
                match self.peek() {
                    Some(' ' | '\t') => self.pos += 1,
                    _ => {
                        let name = st.name.as_ref().map_or("", |n| &*n.0);
                        return Err(SyntaxError::new(
                            self.pos,
                            format!(
                                "unclosed shortcode: closing tag `/{name}` takes no parameters; expected `{right}`"
                            ),
                        ));
                    }
                }
                continue;
            }
            if self.at(right) {
                break;
            }
            let Some(c) = self.peek() else {
                return Err(SyntaxError::new(
                    start,
                    format!(
                        "unclosed shortcode action: reached the end of the file looking for `{right}` to close the `{}` opened here",
                        notation.left()
                    ),
                ));
            };
            match c {
                ' ' | '\t' | '\r' | '\n' => self.pos += 1,
                '=' => {
                    self.pos += 1;
                    self.skip_unicode_space();
                    let (v, span, q) = match self.peek() {
                        Some('"') => self.quoted(true)?,
                        Some('\\') => self.quoted(false)?,
                        Some('`') => self.raw()?,
                        _ => self.bare(),
                    };
                    self.items.push(Item::Value(v, span, q));
                }
                '/' => {
                    if !self.any_name {
                        return Err(SyntaxError::new(
                            self.pos,
                            "got closing shortcode, but none is open",
                        ));
                    }
                    if st.name.is_none() {
                        st.slash_before_name = true;
                    } else {
                        st.self_closing = true;
                    }
                    self.pos += 1;
                }
                '\\' => {
                    self.pos += 1;
                    if matches!(self.peek(), Some('"' | '`')) {
                        self.param(&mut st, true)?;
                    }
                }
                c if st.step > 0 && (is_alnum_or_hyphen(c) || c == '"' || c == '`') => {
                    if st.self_closing {
                        return Err(SyntaxError::new(
                            self.pos,
                            format!(
                                "expected `{right}` after the self-closing `/`, found a parameter"
                            ),
                        ));
                    }
                    self.param(&mut st, false)?;
                }
                c if is_alnum(c) => {
                    look_for_end = self.name(&mut st)?;
                }
                c => {
                    return Err(SyntaxError::new(
                        self.pos,
                        format!(
                            "unrecognized character in shortcode action: {}{}",
                            describe_char(c),
                            if c == '%' || c == '>' {
                                format!(
                                    " (the tag opened with `{}` must close with `{right}`)",
                                    notation.left()
                                )
                            } else {
                                ". Note: parameters with non-alphanumeric values must be quoted"
                                    .to_string()
                            }
                        ),
                    ));
                }
            }
        }
        self.pos += 3;
        self.finish_tag(start, notation, st)
    }

    fn finish_tag(
        &mut self,
        start: usize,
        notation: Notation,
        st: TagState,
    ) -> Result<(), SyntaxError> {
        let span = start..self.pos;
        let Some((name, name_span)) = st.name else {
            return Err(SyntaxError::new(start, "shortcode has no name"));
        };
        let mut params = Vec::new();
        let mut pending: Option<(Name, Range<usize>)> = None;
        let mut items = std::mem::take(&mut self.items);
        for item in items.drain(..) {
            match item {
                Item::Key(k, r) => {
                    if let Some((k0, r0)) = pending.take() {
                        // A key followed by another key: the first was positional after all.
                        params.push(Param {
                            key: None,
                            value: k0.to_string(),
                            span: r0,
                            quote: Quote::Bare,
                        });
                    }
                    pending = Some((k, r));
                }
                Item::Positional(v, r, q) => {
                    if let Some((k0, r0)) = pending.take() {
                        params.push(Param {
                            key: None,
                            value: k0.to_string(),
                            span: r0,
                            quote: Quote::Bare,
                        });
                    }
                    params.push(Param {
                        key: None,
                        value: v,
                        span: r,
                        quote: q,
                    });
                }
                Item::Value(v, r, q) => match pending.take() {
                    Some(key) => params.push(Param {
                        key: Some(key),
                        value: v,
                        span: r,
                        quote: q,
                    }),
                    None => {
                        return Err(SyntaxError::new(
                            r.start,
                            format!("parameter value `{v}` has no name before its `=`"),
                        ))
                    }
                },
            }
        }
        self.items = items;
        if let Some((k0, r0)) = pending {
            params.push(Param {
                key: None,
                value: k0.to_string(),
                span: r0,
                quote: Quote::Bare,
            });
        }
        let self_closing = st.self_closing;
        let closing = st.slash_before_name;
        if name.ends_with(".inline") {
            self.in_inline = if closing || self_closing {
                None
            } else {
                Some(name.to_string())
            };
        }
        self.tokens.push(Token::Tag(Tag {
            span,
            notation,
            name,
            name_span,
            params,
            closing,
            self_closing,
        }));
        Ok(())
    }

    /// `{{</* … */>}}`: kept as text.
    fn comment(&mut self, start: usize, notation: Notation) -> Result<(), SyntaxError> {
        let marker_at = self.pos;
        let end_marker = format!("*/{}", notation.right());
        match self.src[marker_at..].find(&end_marker) {
            Some(i) if i > 1 => {
                let inner = marker_at + 2..marker_at + i;
                self.pos = marker_at + i + end_marker.len();
                self.tokens.push(Token::Escaped {
                    span: start..self.pos,
                    notation,
                    inner,
                });
                Ok(())
            }
            _ => Err(SyntaxError::new(
                start,
                format!(
                    "comment must be closed: `{}/*` needs a matching `{end_marker}`",
                    notation.left()
                ),
            )),
        }
    }

    /// A shortcode name. Returns whether this completes a closing tag.
    fn name(&mut self, st: &mut TagState) -> Result<bool, SyntaxError> {
        let begin = self.pos;
        loop {
            match self.peek() {
                Some(c) if is_alnum_or_hyphen(c) || c == '/' => self.pos += c.len_utf8(),
                Some('.') => {
                    if !self.src[self.pos + 1..].starts_with("inline ") {
                        return Err(SyntaxError::new(
                            self.pos,
                            "period in shortcode name only allowed for inline identifiers (`name.inline`)",
                        ));
                    }
                    self.pos += 1;
                }
                _ => break,
            }
        }
        let word: &'a str = &self.src[begin..self.pos];
        let closes = st.slash_before_name;
        if closes && !self.names.contains_key(word) {
            return Err(SyntaxError::new(
                begin,
                format!("closing tag for shortcode '{word}' does not match start tag: no `{word}` was opened before"),
            ));
        }
        self.any_name = true;
        let name = self.intern(word);
        st.step += 1;
        st.name = Some((name, begin..self.pos));
        Ok(closes)
    }

    /// A parameter key, or a positional value.
    fn param(&mut self, st: &mut TagState, escaped_start: bool) -> Result<(), SyntaxError> {
        let begin = self.pos;
        let first = self.peek();
        if first == Some('"') || (first == Some('`') && !escaped_start) {
            if st.param_kind == 2 {
                return Err(SyntaxError::new(
                    begin,
                    "got quoted positional parameter. Cannot mix named and positional parameters",
                ));
            }
            st.param_kind = 1;
            let (v, span, q) = if first == Some('"') {
                self.quoted(!escaped_start)?
            } else {
                self.raw()?
            };
            self.items.push(Item::Positional(v, span, q));
            return Ok(());
        }
        if first == Some('`') {
            return Err(SyntaxError::new(
                begin,
                "unrecognized escape character: `\\` before a backtick",
            ));
        }
        let mut named = false;
        let mut is_first = true;
        while let Some(c) = self.peek() {
            if !is_first && c == '=' {
                named = true;
                break;
            }
            is_first = false;
            if !is_alnum_or_hyphen(c) && c != '.' {
                break;
            }
            self.pos += c.len_utf8();
        }
        let word: &'a str = &self.src[begin..self.pos];
        if st.param_kind == 0 {
            st.param_kind = if named { 2 } else { 1 };
        } else if named && st.param_kind == 1 {
            return Err(SyntaxError::new(
                begin,
                format!("got named parameter '{word}'. Cannot mix named and positional parameters"),
            ));
        } else if !named && st.param_kind == 2 {
            return Err(SyntaxError::new(
                begin,
                format!(
                    "got positional parameter '{word}'. Cannot mix named and positional parameters"
                ),
            ));
        }
        let key = self.intern(word);
        self.items.push(Item::Key(key, begin..self.pos));
        Ok(())
    }

    fn intern(&mut self, word: &'a str) -> Name {
        self.names
            .entry(word)
            .or_insert_with(|| Arc::from(word))
            .clone()
    }

    fn skip_unicode_space(&mut self) {
        while let Some(c) = self.peek() {
            if !c.is_whitespace() {
                break;
            }
            self.pos += c.len_utf8();
        }
    }

    /// An unquoted value: runs to the next whitespace (and may swallow `>}}`, as in Hugo).
    fn bare(&mut self) -> (String, Range<usize>, Quote) {
        let begin = self.pos;
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                break;
            }
            self.pos += c.len_utf8();
        }
        (
            self.src[begin..self.pos].to_string(),
            begin..self.pos,
            Quote::Bare,
        )
    }

    /// A `"…"` value (possibly written `\"…\"`). `escapes` allows `\"` inside.
    fn quoted(&mut self, escapes: bool) -> Result<(String, Range<usize>, Quote), SyntaxError> {
        // Every byte that matters here is ASCII, so the scan steps over bytes; it only ever
        // stops on an ASCII byte, which is always a character boundary.
        let bytes = self.src.as_bytes();
        let begin = self.pos;
        let mut open = false;
        let mut content_start = self.pos;
        let mut escaped_inner = false;
        let mut esc_state = false;
        loop {
            let Some(&c) = bytes.get(self.pos) else {
                return Err(self.unterminated(begin, "the end of the file"));
            };
            match c {
                b'\\' => {
                    self.pos += 1;
                    match bytes.get(self.pos) {
                        Some(b'"') if open && !escapes => {
                            self.pos -= 1;
                            break;
                        }
                        Some(b'"') if open => {
                            escaped_inner = true;
                            esc_state = true;
                        }
                        Some(b'`') => {
                            return Err(SyntaxError::new(
                                self.pos - 1,
                                "unrecognized escape character: `\\` before a backtick",
                            ));
                        }
                        _ => {}
                    }
                    continue;
                }
                b'\n' => return Err(self.unterminated(begin, "a line break")),
                b'"' => {
                    if esc_state {
                        esc_state = false;
                    } else if open {
                        break;
                    } else {
                        open = true;
                        content_start = self.pos + 1;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        let content = &self.src[content_start..self.pos];
        let value = if escaped_inner {
            content.replace('\\', "")
        } else {
            content.to_string()
        };
        // Step over the closing quote, or an escaped closing quote `\"`.
        if self.src[self.pos..].starts_with("\\\"") {
            self.pos += 2;
        } else if self.src[self.pos..].starts_with('"') {
            self.pos += 1;
        }
        Ok((value, begin..self.pos, Quote::Double))
    }

    fn unterminated(&self, begin: usize, what: &str) -> SyntaxError {
        SyntaxError::new(
            begin,
            format!("unterminated quoted string in shortcode parameter: {what} came before the closing `\"` (use a backtick-quoted value for text that spans lines)"),
        )
    }

    /// A `` `…` `` value.
    fn raw(&mut self) -> Result<(String, Range<usize>, Quote), SyntaxError> {
        let begin = self.pos;
        match self.src[begin + 1..].find('`') {
            Some(i) => {
                self.pos = begin + 1 + i + 1;
                Ok((self.src[begin + 1..begin + 1 + i].to_string(), begin..self.pos, Quote::Raw))
            }
            None => Err(SyntaxError::new(
                begin,
                "unterminated raw string in shortcode parameter: no closing backtick before the end of the file",
            )),
        }
    }
}

fn describe_char(c: char) -> String {
    format!("U+{:04X} '{}'", c as u32, c.escape_debug())
}

/// Offset of the next `{{` in `hay`.
fn find_braces(hay: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'{', &hay[from..]) {
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
