// `kindling doctor` in-process: the text (a table, the capacity, the fixes) from a report, and a run against a
// DOCKER_HOST nobody listens on and no engine binaries: the report still prints, with the fixes, and exit 5.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../../../src/api/doctor.js';
import { doctorText } from '../../../../src/cli/commands/doctor.js';
import { runCli } from '../../../support/unit/cli.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';

const tmp = tempDirs();
let dir: string;
let env: Record<string, string>;

beforeEach(async () => {
  dir = await tmp.make();
  await mkdir(join(dir, 'bin'));
  env = {
    PATH: join(dir, 'bin'),
    HOME: join(dir, 'home'),
    KINDLING_STATE: join(dir, 'state'),
    DOCKER_HOST: `unix://${join(dir, 'docker.sock')}`,
  };
});
afterEach(() => tmp.cleanup());

const GiB = 2 ** 30;
const REPORT: DoctorReport = {
  apiVersion: 'kindling.dev/v1alpha1',
  kind: 'DoctorReport',
  checks: [
    { id: 'docker', title: 'Docker endpoint', blocking: true, status: 'ok', detail: 'unix:///var/run/docker.sock: Docker 28.3.2' },
    { id: 'inotify', title: 'inotify limits', blocking: false, status: 'warn', detail: 'max_user_watches 8192', fix: 'sudo sysctl -w x=y' },
  ],
  capacity: [
    { preset: 'k3d', engine: 'k3d', footprintBytes: 0.6 * GiB, basis: 'default', samples: 0, availableBytes: 6 * GiB, fit: 10 },
    { preset: 'kind', engine: 'kind', footprintBytes: 5 * GiB, basis: 'measured', samples: 3, availableBytes: 6 * GiB, fit: 1 },
  ],
  ok: true,
};

describe('kindling doctor', () => {
  it('text: the checks as a table, the capacity, then the fixes of what is not ok', () => {
    expect(doctorText(REPORT)).toBe(
      [
        'CHECK             STATUS   DETAIL',
        'Docker endpoint   ok       unix:///var/run/docker.sock: Docker 28.3.2',
        'inotify limits    warn     max_user_watches 8192',
        '',
        'Capacity, from 6.0 GiB available:',
        '  about 10 more clusters of k3d fit (0.6 GiB each, default)',
        '  about 1 more cluster of kind fit (5.0 GiB each, measured: median of 3)',
        '',
        'To fix:',
        '  inotify limits (warn): sudo sysctl -w x=y',
        '',
      ].join('\n'),
    );
  });

  it('Docker unreachable, no kind or k3d: the report with the fixes, then exit 5 naming the blocking checks', async () => {
    const r = await runCli(['doctor'], { env });
    expect(r.code).toBe(5);
    expect(r.stdout).toMatch(/^CHECK +STATUS +DETAIL\nDocker endpoint +fail +Docker is not reachable\. Tried:; unix:\/\//);
    expect(r.stdout).toContain(`  Docker endpoint (fail): start Docker at ${env.DOCKER_HOST}, or fix DOCKER_HOST`);
    expect(r.stdout).toMatch(/cgroup version +warn +not checked: Docker is not reachable/);
    expect(r.stdout).toMatch(/kind binary +fail +kind not found/);
    expect(r.stderr).toBe(
      'error: 3 checks would make `kindling up` fail: docker, kind, k3d\nhint: fix them as the report says, then run `kindling doctor` again\n',
    );
  });

  it('-o json: the DoctorReport with every check, ok false', async () => {
    const r = await runCli(['doctor', '-o', 'json'], { env });
    expect(r.code).toBe(5);
    const report = JSON.parse(r.stdout) as DoctorReport;
    expect(Object.keys(report)).toEqual(['apiVersion', 'kind', 'checks', 'capacity', 'ok']);
    expect(report).toMatchObject({ apiVersion: 'kindling.dev/v1alpha1', kind: 'DoctorReport', ok: false });
    expect(report.checks.map((c) => c.id)).toEqual([
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
      expect(['ok', 'warn', 'fail']).toContain(c.status);
      if (c.status !== 'ok') expect(c.fix, c.id).toBeTruthy();
    }
    expect(report.capacity.map((c) => c.preset)).toEqual(['k3d', 'k3s', 'kind', 'microk8s', 'minikube']);
  });
});
