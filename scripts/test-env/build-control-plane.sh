#!/usr/bin/env bash
# Builds a host-process Kubernetes control plane for tests that need a real API server without
# Docker, and the control-plane binaries the stand-in node images run (scripts/test-env/build-images.sh):
# etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl (Kubernetes v1.36.1, the version of
# the kind preset's kindest/node image), kubeadm (whose `kubeadm config validate` checks what
# `promote --to kubeadm` writes) and kwok (fakes the nodes and their pods); plus a second minor's
# kube-apiserver, kube-controller-manager and kube-scheduler (Kubernetes v1.37.0), for the stand-in images
# kindest/node:v1.37.0 and rancher/k3s:v1.37.0-k3s1, so a test can upgrade a cluster from v1.36.1 to
# v1.37.0 and see the API server's /version change. etcd, kwok, kubectl and kubeadm exist once and
# serve both minors (see the pins below).
#
# Output: ${KINDLING_CACHE:-<repo>/.cache}/bin/{etcd,kube-apiserver,kube-controller-manager,
# kube-scheduler,kubectl,kubeadm,kwok}, <cache>/bin/k8s-v1.37.0/{kube-apiserver,kube-controller-manager,
# kube-scheduler}, plus <cache>/kwok-stages.yaml next to kwok: `kwok` refuses to start
# without Stage objects ("no stages found"); that file holds the ones `kwokctl` uses by default
# (node-initialize, node-heartbeat-with-lease, pod-ready, pod-complete, pod-delete), for
# `kwok --config <cache>/kwok-stages.yaml`. Idempotent: a binary whose version output already
# matches is kept ("cached"). Needs Go >= 1.26.0 (k8s.io/kubernetes v1.36.1 and v1.37.0 both say
# `go 1.26.0`) and nothing but the Go module proxy. Builds are static (CGO_ENABLED=0) and reproducible.
#
# Usage: build-control-plane.sh [NAME...]   (default: all of them: ${ALL[*]} below; the second minor's
#        binaries are named by their path under bin/, e.g. k8s-v1.37.0/kube-apiserver)
#
# Pins (every module is asked for at an explicit version; no `@latest` / `@v/list` lookups):
# - k8s.io/kubernetes cannot be `go install`ed: its go.mod requires its staging modules (k8s.io/api,
#   k8s.io/client-go, ...) as v0.0.0 with `replace => ./staging/src/...`, which are not in the module zip.
#   So the kube-* binaries and kubectl are built from a throwaway consumer module (one per Kubernetes
#   version) that requires k8s.io/kubernetes vX.Y.Z and replaces every one of those staging modules (the
#   list is read from k8s.io/kubernetes's own go.mod) by its published v0.Y.Z. The -X version ldflags are
#   those of hack/lib/version.sh (for k8s.io/component-base/version and k8s.io/client-go/pkg/version), so
#   `--version`, the API server's /version and its compatibility version say vX.Y.Z. Not
#   gitCommit: the proxy does not know it, so /version keeps the placeholder "$Format:%H$".
# - etcd: the `etcd` main package is the root of module go.etcd.io/etcd/server/v3. Its go.mod has
#   `replace => ../api` lines, so it is built from a consumer module too (replaces in dependencies
#   are ignored). $ETCD_VERSION is what kubeadm v1.36.1 deploys (DefaultEtcdVersion "3.6.8-0") and
#   what k8s.io/kubernetes v1.36.1's etcd client modules are pinned to. Kubernetes v1.37.0 moved to etcd
#   3.7.0 (kubeadm DefaultEtcdVersion "3.7.0-0", client modules v3.7.0) but still supports etcd >= 3.5.24
#   (kubeadm MinExternalEtcdVersion "3.5.24-0"): its one etcd-3.7 feature, the RangeStream list RPC
#   (feature gate EtcdRangeStream), falls back to paginated lists when etcd answers "unimplemented"
#   (k8s.io/apiserver v0.37.0 pkg/storage/etcd3/store.go). So both minors share etcd v3.6.8, which is
#   also what a real upgrade from v1.36 to v1.37 starts from.
# - kwok: v0.8.0 is built against k8s.io/* v0.36.1 and declares KubeVersion 1.36.1 / kind 0.32.0; it
#   drives a v1.37.0 API server as well (Node and Pod status only). kubectl and kubeadm stay at v1.36.1
#   (kubectl's supported skew is one minor either way).
set -euo pipefail

