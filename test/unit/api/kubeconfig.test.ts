import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kubeconfig } from '../../../src/api/kubeconfig.js';
import { up } from '../../../src/api/up.js';
import { recordedRunner } from '../../../src/runtime/recorded-process-runner.js';
import { resolveClusterSpec } from '../../../src/plan/cluster-spec.js';
import { builtinPreset } from '../../support/unit/presets.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';
import { kindCreate, kindGetKubeconfig, kindKubeconfig, kindVersion, world, type World } from '../../support/unit/world.js';

const dirs = tempDirs();
let w: World;
beforeEach(async () => {
  w = await world(await dirs.make());
});
afterEach(() => dirs.cleanup());

describe('kubeconfig', () => {
  it('the stored kubeconfig: path and content', async () => {
    await up({ ...w.options({ runner: recordedRunner([kindVersion(), kindCreate(w, 'dev'), kindGetKubeconfig('dev')]) }), preset: 'kind', name: 'dev' });
    expect(await kubeconfig({ ...w.options(), name: 'dev' })).toEqual({ name: 'dev', path: join(w.state, 'clusters', 'dev', 'kubeconfig'), content: kindKubeconfig('dev') });
  });

  it('an unknown cluster -> NotFoundError (exit 3)', async () => {
    await expect(kubeconfig({ ...w.options(), name: 'ghost' })).rejects.toMatchObject({
      code: 'cluster-not-found',
      exitCode: 3,
      message: `no cluster named "ghost" in the state store (${w.state})`,
    });
  });

  it('a cluster that never finished creating says so and how to recover', async () => {
    await w.store().writeSpec('half', { generation: 1, spec: resolveClusterSpec(builtinPreset('kind'), { name: 'half' }).spec });
    await expect(kubeconfig({ ...w.options(), name: 'half' })).rejects.toMatchObject({
      exitCode: 3,
      message: 'cluster "half" has no stored kubeconfig (it never finished creating)',
      hint: 'run `kindling down half` and `kindling up` again',
    });
  });
});
