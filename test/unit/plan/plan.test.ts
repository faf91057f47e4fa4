import { describe, expect, it } from 'vitest';
import { planUp, UP_ACTIONS } from '../../../src/plan/plan.js';
import { builtinPreset } from '../../support/unit/presets.js';

const KIND_IMAGE = `kindest/node:v1.36.1@${builtinPreset('kind').nodeImage.digests['v1.36.1']!}`;

describe('planUp: kind', () => {
  it('the kind preset as it ships: one control plane, API on 127.0.0.1 at a port kind picks', () => {
    const plan = planUp(builtinPreset('kind'), { name: 'dev' });
    expect(plan.apiVersion).toBe('kindling.dev/v1alpha1');
    expect(plan.kind).toBe('Plan');
    expect(plan.context).toBe('kind-dev');
    expect(plan.spec.name).toBe('dev');
    expect(plan.warnings).toEqual([]);
    expect(plan.engineConfig).toEqual({
      engine: 'kind',
      document: {
        kind: 'Cluster',
        apiVersion: 'kind.x-k8s.io/v1alpha4',
        name: 'dev',
        networking: { apiServerAddress: '127.0.0.1' },
        nodes: [{ role: 'control-plane', image: KIND_IMAGE }],
      },
    });
  });

  it('workers and ports: port mappings on the first control-plane node only', () => {
    const plan = planUp(builtinPreset('kind'), { name: 'dev', workers: 2, ports: ['8080:80', '0.0.0.0:5353:53/udp'] });
    expect(plan.engineConfig.document).toEqual({
      kind: 'Cluster',
      apiVersion: 'kind.x-k8s.io/v1alpha4',
      name: 'dev',
      networking: { apiServerAddress: '127.0.0.1' },
      nodes: [
        {
          role: 'control-plane',
          image: KIND_IMAGE,
          extraPortMappings: [
            { containerPort: 80, hostPort: 8080, listenAddress: '127.0.0.1', protocol: 'TCP' },
            { containerPort: 53, hostPort: 5353, listenAddress: '0.0.0.0', protocol: 'UDP' },
          ],
        },
        { role: 'worker', image: KIND_IMAGE },
        { role: 'worker', image: KIND_IMAGE },
      ],
    });
  });

  it('a fixed API server port and three control planes', () => {
    const preset = builtinPreset('kind', { apiServer: { address: '127.0.0.1', port: 6443 }, nodes: { controlPlanes: 3, workers: 0 } });
    const plan = planUp(preset, { name: 'ha' });
    expect(plan.engineConfig.document).toMatchObject({ networking: { apiServerAddress: '127.0.0.1', apiServerPort: 6443 } });
    if (plan.engineConfig.engine !== 'kind') throw new Error('kind plan expected');
    expect(plan.engineConfig.document.nodes.map((n) => n.role)).toEqual(['control-plane', 'control-plane', 'control-plane']);
    expect(plan.engineConfig.document.nodes.some((n) => 'extraPortMappings' in n)).toBe(false);
  });

  it('carries the spec warnings', () => {
    expect(planUp(builtinPreset('kind'), { name: 'dev', kubernetesVersion: 'v1.35.2' }).warnings).toEqual([
      'no digest is known for kindest/node:v1.35.2 in preset "kind": the image is not pinned',
    ]);
  });
});

describe('planUp: k3d', () => {
  it('the k3d preset: Simple document with kubeAPI on 127.0.0.1 and every container labelled', () => {
    const plan = planUp(builtinPreset('k3d'), { name: 'dev' });
    expect(plan.context).toBe('k3d-dev');
    expect(plan.engineConfig).toEqual({
      engine: 'k3d',
      document: {
        apiVersion: 'k3d.io/v1alpha5',
        kind: 'Simple',
        metadata: { name: 'dev' },
        servers: 1,
        agents: 0,
        image: 'rancher/k3s:v1.35.5-k3s1',
        kubeAPI: { host: '127.0.0.1', hostIP: '127.0.0.1' },
        options: {
          kubeconfig: { updateDefaultKubeconfig: false, switchCurrentContext: false },
          runtime: {
            labels: [
              { label: 'dev.kindling.managed=true', nodeFilters: ['all'] },
              { label: 'dev.kindling.cluster=dev', nodeFilters: ['all'] },
              { label: 'dev.kindling.preset=k3d', nodeFilters: ['all'] },
            ],
          },
        },
      },
    });
  });

  it('agents, ports on the load balancer (lower-case protocol), fixed API port as a string', () => {
    const preset = builtinPreset('k3d', { apiServer: { address: '127.0.0.1', port: 6550 } });
    const plan = planUp(preset, { name: 'dev', workers: 2, ports: ['8080:80', '0.0.0.0:5353:53/udp'] });
    expect(plan.engineConfig.document).toMatchObject({
      servers: 1,
      agents: 2,
      kubeAPI: { host: '127.0.0.1', hostIP: '127.0.0.1', hostPort: '6550' },
      ports: [
        { port: '127.0.0.1:8080:80/tcp', nodeFilters: ['loadbalancer'] },
        { port: '0.0.0.0:5353:53/udp', nodeFilters: ['loadbalancer'] },
      ],
    });
  });
});

