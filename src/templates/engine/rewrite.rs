//! Hugo's method calls as functions: `gotmpl` evaluates Go's template grammar but has no
//! methods, so the parse tree is rewritten before it is executed.
//!
//! - A field chain ending in a method name, `.Get "x"`, `$.Get 0`, `.Page.Param "k"`,
//!   `.Parent.Get "x"`, `.Scratch.Set "k" 1`, `.Date.Format "2006"`, becomes a call of
//!   the function `.Get` (the method's name with its dot) with the receiver first:
//!   `.Get . "x"`, `.Param .Page "k"`. The function dispatches on what the receiver is.
//!   A field chain given arguments that ends in a name Folio does not know as a method is
//!   rewritten the same way, so running it names the method Folio lacks.
//! - A namespaced function, `strings.TrimSpace`, `urls.Parse`, `math.Add` (Go reads it as
//!   the function `strings` and the field `TrimSpace`), becomes the function
//!   `strings.TrimSpace`.
//!
//! - An action that prints what may be a time, a duration or a media type (`{{ .Date }}`,
//!   `{{ now }}`, `{{ .Date.Sub $t }}`, `{{ .MediaType }}`: Go prints these through their
//!   `String` methods, and Folio's are maps), or a float (`{{ mul 2.5 1e6 }}`,
//!   `{{ .Get "price" }}`: Go writes `2.5e+06` where `gotmpl` writes Rust's `2500000`),
//!   gets [`PRINT`] as its last command. Actions that cannot print either (`{{ .Inner }}`,
//!   `{{ "x" }}`, `{{ .Title | upper }}`) are left as they are.
//!
//! - A `range`'s pipeline gets [`ENTRIES`] as its last command, which gives a params map
//!   with each key once (not one that ends in a function making a new list).
//!
//! - A field of Hugo's page, site or shortcode context that Folio's may lack
//!   (`.Site.RegularPages`, `.Page.GitInfo`, `.Page.Titel`) becomes a call of [`FIELD`],
//!   which gives the field, or fails as Hugo fails or saying that Folio cannot give it.
//!
//! - A `template` action naming what its file does not define but the site has (a
//!   partial, another file's `define`) becomes a call of [`TEMPLATE`], which runs it
//!   ([`partial_templates`]).
//!
//! The rewrite also lists every function the template calls, with its position
//! ([`Calls`]): the template gets those functions (and one that fails saying why for each
//! Folio cannot run), and a failure is located at the call that names it.

use gotmpl::parse::{ActionNode, CommandNode, Expr, ListNode, Node, PipeNode, Pos, SmolStr};

/// Method names Hugo's objects have that Folio gives as functions (`.Get` and so on),
/// with [`NO_ARGUMENTS`]. Anything else after a dot is read as a field of a map.
pub const METHODS: &[&str] = &[
    "Get",
    "Set",
    "Add",
    "SetInMap",
    "DeleteInMap",
    "Delete",
    "Param",
    "GetMatch",
    "Match",
    "ByType",
    "GetPage",
    "RenderString",
    "Format",
    "AddDate",
    "IsSet",
    "Ref",
    "RelRef",
];

/// Namespaces of Hugo's template functions (`tpl/*`): `NS.Func` is one function.
const NAMESPACES: &[&str] = &[
    "cast",
    "collections",
    "compare",
    "crypto",
    "css",
    "data",
    "debug",
    "diagrams",
    "encoding",
    "fmt",
    "hash",
    "hugo",
    "images",
    "inflect",
    "js",
    "lang",
    "math",
    "openapi3",
    "os",
    "partials",
    "path",
    "reflect",
    "resources",
    "safe",
    "strings",
    "templates",
    "time",
    "transform",
    "urls",
];

/// A function a template calls, and where (byte offset in its source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// The function's name as Folio registers it (`split`, `strings.TrimSpace`, `.Get`).
    pub name: String,
    /// Byte offset of the call in the template source.
    pub offset: usize,
}

/// Every function call found while rewriting, in source order of discovery.
pub type Calls = Vec<Call>;

/// The function an action that prints a value of Go's with a `String` method, or a
/// float, ends with: it writes a time, a duration, a media type or a float (alone or in a
/// list or map) as Go's `fmt` does, and gives anything else back.
pub const PRINT: &str = "__folio_print";

/// The function a `range`'s pipeline ends with, given how many variables the range
/// declares: the value it ranges over, a params map without the spellings Folio adds for
/// lookups ([`super::values::is_alias`]).
pub const ENTRIES: &str = "__folio_entries";

/// The function a command Go's template refuses to run becomes, with Go's message as its
/// one argument: arguments given to a constant, the dot or a variable (`{{ "x" 1 }}`:
/// "can't give argument to non-function \"x\""), or nil alone ("nil is not a command";
/// `evalCommand` in `text/template/exec.go`). It stops there, at that word, as Go does
/// ([`non_functions`]); the message then writes the word as the template does
/// (`Executable::located`).
pub const NON_FUNCTION: &str = "__folio_non_function";

/// A page's date fields: times (`.Date.Month` is a date's month).
const DATE_FIELDS: &[&str] = &["Date", "Lastmod", "PublishDate", "ExpiryDate"];

/// The function an action that prints a date's `.Month` calls instead, on the date: Go's
/// `time.Month` is an integer that prints as its English name (`March`).
pub const MONTH: &str = "__folio_month";

/// The function a test that may read a date goes through (the pipeline of an `if` or a
/// `with`, an argument of `and`, `or` or `not`): Go's zero time is false, as Hugo's
/// templates test truth (`hreflect.IsTruthfulValue`, which asks a value's `IsZero`), so
/// `{{ with .Lastmod }}` skips a page with no date. Any other value is given back.
pub const TRUTH: &str = "__folio_truth";

/// The function an action inside a `<script>` ends in: Go's JavaScript escaper writes a
/// value as `json.Marshal` does (a time as RFC 3339 text, a duration in a list as its
/// nanoseconds), but a `fmt.Stringer` alone through its `String` (a duration), where
/// [`PRINT`] would write a time's `String`.
pub const JS_VALUE: &str = "__folio_js_value";

/// A page's date fields as a params map names them (`.Params.lastmod`).
const PARAM_DATES: &[&str] = &["date", "lastmod", "publishdate", "expirydate"];

/// Rewrites a template body in place, returning the functions it calls.
pub fn rewrite(list: &mut ListNode) -> Calls {
    rewrite_body(list, false)
}

/// [`rewrite`] of a shortcode's own body, where the dot is the shortcode: a variable
/// holding its container is read as Hugo reads a nil pointer ([`container_reads`]).
pub fn rewrite_shortcode(list: &mut ListNode) -> Calls {
    rewrite_body(list, true)
}

fn rewrite_body(list: &mut ListNode, shortcode: bool) -> Calls {
    let mut calls = Calls::new();
    // Inside a script, Go writes a float as JSON (`2500000`): a float made text there
    // would be written as a quoted string.
    let texts = texts(list);
    let scripts = script_ranges(&texts);
    let texts: Vec<(usize, String)> = texts.into_iter().map(|(k, t)| (k, t.to_string())).collect();
    let lookups = ResourceLookups::of(list);
    container_reads(list, shortcode, &mut calls);
    each_pipe(list, &mut |p, of| {
        let action = of == PipeOf::Action;
        if action {
            month_name(p, &mut calls);
        }
        non_functions(p, &mut calls);
        pipe(p, &mut calls);
        date_tests(p, of == PipeOf::Test, &mut calls);
        if of == PipeOf::Range {
            range_entries(p, &mut calls);
        }
        let script = scripts.iter().find(|r| r.contains(&p.pos.offset));
        let js_value = script.is_some_and(|r| !in_js_string(&texts, r.start, p.pos.offset));
        if action && js_value && !p.is_assign && p.decl.is_empty() {
            end_with(p, JS_VALUE, &mut calls);
        } else if action && (prints_a_stringer(p) || may_print_a_float(p)) {
            end_with(p, PRINT, &mut calls);
        }
    });
    hugo_fields(list, &mut calls, &lookups);
    nil_dots(list, &mut calls);
    calls
}

/// `{{ template "x" }}`: Go runs `x` with nil as its dot, where `gotmpl` hands it the
/// caller's; the call is given [`NIL`]'s nil.
fn nil_dots(list: &mut ListNode, calls: &mut Calls) {
    each_node(list, &mut |node| {
        let Node::Template(t) = node else {
            return;
        };
        if t.pipe.is_some() {
            return;
        }
        t.pipe = Some(nil_pipe(t.pos, calls));
    });
}

/// A pipeline at `pos` that gives nil (a call of [`NIL`], listed in `calls`).
fn nil_pipe(pos: Pos, calls: &mut Calls) -> PipeNode {
    calls.push(Call {
        name: NIL.to_string(),
        offset: pos.offset,
    });
    PipeNode {
        pos,
        decl: Vec::new(),
        commands: vec![CommandNode {
            pos,
            args: vec![Expr::Identifier(pos, NIL.into())],
        }],
        is_assign: false,
    }
}

/// The function that gives nil ([`nil_dots`]).
pub const NIL: &str = "__folio_nil";

/// `{{ template "partials/x.html" ARG }}`, `{{ template "_partials/x.html" ARG }}`: Hugo's
/// template namespace holds each partial file under these names (Hugo 0.146's
/// `_partials/`, and `partials/` for a file of the older folder; checked with Hugo 0.168),
/// its own embedded ones as `_internal/NAME`, and every layout's `define`s, where
/// `gotmpl`'s holds the file's own `define`s only. Such an action, when `runs` says so of
/// its name, becomes an action calling [`TEMPLATE`] with the name and the dot it hands on
/// (nil without one, as Go's). `source` is the template's text: the call is listed at the
/// name, where Go's parser says a name holds no template.
pub fn partial_templates(list: &mut ListNode, source: &str, runs: &dyn Fn(&str) -> bool) -> Calls {
    let mut calls = Calls::new();
    let texts: Vec<(usize, String)> = texts(list)
        .into_iter()
        .map(|(k, t)| (k, t.to_ascii_lowercase()))
        .collect();
    each_node(list, &mut |node| {
        let Node::Template(t) = node else {
            return;
        };
        let name = t.name.to_string();
        if !runs(&name) {
            return;
        }
        let pos = t.pos;
        // Go escapes the template's text for where the action stands; Folio's call gives
        // its output as HTML, which is right in HTML text only.
        let function = if in_html_text(&texts, pos.offset) {
            TEMPLATE
        } else {
            TEMPLATE_ELSEWHERE
        };
        let at = source
            .get(pos.offset..)
            .and_then(|s| s.strip_prefix("template"))
            .map_or(pos.offset, |rest| source.len() - rest.trim_start().len());
        let dot = match t.pipe.take() {
            Some(pipe) => pipe,
            None => nil_pipe(pos, &mut calls),
        };
        calls.push(Call {
            name: function.to_string(),
            offset: at,
        });
        let name_pos = Pos {
            offset: at,
            line: pos.line,
        };
        *node = Node::Action(ActionNode {
            pos,
            pipe: PipeNode {
                pos,
                decl: Vec::new(),
                commands: vec![CommandNode {
                    pos: name_pos,
                    args: vec![
                        Expr::Identifier(name_pos, function.into()),
                        Expr::String(name_pos, name.into()),
                        Expr::Pipe(pos, dot),
                    ],
                }],
                is_assign: false,
            },
        });
    });
    calls
}

/// Whether a `template` action naming `name` names a partial, or one of Hugo's own
/// templates ([`partial_templates`]), when the file does not define `name`.
pub fn runs_a_partial(name: &str) -> bool {
    partial_name(name).is_some() || name.starts_with("_internal/")
}

/// The partial a `template` action's name names, as `partial` names it: `x.html` of
/// `partials/x.html` or `_partials/x.html`.
pub fn partial_name(name: &str) -> Option<&str> {
    name.strip_prefix("partials/")
        .or_else(|| name.strip_prefix("_partials/"))
}

