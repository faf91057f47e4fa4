// Snapshots on real clusters. kind: the corpus WordPress/MySQL objects and a claim holding a file; snapshot,
// `down --backup`, then `up --from-snapshot` into a new name: objects (compared through promote's clean export)
// and the file are equal; a snapshot whose archive was changed is refused by its sha256 before anything is
// created; kind's scale recreates the cluster at the new size and keeps both. k3d: a consistent snapshot (the
// cluster stopped for the copy), then `snapshot restore` in place brings back a deleted object and changed data
// at the same API address.
import { cp, readdir, readFile, stat, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { giveClaimData, kubectlFor, nodeFile } from '../support/integration/claim-data.js';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, sandbox, uniqueName } from '../support/integration/sandbox.js';
import { corpusFile } from '../support/integration/shared.js';
import { filesUnder } from '../support/integration/files-under.js';

const mysql = corpusFile('kubernetes-website__mysql-deployment.yaml');
const wordpress = corpusFile('kubernetes-website__wordpress-deployment.yaml');

describeIntegration.skipIf(!mysql || !wordpress)('snapshots on kind: backup, up --from-snapshot, tamper check, scale', () => {
  it('snapshot, down --backup, up --from-snapshot into a new name: objects and data equal; a changed archive is refused first', async () => {
    const sb = await sandbox();
    const [a, b, c] = [uniqueName('snap-a'), uniqueName('snap-b'), uniqueName('snap-c')];
    const made = new Set<string>();
    try {
      made.add(a);
      const up = await sb.cli('up', '--preset', 'kind', '--name', a, '--image', IMAGES.api.kind, '--wait', '2m', '-q');
      expect(up.code, up.stderr).toBe(0);
      const kubectl = kubectlFor(sb, `kind-${a}`);
      await kubectl(['create', 'namespace', 'blog']);
      await kubectl(['-n', 'blog', 'create', 'secret', 'generic', 'mysql-pass', '--from-literal=password=s3cret-for-tests']);
      await kubectl(['-n', 'blog', 'apply', '-f', mysql!, '-f', wordpress!]);
      const data = { 'db/table.csv': 'row 1\nrow 2\n', 'db/nested/notes.txt': 'kept\n' };
      const { folder } = await giveClaimData(sb, {
        context: `kind-${a}`,
        engine: 'kind',
        node: `${a}-control-plane`,
        namespace: 'blog',
        claim: 'mysql-pv-claim',
        storageClass: 'standard',
        files: data,
      });
      const before = join(sb.dir, 'before');
      expect((await sb.cli('promote', a, '--include-secrets', '--to', 'kubeadm', '--out', before)).code).toBe(0);

      const taken = await sb.cli('snapshot', 'create', a, '--name', 's1', '-o', 'json');
      expect(taken.code, taken.stderr).toBe(0);
      const manifest = JSON.parse(taken.stdout);
      expect(manifest).toMatchObject({ kind: 'Snapshot', name: 's1', cluster: a, consistent: false, kubernetesVersion: 'v1.36.1' });
      expect(manifest.volumes).toEqual([
        expect.objectContaining({ namespace: 'blog', claim: 'mysql-pv-claim', node: `${a}-control-plane`, path: folder }),
      ]);
      expect(manifest.parts.map((p: { path: string }) => p.path)).toEqual(['objects.json', 'volumes/blog/mysql-pv-claim.tar.gz']);
      const dir = join(sb.state, 'clusters', a, 'snapshots', 's1');
      for (const f of ['manifest.json', 'objects.json', 'volumes/blog/mysql-pv-claim.tar.gz']) {
        expect((await stat(join(dir, f))).mode & 0o777, f).toBe(0o600);
      }
      // The Secret is in the snapshot (it is the cluster's own copy), and nothing of kube-system is.
      const objects = JSON.parse(await readFile(join(dir, 'objects.json'), 'utf8')) as Array<{
        kind: string;
        metadata: { namespace?: string };
      }>;
      expect(objects.some((o) => o.kind === 'Secret')).toBe(true);
      expect(objects.filter((o) => o.metadata.namespace === 'kube-system')).toEqual([]);

      const down = await sb.cli('down', a, '--yes', '--backup', '-o', 'json');
      expect(down.code, down.stderr).toBe(0);
      const [deleted] = JSON.parse(down.stdout).items;
      expect(deleted.backup).toMatch(new RegExp(`^${a}/backup-\\d{8}-\\d{6}$`));
      made.delete(a);
      expect(await clusterObjects(a, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
      const listed = JSON.parse((await sb.cli('snapshot', 'list', '--all', '-o', 'json')).stdout).items;
      expect(
        listed.map((s: { cluster: string; name: string; clusterDeleted?: boolean }) => [
          s.cluster,
          s.name.replace(/\d/g, '0'),
          s.clusterDeleted,
        ]),
      ).toEqual([
        [a, 'backup-00000000-000000', true],
        [a, 's0', true],
      ]);
      expect(JSON.parse((await sb.cli('snapshot', 'list', '-o', 'json')).stdout).items).toEqual([]);

      // A copy of the snapshot with one byte added to its archive: refused by sha256, nothing created.
      await cp(dir, join(sb.state, 'clusters', a, 'snapshots', 'tampered'), { recursive: true });
      await appendFile(join(sb.state, 'clusters', a, 'snapshots', 'tampered', 'volumes/blog/mysql-pv-claim.tar.gz'), 'x');
      made.add(c);
      const refused = await sb.cli('up', '--from-snapshot', `${a}/tampered`, '--name', c);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('volumes/blog/mysql-pv-claim.tar.gz has sha256');
      expect(refused.stderr).toContain('it was changed or damaged');
      expect(await clusterObjects(c, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
      expect(JSON.parse((await sb.cli('list', '-o', 'json')).stdout).items).toEqual([]);
      made.delete(c);

      made.add(b);
      const restored = await sb.cli('up', '--from-snapshot', `${a}/s1`, '--name', b, '-o', 'json');
      expect(restored.code, restored.stderr).toBe(0);
      expect(JSON.parse(restored.stdout).restored).toMatchObject({
        snapshot: `${a}/s1`,
        volumes: [{ namespace: 'blog', claim: 'mysql-pv-claim', node: `${b}-control-plane` }],
      });
      for (const [file, text] of Object.entries(data)) expect(await nodeFile(`${b}-control-plane`, `${folder}/${file}`)).toBe(text);
      const kb = kubectlFor(sb, `kind-${b}`);
      expect(await kb(['-n', 'blog', 'get', 'pvc', 'mysql-pv-claim', '-o', 'jsonpath={.status.phase}'])).toBe('Bound');
      const after = join(sb.dir, 'after');
      expect((await sb.cli('promote', b, '--include-secrets', '--to', 'kubeadm', '--out', after)).code).toBe(0);
      const [x, y] = [await filesUnder(join(before, 'base')), await filesUnder(join(after, 'base'))];
      expect([...y.keys()].sort()).toEqual([...x.keys()].sort());
      for (const [file, text] of x) expect(y.get(file), file).toBe(text);

      // kind cannot add a node: scale recreates the cluster at the new size from a snapshot; objects and data stay.
      const scaled = await sb.cli('scale', b, '--workers', '1', '--yes', '--wait', '3m', '-o', 'json');
      expect(scaled.code, scaled.stderr).toBe(0);
      expect(JSON.parse(scaled.stdout)).toMatchObject({
        from: 0,
        to: 1,
        added: [`${b}-worker`],
        recreatedFrom: expect.stringMatching(`^${b}/scale-`),
      });
      expect((await kb(['get', 'nodes', '-o', 'name'])).split('\n').sort()).toEqual([`node/${b}-control-plane`, `node/${b}-worker`]);
      expect(await kb(['-n', 'blog', 'get', 'deploy', 'wordpress-mysql', '-o', 'name'])).toBe('deployment.apps/wordpress-mysql');
      expect(await nodeFile(`${b}-control-plane`, `${folder}/db/table.csv`)).toBe(data['db/table.csv']);
      const status = JSON.parse((await sb.cli('status', b, '-o', 'json')).stdout);
      expect(status).toMatchObject({ generation: 2, phase: 'running' });

      expect((await sb.cli('down', b, '--yes')).code).toBe(0);
      made.delete(b);
      expect(await clusterObjects(b, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
      expect((await sb.cli('snapshot', 'delete', a, 'tampered')).code).toBe(0);
      expect((await sb.cli('snapshot', 'delete', a, 'tampered')).code).toBe(3);
    } finally {
      for (const name of made) if ((await sb.cli('down', name, '--yes')).code !== 0) await forceDelete(sb, name, 'kind');
      await sb.cleanup();
    }
  }, 600_000);
});

describeIntegration('snapshots on k3d: consistent snapshot, restore in place', () => {
  it('snapshot --consistent stops the cluster for the copy; snapshot restore brings back a deleted object and the data', async () => {
    const sb = await sandbox();
    const name = uniqueName('snap-k3d');
    const context = `k3d-${name}`;
    try {
      const up = await sb.cli('up', '--preset', 'k3d', '--name', name, '--image', IMAGES.api.k3d, '--wait', '2m', '-q');
      expect(up.code, up.stderr).toBe(0);
      const kubectl = kubectlFor(sb, context);
      await kubectl(['create', 'namespace', 'app']);
      await kubectl(['-n', 'app', 'create', 'configmap', 'settings', '--from-literal=mode=blue']);
      const claim = {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data', namespace: 'app' },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'local-path', resources: { requests: { storage: '1Gi' } } },
      };
      await kubectl(['apply', '-f', '-'], JSON.stringify(claim));
      const node = `k3d-${name}-server-0`;
      const { folder } = await giveClaimData(sb, {
        context,
        engine: 'k3d',
        node,
        namespace: 'app',
        claim: 'data',
        storageClass: 'local-path',
        files: { 'state.txt': 'v1\n' },
      });
      const apiBefore = JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout).apiServer.url;

      const taken = await sb.cli('snapshot', 'create', name, '--name', 'base', '--consistent', '-o', 'json');
      expect(taken.code, taken.stderr).toBe(0);
      expect(JSON.parse(taken.stdout)).toMatchObject({ consistent: true, volumes: [expect.objectContaining({ claim: 'data', node })] });
      const history = await readdir(join(sb.state, 'clusters', name, 'history'));
      expect(history.at(-1)).toMatch(/-snapshot\.json$/);
      const entry = JSON.parse(await readFile(join(sb.state, 'clusters', name, 'history', history.at(-1)!), 'utf8'));
      expect(entry).toMatchObject({
        outcome: 'succeeded',
        steps: ['read-objects', 'stop-cluster', 'copy-volumes', 'start-cluster', 'write-manifest'],
      });
      expect(JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout).phase).toBe('running');

      await kubectl(['-n', 'app', 'delete', 'configmap', 'settings']);
      await execaWrite(node, `${folder}/state.txt`, 'v2 (after the snapshot)\n');
      const restored = await sb.cli('snapshot', 'restore', name, 'base', '--yes', '-o', 'json');
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stderr).toContain('carried over');
      expect(JSON.parse(restored.stdout)).toMatchObject({
        snapshot: `${name}/base`,
        unchanged: false,
        status: { phase: 'running', apiServer: { url: apiBefore } },
      });
      expect(await kubectl(['-n', 'app', 'get', 'configmap', 'settings', '-o', 'jsonpath={.data.mode}'])).toBe('blue');
      expect(await nodeFile(node, `${folder}/state.txt`)).toBe('v1\n');
      // The spec did not change: same generation.
      expect(JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout).generation).toBe(1);
    } finally {
      if ((await sb.cli('down', name, '--yes')).code !== 0) await forceDelete(sb, name, 'k3d');
      expect(await clusterObjects(name, 'k3d')).toEqual({ containers: [], networks: [], volumes: [] });
      await sb.cleanup();
    }
  }, 600_000);
});

async function execaWrite(node: string, path: string, text: string): Promise<void> {
  const { execa } = await import('execa');
  await execa('docker', ['exec', '-i', node, 'sh', '-c', 'cat > "$1"', 'sh', path], { input: text });
}
