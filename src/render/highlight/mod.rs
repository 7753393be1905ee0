//! Code highlighted as Hugo 0.168 highlights it: the `highlight` shortcode and fenced code
//! blocks, with Hugo's settings (`markup.highlight`, `markup/highlight/config.go`), its
//! per-block options (`linenos`, `hl_lines`, `linenostart`, `anchorlinenos`,
//! `lineanchors`, `hl_inline`, `style`, `noClasses`, `tabWidth`) and the HTML that Chroma's
//! formatter writes (`formatters/html/html.go`): the wrapper `<div class="highlight">`
//! (the site's `wrapperClass`),
//! `<pre tabindex="0">`, one `<span>` a line, line numbers inline or in a table,
//! highlighted lines and linkable line numbers, with inline styles (Hugo's default) or
//! Chroma's classes.
//!
//! The colours are those of the site's Chroma style (`styles.rs`); the tokens are
//! syntect's, given Chroma's classes (`lexers.rs`), so a token may be coloured otherwise
//! than Hugo colours it ([`colour_difference`] says so, for `folio check`). With `guessSyntax`, a block of no known language is written as
//! Chroma's fallback lexer writes it (plain), where Hugo may guess a language (`folio
//! check` says so). The old `pygments*` keys are read as Hugo reads them
//! ([`Settings::with_legacy`]). Not read from the site config: `hl_Lines` and
//! `hl_inline` (each block may still set both). Numbers wrap as Go's ints do (a `linenostart` near the
//! largest number goes on from the smallest), and an option list is read without
//! recursion, so no input can crash the writer.

mod go_template;
mod lexers;
mod scopes;
pub mod styles;

use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use rustc_hash::FxHashMap;
use serde_json::Value as Json;

use crate::text::html_escape;

/// The site's highlighting settings (`[markup.highlight]`; Hugo's `DefaultConfig`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Settings {
    /// The Chroma style's name, as [`styles::canonical`] spells it (`style`, default
    /// `monokai`). The table of styles is read only when a site names one, or a block is
    /// highlighted.
    pub style: &'static str,
    /// Fenced code blocks are highlighted (`codeFences`, default true).
    pub code_fences: bool,
    /// Colours are written inline, not as Chroma's classes (`noClasses`, default true).
    pub no_classes: bool,
    /// Lines are numbered (`lineNos`, default false).
    pub line_nos: bool,
    /// Numbers go in a table column of their own (`lineNumbersInTable`, default true).
    pub line_numbers_in_table: bool,
    /// Line numbers are links to their lines (`anchorLineNos`, default false).
    pub anchor_line_nos: bool,
    /// The first line's number (`lineNoStart`, default 1).
    pub line_no_start: i64,
    /// Columns a tab takes (`tabWidth`, default 4; 0 and 8 write no `tab-size`).
    pub tab_width: i64,
    /// Code of no language, or of one Chroma lacks, is highlighted all the same
    /// (`guessSyntax`, default false): as Chroma's fallback lexer when its analysers
    /// recognise nothing (Folio has none of them, so always so).
    pub guess_syntax: bool,
    /// The prefix of line ids (`lineAnchors`, default none: a fenced block's are
    /// `hl-N`, a `highlight` call's the numbers alone); Hugo adds `-`.
    pub line_anchors: &'static str,
    /// The class of the `<div>` around a highlighted block (`wrapperClass`, default
    /// `highlight`; Hugo's `writeDivStart`).
    pub wrapper_class: &'static str,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            style: "monokai",
            code_fences: true,
            no_classes: true,
            line_nos: false,
            line_numbers_in_table: true,
            anchor_line_nos: false,
            line_no_start: 1,
            tab_width: 4,
            guess_syntax: false,
            line_anchors: "",
            wrapper_class: "highlight",
        }
    }
}

/// `text` for as long as the program runs, each text once: the few `lineAnchors` prefixes
/// and `wrapperClass`es the configs of the sites opened set, which [`Settings`] (a `Copy` value) holds.
pub(crate) fn interned(text: &str) -> &'static str {
    static TEXTS: Mutex<std::collections::BTreeSet<&'static str>> =
        Mutex::new(std::collections::BTreeSet::new());
    let mut texts = TEXTS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(t) = texts.get(text) {
        return t;
    }
    let t: &'static str = Box::leak(text.to_string().into_boxed_str());
    texts.insert(t);
    t
}

impl Settings {
    /// The settings a site's `markup.highlight` table gives (keys in any case, as Hugo
    /// reads config keys); a value of the wrong type leaves the default.
    pub fn from_config(table: Option<&Json>) -> Self {
        let mut options = Options::new(Self::default());
        if let Some(Json::Object(map)) = table {
            for (key, value) in map {
                // A value Hugo cannot decode fails its build; the preview keeps the default.
                if let Some(value) = Value::from_json(value) {
                    let _ = options.set(&key.to_lowercase(), value);
                }
            }
        }
        // An option of a block, and a setting of the site too (hunt AO, 11).
        options.settings.line_anchors = interned(&options.line_anchors);
        options.settings.wrapper_class = interned(&options.wrapper_class);
        options.settings
    }

