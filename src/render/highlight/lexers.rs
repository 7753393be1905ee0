//! Which languages Hugo highlights, and their tokens with Chroma's classes.
//!
//! Hugo highlights a block only when Chroma has a lexer for its language
//! (`markup/highlight/highlight.go`); `chroma-lexers.txt` lists Chroma's lexers
//! (`scripts/chroma-lexers.py`), and [`chroma_lexer`] looks a name up as Chroma's
//! `LexerRegistry.Get` does: by name or alias, then as a file extension or a file
//! name.
//!
//! The tokens come from `syntect` (Sublime Text's grammars, with `two-face`'s), whose
//! scopes are mapped to the Chroma token type a Chroma lexer would most likely give
//! (`keyword.control.import` → `KeywordNamespace`, class `kn`: `scopes.rs`), then refined
//! where single lexers differ ([`refine`]). The two tokenisers are
//! different programs, so a token can get another colour than in Hugo; the text, the
//! lines and everything around them are Hugo's. Go templates are split as Chroma splits
//! them (`go_template.rs`). A language Chroma knows and syntect does not is shown
//! uncoloured.

use std::sync::OnceLock;

use syntect::easy::ScopeRegionIterator;
use syntect::parsing::{ParseState, ScopeStack, SyntaxReference, SyntaxSet};

use super::scopes::class_of;
use syntect::util::LinesWithEndings;

/// Chroma's lexers, as `scripts/chroma-lexers.py` writes them: `Name|aliases|file
/// globs|w` (`w` when the lexer gives whitespace a token type of its own).
const LEXERS: &str = include_str!("chroma-lexers.txt");

/// A lexer Chroma has: its name, aliases and file-name globs.
#[derive(Debug)]
pub struct ChromaLexer {
    /// Its name (`Go`).
    pub name: &'static str,
    aliases: Vec<&'static str>,
    globs: Vec<glob::Pattern>,
    /// Whether its rules give whitespace its own token type (`TextWhitespace`, class
    /// `w`); with classes, Chroma writes blank text in a `w` span only then.
    pub whitespace: bool,
}

/// Chroma's lexers.
fn lexers() -> &'static [ChromaLexer] {
    static ALL: OnceLock<Vec<ChromaLexer>> = OnceLock::new();
    ALL.get_or_init(|| {
        LEXERS
            .lines()
            .filter_map(|line| {
                let mut fields = line.split('|');
                let (name, aliases, globs) = (fields.next()?, fields.next()?, fields.next()?);
                Some(ChromaLexer {
                    whitespace: fields.next() == Some("w"),
                    name,
                    aliases: aliases.split_whitespace().collect(),
                    globs: globs
                        .split_whitespace()
                        .filter_map(|g| glob::Pattern::new(g).ok())
                        .collect(),
                })
            })
            .collect()
    })
}

/// The lexer Chroma picks for a code block's language (`LexerRegistry.Get`): by name or
/// alias, as written and then lower-cased, then as the extension of `filename.LANG`, then
/// as a file name; `None` when Chroma has none (Hugo then writes the code unhighlighted).
/// Where several lexers take the same file name, the first in the list is taken, not the
/// one of highest priority as Chroma's.
pub fn chroma_lexer(lang: &str) -> Option<&'static ChromaLexer> {
    if lang.is_empty() {
        return None;
    }
    let all = lexers();
    let lower = lang.to_lowercase();
    let by_name = |n: &str| {
        all.iter()
            .find(|l| l.name == n || l.name.to_lowercase() == n)
    };
    // Chroma registers each alias also lower-cased (`RPG` as `rpg`).
    let by_alias = |n: &str| {
        all.iter()
            .find(|l| l.aliases.iter().any(|a| *a == n || a.to_lowercase() == n))
    };
    by_name(lang)
        .or_else(|| by_alias(lang))
        .or_else(|| by_name(&lower))
        .or_else(|| by_alias(&lower))
        .or_else(|| {
            let file = format!("filename.{lang}");
            all.iter()
                .find(|l| l.globs.iter().any(|g| g.matches(&file)))
        })
        .or_else(|| all.iter().find(|l| l.globs.iter().any(|g| g.matches(lang))))
}

