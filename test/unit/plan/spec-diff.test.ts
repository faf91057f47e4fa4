import { describe, expect, it } from 'vitest';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { describeDifferences, diffSpecs } from '../../../src/plan/spec-diff.js';
import { builtinPreset } from '../../support/unit/presets.js';

const spec = (overrides: Parameters<typeof resolveClusterSpec>[1] = {}) =>
  resolveClusterSpec(builtinPreset('kind'), { name: 'dev', ...overrides }).spec;

describe('diffSpecs', () => {
  it('equal specs have no differences (fresh objects, same content)', () => {
    expect(diffSpecs(spec({ ports: ['8080:80'] }), spec({ ports: ['8080:80'] }))).toEqual([]);
  });

  it('names a nested field by its dotted path, with both values', () => {
    expect(diffSpecs(spec(), spec({ workers: 2 }))).toEqual([{ path: 'nodes.workers', existing: 0, requested: 2 }]);
  });

  it('lists every difference in a stable (sorted) order', () => {
    const diffs = diffSpecs(spec(), spec({ workers: 1, image: 'my/node:1' }));
    expect(diffs.map((d) => d.path)).toEqual(['image', 'nodes.workers']);
  });

  it('array items are compared by index; an added item is a difference', () => {
    expect(diffSpecs(spec({ ports: ['8080:80'] }), spec({ ports: ['8081:80'] }))).toEqual([
      { path: 'ports.0.hostPort', existing: 8080, requested: 8081 },
    ]);
    const added = diffSpecs(spec(), spec({ ports: ['8080:80'] }));
    expect(added).toEqual([
      {
        path: 'ports.0',
        existing: undefined,
        requested: { listenAddress: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'TCP' },
      },
    ]);
  });
});

describe('describeDifferences', () => {
  it('"path: old -> new" joined by "; ", values as JSON', () => {
    expect(describeDifferences(diffSpecs(spec(), spec({ workers: 2, image: 'my/node:1' })))).toBe(
      `image: ${JSON.stringify(spec().image)} -> "my/node:1"; nodes.workers: 0 -> 2`,
    );
  });

  it('nothing for no differences', () => {
    expect(describeDifferences([])).toBe('');
  });
});