    /// The settings with the site's keys from before `markup.highlight`, when Hugo used
    /// Pygments: `pygmentsStyle`, `pygmentsUseClasses`, `pygmentsCodeFences` and
    /// `pygmentsCodefencesGuessSyntax` each set its setting where that still has Hugo's
    /// default, and `pygmentsOptions` (`"linenos=table,style=dracula"`) sets its options
    /// over all (`markup/highlight/config.go`, `ApplyLegacyConfig`). `config` looks a
    /// top-level key up in the site config (in any case, as Hugo reads keys). A value of
    /// the wrong type, which fails Hugo's build, changes nothing.
    pub fn with_legacy(self, config: impl Fn(&str) -> Option<Json>) -> Self {
        let default = Self::default();
        let value = |key: &str| config(key).as_ref().and_then(Value::from_json);
        let flag = |key: &str| value(key).and_then(|v| v.boolean().ok());
        let mut s = self;
        if s.style == default.style {
            if let Some(style) = value("pygmentsStyle").map(|v| v.string()) {
                if !style.is_empty() {
                    s.style = styles::canonical(&style);
                }
            }
        }
        if s.no_classes == default.no_classes {
            s.no_classes = flag("pygmentsUseClasses").map_or(s.no_classes, |classes| !classes);
        }
        if s.code_fences == default.code_fences {
            s.code_fences = flag("pygmentsCodeFences").unwrap_or(s.code_fences);
        }
        if s.guess_syntax == default.guess_syntax {
            s.guess_syntax = flag("pygmentsCodefencesGuessSyntax").unwrap_or(s.guess_syntax);
        }
        match value("pygmentsOptions") {
            Some(v) => Options::parse(s, &v.string()).map_or(s, |o| o.settings),
            None => s,
        }
    }
}

/// An option's value, as Hugo's weak decoding sees it.
#[derive(Clone, Debug)]
enum Value {
    Str(String),
    Bool(bool),
    Num(f64),
    /// `hl_lines=[2, "4-5"]` in a code block's attributes: 1-based lines.
    Lines(Vec<[i64; 2]>),
}

impl Value {
    /// A config or `dict` value; `None` for what no option takes (lists, maps, null).
    fn from_json(value: &Json) -> Option<Self> {
        Some(match value {
            Json::String(s) => Value::Str(s.clone()),
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Num(n.as_f64().unwrap_or_default()),
            _ => return None,
        })
    }

    /// mapstructure's weak decoding to a bool.
    fn boolean(&self) -> Result<bool, String> {
        match self {
            Value::Bool(b) => Ok(*b),
            Value::Num(n) => Ok(*n != 0.0),
            Value::Str(s) => match s.as_str() {
                "" | "0" | "f" | "F" | "false" | "FALSE" | "False" => Ok(false),
                "1" | "t" | "T" | "true" | "TRUE" | "True" => Ok(true),
                _ => Err(format!("cannot parse {s:?} as bool")),
            },
            Value::Lines(_) => Err("a list is not a bool".into()),
        }
    }

    /// mapstructure's weak decoding to an int.
    #[allow(
        clippy::cast_possible_truncation,
        reason = "Go's int(float64) truncates the same way"
    )]
    fn int(&self) -> Result<i64, String> {
        match self {
            Value::Num(n) => Ok(*n as i64),
            Value::Bool(b) => Ok(i64::from(*b)),
            Value::Str(s) if s.is_empty() => Ok(0),
            Value::Str(s) => crate::templates::engine::values::go_int(s)
                .ok_or_else(|| format!("cannot parse {s:?} as int")),
            Value::Lines(_) => Err("a list is not a number".into()),
        }
    }

    /// The value as Hugo hands it to a render hook (`attributes.New`): a bool, a number
    /// (a float64), a string, or lines as 0-based `[from, to]` ranges.
    fn json(&self) -> serde_json::Value {
        match self {
            Value::Str(s) => serde_json::Value::String(s.clone()),
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Num(n) => serde_json::Number::from_f64(*n)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Value::Lines(ranges) => ranges
                .iter()
                .map(|[from, to]| serde_json::json!([from.saturating_sub(1), to.saturating_sub(1)]))
                .collect(),
        }
    }

    /// An attribute's text in the HTML (Go's `cast.ToString`: `true`, `3`, `1.5`).
    fn attribute(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            other => other.string(),
        }
    }

    /// mapstructure's weak decoding to a string.
    fn string(&self) -> String {
        match self {
            Value::Str(s) => s.clone(),
            Value::Bool(b) => if *b { "1" } else { "0" }.into(),
            Value::Num(n) => n.to_string(),
            Value::Lines(_) => String::new(),
        }
    }
}

/// How one block is highlighted: the site's settings with the block's own options.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    settings: Settings,
    /// `hl_lines` as written (`"2 4-5"`), counted from `linenostart`.
    hl_lines: Option<String>,
    /// `hl_lines` from a code block's attributes, as line numbers.
    hl_ranges: Option<Vec<[i64; 2]>>,
    /// `lineanchors`: the prefix of line ids (Hugo adds `-`).
    line_anchors: String,
    /// `hl_inline`: a `<code>` without the block around it.
    hl_inline: bool,
    /// `wrapperClass`: the class of the `<div>` around the block (a block's or call's
    /// own kept here, not interned, as it may change with every keystroke).
    wrapper_class: String,
}

impl Options {
    /// Whether Hugo guesses the language of code of language `lang` highlighted with these
    /// options (`guessSyntax`, and Chroma has no lexer for `lang`; [`guess_note`]).
    pub fn guesses(&self, lang: &str) -> bool {
        self.settings.guess_syntax && !highlights(lang)
    }

    /// The line ids of a code block, the `ordinal`th of its page, when neither its options
    /// nor the site name them: `hl-N` (`applyOptionsFromCodeBlockContext`, Hugo's
    /// `markup/highlight/config.go`), so two blocks' lines do not share them.
    pub fn name_lines_of_block(&mut self, ordinal: i64) {
        if self.line_anchors.is_empty() {
            self.line_anchors = format!("hl-{ordinal}");
        }
    }

    /// The site's settings, no option of the block's own.
    pub fn new(settings: Settings) -> Self {
        Options {
            settings,
            hl_lines: None,
            hl_ranges: None,
            line_anchors: settings.line_anchors.to_string(),
            hl_inline: false,
            wrapper_class: settings.wrapper_class.to_string(),
        }
    }

