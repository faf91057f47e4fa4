// The harness API against real Docker and real engines: two reused handles share one cluster (apply, kubeConfig,
// await-using release through leases); a handle loads a local image into its node and takes a snapshot that
// up({ fromSnapshot }) makes a copy from; and a vitest worker SIGKILLed while it holds a cluster leaves nothing
// behind: the reaper it started deletes the cluster once the worker is gone.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import { execa } from 'execa';
import { it } from 'vitest';
import { createContext } from '../../src/api/create-context.js';
import { up } from '../../src/api/up.js';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, type Sandbox, sandbox, uniqueName } from '../support/integration/sandbox.js';

const repo = resolve(import.meta.dirname, '../..');

/** The environment a child test runner gets: the sandbox's, without the variables of the vitest running us. */
function childEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('VITEST') && k !== 'JEST_WORKER_ID' && k !== 'NODE_OPTIONS'));
}

describeIntegration('the harness API', () => {
  it('two reused handles, one cluster: apply waits for a Deployment, kubeConfig reads it, the last release deletes it', async ({
    expect,
  }) => {
    const sb = await sandbox();
    const name = uniqueName('reuse');
    const options = { ...sb.options, preset: 'k3d', name, image: IMAGES.api.k3d, reuse: true, timeoutMs: 120_000 };
    try {
      // At once: one makes it, the other waits for it (no "busy" failure), then joins.
      const both = await Promise.all([up(options), up(options)]);
      expect(both.map((h) => h.unchanged).sort()).toEqual([false, true]);
      // Whichever won the race made it (and waited until it was ready); the other joined it.
      const [a, b] = both[0].unchanged ? [both[1], both[0]] : both;
      expect(a.name).toBe(b.name);
      expect(a.mergedInto).toBeUndefined();
      expect(a.readiness?.map((s) => s.id)).toContain('nodes');
      expect((await clusterObjects(name, 'k3d')).containers.length).toBeGreaterThan(0);
      // Two leases of this process on a cluster made without keep (whichever of the two wrote the record first).
      const leases = JSON.parse(await readFile(join(sb.state, 'clusters', name, 'leases.json'), 'utf8'));
      expect({ keep: leases.keep, pids: leases.leases.map((l: { pid: number }) => l.pid) }).toEqual({
        keep: false,
        pids: [process.pid, process.pid],
      });

      const applied = await a.apply(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: default }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx:1.27 }] }
`);
      expect(applied).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default' }]);
      const web = await (await b.kubeConfig()).makeApiClient(AppsV1Api).readNamespacedDeployment({ name: 'web', namespace: 'default' });
      expect(web.status?.availableReplicas).toBe(2);
      expect(await readFile(b.kubeconfigPath, 'utf8')).toBe(b.kubeconfig);

      {
        await using c = await up(options);
        expect(c.unchanged).toBe(true);
        const nodes = await (await c.kubeConfig()).makeApiClient(CoreV1Api).listNode();
        expect(nodes.items.length).toBe(1);
      }
      await a.down();
      expect((await clusterObjects(name, 'k3d')).containers.length).toBeGreaterThan(0);
      await b.down();
      expect(await clusterObjects(name, 'k3d')).toEqual({ containers: [], networks: [], volumes: [] });
    } finally {
      await forceDelete(sb, name, 'k3d');
      await sb.cleanup();
    }
  });

  it('load puts a locally built image into the kind node; snapshot, then up({ fromSnapshot }) makes a copy with its objects', async ({
    expect,
  }) => {
    const sb = await sandbox();
    const [name, copy] = [uniqueName('hload'), uniqueName('hcopy')];
    // A tiny image made here (no pull): an empty tar imported under a tag of this test's own.
    const tag = `kindling-it/harness-tiny:${name}`;
    const options = { ...sb.options, preset: 'kind', image: IMAGES.api.kind, timeoutMs: 120_000 };
    try {
      const empty = await execa('tar', ['-cf', '-', '-T', '/dev/null'], { encoding: 'buffer' });
      const imported = await execa('docker', ['import', '-', tag], { input: empty.stdout, reject: false });
      expect(imported.exitCode, imported.stderr).toBe(0);
      {
        await using cluster = await up({ ...options, name });
        expect(cluster.reused).toBe(false);
        const loaded = await cluster.load([tag]);
        expect(loaded).toEqual({ name, via: 'engine', images: [{ image: tag, ref: tag, via: 'engine' }] });
        // The stand-in node's ctr records what was imported into it.
        const seen = await execa('docker', ['exec', `${name}-control-plane`, 'cat', '/var/lib/standin/images']);
        expect(seen.stdout.split('\n')).toContain(tag);

        await cluster.apply({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'baked', namespace: 'default' },
          data: { from: name },
        });
        const taken = await cluster.snapshot({ snapshot: 'ready' });
        expect(taken).toMatchObject({ kind: 'Snapshot', name: 'ready', cluster: name, consistent: false });
        expect(taken.objects).toBeGreaterThan(0);
      }
      // The scope ended: `await using` deleted the cluster; its snapshot stays in the store.
      expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });

      await using baked = await up({ ...sb.options, fromSnapshot: `${name}/ready`, name: copy, timeoutMs: 120_000 });
      expect(baked.name).toBe(copy);
      expect(baked.restored).toMatchObject({ snapshot: `${name}/ready`, volumes: [] });
      expect(baked.restored?.objects).toBeGreaterThan(0);
      expect((await clusterObjects(copy, 'kind')).containers).toEqual([`${copy}-control-plane`]);
      const cm = await (await baked.kubeConfig()).makeApiClient(CoreV1Api).readNamespacedConfigMap({ name: 'baked', namespace: 'default' });
      expect(cm.data).toEqual({ from: name });
      await baked.down();
      expect(await clusterObjects(copy, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
    } finally {
      await forceDelete(sb, name, 'kind');
      await forceDelete(sb, copy, 'kind');
      await execa('docker', ['rmi', tag], { reject: false });
      await sb.cleanup();
    }
  });

  it('a vitest worker SIGKILLed while it holds a cluster: the reaper deletes the cluster', async ({ expect }) => {
    const sb = await sandbox();
    const name = uniqueName('reaped');
    const held = await heldWorker(sb, name);
    try {
      const made = await held.made();
      expect(made?.name, held.output()).toBe(name);
      const worker = made!.pid;
      // What the worker holds when it dies: the node container, the cluster in the store with the worker's
      // lease (made without keep), and one reaper watching it.
      expect((await clusterObjects(name, 'kind')).containers).toEqual([`${name}-control-plane`]);
      expect(await storeClusters(sb.state)).toEqual([name]);
      const leases = JSON.parse(await readFile(join(sb.state, 'clusters', name, 'leases.json'), 'utf8'));
      expect({ keep: leases.keep, pids: leases.leases.map((l: { pid: number }) => l.pid) }).toEqual({ keep: false, pids: [worker] });
      const reapers = await reapersOf(worker);
      expect(reapers).toHaveLength(1);

      const killed = await held.crash(worker);
      const containersGone = await untilGone(name);
      expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
      // The store forgot it too (its history moved under deleted/, one delete: the reaper's).
      for (let i = 0; i < 30 && (await storeClusters(sb.state)).length > 0; i++) await sleep(1_000);
      expect(await storeClusters(sb.state)).toEqual([]);
      expect(await readdir(join(sb.state, 'deleted', name))).toHaveLength(1);
      // Its work done, the reaper is gone too.
      for (let i = 0; i < 30 && (await reapersOf(worker)).length > 0; i++) await sleep(1_000);
      expect(await reapersOf(worker)).toEqual([]);
      console.log(
        `[harness] worker ${worker} SIGKILLed holding ${name}: node container gone after ${seconds(containersGone - killed)}, ` +
          `store and reaper ${reapers[0]} after ${seconds(performance.now() - killed)}`,
      );
    } finally {
      await held.stop();
      await forceDelete(sb, name, 'kind');
      await sb.cleanup();
    }
  });

  it('a vitest worker SIGKILLed halfway through its up: the reaper rolls the half-made cluster back', async ({ expect }) => {
    const sb = await sandbox();
    const name = uniqueName('halfway');
    const held = await heldWorker(sb, name);
    try {
      const started = await held.started();
      expect(started, held.output()).toBeGreaterThan(0);
      const worker = started!;
      // Killed once the engine has made the node container, while `up` still holds the cluster's lock.
      let containers: string[] = [];
      for (let i = 0; i < 240 && containers.length === 0; i++) {
        containers = (await clusterObjects(name, 'kind')).containers;
        if (containers.length === 0) await sleep(250);
      }
      expect(containers, held.output()).toEqual([`${name}-control-plane`]);
      const lock = JSON.parse(await readFile(join(sb.state, 'clusters', name, 'lock'), 'utf8'));
      expect({ op: lock.op, pid: lock.pid }).toEqual({ op: 'up', pid: worker });
      expect(await reapersOf(worker)).toHaveLength(1);

      const killed = await held.crash(worker);
      // `up` never finished (the worker writes made.json once it resolves).
      expect(await held.made(0)).toBeUndefined();
      const containersGone = await untilGone(name);
      expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
      for (let i = 0; i < 30 && (await storeClusters(sb.state)).length > 0; i++) await sleep(1_000);
      expect(await storeClusters(sb.state)).toEqual([]);
      for (let i = 0; i < 30 && (await reapersOf(worker)).length > 0; i++) await sleep(1_000);
      expect(await reapersOf(worker)).toEqual([]);
      // The reaper rolled the interrupted up back with a delete, journalled as the cluster's last operation.
      const history = await historyOf(sb.state, name);
      expect(history.map((h) => [h.op, h.outcome])).toEqual([['down', 'succeeded']]);
      console.log(
        `[harness] worker ${worker} SIGKILLed halfway through up of ${name}: rolled back, node container gone after ${seconds(containersGone - killed)}`,
      );
    } finally {
      await held.stop();
      await forceDelete(sb, name, 'kind');
      await sb.cleanup();
    }
  });
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** Polls until no container of kind cluster `name` is left (or two minutes have passed); when, by performance.now(). */
async function untilGone(name: string): Promise<number> {
  for (let i = 0; i < 480 && (await clusterObjects(name, 'kind')).containers.length > 0; i++) await sleep(250);
  return performance.now();
}

/**
 * A vitest run of its own (inside the repository, so that `vitest` resolves from its node_modules) whose one test,
 * in a forked worker, writes worker.json (its pid), makes kind cluster `name` with the built library's up() (no
 * keep: the reaper watches it), writes made.json and then holds it until killed.
 */
async function heldWorker(sb: Sandbox, name: string) {
  const project = join(repo, '.cache', `harness-${name}`);
  const workerFile = join(project, 'worker.json');
  const madeFile = join(project, 'made.json');
  await mkdir(project, { recursive: true });
  await writeFile(join(project, 'vitest.config.mjs'), "export default { test: { pool: 'forks', testTimeout: 600000 } };\n");
  await writeFile(
    join(project, 'held.test.mjs'),
    `import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { up } from ${JSON.stringify(join(repo, 'dist', 'index.js'))};

it('holds a cluster until killed', async () => {
  writeFileSync(${JSON.stringify(workerFile)}, JSON.stringify({ pid: process.pid }));
  const cluster = await up({ name: process.env.HELD_NAME, preset: 'kind', image: process.env.HELD_IMAGE, timeoutMs: 120000 });
  writeFileSync(${JSON.stringify(madeFile)}, JSON.stringify({ pid: process.pid, name: cluster.name }));
  await new Promise(() => {});
});
`,
  );
  const env = childEnv({ ...sb.env, HELD_NAME: name, HELD_IMAGE: IMAGES.api.kind });
  const runner = execa(process.execPath, [join(repo, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', project], {
    cwd: project,
    env,
    extendEnv: false,
    reject: false,
    all: true,
  });
  // What the run printed, to say why when its test never got as far as expected (and it ended).
  let output = '';
  runner.all?.on('data', (d: Buffer) => {
    output += String(d);
  });
  let ended = false;
  void runner.then(() => {
    ended = true;
  });
  const poll = async <T>(file: string, tries: number): Promise<T | undefined> => {
    for (let i = 0; ; i++) {
      const over = ended;
      const found = await readFile(file, 'utf8').then(
        (t) => JSON.parse(t) as T,
        () => undefined,
      );
      if (found || over || i >= tries) return found;
      await sleep(250);
    }
  };
  return {
    /** The worker's pid, once its test has started. */
    started: async () => (await poll<{ pid: number }>(workerFile, 960))?.pid,
    /** What made.json says once up() resolved (polling `tries` times). */
    made: (tries = 960) => poll<{ pid: number; name: string }>(madeFile, tries),
    /** What the run has printed so far. */
    output: () => output,
    /** SIGKILLs the worker, then the runner (it crashed too: nobody tears anything down); when, by performance.now(). */
    async crash(worker: number): Promise<number> {
      process.kill(worker, 'SIGKILL');
      const at = performance.now();
      runner.kill('SIGKILL');
      await runner;
      return at;
    },
    async stop() {
      runner.kill('SIGKILL');
      await runner;
      await rm(project, { recursive: true, force: true });
    },
  };
}

/** The history entries of `name`, live or (once deleted) under deleted/<name>/<operation>/history. */
async function historyOf(state: string, name: string): Promise<Array<Record<string, unknown>>> {
  const dirs = [join(state, 'clusters', name, 'history')];
  for (const op of await readdir(join(state, 'deleted', name)).catch(() => [] as string[]))
    dirs.push(join(state, 'deleted', name, op, 'history'));
  const out: Array<Record<string, unknown>> = [];
  for (const dir of dirs)
    for (const f of (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort())
      out.push(JSON.parse(await readFile(join(dir, f), 'utf8')));
  return out;
}

/** The reapers (dist/api/harness/reaper.js) watching process `pid`, by their command lines in /proc. */
async function reapersOf(pid: number): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = await readFile(join('/proc', entry, 'cmdline'), 'utf8').then(
      (t) => t.split('\0'),
      () => [] as string[],
    );
    const at = args.indexOf('--parent');
    if (args.some((a) => a.endsWith(join('harness', 'reaper.js'))) && at >= 0 && args[at + 1] === String(pid)) found.push(Number(entry));
  }
  return found;
}

async function storeClusters(state: string): Promise<string[]> {
  return createContext({ state, env: { HOME: state } }).store.list();
}
