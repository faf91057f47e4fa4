import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/api/create-context.js';
import { sweepLeftovers } from '../../../src/apply/sweep.js';
import { recordedRunner } from '../../../src/runtime/recorded-process-runner.js';
import { container, FakeDocker, k3dNode, kindNode } from '../../support/unit/fake-docker.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const dirs = tempDirs();
let docker: FakeDocker;
let dir: string;
beforeEach(async () => {
  dir = await dirs.make();
  docker = new FakeDocker();
});
afterEach(() => dirs.cleanup());
const ctx = () => createContext({ state: dir, env: { HOME: dir }, docker, runner: recordedRunner([]) });

describe('sweepLeftovers', () => {
  it("kind: removes containers with kind's cluster label or kindling's, each once; nothing else", async () => {
    const both = kindNode('dev', 'dev-control-plane', 'control-plane');
    both.labels['dev.kindling.managed'] = 'true';
    both.labels['dev.kindling.cluster'] = 'dev';
    docker.containers.push(
      both,
      kindNode('dev', 'dev-worker', 'worker'),
      container('dev-registry', { 'dev.kindling.managed': 'true', 'dev.kindling.cluster': 'dev' }),
      container('half-labelled', { 'dev.kindling.cluster': 'dev' }), // not marked managed: not ours
      kindNode('devx', 'devx-control-plane', 'control-plane'),
      container('dev-something', {}),
    );
    const result = await sweepLeftovers(ctx(), 'dev', 'kind');
    expect(result).toEqual({ containers: ['dev-control-plane', 'dev-worker', 'dev-registry'], networks: [], volumes: [] });
    expect(docker.removed.containers).toEqual(['dev-control-plane', 'dev-worker', 'dev-registry']);
    expect(docker.containers.map((c) => c.name)).toEqual(['half-labelled', 'devx-control-plane', 'dev-something']);
  });

  it('k3d: also its network and volume, only when labelled app=k3d', async () => {
    docker.containers.push(k3dNode('dev', 'k3d-dev-server-0', 'server'));
    docker.networks.push({ name: 'k3d-dev', labels: { app: 'k3d' } }, { name: 'k3d-devx', labels: { app: 'k3d' } });
    docker.volumes.push({ name: 'k3d-dev-images', labels: {} });
    expect(await sweepLeftovers(ctx(), 'dev', 'k3d')).toEqual({ containers: ['k3d-dev-server-0'], networks: ['k3d-dev'], volumes: [] });
    expect(docker.networks.map((n) => n.name)).toEqual(['k3d-devx']);
    expect(docker.volumes.map((v) => v.name)).toEqual(['k3d-dev-images']);
  });

  it('nothing left: an empty result', async () => {
    expect(await sweepLeftovers(ctx(), 'dev', 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
  });
});