/// The grammars: Sublime Text's defaults with those `bat` adds (TOML, TypeScript,
/// Dockerfile…), from the `two-face` crate; loaded on the first highlighted block.
fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
}

/// The grammar for a Chroma lexer: by the language as written, the lexer's aliases, its
/// name, then its file extensions.
fn grammar(lang: &str, lexer: &ChromaLexer) -> Option<&'static SyntaxReference> {
    let set = syntaxes();
    let extensions = lexer
        .globs
        .iter()
        .filter_map(|g| g.as_str().strip_prefix("*."));
    std::iter::once(lang)
        .chain(lexer.aliases.iter().copied())
        .chain(std::iter::once(lexer.name))
        .chain(extensions)
        .find_map(|token| set.find_syntax_by_token(token))
        .filter(|s| s.name != "Plain Text")
}

/// The name of the grammar Folio colours code of `lang` with (`Bourne Again Shell (bash)`),
/// Chroma's `lexer` for it; `None` when it has none (the code is shown uncoloured).
/// A Go HTML template's HTML is coloured with the HTML grammar ([`tokens`]).
pub fn grammar_name(lang: &str, lexer: &ChromaLexer) -> Option<&'static str> {
    let syntax = match lexer.name {
        "Go HTML Template" => grammar("html", chroma_lexer("html")?),
        _ => grammar(lang, lexer),
    };
    syntax.map(|syntax| syntax.name.as_str())
}

/// The largest block (bytes) given colours: the grammars take about 40 µs a line, so
/// 64 KB (some 1500 lines) takes about 60 ms in a release build, and the preview renders
/// a block again on each keystroke in it. A larger block keeps Hugo's lines and numbers,
/// uncoloured.
pub const MAX_COLOURED: usize = 64 << 10;

/// A run of code and its Chroma class (`None`: plain text).
pub type Token<'a> = (Option<&'static str>, &'a str);

/// `code` cut into tokens with Chroma classes, in order, covering every byte. Without a
/// grammar for the lexer, when the grammar fails on the text, or past [`MAX_COLOURED`],
/// the whole code is one plain token.
pub fn tokens<'a>(code: &'a str, lang: &str, lexer: &ChromaLexer) -> Vec<Token<'a>> {
    if code.len() > MAX_COLOURED {
        return vec![(None, code)];
    }
    match lexer.name {
        "Diff" => return diff_tokens(code),
        "Go Text Template" | "Go Template" => return super::go_template::tokens(code, None),
        "Go HTML Template" => {
            let html = |text: &str| html_ranges(text);
            return super::go_template::tokens(code, Some(&html));
        }
        _ => {}
    }
    let Some(syntax) = grammar(lang, lexer) else {
        return vec![(None, code)];
    };
    coloured(code, syntax, lexer).unwrap_or_else(|| vec![(None, code)])
}

/// Chroma's Diff lexer (`lexers/embedded/diff.xml`): each line one token, its class by
/// how it starts, the line's end in it. A line of ` ` is text; `N[,N](a|c|d)N[,N]` alone a
/// subheading (`gu`), as is `@…`; `---` alone strong (`gs`), as is `!…`; `< ` and `-…`
/// deleted (`gd`); `> ` and `+…` inserted (`gi`); `index…`, `Index…`, `diff…` and `=…` a
/// heading (`gh`); any other text.
fn diff_tokens(code: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    for line in code.split_inclusive('\n') {
        let text = line.strip_suffix('\n').unwrap_or(line);
        let class = match text.as_bytes().first() {
            Some(b' ') => None,
            _ if is_normal_diff_range(text) => Some("gu"),
            _ if text == "---" => Some("gs"),
            _ if text.starts_with("< ") || text.starts_with('-') => Some("gd"),
            _ if text.starts_with("> ") || text.starts_with('+') => Some("gi"),
            Some(b'!') => Some("gs"),
            Some(b'@') => Some("gu"),
            Some(b'=') => Some("gh"),
            _ if ["Index", "index", "diff"]
                .iter()
                .any(|w| text.starts_with(w)) =>
            {
                Some("gh")
            }
            _ => None,
        };
        push(&mut out, class, line, code);
    }
    out
}

