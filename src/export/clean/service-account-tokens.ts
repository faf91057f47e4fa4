// Service-account token references a cluster generates (promotion.md 4.2, Velero's service account and secret
// actions): a ServiceAccount's `<name>-token-*` secret references, and in a token Secret the uid annotation
// and the token data, which the target's token controller fills in again for its own account.
import { apiGroup, type KubeObject } from '../kube-object.js';
import { dropEntries, dropItems, isPlainMap } from './nested-maps.js';
import { isGeneratedTokenName } from './token-names.js';

const TOKEN_DATA = new Set(['token', 'ca.crt', 'namespace']);

/** Removes generated token references from ServiceAccounts and generated data from token Secrets. */
export function cleanServiceAccountTokens(o: KubeObject): void {
  if (apiGroup(o.apiVersion) !== '') return;
  const account = o.metadata.name;
  if (o.kind === 'ServiceAccount' && account !== undefined) {
    dropItems(o, 'secrets', (ref) => isPlainMap(ref) && typeof ref.name === 'string' && isGeneratedTokenName(ref.name, account));
  }
  if (o.kind === 'Secret' && o.type === 'kubernetes.io/service-account-token') {
    dropEntries(o.metadata, 'annotations', (key) => key === 'kubernetes.io/service-account.uid');
    dropEntries(o, 'data', (key) => TOKEN_DATA.has(key));
  }
}
