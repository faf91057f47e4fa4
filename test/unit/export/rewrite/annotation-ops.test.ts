import { describe, expect, it } from 'vitest';
import { annotationOps } from '../../../../src/export/rewrite/annotation-ops.js';
import { applyJsonPatch } from '../../../../src/export/rewrite/json-patch.js';
import type { KubeObject } from '../../../../src/export/kube-object.js';

const withAnnotations = (annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', ...(annotations === undefined ? {} : { annotations }) },
});

describe('annotationOps', () => {
  it('adds the whole map when the object has none', () => {
    expect(annotationOps(withAnnotations(), { 'a.io/x': '1' })).toEqual([
      { op: 'add', path: '/metadata/annotations', value: { 'a.io/x': '1' } },
    ]);
  });

  it('emits one operation per removed or changed key, escaping /', () => {
    const o = withAnnotations({ keep: 'same', 'old.io/gone': 'x', 'kubernetes.io/ingress.class': 'nginx' });
    const ops = annotationOps(o, { keep: 'same', 'kubernetes.io/ingress.class': 'gce', added: 'y' });
    expect(ops).toEqual([
      { op: 'remove', path: '/metadata/annotations/old.io~1gone' },
      { op: 'add', path: '/metadata/annotations/kubernetes.io~1ingress.class', value: 'gce' },
      { op: 'add', path: '/metadata/annotations/added', value: 'y' },
    ]);
    expect(applyJsonPatch(o, ops).metadata.annotations).toEqual({ keep: 'same', 'kubernetes.io/ingress.class': 'gce', added: 'y' });
  });

  it('removes the field when nothing is wanted, and does nothing when nothing changes', () => {
    expect(annotationOps(withAnnotations({ a: '1' }), {})).toEqual([{ op: 'remove', path: '/metadata/annotations' }]);
    expect(annotationOps(withAnnotations({ a: '1' }), { a: '1' })).toEqual([]);
    expect(annotationOps(withAnnotations(), {})).toEqual([]);
  });
});
