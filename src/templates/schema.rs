//! A shortcode's schema, inferred from its template's parse tree: which parameters it reads
//! (named with `.Get "x"`, `$.Get "x"`, `.Params.x`, `index .Params "x"`, `isset .Params
//! "x"`; positional with `.Get 0`…), whether it takes a body (it reads `.Inner` or
//! `.InnerDeindent`: Hugo's rule, `hugolib/shortcode.go`), and what kind of value each
//! parameter holds, from how the template uses it.
//!
//! The template is parsed with the `gotmpl` crate (Go's `text/template/parse`); values are
//! followed through pipelines, variables (`$x := .Get "x"`), `with` and `range` (which set
//! dot). The kind of a parameter, first match wins:
//!
//! | kind | the template… |
//! |---|---|
//! | `icons` | prints a word of it inside a class value after `fa-` (Font Awesome) |
//! | `markdown` | pipes it to `markdownify`, `.RenderString` or `.Page.RenderString` |
//! | `image` | prints it first in an `<img>`'s or a picture's `<source>`'s `src`, a `poster`, or hands it to `resources.Get`… |
//! | `url` | prints it first in an `href` or another `src` (a video's, an audio's), or through `relURL`, `absURL`, `urls.Parse` |
//! | `words` | splits it on `" "` |
//! | `commaList` | splits it on `","` or `", "` |
//! | `choice` | only compares it with words (`eq $style "code"`, `in (slice "a" "b") .x`), never prints it: one of those words |
//! | `flag` | only tests it (`if`, `with`, `eq`, `not`…), never prints it nor compares it with a number |
//! | `text` | anything else |
//!
//! The words a value is compared with are its `choices`, also for text the template prints
//! (the forms offer them).
//!
//! A default comes from `default "v"` or `or … "v"` applied to the value (a number or a
//! boolean literal too: `default 3`); a flag only ever compared with `false` defaults to
//! `true` (unset, it is not false).
//!
//! A template that hands the shortcode to a partial (`{{ partial "x.html" . }}`), or to a
//! `define` of another file (`{{ template "card" . }}`), reads what that template reads
//! ([`Schema::infer_in`]; the catalogue infers such templates again once every partial
//! and define is known).
//!
//! The body is followed the same way ([`InnerKind`]): Markdown when `.Inner` reaches
//! `markdownify` or `.RenderString`, code when it reaches `highlight` or
//! `transform.Highlight`, HTML when it is printed as it is.

use std::collections::HashMap;

use gotmpl::parse::{CommandNode, Expr, ListNode, Node, Number, PipeNode, WithNode};
use serde::Serialize;

/// How a parameter is named in a call: `title="…"` or by position (`{{< x a b >}}`: 0, 1).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum ParamKey {
    /// A named parameter (Hugo matches names exactly).
    Named(String),
    /// A positional parameter, 0-based.
    Positional(usize),
}

impl std::fmt::Display for ParamKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParamKey::Named(n) => f.write_str(n),
            ParamKey::Positional(i) => write!(f, "#{i}"),
        }
    }
}

/// What a parameter's value is, as the template uses it (see the module's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FieldKind {
    /// Plain text.
    Text,
    /// Markdown, rendered by the template.
    Markdown,
    /// Words separated by spaces.
    Words,
    /// Items separated by commas.
    CommaList,
    /// A link.
    Url,
    /// An image path or URL.
    Image,
    /// A value only tested, never printed: a checkbox.
    Flag,
    /// One of the words the template compares it with (`ParamSchema::choices`), never
    /// printed: a menu.
    Choice,
    /// Font Awesome icon names separated by spaces.
    Icons,
}

impl FieldKind {
    /// The kind's name as `folio shortcodes` and the JSON print it.
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Markdown => "markdown",
            FieldKind::Words => "words",
            FieldKind::CommaList => "commaList",
            FieldKind::Url => "url",
            FieldKind::Image => "image",
            FieldKind::Flag => "flag",
            FieldKind::Choice => "choice",
            FieldKind::Icons => "icons",
        }
    }
}

/// One parameter a template reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParamSchema {
    /// Its name, or its position.
    pub key: ParamKey,
    /// What it holds.
    pub kind: FieldKind,
    /// The value the template falls back to when it is missing (`default "v"`, `or … "v"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// The label the forms show, when the site's `folio.toml` gives one (else the forms
    /// make one from the name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The variable the template keeps a positional parameter in (`name` of `{{ $name
    /// := .Get 0 }}`), which the forms name its field by ("Name", not "Value 1": trial
    /// 51a, 13); the first one declared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variable: Option<String>,
    /// The site's `folio.toml` hides the field from the forms (its value is kept).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// A flag the template compares with `true`/`false` or only tests, never with a string:
    /// written bare (`f=true`, which Hugo reads as a boolean), not quoted.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub boolean: bool,
    /// Compared with a number or ordered (`eq (.Get "cols") 2`, `gt`): a value that is a
    /// number is written bare (`cols=2`), as Hugo reads it a number, not quoted text that
    /// never equals one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub number: bool,
    /// The words the template compares it with (`eq`, `ne`, `in` with a `slice` of words),
    /// its default first, then in the template's order: the values it tells apart. `""`
    /// (a test of emptiness) is left out, and `"true"` and `"false"` are listed only beside
    /// other words (alone, they are a flag's).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    /// How a flag's template tells on from off.
    #[serde(skip)]
    pub test: FlagTest,
    /// A flag the template takes as on when the call does not set it (a default that is
    /// on, or only compared with `false`): the forms show it ticked, and unticking writes
    /// `false`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unset_on: bool,
}

/// How a template tells a flag's on from off, which decides whether a value as written is
/// on ([`FlagTest::is_on`]): every test it makes must pass. Hugo types a bare `true`,
/// `false` or number and leaves a quoted value text (`parser/pageparser/item.go`,
/// `ValTyped`), and its `eq` and `in` tell types apart: `x="false"` is true to `if`, and
/// `x=true` is not `"true"` (checked against Hugo 0.168).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FlagTest {
    /// Tested as it is (`if`, `with`, `and`, `not`): on only when Go's truth of the value
    /// is true.
    pub truth: bool,
    /// Compared with these: on only when it equals one (`eq x true`, `eq x "true"`, Hugo's
    /// `details`: `in (slice "true" true 1) x`); none, no such test.
    pub on_when: FlagWords,
    /// Compared with these: off when it equals one (`eq x false`, `ne x "false"`).
    pub off_when: FlagWords,
    /// Compared as text (through `lower`, `string`, `printf`…): a bare `true` equals
    /// `"true"` there.
    pub as_text: bool,
    /// A default applied before the tests (`.Get "x" | default true`): it takes the place
    /// of an empty value (unset, `""`, `0`; not `false`, which Hugo's `default` takes as
    /// set: `tpl/compare`, `Default`).
    pub default: Option<FlagDefault>,
    /// The default is given by `or`, which takes the place of any false value (`false`
    /// too).
    pub default_by_or: bool,
    /// Tested with `isset` (`isset .Params "x"`): off when unset, whatever the value.
    pub isset: bool,
}

/// A flag's default, as the template writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagDefault {
    /// `true` or `false`.
    Bool(bool),
    /// A number (its integer part).
    Number(i64),
    /// Text: `"true"`, `"false"`, `""`, or another word.
    Text(FlagText),
}

/// A text default, as far as a flag's tests tell texts apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagText {
    /// `"true"`.
    True,
    /// `"false"`.
    False,
    /// `""`.
    Empty,
    /// Any other word.
    Other,
}

impl ParamSchema {
    /// Of a menu (`choice`), whether the template takes `value`, written bare (`bare`) or
    /// quoted, as the word of that text it compares with: text is, a bare boolean or
    /// number only where it compares with booleans or numbers.
    pub fn is_word(&self, value: &str, bare: bool) -> bool {
        use crate::page::lexer::Typed;
        let typed = if bare {
            Typed::of_bare(value)
        } else {
            Typed::Text
        };
        let as_typed = match typed {
            // `"true"` is the word only where the template compares with the text, not
            // only with the boolean.
            Typed::Text => match value {
                "true" => self.test.on_when.text || !self.test.on_when.boolean,
                "false" => self.test.off_when.text || !self.test.off_when.boolean,
                _ => true,
            },
            Typed::Bool(_) => self.boolean,
            Typed::Int(_) | Typed::Float(_) => self.number,
        };
        as_typed && self.choices.iter().any(|w| w == value)
    }
}

/// A value as a flag's template sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Seen<'v> {
    Nil,
    Bool(bool),
    Number(f64),
    Text(&'v str),
}

impl<'v> Seen<'v> {
    /// `value` as Hugo types it, written bare or quoted.
    fn written(value: &'v str, bare: bool) -> Seen<'v> {
        use crate::page::lexer::Typed;
        if !bare {
            return Seen::Text(value);
        }
        match Typed::of_bare(value) {
            Typed::Bool(b) => Seen::Bool(b),
            #[allow(clippy::cast_precision_loss, reason = "a flag's number is small")]
            Typed::Int(i) => Seen::Number(i as f64),
            Typed::Float(f) => Seen::Number(f),
            Typed::Text => Seen::Text(value),
        }
    }

    fn of_default(d: FlagDefault) -> Seen<'static> {
        match d {
            FlagDefault::Bool(b) => Seen::Bool(b),
            #[allow(clippy::cast_precision_loss, reason = "a flag's number is small")]
            FlagDefault::Number(n) => Seen::Number(n as f64),
            FlagDefault::Text(FlagText::True) => Seen::Text("true"),
            FlagDefault::Text(FlagText::False) => Seen::Text("false"),
            FlagDefault::Text(FlagText::Empty) => Seen::Text(""),
            FlagDefault::Text(FlagText::Other) => Seen::Text("other"),
        }
    }

    /// Go's truth of it.
    fn truth(self) -> bool {
        match self {
            Seen::Nil => false,
            Seen::Bool(b) => b,
            Seen::Number(n) => n != 0.0,
            Seen::Text(t) => !t.is_empty(),
        }
    }

    /// Whether Hugo's `default` replaces it: nil, `""`, `0` (a boolean is set).
    fn empty(self) -> bool {
        match self {
            Seen::Nil => true,
            Seen::Bool(_) => false,
            Seen::Number(n) => n == 0.0,
            Seen::Text(t) => t.is_empty(),
        }
    }

    /// Whether it is the text `word` once printed (a bare `true` is `"true"`).
    fn prints(self, word: &str) -> bool {
        match self {
            Seen::Bool(b) => word == if b { "true" } else { "false" },
            Seen::Text(t) => t == word,
            Seen::Number(n) => n.to_string() == word,
            Seen::Nil => false,
        }
    }
}

/// Which of a boolean, its text and its number (`true`, `"true"`, `1`; or `false`,
/// `"false"`, `0`) a flag is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FlagWords {
    /// The boolean.
    pub boolean: bool,
    /// Its text.
    pub text: bool,
    /// Its number.
    pub number: bool,
}

impl FlagWords {
    /// None.
    pub const NONE: FlagWords = FlagWords {
        boolean: false,
        text: false,
        number: false,
    };

    /// All three: Hugo's own `in (slice "true" true 1)`.
    pub const ALL: FlagWords = FlagWords {
        boolean: true,
        text: true,
        number: true,
    };

    fn any(self) -> bool {
        self.boolean || self.text || self.number
    }

    /// Whether `seen` is the word of `b` this compares with (as text, when `as_text`; a
    /// number equal to 1 or 0, `1.0` too, as Hugo's `eq` and `in` compare numbers).
    fn has(self, b: bool, seen: Seen<'_>, as_text: bool) -> bool {
        let word = if b { "true" } else { "false" };
        if as_text {
            return self.text && seen.prints(word);
        }
        (self.boolean && seen == Seen::Bool(b))
            || (self.text && seen == Seen::Text(word))
            || (self.number && seen == Seen::Number(if b { 1.0 } else { 0.0 }))
    }
}

impl FlagTest {
    /// Tested as it is, and nothing else.
    pub const TRUTH: FlagTest = FlagTest {
        truth: true,
        on_when: FlagWords::NONE,
        off_when: FlagWords::NONE,
        as_text: false,
        default: None,
        default_by_or: false,
        isset: false,
    };

    /// How a template that used a value as `u` tests it.
    fn of(u: &Uses) -> FlagTest {
        FlagTest {
            truth: u.truthy,
            on_when: u.on_when,
            off_when: u.off_when,
            as_text: u.compared_as_text,
            default: u.default_lit,
            default_by_or: u.default_by_or,
            isset: u.isset,
        }
    }

