#!/usr/bin/env python3
"""Writes src/templates/engine/funcs/emojify-codes.txt: the emoji codes Hugo's `emojify`
knows, one per line as `:name:<TAB>emoji`, sorted by code, read from the code map of
github.com/kyokomi/emoji (`emoji_codemap.go`, its `emojiCode` map), the table Hugo's
`helpers.Emojify` looks codes up in (`emoji.CodeMap()`).

The file must be of the release Hugo's go.mod requires (Hugo 0.168: kyokomi/emoji
v2.2.14): its names and emoji differ from GitHub's (`:email:` is ✉️ there, 📧 on GitHub).
Markdown's `enableEmoji` goes through goldmark-emoji's table instead, not this one.

Usage: scripts/emojify-codes.py EMOJI_CODEMAP_GO > src/templates/engine/funcs/emojify-codes.txt
"""
import re
import sys

ENTRY = re.compile(r'^\s*"(:[^"\s]+:)":\s*"((?:[^"\\]|\\.)*)",\s*$')
ESCAPE = re.compile(r"\\U([0-9a-fA-F]{8})|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\(.)")


def go_string(text):
    """The text of a Go interpreted string literal's body."""

    def one(m):
        code = m.group(1) or m.group(2) or m.group(3)
        if code:
            return chr(int(code, 16))
        return {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}[m.group(4)]

    return ESCAPE.sub(one, text)


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    # The forward map only: the reverse map (`emojiRevCode`) follows it.
    forward = text.split("func emojiRevCode")[0]
    codes = {}
    for line in forward.splitlines():
        m = ENTRY.match(line)
        if m:
            codes[m.group(1)] = go_string(m.group(2))
    if len(codes) < 1000:
        sys.exit(f"only {len(codes)} codes read: is this kyokomi/emoji's emoji_codemap.go?")
    sys.stdout.write(
        "# Hugo's emojify codes: github.com/kyokomi/emoji v2.2.14's code map (MIT licence, LICENSE-kyokomi-emoji.txt beside this file), "
        "by scripts/emojify-codes.py\n"
    )
    for code in sorted(codes):
        sys.stdout.write(f"{code}\t{codes[code]}\n")


main()
