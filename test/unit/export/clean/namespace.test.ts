import { describe, expect, it } from 'vitest';
import { cleanNamespace } from '../../../../src/export/clean/namespace.js';
import { applied } from './apply-rule.js';

describe('cleanNamespace', () => {
  it('removes the kubernetes finalizer and the name label the API server adds', () => {
    const live = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } },
      spec: { finalizers: ['kubernetes'] },
    };
    expect(applied(cleanNamespace, live)).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  });

  it('keeps other labels and finalizers', () => {
    const chosen = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop', 'pod-security.kubernetes.io/enforce': 'restricted' } },
      spec: { finalizers: ['kubernetes', 'example.com/cleanup'] },
    };
    expect(applied(cleanNamespace, chosen)).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
      spec: { finalizers: ['example.com/cleanup'] },
    });
  });
});
