#!/usr/bin/env python3
"""Writes src/render/highlight/chroma-lexers.txt: the languages Chroma (the highlighter Hugo
uses) knows, one per line, as `Name|alias alias|glob glob|w`, read from a checkout of
github.com/alecthomas/chroma (the XML lexers in lexers/embedded/ and the Go ones in lexers/).
The last field is `w` when the lexer has rules that give whitespace its own token type
(`TextWhitespace`, class `w`), empty when its whitespace is plain text.

Hugo highlights a code block only when Chroma has a lexer for its language
(markup/highlight/highlight.go); Folio uses this list to decide the same way.

The checkout must be of the release Hugo's go.mod requires (Hugo 0.168: chroma v2.27.0): a
later one knows languages Hugo does not (jq, Astro) and highlights them where Hugo does not.

Usage: scripts/chroma-lexers.py CHROMA_CHECKOUT > src/render/highlight/chroma-lexers.txt
"""
import html
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
rows = []
for xml in sorted((root / "lexers" / "embedded").glob("*.xml")):
    # Only the <config> block is read; some rule bodies are not well-formed XML.
    config = re.search(r"<config>(.*?)</config>", xml.read_text(), re.S).group(1)
    tags = lambda tag: [html.unescape(t) for t in re.findall(f"<{tag}>(.*?)</{tag}>", config)]
    whitespace = "TextWhitespace" in xml.read_text()
    rows.append((tags("name")[0], tags("alias"), tags("filename"), whitespace))
for go in sorted((root / "lexers").glob("*.go")):
    text = go.read_text()
    configs = list(re.finditer(r"&Config\{(.*?)\n\t*\}", text, re.S))
    for k, config in enumerate(configs):
        body = config.group(1)
        # A file may hold several lexers (go.go: Go and its templates): each one's rules
        # are taken to be those from the end of the lexer before to the next one's config,
        # with the XML lexer it loads there (`MustNewXMLLexer(embedded, "embedded/x.xml")`).
        start = configs[k - 1].end() if k > 0 else 0
        end = configs[k + 1].start() if k + 1 < len(configs) else len(text)
        rules = text[start:end]
        for xml_name in re.findall(r'"embedded/([\w.+-]+\.xml)"', rules):
            rules += (root / "lexers" / "embedded" / xml_name).read_text()
        name = re.search(r'Name:\s*"([^"]+)"', body)
        if not name:
            continue
        def strings(key):
            m = re.search(key + r":\s*\[\]string\{([^}]*)\}", body)
            return re.findall(r'"([^"]*)"', m.group(1)) if m else []
        whitespace = "TextWhitespace" in rules
        rows.append((name.group(1), strings("Aliases"), strings("Filenames"), whitespace))
for name, aliases, globs, whitespace in sorted(rows, key=lambda r: r[0].lower()):
    print(f"{name}|{' '.join(aliases)}|{' '.join(globs)}|{'w' if whitespace else ''}")