/// Whether the action at `offset` stands in HTML text, read from the template's text
/// before it (`texts`, lower-cased: [`texts`]): not inside a tag (`<a title="{{ … }}">`)
/// nor inside a script, a style, a title or a textarea, where Go's escaper writes a value
/// another way.
fn in_html_text(texts: &[(usize, String)], offset: usize) -> bool {
    let before: String = texts
        .iter()
        .take_while(|(k, _)| *k < offset)
        .map(|(_, t)| t.as_str())
        .collect();
    let in_tag = before.rfind('<').is_some_and(|lt| {
        let rest = before.get(lt + 1..).unwrap_or_default();
        rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
            && !rest.contains('>')
    });
    let in_element = ["script", "style", "title", "textarea"]
        .iter()
        .any(|e| before.rfind(&format!("<{e}")) > before.rfind(&format!("</{e}")));
    !in_tag && !in_element
}

/// The function that fails saying why Folio does not run what a `template` action names
/// outside its file where the action stands outside HTML text ([`partial_templates`]).
pub const TEMPLATE_ELSEWHERE: &str = "__folio_template_elsewhere";

/// The function that runs what a `template` action names outside its file
/// ([`partial_templates`]).
pub const TEMPLATE: &str = "__folio_template";

/// What holds a page resource lookup's result (`.Page.Resources.Get "a.png"`,
/// `resources.GetMatch …`): Go's `resource.Resource`, an interface that is nil when
/// nothing is found, whose field Go's template then refuses ("nil pointer evaluating
/// resource.Resource.RelPermalink", which stops Hugo), where a missing map key's field is
/// nothing. The parenthesised lookups, by their offset, and the variables only ever
/// assigned one.
#[derive(Default)]
struct ResourceLookups {
    pipes: std::collections::HashSet<usize>,
    variables: std::collections::HashSet<String>,
}

impl ResourceLookups {
    /// The lookups of `list`, read before any rewrite.
    fn of(list: &mut ListNode) -> ResourceLookups {
        let mut found = ResourceLookups {
            variables: only_assigned(list, is_lookup),
            ..ResourceLookups::default()
        };
        each_expr(list, &mut |e| {
            if let Expr::Pipe(pos, p) = e {
                if is_lookup(p) {
                    found.pipes.insert(pos.offset);
                }
            }
        });
        found
    }

    /// The Go type `receiver` holds when it holds a lookup's result.
    fn type_of(&self, receiver: &Expr) -> Option<&'static str> {
        let held = match receiver {
            Expr::Pipe(pos, _) => self.pipes.contains(&pos.offset),
            Expr::Variable(_, var, fields) => {
                fields.is_empty() && self.variables.contains(var.as_str())
            }
            _ => false,
        };
        held.then_some("resource.Resource")
    }
}

/// The variables of `list` only ever assigned (`:=`, `=`, never by `range`) a pipeline
/// that `is_one` says is one of a kind.
fn only_assigned(
    list: &mut ListNode,
    is_one: fn(&PipeNode) -> bool,
) -> std::collections::HashSet<String> {
    let mut found = std::collections::HashSet::new();
    let mut other = std::collections::HashSet::new();
    each_pipe(list, &mut |p, of| {
        for var in &p.decl {
            if of != PipeOf::Range && is_one(p) {
                found.insert(var.to_string());
            } else {
                other.insert(var.to_string());
            }
        }
    });
    found.retain(|v| !other.contains(v));
    found
}

/// A field read of a variable that holds the shortcode's container
/// ([`container_variables`]: `{{ $era := .Parent }}`, then `$era.Parent` or
/// `$era.Get "x"`) goes through [`CONTAINER`], which fails as Hugo's nil pointer does when
/// the call has no container, where a field of nil would read as nil (hunt AM, 5).
/// `with $era` and `if $era` are left as they are. Only in a shortcode's own body, where
/// the dot is the shortcode (`shortcode`).
fn container_reads(list: &mut ListNode, shortcode: bool, calls: &mut Calls) {
    let containers = if shortcode {
        container_variables(list)
    } else {
        std::collections::HashSet::new()
    };
    if containers.is_empty() {
        return;
    }
    each_expr(list, &mut |e| {
        let Expr::Variable(pos, name, fields) = e else {
            return;
        };
        if fields.is_empty() || !containers.contains(name.as_str()) {
            return;
        }
        let (pos, chain_pos) = (*pos, fields_pos(e));
        let Expr::Variable(_, name, fields) = e else {
            return;
        };
        let first = fields.first().cloned().unwrap_or_default();
        let holder = Expr::Variable(pos, name.clone(), Vec::new());
        let rest = std::mem::take(fields);
        *e = Expr::Chain(
            chain_pos,
            Box::new(call(
                chain_pos,
                CONTAINER,
                vec![Expr::String(chain_pos, first.as_str().into()), holder],
            )),
            rest,
        );
        calls.push(Call {
            name: CONTAINER.to_string(),
            offset: chain_pos.offset,
        });
    });
}

/// The variables of a shortcode's body that hold its container (or the shortcode, which
/// is never nil), and nothing else: assigned `.Parent` (`.Parent.Parent`) where the dot
/// is the shortcode (its body, an `if`'s, a `with`'s of the shortcode, an `else`'s of a
/// `with` or `range` there), `$.Parent`, or `$v.Parent` of such a variable or of one
/// holding the shortcode (`$s := $`); or such a variable itself. A variable assigned
/// anything else may hold a nil of another kind (a page's `.Parent`, a map's missing
/// key), whose fields read as nothing (reviews 50b, 1 and 50c, 1). A `define` or a
/// partial handed the shortcode is not followed.
fn container_variables(list: &ListNode) -> std::collections::HashSet<String> {
    // Every variable may hold a container at first (`$p = $p.Parent` reads itself), and
    // is taken out once it may hold anything else, until what each holds is settled.
    let mut known = HeldVars {
        any: true,
        ..HeldVars::default()
    };
    // Each round takes one variable out at least, or settles (review 50e, 6): as many
    // rounds as the first finds variables, and one more, are enough.
    let mut rounds = usize::MAX;
    let mut round = 0;
    while round <= rounds {
        let mut next = HeldVars::default();
        next.walk(list, true, &known);
        if round == 0 {
            rounds = next.container.len() + next.shortcode.len() + next.other.len() + 1;
        }
        next.container.retain(|v| !next.other.contains(v));
        // What also holds a value is not surely the shortcode, whose `.Parent` is a
        // container (`(dict).Parent` is nil, and no error).
        let (other, value) = (&next.other, &next.value);
        next.shortcode
            .retain(|v| !other.contains(v) && !value.contains(v));
        next.value.retain(|v| !next.other.contains(v));
        let settled = !known.any
            && next.container == known.container
            && next.shortcode == known.shortcode
            && next.value == known.value;
        known = next;
        if settled {
            break;
        }
        round += 1;
    }
    known.container
}

/// What [`container_variables`] learns of each variable: assigned a container, the
/// shortcode, or anything else.
#[derive(Default)]
struct HeldVars {
    /// Whether any variable may hold either (the first guess).
    any: bool,
    container: std::collections::HashSet<String>,
    shortcode: std::collections::HashSet<String>,
    value: std::collections::HashSet<String>,
    other: std::collections::HashSet<String>,
}

/// What an assigned value holds, to [`HeldVars`].
#[derive(PartialEq)]
enum Held {
    /// The shortcode's container, or nil for none.
    Container,
    /// The shortcode (or a container under `with`): never nil, and its `.Parent` is a
    /// container.
    Shortcode,
    /// A literal, a new map or list: never nil, and nothing more is known.
    Value,
    /// Anything else.
    Other,
}

impl HeldVars {
    /// What `arg` holds where the dot is the shortcode or a container (`root`), with
    /// `known` variables. A literal, a `dict` or a `slice` is never nil, as the shortcode
    /// is not (reviews 50e, 2 and 50f, 4).
    fn held(arg: &[Expr], root: bool, known: &HeldVars) -> Held {
        let parents = |f: &[SmolStr]| !f.is_empty() && f.iter().all(|f| f == "Parent");
        let shortcode_var = |v: &str| v == "$" || known.any || known.shortcode.contains(v);
        let container_var = |v: &str| known.any || known.container.contains(v);
        match arg {
            [Expr::String(..) | Expr::Number(..) | Expr::Bool(..)] => Held::Value,
            // A new map or list (`$p := dict`): no nil either (review 50f, 4).
            [Expr::Identifier(_, f), ..] if matches!(f.as_str(), "dict" | "slice") => Held::Value,
            [Expr::Dot(_)] if root => Held::Shortcode,
            [Expr::Field(_, f)] if root && parents(f) => Held::Container,
            // An alias of a variable that may hold a container may hold one (review 50f, 4).
            [Expr::Variable(_, v, f)] if f.is_empty() && container_var(v) => Held::Container,
            [Expr::Variable(_, v, f)] if f.is_empty() && shortcode_var(v) => Held::Shortcode,
            [Expr::Variable(_, v, f)] if f.is_empty() && known.value.contains(v.as_str()) => {
                Held::Value
            }
            // `$v.Parent` of what holds the shortcode or a container, and no value (a
            // map's `.Parent` is nil, and no error: review 50g, 1).
            [Expr::Variable(_, v, f)]
                if parents(f)
                    && (shortcode_var(v) || container_var(v))
                    && !known.value.contains(v.as_str()) =>
            {
                Held::Container
            }
            _ => Held::Other,
        }
    }

    fn walk(&mut self, list: &ListNode, root: bool, known: &HeldVars) {
        for node in &list.nodes {
            let (pipe, branch, body_root) = match node {
                Node::Action(a) => (Some(&a.pipe), None, root),
                Node::If(b) => (Some(&b.pipe), Some(b), root),
                Node::Range(b) => (Some(&b.pipe), Some(b), false),
                Node::With(b) => {
                    let arg = match b.pipe.commands.as_slice() {
                        [c] if b.pipe.decl.is_empty() => c.args.as_slice(),
                        _ => &[],
                    };
                    // Under `with .` or `with .Parent`, the dot is the shortcode or a
                    // container (not nil there), whose `.Parent` is one; under `with dict`
                    // a map, whose `.Parent` is nil and no error (review 50g, 1).
                    let of_holder = matches!(
                        HeldVars::held(arg, root, known),
                        Held::Shortcode | Held::Container
                    );
                    (Some(&b.pipe), Some(b), of_holder)
                }
                Node::List(l) => {
                    self.walk(l, root, known);
                    (None, None, root)
                }
                _ => (None, None, root),
            };
            if let Some(p) = pipe.filter(|p| !p.decl.is_empty()) {
                let ranged = matches!(node, Node::Range(_) | Node::With(_));
                let held = match p.commands.as_slice() {
                    [c] if !ranged => HeldVars::held(&c.args, root, known),
                    _ => Held::Other,
                };
                let into = match held {
                    Held::Container => &mut self.container,
                    Held::Shortcode => &mut self.shortcode,
                    Held::Value => &mut self.value,
                    Held::Other => &mut self.other,
                };
                into.extend(p.decl.iter().map(ToString::to_string));
            }
            if let Some(b) = branch {
                self.walk(&b.body, body_root, known);
                // An `else`'s dot is the dot outside.
                if let Some(e) = &b.else_body {
                    self.walk(e, root, known);
                }
            }
        }
    }
}

/// The function a field of a variable holding a container is read through
/// ([`container_reads`]): the container, or an error when it is nil.
pub const CONTAINER: &str = "__folio_container";

/// Whether pipeline `p` is one resource lookup: `X.Resources.Get …` (or `.GetMatch`), or
/// `resources.Get …` (or `.GetMatch`).
fn is_lookup(p: &PipeNode) -> bool {
    let [command] = p.commands.as_slice() else {
        return false;
    };
    let get = |f: &[SmolStr]| f.last().is_some_and(|s| s == "Get" || s == "GetMatch");
    match command.args.first() {
        Some(Expr::Identifier(_, name)) => {
            matches!(name.as_str(), "resources.Get" | "resources.GetMatch")
        }
        // `resources.Get`, as Go's parser reads a namespace's function.
        Some(Expr::Chain(_, inner, f))
            if matches!(&**inner, Expr::Identifier(_, ns) if ns == "resources") && f.len() == 1 =>
        {
            get(f)
        }
        Some(Expr::Field(_, f) | Expr::Variable(_, _, f) | Expr::Chain(_, _, f)) => {
            f.iter().any(|s| s == "Resources") && get(f)
        }
        _ => false,
    }
}

