#!/bin/sh
# Writes src/render/highlight/chroma-styles.txt: for each Chroma style (the colours Hugo's
# highlighter uses, markup.highlight.style), the CSS of each Chroma class, as
# `hugo gen chromastyles` prints it:
#
#   = STYLE
#   CLASS DECLARATIONS        (as printed, e.g. `k color:#66d9ef`, `line display:flex;`;
#                             `bg` is the block's colours)
#
# Usage: scripts/chroma-styles.sh STYLE... > src/render/highlight/chroma-styles.txt
# (the style names are the file names in Chroma's styles/ folder; a name this Hugo does not
# know is skipped). Needs `hugo` on PATH.
set -eu
for style in "$@"; do
    css=$(hugo gen chromastyles --style="$style" --omitClassComments 2>/dev/null) || continue
    echo "= $style"
    printf '%s\n' "$css" |
        sed -n 's/^\.\(chroma \.\)\{0,1\}\([a-z0-9]*\) { \(.*\) }$/\2 \3/p'
done
