// Stops the nodes: k3d with its own `k3d cluster stop`; kind, which has no stop command, through the Docker
// API in order: the load balancer first, then control planes, then workers.
import { nativeStartStop } from '../../engines/engine.js';
import type { Action } from '../action.js';
import { nodeContainers } from '../node-containers.js';
import type { StopState } from './stop-state.js';

/** The stop-nodes step. */
export const stopNodes: Action<StopState> = {
  id: 'stop-nodes',
  async run(ctx, state) {
    const engine = await ctx.engine(state.spec.engine);
    const native = nativeStartStop(engine);
    if (native) return native.stop(state.spec.name);
    const docker = await ctx.docker();
    for (const { container } of await nodeContainers(ctx, state.spec)) await docker.stopContainer(container.id);
  },
};
