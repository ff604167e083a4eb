#!/usr/bin/env bash
# npm run test:nvim [-- file.cable] — headless Neovim (Debian 0.7) as an LSP client of
# `node bin/cable-language-server.js --stdio`: opens the file (default examples/seed.cable), waits for
# textDocument/publishDiagnostics and prints what arrived (test/nvim/lsp-test.lua). Builds nothing: run
# `npm run build` first. Neovim comes from scripts/editor/setup.sh (apt). All Neovim state goes to a temp
# folder; every process of the run is stopped before exit. Last line: `N passed, N failed`.
# Env: CABLE_NVIM_TIMEOUT_MS (wait for diagnostics, default 15000), CABLE_LS (server script, default
# bin/cable-language-server.js).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"
FILE=${1:-examples/seed.cable}
die() { echo "test:nvim: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

command -v nvim >/dev/null || die "nvim is not installed; run scripts/editor/setup.sh (apt-get install neovim)"
[ -f dist/server.js ] || die "dist/server.js is missing; run \`npm run build\` first"
[ -f "$FILE" ] || die "no such file: $FILE"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/cable-nvim-XXXXXX")
RUN_ID=$(cat /proc/sys/kernel/random/uuid)
cleanup() {
  # stop anything of this run still alive (the server if nvim was killed): processes carrying our marker
  local pids=() p
  for p in /proc/[0-9]*; do
    [ "${p#/proc/}" = "$$" ] && continue
    grep -qz "^CABLE_EDITOR_RUN=$RUN_ID\$" "$p/environ" 2>/dev/null && pids+=("${p#/proc/}")
  done
  if [ ${#pids[@]} -gt 0 ]; then kill "${pids[@]}" 2>/dev/null || true; sleep 1; kill -9 "${pids[@]}" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
mkdir -p "$TMP"/{config,data,cache,state,tmp}

T=${CABLE_NVIM_TIMEOUT_MS:-15000}
rc=0
env CABLE_EDITOR_RUN="$RUN_ID" CABLE_LS="${CABLE_LS:-$REPO/bin/cable-language-server.js}" CABLE_NVIM_TIMEOUT_MS="$T" \
  XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" XDG_CACHE_HOME="$TMP/cache" XDG_STATE_HOME="$TMP/state" TMPDIR="$TMP/tmp" \
  timeout --kill-after=5 $(( T / 1000 + 30 )) \
  nvim --headless -n -i NONE -u "$REPO/test/nvim/lsp-test.lua" "$FILE" </dev/null || rc=$?

if [ $rc -ne 0 ]; then
  [ $rc -eq 124 ] && echo "test:nvim: nvim did not finish in time and was killed" >&2
  LOG=$TMP/cache/nvim/lsp.log
  if [ -s "$LOG" ]; then echo "test:nvim: last lines of Neovim's lsp.log (server stderr and client errors):" >&2; tail -n 30 "$LOG" >&2; fi
  [ $rc -eq 124 ] || [ $rc -eq 137 ] && echo "0 passed, 1 failed"
fi
exit $rc
