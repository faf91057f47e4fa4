// The readiness stages, in order, each a check that says whether it is done and what it saw. Pure: the
// checks only call the KubeApi they are given.
import type { AddonDefinition } from '../addons/catalogue.js';
import type { ClusterSpec } from '../plan/cluster-spec.js';
import type { KubeApi } from '../runtime/kube-api.js';

/** What one look at a stage found. */
export interface StageObservation {
  done: boolean;
  /** A short account of what was seen, quoted when the stage times out. */
  saw: string;
}

/** One stage of readiness. */
export interface Stage {
  id: 'api' | 'nodes' | 'dns' | 'addons' | 'registry';
  title: string;
  check(api: KubeApi): Promise<StageObservation>;
}

/** The stages for a spec: API reachable, every node Ready, cluster DNS Available. (Add-on and registry
 * stages join when presets have add-ons and registries.) */
export function readinessStages(spec: ClusterSpec): Stage[] {
  const expected = spec.nodes.controlPlanes + spec.nodes.workers;
  return [
    {
      id: 'api',
      title: 'API server reachable',
      async check(api) {
        return { done: true, saw: `API server ${await api.version()}` };
      },
    },
    {
      id: 'nodes',
      title: `all ${expected} node${expected === 1 ? '' : 's'} Ready`,
      async check(api) {
        const nodes = await api.listNodes();
        const notReady = nodes.filter((n) => !n.ready).map((n) => n.name);
        const saw = `${nodes.length - notReady.length} of ${nodes.length} nodes Ready (expecting ${expected})${notReady.length ? `; not Ready: ${notReady.join(', ')}` : ''}`;
        return { done: nodes.length >= expected && notReady.length === 0, saw };
      },
    },
    {
      id: 'dns',
      title: 'CoreDNS Available',
      async check(api) {
        const d = await api.deployment('kube-system', 'coredns');
        if (!d) return { done: false, saw: 'deployment kube-system/coredns does not exist yet' };
        return { done: d.availableCondition && d.available >= d.desired, saw: `coredns: ${d.available}/${d.desired} available` };
      },
    },
    ...(spec.addons?.length ? [addonsStage(spec.addons)] : []),
  ];
}

function addonsStage(addons: readonly AddonDefinition[]): Stage {
  const wanted = addons.flatMap((a) => a.ready);
  return {
    id: 'addons',
    title: `add-ons Available (${addons.map((a) => a.name).join(', ')})`,
    async check(api) {
      const states = await Promise.all(
        wanted.map(async (w) => {
          const d = await api.deployment(w.namespace, w.deployment);
          return { w, ok: d !== undefined && d.availableCondition && d.available >= d.desired, seen: d ? `${d.available}/${d.desired}` : 'missing' };
        }),
      );
      const waiting = states.filter((s) => !s.ok);
      return { done: waiting.length === 0, saw: waiting.length === 0 ? `${wanted.length} add-on deployment(s) available` : `waiting for ${waiting.map((s) => `${s.w.namespace}/${s.w.deployment} (${s.seen})`).join(', ')}` };
    },
  };
}
