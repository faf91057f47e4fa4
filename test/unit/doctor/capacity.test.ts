// The capacity estimate: available memory over the median recorded footprint of each preset, else the stated
// default (1.0 GiB for kind presets, 0.6 GiB for k3d ones).
import { describe, expect, it } from 'vitest';
import { DEFAULT_FOOTPRINT, estimateCapacity } from '../../../src/doctor/capacity.js';
import { builtinPresets } from '../../support/unit/doctor-fixture.js';

const GiB = 2 ** 30;
const at = '2026-01-01T00:00:00.000Z';

describe('estimateCapacity', () => {
  it('measured: the median of the footprints of that preset; the others by default', () => {
    const presets = builtinPresets().filter((p) => ['kind', 'k3d'].includes(p.name));
    const footprints = [
      { preset: 'kind', memoryBytes: 0.5 * GiB, measuredAt: at },
      { preset: 'kind', memoryBytes: 0.7 * GiB, measuredAt: at },
      { preset: 'kind', memoryBytes: 3 * GiB, measuredAt: at },
      { preset: 'minikube', memoryBytes: 0.1 * GiB, measuredAt: at },
    ];
    expect(estimateCapacity(presets, footprints, 10 * GiB)).toEqual([
      {
        preset: 'k3d',
        engine: 'k3d',
        footprintBytes: DEFAULT_FOOTPRINT.k3d,
        basis: 'default',
        samples: 0,
        availableBytes: 10 * GiB,
        fit: 16,
      },
      {
        preset: 'kind',
        engine: 'kind',
        footprintBytes: Math.round(0.7 * GiB),
        basis: 'measured',
        samples: 3,
        availableBytes: 10 * GiB,
        fit: 14,
      },
    ]);
  });

  it('the defaults: 1.0 GiB per kind cluster, 0.6 GiB per k3d one; an even count takes the middle two', () => {
    expect(DEFAULT_FOOTPRINT.kind / GiB).toBe(1);
    expect(DEFAULT_FOOTPRINT.k3d / GiB).toBeCloseTo(0.6, 5);
    const [kind] = estimateCapacity(
      builtinPresets().filter((p) => p.name === 'kind'),
      [
        { preset: 'kind', memoryBytes: GiB, measuredAt: at },
        { preset: 'kind', memoryBytes: 2 * GiB, measuredAt: at },
      ],
      0.5 * GiB,
    );
    expect(kind).toMatchObject({ footprintBytes: 1.5 * GiB, fit: 0 });
  });
});