    /// The site's settings with the options of a `highlight` shortcode or function
    /// (`"linenos=table,hl_lines=2 4-5"`: Hugo's `parseHighlightOptions`).
    ///
    /// # Errors
    /// Why Hugo stops the build: an option without one `=` (Hugo's words: "invalid
    /// Highlight option: linenos"), or a value it cannot decode (Folio's words).
    pub fn parse(settings: Settings, written: &str) -> Result<Self, String> {
        let mut options = Options::new(settings);
        let written = written.trim_matches(' ');
        if written.is_empty() {
            return Ok(options);
        }
        let mut pairs = Vec::new();
        for option in written.split(',') {
            let parts: Vec<&str> = option.split('=').collect();
            let key = parts.first().copied().unwrap_or_default().trim_matches(' ');
            let [_, value] = parts.as_slice() else {
                return Err(format!("invalid Highlight option: {key}"));
            };
            pairs.push((key.to_lowercase(), Value::Str((*value).to_string())));
        }
        options.set_all(pairs)?;
        Ok(options)
    }

    /// The site's settings with options given as a map (`transform.Highlight`'s `dict`, a
    /// code block hook's `.Options`; keys in any case).
    ///
    /// # Errors
    /// A value Hugo cannot decode, with its message.
    pub fn from_map(
        settings: Settings,
        map: &serde_json::Map<String, Json>,
    ) -> Result<Self, String> {
        let mut options = Options::new(settings);
        let mut pairs = Vec::new();
        for (key, value) in map {
            let key = key.to_lowercase();
            match (key.as_str(), value) {
                // A code block's `hl_lines=[2, "4-5"]`, as its hook's `.Options` hands it
                // on: 0-based ranges (Hugo's `[][2]int`, which `normalizeHighlightOptions`
                // counts from `linenostart`).
                ("hl_lines", Json::Array(items)) => {
                    let ranges = items.iter().map(|r| match r.as_array().map(Vec::as_slice) {
                        Some([from, to]) => Some([from.as_i64()?, to.as_i64()?]),
                        _ => None,
                    });
                    let ranges: Option<Vec<[i64; 2]>> = ranges
                        .map(|r| r.map(|[a, b]| [a.wrapping_add(1), b.wrapping_add(1)]))
                        .collect();
                    // Any other list (`slice 2 3`) fails Hugo's decoding.
                    let ranges = ranges.ok_or_else(|| {
                        "1 error(s) decoding: 'hl_lines' expected a string, got a list".to_string()
                    })?;
                    pairs.push((key, Value::Lines(ranges)));
                }
                _ => {
                    if let Some(value) = Value::from_json(value) {
                        pairs.push((key, value));
                    }
                }
            }
        }
        options.set_all(pairs)?;
        Ok(options)
    }

    /// Sets options given as a map (Hugo's `normalizeHighlightOptions`, then its weak
    /// decoding): `linenos=table|inline` also sets where numbers go, and `hl_lines` from
    /// attributes counts from this map's `linenostart` (1 when absent).
    fn set_all(&mut self, pairs: Vec<(String, Value)>) -> Result<(), String> {
        let base = pairs
            .iter()
            .find(|(k, _)| k == "linenostart")
            .map_or(Ok(1), |(_, v)| v.int())?;
        for (key, value) in pairs {
            let value = match value {
                Value::Lines(lines) => Value::Lines(
                    lines
                        .into_iter()
                        .map(|[a, b]| {
                            [
                                a.wrapping_sub(1).wrapping_add(base),
                                b.wrapping_sub(1).wrapping_add(base),
                            ]
                        })
                        .collect(),
                ),
                v => v,
            };
            self.set(&key, value)?;
        }
        Ok(())
    }

    /// Sets one option (lower-case key); keys Hugo does not know are ignored, as its
    /// decoding ignores them.
    fn set(&mut self, key: &str, value: Value) -> Result<(), String> {
        let s = &mut self.settings;
        match key {
            "style" => s.style = styles::canonical(&value.string()),
            "codefences" => s.code_fences = value.boolean()?,
            "noclasses" => s.no_classes = value.boolean()?,
            "linenos" => match value {
                Value::Str(v) if v == "table" || v == "inline" => {
                    s.line_nos = true;
                    s.line_numbers_in_table = v == "table";
                }
                Value::Str(v) => s.line_nos = v != "false",
                Value::Bool(b) => s.line_nos = b,
                other => {
                    return Err(format!(
                        "lineNos must be one of true, false, \"inline\", or \"table\"; got {}",
                        other.string()
                    ))
                }
            },
            "linenumbersintable" => s.line_numbers_in_table = value.boolean()?,
            "anchorlinenos" => s.anchor_line_nos = value.boolean()?,
            "linenostart" => s.line_no_start = value.int()?,
            "tabwidth" => s.tab_width = value.int()?,
            "guesssyntax" => s.guess_syntax = value.boolean()?,
            "lineanchors" => self.line_anchors = value.string(),
            "wrapperclass" => self.wrapper_class = value.string(),
            "hl_inline" => self.hl_inline = value.boolean()?,
            "hl_lines" => match value {
                Value::Lines(ranges) => self.hl_ranges = Some(ranges),
                other => self.hl_lines = Some(other.string()),
            },
            _ => {}
        }
        Ok(())
    }