    /// Whether no test says it is on only when so: only compared with a word that turns it
    /// off (Hextra's `not (eq (.Get "border") false)`), unset is on.
    pub fn on_unless_off(self) -> bool {
        !self.truth && !self.on_when.any() && self.off_when.any()
    }

    /// What the tests see of `seen`: the default in its place where it applies.
    fn applied(self, seen: Seen<'_>) -> Seen<'_> {
        match self.default {
            Some(d) if seen.empty() || (self.default_by_or && !seen.truth()) => Seen::of_default(d),
            _ => seen,
        }
    }

    /// Whether every test passes for `seen`.
    fn passes(self, seen: Seen<'_>) -> bool {
        (!self.truth || seen.truth())
            && (!self.on_when.any() || self.on_when.has(true, seen, self.as_text))
            && !self.off_when.has(false, seen, self.as_text)
    }

    /// Whether every test fails for `seen`.
    fn fails(self, seen: Seen<'_>) -> bool {
        !self.passes(seen)
            && (!self.truth || !seen.truth())
            && (!self.on_when.any() || !self.on_when.has(true, seen, self.as_text))
            && (!self.off_when.any() || self.off_when.has(false, seen, self.as_text))
    }

    /// Whether the template takes `value` as on, written bare (`bare`) or quoted.
    pub fn is_on(self, value: &str, bare: bool) -> bool {
        self.passes(self.applied(Seen::written(value, bare)))
    }

    /// Whether the template takes the parameter as on when the call does not set it.
    pub fn is_on_unset(self) -> bool {
        // Only a test of the value (or a default) can take nothing as on: `isset` does not.
        let tests_value =
            self.truth || self.on_when.any() || self.off_when.any() || self.default.is_some();
        !self.isset && tests_value && self.passes(self.applied(Seen::Nil))
    }

    /// Whether every test the template makes of `value` (written bare when `bare`) fails:
    /// off wherever it is tested, not only where all of them are.
    pub fn is_off(self, value: &str, bare: bool) -> bool {
        self.fails(self.applied(Seen::written(value, bare)))
    }

    /// How to write `value` (`true` or `false`) so that the template takes it as `on`
    /// (every test passes) or off (every test fails, else not all pass): bare first when
    /// `bare_first`, else quoted first; `None` when no quoting does.
    pub fn quoting_for(self, value: &str, on: bool, bare_first: bool) -> Option<bool> {
        let order = [bare_first, !bare_first];
        if on {
            order.into_iter().find(|&bare| self.is_on(value, bare))
        } else {
            order
                .into_iter()
                .find(|&bare| self.is_off(value, bare))
                .or_else(|| order.into_iter().find(|&bare| !self.is_on(value, bare)))
        }
    }
}

/// What a template does with a call's body (`.Inner`, `.InnerDeindent`), which says what
/// the user writes there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum InnerKind {
    /// Rendered as Markdown: piped to `markdownify`, `.RenderString` or `.Page.RenderString`.
    Markdown,
    /// Highlighted as code: handed to `highlight` or `transform.Highlight`.
    Code,
    /// Printed as it is: Hugo's `.Inner` is `template.HTML`, written without escaping, and
    /// a `{{< >}}` call's output is not read as Markdown.
    Html,
}

/// What a shortcode's template says about its calls.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    /// The template reads `.Inner` (or `.InnerDeindent`): calls must be closed (or
    /// self-closed); without it a closing tag is an error (`hugolib/shortcode.go`).
    pub paired: bool,
    /// The parameters it reads, in the order the template first reads them.
    pub params: Vec<ParamSchema>,
    /// It reads `.Params` as a whole (`range .Params`, `.Params | jsonify`): any name may
    /// be meaningful.
    pub reads_all_params: bool,
    /// The template starts by declaring Hugo's legacy config, `{{ $_hugo_config :=
    /// `{ "version": 1 }` }}` (Relearn's and the Learn theme's shortcodes): a `{{% %}}` call
    /// of it gets its `.Inner` rendered as Markdown first, and its output goes into the page
    /// as it is, not through Markdown (`hugolib/shortcode.go`, `configVersion`;
    /// `tpl/tplimpl/templatetransform.go`, `collectConfig`: the template's first pipeline
    /// only, its value a JSON string).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub legacy_markup: bool,
    /// What the template does with the body, when one use says it (Markdown first, then
    /// code, then printed as it is); `None` when it hands the body only to what Folio does
    /// not follow (a partial, a `dict`) or reads none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inner: Option<InnerKind>,
    /// The parameters it reads of the shortcode around its call (`.Parent.Get "name"`,
    /// squidfingers' `details` in its `accordion`): parameters the outer shortcode's own
    /// template may never read, which still mean something.
    #[serde(skip)]
    pub parent_params: Vec<ParamKey>,
    /// Whether it reads parameters of the shortcodes around its call in a way Folio does
    /// not follow to a name (`.Parent.Parent.Get "org"`, `.Parent.Params`, `$p := .Parent`):
    /// any parameter of any of them may mean something (hunt AS, 2).
    #[serde(skip)]
    pub reads_ancestor_params: bool,
}

/// The `version` of the config a shortcode template declares in its first pipeline
/// (`{{ $_hugo_config := `{ "version": 1 }` }}`, a JSON object), as Hugo's weak decoding
/// reads it: the key in any case, a number truncated (`1.5` is 1), `true` as 1, text that
/// is an integer.
///
/// # Errors
/// Hugo's "failed to decode $_hugo_config in template" (its build stops), with the
/// declaration's `line:col`, when the text is no JSON object or the version no number.
fn config_version(list: &ListNode, template: &str) -> Result<Option<i64>, String> {
    let first = list.nodes.iter().find_map(|node| match node {
        Node::Action(a) => Some(&a.pipe),
        Node::If(n) | Node::Range(n) | Node::With(n) => Some(&n.pipe),
        Node::Template(n) => n.pipe.as_ref(),
        _ => None,
    });
    let Some(first) = first else { return Ok(None) };
    let ([name], [command]) = (first.decl.as_slice(), first.commands.as_slice()) else {
        return Ok(None);
    };
    let Some(Expr::String(pos, text)) = command.args.first() else {
        return Ok(None);
    };
    if name != "$_hugo_config" || first.is_assign {
        return Ok(None);
    }
    let fail = |why: String| {
        let (line, col) = crate::text::line_col(template, pos.offset);
        format!("{line}:{col}: failed to decode $_hugo_config in template: {why}")
    };
    let config: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(text).map_err(|e| fail(e.to_string()))?;
    let version = config
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("version"));
    let Some((_, version)) = version else {
        return Ok(None);
    };
    #[allow(
        clippy::cast_possible_truncation,
        reason = "Hugo's weak decoding truncates a float to the int field"
    )]
    match version {
        serde_json::Value::Number(n) => Ok(n.as_i64().or_else(|| n.as_f64().map(|f| f as i64))),
        serde_json::Value::Bool(b) => Ok(Some(i64::from(*b))),
        serde_json::Value::String(s) => s
            .parse()
            .map(Some)
            .map_err(|_| fail(format!("cannot parse 'Version' as int: \"{s}\""))),
        serde_json::Value::Null => Ok(None),
        other => Err(fail(format!("'Version' expected an int, got {other}"))),
    }
}

impl Schema {
    /// Infers the schema of a shortcode template's text.
    ///
    /// # Errors
    /// The template does not parse as a Go template: `LINE:COL: message` (gotmpl's).
    pub fn infer(template: &str) -> Result<Schema, String> {
        Schema::infer_with(template, &|_| None)
    }

    /// [`Schema::infer`], following the shortcode into the partials it hands itself to
    /// (`{{ partial "shortcodes/figure.html" . }}`, Beautiful Hugo's): `partial` gives a
    /// partial's text by the name the call gives. A partial Folio cannot read or parse
    /// leaves the template reading any parameter, as before.
    ///
    /// # Errors
    /// As [`Schema::infer`].
    pub fn infer_with(template: &str, partial: PartialText<'_>) -> Result<Schema, String> {
        let define = |_: &str| None;
        Schema::infer_in(
            template,
            Lookup {
                partial,
                define: &define,
            },
        )
    }

    /// [`Schema::infer_with`], following the shortcode into the partials it hands itself
    /// to and into the defines of other files its `template` actions run (`{{ template
    /// "card" . }}` with `card` defined in a partial): `lookup` gives their files' text.
    ///
    /// # Errors
    /// As [`Schema::infer`].
    pub fn infer_in(template: &str, lookup: Lookup<'_>) -> Result<Schema, String> {
        let (list, defines) = super::parse::parse(template).map_err(|(line, col, message)| {
            if line > 0 {
                format!("{line}:{col}: {message}")
            } else {
                format!(" {message}")
            }
        })?;
        let mut infer = Infer {
            lookup: Some(lookup),
            dot_is_context: true,
            own_defines: defines.iter().map(|d| d.name.to_string()).collect(),
            ..Infer::default()
        };
        infer.list(&list, &Flows::new());
        for define in &defines {
            infer.list(&define.body, &Flows::new());
        }
        let version = config_version(&list, template)?;
        Ok(Schema {
            legacy_markup: version == Some(1),
            ..infer.finish()
        })
    }

    /// The schema of a parameter, if the template reads it.
    pub fn param(&self, key: &ParamKey) -> Option<&ParamSchema> {
        self.params.iter().find(|p| &p.key == key)
    }
}

/// A parameter's value, or the call's body, flowing through the template: `split` marks
/// it as one of its elements.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Flow {
    key: Source,
    element: bool,
    /// Made text by a function (`lower`, `string`, `printf`): compared as text.
    text: bool,
}

/// Where a value the template follows comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Source {
    Param(ParamKey),
    /// `.Inner` or `.InnerDeindent`.
    Inner,
}

type Flows = Vec<Flow>;

/// Parameters a variable is followed through at most (see `bind`).
const MAX_FLOWS: usize = 32;
/// Parameters a schema lists at most; a template reading more is taken to read any
/// parameter (no real template comes close, and the forms stay usable).
pub const MAX_PARAMS: usize = 500;

/// How the template used one parameter.
#[derive(Debug, Default)]
struct Uses {
    markdown: bool,
    image: bool,
    url: bool,
    icons: bool,
    words: bool,
    comma: bool,
    tested: bool,
    /// Tested for truth as it is (`if`, `with`, `not`, `and`, `isset`): unset is false.
    truthy: bool,
    /// Compared with a `true`/`false` literal.
    bool_compare: bool,
    /// The words of true it is compared with (`true`, `"true"`).
    on_when: FlagWords,
    /// The words of false it is compared with (`false`, `"false"`).
    off_when: FlagWords,
    /// Compared after a function made it text (`lower`, `string`, `printf`).
    compared_as_text: bool,
    /// The literal of the first `default` or `or` applied to it.
    default_lit: Option<FlagDefault>,
    /// Tested with `isset`: unset is off.
    isset: bool,
    /// That literal is `or`'s.
    default_by_or: bool,
    /// Compared with a number, or ordered (`lt`, `gt`…): a number, not a checkbox.
    number: bool,
    /// Compared with a string literal.
    string_compare: bool,
    /// Compared with a string other than `"true"` and `"false"` (`eq $style "code"`): one
    /// of some words, not a checkbox.
    choice: bool,
    /// Those words, in the template's order.
    choices: Vec<String>,
    /// Handed to `highlight` or `transform.Highlight`.
    code: bool,
    /// Printed in the page's text or an attribute that says nothing of it (not a link's or
    /// an image's address).
    printed: bool,
    /// Printed, or handed to a function Folio does not follow.
    other: bool,
    default: Option<String>,
}

/// A partial's text by the name a `partial` call gives ([`Schema::infer_with`]).
pub type PartialText<'p> = &'p dyn Fn(&str) -> Option<String>;

/// The site's templates a shortcode's template may hand the call to
/// ([`Schema::infer_in`]), each as its file's text.
#[derive(Clone, Copy)]
pub struct Lookup<'p> {
    /// A partial's file by the name a `partial` call gives.
    pub partial: PartialText<'p>,
    /// The file whose `define` (or `block`) a `template` action naming it runs when the
    /// template's own file does not define it (`Catalogue::defined_template`).
    pub define: PartialText<'p>,
}

