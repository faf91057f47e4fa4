import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../../support/unit/thrown.js';
import { ConflictError, EngineFailedError, EnvironmentError } from '../../../../src/errors.js';
import { k3dEngine, k3dTimeout } from '../../../../src/engines/k3d/engine.js';
import { INSTALL_HINTS } from '../../../../src/engines/run-engine.js';
import { planUp } from '../../../../src/plan/plan.js';
import { recordedRunner, type RecordedCall } from '../../../../src/runtime/recorded-process-runner.js';
import { builtinPreset } from '../../../support/unit/presets.js';
import { inThrowawayDir, useTempDir } from '../../../support/unit/temp-dirs.js';

let tmpDir: string;
useTempDir((dir) => {
  tmpDir = dir;
});

const ENV = { HOME: '/home/me', DOCKER_HOST: 'unix:///run/docker.sock' };
const plan = planUp(builtinPreset('k3d'), { name: 'dev', workers: 2, ports: ['8080:80'] });

function engineWith(script: RecordedCall[], binary = 'k3d') {
  const runner = recordedRunner(script);
  return { runner, engine: k3dEngine({ binary, runner, env: ENV, tmpDir }) };
}

interface SeenFile {
  path: string;
  mode: number;
  dirMode: number;
  content: string;
  env: Record<string, string | undefined>;
}

/** The create call; its onCall hook records the config file as it is while k3d runs. */
function createCall(seen: SeenFile[], result: RecordedCall['result'] = {}, timeout = '300s'): RecordedCall {
  return {
    file: 'k3d',
    get args() {
      return ['cluster', 'create', '--config', inThrowawayDir(tmpDir, 'k3d-config.yaml'), '--timeout', timeout];
    },
    onCall(args, opts) {
      const path = args[3]!;
      seen.push({
        path,
        mode: statSync(path).mode & 0o777,
        dirMode: statSync(dirname(path)).mode & 0o777,
        content: readFileSync(path, 'utf8'),
        env: { ...opts.env },
      });
    },
    result,
  };
}

describe('k3dTimeout', () => {
  it('rounds up to whole seconds, at least 1s', () => {
    expect(k3dTimeout(300_000)).toBe('300s');
    expect(k3dTimeout(1_500)).toBe('2s');
    expect(k3dTimeout(1)).toBe('1s');
    expect(k3dTimeout(0)).toBe('1s');
  });
});

