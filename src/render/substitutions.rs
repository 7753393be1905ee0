//! Goldmark's typographer substitutions, as Hugo runs them (Goldmark's
//! `extension/typographer.go`, Hugo's defaults in `markup.goldmark.extensions.typographer`):
//! `---` is an em dash, `--` an en dash, `...` an ellipsis, and each `'` and `"` is decided
//! on its own from the character before it, the rest of its source line, and how many quotes
//! of its kind the document has opened and not closed:
//!
//! - an apostrophe before `t`, `e`, `n` or `l` after a space or punctuation (`'twas`, `'em`,
//!   `rock 'n' roll`), between a letter or digit and a letter (`don't`), and in decades
//!   (`'90s`);
//! - a left quote where the quote can only open (CommonMark's left-flanking rule), but a
//!   right one in `'s`, `'m`, `'t`, `'d`, `'ve`, `'ll`, `'re` followed by a space or
//!   punctuation;
//! - a right single quote before anything but a digit when at least two more bytes follow
//!   on the line (`Smiths' car`), else where it can only close a quote opened before it;
//! - a right double quote only where it closes an opened one;
//! - otherwise the quote stays straight (`5'10"`).
//!
//! pulldown-cmark's own smart punctuation follows other rules (it pairs quotes like
//! emphasis), so it is off (`markdown::options`) and these run over the text between
//! Markdown's elements instead (`typographer.rs`). What each substitution writes is the
//! site's ([`Typography`]).

use std::borrow::Cow;
use std::ops::Range;

use crate::text::{go_digit, go_letter, go_punct, go_punct_or_symbol};

/// Quotes opened and not closed yet (Goldmark's `unclosedCounter`, one per document).
#[derive(Debug, Default, Clone, Copy)]
pub struct Unclosed {
    single: usize,
    double: usize,
}

/// One of Goldmark's typographic substitutions (`extension.TypographicPunctuation`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Substitution {
    LeftSingleQuote,
    RightSingleQuote,
    LeftDoubleQuote,
    RightDoubleQuote,
    EnDash,
    EmDash,
    Ellipsis,
    LeftAngleQuote,
    RightAngleQuote,
    Apostrophe,
}

impl Substitution {
    /// Every substitution, in order.
    pub(crate) const ALL: [Substitution; 10] = [
        Substitution::LeftSingleQuote,
        Substitution::RightSingleQuote,
        Substitution::LeftDoubleQuote,
        Substitution::RightDoubleQuote,
        Substitution::EnDash,
        Substitution::EmDash,
        Substitution::Ellipsis,
        Substitution::LeftAngleQuote,
        Substitution::RightAngleQuote,
        Substitution::Apostrophe,
    ];
}

/// What the typographer writes for each [`Substitution`]: the HTML Goldmark writes, as
/// the site's settings write it (Hugo's defaults are the entities of ‘ ’ “ ” – — … « » ’,
/// `markup/goldmark/goldmark_config/config.go`; a site may set its own,
/// `markup.goldmark.extensions.typographer.leftDoubleQuote = "&laquo;"`), and the text a
/// browser shows for it (entities decoded). An empty one removes what it stands for, as
/// in Goldmark. The text holds marks for them until the HTML is written (`entities.rs`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Typography {
    html: [Cow<'static, str>; 10],
    text: [Cow<'static, str>; 10],
}

/// Hugo's typography.
static HUGO: Typography = Typography {
    html: [
        Cow::Borrowed("&lsquo;"),
        Cow::Borrowed("&rsquo;"),
        Cow::Borrowed("&ldquo;"),
        Cow::Borrowed("&rdquo;"),
        Cow::Borrowed("&ndash;"),
        Cow::Borrowed("&mdash;"),
        Cow::Borrowed("&hellip;"),
        Cow::Borrowed("&laquo;"),
        Cow::Borrowed("&raquo;"),
        Cow::Borrowed("&rsquo;"),
    ],
    text: [
        Cow::Borrowed("‘"),
        Cow::Borrowed("’"),
        Cow::Borrowed("“"),
        Cow::Borrowed("”"),
        Cow::Borrowed("–"),
        Cow::Borrowed("—"),
        Cow::Borrowed("…"),
        Cow::Borrowed("«"),
        Cow::Borrowed("»"),
        Cow::Borrowed("’"),
    ],
};

impl Typography {
    /// The config keys under `markup.goldmark.extensions.typographer`, in the order of
    /// [`Substitution`].
    pub const KEYS: [&'static str; 10] = [
        "leftSingleQuote",
        "rightSingleQuote",
        "leftDoubleQuote",
        "rightDoubleQuote",
        "enDash",
        "emDash",
        "ellipsis",
        "leftAngleQuote",
        "rightAngleQuote",
        "apostrophe",
    ];

    /// Hugo's own.
    pub fn hugo() -> &'static Typography {
        &HUGO
    }

    /// Hugo's, with the strings `set` gives for [`Typography::KEYS`] (as written in the
    /// config). Kept for the process (a site has one; settings are `Copy`): the same
    /// typography is kept once.
    pub fn with(set: impl Fn(&str) -> Option<String>) -> &'static Typography {
        let mut own = HUGO.clone();
        for ((html, text), key) in own.html.iter_mut().zip(&mut own.text).zip(Self::KEYS) {
            if let Some(written) = set(key) {
                *text = Cow::Owned(html_escape::decode_html_entities(&written).into_owned());
                *html = Cow::Owned(written);
            }
        }
        if own == HUGO {
            return &HUGO;
        }
        static KEPT: std::sync::Mutex<Vec<&'static Typography>> = std::sync::Mutex::new(Vec::new());
        let mut kept = KEPT
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(t) = kept.iter().find(|t| ***t == own) {
            return t;
        }
        let t: &'static Typography = Box::leak(Box::new(own));
        kept.push(t);
        t
    }

    /// The text `s` is written as.
    pub(crate) fn get(&self, s: Substitution) -> &str {
        self.text.get(s as usize).map_or("", |t| t.as_ref())
    }

    /// The HTML `s` is written as.
    pub(crate) fn html(&self, s: Substitution) -> &str {
        self.html.get(s as usize).map_or("", |t| t.as_ref())
    }
}

