import { readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../../support/unit/thrown.js';
import { ConflictError, EngineFailedError, EnvironmentError } from '../../../../src/errors.js';
import { kindEngine } from '../../../../src/engines/kind/engine.js';
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
const plan = planUp(builtinPreset('kind'), { name: 'dev', workers: 1, ports: ['8080:80'] });

function engineWith(script: RecordedCall[], binary = 'kind') {
  const runner = recordedRunner(script);
  return { runner, engine: kindEngine({ binary, runner, env: ENV, tmpDir }) };
}

/** The create call, with the throwaway kubeconfig path resolved at call time. */
function createCall(result: RecordedCall['result'] = {}, file = 'kind'): RecordedCall {
  return {
    file,
    get args() {
      return ['create', 'cluster', '--name', 'dev', '--config', '-', '--kubeconfig', inThrowawayDir(tmpDir, 'kubeconfig')];
    },
    input: (stdin: string) => JSON.stringify(parse(stdin)) === JSON.stringify(plan.engineConfig.document),
    result,
  };
}

describe('kind engine: create', () => {
  it('runs `kind create cluster --name N --config - --kubeconfig <throwaway>` with the config on stdin', async () => {
    const { runner, engine } = engineWith([createCall()]);
    await engine.create(plan.spec, plan.engineConfig, { timeoutMs: 123_000 });
    runner.assertDone();
    const { opts } = runner.calls[0]!;
    expect(parse(opts.input!)).toEqual(plan.engineConfig.document);
    expect(opts.env).toEqual(ENV);
    expect(opts.timeoutMs).toBe(123_000);
  });

  it('removes the throwaway kubeconfig directory afterwards', async () => {
    const { engine } = engineWith([createCall()]);
    await engine.create(plan.spec, plan.engineConfig, { timeoutMs: 1000 });
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('removes it also when create fails', async () => {
    const { engine } = engineWith([createCall({ exitCode: 1, stderr: 'ERROR: failed to create cluster: boom' })]);
    await expect(engine.create(plan.spec, plan.engineConfig, { timeoutMs: 1000 })).rejects.toThrow(EngineFailedError);
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('passes the abort signal on', async () => {
    const { runner, engine } = engineWith([createCall()]);
    const signal = new AbortController().signal;
    await engine.create(plan.spec, plan.engineConfig, { timeoutMs: 1000, signal });
    expect(runner.calls[0]!.opts.signal).toBe(signal);
  });

  it('refuses a k3d plan', async () => {
    const { runner, engine } = engineWith([]);
    const k3dPlan = planUp(builtinPreset('k3d'), { name: 'dev' });
    await expect(engine.create(k3dPlan.spec, k3dPlan.engineConfig, { timeoutMs: 1000 })).rejects.toThrow('kind engine given a k3d plan');
    expect(runner.calls).toEqual([]);
  });

  it('"node(s) already exist" -> ConflictError cluster-exists (exit 4)', async () => {
    const { engine } = engineWith([
      createCall({ exitCode: 1, stderr: 'ERROR: failed to create cluster: node(s) already exist for a cluster with the name "dev"\n' }),
    ]);
    const err = await rejection(engine.create(plan.spec, plan.engineConfig, { timeoutMs: 1000 }));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({
      code: 'cluster-exists',
      exitCode: 4,
      message: 'a kind cluster named "dev" already exists',
      hint: 'choose another --name, or delete it first',
    });
  });

  it('"address already in use" -> ConflictError port-in-use (exit 4)', async () => {
    const stderr = [
      'Creating cluster "dev" ...',
      ' ✓ Ensuring node image (kindest/node:v1.36.1) 🖼',
      ' ✗ Preparing nodes 📦',
      'ERROR: failed to create cluster: command "docker run --name dev-control-plane ..." failed with error: exit status 125',
      'Command Output: docker: Error response from daemon: driver failed programming external connectivity on endpoint dev-control-plane: Error starting userland proxy: listen tcp4 127.0.0.1:8080: bind: address already in use.',
      '',
    ].join('\n');
    const { engine } = engineWith([createCall({ exitCode: 1, stderr })]);
    const err = await rejection(engine.create(plan.spec, plan.engineConfig, { timeoutMs: 1000 }));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ code: 'port-in-use', exitCode: 4, hint: 'stop what listens there or choose another --port' });
    expect(err.message.startsWith('host port 127.0.0.1:8080 is already in use')).toBe(true);
  });

  it("other failures -> EngineFailedError (exit 6) with kind's stderr in the message", async () => {
    const stderr = 'Creating cluster "dev" ...\nERROR: failed to create cluster: failed to init node with kubeadm: exit status 1\n';
    const { engine } = engineWith([createCall({ exitCode: 1, stderr })]);
    const err = await rejection(engine.create(plan.spec, plan.engineConfig, { timeoutMs: 1000 }));
    expect(err).toBeInstanceOf(EngineFailedError);
    expect((err as EngineFailedError).exitCode).toBe(6);
    expect(err.message).toBe(`kind failed to create cluster "dev" (exit 1):\n${stderr.trim()}`);
    expect((err as EngineFailedError).details.command).toMatch(
      /^kind create cluster --name dev --config - --kubeconfig \S+\/kindling-\w{6}\/kubeconfig$/,
    );
  });

  it('a missing binary -> EnvironmentError engine-missing with the install hint', async () => {
    const { engine } = engineWith([createCall({ notFound: true, exitCode: -1 }, '/nope/kind')], '/nope/kind');
    const err = await rejection(engine.create(plan.spec, plan.engineConfig, { timeoutMs: 1000 }));
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err).toMatchObject({
      code: 'engine-missing',
      exitCode: 5,
      message: 'kind not found (looked for "/nope/kind")',
      hint: INSTALL_HINTS.kind,
    });
  });
});

describe('kind engine: delete, kubeconfig, version', () => {
  it('delete: `kind delete cluster --name N --kubeconfig <throwaway>`, then the directory is gone', async () => {
    const { runner, engine } = engineWith([
      {
        file: 'kind',
        get args() {
          return ['delete', 'cluster', '--name', 'dev', '--kubeconfig', inThrowawayDir(tmpDir, 'kubeconfig')];
        },
      },
    ]);
    await engine.delete('dev');
    runner.assertDone();
    expect(runner.calls[0]!.opts.env).toEqual(ENV);
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('kubeconfig: `kind get kubeconfig --name N`, returned as printed', async () => {
    const kubeconfig = 'apiVersion: v1\nclusters:\n- cluster:\n    server: https://127.0.0.1:40000\n  name: kind-dev\n';
    const { runner, engine } = engineWith([{ file: 'kind', args: ['get', 'kubeconfig', '--name', 'dev'], result: { stdout: kubeconfig } }]);
    expect(await engine.kubeconfig('dev')).toBe(kubeconfig);
    runner.assertDone();
  });

  it('version: reads vX.Y.Z from `kind version`', async () => {
    const { engine } = engineWith(
      [{ file: '/usr/local/bin/kind', args: ['version'], result: { stdout: 'kind v0.32.0 go1.24.2 linux/amd64\n' } }],
      '/usr/local/bin/kind',
    );
    expect(await engine.version()).toEqual({ engine: 'kind', version: 'v0.32.0', binary: '/usr/local/bin/kind' });
  });

  it('version: a pre-release suffix is kept', async () => {
    const { engine } = engineWith([{ file: 'kind', args: ['version'], result: { stdout: 'kind v0.33.0-alpha+abc go1.24 linux/amd64\n' } }]);
    expect((await engine.version()).version).toBe('v0.33.0-alpha+abc');
  });

  it('version: unreadable output -> EnvironmentError engine-unsupported', async () => {
    const { engine } = engineWith([{ file: 'kind', args: ['version'], result: { stdout: 'something else\n' } }]);
    const err = await rejection(engine.version());
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err).toMatchObject({
      code: 'engine-unsupported',
      message: "could not read kind's version from: something else",
      hint: 'install kind v0.33.0 (or v0.32.0)',
    });
  });

  it('version: ENOENT -> engine-missing', async () => {
    const { engine } = engineWith([{ file: 'kind', args: ['version'], result: { notFound: true, exitCode: -1 } }]);
    await expect(engine.version()).rejects.toMatchObject({ code: 'engine-missing', exitCode: 5 });
  });

  it('names itself and uses kind naming', () => {
    const { engine } = engineWith([]);
    expect(engine.name).toBe('kind');
    expect(engine.naming.contextName('dev')).toBe('kind-dev');
  });
});
