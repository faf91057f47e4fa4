// The bundle's CustomResourceDefinitions: restore waits until the API serves them before applying custom
// resources, and a dry run cannot check the kinds they define (their CRDs are not stored).
import type { Context } from '../../context.js';
import { TimedOutError } from '../../errors.js';
import type { KubeApi } from '../../runtime/kube-api.js';
import type { KubeObject } from '../kube-object.js';

/** Whether an object is a CustomResourceDefinition. */
export function isCrd(o: KubeObject): boolean {
  return o.kind === 'CustomResourceDefinition' && o.apiVersion.startsWith('apiextensions.k8s.io/');
}

/** Waits until every CRD is Established; TimedOutError after `limitMs`. */
export async function waitEstablished(ctx: Context, api: KubeApi, crds: readonly KubeObject[], limitMs: number): Promise<void> {
  const deadline = ctx.now().getTime() + limitMs;
  for (const crd of crds) {
    for (;;) {
      const live = await api.get({ apiVersion: crd.apiVersion, kind: crd.kind, name: crd.metadata.name ?? '' });
      const conditions = (live?.status as { conditions?: Array<{ type?: string; status?: string }> } | undefined)?.conditions ?? [];
      if (conditions.some((c) => c.type === 'Established' && c.status === 'True')) break;
      if (ctx.now().getTime() > deadline) {
        throw new TimedOutError(
          'crds',
          `CustomResourceDefinition ${crd.metadata.name} was not established within ${Math.round(limitMs / 1000)} s`,
          'check the API server, then run restore again (it is idempotent)',
        );
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** The `group/Kind` of every kind the CRDs define. */
export function kindsDefinedBy(crds: readonly KubeObject[]): Set<string> {
  return new Set(
    crds.map((crd) => {
      const spec = (crd.spec ?? {}) as { group?: string; names?: { kind?: string } };
      return `${spec.group ?? ''}/${spec.names?.kind ?? ''}`;
    }),
  );
}