/// A template a shortcode's template hands the call to.
#[derive(Clone, Copy)]
enum Reached<'n> {
    /// A partial, by the name a `partial` call gives.
    Partial(&'n str),
    /// A `define` of another file, by the name a `template` action gives.
    Define(&'n str),
}

#[derive(Default)]
struct Infer<'p> {
    /// The site's templates, to follow the shortcode into them.
    lookup: Option<Lookup<'p>>,
    /// The templates being followed, innermost last.
    in_partials: Vec<String>,
    /// The templates read so far: read again with the same context, one says nothing new.
    followed: std::collections::HashSet<String>,
    /// The names the shortcode's own file defines: a `template` action naming one runs
    /// that one, read with the file.
    own_defines: std::collections::HashSet<String>,
    order: Vec<ParamKey>,
    uses: HashMap<Source, Uses>,
    vars: HashMap<String, Flows>,
    /// The variables that hold the shortcode itself (`$c := .`): `$c.Get "x"` reads `x`.
    context_vars: std::collections::HashSet<String>,
    /// Whether dot is the shortcode (not inside a `with` or a `range`).
    dot_is_context: bool,
    /// Whether dot is the shortcode around this one (in `with .Parent`).
    dot_is_parent: bool,
    /// In a partial handed a `dict` (`partial "card.html" (dict "ctx" . "link" (.Get
    /// "link"))`), while dot is that dict: what each of its keys holds.
    dot_dict: Option<Dict>,
    /// The same dict as `$` (which stays the partial's dot in a `with` or a `range`).
    dollar_dict: Option<Dict>,
    parent_params: Vec<ParamKey>,
    reads_ancestor_params: bool,
    /// The variable each positional parameter was first declared into.
    variables: HashMap<usize, String>,
    paired: bool,
    reads_all: bool,
    /// The end of the text printed so far, to tell which attribute a value is printed in.
    tail: String,
    /// Where uses of parameters past [`MAX_PARAMS`] go.
    overflow: Uses,
}

/// A `dict` handed to a partial, key by key.
type Dict = std::rc::Rc<HashMap<String, DictValue>>;

/// What a key of a `dict` handed to a partial holds: the shortcode itself, or values that
/// flow from its parameters.
#[derive(Debug, Clone)]
enum DictValue {
    Context,
    Flows(Flows),
}

/// The fields after the first, when the first names a key of `dict` that holds the
/// shortcode.
fn through<'f>(
    dict: Option<&Dict>,
    fields: &'f [gotmpl::parse::SmolStr],
) -> Option<&'f [gotmpl::parse::SmolStr]> {
    let (first, rest) = fields.split_first()?;
    match dict?.get(first.as_str())? {
        DictValue::Context => Some(rest),
        DictValue::Flows(_) => None,
    }
}

/// Functions that only compare or test what they are given: the shortcode handed to one
/// is not read by it.
const COMPARE: &[&str] = &["eq", "ne", "lt", "le", "gt", "ge", "not", "and", "or", "in"];

/// Functions whose result is their argument's value, changed but still that value.
const PASS_THROUGH: &[&str] = &[
    "default",
    "or",
    "print",
    "printf",
    "println",
    "string",
    "lower",
    "upper",
    "title",
    "trim",
    "chomp",
    "safeHTML",
    "safeHTMLAttr",
    "safeURL",
    "htmlUnescape",
    "htmlEscape",
    "replace",
    "replaceRE",
    "humanize",
    "urlize",
    "truncate",
    "emojify",
    "plainify",
    "index",
    "first",
    "last",
    "strings.TrimSpace",
    "strings.Trim",
    "strings.ToLower",
    "strings.ToUpper",
    "strings.Title",
    "strings.TrimPrefix",
    "strings.TrimSuffix",
    "urls.JoinPath",
];

