#!/usr/bin/env bash
# Starts a dedicated sshd, idempotently, that reaches this machine's Docker engine over ssh, so integration
# tests can use DOCKER_HOST=ssh://root@127.0.0.1:<port> for real: dockerode (through ssh2 and an ssh-agent) and
# the kind/k3d binaries (through the docker CLI / Go client, which run `ssh … docker system dial-stdio`).
# test/support/integration/ssh-docker.ts runs it.
#
# It is NOT the system sshd: it has its own config and listens only on 127.0.0.1:${KINDLING_TEST_SSH_PORT:-2222}.
# Everything of it lives under ${KINDLING_TEST_SSH_DIR:-/tmp/kindling-test-sshd} (made 0700):
#   sshd_config      its config (root logs in with a key only; no passwords, no PAM, no forwarding)
#   host_ed25519_key its host key          sshd.pid   its pid file
#   sshd.log         its log, emptied at each start; at DEBUG1, so each login shows the client's software
#                    ("remote software version OpenSSH_…" for the ssh binary, "ssh2js…" for dockerode's ssh2)
#   id_ed25519       the client key pair (ed25519, no passphrase), made once; id_ed25519.pub is the only line
#                    of authorized_keys (root's, for this sshd only)
# The remote side of a session runs the docker CLI on this machine with DOCKER_HOST pinned to the main engine's
# socket (SetEnv), so what answers over ssh is the engine /var/run/docker.sock serves.
#
# openssh-server is installed when sshd is missing (apt-get; needs root). Where /usr/sbin/policy-rc.d does not
# forbid it, the package's postinst may start the system sshd on port 22 as well; this script never touches it.
#
# Usage (as root):
#   sshd-docker.sh          start it unless it already answers; checks `ssh … root@127.0.0.1 docker version`;
#                           prints the client key's path last
#   sshd-docker.sh --stop   SIGTERM to the pid in sshd.pid, waits for it to exit; removes nothing
set -euo pipefail

dir=${KINDLING_TEST_SSH_DIR:-/tmp/kindling-test-sshd}
port=${KINDLING_TEST_SSH_PORT:-2222}
config=$dir/sshd_config
hostkey=$dir/host_ed25519_key
key=$dir/id_ed25519
pidfile=$dir/sshd.pid
log=$dir/sshd.log
sshd=/usr/sbin/sshd

die() { echo "sshd-docker: $*" >&2; exit 1; }
# The pid in sshd.pid when that process is an sshd running our config.
our_pid() {
  local pid
  pid=$(cat "$pidfile" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-f $config" || return 1
  echo "$pid"
}
# SIGTERM to our sshd, then waits (10s at most) for it to exit.
stop_sshd() {
  local pid=$1
  kill -TERM "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  die "sshd (pid $pid) did not exit within 10s of SIGTERM"
}
# Logs in with the key (and nothing from the caller's ssh config or agent) and runs `docker version`.
check() {
  timeout 30 ssh -F /dev/null -i "$key" -p "$port" -o IdentitiesOnly=yes -o IdentityAgent=none -o BatchMode=yes \
    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
    root@127.0.0.1 docker version --format "'{{.Server.Version}}'"
}

if [ "${1:-}" = --stop ]; then
  pid=$(our_pid) || { echo "sshd-docker: not running (no live sshd in $pidfile)" >&2; exit 0; }
  stop_sshd "$pid"
  exit 0
fi
[ $# -eq 0 ] || die "unknown arguments: $* (usage: sshd-docker.sh [--stop])"
[ "$(id -u)" = 0 ] || die "needs root: it installs openssh-server and logs in as root"
[[ $port =~ ^[0-9]+$ ]] || die "KINDLING_TEST_SSH_PORT is \"$port\": not a port number"

if [ ! -x "$sshd" ]; then
  echo "sshd-docker: installing openssh-server" >&2
  # needrestart (when installed) must not restart services, the Docker engine among them.
  export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
  if ! apt-get install -y -qq openssh-server >&2; then
    apt-get update -qq >&2 || die "apt-get update failed: openssh-server cannot be installed (no Debian mirror reachable?)"
    apt-get install -y -qq openssh-server >&2 || die "apt-get install openssh-server failed"
  fi
fi
command -v ssh >/dev/null || die "the ssh client is missing: apt-get install openssh-client"
command -v docker >/dev/null || die "the docker CLI is missing (the remote side runs it): install docker.io, or run ../shared/ci/dockerd-up"

mkdir -p "$dir"
chmod 0700 "$dir"
# The privilege separation directory every sshd needs (the package's tmpfiles make it only at boot).
mkdir -p /run/sshd
chmod 0755 /run/sshd
[ -f "$hostkey" ] || ssh-keygen -q -t ed25519 -N '' -C kindling-test-sshd-host -f "$hostkey"
[ -f "$key" ] || ssh-keygen -q -t ed25519 -N '' -C kindling-test-client -f "$key"
cp "$key.pub" "$dir/authorized_keys"
chmod 0600 "$dir/authorized_keys"
cat >"$config.new" <<EOF
# Written by scripts/test-env/sshd-docker.sh: a test sshd for DOCKER_HOST=ssh://root@127.0.0.1:$port.
Port $port
ListenAddress 127.0.0.1
HostKey $hostkey
PidFile $pidfile
AuthorizedKeysFile $dir/authorized_keys
# The files live under /tmp, which is world-writable: StrictModes would refuse them.
StrictModes no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AllowTcpForwarding no
X11Forwarding no
PermitTTY no
PrintMotd no
LogLevel DEBUG1
MaxStartups 100:30:200
MaxSessions 100
SetEnv DOCKER_HOST=unix:///var/run/docker.sock
EOF
# A running sshd keeps the config it started with: restart it when the config changed.
changed=no
cmp -s "$config.new" "$config" || changed=yes
mv "$config.new" "$config"

if [ "$changed" = no ] && pid=$(our_pid) && check >/dev/null 2>&1; then
  echo "sshd-docker: already running (pid $pid) on 127.0.0.1:$port" >&2
  echo "$key"
  exit 0
fi
if pid=$(our_pid); then stop_sshd "$pid"; fi
"$sshd" -t -f "$config" || die "sshd rejects $config"
: >"$log"
"$sshd" -f "$config" -E "$log" || die "sshd did not start (port $port taken?): $(tail -n 5 "$log" 2>/dev/null)"
for _ in $(seq 1 50); do our_pid >/dev/null && break; sleep 0.1; done
our_pid >/dev/null || die "sshd did not write $pidfile: $(tail -n 5 "$log" 2>/dev/null)"
if ! version=$(check 2>&1); then
  die "ssh -i $key -p $port root@127.0.0.1 docker version failed: $version
sshd log ($log): $(tail -n 10 "$log" 2>/dev/null)"
fi
echo "sshd-docker: sshd (pid $(our_pid)) on 127.0.0.1:$port reaches Docker Engine $version" >&2
echo "$key"
