import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { singleReplica } from '../../../../src/export/report/availability-rules.js';
import { deployment } from '../rewrite/fixtures.js';
import { ruleContext } from './rule-context.js';

const pdb = (namespace: string, app: string): KubeObject => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: app, namespace },
  spec: { minAvailable: 1, selector: { matchLabels: { app } } },
});

const hpa = (minReplicas: number): KubeObject => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas, maxReplicas: 5 },
});

const finding = {
  severity: 'warning',
  rule: 'single-replica',
  message: '1 replica and no PodDisruptionBudget: a node drain (upgrade, pool rotation) takes it down',
  fix: 'run at least 2 replicas and add a PodDisruptionBudget (minAvailable: 1) that selects its pods',
};

describe('singleReplica', () => {
  const web = deployment('web', [{ name: 'web', image: 'a:1' }]);
  const run = (o: KubeObject, others: KubeObject[] = []) => singleReplica(ruleContext(o, { objects: [o, ...others] }));

  it('warns for an absent (defaulted) or explicit replicas: 1', () => {
    expect(run(web)).toEqual([finding]);
    expect(run(deployment('web', [], {}, 1))).toEqual([finding]);
  });

  it('no finding with more replicas, 0 replicas, a PDB selecting the pods, or an HPA keeping two', () => {
    expect(run(deployment('web', [], {}, 3))).toEqual([]);
    expect(run(deployment('web', [], {}, 0))).toEqual([]);
    expect(run(web, [pdb('shop', 'web')])).toEqual([]);
    expect(run(web, [hpa(2)])).toEqual([]);
  });

  it('a PDB in another namespace or for other pods does not count, nor an HPA with minReplicas 1', () => {
    expect(run(web, [pdb('other', 'web'), pdb('shop', 'db'), hpa(1)])).toEqual([finding]);
  });

  it('only Deployments and StatefulSets', () => {
    const daemonSet = { ...web, kind: 'DaemonSet' };
    expect(run(daemonSet)).toEqual([]);
  });
});
