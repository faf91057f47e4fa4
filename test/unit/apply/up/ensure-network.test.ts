import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../../src/api/create-context.js';
import { ensureNetwork } from '../../../../src/apply/up/ensure-network.js';
import { planUp } from '../../../../src/plan/plan.js';
import { FakeDocker } from '../../../support/unit/fake-docker.js';
import { builtinPreset } from '../../../support/unit/presets.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';
import { upState } from '../../../support/unit/up-state.js';

const dirs = tempDirs();
let docker: FakeDocker;
let dir: string;
beforeEach(async () => {
  dir = await dirs.make();
  docker = new FakeDocker();
});
afterEach(() => dirs.cleanup());

function run(hostRoutes: readonly string[] = []) {
  const ctx = createContext({ state: dir, env: { HOME: dir }, docker, hostRoutes: async () => hostRoutes });
  const plan = planUp(builtinPreset('kind'), { name: 'dev' });
  const state = upState(ctx, plan);
  return ensureNetwork.run(ctx, state);
}

describe('ensure-network', () => {
  it('makes the missing kind network with the first private subnet Docker accepts', async () => {
    docker.takenSubnets.add('172.18.0.0/16');
    await run();
    expect(docker.calls).toEqual(['create network kind 172.19.0.0/16']);
  });

  it("skips a subnet this host already routes (another engine's bridge), which Docker itself would accept", async () => {
    await run(['10.0.0.0/8', '172.18.0.0/16', '172.19.5.0/24']);
    expect(docker.calls).toEqual(['create network kind 172.20.0.0/16']);
  });

  it('leaves an existing kind network alone (it is shared by every kind cluster)', async () => {
    docker.networks.push({ name: 'kind', labels: {} });
    await run();
    expect(docker.calls).toEqual([]);
  });
});
