//! Which Chroma class text under a syntect scope stack gets: the tables that map Sublime
//! Text's scopes (`keyword.control.import.go`) to the token types Chroma's lexers give
//! (`KeywordNamespace`, class `kn`), and the lookup ([`class_of`]). Lexer by lexer, the
//! entries come from comparing Hugo's output with Folio's (`tests/testsuite/highlight.rs`).

use std::sync::OnceLock;

use syntect::parsing::{Scope, ScopeStack};

/// Scope prefixes and the Chroma class a Chroma lexer gives such text, most specific first;
/// `""` means "the enclosing scope decides" (a string's quotes are part of the string), and
/// [`PLAIN`] that the text is plain whatever encloses it.
const SCOPES: &[(&str, &str)] = &[
    // Chroma's HTML, Go, Rust, Java and C lexers: a string is a string, whatever quotes
    // it (`LiteralString`), and C's `%d` part of it.
    ("string.quoted.double.html", "s"),
    ("string.quoted.single.html", "s"),
    ("string.quoted.double.go", "s"),
    ("string.quoted.double.rust", "s"),
    ("string.quoted.double.java", "s"),
    ("string.quoted.double.c", "s"),
    ("constant.other.placeholder.c", ""),
    // Chroma's HTML lexer: an entity's `&` and `;` are the entity's, a comment is `c`.
    ("punctuation.definition.entity.html", ""),
    ("comment.block.html", "c"),
    // Chroma's CSS lexer: a property name is a keyword, a class a class, `auto` a
    // constant.
    ("support.type.property-name.css", "k"),
    ("entity.other.attribute-name.class.css", "nc"),
    ("support.constant.property-value.css", "kc"),
    // Chroma's Java lexer: a class it does not declare is a name, `[]` operators, and a
    // member after a dot an attribute (`refine`).
    ("support.class.java", PLAIN),
    ("storage.modifier.array.java", "o"),
    // Chroma's Kotlin lexer: types are names, `val x` a property, `$x` in a string an
    // interpolation (single-character operators are punctuation: `refine`).
    ("storage.type.buildin", PLAIN),
    ("entity.name.variable.kotlin", "py"),
    ("variable.parameter.template.kotlin", "si"),
    // Chroma's PHP lexer: `echo` is a keyword, `$` part of the variable's name.
    ("support.function.construct.php", "k"),
    ("punctuation.definition.variable.php", "nv"),
    ("punctuation.section.embedded.end.php", "cp"),
    // Chroma's Markdown lexer: a link's or an image's text is a tag, its address an
    // attribute, the brackets text; a list's bullet and a quote's `>` keywords, the
    // quote emphasis.
    ("meta.image.inline.description.markdown", "nt"),
    ("meta.link.inline.description.markdown", "nt"),
    ("markup.underline.link", "na"),
    ("punctuation.definition.image", PLAIN),
    ("punctuation.definition.link", PLAIN),
    ("punctuation.definition.metadata.begin.markdown", PLAIN),
    ("punctuation.definition.metadata.end.markdown", PLAIN),
    ("punctuation.definition.list_item.markdown", "k"),
    // Chroma's Python lexer: `->` an operator, an f-string's `f` a string affix and its
    // braces interpolation.
    ("punctuation.separator.annotation.return.python", "o"),
    ("storage.type.string.python", "sa"),
    ("punctuation.section.interpolation", "si"),
    // Chroma's Rust lexer: `Vec`, `String`… are built-ins, generics' `<>` operators.
    ("support.type.rust", "nb"),
    ("punctuation.definition.generic.begin.rust", "o"),
    ("punctuation.definition.generic.end.rust", "o"),
    // Chroma's TOML lexer: a key is a name.
    ("entity.name.tag.toml", "nx"),
    // Chroma's CSS lexer: combinators are operators, pseudo-classes decorators.
    ("punctuation.separator.combinator.css", "o"),
    ("entity.other.pseudo-class.css", "nd"),
    // Chroma's JavaScript and TypeScript lexers: a template's `${ }` is interpolation and
    // what is inside it code; a type annotation's `:` text, `=>` an operator, a type
    // named in an annotation a type (an interface's own name a name).
    ("punctuation.definition.template-expression", "si"),
    ("meta.interpolation.js", PLAIN),
    ("meta.template.expression.ts", PLAIN),
    ("string.quoted.other.js", "sb"),
    ("string.template.ts", "sb"),
    ("keyword.operator.type.annotation.ts", PLAIN),
    ("storage.type.function.arrow.ts", "o"),
    ("storage.type.function.arrow.js", PLAIN),
    ("entity.name.type.interface.ts", "nx"),
    ("entity.name.type.ts", "kt"),
    // Chroma's SQL lexer: `COUNT`… are keywords, `*` an operator.
    ("support.function.aggregate.sql", "k"),
    ("variable.language.star.sql", "o"),
    // Chroma's Bash lexer: a command is text (a builtin is `nb`), and so are its options,
    // in a `$( )` inside a string too; `[ ]` are operators, `;` punctuation, and `export`,
    // `local`… builtins.
    ("variable.function.shell", PLAIN),
    ("string.unquoted.shell", PLAIN),
    ("keyword.operator.logical.pipe.shell", "p"),
    ("punctuation.definition.variable.shell", "nv"),
    ("punctuation.section.parens.begin.shell", "o"),
    ("punctuation.section.parens.end.shell", "o"),
    ("variable.parameter.option.shell", PLAIN),
    ("punctuation.definition.parameter.shell", PLAIN),
    ("meta.function-call.arguments.shell", PLAIN),
    ("support.function.test.begin.shell", "o"),
    ("support.function.test.end.shell", "o"),
    ("keyword.operator.logical.continue.shell", "p"),
    ("storage.modifier.shell", "nb"),
    // Chroma's JavaScript lexer: `console` and its methods are names like any other.
    ("support.type.object.console.js", "nx"),
    ("support.function.console.js", "nx"),
    ("punctuation.definition.string", ""),
    ("punctuation.definition.comment", ""),
    ("punctuation.definition.constant", ""),
    ("punctuation.separator.decimal", ""),
    ("punctuation.separator.key-value.html", "o"),
    ("punctuation.section.embedded", "p"),
    ("punctuation.definition.tag", "p"),
    ("punctuation", "p"),
    // Chroma's Python and Rust lexers read doc comments as doc strings.
    ("comment.block.documentation.python", "sd"),
    ("comment.line.documentation.rust", "sd"),
    ("comment.block.documentation.rust", "sd"),
    ("comment.line", "c1"),
    ("comment.block", "cm"),
    ("comment", "c"),
    ("string.quoted.single", "s1"),
    ("string.quoted.double", "s2"),
    ("string.quoted.triple", "sd"),
    ("string.regexp", "sr"),
    ("string.unquoted.plain.out.yaml", "l"),
    ("string.interpolated", "sb"),
    ("string", "s"),
    ("constant.numeric.integer.hexadecimal", "mh"),
    ("constant.numeric.hex", "mh"),
    ("constant.numeric.integer.octal", "mo"),
    ("constant.numeric.integer.binary", "mb"),
    ("constant.numeric.float", "mf"),
    ("constant.numeric.integer", "mi"),
    ("constant.numeric", "m"),
    ("constant.character.escape", "se"),
    ("constant.character.entity", "ni"),
    ("constant.other.color", "mh"),
    ("constant.character", "sc"),
    ("constant.language", "kc"),
    ("constant.other.placeholder", "si"),
    ("constant", "no"),
    ("keyword.control.import", "kn"),
    ("keyword.other.import", "kn"),
    ("keyword.other.package", "kn"),
    ("keyword.control.package", "kn"),
    ("keyword.declaration", "kd"),
    ("keyword.operator.word", "ow"),
    ("keyword.operator.logical.python", "ow"),
    ("keyword.operator", "o"),
    ("keyword", "k"),
    ("storage.type.function", "kd"),
    ("storage.type.class", "kd"),
    ("storage.type.struct", "kd"),
    ("storage.type.interface", "kd"),
    ("storage.type.enum", "kd"),
    ("storage.type.trait", "kd"),
    ("storage.type.impl", "kd"),
    ("storage.type.module", "kd"),
    ("storage.type", "kt"),
    ("storage.modifier", "kd"),
    ("storage", "kd"),
    ("entity.name.function", "nf"),
    ("entity.name.tag", "nt"),
    ("entity.other.attribute-name", "na"),
    ("entity.name.class", "nc"),
    ("entity.name.struct", "nc"),
    ("entity.name.type", "nc"),
    ("entity.other.inherited-class", "nc"),
    ("entity.name.namespace", "nn"),
    ("entity.name.constant", "no"),
    ("entity.name.label", "nl"),
    ("entity.name.section", "gh"),
    ("entity.name", "nx"),
    ("support.macro", "fm"),
    ("support.function.C99", "nf"),
    ("support.function", "nb"),
    ("support.type.python", "nb"),
    ("support.type", "kt"),
    ("support.class", "nc"),
    ("support.constant", "no"),
    ("variable.function", "nf"),
    ("variable.language", "bp"),
    ("variable.parameter", "nv"),
    ("variable.other.constant", "no"),
    ("variable", "nv"),
    ("markup.heading", "gh"),
    ("markup.inserted", "gi"),
    ("markup.deleted", "gd"),
    ("markup.bold", "gs"),
    ("markup.italic", "ge"),
    ("markup.raw", "sb"),
    ("invalid", "err"),
];

