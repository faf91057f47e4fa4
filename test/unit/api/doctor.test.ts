// doctor(): the checks wired to the context's Docker, `kindling version`'s findings (recorded kind and k3d runs),
// the host's facts and the presets, and the capacity from the footprints recorded in the store.
import { describe, expect, it } from 'vitest';
import { doctor } from '../../../src/api/doctor.js';
import type { DockerEngineVersion, DockerVersionSource } from '../../../src/runtime/docker-version.js';
import { recordedRunner } from '../../../src/runtime/recorded-process-runner.js';
import { FakeHostFacts } from '../../support/unit/doctor-fixture.js';
import { FakeDocker } from '../../support/unit/fake-docker.js';
import { k3dVersion, kindVersion, type World, useWorld } from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

/** The fake Docker, answering GET /version as Docker 28 does. */
class VersionedDocker extends FakeDocker implements DockerVersionSource {
  async engineVersion(): Promise<DockerEngineVersion> {
    return { version: '28.3.2', apiVersion: '1.51', os: 'linux', arch: 'amd64' };
  }
}

const GiB = 2 ** 30;

describe('doctor', () => {
  it('a ready machine: every check ok, ok: true, capacity per preset from recorded footprints or the default', async () => {
    await w.store().writeRecord('dev', 'footprint', { memoryBytes: 2 * GiB, measuredAt: '2026-01-01T00:00:00.000Z', preset: 'kind' });
    const runner = recordedRunner([kindVersion(), k3dVersion()]);
    const report = await doctor({ ...w.options({ runner, docker: new VersionedDocker() }), hostFacts: new FakeHostFacts() });
    runner.assertDone();
    expect(report).toMatchObject({ apiVersion: 'kindling.dev/v1alpha1', kind: 'DoctorReport', ok: true });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['docker', 'ok'],
      ['docker-storage', 'ok'],
      ['cgroup', 'ok'],
      ['kind', 'ok'],
      ['k3d', 'ok'],
      ['inotify', 'ok'],
      ['memory', 'ok'],
      ['disk', 'ok'],
      ['networks', 'ok'],
      ['ports', 'ok'],
    ]);
    expect(report.checks[3]!.detail).toBe('v0.32.0 at kind (tested)');
    expect(report.capacity.map((c) => [c.preset, c.basis, c.fit])).toEqual([
      ['k3d', 'default', 13],
      ['k3s', 'default', 13],
      ['kind', 'measured', 4],
      ['microk8s', 'default', 8],
      ['minikube', 'default', 8],
    ]);
  });

  it('cgroup v1 and a missing k3d: ok: false, the other checks still report', async () => {
    const docker = new VersionedDocker();
    docker.dockerInfo.cgroupVersion = '1';
    const runner = recordedRunner([
      kindVersion(),
      { file: 'k3d', args: ['version'], result: { exitCode: -1, notFound: true, stderr: 'spawn k3d ENOENT' } },
    ]);
    const report = await doctor({ ...w.options({ runner, docker }), hostFacts: new FakeHostFacts() });
    expect(report.ok).toBe(false);
    expect(report.checks.filter((c) => c.status !== 'ok').map((c) => [c.id, c.status])).toEqual([
      ['cgroup', 'fail'],
      ['k3d', 'fail'],
    ]);
    expect(report.checks.find((c) => c.id === 'k3d')?.fix).toMatch(/^install k3d v5\.9\.0/);
  });
});
