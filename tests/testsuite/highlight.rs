//! Code highlighted as Hugo 0.168 highlights it: the `highlight` shortcode and fenced code
//! blocks, with every option and the site's `markup.highlight` settings, compared with
//! Hugo's own build of the same page. The blocks, lines, line numbers, highlighted lines,
//! anchors and text must be Hugo's exactly; the tokens' colours come from another
//! tokeniser, so they are compared as a share of the code's characters.

use crate::support::{check_lines, hugo_build, hugo_site, without_token_spans};

/// A page showing each way to ask for highlighting.
const PAGE: &str = r#"---
title: Code
---

{{< highlight go "linenos=table,hl_lines=2 4-5,linenostart=10" >}}
package main

import "fmt"
// a comment
func main() {
	fmt.Println("hi", 42)
}
{{< /highlight >}}

```go
package main
x := 'a'
```

```go {linenos=inline,hl_lines=[1],anchorlinenos=true,lineanchors=L}
func f() int { return 1 }
y := 2.5
```

```python {linenos=true, .wide #snippet data-x="y"}
def f(x):
    return "s" # c
```

```js {anchorlinenos=true, linenos=inline, hl_lines=[2,"3-4"], linenostart=8}
const a = 1;
let b = `t`;
// c
function g() { return a <= b; }
```

```nosuchlang
a < b
```

```
no language
```

```text
plain text & more
```

{{< highlight html >}}
<div class="a">x &amp; y</div>
{{< /highlight >}}

{{< highlight bash "hl_inline=true" >}}echo "$HOME"{{< /highlight >}}

{{< highlight golang "linenos=inline,style=github,noClasses=false" >}}
var n = 1
{{< /highlight >}}

- a list item with code:

  {{< highlight go >}}
  x := 1
    y := 2
  {{< /highlight >}}

{{< highlight rust "linenos=inline,tabWidth=8,hl_lines=1-3" >}}
fn main() {
	let s = "x";
}
{{< /highlight >}}
"#;

fn render_both(files: &[(&str, &str)]) -> (String, String) {
    let site = hugo_site(files);
    hugo_build(site.path(), "highlight");
    let hugo = std::fs::read_to_string(site.path().join("public/code/index.html")).unwrap();
    let doc = folio::OpenPage::open(&site.path().join("content/code.md")).unwrap();
    (doc.render().html.to_string(), hugo)
}

#[test]
fn every_highlight_option_gives_hugos_blocks_lines_and_line_numbers() {
    let (folio, hugo) = render_both(&[("hugo.toml", ""), ("content/code.md", PAGE)]);
    assert_eq!(
        without_token_spans(folio.trim()),
        without_token_spans(hugo.trim())
    );
    // The comparison sees what it should: the highlighted lines, and tokens coloured.
    assert!(folio.contains("<span style=\"display:flex; background-color:#3c3d38\">"));
    assert!(
        folio.contains("<span style=\"color:#75715e\">// a comment</span>"),
        "{folio}"
    );
}

#[test]
fn the_old_pygments_keys_apply_where_markup_highlight_leaves_the_default() {
    let page = "---\ntitle: Code\n---\n\n```go\nvar x = 1\n```\n\n\
                {{< highlight python >}}\nx = 1\n{{< /highlight >}}\n";
    for (config, shows) in [
        // Classes, and numbers in a table, from the keys Hugo had with Pygments.
        (
            "pygmentsUseClasses = true\npygmentsOptions = \"linenos=table\"\n",
            "<pre tabindex=\"0\" class=\"chroma\"><code><span class=\"lnt\">1",
        ),
        // A style, in any case of the key.
        ("PygmentsStyle = \"dracula\"\n", "background-color:#282a36"),
        // Fences left to Goldmark.
        (
            "pygmentsCodefences = false\n",
            "<pre><code class=\"language-go\">var x = 1",
        ),
        // `markup.highlight` off its default wins over the old key.
        (
            "pygmentsUseClasses = false\n[markup.highlight]\nnoClasses = false\n",
            "<pre tabindex=\"0\" class=\"chroma\">",
        ),
    ] {
        let (folio, hugo) = render_both(&[("hugo.toml", config), ("content/code.md", page)]);
        assert_eq!(
            without_token_spans(folio.trim()),
            without_token_spans(hugo.trim()),
            "{config}"
        );
        assert!(folio.contains(shows), "{config}: {folio}");
    }
}

#[test]
fn a_code_block_hooks_highlighting_names_lines_by_the_blocks_ordinal() {
    let config = "[markup.highlight]\nanchorLineNos = true\nlineNos = true\n\
                  lineNumbersInTable = false\n";
    let page = "---\ntitle: Code\n---\n\n```go\na := 1\n```\n\n```go\nb := 2\n```\n\n\
                ```go {lineanchors=x}\nc := 3\n```\n";
    let (folio, hugo) = render_both(&[
        ("hugo.toml", config),
        (
            "layouts/_default/_markup/render-codeblock.html",
            "{{ (transform.HighlightCodeBlock .).Wrapped }}",
        ),
        ("content/code.md", page),
    ]);
    assert_eq!(
        without_token_spans(folio.trim()),
        without_token_spans(hugo.trim())
    );
    for id in ["id=\"hl-0-1\"", "id=\"hl-1-1\"", "id=\"x-1\""] {
        assert!(folio.contains(id), "{id}: {folio}");
    }
}