/// A `range`'s pipeline gets [`ENTRIES`] as its last command, unless it ends in a
/// function that gives a new list (`range split …`, `range seq 3`: the common case in a
/// shortcode, left without the extra call).
fn range_entries(p: &mut PipeNode, calls: &mut Calls) {
    const LISTS: &[&str] = &[
        "split",
        "strings.Split",
        "seq",
        "slice",
        "where",
        "sort",
        "first",
        "last",
        "after",
        "shuffle",
        "uniq",
        "union",
        "intersect",
        "complement",
        "symdiff",
        "findRE",
        "apply",
        "readDir",
    ];
    let new_list = p
        .commands
        .last()
        .and_then(|c| c.args.first())
        .is_some_and(|e| matches!(e, Expr::Identifier(_, n) if LISTS.contains(&n.as_str())));
    if !new_list {
        // Placed where Go says a range went wrong: at what it evaluated last.
        let at = p.commands.last().map_or(p.pos, go_at);
        end_with_at(p, ENTRIES, at, calls);
        // How many variables the range declares: Go counts a number with one only.
        let variables = i64::try_from(p.decl.len()).unwrap_or(i64::MAX);
        if let Some(entries) = p.commands.last_mut() {
            let number = gotmpl::parse::Number::Int(variables);
            entries.args.push(Expr::Number(at, number));
        }
    }
}

/// Where Go's template says a command's value went wrong: at the last thing it evaluated
/// (`state.at`, `text/template/exec.go`): a function's last argument, else the command's
/// one word; a field chain (`.Page.Params.x`) at its second field and a variable's
/// (`$.Page.x`) at its first, where Go's parser puts them (checked: Hugo 0.168).
fn go_at(cmd: &CommandNode) -> Pos {
    let word = if cmd.args.len() > 1 {
        cmd.args.last()
    } else {
        cmd.args.first()
    };
    match word {
        Some(Expr::Field(pos, fields)) if fields.len() >= 2 => Pos {
            offset: pos.offset + 1 + fields.first().map_or(0, |f| f.len()),
            line: pos.line,
        },
        // A variable's fields (`$.Page.x`, `$v.x`) at the first.
        Some(Expr::Variable(pos, name, fields)) if !fields.is_empty() => Pos {
            offset: pos.offset + name.len(),
            line: pos.line,
        },
        Some(Expr::Pipe(_, p)) => p.commands.last().map_or(cmd.pos, go_at),
        Some(e) => e.pos(),
        None => cmd.pos,
    }
}

/// Each command of `p` that Go refuses to run made a call of [`NON_FUNCTION`], located at
/// its first word: a constant (a string, a number, a bool, nil), the dot or a variable
/// given arguments, and nil alone; in parenthesised pipelines too (`{{ print ("x" 1) }}`).
fn non_functions(p: &mut PipeNode, calls: &mut Calls) {
    for cmd in &mut p.commands {
        let written = match cmd.args.first() {
            Some(Expr::Nil(_)) if cmd.args.len() == 1 => {
                refuse(cmd, "nil is not a command".to_string(), calls);
                continue;
            }
            _ if cmd.args.len() < 2 => None,
            Some(Expr::String(_, s)) => Some(super::values::go_quote(s, "")),
            Some(Expr::Number(_, n)) => Some(match n {
                gotmpl::parse::Number::Int(i) => i.to_string(),
                gotmpl::parse::Number::Uint(u) => u.to_string(),
                gotmpl::parse::Number::Float(f) => f.to_string(),
            }),
            Some(Expr::Bool(_, b)) => Some(b.to_string()),
            Some(Expr::Nil(_)) => Some("nil".to_string()),
            Some(Expr::Dot(_)) => Some(".".to_string()),
            Some(Expr::Variable(_, name, fields)) if fields.is_empty() => Some(name.to_string()),
            _ => None,
        };
        match written {
            Some(written) => {
                let message = format!("can't give argument to non-function {written}");
                refuse(cmd, message, calls);
            }
            // Arguments Go evaluates: a refused command in parentheses there stops it.
            None => {
                for arg in &mut cmd.args {
                    if let Expr::Pipe(_, inner) = arg {
                        non_functions(inner, calls);
                    }
                }
            }
        }
    }
}

/// Makes `cmd` a call of [`NON_FUNCTION`] that stops with `message`.
fn refuse(cmd: &mut CommandNode, message: String, calls: &mut Calls) {
    let pos = cmd.args.first().map_or(cmd.pos, Expr::pos);
    cmd.args = vec![
        Expr::Identifier(pos, NON_FUNCTION.into()),
        Expr::String(pos, message.into()),
    ];
    calls.push(Call {
        name: NON_FUNCTION.to_string(),
        offset: pos.offset,
    });
}

/// Makes the function `name` the pipeline's last command (`{{ .Date | __folio_print }}`),
/// at the place of the command before it.
fn end_with(p: &mut PipeNode, name: &str, calls: &mut Calls) {
    let pos = p.commands.last().map_or(p.pos, |c| c.pos);
    end_with_at(p, name, pos, calls);
}

/// [`end_with`], the call placed at `pos`.
fn end_with_at(p: &mut PipeNode, name: &str, pos: Pos, calls: &mut Calls) {
    p.commands.push(CommandNode {
        pos,
        args: vec![Expr::Identifier(pos, name.into())],
    });
    calls.push(Call {
        name: name.to_string(),
        offset: pos.offset,
    });
}

/// Sends each test in `p` that may read a date through [`TRUTH`]: the pipeline itself
/// when it is an `if`'s or a `with`'s (`test`) and ends in a date (or in `and`/`or` of
/// one), each date argument of `not`, and each but the last of `and` and `or`, in
/// parentheses too. Left alone, the common tests
/// (`{{ if .Get "x" }}`) cost nothing more.
fn date_tests(p: &mut PipeNode, test: bool, calls: &mut Calls) {
    for cmd in &mut p.commands {
        let func = match cmd.args.first() {
            Some(Expr::Identifier(_, f)) => f.as_str(),
            _ => "",
        };
        // `and` and `or` give their last argument as it is when it decides: a zero time
        // there is given back (and printed) as Hugo gives it.
        let tested = match func {
            "not" => cmd.args.len(),
            "and" | "or" => cmd.args.len().saturating_sub(1),
            _ => 0,
        };
        for (k, arg) in cmd.args.iter_mut().enumerate().skip(1) {
            if let Expr::Pipe(_, inner) = arg {
                date_tests(inner, false, calls);
            } else if k < tested && may_be_a_date(arg) {
                let pos = arg.pos();
                let tested = std::mem::replace(arg, Expr::Nil(pos));
                *arg = call_on(pos, TRUTH, tested);
                calls.push(Call {
                    name: TRUTH.to_string(),
                    offset: pos.offset,
                });
            }
        }
    }
    // Tested whole: a date, or `and`/`or` that may give one back.
    let ends_in_a_date = p.commands.last().is_some_and(|c| match c.args.as_slice() {
        [only] => may_be_a_date(only),
        [Expr::Identifier(_, f), args @ ..] if matches!(f.as_str(), "and" | "or") => {
            args.iter().any(may_be_a_date)
        }
        _ => false,
    });
    if test && ends_in_a_date {
        end_with(p, TRUTH, calls);
    }
}

/// Whether `e` may read a date: a page's date field (`.Lastmod`, `.Page.Date`,
/// `.Params.date`), or a variable named for one (`$date`, `$lastmod`).
fn may_be_a_date(e: &Expr) -> bool {
    let named = |n: &str| {
        DATE_FIELDS.contains(&n) || PARAM_DATES.contains(&n.to_ascii_lowercase().as_str())
    };
    match e {
        Expr::Field(_, f) | Expr::Chain(_, _, f) => f.last().is_some_and(|n| named(n)),
        Expr::Variable(_, v, f) => match f.last() {
            Some(n) => named(n),
            None => {
                let v = v.to_ascii_lowercase();
                v.contains("date") || v.contains("lastmod")
            }
        },
        _ => false,
    }
}

/// An action that prints `X.Month` (`{{ .Date.Month }}`, `{{ .Month }}` inside
/// `with .Date`) calls [`MONTH`] on `X`, which prints a date's month by name and any
/// other value's `Month` field as it is. Arithmetic on the month (`sub .Date.Month 1`)
/// still has the number.
fn month_name(p: &mut PipeNode, calls: &mut Calls) {
    if !p.decl.is_empty() || p.is_assign {
        return;
    }
    // Printed: the action's last command; made text: a first command piped into a
    // function of text (`{{ .Date.Month | lower }}`).
    const TEXT: &[&str] = &[
        "lower",
        "upper",
        "title",
        "humanize",
        "string",
        "urlize",
        "anchorize",
        "strings.ToLower",
        "strings.ToUpper",
        "strings.Title",
        "print",
        "html",
        "urlquery",
    ];
    let piped_as_text = p.commands.get(1).is_some_and(|next| {
        matches!(next.args.first(), Some(Expr::Identifier(_, f)) if TEXT.contains(&f.as_str()))
    });
    let last = p.commands.len().saturating_sub(1);
    for (i, cmd) in p.commands.iter_mut().enumerate() {
        if i != last && !(i == 0 && piped_as_text) {
            continue;
        }
        let Some(call) = cmd
            .args
            .as_slice()
            .first()
            .filter(|_| cmd.args.len() == 1)
            .and_then(month_of)
        else {
            continue;
        };
        let pos = cmd.pos;
        let Expr::Pipe(_, inner) = call else {
            continue;
        };
        *cmd = inner.commands.into_iter().next().unwrap_or(CommandNode {
            pos,
            args: Vec::new(),
        });
        calls.push(Call {
            name: MONTH.to_string(),
            offset: pos.offset,
        });
    }
}

/// A call of [`MONTH`] on the date whose `.Month` `arg` reads: a page's date field's
/// (`.Date.Month`), or what a variable, a call or the dot holds (`$d.Month`, `.Month`
/// inside `with .Date`); not a params map's `Month` key, which Hugo reads in any case.
fn month_of(arg: &Expr) -> Option<Expr> {
    let month = match arg {
        Expr::Field(_, f) | Expr::Variable(_, _, f) | Expr::Chain(_, _, f) => match f.as_slice() {
            [.., date, last] => last == "Month" && DATE_FIELDS.contains(&date.as_str()),
            [last] => last == "Month",
            [] => false,
        },
        _ => false,
    };
    let (_, receiver) = month.then(|| method_call(arg, true)).flatten()?;
    Some(call_on(arg.pos(), MONTH, receiver))
}

/// Fields after which the next name is a field of one of Hugo's objects: a page (`.Page`,
/// `.Home`, `.CurrentSection`, `.FirstSection`, a page's `.Parent`), the site (`.Site`)
/// or a shortcode's context (a shortcode's `.Parent`).
const HOLDERS: &[&str] = &[
    "Site",
    "Page",
    "Home",
    "CurrentSection",
    "FirstSection",
    "Parent",
];

/// The fields that hold a list of pages (`page.Pages`), the page's and the site's. Every
/// field after one of them, or after one of its sorts ([`super::objects::PAGES_SORTS`]),
/// is checked, as Folio's lists are lists, not Hugo's `page.Pages`, which has the
/// methods ([`holds_pages`]; [`FIELD`] gives them of a list of pages).
const PAGE_LISTS: &[&str] = &[
    "Pages",
    "RegularPages",
    "RegularPagesRecursive",
    "Sections",
    "Translations",
    "AllTranslations",
];

/// Whether a field named `name` holds a list of pages: one of [`PAGE_LISTS`], or a sort
/// of one.
fn holds_pages(name: &str) -> bool {
    PAGE_LISTS.contains(&name) || super::objects::PAGES_SORTS.contains(&name)
}

