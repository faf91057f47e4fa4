import { describe, expect, it } from 'vitest';
import { targetReport } from '../../../../src/export/report/target-report.js';
import { rewriteForTarget } from '../../../../src/export/rewrite/overlay.js';
import { devApp } from '../rewrite/dev-app.js';

describe('targetReport', () => {
  const base = devApp();
  const report = targetReport(base, [rewriteForTarget(base, 'gke', { imageRegistry: 'ghcr.io/acme' }), rewriteForTarget(base, 'kubeadm')]);

  it('summarises each target in the order given, counting the objects after the overlay', () => {
    expect(report.targets).toEqual([
      { target: 'gke', objects: 5, error: 0, warning: 5, info: 3 },
      { target: 'kubeadm', objects: 5, error: 2, warning: 7, info: 0 },
    ]);
  });

  it('judges the final objects: what the overlay fixed is gone, what it could not fix remains; sorted by object, target, severity, rule', () => {
    expect(report.findings.map((f) => [f.object, f.target, f.severity, f.rule, f.container ?? ''])).toEqual([
      ['/PersistentVolumeClaim/shop/data', 'kubeadm', 'error', 'storage-class-unmapped', ''],
      ['/Service/shop/web', 'gke', 'info', 'public-exposure', ''],
      ['/Service/shop/web', 'kubeadm', 'warning', 'load-balancer-unsupported', ''],
      ['apps/Deployment/shop/web', 'gke', 'warning', 'container-probes', 'web'],
      ['apps/Deployment/shop/web', 'gke', 'warning', 'container-resources', 'web'],
      ['apps/Deployment/shop/web', 'gke', 'warning', 'image-side-loaded', 'web'],
      ['apps/Deployment/shop/web', 'gke', 'warning', 'pod-security-restricted', 'web'],
      ['apps/Deployment/shop/web', 'gke', 'warning', 'single-replica', ''],
      ['apps/Deployment/shop/web', 'gke', 'info', 'image-push-needed', 'web'],
      ['apps/Deployment/shop/web', 'kubeadm', 'error', 'image-dev-registry', 'web'],
      ['apps/Deployment/shop/web', 'kubeadm', 'warning', 'container-probes', 'web'],
      ['apps/Deployment/shop/web', 'kubeadm', 'warning', 'container-resources', 'web'],
      ['apps/Deployment/shop/web', 'kubeadm', 'warning', 'image-side-loaded', 'web'],
      ['apps/Deployment/shop/web', 'kubeadm', 'warning', 'pod-security-restricted', 'web'],
      ['apps/Deployment/shop/web', 'kubeadm', 'warning', 'single-replica', ''],
      ['networking.k8s.io/Ingress/shop/web', 'gke', 'info', 'public-exposure', ''],
      ['networking.k8s.io/Ingress/shop/web', 'kubeadm', 'warning', 'ingress-unsupported', ''],
    ]);
  });

  it('every finding names its origin', () => {
    expect(new Set(report.findings.map((f) => f.origin))).toEqual(new Set(['app.yaml#1', 'app.yaml#2', 'app.yaml#3', 'app.yaml#4']));
  });

  it('is deterministic and leaves the base alone', () => {
    const again = targetReport(structuredClone(base), [
      rewriteForTarget(base, 'gke', { imageRegistry: 'ghcr.io/acme' }),
      rewriteForTarget(base, 'kubeadm'),
    ]);
    expect(again).toEqual(report);
    expect(base).toEqual(devApp());
  });
});
