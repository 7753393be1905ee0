//! The parameter states of Hugo's shortcode lexer (`parser/pageparser/pagelexer_shortcode.go`):
//! a key or positional value (`lexShortcodeParam`), a value after `=` (`lexShortcodeParamVal`,
//! `lexShortcodeValue`), quoted (`lexShortcodeQuotedParamVal`), raw and bare values; then the
//! pairing of keys with values that Hugo's `shortcode.go` does when it builds the params map.

use std::ops::Range;

use super::{is_alnum_or_hyphen, Item, Lexer, Name, Param, Quote, TagState, Value};
use crate::error::SyntaxError;

/// [`TagState::param_kind`] once a positional parameter was seen.
const POSITIONAL: u8 = 1;
/// [`TagState::param_kind`] once a named parameter was seen.
const NAMED: u8 = 2;

impl<'a> Lexer<'a> {
    /// `lexShortcodeParam`: a parameter key, or a positional value. `escaped_start`: the
    /// parameter was written after a `\` (`\"value\"`).
    pub(super) fn param(
        &mut self,
        st: &mut TagState,
        escaped_start: bool,
    ) -> Result<(), SyntaxError> {
        let begin = self.pos;
        let first = self.peek();
        if first == Some('"') || (first == Some('`') && !escaped_start) {
            return self.quoted_positional(st, escaped_start);
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
        let word: &'a str = self.since(begin);
        check_kind(st, named, word, begin)?;
        let key = self.intern(word);
        self.items.push(Item::Key(key, begin..self.pos));
        Ok(())
    }

    /// A positional value in `"…"` or `` `…` ``, at `self.pos`.
    fn quoted_positional(
        &mut self,
        st: &mut TagState,
        escaped_start: bool,
    ) -> Result<(), SyntaxError> {
        if st.param_kind == NAMED {
            return Err(SyntaxError::new(
                self.pos,
                "got quoted positional parameter. Cannot mix named and positional parameters",
            ));
        }
        st.param_kind = POSITIONAL;
        let value = if self.peek() == Some('"') {
            self.quoted(!escaped_start)?
        } else {
            self.raw()?
        };
        self.items.push(Item::Positional(value));
        Ok(())
    }

    /// `lexShortcodeParamVal` and `lexShortcodeValue`: the value after an `=` at `self.pos`.
    pub(super) fn param_value(&mut self) -> Result<(), SyntaxError> {
        self.pos += 1;
        self.skip_unicode_space();
        let value = match self.peek() {
            Some('"') => self.quoted(true)?,
            Some('\\') => self.quoted(false)?,
            Some('`') => self.raw()?,
            _ => self.bare(),
        };
        self.items.push(Item::Value(value));
        Ok(())
    }

    /// Skips Unicode white space (Go's `unicode.IsSpace`, as Hugo does after `=`).
    fn skip_unicode_space(&mut self) {
        while let Some(c) = self.peek() {
            if !c.is_whitespace() {
                break;
            }
            self.pos += c.len_utf8();
        }
    }

    /// `lexShortcodeValueUnquoted`: runs to the next whitespace (and may swallow `>}}`, as in
    /// Hugo).
    fn bare(&mut self) -> Value {
        let begin = self.pos;
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                break;
            }
            self.pos += c.len_utf8();
        }
        Value {
            value: self.since(begin).to_string(),
            span: begin..self.pos,
            inner: begin..self.pos,
            quote: Quote::Bare,
        }
    }

    /// `lexShortcodeQuotedParamVal`: a `"…"` value (possibly written `\"…\"`). `escapes`
    /// allows `\"` inside.
    fn quoted(&mut self, escapes: bool) -> Result<Value, SyntaxError> {
        let begin = self.pos;
        let (content_start, escaped_inner) = self.scan_quoted(escapes)?;
        let inner = content_start..self.pos;
        let content = self.slice(inner.clone());
        let value = if escaped_inner {
            content.replace('\\', "")
        } else {
            content.to_string()
        };
        // Step over the closing quote, or an escaped closing quote `\"`.
        if self.rest().starts_with("\\\"") {
            self.pos += 2;
        } else if self.rest().starts_with('"') {
            self.pos += 1;
        }
        Ok(Value {
            value,
            span: begin..self.pos,
            inner,
            quote: Quote::Double,
        })
    }

    /// Moves `self.pos` to the closing quote of the value starting at `self.pos`. Returns
    /// where the content starts and whether it holds an escaped quote.
    fn scan_quoted(&mut self, escapes: bool) -> Result<(usize, bool), SyntaxError> {
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
                return Err(unterminated(begin, "the end of the file"));
            };
            match c {
                b'\\' => {
                    self.pos += 1;
                    match bytes.get(self.pos) {
                        Some(b'"') if open && !escapes => {
                            self.pos -= 1;
                            return Ok((content_start, escaped_inner));
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
                b'\n' => return Err(unterminated(begin, "a line break")),
                b'"' if esc_state => esc_state = false,
                b'"' if open => return Ok((content_start, escaped_inner)),
                b'"' => {
                    open = true;
                    content_start = self.pos + 1;
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// A `` `…` `` value: raw, may span lines.
    pub(super) fn raw(&mut self) -> Result<Value, SyntaxError> {
        let begin = self.pos;
        match self.src.get(begin + 1..).and_then(|s| s.find('`')) {
            Some(i) => {
                self.pos = begin + 1 + i + 1;
                let inner = begin + 1..begin + 1 + i;
                Ok(Value {
                    value: self.slice(inner.clone()).to_string(),
                    span: begin..self.pos,
                    inner,
                    quote: Quote::Raw,
                })
            }
            None => Err(SyntaxError::new(
                begin,
                "unterminated raw string in shortcode parameter: no closing backtick before the \
                 end of the file",
            )),
        }
    }
}

/// Hugo's rule that one tag's parameters are all named or all positional.
fn check_kind(st: &mut TagState, named: bool, word: &str, at: usize) -> Result<(), SyntaxError> {
    if st.param_kind == 0 {
        st.param_kind = if named { NAMED } else { POSITIONAL };
    } else if named && st.param_kind == POSITIONAL {
        return Err(SyntaxError::new(
            at,
            format!("got named parameter '{word}'. Cannot mix named and positional parameters"),
        ));
    } else if !named && st.param_kind == NAMED {
        return Err(SyntaxError::new(
            at,
            format!(
                "got positional parameter '{word}'. Cannot mix named and positional parameters"
            ),
        ));
    }
    Ok(())
}

/// The error for a `"…"` value that `what` cut short; `begin` is where it opened.
fn unterminated(begin: usize, what: &str) -> SyntaxError {
    SyntaxError::new(
        begin,
        format!(
            "unterminated quoted string in shortcode parameter: {what} came before the closing \
             `\"`: close the quote (or, for text that spans lines, quote it with backticks)"
        ),
    )
}

/// Pairs each key with the value after it, in source order, draining `items`. A key with no
/// value after it was a positional value after all.
///
/// # Errors
/// A value with no key before its `=`.
pub(super) fn pair_params(items: &mut Vec<Item>) -> Result<Vec<Param>, SyntaxError> {
    let mut params = Vec::new();
    let mut pending: Option<(Name, Range<usize>)> = None;
    for item in items.drain(..) {
        match item {
            Item::Key(k, r) => {
                // A key followed by another key: the first was positional after all.
                params.extend(pending.take().map(positional_key));
                pending = Some((k, r));
            }
            Item::Positional(v) => {
                params.extend(pending.take().map(positional_key));
                params.push(param(None, v));
            }
            Item::Value(v) => match pending.take() {
                Some(key) => params.push(param(Some(key), v)),
                None => {
                    return Err(SyntaxError::new(
                        v.span.start,
                        format!("parameter value `{}` has no name before its `=`", v.value),
                    ))
                }
            },
        }
    }
    params.extend(pending.map(positional_key));
    Ok(params)
}

/// A parameter from its key (if any) and lexed value.
fn param(key: Option<(Name, Range<usize>)>, v: Value) -> Param {
    Param {
        key,
        value: v.value,
        span: v.span,
        inner: v.inner,
        quote: v.quote,
    }
}

/// A word lexed as a key that no value followed: a bare positional value.
fn positional_key((word, span): (Name, Range<usize>)) -> Param {
    Param {
        key: None,
        value: word.to_string(),
        inner: span.clone(),
        span,
        quote: Quote::Bare,
    }
}
