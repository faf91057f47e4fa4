import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/errors.js';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { localStateStore, type StoreEnvironment } from '../../../src/state/local-store.js';
import type { HistoryEntry } from '../../../src/state/state-store.js';
import type { ClusterStatus } from '../../../src/model/cluster-status.js';
import { builtinPreset } from '../../support/unit/presets.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const tmp = tempDirs();
let root: string;
beforeEach(async () => {
  root = join(await tmp.make(), 'state'); // created by the store itself
});
afterEach(() => tmp.cleanup());

const T0 = new Date('2026-01-02T03:04:05.000Z');
const HOUR = 60 * 60 * 1000;

function environment(changes: Partial<StoreEnvironment> = {}): StoreEnvironment {
  return { now: () => T0, pid: 111, hostname: 'box', owner: 'me@box', isAlive: () => true, lockTtlMs: HOUR, ...changes };
}

const spec = resolveClusterSpec(builtinPreset('kind'), { name: 'dev', workers: 1 }).spec;
const status: ClusterStatus = {
  name: 'dev',
  engine: 'kind',
  phase: 'running',
  observedAt: T0.toISOString(),
  context: 'kind-dev',
  nodes: [],
};
const entry = (op: string, outcome: HistoryEntry['outcome'] = 'succeeded'): HistoryEntry => ({
  op,
  operationId: `op-${op}`,
  startedAt: T0.toISOString(),
  outcome,
  steps: ['preflight'],
});

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe('local store: layout and permissions', () => {
  it('directories are 0700 and files 0600', async () => {
    const store = localStateStore(root, environment());
    await store.writeSpec('dev', { generation: 1, spec });
    await store.writeStatus('dev', status);
    await store.writeKubeconfig('dev', 'apiVersion: v1\n');
    await store.appendHistory('dev', entry('up'));
    const lock = await store.lock('dev', 'up', 'op-1');
    const dir = join(root, 'clusters', 'dev');
    for (const d of [root, join(root, 'clusters'), dir, join(dir, 'history')]) expect(await mode(d), d).toBe(0o700);
    for (const f of ['spec.yaml', 'status.json', 'kubeconfig', 'lock', 'history/000001-up.json'])
      expect(await mode(join(dir, f)), f).toBe(0o600);
    await lock.release();
  });

  it('spec.yaml is YAML with the generation and the spec', async () => {
    const store = localStateStore(root, environment());
    await store.writeSpec('dev', { generation: 3, spec });
    expect(parse(await readFile(join(root, 'clusters', 'dev', 'spec.yaml'), 'utf8'))).toEqual({ generation: 3, spec });
    expect(await store.readSpec('dev')).toEqual({ generation: 3, spec });
  });

  it('reads of a cluster it never saw are undefined, not errors', async () => {
    const store = localStateStore(root, environment());
    expect(await store.readSpec('nope')).toBeUndefined();
    expect(await store.readStatus('nope')).toBeUndefined();
    expect(await store.kubeconfigPath('nope')).toBeUndefined();
    expect(await store.readLock('nope')).toBeUndefined();
    expect(await store.readHistory('nope')).toEqual([]);
    expect(await store.list()).toEqual([]);
  });

  it('status round trip; a later write replaces it', async () => {
    const store = localStateStore(root, environment());
    await store.writeStatus('dev', { ...status, phase: 'creating' });
    await store.writeStatus('dev', status);
    expect(await store.readStatus('dev')).toEqual(status);
  });

  it('kubeconfig: written, then found by path', async () => {
    const store = localStateStore(root, environment());
    const path = await store.writeKubeconfig('dev', 'apiVersion: v1\nkind: Config\n');
    expect(path).toBe(join(root, 'clusters', 'dev', 'kubeconfig'));
    expect(await readFile(path, 'utf8')).toBe('apiVersion: v1\nkind: Config\n');
    expect(await store.kubeconfigPath('dev')).toBe(path);
  });

  it('location is the root', () => {
    expect(localStateStore(root, environment()).location).toBe(root);
  });
});

describe('local store: history', () => {
  it('is append-only, numbered 000001-<op>.json upwards', async () => {
    const store = localStateStore(root, environment());
    expect(await store.appendHistory('dev', entry('up'))).toBe(1);
    const firstText = await readFile(join(root, 'clusters', 'dev', 'history', '000001-up.json'), 'utf8');
    expect(await store.appendHistory('dev', entry('down', 'failed'))).toBe(2);
    expect(await store.appendHistory('dev', entry('up'))).toBe(3);
    expect(await readdir(join(root, 'clusters', 'dev', 'history'))).toEqual(['000001-up.json', '000002-down.json', '000003-up.json']);
    expect(await readFile(join(root, 'clusters', 'dev', 'history', '000001-up.json'), 'utf8')).toBe(firstText);
    expect((await store.readHistory('dev')).map((e) => `${e.op}:${e.outcome}`)).toEqual(['up:succeeded', 'down:failed', 'up:succeeded']);
  });

  it('continues after the highest number present', async () => {
    const store = localStateStore(root, environment());
    await store.appendHistory('dev', entry('up'));
    await writeFile(join(root, 'clusters', 'dev', 'history', '000041-up.json'), JSON.stringify(entry('up')));
    expect(await store.appendHistory('dev', entry('down'))).toBe(42);
  });

  it('readHistory returns the entries as written', async () => {
    const store = localStateStore(root, environment());
    const e = { ...entry('up', 'rolled-back'), spec, error: { code: 'engine-failed', message: 'kind failed' } };
    await store.appendHistory('dev', e);
    expect(await store.readHistory('dev')).toEqual([e]);
  });
});