impl Infer<'_> {
    fn finish(self) -> Schema {
        let params = self
            .order
            .into_iter()
            .map(|key| {
                let u = self.uses.get(&Source::Param(key.clone()));
                let kind = match u.map_or(FieldKind::Text, kind_of) {
                    // Read whole too (`range .Params`): it may be printed there.
                    FieldKind::Choice if self.reads_all => FieldKind::Text,
                    kind => kind,
                };
                let test = u.map_or(FlagTest::TRUTH, FlagTest::of);
                // A flag only ever compared with `false` is on unless set to false
                // (Hextra's `not (eq (.Get "border") false)`).
                let on_unless_false = test.on_unless_off() && !u.is_some_and(|u| u.choice);
                let default = u.and_then(|u| u.default.clone()).or_else(|| {
                    (kind == FieldKind::Flag && on_unless_false).then(|| "true".to_string())
                });
                let boolean = u.is_some_and(|u| u.bool_compare || (u.tested && !u.string_compare));
                let variable = match &key {
                    ParamKey::Positional(i) => self.variables.get(i).cloned(),
                    ParamKey::Named(_) => None,
                };
                ParamSchema {
                    key,
                    kind,
                    default,
                    label: None,
                    variable,
                    hidden: false,
                    // A menu's `true` and `false` too, where the template compares with
                    // the boolean (`eq $c true` beside `eq $c "auto"`).
                    boolean: (kind == FieldKind::Flag && boolean)
                        || (kind == FieldKind::Choice && u.is_some_and(|u| u.bool_compare)),
                    number: u.is_some_and(|u| u.number),
                    choices: u.map(choices_of).unwrap_or_default(),
                    test,
                    unset_on: kind == FieldKind::Flag && test.is_on_unset(),
                }
            })
            .collect();
        let inner = self.uses.get(&Source::Inner).and_then(|u| {
            if u.markdown {
                Some(InnerKind::Markdown)
            } else if u.code {
                Some(InnerKind::Code)
            } else {
                u.printed.then_some(InnerKind::Html)
            }
        });
        Schema {
            paired: self.paired,
            params,
            reads_all_params: self.reads_all,
            legacy_markup: false,
            inner,
            parent_params: self.parent_params,
            reads_ancestor_params: self.reads_ancestor_params,
        }
    }

    fn uses(&mut self, key: &Source) -> &mut Uses {
        if let Source::Param(param) = key {
            if !self.uses.contains_key(key) {
                if self.order.len() >= MAX_PARAMS {
                    self.reads_all = true;
                    return &mut self.overflow;
                }
                self.order.push(param.clone());
            }
        }
        self.uses.entry(key.clone()).or_default()
    }

    fn mark(&mut self, flows: &Flows, f: impl Fn(&mut Uses)) {
        for flow in flows {
            f(self.uses(&flow.key));
        }
    }

    fn list(&mut self, list: &ListNode, dot: &Flows) {
        for node in &list.nodes {
            self.node(node, dot);
        }
    }

    fn node(&mut self, node: &Node, dot: &Flows) {
        match node {
            Node::List(l) => self.list(l, dot),
            Node::Text(t) => self.print_text(&t.text),
            Node::Action(a) => {
                let flows = self.pipe(&a.pipe, dot);
                if a.pipe.decl.is_empty() {
                    self.printed(&flows);
                } else {
                    self.bind(&a.pipe, flows);
                }
            }
            Node::If(b) => {
                let flows = self.pipe(&b.pipe, dot);
                self.tested_as_is(&flows);
                self.list(&b.body, dot);
                if let Some(e) = &b.else_body {
                    self.list(e, dot);
                }
            }
            Node::With(b) => self.with(b, dot),
            Node::Range(b) => {
                let flows = self.pipe(&b.pipe, dot);
                let elements: Flows = flows
                    .into_iter()
                    .map(|f| Flow { element: true, ..f })
                    .collect();
                if let Some(v) = b.pipe.decl.last() {
                    self.vars.insert(v.to_string(), elements.clone());
                }
                self.in_rebound_dot(|me| me.list(&b.body, &elements));
                if let Some(e) = &b.else_body {
                    self.list(e, dot);
                }
            }
            Node::Template(t) => self.template(t, dot),
            Node::Define(d) => self.list(&d.body, dot),
            Node::Break(_) | Node::Continue(_) => {}
        }
    }

    /// `{{ with PIPE }}…{{ else }}…{{ end }}`: dot is what the pipeline gives, the
    /// shortcode around this one (`with .Parent`), or the shortcode itself (`with $c`).
    fn with(&mut self, b: &WithNode, dot: &Flows) {
        let read_before = self.reads_ancestor_params;
        let flows = self.pipe(&b.pipe, dot);
        self.tested_as_is(&flows);
        self.bind(&b.pipe, flows.clone());
        let parent = matches!(b.pipe.commands.as_slice(), [c] if matches!(c.args.as_slice(),
            [Expr::Field(_, f) | Expr::Variable(_, _, f)] if f.len() == 1 && f.first().is_some_and(|f| f == "Parent")));
        // `with .Parent` is followed: its `.Get "x"` reads the parent's `x`.
        self.reads_ancestor_params &= !parent || read_before;
        // `with $c` or, in a partial handed a dict, `with .ctx`: dot is the shortcode.
        let context = matches!(b.pipe.commands.as_slice(), [c] if matches!(c.args.as_slice(), [e] if self.is_context(e)));
        let was = std::mem::replace(&mut self.dot_is_parent, parent);
        if context {
            self.as_context(|me| me.list(&b.body, &flows));
        } else {
            self.in_rebound_dot(|me| me.list(&b.body, &flows));
        }
        self.dot_is_parent = was;
        if let Some(e) = &b.else_body {
            self.list(e, dot);
        }
    }

    /// Runs `f` where dot is something else than the shortcode.
    fn in_rebound_dot(&mut self, f: impl FnOnce(&mut Self)) {
        let was = std::mem::replace(&mut self.dot_is_context, false);
        let dict = self.dot_dict.take();
        f(self);
        self.dot_is_context = was;
        self.dot_dict = dict;
    }

    /// The fields after the first, when the first names a key of the dict dot is that holds
    /// the shortcode (`.ctx.Get` → `Get`, `$.ctx.Params.x` → `Params.x`).
    fn through_dict<'f>(
        &self,
        fields: &'f [gotmpl::parse::SmolStr],
    ) -> Option<&'f [gotmpl::parse::SmolStr]> {
        through(self.dot_dict.as_ref(), fields)
    }

    /// [`Infer::through_dict`] of `$`'s fields (`$.ctx.Get`).
    fn through_dollar<'f>(
        &self,
        fields: &'f [gotmpl::parse::SmolStr],
    ) -> Option<&'f [gotmpl::parse::SmolStr]> {
        through(self.dollar_dict.as_ref(), fields)
    }

    /// Runs `f` with dot the shortcode (a field of a dict that holds it).
    fn as_context<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let was = std::mem::replace(&mut self.dot_is_context, true);
        let dict = self.dot_dict.take();
        let out = f(self);
        self.dot_is_context = was;
        self.dot_dict = dict;
        out
    }

    /// A parameter of the shortcode around this one, read by `.Parent.Get KEY` or, in
    /// `with .Parent`, by `.Get KEY`.
    fn read_parent(&mut self, key: Option<&Expr>) -> Flows {
        match key {
            Some(Expr::String(_, name)) => {
                self.parent_params.push(ParamKey::Named(name.to_string()))
            }
            Some(Expr::Number(_, Number::Int(i))) => {
                if let Ok(i) = usize::try_from(*i) {
                    self.parent_params.push(ParamKey::Positional(i));
                }
            }
            _ => {}
        }
        Flows::new()
    }

    /// Whether `e` is the shortcode itself: `$`, dot where it is the shortcode, or a
    /// variable holding it.
    fn is_context(&self, e: &Expr) -> bool {
        match e {
            Expr::Dot(_) => self.dot_is_context,
            Expr::Field(_, f) if f.len() == 1 && self.through_dict(f).is_some() => true,
            Expr::Variable(_, v, f)
                if v == "$" && f.len() == 1 && self.through_dollar(f).is_some() =>
            {
                true
            }
            Expr::Variable(_, v, f) => {
                f.is_empty() && (v == "$" || self.context_vars.contains(v.as_str()))
            }
            _ => false,
        }
    }

    fn bind(&mut self, pipe: &PipeNode, flows: Flows) {
        // `$c := .` (or `$`): `$c` is the shortcode.
        let context = matches!(pipe.commands.as_slice(), [c] if matches!(c.args.as_slice(), [e] if self.is_context(e)));
        for name in &pipe.decl {
            if context {
                self.context_vars.insert(name.to_string());
            } else if !pipe.is_assign {
                self.context_vars.remove(name.as_str());
            }
        }
        // `$name := .Get 0` (or `:= .Get 0 | default "x"`): the parameter's name to its
        // template.
        if !pipe.is_assign {
            let positional = flows.iter().find_map(|f| match &f.key {
                Source::Param(ParamKey::Positional(i)) if !f.element => Some(*i),
                _ => None,
            });
            let name = pipe.decl.first().map(|n| n.trim_start_matches('$'));
            if let (Some(i), Some(name)) = (
                positional,
                name.filter(|n| n.len() > 1 && !n.starts_with('_')),
            ) {
                self.variables.entry(i).or_insert_with(|| name.to_string());
            }
        }
        for name in &pipe.decl {
            let slot = self.vars.entry(name.to_string()).or_default();
            if !pipe.is_assign {
                slot.clear();
            }
            for f in &flows {
                // A variable assigned in many places holds any of them; past a few dozen
                // it no longer tells one parameter's use from another's.
                if slot.len() < MAX_FLOWS && !slot.contains(f) {
                    slot.push(f.clone());
                }
            }
        }
    }

    fn print_text(&mut self, text: &str) {
        self.tail.push_str(text);
        if self.tail.len() > 400 {
            let cut = self.tail.len() - 200;
            let cut = (cut..self.tail.len())
                .find(|&i| self.tail.is_char_boundary(i))
                .unwrap_or(self.tail.len());
            self.tail.drain(..cut);
        }
    }

    /// A value printed where the text so far ends: its kind from the attribute it is in.
    fn printed(&mut self, flows: &Flows) {
        let place = Place::of(&self.tail);
        for flow in flows {
            let u = self.uses(&flow.key);
            match place {
                Place::Icon if flow.element => u.icons = true,
                Place::Image => u.image = true,
                Place::Url => u.url = true,
                Place::Other => {
                    u.printed = true;
                    u.other = true;
                }
                Place::Icon => u.other = true,
            }
        }
        // Later values in the same attribute are not at its start.
        self.print_text("\u{1}");
    }

    fn pipe(&mut self, pipe: &PipeNode, dot: &Flows) -> Flows {
        let mut value: Option<Flows> = None;
        for cmd in &pipe.commands {
            value = Some(self.command(cmd, dot, value));
        }
        value.unwrap_or_default()
    }

    fn command(&mut self, cmd: &CommandNode, dot: &Flows, piped: Option<Flows>) -> Flows {
        let Some((first, rest)) = cmd.args.split_first() else {
            return piped.unwrap_or_default();
        };
        match first {
            Expr::Identifier(_, name) => self.call(name, rest, dot, piped),
            Expr::Field(_, fields) => self.method(fields, rest, dot, piped),
            // `resources.Get …`: a namespaced function.
            Expr::Chain(_, inner, fields) if matches!(**inner, Expr::Identifier(..)) => {
                let Expr::Identifier(_, ns) = &**inner else {
                    return Flows::new();
                };
                let name = std::iter::once(ns.as_str())
                    .chain(fields.iter().map(|f| f.as_str()))
                    .collect::<Vec<_>>()
                    .join(".");
                self.call(&name, rest, dot, piped)
            }
            // `$.ctx.Get "x"` in a partial handed a dict that holds the shortcode.
            Expr::Variable(_, var, fields)
                if var == "$" && self.through_dollar(fields).is_some_and(|r| !r.is_empty()) =>
            {
                let rest = self.through_dollar(fields).unwrap_or_default();
                self.as_context(|me| {
                    me.method(rest, cmd.args.get(1..).unwrap_or_default(), dot, piped)
                })
            }
            // `$.Get "x"`, `$c.Get "x"`: the shortcode's own, even where dot is its parent.
            Expr::Variable(_, var, fields)
                if (var == "$" || self.context_vars.contains(var.as_str()))
                    && !fields.is_empty() =>
            {
                let parent = std::mem::replace(&mut self.dot_is_parent, false);
                let flows = self.method(fields, rest, dot, piped);
                self.dot_is_parent = parent;
                flows
            }
            // A method of a value (`$r.GetMatch (.Get "name")`, `$s.Set "k" (…)`,
            // `(.Page.Resources.ByType "image").GetMatch (…)`): what its arguments read
            // counts, as an image of the page bundle when it looks one up.
            Expr::Variable(_, _, fields) | Expr::Chain(_, _, fields) if !rest.is_empty() => {
                let receiver = self.expr(first, dot);
                let looks_up = matches!(
                    fields.last().map(|f| f.as_str()),
                    Some("Get" | "GetMatch" | "Match")
                ) && mentions_resources(first);
                let flows = self.args(rest, dot);
                self.mark(&flows, |u| {
                    if looks_up {
                        u.image = true;
                    } else {
                        u.other = true;
                    }
                });
                let _ = (receiver, piped);
                Flows::new()
            }
            other => self.expr(other, dot),
        }
    }

    /// `.Get "x"`, `.Page.RenderString (…)` and plain fields.
    fn method(
        &mut self,
        fields: &[gotmpl::parse::SmolStr],
        args: &[Expr],
        dot: &Flows,
        piped: Option<Flows>,
    ) -> Flows {
        if let Some(rest) = self.through_dict(fields).filter(|r| !r.is_empty()) {
            return self.as_context(|me| me.method(rest, args, dot, piped));
        }
        let last = fields.last().map(|s| s.as_str());
        match last {
            Some("Get") if fields.len() == 1 && self.dot_is_parent => {
                self.read_parent(args.first())
            }
            Some("Get") if fields.len() == 1 => match args.first() {
                Some(Expr::String(_, name)) => self.read(ParamKey::Named(name.to_string())),
                Some(Expr::Number(_, Number::Int(i))) => usize::try_from(*i)
                    .map_or_else(|_| Flows::new(), |i| self.read(ParamKey::Positional(i))),
                // A name the template computes (`.Get $name`, `$.Get .` in a `range`): any
                // parameter may be read.
                Some(_) => {
                    self.reads_all = true;
                    Flows::new()
                }
                None => {
                    self.reads_all |= piped.is_some();
                    Flows::new()
                }
            },
            Some("Get" | "GetMatch" | "Match") if fields.iter().any(|f| f == "Resources") => {
                // `.Page.Resources.Get (.Get "src")`: an image of the page bundle.
                let mut flows = self.args(args, dot);
                flows.extend(piped.unwrap_or_default());
                self.mark(&flows, |u| u.image = true);
                Flows::new()
            }
            // `.Parent.Get "name"`: a parameter of the shortcode around this one.
            Some("Get") if fields.len() == 2 && fields.first().is_some_and(|f| f == "Parent") => {
                self.read_parent(args.first())
            }
            Some("RenderString") => {
                let mut flows = self.args(args, dot);
                flows.extend(piped.unwrap_or_default());
                self.mark(&flows, |u| u.markdown = true);
                flows
            }
            _ => {
                // A method Folio does not follow (`.Parent.Store.Set "k" (…)`): what its
                // arguments read (`.Inner`, parameters) still counts.
                let flows = self.args(args, dot);
                self.mark(&flows, |u| u.other = true);
                let _ = piped;
                self.field(fields, dot)
            }
        }
    }

    fn read(&mut self, key: ParamKey) -> Flows {
        let key = Source::Param(key);
        self.uses(&key);
        vec![Flow {
            key,
            element: false,
            text: false,
        }]
    }

    fn field(&mut self, fields: &[gotmpl::parse::SmolStr], dot: &Flows) -> Flows {
        if let Some(first) = fields.first() {
            match self
                .dot_dict
                .as_ref()
                .and_then(|d| d.get(first.as_str()))
                .cloned()
            {
                Some(DictValue::Context) if fields.len() > 1 => {
                    let rest = fields.get(1..).unwrap_or_default();
                    return self.as_context(|me| me.field(rest, dot));
                }
                Some(DictValue::Flows(flows)) => return flows,
                _ => {}
            }
        }
        self.note_inner(fields);
        if self.dot_is_parent && fields.first().is_some_and(|f| f == "Params") {
            // `.Params.x` in `with .Parent`.
            self.parent_field(fields);
            return Flows::new();
        }
        match fields.first().map(|s| s.as_str()) {
            Some("Parent") => {
                self.parent_field(fields.get(1..).unwrap_or_default());
                Flows::new()
            }
            Some("Inner" | "InnerDeindent") if fields.len() == 1 => vec![Flow {
                key: Source::Inner,
                element: false,
                text: false,
            }],
            Some("Inner" | "InnerDeindent") => Flows::new(),
            Some("Params") => match fields.get(1) {
                Some(name) => self.read(ParamKey::Named(name.to_string())),
                None => {
                    self.reads_all = true;
                    Flows::new()
                }
            },
            _ if fields.is_empty() => dot.clone(),
            _ => Flows::new(),
        }
    }

    /// The fields after `.Parent` (`Params.x`, `Parent.Get`…): the parent's parameter they
    /// read, or that they read the parameters around the call in a way Folio does not
    /// follow (the parent's whole `.Params`, a grandparent's, the parent itself as a
    /// value).
    fn parent_field(&mut self, rest: &[gotmpl::parse::SmolStr]) {
        match rest {
            [params, name, ..] if params == "Params" => {
                self.parent_params.push(ParamKey::Named(name.to_string()));
            }
            [] => self.reads_ancestor_params = true,
            [first, ..] if first == "Params" || first == "Parent" => {
                self.reads_ancestor_params = true;
            }
            _ => {}
        }
    }

    /// Hugo calls a template paired when any field chain names `.Inner` or
    /// `.InnerDeindent` (`$c.Inner` too: `hugolib/shortcode.go`, `collectInner`).
    fn note_inner(&mut self, fields: &[gotmpl::parse::SmolStr]) {
        if fields.iter().any(|f| f == "Inner" || f == "InnerDeindent") {
            self.paired = true;
        }
    }

    fn args(&mut self, args: &[Expr], dot: &Flows) -> Flows {
        let mut out = Flows::new();
        for a in args {
            out.extend(self.expr(a, dot));
        }
        out
    }

    fn expr(&mut self, expr: &Expr, dot: &Flows) -> Flows {
        match expr {
            Expr::Dot(_) => dot.clone(),
            Expr::Field(_, fields) => self.field(fields, dot),
            Expr::Variable(_, var, fields) if var == "$" => {
                if fields.is_empty() {
                    Flows::new()
                } else if self.dollar_dict.is_some() {
                    // `$` is the dict handed to the partial, whatever dot is now.
                    let dict = self.dot_dict.take();
                    self.dot_dict = self.dollar_dict.clone();
                    let flows = self.field(fields, dot);
                    self.dot_dict = dict;
                    flows
                } else {
                    self.field(fields, dot)
                }
            }
            // `$c.Params.x`, `$c` the shortcode.
            Expr::Variable(_, var, fields)
                if !fields.is_empty() && self.context_vars.contains(var.as_str()) =>
            {
                self.field(fields, dot)
            }
            // `$x`, and `$x.Path` (a field of a value made from it).
            Expr::Variable(_, var, fields) => {
                self.note_inner(fields);
                self.vars.get(var.as_str()).cloned().unwrap_or_default()
            }
            Expr::Pipe(_, p) => self.pipe(p, dot),
            Expr::Chain(_, inner, fields) => {
                self.note_inner(fields);
                self.expr(inner, dot)
            }
            _ => Flows::new(),
        }
    }

    /// `index .Params "x"` (a read of `x`) and `isset .Params "x"` (a test of it).
    fn params_lookup(&mut self, name: &str, rest: &[Expr]) -> Option<Flows> {
        if !matches!(name, "index" | "isset") {
            return None;
        }
        let (Some(Expr::Field(_, f)), Some(Expr::String(_, key))) = (rest.first(), rest.get(1))
        else {
            return None;
        };
        if f.len() != 1 || f.first().is_none_or(|s| s != "Params") {
            return None;
        }
        let flows = self.read(ParamKey::Named(key.to_string()));
        if name == "isset" {
            // Whether it is set, not what it is: unset is not false to the template.
            self.mark(&flows, |u| {
                u.tested = true;
                u.isset = true;
            });
            return Some(Flows::new());
        }
        Some(flows)
    }

    /// A function call: `name args…`, with the piped value as the last argument.
    fn call(&mut self, name: &str, rest: &[Expr], dot: &Flows, piped: Option<Flows>) -> Flows {
        if let Some(flows) = self.params_lookup(name, rest) {
            return flows;
        }
        if self.handed(name, rest, dot) {
            return Flows::new();
        }
        if name == "index" {
            return self.index(rest, dot, piped);
        }
        if name == "in" {
            return self.in_call(rest, dot, piped);
        }
        let mut flows = self.args(rest, dot);
        flows.extend(piped.unwrap_or_default());
        let literal = rest.iter().find_map(|a| match a {
            Expr::String(_, s) => Some(s.to_string()),
            _ => None,
        });
        match name {
            "markdownify" | "transform.Markdownify" => self.mark(&flows, |u| u.markdown = true),
            // Any of its arguments (the code, a language): the code is the body's kind, the
            // rest is text.
            "highlight" | "transform.Highlight" => {
                return self.used(&flows, |u| {
                    u.code = true;
                    u.other = true;
                })
            }
            "split" => return self.split(flows, &literal.unwrap_or_default()),
            "relURL" | "absURL" | "relLangURL" | "absLangURL" | "urls.Parse" => {
                self.mark(&flows, |u| u.url = true);
            }
            n if n.starts_with("resources.") || n.starts_with("images.") => {
                return self.used(&flows, |u| u.image = true);
            }
            "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "not" | "and" | "in" => {
                self.compared(name, &flows, rest, literal.as_deref());
                return if name == "and" { flows } else { Flows::new() };
            }
            "default" | "or" => self.defaulted(name, &flows, rest),
            // A value written into a longer text (`printf "icons/%s.svg" (.Get 0)`) is no
            // longer the value: what is done with the text says nothing of its kind.
            "print" | "printf" | "println"
                if rest.iter().any(
                    |a| matches!(a, Expr::String(_, s) if !matches!(s.as_ref(), "" | "%s" | "%v")),
                ) =>
            {
                return self.used(&flows, |u| u.other = true);
            }
            n if MAKE_TEXT.contains(&n) => {
                return flows
                    .into_iter()
                    .map(|f| Flow { text: true, ..f })
                    .collect();
            }
            n if PASS_THROUGH.contains(&n) => {}
            _ => return self.used(&flows, |u| u.other = true),
        }
        flows
    }
}

