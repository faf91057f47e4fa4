import { describe, expect, it } from 'vitest';
import { secretIncluded } from '../../../../src/export/report/secret-rules.js';
import { ruleContext } from './rule-context.js';

describe('secretIncluded', () => {
  it('a warning per Secret, nothing for other kinds', () => {
    expect(secretIncluded(ruleContext({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, data: { password: 'cA==' } }))).toEqual(
      [
        {
          severity: 'warning',
          rule: 'secret-included',
          message: 'the bundle contains this Secret (written 0600)',
          fix: 'keep the bundle out of version control, or recreate the Secret on the target from a secret manager',
        },
      ],
    );
    expect(secretIncluded(ruleContext({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'db' } }))).toEqual([]);
  });
});
