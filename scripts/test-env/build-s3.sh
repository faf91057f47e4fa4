#!/usr/bin/env bash
# Builds the real S3 server the integration tests of the S3 state store run against: versitygw (Versity S3
# Gateway, Apache-2.0, Go module github.com/versity/versitygw, main package cmd/versitygw) v1.8.0, served with
# its POSIX backend on a temp dir by test/support/integration/s3-server.ts. The store's locks rely on S3
# conditional writes (PutObject with If-None-Match: * and If-Match: <etag>, 412 Precondition Failed for the
# loser); versitygw's POSIX backend evaluates them under a per-key publish lock, and
# test/integration/s3-server.test.ts checks that it still does, so an upgrade that drops them fails there.
#
# Output: ${KINDLING_CACHE:-<repo>/.cache}/bin/versitygw. Idempotent: a binary whose `--version` already says
# the pinned version is kept ("cached"). Needs Go >= 1.25.0 (versitygw v1.8.0's go.mod says `go 1.25.0`) and
# nothing but the Go module proxy. Static (CGO_ENABLED=0) and reproducible (-trimpath, fixed ldflags).
#
# Pin: v1.8.0, the newest release when this was written (the proxy serves it; asked for by explicit
# version, no `@latest` / `@v/list` lookups). Its go.mod has no replace directives, so it is built from the
# module's own source with its own go.sum (a private copy of the read-only module cache directory), as the
# release is. The ldflags are those of its Makefile (main.Version, main.Build, main.BuildTime): Version is the
# tag, BuildTime the release's publication time on the proxy; Build (the commit) is not known to the proxy,
# so it says "module-proxy".
set -euo pipefail

VERSITYGW_VERSION=v1.8.0
GO_MIN=1.25.0

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${KINDLING_CACHE:-$repo/.cache}
bin=$cache/bin

die() { echo "build-s3: $*" >&2; exit 1; }

command -v go >/dev/null 2>&1 ||
  die "'go' not found on PATH: install Go >= $GO_MIN (https://go.dev/dl/) to build versitygw $VERSITYGW_VERSION"

go_have=$(go env GOVERSION 2>/dev/null || true)
go_have=${go_have#go}
if [ -z "$go_have" ] || [ "$(printf '%s\n%s\n' "$GO_MIN" "${go_have%%[-+ ]*}" | sort -V | head -n1)" != "$GO_MIN" ]; then
  die "Go ${go_have:-?} is too old: install Go >= $GO_MIN (versitygw $VERSITYGW_VERSION requires it)"
fi

mkdir -p "$bin"

export GOWORK=off CGO_ENABLED=0

versitygw_ok() {
  [ -x "$bin/versitygw" ] || return 1
  local out
  out=$("$bin/versitygw" --version 2>&1) || return 1
  grep -Eq "^Version *: $VERSITYGW_VERSION\$" <<<"$out"
}

work=
trap '[ -z "$work" ] || rm -rf "$work"' EXIT

build_versitygw() {
  local mod=github.com/versity/versitygw@$VERSITYGW_VERSION dir go_line date
  dir=$(GOFLAGS= go mod download -json "$mod" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
  [ -n "$dir" ] && [ -f "$dir/go.mod" ] || die "go mod download did not give a source dir for $mod"
  [ -f "$dir/cmd/versitygw/main.go" ] || die "$mod has no main package cmd/versitygw"
  ! grep -q '^replace' "$dir/go.mod" ||
    die "$mod's go.mod has replace directives: build it from a consumer module (see build-control-plane.sh)"
  go_line=$(sed -n 's/^go //p' "$dir/go.mod")
  [ -n "$go_line" ] || die "found no 'go' line in $dir/go.mod"
  [ "$(printf '%s\n%s\n' "$go_line" "${go_have%%[-+ ]*}" | sort -V | head -n1)" = "$go_line" ] ||
    die "versitygw $VERSITYGW_VERSION needs Go >= $go_line (its go.mod says so), this is Go $go_have"
  # The release's own publication time on the proxy, so that rebuilds are byte-identical.
  date=$(GOFLAGS= go mod download -json "$mod" | sed -n 's/^[[:space:]]*"Info": "\(.*\)",\{0,1\}$/\1/p' |
    xargs -r sed -n 's/.*"Time":"\([^"]*\)".*/\1/p')
  # The module cache is read-only: build from a private copy.
  work=$(mktemp -d)
  cp -R "$dir/." "$work/src"
  chmod -R u+w "$work/src"
  (
    cd "$work/src"
    GOFLAGS="-mod=readonly -buildvcs=false" go build -trimpath \
      -ldflags "-s -w -X main.Version=$VERSITYGW_VERSION -X main.Build=module-proxy -X main.BuildTime=${date:-none}" \
      -o "$work/versitygw" ./cmd/versitygw
  )
  mv -f "$work/versitygw" "$bin/versitygw"
  rm -rf "$work"
  work=
}

if versitygw_ok; then
  echo "versitygw: cached ($bin/versitygw)"
  exit 0
fi
start=$SECONDS
build_versitygw
versitygw_ok || die "versitygw was built but its version output does not match: $("$bin/versitygw" --version 2>&1 | head -n2 | tr '\n' ' ')"
echo "versitygw: built in $((SECONDS - start))s ($bin/versitygw)"