#[test]
fn the_sites_line_anchors_name_every_blocks_lines() {
    // Hunt AO, 11: `lineAnchors` in the site config was not read (`hl-0-1` and `1`).
    let config = "[markup.highlight]\nanchorLineNos = true\nlineNos = true\n\
                  lineNumbersInTable = false\nlineAnchors = \"code\"\n";
    let page = "---\ntitle: Code\n---\n\n```go\na := 1\n```\n\n\
                {{< highlight go >}}\nb := 2\n{{< /highlight >}}\n\n```go {lineanchors=x}\nc := 3\n```\n";
    for hook in [None, Some("{{ (transform.HighlightCodeBlock .).Wrapped }}")] {
        let mut files = vec![("hugo.toml", config), ("content/code.md", page)];
        if let Some(hook) = hook {
            files.push(("layouts/_default/_markup/render-codeblock.html", hook));
        }
        let (folio, hugo) = render_both(&files);
        assert_eq!(
            without_token_spans(folio.trim()),
            without_token_spans(hugo.trim())
        );
        assert_eq!(folio.matches("id=\"code-1\"").count(), 2, "{folio}");
        assert!(folio.contains("id=\"x-1\""), "{folio}");
    }
}

#[test]
fn a_code_block_hook_highlights_the_lines_its_attributes_list() {
    let page = "---\ntitle: Code\n---\n\n```go {hl_lines=[2,\"3-4\"],linenostart=5}\n\
                a := 1\nb := 2\nc := 3\nd := 4\ne := 5\n```\n";
    let (folio, hugo) = render_both(&[
        ("hugo.toml", ""),
        (
            "layouts/_default/_markup/render-codeblock.html",
            "{{ (transform.HighlightCodeBlock .).Wrapped }}",
        ),
        ("content/code.md", page),
    ]);
    assert_eq!(
        without_token_spans(folio.trim()),
        without_token_spans(hugo.trim())
    );
    assert_eq!(
        folio.matches("background-color:#3c3d38").count(),
        3,
        "{folio}"
    );
    // A list made in a template is not one Hugo can decode: its build stops.
    let site = hugo_site(&[
        ("hugo.toml", ""),
        (
            "layouts/shortcodes/code.html",
            "{{ transform.Highlight \"a\\nb\" \"go\" (dict \"hl_lines\" (slice 2 3)) }}",
        ),
        ("content/code.md", "---\ntitle: Code\n---\n\n{{< code >}}\n"),
    ]);
    let hugo = crate::support::hugo_run(site.path(), &[]).unwrap_err();
    assert!(hugo.contains("error(s) decoding"), "{hugo}");
    let found = check_lines(&site.path().join("content/code.md"), "code.md");
    assert!(
        found.len() == 1 && found[0].contains("error(s) decoding"),
        "{found:?}"
    );
}

#[test]
fn the_sites_wrapper_class_and_a_blocks_own_wrap_highlighted_code() {
    // Review 60b, 3: `wrapperClass` was not read (`<div class="highlight">` always).
    let page = "---\ntitle: Code\n---\n\n```go\na := 1\n```\n\n\
                {{< highlight go \"wrapperClass=own\" >}}\nb := 2\n{{< /highlight >}}\n\n\
                ```go {.extra}\nc := 3\n```\n\n{{< t >}}\n";
    let (folio, hugo) = render_both(&[
        (
            "hugo.toml",
            "[markup.highlight]\nwrapperClass = \"code-block no-prose\"\n",
        ),
        (
            "layouts/shortcodes/t.html",
            "{{ transform.Highlight \"d := 4\" \"go\" (dict \"wrapperClass\" \"mine\") }}",
        ),
        ("content/code.md", page),
    ]);
    assert_eq!(
        without_token_spans(folio.trim()),
        without_token_spans(hugo.trim())
    );
    for wrapper in [
        "<div class=\"code-block no-prose\">",
        "<div class=\"own\">",
        "<div class=\"code-block no-prose extra\">",
        "<div class=\"mine\">",
    ] {
        assert!(folio.contains(wrapper), "{wrapper}: {folio}");
    }
}

