// The workshop's steps over fake verbs and a real directory store: order of the steps, the retry after a
// clean-up, the records, the 0600 files, reset and down.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../../src/api/create-context.js';
import { findMember, workshopMembers } from '../../../../src/apply/workshop/members.js';
import { applyWorkshopDown } from '../../../../src/apply/workshop/run-workshop-down.js';
import { applyWorkshopReset } from '../../../../src/apply/workshop/run-workshop-reset.js';
import { applyWorkshopStatus } from '../../../../src/apply/workshop/run-workshop-status.js';
import { applyWorkshopUp } from '../../../../src/apply/workshop/run-workshop-up.js';
import type { InPlaceResult } from '../../../../src/apply/workshop/reset-in-place.js';
import type { WorkshopProgress, WorkshopVerbs } from '../../../../src/apply/workshop/verbs.js';
import { ConflictError, NotFoundError } from '../../../../src/errors.js';
import { seatsFor } from '../../../../src/workshop/attendees.js';
import { START_SNAPSHOT, WORKSHOP_RECORD } from '../../../../src/workshop/member.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const CHANGES = { deletedNamespaces: ['scratch'], deleted: 1, applied: 2, recreated: 1, unchanged: 3 };

/** Verbs that record what they were asked; `failUp` fails that cluster's up as many times as given; `inPlace` is what the in-place reset does. */
function fakeVerbs(dir: string, failUp: Record<string, number> = {}, inPlace: { result?: InPlaceResult; error?: Error } = {}) {
  const calls: string[] = [];
  const verbs: WorkshopVerbs = {
    async resetInPlace(cluster, dc, id) {
      calls.push(`reset-in-place ${cluster} ${dc ?? '-'} ${id}`);
      if (inPlace.error) throw inPlace.error;
      return inPlace.result ?? { done: true, changes: CHANGES };
    },
    async up(cluster, dc) {
      calls.push(`up ${cluster} ${dc ?? '-'}`);
      if ((failUp[cluster] ?? 0) > 0) {
        failUp[cluster]!--;
        throw Object.assign(new Error(`k3d failed for ${cluster}`), { code: 'engine-failed' });
      }
      const kubeconfigPath = join(dir, `${cluster}.kubeconfig`);
      await writeFile(kubeconfigPath, `current-context: k3d-${cluster}\n`);
      return { name: cluster, context: `k3d-${cluster}`, kubeconfigPath };
    },
    async applyManifests(cluster) {
      calls.push(`apply ${cluster}`);
      return 3;
    },
    async load(cluster, _dc, images) {
      calls.push(`load ${cluster} ${images.join(',')}`);
    },
    async snapshot(cluster, _dc, id) {
      calls.push(`snapshot ${cluster} ${id}`);
    },
    async restore(cluster, dc, id) {
      calls.push(`restore ${cluster} ${dc ?? '-'} ${id}`);
      const kubeconfigPath = join(dir, `${cluster}.kubeconfig`);
      await writeFile(kubeconfigPath, `current-context: k3d-${cluster}\n# restored\n`);
      return { name: cluster, context: `k3d-${cluster}`, kubeconfigPath };
    },
    async down(cluster, dc) {
      calls.push(`down ${cluster} ${dc ?? '-'}`);
    },
    async deleteSnapshot(cluster, id) {
      calls.push(`delete-snapshot ${cluster} ${id}`);
    },
    async status(cluster) {
      return cluster.endsWith('bob')
        ? { phase: 'stopped', apiReachable: false, detail: 'stopped' }
        : { phase: 'running', apiReachable: true, detail: 'v1.35.5+k3s1' };
    },
  };
  return { verbs, calls };
}

async function setUp(failUp: Record<string, number> = {}, inPlace: { result?: InPlaceResult; error?: Error } = {}) {
  const dir = await dirs.make();
  const ctx = createContext({ state: join(dir, 'state'), env: { HOME: dir }, cwd: dir, now: () => new Date('2026-01-01T10:00:00Z') });
  return { dir, ctx, ...fakeVerbs(dir, failUp, inPlace) };
}