describe('planUp: actions', () => {
  it('the up actions, in order', () => {
    expect(UP_ACTIONS).toEqual([
      'preflight',
      'verify-snapshot',
      'record-intent',
      'ensure-registry',
      'ensure-network',
      'create-cluster',
      'save-kubeconfig',
      'merge-kubeconfig',
      'observe',
      'connect-registry',
      'apply-addons',
      'configure-cluster',
      'wait-ready',
      'restore-snapshot',
    ]);
    // k3d's storage and Traefik come with k3s: no add-ons to apply, nothing to configure, no registry; k3d
    // makes its own network per cluster.
    // The snapshot steps are only for --from-snapshot.
    const skipped = [
      'apply-addons',
      'configure-cluster',
      'ensure-registry',
      'connect-registry',
      'ensure-network',
      'verify-snapshot',
      'restore-snapshot',
    ];
    expect(planUp(builtinPreset('k3d'), { name: 'dev' }, {}, 60_000).actions.map((a) => a.id)).toEqual(
      UP_ACTIONS.filter((id) => !skipped.includes(id)),
    );
    // --registry adds the registry steps and the ConfigMap.
    const withRegistry = planUp(builtinPreset('kind'), { name: 'dev', registry: true }).actions.map((a) => a.id);
    expect(withRegistry).toEqual([
      'preflight',
      'record-intent',
      'ensure-registry',
      'ensure-network',
      'create-cluster',
      'save-kubeconfig',
      'merge-kubeconfig',
      'observe',
      'connect-registry',
      'configure-cluster',
    ]);
  });

  it('waits only when asked: the wait step names the stages and the limit', () => {
    const none = planUp(builtinPreset('k3d'), { name: 'dev' });
    expect(none.readiness).toEqual({ waitMs: 0, stages: [] });
    expect(none.actions.map((a) => a.id)).not.toContain('wait-ready');
    const waiting = planUp(builtinPreset('kind'), { name: 'dev', workers: 1 }, {}, 300_000);
    expect(waiting.readiness).toEqual({ waitMs: 300_000, stages: ['api', 'nodes', 'dns', 'storage'] });
    expect(waiting.actions.at(-1)).toEqual({
      id: 'wait-ready',
      title: 'Wait up to 300s until ready: API server reachable, all 2 nodes Ready, CoreDNS Available, StorageClass standard (default)',
    });
  });

  it('merges into the kubeconfig by default, without switching; merge: false drops the step', () => {
    expect(planUp(builtinPreset('k3d'), { name: 'dev' }).kubeconfig).toEqual({ merge: true, switchContext: false });
    const noMerge = planUp(builtinPreset('k3d'), { name: 'dev' }, { merge: false });
    expect(noMerge.kubeconfig).toEqual({ merge: false, switchContext: false });
    expect(noMerge.actions.map((a) => a.id)).not.toContain('merge-kubeconfig');
  });

  it('titles describe the step with this spec', () => {
    const plan = planUp(builtinPreset('kind'), { name: 'dev', workers: 2, ports: ['8080:80'] });
    expect(plan.actions).toEqual([
      { id: 'preflight', title: 'Check Docker, the kind binary, the name "dev" and host ports 127.0.0.1:8080' },
      { id: 'record-intent', title: 'Record the desired spec of "dev" in the state store' },
      {
        id: 'ensure-network',
        title: 'Make sure network kind exists, made with a fixed IPv4 subnet when kindling makes it (so nodes can keep their addresses)',
      },
      { id: 'create-cluster', title: `Create 3 nodes with kind (image ${KIND_IMAGE})` },
      { id: 'save-kubeconfig', title: 'Save the kubeconfig to the state store (0600)' },
      { id: 'merge-kubeconfig', title: 'Add context kind-dev to your kubeconfig' },
      { id: 'observe', title: 'Read the cluster back from Docker' },
    ]);
  });

  it('singular node, no ports', () => {
    const [preflight, , create] = planUp(builtinPreset('k3d'), { name: 'dev' }).actions;
    expect(preflight!.title).toBe('Check Docker, the k3d binary, the name "dev"');
    expect(create!.title).toBe('Create 1 node with k3d (image rancher/k3s:v1.35.5-k3s1)');
  });

  it('the plan is plain data: it survives a JSON round trip unchanged', () => {
    const plan = planUp(builtinPreset('k3d'), { name: 'dev', workers: 1, ports: ['8080:80'] });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
