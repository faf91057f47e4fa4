// Turns an object as the user wrote it into the object `kubectl get -o yaml` prints from a cluster: uid,
// resourceVersion, generation, creationTimestamp, managedFields (fieldsV1 derived from the fields themselves),
// the kubectl last-applied annotation, owner references for what controllers create, and status. Everything
// random comes from the seeded `r`, so the noise is the same on every run.
import { claimBinding, serviceDefaults, workloadDefaults } from './api-defaults.mjs';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'CronJob', 'ReplicaSet', 'Job']);
const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

// The keys server-side apply uses for list items: volume mounts by path, ports by port and protocol, else name.
function itemKey(item) {
  if ('mountPath' in item) return { mountPath: item.mountPath };
  if ('containerPort' in item) return { containerPort: item.containerPort, protocol: item.protocol ?? 'TCP' };
  if ('port' in item) return { port: item.port, protocol: item.protocol ?? 'TCP' };
  if ('name' in item) return { name: item.name };
  return undefined;
}

/** The fieldsV1 tree a manager owns when it set every field of `value`. */
export function fieldsOf(value) {
  if (Array.isArray(value)) {
    const keyed = value.filter(isMap).map((item) => [itemKey(item), item]);
    if (keyed.length === 0 || keyed.some(([key]) => key === undefined)) return {};
    return Object.fromEntries(keyed.map(([key, item]) => [`k:${JSON.stringify(key)}`, { '.': {}, ...fieldsOf(item) }]));
  }
  if (!isMap(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [`f:${k}`, isMap(v) && Object.keys(v).length > 0 ? { '.': {}, ...fieldsOf(v) } : fieldsOf(v)]),
  );
}

function managedEntry(o, manager, fields, time, subresource) {
  return {
    apiVersion: o.apiVersion,
    fieldsType: 'FieldsV1',
    fieldsV1: fields,
    manager,
    operation: 'Update',
    ...(subresource ? { subresource } : {}),
    time,
  };
}

function userFields(o) {
  const { apiVersion, kind, metadata, ...rest } = o;
  const { name, namespace, ...meta } = metadata;
  return fieldsOf({ metadata: meta, ...rest });
}

/** `o` after `kubectl apply` and admission: last-applied, identity, managedFields, API defaults, then `status`. */
export function applied(o, r, { status, statusManager = 'kube-controller-manager', node = 'k3d-dev-agent-0' } = {}) {
  const authored = JSON.stringify(o);
  const created = r.time();
  const fields = userFields(o);
  fields['f:metadata'] = {
    ...fields['f:metadata'],
    'f:annotations': { '.': {}, [`f:${LAST_APPLIED}`]: {}, ...fields['f:metadata']?.['f:annotations'] },
  };
  o.metadata.annotations = { ...o.metadata.annotations, [LAST_APPLIED]: `${authored}\n` };
  Object.assign(o.metadata, { creationTimestamp: created, resourceVersion: String(1000 + r.int(9_000_000)), uid: r.uid() });
  if (WORKLOADS.has(o.kind)) o.metadata.generation = 1 + r.int(5);
  o.metadata.managedFields = [managedEntry(o, 'kubectl-client-side-apply', fields, created)];
  if (o.kind === 'Deployment') o.metadata.annotations['deployment.kubernetes.io/revision'] = String(o.metadata.generation);
  if (WORKLOADS.has(o.kind)) workloadDefaults(o);
  if (o.kind === 'Service') serviceDefaults(o, r);
  if (o.kind === 'PersistentVolumeClaim') claimBinding(o, r, node);
  if (o.kind === 'Namespace') o.spec = { finalizers: ['kubernetes'] };
  if (status !== undefined) {
    o.status = status;
    o.metadata.managedFields.push(managedEntry(o, statusManager, fieldsOf({ status }), r.time(), 'status'));
  }
  return o;
}

/** `o` as a controller created it: identity, a controller owner reference to `owner` (if any), its managedFields. */
export function created(o, r, manager, owner) {
  const time = r.time();
  Object.assign(o.metadata, { creationTimestamp: time, resourceVersion: String(1000 + r.int(9_000_000)), uid: r.uid() });
  if (owner !== undefined) {
    o.metadata.ownerReferences = [
      {
        apiVersion: owner.apiVersion,
        blockOwnerDeletion: true,
        controller: true,
        kind: owner.kind,
        name: owner.metadata.name,
        uid: owner.metadata.uid,
      },
    ];
  }
  o.metadata.managedFields = [managedEntry(o, manager, userFields(o), time)];
  return o;
}

/** An Event about `about`, as the cluster records it (skipped by promote: history, not configuration). */
export function event(about, r, reason, message, component = 'deployment-controller') {
  const time = r.time();
  const name = `${about.metadata.name}.${r.hex(16)}`;
  return created(
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: about.metadata.namespace },
      involvedObject: {
        apiVersion: about.apiVersion,
        kind: about.kind,
        name: about.metadata.name,
        namespace: about.metadata.namespace,
        uid: about.metadata.uid,
        resourceVersion: about.metadata.resourceVersion,
      },
      reason,
      message,
      type: 'Normal',
      count: 1 + r.int(4),
      firstTimestamp: time,
      lastTimestamp: time,
      source: { component },
      reportingComponent: component,
      reportingInstance: '',
    },
    r,
    component,
  );
}
