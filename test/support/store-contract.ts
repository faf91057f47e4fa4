// One contract for every state store: the directory store and the object store (over an in-memory backend in
// the unit tier, over a real S3 server in the integration tier) must behave the same. Each test gets a fresh,
// empty store; `machine` gives a second view of it as another process or host would have.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../src/errors.js';
import type { ClusterSpec } from '../../src/model/cluster-spec.js';
import type { ClusterStatus } from '../../src/model/cluster-status.js';
import type { StoreEnvironment } from '../../src/state/local-store.js';
import type { HistoryEntry, StateStore } from '../../src/state/state-store.js';

/** How a process sees the store: its host, pid, clock, and which pids it thinks alive. */
export type Machine = Partial<Pick<StoreEnvironment, 'hostname' | 'pid' | 'now' | 'isAlive' | 'lockTtlMs'>>;

/** A fresh store for one test. */
export interface StoreUnderTest {
  store(machine?: Machine): StateStore;
  cleanup(): Promise<void>;
}

const T0 = new Date('2026-01-02T03:04:05.000Z');
const HOUR = 3_600_000;
/** The machine every test starts from. */
export const BASE_MACHINE: Required<Machine> = { hostname: 'box', pid: 111, now: () => T0, isAlive: () => true, lockTtlMs: HOUR };

