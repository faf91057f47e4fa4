// How an overlay names the base object a patch applies to: kustomize's patch target selector
// (group, version, kind, name, namespace), which also keys the in-process application.
import { apiGroup, type KubeObject } from '../kube-object.js';

/** A kustomize patch target for exactly one object; `group` is absent for the core group. */
export interface PatchTarget {
  group?: string;
  version: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** The patch target of a named object. */
export function patchTargetOf(o: KubeObject): PatchTarget {
  const group = apiGroup(o.apiVersion);
  return {
    ...(group === '' ? {} : { group }),
    version: o.apiVersion.slice(o.apiVersion.indexOf('/') + 1),
    kind: o.kind,
    name: o.metadata.name ?? '',
    ...(o.metadata.namespace === undefined ? {} : { namespace: o.metadata.namespace }),
  };
}

/** The same identity as objectKey() gives the targeted object, so patches can be matched to base objects. */
export function patchTargetKey(t: PatchTarget): string {
  return `${t.group ?? ''}/${t.kind}/${t.namespace ?? ''}/${t.name}`;
}

/** The apiVersion a patch target names. */
export function patchTargetApiVersion(t: PatchTarget): string {
  return t.group === undefined ? t.version : `${t.group}/${t.version}`;
}