KUBE_VERSION=v1.36.1      # bin/kube-*, kubectl, kubeadm
NEXT_KUBE_VERSION=v1.37.0 # bin/k8s-$NEXT_KUBE_VERSION/{kube-apiserver,kube-controller-manager,kube-scheduler}
ETCD_VERSION=v3.6.8
KWOK_VERSION=v0.8.0
GO_MIN=1.26.0

next_dir=k8s-$NEXT_KUBE_VERSION
ALL=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kubeadm kwok
  "$next_dir/kube-apiserver" "$next_dir/kube-controller-manager" "$next_dir/kube-scheduler")

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${KINDLING_CACHE:-$repo/.cache}
bin=$cache/bin

die() { echo "build-control-plane: $*" >&2; exit 1; }

names=("$@")
[ ${#names[@]} -gt 0 ] || names=("${ALL[@]}")
for n in "${names[@]}"; do
  [[ " ${ALL[*]} " == *" $n "* ]] || die "unknown binary '$n' (expected one of: ${ALL[*]})"
done

command -v go >/dev/null 2>&1 ||
  die "'go' not found on PATH: install Go >= $GO_MIN (https://go.dev/dl/) to build Kubernetes $KUBE_VERSION and $NEXT_KUBE_VERSION, etcd $ETCD_VERSION and kwok $KWOK_VERSION"

go_have=$(go env GOVERSION 2>/dev/null || true)
go_have=${go_have#go}
if [ -z "$go_have" ] || [ "$(printf '%s\n%s\n' "$GO_MIN" "${go_have%%[-+ ]*}" | sort -V | head -n1)" != "$GO_MIN" ]; then
  die "Go ${go_have:-?} is too old: install Go >= $GO_MIN (k8s.io/kubernetes $KUBE_VERSION and $NEXT_KUBE_VERSION require it)"
fi

mkdir -p "$bin" "$bin/$next_dir"

# Every go command runs outside any workspace, with module-mode builds allowed to fill go.mod/go.sum
# of the throwaway consumer modules. CGO_ENABLED=0: static binaries, as the upstream releases are.
export GOWORK=off GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0

# --- version checks --------------------------------------------------------------------------------
kube_version_for() { # NAME: the Kubernetes version a kube-* NAME is built from
  case $1 in
    "$next_dir"/*) echo "$NEXT_KUBE_VERSION" ;;
    *) echo "$KUBE_VERSION" ;;
  esac
}

version_of() { # NAME: its version output
  case $1 in
    kubectl) "$bin/kubectl" version --client ;;
    kubeadm) "$bin/kubeadm" version -o short ;;
    *) "$bin/$1" --version ;;
  esac 2>&1
}

ok() { # NAME: the binary exists and reports the pinned version
  [ -x "$bin/$1" ] || return 1
  local out
  out=$(version_of "$1") || return 1
  case ${1##*/} in
    kube-apiserver | kube-controller-manager | kube-scheduler) [ "$out" = "Kubernetes $(kube_version_for "$1")" ] ;;
    kubectl) grep -qx "Client Version: $KUBE_VERSION" <<<"$out" ;;
    kubeadm) [ "$out" = "$KUBE_VERSION" ] ;;
    etcd) grep -qx "etcd Version: ${ETCD_VERSION#v}" <<<"$out" ;;
    kwok) grep -q "^kwok version $KWOK_VERSION " <<<"$out" ;;
  esac
}