/// Names every page Folio builds has, as Hugo's pages do ([`super::objects::HUGO_PAGE`]):
/// read as plain fields, without a call (the common case).
const PAGE_HAS: &[&str] = &[
    "Title",
    "LinkTitle",
    "Description",
    "Slug",
    "Keywords",
    "Params",
    "Draft",
    "Layout",
    "Weight",
    "Lang",
    "Language",
    "RelPermalink",
    "Permalink",
    "Name",
    "Path",
    "Aliases",
    "Truncated",
    "WordCount",
    "FuzzyWordCount",
    "ReadingTime",
    "Site",
    "Scratch",
    "Store",
    // (`.Date`, `.Lastmod` and `.PublishDate` are checked: a home or section page with
    // no date is told of, `objects::DATELESS_BRANCH`.)
    "ExpiryDate",
    "Kind",
    "Section",
    "Type",
    "BundleType",
    "IsPage",
    "IsSection",
    "IsHome",
    "IsTranslated",
    "Translations",
    "AllTranslations",
    "IsNode",
    "IsBranch",
    "TranslationKey",
];

/// Names the site Folio builds has, as Hugo's does ([`super::objects::HUGO_SITE`]).
/// What `hugo` always has in Folio (`funcs::context`'s `hugo`): any other name is
/// checked (Hugo's error for a name `page.HugoInfo` does not have).
const HUGO_HAS: &[&str] = &[
    "Version",
    "Environment",
    "IsProduction",
    "IsDevelopment",
    "IsServer",
    "IsExtended",
    "IsMultilingual",
    "IsMultihost",
    "CommitHash",
    "BuildDate",
    "WorkingDir",
    "Store",
    "Data",
    "Generator",
];

const SITE_HAS: &[&str] = &[
    "Title",
    "BaseURL",
    "Params",
    "Data",
    "Language",
    "Languages",
    "LanguageCode",
    "Copyright",
    "LanguagePrefix",
    "Home",
    "Store",
    "IsDefault",
    "BuildDrafts",
    "Config",
];

/// Names every shortcode context Folio builds has, as Hugo's does
/// ([`super::objects::HUGO_SHORTCODE`]).
const SHORTCODE_HAS: &[&str] = &super::objects::SHORTCODE_FIELDS;

/// First fields (of the dot, a variable…) read without a check: what a shortcode reads
/// most (`.Inner`, `.Params`), which every one of Hugo's objects that has it has in Folio
/// too. Any other first field is checked, a lowercase one too, as the dot may be a
/// shortcode's context, a page or the site, each with its own names (a page's `.Page` is
/// the page itself, however deep: `partial "a" .Page` then `.Page` again), or a map.
const FIRST_UNCHECKED: &[&str] = &["Inner", "Site", "Params"];

/// The function a field of Hugo's objects that Folio may not give becomes a call of, with
/// the field's name and what holds it: `.Site.RegularPages`, `site.Menus`,
/// `$.Page.NextInSection` (the site's other pages, [`super::funcs::OFFLINE`]),
/// `.Page.GitInfo`, `.Site.Config` (fields Folio does not have), `.Page.Titel`,
/// `.Site.IsServer` (names Hugo's objects do not have). It gives what Hugo gives when
/// Folio knows it (the field; a regular page's empty lists and their `page.Pages`
/// methods; a map of the template's own has the field it has); otherwise it fails saying
/// why: Hugo's own error for a name Hugo does not have, or that Folio cannot give the
/// field. So the call shows Folio's card only when the template reaches it. A third
/// argument names the Go interface the holder is when it holds a resource lookup's result
/// ([`ResourceLookups`]): its nil has no fields.
pub const FIELD: &str = "__folio_field";

/// Rewrites the fields of Hugo's objects that Folio may not give into calls of
/// [`FIELD`]: see [`field_to_check`].
fn hugo_fields(list: &mut ListNode, calls: &mut Calls, lookups: &ResourceLookups) {
    each_expr(list, &mut |e| {
        // Each field to check in turn: `.Parent.Titel` is two calls.
        while let Some((receiver, name, rest)) = field_to_check(e) {
            let pos = fields_pos(e);
            let nil_type = lookups.type_of(&receiver);
            let mut args = vec![Expr::String(pos, name.as_str().into()), receiver];
            args.extend(nil_type.map(|t| Expr::String(pos, t.into())));
            let called = call(pos, FIELD, args);
            *e = if rest.is_empty() {
                called
            } else {
                Expr::Chain(pos, Box::new(called), rest)
            };
            calls.push(Call {
                name: FIELD.to_string(),
                offset: pos.offset,
            });
        }
    });
}

/// Where Go places an error in `e`'s fields: where the chain after its first term starts
/// (`.Titel` in `.Page.Titel`, `.Site` in `$p.Site.Author`), as Go's parser makes a term
/// followed by fields a node at its chain's position (`text/template/parse`, `operand`);
/// a lone field, or a function's fields (`site.IsServer`), where it starts.
fn fields_pos(e: &Expr) -> Pos {
    let pos = e.pos();
    let term_len = match e {
        Expr::Field(_, fields) if fields.len() > 1 => {
            fields.first().map_or(0, |first| first.len() + 1)
        }
        Expr::Variable(_, var, fields) if !fields.is_empty() => var.len(),
        // A parenthesised pipeline's (`(.Page).Titel`): inside the parenthesis. Not one
        // this rewrite made, whose position is already its chain's.
        Expr::Chain(_, inner, _) if matches!(inner.as_ref(), Expr::Pipe(..)) && !is_ours(inner) => {
            1
        }
        _ => 0,
    };
    Pos::new(pos.offset + term_len, pos.line)
}

/// In `e` (`.Site.RegularPages.ByDate`), the first field that may name one of Hugo's
/// objects' fields Folio does not give: what holds it (`.Site`), its name and the fields
/// after it. Such a field is one after a name in [`HOLDERS`] (or after `site`) that is not
/// in what that object always has ([`PAGE_HAS`]…), or a first field (of the dot, a
/// variable, a parenthesised pipeline) but those in [`FIRST_UNCHECKED`]: a lowercase one
/// too, as the dot may be one of Hugo's objects, which have no such field (`.icon` in a
/// shortcode stops Hugo 0.168 with "can't evaluate field icon in type
/// *hugolib.ShortcodeWithPage", checked), or a map, whose key it reads. A map's keys after
/// other fields (`.Params.x`, `.Site.Data.team`) are left as they are.
fn field_to_check(e: &Expr) -> Option<(Expr, SmolStr, Vec<SmolStr>)> {
    let pos = e.pos();
    // What holds the first field: the site (`site.X`), a field already checked
    // (`.Parent.X`, once `.Parent` is a call of FIELD), or whatever the dot, a variable
    // or a pipeline holds ("").
    let (fields, first_holder) = match e {
        Expr::Field(_, f) | Expr::Variable(_, _, f) => (f, ""),
        Expr::Chain(_, inner, f) => (f, chain_holder(inner)),
        _ => return None,
    };
    let at = fields.iter().enumerate().position(|(i, name)| {
        let holder = match i.checked_sub(1) {
            None => first_holder,
            Some(before) => fields.get(before).map_or("", SmolStr::as_str),
        };
        // A method of a list of pages, whatever holds the list (`$x.ByWeight`, where
        // `$x := .Pages`): the list itself says whether it has it.
        if super::objects::is_pages_method(name) {
            return true;
        }
        // A page's `.Data.Pages` (a regular page's is none).
        if holder == "Data" && name == "Pages" {
            return true;
        }
        // A name of a page's date that is not one of the time's own (`.Date.Location`, a
        // name `time.Time` does not have).
        if DATE_FIELDS.contains(&holder) {
            return !super::funcs::is_time_name(name);
        }
        let has: &[&[&str]] = match holder {
            "" => &[FIRST_UNCHECKED],
            "Site" => &[SITE_HAS],
            "Hugo" => &[HUGO_HAS],
            "Parent" => &[PAGE_HAS, SHORTCODE_HAS],
            h if holds_pages(h) => &[],
            // A language's and a file's fields: a lowercase one stops Hugo
            // ([`super::objects::struct_type`]), the others read as before.
            "Language" | "File" => &[],
            h if HOLDERS.contains(&h) => &[PAGE_HAS],
            _ => return false,
        };
        !has.iter().any(|names| names.contains(&name.as_str()))
    })?;
    let before = fields.get(..at).unwrap_or_default().to_vec();
    let holder = match e {
        Expr::Field(..) if at == 0 => Expr::Dot(pos),
        Expr::Field(..) => Expr::Field(pos, before),
        Expr::Variable(_, var, _) => Expr::Variable(pos, var.clone(), before),
        Expr::Chain(_, inner, _) if at == 0 => inner.as_ref().clone(),
        Expr::Chain(_, inner, _) => Expr::Chain(pos, inner.clone(), before),
        _ => return None,
    };
    let rest = fields.get(at + 1..).unwrap_or_default().to_vec();
    Some((holder, fields.get(at)?.clone(), rest))
}

/// Which object a chain's start is for [`field_to_check`]: `Site` for `site`, the field's
/// name for a call of [`FIELD`], "" for anything else.
fn chain_holder(inner: &Expr) -> &str {
    match inner {
        Expr::Identifier(_, n) if n == "site" => "Site",
        Expr::Identifier(_, n) if n == "hugo" => "Hugo",
        Expr::Pipe(_, p) => match p.commands.as_slice() {
            [CommandNode { args, .. }] => match args.as_slice() {
                [Expr::Identifier(_, f), Expr::String(_, name), _] if f == FIELD => name,
                _ => "",
            },
            _ => "",
        },
        _ => "",
    }
}

/// Whether a rewritten action prints what may be a value Go writes with its `String`
/// method: the last command is a time function or method (`now`, `time`, `.UTC`, `.Sub`…)
/// or a field of a page's date or a resource's media type.
fn prints_a_stringer(p: &PipeNode) -> bool {
    const FUNCTIONS: &[&str] = &[
        "now",
        "time",
        "time.AsTime",
        "time.ParseDuration",
        "duration",
        "time.Duration",
        "path.Split",
        "urls.Parse",
        "time.Now",
        ".UTC",
        ".Local",
        ".Sub",
        ".AddDate",
        ".Round",
        ".Truncate",
        ".In",
    ];

    if !p.decl.is_empty() || p.is_assign {
        return false;
    }
    match p.commands.last().and_then(|c| c.args.first()) {
        Some(Expr::Identifier(_, name)) => FUNCTIONS.contains(&name.as_str()),
        Some(Expr::Field(_, f) | Expr::Variable(_, _, f) | Expr::Chain(_, _, f)) => {
            f.last().is_some_and(|name| {
                let name = name.trim_start_matches('.');
                DATE_FIELDS.contains(&name) || name == "MediaType"
            })
        }
        _ => false,
    }
}

/// Functions that give text, HTML, a bool or an integer, never a float.
const NOT_FLOATS: &[&str] = &[
    "markdownify",
    ".RenderString",
    "safeHTML",
    "safeHTMLAttr",
    "safeURL",
    "safeCSS",
    "safeJS",
    "htmlEscape",
    "htmlUnescape",
    "plainify",
    "lower",
    "upper",
    "title",
    "humanize",
    "urlize",
    "anchorize",
    "replace",
    "replaceRE",
    "printf",
    "print",
    "println",
    "i18n",
    "T",
    "partial",
    "partialCached",
    "relURL",
    "absURL",
    "relLangURL",
    "absLangURL",
    "relref",
    "ref",
    "jsonify",
    "delimit",
    "string",
    "trim",
    "chomp",
    "truncate",
    "emojify",
    "dateFormat",
    "time.Format",
    ".Format",
    "highlight",
    "len",
    "int",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "not",
    "in",
    "isset",
    "split",
    "urlquery",
    "html",
    "js",
    "md5",
    "sha1",
    "sha256",
    "base64Encode",
    "base64Decode",
];
/// Fields that are always text (or an integer, a bool).
const TEXT_FIELDS: &[&str] = &[
    "Inner",
    "InnerDeindent",
    "Title",
    "LinkTitle",
    "Content",
    "Summary",
    "Plain",
    "RelPermalink",
    "Permalink",
    "Name",
    "Kind",
    "Type",
    "Section",
    "Lang",
    "Description",
    "BaseURL",
    "Ordinal",
    "IsNamedParams",
    "TableOfContents",
];

