// `kindling doctor` on this machine's real Docker and the built kind and k3d: the Docker check names the engine
// that answered with its real version, every check has a status (and a fix when not ok), and the exit code follows
// the report. With DOCKER_HOST at a socket nobody listens on: exit 5 and the fix printed.
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/api/doctor.js';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { sandbox, type Sandbox } from '../support/integration/sandbox.js';

describeIntegration('kindling doctor', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await sandbox();
  });
  afterEach(() => sb.cleanup());

  it('-o json: Docker ok with the real engine version, every check with a status, exit 0 or 5 as the report says', async () => {
    const r = await sb.cli('doctor', '-o', 'json');
    const report = JSON.parse(r.stdout) as DoctorReport;
    const docker = new Dockerode();
    const [version, info] = await Promise.all([docker.version(), docker.info() as Promise<{ Driver: string; CgroupVersion?: string }>]);
    expect(version.Version).toBe(integrationEnv().docker);

    const byId = new Map(report.checks.map((c) => [c.id, c]));
    expect(byId.get('docker')).toMatchObject({ status: 'ok', blocking: true });
    expect(byId.get('docker')!.detail).toContain(`Docker ${version.Version}, API ${version.ApiVersion}`);
    expect(byId.get('docker-storage')!.detail.startsWith(`${info.Driver}, `)).toBe(true);
    expect(byId.get('cgroup')!.status).toBe(info.CgroupVersion === '2' ? 'ok' : 'fail');
    for (const engine of ['kind', 'k3d'] as const) {
      expect(byId.get(engine)!.status, byId.get(engine)!.detail).not.toBe('fail');
      expect(byId.get(engine)!.detail).toContain(integrationEnv().binDir);
    }
    expect([...byId.keys()]).toEqual([
      'docker',
      'docker-storage',
      'cgroup',
      'kind',
      'k3d',
      'inotify',
      'memory',
      'disk',
      'networks',
      'ports',
    ]);
    for (const c of report.checks) {
      expect(['ok', 'warn', 'fail'], c.id).toContain(c.status);
      if (c.status !== 'ok') expect(c.fix, c.id).toBeTruthy();
    }
    expect(report.capacity.map((c) => c.preset)).toEqual(['k3d', 'k3s', 'kind', 'microk8s', 'minikube']);
    expect(report.ok).toBe(!report.checks.some((c) => c.blocking && c.status === 'fail'));
    expect(r.code, r.stderr).toBe(report.ok ? 0 : 5);
  });

  it('DOCKER_HOST at a missing socket: exit 5, the Docker check fails and its fix is printed', async () => {
    const socket = `unix://${join(sb.dir, 'no-docker.sock')}`;
    const broken = await sandbox({ DOCKER_HOST: socket });
    try {
      const r = await broken.cli('doctor');
      expect(r.code).toBe(5);
      expect(r.stdout).toMatch(/Docker endpoint +fail +Docker is not reachable\. Tried:/);
      expect(r.stdout).toContain(`  Docker endpoint (fail): start Docker at ${socket}, or fix DOCKER_HOST`);
      expect(r.stderr).toMatch(/^error: \d checks? would make `kindling up` fail: docker/);
    } finally {
      await broken.cleanup();
    }
  });
});
