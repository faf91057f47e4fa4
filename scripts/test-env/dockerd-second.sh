#!/usr/bin/env bash
# Starts a SECOND Docker engine next to the main one, idempotently, so integration tests can prove kindling
# talks to the engine a Docker context names (and not the default one). test/support/integration/second-docker.ts
# runs it.
#
# Everything of the second engine lives under one directory, ${KINDLING_SECOND_DOCKER_DIR:-/tmp/kindling-second-docker}
# (kept short: a unix socket path must fit in 108 bytes, and containerd puts its own sockets under exec/):
#   docker.sock   the API socket (printed as unix://<dir>/docker.sock, the last line of a successful start)
#   data/ exec/   --data-root and --exec-root (its own images, containers, volumes, managed containerd);
#                 the network store under data/ is reset at each start (see below)
#   docker.pid    --pidfile          dockerd.log   its output          daemon.json   its --config-file
#   key.json      its trust key (its engine ID; see below)
#   tls/          with --tcp only: ca.pem + ca-key.pem (a CA made here once), server/{cert,key}.pem (IP SAN of
#                 the --tcp address; remade when the address changes), client/{ca,cert,key}.pem (what a Docker
#                 context's ca=,cert=,key= or DOCKER_CERT_PATH takes). Made with openssl; keys 0600.
#
# Mirrors how ../shared/ci/dockerd-up starts the main engine: the same dockerd, iptables on (dockerd's
# default), and the same runtime fix for privileged containers (kind and k3d nodes): the runc wrapper that
# dockerd-up registers in /etc/docker/daemon.json as the default runtime, copied into this engine's own
# daemon.json (only "runtimes" and "default-runtime": the main file is not read, so nothing else leaks in).
#
# Networking that cannot clash with the main engine (172.17.0.0/16 on docker0, then 172.18+ for kind/k3d):
#   - its own bridge device, ${KINDLING_SECOND_DOCKER_BRIDGE:-kl2docker0}, made here with
#     ${KINDLING_SECOND_DOCKER_BIP:-10.213.0.1/24} (the --bip it would otherwise get) and passed as --bridge.
#     dockerd's --bip configures docker0 (the main engine's bridge!) unless --bridge names another device, and
#     Debian's dockerd 20.10 refuses --bridge together with --bip, so the address is put on the device here;
#   - --default-address-pool ${KINDLING_SECOND_DOCKER_POOL:-base=10.214.0.0/16,size=24} for the networks
#     kind and k3d create on it;
#   - its own containerd namespaces, in case a system containerd is shared.
# With iptables on, a starting dockerd first deletes and rebuilds the DOCKER and DOCKER-ISOLATION-STAGE-1/2
# chains, which both engines share: the main engine's per-port DNAT/ACCEPT rules and its network isolation
# rules would be gone. So the rules those chains held before the start and lack after it are put back
# (RETURN, isolation and DROP rules at the top, the rest appended, as dockerd orders them). The reverse is
# not covered: restarting the main engine drops the second one's rules in those chains (its ports stay
# reachable on 127.0.0.1 through docker-proxy, which is what kind's and k3d's kubeconfigs use).
# dockerd deletes the host's docker0 (the MAIN engine's bridge, whatever --bridge says) when it starts with
# --default-address-pool and finds its default "bridge" network in its own network store, i.e. on every
# start but the first (moby's configureNetworking, "Clear stale bridge network"). So the network store,
# data/network/files/local-kv.db, is deleted before each start: dockerd recreates its default bridge network
# at every start anyway; what is lost is user-defined networks (kind's, k3d's), so containers left on the
# second engine by an earlier run lose theirs (the start says so; remove them). As a last guard, a docker0
# that vanishes during the start is recreated with its addresses and the start fails.
# (--bridge none would not help: dockerd deletes docker0 then too.)
# The engine ID of dockerd 20.10 comes from a trust key, /etc/docker/key.json unless "deprecated-key-path"
# says otherwise: daemon.json points it at <dir>/key.json, or both engines would report the same ID.
#
# Usage (as root, like dockerd):
#   dockerd-second.sh                      start it unless it already answers; prints unix://<dir>/docker.sock
#   dockerd-second.sh --images IMG...      same, then copies each IMG from the main engine (`docker`, as the
#                                          caller's environment selects it) when the second lacks it or holds
#                                          another image ID: docker save | docker -H unix://<sock> load
#   dockerd-second.sh --tcp ADDR:PORT [--images IMG...]
#                                          same, and the engine also listens on tcp://ADDR:PORT with TLS, client
#                                          certificates required (--tlsverify), for tests of an engine on
#                                          "another machine" (ADDR: a non-loopback address of this one). A running
#                                          engine without that listener is stopped and started again with it (its
#                                          containers lose their networks, as on any restart); one with it is kept.
#                                          Prints `tcp://ADDR:PORT <dir>/tls/client` before the unix:// line.
#                                          Without --tcp, a running engine is used as it is, listener or not.
#   dockerd-second.sh --stop               SIGTERM to the pid in docker.pid, waits for it to exit; removes nothing
set -euo pipefail

