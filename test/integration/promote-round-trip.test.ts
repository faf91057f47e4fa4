// The live round trip of issue 5: `up` a kind cluster with a real API server, apply two corpus apps (MySQL and
// WordPress, with a Secret and claims), give one claim data on its node, `promote --with-state --to kubeadm`,
// `down`, `up` a fresh cluster, `restore` the bundle into it, and promote the fresh cluster again: the clean
// objects of both bundles are byte-for-byte equal. The stand-in nodes run no provisioner (kwok fakes pods), so
// the test does what local-path-provisioner would have done for the one claim: a hostPath PV pinned to the node,
// pre-bound to the claim, its folder made in the node container. Everything kindling does with it is real: the
// API discovery and lists, reading the PV and the node, the tar from the node container through the Docker API.
// Then, on k3d: the live export of an applied app equals the export of the very files that were applied.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { execa } from 'execa';
import { parseAllDocuments, stringify } from 'yaml';
import { expect, it } from 'vitest';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, sandbox, uniqueName } from '../support/integration/sandbox.js';
import { corpusFile } from '../support/integration/shared.js';
import { giveClaimData } from '../support/integration/claim-data.js';
import { filesUnder } from '../support/integration/files-under.js';

const mysql = corpusFile('kubernetes-website__mysql-deployment.yaml');
const demo = corpusFile('microservices-demo__kubernetes-manifests.yaml');
const wordpress = corpusFile('kubernetes-website__wordpress-deployment.yaml');