describe('workshop up over the verbs', () => {
  it('makes each seat: up, manifests, images, snapshot, record, 0600 kubeconfig and README, then the index', async () => {
    const { dir, ctx, verbs, calls } = await setUp();
    const seats = seatsFor('lab', ['Ann', 'Bob']);
    const progress: WorkshopProgress[] = [];
    const out = join(dir, 'out');
    const r = await applyWorkshopUp(ctx, verbs, {
      workshop: 'lab',
      seats,
      hosts: [undefined, 'second'],
      parallel: 1,
      outDir: out,
      hasManifests: true,
      images: ['app:dev'],
      onProgress: (p) => progress.push(p),
    });
    expect(calls).toEqual([
      'up lab-ann -',
      'apply lab-ann',
      'load lab-ann app:dev',
      `snapshot lab-ann ${START_SNAPSHOT}`,
      'up lab-bob second',
      'apply lab-bob',
      'load lab-bob app:dev',
      `snapshot lab-bob ${START_SNAPSHOT}`,
    ]);
    expect(r.outcomes.map((o) => [o.cluster, o.ok, o.attempts, o.dockerContext])).toEqual([
      ['lab-ann', true, 1, undefined],
      ['lab-bob', true, 1, 'second'],
    ]);
    expect(await ctx.store.readRecord(seats[1]!.cluster, WORKSHOP_RECORD)).toMatchObject({
      workshop: 'lab',
      attendee: 'Bob',
      dockerContext: 'second',
      context: 'k3d-lab-bob',
      snapshot: START_SNAPSHOT,
      outDir: out,
      createdAt: '2026-01-01T10:00:00.000Z',
    });
    for (const f of ['ann/kubeconfig', 'ann/README.md', 'bob/kubeconfig', 'INDEX.md'])
      expect((await stat(join(out, f))).mode & 0o777).toBe(0o600);
    expect((await stat(join(out, 'ann'))).mode & 0o777).toBe(0o700);
    expect(await readFile(join(out, 'bob/kubeconfig'), 'utf8')).toBe('current-context: k3d-lab-bob\n');
    expect(await readFile(join(out, 'INDEX.md'), 'utf8')).toContain('| Bob | `lab-bob` | `k3d-lab-bob` | second |');
    expect(progress.filter((p) => p.cluster === 'lab-ann').map((p) => p.phase)).toEqual([
      'creating',
      'applying',
      'loading',
      'snapshotting',
      'ready',
    ]);
  });

  it('cleans up and retries a failed seat once; one that fails twice is reported and cleaned up, the others are made', async () => {
    const { dir, ctx, verbs, calls } = await setUp({ 'lab-ann': 1, 'lab-bob': 2 });
    const r = await applyWorkshopUp(ctx, verbs, {
      workshop: 'lab',
      seats: seatsFor('lab', ['Ann', 'Bob', 'Cy']),
      hosts: [undefined, undefined, undefined],
      parallel: 2,
      outDir: join(dir, 'out'),
      hasManifests: false,
      images: [],
    });
    expect(r.outcomes.map((o) => [o.cluster, o.ok, o.attempts])).toEqual([
      ['lab-ann', true, 2],
      ['lab-bob', false, 2],
      ['lab-cy', true, 1],
    ]);
    expect(r.outcomes[1]!.error).toEqual({ code: 'engine-failed', message: 'k3d failed for lab-bob' });
    expect(r.errors).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('down'))).toEqual(['down lab-ann -', 'down lab-bob -', 'down lab-bob -']);
    expect(await ctx.store.readRecord('lab-bob', WORKSHOP_RECORD)).toBeUndefined();
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['INDEX.md', 'ann', 'cy']);
  });

  it('keeps seats of the same workshop that exist, and refuses a name another cluster has', async () => {
    const { dir, ctx, verbs, calls } = await setUp();
    const req = {
      workshop: 'lab',
      seats: seatsFor('lab', ['Ann']),
      hosts: [undefined],
      parallel: 1,
      outDir: join(dir, 'out'),
      hasManifests: false,
      images: [],
    };
    await applyWorkshopUp(ctx, verbs, req);
    calls.length = 0;
    const again = await applyWorkshopUp(ctx, verbs, req);
    expect(calls).toEqual([]);
    expect(again.outcomes[0]).toMatchObject({ ok: true, existing: true, attempts: 0 });
    await ctx.store.writeRecord('other-ann', 'origin', { host: 'x' });
    await expect(applyWorkshopUp(ctx, verbs, { ...req, workshop: 'other', seats: seatsFor('other', ['Ann']) })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(calls).toEqual([]);
  });
});

