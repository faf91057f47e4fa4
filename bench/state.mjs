// The `state` bench group: the directory store against the S3 store on a local versitygw (built by `npm test`
// into .cache/bin): `kindling list` of 50 clusters, and one lock + spec write + unlock.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { fmtMs, median, time } from './measure.mjs';

const CLUSTERS = 50;

async function startServer(bin, dir) {
  const port = 20000 + (randomBytes(2).readUInt16BE() % 20000);
  const keys = {
    AWS_ACCESS_KEY_ID: `AKBENCH${randomBytes(6).toString('hex').toUpperCase()}`,
    AWS_SECRET_ACCESS_KEY: randomBytes(20).toString('hex'),
    AWS_REGION: 'us-east-1',
  };
  const proc = execa(
    join(bin, 'versitygw'),
    [
      '--access',
      keys.AWS_ACCESS_KEY_ID,
      '--secret',
      keys.AWS_SECRET_ACCESS_KEY,
      '--region',
      'us-east-1',
      '--port',
      `127.0.0.1:${port}`,
      '--health',
      '/health',
      '--quiet',
      'posix',
      '--sidecar',
      join(dir, 'meta'),
      join(dir, 'data'),
    ],
    { reject: false },
  );
  await execa('mkdir', ['-p', join(dir, 'meta'), join(dir, 'data')]);
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${endpoint}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(100);
  }
  return { proc, endpoint, env: { ...keys, AWS_ENDPOINT_URL_S3: endpoint } };
}

export async function benchState({ repo, bin, runs }) {
  const dir = await mkdtemp(join(tmpdir(), 'kindling-bench-state-'));
  await execa('mkdir', ['-p', join(dir, 'meta'), join(dir, 'data')]);
  const server = await startServer(bin, dir);
  try {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const { S3Client, CreateBucketCommand } = await import('@aws-sdk/client-s3');
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: server.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: server.env.AWS_ACCESS_KEY_ID, secretAccessKey: server.env.AWS_SECRET_ACCESS_KEY },
    });
    await client.send(new CreateBucketCommand({ Bucket: 'bench' }));
    Object.assign(process.env, server.env);
    const { localStateStore } = await import(join(repo, 'dist/state/local-store.js'));
    const { objectStateStore } = await import(join(repo, 'dist/state/object-store.js'));
    const { s3Backend } = await import(join(repo, 'dist/runtime/s3-backend.js'));
    const machine = {
      now: () => new Date(),
      pid: process.pid,
      hostname: hostname(),
      owner: 'bench',
      isAlive: () => true,
      lockTtlMs: 3_600_000,
    };
    const logger = { debug() {}, info() {}, warn() {} };
    const stores = {
      directory: { url: join(dir, 'dir-store'), store: localStateStore(join(dir, 'dir-store'), machine) },
      s3: {
        url: 's3://bench/state',
        store: objectStateStore(s3Backend({ bucket: 'bench', prefix: 'state/', endpoint: server.endpoint }, process.env), {
          ...machine,
          cacheDir: join(dir, 'cache'),
          logger,
        }),
      },
    };
    const spec = {
      apiVersion: 'kindling.dev/v1alpha1',
      kind: 'ClusterSpec',
      name: 'x',
      preset: 'k3d',
      engine: 'k3d',
      kubernetesVersion: 'v1.35.5',
      image: 'rancher/k3s:v1.35.5-k3s1',
      nodes: { controlPlanes: 1, workers: 0 },
      apiServer: { address: '127.0.0.1', port: 0 },
      ports: [],
    };
    const figures = {};
    for (const [kind, { url, store }] of Object.entries(stores)) {
      await Promise.all(
        Array.from({ length: CLUSTERS }, async (_, i) => {
          const name = `c${i}`;
          await store.writeSpec(name, { generation: 1, spec: { ...spec, name } });
          await store.writeStatus(name, {
            name,
            engine: 'k3d',
            phase: 'missing',
            observedAt: new Date().toISOString(),
            context: `k3d-${name}`,
            nodes: [],
          });
          await store.appendHistory(name, {
            op: 'up',
            operationId: `o${i}`,
            startedAt: new Date().toISOString(),
            outcome: 'succeeded',
            steps: [],
          });
        }),
      );
      const env = { ...process.env, HOME: dir, XDG_CACHE_HOME: join(dir, `xdg-${kind}`) };
      const lists = [];
      for (let i = 0; i < runs; i++)
        lists.push(await time(() => execa('node', [join(repo, 'bin/kindling.js'), '--state', url, 'list', '-o', 'json'], { env })));
      const cycles = [];
      let generation = 1;
      for (let i = 0; i < 20; i++) {
        cycles.push(
          await time(async () => {
            const held = await store.lock('c0', 'bench', `op-${i}`);
            await store.writeSpec('c0', { generation: ++generation, spec: { ...spec, name: 'c0' } });
            await held.release();
          }),
        );
      }
      figures[kind] = { list: median(lists), cycle: median(cycles) };
    }
    console.log(
      `state: list of ${CLUSTERS} clusters (CLI, Docker queried once) median directory ${fmtMs(figures.directory.list)}, S3 (versitygw on 127.0.0.1) ${fmtMs(figures.s3.list)}; S3/directory ${(figures.s3.list / figures.directory.list).toFixed(2)} (${runs} runs each)`,
    );
    console.log(
      `state: lock + spec write + unlock median directory ${fmtMs(figures.directory.cycle)}, S3 ${fmtMs(figures.s3.cycle)} (20 runs each)`,
    );
  } finally {
    server.proc.kill('SIGTERM');
    await server.proc;
    await rm(dir, { recursive: true, force: true });
  }
}
