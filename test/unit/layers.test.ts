// The layer order in scripts/check-layers.mjs holds: no import in src/ runs upwards, no folder or module cycle.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script, no type declarations
import { LAYERS, layerViolations } from '../../scripts/check-layers.mjs';

describe('source layers', () => {
  it('no import runs upwards and nothing is circular', async () => {
    expect(await layerViolations()).toEqual([]);
  }, 60_000);

  it('lists every folder and top-level file of src/ once', async () => {
    const { readdirSync } = await import('node:fs');
    const entries = readdirSync(new URL('../../src', import.meta.url)).sort();
    expect([...(LAYERS as string[])].sort()).toEqual(entries);
  });
});