/// `text`, the source `md[at..at + text.len()]` of a text run, with Goldmark's
/// substitutions, each its mark (`entities.rs`); `block` is the text of the block holding
/// it in `md` (its last line is read without trailing white space, as Goldmark closes a
/// paragraph). `None` when nothing changes.
pub fn substitute(
    md: &str,
    at: usize,
    text: &str,
    block: Range<usize>,
    unclosed: &mut Unclosed,
) -> Option<String> {
    let block_end = block.end;
    // The end of the line being read, found once per line.
    let mut line_end = 0;
    if !text.contains(['\'', '"', '-', '.']) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    let mut i = 0;
    while let Some(rest) = text.get(i..).filter(|r| !r.is_empty()) {
        // Straight to the next character a substitution can start at.
        let Some(skip) = rest.find(['\'', '"', '-', '.']) else {
            out.push_str(rest);
            break;
        };
        out.push_str(rest.get(..skip).unwrap_or_default());
        i += skip;
        let (Some(rest), pos) = (text.get(i..), at + i) else {
            break;
        };
        if pos >= line_end {
            line_end = line_end_at(md, pos, block_end);
        }
        let line = || md.get(pos..line_end.max(pos)).unwrap_or_default();
        let (with, width) = match rest.as_bytes().first() {
            // A backslash-escaped character is text (Goldmark's escape comes first).
            _ if crate::text::escaped(md, pos) => (None, 1),
            Some(b'-') if line().starts_with("---") => (Some(Substitution::EmDash), 3),
            Some(b'-') if line().starts_with("--") => (Some(Substitution::EnDash), 2),
            Some(b'.') if line().starts_with("...") => (Some(Substitution::Ellipsis), 3),
            Some(b'\'' | b'"') => (quote(md, pos, block.start, line(), unclosed), 1),
            _ => (None, 1),
        };
        // A substitution must lie within this text (a `--` cut by an element is text).
        match with.filter(|_| width <= rest.len()) {
            Some(s) => {
                out.push(super::entities::substitution(s));
                changed = true;
            }
            None => out.push_str(rest.get(..width).unwrap_or(rest)),
        }
        i += width;
    }
    changed.then_some(out)
}

/// Where the line holding `md[pos]` ends, as [`line_at`] reads it.
fn line_end_at(md: &str, pos: usize, block_end: usize) -> usize {
    let line = line_at(md, pos, block_end);
    pos + line.len()
}

/// The rest of the source line from `pos`, with its line break; the block's last line
/// without trailing white space.
fn line_at(md: &str, pos: usize, block_end: usize) -> &str {
    let rest = md.get(pos..).unwrap_or_default();
    let end = rest.find('\n').map_or(md.len(), |n| pos + n + 1);
    let last = end >= block_end || md.get(end..block_end).is_some_and(|r| r.trim().is_empty());
    if last {
        md.get(pos..block_end.max(pos))
            .unwrap_or_default()
            .trim_end()
    } else {
        md.get(pos..end).unwrap_or_default()
    }
}