    /// The highlighted lines as inclusive ranges of line numbers, sorted (Hugo's
    /// `hlLinesToRanges`: a list that does not parse highlights nothing).
    fn ranges(&self) -> Vec<[i64; 2]> {
        let mut ranges = match (&self.hl_ranges, &self.hl_lines) {
            (Some(r), _) => r.clone(),
            (None, Some(written)) => {
                let start = self.settings.line_no_start;
                let parse = |field: &str| -> Option<[i64; 2]> {
                    let mut ends = field.split('-');
                    let first: i64 = ends.next()?.parse().ok()?;
                    let last: i64 = match ends.next() {
                        Some(n) => n.parse().ok()?,
                        None => first,
                    };
                    // Go's ints wrap; so do these.
                    let at = |n: i64| n.wrapping_add(start).wrapping_sub(1);
                    Some([at(first), at(last)])
                };
                written
                    .split(' ')
                    .map(str::trim)
                    .filter(|f| !f.is_empty())
                    .map(parse)
                    .collect::<Option<Vec<_>>>()
                    .unwrap_or_default()
            }
            (None, None) => Vec::new(),
        };
        ranges.sort_by_key(|r| r[0]);
        ranges
    }
}

/// A fenced code block's info string read as Hugo reads it: the language (the first word,
/// up to a `{`), the options among its `{…}` attributes, and the other attributes, which
/// go on the wrapper `<div>` (`markup/goldmark/codeblocks/render.go`,
/// `markup/internal/attributes`). `ordinal` is the block's place among the page's fenced
/// blocks, which names its line anchors (`hl-0-1`) when `lineanchors` is not given.
pub struct CodeBlock {
    /// The language.
    pub lang: String,
    /// The options, or why Hugo cannot read them (it stops the build).
    pub options: Result<Options, String>,
    /// The other attributes, in order (`class` joined).
    pub attributes: Vec<(String, String)>,
    /// The same as a render hook's `.Attributes` hold them: a bool, a number (a float64)
    /// or a string (Hugo 0.168: `{open=true n=5}` gives `bool` and `float64`).
    pub hook_attributes: Vec<(String, serde_json::Value)>,
    /// The highlighting options as written (`hl_lines=2` as 2; a list of lines as 0-based
    /// `[from, to]` ranges), by name as written: a render hook's `.Options` (Hugo's
    /// `attributes.New` for a Chroma-owned code block).
    pub written_options: Vec<(String, serde_json::Value)>,
    /// The site's settings, for a block whose options cannot be read.
    settings: Settings,
}

impl CodeBlock {
    /// Whether Hugo highlights the block: Chroma has a lexer for its language, or the
    /// settings guess one ([`Settings::guess_syntax`]).
    pub fn highlighted(&self) -> bool {
        let settings = match &self.options {
            Ok(options) => &options.settings,
            Err(_) => &self.settings,
        };
        lexer_for(&self.lang, settings).is_some()
    }

    /// Reads an info string.
    pub fn parse(info: &str, settings: Settings, ordinal: usize) -> Self {
        let first = info.split_whitespace().next().unwrap_or_default();
        let lang = first.split('{').next().unwrap_or_default().to_string();
        let mut pairs = Vec::new();
        let mut attributes: Vec<(String, String)> = Vec::new();
        let mut hook_attributes: Vec<(String, serde_json::Value)> = Vec::new();
        let mut written_options = Vec::new();
        let Some(parsed) = info_attributes(info) else {
            return CodeBlock {
                written_options,
                lang,
                options: Err(
                    "failed to parse Markdown attributes; you may need to quote \
                              the values"
                        .into(),
                ),
                attributes,
                hook_attributes,
                settings,
            };
        };
        for (name, value) in parsed {
            let lower = name.to_lowercase();
            if lower.starts_with("on") {
                continue;
            }
            if CHROMA_OPTIONS.contains(&lower.as_str()) {
                written_options.push((name.clone(), value.json()));
                pairs.push((lower, value));
            } else {
                hook_attributes.push((lower.clone(), value.json()));
                attributes.push((lower, value.attribute()));
            }
        }
        let mut options = Options::new(settings);
        let options = options.set_all(pairs).map(|()| {
            options.name_lines_of_block(i64::try_from(ordinal).unwrap_or(i64::MAX));
            options
        });
        CodeBlock {
            lang,
            options,
            attributes,
            hook_attributes,
            written_options,
            settings,
        }
    }

    /// The block's HTML as Hugo writes it: the code without its trailing line ends, plus
    /// one when any is left (`text.Puts(Chomp(inner))`), highlighted. Options Hugo cannot
    /// decode stop its build (`folio check` says so); here the block is highlighted with
    /// the site's settings.
    pub fn render(&self, code: &str) -> String {
        let code = code.trim_end_matches(['\r', '\n']);
        let code = if code.is_empty() {
            String::new()
        } else {
            format!("{code}\n")
        };
        match &self.options {
            Ok(options) => highlight(&code, &self.lang, options, &self.attributes),
            Err(_) => {
                let options = Options::new(self.settings);
                highlight(&code, &self.lang, &options, &self.attributes)
            }
        }
    }
}

/// The attributes of a fenced block's info string as Hugo's `getAttributes` reads them:
/// from the last `{` before the first `}` to that `}`, as Goldmark parses them, each name
/// once (a name given again keeps its place and takes the last value, as Goldmark's
/// `SetAttribute` does); none without braces, and `None` when they do not parse (Hugo
/// stops the build).
fn info_attributes(info: &str) -> Option<Vec<(String, Value)>> {
    let Some(end) = info.find('}') else {
        return Some(Vec::new());
    };
    let Some(start) = info.get(..end).and_then(|head| head.rfind('{')) else {
        return Some(Vec::new());
    };
    let parsed = goldmark_attributes(info.get(start..=end)?)?;
    let mut out: Vec<(String, Value)> = Vec::new();
    for (name, value) in parsed {
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some((_, old)) => *old = value,
            None => out.push((name, value)),
        }
    }
    Some(out)
}

