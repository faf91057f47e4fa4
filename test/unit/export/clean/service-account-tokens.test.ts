import { describe, expect, it } from 'vitest';
import { cleanServiceAccountTokens } from '../../../../src/export/clean/service-account-tokens.js';
import { applied } from './apply-rule.js';

describe('cleanServiceAccountTokens', () => {
  it("removes a ServiceAccount's generated token references and keeps the others", () => {
    const sa = (secrets?: unknown[]) => ({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'web' },
      ...(secrets && { secrets }),
    });
    expect(applied(cleanServiceAccountTokens, sa([{ name: 'web-token-4xk2p' }]))).toEqual(sa());
    expect(applied(cleanServiceAccountTokens, sa([{ name: 'web-token-4xk2p' }, { name: 'registry-creds' }]))).toEqual(
      sa([{ name: 'registry-creds' }]),
    );
  });

  it('empties a token Secret the user made, so the target fills it for its own account', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: {
        name: 'ci-token',
        annotations: { 'kubernetes.io/service-account.name': 'ci', 'kubernetes.io/service-account.uid': 'u1' },
      },
      data: { token: 'dA==', 'ca.crt': 'Yw==', namespace: 'bg==' },
    };
    expect(applied(cleanServiceAccountTokens, secret)).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: { name: 'ci-token', annotations: { 'kubernetes.io/service-account.name': 'ci' } },
    });
  });

  it('leaves other Secrets alone', () => {
    const opaque = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { token: 'dA==' } };
    expect(applied(cleanServiceAccountTokens, opaque)).toEqual(opaque);
  });
});