#[test]
fn check_says_where_hugo_guesses_the_language_of_code_a_template_highlights() {
    // Review 60b, 4: said of fences only.
    let site = hugo_site(&[
        ("hugo.toml", "[markup.highlight]\nguessSyntax = true\n"),
        (
            "layouts/shortcodes/run.html",
            "{{ highlight \"#!/bin/bash\\necho 10\\n\" \"\" \"\" }}{{ highlight \"x\" \"go\" \"\" }}",
        ),
        ("content/code.md", "---\ntitle: Code\n---\n\nIntro.\n\n{{< run >}}\n"),
    ]);
    hugo_build(site.path(), "a guess");
    let hugo = std::fs::read_to_string(site.path().join("public/code/index.html")).unwrap();
    assert!(hugo.contains("language-bash"), "Hugo guessed: {hugo}");
    let found: Vec<String> = check_lines(&site.path().join("content/code.md"), "code.md")
        .into_iter()
        .filter(|l| l.contains("guess"))
        .collect();
    assert_eq!(
        found,
        [
            "code.md:7:1: warning: Hugo guesses this code's language (guessSyntax) and may colour \
          it; Folio cannot guess and shows it plain: give `highlight` its language (bash)"
        ]
    );
}

#[test]
fn check_says_where_hugo_guesses_a_language_folio_shows_plain() {
    let site = hugo_site(&[
        ("hugo.toml", "[markup.highlight]\nguessSyntax = true\n"),
        (
            "layouts/_default/_markup/render-codeblock-mermaid.html",
            "<pre class=\"mermaid\">{{ .Inner }}</pre>",
        ),
        (
            "content/code.md",
            "---\ntitle: Code\n---\n\n```\n#!/bin/bash\necho hi\n```\n\n```go\nx\n```\n\n\
             ```mermaid\ngraph TD;\n```\n\n```nosuchlang\nx\n```\n",
        ),
    ]);
    let page = site.path().join("content/code.md");
    let guesses = |page: &std::path::Path| -> Vec<String> {
        let all = check_lines(page, "code.md");
        all.into_iter().filter(|l| l.contains("guess")).collect()
    };
    let found = guesses(&page);
    // The hook for every block guesses too when it highlights.
    std::fs::write(
        site.path()
            .join("layouts/_default/_markup/render-codeblock.html"),
        "{{ (transform.HighlightCodeBlock .).Wrapped }}",
    )
    .unwrap();
    assert_eq!(guesses(&page), found);
    // And so does a hook that hands the block to `transform.Highlight`: said of the
    // fence only, not again as code a template highlights (review 60c, 6).
    std::fs::write(
        site.path()
            .join("layouts/_default/_markup/render-codeblock.html"),
        "{{ transform.Highlight .Inner .Type }}",
    )
    .unwrap();
    assert_eq!(guesses(&page), found);
    std::fs::write(
        site.path()
            .join("layouts/_default/_markup/render-codeblock.html"),
        "<pre>{{ .Inner }}</pre>",
    )
    .unwrap();
    assert!(
        check_lines(&page, "code.md").is_empty(),
        "a hook that writes the code as it is takes every block"
    );
    let guessed = "warning: Hugo guesses this code block's language (guessSyntax) and may \
                   colour it; Folio cannot guess and shows it plain:";
    assert_eq!(
        found,
        [
            format!("code.md:5:1: {guessed} name the language after the fence (```bash)"),
            format!("code.md:18:1: {guessed} Hugo has no `nosuchlang`: name a language it knows"),
        ],
        "the blocks of no language Hugo knows, not the one its hook takes"
    );
}

#[test]
fn check_says_once_a_lexer_where_folio_colours_code_with_another_grammar_than_hugo() {
    let page = "---\ntitle: Code\n---\n\n```bash\necho 1\n```\n\n\
                {{< highlight bash >}}\necho 2\n{{< /highlight >}}\n\n\
                ```powershell\nGet-Item x\n```\n\n```text\nplain\n```\n\n\
                ```go-text-template\n{{ .x }}\n```\n\n```sh\necho 3\n```\n";
    let site = hugo_site(&[("hugo.toml", ""), ("content/code.md", page)]);
    let path = site.path().join("content/code.md");
    assert_eq!(
        check_lines(&path, "code.md"),
        [
            "code.md:5:1: warning: Hugo colours `bash` code with Chroma's Bash lexer, Folio \
             with syntect's Bourne Again Shell (bash) grammar: some words may take other \
             colours than on the site (the text, lines and layout are Hugo's). Said once for \
             the page's Bash code; nothing to fix in the page",
            "code.md:13:1: warning: Hugo colours `powershell` code with Chroma's PowerShell \
             lexer; Folio has no grammar for it and shows it uncoloured (the text, lines and \
             layout are Hugo's). Said once for the page's PowerShell code; nothing to fix in \
             the page",
        ],
        "the first Bash code (`sh` is Bash too), PowerShell; not plain text or a Go template"
    );
    // With fences left plain, Hugo's own `highlight` still colours its code.
    std::fs::write(
        site.path().join("hugo.toml"),
        "[markup.highlight]\ncodeFences = false\n",
    )
    .unwrap();
    let found = check_lines(&path, "code.md");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("code.md:9:15: warning: Hugo colours `bash`"),
        "{found:?}"
    );
}

