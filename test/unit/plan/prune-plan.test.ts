// The pure plan of `prune` over many shapes of Docker and the state store: what goes, what stays, and why.
import { describe, expect, it } from 'vitest';
import type { ContainerFact, LabelledObject, PruneFacts, StoreClusterFact } from '../../../src/plan/prune-facts.js';
import { planPrune } from '../../../src/plan/prune-plan.js';

const NOW = '2026-03-01T12:00:00.000Z';
const ours = (cluster: string) => ({ 'dev.kindling.managed': 'true', 'dev.kindling.cluster': cluster, 'dev.kindling.preset': 'k3d' });
const kindLabels = (cluster: string) => ({ 'io.x-k8s.kind.cluster': cluster, 'io.x-k8s.kind.role': 'control-plane' });
const k3dLabels = (cluster: string) => ({ app: 'k3d', 'k3d.cluster': cluster, 'k3d.role': 'server' });

let ids = 0;
const container = (name: string, labels: Record<string, string>, networks: string[] = []): ContainerFact => ({
  id: `id-${++ids}`,
  name,
  labels,
  networks,
});
/** A k3d cluster as kindling makes it: nodes with both label sets, its tools container with k3d's only, its network and volume. */
function k3dCluster(name: string, kindling = true): Pick<PruneFacts, 'containers' | 'networks' | 'volumes'> {
  return {
    containers: [
      container(`k3d-${name}-server-0`, { ...k3dLabels(name), ...(kindling ? ours(name) : {}) }),
      container(`k3d-${name}-serverlb`, { ...k3dLabels(name), 'k3d.role': 'loadbalancer', ...(kindling ? ours(name) : {}) }),
      container(`k3d-${name}-tools`, { ...k3dLabels(name), 'k3d.role': 'noRole' }),
    ],
    networks: [{ name: `k3d-${name}`, labels: { app: 'k3d' } }],
    volumes: [{ name: `k3d-${name}-images`, labels: { app: 'k3d' } }],
  };
}
const kindCluster = (name: string) => ({ containers: [container(`${name}-control-plane`, kindLabels(name))] });

function facts(parts: Partial<PruneFacts>[]): PruneFacts {
  const f: PruneFacts = { now: NOW, containers: [], networks: [], volumes: [], clusters: [], registries: [], temp: [] };
  for (const p of parts) {
    f.containers.push(...(p.containers ?? []));
    f.networks.push(...((p.networks ?? []) as LabelledObject[]));
    f.volumes.push(...((p.volumes ?? []) as LabelledObject[]));
    f.clusters.push(...(p.clusters ?? []));
    f.registries.push(...(p.registries ?? []));
    f.temp.push(...(p.temp ?? []));
    if (p.names) f.names = p.names;
  }
  return f;
}
const held = (name: string, engine: 'kind' | 'k3d', extra: Partial<StoreClusterFact> = {}): StoreClusterFact => ({
  name,
  held: true,
  engine,
  existedBefore: true,
  ...extra,
});
const deadLock = (op: string) => ({ op, pid: 4242, host: 'box', live: false });
const orphanedUp = (extra = {}) => ({
  op: 'up',
  operationId: 'op-1',
  intended: 10,
  completed: 4,
  retain: false,
  orphaned: true,
  ...extra,
});
const names = (entries: { name: string }[]) => entries.map((e) => e.name);

