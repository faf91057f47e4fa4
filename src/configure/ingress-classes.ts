// The preset's IngressClasses as objects: the main class (default or not) and any extra class names for the
// same controller.
import type { ClusterSpec } from '../model/cluster-spec.js';

/** The annotation that marks the default IngressClass. */
export const DEFAULT_INGRESS_CLASS = 'ingressclass.kubernetes.io/is-default-class';

/** The spec.controller value each controller registers. */
export const INGRESS_CONTROLLERS = { nginx: 'k8s.io/ingress-nginx', traefik: 'traefik.io/ingress-controller' } as const;

/** IngressClass objects for the spec's ingress section, the main class first. */
export function ingressClassObjects(i: NonNullable<ClusterSpec['ingress']>): Record<string, unknown>[] {
  const make = (name: string, isDefault: boolean) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name, ...(isDefault ? { annotations: { [DEFAULT_INGRESS_CLASS]: 'true' } } : {}) },
    spec: { controller: INGRESS_CONTROLLERS[i.controller] },
  });
  return [make(i.className, i.default), ...i.extraClasses.map((n) => make(n, false))];
}
