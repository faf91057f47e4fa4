#!/usr/bin/env bash
# Builds local stand-in images under the exact names the real kind v0.32.0 and k3d v5.9.0 binaries ask
# for, so they can create/list/delete clusters against a real Docker engine with no registry reachable.
#
# Root filesystem: Debian's busybox-static (fetched with `apt-get download` into <cache>/debs, unpacked
# with dpkg-deb -x, never installed), busybox at /bin/busybox plus one symlink per applet, then the stub
# files from scripts/test-env/standin/<set>/ copied on top. Images are made with `docker import`.
# Contract: /work/shared/reference/node-image-contract.md (kind §1.6, k3d §2.9).
#
# Two Kubernetes minors: kindest/node:v1.36.1 and rancher/k3s:v1.35.5-k3s1 run the Kubernetes v1.36.1
# control plane (<cache>/bin), kindest/node:v1.37.0 and rancher/k3s:v1.37.0-k3s1 the v1.37.0 one
# (<cache>/bin/k8s-v1.37.0), so a test can upgrade a cluster and see the API server's /version change.
# Every image reports its own version: the build writes it to /etc/kindling-standin/version (read by the
# k3s stand-ins' `k3s --version`) and, in kind nodes (images with a /kind directory), to /kind/version,
# which kind reads and the kubeadm stand-ins print.
#
# Idempotent: every image carries the label dev.kindling.standin.hash (a hash of this script, the
# control-plane binaries and all files under standin/); an image whose label matches is left alone.
# One line per image: built/cached.
#
# Env: KINDLING_CACHE (default <repo>/.cache), FORCE=1 to rebuild everything.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${KINDLING_CACHE:-$repo/.cache}
standin=$here/standin
debs=$cache/debs
hash_label=dev.kindling.standin.hash

die() { echo "build-images: $*" >&2; exit 1; }

command -v docker >/dev/null 2>&1 ||
  die "the docker CLI is not on PATH: install Docker, then run ../shared/ci/dockerd-up or start Docker"
if ! docker_err=$(docker info --format '{{.ServerVersion}}' 2>&1 >/dev/null); then
  die "Docker is unreachable (docker info failed: ${docker_err//$'\n'/ }): run ../shared/ci/dockerd-up or start Docker"
fi

# --- the control plane the API images run (scripts/test-env/build-control-plane.sh builds it) --------
# Paths under <cache>/bin. etcd, kwok and kubectl serve both minors.
NEXT_KUBE_VERSION=v1.37.0
next_bins=(kube-apiserver kube-controller-manager kube-scheduler)
cp_bins=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok kubectl "${next_bins[@]/#/k8s-$NEXT_KUBE_VERSION/}")
for b in "${cp_bins[@]}"; do
  [ -x "$cache/bin/$b" ] || die "$cache/bin/$b is missing: run scripts/test-env/build-control-plane.sh first"
done
[ -f "$cache/kwok-stages.yaml" ] || die "$cache/kwok-stages.yaml is missing: run scripts/test-env/build-control-plane.sh first"

# --- content hash of everything that goes into the images ------------------------------------------
content_hash() {
  {
    sha256sum "$here/build-images.sh" | cut -d' ' -f1
    for b in "${cp_bins[@]}"; do sha256sum "$cache/bin/$b" | cut -d' ' -f1; done
    sha256sum "$cache/kwok-stages.yaml" | cut -d' ' -f1
    (cd "$standin" && find . \( -type f -o -type l \) -print | LC_ALL=C sort | while IFS= read -r f; do
      printf '%s %s %s\n' "$f" "$(stat -c %a "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"
    done)
  } | sha256sum | cut -c1-16
}
hash=$(content_hash)