/// Whether a line is a normal diff's range, `N[,N](a|c|d)N[,N]` and nothing more
/// (`3,5c3,4`).
fn is_normal_diff_range(line: &str) -> bool {
    // `N` or `N,N`, then what follows it.
    fn range(s: &str) -> Option<&str> {
        let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let n = digits(s);
        let rest = s.get(n..).filter(|_| n > 0)?;
        match rest.strip_prefix(',') {
            Some(more) => {
                let m = digits(more);
                more.get(m..).filter(|_| m > 0)
            }
            None => Some(rest),
        }
    }
    range(line)
        .and_then(|rest| rest.strip_prefix(['a', 'c', 'd']))
        .and_then(range)
        .is_some_and(str::is_empty)
}

/// `text` as HTML: each token's class and where it is in `text`.
fn html_ranges(text: &str) -> Vec<(Option<&'static str>, std::ops::Range<usize>)> {
    let tokens = match chroma_lexer("html") {
        Some(html) => tokens(text, "html", html),
        None => vec![(None, text)],
    };
    tokens
        .into_iter()
        .map(|(class, t)| {
            let start = t.as_ptr() as usize - text.as_ptr() as usize;
            (class, start..start + t.len())
        })
        .collect()
}

/// The tokens syntect's grammar gives, `None` if it fails.
fn coloured<'a>(
    code: &'a str,
    syntax: &SyntaxReference,
    lexer: &ChromaLexer,
) -> Option<Vec<Token<'a>>> {
    let set = syntaxes();
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut out: Vec<Token<'a>> = Vec::new();
    for line in LinesWithEndings::from(code) {
        let ops = state.parse_line(line, set).ok()?;
        for (region, op) in ScopeRegionIterator::new(&ops, line) {
            stack.apply(op).ok()?;
            // The same text, borrowed from the code rather than from the parser's ops.
            let at = region.as_ptr() as usize - line.as_ptr() as usize;
            let Some(text) = line.get(at..at + region.len()).filter(|t| !t.is_empty()) else {
                continue;
            };
            // The line's end is text of its own, as in Chroma's lexers.
            let body = text.strip_suffix('\n').unwrap_or(text);
            let eol = text.get(body.len()..).filter(|e| !e.is_empty());
            if !body.is_empty() {
                refine(&mut out, class_of(&stack), body, code, lexer.name);
            }
            if let Some(eol) = eol {
                push(&mut out, None, eol, code);
            }
        }
    }
    Some(out)
}

/// Chroma lexers that give every identifier a class of its own, where syntect's grammars
/// leave them plain or call them variables: `NameOther` (`nx`) or `Name` (`n`).
const IDENTIFIERS: &[(&str, &str)] = &[
    ("Go", "nx"),
    ("JavaScript", "nx"),
    ("TypeScript", "nx"),
    ("Python", "n"),
    ("Rust", "n"),
];

/// The class [`IDENTIFIERS`] gives `lexer`'s identifiers, if it names one.
fn identifier_class(lexer: &str) -> Option<&'static str> {
    IDENTIFIERS
        .iter()
        .find(|(l, _)| *l == lexer)
        .map(|&(_, class)| class)
}

