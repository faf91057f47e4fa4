// `logs` against the fakes: a kind cluster made by `up`, its node container logging, a Kubernetes API with
// events, nodes and pods, and a recorded `kind export logs` that writes files. Credentials are planted in each.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logs, type LogsOptions } from '../../../src/api/logs.js';
import { ConflictError, NotFoundError } from '../../../src/errors.js';
import { recordedRunner, type RecordedCall } from '../../../src/runtime/recorded-process-runner.js';
import { FakeKubeApi } from '../../support/unit/fake-kube-api.js';
import { tarGzEntries, type TarEntry } from '../../support/unit/tar-gz-entries.js';
import { inThrowawayDir } from '../../support/unit/temp-dirs.js';
import { kindUp, type World, useWorld } from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

const NOW = new Date('2026-03-01T10:20:30Z');
const TOP = 'kindling-logs-dev-20260301-102030';
const PLANTED = {
  bearer: 'bEaReR-pl4nted-0123456789',
  env: 'ghp_pl4ntedEnvT0ken',
  key: 'MIIEpl4ntedPrivateKeyBody',
  event: 'evT0kenPl4nted99',
};

/** `kind export logs <throwaway>/export --name dev`: writes what kind writes, with credentials in it. */
function kindExport(result: RecordedCall['result'] = {}): RecordedCall {
  return {
    file: 'kind',
    get args() {
      return ['export', 'logs', inThrowawayDir(w.tmp, 'export'), '--name', 'dev'];
    },
    onCall: (args) => {
      const dir = args[2]!;
      mkdirSync(join(dir, 'dev-control-plane'), { recursive: true });
      writeFileSync(join(dir, 'kind-version.txt'), 'kind v0.32.0 go1.24.2 linux/amd64\n');
      writeFileSync(
        join(dir, 'dev-control-plane', 'kubelet.log'),
        `I0301 kubelet.go:1] request GET /api Authorization: Bearer ${PLANTED.bearer}\n`,
      );
      writeFileSync(
        join(dir, 'dev-control-plane', 'serial.log'),
        `-----BEGIN RSA PRIVATE KEY-----\n${PLANTED.key}\n-----END RSA PRIVATE KEY-----\n`,
      );
    },
    result,
  };
}

function kubeApi(): FakeKubeApi {
  return new FakeKubeApi().seed(
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'dev-control-plane', managedFields: [{ manager: 'kubelet' }] },
      status: { phase: 'Ready' },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'api',
        namespace: 'shop',
        annotations: {
          team: 'shop',
          'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
            spec: { containers: [{ env: [{ name: 'X', value: PLANTED.env }] }] },
          }),
        },
      },
      spec: { containers: [{ name: 'api', env: [{ name: 'GITHUB_TOKEN', value: PLANTED.env }] }] },
      status: { phase: 'Running' },
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'api.1', namespace: 'shop' },
      reason: 'Failed',
      message: `webhook said 401 for token=${PLANTED.event}`,
      lastTimestamp: '2026-03-01T10:00:00Z',
    },
  );
}

async function run(extra: Partial<LogsOptions> = {}, script: RecordedCall[] = [kindExport()], api: FakeKubeApi | Error = kubeApi()) {
  await kindUp(w, 'dev');
  w.docker.logs.set('dev-control-plane', `2026-03-01T10:00:00Z starting\n2026-03-01T10:00:01Z Authorization: Bearer ${PLANTED.bearer}\n`);
  const runner = recordedRunner(script);
  const options: LogsOptions = {
    ...w.options({ runner, now: () => NOW, cwd: w.dir }),
    kubeApi: async () => {
      if (api instanceof Error) throw api;
      return api;
    },
    name: 'dev',
    ...extra,
  };
  return logs(options);
}

const names = (entries: TarEntry[]) => entries.map((e) => e.name.slice(TOP.length + 1));

function expectNoCredentials(entries: TarEntry[]): void {
  const all = entries.map((e) => e.text).join('\n');
  for (const planted of Object.values(PLANTED)) expect(all).not.toContain(planted);
  // The stored kubeconfig (kindKubeconfig) is never added, nor its key and certificate.
  expect(all).not.toContain('client-key-data: S0VZ');
  expect(all).not.toContain('Q0VSVA==');
  expect(names(entries).some((n) => n.includes('kubeconfig'))).toBe(false);
}

