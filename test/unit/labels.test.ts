import { describe, expect, it } from 'vitest';
import { clusterLabels, LABEL_CLUSTER, LABEL_MANAGED, LABEL_PRESET } from '../../src/labels.js';

describe('clusterLabels', () => {
  it("marks an object as kindling's, for a cluster and a preset", () => {
    expect([LABEL_MANAGED, LABEL_CLUSTER, LABEL_PRESET]).toEqual(['dev.kindling.managed', 'dev.kindling.cluster', 'dev.kindling.preset']);
    expect(clusterLabels('dev', 'k3d')).toEqual({
      'dev.kindling.managed': 'true',
      'dev.kindling.cluster': 'dev',
      'dev.kindling.preset': 'k3d',
    });
  });
});
