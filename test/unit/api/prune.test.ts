// `prune` end to end over a fake Docker, a real directory store (records written by hand, as an interrupted
// operation leaves them) and a table of imaginary processes: what a dry run lists is what a real run removes.
import { mkdir, readdir, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { prune } from '../../../src/api/prune.js';
import { OPERATION_RECORD, type RunningOperation } from '../../../src/apply/operation-record.js';
import type { ProcessTable } from '../../../src/runtime/process-table.js';
import { localStateStore } from '../../../src/state/local-store.js';
import { container, k3dNode, kindNode } from '../../support/unit/fake-docker.js';
import { useWorld, type World } from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

/** A pid that certainly is not running: a child that has exited. */
let deadPid = 0;
beforeAll(async () => {
  const child = execa('true');
  await child;
  deadPid = child.pid!;
});

/** Imaginary processes: pid -> argv; `stubborn` ones ignore SIGTERM. */
function processes(running: Record<number, string[]>, stubborn: number[] = []): ProcessTable & { signals: string[] } {
  const signals: string[] = [];
  return {
    signals,
    isAlive: (pid) => pid in running,
    commandLine: async (pid) => running[pid],
    signal(pid, signal) {
      signals.push(`${signal} ${pid}`);
      if (signal === 'SIGKILL' || !stubborn.includes(pid)) delete running[pid];
    },
  };
}

/** The store as the dead process `pid` on this host left it. */
const storeOf = (pid: number) =>
  localStateStore(w.state, { now: () => new Date(), pid, hostname: hostname(), owner: 'me', isAlive: () => true, lockTtlMs: 3_600_000 });

async function interrupted(name: string, op: string, engine: 'kind' | 'k3d', extra: Partial<RunningOperation> = {}): Promise<void> {
  const s = storeOf(deadPid);
  await s.writeSpec(name, { generation: 1, spec: { name, engine, preset: engine } as never });
  await s.lock(name, op, 'op-1');
  const record: RunningOperation = {
    op,
    operationId: 'op-1',
    startedAt: '2026-03-01T10:00:00.000Z',
    host: hostname(),
    pid: deadPid,
    intended: ['preflight', 'record-intent', 'create-cluster', 'wait-ready'],
    completed: ['preflight', 'record-intent'],
    ...extra,
  };
  await s.writeRecord(name, OPERATION_RECORD, record);
}

const run = (table: ProcessTable, extra: { dryRun?: boolean; names?: string[] } = {}) =>
  prune({ ...w.options(), processes: table, engineGraceMs: 50, ...extra });

describe('prune', () => {
  it('a dry run lists exactly what the real run then removes; the user’s and the store’s clusters stay', async () => {
    w.docker.containers.push(
      k3dNode('orphan', 'k3d-orphan-server-0', 'server'),
      kindNode('mine', 'mine-control-plane', 'control-plane'),
      kindNode('dev', 'dev-control-plane', 'control-plane'),
      container('postgres', {}),
    );
    w.docker.networks.push({ name: 'k3d-orphan', labels: { app: 'k3d' } }, { name: 'kind', labels: {} });
    w.docker.volumes.push({ name: 'k3d-orphan-images', labels: { app: 'k3d' } });
    await storeOf(1).writeSpec('dev', { generation: 1, spec: { name: 'dev', engine: 'kind' } as never });
    const dry = await run(processes({}), { dryRun: true });
    expect(w.docker.removed).toEqual({ containers: [], networks: [], volumes: [] });
    const real = await run(processes({}));
    expect(real).toEqual({ ...dry, dryRun: false });
    expect(dry).toMatchObject({ apiVersion: 'kindling.dev/v1alpha1', kind: 'PruneResult', dryRun: true, notes: [] });
    expect(w.docker.removed).toEqual({ containers: ['k3d-orphan-server-0'], networks: ['k3d-orphan'], volumes: ['k3d-orphan-images'] });
    expect(w.docker.containers.map((c) => c.name)).toEqual(['mine-control-plane', 'dev-control-plane', 'postgres']);
    expect(await run(processes({}), { dryRun: true })).toMatchObject({ removed: { containers: [], networks: [], volumes: [] } });
  });

  it('rolls back an interrupted first up: stops its engine, removes its objects, forgets it', async () => {
    await interrupted('new', 'up', 'kind', { enginePid: 777 });
    w.docker.containers.push(kindNode('new', 'new-control-plane', 'control-plane'));
    const table = processes({ 777: ['kind', 'create', 'cluster', '--name', 'new'] });
    const r = await run(table);
    expect(table.signals).toEqual(['SIGTERM 777']);
    expect(r.removed.processes.map((p) => p.pid)).toEqual([777]);
    expect(w.docker.removed.containers).toEqual(['new-control-plane']);
    expect(r.removed.storeEntries.map((e) => `${e.name} ${e.action}`)).toEqual(['clusters/new remove-cluster']);
    expect(r.removed.locks.map((l) => l.name)).toEqual(['new']);
    expect(await readdir(join(w.state, 'clusters'))).toEqual([]);
  });

  it('an engine that ignores SIGTERM gets SIGKILL after the grace period', async () => {
    await interrupted('new', 'up', 'k3d', { enginePid: 778 });
    const table = processes({ 778: ['/opt/bin/k3d', 'cluster', 'create', '--config', '/tmp/x'] }, [778]);
    await run(table);
    expect(table.signals).toEqual(['SIGTERM 778', 'SIGKILL 778']);
  });

  it('finishes an interrupted down: objects swept, history kept under deleted/', async () => {
    await interrupted('old', 'down', 'k3d');
    w.docker.containers.push(k3dNode('old', 'k3d-old-server-0', 'server'));
    w.docker.networks.push({ name: 'k3d-old', labels: { app: 'k3d' } });
    const r = await run(processes({}));
    expect(r.removed.storeEntries.map((e) => e.action)).toEqual(['retire-cluster']);
    expect(w.docker.removed).toMatchObject({ containers: ['k3d-old-server-0'], networks: ['k3d-old'] });
    expect(await storeOf(1).list()).toEqual([]);
    const history = await readdir(join(w.state, 'deleted', 'old', 'op-1', 'history'));
    expect(history).toEqual(['000001-down.json']);
  });

  it('clears the stale lock and record of an interrupted stop, says to look at the cluster, keeps a live lock', async () => {
    await interrupted('dev', 'stop', 'kind');
    await storeOf(process.pid).writeSpec('busy', { generation: 1, spec: { name: 'busy', engine: 'kind' } as never });
    await storeOf(process.pid).lock('busy', 'start', 'op-2');
    w.docker.containers.push(kindNode('dev', 'dev-control-plane', 'control-plane'));
    const r = await run(processes({}));
    expect(r.removed.locks.map((l) => l.name)).toEqual(['dev']);
    expect(r.notes).toEqual(['cluster dev: an interrupted "stop" may have left it part-done: run `kindling status dev`']);
    expect(w.docker.removed.containers).toEqual([]);
    const s = storeOf(1);
    expect(await s.readLock('dev')).toBeUndefined();
    expect((await s.readRecord('dev', OPERATION_RECORD)) ?? undefined).toBeUndefined();
    expect((await s.readLock('busy'))?.live).toBe(true);
    expect(await s.list()).toEqual(['busy', 'dev']);
  });

  it('removes an unused registry with its record, and the stale temp folders only', async () => {
    w.docker.containers.push(container('kind-registry', { 'dev.kindling.managed': 'true', 'dev.kindling.registry': 'kind-registry' }));
    await storeOf(1).updateRegistry('kind-registry', async () => ({
      name: 'kind-registry',
      image: 'registry:2',
      host: 'localhost:5001',
      createdBy: 'kindling',
      shared: false,
      users: ['gone'],
    }));
    const old = join(w.tmp, 'kindling-Ab12Cd');
    await mkdir(old);
    await mkdir(join(w.tmp, 'kindling-Ef34Gh'));
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    const r = await run(processes({}));
    expect(w.docker.removed.containers).toEqual(['kind-registry']);
    expect(r.removed.storeEntries.map((e) => `${e.name} ${e.action}`)).toEqual(['registries/kind-registry.json remove-registry']);
    expect(await storeOf(1).readRegistry('kind-registry')).toBeUndefined();
    expect(r.removed.tempFiles.map((t) => t.name)).toEqual([old]);
    expect(await readdir(w.tmp)).toEqual(['kindling-Ef34Gh']);
  });
});
