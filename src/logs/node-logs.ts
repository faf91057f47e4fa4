// Every container labelled for the cluster, as Docker lists it, and what each logged (docker logs --timestamps):
// read through the Docker API, so for kind and k3d alike and without the docker CLI.
import { stringify } from 'yaml';
import type { Context } from '../context.js';
import type { ContainerInfo } from '../runtime/docker-client.js';
import type { EngineName } from '../presets/schema.js';
import { clusterContainers } from '../status/observe.js';
import type { LogBundle } from './bundle.js';

/** Adds nodes/containers.yaml and nodes/<container>.log for each container; a container that fails is noted. */
export async function addNodeLogs(ctx: Context, name: string, engine: EngineName, bundle: LogBundle): Promise<void> {
  let containers: ContainerInfo[];
  try {
    containers = await clusterContainers(ctx, name, engine);
  } catch (err) {
    bundle.failed('Docker: list the node containers', err);
    return;
  }
  if (containers.length === 0) bundle.failed('Docker', new Error(`no container labelled for cluster "${name}"`));
  await bundle.add('nodes/containers.yaml', stringify(containers, { lineWidth: 0 }));
  const docker = await ctx.docker();
  for (const c of containers) {
    try {
      await bundle.add(`nodes/${c.name}.log`, await docker.containerLogs(c.id));
    } catch (err) {
      bundle.failed(`Docker: logs of ${c.name}`, err);
    }
  }
}