# name | version it reports ('-': none) | overlays (comma list, applied in order) | docker import --change
# lines ('|'-free, ';'-separated). Overlays: a directory under standin/; @cp (the Kubernetes v1.36.1 control
# plane), @cp-v1.37.0 (the v1.37.0 one) and @registry are made below; +broken marks the image as told to fail.
CHANGE_PATH='ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
# Two families: the plain names run a real control plane (overlays control-plane + @cp / @cp-v1.37.0, the
# generated binaries, certificates and kubeconfigs); -noapi and -broken imitate only what kind and k3d read.
API_ENV='ENV KUBECONFIG=/etc/kindling-standin/admin.conf'
KIND_CHANGES='ENTRYPOINT ["/usr/local/bin/entrypoint"]'
K3S_CHANGES='ENTRYPOINT ["/bin/k3s"];CMD ["agent"]'
images=(
  "kindest/node:v1.36.1|v1.36.1|common,kind-node,control-plane,@cp,kind-node-api|$KIND_CHANGES;$API_ENV"
  "kindest/node:v1.36.1-noapi|v1.36.1|common,kind-node|$KIND_CHANGES"
  "kindest/node:v1.36.1-broken|v1.36.1|common,kind-node,+broken|$KIND_CHANGES"
  "kindest/node:v1.37.0|v1.37.0|common,kind-node,control-plane,@cp-v1.37.0,kind-node-api|$KIND_CHANGES;$API_ENV"
  "kindest/node:v1.37.0-broken|v1.37.0|common,kind-node,+broken|$KIND_CHANGES"
  "envoyproxy/envoy:v1.36.2|-|common,envoy|ENTRYPOINT [\"/docker-entrypoint.sh\"]"
  "rancher/k3s:v1.35.5-k3s1|v1.35.5+k3s1|common,k3s,control-plane,@cp,k3s-api|$K3S_CHANGES;$API_ENV"
  "rancher/k3s:v1.35.5-k3s1-noapi|v1.35.5+k3s1|common,k3s|$K3S_CHANGES"
  "rancher/k3s:v1.35.5-k3s1-broken|v1.35.5+k3s1|common,k3s,+broken|$K3S_CHANGES"
  "rancher/k3s:v1.37.0-k3s1|v1.37.0+k3s1|common,k3s,control-plane,@cp-v1.37.0,k3s-api|$K3S_CHANGES;$API_ENV"
  "rancher/k3s:v1.37.0-k3s1-broken|v1.37.0+k3s1|common,k3s,+broken|$K3S_CHANGES"
  "ghcr.io/k3d-io/k3d-proxy:5.9.0|-|common,k3d-proxy|ENTRYPOINT [\"/usr/bin/nginx-proxy\"]"
  "ghcr.io/k3d-io/k3d-tools:5.9.0|-|common,k3d-tools|WORKDIR /app;ENTRYPOINT [\"/app/k3d-tools\"]"
  # Not a stand-in: the real registry server (Debian's docker-registry, Distribution v2.8) under the name
  # kindling and k3d run by default.
  "registry:2|-|@registry|ENTRYPOINT [\"/usr/bin/docker-registry\"];CMD [\"serve\", \"/etc/docker/registry/config.yml\"];EXPOSE 5000/tcp;VOLUME /var/lib/registry"
)

current() { docker image inspect --format "{{index .Config.Labels \"$hash_label\"}}" "$1" 2>/dev/null || true; }

todo=()
for spec in "${images[@]}"; do
  name=${spec%%|*}
  if [ "${FORCE:-0}" != 1 ] && [ "$(current "$name")" = "$hash" ]; then
    echo "$name: cached (hash $hash)"
  else
    todo+=("$spec")
  fi
