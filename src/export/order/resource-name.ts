// The resource name of a kind (`Deployment` in `apps/v1` → `deployments.apps`, `Service` in `v1` → `services`),
// as Velero's restore priorities and backup layout (`resources/<resource>.<group>/`) name them. Without API
// discovery (objects read from files) the plural follows the Kubernetes naming convention.
import { apiGroup } from '../kube-object.js';

const IRREGULAR: Readonly<Record<string, string>> = { endpoints: 'endpoints' };

/** The lower-case plural Kubernetes gives a kind: `Ingress` → `ingresses`, `NetworkPolicy` → `networkpolicies`. */
export function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular !== undefined) return irregular;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** `plural.group`, or just `plural` for the core group. */
export function resourceName(apiVersion: string, kind: string): string {
  const group = apiGroup(apiVersion);
  return group === '' ? pluralOf(kind) : `${pluralOf(kind)}.${group}`;
}
