// An operation killed outright leaves its journal (the `operation` record) and a dead lock: the next command stops
// the engine child it left, rolls back an interrupted up, finishes an interrupted down, clears anything else.
import { spawn } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/api/create-context.js';
import { OPERATION_RECORD, type RunningOperation } from '../../../src/apply/operation-record.js';
import { recoverBeforeUse, recoverInterrupted } from '../../../src/apply/recover.js';
import { resumeUpgrade } from '../../../src/apply/recreate/resume-upgrade.js';
import { ConflictError, NotFoundError } from '../../../src/errors.js';
import { processAlive } from '../../../src/runtime/process-alive.js';
import { recordedRunner } from '../../../src/runtime/recorded-process-runner.js';
import { crashedStore, kindDelete, kindUp, useWorld, type World } from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

/** A lock of `name` held by a process that is gone, and the journal it left. */
async function crashed(name: string, record: Partial<RunningOperation>): Promise<void> {
  const dead = crashedStore(w);
  await dead.lock(name, record.op ?? 'up', 'op-crashed');
  const full: RunningOperation = {
    op: 'up',
    operationId: 'op-crashed',
    startedAt: '2020-01-01T00:00:00.000Z',
    host: 'box',
    pid: 999,
    intended: ['preflight', 'record-intent', 'create-cluster', 'save-kubeconfig'],
    completed: ['preflight', 'record-intent'],
    ...record,
  };
  await w.store().writeRecord(name, OPERATION_RECORD, full);
}