/// Scopes whose whole text Chroma gives one class, whatever is inside them (a JSON key's
/// quotes, a doctype's `<!`): checked first, outermost first.
const WHOLE: &[(&str, &str)] = &[
    ("meta.preprocessor", "cp"),
    // A regular expression is one string to Chroma's JavaScript lexer.
    ("string.regexp.js", "sr"),
    // Chroma's Markdown lexer: emphasis, strong emphasis and code with their delimiters,
    // a heading's whole line, a numbered list's number.
    // A quote's whole line is emphasis (its `>`: `lexers.rs`, `quirk`).
    ("markup.quote.markdown", "ge"),
    ("markup.italic.markdown", "ge"),
    ("markup.bold.markdown", "gs"),
    ("markup.raw.inline.markdown", "sb"),
    ("markup.heading.1.markdown", "gh"),
    ("markup.heading.2.markdown", "gu"),
    ("markup.heading.3.markdown", "gu"),
    ("markup.heading.4.markdown", "gu"),
    ("markup.heading.5.markdown", "gu"),
    ("markup.heading.6.markdown", "gu"),
    ("markup.heading.markdown", "gu"),
    ("markup.list.numbered.bullet.markdown", "k"),
    ("meta.tag.sgml", "cp"),
    ("meta.structure.dictionary.key.json", "nt"),
    ("meta.mapping.key.json", "nt"),
];

