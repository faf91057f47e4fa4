import { readFile, stat } from 'node:fs/promises';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../../src/api/create-context.js';
import { saveKubeconfig } from '../../../../src/apply/up/save-kubeconfig.js';
import { planUp } from '../../../../src/plan/plan.js';
import { recordedRunner } from '../../../../src/runtime/recorded-process-runner.js';
import { FakeDocker } from '../../../support/unit/fake-docker.js';
import { builtinPreset } from '../../../support/unit/presets.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';
import { kindGetKubeconfig, kindKubeconfig } from '../../../support/unit/world.js';
import { upState } from '../../../support/unit/up-state.js';

const dirs = tempDirs();
let dir: string;
beforeEach(async () => {
  dir = await dirs.make();
});
afterEach(() => dirs.cleanup());

/** Runs save-kubeconfig for kind cluster "dev" on the Docker engine at `endpoint`; the engine wrote `engineKubeconfig` (else it is asked). */
async function save(endpoint: string, address: string, engineKubeconfig?: string) {
  const runner = recordedRunner(engineKubeconfig === undefined ? [kindGetKubeconfig('dev', kindKubeconfig('dev', 40123))] : []);
  const ctx = createContext({ state: dir, env: { HOME: dir }, docker: new FakeDocker(endpoint), runner, binaries: { kind: 'kind' } });
  const plan = planUp(builtinPreset('kind'), { name: 'dev' });
  plan.spec.apiServer = { address, port: 0 };
  const state = upState(ctx, plan, { ...(engineKubeconfig !== undefined ? { engineKubeconfig } : {}) });
  await saveKubeconfig.run(ctx, state);
  runner.assertDone();
  const path = state.kubeconfigPath!;
  return { path, mode: (await stat(path)).mode & 0o777, cluster: parse(await readFile(path, 'utf8')).clusters[0].cluster };
}

describe('save-kubeconfig', () => {
  it('an engine on this machine: the server stays on loopback, 0.0.0.0 pinned to 127.0.0.1, no tls-server-name', async () => {
    const wildcard = kindKubeconfig('dev', 40123).replace('127.0.0.1', '0.0.0.0');
    for (const endpoint of ['unix:///var/run/docker.sock', 'tcp://127.0.0.1:2375', 'tcp://localhost:2376']) {
      const { cluster, mode } = await save(endpoint, '0.0.0.0', wildcard);
      expect(cluster).toEqual({ 'certificate-authority-data': 'Q0E=', server: 'https://127.0.0.1:40123' });
      expect(mode).toBe(0o600);
    }
  });

  it("an engine on another machine, API on 0.0.0.0: https://H:PORT with the engine's port, tls-server-name localhost", async () => {
    const { cluster, mode } = await save('tcp://192.0.2.2:2376', '0.0.0.0');
    expect(cluster).toEqual({ 'certificate-authority-data': 'Q0E=', server: 'https://192.0.2.2:40123', 'tls-server-name': 'localhost' });
    expect(mode).toBe(0o600);
    expect((await save('ssh://ci@builder.lan', '0.0.0.0')).cluster.server).toBe('https://builder.lan:40123');
    expect((await save('tcp://[2001:db8::5]:2376', '0.0.0.0')).cluster.server).toBe('https://[2001:db8::5]:40123');
  });

  it('an engine on another machine, API on one of its addresses: that address', async () => {
    const { cluster } = await save('ssh://ci@builder.lan', '10.0.0.5');
    expect(cluster).toMatchObject({ server: 'https://10.0.0.5:40123', 'tls-server-name': 'localhost' });
  });

  it('an engine on another machine, API on loopback: refused (exit 2)', async () => {
    await expect(save('tcp://192.0.2.2:2376', '127.0.0.1', kindKubeconfig('dev'))).rejects.toMatchObject({ exitCode: 2 });
  });
});
