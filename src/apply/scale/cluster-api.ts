// The Kubernetes API of the cluster being scaled, through the kubeconfig the store keeps for it.
import { readFile } from 'node:fs/promises';
import type { Context } from '../../context.js';
import type { KubeApi } from '../../runtime/kube-api.js';

/** A client for the cluster's API server. */
export async function clusterApi(ctx: Context, cluster: string): Promise<KubeApi> {
  const path = await ctx.store.kubeconfigPath(cluster);
  if (!path) throw new Error(`the state store has no kubeconfig for "${cluster}"`);
  return ctx.kubeApi(await readFile(path, 'utf8'));
}
