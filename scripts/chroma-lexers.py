#!/usr/bin/env python3
"""Writes src/render/highlight/chroma-lexers.txt: the languages Chroma (the highlighter Hugo
uses) knows, one per line, as `Name|alias alias|glob glob`, read from a checkout of
github.com/alecthomas/chroma (the XML lexers in lexers/embedded/ and the Go ones in lexers/).

Hugo highlights a code block only when Chroma has a lexer for its language
(markup/highlight/highlight.go); Folio uses this list to decide the same way.

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
    rows.append((tags("name")[0], tags("alias"), tags("filename")))
for go in sorted((root / "lexers").glob("*.go")):
    text = go.read_text()
    for config in re.finditer(r"&Config\{(.*?)\n\t*\}", text, re.S):
        body = config.group(1)
        name = re.search(r'Name:\s*"([^"]+)"', body)
        if not name:
            continue
        def strings(key):
            m = re.search(key + r":\s*\[\]string\{([^}]*)\}", body)
            return re.findall(r'"([^"]*)"', m.group(1)) if m else []
        rows.append((name.group(1), strings("Aliases"), strings("Filenames")))
for name, aliases, globs in sorted(rows, key=lambda r: r[0].lower()):
    print(f"{name}|{' '.join(aliases)}|{' '.join(globs)}")