describe('planPrune: Docker objects', () => {
  it('removes nothing of a healthy cluster in the store, of either engine', () => {
    const plan = planPrune(facts([k3dCluster('web'), kindCluster('dev'), { clusters: [held('web', 'k3d'), held('dev', 'kind')] }]));
    expect([plan.containers, plan.networks, plan.volumes, plan.storeEntries, plan.locks, plan.notes]).toEqual([[], [], [], [], [], []]);
  });

  it('never removes an unlabelled object, nor a network or volume that only looks like a k3d one by name', () => {
    const plan = planPrune(
      facts([
        k3dCluster('gone'),
        {
          networks: [
            { name: 'k3d-other', labels: {} },
            { name: 'bridge', labels: {} },
          ],
          volumes: [{ name: 'k3d-gone-data', labels: {} }],
        },
      ]),
    );
    expect(names(plan.networks)).toEqual(['k3d-gone']);
    expect(names(plan.volumes)).toEqual(['k3d-gone-images']);
  });

  it("leaves the user's own kind and k3d clusters (engine labels only, unknown to the store) alone", () => {
    const plan = planPrune(facts([kindCluster('mine'), k3dCluster('mine3d', false)]));
    expect([plan.containers, plan.networks, plan.volumes]).toEqual([[], [], []]);
  });

  it('removes every object of a kindling-labelled cluster the store no longer holds (deleted behind its back)', () => {
    const plan = planPrune(facts([k3dCluster('orphan'), kindCluster('mine')]));
    expect(names(plan.containers)).toEqual(['k3d-orphan-server-0', 'k3d-orphan-serverlb', 'k3d-orphan-tools']);
    expect(names(plan.networks)).toEqual(['k3d-orphan']);
    expect(names(plan.volumes)).toEqual(['k3d-orphan-images']);
    expect(plan.containers[0]).toMatchObject({ cluster: 'orphan', reason: 'cluster orphan: not in the state store' });
  });

  it('removes the leftovers of a deleted cluster (kindling-labelled, snapshots kept in the store only)', () => {
    const plan = planPrune(
      facts([
        { containers: [container('dev-worker3', { ...kindLabels('dev'), ...ours('dev') })] },
        { clusters: [{ name: 'dev', held: false, existedBefore: false }] },
      ]),
    );
    expect(names(plan.containers)).toEqual(['dev-worker3']);
    expect(plan.storeEntries).toEqual([]);
  });

  it('a kind cluster named like a kindling orphan of k3d is still the user’s', () => {
    const plan = planPrune(facts([k3dCluster('twin'), kindCluster('twin')]));
    expect(names(plan.containers)).toEqual(['k3d-twin-server-0', 'k3d-twin-serverlb', 'k3d-twin-tools']);
  });

  it('with names, only those clusters are looked at, and no temp files', () => {
    const temp = [{ path: '/tmp/kindling-abc123', name: 'kindling-abc123', directory: true, modified: '2026-03-01T09:00:00.000Z' }];
    const plan = planPrune(facts([k3dCluster('a'), k3dCluster('b'), { names: ['b', 'mine'], temp }, kindCluster('mine')]));
    expect(new Set(plan.containers.map((c) => c.cluster))).toEqual(new Set(['b']));
    expect(plan.tempFiles).toEqual([]);
  });
});

