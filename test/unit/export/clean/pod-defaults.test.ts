import { describe, expect, it } from 'vitest';
import { cleanPodDefaults, defaultPullPolicy } from '../../../../src/export/clean/pod-defaults.js';
import { applied } from './apply-rule.js';

const deployment = (podSpec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { template: { metadata: { labels: { app: 'web' } }, spec: podSpec } },
});

const LIVE_CONTAINER = {
  name: 'web',
  image: 'nginx:1.27',
  imagePullPolicy: 'IfNotPresent',
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  ports: [{ containerPort: 80, protocol: 'TCP' }],
  resources: {},
  securityContext: {},
  readinessProbe: {
    httpGet: { path: '/', port: 80, scheme: 'HTTP' },
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  },
};

describe('cleanPodDefaults', () => {
  it("removes the API server's defaults from a live Deployment's pod template", () => {
    const live = deployment({
      containers: [LIVE_CONTAINER],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      serviceAccount: 'web',
      serviceAccountName: 'web',
      volumes: [
        { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
        { name: 'host', hostPath: { path: '/data', type: '' } },
      ],
    });
    expect(applied(cleanPodDefaults, live)).toEqual(
      deployment({
        containers: [
          { name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { path: '/', port: 80 } } },
        ],
        serviceAccountName: 'web',
        volumes: [
          { name: 'cfg', configMap: { name: 'cfg' } },
          { name: 'host', hostPath: { path: '/data' } },
        ],
      }),
    );
  });

  it('keeps every value that differs from the default', () => {
    const chosen = deployment({
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          imagePullPolicy: 'Always',
          terminationMessagePolicy: 'FallbackToLogsOnError',
          ports: [{ containerPort: 53, protocol: 'UDP' }],
          resources: { limits: { cpu: '1' } },
          securityContext: { runAsNonRoot: true },
          livenessProbe: { exec: { command: ['true'] }, periodSeconds: 5, failureThreshold: 1 },
        },
      ],
      initContainers: [{ name: 'sidecar', image: 'envoy:1', restartPolicy: 'Always' }],
      dnsPolicy: 'None',
      restartPolicy: 'OnFailure',
      terminationGracePeriodSeconds: 5,
      enableServiceLinks: false,
      serviceAccount: 'legacy',
      volumes: [
        { name: 's', secret: { secretName: 's', defaultMode: 256 } },
        { name: 'h', hostPath: { path: '/x', type: 'Directory' } },
      ],
    });
    expect(applied(cleanPodDefaults, chosen)).toEqual(chosen);
  });

  it('a gRPC probe loses the default service "" the API server writes, and keeps a named one', () => {
    const probe = (grpc: Record<string, unknown>) => deployment({ containers: [{ name: 'api', image: 'api:1', livenessProbe: { grpc } }] });
    expect(applied(cleanPodDefaults, probe({ port: 9555, service: '' }))).toEqual(probe({ port: 9555 }));
    expect(applied(cleanPodDefaults, probe({ port: 9555, service: 'health' }))).toEqual(probe({ port: 9555, service: 'health' }));
  });

  it('removes imagePullPolicy only when it equals the default for the image', () => {
    const container = (image: string, imagePullPolicy: string) => ({ containers: [{ name: 'c', image, imagePullPolicy }] });
    expect(applied(cleanPodDefaults, deployment(container('app', 'Always'))).spec).toEqual(
      deployment({ containers: [{ name: 'c', image: 'app' }] }).spec,
    );
    expect(applied(cleanPodDefaults, deployment(container('app:latest', 'IfNotPresent')))).toEqual(
      deployment(container('app:latest', 'IfNotPresent')),
    );
    expect(applied(cleanPodDefaults, deployment(container('localhost:5001/app', 'Never')))).toEqual(
      deployment(container('localhost:5001/app', 'Never')),
    );
  });

  it('reaches Pods, Jobs and CronJobs, and leaves custom resources alone', () => {
    const podSpec = {
      containers: [{ name: 'c', image: 'busybox:1', terminationMessagePolicy: 'File' }],
      restartPolicy: 'Never',
      dnsPolicy: 'ClusterFirst',
    };
    const clean = { containers: [{ name: 'c', image: 'busybox:1' }], restartPolicy: 'Never' };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: podSpec };
    expect(applied(cleanPodDefaults, pod).spec).toEqual(clean);
    const cron = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { jobTemplate: { spec: { template: { spec: podSpec } } } },
    };
    expect(applied(cleanPodDefaults, cron).spec).toEqual({ jobTemplate: { spec: { template: { spec: clean } } } });
    const rollout = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'r' }, spec: { template: { spec: podSpec } } };
    expect(applied(cleanPodDefaults, rollout)).toEqual(rollout);
  });
});

describe('defaultPullPolicy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5001/app', 'Always'],
    ['k3d-reg.localhost:12345/team/app:v2', 'IfNotPresent'],
    ['registry.k8s.io/pause@sha256:0123', 'IfNotPresent'],
  ])('%s -> %s', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});