/// Whether a rewritten action may print a float (or a list or map holding one): anything
/// but a literal other than a number, a function known to give text, HTML, a bool or an
/// integer, or a field known to be text.
fn may_print_a_float(p: &PipeNode) -> bool {
    if !p.decl.is_empty() || p.is_assign {
        return false;
    }
    match p.commands.last().and_then(|c| c.args.first()) {
        Some(Expr::String(..) | Expr::Bool(..) | Expr::Nil(..)) | None => false,
        Some(Expr::Identifier(_, name)) => {
            !(NOT_FLOATS.contains(&name.as_str())
                || ["strings.", "safe.", "urls.", "path.", "hash.", "crypto."]
                    .iter()
                    .any(|ns| name.starts_with(ns)))
        }
        Some(Expr::Field(_, f) | Expr::Variable(_, _, f) | Expr::Chain(_, _, f)) => !f
            .last()
            .is_some_and(|name| TEXT_FIELDS.contains(&name.trim_start_matches('.'))),
        Some(_) => true,
    }
}

/// The template's text, each piece at its offset in the source, in source order.
fn texts(list: &ListNode) -> Vec<(usize, &str)> {
    fn gather<'a>(list: &'a ListNode, out: &mut Vec<(usize, &'a str)>) {
        for node in &list.nodes {
            match node {
                Node::List(l) => gather(l, out),
                Node::Define(d) => gather(&d.body, out),
                Node::Text(t) => out.push((t.pos.offset, &t.text)),
                Node::If(b) | Node::Range(b) | Node::With(b) => {
                    gather(&b.body, out);
                    if let Some(e) = &b.else_body {
                        gather(e, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut all = Vec::new();
    gather(list, &mut all);
    all.sort_by_key(|(offset, _)| *offset);
    all
}

/// Whether the action at `offset`, in the script that starts at `start`, is inside a
/// JavaScript string (`"{{ .Date }}"`): the script's text before it (`texts`), read for
/// quotes, leaves one open. Go's escaper writes a value there as `fmt.Sprint` does, and
/// as JSON elsewhere.
fn in_js_string<S: AsRef<str>>(texts: &[(usize, S)], start: usize, offset: usize) -> bool {
    let mut quote: Option<char> = None;
    for (at, text) in texts.iter().filter(|(at, _)| *at < offset) {
        let mut chars = text.as_ref().char_indices();
        while let Some((k, c)) = chars.next() {
            if at + k < start || at + k >= offset {
                continue;
            }
            match (quote, c) {
                (_, '\\') => {
                    chars.next();
                }
                (None, '"' | '\'' | '`') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
        }
    }
    quote.is_some()
}

/// Whether a `<script>` tag (its text from `<script` to its `>`, lower case) holds
/// JavaScript or JSON to Go's escaper: no `type`, or a JavaScript or JSON one
/// (`html/template`'s `isJSType`); `text/template` and its kin are not.
fn is_js_script(tag: &str) -> bool {
    let Some(at) = tag.find("type=") else {
        return true;
    };
    let value = tag.get(at + 5..).unwrap_or_default();
    let value = value.trim_start_matches(['"', '\'']);
    let end = value
        .find(['"', '\'', ' ', '>', ';'])
        .unwrap_or(value.len());
    let mime = value.get(..end).unwrap_or_default().trim();
    mime.is_empty()
        || matches!(
            mime,
            "application/ecmascript"
                | "application/javascript"
                | "application/json"
                | "application/ld+json"
                | "application/x-ecmascript"
                | "application/x-javascript"
                | "module"
                | "text/ecmascript"
                | "text/javascript"
                | "text/javascript1.0"
                | "text/javascript1.1"
                | "text/javascript1.2"
                | "text/javascript1.3"
                | "text/javascript1.4"
                | "text/javascript1.5"
                | "text/jscript"
                | "text/livescript"
                | "text/x-ecmascript"
                | "text/x-javascript"
        )
}

/// The byte ranges of the template's source inside `<script>` elements of JavaScript or
/// JSON ([`is_js_script`]) and event handler attributes, read from its text (`all`, from
/// [`texts`]) in source order.
fn script_ranges(all: &[(usize, &str)]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    // Where the script opened, and what closes it (`</script`, or an attribute's quote).
    let mut open: Option<(usize, &str, bool)> = None;
    for (offset, text) in all {
        let lower = text.to_ascii_lowercase();
        let mut from = 0;
        loop {
            let rest = lower.get(from..).unwrap_or_default();
            let found = match open {
                None => {
                    let element = rest.find("<script").map(|k| {
                        let tag = rest.get(k..).unwrap_or_default();
                        let tag = tag
                            .get(..tag.find('>').unwrap_or(tag.len()))
                            .unwrap_or_default();
                        // A script of another type is left as HTML: its range is not kept.
                        (k, k + 7, "</script", is_js_script(tag))
                    });
                    let attribute =
                        event_attribute(rest).map(|(k, past, close)| (k, past, close, true));
                    match (element, attribute) {
                        (Some(e), Some(a)) => Some(if a.0 < e.0 { a } else { e }),
                        (e, a) => e.or(a),
                    }
                }
                Some((_, close, _)) => rest.find(close).map(|k| (k, k + close.len(), close, true)),
            };
            let Some((k, past, close, js)) = found else {
                break;
            };
            match open.take() {
                // From past `<script` or an attribute's opening quote: what a string test
                // reads ([`in_js_string`]).
                None => open = Some((offset + from + past, close, js)),
                Some((_, _, false)) => {}
                Some((start, _, true)) => ranges.push(start..offset + from + k),
            }
            from += past;
        }
    }
    if let Some((start, _, true)) = open {
        ranges.push(start..usize::MAX);
    }
    ranges
}

/// The first event handler attribute opened in `text` (lower case), `onclick="`: where
/// it starts, where its value starts, and the quote that ends it.
fn event_attribute(text: &str) -> Option<(usize, usize, &'static str)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = text.get(from..)?.find("on") {
        let at = from + k;
        from = at + 2;
        // An attribute's name starts here, after a space: Go's `attrType` takes a
        // `data-` or a namespace (`xlink:`) off the name before it looks.
        let before = text.get(..at).unwrap_or_default();
        let name_start = before.strip_suffix("data-").unwrap_or_else(|| {
            before.strip_suffix(':').map_or(before, |b| {
                b.trim_end_matches(|c: char| c.is_ascii_alphanumeric())
            })
        });
        if !name_start.ends_with(|c: char| c.is_ascii_whitespace()) {
            continue;
        }
        let mut i = at + 2;
        while bytes.get(i).is_some_and(u8::is_ascii_lowercase) {
            i += 1;
        }
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if i == at + 2 || bytes.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match bytes.get(i) {
            Some(b'"') => return Some((at, i + 1, "\"")),
            Some(b'\'') => return Some((at, i + 1, "'")),
            _ => {}
        }
    }
    None
}

/// What a pipeline [`each_pipe`] walks belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PipeOf {
    /// An action (one that prints, unless it declares or assigns).
    Action,
    /// A `range`.
    Range,
    /// An `if` or a `with`.
    Test,
    /// A `template`.
    Other,
}

/// Calls `f` on the pipeline of each action, `if`, `range`, `with` and `template` of
/// `list`, defines' bodies included, in source order (a node's pipeline before its
/// body), with what it belongs to. Pipelines inside a pipeline's expressions are `f`'s
/// to walk.
fn each_pipe(list: &mut ListNode, f: &mut impl FnMut(&mut PipeNode, PipeOf)) {
    each_node(list, &mut |node| match node {
        Node::Action(a) => f(&mut a.pipe, PipeOf::Action),
        Node::Range(b) => f(&mut b.pipe, PipeOf::Range),
        Node::If(b) | Node::With(b) => f(&mut b.pipe, PipeOf::Test),
        Node::Template(t) => {
            if let Some(p) = &mut t.pipe {
                f(p, PipeOf::Other);
            }
        }
        _ => {}
    });
}

/// Calls `f` on each node of `list` and of the lists inside it (bodies, `else`s,
/// defines), in source order, a node before the lists it holds.
fn each_node(list: &mut ListNode, f: &mut impl FnMut(&mut Node)) {
    for node in &mut list.nodes {
        f(node);
        match node {
            Node::List(l) => each_node(l, f),
            Node::If(b) | Node::Range(b) | Node::With(b) => {
                each_node(&mut b.body, f);
                if let Some(e) = &mut b.else_body {
                    each_node(e, f);
                }
            }
            Node::Define(d) => each_node(&mut d.body, f),
            _ => {}
        }
    }
}

fn pipe(p: &mut PipeNode, calls: &mut Calls) {
    piped_into_printf(p);
    months_printed(p, calls);
    printed_into_escapers(p, calls);
    // `… | return add 40`: the piped value goes to `add 40`, then is returned (Hugo's
    // `newReturnError` runs the command with the pipeline's value as its last argument).
    let last = p.commands.len().saturating_sub(1);
    if last > 0
        && p.commands
            .get(last)
            .is_some_and(|c| is_return(c) && c.args.len() > 1)
    {
        if let Some(mut cmd) = p.commands.pop() {
            let pos = cmd.pos;
            let head = cmd.args.remove(0);
            p.commands.push(cmd);
            p.commands.push(CommandNode {
                pos,
                args: vec![head],
            });
        }
    }
    for (k, cmd) in p.commands.iter_mut().enumerate() {
        command(cmd, k > 0, calls);
    }
}

/// A date's month given to `print`, `println`, `html` or `urlquery` is written by name, as
/// Go's `fmt` writes a `time.Month` (`print .Date.Month` is `March`): [`MONTH`] on it.
fn months_printed(p: &mut PipeNode, calls: &mut Calls) {
    for cmd in &mut p.commands {
        let prints = matches!(cmd.args.first(), Some(Expr::Identifier(_, n)) if ["print", "println", "html", "urlquery"].contains(&n.as_str()));
        if !prints {
            continue;
        }
        for arg in cmd.args.iter_mut().skip(1) {
            if let Some(month) = month_of(arg) {
                calls.push(Call {
                    name: MONTH.to_string(),
                    offset: arg.pos().offset,
                });
                *arg = month;
            }
        }
    }
}

/// Go's own `html` and `urlquery` print what they are given as `fmt.Sprint` does (a blank
/// between two arguments neither of which is a string; a date, a parsed URL or `.Position`
/// as Go's `String` writes it), which Hugo's `print` is: `html A B` is `print A B | html`,
/// `X | html A` is `X | print A | html`, `html` last.
fn printed_into_escapers(p: &mut PipeNode, calls: &mut Calls) {
    let escaper = |cmd: &CommandNode| matches!(cmd.args.first(), Some(Expr::Identifier(_, n)) if n == "html" || n == "urlquery");
    if !p.commands.iter().any(escaper) {
        return;
    }
    let mut out = Vec::with_capacity(p.commands.len() + 1);
    for mut cmd in std::mem::take(&mut p.commands) {
        if escaper(&cmd) {
            let escape = cmd.args.drain(..1).collect();
            cmd.args
                .insert(0, Expr::Identifier(cmd.pos, "print".into()));
            calls.push(Call {
                name: "print".to_string(),
                offset: cmd.pos.offset,
            });
            out.push(cmd.clone());
            out.push(CommandNode {
                pos: cmd.pos,
                args: escape,
            });
            continue;
        }
        out.push(cmd);
    }
    p.commands = out;
}

/// `X | printf "%T"`: the value piped in is `printf`'s last argument (Go's `evalCall`),
/// which [`printf_values`] cannot reach; made an argument of its own, `printf "%T" (X)`,
/// so its directive is rewritten as the others are (the same call to Go).
fn piped_into_printf(p: &mut PipeNode) {
    let is_printf = |cmd: &CommandNode| match cmd.args.as_slice() {
        [Expr::Identifier(_, name), Expr::String(_, format), ..] if name == "printf" => {
            directives(format).is_some()
        }
        _ => false,
    };
    let Some(at) = p.commands.iter().skip(1).position(is_printf).map(|k| k + 1) else {
        return;
    };
    pipe_in_at(p, at);
}

/// The commands of `p` before the one at `at` made that command's last argument, a
/// pipeline of their own, as Go gives a piped value (`X | F A` is `F A (X)`).
fn pipe_in_at(p: &mut PipeNode, at: usize) {
    let mut rest = p.commands.split_off(at);
    let before = std::mem::take(&mut p.commands);
    let Some(function) = rest.first_mut() else {
        p.commands = before;
        return;
    };
    let pos = before.first().map_or(function.pos, |c| c.pos);
    function.args.push(Expr::Pipe(
        pos,
        PipeNode {
            pos,
            decl: Vec::new(),
            commands: before,
            is_assign: false,
        },
    ));
    p.commands = rest;
}

fn command(cmd: &mut CommandNode, piped: bool, calls: &mut Calls) {
    // `return add .a 40`: what follows `return` is run as a command of its own, `return`'s
    // one argument (Hugo's `newReturnError`, `texttemplate/hugo_template.go`).
    if is_return(cmd) && cmd.args.len() > 2 {
        let rest: Vec<Expr> = cmd.args.drain(1..).collect();
        let pos = rest.first().map_or(cmd.pos, Expr::pos);
        cmd.args.push(Expr::Pipe(
            pos,
            PipeNode {
                pos,
                decl: Vec::new(),
                commands: vec![CommandNode { pos, args: rest }],
                is_assign: false,
            },
        ));
    }
    for arg in &mut cmd.args {
        parent_read(arg, calls);
        inner_methods(arg);
    }
    let takes_args = cmd.args.len() > 1 || piped;
    let mut receiver_at = None;
    if let Some(first) = cmd.args.first_mut() {
        if let Some((name, receiver)) = method_call(first, takes_args) {
            // Placed where Go places it: `.RenderString` of `.Page.RenderString`.
            let pos = fields_pos(first);
            *first = Expr::Identifier(pos, name.into());
            cmd.args.insert(1, receiver);
            receiver_at = Some(1);
        }
    }
    for (k, arg) in cmd.args.iter_mut().enumerate() {
        // A method that takes no arguments, read as an argument (`len .Scratch.Values`,
        // `path.Base .Position.Filename`, the receiver in `.Date.UTC.Format`): its call,
        // in parentheses. `.Resources` as a method's receiver stays as written: it is the
        // page's files that `.GetMatch` and its kin look through.
        if k > 0 {
            let no_arguments = |name: &str| {
                let name = name.trim_start_matches('.');
                NO_ARGUMENTS.contains(&name) && !(receiver_at == Some(k) && name == "Resources")
            };
            if let Some((name, receiver)) =
                method_call(arg, false).filter(|(name, _)| no_arguments(name))
            {
                *arg = call_on(arg.pos(), &name, receiver);
            }
        }
        expr(arg, calls);
    }
    printf_values(cmd, calls);
    try_call(cmd, calls);
}

/// `try (F ARGS…)`: Hugo's `try` catches the error of the call it is given (its
/// `TryValue`: `.Value`, `.Err`), which a function cannot do with an argument already
/// evaluated; the call is made by [`TRY`] instead, given `F`'s name, the head of the
/// message Go's template gives the call's error (empty here; [`head_tries`] writes it,
/// from the template's text) and `F`'s arguments
/// (`__folio_try "resources.GetRemote" "" $url`). A `try` of anything else gives its
/// value.
fn try_call(cmd: &mut CommandNode, calls: &mut Calls) {
    if let [Expr::Identifier(_, name), Expr::Pipe(_, inner)] = cmd.args.as_mut_slice() {
        if name == "try" {
            piped_last(inner);
        }
    }
    let [Expr::Identifier(_, name), Expr::Pipe(_, inner)] = cmd.args.as_slice() else {
        return;
    };
    let [only] = inner.commands.as_slice() else {
        return;
    };
    let Some(Expr::Identifier(fpos, function)) = only.args.first() else {
        return;
    };
    // (Hugo's `errorf` logs its error and gives "": `try` has none to catch.)
    let logs = matches!(
        function.as_str(),
        "errorf" | "erroridf" | "fmt.Errorf" | "fmt.Erroridf"
    );
    if name != "try" || !inner.decl.is_empty() || super::funcs::is_go_builtin(function) || logs {
        return;
    }
    let (fpos, function) = (*fpos, function.clone());
    let mut args = vec![
        Expr::Identifier(fpos, TRY.into()),
        Expr::String(fpos, function.as_str().into()),
        Expr::String(fpos, "".into()),
    ];
    args.extend(only.args.iter().skip(1).cloned());
    cmd.args = args;
    calls.push(Call {
        name: TRY.to_string(),
        offset: fpos.offset,
    });
}

/// `X | F A` given to `try`: Go gives `F` the value piped in as its last argument, made
/// one here (`F A (X)`), so that [`try_call`] makes `F`'s call and catches its error (an
/// error of `X` is not caught: the call shows Folio's card, saying it).
fn piped_last(p: &mut PipeNode) {
    if p.commands.len() < 2 || !p.decl.is_empty() {
        return;
    }
    let last = p.commands.len() - 1;
    let function = p.commands.last().and_then(|c| c.args.first());
    if matches!(function, Some(Expr::Identifier(_, f)) if !super::funcs::is_go_builtin(f)) {
        pipe_in_at(p, last);
    }
}

/// `.Parent.X` (`$.Parent.Get "id"`, `.Parent.Scratch.Add …`): what is read of a
/// container is read through [`PARENT`], which fails as Hugo does when the call has no
/// container (Hugo's `.Parent` is then a nil pointer: "Parent is nil; wrap it in if or
/// with"), where a field of nil would read as nil. `.Parent` alone (`with .Parent`) is
/// left as it is.
fn parent_read(e: &mut Expr, calls: &mut Calls) {
    let chain_pos = fields_pos(e);
    let (pos, receiver, fields) = match e {
        Expr::Field(pos, fields) => (*pos, None, fields),
        Expr::Variable(pos, name, fields) => (*pos, Some(name.clone()), fields),
        Expr::Chain(..) => return parent_read_in_chain(e, calls),
        _ => return,
    };
    let Some(rest) = after_parent(fields) else {
        return;
    };
    let holder = match receiver {
        None if fields.is_empty() => Expr::Dot(pos),
        None => Expr::Field(pos, std::mem::take(fields)),
        Some(name) => Expr::Variable(pos, name, std::mem::take(fields)),
    };
    read_through_parent(e, (chain_pos, holder, rest), calls);
}

/// The fields read after the first `Parent` of `fields` that has any, which keeps those
/// before it; `None` (and `fields` as they were) when there is no such `Parent`.
fn after_parent(fields: &mut Vec<SmolStr>) -> Option<Vec<SmolStr>> {
    let at = fields.iter().position(|f| f == "Parent")?;
    if at + 1 >= fields.len() {
        return None;
    }
    let rest = fields.split_off(at + 1);
    fields.truncate(at);
    Some(rest)
}

/// `e` becomes the fields `rest` of `holder`'s container read through [`PARENT`] at
/// `chain_pos`, and any container read after them is read so too.
fn read_through_parent(
    e: &mut Expr,
    (chain_pos, holder, rest): (Pos, Expr, Vec<SmolStr>),
    calls: &mut Calls,
) {
    *e = Expr::Chain(
        chain_pos,
        Box::new(call(chain_pos, PARENT, vec![holder])),
        rest,
    );
    calls.push(Call {
        name: PARENT.to_string(),
        offset: chain_pos.offset,
    });
    parent_read(e, calls);
}

/// [`parent_read`] of a chain's fields (`.Parent.Parent.Get "x"` once its first
/// `.Parent` is read, `$p.Parent.Name` once `$p` is read as a container: review 50b, 6):
/// each container read in turn.
fn parent_read_in_chain(e: &mut Expr, calls: &mut Calls) {
    let chain_pos = e.pos();
    let Expr::Chain(pos, inner, fields) = e else {
        return;
    };
    let Some(rest) = after_parent(fields) else {
        return;
    };
    let inner = std::mem::replace(inner, Box::new(Expr::Dot(*pos)));
    let holder = if fields.is_empty() {
        *inner
    } else {
        Expr::Chain(*pos, inner, std::mem::take(fields))
    };
    read_through_parent(e, (chain_pos, holder, rest), calls);
}

/// The function a container's fields are read through ([`parent_read`]).
pub const PARENT: &str = "__folio_parent";

/// The function that makes the call a `try` is given and catches its error
/// ([`try_call`]).
pub const TRY: &str = "__folio_try";

/// `printf "%v" X` (and a message's, `errorf "…" X`): each argument a plain `%v` writes
/// goes through [`PRINT`] first, so a
/// float, a time or a media type is written as Go writes it (`gotmpl`'s `printf` writes
/// Rust's `2500000` for Go's `2.5e+06`); each one a `%s`, a `%d`, a float verb (`%.2f`,
/// `%e`, `%g`), or a `%v` with flags, a width or a precision writes is written by
/// [`FORMAT`] (Go's `%02v`, `%s` of a list, `%d` of a float, `%f` of a whole number, which
/// `gotmpl` writes otherwise) and the format takes it as `%s`. Only
/// for a format written as a literal whose verbs take their arguments in order (no `[n]`
/// or `*`).
fn printf_values(cmd: &mut CommandNode, calls: &mut Calls) {
    let Some(Expr::Identifier(_, name)) = cmd.args.first() else {
        return;
    };
    // Where the format is: the messages' (`errorf`, `warnidf ID FORMAT …`) are formatted
    // as `printf`'s ([`super::funcs::context`]'s `sprintf`).
    let at = match name.as_str() {
        "printf" | "errorf" | "fmt.Errorf" | "warnf" | "fmt.Warnf" => 1,
        "erroridf" | "fmt.Erroridf" | "warnidf" | "fmt.Warnidf" => 2,
        _ => return,
    };
    let Some(Expr::String(fpos, format)) = cmd.args.get(at) else {
        return printf_called_at_run_time(cmd, calls);
    };
    let (fpos, format) = (*fpos, format.clone());
    let Some(directives) = directives(&format) else {
        return;
    };
    let mut rewritten = String::with_capacity(format.len());
    let mut last = 0;
    for (k, (range, verb)) in directives.into_iter().enumerate() {
        let Some(arg) = cmd.args.get_mut(k + at + 1) else {
            break;
        };
        let spec = format.get(range.clone()).unwrap_or_default();
        let pos = arg.pos();
        // A date's month is text to `%s` and `%v` (Go's `time.Month` is a `Stringer`).
        if let Some(month) = matches!(verb, 's' | 'v').then(|| month_of(arg)).flatten() {
            *arg = month;
            calls.push(Call {
                name: MONTH.to_string(),
                offset: pos.offset,
            });
        }
        let value = std::mem::replace(arg, Expr::Nil(pos));
        let function = if spec == "%v" {
            *arg = call_on(pos, PRINT, value);
            PRINT
        } else if FORMAT_VERBS.contains(verb) {
            *arg = call(pos, FORMAT, vec![Expr::String(pos, spec.into()), value]);
            rewritten.push_str(format.get(last..range.start).unwrap_or_default());
            rewritten.push_str("%s");
            last = range.end;
            FORMAT
        } else {
            *arg = value;
            continue;
        };
        calls.push(Call {
            name: function.to_string(),
            offset: pos.offset,
        });
    }
    if last > 0 {
        rewritten.push_str(format.get(last..).unwrap_or_default());
        if let Some(f) = cmd.args.get_mut(at) {
            *f = Expr::String(fpos, rewritten.into());
        }
    }
}

/// The function a `printf` argument a directive other than a plain `%v` writes goes
/// through ([`super::values::go_format`]), with the directive.
pub const FORMAT: &str = "__folio_format";

/// A `printf` whose format is known only at run time (`printf $f 2.5`) made a call of
/// [`RUN_TIME_PRINTF`], which reads the directives then (review 63c, r10: `%x` of a float
/// was its whole part).
fn printf_called_at_run_time(cmd: &mut CommandNode, calls: &mut Calls) {
    if let Some(Expr::Identifier(pos, name)) = cmd.args.first_mut() {
        if name == "printf" {
            *name = RUN_TIME_PRINTF.into();
            calls.push(Call {
                name: RUN_TIME_PRINTF.to_string(),
                offset: pos.offset,
            });
        }
    }
}

/// What a `printf` whose format is not written as a literal calls instead: it reads the
/// format's directives when it runs, as [`printf_values`] reads a literal's.
pub const RUN_TIME_PRINTF: &str = "__folio_printf";

/// The verbs whose directives [`FORMAT`] writes (any other is `gotmpl`'s `printf`'s).
pub const FORMAT_VERBS: &str = "vsdTqfFeEgGxXobcOU";

/// Each directive of a Go format string that takes an argument, in order: its byte range
/// (`%02v`) and verb; `None` when an argument index (`%[2]d`) or a `*` width reorders or
/// adds arguments.
pub(super) fn directives(format: &str) -> Option<Vec<(std::ops::Range<usize>, char)>> {
    let mut out = Vec::new();
    let mut chars = format.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c != '%' {
            continue;
        }
        // Digits in a row (a width, a precision): a number Go's `parsenum` finds too
        // large (it stops past 1e6) leaves the format to `gotmpl`, which bounds it.
        let mut number: u64 = 0;
        while let Some(&(_, f)) = chars.peek() {
            match f {
                '0'..='9' => {
                    if number > 1_000_000 {
                        return None;
                    }
                    number = number * 10 + u64::from(f.to_digit(10).unwrap_or(0));
                    chars.next();
                }
                '#' | '+' | ' ' | '-' | '.' => {
                    number = 0;
                    chars.next();
                }
                '[' | '*' => return None,
                _ => break,
            }
        }
        match chars.next() {
            Some((_, '%')) | None => {}
            Some((at, verb)) => out.push((start..at + verb.len_utf8(), verb)),
        }
    }
    Some(out)
}

/// A time's no-argument method inside a chain of fields (`.Date.UTC.Year`): its call, in
/// parentheses, the rest of the chain read from what it gives (`(.UTC .Date).Year`).
fn inner_methods(e: &mut Expr) {
    const INNER: [&str; 2] = ["UTC", "Local"];
    loop {
        let fields = match e {
            Expr::Field(_, f) | Expr::Variable(_, _, f) | Expr::Chain(_, _, f) => f,
            _ => return,
        };
        let Some(i) = fields
            .iter()
            .position(|f| INNER.contains(&f.as_str()))
            .filter(|&i| i + 1 < fields.len())
        else {
            return;
        };
        let pos = e.pos();
        let (receiver, method, rest) = match e {
            Expr::Field(_, f) => {
                let rest = f.split_off(i + 1);
                let method = f.pop().unwrap_or_default();
                let receiver = if f.is_empty() {
                    Expr::Dot(pos)
                } else {
                    Expr::Field(pos, std::mem::take(f))
                };
                (receiver, method, rest)
            }
            Expr::Variable(_, var, f) => {
                let rest = f.split_off(i + 1);
                let method = f.pop().unwrap_or_default();
                (
                    Expr::Variable(pos, var.clone(), std::mem::take(f)),
                    method,
                    rest,
                )
            }
            Expr::Chain(_, inner, f) => {
                let rest = f.split_off(i + 1);
                let method = f.pop().unwrap_or_default();
                let inner = std::mem::replace(inner.as_mut(), Expr::Nil(pos));
                let receiver = if f.is_empty() {
                    inner
                } else {
                    Expr::Chain(pos, Box::new(inner), std::mem::take(f))
                };
                (receiver, method, rest)
            }
            _ => return,
        };
        *e = Expr::Chain(
            pos,
            Box::new(call_on(pos, &format!(".{method}"), receiver)),
            rest,
        );
    }
}

/// Whether the command is a call of Hugo's `return`.
fn is_return(cmd: &CommandNode) -> bool {
    matches!(cmd.args.first(), Some(Expr::Identifier(_, n)) if &**n == "return")
}

/// `(NAME RECEIVER)`: a call of the function `name` on `receiver`, in parentheses, to
/// stand where an expression does.
fn call_on(pos: Pos, name: &str, receiver: Expr) -> Expr {
    call(pos, name, vec![receiver])
}

/// Whether `e` is a call of [`FIELD`] or [`PARENT`] this rewrite made.
fn is_ours(e: &Expr) -> bool {
    let Expr::Pipe(_, p) = e else {
        return false;
    };
    matches!(p.commands.as_slice(), [CommandNode { args, .. }]
        if matches!(args.first(), Some(Expr::Identifier(_, f)) if f == FIELD || f == PARENT))
}

/// `(NAME ARGS…)`: a call of the function `name`, in parentheses, to stand where an
/// expression does.
fn call(pos: Pos, name: &str, args: Vec<Expr>) -> Expr {
    let mut args = args;
    args.insert(0, Expr::Identifier(pos, name.into()));
    Expr::Pipe(
        pos,
        PipeNode {
            pos,
            decl: Vec::new(),
            commands: vec![CommandNode { pos, args }],
            is_assign: false,
        },
    )
}

/// The methods that take no arguments, and so may stand as an argument.
const NO_ARGUMENTS: &[&str] = &[
    "Values",
    "Filename",
    "LineNumber",
    "ColumnNumber",
    "Resources",
    "UTC",
    "Local",
];

/// `(function name, receiver)` when `e`, first in a command, is a method call. A
/// receiver of fields is placed where Go places the whole chain ([`fields_pos`]), so a
/// field of it that fails is too (`.Page` of `.Page.RenderString`, at `.RenderString`).
fn method_call(e: &Expr, takes_args: bool) -> Option<(String, Expr)> {
    let at = fields_pos(e);
    match e {
        Expr::Field(pos, fields) => {
            let (last, rest) = fields.split_last()?;
            let receiver = if rest.is_empty() {
                Expr::Dot(*pos)
            } else {
                Expr::Field(at, rest.to_vec())
            };
            is_method(last, takes_args).then(|| (format!(".{last}"), receiver))
        }
        // `time.Now` is one function: `time.Now.Format "2006"` is its result's method
        // (hunt AT, 3), `strings.TrimSpace` none.
        Expr::Chain(_, inner, fields) if namespace(inner).is_some() && fields.len() < 2 => None,
        Expr::Chain(pos, inner, fields) => {
            let (last, rest) = fields.split_last()?;
            let receiver = if rest.is_empty() {
                inner.as_ref().clone()
            } else {
                Expr::Chain(*pos, inner.clone(), rest.to_vec())
            };
            is_method(last, takes_args).then(|| (format!(".{last}"), receiver))
        }
        Expr::Variable(pos, var, fields) => {
            let (last, rest) = fields.split_last()?;
            let receiver = Expr::Variable(*pos, var.clone(), rest.to_vec());
            is_method(last, takes_args).then(|| (format!(".{last}"), receiver))
        }
        _ => None,
    }
}

fn is_method(name: &str, takes_args: bool) -> bool {
    METHODS.contains(&name) || NO_ARGUMENTS.contains(&name) || takes_args
}

/// The namespace `e` names (`strings` in `strings.TrimSpace`), when it is one of Hugo's
/// (`hugo` is an object: `hugo.Version` is its field).
fn namespace(e: &Expr) -> Option<&str> {
    match e {
        Expr::Identifier(_, ns) if NAMESPACES.contains(&ns.as_str()) && ns != "hugo" => {
            Some(ns.as_str())
        }
        _ => None,
    }
}

fn expr(e: &mut Expr, calls: &mut Calls) {
    match e {
        Expr::Identifier(pos, name) => calls.push(Call {
            name: name.to_string(),
            offset: pos.offset,
        }),
        Expr::Pipe(_, p) => pipe(p, calls),
        Expr::Chain(pos, inner, fields) => {
            if let (Some(ns), Some(first)) = (namespace(inner), fields.first()) {
                {
                    let full = format!("{ns}.{first}");
                    let name: SmolStr = super::funcs::go_builtin_of(&full).unwrap_or(full).into();
                    let rest = fields.split_off(1);
                    **inner = Expr::Identifier(*pos, name);
                    *fields = rest;
                }
            }
            expr(inner, calls);
            if fields.is_empty() {
                let inner = std::mem::replace(inner.as_mut(), Expr::Nil(*pos));
                *e = inner;
            }
        }
        _ => {}
    }
}

/// What separates a function's name from its call's offset in [`site_name`].
const SITE_MARK: char = '\u{1f}';

/// The name one call of `name` is registered under: its own, so that when it fails Folio
/// knows which call it was (`gotmpl`'s errors carry no position).
pub fn site_name(name: &str, offset: usize) -> String {
    format!("{name}{SITE_MARK}{offset}")
}

/// `message` with any call's own name ([`site_name`]) back to its function's.
pub fn without_site_names(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(SITE_MARK) {
        out.push_str(rest.get(..at).unwrap_or_default());
        let after = rest.get(at + SITE_MARK.len_utf8()..).unwrap_or_default();
        rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

/// Renames each call of a function that `own_name` accepts to the call's own name
/// ([`site_name`]): the calls renamed, with their offsets, in source order.
pub fn name_call_sites(list: &mut ListNode, own_name: &impl Fn(&str) -> bool) -> Calls {
    let mut sites = Calls::new();
    each_expr(list, &mut |e| {
        if let Expr::Identifier(pos, name) = e {
            if own_name(name) {
                sites.push(Call {
                    name: name.to_string(),
                    offset: pos.offset,
                });
                *name = site_name(name, pos.offset).into();
            }
        }
    });
    sites
}

/// A translation given a whole number reads it both as `.` and as `.Count` (Hugo's
/// `intCount`, `langs/i18n/i18n.go`): `.Count` and `$.Count` become the dot, for the
/// translation run with the number as its dot; a variable's `.Count` (`$c := .` then
/// `$c.Count`) becomes a call of [`COUNT`] on the variable, as the variable may hold the
/// number or something else.
pub fn count_as_dot(list: &mut ListNode) {
    each_expr(list, &mut |e| match e {
        Expr::Field(pos, fields) if is_count(fields) => {
            *e = Expr::Dot(*pos);
        }
        Expr::Variable(_, var, fields) if var == "$" && is_count(fields) => fields.clear(),
        Expr::Variable(pos, var, fields) if fields.last().is_some_and(|f| f == "Count") => {
            let pos = *pos;
            let receiver = Expr::Variable(
                pos,
                var.clone(),
                fields.split_last().map_or(Vec::new(), |(_, r)| r.to_vec()),
            );
            *e = call_on(pos, COUNT, receiver);
        }
        _ => {}
    });
}

/// The function a translation given a number calls for a variable's `.Count`: the number
/// itself when the variable holds one, a map's `Count`, and an error for anything else.
pub const COUNT: &str = "__folio_count";

/// Whether a field chain is `.Count` alone.
fn is_count(fields: &[SmolStr]) -> bool {
    matches!(fields, [only] if only == "Count")
}

/// Writes the head of each [`TRY`] call's error in `list` (a template file's body, or
/// one of its defines), as Go's `text/template` writes a failed call's error (`state.errorf`
/// in `exec.go`, the place from `Tree.ErrorContext`):
/// `template: _shortcodes/x.html:4:17: executing "_shortcodes/x.html" at <time.AsTime>:
/// error calling AsTime: ` (checked: Hugo 0.168). `file` is the template file's name as
/// Hugo names it, `executing` the template run (the file's name, or a define's),
/// `source` the file's text. The place is the line and the byte column counted from 0: a
/// namespace's function (`time.AsTime`) is a method of a chain, placed at its `.` and
/// named alone as the method (a name the namespace does not have fails at the namespace,
/// with no call); any other function is placed at its name and named with its arguments
/// as the template writes them.
pub fn head_tries(list: &mut ListNode, file: &str, executing: &str, source: &str) {
    each_command(list, &mut |cmd| {
        let [Expr::Identifier(_, name), Expr::String(fpos, function), Expr::String(_, head), ..] =
            cmd.args.as_mut_slice()
        else {
            return;
        };
        if name != TRY {
            return;
        }
        // A name its namespace does not have fails at the namespace, before any call
        // (`math.Exp`: "at <math>: can't evaluate field Exp in type *math.Namespace").
        let (at, node, calling) = match function.split_once('.') {
            Some((namespace, _)) if !super::funcs::is_defined(function) => {
                (fpos.offset, namespace.to_string(), None)
            }
            Some((namespace, method)) => (
                fpos.offset + namespace.len(),
                function.to_string(),
                Some(method.to_string()),
            ),
            None => (
                fpos.offset,
                command_text(source, fpos.offset),
                Some(function.to_string()),
            ),
        };
        let before = source.get(..at).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let col = before.len() - before.rfind('\n').map_or(0, |n| n + 1);
        let calling = calling.map_or(String::new(), |m| format!("error calling {m}: "));
        *head = format!(
            "template: {file}:{line}:{col}: executing \"{executing}\" at <{node}>: {calling}"
        )
        .into();
    });
}

/// The command that starts at `at` in a template's `source`, as Go's parse tree writes it
/// back (`CommandNode.String`): its words one space apart, a parenthesised pipeline without
/// blanks inside its parentheses, `|` between blanks, quoted text as written. It ends at
/// the `)`, `|` or `}}` that closes it.
fn command_text(source: &str, at: usize) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut chars = source.get(at..).unwrap_or_default().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '`' | '\'' => {
                out.push(c);
                let mut escaped = false;
                for q in chars.by_ref() {
                    out.push(q);
                    if q == c && !escaped {
                        break;
                    }
                    escaped = c != '`' && q == '\\' && !escaped;
                }
            }
            '(' => {
                depth += 1;
                out.push(c);
            }
            ')' | '|' | '}' if depth == 0 => break,
            ')' => {
                depth -= 1;
                out.truncate(out.trim_end().len());
                out.push(c);
            }
            '|' => {
                out.truncate(out.trim_end().len());
                out.push_str(" | ");
            }
            c if c.is_whitespace() => {
                if !out.ends_with([' ', '(']) {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out.trim_end().to_string()
}

/// Calls `f` on every command of `list`, those of pipelines inside expressions too.
fn each_command(list: &mut ListNode, f: &mut impl FnMut(&mut CommandNode)) {
    fn in_pipe(p: &mut PipeNode, f: &mut impl FnMut(&mut CommandNode)) {
        for cmd in &mut p.commands {
            f(cmd);
            for arg in &mut cmd.args {
                in_expr(arg, f);
            }
        }
    }
    fn in_expr(e: &mut Expr, f: &mut impl FnMut(&mut CommandNode)) {
        match e {
            Expr::Pipe(_, p) => in_pipe(p, f),
            Expr::Chain(_, inner, _) => in_expr(inner, f),
            _ => {}
        }
    }
    each_pipe(list, &mut |p, _| in_pipe(p, f));
}

/// Calls `f` on every expression of `list`, outermost first.
fn each_expr(list: &mut ListNode, f: &mut impl FnMut(&mut Expr)) {
    fn in_pipe(p: &mut PipeNode, f: &mut impl FnMut(&mut Expr)) {
        for cmd in &mut p.commands {
            for arg in &mut cmd.args {
                in_expr(arg, f);
            }
        }
    }
    fn in_expr(e: &mut Expr, f: &mut impl FnMut(&mut Expr)) {
        f(e);
        match e {
            Expr::Pipe(_, p) => in_pipe(p, f),
            Expr::Chain(_, inner, _) => in_expr(inner, f),
            _ => {}
        }
    }
    each_pipe(list, &mut |p, _| in_pipe(p, f));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The calls of `src` besides [`PRINT`] and the field checks ([`FIELD`]).
    fn functions(src: &str) -> Vec<String> {
        let (_, calls) = rewritten(src);
        calls
            .into_iter()
            .filter(|c| c != PRINT && c != FIELD)
            .collect()
    }

    fn rewritten(src: &str) -> (String, Vec<String>) {
        let (mut list, _) = gotmpl::parse::Parser::new(src, "{{", "}}")
            .and_then(gotmpl::parse::Parser::parse)
            .unwrap();
        let calls = rewrite(&mut list);
        (
            format!("{list:?}"),
            calls.into_iter().map(|c| c.name).collect(),
        )
    }

    #[test]
    fn each_call_gets_a_name_of_its_own_and_messages_give_the_functions_name_back() {
        let (mut list, _) =
            gotmpl::parse::Parser::new("{{ div 4 (div 2 1) }}{{ and 1 2 }}", "{{", "}}")
                .and_then(gotmpl::parse::Parser::parse)
                .unwrap();
        let sites = name_call_sites(&mut list, &|name| name != "and");
        let offsets: Vec<usize> = sites.iter().map(|c| c.offset).collect();
        assert_eq!(offsets, [3, 10]);
        let tree = format!("{list:?}");
        assert!(
            tree.contains(&format!("{:?}", site_name("div", 10))),
            "{tree}"
        );
        assert!(
            tree.contains("\"and\""),
            "Go's built-ins keep their names: {tree}"
        );
        assert_eq!(
            without_site_names(&format!("function {} panicked", site_name("div", 3))),
            "function div panicked"
        );
    }

    #[test]
    fn a_method_call_becomes_a_function_of_its_receiver() {
        let calls = functions(r#"{{ .Get "title" }}{{ $.Get 0 }}{{ .Page.Param "x" }}"#);
        assert_eq!(calls, [".Get", ".Get", ".Param"]);
    }

    #[test]
    fn a_range_over_a_field_goes_through_entries_and_one_over_a_new_list_does_not() {
        let calls = functions(
            r#"{{ range site.Params.social }}{{ end }}{{ range $k, $v := .x }}{{ end }}{{ range split "a b" " " }}{{ end }}{{ range strings.Split "a" "" }}{{ end }}{{ range seq 3 }}{{ end }}"#,
        );
        // Five ranges, the first two over what may be a params map.
        assert_eq!(
            calls.iter().filter(|c| *c == ENTRIES).count(),
            2,
            "{calls:?}"
        );
    }

    #[test]
    fn a_field_folios_objects_may_lack_is_checked_and_their_common_fields_and_map_keys_are_not() {
        let fields = |src: &str| rewritten(src).1.iter().filter(|c| *c == FIELD).count();
        assert_eq!(
            fields(
                "{{ .Site.Title }}{{ .Site.Params.x }}{{ .Params.Titel }}\
                 {{ site.Data.team }}{{ $.Inner }}{{ .Site.Home.Title }}"
            ),
            0
        );
        // A lowercase first field is checked: the dot may be a shortcode's context.
        assert_eq!(fields("{{ .name }}{{ $.icon }}{{ $x.y.z }}"), 3);
        // A first `.Page` is checked (a page's is itself), what follows it is not.
        assert_eq!(fields("{{ .Page.Title }}{{ .Page.Site.Title }}"), 2);
        assert_eq!(
            fields(
                "{{ .Page.Titel }}{{ site.IsServer }}{{ .Site.MainSections }}\
                 {{ $p := .Page }}{{ $p.GitInfo }}{{ with .Page }}{{ .Summary }}{{ end }}\
                 {{ .Parent.Titel }}{{ (.Page).Titel }}"
            ),
            // One each, and a first `.Page` or `$p` is checked too (`.Parent` is read
            // through PARENT, which checks it).
            11
        );
    }

    #[test]
    fn a_namespaced_function_is_one_function() {
        let calls = functions(r#"{{ strings.TrimSpace " a " }}{{ (urls.Parse "x").Host }}"#);
        assert_eq!(calls, ["strings.TrimSpace", "urls.Parse"]);
    }

    #[test]
    fn a_method_of_a_namespaced_functions_result_is_a_method_call() {
        // Hunt AT, 3: `time.Now.Format "2006"` gave "can't give argument to non-function".
        let calls = functions(r#"{{ time.Now.Format "2006" }}{{ time.Now.AddDate 0 0 1 }}"#);
        assert_eq!(calls, [".Format", "time.Now", ".AddDate", "time.Now"]);
    }

    #[test]
    fn fields_without_arguments_stay_fields() {
        let (_, calls) = rewritten("{{ .Inner }}{{ .Site.Title }}{{ site.Title }}");
        assert_eq!(calls, ["site"]);
    }

    #[test]
    fn a_method_of_a_parenthesised_value_is_a_method_call() {
        let (_, calls) = rewritten(r#"{{ (time "2021-03-04").Format "2006" }}"#);
        assert_eq!(calls, [".Format", "time"]);
    }

    #[test]
    fn a_piped_value_makes_a_field_a_method() {
        let calls = functions(r#"{{ "*a*" | .Page.RenderString }}{{ .Inner | .Foo }}"#);
        assert_eq!(calls, [".RenderString", ".Foo"]);
    }

    #[test]
    fn a_method_without_arguments_read_as_an_argument_is_called() {
        let (_, calls) = rewritten(
            "{{ len .Scratch.Values }}{{ path.Base .Position.Filename }}{{ len .Params }}",
        );
        // `.Scratch` and `.Position` of what may be a page or the site are checked.
        assert_eq!(
            calls,
            [
                "len",
                ".Values",
                "path.Base",
                ".Filename",
                "len",
                FIELD,
                FIELD
            ]
        );
    }

    #[test]
    fn a_literal_printf_formats_plain_vs_through_print_and_other_directives_through_format() {
        let verbs = |f: &str| {
            directives(f).map(|d| d.into_iter().map(|(r, v)| (r.start, v)).collect::<Vec<_>>())
        };
        assert_eq!(
            verbs("%v|%5.2f|%+v|%%|%s"),
            Some(vec![(0, 'v'), (3, 'f'), (9, 'v'), (16, 's')])
        );
        assert_eq!(verbs("%[1]v"), None);
        assert_eq!(verbs("%*d"), None);
        let (_, calls) = rewritten(r#"{{ printf "%v and %d and %.1f" 2.5e6 3 1.5 | safeHTML }}"#);
        assert_eq!(calls.iter().filter(|c| *c == PRINT).count(), 1, "{calls:?}");
        // `%d`, and `%.1f`, a float verb, which Go refuses a whole number.
        assert_eq!(
            calls.iter().filter(|c| *c == FORMAT).count(),
            2,
            "{calls:?}"
        );
    }

    #[test]
    fn an_action_in_a_script_prints_a_float_as_it_is() {
        let (_, calls) = rewritten(
            r#"<script>var x = {{ .Get "lat" }};</script>{{ .Get "lat" }}<SCRIPT>{{ $x }}"#,
        );
        assert_eq!(calls.iter().filter(|c| *c == PRINT).count(), 1, "{calls:?}");
        let (_, calls) = rewritten(
            r#"<a onclick="f({{ .x }}, {{ .y }})" title="{{ .z }}" data-onx='{{ .w }}' cron="{{ .u }}">{{ .v }}</a>"#,
        );
        // Go's `attrType` reads `data-onx` as `onx`: script.
        assert_eq!(calls.iter().filter(|c| *c == PRINT).count(), 3, "{calls:?}");
    }

    #[test]
    fn an_action_that_may_print_a_float_ends_in_print() {
        let (_, calls) = rewritten(
            r#"{{ mul 2.5 1e6 }}{{ .Get "price" }}{{ $x }}{{ . }}{{ 2.5 }}{{ math.Sqrt 2 }}"#,
        );
        let prints = calls.iter().filter(|c| *c == PRINT).count();
        assert_eq!(prints, 6, "{calls:?}");
    }

    #[test]
    fn only_an_action_that_prints_a_date_a_time_a_media_type_or_a_float_ends_in_print() {
        let (_, calls) = rewritten(
            "{{ .Date }}{{ .Page.Lastmod }}{{ now }}{{ .Date.UTC }}{{ $d := .Date }}\
             {{ if .Date }}{{ .Title }}{{ end }}{{ .MediaType.Type }}{{ .Inner | markdownify }}\
             {{ \"x\" }}{{ strings.TrimSpace .Inner }}{{ printf \"%d\" 3 }}",
        );
        let prints = calls.iter().filter(|c| *c == PRINT).count();
        assert_eq!(prints, 4, "{calls:?}");
    }
}