#[test]
fn check_says_it_of_the_code_hugo_highlights_and_of_no_other() {
    // Review 59c, 3: a fence in indented code, in a `highlight` call's body or in a body
    // printed as it is got a note; a quoted fence and a nested call Hugo keeps got none;
    // a named `lang`, which Hugo's `highlight` does not read, got one.
    let page = "---\ntitle: x\n---\n\nIndented:\n\n    ```python\n    x = 1\n    ```\n\n\
                > ```js\n> let a = 1;\n> ```\n\n\
                {{< highlight md >}}\n```ruby\nputs 1\n```\n{{< /highlight >}}\n\n\
                {{% highlight text %}}\n```python\nx = 2\n```\n{{% /highlight %}}\n\n\
                {{< box >}}\n```rust\nfn main() {}\n```\n{{< highlight kotlin >}}\nval x = 1\n\
                {{< /highlight >}}\n{{< /box >}}\n\n\
                {{< highlight lang=\"go\" >}}\nx := 1\n{{< /highlight >}}\n\n\
                {{< note >}}\n```yaml\na: 1\n```\n{{< /note >}}\n";
    let site = hugo_site(&[
        ("hugo.toml", ""),
        (
            "layouts/shortcodes/box.html",
            "<div class=\"box\">{{ .Inner }}</div>",
        ),
        (
            "layouts/shortcodes/note.html",
            "<div class=\"note\">{{ .Inner | markdownify }}</div>",
        ),
        ("content/code.md", page),
    ]);
    hugo_build(site.path(), "the code blocks");
    let built = std::fs::read_to_string(site.path().join("public/code/index.html")).unwrap();
    let mut highlighted: Vec<&str> = built
        .split("class=\"language-")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    highlighted.sort_unstable();
    assert_eq!(highlighted, ["js", "kotlin", "md", "yaml"], "{built}");
    let mut said: Vec<String> = check_lines(&site.path().join("content/code.md"), "code.md")
        .into_iter()
        .filter_map(|l| {
            Some(
                l.split("Hugo colours `")
                    .nth(1)?
                    .split('`')
                    .next()?
                    .to_string(),
            )
        })
        .collect();
    said.sort_unstable();
    assert_eq!(said, ["js", "kotlin", "md", "yaml"]);
}

#[test]
fn check_says_it_of_code_a_sites_template_highlights_too() {
    // Review 59a, 1: `transform.Highlight` in a site's shortcode went unsaid.
    let site = hugo_site(&[
        ("hugo.toml", ""),
        (
            "layouts/shortcodes/code.html",
            "{{ transform.Highlight (trim .Inner \"\\n\") (.Get 0) }}",
        ),
        (
            "content/code.md",
            "---\ntitle: Code\n---\n\n{{< code rust >}}\nfn main() {}\n{{< /code >}}\n\n\
             {{< code rust >}}\nlet x = 1;\n{{< /code >}}\n\n{{< code text >}}\nplain\n{{< /code >}}\n",
        ),
    ]);
    let path = site.path().join("content/code.md");
    assert_eq!(
        check_lines(&path, "code.md"),
        [
            "code.md:5:1: warning: Hugo colours `rust` code with Chroma's Rust lexer, Folio with \
          syntect's Rust grammar: some words may take other colours than on the site (the \
          text, lines and layout are Hugo's). Said once for the page's Rust code; nothing to \
          fix in the page"
        ],
        "once for the Rust of both calls, nothing for plain text"
    );
    // Not in the preview: it is no surprise of Hugo's.
    let doc = folio::OpenPage::open(&path).unwrap();
    let preview = doc.preview_html(None, None);
    assert!(!preview.contains("Hugo colours"), "{preview}");
}

#[test]
fn the_sites_markup_highlight_settings_apply_to_every_block() {
    let config = "[markup.highlight]\nnoClasses = false\nlineNos = true\n\
                  lineNumbersInTable = false\nanchorLineNos = true\nlineNoStart = 3\n";
    let page = "---\ntitle: Code\n---\n\n```go\nvar x = 1\n```\n\n\
                {{< highlight python >}}\nx = 1\n{{< /highlight >}}\n";
    let (folio, hugo) = render_both(&[("hugo.toml", config), ("content/code.md", page)]);
    assert_eq!(
        without_token_spans(folio.trim()),
        without_token_spans(hugo.trim())
    );
    assert!(
        folio.contains("<pre tabindex=\"0\" class=\"chroma\">"),
        "{folio}"
    );
    assert!(folio.contains("id=\"hl-0-3\""), "{folio}");
}

#[test]
fn a_site_that_turns_code_fences_off_gets_them_unhighlighted() {
    let config = "[markup.highlight]\ncodeFences = false\nstyle = \"dracula\"\n";
    let page = "---\ntitle: Code\n---\n\n```go\nvar x = 1\n```\n\n\
                {{< highlight go >}}\nvar x = 1\n{{< /highlight >}}\n";
    let (folio, hugo) = render_both(&[("hugo.toml", config), ("content/code.md", page)]);
    assert_eq!(
        without_token_spans(folio.trim()),
        without_token_spans(hugo.trim())
    );
}

