// Whether an applied object is ready, from the object as the API server returns it (pure): Deployments and
// ReplicaSets available, StatefulSets and DaemonSets rolled out, Pods ready (or done), Jobs complete, Namespaces
// active, CRDs established. Any other kind is ready once it exists.

/** Ready, waiting (and why), or failed for good (a failed Job or Pod). */
export type ObjectReadiness = { ready: true } | { ready: false; reason: string; failed?: boolean };

type Obj = Record<string, unknown>;
type Condition = { type?: string; status?: string; reason?: string; message?: string };

const num = (v: unknown, fallback = 0): number => (typeof v === 'number' ? v : fallback);
const field = (o: Obj, key: string): Obj => (o[key] && typeof o[key] === 'object' ? (o[key] as Obj) : {});
const conditions = (status: Obj): Condition[] => (Array.isArray(status.conditions) ? (status.conditions as Condition[]) : []);
const condition = (status: Obj, type: string) => conditions(status).find((c) => c.type === type);
const isTrue = (status: Obj, type: string) => condition(status, type)?.status === 'True';

const READY: ObjectReadiness = { ready: true };
const waiting = (reason: string): ObjectReadiness => ({ ready: false, reason });

/** The controller has seen the latest spec (metadata.generation). */
function observed(o: Obj): boolean {
  const generation = field(o, 'metadata').generation;
  return typeof generation !== 'number' || num(field(o, 'status').observedGeneration, -1) >= generation;
}

function replicas(o: Obj, readyField: string, noun: string): ObjectReadiness {
  const want = num(field(o, 'spec').replicas, 1);
  const have = num(field(o, 'status')[readyField]);
  if (!observed(o)) return waiting('its controller has not seen the latest spec');
  return have >= want ? READY : waiting(`${have}/${want} ${noun}`);
}

function pod(o: Obj): ObjectReadiness {
  const status = field(o, 'status');
  if (status.phase === 'Succeeded') return READY;
  if (status.phase === 'Failed')
    return { ready: false, reason: `failed: ${String(status.reason ?? status.message ?? 'Failed')}`, failed: true };
  return isTrue(status, 'Ready') ? READY : waiting(`phase ${String(status.phase ?? 'Pending')}, not Ready`);
}

function job(o: Obj): ObjectReadiness {
  const status = field(o, 'status');
  if (isTrue(status, 'Complete')) return READY;
  const failed = condition(status, 'Failed');
  if (failed?.status === 'True')
    return { ready: false, reason: `failed: ${failed.reason ?? ''} ${failed.message ?? ''}`.trim(), failed: true };
  return waiting(`${num(status.succeeded)} succeeded, not Complete`);
}

/** The readiness of `o` (undefined: it does not exist). */
export function objectReadiness(o: Obj | undefined): ObjectReadiness {
  if (o === undefined) return waiting('not found');
  const status = field(o, 'status');
  switch (o.kind) {
    case 'Deployment': {
      const r = replicas(o, 'availableReplicas', 'available');
      if (!r.ready) return r;
      const want = num(field(o, 'spec').replicas, 1);
      return num(status.updatedReplicas, want) >= want ? READY : waiting(`${num(status.updatedReplicas)}/${want} updated`);
    }
    case 'ReplicaSet':
      return replicas(o, 'availableReplicas', 'available');
    case 'StatefulSet':
      return replicas(o, 'readyReplicas', 'ready');
    case 'DaemonSet': {
      if (!observed(o)) return waiting('its controller has not seen the latest spec');
      const want = num(status.desiredNumberScheduled);
      const have = num(status.numberReady);
      return have >= want ? READY : waiting(`${have}/${want} ready`);
    }
    case 'Pod':
      return pod(o);
    case 'Job':
      return job(o);
    case 'Namespace':
      return status.phase === undefined || status.phase === 'Active' ? READY : waiting(`phase ${String(status.phase)}`);
    case 'CustomResourceDefinition':
      return isTrue(status, 'Established') ? READY : waiting('not Established');
    default:
      return READY;
  }
}
