// A private world for the api/ tests: a state store and a TMPDIR in temp directories, an in-memory Docker,
// a port probe, and recorded kind/k3d calls that change the fake Docker the way the real engines would.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommonOptions } from '../../../src/context.js';
import { up } from '../../../src/api/up.js';
import type { PortProbe } from '../../../src/runtime/port-probe.js';
import { recordedRunner, type RecordedCall } from '../../../src/runtime/recorded-process-runner.js';
import { localStateStore } from '../../../src/state/local-store.js';
import type { StateStore } from '../../../src/state/state-store.js';
import { apiPort, FakeDocker, k3dNode, kindNode } from './fake-docker.js';
import { inThrowawayDir, useTempDir } from './temp-dirs.js';

/** A port probe that reports the listed `address:port`s as taken, and records what it was asked. */
export class FakePortProbe implements PortProbe {
  readonly asked: string[] = [];
  constructor(readonly taken: Set<string> = new Set()) {}
  async isFree(address: string, port: number): Promise<boolean> {
    this.asked.push(`${address}:${port}`);
    return !this.taken.has(`${address}:${port}`);
  }
}

/** What the CLI passes to `up` explicitly (the library's own defaults suit a test process instead): merge into the
 * user's kubeconfig, no readiness wait, keep the cluster. */
export const cliUp = { merge: true, waitMs: 0, keep: true } as const;

/** Everything one api test needs. */
export interface World {
  dir: string;
  state: string;
  tmp: string;
  env: Record<string, string | undefined>;
  docker: FakeDocker;
  probe: FakePortProbe;
  /** Library options pointing at this world (add a runner). */
  options(extra?: Partial<CommonOptions>): CommonOptions;
  /** A store over the same directory, for arranging and inspecting. */
  store(): StateStore;
}

/** Builds a world under `dir` (an empty temp directory). */
export async function world(dir: string): Promise<World> {
  const state = join(dir, 'state');
  const tmp = join(dir, 'tmp');
  await mkdir(tmp);
  const env = { HOME: join(dir, 'home'), TMPDIR: tmp };
  const docker = new FakeDocker();
  const probe = new FakePortProbe();
  return {
    dir,
    state,
    tmp,
    env,
    docker,
    probe,
    options: (extra = {}) => ({ state, env, docker, portProbe: probe, binaries: { kind: 'kind', k3d: 'k3d' }, ...extra }),
    store: () =>
      localStateStore(state, {
        now: () => new Date(),
        pid: 1,
        hostname: 'test-host',
        owner: 'test@test-host',
        isAlive: () => true,
        lockTtlMs: 60_000,
      }),
  };
}

export const KIND_VERSION_OUTPUT = 'kind v0.32.0 go1.24.2 linux/amd64\n';
export const K3D_VERSION_OUTPUT = 'k3d version v5.9.0\nk3s version v1.35.5-k3s1 (default)\n';

/** A kubeconfig as kind prints it for `name`, with the API on 127.0.0.1:`port`. */
export function kindKubeconfig(name: string, port = 40000): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: Q0E=
    server: https://127.0.0.1:${port}
  name: kind-${name}
contexts:
- context:
    cluster: kind-${name}
    user: kind-${name}
  name: kind-${name}