/// Whether Hugo highlights code of this language: Chroma has a lexer for it.
pub fn highlights(lang: &str) -> bool {
    lexers::chroma_lexer(lang).is_some()
}

/// What `folio check` says of code of language `lang` (empty: none) that Hugo, with
/// `guessSyntax` on, highlights in a language Chroma's analysers guess from the code
/// (`markup/highlight/highlight.go`, `lexers.Analyse`), where Folio, which has no
/// analysers, shows it plain: of a fenced block (`fence`) or of code given to
/// `highlight`, with the fix.
pub fn guess_note(lang: &str, fence: bool) -> String {
    let (what, fix) = match (lang.is_empty(), fence) {
        (true, true) => (
            "code block's",
            "name the language after the fence (```bash)".to_string(),
        ),
        (true, false) => ("code's", "give `highlight` its language (bash)".to_string()),
        (false, true) => (
            "code block's",
            format!("Hugo has no `{lang}`: name a language it knows"),
        ),
        (false, false) => (
            "code's",
            format!("Hugo has no `{lang}`: name a language it knows"),
        ),
    };
    format!(
        "Hugo guesses this {what} language (guessSyntax) and may colour it; Folio cannot \
         guess and shows it plain: {fix}"
    )
}

/// Why code of language `lang` may be coloured otherwise in Folio than in Hugo, which
/// colours it with Chroma's lexer (`markup/highlight/highlight.go`): Folio's tokens are
/// those of syntect's grammar for it ([`lexers`]), or there are none when Folio has no
/// grammar for it. Given as the lexer's name (to say it once a lexer) and the words.
/// `None` where the two write the same: Chroma has no lexer for `lang` (Hugo writes the
/// code uncoloured), its lexer is plain text, or it is a diff or a Go text template
/// (split as Chroma splits them).
pub fn colour_difference(lang: &str) -> Option<(&'static str, String)> {
    let lexer = lexers::chroma_lexer(lang)?;
    if matches!(
        lexer.name,
        "plaintext" | "Diff" | "Go Text Template" | "Go Template"
    ) {
        return None;
    }
    let chroma = lexer.name;
    let words = match lexers::grammar_name(lang, lexer) {
        Some(grammar) => format!(
            "Hugo colours `{lang}` code with Chroma's {chroma} lexer, Folio with syntect's \
             {grammar} grammar: some words may take other colours than on the site (the \
             text, lines and layout are Hugo's). Said once for the page's {chroma} code; \
             nothing to fix in the page"
        ),
        None => format!(
            "Hugo colours `{lang}` code with Chroma's {chroma} lexer; Folio has no grammar \
             for it and shows it uncoloured (the text, lines and layout are Hugo's). Said \
             once for the page's {chroma} code; nothing to fix in the page"
        ),
    };
    Some((chroma, words))
}

/// The lexer for `lang` and the language the HTML names: Chroma's own, or with
/// `guessSyntax` its fallback lexer (plain text, named `fallback`) for a language it lacks
/// or none (`markup/highlight/highlight.go`: `lexers.Analyse`, then `lexers.Fallback`).
fn lexer_for<'a>(
    lang: &'a str,
    settings: &Settings,
) -> Option<(&'static lexers::ChromaLexer, &'a str)> {
    match lexers::chroma_lexer(lang) {
        Some(lexer) => Some((lexer, lang)),
        None if settings.guess_syntax => lexers::chroma_lexer("plaintext").map(|l| (l, "fallback")),
        None => None,
    }
}

/// The attributes Hugo reads as highlighting options, not HTML attributes.
const CHROMA_OPTIONS: &[&str] = &[
    "anchorlinenos",
    "guesssyntax",
    "hl_lines",
    "hl_inline",
    "lineanchors",
    "linenos",
    "linenostart",
    "linenumbersintable",
    "noclasses",
    "style",
    "tabwidth",
];

/// Goldmark's attribute list `{.class #id key=value key="v" key=[1,"2-3"]}`
/// (`parser/attribute.go`), `None` when it does not parse (Goldmark then ignores it).
fn goldmark_attributes(text: &str) -> Option<Vec<(String, Value)>> {
    let mut rest = text.strip_prefix('{')?;
    let mut out: Vec<(String, Value)> = Vec::new();
    let is_name = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '.' | '-');
    loop {
        rest = rest.trim_start_matches([' ', '\t']);
        if rest.starts_with('}') {
            return Some(out);
        }
        if let Some(sigil @ ('.' | '#')) = rest.chars().next() {
            let body = rest.get(1..)?;
            let end = body
                .find(|c: char| {
                    c.is_whitespace() || (c.is_ascii_punctuation() && !"_-:.".contains(c))
                })
                .unwrap_or(body.len());
            let name = if sigil == '.' { "class" } else { "id" };
            push_attribute(
                &mut out,
                name.into(),
                Value::Str(body.get(..end)?.to_string()),
            );
            rest = body.get(end..)?;
        } else {
            if !rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == ':') {
                return None;
            }
            let end = rest.find(|c: char| !is_name(c)).unwrap_or(rest.len());
            let name = rest.get(..end)?.to_string();
            rest = rest.get(end..)?.trim_start_matches([' ', '\t']);
            rest = rest.strip_prefix('=')?.trim_start_matches([' ', '\t']);
            let (value, after) = attribute_value(rest)?;
            // Goldmark takes only text as a class; anything else fails the whole list.
            if name == "class" && !matches!(value, Value::Str(_)) {
                return None;
            }
            push_attribute(&mut out, name, value);
            rest = after;
        }
        rest = rest.trim_start_matches([' ', '\t']);
        if let Some(after) = rest.strip_prefix(',') {
            rest = after;
        }
    }
}

