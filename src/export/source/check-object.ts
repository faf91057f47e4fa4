// Decides whether one parsed YAML document is a Kubernetes object, a List of them, or not an object at all.
// Pure: returns the objects or a sentence saying what is wrong, so the caller can name file and document.
import type { KubeObject } from '../kube-object.js';
import { fieldTypeProblem } from './field-types.js';

/** The objects one document holds (and why some were left out), or why it holds none that kubectl would accept. */
export type CheckedDocument = { objects: KubeObject[]; findings: string[] } | { problem: string };

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a map' : `a ${typeof value}`;
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** Why `value` is not an object with apiVersion, kind and metadata.name (or generateName); undefined if it is. */
function objectProblem(value: unknown): string | undefined {
  if (!isMap(value)) return `expected a Kubernetes object (a map with apiVersion, kind and metadata), got ${describe(value)}`;
  if (!nonEmptyString(value.apiVersion)) return 'missing apiVersion';
  if (!nonEmptyString(value.kind)) return 'missing kind';
  const meta = value.metadata;
  if (!isMap(meta)) return `${value.kind} without metadata.name (or generateName)`;
  // A name that is not a string is an object with a wrong field: left out with a finding (field-types.ts).
  if (meta.name !== undefined && typeof meta.name !== 'string') return undefined;
  if (!(nonEmptyString(meta.name) || nonEmptyString(meta.generateName))) return `${value.kind} without metadata.name (or generateName)`;
  return undefined;
}

/** A `kind: List` or typed `FooList` with items; typed lists from the API may leave apiVersion and kind off items. */
function isList(value: Record<string, unknown>): boolean {
  return typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

function listItems(list: Record<string, unknown>): CheckedDocument {
  const itemKind = list.kind === 'List' ? undefined : String(list.kind).slice(0, -'List'.length);
  const objects: KubeObject[] = [];
  const findings: string[] = [];
  for (const [i, raw] of (list.items as unknown[]).entries()) {
    const item = isMap(raw) && itemKind !== undefined ? { apiVersion: list.apiVersion, kind: itemKind, ...raw } : raw;
    const problem = objectProblem(item);
    if (problem !== undefined) return { problem: `items[${i}]: ${problem}` };
    const misfit = fieldTypeProblem(item as KubeObject);
    if (misfit === undefined) objects.push(item as KubeObject);
    else findings.push(`items[${i}]: ${leftOut(item as KubeObject, misfit)}`);
  }
  return { objects, findings };
}

function leftOut(o: KubeObject, misfit: string): string {
  const name = typeof o.metadata.name === 'string' ? o.metadata.name : String(o.metadata.generateName ?? '');
  return `${o.kind} ${name ? `"${name}" ` : ''}left out: ${misfit}`;
}

/** The objects in one parsed document: itself, or the items of a List. */
export function checkDocument(value: unknown): CheckedDocument {
  if (isMap(value) && isList(value)) return listItems(value);
  const problem = objectProblem(value);
  if (problem !== undefined) return { problem };
  const misfit = fieldTypeProblem(value as KubeObject);
  return misfit === undefined
    ? { objects: [value as KubeObject], findings: [] }
    : { objects: [], findings: [leftOut(value as KubeObject, misfit)] };
}