/// What the quote at `md[pos]` becomes (`None`: it stays straight); `line` is the rest of
/// its line.
fn quote(
    md: &str,
    pos: usize,
    block_start: usize,
    line: &str,
    unclosed: &mut Unclosed,
) -> Option<Substitution> {
    let before = preceding(md, pos, block_start);
    let d = Delimiter::scan(line, before)?;
    let q = Quote { line, before, d };
    if line.starts_with('\'') {
        return q.single(unclosed);
    }
    if q.d.open && !q.d.close {
        unclosed.double += 1;
        return Some(Substitution::LeftDoubleQuote);
    }
    if unclosed.double > 0 && q.d.closes(line) {
        // Monitor 21"": inches, then a closing quote.
        if q.byte(1) == b'"' && go_digit(before) {
            return None;
        }
        unclosed.double -= 1;
        return Some(Substitution::RightDoubleQuote);
    }
    None
}

/// A quote, the rest of its line, and the character before it.
struct Quote<'a> {
    line: &'a str,
    before: char,
    d: Delimiter,
}

impl Quote<'_> {
    fn len(&self) -> usize {
        self.line.len()
    }

    fn byte(&self, i: usize) -> u8 {
        self.line.as_bytes().get(i).copied().unwrap_or(0)
    }

    fn rune(&self, i: usize) -> char {
        self.line
            .get(i..)
            .and_then(|s| s.chars().next())
            .unwrap_or('\0')
    }

    /// What a `'` becomes.
    fn single(&self, unclosed: &mut Unclosed) -> Option<Substitution> {
        let (d, before) = (&self.d, self.before);
        // Decades: '90s.
        if d.open
            && !d.close
            && self.len() > 3
            && self.byte(1).is_ascii_digit()
            && self.byte(2).is_ascii_digit()
            && self.byte(3) == b's'
        {
            let after = if self.len() > 4 { self.rune(4) } else { ' ' };
            if is_space(after) || go_punct_or_symbol(after) {
                return Some(Substitution::Apostrophe);
            }
        }
        // 'twas, 'em, 'n', 'll.
        if self.len() > 1
            && (go_punct(before) || is_space(before))
            && b"tenl".contains(&self.byte(1))
        {
            return Some(Substitution::Apostrophe);
        }
        // Between a letter or digit and a letter: don't, 80's.
        if self.len() > 1 && (go_digit(before) || go_letter(before)) && go_letter(self.rune(1)) {
            return Some(Substitution::Apostrophe);
        }
        if d.open && !d.close {
            if self.is_contraction() {
                return Some(Substitution::RightSingleQuote);
            }
            unclosed.single += 1;
            return Some(Substitution::LeftSingleQuote);
        }
        // Plural possessives and clippings (Smiths' car, doin' it): Goldmark's test reads
        // "two more bytes on the line, and no digit next".
        if self.len() > 2 && !go_digit(self.rune(1)) {
            return Some(Substitution::RightSingleQuote);
        }
        if unclosed.single > 0 && d.closes(self.line) {
            unclosed.single -= 1;
            return Some(Substitution::RightSingleQuote);
        }
        None
    }

    /// Alice's, I'm, don't, you'd; I've, I'll, you're: an opening quote that is a right
    /// quote after all.
    fn is_contraction(&self) -> bool {
        let ends = |i: usize| {
            self.len() <= i || self.byte(i).is_ascii_punctuation() || is_ascii_space(self.byte(i))
        };
        let two = self.line.as_bytes().get(1..3).unwrap_or_default();
        (b"smtd".contains(&self.byte(1)) && ends(2))
            || ([b"ve", b"ll", b"re"].iter().any(|c| c[..] == *two) && ends(3))
    }
}

/// The character at `md[pos]` as Goldmark's `parser.ScanDelimiter` sees the one after a
/// run: a space at the line's end (its line holds no line break).
pub fn following(md: &str, pos: usize) -> char {
    md.get(pos..)
        .and_then(|r| r.chars().next())
        .filter(|&a| a != '\n')
        .unwrap_or(' ')
}

/// The character before `md[pos]` as Goldmark sees it: a line break at the start of the
/// block's text (after a table's `|` or a quote's `>`, which are not in it); elsewhere the
/// source's, a container's `>` on a later line included (Hugo 0.168: `>'twas` / `>'tis`
/// is ’twas, then ‘tis).
pub fn preceding(md: &str, pos: usize, block_start: usize) -> char {
    let lead = md.get(block_start.min(pos)..pos).unwrap_or_default();
    if lead
        .chars()
        .all(|c| c.is_whitespace() || c == '>' || c == '|')
    {
        return '\n';
    }
    md.get(..pos)
        .and_then(|h| h.chars().next_back())
        .unwrap_or('\n')
}

