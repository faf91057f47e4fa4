// This machine's Docker engine reached over ssh, for tests of DOCKER_HOST=ssh://…: scripts/test-env/sshd-docker.sh
// starts a dedicated sshd on 127.0.0.1 (idempotently: one per machine, under ${KINDLING_TEST_SSH_DIR:-/tmp/kindling-test-sshd})
// with a generated key pair root may log in with; here an ssh-agent of our own is started holding that key, for
// dockerode (docker-modem's ssh2 authenticates with the agent SSH_AUTH_SOCK names). The docker CLI and the Go
// client (what kind and k3d use) run the `ssh` binary instead, which authenticates with the agent too but checks
// the host key against known_hosts; writeSshClientConfig gives them a config that skips that check.
// Needs root (the script installs openssh-server with apt-get when sshd is missing) and the docker CLI.
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { execa } from 'execa';

/** A running sshd in front of the main Docker engine, and an agent holding the key it accepts. */
export interface SshDocker {
  /** ssh://root@127.0.0.1:<port>: what DOCKER_HOST takes. */
  host: string;
  port: number;
  /** The private key root logs in with (ed25519, no passphrase). */
  key: string;
  /** The agent's socket, holding `key`: what SSH_AUTH_SOCK takes. */
  agentSock: string;
  /**
   * Writes `<home>/.ssh/config` (Host 127.0.0.1: Port, IdentityFile, no host key checking) and an `ssh` on
   * `<home>/.ssh/bin` that runs the real one with `-F` that config: OpenSSH reads ~/.ssh/config from the
   * user's passwd entry, never from $HOME, so a sandboxed HOME alone would not be seen. Put `binDir` first on PATH.
   */
  writeSshClientConfig(home: string): Promise<{ config: string; binDir: string }>;
  /**
   * Logins since the sshd started, by client: `openssh` the ssh binary (the docker CLI's, kind's and k3d's
   * transport), `ssh2` dockerode's. Read from its DEBUG1 log (the client's software version at each login).
   */
  logins(): Promise<{ openssh: number; ssh2: number }>;
  /** Stops the agent and the sshd (one per machine: this stops it for every test file using it). */
  stop(): Promise<void>;
}

const SCRIPT = resolve(import.meta.dirname, '../../../scripts/test-env/sshd-docker.sh');
/** Installing openssh-server takes a minute at most; starting sshd, a second. */
const START_TIMEOUT_MS = 5 * 60_000;
const HOW_TO =
  'it needs root, apt-get with a Debian mirror reachable for openssh-server (or openssh-server installed: ' +
  '`apt-get install -y openssh-server`), the ssh client, and the docker CLI with a running engine (run ../shared/ci/dockerd-up ' +
  'from the repository root); a port taken by something else is chosen away with KINDLING_TEST_SSH_PORT';

/** Runs sshd-docker.sh; throws with its output and how to get what is missing when it fails. */
async function runScript(args: string[], env: Record<string, string>): Promise<string> {
  if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: the checkout is incomplete`);
  const r = await execa(SCRIPT, args, { reject: false, all: true, timeout: START_TIMEOUT_MS, env });
  if (r.exitCode === 0) return r.stdout;
  const why = r.timedOut ? `did not finish within ${START_TIMEOUT_MS / 1000}s` : `exited with code ${r.exitCode ?? r.signal}`;
  const output = r.all || ('originalMessage' in r ? String(r.originalMessage) : '') || '(no output)';
  throw new Error(`${[SCRIPT, ...args].join(' ')} ${why} (${HOW_TO}):\n${output}`);
}

/** Starts an ssh-agent on a fresh socket and adds `key`; returns its socket and pid. */
async function startAgent(key: string): Promise<{ sock: string; pid: number; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'kindling-agent-'));
  const sock = join(dir, 'agent.sock');
  const started = await execa('ssh-agent', ['-s', '-a', sock], { reject: false, all: true, timeout: 15_000 });
  const pid = Number(/SSH_AGENT_PID=(\d+)/.exec(started.stdout)?.[1]);
  if (started.exitCode !== 0 || !pid) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`ssh-agent -a ${sock} failed (install openssh-client: \`apt-get install -y openssh-client\`):\n${started.all}`);
  }
  const added = await execa('ssh-add', [key], { reject: false, all: true, timeout: 15_000, env: { SSH_AUTH_SOCK: sock } });
  if (added.exitCode !== 0) {
    process.kill(pid, 'SIGTERM');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`ssh-add ${key} into the agent at ${sock} failed (the key must be 0600 and have no passphrase):\n${added.all}`);
  }
  return { sock, pid, dir };
}

/** Starts the sshd unless it runs already (`port` default 2222), and an agent of this caller's own. */
export async function startSshDocker(opts: { port?: number } = {}): Promise<SshDocker> {
  const port = opts.port ?? Number(process.env.KINDLING_TEST_SSH_PORT ?? 2222);
  const stdout = await runScript([], { KINDLING_TEST_SSH_PORT: String(port) });
  // The script's last line is the client key's path.
  const key = stdout.trim().split('\n').at(-1)?.trim() ?? '';
  if (!key.startsWith('/') || !existsSync(key)) throw new Error(`${SCRIPT} did not end with the client key's path:\n${stdout}`);
  const agent = await startAgent(key);
  let stopped: Promise<void> | undefined;
  return {
    host: `ssh://root@127.0.0.1:${port}`,
    port,
    key,
    agentSock: agent.sock,
    async writeSshClientConfig(home) {
      const sshDir = join(home, '.ssh');
      const binDir = join(sshDir, 'bin');
      await mkdir(binDir, { recursive: true, mode: 0o700 });
      const config = join(sshDir, 'config');
      const lines = [
        'Host 127.0.0.1',
        `  Port ${port}`,
        `  IdentityFile ${key}`,
        '  StrictHostKeyChecking no',
        '  UserKnownHostsFile /dev/null',
      ];
      await writeFile(config, `${[...lines, '  LogLevel ERROR'].join('\n')}\n`, { mode: 0o600 });
      const realSsh = (await execa('sh', ['-c', 'command -v ssh'], { reject: false })).stdout.trim() || '/usr/bin/ssh';
      await writeFile(join(binDir, 'ssh'), `#!/bin/sh\nexec ${realSsh} -F '${config}' "$@"\n`);
      await chmod(join(binDir, 'ssh'), 0o755);
      return { config, binDir };
    },
    async logins() {
      const log = await readFile(join(dirname(key), 'sshd.log'), 'utf8').catch(() => '');
      const count = (client: string) => log.split('\n').filter((l) => l.includes(`remote software version ${client}`)).length;
      return { openssh: count('OpenSSH'), ssh2: count('ssh2js') };
    },
    stop: () =>
      (stopped ??= (async () => {
        try {
          process.kill(agent.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        await rm(agent.dir, { recursive: true, force: true });
        await runScript(['--stop'], { KINDLING_TEST_SSH_PORT: String(port) });
      })()),
  };
}