# --- builds ----------------------------------------------------------------------------------------
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# module@version -> the directory of its extracted source in the module cache.
mod_dir() {
  local dir
  dir=$(GOFLAGS= go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
  [ -n "$dir" ] && [ -f "$dir/go.mod" ] || die "go mod download did not give a source dir for $1"
  echo "$dir"
}

# Writes (once per run and version) the consumer module for k8s.io/kubernetes VERSION into $work/kube-VERSION.
kube_consumer() { # VERSION
  local v=$1 dir=$work/kube-$1
  [ -f "$dir/go.mod" ] && return
  local kdir staging_version=v0.${v#v1.} mods go_line
  kdir=$(mod_dir "k8s.io/kubernetes@$v")
  # Every "k8s.io/x => ./staging/src/k8s.io/x" line of k8s.io/kubernetes's own replace block.
  mods=$(sed -n 's#^[[:space:]]*\(k8s\.io/[^[:space:]]*\)[[:space:]]*=>[[:space:]]*\./staging/src/.*#\1#p' "$kdir/go.mod")
  [ -n "$mods" ] || die "found no staging replace lines in $kdir/go.mod"
  go_line=$(sed -n 's/^go //p' "$kdir/go.mod")
  [ -n "$go_line" ] || die "found no 'go' line in $kdir/go.mod"
  [ "$(printf '%s\n%s\n' "$go_line" "${go_have%%[-+ ]*}" | sort -V | head -n1)" = "$go_line" ] ||
    die "k8s.io/kubernetes $v needs Go >= $go_line (its go.mod says so), this is Go $go_have"
  mkdir -p "$dir"
  {
    echo "module kindling.invalid/kube-build"
    echo
    echo "go $go_line"
    echo
    echo "require k8s.io/kubernetes $v"
    echo
    echo "replace ("
    for m in $mods; do echo "	$m => $m $staging_version"; done
    echo ")"
  } >"$dir/go.mod"
}

kube_ldflags() { # VERSION
  local v=$1 major=${1#v} minor date
  minor=${major#*.}
  minor=${minor%%.*}
  major=${major%%.*}
  # The release's own publication time on the proxy, so that rebuilds are byte-identical.
  date=$(cd "$work" && GOFLAGS= go list -m -f '{{.Time.UTC.Format "2006-01-02T15:04:05Z"}}' "k8s.io/kubernetes@$v")
  local flags="-s -w" pkg
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    flags+=" -X $pkg.gitVersion=$v -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
    flags+=" -X $pkg.gitTreeState=archive -X $pkg.buildDate=${date:-1970-01-01T00:00:00Z}"
  done
  echo "$flags"
}

build_kube() { # NAME: k8s.io/kubernetes/cmd/<NAME's last element>, at the version kube_version_for NAME gives
  local v cmd=${1##*/} out
  v=$(kube_version_for "$1")
  out=$work/$cmd-$v
  kube_consumer "$v"
  (cd "$work/kube-$v" && go build -trimpath -ldflags "$(kube_ldflags "$v")" -o "$out" "k8s.io/kubernetes/cmd/$cmd")
  mv -f "$out" "$bin/$1"
}

build_etcd() {
  mkdir -p "$work/etcd"
  printf 'module kindling.invalid/etcd-build\n\ngo 1.26.0\n\nrequire go.etcd.io/etcd/server/v3 %s\n' "$ETCD_VERSION" >"$work/etcd/go.mod"
  (cd "$work/etcd" && go build -trimpath -ldflags "-s -w" -o "$work/etcd.bin" go.etcd.io/etcd/server/v3)
  mv -f "$work/etcd.bin" "$bin/etcd"
}

build_kwok() {
  mkdir -p "$work/kwok"
  printf 'module kindling.invalid/kwok-build\n\ngo 1.26.0\n\nrequire sigs.k8s.io/kwok %s\n' "$KWOK_VERSION" >"$work/kwok/go.mod"
  (cd "$work/kwok" && go build -trimpath \
    -ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_VERSION" \
    -o "$work/kwok.bin" sigs.k8s.io/kwok/cmd/kwok)
  mv -f "$work/kwok.bin" "$bin/kwok"
}

stages=$cache/kwok-stages.yaml
stages_header="# kwok $KWOK_VERSION default stages (as kwokctl uses them), from sigs.k8s.io/kwok@$KWOK_VERSION/kustomize/stage"
write_stages() {
  local dir f
  dir=$(mod_dir "sigs.k8s.io/kwok@$KWOK_VERSION")
  {
    echo "$stages_header"
    for f in node/fast/node-initialize node/heartbeat-with-lease/node-heartbeat-with-lease \
      pod/fast/pod-ready pod/fast/pod-complete pod/fast/pod-delete; do
      [ -f "$dir/kustomize/stage/$f.yaml" ] || die "kwok $KWOK_VERSION has no stage file kustomize/stage/$f.yaml"
      echo "---"
      cat "$dir/kustomize/stage/$f.yaml"
    done
  } >"$work/stages.yaml"
  mv -f "$work/stages.yaml" "$stages"
}

# ensure NAME: print one line per binary.
ensure() {
  local name=$1 start
  if ok "$name"; then
    echo "$name: cached ($bin/$name)"
    return
  fi
  start=$SECONDS
  case $name in
    etcd) build_etcd ;;
    kwok) build_kwok ;;
    *) build_kube "$name" ;;
  esac
  ok "$name" || die "$name was built but its version output does not match: $(version_of "$name" | head -n2 | tr '\n' ' ')"
  echo "$name: built in $((SECONDS - start))s ($bin/$name)"
}

for n in "${names[@]}"; do ensure "$n"; done

if [[ " ${names[*]} " == *" kwok "* ]]; then
  if [ -f "$stages" ] && [ "$(head -n1 "$stages")" = "$stages_header" ]; then
    echo "kwok-stages: cached ($stages)"
  else
    write_stages
    echo "kwok-stages: written ($stages)"
  fi
fi
