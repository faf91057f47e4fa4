// When `down` finds no cluster of that name in the store: if kind or k3d has one, say how to delete it
// with the engine itself (kindling never deletes what it did not make).
import type { Context } from '../../context.js';
import { engineNaming } from '../../model/engine-naming.js';

/** The hint for a name the store does not know. */
export async function unmanagedHint(ctx: Context, name: string): Promise<string> {
  const found = await unmanagedCluster(ctx, name);
  return found
    ? `a ${found.engine} cluster of that name exists but kindling did not create it: delete it with \`${found.how}\``
    : 'see `kindling list`';
}

/** A kind or k3d cluster of that name in Docker (made without kindling), with the command that deletes it. */
export async function unmanagedCluster(ctx: Context, name: string): Promise<{ engine: string; how: string } | undefined> {
  // A courtesy: if Docker cannot be asked, there is none to report.
  const docker = await ctx.docker().catch(() => undefined);
  if (!docker) return undefined;
  for (const [engine, naming] of Object.entries(engineNaming)) {
    const found = await docker.listContainers(naming.containerLabels(name)).catch(() => []);
    if (found.length > 0) return { engine, how: engine === 'kind' ? `kind delete cluster --name ${name}` : `k3d cluster delete ${name}` };
  }
  return undefined;
}