/// Adds a parsed attribute: a second `class` (exactly so named) joins the first with a
/// space, as Goldmark's `ParseAttributes` does.
fn push_attribute(out: &mut Vec<(String, Value)>, name: String, value: Value) {
    if name == "class" {
        if let (Some((_, Value::Str(classes))), Value::Str(more)) =
            (out.iter_mut().find(|(n, _)| n == "class"), &value)
        {
            classes.push(' ');
            classes.push_str(more);
            return;
        }
    }
    out.push((name, value));
}

/// One attribute value and the text after it: a quoted string, a number, `true`/`false`,
/// a list (only `hl_lines` lists mean something to Hugo: numbers and `"a-b"` ranges), or a
/// bare word.
fn attribute_value(text: &str) -> Option<(Value, &str)> {
    match text.chars().next()? {
        '"' => quoted(text),
        '[' => line_list(text),
        c if c == '-' || c == '+' || c.is_ascii_digit() => number(text),
        _ => {
            let end = text
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '.' | '-')))
                .unwrap_or(text.len());
            let word = text.get(..end)?;
            let value = match word {
                "" => return None,
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                w => Value::Str(w.to_string()),
            };
            Some((value, text.get(end..)?))
        }
    }
}

/// A quoted attribute value (JSON-like escapes) and the text after it.
fn quoted(text: &str) -> Option<(Value, &str)> {
    let mut value = String::new();
    let mut chars = text.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((Value::Str(value), text.get(i + 1..)?)),
            '\\' => match chars.next()? {
                (_, 'n') => value.push('\n'),
                (_, 't') => value.push('\t'),
                (_, c @ ('"' | '/' | '\\')) => value.push(c),
                (_, c) => {
                    value.push('\\');
                    value.push(c);
                }
            },
            c => value.push(c),
        }
    }
    None
}

/// A list of lines (`[2, "4-5"]`: numbers and ranges) and the text after it. Only numbers
/// and strings are read inside (what Hugo makes lines of), so a list holds no list and
/// reading it needs no recursion.
fn line_list(text: &str) -> Option<(Value, &str)> {
    let mut rest = text.get(1..)?;
    let mut lines = Vec::new();
    loop {
        rest = rest.trim_start_matches([' ', '\t', ',']);
        if let Some(after) = rest.strip_prefix(']') {
            return Some((Value::Lines(lines), after));
        }
        let (item, after) = match rest.chars().next()? {
            '"' => quoted(rest)?,
            c if c == '-' || c == '+' || c.is_ascii_digit() => number(rest)?,
            _ => return None,
        };
        let range = match item {
            Value::Num(n) => {
                #[allow(clippy::cast_possible_truncation, reason = "Go's int(float64)")]
                let n = n as i64;
                Some([n, n])
            }
            Value::Str(s) => {
                let mut ends = s.split('-');
                let a: Option<i64> = ends.next().and_then(|n| n.parse().ok());
                let b = match ends.next() {
                    Some(n) => n.parse().ok(),
                    None => a,
                };
                a.zip(b).map(|(a, b)| [a, b])
            }
            _ => None,
        };
        lines.extend(range);
        rest = after;
    }
}

/// A number attribute value and the text after it.
fn number(text: &str) -> Option<(Value, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))
        .unwrap_or(text.len());
    let n: f64 = text.get(..end)?.parse().ok()?;
    Some((Value::Num(n), text.get(end..)?))
}

/// `code` highlighted as Hugo's `highlight` (`markup/highlight/highlight.go`): Chroma's
/// HTML in `<div class="highlight">` (with `attributes` on it) when Chroma knows `lang`;
/// else the code escaped in `<pre tabindex="0"><code>` (or an inline `<code>`).
pub fn highlight(
    code: &str,
    lang: &str,
    options: &Options,
    attributes: &[(String, String)],
) -> String {
    // Tokenising takes about 50 µs a line; between two previews a block rarely changes.
    let key = Block {
        code: code.to_string(),
        lang: lang.to_string(),
        options: options.clone(),
        attributes: attributes.to_vec(),
    };
    let memory = MEMORY.get_or_init(Mutex::default);
    let lock = || memory.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(html) = lock().blocks.get(&key).cloned() {
        return html.to_string();
    }
    let html = highlight_uncached(code, lang, options, attributes);
    let mut memory = lock();
    let size = key.code.len() + html.len();
    if memory.blocks.len() >= MEMORY_BLOCKS || memory.bytes + size > MEMORY_BYTES {
        memory.blocks.clear();
        memory.bytes = 0;
    }
    memory.bytes += size;
    memory.blocks.insert(key, Arc::from(html.as_str()));
    html
}

/// What a highlighted block is made from: the key of [`MEMORY`].
#[derive(PartialEq, Eq, Hash)]
struct Block {
    code: String,
    lang: String,
    options: Options,
    attributes: Vec<(String, String)>,
}

/// Recently highlighted blocks and the bytes they hold (code and HTML).
#[derive(Default)]
struct Memory {
    blocks: FxHashMap<Block, Arc<str>>,
    bytes: usize,
}

/// The highlighter's memory of recent blocks, forgotten as a whole when it holds
/// [`MEMORY_BLOCKS`] blocks or [`MEMORY_BYTES`] bytes.
static MEMORY: OnceLock<Mutex<Memory>> = OnceLock::new();
/// The most blocks [`MEMORY`] holds (a page with more highlights each on every render).
const MEMORY_BLOCKS: usize = 1024;
/// The most bytes [`MEMORY`] holds.
const MEMORY_BYTES: usize = 16 << 20;

