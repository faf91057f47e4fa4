// One application of a user namespace, as a live k3d dev cluster holds it: what the user applied (ConfigMap,
// ServiceAccount, workload, Service, Ingress, claims) plus what controllers made from it (ReplicaSets, Pods,
// Jobs, ControllerRevisions, Endpoints, Events), which promote skips. Built by the seeded `r` only.
import { claimBinding } from './api-defaults.mjs';
import { applied, created, event } from './live-noise.mjs';

const NODES = ['k3d-dev-server-0', 'k3d-dev-agent-0', 'k3d-dev-agent-1'];

function image(r, ns, name) {
  const tag = `${1 + r.int(3)}.${r.int(20)}.${r.int(10)}`;
  return r.pick([
    `k3d-registry.localhost:5000/${ns}/${name}:${tag}`,
    `ghcr.io/example/${name}:v${tag}`,
    `docker.io/example/${name}:${tag}`,
    `example/${name}:latest`,
  ]);
}

function configMap(ns, name, labels, r) {
  const data = {
    LOG_LEVEL: r.pick(['debug', 'info', 'warn']),
    'app.properties': `server.port=8080\nfeature.flags=${r.hex(8)}\ncache.ttl=${r.int(600)}\n`,
  };
  return applied({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-config`, namespace: ns, labels }, data }, r);
}

function container(ns, name, r, port) {
  return {
    name,
    image: image(r, ns, name),
    ports: [{ name: 'http', containerPort: port }],
    env: [
      { name: 'APP_NAME', value: name },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ],
    envFrom: [{ configMapRef: { name: `${name}-config` } }],
    readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 5 },
    livenessProbe: { httpGet: { path: '/livez', port: 'http' } },
    resources: {
      requests: { cpu: `${50 * (1 + r.int(4))}m`, memory: `${64 * (1 + r.int(8))}Mi` },
      ...(r.chance(0.5) ? { limits: { memory: '512Mi' } } : {}),
    },
    volumeMounts: [{ name: 'config', mountPath: `/etc/${name}` }],
  };
}

/** A Pod a controller made from `template`, with what the scheduler and admission injected. */
function pod(owner, template, r, hashLabel) {
  const spec = structuredClone(template.spec);
  const access = `kube-api-access-${r.suffix(5)}`;
  spec.volumes = [
    ...(spec.volumes ?? []),
    { name: access, projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }] } },
  ];
  for (const c of spec.containers)
    c.volumeMounts = [
      ...(c.volumeMounts ?? []),
      { name: access, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
    ];
  Object.assign(spec, { nodeName: r.pick(NODES), priority: 0, enableServiceLinks: true, preemptionPolicy: 'PreemptLowerPriority' });
  const labels = { ...template.metadata.labels, ...hashLabel };
  const p = created(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${owner.metadata.name}-${r.suffix(5)}`, namespace: owner.metadata.namespace, labels },
      spec,
    },
    r,
    'kube-controller-manager',
    owner,
  );
  p.status = {
    phase: 'Running',
    podIP: `10.42.${r.int(3)}.${2 + r.int(250)}`,
    hostIP: `172.18.0.${2 + r.int(3)}`,
    qosClass: 'Burstable',
    startTime: p.metadata.creationTimestamp,
  };
  return p;
}

function service(ns, name, labels, selector, r, { type, headless, port }) {
  const spec = {
    ...(type ? { type } : {}),
    ...(headless ? { clusterIP: 'None' } : {}),
    selector,
    ports: [{ name: 'http', port, targetPort: 'http' }],
  };
  const lb = type === 'LoadBalancer' ? { ingress: [{ ip: '172.18.0.3', ipMode: 'VIP' }] } : {};
  const svc = applied({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, labels }, spec }, r, {
    status: { loadBalancer: lb },
  });
  const endpoints = created(
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, labels },
      subsets: [{ addresses: [{ ip: `10.42.0.${2 + r.int(250)}` }], ports: [{ name: 'http', port, protocol: 'TCP' }] }],
    },
    r,
    'k3s',
  );
  return [svc, endpoints];
}

function claim(ns, name, labels, r, size) {
  const spec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } };
  return applied({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: ns, labels }, spec }, r, {
    status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: size } },
    node: r.pick(NODES),
  });
}