/** The names of the entries of a tar archive, and the text of regular files. */
function untar(archive: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  for (let at = 0; at + 512 <= archive.length; ) {
    const header = archive.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 48);
    const path = prefix ? `${prefix}/${name}` : name;
    if (type === '0' || type === '\0') files.set(path, archive.subarray(at + 512, at + 512 + size).toString('utf8'));
    else files.set(path, '');
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

describeIntegration.skipIf(!mysql || !wordpress)('promote --with-state and restore: the live round trip', () => {
  it('up, apply the apps, promote --with-state --to kubeadm, down, up a fresh cluster, restore: the clean objects are equal', async () => {
    const sb = await sandbox();
    const [first, second] = [uniqueName('rt-a'), uniqueName('rt-b')];
    const made = new Set<string>();
    const bin = (tool: string) => join(integrationEnv().binDir, tool);
    const kubectl = async (context: string, args: string[], input?: string) => {
      const r = await execa(bin('kubectl'), ['--context', context, ...args], {
        env: sb.env,
        reject: false,
        ...(input === undefined ? {} : { input }),
      });
      if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    const up = async (name: string) => {
      made.add(name);
      const r = await sb.cli('up', '--preset', 'kind', '--name', name, '--image', IMAGES.api.kind, '--wait', '2m', '--timeout', '90s');
      expect(r.stderr).not.toMatch(/^error/m);
      expect(r.code).toBe(0);
    };
    const down = async (name: string) => {
      const r = await sb.cli('down', name, '--yes');
      if (r.code !== 0) await forceDelete(sb, name, 'kind');
      made.delete(name);
      expect(r.code).toBe(0);
      expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
    };
    try {
      await up(first);
      const a = `kind-${first}`;
      await kubectl(a, ['create', 'namespace', 'blog']);
      await kubectl(a, ['-n', 'blog', 'create', 'secret', 'generic', 'mysql-pass', '--from-literal=password=s3cret-for-tests']);
      await kubectl(a, ['-n', 'blog', 'apply', '-f', mysql!, '-f', wordpress!]);

      // What local-path-provisioner does for a claim: a folder on the node and a hostPath PV pinned to it.
      const { folder } = await giveClaimData(sb, {
        context: a,
        engine: 'kind',
        node: `${first}-control-plane`,
        namespace: 'blog',
        claim: 'mysql-pv-claim',
        storageClass: 'standard',
        files: { 'db/table.csv': 'row 1\nrow 2\n' },
      });

      const bundle = join(sb.dir, 'bundle');
      const promoted = await sb.cli(
        'promote',
        first,
        '--with-state',
        '--include-secrets',
        '--to',
        'kubeadm',
        '--out',
        bundle,
        '-o',
        'json',
      );
      expect(promoted.stderr).toBe(`reading every listable resource of cluster ${first}\n`);
      expect(promoted.code).toBe(0);
      const result = JSON.parse(promoted.stdout);
      expect(result.volumes).toEqual([
        { namespace: 'blog', claim: 'mysql-pv-claim', file: 'state/volumes/blog/mysql-pv-claim.tar.gz', bytes: expect.any(Number) },
      ]);

      // Velero's layout; Secrets and volume data 0600; the claim's data, read from the node container.
      const pvcFile = join(bundle, 'state/resources/persistentvolumeclaims/namespaces/blog/mysql-pv-claim.json');
      expect(JSON.parse(await readFile(pvcFile, 'utf8'))).toMatchObject({
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'mysql-pv-claim', namespace: 'blog' },
      });
      expect((await stat(join(bundle, 'state/resources/secrets/namespaces/blog/mysql-pass.json'))).mode & 0o777).toBe(0o600);
      const archive = join(bundle, 'state/volumes/blog/mysql-pv-claim.tar.gz');
      expect((await stat(archive)).mode & 0o777).toBe(0o600);
      const entries = untar(gunzipSync(await readFile(archive)));
      const top = folder.split('/').pop()!;
      expect(entries.get(`${top}/db/table.csv`)).toBe('row 1\nrow 2\n');
      expect(await readdir(join(bundle, 'state/restore-jobs/blog'))).toEqual(['mysql-pv-claim.yaml']);
      const report = await readFile(join(bundle, 'REPORT.md'), 'utf8');
      expect(report).toContain('## State');
      expect(report).toContain('`blog/mysql-pv-claim`');
      // Nothing of the dev cluster's own: no kube-system, no local-path-provisioner, no nodes, no events.
      const dumped = [...(await filesUnder(join(bundle, 'state/resources'))).keys()];
      expect(dumped.filter((f) => /kube-system|local-path-storage|^nodes\/|^events\//.test(f))).toEqual([]);
      console.log(
        `[round trip] ${first}: ${result.objects} objects, ${dumped.length} state files, volume archive ${result.volumes[0].bytes} bytes`,
      );

      await down(first);
      await up(second);
      const b = `kind-${second}`;
      const restored = await sb.cli('restore', '--bundle', bundle, '--context', b, '-o', 'json');
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(JSON.parse(restored.stdout)).toMatchObject({
        source: 'state',
        applied: result.objects,
        volumeScript: join(bundle, 'state/restore-data.sh'),
      });
      // Again: server-side apply of the same objects changes nothing and fails nothing.
      expect((await sb.cli('restore', '--bundle', bundle, '--context', b)).code).toBe(0);
      // The restore Job is valid for the API server too (it runs on a real node; kwok's pods run no containers).
      await kubectl(b, ['apply', '--dry-run=server', '-f', join(bundle, 'state/restore-jobs/blog/mysql-pv-claim.yaml')]);

      const again = join(sb.dir, 'again');
      const repromoted = await sb.cli('promote', second, '--include-secrets', '--to', 'kubeadm', '--out', again);
      expect(repromoted.code).toBe(0);
      const [before, after] = [await filesUnder(join(bundle, 'base')), await filesUnder(join(again, 'base'))];
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [file, text] of before) expect(after.get(file), file).toBe(text);
      expect(before.size).toBeGreaterThanOrEqual(9);
      console.log(
        `[round trip] ${second}: restored ${result.objects} objects; its export equals the first cluster's (${before.size} base files)`,
      );
      await down(second);
    } finally {
      for (const name of made) if ((await sb.cli('down', name, '--yes')).code !== 0) await forceDelete(sb, name, 'kind');
      await sb.cleanup();
    }
  }, 420_000);
});

describeIntegration.skipIf(!demo)('promote from a live k3d cluster', () => {
  it('the live export of an applied app equals the export of the files applied: cleaning removes exactly what the cluster added', async () => {
    const sb = await sandbox();
    const name = uniqueName('live-k3d');
    const context = `k3d-${name}`;
    const kubectl = (args: string[]) =>
      execa(join(integrationEnv().binDir, 'kubectl'), ['--context', context, ...args], { env: sb.env, reject: false });
    try {
      const r = await sb.cli('up', '--preset', 'k3d', '--name', name, '--image', IMAGES.api.k3d, '--wait', '2m', '--timeout', '90s');
      expect(r.code).toBe(0);
      // The demo in its own namespace, as a user would keep it in git.
      const docs = parseAllDocuments(await readFile(demo!, 'utf8'))
        .map((d) => d.toJS())
        .filter((d) => d !== null);
      const app = [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } },
        ...docs.map((d) => ({ ...d, metadata: { ...d.metadata, namespace: 'demo' } })),
      ];
      const file = join(sb.dir, 'demo.yaml');
      await writeFile(file, app.map((d) => stringify(d)).join('---\n'));
      expect((await kubectl(['apply', '-f', file])).exitCode).toBe(0);

      const live = await sb.cli('promote', name, '--to', 'eks', '--out', join(sb.dir, 'live'), '-o', 'json');
      expect(live.code).toBe(0);
      const fromFile = await sb.cli('promote', '--from', file, '--to', 'eks', '--out', join(sb.dir, 'files'));
      expect(fromFile.code).toBe(0);
      const [a, b] = [await filesUnder(join(sb.dir, 'live', 'base')), await filesUnder(join(sb.dir, 'files', 'base'))];
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      for (const [path, text] of b) expect(a.get(path), path).toBe(text);
      // What k3s and the API server made themselves stayed behind, each with its reason.
      const skipped = JSON.parse(await readFile(join(sb.dir, 'live', 'report.json'), 'utf8')).skipped as Array<{
        what: string;
        reason: string;
      }>;
      const reasonFor = (what: string) => skipped.find((s) => s.what === what)?.reason;
      expect(reasonFor('networking.k8s.io/IngressClass//traefik')).toMatch(/Helm release traefik/);
      expect(reasonFor('storage.k8s.io/StorageClass//local-path')).toBeDefined();
      expect(reasonFor('/Namespace//kube-system')).toBeDefined();
      console.log(
        `[live export] ${name}: ${JSON.parse(live.stdout).objects} objects equal to the files' export; ${skipped.length} left out`,
      );
    } finally {
      const down = await sb.cli('down', name, '--yes');
      if (down.code !== 0) await forceDelete(sb, name, 'k3d');
      await sb.cleanup();
    }
  }, 240_000);
});