describe('planPrune: the journal', () => {
  it('rolls back an interrupted first up: its objects, its engine process, its merged context, its store entry and lock', () => {
    const cluster = held('new', 'kind', {
      existedBefore: false,
      lock: deadLock('up'),
      operation: orphanedUp({ engine: { pid: 777, command: ['/usr/local/bin/kind', 'create', 'cluster', '--name', 'new'] } }),
      merged: { file: '/home/u/.kube/config', context: 'kind-new' },
    });
    const plan = planPrune(facts([kindCluster('new'), kindCluster('mine'), { clusters: [cluster] }]));
    const reason = 'cluster new: "up" (operation op-1) interrupted after 4 of 10 steps, rolled back';
    expect(plan.containers).toEqual([expect.objectContaining({ name: 'new-control-plane', reason })]);
    expect(plan.processes).toEqual([{ name: '/usr/local/bin/kind create cluster --name new', pid: 777, cluster: 'new', reason }]);
    expect(plan.kubeconfigEntries).toEqual([{ name: 'kind-new', file: '/home/u/.kube/config', cluster: 'new', reason }]);
    expect(plan.storeEntries).toEqual([{ name: 'clusters/new', cluster: 'new', action: 'remove-cluster', reason }]);
    expect(names(plan.locks)).toEqual(['new']);
  });

  it('does not signal a pid that now runs something other than the engine', () => {
    const cluster = held('new', 'kind', {
      existedBefore: false,
      operation: orphanedUp({ engine: { pid: 777, command: ['/usr/bin/vim'] } }),
    });
    const plan = planPrune(facts([{ clusters: [cluster] }]));
    expect(plan.processes).toEqual([]);
    expect(plan.notes).toEqual(['cluster new: pid 777 is no longer its engine (/usr/bin/vim): left alone']);
    expect(plan.storeEntries.map((e) => e.action)).toEqual(['remove-cluster']);
  });

  it('an up that is still running, kept with --retain, or interrupted on a cluster that existed keeps its objects', () => {
    const running = held('a', 'k3d', { existedBefore: false, operation: orphanedUp({ orphaned: false }) });
    const retained = held('b', 'k3d', { existedBefore: false, operation: orphanedUp({ retain: true }) });
    const existing = held('c', 'k3d', { operation: orphanedUp() });
    const plan = planPrune(facts([k3dCluster('a'), k3dCluster('b'), k3dCluster('c'), { clusters: [running, retained, existing] }]));
    expect([plan.containers, plan.networks, plan.volumes]).toEqual([[], [], []]);
    expect(plan.storeEntries.map((e) => `${e.cluster} ${e.action}`)).toEqual(['b clear-operation', 'c clear-operation']);
    expect(plan.notes).toContain('cluster c: an interrupted "up" may have left it part-done: run `kindling status c`');
  });

  it('finishes an interrupted down: objects swept, the entry retired', () => {
    const cluster = held('old', 'k3d', { lock: deadLock('down'), operation: orphanedUp({ op: 'down', intended: 6, completed: 1 }) });
    const plan = planPrune(facts([k3dCluster('old'), { clusters: [cluster] }]));
    expect(names(plan.containers)).toHaveLength(3);
    expect(names(plan.networks)).toEqual(['k3d-old']);
    expect(plan.storeEntries).toEqual([expect.objectContaining({ name: 'clusters/old', action: 'retire-cluster' })]);
    expect(plan.processes).toEqual([]);
  });

  it('another interrupted operation loses only its lock and record, with a note to look at the cluster', () => {
    const cluster = held('dev', 'kind', { lock: deadLock('stop'), operation: orphanedUp({ op: 'stop' }) });
    const plan = planPrune(facts([kindCluster('dev'), { clusters: [cluster] }]));
    expect(plan.containers).toEqual([]);
    expect(plan.storeEntries).toEqual([expect.objectContaining({ name: 'clusters/dev/operation', action: 'clear-operation' })]);
    expect(plan.locks).toEqual([{ name: 'dev', cluster: 'dev', reason: 'lock held by "stop", pid 4242 on box, which is gone' }]);
    expect(plan.notes).toEqual(['cluster dev: an interrupted "stop" may have left it part-done: run `kindling status dev`']);
  });

  it('an interrupted upgrade keeps its journal for --resume or --rollback; only its dead lock goes', () => {
    const cluster = held('dev', 'kind', {
      lock: deadLock('upgrade'),
      operation: orphanedUp({ op: 'upgrade', intended: 14, completed: 5 }),
    });
    const plan = planPrune(facts([kindCluster('dev'), { clusters: [cluster] }]));
    expect([plan.containers, plan.storeEntries]).toEqual([[], []]);
    expect(names(plan.locks)).toEqual(['dev']);
    expect(plan.notes).toEqual([
      'cluster dev: "upgrade" (operation op-1) interrupted after 5 of 14 steps: kept for `kindling upgrade dev --resume` or `kindling upgrade dev --rollback`',
    ]);
  });
});