current-context: kind-${name}
kind: Config
preferences: {}
users:
- name: kind-${name}
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
`;
}

/** `kind version`. */
export function kindVersion(): RecordedCall {
  return { file: 'kind', args: ['version'], result: { stdout: KIND_VERSION_OUTPUT } };
}

/** `kind create cluster` for `name`; unless it fails, the node containers appear in the fake Docker. */
export function kindCreate(
  w: World,
  name: string,
  opts: { workers?: number; result?: RecordedCall['result']; input?: RecordedCall['input']; onCall?: () => void } = {},
): RecordedCall {
  return {
    file: 'kind',
    get args() {
      return ['create', 'cluster', '--name', name, '--config', '-', '--kubeconfig', inThrowawayDir(w.tmp, 'kubeconfig')];
    },
    ...(opts.input !== undefined ? { input: opts.input } : {}),
    onCall: () => {
      w.docker.containers.push(kindNode(name, `${name}-control-plane`, 'control-plane', { ports: [apiPort(40000)] }));
      for (let i = 0; i < (opts.workers ?? 0); i++)
        w.docker.containers.push(kindNode(name, `${name}-worker${i === 0 ? '' : i + 1}`, 'worker'));
      opts.onCall?.();
    },
    result: opts.result ?? {},
  };
}

/** `kind get kubeconfig --name N`. */
export function kindGetKubeconfig(name: string, content = kindKubeconfig(name)): RecordedCall {
  return { file: 'kind', args: ['get', 'kubeconfig', '--name', name], result: { stdout: content } };
}

/** `kind delete cluster --name N`; by default it removes the cluster's containers from the fake Docker. */
export function kindDelete(w: World, name: string, opts: { removes?: boolean; result?: RecordedCall['result'] } = {}): RecordedCall {
  return {
    file: 'kind',
    get args() {
      return ['delete', 'cluster', '--name', name, '--kubeconfig', inThrowawayDir(w.tmp, 'kubeconfig')];
    },
    onCall: () => {
      if (opts.removes ?? true) w.docker.containers = w.docker.containers.filter((c) => c.labels['io.x-k8s.kind.cluster'] !== name);
    },
    result: opts.result ?? {},
  };
}

/** `k3d version`. */
export function k3dVersion(): RecordedCall {
  return { file: 'k3d', args: ['version'], result: { stdout: K3D_VERSION_OUTPUT } };
}

/** `k3d cluster create --config <file> --timeout 300s`; the server and load balancer appear. */
export function k3dCreate(w: World, name: string, opts: { onCall?: (args: readonly string[]) => void } = {}): RecordedCall {
  return {
    file: 'k3d',
    get args() {
      return ['cluster', 'create', '--config', inThrowawayDir(w.tmp, 'k3d-config.yaml'), '--timeout', '300s'];
    },
    onCall: (args) => {
      opts.onCall?.(args);
      w.docker.containers.push(
        k3dNode(name, `k3d-${name}-server-0`, 'server'),
        k3dNode(name, `k3d-${name}-serverlb`, 'loadbalancer', { ports: [apiPort(41000, '0.0.0.0')] }),
        k3dNode(name, `k3d-${name}-tools`, 'noRole', { state: 'exited' }),
      );
      w.docker.networks.push({ name: `k3d-${name}`, labels: { app: 'k3d' } });
      w.docker.volumes.push({ name: `k3d-${name}-images`, labels: { app: 'k3d' } });
    },
  };
}

/** `k3d kubeconfig get N`, printed the way k3d does (leading ---, API on 0.0.0.0). */
export function k3dGetKubeconfig(name: string, port = 41000): RecordedCall {
  const content = `---\napiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: Q0E=\n    server: https://0.0.0.0:${port}\n  name: k3d-${name}\ncontexts:\n- context:\n    cluster: k3d-${name}\n    user: admin@k3d-${name}\n  name: k3d-${name}\ncurrent-context: k3d-${name}\nkind: Config\npreferences: {}\nusers:\n- name: admin@k3d-${name}\n  user:\n    client-certificate-data: Q0VSVA==\n    client-key-data: S0VZ\n`;
  return { file: 'k3d', args: ['kubeconfig', 'get', name], result: { stdout: content } };
}

/** `k3d cluster delete N`; removes the cluster's containers, network and volume. */
export function k3dDelete(w: World, name: string): RecordedCall {
  return {
    file: 'k3d',
    args: ['cluster', 'delete', name],
    onCall: () => {
      w.docker.containers = w.docker.containers.filter((c) => c.labels['k3d.cluster'] !== name);
      w.docker.networks = w.docker.networks.filter((n) => n.name !== `k3d-${name}`);
      w.docker.volumes = w.docker.volumes.filter((v) => v.name !== `k3d-${name}-images`);
    },
  };
}

/** Registers a fresh World (its own temp directory) for every test of the file and hands it to `use`. */
export function useWorld(use: (w: World) => void): void {
  useTempDir(async (dir) => use(await world(dir)));
}

/** A kind cluster `name` made by `up` in this world (kind preset, recorded engine calls), for tests of what comes after. */
export async function kindUp(w: World, name: string): Promise<void> {
  await up({
    ...cliUp,
    ...w.options({ runner: recordedRunner([kindVersion(), kindCreate(w, name), kindGetKubeconfig(name)]) }),
    preset: 'kind',
    name,
  });
}

/** The world's store as seen by a kindling that crashed: pid 999 on host "box", which no longer lives. */
export function crashedStore(w: World): StateStore {
  return localStateStore(w.state, {
    now: () => new Date('2020-01-01T00:00:00.000Z'),
    pid: 999,
    hostname: 'box',
    owner: 'me@box',
    isAlive: () => false,
    lockTtlMs: 1000,
  });
}