/// Text whose innermost scope starts with the second prefix, directly inside a scope that
/// starts with the first, and the class Chroma gives it: checked before [`SCOPES`].
const INSIDE: &[(&str, &str, &str)] = &[
    // Chroma's Bash lexer: a command substitution's `$(` and `)` are keywords.
    (
        "meta.group.expansion.command.parens.shell",
        "punctuation.definition.variable.shell",
        "k",
    ),
    (
        "meta.group.expansion.command.parens.shell",
        "punctuation.section.parens",
        "k",
    ),
];

/// Scope prefixes as syntect scopes, with their classes.
type ScopeTable = Vec<(Scope, &'static str)>;

/// [`WHOLE`], [`SCOPES`] and [`INSIDE`] as syntect scopes.
struct ScopeTables {
    whole: ScopeTable,
    scopes: ScopeTable,
    inside: Vec<(Scope, Scope, &'static str)>,
}

fn scope_tables() -> &'static ScopeTables {
    static TABLES: OnceLock<ScopeTables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let table = |rules: &[(&str, &'static str)]| {
            rules
                .iter()
                .filter_map(|(s, class)| Some((Scope::new(s).ok()?, *class)))
                .collect()
        };
        ScopeTables {
            whole: table(WHOLE),
            scopes: table(SCOPES),
            inside: INSIDE
                .iter()
                .filter_map(|(outer, inner, class)| {
                    Some((Scope::new(outer).ok()?, Scope::new(inner).ok()?, *class))
                })
                .collect(),
        }
    })
}

/// The Chroma class of text under a scope stack: the outermost scope [`WHOLE`] maps, else
/// the innermost scope and its parent as [`INSIDE`] maps them, else the innermost scope
/// [`SCOPES`] maps.
pub(super) fn class_of(stack: &ScopeStack) -> Option<&'static str> {
    let tables = scope_tables();
    let scopes = stack.as_slice();
    for scope in scopes {
        if let Some((_, class)) = tables.whole.iter().find(|(p, _)| p.is_prefix_of(*scope)) {
            return Some(class);
        }
    }
    if let [.., parent, innermost] = scopes {
        let inside = tables.inside.iter().find(|(outer, inner, _)| {
            outer.is_prefix_of(*parent) && inner.is_prefix_of(*innermost)
        });
        if let Some((_, _, class)) = inside {
            return Some(class);
        }
    }
    for scope in scopes.iter().rev() {
        if let Some((_, class)) = tables.scopes.iter().find(|(p, _)| p.is_prefix_of(*scope)) {
            if *class == PLAIN {
                return None;
            }
            if !class.is_empty() {
                return Some(class);
            }
        }
    }
    None
}

/// In [`SCOPES`]: plain text, whatever scope encloses it.
const PLAIN: &str = "-";
