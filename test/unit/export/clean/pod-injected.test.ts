import { describe, expect, it } from 'vitest';
import { cleanPodInjected } from '../../../../src/export/clean/pod-injected.js';
import { applied } from './apply-rule.js';

const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const ACCESS_VOLUME = { name: 'kube-api-access-x7k2q', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } };
const ACCESS_MOUNT = { name: 'kube-api-access-x7k2q', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true };

describe('cleanPodInjected', () => {
  it('removes nodeName, priority and the injected kube-api-access volume with its mounts', () => {
    const live = pod({
      nodeName: 'kind-worker',
      priority: 0,
      containers: [{ name: 'a', volumeMounts: [{ name: 'data', mountPath: '/data' }, ACCESS_MOUNT] }],
      initContainers: [{ name: 'init', volumeMounts: [ACCESS_MOUNT] }],
      volumes: [{ name: 'data', emptyDir: {} }, ACCESS_VOLUME],
    });
    expect(applied(cleanPodInjected, live)).toEqual(
      pod({
        containers: [{ name: 'a', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        initContainers: [{ name: 'init' }],
        volumes: [{ name: 'data', emptyDir: {} }],
      }),
    );
  });

  it("removes legacy token secret volumes of the pod's service account or default", () => {
    const live = pod({
      serviceAccountName: 'web',
      containers: [
        {
          name: 'a',
          volumeMounts: [
            { name: 'web-token-abcde', mountPath: '/t' },
            { name: 'default-token-zz9zz', mountPath: '/u' },
          ],
        },
      ],
      volumes: [
        { name: 'web-token-abcde', secret: { secretName: 'web-token-abcde' } },
        { name: 'default-token-zz9zz', secret: { secretName: 'default-token-zz9zz' } },
      ],
    });
    expect(applied(cleanPodInjected, live)).toEqual(pod({ serviceAccountName: 'web', containers: [{ name: 'a' }] }));
  });

  it('keeps volumes a user named alike but of another kind or another account', () => {
    const chosen = pod({
      containers: [{ name: 'a' }],
      volumes: [
        { name: 'kube-api-access-mine1', emptyDir: {} },
        { name: 'other-token-abcde', secret: { secretName: 'other-token-abcde' } },
        { name: 'kube-api-access-toolong', projected: { sources: [] } },
      ],
    });
    expect(applied(cleanPodInjected, chosen)).toEqual(chosen);
  });

  it('touches only Pods', () => {
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { nodeName: 'x', priority: 1 } };
    expect(applied(cleanPodInjected, deployment)).toEqual(deployment);
  });
});