/// Whether the quote at `md[pos]` is typeset (so a link may start after it), judged with
/// no quote open before it.
pub fn is_typeset_quote(md: &str, pos: usize, block: Range<usize>) -> bool {
    let line = line_at(md, pos, block.end);
    !crate::text::escaped(md, pos)
        && quote(md, pos, block.start, line, &mut Unclosed::default()).is_some()
}

/// How far a run of one delimiter is read.
const MAX_RUN: usize = 64;

/// Whether a run of a delimiter (not `_`) between `before` and `after` can open and can
/// close: CommonMark's left- and right-flanking rules as Goldmark's `parser.ScanDelimiter`
/// applies them (`before` is `'\n'` at a block's start, `after` `' '` at a line's end).
pub fn flanks(before: char, after: char) -> (bool, bool) {
    let (bp, bw) = (go_punct_or_symbol(before), is_space(before));
    let (ap, aw) = (go_punct_or_symbol(after), is_space(after));
    (!aw && (!ap || bw || bp), !bw && (!bp || aw || ap))
}

/// Whether a quote can open or close, by CommonMark's flanking rules (Goldmark's
/// `parser.ScanDelimiter` over the run of the same quote).
struct Delimiter {
    open: bool,
    close: bool,
}

impl Delimiter {
    fn scan(line: &str, before: char) -> Option<Delimiter> {
        let b = line.as_bytes();
        let c = *b.first()?;
        // A run longer than this is read as this long: its flanking is the same in any
        // text (quotes against quotes), and every quote of a long run stays linear.
        let run = b.iter().take(MAX_RUN).take_while(|&&x| x == c).count();
        let (open, close) = flanks(before, following(line, run));
        Some(Delimiter { open, close })
    }

    /// Whether the quote closes one: it can only close, or it can do both and punctuation
    /// follows it (then the line ends, or punctuation or a space comes next).
    fn closes(&self, line: &str) -> bool {
        let b = line.as_bytes();
        let next = line.get(1..).and_then(|s| s.chars().next()).unwrap_or('\0');
        let after_next = b.get(2).copied().unwrap_or(0);
        let maybe = self.open
            && self.close
            && b.len() > 1
            && go_punct(next)
            && (b.len() == 2 || after_next.is_ascii_punctuation() || is_ascii_space(after_next));
        (self.close && !self.open) || maybe
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-paragraph document with the substitutions made.
    fn typeset(md: &str) -> String {
        let typeset = substitute(md, 0, md, 0..md.len(), &mut Unclosed::default())
            .unwrap_or_else(|| md.into());
        crate::render::entities::plain(&typeset, Typography::hugo()).into_owned()
    }

    #[test]
    fn an_apostrophe_before_t_e_n_or_l_after_a_space_is_a_right_quote() {
        // The last quote stays straight: it ends the paragraph, and no quote is open.
        assert_eq!(
            typeset("'terrifying' and 'turn'"),
            "’terrifying’ and ’turn'"
        );
        assert_eq!(typeset("rock 'n' roll"), "rock ’n’ roll");
    }

    #[test]
    fn an_unclosed_opening_quote_is_a_left_quote() {
        assert_eq!(typeset("She said 'hold on"), "She said ‘hold on");
    }

    #[test]
    fn feet_and_inches_stay_straight() {
        assert_eq!(typeset("5'10\""), "5'10\"");
    }

    #[test]
    fn double_quotes_pair_and_contractions_are_apostrophes() {
        assert_eq!(typeset("\"Hi,\" I'm Ann's"), "“Hi,” I’m Ann’s");
        assert_eq!(typeset("the '90s"), "the ’90s");
    }

    #[test]
    fn an_escaped_quote_stays_straight() {
        assert_eq!(typeset("\\'a\\' \\\\'b'"), "\\'a\\' \\\\‘b’");
    }

    #[test]
    fn only_gos_letters_and_decimal_digits_make_an_apostrophe_between_letters() {
        // As Hugo 0.168 typesets them: a circled letter is a symbol, not a letter, so the
        // quote after it opens; `²` is no decimal digit; a combining mark is neither
        // punctuation nor a letter.
        assert_eq!(
            typeset("Ⓐ'b x²'s ↅ's 'Ⓐ' \"e\u{301}\" e\u{301}'s '\u{301}x' \"²\" ²'x «'a'» ™'s"),
            "Ⓐ‘b x²’s ↅ’s ‘Ⓐ’ “e\u{301}” e\u{301}’s ‘\u{301}x’ “²” ²’x «‘a’» ™’s"
        );
    }

    #[test]
    fn dashes_and_ellipses_are_read_left_to_right() {
        assert_eq!(typeset("a---b--c----d...e"), "a—b–c—-d…e");
    }
}
