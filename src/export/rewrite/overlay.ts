// Runs every rewrite over the base objects for one target and collects the result as a kustomize overlay:
// JSON6902 patches per object, deletions, and new resources.
import type { SourcedObject } from '../kube-object.js';
import type { JsonPatchOp } from './json-patch.js';
import { patchTargetOf, type PatchTarget } from './patch-target.js';
import type { Rewrite, RewriteContext, RewriteOptions } from './rewrite-context.js';
import { rewriteImages } from './rewrite-images.js';
import { rewriteIngress } from './rewrite-ingress.js';
import { rewriteLoadBalancer } from './rewrite-load-balancers.js';
import { rewriteStorage } from './rewrite-storage.js';
import type { TargetName } from '../targets/index.js';

/**
 * One object's patch. JSON6902 rather than strategic merge: it names each changed field exactly (down to a container
 * index or an annotation key), it works the same on custom resources (strategic merge has no merge keys for them),
 * and RFC 6902 semantics are simple enough to apply in-process exactly as kustomize does.
 */
export interface ObjectPatch {
  target: PatchTarget;
  ops: JsonPatchOp[];
}

/** Everything overlays/<target>/ holds: patches, base objects to delete, and objects to add. */
export interface TargetOverlay {
  target: TargetName;
  options: RewriteOptions;
  patches: ObjectPatch[];
  deletions: PatchTarget[];
  resources: SourcedObject[];
}

// The order of operations inside one object's patch.
const REWRITES: readonly Rewrite[] = [rewriteStorage, rewriteImages, rewriteIngress, rewriteLoadBalancer];

/** The overlay for one target; pure: `base` is never mutated. Objects without a name cannot be targeted and are left as they are. */
export function rewriteForTarget(base: readonly SourcedObject[], target: TargetName, options: RewriteOptions = {}): TargetOverlay {
  const ctx: RewriteContext = { target, options, base: base.map((s) => s.object) };
  const overlay: TargetOverlay = { target, options, patches: [], deletions: [], resources: [] };
  for (const { object, origin } of base) {
    if (object.metadata.name === undefined) continue;
    const results = REWRITES.map((rewrite) => rewrite(object, ctx));
    const ops = results.flatMap((r) => r.ops);
    if (results.some((r) => r.drop === true)) overlay.deletions.push(patchTargetOf(object));
    else if (ops.length > 0) overlay.patches.push({ target: patchTargetOf(object), ops });
    overlay.resources.push(...results.flatMap((r) => r.add ?? []).map((added) => ({ object: added, origin })));
  }
  return overlay;
}