dir=${KINDLING_SECOND_DOCKER_DIR:-/tmp/kindling-second-docker}
bridge=${KINDLING_SECOND_DOCKER_BRIDGE:-kl2docker0}
bip=${KINDLING_SECOND_DOCKER_BIP:-10.213.0.1/24}
pool=${KINDLING_SECOND_DOCKER_POOL:-base=10.214.0.0/16,size=24}
main_config=/etc/docker/daemon.json
dockerd_up='../shared/ci/dockerd-up (from the repository root)'

sock=$dir/docker.sock
host=unix://$sock
pidfile=$dir/docker.pid
log=$dir/dockerd.log

die() { echo "dockerd-second: $*" >&2; exit 1; }
answers() { timeout 10 docker -H "$host" info >/dev/null 2>&1; }
# The rules of the chains a starting dockerd rebuilds, as iptables-save prints them.
docker_rules() { iptables-save -t "$1" 2>/dev/null | grep -E '^-A (DOCKER|DOCKER-ISOLATION-STAGE-[12]) ' || true; }
# Puts back, in table $1, the rules of $2 (docker_rules' output) that are no longer there.
restore_rules() {
  local table=$1 rule chain n=0
  local -a words
  local -A top=() # where the next top rule of a chain goes, to keep their order
  while IFS= read -r rule; do
    [ -n "$rule" ] || continue
    if [[ $rule == *[\"\']* ]]; then echo "dockerd-second: not restoring quoted rule: $rule" >&2; continue; fi
    read -ra words <<<"${rule#-A }"
    chain=${words[0]}
    iptables -t "$table" -C "$chain" "${words[@]:1}" 2>/dev/null && continue
    case "$rule" in
      "-A $chain -j RETURN") iptables -t "$table" -A "$chain" -j RETURN ;; # the catch-all stays last
      *' -j RETURN' | *' -j DOCKER-ISOLATION-STAGE-2' | *' -j DROP')
        top[$chain]=$((${top[$chain]:-0} + 1))
        iptables -t "$table" -I "$chain" "${top[$chain]}" "${words[@]:1}"
        ;;
      *) iptables -t "$table" -A "$chain" "${words[@]:1}" ;;
    esac && n=$((n + 1)) || echo "dockerd-second: could not restore rule: $rule" >&2
  done <<<"$2"
  [ "$n" -eq 0 ] || echo "dockerd-second: restored $n rule(s) of the main engine in iptables table $table"
}
# The pid in docker.pid when that process is alive and is a dockerd, else nothing.
running_pid() {
  local pid
  pid=$(cat "$pidfile" 2>/dev/null) || return 0
  [[ $pid =~ ^[0-9]+$ ]] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ] || return 0
  # An exited dockerd its parent has not reaped yet is no longer running.
  [[ $(cat "/proc/$pid/stat" 2>/dev/null) =~ ^[0-9]+\ \(.*\)\ Z ]] || echo "$pid"
  return 0
}

