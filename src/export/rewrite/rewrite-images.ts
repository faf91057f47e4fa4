// Images only the dev cluster can pull (promotion.md 3.1): dev-registry references move to the user's registry,
// and `imagePullPolicy: Never` (side-loaded images) becomes IfNotPresent so the target pulls at all.
import type { KubeObject } from '../kube-object.js';
import { isDevRegistryImage, retargetImage } from './image-reference.js';
import type { JsonPatchOp } from './json-patch.js';
import { containersOf, type ContainerAt } from './pod-spec.js';
import type { ObjectRewrite, RewriteContext } from './rewrite-context.js';

/** Rewrites every container's image and pull policy; with no imageRegistry, dev images are left for the report. */
export function rewriteImages(o: KubeObject, ctx: RewriteContext): ObjectRewrite {
  return { ops: containersOf(o).flatMap((at) => [...imageOps(at, ctx.options.imageRegistry), ...pullPolicyOps(at)]) };
}

function imageOps({ container, pointer }: ContainerAt, registry: string | undefined): JsonPatchOp[] {
  const image = container.image;
  if (registry === undefined || typeof image !== 'string' || !isDevRegistryImage(image)) return [];
  return [{ op: 'replace', path: `${pointer}/image`, value: retargetImage(image, registry) }];
}

function pullPolicyOps({ container, pointer }: ContainerAt): JsonPatchOp[] {
  return container.imagePullPolicy === 'Never' ? [{ op: 'replace', path: `${pointer}/imagePullPolicy`, value: 'IfNotPresent' }] : [];
}