describe('k3d engine: create', () => {
  it('runs `k3d cluster create --config <file> --timeout 300s`; the file is 0600 in a 0700 dir during the call and holds the document', async () => {
    const seen: SeenFile[] = [];
    const { runner, engine } = engineWith([createCall(seen)]);
    await engine.create(plan.spec, plan.engineConfig, { timeoutMs: 300_000 });
    runner.assertDone();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.mode).toBe(0o600);
    expect(seen[0]!.dirMode).toBe(0o700);
    expect(parse(seen[0]!.content)).toEqual(plan.engineConfig.document);
    expect(existsSync(seen[0]!.path)).toBe(false);
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it("runs with LOG_COLORS=false and a private TMPDIR (the config file's folder) added to the environment, no stdin, and a backstop time limit", async () => {
    const seen: SeenFile[] = [];
    const { runner, engine } = engineWith([createCall(seen, {}, '90s')]);
    await engine.create(plan.spec, plan.engineConfig, { timeoutMs: 90_000 });
    expect(seen[0]!.env).toEqual({ ...ENV, LOG_COLORS: 'false', TMPDIR: dirname(seen[0]!.path) });
    const { opts } = runner.calls[0]!;
    expect(opts.input).toBeUndefined();
    expect(opts.timeoutMs).toBe(150_000);
  });

  it('removes the config file also when the call fails', async () => {
    const seen: SeenFile[] = [];
    const { engine } = engineWith([createCall(seen, { exitCode: 1, stderr: 'FATA[0001] Failed to create cluster' })]);
    await expect(engine.create(plan.spec, plan.engineConfig, { timeoutMs: 300_000 })).rejects.toThrow(EngineFailedError);
    expect(seen).toHaveLength(1);
    expect(existsSync(seen[0]!.path)).toBe(false);
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('refuses a kind plan without running anything', async () => {
    const { runner, engine } = engineWith([]);
    const kindPlan = planUp(builtinPreset('kind'), { name: 'dev' });
    await expect(engine.create(kindPlan.spec, kindPlan.engineConfig, { timeoutMs: 1000 })).rejects.toThrow('k3d engine given a kind plan');
    expect(runner.calls).toEqual([]);
  });

  it('an existing cluster -> ConflictError cluster-exists', async () => {
    const stderr = "FATA[0000] Failed to create cluster 'dev' because a cluster with that name already exists\n";
    const { engine } = engineWith([createCall([], { exitCode: 1, stderr })]);
    const err = await rejection(engine.create(plan.spec, plan.engineConfig, { timeoutMs: 300_000 }));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ code: 'cluster-exists', exitCode: 4, message: 'a k3d cluster named "dev" already exists' });
  });

  it('a taken port -> ConflictError port-in-use', async () => {
    const stderr =
      'ERRO[0002] Failed Cluster Start: Failed to start server k3d-dev-serverlb: Node k3d-dev-serverlb failed to get ready: ' +
      'Error response from daemon: driver failed programming external connectivity: Bind for 127.0.0.1:8080 failed: port is already allocated\n';
    const { engine } = engineWith([createCall([], { exitCode: 1, stderr })]);
    const err = await rejection(engine.create(plan.spec, plan.engineConfig, { timeoutMs: 300_000 }));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ code: 'port-in-use', message: 'host port 127.0.0.1:8080 is already in use' });
  });

  it("other failures -> EngineFailedError (exit 6) with only k3d's error lines", async () => {
    const stdout = "INFO[0000] Prep: Network\nINFO[0001] Created network 'k3d-dev'\n";
    const stderr =
      'ERRO[0030] Failed Cluster Start: error during post-start cluster preparation\nFATA[0030] Cluster creation FAILED, all changes have been rolled back!\n';
    const { engine } = engineWith([createCall([], { exitCode: 1, stdout, stderr })]);
    const err = (await rejection(engine.create(plan.spec, plan.engineConfig, { timeoutMs: 300_000 }))) as EngineFailedError;
    expect(err).toBeInstanceOf(EngineFailedError);
    expect(err.exitCode).toBe(6);
    expect(err.message).toBe(
      'k3d failed to create cluster "dev" (exit 1):\nERRO[0030] Failed Cluster Start: error during post-start cluster preparation\nFATA[0030] Cluster creation FAILED, all changes have been rolled back!',
    );
    expect(err.details.command).toMatch(/^k3d cluster create --config \S+\/kindling-\w{6}\/k3d-config\.yaml --timeout 300s$/);
  });

  it('a missing binary -> EnvironmentError engine-missing with the k3d install hint', async () => {
    const { engine } = engineWith([{ file: 'k3d', args: ['version'], result: { notFound: true, exitCode: -1 } }]);
    const err = await rejection(engine.version());
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err).toMatchObject({
      code: 'engine-missing',
      exitCode: 5,
      message: 'k3d not found (looked for "k3d")',
      hint: INSTALL_HINTS.k3d,
    });
  });
});