/// The class Chroma's JavaScript lexer gives a word by its lists (`lexers/embedded/
/// javascript.xml`): keywords, declaration words, reserved words, constants and built-in
/// names; any other identifier is `nx`.
fn javascript_word(word: &str) -> &'static str {
    match word {
        "for" | "in" | "while" | "do" | "break" | "return" | "continue" | "switch" | "case"
        | "default" | "if" | "else" | "throw" | "try" | "catch" | "finally" | "new" | "delete"
        | "typeof" | "instanceof" | "void" | "yield" | "this" | "of" => "k",
        "var" | "let" | "with" | "function" => "kd",
        "abstract" | "async" | "await" | "boolean" | "byte" | "char" | "class" | "const"
        | "debugger" | "double" | "enum" | "export" | "extends" | "final" | "float" | "goto"
        | "implements" | "import" | "int" | "interface" | "long" | "native" | "package"
        | "private" | "protected" | "public" | "short" | "static" | "super" | "synchronized"
        | "throws" | "transient" | "volatile" => "kr",
        "true" | "false" | "null" | "NaN" | "Infinity" | "undefined" => "kc",
        "Array" | "Boolean" | "Date" | "Error" | "Function" | "Math" | "netscape" | "Number"
        | "Object" | "Packages" | "RegExp" | "String" | "Promise" | "Proxy" | "sun"
        | "decodeURI" | "decodeURIComponent" | "encodeURI" | "encodeURIComponent" | "eval"
        | "isFinite" | "isNaN" | "isSafeInteger" | "parseFloat" | "parseInt" | "document"
        | "window" | "globalThis" | "Symbol" => "nb",
        _ => "nx",
    }
}

/// Adds a run of text with the class its scopes give, refined the way Chroma's lexers
/// differ from the grammars: `package` and `import` are namespace keywords, Go's
/// declaration words are declaration keywords, JavaScript's words are classed by Chroma's
/// lists ([`javascript_word`]), in [`IDENTIFIERS`] languages each plain identifier and
/// variable is `nx` or `n`, and single lexers' own ways ([`quirk`]).
fn refine<'a>(
    out: &mut Vec<Token<'a>>,
    class: Option<&'static str>,
    text: &'a str,
    code: &'a str,
    lexer: &str,
) {
    let word = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        && !text.starts_with(|c: char| c.is_ascii_digit());
    // Not inside a string, a comment or a number.
    let code_word = class.is_none_or(|c| !c.starts_with(['s', 'c', 'm', 'l']));
    if lexer == "JavaScript" && word && code_word {
        return push(out, Some(javascript_word(text)), text, code);
    }
    if quirk(out, class, text, code, lexer, word) {
        return;
    }
    match class {
        Some("k" | "kd") if matches!(text, "package" | "import") => {
            push(out, Some("kn"), text, code);
        }
        // Chroma's Go lexer: declaration keywords.
        Some("k" | "kt")
            if lexer == "Go"
                && matches!(
                    text,
                    "var" | "func" | "struct" | "map" | "chan" | "type" | "interface" | "const"
                ) =>
        {
            push(out, Some("kd"), text, code);
        }
        Some("nv") if identifier_class(lexer).is_some() => {
            push(out, identifier_class(lexer), text, code);
        }
        None if identifier_class(lexer).is_some() => {
            let class = identifier_class(lexer);
            let is_word = |c: char| c.is_alphanumeric() || c == '_';
            let mut rest = text;
            while let Some(start) = rest.find(|c: char| is_word(c)) {
                let (before, from) = rest.split_at(start);
                let len = from.find(|c: char| !is_word(c)).unwrap_or(from.len());
                let (word, after) = from.split_at(len);
                push(out, None, before, code);
                let identifier = !word.starts_with(|c: char| c.is_ascii_digit());
                push(out, class.filter(|_| identifier), word, code);
                rest = after;
            }
            push(out, None, rest, code);
        }
        _ => push(out, class, text, code),
    }
}

