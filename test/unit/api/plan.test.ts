import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { plan } from '../../../src/api/plan.js';
import { NotFoundError } from '../../../src/errors.js';
import { builtinPresetText } from '../../support/unit/presets.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const tmp = tempDirs();
afterEach(() => tmp.cleanup());

describe('plan()', () => {
  it('defaults to the k3d preset and its cluster name', async () => {
    const p = await plan({ cwd: '/' });
    expect(p.spec).toMatchObject({ preset: 'k3d', engine: 'k3d', name: 'k3s-default' });
    expect(p.context).toBe('k3d-k3s-default');
  });

  it('a preset file relative to cwd, with overrides', async () => {
    const cwd = await tmp.make();
    await writeFile(join(cwd, 'team.yaml'), builtinPresetText('kind').replace('name: kind\n', 'name: team\n'));
    const p = await plan({ cwd, preset: './team.yaml', name: 'x', workers: 1 });
    expect(p.spec).toMatchObject({ preset: 'team', engine: 'kind', name: 'x', nodes: { workers: 1 } });
  });

  it('an unknown preset -> NotFoundError', async () => {
    await expect(plan({ cwd: '/', preset: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
