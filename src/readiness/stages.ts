// The readiness stages, in order, each a check that says whether it is done and what it saw. Pure: the
// checks only call the KubeApi they are given.
import type { AddonDefinition } from '../addons/catalogue.js';
import type { ClusterSpec } from '../model/cluster-spec.js';
import type { KubeApi } from '../runtime/kube-api.js';
import { DEFAULT_STORAGE_CLASS } from '../configure/storage-class.js';
import { INGRESS_CONTROLLERS } from '../configure/ingress-classes.js';

/** What one look at a stage found. */
export interface StageObservation {
  done: boolean;
  /** A short account of what was seen, quoted when the stage times out. */
  saw: string;
}

/** One stage of readiness. */
export interface Stage {
  id: 'api' | 'nodes' | 'dns' | 'addons' | 'storage' | 'ingress';
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
    ...(spec.storage ? [storageStage(spec.storage)] : []),
    ...(spec.ingress ? [ingressStage(spec.ingress)] : []),
  ];
}

function storageStage(s: NonNullable<ClusterSpec['storage']>): Stage {
  return {
    id: 'storage',
    title: `StorageClass ${s.className}${s.default ? ' (default)' : ''}`,
    async check(api) {
      const sc = await api.get({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', name: s.className });
      if (!sc) return { done: false, saw: `StorageClass ${s.className} does not exist yet` };
      const isDefault = (sc.metadata as { annotations?: Record<string, string> }).annotations?.[DEFAULT_STORAGE_CLASS] === 'true';
      const saw = `StorageClass ${s.className}: ${String(sc.provisioner)}, ${String(sc.volumeBindingMode)}${isDefault ? ', default' : ''}`;
      return { done: sc.provisioner === s.provisioner && sc.volumeBindingMode === s.volumeBindingMode && isDefault === s.default, saw };
    },
  };
}

function ingressStage(i: NonNullable<ClusterSpec['ingress']>): Stage {
  return {
    id: 'ingress',
    title: `IngressClass ${i.className}`,
    async check(api) {
      const ic = await api.get({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', name: i.className });
      if (!ic) return { done: false, saw: `IngressClass ${i.className} does not exist yet` };
      const controller = (ic.spec as { controller?: string } | undefined)?.controller;
      return {
        done: controller === INGRESS_CONTROLLERS[i.controller],
        saw: `IngressClass ${i.className}: controller ${String(controller)}`,
      };
    },
  };
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
          return {
            w,
            ok: d?.availableCondition === true && d.available >= d.desired,
            seen: d ? `${d.available}/${d.desired}` : 'missing',
          };
        }),
      );
      const waiting = states.filter((s) => !s.ok);
      return {
        done: waiting.length === 0,
        saw:
          waiting.length === 0
            ? `${wanted.length} add-on deployment(s) available`
            : `waiting for ${waiting.map((s) => `${s.w.namespace}/${s.w.deployment} (${s.seen})`).join(', ')}`,
      };
    },
  };
}
