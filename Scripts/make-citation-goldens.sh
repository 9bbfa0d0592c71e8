#!/usr/bin/env bash
# Regenerates Tests/ScholiaCoreTests/Goldens/citations/ with pandoc's citeproc (Debian pandoc), the reference
# Scholia's CSL engine is compared with: for each document of the sample site and each of MLA, APA and
# Chicago, the bibliography entry and the citation (in-text, or the note) as plain text.
# Run it after changing how documents map to CSL items, then read the diff against the style manuals.
set -euo pipefail
cd "$(dirname "$0")/.."
styles=/usr/share/citation-style-language/styles
out=Tests/ScholiaCoreTests/Goldens/citations
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
swift run -q scholia build --output "$site/Public" --quiet
rm -f "$out"/*.txt
for json in "$site"/Public/documents/*/citation.json; do
  id=$(basename "$(dirname "$json")")
  for style in modern-language-association apa chicago-note-bibliography; do
    printf 'Text [@%s].\n\n# References\n' "$id" |
      pandoc --citeproc --csl "$styles/$style.csl" --bibliography "$json" -t plain --wrap=none |
      python3 -c '
import sys
lines = [l for l in sys.stdin.read().split("\n")]
text = lines[0]
note = next((l[4:] for l in lines if l.startswith("[1] ")), None)
citation = note if note is not None else text[len("Text "):].rstrip(".")
start = lines.index("References") + 1
entry = []
for l in lines[start:]:
    if l.startswith("[1] "): break
    if l.strip(): entry.append(l)
print("bibliography: " + " ".join(entry))
print("citation: " + citation)
' > "$out/$id.$style.txt"
  done
done
echo "pandoc $(pandoc --version | head -1 | cut -d' ' -f2): wrote $(ls "$out" | wc -l) files to $out"
