// upgrade on real clusters whose API servers really change version: the stand-in images run Kubernetes v1.36.1
// (`api`) and v1.37.0 (`next`). kind: the corpus WordPress/MySQL objects and a claim holding a file survive the
// upgrade (promote before and after gives the same base/), the API address and the kubeconfig context stay (one
// entry, updated in place), the generation moves on; an upgrade to an image that fails at init ends rolled back
// to the version that ran, objects and file intact, exit 6 and a `rolled-back` history entry. Downgrades and
// versions without a known image are refused before anything changes. k3d: the same upgrade, in brief.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { giveClaimData, kubectlFor, nodeFile } from '../support/integration/claim-data.js';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';
import { corpusFile } from '../support/integration/shared.js';
import { filesUnder } from '../support/integration/files-under.js';

const mysql = corpusFile('kubernetes-website__mysql-deployment.yaml');
const wordpress = corpusFile('kubernetes-website__wordpress-deployment.yaml');

async function serverVersion(sb: Sandbox, context: string): Promise<string> {
  return JSON.parse(await kubectlFor(sb, context)(['version', '-o', 'json'])).serverVersion.gitVersion;
}

async function lastHistory(sb: Sandbox, name: string): Promise<{ op: string; outcome: string; steps: string[] }> {
  const dir = join(sb.state, 'clusters', name, 'history');
  const files = (await readdir(dir)).sort();
  return JSON.parse(await readFile(join(dir, files.at(-1)!), 'utf8'));
}

describeIntegration.skipIf(!mysql || !wordpress)('upgrade on kind: v1.36.1 -> v1.37.0, then a failed upgrade rolled back', () => {
  it('objects, data, API address and context survive; a broken image is rolled back to the version that ran', async () => {
    const sb = await sandbox();
    const name = uniqueName('upg-kind');
    const context = `kind-${name}`;
    try {
      const up = await sb.cli('up', '--preset', 'kind', '--name', name, '--image', IMAGES.api.kind, '--wait', '2m', '-q');
      expect(up.code, up.stderr).toBe(0);
      expect(await serverVersion(sb, context)).toBe('v1.36.1');
      const kubectl = kubectlFor(sb, context);
      await kubectl(['create', 'namespace', 'blog']);
      await kubectl(['-n', 'blog', 'create', 'secret', 'generic', 'mysql-pass', '--from-literal=password=s3cret-for-tests']);
      await kubectl(['-n', 'blog', 'apply', '-f', mysql!, '-f', wordpress!]);
      const node = `${name}-control-plane`;
      const { folder } = await giveClaimData(sb, {
        context,
        engine: 'kind',
        node,
        namespace: 'blog',
        claim: 'mysql-pv-claim',
        storageClass: 'standard',
        files: { 'db/table.csv': 'row 1\nrow 2\n' },
      });
      const before = join(sb.dir, 'before');
      expect((await sb.cli('promote', name, '--include-secrets', '--to', 'kubeadm', '--out', before)).code).toBe(0);
      const apiBefore = JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout).apiServer.url;

      // Refused before anything changes: a version kind has no image for, a downgrade, no --yes without a terminal.
      const unknown = await sb.cli('upgrade', name, '--k8s-version', 'v1.38.0', '--yes');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('known versions: v1.36.1, v1.37.0');
      const downgrade = await sb.cli('upgrade', name, '--k8s-version', 'v1.35.0', '--image', IMAGES.api.kind, '--yes');
      expect(downgrade.code).toBe(4);
      expect(downgrade.stderr).toContain('--allow-downgrade');
      const unconfirmed = await sb.cli('upgrade', name, '--k8s-version', 'v1.37.0', '--image', IMAGES.next.kind);
      expect(unconfirmed.code).toBe(2);
      expect(unconfirmed.stderr).toContain('recreated:');
      expect(await lastHistory(sb, name)).toMatchObject({ op: 'up' });

      const upgraded = await sb.cli('upgrade', name, '--k8s-version', 'v1.37.0', '--image', IMAGES.next.kind, '--yes', '-o', 'json');
      expect(upgraded.code, upgraded.stderr).toBe(0);
      expect(JSON.parse(upgraded.stdout)).toMatchObject({
        from: { kubernetesVersion: 'v1.36.1' },
        to: { kubernetesVersion: 'v1.37.0', image: IMAGES.next.kind },
        status: { phase: 'running', apiServer: { url: apiBefore } },
        restored: { volumes: [{ namespace: 'blog', claim: 'mysql-pv-claim', node }] },
      });
      expect(await serverVersion(sb, context)).toBe('v1.37.0');
      expect(await nodeFile(node, `${folder}/db/table.csv`)).toBe('row 1\nrow 2\n');
      const after = join(sb.dir, 'after');
      expect((await sb.cli('promote', name, '--include-secrets', '--to', 'kubeadm', '--out', after)).code).toBe(0);
      const [x, y] = [await filesUnder(join(before, 'base')), await filesUnder(join(after, 'base'))];
      expect([...y.keys()].sort()).toEqual([...x.keys()].sort());
      for (const [file, text] of x) expect(y.get(file), file).toBe(text);
      // The user's kubeconfig holds the context once, pointing at the same address.
      const kubeconfig = parse(await readFile(join(sb.dir, 'kubeconfig'), 'utf8'));
      expect(kubeconfig.contexts.filter((c: { name: string }) => c.name === context)).toHaveLength(1);
      expect(kubeconfig.clusters.find((c: { name: string }) => c.name === context).cluster.server).toBe(apiBefore);
      const status = JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout);
      expect(status).toMatchObject({ generation: 2, kubernetesVersion: 'v1.37.0' });
      expect(await lastHistory(sb, name)).toMatchObject({ op: 'upgrade', outcome: 'succeeded' });

      // An image that fails at init: the old version comes back from the snapshot, with its objects and data.
      const failed = await sb.cli('upgrade', name, '--k8s-version', 'v1.37.1', '--image', IMAGES.nextBroken.kind, '--yes');
      expect(failed.code).toBe(6);
      expect(failed.stderr).toMatch(/upgrade of "[^"]+" failed at step "Create 1 node with kind/);
      expect(failed.stderr).toContain('rolled back to v1.37.0 from snapshot');
      expect(await serverVersion(sb, context)).toBe('v1.37.0');
      expect(await nodeFile(node, `${folder}/db/table.csv`)).toBe('row 1\nrow 2\n');
      expect(await kubectl(['-n', 'blog', 'get', 'deploy', '-o', 'name'])).toBe(
        'deployment.apps/wordpress\ndeployment.apps/wordpress-mysql',
      );
      expect(await lastHistory(sb, name)).toMatchObject({ op: 'upgrade', outcome: 'rolled-back' });
      expect(JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout)).toMatchObject({
        generation: 2,
        kubernetesVersion: 'v1.37.0',
        phase: 'running',
        apiServer: { url: apiBefore },
      });
      // Both upgrades' snapshots are kept.
      const snapshots = JSON.parse((await sb.cli('snapshot', 'list', name, '-o', 'json')).stdout).items;
      expect(snapshots.map((s: { reason: string; kubernetesVersion: string }) => [s.reason, s.kubernetesVersion])).toEqual([
        ['upgrade', 'v1.36.1'],
        ['upgrade', 'v1.37.0'],
      ]);
    } finally {
      if ((await sb.cli('down', name, '--yes')).code !== 0) await forceDelete(sb, name, 'kind');
      expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
      await sb.cleanup();
    }
  }, 600_000);
});