describe('logs', () => {
  it('writes ./kindling-logs-<name>-<stamp>.tar.gz (0600): engine export, node logs, API objects, kindling records, doctor; no credentials', async () => {
    const result = await run();
    const path = join(w.dir, `${TOP}.tar.gz`);
    expect(result).toMatchObject({ name: 'dev', path, errors: [] });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const entries = await tarGzEntries(path);
    expect(entries.every((e) => e.name.startsWith(`${TOP}/`) && e.mode === 0o600)).toBe(true);
    expect(names(entries).sort()).toEqual(
      [
        'engine/dev-control-plane/kubelet.log',
        'engine/dev-control-plane/serial.log',
        'engine/kind-version.txt',
        'kindling/doctor.yaml',
        'kindling/history.yaml',
        'kindling/observed-status.yaml',
        'kindling/spec.yaml',
        'kindling/status.yaml',
        'kubernetes/events.yaml',
        'kubernetes/nodes.yaml',
        'kubernetes/pods.yaml',
        'nodes/containers.yaml',
        'nodes/dev-control-plane.log',
      ].sort(),
    );
    expect(result.files.map((f) => f.slice(TOP.length + 1)).sort()).toEqual(names(entries).sort());
    expectNoCredentials(entries);
    const text = (n: string) => entries.find((e) => e.name === `${TOP}/${n}`)!.text;
    expect(text('nodes/dev-control-plane.log')).toContain('2026-03-01T10:00:00Z starting');
    expect(text('kubernetes/pods.yaml')).toContain('name: GITHUB_TOKEN');
    expect(text('kubernetes/events.yaml')).toContain('webhook said 401 for token=REDACTED');
    expect(text('kubernetes/nodes.yaml')).not.toContain('managedFields');
    expect(text('kubernetes/pods.yaml')).not.toContain('last-applied-configuration');
    expect(text('kubernetes/pods.yaml')).toContain('team: shop');
    expect(text('kindling/history.yaml')).toContain('op: up');
    expect(await readdir(w.tmp)).toEqual([]);
  });

  it('a failed engine export and an unreachable API are listed in errors.txt; the rest is in the archive', async () => {
    const failing = kindExport({ exitCode: 1, stderr: 'ERROR: [command "docker exec --privileged dev-control-plane journalctl" failed]' });
    const result = await run({ out: 'broken.tar.gz' }, [failing], new Error('connect ECONNREFUSED 127.0.0.1:40000'));
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatch(/^kind: export logs: kind failed to export the logs of "dev" \(exit 1\)/);
    expect(result.errors[1]).toBe('Kubernetes API: unreachable, no events, nodes or pods: connect ECONNREFUSED 127.0.0.1:40000');
    const entries = await tarGzEntries(join(w.dir, 'broken.tar.gz'));
    expect(names(entries)).toContain('engine/kind-version.txt');
    expect(names(entries)).toContain('nodes/dev-control-plane.log');
    expect(names(entries).filter((n) => n.startsWith('kubernetes/'))).toEqual([]);
    expect(entries.find((e) => e.name === `${TOP}/errors.txt`)!.text).toBe(`${result.errors.join('\n')}\n`);
    expectNoCredentials(entries);
  });

  it('never writes over an existing file: ConflictError (exit 4) before anything is read; --force replaces it', async () => {
    await writeFile(join(w.dir, 'taken.tar.gz'), 'mine');
    const err = await run({ out: 'taken.tar.gz' }, []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(await readFile(join(w.dir, 'taken.tar.gz'), 'utf8')).toBe('mine');
    await run({ out: 'taken.tar.gz', force: true });
    expect(names(await tarGzEntries(join(w.dir, 'taken.tar.gz')))).toContain('kindling/spec.yaml');
    expect((await stat(join(w.dir, 'taken.tar.gz'))).mode & 0o777).toBe(0o600);
  });

  it('an unknown cluster -> NotFoundError (exit 3), no file', async () => {
    const err = await logs({ ...w.options({ cwd: w.dir }), name: 'ghost' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ exitCode: 3 });
    expect((await readdir(w.dir)).filter((f) => f.endsWith('.tar.gz'))).toEqual([]);
  });
});