describe('k3d engine: delete, kubeconfig, version', () => {
  it('delete: `k3d cluster delete N` with LOG_COLORS=false, a throwaway KUBECONFIG and TMPDIR, removed afterwards', async () => {
    const during: { env: Record<string, string | undefined>; dirExists: boolean }[] = [];
    const { runner, engine } = engineWith([
      {
        file: 'k3d',
        args: ['cluster', 'delete', 'dev'],
        onCall: (_args, opts) => during.push({ env: { ...opts.env }, dirExists: existsSync(opts.env?.TMPDIR ?? '/nonexistent') }),
      },
    ]);
    await engine.delete('dev');
    runner.assertDone();
    const dir = during[0]!.env.TMPDIR!;
    expect(dirname(dir)).toBe(tmpDir);
    expect(during[0]!.dirExists).toBe(true);
    expect(during[0]!.env).toEqual({ ...ENV, LOG_COLORS: 'false', TMPDIR: dir, KUBECONFIG: `${dir}/kubeconfig` });
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it("delete: the user's KUBECONFIG is never handed to k3d", async () => {
    const runner = recordedRunner([{ file: 'k3d', args: ['cluster', 'delete', 'dev'] }]);
    const engine = k3dEngine({ binary: 'k3d', runner, env: { ...ENV, KUBECONFIG: '/home/me/.kube/config' }, tmpDir });
    await engine.delete('dev');
    expect(runner.calls[0]!.opts.env!.KUBECONFIG).not.toBe('/home/me/.kube/config');
  });

  it('kubeconfig: `k3d kubeconfig get N`, without the leading document marker', async () => {
    const body = 'apiVersion: v1\nclusters:\n- cluster:\n    server: https://0.0.0.0:40000\n  name: k3d-dev\n';
    const { runner, engine } = engineWith([{ file: 'k3d', args: ['kubeconfig', 'get', 'dev'], result: { stdout: `---\n${body}` } }]);
    expect(await engine.kubeconfig('dev')).toBe(body);
    runner.assertDone();
  });

  it('kubeconfig: only a leading marker is removed', async () => {
    const body = 'apiVersion: v1\n---\nkind: Config\n';
    const { engine } = engineWith([{ file: 'k3d', args: ['kubeconfig', 'get', 'dev'], result: { stdout: body } }]);
    expect(await engine.kubeconfig('dev')).toBe(body);
  });

  it('version: reads the k3d line, not the k3s one', async () => {
    const stdout = 'k3d version v5.9.0\nk3s version v1.35.5-k3s1 (default)\n';
    const { engine } = engineWith([{ file: '/opt/k3d', args: ['version'], result: { stdout } }], '/opt/k3d');
    expect(await engine.version()).toEqual({ engine: 'k3d', version: 'v5.9.0', binary: '/opt/k3d' });
  });

  it('version: unreadable output -> engine-unsupported', async () => {
    const { engine } = engineWith([{ file: 'k3d', args: ['version'], result: { stdout: 'k3s version v1.35.5-k3s1\n' } }]);
    await expect(engine.version()).rejects.toMatchObject({
      code: 'engine-unsupported',
      message: "could not read k3d's version from: k3s version v1.35.5-k3s1",
      hint: 'install k3d v5.9.0',
    });
  });

  it('names itself and uses k3d naming', () => {
    const { engine } = engineWith([]);
    expect(engine.name).toBe('k3d');
    expect(engine.naming.contextName('dev')).toBe('k3d-dev');
  });
});

describe('k3d engine: stop, start and node scaling', () => {
  it('stop and start with k3d cluster stop/start (start with --timeout)', async () => {
    const { runner, engine } = engineWith([
      { file: 'k3d', args: ['cluster', 'stop', 'dev'] },
      { file: 'k3d', args: ['cluster', 'start', 'dev', '--timeout', '90s'] },
    ]);
    await engine.stop('dev');
    await engine.start('dev', { timeoutMs: 90_000 });
    runner.assertDone();
  });

  it('addWorker: k3d node create with the cluster labels and node labels, waited for; removeNode: k3d node delete', async () => {
    const { runner, engine } = engineWith([
      {
        file: 'k3d',
        args: [
          'node',
          'create',
          'dev-agent-1',
          '--cluster',
          'dev',
          '--role',
          'agent',
          '--image',
          'rancher/k3s:v1.35.5-k3s1',
          '--runtime-label',
          'dev.kindling.cluster=dev',
          '--k3s-node-label',
          'team=a',
          '--wait',
          '--timeout',
          '60s',
        ],
      },
      { file: 'k3d', args: ['node', 'delete', 'k3d-dev-agent-1-0'] },
    ]);
    const container = await engine.addWorker('dev', {
      node: 'dev-agent-1',
      image: 'rancher/k3s:v1.35.5-k3s1',
      labels: { 'dev.kindling.cluster': 'dev' },
      nodeLabels: { team: 'a' },
      timeoutMs: 60_000,
    });
    expect(container).toBe('k3d-dev-agent-1-0');
    await engine.removeNode(container);
    runner.assertDone();
  });
});
