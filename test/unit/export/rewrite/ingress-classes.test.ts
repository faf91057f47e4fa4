import { describe, expect, it } from 'vitest';
import { ingressClassOf, isIngress } from '../../../../src/export/rewrite/ingress-classes.js';
import { ingress } from './fixtures.js';

describe('ingressClassOf', () => {
  it('spec.ingressClassName, else the legacy annotation, else none', () => {
    expect(ingressClassOf(ingress({ ingressClassName: 'alb' }, { 'kubernetes.io/ingress.class': 'nginx' }))).toBe('alb');
    expect(ingressClassOf(ingress({}, { 'kubernetes.io/ingress.class': 'nginx' }))).toBe('nginx');
    expect(ingressClassOf(ingress())).toBe('');
  });
});

describe('isIngress', () => {
  it('networking.k8s.io and the old extensions group only', () => {
    expect(isIngress(ingress())).toBe(true);
    expect(isIngress({ ...ingress(), apiVersion: 'extensions/v1beta1' })).toBe(true);
    expect(isIngress({ ...ingress(), apiVersion: 'example.com/v1' })).toBe(false);
  });
});
