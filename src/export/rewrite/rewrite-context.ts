// What every per-target rewrite receives and returns, so that the overlay can run them as one list.
import type { KubeObject } from '../kube-object.js';
import type { JsonPatchOp } from './json-patch.js';
import type { TargetName } from '../targets/index.js';

/** The choices only the user can make (issue 5: --image-registry; the rest through promote's options). */
export interface RewriteOptions {
  /** Registry (optionally with a path) that replaces dev registries in image references, e.g. `ghcr.io/team`. */
  imageRegistry?: string;
  /** StorageClass that replaces dev classes, overriding promotion.md's table for the target. */
  storageClass?: string;
  /** OpenShift only: turn Ingresses for the dev controller into Routes instead of using class openshift-default. */
  openshiftRoutes?: boolean;
  /** Make LoadBalancer Services and Ingress load balancers internal where the target can; otherwise they are public. */
  internalLoadBalancers?: boolean;
}

/** The target, the user's options and every base object (for lookups such as an Ingress's Services). */
export interface RewriteContext {
  target: TargetName;
  options: RewriteOptions;
  base: readonly KubeObject[];
}

/** One rewrite's verdict on one object: patch operations, whether to drop it, and new objects to add. */
export interface ObjectRewrite {
  ops: JsonPatchOp[];
  drop?: boolean;
  add?: KubeObject[];
}

/** A rewrite rule: pure, reads one base object, never mutates it. */
export type Rewrite = (o: KubeObject, ctx: RewriteContext) => ObjectRewrite;
