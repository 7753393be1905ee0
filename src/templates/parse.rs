//! Parsing a Go template as Go's `text/template/parse` does, for both readers of a
//! template (the schema and the engine).
//!
//! `gotmpl`'s parser (0.6) accepts two things Go rejects: a block left open at the end
//! (`{{ if .X }}` without `{{ end }}`: Go says `unexpected EOF`) and an `{{ end }}` with no
//! block (Go: `unexpected {{end}}`; gotmpl stops reading there and drops the rest). Hugo
//! fails the build on both, so Folio checks the blocks' balance itself first
//! ([`check_blocks`]), reading actions as Go's lexer does (`lex.go`: comments, quoted,
//! raw and character literals, the trim markers). And gotmpl rejects a pipeline that ends
//! in `|`, which Go accepts: that `|` is read as a space ([`without_trailing_pipes`]).

use gotmpl::parse::{DefineNode, ListNode, Parser};

/// A parsed template: its body and its `define`d templates.
pub type Parsed = (ListNode, Vec<DefineNode>);

/// Parses a template's text.
///
/// # Errors
/// `(line, col, message)`, 1-based; line 0 when the parser gave no position.
pub fn parse(src: &str) -> Result<Parsed, (usize, usize, String)> {
    let src = &*without_trailing_pipes(src);
    let parsed = Parser::new(src, "{{", "}}")
        .and_then(Parser::parse)
        .map_err(|e| match e {
            gotmpl::TemplateError::Parse {
                line, col, message, ..
            }
            | gotmpl::TemplateError::Lex {
                line, col, message, ..
            } => (line, col, message),
            other => (0, 0, other.to_string()),
        })?;
    check_blocks(src)?;
    Ok(parsed)
}

/// Of the variables a template reads ([`variable_uses`]), the first where none of that name
/// is declared (`{{ $x }}` without `{{ $x := … }}` before it in scope): Go's parser
/// refuses the template there ("undefined variable \"$x\"", `text/template/parse`, `useVar`), where
/// `gotmpl` says so only when the action runs, without a place. As Go scopes them: `$`
/// always, a variable from its declaration (or assignment) to the `end` of the `if`,
/// `range` or `with` around it, its pipeline's declarations through both branches; each
/// `define` on its own.
pub fn undefined_variable(uses: &[VariableUse]) -> Option<&VariableUse> {
    uses.iter().find(|u| !u.declared)
}

/// A variable read in a template (`$x` in `{{ $x }}`, not in `{{ $x := 1 }}`), and
/// whether Go's parser has it declared there.
pub struct VariableUse {
    /// Where it is read, in bytes from the template's start.
    pub offset: usize,
    /// With its `$`.
    pub name: String,
    /// In scope there (see [`undefined_variable`]).
    pub declared: bool,
}

/// Every variable `src` reads, in source order, each with whether it is in scope there
/// (see [`undefined_variable`]); none when `src` does not parse.
pub fn variable_uses(src: &str) -> Vec<VariableUse> {
    use gotmpl::parse::{Expr, ListNode, Node, PipeNode};
    fn pipe(p: &PipeNode, vars: &mut Vec<String>, uses: &mut Vec<VariableUse>) {
        vars.extend(p.decl.iter().map(ToString::to_string));
        for e in p.commands.iter().flat_map(|c| &c.args) {
            expr(e, vars, uses);
        }
    }
    fn expr(e: &Expr, vars: &mut Vec<String>, uses: &mut Vec<VariableUse>) {
        match e {
            Expr::Variable(pos, name, _) => uses.push(VariableUse {
                offset: pos.offset,
                name: name.to_string(),
                declared: vars.iter().any(|v| v == name.as_str()),
            }),
            Expr::Pipe(_, p) => pipe(p, vars, uses),
            Expr::Chain(_, inner, _) => expr(inner, vars, uses),
            _ => {}
        }
    }
    fn list(l: &ListNode, vars: &mut Vec<String>, uses: &mut Vec<VariableUse>) {
        for node in &l.nodes {
            match node {
                Node::List(l) => list(l, vars, uses),
                Node::Action(a) => pipe(&a.pipe, vars, uses),
                Node::If(b) | Node::With(b) | Node::Range(b) => {
                    let mark = vars.len();
                    pipe(&b.pipe, vars, uses);
                    list(&b.body, vars, uses);
                    if let Some(e) = &b.else_body {
                        list(e, vars, uses);
                    }
                    vars.truncate(mark);
                }
                Node::Template(t) => {
                    if let Some(p) = &t.pipe {
                        pipe(p, vars, uses);
                    }
                }
                Node::Define(d) => list(&d.body, &mut vec!["$".to_string()], uses),
                Node::Text(_) | Node::Break(_) | Node::Continue(_) => {}
            }
        }
    }
    let Ok((body, defines)) = parse(src) else {
        return Vec::new();
    };
    let mut uses = Vec::new();
    list(&body, &mut vec!["$".to_string()], &mut uses);
    for d in &defines {
        list(&d.body, &mut vec!["$".to_string()], &mut uses);
    }
    uses.sort_by_key(|u| u.offset);
    uses
}