/// The functions of [`PASS_THROUGH`] whose result is text of the value, whatever its type
/// (a bare `true` becomes `"true"`).
const MAKE_TEXT: &[&str] = &[
    "print", "printf", "println", "string", "lower", "upper", "title", "trim", "chomp",
];

impl Infer<'_> {
    /// `split TEXT SEP`: words on a blank, a list on a comma; the result's elements are
    /// the value's.
    fn split(&mut self, flows: Flows, sep: &str) -> Flows {
        match sep.trim() {
            "" if !sep.is_empty() => self.mark(&flows, |u| u.words = true),
            "," => self.mark(&flows, |u| u.comma = true),
            _ => self.mark(&flows, |u| u.other = true),
        }
        flows
            .into_iter()
            .map(|f| Flow { element: true, ..f })
            .collect()
    }

    /// `in SET ITEM`: the item is compared with the set's words; a parameter that is the
    /// set (a list, or text searched) may hold anything.
    fn in_call(&mut self, rest: &[Expr], dot: &Flows, piped: Option<Flows>) -> Flows {
        let (set, item) = rest.split_at(rest.len().min(1));
        let set = self.args(set, dot);
        self.mark(&set, |u| u.other = true);
        let mut item = self.args(item, dot);
        item.extend(piped.unwrap_or_default());
        self.compared("in", &item, rest, None);
        Flows::new()
    }

    /// `default LITERAL x` or `or x LITERAL`: the literal is the default of the values in
    /// `flows` (the first one applied wins).
    fn defaulted(&mut self, name: &str, flows: &Flows, rest: &[Expr]) {
        if let Some(v) = first_literal(rest).filter(|v| !v.is_empty()) {
            self.mark(flows, |u| {
                u.default.get_or_insert_with(|| v.clone());
            });
        }
        if let Some(lit) = rest.iter().find_map(flag_default) {
            self.mark(flows, |u| {
                if u.default_lit.is_none() {
                    (u.default_lit, u.default_by_or) = (Some(lit), name == "or");
                }
            });
        }
    }

    /// `index COLLECTION KEYS…`: a key into a collection (`index site.Data.tones (.Get
    /// "tone")`) is any of its keys, which the template does not list; the collection
    /// passes through.
    fn index(&mut self, rest: &[Expr], dot: &Flows, piped: Option<Flows>) -> Flows {
        let (collection, keys) = rest.split_at(rest.len().min(1));
        let keys = self.args(keys, dot);
        self.mark(&keys, |u| u.other = true);
        if let Some(piped) = piped {
            // `… | index $m`: the piped value is the last key.
            self.mark(&piped, |u| u.other = true);
        }
        self.args(collection, dot)
    }

    /// A call of function `name` with arguments `rest` that may be handed the shortcode: a
    /// partial is followed; anything else Folio does not follow (`dict "context" .`, then
    /// a `template` or a partial that reads `.context.Get "x"`) may read any parameter.
    /// What handing `rest` to function `name` reads: a partial reads what it reads, any
    /// other function given the shortcode may read any parameter. Gives whether a partial
    /// was handed a `dict` it followed (its values are read then).
    fn handed(&mut self, name: &str, rest: &[Expr], dot: &Flows) -> bool {
        if matches!(name, "partial" | "partialCached") {
            return self.partial_call(rest, dot);
        }
        let holds_context = |a: &Expr| {
            matches!(a, Expr::Dot(_))
                && self
                    .dot_dict
                    .as_ref()
                    .is_some_and(|d| d.values().any(|v| matches!(v, DictValue::Context)))
        };
        if !COMPARE.contains(&name) && rest.iter().any(|a| self.is_context(a) || holds_context(a)) {
            self.reads_all = true;
        }
        false
    }

    /// A `partial` call with arguments `rest`: the shortcode handed to the partial reads
    /// what the partial reads, else any parameter.
    fn partial_call(&mut self, rest: &[Expr], dot: &Flows) -> bool {
        if let (Some(Expr::String(_, partial)), Some(Expr::Pipe(_, pipe))) =
            (rest.first(), rest.get(1))
        {
            if let Some(dict) = self.dict_of(pipe, dot) {
                let followed = self.follow(Reached::Partial(partial), Some(dict));
                self.reads_all |= !followed;
                // `partialCached`'s variant keys after the dict are read too (hunt AM, 9).
                let variants = self.args(rest.get(2..).unwrap_or_default(), dot);
                self.mark(&variants, |u| u.other = true);
                return true;
            }
        }
        // `partial "inner.html" .` where dot is a dict handed on: followed with that dict.
        if let (Some(Expr::String(_, partial)), Some(Expr::Dot(_)), Some(dict)) =
            (rest.first(), rest.get(1), self.dot_dict.clone())
        {
            let followed = self.follow(Reached::Partial(partial), Some(dict));
            self.reads_all |= !followed;
            return false;
        }
        if !rest.iter().any(|a| self.is_context(a)) {
            return false;
        }
        let followed = match rest.first() {
            Some(Expr::String(_, partial)) if rest.get(1).is_some_and(|a| self.is_context(a)) => {
                self.follow(Reached::Partial(partial), None)
            }
            _ => false,
        };
        self.reads_all |= !followed;
        false
    }

    /// What `(dict "k" v …)` holds, key by key, when it holds the shortcode or values of
    /// its parameters (its keys all literal); `None` for any other pipeline.
    fn dict_of(&mut self, pipe: &PipeNode, dot: &Flows) -> Option<Dict> {
        let [command] = pipe.commands.as_slice() else {
            return None;
        };
        let (Some(Expr::Identifier(_, name)), pairs) =
            (command.args.first(), command.args.get(1..)?)
        else {
            return None;
        };
        if name != "dict" || pairs.len() % 2 != 0 {
            return None;
        }
        let mut map = HashMap::new();
        for pair in pairs.chunks(2) {
            let [Expr::String(_, key), value] = pair else {
                return None;
            };
            let held = if self.is_context(value) {
                DictValue::Context
            } else {
                DictValue::Flows(self.expr(value, dot))
            };
            map.insert(key.to_string(), held);
        }
        let useful = map.values().any(|v| match v {
            DictValue::Context => true,
            DictValue::Flows(f) => !f.is_empty(),
        });
        useful.then(|| std::rc::Rc::new(map))
    }

    /// `{{ template "name" PIPE }}`. `template "partials/x.html" .` runs the partial as
    /// `partial "x.html" .` does (the engine's `rewrite::partial_templates`): followed as
    /// that call. A name the file does not define runs the `define` another file of the
    /// site has (`Catalogue::defined_template`): handed the shortcode, or a `dict` of it or
    /// its values, that define reads what it reads (review 56a, 10).
    fn template(&mut self, t: &gotmpl::parse::TemplateNode, dot: &Flows) {
        let Some(p) = &t.pipe else { return };
        let handed = match p.commands.as_slice() {
            [c] if p.decl.is_empty() && c.args.len() == 1 => c.args.clone(),
            _ => vec![Expr::Pipe(t.pos, p.clone())],
        };
        if let Some(name) = super::engine::rewrite::partial_name(&t.name) {
            let mut rest = vec![Expr::String(t.pos, name.into())];
            rest.extend(handed);
            let flows = self.call("partial", &rest, dot, None);
            self.mark(&flows, |u| u.other = true);
            return;
        }
        if !self.own_defines.contains(t.name.as_str()) {
            let dict = match handed.as_slice() {
                [Expr::Pipe(_, pipe)] => self.dict_of(pipe, dot).map(Some),
                [a] if self.is_context(a) => Some(None),
                _ => None,
            };
            if let Some(dict) = dict {
                let followed = self.follow(Reached::Define(&t.name), dict);
                self.reads_all |= !followed;
                return;
            }
        }
        let flows = self.pipe(p, dot);
        self.mark(&flows, |u| u.other = true);
    }

    /// Reads the template `reached`, handed the shortcode (or a `dict` holding it or its
    /// values, `dict`), as part of the template (a few levels deep); gives whether it
    /// could. A partial is read whole, with its defines; a define, its body alone.
    fn follow(&mut self, reached: Reached<'_>, dict: Option<Dict>) -> bool {
        const MAX_DEPTH: usize = 4;
        let (kind, name) = match reached {
            Reached::Partial(name) => ("partial", name),
            Reached::Define(name) => ("define", name),
        };
        // A template read already (calling itself, or called twice) reads nothing more; one
        // handed a dict is read again for that dict's keys.
        let seen = match &dict {
            // The dict's keys and what each holds: the same keys holding other parameters
            // are read again for those.
            Some(d) => {
                let mut held: Vec<String> = d.iter().map(|(k, v)| format!("{k}={v:?}")).collect();
                held.sort();
                format!("{kind}\u{0}{name}\u{0}{}", held.join("\u{0}"))
            }
            None => format!("{kind}\u{0}{name}"),
        };
        if self.followed.contains(&seen) {
            return true;
        }
        if self.in_partials.len() >= MAX_DEPTH {
            return false;
        }
        let text = self.lookup.and_then(|l| match reached {
            Reached::Partial(name) => (l.partial)(name),
            Reached::Define(name) => (l.define)(name),
        });
        let Some(text) = text else {
            return false;
        };
        let Ok((list, defines)) = super::parse::parse(&text) else {
            return false;
        };
        let bodies: Vec<&ListNode> = match reached {
            // A partial's defines are read with it. A `template` action there runs the
            // site's define of that name, which Hugo's one namespace holds (a partial's
            // own does not come first; checked with Hugo 0.168, review 57b, 4).
            Reached::Partial(_) => std::iter::once(&list)
                .chain(defines.iter().map(|d| &d.body))
                .collect(),
            Reached::Define(name) => match defines.iter().find(|d| d.name == name) {
                Some(d) => vec![&d.body],
                None => return false,
            },
        };
        self.followed.insert(seen);
        self.in_template(name, dict, |me| {
            for body in bodies {
                me.list(body, &Flows::new());
            }
        });
        true
    }

    /// Runs `read` inside the template `name`, handed the shortcode or `dict`: the
    /// template's own variables, and `$` there is the shortcode, as dot is. Whether the
    /// shortcode is paired is its own template's to say (Hugo looks for `.Inner` there).
    fn in_template(&mut self, name: &str, dict: Option<Dict>, read: impl FnOnce(&mut Self)) {
        let vars = std::mem::take(&mut self.vars);
        let context_vars = std::mem::take(&mut self.context_vars);
        let dot_is_context = std::mem::replace(&mut self.dot_is_context, dict.is_none());
        let dollar_dict = std::mem::replace(&mut self.dollar_dict, dict.clone());
        let dot_dict = std::mem::replace(&mut self.dot_dict, dict);
        let paired = self.paired;
        self.in_partials.push(name.to_string());
        read(self);
        self.in_partials.pop();
        self.vars = vars;
        self.context_vars = context_vars;
        self.dot_is_context = dot_is_context;
        self.dot_dict = dot_dict;
        self.dollar_dict = dollar_dict;
        self.paired = paired;
    }

    /// Marks the values in `flows` as a function uses them up: its result is another value.
    fn used(&mut self, flows: &Flows, f: impl Fn(&mut Uses)) -> Flows {
        self.mark(flows, f);
        Flows::new()
    }

    /// The values in `flows` tested for truth as they are (`if`, `with`, `isset`).
    fn tested_as_is(&mut self, flows: &Flows) {
        self.mark(flows, |u| {
            u.tested = true;
            u.truthy = true;
        });
    }

    /// The values in `flows` compared by `name` (`eq`, `not`, `in`…) with the other
    /// arguments `rest`, of which `literal` is the first string.
    fn compared(&mut self, name: &str, flows: &Flows, rest: &[Expr], literal: Option<&str>) {
        let literals = compared_literals(name, rest);
        let has = |want: &dyn Fn(&Expr) -> bool| literals.iter().any(|a| want(a));
        let words_of = |b: bool| FlagWords {
            boolean: has(&|a| matches!(a, Expr::Bool(_, v) if *v == b)),
            text: has(
                &|a| matches!(a, Expr::String(_, s) if s.as_ref() == if b { "true" } else { "false" }),
            ),
            number: false,
        };
        let (on_when, off_when) = (words_of(true), words_of(false));
        let number =
            matches!(name, "lt" | "le" | "gt" | "ge") || has(&|a| matches!(a, Expr::Number(..)));
        let strings: Vec<String> = literals
            .iter()
            .filter_map(|a| match a {
                Expr::String(_, s) => Some(s.to_string()),
                _ => None,
            })
            .collect();
        let word = literal
            .into_iter()
            .chain(strings.iter().map(String::as_str))
            .any(|l| !matches!(l, "true" | "false"));
        let mark = |u: &mut Uses| {
            u.tested = true;
            u.truthy |= matches!(name, "not" | "and");
            u.bool_compare |= on_when.boolean || off_when.boolean;
            u.on_when.boolean |= on_when.boolean;
            u.on_when.text |= on_when.text;
            u.off_when.boolean |= off_when.boolean;
            u.off_when.text |= off_when.text;
            u.number |= number;
            u.string_compare |= literal.is_some() || !strings.is_empty();
            u.choice |= word;
            for w in strings.iter().filter(|w| !w.is_empty()) {
                if !u.choices.contains(w) && u.choices.len() < MAX_CHOICES {
                    u.choices.push(w.clone());
                }
            }
        };
        let (texts, values): (Flows, Flows) = flows.iter().cloned().partition(|f| f.text);
        self.mark(&values, mark);
        self.mark(&texts, |u| {
            mark(u);
            u.compared_as_text = true;
        });
    }
}