done
[ ${#todo[@]} -gt 0 ] || exit 0

# --- Debian packages: busybox-static, docker-registry ----------------------------------------------
fetch_deb() { # PACKAGE: the cached .deb, downloaded with apt-get the first time
  local pkg=$1 deb log
  deb=$(ls -1 "$debs/${pkg}"_*.deb 2>/dev/null | LC_ALL=C sort | tail -n1 || true)
  if [ -z "$deb" ]; then
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: need Debian's $pkg .deb in $debs"
    mkdir -p "$debs"
    log=$(mktemp)
    if ! (cd "$debs" && apt-get download "$pkg") >"$log" 2>&1; then
      (apt-get update -qq && cd "$debs" && apt-get download "$pkg") >>"$log" 2>&1 || {
        cat "$log" >&2
        rm -f "$log"
        die "could not download $pkg with apt-get"
      }
    fi
    rm -f "$log"
    deb=$(ls -1 "$debs/${pkg}"_*.deb | LC_ALL=C sort | tail -n1)
  fi
  echo "$deb"
}

work=$(mktemp -d "${TMPDIR:-/tmp}/kindling-standin.XXXXXX")
trap 'rm -rf "$work"' EXIT

deb=$(fetch_deb busybox-static)
dpkg-deb -x "$deb" "$work/deb"
bb=$work/deb/bin/busybox
[ -x "$bb" ] || die "no bin/busybox in $deb"

# Base rootfs: directories, busybox + applet symlinks, minimal /etc.
base=$work/base
mkdir -p "$base"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,usr/local/sbin,etc,root,home,var/log,var/lib,var/tmp,run,tmp,proc,sys,dev,output}
chmod 1777 "$base/tmp" "$base/var/tmp"
cp "$bb" "$base/bin/busybox"
"$bb" --list-full | while IFS= read -r applet; do
  [ "$applet" = bin/busybox ] && continue
  ln -sf /bin/busybox "$base/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$base/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$base/etc/group"
: >"$base/etc/hosts"
: >"$base/etc/resolv.conf"
echo 'kindling-standin' >"$base/etc/hostname"

# --- the @cp and @cp-v1.37.0 overlays: control-plane binaries, kwok's stages, certificates and kubeconfigs -
# KUBE_BIN_DIR holds the kube-apiserver, kube-controller-manager and kube-scheduler of the overlay's
# Kubernetes version; etcd, kwok and kubectl come from <cache>/bin for both.
# Real certificates from openssl: a CA, the API server's serving certificate (localhost, 127.0.0.1 and the
# in-cluster names; other nodes verify it under "localhost"), client certificates for the admin,
# controller-manager, scheduler and kwok, and the service-account key pair. Made once per overlay and run
# (so the two overlays have different CAs).
make_cp_overlay() { # DIR KUBE_BIN_DIR
  local o=$1 kb=$2 s p b
  s=$o/etc/kindling-standin
  p=$s/pki
  mkdir -p "$p" "$o/usr/local/bin" "$o/usr/bin"
  for b in etcd kwok; do cp "$cache/bin/$b" "$o/usr/local/bin/$b"; done
  for b in kube-apiserver kube-controller-manager kube-scheduler; do cp "$kb/$b" "$o/usr/local/bin/$b"; done
  cp "$cache/bin/kubectl" "$o/usr/bin/kubectl"
  cp "$cache/kwok-stages.yaml" "$s/kwok-stages.yaml"
  command -v openssl >/dev/null 2>&1 || die "openssl is needed to make the stand-in certificates (apt-get install openssl)"
  (
    cd "$p"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -subj /CN=kindling-standin-ca 2>/dev/null
    cat >apiserver.ext <<EXT
subjectAltName=DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:127.0.0.1,IP:10.96.0.1,IP:10.43.0.1
extendedKeyUsage=serverAuth
EXT
    sign() { # NAME SUBJECT [EXTFILE]
      openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "$2" 2>/dev/null
      openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -out "$1.crt" -days 3650 ${3:+-extfile "$3"} 2>/dev/null
      rm -f "$1.csr"
    }
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    sign apiserver /CN=kube-apiserver apiserver.ext
    sign admin "/O=system:masters/CN=kubernetes-admin" client.ext
    sign controller-manager /CN=system:kube-controller-manager client.ext
    sign scheduler /CN=system:kube-scheduler client.ext
    sign kwok "/O=system:masters/CN=kwok-controller" client.ext
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    rm -f ./*.ext ca.srl
  )
  kubeconfig() { # FILE CERT CLUSTER USER CONTEXT
    cat >"$1" <<KC
apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: $(base64 -w0 <"$p/ca.crt")
    server: https://127.0.0.1:6443
  name: $3
contexts:
- context:
    cluster: $3
    user: $4
  name: $5
current-context: $5
preferences: {}
users:
- name: $4
  user:
    client-certificate-data: $(base64 -w0 <"$p/$2.crt")
    client-key-data: $(base64 -w0 <"$p/$2.key")
KC
  }
  kubeconfig "$s/admin.conf" admin kubernetes kubernetes-admin kubernetes-admin@kubernetes
  kubeconfig "$s/k3s.yaml" admin default default default
  kubeconfig "$s/controller-manager.conf" controller-manager kubernetes system:kube-controller-manager default
  kubeconfig "$s/scheduler.conf" scheduler kubernetes system:kube-scheduler default
  kubeconfig "$s/kwok.conf" kwok kubernetes kwok-controller default
  chmod 600 "$p"/*.key "$s"/*.conf "$s/k3s.yaml"
}

# --- the @registry overlay: Debian's docker-registry binary, the C library it links, a config without auth -
make_registry_overlay() {
  local o=$1 rdeb lib
  rdeb=$(fetch_deb docker-registry)
  dpkg-deb -x "$rdeb" "$work/regdeb"
  mkdir -p "$o/usr/bin" "$o/etc/docker/registry" "$o/var/lib/registry"
  cp "$work/regdeb/usr/bin/docker-registry" "$o/usr/bin/docker-registry"
  for lib in $(ldd "$o/usr/bin/docker-registry" | awk '$3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'); do
    cp -L --parents "$lib" "$o/"
  done
  cat >"$o/etc/docker/registry/config.yml" <<'CFG'
version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
CFG
}

# Overlay @NAME is made into $work/gen/NAME the first time an image to build uses it.
generate_overlay() { # NAME
  local o=$work/gen/$1
  [ -d "$o" ] && return
  case $1 in
    cp) make_cp_overlay "$o" "$cache/bin" ;;
    "cp-$NEXT_KUBE_VERSION") make_cp_overlay "$o" "$cache/bin/k8s-$NEXT_KUBE_VERSION" ;;
    registry) make_registry_overlay "$o" ;;
    *) die "unknown generated overlay @$1" ;;
  esac
}

for spec in "${todo[@]}"; do
  IFS='|' read -r name version overlays changes <<<"$spec"
  start=$(date +%s%3N)
  root=$work/img
  rm -rf "$root"
  cp -a "$base" "$root"
  IFS=',' read -r -a sets <<<"$overlays"
  for s in "${sets[@]}"; do
    if [ "${s#@}" != "$s" ]; then
      generate_overlay "${s#@}"
      cp -a --remove-destination "$work/gen/${s#@}/." "$root/"
      continue
    fi
    if [ "$s" = +broken ]; then
      mkdir -p "$root/etc/kindling-standin"
      echo "this image is told to fail (see scripts/test-env/standin)" >"$root/etc/kindling-standin/broken"
      continue
    fi
    [ -d "$standin/$s" ] || die "missing overlay $standin/$s"
    # --remove-destination: stubs may replace busybox applet symlinks
    cp -a --remove-destination "$standin/$s/." "$root/"
  done
  if [ "$version" != - ]; then
    mkdir -p "$root/etc/kindling-standin"
    echo "$version" >"$root/etc/kindling-standin/version"
    if [ -d "$root/kind" ]; then echo "$version" >"$root/kind/version"; fi
  fi
  args=(--change "$CHANGE_PATH" --change "LABEL $hash_label=$hash dev.kindling.standin=true")
  IFS=';' read -r -a chs <<<"$changes"
  for c in "${chs[@]}"; do args+=(--change "$c"); done
  old_id=$(docker image inspect --format '{{.Id}}' "$name" 2>/dev/null || true)
  tar --numeric-owner --owner=0 --group=0 -C "$root" -cf - . |
    docker import "${args[@]}" --message "kindling stand-in for $name" - "$name" >/dev/null
  # drop the previous build if nothing else uses it (no error if a container or another tag still does)
  if [ -n "$old_id" ] && [ "$old_id" != "$(docker image inspect --format '{{.Id}}' "$name")" ]; then
    docker image rm "$old_id" >/dev/null 2>&1 || true
  fi
  ms=$(($(date +%s%3N) - start))
  printf '%s: built in %d.%03ds (hash %s)\n' "$name" $((ms / 1000)) $((ms % 1000)) "$hash"
done