/// Adds HTML text holding a doctype (`<!doctype html>`, in any case): the doctype as
/// `cp`, the text around it plain.
fn push_doctype<'a>(out: &mut Vec<Token<'a>>, text: &'a str, code: &'a str) {
    let start = text.to_ascii_lowercase().find("<!doctype").unwrap_or(0);
    let end = text
        .get(start..)
        .and_then(|t| t.find('>'))
        .map_or(text.len(), |e| start + e + 1);
    push(out, None, text.get(..start).unwrap_or_default(), code);
    push(
        out,
        Some("cp"),
        text.get(start..end).unwrap_or_default(),
        code,
    );
    push(out, None, text.get(end..).unwrap_or_default(), code);
}

/// Whether TypeScript text before a type's name ends in `name:` (`a: A`), where Chroma's
/// lexer makes the type a keyword.
fn after_name_colon(before: &str) -> bool {
    before.trim_end().strip_suffix(':').is_some_and(|b| {
        b.trim_end()
            .ends_with(|c: char| c.is_alphanumeric() || matches!(c, '_' | '?' | '.' | '$'))
    })
}

/// The characters of Kotlin's operators.
const KOTLIN_OPERATOR: [char; 13] = [
    '=', '!', '<', '>', '&', '|', '+', '-', '*', '/', '%', '?', ':',
];

/// The one-off ways single Chroma lexers class what the grammars class otherwise; whether
/// `text` (a `word` or not) was added here.
fn quirk<'a>(
    out: &mut Vec<Token<'a>>,
    class: Option<&'static str>,
    text: &'a str,
    code: &'a str,
    lexer: &str,
    word: bool,
) -> bool {
    let last_ends = |c: char| out.last().is_some_and(|(_, t)| t.ends_with(c));
    let at = text.as_ptr() as usize - code.as_ptr() as usize;
    let before = code.get(..at).unwrap_or_default();
    let after = code.get(at + text.len()..).unwrap_or_default();
    match class {
        // Chroma's Markdown lexer: a quote's first `>` is a keyword (the rest of the line
        // emphasis), a `+` bullet text.
        Some("ge")
            if lexer == "markdown"
                && text.starts_with('>')
                && before
                    .rsplit('\n')
                    .next()
                    .is_some_and(|l| l.trim().is_empty()) =>
        {
            push(out, Some("k"), text.get(..1).unwrap_or_default(), code);
            push(out, Some("ge"), text.get(1..).unwrap_or_default(), code);
        }
        Some("k") if lexer == "markdown" && text == "+" => push(out, None, text, code),
        // Chroma's TypeScript lexer: a type's name is a keyword only after `name:` (`a:
        // A`); elsewhere (`Promise<T>`, a generic's `T`) a name. (The grammar's `kt` words
        // in lower case are keywords.)
        Some("kt")
            if lexer == "TypeScript"
                && text.starts_with(|c: char| c.is_ascii_uppercase())
                && !after_name_colon(before) =>
        {
            push(out, Some("nx"), text, code);
        }
        // Chroma's Java lexer: a name after a dot is an attribute (`System.out.println`).
        None | Some("nf") if lexer == "Java" && word && last_ends('.') => {
            push(out, Some("na"), text, code);
        }
        // Chroma's Go lexer: a lone `=` is punctuation.
        Some("o") if lexer == "Go" && text == "=" => {
            push(out, Some("p"), text, code);
        }
        // Chroma's Kotlin lexer: a one-character operator is punctuation (not one of a
        // longer one's: `!!`, `?:`, `->`).
        Some("o")
            if lexer == "Kotlin"
                && text.chars().count() == 1
                && !before.ends_with(KOTLIN_OPERATOR)
                && !after.starts_with(KOTLIN_OPERATOR) =>
        {
            push(out, Some("p"), text, code);
        }
        // Chroma's PHP lexer: `<?php` is an operator and a name.
        Some("p") if lexer == "PHP" && text.starts_with("<?") => {
            let (open, name) = text.split_at(2);
            push(out, Some("o"), open, code);
            push(out, Some("nx"), name, code);
        }
        // Chroma's TypeScript lexer: a return type's `:` is an operator, a name's text.
        None if lexer == "TypeScript" && text == ":" && last_ends(')') => {
            push(out, Some("o"), text, code);
        }
        // Chroma's HTML lexer reads a doctype in any case (the grammar only `<!DOCTYPE`).
        None if lexer == "HTML" && text.to_ascii_lowercase().contains("<!doctype") => {
            push_doctype(out, text, code);
        }
        _ => return false,
    }
    true
}