describeIntegration('upgrade on k3d', () => {
  it('rancher/k3s:v1.35.5-k3s1 (API v1.36.1) -> v1.37.0: the API server reports v1.37.0, the objects are back', async () => {
    const sb = await sandbox();
    const name = uniqueName('upg-k3d');
    const context = `k3d-${name}`;
    try {
      const up = await sb.cli('up', '--preset', 'k3d', '--name', name, '--image', IMAGES.api.k3d, '--wait', '2m', '-q');
      expect(up.code, up.stderr).toBe(0);
      expect(await serverVersion(sb, context)).toBe('v1.36.1');
      const kubectl = kubectlFor(sb, context);
      await kubectl(['create', 'namespace', 'app']);
      await kubectl(['-n', 'app', 'create', 'configmap', 'settings', '--from-literal=mode=blue']);
      const apiBefore = JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout).apiServer.url;
      const r = await sb.cli('upgrade', name, '--k8s-version', 'v1.37.0', '--image', IMAGES.next.k3d, '--yes', '-o', 'json');
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ to: { kubernetesVersion: 'v1.37.0' }, status: { apiServer: { url: apiBefore } } });
      expect(await serverVersion(sb, context)).toBe('v1.37.0');
      expect(await kubectl(['-n', 'app', 'get', 'configmap', 'settings', '-o', 'jsonpath={.data.mode}'])).toBe('blue');
    } finally {
      if ((await sb.cli('down', name, '--yes')).code !== 0) await forceDelete(sb, name, 'k3d');
      expect(await clusterObjects(name, 'k3d')).toEqual({ containers: [], networks: [], volumes: [] });
      await sb.cleanup();
    }
  }, 600_000);
});
