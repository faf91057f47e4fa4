// A second Docker engine on its own socket, for tests that prove kindling uses the engine a Docker context
// names and not the default one. scripts/test-env/dockerd-second.sh starts it (idempotently: one per machine,
// under ${KINDLING_SECOND_DOCKER_DIR:-/tmp/kindling-second-docker}, with its own bridge, address pool, data and
// trust key, so `docker info` reports another ID) and copies stand-in node images onto it from the main
// engine; registerContext writes a real Docker CLI context pointing at it into a throwaway DOCKER_CONFIG.
// Opt-in (`tcp`), the engine also listens on tcp://ADDR:PORT with TLS and client certificates (a CA, a server
// certificate for ADDR and a client certificate made once with openssl under the engine's dir/tls): an engine
// "on another machine" when ADDR is a non-loopback address of this one; registerContext then takes the TLS files.
// Needs root and the engine ../shared/ci/dockerd-up installs (its runc wrapper lets privileged kind/k3d
// node containers run on the second engine too).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Dockerode from 'dockerode';
import { execa } from 'execa';

/** A running second engine. */
export interface SecondDocker {
  /** unix://<dir>/docker.sock: what DOCKER_HOST, `docker -H` or a context's `host=` takes. */
  host: string;
  /** The socket's path. */
  socket: string;
  /** With `tcp`: tcp://ADDR:PORT and the folder of the client's ca.pem, cert.pem and key.pem. */
  tcp?: { host: string; tlsDir: string };
  /**
   * Stops the engine (SIGTERM, waits for it to exit). Its data stays, copied images among them, for the next
   * start. There is one engine per machine: this stops it for every test file using it.
   */
  stop(): Promise<void>;
}

export interface SecondDockerOptions {
  /** Images to copy from the main engine (each skipped when the second engine holds the same image ID). */
  images?: string[];
  /**
   * ADDR:PORT (IPv4) to listen on with TLS besides the socket. A running engine without that listener is restarted
   * with it (its containers lose their networks); without `tcp`, a running engine is taken as it is.
   */
  tcp?: string;
}

/** The client TLS files of a context: the folder holding ca.pem, cert.pem and key.pem. */
export interface ContextTls {
  dir: string;
}

const SCRIPT = resolve(import.meta.dirname, '../../../scripts/test-env/dockerd-second.sh');
/** Starting takes seconds; copying a 400 MB stand-in image through `docker save | docker load` takes longer. */
const START_TIMEOUT_MS = 15 * 60_000;
const STOP_TIMEOUT_MS = 2 * 60_000;
const HOW_TO =
  'the second engine needs root, dockerd and the runtime fix ../shared/ci/dockerd-up installs: run ../shared/ci/dockerd-up ' +
  '(from the repository root) first; images to copy must be on the main engine (scripts/test-env/build-images.sh builds the stand-ins)';
/** docker's own rule for context names (cli/context/store). */
const CONTEXT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/;

/** Runs dockerd-second.sh; throws with its output and how to get what is missing when it fails. */
async function runScript(args: string[], timeout: number): Promise<string> {
  if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: the checkout is incomplete`);
  const r = await execa(SCRIPT, args, { reject: false, all: true, timeout });
  if (r.exitCode === 0) return r.stdout;
  const why = r.timedOut
    ? `did not finish within ${timeout / 1000}s`
    : r.exitCode !== undefined
      ? `exited with code ${r.exitCode}`
      : r.signal
        ? `was killed by ${r.signal}`
        : 'did not start';
  // Its stdout and stderr, or why it could not be run (e.g. "spawn … EACCES").
  const output = r.all || ('originalMessage' in r ? String(r.originalMessage) : '') || '(no output)';
  throw new Error(`${[SCRIPT, ...args].join(' ')} ${why} (${HOW_TO}):\n${output}`);
}

/** Starts the second engine unless it runs already, then copies `opts.images` onto it. */
export async function startSecondDocker(opts: SecondDockerOptions = {}): Promise<SecondDocker> {
  const images = opts.images ?? [];
  const args = [...(opts.tcp ? ['--tcp', opts.tcp] : []), ...(images.length > 0 ? ['--images', ...images] : [])];
  const stdout = await runScript(args, START_TIMEOUT_MS);
  // The script's last line is the socket's URL; with --tcp, the line before is `tcp://ADDR:PORT <client TLS dir>`.
  const lines = stdout.trim().split('\n');
  const host = lines.at(-1)?.trim() ?? '';
  if (!host.startsWith('unix:///')) throw new Error(`${SCRIPT} did not end with the socket's unix:// URL:\n${stdout}`);
  let tcp: SecondDocker['tcp'];
  if (opts.tcp) {
    const [tcpHost, tlsDir] = (lines.at(-2) ?? '').trim().split(' ');
    if (tcpHost !== `tcp://${opts.tcp}` || !tlsDir)
      throw new Error(`${SCRIPT} --tcp ${opts.tcp} did not print the tcp:// line:\n${stdout}`);
    tcp = { host: tcpHost, tlsDir };
  }
  let stopped: Promise<void> | undefined;
  return {
    host,
    socket: host.slice('unix://'.length),
    ...(tcp ? { tcp } : {}),
    stop: () =>
      (stopped ??= (async () => {
        await runScript(['--stop'], STOP_TIMEOUT_MS);
      })()),
  };
}

