import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/unit/cli.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const tmp = tempDirs();
afterEach(() => tmp.cleanup());

const APP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {mode: prod}\n';

async function project(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = await tmp.make();
  await mkdir(join(dir, 'k8s'));
  await writeFile(join(dir, 'k8s', 'app.yaml'), APP);
  return { dir, env: { HOME: dir, KINDLING_STATE: join(dir, 'state') } };
}

describe('kindling promote', () => {
  it('--from a folder --to two targets: a summary line per target on stdout, the bundle in ./promote', async () => {
    const { dir, env } = await project();
    const r = await runCli(['promote', '--from', 'k8s', '--to', 'eks,gke'], { cwd: dir, env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^wrote ${join(dir, 'promote')}: 1 objects, \\d+ files \\(0 left out, see REPORT.md\\)\\n  eks: `));
    expect(r.stdout).toContain('\n  gke: ');
    expect(r.stdout).toMatch(/placeholders to fill \(--set KEY=VALUE\): .*region/);
    expect(await readdir(join(dir, 'promote', 'overlays'))).toEqual(['eks', 'gke']);
  });

  it('-o json is the library result', async () => {
    const { dir, env } = await project();
    const r = await runCli(['promote', '--from', 'k8s', '--to', 'kubeadm', '--out', 'b', '-o', 'json'], { cwd: dir, env });
    expect(JSON.parse(r.stdout)).toMatchObject({ out: join(dir, 'b'), targets: ['kubeadm'], objects: 1, volumes: [] });
  });

  it('bad input exits 2 and writes nothing: no source, an unknown target, a malformed --set', async () => {
    const { dir, env } = await project();
    expect(await runCli(['promote', '--to', 'eks'], { cwd: dir, env })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('promote needs a source'),
    });
    expect(await runCli(['promote', '--from', 'k8s', '--to', 'gcp'], { cwd: dir, env })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown target "gcp"'),
    });
    expect(await runCli(['promote', '--from', 'k8s', '--to', 'eks', '--set', 'region'], { cwd: dir, env })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('expected KEY=VALUE'),
    });
    expect(await readdir(dir)).toEqual(['k8s']);
  });
});

describe('kindling restore', () => {
  it('needs --bundle and --context (exit 2)', async () => {
    const { dir, env } = await project();
    const r = await runCli(['restore', '--bundle', 'x'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--context <context>' not specified");
  });

  it('a folder that is not a bundle exits 3', async () => {
    const { dir, env } = await project();
    const r = await runCli(['restore', '--bundle', 'k8s', '--context', 'kind-dev'], { cwd: dir, env });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('is not a kindling bundle');
  });
});
