#!/usr/bin/env bash
# Installs what Pietura needs to build and test, and nothing when it is all there.
#   Debian packages: compilers, Emscripten, Boost (Test, Beast, Asio), nlohmann/json,
#                    zlib, SQLite shell, Chromium (browser tests use Debian's browser).
#   npm (pinned by package-lock.json): the SQLite amalgamation, playwright-core,
#                    axe-core, MiniSearch (benchmark peer), the Closure Compiler's jar.
# Safe to run again: a second run installs and downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  g++ cmake ninja-build pkg-config git ca-certificates
  emscripten
  libboost-test-dev nlohmann-json3-dev zlib1g-dev libbrotli-dev   # Boost.Test brings Beast/Asio (the server); zlib and brotli precompress the site
  sqlite3 chromium fonts-dejavu-core
  wrk                         # booking benchmark of the reference server
  libimgui-dev libglfw3-dev   # the editors' studio (Dear ImGui)
  xvfb xauth libgl1-mesa-dri  # its screenshot test: a real window under a virtual X server
  dpkg-dev                    # dpkg-source unpacks Dear ImGui's source for the studio's web build
  libclang-rt-14-dev          # libFuzzer and the sanitizer runtimes for clang-14 (tools/fuzz.sh)
  libicu-dev libstemmer-dev   # tests only: ICU's lv collation and Snowball's English stemmer check the hand-written ones
  openjdk-17-jre-headless     # runs the Closure Compiler (npm google-closure-compiler-java) on the wasm glue
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages: reinstall only when package-lock.json changed since the last install.
stamp=node_modules/.pietura-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing npm packages (package-lock.json)"
  # Install scripts stay off (.npmrc): nothing may download a browser or a binary.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

# The SQLite amalgamation is compiled into our core: verify it is the pinned one.
sha256sum --quiet -c tools/deps.sha256 || { echo "setup: SQLite amalgamation checksum mismatch" >&2; exit 1; }

# The studio's web build compiles Dear ImGui with Emscripten, so it needs the source,
# which Debian's libimgui-dev does not ship: take Debian's own source package of the
# same version (apt checks it against the archive's signed index). Kept in
# build-deps/, never committed.
IMGUI_VERSION=1.86+ds-1
if [ ! -f "build-deps/imgui/imgui.cpp" ]; then
  echo "setup: fetching the Dear ImGui source package ($IMGUI_VERSION) for the studio's web build"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if ! apt-cache showsrc imgui 2>/dev/null | grep -q "^Version: $IMGUI_VERSION"; then
    # Source packages come from the same place as the machine's own binary package:
    # the URI, suite and component apt installed libimgui-dev from, with that entry's
    # keyring, so a mirror, a snapshot or an offline archive keeps working.
    read -r src_uri src_dist < <(apt-cache policy libimgui-dev |
      awk '$1 ~ /^[0-9]+$/ && $2 ~ /^[a-z0-9+]+:/ { print $2, $3; exit }')
    if [ -z "${src_uri:-}" ]; then
      echo "setup: no configured apt source provides libimgui-dev; cannot add its deb-src" >&2
    else
      src_suite=${src_dist%%/*}; src_comp=${src_dist#*/}
      [ "$src_comp" = "$src_dist" ] && src_comp=main
      keyring=$(tools/apt-keyring.sh "$src_uri" || true)
      echo "setup: adding deb-src for $src_uri $src_suite $src_comp (from the machine's apt sources)"
      {
        printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: %s\n' "$src_uri" "$src_suite" "$src_comp"
        [ -n "$keyring" ] && printf 'Signed-By: %s\n' "$keyring"
      } | $SUDO tee /etc/apt/sources.list.d/pietura-src.sources >/dev/null
      $SUDO apt-get update -qq
    fi
  fi
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -qq "imgui=$IMGUI_VERSION" >/dev/null 2>&1) || { echo "setup: could not fetch the imgui source; the studio's web build is skipped" >&2; }
  if [ -f "$tmp/imgui-${IMGUI_VERSION%-*}/imgui.cpp" ]; then
    mkdir -p build-deps && rm -rf build-deps/imgui && mv "$tmp/imgui-${IMGUI_VERSION%-*}" build-deps/imgui
  fi
  rm -rf "$tmp"
fi
