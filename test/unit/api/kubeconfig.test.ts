import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubeconfig } from '../../../src/api/kubeconfig.js';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { builtinPreset } from '../../support/unit/presets.js';
import { kindKubeconfig, kindUp, type World, useWorld } from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

describe('kubeconfig', () => {
  it('the stored kubeconfig: path and content', async () => {
    await kindUp(w, 'dev');
    expect(await kubeconfig({ ...w.options(), name: 'dev' })).toEqual({
      name: 'dev',
      path: join(w.state, 'clusters', 'dev', 'kubeconfig'),
      content: kindKubeconfig('dev'),
    });
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