/// The code's characters with the colour each is shown in, from `<code class="language-…">`
/// blocks only (line numbers and plain blocks left out).
fn coloured_chars(html: &str) -> Coloured {
    let mut out = Vec::new();
    for block in html.split("<code class=\"language-").skip(1) {
        let Some(end) = block.find("</code>") else {
            continue;
        };
        let code = &block[block.find('>').unwrap() + 1..end];
        let mut colours: Vec<String> = vec![String::new()];
        let mut rest = code;
        while !rest.is_empty() {
            if let Some(tag) = rest.strip_prefix('<') {
                let close = tag.find('>').unwrap();
                let tag_text = &tag[..close];
                if tag_text.starts_with("/span") {
                    colours.pop();
                } else if tag_text.starts_with("span") {
                    let inherited = colours.last().cloned().unwrap_or_default();
                    let colour = tag_text
                        .split("color:")
                        .nth(1)
                        .filter(|_| !tag_text.contains("white-space"))
                        .map(|c| c.chars().take_while(|c| *c != ';' && *c != '"').collect());
                    colours.push(colour.unwrap_or(inherited));
                }
                rest = &tag[close + 1..];
            } else {
                let text_end = rest.find('<').unwrap_or(rest.len());
                let text = html_escape::decode_html_entities(&rest[..text_end]).into_owned();
                let colour = colours.last().cloned().unwrap_or_default();
                out.extend(text.chars().map(|c| (c, colour.clone())));
                rest = &rest[text_end..];
            }
        }
    }
    out
}

/// Characters with the colour each is shown in ([`coloured_chars`]).
type Coloured = Vec<(char, String)>;

/// A page of one fenced block per `(language, code)` sample, rendered by Folio and by
/// Hugo with its default settings: each one's characters with their colours
/// ([`coloured_chars`]).
fn coloured_both(samples: &[(&str, &str)]) -> (Coloured, Coloured) {
    let page: String = std::iter::once("---\ntitle: Code\n---\n\n".to_string())
        .chain(
            samples
                .iter()
                .map(|(lang, code)| format!("```{lang}\n{code}```\n\n")),
        )
        .collect();
    let (folio, hugo) = render_both(&[("hugo.toml", ""), ("content/code.md", &page)]);
    (coloured_chars(&folio), coloured_chars(&hugo))
}

#[test]
fn tokens_are_coloured_as_hugo_colours_most_of_them() {
    let samples = [
        ("go", "package main\n\nimport \"fmt\"\n\n// Sum adds.\nfunc Sum(a, b int) int {\n\tif a > 0 {\n\t\treturn a + b\n\t}\n\tfmt.Println(\"no\", 3.5, true)\n\treturn 0\n}\n"),
        ("python", "import os\n\n# comment\ndef f(x, y=2):\n    \"\"\"Doc.\"\"\"\n    if x and not y:\n        return 'a' + str(1.5)\n    return None\n"),
        ("rust", "use std::fmt;\n\n/// Doc\nfn main() {\n    let x: u32 = 5;\n    println!(\"{}\", x);\n    if x > 2 { return; }\n}\n"),
        ("javascript", "const a = 1;\n// c\nfunction g(b) {\n  if (b === 'x') { return true; }\n  return a + 2.5;\n}\n"),
        ("html", "<!DOCTYPE html>\n<div class=\"a\" id='b'>\n  <a href=\"/x\">link</a> &amp;\n</div>\n"),
        ("css", "body {\n  color: #fff;\n  margin: 0 auto; /* c */\n}\n"),
        ("bash", "#!/bin/sh\n# c\nfor f in *.md; do\n  echo \"$f\" 42\ndone\n"),
        ("yaml", "title: \"Hi\"\ncount: 3\nlist:\n  - a # c\n  - true\n"),
        ("json", "{\n  \"a\": 1,\n  \"b\": [true, null, \"s\"]\n}\n"),
        ("c", "#include <stdio.h>\n\nint main(void) {\n    /* c */\n    printf(\"%d\\n\", 42);\n    return 0;\n}\n"),
    ];
    let (f, h) = coloured_both(&samples);
    assert_eq!(
        f.iter().map(|(c, _)| c).collect::<String>(),
        h.iter().map(|(c, _)| c).collect::<String>()
    );
    let visible: Vec<_> = f
        .iter()
        .zip(&h)
        .filter(|((c, _), _)| !c.is_whitespace())
        .collect();
    let same = visible.iter().filter(|((_, a), (_, b))| a == b).count();
    let share = same as f64 / visible.len() as f64;
    eprintln!(
        "{same} of {} characters coloured as Hugo colours them ({:.1}%)",
        visible.len(),
        share * 100.0
    );
    assert!(
        share >= 0.90,
        "only {:.1}% of characters coloured as Hugo colours them",
        share * 100.0
    );
}

