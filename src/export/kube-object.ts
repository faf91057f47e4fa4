// The one shape every promotion step passes along: a Kubernetes object as parsed from YAML or read from the
// API, plus where it came from so that errors and report findings can name the file and document.

/** Object metadata as far as promotion reads it; everything else is kept verbatim. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

/** A Kubernetes object: apiVersion, kind, metadata, and any other top-level fields. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** Where an object came from: a file and its 0-based document index, or a live cluster. */
export type ObjectOrigin = { file: string; document: number } | { cluster: string };

/** An object with its origin. */
export interface SourcedObject {
  object: KubeObject;
  origin: ObjectOrigin;
}

/** The API group of an apiVersion ('' for the core group). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** A stable identity for an object: group/kind/namespace/name. */
export function objectKey(o: KubeObject): string {
  return `${apiGroup(o.apiVersion)}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

/** Human-readable origin for messages: `file.yaml#3` or `cluster NAME`. */
export function describeOrigin(origin: ObjectOrigin): string {
  return 'file' in origin ? `${origin.file}#${origin.document}` : `cluster ${origin.cluster}`;
}
