// StorageClass names (promotion.md 2.1 and 3.4): claims naming a dev class get the target's class, or none so the
// target's default applies; the dev cluster's own StorageClass objects are dropped from the overlay.
import { apiGroup, type KubeObject } from '../kube-object.js';
import { claimClass, claimsOf, type ClaimAt } from './claims.js';
import type { JsonPatchOp } from './json-patch.js';
import type { ObjectRewrite, RewriteContext } from './rewrite-context.js';
import type { StorageMapping } from '../targets/index.js';
import { DEV_PROVISIONERS, DEV_STORAGE_CLASSES, storageMappingFor } from './storage-classes.js';

/** Drops dev StorageClass objects and maps dev class names in PVCs and volumeClaimTemplates. */
export function rewriteStorage(o: KubeObject, ctx: RewriteContext): ObjectRewrite {
  if (isDevStorageClass(o)) return { ops: [], drop: true };
  const mapping = storageMappingFor(ctx.target, ctx.options.storageClass);
  return { ops: claimsOf(o).flatMap((claim) => classOps(claim, mapping)) };
}

// Whether an object is a StorageClass whose provisioner makes node-local volumes (local-path and friends).
function isDevStorageClass(o: KubeObject): boolean {
  return o.kind === 'StorageClass' && apiGroup(o.apiVersion) === 'storage.k8s.io' && DEV_PROVISIONERS.includes(String(o['provisioner']));
}

function classOps(claim: ClaimAt, mapping: StorageMapping): JsonPatchOp[] {
  const current = claimClass(claim);
  if (current === undefined || !DEV_STORAGE_CLASSES.includes(current)) return [];
  const path = `${claim.pointer}/storageClassName`;
  if (mapping.action === 'use-default') return [{ op: 'remove', path }];
  if (mapping.action === 'rename' && mapping.className !== current) return [{ op: 'replace', path, value: mapping.className }];
  return [];
}
