import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { containerProbes, containerResources } from '../../../../src/export/report/container-rules.js';
import { deployment } from '../rewrite/fixtures.js';
import { ruleContext } from './rule-context.js';

const probe = { httpGet: { path: '/healthz', port: 8080 } };
const resourcesFix = 'set resources.requests for cpu and memory, and resources.limits for memory';

describe('containerResources', () => {
  it('names what is missing per regular container; init containers are not checked', () => {
    const o = deployment(
      'web',
      [
        { name: 'none', image: 'a:1' },
        { name: 'requests-only', image: 'a:1', resources: { requests: { cpu: '100m' }, limits: {} } },
        { name: 'both', image: 'a:1', resources: { requests: { cpu: '100m' }, limits: { memory: '128Mi' } } },
      ],
      { initContainers: [{ name: 'init', image: 'a:1' }] },
    );
    expect(containerResources(ruleContext(o))).toEqual([
      { severity: 'warning', rule: 'container-resources', container: 'none', message: 'no resource requests or limits', fix: resourcesFix },
      { severity: 'warning', rule: 'container-resources', container: 'requests-only', message: 'no resource limits', fix: resourcesFix },
    ]);
  });
});

describe('containerProbes', () => {
  const fix = 'add a readinessProbe so traffic waits for the container, and a livenessProbe so a hung one restarts';

  it('names the missing probes', () => {
    const o = deployment('web', [
      { name: 'none', image: 'a:1' },
      { name: 'ready', image: 'a:1', readinessProbe: probe },
      { name: 'both', image: 'a:1', readinessProbe: probe, livenessProbe: probe },
    ]);
    expect(containerProbes(ruleContext(o))).toEqual([
      { severity: 'warning', rule: 'container-probes', container: 'none', message: 'no readinessProbe or livenessProbe', fix },
      { severity: 'warning', rule: 'container-probes', container: 'ready', message: 'no livenessProbe', fix },
    ]);
  });

  it('batch workloads are exempt', () => {
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate' },
      spec: { template: { spec: { containers: [{ name: 'migrate', image: 'a:1' }] } } },
    };
    expect(containerProbes(ruleContext(job))).toEqual([]);
  });
});
