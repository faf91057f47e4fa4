import { describe, expect, it } from 'vitest';
import { targetReport } from '../../../../src/export/report/target-report.js';
import { reportJson, type ReportJson } from '../../../../src/export/report/report-json.js';
import { rewriteForTarget } from '../../../../src/export/rewrite/overlay.js';
import { devApp } from '../rewrite/dev-app.js';

describe('reportJson', () => {
  const base = devApp();
  const text = reportJson(targetReport(base, [rewriteForTarget(base, 'kubeadm')]));
  const json = JSON.parse(text) as ReportJson;

  it('has the documented keys in a fixed order, container null when absent', () => {
    expect(Object.keys(json)).toEqual(['apiVersion', 'kind', 'targets', 'findings']);
    expect(json.targets).toEqual([{ target: 'kubeadm', objects: 5, error: 2, warning: 7, info: 0 }]);
    expect(json.findings[0]).toEqual({
      target: 'kubeadm',
      severity: 'error',
      rule: 'storage-class-unmapped',
      object: '/PersistentVolumeClaim/shop/data',
      origin: 'app.yaml#1',
      container: null,
      message: 'claim asks for dev StorageClass local-path; kubeadm installs no StorageClass',
      fix: "promote again with --storage-class CLASS (or set the claim's storageClassName) naming a class the target has",
    });
    for (const finding of json.findings) {
      expect(Object.keys(finding)).toEqual(['target', 'severity', 'rule', 'object', 'origin', 'container', 'message', 'fix']);
    }
  });

  it('is two-space indented and newline-terminated', () => {
    expect(text.startsWith('{\n  "apiVersion": "kindling.dev/v1alpha1",\n  "kind": "PromotionReport",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
