// Property tests for cleanObject: idempotent, pure, strips every server field, and never drops what a user set
// (fields under keys starting with `x`, and every value of a defaulted field that is not its default).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanObject } from '../../../../src/export/clean/clean.js';
import { defaultPullPolicy } from '../../../../src/export/clean/pod-defaults.js';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { object, SERVER_META, service } from './arbitrary-objects.js';

type Path = ReadonlyArray<string | number>;
type Map = Record<string, unknown>;

/** Every [path, value] at a key starting with `x`, not looking inside them. (`status` is the server's, not the user's.) */
function userPaths(value: unknown, path: Path = []): Array<[Path, unknown]> {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const at = [...path, Array.isArray(value) ? Number(k) : k];
    return typeof k === 'string' && k.startsWith('x') && !Array.isArray(value) ? [[at, v] as [Path, unknown]] : userPaths(v, at);
  });
}

function at(root: unknown, path: Path): unknown {
  let current = root;
  for (const key of path) current = current !== null && typeof current === 'object' ? (current as Map)[key as string] : undefined;
  return current;
}

/** Every concrete path matching `pattern` ('*' = each list item), with its value. */
function matches(root: unknown, pattern: Path, path: Path = []): Array<[Path, unknown, unknown]> {
  if (pattern.length === 0) return [];
  const [head, ...rest] = pattern;
  const holder = at(root, path);
  if (holder === null || typeof holder !== 'object') return [];
  const keys = head === '*' ? (Array.isArray(holder) ? holder.map((_, i) => i) : []) : [head!];
  return keys.flatMap((k) => {
    const next = [...path, k];
    if (rest.length > 0) return matches(root, rest, next);
    return k in holder ? [[next, (holder as Map)[k as string], holder] as [Path, unknown, unknown]] : [];
  });
}

// Fields with a default, and when a value is that default: every other value must survive cleaning.
const POD = ['spec', 'template', 'spec'];
const CONTAINER = [...POD, 'containers', '*'];
const DEFAULTABLE: Array<[string, Path, (value: unknown, holder: Map) => boolean]> = [
  ['Deployment', [...POD, 'dnsPolicy'], (v) => v === 'ClusterFirst'],
  ['Deployment', [...POD, 'restartPolicy'], (v) => v === 'Always'],
  ['Deployment', [...POD, 'schedulerName'], (v) => v === 'default-scheduler'],
  ['Deployment', [...POD, 'terminationGracePeriodSeconds'], (v) => v === 30],
  ['Deployment', [...POD, 'enableServiceLinks'], (v) => v === true],
  ['Deployment', [...POD, 'securityContext'], (v) => JSON.stringify(v) === '{}'],
  ['Deployment', [...POD, 'serviceAccount'], (v, holder) => v === holder.serviceAccountName],
  ['Deployment', [...POD, 'volumes', '*', 'configMap', 'defaultMode'], (v) => v === 420],
  ['Deployment', [...CONTAINER, 'imagePullPolicy'], (v, holder) => v === defaultPullPolicy(String(holder.image))],
  ['Deployment', [...CONTAINER, 'terminationMessagePath'], (v) => v === '/dev/termination-log'],
  ['Deployment', [...CONTAINER, 'terminationMessagePolicy'], (v) => v === 'File'],
  ['Deployment', [...CONTAINER, 'resources'], (v) => JSON.stringify(v) === '{}'],
  ['Deployment', [...CONTAINER, 'securityContext'], (v) => JSON.stringify(v) === '{}'],
  ['Deployment', [...CONTAINER, 'ports', '*', 'protocol'], (v) => v === 'TCP'],
  ['Deployment', [...CONTAINER, 'readinessProbe', 'periodSeconds'], (v) => v === 10],
  ['Deployment', [...CONTAINER, 'readinessProbe', 'timeoutSeconds'], (v) => v === 1],
  ['Deployment', [...CONTAINER, 'readinessProbe', 'httpGet', 'scheme'], (v) => v === 'HTTP'],
  // 1 is the default; it goes only with evidence that the server set it (workload-defaults.test.ts has the cases).
  ['Deployment', ['spec', 'replicas'], (v) => v === 1],
  ['Deployment', ['spec', 'revisionHistoryLimit'], (v) => v === 10],
  ['Deployment', ['spec', 'progressDeadlineSeconds'], (v) => v === 600],
  ['Deployment', ['spec', 'strategy'], (v) => JSON.stringify(v) === '{"type":"RollingUpdate"}'],
  ['Service', ['spec', 'type'], (v) => v === 'ClusterIP'],
  ['Service', ['spec', 'clusterIP'], (v) => v !== 'None'],
  ['Service', ['spec', 'sessionAffinity'], (v) => v === 'None'],
  ['Service', ['spec', 'ports', '*', 'protocol'], (v) => v === 'TCP'],
  ['Service', ['spec', 'ports', '*', 'targetPort'], (v, holder) => v === holder.port],
  ['*', ['metadata', 'finalizers'], (v) => Array.isArray(v) && v.every((f) => f === 'kubernetes.io/pvc-protection')],
];

describe('cleanObject (properties)', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(object, (o) => {
        const once = cleanObject(o);
        expect(cleanObject(once)).toEqual(once);
      }),
    );
  });

  it('never changes its input', () => {
    fc.assert(
      fc.property(object, (o) => {
        const before = structuredClone(o);
        cleanObject(o);
        expect(o).toEqual(before);
      }),
    );
  });

  it('leaves no status and no server-written metadata', () => {
    fc.assert(
      fc.property(object, (o) => {
        const clean = cleanObject(o);
        expect(clean.status).toBeUndefined();
        for (const field of SERVER_META) expect(clean.metadata[field]).toBeUndefined();
        expect(Object.keys(clean.metadata.annotations ?? {}).filter((k) => !k.includes('/x') && !k.startsWith('x'))).toEqual([]);
      }),
    );
  });

  it('keeps every user field, at the same path, with the same value', () => {
    fc.assert(
      fc.property(object, (o) => {
        const clean = cleanObject(o);
        const { status: _status, ...owned } = o;
        for (const [path, value] of userPaths(owned)) expect(at(clean, path), path.join('.')).toEqual(value);
      }),
    );
  });

  it('keeps every value that is not the default of its field', () => {
    fc.assert(
      fc.property(object, (o) => {
        const clean = cleanObject(o);
        for (const [kind, pattern, isDefault] of DEFAULTABLE) {
          if (kind !== '*' && kind !== o.kind) continue;
          for (const [path, value, holder] of matches(o, pattern)) {
            if (isDefault(value, holder as Map)) continue;
            const kept = Array.isArray(value) ? (value as unknown[]).filter((f) => f !== 'kubernetes.io/pvc-protection') : value;
            expect(at(clean, path), path.join('.')).toEqual(kept);
          }
        }
      }),
    );
  });

  it('keeps the nodePorts of a hand-written NodePort or LoadBalancer Service', () => {
    const handWritten = service
      .filter((s) => s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer')
      .map((s) => ({ ...s, metadata: { name: 'web' } }) as KubeObject);
    fc.assert(
      fc.property(handWritten, (s) => {
        const ports = (o: KubeObject) => ((o.spec as Map).ports as Map[] | undefined)?.map((p) => p.nodePort);
        expect(ports(cleanObject(s))).toEqual(ports(s));
      }),
    );
  });
});