tls=$dir/tls
# Whether the running dockerd was started with the TCP listener $tcp.
has_listener() {
  local pid
  pid=$(running_pid)
  [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- " --host tcp://$tcp "
}
tcp_answers() {
  timeout 10 docker -H "tcp://$tcp" --tlsverify --tlscacert "$tls/client/ca.pem" --tlscert "$tls/client/cert.pem" \
    --tlskey "$tls/client/key.pem" info >/dev/null 2>&1
}
# Signs $1/cert.pem for key $1/key.pem (made if missing) with the CA: subject CN $2, extensions $3.
sign() {
  [ -s "$1/key.pem" ] || (umask 077 && openssl genrsa -out "$1/key.pem" 2048 2>/dev/null)
  openssl req -new -key "$1/key.pem" -subj "/CN=$2" -out "$1/req.csr"
  printf '%s\n' "$3" >"$1/ext.cnf"
  openssl x509 -req -in "$1/req.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca-key.pem" -CAcreateserial -days 3650 -sha256 \
    -extfile "$1/ext.cnf" -out "$1/cert.pem" 2>/dev/null
  rm -f "$1/req.csr" "$1/ext.cnf"
}
# The CA and client certificate once; the server certificate whenever it lacks the IP SAN of the --tcp address.
ensure_tls() {
  local addr=${tcp%:*}
  command -v openssl >/dev/null 2>&1 || die "openssl is missing: apt-get install openssl (needed for --tcp)"
  mkdir -p "$tls/server" "$tls/client"
  chmod 700 "$tls"
  if [ ! -s "$tls/ca.pem" ] || [ ! -s "$tls/ca-key.pem" ]; then
    (umask 077 && openssl genrsa -out "$tls/ca-key.pem" 2048 2>/dev/null)
    openssl req -x509 -new -key "$tls/ca-key.pem" -sha256 -days 3650 -subj "/CN=kindling second docker CA" -out "$tls/ca.pem"
    rm -f "$tls/server/cert.pem" "$tls/client/cert.pem"
  fi
  if ! openssl x509 -in "$tls/server/cert.pem" -noout -ext subjectAltName 2>/dev/null | grep -qE "IP Address:$addr(,|\$)"; then
    sign "$tls/server" "$addr" "$(printf 'subjectAltName=IP:%s,IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth' "$addr")"
  fi
  [ -s "$tls/client/cert.pem" ] || sign "$tls/client" client 'extendedKeyUsage=clientAuth'
  cp "$tls/ca.pem" "$tls/client/ca.pem"
}

mode=start
images=()
tcp=
if [ "${1:-}" = --tcp ]; then
  [[ ${2:-} =~ ^([0-9]{1,3}\.){3}[0-9]{1,3}:[0-9]{1,5}$ ]] || die "--tcp takes an IPv4 ADDR:PORT, got '${2:-}'"
  tcp=$2
  shift 2
fi
case "${1:-}" in
  '') ;;
  --stop) [ $# -eq 1 ] && [ -z "$tcp" ] || die "--stop takes no arguments"; mode=stop ;;
  --images) shift; images=("$@"); [ ${#images[@]} -gt 0 ] || die "--images needs at least one image" ;;
  -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  *) die "unknown argument '$1' (usage: dockerd-second.sh [--tcp ADDR:PORT] [--images IMG...] | --stop)" ;;
esac

[ "$(id -u)" -eq 0 ] || die "dockerd runs as root: run this as root (CI and the sandboxes do)"
[ ${#sock} -lt 100 ] || die "socket path $sock is ${#sock} bytes; unix sockets allow 107: set KINDLING_SECOND_DOCKER_DIR shorter"
mkdir -p "$dir"

# One caller at a time (parallel test files may all ask for it). dockerd must not inherit the lock's fd.
exec 9>"$dir/lock"
flock -w 300 9 || die "another dockerd-second.sh held $dir/lock for 300 s"

if [ "$mode" = stop ]; then
  pid=$(running_pid)
  if [ -z "$pid" ]; then echo "dockerd-second: not running"; exit 0; fi
  kill -TERM "$pid"
  # dockerd gives its containers 15 s to stop, then stops its containerd.
  for _ in $(seq 1 120); do
    [ -n "$(running_pid)" ] || { echo "dockerd-second: stopped (pid $pid)"; exit 0; }
    sleep 0.5
  done
  die "dockerd (pid $pid) still runs 60 s after SIGTERM; see $log"
fi

if [ -n "$tcp" ]; then
  ensure_tls
  if answers && ! has_listener; then
    echo "dockerd-second: restarting dockerd to add the listener tcp://$tcp"
    pid=$(running_pid)
    [ -n "$pid" ] || die "dockerd answers on $host but $pidfile names no running dockerd: stop it by hand"
    kill -TERM "$pid"
    for _ in $(seq 1 120); do [ -n "$(running_pid)" ] || break; sleep 0.5; done
    [ -z "$(running_pid)" ] || die "dockerd (pid $pid) still runs 60 s after SIGTERM; see $log"
  fi
fi

if ! answers; then
  command -v docker >/dev/null 2>&1 || die "the docker CLI is not on PATH: install Docker, then run $dockerd_up"
  command -v dockerd >/dev/null 2>&1 || die "no dockerd on PATH: run $dockerd_up (installs Debian's docker.io)"
  command -v jq >/dev/null 2>&1 || die "jq is missing: run $dockerd_up (installs it) or apt-get install jq"
  command -v ip >/dev/null 2>&1 || die "the ip command (iproute2) is missing: apt-get install iproute2"

  # The runtime fix of the main engine, or none if the main engine runs without one (a host whose kernel
  # allows CAP_SYS_RESOURCE needs none).
  runtime_conf='{}'
  if [ -s "$main_config" ]; then
    runtime_conf=$(jq -c '{runtimes, "default-runtime"} | with_entries(select(.value != null))' "$main_config") ||
      die "cannot read $main_config as JSON"
    while read -r path; do
      [ -x "$path" ] || die "$main_config names runtime $path, which is missing: run $dockerd_up to (re)create it"
    done < <(jq -r '(.runtimes // {}) | .[] | .path // empty' <<<"$runtime_conf")
  elif [ -x /usr/local/bin/runc-sandbox ]; then
    die "$main_config is missing but dockerd-up's runc wrapper exists: run $dockerd_up to write it"
  fi
  jq --arg key "$dir/key.json" '. + {"deprecated-key-path": $key}' <<<"$runtime_conf" >"$dir/daemon.json"

  # The bridge and its address (idempotent: an existing device must carry exactly this address).
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    if others=$(ip -4 -o addr show to "$bip" | awk '{print $2}' | sort -u | tr '\n' ' ') && [ -n "$others" ]; then
      die "$bip overlaps addresses on: $others- set KINDLING_SECOND_DOCKER_BIP to a free range"
    fi
    ip link add name "$bridge" type bridge || die "cannot create bridge $bridge (needs CAP_NET_ADMIN)"
    ip addr add "$bip" dev "$bridge"
  elif ! ip -4 -o addr show dev "$bridge" | grep -qF " $bip "; then
    die "bridge $bridge exists without address $bip ($(ip -4 -o addr show dev "$bridge" | awk '{print $4}' | tr '\n' ' ')): delete it (ip link del $bridge) or set KINDLING_SECOND_DOCKER_BRIDGE"
  fi
  ip link set "$bridge" up

  started=
  # Another instance (another KINDLING_SECOND_DOCKER_DIR) on the same bridge would fight this one over it.
  for cmdline in /proc/[0-9]*/cmdline; do
    args=$(tr '\0' ' ' <"$cmdline" 2>/dev/null) || continue
    if [[ $args == dockerd\ * && $args == *" --bridge $bridge "* && $args != *" --pidfile $pidfile "* ]]; then
      p=${cmdline#/proc/}
      die "another dockerd (pid ${p%/cmdline}) uses bridge $bridge: stop it (KINDLING_SECOND_DOCKER_DIR=<its dir> $0 --stop) or set KINDLING_SECOND_DOCKER_BRIDGE, _BIP and _POOL"
    fi
  done
  if [ -z "$(running_pid)" ]; then
    echo "dockerd-second: starting dockerd (log: $log)"
    mkdir -p "$dir/data" "$dir/exec"
    rm -f "$dir/data/network/files/local-kv.db"
    left=0
    if [ -d "$dir/data/containers" ]; then left=$(find "$dir/data/containers" -mindepth 1 -maxdepth 1 | wc -l); fi
    [ "$left" -eq 0 ] || echo "dockerd-second: $left container(s) of an earlier run lost their networks: docker -H $host rm -f \$(docker -H $host ps -aq)" >&2
    filter_before=$(docker_rules filter)
    nat_before=$(docker_rules nat)
    docker0_addrs=$(ip -o addr show dev docker0 2>/dev/null | awk '$3 == "inet" {print $4}' || true)
    docker0_before=$(ip link show docker0 >/dev/null 2>&1 && echo yes || true)
    listen=()
    if [ -n "$tcp" ]; then
      listen=(--host "tcp://$tcp" --tlsverify --tlscacert "$tls/ca.pem" --tlscert "$tls/server/cert.pem" --tlskey "$tls/server/key.pem")
    fi
    setsid dockerd \
      --host "$host" \
      "${listen[@]}" \
      --data-root "$dir/data" \
      --exec-root "$dir/exec" \
      --pidfile "$pidfile" \
      --config-file "$dir/daemon.json" \
      --bridge "$bridge" \
      --default-address-pool "$pool" \
      --iptables=true \
      --containerd-namespace kindling-second \
      --containerd-plugins-namespace kindling-second-plugins \
      >>"$log" 2>&1 </dev/null 9>&- &
    started=$!
  else
    echo "dockerd-second: dockerd (pid $(running_pid)) runs but does not answer yet; waiting"
  fi
  for _ in $(seq 1 60); do
    answers && break
    if [ -n "$started" ] && ! kill -0 "$started" 2>/dev/null; then break; fi # it exited: no use waiting
    sleep 1
  done
  if ! answers; then
    echo "dockerd-second: dockerd did not answer on $host within 60 s; last lines of $log:" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  if [ -n "$started" ]; then
    restore_rules filter "$filter_before"
    restore_rules nat "$nat_before"
    if [ -n "$docker0_before" ] && ! ip link show docker0 >/dev/null 2>&1; then
      ip link add name docker0 type bridge
      for a in $docker0_addrs; do ip addr add "$a" brd + dev docker0; done
      ip link set docker0 up
      die "starting the second dockerd deleted the main engine's docker0; it was recreated ($docker0_addrs): see $log"
    fi
  fi
fi

for img in "${images[@]}"; do
  want=$(docker image inspect --format '{{.Id}}' "$img" 2>/dev/null) ||
    die "image $img is not on the main engine: build it first (scripts/test-env/build-images.sh makes the stand-in node images)"
  have=$(docker -H "$host" image inspect --format '{{.Id}}' "$img" 2>/dev/null || true)
  if [ "$have" = "$want" ]; then echo "cached $img"; continue; fi
  docker save "$img" | docker -H "$host" load >/dev/null || die "copying $img to the second engine failed"
  echo "copied $img"
done

if [ -n "$tcp" ]; then
  tcp_answers || die "dockerd answers on $host but not on tcp://$tcp with TLS; see $log"
  echo "tcp://$tcp $tls/client"
fi
echo "$host"
