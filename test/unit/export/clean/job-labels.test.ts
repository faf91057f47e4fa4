import { describe, expect, it } from 'vitest';
import { cleanJobLabels } from '../../../../src/export/clean/job-labels.js';
import { applied } from './apply-rule.js';

const job = (spec: Record<string, unknown>) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec });
const GENERATED = {
  'batch.kubernetes.io/controller-uid': 'f00',
  'controller-uid': 'f00',
  'batch.kubernetes.io/job-name': 'migrate',
  'job-name': 'migrate',
};

describe('cleanJobLabels', () => {
  it('removes the generated selector and template labels of a live Job', () => {
    const live = job({
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'f00' } },
      template: { metadata: { labels: { ...GENERATED, app: 'migrate' } }, spec: {} },
    });
    expect(applied(cleanJobLabels, live)).toEqual(job({ template: { metadata: { labels: { app: 'migrate' } }, spec: {} } }));
  });

  it('removes the template metadata when only generated labels were in it', () => {
    expect(applied(cleanJobLabels, job({ template: { metadata: { labels: GENERATED }, spec: {} } }))).toEqual(
      job({ template: { spec: {} } }),
    );
  });

  it('with manualSelector, removes only controller-uid labels and keeps the selector', () => {
    const manual = job({
      manualSelector: true,
      selector: { matchLabels: { 'controller-uid': 'f00' } },
      template: { metadata: { labels: { 'controller-uid': 'f00', 'job-name': 'migrate' } }, spec: {} },
    });
    expect(applied(cleanJobLabels, manual)).toEqual(
      job({ manualSelector: true, selector: {}, template: { metadata: { labels: { 'job-name': 'migrate' } }, spec: {} } }),
    );
  });

  it('keeps a job-name label naming another Job, and selector expressions', () => {
    const chosen = job({
      selector: { matchExpressions: [{ key: 'a', operator: 'Exists' }] },
      template: { metadata: { labels: { 'job-name': 'other' } } },
    });
    expect(applied(cleanJobLabels, chosen)).toEqual(chosen);
  });
});
