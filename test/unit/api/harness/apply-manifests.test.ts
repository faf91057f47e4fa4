import { describe, expect, it } from 'vitest';
import { manifestObjects, waitObjectsReady } from '../../../../src/api/harness/apply-manifests.js';
import { InvalidInputError, TimedOutError } from '../../../../src/errors.js';
import { FakeKubeApi } from '../../../support/unit/fake-kube-api.js';
import { rejection } from '../../../support/unit/thrown.js';

const yaml = `apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: demo }
---
apiVersion: v1
kind: Namespace
metadata: { name: demo }
---
`;

describe('manifestObjects', () => {
  it('reads YAML documents, objects and Lists; Namespaces and CRDs first, the rest in the order given', () => {
    const objects = manifestObjects([
      yaml,
      { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'demo' } }] },
    ]);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Namespace/demo', 'ConfigMap/settings', 'Secret/s']);
  });

  it('refuses something that is not a Kubernetes object, naming which', () => {
    let thrown: unknown;
    try {
      manifestObjects([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }, { kind: 'Pod' }]);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect(thrown).toMatchObject({
      exitCode: 2,
      message: 'manifest object #2 is not a Kubernetes object: it needs apiVersion, kind and metadata.name',
    });
  });
});

describe('waitObjectsReady', () => {
  const refs = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'demo' }];
  const clock = () => {
    let t = 0;
    return { now: () => t, sleep: async (ms: number) => void (t += ms) };
  };

  it('polls until the objects are ready', async () => {
    const api = new FakeKubeApi();
    let polls = 0;
    const get = api.get.bind(api);
    api.get = async (ref) => {
      if (++polls === 3) {
        api.seed({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'demo' },
          spec: { replicas: 1 },
          status: { availableReplicas: 1 },
        });
      }
      return get(ref);
    };
    await waitObjectsReady(api, refs, 10_000, clock());
    expect(polls).toBe(3);
  });

  it('times out (exit 7) naming what is not ready and why', async () => {
    const api = new FakeKubeApi().seed({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'demo' },
      spec: { replicas: 2 },
      status: { availableReplicas: 1 },
    });
    const err = await rejection(waitObjectsReady(api, refs, 3_000, clock()));
    expect(err).toBeInstanceOf(TimedOutError);
    expect(err).toMatchObject({ exitCode: 7, message: 'not ready after 3s: Deployment web -n demo (1/2 available)' });
  });
});
