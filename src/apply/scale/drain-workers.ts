// Before a worker goes: cordon its Node (no new pods) and evict its pods through the Eviction API, so that
// PodDisruptionBudgets hold and controllers re-create the pods elsewhere, as `kubectl drain` does.
// DaemonSet pods and static (mirror) pods stay, as kubectl drain leaves them.
import { setTimeout as sleep } from 'node:timers/promises';
import { TimedOutError } from '../../errors.js';
import type { KubeApi } from '../../runtime/kube-api.js';
import type { Action } from '../action.js';
import { clusterApi } from './cluster-api.js';
import type { ScaleState } from './scale-state.js';

type Pod = {
  metadata?: { name?: string; namespace?: string; ownerReferences?: { kind?: string }[]; annotations?: Record<string, string> };
  spec?: { nodeName?: string };
};

const DRAIN_MS = 120_000;

/** The pods a drain must move off `node`. */
async function evictable(api: KubeApi, node: string): Promise<Pod[]> {
  const pods = (await api.list('v1', 'Pod')) as Pod[];
  return pods.filter(
    (p) =>
      p.spec?.nodeName === node &&
      !(p.metadata?.ownerReferences ?? []).some((o) => o.kind === 'DaemonSet') &&
      !p.metadata?.annotations?.['kubernetes.io/config.mirror'],
  );
}

/** The drain-workers step. Undone by making the nodes schedulable again. */
export const drainWorkers: Action<ScaleState> = {
  id: 'drain-workers',
  async run(ctx, state) {
    const api = await clusterApi(ctx, state.plan.name);
    for (const node of state.plan.remove) {
      await api.apply([{ apiVersion: 'v1', kind: 'Node', metadata: { name: node }, spec: { unschedulable: true } }]);
      const deadline = ctx.now().getTime() + DRAIN_MS;
      for (let left = await evictable(api, node); left.length > 0; left = await evictable(api, node)) {
        if (ctx.now().getTime() > deadline) {
          throw new TimedOutError(
            'drain',
            `node ${node} still runs ${left.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`).join(', ')} after ${DRAIN_MS / 1000}s`,
            'a PodDisruptionBudget may forbid the eviction: check `kubectl get pdb -A`',
          );
        }
        for (const p of left) await api.evict(p.metadata!.namespace!, p.metadata!.name!);
        await sleep(500);
      }
      ctx.logger.info(`drained ${node}`);
    }
  },
  async rollback(ctx, state) {
    const api = await clusterApi(ctx, state.plan.name);
    for (const node of state.plan.remove) {
      await api
        .apply([{ apiVersion: 'v1', kind: 'Node', metadata: { name: node }, spec: { unschedulable: false } }])
        .catch(() => undefined);
    }
  },
};