/// [`highlight`] without its memory of recent blocks.
fn highlight_uncached(
    code: &str,
    lang: &str,
    options: &Options,
    attributes: &[(String, String)],
) -> String {
    let Some((lexer, lang)) = lexer_for(lang, &options.settings) else {
        let code = html_escape(code);
        return if options.hl_inline {
            format!("<code{}>{code}</code>", inline_code_attrs(lang))
        } else {
            format!("{}{code}</code></pre>", pre_start(lang, ""))
        };
    };
    let tokens = lexers::tokens(code, lang, lexer);
    let mut out = String::with_capacity(code.len() * 4);
    if options.hl_inline {
        out.push_str(&format!("<code{}>", inline_code_attrs(lang)));
        let f = Formatter::new(options, lexer);
        for line in split_lines(&tokens) {
            f.tokens(&mut out, &line);
        }
        out.push_str("</code>");
        return out;
    }
    out.push_str("<div class=\"");
    out.push_str(&html_escape(&options.wrapper_class));
    if let Some((_, class)) = attributes.iter().find(|(n, _)| n == "class") {
        out.push(' ');
        out.push_str(&html_escape(class));
    }
    out.push('"');
    for (name, value) in attributes.iter().filter(|(n, _)| n != "class") {
        out.push_str(&format!(" {name}=\"{}\"", html_escape(value)));
    }
    out.push('>');
    Formatter::new(options, lexer).write(&mut out, &tokens, lang);
    out.push_str("</div>");
    out
}

/// Hugo's `<pre tabindex="0" STYLE><code class="language-L" data-lang="L">`
/// (`WritePreStart`), for highlighted blocks and the plain ones alike.
pub(crate) fn pre_start(lang: &str, style: &str) -> String {
    let mut out = format!("<pre tabindex=\"0\"{style}><code");
    if !lang.is_empty() {
        let lang = html_escape(lang);
        out.push_str(&format!(" class=\"language-{lang}\" data-lang=\"{lang}\""));
    }
    out.push('>');
    out
}

/// The attributes of `hl_inline`'s `<code>`.
fn inline_code_attrs(lang: &str) -> String {
    format!(" class=\"code-inline language-{}\"", html_escape(lang))
}