#[test]
fn shell_commands_json_keys_and_javascript_words_are_coloured_as_hugo_colours_them() {
    let page = "---\ntitle: Code\n---\n\n```sh\napt install x\nsudo apt-get update\n$ npm run build\nif [ -f x ]; then ls; fi\nexport PATH\necho \"hi\"\n```\n\n```json\n{\"name\": \"x\", \"n\": [1, true]}\n```\n\n```js\nconsole.log(\"hi\");\nconst a = 1; let b = [this, null, undefined];\nimport x from \"y\";\nexport default class K extends Object { static async m() { await 1; return new K(); } }\nfunction f() { if (typeof b === \"x\") { throw new Error(); } }\n```\n";
    // Hugo's default: colours written inline (`noClasses`).
    let (folio, hugo) = render_both(&[("hugo.toml", ""), ("content/code.md", page)]);
    assert_eq!(coloured_chars(&folio), coloured_chars(&hugo));
    // A command and its arguments in a `$( )`, in an assignment or a string, are text too,
    // and the `$(` and `)` keywords.
    let page =
        "---\ntitle: Code\n---\n\n```sh\nn=$(grep -c foo file.txt)\necho \"$(ls -la)\" | wc\n```\n";
    let (folio, hugo) = render_both(&[("hugo.toml", ""), ("content/code.md", page)]);
    assert_eq!(coloured_chars(&folio), coloured_chars(&hugo));
    assert!(
        folio.contains("<span style=\"color:#66d9ef\">$(</span>"),
        "{folio}"
    );
}

#[test]
fn code_in_the_languages_theme_docs_show_is_coloured_as_hugo_colours_it() {
    // Each line a construct whose colours once differed from Hugo's.
    let samples = [
        ("html", "<!doctype html>\n<p>x</p>\n"),
        ("java", "class H { void m(String[] a) { System.out.println(\"hi\"); } }\n"),
        ("kotlin", "fun main(args: Array<String>) { val x: Int = 1; println(\"v $x\"); y!! }\n"),
        ("php", "<?php echo \"hi\"; $x = 1; ?>\n"),
        ("markdown", "# Title\n\n## Sub\n\n#### Deep\n\nSome *it* and **b** and `c`, ![i](a.png) [l](b.html).\n\n- item\n\n1. one\n\n+ plus\n\n> quoted *x* and **b** [l](u)\n> > nested\n"),
        ("go", "var a = 1\nb := a == 2\n"),
        ("python", "def f(x: int) -> str:\n    return f\"v={x}\"\n"),
        ("rust", "fn main() { let v: Vec<u8> = Vec::new(); }\n"),
        ("toml", "[s]\nkey = \"v\"\n"),
        ("bash", "export A=1; echo \"$A\" $(date) | grep -v x\n"),
        ("css", ".a > b:hover { color: #fff; }\n"),
        ("javascript", "const re = /ab+c/g; let t = `a ${b} c`;\nconst f = (b) => b;\n"),
        ("typescript", "const f = (a: A): string => `${a.x}`;\nconst g = (a: T): T => a;\n"),
        ("sql", "SELECT a, COUNT(*) FROM t;\n"),
        ("diff", "diff --git a/x b/x\nindex 1..2\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-old\n+new\n same\n3,5c3,4\n< l\n> r\n---\n!x\n=y\nplain\n"),
        ("go-html-template", "<div class=\"a\">{{ partial \"x.html\" . }}</div>\n<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>\n"),
    ];
    let (f, h) = coloured_both(&samples);
    assert_eq!(f.len(), h.len());
    let differ: Vec<String> = f
        .iter()
        .zip(&h)
        .filter(|((c, a), (_, b))| !c.is_whitespace() && a != b)
        .map(|((c, a), (_, b))| format!("{c:?} Folio {a:?} Hugo {b:?}"))
        .collect();
    assert!(differ.is_empty(), "{differ:#?}");
}

#[test]
fn a_go_template_is_split_into_chromas_tokens() {
    let code = "{{ $x := 1 }} a {b} {{- range .Pages }}{{ .Title | upper }}{{ end -}}\n\
                {{/* c */}} {{ printf \"%d\" (len $x) }} {{ 2.5 }} {{ -3 }}\n";
    let page = format!("---\ntitle: Code\n---\n\n```go-text-template\n{code}```\n");
    let config = "[markup.highlight]\nnoClasses = false\n";
    let (folio, hugo) = render_both(&[("hugo.toml", config), ("content/code.md", &page)]);
    let code_of = |html: &str| {
        html.split("<code")
            .nth(1)
            .and_then(|c| c.split("</code>").next())
            .map(str::to_string)
    };
    assert_eq!(code_of(&folio), code_of(&hugo));
    assert!(folio.contains("<span class=\"k\">range</span>"), "{folio}");
}

