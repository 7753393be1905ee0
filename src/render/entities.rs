//! Text Goldmark writes as HTML character references, kept in Markdown's events as marks
//! until the HTML is written.
//!
//! Goldmark writes each typographer substitution as its string in the site's settings, as
//! it is (Hugo's defaults are entities: `&rsquo;`, `&ldquo;`…; `markup/goldmark/
//! goldmark_config/config.go`), and each emoji as a reference per code point (`&#x1f680;`,
//! Goldmark's emoji extension with Hugo's `enableEmoji`). A page shows the same either way,
//! but a template sees the references: a hook's `.Text` and `markdownify`'s output hold
//! them, so `len`, `truncate` and `anchorize` of them count and keep them (review 64a, r1).
//! A hook's `.PlainText` holds the characters instead.
//!
//! The typographer (`typographer.rs`) and the emoji codes (`markdown::emoji_codes`) write
//! marks into the text: [`substitution`] for each substitution, [`emoji`] around an
//! emoji. They are Unicode noncharacters (U+FDD0 to U+FDDC), which Unicode keeps for a
//! program's own use and no text holds, not private use characters, which an icon font's
//! glyphs are (review 64c, r3). [`html`] writes text with its marks as Goldmark
//! writes it, [`plain`] as characters.

use std::borrow::Cow;

use super::substitutions::{Substitution, Typography};

/// The mark of the first [`Substitution`]; the others follow in its order.
const FIRST: u32 = 0xFDD0;
/// How many substitutions there are.
const COUNT: u32 = 10;
/// The marks around an emoji: its characters, [`EMOJI_NAME`], its name.
const EMOJI_OPEN: char = '\u{FDDA}';
const EMOJI_NAME: char = '\u{FDDB}';
const EMOJI_CLOSE: char = '\u{FDDC}';

/// The mark that stands for `s` in text.
pub(crate) fn substitution(s: Substitution) -> char {
    char::from_u32(FIRST + s as u32).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// `emoji` (its characters) marked as the emoji of the code `name` (`rocket` for
/// `:rocket:`), appended to `out`.
pub(crate) fn emoji(out: &mut String, emoji: &str, name: &str) {
    out.push(EMOJI_OPEN);
    out.push_str(emoji);
    out.push(EMOJI_NAME);
    out.push_str(name);
    out.push(EMOJI_CLOSE);
}

/// Whether `text` holds a mark: a byte scan for the marks' UTF-8 (`EF B7 90` to
/// `EF B7 9C`), as cheap as the text is long (a page that writes such a noncharacter
/// itself gets it read as a mark).
pub(crate) fn has_marks(text: &str) -> bool {
    memchr::memchr_iter(0xEF, text.as_bytes())
        .any(|i| matches!(text.as_bytes().get(i + 1..i + 3), Some([0xB7, 0x90..=0x9C])))
}

/// Whether `c` stands for a typographer's substitution.
pub(crate) fn is_substitution(c: char) -> bool {
    (FIRST..FIRST + COUNT).contains(&u32::from(c))
}

/// The substitution mark `c` stands for.
fn substitution_of(c: char) -> Option<Substitution> {
    u32::from(c)
        .checked_sub(FIRST)
        .and_then(|k| Substitution::ALL.get(usize::try_from(k).ok()?).copied())
}

/// Text (with marks) as Goldmark writes it in HTML (`util.EscapeHTML`, the writer's
/// `Write`): `&`, `<`, `>` and `"` escaped (`&quot;`), an apostrophe as it is, each
/// substitution as the site's `typography` writes it (HTML, as written), and an emoji's
/// code points as `&#x1f680;` (hexadecimal, lower case), a zero-width joiner as `&zwj;`.
pub(crate) fn html(text: &str, typography: &Typography) -> String {
    if memchr::memchr3(b'&', b'<', b'>', text.as_bytes()).is_none()
        && memchr::memchr(b'"', text.as_bytes()).is_none()
        && !has_marks(text)
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for piece in pieces(text) {
        match piece {
            Piece::Text('&') => out.push_str("&amp;"),
            Piece::Text('<') => out.push_str("&lt;"),
            Piece::Text('>') => out.push_str("&gt;"),
            Piece::Text('"') => out.push_str("&quot;"),
            Piece::Text(c) => out.push(c),
            Piece::Substitution(s) => out.push_str(typography.html(s)),
            // The emoji extension writes a zero-width joiner by its name (goldmark-emoji's
            // `Entity` rendering).
            Piece::Emoji('\u{200D}') => out.push_str("&zwj;"),
            Piece::Emoji(c) => out.push_str(&format!("&#x{:x};", u32::from(c))),
            Piece::EmojiName(_) => {}
        }
    }
    out
}

/// Text (with marks) as a hook's `.PlainText` has it: each substitution as the text the
/// site's `typography` shows (its entities decoded), each emoji as its code's name
/// (`rocket`, Goldmark's emoji node's text; checked with Hugo 0.168).
pub(crate) fn plain<'t>(text: &'t str, typography: &Typography) -> Cow<'t, str> {
    if !has_marks(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for piece in pieces(text) {
        match piece {
            Piece::Text(c) | Piece::EmojiName(c) => out.push(c),
            Piece::Substitution(s) => out.push_str(typography.get(s)),
            Piece::Emoji(_) => {}
        }
    }
    Cow::Owned(out)
}

/// A character of text with marks, read as what it stands for.
enum Piece {
    Text(char),
    Substitution(Substitution),
    /// A character of an emoji.
    Emoji(char),
    /// A character of an emoji's code's name.
    EmojiName(char),
}

/// The [`Piece`]s of text with marks, the marks themselves read.
fn pieces(text: &str) -> impl Iterator<Item = Piece> + '_ {
    #[derive(Clone, Copy)]
    enum At {
        Outside,
        Emoji,
        Name,
    }
    let mut at = At::Outside;
    text.chars().filter_map(move |c| {
        match (c, at) {
            (EMOJI_OPEN, _) => at = At::Emoji,
            (EMOJI_NAME, _) => at = At::Name,
            (EMOJI_CLOSE, _) => at = At::Outside,
            (c, At::Emoji) => return Some(Piece::Emoji(c)),
            (c, At::Name) => return Some(Piece::EmojiName(c)),
            (c, At::Outside) => {
                return Some(substitution_of(c).map_or(Piece::Text(c), Piece::Substitution))
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_writes_substitutions_as_hugos_entities_and_emoji_as_references() {
        let mut text = format!("It{}s ", substitution(Substitution::Apostrophe));
        emoji(&mut text, "🚀", "rocket");
        text.push_str(" \"a\" & 'b'");
        let hugo = Typography::hugo();
        assert_eq!(
            html(&text, hugo),
            "It&rsquo;s &#x1f680; &quot;a&quot; &amp; 'b'"
        );
        assert_eq!(plain(&text, hugo), "It’s rocket \"a\" & 'b'");
        assert!(has_marks(&text) && !has_marks("It’s \u{FDCF} \u{FDDD} \u{E031}"));
    }
}
