// A real Kubernetes API behind the clusters: the stand-in nodes run kube-apiserver, controller manager,
// scheduler and etcd (v1.36.1), and kwok in place of kubelets. Through the context kindling merged into the
// user's kubeconfig, the real kubectl sees every node Ready, applies a real application and its
// Deployments become Available; `up --wait` reports each readiness stage with its own time.
import { join } from 'node:path';
import { execa } from 'execa';
import { it } from 'vitest';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, sandbox, uniqueName } from '../support/integration/sandbox.js';
import { corpusFile } from '../support/integration/shared.js';

const demo = corpusFile('microservices-demo__kubernetes-manifests.yaml');

describeIntegration('a real API server behind the cluster', () => {
  it.concurrent.for(['kind', 'k3d'] as const)(
    '%s: up --workers 2 --wait 2m, then kubectl: 3 Ready nodes, the demo app Available',
    async (engine, { expect }) => {
      const sb = await sandbox();
      const name = uniqueName(`api-${engine}`);
      const kubectl = (...args: string[]) =>
        execa(join(integrationEnv().binDir, 'kubectl'), ['--context', `${engine}-${name}`, ...args], { env: sb.env, reject: false });
      try {
        const r = await sb.cli(
          'up',
          '--preset',
          engine,
          '--name',
          name,
          '--image',
          IMAGES.api[engine],
          '--workers',
          '2',
          '--wait',
          '2m',
          '--timeout',
          '90s',
          '-o',
          'json',
        );
        expect(r.stderr).not.toMatch(/^error/m);
        expect(r.code).toBe(0);
        const out = JSON.parse(r.stdout);
        // Both presets name the engine's default StorageClass; k3d's also names k3s's Traefik IngressClass.
        expect(out.readiness.map((s: { id: string }) => s.id)).toEqual([
          'api',
          'nodes',
          'dns',
          'storage',
          ...(engine === 'k3d' ? ['ingress'] : []),
        ]);
        for (const s of out.readiness) expect(s.elapsedMs).toBeGreaterThanOrEqual(0);
        console.log(
          `[readiness] ${engine}: ${out.readiness.map((s: { id: string; elapsedMs: number }) => `${s.id} ${(s.elapsedMs / 1000).toFixed(1)}s`).join(', ')}`,
        );

        const nodes = JSON.parse((await kubectl('get', 'nodes', '-o', 'json')).stdout);
        expect(nodes.items).toHaveLength(3);
        for (const n of nodes.items) {
          expect(n.status.conditions.find((c: { type: string }) => c.type === 'Ready').status).toBe('True');
        }

        if (demo) {
          const applied = await kubectl('apply', '-f', demo);
          expect(applied.stderr).toBe('');
          expect(applied.exitCode).toBe(0);
          const available = await kubectl('wait', '--for=condition=Available', 'deployment', '--all', '--timeout=120s');
          expect(available.exitCode).toBe(0);
          expect(available.stdout.trim().split('\n')).toHaveLength(12);
        }
      } finally {
        const down = await sb.cli('down', name, '--yes');
        if (down.code !== 0) await forceDelete(sb, name, engine);
        expect(down.code).toBe(0);
        expect(await clusterObjects(name, engine)).toEqual({ containers: [], networks: [], volumes: [] });
        await sb.cleanup();
      }
    },
  );
});