/**
 * Creates the Docker CLI context `name` with the Docker endpoint `host`, in the CLI configuration directory
 * `dockerConfigDir` (what DOCKER_CONFIG names), with the real CLI: `docker --config <dir> context create <name>
 * --docker host=<host>` (plus `,ca=…,cert=…,key=…` from `tls.dir`: the CLI copies them into its context store).
 * Returns the path of the context's meta.json. Fails if the context exists.
 */
export async function registerContext(name: string, host: string, dockerConfigDir: string, tls?: ContextTls): Promise<string> {
  if (!CONTEXT_NAME.test(name)) throw new Error(`invalid Docker context name ${JSON.stringify(name)}: letters, digits and _.+- only`);
  // --docker takes comma-separated key=value pairs: a comma in the host or a path would start another key.
  const files = tls ? ['ca', 'cert', 'key'].map((k) => `${k}=${join(tls.dir, `${k}.pem`)}`) : [];
  for (const v of [host, ...files]) if (v.includes(',')) throw new Error(`a Docker context endpoint cannot contain a comma: ${v}`);
  const endpoint = [`host=${host}`, ...files].join(',');
  // The CLI's own DOCKER_HOST / DOCKER_CONTEXT would not change what is written, but a DOCKER_CONTEXT naming
  // no context in this directory would make the CLI fail before it writes anything.
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'DOCKER_HOST' && k !== 'DOCKER_CONTEXT') env[k] = v;
  const docker = (args: string[]) =>
    execa('docker', ['--config', dockerConfigDir, ...args], { reject: false, all: true, extendEnv: false, env, timeout: 30_000 });

  const created = await docker(['context', 'create', name, '--docker', endpoint]);
  if (created.exitCode !== 0) {
    const output = created.all || ('originalMessage' in created ? String(created.originalMessage) : '') || '(no output)';
    throw new Error(
      `docker --config ${dockerConfigDir} context create ${name} --docker ${endpoint} failed` +
        ` (needs the docker CLI on PATH: install Docker, or run ../shared/ci/dockerd-up):\n${output}`,
    );
  }
  const inspected = await docker(['context', 'inspect', name, '--format', '{{.Storage.MetadataPath}}']);
  const meta = join(inspected.stdout.trim(), 'meta.json');
  if (inspected.exitCode !== 0 || !inspected.stdout.trim() || !existsSync(meta)) {
    throw new Error(
      `context ${name} was created in ${dockerConfigDir}, but its meta.json is not where the CLI says: ${meta}\n${inspected.all}`,
    );
  }
  return meta;
}

/**
 * The second engine's `kind` network, made anew in that engine's own address range (`subnet`, inside its pool
 * 10.214.0.0/16): Docker checks a new network's subnet against its own networks only, so the second engine would
 * otherwise pick 172.18.0.0/16 again, the main engine's `kind` subnet (two bridges, one route). Made anew each
 * time: a bridge the main engine does not own can be deleted from the host behind the second engine's back
 * (restart-docker.ts's removeStaleBridges), leaving a network whose containers cannot start.
 */
export async function kindNetworkInOwnRange(other: Dockerode, subnet: string): Promise<void> {
  for (const n of await other.listNetworks({ filters: { name: ['kind'] } })) if (n.Name === 'kind') await other.getNetwork(n.Id).remove();
  await other.createNetwork({
    Name: 'kind',
    Driver: 'bridge',
    IPAM: { Config: [{ Subnet: subnet }] },
    Options: { 'com.docker.network.bridge.enable_ip_masquerade': 'true' },
  });
}
