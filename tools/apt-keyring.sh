#!/usr/bin/env bash
# Prints the keyring (Signed-By / signed-by=) of the machine's apt entry for URI,
# from deb822 .sources files or one-line .list files; nothing if that entry has none
# (apt then uses its trusted keys). Used by setup.sh to add a matching deb-src entry.
set -euo pipefail
uri=${1%/}
etc=${PIETURA_APT_ETC:-/etc/apt}   # tests point this at a fixture
shopt -s nullglob
for f in "$etc"/sources.list.d/*.sources; do
  awk -v uri="$uri" 'BEGIN { RS=""; FS="\n" }
    { hit=0; key="";
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^URIs:/) { n = split(substr($i, 6), u, /[ \t]+/); for (j = 1; j <= n; j++) { x = u[j]; sub(/\/$/, "", x); if (x == uri) hit = 1 } }
        if ($i ~ /^Signed-By:/) { key = substr($i, 11); gsub(/^[ \t]+|[ \t]+$/, "", key) }
      }
      if (hit && key != "") { print key; exit }
    }' "$f"
done | head -1 | grep . && exit 0
for f in "$etc"/sources.list "$etc"/sources.list.d/*.list; do
  [ -f "$f" ] || continue
  awk -v uri="$uri" '$1 == "deb" {
      key=""; rest=$0
      if (match(rest, /\[[^]]*\]/)) { opts = substr(rest, RSTART + 1, RLENGTH - 2); rest = substr(rest, RSTART + RLENGTH)
        if (match(opts, /signed-by=[^ ]+/)) key = substr(opts, RSTART + 10, RLENGTH - 10) }
      split(rest, w, /[ \t]+/); u = (w[1] == "" ? w[2] : w[1]); sub(/\/$/, "", u)
      if (u == uri && key != "") { print key; exit }
    }' "$f"
done | head -1
