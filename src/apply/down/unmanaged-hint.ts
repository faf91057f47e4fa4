// When `down` finds no cluster of that name in the store: if kind or k3d has one, say how to delete it
// with the engine itself (kindling never deletes what it did not make).
import type { Context } from '../../context.js';
import { engineNaming } from '../../model/engine-naming.js';

/** The hint for a name the store does not know. */
export async function unmanagedHint(ctx: Context, name: string): Promise<string> {
  // The hint is a courtesy: if Docker cannot be asked, the answer is still "not found".
  const docker = await ctx.docker().catch(() => undefined);
  if (!docker) return 'see `kindling list`';
  for (const [engine, naming] of Object.entries(engineNaming)) {
    const found = await docker.listContainers(naming.containerLabels(name)).catch(() => []);
    if (found.length > 0) {
      const how = engine === 'kind' ? `kind delete cluster --name ${name}` : `k3d cluster delete ${name}`;
      return `a ${engine} cluster of that name exists but kindling did not create it: delete it with \`${how}\``;
    }
  }
  return 'see `kindling list`';
}