describe('planPrune: locks', () => {
  it('removes a stale lock, keeps a live one (and everything of its cluster)', () => {
    const stale = held('a', 'kind', { lock: deadLock('start') });
    const live = { name: 'b', held: false, existedBefore: false, lock: { ...deadLock('up'), live: true } };
    const plan = planPrune(facts([k3dCluster('b'), { clusters: [stale, live] }]));
    expect(names(plan.locks)).toEqual(['a']);
    expect(plan.containers).toEqual([]);
  });

  it("keeps a dead up's lock on a cluster the store holds (the only sign it is half-done) and says what to run", () => {
    const plan = planPrune(
      facts([
        { clusters: [held('a', 'kind', { lock: deadLock('up') }), { name: 'b', held: false, existedBefore: false, lock: deadLock('up') }] },
      ]),
    );
    expect(names(plan.locks)).toEqual(['b']);
    expect(plan.notes).toEqual(['cluster a: an interrupted "up" left it half-done: run `kindling down a`']);
  });
});

describe('planPrune: registries and temp files', () => {
  const registry = (name: string, networks: string[] = []) =>
    container(name, { 'dev.kindling.managed': 'true', 'dev.kindling.registry': name, 'dev.kindling.operation': 'x' }, networks);

  it('removes a kindling registry with no users or no record, keeps a used, shared or unlabelled one', () => {
    const plan = planPrune(
      facts([
        { containers: [registry('r-unused'), registry('r-norecord'), registry('r-used'), registry('r-shared'), container('r-user', {})] },
        { clusters: [held('dev', 'kind')] },
        {
          registries: [
            { name: 'r-unused', users: ['gone'], createdBy: 'kindling', shared: false },
            { name: 'r-used', users: ['dev', 'gone'], createdBy: 'kindling', shared: false },
            { name: 'r-shared', users: [], createdBy: 'kindling', shared: true },
            { name: 'r-user', users: [], createdBy: 'user', shared: false },
          ],
        },
      ]),
    );
    expect(names(plan.containers)).toEqual(['r-norecord', 'r-unused']);
    expect(plan.storeEntries.map((e) => `${e.name} ${e.action} ${e.users}`)).toEqual([
      'registries/r-unused.json remove-registry gone',
      'registries/r-used.json drop-registry-users gone',
    ]);
  });

  it('a registry whose last user is rolled back goes; one that stays leaves the removed network first', () => {
    const up = held('new', 'k3d', { existedBefore: false, operation: orphanedUp() });
    const plan = planPrune(
      facts([
        k3dCluster('new'),
        { containers: [registry('r1', ['k3d-new']), registry('r2', ['k3d-new', 'bridge'])] },
        { clusters: [up, held('dev', 'k3d')] },
        {
          registries: [
            { name: 'r1', users: ['new'], createdBy: 'kindling', shared: false },
            { name: 'r2', users: ['new', 'dev'], createdBy: 'kindling', shared: false },
          ],
        },
      ]),
    );
    expect(names(plan.containers)).toContain('r1');
    expect(names(plan.containers)).not.toContain('r2');
    expect(plan.detach).toEqual([{ network: 'k3d-new', container: 'r2' }]);
  });

  it('removes kindling temp folders and the network lock untouched for an hour, nothing else', () => {
    const t = (name: string, minutesAgo: number, directory = true) => ({
      path: `/tmp/${name}`,
      name,
      directory,
      modified: new Date(new Date(NOW).getTime() - minutesAgo * 60_000).toISOString(),
    });
    const temp = [
      t('kindling-old123', 61),
      t('kindling-new123', 59),
      t('kindling-it-abc123', 600),
      t('kindling-kind-network.lock', 120, false),
      t('kindling-abcdef', 600, false),
    ];
    expect(names(planPrune(facts([{ temp }])).tempFiles)).toEqual(['/tmp/kindling-old123', '/tmp/kindling-kind-network.lock']);
  });
});