/// Words a value may be compared with, at most (a template comparing with more lists a
/// vocabulary no menu shows well).
const MAX_CHOICES: usize = 50;

/// The literals that comparison `name` compares a value with: any argument of `eq` and
/// `ne`; the elements of a `slice` that `in` looks in.
fn compared_literals<'e>(name: &str, rest: &'e [Expr]) -> Vec<&'e Expr> {
    let literal = |a: &&Expr| matches!(a, Expr::String(..) | Expr::Bool(..) | Expr::Number(..));
    match name {
        "eq" | "ne" => rest.iter().filter(literal).collect(),
        "in" => rest
            .iter()
            .filter_map(|a| match a {
                Expr::Pipe(_, p) => match p.commands.as_slice() {
                    [c] if matches!(c.args.first(), Some(Expr::Identifier(_, f)) if f == "slice") => {
                        Some(c.args.iter().skip(1).filter(literal).collect::<Vec<_>>())
                    }
                    _ => None,
                },
                _ => None,
            })
            .flatten()
            .collect(),
        _ => rest.iter().filter(literal).collect(),
    }
}

/// Whether an expression names a page's resources (`.Page.Resources…`, `$.Resources…`, a
/// pipeline that does), the receiver of a bundle lookup.
fn mentions_resources(e: &Expr) -> bool {
    match e {
        Expr::Field(_, fields) | Expr::Variable(_, _, fields) => {
            fields.iter().any(|f| f == "Resources")
        }
        Expr::Chain(_, inner, fields) => {
            fields.iter().any(|f| f == "Resources") || mentions_resources(inner)
        }
        Expr::Pipe(_, p) => p
            .commands
            .iter()
            .any(|c| c.args.iter().any(mentions_resources)),
        _ => false,
    }
}

/// A literal as a flag's default, or `None` for anything else.
fn flag_default(e: &Expr) -> Option<FlagDefault> {
    Some(match e {
        Expr::Bool(_, b) => FlagDefault::Bool(*b),
        Expr::Number(_, Number::Int(i)) => FlagDefault::Number(*i),
        Expr::Number(_, Number::Uint(u)) => {
            FlagDefault::Number(i64::try_from(*u).unwrap_or(i64::MAX))
        }
        #[allow(
            clippy::cast_possible_truncation,
            reason = "its integer part, as documented"
        )]
        Expr::Number(_, Number::Float(f)) => FlagDefault::Number(*f as i64),
        Expr::String(_, s) => FlagDefault::Text(match s.as_ref() {
            "true" => FlagText::True,
            "false" => FlagText::False,
            "" => FlagText::Empty,
            _ => FlagText::Other,
        }),
        _ => return None,
    })
}

/// The first literal of `args` as text, a number's or a boolean's too (`default 3`).
fn first_literal(args: &[Expr]) -> Option<String> {
    args.iter().find_map(|a| match a {
        Expr::String(_, s) => Some(s.to_string()),
        Expr::Number(_, Number::Int(i)) => Some(i.to_string()),
        Expr::Number(_, Number::Uint(u)) => Some(u.to_string()),
        Expr::Number(_, Number::Float(f)) => Some(f.to_string()),
        Expr::Bool(_, b) => Some(b.to_string()),
        _ => None,
    })
}

/// The words a value is compared with, its default (a value the template takes) first:
/// none when they are only `"true"` and `"false"` (a flag's).
fn choices_of(u: &Uses) -> Vec<String> {
    let mut out = Vec::new();
    if u.choices
        .iter()
        .all(|w| matches!(w.as_str(), "true" | "false"))
    {
        return out;
    }
    out.extend(u.default.clone().filter(|d| !d.is_empty()));
    out.extend(
        u.choices
            .iter()
            .filter(|w| !out.contains(w))
            .cloned()
            .collect::<Vec<_>>(),
    );
    // The booleans it is compared with are values it tells apart too.
    for (compared, word) in [(u.on_when.boolean, "true"), (u.off_when.boolean, "false")] {
        if compared && !out.iter().any(|w| w == word) {
            out.push(word.to_string());
        }
    }
    out
}

fn kind_of(u: &Uses) -> FieldKind {
    if u.icons {
        FieldKind::Icons
    } else if u.markdown {
        FieldKind::Markdown
    } else if u.image {
        FieldKind::Image
    } else if u.url {
        FieldKind::Url
    } else if u.words {
        FieldKind::Words
    } else if u.comma {
        FieldKind::CommaList
    } else if u.tested && !u.other && !u.choice && !u.number {
        FieldKind::Flag
    } else if !choices_of(u).is_empty() && !u.other && !u.number {
        FieldKind::Choice
    } else {
        FieldKind::Text
    }
}

/// Where in the HTML a value is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Text content, or an attribute that says nothing of the value.
    Other,
    /// First in an `href`, or a `src` outside `<img>` (a video's, an audio's, a frame's).
    Url,
    /// First in an `<img>`'s or a picture's `<source>`'s `src`/`srcset`, a `poster`, or in a
    /// `url(` of a `style`.
    Image,
    /// Right after `fa-` in a `class`.
    Icon,
}

impl Place {
    /// Reads the end of the printed text: inside which tag and attribute, and whether the
    /// value starts that attribute's value.
    fn of(tail: &str) -> Place {
        let Some(lt) = tail.rfind('<') else {
            return Place::Other;
        };
        let tag = tail.get(lt + 1..).unwrap_or("");
        if tag.contains('>') {
            return Place::Other;
        }
        let tag_name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let Some(eq) = tag.rfind("=\"").or_else(|| tag.rfind("='")) else {
            return Place::Other;
        };
        let value = tag.get(eq + 2..).unwrap_or("");
        if value.contains(['"', '\'']) {
            return Place::Other;
        }
        let attr: String = tag
            .get(..eq)
            .unwrap_or("")
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<String>()
            .to_ascii_lowercase();
        let at_start = value.is_empty();
        match attr.as_str() {
            // Brand icons (the names Folio knows): `fab fa-x`, `fa-brands fa-x`.
            "class"
                if value.ends_with("fa-")
                    && value
                        .split_whitespace()
                        .any(|c| c == "fab" || c == "fa-brands") =>
            {
                Place::Icon
            }
            "poster" if at_start => Place::Image,
            // A `<source>` is a picture's image, or a video's or an audio's file.
            "src" | "srcset" | "data-src"
                if at_start && (tag_name == "img" || tag_name == "source" && !in_media(tail)) =>
            {
                Place::Image
            }
            "href" | "src" if at_start => Place::Url,
            "style" if value.ends_with("url(") || value.ends_with("url('") => Place::Image,
            _ => Place::Other,
        }
    }
}