/// `src` without its comment actions (`{{/* … */}}`, `{{- /* … */ -}}`), read as Go's
/// lexer reads actions ([`action_end`]); an unclosed one to the end.
pub fn without_comments(src: &str) -> std::borrow::Cow<'_, str> {
    if !src.contains("/*") {
        return src.into();
    }
    let mut out = String::with_capacity(src.len());
    let mut pos = 0;
    while let Some(start) = src.get(pos..).and_then(|r| r.find("{{")).map(|i| pos + i) {
        let end = action_end(src, start + 2);
        let body = src.get(start + 2..end.unwrap_or(src.len())).unwrap_or("");
        let comment = body
            .strip_prefix('-')
            .unwrap_or(body)
            .trim_start()
            .starts_with("/*");
        let Some(end) = end else {
            // An action left open: a comment is dropped to the end, anything else kept.
            if comment {
                out.push_str(src.get(pos..start).unwrap_or(""));
                pos = src.len();
            }
            break;
        };
        out.push_str(
            src.get(pos..if comment { start } else { end + 2 })
                .unwrap_or(""),
        );
        pos = end + 2;
    }
    out.push_str(src.get(pos..).unwrap_or(""));
    out.into()
}

/// Checks that every `if`, `range`, `with`, `define` and `block` has its `end`, and
/// every `end` and `else` its block.
///
/// # Errors
/// `(line, col, message)` with Go's message.
pub fn check_blocks(src: &str) -> Result<(), (usize, usize, String)> {
    let at = |offset: usize, message: &str| {
        let (line, col) = crate::text::line_col(src, offset);
        Err((line, col, message.to_string()))
    };
    // The blocks open, innermost last.
    let mut open: Vec<String> = Vec::new();
    let mut pos = 0;
    let first_word = |text: &str| -> String {
        text.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect()
    };
    while let Some(start) = src.get(pos..).and_then(|r| r.find("{{")).map(|i| pos + i) {
        let Some(end) = action_end(src, start + 2) else {
            return at(src.len(), "unclosed action");
        };
        let body = src.get(start + 2..end).unwrap_or("");
        let body = body.strip_prefix('-').unwrap_or(body).trim_start();
        let word = first_word(body);
        match word.as_str() {
            "if" | "range" | "with" | "define" | "block" => open.push(word),
            "end" if open.pop().is_none() => return at(start, "unexpected {{end}}"),
            "else" => {
                // `else if` chains an `if` only, `else with` a `with` only (Go's
                // `parseControl`); another is left in the input, where Go refuses it.
                let chained = first_word(body.get(4..).unwrap_or(""));
                match (open.last().map(String::as_str), chained.as_str()) {
                    (None, _) => return at(start, "unexpected {{else}}"),
                    (Some(block), next @ ("if" | "with")) if block != next => {
                        return at(start, &format!("unexpected <{next}> in input"));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        pos = end + 2;
    }
    if !open.is_empty() {
        return at(src.len(), "unexpected EOF");
    }
    Ok(())
}

/// `src` with each pipeline's trailing `|` (`{{ $s := .Get "src" | }}`) made a space:
/// Go's parser ends the pipeline there (`parse.go`, `command`), gotmpl's reports an empty
/// command. Offsets stay as they are.
fn without_trailing_pipes(src: &str) -> std::borrow::Cow<'_, str> {
    let mut pipes = Vec::new();
    let mut pos = 0;
    while let Some(start) = src.get(pos..).and_then(|r| r.find("{{")).map(|i| pos + i) {
        let Some(end) = action_end(src, start + 2) else {
            break;
        };
        let body = src.get(start + 2..end).unwrap_or("").trim_end();
        // A trim marker is ` -` before the `}}`.
        let body = match body.strip_suffix('-') {
            Some(b) if b.ends_with(char::is_whitespace) => b.trim_end(),
            _ => body,
        };
        // Only after a command: `{{ | }}` stays an error.
        let before = body
            .strip_suffix('|')
            .map(|b| b.trim_start_matches('-').trim());
        if before.is_some_and(|b| !b.is_empty() && !b.ends_with('|') && !b.starts_with("/*")) {
            pipes.push(start + 2 + body.len() - 1);
        }
        pos = end + 2;
    }
    if pipes.is_empty() {
        return std::borrow::Cow::Borrowed(src);
    }
    let mut bytes = src.as_bytes().to_vec();
    for at in pipes {
        if let Some(b) = bytes.get_mut(at) {
            *b = b' ';
        }
    }
    String::from_utf8(bytes).map_or(std::borrow::Cow::Borrowed(src), std::borrow::Cow::Owned)
}

/// The offset of the `}}` closing the action whose text starts at `from`, skipping
/// comments and the literals in which `}}` is text.
fn action_end(src: &str, from: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let rest = src.get(from..)?;
    let trimmed = rest.strip_prefix('-').unwrap_or(rest).trim_start();
    if trimmed.starts_with("/*") {
        let open = src.len() - trimmed.len();
        let close = src.get(open + 2..)?.find("*/")? + open + 2;
        return src.get(close..)?.find("}}").map(|i| close + i);
    }
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'}' if bytes.get(i + 1) == Some(&b'}') => return Some(i),
            b'"' | b'\'' => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    match c {
                        b'\\' => i += 1,
                        b'\n' => return None,
                        c if c == b => break,
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'`' => i += src.get(i + 1..)?.find('`')? + 1,
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_left_open_is_an_unexpected_eof_at_the_end() {
        assert_eq!(
            check_blocks("<p>\n  {{ if .Get \"x\" }}\n</p>"),
            Err((3, 5, "unexpected EOF".into()))
        );
    }

    #[test]
    fn an_end_without_a_block_is_reported_where_it_is() {
        assert_eq!(
            check_blocks("a\n{{ end }}b"),
            Err((2, 1, "unexpected {{end}}".into()))
        );
    }

    #[test]
    fn else_chains_a_block_of_its_own_kind_only() {
        assert_eq!(
            check_blocks("{{ if .A }}a{{ else with .B }}b{{ end }}"),
            Err((1, 13, "unexpected <with> in input".into()))
        );
        assert_eq!(
            check_blocks("{{ range .A }}a{{- else if .B }}b{{ end }}"),
            Err((1, 16, "unexpected <if> in input".into()))
        );
        assert_eq!(
            check_blocks("{{ if .A }}{{ else if .B }}{{ else }}{{ with .C }}{{ else with .D }}{{ end }}{{ end }}"),
            Ok(())
        );
    }

    #[test]
    fn a_variable_is_undefined_outside_the_scope_go_gives_it() {
        let first =
            |src: &str| undefined_variable(&variable_uses(src)).map(|u| (u.offset, u.name.clone()));
        // In scope: `$`, a declaration through its block's branches, an assignment.
        for ok in [
            "{{ $ }}{{ $.Title }}",
            "{{ $x := 1 }}{{ if $x }}{{ $x }}{{ end }}{{ $x }}",
            "{{ if $v := .A }}{{ $v }}{{ else }}{{ $v }}{{ end }}",
            "{{ range $i, $e := .L }}{{ $i }}{{ $e }}{{ end }}",
            "{{ $x := 1 }}{{ with .A }}{{ $x = 2 }}{{ end }}{{ ($x).Y }}",
            "{{ $x := 1 }}{{ define \"d\" }}{{ $ }}{{ end }}",
        ] {
            assert_eq!(first(ok), None, "{ok}");
        }
        // Out of scope: after its block's end, before its declaration, in a define.
        let src = "{{ with .A }}{{ $x := 1 }}{{ end }}{{ $x }}";
        assert_eq!(first(src), Some((src.rfind("$x").unwrap(), "$x".into())));
        let src = "{{ $y }}{{ $y := 1 }}";
        assert_eq!(first(src), Some((3, "$y".into())));
        let src = "{{ $z := 1 }}{{ define \"d\" }}{{ len $z }}{{ end }}";
        assert_eq!(first(src), Some((src.rfind("$z").unwrap(), "$z".into())));
    }

    #[test]
    fn comments_are_taken_out_as_go_skips_them() {
        assert_eq!(
            without_comments("a{{/* site.Data */}}b{{- /* x\n}} */ -}}c{{ .X }}d{{/* open"),
            "abc{{ .X }}d"
        );
        assert_eq!(without_comments("{{ \"/*\" }}"), "{{ \"/*\" }}");
    }

    #[test]
    fn a_pipeline_may_end_in_a_pipe_as_in_go() {
        assert!(parse("{{ $s := .Get \"src\" | }}{{ .A | upper | -}}\n{{ \"|\" }}").is_ok());
        assert!(parse("{{ | }}").is_err());
    }

    #[test]
    fn braces_in_strings_and_comments_are_text() {
        assert_eq!(
            check_blocks("{{ if eq .X \"}}\" }}{{/* {{ if }} */}}{{- `}}` -}}{{ end }}"),
            Ok(())
        );
        assert_eq!(
            check_blocks("{{ with .A }}{{ else with .B }}{{ else }}{{ end }}"),
            Ok(())
        );
    }
}
