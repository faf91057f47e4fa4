// The names Kubernetes generates for service-account token secrets and volumes, recognised so that cleaning
// and skipping can tell them from names a user chose.

const SUFFIX = /^[a-z0-9]{5}$/;

/** True for `<account>-token-<5 random characters>`, the legacy auto-generated token Secret name. */
export function isGeneratedTokenName(name: string, account: string): boolean {
  const prefix = `${account}-token-`;
  return name.startsWith(prefix) && SUFFIX.test(name.slice(prefix.length));
}

/** True for `kube-api-access-<5 random characters>`, the projected token volume admission injects into Pods. */
export function isInjectedAccessVolumeName(name: string): boolean {
  const prefix = 'kube-api-access-';
  return name.startsWith(prefix) && SUFFIX.test(name.slice(prefix.length));
}