const spec = {
  apiVersion: 'kindling.dev/v1alpha1',
  kind: 'ClusterSpec',
  name: 'dev',
  preset: 'kind',
  engine: 'kind',
} as unknown as ClusterSpec;
const status: ClusterStatus = {
  name: 'dev',
  engine: 'kind',
  phase: 'running',
  observedAt: T0.toISOString(),
  context: 'kind-dev',
  nodes: [],
};
const entry = (op: string, operationId = `op-${op}`): HistoryEntry => ({
  op,
  operationId,
  startedAt: T0.toISOString(),
  outcome: 'succeeded',
  steps: [],
});

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The contract, for the store `make` makes. */
export function storeContract(label: string, make: () => Promise<StoreUnderTest>, opts: { races?: number } = {}): void {
  const races = opts.races ?? 20;
  describe(`${label}: the state store contract`, () => {
    let sut: StoreUnderTest;
    beforeEach(async () => {
      sut = await make();
    });
    afterEach(() => sut.cleanup());

    it('reads of a cluster it never saw are undefined; spec, status, records and kubeconfig round-trip', async () => {
      const s = sut.store();
      expect(await s.readSpec('dev')).toBeUndefined();
      expect(await s.readStatus('dev')).toBeUndefined();
      expect(await s.kubeconfigPath('dev')).toBeUndefined();
      expect(await s.readLock('dev')).toBeUndefined();
      expect(await s.readHistory('dev')).toEqual([]);
      expect(await s.list()).toEqual([]);
      await s.writeSpec('dev', { generation: 1, spec });
      await s.writeStatus('dev', status);
      await s.writeRecord('dev', 'nodes', { apiServer: 'https://127.0.0.1:1' });
      const path = await s.writeKubeconfig('dev', 'apiVersion: v1\nkind: Config\n');
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const other = sut.store({ hostname: 'laptop-2', pid: 222 });
      expect(await other.readSpec('dev')).toEqual({ generation: 1, spec });
      expect(await other.readStatus('dev')).toEqual(status);
      expect(await other.readRecord('dev', 'nodes')).toEqual({ apiServer: 'https://127.0.0.1:1' });
      const seen = await other.kubeconfigPath('dev');
      expect(await readFile(seen!, 'utf8')).toBe('apiVersion: v1\nkind: Config\n');
      expect((await stat(seen!)).mode & 0o777).toBe(0o600);
      expect(await other.list()).toEqual(['dev']);
      expect(await other.has('dev')).toBe(true);
      await other.removeRecord('dev', 'nodes');
      await other.removeRecord('dev', 'nodes');
      expect(await s.readRecord('dev', 'nodes')).toBeUndefined();
    });

    it('generations: each write is the next one; a stale or skipped one is refused', async () => {
      const s = sut.store();
      await s.writeSpec('dev', { generation: 1, spec });
      await s.writeSpec('dev', { generation: 2, spec });
      for (const g of [2, 1, 4]) {
        const err = await s.writeSpec('dev', { generation: g, spec }).catch((e: unknown) => e);
        expect(err, `generation ${g}`).toBeInstanceOf(ConflictError);
        expect((err as ConflictError).code).toBe('generation-conflict');
      }
      expect((await s.readSpec('dev'))?.generation).toBe(2);
    });

    it(`two machines that read the same generation: exactly one writes the next (${races} races)`, async () => {
      const [a, b] = [sut.store(), sut.store({ hostname: 'laptop-2', pid: 222 })];
      await a.writeSpec('dev', { generation: 1, spec });
      for (let g = 1; g <= races; g++) {
        const results = await Promise.allSettled([
          a.writeSpec('dev', { generation: g + 1, spec }),
          b.writeSpec('dev', { generation: g + 1, spec }),
        ]);
        expect(
          results.filter((r) => r.status === 'fulfilled'),
          `race ${g}`,
        ).toHaveLength(1);
        const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(lost.reason).toMatchObject({ code: 'generation-conflict' });
      }
      expect((await a.readSpec('dev'))?.generation).toBe(races + 1);
    });

    it('history is append-only and numbered; concurrent appends from two machines all land, none overwritten', async () => {
      const [a, b] = [sut.store(), sut.store({ hostname: 'laptop-2', pid: 222 })];
      expect(await a.appendHistory('dev', entry('up'))).toBe(1);
      const seqs = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).appendHistory('dev', entry('stop', `op-${i}`))));
      expect([...seqs].sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      const history = await b.readHistory('dev');
      expect(history).toHaveLength(11);
      expect(history[0]).toEqual(entry('up'));
      expect(new Set(history.map((h) => h.operationId)).size).toBe(11);
    });

    it('a lock: its holder named to a second taker; released, it can be taken again', async () => {
      const [a, b] = [sut.store(), sut.store({ pid: 222 })];
      const held = await a.lock('dev', 'up', 'op-1');
      expect(held.info).toMatchObject({ op: 'up', operationId: 'op-1', host: 'box', pid: 111 });
      const err = await b.lock('dev', 'down', 'op-2').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).message).toContain('locked by "up"');
      expect((err as ConflictError).message).toContain('pid 111 on box');
      expect(await b.readLock('dev')).toMatchObject({ live: true, info: { op: 'up' } });
      await held.release();
      expect(await b.readLock('dev')).toBeUndefined();
      await (await b.lock('dev', 'down', 'op-2')).release();
      // A lock alone is not a cluster.
      expect(await a.has('dev')).toBe(false);
      expect(await a.list()).toEqual([]);
    });

    it(`two machines race for one lock ${races} times: exactly one wins each time`, async () => {
      const [a, b] = [sut.store(), sut.store({ hostname: 'laptop-2', pid: 222 })];
      for (let i = 0; i < races; i++) {
        const results = await Promise.allSettled([a.lock('dev', 'up', `a-${i}`), b.lock('dev', 'up', `b-${i}`)]);
        const won = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<StateStore['lock']>>> => r.status === 'fulfilled');
        expect(won, `race ${i}`).toHaveLength(1);
        expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
        await won[0]!.value.release();
      }
    });

    it('a holder on another host is live until its lock expires; then it is taken over, and its late release removes nothing', async () => {
      const far = sut.store({ hostname: 'laptop-2', pid: 999, isAlive: () => false });
      const old = await far.lock('dev', 'up', 'op-far');
      // On this host, pid 999 is dead, but it is another host's pid: nothing can be known before the expiry.
      const here = sut.store({ isAlive: () => false });
      expect(await here.lock('dev', 'down', 'op-1').catch((e: unknown) => e)).toBeInstanceOf(ConflictError);
      const later = sut.store({ isAlive: () => false, now: () => new Date(T0.getTime() + HOUR + 1) });
      expect(await later.readLock('dev')).toMatchObject({ live: false });
      const taken = await later.lock('dev', 'down', 'op-2');
      await old.release();
      expect(await later.readLock('dev')).toMatchObject({ info: { operationId: 'op-2' } });
      await taken.release();
      expect(await later.readLock('dev')).toBeUndefined();
    });

    it("renewal moves the expiry on while the lock is its holder's; once taken over, the old holder's renewal is refused", async () => {
      let now = T0.getTime();
      const clock = () => new Date(now);
      const held = await sut.store({ now: clock }).lock('dev', 'up', 'op-1');
      now += HOUR - 1000;
      await held.renew();
      now += 2000;
      // Past the first expiry: still live, because it was renewed.
      expect(await sut.store({ now: clock, hostname: 'laptop-2' }).readLock('dev')).toMatchObject({
        live: true,
        info: { operationId: 'op-1' },
      });
      now += 2 * HOUR;
      const taken = await sut.store({ now: clock, hostname: 'laptop-2' }).lock('dev', 'down', 'op-2');
      expect(await held.renew().catch((e: unknown) => e)).toMatchObject({ code: 'lock-lost' });
      await held.release();
      expect(await sut.store().readLock('dev')).toMatchObject({ info: { operationId: 'op-2' } });
      await taken.release();
    });

    it('a dead holder on this host: taken over at once', async () => {
      await sut.store({ pid: 999 }).lock('dev', 'up', 'op-dead');
      const s = sut.store({ isAlive: (pid) => pid !== 999 });
      expect(await s.readLock('dev')).toMatchObject({ live: false });
      expect((await s.lock('dev', 'down', 'op-2')).info.operationId).toBe('op-2');
    });

    it('registry records: concurrent read-change-writes from two machines all land', async () => {
      const [a, b] = [sut.store(), sut.store({ hostname: 'laptop-2', pid: 222 })];
      const base = {
        name: 'reg',
        image: 'registry:2',
        host: 'localhost:5001',
        createdBy: 'kindling' as const,
        shared: false,
        users: [] as string[],
      };
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? a : b).updateRegistry('reg', async (r) => ({ ...(r ?? base), users: [...(r?.users ?? []), `c${i}`].sort() })),
        ),
      );
      expect((await a.readRegistry('reg'))?.users).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
      await a.updateRegistry('reg', async () => undefined);
      expect(await b.readRegistry('reg')).toBeUndefined();
    });

    it('remove forgets the cluster but keeps its snapshots; retire keeps the history under deleted/', async () => {
      const s = sut.store();
      await s.writeSpec('dev', { generation: 1, spec });
      await s.appendHistory('dev', entry('up'));
      await s.writeSpec('other', { generation: 1, spec: { ...spec, name: 'other' } });
      const part = await s.writeSnapshotPart('dev', 's1', 'volumes/ns/data.tar.gz', Readable.from([Buffer.from('tar bytes')]));
      expect(part).toEqual({ path: 'volumes/ns/data.tar.gz', bytes: 9, sha256: createHash('sha256').update('tar bytes').digest('hex') });
      await s.writeSnapshotPart('dev', 's1', 'manifest.json', '{}');
      await s.retire('dev', entry('down', 'op-down'));
      expect(await s.list()).toEqual(['other']);
      expect(await s.has('dev')).toBe(false);
      expect(await s.readSpec('dev')).toBeUndefined();
      expect(await s.listSnapshots('dev')).toEqual(['s1']);
      expect(await s.listSnapshotOwners()).toEqual(['dev']);
      expect(await text(await s.readSnapshotPart('dev', 's1', 'volumes/ns/data.tar.gz'))).toBe('tar bytes');
      expect(await s.readSnapshotPart('dev', 's1', 'nope.json').catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
      await s.removeSnapshot('dev', 's1');
      expect(await s.listSnapshots('dev')).toEqual([]);
      expect(await s.listSnapshotOwners()).toEqual([]);
      expect(await s.readSpec('other')).toMatchObject({ generation: 1 });
    });
  });
}