/// Adds a token, joining it to the last when both have the same class and touch (Chroma's
/// `Coalesce`).
pub(super) fn push<'a>(
    out: &mut Vec<Token<'a>>,
    class: Option<&'static str>,
    text: &'a str,
    code: &'a str,
) {
    if text.is_empty() {
        return;
    }
    if let Some((last_class, last)) = out.last_mut() {
        let end = last.as_ptr() as usize + last.len();
        if *last_class == class && end == text.as_ptr() as usize {
            let start = last.as_ptr() as usize - code.as_ptr() as usize;
            if let Some(joined) = code.get(start..start + last.len() + text.len()) {
                *last = joined;
                return;
            }
        }
    }
    out.push((class, text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chroma_finds_a_lexer_by_alias_extension_or_file_name() {
        assert_eq!(chroma_lexer("golang").map(|l| l.name), Some("Go"));
        assert_eq!(chroma_lexer("GO").map(|l| l.name), Some("Go"));
        assert_eq!(chroma_lexer("rs").map(|l| l.name), Some("Rust"));
        assert_eq!(chroma_lexer("Dockerfile").map(|l| l.name), Some("Docker"));
        assert!(chroma_lexer("nosuchlang").is_none());
        assert!(chroma_lexer("").is_none());
    }

    #[test]
    fn a_diff_is_classed_a_line_at_a_time_as_chromas_diff_lexer_classes_it() {
        let diff = chroma_lexer("diff").unwrap();
        let code = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-old\n+new\n \
                    same\n3,5c3,4\n3,5c\n< l\n> r\n---\n=y\n!x\nplain";
        let classes: Vec<_> = tokens(code, "diff", diff)
            .into_iter()
            .map(|(c, t)| (c, t.trim_end()))
            .collect();
        assert_eq!(
            classes,
            [
                (Some("gh"), "diff --git a/x b/x"),
                (Some("gd"), "--- a/x"),
                (Some("gi"), "+++ b/x"),
                (Some("gu"), "@@ -1,2 +1,2 @@"),
                (Some("gd"), "-old"),
                (Some("gi"), "+new"),
                (None, " same"),
                (Some("gu"), "3,5c3,4"),
                (None, "3,5c"),
                (Some("gd"), "< l"),
                (Some("gi"), "> r"),
                (Some("gs"), "---"),
                (Some("gh"), "=y"),
                (Some("gs"), "!x"),
                (None, "plain"),
            ]
        );
    }

    #[test]
    fn a_block_past_the_coloured_size_is_one_plain_token() {
        let go = chroma_lexer("go").unwrap();
        let big = "x := 1 // c\n".repeat(MAX_COLOURED / 12 + 1);
        assert_eq!(tokens(&big, "go", go), vec![(None, big.as_str())]);
        assert!(tokens("x := 1 // c\n", "go", go).len() > 1);
    }

    #[test]
    fn go_keywords_strings_and_comments_get_chromas_classes() {
        let go = chroma_lexer("go").unwrap();
        let code = "package main\n// hi\nfunc f() { return \"s\" }\n";
        let toks = tokens(code, "go", go);
        let class = |t: &str| toks.iter().find(|(_, s)| *s == t).and_then(|(c, _)| *c);
        assert_eq!(class("package"), Some("kn"));
        assert_eq!(class("// hi"), Some("c1"));
        assert_eq!(class("func"), Some("kd"));
        assert_eq!(class("\"s\""), Some("s"));
        assert_eq!(toks.iter().map(|(_, s)| *s).collect::<String>(), code);
    }
}
