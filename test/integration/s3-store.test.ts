// The state store on a real S3 server (versitygw, test/support/integration/s3-server.ts): the store contract
// that the directory store passes; two processes racing for 50 locks; a k3d cluster made with --state s3://
// and seen, listed, used and deleted from a second machine's cache; `state migrate` DIR -> S3 -> DIR byte for
// byte; the kubeconfig object asked to be encrypted; and the failures a user meets (no server, no bucket, bad
// keys), each exit 5 in one line with its fix.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { execa } from 'execa';
import { afterAll, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { s3Backend } from '../../src/runtime/s3-backend.js';
import { localStateStore } from '../../src/state/local-store.js';
import { objectStateStore } from '../../src/state/object-store.js';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { startS3Server, type S3Server } from '../support/integration/s3-server.js';
import { forceDelete, sandbox, uniqueName } from '../support/integration/sandbox.js';
import { BASE_MACHINE, storeContract } from '../support/store-contract.js';

const repo = resolve(import.meta.dirname, '../..');
let server: Promise<S3Server> | undefined;
const s3 = () => (server ??= startS3Server());
afterAll(async () => {
  if (server) await (await server).stop();
});
const prefix = (what: string) => `${what}-${randomBytes(4).toString('hex')}/`;

if (integrationEnv().enabled) {
  storeContract(
    'object store on a real S3 server (versitygw)',
    async () => {
      const srv = await s3();
      const backend = s3Backend({ bucket: srv.bucket, prefix: prefix('contract'), endpoint: srv.endpoint }, srv.env);
      const dir = await mkdtemp(join(tmpdir(), 'kindling-s3-cache-'));
      let n = 0;
      return {
        store: (m = {}) =>
          objectStateStore(backend, {
            ...BASE_MACHINE,
            owner: 'me@box',
            ...m,
            cacheDir: join(dir, `machine-${n++}`),
            logger: silentLogger,
          }),
        cleanup: () => rm(dir, { recursive: true, force: true }),
      };
    },
    { races: 50 },
  );
}

describeIntegration('the S3 store between processes and machines', () => {
  it('two processes race for 50 locks: exactly one holds each', async () => {
    const srv = await s3();
    const where = prefix('race');
    const dir = await mkdtemp(join(tmpdir(), 'kindling-race-'));
    const racer = (i: number) =>
      execa(
        'node',
        [
          join(repo, 'test/support/integration/lock-racer.mjs'),
          join(repo, 'dist'),
          srv.bucket,
          where,
          srv.endpoint,
          '50',
          join(dir, `p${i}`),
        ],
        { env: { ...process.env, ...srv.env } },
      );
    try {
      const running = [racer(0), racer(1)];
      // Both stay alive until both are done: a lock whose holder died is rightly taken over.
      while (!existsSync(join(dir, 'p0.done')) || !existsSync(join(dir, 'p1.done'))) {
        if (running.some((p) => p.exitCode !== null)) break;
        await sleep(100);
      }
      await writeFile(join(dir, 'go-home'), '');
      const [a, b] = await Promise.all(running);
      const parse = (out: string) =>
        out
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
          .filter((r) => !r.done) as Array<{ name: string; won: boolean; code?: string }>;
      const [ra, rb] = [parse(String(a!.stdout)), parse(String(b!.stdout))];
      expect(ra).toHaveLength(50);
      expect(rb).toHaveLength(50);
      const winners = ra.map((r, i) => Number(r.won) + Number(rb[i]!.won));
      expect(winners).toEqual(Array(50).fill(1));
      expect([...ra, ...rb].filter((r) => !r.won).every((r) => r.code === 'locked')).toBe(true);
      console.log(
        `[s3 lock race] 50 locks: process A won ${ra.filter((r) => r.won).length}, process B ${rb.filter((r) => r.won).length}, both 0 times, neither 0 times`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('up on k3d with --state s3://; list, status, kubeconfig and down from a second machine; the kubeconfig object asked to be encrypted', async () => {
    const srv = await s3();
    const where = `s3://${srv.bucket}/${prefix('team')}`;
    const name = uniqueName('s3-k3d');
    const first = await sandbox({ ...srv.env, KINDLING_STATE: where });
    const second = await sandbox({ ...srv.env, KINDLING_STATE: where });
    try {
      const up = await first.cli('up', '--preset', 'k3d', '--name', name, '--image', IMAGES.api.k3d, '--wait', '2m', '-q', '-o', 'json');
      expect(up.code, up.stderr).toBe(0);
      const listed = JSON.parse((await second.cli('list', '-o', 'json')).stdout).items;
      expect(listed).toEqual([
        expect.objectContaining({ name, phase: 'running', origin: expect.objectContaining({ host: expect.any(String) }) }),
      ]);
      const status = await second.cli('status', name, '-o', 'json');
      expect(JSON.parse(status.stdout)).toMatchObject({ name, phase: 'running', generation: 1 });
      // The second machine reads the kubeconfig into its own cache, 0600, and it works.
      const path = (await second.cli('kubeconfig', name, '--path')).stdout.trim();
      expect(path.startsWith(second.dir)).toBe(true);
      const kubectl = await execa(join(integrationEnv().binDir, 'kubectl'), ['--kubeconfig', path, 'get', 'nodes', '-o', 'name'], {
        reject: false,
      });
      expect(kubectl.stdout).toBe(`node/k3d-${name}-server-0`);
      const key = `${where.slice(`s3://${srv.bucket}/`.length)}clusters/${name}/kubeconfig`;
      const head = await srv.client().send(new HeadObjectCommand({ Bucket: srv.bucket, Key: key }));
      console.log(`[s3 kubeconfig] ServerSideEncryption reported by the server: ${head.ServerSideEncryption ?? '(none)'}`);
      const down = await second.cli('down', name, '--yes');
      expect(down.code, down.stderr).toBe(0);
      expect(await clusterObjects(name, 'k3d')).toEqual({ containers: [], networks: [], volumes: [] });
      expect(JSON.parse((await first.cli('list', '-o', 'json')).stdout).items).toEqual([]);
    } finally {
      if ((await first.cli('down', name, '--yes')).code !== 0) await forceDelete(first, name, 'k3d');
      await first.cleanup();
      await second.cleanup();
    }
  }, 300_000);

  it('state migrate DIR -> S3 -> DIR is byte for byte; a second migrate into the same S3 prefix is refused', async () => {
    const srv = await s3();
    const sb = await sandbox(srv.env);
    try {
      const a = join(sb.dir, 'a');
      const store = localStateStore(a, { ...BASE_MACHINE, now: () => new Date(), owner: 'me' });
      const spec = { apiVersion: 'kindling.dev/v1alpha1', kind: 'ClusterSpec', name: 'dev' } as never;
      await store.writeSpec('dev', { generation: 1, spec });
      await store.writeSpec('dev', { generation: 2, spec });
      await store.appendHistory('dev', { op: 'up', operationId: 'o1', startedAt: 't', outcome: 'succeeded', steps: ['preflight'] });
      await store.writeKubeconfig('dev', 'apiVersion: v1\nkind: Config\nusers: [{name: x, user: {token: secret}}]\n');
      await store.writeRecord('dev', 'nodes', { apiServer: 'https://127.0.0.1:1' });
      await store.writeSnapshotPart('dev', 's1', 'volumes/ns/c.tar.gz', Buffer.from([0, 1, 2, 255]).toString('latin1'));
      const url = `s3://${srv.bucket}/${prefix('migrate')}`;
      const there = await sb.cli('state', 'migrate', '--from', a, '--to', url, '-o', 'json');
      expect(there.code, there.stderr).toBe(0);
      const back = await sb.cli('state', 'migrate', '--from', url, '--to', join(sb.dir, 'b'), '-o', 'json');
      expect(back.code, back.stderr).toBe(0);
      const copy = localStateStore(join(sb.dir, 'b'), { ...BASE_MACHINE, owner: 'me' });
      const files = await store.listFiles();
      expect(await copy.listFiles()).toEqual(files);
      for (const f of files) expect((await copy.readFile(f))!.equals((await store.readFile(f))!), f).toBe(true);
      expect(JSON.parse(there.stdout)).toMatchObject({ clusters: ['dev'], files: files.length });
      const again = await sb.cli('state', 'migrate', '--from', a, '--to', url);
      expect(again.code).toBe(4);
      expect(again.stderr).toContain('already holds a cluster named "dev"');
    } finally {
      await sb.cleanup();
    }
  }, 120_000);

  it('no server, no bucket, bad keys: exit 5, one line each, with the fix', async () => {
    const srv = await s3();
    const sb = await sandbox();
    try {
      const run = (env: Record<string, string>, state: string) => sb.cli('--state', state, 'list').then((r) => ({ ...r, env }));
      const keys = { AWS_ACCESS_KEY_ID: srv.accessKeyId, AWS_SECRET_ACCESS_KEY: srv.secretAccessKey, AWS_REGION: srv.region };
      Object.assign(sb.env, keys, { AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9' });
      const noServer = await run({}, `s3://${srv.bucket}/x`);
      Object.assign(sb.env, { AWS_ENDPOINT_URL_S3: srv.endpoint });
      const noBucket = await run({}, 's3://no-such-bucket-here/x');
      Object.assign(sb.env, { AWS_SECRET_ACCESS_KEY: 'wrong-secret' });
      const badKeys = await run({}, `s3://${srv.bucket}/x`);
      for (const [r, text, hint] of [
        [noServer, 'cannot reach the state store', 'check --s3-endpoint'],
        [noBucket, "the state store's bucket does not exist", 'create it first'],
        [badKeys, 'refused these credentials', 'check AWS_PROFILE'],
      ] as const) {
        expect(r.code, r.stderr).toBe(5);
        expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(2);
        expect(r.stderr).toContain(text);
        expect(r.stderr).toContain(`hint: ${hint}`);
      }
      // Nothing secret is printed.
      expect(badKeys.stderr).not.toContain(srv.accessKeyId);
    } finally {
      await sb.cleanup();
    }
  }, 120_000);
});