#[test]
fn with_classes_whitespace_and_identifiers_get_the_classes_chromas_lexer_gives_them() {
    // PaperMod's sites highlight with classes: JavaScript's and Python's lexers leave
    // whitespace plain (Rust's and Go's give it `w`), and Python's names are `n`.
    let page = "---\ntitle: Code\n---\n\n```js\nlet x = 1;\n```\n\n```python\nx = y\n```\n\n\
                ```go\nx := 1\n```\n";
    let config = "[markup.highlight]\nnoClasses = false\n";
    let (folio, hugo) = render_both(&[("hugo.toml", config), ("content/code.md", page)]);
    let blocks = |html: &str| {
        html.split("<code")
            .skip(1)
            .filter_map(|c| c.split("</code>").next())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(blocks(&folio), blocks(&hugo));
    assert_eq!(blocks(&hugo).len(), 3, "{hugo}");
}

#[test]
fn only_the_languages_hugos_chroma_knows_are_highlighted() {
    // Chroma 2.27 (Hugo 0.168's) has HCL, and not jq or Astro, which later ones have.
    let page = "---\ntitle: Code\n---\n\n```jq\n.a | length\n```\n\n```astro\n<p>{a}</p>\n```\n\n\
                ```hcl\na = 1\n```\n";
    let (folio, hugo) = render_both(&[("content/code.md", page)]);
    assert_eq!(without_token_spans(&folio), without_token_spans(&hugo));
    assert_eq!(
        hugo.matches("<pre tabindex=\"0\"><code").count(),
        2,
        "{hugo}"
    );
}

#[test]
fn a_template_calling_highlight_gets_what_hugo_gives_it() {
    let template = "{{ highlight (trim .Inner \"\\n\") \"go\" \"linenos=inline,hl_lines=2\" }}\
                    {{ transform.Highlight \"x := 1\" \"go\" (dict \"lineNos\" true \"lineNumbersInTable\" false) }}\
                    {{ highlight \"a < b\" \"nosuchlang\" }}";
    let page = "---\ntitle: Code\n---\n\n{{< code >}}\nvar a = 1\nvar b = 2\n{{< /code >}}\n";
    let (folio, hugo) = render_both(&[
        ("hugo.toml", ""),
        ("layouts/shortcodes/code.html", template),
        ("content/code.md", page),
    ]);
    assert_eq!(without_token_spans(&folio), without_token_spans(&hugo));
    assert!(
        folio.contains("display:flex; background-color:#3c3d38"),
        "{folio}"
    );
}

#[test]
fn check_names_highlight_options_that_stop_hugos_build() {
    let page = "---\ntitle: Code\n---\n\n{{< highlight go \"linenos\" >}}\nx\n{{< /highlight >}}\n";
    let site = hugo_site(&[("hugo.toml", ""), ("content/code.md", page)]);
    assert!(
        crate::support::hugo_run(site.path(), &[]).is_err(),
        "Hugo stops the build"
    );
    let path = site.path().join("content/code.md");
    let mut found = check_lines(&path, "code.md");
    found.retain(|l| l.contains(": error: "));
    assert_eq!(
        found,
        ["code.md:5:18: error: highlight: invalid Highlight option: linenos (Hugo stops the build); \
          write options as \"linenos=table,hl_lines=2-3\""]
    );
}

#[test]
fn a_site_highlighting_with_classes_gets_its_styles_stylesheet_in_folios_styles() {
    let config = "[markup.highlight]\nnoClasses = false\nstyle = \"dracula\"\n";
    let page = "---\ntitle: Code\n---\n\n```go\nfunc f() {}\n```\n";
    let site = hugo_site(&[("hugo.toml", config), ("content/code.md", page)]);
    let doc = folio::OpenPage::open(&site.path().join("content/code.md")).unwrap();
    let out = site.path().join("out");
    folio::export::export(&doc, &out).unwrap();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("<span class=\"kd\">func</span>"), "{html}");
    // Dracula's keyword colour, as `hugo gen chromastyles --style=dracula` gives it.
    assert!(
        html.contains(".chroma .kd { color:#8be9fd;font-style:italic }"),
        "{html}"
    );
}

#[test]
fn edge_cases_of_options_and_attributes_are_read_as_hugo_reads_them() {
    let page = "---\ntitle: Code\n---\n\n\
                ```go\n```\n\n\
                ```go {#a data-x=true #b}\nx := 1\n```\n\n\
                ```go {.a class=\"b\" .c}\nx := 1\n```\n\n\
                ```go {{linenos=true}\nx := 1\n```\n\n\
                ```go {linenos=inline,linenostart=010}\nx := 1\n```\n\n\
                {{< highlight go \"linenos=inline\" \"extra\" >}}x := 1{{< /highlight >}}\n\n\
                {{< code >}}\n";
    let template = "{{ highlight \"x := 1\" \"linenos=inline\" }}|{{ highlight \"x := 1\" }}|\
                    {{ highlight \"x := 1\" (dict \"type\" \"go\" \"lineNos\" true) }}|\
                    {{ transform.CanHighlight \"go\" }} {{ transform.CanHighlight \"nosuchlang\" }}";
    let (folio, hugo) = render_both(&[
        // Raw HTML is let through: the highlighted blocks keep their styles all the same.
        ("hugo.toml", "[markup.goldmark.renderer]\nunsafe = true\n"),
        ("layouts/shortcodes/code.html", template),
        ("content/code.md", page),
    ]);
    assert_eq!(without_token_spans(&folio), without_token_spans(&hugo));
    assert!(folio.contains("<span style=\"color:#f92672\">"), "{folio}");
}

