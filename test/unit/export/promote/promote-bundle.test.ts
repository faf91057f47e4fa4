import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promote } from '../../../../src/api/promote.js';
import { type World, useWorld } from '../../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

const APP = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: 'localhost:5001/web:1.0', imagePullPolicy: Never}]
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
stringData: {password: hunter2}
`;

async function appDir(text = APP): Promise<string> {
  const dir = join(w.dir, 'k8s');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'app.yaml'), text);
  return dir;
}

describe('promote (files)', () => {
  it('writes base, overlays, cluster definitions and reports for each target, relative to cwd', async () => {
    await appDir();
    const r = await promote({
      ...w.options(),
      cwd: w.dir,
      from: ['k8s'],
      to: ['eks,kubeadm'],
      imageRegistry: 'ghcr.io/team',
      set: ['region=eu-west-1'],
    });
    expect(r).toMatchObject({ out: join(w.dir, 'promote'), targets: ['eks', 'kubeadm'], objects: 2, skipped: 1 });
    expect((await readdir(r.out)).sort()).toEqual(['REPORT.md', 'base', 'bundle.json', 'clusters', 'overlays', 'report.json']);
    expect(await readdir(join(r.out, 'overlays'))).toEqual(['eks', 'kubeadm']);
    const patch = await readFile(join(r.out, 'overlays', 'eks', 'patches', 'shop_deployment.apps_web.yaml'), 'utf8');
    expect(patch).toContain('ghcr.io/team/web:1.0');
    expect(patch).toContain('IfNotPresent');
    expect(r.placeholders.some((p) => p.target === 'eks' && p.setKey === 'region')).toBe(false);
    expect(r.summary.map((s) => s.target)).toEqual(['eks', 'kubeadm']);
  });

  it('Secrets only with includeSecrets, then 0600', async () => {
    await appDir();
    const r = await promote({ ...w.options(), cwd: w.dir, from: ['k8s'], to: ['kubeadm'], includeSecrets: true, out: 'b' });
    expect(r.objects).toBe(3);
    expect((await stat(join(r.out, 'base', 'shop_secret_db.yaml'))).mode & 0o777).toBe(0o600);
  });

  it('a document that does not parse: an error naming file and document, and nothing written', async () => {
    const dir = await appDir(`${APP}---\nkind: [\n`);
    await expect(promote({ ...w.options(), cwd: w.dir, from: ['k8s'], to: ['eks'] })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining(`${join(dir, 'app.yaml')}: document 3`),
    });
    expect(await readdir(w.dir)).not.toContain('promote');
  });

  it('refuses: no source, no target, an unknown target, --with-state without a cluster, an unknown cluster', async () => {
    await appDir();
    await expect(promote({ ...w.options(), to: ['eks'] })).rejects.toMatchObject({
      exitCode: 2,
      message: 'promote needs a source: a cluster name, --from PATH, or both',
    });
    await expect(promote({ ...w.options(), cwd: w.dir, from: ['k8s'], to: [] })).rejects.toMatchObject({
      exitCode: 2,
      message: 'name at least one target with --to',
    });
    await expect(promote({ ...w.options(), cwd: w.dir, from: ['k8s'], to: ['ecs'] })).rejects.toMatchObject({
      exitCode: 2,
      message: 'unknown target "ecs"',
    });
    await expect(promote({ ...w.options(), cwd: w.dir, from: ['k8s'], to: ['eks'], withState: true })).rejects.toMatchObject({
      exitCode: 2,
    });
    await expect(promote({ ...w.options(), cwd: w.dir, name: 'ghost', to: ['eks'] })).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('no cluster named "ghost"'),
    });
    expect(await readdir(w.dir)).not.toContain('promote');
  });

  it('a destination that is not a bundle is refused before anything is read (exit 4)', async () => {
    await appDir();
    await mkdir(join(w.dir, 'promote'));
    await writeFile(join(w.dir, 'promote', 'mine.txt'), 'x');
    await expect(promote({ ...w.options(), cwd: w.dir, from: ['k8s'], to: ['eks'] })).rejects.toMatchObject({ exitCode: 4 });
    expect(await readdir(join(w.dir, 'promote'))).toEqual(['mine.txt']);
  });

  it('the dev cluster facts come from --preset for files (k3d by default)', async () => {
    await appDir();
    const k3d = await promote({ ...w.options(), cwd: w.dir, from: ['k8s'], to: ['kubeadm'], out: 'a' });
    const kind = await promote({ ...w.options(), cwd: w.dir, from: ['k8s'], to: ['kubeadm'], out: 'b', preset: 'kind' });
    const facts = async (out: string) => JSON.parse(await readFile(join(out, 'bundle.json'), 'utf8')).devCluster;
    expect(await facts(k3d.out)).toMatchObject({ engine: 'k3d', cni: 'flannel' });
    expect(await facts(kind.out)).toMatchObject({ engine: 'kind', cni: 'kindnetd' });
  });
});
