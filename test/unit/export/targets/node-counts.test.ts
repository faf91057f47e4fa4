import { describe, expect, it } from 'vitest';
import { controlPlaneChange, etcdQuorumFindings, workerNodesFor, workloadNodeCount } from '../../../../src/export/targets/node-counts.js';
import { K3D_AGENTS, KIND_DEFAULT, KIND_HA } from './fixtures.js';

describe('workloadNodeCount', () => {
  it('is the workers, or the control planes when there are none', () => {
    expect(workloadNodeCount(KIND_HA)).toBe(2);
    expect(workloadNodeCount(K3D_AGENTS)).toBe(3);
    expect(workloadNodeCount(KIND_DEFAULT)).toBe(1);
    expect(workloadNodeCount({ ...KIND_DEFAULT, controlPlanes: 3 })).toBe(3);
  });
});

describe('workerNodesFor', () => {
  it('says so when the control planes ran the workloads', () => {
    expect(workerNodesFor('eks', KIND_HA)).toEqual({ count: 2, findings: [] });
    expect(workerNodesFor('eks', KIND_DEFAULT)).toEqual({
      count: 1,
      findings: [
        {
          severity: 'info',
          code: 'nodes-changed',
          message:
            'eks: the dev cluster runs workloads on its 1 control-plane node(s) and has no workers; planned 1 worker node(s) because eks control planes do not run workloads',
        },
      ],
    });
  });
});

describe('etcdQuorumFindings', () => {
  it('warns about an even number of control planes only', () => {
    expect(etcdQuorumFindings('kops', 3)).toEqual([]);
    expect(etcdQuorumFindings('kops', 2)).toEqual([
      {
        severity: 'warning',
        code: 'etcd-quorum',
        message: 'kops: 2 control-plane nodes give etcd no more failure tolerance than 1; use an odd number',
      },
    ]);
  });
});

describe('controlPlaneChange', () => {
  it('reports a count the target fixed', () => {
    expect(controlPlaneChange('openshift', KIND_HA, 3)).toEqual([]);
    expect(controlPlaneChange('openshift', KIND_DEFAULT, 3)[0]?.message).toBe(
      'openshift: the dev cluster has 1 control-plane node(s); openshift gets 3, the nearest count it supports',
    );
  });
});
