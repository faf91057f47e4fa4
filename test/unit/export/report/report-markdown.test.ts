import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { targetReport } from '../../../../src/export/report/target-report.js';
import { reportMarkdown } from '../../../../src/export/report/report-markdown.js';
import { rewriteForTarget } from '../../../../src/export/rewrite/overlay.js';
import { shopApp } from './shop-app.js';

const GOLDEN = fileURLToPath(new URL('./golden/REPORT.md', import.meta.url));

describe('reportMarkdown', () => {
  it('matches the hand-reviewed golden REPORT.md for the shop app on eks, gke, openshift and kubeadm', () => {
    const base = shopApp();
    const overlays = (['eks', 'gke', 'openshift', 'kubeadm'] as const).map((t) =>
      rewriteForTarget(base, t, { imageRegistry: 'ghcr.io/acme' }),
    );
    const markdown = reportMarkdown(targetReport(base, overlays));
    expect(markdown).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('merges findings that differ only in target, escapes tag-like text', () => {
    const finding = {
      severity: 'warning',
      rule: 'node-port',
      object: '/Service//web',
      origin: 'cluster dev',
      message: 'stays <pending>',
      fix: 'see <docs>',
    } as const;
    const markdown = reportMarkdown({
      targets: (['eks', 'gke', 'aks'] as const).map((target) => ({ target, objects: 1, error: 0, warning: 1, info: 0 })),
      findings: [
        { ...finding, target: 'eks' },
        { ...finding, target: 'gke' },
      ],
    });
    expect(markdown.split('## Findings by object\n')[1]).toBe(
      [
        '',
        '### Service web',
        '',
        '`/Service//web` from `cluster dev`',
        '',
        '- **warning** `node-port` · eks, gke',
        '  stays \\<pending\\>.',
        '  Fix: see \\<docs\\>.',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(reportMarkdown({ targets: [{ target: 'aks', objects: 0, error: 0, warning: 0, info: 0 }], findings: [] })).toBe(
      [
        '# Promotion readiness',
        '',
        'Targets: aks. **error**: breaks on the target; **warning**: a production risk; **info**: worth a look.',
        '',
        '## Summary',
        '',
        '| Target | Objects | Errors | Warnings | Info |',
        '|---|---:|---:|---:|---:|',
        '| aks | 0 | 0 | 0 | 0 |',
        '',
        '## Findings by object',
        '',
        'No findings.',
        '',
      ].join('\n'),
    );
  });
});
