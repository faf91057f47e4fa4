// Generators of Kubernetes objects for property tests. User fields are marked by keys starting with `x` (no
// cleaning rule knows such a key); fields that have a default get default and non-default values; server-written
// metadata and status are sprinkled in.
import fc from 'fast-check';
import type { KubeObject } from '../../../../src/export/kube-object.js';

type Map = Record<string, unknown>;

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const userKey = fc.stringMatching(/^x[A-Za-z0-9_.-]{0,8}$/);
const userFields = fc.dictionary(userKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
const userLabels = fc.dictionary(fc.stringMatching(/^(example\.com\/)?x[a-z0-9-]{0,8}$/), fc.string({ maxLength: 8 }), { maxKeys: 3 });
/** A record with some keys left out, plus user fields. */
const withUserFields = <T extends Map>(arb: fc.Arbitrary<T>) => fc.tuple(arb, userFields).map(([fields, user]) => ({ ...user, ...fields }));
const some = <T extends Map>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }, required: Array<keyof T> = []) =>
  fc.record(model, { requiredKeys: required });

/** The metadata fields the generators may fill in as a server would. */
export const SERVER_META = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
  'ownerReferences',
  'deletionTimestamp',
];

const metadata = some(
  {
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
    namespace: pick('shop', 'web'),
    labels: userLabels,
    annotations: fc
      .tuple(
        userLabels,
        some({ 'kubectl.kubernetes.io/last-applied-configuration': pick('{}'), 'deployment.kubernetes.io/revision': pick('3') }),
      )
      .map(([a, b]) => ({ ...a, ...b })),
    uid: fc.uuid(),
    resourceVersion: fc.nat().map(String),
    generation: fc.nat(),
    creationTimestamp: pick('2026-01-01T00:00:00Z'),
    managedFields: pick([{ manager: 'kube-controller-manager', operation: 'Update', fieldsV1: { 'f:status': {} } }]),
    finalizers: fc.subarray(['kubernetes.io/pvc-protection', 'example.com/x-keep']),
  },
  ['name'],
).chain((meta) => userFields.map((user) => ({ ...user, ...meta })));

const container = withUserFields(
  some(
    {
      name: pick('app', 'side'),
      image: pick('app', 'app:1', 'app:latest', 'localhost:5001/app'),
      imagePullPolicy: pick('Always', 'IfNotPresent', 'Never'),
      terminationMessagePath: pick('/dev/termination-log', '/tmp/log'),
      terminationMessagePolicy: pick('File', 'FallbackToLogsOnError'),
      resources: pick({}, { limits: { cpu: '1' } }),
      securityContext: pick({}, { runAsNonRoot: true }),
      ports: fc.array(
        withUserFields(some({ containerPort: fc.integer({ min: 1, max: 65535 }), protocol: pick('TCP', 'UDP') }, ['containerPort'])),
        { maxLength: 2 },
      ),
      readinessProbe: withUserFields(
        some({
          periodSeconds: pick(10, 3),
          timeoutSeconds: pick(1, 2),
          httpGet: some({ path: pick('/'), port: pick(80), scheme: pick('HTTP', 'HTTPS') }),
        }),
      ),
    },
    ['name', 'image'],
  ),
);

const podSpec = withUserFields(
  some(
    {
      containers: fc.array(container, { minLength: 1, maxLength: 2 }),
      dnsPolicy: pick('ClusterFirst', 'Default', 'None'),
      restartPolicy: pick('Always', 'OnFailure'),
      schedulerName: pick('default-scheduler', 'mine'),
      terminationGracePeriodSeconds: pick(30, 5),
      enableServiceLinks: fc.boolean(),
      securityContext: pick({}, { fsGroup: 2000 }),
      serviceAccountName: pick('web'),
      serviceAccount: pick('web', 'old'),
      volumes: fc.array(
        withUserFields(some({ name: pick('cfg'), configMap: some({ name: pick('cfg'), defaultMode: pick(420, 256) }) }, ['name'])),
        { maxLength: 1 },
      ),
    },
    ['containers'],
  ),
);

const deployment = fc
  .record({
    spec: withUserFields(
      some({
        replicas: fc.nat(5),
        revisionHistoryLimit: pick(10, 3),
        progressDeadlineSeconds: pick(600, 60),
        strategy: pick({ type: 'RollingUpdate' }, { type: 'Recreate' }),
        template: some({ metadata: some({ labels: userLabels, creationTimestamp: pick(null) }), spec: podSpec }, ['spec']),
      }),
    ),
  })
  .map((o) => ({ apiVersion: 'apps/v1', kind: 'Deployment', ...o }));

/** Services, with or without node ports, of every type. */
export const service = fc
  .record({
    spec: withUserFields(
      some({
        type: pick('ClusterIP', 'NodePort', 'LoadBalancer'),
        clusterIP: pick('10.96.0.9', 'None'),
        sessionAffinity: pick('None', 'ClientIP'),
        ports: fc.array(
          withUserFields(
            some(
              {
                port: fc.integer({ min: 1, max: 65535 }),
                protocol: pick('TCP', 'UDP'),
                targetPort: fc.oneof(fc.integer({ min: 1, max: 65535 }), pick('http')),
                nodePort: fc.integer({ min: 30000, max: 32767 }),
              },
              ['port'],
            ),
          ),
          { maxLength: 3 },
        ),
      }),
    ),
  })
  .map((o) => ({ apiVersion: 'v1', kind: 'Service', ...o }));

const customResource = fc.record({ spec: userFields }).map((o) => ({ apiVersion: 'example.com/v1', kind: 'Widget', ...o }));

/** Deployments, Services and custom resources, with user fields, server metadata and maybe a status. */
export const object: fc.Arbitrary<KubeObject> = fc
  .tuple(fc.oneof(deployment, service, customResource), metadata, userFields, fc.option(fc.jsonValue({ maxDepth: 1 }), { nil: undefined }))
  .map(([body, meta, user, status]) => ({ ...user, ...body, metadata: meta, ...(status !== undefined && { status }) }) as KubeObject);
