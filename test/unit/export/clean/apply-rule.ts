// Runs one cleaning rule on a copy of an object, as cleanObject does, so rule tests can compare exact output.
import type { KubeObject } from '../../../../src/export/kube-object.js';

/** A copy of `object` after `rule`. */
export function applied(rule: (o: KubeObject) => void, object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  rule(copy);
  return copy;
}
