// versionReport: each part found on its own, with the recorded runner for kind and k3d and the fake Docker; a
// missing binary, an unusable one and an unreachable Docker are reported in their fields, never thrown.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../../src/api/package-version.js';
import { versionReport } from '../../../src/api/version.js';
import type { DockerEngineVersion, DockerVersionSource } from '../../../src/runtime/docker-version.js';
import { recordedRunner, type RecordedCall } from '../../../src/runtime/recorded-process-runner.js';
import { FakeDocker } from '../../support/unit/fake-docker.js';
import { k3dVersion, kindVersion, type World, useWorld } from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

/** The fake Docker, answering GET /version as Docker 28 on linux/amd64 does. */
class VersionedDocker extends FakeDocker implements DockerVersionSource {
  async engineVersion(): Promise<DockerEngineVersion> {
    return { version: '28.3.2', apiVersion: '1.51', os: 'linux', arch: 'amd64' };
  }
}

const missing = (file: string): RecordedCall => ({
  file,
  args: ['version'],
  result: { exitCode: -1, notFound: true, stderr: `spawn ${file} ENOENT` },
});

describe('versionReport', () => {
  it('everything found: kindling from package.json, Node, both engines (tested), Docker with its endpoint', async () => {
    const runner = recordedRunner([kindVersion(), k3dVersion()]);
    const r = await versionReport({ ...w.options({ runner, docker: new VersionedDocker() }), nodeVersion: 'v20.19.0' });
    runner.assertDone();
    const pkg = JSON.parse(await readFile(join(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string };
    expect(r).toEqual({
      kindling: pkg.version,
      node: 'v20.19.0',
      engines: {
        kind: { binary: 'kind', path: null, version: 'v0.32.0', tested: ['v0.33.0', 'v0.32.0'], isTested: true, error: null, hint: null },
        k3d: { binary: 'k3d', path: null, version: 'v5.9.0', tested: ['v5.9.0'], isTested: true, error: null, hint: null },
      },
      docker: {
        endpoint: 'unix:///fake/docker.sock',
        source: null,
        version: '28.3.2',
        apiVersion: '1.51',
        platform: 'linux/amd64',
        error: null,
      },
    });
    expect(packageVersion()).toBe(pkg.version);
  });

  it('a missing binary and an untested release are reported; the other parts still are', async () => {
    const runner = recordedRunner([missing('kind'), { file: 'k3d', args: ['version'], result: { stdout: 'k3d version v5.8.3\n' } }]);
    const r = await versionReport(w.options({ runner, docker: new VersionedDocker() }));
    expect(r.engines.kind).toMatchObject({ version: null, isTested: null, path: null });
    expect(r.engines.kind.error).toBe('kind not found (looked for "kind")');
    expect(r.engines.kind.hint).toContain('go install sigs.k8s.io/kind@v0.33.0');
    expect(r.engines.k3d).toMatchObject({ version: 'v5.8.3', isTested: false, error: null });
    expect(r.docker.version).toBe('28.3.2');
    expect(r.node).toBe(process.version);
  });

  it("output it cannot read is an error in that engine's field", async () => {
    const runner = recordedRunner([{ file: 'kind', args: ['version'], result: { stdout: 'something else\n' } }, k3dVersion()]);
    const r = await versionReport(w.options({ runner, docker: new VersionedDocker() }));
    expect(r.engines.kind).toMatchObject({
      error: "could not read kind's version from: something else",
      hint: 'install kind v0.33.0 (or v0.32.0)',
    });
    expect(r.engines.k3d.version).toBe('v5.9.0');
  });

  it('the binaries come from KINDLING_KIND_BINARY / KINDLING_K3D_BINARY, and their path from PATH', async () => {
    const bin = join(w.dir, 'bin');
    await mkdir(bin);
    for (const name of ['kind-v0.33.0', 'k3d']) {
      await writeFile(join(bin, name), '#!/bin/sh\n');
      await chmod(join(bin, name), 0o755);
    }
    const env = { ...w.env, PATH: `/nowhere:${bin}`, KINDLING_KIND_BINARY: 'kind-v0.33.0' };
    const runner = recordedRunner([
      { file: 'kind-v0.33.0', args: ['version'], result: { stdout: 'kind v0.33.0 go1.24.2 linux/amd64\n' } },
      k3dVersion(),
    ]);
    const r = await versionReport({ ...w.options({ runner, docker: new VersionedDocker() }), env, binaries: {} });
    expect(r.engines.kind).toMatchObject({ binary: 'kind-v0.33.0', path: join(bin, 'kind-v0.33.0'), version: 'v0.33.0' });
    expect(r.engines.k3d).toMatchObject({ binary: 'k3d', path: join(bin, 'k3d') });
  });

  it('Docker that does not answer: said in its field, the engines are still asked', async () => {
    const docker = new VersionedDocker();
    docker.pingError = new Error('connect ENOENT /fake/docker.sock');
    const runner = recordedRunner([kindVersion(), k3dVersion()]);
    const r = await versionReport(w.options({ runner, docker }));
    expect(r.docker).toEqual({
      endpoint: null,
      source: null,
      version: null,
      apiVersion: null,
      platform: null,
      error: 'connect ENOENT /fake/docker.sock',
    });
    expect(r.engines.kind.version).toBe('v0.32.0');
  });

  it('no Docker client given: the real search fails at an explicit DOCKER_HOST that is not there', async () => {
    const runner = recordedRunner([kindVersion(), k3dVersion()]);
    const env = { ...w.env, DOCKER_HOST: `unix://${join(w.dir, 'no-docker.sock')}` };
    const { docker: _, ...options } = w.options({ runner });
    const r = await versionReport({ ...options, env });
    expect(r.docker.endpoint).toBeNull();
    expect(r.docker.error).toMatch(/^Docker is not reachable/);
    expect(r.docker.error).toContain('no-docker.sock');
  });

  it("a client without engineVersion() is asked through the endpoint; its failure is the version's error only", async () => {
    const runner = recordedRunner([kindVersion(), k3dVersion()]);
    const docker = new FakeDocker(`unix://${join(w.dir, 'gone.sock')}`);
    const r = await versionReport(w.options({ runner, docker }));
    expect(r.docker).toMatchObject({ endpoint: `unix://${join(w.dir, 'gone.sock')}`, version: null });
    expect(r.docker.error).toMatch(/^the engine did not say its version: .*ENOENT/);
  });
});