#[test]
fn numbers_past_any_line_and_lists_in_lists_neither_crash_nor_hang() {
    let deep = "[".repeat(100_000);
    let page = format!(
        "---\ntitle: Code\n---\n\n\
         ```go {{hl_lines={deep}}}\nx\n```\n\n\
         ```go {{linenos=true,linenostart=99999999999999999999,hl_lines=[-99999999999999999999]}}\nx\ny\n```\n\n\
         {{{{< highlight go \"linenos=inline,linenostart=9223372036854775807,hl_lines=1-2\" >}}}}\na\nb\n{{{{< /highlight >}}}}\n"
    );
    let site = hugo_site(&[
        (
            "hugo.toml",
            "[markup.highlight]\nlineNoStart = 9223372036854775807\n",
        ),
        ("content/code.md", &page),
    ]);
    let doc = folio::OpenPage::open(&site.path().join("content/code.md")).unwrap();
    let html = doc.render().html.to_string();
    // Numbers wrap as Go's do: the line after the last number is the first.
    assert!(html.contains(">-9223372036854775808</span>"), "{html}");
}

#[test]
fn a_percent_call_and_named_parameters_give_what_hugos_template_gives() {
    let page = "---\ntitle: Code\n---\n\n\
                {{% highlight go %}}\nx := 1\n{{% /highlight %}}\n\n\
                {{< highlight lang=\"go\" options=\"linenos=table\" >}}\nx := 1\n{{< /highlight >}}\n\n\
                {{< highlight go \"linenos=table\" extra >}}\nx := 1\n{{< /highlight >}}\n";
    let (folio, hugo) = render_both(&[
        ("hugo.toml", "[Markup.Highlight]\nstyle = \"dracula\"\n"),
        ("content/code.md", page),
    ]);
    assert_eq!(without_token_spans(&folio), without_token_spans(&hugo));
    assert!(folio.contains("<!-- raw HTML omitted -->"), "{folio}");
    assert!(
        folio.contains("background-color:#282a36"),
        "dracula: {folio}"
    );
}

#[test]
fn check_names_code_block_attributes_that_stop_hugos_build() {
    let page =
        "---\ntitle: Code\n---\n\n```go {foo}\nx\n```\n\n```go {linenostart=abc}\nx\n```\n\n\
                ````md\n```go {nor=this}\n```\n````\n";
    let site = hugo_site(&[("hugo.toml", ""), ("content/code.md", page)]);
    assert!(
        crate::support::hugo_run(site.path(), &[]).is_err(),
        "Hugo stops the build"
    );
    let path = site.path().join("content/code.md");
    let mut found = check_lines(&path, "code.md");
    found.retain(|l| l.contains(": error: "));
    assert_eq!(
        found,
        [
            "code.md:5:7: error: code block options: failed to parse Markdown attributes; \
             you may need to quote the values (Hugo stops the build)",
            "code.md:9:7: error: code block options: cannot parse \"abc\" as int (Hugo stops \
             the build)",
        ]
    );
}

#[test]
fn a_config_folder_with_a_markup_file_sets_the_highlighting() {
    let page = "---\ntitle: Code\n---\n\n```go\nx := 1\n```\n\n<b>raw</b>\n";
    let (folio, hugo) = render_both(&[
        // The file named after a key goes over the config's table of that key, merged.
        (
            "config/_default/hugo.toml",
            "baseURL = \"https://e.org/\"\n[markup.goldmark.renderer]\nunsafe = false\n\
             [markup.highlight]\nlineNos = true\n",
        ),
        (
            "config/_default/markup.toml",
            "[highlight]\nstyle = \"dracula\"\n[goldmark.renderer]\nunsafe = true\n",
        ),
        ("content/code.md", page),
    ]);
    assert_eq!(without_token_spans(&folio), without_token_spans(&hugo));
    assert!(
        folio.contains("background-color:#282a36") && folio.contains("<b>raw</b>"),
        "{folio}"
    );
    assert!(
        folio.contains("<table"),
        "line numbers from hugo.toml: {folio}"
    );
}

#[test]
fn check_says_hugo_drops_the_html_of_a_percent_highlight_call() {
    let page = "---\ntitle: Code\n---\n\n{{% highlight go %}}\nx := 1\n{{% /highlight %}}\n";
    let site = hugo_site(&[("hugo.toml", ""), ("content/code.md", page)]);
    let path = site.path().join("content/code.md");
    let found = check_lines(&path, "code.md");
    assert_eq!(
        found,
        [
            "code.md:5:1: warning: Hugo drops the HTML this {{% highlight %}} call writes, as raw \
          HTML is off (markup.goldmark.renderer.unsafe): call it as {{< highlight >}}"
        ]
    );
}