describe('recoverInterrupted', () => {
  it('an up killed mid-create is rolled back through down: the engine deletes, the store forgets', async () => {
    await kindUp(w, 'dev');
    await crashed('dev', { completed: ['preflight', 'record-intent', 'ensure-network'] });
    const runner = recordedRunner([kindDelete(w, 'dev')]);
    const r = await recoverInterrupted(createContext(w.options({ runner })), 'dev');
    runner.assertDone();
    expect(r).toEqual({
      op: 'up',
      action: 'rolled-back',
      message: 'an interrupted "up" of "dev" (pid 999 on box) stopped after 3 of 4 steps (last: ensure-network): rolled back',
    });
    expect(await w.store().list()).toEqual([]);
    expect(w.docker.containers.filter((c) => c.labels['io.x-k8s.kind.cluster'] === 'dev')).toEqual([]);
  });

  it('an up --retain keeps what it made; a stop only has its lock and journal cleared', async () => {
    await kindUp(w, 'dev');
    await crashed('dev', { retain: true });
    const kept = await recoverInterrupted(createContext(w.options({ runner: recordedRunner([]) })), 'dev');
    expect(kept?.action).toBe('kept');
    await crashed('dev', { op: 'stop', intended: ['record-nodes', 'stop-nodes'], completed: ['record-nodes'] });
    const cleared = await recoverInterrupted(createContext(w.options({ runner: recordedRunner([]) })), 'dev');
    expect(cleared?.message).toBe(
      'an interrupted "stop" of "dev" (pid 999 on box) stopped after 1 of 2 steps (last: record-nodes): its lock is cleared; see `kindling status dev`',
    );
    expect(await w.store().readLock('dev')).toBeUndefined();
    expect(await w.store().readRecord('dev', OPERATION_RECORD)).toBeUndefined();
    expect(await w.store().readSpec('dev')).toBeDefined();
  });

  it('a journal with every step done (killed while closing) is only cleared; a live lock is left alone', async () => {
    await kindUp(w, 'dev');
    await crashed('dev', { completed: ['preflight', 'record-intent', 'create-cluster', 'save-kubeconfig'] });
    expect(await recoverInterrupted(createContext(w.options({ runner: recordedRunner([]) })), 'dev')).toBeUndefined();
    expect(await w.store().readRecord('dev', OPERATION_RECORD)).toBeUndefined();
    const held = await w.store().lock('dev', 'up', 'op-live');
    await w.store().writeRecord('dev', OPERATION_RECORD, { op: 'up', intended: ['a'], completed: [] });
    expect(await recoverInterrupted(createContext(w.options({ runner: recordedRunner([]) })), 'dev')).toBeUndefined();
    expect(await w.store().readRecord('dev', OPERATION_RECORD)).toBeDefined();
    await held.release();
  });

  it('the engine child an interrupted operation left running is stopped first (only a kind or k3d process)', async () => {
    await kindUp(w, 'dev');
    // A process whose program is named kind, as the real binary's is.
    const fakeKind = join(w.tmp, 'kind');
    await copyFile('/bin/sleep', fakeKind);
    const { chmod } = await import('node:fs/promises');
    await chmod(fakeKind, 0o755);
    const orphan = spawn(fakeKind, ['60'], { stdio: 'ignore' });
    const other = spawn('/bin/sleep', ['60'], { stdio: 'ignore' });
    try {
      await sleep(100);
      await crashed('dev', { op: 'stop', intended: ['record-nodes', 'stop-nodes'], completed: [], enginePid: orphan.pid! });
      const r = await recoverInterrupted(createContext(w.options({ runner: recordedRunner([]) })), 'dev');
      expect(r?.stoppedPid).toBe(orphan.pid);
      await sleep(100);
      expect(processAlive(orphan.pid!)).toBe(false);
      await crashed('dev', { op: 'stop', intended: ['record-nodes'], completed: [], enginePid: other.pid! });
      const again = await recoverInterrupted(createContext(w.options({ runner: recordedRunner([]) })), 'dev');
      expect(again?.stoppedPid).toBeUndefined();
      expect(processAlive(other.pid!)).toBe(true);
    } finally {
      orphan.kill('SIGKILL');
      other.kill('SIGKILL');
    }
  });

  it('an interrupted upgrade keeps its journal for --resume or --rollback; every command but down refuses until then', async () => {
    await kindUp(w, 'dev');
    const spec = (await w.store().readSpec('dev'))!.spec;
    await crashed('dev', {
      op: 'upgrade',
      intended: ['take-snapshot', 'verify-snapshot', 'delete-cluster', 'create-cluster', 'record-spec'],
      completed: ['take-snapshot', 'verify-snapshot'],
      recreate: { wanted: { ...spec, kubernetesVersion: 'v1.37.0' }, snapshot: 'upgrade-1', snapshotTaken: true },
    });
    const ctx = createContext(w.options({ runner: recordedRunner([]) }));
    const r = await recoverInterrupted(ctx, 'dev');
    expect(r?.action).toBe('pending');
    expect(r?.message).toBe(
      'an interrupted "upgrade" of "dev" (pid 999 on box) stopped after 2 of 5 steps (last: verify-snapshot); its old cluster still runs: continue it with `kindling upgrade dev --resume` or undo it with `kindling upgrade dev --rollback` (snapshot dev/upgrade-1)',
    );
    expect(await w.store().readLock('dev')).toBeUndefined();
    expect(await w.store().readRecord('dev', OPERATION_RECORD)).toBeDefined();
    const refused = await recoverBeforeUse(ctx, 'dev').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).exitCode).toBe(4);
    expect((refused as ConflictError).hint).toContain('kindling upgrade dev --resume');
    await expect(recoverBeforeUse(ctx, 'dev', { pending: 'allow' })).resolves.toBeUndefined();
    // The old cluster was never deleted: --rollback has nothing to undo and only clears the journal.
    const undone = await resumeUpgrade(ctx, 'dev', { mode: 'rollback', timeoutMs: 1000, waitMs: 1000 });
    expect(undone.unchanged).toBe(true);
    expect(await w.store().readRecord('dev', OPERATION_RECORD)).toBeUndefined();
    const none = await resumeUpgrade(ctx, 'dev', { mode: 'resume', timeoutMs: 1000, waitMs: 1000 }).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(NotFoundError);
    expect((none as NotFoundError).message).toBe('no interrupted upgrade of "dev" to resume');
  });

  it('an interrupted snapshot create loses its unfinished snapshot; a finished one is kept', async () => {
    await kindUp(w, 'dev');
    await w.store().writeSnapshotPart('dev', 'half', 'objects.json', '[]');
    await crashed('dev', {
      op: 'snapshot',
      intended: ['read-objects', 'copy-volumes', 'write-manifest'],
      completed: ['read-objects'],
      snapshot: 'half',
    });
    const r = await recoverInterrupted(createContext(w.options({ runner: recordedRunner([]) })), 'dev');
    expect(r?.message).toBe(
      'an interrupted "snapshot" of "dev" (pid 999 on box) stopped after 1 of 3 steps (last: read-objects): its unfinished snapshot dev/half is removed',
    );
    expect(await w.store().listSnapshots('dev')).toEqual([]);
    expect(await w.store().readRecord('dev', OPERATION_RECORD)).toBeUndefined();
  });
});
