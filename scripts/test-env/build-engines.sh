#!/usr/bin/env bash
# Builds the real engine binaries the integration tests drive: kind v0.33.0 (what users install today),
# kind v0.32.0 beside it (one test file keeps running on it) and k3d v5.9.0.
#
# Output: ${KINDLING_CACHE:-<repo>/.cache}/bin/{kind,kind-v0.32.0,k3d}. Idempotent: a binary whose version
# output already matches is kept ("cached"). Needs Go >= 1.26.3 and the Go module proxy.
#
# k3d is not built with `go install …@v5.9.0`: that performs a deprecation lookup on the proxy's
# `@v/list` endpoint, which answers 403 on these machines. Instead the module source is fetched with
# `go mod download` and built with the release ldflags (the Version ldflag also decides the tag of the
# helper images k3d asks for: `5.9.0` instead of `latest`).
set -euo pipefail

KIND_VERSION=v0.33.0
KIND_PREVIOUS=v0.32.0
K3D_VERSION=v5.9.0
K3S_DEFAULT_VERSION=v1.35.5-k3s1 # what the official k3d v5.9.0 release reports as its default k3s
GO_MIN=1.26.3

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${KINDLING_CACHE:-$repo/.cache}
bin=$cache/bin

die() { echo "build-engines: $*" >&2; exit 1; }

command -v go >/dev/null 2>&1 ||
  die "'go' not found on PATH: install Go >= $GO_MIN (https://go.dev/dl/) to build kind $KIND_VERSION and k3d $K3D_VERSION"

# "go1.26.8" -> 1.26.8; refuse older toolchains with the same message.
go_have=$(go env GOVERSION 2>/dev/null || true)
go_have=${go_have#go}
if [ -z "$go_have" ] || [ "$(printf '%s\n%s\n' "$GO_MIN" "${go_have%%[-+ ]*}" | sort -V | head -n1)" != "$GO_MIN" ]; then
  die "Go ${go_have:-?} is too old: install Go >= $GO_MIN (k3d $K3D_VERSION requires it)"
fi

mkdir -p "$bin"

kind_ok() { [ -x "$bin/kind" ] && "$bin/kind" version 2>/dev/null | grep -q "^kind $KIND_VERSION "; }
kind_previous_ok() { [ -x "$bin/kind-$KIND_PREVIOUS" ] && "$bin/kind-$KIND_PREVIOUS" version 2>/dev/null | grep -q "^kind $KIND_PREVIOUS "; }
k3d_ok() {
  [ -x "$bin/k3d" ] || return 1
  local out
  out=$("$bin/k3d" version 2>/dev/null) || return 1
  grep -qx "k3d version $K3D_VERSION" <<<"$out" && grep -q "^k3s version $K3S_DEFAULT_VERSION " <<<"$out"
}

tmp=
trap '[ -z "$tmp" ] || rm -rf "$tmp"' EXIT

# build_kind_at VERSION NAME: `go install` into a temp dir, then move: never a half-written binary under NAME.
build_kind_at() {
  tmp=$(mktemp -d)
  GOBIN=$tmp GOWORK=off GOFLAGS=-buildvcs=false go install "sigs.k8s.io/kind@$1"
  mv -f "$tmp/kind" "$bin/$2"
  rm -rf "$tmp"
}
build_kind() { build_kind_at "$KIND_VERSION" kind; }
build_kind_previous() { build_kind_at "$KIND_PREVIOUS" "kind-$KIND_PREVIOUS"; }

build_k3d() {
  local dir
  dir=$(GOWORK=off GOFLAGS= go mod download -json "github.com/k3d-io/k3d/v5@$K3D_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
  [ -n "$dir" ] && [ -f "$dir/go.mod" ] || die "go mod download did not give a source dir for k3d $K3D_VERSION"
  # The module cache is read-only (and its vendor/ is out of sync): build from a private copy.
  tmp=$(mktemp -d)
  cp -R "$dir/." "$tmp/src"
  chmod -R u+w "$tmp/src"
  (
    cd "$tmp/src"
    GOWORK=off GOFLAGS="-mod=mod -buildvcs=false" go build -trimpath \
      -ldflags "-s -w -X github.com/k3d-io/k3d/v5/version.Version=$K3D_VERSION -X github.com/k3d-io/k3d/v5/version.K3sVersion=$K3S_DEFAULT_VERSION" \
      -o "$tmp/k3d" .
  )
  mv -f "$tmp/k3d" "$bin/k3d"
  rm -rf "$tmp"
}

# ensure NAME CHECK BUILD: print one line per binary.
ensure() {
  local name=$1 check=$2 build=$3 start
  if "$check"; then
    echo "$name: cached ($bin/$name)"
    return
  fi
  start=$SECONDS
  "$build"
  "$check" || die "$name was built but its version output does not match: $("$bin/$name" version 2>&1 | head -n2 | tr '\n' ' ')"
  echo "$name: built in $((SECONDS - start))s ($bin/$name)"
}

ensure kind kind_ok build_kind
ensure "kind-$KIND_PREVIOUS" kind_previous_ok build_kind_previous
ensure k3d k3d_ok build_k3d
