// Makes the cluster look like the preset's environment through the Kubernetes API: the StorageClass (when
// an add-on provides it), the IngressClasses (when an add-on provides the controller) and the
// local-registry-hosting ConfigMap. What the engine provides itself (kind's standard, k3s's local-path and
// Traefik) is left to the engine and only checked by the readiness stages.
import { ingressClassObjects } from '../../configure/ingress-classes.js';
import { registryHostingConfigMap } from '../../configure/registry-hosting.js';
import { ensureStorageClass } from '../../configure/storage-class.js';
import type { Action } from '../action.js';
import { answeringClusterApi } from './cluster-api.js';
import type { UpState } from './up-state.js';

/** The configure-cluster action (runs after apply-addons, so the API server already answered). */
export const configureCluster: Action<UpState> = {
  id: 'configure-cluster',
  async run(ctx, state) {
    const { spec } = state.plan;
    const api = await answeringClusterApi(ctx, state);
    if (spec.storage && spec.storage.providedBy !== 'engine') {
      for (const line of await ensureStorageClass(api, spec.storage)) ctx.logger.info(line);
    }
    if (spec.ingress && spec.ingress.providedBy !== 'engine') await api.apply(ingressClassObjects(spec.ingress));
    if (spec.registry) await api.apply([registryHostingConfigMap(spec.registry)]);
  },
};
