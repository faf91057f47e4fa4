// The plan of every built-in preset, as `kindling plan -p P -o yaml` prints it (snapshots reviewed by hand),
// plus what each preset must reproduce, asserted field by field.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../support/unit/cli.js';

const env = { HOME: '/nonexistent-home' };
const PRESETS = ['minikube', 'kind', 'k3d', 'k3s', 'microk8s'] as const;

async function planOf(preset: string, ...flags: string[]) {
  const r = await runCli(['plan', '--preset', preset, ...flags, '-o', 'json'], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('built-in preset plans', () => {
  it.each(PRESETS)('%s (snapshot)', async (preset) => {
    expect(stringify(await planOf(preset))).toMatchSnapshot();
  });

  it('%s with everything switched on (snapshot)', async () => {
    for (const preset of PRESETS) {
      const plan = await planOf(preset, '--registry', '--set', 'ingress.enabled=true', '--set', 'storage.enabled=true');
      expect(stringify(plan)).toMatchSnapshot(preset);
    }
  });

  it('each reproduces its context, storage class, ingress and API port', async () => {
    const facts = Object.fromEntries(
      await Promise.all(
        PRESETS.map(async (p) => {
          const { spec, context } = await planOf(p);
          return [
            p,
            {
              context,
              storage: spec.storage && `${spec.storage.className} ${spec.storage.provisioner} ${spec.storage.volumeBindingMode}`,
              ingress: spec.ingress?.className,
              api: spec.apiServer.port,
            },
          ];
        }),
      ),
    );
    expect(facts).toEqual({
      minikube: { context: 'minikube', storage: 'standard k8s.io/minikube-hostpath Immediate', ingress: undefined, api: 0 },
      kind: { context: 'kind-kind', storage: 'standard rancher.io/local-path WaitForFirstConsumer', ingress: undefined, api: 0 },
      k3d: { context: 'k3d-k3s-default', storage: 'local-path rancher.io/local-path WaitForFirstConsumer', ingress: 'traefik', api: 0 },
      k3s: { context: 'default', storage: 'local-path rancher.io/local-path WaitForFirstConsumer', ingress: 'traefik', api: 6443 },
      microk8s: { context: 'microk8s', storage: undefined, ingress: undefined, api: 16443 },
    });
  });

  it('registry addresses follow each environment: kind 5001, minikube 5000, microk8s 32000', async () => {
    const hosts = await Promise.all(
      ['kind', 'minikube', 'microk8s', 'k3d', 'k3s'].map(async (p) => (await planOf(p, '--registry')).spec.registry.host),
    );
    expect(hosts).toEqual(['localhost:5001', 'localhost:5000', 'localhost:32000', 'localhost:5002', 'localhost:5003']);
  });
});

describe('kindling presets show', () => {
  it.each(PRESETS)('%s shows its notes', async (preset) => {
    const r = await runCli(['presets', 'show', preset, '-o', 'json'], { env });
    expect(r.code).toBe(0);
    const shown = JSON.parse(r.stdout);
    expect(shown.notes.length).toBeGreaterThan(0);
    expect(shown.loadBalancer).not.toBe('');
  });
});