/// Whether the end of the printed text is inside a `<video>` or an `<audio>` (opened after
/// any `<picture>`, and not closed).
fn in_media(tail: &str) -> bool {
    let lower = tail.to_ascii_lowercase();
    let last = |needle: &str| lower.rfind(needle);
    let media = last("<video").max(last("<audio"));
    let closed = last("</video").max(last("</audio"));
    media > closed && media > last("<picture")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(template: &str) -> Vec<(String, &'static str)> {
        Schema::infer(template)
            .unwrap()
            .params
            .iter()
            .map(|p| (p.key.to_string(), p.kind.name()))
            .collect()
    }

    #[test]
    fn the_body_is_markdown_code_or_html_as_the_template_uses_inner() {
        let inner = |t: &str| Schema::infer(t).unwrap().inner;
        assert_eq!(
            inner("{{ .Inner | markdownify }}"),
            Some(InnerKind::Markdown)
        );
        assert_eq!(
            inner("{{ $c := .InnerDeindent }}{{ .Page.RenderString $c }}"),
            Some(InnerKind::Markdown)
        );
        // Terminal's `code`: trimmed into a variable, then highlighted.
        assert_eq!(
            inner(r#"{{ $t := trim .Inner "\n" }}{{ transform.Highlight $t (.Get "language") }}"#),
            Some(InnerKind::Code)
        );
        assert_eq!(
            inner("<div class=\"note\">{{ .Inner }}</div>"),
            Some(InnerKind::Html)
        );
        // Handed to a partial: what it does there is not followed.
        assert_eq!(inner(r#"{{ partial "box" (dict "body" .Inner) }}"#), None);
        assert_eq!(inner(r#"<b>{{ .Get "a" }}</b>"#), None);
    }

    #[test]
    fn a_parameter_tested_then_highlighted_is_text_not_a_checkbox() {
        let schema = Schema::infer(
            r#"{{ if .Get "lang" }}{{ highlight .Inner (.Get "lang") "" }}{{ else }}<pre>{{ .Inner }}</pre>{{ end }}"#,
        )
        .unwrap();
        assert_eq!(
            schema.param(&ParamKey::Named("lang".into())).unwrap().kind,
            FieldKind::Text
        );
        assert_eq!(schema.inner, Some(InnerKind::Code));
    }

    #[test]
    fn a_videos_file_is_a_link_and_its_poster_and_a_pictures_source_are_images() {
        // Hunt AJ, 9: hugo-nuevo's `video` had an image picker for its `mp4`.
        assert_eq!(
            kinds(
                r#"<video controls><source src="{{ .Get "mp4" }}"></video><video src="{{ .Get "v" }}" poster="{{ .Get "p" }}"></video><picture><source srcset="{{ .Get "s" }}"></picture><img src="{{ .Get "i" }}"><audio><source src="{{ .Get "a" }}"></audio>"#
            ),
            [
                ("mp4".to_string(), "url"),
                ("v".to_string(), "url"),
                ("p".to_string(), "image"),
                ("s".to_string(), "image"),
                ("i".to_string(), "image"),
                ("a".to_string(), "url"),
            ]
        );
    }

    /// The partials of the dict tests, by name.
    fn dict_partials(name: &str) -> Option<String> {
        match name {
            "ctx.html" => Some(
                r#"{{ with .ctx.Get "link" }}<a class="{{ $.cls }}" href="{{ . }}">{{ $.ctx.Get "blurb" | markdownify }}</a>{{ end }}{{ with .ctx }}{{ if .Get "wide" }}w{{ end }}{{ end }}"#
                    .to_string(),
            ),
            "vals.html" => Some(
                r#"<img src="{{ .image }}">{{ range split .tags "," }}<i>{{ . }}</i>{{ end }}"#
                    .to_string(),
            ),
            "on.html" => Some(r#"<div>{{ partial "ctx.html" . }}</div>"#.to_string()),
            "json.html" => Some(r#"{{ jsonify . }}"#.to_string()),
            _ => None,
        }
    }

    /// What a template handing dicts to [`dict_partials`] reads: whether any parameter,
    /// and each parameter it names with its kind.
    fn learned(template: &str) -> (bool, Vec<(String, FieldKind)>) {
        let schema = Schema::infer_with(template, &dict_partials).unwrap();
        let params = schema
            .params
            .iter()
            .map(|p| (p.key.to_string(), p.kind))
            .collect();
        (schema.reads_all_params, params)
    }

    #[test]
    fn a_partial_handed_a_dict_reads_through_its_keys_the_shortcode_or_its_values() {
        // Hunt AJ, 4: Hextra's cards and HX2003's project card hand a dict to a partial;
        // the shortcode was taken to read any parameter, its values to be text.
        assert_eq!(
            learned(r#"{{ partial "ctx.html" (dict "ctx" . "cls" "more") }}"#),
            (
                false,
                vec![
                    ("link".to_string(), FieldKind::Url),
                    ("blurb".to_string(), FieldKind::Markdown),
                    ("wide".to_string(), FieldKind::Flag),
                ]
            )
        );
        assert_eq!(
            learned(
                r#"{{ partial "vals.html" (dict "image" (.Get "img") "tags" (.Get "tags")) }}"#
            ),
            (
                false,
                vec![
                    ("img".to_string(), FieldKind::Image),
                    ("tags".to_string(), FieldKind::CommaList),
                ]
            )
        );
        // A partial Folio cannot read, handed the shortcode in a dict: any parameter.
        assert!(learned(r#"{{ partial "gone.html" (dict "ctx" .) }}"#).0);
    }

    #[test]
    fn partial_cached_reads_its_variant_keys_after_a_dict() {
        // Hunt AM, 9: `.Get 1` as the variant was taken for a parameter never read.
        assert_eq!(
            learned(r#"{{ partialCached "vals.html" (dict "image" (.Get 0)) (.Get 1) }}"#),
            (
                false,
                vec![
                    ("#0".to_string(), FieldKind::Image),
                    ("#1".to_string(), FieldKind::Text),
                ]
            )
        );
    }

    #[test]
    fn a_dict_handed_on_or_handed_twice_with_other_values_is_read_for_each() {
        // Review 47a, 5 and 6: a dict handed on to another partial, and one partial handed
        // two dicts of the same keys.
        assert_eq!(
            learned(
                r#"{{ partial "on.html" (dict "ctx" .) }}{{ partial "vals.html" (dict "image" (.Get "a") "tags" (.Get "t")) }}{{ partial "vals.html" (dict "image" (.Get "b") "tags" (.Get "t")) }}"#
            ),
            (
                false,
                vec![
                    ("link".to_string(), FieldKind::Url),
                    ("blurb".to_string(), FieldKind::Markdown),
                    ("wide".to_string(), FieldKind::Flag),
                    ("a".to_string(), FieldKind::Image),
                    ("t".to_string(), FieldKind::CommaList),
                    ("b".to_string(), FieldKind::Image),
                ]
            )
        );
        assert!(learned(r#"{{ partial "json.html" (dict "ctx" .) }}"#).0);
    }

    #[test]
    fn a_template_action_reads_its_own_files_define_before_another_files() {
        let partial = |name: &str| {
            (name == "defs.html").then(|| {
                r#"{{ define "row" }}{{ .Get "p" }}{{ end }}{{ template "row" . }}"#.to_string()
            })
        };
        let define = |name: &str| match name {
            "row" => Some(r#"{{ define "row" }}{{ .Get "elsewhere" }}{{ end }}"#.to_string()),
            "cell" => Some(r#"{{ define "cell" }}{{ .Get "c" }}{{ end }}"#.to_string()),
            _ => None,
        };
        let lookup = Lookup {
            partial: &partial,
            define: &define,
        };
        let keys = |template: &str| {
            let schema = Schema::infer_in(template, lookup).unwrap();
            let keys: Vec<String> = schema.params.iter().map(|p| p.key.to_string()).collect();
            (keys, schema.reads_all_params)
        };
        // The file's own `row` (its defines are read after its body), and another file's
        // `cell`.
        let own = r#"{{ define "row" }}{{ .Get "a" }}{{ end }}{{ template "row" . }}{{ template "cell" . }}"#;
        assert_eq!(keys(own), (vec!["c".to_string(), "a".to_string()], false));
        // A partial's `template` action runs the site's `row`; its own is read too.
        let handed = r#"{{ partial "defs.html" . }}"#;
        assert_eq!(keys(handed).0, ["elsewhere", "p"]);
        // No file defines it: any parameter (Hugo stops on it).
        assert_eq!(keys(r#"{{ template "gone" . }}"#), (vec![], true));
        // Handed something else than the shortcode: nothing read through it.
        assert_eq!(keys(r#"{{ template "cell" "x" }}"#), (vec![], false));
    }

    #[test]
    fn a_shortcode_handed_to_a_partial_reads_what_the_partial_reads() {
        let partials = |name: &str| {
            match name {
            "shortcodes/fig.html" => Some(
                r#"{{ $c := .Get "caption" }}<img src="{{ .Get "src" }}">{{ partial "credit" . }}<p>{{ $c }}</p>"#
                    .to_string(),
            ),
            "credit" => Some(r#"{{ with $.Get "by" }}<i>{{ . }}</i>{{ end }}{{ partial "credit" . }}"#.to_string()),
            _ => None,
        }
        };
        let schema =
            Schema::infer_with(r#"{{ partial "shortcodes/fig.html" . }}"#, &partials).unwrap();
        assert!(!schema.reads_all_params);
        let params: Vec<(String, FieldKind)> = schema
            .params
            .iter()
            .map(|p| (p.key.to_string(), p.kind))
            .collect();
        assert_eq!(
            params,
            [
                ("caption".to_string(), FieldKind::Text),
                ("src".to_string(), FieldKind::Image),
                ("by".to_string(), FieldKind::Text)
            ]
        );
        // A partial Folio cannot read: any parameter, as before.
        let unknown = Schema::infer_with(r#"{{ partial "gone.html" . }}"#, &partials).unwrap();
        assert!(unknown.reads_all_params);
        assert!(
            Schema::infer(r#"{{ partial "shortcodes/fig.html" . }}"#)
                .unwrap()
                .reads_all_params
        );
    }

    #[test]
    fn a_template_is_paired_exactly_when_it_reads_inner() {
        assert!(Schema::infer("<div>{{ .Inner }}</div>").unwrap().paired);
        assert!(
            Schema::infer("{{ $.InnerDeindent | markdownify }}")
                .unwrap()
                .paired
        );
        assert!(!Schema::infer("<b>{{ .Get \"a\" }}</b>").unwrap().paired);
    }

    #[test]
    fn a_template_asks_for_legacy_markup_only_in_its_first_pipeline() {
        let legacy = |t: &str| Schema::infer(t).unwrap().legacy_markup;
        assert!(legacy(
            "{{/* Relearn */}}\n{{- $_hugo_config := `{ \"version\": 1 }` }}{{ .Inner }}"
        ));
        assert!(legacy(
            "{{ $_hugo_config := \"{\\\"version\\\": \\\"1\\\"}\" }}"
        ));
        assert!(!legacy("{{ $_hugo_config := `{ \"version\": 2 }` }}"));
        assert!(!legacy(
            "{{ .Inner }}{{ $_hugo_config := `{ \"version\": 1 }` }}"
        ));
        assert!(!legacy("{{ $config := `{ \"version\": 1 }` }}"));
        // Hugo's weak decoding: any case, a float truncated, `true`.
        assert!(legacy("{{ $_hugo_config := `{ \"Version\": 1.5 }` }}"));
        assert!(legacy("{{ $_hugo_config := `{ \"version\": true }` }}"));
        let refused = |t: &str| Schema::infer(t).unwrap_err();
        assert!(refused("\n{{ $_hugo_config := `{ version: 1 }` }}")
            .starts_with("2:21: failed to decode $_hugo_config in template:"));
        assert!(refused("{{ $_hugo_config := `{ \"version\": \" 1 \" }` }}")
            .contains("cannot parse 'Version' as int"));
    }

    #[test]
    fn named_and_positional_parameters_are_read_in_template_order() {
        let t =
            r#"{{ $.Get "b" }}{{ .Get 1 }}{{ .Params.c }}{{ index .Params "d" }}{{ .Get "b" }}"#;
        let keys: Vec<String> = kinds(t).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["b", "#1", "c", "d"]);
    }

    #[test]
    fn a_positional_parameter_is_named_by_the_variable_the_template_declares_it_into() {
        // Trial 51a, 13: the forms said "Value 1", "Value 2" for `$name`, `$link`.
        let t = r##"{{ $name := .Get 0 }}{{ $link := .Get 1 | default "#" }}{{ $_ := .Get 2 }}
{{ $x := .Get 3 }}{{ $name = .Get 4 }}{{ range $i, $tag := .Get 5 }}{{ end }}{{ .Get 6 }}"##;
        let schema = Schema::infer(t).unwrap();
        let variables: Vec<Option<&str>> = schema
            .params
            .iter()
            .map(|p| p.variable.as_deref())
            .collect();
        assert_eq!(
            variables,
            [Some("name"), Some("link"), None, None, None, None, None]
        );
    }

    #[test]
    fn the_kind_of_a_parameter_comes_from_how_the_template_uses_it() {
        let t = r#"
{{ $d := .Get "desc" }}
<a href="{{ .Get "link" }}"><img src="{{ .Get "image" }}" alt="{{ .Get "title" }}"></a>
<a href="https://github.com/{{ .Get "repo" }}">x</a>
{{ range split (.Get "tech-icons" | default "") " " }}<span class="fab fa-{{ . }}"></span>{{ end }}
{{ range split (.Get "tags") "," }}<i>{{ . }}</i>{{ end }}
{{ with .Get "words" }}{{ range split . " " }}{{ . }}{{ end }}{{ end }}
{{ if eq (.Get "featured") "true" }}<b>★</b>{{ end }}
{{ $d | markdownify }}
{{ with .Get "thumb" }}{{ $img := resources.Get . }}{{ end }}
"#;
        assert_eq!(
            kinds(t),
            [
                ("desc".into(), "markdown"),
                ("link".into(), "url"),
                ("image".into(), "image"),
                ("title".into(), "text"),
                ("repo".into(), "text"),
                ("tech-icons".into(), "icons"),
                ("tags".into(), "commaList"),
                ("words".into(), "words"),
                ("featured".into(), "flag"),
                ("thumb".into(), "image"),
            ]
        );
    }

    #[test]
    fn icons_are_brand_icons_and_solid_ones_are_words() {
        let t = r#"{{ range split (.Get "a") " " }}<i class="fas fa-{{ . }}"></i>{{ end }}{{ range split (.Get "b") " " }}<i class="fa-brands fa-{{ . }}"></i>{{ end }}"#;
        assert_eq!(kinds(t), [("a".into(), "words"), ("b".into(), "icons")]);
    }

    #[test]
    fn a_flag_compared_with_a_boolean_is_written_bare_and_one_compared_with_a_string_is_not() {
        let s = Schema::infer(r#"{{ if eq (.Get "a") true }}A{{ end }}{{ if eq (.Get "b") "true" }}B{{ end }}{{ if .Get "c" }}C{{ end }}"#).unwrap();
        let boolean: Vec<bool> = s.params.iter().map(|p| p.boolean).collect();
        assert_eq!(boolean, [true, false, true]);
    }

    #[test]
    fn a_value_compared_with_a_number_or_ordered_is_text_not_a_checkbox() {
        // Hunt AJ, 2: `cols` of a grid was a checkbox: 2 could not be typed.
        let s = Schema::infer(r#"{{ $cols := .Get "cols" | default 3 }}{{ if eq $cols 2 }}two{{ end }}{{ if gt (.Get "rating") 3 }}*{{ end }}{{ if .Get "wide" }}W{{ end }}"#).unwrap();
        let kinds: Vec<(String, FieldKind, Option<String>)> = s
            .params
            .iter()
            .map(|p| (p.key.to_string(), p.kind, p.default.clone()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("cols".into(), FieldKind::Text, Some("3".into())),
                ("rating".into(), FieldKind::Text, None),
                ("wide".into(), FieldKind::Flag, None),
            ]
        );
    }

    #[test]
    fn a_value_only_compared_with_words_is_a_choice_of_them_and_a_printed_one_keeps_them_as_suggestions(
    ) {
        // Hunt AJ, 7: a status badge's `eq .status "active"` was free text.
        let got = choices(
            r#"{{ $s := .Get "status" | default "draft" }}{{ if ne $s "" }}{{ if eq $s "active" }}A{{ else if eq $s "archived" "gone" }}B{{ end }}{{ end }}{{ if ne (.Get "n") "" }}{{ .Get "n" }}{{ end }}{{ if in (slice "left" "right") (.Get "side") }}S{{ end }}<b class="{{ .Get "tone" }}">{{ if ne (.Get "tone") "plain" }}!{{ end }}</b>{{ if eq (.Get "wide") "true" }}W{{ end }}"#,
        );
        let words = |w: &[&str]| w.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                // Its default is one of the values it takes; `""` is a test of emptiness.
                (
                    "status".into(),
                    FieldKind::Choice,
                    words(&["draft", "active", "archived", "gone"])
                ),
                ("n".into(), FieldKind::Text, words(&[])),
                ("side".into(), FieldKind::Choice, words(&["left", "right"])),
                // Printed too: any text, the words suggested.
                ("tone".into(), FieldKind::Text, words(&["plain"])),
                ("wide".into(), FieldKind::Flag, words(&[])),
            ]
        );
        // Review 48a, 4: `"true"` with other words is one of them; a key into data is any
        // of its keys; a parameter the template may print through `.Params` is text.
        let got = choices(
            r#"{{ if eq (.Get "c") "true" "auto" }}C{{ end }}{{ with index site.Data.tones (.Get "tone") }}{{ .color }}{{ end }}{{ if eq (.Get "tone") "info" }}i{{ end }}"#,
        );
        assert_eq!(
            got,
            [
                ("c".into(), FieldKind::Choice, words(&["true", "auto"])),
                ("tone".into(), FieldKind::Text, words(&["info"])),
            ]
        );
        let s = Schema::infer(
            r#"{{ if eq (.Get "t") "a" }}A{{ end }}{{ range $k, $v := .Params }}{{ $v }}{{ end }}"#,
        )
        .unwrap();
        assert_eq!(s.params.first().map(|p| p.kind), Some(FieldKind::Text));
        // Review 48c, 1 and 2: the set `in` looks in holds anything (Docsy's
        // `conditional-text`); a boolean compared beside words is one of them, written bare.
        let got = choices(
            r#"{{ $c := .Get "c" }}{{ if eq $c true }}Y{{ else if eq $c "auto" }}A{{ end }}{{ if in (.Get "include-if") site.Params.env }}I{{ end }}"#,
        );
        assert_eq!(
            got,
            [
                ("c".into(), FieldKind::Choice, words(&["auto", "true"])),
                ("include-if".into(), FieldKind::Text, words(&[])),
            ]
        );
        let s = Schema::infer(
            r#"{{ if eq (.Get "c") true }}Y{{ else if eq (.Get "c") "auto" }}A{{ end }}"#,
        )
        .unwrap();
        assert!(s.params.first().is_some_and(|p| p.boolean));
    }

    #[test]
    fn a_flag_is_on_when_unset_only_where_a_test_of_its_value_takes_nothing_as_on() {
        // Review 48e, 1: tested only with `isset`, it showed ticked when unset, and
        // unticking wrote `autoplay=false`, which `isset` takes as on.
        let unset_on = |template: &str| {
            Schema::infer(template)
                .unwrap()
                .params
                .iter()
                .map(|p| p.unset_on)
                .collect::<Vec<bool>>()
        };
        assert_eq!(
            unset_on(r#"{{ if isset .Params "autoplay" }}a{{ end }}"#),
            [false]
        );
        assert_eq!(
            unset_on(r#"{{ if in "true" (.Get "a") }}a{{ end }}"#),
            [false]
        );
        assert_eq!(unset_on(r#"{{ if .Get "a" }}a{{ end }}"#), [false]);
        assert_eq!(
            unset_on(r#"{{ if not (eq (.Get "b") false) }}b{{ end }}"#),
            [true]
        );
        assert_eq!(
            unset_on(r#"{{ if .Get "t" | default true }}t{{ end }}"#),
            [true]
        );
    }

    /// Each parameter `template` reads: its key, kind and choices.
    fn choices(template: &str) -> Vec<(String, FieldKind, Vec<String>)> {
        Schema::infer(template)
            .unwrap()
            .params
            .iter()
            .map(|p| (p.key.to_string(), p.kind, p.choices.clone()))
            .collect()
    }

    /// Each parameter `template` reads: its key, kind, default, and whether it is written
    /// bare.
    fn flags(template: &str) -> Vec<(String, FieldKind, Option<String>, bool)> {
        Schema::infer(template)
            .unwrap()
            .params
            .iter()
            .map(|p| (p.key.to_string(), p.kind, p.default.clone(), p.boolean))
            .collect()
    }

    #[test]
    fn a_flag_only_compared_with_false_is_on_unless_set_to_false() {
        // Hunt AJ, 3: Hextra's badge draws its border unless `border=false`; the form
        // showed it off, and could not write false.
        assert_eq!(
            flags(
                r#"{{ $border := not (eq (.Get "border") false) | default true }}{{ if $border }}b{{ end }}{{ if eq (.Get "a") false }}{{ end }}{{ if .Get "a" }}{{ end }}{{ $t := .Get "t" | default true }}{{ if $t }}T{{ end }}"#
            ),
            [
                ("border".into(), FieldKind::Flag, Some("true".into()), true),
                // Also tested as it is: unset is false there.
                ("a".into(), FieldKind::Flag, None, true),
                ("t".into(), FieldKind::Flag, Some("true".into()), true),
            ]
        );
        // Review 47b, 1 and 47a, 12: on unless it is the text "false" (gohugoio's `code`
        // shortcode), or tested with `isset` then compared with false.
        assert_eq!(
            flags(
                r#"{{ if ne (.Get "copy") "false" }}C{{ end }}{{ if and (isset .Params "b") (eq (.Get "b") false) }}plain{{ end }}"#
            ),
            [
                ("copy".into(), FieldKind::Flag, Some("true".into()), false),
                ("b".into(), FieldKind::Flag, Some("true".into()), true),
            ]
        );
    }

    #[test]
    fn a_template_that_computes_the_name_it_gets_may_read_any_parameter() {
        for computed in [
            "{{ range slice \"a\" \"b\" }}{{ $.Get . }}{{ end }}",
            "{{ $n := \"a\" }}{{ .Get $n }}",
            "{{ \"a\" | .Get }}",
        ] {
            assert!(
                Schema::infer(computed).unwrap().reads_all_params,
                "{computed}"
            );
        }
    }

    #[test]
    fn a_page_bundle_image_and_a_partial_given_the_shortcode_are_understood() {
        let s = Schema::infer(r#"{{ with .Page.Resources.Get (.Get "src") }}<img src="{{ .RelPermalink }}">{{ end }}{{ partial "card.html" . }}"#).unwrap();
        assert_eq!(s.params.first().map(|p| p.kind), Some(FieldKind::Image));
        assert!(s.reads_all_params);
    }

    #[test]
    fn a_default_is_read_from_default_and_or() {
        let s = Schema::infer(r#"{{ .Get "a" | default "left" }}{{ or (.Get "b") "x" }}"#).unwrap();
        assert_eq!(
            s.param(&ParamKey::Named("a".into()))
                .unwrap()
                .default
                .as_deref(),
            Some("left")
        );
        assert_eq!(
            s.param(&ParamKey::Named("b".into()))
                .unwrap()
                .default
                .as_deref(),
            Some("x")
        );
    }

    #[test]
    fn inner_anywhere_in_a_field_chain_makes_it_paired() {
        assert!(
            Schema::infer("{{ $c := . }}<div>{{ $c.Inner }}</div>")
                .unwrap()
                .paired
        );
        assert!(Schema::infer("{{ (.).InnerDeindent }}").unwrap().paired);
    }

    #[test]
    fn what_the_arguments_of_an_unfollowed_method_read_counts() {
        let s = Schema::infer(r#"{{ .Parent.Store.Set "tabs" (dict "name" (.Get "name") "content" .InnerDeindent) }}"#).unwrap();
        assert!(s.paired);
        assert_eq!(
            s.params.first().map(|p| &p.key),
            Some(&ParamKey::Named("name".into()))
        );
    }

    #[test]
    fn what_the_arguments_of_a_method_of_a_variable_or_a_pipeline_read_counts() {
        let s = Schema::infer(
            r#"{{ $r := .Page.Resources }}{{ with $r.GetMatch (.Get "a") }}{{ end }}
{{ with (.Page.Resources.ByType "image").GetMatch (.Get "name") }}{{ .RelPermalink }}{{ end }}
{{ $img := resources.Get "x.png" }}{{ ($img.Resize (.Get "size")).RelPermalink }}
{{ $s := newScratch }}{{ $s.Set "x" (.Get "val") }}{{ $s.Get "x" }}"#,
        )
        .unwrap();
        let keys: Vec<String> = s.params.iter().map(|p| p.key.to_string()).collect();
        assert_eq!(keys, ["a", "name", "size", "val"]);
        let name = s.param(&ParamKey::Named("name".into())).unwrap();
        assert_eq!(name.kind, FieldKind::Image);
        let size = s.param(&ParamKey::Named("size".into())).unwrap();
        assert_eq!(size.kind, FieldKind::Text);
    }

    #[test]
    fn reading_params_as_a_whole_is_noted() {
        assert!(
            Schema::infer("{{ range $k, $v := .Params }}{{ $k }}{{ end }}")
                .unwrap()
                .reads_all_params
        );
    }

    #[test]
    fn a_broken_template_is_an_error_with_its_position() {
        let e = Schema::infer("<b>\n{{ .Get \"a\" | | }}</b>").unwrap_err();
        assert!(e.contains("2:"), "{e}");
    }

    #[test]
    fn the_shortcode_held_by_a_variable_reads_its_parameters() {
        let s = Schema::infer("{{ $c := . }}{{ $c.Get \"display\" }}{{ $c.Params.size }}").unwrap();
        let keys: Vec<_> = s.params.iter().map(|p| p.key.clone()).collect();
        assert_eq!(
            keys,
            [
                ParamKey::Named("display".into()),
                ParamKey::Named("size".into())
            ]
        );
        assert!(!s.reads_all_params);
    }

    #[test]
    fn the_shortcode_handed_to_a_dict_may_read_any_parameter() {
        // shadocs: a `define`d template and a partial read `.context.Get "display"`.
        for t in [
            "{{ template \"show\" (dict \"context\" $) }}{{ define \"show\" }}{{ .context.Get \"display\" }}{{ end }}",
            "{{ partial \"tree.html\" (dict \"context\" .) }}",
            "{{ $c := . }}{{ partial \"tree.html\" (dict \"context\" $c) }}",
        ] {
            assert!(Schema::infer(t).unwrap().reads_all_params, "{t}");
        }
        // Dot is a parameter's value there, not the shortcode.
        for t in [
            "{{ with .Get \"x\" }}{{ dict \"v\" . }}{{ end }}",
            "{{ range split (.Get \"x\") \",\" }}{{ dict \"v\" . }}{{ end }}",
            "{{ if eq . nil }}{{ end }}{{ .Get \"x\" }}",
        ] {
            assert!(!Schema::infer(t).unwrap().reads_all_params, "{t}");
        }
    }

    #[test]
    fn a_parameter_of_the_shortcode_around_is_noted_as_the_parents() {
        // squidfingers' `details` in its `accordion`.
        let s = Schema::infer(
            "{{ with .Parent }}{{ .Get \"name\" }}{{ $.Get \"own\" }}{{ end }}{{ .Parent.Get 0 }}{{ .Get \"summary\" }}",
        )
        .unwrap();
        assert_eq!(
            s.parent_params,
            [ParamKey::Named("name".into()), ParamKey::Positional(0)]
        );
        let own: Vec<_> = s.params.iter().map(|p| p.key.clone()).collect();
        assert_eq!(
            own,
            [
                ParamKey::Named("own".into()),
                ParamKey::Named("summary".into())
            ]
        );
    }
}
