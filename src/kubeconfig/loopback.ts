// Kubeconfigs kindling stores must point at 127.0.0.1: k3d writes https://0.0.0.0:PORT by default.
import { parseDocument } from 'yaml';

/** Rewrites every cluster server on 0.0.0.0 (or [::]) to 127.0.0.1; leaves everything else byte-for-byte. */
export function pinServersToLoopback(kubeconfig: string): string {
  const doc = parseDocument(kubeconfig);
  const clusters = doc.get('clusters', true) as { items?: unknown[] } | undefined;
  let changed = false;
  for (let i = 0; i < (clusters?.items?.length ?? 0); i++) {
    const server = doc.getIn(['clusters', i, 'cluster', 'server']);
    if (typeof server === 'string' && /^https:\/\/(0\.0\.0\.0|\[::\])(:\d+)?/.test(server)) {
      doc.setIn(['clusters', i, 'cluster', 'server'], server.replace(/^https:\/\/(0\.0\.0\.0|\[::\])/, 'https://127.0.0.1'));
      changed = true;
    }
  }
  return changed ? doc.toString() : kubeconfig;
}
