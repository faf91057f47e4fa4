// The values the API server fills into objects it admits (what promote's cleaning rules remove again): pod and
// container defaults, workload strategies, Services' allocated IPs and node ports, claims' binding. Each function
// changes the object in place, as admission does.

const PROBE_DEFAULTS = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };

function pullPolicy(image) {
  const last = image.slice(image.lastIndexOf('/') + 1);
  return !last.includes(':') || last.endsWith(':latest') ? 'Always' : 'IfNotPresent';
}

function containerDefaults(c) {
  c.imagePullPolicy ??= pullPolicy(c.image);
  c.terminationMessagePath = '/dev/termination-log';
  c.terminationMessagePolicy = 'File';
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = c[key];
    if (probe === undefined) continue;
    Object.assign(probe, { ...PROBE_DEFAULTS, ...probe });
    if (probe.httpGet) probe.httpGet.scheme ??= 'HTTP';
  }
}

/** A pod template as the API server stores it. */
export function podTemplateDefaults(template) {
  template.metadata = { creationTimestamp: null, ...template.metadata };
  const spec = template.spec;
  Object.assign(spec, {
    dnsPolicy: 'ClusterFirst',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    ...spec,
  });
  spec.restartPolicy ??= 'Always';
  if (spec.serviceAccountName !== undefined) spec.serviceAccount = spec.serviceAccountName;
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) containerDefaults(c);
  for (const v of spec.volumes ?? []) {
    if (v.configMap) v.configMap.defaultMode ??= 420;
    if (v.secret) v.secret.defaultMode ??= 420;
  }
}

/** Deployment, StatefulSet and CronJob defaults, pod template included. */
export function workloadDefaults(o) {
  const spec = o.spec;
  if (o.kind === 'Deployment') {
    Object.assign(spec, {
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      ...spec,
    });
  }
  if (o.kind === 'StatefulSet') {
    Object.assign(spec, {
      podManagementPolicy: 'OrderedReady',
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      ...spec,
    });
    for (const claim of spec.volumeClaimTemplates ?? []) {
      claim.metadata = { creationTimestamp: null, ...claim.metadata };
      claim.spec.volumeMode ??= 'Filesystem';
      claim.status = { phase: 'Pending' };
    }
  }
  if (o.kind === 'CronJob') {
    Object.assign(spec, { concurrencyPolicy: 'Allow', failedJobsHistoryLimit: 1, successfulJobsHistoryLimit: 3, suspend: false, ...spec });
    spec.jobTemplate.metadata = { creationTimestamp: null, ...spec.jobTemplate.metadata };
    Object.assign(spec.jobTemplate.spec, {
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
    });
  }
  podTemplateDefaults(o.kind === 'CronJob' ? spec.jobTemplate.spec.template : spec.template);
}

/** A Service with its cluster IPs, single-stack families and (NodePort/LoadBalancer) allocated node ports. */
export function serviceDefaults(o, r) {
  const spec = o.spec;
  if (spec.clusterIP !== 'None') spec.clusterIP = `10.43.${r.int(256)}.${1 + r.int(254)}`;
  spec.clusterIPs = [spec.clusterIP];
  Object.assign(spec, {
    type: 'ClusterIP',
    sessionAffinity: 'None',
    internalTrafficPolicy: 'Cluster',
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    ...spec,
  });
  const exposed = spec.type === 'LoadBalancer' || spec.type === 'NodePort';
  if (exposed) Object.assign(spec, { externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true, ...spec });
  for (const p of spec.ports) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port;
    if (exposed) p.nodePort ??= 30000 + r.int(2768);
  }
}

/** A claim the local-path provisioner bound: volume name, binding annotations, protection finalizer. */
export function claimBinding(o, r, node) {
  o.metadata.annotations = {
    ...o.metadata.annotations,
    'pv.kubernetes.io/bind-completed': 'yes',
    'pv.kubernetes.io/bound-by-controller': 'yes',
    'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    'volume.kubernetes.io/selected-node': node,
    'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
  };
  o.metadata.finalizers = ['kubernetes.io/pvc-protection'];
  o.spec.storageClassName ??= 'local-path';
  o.spec.volumeMode ??= 'Filesystem';
  o.spec.volumeName = `pvc-${r.uid()}`;
}
