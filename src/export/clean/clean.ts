// Turns an object read from a cluster or a file into a clean, re-appliable manifest: what kubectl-neat and
// Velero remove (promotion.md 4.1, 4.2, 4.5), nothing else. Pure and idempotent: the input is never changed,
// and cleaning a clean object changes nothing.
import type { KubeObject } from '../kube-object.js';
import { cleanJobLabels } from './job-labels.js';
import { cleanMetadata } from './metadata.js';
import { cleanNamespace } from './namespace.js';
import { cleanPodDefaults } from './pod-defaults.js';
import { cleanPodInjected } from './pod-injected.js';
import { cleanServiceAccountTokens } from './service-account-tokens.js';
import { cleanNodePorts } from './service-node-ports.js';
import { cleanService } from './service.js';
import { cleanStatus } from './status.js';
import { cleanStorage } from './storage.js';
import { cleanWorkloadDefaults } from './workload-defaults.js';

// Rules that read managedFields or annotations (node ports, storage binding, service-account uid) run before
// cleanMetadata removes them.
const RULES: ReadonlyArray<(o: KubeObject) => void> = [
  cleanNodePorts,
  cleanStorage,
  cleanServiceAccountTokens,
  cleanStatus,
  cleanService,
  cleanPodInjected,
  cleanPodDefaults,
  cleanWorkloadDefaults,
  cleanJobLabels,
  cleanNamespace,
  cleanMetadata,
];

/** A cleaned copy of `object`. */
export function cleanObject(object: KubeObject): KubeObject {
  const copy = copyForCleaning(object);
  for (const rule of RULES) rule(copy);
  return copy;
}

// A deep copy, except metadata.managedFields (often the largest part of a live object), which the rules only read
// and cleanMetadata removes: it is shared with the input, not copied.
function copyForCleaning(object: KubeObject): KubeObject {
  const copy = {} as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const value = (object as Record<string, unknown>)[key];
    setKey(copy, key, key === 'metadata' ? copyMetadata(value) : copyData(value));
  }
  return copy as KubeObject;
}

function copyMetadata(metadata: unknown): unknown {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) return copyData(metadata);
  const copy = {} as Record<string, unknown>;
  for (const key of Object.keys(metadata)) {
    const value = (metadata as Record<string, unknown>)[key];
    setKey(copy, key, key === 'managedFields' ? value : copyData(value));
  }
  return copy;
}

// Manifests are plain data (maps, lists, strings, numbers, booleans, nulls): a direct copy is several times
// faster than structuredClone on them.
function copyData(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyData);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const copy = {} as Record<string, unknown>;
  for (const key of Object.keys(value)) setKey(copy, key, copyData((value as Record<string, unknown>)[key]));
  return copy;
}

// defineProperty for a key named __proto__, so that it stays a key.
function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}