describe('status, reset and down of a made workshop', () => {
  async function made(inPlace: { result?: InPlaceResult; error?: Error } = {}) {
    const s = await setUp({}, inPlace);
    await applyWorkshopUp(s.ctx, s.verbs, {
      workshop: 'lab',
      seats: seatsFor('lab', ['Ann', 'Bob']),
      hosts: ['first', 'second'],
      parallel: 2,
      outDir: join(s.dir, 'out'),
      hasManifests: false,
      images: [],
    });
    s.calls.length = 0;
    return s;
  }

  it('finds the workshop by name or as the only one, and an attendee by name, label or cluster', async () => {
    const { ctx } = await made();
    const { workshop, members } = await workshopMembers(ctx, undefined);
    expect(workshop).toBe('lab');
    expect(members.map((m) => m.cluster)).toEqual(['lab-ann', 'lab-bob']);
    expect(findMember('lab', members, 'Bob').cluster).toBe('lab-bob');
    expect(findMember('lab', members, 'bob').cluster).toBe('lab-bob');
    expect(findMember('lab', members, 'lab-ann').attendee).toBe('Ann');
    expect(() => findMember('lab', members, 'zed')).toThrow(NotFoundError);
    await expect(workshopMembers(ctx, 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('status: one row per member, with its age', async () => {
    const { ctx, verbs } = await made();
    const later = createContext({ state: ctx.store.location, env: {}, now: () => new Date('2026-01-01T10:05:00Z') });
    const rows = await applyWorkshopStatus(later, verbs, (await workshopMembers(ctx, 'lab')).members);
    expect(rows.map((r) => [r.attendee, r.phase, r.apiReachable, r.ageSeconds, r.dockerContext])).toEqual([
      ['Ann', 'running', true, 300, 'first'],
      ['Bob', 'stopped', false, 300, 'second'],
    ]);
  });

  it('reset: in place by default, the kubeconfig file left as it is', async () => {
    const { ctx, verbs, calls, dir } = await made();
    const { members } = await workshopMembers(ctx, 'lab');
    const file = join(dir, 'out', 'bob', 'kubeconfig');
    const before = await readFile(file, 'utf8');
    const progress: WorkshopProgress[] = [];
    const r = await applyWorkshopReset(ctx, verbs, findMember('lab', members, 'Bob'), { onProgress: (p) => progress.push(p) });
    expect(calls).toEqual([`reset-in-place lab-bob second ${START_SNAPSHOT}`]);
    expect(r).toEqual({
      attendee: 'Bob',
      cluster: 'lab-bob',
      snapshot: START_SNAPSHOT,
      inPlace: true,
      changes: CHANGES,
      seconds: 0,
      kubeconfig: file,
      kubeconfigRewritten: false,
    });
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(progress.map((p) => p.message)).toEqual([
      `resetting to ${START_SNAPSHOT} in place`,
      `back to ${START_SNAPSHOT} in place in 0.0 s (namespace(s) scratch deleted, 1 other object(s) deleted, 2 applied again (1 re-made), 3 unchanged); kubeconfig unchanged`,
    ]);
  });

  it('reset: re-created on its host, saying why, when the in-place reset cannot be done', async () => {
    const reason = 'the snapshot holds volume data (lab/data), which only a re-create restores';
    const { ctx, verbs, calls, dir } = await made({ result: { done: false, reason } });
    const { members } = await workshopMembers(ctx, 'lab');
    const r = await applyWorkshopReset(ctx, verbs, findMember('lab', members, 'Bob'));
    expect(calls).toEqual([`reset-in-place lab-bob second ${START_SNAPSHOT}`, `restore lab-bob second ${START_SNAPSHOT}`]);
    expect(r).toMatchObject({ cluster: 'lab-bob', snapshot: START_SNAPSHOT, inPlace: false, reason, kubeconfigRewritten: true });
    expect(await readFile(join(dir, 'out', 'bob', 'kubeconfig'), 'utf8')).toContain('# restored');
  });

  it('reset: a failed in-place reset falls back to the re-create; a held lock does not', async () => {
    const failed = await made({ error: new Error('the cluster refused apps/Deployment/lab/web') });
    const member = findMember('lab', (await workshopMembers(failed.ctx, 'lab')).members, 'Ann');
    const r = await applyWorkshopReset(failed.ctx, failed.verbs, member);
    expect(r).toMatchObject({ inPlace: false, reason: 'the in-place reset failed: the cluster refused apps/Deployment/lab/web' });
    expect(failed.calls).toEqual([`reset-in-place lab-ann first ${START_SNAPSHOT}`, `restore lab-ann first ${START_SNAPSHOT}`]);

    const locked = await made({ error: new ConflictError('locked', 'cluster "lab-ann" is locked by up') });
    const err = await applyWorkshopReset(locked.ctx, locked.verbs, member).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(locked.calls).toEqual([`reset-in-place lab-ann first ${START_SNAPSHOT}`]);
  });

  it('reset --recreate: straight to the snapshot restore', async () => {
    const { ctx, verbs, calls } = await made();
    const { members } = await workshopMembers(ctx, 'lab');
    const r = await applyWorkshopReset(ctx, verbs, findMember('lab', members, 'Bob'), { recreate: true });
    expect(calls).toEqual([`restore lab-bob second ${START_SNAPSHOT}`]);
    expect(r).toMatchObject({ inPlace: false, reason: 'asked for (--recreate)', kubeconfigRewritten: true });
  });

  it('down: every cluster on its host, its snapshot, and exactly the files written', async () => {
    const { ctx, verbs, calls, dir } = await made();
    await writeFile(join(dir, 'out', 'notes.txt'), 'mine');
    const { members } = await workshopMembers(ctx, 'lab');
    const r = await applyWorkshopDown(ctx, verbs, 'lab', members, { parallel: 1 });
    expect(r).toEqual({ workshop: 'lab', removed: ['lab-ann', 'lab-bob'], failed: [] });
    expect(calls).toEqual([
      'down lab-ann first',
      `delete-snapshot lab-ann ${START_SNAPSHOT}`,
      'down lab-bob second',
      `delete-snapshot lab-bob ${START_SNAPSHOT}`,
    ]);
    expect(await readdir(join(dir, 'out'))).toEqual(['notes.txt']);
  });
});