describe('local store: lock', () => {
  it('records who holds it and until when; release removes it', async () => {
    const store = localStateStore(root, environment());
    const held = await store.lock('dev', 'up', 'op-1');
    const info = {
      op: 'up',
      operationId: 'op-1',
      owner: 'me@box',
      host: 'box',
      pid: 111,
      started: '2026-01-02T03:04:05.000Z',
      expires: '2026-01-02T04:04:05.000Z',
    };
    expect(held.info).toEqual(info);
    expect(await store.readLock('dev')).toEqual({ info, live: true });
    await held.release();
    expect(await store.readLock('dev')).toBeUndefined();
    expect(await readdir(join(root, 'clusters', 'dev'))).not.toContain('lock');
  });

  it('a live holder -> ConflictError "locked" (exit 4) naming it', async () => {
    const first = localStateStore(root, environment());
    await first.lock('dev', 'up', 'op-1');
    const second = localStateStore(root, environment({ pid: 222 }));
    let err: unknown;
    try {
      await second.lock('dev', 'down', 'op-2');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({
      code: 'locked',
      exitCode: 4,
      message: 'cluster "dev" is locked by "up" (me@box, pid 111 on box, since 2026-01-02T03:04:05.000Z)',
      hint: 'wait for it to finish; if that process is gone, the lock expires at 2026-01-02T04:04:05.000Z',
    });
    expect((await first.readLock('dev'))!.info.operationId).toBe('op-1');
  });

  it('a holder on another host cannot be checked: live until it expires', async () => {
    const other = localStateStore(root, environment({ hostname: 'elsewhere', isAlive: () => false }));
    await other.lock('dev', 'up', 'op-1');
    const here = localStateStore(root, environment({ isAlive: () => false }));
    expect((await here.readLock('dev'))!.live).toBe(true);
    await expect(here.lock('dev', 'up', 'op-2')).rejects.toMatchObject({ code: 'locked' });
  });

  it('a dead holder on this host: readLock says not live, and lock takes it over', async () => {
    await localStateStore(root, environment()).lock('dev', 'up', 'op-1');
    const checked: number[] = [];
    const store = localStateStore(
      root,
      environment({
        pid: 222,
        isAlive: (pid) => {
          checked.push(pid);
          return false;
        },
      }),
    );
    expect((await store.readLock('dev'))!.live).toBe(false);
    const held = await store.lock('dev', 'down', 'op-2');
    expect(checked).toContain(111);
    expect(held.info).toMatchObject({ op: 'down', operationId: 'op-2', pid: 222 });
    expect((await store.readLock('dev'))!.info.operationId).toBe('op-2');
  });

  it('an expired lock is taken over even if its holder lives', async () => {
    await localStateStore(root, environment({ hostname: 'elsewhere' })).lock('dev', 'up', 'op-1');
    const later = localStateStore(root, environment({ now: () => new Date(T0.getTime() + HOUR + 1) }));
    expect((await later.readLock('dev'))!.live).toBe(false);
    expect((await later.lock('dev', 'up', 'op-2')).info.operationId).toBe('op-2');
  });

  it('exactly at its expiry time a lock is no longer live', async () => {
    await localStateStore(root, environment()).lock('dev', 'up', 'op-1');
    expect((await localStateStore(root, environment({ now: () => new Date(T0.getTime() + HOUR) })).readLock('dev'))!.live).toBe(false);
  });
});

describe('local store: list and remove', () => {
  it('list: cluster names, sorted, ignoring dot files', async () => {
    const store = localStateStore(root, environment());
    await store.writeStatus('zeta', status);
    await store.writeStatus('alpha', status);
    await mkdir(join(root, 'clusters', '.trash'), { recursive: true });
    await writeFile(join(root, 'clusters', '.DS_Store'), '');
    expect(await store.list()).toEqual(['alpha', 'zeta']);
  });

  it('remove: forgets everything of the cluster, and only of that cluster', async () => {
    const store = localStateStore(root, environment());
    await store.writeSpec('dev', { generation: 1, spec });
    await store.writeKubeconfig('dev', 'x');
    await store.appendHistory('dev', entry('up'));
    await store.lock('dev', 'up', 'op');
    await store.writeSpec('other', { generation: 1, spec: { ...spec, name: 'other' } });
    await store.remove('dev');
    expect(await store.list()).toEqual(['other']);
    expect(await store.readSpec('dev')).toBeUndefined();
    expect(await store.readLock('dev')).toBeUndefined();
    await store.remove('never-was');
  });
});