/// Tokens cut at line ends, each line keeping its `\n` (Chroma's `SplitTokensIntoLines`).
fn split_lines<'a>(tokens: &[lexers::Token<'a>]) -> Vec<Vec<lexers::Token<'a>>> {
    let mut lines = Vec::new();
    let mut line = Vec::new();
    for &(class, mut text) in tokens {
        while let Some(i) = text.find('\n') {
            let (head, tail) = text.split_at(i + 1);
            line.push((class, head));
            lines.push(std::mem::take(&mut line));
            text = tail;
        }
        if !text.is_empty() {
            line.push((class, text));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Chroma's HTML formatter with Hugo's options and `<pre>`.
struct Formatter<'o> {
    options: &'o Options,
    style: &'static styles::Style,
    ranges: Vec<[i64; 2]>,
    /// Whether the lexer gives whitespace a token type of its own
    /// ([`lexers::ChromaLexer::whitespace`]).
    whitespace: bool,
}

impl<'o> Formatter<'o> {
    fn new(options: &'o Options, lexer: &lexers::ChromaLexer) -> Self {
        Formatter {
            options,
            style: styles::get(options.settings.style),
            ranges: options.ranges(),
            whitespace: lexer.whitespace,
        }
    }

    /// ` style="…"` (or ` class="…"` with classes) for a Chroma class; `""` when the style
    /// gives it nothing. Chroma's `styleAttr`.
    fn attr(&self, class: &str, extra: &str) -> String {
        if !self.options.settings.no_classes {
            return format!(" class=\"{class}\"");
        }
        let css = if TOKEN_CLASSES.contains(&class) {
            self.style.inline_css(class)
        } else {
            self.style.css(class).to_string()
        };
        match (css.is_empty(), extra.is_empty()) {
            (true, _) => String::new(),
            (false, true) => format!(" style=\"{css}\""),
            (false, false) => format!(" style=\"{css};{extra}\""),
        }
    }

    /// The `<pre>`'s own style: the block's colours, the tab size, and `display:grid` when
    /// lines are highlighted.
    fn pre_attr(&self) -> String {
        if !self.options.settings.no_classes {
            return " class=\"chroma\"".into();
        }
        let mut css = self.style.css("bg").to_string();
        let tab = self.options.settings.tab_width;
        if tab != 0 && tab != 8 {
            css.push_str(&format!(
                "-moz-tab-size:{tab};-o-tab-size:{tab};tab-size:{tab};"
            ));
        }
        css.push_str("-webkit-text-size-adjust:none;");
        if !self.ranges.is_empty() {
            css.push_str("display:grid;");
        }
        format!(" style=\"{css}\"")
    }

    /// Line `i`'s number (`base + i`, wrapping as Go's ints do) and whether it is
    /// highlighted, for each of `count` lines: one walk over the sorted ranges (Chroma's
    /// `lineRanges.match`).
    fn numbered(&self, base: i64, count: usize) -> Vec<(i64, bool)> {
        let mut at = 0;
        (0..count)
            .map(|i| {
                let n = base.wrapping_add(i64::try_from(i).unwrap_or(i64::MAX));
                while self.ranges.get(at).is_some_and(|r| n > r[1]) {
                    at += 1;
                }
                (
                    n,
                    self.ranges.get(at).is_some_and(|r| n >= r[0] && n <= r[1]),
                )
            })
            .collect()
    }

    /// A line number, a link to its line with `anchorlinenos`, padded to the widest.
    fn number(&self, line: i64, digits: usize) -> String {
        let title = format!("{line:>digits$}");
        if !self.options.settings.anchor_line_nos {
            return title;
        }
        format!(
            "<a{} href=\"#{}\">{title}</a>",
            self.attr("lnlinks", ""),
            self.line_id(line)
        )
    }

    fn line_id(&self, line: i64) -> String {
        let prefix = &self.options.line_anchors;
        let dash = if prefix.is_empty() { "" } else { "-" };
        html_escape(&format!("{prefix}{dash}{line}"))
    }

    fn id_attr(&self, line: i64) -> String {
        if self.options.settings.anchor_line_nos {
            format!(" id=\"{}\"", self.line_id(line))
        } else {
            String::new()
        }
    }

    /// A line's tokens, escaped, each in its class's `<span>`.
    fn tokens(&self, out: &mut String, line: &[lexers::Token<'_>]) {
        for &(class, text) in line {
            let text = html_escape(text);
            // With classes, blank text is `w` where the lexer makes whitespace a token
            // of its own (without, `w` has no style and no span).
            let class = class.or_else(|| {
                let blank = text.chars().all(char::is_whitespace);
                (blank && self.whitespace && !self.options.settings.no_classes).then_some("w")
            });
            match class.map(|c| self.attr(c, "")).filter(|a| !a.is_empty()) {
                Some(attr) => out.push_str(&format!("<span{attr}>{text}</span>")),
                None => out.push_str(&text),
            }
        }
    }

    /// The table's opening and its column of line numbers.
    fn number_column(&self, out: &mut String, pre: &str, lines: &[(i64, bool)], digits: usize) {
        out.push_str(&format!("<div{pre}>\n"));
        out.push_str(&format!(
            "<table{}><tr><td{}>\n",
            self.attr("lntable", ""),
            self.attr("lntd", "")
        ));
        out.push_str(&pre_start("", pre));
        for &(n, hl) in lines {
            if hl {
                out.push_str(&format!("<span{}>", self.attr("hl", "")));
            }
            out.push_str(&format!(
                "<span{}{}>{}\n</span>",
                self.attr("lnt", ""),
                self.id_attr(n),
                self.number(n, digits)
            ));
            if hl {
                out.push_str("</span>");
            }
        }
        out.push_str("</code></pre></td>\n");
        out.push_str(&format!("<td{}>\n", self.attr("lntd", "width:100%")));
    }

    /// The whole block (Chroma's `writeHTML`).
    fn write(&self, out: &mut String, tokens: &[lexers::Token<'_>], lang: &str) {
        let s = &self.options.settings;
        let lines = split_lines(tokens);
        let base = s.line_no_start;
        let numbered = self.numbered(base, lines.len());
        let last = numbered.last().map_or(base.wrapping_sub(1), |&(n, _)| n);
        let digits = last.to_string().len();
        let table = s.line_nos && s.line_numbers_in_table;
        let pre = self.pre_attr();
        if table {
            self.number_column(out, &pre, &numbered, digits);
        }
        out.push_str(&pre_start(lang, &pre));
        for (&(n, hl), line) in numbered.iter().zip(&lines) {
            if hl {
                if s.no_classes {
                    let (l, h) = (self.style.css("line"), self.style.css("hl"));
                    out.push_str(&format!("<span style=\"{l} {h}\">"));
                } else {
                    out.push_str("<span class=\"line hl\">");
                }
            } else {
                out.push_str(&format!("<span{}>", self.attr("line", "")));
            }
            if s.line_nos && !table {
                out.push_str(&format!(
                    "<span{}{}>{}</span>",
                    self.attr("ln", ""),
                    self.id_attr(n),
                    self.number(n, digits)
                ));
            }
            out.push_str(&format!("<span{}>", self.attr("cl", "")));
            self.tokens(out, line);
            out.push_str("</span></span>");
        }
        out.push_str("</code></pre>");
        if table {
            out.push_str("</td></tr></table>\n</div>\n");
        }
    }
}

/// The Chroma classes of tokens (as opposed to the block's parts: `line`, `hl`, `ln`…),
/// whose inline styles leave out what the block already sets.
const TOKEN_CLASSES: &[&str] = &[
    "err", "k", "kc", "kd", "kn", "kp", "kr", "kt", "n", "na", "nb", "bp", "nc", "no", "nd", "ni",
    "ne", "nf", "fm", "py", "nl", "nn", "nx", "nt", "nv", "vc", "vg", "vi", "vm", "l", "ld", "s",
    "sa", "sb", "sc", "dl", "sd", "s2", "se", "sh", "si", "sx", "sr", "s1", "ss", "m", "mb", "mf",
    "mh", "mi", "il", "mo", "o", "ow", "p", "c", "ch", "cm", "c1", "cs", "cp", "cpf", "g", "gd",
    "ge", "gr", "gh", "gi", "go", "gp", "gs", "gu", "gt", "gl", "w",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_read_as_hugo_reads_them() {
        let o = Options::parse(
            Settings::default(),
            "linenos=table,hl_lines=2 4-5,linenostart=10",
        )
        .unwrap();
        assert!(o.settings.line_nos && o.settings.line_numbers_in_table);
        assert_eq!(o.ranges(), vec![[11, 11], [13, 14]]);
        assert_eq!(
            Options::parse(Settings::default(), "linenos").unwrap_err(),
            "invalid Highlight option: linenos"
        );
    }

    #[test]
    fn a_code_blocks_attributes_split_into_options_and_html_attributes() {
        let b = CodeBlock::parse(
            "go {.a .b #x linenos=inline, hl_lines=[1,\"3-4\"] data-x=\"y\"}",
            Settings::default(),
            2,
        );
        assert_eq!(b.lang, "go");
        let o = b.options.unwrap();
        assert_eq!(o.ranges(), vec![[1, 1], [3, 4]]);
        assert_eq!(o.line_anchors, "hl-2");
        assert_eq!(
            b.attributes,
            vec![
                ("class".to_string(), "a b".to_string()),
                ("id".into(), "x".into()),
                ("data-x".into(), "y".into())
            ]
        );
    }
}
