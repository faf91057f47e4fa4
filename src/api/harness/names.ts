// The names a test process gets when it gives none: one per test worker (so parallel test files never collide),
// or, with reuse, one per spec (so every file asking for the same cluster shares it, as testcontainers' reuse does).
import { createHash } from 'node:crypto';
import type { ClusterSpec } from '../../model/cluster-spec.js';

/** The variables test runners set in each worker, first found wins. */
const WORKER_VARS = ['VITEST_POOL_ID', 'VITEST_WORKER_ID', 'JEST_WORKER_ID'] as const;

/** The name `up` plans with before it knows the spec's hash (any valid name; it never reaches the engine). */
export const REUSE_PLACEHOLDER = 'kindling-reuse';

/** `kindling-w<worker>-<pid>` in a test worker, else `kindling-<pid>`: a DNS label of at most 32 characters (k3d's limit). */
export function workerClusterName(env: Record<string, string | undefined>, pid: number): string {
  const raw = WORKER_VARS.map((v) => env[v]).find((v) => v !== undefined && v !== '');
  const worker =
    raw === undefined
      ? ''
      : `w${raw
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
          .slice(0, 8)}-`;
  return `kindling-${worker}${pid}`;
}

/** JSON with every object's keys sorted, so that equal specs give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The sha256 of a spec's canonical JSON: "identical spec" means an identical hash. */
export function specHash(spec: ClusterSpec): string {
  return createHash('sha256').update(canonical(spec)).digest('hex');
}

/** `kindling-<12 hex of the spec's hash>` for a spec planned under REUSE_PLACEHOLDER. */
export function reuseClusterName(placeholderSpec: ClusterSpec): string {
  return `kindling-${specHash(placeholderSpec).slice(0, 12)}`;
}