/** A Deployment with its ReplicaSet, Pods, Events and (unless a worker) Service and Ingress; some with a claim. */
export function deploymentApp(ns, name, r, { worker = false, loadBalancer = false } = {}) {
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': ns };
  const selector = { 'app.kubernetes.io/name': name };
  const replicas = 1 + r.int(3);
  const withClaim = !worker && r.chance(0.3);
  const spec = {
    serviceAccountName: name,
    containers: [container(ns, name, r, 8080)],
    volumes: [{ name: 'config', configMap: { name: `${name}-config` } }],
  };
  if (withClaim) spec.volumes.push({ name: 'data', persistentVolumeClaim: { claimName: `${name}-data` } });
  const ready = { replicas, readyReplicas: replicas, availableReplicas: replicas, updatedReplicas: replicas, observedGeneration: 1 };
  const status = {
    ...ready,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', lastTransitionTime: r.time(), lastUpdateTime: r.time() },
    ],
  };
  const objects = [
    configMap(ns, name, labels, r),
    applied({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns, labels } }, r),
  ];
  if (withClaim) objects.push(claim(ns, `${name}-data`, labels, r, `${1 + r.int(10)}Gi`));
  const deploy = applied(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns, labels },
      spec: { replicas, selector: { matchLabels: selector }, template: { metadata: { labels }, spec } },
    },
    r,
    { status },
  );
  const hash = r.suffix(10);
  const template = structuredClone(deploy.spec.template);
  template.metadata.labels = { ...labels, 'pod-template-hash': hash };
  const rs = created(
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `${name}-${hash}`, namespace: ns, labels: template.metadata.labels },
      spec: { replicas, selector: { matchLabels: { ...selector, 'pod-template-hash': hash } }, template },
    },
    r,
    'kube-controller-manager',
    deploy,
  );
  rs.status = ready;
  objects.push(
    deploy,
    rs,
    pod(rs, template, r, {}),
    event(deploy, r, 'ScalingReplicaSet', `Scaled up replica set ${rs.metadata.name} to ${replicas}`),
  );
  if (worker) return objects;
  objects.push(...service(ns, name, labels, selector, r, { type: loadBalancer ? 'LoadBalancer' : undefined, port: 80 }));
  const host = `${name}.${ns}.localhost`;
  const rules = [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { name: 'http' } } } }] } }];
  objects.push(
    applied(
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name, namespace: ns, labels, annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'web' } },
        spec: { ingressClassName: 'traefik', rules },
      },
      r,
      { status: { loadBalancer: { ingress: [{ ip: '172.18.0.3' }] } } },
    ),
  );
  return objects;
}

/** A StatefulSet with its headless Service, ControllerRevision, Pods and one bound claim per replica. */
export function statefulApp(ns, name, r) {
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': ns, 'app.kubernetes.io/component': 'database' };
  const selector = { 'app.kubernetes.io/name': name };
  const replicas = 1 + r.int(3);
  const c = { ...container(ns, name, r, 5432), image: r.pick(['postgres:16.4', 'redis:7.4.1', 'docker.io/bitnami/mysql:8.4.2']) };
  c.volumeMounts.push({ name: 'data', mountPath: '/var/lib/data' });
  const volumeClaimTemplates = [
    { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } } },
  ];
  const spec = {
    replicas,
    serviceName: name,
    selector: { matchLabels: selector },
    template: {
      metadata: { labels },
      spec: { serviceAccountName: name, containers: [c], volumes: [{ name: 'config', configMap: { name: `${name}-config` } }] },
    },
    volumeClaimTemplates,
  };
  const status = {
    replicas,
    readyReplicas: replicas,
    currentReplicas: replicas,
    updatedReplicas: replicas,
    availableReplicas: replicas,
    observedGeneration: 1,
    currentRevision: `${name}-${r.hex(10)}`,
  };
  const objects = [
    configMap(ns, name, labels, r),
    applied({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns, labels } }, r),
  ];
  objects.push(...service(ns, name, labels, selector, r, { headless: true, port: 5432 }));
  const sts = applied({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace: ns, labels }, spec }, r, { status });
  objects.push(
    sts,
    created(
      {
        apiVersion: 'apps/v1',
        kind: 'ControllerRevision',
        metadata: { name: status.currentRevision, namespace: ns, labels },
        revision: 1,
        data: { spec: { template: sts.spec.template } },
      },
      r,
      'kube-controller-manager',
      sts,
    ),
  );
  for (let k = 0; k < replicas; k++) {
    const pvc = created(
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: `data-${name}-${k}`, namespace: ns, labels: selector },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
      },
      r,
      'kube-controller-manager',
    );
    claimBinding(pvc, r, r.pick(NODES));
    pvc.status = { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '5Gi' } };
    objects.push(pvc, pod(sts, sts.spec.template, r, { 'statefulset.kubernetes.io/pod-name': `${name}-${k}` }));
  }
  objects.push(event(sts, r, 'SuccessfulCreate', `create Pod ${name}-0 in StatefulSet ${name} successful`, 'statefulset-controller'));
  return objects;
}

/** A CronJob with the last Job it ran, that Job's Pod and an Event. */
export function cronApp(ns, name, r) {
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': ns };
  const template = {
    metadata: { labels },
    spec: {
      serviceAccountName: name,
      restartPolicy: 'OnFailure',
      containers: [
        {
          name,
          image: image(r, ns, name),
          args: ['--once', `--batch=${r.int(1000)}`],
          envFrom: [{ configMapRef: { name: `${name}-config` } }],
        },
      ],
    },
  };
  const spec = { schedule: `${r.int(60)} ${r.int(24)} * * *`, jobTemplate: { spec: { template } } };
  const objects = [
    configMap(ns, name, labels, r),
    applied({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns, labels } }, r),
  ];
  const cron = applied({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace: ns, labels }, spec }, r, {
    status: { lastScheduleTime: r.time(), lastSuccessfulTime: r.time() },
  });
  const jobTemplate = structuredClone(cron.spec.jobTemplate.spec.template);
  const job = created(
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: `${name}-${29_000_000 + r.int(100_000)}`, namespace: ns, labels },
      spec: { ...structuredClone(cron.spec.jobTemplate.spec), template: jobTemplate },
    },
    r,
    'kube-controller-manager',
    cron,
  );
  job.status = { succeeded: 1, startTime: r.time(), completionTime: r.time() };
  objects.push(
    cron,
    job,
    pod(job, jobTemplate, r, { 'batch.kubernetes.io/job-name': job.metadata.name }),
    event(cron, r, 'SawCompletedJob', `Saw completed job: ${job.metadata.name}`, 'cronjob-controller'),
  );
  return objects;
}
