//! The tag states of Hugo's shortcode lexer (`parser/pageparser/pagelexer_shortcode.go`): the
//! left delimiter and the comment escape (`lexShortcodeLeftDelim`, `lexShortcodeComment`),
//! inside a tag (`lexInsideShortcode`), the name (`lexIdentifierInShortcode`), the rest of a
//! closing tag (`lexEndOfShortcode`) and the right delimiter (`lexShortcodeRightDelim`).

use super::param::pair_params;
use super::{describe_char, is_alnum, is_alnum_or_hyphen, Lexer, Tag, TagState, Token};
use crate::error::SyntaxError;
use crate::model::Notation;

impl<'a> Lexer<'a> {
    /// `lexShortcodeLeftDelim`: lexes one tag starting at `self.pos` (on `{{<` or `{{%`).
    pub(super) fn left_delim(&mut self, notation: Notation) -> Result<(), SyntaxError> {
        let start = self.pos;
        self.pos += 3;
        if self.rest().starts_with("/*") {
            return self.comment(start, notation);
        }
        let st = self.inside(start, notation)?;
        self.right_delim(start, notation, st)
    }

    /// `lexShortcodeComment`: `{{</* … */>}}`, kept as text.
    fn comment(&mut self, start: usize, notation: Notation) -> Result<(), SyntaxError> {
        let marker_at = self.pos;
        let end_marker = format!("*/{}", notation.right());
        match self.rest().find(&end_marker) {
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

    /// `lexInsideShortcode`: everything between the delimiters of the tag opened at `start`.
    /// Stops on the right delimiter, which it leaves for [`Self::right_delim`].
    fn inside(&mut self, start: usize, notation: Notation) -> Result<TagState, SyntaxError> {
        let right = notation.right();
        let mut st = TagState::default();
        loop {
            if self.at(right) {
                return Ok(st);
            }
            let Some(c) = self.peek() else {
                return Err(SyntaxError::new(
                    start,
                    format!(
                        "unclosed shortcode action: reached the end of the file looking for \
                         `{right}` to close the `{}` opened here",
                        notation.left()
                    ),
                ));
            };
            match c {
                ' ' | '\t' | '\r' | '\n' => self.pos += 1,
                '=' => self.param_value()?,
                '/' => self.slash(&mut st)?,
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
                    if self.identifier(&mut st)? {
                        self.end_of_shortcode(&st, right)?;
                        return Ok(st);
                    }
                }
                c => return Err(self.unrecognized_in(start, c, notation, &st)),
            }
        }
    }

    /// The error for character `c` at the position, inside the tag opened at `start`: a tag
    /// that reads on past its line, and is not closed before another opens, is left open,
    /// and says so (trial 50a, 6).
    fn unrecognized_in(
        &self,
        start: usize,
        c: char,
        notation: Notation,
        st: &TagState,
    ) -> SyntaxError {
        let above = self
            .src
            .get(start..self.pos)
            .map_or(0, |t| t.matches('\n').count());
        // Closed further on, before another tag opens: a character it cannot hold, not a
        // tag left open (review 50e, 5).
        let after = self.src.get(self.pos..).unwrap_or_default();
        let closed = after.find(notation.right()).is_some_and(|close| {
            ["{{<", "{{%"]
                .iter()
                .filter_map(|open| after.find(open))
                .all(|open| open > close)
        });
        if above == 0 || closed {
            return unrecognized(self.pos, c, notation);
        }
        let name = st
            .name
            .as_ref()
            .map_or(String::new(), |(n, _)| format!(" {n}"));
        let lines = if above == 1 { "line" } else { "lines" };
        SyntaxError::new(
            self.pos,
            format!(
                "unrecognized character in shortcode action: {}: the `{}{name}` {above} \
                 {lines} above is not closed; close it with `{}`",
                describe_char(c),
                notation.left(),
                notation.right()
            ),
        )
    }

    /// A `/` inside a tag: before the name it makes a closing tag, after it a self-closing one.
    fn slash(&mut self, st: &mut TagState) -> Result<(), SyntaxError> {
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
        Ok(())
    }

    /// `lexIdentifierInShortcode`: a shortcode name. Returns whether this completes a closing
    /// tag (then only [`Self::end_of_shortcode`] may follow).
    fn identifier(&mut self, st: &mut TagState) -> Result<bool, SyntaxError> {
        let begin = self.pos;
        loop {
            match self.peek() {
                Some(c) if is_alnum_or_hyphen(c) || c == '/' => self.pos += c.len_utf8(),
                Some('.') => {
                    let after_dot = self.src.get(self.pos + 1..).unwrap_or_default();
                    if !after_dot.starts_with("inline ") {
                        return Err(SyntaxError::new(
                            self.pos,
                            "period in shortcode name only allowed for inline identifiers \
                             (`name.inline`)",
                        ));
                    }
                    self.pos += 1;
                }
                _ => break,
            }
        }
        let word: &'a str = self.since(begin);
        let closes = st.slash_before_name;
        if closes && !self.names.contains_key(word) {
            return Err(SyntaxError::new(
                begin,
                format!(
                    "closing tag for shortcode '{word}' does not match start tag: no `{word}` \
                     was opened before"
                ),
            ));
        }
        self.any_name = true;
        let name = self.intern(word);
        st.step += 1;
        st.name = Some((name, begin..self.pos));
        Ok(closes)
    }

    /// `lexEndOfShortcode`: after the name in a closing tag only ASCII white space (Go's
    /// `isASCIISpace`: line breaks too) may come before the right delimiter, which it
    /// leaves for [`Self::right_delim`].
    fn end_of_shortcode(&mut self, st: &TagState, right: &str) -> Result<(), SyntaxError> {
        while !self.at(right) {
            match self.peek() {
                Some(' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') => self.pos += 1,
                _ => {
                    let name = st.name.as_ref().map_or("", |n| &*n.0);
                    return Err(SyntaxError::new(
                        self.pos,
                        format!(
                            "unclosed shortcode: closing tag `/{name}` takes no parameters; \
                             expected `{right}`"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// `lexShortcodeRightDelim`: steps over the delimiter and emits the tag that opened at
    /// `start`, its keys paired with their values.
    fn right_delim(
        &mut self,
        start: usize,
        notation: Notation,
        st: TagState,
    ) -> Result<(), SyntaxError> {
        self.pos += 3;
        let span = start..self.pos;
        let Some((name, name_span)) = st.name else {
            return Err(SyntaxError::new(start, "shortcode has no name"));
        };
        let mut items = std::mem::take(&mut self.items);
        let params = pair_params(&mut items)?;
        self.items = items;
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
}

/// The error for a character that cannot appear inside a tag, at `pos`.
fn unrecognized(pos: usize, c: char, notation: Notation) -> SyntaxError {
    let hint = if c == '%' || c == '>' {
        format!(
            " (the tag opened with `{}` must close with `{}`)",
            notation.left(),
            notation.right()
        )
    } else {
        ". Note: parameters with non-alphanumeric values must be quoted".to_string()
    };
    SyntaxError::new(
        pos,
        format!(
            "unrecognized character in shortcode action: {}{hint}",
            describe_char(c)
        ),
    )
}
